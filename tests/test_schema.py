"""The published JSON Schema is the model's, and it accepts the real content."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import CORPUS, ROOT

from generator.schema import record_schema, schemas

SCHEMA_DIR = ROOT / "site_config" / "schema"
FOLDERS = sorted(name.removesuffix(".schema.json") for name in schemas() if not name.startswith("data-"))
"""The record folders, one schema each (the data-*.schema.json files describe the open data)."""

BOOL = "tag:yaml.org,2002:bool"
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2, as yaml-language-server does):
    ``2025-05-14`` and ``on`` are text, and only true and false are booleans. PyYAML's
    safe_load reads YAML 1.1, where the first is a date and the second a boolean; the schema,
    like the checker, takes both as text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in (BOOL, TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def read(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)


def test_committed_schema_files_match_the_model() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert committed == schemas(), "run `make schema` and commit the result"


def test_every_content_folder_has_a_schema() -> None:
    """Every folder of records (the fingerprints of the sources' texts are not records)."""
    for content in (ROOT / "content", CORPUS / "content"):
        assert sorted(p.name for p in content.iterdir() if p.is_dir() and p.name != "fingerprints") == FOLDERS


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("content", [ROOT / "content", CORPUS / "content"], ids=["content", "corpus"])
def test_the_schema_accepts_every_file_of_its_folder(content: Path, folder: str) -> None:
    schema = record_schema(folder)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((content / folder).glob("*.yaml"))
    assert files, f"no file in {content / folder}: the schema was not tried"
    errors = [
        f"{path.name}: {'/'.join(map(str, error.absolute_path))}: {error.message}"
        for path in files
        for error in validator.iter_errors(read(path))
    ]
    assert errors == []


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_schema_refuses_an_unknown_field_and_a_missing_one(folder: str) -> None:
    """The test above passes because the content is right, not because the schema takes anything."""
    validator = jsonschema.Draft202012Validator(record_schema(folder))
    record = read(min((ROOT / "content" / folder).glob("*.yaml")))
    assert isinstance(record, dict)
    assert [error.message for error in validator.iter_errors({**record, "colour": "red"})] == [
        "Additional properties are not allowed ('colour' was unexpected)"
    ]
    required = record_schema(folder)["required"][0]
    del record[required]
    assert [error.message for error in validator.iter_errors(record)] == [f"'{required}' is a required property"]


def test_the_editor_reads_a_date_as_text_and_on_as_a_key() -> None:
    assert yaml.load("on: 2025-05-14\nofficial: yes\nshown: true\n", Loader=EditorLoader) == {
        "on": "2025-05-14",
        "official": "yes",
        "shown": True,
    }


@pytest.mark.parametrize("content", [ROOT / "content", CORPUS / "content"], ids=["content", "corpus"])
def test_every_content_file_points_editors_at_the_committed_schema(content: Path) -> None:
    """The first line is a path from the file to the schema in site_config/schema, so that it works
    offline and on any branch (the corpus is built from a copy at <project>/content, where it leads
    to the same schema)."""
    files = sorted(content.glob("*/*.yaml"))
    assert len(files) >= len(FOLDERS)
    for path in files:
        folder = path.parent.name
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../../site_config/schema/{folder}.schema.json", path
        target = (ROOT / "content" / folder / first_line.partition("$schema=")[2]).resolve()
        assert target == SCHEMA_DIR / f"{folder}.schema.json" and target.is_file(), path


def test_schema_lists_every_field_with_its_documentation() -> None:
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


def _keys(value: object) -> list[object]:
    if isinstance(value, dict):
        return [*value, *(key for item in value.values() for key in _keys(item))]
    if isinstance(value, list):
        return [key for item in value for key in _keys(item)]
    return []


@pytest.mark.parametrize("content", [ROOT / "content", CORPUS / "content"], ids=["content", "corpus"])
def test_yaml_1_1_readers_see_the_same_keys(content: Path) -> None:
    """PyYAML's safe_load (YAML 1.1), which most scripts over this content would use, reads every
    key as the text it is: no `on:`, `yes:` or `no:` that it would turn into a boolean."""
    files = sorted(content.glob("*/*.yaml"))
    assert files
    for path in files:
        keys = _keys(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert all(isinstance(key, str) for key in keys), (path, [key for key in keys if not isinstance(key, str)])
