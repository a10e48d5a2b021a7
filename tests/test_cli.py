"""The contributor's commands: `new` writes a template, `check --format github` annotates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.model import RESERVED_IDS
from generator.registry import FOLDERS, RECORD_TYPES
from generator.template import schema_comment


@pytest.mark.parametrize(("kind", "folder"), [(kind.singular, kind.folder) for kind in RECORD_TYPES])
def test_new_writes_a_template_with_every_field(
    kind: str, folder: str, corpus_copy: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["new", kind, "a-new-record"]) == 0
    path = Path("content") / folder / "a-new-record.yaml"
    assert capsys.readouterr().out == f"{path}: written; fill it in, then run `python -m generator check`\n"
    text = path.read_text(encoding="utf-8")
    schema_line = f"# yaml-language-server: $schema=../../site_config/schema/{folder}.schema.json"
    assert text.splitlines()[0] == schema_line == schema_comment(folder)
    fields = {f for f in FOLDERS[folder].cls.__dataclass_fields__ if f != "id"}
    mentioned = {line.lstrip("# ").split(":")[0] for line in text.splitlines() if ":" in line}
    assert fields <= mentioned
    required = set(yaml.safe_load(text))
    assert required and required < fields


def test_new_refuses_a_taken_id(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = Path("content/measures/example-insurance-programme.yaml").read_bytes()
    assert main(["new", "topic", "example-insurance-programme"]) == 1
    assert capsys.readouterr() == (
        "",
        "error: content/measures/example-insurance-programme.yaml already exists\n"
        "  hint: edit that file, or choose another id\n",
    )
    assert Path("content/measures/example-insurance-programme.yaml").read_bytes() == before
    assert not Path("content/topics/example-insurance-programme.yaml").exists()


NOT_AN_ID = (
    "  hint: use lower-case letters, digits and single hyphens, at most 80 characters, e.g. yiwu-premium-subsidy\n"
)
REFUSED = {
    "Yiwu_Subsidy": "error: 'Yiwu_Subsidy' is not a valid id\n" + NOT_AN_ID,
    "../escape": "error: '../escape' is not a valid id\n" + NOT_AN_ID,
    "a" * 81: f"error: '{'a' * 81}' is not a valid id\n" + NOT_AN_ID,
    **{
        reserved: f"error: '{reserved}' is reserved for a page the site generates\n  hint: choose another id\n"
        for reserved in sorted(RESERVED_IDS)
    },
}
"""Id -> the exact refusal on stderr: malformed, too long, and every id the site keeps for its own pages."""


@pytest.mark.parametrize("bad", REFUSED, ids=lambda bad: bad if len(bad) <= 20 else f"{len(bad)}-characters")
def test_new_refuses_a_malformed_or_reserved_id(
    bad: str, corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "measure", bad]) == 1
    assert capsys.readouterr() == ("", REFUSED[bad])
    assert sorted(p.name for p in Path("content/measures").iterdir()) == [
        "example-city-premium-subsidy.yaml",
        "example-insurance-programme.yaml",
    ]


def test_check_for_github_prints_annotations(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = Path("content/measures/example-city-premium-subsidy.yaml")
    path.write_text(path.read_text().replace("level: municipal", "level: city"))
    assert main(["check", "--content", "content", "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        f"::error file={path},line=9,col=8::level: unknown value 'city' (hint: expected one of: "
        "municipal, national, national-financial-institution, provincial)\n"
    )


def test_index_makes_a_search_index_of_any_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The search step needs no MkDocs: any folder of HTML pages with articles gets a Pagefind index."""
    site = tmp_path / "site"
    (site / "measures" / "a-measure").mkdir(parents=True)
    (site / "index.html").write_text(
        "<html lang='en'><body><article><h1>Home</h1></article></body></html>", encoding="utf-8"
    )
    page = "<html lang='en'><body><article><h1>Yiwu premium subsidy</h1><p>Up to 80%.</p></article></body></html>"
    (site / "measures" / "a-measure" / "index.html").write_text(page, encoding="utf-8")
    assert main(["index", "--site", str(site)]) == 0
    assert capsys.readouterr().out == f"{site}: indexed for search in {site / 'pagefind'}\n"
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind" / "fragment").iterdir())


def test_index_refuses_a_folder_with_no_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--site", str(tmp_path)]) == 1
    assert capsys.readouterr() == (
        "",
        f"error: {tmp_path} holds no built site\n  hint: build it first, e.g. mkdocs build\n",
    )
