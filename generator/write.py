"""The one place generated pages touch the disk."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

MARKER = ".generated-by-china-trade-tracker"
"""A file the writer leaves in its output folder; it only ever deletes inside such a folder."""


@dataclass(frozen=True)
class WriteReport:
    """What a write changed."""

    written: int
    removed: int
    unchanged: int


def staging_folder(out_dir: Path) -> Path:
    """The folder beside ``out_dir`` where its next version is made: site -> .site.partial."""
    return out_dir.with_name(f".{out_dir.name}.partial")


def swap_in(staging: Path, out_dir: Path) -> None:
    """Put a finished ``staging`` folder in the place of ``out_dir`` (two renames, no copying)."""
    old = out_dir.with_name(f".{out_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)


def write_pages(pages: dict[str, str], out_dir: Path) -> WriteReport:
    """Make ``out_dir`` hold exactly ``pages``, all at once.

    The new version is laid out beside ``out_dir`` and then takes its place, so an interrupted
    or failed write leaves ``out_dir`` as it was. Unchanged files are hard-linked from the old
    version, so only changed files get a new modification time.
    """
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise FileExistsError(f"{out_dir} is not empty and was not made by the generator")
    staging = staging_folder(out_dir)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        written = unchanged = 0
        for relative, content in [(MARKER, ""), *pages.items()]:
            old, target = out_dir / relative, staging / relative
            data = content.encode("utf-8")
            target.parent.mkdir(parents=True, exist_ok=True)
            if old.is_file() and old.read_bytes() == data:
                _keep(old, target)
                unchanged += relative != MARKER
            else:
                target.write_bytes(data)
                written += relative != MARKER
        removed = sum(
            1
            for path in (out_dir.rglob("*") if out_dir.is_dir() else ())
            if path.is_file() and path.name != MARKER and path.relative_to(out_dir).as_posix() not in pages
        )
        swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteReport(written, removed, unchanged)


def _keep(old: Path, target: Path) -> None:
    """Carry an unchanged file over with its modification time: a hard link, or a copy."""
    try:
        os.link(old, target)
    except OSError:
        shutil.copy2(old, target)
