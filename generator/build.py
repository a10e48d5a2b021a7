"""The whole flow for the command line: load -> validate -> plan -> write."""

from __future__ import annotations

from pathlib import Path

from generator.load import load_catalog
from generator.plan import SitePlan
from generator.render.site import plan_site
from generator.site import SiteInfo
from generator.write import WriteReport, write_pages


def generate(content_dir: Path, site: SiteInfo) -> SitePlan:
    """The plan of the site for ``content_dir``; raises ``ContentError`` before anything is rendered."""
    return plan_site(load_catalog(content_dir), site)


def build_pages(content_dir: Path, out_dir: Path, site: SiteInfo) -> WriteReport:
    """Check the content, then write every generated file to ``out_dir`` (nothing is written on error)."""
    return write_pages(generate(content_dir, site).outputs(), out_dir)
