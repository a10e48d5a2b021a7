"""A site past the size at which grouped pages stop listing every measure: it builds strictly,
its links resolve, and each group's count and filtered-table link show the right measures."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_site, mkdocs_build
from htmlsite import broken_links

from generator.render.indexes import LIST_LIMIT

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("large") / "content"
    write_corpus(LIST_LIMIT + 1, content)
    return mkdocs_build(make_site(content.parent, content))


def test_a_large_site_builds_with_every_link_resolving(large_site: Path) -> None:
    assert broken_links(large_site) == []
    assert len(list((large_site / "measures").glob("measure-*/index.html"))) == LIST_LIMIT + 1


def test_grouped_pages_give_counts_and_filtered_links_past_the_limit(large_site: Path) -> None:
    agencies = (large_site / "agencies" / "index.html").read_text(encoding="utf-8")
    counts = [int(n) for n in re.findall(r"(\d+) measures?: <a href=\"../measures/\?issued-by=", agencies)]
    assert sum(counts) == LIST_LIMIT + 1, "every measure is counted under its one agency"
    by_status = (large_site / "measures" / "by-status" / "index.html").read_text(encoding="utf-8")
    assert f"{LIST_LIMIT + 1} measures: " in by_status and "../?status=Unknown" in by_status
    topics = (large_site / "topics" / "index.html").read_text(encoding="utf-8")
    assert "listed on the page of" in topics
    assert "<table>" not in agencies + by_status + topics
