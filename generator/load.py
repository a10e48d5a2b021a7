"""Read a content folder into a ``Catalog``: every file, every problem, then every link."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalog import Catalog
from generator.convert import Conversion, convert_record
from generator.fingerprint import FOLDER as FINGERPRINTS
from generator.fingerprint import Fingerprint, read_fingerprint
from generator.model import ID_PATTERN, RESERVED_IDS
from generator.problems import ContentError, Problem
from generator.registry import FOLDERS
from generator.resolve import resolve
from generator.template import schema_comments
from generator.yamlfile import read_node

MAX_ID = 80


FileReading = tuple[tuple[int, int], list[Problem], Conversion | None]
"""One file as read: its (modification time, size), its problems, and its conversion if it parsed."""


def load_catalog(content_dir: Path, readings: dict[Path, FileReading] | None = None) -> Catalog:
    """Read and validate every record under ``content_dir``; raise ``ContentError`` listing all problems.

    ``readings``, when given, keeps each file's reading between calls: a file whose
    modification time and size are unchanged is not parsed again (``mkdocs serve``).
    Checks across files always run on the whole catalog.
    """
    problems: list[Problem] = []
    conversions: list[tuple[str, Conversion]] = []
    existing: dict[str, set[str]] = {folder: set() for folder in FOLDERS}
    files = _content_files(content_dir, problems)
    names = {(folder, path.stem) for folder, path in files}
    for folder, path in files:
        shown = str(path)
        record_id = path.stem
        if record_id != record_id.lower() and (folder, record_id.lower()) in names:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    f"'{path.name}' differs only in case from {record_id.lower()}.yaml",
                    "ids are lower-case; merge the two files or choose another id",
                )
            )
            continue
        if not ID_PATTERN.fullmatch(record_id) or len(record_id) > MAX_ID:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    f"'{path.name}' is not a valid file name for a record",
                    f"use lower-case letters, digits and single hyphens, at most {MAX_ID} "
                    f"characters, e.g. {_suggest_id(record_id)}.yaml",
                )
            )
            continue
        if record_id in RESERVED_IDS:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    f"'{record_id}' is reserved for a page the site generates",
                    f"choose another file name, e.g. {record_id}-{folder[:-1]}.yaml",
                )
            )
            continue
        existing[folder].add(record_id)
        reading = _read(folder, path, readings)
        problems.extend(reading[1])
        if reading[2] is not None:
            conversions.append((folder, reading[2]))
    if readings is not None:
        for gone in readings.keys() - {path for _, path in files}:
            del readings[gone]
    catalog = Catalog()
    for folder, conversion in conversions:
        if conversion.record is not None:
            catalog.folder(folder)[conversion.record.id] = conversion.record
    fingerprints = _fingerprints(content_dir / FINGERPRINTS, problems)
    problems.extend(resolve(catalog, [c for _, c in conversions], existing, fingerprints))
    if problems:
        raise ContentError(problems)
    return catalog


def _fingerprints(folder: Path, problems: list[Problem]) -> dict[str, Fingerprint]:
    """Source id -> the fingerprint of its text, for every file in content/fingerprints."""
    found: dict[str, Fingerprint] = {}
    if not folder.is_dir() or folder.is_symlink():
        return found
    for path in sorted(folder.iterdir()):
        if _refused_entry(path, problems):
            continue
        if path.suffix != ".json" or not path.is_file():
            problems.append(
                Problem(
                    str(path), 1, 1, f"'{path.name}' is not a fingerprint", "fingerprints are <source-id>.json files"
                )
            )
            continue
        try:
            fingerprint = read_fingerprint(path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    f"cannot read this fingerprint: {error}",
                    f"make it again: python -m generator fingerprint {path.stem} <marked text>",
                )
            )
            continue
        if fingerprint.source != path.stem:
            problems.append(
                Problem(
                    str(path), 1, 1, f"fingerprint of '{fingerprint.source}' in the file of '{path.stem}'", "rename it"
                )
            )
            continue
        found[path.stem] = fingerprint
    return found


def _read(folder: str, path: Path, readings: dict[Path, FileReading] | None) -> FileReading:
    """Parse and convert one file, or take its earlier reading when the file is unchanged."""
    try:
        stat = path.stat()
    except OSError:
        stat = None  # gone since the folder was listed: reading it reports the problem
    signature = (stat.st_mtime_ns, stat.st_size) if stat else (0, -1)
    if readings is not None and path in readings and readings[path][0] == signature:
        return readings[path]
    shown = str(path)
    node, problems = read_node(path, shown, schema_comments(folder))
    conversion = None
    if node is not None:
        conversion = convert_record(node, FOLDERS[folder].cls, path.stem, shown)
        problems = [*problems, *conversion.problems]
    reading = (signature, problems, conversion)
    if readings is not None:
        readings[path] = reading
    return reading


def _content_files(content_dir: Path, problems: list[Problem]) -> list[tuple[str, Path]]:
    """Every ``folder/*.yaml`` in record-type order; anything else under content is a problem."""
    if not content_dir.is_dir():
        problems.append(
            Problem(
                str(content_dir),
                1,
                1,
                "content folder not found",
                "run from the repository root, or pass --content DIR",
            )
        )
        return []
    files = []
    for entry in sorted(content_dir.iterdir()):
        if _refused_entry(entry, problems):
            continue
        if not entry.is_dir() or entry.name not in (*FOLDERS, FINGERPRINTS):
            problems.append(
                Problem(
                    str(entry),
                    1,
                    1,
                    f"'{entry.name}' is not a content folder",
                    "put records in one of: " + ", ".join(FOLDERS),
                )
            )
    for folder in FOLDERS:
        directory = content_dir / folder
        if not directory.is_dir() or directory.is_symlink():
            continue
        for path in sorted(directory.iterdir()):
            if _refused_entry(path, problems):
                continue
            if path.suffix != ".yaml" or not path.is_file():
                hint = f"rename it to {path.stem}.yaml" if path.suffix == ".yml" else "only .yaml files belong here"
                problems.append(Problem(str(path), 1, 1, f"'{path.name}' is not a .yaml record", hint))
                continue
            files.append((folder, path))
    return files


def _refused_entry(entry: Path, problems: list[Problem]) -> bool:
    """Refuse what the site would silently skip or follow: hidden entries and symbolic links."""
    if entry.is_symlink():
        message = f"'{entry.name}' is a symbolic link"
        hint = "content must be plain files in the repository; put the file itself here"
    elif entry.name.startswith("."):
        message = f"'{entry.name}' is hidden, so the site would ignore it"
        hint = "rename it without the leading dot, or delete it"
    else:
        return False
    problems.append(Problem(str(entry), 1, 1, message, hint))
    return True


def _suggest_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:MAX_ID] or "my-record"
