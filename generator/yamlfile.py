"""Read one content file into a YAML node tree that keeps line and column."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.characters import FORBIDDEN_IN_FILE, describe
from generator.problems import Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
"""Largest content file accepted; a measure is a few kilobytes."""


def read_node(path: Path, shown_as: str, first_lines: tuple[str, ...]) -> tuple[yaml.MappingNode | None, list[Problem]]:
    """Parse ``path`` into its top-level mapping node, or return the problems that stop it.

    ``first_lines`` are the comments a content file may start with (its schema line); the
    hint names the first, and the others as still accepted.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [
            Problem(
                shown_as,
                1,
                1,
                f"the file could not be read: {error.strerror or error}",
                "it may have been moved or deleted while the check ran; run the check again",
            )
        ]
    if len(data) > MAX_BYTES:
        return None, [
            Problem(
                shown_as,
                1,
                1,
                f"file is {len(data)} bytes; the limit is {MAX_BYTES} bytes",
                "split the record, or shorten its texts",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                shown_as, line, column, f"byte 0x{data[error.start]:02x} is not valid UTF-8", "save the file as UTF-8"
            )
        ]
    if text.startswith("\ufeff"):
        return None, [
            Problem(shown_as, 1, 1, "file starts with a byte order mark", "save the file as UTF-8 without BOM")
        ]
    forbidden = _forbidden_characters(text, shown_as)
    if forbidden:
        return None, forbidden
    problems = []
    if not text.startswith(tuple(line + "\n" for line in first_lines)):
        hint = f"make the first line: {first_lines[0]}"
        if first_lines[1:]:
            hint += f" (the older line is still accepted: {' or '.join(first_lines[1:])})"
        problems.append(Problem(shown_as, 1, 1, "the file does not start with its schema line", hint))
    try:
        alias = _first_alias(text)
        node = None if alias else yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax: {error.problem or error.context}"
        if error.context and error.problem and error.context_mark and error.context_mark is not mark:
            where = error.context_mark
            message += f" ({error.context} that starts at line {where.line + 1}, column {where.column + 1})"
        lines = text.splitlines()
        bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
        hint = "indent with spaces, not tabs" if "\t" in bad_line else "check the indentation and quoting on this line"
        return None, [*problems, Problem(shown_as, line, column, message, hint)]
    if alias is not None:
        line, column = alias
        message = "YAML aliases (*name) are not allowed in content: the limit is zero, which keeps reading bounded"
        return None, [Problem(shown_as, line, column, message, "write the value out in full")]
    if node is None:
        return None, [Problem(shown_as, 1, 1, "file is empty", "start from `python -m generator new`")]
    if not isinstance(node, yaml.MappingNode):
        mark = node.start_mark
        return None, [
            Problem(
                shown_as,
                mark.line + 1,
                mark.column + 1,
                "a content file must be a mapping of field names to values",
                "write `title: ...` and the other fields at the top level, not a list",
            )
        ]
    return node, problems


def _forbidden_characters(text: str, shown_as: str) -> list[Problem]:
    """A problem for the first control or invisible character on each line that has one."""
    problems = []
    last_line = 0
    for match in FORBIDDEN_IN_FILE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line == last_line:
            continue
        last_line = line
        column = match.start() - text.rfind("\n", 0, match.start())
        problems.append(
            Problem(
                shown_as,
                line,
                column,
                f"character {describe(match.group())} is not allowed in content",
                "control and invisible characters can hide or reorder text; delete it (retype the line if "
                "your editor does not show it)",
            )
        )
    return problems


def _first_alias(text: str) -> tuple[int, int] | None:
    """Line and column of the first alias in the text, found from parser events before composing.

    Composing shares an aliased node instead of copying it, but everything that walks the
    tree afterwards would not; refusing aliases outright keeps a "billion laughs" harmless.
    Files without an asterisk (nearly all) skip the extra pass.
    """
    if "*" not in text:
        return None
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None
