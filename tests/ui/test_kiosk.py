"""Kiosk mode, driven through the real window against the simulator over loopback HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenuBar,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import PrintSlip, Settings, SlipPaper
from pos_app.services.staff import Role
from pos_app.storage import Journal, OpState, ReverseReason
from pos_app.ui.async_support import await_dialog
from pos_app.ui.counter import LOOKUP
from pos_app.ui.counter.kiosk import LONG_PRESS_MS, TOUCH_TARGET
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.reverse_dialog import ReverseDialog
from pos_app.ui.managers.staff import FirstManagerDialog
from pos_app.ui.slips import SlipDialog, offer_slip
from pos_app.ui.slips.printers import PrinterMissing
from pos_app.ui.theme import ColorScheme, contrast_ratio
from tests.helpers import wait_until
from tests.helpers.ui import (
    Counter,
    delete_widget,
    make_counter,
    open_dialog,
    running_counter,
    visible,
)
from tests.ui.test_slips import SLIP

CASHIER = ("Casey Cashier", Role.CASHIER, "1234")
MANAGER = ("Morgan Manager", Role.MANAGER, "246810")


@pytest.fixture
def kiosk_settings(app_settings: Settings) -> Settings:
    return app_settings.with_overrides(kiosk=True)


@pytest_asyncio.fixture
async def kiosk(
    qtbot: QtBot, kiosk_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(
        qtbot, kiosk_settings, demo_secrets, simulator, staff_members=(CASHIER, MANAGER)
    ) as made:
        yield made


def short_idle(counter: Counter, *, idle: float = 1.2, countdown: float = 0.8) -> None:
    assert counter.window.kiosk is not None
    counter.window.kiosk.idle.set_timing(idle_seconds=idle, countdown_seconds=countdown, tick_ms=40)


def too_small(root: QWidget) -> list[str]:
    """Every visible control under ``root`` smaller than a fingertip, as 'name: w×h'."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget.parent(), QLineEdit):
            continue  # a field's clear button: inside the field, which is the target
        if isinstance(widget, kinds) and widget.isVisible():
            size = widget.size()
            if min(size.width(), size.height()) < TOUCH_TARGET:
                label = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
                name = widget.objectName() or type(widget).__name__
                found.append(f"{name} {label!r}: {size.width()}×{size.height()}")
    return found


def checked_controls(root: QWidget) -> int:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    return sum(1 for w in root.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible())


def texts_on_screen(window: QWidget) -> str:
    """Everything the window's labels and fields say (shown or hidden), as one text."""
    parts = [label.text() for label in window.findChildren(QLabel)]
    parts += [field.text() for field in window.findChildren(QLineEdit)]
    return "\n".join(parts)


async def scan_in_kiosk(counter: Counter, text: str) -> None:
    """Like a scanner: keys typed at whatever has focus, then Enter."""
    window = counter.window
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClicks(target, text)
    QTest.keyClick(target, Qt.Key.Key_Return)
    await wait_until(lambda: not window.tasks.is_running(LOOKUP))


async def load_customer_in_kiosk(counter: Counter) -> None:
    await scan_in_kiosk(counter, demo.CARD_MAIN)
    await wait_until(lambda: counter.window.model.rowCount() > 0)
    await counter.settle()


async def pin_asked() -> PinDialog:
    await wait_until(lambda: visible(PinDialog))
    pin = visible(PinDialog)
    assert pin is not None
    return pin


# The offscreen platform cannot raise a window, and says so when the kiosk puts it back.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_kiosk_window_is_locked_full_screen_and_scan_first(kiosk: Counter) -> None:
    window = kiosk.window
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert window.isFullScreen()
    assert window.findChildren(QMenuBar) == []
    # Scan first: a big prompt, no search field; finding by email is one tap away.
    assert window.kiosk_home is not None
    assert window.kiosk_home.isVisible()
    assert window.kiosk_home.prompt.text() == "Scan your loyalty card or QR code"
    assert not window.search_input.isVisible()
    assert window.kiosk_home.hasFocus()
    window.kiosk_home.email_button.click()
    assert window.search_input.isVisible()
    assert window.search_input.hasFocus()
    assert window.search_input.placeholderText() == "Type the customer's email"

    # Escape and Ctrl+Q do not leave; a window manager minimising it is undone.
    QTest.keyClick(window, Qt.Key.Key_Escape)
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible()
    window.showMinimized()
    # The kiosk puts the window back from the loop: by then anything the keys above queued
    # (a close, say) has run too.
    await wait_until(lambda: window.isFullScreen() and not window.isMinimized())
    assert window.isVisible()
    window.showNormal()
    await wait_until(window.isFullScreen)


async def _release(counter: Counter) -> None:
    """What the app releases after its window closed by itself."""
    await counter.window.services.aclose()
    await delete_widget(counter.window)


@pytest.mark.asyncio
async def test_close_requests_are_refused_without_a_manager_pin_and_accepted_with_it(
    qtbot: QtBot, kiosk_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    kiosk = await make_counter(
        qtbot, kiosk_settings, demo_secrets, simulator, staff_members=(CASHIER, MANAGER)
    )
    try:
        await _refuse_then_accept_closing(kiosk)
    finally:
        await _release(kiosk)


async def _refuse_then_accept_closing(kiosk: Counter) -> None:
    window = kiosk.window
    kiosk_mode = window.kiosk
    assert kiosk_mode is not None
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    app_font = QApplication.font().pointSizeF()

    # A close (the window manager's close button and Alt+F4 arrive as this event).
    assert window.close() is False
    assert window.isVisible()
    pin = await pin_asked()
    assert pin.prompt.text() == "Leaving kiosk mode closes the app. It needs a manager's PIN."
    # A cashier's PIN is not a manager's.
    entry = pin.entry
    QTest.keyClicks(entry.field, "1234")
    QTest.keyClick(entry.field, Qt.Key.Key_Return)
    await wait_until(lambda: entry.message_text() != "Checking…")
    assert entry.message_text().startswith("Wrong PIN.")
    assert pin.isVisible()
    pin.reject()
    await wait_until(lambda: not kiosk_mode.is_asking_to_unlock())
    assert window.isVisible()
    assert not closed.is_set()

    # A spontaneous close event, as a window manager sends it: refused the same way.
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert kiosk_mode.refused_closes == 2
    pin = await pin_asked()
    QTest.keyClicks(pin.entry.field, "246810")
    QTest.keyClick(pin.entry.field, Qt.Key.Key_Return)
    await asyncio.wait_for(closed.wait(), 5)
    assert not window.isVisible()
    # The kiosk look (larger font) is the application's own again.
    assert QApplication.font().pointSizeF() < app_font


@pytest.mark.asyncio
async def test_the_logo_held_down_asks_to_leave(kiosk: Counter) -> None:
    window = kiosk.window
    logo = window.findChild(QWidget, "kioskLogo")
    assert logo is not None
    (hold,) = logo.findChildren(QTimer)  # the long press being timed
    QTest.mousePress(logo, Qt.MouseButton.LeftButton)
    assert hold.isActive()
    QTest.mouseRelease(logo, Qt.MouseButton.LeftButton, delay=100)
    # A tap is not a long press: letting go stops the timing, so nothing can follow.
    assert not hold.isActive()
    assert visible(PinDialog) is None
    # Held down as long as the timer says; shortened here as short_idle() does the idle time.
    assert hold.interval() == LONG_PRESS_MS
    hold.setInterval(50)
    QTest.mousePress(logo, Qt.MouseButton.LeftButton)
    await wait_until(lambda: visible(PinDialog), within=4)
    QTest.mouseRelease(logo, Qt.MouseButton.LeftButton)
    pin = visible(PinDialog)
    assert pin is not None
    pin.reject()
    await wait_until(lambda: window.kiosk is not None and not window.kiosk.is_asking_to_unlock())


@pytest.mark.asyncio
async def test_scanner_keys_reach_the_hidden_search_field(kiosk: Counter) -> None:
    window = kiosk.window
    await load_customer_in_kiosk(kiosk)
    assert window.customer_header.name_label.text() == "Robin de Vries"
    assert window.rewards_list.hasFocus()
    assert not window.search_input.isVisible()
    # The next card scanned while the list has focus replaces the customer.
    await scan_in_kiosk(kiosk, demo.CARD_EMPTY)
    await kiosk.settle()
    assert window.customer is not None
    assert window.customer.uuid == kiosk.sim.state.data.contact_for_card(demo.CARD_EMPTY).uuid


@pytest.mark.asyncio
async def test_idle_timeout_wipes_every_trace_of_the_customer(kiosk: Counter) -> None:
    window = kiosk.window
    await load_customer_in_kiosk(kiosk)
    await wait_until(lambda: window.pictures.in_memory > 0)
    panel = window.progress_panel
    await wait_until(lambda: panel.challenges.rowCount() > 0 and panel.nudj_rewards.rowCount() > 0)
    shown = texts_on_screen(window)
    traces = ["Robin de Vries", "d***@example.com", "1612 Piggy points", demo.CARD_MAIN]
    titles = [window.model.item(row).title for row in range(window.model.rowCount())]
    for trace in traces:
        assert trace in shown
    wiped = asyncio.Event()
    window.kioskReset.connect(wiped.set)
    assert window.kiosk is not None
    idle = window.kiosk.idle
    overlay = window.kiosk.overlay
    assert overlay is not None
    # What the overlay showed at each step of the countdown (read as it happens, not polled).
    counted: list[tuple[bool, str, str]] = []
    idle.countdown.connect(
        lambda _: counted.append((overlay.isVisible(), overlay.seconds.text(), overlay.text.text()))
    )

    short_idle(kiosk, idle=0.3, countdown=0.3)
    idle.check_now()  # the first check, as the timer runs it: the countdown starts at once
    await asyncio.wait_for(wiped.wait(), 3)
    assert counted
    was_visible, seconds, text = counted[0]
    assert was_visible
    assert seconds == "1"
    assert "Touch anywhere to keep going" in text

    assert not overlay.isVisible()
    assert window.customer is None
    assert window.model.rowCount() == 0
    assert panel.challenges.rowCount() == 0
    assert panel.nudj_rewards.rowCount() == 0
    assert window.pictures.in_memory == 0
    assert window.search_input.text() == ""
    assert window.pages.currentWidget() is window.kiosk_home
    remaining = texts_on_screen(window)
    for trace in [*traces, *titles, "Autumn Leaves", "340 Nudj points"]:
        assert trace not in remaining
    # Nothing left to wipe: no countdown on the empty home screen, even with the idle time
    # long run out when the idle check runs (as its timer runs it).
    counted.clear()
    timed_out: list[bool] = []
    idle.timedOut.connect(lambda: timed_out.append(True))
    short_idle(kiosk, idle=0, countdown=0)
    idle.check_now()
    assert (counted, timed_out) == ([], [])
    assert not overlay.isVisible()
    short_idle(kiosk, idle=30, countdown=10)


@pytest.mark.asyncio
async def test_a_touch_cancels_the_countdown(kiosk: Counter) -> None:
    window = kiosk.window
    await load_customer_in_kiosk(kiosk)
    # The countdown starts at the first idle check, and lasts long enough to be touched.
    short_idle(kiosk, idle=30, countdown=30)
    assert window.kiosk is not None
    overlay = window.kiosk.overlay
    assert overlay is not None
    await wait_until(overlay.isVisible, within=3)
    QTest.mouseClick(overlay, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert not overlay.isVisible()
    assert window.customer is not None
    assert window.model.rowCount() > 0
    short_idle(kiosk, idle=30, countdown=10)


@pytest.mark.asyncio
async def test_idle_timeout_closes_dialogs_and_signs_staff_out(kiosk: Counter) -> None:
    window = kiosk.window
    await load_customer_in_kiosk(kiosk)
    await kiosk.confirm_hand_over()
    pin = await pin_asked()
    QTest.keyClicks(pin.entry.field, "1234")
    QTest.keyClick(pin.entry.field, Qt.Key.Key_Return)
    await kiosk.hand_over_finished()
    assert window.sign_in_session.profile is not None

    window.rewards_list.select_first_available(focus=True)
    window.hand_over_button.click()
    await wait_until(open_dialog)
    wiped = asyncio.Event()
    window.kioskReset.connect(wiped.set)
    short_idle(kiosk, idle=0.2, countdown=0.1)
    await asyncio.wait_for(wiped.wait(), 3)
    await kiosk.hand_over_finished()
    assert open_dialog() is None
    assert window.sign_in_session.profile is None
    assert window.sign_in_button.text() == "Sign in"
    assert window.customer is None
    assert window.message_bar.text() == ""
    # Only the first hand-over went out; the dialog closed by the wipe sent nothing.
    assert await kiosk.journal_states() == [OpState.CONFIRMED]


@pytest.mark.asyncio
async def test_hand_over_in_kiosk_mode_needs_a_staff_pin(kiosk: Counter) -> None:
    window = kiosk.window
    await load_customer_in_kiosk(kiosk)
    first, second = window.model.item(0), window.model.item(1)

    # The customer alone: confirming leads to a PIN they do not have.
    await kiosk.confirm_hand_over()
    pin = await pin_asked()
    assert pin.objectName() == "signInDialog"
    pin.reject()
    await kiosk.hand_over_finished()
    assert window.message_bar.text() == "Staff hand rewards over: sign in with your PIN."
    assert await kiosk.journal_states() == []
    assert first.loyalty_transaction_uuid in kiosk.waiting_on_server()

    # Staff type their PIN: handed over, and the journal says who did it.
    await kiosk.confirm_hand_over()
    pin = await pin_asked()
    for digit in "1234":
        pin.entry.pad.keys[digit].click()
    pin.ok_button.click()
    await kiosk.hand_over_finished()
    assert first.loyalty_transaction_uuid not in kiosk.waiting_on_server()

    # Signed in within the idle window: the next hand-over asks no PIN.
    window.rewards_list.select_first_available(focus=True)
    assert window.rewards_list.selected_items() == [second]
    await kiosk.confirm_hand_over()
    await kiosk.hand_over_finished()
    assert visible(PinDialog) is None
    pickups = await kiosk.journal.call(Journal.recent_operations)
    assert [(op.state, op.staff_name) for op in pickups] == [
        (OpState.CONFIRMED, "Casey Cashier"),
        (OpState.CONFIRMED, "Casey Cashier"),
    ]


@pytest.mark.asyncio
async def test_recent_pickups_in_kiosk_mode_need_staff(kiosk: Counter) -> None:
    window = kiosk.window
    assert window.kiosk_home is not None
    window.kiosk_home.email_button.click()
    window.recent_button.click()
    pin = await pin_asked()
    pin.reject()
    await wait_until(lambda: not window.tasks.is_running("sign-in"))
    assert window.pages.currentWidget() is window.kiosk_home
    window.recent_button.click()
    pin = await pin_asked()
    QTest.keyClicks(pin.entry.field, "1234")
    QTest.keyClick(pin.entry.field, Qt.Key.Key_Return)
    await wait_until(lambda: window.recent_view is not None and window.recent_view.isVisible())
    await kiosk.settle()


@pytest.mark.asyncio
async def test_every_touch_target_is_at_least_44_px(kiosk: Counter) -> None:
    window = kiosk.window
    assert window.kiosk is not None
    checked = checked_controls(window)
    assert too_small(window) == []

    # The email row with its code keypad.
    assert window.kiosk_home is not None
    window.kiosk_home.email_button.click()
    window.search_input.setText(demo.EMAIL_MAIN)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    await wait_until(window.code_entry.isVisible)
    await kiosk.settle()
    assert window.code_entry.pad is not None
    assert window.code_entry.pad.isVisible()
    assert too_small(window) == []
    checked += checked_controls(window.code_entry)
    window.code_entry.cancel_button.click()

    # The customer's page: buttons, list rows, scroll bars, the progress panel.
    await load_customer_in_kiosk(kiosk)
    assert too_small(window) == []
    checked += checked_controls(window)
    row = window.rewards_list.visualRect(window.model.index(0))
    assert row.height() >= TOUCH_TARGET
    for bar in window.findChildren(QScrollBar):
        if bar.isVisible():
            thickness = (
                bar.width() if bar.orientation() == Qt.Orientation.Vertical else bar.height()
            )
            assert thickness >= TOUCH_TARGET

    # The dialogs staff and customers touch.
    window.hand_over_button.click()
    await wait_until(open_dialog)
    handover = open_dialog()
    assert handover is not None
    assert too_small(handover) == []
    checked += checked_controls(handover)
    handover.confirm_button.click()
    pin = await pin_asked()
    assert too_small(pin) == []
    checked += checked_controls(pin)
    QTest.keyClicks(pin.entry.field, "1234")
    QTest.keyClick(pin.entry.field, Qt.Key.Key_Return)
    await kiosk.hand_over_finished()

    window.show_recent_pickups()
    view = window.recent_view
    assert view is not None
    await wait_until(lambda: view.model.rowCount() == 1 and view.tasks.pending == 0)
    assert too_small(window) == []
    checked += checked_controls(window)
    assert view.table.rowHeight(0) >= TOUCH_TARGET
    view.table.selectRow(0)
    view.reverse_button.click()
    await wait_until(lambda: visible(ReverseDialog))
    reverse = visible(ReverseDialog)
    assert reverse is not None
    reverse.reason_buttons[ReverseReason.RETURNED].click()
    assert too_small(reverse) == []
    checked += checked_controls(reverse)
    reverse.reject()
    await wait_until(lambda: not view.is_reversing())
    await wait_until(lambda: view.tasks.pending == 0 and window.tasks.pending == 0)
    # The check looked at a real number of controls, not at an empty screen.
    assert checked > 40


@pytest.mark.asyncio
async def test_the_same_window_outside_kiosk_mode_keeps_desktop_sizes(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        window = made.window
        assert window.kiosk is None
        assert not window.isFullScreen()
        assert window.search_input.isVisible()
        await made.load_main_customer()
        # The check above can fail: the desktop window has controls under 44 px.
        assert any(problem.startswith("progressToggle") for problem in too_small(window))


@pytest.mark.asyncio
async def test_first_kiosk_start_without_a_manager_asks_for_one(
    qtbot: QtBot, kiosk_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    # No staff yet; start-up asks for a manager, so it is not waited for.
    made = await make_counter(qtbot, kiosk_settings, demo_secrets, simulator, settle=False)
    try:
        window = made.window
        await wait_until(lambda: visible(FirstManagerDialog))
        # The start-up calls end first: nothing may be on the wire when the window closes.
        await wait_until(lambda: window.tasks.pending == 1)
        dialog = visible(FirstManagerDialog)
        assert dialog is not None
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        # Declined: a kiosk nobody could unlock is not started.
        dialog.reject()
        await asyncio.wait_for(closed.wait(), 5)
        assert not window.isVisible()
    finally:
        await _release(made)


# -- fitting a touch screen: dialogs, the email keyboard, the countdown, slips -------------


@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_kiosk_dialogs_have_no_close_or_minimise_buttons(kiosk: Counter) -> None:
    leave = kiosk.window.status.leave_button
    assert leave is not None
    assert "closes the app" in leave.text()
    leave.click()
    pin = await pin_asked()
    flags = pin.windowFlags()
    for hint in (
        Qt.WindowType.WindowCloseButtonHint,
        Qt.WindowType.WindowMinimizeButtonHint,
        Qt.WindowType.WindowMaximizeButtonHint,
    ):
        assert not flags & hint, hint
    assert flags & Qt.WindowType.CustomizeWindowHint
    assert "closes the app" in pin.prompt.text()
    # Its own Cancel button is the way out.
    pin.cancel_button.click()
    await wait_until(
        lambda: kiosk.window.kiosk is not None and not kiosk.window.kiosk.is_asking_to_unlock()
    )


@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_staff_type_an_email_on_the_on_screen_keyboard(kiosk: Counter) -> None:
    window = kiosk.window
    home = window.kiosk_home
    assert home is not None
    keyboard = window.search_bar.keyboard
    assert keyboard is not None
    assert not keyboard.isVisible()
    home.email_button.click()
    await wait_until(keyboard.isVisible)
    assert window.search_input.accessibleName() == "Customer's email"
    # Everything still fits a 1024×768 kiosk screen, every key a fingertip's size.
    assert window.minimumSizeHint().height() <= 768
    assert too_small(keyboard) == []
    for key in "demo@example.com":
        QTest.mouseClick(keyboard.keys[key], Qt.MouseButton.LeftButton)
    assert window.search_input.text() == demo.EMAIL_MAIN
    QTest.mouseClick(keyboard.keys["backspace"], Qt.MouseButton.LeftButton)
    assert window.search_input.text() == demo.EMAIL_MAIN[:-1]
    QTest.mouseClick(keyboard.keys["m"], Qt.MouseButton.LeftButton)
    # The field kept the focus through every tap; its clear button sits inside it.
    assert window.search_input.hasFocus()
    (clear,) = [b for b in window.search_input.findChildren(QAbstractButton) if b.isVisible()]
    inside = QRect(clear.mapTo(window.search_input, QPoint(0, 0)), clear.size())
    assert window.search_input.rect().contains(inside)
    QTest.mouseClick(keyboard.keys["enter"], Qt.MouseButton.LeftButton)
    await wait_until(lambda: window.code_entry.isVisible())
    # The code entry has its own keypad: the keyboard steps aside.
    await wait_until(lambda: not keyboard.isVisible())


@pytest.mark.asyncio
async def test_the_countdown_is_on_a_readable_panel(kiosk: Counter) -> None:
    overlay = kiosk.window.kiosk.overlay if kiosk.window.kiosk is not None else None
    assert overlay is not None
    overlay.show_seconds(7)
    await wait_until(overlay.isVisible)
    panel = overlay.panel
    for label in (overlay.title, overlay.seconds, overlay.text):
        assert label.parentWidget() is not None
        assert panel.isAncestorOf(label)
        assert panel.rect().contains(QRect(label.mapTo(panel, QPoint(0, 0)), label.size()))
    image = panel.grab().toImage()
    assert image.pixelColor(panel.width() // 2, 4) == ColorScheme.KIOSK_OVERLAY_PANEL
    assert contrast_ratio(ColorScheme.KIOSK_OVERLAY_PANEL, ColorScheme.KIOSK_OVERLAY_TEXT) >= 7
    overlay.hide()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_a_kiosk_slip_goes_to_the_counter_printer_or_not_at_all(
    kiosk: Counter, tmp_path: Path
) -> None:
    # No printer: said, and no chooser of any kind.
    dialog = SlipDialog(SLIP, counter_printer=lambda: None)
    assert dialog.kiosk  # from the application's kiosk look
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    assert not dialog.save_button.isVisible()
    dialog.print_button.click()
    assert "No printer" in dialog.message.text()
    assert not dialog.print_button.isEnabled()
    assert visible(QFileDialog) is None
    assert visible(QPrintDialog) is None
    dialog.close_button.click()
    await asyncio.wait_for(waiting, 5)
    dialog.deleteLater()

    # The counter's printer (here one that prints to a file): straight there.
    out = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        made = QPrinter(QPrinter.PrinterMode.HighResolution)
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName(str(out))
        return made

    dialog = SlipDialog(SLIP, counter_printer=printer)
    printed: list[str] = []
    dialog.printed.connect(printed.append)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    dialog.print_button.click()
    assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Accepted
    assert printed == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    assert visible(QPrintDialog) is None
    dialog.deleteLater()

    # print_slip=always without a printer: no dialog to fall back on in a kiosk.
    def no_printer(name: str | None, paper: SlipPaper) -> QPrinter:
        raise PrinterMissing(name)

    assert await offer_slip(SLIP, PrintSlip.ALWAYS, kiosk.window, make_printer=no_printer) is None
