"""The counter's use cases without a window: identify, load, hand over, refuse.

Everything here runs without a QApplication, against the simulator over loopback HTTP; a
collect the test wants to stand still is held by the simulator until the test releases it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pos_app.api import PiggyClient, errors
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services import pickup_models
from pos_app.services.connections import ApiClients
from pos_app.services.counter import (
    UNDO_SECONDS,
    CodeSent,
    CounterEvent,
    CounterServices,
    CounterSession,
    CustomerCleared,
    CustomerFound,
    HandOverRefused,
    ItemHandled,
    ItemsSending,
    NotSetUpError,
    Refusal,
    RewardsShown,
    UndoRefusal,
    UndoRefused,
)
from pos_app.services.identify import Scan, ScanKind
from pos_app.services.pickup import CollectOutcome, ReverseOutcome
from pos_app.services.pickup_models import CustomerSummary, PickupCounts, PickupItem
from pos_app.services.settings import load_settings
from pos_app.services.staff import Role, StaffDirectory, StaffService
from pos_app.storage import (
    AsyncJournal,
    HealthProblem,
    Journal,
    JournalHealth,
    OpState,
    ReverseReason,
)
from tests.helpers import FAST_SCRYPT, STAFF_PIN_KEY, FakeClock, wait_until

COLLECT_ROUTE = "piggy.collect"
CARD_MAIN = Scan(ScanKind.CARD, demo.CARD_MAIN)
CARD_EMPTY = Scan(ScanKind.CARD, demo.CARD_EMPTY)


@dataclass
class Desk:
    sim: Simulator
    session: CounterSession
    journal: AsyncJournal | None
    events: list[CounterEvent] = field(default_factory=list)

    def of(self, kind: type[Any]) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    async def main_customer(self) -> tuple[CustomerSummary, PickupItem]:
        """DEMO-CARD-1 scanned: the customer, and the first reward on their list."""
        customer = await self.session.load_customer(CARD_MAIN)
        return customer, self.of(RewardsShown)[0].items[0]

    def collected_on_server(self, customer_uuid: str) -> set[str]:
        return {i.uuid for i in self.sim.state.data.items_of(customer_uuid) if i.collected}


@asynccontextmanager
async def a_counter(
    sim: Simulator,
    data_dir: Path,
    *,
    journal: bool = True,
    staff: bool = False,
    health: Callable[[JournalHealth], JournalHealth] | None = None,
    clock: Callable[[], datetime] | None = None,
    **settings: object,
) -> AsyncIterator[Desk]:
    """A counter session on fresh demo data (its collects are held until released)."""
    sim.reset()
    sim.clear_faults()
    options = load_settings().with_overrides(
        piggy_base_url=sim.piggy_base_url,
        shop_uuid=sim.state.data.shops[0].uuid,
        request_timeout=5.0,
        data_dir=data_dir,
        **settings,
    )
    sim.set_fault("piggy.collect", "hold")
    opened = (
        await AsyncJournal.open(options.journal_path, shop_uuid="s", counter="c1")
        if journal
        else None
    )
    staff_service = (
        await StaffService.open(options.staff_path, pin_key=STAFF_PIN_KEY, scrypt=FAST_SCRYPT)
        if staff
        else None
    )
    piggy = PiggyClient(sim.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, timeout=5.0)
    journal_health = None
    if opened is not None and health is not None:
        found = await opened.run(lambda j: j.health)
        assert found is not None
        journal_health = health(found)
    services = CounterServices(
        options,
        ApiClients(piggy, None, None),
        journal=opened,
        journal_problem=None if journal else "The journal cannot be opened.",
        journal_health=journal_health,
        staff=staff_service,
    )
    session = CounterSession(services, kiosk=options.kiosk, clock=clock)
    desk = Desk(sim, session, opened)
    session.add_listener(desk.events.append)
    try:
        yield desk
    finally:
        sim.clear_faults()
        sim.release(COLLECT_ROUTE)
        await services.aclose()


@pytest.mark.asyncio
async def test_a_card_shows_the_customer_then_their_rewards(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        customer = await desk.session.load_customer(CARD_MAIN)
        assert [type(e) for e in desk.events] == [CustomerFound, RewardsShown]
        shown = desk.of(RewardsShown)[0]
        assert shown.customer is customer
        assert shown.first
        waiting = {i.uuid for i in simulator.state.data.items_of(customer.uuid)}
        assert {i.loyalty_transaction_uuid for i in shown.items} <= waiting
        assert shown.items


@pytest.mark.asyncio
async def test_a_long_list_comes_grouped_and_counted_from_a_worker_thread(
    simulator: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reported freeze: a thousand rewards grouped and counted on the GUI thread.
    made_on: list[int] = []
    grouping = pickup_models.group_for_pickup

    def recorded(items: Any, now: datetime) -> Any:
        made_on.append(threading.get_ident())
        return grouping(items, now)

    monkeypatch.setattr(pickup_models, "group_for_pickup", recorded)
    async with a_counter(simulator, tmp_path) as desk:
        await desk.session.load_customer(Scan(ScanKind.CARD, demo.CARD_BIG))
        (shown,) = desk.of(RewardsShown)
    rewards = shown.rewards
    assert len(rewards.items) == 1000
    assert rewards.groups == tuple(grouping(rewards.items, rewards.now))
    assert [e.kind for e in rewards.expiries] == [
        g[0].expiry(rewards.now).kind for g in rewards.groups
    ]
    assert rewards.counts == PickupCounts.of(rewards.items, rewards.now)
    assert made_on
    assert threading.get_ident() not in made_on


async def _held_together(desk: Desk, first: str, beside: str) -> CustomerSummary:
    """Scan DEMO-CARD-1 with ``first`` held: ``beside`` must be asked for meanwhile, and
    nothing shown before both are answered. Returns the customer then shown."""
    sim = desk.sim
    sim.set_fault(first, "hold")
    sim.set_fault(beside, "hold")
    loading = asyncio.ensure_future(desk.session.load_customer(CARD_MAIN))
    try:
        await wait_until(lambda: sim.held(first) == 1)
        await wait_until(lambda: sim.held(beside) == 1)
        assert desk.events == []
    finally:
        sim.release(first)
        sim.release(beside)
    customer = await loading
    # Shown in the order a cashier reads them: who it is, then what they pick up.
    assert [type(e) for e in desk.events] == [CustomerFound, RewardsShown]
    shown: CustomerSummary = desk.of(RewardsShown)[0].customer
    assert shown is customer
    return customer


@pytest.mark.asyncio
async def test_a_cards_rewards_are_asked_for_while_the_contact_loads(
    simulator: Simulator, tmp_path: Path
) -> None:
    """The rewards call needs only the contact's uuid, which the card's identifier gives:
    it does not wait for the contact call (two round trips to the list, not three)."""
    async with a_counter(simulator, tmp_path) as desk:
        await _held_together(desk, "piggy.contact", beside="piggy.rewards")


@pytest.mark.asyncio
async def test_a_card_seen_before_asks_for_its_rewards_beside_the_identifier(
    simulator: Simulator, tmp_path: Path
) -> None:
    """One round trip for a card this counter knows: contact and rewards are asked for
    with the contact it belonged to last time, while the identifier confirms it; nothing
    is shown on the guess alone."""
    async with a_counter(simulator, tmp_path) as desk:
        await desk.session.load_customer(CARD_MAIN)
        desk.events.clear()
        customer = await _held_together(desk, "piggy.identifier", beside="piggy.rewards")
        assert customer.uuid == simulator.state.data.contact_for_card(demo.CARD_MAIN).uuid


@pytest.mark.asyncio
async def test_a_remembered_card_given_to_another_customer_shows_only_the_new_one(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        first = await desk.session.load_customer(CARD_MAIN)
        # The shop hands the card to another customer (a lost card, re-issued).
        data = simulator.state.data
        other = data.contact_for_card(demo.CARD_EMPTY)
        card = data.identifiers[demo.CARD_MAIN]
        data.identifiers[demo.CARD_MAIN] = replace(card, contact_uuid=other.uuid)
        desk.events.clear()
        customer = await desk.session.load_customer(CARD_MAIN)
        assert customer.uuid == other.uuid != first.uuid
        # Not even for a moment: every event names the card's customer of now.
        assert [type(e) for e in desk.events] == [CustomerFound, RewardsShown]
        shown = desk.of(CustomerFound) + desk.of(RewardsShown)
        assert [e.customer.uuid for e in shown] == [other.uuid, other.uuid]
        assert desk.of(RewardsShown)[0].items == []  # the new owner has nothing waiting


@pytest.mark.asyncio
async def test_a_remembered_card_that_was_blocked_shows_nobody(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        await desk.session.load_customer(CARD_MAIN)
        data = simulator.state.data
        card = data.identifiers[demo.CARD_MAIN]
        data.identifiers[demo.CARD_MAIN] = replace(card, active=False)
        desk.session.new_scan(CARD_MAIN)  # as the window does for every scan
        desk.events.clear()
        with pytest.raises(errors.IdentifierInactiveError):
            await desk.session.load_customer(CARD_MAIN)
        assert desk.events == []
        assert desk.session.customer is None


@pytest.mark.asyncio
async def test_after_warming_up_a_scan_opens_no_connection(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        simulator.close_connections()  # idle for long: the server let them go
        await desk.session.services.clients.warm_up()
        opened = simulator.connections_opened
        await desk.session.load_customer(CARD_MAIN)
        # Identifier, then contact and rewards side by side: all over warm connections.
        assert desk.of(RewardsShown)
        assert simulator.connections_opened == opened


@pytest.mark.asyncio
async def test_a_card_whose_contact_fails_shows_nobodys_rewards(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        simulator.set_fault("piggy.contact", "error:503")
        with pytest.raises(errors.ApiError):
            await desk.session.load_customer(CARD_MAIN)
        assert desk.events == []
        assert desk.session.customer is None


@pytest.mark.asyncio
async def test_a_new_scan_clears_the_last_customer_even_when_the_card_is_unknown(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        await desk.session.load_customer(CARD_MAIN)
        scan = Scan(ScanKind.CARD, "NO-SUCH-CARD")
        desk.session.new_scan(scan)
        assert desk.session.customer is None
        assert isinstance(desk.events[-1], CustomerCleared)
        with pytest.raises(errors.IdentifierNotFoundError):
            await desk.session.load_customer(scan)
        assert desk.session.customer is None
        assert not isinstance(desk.events[-1], CustomerFound | RewardsShown)


@pytest.mark.asyncio
async def test_an_email_code_is_sent_masked_and_the_right_code_shows_the_customer(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        scan = Scan(ScanKind.EMAIL, demo.EMAIL_MAIN)
        assert desk.session.needs_code(scan)
        await desk.session.send_code(demo.EMAIL_MAIN)
        sent = desk.of(CodeSent)
        assert len(sent) == 1
        assert demo.EMAIL_MAIN not in sent[0].masked
        with pytest.raises(errors.InvalidVerificationCodeError):
            await desk.session.verify_code("000000")
        assert desk.session.customer is None
        code = simulator.last_verification_code(demo.EMAIL_MAIN)
        assert code is not None
        customer = await desk.session.verify_code(code)
        assert customer is not None
        assert desk.session.customer is customer
        assert desk.session.pending_email is None
        assert isinstance(desk.events[-1], RewardsShown)


@pytest.mark.asyncio
async def test_a_hand_over_ending_after_the_next_scan_names_its_own_customer(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        first, item = await desk.main_customer()
        handing = asyncio.ensure_future(desk.session.hand_over(first, [item]))
        await wait_until(lambda: simulator.held(COLLECT_ROUTE) == 1)  # sent, unanswered
        desk.session.new_scan(CARD_EMPTY)
        second = await desk.session.load_customer(CARD_EMPTY)
        simulator.release(COLLECT_ROUTE)
        report = await handing

        assert report.customer is first
        assert not report.current
        assert report.replaced
        assert [r.outcome for r in report.results] == [CollectOutcome.COLLECTED]
        # Every hand-over event names the first customer; the screen shows the second.
        assert all(e.customer is first for e in desk.of(ItemsSending) + desk.of(ItemHandled))
        assert desk.of(ItemHandled)
        assert desk.session.customer is second
        assert desk.collected_on_server(first.uuid) == {item.loyalty_transaction_uuid}
        assert desk.journal is not None
        states = [op.state for op in await desk.journal.call(Journal.recent_operations, limit=10)]
        assert states == [OpState.CONFIRMED]


@pytest.mark.asyncio
async def test_without_a_journal_nothing_is_sent(simulator: Simulator, tmp_path: Path) -> None:
    async with a_counter(simulator, tmp_path, journal=False) as desk:
        customer, item = await desk.main_customer()
        assert desk.session.refusal() is Refusal.NOT_SET_UP
        with pytest.raises(HandOverRefused) as refused:
            await desk.session.hand_over(customer, [item])
        assert refused.value.refusal is Refusal.NOT_SET_UP
        assert simulator.state.collect_requests == {}
        assert desk.collected_on_server(customer.uuid) == set()
        with pytest.raises(NotSetUpError, match="journal cannot be opened"):
            await desk.session.find_pickup("PU-00000000")


@pytest.mark.asyncio
async def test_a_journal_check_that_needs_a_manager_holds_hand_overs_until_acknowledged(
    simulator: Simulator, tmp_path: Path
) -> None:
    def truncated(health: JournalHealth) -> JournalHealth:
        return dataclasses.replace(health, problem=HealthProblem.TRUNCATED)

    async with a_counter(simulator, tmp_path, health=truncated) as desk:
        customer, item = await desk.main_customer()
        assert desk.session.refusal() is Refusal.HELD
        with pytest.raises(HandOverRefused):
            await desk.session.hand_over(customer, [item])
        assert simulator.state.collect_requests == {}
        desk.session.acknowledged()
        simulator.clear_faults(COLLECT_ROUTE)  # collects go through from here on
        report = await desk.session.hand_over(customer, [item])
        assert [r.outcome for r in report.results] == [CollectOutcome.COLLECTED]


@pytest.mark.asyncio
async def test_sign_in_required_refuses_until_someone_signs_in_and_records_who(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path, staff=True, require_staff_sign_in=True) as desk:
        staff = desk.session.services.staff
        assert staff is not None
        mila = await staff.call(StaffDirectory.add, "Mila", Role.CASHIER, "4812")
        customer, item = await desk.main_customer()
        assert desk.session.refusal() is None
        assert desk.session.needs_sign_in
        with pytest.raises(HandOverRefused) as refused:
            await desk.session.hand_over(customer, [item])
        assert refused.value.refusal is Refusal.NOT_SIGNED_IN
        assert simulator.state.collect_requests == {}
        # As the sign-in dialog would after the PIN was accepted.
        desk.session.sign_in.sign_in(mila)
        simulator.clear_faults(COLLECT_ROUTE)  # collects go through from here on
        report = await desk.session.hand_over(customer, [item])
        operation = report.handed_over[0]
        assert operation.staff_name == "Mila"


@pytest.mark.asyncio
async def test_sign_in_required_with_nobody_on_the_staff_list_hands_over_unsigned(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path, staff=True, require_staff_sign_in=True) as desk:
        customer, item = await desk.main_customer()
        simulator.clear_faults(COLLECT_ROUTE)  # collects go through from here on
        report = await desk.session.hand_over(customer, [item])
        assert [r.outcome for r in report.results] == [CollectOutcome.COLLECTED]
        assert report.handed_over[0].staff_name is None


@pytest.mark.asyncio
async def test_a_kiosk_never_hands_over_unsigned(simulator: Simulator, tmp_path: Path) -> None:
    async with a_counter(simulator, tmp_path, staff=True, kiosk=True) as desk:
        customer, item = await desk.main_customer()
        with pytest.raises(HandOverRefused) as refused:
            await desk.session.hand_over(customer, [item])
        assert refused.value.refusal is Refusal.NOT_SIGNED_IN
        assert simulator.state.collect_requests == {}


@pytest.mark.asyncio
async def test_sign_in_required_without_a_staff_list_is_refused_before_anything(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path, require_staff_sign_in=True) as desk:
        assert desk.session.refusal() is Refusal.NO_STAFF_CHECK


@pytest.mark.asyncio
async def test_already_picked_up_elsewhere_refreshes_the_list(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        customer, item = await desk.main_customer()
        # Another counter hands it over first.
        for server_item in simulator.state.data.items_of(customer.uuid):
            if server_item.uuid == item.loyalty_transaction_uuid:
                server_item.collected = True
        simulator.clear_faults(COLLECT_ROUTE)  # collects go through from here on
        report = await desk.session.hand_over(customer, [item])
        assert [r.outcome for r in report.problems] == [CollectOutcome.ALREADY_COLLECTED]
        refreshed = desk.of(RewardsShown)[-1]
        assert not refreshed.first
        assert item.loyalty_transaction_uuid not in {
            i.loyalty_transaction_uuid for i in refreshed.items
        }


@pytest.mark.asyncio
async def test_the_cashier_undoes_a_mis_tap_right_after_the_hand_over(
    simulator: Simulator, tmp_path: Path
) -> None:
    clock = FakeClock(datetime.now(UTC))
    async with a_counter(simulator, tmp_path, staff=True, clock=clock) as desk:
        staff = desk.session.services.staff
        assert staff is not None
        desk.session.sign_in.sign_in(
            await staff.call(StaffDirectory.add, "Mila", Role.CASHIER, "4812")
        )
        customer, item = await desk.main_customer()
        simulator.clear_faults(COLLECT_ROUTE)
        report = await desk.session.hand_over(customer, [item])
        clock.advance(timedelta(seconds=UNDO_SECONDS - 5))
        assert desk.session.undo_left(report) == pytest.approx(5)
        assert desk.session.undo_refusal(report) is None
        results = await desk.session.undo(report)
        assert [r.outcome for r in results] == [ReverseOutcome.REVERSED]
        reversal = results[0].operation
        assert reversal is not None
        assert reversal.reason == ReverseReason.MIS_TAP
        assert reversal.staff_name == "Mila"
        assert desk.collected_on_server(customer.uuid) == set()
        shown = desk.of(RewardsShown)[-1]
        assert item.loyalty_transaction_uuid in {i.loyalty_transaction_uuid for i in shown.items}


@pytest.mark.asyncio
async def test_after_the_undo_time_it_is_a_managers_reversal(
    simulator: Simulator, tmp_path: Path
) -> None:
    clock = FakeClock(datetime.now(UTC))
    async with a_counter(simulator, tmp_path, clock=clock) as desk:
        customer, item = await desk.main_customer()
        simulator.clear_faults(COLLECT_ROUTE)
        report = await desk.session.hand_over(customer, [item])
        clock.advance(timedelta(seconds=UNDO_SECONDS + 1))
        assert desk.session.undo_left(report) == 0
        with pytest.raises(UndoRefused) as refused:
            await desk.session.undo(report)
        assert refused.value.refusal is UndoRefusal.TOO_LATE
        assert desk.collected_on_server(customer.uuid) == {item.loyalty_transaction_uuid}


@pytest.mark.asyncio
async def test_another_cashier_cannot_undo_it(simulator: Simulator, tmp_path: Path) -> None:
    clock = FakeClock(datetime.now(UTC))
    async with a_counter(simulator, tmp_path, staff=True, clock=clock) as desk:
        staff = desk.session.services.staff
        assert staff is not None
        mila = await staff.call(StaffDirectory.add, "Mila", Role.CASHIER, "4812")
        joost = await staff.call(StaffDirectory.add, "Joost", Role.CASHIER, "5923")
        desk.session.sign_in.sign_in(mila)
        customer, item = await desk.main_customer()
        simulator.clear_faults(COLLECT_ROUTE)
        report = await desk.session.hand_over(customer, [item])
        desk.session.sign_in.sign_in(joost)
        assert desk.session.undo_refusal(report) is UndoRefusal.OTHER_CASHIER
        with pytest.raises(UndoRefused):
            await desk.session.undo(report)
        assert desk.collected_on_server(customer.uuid) == {item.loyalty_transaction_uuid}


@pytest.mark.asyncio
async def test_the_journal_names_the_customer_as_the_slip_does_never_by_email(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        customer, item = await desk.main_customer()
        assert customer.name
        assert customer.email
        handing = asyncio.ensure_future(desk.session.hand_over(customer, [item]))
        await wait_until(lambda: simulator.held(COLLECT_ROUTE) == 1)
        simulator.release(COLLECT_ROUTE)
        await handing
        assert desk.journal is not None
        (pickup,) = await desk.journal.call(Journal.recent_operations, limit=10)
        first, *_, last = customer.name.split()
        assert pickup.customer_name == f"{first} {last[0]}."
        rows = await desk.journal.call(Journal.history, pickup.operation_id)
        assert all(customer.email not in repr(entry) for entry in rows)


@pytest.mark.asyncio
async def test_one_hand_over_of_several_rewards_has_one_slip_code(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        customer, _item = await desk.main_customer()
        items = [i for i in desk.of(RewardsShown)[0].items if not i.is_digital][:3]
        simulator.clear_faults()
        report = await desk.session.hand_over(customer, items)
        assert [r.outcome for r in report.results] == [CollectOutcome.COLLECTED] * 3
        handed = report.handed_over
        first = handed[0]
        assert first.reference is not None
        assert [op.handover_reference for op in handed] == [first.reference] * 3
        assert desk.journal is not None
        members = await desk.journal.call(Journal.hand_over, handed[2].operation_id)
        assert [op.operation_id for op in members] == [op.operation_id for op in handed]
        # The next hand-over has a code of its own.
        customer = await desk.session.load_customer(CARD_MAIN)
        more = [i for i in desk.of(RewardsShown)[-1].items if not i.is_digital][:1]
        (again,) = (await desk.session.hand_over(customer, more)).handed_over
        assert again.handover_reference == again.reference != first.reference


@pytest.mark.asyncio
async def test_a_digital_reward_is_refused_and_nothing_of_the_hand_over_is_sent(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_counter(simulator, tmp_path) as desk:
        customer, first = await desk.main_customer()
        items = desk.of(RewardsShown)[0].items
        digital = next(i for i in items if i.reward_type == "DIGITAL")
        assert digital.is_digital
        with pytest.raises(HandOverRefused) as refused:
            await desk.session.hand_over(customer, [first, digital])
        assert refused.value.refusal is Refusal.DIGITAL
        # Nothing was sent, not even the physical reward beside it, and nothing journaled.
        assert simulator.state.collect_requests == {}
        assert desk.of(ItemsSending) == []
        assert desk.journal is not None
        assert await desk.journal.call(Journal.recent_operations, limit=10) == []
