"""Two counters of one shop against one PostgreSQL and one simulator: what one hands over,
the other finds by its slip code and reverses; the database cut off and back."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.services.counter import CounterServices, CounterSession, RewardsShown
from pos_app.services.counter_events import CounterEvent
from pos_app.services.identify import classify_scan
from pos_app.services.pickup import CollectOutcome, ReverseOutcome
from pos_app.services.reconcile import ReconcileReport
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings, load_settings
from pos_app.services.shared_journal import open_shared_journal
from pos_app.services.shop_pickups import ShopJournalUnreachableError
from pos_app.storage import (
    CLAIM,
    COLLECT,
    REVERSE,
    AsyncJournal,
    Journal,
    Operation,
    OpState,
    StaffRef,
)
from tests.helpers import RetryWaits, wait_until
from tests.helpers.postgres import (
    COUNTER_A,
    COUNTER_A2,
    COUNTER_B,
    TEST_PASSWORD,
    SharedDatabase,
)

MANAGER = StaffRef("manager-1", "Max Manager")


@dataclass
class ShopCounter:
    name: str
    session: CounterSession
    services: CounterServices
    events: list[CounterEvent]

    @property
    def journal(self) -> AsyncJournal:
        assert self.services.journal is not None
        return self.services.journal

    async def hand_over_first_reward(self) -> Operation:
        scan = classify_scan(demo.CARD_MAIN)
        assert scan is not None
        customer = await self.session.load_customer(scan)
        shown = [e for e in self.events if isinstance(e, RewardsShown)]
        now = shown[-1].now
        item = next(i for i in shown[-1].items if i.can_hand_over(now))
        report = await self.session.hand_over(customer, [item])
        (result,) = report.results
        assert result.outcome is CollectOutcome.COLLECTED
        assert result.operation is not None
        return result.operation

    async def caught_up(self) -> None:
        """Wait until the shop journal has every row of this counter's journal."""
        shared = self.services.shared
        assert shared is not None
        for _ in range(1000):
            if (await shared.waiting()).up_to_date:
                return
            await asyncio.sleep(0.01)
        raise AssertionError(f"{self.name} never caught up: {await shared.waiting()}")


def counter_settings(simulator: Simulator, folder: Path, name: str, url: str | None) -> Settings:
    return load_settings().with_overrides(
        piggy_base_url=simulator.piggy_base_url,
        giftoin_base_url=simulator.giftoin_base_url,
        nudj_base_url=simulator.nudj_base_url,
        shop_uuid=simulator.state.data.shops[0].uuid,
        data_dir=folder / name,
        counter_name=name,
        request_timeout=5.0,
        shared_journal_url=url,
    )


SECRETS = SecretStore(
    env={
        SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN,
        SecretName.SHARED_JOURNAL_PASSWORD.env_var: TEST_PASSWORD,
    },
    use_keyring=False,
)


@asynccontextmanager
async def shop_counter(settings: Settings) -> AsyncIterator[ShopCounter]:
    """A counter as the app opens it: its own data folder and journal, the shop's journal."""
    clients = build_clients(settings, SECRETS, sleep=RetryWaits())
    journal = await AsyncJournal.open(
        settings.journal_path, shop_uuid=settings.shop_uuid, counter=settings.counter_name
    )
    shared, problem = await open_shared_journal(settings, SECRETS, journal)
    assert problem is None
    services = CounterServices(settings, clients, journal=journal, shared=shared)
    events: list[CounterEvent] = []
    session = CounterSession(services)
    session.add_listener(events.append)
    session.start_sharing()
    try:
        yield ShopCounter(settings.counter_name, session, services, events)
    finally:
        await services.aclose()


def on_server(simulator: Simulator, operation: Operation) -> tuple[bool, str]:
    """Whether the reward is collected on the server, and its redemption's status."""
    assert operation.customer_uuid is not None
    assert operation.redemption_uuid is not None
    collected = {
        i.uuid: i.collected for i in simulator.state.data.items_of(operation.customer_uuid)
    }
    with simulator.state.lock:
        status = simulator.state.redemptions[operation.redemption_uuid].status
    return collected[operation.loyalty_transaction_uuid or ""], status


@pytest.mark.asyncio
async def test_a_pickup_made_at_counter_1_is_reversed_at_counter_2(
    shared_db: SharedDatabase, simulator: Simulator, tmp_path: Path
) -> None:
    simulator.reset()
    one = counter_settings(simulator, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    two = counter_settings(simulator, tmp_path, "Counter 2", shared_db.url(COUNTER_A2))
    async with shop_counter(one) as first, shop_counter(two) as second:
        handed = await first.hand_over_first_reward()
        await first.caught_up()
        slip = handed.handover_reference
        assert slip is not None
        assert on_server(simulator, handed) == (True, "COLLECTED")

        found = await second.session.find_pickup(slip)
        assert found is not None
        assert (found.operation_id, found.counter, found.state) == (
            handed.operation_id,
            "Counter 1",
            OpState.CONFIRMED,
        )
        assert second.session.pickups is not None
        assert second.session.desk is not None
        current = await second.session.pickups.current(found)
        result = await second.session.desk.reverse(current, reason="returned", staff=MANAGER)
        second.session.reverse_finished(result)

        assert result.outcome is ReverseOutcome.REVERSED
        assert result.collect.is_reversed
        # The server has the reward back, ready to be picked up again.
        assert on_server(simulator, handed) == (False, "REVERSED")
        # Counter 2's journal holds the reversal, written by it, of counter 1's pickup.
        (reverse,) = await second.journal.call(Journal.recent_operations, kinds=(REVERSE,))
        assert (reverse.state, reverse.counter, reverse.reverses_operation_id) == (
            OpState.CONFIRMED,
            "Counter 2",
            handed.operation_id,
        )
        assert reverse.staff_name == MANAGER.name
        assert await second.journal.call(Journal.recent_operations, kinds=(COLLECT,)) == []
        # Counter 1's journal still says truthfully what it did: handed over, confirmed.
        own = await first.journal.call(Journal.operation, handed.operation_id)
        assert own.state is OpState.CONFIRMED
        for counter in (first, second):
            assert (await counter.journal.call(Journal.verify)).ok

        # Once copied, counter 1 sees its pickup reversed, and neither reverses it twice.
        await second.caught_up()
        again_at_one = await first.session.find_pickup(slip)
        assert again_at_one is not None
        assert again_at_one.is_reversed
        assert first.session.pickups is not None
        assert first.session.desk is not None
        twice = await first.session.desk.reverse(
            await first.session.pickups.current(again_at_one), reason="returned", staff=MANAGER
        )
        assert twice.outcome is ReverseOutcome.ALREADY_REVERSED
        twice_here = await second.session.desk.reverse(
            await second.session.pickups.current(found), reason="returned", staff=MANAGER
        )
        assert twice_here.outcome is ReverseOutcome.ALREADY_REVERSED
        assert await first.journal.call(Journal.recent_operations, kinds=(REVERSE,)) == []
        assert len(await second.journal.call(Journal.recent_operations, kinds=(REVERSE,))) == 1
        assert on_server(simulator, handed) == (False, "REVERSED")


@pytest.mark.asyncio
async def test_the_shop_wide_list_names_each_counter_and_filters_by_one(
    shared_db: SharedDatabase, simulator: Simulator, tmp_path: Path
) -> None:
    simulator.reset()
    one = counter_settings(simulator, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    two = counter_settings(simulator, tmp_path, "Counter 2", shared_db.url(COUNTER_A2))
    async with shop_counter(one) as first, shop_counter(two) as second:
        at_one = await first.hand_over_first_reward()
        at_two = await second.hand_over_first_reward()
        await first.caught_up()
        await second.caught_up()
        pickups = second.session.pickups
        assert pickups is not None
        assert pickups.shop_wide
        listed = await pickups.recent()
        assert [(op.operation_id, op.counter) for op in listed] == [
            (at_two.operation_id, "Counter 2"),
            (at_one.operation_id, "Counter 1"),
        ]
        assert await pickups.counters() == ["Counter 1", "Counter 2"]
        only_one = await pickups.recent(counter="Counter 1")
        assert [op.operation_id for op in only_one] == [at_one.operation_id]
        assert at_one.reward_title is not None
        by_title = await pickups.recent(text=at_one.reward_title[:5].lower())
        assert at_one.operation_id in [op.operation_id for op in by_title]


@pytest.mark.asyncio
async def test_the_shop_wide_list_shows_other_counters_claims_and_refunds(
    shared_db: SharedDatabase, simulator: Simulator, tmp_path: Path
) -> None:
    simulator.reset()
    one = counter_settings(simulator, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    two = counter_settings(simulator, tmp_path, "Counter 2", shared_db.url(COUNTER_A2))
    async with shop_counter(one) as first, shop_counter(two) as second:
        handed = await first.hand_over_first_reward()
        refund = await first.journal.call(
            Journal.begin_refund,
            collect_operation_id=handed.operation_id,
            reason="damaged",
            staff=StaffRef("staff-max", "Max Manager"),
        )
        await first.journal.call(Journal.confirm, refund.operation_id, redemption_uuid="cr-1")
        claim = await first.journal.call(
            Journal.begin_claim,
            customer_uuid=handed.customer_uuid or "",
            reward_uuid="reward-1",
            reward_title="Shop mug",
            points=250,
            staff=StaffRef("staff-ann", "Ann Cashier"),
        )
        await first.journal.call(
            Journal.confirm, claim.operation_id, loyalty_transaction_uuid="lt-claim"
        )
        await first.caught_up()
        pickups = second.session.pickups
        assert pickups is not None
        listed = await pickups.recent()
        shown = [(op.operation_id, op.kind, op.counter) for op in listed]
        assert shown == [
            (claim.operation_id, CLAIM, "Counter 1"),
            (handed.operation_id, COLLECT, "Counter 1"),
        ]
        claimed, refunded = listed
        assert (claimed.state, claimed.points, claimed.staff_name) == (
            OpState.CONFIRMED,
            250,
            "Ann Cashier",
        )
        assert refunded.is_refunded
        assert (refunded.refund_reason, refunded.refund_staff_name) == ("damaged", "Max Manager")
        # The same kinds as counter 1's own list.
        own = await first.journal.call(Journal.recent_operations, kinds=(COLLECT, CLAIM))
        assert [op.operation_id for op in own] == [op.operation_id for op in listed]
        found = await pickups.recent(text="shop mug")
        assert [op.operation_id for op in found] == [claim.operation_id]


@pytest.mark.asyncio
async def test_cut_off_from_the_database_a_counter_works_on_and_catches_up(
    shared_db: SharedDatabase, simulator: Simulator, tmp_path: Path
) -> None:
    simulator.reset()
    one = counter_settings(simulator, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    two = counter_settings(simulator, tmp_path, "Counter 2", shared_db.url(COUNTER_A2))
    async with shop_counter(one) as first, shop_counter(two) as second:
        assert first.services.shared is not None
        await first.caught_up()
        cut_off(shared_db)
        try:
            handed = await first.hand_over_first_reward()
            # Handed over and journaled locally, as without a shared journal.
            assert handed.state is OpState.CONFIRMED
            shared = first.services.shared
            await wait_until(lambda: shared.copier.last_error is not None)
            waiting = await shared.waiting()
            assert waiting.unreachable
            assert waiting.pickups == 1
            assert waiting.oldest is not None
            slip = handed.handover_reference
            assert slip is not None
            # Its own pickup is still found here; the other counter is told why it cannot.
            assert await first.session.find_pickup(slip) is not None
            with pytest.raises(ShopJournalUnreachableError):
                await second.session.find_pickup(slip)
        finally:
            reconnect(shared_db)
        first.session.share_now()
        await first.caught_up()
        found = await second.session.find_pickup(slip)
        assert found is not None
        assert found.operation_id == handed.operation_id


@pytest.mark.asyncio
async def test_claims_and_refunds_waiting_to_be_copied_are_counted(
    shared_db: SharedDatabase, simulator: Simulator, tmp_path: Path
) -> None:
    simulator.reset()
    one = counter_settings(simulator, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    async with shop_counter(one) as first:
        assert first.services.shared is not None
        await first.caught_up()
        cut_off(shared_db)
        try:
            handed = await first.hand_over_first_reward()
            claim = await first.journal.call(
                Journal.begin_claim,
                customer_uuid=handed.customer_uuid or "",
                reward_uuid="reward-1",
                reward_title="Shop mug",
                points=250,
            )
            await first.journal.call(
                Journal.confirm, claim.operation_id, loyalty_transaction_uuid="lt-claim"
            )
            refund = await first.journal.call(
                Journal.begin_refund, collect_operation_id=handed.operation_id, reason="damaged"
            )
            await first.journal.call(Journal.confirm, refund.operation_id, redemption_uuid="cr-1")
            shared = first.services.shared
            await wait_until(lambda: shared.copier.last_error is not None)
            waiting = await shared.waiting()
            # The hand-over, the claim and the refund: three operations not copied yet.
            assert waiting.pickups == 3
        finally:
            reconnect(shared_db)


def cut_off(db: SharedDatabase) -> None:
    """The database goes away for the counters: no new connection, the open ones dropped."""
    with db.server.admin() as conn:
        conn.execute(f'ALTER DATABASE "{db.name}" ALLOW_CONNECTIONS false')
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (db.name,),
        )


def reconnect(db: SharedDatabase) -> None:
    with db.server.admin() as conn:
        conn.execute(f'ALTER DATABASE "{db.name}" ALLOW_CONNECTIONS true')


@pytest.mark.asyncio
async def test_an_unanswered_reversal_of_another_counters_pickup_is_sent_once_and_settled(
    shared_db: SharedDatabase, simulator: Simulator, tmp_path: Path
) -> None:
    simulator.reset()
    one = counter_settings(simulator, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    two = counter_settings(simulator, tmp_path, "Counter 2", shared_db.url(COUNTER_A2))
    async with shop_counter(one) as first, shop_counter(two) as second:
        handed = await first.hand_over_first_reward()
        await first.caught_up()
        assert handed.reference is not None
        pickups, desk = second.session.pickups, second.session.desk
        assert pickups is not None
        assert desk is not None
        found = await pickups.find(handed.reference)
        assert found is not None
        # Applied on the server, its answer lost, and the customer's list cannot be read.
        simulator.set_fault("piggy.reverse", "after_apply:drop@1")
        simulator.set_fault("piggy.rewards", "drop")
        result = await desk.reverse(await pickups.current(found), reason="damaged", staff=MANAGER)
        second.session.reverse_finished(result)
        assert result.outcome is ReverseOutcome.UNKNOWN
        assert result.collect.reversal_state is OpState.UNKNOWN
        # Asked again before it is settled: nothing new is written or sent.
        again = await desk.reverse(await pickups.current(found), reason="damaged", staff=MANAGER)
        assert again.outcome is ReverseOutcome.UNKNOWN
        assert len(await second.journal.call(Journal.recent_operations, kinds=(REVERSE,))) == 1
        # The line is back: the customer's list settles it, in counter 2's journal.
        simulator.clear_faults()
        reports: list[ReconcileReport] = []
        second.session.on_reconciled(reports.append)
        second.session.settle_now()
        await wait_until(lambda: any(r.settled for r in reports))
        settled = [s for r in reports for s in r.settled]
        assert [(s.operation.kind, s.operation.state) for s in settled] == [
            (REVERSE, OpState.CONFIRMED)
        ]
        assert on_server(simulator, handed) == (False, "REVERSED")
        await second.caught_up()
        shown = await first.session.find_pickup(handed.reference)
        assert shown is not None
        assert shown.is_reversed
        assert shown.reversal_reason == "damaged"


@pytest.mark.asyncio
async def test_a_counter_of_another_shop_finds_nothing_of_this_one(
    shared_db: SharedDatabase, simulator: Simulator, tmp_path: Path
) -> None:
    simulator.reset()
    here = counter_settings(simulator, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    there = counter_settings(simulator, tmp_path, "Other shop 1", shared_db.url(COUNTER_B))
    async with shop_counter(here) as first, shop_counter(there) as other:
        handed = await first.hand_over_first_reward()
        await first.caught_up()
        assert handed.handover_reference is not None
        assert await other.session.find_pickup(handed.handover_reference) is None
        assert other.session.pickups is not None
        assert await other.session.pickups.recent() == []
        assert await other.session.pickups.counters() == []


@pytest.mark.asyncio
@pytest.mark.parametrize("shared", [False, True])
async def test_a_pickups_own_reference_finds_that_pickup_and_the_slip_code_its_first(
    shared: bool, shared_db: SharedDatabase, simulator: Simulator, tmp_path: Path
) -> None:
    simulator.reset()
    url = shared_db.url(COUNTER_A) if shared else None
    async with shop_counter(counter_settings(simulator, tmp_path, "Counter 1", url)) as here:
        scan = classify_scan(demo.CARD_MAIN)
        assert scan is not None
        customer = await here.session.load_customer(scan)
        shown = [e for e in here.events if isinstance(e, RewardsShown)][-1]
        items = [i for i in shown.items if i.can_hand_over(shown.now)][:2]
        report = await here.session.hand_over(customer, items)
        first, second = (r.operation for r in report.results)
        assert first is not None
        assert second is not None
        if shared:
            await here.caught_up()
        assert second.reference is not None
        assert first.handover_reference is not None
        by_own = await here.session.find_pickup(second.reference)
        by_slip = await here.session.find_pickup(first.handover_reference)
        assert by_own is not None
        assert by_slip is not None
        assert by_own.operation_id == second.operation_id
        assert by_slip.operation_id == first.operation_id
