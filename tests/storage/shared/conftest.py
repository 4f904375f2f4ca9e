from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import pytest_asyncio

from pos_app.storage import Journal
from tests.helpers.postgres import COUNTER_A, SharedDatabase
from tests.storage.helpers import COUNTER, SHOP, FakeClock

Connection = psycopg.AsyncConnection[tuple[Any, ...]]


@pytest.fixture
def local_journal(tmp_path: Path) -> Iterator[Journal]:
    """A counter's local journal (shop A in the shared one, through its login)."""
    with Journal.open(
        tmp_path / "data" / "journal.sqlite3", shop_uuid=SHOP, counter=COUNTER, clock=FakeClock()
    ) as opened:
        yield opened


@pytest_asyncio.fixture
async def counter_conn(shared_db: SharedDatabase) -> AsyncIterator[Connection]:
    """A connection as counter 1 of shop A."""
    conn = await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A))
    try:
        yield conn
    finally:
        await conn.close()
