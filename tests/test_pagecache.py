"""The page cache (`make site` = `mkdocs build --strict --dirty`): a warm build gives the very
bytes a cold build gives, and a change to anything a page is made from builds it again."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
from conftest import CORPUS, make_site, run_mkdocs

from generator.pagecache import CACHE_FOLDER
from generator.workers import WORTH_FORKING


def kept(log: str) -> tuple[int, int]:
    """How many generated pages a build took from the cache, of how many."""
    found = re.search(r"Page cache: (\d+) of (\d+) generated pages kept", log)
    assert found, log[-2000:]
    return int(found[1]), int(found[2])


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only, through every folder."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only + compared.diff_files)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return sorted(found)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("cache"), CORPUS / "content")


def test_a_warm_build_after_an_edit_is_the_cold_build_byte_for_byte(project: Path) -> None:
    """The cache fills, serves every page of an unchanged site, and after a title edit (which
    changes the navigation of every page that lists the measure) serves only what is unchanged."""
    first = kept(run_mkdocs(project, "warm", dirty=True))
    total = first[1]
    assert first == (0, total) and kept(run_mkdocs(project, "warm", dirty=True)) == (total, total)
    run_mkdocs(project, "cold")
    assert differences(project / "cold", project / "warm") == []
    assert (project / CACHE_FOLDER).is_dir()

    measure = next((project / "content" / "measures").glob("*.yaml"))
    text = measure.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.MULTILINE)
    assert title
    measure.write_text(text.replace(title[0], f"title: Renamed {title[1].strip(chr(34))}"), encoding="utf-8")
    reused, pages = kept(run_mkdocs(project, "warm", dirty=True))
    assert pages == total and 0 < reused < total
    run_mkdocs(project, "cold")
    assert differences(project / "cold", project / "warm") == []
    assert "Renamed" in (project / "warm" / "measures" / measure.stem / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("site_config/overrides/main.html", "{% block extrahead %}", "{% block extrahead %}<!-- changed -->"),
        ("mkdocs.yml", "site_name: China Trade Support Tracker", "site_name: China Trade Support Tracker (test)"),
        ("docs/about.md", "# About\n", "# About the tracker\n"),
    ],
    ids=["template", "config", "hand-written title in every page's navigation"],
)
def test_a_change_to_the_machinery_builds_every_page_again(project: Path, path: str, old: str, new: str) -> None:
    run_mkdocs(project, "warm", dirty=True)
    edited = project / path
    original = edited.read_text(encoding="utf-8")
    assert old in original
    edited.write_text(original.replace(old, new, 1), encoding="utf-8")
    try:
        assert kept(run_mkdocs(project, "warm", dirty=True))[0] == 0
        run_mkdocs(project, "cold")
        assert differences(project / "cold", project / "warm") == []
    finally:
        edited.write_text(original, encoding="utf-8")


def test_the_cache_holds_only_the_last_builds_pages(project: Path) -> None:
    run_mkdocs(project, "warm", dirty=True)
    _, total = kept(run_mkdocs(project, "warm", dirty=True))
    entries = list((project / CACHE_FOLDER).glob("*/*"))
    assert sorted(e.suffix for e in entries) == [".html"] * total + [".json"] * total


def test_anchors_of_pages_rendered_on_other_cores_are_still_checked(project: Path) -> None:
    """A hand-written link to an anchor a generated page lacks fails the strict build, as in a
    build on one core; one to an anchor it has passes."""
    about = project / "docs" / "about.md"
    original = about.read_text(encoding="utf-8")
    try:
        about.write_text(original + "\n[Measures](measures/index.md#no-such-anchor)\n", encoding="utf-8")
        log = run_mkdocs(project, "warm", expect=1, dirty=True)
        assert "does not contain an anchor '#no-such-anchor'" in log
        about.write_text(original + "\n[History](measures/index.md#measures)\n", encoding="utf-8")
        run_mkdocs(project, "warm", dirty=True)
    finally:
        about.write_text(original, encoding="utf-8")


def test_an_edit_too_small_for_the_workers_is_rendered_by_mkdocs_and_kept(project: Path) -> None:
    """One changed page is left to MkDocs itself (forking would cost more); the cache keeps it
    with its anchors, so the next build takes every page from the cache."""
    run_mkdocs(project, "warm", dirty=True)
    measure = sorted((project / "content" / "measures").glob("*.yaml"))[-1]
    original = measure.read_text(encoding="utf-8")
    measure.write_text(original.replace("\n  text: ", "\n  text: Edited. ", 1), encoding="utf-8")
    try:
        reused, total = kept(run_mkdocs(project, "warm", dirty=True))
        assert total - reused < WORTH_FORKING
        assert kept(run_mkdocs(project, "warm", dirty=True)) == (total, total)
        run_mkdocs(project, "cold")
        assert differences(project / "cold", project / "warm") == []
        assert "Edited." in (project / "warm" / "measures" / measure.stem / "index.html").read_text(encoding="utf-8")
    finally:
        measure.write_text(original, encoding="utf-8")
