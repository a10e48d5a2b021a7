"""Built pages kept between builds, addressed by what they are made from.

A page's key is the SHA-256 of everything its HTML depends on: the build's machinery (the
versions of MkDocs, Material and the Markdown packages, ``mkdocs.yml``, ``site_config/`` and
the generator's code), the list of the site's pages (links are resolved against it), the
page's address, its Markdown, its edit link and the navigation it shows. The same key can only
come from the same inputs, so a kept page is never stale; a change to any input changes the
key, and the page is built again. The deploy workflow keeps the folder from one build to the
next; nothing else reads it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

CACHE_FOLDER = ".cache/pages"
"""Where the cache is kept, beside ``mkdocs.yml``."""
FORMAT = "1"
"""Changes whenever what a key covers changes, so that older entries are never used."""
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pygments")
"""The installed packages that turn a page's Markdown into its HTML."""


def digest(*parts: str) -> str:
    """SHA-256 of the parts, each length-prefixed so that no two lists of parts share a digest."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        hashed.update(b"%d:" % len(data))
        hashed.update(data)
    return hashed.hexdigest()


def machinery(config_file: Path, folders: Iterable[Path]) -> str:
    """The fingerprint of what builds every page: package versions, the config file and every
    file under ``folders`` (paths and bytes)."""
    parts = [FORMAT, *(f"{name}=={metadata.version(name)}" for name in PACKAGES), config_file.read_text("utf-8")]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            parts += [path.relative_to(folder.parent).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()]
    return digest(*parts)


def page_key(machinery: str, site_pages: str, uri: str, markdown: str, edit_url: str, navigation: str) -> str:
    """The key of one page's HTML."""
    return digest(machinery, site_pages, uri, markdown, edit_url, navigation)


@dataclass(frozen=True)
class PageCache:
    """A folder of built pages, one file per key. Pages are copied in and out, never linked: a
    later write to a built page cannot reach the kept one."""

    folder: Path

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.html"

    def restore(self, key: str, destination: Path) -> bool:
        """Put the page kept under ``key`` at ``destination``; False when there is none."""
        entry = self._entry(key)
        if not entry.is_file():
            return False
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(entry, destination)
        return True

    def keep(self, built: Mapping[str, Path]) -> None:
        """Make the folder hold exactly the pages of this build (key -> its built file)."""
        for key, page in built.items():
            entry = self._entry(key)
            if not entry.is_file():
                entry.parent.mkdir(parents=True, exist_ok=True)
                partial = entry.with_suffix(".partial")
                shutil.copyfile(page, partial)
                os.replace(partial, entry)
        if self.folder.is_dir():
            for entry in self.folder.glob("*/*"):
                if entry.stem not in built or entry.suffix != ".html":
                    entry.unlink()
