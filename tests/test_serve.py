"""`make serve` (`mkdocs serve --dirty`) regenerates a record's page when its YAML changes, with
the whole navigation intact, and then settles (no loop)."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from conftest import CORPUS, ROOT, make_site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page at ``url``, or "" when there is none."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError:
        return ""


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


@contextlib.contextmanager
def serving(project: Path, log_path: Path) -> Iterator[str]:
    """`make serve` in ``project``: yields the site's address once the server answers."""
    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        base = f"http://127.0.0.1:{port}/china-trade-tracker/"
        try:
            assert wait_for(lambda: "</html>" in fetch(base)), "server did not start"
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_a_new_title_reaches_every_page_that_shows_it(tmp_path: Path) -> None:
    """A renamed measure's page is built again, and so are the pages whose navigation lists it
    (though they do not link to it) and the home page's lists."""
    project = make_site(tmp_path, ROOT / "content")
    with serving(project, tmp_path / "serve.log") as base:
        unrelated = base + "measures/mofcom-business-travel-facilitation/"
        assert "Yiwu export credit insurance premium subsidy" in primary_navigation(fetch(unrelated))
        measure = project / "content" / "measures" / "yiwu-export-credit-insurance-premium-subsidy.yaml"
        assert "yiwu-export-credit-insurance-premium-subsidy" not in fetch(unrelated).split("md-content")[1]
        measure.write_text(measure.read_text().replace("title: Yiwu", "title: Renamed Yiwu", 1))
        assert wait_for(lambda: "Renamed Yiwu export credit" in primary_navigation(fetch(unrelated)))
        assert "Renamed Yiwu export credit" in fetch(base)


def test_editing_yaml_regenerates_the_page_without_a_rebuild_loop(tmp_path: Path) -> None:
    project = make_site(tmp_path, CORPUS / "content")
    log = tmp_path / "serve.log"
    with serving(project, log) as base:
        url = base + "topics/export-credit-insurance/"
        assert "when a foreign buyer does not" in fetch(url)
        navigation = primary_navigation(fetch(url))
        assert re.search(r">\s*About\s*<", navigation) and re.search(r">\s*Export credit insurance\s*<", navigation)
        topic = project / "content" / "topics" / "export-credit-insurance.yaml"
        topic.write_text(topic.read_text().replace("does not.", "fails to pay."))
        assert wait_for(lambda: "when a foreign buyer fails to pay" in fetch(url)), "page was not regenerated"
        assert primary_navigation(fetch(url)) == navigation, "a dirty rebuild changed the navigation"
        assert "search index kept from the first build" in log.read_text()

        # A deleted record's page is gone.
        talks = base + "events/example-talks/"
        assert "Talks of unknown date" in fetch(talks)
        (project / "content" / "events" / "example-talks.yaml").unlink()
        assert wait_for(lambda: "Talks of unknown date" not in fetch(talks)), "the deleted record's page stayed"
        builds = log.read_text().count("Building documentation")
        assert builds >= 3, "the edits did not trigger rebuilds"
        time.sleep(3)
        assert log.read_text().count("Building documentation") == builds, "rebuild loop"
        assert not any((project / "docs").rglob("*.yaml")) and not (project / "docs" / "measures").exists()
