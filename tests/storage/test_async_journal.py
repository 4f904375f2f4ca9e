"""The journal on its worker thread, driven from an asyncio loop as the GUI does."""

from __future__ import annotations

import asyncio
import io
import threading
from pathlib import Path

import pytest

from pos_app.storage import (
    AsyncJournal,
    Journal,
    JournalClosedError,
    JournalVersionError,
    OpState,
    UnknownOperationError,
    export_csv,
)
from pos_app.storage.schema import SCHEMA_VERSION
from tests.storage.helpers import CASHIER, COUNTER, MANAGER, SHOP, FakeClock, raw_connection


def _journal_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("journal")]


@pytest.mark.asyncio
async def test_collect_and_reverse_through_the_worker(journal_path: Path) -> None:
    journal = await AsyncJournal.open(
        journal_path, shop_uuid=SHOP, counter=COUNTER, clock=FakeClock()
    )
    try:
        op = await journal.call(
            Journal.begin_collect,
            customer_uuid="contact-aaaa",
            loyalty_transaction_uuid="lt-1",
            reward_title="Coffee mug",
            staff=CASHIER,
        )
        assert op.state is OpState.PENDING
        confirmed = await journal.call(Journal.confirm, op.operation_id, redemption_uuid="red-1")
        assert confirmed.redemption_uuid == "red-1"
        assert op.reference is not None
        found = await journal.call(Journal.find_by_reference, op.reference)
        assert found == confirmed
        assert await journal.call(Journal.find_by_redemption, "red-1") == confirmed

        reverse = await journal.call(
            Journal.begin_reverse,
            collect_operation_id=op.operation_id,
            reason="returned",
            staff=MANAGER,
        )
        assert await journal.call(Journal.unresolved) == [reverse]
        await journal.call(Journal.mark_unknown, reverse.operation_id, detail="timeout")
        await journal.call(
            Journal.resolve, reverse.operation_id, state="confirmed", note="item back in list"
        )
        assert await journal.call(Journal.is_reversed, op.operation_id)
        assert [
            o.operation_id for o in await journal.call(Journal.recent_operations, text="mug")
        ] == [
            reverse.operation_id,
            op.operation_id,
        ]
        assert len(await journal.call(Journal.history, reverse.operation_id)) == 3
        assert (await journal.call(Journal.operation, op.operation_id)).is_reversed
        event = await journal.call(Journal.record_event, "pin_lockout", staff=CASHIER)
        assert await journal.call(Journal.events) == [event]
        assert await journal.call(Journal.count) == 6
        assert (await journal.call(Journal.verify)).rows_checked == 6
        out = io.StringIO()
        assert await journal.call(export_csv, out) == 6
        assert len(out.getvalue().splitlines()) == 8  # header, 6 rows, end line
        with pytest.raises(UnknownOperationError):
            await journal.call(Journal.fail, "no-such-operation", code=1, message="x")
    finally:
        await journal.aclose()


@pytest.mark.asyncio
async def test_everything_runs_on_one_worker_thread(journal_path: Path) -> None:
    journal = await AsyncJournal.open(journal_path, shop_uuid=SHOP, counter=COUNTER)
    try:
        loop_thread = threading.get_ident()
        seen = {await journal.run(lambda _: threading.get_ident()) for _ in range(5)}
        assert len(seen) == 1
        assert loop_thread not in seen
        assert [thread.ident for thread in _journal_threads()] == list(seen)
        # The connection belongs to that thread: using it from the loop thread is refused.
        inner = await journal.run(lambda j: j)
        with pytest.raises(Exception, match="thread"):
            inner.count()
    finally:
        await journal.aclose()


@pytest.mark.asyncio
async def test_the_loop_keeps_running_during_a_slow_write(journal_path: Path) -> None:
    journal = await AsyncJournal.open(journal_path, shop_uuid=SHOP, counter=COUNTER)
    writing = threading.Event()
    loop_ran = threading.Event()

    def slow(j: Journal) -> int:
        # A disk having a bad moment: the write ends only once the loop has run meanwhile.
        writing.set()
        if not loop_ran.wait(10):
            raise AssertionError("the loop stood still during the write")
        return j.count()

    try:
        write = asyncio.ensure_future(journal.run(slow))
        assert await asyncio.to_thread(writing.wait, 10)
        loop_ran.set()  # this line runs on the loop while the write is still going on
        assert await write == 0
    finally:
        await journal.aclose()


@pytest.mark.asyncio
async def test_calls_run_in_the_order_they_were_made(journal_path: Path) -> None:
    journal = await AsyncJournal.open(journal_path, shop_uuid=SHOP, counter=COUNTER)
    try:
        ops = await asyncio.gather(
            *(
                journal.call(
                    Journal.begin_collect,
                    customer_uuid="contact-aaaa",
                    loyalty_transaction_uuid=f"lt-{n}",
                    reward_title=f"Reward {n}",
                )
                for n in range(20)
            )
        )
        rows = await journal.run(
            lambda j: [row["loyalty_transaction_uuid"] for row in j.raw_rows()]
        )
        assert rows == [f"lt-{n}" for n in range(20)]
        assert [op.loyalty_transaction_uuid for op in ops] == rows
    finally:
        await journal.aclose()


@pytest.mark.asyncio
async def test_aclose_finishes_queued_calls_then_closes(journal_path: Path) -> None:
    journal = await AsyncJournal.open(journal_path, shop_uuid=SHOP, counter=COUNTER)
    pending = asyncio.ensure_future(journal.call(Journal.record_event, "pin_lockout"))
    await asyncio.sleep(0)
    await journal.aclose()
    assert (await pending).id == 1
    assert journal.closed
    assert _journal_threads() == []
    with pytest.raises(JournalClosedError):
        await journal.call(Journal.count)
    await journal.aclose()  # idempotent
    with Journal.open_read_only(journal_path) as reader:
        assert reader.count() == 1


@pytest.mark.asyncio
async def test_a_refused_journal_leaves_no_thread(journal_path: Path) -> None:
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER):
        pass
    with raw_connection(journal_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(JournalVersionError):
        await AsyncJournal.open(journal_path, shop_uuid=SHOP, counter=COUNTER)
    for _ in range(100):
        if not _journal_threads():
            break
        await asyncio.sleep(0.01)
    assert _journal_threads() == []


@pytest.mark.asyncio
async def test_read_only_async_journal(journal_path: Path) -> None:
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER) as writer:
        writer.record_event("pin_lockout")
    journal = await AsyncJournal.open_read_only(journal_path)
    try:
        assert journal.path == journal_path
        assert (await journal.call(Journal.verify)).ok
        assert await journal.call(Journal.count) == 1
    finally:
        await journal.aclose()
