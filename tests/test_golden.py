"""The fixture corpus renders to the committed Markdown, byte for byte.

After an intended change to rendering, refresh with `make goldens`
(`pytest tests/test_golden.py --update-goldens`) and review the diff.
"""

from __future__ import annotations

import shutil

from conftest import CORPUS

from generator.build import generate
from generator.history import Change
from generator.site import SiteInfo

EXPECTED = CORPUS / "expected"
HISTORY = (
    Change("3" * 40, "2025-06-30T10:00:00+08:00", "Correct the claims period <b>[x](y)</b>"),
    Change("a" * 40, "2025-03-02T09:00:00+00:00", "Add the example programme"),
)


def test_corpus_renders_to_the_golden_pages(update_goldens: bool) -> None:
    plan = generate(CORPUS / "content", SiteInfo(history={("measures", "example-insurance-programme"): HISTORY}))
    pages = {path: text for path, text in plan.outputs().items() if path not in plan.schemas}  # see test_schema.py
    if update_goldens:
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for path, text in pages.items():
            target = EXPECTED / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    expected = {
        p.relative_to(EXPECTED).as_posix(): p.read_bytes().decode("utf-8") for p in EXPECTED.rglob("*") if p.is_file()
    }
    assert sorted(pages) == sorted(expected), "pages added or missing: run `make goldens` if intended"
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from its golden file: run `make goldens` if intended"
