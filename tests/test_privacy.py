"""Privacy and resilience: a reader's browser asks no host but the site's own, and every page
works with all other hosts blocked.

The real content is built with `mkdocs build --strict` and served on localhost; Chromium aborts
every request for another host and records it. Such requests were Material's Mermaid script
from a CDN (a diagram left as code, and Material's scripts stopped, where the CDN is blocked),
the GitHub API (the repository's stars and forks in the header) and web fonts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BASE, ROOT, make_site, mkdocs_build, serve
from playwright.sync_api import Browser, Page, Route, expect

from generator.addresses import url
from generator.load import load_catalog

DIAGRAM_PAGE = "measures/nfra-trade-credit-insurance-support/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mkdocs_build(make_site(tmp_path_factory.mktemp("privacy"), ROOT / "content"))


@pytest.fixture(scope="module")
def site_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("privacy-served")
    (root / BASE.strip("/")).symlink_to(site, target_is_directory=True)
    with serve(root) as address:
        yield address


@dataclass
class Visit:
    """What one page did in the browser with every other host blocked."""

    asked: list[str] = field(default_factory=list)
    """Addresses on other hosts that the page asked for (each aborted)."""
    errors: list[str] = field(default_factory=list)
    """Uncaught script errors."""
    diagram: tuple[float, float] | None = None
    """Width and height of the page's diagram, if it has one."""

    @property
    def drawn(self) -> bool:
        """Whether the page shows a diagram with a width and a height."""
        return self.diagram is not None and min(self.diagram) > 0


def only_this_host(page: Page, site_url: str, visit: Visit) -> None:
    """Abort, and note, every request of ``page`` for a host other than the site's."""
    host = urlsplit(site_url).netloc

    def handle(route: Route) -> None:
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            visit.asked.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))


@pytest.fixture(scope="module")
def visits(browser: Browser, site: Path, site_url: str) -> dict[str, Visit]:
    """Every HTML page of the site (record, section, hand-written, redirect and 404 pages), each
    opened in a tab of its own until the network is idle."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    found = {}
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        visit = found[name] = Visit()
        page = context.new_page()
        only_this_host(page, site_url, visit)
        page.goto(site_url + name.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        drawings = page.locator("figure.diagram svg")
        if drawings.count():
            box = drawings.first.bounding_box()
            visit.diagram = (box["width"], box["height"]) if box else (0, 0)
        page.close()
    context.close()
    return found


def test_no_page_asks_any_host_but_the_site(visits: dict[str, Visit]) -> None:
    asked = {name: visit.asked for name, visit in visits.items() if visit.asked}
    assert asked == {}, "pages asked other hosts (a CDN script? the GitHub API? web fonts?)"
    assert len(visits) > 50


def test_no_page_raises_a_script_error_with_other_hosts_blocked(visits: dict[str, Visit]) -> None:
    errors = {name: visit.errors for name, visit in visits.items() if visit.errors}
    assert errors == {}


def test_every_measure_page_shows_its_diagram_drawn(visits: dict[str, Visit], site: Path) -> None:
    measures = [url(("measures", measure)) + "index.html" for measure in load_catalog(ROOT / "content").measures]
    assert measures
    assert [name for name in measures if not visits[name].drawn] == [], "measure pages without a drawn SVG diagram"
    assert [name for name, visit in visits.items() if visit.diagram and not visit.drawn] == [], "diagrams of no size"
    assert any(name.startswith("agencies/") and visit.drawn for name, visit in visits.items())
    mermaid = [
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if 'class="mermaid"' in p.read_text("utf-8")
    ]
    assert mermaid == [], "pages that still hold a Mermaid block (drawn only by a script from a CDN)"


def test_materials_scripts_run_on_a_diagram_page_with_other_hosts_blocked(browser: Browser, site_url: str) -> None:
    """Scrolling shows the page's title in the header and the back-to-top button (neither did when
    Material's bundle failed to load Mermaid from a CDN), and the search answers."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    visit = Visit()
    only_this_host(page, site_url, visit)
    page.goto(site_url + DIAGRAM_PAGE)
    page.mouse.wheel(0, 2500)
    expect(page.locator(".md-header__title")).to_have_class(re.compile(r"\bmd-header__title--active\b"))
    page.mouse.wheel(0, -300)
    expect(page.locator(".md-top")).to_be_visible()
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Yiwu", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    context.close()
    assert visit.asked == [] and visit.errors == []
