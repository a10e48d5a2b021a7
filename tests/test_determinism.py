"""Same content, byte-identical output in every file, whatever the hash seed or the order in which
the files were made and are listed.

Each pair of builds differs in three ways: ``PYTHONHASHSEED`` (the iteration order of sets of
strings), the order in which the folders and files of the project were created (the listing
order on tmpfs and other file systems, and the order of modification times), and the order in
which the build process sees every folder listed. The last is forced by wrapping ``os.listdir``
and ``os.scandir`` (which ``pathlib`` and ``os.walk`` use) in the build's own process, because on
ext4 a folder lists in the order of a hash of the names, whatever the order they were made in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

IN_ORDER = """
import os, runpy, sys

reverse = sys.argv.pop(1) == "reverse"
module = sys.argv.pop(1)
_listdir, _scandir = os.listdir, os.scandir


class _Listing:
    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return None

    def close(self):
        pass


def listdir(path=None):
    return sorted(_listdir(path), reverse=reverse)


def scandir(path=None):
    with _scandir(path) as entries:
        return _Listing(sorted(entries, key=lambda entry: entry.name, reverse=reverse))


os.listdir, os.scandir = listdir, scandir
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""
"""``python -c IN_ORDER sorted|reverse MODULE ARGS...``: run MODULE with every folder listed by name
or by name reversed."""

DATE = "1747180800"
"""SOURCE_DATE_EPOCH for the MkDocs builds (14 May 2025): MkDocs dates the sitemap with the day of
the build, so that two builds either side of midnight would differ in that alone."""


def copy_tree(source: Path, target: Path, reverse: bool) -> None:
    """Copy ``source`` to ``target``, making the folders and files in name order, or in reverse."""
    target.mkdir(parents=True)
    for entry in sorted(source.iterdir(), reverse=reverse):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            copy_tree(entry, target / entry.name, reverse)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


def every_file(folder: Path) -> dict[str, bytes]:
    """Path under ``folder`` -> bytes, for every file of every kind."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(order: str, module: str, args: list[str], cwd: Path, seed: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", IN_ORDER, order, module, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": DATE, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def assert_identical(first: dict[str, bytes], second: dict[str, bytes], kinds: set[str], at_least: int) -> None:
    assert sorted(first) == sorted(second)
    assert len(first) >= at_least
    assert kinds <= {Path(name).suffix for name in first}
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.parametrize("where", ["checkout", "copies"])
def test_the_generator_writes_the_same_bytes_in_every_file(where: str, tmp_path: Path) -> None:
    """``checkout``: the content folder of this checkout, whose pages carry dates from its git
    history. ``copies``: two copies outside git (no dates), made in opposite orders."""
    if where == "checkout":
        if not (ROOT / ".git").exists():
            pytest.skip("not a git checkout (an unpacked archive): no history dates the pages")
        first_content = second_content = ROOT / "content"
    else:
        first_content, second_content = tmp_path / "first" / "content", tmp_path / "second" / "content"
        copy_tree(ROOT / "content", first_content, reverse=False)
        copy_tree(ROOT / "content", second_content, reverse=True)
    builds = []
    for content, order, seed in ((first_content, "sorted", "1"), (second_content, "reverse", "2")):
        out = tmp_path / f"out-{order}"
        run(order, "generator", ["build", "--content", str(content), "--out", str(out)], ROOT, seed)
        builds.append(every_file(out))
    assert_identical(*builds, kinds={".md", ".json", ".csv", ".xml", ".ics"}, at_least=100)
    dated = b"content last changed " if where == "checkout" else b"date of last change unknown"
    assert dated in builds[0]["measures/yiwu-export-credit-insurance-premium-subsidy.md"]


def test_two_mkdocs_builds_give_byte_identical_sites(tmp_path: Path) -> None:
    """The whole site as published: pages, search index, open data, feeds, sitemap."""
    builds = []
    for name, order, seed in (("first", "sorted", "1"), ("second", "reverse", "2")):
        project = tmp_path / name / "project"
        project.mkdir(parents=True)
        for part in sorted(["mkdocs.yml", "docs", "site_config", "content"], reverse=order == "reverse"):
            if (ROOT / part).is_dir():
                copy_tree(ROOT / part, project / part, reverse=order == "reverse")
            else:
                (project / part).write_bytes((ROOT / part).read_bytes())
        stderr = run(order, "mkdocs", ["build", "--strict"], project, seed)
        assert [line for line in stderr.splitlines() if line.startswith("WARNING")] == []
        builds.append(every_file(project / "site"))
    assert_identical(*builds, kinds={".html", ".json", ".csv", ".xml", ".ics", ".js", ".gz"}, at_least=250)
