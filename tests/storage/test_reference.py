"""Pickup references: short, stable, forgiving when typed."""

from __future__ import annotations

import re
import uuid

import pytest

from pos_app.storage import parse_reference, pickup_reference
from pos_app.storage.reference import operation_id_prefix


def test_format_and_stability() -> None:
    operation_id = "0f1e2d3c-4b5a-4968-8776-65544332211f"
    # 0x0f1e2d3c4b = 0b00001 11100 01111 00010 11010 01111 00010 01011
    assert pickup_reference(operation_id) == "PU-1WF2TF2B"
    assert pickup_reference(operation_id.upper()) == "PU-1WF2TF2B"
    assert pickup_reference("00000000-0000-4000-8000-000000000000") == "PU-00000000"
    assert pickup_reference("ffffffff-ff00-4000-8000-000000000000") == "PU-ZZZZZZZZ"


def test_references_map_back_to_the_operation_id_prefix() -> None:
    for _ in range(500):
        operation_id = str(uuid.uuid4())
        reference = pickup_reference(operation_id)
        assert re.fullmatch(r"PU-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}", reference)
        assert operation_id_prefix(reference) == operation_id[:11]
        assert parse_reference(reference) == reference


@pytest.mark.parametrize(
    "typed",
    [
        "PU-1WF2TF2B",
        "pu-1wf2tf2b",
        "  PU1WF2TF2B\n",
        "PU 1WF2 TF2B",
        "PU-1WF2-TF2B",
        "PU-IWF2TF2B",
        "pu-lwf2tf2b",
    ],
)
def test_parse_forgives_how_it_was_typed(typed: str) -> None:
    assert parse_reference(typed) == "PU-1WF2TF2B"


def test_o_is_read_as_zero() -> None:
    assert parse_reference("PU-OOOOOOOO") == "PU-00000000"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "PU-",
        "PU-1WF2TF2",
        "PU-1WF2TF2BB",
        "1WF2TF2B",
        "PU-1WF2TF2U",
        "QR-1WF2TF2B",
        "PU-1WF2TF2!",
    ],
)
def test_parse_rejects_what_is_not_a_reference(text: str) -> None:
    assert parse_reference(text) is None


def test_prefix_needs_a_canonical_reference() -> None:
    with pytest.raises(ValueError, match="not a pickup reference"):
        operation_id_prefix("PU-1WF2")
    with pytest.raises(ValueError, match="not a pickup reference"):
        operation_id_prefix("PU-1WF2TF2U")
