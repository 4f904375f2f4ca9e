"""The shape comparison used by the contract tests must notice what it is there to notice."""

from __future__ import annotations

from tests.sandbox.shapes import Allowance, compare_shapes


def test_same_shape_passes() -> None:
    example = {"data": [{"uuid": "a", "n": 1, "ok": True, "x": None}], "meta": {}}
    answer = {"data": [{"uuid": "b", "n": 7, "ok": False, "x": None}], "meta": {"k": 1}}
    assert compare_shapes(example, answer) == []


def test_missing_and_extra_keys_are_reported() -> None:
    problems = compare_shapes({"a": 1, "b": 2}, {"a": 1, "c": 3})
    assert problems == ["$.b: missing from the simulator's answer", "$.c: not in example"]


def test_type_changes_are_reported_at_depth() -> None:
    example = {"data": [{"reward": {"id": 1, "cost": 1.5, "tags": ["x"]}}]}
    answer = {"data": [{"reward": {"id": "1", "cost": 2, "tags": [3]}}]}
    assert compare_shapes(example, answer) == [
        "$.data[].reward.cost: example has number, simulator has integer",
        "$.data[].reward.id: example has integer, simulator has string",
        "$.data[].reward.tags[]: example has string, simulator has integer",
    ]


def test_list_against_map_is_reported() -> None:
    # Piggy's "meta": [] versus {} is exactly such a difference.
    assert compare_shapes({"meta": []}, {"meta": {}}) == [
        "$.meta: example has array, simulator has object"
    ]


def test_null_passes_only_where_allowed() -> None:
    example = {"media": {"type": "image"}}
    assert compare_shapes(example, {"media": None}) == [
        "$.media: example has object, simulator has null"
    ]
    allow = {"$.media": Allowance("nullable", "no picture")}
    assert compare_shapes(example, {"media": None}, allow) == []


def test_optional_key_passes_only_where_allowed() -> None:
    allow = {"$.extra": Allowance("optional", "custom attribute")}
    assert compare_shapes({"a": 1}, {"a": 1, "extra": "x"}, allow) == []
    assert compare_shapes({"a": 1}, {"a": 1, "other": "x"}, allow) == ["$.other: not in example"]


def test_any_placeholder_matches_anything() -> None:
    assert compare_shapes({"title": "<any>"}, {"title": {"en": "x"}}) == []
