"""The built sites (real content and fixture corpus) through the Nu HTML Checker and a link
checker: no HTML error that a plain Material site does not also have, and no address or anchor
that leads nowhere. `make check-html` runs this file alone; each finding is printed as
`path:line:column: error: message`, the path relative to the built site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, make_site, mkdocs_build
from htmlsite import broken_links
from nuchecker import Finding, mkdocs_config, nu_errors, plain_material_project

SITE_URL: str = mkdocs_config()["site_url"]
BROKEN = '<blink><a href="../#no-such-id">x</a></blink>'
"""An obsolete element and a link to an anchor that is not there, put into a copy of the plain site."""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The real content and the fixture corpus, built; a plain Material site with our theme
    settings (nuchecker.plain_material_project); and a copy of that with BROKEN in one page."""
    built = {
        name: mkdocs_build(make_site(tmp_path_factory.mktemp(name), content))
        for name, content in (("content", ROOT / "content"), ("corpus", CORPUS / "content"))
    }
    built["plain"] = mkdocs_build(plain_material_project(tmp_path_factory.mktemp("plain-material")))
    built["broken"] = shutil.copytree(built["plain"], tmp_path_factory.mktemp("broken") / "site")
    page = built["broken"] / "section" / "page" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<article", BROKEN + "<article", 1), encoding="utf-8")
    return built


@pytest.fixture(scope="module")
def nu(sites: dict[str, Path]) -> dict[str, list[Finding]]:
    """What the Nu HTML Checker finds in each site (one run for all)."""
    found = nu_errors(*sites.values())
    return {name: found[site] for name, site in sites.items()}


def fail_with(findings: list[str]) -> None:
    if findings:
        pytest.fail(f"{len(findings)} found:\n" + "\n".join(findings), pytrace=False)


@pytest.mark.parametrize("name", ["content", "corpus"])
def test_the_nu_checker_finds_no_error_a_plain_material_site_does_not_have(
    name: str, nu: dict[str, list[Finding]]
) -> None:
    material = {error.message for error in nu["plain"]}
    fail_with([str(error) for error in nu[name] if error.message not in material])


@pytest.mark.parametrize("name", ["content", "corpus", "plain"])
def test_every_address_and_anchor_leads_somewhere(name: str, sites: dict[str, Path]) -> None:
    fail_with(broken_links(sites[name], SITE_URL))


def test_the_checks_report_an_invalid_element_and_a_broken_anchor(
    sites: dict[str, Path], nu: dict[str, list[Finding]]
) -> None:
    html = (sites["broken"] / "section" / "page" / "index.html").read_text(encoding="utf-8")
    start = html.index(BROKEN)
    where = f"section/page/index.html:{html.count(chr(10), 0, start) + 1}"
    column = start - html.rindex("\n", 0, start)
    assert [str(error) for error in nu["broken"] if error not in nu["plain"]] == [
        f"{where}:{column}: error: The “blink” element is a completely-unknown element that is not allowed anywhere "
        "in any HTML content.",
        f"{where}:{column}: error: The “blink” element is obsolete. Use CSS instead.",
    ]
    assert broken_links(sites["broken"], SITE_URL) == [
        f"{where}:{column + len('<blink>')}: error: '../#no-such-id': section/index.html has no element with id "
        "'no-such-id'"
    ]
