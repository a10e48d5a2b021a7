"""`make bench`: build synthetic corpora of 1,000, 3,000 and 10,000 measures and time every stage.

Writes benchmarks/results.md. Timings are medians of BENCH_RUNS runs (default 3) on this
machine, or of BENCH_LARGE_RUNS (default 1) from 10,000 measures up; the sizes can be narrowed
with BENCH_SIZES=1000,3000. The plain MkDocs + Material peer is built up to BENCH_PEER_UP_TO
measures (default 3,000: at 10,000 it takes well over an hour). Nothing here is asserted: the
numbers are for people to read, next to the targets in the scale issue.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_corpus  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
LARGE = 10_000
LARGE_RUNS = int(os.environ.get("BENCH_LARGE_RUNS", "1"))
PEER_UP_TO = int(os.environ.get("BENCH_PEER_UP_TO", "3000"))
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,3000,10000").split(",")]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PEER_CONFIG = """site_name: Peer
theme:
  name: material
markdown_extensions: [abbr, admonition, attr_list, footnotes, tables, toc]
"""


HUGO_CONFIG = """baseURL = "http://localhost/"
title = "Hugo reference"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
"""
HUGO_PAGE = "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n"
"""Hugo's minimal site: every generated page converted (HTML kept, footnotes and tables on, as
Goldmark has them by default) into a bare template, no navigation, no search: the speed of
light for turning the same Markdown into HTML pages."""


def hugo_project(pages: Path, project: Path) -> Path:
    """A Hugo site of the generated Markdown: a folder's ``index.md`` is Hugo's ``_index.md``."""
    content = project / "content"
    shutil.copytree(pages, content)
    for index in content.rglob("index.md"):
        index.rename(index.with_name("_index.md"))
    (project / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name in ("single.html", "list.html"):
        layout = project / "layouts" / "_default" / name
        layout.parent.mkdir(parents=True, exist_ok=True)
        layout.write_text(HUGO_PAGE, encoding="utf-8")
    return project


def hugo_build(project: Path) -> None:
    shutil.rmtree(project / "public", ignore_errors=True)
    hugo = Path(sys.executable).with_name("hugo")
    subprocess.run([str(hugo), "--quiet", "--source", str(project)], env=ENV, check=True, capture_output=True)


def median_time(run: Callable[[], object], runs: int) -> float:
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
    "    print('peak-kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
    "          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
)
"""Runs a module (``python -c PEAK mkdocs build ...``) and reports its own peak memory and that
of its largest child process (a render worker or a Pagefind run)."""


def timed_process(module_and_args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, and peak resident memory (MiB) of the process and of its largest child, of one
    run of a Python module in a child process."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK, *module_and_args], cwd=cwd, env=ENV, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    peak = [line for line in result.stderr.splitlines() if line.startswith("peak-kib ")]
    if result.returncode != 0 or not peak:
        raise RuntimeError(f"{module_and_args} failed:\n{result.stderr[-3000:]}")
    _, own, child = peak[-1].split()
    return elapsed, int(own) / 1024, int(child) / 1024


INDEX = (
    "import resource, sys\n"
    "from pathlib import Path\n"
    "from generator.search import index_site\n"
    "index_site(Path(sys.argv[1]))\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
"""Indexes a built site again, as ``make site`` does, and prints the peak memory (KiB) of the
largest Pagefind run."""


def pagefind_peak(site: Path) -> float:
    """Peak resident memory (MiB) of Pagefind indexing ``site`` (each part of its index by a run of
    its own), apart from MkDocs' render workers, which are children of the build too."""
    result = subprocess.run([sys.executable, "-c", INDEX, str(site)], cwd=ROOT, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"indexing {site} failed:\n{result.stderr[-3000:]}")
    return int(result.stdout.split()[-1]) / 1024


def median_process(command: list[str], cwd: Path, runs: int) -> tuple[float, float, float]:
    results = [timed_process(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results), max(r[2] for r in results)


def yaml_floor(content: Path) -> None:
    """Parse every content file with libyaml and nothing else: the floor for any loader."""
    for path in sorted(content.glob("*/*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


QUERIES = ("Measure 7", "Person 3", "premium subsidy", "export credit insurance")
"""A record's name, a person's name, a topic and a phrase most pages contain."""
COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
"""Served gzipped, as GitHub Pages does; Pagefind's index files are compressed already."""


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host would (gzip for text) and counts the bytes sent."""

    sent = [0]

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.suffix in COMPRESSED_TYPES and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        self.sent[0] += len(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def first_searches(site: Path) -> dict[str, dict[str, float]]:
    """For each query, in a fresh browser (Debian's Chromium, empty cache): the kilobytes the home
    page costs, the kilobytes the search costs (Pagefind's code and index, from focusing the box
    to the first result), the milliseconds from the first keystroke to the first result, and
    how many pages match."""
    from playwright.sync_api import sync_playwright

    root = site.parent / "served"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    (root / "china-trade-tracker").symlink_to(site)
    sent = _CountingHandler.sent
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_CountingHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for query in QUERIES:
                context = browser.new_context()
                page = context.new_page()
                sent[0] = 0
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/china-trade-tracker/", wait_until="load")
                page.wait_for_timeout(500)
                home = sent[0]
                box = page.locator(".md-search__input")
                box.click()
                started = time.perf_counter()
                box.press_sequentially(query)
                page.locator(".md-search-result__item").first.wait_for(timeout=180_000)
                elapsed = (time.perf_counter() - started) * 1000
                page.wait_for_timeout(300)
                matches = page.locator(".md-search-result__meta").inner_text().split()[0]
                results[query] = {
                    "home_kb": home / 1e3,
                    "search_kb": (sent[0] - home) / 1e3,
                    "ms": elapsed,
                    "matches": int(matches) if matches.isdigit() else 0,
                }
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return results


def preview_edits(project: Path, runs: int) -> dict[str, float]:
    """Median seconds from saving an edited measure to `make serve` (``mkdocs serve --dirty``)
    serving the changed page, for an edit of a provision and an edit of the title (a title
    shows on every index page, so those are built again too)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/china-trade-tracker/measures/measure-7/"
    log = (project / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def served() -> str:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""

    edited = project / "content" / "measures" / "measure-7.yaml"
    original = edited.read_text(encoding="utf-8")
    timings: dict[str, float] = {}
    try:
        while "Measure 7" not in served():
            if server.poll() is not None:
                raise RuntimeError((project / "serve.log").read_text()[-3000:])
            time.sleep(1)
        for kind in ("provision", "title"):
            times = []
            for run in range(runs):
                time.sleep(2)
                marker = f"Edited{kind}{run}"
                text = original.replace("Measure 7:", f"Measure 7 {marker}:", 1) if kind == "title" else original
                if kind == "provision":
                    at = text.index("text: ", text.index("provisions:")) + len("text: ")
                    text = text[:at] + marker + " " + text[at:]
                edited.write_text(text, encoding="utf-8")
                started = time.perf_counter()
                while marker not in served():
                    time.sleep(0.05)
                times.append(time.perf_counter() - started)
            timings[kind] = statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        edited.write_text(original, encoding="utf-8")
    return timings


Numbers = dict[str, float | None]
"""One size's measurements, under the keys of results.json (None: not measured)."""

COLUMNS: list[tuple[str, str, str]] = [
    ("floor_s", "YAML floor (s)", "{:.2f}"),
    ("generator_s", "generator (s)", "{:.2f}"),
    ("make_site_s", "make site, cold (s)", "{:.1f}"),
    ("warm_rebuild_s", "warm rebuild, one record edited (s)", "{:.1f}"),
    ("preview_provision_s", "preview: provision edit (s)", "{:.1f}"),
    ("preview_title_s", "preview: title edit (s)", "{:.1f}"),
    ("worst_search_ms", "worst search (ms)", "{:.0f}"),
    ("mkdocs_peak_mib", "MkDocs peak (MiB)", "{:.0f}"),
    ("pagefind_peak_mib", "Pagefind peak (MiB)", "{:.0f}"),
    ("hugo_s", "Hugo, minimal template (s)", "{:.1f}"),
    ("peer_s", "peer: MkDocs + Material (s)", "{:.1f}"),
    ("search_index_mb", "search index (MB)", "{:.1f}"),
    ("measure_page_kb", "measure page (KB)", "{:.0f}"),
    ("site_mb", "site (MB)", "{:.0f}"),
]
"""results.json's keys, the table's headings, and how each number is shown."""


def bench(size: int, work: Path) -> tuple[Numbers, dict[str, dict[str, float]]]:
    """Every measurement of one corpus size."""
    project = work / f"n{size}"
    project.mkdir()
    for part in ("mkdocs.yml", "docs", "site_config"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / part)
    write_corpus(size, project / "content")
    content = project / "content"
    python = sys.executable
    runs = RUNS if size < LARGE else LARGE_RUNS
    numbers: Numbers = {"runs": runs}

    numbers["floor_s"] = median_time(lambda: yaml_floor(content), runs)
    out = project / "pages"
    build = [python, "-m", "generator", "build", "--content", str(content), "--out", str(out)]

    def fresh_build() -> None:
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(build, cwd=ROOT, env=ENV, check=True, capture_output=True)

    numbers["generator_s"] = median_time(fresh_build, runs)
    hugo = hugo_project(out, work / f"hugo{size}")
    numbers["hugo_s"] = median_time(lambda: hugo_build(hugo), runs)
    shutil.rmtree(hugo)

    make_site = ["mkdocs", "build", "--strict", "--dirty", "--site-dir", "site"]
    cache = project / ".cache"

    def cold() -> tuple[float, float, float]:
        shutil.rmtree(cache, ignore_errors=True)
        return timed_process(make_site, project)

    colds = [cold() for _ in range(runs)]
    numbers["make_site_s"] = statistics.median(c[0] for c in colds)
    numbers["mkdocs_peak_mib"] = max(c[1] for c in colds)
    numbers["pagefind_peak_mib"] = pagefind_peak(project / "site")
    edited = content / "measures" / "measure-7.yaml"
    original = edited.read_text(encoding="utf-8")
    warm = []
    for run in range(runs):
        at = original.index("text: ", original.index("provisions:")) + len("text: ")
        edited.write_text(original[:at] + f"Warm{run} " + original[at:], encoding="utf-8")
        warm.append(timed_process(make_site, project)[0])
    edited.write_text(original, encoding="utf-8")
    numbers["warm_rebuild_s"] = statistics.median(warm)

    if size <= PEER_UP_TO:
        peer = work / f"peer{size}"
        shutil.copytree(out, peer / "docs")
        (peer / "mkdocs.yml").write_text(PEER_CONFIG, encoding="utf-8")
        numbers["peer_s"] = median_process(["mkdocs", "build", "--site-dir", "site"], peer, runs)[0]
        shutil.rmtree(peer)
    else:
        numbers["peer_s"] = None

    site = project / "site"
    numbers["measure_page_kb"] = (site / "measures" / "measure-7" / "index.html").stat().st_size / 1e3
    numbers["search_index_mb"] = folder_bytes(site / "pagefind") / 1e6
    numbers["site_mb"] = folder_bytes(site) / 1e6
    searches = first_searches(site)
    numbers["worst_search_ms"] = max(found["ms"] for found in searches.values())
    preview = preview_edits(project, runs)
    numbers["preview_provision_s"], numbers["preview_title_s"] = preview["provision"], preview["title"]
    shutil.rmtree(project)
    return numbers, searches


def shown(numbers: Numbers, key: str, style: str) -> str:
    value = numbers.get(key)
    return "-" if value is None else style.format(value)


def markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def main() -> None:
    """Measure each size and merge its numbers into benchmarks/results.json, then write the table."""
    store = ROOT / "benchmarks" / "results.json"
    saved = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
    saved = {"sizes": saved.get("sizes", {}), "searches": saved.get("searches", {})}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            print(f"benchmarking {size} measures ...", flush=True)
            saved["sizes"][str(size)], saved["searches"][str(size)] = bench(size, Path(folder))
            print(saved["sizes"][str(size)], flush=True)
            store.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sizes = sorted(saved["sizes"], key=int)
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {os.cpu_count()} cores ({platform.machine()}, Python "
        f"{platform.python_version()}), medians of the runs shown; synthetic corpora from "
        "`benchmarks/synthetic.py`; the numbers are in `results.json`. `make site` is `mkdocs build "
        "--strict --dirty`: cold with an empty page cache, warm with the cache of the build before and "
        "one record edited. Hugo builds the same generated Markdown with a minimal template (no "
        "navigation, no search): the speed-of-light reference. The peer is plain MkDocs + Material "
        "building the same Markdown. Searches are timed from the first keystroke to the first result.",
        "",
        *markdown_table(
            ["N measures", "runs", *(heading for _, heading, _ in COLUMNS)],
            [
                [f"{int(size):,}", f"{saved['sizes'][size].get('runs', '-')}"]
                + [shown(saved["sizes"][size], key, style) for key, _, style in COLUMNS]
                for size in sizes
            ],
        ),
        "",
        "## Searches",
        "",
        "Each query typed into the search box of a fresh browser with an empty cache: what the search "
        "downloads from focusing the box to the first result, the time from the first keystroke to "
        "the first result, and the pages that match.",
        "",
        *markdown_table(
            ["N measures", *QUERIES],
            [
                [f"{int(size):,}"]
                + [
                    f"{found['search_kb']:.0f} KB, {found['ms']:.0f} ms, {found['matches']:.0f} pages"
                    for found in (saved["searches"][size][query] for query in QUERIES)
                ]
                for size in sizes
            ],
        ),
        "",
    ]
    results = ROOT / "benchmarks" / "results.md"
    previous = results.read_text(encoding="utf-8") if results.exists() else ""
    history = previous.split("## History", 1)[1] if "## History" in previous else "\n"
    results.write_text("\n".join(lines) + "\n## History" + history, encoding="utf-8")
    print(f"wrote {results}")


if __name__ == "__main__":
    main()
