"""The registry of record types and the field classifier: what a new kind of record relies on."""

from __future__ import annotations

from typing import NewType

import pytest
from conftest import CORPUS

from generator.catalog import claims, references
from generator.fields import kind_of
from generator.load import load_catalog
from generator.registry import RECORD_TYPES
from generator.render.bodies import BODIES


def test_every_kind_of_record_has_a_page_body_and_distinct_names() -> None:
    assert {kind.cls for kind in RECORD_TYPES} == set(BODIES)
    for attribute in ("folder", "singular", "title"):
        values = [getattr(kind, attribute) for kind in RECORD_TYPES]
        assert len(set(values)) == len(values), attribute


def test_a_field_type_no_part_of_the_generator_knows_is_refused() -> None:
    Unknown = NewType("Unknown", str)
    with pytest.raises(TypeError, match="the model uses a type no part of the generator knows: "):
        kind_of(Unknown)
    with pytest.raises(TypeError):
        kind_of(complex)


def test_claims_and_references_come_from_the_fields() -> None:
    """The anchors of the cited statements, in page order, and the records a page links to, read
    from the model's fields (nested ones included: the dates, a role's body, every citation)."""
    catalog = load_catalog(CORPUS / "content")
    measure = catalog.get(("measures", "example-insurance-programme"))
    assert [anchor for anchor, _, _ in claims(measure)] == [
        "summary",
        "status",
        "date-announced",
        "date-implemented",
        "provision-1",
        "provision-2",
        "figure-1",
    ]
    assert sorted(set(references(measure))) == [
        ("agencies", "example-insurer"),
        ("agencies", "example-ministry"),
        ("people", "jane-example"),
        ("places", "exampleland"),
        ("sources", "example-digest"),
        ("sources", "example-notice"),
        ("topics", "export-credit-insurance"),
    ]
    person = catalog.get(("people", "jane-example"))
    assert [anchor for anchor, _, _ in claims(person)] == ["role-1"]
    assert sorted(set(references(person))) == [("agencies", "example-ministry"), ("sources", "example-notice")]
