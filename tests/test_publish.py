"""`mkdocs build` replaces site/ only when it succeeds: a failed, interrupted or impossible build
leaves the previous site byte for byte as it was, and nothing half-written beside it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, make_site, run_mkdocs


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_site(tmp_path_factory.mktemp("publish"), CORPUS / "content")
    run_mkdocs(project)
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy)
    return copy


def test_a_strict_build_that_fails_after_writing_began_keeps_the_site(project: Path) -> None:
    before = snapshot(project / "site")
    (project / "docs/broken.md").write_text("# Broken\n\n[a page that is not there](nowhere.md)\n")
    stderr = run_mkdocs(project, expect=1)
    assert "WARNING -  Doc file 'broken.md' contains a link 'nowhere.md'" in stderr
    assert snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []


def test_a_successful_build_replaces_the_site(project: Path) -> None:
    (project / "site/stale.html").write_text("from an older build")
    run_mkdocs(project)
    assert not (project / "site/stale.html").exists()
    assert (project / "site/pagefind/pagefind.js").is_file()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []


def test_ctrl_c_during_a_build_keeps_the_site(project: Path) -> None:
    before = snapshot(project / "site")
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    staging = project / ".site.partial"
    deadline = time.monotonic() + 60
    while not (staging / "assets").is_dir() and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.01)
    assert build.poll() is None, "the build ended before it could be interrupted"
    build.send_signal(signal.SIGINT)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode != 0
    assert stderr.endswith(b"\nAborted!\n")  # click's word for Ctrl-C
    assert snapshot(project / "site") == before
    assert not staging.exists()


def test_a_site_folder_that_cannot_be_written_is_a_message(project: Path) -> None:
    (project / "blocker").write_text("a file where the site's parent folder should be")
    stderr = run_mkdocs(project, site_dir="blocker/site", expect=1)
    assert "ERROR   -  cannot write the site beside" in stderr and "blocker/site: Not a directory" in stderr
    assert "hint: build into a folder you can write to" in stderr
    assert "Traceback" not in stderr
