"""Old addresses of renamed records: small HTML pages that send readers to the new one."""

from __future__ import annotations

import json
from html import escape

from generator.addresses import redirect_path, redirect_target
from generator.catalog import Catalog
from generator.registry import display_name


def redirect_page(title: str, target: str) -> str:
    """A page that forwards at once to ``target`` (a relative URL), keeping the address's
    ``#fragment`` (an old link to a paragraph lands on that paragraph), and tells search engines
    where the page went. Without JavaScript, the refresh forwards to the top of the page."""
    script = json.dumps(target)  # ids are lower-case words: nothing here can end the script
    title, target = escape(title), escape(target)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Moved: {title}</title>\n"
        f'<link rel="canonical" href="{target}">\n'
        '<meta name="robots" content="noindex">\n'
        f"<script>location.replace({script} + location.hash)</script>\n"
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n"
        f'<body><p>This page has moved to <a href="{target}">{title}</a>.</p></body>\n'
        "</html>\n"
    )


def redirects(catalog: Catalog) -> dict[str, str]:
    """Site path -> redirect page, for every former id of every record."""
    pages = {}
    for key in catalog.keys():
        record = catalog.get(key)
        for former in record.aliases:
            pages[redirect_path(key[0], former)] = redirect_page(display_name(record), redirect_target(key))
    return pages
