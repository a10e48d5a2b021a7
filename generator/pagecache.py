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
import json
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
class Anchors:
    """What MkDocs' anchor check needs of a page it did not render itself: the anchors the page
    has (None: it was not rendered from Markdown) and those it links to (the linked page's
    ``src_uri`` -> anchor -> the link as written)."""

    present: frozenset[str] | None
    links: dict[str, dict[str, str]]

    def to_json(self) -> str:
        present = sorted(self.present) if self.present is not None else None
        return json.dumps({"present": present, "links": self.links}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Anchors:
        data = json.loads(text)
        present = frozenset(data["present"]) if data["present"] is not None else None
        return cls(present, {page: dict(links) for page, links in data["links"].items()})


@dataclass(frozen=True)
class PageCache:
    """A folder of built pages, one file per key. Pages are copied in and out, never linked: a
    later write to a built page cannot reach the kept one."""

    folder: Path

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.html"

    def restore(self, key: str, destination: Path) -> Anchors | None:
        """Put the page kept under ``key`` at ``destination``; its anchors, or None when there is none."""
        entry = self._entry(key)
        try:
            anchors = Anchors.from_json(entry.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(entry, destination)
        except OSError:
            return None
        return anchors

    def keep(self, built: Mapping[str, tuple[Path, Anchors]]) -> None:
        """Make the folder hold exactly the pages of this build (key -> its built file and anchors).
        A page's anchors are written last: an entry without them is never used."""
        for key, (page, anchors) in built.items():
            entry = self._entry(key)
            if not entry.with_suffix(".json").is_file():
                entry.parent.mkdir(parents=True, exist_ok=True)
                partial = entry.with_suffix(".partial")
                shutil.copyfile(page, partial)
                os.replace(partial, entry)
                partial.write_text(anchors.to_json(), encoding="utf-8")
                os.replace(partial, entry.with_suffix(".json"))
        if self.folder.is_dir():
            for entry in self.folder.glob("*/*"):
                if entry.stem not in built or entry.suffix not in (".html", ".json"):
                    entry.unlink()
