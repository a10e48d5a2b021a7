"""JSON Schema for each record type, derived from the dataclasses (never written by hand)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any

from generator.dates import PartialDate
from generator.model import ID_PATTERN, RECORD_TYPES, REFERENCE_FOLDERS, FormerId, InstrumentId, ParagraphRef, Tag
from generator.vocabulary import INSTRUMENTS

BASE_URL = "https://china-trade-tracker.github.io/china-trade-tracker/schema/"
_ID = f"^{ID_PATTERN.pattern}$"


def schema_name(folder: str) -> str:
    """The file name of a folder's schema: measures -> measures.schema.json."""
    return f"{folder}.schema.json"


def record_schema(folder: str) -> dict[str, Any]:
    """The JSON Schema that one content file of ``folder`` must satisfy."""
    cls = RECORD_TYPES[folder]
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


def schemas() -> dict[str, str]:
    """File name -> JSON text for every record type, formatted for diffs."""
    return {
        schema_name(folder): json.dumps(record_schema(folder), indent=2, ensure_ascii=False) + "\n"
        for folder in RECORD_TYPES
    }


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema file into ``out_dir``; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in schemas().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _object(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in dataclasses.fields(cls):
        if field.name == "id":
            continue
        schema = _type(hints[field.name])
        schema["description"] = field.metadata.get("doc", "")
        properties[field.name] = schema
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            required.append(field.name)
            if schema.get("type") == "array":
                schema["minItems"] = 1
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip(),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return {"anyOf": [_type(options[0]), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(hint)[0])}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(hint))}
    if hint is PartialDate:
        return {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "integer"}]}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _object(hint)
    if hint is ParagraphRef:
        return {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "minLength": 1}]}
    if hint in (Tag, FormerId):
        return {"type": "string", "pattern": _ID}
    if hint is InstrumentId:
        return {"enum": list(INSTRUMENTS)}
    if hint in REFERENCE_FOLDERS:
        return {"type": "string", "pattern": _ID}
    scalars: dict[Any, dict[str, Any]] = {
        str: {"type": "string", "minLength": 1},
        bool: {"type": "boolean"},
        float: {"type": "number"},
    }
    return dict(scalars[hint])
