"""Compare the shape of two JSON documents: the same keys and JSON types at every level."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

#: The docs' placeholder for "any type": nothing to compare.
ANY_PLACEHOLDER = "<any>"


@dataclass(frozen=True)
class Allowance:
    """A documented leeway at one path, with the reason it is allowed."""

    rule: Literal["nullable", "optional"]
    reason: str


def json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    raise TypeError(f"not a JSON value: {value!r}")


def compare_shapes(
    expected: object,
    actual: object,
    allow: Mapping[str, Allowance] | None = None,
    path: str = "$",
) -> list[str]:
    """Where ``actual`` differs in shape from ``expected``; empty when they agree.

    Lists are compared by their first elements; an empty list on either side has no element
    to compare and passes. An empty example object leaves its keys open (the docs' ``{}``
    means "a map"). Paths look like ``$.data[].reward.media``.
    """
    allow = allow or {}
    if expected == ANY_PLACEHOLDER:
        return []
    expected_kind, actual_kind = json_kind(expected), json_kind(actual)
    if expected_kind != actual_kind:
        allowance = allow.get(path)
        if allowance and allowance.rule == "nullable" and "null" in (expected_kind, actual_kind):
            return []
        return [f"{path}: example has {expected_kind}, simulator has {actual_kind}"]
    problems: list[str] = []
    if isinstance(expected, dict) and isinstance(actual, dict):
        if not expected:
            return []
        for key in expected.keys() | actual.keys():
            sub = f"{path}.{key}"
            if key in expected and key in actual:
                problems += compare_shapes(expected[key], actual[key], allow, sub)
                continue
            allowance = allow.get(sub)
            if allowance is not None and allowance.rule == "optional":
                continue
            where = "missing from the simulator's answer" if key in expected else "not in example"
            problems.append(f"{sub}: {where}")
    elif isinstance(expected, list) and isinstance(actual, list) and expected and actual:
        problems += compare_shapes(expected[0], actual[0], allow, f"{path}[]")
    return sorted(problems)
