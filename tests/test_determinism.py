"""Same content, byte-identical pages, whatever the hash seed or the order files were made in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def build(content: Path, out: Path, seed: str) -> dict[str, bytes]:
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
    )
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.md"))}


def test_two_builds_give_byte_identical_pages(tmp_path: Path) -> None:
    first = build(ROOT / "content", tmp_path / "first", "1")
    second = build(ROOT / "content", tmp_path / "second", "2")
    assert len(first) > 20
    assert first == second
