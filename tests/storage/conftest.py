from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.storage import Journal
from tests.storage.helpers import COUNTER, SHOP, FakeClock


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def journal(journal_path: Path, clock: FakeClock) -> Iterator[Journal]:
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as opened:
        yield opened
