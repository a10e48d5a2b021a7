"""Every bad input in tests/bad_inputs/ gets its exact message, exit status 1, and leaves output untouched.

Each case is a folder whose `content/` files are laid over a copy of the fixture corpus, and
whose `expected.txt` is the checker's exact output. After an intended change of wording,
refresh with `pytest tests/test_bad_inputs.py --update-goldens` and review the diff.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, make_site, run_mkdocs

from generator.cli import main

CASES = ROOT / "tests" / "bad_inputs"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def good_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the corpus at ./content, built once into ./out."""
    shutil.copytree(CORPUS / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--content", "content", "--out", "out"]) == 0
    return tmp_path / "out"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_bad_input_is_refused_with_its_message(
    case: str, good_output: Path, capsys: pytest.CaptureFixture[str], update_goldens: bool
) -> None:
    shutil.copytree(CASES / case / "content", "content", dirs_exist_ok=True)
    before = snapshot(good_output)
    capsys.readouterr()
    started = time.perf_counter()
    status = main(["check", "--content", "content"])
    elapsed = time.perf_counter() - started
    err = capsys.readouterr().err
    expected = CASES / case / "expected.txt"
    if update_goldens:
        expected.write_text(err, encoding="utf-8")
    assert status == 1
    assert err == expected.read_text(encoding="utf-8")
    # Apart from the golden (which --update-goldens rewrites from err): located problems, and their count.
    *lines, summary = err.splitlines()
    located = [line for line in lines if not line.startswith("  hint: ")]
    assert [line for line in located if not re.fullmatch(r"content(/.+)?:\d+:\d+: error: .+", line)] == []
    assert summary == f"{len(located)} problem{'s' if len(located) != 1 else ''} found."
    assert elapsed < 5, "a bad input must be refused fast"  # generous: refused in milliseconds here

    assert main(["build", "--content", "content", "--out", "out"]) == 1
    build_err = capsys.readouterr().err
    assert build_err == err.replace("found.\n", "found; nothing was written.\n")
    assert snapshot(good_output) == before


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built once with `mkdocs build --strict` into project/site."""
    project = make_site(tmp_path_factory.mktemp("bad-inputs"), CORPUS / "content")
    run_mkdocs(project)
    return project


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_bad_input_stops_mkdocs_and_keeps_the_site(case: str, built_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(built_project, project)
    before = snapshot(project / "site")
    shutil.copytree(CASES / case / "content", project / "content", dirs_exist_ok=True)
    stderr = run_mkdocs(project, expect=1)
    first_problem = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
    assert first_problem.split(": error: ")[1] in stderr
    assert "Traceback" not in stderr
    assert snapshot(project / "site") == before
