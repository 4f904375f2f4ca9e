from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import pytest_asyncio

from pos_app.sandbox import Simulator
from pos_app.services.identify import CustomerLookup
from pos_app.services.pickup import CollectOutcome, PickupDesk
from pos_app.services.pickup_models import CustomerSummary, ExpiryKind, PickupItem
from pos_app.storage import AsyncJournal, Journal, OpState
from tests.helpers.desk import at_the_counter

# The wait before "still in the list" may mean "not done" has its own tests
# (test_pickup_in_flight.py); here the list is believed at once.
NO_GRACE = timedelta(0)


@dataclass
class Counter:
    desk: PickupDesk
    lookup: CustomerLookup
    journal: AsyncJournal
    customer: CustomerSummary
    items: list[PickupItem]
    sim: Simulator

    def waiting_on_server(self) -> set[str]:
        uuid = self.customer.uuid
        return {i.uuid for i in self.sim.state.data.items_of(uuid) if not i.collected}

    def first(self, kind: ExpiryKind) -> PickupItem:
        now = self.lookup.now()
        return next(item for item in self.items if item.expiry(now).kind is kind)


@pytest_asyncio.fixture
async def counter(simulator: Simulator, tmp_path: Path) -> AsyncIterator[Counter]:
    async with at_the_counter(simulator, tmp_path / "journal.sqlite3") as at:
        yield Counter(
            PickupDesk(at.piggy, at.journal, settle_grace=NO_GRACE),
            at.lookup,
            at.journal,
            at.customer,
            at.items,
            simulator,
        )


@pytest.mark.asyncio
async def test_collect_confirms_in_journal_and_on_server(counter: Counter) -> None:
    item = counter.items[0]
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.COLLECTED
    assert result.operation is not None
    assert result.operation.state is OpState.CONFIRMED
    assert result.operation.redemption_uuid
    assert result.operation.redemption_uuid != item.loyalty_transaction_uuid
    assert item.loyalty_transaction_uuid not in counter.waiting_on_server()
    assert (await counter.journal.call(Journal.verify)).ok


@pytest.mark.asyncio
async def test_second_collect_is_already_collected(counter: Counter) -> None:
    item = counter.items[0]
    await counter.desk.collect(counter.customer.uuid, item)
    again = await counter.desk.collect(counter.customer.uuid, item)
    assert again.outcome is CollectOutcome.ALREADY_COLLECTED
    assert again.operation is not None
    assert again.operation.state is OpState.FAILED
    assert again.operation.error_code == "6003"


@pytest.mark.asyncio
async def test_expired_reward_is_refused(counter: Counter) -> None:
    item = counter.first(ExpiryKind.EXPIRED)
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.EXPIRED
    assert result.operation is not None
    assert result.operation.error_message == "Reward is expired."
    assert item.loyalty_transaction_uuid in counter.waiting_on_server()


@pytest.mark.asyncio
async def test_lost_answer_is_reconciled_at_once(counter: Counter) -> None:
    counter.sim.set_fault("piggy.collect", "after_apply:drop@1")
    item = counter.items[0]
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.COLLECTED
    assert result.operation is not None
    assert result.operation.state is OpState.CONFIRMED
    assert result.operation.resolved_by == "reconciliation"
    assert item.loyalty_transaction_uuid not in counter.waiting_on_server()


@pytest.mark.asyncio
async def test_unknown_while_offline_then_reconciled(counter: Counter) -> None:
    counter.sim.set_fault("piggy.collect", "drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    item = counter.items[1]
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.UNKNOWN
    assert result.operation is not None
    assert result.operation.state is OpState.UNKNOWN
    assert [op.operation_id for op in await counter.journal.call(Journal.unresolved)] == [
        result.operation.operation_id
    ]
    # The line is back: the collect never reached the server ("drop" is not processed).
    settled = await counter.desk.reconcile()
    assert [s.operation.state for s in settled] == [OpState.FAILED]
    assert settled[0].operation.detail == "item still waiting for pickup after 0 s: not collected"
    assert await counter.journal.call(Journal.unresolved) == []
    # Now it can be handed over for real.
    retry = await counter.desk.collect(counter.customer.uuid, item)
    assert retry.outcome is CollectOutcome.COLLECTED


@pytest.mark.asyncio
async def test_retry_after_unknown_that_went_through_is_not_sent_again(counter: Counter) -> None:
    counter.sim.set_fault("piggy.collect", "after_apply:drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    item = counter.items[2]
    first = await counter.desk.collect(counter.customer.uuid, item)
    assert first.outcome is CollectOutcome.UNKNOWN
    # The cashier presses Hand over again: the earlier attempt is settled first. It went
    # through, and the item was kept back while unknown: the customer gets it now.
    second = await counter.desk.collect(counter.customer.uuid, item)
    assert second.outcome is CollectOutcome.COLLECTED
    assert second.by_earlier_attempt
    assert second.operation is not None
    assert second.operation.operation_id == first.operation.operation_id  # type: ignore[union-attr]
    assert second.operation.state is OpState.CONFIRMED
    collects = [op for op in await counter.journal.call(Journal.recent_operations)]
    assert len(collects) == 1


@pytest.mark.asyncio
async def test_refusal_by_maintenance_is_failed_not_unknown(counter: Counter) -> None:
    counter.sim.set_fault("piggy.collect", "maintenance@1")
    item = counter.items[0]
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.REFUSED
    assert result.operation is not None
    assert result.operation.state is OpState.FAILED
    assert item.loyalty_transaction_uuid in counter.waiting_on_server()


@pytest.mark.asyncio
async def test_the_cost_price_piggy_gives_is_journaled_with_the_collect(counter: Counter) -> None:
    priced = next(item for item in counter.items if item.cost_price is not None)
    unpriced = next(item for item in counter.items if item.cost_price is None)
    served = {
        item.uuid: item.reward.cost_price
        for item in counter.sim.state.data.items_of(counter.customer.uuid)
    }
    assert priced.cost_price == Decimal(str(served[priced.loyalty_transaction_uuid]))

    first = await counter.desk.collect(counter.customer.uuid, priced)
    second = await counter.desk.collect(counter.customer.uuid, unpriced)

    assert first.operation is not None
    assert second.operation is not None
    assert first.operation.cost_price == priced.cost_price
    assert second.operation.cost_price is None
