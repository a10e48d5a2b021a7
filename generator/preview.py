"""A contributor's preview: after an edit, re-read the changed files and re-render only the
pages that can show what changed.

A record's page shows, besides the record itself, what it links to (names, source
paragraphs) and what links to it ("Referenced by", citing claims, parts, diagrams). So an
edit to record R can change R's page, the pages of the records R linked to before or after
the edit, and the pages that link to R. Pages of many records (indexes, open data, feeds)
are always rendered again, each record's share of the open data only when the record was read
again. tests/test_preview.py checks the result against a full render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.addresses import Key, page_path
from generator.catalog import Catalog, references
from generator.load import FileReading, load_catalog
from generator.model import Record
from generator.plan import SitePlan
from generator.render.data import Fragments
from generator.render.site import plan_site
from generator.site import SiteInfo


@dataclass
class Preview:
    """The last build of one content folder, kept between builds of a ``mkdocs serve`` session."""

    content_dir: Path
    readings: dict[Path, FileReading] = field(default_factory=dict)
    catalog: Catalog = field(default_factory=Catalog)
    site: SiteInfo | None = None
    plan: SitePlan | None = None
    outputs: dict[str, str] = field(default_factory=dict)
    """Path -> text of every generated file of the last build."""
    fragments: Fragments = field(default_factory=Fragments)
    """Each record's share of the open data, written again only for the records read again."""

    def update(self, site: SiteInfo) -> set[str]:
        """Bring ``plan`` up to date with the content; return the paths whose text changed
        or that are gone.

        Raises ``ContentError`` (and keeps the previous build) when the content has problems.
        """
        catalog = load_catalog(self.content_dir, self.readings)
        kept: dict[Key, str] = {}
        if site == self.site and self.plan is not None:  # else: the first update, or a new address or history
            dirty = affected(self.catalog, catalog)
            for key in catalog.keys():
                page = self.plan.pages.get(page_path(key))
                if key not in dirty and page is not None:
                    kept[key] = page.text
        plan = plan_site(catalog, site, kept, self.fragments)
        outputs = plan.outputs()
        changed = {path for path, text in outputs.items() if self.outputs.get(path) != text}
        changed |= self.outputs.keys() - outputs.keys()
        self.catalog, self.site, self.plan, self.outputs = catalog, site, plan, outputs
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
