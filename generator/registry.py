"""The record types: one entry per kind of record, everything the generator needs to know
about a kind besides its fields (its folder, its names, its place in the site).

Adding a kind of record: its dataclass in ``generator/model.py``, an entry here, and the body
of its page in ``generator/render/bodies.py`` (checked when that module loads).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Agency, Event, Measure, Person, Place, Record, Source, Topic


@dataclass(frozen=True)
class RecordType:
    """A kind of record and how the site shows it."""

    folder: str
    """The content folder and the site section: measures."""
    cls: type
    singular: str
    """One record of the kind, in messages and commands: measure."""
    title: str
    """The title of the site section."""
    intro: str
    """The first line of the section's index page (Markdown; links relative to that page)."""
    name_field: str
    """The field that names a record on the site: title or name."""
    search_weight: float
    """How much a match in a record's names (name, abbreviation, Chinese name, other names)
    counts in search, as a Pagefind metadata weight (``render/search.py: ranking``): a bare
    place name finds the place before the bodies and measures named after it; source pages,
    which repeat every claim that cites them, come after the claims' own pages."""


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType("measures", Measure, "measure", "Measures", "Every measure on the site.", "title", 6.0),
    RecordType(
        "sources",
        Source,
        "source",
        "Sources",
        "The documents the site cites, with what sort of source each is.",
        "title",
        2.0,
    ),
    RecordType(
        "agencies",
        Agency,
        "agency",
        "Agencies and organisations",
        "Each body the sources name, and the measures it issues or carries out.",
        "name",
        8.0,
    ),
    RecordType("people", Person, "person", "People", "The people the sources name.", "name", 10.0),
    RecordType("places", Place, "place", "Places", "Each place, and the measures that apply there.", "name", 12.0),
    RecordType(
        "topics",
        Topic,
        "topic",
        "Topics",
        "What measures are about: each topic, explained on its page, and the measures on it. "
        "An instrument says instead what kind of tool a measure is, and a tag is a short label: "
        "[how the three differ](../about.md#instruments-topics-and-tags).",
        "name",
        6.0,
    ),
    RecordType("events", Event, "event", "Events", "Dated events and measure dates in order.", "title", 4.0),
)
"""Every kind of record, in the order of the site's navigation."""

FOLDERS: dict[str, RecordType] = {kind.folder: kind for kind in RECORD_TYPES}
"""Content folder -> its kind of record."""
_BY_CLASS: dict[type, RecordType] = {kind.cls: kind for kind in RECORD_TYPES}


def record_type(record: Record) -> RecordType:
    """The kind of a record."""
    return _BY_CLASS[type(record)]


def display_name(record: Record) -> str:
    """What a record is called on the site: a measure's title, an agency's name."""
    name: str = getattr(record, _BY_CLASS[type(record)].name_field)
    return name
