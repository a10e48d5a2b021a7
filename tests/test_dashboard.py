"""The home page's dashboard, the comparison data and what person and agency pages say of what
they did: the pure functions, on the fixture corpus and on copies of it with hostile or
dated records (the browser tests are in test_browser.py and test_hostile.py)."""

from __future__ import annotations

import dataclasses
import json
import re
from html import escape
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import CORPUS
from htmlsite import elements

from generator import verbatim
from generator.catalog import Catalog
from generator.dates import PartialDate
from generator.load import load_catalog
from generator.model import DatedFact, Lifecycle, Measure
from generator.render.bodies import Page, agency_body, person_body
from generator.render.charts import Bar, Slot, bar_chart, column_chart
from generator.render.compare import DATA_ID, comparison, comparison_data
from generator.render.dashboard import by_date, dashboard, facet_counts
from generator.render.facets import ISSUED_BY, LEVEL, STATUS, measure_date, values
from generator.render.indexes import HIGHLIGHTS_MARKER, highlights, measures_index
from generator.render.markdown import text

HOSTILE = '<img src=x onerror=alert(1)> "q" & [a](javascript:x) </script><!-- *b* ; c'


@pytest.fixture(scope="module")
def corpus() -> Catalog:
    return load_catalog(CORPUS / "content")


def with_measures(catalog: Catalog, measures: dict[str, Measure]) -> Catalog:
    """The catalog with its measures replaced by ``measures`` (id -> measure)."""
    records = {folder: dict(records) for folder, records in catalog.records.items()}
    records["measures"] = measures
    return Catalog(records=records)


def dated(catalog: Catalog, *days: str | None) -> Catalog:
    """The catalog with one copy of its first measure per date (announced on it; None: no date,
    and no dated source either)."""
    model = catalog.measures["example-city-premium-subsidy"]
    undated_sources = {folder: dict(records) for folder, records in catalog.records.items()}
    for source_id, source in catalog.sources.items():
        undated_sources["sources"][source_id] = dataclasses.replace(source, published=None)
    measures = {}
    for number, day in enumerate(days):
        dates = Lifecycle(announced=DatedFact(PartialDate.parse(day), model.summary.cite)) if day else Lifecycle()
        measures[f"m{number}"] = dataclasses.replace(model, id=f"m{number}", dates=dates, relations=())
    undated_sources["measures"] = measures
    return Catalog(records=undated_sources)


# The numbers -----------------------------------------------------------------------------------


def test_counts_follow_what_the_table_shows_each_measure_once_under_each_of_its_values(corpus: Catalog) -> None:
    assert facet_counts(corpus, LEVEL) == [("National", 1), ("Municipal", 1)], "in the order of the levels"
    assert facet_counts(corpus, ISSUED_BY) == [("Example Ministry", 2), ("Example Insurer", 1)]
    assert facet_counts(corpus, STATUS) == [("In force", 1), ("Unknown", 1)]
    twice = dataclasses.replace(corpus.measures["example-insurance-programme"], agencies=("example-ministry",) * 2)
    catalog = with_measures(corpus, {**corpus.measures, twice.id: twice})
    assert facet_counts(catalog, ISSUED_BY) == [("Example Ministry", 2)]


def test_a_measure_is_dated_by_its_announcement_or_else_by_its_first_report(corpus: Catalog) -> None:
    programme = corpus.measures["example-insurance-programme"]
    assert measure_date(corpus, programme) == (PartialDate(2025, 3, 1), "announced")
    reported = dataclasses.replace(programme, dates=Lifecycle())
    assert measure_date(corpus, reported) == (PartialDate(2025, 3, 1), "first reported")
    assert values(corpus, reported)[ISSUED_BY] == ("Example Ministry", "Example Insurer")


def test_the_timeline_goes_month_by_month_and_shows_at_least_six_months(corpus: Catalog) -> None:
    timeline = by_date(dated(corpus, "2025-05-14", "2025-05-02", "2025-03", None))
    assert timeline.unit == "month"
    assert [(when.iso(), count) for when, count in timeline.counts] == [
        ("2024-12", 0),
        ("2025-01", 0),
        ("2025-02", 0),
        ("2025-03", 1),
        ("2025-04", 0),
        ("2025-05", 2),
    ]
    assert timeline.undated == 1


@pytest.mark.parametrize(
    ("days", "years"),
    [
        (("2021-01-05", "2025-05-14"), [2021, 2022, 2023, 2024, 2025]),  # more than two years apart
        (("2025", "2025-05-14"), [2023, 2024, 2025]),  # one date known only to the year
    ],
)
def test_the_timeline_goes_year_by_year_when_months_would_not_do(
    corpus: Catalog, days: tuple[str, ...], years: list[int]
) -> None:
    timeline = by_date(dated(corpus, *days))
    assert timeline.unit == "year"
    assert [when.year for when, _ in timeline.counts] == years
    assert sum(count for _, count in timeline.counts) == 2


def test_no_dated_measure_leaves_only_the_undated_column(corpus: Catalog) -> None:
    timeline = by_date(dated(corpus, None, None))
    assert (timeline.counts, timeline.undated) == ((), 2)
    markdown = "\n".join(dashboard(dated(corpus, None, None)))
    assert "measures/?year=unknown" in markdown and "2 measures have neither" in markdown


# The drawing -----------------------------------------------------------------------------------


def test_a_bar_chart_draws_names_as_text_each_bar_a_titled_link() -> None:
    bars = [Bar(HOSTILE, 3, "measures/?issued-by=a%3Cb&level=x"), Bar("Short", 1, "")]
    svg = "\n".join(bar_chart("agency", "Measures by agency", bars))
    found = elements(svg)
    assert {tag for tag, _ in found} <= {"svg", "title", "a", "g", "rect", "text", "tspan"}
    assert not [attributes for _, attributes in found if "onerror" in attributes or "src" in attributes]
    assert f"<title>{escape(' '.join(HOSTILE.split()))}: 3 measures</title>" in svg
    assert "<title>Short: 1 measure</title>" in svg
    assert [a.get("href") for tag, a in found if tag == "a"] == ["measures/?issued-by=a%3Cb&level=x"]
    assert svg.count('class="chart__bar"') == 2, "a bar that leads nowhere is a group, not a link"
    assert "<script" not in svg and "<!--" not in svg and "<img" not in svg
    assert "" not in svg.split("\n"), "a blank line would end the raw HTML block"


def test_bars_are_as_long_as_their_counts_and_sized_in_percent() -> None:
    svg = "\n".join(bar_chart("x", "t", [Bar("a", 10, "#a"), Bar("b", 5, "#b"), Bar("c", 0, "#c")]))
    widths = re.findall(r'class="chart__fill" x="0" y="[\d.]+" width="([\d.]+)%"', svg)
    assert [float(w) for w in widths] == [86, 43, 0]
    assert "viewBox" not in svg and 'width="100%"' in svg, "the chart fills its column; its text keeps its size"


def test_a_column_chart_links_each_month_with_measures_and_sets_the_undated_apart() -> None:
    slots = [Slot(Bar("April 2025", 0, "measures/?month=2025-04"), "Apr", "2025", "April 2025")]
    slots.append(Slot(Bar("May 2025", 4, "measures/?month=2025-05"), "May", "", "May 2025"))
    apart = Slot(Bar("No known date", 2, "measures/?year=unknown"), "no date", name="No known date")
    svg = "\n".join(column_chart("by-date", "Measures by month", slots, apart))
    assert [a.get("href") for tag, a in elements(svg) if tag == "a"] == [
        "measures/?month=2025-05",
        "measures/?year=unknown",
    ]
    assert "<title>May 2025: 4 measures</title>" in svg and "<title>No known date: 2 measures</title>" in svg
    assert svg.count("chart__fill--apart") == 1
    labels = re.findall(r'class="chart__axis-(?:label|group)"[^>]*>([^<]*)<', svg)
    assert labels == ["Apr", "2025", "May", "no date"]


def test_a_long_axis_is_labelled_sparsely_and_every_year_is_named() -> None:
    slots = [Slot(Bar(f"m{i}", 1, f"#m{i}"), f"M{i}", "Y" if i in (0, 12) else "") for i in range(24)]
    svg = "\n".join(column_chart("t", "t", slots))
    assert re.findall(r'class="chart__axis-label"[^>]*>([^<]*)<', svg) == [f"M{i}" for i in range(0, 24, 2)]
    assert len(re.findall(r'class="chart__axis-group"', svg)) == 2


# The home page ---------------------------------------------------------------------------------


def test_every_chart_bar_leads_to_the_table_filtered_as_its_text_table_says(corpus: Catalog) -> None:
    """Each bar's address and count are those of its row in the table under the chart."""
    markdown = highlights(corpus)
    bars = re.findall(r'<a class="chart__bar" href="([^"]+)">\s*<title>([^<]*): (\d+) measures?</title>', markdown)
    rows = re.findall(r"^\| \[([^\]]*)\]\(([^)]*)\) \| (\d+) \|$", markdown, re.MULTILINE)
    assert len(bars) == len(rows) >= 8
    for (href, _, count), (_, target, shown) in zip(bars, rows, strict=True):
        assert href.replace("&amp;", "&") == target.replace("measures/index.md", "measures/", 1)
        assert count == shown
    assert parse_qs(urlsplit(bars[0][0]).query) == {"month": ["2025-03"]}
    assert markdown.index("## At a glance") < markdown.index("## Newest measures") < markdown.index("## Most ref")


def test_the_home_page_marker_is_the_one_in_docs() -> None:
    assert HIGHLIGHTS_MARKER in (CORPUS.parent.parent / "docs" / "index.md").read_text(encoding="utf-8")


def test_hostile_names_stay_text_in_the_dashboard(corpus: Catalog) -> None:
    records = {folder: dict(records) for folder, records in corpus.records.items()}
    records["agencies"]["example-ministry"] = dataclasses.replace(corpus.agencies["example-ministry"], name=HOSTILE)
    markdown = highlights(Catalog(records=records))
    assert "<img" not in markdown and "</script>" not in markdown and "<!-- *b*" not in markdown
    assert escape(" ".join(HOSTILE.split()), quote=True) in markdown, "in the SVG: escaped as HTML"
    assert f"[{text(HOSTILE)}](measures/index.md?issued-by=%3Cimg+src" in markdown, "in the table: as Markdown"


# The comparison --------------------------------------------------------------------------------


def test_the_comparison_data_holds_figures_and_sources_and_no_markup(corpus: Catalog) -> None:
    records = {folder: dict(records) for folder, records in corpus.records.items()}
    model = corpus.measures["example-city-premium-subsidy"]
    figure = dataclasses.replace(model.figures[0], what=HOSTILE)
    records["measures"][model.id] = dataclasses.replace(model, figures=(figure,))
    catalog = Catalog(records=records)
    measures = list(catalog.measures.values())
    (line, blank) = comparison_data(catalog, measures)
    assert blank == ""
    ((tag, attributes),) = elements(line)
    assert (tag, attributes["id"], attributes["hidden"]) == ("div", DATA_ID, None)
    assert line.endswith('"></div>') and line.count('"') == 4, "the JSON cannot end its attribute"
    assert "<" not in line.removeprefix("<div").removesuffix("</div>").replace("></", ""), "nor open an element"
    blob = attributes["data-measures"] or ""
    assert json.loads(blob) == comparison(catalog, measures)
    found = json.loads(blob)
    assert found["measures"][model.id] == {
        "figures": [["up to 50%", HOSTILE, "not stated"]],
        "sources": ["example-notice"],
    }
    assert found["sources"]["example-notice"] == [
        "Notice on Example Support for Exporters",
        "Example Ministry, 1 March 2025",
        "../sources/example-notice/",
    ]
    unknown = dataclasses.replace(catalog.sources["example-notice"], publisher="unknown", published=None)
    records["sources"]["example-notice"] = unknown
    assert comparison(Catalog(records=records), measures)["sources"]["example-notice"][1] == (  # type: ignore[index]
        "publisher unknown, undated"
    )


def test_the_measures_table_carries_the_comparison_data_before_its_filters_and_each_date(corpus: Catalog) -> None:
    page = measures_index(corpus)
    lines = page.splitlines()
    data = next(i for i, line in enumerate(lines) if f'id="{DATA_ID}"' in line)
    mount = next(i for i, line in enumerate(lines) if 'id="measure-filters"' in line)
    assert data < mount and lines[mount + 2] == verbatim.START, "the table follows the filters' mount"
    assert lines[mount + 3 : mount + 7] == ["<table>", "<thead>", "<tr>", "<th>Measure</th>"]
    assert 'data-month="year month"' in lines[mount]
    assert [line for line in lines if line.startswith("<td>")][-1] == '<td><time datetime="2025-03-01">2025</time></td>'
    year_only = dataclasses.replace(corpus.measures["example-insurance-programme"], dates=Lifecycle())
    year_only = dataclasses.replace(
        year_only, dates=Lifecycle(announced=DatedFact(PartialDate(2025), year_only.summary.cite))
    )
    page = measures_index(with_measures(corpus, {year_only.id: year_only}))
    assert [line for line in page.splitlines() if line.startswith("<td>")][-1] == "<td>2025</td>", "no month, no <time>"


# Person and agency pages -----------------------------------------------------------------------


def test_a_person_page_opens_with_their_first_role_cited_then_what_they_did(corpus: Catalog) -> None:
    person = corpus.people["jane-example"]
    page = Page.of(corpus, person)
    lines = person_body(person, page)
    assert lines[0] == '<a id="role-1"></a>Jane Example: Minister.[^1]'
    assert "| **Body** | [Example Ministry](../agencies/example-ministry.md) |" in lines
    start = lines.index("## What they did")
    assert lines[start - 2] == '<div data-pagefind-ignore="all" markdown="1">'
    assert lines[start + 2 : start + 4] == [
        "- **1 March 2025** (announced) · [Example export credit insurance programme]"
        "(../measures/example-insurance-programme.md) · announced or spoke for it · status: in force",
        "- **1 March 2025** · [Example Ministry announces the programme](../events/example-announcement.md) "
        "(event) · involved",
    ]


def test_a_person_with_several_roles_lists_the_others_with_their_anchors(corpus: Catalog) -> None:
    person = corpus.people["jane-example"]
    role = person.roles[0]
    several = dataclasses.replace(
        person,
        name=HOSTILE,
        roles=(dataclasses.replace(role, title="Minister. "), dataclasses.replace(role, title="Envoy", agency=None)),
    )
    lines = person_body(several, Page.of(corpus, several))
    assert lines[0] == f'<a id="role-1"></a>{text(HOSTILE)}: Minister.[^1]', "no second full stop"
    assert "## Other roles" in lines and '- <a id="role-2"></a>Envoy[^1]' in lines


def test_an_agency_page_lists_the_measures_it_issues_with_the_other_issuers_newest_first(corpus: Catalog) -> None:
    insurer = corpus.agencies["example-insurer"]
    lines = agency_body(insurer, Page.of(corpus, insurer))
    assert lines[0].startswith('<a id="description"></a>A state-backed insurer')
    start = lines.index("## What they did")
    assert lines[start + 2] == (
        "- **1 March 2025** (announced) · [Example export credit insurance programme]"
        "(../measures/example-insurance-programme.md) · issues or carries it out, with "
        "[Example Ministry](../agencies/example-ministry.md) · status: in force"
    )
    catalog = dated(corpus, None, "2024-02", "2025-01-09")
    ministry = catalog.agencies["example-ministry"]
    lines = agency_body(ministry, Page.of(catalog, ministry))
    listed = [line for line in lines if line.startswith("- **")]
    assert [re.sub(r"\*\*(.*?)\*\*.*", r"\1", line) for line in listed] == [
        "- 1 March 2025",  # the event
        "- 9 January 2025",
        "- February 2024",
        "- Date unknown",
    ]


def test_nobody_named_anywhere_is_said_so(corpus: Catalog) -> None:
    catalog = with_measures(corpus, {})
    person = catalog.people["jane-example"]
    records = {folder: dict(records) for folder, records in catalog.records.items()}
    records["events"] = {}
    catalog = Catalog(records=records)
    lines = person_body(person, Page.of(catalog, person))
    assert "No measure or event on the site names them." in lines
