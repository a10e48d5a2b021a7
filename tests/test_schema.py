"""The published JSON Schema is the model's, and it accepts the real content."""

from __future__ import annotations

from conftest import ROOT

from generator.schema import schemas

SCHEMA_DIR = ROOT / "site_config" / "schema"


def test_committed_schema_files_match_the_model() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert committed == schemas(), "run `make schema` and commit the result"


def test_schema_lists_every_field_with_its_documentation() -> None:
    import json

    measure = json.loads(schemas()["measures.schema.json"])
    assert measure["required"] == ["title", "summary", "agencies", "jurisdiction", "level", "instruments"]
    assert measure["additionalProperties"] is False
    assert measure["properties"]["level"]["enum"] == [
        "national",
        "provincial",
        "municipal",
        "national-financial-institution",
    ]
    cite = measure["properties"]["summary"]["properties"]["cite"]
    assert cite["minItems"] == 1
    assert cite["items"]["required"] == ["source", "para"]
    assert all(prop["description"] for prop in measure["properties"].values())
