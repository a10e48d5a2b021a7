"""Every output read by the client made for it: the feed by feedparser, citations by pybtex,
rispy and citeproc-py, the open data by jsonschema and csv, the head's tags as Zotero and link
previews read them, the history against git, redirects and the access date in Chromium.

The site is the fixture corpus in a git repository of its own, with two commits, built by a
real `mkdocs build --strict`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import jsonschema
import pybtex.database
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from conftest import BASE, CORPUS, make_site, run_mkdocs, serve
from playwright.sync_api import Browser

from generator.registry import RECORD_TYPES
from generator.render.codebook import labels_of
from generator.render.data import CITATION_COLUMNS, FIGURE_COLUMNS, record_columns

MEASURE = "measures/example-insurance-programme"
EDITED = "content/measures/example-insurance-programme.yaml"
FIRST = "2025-03-02T09:00:00+00:00"
SECOND = "2025-06-30T10:00:00+08:00"
MESSAGE = "Correct the claims period <b>now</b>"


def _git(project: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    identity = ["-c", "user.name=Tester", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=project, check=True, env=env, capture_output=True)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The built corpus (its folder) and its address on localhost."""
    project = make_site(tmp_path_factory.mktemp("outputs"), CORPUS / "content")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    _git(project, "add", "-A", when=FIRST)
    _git(project, "commit", "-q", "-m", "Add the corpus", when=FIRST)
    path = project / EDITED
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _git(project, "commit", "-q", "-am", MESSAGE, when=SECOND)
    root = project / "served"
    run_mkdocs(project, site_dir=str(root / BASE.strip("/")))
    with serve(root) as url:
        yield root / BASE.strip("/"), url


@pytest.fixture(scope="module")
def site(served: tuple[Path, str]) -> Path:
    return served[0]


class _Head(HTMLParser):
    """The <meta> and <link> tags of a page, and the text of each <code> block."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str | None]] = []
        self.code: list[str] = []
        self._code: list[str] | None = None
        self.scripts: list[tuple[str, str]] = []
        self._script: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("name") or values.get("property")):
            self.meta[str(values.get("name") or values.get("property"))] = str(values.get("content"))
        elif tag == "link":
            self.links.append(values)
        elif tag == "code":
            self._code = []
        elif tag == "script":
            self._script = (str(values.get("type")), [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "code" and self._code is not None:
            self.code.append("".join(self._code))
            self._code = None
        elif tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._code is not None:
            self._code.append(data)
        if self._script is not None:
            self._script[1].append(data)


def head(site: Path, page: str) -> _Head:
    parser = _Head()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return parser


def test_the_feed_has_an_entry_per_measure_and_source_dated_from_git(site: Path) -> None:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    expected = sorted(
        f"{folder}/{path.stem}"
        for folder in ("measures", "sources")
        for path in (CORPUS / "content" / folder).glob("*.yaml")
    )
    entries = {entry.link.split("china-trade-tracker/", 1)[1].rstrip("/"): entry for entry in feed.entries}
    assert sorted(entries) == expected
    assert feed.entries[0].link.endswith(f"{MEASURE}/")  # the newest change first
    assert entries[MEASURE].published == FIRST and entries[MEASURE].updated == SECOND
    assert all(entry.published == FIRST == entry.updated for key, entry in entries.items() if key != MEASURE)
    assert feed.feed.updated == SECOND
    assert all(entry.summary and entry.title for entry in feed.entries)


def test_every_page_links_the_feed(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for path in pages:
        if "<title>Moved:" in path.read_text(encoding="utf-8"):
            continue  # a redirect page
        parser = _Head()
        parser.feed(path.read_text(encoding="utf-8"))
        feeds = [link for link in parser.links if link.get("type") == "application/atom+xml"]
        assert len(feeds) == 1, path
        assert (path.parent / str(feeds[0]["href"])).resolve() == (site / "feed.xml").resolve(), path


def test_each_record_page_ends_with_its_history(site: Path) -> None:
    html = (site / MEASURE / "index.html").read_text(encoding="utf-8")
    history = html[html.index('id="history"') :]
    assert history.index("2025-06-30") < history.index("2025-03-02")
    assert "Correct the claims period &lt;b&gt;now&lt;/b&gt;" in history
    commits = re.findall(
        r'href="https://github.com/china-trade-tracker/china-trade-tracker/commit/([0-9a-f]{40})"', history
    )
    assert len(commits) == 2


def test_the_sitemap_dates_each_record_page_by_its_last_change(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    lastmod = dict(re.findall(r"<loc>[^<]*?/china-trade-tracker/([^<]*)</loc>\s*<lastmod>([^<]*)</lastmod>", sitemap))
    assert lastmod[f"{MEASURE}/"] == "2025-06-30"
    assert lastmod["sources/example-notice/"] == "2025-03-02"


def test_zotero_and_link_previews_find_their_tags(site: Path) -> None:
    tags = head(site, MEASURE).meta
    assert tags["citation_title"] == "Example export credit insurance programme"
    assert tags["citation_author"] == "China Trade Support Tracker"
    assert tags["citation_publication_date"] == "2025/03/02"
    assert tags["citation_public_url"].endswith(f"/{MEASURE}/")
    assert tags["og:title"] == tags["citation_title"] and tags["og:type"] == "article"
    assert tags["description"].startswith("The ministry makes export credit insurance *cheaper*")
    assert tags["og:description"] == tags["description"]
    assert head(site, "sources/example-notice").meta["description"] != tags["description"]


def _code(site: Path, page: str, language_mark: str) -> str:
    blocks = [block for block in head(site, page).code if language_mark in block]
    assert len(blocks) == 1, (page, language_mark)
    return blocks[0].replace("YYYY-MM-DD", "2026-12-02")  # as cite.js fills it in


def test_bibtex_parses_with_the_title_and_access_date(site: Path) -> None:
    entry = pybtex.database.parse_string(_code(site, MEASURE, "@misc{"), "bibtex").entries[
        f"ctst-{MEASURE.replace('/', '-')}"
    ]
    assert entry.fields["title"] == "Example export credit insurance programme"
    assert entry.fields["urldate"] == "2026-12-02"
    assert entry.fields["year"] == "2025"


def test_ris_reads_as_an_electronic_source(site: Path) -> None:
    (record,) = rispy.loads(_code(site, MEASURE, "TY  - ELEC"))
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == "Example export credit insurance programme"
    assert record["urls"][0].endswith(f"/{MEASURE}/") and record["access_date"] == "2026-12-02"
    assert record["year"] == "2025"


def test_csl_json_formats_in_a_citation_style(site: Path) -> None:
    items = json.loads(_code(site, MEASURE, '"type": "webpage"'))
    items[0]["accessed"] = {"date-parts": [[2026, 12, 2]]}
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(items), formatter.plain
    )
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    (text,) = [str(item) for item in bibliography.bibliography()]
    assert "Example export credit insurance programme" in text and "2025" in text


def test_a_source_page_cites_the_original_document(site: Path) -> None:
    bibtex = [block for block in head(site, "sources/example-notice").code if block.startswith("@")]
    original = pybtex.database.parse_string(bibtex[0], "bibtex").entries["example-notice"]
    assert original.fields["title"] == "Notice on Example Support for Exporters"
    assert "url" in original.fields


def test_the_open_data_page_describes_the_dataset(site: Path) -> None:
    scripts = [text for kind, text in head(site, "open-data").scripts if kind == "application/ld+json"]
    (dataset,) = [json.loads(text) for text in scripts]
    assert dataset["@type"] == "Dataset" and dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["dateModified"] == SECOND
    for download in dataset["distribution"]:
        assert (site / download["contentUrl"].split("china-trade-tracker/", 1)[1]).is_file(), download


@pytest.mark.parametrize("name", [kind.folder for kind in RECORD_TYPES])
def test_every_kind_of_record_is_open_data_that_passes_its_schema(site: Path, name: str) -> None:
    schema = json.loads((site / f"schema/data-{name}.schema.json").read_text(encoding="utf-8"))
    records = json.loads((site / f"data/{name}.json").read_text(encoding="utf-8"))
    assert records and [r["id"] for r in records] == sorted(
        path.stem for path in (CORPUS / "content" / name).glob("*.yaml")
    )
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(records)) == []
    raw = (site / f"data/{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel then reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == [r["id"] for r in records]
    assert [row["first_added"] for row in rows] == [r["first_added"] for r in records]
    for row in rows:
        assert (site / row["page"] / "index.html").is_file()


def test_open_data_keeps_the_sources_own_address_and_dates_each_record(site: Path) -> None:
    sources = {s["id"]: s for s in json.loads((site / "data/sources.json").read_text(encoding="utf-8"))}
    assert (
        sources["example-notice"]["url"].startswith("https://")
        and "china-trade-tracker" not in sources["example-notice"]["url"]
    )
    assert sources["example-notice"]["page"] == "sources/example-notice/"
    measures = {m["id"]: m for m in json.loads((site / "data/measures.json").read_text(encoding="utf-8"))}
    assert measures["example-insurance-programme"]["first_added"] == FIRST
    assert measures["example-insurance-programme"]["last_changed"] == SECOND
    chinese = (site / "data/measures.csv").read_bytes().decode("utf-8-sig")
    assert "示例出口信用保险计划" in chinese


def test_every_citation_is_open_data(site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((site / "data/citations.csv").read_bytes().decode("utf-8-sig"))))
    measures = json.loads((site / "data/measures.json").read_text(encoding="utf-8"))
    summary = measures[0]["summary"]["cite"]
    mine = [row for row in rows if row["record"] == f"measures/{measures[0]['id']}" and row["claim"] == "summary"]
    assert [(row["source"], row["para"]) for row in mine] == [(c["source"], c["para"]) for c in summary]
    for row in rows:
        page, _, anchor = row["source_page"].partition("#")
        assert f'id="{anchor}"' in (site / page / "index.html").read_text(encoding="utf-8"), row


def test_the_codebook_names_every_column_and_every_code(site: Path) -> None:
    html = (site / "codebook" / "index.html").read_text(encoding="utf-8")
    files = {f"data/{kind.folder}.csv": record_columns(kind.folder) for kind in RECORD_TYPES}
    files |= {"data/figures.csv": FIGURE_COLUMNS, "data/citations.csv": CITATION_COLUMNS}
    for path, columns in files.items():
        header = (site / path).read_bytes().decode("utf-8-sig").splitlines()[0].split(",")
        assert header == [column.name for column in columns]
        section = html[html.index(f'id="{path.replace("/", "-").replace(".", "-")}"') :]
        section = section[: section.index("</table>")]
        for name in header:
            assert f"<code>{name}</code>" in section, (path, name)
    for code, label in {**labels_of(("national", "municipal")), **labels_of(("in-force", "unknown"))}.items():
        assert f"<code>{code}</code>: {label}" in html
    assert "<code>location-specific</code>: Firms in particular places" in html


def test_the_access_date_is_the_day_the_reader_copies_the_citation(served: tuple[Path, str], browser: Browser) -> None:
    _, url = served
    page = browser.new_page()
    page.goto(f"{url}{MEASURE}/")
    code = page.locator(".cite-this code").first.inner_text()
    assert "YYYY-MM-DD" not in code and date.today().isoformat() in code
    page.close()


def test_the_home_page_and_the_coverage_page_say_what_the_tracker_rests_on(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "The tracker rests on 2 sources: 1 official, 1 read through an AI-generated digest, 1 paywalled." in home
    page = (site / "coverage" / "index.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<h2 id="([^"]+)">.*?</h2>(.*?)(?=<h2|</article>)', page, re.S))
    assert "Every paragraph the sources list is cited." in sections["source-paragraphs-no-claim-cites"]
    assert "Every measure cites at least one official source." in sections["measures-without-an-official-source"]
    digest_only = sections["claims-that-rest-only-on-an-ai-generated-digest"]
    assert "example-insurance-programme/#provision-2" in digest_only
    assert "example-insurance-programme/#summary" not in digest_only  # it also cites the notice
    unlocated = sections["sources-without-an-address-or-an-archived-copy"]
    assert "example-digest/" in unlocated and "no address, no archived copy" in unlocated
    assert "example-notice/" in unlocated and "no archived copy" in unlocated


def test_a_measure_page_gives_the_day_it_was_first_reported(site: Path) -> None:
    html = (site / MEASURE / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r"First reported</strong></td>\s*<td><a href=\"../../sources/example-notice/\">1 March 2025</a>", html
    )
    table = (site / "measures" / "index.html").read_text(encoding="utf-8")
    assert "<td>unknown</td>" not in table.split("<tbody>")[1].split("</tbody>")[0].replace("Dates unknown", "")
