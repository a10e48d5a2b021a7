"""Fingerprints: quotes and copied runs checked against a source without committing its text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS

from generator.cli import main
from generator.fingerprint import CutError, cut, fingerprint, read_fingerprint, words

TEXT = CORPUS / "texts" / "example-notice.txt"
COMMITTED = CORPUS / "content" / "fingerprints" / "example-notice.json"


def test_words_are_normalised_for_form_case_quotes_dashes_and_spacing() -> None:
    assert words("China’s  5.2% —Rise of ＡＢＣ\n‘exports’") == ["china's", "5", "2", "rise", "of", "abc", "exports"]
    assert words("China's 5.2 % - rise of ABC 'exports'") == words("China’s  5.2% —Rise of ＡＢＣ\n‘exports’")


def test_a_marked_text_is_cut_into_its_locators_with_line_numbers() -> None:
    assert cut("header\n@@ 1\nfirst\nline\n@@ two\nsecond\n") == {"1": (2, 3, "first\nline"), "two": (4, 4, "second")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no markers at all\n", "the text has no locator marker: put a line '@@ <locator>' before each locator"),
        ("@@ 1\na\n@@ 1\nb\n", "locator '1' is marked twice"),
    ],
)
def test_a_text_that_cannot_be_cut_says_why(text: str, message: str) -> None:
    with pytest.raises(CutError) as error:
        cut(text)
    assert str(error.value) == message


def test_the_committed_fingerprint_is_the_one_the_text_gives() -> None:
    assert fingerprint("example-notice", TEXT.read_text(encoding="utf-8")) == COMMITTED.read_text(encoding="utf-8")


def test_a_fingerprint_holds_no_word_of_the_text() -> None:
    committed = COMMITTED.read_text(encoding="utf-8").split('"paragraphs"', 1)[1]
    paragraphs = cut(TEXT.read_text(encoding="utf-8")).values()
    text_words = {word for _, _, text in paragraphs for word in words(text) if len(word) >= 5}
    assert text_words and not [word for word in text_words if re.search(rf"\b{word}\b", committed.lower())]


def test_a_quote_is_found_in_its_paragraph_only() -> None:
    notice = read_fingerprint(COMMITTED)
    assert notice.holds(("2",), "small firms will pay only HALF of the premium")
    assert not notice.holds(("1",), "Small firms will pay only half of the premium")
    assert notice.holds(("1", "2"), "Small firms will pay only half of the premium")
    assert not notice.holds(("2",), "Small firms will pay only a third of the premium")
    assert notice.holder("Claims will be paid within 30 days") == "3"
    assert notice.holder("words the notice never says at all") is None
    assert notice.copied("We say: claims will be paid within 30 days of a complete application.") == [
        "claims will be paid within 30 days of",
        "will be paid within 30 days of a",
        "be paid within 30 days of a complete",
        "paid within 30 days of a complete application",
    ]


def test_the_command_writes_the_fingerprint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(CORPUS / "content", tmp_path / "content")
    (tmp_path / "content" / "fingerprints" / "example-notice.json").unlink()
    assert main(["fingerprint", "example-notice", str(TEXT), "--content", str(tmp_path / "content")]) == 0
    written = tmp_path / "content" / "fingerprints" / "example-notice.json"
    assert capsys.readouterr().out == f"{written}: written; the source's text itself stays out of the repository\n"
    assert written.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8")


def test_the_command_refuses_an_unknown_source_and_an_unmarked_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = str(CORPUS / "content")
    assert main(["fingerprint", "no-such-source", str(TEXT), "--content", content]) == 1
    assert capsys.readouterr() == (
        "",
        f"error: there is no source 'no-such-source' in {content}/sources\n  hint: add the source first\n",
    )
    plain = tmp_path / "plain.txt"
    plain.write_text("A text with no markers.\n", encoding="utf-8")
    assert main(["fingerprint", "example-notice", str(plain), "--content", content]) == 1
    assert capsys.readouterr() == (
        "",
        f"error: cannot fingerprint {plain}: the text has no locator marker: put a line '@@ <locator>' before "
        "each locator\n"
        "  hint: a UTF-8 text with a line '@@ <locator>' before each locator (see generator/fingerprint.py)\n",
    )
