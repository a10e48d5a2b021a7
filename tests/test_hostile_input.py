"""Hostile input at the edges: CI annotations that cannot be forged, files the loader must not follow
or skip, characters content may not hold, and values every output writes the same way."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from generator import load
from generator.characters import FORBIDDEN_IN_FILE, visible
from generator.cli import main
from generator.model import Figure
from generator.problems import ContentError, Problem
from generator.render.data import cell
from generator.render.feeds import _ical_text
from generator.render.markdown import decimal, number

FORGED = [
    "x\n::notice title=LGTM::Looks good.yaml",
    "a,line=99::x.yaml",
    "b%0A::warning::y.yaml",
]


def test_no_file_name_can_forge_a_workflow_command(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in FORGED:
        (corpus_copy / "measures" / name).write_text("title: x\n", encoding="utf-8")
    assert main(["check", "--content", "content", "--format", "github"]) == 1
    captured = capsys.readouterr()
    commands = [line for line in (captured.out + captured.err).splitlines() if line.startswith("::")]
    assert len(commands) == len(FORGED)
    for command in commands:
        assert command.startswith("::error file=content/measures/")
        properties, _, message = command.removeprefix("::error ").partition("::")
        assert [p.split("=")[0] for p in properties.split(",")] == ["file", "line", "col"]
        assert "\n" not in message and "%0A::" not in message.replace("%250A", "")
    assert "::error file=content/measures/a%2Cline=99%3A%3Ax.yaml,line=1,col=1::" in captured.out
    assert "content/measures/x\\n::notice title=LGTM::Looks good.yaml:1:1: error:" in captured.err


def test_a_problem_is_one_line_whatever_its_text() -> None:
    problem = Problem("content/a\nb.yaml", 2, 3, "unknown value 'x\r\n::notice::y\u202e'", "hint\nmore")
    assert str(problem) == (
        "content/a\\nb.yaml:2:3: error: unknown value 'x\\r\\n::notice::y\\u202e'\n  hint: hint\\nmore"
    )


def test_the_forbidden_characters_are_unicodes_control_invisible_and_private_ones() -> None:
    for code in range(0x110000):
        character = chr(code)
        category = unicodedata.category(character)
        noncharacter = (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF
        wanted = (category in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") or noncharacter) and character not in "\t\n\r"
        matched = FORBIDDEN_IN_FILE.fullmatch(character) is not None
        # Later Unicode versions give some unassigned (Cn) code points the format category.
        assert matched == wanted or (matched and category == "Cn"), f"U+{code:04X} {category}"


def test_escapes_show_every_invisible_character() -> None:
    assert visible("a\tb\x01c\u200bd\U000e0041") == "a\\tb\\x01c\\u200bd\\U000e0041"


def test_a_symbolic_link_is_refused_not_followed(corpus_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text((corpus_copy / "measures/example-city-premium-subsidy.yaml").read_text())
    (corpus_copy / "measures/linked.yaml").symlink_to(outside)
    (corpus_copy / "people").rename(tmp_path / "people-elsewhere")
    (corpus_copy / "people").symlink_to(tmp_path / "people-elsewhere", target_is_directory=True)
    with pytest.raises(ContentError) as raised:
        load.load_catalog(corpus_copy)
    messages = [(Path(p.path).name, p.message) for p in raised.value.problems]
    assert ("linked.yaml", "'linked.yaml' is a symbolic link") in messages
    assert ("people", "'people' is a symbolic link") in messages


def test_a_file_deleted_while_checking_is_a_problem_not_a_traceback(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = load._content_files

    def list_then_delete(content_dir: Path, problems: list[Problem]) -> list[tuple[str, Path]]:
        files = listed(content_dir, problems)
        (content_dir / "topics/export-credit-insurance.yaml").unlink()
        return files

    monkeypatch.setattr(load, "_content_files", list_then_delete)
    with pytest.raises(ContentError) as raised:
        load.load_catalog(corpus_copy)
    assert str(raised.value.problems[0]).startswith(
        f"{corpus_copy}/topics/export-credit-insurance.yaml:1:1: error: the file could not be read: "
        "No such file or directory\n  hint: it may have been moved or deleted while the check ran"
    )


@pytest.mark.parametrize(
    ("value", "written", "shown"),
    [
        (3e6, "3000000", "3,000,000%"),
        (1234567.0, "1234567", "1,234,567%"),
        (15.3, "15.3", "15.3%"),
        (0.0001, "0.0001", "0.0001%"),
        (-0.5, "-0.5", "-0.5%"),
        (1e20, "100000000000000000000", "100,000,000,000,000,000,000%"),
    ],
)
def test_figures_are_written_in_plain_decimals(value: float, written: str, shown: str) -> None:
    assert decimal(value) == written
    assert float(written) == value
    assert number(Figure(value=value, unit="percent", what="x", period="y", cite=())) == shown


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-0.5", "-0.5"),
        ("+08:00", "+08:00"),
        ("R&D", "R&D"),
    ],
)
def test_csv_cells_that_start_like_a_formula_are_defused(value: str, written: str) -> None:
    assert cell(value) == written


def test_calendar_text_lets_no_carriage_return_through() -> None:
    assert _ical_text("a\rLOCATION:x\r\nb;c,d\\") == "a\\nLOCATION:x\\nb\\;c\\,d\\\\"


def test_an_unwritable_output_folder_is_a_message(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("blocker").write_text("a file where the output's parent folder should be")
    assert main(["build", "--content", "content", "--out", "blocker/out"]) == 1
    assert capsys.readouterr().err.startswith("error: cannot write blocker/out: [Errno 20] Not a directory")
    assert sorted(os.listdir(".")) == ["blocker", "content"]


def test_a_clause_after_a_footnote_shows_as_written() -> None:
    """Text after a clause mark continues the line: a leading colon, hash or dash is no markup and
    gets no visible backslash."""
    import markdown

    from generator.catalog import Catalog
    from generator.model import Citation, Claim
    from generator.render.bodies import Page
    from generator.render.footnotes import Footnotes

    cites = (Citation("s", "1"), Citation("s", "2"), Citation("s", "3"))
    claim = Claim("They acted [1]: it pays [2]# and - <b>more</b> [3].", cites)
    page = Page(Catalog(), Footnotes(Catalog()), {})
    page.anchors[id(claim)] = "summary"
    html = markdown.markdown(page.claim(claim), extensions=["footnotes"])
    assert "\\" not in html and "<b>" not in html and "<h1" not in html and "<li" not in html
    assert "They acted" in html and ": it pays" in html and "# and - &lt;b&gt;more&lt;/b&gt;" in html
