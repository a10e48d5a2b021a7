"""The site plan: everything the core decides about the site, handed to a builder in one piece.

A builder (the MkDocs hook, ``python -m generator build``) only carries the plan out: it adds
the pages and files, orders and titles the navigation as planned, points "edit this page" at
each page's source file, and fills the markers of the hand-written pages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlannedPage:
    """A generated Markdown page."""

    path: str
    """Where it lives among the docs: measures/yiwu-premium-subsidy.md."""
    text: str
    title: str = ""
    """Its title in the navigation, as plain text; empty for a page titled by its own heading."""
    source: str | None = None
    """The content file it is made from (for "edit this page"); None for a page made from many."""
    updated: str = ""
    """The day its record last changed (the sitemap's lastmod); empty when unknown."""


@dataclass(frozen=True)
class NavGroup:
    """A labelled group of pages within a long section ("Export…"), possibly split further."""

    label: str
    items: tuple[NavItem, ...]


NavItem = str | NavGroup
"""A page (its path) or a group of pages."""


@dataclass(frozen=True)
class NavSection:
    """A section of the navigation: its pages of many records first, then its records by name."""

    folder: str
    title: str
    items: tuple[NavItem, ...]


@dataclass(frozen=True)
class SitePlan:
    """Every generated page and file of the site, the navigation of the generated sections in
    order, and the text that replaces each marker in the hand-written pages."""

    pages: dict[str, PlannedPage]
    files: dict[str, str]
    """Path -> text of every other generated file: open data, feeds, redirect pages."""
    schemas: dict[str, str]
    """Path -> JSON of the published schemas (schema/measures.schema.json ...)."""
    navigation: tuple[NavSection, ...]
    markers: dict[str, str]

    def outputs(self) -> dict[str, str]:
        """Path -> text of every generated file, pages included, in a stable order."""
        return dict(sorted({**{p: page.text for p, page in self.pages.items()}, **self.files, **self.schemas}.items()))
