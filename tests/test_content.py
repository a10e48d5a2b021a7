"""The real content: every claim cited, every source paragraph used, nothing copied, nothing missing."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator

import pytest
from conftest import ROOT

from generator.catalog import Catalog, claims
from generator.fingerprint import COPY_WORDS, QUOTE_WORDS, grams, read_fingerprint, words
from generator.load import load_catalog
from generator.render.markdown import number

SEEDS = ROOT.parent / "shared" / "seeds"
FINGERPRINTS = ROOT / "content" / "fingerprints"
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


def segments(text: str, names: list[str]) -> list[str]:
    """The stretches of our text between proper names and quoted phrases, which may match a source."""
    pattern = "|".join([r'"[^"]*"', "“[^”]*”", *(re.escape(name) for name in names)])
    return re.split(pattern, text.replace("’", "'"))


def test_no_run_of_words_is_copied_from_a_source(catalog: Catalog) -> None:
    """Against the committed fingerprints, so that it runs in any clone (the texts are never committed)."""
    prints = {path.stem: read_fingerprint(path) for path in sorted(FINGERPRINTS.glob("*.json"))}
    assert sorted(prints) == sorted(catalog.sources), (
        "every source needs a fingerprint (python -m generator fingerprint)"
    )
    names = proper_names(catalog)
    copied = []
    for key in catalog.keys():
        for text in texts(catalog.get(key)):
            for segment in segments(text, names):
                copied += [f"{key}: {run}" for fingerprint in prints.values() for run in fingerprint.copied(segment)]
    assert copied == []


def test_the_fingerprints_are_those_of_the_source_texts() -> None:
    """Where the texts are (this machine's CI), every run of words a fingerprint holds is a run of
    one of them: the fingerprints come from the texts, and a quote they verify is the source's."""
    if not SEEDS.is_dir():  # a plain clone (GitHub's CI for a pull request): the texts are never committed
        pytest.skip(f"the source documents are not in {SEEDS}; the fingerprints are checked where they are")
    seeds = [words(seed.read_text(encoding="utf-8")) for seed in sorted(SEEDS.glob("*.txt"))]
    texts_runs = [(grams(tokens, QUOTE_WORDS), grams(tokens, COPY_WORDS)) for tokens in seeds]
    for path in sorted(FINGERPRINTS.glob("*.json")):
        paragraphs = json.loads(path.read_text(encoding="utf-8"))["paragraphs"].values()
        quote = {run for entry in paragraphs for run in entry["quote"]}
        copy = {run for entry in paragraphs for run in entry["copy"]}
        assert quote and copy, path
        assert [quote <= q and copy <= c for q, c in texts_runs].count(True) == 1, path


def test_every_measure_quotes_its_source_for_its_summary_and_each_figure(catalog: Catalog) -> None:
    unquoted = []
    for measure in catalog.measures.values():
        for anchor, _, cites in claims(measure):
            if anchor == "summary" or anchor.startswith("figure-"):
                unquoted += [f"{measure.id} {anchor}: {c.source} {c.para}" for c in cites if not c.quote]
    assert unquoted == []


def test_every_status_quotes_the_wording_it_rests_on(catalog: Catalog) -> None:
    for measure in catalog.measures.values():
        if measure.status:
            assert any(c.quote for c in measure.status.cite), measure.id
