"""HTML that goes into a page as it is, not through Markdown.

A table of thousands of rows costs Python-Markdown seconds to convert, and a title edit in
preview changes the site's three whole-site tables (measures, figures, timeline). The renderers
write such a table as HTML between ``START`` and ``END``; the site's hooks cut it out of the
page's Markdown before conversion (``cut``) and put it back into the converted page (``paste``).
Without the hooks, Markdown passes the same block through as raw HTML, so the page is the same.
No user text can open a block: rendering escapes every ``<`` of it.
"""

from __future__ import annotations

START = "<!-- verbatim html -->"
END = "<!-- end of verbatim html -->"
PLACEHOLDER = "<!-- verbatim html was here -->"


class VerbatimError(Exception):
    """A converted page lost a placeholder of its verbatim HTML."""


def cut(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each verbatim block replaced by ``PLACEHOLDER``, and the blocks in order."""
    if START not in markdown:
        return markdown, []
    blocks = []
    parts = markdown.split(START)
    kept = [parts[0]]
    for part in parts[1:]:
        block, found, rest = part.partition(END)
        if not found:
            raise VerbatimError("a verbatim HTML block has no end")
        blocks.append(block)
        kept.append(PLACEHOLDER + rest)
    return "".join(kept), blocks


def paste(html: str, blocks: list[str]) -> str:
    """The converted page with each ``PLACEHOLDER`` replaced by its block, in order."""
    parts = html.split(PLACEHOLDER)
    if len(parts) != len(blocks) + 1:
        raise VerbatimError(f"{len(blocks)} verbatim HTML blocks, {len(parts) - 1} places for them")
    return "".join(part + block for part, block in zip(parts, [*blocks, ""], strict=True))
