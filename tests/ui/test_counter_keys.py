"""The fewest keys at the counter: hand over all, the next reward ready, undo a mis-tap,
and what the cashier reads while the loyalty service takes its time."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.counter import UNDO_SECONDS
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.storage import Journal, OpState, ReverseReason
from pos_app.ui.counter import HAND_OVER, LOOKUP
from pos_app.ui.counter.customer_widgets import MessageKind
from tests.helpers import FakeClock, wait_until
from tests.helpers.ui import Counter, open_dialog, running_counter


@pytest.fixture
def clock() -> FakeClock:
    """The counter's wall clock, from now on moved by the test."""
    return FakeClock(datetime.now(UTC))


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    clock: FakeClock,
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator, clock=clock) as made:
        yield made


async def _confirm(counter: Counter) -> list[str]:
    """Confirm the hand-over dialog; the titles of the rewards it hands over."""
    await wait_until(open_dialog)
    dialog = open_dialog()
    assert dialog is not None
    titles = [item.title for item in dialog.chosen_items()]
    dialog.confirm_button.click()
    await counter.hand_over_finished()
    return titles


@pytest.mark.asyncio
async def test_hand_over_all_sends_every_reward_that_can_go(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    button = window.counter_screen.customer_page.hand_over_all_button
    model = window.model
    going = [
        i for row in range(model.rowCount()) if model.can_hand_over(row) for i in model.group(row)
    ]
    assert len(going) > 1
    assert button.isVisible()
    assert button.text() == f"Hand over all ({len(going)})"
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    titles = await _confirm(counter)
    assert titles == [i.title for i in going]
    assert not {i.loyalty_transaction_uuid for i in going} & counter.waiting_on_server()
    assert window.message_bar.text() == f"{len(going)} rewards handed over to Robin de Vries."
    assert not button.isVisible()  # nothing (or only expired rewards) left to go


@pytest.mark.asyncio
async def test_after_a_hand_over_the_next_reward_is_one_enter_enter_away(
    counter: Counter,
) -> None:
    await counter.load_main_customer()
    window = counter.window
    first, second = window.model.item(0), window.model.item(1)
    for expected in (first, second):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Return)
        assert await _confirm(counter) == [expected.title]
        await wait_until(lambda: window.focusWidget() is window.rewards_list)
    assert {first.loyalty_transaction_uuid, second.loyalty_transaction_uuid}.isdisjoint(
        counter.waiting_on_server()
    )


@pytest.mark.asyncio
async def test_the_cashier_undoes_a_mis_tap_with_one_click(
    counter: Counter, clock: FakeClock
) -> None:
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await _confirm(counter)
    undo = window.counter_screen.notice_actions.undo_button
    assert undo.isVisible()
    assert undo.text() == f"Undo ({int(UNDO_SECONDS)} s)"
    clock.advance(timedelta(seconds=10))
    undo.click()
    await wait_until(lambda: window.model.row_of(item.loyalty_transaction_uuid) is not None)
    await counter.settle()
    assert window.message_bar.kind is MessageKind.SUCCESS
    assert window.message_bar.text() == f"Undone: {item.title} is back on Robin de Vries's list."
    assert item.loyalty_transaction_uuid in counter.waiting_on_server()
    operations = await counter.journal.call(Journal.recent_operations)
    reversal = next(op for op in operations if op.kind == "reverse")
    assert reversal.state is OpState.CONFIRMED
    assert reversal.reason == ReverseReason.MIS_TAP
    assert not undo.isVisible()


@pytest.mark.asyncio
async def test_the_undo_is_gone_after_its_time_and_with_the_next_customer(
    counter: Counter, clock: FakeClock
) -> None:
    await counter.load_main_customer()
    window = counter.window
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await _confirm(counter)
    actions = window.counter_screen.notice_actions
    assert actions.undo_button.isVisible()
    clock.advance(timedelta(seconds=UNDO_SECONDS + 1))
    actions._update_undo()  # the countdown's next tick
    assert not actions.undo_button.isVisible()

    await counter.load_main_customer()
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await _confirm(counter)
    assert actions.undo_button.isVisible()
    await counter.scan(demo.CARD_EMPTY)
    assert not actions.undo_button.isVisible()


@pytest.mark.asyncio
async def test_a_slow_answer_says_what_it_waits_for(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    counter.sim.set_fault("piggy.collect", "hold@1")
    await counter.confirm_hand_over()
    await wait_until(lambda: counter.sim.held("piggy.collect") == 1)
    assert window.message_bar.text() == "Handing over…"
    for _ in range(3):  # the once-a-second timer, driven by the test
        window.hand_over._still_waiting()
    assert window.message_bar.text() == ("Handing over… waiting for the loyalty service (3 s)")
    assert counter.sim.release("piggy.collect") == 1
    await wait_until(lambda: not window.tasks.is_running(HAND_OVER))
    assert window.message_bar.text().endswith("handed over to Robin de Vries.")


@pytest.mark.asyncio
async def test_typing_the_next_search_is_never_lost_when_a_lookup_fails(
    counter: Counter,
) -> None:
    window = counter.window
    counter.sim.set_fault("piggy.identifier", "hold@1")
    QTest.keyClicks(window.search_input, "NO-SUCH-CARD")
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    await wait_until(lambda: counter.sim.held("piggy.identifier") == 1)
    QTest.keyClicks(window.search_input, "robin@exa")  # the next one, while it runs
    assert counter.sim.release("piggy.identifier") == 1
    await wait_until(lambda: not window.tasks.is_running(LOOKUP))
    assert window.message_bar.text().startswith("Unknown card.")
    assert window.search_input.text() == "robin@exa"
    assert window.search_input.hasFocus()
    QTest.keyClicks(window.search_input, "mple.com")
    assert window.search_input.text() == "robin@example.com"
    # The first key typed opened connections ahead of the next search: that call ends
    # here, on the loop, not in the teardown, where no loop runs its steps.
    await counter.settle()


@pytest.mark.asyncio
async def test_typing_is_kept_when_the_last_customer_arrives(counter: Counter) -> None:
    window = counter.window
    counter.sim.set_fault("piggy.identifier", "hold@1")
    QTest.keyClicks(window.search_input, demo.CARD_MAIN)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    await wait_until(lambda: counter.sim.held("piggy.identifier") == 1)
    QTest.keyClicks(window.search_input, "DEMO-CA")
    assert counter.sim.release("piggy.identifier") == 1
    await wait_until(lambda: window.model.rowCount() > 0)
    await counter.settle()
    assert window.search_input.text() == "DEMO-CA"
    assert window.search_input.hasFocus()


@pytest.mark.asyncio
async def test_a_scan_flashes_the_field_green_or_red(counter: Counter) -> None:
    window = counter.window

    def flashing(colour: str) -> Callable[[], bool]:
        return lambda: window.search_input.property("scan") == colour

    # Looked at while it shows (a moment), not after the pictures and the panel settled.
    for card, colour in ((demo.CARD_MAIN, "good"), ("NO-SUCH-CARD", "bad")):
        window.search_input.setText(card)
        QTest.keyClick(window.search_input, Qt.Key.Key_Return)
        await wait_until(flashing(colour))
        await counter.settle()


@pytest.mark.asyncio
async def test_the_email_code_is_visible_while_typed_and_survives_a_dialog(
    counter: Counter,
) -> None:
    window = counter.window
    await counter.scan(demo.EMAIL_MAIN)
    entry = window.code_entry
    assert entry.isVisible()
    QTest.keyClicks(entry.code_input, "12 3")
    assert entry.code_input.echoMode() == entry.code_input.EchoMode.Normal
    assert entry.code_input.displayText() == "12 3"
    window.show_help()
    assert window.help is not None
    window.help.close()
    assert entry.code_input.text() == "12 3"


@pytest.mark.asyncio
async def test_f1_shows_the_keys(counter: Counter) -> None:
    window = counter.window
    QTest.keyClick(window, Qt.Key.Key_F1)
    await wait_until(lambda: window.help is not None and window.help.isVisible())
    assert window.help is not None
    text = window.help.text.text()
    for key in ("Ctrl+Enter", "Ctrl+R", "Ctrl+L or F6", "Escape", "Expires today"):
        assert key in text
    # The camera beside the scan field, by its button's name, and how it closes.
    assert window.camera.button is not None
    assert f"<b>{window.camera.button.text()}</b>" in text
    assert "Escape closes it" in text
    assert not window.help.isModal()


@pytest.mark.asyncio
async def test_f1_names_claiming_the_refund_choice_and_to_prepare(counter: Counter) -> None:
    window = counter.window
    QTest.keyClick(window, Qt.Key.Key_F1)
    await wait_until(lambda: window.help is not None and window.help.isVisible())
    assert window.help is not None
    text = window.help.text.text()
    for expected in (
        "Claim with points…",
        "Spend the customer's points on a shop reward",
        "Reverse…",
        "Put it back for pickup, or refund the points",
        "Ctrl+T",
        "On the shelf",
    ):
        assert expected in text, expected


@pytest.mark.asyncio
async def test_managers_find_staff_in_the_status_bar_and_recent_pickups_speak_in_the_bar(
    counter: Counter,
) -> None:
    window = counter.window
    entry = window.statusBar().findChild(QPushButton, "staffEntryButton")
    assert entry is not None
    assert entry.isVisible()
    assert entry.isEnabled()
    assert window.recent_view is not None
    window.show_recent_pickups()
    await window.recent_view.open_reference("PU-00000000")
    # The page's messages are the counter's one message line.
    assert window.message_bar.text().startswith("No pickup PU-00000000")
    assert not window.recent_view.message.isVisible()


@pytest.mark.asyncio
async def test_earlier_pickups_of_the_customer_from_the_header(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    (title,) = await _confirm(counter)
    button = window.customer_header.earlier_button
    assert button.isVisible()
    button.click()
    view = window.recent_view
    assert view is not None
    await wait_until(lambda: view.shown_customer() is not None)
    await counter.settle()
    assert window.pages.currentWidget() is window.recent_page
    operation = view.selected_operation() or view.model.operation(0)
    assert operation.reward_title == title
    assert operation.customer_name == "Robin V."


@pytest.mark.asyncio
async def test_a_notice_does_not_move_the_list(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    window.message_bar.clear_message()
    await counter.settle()
    before = window.rewards_list.mapTo(window, window.rewards_list.rect().topLeft())
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await _confirm(counter)
    assert window.message_bar.isVisible()
    after = window.rewards_list.mapTo(window, window.rewards_list.rect().topLeft())
    assert after == before


@pytest.mark.asyncio
async def test_a_card_scanned_into_the_filter_field_is_a_new_search(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    header = window.counter_screen.customer_page.list_header
    header.focus_filter()
    QTest.keyClicks(header.filter_field, demo.CARD_EMPTY)  # the scanner's keys
    QTest.keyClick(header.filter_field, Qt.Key.Key_Return)
    await wait_until(lambda: window.customer_header.name_label.text() == "Alex Peters")
    await counter.settle()
    assert header.filter_field.text() == ""
