"""The field reference for contributors, written from the model (the same source as the schema)."""

from __future__ import annotations

from generator.fields import field_specs, nested_parts
from generator.registry import RECORD_TYPES
from generator.render.markdown import table, text

REFERENCE_MARKER = "<!-- field reference -->"
"""Where the contributing page (hand-written, in docs/) takes the reference below."""


def _fields_table(cls: type) -> list[str]:
    rows = []
    for field in field_specs(cls):
        if field.name == "id":
            continue
        rows.append([f"`{field.name}`", "required" if field.required else "optional", text(field.doc)])
    return table(["Field", "", "What it holds"], rows)


def field_reference() -> str:
    """Every field of every record type, and of the parts they are made of."""
    lines: list[str] = []
    parts: dict[str, type] = {}
    for kind in RECORD_TYPES:
        cls = kind.cls
        lines += [f"### {cls.__name__} (`content/{kind.folder}/`)", "", text((cls.__doc__ or "").strip()), ""]
        lines += [*_fields_table(cls), ""]
        for field in field_specs(cls):
            for part in nested_parts(field.hint):
                parts.setdefault(part.__name__, part)
    lines += ["### Parts used by several record types", ""]
    pending = list(parts.values())
    while pending:
        part = pending.pop(0)
        lines += [f"#### {part.__name__}", "", text((part.__doc__ or "").strip()), "", *_fields_table(part), ""]
        for field in field_specs(part):
            for inner in nested_parts(field.hint):
                if inner.__name__ not in parts:
                    parts[inner.__name__] = inner
                    pending.append(inner)
    return "\n".join(lines)
