"""Reversing a pickup through the journal, against the simulator over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from pos_app.sandbox import Simulator
from pos_app.services.pickup import CollectOutcome, PickupDesk, ReverseOutcome
from pos_app.services.pickup_models import CustomerSummary, PickupItem
from pos_app.storage import (
    REVERSE,
    AsyncJournal,
    Journal,
    Operation,
    OpState,
    ReverseReason,
    StaffRef,
)
from tests.helpers.desk import at_the_counter

MANAGER = StaffRef(profile_id="p-max", name="Max Manager")


# The wait before "still in the list" may mean "not done" has its own tests
# (test_pickup_in_flight.py); here the list is believed at once.
NO_GRACE = timedelta(0)


@dataclass
class Counter:
    desk: PickupDesk
    journal: AsyncJournal
    customer: CustomerSummary
    items: list[PickupItem]
    sim: Simulator

    def waiting_on_server(self) -> set[str]:
        uuid = self.customer.uuid
        return {i.uuid for i in self.sim.state.data.items_of(uuid) if not i.collected}

    def redemption_status(self, redemption_uuid: str) -> str:
        with self.sim.state.lock:
            return self.sim.state.redemptions[redemption_uuid].status

    async def collected(self, n: int = 0) -> Operation:
        result = await self.desk.collect(self.customer.uuid, self.items[n])
        assert result.outcome is CollectOutcome.COLLECTED
        assert result.operation is not None
        return result.operation

    async def journaled_only(self, redemption_uuid: str, n: int = 0) -> Operation:
        """A collect of item ``n`` the journal has as confirmed with ``redemption_uuid``."""
        item = self.items[n]
        op = await self.journal.call(
            Journal.begin_collect,
            customer_uuid=self.customer.uuid,
            loyalty_transaction_uuid=item.loyalty_transaction_uuid,
            reward_title=item.title,
        )
        return await self.journal.call(
            Journal.confirm, op.operation_id, redemption_uuid=redemption_uuid
        )

    async def reverses(self) -> list[Operation]:
        return await self.journal.call(Journal.recent_operations, kinds=(REVERSE,))


@pytest_asyncio.fixture
async def counter(simulator: Simulator, tmp_path: Path) -> AsyncIterator[Counter]:
    async with at_the_counter(simulator, tmp_path / "journal.sqlite3") as at:
        yield Counter(
            PickupDesk(at.piggy, at.journal, settle_grace=NO_GRACE),
            at.journal,
            at.customer,
            at.items,
            simulator,
        )


@pytest.mark.asyncio
async def test_reverse_puts_the_reward_back(counter: Counter) -> None:
    collect = await counter.collected()
    item = counter.items[0]
    assert item.loyalty_transaction_uuid not in counter.waiting_on_server()
    result = await counter.desk.reverse(
        collect, reason=ReverseReason.DAMAGED, note="box crushed", staff=MANAGER
    )
    assert result.outcome is ReverseOutcome.REVERSED
    assert result.operation is not None
    assert result.operation.state is OpState.CONFIRMED
    assert result.operation.kind == REVERSE
    assert result.operation.reason == "damaged"
    assert result.operation.note == "box crushed"
    assert (result.operation.staff_id, result.operation.staff_name) == ("p-max", "Max Manager")
    assert result.collect.is_reversed
    assert item.loyalty_transaction_uuid in counter.waiting_on_server()
    assert collect.redemption_uuid is not None
    assert counter.redemption_status(collect.redemption_uuid) == "REVERSED"
    history = await counter.journal.call(Journal.history, result.operation.operation_id)
    assert [entry.state for entry in history] == [OpState.PENDING, OpState.CONFIRMED]
    assert (await counter.journal.call(Journal.verify)).ok


@pytest.mark.asyncio
async def test_already_reversed_in_the_journal_sends_nothing(counter: Counter) -> None:
    collect = await counter.collected()
    first = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert first.outcome is ReverseOutcome.REVERSED
    # Anything sent now would fail the test: the line is down for reverse.
    counter.sim.set_fault("piggy.reverse", "drop")
    again = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert again.outcome is ReverseOutcome.ALREADY_REVERSED
    assert again.operation is not None
    assert first.operation is not None
    assert again.operation.operation_id == first.operation.operation_id
    assert len(await counter.reverses()) == 1


@pytest.mark.asyncio
async def test_already_reversed_on_the_server_6003(counter: Counter) -> None:
    collect = await counter.collected()
    assert collect.redemption_uuid is not None
    # Reversed in the Piggy dashboard, which the journal cannot know.
    counter.sim.state.reverse(collect.redemption_uuid)
    result = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert result.outcome is ReverseOutcome.ALREADY_REVERSED
    assert result.operation is not None
    assert result.operation.state is OpState.FAILED
    assert result.operation.error_code == "6003"
    assert result.error is not None


@pytest.mark.asyncio
async def test_unknown_to_the_server_80300(counter: Counter) -> None:
    # A collect whose redemption the server never made (say, another shop's database),
    # of a reward that is collected on the server all the same.
    counter.sim.state.collect(counter.items[0].loyalty_transaction_uuid)
    collect = await counter.journaled_only("no-such-redemption")
    result = await counter.desk.reverse(collect, reason="wrong_item", staff=MANAGER)
    assert result.outcome is ReverseOutcome.NOT_FOUND
    assert result.operation is not None
    assert result.operation.state is OpState.FAILED
    assert result.operation.error_code == "80300"
    assert not result.collect.is_reversed


@pytest.mark.asyncio
async def test_not_found_for_a_reward_back_in_the_list_is_already_reversed(
    counter: Counter,
) -> None:
    # Reverse errors are undocumented: a server may answer 80300 where the reward was
    # reversed before. The customer's list tells: the reward is waiting again.
    collect = await counter.journaled_only("unknown-here")
    result = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert result.outcome is ReverseOutcome.ALREADY_REVERSED
    assert result.operation is not None
    assert result.operation.state is OpState.FAILED
    assert result.operation.error_code == "80300"


@pytest.mark.asyncio
async def test_unreachable_stays_unknown_until_reconciled(counter: Counter) -> None:
    collect = await counter.collected()
    item = counter.items[0]
    # The reverse is applied but its answer lost, and the immediate check fails too.
    counter.sim.set_fault("piggy.reverse", "after_apply:drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    result = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert result.outcome is ReverseOutcome.UNKNOWN
    assert result.operation is not None
    assert result.operation.state is OpState.UNKNOWN
    assert result.collect.reversal_state is OpState.UNKNOWN
    assert [op.operation_id for op in await counter.journal.call(Journal.unresolved)] == [
        result.operation.operation_id
    ]
    # Trying again while the line is still down sends nothing new.
    counter.sim.set_fault("piggy.rewards", "drop@1")
    again = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert again.outcome is ReverseOutcome.UNKNOWN
    assert len(await counter.reverses()) == 1
    # The line is back: reconciliation finds the reward in the list again.
    settled = await counter.desk.reconcile()
    assert [s.operation.state for s in settled] == [OpState.CONFIRMED]
    assert settled[0].operation.detail == "item is back in the uncollected list"
    assert item.loyalty_transaction_uuid in counter.waiting_on_server()
    assert await counter.journal.call(Journal.is_reversed, collect.operation_id)
    assert (await counter.journal.call(Journal.verify)).ok


@pytest.mark.asyncio
async def test_unreachable_and_not_applied_is_reconciled_as_not_reversed(
    counter: Counter,
) -> None:
    collect = await counter.collected()
    counter.sim.set_fault("piggy.reverse", "drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    result = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert result.outcome is ReverseOutcome.UNKNOWN
    settled = await counter.desk.reconcile()
    assert [s.operation.state for s in settled] == [OpState.FAILED]
    # Now it can be reversed for real.
    retry = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert retry.outcome is ReverseOutcome.REVERSED


@pytest.mark.asyncio
async def test_retry_after_an_unknown_reverse_settles_the_earlier_one_first(
    counter: Counter,
) -> None:
    collect = await counter.collected()
    counter.sim.set_fault("piggy.reverse", "after_apply:drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    first = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert first.outcome is ReverseOutcome.UNKNOWN
    second = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert second.outcome is ReverseOutcome.ALREADY_REVERSED
    assert second.operation is not None
    assert first.operation is not None
    assert second.operation.operation_id == first.operation.operation_id
    assert second.operation.state is OpState.CONFIRMED
    assert len(await counter.reverses()) == 1


@pytest.mark.asyncio
async def test_lost_answer_is_reconciled_at_once(counter: Counter) -> None:
    collect = await counter.collected()
    counter.sim.set_fault("piggy.reverse", "after_apply:drop@1")
    result = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert result.outcome is ReverseOutcome.REVERSED
    assert result.operation is not None
    assert result.operation.resolved_by == "reconciliation"


@pytest.mark.asyncio
async def test_maintenance_is_a_refusal(counter: Counter) -> None:
    collect = await counter.collected()
    counter.sim.set_fault("piggy.reverse", "maintenance@1")
    result = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert result.outcome is ReverseOutcome.REFUSED
    assert result.operation is not None
    assert result.operation.state is OpState.FAILED
    assert not result.collect.is_reversed
    assert counter.items[0].loyalty_transaction_uuid not in counter.waiting_on_server()


@pytest.mark.asyncio
async def test_collect_confirmed_by_reconciliation_cannot_be_reversed_here(
    counter: Counter,
) -> None:
    counter.sim.set_fault("piggy.collect", "after_apply:drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    unknown = await counter.desk.collect(counter.customer.uuid, counter.items[0])
    assert unknown.outcome is CollectOutcome.UNKNOWN
    settled = await counter.desk.reconcile()
    collect = settled[0].operation
    assert collect.state is OpState.CONFIRMED
    assert collect.redemption_uuid is None
    counter.sim.set_fault("piggy.reverse", "drop")
    result = await counter.desk.reverse(collect, reason="returned", staff=MANAGER)
    assert result.outcome is ReverseOutcome.NO_REDEMPTION
    assert result.operation is None
    assert await counter.reverses() == []


@pytest.mark.asyncio
async def test_a_failed_collect_is_not_reversible(counter: Counter) -> None:
    await counter.collected()
    again = await counter.desk.collect(counter.customer.uuid, counter.items[0])
    assert again.operation is not None
    assert again.operation.state is OpState.FAILED
    result = await counter.desk.reverse(again.operation, reason="returned", staff=MANAGER)
    assert result.outcome is ReverseOutcome.NOT_REVERSIBLE
    assert await counter.reverses() == []


@pytest.mark.asyncio
async def test_reason_other_needs_a_note(counter: Counter) -> None:
    collect = await counter.collected()
    with pytest.raises(ValueError, match="note"):
        await counter.desk.reverse(collect, reason=ReverseReason.OTHER, note="  ", staff=MANAGER)
    assert await counter.reverses() == []
    result = await counter.desk.reverse(
        collect, reason=ReverseReason.OTHER, note="customer changed their mind", staff=MANAGER
    )
    assert result.outcome is ReverseOutcome.REVERSED
