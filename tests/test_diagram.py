"""The diagram drawn at build time: an SVG in a raw HTML figure, each box a link, names as text."""

from __future__ import annotations

import dataclasses
import re
from html import escape

from conftest import CORPUS
from htmlsite import elements

from generator.catalog import Catalog
from generator.load import load_catalog
from generator.render.diagram import MOST_PER_SIDE, diagram


def corpus_with(**titles: str) -> Catalog:
    """The fixture corpus plus a copy of its first measure for each id, with the title given."""
    catalog = load_catalog(CORPUS / "content")
    model = catalog.measures["example-city-premium-subsidy"]
    records = {folder: dict(records) for folder, records in catalog.records.items()}
    for record_id, title in titles.items():
        records["measures"][record_id] = dataclasses.replace(model, id=record_id, title=title, relations=())
    return Catalog(records=records)


def test_the_diagram_is_one_raw_figure_with_a_heading_and_no_mermaid() -> None:
    lines = diagram(load_catalog(CORPUS / "content"), ("measures", "example-city-premium-subsidy"))
    assert lines[:3] == ["## Diagram", "", '<figure class="diagram" data-pagefind-ignore>']
    assert lines[-2:] == ["</figure>", ""]
    assert "" not in lines[2:-1], "a blank line would end the raw HTML block"
    assert not [line for line in lines if "mermaid" in line]


def test_each_box_links_to_its_records_page_as_the_site_serves_it() -> None:
    html = "\n".join(diagram(load_catalog(CORPUS / "content"), ("measures", "example-city-premium-subsidy")))
    links = [attributes.get("href") or "" for tag, attributes in elements(html) if tag == "a"]
    assert links == [
        "../../agencies/example-ministry/",
        "../../measures/example-insurance-programme/",
        "../../sources/example-notice/",
        "../../sources/example-digest/",
    ]


def test_a_long_name_is_cut_on_screen_and_whole_in_its_title() -> None:
    name = "A very long name " * 8 + "<b>&"
    html = "\n".join(diagram(corpus_with(long=name), ("agencies", "example-ministry")))
    assert f"<title>{escape(' '.join(name.split()))}</title>" in html
    shown = [re.sub(r"<[^>]+>", " ", text) for text in re.findall(r"<text text-anchor[^>]*>(.*?)</text>", html)]
    assert any(line.rstrip().endswith("…") and "A very long" in line for line in shown)
    assert "<b>" not in html


def test_a_column_of_many_records_ends_in_a_box_that_counts_the_rest() -> None:
    catalog = corpus_with(**{f"extra-{n:02d}": f"Extra measure {n}" for n in range(MOST_PER_SIDE + 5)})
    html = "\n".join(diagram(catalog, ("agencies", "example-ministry")))
    links = [attributes.get("href") or "" for tag, attributes in elements(html) if tag == "a"]
    assert len([link for link in links if "/measures/" in link]) == MOST_PER_SIDE - 1
    rest = len(catalog.responsible_for["example-ministry"]) - (MOST_PER_SIDE - 1)
    assert f"<title>and {rest} more, listed on this page</title>" in html


def test_the_drawing_is_the_same_every_time() -> None:
    catalog = load_catalog(CORPUS / "content")
    first = diagram(catalog, ("measures", "example-insurance-programme"))
    assert first == diagram(load_catalog(CORPUS / "content"), ("measures", "example-insurance-programme"))


def test_a_record_that_links_nowhere_has_no_diagram() -> None:
    catalog = load_catalog(CORPUS / "content")
    assert [key for key in catalog.keys() if key[0] == "agencies" and not diagram(catalog, key)] == []
    lonely = dataclasses.replace(catalog.agencies["example-insurer"], parent=None, id="lonely")
    records = {folder: dict(records) for folder, records in catalog.records.items()}
    records["agencies"]["lonely"] = lonely
    assert diagram(Catalog(records=records), ("agencies", "lonely")) == []
