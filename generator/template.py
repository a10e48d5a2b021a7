"""A commented YAML template for a new record, written from the model's fields and their docs."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from generator.dates import PartialDate
from generator.model import RECORD_TYPES, InstrumentId
from generator.schema import BASE_URL, schema_name
from generator.vocabulary import INSTRUMENTS

SCHEMA_COMMENT = "# yaml-language-server: $schema={url}"
"""The first line of every content file: editors fetch the schema to autocomplete and check."""


def schema_comment(folder: str) -> str:
    """The schema line for a file in ``folder``."""
    return SCHEMA_COMMENT.format(url=BASE_URL + schema_name(folder))


def record_template(folder: str, record_id: str) -> str:
    """The template of a new record: required fields to fill in, optional ones commented out."""
    cls = RECORD_TYPES[folder]
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
    hints = typing.get_type_hints(cls)
    lines: list[str] = []
    for field in dataclasses.fields(cls):
        if field.name == "id":
            continue
        required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        commented = optional or not required
        mark = "# " if commented else ""
        doc = field.metadata.get("doc", "")
        lines.append(f"{indent}# {doc} ({'required' if required else 'optional'})")
        lines += _value(field.name, hints[field.name], indent, mark)
    return lines


def _value(name: str, hint: Any, indent: str, mark: str) -> list[str]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if isinstance(item, type) and dataclasses.is_dataclass(item) and item is not PartialDate:
            return [f"{indent}{mark}{name}:", f"{indent}{mark}  -", *_fields(item, indent + "    ", bool(mark))]
        return [f"{indent}{mark}{name}:", f"{indent}{mark}  - {_scalar(item)}"]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and hint is not PartialDate:
        return [f"{indent}{mark}{name}:", *_fields(hint, indent + "  ", optional=bool(mark))]
    return [f"{indent}{mark}{name}: {_scalar(hint)}"]


def _scalar(hint: Any) -> str:
    if typing.get_origin(hint) is typing.Literal:
        options = typing.get_args(hint)
        return f"{options[0]}  # one of: {', '.join(options)}"
    if hint is InstrumentId:
        return f"{next(iter(INSTRUMENTS))}  # one of: {', '.join(INSTRUMENTS)}"
    if hint is PartialDate:
        return '""  # YYYY-MM-DD, YYYY-MM or YYYY'
    if hint is bool:
        return "false"
    if hint is float:
        return "0"
    return '""'
