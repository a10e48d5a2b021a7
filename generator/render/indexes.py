"""Section pages: all measures, and measures by topic, agency, place and date."""

from __future__ import annotations

from collections.abc import Callable

from generator.addresses import Key, home_href, paragraph_anchor
from generator.catalog import Catalog, claims, figures
from generator.dates import PartialDate
from generator.labels import LEVELS, STAGE_VERBS, STATUSES, section_title
from generator.model import Measure, Person, Source
from generator.registry import FOLDERS, display_name
from generator.render.compare import comparison_data
from generator.render.dashboard import dashboard
from generator.render.facets import (
    ISSUED_BY,
    LEVEL,
    MEASURE_TABLE,
    MONTH,
    STATUS,
    WHERE,
    YEAR,
    Column,
    measure_date,
    query,
    values,
)
from generator.render.markdown import date, html_link, html_table, html_text, link, locator, number, table, text
from generator.render.provenance import badges, provenance, source_label


def index_front_matter(*extra: str) -> list[str]:
    """Front matter of a section page, when it needs any."""
    return ["---", *extra, "---", ""] if extra else []


def _measure_rows(catalog: Catalog, measures: list[Measure], where: bool = True) -> list[str]:
    """A table of measures; ``where=False`` drops the place column on pages grouped by place."""
    rows = []
    for measure in sorted(measures, key=lambda m: (m.title.lower(), m.id)):
        place = catalog.places[measure.jurisdiction]
        announced = measure.dates.announced.when if measure.dates.announced else None
        cells = [link(measure.title, ("measures", measure.id))]
        cells += [link(place.name, ("places", place.id))] if where else []
        cells += [LEVELS[measure.level], STATUSES[measure.current_status], date(announced)]
        rows.append(cells)
    header = (
        ["Measure", "Where", "Level", "Status", "Announced"] if where else ["Measure", "Level", "Status", "Announced"]
    )
    return table(header, rows)


def measures_index(catalog: Catalog) -> str:
    """Every measure in one table that readers can filter by every facet and sort by any column;
    readers can also tick two to four measures and compare them side by side."""
    rows = []
    measures = sorted(catalog.measures.values(), key=lambda m: (m.title.lower(), m.id))
    for measure in measures:
        shown = values(catalog, measure)
        cells = [html_link(measure.title, ("measures", measure.id))]
        cells += ["; ".join(html_text(value) for value in shown[column]) for column in MEASURE_TABLE[1:]]
        found = measure_date(catalog, measure)
        if found and found[0].month:  # the month, for the filter the home page's timeline links to
            cells[-1] = f'<time datetime="{found[0].iso()}">{cells[-1]}</time>'
        rows.append(cells)
    keys = " ".join(column.key for column in MEASURE_TABLE)
    lines = [
        *index_front_matter("hide:", "  - toc"),
        "# Measures",
        "",
        f"All {len(catalog.measures)} measures on the site. Narrow the table with the filters (the address "
        "keeps your choice, so a filtered view can be shared) and sort it by clicking a column heading; "
        "tick two to four measures to compare them side by side. "
        "Browse also by [topic](../topics/index.md), [agency](../agencies/index.md), "
        "[place](../places/index.md), [level](by-level.md), [status](by-status.md) or "
        "[date](../events/index.md); every number is on the [figures](../figures/index.md) page. "
        "The Instrument column says what kind of tool a measure is; topics say what it is about: "
        "[how instruments, topics and tags differ](../about.md#instruments-topics-and-tags).",
        "",
        *comparison_data(catalog, measures),
        f'<div id="measure-filters" class="measure-filters" data-columns="{keys}" '
        f'data-month="{YEAR.key} {MONTH.key}"></div>',
        "",
        *html_table([column.heading for column in MEASURE_TABLE], rows),
    ]
    return "\n".join(lines) + "\n"


LIST_LIMIT = 500
"""Most measures a grouped page lists; past it, each group gives its count and where to find them.
(On a site of thousands of measures, every grouped page would otherwise repeat the whole
table of measures, which is slow to build and to read.)"""


def _filtered(column: Column, value: str, count: int) -> str:
    """How many measures a group holds, and a link to the table of measures filtered to them."""
    return f"{_count(count)}: [see them in the table of measures](../measures/index.md?{query(column, value)})."


def _count(count: int) -> str:
    return f"{count} measure{'s' if count != 1 else ''}"


def _by(
    catalog: Catalog, title: str, intro: str, groups: dict[str, str], column: Column, key: Callable[[Measure], str]
) -> str:
    lines = [*index_front_matter(), f"# {title}", "", intro, ""]
    listed = len(catalog.measures) <= LIST_LIMIT
    for value, heading in groups.items():
        members = [m for m in catalog.measures.values() if key(m) == value]
        if members:
            rows = _measure_rows(catalog, members) if listed else [_filtered(column, heading, len(members))]
            lines += [f"## {heading}", "", *rows, ""]
    return "\n".join(lines).rstrip() + "\n"


def by_status(catalog: Catalog) -> str:
    """Measures grouped by status."""
    return _by(
        catalog,
        "Measures by status",
        "Status as of the newest source that mentions the measure.",
        STATUSES,
        STATUS,
        lambda m: m.current_status,
    )


def by_level(catalog: Catalog) -> str:
    """Measures grouped by the level of government behind them."""
    return _by(
        catalog, "Measures by level", "National measures first, then local ones.", LEVELS, LEVEL, lambda m: m.level
    )


def _grouped(catalog: Catalog, folder: str, members: dict[str, list[Measure]], column: Column | None = None) -> str:
    """Measures under each record of ``folder``; past ``LIST_LIMIT``, a count and links to them."""
    lines = [*index_front_matter(), f"# {section_title(folder)}", "", FOLDERS[folder].intro, ""]
    listed = len(catalog.measures) <= LIST_LIMIT
    for record_id in sorted(catalog.folder(folder), key=lambda i: display_name(catalog.folder(folder)[i]).lower()):
        record = catalog.folder(folder)[record_id]
        lines += [f"## {link(display_name(record), (folder, record_id))}", ""]
        measures = members.get(record_id, [])
        if not measures:
            lines += ["No measure on the site is listed here.", ""]
        elif listed:
            lines += [*_measure_rows(catalog, measures, where=folder != "places"), ""]
        elif column is not None:
            lines += [_filtered(column, display_name(record), len(measures)), ""]
        else:
            lines += [
                f"{_count(len(measures))}: listed on the page of {link(display_name(record), (folder, record_id))}.",
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


def topics_index(catalog: Catalog) -> str:
    """Measures grouped by topic."""
    members: dict[str, list[Measure]] = {}
    for measure in catalog.measures.values():
        for topic in measure.topics:
            members.setdefault(topic, []).append(measure)
    return _grouped(catalog, "topics", members)


def agencies_index(catalog: Catalog) -> str:
    """Measures grouped by the agency that issues them."""
    members: dict[str, list[Measure]] = {}
    for measure in catalog.measures.values():
        for agency in measure.agencies:
            members.setdefault(agency, []).append(measure)
    return _grouped(catalog, "agencies", members, ISSUED_BY)


def places_index(catalog: Catalog) -> str:
    """Measures grouped by the place they apply in."""
    members: dict[str, list[Measure]] = {}
    for measure in catalog.measures.values():
        members.setdefault(measure.jurisdiction, []).append(measure)
    return _grouped(catalog, "places", members, WHERE)


def timeline(catalog: Catalog) -> str:
    """Dated events and measure dates in order; what has no known date listed apart."""
    dated: list[tuple[PartialDate, str, str]] = []  # (when, the entry in Markdown to sort by, the entry)
    undated: list[str] = []

    def add(when: PartialDate, title: str, key: Key, what: str = "") -> None:
        dated.append((when, link(title, key) + what, html_link(title, key) + what))

    for event in catalog.events.values():
        if event.date:
            add(event.date.when, event.title, ("events", event.id))
        else:
            undated.append(link(event.title, ("events", event.id)))
    for measure in catalog.measures.values():
        for stage, label in STAGE_VERBS.items():
            fact = getattr(measure.dates, stage)
            if fact:
                add(fact.when, measure.title, ("measures", measure.id), f" {label}")
        reported = catalog.first_reported.get(measure.id)
        if reported:
            add(reported[0], measure.title, ("measures", measure.id), " first reported")
    lines = [
        *index_front_matter(),
        f"# {section_title('events')}",
        "",
        "The timeline: events and measure dates the sources give, oldest first, and the day each measure was first "
        "reported (the earliest dated source that reports it). A date known only to the month or year is "
        "shown that way.",
        "",
    ]
    rows = [[date(on), entry] for on, _, entry in sorted(dated, key=lambda item: (item[0].sort_key(), item[1]))]
    lines += [*html_table(["Date", "What happened"], rows), ""] if rows else ["No dated events yet.", ""]
    undated += [
        link(m.title, ("measures", m.id))
        for m in catalog.measures.values()
        if not (m.dates.announced or m.dates.implemented or m.dates.removed or m.id in catalog.first_reported)
    ]
    if undated:
        lines += ["## Date unknown", "", "Events and measures the sources mention without a date.", ""]
        lines += [f"- {entry}" for entry in sorted(undated)]
    return "\n".join(lines).rstrip() + "\n"


def simple_index(catalog: Catalog, folder: str) -> str:
    """A plain list of a section's records."""
    lines = [*index_front_matter(), f"# {section_title(folder)}", "", FOLDERS[folder].intro, ""]
    records = catalog.folder(folder)
    for record_id in sorted(records, key=lambda i: display_name(records[i]).lower()):
        record = records[record_id]
        extra = f" {badges(record)}: {provenance(record)}" if isinstance(record, Source) else ""
        if isinstance(record, Person):
            extra = ": " + "; ".join(text(role.title) for role in record.roles)
        lines.append(f"- {link(display_name(record), (folder, record_id))}{extra}")
    return "\n".join(lines).rstrip() + "\n"


def figures_index(catalog: Catalog) -> str:
    """Every figure on the site in one table, so that numbers can be compared."""
    rows = []
    for key, anchor, figure in figures(catalog):
        record = catalog.get(key)
        cited = ", ".join(
            html_link(
                f"{source_label(catalog.sources[c.source])}, {locator(c, catalog.sources[c.source])}",
                ("sources", c.source),
                paragraph_anchor(c.paragraphs()[0]),
            )
            for c in figure.cite
        )
        rows.append(
            [
                f"<strong>{html_text(number(figure))}</strong>",
                html_text(figure.what),
                html_text(figure.period),
                html_link(display_name(record), key, anchor),
                cited,
            ]
        )
    lines = [
        *index_front_matter(),
        "# Figures",
        "",
        f"All {len(rows)} figures the sources give, with what each measures, the period it covers, "
        "the page it belongs to and the paragraph it comes from. Download them as "
        "[CSV](../data/figures.csv) or [JSON](../data/figures.json).",
        "",
        *html_table(["Figure", "What it measures", "Period", "On the page of", "Source"], rows),
    ]
    return "\n".join(lines) + "\n"


HIGHLIGHTS_MARKER = "<!-- highlights: dashboard, newest and most-cited measures -->"
"""Where the home page (hand-written, in docs/) takes the dashboard and the lists below."""


def _newest_date(catalog: Catalog, measure: Measure) -> tuple[PartialDate, str] | None:
    """When a measure was announced, or else when its newest source was published."""
    if measure.dates.announced:
        return measure.dates.announced.when, "announced"
    published = [
        source.published
        for _, _, cites in claims(measure)
        for c in cites
        if (source := catalog.sources[c.source]).published
    ]
    return (max(published, key=PartialDate.sort_key), "reported") if published else None


def highlights(catalog: Catalog, count: int = 5) -> str:
    """The home page's dashboard (``dashboard.py``), then the newest measures and the measures
    most referenced by other pages.

    "Newest" goes by the date announced, or else by the newest source that reports the
    measure. Links are relative to the home page, which sits at the site root.
    """
    dated = [(found, m) for m in catalog.measures.values() if (found := _newest_date(catalog, m))]
    dated.sort(key=lambda pair: (pair[0][0].sort_key(), pair[1].title.lower()), reverse=True)
    cited = sorted(
        catalog.measures.values(),
        key=lambda m: (-len(catalog.referenced_by.get(("measures", m.id), [])), m.title.lower()),
    )[:count]
    lines = [*dashboard(catalog), "## Newest measures", ""]
    lines += [
        f"- [{text(m.title)}]({home_href(('measures', m.id))}), {how} {date(on)}" for (on, how), m in dated[:count]
    ] or ["No measure has a known date yet."]
    lines += ["", "## Most referenced measures", ""]
    for m in cited:
        pages = len(catalog.referenced_by.get(("measures", m.id), []))
        where = home_href(("measures", m.id))
        lines.append(f"- [{text(m.title)}]({where}), referenced by {pages} page{'s' if pages != 1 else ''}")
    return "\n".join(lines) + "\n"
