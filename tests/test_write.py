"""The build writes only what changed, removes what was deleted, and writes nothing on error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["build", "--content", "content", "--out", "out"])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_rebuild_rewrites_only_changed_pages_and_removes_deleted_ones(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(capsys) == (0, "out: 57 written, 0 removed, 0 unchanged\n")
    before = snapshot(Path("out"))
    assert build(capsys) == (0, "out: 0 written, 0 removed, 57 unchanged\n")
    assert snapshot(Path("out")) == before

    topic = Path("content/topics/export-credit-insurance.yaml")
    topic.write_text(topic.read_text().replace("does not.", "fails to pay."))
    Path("content/events/example-talks.yaml").unlink()
    status, output = build(capsys)
    assert (status, output) == (0, "out: 12 written, 1 removed, 44 unchanged\n")
    after = snapshot(Path("out"))
    assert "events/example-talks.md" not in after
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed == {
        "topics/export-credit-insurance.md",  # its text
        "sources/example-digest.md",  # no longer cited by the deleted event
        "places/exampleland.md",  # no longer referenced by it
        "events/index.md",  # the timeline lost it
        "figures/index.md",  # and its figure
        "data/figures.csv",
        "data/figures.json",
        "data/topics.csv",  # the topic's description
        "data/topics.json",
        "data/events.csv",  # the event is gone
        "data/events.json",
        "data/citations.csv",  # and so are its citations
    }


def test_a_failed_build_leaves_the_previous_output_untouched(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys)
    before = snapshot(Path("out"))
    measure = Path("content/measures/example-city-premium-subsidy.yaml")
    measure.write_text(measure.read_text().replace("title: Example", "title: [Example"))
    Path("content/events/example-talks.yaml").unlink()
    status, output = build(capsys)
    assert status == 1
    assert output.endswith("1 problem found; nothing was written.\n")
    assert snapshot(Path("out")) == before


def test_the_writer_refuses_a_folder_it_did_not_make(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("out").mkdir()
    Path("out/notes.txt").write_text("mine")
    assert build(capsys) == (
        1,
        "error: cannot write out: out is not empty and was not made by the generator\n"
        "  hint: choose an --out folder you can write to, made by the generator or empty; it is left as it was\n",
    )
    assert Path("out/notes.txt").read_text() == "mine"


def test_an_interrupted_write_leaves_the_previous_output_untouched(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    build(capsys)
    before = snapshot(Path("out"))
    topic = Path("content/topics/export-credit-insurance.yaml")
    topic.write_text(topic.read_text().replace("does not.", "fails to pay."))
    written: list[Path] = []
    original = Path.write_bytes

    def interrupt_after_one(self: Path, data: bytes) -> int:  # type: ignore[override]
        if len(written) == 1:
            raise KeyboardInterrupt
        written.append(self)
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", interrupt_after_one)
    with pytest.raises(KeyboardInterrupt):
        build(capsys)
    assert len(written) == 1
    assert snapshot(Path("out")) == before
    assert sorted(p.name for p in Path(".").iterdir()) == ["content", "out"]


def test_collapsing_whitespace_keeps_preformatted_text() -> None:
    from generator.html import collapse_whitespace

    html = "<ul>\n    <li>a</li>\n\n    <li>b</li>\n</ul>\n<pre><code>x\n    y\n</code></pre>\n  <p>c  d</p>"
    assert (
        collapse_whitespace(html)
        == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre><code>x\n    y\n</code></pre>\n<p>c  d</p>"
    )
