"""The MkDocs edge: generated pages join the build in memory, and nothing else.

Kept thin on purpose: all logic lives in the ``generator`` package, which does
not import MkDocs, so another builder (ProperDocs, Zensical) can take its place.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.history import last_changes
from generator.load import load_catalog
from generator.problems import ContentError
from generator.render import render_site
from generator.render.indexes import HIGHLIGHTS_MARKER, highlights
from generator.render.records import SECTION_TITLES
from generator.render.reference import REFERENCE_MARKER, field_reference
from generator.schema import schemas
from generator.site import SiteInfo, with_slash

_CONTENT = "content"
_generated: dict[str, str] = {}
"""Site path -> text of every generated file, made in ``on_pre_build``."""
_highlights = ""
"""The home page's generated lists, made with the other pages."""


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the content and render every page before MkDocs empties site/: a bad record stops
    the build with every problem listed, and the previous site stays as it was."""
    global _generated, _highlights
    content_dir = Path(config.config_file_path).parent / _CONTENT
    try:
        site = SiteInfo(
            name=config.site_name,
            url=with_slash(config.site_url or ""),
            repo_url=config.repo_url or "",
            last_changed=last_changes(content_dir),
        )
        catalog = load_catalog(content_dir)
        _generated = render_site(catalog, site)
    except ContentError as error:
        raise PluginError(f"content has {len(error.problems)} problem(s):\n{error}") from None
    _highlights = highlights(catalog)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (in memory, never written into docs/) and the JSON Schemas."""
    for path, text in _generated.items():
        files.append(File.generated(config, path, content=text))
    for name, text in schemas().items():
        files.append(File.generated(config, f"schema/{name}", content=text))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the hand-written pages' markers: the home page's lists, the contributors' field reference."""
    return markdown.replace(HIGHLIGHTS_MARKER, _highlights).replace(REFERENCE_MARKER, field_reference())


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Order and title the generated sections as ``SECTION_TITLES`` says."""
    order = list(SECTION_TITLES)
    sections = {item.title.lower(): item for item in nav.items if isinstance(item, Section)}
    for folder, title in SECTION_TITLES.items():
        if folder in sections:
            sections[folder].title = title
    pages = [item for item in nav.items if not isinstance(item, Section)]
    ordered = sorted(sections.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))
    nav.items = pages + [section for _, section in ordered]
    return nav


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
