"""Read a built site's HTML: the ids on each page and the links in each page's article."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Page:
    """What one HTML page holds: its element ids and the links of its article, by section."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(href, the id of the last h2 before it, or '' at the top; 'footnotes' in the footnote list)"""
    all_links: list[str] = field(default_factory=list)
    is_article: bool = False
    """Whether the page has an article (MkDocs pages do; redirect pages do not)."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()
        self.article_depth = 0
        self.section = ""
        self.in_footnotes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name) and (name == "id" or tag == "a"):
                self.page.ids.add(str(attributes[name]))
        if tag == "article":
            self.article_depth += 1
            self.page.is_article = True
        if tag == "h2" and self.article_depth:
            self.section = str(attributes.get("id", ""))
        if tag == "div" and "footnote" in (attributes.get("class") or "").split():
            self.in_footnotes = 1
        elif tag == "div" and self.in_footnotes:
            self.in_footnotes += 1
        if tag == "a" and attributes.get("href"):
            href = str(attributes["href"])
            self.page.all_links.append(href)
            if self.article_depth:
                self.page.links.append((href, "footnotes" if self.in_footnotes else self.section))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.article_depth -= 1
        if tag == "div" and self.in_footnotes:
            self.in_footnotes -= 1


def read_site(site: Path) -> dict[str, Page]:
    """Site-relative path of each HTML page ("measures/x/index.html") -> its ids and links."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        reader = _Reader()
        reader.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = reader.page
    return pages


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The (page, fragment) an internal link points at, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    path = unquote(parts.path)
    if path.endswith("/") or path in (".", "..") or path.endswith("/.."):
        path = posixpath.join(path, "index.html")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link of every page whose file or anchor does not exist.

    404.html is skipped: it is served at any depth, so its links are absolute by design.
    """
    pages = read_site(site)
    broken = []
    for name, page in pages.items():
        if name == "404.html":
            continue
        for href in page.all_links:
            target = resolve(name, href)
            if target is None:
                continue
            path, fragment = target
            if path not in pages and not (site / path).is_file():
                broken.append(f"{name}: {href} (no such page)")
            elif fragment and path in pages and fragment not in pages[path].ids:
                broken.append(f"{name}: {href} (no anchor '{fragment}')")
    return broken


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag of ``html`` with its attributes, in order."""
    parser = _Elements()
    parser.feed(html)
    return parser.found
