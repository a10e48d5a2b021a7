"""JSON Schema for each record type, derived from the dataclasses (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.fields import field_specs, kind_of
from generator.model import ID_PATTERN, MAX_REF, Citation, Figure
from generator.registry import FOLDERS
from generator.vocabulary import INSTRUMENTS

BASE_URL = "https://china-trade-tracker.github.io/china-trade-tracker/schema/"
_ID = f"^{ID_PATTERN.pattern}$"


def schema_name(folder: str) -> str:
    """The file name of a folder's schema: measures -> measures.schema.json."""
    return f"{folder}.schema.json"


def record_schema(folder: str) -> dict[str, Any]:
    """The JSON Schema that one content file of ``folder`` must satisfy."""
    cls = FOLDERS[folder].cls
    schema = _object(cls)
    schema["properties"]["id"] = {
        "type": "string",
        "pattern": _ID,
        "description": "Optional; when given it must equal the file name.",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE_URL + schema_name(folder),
        "title": f"{cls.__name__} (content/{folder}/*.yaml)",
        **schema,
    }


TRACKING: dict[str, Any] = {
    "page": {"type": "string", "description": "The record's page, from the site root."},
    "first_added": {
        "type": ["string", "null"],
        "description": "When the record entered the tracker: the time of the first commit of its file (ISO 8601); "
        "null when the build had no git history.",
    },
    "last_changed": {
        "type": ["string", "null"],
        "description": "The time of the last commit of the record's file (ISO 8601); null when unknown.",
    },
}
"""What every record in the open data adds to its fields."""


def data_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of an open-data file (data/measures.json ..., data/figures.json): an array
    of the validated records with every field present, each with the address of its page and its
    history, and each citation resolved to its paragraphs and their address."""
    if name == "figures":
        item = _object(Figure, exported=True)
        item["properties"] = {
            "record": {"type": "string", "description": "The record the figure belongs to: folder/id."},
            "display": {"type": "string", "description": "The figure as the site shows it."},
            **item["properties"],
            "page": {"type": "string", "description": "The figure on its record's page, from the site root."},
        }
    else:
        item = _object(FOLDERS[name].cls, exported=True)
        item["properties"]["id"] = {"type": "string", "pattern": _ID, "description": "The record's id."}
        item["properties"].update(TRACKING)
    item["required"] = list(item["properties"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE_URL + f"data-{name}.schema.json",
        "title": f"data/{name}.json",
        "type": "array",
        "items": item,
    }


def schemas() -> dict[str, str]:
    """File name -> JSON text for every record type and every open-data file, formatted for diffs."""
    files = {schema_name(folder): record_schema(folder) for folder in FOLDERS}
    files.update({f"data-{name}.schema.json": data_schema(name) for name in (*FOLDERS, "figures")})
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in files.items()}


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema file into ``out_dir``; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in schemas().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _object(cls: type, exported: bool = False) -> dict[str, Any]:
    """A dataclass as a JSON object: as a content file writes it, or (``exported``) as the open
    data holds it, every field present and optional texts possibly empty."""
    properties: dict[str, Any] = {}
    required = []
    for field in field_specs(cls):
        if field.name == "id":
            continue
        schema = _type(field.hint, exported)
        if schema.get("type") == "string" and field.limit:
            schema["maxLength"] = field.limit
            if exported and not field.required:
                del schema["minLength"]
        schema["description"] = field.doc
        properties[field.name] = schema
        if exported or field.required:
            required.append(field.name)
        if field.required and schema.get("type") == "array":
            schema["minItems"] = 1
    if cls is Citation and exported:
        properties["paragraphs"] = {"type": "array", "items": {"type": "string"}, "minItems": 1}
        properties["page"] = {"type": "string", "description": "The first paragraph cited, on the source's page."}
        required += ["paragraphs", "page"]
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip(),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


_SCALARS: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "minLength": 1},
    "boolean": {"type": "boolean"},
    "number": {"type": "number"},
    "tag": {"type": "string", "pattern": _ID},
    "former-id": {"type": "string", "pattern": _ID},
    "reference": {"type": "string", "pattern": _ID},
    "instrument": {"enum": list(INSTRUMENTS)},
    "date": {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "integer"}]},
}


def _type(hint: Any, exported: bool = False) -> dict[str, Any]:
    kind, argument = kind_of(hint)
    if kind == "optional":
        return {"anyOf": [_type(argument, exported), {"type": "null"}]}
    if kind == "sequence":
        return {"type": "array", "items": _type(argument, exported)}
    if kind == "choice":
        return {"enum": list(argument)}
    if kind == "part":
        return _object(argument, exported)
    if kind == "paragraph":
        ref = {"type": "string", "pattern": _ID, "maxLength": MAX_REF}
        return ref if exported else {"anyOf": [{"type": "integer", "minimum": 0}, ref]}
    return dict(_SCALARS[kind])
