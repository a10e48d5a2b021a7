"""The body of each kind of record's page: its facts, claims, figures and sources.

Each body is a pure function of the record and the page it is written on (``Page``); every
kind in ``generator.registry`` must have one (checked when this module loads).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.addresses import Key, paragraph_anchor
from generator.catalog import Catalog, CitingClaim, Statement, claims
from generator.fingerprint import words
from generator.labels import FIRMS, LEVELS, RELATIONS, STAGES, STATUSES
from generator.model import (
    Agency,
    Claim,
    DatedFact,
    Event,
    Figure,
    Measure,
    Person,
    Place,
    Record,
    Source,
    StatusFact,
    Topic,
)
from generator.registry import RECORD_TYPES, display_name
from generator.render.diagram import diagram
from generator.render.facets import measure_date
from generator.render.footnotes import Footnotes
from generator.render.markdown import address, anchor, date, inline, link, number, table, text
from generator.render.provenance import badges, inferred_badge, provenance
from generator.vocabulary import INSTRUMENTS


@dataclass
class Page:
    """What a body is written with besides its record: the catalog, the page's footnotes, and
    the id of each cited statement on the page (named once, in ``catalog.claims``)."""

    catalog: Catalog
    notes: Footnotes
    anchors: dict[int, str]

    @classmethod
    def of(cls, catalog: Catalog, record: Record) -> Page:
        """A fresh page for ``record``."""
        anchors = {id(statement): name for name, statement, _ in claims(record)}
        return cls(catalog, Footnotes(catalog), anchors)

    def mark(self, statement: Statement) -> str:
        """The anchor that footnotes' back links and other pages point at, before a statement."""
        return anchor(self.anchors[id(statement)])

    def cited(self, statement: Statement) -> str:
        """The footnote markers of a statement, and a badge when it is only inferred."""
        return self.notes.cite(statement.cite) + inferred_badge(statement.cite)

    def claim(self, claim: Claim) -> str:
        """A claim with its anchor, each footnote right after the clause it supports."""
        said = "".join(
            (" " if piece[:1].isspace() else "") + (inline(piece) if i else text(piece)) + self.notes.cite(cites)
            for i, (piece, cites) in enumerate(claim.clauses())
        )
        return f"{self.mark(claim)}{said}{inferred_badge(claim.cite)}"

    def links(self, folder: str, ids: Sequence[str]) -> str:
        """Links to records of one folder, by name, or "none"."""
        return ", ".join(link(display_name(self.catalog.folder(folder)[i]), (folder, i)) for i in ids) or "none"


def _facts(rows: Sequence[tuple[str, str]]) -> list[str]:
    """A two-column table of facts, the first thing a reader sees."""
    return [*table(["Fact", "Value"], [[f"**{label}**", value] for label, value in rows]), ""]


def _status(fact: StatusFact | None, page: Page) -> str:
    if fact is None:
        return anchor("status") + STATUSES["unknown"]  # where the status would be
    note = f" ({text(fact.note)})" if fact.note else ""
    return f"{page.mark(fact)}{STATUSES[fact.value]}{note}{page.cited(fact)}"


def _dated(fact: DatedFact, page: Page) -> str:
    note = f" ({text(fact.note)})" if fact.note else ""
    return f"{page.mark(fact)}{date(fact.when)}{note}{page.cited(fact)}"


def _figures(figures: tuple[Figure, ...], page: Page) -> list[str]:
    if not figures:
        return []
    rows = [
        [f"{page.mark(figure)}**{number(figure)}**", text(figure.what), text(figure.period), page.cited(figure)]
        for figure in figures
    ]
    return ["## Figures", "", *table(["Figure", "What it measures", "Period", "Source"], rows), ""]


def _claims(heading: str, items: tuple[Claim, ...], page: Page) -> list[str]:
    if not items:
        return []
    return [f"## {heading}", "", *(f"- {page.claim(item)}" for item in items), ""]


def measure_body(measure: Measure, page: Page) -> list[str]:
    lines = [page.claim(measure.summary), ""]
    rows = [
        ("Issued by", page.links("agencies", measure.agencies)),
        ("Where", f"{page.links('places', (measure.jurisdiction,))} ({LEVELS[measure.level].lower()})"),
        ("Status", _status(measure.status, page)),
    ]
    unknown = []
    for stage, label in STAGES.items():
        fact = getattr(measure.dates, stage)
        if fact:
            rows.append((label, _dated(fact, page)))
        else:
            unknown.append(stage)
    if unknown:
        rows.append(("Dates unknown", ", ".join(unknown)))
    reported = page.catalog.first_reported.get(measure.id)
    if reported:
        when, source_id = reported
        first = link(date(when), ("sources", source_id))
        rows.append(("First reported", f"{first} (the earliest dated source that reports it)"))
    else:
        rows.append(("First reported", "unknown (no source that reports it is dated)"))
    rows += [
        ("For", "; ".join(FIRMS[firms] for firms in measure.eligible_firms)),
        ("Instrument", "; ".join(INSTRUMENTS[i].label for i in measure.instruments)),
    ]
    if measure.topics:
        rows.append(("Topics", page.links("topics", measure.topics)))
    if measure.people:
        rows.append(("People", page.links("people", measure.people)))
    lines += _facts(rows)
    lines += _claims("Provisions", measure.provisions, page)
    lines += _figures(measure.figures, page)
    lines += _claims("What the sources leave open", measure.open_questions, page)
    if measure.relations:
        lines += ["## Related measures", ""]
        lines += [f"- {RELATIONS[r.type][0]}: {page.links('measures', (r.measure,))}" for r in measure.relations]
        lines.append("")
    parts = parts_of(page.catalog, measure.id)
    if parts:
        lines += ["## Parts", "", "The measures this one groups:", ""]
        lines += [f"- {page.links('measures', (part,))}" for part in parts]
        lines.append("")
    lines += _sources(page.catalog, measure)
    lines += diagram(page.catalog, ("measures", measure.id))
    return lines


def parts_of(catalog: Catalog, measure_id: str) -> list[str]:
    """The ids of the measures that are part of this one, ordered by title."""
    parts = {other for kind, other in catalog.inverse_relations.get(measure_id, []) if kind == "part-of"}
    return sorted(parts, key=lambda part: (catalog.measures[part].title.lower(), part))


def _sources(catalog: Catalog, record: Record) -> list[str]:
    """The sources a record cites, in order of first citation, with their provenance."""
    seen: dict[str, None] = {}
    for _, _, cites in claims(record):
        for citation in cites:
            seen.setdefault(citation.source)
    if not seen:
        return []
    lines = ["## Sources", ""]
    for source_id in seen:
        source = catalog.sources[source_id]
        lines.append(f"- {link(source.title, ('sources', source_id))} {badges(source)}: {provenance(source)}")
    return [*lines, ""]


def source_body(source: Source, page: Page) -> list[str]:
    catalog = page.catalog
    published = date(source.published)
    if source.published and source.published_time:
        published += f", {text(source.published_time)}"
        if source.timezone:
            published += f" (UTC{text(source.timezone)})"
    rows = [
        ("Publisher", text(source.publisher)),
        ("Published", published),
        ("Kind", f"{badges(source)} {provenance(source)}"),
        ("Language", text(source.language)),
        ("Access", source.access),
    ]
    if source.url:
        rows.append(("Address", address(source.url)))
    if source.archive_url:
        rows.append(("Archived copy", address(source.archive_url)))
    rows.append(("Accessed", date(source.accessed)))
    lines = _facts(rows)
    lines += ["## About this source", "", text(source.about), ""]
    lines += [
        "## Paragraphs",
        "",
        "Each paragraph the site cites: what it says, in our words; its words we quote; the claims that rest on it.",
        "",
    ]
    for paragraph in source.paragraphs:
        heading = paragraph.label or f"Paragraph {paragraph.ref}"
        lines += [f"### {text(heading)} {{#{paragraph_anchor(paragraph.ref)}}}", "", text(paragraph.gist), ""]
        citing = catalog.citing.get((source.id, paragraph.ref), [])
        own = [claim for claim in citing if claim.citation.paragraphs()[0] == paragraph.ref]
        ranges = dict.fromkeys(c.citation.paragraphs() for c in citing if c.citation.paragraphs()[0] != paragraph.ref)
        quotes = _distinct([claim.citation.quote for claim in own if claim.citation.quote])
        if quotes:
            lines += [
                '<p class="quotes" markdown="1">Quoted: ' + " · ".join(f"“{text(q)}”" for q in quotes) + "</p>",
                "",
            ]
        if own:
            lines += ["Cited by: " + "; ".join(_citing(catalog, own)) + ".", ""]
        for refs in ranges:
            lines += [
                f"Also cited as part of paras. {refs[0]}–{refs[-1]}: those claims are listed under "
                f"[paragraph {refs[0]}](#{paragraph_anchor(refs[0])}).",
                "",
            ]
        if not citing:
            lines += ["No record cites this paragraph.", ""]
    return lines


def _distinct(quotes: list[str]) -> list[str]:
    """The quotes, each once, leaving out a quote that is part of a longer one (in words)."""
    spaced = {quote: f" {' '.join(words(quote))} " for quote in dict.fromkeys(quotes)}
    return [q for q, w in spaced.items() if not any(w != other and w in other for other in spaced.values())]


def _citing(catalog: Catalog, claims: list[CitingClaim]) -> list[str]:
    """The claims that rest on a paragraph, one short line per record: its page, then which of its
    statements (each a link to it), marked when only inferred from the paragraph."""
    by_record: dict[Key, list[CitingClaim]] = {}
    for claim in claims:
        by_record.setdefault(claim.key, []).append(claim)
    lines = []
    for key, cited in by_record.items():
        kinds = ", ".join(
            link(claim.anchor.replace("-", " "), key, claim.anchor)
            + (" (inferred)" if claim.citation.basis == "inferred" else "")
            for claim in dict.fromkeys(cited)
        )
        lines.append(f"{link(display_name(catalog.get(key)), key)} ({kinds})")
    return lines


def agency_body(agency: Agency, page: Page) -> list[str]:
    rows = [("Kind", agency.kind.replace("-", " "))]
    if agency.abbreviation:
        rows.append(("Abbreviation", text(agency.abbreviation)))
    if agency.parent:
        rows.append(("Part of", page.links("agencies", (agency.parent,))))
    if agency.place:
        rows.append(("Based in", page.links("places", (agency.place,))))
    lines = [page.claim(agency.description), "", *_facts(rows)]
    lines += what_they_did(page, ("agencies", agency.id))
    return lines + diagram(page.catalog, ("agencies", agency.id))


def person_body(person: Person, page: Page) -> list[str]:
    """Who the person is, in a sentence made of their first role (its footnotes with it), the
    bodies of their roles, their other roles, then what they did."""
    first, *others = person.roles
    title = " ".join(first.title.split())
    stop = "" if title.endswith((".", "!", "?")) else "."
    lines = [f"{page.mark(first)}{text(person.name)}: {text(title)}{stop}{page.cited(first)}", ""]
    bodies = list(dict.fromkeys(role.agency for role in person.roles if role.agency))
    if bodies:
        lines += _facts([("Body" if len(bodies) == 1 else "Bodies", page.links("agencies", bodies))])
    if others:
        lines += ["## Other roles", ""]
        for role in others:
            body = f" (body: {page.links('agencies', (role.agency,))})" if role.agency else ""
            lines.append(f"- {page.mark(role)}{text(role.title)}{page.cited(role)}{body}")
        lines.append("")
    return lines + what_they_did(page, ("people", person.id))


ROLES = {
    ("agencies", "measures"): "issues or carries it out",
    ("people", "measures"): "announced or spoke for it",
    ("agencies", "events"): "involved",
    ("people", "events"): "involved",
}
"""What an agency or a person is to a measure or an event that names them, in the words of the
fields that name them (``Measure.agencies``, ``Measure.people``, ``Event.agencies``, ``Event.people``)."""


def what_they_did(page: Page, key: Key) -> list[str]:
    """One line per measure and event that names the agency or person at ``key``, newest first
    (undated last): the date (a measure's announced or else first-reported date), the record, the
    role, and a measure's status. Left out of the search index, as other pages' names are."""
    catalog, folder = page.catalog, key[0]
    entries: list[tuple[tuple[int, int, int], str, str]] = []
    for other in catalog.referenced_by.get(key, []):
        record = catalog.get(other)
        if isinstance(record, Measure) and key[1] in _named(record, folder):
            found = measure_date(catalog, record)
            when = f"**{date(found[0])}** ({found[1]})" if found else "**Date unknown**"
            role = ROLES[folder, "measures"] + _with(page, record, key)
            status = STATUSES[record.current_status]
            line = f"{when} · {link(record.title, other)} · {role} · status: {status.lower()}"
            entries.append((found[0].sort_key() if found else (0, 0, 0), record.title.lower(), line))
        elif isinstance(record, Event) and key[1] in _named(record, folder):
            on = record.date.when if record.date else None
            when = f"**{date(on)}**" if on else "**Date unknown**"
            line = f"{when} · {link(record.title, other)} (event) · {ROLES[folder, 'events']}"
            entries.append((on.sort_key() if on else (0, 0, 0), record.title.lower(), line))
    lines = ['<div data-pagefind-ignore="all" markdown="1">', "", "## What they did", ""]
    if not entries:
        return [*lines, "No measure or event on the site names them.", "", "</div>", ""]
    entries.sort(key=lambda entry: entry[1])
    entries.sort(key=lambda entry: entry[0], reverse=True)
    return [*lines, *(f"- {line}" for _, _, line in entries), "", "</div>", ""]


def _named(record: Measure | Event, folder: str) -> tuple[str, ...]:
    """The agencies or the people a measure or an event names."""
    return record.agencies if folder == "agencies" else record.people


def _with(page: Page, measure: Measure, key: Key) -> str:
    """The other agencies of a measure, on an agency's line: " with X, Y"."""
    if key[0] != "agencies":
        return ""
    others = [agency for agency in dict.fromkeys(measure.agencies) if agency != key[1]]
    return f", with {page.links('agencies', others)}" if others else ""


def place_body(place: Place, page: Page) -> list[str]:
    rows: list[tuple[str, str]] = [("Kind", place.kind)]
    if place.parent:
        rows.append(("Part of", page.links("places", (place.parent,))))
    lines = [page.claim(place.description), "", *_facts(rows)]
    return lines + _figures(place.figures, page)


def topic_body(topic: Topic, page: Page) -> list[str]:
    lines = [page.claim(topic.description), ""]
    if topic.parent:
        lines += [f"Broader topic: {page.links('topics', (topic.parent,))}", ""]
    return lines + _figures(topic.figures, page)


def event_body(event: Event, page: Page) -> list[str]:
    rows = [("Date", _dated(event.date, page) if event.date else anchor("date") + "unknown")]
    for label, folder, ids in (
        ("Measures", "measures", event.measures),
        ("Agencies", "agencies", event.agencies),
        ("People", "people", event.people),
        ("Places", "places", event.places),
        ("Topics", "topics", event.topics),
    ):
        if ids:
            rows.append((label, page.links(folder, ids)))
    lines = [page.claim(event.summary), "", *_facts(rows)]
    return lines + _figures(event.figures, page)


BODIES: dict[type, Callable[[Any, Page], list[str]]] = {
    Measure: measure_body,
    Source: source_body,
    Agency: agency_body,
    Person: person_body,
    Place: place_body,
    Topic: topic_body,
    Event: event_body,
}
"""Record class -> the body of its page."""

_MISSING = [kind.cls.__name__ for kind in RECORD_TYPES if kind.cls not in BODIES]
if _MISSING:
    raise TypeError(f"no page body for the record type(s) {', '.join(_MISSING)}: add one to BODIES")
