"""All records of a site, indexed by folder and id, with the links between them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from generator.model import (
    RECORD_TYPES,
    Agency,
    Citation,
    Claim,
    DatedFact,
    Event,
    Figure,
    Measure,
    Person,
    Place,
    Record,
    Role,
    Source,
    StatusFact,
    Topic,
)

Key = tuple[str, str]
"""A record's address: (folder, id), e.g. ("measures", "yiwu-premium-subsidy")."""


@dataclass(frozen=True)
class Catalog:
    """Every validated record; the single input of rendering."""

    measures: dict[str, Measure] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)

    def folder(self, name: str) -> dict[str, Record]:
        """The records of one content folder, by id."""
        records: dict[str, Record] = getattr(self, name)
        return records

    def get(self, key: Key) -> Record:
        """The record at ``key``."""
        return self.folder(key[0])[key[1]]

    def keys(self) -> Iterator[Key]:
        """Every record's key, folder by folder, ids sorted."""
        for name in RECORD_TYPES:
            for record_id in sorted(self.folder(name)):
                yield name, record_id

    @cached_property
    def referenced_by(self) -> dict[Key, list[Key]]:
        """For each record, the records whose pages link to it (sorted, no repeats, no self)."""
        inbound: dict[Key, set[Key]] = {}
        for key in self.keys():
            for target in references(self.get(key)):
                if target != key:
                    inbound.setdefault(target, set()).add(key)
        return {key: sorted(sources) for key, sources in inbound.items()}

    @cached_property
    def inverse_relations(self) -> dict[str, list[tuple[str, str]]]:
        """For each measure, the (relation type, measure id) pairs that point at it."""
        inverse: dict[str, list[tuple[str, str]]] = {}
        for measure_id in sorted(self.measures):
            for relation in self.measures[measure_id].relations:
                inverse.setdefault(relation.measure, []).append((relation.type, measure_id))
        return inverse

    @cached_property
    def responsible_for(self) -> dict[str, list[str]]:
        """For each agency, the ids of the measures it is responsible for, in catalog order."""
        measures: dict[str, list[str]] = {}
        for measure in self.measures.values():
            for agency in dict.fromkeys(measure.agencies):
                measures.setdefault(agency, []).append(measure.id)
        return measures

    @cached_property
    def agency_parts(self) -> dict[str, list[str]]:
        """For each agency, the ids of the agencies that are part of it, in catalog order."""
        parts: dict[str, list[str]] = {}
        for agency in self.agencies.values():
            if agency.parent:
                parts.setdefault(agency.parent, []).append(agency.id)
        return parts

    @cached_property
    def citing(self) -> dict[tuple[str, str], list[CitingClaim]]:
        """For each (source id, paragraph locator), every claim on the site that cites it."""
        found: dict[tuple[str, str], list[CitingClaim]] = {}
        for key in self.keys():
            for anchor, statement, cites in claims(self.get(key)):
                for citation in cites:
                    for ref in citation.paragraphs():
                        found.setdefault((citation.source, ref), []).append(
                            CitingClaim(key, anchor, statement, citation)
                        )
        return found


@dataclass(frozen=True)
class CitingClaim:
    """A statement on some page and the citation by which it rests on a source paragraph."""

    key: Key
    anchor: str
    statement: Statement
    citation: Citation


Statement = Claim | DatedFact | StatusFact | Figure | Role
"""Anything on a page that carries citations."""


def claims(record: Record) -> Iterator[tuple[str, Statement, tuple[Citation, ...]]]:
    """Every cited statement of a record as (anchor, statement, citations), in page order."""
    if isinstance(record, Measure):
        yield "summary", record.summary, record.summary.cite
        if record.status:
            yield "status", record.status, record.status.cite
        for name in ("announced", "implemented", "removed"):
            fact = getattr(record.dates, name)
            if fact:
                yield f"date-{name}", fact, fact.cite
        for number, provision in enumerate(record.provisions, 1):
            yield f"provision-{number}", provision, provision.cite
        for number, figure in enumerate(record.figures, 1):
            yield f"figure-{number}", figure, figure.cite
        for number, question in enumerate(record.open_questions, 1):
            yield f"open-{number}", question, question.cite
    elif isinstance(record, Person):
        for number, role in enumerate(record.roles, 1):
            yield f"role-{number}", role, role.cite
    elif isinstance(record, Event):
        yield "summary", record.summary, record.summary.cite
        if record.date:
            yield "date", record.date, record.date.cite
    elif isinstance(record, (Agency, Place, Topic)):
        yield "description", record.description, record.description.cite
    if isinstance(record, (Place, Topic, Event)):
        for number, figure in enumerate(record.figures, 1):
            yield f"figure-{number}", figure, figure.cite


def references(record: Record) -> Iterator[Key]:
    """The records a record's page links to, in field order (with repeats)."""
    for _, _, cites in claims(record):
        for citation in cites:
            yield "sources", citation.source
    if isinstance(record, Measure):
        yield from (("agencies", agency) for agency in record.agencies)
        yield "places", record.jurisdiction
        yield from (("measures", relation.measure) for relation in record.relations)
        yield from (("topics", topic) for topic in record.topics)
        yield from (("people", person) for person in record.people)
    elif isinstance(record, Agency):
        if record.parent:
            yield "agencies", record.parent
        if record.place:
            yield "places", record.place
    elif isinstance(record, Person):
        yield from (("agencies", role.agency) for role in record.roles if role.agency)
    elif isinstance(record, (Place, Topic)):
        if record.parent:
            yield record_folder(record), record.parent
    elif isinstance(record, Event):
        yield from (("measures", m) for m in record.measures)
        yield from (("agencies", a) for a in record.agencies)
        yield from (("people", p) for p in record.people)
        yield from (("places", p) for p in record.places)
        yield from (("topics", t) for t in record.topics)


_FOLDERS = {cls: name for name, cls in RECORD_TYPES.items()}


def record_folder(record: Record) -> str:
    """The content folder a record lives in."""
    return _FOLDERS[type(record)]
