"""Refunds through the journal against the simulator: the wait before "not refunded", and
a refund of another counter's pickup."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from pos_app.sandbox import Simulator
from pos_app.services.pickup import CollectOutcome, PickupDesk
from pos_app.services.pickup_models import CustomerSummary, PickupItem
from pos_app.services.refund import RefundDesk, RefundOutcome
from pos_app.storage import REFUND, AsyncJournal, Journal, Operation, OpState, StaffRef
from tests.helpers.desk import at_the_counter

GRACE = timedelta(seconds=30)
MANAGER = StaffRef(profile_id="p-max", name="Max Manager")


class FakeClock:
    """Real time plus an offset the test moves forward (past the grace period)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@dataclass
class Counter:
    desk: PickupDesk
    refunds: RefundDesk
    journal: AsyncJournal
    customer: CustomerSummary
    items: list[PickupItem]
    sim: Simulator
    clock: FakeClock

    async def handed_over(self) -> Operation:
        now = datetime.now(UTC)
        item = next(i for i in self.items if i.can_hand_over(now))
        result = await self.desk.collect(self.customer.uuid, item)
        assert result.outcome is CollectOutcome.COLLECTED
        assert result.operation is not None
        return result.operation

    def points(self) -> int:
        with self.sim.state.lock:
            return self.sim.state.data.contacts[self.customer.uuid].points

    def reverses_sent(self, pickup: Operation) -> int:
        assert pickup.loyalty_transaction_uuid is not None
        with self.sim.state.lock:
            return self.sim.state.reception_reverse_requests.get(pickup.loyalty_transaction_uuid, 0)


@pytest_asyncio.fixture
async def counter(simulator: Simulator, tmp_path: Path) -> AsyncIterator[Counter]:
    clock = FakeClock()
    async with at_the_counter(simulator, tmp_path / "journal.sqlite3") as at:
        desk = PickupDesk(at.piggy, at.journal, clock=clock, settle_grace=GRACE)
        try:
            yield Counter(
                desk, RefundDesk(desk), at.journal, at.customer, at.items, simulator, clock
            )
        finally:
            simulator.config.reverse_collected_reception = "refuse"


@pytest.mark.asyncio
async def test_a_lost_refund_is_called_not_refunded_only_after_the_grace_period(
    counter: Counter,
) -> None:
    counter.sim.config.reverse_collected_reception = "accept"
    pickup = await counter.handed_over()
    before = counter.points()
    # The line drops before Piggy processes the refund.
    counter.sim.set_fault("piggy.reception_reverse", "drop@1")

    result = await counter.refunds.refund(pickup, reason="returned", staff=MANAGER)

    # Piggy shows the reception standing, but a slow server may still apply it.
    assert result.outcome is RefundOutcome.UNKNOWN
    assert result.operation is not None
    assert result.operation.state is OpState.UNKNOWN
    assert await counter.desk.reconcile() == []
    again = await counter.refunds.refund(pickup, reason="returned", staff=MANAGER)
    assert again.outcome is RefundOutcome.UNKNOWN
    assert counter.reverses_sent(pickup) == 0

    counter.clock.offset = GRACE * 2
    (settled,) = await counter.desk.reconcile()
    assert settled.operation.kind == REFUND
    assert settled.operation.state is OpState.FAILED
    assert settled.operation.detail == (
        "the server still shows the reception standing after 30 s: not refunded"
    )
    assert counter.points() == before

    # Known not to have happened: now it may be sent.
    done = await counter.refunds.refund(pickup, reason="returned", staff=MANAGER)
    assert done.outcome is RefundOutcome.REFUNDED
    assert counter.reverses_sent(pickup) == 1
    assert counter.points() == before + (done.credits or 0)
    assert done.balance == counter.points()


@pytest.mark.asyncio
async def test_another_counters_pickup_is_refunded_and_journaled_here(
    counter: Counter, tmp_path: Path
) -> None:
    counter.sim.config.reverse_collected_reception = "accept"
    # Handed over at counter 1; counter 2 has it only as the shop's shared journal shows it.
    pickup = await counter.handed_over()
    before = counter.points()
    second = await AsyncJournal.open(tmp_path / "c2.sqlite3", shop_uuid="s", counter="c2")
    try:
        desk = PickupDesk(counter.desk.piggy, second, settle_grace=GRACE)
        result = await RefundDesk(desk).refund(pickup, reason="damaged", staff=MANAGER)
        assert result.outcome is RefundOutcome.REFUNDED
        (refund,) = await second.call(Journal.recent_operations, kinds=(REFUND,))
        assert refund.reverses_operation_id == pickup.operation_id
        assert (refund.state, refund.counter, refund.staff_name) == (
            OpState.CONFIRMED,
            "c2",
            "Max Manager",
        )
        assert (await second.call(Journal.collect_as_known, pickup)).is_refunded
        # Not twice, from either counter's knowledge.
        assert (
            await RefundDesk(desk).refund(pickup, reason="damaged", staff=MANAGER)
        ).outcome is RefundOutcome.ALREADY_REFUNDED
    finally:
        await second.aclose()
    assert counter.points() == before + (result.credits or 0)
    assert result.credits is not None
    assert result.credits > 0
