"""Rendering: the catalog in, every page of the site out, as Markdown text (no disk, no MkDocs)."""

from __future__ import annotations

from generator.catalog import Catalog
from generator.render.indexes import (
    agencies_index,
    measures_index,
    places_index,
    simple_index,
    timeline,
    topics_index,
)
from generator.render.markdown import page_path
from generator.render.records import render_record


def render_site(catalog: Catalog) -> dict[str, str]:
    """Site path -> Markdown for every generated page, in a stable order."""
    pages = {page_path(key): render_record(catalog, key) for key in catalog.keys()}
    pages["measures/index.md"] = measures_index(catalog)
    pages["topics/index.md"] = topics_index(catalog)
    pages["agencies/index.md"] = agencies_index(catalog)
    pages["places/index.md"] = places_index(catalog)
    pages["events/index.md"] = timeline(catalog)
    pages["sources/index.md"] = simple_index(
        catalog, "sources", "Sources", "The documents the site cites, with what sort of source each is."
    )
    pages["people/index.md"] = simple_index(catalog, "people", "People", "The people the sources name.")
    return dict(sorted(pages.items()))
