"""Lighthouse (package.json pins it) on the home page, a measure page and a source page, in
Debian's Chromium: accessibility, best practices and SEO score 100. Performance is timing, which
tests do not assert (a loaded CI machine would fail it); what it rests on is asserted instead:
no script holds up the first paint, and the site adds one stylesheet to Material's."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import ARGS, CHROMIUM, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "measures/yiwu-export-credit-insurance-premium-subsidy/", "sources/caixin-2025-05-14-exporters-trade-war/"]


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """Lighthouse's report on one page (mobile, its default)."""
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: `make test` installs it (npm ci)"
    flags = " ".join(["--headless=new", *ARGS])
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


@pytest.mark.parametrize("path", PAGES, ids=["home", "measure", "source"])
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(
    site_url: str, tmp_path: Path, path: str
) -> None:
    report = lighthouse(site_url + path, tmp_path / "report.json")
    scores = {name: category["score"] for name, category in report["categories"].items()}
    failing = [
        f"{audit['id']}: {audit['title']}"
        for audit in report["audits"].values()
        if audit["score"] is not None
        and audit["score"] < 1
        and audit["scoreDisplayMode"] == "binary"
        and any(
            ref["id"] == audit["id"]
            for name in ("accessibility", "best-practices", "seo")
            for ref in report["categories"][name]["auditRefs"]
        )
    ]
    assert failing == []
    assert (scores["accessibility"], scores["best-practices"], scores["seo"]) == (1, 1, 1)
    blocking = report["audits"]["render-blocking-resources"]["details"]["items"]
    assert [item["url"] for item in blocking if not item["url"].endswith(".css")] == []
    ours = [item["url"] for item in blocking if "/assets/" not in item["url"]]
    assert [url.removeprefix(site_url) for url in ours] == ["stylesheets/extra.css"]
