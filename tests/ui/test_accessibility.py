"""What a keyboard or screen-reader user gets: readable colours, a visible focus, names.

Colours are measured on what Qt paints (the darkest ink against the background around it),
not on the theme's numbers alone.
"""

from __future__ import annotations

import asyncio
from collections import Counter as Tally
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos_app.demo import DemoInfo
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.pickup_models import ExpiryKind
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role, StaffDirectory, StaffService
from pos_app.storage import OpState
from pos_app.ui.async_support import await_dialog
from pos_app.ui.counter.banners import DemoGuide
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.reverse_dialog import ReverseDialog
from pos_app.ui.managers.staff import FirstManagerDialog
from pos_app.ui.managers.staff.forms import StaffFormDialog, StaffFormMode
from pos_app.ui.managers.staff.list_dialog import StaffDialog
from pos_app.ui.rewards import RewardRole
from pos_app.ui.rewards.hand_over_dialog import HandOverDialog
from pos_app.ui.slips.dialog import SlipDialog
from pos_app.ui.theme import ColorScheme, contrast_ratio
from tests.helpers import wait_until
from tests.helpers.rows import journal_row
from tests.helpers.ui import Counter, running_counter
from tests.ui.test_slips import SLIP

AA = 4.5
MANAGER = ("Ann", Role.MANAGER, "246810")
DEMO_INFO = DemoInfo(cards=demo.DEMO_CARDS, email=demo.EMAIL_MAIN, faults=())


def luminance_key(color: QColor) -> float:
    return 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()


def rendered_contrast(image: QImage, area: QRect) -> float:
    """The contrast of the darkest ink in ``area`` against its most common colour."""
    pixels = [
        image.pixelColor(x, y)
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
    ]
    background = QColor(Tally(p.rgb() for p in pixels).most_common(1)[0][0])
    ink = min(pixels, key=luminance_key)
    return contrast_ratio(background, ink)


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        await made.load_main_customer()
        yield made


@pytest.mark.asyncio
async def test_an_expired_reward_is_readable(counter: Counter) -> None:
    view, model = counter.window.rewards_list, counter.window.model
    expired = [
        model.index(row, 0)
        for row in range(model.rowCount())
        if model.index(row, 0).data(RewardRole.EXPIRY).kind is ExpiryKind.EXPIRED
    ]
    assert expired
    index: QModelIndex = expired[0]
    view.scrollTo(index)
    await wait_until(lambda: view.viewport().rect().contains(view.visualRect(index)))
    image = view.viewport().grab().toImage()
    row = view.visualRect(index)
    # The title and the claimed date: between the picture and the badge.
    thumb = view.delegate.thumbnail_size().width()
    text = QRect(row.left() + thumb + 30, row.top() + 4, row.width() // 3, row.height() - 8)
    half = text.height() // 2
    title, claimed = text.adjusted(0, 0, 0, -half), text.adjusted(0, half, 0, 0)
    assert rendered_contrast(image, title) >= AA
    assert rendered_contrast(image, claimed) >= AA


@pytest_asyncio.fixture
async def kiosk(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    """A kiosk counter with a manager who could unlock it."""
    settings = app_settings.with_overrides(kiosk=True)
    async with running_counter(
        qtbot, settings, demo_secrets, simulator, staff_members=(MANAGER,)
    ) as made:
        yield made


# The offscreen platform cannot raise a window, and says so when the kiosk puts it back.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_the_leave_kiosk_button_is_readable(kiosk: Counter) -> None:
    made = kiosk
    button = made.window.status.leave_button
    assert button is not None
    # As drawn on the status bar (a flat button has no background of its own).
    image = made.window.status.grab().toImage()
    area = QRect(button.mapTo(made.window.status, button.rect().topLeft()), button.size())
    assert rendered_contrast(image, area.adjusted(4, 4, -4, -4)) >= AA


def test_the_theme_has_a_focus_ring_that_stands_out() -> None:
    # Non-text contrast (WCAG 1.4.11): 3:1 against the window and a field's background.
    for background in (QColor("#efefef"), ColorScheme.PAPER):
        assert contrast_ratio(ColorScheme.FOCUS_RING, background) >= 3.0


def ring_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    ring = ColorScheme.FOCUS_RING.rgb()
    return sum(
        1
        for y in range(image.height())
        for x in (0, 1, image.width() - 2, image.width() - 1)
        if image.pixelColor(x, y).rgb() == ring
    )


@pytest.mark.asyncio
async def test_keyboard_focus_is_drawn_as_a_ring(counter: Counter) -> None:
    window = counter.window
    for widget in (window.search_bar.find_button, window.search_input):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        await wait_until(widget.hasFocus)
        assert ring_pixels(widget) > 10, widget.objectName()
    window.search_bar.find_button.setFocus(Qt.FocusReason.TabFocusReason)
    await wait_until(window.search_bar.find_button.hasFocus)
    assert ring_pixels(window.search_input) == 0


def _name_problems(root: QWidget) -> list[str]:
    """Inputs, buttons and lists a screen reader could not name."""
    buddies = {
        label.buddy() for label in root.findChildren(QLabel) if label.buddy() and label.text()
    }
    found = []
    kinds = (QLineEdit, QPushButton, QAbstractItemView, QComboBox, QAbstractSpinBox)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QHeaderView) or isinstance(widget.parent(), QAbstractSpinBox):
            continue  # parts of a table or a spin box, named by their whole
        spoken = QAccessible.queryAccessibleInterface(widget)
        name = spoken.text(QAccessible.Text.Name) if spoken is not None else ""
        own = bool(widget.accessibleName()) or widget in buddies
        if isinstance(widget, QPushButton):
            own = own or bool(widget.text().strip())
        if not (own and name.strip()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


async def _dialogs(staff: StaffService, counter: Counter) -> AsyncIterator[QDialog]:
    items = counter.window.model.items()[:2]
    yield HandOverDialog("Robin de Vries", items, counter.window.pictures)
    profiles = await staff.call(StaffDirectory.profiles)
    yield PinDialog(
        lambda profile, pin: staff.verify_manager_pin(pin),
        title="Sign in",
        prompt="Your PIN",
        profiles=profiles,
    )
    yield PinDialog(lambda profile, pin: staff.verify_manager_pin(pin), title="t", prompt="p")
    yield ReverseDialog(journal_row(1, OpState.CONFIRMED), staff)
    yield FirstManagerDialog(staff)
    yield StaffFormDialog(staff, StaffFormMode.ADD)
    yield SlipDialog(SLIP)
    yield StaffDialog(staff)
    yield DemoGuide(DEMO_INFO, counter.window)


@pytest.mark.asyncio
async def test_every_input_button_and_list_has_a_name(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    async with running_counter(
        qtbot,
        app_settings,
        demo_secrets,
        simulator,
        staff_members=(("Ann", Role.MANAGER, "246810"),),
    ) as made:
        await made.load_main_customer()
        window = made.window
        assert _name_problems(window) == []
        assert window.search_input.accessibleName()
        window.show_recent_pickups()
        await made.settle()
        assert _name_problems(window) == []
        problems: list[tuple[str, list[str]]] = []
        async for dialog in _dialogs(made.staff, made):
            waiting = asyncio.ensure_future(await_dialog(dialog))
            await wait_until(dialog.isVisible)
            problems.append((dialog.objectName(), _name_problems(dialog)))
            dialog.reject()
            await asyncio.wait_for(waiting, 5)
            dialog.deleteLater()
        assert len(problems) == 9
        assert [(name, found) for name, found in problems if found] == []


@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_the_kiosk_names_its_inputs_and_keys_too(kiosk: Counter) -> None:
    made = kiosk
    home = made.window.kiosk_home
    assert home is not None
    home.email_button.click()
    await wait_until(made.window.search_input.isVisible)
    assert _name_problems(made.window) == []
