"""Section pages: all measures, and measures by topic, agency, place and date."""

from __future__ import annotations

from generator.catalog import Catalog
from generator.dates import PartialDate
from generator.model import Measure, Source
from generator.export import figures
from generator.render.markdown import date, link, locator, number, paragraph_anchor, source_label, table, text
from generator.render.records import LEVELS, STATUSES, name, provenance


def _measure_rows(catalog: Catalog, measures: list[Measure]) -> list[str]:
    rows = []
    for measure in sorted(measures, key=lambda m: (m.title.lower(), m.id)):
        place = catalog.places[measure.jurisdiction]
        announced = measure.dates.announced.on if measure.dates.announced else None
        rows.append(
            [
                link(measure.title, ("measures", measure.id)),
                link(place.name, ("places", place.id)),
                LEVELS[measure.level],
                STATUSES[measure.status],
                date(announced),
            ]
        )
    return table(["Measure", "Where", "Level", "Status", "Announced"], rows)


def measures_index(catalog: Catalog) -> str:
    """Every measure in one table."""
    lines = [
        "# Measures",
        "",
        f"All {len(catalog.measures)} measures on the site. Browse them also by "
        "[topic](../topics/index.md), [agency](../agencies/index.md), "
        "[place](../places/index.md) or [date](../events/index.md).",
        "",
        *_measure_rows(catalog, list(catalog.measures.values())),
    ]
    return "\n".join(lines) + "\n"


def _grouped(catalog: Catalog, folder: str, title: str, intro: str, members: dict[str, list[Measure]]) -> str:
    lines = [f"# {title}", "", intro, ""]
    for record_id in sorted(catalog.folder(folder), key=lambda i: name(catalog.folder(folder)[i]).lower()):
        record = catalog.folder(folder)[record_id]
        lines += [f"## {text(name(record))}", "", f"Page: {link(name(record), (folder, record_id))}", ""]
        measures = members.get(record_id, [])
        lines += [*_measure_rows(catalog, measures), ""] if measures else ["No measures yet.", ""]
    return "\n".join(lines).rstrip() + "\n"


def topics_index(catalog: Catalog) -> str:
    """Measures grouped by topic."""
    members: dict[str, list[Measure]] = {}
    for measure in catalog.measures.values():
        for topic in measure.topics:
            members.setdefault(topic, []).append(measure)
    return _grouped(catalog, "topics", "Topics", "Each topic, and the measures that use it.", members)


def agencies_index(catalog: Catalog) -> str:
    """Measures grouped by the agency that issues them."""
    members: dict[str, list[Measure]] = {}
    for measure in catalog.measures.values():
        for agency in measure.agencies:
            members.setdefault(agency, []).append(measure)
    return _grouped(
        catalog,
        "agencies",
        "Agencies and organisations",
        "Each body the sources name, and the measures it issues or carries out.",
        members,
    )


def places_index(catalog: Catalog) -> str:
    """Measures grouped by the place they apply in."""
    members: dict[str, list[Measure]] = {}
    for measure in catalog.measures.values():
        members.setdefault(measure.jurisdiction, []).append(measure)
    return _grouped(catalog, "places", "Places", "Each place, and the measures that apply there.", members)


def timeline(catalog: Catalog) -> str:
    """Dated events and measure dates in order; what has no known date listed apart."""
    dated: list[tuple[PartialDate, str]] = []
    undated: list[str] = []
    for event in catalog.events.values():
        entry = link(event.title, ("events", event.id))
        if event.date:
            dated.append((event.date.on, entry))
        else:
            undated.append(entry)
    for measure in catalog.measures.values():
        for stage, label in (("announced", "announced"), ("implemented", "takes effect"), ("removed", "removed")):
            fact = getattr(measure.dates, stage)
            if fact:
                dated.append((fact.on, f"{link(measure.title, ('measures', measure.id))} {label}"))
    for source in catalog.sources.values():
        entry = f"{link(source.title, ('sources', source.id))} published"
        if source.published:
            dated.append((source.published, entry))
    lines = [
        "# Timeline",
        "",
        "Events and measure dates the sources give, oldest first. "
        "A date known only to the month or year is shown that way.",
        "",
    ]
    rows = [[date(on), entry] for on, entry in sorted(dated, key=lambda item: (item[0].sort_key(), item[1]))]
    lines += [*table(["Date", "What happened"], rows), ""] if rows else ["No dated events yet.", ""]
    undated += [
        link(m.title, ("measures", m.id))
        for m in catalog.measures.values()
        if not (m.dates.announced or m.dates.implemented or m.dates.removed)
    ]
    if undated:
        lines += ["## Date unknown", "", "Events and measures the sources mention without a date.", ""]
        lines += [f"- {entry}" for entry in sorted(undated)]
    return "\n".join(lines).rstrip() + "\n"


def simple_index(catalog: Catalog, folder: str, title: str, intro: str) -> str:
    """A plain list of a section's records."""
    lines = [f"# {title}", "", intro, ""]
    records = catalog.folder(folder)
    for record_id in sorted(records, key=lambda i: name(records[i]).lower()):
        record = records[record_id]
        extra = f": {provenance(record)}" if isinstance(record, Source) else ""
        lines.append(f"- {link(name(record), (folder, record_id))}{extra}")
    return "\n".join(lines).rstrip() + "\n"


def figures_index(catalog: Catalog) -> str:
    """Every figure on the site in one table, so that numbers can be compared."""
    rows = []
    for key, index, figure in figures(catalog):
        record = catalog.get(key)
        cited = ", ".join(
            link(
                f"{source_label(catalog.sources[c.source])}, {locator(c, catalog.sources[c.source])}",
                ("sources", c.source),
                paragraph_anchor(c.paragraphs()[0]),
            )
            for c in figure.cite
        )
        rows.append(
            [
                f"**{number(figure)}**",
                text(figure.what),
                text(figure.period),
                link(name(record), key, f"figure-{index}"),
                cited,
            ]
        )
    lines = [
        "# Figures",
        "",
        f"All {len(rows)} figures the sources give, with what each measures, the period it covers, "
        "the page it belongs to and the paragraph it comes from. Download them as "
        "[CSV](../data/figures.csv) or [JSON](../data/figures.json).",
        "",
        *table(["Figure", "What it measures", "Period", "On the page of", "Source"], rows),
    ]
    return "\n".join(lines) + "\n"
