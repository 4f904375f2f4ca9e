"""Fixtures for the service tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos_app.sandbox import Simulator, start_simulator


@pytest.fixture(scope="module")
def simulator() -> Iterator[Simulator]:
    """The simulator over loopback HTTP, one per test module (reset it where state matters)."""
    with start_simulator() as sim:
        yield sim
