"""The MkDocs edge: generated pages join the build in memory, and nothing else.

Kept thin on purpose: all logic lives in the ``generator`` package, which does
not import MkDocs, so another builder (ProperDocs, Zensical) can take its place.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.history import last_changes
from generator.html import collapse_whitespace
from generator.load import load_catalog
from generator.navigation import Group, groups
from generator.preview import Preview
from generator.problems import ContentError
from generator.render.indexes import HIGHLIGHTS_MARKER, highlights
from generator.render.markdown import page_path
from generator.render.records import SECTION_TITLES, name
from generator.render.reference import REFERENCE_MARKER, field_reference
from generator.render.site import render_site
from generator.schema import schemas
from generator.site import SiteInfo, with_slash
from generator.write import staging_folder, swap_in

log = logging.getLogger("mkdocs.hooks")
_CONTENT = "content"
_INDEXED = "{*/*/index.html,index.html,about/index.html,contributing/index.html,open-data/index.html}"
"""Record pages and hand-written pages; section pages only list what the record pages hold."""
_NOT_INDEXED = ".footnote, pre, .headerlink"
_generated: dict[str, str] = {}
"""Site path -> text of every generated file, made in ``on_pre_build``."""
_markers: dict[str, str] = {}
"""Marker in a hand-written page -> the generated Markdown that replaces it (made once per build)."""
_titles: dict[str, str] = {}
"""Record page path -> the record's name, for ordering the navigation."""
_serving = False
_preview: Preview | None = None
"""In ``mkdocs serve``, the previous build, so that an edit re-renders only the pages it touches."""
_changed: set[str] | None = None
"""The generated files whose text changed in this build, or that are gone; None outside
``mkdocs serve``."""
_navigation: dict[str, int] = {}
"""In ``mkdocs serve``, page -> a fingerprint of the navigation it shows, from the last build."""
_renavigated: set[str] = set()
"""Pages whose navigation changed in this build (a title or a neighbour changed)."""
_outdated_markers: set[str] = set()
"""Markers whose generated text changed since the last build of ``mkdocs serve``."""


@dataclass
class _Publication:
    """A build writes into a folder beside the site and takes the site's place only once it has
    succeeded: a failed or interrupted build leaves the previous site as it was."""

    site: Path
    staging: Path
    warnings: utils.CountHandler
    published: bool = False

    def publish(self) -> None:
        """Swap the finished build in for the site."""
        swap_in(self.staging, self.site)
        self.published = True

    def close(self) -> None:
        """Forget an unfinished build."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if not self.published:
            shutil.rmtree(self.staging, ignore_errors=True)


_publication: _Publication | None = None


class _UnchangedFile(File):
    """A generated file whose text is as in the previous build: a dirty build leaves it be,
    unless the navigation it shows changed."""

    def is_modified(self) -> bool:
        return self.src_uri in _renavigated


def on_startup(command: str, dirty: bool) -> None:
    """In ``mkdocs serve`` keep each build for the next (``make serve`` adds ``--dirty``, so
    that MkDocs, too, renders only the pages whose text changed)."""
    global _serving
    _serving = command == "serve"
    if _serving and dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_dirty_build_warning)


def _dirty_build_warning(record: logging.LogRecord) -> bool:
    """Drop MkDocs' warning that a dirty build gets the navigation wrong: these hooks order and
    title the navigation from the whole catalog (``on_nav``, ``on_env``), so it does not, and the
    warning would stop a strict build."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Outside ``mkdocs serve`` (which builds into a folder of its own), build beside the site."""
    global _publication
    if _serving:
        return config
    site = Path(config.site_dir)
    staging = staging_folder(site)
    try:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
    except OSError as error:
        raise PluginError(
            f"cannot write the site beside {site}: {error.strerror or error}\n"
            "  hint: build into a folder you can write to, e.g. mkdocs build --site-dir /tmp/site"
        ) from None
    warnings = utils.CountHandler()
    warnings.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warnings)
    _publication = _Publication(site, staging, warnings)
    config.site_dir = str(staging)
    return config


def on_shutdown() -> None:
    """However the build ended (Ctrl-C included), drop what it left unfinished."""
    if _publication is not None:
        _publication.close()


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the content and render every page before MkDocs writes anything: a bad record stops
    the build with every problem listed, and the previous site stays as it was."""
    global _generated, _markers, _titles, _preview, _changed
    content_dir = Path(config.config_file_path).parent / _CONTENT
    try:
        site = SiteInfo(
            name=config.site_name,
            url=with_slash(config.site_url or ""),
            repo_url=config.repo_url or "",
            last_changed=last_changes(content_dir),
        )
        if not _serving:
            catalog = load_catalog(content_dir)
            _generated, _changed = render_site(catalog, site), None
        else:
            if _preview is None or _preview.content_dir != content_dir:
                _preview = Preview(content_dir)
            _changed = _preview.update(site)
            _generated, catalog = _preview.pages, _preview.catalog
    except ContentError as error:
        raise PluginError(f"content has {len(error.problems)} problem(s):\n{error}") from None
    markers = {HIGHLIGHTS_MARKER: highlights(catalog), REFERENCE_MARKER: field_reference()}
    _outdated_markers.update(marker for marker, text in markers.items() if _markers.get(marker, text) != text)
    _markers = markers
    _titles = {page_path(key): name(catalog.get(key)) for key in catalog.keys()}


def on_build_error(error: Exception) -> None:
    """A failed build may have written only some changed pages: build everything next time.
    Outside ``mkdocs serve`` its half-written folder goes, and the site stays as it was."""
    global _preview, _navigation
    _preview, _navigation = None, {}
    if _publication is not None:
        _publication.close()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (in memory, never written into docs/) and the JSON Schemas."""
    for path, text in _generated.items():
        kind = File if _changed is None or path in _changed else _UnchangedFile
        files.append(kind.generated(config, path, content=text))
    for schema_file, text in schemas().items():
        files.append(File.generated(config, f"schema/{schema_file}", content=text))
    if _outdated_markers:
        for file in files.documentation_pages():
            if file.generated_by is None and Path(file.abs_dest_path).is_file():
                if any(marker in file.content_string for marker in _outdated_markers):
                    os.utime(file.abs_dest_path, (0, 0))  # older than its source: a dirty build redoes it
        _outdated_markers.clear()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the hand-written pages' markers: the home page's lists, the contributors' field reference."""
    for marker, generated in _markers.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generated)
    return markdown


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Order and title the generated sections as ``SECTION_TITLES`` says; sort each section's
    records by name and split a long one into groups (``generator.navigation``), so that with
    ``navigation.prune`` a page carries one group of links, not the whole section."""
    order = list(SECTION_TITLES)
    sections = {item.title.lower(): item for item in nav.items if isinstance(item, Section)}
    for folder, section in sections.items():
        section.title = SECTION_TITLES.get(folder, section.title)
        _group(section)
    pages = [item for item in nav.items if not isinstance(item, Section)]
    ordered = sorted(sections.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))
    nav.items = pages + [section for _, section in ordered]
    _link_in_order(nav)
    for page in nav.pages:
        if page.file.src_uri in _titles:
            page.title = Markup.escape(_titles[page.file.src_uri])  # Material prints titles as HTML
    if _serving:
        _note_navigation(nav)
    return nav


def _note_navigation(nav: Navigation) -> None:
    """Find the pages whose navigation differs from the last build's. With ``navigation.prune``
    a page shows the items of each level on its path and its previous and next pages."""
    global _navigation, _renavigated
    levels: dict[int, tuple[str | None, ...]] = {}

    def level(items: list) -> tuple[str | None, ...]:  # type: ignore[type-arg]
        if id(items) not in levels:
            levels[id(items)] = tuple(item.title for item in items)
        return levels[id(items)]

    prints = {}
    for page in nav.pages:
        path: list[tuple[str | None, ...]] = [level(nav.items)]
        parent = page.parent
        while parent is not None:
            path.append(level(parent.children))
            parent = parent.parent
        neighbours = tuple(other.title if other else None for other in (page.previous_page, page.next_page))
        prints[page.file.src_uri] = hash((*path, neighbours))
    _renavigated = {uri for uri, fingerprint in prints.items() if _navigation.get(uri) != fingerprint}
    _navigation = prints


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """In a dirty build MkDocs reads only the pages it renders again; read the others' titles
    for the navigation (record pages have theirs from ``on_nav``)."""
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None and file.src_uri not in _titles:
            page.read_source(config)
    return env


def _group(section: Section) -> None:
    first = [c for c in section.children if isinstance(c, Page) and not _is_record(c)]
    records = sorted(
        (c for c in section.children if isinstance(c, Page) and _is_record(c)),
        key=lambda page: _titles[page.file.src_uri].lower(),
    )
    runs = groups([_titles[page.file.src_uri] for page in records])
    if len(runs) == 1:
        section.children = [*first, *records]
        return
    section.children = [*first, *(_section(run, records, section) for run in runs)]


def _section(run: Group, records: list[Page], parent: Section) -> Section:
    """A navigation section for a group of records, nested as the group is."""
    section = Section(Markup.escape(run.label), [])
    section.parent = parent
    if run.groups:
        section.children = [_section(inner, records, section) for inner in run.groups]
    else:
        section.children = list[StructureItem](records[run.start : run.stop])
        for page in records[run.start : run.stop]:
            page.parent = section
    return section


def _is_record(item: object) -> bool:
    return isinstance(item, Page) and item.file.src_uri in _titles


def _link_in_order(nav: Navigation) -> None:
    """Previous and next links follow the navigation as reordered."""
    pages: list[Page] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    nav.pages = pages


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Drop the template whitespace between tags (a third of a page's bytes on a large site)."""
    return collapse_whitespace(output)


def on_post_build(config: MkDocsConfig) -> None:
    """Index the built site with Pagefind: a chunked static index in site/pagefind/, which
    javascripts/search.js queries. Only each page's article is indexed, without its footnotes,
    code blocks, and what the generator marks data-pagefind-ignore ("Referenced by", "Cite this
    page": names of other pages would blur the ranking). A preview indexes once, at its first
    build: re-indexing every page after each edit would cost more than the edit's rebuild."""
    if _serving and (Path(config.site_dir) / "pagefind").is_dir():
        for path in _changed or ():
            if path not in _generated:  # a deleted record: its old page goes too
                gone = File(path, None, config.site_dir, config.use_directory_urls)
                Path(gone.abs_dest_path).unlink(missing_ok=True)
        log.info("Preview: search index kept from the first build (restart to refresh it)")
        return
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        config.site_dir,
        "--glob",
        _INDEXED,
        "--root-selector",
        "article",
        "--exclude-selectors",
        _NOT_INDEXED,
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
    said = (result.stdout + result.stderr).strip()
    if said:
        log.warning(f"Pagefind: {said}")
    if _publication is not None and not (config.strict and _publication.warnings.get_counts()):
        _publication.publish()  # a strict build with warnings is about to stop: the site stays
        config.site_dir = str(_publication.site)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Point "edit this page" at the YAML a record page comes from (index pages have none)."""
    if page.file.generated_by is None or not config.repo_url:
        return context
    folder, _, name = page.file.src_uri.partition("/")
    record_id = name.removesuffix(".md")
    if record_id == "index":
        page.edit_url = None
    else:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{_CONTENT}/{folder}/{record_id}.yaml"
    return context
