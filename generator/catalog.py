"""All records of a site, indexed by folder and id, with the links between them."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.addresses import Key, statement_anchor
from generator.dates import PartialDate
from generator.fields import field_specs, kind_of
from generator.model import (
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
from generator.registry import RECORD_TYPES, record_type

__all__ = ["Catalog", "CitingClaim", "Key", "Statement", "claims", "figures", "record_folder", "references"]


@dataclass(frozen=True)
class Catalog:
    """Every validated record; the single input of rendering."""

    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {kind.folder: {} for kind in RECORD_TYPES})
    """Folder -> id -> record, for every kind in ``generator.registry``."""

    def folder(self, name: str) -> dict[str, Record]:
        """The records of one content folder, by id."""
        return self.records[name]

    def get(self, key: Key) -> Record:
        """The record at ``key``."""
        return self.records[key[0]][key[1]]

    def keys(self) -> Iterator[Key]:
        """Every record's key, folder by folder in the registry's order, ids sorted."""
        for kind in RECORD_TYPES:
            for record_id in sorted(self.records[kind.folder]):
                yield kind.folder, record_id

    # Typed views of the folders that rendering reads by name.
    @property
    def measures(self) -> dict[str, Measure]:
        return self.records["measures"]  # type: ignore[return-value]

    @property
    def sources(self) -> dict[str, Source]:
        return self.records["sources"]  # type: ignore[return-value]

    @property
    def agencies(self) -> dict[str, Agency]:
        return self.records["agencies"]  # type: ignore[return-value]

    @property
    def people(self) -> dict[str, Person]:
        return self.records["people"]  # type: ignore[return-value]

    @property
    def places(self) -> dict[str, Place]:
        return self.records["places"]  # type: ignore[return-value]

    @property
    def topics(self) -> dict[str, Topic]:
        return self.records["topics"]  # type: ignore[return-value]

    @property
    def events(self) -> dict[str, Event]:
        return self.records["events"]  # type: ignore[return-value]

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
    def first_reported(self) -> dict[str, tuple[PartialDate, str]]:
        """For each measure whose sources are dated, (the earliest publication date among the
        sources that its claims cite, that source's id). A measure with no dated source has none."""
        found = {}
        for measure in self.measures.values():
            dated = {
                (source.published.sort_key(), source.id): source.published
                for _, _, cites in claims(measure)
                for citation in cites
                if (source := self.sources[citation.source]).published
            }
            if dated:
                first = min(dated)
                found[measure.id] = (dated[first], first[1])
        return found

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
"""Anything on a page that carries citations: a part of the model with a ``cite`` field."""


@functools.cache
def _statement_fields(cls: type) -> tuple[tuple[str, str, str], ...]:
    """(field, anchor stem, how) for each field of ``cls`` that holds cited statements; how is
    "one" (a statement, possibly absent), "list" (numbered from 1) or "inside" (a part that holds some)."""
    found = []
    for spec in field_specs(cls):
        kind, inner = kind_of(spec.hint)
        many = kind == "sequence"
        while kind in ("optional", "sequence"):
            kind, inner = kind_of(inner)
        if kind != "part":
            continue
        if any(part.name == "cite" for part in field_specs(inner)):
            found.append((spec.name, spec.anchor, "list" if many else "one"))
        elif not many and _statement_fields(inner):
            found.append((spec.name, spec.anchor, "inside"))
    return tuple(found)


def claims(record: Any) -> Iterator[tuple[str, Statement, tuple[Citation, ...]]]:
    """Every cited statement of a record (or part) as (anchor, statement, citations), in field
    order, which is page order; the anchors are those ``generator.model`` gives the fields."""
    cls: type = type(record)
    for name, stem, how in _statement_fields(cls):
        value = getattr(record, name)
        if how == "list":
            for number, statement in enumerate(value, 1):
                yield statement_anchor(stem, number), statement, statement.cite
        elif how == "inside":
            yield from claims(value)
        elif value is not None:
            yield statement_anchor(stem), value, value.cite


@functools.cache
def _reference_fields(cls: type) -> tuple[tuple[str, str, bool], ...]:
    """(field, folder, many) for each field of ``cls`` that names other records; a folder of ""
    marks a part (or list of parts) that holds such fields."""
    found = []
    for spec in field_specs(cls):
        kind, inner = kind_of(spec.hint)
        many = kind == "sequence"
        while kind in ("optional", "sequence"):
            kind, inner = kind_of(inner)
        if kind == "reference":
            found.append((spec.name, inner, many))
        elif kind == "part" and _reference_fields(inner):
            found.append((spec.name, "", many))
    return tuple(found)


def references(record: Any) -> Iterator[Key]:
    """The records a record's (or part's) page links to, in field order, with repeats: every
    field that names another record, and the source of every citation."""
    cls: type = type(record)
    for name, folder, many in _reference_fields(cls):
        value = getattr(record, name)
        for item in value if many else (value,):
            if item is None:
                continue
            if folder:
                yield folder, item
            else:
                yield from references(item)


def figures(catalog: Catalog) -> Iterator[tuple[Key, str, Figure]]:
    """Every figure on the site with the record it belongs to and its anchor on that page."""
    for key in catalog.keys():
        yield from record_figures(key, catalog.get(key))


def record_figures(key: Key, record: Any) -> Iterator[tuple[Key, str, Figure]]:
    """A record's figures, each with the record's key and its anchor on the record's page."""
    for anchor, statement, _ in claims(record):
        if isinstance(statement, Figure):
            yield key, anchor, statement


def record_folder(record: Record) -> str:
    """The content folder a record lives in."""
    return record_type(record).folder
