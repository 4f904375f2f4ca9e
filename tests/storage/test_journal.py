"""Operations through their states, and the rules that keep a reward from being handed twice."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from pos_app.storage import (
    COLLECT,
    PIN_LOCKOUT,
    RECONCILIATION,
    REVERSE,
    AlreadyReversedError,
    InvalidTransitionError,
    Journal,
    JournalClosedError,
    JournalFormatError,
    JournalReadOnlyError,
    NotReversibleError,
    OperationInProgressError,
    OpState,
    ReverseReason,
    UnknownOperationError,
)
from tests.storage.helpers import (
    CASHIER,
    COUNTER,
    MANAGER,
    SHOP,
    FakeClock,
    collect,
    raw_connection,
)

UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
START = datetime(2026, 5, 9, 9, 0, tzinfo=UTC)


def test_begin_collect_commits_a_pending_row(journal: Journal, journal_path: Path) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa",
        loyalty_transaction_uuid="lt-1",
        reward_title="Coffee mug",
        staff=CASHIER,
    )
    assert UUID4.fullmatch(op.operation_id)
    assert op.kind == COLLECT
    assert op.state is OpState.PENDING
    assert (op.customer_uuid, op.loyalty_transaction_uuid, op.reward_title) == (
        "contact-aaaa",
        "lt-1",
        "Coffee mug",
    )
    assert (op.staff_id, op.staff_name) == ("staff-ann", "Ann Cashier")
    assert (op.shop_uuid, op.counter) == (SHOP, COUNTER)
    assert op.redemption_uuid is None
    assert op.created_at == op.updated_at == START
    assert op.reference is not None
    assert re.fullmatch(r"PU-[0-9A-HJKMNP-TV-Z]{8}", op.reference)

    # Committed: another connection (another process, after a crash) sees it right away.
    with raw_connection(journal_path) as conn:
        rows = conn.execute("SELECT operation_id, kind, state FROM journal").fetchall()
    conn.close()
    assert rows == [(op.operation_id, "collect", "pending")]


def test_confirm_records_the_redemption(journal: Journal) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    confirmed = journal.confirm(op.operation_id, redemption_uuid="red-1")
    assert confirmed.state is OpState.CONFIRMED
    assert confirmed.redemption_uuid == "red-1"
    assert confirmed.created_at == START
    assert confirmed.updated_at == START + timedelta(seconds=1)
    assert confirmed.error_code is None
    assert confirmed.resolved_by is None

    history = journal.history(op.operation_id)
    assert [entry.state for entry in history] == [OpState.PENDING, OpState.CONFIRMED]
    assert [entry.id for entry in history] == [1, 2]
    # Each row can be read on its own (e.g. in an export).
    assert history[1].reward_title == "Mug"
    assert history[1].loyalty_transaction_uuid == "lt-1"
    assert history[1].redemption_uuid == "red-1"
    assert history[0].redemption_uuid is None
    assert journal.operation(op.operation_id) == confirmed


def test_fail_keeps_the_vendor_code_and_message(journal: Journal) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    failed = journal.fail(op.operation_id, code=80300, message="Reward is expired")
    assert failed.state is OpState.FAILED
    assert (failed.error_code, failed.error_message) == ("80300", "Reward is expired")
    assert failed.redemption_uuid is None


def test_unknown_then_resolved_by_reconciliation(journal: Journal) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa",
        loyalty_transaction_uuid="lt-1",
        reward_title="Mug",
        staff=CASHIER,
    )
    unknown = journal.mark_unknown(op.operation_id, detail="no answer within 10 s")
    assert unknown.state is OpState.UNKNOWN
    assert unknown.detail == "no answer within 10 s"
    assert unknown.is_unresolved

    resolved = journal.resolve(
        op.operation_id, state=OpState.CONFIRMED, note="item no longer in the uncollected list"
    )
    assert resolved.state is OpState.CONFIRMED
    assert resolved.resolved_by == RECONCILIATION
    assert resolved.detail == "item no longer in the uncollected list"
    assert not resolved.is_unresolved
    # Reconciliation cannot learn the redemption uuid.
    assert resolved.redemption_uuid is None
    # Started by the cashier; the reconciliation row is the app's own doing.
    assert resolved.staff_name == "Ann Cashier"
    last = journal.history(op.operation_id)[-1]
    assert (last.staff_id, last.staff_name, last.resolved_by) == (None, None, "reconciliation")


def test_pending_left_by_a_crash_can_be_resolved_as_failed(journal: Journal) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    resolved = journal.resolve(op.operation_id, state="failed", note="item still waiting")
    assert resolved.state is OpState.FAILED
    assert resolved.error_code is None
    assert resolved.detail == "item still waiting"


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("confirm", "confirm"),
        ("fail", "confirm"),
        ("confirm", "fail"),
        ("fail", "fail"),
        ("unknown", "confirm"),
        ("unknown", "unknown"),
        ("confirm", "unknown"),
        ("confirm", "resolve"),
        ("fail", "resolve"),
    ],
)
def test_illegal_transitions_are_refused(journal: Journal, first: str, then: str) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    steps = {
        "confirm": lambda: journal.confirm(op.operation_id, redemption_uuid="red-1"),
        "fail": lambda: journal.fail(op.operation_id, code=6003, message="Already collected"),
        "unknown": lambda: journal.mark_unknown(op.operation_id, detail="timeout"),
        "resolve": lambda: journal.resolve(op.operation_id, state="confirmed", note="gone"),
    }
    steps[first]()
    rows_before = journal.count()
    with pytest.raises(InvalidTransitionError) as caught:
        steps[then]()
    assert caught.value.operation_id == op.operation_id
    assert caught.value.current == {"confirm": "confirmed", "fail": "failed"}.get(first, first)
    assert journal.count() == rows_before


def test_bad_arguments_write_nothing(journal: Journal) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    with pytest.raises(ValueError, match="redemption uuid"):
        journal.confirm(op.operation_id)
    with pytest.raises(ValueError, match="confirmed or failed"):
        journal.resolve(op.operation_id, state="unknown", note="?")
    with pytest.raises(ValueError, match="confirmed or failed"):
        journal.resolve(op.operation_id, state="pending", note="?")
    with pytest.raises(ValueError, match="is not a valid OpState"):
        journal.resolve(op.operation_id, state="done", note="?")
    with pytest.raises(ValueError, match="note"):
        journal.resolve(op.operation_id, state="failed", note="")
    with pytest.raises(ValueError, match="message"):
        journal.fail(op.operation_id, code=1, message="")
    with pytest.raises(ValueError, match="loyalty transaction"):
        journal.begin_collect(customer_uuid="c", loyalty_transaction_uuid="", reward_title="Mug")
    with pytest.raises(TypeError, match="reward_title"):
        journal.begin_collect(
            customer_uuid="c",
            loyalty_transaction_uuid="lt-2",
            reward_title=["not", "text"],  # type: ignore[arg-type]
        )
    assert journal.count() == 1
    assert journal.operation(op.operation_id).state is OpState.PENDING


def test_unknown_operation_ids(journal: Journal) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(UnknownOperationError):
        journal.operation(missing)
    with pytest.raises(UnknownOperationError):
        journal.confirm(missing, redemption_uuid="red-1")
    with pytest.raises(UnknownOperationError):
        journal.fail(missing, code=1, message="x")
    with pytest.raises(UnknownOperationError):
        journal.begin_reverse(collect_operation_id=missing, reason="returned")
    assert journal.history(missing) == []
    assert journal.is_reversed(missing) is False
    assert journal.count() == 0


@pytest.mark.parametrize("outcome", ["pending", "unknown"])
def test_a_second_collect_waits_for_the_first_outcome(journal: Journal, outcome: str) -> None:
    first = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    if outcome == "unknown":
        journal.mark_unknown(first.operation_id, detail="timeout")
    with pytest.raises(OperationInProgressError) as caught:
        journal.begin_collect(
            customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
        )
    assert caught.value.operation_id == first.operation_id
    # Another reward of the same customer is not held up.
    other = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-2", reward_title="Cap"
    )
    assert other.state is OpState.PENDING


@pytest.mark.parametrize("outcome", ["confirmed", "failed"])
def test_a_collect_with_an_outcome_does_not_block_another(journal: Journal, outcome: str) -> None:
    # After a failure the cashier may try again; after a confirmed collect the server is the
    # judge (the reward may have been reversed on another counter).
    first = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    journal.resolve(first.operation_id, state=outcome, note="checked")
    second = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    assert second.operation_id != first.operation_id
    assert second.reference != first.reference


def test_reverse_a_confirmed_collect(journal: Journal) -> None:
    pickup = collect(journal, 1, title="Coffee mug")
    reverse = journal.begin_reverse(
        collect_operation_id=pickup.operation_id,
        reason=ReverseReason.DAMAGED,
        note="handle broken",
        staff=MANAGER,
    )
    assert reverse.kind == REVERSE
    assert reverse.state is OpState.PENDING
    assert reverse.reverses_operation_id == pickup.operation_id
    assert reverse.redemption_uuid == "red-1"
    assert (reverse.reason, reverse.note) == ("damaged", "handle broken")
    assert (reverse.staff_id, reverse.staff_name) == ("staff-max", "Max Manager")
    assert (reverse.customer_uuid, reverse.reward_title) == ("contact-aaaa", "Coffee mug")
    assert reverse.reference is None

    in_progress = journal.operation(pickup.operation_id)
    assert in_progress.reversal_operation_id == reverse.operation_id
    assert in_progress.reversal_state is OpState.PENDING
    assert not in_progress.is_reversed
    assert journal.is_reversed(pickup.operation_id) is False

    done = journal.confirm(reverse.operation_id)
    assert done.state is OpState.CONFIRMED
    assert done.redemption_uuid == "red-1"
    assert journal.is_reversed(pickup.operation_id) is True
    reversed_collect = journal.operation(pickup.operation_id)
    assert reversed_collect.is_reversed
    # The collect itself stays confirmed: it did happen.
    assert reversed_collect.state is OpState.CONFIRMED


def test_reverse_refusals(journal: Journal) -> None:
    pending = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    with pytest.raises(NotReversibleError, match="pending"):
        journal.begin_reverse(collect_operation_id=pending.operation_id, reason="returned")
    journal.fail(pending.operation_id, code=6003, message="Already collected")
    with pytest.raises(NotReversibleError, match="failed"):
        journal.begin_reverse(collect_operation_id=pending.operation_id, reason="returned")

    pickup = collect(journal, 2)
    with pytest.raises(ValueError, match="reason must be one of"):
        journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="bored")
    with pytest.raises(ValueError, match="needs a note"):
        journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="other")
    with pytest.raises(NotReversibleError, match="does not belong"):
        journal.begin_reverse(
            collect_operation_id=pickup.operation_id, reason="returned", redemption_uuid="red-9"
        )

    reverse = journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
    with pytest.raises(NotReversibleError, match="is a reverse"):
        journal.begin_reverse(collect_operation_id=reverse.operation_id, reason="returned")
    with pytest.raises(OperationInProgressError) as in_progress:
        journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
    assert in_progress.value.operation_id == reverse.operation_id

    journal.confirm(reverse.operation_id)
    with pytest.raises(AlreadyReversedError) as already:
        journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
    assert already.value.reverse_operation_id == reverse.operation_id
    assert isinstance(already.value, NotReversibleError)
    # Only the successful writes left rows: 2 (failed collect) + 2 (collect) + 2 (reverse).
    assert journal.count() == 6


def test_a_failed_reverse_can_be_tried_again(journal: Journal) -> None:
    pickup = collect(journal, 1)
    first = journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
    journal.fail(first.operation_id, code=500, message="Server error")
    assert journal.operation(pickup.operation_id).reversal_state is None
    second = journal.begin_reverse(
        collect_operation_id=pickup.operation_id, reason="other", note="customer changed mind"
    )
    assert journal.operation(pickup.operation_id).reversal_operation_id == second.operation_id


def test_reverse_of_a_collect_confirmed_by_reconciliation_needs_the_redemption(
    journal: Journal,
) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    journal.resolve(op.operation_id, state="confirmed", note="item no longer in the list")
    with pytest.raises(NotReversibleError, match=r"redemption uuid .* is not known"):
        journal.begin_reverse(collect_operation_id=op.operation_id, reason="returned")
    reverse = journal.begin_reverse(
        collect_operation_id=op.operation_id, reason="returned", redemption_uuid="red-late"
    )
    assert reverse.redemption_uuid == "red-late"


def test_events_are_rows_without_an_operation(journal: Journal) -> None:
    collect(journal, 1)
    first = journal.record_event(PIN_LOCKOUT, staff=CASHIER, note="5 wrong PINs")
    second = journal.record_event("settings_changed", note="counter renamed")
    assert first.operation_id is None
    assert first.state is None
    assert first.kind == "pin_lockout"
    assert (first.staff_id, first.staff_name) == ("staff-ann", "Ann Cashier")
    assert [event.id for event in journal.events()] == [second.id, first.id]
    assert journal.events(kind=PIN_LOCKOUT) == [first]
    assert journal.unresolved() == []
    assert len(journal.recent_operations()) == 1
    for kind in (COLLECT, REVERSE, ""):
        with pytest.raises(ValueError, match="not an event kind"):
            journal.record_event(kind)


def test_timestamps_are_utc_with_microseconds(journal_path: Path) -> None:
    local = timezone(timedelta(hours=2))
    clock = FakeClock(datetime(2026, 5, 9, 11, 30, 0, 5, tzinfo=local))
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as journal:
        op = journal.begin_collect(
            customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
        )
    with raw_connection(journal_path) as conn:
        (stored,) = conn.execute("SELECT recorded_at FROM journal").fetchone()
    conn.close()
    assert stored == "2026-05-09T09:30:00.000005+00:00"
    assert op.created_at == datetime(2026, 5, 9, 9, 30, 0, 5, tzinfo=UTC)


def test_real_clock_is_utc(journal_path: Path) -> None:
    with Journal.open(journal_path, shop_uuid=None, counter=COUNTER) as journal:
        before = datetime.now(UTC)
        entry = journal.record_event(PIN_LOCKOUT)
        after = datetime.now(UTC)
    assert entry.recorded_at.utcoffset() == timedelta(0)
    assert before <= entry.recorded_at <= after
    assert entry.shop_uuid is None


def test_no_column_for_secrets_and_emails_are_removed_from_text(
    journal: Journal, journal_path: Path
) -> None:
    with raw_connection(journal_path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(journal)")]
    conn.close()
    forbidden = ("email", "mail", "pin", "login", "verification", "token", "password", "secret")
    assert [name for name in columns if any(word in name for word in forbidden)] == []

    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    failed = journal.fail(
        op.operation_id, code=1003, message="Contact with email alice.smith+x@example.org not found"
    )
    assert failed.error_message == "Contact with email [email removed] not found"
    event = journal.record_event(PIN_LOCKOUT, note="ask bob@shop.example (manager)")
    assert event.note == "ask [email removed] (manager)"
    # The customer's name is kept as the slip shows it; an email given for it is not kept.
    named = journal.begin_collect(
        customer_uuid="contact-bbbb",
        loyalty_transaction_uuid="lt-2",
        reward_title="Mug",
        customer_name="carol@example.net",
    )
    assert named.customer_name is None
    with raw_connection(journal_path) as conn:
        dump = "\n".join(conn.iterdump())
    conn.close()
    assert "@example" not in dump
    assert "bob@" not in dump
    assert "carol" not in dump


def test_empty_text_is_stored_as_null(journal: Journal) -> None:
    op = journal.begin_collect(customer_uuid="", loyalty_transaction_uuid="lt-1", reward_title="")
    assert op.customer_uuid is None
    assert op.reward_title is None


def test_each_row_records_the_writing_counter(journal_path: Path, clock: FakeClock) -> None:
    with Journal.open(journal_path, shop_uuid=SHOP, counter="Front", clock=clock) as front:
        op = front.begin_collect(
            customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
        )
    with Journal.open(journal_path, shop_uuid=SHOP, counter="Back", clock=clock) as back:
        resolved = back.resolve(op.operation_id, state="confirmed", note="gone")
        assert resolved.counter == "Front"
        assert [entry.counter for entry in back.history(op.operation_id)] == ["Front", "Back"]
    with pytest.raises(ValueError, match="counter"):
        Journal.open(journal_path, shop_uuid=SHOP, counter=" ")


def test_closed_journal(journal_path: Path) -> None:
    journal = Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER)
    journal.close()
    journal.close()
    assert journal.closed
    with pytest.raises(JournalClosedError):
        journal.count()
    with pytest.raises(JournalClosedError):
        journal.record_event(PIN_LOCKOUT)
    with pytest.raises(JournalClosedError):
        list(journal.raw_rows())


def test_read_only_journal(journal_path: Path, clock: FakeClock) -> None:
    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as journal:
        pickup = collect(journal, 1)
    with Journal.open_read_only(journal_path) as reader:
        assert reader.operation(pickup.operation_id).state is OpState.CONFIRMED
        assert reader.verify().ok
        with pytest.raises(JournalReadOnlyError):
            reader.record_event(PIN_LOCKOUT)
        with pytest.raises(JournalReadOnlyError):
            reader.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
        assert reader.count() == 2
    with pytest.raises(JournalFormatError, match="no journal"):
        Journal.open_read_only(journal_path.with_name("missing.sqlite3"))
