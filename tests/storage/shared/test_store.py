"""Copying journal rows into the shared journal: as written, once, never overwritten."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from pos_app.storage import ChainProblem, Journal
from pos_app.storage.shared import chain_id_of, insert_rows, stored_rows, verify_chain
from tests.helpers.postgres import SHOP_A, SharedDatabase
from tests.storage.helpers import collect, raw_connection

Connection = psycopg.AsyncConnection[tuple[Any, ...]]


@pytest.mark.asyncio
async def test_rows_are_stored_as_the_journal_holds_them_and_verify(
    local_journal: Journal, counter_conn: Connection
) -> None:
    collect(local_journal, 1)
    collect(local_journal, 2)
    rows = list(local_journal.raw_rows())
    chain = chain_id_of(rows[0])

    result = await insert_rows(counter_conn, chain, rows)

    assert (result.inserted, result.already_stored, result.conflict) == (4, 0, None)
    assert await stored_rows(counter_conn, chain) == rows
    verified = await verify_chain(counter_conn, chain)
    assert verified.ok
    assert verified.rows_checked == 4
    assert verified.head_hash == rows[-1]["hash"]


@pytest.mark.asyncio
async def test_a_row_copied_twice_is_one_row(
    local_journal: Journal, counter_conn: Connection, shared_db: SharedDatabase
) -> None:
    collect(local_journal, 1)
    rows = list(local_journal.raw_rows())
    chain = chain_id_of(rows[0])
    await insert_rows(counter_conn, chain, rows[:1])

    again = await insert_rows(counter_conn, chain, rows)

    assert (again.inserted, again.already_stored, again.conflict) == (1, 1, None)
    assert shared_db.run("SELECT shop, seq FROM pos_shared.journal_row ORDER BY seq") == [
        (SHOP_A, 1),
        (SHOP_A, 2),
    ]


@pytest.mark.asyncio
async def test_a_copied_row_that_differs_is_reported_and_the_stored_one_kept(
    local_journal: Journal, counter_conn: Connection
) -> None:
    collect(local_journal, 1)
    collect(local_journal, 2)
    rows = list(local_journal.raw_rows())
    chain = chain_id_of(rows[0])
    await insert_rows(counter_conn, chain, rows[:3])
    # The local file is changed behind the app's back after row 2 was copied.
    conn = raw_connection(local_journal.path)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET reward_title = 'Gold watch' WHERE id = 2")
    conn.close()
    changed = list(local_journal.raw_rows())

    result = await insert_rows(counter_conn, chain, changed)

    assert result.conflict is not None
    assert result.conflict.seq == 2
    assert "differs" in result.conflict.reason
    assert result.inserted == 0
    assert await stored_rows(counter_conn, chain) == rows[:3]


@pytest.mark.asyncio
async def test_a_row_changed_in_the_database_breaks_the_verified_chain(
    local_journal: Journal, counter_conn: Connection, shared_db: SharedDatabase
) -> None:
    for n in range(1, 4):
        collect(local_journal, n)
    rows = list(local_journal.raw_rows())
    chain = chain_id_of(rows[0])
    await insert_rows(counter_conn, chain, rows)
    # Someone with the owner's rights switches the guard off and edits a row.
    shared_db.run("ALTER TABLE pos_shared.journal_row DISABLE TRIGGER USER")
    shared_db.run("UPDATE pos_shared.journal_row SET reward_title = 'Gold watch' WHERE seq = 3")

    verified = await verify_chain(counter_conn, chain)

    assert not verified.ok
    assert verified.broken_row_id == 3
    assert verified.problem is ChainProblem.HASH_MISMATCH
