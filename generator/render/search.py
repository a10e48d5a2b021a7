"""What a page adds for the search index alone (hidden from readers): its name, weighted by the
kind of record, and every suffix of its Chinese name."""

from __future__ import annotations

from generator.model import Record
from generator.registry import display_name, record_type
from generator.render.markdown import text


def search_name(record: Record) -> list[str]:
    """The record's name once more, hidden, weighted for search by the kind of record."""
    weight = record_type(record).search_weight
    return [f'<div hidden data-pagefind-weight="{weight:g}">{text(display_name(record))}</div>', ""]


def chinese_suffixes(chinese: str) -> list[str]:
    """Every suffix of a Chinese name (中国出口…, 国出口…, 出口…), hidden: the index matches words
    by their start, so any word inside the name, such as 信用保险, then finds the page."""
    compact = "".join(chinese.split())
    suffixes = " ".join(text(compact[i:]) for i in range(len(compact)))
    return [f'<div hidden lang="zh" data-pagefind-weight="7">{suffixes}</div>', ""]
