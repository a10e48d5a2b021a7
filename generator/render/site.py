"""Rendering: the catalog in, every file of the site out, as text (no disk, no MkDocs)."""

from __future__ import annotations

from generator.catalog import Catalog
from generator.export import data_files
from generator.feeds import CALENDAR_PATH, FEED_PATH, atom_feed, icalendar
from generator.render.indexes import (
    agencies_index,
    by_level,
    by_status,
    figures_index,
    measures_index,
    places_index,
    simple_index,
    timeline,
    topics_index,
)
from generator.render.markdown import page_path
from generator.render.records import render_record
from generator.render.redirects import redirects
from generator.site import SiteInfo


def render_site(catalog: Catalog, site: SiteInfo) -> dict[str, str]:
    """Site path -> text of every generated file (pages, data, feeds), in a stable order."""
    files = {page_path(key): render_record(catalog, key, site) for key in catalog.keys()}
    return dict(sorted({**files, **render_collections(catalog, site)}.items()))


def render_collections(catalog: Catalog, site: SiteInfo) -> dict[str, str]:
    """Site path -> text of every generated file that is not one record's page: the section
    indexes, open data, redirects and feeds (each depends on many records)."""
    files = {}
    files["measures/index.md"] = measures_index(catalog)
    files["measures/by-status.md"] = by_status(catalog)
    files["measures/by-level.md"] = by_level(catalog)
    files["topics/index.md"] = topics_index(catalog)
    files["agencies/index.md"] = agencies_index(catalog)
    files["places/index.md"] = places_index(catalog)
    files["events/index.md"] = timeline(catalog)
    files["figures/index.md"] = figures_index(catalog)
    files["sources/index.md"] = simple_index(
        catalog, "sources", "Sources", "The documents the site cites, with what sort of source each is."
    )
    files["people/index.md"] = simple_index(catalog, "people", "People", "The people the sources name.")
    files.update(data_files(catalog))
    files.update(redirects(catalog))
    files[FEED_PATH] = atom_feed(catalog, site.url, site.name)
    files[CALENDAR_PATH] = icalendar(catalog, site.url)
    return files
