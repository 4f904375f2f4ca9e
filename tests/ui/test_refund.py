"""Refunding a returned reward's points from Recent pickups, against the simulator.

Whether Piggy reverses the reception of a reward that was handed over is not documented;
the simulator answers either way (``reverse_collected_reception``), and every test of the
refund itself runs against both answers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos_app.api import PiggyClient
from pos_app.clock import utc_now
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.identify import CustomerLookup
from pos_app.services.pickup import CollectOutcome, PickupDesk
from pos_app.services.pickup_models import PickupItem
from pos_app.services.refund import RefundDesk
from pos_app.services.staff import Role, StaffDirectory, StaffService, journal_lockouts
from pos_app.storage import (
    REFUND,
    REVERSE,
    AsyncJournal,
    Journal,
    Operation,
    OpState,
    ReverseReason,
)
from pos_app.ui.counter.words import describe_reconciled
from pos_app.ui.managers.pickups_table import PickupColumn
from pos_app.ui.managers.recent_pickups import RecentPickupsView
from pos_app.ui.managers.reverse_dialog import ReturnAction, ReverseDialog
from tests.helpers import FAST_SCRYPT, STAFF_PIN_KEY, wait_until
from tests.helpers.ui import dialog_of, visible

MANAGER_PIN = "246810"
REFUSE, ACCEPT = "refuse", "accept"


@dataclass
class Counter:
    view: RecentPickupsView
    desk: PickupDesk
    refunds: RefundDesk
    journal: AsyncJournal
    piggy: PiggyClient
    sim: Simulator
    customer_uuid: str
    items: list[PickupItem]

    async def handed_over(self) -> Operation:
        """The first reward that can go, handed over and shown selected in the list."""
        now = utc_now()
        item = next(i for i in self.items if i.can_hand_over(now))
        result = await self.desk.collect(self.customer_uuid, item, customer_name="Robin V.")
        assert result.outcome is CollectOutcome.COLLECTED
        pickup = result.operation
        assert pickup is not None
        self.view.show()
        await wait_until(lambda: self.view.model.row_of(pickup.operation_id) is not None)
        assert self.view.select_operation(pickup.operation_id)
        return pickup

    async def balance(self) -> int:
        points = (await self.piggy.get_contact(self.customer_uuid)).points
        assert points is not None
        return points

    def points_of(self, pickup: Operation) -> int:
        assert pickup.loyalty_transaction_uuid is not None
        with self.sim.state.lock:
            return abs(self.sim.state.data.receptions[pickup.loyalty_transaction_uuid].credits)

    def reception_reversed(self, pickup: Operation) -> bool:
        assert pickup.loyalty_transaction_uuid is not None
        with self.sim.state.lock:
            reception = self.sim.state.data.receptions[pickup.loyalty_transaction_uuid]
            return reception.reversed_by is not None

    def reverses_sent(self, pickup: Operation) -> int:
        assert pickup.loyalty_transaction_uuid is not None
        with self.sim.state.lock:
            return self.sim.state.reception_reverse_requests.get(pickup.loyalty_transaction_uuid, 0)

    async def waiting_on_server(self) -> set[str]:
        listed = await self.piggy.list_collectable_rewards(self.customer_uuid)
        return {item.uuid for item in listed if not item.has_been_collected}

    async def operations(self, kind: str) -> list[Operation]:
        return await self.journal.call(Journal.recent_operations, kinds=(kind,))

    async def manager_refunds(self, reason: ReverseReason = ReverseReason.DAMAGED) -> None:
        """Reverse… → "Refund the points", a reason, the manager's PIN, Enter."""
        QTest.mouseClick(self.view.reverse_button, Qt.MouseButton.LeftButton)
        dialog = await dialog_of(ReverseDialog)
        refund = dialog.action_buttons[ReturnAction.REFUND]
        # On its circle: a radio button takes clicks on its circle and its text only.
        at = QPoint(8, refund.height() // 2)
        QTest.mouseClick(refund, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        assert dialog.selected_action() is ReturnAction.REFUND
        dialog.choose(reason)
        QTest.keyClicks(dialog.pin.field, MANAGER_PIN)
        QTest.keyClick(dialog.pin.field, Qt.Key.Key_Return)
        await wait_until(lambda: not self.view.is_reversing())
        await wait_until(lambda: self.view.tasks.pending == 0)

    def cell(self, pickup: Operation, column: PickupColumn) -> str:
        row = self.view.model.row_of(pickup.operation_id)
        assert row is not None
        return str(self.view.model.index(row, column).data())


@pytest_asyncio.fixture
async def counter(qtbot: QtBot, simulator: Simulator, tmp_path: Path) -> AsyncIterator[Counter]:
    simulator.reset()
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="c1")
    staff = await StaffService.open(
        tmp_path / "staff.sqlite3",
        pin_key=STAFF_PIN_KEY,
        on_lockout=journal_lockouts(journal),
        scrypt=FAST_SCRYPT,
    )
    await staff.call(StaffDirectory.add, "Max Manager", Role.MANAGER, MANAGER_PIN)
    piggy = PiggyClient(
        simulator.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, timeout=2.0, max_retries=0
    )
    lookup = CustomerLookup(piggy)
    customer = await lookup.by_card(demo.CARD_MAIN)
    items = await lookup.rewards(customer.uuid)
    # The server's lists are believed at once; the wait has its own tests.
    desk = PickupDesk(piggy, journal, settle_grace=timedelta(0))
    refunds = RefundDesk(desk)
    view = RecentPickupsView(journal, desk=desk, staff=staff, refunds=refunds)
    view.resize(900, 500)
    made = Counter(view, desk, refunds, journal, piggy, simulator, customer.uuid, items)
    try:
        yield made
    finally:
        while (open_dialog := visible(ReverseDialog)) is not None:
            open_dialog.reject()
        simulator.config.reverse_collected_reception = REFUSE
        await view.aclose()
        view.close()
        view.deleteLater()
        await staff.aclose()
        await piggy.aclose()
        await journal.aclose()


@pytest.mark.asyncio
@pytest.mark.parametrize("collected_reception", [REFUSE, ACCEPT])
async def test_refund_the_points_restores_the_balance_and_is_in_the_history(
    counter: Counter, collected_reception: str
) -> None:
    counter.sim.config.reverse_collected_reception = collected_reception
    pickup = await counter.handed_over()
    before = await counter.balance()
    points = counter.points_of(pickup)

    await counter.manager_refunds(ReverseReason.DAMAGED)

    # What the manager reads: the points and the customer's balance now.
    assert counter.view.message_kind == "success"
    assert counter.view.message.text() == (
        f"Points refunded: {points} points for {pickup.reward_title}. "
        f"The customer now has {before + points} Piggy points."
    )
    assert await counter.balance() == before + points
    assert counter.reception_reversed(pickup)
    # Not back to pick up: its points came back instead.
    assert pickup.loyalty_transaction_uuid not in await counter.waiting_on_server()
    # The history: the pickup, refunded, why, and who approved it.
    assert counter.cell(pickup, PickupColumn.STATE) == "Points refunded"
    assert counter.cell(pickup, PickupColumn.REVERSAL_REASON) == "Damaged"
    assert counter.cell(pickup, PickupColumn.APPROVED_BY) == "Max Manager"
    assert not counter.view.reverse_button.isEnabled()
    refunds = await counter.operations(REFUND)
    assert refunds[0].state is OpState.CONFIRMED
    assert refunds[0].reverses_operation_id == pickup.operation_id
    assert (refunds[0].reason, refunds[0].staff_name) == ("damaged", "Max Manager")
    reverses = await counter.operations(REVERSE)
    if collected_reception == ACCEPT:
        # One call: Piggy refunds a handed-over reward's reception as it is.
        assert [r.state for r in refunds] == [OpState.CONFIRMED]
        assert reverses == []
        assert counter.reverses_sent(pickup) == 1
    else:
        # Refused for a handed-over reward: the collection is reversed first, then the
        # reception, each journaled and each sent once.
        assert [r.state for r in refunds] == [OpState.CONFIRMED, OpState.FAILED]
        assert refunds[1].error_code == "1003"
        assert [(r.state, r.reason, r.staff_name) for r in reverses] == [
            (OpState.CONFIRMED, "damaged", "Max Manager")
        ]
        assert counter.reverses_sent(pickup) == 2
    assert (await counter.journal.call(Journal.verify)).ok


@pytest.mark.asyncio
@pytest.mark.parametrize("collected_reception", [REFUSE, ACCEPT])
async def test_a_refund_whose_answer_is_lost_is_unknown_until_the_server_tells(
    counter: Counter, collected_reception: str
) -> None:
    counter.sim.config.reverse_collected_reception = collected_reception
    pickup = await counter.handed_over()
    before = await counter.balance()
    points = counter.points_of(pickup)
    # The refund reaches Piggy but its answer is lost, and the transactions cannot be read
    # either: nothing can tell yet whether the points came back.
    counter.sim.set_fault("piggy.reception_reverse", "after_apply:drop@1")
    counter.sim.set_fault("piggy.transactions", "error:500")

    await counter.manager_refunds(ReverseReason.RETURNED)

    assert counter.view.message_kind == "error"
    assert counter.view.message.text().startswith(
        f"{pickup.reward_title}: no answer from the loyalty service, so it is not known "
        "whether the points were refunded."
    )
    assert counter.cell(pickup, PickupColumn.STATE) == "Refund being checked"
    # Nothing more is sent about this pickup while it is unknown.
    assert not counter.view.reverse_button.isEnabled()
    assert counter.reverses_sent(pickup) == 1
    (refund,) = await counter.operations(REFUND)
    assert refund.state is OpState.UNKNOWN

    counter.sim.clear_faults()
    settled = await counter.desk.reconcile()
    await counter.view.reload()
    if collected_reception == ACCEPT:
        # Piggy had refunded it: learned from its transactions, and said so.
        assert [(s.operation.kind, s.operation.state) for s in settled] == [
            (REFUND, OpState.CONFIRMED)
        ]
        assert describe_reconciled(settled) == (
            f"Earlier unfinished refunds were checked — points refunded: {pickup.reward_title}."
        )
        assert counter.cell(pickup, PickupColumn.STATE) == "Points refunded"
        (refund,) = await counter.operations(REFUND)
        # The journal tells the server's own answer from what its lists showed.
        assert refund.is_inferred
        assert refund.detail == (
            "the server shows the reception reversed: the points were refunded"
        )
        assert await counter.balance() == before + points
        assert counter.reverses_sent(pickup) == 1
        return
    # Piggy had refused it (a handed-over reward): not refunded, and the manager can try
    # again, which then reverses the collection first.
    assert [(s.operation.kind, s.operation.state) for s in settled] == [(REFUND, OpState.FAILED)]
    assert describe_reconciled(settled) == (
        f"Earlier unfinished refunds were checked — points not refunded: {pickup.reward_title}."
    )
    assert counter.cell(pickup, PickupColumn.STATE) == "Handed over"
    assert await counter.balance() == before
    assert counter.view.select_operation(pickup.operation_id)
    assert counter.view.reverse_button.isEnabled()
    await counter.manager_refunds(ReverseReason.RETURNED)
    assert counter.view.message_kind == "success"
    assert counter.cell(pickup, PickupColumn.STATE) == "Points refunded"
    assert await counter.balance() == before + points
    assert counter.reverses_sent(pickup) == 3


@pytest.mark.asyncio
async def test_a_reception_refunded_elsewhere_is_not_put_back_for_pickup(counter: Counter) -> None:
    pickup = await counter.handed_over()
    assert pickup.loyalty_transaction_uuid is not None
    # Refunded in the Piggy dashboard meanwhile; the app's journal does not know.
    counter.sim.state.reverse_reception(pickup.loyalty_transaction_uuid, ACCEPT)
    balance = await counter.balance()

    await counter.manager_refunds()

    # Piggy refuses (1003, as for a handed-over reward), and its transactions show the
    # points given back: the collection is not reversed on a guess.
    assert counter.view.message_kind == "error"
    assert counter.view.message.text() == (
        f"{pickup.reward_title}: points not refunded. "
        "The loyalty service refused the refund (code 1003)."
    )
    assert await counter.operations(REVERSE) == []
    assert pickup.loyalty_transaction_uuid not in await counter.waiting_on_server()
    assert await counter.balance() == balance
    assert counter.cell(pickup, PickupColumn.STATE) == "Handed over"


@pytest.mark.asyncio
async def test_a_refund_stopped_half_way_says_so_and_can_be_finished(counter: Counter) -> None:
    counter.sim.config.reverse_collected_reception = REFUSE
    pickup = await counter.handed_over()
    before = await counter.balance()
    points = counter.points_of(pickup)
    # The test decides when Piggy answers each refund.
    counter.sim.set_fault("piggy.reception_reverse", "hold")
    QTest.mouseClick(counter.view.reverse_button, Qt.MouseButton.LeftButton)
    dialog = await dialog_of(ReverseDialog)
    dialog.choose_action(ReturnAction.REFUND)
    dialog.choose(ReverseReason.WRONG_ITEM)
    QTest.keyClicks(dialog.pin.field, MANAGER_PIN)
    QTest.keyClick(dialog.pin.field, Qt.Key.Key_Return)
    # The first is refused (the reward was handed over); the collection is reversed; the
    # second never gets to Piggy (the line drops).
    await wait_until(lambda: counter.sim.held("piggy.reception_reverse") == 1)
    assert counter.sim.release("piggy.reception_reverse") == 1
    await wait_until(lambda: counter.sim.held("piggy.reception_reverse") == 1)
    assert counter.view.message.text() == "Refunding the points…"
    assert counter.sim.release("piggy.reception_reverse", answer=False) == 1
    await wait_until(lambda: not counter.view.is_reversing())

    assert counter.view.message_kind == "error"
    assert counter.view.message.text() == (
        f"{pickup.reward_title} is back in the customer's rewards to pick up, but its points "
        "were not refunded. No connection to the loyalty service. Check the network and try "
        "again. Choose Reverse… again to refund them."
    )
    assert pickup.loyalty_transaction_uuid in await counter.waiting_on_server()
    assert await counter.balance() == before
    assert counter.cell(pickup, PickupColumn.STATE) == "Reversed"
    refunds = await counter.operations(REFUND)
    assert [r.state for r in refunds] == [OpState.FAILED, OpState.FAILED]
    # Learned from the list (the reward waits again), not guessed.
    assert refunds[0].is_inferred

    # Back to pick up, its points can still be refunded: only that is offered now.
    counter.sim.clear_faults()
    assert counter.view.reverse_button.isEnabled()
    QTest.mouseClick(counter.view.reverse_button, Qt.MouseButton.LeftButton)
    dialog = await dialog_of(ReverseDialog)
    assert not dialog.action_buttons[ReturnAction.PUT_BACK].isEnabled()
    assert dialog.selected_action() is ReturnAction.REFUND
    dialog.choose(ReverseReason.WRONG_ITEM)
    QTest.keyClicks(dialog.pin.field, MANAGER_PIN)
    QTest.keyClick(dialog.pin.field, Qt.Key.Key_Return)
    await wait_until(lambda: not counter.view.is_reversing())
    await wait_until(lambda: counter.view.tasks.pending == 0)
    assert counter.view.message_kind == "success"
    assert await counter.balance() == before + points
    assert pickup.loyalty_transaction_uuid not in await counter.waiting_on_server()
    assert counter.cell(pickup, PickupColumn.STATE) == "Points refunded"
    assert counter.cell(pickup, PickupColumn.REVERSAL_REASON) == "Wrong item"


@pytest.mark.asyncio
async def test_a_pickup_put_back_and_picked_up_again_is_refunded_from_its_later_pickup(
    counter: Counter,
) -> None:
    counter.sim.config.reverse_collected_reception = ACCEPT
    pickup = await counter.handed_over()
    reversed_ = await counter.desk.reverse(pickup, reason=ReverseReason.RETURNED)
    assert reversed_.collect.is_reversed
    # Picked up again at another counter: this counter's journal does not know.
    assert pickup.loyalty_transaction_uuid is not None
    await counter.piggy.collect_reward(pickup.loyalty_transaction_uuid)
    balance = await counter.balance()
    await counter.view.reload(pickup.operation_id)

    await counter.manager_refunds()

    assert counter.view.message_kind == "error"
    assert counter.view.message.text() == (
        f"{pickup.reward_title} was picked up again after it was put back: refund the points "
        "of that later pickup. Nothing was changed."
    )
    assert await counter.operations(REFUND) == []
    assert counter.reverses_sent(pickup) == 0
    assert await counter.balance() == balance
