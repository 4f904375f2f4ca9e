"""Creating, upgrading and refusing journal files."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from pos_app.storage import (
    SCHEMA_VERSION,
    Journal,
    JournalFormatError,
    JournalStorageError,
    JournalVersionError,
    OpState,
)
from pos_app.storage.schema import APPLICATION_ID, JOURNAL, MIGRATIONS
from pos_app.storage.sqlite import Migration, check_numbering, connect, migrate
from tests.storage.helpers import COUNTER, SHOP, FakeClock, collect, raw_connection

V2_INDEXES = {
    "journal_redemption",
    "journal_loyalty_transaction",
    "journal_reverses",
    "journal_kind",
}


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _schema_objects(path: Path) -> set[str]:
    with raw_connection(path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    return names


#: The number the next real migration step will have.
NEXT = len(MIGRATIONS) + 1


def _user_version(path: Path) -> int:
    with raw_connection(path) as conn:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.close()
    return version


def test_a_new_journal(journal: Journal, journal_path: Path) -> None:
    assert journal_path.is_file()  # folders were created
    conn = journal._connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert {"journal", "journal_no_update", "journal_no_delete", "journal_chain_link"} <= (
        _schema_objects(journal_path)
    )
    assert _schema_objects(journal_path) >= V2_INDEXES


def test_a_version_1_journal_is_upgraded(journal_path: Path, clock: FakeClock) -> None:
    journal_path.parent.mkdir(parents=True)
    conn = raw_connection(journal_path)
    assert migrate(conn, JOURNAL, path=journal_path, target=1) == 1
    old = Journal(conn, path=journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock)
    pickup = collect(old, 1)
    old.close()
    assert _user_version(journal_path) == 1
    assert not V2_INDEXES & _schema_objects(journal_path)
    with raw_connection(journal_path) as raw:
        (last_v1_hash,) = raw.execute("SELECT hash FROM journal WHERE id = 2").fetchone()
    raw.close()

    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as journal:
        assert _user_version(journal_path) == SCHEMA_VERSION
        assert _schema_objects(journal_path) >= V2_INDEXES
        assert journal.operation(pickup.operation_id).state is OpState.CONFIRMED
        reverse = journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
        (link,) = [entry.prev_hash for entry in journal.history(reverse.operation_id)]
        assert link == last_v1_hash
        result = journal.verify()
    assert (result.ok, result.rows_checked) == (True, 3)


def test_later_steps_are_applied_in_order(journal_path: Path) -> None:
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER) as journal:
        journal.record_event("pin_lockout")
    later = (
        *MIGRATIONS,
        Migration(NEXT, "notes table", ("CREATE TABLE notes (text TEXT)",)),
        Migration(NEXT + 1, "fill it", ("INSERT INTO notes SELECT kind FROM journal",)),
    )
    conn = connect(journal_path, replace(JOURNAL, migrations=later))
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == NEXT + 1
        assert conn.execute("SELECT text FROM notes").fetchall() == [("pin_lockout",)]
    finally:
        conn.close()


def test_a_failing_step_leaves_the_previous_version(journal_path: Path) -> None:
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER) as journal:
        journal.record_event("pin_lockout")
    broken = (
        *MIGRATIONS,
        Migration(NEXT, "good part", ("CREATE TABLE notes (text TEXT)",)),
        Migration(NEXT + 1, "bad part", ("CREATE TABLE more (x)", "THIS IS NOT SQL")),
    )
    with pytest.raises(JournalStorageError, match="cannot be opened"):
        connect(journal_path, replace(JOURNAL, migrations=broken))
    # Both steps ran in one transaction: neither stuck.
    assert _user_version(journal_path) == SCHEMA_VERSION
    assert not {"notes", "more"} & _schema_objects(journal_path)
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER) as journal:
        assert journal.verify().rows_checked == 1


def test_a_journal_from_a_newer_app_is_refused_untouched(journal_path: Path) -> None:
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER) as journal:
        collect(journal, 1)
    with raw_connection(journal_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _file_digest(journal_path)

    with pytest.raises(JournalVersionError, match="newer version of the app") as caught:
        Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER)
    assert (caught.value.found, caught.value.supported) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)
    assert "left untouched" in str(caught.value)
    with pytest.raises(JournalVersionError):
        Journal.open_read_only(journal_path)
    assert _file_digest(journal_path) == before
    # Reading a WAL database may create its side files, but nothing is written into them.
    wal = journal_path.with_name(journal_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert _user_version(journal_path) == SCHEMA_VERSION + 1


def test_a_file_that_is_not_a_journal_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("shopping list\n" * 100)
    with pytest.raises(JournalFormatError, match="not an SQLite database"):
        Journal.open(text, shop_uuid=SHOP, counter=COUNTER)
    assert text.read_text() == "shopping list\n" * 100

    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    with pytest.raises(JournalFormatError, match="empty"):
        Journal.open_read_only(empty)


@pytest.mark.parametrize(
    "statements",
    [
        ("CREATE TABLE customers (name TEXT)",),
        # Every file of this app gets its id in the step that first sets user_version.
        ("CREATE TABLE customers (name TEXT)", "PRAGMA user_version = 1"),
    ],
    ids=["no version", "a version but no application id"],
)
def test_another_apps_sqlite_file_is_refused_untouched(
    tmp_path: Path, statements: tuple[str, ...]
) -> None:
    other = tmp_path / "other.sqlite3"
    with raw_connection(other) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    before = _file_digest(other)
    with pytest.raises(JournalFormatError, match="not a journal of this app"):
        Journal.open(other, shop_uuid=SHOP, counter=COUNTER)
    assert _file_digest(other) == before


def test_migrations_are_numbered_in_order() -> None:
    assert [step.version for step in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
    with pytest.raises(RuntimeError, match="listed as step 2"):
        check_numbering((MIGRATIONS[0], Migration(3, "skipped one", ())))
