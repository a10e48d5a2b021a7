"""Hostile text that the checker accepts stays text in everything a reader or a reader's tool gets:
the themed pages in Chromium, search results, the Atom feed, the calendar, the CSV and JSON data,
BibTeX and the SVG diagrams.

The fixture corpus is rebuilt with markup, LaTeX specials, a line break, an emoji and formula
starts in every text field, then built with a real `mkdocs build --strict`.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import jsonschema
import pybtex.database
import pytest
import yaml
from conftest import BASE, CORPUS, make_site, mkdocs_build, serve
from htmlsite import elements
from playwright.sync_api import Browser

from generator.load import load_catalog
from generator.model import Source
from generator.registry import RECORD_TYPES, display_name
from generator.render.citation import latex
from generator.render.provenance import source_label
from generator.template import schema_comment

HOSTILE = (
    "R&D < 10% <img src=x onerror=alert(1)><x-injected x-attr-injected=1> `a` *b* _c_ | {d} "
    '🚢 "q" \\ $ # ~ ^ [e](javascript:alert(3)) &lt;b&gt;\n@misc{f,'
)
"""Put before the text of every text field: markup, Markdown, LaTeX, a line break, an astral character."""
FORMULA = '=HYPERLINK("https://example.org","x") '
"""Put before every summary: a cell that a spreadsheet would run."""
TEXT_FIELDS = {"title", "name", "publisher", "about", "gist", "label", "text", "what", "period", "note"}
SITE_NAME = "China Trade Support Tracker"


def shown(value: str) -> str:
    """What a browser shows of a text: whitespace runs as one space."""
    return " ".join(value.split())


def hostile(value: Any, key: str = "") -> Any:
    """A record with the hostile text put before each text field's value."""
    if isinstance(value, dict):
        return {k: hostile(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [hostile(item, key) for item in value]
    if isinstance(value, str) and key in TEXT_FIELDS:
        return f"{HOSTILE} {value}"
    return value


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus with hostile text in every text field, a hostile address and Chinese name."""
    root = tmp_path_factory.mktemp("hostile") / "content"
    for path in sorted((CORPUS / "content").rglob("*.yaml")):
        folder = path.parent.name
        record = hostile(yaml.safe_load(path.read_text(encoding="utf-8")))
        if folder == "sources" and "url" in record:
            record["url"] = "https://example.org/a|b`c(d)*e_f{g}"
        if folder == "measures":
            record["name_zh"] = "出口<b>&amp;"
            record["summary"]["text"] = FORMULA + record["summary"]["text"]
        target = root / folder / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
        target.write_text(schema_comment(folder) + "\n" + body, encoding="utf-8")
    shutil.copytree(CORPUS / "content" / "fingerprints", root / "fingerprints")  # the quotes stay the source's
    return root


@pytest.fixture(scope="module")
def site(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus built with `mkdocs build --strict`, with no warning."""
    return mkdocs_build(make_site(tmp_path_factory.mktemp("hostile-site"), content))


@pytest.fixture(scope="module")
def names(content: Path) -> dict[str, str]:
    """Page address (measures/x/) -> the record's name, as loaded."""
    catalog = load_catalog(content)
    return {
        f"{folder}/{record_id}/": display_name(catalog.get((folder, record_id))) for folder, record_id in catalog.keys()
    }


def test_no_element_or_attribute_from_content_reaches_any_page(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<x-injected" not in html, path
        for tag, attributes in elements(html):
            assert tag != "x-injected" and tag != "img", (path, tag)
            assert not [a for a in attributes if "injected" in a or a in ("onerror", "onmouseover")], (path, tag)
            assert not (attributes.get("href") or "").lower().startswith("javascript:"), (path, attributes)


@pytest.fixture(scope="module")
def site_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile-served")
    (root / BASE.strip("/")).symlink_to(site, target_is_directory=True)
    with serve(root) as url:
        yield url


def test_every_page_opens_without_a_dialog_and_shows_names_as_written(
    browser: Browser, site_url: str, site: Path, names: dict[str, str]
) -> None:
    context = browser.new_context()
    dialogs: list[str] = []
    addresses = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    for address in addresses:
        page = context.new_page()  # one tab a page: a redirect page's navigation cannot race the next
        page.on("dialog", lambda dialog: (dialogs.append(f"{dialog.page.url}: {dialog.message}"), dialog.dismiss()))
        page.goto(site_url + address.removeprefix("./"))
        page.wait_for_load_state("networkidle")
        if address in names:
            expected = shown(names[address])
            assert page.title() == f"{expected} - {SITE_NAME}", address
            assert page.locator("article h1").first.inner_text().startswith(expected), address
            assert shown(page.locator(".md-header__topic").last.inner_text()) == expected, address
            active = page.locator(".md-nav__link--active").first
            assert shown(active.inner_text()) == expected, address
        page.close()
    context.close()
    assert dialogs == []
    assert len([a for a in addresses if a in names]) == len(names)


def test_a_search_result_shows_the_name_as_written(browser: Browser, site_url: str, names: dict[str, str]) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("premium subsidy", delay=20)
    title = page.locator(".md-search-result__item h1").first
    title.wait_for(timeout=15000)
    expected = f"{names['measures/example-city-premium-subsidy/']} 出口<b>&amp;"  # the H1: both names
    assert shown(title.inner_text()) == shown(expected)
    context.close()


def test_the_feed_reads_names_as_written(site: Path, names: dict[str, str]) -> None:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    addresses = [entry.link.split("/china-trade-tracker/", 1)[1] for entry in feed.entries]
    assert "measures/example-insurance-programme/" in addresses and "sources/example-notice/" in addresses
    assert [entry.title for entry in feed.entries] == [names[address] for address in addresses]


def test_the_calendar_reads_names_as_written(site: Path, names: dict[str, str]) -> None:
    calendar = icalendar.Calendar.from_ical((site / "events.ics").read_bytes())
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert f"{names['measures/example-insurance-programme/']} announced" in summaries
    assert all("\r" not in summary for summary in summaries)


def test_the_csv_keeps_text_and_defuses_formulas(site: Path, names: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO((site / "data/measures.csv").read_text(encoding="utf-8-sig"))))
    assert {row["title"] for row in rows} == {names[row["page"]] for row in rows}
    assert all(row["summary"].startswith("'" + FORMULA) for row in rows)
    figures = list(csv.DictReader(io.StringIO((site / "data/figures.csv").read_text(encoding="utf-8-sig"))))
    data = json.loads((site / "data/figures.json").read_text(encoding="utf-8"))
    assert [float(row["value"]) for row in figures] == [item["value"] for item in data]
    assert [row["what"] for row in figures] == [item["what"] for item in data]


@pytest.mark.parametrize("name", [*(kind.folder for kind in RECORD_TYPES), "figures"])
def test_the_open_data_passes_the_schema_published_beside_it(site: Path, name: str) -> None:
    schema = json.loads((site / f"schema/data-{name}.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site / f"data/{name}.json").read_text(encoding="utf-8"))
    assert data
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


class _Preformatted(HTMLParser):
    """The text of each <pre> block, with the block's class."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, str]] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self.inside = True
            self.blocks.append((dict(attrs).get("class") or "", ""))

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != "pre"

    def handle_data(self, data: str) -> None:
        if self.inside:
            kind, text = self.blocks[-1]
            self.blocks[-1] = (kind, text + data)


def preformatted(page: Path) -> list[tuple[str, str]]:
    """(class, text) of each <pre> block of a built page, as a reader would copy it."""
    parser = _Preformatted()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.blocks


def test_bibtex_parses_as_one_entry_with_the_title_escaped_for_latex(site: Path, names: dict[str, str]) -> None:
    for address, title in names.items():
        blocks = preformatted(site / address / "index.html")
        (block,) = [text for _, text in blocks if text.startswith("@misc{ctst-")]
        entries = pybtex.database.parse_string(block, "bibtex").entries
        assert list(entries) == [f"ctst-{address.strip('/').replace('/', '-')}"]
        (entry,) = entries.values()
        assert entry.fields["title"] == latex(title)
        assert "%" not in entry.fields["title"].replace("\\%", "")
        if address.startswith("sources/"):  # the original document is cited too
            (original,) = [text for _, text in blocks if text.startswith("@") and not text.startswith("@misc{ctst-")]
            (cited,) = pybtex.database.parse_string(original, "bibtex").entries.values()
            assert cited.fields["title"] == latex(title)


def test_latex_escaping_leaves_no_special_unescaped() -> None:
    assert latex("R&D < 10%\n@misc{x, ~a^b_c$ #1 \\ `|>") == (
        "R\\&D \\textless{} 10\\% @misc\\textbraceleft{}x, \\textasciitilde{}a\\textasciicircum{}b\\_c\\$ \\#1 "
        "\\textbackslash{} \\textasciigrave{}\\textbar{}\\textgreater{}"
    )


class _Diagram(HTMLParser):
    """The elements of a page's diagram, and each box as [its link or '', its title, the text it shows]."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.boxes: list[list[str]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.open or (tag == "figure" and attributes.get("class") == "diagram"):
            self.open.append(tag)
            self.tags.add(tag)
            if tag in ("a", "g"):
                self.boxes.append([attributes.get("href") or "", "", ""])

    def handle_endtag(self, tag: str) -> None:
        if self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.boxes and {"a", "g"} & set(self.open) and self.open[-1] in ("title", "tspan"):
            self.boxes[-1][1 if self.open[-1] == "title" else 2] += data


def test_the_diagram_shows_names_as_written_with_no_markup_of_their_own(site: Path, content: Path) -> None:
    """Each box of the SVG diagram: its title holds the record's name as written, it shows the start
    of that name, and no element of the name's own reaches the drawing."""
    catalog = load_catalog(content)
    page = "measures/example-city-premium-subsidy/"
    parser = _Diagram()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    assert parser.tags <= {"figure", "svg", "title", "g", "a", "rect", "text", "tspan", "path"}
    links = {target: (title, text) for target, title, text in parser.boxes if target}
    assert len(links) == 4
    for target, (title, text) in links.items():
        folder, record_id = posixpath.normpath(posixpath.join(page, target)).split("/")
        record = catalog.get((folder, record_id))
        name = source_label(record) if isinstance(record, Source) else display_name(record)
        assert title == shown(name), target
        assert "".join(name.split()).startswith("".join(text.split()).removesuffix("…")), target
    assert any("R&D < 10% <img src=x" in title for title, _ in links.values())


def test_the_source_address_is_one_link_in_one_table_cell(site: Path) -> None:
    html = (site / "sources/example-notice/index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr>\s*<td><strong>Address</strong></td>\s*<td>(.*?)</td>\s*</tr>", html, re.DOTALL)
    assert row is not None
    assert row.group(1) == (
        '<a href="https://example.org/a%7Cb%60c%28d%29*e_f%7Bg%7D">https://example.org/a|b`c(d)*e_f{g}</a>'
    )


def test_the_dashboard_and_the_comparison_show_names_as_written(
    browser: Browser, site_url: str, content: Path, names: dict[str, str]
) -> None:
    """The home page's charts (SVG drawn at build time) and the comparison of measures (drawn in
    the browser from JSON in the page): every name as written, no element or dialog of its own."""
    catalog = load_catalog(content)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url)
    titles = page.locator("#chart-by-agency ~ figure a.chart__bar > title").all_text_contents()
    agencies = sorted(
        shown(agency.name) for agency in catalog.agencies.values() if catalog.responsible_for.get(agency.id)
    )
    assert sorted(title.rsplit(": ", 1)[0] for title in titles) == agencies
    labels = page.locator("#chart-by-agency ~ figure a.chart__bar text.chart__label").all_text_contents()
    assert len(labels) == len(titles) > 0
    assert all(
        any("".join(a.split()).startswith("".join(label.split()).removesuffix("…")) for a in agencies)
        for label in labels
    )

    page.goto(site_url + "measures/")
    boxes = page.locator("input.measure-compare__pick")
    assert boxes.count() == len(catalog.measures)
    for box in boxes.all():
        box.check()
    page.get_by_role("button", name="Compare", exact=True).click()
    table = page.locator(".measure-compare__result table")
    headers = [shown(h) for h in table.locator("thead th a").all_inner_texts()]
    assert sorted(headers) == sorted(shown(m.title) for m in catalog.measures.values())
    figures = " ".join(table.locator("tbody tr", has_text="Figures").all_inner_texts())
    assert shown(catalog.measures["example-insurance-programme"].figures[0].what) in shown(figures)
    assert page.locator("x-injected, article img").count() == 0
    page.goto(page.url)  # the address restores it
    assert sorted(shown(h) for h in page.locator(".measure-compare__result thead th a").all_inner_texts()) == sorted(
        headers
    )
    assert page.locator("x-injected, article img").count() == 0

    person = next(iter(catalog.people.values()))
    page.goto(site_url + f"people/{person.id}/")
    lead = shown(page.locator("article > p").first.inner_text())
    assert lead.startswith(f"{shown(person.name)}: {shown(person.roles[0].title)}")
    context.close()
    assert dialogs == []
