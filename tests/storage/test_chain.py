"""The hash chain, the append-only triggers, and verification finding the tampered row."""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from pathlib import Path

import pytest

from pos_app.storage import GENESIS_HASH, ChainProblem, Journal
from pos_app.storage.chain import (
    ADDED_FIELDS,
    HASHED_FIELDS,
    canonical_bytes,
    row_hash,
    verify_rows,
)
from pos_app.storage.model import COLUMNS
from tests.storage.helpers import collect, raw_connection


def _journal_with_rows(journal: Journal) -> None:
    """Five rows: collect 1 (2 rows), collect 2 (2 rows), a pin lockout event."""
    collect(journal, 1, title="Coffee mug")
    collect(journal, 2, title="Tote bag")
    journal.record_event("pin_lockout", note="5 wrong PINs")


def _tamper(path: Path, *statements: str) -> None:
    conn = raw_connection(path)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def test_canonical_serialization_is_fixed() -> None:
    row = dict.fromkeys(HASHED_FIELDS)
    row.update(
        id=1,
        recorded_at="2026-05-09T09:00:00.000000+00:00",
        operation_id="0f1e2d3c-4b5a-4968-8776-65544332211f",
        kind="collect",
        state="pending",
        shop_uuid="shop-0001",
        counter="Zähler 1",
        reward_title='Mug "XL"',
        prev_hash=GENESIS_HASH,
        hash="not part of the hash",
    )
    expected = (
        '{"counter":"Zähler 1","customer_uuid":null,"error_code":null,"error_message":null,'
        '"id":1,"kind":"collect","loyalty_transaction_uuid":null,"note":null,'
        '"operation_id":"0f1e2d3c-4b5a-4968-8776-65544332211f",'
        f'"prev_hash":"{"0" * 64}","reason":null,'
        '"recorded_at":"2026-05-09T09:00:00.000000+00:00","redemption_uuid":null,'
        '"resolved_by":null,"reverses_operation_id":null,"reward_title":"Mug \\"XL\\"",'
        '"shop_uuid":"shop-0001","staff_id":null,"staff_name":null,"state":"pending"}'
    ).encode()
    assert canonical_bytes(row) == expected
    assert row_hash(row) == hashlib.sha256(expected).hexdigest()
    # Pinned: changing the serialization would make every existing journal fail to verify.
    assert row_hash(row) == "2cb449278465606efac38289bda40aa9a6f7b621952e5f16b42ed86159fa9668"
    assert set(HASHED_FIELDS) | set(ADDED_FIELDS) == set(COLUMNS) - {"hash"}
    # A column added later is hashed only when it holds a value: this row has none.
    assert row_hash({**row, "customer_name": None}) == row_hash(row)


def test_rows_are_chained(journal: Journal, journal_path: Path) -> None:
    _journal_with_rows(journal)
    with raw_connection(journal_path) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(row) for row in conn.execute("SELECT * FROM journal ORDER BY id")]
    conn.close()
    assert [row["id"] for row in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["prev_hash"] == GENESIS_HASH == "0" * 64
    for previous, row in itertools.pairwise(rows):
        assert row["prev_hash"] == previous["hash"]
    for row in rows:
        assert row["hash"] == hashlib.sha256(canonical_bytes(row)).hexdigest()
    assert len({row["hash"] for row in rows}) == 5

    result = journal.verify()
    assert result.ok
    assert result.rows_checked == 5
    assert result.broken_row_id is None
    assert result.problem is None
    assert result.head_hash == rows[-1]["hash"]
    assert result.describe() == "Journal intact: 5 rows"


def test_empty_journal_verifies(journal: Journal) -> None:
    result = journal.verify()
    assert (result.ok, result.rows_checked, result.head_hash) == (True, 0, GENESIS_HASH)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE journal SET reward_title = 'Gold bar' WHERE id = 1",
        "UPDATE journal SET state = 'failed'",
        "DELETE FROM journal WHERE id = 2",
        "DELETE FROM journal",
        "INSERT OR REPLACE INTO journal SELECT * FROM journal WHERE id = 1",
    ],
)
def test_the_database_refuses_changes(journal: Journal, journal_path: Path, statement: str) -> None:
    _journal_with_rows(journal)
    with pytest.raises(sqlite3.IntegrityError, match=r"append-only|extend the hash chain"):
        _tamper(journal_path, statement)
    result = journal.verify()
    assert (result.ok, result.rows_checked) == (True, 5)


def test_the_database_refuses_rows_that_do_not_extend_the_chain(
    journal: Journal, journal_path: Path
) -> None:
    _journal_with_rows(journal)
    columns = ", ".join(COLUMNS)
    copy_last = f"SELECT {', '.join('6' if c == 'id' else c for c in COLUMNS)} FROM journal"
    with pytest.raises(sqlite3.IntegrityError, match="extend the hash chain"):
        # Right id, but prev_hash is the last row's own prev_hash.
        _tamper(journal_path, f"INSERT INTO journal ({columns}) {copy_last} WHERE id = 5")
    skip = f"SELECT {', '.join('7' if c == 'id' else c for c in COLUMNS)} FROM journal"
    with pytest.raises(sqlite3.IntegrityError, match="extend the hash chain"):
        _tamper(journal_path, f"INSERT INTO journal ({columns}) {skip} WHERE id = 5")
    assert journal.count() == 5


def test_a_changed_row_is_reported(journal: Journal, journal_path: Path) -> None:
    _journal_with_rows(journal)
    _tamper(
        journal_path,
        "DROP TRIGGER journal_no_update",
        "UPDATE journal SET reward_title = 'Gold bar' WHERE id = 3",
    )
    result = journal.verify()
    assert not result.ok
    assert result.broken_row_id == 3
    assert result.problem is ChainProblem.HASH_MISMATCH
    assert result.reason == "hash mismatch"
    assert result.rows_checked == 3
    assert result.describe().startswith("Journal broken at row 3: hash mismatch")
    assert "2 rows before it are intact" in result.describe()


def test_a_changed_row_with_a_recomputed_hash_breaks_the_link(
    journal: Journal, journal_path: Path
) -> None:
    _journal_with_rows(journal)
    conn = raw_connection(journal_path)
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM journal WHERE id = 3").fetchone())
    row["reward_title"] = "Gold bar"
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute(
        "UPDATE journal SET reward_title = ?, hash = ? WHERE id = 3",
        (row["reward_title"], row_hash(row)),
    )
    conn.close()
    result = journal.verify()
    assert (result.broken_row_id, result.problem) == (4, ChainProblem.PREV_HASH_MISMATCH)
    assert result.rows_checked == 4


def test_a_removed_row_is_reported_as_a_gap(journal: Journal, journal_path: Path) -> None:
    _journal_with_rows(journal)
    _tamper(journal_path, "DROP TRIGGER journal_no_delete", "DELETE FROM journal WHERE id = 2")
    result = journal.verify()
    assert (result.ok, result.broken_row_id, result.problem) == (False, 3, ChainProblem.GAP)
    assert result.reason == "gap in sequence"


def test_a_removed_first_row_is_reported(journal: Journal, journal_path: Path) -> None:
    _journal_with_rows(journal)
    _tamper(journal_path, "DROP TRIGGER journal_no_delete", "DELETE FROM journal WHERE id = 1")
    result = journal.verify()
    assert (result.broken_row_id, result.problem, result.rows_checked) == (2, ChainProblem.GAP, 1)


def test_cutting_off_the_end_shows_only_in_the_head_hash(
    journal: Journal, journal_path: Path
) -> None:
    _journal_with_rows(journal)
    noted = journal.verify().head_hash
    _tamper(journal_path, "DROP TRIGGER journal_no_delete", "DELETE FROM journal WHERE id = 5")
    result = journal.verify()
    assert (result.ok, result.rows_checked) == (True, 4)
    assert result.head_hash != noted


def test_verify_rows_without_a_database() -> None:
    first = dict.fromkeys(COLUMNS)
    first.update(id=1, recorded_at="t", kind="pin_lockout", counter="c", prev_hash=GENESIS_HASH)
    first["hash"] = row_hash(first)
    second = dict(first, id=2, prev_hash=first["hash"])
    second["hash"] = row_hash(second)
    assert verify_rows([first, second]).ok
    assert verify_rows([second]).problem is ChainProblem.GAP
    assert verify_rows([first, dict(second, prev_hash=GENESIS_HASH)]).problem is (
        ChainProblem.PREV_HASH_MISMATCH
    )
    assert verify_rows([first, dict(second, counter="d")]).problem is ChainProblem.HASH_MISMATCH
