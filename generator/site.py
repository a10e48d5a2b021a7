"""What the generator needs to know about the site beyond its content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.addresses import Key
from generator.history import last_changes


@dataclass(frozen=True)
class SiteInfo:
    """The site's name and address, and when each record last changed."""

    name: str = "China Trade Support Tracker"
    url: str = "https://china-trade-tracker.github.io/china-trade-tracker/"
    """The published address, ending in a slash; permanent links and feeds are built on it."""
    repo_url: str = "https://github.com/china-trade-tracker/china-trade-tracker"
    last_changed: dict[Key, str] = field(default_factory=dict)
    """(folder, id) -> ISO date of the last commit to the record's file; missing means unknown."""


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
        last_changed=last_changes(content_dir),
    )


def with_slash(url: str) -> str:
    """An address that ends in exactly one slash."""
    return url.rstrip("/") + "/"
