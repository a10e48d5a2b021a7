"""A contributor's preview: after an edit, re-read the changed files and re-render only the
pages that can show what changed.

A record's page shows, besides the record itself, what it links to (names, source
paragraphs) and what links to it ("Referenced by", citing claims, parts, diagrams). So an
edit to record R can change R's page, the pages of the records R linked to before or after
the edit, and the pages that link to R. Pages of many records (indexes, open data, feeds)
are always rendered again. tests/test_preview.py checks the result against a full render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog import Catalog, Key, references
from generator.load import FileReading, load_catalog
from generator.model import Record
from generator.render.markdown import page_path
from generator.render.records import render_record
from generator.render.site import render_collections, render_site
from generator.site import SiteInfo


@dataclass
class Preview:
    """The last build of one content folder, kept between builds of a ``mkdocs serve`` session."""

    content_dir: Path
    readings: dict[Path, FileReading] = field(default_factory=dict)
    catalog: Catalog = field(default_factory=Catalog)
    site: SiteInfo | None = None
    pages: dict[str, str] = field(default_factory=dict)

    def update(self, site: SiteInfo) -> set[str]:
        """Bring ``pages`` up to date with the content; return the paths whose text changed
        or that are gone.

        Raises ``ContentError`` (and keeps the previous build) when the content has problems.
        """
        catalog = load_catalog(self.content_dir, self.readings)
        if site != self.site:  # the first update, or a new site address or history
            pages = render_site(catalog, site)
        else:
            dirty = affected(self.catalog, catalog)
            pages = {}
            for key in catalog.keys():
                path = page_path(key)
                kept = self.pages.get(path)
                pages[path] = render_record(catalog, key, site) if key in dirty or kept is None else kept
            pages = dict(sorted({**pages, **render_collections(catalog, site)}.items()))
        changed = {path for path, text in pages.items() if self.pages.get(path) != text}
        changed |= self.pages.keys() - pages.keys()
        self.catalog, self.site, self.pages = catalog, site, pages
        return changed


def affected(before: Catalog, after: Catalog) -> set[Key]:
    """The records whose pages an edit from ``before`` to ``after`` can change (a file read
    again counts as edited, even if its record compares equal: 0 and -0 print differently)."""
    edited = {key for key in {*before.keys(), *after.keys()} if _record(before, key) is not _record(after, key)}
    pages = set(edited)
    for catalog in (before, after):
        for key in edited:
            record = _record(catalog, key)
            if record is not None:
                pages.update(references(record))
            pages.update(catalog.referenced_by.get(key, ()))
    return pages


def _record(catalog: Catalog, key: Key) -> Record | None:
    return catalog.folder(key[0]).get(key[1])
