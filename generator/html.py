"""Lighter HTML: the whitespace that page templates leave between tags, removed safely."""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL | re.IGNORECASE)
_BLANK_RUN = re.compile(r"[ \t\r]*\n\s*")


def collapse_whitespace(html: str) -> str:
    """Each run of whitespace that holds a line break becomes one line break.

    Browsers render such a run as a single space (or nothing between blocks), so the page
    looks the same; text inside <pre> and <textarea>, where whitespace shows, is untouched.
    """
    parts = _KEEP.split(html)
    return "".join(part if index % 2 else _BLANK_RUN.sub("\n", part) for index, part in enumerate(parts))
