"""One page per record: front matter, heading, body, what links here, how to cite it, footnotes."""

from __future__ import annotations

import html
import json

from generator.addresses import Key, commit_url, history_url, permalink, source_file
from generator.catalog import Catalog, claims
from generator.labels import RELATIONS
from generator.model import Claim, Record, Role, Source
from generator.registry import RECORD_TYPES, display_name
from generator.render.bodies import BODIES, Page, parts_of
from generator.render.citation import cite_the_original, cite_this_page
from generator.render.markdown import link, text
from generator.render.search import search_block
from generator.site import SiteInfo


def render_record(catalog: Catalog, key: Key, site: SiteInfo) -> str:
    """The Markdown page of one record."""
    record = catalog.get(key)
    page = Page.of(catalog, record)
    body = BODIES[type(record)](record, page)
    # What only the search index reads comes before the heading: no excerpt shows it (search.js).
    lines = [*_front_matter(record, key, site), *search_block(catalog, key), *_heading(record), *body, *_ours(record)]
    # Lists of other pages' names and the citation block are left out of the search index.
    lines += ['<div data-pagefind-ignore="all" markdown="1">', ""]
    lines += _referenced_by(catalog, key)
    if isinstance(record, Source):
        lines += cite_the_original(record)
    lines += cite_this_page(display_name(record), key, site)
    lines += history(key, site)
    lines += ["</div>", ""]
    text_ = "\n".join(lines).rstrip() + "\n"
    footnotes = page.notes.definitions()
    return text_ + "\n" + "\n".join(footnotes) + "\n" if footnotes else text_


HISTORY_SHOWN = 10
"""Most changes a page lists; the link to the file's history on GitHub has them all."""


def history(key: Key, site: SiteInfo) -> list[str]:
    """The record's changes, newest first: date, commit message, link to the commit."""
    changes = site.history.get(key, ())
    lines = ["## History", ""]
    if not changes:
        lines += ["This build has no record of the changes to this page.", ""]
    for change in changes[:HISTORY_SHOWN]:
        commit = f"[`{change.commit[:7]}`]({commit_url(site.repo_url, change.commit)})"
        lines.append(f"- {change.day}: {text(change.message) or 'no message'} ({commit})")
    if len(changes) > HISTORY_SHOWN:
        lines.append(f"- and {len(changes) - HISTORY_SHOWN} earlier")
    every = history_url(site.repo_url, source_file(key))
    return [*lines, "", f"[Every change to this record]({every}), on GitHub.", ""]


DESCRIPTION_LENGTH = 300
"""Longest page description (search results and link previews show about 160 characters)."""


def description(record: Record) -> str:
    """What a page is about, in a sentence or two: the record's summary or description."""
    if isinstance(record, Source):
        return record.about
    for _, statement, _ in claims(record):
        if isinstance(statement, Claim):
            return statement.plain
        if isinstance(statement, Role):
            return f"{display_name(record)}: {statement.title}"
    return display_name(record)


def _shortened(value: str) -> str:
    flat = " ".join(value.split())
    if len(flat) <= DESCRIPTION_LENGTH:
        return flat
    return flat[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _front_matter(record: Record, key: Key, site: SiteInfo) -> list[str]:
    """YAML front matter (JSON strings are valid YAML): title, description, tags, and what
    ``overrides/main.html`` prints as citation and link-preview tags.

    The title and the description are HTML-escaped: Material prints ``page.meta.title`` and
    ``page.meta.description`` into the page as HTML. The ``citation`` values are plain text, which
    the template escapes.
    """
    name, summary = display_name(record), _shortened(description(record))
    lines = [
        "---",
        f"title: {json.dumps(html.escape(name, quote=False), ensure_ascii=False)}",
        f"description: {json.dumps(html.escape(summary), ensure_ascii=False)}",
    ]
    tags = getattr(record, "tags", ())
    if tags:
        lines += ["tags:", *(f"  - {json.dumps(tag)}" for tag in tags)]
    first, last = site.first_added(key), site.last_changed(key)
    lines += [
        "citation:",
        f"  title: {json.dumps(name, ensure_ascii=False)}",
        f"  description: {json.dumps(summary, ensure_ascii=False)}",
        f"  url: {json.dumps(permalink(site.url, key))}",
    ]
    if first and last:
        lines += [f"  published: {json.dumps(first.day)}", f"  updated: {json.dumps(last.day)}"]
    return [*lines, "---", ""]


def _ours(record: Record) -> list[str]:
    """What on the record comes from us rather than a source, said plainly."""
    additions = getattr(record, "ours", ())
    if not additions:
        return []
    lines = ["## What we added", "", "No source gives these; they are ours:", ""]
    # <code>, not a code span: in a code span text()'s escapes would show.
    lines += [f"- <code>{text(addition.field)}</code>: {text(addition.note)}" for addition in additions]
    return [*lines, ""]


OURS_BADGE = '<span class="badge badge--ours" title="Not from a source: see What we added">ours</span>'


def _heading(record: Record) -> list[str]:
    """The page's H1: the English name, and the Chinese one beside it where there is one (marked
    when it is ours, not a source's)."""
    chinese = getattr(record, "name_zh", "")
    if not chinese:
        return [f"# {text(display_name(record))}", ""]
    ours = any(addition.field == "name_zh" for addition in getattr(record, "ours", ()))
    mark = f" {OURS_BADGE}" if ours else ""
    return [f'# {text(display_name(record))} <span class="name-zh" lang="zh">{text(chinese)}</span>{mark}', ""]


def _referenced_by(catalog: Catalog, key: Key) -> list[str]:
    """Every record page that links here, grouped by section (a package's parts are listed above)."""
    listed = {("measures", part) for part in parts_of(catalog, key[1])} if key[0] == "measures" else set()
    inbound = [k for k in catalog.referenced_by.get(key, []) if k not in listed]
    if not inbound:
        return []
    lines = ["## Referenced by", ""]
    for kind in RECORD_TYPES:
        keys = [k for k in inbound if k[0] == kind.folder]
        if keys and key[0] == "sources":  # each is also under the paragraphs it cites: one line a section
            lines += [f"**{kind.title}**: " + ", ".join(link(display_name(catalog.get(k)), k) for k in keys) + ".", ""]
        elif keys:
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
