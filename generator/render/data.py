"""Open data: the validated model as JSON and CSV, for reuse outside the site.

Every kind of record has a JSON file (every field, citations resolved) and a CSV file (one row
per record); ``citations.csv`` has one row per citation and ``figures`` one per figure. Each
record carries the address of its page and when it entered the tracker and last changed.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from generator.addresses import Key, paragraph_anchor, url
from generator.catalog import Catalog, claims, record_figures
from generator.dates import PartialDate
from generator.model import Citation, DatedFact
from generator.registry import FOLDERS, RECORD_TYPES
from generator.render.markdown import decimal, number
from generator.site import SiteInfo

BOM = "\ufeff"
"""Starts every CSV file: without it Excel reads UTF-8 as the local code page and garbles Chinese."""

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
"""Record class -> its field names (``dataclasses.fields`` is slow to call once per value)."""


def _fields(value: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, one level deep (the JSON encoder calls back for the rest)."""
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(field.name for field in dataclasses.fields(value))
    return {name: getattr(value, name) for name in names}


def _plain(value: Any) -> Any:
    """What the JSON encoder cannot encode itself: dates in ISO form, citations resolved to
    their paragraphs, records and their parts as objects (tuples it writes as arrays)."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Citation):
        return {
            "source": value.source,
            "para": value.para,
            "paragraphs": list(value.paragraphs()),
            "basis": value.basis,
            "quote": value.quote,
            "page": url(("sources", value.source), paragraph_anchor(value.paragraphs()[0])),
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_plain)
"""One record's objects as compact JSON (the C encoder; ``_plain`` for what it cannot encode)."""


def _json_array(items: Iterable[str]) -> str:
    """A JSON array of items already encoded (empty ones left out), as ``json.dumps`` writes it."""
    return "[" + ",".join(item for item in items if item) + "]\n"


@dataclass(frozen=True)
class Row:
    """A record as the open data gives it: with its address and its history."""

    key: Key
    record: Any
    first_added: str | None
    last_changed: str | None


def _rows(catalog: Catalog, site: SiteInfo, folder: str) -> list[Row]:
    rows = []
    for record_id in sorted(catalog.folder(folder)):
        key = (folder, record_id)
        first, last = site.first_added(key), site.last_changed(key)
        rows.append(Row(key, catalog.get(key), first.time if first else None, last.time if last else None))
    return rows


def _record_json(row: Row) -> str:
    """A record as open data gives it: its fields, its page, its history."""
    history = {"first_added": row.first_added, "last_changed": row.last_changed}
    return _ENCODER.encode({**_fields(row.record), "page": url(row.key), **history})


@dataclass
class Fragments:
    """Each record's share of every open-data file, kept by a preview from one build to the next.

    Records are immutable and a file read again makes new ones, so a share is written again
    only when its record is not the very object it was written from, or its history moved: an
    edit to one record re-encodes that record's rows, not the whole site's (``data_files``)."""

    kept: dict[tuple[str, Key], tuple[Row, str]] = field(default_factory=dict)

    def shares(self, part: str, rows: Iterable[Row], write: Callable[[Row], str]) -> Iterator[str]:
        """``write(row)`` for each row, or the share kept from the last build of the same record."""
        for row in rows:
            found = self.kept.get((part, row.key))
            if found is not None and found[0].record is row.record and found[0] == row:
                yield found[1]
            else:
                share = write(row)
                self.kept[(part, row.key)] = (row, share)
                yield share

    def keep_only(self, keys: set[Key]) -> None:
        """Forget the shares of records that are gone."""
        self.kept = {part: share for part, share in self.kept.items() if part[1] in keys}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_INERT = re.compile(r"-?\d+(?:\.\d+)?|[+-]\d\d:\d\d")
"""Cells that start like a formula but are only a number or a UTC offset (+08:00)."""


def cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text: one that starts like a formula (= + - @, tab,
    carriage return) gets a leading apostrophe, as OWASP recommends; numbers and UTC offsets stay."""
    if value.startswith(_FORMULA_START) and not _INERT.fullmatch(value):
        return "'" + value
    return value


class Column(NamedTuple):
    """A CSV column: its name in the header row, its cell for one row, and what it holds when
    that is not the model field of the same name (the codebook shows it)."""

    name: str
    value: Callable[[Any], str]
    doc: str = ""


class _Line:
    """Where ``csv.writer`` writes one row: the row's text."""

    text = ""

    def write(self, text: str) -> None:
        self.text = text


def _csv_lines(columns: Sequence[Column]) -> Callable[[Any], str]:
    """A function from a row to its line of CSV text, with ``columns``' cells."""
    line = _Line()
    writer = csv.writer(line, lineterminator="\n")

    def write(row: Any) -> str:
        writer.writerow([cell(column.value(row)) for column in columns])
        return line.text

    return write


def _csv(columns: Sequence[Column], lines: Iterable[str]) -> str:
    """A CSV file: the header row of ``columns``, then ``lines`` (written by ``_csv_lines``)."""
    header = _Line()
    csv.writer(header, lineterminator="\n").writerow([column.name for column in columns])
    return BOM + header.text + "".join(lines)


def _iso(value: PartialDate | None) -> str:
    return value.iso() if value else ""


def _dated(fact: DatedFact | None) -> str:
    return fact.when.iso() if fact else ""


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def _field(name: str, value: Callable[[Any], str] | None = None, doc: str = "") -> Column:
    """A column of a record's field; by default the field's text."""
    read = value or (lambda record: getattr(record, name) or "")
    return Column(name, lambda row: read(row.record), doc)


def _list(name: str) -> Column:
    """A column of a list field, its values joined with '; '."""
    return Column(name, lambda row: _joined(getattr(row.record, name)))


def _stage(stage: str) -> Column:
    return Column(stage, lambda row: _dated(getattr(row.record.dates, stage)), f"The date the measure was {stage}.")


TRACKING_COLUMNS: tuple[Column, ...] = (
    Column("page", lambda row: url(row.key), "The record's page, from the site root: measures/x/."),
    Column(
        "first_added",
        lambda row: row.first_added or "",
        "When the record entered the tracker: the time of the first commit of its file (ISO 8601).",
    ),
    Column("last_changed", lambda row: row.last_changed or "", "The time of the last commit of the record's file."),
)
"""The columns every record's row ends with."""

COLUMNS: dict[str, tuple[Column, ...]] = {
    "measures": (
        _field("id"),
        _field("title"),
        _field("name_zh"),
        _field("level"),
        _field("jurisdiction"),
        _list("agencies"),
        _list("instruments"),
        _field("status", lambda m: m.current_status, "The status as of the newest source; unknown when none gives it."),
        _stage("announced"),
        _stage("implemented"),
        _stage("removed"),
        _list("eligible_firms"),
        _list("topics"),
        _list("tags"),
        _field("summary", lambda m: m.summary.plain, "The summary's text (its citations are in citations.csv)."),
    ),
    "sources": (
        _field("id"),
        _field("title"),
        _field("publisher"),
        _field("published", lambda s: _iso(s.published)),
        _field("published_time"),
        _field("timezone"),
        _field("kind"),
        _field("official", lambda s: "true" if s.official else "false"),
        _field("language"),
        _field("access"),
        _field("text_basis"),
        _field("url"),
        _field("archive_url"),
        _field("accessed", lambda s: _iso(s.accessed)),
    ),
    "agencies": (
        _field("id"),
        _field("name"),
        _field("name_zh"),
        _field("abbreviation"),
        _field("kind"),
        _field("parent"),
        _field("place"),
        _field("description", lambda a: a.description.plain, "The description's text."),
    ),
    "people": (
        _field("id"),
        _field("name"),
        _field("name_zh"),
        _field("roles", lambda p: _joined(role.title for role in p.roles), "The titles of the person's roles."),
        _field(
            "agencies",
            lambda p: _joined(dict.fromkeys(role.agency for role in p.roles if role.agency)),
            "The ids of the bodies the roles are in.",
        ),
    ),
    "places": (
        _field("id"),
        _field("name"),
        _field("name_zh"),
        _field("kind"),
        _field("parent"),
        _field("description", lambda p: p.description.plain, "The description's text."),
    ),
    "topics": (
        _field("id"),
        _field("name"),
        _field("name_zh"),
        _field("parent"),
        _field("description", lambda t: t.description.plain, "The description's text."),
    ),
    "events": (
        _field("id"),
        _field("title"),
        _field("date", lambda e: _dated(e.date), "When it happened."),
        _list("measures"),
        _list("agencies"),
        _list("people"),
        _list("places"),
        _list("topics"),
        _field("summary", lambda e: e.summary.plain, "The summary's text."),
    ),
}
"""Folder -> the columns of its CSV file, one row per record; the page and the history follow.
A kind of record not listed here gets its id and name."""


def record_columns(folder: str) -> tuple[Column, ...]:
    """The columns of a folder's CSV file."""
    columns = COLUMNS.get(folder) or (_field("id"), _field(FOLDERS[folder].name_field))
    return (*columns, *TRACKING_COLUMNS)


FIGURE_COLUMNS: tuple[Column, ...] = (
    Column("record", lambda f: f"{f[0][0]}/{f[0][1]}", "The record the figure belongs to: folder/id."),
    Column("display", lambda f: number(f[2]), "The figure as the site shows it: up to 80%, $8 million."),
    Column("value", lambda f: decimal(f[2].value)),
    Column("unit", lambda f: f[2].unit),
    Column("scale", lambda f: f[2].scale or ""),
    Column("qualifier", lambda f: f[2].qualifier),
    Column("what", lambda f: f[2].what),
    Column("period", lambda f: f[2].period),
    Column(
        "citations",
        lambda f: _joined(f"{c.source}#{c.para}" for c in f[2].cite),
        "Where the figure is written: source id#paragraph, joined with '; '.",
    ),
    Column("page", lambda f: url(f[0], f[1]), "The figure on its record's page, from the site root."),
)
"""data/figures.csv, one row per figure; citations as source#paragraph."""


def _figures_json(row: Row) -> str:
    """A record's figures as JSON objects (comma-separated), with each one's display form and place."""
    return ",".join(
        _ENCODER.encode({"record": f"{key[0]}/{key[1]}", "display": number(f), **_fields(f), "page": url(key, anchor)})
        for key, anchor, f in record_figures(row.key, row.record)
    )


CitationRow = tuple[Key, str, Citation]
"""A citation, the record that makes the claim and the claim's anchor on its page."""

CITATION_COLUMNS: tuple[Column, ...] = (
    Column("record", lambda c: f"{c[0][0]}/{c[0][1]}", "The record that makes the claim: folder/id."),
    Column(
        "claim",
        lambda c: c[1],
        "Which statement of the record: summary, description, status, date-announced, provision-2, figure-1 ...",
    ),
    Column("source", lambda c: c[2].source),
    Column("para", lambda c: c[2].para),
    Column("basis", lambda c: c[2].basis),
    Column("page", lambda c: url(c[0], c[1]), "The claim on its record's page, from the site root."),
    Column(
        "source_page",
        lambda c: url(("sources", c[2].source), paragraph_anchor(c[2].paragraphs()[0])),
        "The paragraph cited (the first, for a range) on the source's page.",
    ),
)
"""data/citations.csv, one row per citation of every claim on the site."""


def _citations(row: Row) -> Iterator[CitationRow]:
    for anchor, _, cites in claims(row.record):
        for citation in cites:
            yield row.key, anchor, citation


def data_files(catalog: Catalog, site: SiteInfo, fragments: Fragments | None = None) -> dict[str, str]:
    """Site path -> text of every open-data file; ``fragments`` keeps each record's share of
    them for the next build (a preview's)."""
    fragments = fragments if fragments is not None else Fragments()
    files = {}
    every: list[Row] = []
    for kind in RECORD_TYPES:
        rows = _rows(catalog, site, kind.folder)
        every += rows
        columns = record_columns(kind.folder)
        name = f"data/{kind.folder}"
        files[f"{name}.json"] = _json_array(fragments.shares(f"{kind.folder}.json", rows, _record_json))
        files[f"{name}.csv"] = _csv(columns, fragments.shares(f"{kind.folder}.csv", rows, _csv_lines(columns)))
    files["data/figures.json"] = _json_array(fragments.shares("figures.json", every, _figures_json))
    figure_line = _csv_lines(FIGURE_COLUMNS)
    files["data/figures.csv"] = _csv(
        FIGURE_COLUMNS,
        fragments.shares(
            "figures.csv", every, lambda row: "".join(map(figure_line, record_figures(row.key, row.record)))
        ),
    )
    citation_line = _csv_lines(CITATION_COLUMNS)
    files["data/citations.csv"] = _csv(
        CITATION_COLUMNS,
        fragments.shares("citations.csv", every, lambda row: "".join(map(citation_line, _citations(row)))),
    )
    fragments.keep_only({row.key for row in every})
    return files
