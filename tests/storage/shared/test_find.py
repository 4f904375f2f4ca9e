"""Finding a pickup by its slip code at any counter of the shop, in the shared journal."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from pos_app.storage import Journal, OpState, pickup_reference
from pos_app.storage.shared import chain_id_of, find_by_reference, insert_rows
from tests.helpers.postgres import COUNTER_A, COUNTER_A2, COUNTER_B, SharedDatabase
from tests.storage.helpers import CASHIER, MANAGER, SHOP, FakeClock, collect

pytestmark = pytest.mark.asyncio


async def _copy(journal: Journal, db: SharedDatabase, login: str) -> None:
    rows = list(journal.raw_rows())
    async with await psycopg.AsyncConnection.connect(db.conninfo(login)) as conn:
        assert (await insert_rows(conn, chain_id_of(rows[0]), rows)).conflict is None


async def test_a_slip_code_from_another_counter_finds_its_hand_over_in_its_state(
    local_journal: Journal, tmp_path: Path, shared_db: SharedDatabase
) -> None:
    # Counter 1 hands two rewards over on one slip, and takes the mug back.
    collect(local_journal, 1)  # an earlier customer
    mug = local_journal.begin_collect(
        customer_uuid="contact-robin",
        customer_name="Robin V.",
        loyalty_transaction_uuid="lt-mug",
        reward_title="Coffee mug",
        staff=CASHIER,
    )
    mug = local_journal.confirm(mug.operation_id, redemption_uuid="red-mug")
    cap = local_journal.begin_collect(
        customer_uuid="contact-robin",
        customer_name="Robin V.",
        loyalty_transaction_uuid="lt-cap",
        reward_title="Cap",
        handover_id=mug.operation_id,
        staff=CASHIER,
    )
    local_journal.confirm(cap.operation_id, redemption_uuid="red-cap")
    back = local_journal.begin_reverse(
        collect_operation_id=mug.operation_id, reason="returned", staff=MANAGER
    )
    local_journal.confirm(back.operation_id)
    await _copy(local_journal, shared_db, COUNTER_A)
    # Counter 2 of the same shop has a journal of its own.
    with Journal.open(
        tmp_path / "c2" / "journal.sqlite3", shop_uuid=SHOP, counter="Counter 2", clock=FakeClock()
    ) as second:
        collect(second, 9)
        await _copy(second, shared_db, COUNTER_A2)

    slip = mug.handover_reference
    assert slip is not None
    typed = slip.lower().replace("-", " ")
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A2)) as conn:
        found = await find_by_reference(conn, typed)
        only_cap = await find_by_reference(conn, pickup_reference(cap.operation_id))
        nothing = await find_by_reference(conn, "PU-0000-0000")

    assert [(op.reward_title, op.state, op.counter) for op in found] == [
        ("Coffee mug", OpState.CONFIRMED, "Counter 1"),
        ("Cap", OpState.CONFIRMED, "Counter 1"),
    ]
    assert found[0].is_reversed
    assert found[0].reversal_reason == "returned"
    assert found[0].reversal_staff_name == MANAGER.name
    assert not found[1].is_reversed
    assert found[0].redemption_uuid == "red-mug"
    assert found[0].customer_name == "Robin V."
    assert found[0] == local_journal.operation(mug.operation_id)
    assert [op.reward_title for op in only_cap] == ["Cap"]
    assert nothing == []

    # Another shop's counter finds nothing of it.
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_B)) as conn:
        assert await find_by_reference(conn, slip) == []


async def test_a_refund_made_at_one_counter_is_seen_at_another(
    local_journal: Journal, shared_db: SharedDatabase
) -> None:
    mug = collect(local_journal, 1)
    cap = collect(local_journal, 2)
    refund = local_journal.begin_refund(
        collect_operation_id=mug.operation_id, reason="damaged", staff=MANAGER
    )
    local_journal.confirm(refund.operation_id, redemption_uuid="credit-reception-1")
    failed = local_journal.begin_refund(collect_operation_id=cap.operation_id, reason="returned")
    local_journal.fail(failed.operation_id, code=1003, message="Invalid input.")
    await _copy(local_journal, shared_db, COUNTER_A)

    assert mug.reference is not None
    assert cap.reference is not None
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A2)) as conn:
        (found,) = await find_by_reference(conn, mug.reference)
        (not_refunded,) = await find_by_reference(conn, cap.reference)
    assert found.is_refunded
    assert (found.refund_reason, found.refund_staff_name) == ("damaged", MANAGER.name)
    assert not found.is_reversed
    assert found == local_journal.operation(mug.operation_id)
    assert not_refunded.refund_operation_id is None
