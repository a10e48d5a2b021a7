"""Markdown building blocks: safe user text, links between pages, numbered citations."""

from __future__ import annotations

import functools
import re
import urllib.parse
from dataclasses import dataclass, field
from decimal import Decimal

from generator.catalog import Catalog, Key
from generator.dates import PartialDate
from generator.model import Citation, Figure, Source

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


_ADDRESS_SAFE = "/:?#&=%~.-+,;@$!*'_"
"""Characters left as they are in a link target; the rest (| ( ) [ ] { } ` \\ ^ ...) are percent-encoded."""


def address(url: str) -> str:
    """An outside address as a link that shows the address itself, safe inside a table cell."""
    return f"[{text(url)}]({urllib.parse.quote(url, safe=_ADDRESS_SAFE)})"


def page_path(key: Key) -> str:
    """Where a record's page lives in the site: measures/yiwu-premium-subsidy.md."""
    folder, record_id = key
    return f"{folder}/{record_id}.md"


def href(key: Key, anchor: str = "") -> str:
    """A relative link target from any generated page (all live one folder deep)."""
    return f"../{page_path(key)}" + (f"#{anchor}" if anchor else "")


def link(label: str, key: Key, anchor: str = "") -> str:
    """A Markdown link to a record page; ``label`` is user text and gets escaped."""
    return f"[{text(label)}]({href(key, anchor)})"


def anchor(name: str) -> str:
    """An empty HTML anchor that footnotes and back links can point at."""
    return f'<a id="{name}"></a>'


def paragraph_anchor(ref: str) -> str:
    """The id of a source paragraph's heading: para-4, para-whos-who-tmall."""
    return f"para-{ref}"


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


def source_label(source: Source) -> str:
    """The short name of a source: its publisher and date, or its title when the publisher is unknown."""
    when = date(source.published) if source.published else "undated"
    if source.publisher == "unknown":
        return f"{source.title} (publisher unknown, {when})"
    return f"{source.publisher}, {when}"


_UNITS = {
    "percent": "%",
    "percentage-points": " percentage points",
    "basis-points": " basis points",
    "days": " days",
    "months": " months",
    "years": " years",
    "points": " points",
    "count": "",
}
_QUALIFIERS = {
    "exactly": "",
    "about": "about ",
    "up-to": "up to ",
    "as-much-as": "as much as ",
    "over": "over ",
    "less-than": "less than ",
}


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
        shown = f"{value}{scale}{_UNITS[figure.unit]}"
    return _QUALIFIERS[figure.qualifier] + shown


@dataclass
class Footnotes:
    """Numbers a page's citations in order of first use; one note per source paragraph and basis."""

    catalog: Catalog
    numbers: dict[Citation, int] = field(default_factory=dict)

    def cite(self, citations: tuple[Citation, ...]) -> str:
        """Footnote markers for ``citations``, to put right after the claim."""
        numbers = dict.fromkeys(self.numbers.setdefault(c, len(self.numbers) + 1) for c in citations)
        return "<sup>,</sup>".join(f"[^{number}]" for number in numbers)

    def definitions(self) -> list[str]:
        """The footnote lines for the end of the page."""
        lines = []
        for citation, number in self.numbers.items():
            source = self.catalog.sources[citation.source]
            where = locator(citation, source)
            target = href(("sources", source.id), paragraph_anchor(citation.paragraphs()[0]))
            basis = (
                '<span class="badge badge--inferred">inferred</span> from'
                if citation.basis == "inferred"
                else "Stated in"
            )
            cited = f"[*{text(source.title)}*, {text(where)}]({target})"
            if source.publisher == "unknown":
                when = date(source.published) if source.published else "undated"
                lines.append(f"[^{number}]: {basis} {cited} (publisher unknown, {when}).")
            else:
                lines.append(f"[^{number}]: {basis} {text(source_label(source))}, {cited}.")
        return lines


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; cells are already Markdown."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines
