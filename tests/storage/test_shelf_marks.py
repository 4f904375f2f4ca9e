""" "Ready on the shelf" marks: plain journal events keyed by the loyalty transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.storage import SHELF_CLEARED, SHELF_READY, Journal
from tests.storage.helpers import CASHIER, COUNTER, MANAGER, SHOP, FakeClock


def test_a_mark_is_an_event_that_names_the_reward_and_the_customer(journal: Journal) -> None:
    entry = journal.record_event(
        SHELF_READY,
        staff=CASHIER,
        loyalty_transaction_uuid="lt-1",
        customer_uuid="contact-aaaa",
        customer_name="Robin V.",
        reward_title="Shop mug",
    )

    assert entry.operation_id is None
    assert entry.state is None
    assert (entry.kind, entry.loyalty_transaction_uuid) == (SHELF_READY, "lt-1")
    assert (entry.customer_uuid, entry.customer_name, entry.reward_title) == (
        "contact-aaaa",
        "Robin V.",
        "Shop mug",
    )
    assert (entry.staff_name, entry.counter, entry.shop_uuid) == (CASHIER.name, COUNTER, SHOP)
    assert journal.verify().ok


def test_the_latest_mark_of_each_reward_is_found(journal: Journal, clock: FakeClock) -> None:
    journal.record_event(SHELF_READY, staff=CASHIER, loyalty_transaction_uuid="lt-1")
    journal.record_event(SHELF_READY, staff=CASHIER, loyalty_transaction_uuid="lt-2")
    again = journal.record_event(SHELF_READY, staff=MANAGER, loyalty_transaction_uuid="lt-1")
    journal.record_event("pin_lockout", staff=CASHIER)

    marks = journal.shelf_marks(["lt-1", "lt-2", "lt-3"])

    assert set(marks) == {"lt-1", "lt-2"}
    assert marks["lt-1"] == again
    assert marks["lt-2"].staff_name == CASHIER.name
    assert journal.shelf_marks([]) == {}


def test_marks_of_many_rewards_are_read_in_batches(journal: Journal) -> None:
    for n in range(1200):
        journal.record_event(SHELF_READY, loyalty_transaction_uuid=f"lt-{n}")

    marks = journal.shelf_marks([f"lt-{n}" for n in range(0, 1200, 1)])

    assert len(marks) == 1200


def test_a_name_with_an_email_is_not_kept(journal: Journal) -> None:
    entry = journal.record_event(
        SHELF_READY, loyalty_transaction_uuid="lt-1", customer_name="robin@example.com"
    )

    assert entry.customer_name is None


def test_an_operation_kind_is_still_refused(journal: Journal) -> None:
    with pytest.raises(ValueError, match="not an event kind"):
        journal.record_event("collect", loyalty_transaction_uuid="lt-1")


def test_marks_are_read_from_a_read_only_journal(journal_path: Path, journal: Journal) -> None:
    journal.record_event(SHELF_READY, staff=CASHIER, loyalty_transaction_uuid="lt-1")

    with Journal.open_read_only(journal_path) as reader:
        assert set(reader.shelf_marks(["lt-1"])) == {"lt-1"}


def test_a_mark_taken_back_is_no_mark_until_made_again(journal: Journal) -> None:
    journal.record_event(SHELF_READY, staff=CASHIER, loyalty_transaction_uuid="lt-1")
    journal.record_event(SHELF_READY, staff=CASHIER, loyalty_transaction_uuid="lt-2")
    journal.record_event(SHELF_CLEARED, staff=CASHIER, loyalty_transaction_uuid="lt-1")

    assert set(journal.shelf_marks(["lt-1", "lt-2"])) == {"lt-2"}

    again = journal.record_event(SHELF_READY, staff=MANAGER, loyalty_transaction_uuid="lt-1")
    assert journal.shelf_marks(["lt-1"]) == {"lt-1": again}
