"""The search index: Pagefind run over a built site, whatever built it.

Pagefind writes a chunked static index to ``<site>/pagefind/``, which
``site_config/overrides/javascripts/search.js`` queries with the ranking options in
``pagefind/ranking.json`` (``generator.render.search.ranking``). It indexes each record's page and the
hand-written pages worth finding (``searched_pages``), never a page of many records: a section's
list, measures by level or by status, the home page, tags, codebook and coverage only list what
the record pages hold, and would outrank the records they list. Only each page's article is
indexed, without its footnotes and their marks, code blocks, and what the generator marks
``data-pagefind-ignore`` ("Referenced by", "Cite this page": names of other pages would blur the
ranking).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator import cbor
from generator.model import ID_PATTERN, RESERVED_IDS
from generator.registry import RECORD_TYPES
from generator.render.search import ranking

PAGES = ("about", "contributing", "open-data")
"""The hand-written pages that search finds (their kind is "Page": ``overrides/main.html``)."""
NOT_INDEXED = ".footnote, sup, pre, .headerlink"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message holds what it said."""


def searched_pages(site_dir: Path) -> list[str]:
    """The pages search finds, relative to the site: every record's page (a folder named like a
    record id in a record section; reserved ids name the sections' own pages) and ``PAGES``."""
    pages = [f"{name}/index.html" for name in PAGES if (site_dir / name / "index.html").is_file()]
    for kind in RECORD_TYPES:
        for page in sorted((site_dir / kind.folder).glob("*/index.html")):
            name = page.parent.name
            if ID_PATTERN.fullmatch(name) and name not in RESERVED_IDS:
                pages.append(f"{kind.folder}/{name}/index.html")
    return pages


PART_SIZE = 4_000
"""Most pages one Pagefind run indexes. Pagefind holds its whole index in memory while it
writes it (1.7 GiB for 12,000 pages), so a larger site is indexed in parts, each by a run of its
own, which search.js merges in the browser (Pagefind's ``mergeIndex``)."""
PARTS = "parts.json"
"""The list of the other parts' folders, beside the first part's index (``pagefind/``)."""


def index_site(site_dir: Path, part_size: int = PART_SIZE) -> str:
    """Index the built site in ``site_dir``; return what Pagefind said (nothing when all went well).

    Pagefind's glob cannot leave out one folder among its siblings (measures/by-level/ beside
    measures/<id>/), so each run reads a view of the site holding only its share of
    ``searched_pages``, hard-linked beside the site. The first part's index is
    ``pagefind/``, the others ``pagefind/part-2/`` and so on (named in ``pagefind/parts.json``);
    pages are dealt to the parts in turn, so that each part holds every kind of page in the same
    proportion and ranks a word as rare or common as the whole site would.
    """
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)  # an index of an earlier build
    pages = searched_pages(site_dir)
    count = max(1, -(-len(pages) // part_size))
    folders = [Path("pagefind"), *(Path("pagefind") / f"part-{n}" for n in range(2, count + 1))]
    said = [_index_part(site_dir, pages[n::count], site_dir / folder) for n, folder in enumerate(folders)]
    for folder in folders:
        _stable_filters(site_dir / folder)
    index = site_dir / "pagefind"
    (index / "ranking.json").write_text(json.dumps(ranking(), indent=1) + "\n", encoding="utf-8")
    (index / PARTS).write_text(json.dumps([f"{f.name}/" for f in folders[1:]]) + "\n", encoding="utf-8")
    return "\n".join(text for text in said if text)


def _index_part(site_dir: Path, pages: list[str], output: Path) -> str:
    """Index ``pages`` of the site into ``output`` with one Pagefind run; return what it said."""
    view = site_dir.parent / f".{site_dir.name}.search"
    shutil.rmtree(view, ignore_errors=True)
    try:
        for page in pages:
            (view / page).parent.mkdir(parents=True, exist_ok=True)
            _link(site_dir / page, view / page)
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(view),
            "--output-path",
            str(output),
            "--root-selector",
            "article",
            "--exclude-selectors",
            NOT_INDEXED,
            "--quiet",
        ]
        result = subprocess.run(command, capture_output=True, text=True)
    finally:
        shutil.rmtree(view, ignore_errors=True)
    if result.returncode != 0:
        raise SearchIndexError(f"{result.stdout}{result.stderr}")
    return (result.stdout + result.stderr).strip()


def _link(page: Path, target: Path) -> None:
    """A hard link, or a copy where the file system has none."""
    try:
        os.link(page, target)
    except OSError:
        shutil.copy2(page, target)


SIGNATURE = b"pagefind_dcd"
"""What each of Pagefind's index files starts with, once unzipped."""


def _stable_filters(index: Path) -> None:
    """Put Pagefind's filters in name order, so that the same pages give the same index.

    Pagefind 1.5.2 writes the values of each filter, and the filters in its metadata file, in
    the order of a hash map seeded at random: two runs over the same pages give different files
    (fixed upstream by Pagefind's pull request 1124, not yet released). Each filter file and the
    metadata file are sorted and named after their new content, and the entry file follows.
    """
    renamed: dict[str, str] = {}
    for path in sorted((index / "filter").glob("*.pf_filter")):
        name, values = _read(path)  # [filter, [[value, [page, ...]], ...]]
        renamed[path.stem] = _write(path, [name, sorted(_list(values), key=_first)])
    for path in sorted(index.glob("pagefind.*.pf_meta")):
        meta = _read(path)  # [version, pages, index chunks, [[filter, file], ...], sorts, fields]
        filters: list[cbor.Item] = [[name, renamed.get(str(file), file)] for name, file in map(_list, _list(meta[3]))]
        meta[3] = sorted(filters, key=_first)
        old = path.name.removeprefix("pagefind.").removesuffix(".pf_meta")
        new = _write(path, meta)
        entry = index / "pagefind-entry.json"
        entry.write_text(entry.read_text(encoding="utf-8").replace(f'"{old}"', f'"{new}"'), encoding="utf-8")


def _read(path: Path) -> list[cbor.Item]:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: not a Pagefind index file")
    return _list(cbor.decode(data.removeprefix(SIGNATURE)))


def _write(path: Path, item: cbor.Item) -> str:
    """Write ``item`` as a Pagefind index file named after its content (language_hash, as long as
    Pagefind's name for it); return that name."""
    data = SIGNATURE + cbor.encode(item)
    stem = path.name.split(".")[-2]
    language, _, digest = stem.partition("_")
    name = f"{language}_{hashlib.sha256(data).hexdigest()[: len(digest)]}"
    path.unlink()
    path.with_name(path.name.replace(stem, name)).write_bytes(gzip.compress(data, mtime=0))
    return name


def _list(item: cbor.Item) -> list[cbor.Item]:
    if not isinstance(item, list):
        raise SearchIndexError(f"a Pagefind index file holds {item!r} where a list was expected")
    return item


def _first(pair: cbor.Item) -> str:
    return str(_list(pair)[0])
