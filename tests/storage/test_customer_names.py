"""The customer's short display name on collect rows: format 4 of the journal."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from pos_app.storage import SCHEMA_VERSION, Journal, JournalStorageError
from pos_app.storage.schema import JOURNAL, MIGRATIONS
from pos_app.storage.sqlite import Migration, connect, migrate
from tests.storage.helpers import COUNTER, MANAGER, SHOP, FakeClock, collect, raw_connection

#: The format before customer names were kept.
BEFORE_NAMES = 3


def _columns(path: Path) -> list[str]:
    with raw_connection(path) as conn:
        names = [row[1] for row in conn.execute("PRAGMA table_info(journal)")]
    conn.close()
    return names


def _old_journal(path: Path, clock: FakeClock) -> str:
    """A journal in the format before names, with one confirmed collect; its id."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = raw_connection(path)
    assert migrate(conn, JOURNAL, path=path, target=BEFORE_NAMES) == BEFORE_NAMES
    old = Journal(conn, path=path, shop_uuid=SHOP, counter=COUNTER, clock=clock)
    operation_id = collect(old, 1, title="Coffee mug").operation_id
    old.close()
    return operation_id


def test_an_older_journal_is_upgraded_and_keeps_verifying(
    journal_path: Path, clock: FakeClock
) -> None:
    old_id = _old_journal(journal_path, clock)
    assert "customer_name" not in _columns(journal_path)

    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as journal:
        assert "customer_name" in _columns(journal_path)
        assert SCHEMA_VERSION > BEFORE_NAMES
        old = journal.operation(old_id)
        assert old.customer_name is None  # shown as "—"
        new = journal.begin_collect(
            customer_uuid="contact-bbbb",
            loyalty_transaction_uuid="lt-2",
            reward_title="Tote bag",
            customer_name="Robin V.",
        )
        confirmed = journal.confirm(new.operation_id, redemption_uuid="red-2")
        assert confirmed.customer_name == "Robin V."
        # Every row of the operation repeats it, so a single exported row reads on its own.
        assert [e.customer_name for e in journal.history(new.operation_id)] == ["Robin V."] * 2
        result = journal.verify()
    assert (result.ok, result.rows_checked) == (True, 4)


def test_an_older_journal_is_read_without_upgrading_it(
    journal_path: Path, clock: FakeClock
) -> None:
    old_id = _old_journal(journal_path, clock)
    with Journal.open_read_only(journal_path) as journal:
        (found,) = journal.recent_operations(text="coffee")
        assert found.operation_id == old_id
        assert found.customer_name is None
        assert journal.verify().ok
    assert "customer_name" not in _columns(journal_path)


def test_a_failed_upgrade_leaves_the_older_journal_as_it_was(
    journal_path: Path, clock: FakeClock
) -> None:
    _old_journal(journal_path, clock)
    broken = (*MIGRATIONS, Migration(len(MIGRATIONS) + 1, "broken", ("NOT SQL",)))
    with pytest.raises(JournalStorageError):
        connect(journal_path, replace(JOURNAL, migrations=broken))
    # The name column came in the same transaction as the broken step: it did not stick.
    assert "customer_name" not in _columns(journal_path)
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as journal:
        assert journal.verify().ok


def test_the_name_is_part_of_the_hash_chain(journal: Journal, journal_path: Path) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-bbbb",
        loyalty_transaction_uuid="lt-2",
        reward_title="Tote bag",
        customer_name="Robin V.",
    )
    journal.confirm(op.operation_id, redemption_uuid="red-2")
    assert journal.verify().ok
    with raw_connection(journal_path) as conn:
        conn.execute("DROP TRIGGER journal_no_update")
        conn.execute("UPDATE journal SET customer_name = 'Sam K.' WHERE id = 1")
    conn.close()
    result = journal.verify()
    assert (result.ok, result.broken_row_id) == (False, 1)


def test_the_table_refuses_an_email_as_the_name(journal: Journal, journal_path: Path) -> None:
    collect(journal, 1)
    conn = raw_connection(journal_path)
    # Not even a writer bypassing the journal module can put one there.
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(
            "INSERT INTO journal (id, recorded_at, kind, counter, customer_name, "
            "prev_hash, hash) SELECT max(id) + 1, 'x', 'event', 'c', 'a@b.example', "
            "(SELECT hash FROM journal ORDER BY id DESC LIMIT 1), "
            f"'{'0' * 64}' FROM journal"
        )
    conn.close()


def test_pickups_are_found_by_the_customer_name(journal: Journal) -> None:
    collect(journal, 1, title="Coffee mug")
    op = journal.begin_collect(
        customer_uuid="contact-bbbb",
        loyalty_transaction_uuid="lt-2",
        reward_title="Tote bag",
        customer_name="Robin V.",
    )
    journal.confirm(op.operation_id, redemption_uuid="red-2")
    assert [o.operation_id for o in journal.recent_operations(text="robin v")] == [op.operation_id]


def test_a_reversal_shows_its_reason_and_manager_on_the_collect(journal: Journal) -> None:
    pickup = collect(journal, 1)
    reverse = journal.begin_reverse(
        collect_operation_id=pickup.operation_id, reason="damaged", staff=MANAGER
    )
    journal.confirm(reverse.operation_id)
    (shown,) = journal.recent_operations(kinds=("collect",))
    assert shown.is_reversed
    assert (shown.reversal_reason, shown.reversal_staff_name) == ("damaged", MANAGER.name)
    assert shown.staff_name == "Ann Cashier"


def test_one_customers_pickups(journal: Journal, journal_path: Path) -> None:
    with raw_connection(journal_path) as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM journal WHERE customer_uuid = 'x'"
            )
        )
    conn.close()
    assert "journal_customer" in plan
    mine = collect(journal, 1, customer="contact-aaaa")
    collect(journal, 2, customer="contact-bbbb")
    found = journal.recent_operations(customer_uuid="contact-aaaa")
    assert [op.operation_id for op in found] == [mine.operation_id]
    assert journal.recent_operations(customer_uuid="contact-aaaa", text="tote") == []
