"""Format 8 of the journal: claims, the customer spending points on a reward at the counter.

A claim is an operation like a collect: pending before it is sent, then confirmed (with the
reward reception the server made), failed or unknown; never started twice while one of the
same reward by the same customer has no outcome.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos_app.storage import (
    CLAIM,
    COLLECT,
    Journal,
    OperationInProgressError,
    OpState,
    StaffRef,
)
from pos_app.storage.schema import JOURNAL
from pos_app.storage.sqlite import migrate
from tests.storage.helpers import COUNTER, SHOP, FakeClock, collect, raw_connection

BEFORE_CLAIMS = 7
STAFF = StaffRef("staff-1", "Sam")


def begin(journal: Journal, reward: str = "reward-1", points: int = 250) -> str:
    op = journal.begin_claim(
        customer_uuid="contact-aaaa",
        customer_name="Robin V.",
        reward_uuid=reward,
        reward_title="Shop mug",
        points=points,
        staff=STAFF,
    )
    return op.operation_id


def test_a_claim_is_pending_then_confirmed_with_its_reception(journal: Journal) -> None:
    operation_id = begin(journal)
    pending = journal.operation(operation_id)
    assert (pending.kind, pending.state) == (CLAIM, OpState.PENDING)
    assert (pending.reward_uuid, pending.points) == ("reward-1", 250)
    assert pending.loyalty_transaction_uuid is None
    assert pending.staff_name == "Sam"
    assert pending.reference is None  # not a pickup: no slip code

    confirmed = journal.confirm(operation_id, loyalty_transaction_uuid="lt-new", points=250)

    assert confirmed.state is OpState.CONFIRMED
    assert confirmed.loyalty_transaction_uuid == "lt-new"
    assert confirmed.reward_uuid == "reward-1"
    assert confirmed.customer_name == "Robin V."
    assert [e.state for e in journal.history(operation_id)] == [
        OpState.PENDING,
        OpState.CONFIRMED,
    ]
    assert journal.verify().ok


def test_a_confirmed_claim_needs_its_reception(journal: Journal) -> None:
    operation_id = begin(journal)
    with pytest.raises(ValueError, match="reward reception"):
        journal.confirm(operation_id)
    assert journal.operation(operation_id).state is OpState.PENDING


def test_only_a_claim_learns_a_transaction_when_confirmed(journal: Journal) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    with pytest.raises(ValueError, match="only a claim"):
        journal.confirm(op.operation_id, redemption_uuid="r", loyalty_transaction_uuid="x")


@pytest.mark.parametrize("points", [-1, True, 2.5])
def test_a_claim_costs_whole_points(journal: Journal, points: object) -> None:
    with pytest.raises(ValueError, match="points"):
        begin(journal, points=points)  # type: ignore[arg-type]
    assert journal.count() == 0


def test_no_second_claim_while_the_first_has_no_outcome(journal: Journal) -> None:
    first = begin(journal)
    journal.mark_unknown(first, detail="ReadTimeout")
    with pytest.raises(OperationInProgressError) as raised:
        begin(journal)
    assert raised.value.operation_id == first
    # Another reward, or the first settled: a claim may start.
    begin(journal, reward="reward-2")
    journal.resolve(first, state=OpState.FAILED, note="no reception of this reward found")
    begin(journal)


def test_an_unknown_claim_is_settled_with_the_reception_found(journal: Journal) -> None:
    operation_id = begin(journal)
    journal.mark_unknown(operation_id, detail="RemoteProtocolError")
    resolved = journal.resolve(
        operation_id,
        state=OpState.CONFIRMED,
        note="a reception of this reward made after the claim was found",
        loyalty_transaction_uuid="lt-found",
    )
    assert resolved.state is OpState.CONFIRMED
    assert resolved.is_inferred
    assert resolved.loyalty_transaction_uuid == "lt-found"
    assert resolved.points == 250
    assert journal.unresolved() == []


def test_claims_of_a_customer(journal: Journal) -> None:
    mug = begin(journal)
    journal.fail(mug, code=1017, message="Onvoldoende punten | Insufficient credits.")
    scarf = begin(journal, reward="reward-2")
    assert [op.operation_id for op in journal.claims_of("contact-aaaa")] == [mug, scarf]
    assert [op.operation_id for op in journal.claims_of("contact-aaaa", "reward-2")] == [scarf]
    assert journal.claims_of("someone-else") == []
    failed = journal.operation(mug)
    assert (failed.error_code, failed.state) == ("1017", OpState.FAILED)


def test_claims_are_listed_only_when_asked_for(journal: Journal) -> None:
    claim = begin(journal)
    pickup = collect(journal, 1)
    assert [op.kind for op in journal.recent_operations()] == [COLLECT]
    both = journal.recent_operations(kinds=(COLLECT, CLAIM))
    assert [op.operation_id for op in both] == [pickup.operation_id, claim]
    assert journal.recent_operations(kinds=(CLAIM,), text="mug")[0].operation_id == claim


def test_rows_from_before_claims_still_verify(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    conn = raw_connection(journal_path)
    assert migrate(conn, JOURNAL, path=journal_path, target=BEFORE_CLAIMS) > 0
    clock = FakeClock()
    old = Journal(conn, path=journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock)
    before = collect(old, 1)
    old.close()

    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as journal:
        assert journal.operation(before.operation_id).reward_uuid is None
        operation_id = begin(journal)
        journal.confirm(operation_id, loyalty_transaction_uuid="lt-new")
        result = journal.verify()
    assert (result.ok, result.rows_checked) == (True, 4)


def test_the_claimed_reward_and_points_are_part_of_the_hash_chain(
    journal: Journal, journal_path: Path
) -> None:
    operation_id = begin(journal)
    with raw_connection(journal_path) as conn:
        conn.execute("DROP TRIGGER journal_no_update")
        conn.execute("UPDATE journal SET points = '25' WHERE operation_id = ?", (operation_id,))
    conn.close()
    assert not journal.verify().ok


def test_points_must_be_a_whole_number_in_the_file(journal_path: Path, journal: Journal) -> None:
    begin(journal)
    conn = raw_connection(journal_path)
    try:
        conn.execute("DROP TRIGGER journal_no_update")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE journal SET points = '2.5'")
    finally:
        conn.close()
