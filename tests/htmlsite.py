"""Read a built site's HTML: the ids on each page, the links in each page's article, and every
address a page refers to (links, stylesheets, scripts, images), with where it stands."""

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
    addresses: list[Address] = field(default_factory=list)
    """Every address the page refers to, anywhere in it: the hrefs of links and stylesheets,
    the srcs of scripts and images, each candidate of a srcset."""


@dataclass(frozen=True)
class Address:
    """One address in a page, and where it stands: its tag's line and column (from 1)."""

    url: str
    line: int
    column: int


ADDRESS_ATTRIBUTES = ("href", "xlink:href", "src", "poster", "srcset")
"""The attributes whose value is an address (or, for srcset, a list of them), on any element."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()
        self.article_depth = 0
        self.section = ""
        self.in_footnotes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        line, offset = self.getpos()
        for name, value in attrs:
            if name in ADDRESS_ATTRIBUTES and value:
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value.strip()]
                self.page.addresses.extend(Address(url, line, offset + 1) for url in urls)
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
    if path.endswith(("/", "/.", "/..")) or path in (".", ".."):
        path = posixpath.join(path, "index.html")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return target, unquote(parts.fragment)


def broken_links(site: Path, site_url: str | None = None) -> list[str]:
    """Every address in every page whose file, or whose anchor in its page, does not exist, as
    ``path:line:column: error: message``. External addresses are not followed.

    With the ``site_url`` the site was built for, absolute addresses under it count as internal,
    and so do root-relative ones under its path, as on 404.html (served at any depth, so its
    addresses are root-relative by design); without it, 404.html is skipped.
    """
    base = urlsplit(site_url).path if site_url else "/"
    pages = read_site(site)
    broken = []
    for name, page in pages.items():
        if name == "404.html" and site_url is None:
            continue
        for address in page.addresses:
            where = f"{name}:{address.line}:{address.column}: error: {address.url!r}"
            url = address.url
            if site_url and url.startswith(site_url):
                url = base + url.removeprefix(site_url)
            if url.startswith("/") and not url.startswith("//"):
                if site_url is None or not url.startswith(base):
                    broken.append(f"{where} leads outside the site")
                    continue
                target = resolve("index.html", url.removeprefix(base))
            else:
                target = resolve(name, url)
            if target is None:
                continue
            path, fragment = target
            if path == ".." or path.startswith("../"):
                broken.append(f"{where} leads outside the site")
            elif path not in pages and not (site / path).is_file():
                broken.append(f"{where} leads to no file of the site")
            elif fragment and path in pages and fragment not in pages[path].ids:
                broken.append(f"{where}: {path} has no element with id {fragment!r}")
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
