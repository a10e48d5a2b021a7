"""The preview re-renders only what an edit touches, and the result equals a full render."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT

from generator.load import load_catalog
from generator.preview import Preview, affected
from generator.problems import ContentError
from generator.render.site import plan_site
from generator.site import SiteInfo

MEASURE = "measures/yiwu-export-credit-insurance-premium-subsidy.yaml"
SOURCE = "sources/mofcom-stable-foreign-trade-measures-article.yaml"
AGENCY = "agencies/ministry-of-commerce.yaml"
EVENT = "events/geneva-us-china-trade-talks.yaml"


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def copy_measure(content: Path) -> None:
    """A new measure, which links to agencies, a place, topics and sources."""
    text = (content / MEASURE).read_text(encoding="utf-8")
    (content / "measures" / "yiwu-copy.yaml").write_text(text.replace("title: Yiwu", "title: Copy of Yiwu", 1))


def delete(relative: str) -> Callable[[Path], None]:
    return lambda content: (content / relative).unlink()


EDITS = {
    "measure title": replace(MEASURE, "title: Yiwu", "title: Renamed Yiwu"),
    "measure summary": replace(MEASURE, "text: >-", "text: >-\n    Edited."),
    "source paragraph": replace(SOURCE, "gist: >-\n      The Ministry", "gist: >-\n      Edited. The Ministry"),
    "agency name": replace(AGENCY, "name: Ministry of Commerce", "name: Ministry of Commerce (renamed)"),
    "new measure": copy_measure,
    "deleted event": delete(EVENT),
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


@pytest.mark.parametrize("edit", list(EDITS))
def test_after_an_edit_the_preview_equals_a_full_render(content: Path, edit: str) -> None:
    site = SiteInfo()
    preview = Preview(content)
    first = preview.update(site)
    before = dict(preview.outputs)
    assert first == set(before), "the first update renders every page"
    EDITS[edit](content)
    changed = preview.update(site)
    full = plan_site(load_catalog(content), site).outputs()
    assert preview.outputs == full
    assert changed == {path for path, text in full.items() if before.get(path) != text} | (before.keys() - full.keys())
    assert changed, "the edit changed no page"
    record_pages = [path for path in full if path.count("/") == 1 and not path.endswith("index.md")]
    assert len([path for path in changed if path in record_pages]) < len(record_pages) / 2


def test_only_the_edited_file_is_read_again(content: Path) -> None:
    preview = Preview(content)
    preview.update(SiteInfo())
    before = preview.catalog
    EDITS["measure summary"](content)
    preview.update(SiteInfo())
    after = preview.catalog
    edited = MEASURE.removeprefix("measures/").removesuffix(".yaml")
    assert after.measures[edited] != before.measures[edited]
    kept = [key for key in before.keys() if key != ("measures", edited)]
    assert all(after.get(key) is before.get(key) for key in kept)
    assert affected(before, after) >= {("measures", edited), ("sources", "caixin-2025-05-14-exporters-trade-war")}


def test_a_bad_edit_keeps_the_previous_pages(content: Path) -> None:
    preview = Preview(content)
    preview.update(SiteInfo())
    pages = dict(preview.outputs)
    replace(MEASURE, "level: municipal", "level: city")(content)
    with pytest.raises(ContentError, match="unknown value 'city'"):
        preview.update(SiteInfo())
    assert preview.outputs == pages
    replace(MEASURE, "level: city", "level: municipal")(content)
    assert preview.update(SiteInfo()) == set()


def test_open_data_is_written_again_only_for_the_record_read_again(content: Path) -> None:
    preview = Preview(content)
    preview.update(SiteInfo())
    before = dict(preview.fragments.kept)
    EDITS["measure summary"](content)
    preview.update(SiteInfo())
    rewritten = {part for part, share in preview.fragments.kept.items() if share is not before.get(part)}
    key = ("measures", Path(MEASURE).stem)
    parts = ("measures.json", "measures.csv", "figures.json", "figures.csv", "citations.csv")
    assert rewritten == {(part, key) for part in parts}
    assert len(before) > 5 * len(parts), "every record has its shares"
