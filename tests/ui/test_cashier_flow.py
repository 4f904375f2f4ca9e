"""The cashier flow, driven through the real window against the simulator over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.pickup_models import ExpiryKind
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role, StaffDirectory
from pos_app.storage import Journal, OpState, ReverseReason
from pos_app.ui.counter import HAND_OVER, LOOKUP
from pos_app.ui.counter.customer_widgets import MessageKind
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.pickups_table import PickupColumn
from pos_app.ui.managers.reverse_dialog import ReverseDialog
from pos_app.ui.rewards.hand_over_dialog import HandOverDialog
from pos_app.ui.slips import SlipDialog
from tests.helpers import wait_until
from tests.helpers.ui import Counter, open_dialog, running_counter, visible


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        yield made


@pytest.mark.asyncio
async def test_scan_shows_customer_and_rewards_with_keyboard_focus(counter: Counter) -> None:
    window = counter.window
    assert window.search_input.hasFocus()
    await counter.load_main_customer()
    assert window.customer_header.name_label.text() == "Robin de Vries"
    assert window.customer_header.email_label.text() == "d***@example.com"
    assert window.customer_header.tier_label.text() == "Gold"
    # Piggy's balance, named: the Nudj section beside it has points of its own.
    assert window.customer_header.points_label.text() == "1612 Piggy points"
    # Identical rewards share a row: every reward is listed, in fewer rows.
    assert len(window.model.items()) == len(counter.waiting_on_server())
    # Keyboard path: the list has focus and the first reward that can go is selected.
    assert window.rewards_list.hasFocus()
    selected = window.rewards_list.selected_items()
    assert len(selected) == 1
    assert selected[0] == window.model.item(0)
    assert window.hand_over_button.isEnabled()


@pytest.mark.asyncio
async def test_hand_over_by_mouse(counter: Counter, qtbot: QtBot) -> None:
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    QTest.mouseClick(window.hand_over_button, Qt.MouseButton.LeftButton)
    await wait_until(open_dialog)
    dialog = open_dialog()
    assert dialog is not None
    assert "Robin de Vries" in dialog.question.text()
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text() == item.title
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    await counter.hand_over_finished()

    assert item.loyalty_transaction_uuid not in counter.waiting_on_server()
    assert window.model.row_of(item.loyalty_transaction_uuid) is None
    assert window.message_bar.kind is MessageKind.SUCCESS
    assert window.message_bar.text() == f"{item.title} handed over to Robin de Vries."
    assert await counter.journal_states() == [OpState.CONFIRMED]
    # The next reward that can go is selected and has the focus: Enter, Enter again.
    await wait_until(lambda: window.focusWidget() is window.rewards_list)
    assert window.rewards_list.selected_items() == [window.model.item(0)]


@pytest.mark.asyncio
async def test_hand_over_by_keyboard_enter_enter(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await wait_until(open_dialog)
    dialog = open_dialog()
    assert dialog is not None
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    await counter.hand_over_finished()
    assert item.loyalty_transaction_uuid not in counter.waiting_on_server()
    assert await counter.journal_states() == [OpState.CONFIRMED]


@pytest.mark.asyncio
async def test_enter_on_a_digital_reward_says_there_is_nothing_to_hand_over(
    counter: Counter,
) -> None:
    await counter.load_main_customer()
    window = counter.window
    rewards = window.rewards_list
    row = next(r for r in range(window.model.rowCount()) if window.model.item(r).is_digital)
    # The arrow keys reach it (it is not skipped), but it is never selected.
    for _ in range(row):
        QTest.keyClick(rewards, Qt.Key.Key_Down)
    assert rewards.currentIndex().row() == row
    assert rewards.selected_items() == []
    assert not window.hand_over_button.isEnabled()
    reason = (
        "Cinema ticket is digital: the customer received it online. There is nothing to "
        "hand over at the counter."
    )
    label = window.counter_screen.customer_page.selection_label
    await wait_until(lambda: label.text() == reason)
    QTest.keyClick(rewards, Qt.Key.Key_Return)
    # Said at once, instead of asking to confirm: no dialog, nothing running or sent.
    assert window.message_bar.text() == reason
    assert open_dialog() is None
    assert not window.tasks.is_running(HAND_OVER)
    assert await counter.journal_states() == []


@pytest.mark.asyncio
async def test_escape_cancels_and_nothing_is_sent(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    before = counter.waiting_on_server()
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await wait_until(open_dialog)
    dialog = open_dialog()
    assert dialog is not None
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    await counter.hand_over_finished()
    assert counter.waiting_on_server() == before
    assert await counter.journal_states() == []
    # The reward is still selected and can be handed over after all.
    assert window.hand_over_button.isEnabled()


@pytest.mark.asyncio
async def test_several_rewards_at_once(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    window.rewards_list.selectAll()
    chosen = window.rewards_list.selected_items()
    now = datetime.now(UTC)
    assert len(chosen) == sum(item.can_hand_over(now) for item in window.model.items())
    window.hand_over_button.click()
    await wait_until(open_dialog)
    dialog = open_dialog()
    assert dialog is not None
    assert dialog.chosen_items() == chosen
    dialog.confirm_button.click()
    await wait_until(lambda: not window.tasks.is_running(HAND_OVER), within=15)
    await counter.settle()
    assert all(i.loyalty_transaction_uuid not in counter.waiting_on_server() for i in chosen)
    # Only the expired rewards and the digital one stay on screen.
    remaining = window.model.items()
    assert remaining
    assert all(i.expiry(now).kind is ExpiryKind.EXPIRED or i.is_digital for i in remaining)


@pytest.mark.asyncio
async def test_double_activation_sends_once(counter: Counter, qtbot: QtBot) -> None:
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    first_row = window.rewards_list.visualRect(window.model.index(0)).center()
    QTest.mouseDClick(
        window.rewards_list.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        first_row,
    )
    window.hand_over_button.click()
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await wait_until(open_dialog)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, HandOverDialog)]
    assert len([d for d in dialogs if d.isVisible()]) == 1
    dialog = open_dialog()
    assert dialog is not None
    # Enter twice on the dialog, and a click on the busy button: still one collect.
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    window.hand_over_button.click()
    await counter.hand_over_finished()
    assert item.loyalty_transaction_uuid not in counter.waiting_on_server()
    assert await counter.journal_states() == [OpState.CONFIRMED]
    assert open_dialog() is None


@pytest.mark.asyncio
async def test_already_picked_up_elsewhere(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    # Another counter hands it over first.
    counter.sim.state.data.items[item.loyalty_transaction_uuid].collected = True
    await counter.confirm_hand_over()
    await counter.hand_over_finished()
    assert window.message_bar.kind is MessageKind.ERROR
    assert window.message_bar.text() == (
        f"{item.title}: already picked up (perhaps at another counter)."
    )
    assert window.model.row_of(item.loyalty_transaction_uuid) is None
    assert await counter.journal_states() == [OpState.FAILED]


@pytest.mark.asyncio
async def test_expired_on_the_server(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    """The counter's clock is behind: the app thinks a reward is still valid, Piggy does not."""
    late = datetime.now(UTC) - timedelta(days=365)
    async with running_counter(
        qtbot, app_settings, demo_secrets, simulator, clock=lambda: late
    ) as made:
        await made.load_main_customer()
        window = made.window
        now = datetime.now(UTC)
        expired = [i for i in window.model.items() if i.expires_at and i.expires_at < now]
        item = expired[0]
        window.rewards_list.clearSelection()
        row = window.model.row_of(item.loyalty_transaction_uuid)
        assert row is not None
        window.rewards_list.setCurrentIndex(window.model.index(row))
        await made.confirm_hand_over()
        await made.hand_over_finished()
        assert item.expires_at is not None
        text = window.message_bar.text()
        assert text.startswith(f"{item.title}: expired on ")
        assert item.expires_at.astimezone().strftime("%Y") in text
        assert window.model.row_of(item.loyalty_transaction_uuid) is not None
        assert await made.journal_states() == [OpState.FAILED]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("card", "message"),
    [
        ("NO-SUCH-CARD", "Unknown card."),
        (demo.CARD_UNLINKED, "This card is not linked to a customer yet."),
        (demo.CARD_BLOCKED, "This card is blocked"),
    ],
)
async def test_card_problems_are_explained(counter: Counter, card: str, message: str) -> None:
    await counter.scan(f"\x02{card}\r")
    window = counter.window
    assert window.message_bar.kind is MessageKind.ERROR
    assert window.message_bar.text().startswith(message)
    assert window.pages.currentIndex() == 0
    assert window.search_input.hasFocus()


@pytest.mark.asyncio
async def test_email_with_wrong_then_right_code(counter: Counter) -> None:
    window = counter.window
    await counter.scan(demo.EMAIL_MAIN)
    assert window.code_entry.isVisible()
    assert "d***@example.com" in window.code_entry.prompt.text()
    code = counter.sim.last_verification_code(demo.EMAIL_MAIN)
    assert code is not None
    assert code not in window.grab().toImage().text()  # the code is not on screen
    wrong = "000000" if code != "000000" else "111111"
    QTest.keyClicks(window.code_entry.code_input, wrong)
    QTest.keyClick(window.code_entry.code_input, Qt.Key.Key_Return)
    await wait_until(lambda: not window.tasks.is_running(LOOKUP))
    assert window.message_bar.text().startswith("That code is not right.")
    assert window.code_entry.isVisible()
    window.code_entry.code_input.clear()
    QTest.keyClicks(window.code_entry.code_input, code)
    QTest.keyClick(window.code_entry.code_input, Qt.Key.Key_Return)
    await wait_until(lambda: not window.tasks.is_running(LOOKUP))
    await wait_until(lambda: window.model.rowCount() > 0)
    await counter.settle()
    assert not window.code_entry.isVisible()
    assert window.customer_header.name_label.text() == "Robin de Vries"


@pytest.mark.asyncio
async def test_unknown_email(counter: Counter) -> None:
    await counter.scan("nobody@example.com")
    assert counter.window.message_bar.text().startswith("No customer with this email address.")
    assert not counter.window.code_entry.isVisible()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("drop", "No connection to the loyalty service."),
        ("maintenance", "The loyalty service is in maintenance."),
        ("rate_limit:45", "Too many requests right now. Try again in 45 seconds."),
        ("malformed", "The loyalty service sent an answer the app does not understand."),
    ],
)
async def test_service_trouble_is_explained(counter: Counter, fault: str, message: str) -> None:
    counter.sim.set_fault("piggy.identifier", fault)
    await counter.scan(demo.CARD_MAIN)
    assert counter.window.message_bar.text().startswith(message)
    assert counter.window.customer is None


@pytest.mark.asyncio
async def test_rejected_credentials(
    qtbot: QtBot, app_settings: Settings, simulator: Simulator
) -> None:
    wrong = SecretStore(env={"POS_APP_PIGGY_TOKEN": "not-the-token"}, use_keyring=False)
    async with running_counter(qtbot, app_settings, wrong, simulator) as made:
        await made.scan(demo.CARD_MAIN)
        assert made.window.message_bar.text().startswith(
            "The loyalty service refused this counter's key. Ask a manager to open Settings"
        )


@pytest.mark.asyncio
async def test_new_scan_cancels_the_running_lookup(counter: Counter) -> None:
    counter.sim.set_fault("piggy.identifier", "hold@1")
    window = counter.window
    window.search_input.setText(demo.CARD_MAIN)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    await wait_until(lambda: counter.sim.held("piggy.identifier") == 1)
    await counter.scan(demo.CARD_EMPTY)
    assert counter.sim.release("piggy.identifier") == 1  # the first answer comes now, last
    await counter.settle()
    assert window.customer_header.name_label.text() == "Alex Peters"
    assert window.model.rowCount() == 0
    await counter.settle()
    assert window.rewards_list.empty_text() == "Nothing to pick up for this customer."


@pytest.mark.asyncio
async def test_scanning_while_the_list_has_focus_starts_a_new_search(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    assert window.rewards_list.hasFocus()
    QTest.keyClicks(window.rewards_list, demo.CARD_EMPTY)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    await wait_until(lambda: not window.tasks.is_running(LOOKUP))
    assert window.customer_header.name_label.text() == "Alex Peters"


@pytest.mark.asyncio
async def test_lost_answer_is_unknown_then_reconciled(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    # The collect reaches the server and is applied, the answer is lost, and the line stays
    # down for the immediate check too.
    counter.sim.set_fault("piggy.collect", "after_apply:drop@1")
    counter.sim.set_fault("piggy.rewards", "drop")
    await counter.confirm_hand_over()
    await counter.hand_over_finished()
    assert await counter.journal_states() == [OpState.UNKNOWN]
    assert "not known whether the hand-over was recorded" in window.message_bar.text()
    await wait_until(lambda: window.unresolved_label.text() != "")
    assert window.unresolved_label.text() == "1 pickup operation waiting to be checked"

    counter.sim.clear_faults()
    window.reconcile_now()
    await wait_until(lambda: window.unresolved_label.text() == "")
    await counter.settle()  # the list is read again after the check
    operations = await counter.journal.call(Journal.recent_operations)
    assert [op.state for op in operations] == [OpState.CONFIRMED]
    assert operations[0].resolved_by == "reconciliation"
    assert window.message_bar.text().startswith("Earlier unfinished hand-overs were checked")
    assert item.title in window.message_bar.text()
    notices = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "reconcileNotice"
    ]
    assert notices
    for notice in notices:
        notice.close()
    with Journal.open_read_only(counter.data_dir / "journal.sqlite3") as journal:
        assert journal.verify().ok


@pytest.mark.asyncio
async def test_the_reconcile_timer_during_a_slow_hand_over_changes_nothing(
    counter: Counter,
) -> None:
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    counter.sim.set_fault("piggy.collect", "hold@1")
    await counter.confirm_hand_over()
    await wait_until(lambda: window.tasks.is_running(HAND_OVER))
    await wait_until(lambda: counter.sim.held("piggy.collect") == 1)  # arrived, not applied
    window.reconcile_now()  # the 30 s timer fires while the answer is on its way
    await wait_until(lambda: not window.tasks.is_running("reconcile"))
    assert counter.sim.release("piggy.collect") == 1
    await counter.hand_over_finished()
    assert window.message_bar.kind is MessageKind.SUCCESS
    assert window.message_bar.text() == f"{item.title} handed over to Robin de Vries."
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert await counter.journal_states() == [OpState.CONFIRMED]
    assert counter.sim.state.collect_requests[item.loyalty_transaction_uuid] == 1


@pytest.mark.asyncio
async def test_a_failed_scan_does_not_leave_the_last_customer_on_screen(counter: Counter) -> None:
    await counter.load_main_customer()
    await counter.scan(demo.CARD_BLOCKED)
    window = counter.window
    assert window.customer is None
    assert window.model.rowCount() == 0
    assert window.customer_header.name_label.text() == ""
    assert window.pages.currentIndex() == 0
    assert window.message_bar.text().startswith("This card is blocked")


@pytest.mark.asyncio
async def test_a_scanned_slip_says_what_the_pickup_list_says(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    await counter.confirm_hand_over()
    await counter.hand_over_finished()
    (pickup,) = await counter.journal.call(Journal.recent_operations)
    assert pickup.reference is not None
    # A reversal was sent and its answer never came (another window, a crash).
    await counter.journal.call(
        Journal.begin_reverse, collect_operation_id=pickup.operation_id, reason="returned"
    )

    await counter.scan(pickup.reference)
    view = window.recent_view
    assert view is not None
    await wait_until(lambda: view.selected_operation() is not None)
    row = view.model.row_of(pickup.operation_id)
    assert row is not None
    in_list = view.model.index(row, PickupColumn.STATE).data()
    assert in_list == "Reversal being checked"
    # The message under the search field says the same, not "handed over".
    assert window.message_bar.text().endswith(f" {in_list}.")


@pytest.mark.asyncio
async def test_scanning_a_slip_opens_the_pickup_and_a_manager_reverses_it(
    counter: Counter,
) -> None:
    await counter.staff.call(StaffDirectory.add, "Morgan Manager", Role.MANAGER, "246810")
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    await counter.confirm_hand_over()
    await counter.hand_over_finished()
    (pickup,) = await counter.journal.call(Journal.recent_operations)
    assert pickup.reference is not None

    # The customer comes back with the slip: scan its QR code (the pickup reference).
    await counter.scan(pickup.reference.lower())
    view = window.recent_view
    assert view is not None
    assert window.pages.currentWidget() is view.parentWidget()
    selected = view.selected_operation()
    assert selected is not None
    assert selected.operation_id == pickup.operation_id
    assert view.reverse_button.isEnabled()

    view.reverse_button.click()
    await wait_until(lambda: visible(ReverseDialog))
    reverse = visible(ReverseDialog)
    assert reverse is not None
    reverse.reason_buttons[ReverseReason.RETURNED].click()
    QTest.keyClicks(reverse.pin.field, "246810")
    QTest.keyClick(reverse.pin.field, Qt.Key.Key_Return)
    await wait_until(lambda: not view.is_reversing())
    await wait_until(lambda: view.tasks.pending == 0 and window.tasks.pending == 0)

    assert item.loyalty_transaction_uuid in counter.waiting_on_server()
    reverses = [
        op for op in await counter.journal.call(Journal.recent_operations) if op.kind == "reverse"
    ]
    assert [(op.state, op.reason, op.staff_name) for op in reverses] == [
        (OpState.CONFIRMED, "returned", "Morgan Manager")
    ]
    row = view.model.row_of(pickup.operation_id)
    assert row is not None
    assert view.model.index(row, PickupColumn.STATE).data() == "Reversed"
    # Back at the counter the reward is in the customer's list again.
    window.show_counter()
    assert window.pages.currentIndex() == 1
    assert window.model.row_of(item.loyalty_transaction_uuid) is not None
    with Journal.open_read_only(counter.data_dir / "journal.sqlite3") as journal:
        assert journal.verify().ok


@pytest.mark.asyncio
async def test_slip_offered_after_a_hand_over_when_set_to_ask(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(print_slip="ask")
    async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
        await made.load_main_customer()
        await made.confirm_hand_over()
        await made.hand_over_finished()
        # No dialog in the way of the next customer: the slip is one click away.
        assert visible(SlipDialog) is None
        print_slip = made.window.counter_screen.notice_actions.slip_button
        assert print_slip.isVisible()
        print_slip.click()
        await wait_until(lambda: visible(SlipDialog))
        slip = visible(SlipDialog)
        assert slip is not None
        (pickup,) = await made.journal.call(Journal.recent_operations)
        assert [item.reference for item in slip.slip.items] == [pickup.reference]
        slip.reject()
        await made.settle()


@pytest.mark.asyncio
async def test_a_hand_over_ending_after_the_next_scan_is_not_shown_as_the_new_customers(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(print_slip="ask")
    async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
        await made.load_main_customer()
        window = made.window
        item = window.model.item(0)
        simulator.set_fault("piggy.collect", "hold@1")
        await made.confirm_hand_over()
        await wait_until(lambda: simulator.held("piggy.collect") == 1)  # the collect is on its way
        # The next customer steps up before the answer is back.
        await made.scan(demo.CARD_EMPTY)
        await wait_until(lambda: window.customer_header.name_label.text() == "Alex Peters")
        assert simulator.release("piggy.collect") == 1
        await made.hand_over_finished()
        # The outcome names whose hand-over it was, and no slip of Robin's pops up over Alex.
        assert window.customer_header.name_label.text() == "Alex Peters"
        assert window.message_bar.text() == f"{item.title} handed over to Robin de Vries."
        assert visible(SlipDialog) is None
        assert [op.state for op in await made.journal.call(Journal.recent_operations)] == [
            OpState.CONFIRMED
        ]


@pytest.mark.asyncio
async def test_with_sign_in_required_the_hand_over_records_who_did_it(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(require_staff_sign_in=True)
    async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
        window = made.window
        assert window.sign_in_button.isVisible()
        assert window.sign_in_button.text() == "Sign in"
        await made.staff.call(StaffDirectory.add, "Casey Cashier", Role.CASHIER, "1234")
        await made.load_main_customer()
        item = window.model.item(0)
        await made.confirm_hand_over()
        # Nobody is signed in: the hand-over asks first.
        await wait_until(lambda: visible(PinDialog))
        pin = visible(PinDialog)
        assert pin is not None
        assert pin.objectName() == "signInDialog"
        QTest.keyClicks(pin.entry.field, "1234")
        QTest.keyClick(pin.entry.field, Qt.Key.Key_Return)
        await made.hand_over_finished()
        assert item.loyalty_transaction_uuid not in made.waiting_on_server()
        (pickup,) = await made.journal.call(Journal.recent_operations)
        assert (pickup.state, pickup.staff_name) == (OpState.CONFIRMED, "Casey Cashier")
        assert window.sign_in_button.text() == "Casey Cashier · sign out"


@pytest.mark.asyncio
async def test_the_first_keystroke_of_a_scan_opens_the_connections(counter: Counter) -> None:
    window = counter.window
    counter.sim.close_connections()  # the minutes since the last customer
    before = counter.sim.connections_opened
    window.search_input.setFocus()
    QTest.keyClicks(window.search_input, "D")
    # Piggy three (identifier, contact and rewards go side by side for a card seen
    # before), Giftoin one, Nudj two.
    await wait_until(lambda: counter.sim.connections_opened == before + 6)
    await wait_until(lambda: window.tasks.pending == 0)
    # The rest of the scan opens none before the list.
    QTest.keyClicks(window.search_input, "EMO-CARD-1")
    assert counter.sim.connections_opened == before + 6
