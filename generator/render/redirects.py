"""Old addresses of renamed records: small HTML pages that send readers to the new one."""

from __future__ import annotations

from html import escape

from generator.catalog import Catalog
from generator.render.records import name


def redirect_page(title: str, target: str) -> str:
    """A page that forwards at once to ``target`` (a relative URL) and tells search engines where it went."""
    title, target = escape(title), escape(target)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Moved: {title}</title>\n"
        f'<link rel="canonical" href="{target}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n"
        f'<body><p>This page has moved to <a href="{target}">{title}</a>.</p></body>\n'
        "</html>\n"
    )


def redirects(catalog: Catalog) -> dict[str, str]:
    """Site path -> redirect page, for every former id of every record."""
    pages = {}
    for folder, record_id in catalog.keys():
        record = catalog.folder(folder)[record_id]
        for former in record.aliases:
            pages[f"{folder}/{former}/index.html"] = redirect_page(name(record), f"../{record_id}/")
    return pages
