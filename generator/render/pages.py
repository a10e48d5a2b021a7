"""One page per record: front matter, heading, body, what links here, how to cite it, footnotes."""

from __future__ import annotations

import html
import json

from generator.addresses import Key
from generator.catalog import Catalog
from generator.labels import RELATIONS
from generator.model import Record
from generator.registry import RECORD_TYPES, display_name
from generator.render.bodies import BODIES, Page, parts_of
from generator.render.citation import cite_this_page
from generator.render.markdown import link, text
from generator.render.search import chinese_suffixes, search_name
from generator.site import SiteInfo


def render_record(catalog: Catalog, key: Key, site: SiteInfo) -> str:
    """The Markdown page of one record."""
    record = catalog.get(key)
    page = Page.of(catalog, record)
    body = BODIES[type(record)](record, page)
    lines = [*_front_matter(record), *_heading(record), *search_name(record), *body]
    # Lists of other pages' names and the citation block are left out of the search index.
    lines += ['<div data-pagefind-ignore="all" markdown="1">', ""]
    lines += _referenced_by(catalog, key)
    lines += cite_this_page(display_name(record), key, site)
    lines += ["</div>", ""]
    text_ = "\n".join(lines).rstrip() + "\n"
    footnotes = page.notes.definitions()
    return text_ + "\n" + "\n".join(footnotes) + "\n" if footnotes else text_


def _front_matter(record: Record) -> list[str]:
    """YAML front matter (JSON strings are valid YAML): the title, and the tags.

    The title is HTML-escaped: Material prints ``page.meta.title`` into the page as HTML.
    """
    title = html.escape(display_name(record), quote=False)
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    tags = getattr(record, "tags", ())
    if tags:
        lines += ["tags:", *(f"  - {json.dumps(tag)}" for tag in tags)]
    return [*lines, "---", ""]


def _heading(record: Record) -> list[str]:
    """The page's H1: the English name, and the Chinese one beside it where there is one."""
    chinese = getattr(record, "name_zh", "")
    if not chinese:
        return [f"# {text(display_name(record))}", ""]
    return [
        f'# {text(display_name(record))} <span class="name-zh" lang="zh">{text(chinese)}</span>',
        "",
        *chinese_suffixes(chinese),
    ]


def _referenced_by(catalog: Catalog, key: Key) -> list[str]:
    """Every record page that links here, grouped by section (a package's parts are listed above)."""
    listed = {("measures", part) for part in parts_of(catalog, key[1])} if key[0] == "measures" else set()
    inbound = [k for k in catalog.referenced_by.get(key, []) if k not in listed]
    if not inbound:
        return []
    lines = ["## Referenced by", ""]
    for kind in RECORD_TYPES:
        keys = [k for k in inbound if k[0] == kind.folder]
        if keys:
            lines += [f"**{kind.title}**", ""]
            lines += [f"- {link(display_name(catalog.get(k)), k)}{_how(catalog, k, key)}" for k in keys]
            lines.append("")
    return lines


def _how(catalog: Catalog, source: Key, target: Key) -> str:
    """How a measure relates to the measure whose page lists it, e.g. " (part of this measure)"."""
    if source[0] != "measures" or target[0] != "measures":
        return ""
    kinds = [r.type for r in catalog.measures[source[1]].relations if r.measure == target[1]]
    return f" ({'; '.join(RELATIONS[k][0].lower() + ' this measure' for k in kinds)})" if kinds else ""
