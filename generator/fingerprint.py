"""Fingerprints of source texts: enough to check a quote, or a copied run of words, against a
paragraph of a source, without the text itself (which is never committed: some is paywalled).

A fingerprint holds, for each paragraph locator, the hashes of the normalised word n-grams of
that paragraph: runs of ``QUOTE_WORDS`` words to verify quotes, and of ``COPY_WORDS`` words to
find our text copying the source's.

**Cutting a text into locators.** Take a local copy of the source text and put a line
``@@ <locator>`` before the text of each locator the source record lists (``@@ 4``,
``@@ whos-who-tmall``). A locator runs to the next marker; text before the first marker (a
page's header, menus) belongs to no locator. Then run
``python -m generator fingerprint <source-id> <text-file>``; it writes
``content/fingerprints/<source-id>.json`` with each locator's line numbers in the unmarked text.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

QUOTE_WORDS = 4
"""Length of the word runs that verify a quote; also the shortest quote that can be verified."""
COPY_WORDS = 8
"""Length of the word runs that count as copying when found outside a quote."""
MAX_QUOTE_WORDS = 30
"""Longest quote a citation may carry."""
FOLDER = "fingerprints"
"""The folder under content/ that holds the fingerprints, one JSON file per source."""
NORMALISATION = (
    "Unicode NFKC, case-folded, curly quotes and apostrophes as ', dashes and other punctuation as "
    "spaces; words are runs of letters and digits (with inner apostrophes); hashes are the first 12 "
    "hex digits of SHA-256 of the words joined by single spaces"
)
_MARKER = re.compile(r"^@@[ \t]+(\S+)[ \t]*$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words(text: str) -> list[str]:
    """The text's words after normalisation: "China’s 5.2% — rise" gives china's, 5, 2, rise."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES))


def grams(tokens: list[str], size: int) -> set[str]:
    """The hashes of every run of ``size`` consecutive words."""
    return {_hash(" ".join(tokens[i : i + size])) for i in range(len(tokens) - size + 1)}


def _hash(run: str) -> str:
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:12]


class CutError(ValueError):
    """A marked text that cannot be cut into locators."""


def cut(text: str) -> dict[str, tuple[int, int, str]]:
    """Locator -> (first line, last line, text), from a text marked with ``@@ <locator>`` lines;
    line numbers count the unmarked text's lines from 1."""
    found: dict[str, tuple[int, int, list[str]]] = {}
    current: str | None = None
    line_number = 0
    for line in text.splitlines():
        marker = _MARKER.match(line)
        if marker:
            current = marker.group(1)
            if current in found:
                raise CutError(f"locator '{current}' is marked twice")
            found[current] = (line_number + 1, line_number, [])
            continue
        line_number += 1
        if current is not None:
            first, _, lines = found[current]
            lines.append(line)
            found[current] = (first, line_number, lines)
    if not found:
        raise CutError("the text has no locator marker: put a line '@@ <locator>' before each locator")
    return {ref: (first, last, "\n".join(lines)) for ref, (first, last, lines) in found.items()}


def fingerprint(source_id: str, marked_text: str) -> str:
    """The fingerprint file of a source, as JSON text (sorted, one stable form)."""
    paragraphs = {}
    for ref, (first, last, text) in cut(marked_text).items():
        tokens = words(text)
        paragraphs[ref] = {
            "lines": [first, last],
            "words": len(tokens),
            "quote": sorted(grams(tokens, QUOTE_WORDS)),
            "copy": sorted(grams(tokens, COPY_WORDS)),
        }
    header = {"source": source_id, "normalisation": NORMALISATION, "quote_words": QUOTE_WORDS, "copy_words": COPY_WORDS}
    lines = ["{", *(f"  {json.dumps(key)}: {json.dumps(value)}," for key, value in header.items()), '  "paragraphs": {']
    entries = [
        f"    {json.dumps(ref)}: {json.dumps(entry, separators=(',', ':'))}" for ref, entry in paragraphs.items()
    ]
    return "\n".join([*lines, ",\n".join(entries), "  }", "}"]) + "\n"


@dataclass(frozen=True)
class Fingerprint:
    """What the tracker knows of a source's words."""

    source: str
    quote: dict[str, frozenset[str]]
    """Locator -> hashes of its runs of ``QUOTE_WORDS`` words."""
    copy: dict[str, frozenset[str]]
    """Locator -> hashes of its runs of ``COPY_WORDS`` words."""

    @functools.cached_property
    def _every_copy_run(self) -> frozenset[str]:
        """The runs of ``COPY_WORDS`` words of all the locators, gathered once."""
        return frozenset().union(*self.copy.values())

    def holds(self, refs: tuple[str, ...], quote: str) -> bool:
        """Whether the quote's words run, in order, within the given locators together."""
        runs = grams(words(quote), QUOTE_WORDS)
        known = frozenset().union(*(self.quote.get(ref, frozenset()) for ref in refs))
        return bool(runs) and runs <= known

    def holder(self, quote: str) -> str | None:
        """The locator whose words hold the quote, if one does."""
        return next((ref for ref in self.quote if self.holds((ref,), quote)), None)

    def copied(self, text: str) -> list[str]:
        """The runs of ``COPY_WORDS`` words of ``text`` that the source also has."""
        tokens = words(text)
        runs = (" ".join(tokens[i : i + COPY_WORDS]) for i in range(len(tokens) - COPY_WORDS + 1))
        return [run for run in runs if _hash(run) in self._every_copy_run]


def read_fingerprint(path: Path) -> Fingerprint:
    """A committed fingerprint file; raises ``ValueError`` (or ``OSError``) when it cannot be read."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("quote_words") != QUOTE_WORDS or data.get("copy_words") != COPY_WORDS:
        raise ValueError("made with other run lengths: make it again with python -m generator fingerprint")
    paragraphs = data["paragraphs"]
    return Fingerprint(
        source=str(data["source"]),
        quote={ref: frozenset(p["quote"]) for ref, p in paragraphs.items()},
        copy={ref: frozenset(p["copy"]) for ref, p in paragraphs.items()},
    )
