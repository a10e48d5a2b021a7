"""The content's history, read from git in one pass: per record, newest first, messages as text."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import markdown

from generator.history import Change, content_history
from generator.render.pages import history
from generator.site import SiteInfo

HOSTILE = "Fix <script>alert(1)</script> [x](javascript:alert(1)) \u202eevil\x1e\x1f *bold*"


def commit(repo: Path, message: str, when: str, *files: str) -> None:
    for name in files:
        path = repo / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {message!r}\n", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    identity = ["-c", "user.name=Tester", "-c", "user.email=t@example.org"]
    subprocess.run(["git", *identity, "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", *identity, "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


def test_one_pass_gives_each_record_its_changes_newest_first(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit(tmp_path, "Add two measures", "2025-03-02T09:00:00+00:00", "measures/a.yaml", "measures/b.yaml")
    commit(tmp_path, HOSTILE, "2025-06-30T10:00:00+08:00", "measures/a.yaml", "sources/s.yaml")
    found = content_history(tmp_path / "content")
    assert sorted(found) == [("measures", "a"), ("measures", "b"), ("sources", "s")]
    assert [(c.time, c.message) for c in found[("measures", "a")]] == [
        (
            "2025-06-30T10:00:00+08:00",
            "Fix <script>alert(1)</script> [x](javascript:alert(1)) \\u202eevil\\x1e\\x1f *bold*",
        ),
        ("2025-03-02T09:00:00+00:00", "Add two measures"),
    ]
    site = SiteInfo(history=found)
    assert site.first_added(("measures", "a")).day == "2025-03-02"  # type: ignore[union-attr]
    assert site.last_changed(("measures", "a")).day == "2025-06-30"  # type: ignore[union-attr]
    assert site.last_changed(("measures", "b")) == site.first_added(("measures", "b"))
    assert site.last_changed(("people", "nobody")) is None


def test_outside_git_there_is_no_history(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    assert content_history(tmp_path / "content") == {}


def test_a_commit_message_is_shown_as_text_with_a_link_to_its_commit() -> None:
    change = Change("c" * 40, "2025-06-30T10:00:00+08:00", HOSTILE.replace("\u202e", "\\u202e"))
    lines = history(
        ("measures", "a"), SiteInfo(repo_url="https://github.com/o/r", history={("measures", "a"): (change,)})
    )
    html = markdown.markdown("\n".join(lines))
    assert "<script>" not in html and 'href="javascript' not in html
    assert "Fix &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) \\u202eevil" in html
    assert "<strong>" not in html and "<em>" not in html
    assert 'href="https://github.com/o/r/commit/' + "c" * 40 + '"' in html
    assert 'href="https://github.com/o/r/commits/main/content/measures/a.yaml"' in html
    assert "2025-06-30" in html


def test_a_long_history_lists_the_newest_ten_and_links_the_rest() -> None:
    changes = tuple(Change(f"{i:040d}", f"2025-01-{i + 1:02d}T00:00:00+00:00", f"Change {i}") for i in range(12, 0, -1))
    lines = history(("measures", "a"), SiteInfo(history={("measures", "a"): changes}))
    listed = [line for line in lines if line.startswith("- 2025")]
    assert [line.split(":")[0] for line in listed] == [f"- 2025-01-{i + 1:02d}" for i in range(12, 2, -1)]
    assert "- and 2 earlier" in lines
