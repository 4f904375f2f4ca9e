"""Least privilege in the shared journal: what a counter's and head office's logins may do.

The roles are made by roles.sql (quoted in the README) in every test database.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from pos_app.storage import Journal
from pos_app.storage.shared import chain_id_of, insert_rows, stored_rows
from tests.helpers.postgres import (
    COUNTER_A,
    COUNTER_B,
    HEAD_OFFICE,
    ROLES_SQL,
    SHOP_A,
    SHOP_B,
    SharedDatabase,
)
from tests.storage.helpers import collect

Connection = psycopg.AsyncConnection[tuple[Any, ...]]


async def _copy(journal: Journal, db: SharedDatabase, login: str) -> str:
    rows = list(journal.raw_rows())
    chain = chain_id_of(rows[0])
    async with await psycopg.AsyncConnection.connect(db.conninfo(login)) as conn:
        result = await insert_rows(conn, chain, rows)
    assert result.conflict is None
    return chain


def _as(db: SharedDatabase, login: str, statement: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(db.conninfo(login), autocommit=True) as conn:
        cursor = conn.execute(statement.encode())
        return cursor.fetchall() if cursor.description else []


@pytest.mark.asyncio
async def test_a_counter_cannot_change_or_remove_rows(
    local_journal: Journal, shared_db: SharedDatabase
) -> None:
    collect(local_journal, 1)
    await _copy(local_journal, shared_db, COUNTER_A)
    for statement in (
        "UPDATE pos_shared.journal_row SET reward_title = 'Gold watch'",
        "DELETE FROM pos_shared.journal_row",
        "TRUNCATE pos_shared.journal_row",
        "ALTER TABLE pos_shared.journal_row DISABLE TRIGGER USER",
        "ALTER TABLE pos_shared.journal_row DISABLE ROW LEVEL SECURITY",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _as(shared_db, COUNTER_A, statement)
    assert shared_db.run("SELECT count(*), min(reward_title) FROM pos_shared.journal_row") == [
        (2, "Coffee mug")
    ]


@pytest.mark.asyncio
async def test_a_counter_reads_its_own_shops_rows_only(
    local_journal: Journal, tmp_path: Any, shared_db: SharedDatabase
) -> None:
    collect(local_journal, 1)
    chain_a = await _copy(local_journal, shared_db, COUNTER_A)
    with Journal.open(tmp_path / "b" / "journal.sqlite3", shop_uuid=SHOP_B, counter="B1") as other:
        collect(other, 7)
        chain_b = await _copy(other, shared_db, COUNTER_B)

    assert _as(shared_db, COUNTER_A, "SELECT DISTINCT shop FROM pos_shared.journal_row") == [
        (SHOP_A,)
    ]
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A)) as conn:
        assert await stored_rows(conn, chain_b, shop=SHOP_B) == []
        assert len(await stored_rows(conn, chain_a)) == 2
    # Nor can it learn which shop any other login belongs to.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _as(shared_db, COUNTER_A, "SELECT * FROM pos_shared.login")


@pytest.mark.asyncio
async def test_a_counter_cannot_add_rows_as_another_shop_or_rebind_its_login(
    local_journal: Journal, shared_db: SharedDatabase
) -> None:
    collect(local_journal, 1)
    row = next(local_journal.raw_rows())
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _as(
            shared_db,
            COUNTER_A,
            "INSERT INTO pos_shared.journal_row (shop, chain_id, seq, recorded_at,"
            " recorded_time, kind, counter, prev_hash, hash) VALUES"
            f" ('{SHOP_B}', '{row['hash']}', 1, '{row['recorded_at']}', now(), 'collect',"
            f" 'x', '{row['prev_hash']}', '{row['hash']}')",
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _as(shared_db, COUNTER_A, f"UPDATE pos_shared.login SET shop_uuid = '{SHOP_B}'")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _as(shared_db, COUNTER_A, "CREATE TABLE pos_shared.mine (n int)")
    assert shared_db.run("SELECT count(*) FROM pos_shared.journal_row") == [(0,)]


@pytest.mark.asyncio
async def test_head_office_reads_every_shop_and_writes_nothing(
    local_journal: Journal, tmp_path: Any, shared_db: SharedDatabase
) -> None:
    collect(local_journal, 1)
    await _copy(local_journal, shared_db, COUNTER_A)
    with Journal.open(tmp_path / "b" / "journal.sqlite3", shop_uuid=SHOP_B, counter="B1") as other:
        collect(other, 7)
        chain_b = await _copy(other, shared_db, COUNTER_B)

    assert _as(
        shared_db,
        HEAD_OFFICE,
        "SELECT shop, count(*) FROM pos_shared.journal_row GROUP BY 1 ORDER BY 1",
    ) == [(SHOP_A, 2), (SHOP_B, 2)]
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _as(shared_db, HEAD_OFFICE, "DELETE FROM pos_shared.journal_row")
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo(HEAD_OFFICE)) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            await insert_rows(conn, chain_b, list(local_journal.raw_rows()))


def test_the_readme_gives_the_roles_sql_the_tests_apply() -> None:
    readme = (ROLES_SQL.parents[3] / "README.md").read_text(encoding="utf-8")
    sql = ROLES_SQL.read_text(encoding="utf-8")
    assert sql[sql.index("DO $$") :] in readme
