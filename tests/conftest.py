"""Shared fixtures: the fixture corpus, a scratch copy of it, and the golden-file switch."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/corpus/expected from the current renderer"
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def corpus_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the fixture corpus at ./content, with the working folder at tmp_path."""
    shutil.copytree(CORPUS / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def make_site(tmp_path: Path, content: Path) -> Path:
    """A site folder in tmp_path: the real mkdocs.yml, docs and site_config, with ``content``."""
    site = tmp_path / "project"
    site.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", site / "docs")
    shutil.copytree(ROOT / "site_config", site / "site_config")
    shutil.copytree(content, site / "content")
    return site


def run_mkdocs(project: Path, site_dir: str = "site", expect: int = 0, dirty: bool = False) -> str:
    """Run `mkdocs build --strict` in ``project`` (with ``--dirty``: reusing the page cache, as
    `make site` does); assert its exit status, return what it printed."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir, *(["--dirty"] if dirty else [])],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == expect, result.stderr[-3000:]
    return result.stderr


def mkdocs_build(project: Path) -> Path:
    """A strict build that must succeed with no warning at all; the built site."""
    warnings = [line for line in run_mkdocs(project).splitlines() if line.startswith("WARNING")]
    assert warnings == []
    return project / "site"


CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BASE = "/china-trade-tracker/"
"""The path the site is served under, as on the published site (site_url)."""


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on localhost; the address of the site under ``BASE``."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{BASE}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real content built with `mkdocs build --strict` and served on localhost, once for
    every module of browser tests (a module that builds its own site overrides this)."""
    project = make_site(tmp_path_factory.mktemp("browser"), ROOT / "content")
    root = project / "served"
    run_mkdocs(project, site_dir=str(root / BASE.strip("/")))
    with serve(root) as url:
        yield url


def all_pages(site_url: str) -> list[str]:
    """Every page of the site, from its sitemap."""
    with urllib.request.urlopen(site_url + "sitemap.xml") as response:
        sitemap = response.read().decode("utf-8")
    published = "https://china-trade-tracker.github.io/china-trade-tracker/"
    return [site_url + loc.removeprefix(published) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright."""
    assert Path(CHROMIUM).exists(), "Chromium is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
