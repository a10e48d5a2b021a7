"""The search index: Pagefind run over a built site, whatever built it.

Pagefind writes a chunked static index to ``<site>/pagefind/``, which
``site_config/overrides/javascripts/search.js`` queries. Only each page's article is indexed,
without its footnotes, code blocks, and what the generator marks ``data-pagefind-ignore``
("Referenced by", "Cite this page": names of other pages would blur the ranking).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

INDEXED = "{*/*/index.html,index.html,about/index.html,contributing/index.html,open-data/index.html}"
"""Record pages and hand-written pages; section pages only list what the record pages hold."""
NOT_INDEXED = ".footnote, pre, .headerlink"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message holds what it said."""


def index_site(site_dir: Path) -> str:
    """Index the built site in ``site_dir``; return what Pagefind said (nothing when all went well)."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--glob",
        INDEXED,
        "--root-selector",
        "article",
        "--exclude-selectors",
        NOT_INDEXED,
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"{result.stdout}{result.stderr}")
    return (result.stdout + result.stderr).strip()
