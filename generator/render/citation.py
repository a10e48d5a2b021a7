"""The "Cite this page" block: a ready citation of a page, as plain text and BibTeX."""

from __future__ import annotations

from generator.addresses import Key, permalink
from generator.dates import PartialDate
from generator.render.markdown import date, text
from generator.site import SiteInfo

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


def cite_this_page(title: str, key: Key, site: SiteInfo) -> list[str]:
    """A ready citation of the page, as plain text and BibTeX, with its permanent address."""
    address = permalink(site.url, key)
    changed = site.last_changed.get(key, "")
    when = f"content last changed {date(PartialDate.parse(changed))}" if changed else "date of last change unknown"
    bibtex = [
        f"@misc{{ctst-{key[0]}-{key[1]},",
        f"  title = {{{latex(title)}}},",
        f"  author = {{{{{latex(site.name)}}}}},",
        f"  howpublished = {{\\url{{{address}}}}},",
        f"  note = {{{when[0].upper() + when[1:]}}},",
    ]
    if changed:
        bibtex.append(f"  year = {{{changed[:4]}}},")
    bibtex[-1] = bibtex[-1].rstrip(",")
    return [
        "## Cite this page",
        "",
        f"{text(site.name)}, “{text(title)}”, <{address}>, {when}.",
        "",
        "```bibtex",
        *bibtex,
        "}",
        "```",
        "",
    ]
