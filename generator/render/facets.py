"""The facets of the table of all measures: its columns, what a measure shows in each, and the
address of the table filtered to one value.

The table (``indexes.measures_index``), its script (``measure-table.js``, which reads the keys
from the page), the links of grouped pages and the home page's charts all take them from here,
so that a link "N measures" leads to exactly the N rows it counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from generator.catalog import Catalog
from generator.dates import PartialDate
from generator.labels import FIRMS, LEVELS, STATUSES
from generator.model import Measure
from generator.vocabulary import INSTRUMENTS


@dataclass(frozen=True)
class Column:
    """A column of the table of all measures: its key (in the filter and the address, as
    ``?status=In+force``) and its heading."""

    key: str
    heading: str


MEASURE, INSTRUMENT, ISSUED_BY, WHERE, LEVEL, STATUS, FOR, YEAR = MEASURE_TABLE = (
    Column("measure", "Measure"),
    Column("instrument", "Instrument"),
    Column("issued-by", "Issued by"),
    Column("where", "Where"),
    Column("level", "Level"),
    Column("status", "Status"),
    Column("for", "For"),
    Column("year", "Year"),
)
MONTH = Column("month", "Month")
"""Not a column: the table's script filters on the month its Year cells carry (``<time>``)."""

UNKNOWN_YEAR = "unknown"
"""What the Year column shows for a measure with no known date."""


def measure_date(catalog: Catalog, measure: Measure) -> tuple[PartialDate, str] | None:
    """When a measure was announced, or else when it was first reported (the earliest dated
    source that reports it), with which of the two it is; none when neither is known."""
    if measure.dates.announced:
        return measure.dates.announced.when, "announced"
    reported = catalog.first_reported.get(measure.id)
    return (reported[0], "first reported") if reported else None


def values(catalog: Catalog, measure: Measure) -> dict[Column, tuple[str, ...]]:
    """What a measure shows in each filterable column, as plain (unescaped) text; a cell that
    holds several values shows them joined by "; "."""
    found = measure_date(catalog, measure)
    return {
        INSTRUMENT: tuple(INSTRUMENTS[i].label for i in measure.instruments),
        ISSUED_BY: tuple(catalog.agencies[a].name for a in measure.agencies),
        WHERE: (catalog.places[measure.jurisdiction].name,),
        LEVEL: (LEVELS[measure.level],),
        STATUS: (STATUSES[measure.current_status],),
        FOR: tuple(FIRMS[f] for f in measure.eligible_firms),
        YEAR: (str(found[0].year) if found else UNKNOWN_YEAR,),
    }


def month_key(when: PartialDate) -> str:
    """The month a date falls in, as the table's address gives it (2025-05); a date known only to
    the year has none."""
    return f"{when.year:04d}-{when.month:02d}" if when.month else ""


def query(column: Column, value: str) -> str:
    """The query of the table of measures filtered to ``value`` in ``column``, as a cell shows it
    (whitespace runs as one space): ``level=Municipal``. Safe in a Markdown link and, once
    HTML-escaped, in an attribute: every character but letters, digits and ``_.-~`` is
    percent-encoded."""
    return urlencode({column.key: " ".join(value.split())})
