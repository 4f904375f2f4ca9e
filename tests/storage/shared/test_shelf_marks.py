""" "Ready on the shelf" marks made at any counter of the shop, read from the shared journal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from pos_app.storage import SHELF_CLEARED, SHELF_READY, Journal
from pos_app.storage.shared import chain_id_of, insert_rows, shelf_marks
from tests.helpers.postgres import COUNTER_A, COUNTER_A2, COUNTER_B, SharedDatabase
from tests.storage.helpers import CASHIER, MANAGER, SHOP, FakeClock

pytestmark = pytest.mark.asyncio


async def _copy(journal: Journal, db: SharedDatabase, login: str) -> None:
    rows = list(journal.raw_rows())
    async with await psycopg.AsyncConnection.connect(db.conninfo(login)) as conn:
        assert (await insert_rows(conn, chain_id_of(rows[0]), rows)).conflict is None


async def test_marks_of_every_counter_of_the_shop_are_found(
    local_journal: Journal, tmp_path: Path, shared_db: SharedDatabase
) -> None:
    local_journal.record_event(SHELF_READY, staff=CASHIER, loyalty_transaction_uuid="lt-1")
    local_journal.record_event("pin_lockout", staff=CASHIER)
    await _copy(local_journal, shared_db, COUNTER_A)
    with Journal.open(
        tmp_path / "c2" / "journal.sqlite3",
        shop_uuid=SHOP,
        counter="Counter 2",
        clock=FakeClock(datetime(2026, 5, 9, 10, 0, tzinfo=UTC)),
    ) as second:
        second.record_event(
            SHELF_READY, staff=MANAGER, loyalty_transaction_uuid="lt-1", reward_title="Shop mug"
        )
        second.record_event(SHELF_READY, staff=MANAGER, loyalty_transaction_uuid="lt-2")
        second.record_event(SHELF_READY, staff=MANAGER, loyalty_transaction_uuid="lt-4")
        # Taken back at the other counter: no mark any more.
        second.record_event(SHELF_CLEARED, staff=MANAGER, loyalty_transaction_uuid="lt-4")
        await _copy(second, shared_db, COUNTER_A2)
    with Journal.open(
        tmp_path / "other" / "journal.sqlite3", shop_uuid="shop-b", counter="B1", clock=FakeClock()
    ) as other_shop:
        other_shop.record_event(SHELF_READY, staff=CASHIER, loyalty_transaction_uuid="lt-3")
        await _copy(other_shop, shared_db, COUNTER_B)

    since = datetime(2026, 5, 9, 8, 0, tzinfo=UTC)
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A)) as conn:
        marks = await shelf_marks(conn, ["lt-1", "lt-2", "lt-3", "lt-4"], since=since)
        later = await shelf_marks(conn, ["lt-1"], since=datetime(2026, 5, 9, 11, 0, tzinfo=UTC))
        none = await shelf_marks(conn, [], since=since)

    assert set(marks) == {"lt-1", "lt-2"}
    # The latest mark wins, whichever counter made it.
    assert (marks["lt-1"].counter, marks["lt-1"].staff_name) == ("Counter 2", MANAGER.name)
    assert marks["lt-1"].reward_title == "Shop mug"
    assert later == {}
    assert none == {}
