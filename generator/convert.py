"""Turn one file's YAML nodes into a record, reporting every problem with its position.

The conversion is driven by the dataclasses in ``generator.model``: the field
types say what each YAML value must be. References to other records cannot be
checked one file at a time; they are collected as ``PendingReference`` and
``PendingCitation`` for ``generator.resolve``.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import typing
from dataclasses import dataclass
from typing import Any

import yaml

from generator.characters import FORBIDDEN_IN_TEXT, describe
from generator.dates import PartialDate
from generator.fields import field_specs, kind_of
from generator.model import CLAUSE_MARK, ID_PATTERN, MAX_REF, MAX_TEXT, RENAMED_FIELDS, Citation, Claim
from generator.problems import Problem
from generator.vocabulary import INSTRUMENTS

_TAG_NAMES = {
    "tag:yaml.org,2002:str": "text",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}
_FORMER_NAMES = {new: old for old, new in RENAMED_FIELDS.items()}
_TAG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_URL = re.compile(r"https?://[^\s<>\"']+")


@dataclass(frozen=True)
class Position:
    """Where a value stands: the file, its line and column, and the field path."""

    path: str
    line: int
    column: int
    field: str

    def problem(self, message: str, hint: str = "") -> Problem:
        """A problem at this position, its message prefixed with the field path."""
        prefix = f"{self.field}: " if self.field else ""
        return Problem(self.path, self.line, self.column, prefix + message, hint)


@dataclass(frozen=True)
class PendingReference:
    """A reference to another record, checked once every file is read."""

    folder: str
    target: str
    position: Position


@dataclass(frozen=True)
class PendingCitation:
    """A citation whose paragraph is checked once every source is read."""

    citation: Citation
    source_position: Position
    para_position: Position
    quote_position: Position | None = None


@dataclass
class Conversion:
    """The outcome of reading one file: the record (if any) and what is left to check."""

    record: Any = None
    problems: list[Problem] = dataclasses.field(default_factory=list)
    references: list[PendingReference] = dataclasses.field(default_factory=list)
    citations: list[PendingCitation] = dataclasses.field(default_factory=list)
    aliases: list[Position] = dataclasses.field(default_factory=list)
    """Where each former id stands, in order, for checks across files."""


class _Invalid(Exception):
    """The value at hand is unusable; its problem is already recorded."""


def closest(word: str, options: typing.Iterable[str]) -> str:
    """A hint naming the closest option to ``word``, or listing the options."""
    options = sorted(options)
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if match:
        return f"did you mean '{match[0]}'?"
    if len(options) <= 12:
        return "expected one of: " + ", ".join(options)
    return ""


def convert_record(node: yaml.MappingNode, record_type: type, record_id: str, path: str) -> Conversion:
    """Build a ``record_type`` from a file's top-level mapping, collecting all problems."""
    converter = _Converter(path)
    try:
        record = converter.dataclass(node, record_type, "", record_id)
    except _Invalid:
        record = None
    if converter.outcome.problems:
        record = None
    converter.outcome.record = record
    return converter.outcome


class _Converter:
    def __init__(self, path: str) -> None:
        self.path = path
        self.outcome = Conversion()

    def position(self, node: yaml.Node, field: str) -> Position:
        return Position(self.path, node.start_mark.line + 1, node.start_mark.column + 1, field)

    def fail(self, node: yaml.Node, field: str, message: str, hint: str = "") -> typing.NoReturn:
        self.outcome.problems.append(self.position(node, field).problem(message, hint))
        raise _Invalid

    def value(self, node: yaml.Node, hint: Any, field: str, limit: int = MAX_TEXT) -> Any:
        kind, argument = kind_of(hint)
        if kind == "text":
            return self.text(node, field, limit)
        if kind == "part":
            return self.dataclass(node, argument, field)
        if kind == "sequence":
            return self.sequence(node, argument, field, limit)
        if kind == "reference":
            target = self.text(node, field)
            self.outcome.references.append(PendingReference(argument, target, self.position(node, field)))
            return target
        if kind == "choice":
            return self.choice(node, argument, field)
        if kind == "optional":
            return None if node.tag == "tag:yaml.org,2002:null" else self.value(node, argument, field, limit)
        if kind == "paragraph":
            return self.paragraph(node, field)
        if kind == "date":
            return self.date(node, field)
        if kind == "boolean":
            return self.boolean(node, field)
        if kind == "number":
            return self.number(node, field)
        if kind == "instrument":
            return self.choice(node, tuple(INSTRUMENTS), field, what="instrument type")
        if kind == "former-id":
            former = self.text(node, field)
            if not ID_PATTERN.fullmatch(former):
                self.fail(node, field, f"'{former}' is not an id", "former ids are lower-case words joined by hyphens")
            self.outcome.aliases.append(self.position(node, field))
            return former
        tag = self.text(node, field)
        if not _TAG.fullmatch(tag):
            self.fail(
                node,
                field,
                f"tag '{tag}' is not lower-case words joined by hyphens",
                f"write e.g. '{re.sub(r'[^a-z0-9]+', '-', tag.lower()).strip('-') or 'credit-insurance'}'",
            )
        return tag

    def scalar(self, node: yaml.Node, field: str, expected: str) -> yaml.ScalarNode:
        if not isinstance(node, yaml.ScalarNode):
            found = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
            self.fail(node, field, f"expected {expected}, found {found}")
        return node

    def text(self, node: yaml.Node, field: str, limit: int = MAX_TEXT) -> str:
        scalar = self.scalar(node, field, "text")
        if scalar.tag != "tag:yaml.org,2002:str":
            found = _TAG_NAMES.get(scalar.tag, scalar.tag)
            self.fail(
                node,
                field,
                f"expected text, found {found} ({scalar.value})",
                f'put the value in quotes: "{scalar.value}"',
            )
        if len(scalar.value) > limit:
            self.fail(
                node,
                field,
                f"text is {len(scalar.value)} characters; the limit is {limit}",
                "shorten it, or split it into several provisions" if limit == MAX_TEXT else "shorten it",
            )
        if not scalar.value.strip():
            self.fail(node, field, "text is empty", "write the text, or leave out the field if it is optional")
        forbidden = FORBIDDEN_IN_TEXT.search(scalar.value)
        if forbidden:
            self.fail(
                node,
                field,
                f"text holds {describe(forbidden.group())}, which is not allowed in content",
                "control and invisible characters can hide or reorder text; remove the escape or the character",
            )
        return scalar.value

    def boolean(self, node: yaml.Node, field: str) -> bool:
        scalar = self.scalar(node, field, "true or false")
        if scalar.tag != "tag:yaml.org,2002:bool":
            self.fail(node, field, f"expected true or false, found '{scalar.value}'", "write true or false")
        return scalar.value.lower() in ("true", "yes", "on")

    def number(self, node: yaml.Node, field: str) -> float:
        scalar = self.scalar(node, field, "a number")
        if scalar.tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            self.fail(
                node,
                field,
                f"expected a number, found '{scalar.value}'",
                "write the bare number, e.g. 15.3 for 15.3%, and put the unit in `unit`",
            )
        try:
            value = float(scalar.value.replace("_", ""))
        except ValueError:
            self.fail(node, field, f"expected a number, found '{scalar.value}'", "write a decimal number")
        if not math.isfinite(value):
            self.fail(node, field, f"'{scalar.value}' is not a finite number", "write the number the source gives")
        return value

    def choice(self, node: yaml.Node, options: tuple[str, ...], field: str, what: str = "value") -> str:
        value = self.text(node, field)
        if value not in options:
            self.fail(node, field, f"unknown {what} '{value}'", closest(value, options))
        return value

    def date(self, node: yaml.Node, field: str) -> PartialDate:
        scalar = self.scalar(node, field, "a date")
        try:
            return PartialDate.parse(scalar.value)
        except ValueError as error:
            self.fail(
                node,
                field,
                f"bad date: {error}",
                "write 2025-05-14, 2025-05 or 2025; leave the field out when the date is unknown",
            )

    def paragraph(self, node: yaml.Node, field: str) -> str:
        scalar = self.scalar(node, field, "a paragraph number")
        if scalar.tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:str"):
            self.fail(
                node,
                field,
                f"expected a paragraph number, found '{scalar.value}'",
                'write 4, "10-12" or a named locator of the source',
            )
        if not (ID_PATTERN.fullmatch(scalar.value) and len(scalar.value) <= MAX_REF):
            self.fail(
                node,
                field,
                f"'{_short(scalar)}' is not a paragraph locator",
                f'write a number, a range such as "10-12", or lower-case words joined by hyphens '
                f"(at most {MAX_REF} characters)",
            )
        return scalar.value

    def sequence(self, node: yaml.Node, item: Any, field: str, limit: int = MAX_TEXT) -> tuple[Any, ...]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, field, "expected a list", f"write it as a list: `- {_short(node)}` on its own line")
        values = []
        for index, child in enumerate(node.value):
            try:
                values.append(self.value(child, item, f"{field}[{index}]", limit))
            except _Invalid:
                continue
        return tuple(values)

    def dataclass(self, node: yaml.Node, cls: type, field: str, record_id: str | None = None) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.fail(
                node,
                field,
                f"expected a mapping of {cls.__name__.lower()} fields, found '{_short(node)}'",
                "write its fields as `key: value` lines, indented under this one",
            )
        spec = {field.name: field for field in field_specs(cls)}
        values: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        broken = False
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else _short(key_node)
            where = f"{field}.{key}" if field else key
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.outcome.problems.append(
                    self.position(key_node, field).problem(
                        f"duplicate key '{key}' (first given on line {first})", "keep one of the two"
                    )
                )
                broken = True
                continue
            seen[key] = key_node
            if key == "id" and record_id is not None:
                self._check_id(value_node, record_id)
                continue
            if key not in spec or (key == "id" and record_id is None):
                renamed = RENAMED_FIELDS.get(key, "")
                hint = (
                    f"write `{renamed}:` ('{key}' was renamed)"
                    if renamed in spec
                    else closest(key, (name for name in spec if name != "id"))
                )
                self.outcome.problems.append(self.position(key_node, field).problem(f"unknown field '{key}'", hint))
                broken = True
                continue
            hint, required = spec[key].hint, spec[key].required
            try:
                values[key] = self.value(value_node, hint, where, spec[key].limit)
            except _Invalid:
                broken = True
                continue
            if required and values[key] == ():
                if not (isinstance(value_node, yaml.SequenceNode) and value_node.value):  # else: items reported
                    self.outcome.problems.append(
                        self.position(value_node, where).problem(
                            "needs at least one item", f"add {spec[key].doc.rstrip('.').lower()}"
                        )
                    )
                broken = True
        if record_id is not None and "id" in spec:
            values["id"] = record_id
        missing = [name for name, field_spec in spec.items() if field_spec.required and name not in values]
        for name in missing:
            if name in seen or _FORMER_NAMES.get(name) in seen:
                continue  # present but invalid, or under its former name: already reported
            self.outcome.problems.append(
                self.position(node, field).problem(
                    f"missing required field '{name}'", f"add `{name}:` ({spec[name].doc.rstrip('.')})"
                )
            )
            broken = True
        if broken:
            raise _Invalid
        record = cls(**values)
        if isinstance(record, Citation):
            self._pend_citation(node, record, field)
        if isinstance(record, Claim):
            self._check_clause_marks(node, record, field)
        self._check_urls(record, node, field)
        self._check_ours(record, node)
        return record

    def _check_id(self, node: yaml.Node, record_id: str) -> None:
        if isinstance(node, yaml.ScalarNode) and node.value == record_id:
            return
        given = _short(node)
        if not (isinstance(node, yaml.ScalarNode) and ID_PATTERN.fullmatch(node.value)):
            message = f"id '{given}' is not a valid id"
            hint = "remove the `id:` line: the file name is the id"
        else:
            message = f"id '{given}' does not match the file name '{record_id}.yaml'"
            hint = f"rename the file to {given}.yaml, or remove the `id:` line (the file name is the id)"
        self.outcome.problems.append(self.position(node, "").problem(message, hint))

    def _pend_citation(self, node: yaml.MappingNode, citation: Citation, field: str) -> None:
        nodes = {key.value: value for key, value in node.value}
        quote = nodes.get("quote")
        self.outcome.citations.append(
            PendingCitation(
                citation,
                self.position(nodes["source"], f"{field}.source"),
                self.position(nodes["para"], f"{field}.para"),
                self.position(quote, f"{field}.quote") if quote is not None else None,
            )
        )

    def _check_clause_marks(self, node: yaml.MappingNode, claim: Claim, field: str) -> None:
        """A clause mark [n] must name one of the claim's citations, once."""
        marks = [int(mark) for mark in CLAUSE_MARK.findall(claim.text)]
        wrong = [mark for mark in marks if not 1 <= mark <= len(claim.cite)]
        repeated = sorted({mark for mark in marks if marks.count(mark) > 1})
        if not (wrong or repeated):
            return
        where = {key.value: value for key, value in node.value}["text"]
        place = f"{field}.text" if field else "text"
        if wrong:
            message = f"[{wrong[0]}] marks a clause, but the claim has {len(claim.cite)} citation" + (
                "s" if len(claim.cite) != 1 else ""
            )
            hint = "[n] stands for the claim's n-th citation: number them from [1]"
        else:
            message = f"[{repeated[0]}] marks two clauses"
            hint = "give each clause its own citation, or mark the citation once"
        self.outcome.problems.append(self.position(where, place).problem(message, hint))

    def _check_ours(self, record: Any, node: yaml.MappingNode) -> None:
        """Each of a record's own additions must name a field of the record that has a value."""
        additions = getattr(record, "ours", ())
        if not additions or not hasattr(record, "aliases"):
            return
        items = {key.value: value for key, value in node.value}["ours"].value
        for index, (addition, item) in enumerate(zip(additions, items, strict=True)):
            name = re.split(r"[.\[]", addition.field, maxsplit=1)[0]
            if not getattr(record, name, None):
                where = {key.value: value for key, value in item.value}["field"]
                self.outcome.problems.append(
                    self.position(where, f"ours[{index}].field").problem(
                        f"'{addition.field}' names no field of this record that has a value",
                        "name the field you filled in yourself, e.g. name_zh or figures[0].unit",
                    )
                )

    def _check_urls(self, record: Any, node: yaml.MappingNode, field: str) -> None:
        if not (getattr(record, "url", "") or getattr(record, "archive_url", "")):
            return
        nodes = {key.value: value for key, value in node.value}
        for name in ("url", "archive_url"):
            value = getattr(record, name, "")
            if value and not _URL.fullmatch(value):
                self.outcome.problems.append(
                    self.position(nodes[name], f"{field}.{name}" if field else name).problem(
                        f"'{value}' is not an http or https address", "write the full address, starting with https://"
                    )
                )


def _short(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return "[...]" if isinstance(node, yaml.SequenceNode) else "{...}"
