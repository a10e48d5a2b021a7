"""Search as a reader uses it, in Debian's Chromium against the built and served site: what
each result says it is, narrowing by kind from the keyboard, every result within reach,
excerpts of what the page shows, the words readers use, and records before the pages that list
them. Plus the vocabulary of search terms against the content."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BASE, ROOT, make_site, run_mkdocs, serve
from playwright.sync_api import Page

from generator import cbor
from generator.addresses import url
from generator.catalog import Catalog
from generator.labels import FIRMS
from generator.load import load_catalog
from generator.registry import FOLDERS
from generator.search import PAGES, PARTS, index_site
from generator.vocabulary import INSTRUMENTS, SEARCH_TERMS


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "content")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The real content built with `mkdocs build --strict` and served on localhost: the site
    folder and its address."""
    project = make_site(tmp_path_factory.mktemp("search"), ROOT / "content")
    root = project / "served"
    site = root / BASE.strip("/")
    run_mkdocs(project, site_dir=str(site))
    with serve(root) as address:
        yield site, address


@pytest.fixture(scope="module")
def site_url(built: tuple[Path, str]) -> str:
    return built[1]


ITEMS = """items => items.map(li => ({
    url: new URL(li.querySelector("a").href).pathname,
    title: li.querySelector("h1").firstChild.textContent,
    what: li.querySelector(".search-result__kind").textContent,
    excerpt: li.querySelector("p:last-child").textContent,
}))"""


def results(page: Page, site_url: str, query: str) -> list[dict[str, str]]:
    """Type ``query`` into the search box; the results drawn once they stop changing, each with
    its address (from the site's root), title, what it says it is, and excerpt."""
    page.goto(site_url)
    box = page.locator(".md-search__input")
    box.click()
    if query.isascii():
        box.press_sequentially(query, delay=20)
    else:  # an input method commits a Chinese word at once
        page.keyboard.insert_text(query)
    return settled(page)


def settled(page: Page) -> list[dict[str, str]]:
    items = page.locator(".md-search-result__item")
    items.first.wait_for(timeout=15000)
    previous: list[dict[str, str]] = []
    for _ in range(20):
        current = [{**item, "url": item["url"].removeprefix(BASE)} for item in items.evaluate_all(ITEMS)]
        if current == previous:
            return current
        previous = current
        page.wait_for_timeout(300)
    return previous


WHAT = {
    "Yiwu": {
        "places/yiwu/": "Place",
        "agencies/yiwu-municipal-government/": "Agency",
        "measures/yiwu-export-credit-insurance-premium-subsidy/": "Measure · Municipal · In force",
    },
    "Li Yunze": {"people/li-yunze/": "Person", "events/li-yunze-press-briefing-2025-05-07/": "Event"},
    "信用保险": {"topics/trade-credit-insurance/": "Topic"},
    "Exporters Get More Help": {"sources/caixin-2025-05-14-exporters-trade-war/": "Source"},
    "open data": {"open-data/": "Page", "about/": "Page"},
    "coinsurance scheme": {
        "measures/nfra-domestic-trade-credit-coinsurance-scheme/": "Measure · National · Status unknown",
    },
}


@pytest.mark.parametrize("query", WHAT)
def test_each_result_says_what_it_is(page: Page, site_url: str, query: str) -> None:
    found = {item["url"]: item["what"] for item in results(page, site_url, query)}
    assert {path: found.get(path) for path in WHAT[query]} == WHAT[query]


def test_results_narrow_to_one_kind_from_the_keyboard(page: Page, site_url: str) -> None:
    everything = results(page, site_url, "credit insurance")
    assert len({item["what"].split(" · ")[0] for item in everything}) > 1
    kind = page.locator(".search-kinds__kind")
    for _ in range(8):  # from the search box, the buttons are the next stops
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.kind") == "Measure":
            break
    assert page.evaluate("document.activeElement.dataset.kind") == "Measure"
    measures = kind.filter(has_text="Measures")
    expected = int(measures.locator(".search-kinds__count").inner_text())
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelector('.md-search-result__meta').textContent === '{expected} matching documents'"
    )
    narrowed = settled(page)
    assert narrowed and all(item["what"].startswith("Measure · ") for item in narrowed)
    assert measures.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.activeElement.dataset.kind") == "Measure", "the button keeps the focus"
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.dataset.kind") == "":
            break
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelector('.search-kinds__kind').getAttribute('aria-pressed') === 'true'")
    assert len({item["what"].split(" · ")[0] for item in settled(page)}) > 1


def test_show_more_reaches_every_result(page: Page, site_url: str) -> None:
    assert len(results(page, site_url, "export")) == 10
    total = int(page.locator(".md-search-result__meta").inner_text().split()[0])
    assert total > 20
    more = page.locator(".search-more")
    while more.is_visible():
        shown = page.locator(".md-search-result__item").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length > {shown}")
        assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null"), (
            "the first new result has the focus"
        )
    urls = [item["url"] for item in settled(page)]
    assert len(urls) == len(set(urls)) == total


FOR_THE_INDEX = re.compile(
    r'<div hidden[^>]*data-pagefind-weight="[^"]*">(.*?)</div>|<span data-pagefind-meta="[a-z]+_names">(.*?)</span>'
)
"""Words a page holds for the index alone: weighted hidden text, and the names in metadata."""
HAN = re.compile(r"^[\u3400-\u9fff]+$")


@pytest.mark.parametrize("query", ["Yiwu", "信用保险", "SME", "保费补贴", "central bank", "Sinosure", "NFRA"])
def test_an_excerpt_shows_neither_the_title_again_nor_words_for_the_index(
    page: Page, site_url: str, query: str
) -> None:
    checked = 0
    for item in results(page, site_url, query):
        excerpt = item["excerpt"].removeprefix("… ")
        assert not excerpt.startswith(item["title"]), item
        words = excerpt.split()
        pairs = zip(words, words[1:], strict=False)
        suffixes = [(a, b) for a, b in pairs if HAN.match(a) and HAN.match(b) and a.endswith(b)]
        assert suffixes == [], item
        with urllib.request.urlopen(site_url + item["url"]) as response:
            source = response.read().decode("utf-8")
        for found in FOR_THE_INDEX.findall(source):
            words_for_the_index = html.unescape("".join(found))
            if " " in words_for_the_index:  # one word alone (a name) may well be in the text
                assert words_for_the_index not in excerpt, item
                checked += 1
    assert checked


FIRST = {
    "central bank": "agencies/peoples-bank-of-china/",
    "MOFCOM": "agencies/ministry-of-commerce/",
    "NFRA": "agencies/national-financial-regulatory-administration/",
    "央行": "agencies/peoples-bank-of-china/",
    "保费补贴": "topics/premium-subsidies/",
    "SME": "topics/small-and-medium-sized-enterprises/",
}
FOUND = {
    "SME": ["measures/mofcom-export-credit-insurance-coverage-expansion/"],
    "保费补贴": ["measures/yiwu-export-credit-insurance-premium-subsidy/"],
    "RRR": [
        "measures/pboc-rate-and-reserve-requirement-cuts/",
        "measures/reserve-requirement-and-10bp-policy-rate-cuts/",
    ],
    "reserve requirement ratio": ["measures/pboc-rate-and-reserve-requirement-cuts/"],
    "中小企业": ["measures/shenzhen-free-export-credit-insurance-small-exporters/"],
    "义乌": ["measures/yiwu-private-economy-10-point-package/"],
}


@pytest.mark.parametrize("query", sorted({*FIRST, *FOUND}))
def test_the_words_readers_use_find_the_records(page: Page, site_url: str, query: str) -> None:
    """Abbreviations, synonyms and Chinese terms (generator/vocabulary.py) find the record they
    name first, and the measures under a topic, an instrument or a kind of firm on the first page."""
    found = [item["url"] for item in results(page, site_url, query)]
    if query in FIRST:
        assert found[0] == FIRST[query], found[:3]
    assert set(FOUND.get(query, [])) <= set(found), found


def test_the_index_holds_the_records_and_pages_but_no_page_that_lists_them(
    built: tuple[Path, str], catalog: Catalog
) -> None:
    """Measures by level or by status, the sections' lists, the home page, tags, codebook and
    coverage list what record pages hold: indexed, they would outrank the records they list."""
    site, _ = built
    indexed = set()
    for fragment in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        indexed.add(json.loads(data)["url"].removeprefix("/"))
    assert indexed == {url(key) for key in catalog.keys()} | {f"{name}/" for name in PAGES}
    assert site.joinpath("measures/by-level/index.html").is_file()


SEARCH_ALL = """async ([base, queries]) => {
    const pagefind = await import(base + "pagefind/pagefind.js");
    const ranking = await (await fetch(base + "pagefind/ranking.json")).json();  // as search.js does
    await pagefind.options({ baseUrl: new URL(base).pathname, ranking });
    pagefind.init();
    const found = {};
    for (const query of queries) {
        const results = (await pagefind.search(query)).results.slice(0, 3);
        found[query] = (await Promise.all(results.map(r => r.data()))).map(d => d.url);
    }
    return found;
}"""


def test_a_measure_s_name_finds_its_page_first(page: Page, site_url: str, catalog: Catalog) -> None:
    page.goto(site_url)
    titles = {measure.title: url(("measures", key)) for key, measure in catalog.measures.items()}
    found = page.evaluate(SEARCH_ALL, [site_url, list(titles)])
    first = {title: [urlsplit(u).path.removeprefix(BASE) for u in found[title]] for title in titles}
    assert {title: pages for title, pages in first.items() if pages[0] != titles[title]} == {}


def test_every_search_term_belongs_to_a_record_or_code(catalog: Catalog) -> None:
    codes = {"instruments": set(INSTRUMENTS), "eligible_firms": set(FIRMS)}
    unknown = []
    for key in SEARCH_TERMS:
        group, _, name = key.partition("/")
        known = set(catalog.folder(group)) if group in FOLDERS else codes.get(group, set())
        if name not in known:
            unknown.append(key)
    assert unknown == []


def test_cbor_reads_and_writes_back_what_pagefind_s_index_files_hold() -> None:
    item: cbor.Item = ["kind", [["Measure", [19, 20, 300, 70000]], ["Place", []]], b"\x00", "义乌"]
    assert cbor.decode(cbor.encode(item)) == item
    assert cbor.encode(23) == b"\x17" and cbor.encode(24) == b"\x18\x18" and cbor.encode(256) == b"\x19\x01\x00"
    with pytest.raises(ValueError, match="unsupported CBOR major type 1"):
        cbor.decode(b"\x20")


@pytest.fixture(scope="module")
def in_parts(built: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The same site indexed in parts of 25 pages (as a site of many thousand pages is, by
    4,000), served: the site folder and its address."""
    site, _ = built
    root = tmp_path_factory.mktemp("parts") / "served"
    copy = root / BASE.strip("/")
    shutil.copytree(site, copy)
    index_site(copy, part_size=25)
    with serve(root) as address:
        yield copy, address


FIND_ALL = """async ([base, queries]) => {
    const pagefind = await import(base + "pagefind/pagefind.js");
    const options = { baseUrl: new URL(base).pathname };
    await pagefind.options(options);
    pagefind.init();
    const parts = await (await fetch(base + "pagefind/parts.json")).json();  // as search.js does
    for (const part of parts) await pagefind.mergeIndex(base + "pagefind/" + part, options);
    await pagefind.filters();  // as search.js does: each search then counts its results by kind
    const found = {};
    for (const query of queries) {
        const search = await pagefind.search(query);
        found[query] = {
            urls: (await Promise.all(search.results.map(r => r.data()))).map(d => d.url).sort(),
            kinds: search.totalFilters.kind,
        };
    }
    return found;
}"""


def test_an_index_in_parts_finds_what_one_index_finds(page: Page, site_url: str, in_parts: tuple[Path, str]) -> None:
    copy, address = in_parts
    parts = json.loads((copy / "pagefind" / PARTS).read_text(encoding="utf-8"))
    pages = sum(1 for _ in (copy / "pagefind" / "fragment").iterdir())
    assert len(parts) >= 2 and all((copy / "pagefind" / part / "pagefind-entry.json").is_file() for part in parts)
    assert pages <= 25, "the first part holds only its share"
    queries = [*WHAT, "export credit insurance", "premium subsidy"]
    page.goto(site_url)
    whole = page.evaluate(FIND_ALL, [site_url, queries])
    page.goto(address)
    split = page.evaluate(FIND_ALL, [address, queries])
    # Every page one index finds. A part, holding fewer words, may find a few more: Pagefind
    # matches a word's prefix ("data": dataset) only within the chunk of words it loads.
    assert all(found["urls"] for found in whole.values())
    assert {q: sorted(set(whole[q]["urls"]) - set(found["urls"])) for q, found in split.items()} == dict.fromkeys(
        queries, []
    )
    assert split["Yiwu"]["urls"] == whole["Yiwu"]["urls"] and split["Li Yunze"] == whole["Li Yunze"]
    assert all(sum(found["kinds"].values()) == len(found["urls"]) for found in split.values()), "counted by kind"
    assert split["Yiwu"]["kinds"] == whole["Yiwu"]["kinds"]
    drawn = results(page, address, "Yiwu")  # search.js merges the parts itself
    expected = {urlsplit(u).path.removeprefix(BASE) for u in whole["Yiwu"]["urls"]}
    assert {item["url"] for item in drawn} <= expected and len(drawn) == min(10, len(expected))
