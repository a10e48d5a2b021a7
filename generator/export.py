"""Open data: the validated model as JSON and CSV, for reuse outside the site."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from generator.catalog import Catalog, Key
from generator.dates import PartialDate
from generator.model import Citation, Figure, Measure
from generator.render.markdown import decimal, number, paragraph_anchor


def url(key: Key, anchor: str = "") -> str:
    """A record's page, relative to the site root (how MkDocs serves it): measures/x/."""
    return f"{key[0]}/{key[1]}/" + (f"#{anchor}" if anchor else "")


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


def _csv(header: list[str], rows: Iterator[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _date(measure: Measure, stage: str) -> str:
    fact = getattr(measure.dates, stage)
    return fact.on.iso() if fact else ""


def measures_csv(catalog: Catalog) -> str:
    """One row per measure; lists joined with '; '."""
    header = [
        "id",
        "title",
        "name_zh",
        "level",
        "jurisdiction",
        "agencies",
        "instruments",
        "status",
        "announced",
        "implemented",
        "removed",
        "eligible_firms",
        "topics",
        "tags",
        "summary",
        "url",
    ]
    rows = (
        [
            m.id,
            m.title,
            m.name_zh,
            m.level,
            m.jurisdiction,
            "; ".join(m.agencies),
            "; ".join(m.instruments),
            m.current_status,
            _date(m, "announced"),
            _date(m, "implemented"),
            _date(m, "removed"),
            "; ".join(m.eligible_firms),
            "; ".join(m.topics),
            "; ".join(m.tags),
            m.summary.text,
            url(("measures", m.id)),
        ]
        for m in (catalog.measures[i] for i in sorted(catalog.measures))
    )
    return _csv(header, rows)


def sources_csv(catalog: Catalog) -> str:
    """One row per source, with its provenance fields."""
    header = [
        "id",
        "title",
        "publisher",
        "published",
        "published_time",
        "timezone",
        "kind",
        "official",
        "language",
        "access",
        "text_basis",
        "url",
        "archive_url",
        "accessed",
        "page",
    ]
    rows = (
        [
            s.id,
            s.title,
            s.publisher,
            s.published.iso() if s.published else "",
            s.published_time,
            s.timezone,
            s.kind,
            "true" if s.official else "false",
            s.language,
            s.access,
            s.text_basis,
            s.url,
            s.archive_url,
            s.accessed.iso() if s.accessed else "",
            url(("sources", s.id)),
        ]
        for s in (catalog.sources[i] for i in sorted(catalog.sources))
    )
    return _csv(header, rows)


def figures(catalog: Catalog) -> Iterator[tuple[Key, int, Figure]]:
    """Every figure on the site with the record it belongs to and its number on that page."""
    for key in catalog.keys():
        for index, figure in enumerate(getattr(catalog.get(key), "figures", ()), 1):
            yield key, index, figure


def figures_json(catalog: Catalog) -> str:
    """Every figure as a JSON array, with its display form and its record's page."""
    rows = [
        {
            "record": f"{key[0]}/{key[1]}",
            "display": number(figure),
            **_fields(figure),
            "url": url(key, f"figure-{index}"),
        }
        for key, index, figure in figures(catalog)
    ]
    return _json(rows)


def figures_csv(catalog: Catalog) -> str:
    """One row per figure; citations as source#paragraph."""
    header = ["record", "display", "value", "unit", "scale", "qualifier", "what", "period", "citations", "url"]
    rows = (
        [
            f"{key[0]}/{key[1]}",
            number(f),
            decimal(f.value),
            f.unit,
            f.scale or "",
            f.qualifier,
            f.what,
            f.period,
            "; ".join(f"{c.source}#{c.para}" for c in f.cite),
            url(key, f"figure-{index}"),
        ]
        for key, index, f in figures(catalog)
    )
    return _csv(header, rows)


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
