"""`make bench`: build synthetic corpora of 1,000, 3,000 and 10,000 measures and time every stage.

Writes benchmarks/results.md. Timings are medians of BENCH_RUNS runs (default 3) on this
machine; the sizes can be narrowed with BENCH_SIZES=1000,3000. Nothing here is asserted: the
numbers are for people to read, next to the targets in the scale issue.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_corpus  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PEER = os.environ.get("BENCH_PEER", "1") != "0"
"""BENCH_PEER=0 skips the plain MkDocs + Material build (slow at 10,000 measures)."""
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,3000,10000").split(",")]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PEER_CONFIG = """site_name: Peer
theme:
  name: material
markdown_extensions: [abbr, admonition, attr_list, footnotes, tables, toc]
"""


def median_time(run: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


PEAK = (
    "import resource, runpy, sys\n"
    "sys.argv = sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_module(sys.argv[0], run_name='__main__')\n"
    "finally:\n"
    "    print('peak-kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)
"""Runs a module (``python -c PEAK mkdocs build ...``) and reports its own peak memory."""


def timed_process(module_and_args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one run of a Python module in a child process."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK, *module_and_args], cwd=cwd, env=ENV, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    peak = [line for line in result.stderr.splitlines() if line.startswith("peak-kib ")]
    if result.returncode != 0 or not peak:
        raise RuntimeError(f"{module_and_args} failed:\n{result.stderr[-3000:]}")
    return elapsed, int(peak[-1].split()[1]) / 1024


def median_process(command: list[str], cwd: Path, runs: int = RUNS) -> tuple[float, float]:
    results = [timed_process(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def yaml_floor(content: Path) -> None:
    """Parse every content file with libyaml and nothing else: the floor for any loader."""
    for path in sorted(content.glob("*/*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_search(site: Path, query: str) -> tuple[int, float]:
    """Bytes a fresh browser downloads from opening the home page to the first search result,
    and the milliseconds from typing the query to that result (Debian's Chromium)."""
    from playwright.sync_api import sync_playwright

    root = site.parent / "served"
    shutil.rmtree(root, ignore_errors=True)
    (root / "china-trade-tracker").parent.mkdir(parents=True)
    shutil.copytree(site, root / "china-trade-tracker")
    served = [0]

    class Counting(http.server.SimpleHTTPRequestHandler):
        """Counts every byte sent, the web worker's fetch of the search index included."""

        def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
            data = source.read()
            outputfile.write(data)
            served[0] += len(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    handler = functools.partial(Counting, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/china-trade-tracker/", wait_until="load")
            page.locator(".md-search__input").click()
            started = time.perf_counter()
            page.locator(".md-search__input").press_sequentially(query)
            page.locator(".md-search-result__item").first.wait_for(timeout=180_000)
            elapsed = (time.perf_counter() - started) * 1000
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return served[0], elapsed


def bench(size: int, work: Path) -> dict[str, str]:
    project = work / f"n{size}"
    project.mkdir()
    for part in ("mkdocs.yml", "docs", "site_config"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / part)
    write_corpus(size, project / "content")
    content = project / "content"
    python = sys.executable

    floor = median_time(lambda: yaml_floor(content))
    out = project / "pages"
    build = [python, "-m", "generator", "build", "--content", str(content), "--out", str(out)]

    def fresh_build() -> None:
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(build, cwd=ROOT, env=ENV, check=True, capture_output=True)

    generator = median_time(fresh_build)
    edited = content / "measures" / "measure-7.yaml"
    original = edited.read_text(encoding="utf-8")

    def one_edit() -> str:
        edited.write_text(original.replace("Measure 7:", f"Measure 7 ({time.time_ns()}):"), encoding="utf-8")
        return subprocess.run(build, cwd=ROOT, env=ENV, check=True, capture_output=True, text=True).stdout

    edit_time = median_time(one_edit)
    rewritten = one_edit().split(":")[1].split(",")[0].strip()
    edited.write_text(original, encoding="utf-8")

    site_time, site_memory = median_process(["mkdocs", "build", "--strict", "--site-dir", "site"], project)
    peer = work / f"peer{size}"
    shutil.copytree(out, peer / "docs")
    (peer / "mkdocs.yml").write_text(PEER_CONFIG, encoding="utf-8")
    peer_time, peer_memory = (
        median_process(["mkdocs", "build", "--site-dir", "site"], peer) if PEER else (float("nan"), float("nan"))
    )

    site = project / "site"
    measure_html = (site / "measures" / "measure-7" / "index.html").stat().st_size
    pagefind = site / "pagefind"
    index_bytes = (
        folder_bytes(pagefind) if pagefind.is_dir() else (site / "search" / "search_index.json").stat().st_size
    )
    search_bytes, search_ms = first_search(site, "Measure 7")
    row = {
        "N measures": f"{size:,}",
        "runs": str(RUNS),
        "YAML floor (s)": f"{floor:.2f}",
        "generator build (s)": f"{generator:.2f}",
        "build / floor": f"{generator / floor:.1f}x",
        "one edit: time (s) / files rewritten": f"{edit_time:.2f} / {rewritten}",
        "make site (s)": f"{site_time:.1f}",
        "peer: MkDocs + Material (s)": f"{peer_time:.1f}" if PEER else "not run",
        "site / peer": f"{site_time / peer_time:.2f}x" if PEER else "-",
        "peak RSS site / peer (MiB)": f"{site_memory:.0f} / {peer_memory:.0f}" if PEER else f"{site_memory:.0f} / -",
        "search index on disk (MB)": f"{index_bytes / 1e6:.1f}",
        "first search: downloaded (KB) / ms": f"{search_bytes / 1e3:.0f} / {search_ms:.0f}",
        "measure page HTML (KB)": f"{measure_html / 1e3:.0f}",
        "site total (MB)": f"{folder_bytes(site) / 1e6:.0f}",
    }
    shutil.rmtree(peer)
    shutil.rmtree(project)
    return row


def main() -> None:
    """Measure each size and merge its row into benchmarks/results.json, then write the table."""
    store = ROOT / "benchmarks" / "results.json"
    saved = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            print(f"benchmarking {size} measures ...", flush=True)
            saved[str(size)] = bench(size, Path(folder))
            print(saved[str(size)], flush=True)
            store.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = [saved[key] for key in sorted(saved, key=int)]
    header = list(rows[0])
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {os.cpu_count()} cores ({platform.machine()}, Python "
        f"{platform.python_version()}), medians of the runs shown; synthetic corpora from "
        "`benchmarks/synthetic.py`. The peer is plain MkDocs + Material with its default search, "
        "building the same Markdown pages.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
        *("| " + " | ".join(row[h] for h in header) + " |" for row in rows),
        "",
    ]
    results = ROOT / "benchmarks" / "results.md"
    previous = results.read_text(encoding="utf-8") if results.exists() else ""
    history = previous.split("## History", 1)[1] if "## History" in previous else "\n"
    results.write_text("\n".join(lines) + "\n## History" + history, encoding="utf-8")
    print(f"wrote {results}")


if __name__ == "__main__":
    main()
