"""The whole flow for the command line: load -> validate -> render -> write."""

from __future__ import annotations

from pathlib import Path

from generator.load import load_catalog
from generator.render import render_site
from generator.write import WriteReport, write_pages


def generate(content_dir: Path) -> dict[str, str]:
    """Every page for ``content_dir``; raises ``ContentError`` before anything is rendered."""
    return render_site(load_catalog(content_dir))


def build_pages(content_dir: Path, out_dir: Path) -> WriteReport:
    """Check the content, then write its pages to ``out_dir`` (nothing is written on error)."""
    return write_pages(generate(content_dir), out_dir)
