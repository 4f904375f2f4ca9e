"""The outbox: the local journal's rows copied to PostgreSQL, in order, once, eventually."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
import pytest_asyncio

from pos_app.storage import AsyncJournal, Journal
from pos_app.storage.shared import (
    SharedJournalRefusedError,
    chain_id_of,
    stored_rows,
    verify_chain,
)
from pos_app.storage.shared.connection import SharedJournalTarget
from pos_app.storage.shared.copier import CopyMark, JournalCopier
from tests.helpers import wait_until
from tests.helpers.postgres import COUNTER_A, TEST_PASSWORD, SharedDatabase
from tests.storage.helpers import collect, raw_connection

pytestmark = pytest.mark.asyncio

ROOT = Path(__file__).resolve().parents[3]


@pytest_asyncio.fixture
async def reader(local_journal: Journal) -> AsyncIterator[AsyncJournal]:
    """The copier's own read-only view of the counter's journal."""
    collect(local_journal, 1)  # a journal has its first row before there is a chain
    opened = await AsyncJournal.open_read_only(local_journal.path)
    try:
        yield opened
    finally:
        await opened.aclose()


def _target(db: SharedDatabase) -> SharedJournalTarget:
    return SharedJournalTarget(url=db.url(COUNTER_A), password=TEST_PASSWORD)


def _copier(
    reader: AsyncJournal,
    db: SharedDatabase,
    mark: CopyMark,
    *,
    batch_size: int = 500,
    poll_interval: float = 30.0,
    retry_delays: tuple[float, ...] = (1.0,),
) -> JournalCopier:
    return JournalCopier(
        reader,
        _target(db).connect,
        mark=mark,
        batch_size=batch_size,
        poll_interval=poll_interval,
        retry_delays=retry_delays,
    )


@pytest.fixture
def mark(tmp_path: Path) -> CopyMark:
    return CopyMark(tmp_path / "data" / "shared_journal.json")


async def _shared(db: SharedDatabase, journal: Journal) -> list[dict[str, object]]:
    chain = chain_id_of(next(journal.raw_rows()))
    async with await psycopg.AsyncConnection.connect(db.conninfo(COUNTER_A)) as conn:
        return await stored_rows(conn, chain)


def _cut_off(db: SharedDatabase) -> None:
    """The database becomes unreachable for the counter: no new connection, none kept."""
    db.run(f'REVOKE CONNECT ON DATABASE "{db.name}" FROM PUBLIC')
    db.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", COUNTER_A)


def _bring_back(db: SharedDatabase) -> None:
    db.run(f'GRANT CONNECT ON DATABASE "{db.name}" TO PUBLIC')


async def test_rows_are_copied_in_order_and_the_backlog_empties(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    collect(local_journal, 2)
    local = list(local_journal.raw_rows())
    copier = _copier(reader, shared_db, mark, batch_size=3)

    before = await copier.backlog()
    assert (before.rows, before.copied_through) == (4, 0)
    assert before.oldest is not None
    assert before.oldest == datetime.fromisoformat(local[0]["recorded_at"])

    assert await copier.copy_pending() == 4
    after = await copier.backlog()
    assert (after.rows, after.oldest, after.copied_through) == (0, None, 4)
    assert await _shared(shared_db, local_journal) == local
    async with await _target(shared_db).connect() as conn:
        assert (await verify_chain(conn, chain_id_of(local[0]))).ok
    await copier.aclose()


async def test_copying_again_or_without_the_mark_stores_no_row_twice(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    copier = _copier(reader, shared_db, mark)
    assert await copier.copy_pending() == 2
    collect(local_journal, 2)
    assert await copier.copy_pending() == 2
    assert await copier.copy_pending() == 0
    await copier.aclose()
    # The note of how far it got is lost: the rows are compared again, none added.
    mark.path.unlink()
    again = _copier(reader, shared_db, mark)
    assert (await again.backlog()).rows == 4
    assert await again.copy_pending() == 0
    assert (await again.backlog()).rows == 0
    await again.aclose()
    assert await _shared(shared_db, local_journal) == list(local_journal.raw_rows())


class _CrashBeforeNoting(CopyMark):
    """The process dies right after a batch was stored, before it noted how far it got."""

    def save(self, chain_id: str, copied_through: int) -> None:
        raise SystemExit("killed")


async def test_a_crash_after_storing_before_noting_leaves_no_gap_and_no_double(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    for n in range(2, 5):
        collect(local_journal, n)
    crashing = _copier(reader, shared_db, _CrashBeforeNoting(mark.path), batch_size=3)
    with pytest.raises(SystemExit):
        await crashing.copy_pending()
    await crashing.aclose()
    assert len(await _shared(shared_db, local_journal)) == 3

    restarted = _copier(reader, shared_db, mark, batch_size=3)
    assert (await restarted.backlog()).rows == 8
    assert await restarted.copy_pending() == 5
    await restarted.aclose()
    assert await _shared(shared_db, local_journal) == list(local_journal.raw_rows())


async def test_a_database_restored_from_an_older_backup_gets_the_lost_rows_again(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    collect(local_journal, 2)
    copier = _copier(reader, shared_db, mark)
    await copier.copy_pending()
    await copier.aclose()
    shared_db.run("ALTER TABLE pos_shared.journal_row DISABLE TRIGGER USER")
    shared_db.run("DELETE FROM pos_shared.journal_row WHERE seq > 1")
    shared_db.run("ALTER TABLE pos_shared.journal_row ENABLE TRIGGER USER")

    restarted = _copier(reader, shared_db, mark)
    assert await restarted.copy_pending() == 3
    await restarted.aclose()
    assert await _shared(shared_db, local_journal) == list(local_journal.raw_rows())


async def test_a_row_that_differs_from_the_stored_one_stops_copying_and_is_reported(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    copier = _copier(reader, shared_db, mark)
    await copier.copy_pending()
    await copier.aclose()
    copied = await _shared(shared_db, local_journal)
    conn = raw_connection(local_journal.path)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET reward_title = 'Gold watch' WHERE id = 2")
    conn.close()
    collect(local_journal, 2)
    mark.path.unlink()

    again = _copier(reader, shared_db, mark)
    assert await again.copy_pending() == 0
    backlog = await again.backlog()
    assert backlog.conflict is not None
    assert backlog.conflict.seq == 2
    assert (backlog.rows, backlog.copied_through) == (3, 1)
    assert await again.copy_pending() == 0
    await again.aclose()
    assert await _shared(shared_db, local_journal) == copied


async def test_a_counter_cut_off_from_the_database_works_on_and_catches_up(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    copier = _copier(reader, shared_db, mark, poll_interval=3600, retry_delays=(3600,))
    task = asyncio.create_task(copier.run())
    try:
        await wait_until(lambda: copier.passes >= 1)
        assert (await copier.backlog()).rows == 0

        _cut_off(shared_db)
        collect(local_journal, 2)  # the counter works on as without the database
        collect(local_journal, 3)
        passes = copier.passes
        copier.wake()
        await wait_until(lambda: copier.passes > passes)
        behind = await copier.backlog()
        assert behind.rows == 4
        assert behind.last_error is not None
        assert TEST_PASSWORD not in behind.last_error

        # Still away: a wake-up tries again and fails again.
        passes = copier.passes
        copier.wake()
        await wait_until(lambda: copier.passes > passes)
        assert (await copier.backlog()).rows == 4

        _bring_back(shared_db)
        copier.wake()
        await wait_until(lambda: copier.last_error is None and copier.passes > passes + 1)
        assert (await copier.backlog()).rows == 0
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await copier.aclose()
    assert await _shared(shared_db, local_journal) == list(local_journal.raw_rows())


async def test_a_copier_stopped_as_it_is_woken_stops(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    # A counter closing just as a hand-over wakes its copier: the stop must not be lost, or
    # the closing window waits for the copier's next poll (here an hour).
    copier = _copier(reader, shared_db, mark, poll_interval=3600)
    task = asyncio.create_task(copier.run())
    try:
        # A pass counts as it ends, and the copier pauses in the same step.
        await wait_until(lambda: copier.passes >= 1)
        copier.wake()
        task.cancel()
        done, _pending = await asyncio.wait([task], timeout=5)
        assert task in done, "the copier went on after it was stopped"
        assert task.cancelled()
    finally:
        if not task.done():
            task.cancel()
        await copier.aclose()


async def test_a_copier_killed_mid_sync_resumes_without_a_gap_or_a_double(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    for n in range(2, 5):
        collect(local_journal, n)
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.storage.shared.copy_child",
        str(local_journal.path),
        str(mark.path),
        shared_db.url(COUNTER_A),
        "--batch=3",
        "--hang-at=6",
        cwd=ROOT,
        env={**os.environ, "POS_APP_SHARED_JOURNAL_PASSWORD": TEST_PASSWORD},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        line = await asyncio.wait_for(child.stdout.readline(), 60)
    finally:
        child.kill()  # SIGKILL: the batch of rows 4-6 is stored, the note says 3
        _out, errors = await child.communicate()
    assert line.strip() == b"stored 6", errors.decode()
    assert len(await _shared(shared_db, local_journal)) == 6

    restarted = _copier(reader, shared_db, mark, batch_size=3)
    assert (await restarted.backlog()).rows == 5
    assert await restarted.copy_pending() == 2
    await restarted.aclose()
    assert await _shared(shared_db, local_journal) == list(local_journal.raw_rows())


async def test_a_login_that_belongs_to_no_shop_is_told_so(
    reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    shared_db.run(
        f"CREATE ROLE unmapped_counter LOGIN PASSWORD '{TEST_PASSWORD}' IN ROLE pos_counter"
    )
    try:
        target = SharedJournalTarget(url=shared_db.url("unmapped_counter"), password=TEST_PASSWORD)
        copier = JournalCopier(reader, target.connect, mark=mark)
        with pytest.raises(SharedJournalRefusedError, match="unmapped_counter belongs to no shop"):
            await copier.copy_pending()
        assert (await copier.backlog()).rows == 2
        await copier.aclose()
    finally:
        shared_db.run("DROP ROLE unmapped_counter")


async def test_a_claims_rows_are_copied_with_its_reward_and_points(
    local_journal: Journal, reader: AsyncJournal, shared_db: SharedDatabase, mark: CopyMark
) -> None:
    claim = local_journal.begin_claim(
        customer_uuid="contact-aaaa", reward_uuid="reward-1", reward_title="Shop mug", points=250
    )
    local_journal.confirm(claim.operation_id, loyalty_transaction_uuid="lt-claimed")
    copier = _copier(reader, shared_db, mark)
    assert await copier.copy_pending() == 4
    await copier.aclose()
    stored = await _shared(shared_db, local_journal)
    assert stored == list(local_journal.raw_rows())
    assert [(row["reward_uuid"], row["points"]) for row in stored[2:]] == [
        ("reward-1", "250"),
        ("reward-1", "250"),
    ]
    async with await _target(shared_db).connect() as conn:
        assert (await verify_chain(conn, chain_id_of(stored[0]))).ok
