"""Whole-site tables go into their pages as HTML, around Markdown, and no user text can end them."""

from __future__ import annotations

import markdown
import pytest

from generator import verbatim
from generator.render.markdown import html_link, html_table, html_text

HOSTILE = f"{verbatim.END} <script>alert(1)</script> {verbatim.PLACEHOLDER}"


def page(rows: list[list[str]]) -> str:
    return "\n".join(["# Table", "", "Before.", "", *html_table(["Name", "Link"], rows), "", "After *this*."]) + "\n"


def test_a_table_is_cut_out_and_put_back_whole() -> None:
    text = page([[html_text(HOSTILE), html_link(HOSTILE, ("measures", "x"))]])
    cut, blocks = verbatim.cut(text)
    assert len(blocks) == 1 and verbatim.START not in cut and "<table>" not in cut
    html = markdown.markdown(cut)
    assert "<em>this</em>" in html, "the Markdown around the table is converted"
    pasted = verbatim.paste(html, blocks)
    assert pasted.count("<table>") == 1 and "<script>" not in pasted
    assert "&lt;!-- end of verbatim html --&gt; &lt;script&gt;" in pasted
    assert '<a href="../measures/x/">' in pasted


def test_without_the_hooks_markdown_passes_the_same_table_through() -> None:
    text = page([["<strong>1</strong>", html_link("A & B", ("measures", "a-b"))]])
    _, blocks = verbatim.cut(text)
    assert blocks[0].strip() in markdown.markdown(text)


def test_a_lost_placeholder_is_an_error_not_a_page_without_its_table() -> None:
    cut, blocks = verbatim.cut(page([["a", "b"]]))
    with pytest.raises(verbatim.VerbatimError):
        verbatim.paste(markdown.markdown(cut.replace(verbatim.PLACEHOLDER, "")), blocks)
    with pytest.raises(verbatim.VerbatimError):
        verbatim.cut(f"{verbatim.START}\n<table></table>\n")
