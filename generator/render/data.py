"""Open data: the validated model as JSON and CSV, for reuse outside the site."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from generator.addresses import Key, paragraph_anchor, url
from generator.catalog import Catalog, figures
from generator.dates import PartialDate
from generator.model import Citation, Figure, Measure, Source
from generator.render.markdown import decimal, number

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
            "url": url(("sources", value.source), paragraph_anchor(value.paragraphs()[0])),
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_plain) + "\n"


def records_json(catalog: Catalog, folder: str) -> str:
    """Every record of a folder as a JSON array, each with the URL of its page."""
    records = catalog.folder(folder)
    return _json([{**_fields(records[i]), "url": url((folder, i))} for i in sorted(records)])


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_INERT = re.compile(r"-?\d+(?:\.\d+)?|[+-]\d\d:\d\d")
"""Cells that start like a formula but are only a number or a UTC offset (+08:00)."""


def cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text: one that starts like a formula (= + - @, tab,
    carriage return) gets a leading apostrophe, as OWASP recommends; numbers and UTC offsets stay."""
    if value.startswith(_FORMULA_START) and not _INERT.fullmatch(value):
        return "'" + value
    return value


Column = tuple[str, Callable[[Any], str]]
"""A CSV column: its name in the header row, and its cell for one row's value."""


def _csv(columns: Sequence[Column], rows: Iterable[Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    writer.writerows([cell(value(row)) for _, value in columns] for row in rows)
    return buffer.getvalue()


def _date(stage: str) -> Callable[[Measure], str]:
    def value(measure: Measure) -> str:
        fact = getattr(measure.dates, stage)
        return fact.when.iso() if fact else ""

    return value


def _iso(value: PartialDate | None) -> str:
    return value.iso() if value else ""


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


MEASURE_COLUMNS: tuple[Column, ...] = (
    ("id", lambda m: m.id),
    ("title", lambda m: m.title),
    ("name_zh", lambda m: m.name_zh),
    ("level", lambda m: m.level),
    ("jurisdiction", lambda m: m.jurisdiction),
    ("agencies", lambda m: _joined(m.agencies)),
    ("instruments", lambda m: _joined(m.instruments)),
    ("status", lambda m: m.current_status),
    ("announced", _date("announced")),
    ("implemented", _date("implemented")),
    ("removed", _date("removed")),
    ("eligible_firms", lambda m: _joined(m.eligible_firms)),
    ("topics", lambda m: _joined(m.topics)),
    ("tags", lambda m: _joined(m.tags)),
    ("summary", lambda m: m.summary.text),
    ("url", lambda m: url(("measures", m.id))),
)
"""data/measures.csv, one row per measure; lists joined with '; '."""

SOURCE_COLUMNS: tuple[Column, ...] = (
    ("id", lambda s: s.id),
    ("title", lambda s: s.title),
    ("publisher", lambda s: s.publisher),
    ("published", lambda s: _iso(s.published)),
    ("published_time", lambda s: s.published_time),
    ("timezone", lambda s: s.timezone),
    ("kind", lambda s: s.kind),
    ("official", lambda s: "true" if s.official else "false"),
    ("language", lambda s: s.language),
    ("access", lambda s: s.access),
    ("text_basis", lambda s: s.text_basis),
    ("url", lambda s: s.url),
    ("archive_url", lambda s: s.archive_url),
    ("accessed", lambda s: _iso(s.accessed)),
    ("page", lambda s: url(("sources", s.id))),
)
"""data/sources.csv, one row per source, with its provenance fields."""

PlacedFigure = tuple[Key, str, Figure]
"""A figure, the record it belongs to and its anchor on that record's page."""

FIGURE_COLUMNS: tuple[Column, ...] = (
    ("record", lambda f: f"{f[0][0]}/{f[0][1]}"),
    ("display", lambda f: number(f[2])),
    ("value", lambda f: decimal(f[2].value)),
    ("unit", lambda f: f[2].unit),
    ("scale", lambda f: f[2].scale or ""),
    ("qualifier", lambda f: f[2].qualifier),
    ("what", lambda f: f[2].what),
    ("period", lambda f: f[2].period),
    ("citations", lambda f: _joined(f"{c.source}#{c.para}" for c in f[2].cite)),
    ("url", lambda f: url(f[0], f[1])),
)
"""data/figures.csv, one row per figure; citations as source#paragraph."""


def measures_csv(catalog: Catalog) -> str:
    """One row per measure."""
    return _csv(MEASURE_COLUMNS, (catalog.measures[i] for i in sorted(catalog.measures)))


def sources_csv(catalog: Catalog) -> str:
    """One row per source."""
    rows: Iterable[Source] = (catalog.sources[i] for i in sorted(catalog.sources))
    return _csv(SOURCE_COLUMNS, rows)


def figures_json(catalog: Catalog) -> str:
    """Every figure as a JSON array, with its display form and its record's page."""
    rows = [
        {"record": f"{key[0]}/{key[1]}", "display": number(figure), **_fields(figure), "url": url(key, anchor)}
        for key, anchor, figure in figures(catalog)
    ]
    return _json(rows)


def figures_csv(catalog: Catalog) -> str:
    """One row per figure."""
    return _csv(FIGURE_COLUMNS, figures(catalog))


def data_files(catalog: Catalog) -> dict[str, str]:
    """Site path -> text of every open-data file."""
    return {
        "data/measures.json": records_json(catalog, "measures"),
        "data/measures.csv": measures_csv(catalog),
        "data/sources.json": records_json(catalog, "sources"),
        "data/sources.csv": sources_csv(catalog),
        "data/figures.json": figures_json(catalog),
        "data/figures.csv": figures_csv(catalog),
    }
