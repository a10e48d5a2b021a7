"""The policy domain: the records that content files describe.

Every record is a frozen dataclass. Each field carries its documentation in
``metadata["doc"]``; the validator and the JSON Schema both read these classes,
so the model is written once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Literal, NewType

from generator.dates import PartialDate

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A record id, which is also its file name: lower-case letters and digits joined by single hyphens."""
RENAMED_FIELDS = {"on": "when"}
"""Field names that changed, old -> new: a file with the old one gets a hint. (``on`` went
because YAML 1.1 readers, such as PyYAML's ``safe_load``, read it as the boolean true.)"""
RESERVED_IDS = frozenset({"index", "tags", "all", "by-date", "by-level", "by-status", "timeline"})
"""Ids (and former ids) that would collide with the section pages the generator writes."""
MAX_REF = 40
"""Longest paragraph locator: it becomes part of an address (#para-...)."""


MAX_TEXT = 4000
"""Longest text field accepted, in characters, unless the field sets its own limit."""
MAX_NAME = 200
"""Longest name or title: it shows in the navigation and the page title of every page around it."""
MAX_NAME_ZH = 50
"""Longest Chinese name: search indexes each of its suffixes, so its size counts squared."""


def doc(text: str, limit: int = MAX_TEXT, anchor: str = "", **kwargs: Any) -> Any:
    """A dataclass field documented for contributors (and the JSON Schema); ``limit`` bounds its text.

    ``anchor`` names a cited statement's id on the page when it is not the field's name
    (``provision`` gives provision-1, provision-2 ...).
    """
    metadata = {"doc": text, "max_length": limit} | ({"anchor": anchor} if anchor else {})
    return field(metadata=metadata, **kwargs)


def former_ids() -> Any:
    """The ``aliases`` field every record has."""
    return doc("Former ids of this record; their old addresses redirect here.", default=())


def chinese_name(text: str) -> Any:
    """The ``name_zh`` field of a record that has a Chinese name."""
    return doc(text, limit=MAX_NAME_ZH, default="")


# References: a field typed with one of these must name an existing record.
MeasureId = NewType("MeasureId", str)
SourceId = NewType("SourceId", str)
AgencyId = NewType("AgencyId", str)
PersonId = NewType("PersonId", str)
PlaceId = NewType("PlaceId", str)
TopicId = NewType("TopicId", str)
InstrumentId = NewType("InstrumentId", str)
"""An entry of the controlled vocabulary in ``generator/vocabulary.py``."""

FormerId = NewType("FormerId", str)
"""An id a record had before it was renamed."""

Tag = NewType("Tag", str)
"""A cross-cutting theme: lower-case words joined by hyphens (smes, credit-insurance)."""

ParagraphRef = NewType("ParagraphRef", str)
"""A paragraph number (``4``), a range (``"10-12"``) or a named locator (``whos-who-tmall``)."""

Basis = Literal["stated", "inferred"]
Level = Literal["national", "provincial", "municipal", "national-financial-institution"]
Status = Literal["announced", "in-force", "suspended", "expired", "unknown"]
EligibleFirms = Literal["all", "smes", "sector-specific", "location-specific", "firm-specific", "unknown"]
RelationType = Literal["part-of", "implements", "extends", "supersedes", "local-implementation-of"]
SourceKind = Literal["official-notice", "press-briefing", "press-release", "news-article", "policy-document", "other"]
TextBasis = Literal["full-text", "ai-generated-digest", "excerpt"]
Access = Literal["open", "paywalled", "unknown"]
Unit = Literal[
    "percent",
    "percentage-points",
    "basis-points",
    "usd",
    "cny",
    "days",
    "months",
    "years",
    "points",
    "count",
]
Scale = Literal["thousand", "million", "billion", "trillion"]
Qualifier = Literal["exactly", "about", "up-to", "as-much-as", "over", "less-than"]
AgencyKind = Literal[
    "ministry",
    "regulator",
    "central-bank",
    "commission",
    "bureau",
    "policy-insurer",
    "local-government",
    "company",
    "platform",
    "media",
    "government",
]
PlaceKind = Literal["country", "region", "province", "city", "economy"]


@dataclass(frozen=True)
class Citation:
    """Where a claim is written: a source and one of its paragraphs."""

    source: SourceId = doc("The id of the source record (a file in content/sources/).")
    para: ParagraphRef = doc(
        'The paragraph that supports the claim: a number, a range such as "10-12", or a named locator the source lists.'
    )
    basis: Basis = doc(
        "'stated' when the source says it; 'inferred' when it follows from what the source says.",
        default="stated",
    )
    quote: str = doc(
        "The source's exact words that support the claim, at most 30 words (checked against the source's "
        "fingerprint in content/fingerprints/).",
        limit=400,
        default="",
    )

    def paragraphs(self) -> tuple[str, ...]:
        """The locators this citation covers: "10-12" gives ("10", "11", "12")."""
        return _locators(self.para)


@functools.lru_cache(maxsize=4096)
def _locators(para: str) -> tuple[str, ...]:
    start, dash, end = para.partition("-")
    if dash and start.isdigit() and end.isdigit() and int(start) < int(end):
        return tuple(str(number) for number in range(int(start), int(end) + 1))
    return (para,)


Cites = tuple[Citation, ...]


CLAUSE_MARK = re.compile(r"\[(\d{1,2})\]")
"""Where a citation supports a clause: ``[2]`` stands for the claim's second citation."""


@dataclass(frozen=True)
class Claim:
    """One sentence or short passage in our words, with the paragraphs that support it."""

    text: str = doc(
        "The claim in our own words, as plain text (no Markdown, no HTML). Where citations support "
        "different clauses, put [1], [2] ... right after the clause each supports; unplaced ones go at the end."
    )
    cite: Cites = doc("At least one citation that supports the claim.")

    def clauses(self) -> list[tuple[str, tuple[Citation, ...]]]:
        """The text cut after each clause mark, each piece with the citations placed after it;
        the last piece also carries every citation no mark places."""
        pieces: list[tuple[str, tuple[Citation, ...]]] = []
        start, placed = 0, set()
        for mark in CLAUSE_MARK.finditer(self.text):
            index = int(mark.group(1)) - 1
            pieces.append((self.text[start : mark.start()].rstrip(), (self.cite[index],)))
            placed.add(index)
            start = mark.end()
        rest = tuple(citation for i, citation in enumerate(self.cite) if i not in placed)
        pieces.append((self.text[start:], rest))
        return [(piece, cites) for piece, cites in pieces if piece.strip() or cites]

    @property
    def plain(self) -> str:
        """The text without clause marks, for places that show no footnotes."""
        return " ".join(re.sub(r"\s*" + CLAUSE_MARK.pattern, "", self.text).split())


@dataclass(frozen=True)
class DatedFact:
    """A date in a record's life, with where it is written."""

    when: PartialDate = doc("YYYY-MM-DD, YYYY-MM or YYYY; leave the fact out when the date is unknown.")
    cite: Cites = doc("The citations that give this date.")
    note: str = doc("What the date is, when that needs saying.", default="")


@dataclass(frozen=True)
class StatusFact:
    """Whether a measure is announced, in force, suspended or expired, with where it is written."""

    value: Status = doc("announced, in-force, suspended, expired or unknown.")
    cite: Cites = doc("The citations that support the status.")
    note: str = doc("What the status rests on, when that needs saying.", default="")


@dataclass(frozen=True)
class Figure:
    """A number a source gives, with what it measures."""

    value: float = doc("The number as the source gives it (15.3 for 15.3%).")
    unit: Unit = doc("The unit of the value.")
    what: str = doc("What the number measures, in our words.")
    period: str = doc("The period the number covers, or 'not stated'.")
    cite: Cites = doc("The citations that give this figure.")
    scale: Scale | None = doc("Multiplier words, e.g. 'million' for $8 million.", default=None)
    qualifier: Qualifier = doc("'up-to' for 'up to 80%', 'over' for 'over 90%'.", default="exactly")


@dataclass(frozen=True)
class Relation:
    """A typed link from one measure to another."""

    type: RelationType = doc("How this measure relates to the other one.")
    measure: MeasureId = doc("The id of the other measure.")


@dataclass(frozen=True)
class Lifecycle:
    """The dates of a measure; each is optional because sources often leave them out."""

    announced: DatedFact | None = doc("When the measure was announced.", anchor="date-announced", default=None)
    implemented: DatedFact | None = doc("When it took effect.", anchor="date-implemented", default=None)
    removed: DatedFact | None = doc("When it was lifted or expired.", anchor="date-removed", default=None)


@dataclass(frozen=True)
class Addition:
    """Something on a record that no source gives: our own knowledge, marked as ours."""

    field: str = doc("Where it is, as a field path: name_zh, abbreviation, figures[1].unit.", limit=MAX_NAME)
    note: str = doc("What we added and on what basis, e.g. 'the standard Chinese name; not in the sources'.")


def our_additions() -> Any:
    """The ``ours`` field: what on a record comes from us rather than from a source."""
    return doc("What on this record is ours, not a source's: each field we filled in ourselves.", default=())


@dataclass(frozen=True)
class RecordBase:
    """What every record has: its id (the file name). Records also share ``aliases``
    (``former_ids()``) and, where they have one, ``name_zh`` (``chinese_name()``)."""

    id: str = doc("The file name without .yaml; set from the file name.")


@dataclass(frozen=True)
class Measure(RecordBase):
    """A policy measure that supports foreign trade."""

    title: str = doc("A short English title in our words.", limit=MAX_NAME)
    summary: Claim = doc("Two or three sentences on what the measure does, with citations.")
    agencies: tuple[AgencyId, ...] = doc("The agencies that issue or carry out the measure.")
    jurisdiction: PlaceId = doc("The place the measure applies in.")
    level: Level = doc("The level of government behind the measure.")
    instruments: tuple[InstrumentId, ...] = doc("Instrument types, from the controlled vocabulary.")
    status: StatusFact | None = doc("Status as of the newest source; leave out when unknown.", default=None)
    name_zh: str = chinese_name("The official Chinese name, when a source gives it.")
    dates: Lifecycle = doc("Announced, implemented and removed dates.", default=Lifecycle())
    eligible_firms: tuple[EligibleFirms, ...] = doc("Which firms can benefit.", default=("unknown",))
    provisions: tuple[Claim, ...] = doc("Key provisions, each with its citations.", anchor="provision", default=())
    figures: tuple[Figure, ...] = doc("Numbers that describe the measure.", anchor="figure", default=())
    open_questions: tuple[Claim, ...] = doc(
        "Caveats: what the sources leave open or only imply about the measure, each with its citations.",
        anchor="open",
        default=(),
    )
    relations: tuple[Relation, ...] = doc("Typed links to other measures.", default=())
    topics: tuple[TopicId, ...] = doc("Topics the measure belongs to.", default=())
    people: tuple[PersonId, ...] = doc("People who announced or spoke for the measure.", default=())
    tags: tuple[Tag, ...] = doc("Tags for cross-cutting themes: lower-case words joined by hyphens.", default=())

    ours: tuple[Addition, ...] = our_additions()
    aliases: tuple[FormerId, ...] = former_ids()

    @property
    def current_status(self) -> Status:
        """The status, or 'unknown' when no source gives it."""
        return self.status.value if self.status else "unknown"


@dataclass(frozen=True)
class Paragraph:
    """A locator inside a source that citations point at."""

    ref: ParagraphRef = doc("The paragraph number, or a named locator such as whos-who-tmall.")
    gist: str = doc("What the paragraph covers, in our words (never copied).")
    label: str = doc("How to name the locator when it is not a number.", limit=MAX_NAME, default="")


@dataclass(frozen=True)
class Source(RecordBase):
    """A document that claims cite: an article, a briefing, a notice."""

    title: str = doc("The title as published (or a description in brackets when it has none).", limit=MAX_NAME)
    publisher: str = doc("Who published it, or 'unknown'.", limit=MAX_NAME)
    kind: SourceKind = doc("What sort of document it is.")
    official: bool = doc("True when the publisher is a government body speaking for itself.")
    language: str = doc("ISO 639-1 code of the text we read, e.g. en.")
    access: Access = doc("Whether the text is open or behind a paywall.")
    text_basis: TextBasis = doc("Whether we read the full text, an excerpt or an AI-generated digest.")
    paragraphs: tuple[Paragraph, ...] = doc("The locators citations may point at.")
    about: str = doc("What the source is and how far to trust it, in our words.")
    published: PartialDate | None = doc("Publication date; leave out when unknown.", default=None)
    published_time: str = doc("Local time of publication, HH:MM, when given.", default="")
    timezone: str = doc("UTC offset of the publication time, e.g. +08:00.", default="")
    url: str = doc("Address of the document (http or https), when known.", default="")
    accessed: PartialDate | None = doc("When we read it, when known.", default=None)
    archive_url: str = doc("An archived copy (http or https), when one exists.", default="")
    aliases: tuple[FormerId, ...] = former_ids()


@dataclass(frozen=True)
class Agency(RecordBase):
    """A government body, state institution, company or platform."""

    name: str = doc("The English name.", limit=MAX_NAME)
    kind: AgencyKind = doc("What sort of body it is.")
    description: Claim = doc("One or two sentences on what it is, with citations.")
    name_zh: str = chinese_name("The standard Chinese name, when there is one.")
    abbreviation: str = doc("The usual English abbreviation (NFRA, PBOC).", limit=MAX_NAME, default="")
    parent: AgencyId | None = doc("The body it belongs to.", default=None)
    place: PlaceId | None = doc("Where it is based or governs.", default=None)
    ours: tuple[Addition, ...] = our_additions()
    aliases: tuple[FormerId, ...] = former_ids()


@dataclass(frozen=True)
class Role:
    """A position a person held, as a source describes it."""

    title: str = doc("The position, in our words.")
    cite: Cites = doc("The citations that give the role.")
    agency: AgencyId | None = doc("The body the position is in.", default=None)


@dataclass(frozen=True)
class Person(RecordBase):
    """An official or other person a source names."""

    name: str = doc("The name in English order as the source gives it.", limit=MAX_NAME)
    roles: tuple[Role, ...] = doc("Positions as of the sources.", anchor="role")
    name_zh: str = chinese_name("The name in Chinese characters, when known.")
    ours: tuple[Addition, ...] = our_additions()
    aliases: tuple[FormerId, ...] = former_ids()


@dataclass(frozen=True)
class Place(RecordBase):
    """A country, province or city."""

    name: str = doc("The English name.", limit=MAX_NAME)
    kind: PlaceKind = doc("What sort of place it is.")
    description: Claim = doc("What the sources say about it, with citations.")
    name_zh: str = chinese_name("The Chinese name.")
    parent: PlaceId | None = doc("The place it lies in.", default=None)
    figures: tuple[Figure, ...] = doc("Numbers the sources give about the place.", anchor="figure", default=())
    ours: tuple[Addition, ...] = our_additions()
    aliases: tuple[FormerId, ...] = former_ids()


@dataclass(frozen=True)
class Topic(RecordBase):
    """An instrument or theme that measures share."""

    name: str = doc("The English name.", limit=MAX_NAME)
    description: Claim = doc("A few sentences that explain it, with citations.")
    name_zh: str = chinese_name("The Chinese term, when standard.")
    parent: TopicId | None = doc("A broader topic.", default=None)
    figures: tuple[Figure, ...] = doc("Numbers the sources give about the topic.", anchor="figure", default=())
    ours: tuple[Addition, ...] = our_additions()
    aliases: tuple[FormerId, ...] = former_ids()


@dataclass(frozen=True)
class Event(RecordBase):
    """Something that happened on a date: a briefing, a negotiation, an announcement."""

    title: str = doc("A short title in our words.", limit=MAX_NAME)
    summary: Claim = doc("What happened, with citations.")
    date: DatedFact | None = doc("When it happened; leave out when unknown.", default=None)
    measures: tuple[MeasureId, ...] = doc("Measures announced or affected.", default=())
    agencies: tuple[AgencyId, ...] = doc("Bodies involved.", default=())
    people: tuple[PersonId, ...] = doc("People involved.", default=())
    places: tuple[PlaceId, ...] = doc("Places involved.", default=())
    topics: tuple[TopicId, ...] = doc("Topics it belongs to.", default=())
    figures: tuple[Figure, ...] = doc("Numbers the sources give about the event.", anchor="figure", default=())
    ours: tuple[Addition, ...] = our_additions()
    aliases: tuple[FormerId, ...] = former_ids()


Record = Measure | Source | Agency | Person | Place | Topic | Event

REFERENCE_FOLDERS: dict[object, str] = {
    MeasureId: "measures",
    SourceId: "sources",
    AgencyId: "agencies",
    PersonId: "people",
    PlaceId: "places",
    TopicId: "topics",
}
"""Reference type -> the content folder whose ids it must name."""
