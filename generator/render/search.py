"""What a record's page holds for search alone, hidden from readers and placed before the page's
heading (``search.js`` draws no excerpt from anything before the end of the heading):

- Pagefind metadata, searched but never in an excerpt: the name for the result's title, and the
  record's names (name, abbreviation, Chinese name and the other names readers use, from
  ``generator.vocabulary.SEARCH_TERMS``) in a field of its kind, ``place_names`` ..., which
  ``ranking()`` weights by the kind of record: a bare place name finds the place before the
  bodies and measures named after it;
- Pagefind filters, which are not searched: what the record is (kind; a measure's level and
  status), for each result and for narrowing results by kind;
- its Chinese names and terms with every suffix, in the text at a heading's weight: the index
  matches words by their start, so any word inside a name (信用保险 in 贸易信用保险) finds the
  page, and the text's ranking puts the page whose name is nearest to the query first;
- at body text's weight, the terms of what a measure or an event names (its topics,
  instruments, eligible firms, agencies and places), so that "SME" or 保费补贴 finds the
  measures as well as the topic.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

from generator.addresses import Key
from generator.catalog import Catalog
from generator.labels import LEVELS, STATUSES
from generator.model import Event, Measure, Record
from generator.registry import RECORD_TYPES, RecordType, display_name, record_type
from generator.vocabulary import SEARCH_TERMS, SearchTerms

CHINESE_WEIGHT = 7.0
"""Weight in the text of a record's own Chinese names and their suffixes (a heading's)."""
NAMED_WEIGHT = 1.0
"""Weight in the text of the terms of what a record names (body text's)."""


def names_field(kind: RecordType) -> str:
    """The metadata field that holds the names of a kind of record: place_names."""
    return f"{kind.singular}_names"


def ranking() -> dict[str, dict[str, float]]:
    """Pagefind's ranking options (``search.js`` reads them from ``pagefind/ranking.json``): a
    record's names count by its kind; the title, a copy of the name, and the Chinese name,
    shown beside it, do not count again."""
    weights = {"title": 0.0, "name_zh": 0.0} | {names_field(kind): kind.search_weight for kind in RECORD_TYPES}
    return {"metaWeights": weights}


def search_block(catalog: Catalog, key: Key) -> list[str]:
    """The hidden lines that open a record's page, for the search index alone."""
    record = catalog.get(key)
    named = list(_named(catalog, record))
    own = set(_own_words(record, key))
    lines = [
        _meta(record, key),
        _chinese(CHINESE_WEIGHT, _own_chinese(record, key)),
        _words(NAMED_WEIGHT, [word for terms in named for word in terms.words if word not in own]),
        _chinese(NAMED_WEIGHT, [term for terms in named for term in terms.zh]),
    ]
    return [line for line in lines if line] + [""]


def facets(record: Record) -> dict[str, str]:
    """What the record is, as search results say it and filter on it: kind, and a measure's
    level and status."""
    found = {"kind": record_type(record).singular.capitalize()}
    if isinstance(record, Measure):
        found["level"] = LEVELS[record.level]
        status = record.current_status
        found["status"] = "Status unknown" if status == "unknown" else STATUSES[status]
    return found


def _meta(record: Record, key: Key) -> str:
    """Pagefind metadata and filters, in an element whose text is left out of the index's text
    (each value is the text of its own element: Pagefind reads that unescaped)."""
    spans = [f'<span data-pagefind-meta="title">{html.escape(display_name(record))}</span>']
    chinese = getattr(record, "name_zh", "")
    if chinese:
        spans.append(f'<span data-pagefind-meta="name_zh" lang="zh">{html.escape(chinese)}</span>')
    names = " ".join([*_own_words(record, key), *_own_chinese(record, key)])
    spans.append(f'<span data-pagefind-meta="{names_field(record_type(record))}">{html.escape(names)}</span>')
    for field, value in facets(record).items():
        spans.append(f'<span data-pagefind-filter="{field}">{html.escape(value)}</span>')
    return f"<div hidden data-pagefind-ignore>{''.join(spans)}</div>"


def _own_words(record: Record, key: Key) -> list[str]:
    """The record's names in English: its name, abbreviation and search terms."""
    abbreviation = getattr(record, "abbreviation", "")
    return _unique([display_name(record), abbreviation, *_terms(f"{key[0]}/{key[1]}").words])


def _own_chinese(record: Record, key: Key) -> list[str]:
    """The record's Chinese name and Chinese search terms."""
    return _unique([getattr(record, "name_zh", ""), *_terms(f"{key[0]}/{key[1]}").zh])


def _named(catalog: Catalog, record: Record) -> Iterator[SearchTerms]:
    """The search terms of what a measure or an event names: each named record's names, and
    the terms of a measure's instruments and eligible firms."""
    keys: list[Key] = []
    if isinstance(record, Measure):
        keys = [("topics", t) for t in record.topics] + [("agencies", a) for a in record.agencies]
        keys.append(("places", record.jurisdiction))
        yield from (_terms(f"instruments/{code}") for code in record.instruments)
        yield from (_terms(f"eligible_firms/{code}") for code in record.eligible_firms)
    elif isinstance(record, Event):
        keys = [("topics", t) for t in record.topics] + [("agencies", a) for a in record.agencies]
        keys += [("places", p) for p in record.places]
    for key in keys:
        named = catalog.get(key)
        yield SearchTerms(tuple(_own_words(named, key)[1:]), tuple(_own_chinese(named, key)))


def _terms(key: str) -> SearchTerms:
    return SEARCH_TERMS.get(key, SearchTerms())


def _words(weight: float, words: Iterable[str]) -> str:
    """Words in a hidden element of the given search weight; nothing when there are none."""
    unique = _unique(words)
    if not unique:
        return ""
    return f'<div hidden data-pagefind-weight="{weight:g}">{html.escape(", ".join(unique))}</div>'


def _chinese(weight: float, terms: Iterable[str]) -> str:
    """Every suffix of each Chinese term (中国出口…, 国出口…, 出口…), hidden, at the given weight."""
    compact = ["".join(term.split()) for term in terms]
    suffixes = _unique(term[i:] for term in compact for i in range(len(term)))
    if not suffixes:
        return ""
    return f'<div hidden lang="zh" data-pagefind-weight="{weight:g}">{html.escape(" ".join(suffixes))}</div>'


def _unique(values: Iterable[str]) -> list[str]:
    """The values in order, each once, without empty ones."""
    return list(dict.fromkeys(value for value in values if value))
