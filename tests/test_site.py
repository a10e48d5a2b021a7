"""End to end: real `mkdocs build --strict` of the real content and of the fixture corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BASE, CORPUS, ROOT, make_site, mkdocs_build, run_mkdocs, serve
from htmlsite import Page, read_site, resolve
from playwright.sync_api import Browser

from generator.model import RESERVED_IDS
from generator.registry import RECORD_TYPES

RECORD_FOLDERS = tuple(kind.folder for kind in RECORD_TYPES)


@pytest.fixture(scope="module", params=["content", "corpus"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = ROOT / "content" if request.param == "content" else CORPUS / "content"
    return mkdocs_build(make_site(tmp_path_factory.mktemp(request.param), content))


def record_page(name: str, pages: dict[str, Page]) -> bool:
    """A record's own page (not a section page, nor the redirect left at a former id)."""
    folder, _, rest = name.partition("/")
    record_id = rest.removesuffix("/index.html")
    is_record = folder in RECORD_FOLDERS and rest.endswith("/index.html") and record_id not in RESERVED_IDS
    return is_record and name in pages and pages[name].is_article


def test_footnotes_land_on_the_cited_paragraph_of_a_source_page(built: Path) -> None:
    pages = read_site(built)
    footnotes = 0
    for name, page in pages.items():
        for href, section in page.links:
            if section != "footnotes" or "footnote-backref" in href or href.startswith("#fnref"):
                continue
            target = resolve(name, href)
            assert target is not None
            path, fragment = target
            assert path.startswith("sources/") and fragment.startswith("para-"), (name, href)
            assert fragment in pages[path].ids, (name, href)
            footnotes += 1
    assert footnotes >= 10


BACKLINK_SECTIONS = {"referenced-by", "parts", "paragraphs", "diagram", "what-they-did"}
"""Sections that list pages linking here (a source's paragraphs list the claims citing them; the
diagram draws links both ways; what a person or an agency did lists the measures and events that
name them)."""


def test_referenced_by_lists_every_record_page_that_links_here(built: Path) -> None:
    pages = read_site(built)
    inbound: dict[str, set[str]] = {}
    listed: dict[str, set[str]] = {}
    for name, page in pages.items():
        if not record_page(name, pages):
            continue
        for href, section in page.links:
            target = resolve(name, href)
            if target is None or not record_page(target[0], pages) or target[0] == name:
                continue
            if section in ("referenced-by", "parts"):  # a package lists its parts once, under Parts
                listed.setdefault(name, set()).add(target[0])
            elif section not in BACKLINK_SECTIONS:
                inbound.setdefault(target[0], set()).add(name)
    assert inbound, "no links between record pages"
    for target, sources in inbound.items():
        assert listed.get(target, set()) == sources, target


def test_every_record_in_a_diagram_is_also_linked_in_the_pages_text(built: Path) -> None:
    """The diagram is a picture of links the page already gives as text (its alternative)."""
    pages = read_site(built)
    drawn = 0
    for name, page in pages.items():
        diagram: set[str] = set()
        text: set[str] = set()
        for href, section in page.links:
            target = resolve(name, href)
            if target is not None:
                (diagram if section == "diagram" else text).add(target[0])
        assert diagram <= text, name
        drawn += bool(diagram)
    assert drawn >= 4


def test_the_search_index_holds_every_record_page_and_the_written_pages(built: Path) -> None:
    import json

    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    pages = read_site(built)
    records = [
        name
        for name in pages
        if name.count("/") == 2 and pages[name].is_article and name.split("/")[1] not in RESERVED_IDS  # not by-level
    ]
    written = ["about/index.html", "contributing/index.html", "open-data/index.html"]  # not home: it lists records
    assert indexed == len(records) + len(written)
    assert not (built / "search" / "search_index.json").exists(), "Material's lunr index is not built"


def test_user_html_is_shown_as_text_never_as_markup(tmp_path: Path) -> None:
    site = mkdocs_build(make_site(tmp_path, CORPUS / "content"))
    html = (site / "measures" / "example-insurance-programme" / "index.html").read_text(encoding="utf-8")
    assert "with &lt;b&gt;faster&lt;/b&gt; claims" in html
    assert "<b>faster</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1)) {: onclick=x} {{ config }}" in html
    assert "<script>alert(1)" not in html
    assert 'href="javascript:' not in html


def test_every_page_is_at_most_three_clicks_from_home(built: Path) -> None:
    pages = read_site(built)
    depth = {"index.html": 0}
    frontier = ["index.html"]
    while frontier:
        following = []
        for name in frontier:
            for href in pages[name].all_links:
                target = resolve(name, href)
                if target and target[0] in pages and target[0] not in depth:
                    depth[target[0]] = depth[name] + 1
                    following.append(target[0])
        frontier = following
    far = sorted(
        name for name, page in pages.items() if depth.get(name, 99) > 3 and page.is_article and name != "404.html"
    )
    assert far == []


def test_open_data_matches_the_pages(built: Path) -> None:
    import csv
    import json
    import xml.etree.ElementTree as ElementTree

    measures = json.loads((built / "data" / "measures.json").read_text(encoding="utf-8"))
    site = read_site(built)
    pages = {name.split("/")[1] for name in site if name.startswith("measures/") and record_page(name, site)}
    assert {m["id"] for m in measures} == pages
    citation = measures[0]["summary"]["cite"][0]
    assert set(citation) == {"source", "para", "paragraphs", "basis", "quote", "page"}
    assert (built / citation["page"].split("#")[0] / "index.html").is_file()
    with (built / "data" / "measures.csv").open(encoding="utf-8-sig") as file:
        assert [row["id"] for row in csv.DictReader(file)] == [m["id"] for m in measures]
    figures = json.loads((built / "data" / "figures.json").read_text(encoding="utf-8"))
    assert figures and all(f["cite"] and f["display"] for f in figures)
    feed = ElementTree.parse(built / "feed.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    calendar = (built / "events.ics").read_bytes()
    assert calendar.startswith(b"BEGIN:VCALENDAR\r\n") and calendar.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in calendar.split(b"\r\n"))
    schema = json.loads((built / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Measure")


def test_edit_links_open_the_file_a_page_comes_from(built: Path) -> None:
    """A record's page edits its YAML, a hand-written page its Markdown; a page made from many
    records (measures by status, the timeline ...) has no edit link, and no link names a missing file."""
    repo = "https://github.com/china-trade-tracker/china-trade-tracker/edit/main/"
    pages = read_site(built)
    section_pages = 0
    for name, page in pages.items():
        edits = [href for href in page.all_links if href.startswith(repo)]
        files = [href.removeprefix(repo) for href in edits]
        assert all((ROOT / file).is_file() or (CORPUS / file).is_file() for file in files), (name, edits)
        if record_page(name, pages):
            folder, record_id = name.split("/")[:2]
            assert edits == [f"{repo}content/{folder}/{record_id}.yaml"], name
        elif name in ("index.html", "about/index.html", "contributing/index.html"):
            assert edits == [f"{repo}docs/{name.removesuffix('index.html').rstrip('/') or 'index'}.md"], name
        elif name.split("/")[0] in RECORD_FOLDERS and page.is_article:
            section_pages += 1
            assert edits == [], name
    assert section_pages >= 9  # the index of each section, measures by level and by status


def test_a_former_id_redirects_to_the_renamed_record_keeping_the_fragment(tmp_path: Path, browser: Browser) -> None:
    """An old link to a paragraph or a claim lands on it at the record's new address."""
    project = make_site(tmp_path, CORPUS / "content")
    root = project / "served"
    run_mkdocs(project, site_dir=str(root / BASE.strip("/")))
    site = root / BASE.strip("/")
    html = (site / "measures" / "example-city-subsidy" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../example-city-premium-subsidy/">' in html
    page = browser.new_page()
    with serve(root) as url:
        for fragment in ("#summary", "#provision-1", ""):
            page.goto(f"{url}measures/example-city-subsidy/{fragment}")
            page.wait_for_url(f"{url}measures/example-city-premium-subsidy/{fragment}")
            assert page.evaluate("location.hash") == fragment
            assert page.locator("h1").first.inner_text().startswith("Example City premium subsidy")
    page.close()


def test_the_contributing_page_documents_every_field(built: Path) -> None:
    import dataclasses

    html = (built / "contributing" / "index.html").read_text(encoding="utf-8")
    for kind in RECORD_TYPES:
        for field in dataclasses.fields(kind.cls):
            if field.name != "id":
                assert f"<code>{field.name}</code>" in html, (kind.cls.__name__, field.name)
    for part in ("Citation", "Claim", "Figure", "DatedFact", "StatusFact", "Relation", "Paragraph", "Role"):
        assert f'id="{part.lower()}"' in html, part


def test_each_section_has_one_name(built: Path) -> None:
    """The navigation's name of a section is the title of the page it opens."""
    for kind in RECORD_TYPES:
        html = (built / kind.folder / "index.html").read_text(encoding="utf-8")
        (heading,) = re.findall(r"<h1[^>]*>(.*?)(?:<a class=\"headerlink\"|</h1>)", html, re.S)
        assert heading.strip() == kind.title, (kind.folder, heading)
