"""The home page's dashboard: how many measures there are by date, instrument, level, status and
issuing agency, each drawn as an SVG chart (``charts.py``) whose bars lead to the table of
measures filtered to them, with the same counts as a table under it.

Counts are taken from what the table of measures shows (``facets.values``), so that a bar of N
measures leads to a table of N rows. Links are relative to the home page, at the site root.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from generator.catalog import Catalog
from generator.dates import PartialDate
from generator.labels import LEVELS, STATUSES
from generator.render.charts import Bar, Slot, bar_chart, column_chart, measures
from generator.render.facets import (
    INSTRUMENT,
    ISSUED_BY,
    LEVEL,
    MONTH,
    STATUS,
    UNKNOWN_YEAR,
    YEAR,
    Column,
    measure_date,
    month_key,
    query,
    values,
)
from generator.render.markdown import table, text

TABLE_SERVED = "measures/"
"""The table of all measures, as the site serves it, from the home page (for raw HTML)."""
TABLE_PAGE = "measures/index.md"
"""The same, as a Markdown link that MkDocs checks and rewrites."""
MOST_AGENCIES = 8
"""Most agencies charted; the others are counted in a line under the chart."""
LEAST_MONTHS = 6
"""The fewest months the timeline spans: a short run is shown with the months before it."""
MOST_MONTHS = 24
"""The most months the timeline shows month by month; a longer span is shown year by year."""
LEAST_YEARS = 3
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def facet_counts(catalog: Catalog, column: Column) -> list[tuple[str, int]]:
    """Each value of ``column`` with the number of measures that show it: a measure with several
    values (instruments, agencies) counts under each, once."""
    counted = Counter(value for m in catalog.measures.values() for value in dict.fromkeys(values(catalog, m)[column]))
    order = {LEVEL: list(LEVELS.values()), STATUS: list(STATUSES.values())}.get(column)
    if order:
        return [(value, counted[value]) for value in order if counted[value]]
    return sorted(counted.items(), key=lambda item: (-item[1], item[0].lower(), item[0]))


@dataclass(frozen=True)
class Timeline:
    """How many measures fall in each month (or year) from the first to the last, and how many
    have no date. Each measure is dated by when it was announced or else first reported."""

    unit: Literal["month", "year"]
    counts: tuple[tuple[PartialDate, int], ...]
    """Each month (or year) in order, empty ones included, with its count."""
    undated: int


def by_date(catalog: Catalog) -> Timeline:
    """Measures by month when every date is known to the month and they span at most
    ``MOST_MONTHS`` (at least ``LEAST_MONTHS`` are shown, ending with the last); else by year."""
    dates = [found[0] for m in catalog.measures.values() if (found := measure_date(catalog, m))]
    undated = len(catalog.measures) - len(dates)
    if not dates:
        return Timeline("month", (), undated)
    first, last = min(dates, key=PartialDate.sort_key), max(dates, key=PartialDate.sort_key)
    if all(d.month for d in dates) and _index(last) - _index(first) < MOST_MONTHS:
        start = min(_index(first), _index(last) - LEAST_MONTHS + 1)
        months = Counter(_index(d) for d in dates)
        slots = [(PartialDate(i // 12, i % 12 + 1), months[i]) for i in range(start, _index(last) + 1)]
        return Timeline("month", tuple(slots), undated)
    years = Counter(d.year for d in dates)
    span = range(min(first.year, last.year - LEAST_YEARS + 1), last.year + 1)
    return Timeline("year", tuple((PartialDate(year), years[year]) for year in span), undated)


def _index(when: PartialDate) -> int:
    """A month as a number that counts up by one a month."""
    return when.year * 12 + (when.month or 1) - 1


def _slots(timeline: Timeline) -> list[Slot]:
    """The timeline's columns: a month's is labelled with its short name, and with its year under
    the first month and each January; a year's with the year."""
    slots = []
    for index, (when, count) in enumerate(timeline.counts):
        if timeline.unit == "year":
            bar = Bar(str(when.year), count, f"{TABLE_SERVED}?{query(YEAR, str(when.year))}")
            slots.append(Slot(bar, str(when.year), name=str(when.year)))
            continue
        bar = Bar(when.display(), count, f"{TABLE_SERVED}?{query(MONTH, month_key(when))}")
        group = str(when.year) if index == 0 or when.month == 1 else ""
        slots.append(Slot(bar, _MONTHS[(when.month or 1) - 1], group, when.display()))
    return slots


def _panel(
    heading: str, anchor: str, note: str, drawing: list[str], rows: list[list[str]], wide: bool = False
) -> list[str]:
    """A chart under its heading, with the same counts as a table that readers can open."""
    kind = "dashboard__panel dashboard__panel--wide" if wide else "dashboard__panel"
    return [
        f'<section class="{kind}" markdown="1">',
        "",
        f"### {heading} {{#{anchor}}}",
        "",
        *([note, ""] if note else []),
        '<figure class="chart" data-pagefind-ignore="all">',
        *drawing,
        "</figure>",
        "",
        '<details class="chart__table" markdown="1">',
        f"<summary>{heading}: the counts as a table</summary>",
        "",
        *table([rows[0][0], rows[0][1]], rows[1:]),
        "",
        "</details>",
        "",
        "</section>",
        "",
    ]


def _facet_panel(catalog: Catalog, column: Column, heading: str, anchor: str, note: str = "") -> list[str]:
    counts = facet_counts(catalog, column)
    shown = counts[:MOST_AGENCIES] if column is ISSUED_BY else counts
    bars = [Bar(value, count, f"{TABLE_SERVED}?{query(column, value)}") for value, count in shown]
    rows = [[column.heading, "Measures"]]
    rows += [[f"[{text(value)}]({TABLE_PAGE}?{query(column, value)})", str(count)] for value, count in counts]
    if len(counts) > len(shown):
        rest = len(counts) - len(shown)
        note += f" The {rest} other{'s' if rest != 1 else ''} are in the table under the chart."
    title = f"Measures by {heading.removeprefix('By ').lower()}, as a bar chart (each bar a link to those measures)"
    return _panel(heading, anchor, note.strip(), bar_chart(anchor.removeprefix("chart-"), title, bars), rows)


def _timeline_panel(catalog: Catalog) -> list[str]:
    timeline = by_date(catalog)
    slots = _slots(timeline)
    apart = None
    if timeline.undated:
        bar = Bar("No known date", timeline.undated, f"{TABLE_SERVED}?{query(YEAR, UNKNOWN_YEAR)}")
        apart = Slot(bar, "no date", name="No known date")
    unit = "Month" if timeline.unit == "month" else "Year"
    rows = [[unit, "Measures"]]
    for slot in [*slots, *([apart] if apart else [])]:
        if slot.bar.count:
            target = slot.bar.href.replace(TABLE_SERVED, TABLE_PAGE, 1)
            rows.append([f"[{text(slot.name)}]({target})", str(slot.bar.count)])
    note = (
        "Each measure by the date it was announced or, where no source gives that, the date it was first "
        "reported (the earliest dated source that reports it)."
    )
    if timeline.undated:
        note += f" {measures(timeline.undated).capitalize()} have neither: the dashed column."
    title = f"Measures by {unit.lower()}, as a column chart (each column a link to those measures)"
    return _panel("Measures by date", "chart-by-date", note, column_chart("by-date", title, slots, apart), rows, True)


def dashboard(catalog: Catalog) -> list[str]:
    """The dashboard's Markdown: a line of totals, then the charts in a grid."""
    total = len(catalog.measures)
    in_force = sum(1 for m in catalog.measures.values() if m.current_status == "in-force")
    tiles = [
        (total, "measures", TABLE_SERVED),
        (in_force, "in force", f"{TABLE_SERVED}?{query(STATUS, STATUSES['in-force'])}"),
        (len(catalog.agencies), "agencies and organisations", "agencies/"),
        (len(catalog.sources), "sources", "sources/"),
    ]
    several = "A measure can have several, so the bars add up to more than the measures."
    return [
        "## At a glance",
        "",
        '<ul class="dashboard__tiles">',
        *(f'<li><a href="{href}"><strong>{count}</strong> {words}</a></li>' for count, words, href in tiles),
        "</ul>",
        "",
        '<div class="dashboard" markdown="1">',
        "",
        *_timeline_panel(catalog),
        *_facet_panel(catalog, INSTRUMENT, "By instrument", "chart-by-instrument", several),
        *_facet_panel(catalog, ISSUED_BY, "By issuing agency", "chart-by-agency", several),
        *_facet_panel(catalog, LEVEL, "By level", "chart-by-level"),
        *_facet_panel(catalog, STATUS, "By status", "chart-by-status"),
        "</div>",
        "",
    ]
