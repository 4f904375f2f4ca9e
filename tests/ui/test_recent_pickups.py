"""Recent pickups and the reverse flow, driven through the widgets against the simulator."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import cast

import pytest
import pytest_asyncio
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_app.api import PiggyClient
from pos_app.clock import utc_now
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.identify import CustomerLookup
from pos_app.services.pickup import (
    CollectOutcome,
    HandOver,
    PickupDesk,
    Reconciled,
    ReverseOutcome,
)
from pos_app.services.pickup_models import PickupItem, PickupState
from pos_app.services.settings import SlipPaper
from pos_app.services.staff import (
    MAX_WRONG_PINS,
    PinCheck,
    Role,
    StaffDirectory,
    StaffProfile,
    StaffService,
    StaffStorageError,
    journal_lockouts,
)
from pos_app.storage import (
    COLLECT,
    PIN_LOCKOUT,
    REVERSE,
    AsyncJournal,
    Journal,
    Operation,
    OpState,
    ReverseReason,
    StaffRef,
)
from pos_app.ui.async_support import await_dialog
from pos_app.ui.managers.pickups_table import PickupColumn, PickupRole, RecentPickupsModel
from pos_app.ui.managers.recent_pickups import RecentPickupsView
from pos_app.ui.managers.reversal_words import describe_reconciled_reversals
from pos_app.ui.managers.reverse_dialog import ReverseDialog
from pos_app.ui.managers.staff import FirstManagerDialog
from pos_app.ui.slips import SlipDialog
from tests.helpers import FAST_SCRYPT, STAFF_PIN_KEY, wait_until
from tests.helpers.rows import journal_row
from tests.helpers.ui import dialog_of, visible

MANAGER_PIN = "246810"
CASHIER_PIN = "1234"


@dataclass
class Desk:
    view: RecentPickupsView
    desk: PickupDesk
    journal: AsyncJournal
    staff: StaffService
    piggy: PiggyClient
    sim: Simulator
    customer_uuid: str
    items: list[PickupItem]
    data_dir: Path

    def collected_on_server(self) -> dict[str, bool]:
        data = self.sim.state.data
        return {i.uuid: i.collected for i in data.items_of(self.customer_uuid)}

    async def collect(
        self, n: int, customer_name: str | None = None, hand_over: HandOver | None = None
    ) -> Operation:
        result = await self.desk.collect(
            self.customer_uuid, self.items[n], customer_name=customer_name, hand_over=hand_over
        )
        assert result.outcome is CollectOutcome.COLLECTED
        assert result.operation is not None
        return result.operation

    async def add(self, name: str, role: Role, pin: str) -> StaffProfile:
        return await self.staff.call(StaffDirectory.add, name, role, pin)

    async def reverses(self) -> list[Operation]:
        return await self.journal.call(Journal.recent_operations, kinds=(REVERSE,))

    async def assert_server_and_journal_agree(self) -> None:
        """Every pickup the journal has: handed over ↔ collected on the server."""
        on_server = self.collected_on_server()
        with self.sim.state.lock:
            redemptions = {r: red.status for r, red in self.sim.state.redemptions.items()}
        for op in await self.journal.call(Journal.recent_operations, kinds=(COLLECT,)):
            assert op.loyalty_transaction_uuid is not None
            assert op.redemption_uuid is not None
            if op.is_reversed:
                assert not on_server[op.loyalty_transaction_uuid]
                assert redemptions[op.redemption_uuid] == "REVERSED"
            else:
                assert op.state is OpState.CONFIRMED
                assert on_server[op.loyalty_transaction_uuid]
                assert redemptions[op.redemption_uuid] == "COLLECTED"
        assert (await self.journal.call(Journal.verify)).ok

    async def select(self, operation: Operation) -> None:
        await wait_until(lambda: self.view.model.row_of(operation.operation_id) is not None)
        assert self.view.select_operation(operation.operation_id)

    async def open_reverse_dialog(self) -> ReverseDialog:
        QTest.mouseClick(self.view.reverse_button, Qt.MouseButton.LeftButton)
        return await dialog_of(ReverseDialog)

    async def cashier_opens_the_reverse_dialog(
        self,
    ) -> tuple[StaffProfile, Operation, ReverseDialog]:
        """A manager and a cashier on file; the cashier signed in asks to reverse a pickup."""
        await self.add("Max Manager", Role.MANAGER, MANAGER_PIN)
        cashier = await self.add("Cas Cashier", Role.CASHIER, CASHIER_PIN)
        first = await self.collect(0)
        await show(self, 1)
        self.view.set_signed_in(cashier.ref)
        await self.select(first)
        return cashier, first, await self.open_reverse_dialog()

    async def reverse_finished(self) -> None:
        await wait_until(lambda: not self.view.is_reversing())
        await wait_until(lambda: self.view.tasks.pending == 0)


@pytest_asyncio.fixture
async def counter(qtbot: QtBot, simulator: Simulator, tmp_path: Path) -> AsyncIterator[Desk]:
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="c1")
    staff = await StaffService.open(
        tmp_path / "staff.sqlite3",
        pin_key=STAFF_PIN_KEY,
        on_lockout=journal_lockouts(journal),
        scrypt=FAST_SCRYPT,
    )
    piggy = PiggyClient(
        simulator.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, timeout=2.0, max_retries=0
    )
    lookup = CustomerLookup(piggy)
    customer = await lookup.by_card(demo.CARD_MAIN)
    items = await lookup.rewards(customer.uuid)
    # The list is believed at once here; the wait has its own tests (test_pickup_in_flight).
    desk = PickupDesk(piggy, journal, settle_grace=timedelta(0))
    # Not handed to qtbot: closed on the loop below, like the main window in its tests.
    view = RecentPickupsView(journal, desk=desk, staff=staff)
    view.resize(900, 500)
    made = Desk(view, desk, journal, staff, piggy, simulator, customer.uuid, items, tmp_path)
    try:
        yield made
    finally:
        for kind in (ReverseDialog, FirstManagerDialog, SlipDialog, QFileDialog):
            while (open_dialog := visible(kind)) is not None:
                open_dialog.reject()
        await view.aclose()
        view.close()
        view.deleteLater()
        await staff.aclose()
        await piggy.aclose()
        await journal.aclose()


async def show(counter: Desk, rows: int) -> None:
    counter.view.show()
    await wait_until(lambda: counter.view.model.rowCount() == rows)


@pytest.mark.asyncio
async def test_manager_reverses_a_pickup(counter: Desk) -> None:
    await counter.add("Max Manager", Role.MANAGER, MANAGER_PIN)
    first = await counter.collect(0)
    second = await counter.collect(1)
    await show(counter, 2)
    view = counter.view
    # Newest first.
    assert [op.operation_id for op in view.model.operations()] == [
        second.operation_id,
        first.operation_id,
    ]
    assert not view.reverse_button.isEnabled()  # nothing selected yet
    await counter.assert_server_and_journal_agree()

    await counter.select(first)
    assert view.reverse_button.isEnabled()
    dialog = await counter.open_reverse_dialog()
    assert first.reward_title is not None
    assert first.reward_title in dialog.question.text()
    assert first.reference is not None
    assert first.reference in dialog.details.text()
    # The dialog is open: nothing was written or sent yet.
    assert await counter.reverses() == []
    await counter.assert_server_and_journal_agree()

    # Keyboard only: Space picks the focused reason, arrows move, digits go to the PIN.
    returned = dialog.reason_buttons[ReverseReason.RETURNED]
    assert dialog.focusWidget() is returned
    QTest.keyClick(returned, Qt.Key.Key_Down)
    damaged = dialog.reason_buttons[ReverseReason.DAMAGED]
    QTest.keyClick(damaged, Qt.Key.Key_Space)
    assert dialog.selected_reason() is ReverseReason.DAMAGED
    QTest.keyClicks(damaged, MANAGER_PIN + "9")
    QTest.keyClick(damaged, Qt.Key.Key_Backspace)
    assert dialog.pin.pin() == MANAGER_PIN
    assert dialog.pin.field.echoMode() == dialog.pin.field.EchoMode.Password
    QTest.keyClick(dialog.pin.field, Qt.Key.Key_Return)
    await counter.reverse_finished()

    assert view.message_kind == "success"
    assert view.message.text() == (
        f"Reversed: {first.reward_title}. It is back in the customer's rewards to pick up."
    )
    reverses = await counter.reverses()
    assert len(reverses) == 1
    reverse = reverses[0]
    assert reverse.state is OpState.CONFIRMED
    assert reverse.reason == "damaged"
    assert reverse.staff_name == "Max Manager"
    assert reverse.reverses_operation_id == first.operation_id
    await counter.assert_server_and_journal_agree()
    # The reward is back in the customer's uncollected list, as the API reports it.
    listed = await counter.piggy.list_collectable_rewards(counter.customer_uuid)
    back = [i for i in listed if i.uuid == first.loyalty_transaction_uuid]
    assert len(back) == 1
    assert not back[0].has_been_collected
    # The row says so and cannot be reversed again.
    row = view.model.row_of(first.operation_id)
    assert row is not None
    assert view.model.index(row, PickupColumn.STATE).data() == "Reversed"
    assert view.selected_operation() is not None
    assert not view.reverse_button.isEnabled()
    with Journal.open_read_only(counter.data_dir / "journal.sqlite3") as journal:
        assert journal.verify().ok


@pytest.mark.asyncio
async def test_cashier_cannot_reverse_without_a_manager_pin(counter: Desk) -> None:
    _cashier, first, dialog = await counter.cashier_opens_the_reverse_dialog()
    rejected: list[str] = []
    dialog.pinRejected.connect(rejected.append)

    # No reason, no PIN: told what is missing, nothing checked.
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.message.text() == "Choose why the pickup is reversed."
    dialog.choose(ReverseReason.OTHER)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert "note" in dialog.message.text()
    dialog.choose(ReverseReason.RETURNED)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.message.text() == "A manager types their PIN to approve the reversal."

    # The signed-in cashier's own PIN is not a manager's PIN.
    QTest.keyClicks(dialog.pin.field, CASHIER_PIN)
    dialog.confirm_button.click()
    await wait_until(lambda: rejected)
    assert rejected == ["Wrong PIN. After 4 more wrong PINs, manager PINs are locked for 5 min."]
    assert dialog.isVisible()
    assert dialog.pin.pin() == ""  # cleared after every check
    assert await counter.reverses() == []
    await counter.assert_server_and_journal_agree()

    # Escape gives up: nothing sent, the pickup is still reversible.
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    await counter.reverse_finished()
    assert visible(ReverseDialog) is None
    assert await counter.reverses() == []
    assert counter.collected_on_server()[first.loyalty_transaction_uuid or ""]
    assert counter.view.reverse_button.isEnabled()


@pytest.mark.asyncio
async def test_five_wrong_manager_pins_lock_approval_and_are_journaled(counter: Desk) -> None:
    cashier, _first, dialog = await counter.cashier_opens_the_reverse_dialog()
    rejected: list[str] = []
    dialog.pinRejected.connect(rejected.append)
    dialog.choose(ReverseReason.RETURNED)
    for attempt in range(1, MAX_WRONG_PINS + 1):
        # Keypad taps this time, as on a touch screen.
        for digit in "9753":
            QTest.mouseClick(dialog.pin.pad.keys[digit], Qt.MouseButton.LeftButton)
        QTest.keyClick(dialog, Qt.Key.Key_Enter)
        await wait_until(lambda n=attempt: len(rejected) == n)  # type: ignore[misc]
    assert rejected[-2] == "Wrong PIN. After 1 more wrong PIN, manager PINs are locked for 5 min."
    assert rejected[-1] == (
        "Too many wrong PINs: manager approval is locked for another 5 min 00 s."
    )
    events = await counter.journal.call(Journal.events, kind=PIN_LOCKOUT)
    assert len(events) == 1
    assert (events[0].staff_id, events[0].staff_name) == (cashier.profile_id, "Cas Cashier")
    assert "the last at manager approval" in (events[0].note or "")
    # Locked: not even the right PIN can be typed or sent now.
    assert not dialog.confirm_button.isEnabled()
    assert not dialog.pin.pad.isEnabled()
    QTest.keyClicks(dialog.pin.field, MANAGER_PIN)
    assert dialog.pin.pin() == ""
    assert await counter.reverses() == []
    await counter.assert_server_and_journal_agree()
    dialog.reject()
    await counter.reverse_finished()
    with Journal.open_read_only(counter.data_dir / "journal.sqlite3") as journal:
        assert journal.verify().ok


@pytest.mark.asyncio
async def test_first_manager_is_created_when_there_is_none(counter: Desk) -> None:
    first = await counter.collect(0)
    await show(counter, 1)
    await counter.select(first)
    QTest.mouseClick(counter.view.reverse_button, Qt.MouseButton.LeftButton)
    creator = await dialog_of(FirstManagerDialog)
    QTest.keyClicks(creator.name_input, "Robin Baas")
    QTest.keyClicks(creator.pins.pin, "135791")
    QTest.keyClicks(creator.pins.repeat, "135790")
    QTest.keyClick(creator, Qt.Key.Key_Return)
    assert creator.message.text() == "The two PINs are not the same. Type them again."
    creator.pins.repeat.clear()
    QTest.keyClicks(creator.pins.repeat, "135791")
    QTest.keyClick(creator, Qt.Key.Key_Return)
    dialog = await dialog_of(ReverseDialog)
    assert await counter.staff.call(StaffDirectory.has_any_manager)
    dialog.choose(ReverseReason.WRONG_ITEM)
    QTest.keyClicks(dialog.pin.field, "135791")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    await counter.reverse_finished()
    reverses = await counter.reverses()
    assert [(r.state, r.staff_name, r.reason) for r in reverses] == [
        (OpState.CONFIRMED, "Robin Baas", "wrong_item")
    ]
    await counter.assert_server_and_journal_agree()


@pytest.mark.asyncio
async def test_declining_to_create_a_manager_sends_nothing(counter: Desk) -> None:
    first = await counter.collect(0)
    await show(counter, 1)
    await counter.select(first)
    counter.view.on_reverse_button_clicked()
    creator = await dialog_of(FirstManagerDialog)
    QTest.keyClick(creator, Qt.Key.Key_Escape)
    await counter.reverse_finished()
    assert counter.view.message.text() == "Reversing needs a manager. Nothing was changed."
    assert await counter.reverses() == []
    assert not await counter.staff.call(StaffDirectory.has_any_manager)


@pytest.mark.asyncio
async def test_unreachable_server_leaves_the_reversal_to_reconciliation(counter: Desk) -> None:
    await counter.add("Max Manager", Role.MANAGER, MANAGER_PIN)
    first = await counter.collect(0)
    await show(counter, 1)
    await counter.select(first)
    finished: list[object] = []
    counter.view.reverseFinished.connect(finished.append)
    dialog = await counter.open_reverse_dialog()
    counter.sim.set_fault("piggy.reverse", "drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    dialog.choose(ReverseReason.RETURNED)
    QTest.keyClicks(dialog.pin.field, MANAGER_PIN)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    await counter.reverse_finished()
    assert counter.view.message_kind == "error"
    assert "not known whether the reversal was recorded" in counter.view.message.text()
    assert [getattr(r, "outcome", None) for r in finished] == [ReverseOutcome.UNKNOWN]
    row = counter.view.model.row_of(first.operation_id)
    assert row is not None
    assert counter.view.model.index(row, PickupColumn.STATE).data() == "Reversal being checked"
    assert not counter.view.reverse_button.isEnabled()
    # Only reconciliation settles it ("drop" was not processed: not reversed).
    settled = await counter.desk.reconcile()
    assert [s.operation.state for s in settled] == [OpState.FAILED]
    await counter.view.reload()
    assert counter.view.reverse_button.isEnabled()
    await counter.assert_server_and_journal_agree()


@pytest.mark.asyncio
async def test_a_pickup_without_redemption_is_explained_without_asking_a_pin(
    counter: Desk,
) -> None:
    await counter.add("Max Manager", Role.MANAGER, MANAGER_PIN)
    counter.sim.set_fault("piggy.collect", "after_apply:drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    unknown = await counter.desk.collect(counter.customer_uuid, counter.items[0])
    assert unknown.outcome is CollectOutcome.UNKNOWN
    (settled,) = await counter.desk.reconcile()
    await show(counter, 1)
    await counter.select(settled.operation)
    assert counter.view.reverse_button.isEnabled()
    counter.view.on_reverse_button_clicked()
    await counter.reverse_finished()
    assert visible(ReverseDialog) is None
    assert "reverse it in the Piggy dashboard" in counter.view.message.text()
    assert await counter.reverses() == []


@pytest.mark.asyncio
async def test_reversed_meanwhile_elsewhere(counter: Desk) -> None:
    await counter.add("Max Manager", Role.MANAGER, MANAGER_PIN)
    first = await counter.collect(0)
    await show(counter, 1)
    await counter.select(first)
    # Another window of this counter reverses it after this list was loaded.
    result = await counter.desk.reverse(first, reason="returned", staff=None)
    assert result.outcome is ReverseOutcome.REVERSED
    assert counter.view.reverse_button.isEnabled()  # the row is stale
    counter.view.on_reverse_button_clicked()
    await counter.reverse_finished()
    assert visible(ReverseDialog) is None
    assert counter.view.message.text().startswith(f"{first.reward_title} was already reversed on ")
    assert len(await counter.reverses()) == 1


@pytest.mark.asyncio
async def test_filters_by_day_and_text_and_opens_a_slip_reference(counter: Desk) -> None:
    first = await counter.collect(0)
    second = await counter.collect(1)
    await show(counter, 2)
    view = counter.view
    assert view.model.index(0, PickupColumn.TIME).data().count(":") == 1  # time only

    view.search_input.setText(second.reward_title or "")
    await wait_until(lambda: view.model.rowCount() == 1)
    assert view.model.operation(0).operation_id == second.operation_id

    view.search_input.clear()
    await wait_until(lambda: view.model.rowCount() == 2)
    # The day is chosen in words; a date only when asked for one.
    assert view.day_filter.currentText() == "Today"
    assert [view.day_filter.itemText(i) for i in range(view.day_filter.count())] == [
        "Today",
        "Yesterday",
        "All days",
        "Choose a day…",
    ]
    assert not view.day_input.isVisible()
    view.day_filter.setCurrentIndex(view.day_filter.findText("Yesterday"))
    await wait_until(lambda: view.model.rowCount() == 0)
    assert view.empty_label.text() == "No pickups on this day."
    view.day_filter.setCurrentIndex(view.day_filter.findText("All days"))
    await wait_until(lambda: view.model.rowCount() == 2)
    view.day_filter.setCurrentIndex(view.day_filter.findText("Choose a day…"))
    assert view.day_input.isVisible()
    yesterday = date.today() - timedelta(days=1)
    view.day_input.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    await wait_until(lambda: view.model.rowCount() == 0)
    assert view.selected_day() == yesterday

    assert first.reference is not None
    found = await view.open_reference(first.reference.lower())
    assert found is not None
    assert found.operation_id == first.operation_id
    assert view.day_filter.currentText() == "All days"
    assert view.selected_day() is None
    assert view.model.rowCount() == 1
    selected = view.selected_operation()
    assert selected is not None
    assert selected.operation_id == first.operation_id
    assert view.model.index(0, PickupColumn.TIME).data().count(":") == 1
    assert len(view.model.index(0, PickupColumn.TIME).data()) > 5  # with the date now
    assert await view.open_reference("PU-ZZZZZZZZ") is None
    assert view.message.text() == "No pickup PU-ZZZZZZZZ was made at this counter."
    # The page's one message line is at its top, above the filters and the list.
    assert view.message.isVisible()
    assert view.message.geometry().bottom() < view.search_input.geometry().top()
    assert view.message.geometry().bottom() < view.table.geometry().top()
    # A page with a message line of its own gets the view's messages there instead.
    said: list[tuple[str, str]] = []
    view.set_message_sink(lambda text, kind: said.append((text, kind)))
    assert not view.message.isVisible()
    assert await view.open_reference("PU-ZZZZZZZY") is None
    assert said == [("No pickup PU-ZZZZZZZY was made at this counter.", "error")]
    assert not view.message.isVisible()


@pytest.mark.asyncio
async def test_a_slips_one_code_lists_every_reward_of_its_hand_over(counter: Desk) -> None:
    before = await counter.collect(0)
    together = HandOver()
    first = await counter.collect(1, hand_over=together)
    second = await counter.collect(2, hand_over=together)
    await counter.collect(3)
    await show(counter, 4)
    view = counter.view
    code = first.handover_reference
    assert code is not None
    assert second.handover_reference == code
    assert before.handover_reference != code

    found = await view.open_reference(code)
    assert found is not None
    assert found.operation_id == first.operation_id
    listed = {op.operation_id for op in view.model.operations()}
    assert listed == {first.operation_id, second.operation_id}
    selected = {op.operation_id for op in view.selected_operations()}
    assert selected == listed
    row = view.model.row_of(second.operation_id)
    assert row is not None
    tooltip = view.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert f"On the slip {code} with other rewards" in tooltip
    assert view.message.text() == f"Slip {code}: 2 rewards handed over together."


@pytest.mark.asyncio
async def test_one_customers_earlier_pickups_and_the_way_back_to_all(counter: Desk) -> None:
    mine = await counter.collect(0, customer_name="Robin V.")
    # Another customer's pickup, as the journal would have it.
    other = await counter.desk.collect("another-customer", counter.items[1], customer_name="Sam K.")
    assert other.operation is not None
    await show(counter, 2)
    view = counter.view
    assert not view.customer_bar.isVisible()

    await view.show_customer(counter.customer_uuid, "Robin V.")
    assert [op.operation_id for op in view.model.operations()] == [mine.operation_id]
    assert view.customer_bar.isVisible()
    assert view.customer_label.text() == "Earlier pickups of Robin V."
    # A customer's history is not one day's.
    assert view.day_filter.currentText() == "All days"
    # The search narrows within the customer.
    view.search_input.setText("Sam")
    await wait_until(lambda: view.model.rowCount() == 0)
    assert view.empty_label.text() == "No pickups match."
    view.search_input.clear()
    await wait_until(lambda: view.model.rowCount() == 1)

    QTest.mouseClick(view.all_customers_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: view.model.rowCount() == 2)
    assert not view.customer_bar.isVisible()

    # A scanned slip of another customer leaves the history.
    await view.show_customer(counter.customer_uuid, "Robin V.")
    assert other.operation.reference is not None
    assert await view.open_reference(other.operation.reference) is not None
    assert not view.customer_bar.isVisible()
    assert view.shown_customer() is None
    assert [op.operation_id for op in view.model.operations()] == [other.operation.operation_id]


@pytest.mark.asyncio
async def test_a_slip_is_reprinted_from_a_selected_pickup(counter: Desk) -> None:
    together = HandOver()
    first = await counter.collect(0, customer_name="Robin V.", hand_over=together)
    second = await counter.collect(1, customer_name="Robin V.", hand_over=together)
    await show(counter, 2)
    view = counter.view
    view.set_slip_options(
        shop_name=lambda: "De Kaasboer", printer=lambda: ("Till 2 receipts", SlipPaper.A4)
    )
    assert not view.reprint_button.isEnabled()  # nothing selected
    await counter.select(second)
    assert view.reprint_button.isEnabled()
    QTest.mouseClick(view.reprint_button, Qt.MouseButton.LeftButton)
    dialog = await dialog_of(SlipDialog)
    try:
        slip = dialog.slip
        assert slip.reprint
        assert slip.shop_name == "De Kaasboer"
        assert slip.customer == "Robin V."
        assert slip.code == first.reference
        assert [item.title for item in slip.items] == [first.reward_title, second.reward_title]
        question = dialog.findChild(QLabel, "slipQuestion")
        assert question is not None
        assert question.text() == "Print this slip again?"
        assert dialog.close_button.text() == "Close"
        assert dialog.slip_format() is SlipPaper.A4  # the counter's slip paper
    finally:
        dialog.reject()
    await wait_until(lambda: view.tasks.pending == 0)


@pytest.mark.asyncio
async def test_the_rows_shown_are_exported_as_csv(counter: Desk, tmp_path: Path) -> None:
    await counter.collect(0, customer_name="=1+2")  # a formula must not run when opened
    await counter.collect(1, customer_name="Robin V.")
    await show(counter, 2)
    view = counter.view
    view.search_input.setText("=1+2")
    await wait_until(lambda: view.model.rowCount() == 1)

    QTest.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: visible(QFileDialog) is not None)
    files = visible(QFileDialog)
    assert files is not None
    assert files.selectedFiles()[0].endswith(".csv")
    target = tmp_path / "shown.csv"
    name_field = files.findChild(QLineEdit, "fileNameEdit")
    assert name_field is not None
    name_field.setText(str(target))
    files.accept()
    await wait_until(lambda: view.tasks.pending == 0)
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    assert rows[0][:3] == ["Time", "Reward", "Customer"]
    assert rows[0][-1] == "Slip code"
    assert len(rows) == 3
    assert rows[1][2] == "'=1+2"
    assert rows[-1][0] == "# end of export: 1 rows"
    assert view.message.text() == f"1 pickup exported to {target}."


@pytest.mark.asyncio
async def test_a_kiosk_exports_without_a_file_dialog(counter: Desk, tmp_path: Path) -> None:
    await counter.collect(0, customer_name="Robin V.")
    await show(counter, 1)
    view = counter.view
    view.set_kiosk(export_folder=None)
    assert not view.export_button.isVisible()  # no folder to put it in, no dialog
    folder = tmp_path / "exports"
    view.set_kiosk(export_folder=folder)
    assert view.export_button.isVisible()
    QTest.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: view.tasks.pending == 0)
    assert visible(QFileDialog) is None
    (written,) = folder.glob("*.csv")
    assert "Robin V." in written.read_text(encoding="utf-8")
    assert view.message.text() == f"1 pickup exported to {written}."


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = RecentPickupsModel()
    operations = [
        journal_row(1, OpState.CONFIRMED),
        journal_row(2, OpState.CONFIRMED, reversal=OpState.CONFIRMED, customer_name="Robin V."),
        journal_row(3, OpState.CONFIRMED, reversal=OpState.UNKNOWN),
        journal_row(4, OpState.FAILED),
        journal_row(5, OpState.UNKNOWN, redemption=None),
        journal_row(6, OpState.CONFIRMED, redemption=None),
    ]
    model.set_operations(operations, with_date=False)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    states = [model.index(row, PickupColumn.STATE).data() for row in range(model.rowCount())]
    assert states == [
        "Handed over",
        "Reversed",
        "Reversal being checked",
        "Not handed over",
        "Being checked",
        "Handed over",
    ]
    reversible = [model.index(r, 0).data(PickupRole.CAN_REVERSE) for r in range(6)]
    assert reversible == [True, False, False, False, False, True]
    assert model.index(1, 0).data(PickupRole.STATE) is PickupState.REVERSED
    # Named as the slip named them; rows from before names were journaled show a dash.
    assert model.index(1, PickupColumn.CUSTOMER).data() == "Robin V."
    assert model.index(0, PickupColumn.CUSTOMER).data() == "—"
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == [
        "Time",
        "Reward",
        "Customer",
        "Handed over by",
        "State",
        "Reversal reason",
        "Approved by",
    ]
    assert model.index(0, PickupColumn.STAFF).data() == "Ann"
    assert model.index(1, PickupColumn.STAFF).data() == "—"
    assert model.index(1, PickupColumn.REVERSAL_REASON).data() == "Damaged"
    assert model.index(1, PickupColumn.APPROVED_BY).data() == "Max"
    assert model.index(0, PickupColumn.REVERSAL_REASON).data() == ""
    assert model.index(2, PickupColumn.APPROVED_BY).data() == "Max"
    assert "Piggy dashboard" in model.index(5, 0).data(Qt.ItemDataRole.ToolTipRole)
    model.set_operations([], with_date=True)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


@pytest.mark.asyncio
async def test_customers_are_named_and_found_by_name(counter: Desk) -> None:
    await counter.collect(0)  # a pickup without a name, as journaled before names were
    named = await counter.collect(1, customer_name="Robin V.")
    await show(counter, 2)
    view = counter.view
    model = view.model
    row = model.row_of(named.operation_id)
    assert row is not None
    assert model.index(row, PickupColumn.CUSTOMER).data() == "Robin V."
    assert model.index(1 - row, PickupColumn.CUSTOMER).data() == "—"
    view.search_input.setText("robin")
    await wait_until(lambda: model.rowCount() == 1)
    assert model.operation(0).operation_id == named.operation_id


def test_reconciled_reversals_are_described_as_reversals(qapp: QApplication) -> None:
    collect = journal_row(1, OpState.CONFIRMED)
    back = replace(journal_row(2, OpState.CONFIRMED), kind=REVERSE, reward_title="Mug")
    stuck = replace(journal_row(3, OpState.FAILED), kind=REVERSE, reward_title="Socks")
    assert describe_reconciled_reversals([Reconciled(collect)]) is None
    text = describe_reconciled_reversals([Reconciled(collect), Reconciled(back), Reconciled(stuck)])
    assert text == (
        "Earlier unfinished reversals were checked — reversed: Mug; "
        "not reversed (still handed over): Socks."
    )


class _UnreadableStaff:
    """A staff service whose staff file cannot be read (a full or damaged disk)."""

    async def verify_manager_pin(self, pin: str, *, asked_by: StaffRef | None = None) -> PinCheck:
        raise StaffStorageError("staff.json: input/output error")


@pytest.mark.asyncio
async def test_reverse_dialog_says_when_the_staff_list_cannot_be_read() -> None:
    staff = cast(StaffService, _UnreadableStaff())
    dialog = ReverseDialog(journal_row(1, OpState.CONFIRMED), staff)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    dialog.choose(ReverseReason.RETURNED)
    QTest.keyClicks(dialog.pin.field, "246810")
    dialog.confirm_button.click()
    await wait_until(lambda: dialog.pin.message_text() != "Checking…")
    # The world's doing (the disk), told in shop words: no internal error report.
    assert dialog.pin.message_text() == (
        "The PIN could not be checked: the staff list cannot be read. Ask your IT contact."
    )
    assert visible(QMessageBox) is None
    assert dialog.confirm_button.isEnabled()
    assert dialog.pin.field.isEnabled()
    assert not waiting.done()
    dialog.reject()
    assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Rejected
    dialog.deleteLater()


@pytest.mark.asyncio
async def test_reading_the_list_again_keeps_where_the_manager_scrolled_to(counter: Desk) -> None:
    # The shop's list is read again every few seconds while it is open.
    now = utc_now()
    for n, item in enumerate(counter.items[:16]):
        if item.can_hand_over(now):
            await counter.collect(n)
    rows = len(await counter.journal.call(Journal.recent_operations, kinds=(COLLECT,)))
    counter.view.resize(900, 300)
    await show(counter, rows)
    bar = counter.view.table.verticalScrollBar()
    await wait_until(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    loaded: list[bool] = []
    counter.view.loaded.connect(lambda: loaded.append(True))
    counter.view.refresh()
    await wait_until(lambda: loaded)
    assert bar.value() == bar.maximum()
    assert counter.view.selected_operation() is None
