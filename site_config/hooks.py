"""The MkDocs edge: carries out the core's site plan (``generator.render.site.plan_site``).

It adds the planned pages and files in memory, orders and titles the navigation as planned,
points "edit this page" at each page's source file, fills the hand-written pages' markers,
runs the search indexer, and builds beside the site so that a failed build leaves it as it
was. Everything it shows is decided in the ``generator`` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator import verbatim
from generator.addresses import CONTENT, edit_url
from generator.history import content_history
from generator.html import collapse_whitespace
from generator.labels import HOME_TITLE
from generator.load import load_catalog
from generator.pagecache import CACHE_FOLDER, Anchors, PageCache, digest, machinery, page_key
from generator.plan import NavGroup, NavSection, SitePlan
from generator.preview import Preview
from generator.problems import ContentError
from generator.render.site import plan_site
from generator.search import SearchIndexError, index_site
from generator.site import SiteInfo, with_slash
from generator.workers import anchors_of, render
from generator.write import staging_folder, swap_in

log = logging.getLogger("mkdocs.hooks")


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


@dataclass
class _Session:
    """What the hooks keep within one MkDocs run, and in ``mkdocs serve`` from build to build."""

    serving: bool = False
    dirty: bool = False
    plan: SitePlan | None = None
    publication: _Publication | None = None
    preview: Preview | None = None
    """In ``mkdocs serve``, the previous build, so that an edit re-renders only the pages it touches."""
    changed: set[str] | None = None
    """The generated files whose text changed in this build, or that are gone; None outside serve."""
    navigation: dict[str, str] = field(default_factory=dict)
    """Page -> a fingerprint of the navigation it shows (in ``mkdocs serve``, from the last build)."""
    cache: _CacheUse | None = None
    """In ``mkdocs build --dirty``, the kept pages this build may reuse and must keep."""
    done: dict[str, Anchors] = field(default_factory=dict)
    """Generated pages this build put in the site before MkDocs' own rendering (from the cache
    or the workers), which MkDocs skips: their anchors, for its anchor check and the cache."""
    renavigated: set[str] = field(default_factory=set)
    """Pages whose navigation changed in this build (a title or a neighbour changed)."""
    outdated_markers: set[str] = field(default_factory=set)
    """Markers whose text changed since the last build of ``mkdocs serve``."""
    verbatim: dict[str, list[str]] = field(default_factory=dict)
    """Page -> the HTML cut out of its Markdown, until it goes back into the converted page."""

    def forget_build(self) -> None:
        """After a failed build, build everything next time."""
        self.preview, self.navigation = None, {}


@dataclass
class _CacheUse:
    """The page cache in one build: what builds every page, and each generated page's key."""

    cache: PageCache
    machinery: str
    keys: dict[str, tuple[str, Page]] = field(default_factory=dict)
    """Each generated page (its ``src_uri``) -> its key and the page."""


_session = _Session()


class _UnchangedFile(File):
    """A generated file whose text is as in the previous build: a dirty build leaves it be,
    unless the navigation it shows changed."""

    def is_modified(self) -> bool:
        return self.src_uri in _session.renavigated and self.src_uri not in _session.done


class _PlannedFile(File):
    """A generated file; a dirty build leaves it be once its page is in the site (from the
    page cache or a worker)."""

    def is_modified(self) -> bool:
        return self.src_uri not in _session.done


def on_startup(command: str, dirty: bool) -> None:
    """In ``mkdocs serve`` keep each build for the next (``make serve`` adds ``--dirty``, so
    that MkDocs, too, renders only the pages whose text changed). ``mkdocs build --dirty``
    (``make site``) reuses the pages kept in the page cache whose inputs are unchanged."""
    _session.serving = command == "serve"
    _session.dirty = dirty
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_dirty_build_warning)


def _dirty_build_warning(record: logging.LogRecord) -> bool:
    """Drop MkDocs' warning that a dirty build gets the navigation wrong: the plan orders and
    titles the whole navigation (``on_nav``, ``on_env``), so it does not, and the warning would
    stop a strict build."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Outside ``mkdocs serve`` (which builds into a folder of its own), build beside the site."""
    if _session.serving:
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
    _session.publication = _Publication(site, staging, warnings)
    config.site_dir = str(staging)
    if _session.dirty:
        root = Path(config.config_file_path).parent
        folders = [root / "site_config", Path(__file__).resolve().parent.parent / "generator"]
        _session.cache = _CacheUse(PageCache(root / CACHE_FOLDER), machinery(Path(config.config_file_path), folders))
    return config


def on_shutdown() -> None:
    """However the build ended (Ctrl-C included), drop what it left unfinished."""
    if _session.publication is not None:
        _session.publication.close()


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the content and plan the site before MkDocs writes anything: a bad record stops
    the build with every problem listed, and the previous site stays as it was."""
    content_dir = Path(config.config_file_path).parent / CONTENT
    site = SiteInfo(
        name=config.site_name,
        url=with_slash(config.site_url or ""),
        repo_url=config.repo_url or "",
        history=content_history(content_dir),
    )
    previous = _session.plan
    try:
        if not _session.serving:
            _session.plan, _session.changed = plan_site(load_catalog(content_dir), site), None
        else:
            if _session.preview is None or _session.preview.content_dir != content_dir:
                _session.preview = Preview(content_dir)
            _session.changed = _session.preview.update(site)
            _session.plan = _session.preview.plan
    except ContentError as error:
        raise PluginError(f"content has {len(error.problems)} problem(s):\n{error}") from None
    if previous is not None and _session.plan is not None:
        markers = _session.plan.markers
        _session.outdated_markers.update(m for m, text in markers.items() if previous.markers.get(m, text) != text)


def on_build_error(error: Exception) -> None:
    """A failed build may have written only some changed pages: build everything next time.
    Outside ``mkdocs serve`` its half-written folder goes, and the site stays as it was."""
    _session.forget_build()
    if _session.publication is not None:
        _session.publication.close()


def _plan() -> SitePlan:
    if _session.plan is None:
        raise PluginError("the site plan is missing: on_pre_build did not run")
    return _session.plan


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the planned pages and files (in memory, never written into docs/)."""
    changed = _session.changed
    _session.done = {}
    for path, text in _plan().outputs().items():
        kind = _PlannedFile if changed is None or path in changed else _UnchangedFile
        files.append(kind.generated(config, path, content=text))
    if _session.outdated_markers:
        for file in files.documentation_pages():
            if file.generated_by is None and Path(file.abs_dest_path).is_file():
                if any(marker in file.content_string for marker in _session.outdated_markers):
                    os.utime(file.abs_dest_path, (0, 0))  # older than its source: a dirty build redoes it
        _session.outdated_markers.clear()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the hand-written pages' markers: the home page's lists, the contributors' field
    reference. Cut out the HTML that goes into the page as it is (``generator.verbatim``)."""
    for marker, generated in _plan().markers.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generated)
    markdown, blocks = verbatim.cut(markdown)
    if blocks:
        _session.verbatim[page.file.src_uri] = blocks
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the HTML cut out of the page's Markdown back in."""
    blocks = _session.verbatim.pop(page.file.src_uri, None)
    return verbatim.paste(html, blocks) if blocks else html


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The generated sections as planned (order, titles, groups of a long section, so that with
    ``navigation.prune`` a page carries one group of links, not the whole section), between the
    home page, titled "Home" (the site's name is in the header), and the other hand-written
    pages: readers come for measures and sources first. Titles are escaped: Material prints
    them as HTML."""
    plan = _plan()
    pages = {page.file.src_uri: page for page in nav.pages}
    planned = {section.folder for section in plan.navigation}
    kept = [item for item in nav.items if not (isinstance(item, Section) and _folder(item) in planned)]
    home = [item for item in kept if isinstance(item, Page) and item.is_homepage]
    for page in home:
        page.title = HOME_TITLE
    sections = [_section(s, s.title, pages) for s in plan.navigation if s.items]
    nav.items = home + sections + [item for item in kept if item not in home]
    for section in nav.items:
        section.parent = None
    _link_in_order(nav)
    for page in nav.pages:
        planned_page = plan.pages.get(page.file.src_uri)
        if planned_page is not None and planned_page.title:
            page.title = Markup.escape(planned_page.title)
        if planned_page is not None and planned_page.updated:
            page.update_date = planned_page.updated  # the sitemap's lastmod
    _read_titles(files, config)
    _note_navigation(nav)
    if _session.dirty:
        _build_generated_pages(nav, files, config, _session.cache)
    return nav


def _read_titles(files: Files, config: MkDocsConfig) -> None:
    """Read the hand-written pages now, for their titles (generated pages have theirs from the
    plan): the navigation's fingerprints, and so the page cache's keys, must see a changed
    heading, and a dirty build would not read a page it does not render again."""
    planned = _plan().pages
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None and not (file.src_uri in planned and planned[file.src_uri].title):
            page.read_source(config)


def _build_generated_pages(nav: Navigation, files: Files, config: MkDocsConfig, use: _CacheUse | None) -> None:
    """In a ``--dirty`` build: put each generated page to be built whose key is in the page
    cache into the site (``mkdocs build`` only), and render the others on every core
    (``generator.workers``). MkDocs then skips them all as unmodified; plugins that gather
    from every page still read their Markdown (Material's tags plugin, for the tags page)."""
    planned = _plan().pages
    generated = [
        page
        for page in nav.pages
        if page.file.generated_by is not None and page.file.src_uri in planned and page.file.is_modified()
    ]
    to_render = generated
    if use is not None:
        site_pages = digest(*sorted(file.src_uri for file in files.documentation_pages()))
        to_render = []
        for page in generated:
            uri = page.file.src_uri
            plan = planned[uri]
            key = page_key(use.machinery, site_pages, uri, plan.text, plan.source or "", _session.navigation[uri])
            use.keys[uri] = (key, page)
            kept = use.cache.restore(key, Path(page.file.abs_dest_path))
            if kept is None:
                to_render.append(page)
            else:
                _session.done[uri] = kept
        log.info(f"Page cache: {len(_session.done)} of {len(generated)} generated pages kept from the last build")
    _session.done.update(render(to_render, config, files, nav))
    for page in generated:
        found = _session.done.get(page.file.src_uri)
        if found is None:  # left to MkDocs
            continue
        page.present_anchor_ids = set(found.present) if found.present is not None else None
        page.links_to_anchors = {files.src_uris[uri]: dict(links) for uri, links in found.links.items()}
        if "\ntags:\n" in planned[page.file.src_uri].text:
            page.read_source(config)
            markdown = page.markdown or ""
            page.markdown = config.plugins.on_page_markdown(markdown, page=page, config=config, files=files)


def _folder(section: Section) -> str:
    """The docs folder a section MkDocs made from the files stands for."""
    for page in section.children:
        if isinstance(page, Page):
            return page.file.src_uri.partition("/")[0]
    return ""


def _section(planned: NavSection | NavGroup, title: str, pages: dict[str, Page]) -> Section:
    """A navigation section of MkDocs' pages, as planned."""
    section = Section(Markup.escape(title), [])
    for item in planned.items:
        child: StructureItem = pages[item] if isinstance(item, str) else _section(item, item.label, pages)
        child.parent = section
        section.children.append(child)
    return section


def _link_in_order(nav: Navigation) -> None:
    """Previous and next links follow the navigation as planned."""
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


def _note_navigation(nav: Navigation) -> None:
    """Find the pages whose navigation differs from the last build's. With ``navigation.prune``
    a page shows the items of each level on its path and its previous and next pages. The
    fingerprints are digests, the same from one run to the next (page cache keys use them)."""
    levels: dict[int, str] = {}

    def level(items: list) -> str:  # type: ignore[type-arg]
        """A level's digest, once per level (thousands of pages share each)."""
        if id(items) not in levels:
            levels[id(items)] = digest(repr(tuple((item.title, getattr(item, "url", None)) for item in items)))
        return levels[id(items)]

    prints: dict[str, str] = {}
    for page in nav.pages:
        path: list[str] = [level(nav.items)]
        parent = page.parent
        while parent is not None:
            path.append(level(parent.children))
            parent = parent.parent
        neighbours = tuple(
            (other.title, other.url) if other else None for other in (page.previous_page, page.next_page)
        )
        prints[page.file.src_uri] = digest(repr((*path, neighbours)))
    _session.renavigated = {uri for uri, mark in prints.items() if _session.navigation.get(uri) != mark}
    _session.navigation = prints


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Point "edit this page" at the file a page is made from: a record's YAML; none for a page
    made from many records; hand-written pages keep MkDocs' link to docs/."""
    planned = _plan().pages.get(page.file.src_uri)
    if planned is not None and page.file.generated_by is not None:
        page.edit_url = edit_url(config.repo_url, planned.source) if planned.source and config.repo_url else None
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Drop the template whitespace between tags (a third of a page's bytes on a large site)."""
    return collapse_whitespace(output)


def on_post_build(config: MkDocsConfig) -> None:
    """Index the built site for search (``generator.search``), then publish it. A preview indexes
    once, at its first build: re-indexing every page after each edit would cost more than the
    edit's rebuild."""
    site_dir = Path(config.site_dir)
    if _session.serving and (site_dir / "pagefind").is_dir():
        outputs = _plan().outputs()
        for path in _session.changed or ():
            if path not in outputs:  # a deleted record: its old page goes too
                gone = File(path, None, config.site_dir, config.use_directory_urls)
                Path(gone.abs_dest_path).unlink(missing_ok=True)
        log.info("Preview: search index kept from the first build (restart to refresh it)")
        return
    try:
        said = index_site(site_dir)
    except SearchIndexError as error:
        raise PluginError(f"Pagefind could not index the site:\n{error}") from None
    if said:
        log.warning(f"Pagefind: {said}")
    publication = _session.publication
    if publication is not None and not (config.strict and publication.warnings.get_counts()):
        use = _session.cache
        if use is not None:
            use.cache.keep(
                {
                    key: (site_dir / page.file.dest_uri, _session.done.get(uri) or anchors_of(page))
                    for uri, (key, page) in use.keys.items()
                }
            )
        publication.publish()  # a strict build with warnings is about to stop: the site stays
        config.site_dir = str(publication.site)
