"""The real content: every claim cited, every source paragraph used, nothing copied, nothing missing."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest
from conftest import ROOT

from generator.catalog import Catalog, claims
from generator.load import load_catalog
from generator.render.markdown import number

SEEDS = ROOT.parent / "shared" / "seeds"
COPY_RUN = 8
"""Consecutive words shared with a source that count as copying (quoted phrases excepted)."""
PROPER_NAMES = (
    "Policy Measures to Promote Stable Growth of Foreign Trade",
    "International Trade Representative and Vice Minister of Commerce",
    "China Export and Credit Insurance Corp",
    "Operations Monitoring and Coordination Bureau",
    "Who's Who",
)
"""Titles that must be written as the source writes them, besides the names of records and sources."""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "content")


def test_every_statement_cites_a_paragraph_its_source_has(catalog: Catalog) -> None:
    statements = 0
    for key in catalog.keys():
        for anchor, _, cites in claims(catalog.get(key)):
            assert cites, f"{key}: {anchor} has no citation"
            for citation in cites:
                refs = {p.ref for p in catalog.sources[citation.source].paragraphs}
                assert set(citation.paragraphs()) <= refs, f"{key}: {anchor} cites {citation}"
            statements += 1
    assert statements > 100


def test_every_listed_source_paragraph_is_cited(catalog: Catalog) -> None:
    uncited = [
        f"{source.id}#{paragraph.ref}"
        for source in catalog.sources.values()
        for paragraph in source.paragraphs
        if not catalog.citing.get((source.id, paragraph.ref))
    ]
    assert uncited == []


def test_the_mofcom_article_has_its_seven_paragraphs_and_no_invented_date(catalog: Catalog) -> None:
    source = catalog.sources["mofcom-stable-foreign-trade-measures-article"]
    assert [p.ref for p in source.paragraphs] == [str(n) for n in range(1, 8)]
    assert (source.publisher, source.published) == ("unknown", None)


def test_the_caixin_source_records_its_digest_nature_and_paywall(catalog: Catalog) -> None:
    source = catalog.sources["caixin-2025-05-14-exporters-trade-war"]
    assert (source.publisher, source.published and source.published.iso()) == ("Caixin", "2025-05-14")
    assert (source.published_time, source.timezone) == ("17:49", "+08:00")
    assert (source.text_basis, source.access, source.official) == ("ai-generated-digest", "paywalled", False)


FIGURES = [
    "36 trillion yuan",
    "5.2%",
    "over 90%",
    "15%",
    "15.3%",
    "up to 80%",
    "less than $8 million",
    "as much as 145%",
    "90 days",
    "10 basis points",
    "32 years",
    "9",
    "10",
    "2",
]


def all_figures(catalog: Catalog) -> Iterator[str]:
    for key in catalog.keys():
        record = catalog.get(key)
        for figure in getattr(record, "figures", ()):
            yield number(figure)


@pytest.mark.parametrize("shown", FIGURES)
def test_every_figure_the_sources_give_is_on_the_site(catalog: Catalog, shown: str) -> None:
    assert shown in set(all_figures(catalog))


NAMES = [
    "Ministry of Commerce",
    "Ministry of Industry and Information Technology",
    "People's Bank of China",
    "National Financial Regulatory Administration",
    "National Development and Reform Commission",
    "China Export and Credit Insurance Corporation",
    "Tmall",
    "Douyin",
    "Caixin",
    "Wang Shouwen",
    "He Hailin",
    "Li Yunze",
    "China",
    "United States",
    "Yiwu",
    "Shenzhen",
    "Geneva",
]


@pytest.mark.parametrize("name", NAMES)
def test_every_body_person_and_place_named_has_a_page(catalog: Catalog, name: str) -> None:
    names = {r.name for folder in ("agencies", "people", "places") for r in catalog.folder(folder).values()}
    assert any(n == name or n.startswith(name + " (") for n in names), name


def texts(value: object) -> Iterator[str]:
    """Every string inside a record, except ids and vocabulary values."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from texts(item)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            if field.name in {"text", "gist", "about", "title", "what", "period", "note", "label", "name"}:
                yield from texts(getattr(value, field.name))
            elif not isinstance(getattr(value, field.name), str):
                yield from texts(getattr(value, field.name))


def proper_names(catalog: Catalog) -> list[str]:
    """Names written as the sources write them: bodies, people, places, source titles, official titles."""
    names = {r.name for folder in ("agencies", "people", "places") for r in catalog.folder(folder).values()}
    names |= {a.abbreviation for a in catalog.agencies.values() if a.abbreviation}
    names |= {s.title for s in catalog.sources.values()} | set(PROPER_NAMES)
    return sorted(names, key=len, reverse=True)


def words(text: str, names: list[str]) -> list[str]:
    unquoted = re.sub(r'"[^"]*"|“[^”]*”', " | ", text.replace("’", "'"))
    for name in names:
        unquoted = unquoted.replace(name, " | ")
    return re.findall(r"[a-z0-9%.$]+|\|", unquoted.lower().replace("’", "'"))


def test_no_sentence_is_copied_from_a_source(catalog: Catalog) -> None:
    if not SEEDS.is_dir():  # a plain clone (GitHub's CI for a pull request): the texts are never committed
        pytest.skip(f"the source documents are not in {SEEDS}; this machine's CI has them")
    source_runs = set()
    names = proper_names(catalog)
    for seed in SEEDS.glob("*.txt"):
        tokens = words(seed.read_text(encoding="utf-8"), names)
        source_runs.update(tuple(tokens[i : i + COPY_RUN]) for i in range(len(tokens) - COPY_RUN + 1))
    copied = []
    for key in catalog.keys():
        for text in texts(catalog.get(key)):
            tokens = words(text, names)
            for i in range(len(tokens) - COPY_RUN + 1):
                run = tuple(tokens[i : i + COPY_RUN])
                if "|" not in run and run in source_runs:
                    copied.append(f"{key}: {' '.join(run)}")
    assert copied == []
