"""The one place generated pages touch the disk."""

from __future__ import annotations

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


def write_pages(pages: dict[str, str], out_dir: Path) -> WriteReport:
    """Make ``out_dir`` hold exactly ``pages``: write changed files only, remove stale ones."""
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise FileExistsError(f"{out_dir} is not empty and was not made by the generator; choose another --out folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    if not (out_dir / MARKER).exists():
        (out_dir / MARKER).touch()
    written = unchanged = 0
    for relative, content in pages.items():
        target = out_dir / relative
        data = content.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        written += 1
    removed = 0
    for path in sorted(p for p in out_dir.rglob("*") if p.is_file() and p.name != MARKER):
        if path.relative_to(out_dir).as_posix() not in pages:
            path.unlink()
            removed += 1
    for directory in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    return WriteReport(written, removed, unchanged)
