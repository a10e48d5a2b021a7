"""The field reference for contributors, written from the model (the same source as the schema)."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

from generator.dates import PartialDate
from generator.model import RECORD_TYPES
from generator.render.markdown import table, text

REFERENCE_MARKER = "<!-- field reference -->"
"""Where the contributing page (hand-written, in docs/) takes the reference below."""


def _nested(hint: Any) -> list[type]:
    """The record parts (Claim, Citation ...) a field's type contains."""
    if hint is PartialDate:
        return []
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return [hint]
    return [part for arg in typing.get_args(hint) for part in _nested(arg)]


def _fields_table(cls: type) -> list[str]:
    rows = []
    for field in dataclasses.fields(cls):
        if field.name == "id":
            continue
        required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        rows.append([f"`{field.name}`", "required" if required else "optional", text(field.metadata["doc"])])
    return table(["Field", "", "What it holds"], rows)


def field_reference() -> str:
    """Every field of every record type, and of the parts they are made of."""
    lines: list[str] = []
    parts: dict[str, type] = {}
    for folder, cls in RECORD_TYPES.items():
        lines += [f"### {cls.__name__} (`content/{folder}/`)", "", text((cls.__doc__ or "").strip()), ""]
        lines += [*_fields_table(cls), ""]
        for hint in typing.get_type_hints(cls).values():
            for part in _nested(hint):
                parts.setdefault(part.__name__, part)
    lines += ["### Parts used by several record types", ""]
    pending = list(parts.values())
    while pending:
        part = pending.pop(0)
        lines += [f"#### {part.__name__}", "", text((part.__doc__ or "").strip()), "", *_fields_table(part), ""]
        for hint in typing.get_type_hints(part).values():
            for inner in _nested(hint):
                if inner.__name__ not in parts:
                    parts[inner.__name__] = inner
                    pending.append(inner)
    return "\n".join(lines)
