"""What a reader sees, proven in Debian's Chromium driven by Playwright against the built site."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import all_pages
from playwright.sync_api import Browser, Page

COMPARED = "yiwu-export-credit-insurance-premium-subsidy,nfra-export-credit-insurance-expansion"
"""Two measures, as the address of their comparison gives them."""

SEARCHES = {
    "English name": ("Sinosure", "agencies/china-export-and-credit-insurance-corporation/"),
    "Chinese name": ("中国出口信用保险公司", "agencies/china-export-and-credit-insurance-corporation/"),
    "Chinese word inside a longer name": ("信用保险", "topics/trade-credit-insurance/"),
    "figure": ("15.3%", "measures/nfra-export-credit-insurance-expansion/"),
    "tariff level": ("145%", "events/us-additional-tariffs-on-chinese-imports/"),
    "dollar figure": ("$8 million", "measures/shenzhen-free-export-credit-insurance-small-exporters/"),
    "person": ("Li Yunze", "people/li-yunze/"),
    "person in Chinese": ("李云泽", "people/li-yunze/"),
    "agency in Chinese": ("国家金融监督管理总局", "agencies/national-financial-regulatory-administration/"),
    "place": ("Yiwu", "places/yiwu/"),
}


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the result pages once the list stops changing."""
    page.goto(site_url)
    page.locator(".md-search__input").click()
    if query.isascii():
        page.locator(".md-search__input").press_sequentially(query, delay=20)
    else:  # an input method commits a Chinese word at once
        page.keyboard.insert_text(query)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=15000)
    previous: list[str] = []
    for _ in range(20):
        current = [urlsplit(href).path for href in results.evaluate_all("els => els.map(e => e.href)")]
        if current == previous:
            return current
        previous = current
        page.wait_for_timeout(300)
    return previous


@pytest.mark.parametrize("case", SEARCHES, ids=list(SEARCHES))
def test_search_returns_the_right_page_first(page: Page, site_url: str, case: str) -> None:
    query, expected = SEARCHES[case]
    found = search(page, site_url, query)
    assert found[0].endswith(expected), f"{query!r} found {found[:3]}"


def test_enter_right_after_typing_opens_the_first_result_for_the_whole_query(page: Page, site_url: str) -> None:
    """Enter pressed before typing pauses, so before any search for the new query has run."""
    page.goto(site_url)
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("Yiwu")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially("Li Yunze")
    box.press("Enter")
    page.wait_for_url("**/people/li-yunze/", timeout=15000)


def test_search_downloads_only_part_of_the_index(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    search(page, site_url, "Sinosure")
    assert any("/pagefind/" in url for url in fetched)
    assert not any(url.endswith("search_index.json") for url in fetched)


def test_a_footnote_leads_to_the_cited_paragraph_and_back(page: Page, site_url: str) -> None:
    page.goto(site_url + "measures/yiwu-export-credit-insurance-premium-subsidy/")
    page.locator("sup[id^='fnref'] a").first.click()
    note = page.locator("div.footnote li").first
    source_link = note.locator("a:not(.footnote-backref)").first
    target = source_link.get_attribute("href") or ""
    assert "/sources/" in target and "#para-" in target
    source_link.click()
    page.wait_for_url("**/sources/**")
    fragment = page.url.split("#", 1)[1]
    paragraph = page.locator(f"[id='{fragment}']")
    assert paragraph.is_visible() and paragraph.evaluate("e => e.getBoundingClientRect().top") < 900
    assert page.locator(f"[id='{fragment}'] ~ p a[href*='yiwu-export-credit-insurance-premium-subsidy']").count()
    highlight = paragraph.evaluate("e => getComputedStyle(e).backgroundColor")
    assert highlight not in ("rgba(0, 0, 0, 0)", "transparent"), "the paragraph landed on is highlighted"
    assert page.locator("h3:not(:target)").first.evaluate("e => getComputedStyle(e).backgroundColor") == (
        "rgba(0, 0, 0, 0)"
    )
    page.go_back()
    page.wait_for_url("**/measures/yiwu-export-credit-insurance-premium-subsidy/**")
    page.locator("div.footnote li a.footnote-backref").first.click()
    assert page.url.endswith("#fnref:1")


def test_the_measures_table_filters_and_keeps_its_state_in_the_address(page: Page, site_url: str) -> None:
    page.goto(site_url + "measures/")
    rows = page.locator("article table tbody tr")
    total = rows.count()
    page.select_option("select[name='level']", "Municipal")
    visible = page.locator("article table tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert "level=Municipal" in page.url
    shared = page.url
    page.goto(shared)
    assert page.locator("select[name='level']").input_value() == "Municipal"
    assert page.locator("article table tbody tr:not([hidden])").count() == visible.count()
    page.locator("th button", has_text="Year").click()
    assert "sort=year" in page.url


def test_a_footnote_shows_the_quote_in_place_and_its_back_link_works_on_a_phone(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "measures/yiwu-export-credit-insurance-premium-subsidy/")
    note = page.locator("div.footnote li").first
    assert "“" in note.inner_text(), "the footnote shows the quote"
    page.locator("sup[id^='fnref'] a").first.tap()
    page.wait_for_url("**#fn:1")
    page.locator("div.footnote li a.footnote-backref").first.tap()
    page.wait_for_url("**#fnref:1")
    top = page.locator("[id='fnref:1']").evaluate("e => e.getBoundingClientRect().top")
    context.close()
    assert 0 <= top < 800


@pytest.mark.parametrize(
    "path", ["sources/caixin-2025-05-14-exporters-trade-war/", "sources/mofcom-stable-foreign-trade-measures-article/"]
)
def test_a_source_page_can_be_scanned(page: Page, site_url: str, path: str) -> None:
    """Per paragraph: the gist, the quotes, a short line per citing record; under 12,000 px at 1366 px."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site_url + path)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 12000, height


@pytest.mark.parametrize(
    "path",
    [
        "",
        "measures/",
        "measures/yiwu-export-credit-insurance-premium-subsidy/",
        "sources/caixin-2025-05-14-exporters-trade-war/",
        "figures/",
        "events/",
        "people/li-yunze/",
        "agencies/ministry-of-commerce/",
        f"measures/?compare={COMPARED}",
    ],
)
def test_no_horizontal_scroll_at_mobile_width(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375


def test_every_page_passes_axe_with_no_serious_or_critical_violation(page: Page, site_url: str) -> None:
    axe = Axe()
    failures = []
    pages = all_pages(site_url)
    assert len(pages) > 50
    for url in pages:
        page.goto(url)
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                failures.append(f"{url.removeprefix(site_url)}: {violation['id']} ({len(violation['nodes'])} nodes)")
    assert failures == []


def test_each_bar_of_the_home_page_leads_to_the_measures_it_counts(page: Page, site_url: str) -> None:
    """Every bar of every chart: its accessible name says how many measures, and its link opens
    the table of measures filtered to exactly that many rows."""
    page.goto(site_url)
    bars = page.locator("figure.chart svg a.chart__bar")
    found = [
        (
            bar.locator("title").text_content() or "",
            bar.get_attribute("href") or "",
        )
        for bar in bars.all()
    ]
    assert len(found) >= 12
    charts = page.locator("figure.chart svg[role='group']")
    assert charts.count() == 5
    for chart in charts.all():
        assert chart.evaluate("svg => document.getElementById(svg.getAttribute('aria-labelledby')).textContent")
    for name, href in found:
        count = int(re.fullmatch(r".*: (\d+) measures?", name).group(1))  # type: ignore[union-attr]
        page.goto(urljoin(site_url, href))
        rows = page.locator("article table tbody tr:not([hidden])")
        assert rows.count() == count, (name, href)
        assert page.locator(".measure-filters__form select").evaluate_all("selects => selects.some(s => s.value)"), (
            f"{href}: a filter is set"
        )


def test_each_chart_gives_its_counts_as_a_table_too(page: Page, site_url: str) -> None:
    page.goto(site_url)
    panels = page.locator(".dashboard__panel")
    assert panels.count() == 5
    for panel in panels.all():
        bars = panel.locator("a.chart__bar title").all_text_contents()
        summary = panel.locator("details.chart__table > summary")
        summary.click()
        rows = panel.locator("details.chart__table table tbody tr")
        assert rows.count() >= len(bars) > 0
        shown = [f"{r.locator('td').nth(0).inner_text()}: {r.locator('td').nth(1).inner_text()}" for r in rows.all()]
        assert all(any(b.startswith(s + " measure") for s in shown) for b in bars), (bars, shown)


def test_two_to_four_measures_compare_side_by_side_and_the_address_restores_it(page: Page, site_url: str) -> None:
    page.goto(site_url + "measures/")
    boxes = page.locator("article table tbody input.measure-compare__pick")
    assert boxes.count() == page.locator("article table tbody tr").count()
    label = boxes.first.get_attribute("aria-label") or ""
    assert label.startswith("Compare ") and len(label) > len("Compare ")
    compare = page.get_by_role("button", name="Compare", exact=True)
    assert compare.is_disabled()
    boxes.nth(0).check()
    assert compare.is_disabled(), "one is not enough"
    for n in range(1, 5):
        boxes.nth(n).check()
    assert compare.is_disabled(), "five are too many"
    boxes.nth(4).uncheck()
    boxes.nth(3).uncheck()
    assert compare.is_enabled()
    titles = [boxes.nth(n).get_attribute("aria-label").removeprefix("Compare ") for n in range(3)]  # type: ignore[union-attr]
    compare.click()
    table = page.locator(".measure-compare__result table")
    assert [h.inner_text() for h in table.locator("thead th").all()[1:]] == titles
    facts = [th.inner_text() for th in table.locator("tbody th[scope='row']").all()]
    assert facts == ["Instrument", "Issued by", "Where", "Level", "Status", "For", "Year", "Figures", "Sources"]
    assert page.evaluate("document.activeElement.id") == "comparison"
    sources = table.locator("tbody tr").last.locator("a")
    assert sources.count() >= 3 and "/sources/" in (sources.first.get_attribute("href") or "")
    shared = page.url
    assert "compare=" in shared and len(parse_qs(urlsplit(shared).query)["compare"][0].split(",")) == 3
    page.goto(shared)
    restored = page.locator(".measure-compare__result table")
    assert [h.inner_text() for h in restored.locator("thead th").all()[1:]] == titles
    assert page.locator("input.measure-compare__pick:checked").count() == 3
    page.select_option("select[name='level']", "National")
    assert "compare=" in page.url and "level=National" in page.url, "filters keep the comparison in the address"
    page.get_by_role("button", name="Close the comparison").click()
    assert page.locator(".measure-compare__result").is_hidden() and "compare=" not in page.url


def test_the_comparison_passes_axe(page: Page, site_url: str) -> None:
    page.goto(site_url + f"measures/?compare={COMPARED}")
    page.locator(".measure-compare__result table").wait_for()
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []


def test_a_person_page_says_who_they_are_then_what_they_did(page: Page, site_url: str) -> None:
    page.goto(site_url + "people/li-yunze/")
    lead = page.locator("article > p").first
    assert lead.inner_text().startswith("Li Yunze: Head of the National Financial Regulatory Administration")
    assert lead.locator("sup a[href^='#fn']").count() >= 1, "with its footnote"
    lines = page.locator("h2#what-they-did + ul > li")
    assert lines.count() >= 3
    for line in lines.all():
        words = line.inner_text()
        assert re.match(r"(\d{1,2} )?([A-Z][a-z]+ )?\d{4}|Date unknown", words), words
        assert "status: " in words or "(event)" in words, words
