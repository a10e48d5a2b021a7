"""What the generator needs to know about the site beyond its content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.addresses import Key
from generator.history import Change, History, content_history


@dataclass(frozen=True)
class SiteInfo:
    """The site's name and address, and the history of each record."""

    name: str = "China Trade Support Tracker"
    url: str = "https://china-trade-tracker.github.io/china-trade-tracker/"
    """The published address, ending in a slash; permanent links and feeds are built on it."""
    repo_url: str = "https://github.com/china-trade-tracker/china-trade-tracker"
    history: dict[Key, History] = field(default_factory=dict)
    """(folder, id) -> the commits to the record's file, newest first; missing means unknown."""

    def first_added(self, key: Key) -> Change | None:
        """The commit that added the record, when the history is known."""
        history = self.history.get(key)
        return history[-1] if history else None

    def last_changed(self, key: Key) -> Change | None:
        """The newest commit to the record, when the history is known."""
        history = self.history.get(key)
        return history[0] if history else None


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for plain values, ignoring the Python tags MkDocs allows there."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_info(config_file: Path, content_dir: Path) -> SiteInfo:
    """The site's name and addresses from ``mkdocs.yml``, and the content's history from git."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) if config_file.is_file() else {}
    defaults = SiteInfo()
    return SiteInfo(
        name=config.get("site_name", defaults.name),
        url=with_slash(config.get("site_url", defaults.url)),
        repo_url=config.get("repo_url", defaults.repo_url),
        history=content_history(content_dir),
    )


def with_slash(url: str) -> str:
    """An address that ends in exactly one slash."""
    return url.rstrip("/") + "/"
