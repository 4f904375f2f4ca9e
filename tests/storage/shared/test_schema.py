"""The shared journal's schema: versioned migrations, append-only rows, the chain's links."""

from __future__ import annotations

import psycopg
import pytest

from pos_app.storage.chain import GENESIS_HASH
from pos_app.storage.shared import (
    SCHEMA_VERSION,
    SharedJournalSchemaError,
    SharedJournalVersionError,
    check_schema,
    migrate,
    schema_version,
)
from tests.helpers.postgres import SHOP_A, SharedDatabase

_INSERT = (
    "INSERT INTO pos_shared.journal_row (shop, chain_id, seq, recorded_at, recorded_time, kind,"
    " counter, prev_hash, hash) VALUES (%s, %s, %s, '2026-05-09T09:00:00.000000+00:00',"
    " '2026-05-09T09:00:00Z', 'pin_lockout', 'Counter 1', %s, %s)"
)
CHAIN = "c" * 64


@pytest.mark.asyncio
async def test_an_empty_database_is_migrated_step_by_step_once(
    empty_shared_db: SharedDatabase,
) -> None:
    async with await psycopg.AsyncConnection.connect(empty_shared_db.conninfo()) as conn:
        assert await schema_version(conn) == 0
        with pytest.raises(SharedJournalSchemaError, match="not set up"):
            await check_schema(conn)
        assert await migrate(conn) == SCHEMA_VERSION
        assert await migrate(conn) == SCHEMA_VERSION
        await check_schema(conn)
        cursor = await conn.execute(
            "SELECT version FROM pos_shared.schema_migration ORDER BY version"
        )
        assert [row[0] for row in await cursor.fetchall()] == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.asyncio
async def test_a_database_migrated_by_a_newer_app_is_refused_untouched(
    shared_db: SharedDatabase,
) -> None:
    newer = SCHEMA_VERSION + 1
    shared_db.run(
        "INSERT INTO pos_shared.schema_migration (version, description) VALUES (%s, 'later')",
        newer,
    )
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo()) as conn:
        with pytest.raises(SharedJournalVersionError, match="newer version of the app") as error:
            await migrate(conn)
        assert error.value.found == newer
        with pytest.raises(SharedJournalVersionError):
            await check_schema(conn)
    assert shared_db.run("SELECT max(version) FROM pos_shared.schema_migration") == [(newer,)]


def test_rows_cannot_be_changed_or_removed_even_by_the_owner(shared_db: SharedDatabase) -> None:
    first = "1" * 64
    shared_db.run(_INSERT, SHOP_A, first, 1, GENESIS_HASH, first)
    for statement in (
        "UPDATE pos_shared.journal_row SET note = 'changed'",
        "DELETE FROM pos_shared.journal_row",
        "TRUNCATE pos_shared.journal_row",
    ):
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            shared_db.run(statement)
    assert shared_db.run("SELECT count(*), max(note) FROM pos_shared.journal_row") == [(1, None)]


def test_a_row_must_extend_its_chain(shared_db: SharedDatabase) -> None:
    first = "1" * 64
    # The first row's hash names the chain; a gap or a fork is refused.
    with pytest.raises(psycopg.errors.RaiseException, match="does not extend"):
        shared_db.run(_INSERT, SHOP_A, CHAIN, 1, GENESIS_HASH, first)
    shared_db.run(_INSERT, SHOP_A, first, 1, GENESIS_HASH, first)
    with pytest.raises(psycopg.errors.RaiseException, match="does not extend"):
        shared_db.run(_INSERT, SHOP_A, first, 3, "2" * 64, "3" * 64)
    with pytest.raises(psycopg.errors.RaiseException, match="does not extend"):
        shared_db.run(_INSERT, SHOP_A, first, 2, "9" * 64, "2" * 64)
    shared_db.run(_INSERT, SHOP_A, first, 2, first, "2" * 64)
    assert shared_db.run("SELECT seq FROM pos_shared.journal_row ORDER BY seq") == [(1,), (2,)]
