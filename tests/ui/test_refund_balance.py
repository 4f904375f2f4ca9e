"""A refund made while its customer is on screen: the header shows the points they have now."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role, StaffDirectory
from pos_app.storage import Journal, ReverseReason
from pos_app.ui.managers.reverse_dialog import ReturnAction, ReverseDialog
from tests.helpers import wait_until
from tests.helpers.ui import Counter, dialog_of, running_counter

MANAGER_PIN = "246810"


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        await made.staff.call(StaffDirectory.add, "Morgan Manager", Role.MANAGER, MANAGER_PIN)
        yield made


def points_on_server(counter: Counter) -> int:
    with counter.sim.state.lock:
        return counter.sim.state.data.contact_for_card(demo.CARD_MAIN).points


@pytest.mark.asyncio
async def test_a_refund_for_the_customer_on_screen_updates_their_points(
    counter: Counter,
) -> None:
    await counter.load_main_customer()
    window = counter.window
    header = window.customer_header
    assert header.points_label.text() == "1612 Piggy points"
    await counter.confirm_hand_over()
    await counter.hand_over_finished()
    (pickup,) = await counter.journal.call(Journal.recent_operations)
    assert pickup.reference is not None

    # The reward comes back at once: the slip scanned, Reverse…, Refund the points.
    await counter.scan(pickup.reference)
    view = window.recent_view
    assert view is not None
    await wait_until(lambda: view.selected_operation() is not None)
    QTest.mouseClick(view.reverse_button, Qt.MouseButton.LeftButton)
    dialog = await dialog_of(ReverseDialog)
    refund = dialog.action_buttons[ReturnAction.REFUND]
    at = QPoint(8, refund.height() // 2)
    QTest.mouseClick(refund, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    dialog.choose(ReverseReason.DAMAGED)
    QTest.keyClicks(dialog.pin.field, MANAGER_PIN)
    QTest.keyClick(dialog.pin.field, Qt.Key.Key_Return)
    await wait_until(lambda: not view.is_reversing())
    await wait_until(lambda: view.tasks.pending == 0 and window.tasks.pending == 0)

    now = points_on_server(counter)
    assert now > 1612
    window.show_counter()
    assert header.points_label.text() == f"{now} Piggy points"
