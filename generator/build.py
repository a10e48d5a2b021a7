"""The whole flow for the command line and the MkDocs hook: load -> validate -> render -> write."""

from __future__ import annotations

from pathlib import Path

from generator.load import load_catalog
from generator.render.site import render_site
from generator.site import SiteInfo
from generator.write import WriteReport, write_pages


def generate(content_dir: Path, site: SiteInfo) -> dict[str, str]:
    """Every generated file for ``content_dir``; raises ``ContentError`` before anything is rendered."""
    return render_site(load_catalog(content_dir), site)


def build_pages(content_dir: Path, out_dir: Path, site: SiteInfo) -> WriteReport:
    """Check the content, then write its files to ``out_dir`` (nothing is written on error)."""
    return write_pages(generate(content_dir, site), out_dir)
