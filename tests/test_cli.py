"""The contributor's commands: `new` writes a template, `check --format github` annotates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.model import RECORD_TYPES
from generator.template import schema_comment


@pytest.mark.parametrize("kind", ["measure", "source", "agency", "person", "place", "topic", "event"])
def test_new_writes_a_template_with_every_field(kind: str, corpus_copy: Path, capsys: pytest.CaptureFixture) -> None:
    folder = {"agency": "agencies", "person": "people"}.get(kind, kind + "s")
    assert main(["new", kind, "a-new-record"]) == 0
    path = Path("content") / folder / "a-new-record.yaml"
    assert capsys.readouterr().out == f"{path}: written; fill it in, then run `python -m generator check`\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(schema_comment(folder) + "\n")
    fields = {f for f in RECORD_TYPES[folder].__dataclass_fields__ if f != "id"}
    mentioned = {line.lstrip("# ").split(":")[0] for line in text.splitlines() if ":" in line}
    assert fields <= mentioned
    required = set(yaml.safe_load(text))
    assert required and required < fields


def test_new_refuses_a_taken_id(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = Path("content/measures/example-insurance-programme.yaml").read_bytes()
    assert main(["new", "topic", "example-insurance-programme"]) == 1
    assert capsys.readouterr().err == (
        "error: content/measures/example-insurance-programme.yaml already exists\n"
        "  hint: edit that file, or choose another id\n"
    )
    assert Path("content/measures/example-insurance-programme.yaml").read_bytes() == before
    assert not Path("content/topics/example-insurance-programme.yaml").exists()


@pytest.mark.parametrize("bad", ["Yiwu_Subsidy", "../escape", "index"])
def test_new_refuses_a_malformed_or_reserved_id(bad: str, corpus_copy: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["new", "measure", bad]) == 1
    assert capsys.readouterr().err.startswith("error: ")
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
