"""Dates as sources give them: a day, a month or a year, never guessed finer."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = tuple(calendar.month_name)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError saying what is wrong."""
        match = _PATTERN.fullmatch(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has month {month}; months run from 01 to 12")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"'{text}' has day {day}; {_MONTHS[month]} {year} has {last} days")
        return cls(year, month, day)

    def iso(self) -> str:
        """The date in ISO 8601 at its own precision (2025, 2025-05, 2025-05-14)."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self) -> str:
        """The date for readers, the same way everywhere: 14 May 2025, May 2025, 2025."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTHS[self.month]} {self.year}"
        return f"{self.day} {_MONTHS[self.month]} {self.year}"

    def sort_key(self) -> tuple[int, int, int]:
        """Order by year, then month, then day; a coarser date sorts first in its span."""
        return (self.year, self.month or 0, self.day or 0)
