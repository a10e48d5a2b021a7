"""The whole site from the catalog: every page and file, the navigation and the markers'
text, as one ``SitePlan`` (no disk, no MkDocs)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.addresses import Key, page_path, section_path, source_file
from generator.catalog import Catalog
from generator.labels import OTHER_SECTIONS
from generator.navigation import Group, groups, sort_key
from generator.plan import NavGroup, NavItem, NavSection, PlannedPage, SitePlan
from generator.registry import RECORD_TYPES, display_name
from generator.render.codebook import CODEBOOK_MARKER, codebook
from generator.render.coverage import BASIS_MARKER, COVERAGE_MARKER, basis, coverage
from generator.render.data import Fragments, data_files
from generator.render.dataset import DATASET_MARKER, dataset
from generator.render.feeds import CALENDAR_PATH, FEED_PATH, atom_feed, icalendar
from generator.render.indexes import (
    HIGHLIGHTS_MARKER,
    agencies_index,
    by_level,
    by_status,
    figures_index,
    highlights,
    measures_index,
    places_index,
    simple_index,
    timeline,
    topics_index,
)
from generator.render.pages import render_record
from generator.render.redirects import redirects
from generator.render.reference import REFERENCE_MARKER, field_reference
from generator.schema import schemas
from generator.site import SiteInfo

DATASET_DESCRIPTION = (
    "Measures that support China's foreign trade, with the sources, agencies, people, places, topics and "
    "events they connect; every claim cited to the paragraph of its source. JSON and CSV, with JSON Schemas "
    "and a codebook."
)

SECTION_PAGES: dict[str, Callable[[Catalog], str]] = {
    section_path("measures"): measures_index,
    section_path("measures", "by-level"): by_level,
    section_path("measures", "by-status"): by_status,
    section_path("agencies"): agencies_index,
    section_path("places"): places_index,
    section_path("topics"): topics_index,
    section_path("events"): timeline,
    section_path("figures"): figures_index,
}
"""The pages of many records, by path, in navigation order; a kind of record without an index
page here gets a plain list (``simple_index``)."""


def plan_site(
    catalog: Catalog, site: SiteInfo, rendered: Mapping[Key, str] | None = None, fragments: Fragments | None = None
) -> SitePlan:
    """The plan of the whole site. ``rendered`` holds record pages a preview kept from its last
    build because the edit cannot have changed them, ``fragments`` each record's open data."""
    rendered = rendered or {}
    pages = {}
    for key in catalog.keys():
        text = rendered.get(key) or render_record(catalog, key, site)
        last = site.last_changed(key)
        title = display_name(catalog.get(key))
        pages[page_path(key)] = PlannedPage(page_path(key), text, title, source_file(key), last.day if last else "")
    for path, text in section_pages(catalog).items():
        pages[path] = PlannedPage(path, text, heading(text))
    files = {**data_files(catalog, site, fragments), **redirects(catalog)}
    files[FEED_PATH] = atom_feed(catalog, site)
    files[CALENDAR_PATH] = icalendar(catalog, site.url)
    return SitePlan(
        pages=dict(sorted(pages.items())),
        files=dict(sorted(files.items())),
        schemas={f"schema/{name}": text for name, text in schemas().items()},
        navigation=navigation(catalog, pages),
        markers={
            HIGHLIGHTS_MARKER: highlights(catalog),
            REFERENCE_MARKER: field_reference(),
            CODEBOOK_MARKER: codebook(),
            DATASET_MARKER: dataset(site, DATASET_DESCRIPTION),
            BASIS_MARKER: basis(catalog),
            COVERAGE_MARKER: coverage(catalog),
        },
    )


def section_pages(catalog: Catalog) -> dict[str, str]:
    """Path -> Markdown of every page that lists many records."""
    pages = {path: render(catalog) for path, render in SECTION_PAGES.items()}
    for kind in RECORD_TYPES:
        pages.setdefault(section_path(kind.folder), simple_index(catalog, kind.folder))
    return pages


def heading(text: str) -> str:
    """A page's title: its first top-level heading (MkDocs would find it by scanning the page
    again each time the navigation names it, which on a section of thousands is slow)."""
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def navigation(catalog: Catalog, pages: Mapping[str, PlannedPage]) -> tuple[NavSection, ...]:
    """The generated sections in the registry's order (then the others): each section's pages of
    many records, index first, then its records by name, grouped when there are many."""
    sections = []
    folders = {kind.folder: kind.title for kind in RECORD_TYPES} | OTHER_SECTIONS
    for folder, title in folders.items():
        listing = sorted(
            (path for path, page in pages.items() if path.startswith(f"{folder}/") and page.source is None),
            key=lambda path: (path != section_path(folder), path),
        )
        records = sorted(
            (path for path, page in pages.items() if path.startswith(f"{folder}/") and page.source is not None),
            key=lambda path: (sort_key(pages[path].title), path),
        )
        runs = groups([pages[path].title for path in records])
        grouped = _items(runs, records) if len(runs) > 1 else tuple(records)
        sections.append(NavSection(folder, title, (*listing, *grouped)))
    return tuple(sections)


def _items(runs: list[Group], records: list[str]) -> tuple[NavItem, ...]:
    return tuple(
        NavGroup(run.label, _items(list(run.groups), records) if run.groups else tuple(records[run.start : run.stop]))
        for run in runs
    )
