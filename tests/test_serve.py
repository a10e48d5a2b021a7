"""`make serve` (`mkdocs serve --dirty`) regenerates a record's page when its YAML changes, with
the whole navigation intact, and then settles (no loop)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import CORPUS, make_site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def primary_navigation(html: str) -> str:
    """The site navigation of a page (titles and links of every section and page it shows)."""
    match = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', html, re.S)
    assert match, "no primary navigation"
    return match.group(0)


def test_editing_yaml_regenerates_the_page_without_a_rebuild_loop(tmp_path: Path) -> None:
    project = make_site(tmp_path, CORPUS / "content")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/china-trade-tracker/topics/export-credit-insurance/"
    try:
        assert wait_for(lambda: "when a foreign buyer does not" in fetch(url)), "server did not start"
        navigation = primary_navigation(fetch(url))
        assert re.search(r">\s*About\s*<", navigation) and re.search(r">\s*Export credit insurance\s*<", navigation)
        topic = project / "content" / "topics" / "export-credit-insurance.yaml"
        topic.write_text(topic.read_text().replace("does not.", "fails to pay."))
        assert wait_for(lambda: "when a foreign buyer fails to pay" in fetch(url)), "page was not regenerated"
        assert primary_navigation(fetch(url)) == navigation, "a dirty rebuild changed the navigation"
        assert "search index kept from the first build" in (tmp_path / "serve.log").read_text()
        builds = (tmp_path / "serve.log").read_text().count("Building documentation")
        assert builds >= 2, "the edit did not trigger a rebuild"
        time.sleep(3)
        assert (tmp_path / "serve.log").read_text().count("Building documentation") == builds, "rebuild loop"
        assert not any((project / "docs").rglob("*.yaml")) and not (project / "docs" / "measures").exists()
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
