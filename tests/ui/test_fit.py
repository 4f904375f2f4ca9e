"""The window fits the screens counters have, and the rewards list keeps its room."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from pos_app.demo import DemoInfo
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.progress import NudjSetupProblem
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.ui.counter import MainWindow
from pos_app.ui.theme import default_window_size, screen_font_scale
from tests.helpers import wait_until
from tests.helpers.ui import Counter, running_counter

#: What a cashier needs of the rewards list to read a title and its expiry badge.
LIST_MIN_WIDTH = 420
#: A window title bar and frame, as common window managers draw them.
FRAME = QSize(16, 40)

DEMO = DemoInfo(cards=demo.DEMO_CARDS, email=demo.EMAIL_MAIN, faults=("piggy.list=503",))


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        await made.load_main_customer()
        yield made


def demo_window(counter: Counter) -> MainWindow:
    # The demo banner is the widest thing above the list: the same services, with it.
    window = MainWindow(counter.window.services, demo=DEMO)
    return window


@pytest.mark.asyncio
async def test_the_window_fits_a_1024_by_768_screen_with_its_frame(counter: Counter) -> None:
    window = counter.window
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() + FRAME.width() <= 1024, hint
    assert hint.height() + FRAME.height() <= 768, hint
    with_banner = demo_window(counter)
    demo_hint = with_banner.minimumSizeHint()
    with_banner.deleteLater()
    assert demo_hint.width() + FRAME.width() <= 1024, demo_hint
    assert demo_hint.height() + FRAME.height() <= 768, demo_hint


@pytest.mark.asyncio
async def test_at_800_px_the_rewards_list_keeps_its_room(counter: Counter) -> None:
    window = counter.window
    assert window.minimumSizeHint().width() <= 800
    window.resize(800, 600)
    await wait_until(lambda: window.width() == 800)
    await wait_until(lambda: window.rewards_list.width() >= LIST_MIN_WIDTH)
    # The side panel gave way first: still there, narrower than the list.
    assert window.progress_panel.width() < window.rewards_list.width()


@pytest.mark.asyncio
async def test_at_1024_px_the_list_is_wider_than_the_panel(counter: Counter) -> None:
    window = counter.window
    window.resize(1024 - FRAME.width(), 700)
    await wait_until(lambda: window.width() == 1024 - FRAME.width())
    await wait_until(lambda: window.rewards_list.width() > window.progress_panel.width())
    assert window.rewards_list.width() >= LIST_MIN_WIDTH


def test_the_default_size_fits_the_screen_with_its_frame() -> None:
    size = default_window_size(QSize(1366, 768))
    assert size.width() + FRAME.width() <= 1366
    assert size.height() + FRAME.height() <= 768
    # A large screen does not get a window of a laptop's size.
    large = default_window_size(QSize(1920, 1080))
    assert large.width() > 1366 - FRAME.width()
    assert large.height() + FRAME.height() <= 1080


@pytest.mark.asyncio
async def test_long_status_texts_do_not_widen_the_window(counter: Counter) -> None:
    window = counter.window
    before = window.minimumSizeHint().width()
    window.status.show_nudj_setup(NudjSetupProblem(misses=12, looked_up_by="email"))
    window.status.show_connection("Piggy cannot be reached: " + "the connection timed out " * 6)
    assert window.minimumSizeHint().width() <= max(before, 800)
    # Shortened on screen, whole in the tooltip.
    label = window.status.connection_label
    assert label.toolTip().endswith("timed out ")
    assert window.status.nudj_setup_label.toolTip()


def test_the_text_grows_on_large_screens_only() -> None:
    assert screen_font_scale(QSize(1366, 768)) == 1.0
    assert screen_font_scale(QSize(1024, 768)) == 1.0
    assert 1.15 <= screen_font_scale(QSize(1920, 1080)) <= 1.3
    assert screen_font_scale(QSize(3840, 2160)) == 1.3
