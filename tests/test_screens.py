"""Every screen, in Debian's Chromium: a phone, the dark scheme, the navigation, and the words
that say what instruments, topics and tags are for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

SITE_NAME = "China Trade Support Tracker"
PHONE = {"viewport": {"width": 375, "height": 800}, "is_mobile": True, "has_touch": True}
MEASURE = "measures/yiwu-export-credit-insurance-premium-subsidy/"
SOURCE = "sources/caixin-2025-05-14-exporters-trade-war/"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(**PHONE)  # type: ignore[arg-type]
    yield context.new_page()
    context.close()


def test_on_a_phone_every_column_of_the_measures_table_is_on_screen(phone: Page, site_url: str) -> None:
    """Each row is a card: every cell, Level and Status included, lies inside the 375 px screen,
    labelled with its column, and nothing scrolls sideways, the page or the table."""
    phone.goto(site_url + "measures/")
    table = phone.locator("table[data-measure-table]")
    table.wait_for()
    widths = table.evaluate(
        "t => [document.documentElement.scrollWidth, t.parentElement.scrollWidth, t.parentElement.clientWidth]"
    )
    assert widths[0] <= 375 and widths[1] <= widths[2]
    first = table.locator("tbody tr").first
    headings = table.locator("thead th").all_inner_texts()
    for column, heading in enumerate(headings):
        cell = first.locator("td").nth(column)
        box = cell.bounding_box()
        assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= 375, heading
        if column:
            label = cell.evaluate("td => getComputedStyle(td, '::before').content")
            assert label.strip('"') == heading.strip(" ↕↑↓"), heading
    assert {"Level", "Status"} <= {h.strip(" ↕↑↓") for h in headings}


def test_on_a_phone_the_filters_fold_away_and_say_how_many_are_in_use(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "measures/?level=National")
    fold = phone.locator(".measure-filters__fold")
    fold.wait_for()
    assert fold.evaluate("d => d.open") is False
    assert not phone.locator("select[name=status]").is_visible()
    assert fold.locator("summary").inner_text() == "Filters (1 in use)"
    fold.locator("summary").tap()
    phone.locator("select[name=status]").select_option("In force")
    assert fold.locator("summary").inner_text() == "Filters (2 in use)"
    shown = phone.locator("table[data-measure-table] tbody tr:not([hidden])")
    statuses = shown.locator("td[data-label=Status]").all_inner_texts()
    assert statuses and all(s == "In force" for s in statuses)


def test_on_a_wide_screen_the_filters_are_open(page: Page, site_url: str) -> None:
    page.goto(site_url + "measures/")
    page.locator(".measure-filters__fold").wait_for()
    assert page.locator("select[name=status]").is_visible()


def test_on_a_phone_footnote_links_are_a_fingers_width(phone: Page, site_url: str) -> None:
    """Back links show without a pointer and take a 44 px square; footnote numbers at least 24 px."""
    phone.goto(site_url + MEASURE)
    backs = phone.locator(".footnote-backref")
    assert backs.count() > 3
    for index in range(backs.count()):
        back = backs.nth(index)
        box = back.bounding_box()
        assert box is not None and box["width"] >= 44 and box["height"] >= 44
        assert back.evaluate("a => getComputedStyle(a).opacity") == "1"
    numbers = phone.locator("sup > a.footnote-ref")
    for index in range(numbers.count()):
        box = numbers.nth(index).bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24
    backs.first.tap()
    assert phone.evaluate("location.hash").startswith("#fnref")


def _scheme(page: Page) -> str:
    return str(page.locator("body").get_attribute("data-md-color-scheme"))


@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_the_colour_scheme_follows_the_system(browser: Browser, site_url: str, system: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=system)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site_url)
    assert _scheme(page) == scheme
    context.close()


def test_the_toggle_overrides_the_system_and_the_choice_is_kept(browser: Browser, site_url: str) -> None:
    """System -> light -> dark -> system again, each by the header's toggle; a choice holds on
    the next page."""
    context: BrowserContext = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url)
    seen = [_scheme(page)]
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").click()
        seen.append(_scheme(page))
    assert seen == ["slate", "default", "slate", "slate"]
    page.locator("form[data-md-component=palette] label:visible").click()  # light again
    page.goto(site_url + MEASURE)
    assert _scheme(page) == "default"
    context.close()


DARK_PAGES = [
    "",
    MEASURE,
    SOURCE,
    "measures/",
    "measures/?compare=yiwu-export-credit-insurance-premium-subsidy,nfra-export-credit-insurance-expansion",
    "people/li-yunze/",
    "places/yiwu/",
    "topics/premium-subsidies/",
    "open-data/",
    "codebook/",
    "coverage/",
    "figures/",
]
"""A page of each kind, for the dark scheme's contrast."""


@pytest.mark.parametrize("path", DARK_PAGES)
def test_the_dark_scheme_passes_axe(browser: Browser, site_url: str, path: str) -> None:
    """Colour contrast included: our badges, charts and code colours are readable on slate."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + path)
    assert _scheme(page) == "slate"
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [(v["id"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")] == []


def test_the_navigation_puts_measures_and_sources_first(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    top = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > :is(a, label, div) ").all_inner_texts()
    names = [name.strip() for name in top if name.strip()]
    assert names[:3] == ["Home", "Measures", "Sources"]
    assert names.index("About") > names.index("Events")


@pytest.mark.parametrize("path", ["", MEASURE, "measures/"])
def test_the_site_name_shows_once(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    shown = page.get_by_text(SITE_NAME, exact=True).filter(visible=True)
    assert shown.count() == 1
    assert page.locator("h1").inner_text() != SITE_NAME


@pytest.mark.parametrize("path", ["tags/", "topics/", "measures/"])
def test_instruments_topics_and_tags_say_what_each_is_for(page: Page, site_url: str, path: str) -> None:
    """Each page that groups measures one way links to the one place that tells the three apart."""
    page.goto(site_url + path)
    page.locator("article a[href$='about/#instruments-topics-and-tags']").first.click()
    section = page.locator("h2#instruments-topics-and-tags ~ ul").first
    terms = section.locator("li > strong").all_inner_texts()
    assert terms == ["instrument", "topic", "tag"]
    assert "how" in section.locator("li").nth(0).inner_text() and "what" in section.locator("li").nth(1).inner_text()
