"""Fixtures for the API client tests (helpers live in tests/api/fakes.py)."""

from __future__ import annotations

import pytest

from tests.api.fakes import FakeServer, SleepRecorder


@pytest.fixture
def server() -> FakeServer:
    return FakeServer()


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()
