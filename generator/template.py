"""A commented YAML template for a new record, written from the model's fields and their docs."""

from __future__ import annotations

from typing import Any

from generator.fields import Kind, field_specs, kind_of
from generator.registry import FOLDERS
from generator.schema import BASE_URL, schema_name
from generator.vocabulary import INSTRUMENTS

SCHEMA_COMMENT = "# yaml-language-server: $schema={url}"
"""The first line of every content file: editors read the schema to autocomplete and check."""

SCHEMA_PATH = "../../site_config/schema/"
"""The committed schemas as seen from a content file (content/<folder>/<id>.yaml): an editor
resolves the path from the file it edits, so the line works offline and on any branch."""


def schema_comment(folder: str) -> str:
    """The schema line for a file in ``folder``: the committed schema, by a path relative to the file."""
    return SCHEMA_COMMENT.format(url=SCHEMA_PATH + schema_name(folder))


def schema_comments(folder: str) -> tuple[str, ...]:
    """Every schema line accepted for a file in ``folder``, the one to write first.

    The older line, with the address of the published schema, is still accepted: files
    written before the relative path need no edit.
    """
    return schema_comment(folder), SCHEMA_COMMENT.format(url=BASE_URL + schema_name(folder))


def record_template(folder: str, record_id: str) -> str:
    """The template of a new record: required fields to fill in, optional ones commented out."""
    cls = FOLDERS[folder].cls
    lines = [
        schema_comment(folder),
        f"# {(cls.__doc__ or '').strip()}",
        f"# The file name is the id: content/{folder}/{record_id}.yaml. Fill in every field that is",
        "# not commented out; uncomment the optional ones you can support with a citation.",
        "",
    ]
    lines += _fields(cls, indent="", optional=False)
    return "\n".join(lines) + "\n"


def _fields(cls: type, indent: str, optional: bool) -> list[str]:
    lines: list[str] = []
    for field in field_specs(cls):
        if field.name == "id":
            continue
        mark = "# " if optional or not field.required else ""
        lines.append(f"{indent}# {field.doc} ({'required' if field.required else 'optional'})")
        lines += _value(field.name, field.hint, indent, mark)
    return lines


def _value(name: str, hint: Any, indent: str, mark: str) -> list[str]:
    kind, argument = kind_of(hint)
    if kind == "optional":
        kind, argument = kind_of(argument)
    if kind == "sequence":
        item_kind, item = kind_of(argument)
        if item_kind == "part":
            return [f"{indent}{mark}{name}:", f"{indent}{mark}  -", *_fields(item, indent + "    ", bool(mark))]
        return [f"{indent}{mark}{name}:", f"{indent}{mark}  - {_scalar(item_kind, item)}"]
    if kind == "part":
        return [f"{indent}{mark}{name}:", *_fields(argument, indent + "  ", optional=bool(mark))]
    return [f"{indent}{mark}{name}: {_scalar(kind, argument)}"]


def _scalar(kind: Kind, argument: Any) -> str:
    if kind == "choice":
        return f"{argument[0]}  # one of: {', '.join(argument)}"
    if kind == "instrument":
        return f"{next(iter(INSTRUMENTS))}  # one of: {', '.join(INSTRUMENTS)}"
    if kind == "date":
        return '""  # YYYY-MM-DD, YYYY-MM or YYYY'
    if kind == "boolean":
        return "false"
    if kind == "number":
        return "0"
    return '""'
