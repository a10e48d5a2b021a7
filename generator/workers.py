"""MkDocs' pages rendered on every core.

MkDocs renders one page after another. In a ``--dirty`` build (``make site``) the hooks hand
the generated pages to forked workers once the navigation is final: each worker converts its
share of pages from Markdown and writes them through the theme exactly as MkDocs would
(``mkdocs.commands.build``'s own steps, with the plugins' page events), and sends back what
the main process needs from them: the anchors each page has and links to, for MkDocs' anchor
check, and the warnings it logged, which the main process logs again so that ``--strict``
counts them. MkDocs then skips those pages as unmodified. Forking shares the built-up state
(configuration, files, navigation) with no copying.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.pagecache import Anchors


@dataclass(frozen=True)
class _Share:
    """One worker's pages, and what it logged."""

    pages: dict[str, Anchors]
    warnings: list[tuple[str, int, str]]


@dataclass(frozen=True)
class _Job:
    pages: Sequence[Page]
    config: MkDocsConfig
    files: Files
    nav: Navigation
    workers: int


_job: _Job | None = None
"""The work of the current ``render``, set before the workers fork (they inherit it)."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


WORTH_FORKING = 20
"""Fewer pages than this are left to MkDocs: forking costs more than rendering them (an edit
in ``mkdocs serve`` rebuilds a handful)."""
LISTING = "<!-- material/tags"
"""What marks a hand-written page that lists every page's tags (Material's tags plugin)."""


def render(pages: Sequence[Page], config: MkDocsConfig, files: Files, nav: Navigation) -> dict[str, Anchors]:
    """Render and write ``pages`` on every core; log again what the workers logged. Each
    page's anchors, by its ``src_uri``; none when there are too few pages to be worth it."""
    global _job
    workers = min(os.cpu_count() or 1, len(pages))
    if len(pages) < WORTH_FORKING:
        return {}
    _job = _Job(pages, config, files, nav, workers)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            shares = pool.map(_render_share, range(workers))
    finally:
        _job = None
    for share in shares:
        for name, level, message in share.warnings:
            logging.getLogger(name).log(level, message)
    return {uri: anchors for share in shares for uri, anchors in share.pages.items()}


def _render_share(index: int) -> _Share:
    """In a worker: every ``workers``-th page from ``index``, as MkDocs builds a page."""
    job = _job
    assert job is not None
    mkdocs_log = logging.getLogger("mkdocs")
    for handler in list(mkdocs_log.handlers):
        mkdocs_log.removeHandler(handler)
    collector = _Collector()
    mkdocs_log.addHandler(collector)
    mine = job.pages[index :: job.workers]
    listings = [
        file.page
        for file in job.files.documentation_pages()
        if file.generated_by is None and file.page is not None and LISTING in file.content_string
    ]
    for page in [*listings, *mine]:  # the tags page too: a page's tags link to its listing
        _populate_page(page, job.config, job.files)
    env = job.config.theme.get_env()
    env = job.config.plugins.on_env(env, config=job.config, files=job.files)
    doc_files = job.files.documentation_pages()
    rendered = {}
    for page in mine:
        _build_page(page, job.config, doc_files, job.nav, env)
        rendered[page.file.src_uri] = anchors_of(page)
        page.content = None  # written: its HTML need not stay in memory
    return _Share(rendered, collector.records)


def anchors_of(page: Page) -> Anchors:
    """The anchors MkDocs found in a page it rendered."""
    present = frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None
    return Anchors(present, {target.src_uri: dict(links) for target, links in (page.links_to_anchors or {}).items()})
