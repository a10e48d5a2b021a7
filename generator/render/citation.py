"""How to cite: a page of the tracker (plain text, BibTeX, RIS, CSL-JSON), and the original
document a source page describes. Each format in a code block, so that readers copy it whole.

The access date is the day the reader copies the citation: the page says ``YYYY-MM-DD`` and
``javascripts/cite.js`` writes today's date in its place.
"""

from __future__ import annotations

import html
import json

from generator.addresses import Key, permalink
from generator.dates import PartialDate
from generator.model import Source
from generator.render.provenance import provenance
from generator.site import SiteInfo

ACCESSED = "YYYY-MM-DD"
"""Where the reader's access date goes; cite.js replaces it with today's date."""

_LATEX = str.maketrans(
    {
        "\\": "\\textbackslash{}",
        "{": "\\textbraceleft{}",
        "}": "\\textbraceright{}",
        "%": "\\%",
        "&": "\\&",
        "$": "\\$",
        "#": "\\#",
        "_": "\\_",
        "~": "\\textasciitilde{}",
        "^": "\\textasciicircum{}",
        "`": "\\textasciigrave{}",
        "<": "\\textless{}",
        ">": "\\textgreater{}",
        "|": "\\textbar{}",
    }
)


def latex(value: str) -> str:
    """Text for a BibTeX field that LaTeX prints as written: its specials as commands, on one line.

    Braces become commands rather than ``\\{``: BibTeX counts braces even when escaped. Characters
    that LaTeX's default font encoding prints as others (< > | and the backtick) become commands too,
    which also keeps any backtick out of the page's code block.
    """
    return " ".join(value.split()).translate(_LATEX)


def _line(value: str) -> str:
    """Text on one line, for RIS and plain text."""
    return " ".join(value.split())


def _block(lines: list[str]) -> list[str]:
    """A code block as the HTML Material styles and gives a copy button, written here rather
    than highlighted by Pygments: a citation is copied, not read, and highlighting the four
    formats on every page was a tenth of the site's build time."""
    code = html.escape("\n".join(lines), quote=False)
    return [f'<div class="highlight"><pre><span></span><code>{code}', "</code></pre></div>", ""]


_URL_SPECIALS = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C"})


def _bibtex_url(url: str) -> str:
    """An address BibTeX keeps whole: braces and backslashes percent-encoded (they would end the field)."""
    return url.translate(_URL_SPECIALS)


def _date_parts(day: str) -> list[int]:
    return [int(part) for part in day.split("-")]


def cite_this_page(title: str, key: Key, site: SiteInfo) -> list[str]:
    """A ready citation of the page in four formats, with its permanent address, the day its
    content last changed, and the reader's access date."""
    address = permalink(site.url, key)
    last = site.last_changed(key)
    changed = last.day if last else ""
    when = f"content last changed {PartialDate.parse(changed).display()}" if changed else "date of last change unknown"
    plain = f"{_line(site.name)}, “{_line(title)}”, {address}, {when}, accessed {ACCESSED}."
    bibtex = [
        f"@misc{{ctst-{key[0]}-{key[1]},",
        f"  title = {{{latex(title)}}},",
        f"  author = {{{{{latex(site.name)}}}}},",
        f"  howpublished = {{\\url{{{address}}}}},",
        f"  note = {{{when[0].upper() + when[1:]}}},",
        f"  urldate = {{{ACCESSED}}},",
    ]
    if changed:
        bibtex.append(f"  year = {{{changed[:4]}}},")
    bibtex[-1] = bibtex[-1].rstrip(",")
    ris = ["TY  - ELEC", f"TI  - {_line(title)}", f"AU  - {_line(site.name)}", f"PB  - {_line(site.name)}"]
    if changed:
        ris += [f"PY  - {changed[:4]}", f"DA  - {changed.replace('-', '/')}"]
    ris += [f"UR  - {address}", f"Y2  - {ACCESSED}", f"N1  - {when[0].upper() + when[1:]}", "ER  - "]
    csl: dict[str, object] = {
        "id": f"ctst-{key[0]}-{key[1]}",
        "type": "webpage",
        "title": _line(title),
        "author": [{"literal": site.name}],
        "container-title": site.name,
        "URL": address,
        "accessed": {"raw": ACCESSED},
    }
    if changed:
        csl["issued"] = {"date-parts": [_date_parts(changed)]}
    return [
        "## Cite this page",
        "",
        '<div class="cite-this" markdown="1">',
        "",
        *_block([plain]),
        *_format("BibTeX", _block([*bibtex, "}"])),
        *_format("RIS (Zotero, EndNote, Mendeley)", _block(ris)),
        *_format("CSL-JSON (citeproc, Pandoc)", _block(json.dumps([csl], ensure_ascii=False, indent=2).splitlines())),
        "</div>",
        "",
    ]


def _format(name: str, block: list[str]) -> list[str]:
    """One more format of the citation, folded away until the reader opens it."""
    return ['<details class="cite-format" markdown="1">', f"<summary>{name}</summary>", "", *block, "</details>", ""]


def cite_the_original(source: Source) -> list[str]:
    """A citation of the document a source page describes, from what the record gives (a date or
    a publisher it does not give is left out, never guessed)."""
    parts = [_line(source.publisher)] if source.publisher != "unknown" else []
    parts.append(f"“{_line(source.title)}”")
    if source.published:
        parts.append(source.published.display())
    if source.url:
        parts.append(source.url)
    if source.accessed:
        parts.append(f"accessed {source.accessed.iso()}")
    kind = "article" if source.kind == "news-article" else "misc"
    bibtex = [f"@{kind}{{{source.id},", f"  title = {{{latex(source.title)}}},"]
    if source.publisher != "unknown":
        venue = "journal" if kind == "article" else "publisher"
        bibtex.append(f"  {venue} = {{{{{latex(source.publisher)}}}}},")
    if source.published:
        bibtex.append(f"  year = {{{source.published.year}}},")
        if source.published.month:
            bibtex.append(f"  month = {{{source.published.month}}},")
        bibtex.append(f"  date = {{{source.published.iso()}}},")
    if source.url:
        bibtex.append(f"  url = {{{_bibtex_url(source.url)}}},")
    if source.accessed:
        bibtex.append(f"  urldate = {{{source.accessed.iso()}}},")
    bibtex.append(f"  note = {{{latex(provenance(source).capitalize())}}}")
    return [
        "## Cite the original",
        "",
        "The document itself, as far as the record knows it (we read it as: " + provenance(source) + ").",
        "",
        '<div class="cite-this" markdown="1">',
        "",
        *_block([", ".join(parts) + "."]),
        *_format("BibTeX", _block([*bibtex, "}"])),
        "</div>",
        "",
    ]
