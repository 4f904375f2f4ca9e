"""The journal's read side: reconciliation input, recent pickups, lookups."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from pos_app.storage import COLLECT, REVERSE, Journal, OpState, StaffRef
from tests.storage.helpers import MANAGER, FakeClock, collect


def test_unresolved_lists_pending_and_unknown_oldest_first(journal: Journal) -> None:
    def begin(n: int) -> str:
        return journal.begin_collect(
            customer_uuid="contact-aaaa", loyalty_transaction_uuid=f"lt-{n}", reward_title="Mug"
        ).operation_id

    pending = begin(1)
    unknown = begin(2)
    journal.mark_unknown(unknown, detail="timeout")
    confirmed = begin(3)
    journal.confirm(confirmed, redemption_uuid="red-3")
    failed = begin(4)
    journal.fail(failed, code=6003, message="Already collected")
    resolved = begin(5)
    journal.mark_unknown(resolved, detail="timeout")
    journal.resolve(resolved, state="failed", note="item still waiting")
    reverse = journal.begin_reverse(collect_operation_id=confirmed, reason="returned")
    journal.record_event("pin_lockout")

    unresolved = journal.unresolved()
    assert [op.operation_id for op in unresolved] == [pending, unknown, reverse.operation_id]
    assert [op.state for op in unresolved] == [OpState.PENDING, OpState.UNKNOWN, OpState.PENDING]


def test_recent_operations_newest_first_with_current_state(journal: Journal) -> None:
    first = collect(journal, 1, title="Coffee mug")
    second = journal.begin_collect(
        customer_uuid="contact-bbbb", loyalty_transaction_uuid="lt-2", reward_title="Tote bag"
    )
    reverse = journal.begin_reverse(
        collect_operation_id=first.operation_id, reason="returned", staff=MANAGER
    )
    journal.confirm(reverse.operation_id)

    recent = journal.recent_operations()
    assert [op.operation_id for op in recent] == [
        reverse.operation_id,
        second.operation_id,
        first.operation_id,
    ]
    assert [op.state for op in recent] == [OpState.CONFIRMED, OpState.PENDING, OpState.CONFIRMED]
    assert recent[2].is_reversed
    assert recent[2].reversal_operation_id == reverse.operation_id

    assert [op.kind for op in journal.recent_operations(kinds=[COLLECT])] == [COLLECT, COLLECT]
    assert [op.kind for op in journal.recent_operations(kinds=[REVERSE])] == [REVERSE]
    assert [op.operation_id for op in journal.recent_operations(limit=1)] == [reverse.operation_id]
    assert journal.recent_operations(limit=0) == []
    assert journal.recent_operations(kinds=[]) == []


def test_recent_operations_of_one_day(journal: Journal, clock: FakeClock) -> None:
    shop_time = timezone(timedelta(hours=2))
    # 21:30 UTC on 8 May is 23:30 on 8 May in the shop; 22:30 UTC is already 9 May there.
    clock.now = datetime(2026, 5, 8, 21, 30, tzinfo=UTC)
    late_evening = collect(journal, 1)
    clock.now = datetime(2026, 5, 8, 22, 30, tzinfo=UTC)
    after_midnight = collect(journal, 2)
    clock.now = datetime(2026, 5, 9, 21, 59, 59, tzinfo=UTC)
    last_minute = collect(journal, 3)

    def ids(day: date) -> list[str]:
        return [op.operation_id for op in journal.recent_operations(day=day, tz=shop_time)]

    assert ids(date(2026, 5, 8)) == [late_evening.operation_id]
    assert ids(date(2026, 5, 9)) == [last_minute.operation_id, after_midnight.operation_id]
    assert ids(date(2026, 5, 10)) == []
    in_utc = journal.recent_operations(day=date(2026, 5, 8), tz=UTC)
    assert [op.operation_id for op in in_utc] == [
        after_midnight.operation_id,
        late_evening.operation_id,
    ]
    # Without tz the computer's own zone is used; the call must simply work.
    assert isinstance(journal.recent_operations(day=date(2026, 5, 9)), list)


def test_recent_operations_text_search(journal: Journal) -> None:
    mug = collect(journal, 1, title="Coffee Mug", customer="contact-aaaa")
    cap = collect(journal, 2, title="Baseball cap", customer="contact-bbbb")
    percent = collect(journal, 3, title="100% cotton shirt", customer="contact-cccc")
    by_bob = collect(journal, 4, title="Sticker", staff=StaffRef("staff-bob", "Bob Smith"))

    def found(text: str) -> list[str]:
        return [op.operation_id for op in journal.recent_operations(text=text)]

    assert found("mug") == [mug.operation_id]
    assert found("COFFEE") == [mug.operation_id]
    assert found("contact-bbbb") == [cap.operation_id]
    assert found("bbbb") == [cap.operation_id]
    assert found("bob") == [by_bob.operation_id]
    assert found("red-2") == [cap.operation_id]
    assert found("lt-3") == [percent.operation_id]
    # LIKE wildcards are taken literally.
    assert found("100%") == [percent.operation_id]
    assert found("%") == [percent.operation_id]
    assert found("_") == []
    assert cap.reference is not None
    assert found(cap.reference) == [cap.operation_id]
    assert found(cap.reference.lower().replace("-", " ")) == [cap.operation_id]
    assert found("nothing like this") == []
    assert len(found("   ")) == 4


def test_recent_operations_text_with_a_lone_surrogate(journal: Journal) -> None:
    """Text pasted from a broken source can hold half a UTF-16 pair; it matches as text."""
    mug = collect(journal, 1, title="Coffee mug \ufffd edition")
    collect(journal, 2, title="Tote bag")
    assert journal.recent_operations(text="\ud800") == [journal.operation(mug.operation_id)]
    assert journal.recent_operations(text="tote\udfff") == []
    assert [op.reward_title for op in journal.recent_operations(text="\ud83d\ude00")] == []
    assert len(journal.recent_operations(text="\udc80 ")) == 1


def test_find_by_redemption_returns_the_collect(journal: Journal) -> None:
    pickup = collect(journal, 1)
    journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
    found = journal.find_by_redemption("red-1")
    assert found is not None
    assert found.operation_id == pickup.operation_id
    assert found.kind == COLLECT
    assert journal.find_by_redemption("red-unknown") is None


def test_find_by_reference(journal: Journal) -> None:
    pickups = [collect(journal, n) for n in range(1, 6)]
    for pickup in pickups:
        assert pickup.reference is not None
        found = journal.find_by_reference(pickup.reference)
        assert found is not None
        assert found.operation_id == pickup.operation_id
    reference = pickups[2].reference
    assert reference is not None
    typed = reference.lower().replace("-", "").replace("0", "o").replace("1", "l")
    typed_found = journal.find_by_reference(typed)
    assert typed_found is not None
    assert typed_found.operation_id == pickups[2].operation_id
    assert journal.find_by_reference("PU-00000000") is None
    assert journal.find_by_reference("not a reference") is None
    assert journal.find_by_reference("") is None


def test_references_stay_unique_even_when_uuids_collide(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two uuid4s sharing their first 40 bits: the journal must draw again for the second.
    clash_a = uuid.UUID("12345678-9a00-4000-8000-000000000001")
    clash_b = uuid.UUID("12345678-9aff-4fff-bfff-fffffffffff2")
    fresh = uuid.UUID("abcdef01-2345-4678-9abc-def012345678")
    draws = iter([clash_a, clash_b, fresh])
    monkeypatch.setattr("pos_app.storage.journal.uuid.uuid4", lambda: next(draws))

    first = collect(journal, 1)
    second = collect(journal, 2)
    assert first.operation_id == str(clash_a)
    assert second.operation_id == str(fresh)
    assert first.reference != second.reference
