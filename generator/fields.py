"""What each field of the model asks for: one classifier of field types, shared by the
converter, the JSON Schema, the YAML template and the contributors' field reference."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from generator.dates import PartialDate
from generator.model import MAX_TEXT, REFERENCE_FOLDERS, FormerId, InstrumentId, ParagraphRef, Tag

Kind = Literal[
    "optional",
    "sequence",
    "choice",
    "date",
    "part",
    "reference",
    "boolean",
    "number",
    "paragraph",
    "former-id",
    "tag",
    "instrument",
    "text",
]
"""What a field's YAML value must be. ``part`` is a nested record part (Claim, Citation ...)."""

_SIMPLE: dict[Any, Kind] = {
    bool: "boolean",
    float: "number",
    ParagraphRef: "paragraph",
    FormerId: "former-id",
    Tag: "tag",
    InstrumentId: "instrument",
    str: "text",
}


@functools.cache
def kind_of(hint: Any) -> tuple[Kind, Any]:
    """A field type as (kind, argument): the inner type of an optional or a list, the options of
    a choice, the class of a part, the folder of a reference. An unknown type raises ``TypeError``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return "optional", next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if origin is tuple:
        return "sequence", typing.get_args(hint)[0]
    if origin is typing.Literal:
        return "choice", typing.get_args(hint)
    if hint is PartialDate:
        return "date", None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return "part", hint
    if hint in REFERENCE_FOLDERS:
        return "reference", REFERENCE_FOLDERS[hint]
    if hint not in _SIMPLE:
        raise TypeError(f"the model uses a type no part of the generator knows: {hint!r}")
    return _SIMPLE[hint], None


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record or part, as contributors write it."""

    name: str
    hint: Any
    required: bool
    limit: int
    """Longest text accepted."""
    doc: str
    anchor: str
    """For a cited statement, the stem of its id on the page (``provision`` gives provision-1)."""


@functools.cache
def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """The fields of a dataclass of the model, in order, with postponed annotations resolved."""
    hints = typing.get_type_hints(cls)
    return tuple(
        FieldSpec(
            name=f.name,
            hint=hints[f.name],
            required=f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            limit=f.metadata.get("max_length", MAX_TEXT),
            doc=str(f.metadata.get("doc", "")),
            anchor=str(f.metadata.get("anchor", f.name)),
        )
        for f in dataclasses.fields(cls)
    )


def nested_parts(hint: Any) -> list[type]:
    """The record parts (Claim, Citation ...) a field's type holds."""
    kind, argument = kind_of(hint)
    if kind == "part":
        return [argument]
    if kind in ("optional", "sequence"):
        return nested_parts(argument)
    return []
