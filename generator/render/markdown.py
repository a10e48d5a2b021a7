"""Markdown building blocks: safe user text, links between pages, dates, numbers, tables (in
Markdown, or in HTML for tables of thousands of rows)."""

from __future__ import annotations

import functools
import html
import re
import urllib.parse
from decimal import Decimal

from generator.addresses import Key, href, index_served_href
from generator.dates import PartialDate
from generator.labels import QUALIFIERS, UNITS
from generator.model import Citation, Figure, Source
from generator.verbatim import END, START

_ESCAPE = str.maketrans(
    {
        "\\": "\\\\",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "[": "\\[",
        "]": "\\]",
        "{": "\\{",
        "}": "\\}",
        "|": "\\|",
        "!": "\\!",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
    }
)
_LEADING_MARKUP = re.compile(r"^(\d*)(#|[+\-*:](?=\s)|(?<=\d)[.)](?=\s)|`(?=``)|~(?=~~))")


@functools.lru_cache(maxsize=1 << 16)
def text(value: str) -> str:
    """User text as inline Markdown that shows exactly as written: no markup of the author's works.

    Angle brackets and ampersands become entities, so no tag or entity of the
    author's reaches the page; brackets, braces, bars, asterisks, underscores and
    backticks are escaped, so no link, image, footnote, attribute list, table cell,
    emphasis or code span can be opened (and none can run on into the next field);
    a leading heading, list or quote marker is escaped, so the text stays one paragraph.
    """
    flat = " ".join(value.split())
    return _LEADING_MARKUP.sub(r"\1\\\2", flat.translate(_ESCAPE))


def inline(value: str) -> str:
    """User text that continues a line of Markdown (after a footnote, mid-sentence): escaped as
    ``text`` escapes it, but with no leading marker to neutralise, since it starts no block."""
    return " ".join(value.split()).translate(_ESCAPE)


_ADDRESS_SAFE = "/:?#&=%~.-+,;@$!*'_"
"""Characters left as they are in a link target; the rest (| ( ) [ ] { } ` \\ ^ ...) are percent-encoded."""


def address(url: str) -> str:
    """An outside address as a link that shows the address itself, safe inside a table cell."""
    return f"[{text(url)}]({urllib.parse.quote(url, safe=_ADDRESS_SAFE)})"


def link(label: str, key: Key, anchor: str = "") -> str:
    """A Markdown link to a record page; ``label`` is user text and gets escaped."""
    return f"[{text(label)}]({href(key, anchor)})"


def anchor(name: str) -> str:
    """An empty HTML anchor that footnotes and back links can point at."""
    return f'<a id="{name}"></a>'


def date(value: PartialDate | None) -> str:
    """A date shown the same way everywhere; a missing one says so."""
    return value.display() if value else "unknown"


def locator(citation: Citation, source: Source) -> str:
    """How a reader sees where in the source: para. 4, paras. 10–12, Who's Who: Tmall."""
    refs = citation.paragraphs()
    if len(refs) > 1:
        return f"paras. {refs[0]}–{refs[-1]}"
    if citation.para.isdigit():
        return f"para. {citation.para}"
    labels = {paragraph.ref: paragraph.label for paragraph in source.paragraphs}
    return labels.get(citation.para) or citation.para


def decimal(value: float) -> str:
    """A number in plain decimal notation, never with an exponent: 3000000, 0.0001, 15.3.

    The shortest digits that read back as the same float (Python's repr), so the CSV
    gives the value the JSON holds.
    """
    shown = format(Decimal(repr(value)), "f")
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def number(figure: Figure) -> str:
    """A figure as readers write it: 15.3%, $8 million, 36 trillion yuan, up to 80%, 3,000,000."""
    whole, point, fraction = decimal(figure.value).partition(".")
    sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    value = f"{sign}{int(digits):,}{point}{fraction}"
    scale = f" {figure.scale}" if figure.scale else ""
    if figure.unit == "usd":
        shown = f"${value}{scale}"
    elif figure.unit == "cny":
        shown = f"{value}{scale} yuan"
    else:
        shown = f"{value}{scale}{UNITS[figure.unit]}"
    return QUALIFIERS[figure.qualifier] + shown


def html_text(value: str) -> str:
    """User text as HTML that shows exactly as written (whitespace runs shown as one space)."""
    return html.escape(" ".join(value.split()), quote=False)


def html_link(label: str, key: Key, anchor: str = "") -> str:
    """A link in HTML from a section's index page to a record's page; ``label`` is user text."""
    return f'<a href="{html.escape(index_served_href(key, anchor))}">{html_text(label)}</a>'


def html_table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A table in HTML that goes into the page as it is (``generator.verbatim``): Markdown takes
    seconds over a table of thousands of rows. Cells are already HTML."""
    head = "".join(f"<th>{cell}</th>\n" for cell in header)
    body = ["<tr>\n" + "".join(f"<td>{cell}</td>\n" for cell in row) + "</tr>" for row in rows]
    return [START, f"<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n<tbody>", *body, "</tbody>\n</table>", END]


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; cells are already Markdown."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines
