"""Every address the site uses, one table of cases each (as mkdocs-autorefs tests its URLs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from generator import addresses
from generator.addresses import Key

MEASURE: Key = ("measures", "yiwu-premium-subsidy")
SOURCE: Key = ("sources", "caixin-2025-05-14")
SITE = "https://example.org/tracker/"

CASES: list[tuple[Callable[..., str], tuple[Any, ...], str]] = [
    (addresses.page_path, (MEASURE,), "measures/yiwu-premium-subsidy.md"),
    (addresses.page_path, (("people", "li-yunze"),), "people/li-yunze.md"),
    (addresses.section_path, ("measures",), "measures/index.md"),
    (addresses.section_path, ("measures", "by-status"), "measures/by-status.md"),
    (addresses.source_file, (MEASURE,), "content/measures/yiwu-premium-subsidy.yaml"),
    (addresses.href, (MEASURE,), "../measures/yiwu-premium-subsidy.md"),
    (addresses.href, (SOURCE, "para-10"), "../sources/caixin-2025-05-14.md#para-10"),
    (addresses.home_href, (MEASURE,), "measures/yiwu-premium-subsidy.md"),
    (addresses.url, (MEASURE,), "measures/yiwu-premium-subsidy/"),
    (addresses.url, (MEASURE, "figure-2"), "measures/yiwu-premium-subsidy/#figure-2"),
    (addresses.served_href, (MEASURE,), "../../measures/yiwu-premium-subsidy/"),
    (addresses.served_href, (SOURCE, "para-4"), "../../sources/caixin-2025-05-14/#para-4"),
    (addresses.permalink, (SITE, MEASURE), "https://example.org/tracker/measures/yiwu-premium-subsidy/"),
    (addresses.permalink, (SITE, SOURCE, "para-4"), "https://example.org/tracker/sources/caixin-2025-05-14/#para-4"),
    (addresses.redirect_path, ("measures", "old-id"), "measures/old-id/index.html"),
    (addresses.redirect_target, (MEASURE,), "../yiwu-premium-subsidy/"),
    (
        addresses.edit_url,
        ("https://github.com/o/r/", "content/measures/x.yaml"),
        "https://github.com/o/r/edit/main/content/measures/x.yaml",
    ),
    (
        addresses.edit_url,
        ("https://github.com/o/r", "docs/about.md", "dev"),
        "https://github.com/o/r/edit/dev/docs/about.md",
    ),
    (addresses.fragment, ("",), ""),
    (addresses.fragment, ("summary",), "#summary"),
    (addresses.paragraph_anchor, ("4",), "para-4"),
    (addresses.paragraph_anchor, ("whos-who-tmall",), "para-whos-who-tmall"),
    (addresses.statement_anchor, ("summary",), "summary"),
    (addresses.statement_anchor, ("date-announced",), "date-announced"),
    (addresses.statement_anchor, ("provision", 3), "provision-3"),
]


@pytest.mark.parametrize(("address", "arguments", "expected"), CASES, ids=[f"{c[0].__name__}-{c[2]}" for c in CASES])
def test_address(address: Callable[..., str], arguments: tuple[Any, ...], expected: str) -> None:
    assert address(*arguments) == expected


def test_a_link_between_pages_lands_where_the_site_serves_the_page() -> None:
    """From a record's page (served at folder/id/), its Markdown link, its raw HTML link and its URL reach
    the same page."""
    import posixpath

    served_from = addresses.url(SOURCE)
    link = addresses.href(MEASURE, "summary")
    assert posixpath.normpath(posixpath.join(posixpath.dirname(addresses.page_path(SOURCE)), link.split("#")[0])) == (
        addresses.page_path(MEASURE)
    )
    redirect_from = posixpath.dirname(addresses.redirect_path("measures", "old-id"))
    assert posixpath.normpath(posixpath.join(redirect_from, addresses.redirect_target(MEASURE))) + "/" == (
        addresses.url(MEASURE)
    )
    assert served_from == "sources/caixin-2025-05-14/"
    raw = addresses.served_href(MEASURE, "summary")
    assert posixpath.normpath(posixpath.join(served_from, raw.split("#")[0])) + "/" == addresses.url(MEASURE)
