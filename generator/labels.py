"""The words the site shows for the model's codes: levels, statuses, firms, relations, units,
section titles. One place, so that another language edition changes words here only."""

from __future__ import annotations

from generator.registry import FOLDERS

LEVELS = {
    "national": "National",
    "provincial": "Provincial",
    "municipal": "Municipal",
    "national-financial-institution": "National financial institution",
}
STATUSES = {
    "announced": "Announced",
    "in-force": "In force",
    "suspended": "Suspended",
    "expired": "Expired",
    "unknown": "Unknown",
}
FIRMS = {
    "all": "All firms",
    "smes": "Small and medium-sized enterprises",
    "sector-specific": "Firms in particular sectors",
    "location-specific": "Firms in particular places",
    "firm-specific": "Particular firms",
    "unknown": "Not stated",
}
RELATIONS = {
    "part-of": ("Part of", "Has part"),
    "implements": ("Implements", "Implemented by"),
    "extends": ("Extends", "Extended by"),
    "supersedes": ("Supersedes", "Superseded by"),
    "local-implementation-of": ("Local implementation of", "Implemented locally by"),
}
"""Relation type -> (label from the measure that declares it, label from its target)."""
STAGES = {"announced": "Announced", "implemented": "Implemented", "removed": "Removed"}
"""A measure's dates, as its page labels them."""
STAGE_VERBS = {"announced": "announced", "implemented": "takes effect", "removed": "removed"}
"""A measure's dates, as the timeline and the calendar say them: "X takes effect"."""
UNITS = {
    "percent": "%",
    "percentage-points": " percentage points",
    "basis-points": " basis points",
    "days": " days",
    "months": " months",
    "years": " years",
    "points": " points",
    "count": "",
}
"""How a unit follows a number (dollars and yuan are placed by ``render.markdown.number``)."""
QUALIFIERS = {
    "exactly": "",
    "about": "about ",
    "up-to": "up to ",
    "as-much-as": "as much as ",
    "over": "over ",
    "less-than": "less than ",
}


def section_title(folder: str) -> str:
    """The title of a site section: agencies -> Agencies and organisations."""
    return FOLDERS[folder].title


HOME_TITLE = "Home"
"""The home page's name in the navigation; the site's name is in the header, once."""

OTHER_SECTIONS = {"figures": "Figures"}
"""Site sections that hold no records, by folder: their titles (after the records' sections)."""
