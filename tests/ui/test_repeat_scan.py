"""A card read twice is one lookup: the scanner's double read never asks Piggy again.

Each test counts the identifier calls the simulator saw once the counter is idle again,
and moves the lock's clock itself: nothing here waits for the lock time to pass.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.scan_lock import REPEAT_LOCK_SECONDS, RepeatScanLock
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role
from pos_app.ui.counter import LOOKUP
from tests.helpers import wait_until
from tests.helpers.ui import Counter, running_counter

IDENTIFIER = "piggy.identifier"


class LockClock:
    """The lock's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def lock_clock() -> LockClock:
    return LockClock()


async def _counter(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, sim: Simulator, clock: LockClock
) -> AsyncIterator[Counter]:
    # A kiosk asks for its first manager otherwise.
    staff = (("Morgan Manager", Role.MANAGER, "246810"),)
    async with running_counter(qtbot, settings, secrets, sim, staff_members=staff) as made:
        made.window.counter.repeat_scans = RepeatScanLock(clock=clock)
        yield made


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    lock_clock: LockClock,
) -> AsyncIterator[Counter]:
    async for made in _counter(qtbot, app_settings, demo_secrets, simulator, lock_clock):
        yield made


@pytest_asyncio.fixture
async def kiosk(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    lock_clock: LockClock,
) -> AsyncIterator[Counter]:
    settings = app_settings.with_overrides(kiosk=True)
    async for made in _counter(qtbot, settings, demo_secrets, simulator, lock_clock):
        yield made


def scan_keys(text: str) -> None:
    """What a scanner does: the code's keys, then Enter, each at whatever has the focus
    (the first key of a scan takes the focus to the scan field)."""
    for key in [*text, Qt.Key.Key_Return]:
        target = QApplication.focusWidget()
        assert target is not None
        QTest.keyClick(target, key)


async def idle(counter: Counter) -> None:
    await wait_until(lambda: not counter.window.tasks.is_running(LOOKUP))
    await counter.settle()


async def shown(counter: Counter, name: str) -> None:
    await wait_until(lambda: counter.window.customer_header.name_label.text() == name)
    await idle(counter)


@pytest.mark.asyncio
async def test_the_same_card_again_while_its_lookup_runs_asks_piggy_once(
    counter: Counter,
) -> None:
    sim, window = counter.sim, counter.window
    sim.set_fault(IDENTIFIER, "hold@1")
    scan_keys(demo.CARD_MAIN)
    await wait_until(lambda: sim.held(IDENTIFIER) == 1)
    scan_keys(demo.CARD_MAIN)
    assert window.message_bar.text() == "Looking up the customer…"
    assert sim.release(IDENTIFIER) == 1
    await shown(counter, "Robin de Vries")
    assert window.model.rowCount() > 0
    assert sim.calls(IDENTIFIER) == 1


@pytest.mark.asyncio
async def test_the_same_card_right_after_the_customer_showed_changes_nothing(
    counter: Counter, lock_clock: LockClock
) -> None:
    window = counter.window
    await counter.load_main_customer()
    rows = window.model.rowCount()
    lock_clock.now += REPEAT_LOCK_SECONDS - 0.5
    scan_keys(demo.CARD_MAIN)
    assert not window.tasks.is_running(LOOKUP)
    await idle(counter)
    assert window.customer_header.name_label.text() == "Robin de Vries"
    assert window.model.rowCount() == rows
    assert counter.sim.calls(IDENTIFIER) == 1


@pytest.mark.asyncio
async def test_after_the_lock_time_the_same_card_is_looked_up_again(
    counter: Counter, lock_clock: LockClock
) -> None:
    await counter.load_main_customer()
    lock_clock.now += REPEAT_LOCK_SECONDS + 0.1
    scan_keys(demo.CARD_MAIN)
    assert counter.window.tasks.is_running(LOOKUP)
    await shown(counter, "Robin de Vries")
    assert counter.sim.calls(IDENTIFIER) == 2


@pytest.mark.asyncio
async def test_another_card_right_away_is_looked_up_at_once(counter: Counter) -> None:
    await counter.load_main_customer()
    scan_keys(demo.CARD_EMPTY)
    await shown(counter, "Alex Peters")
    assert counter.sim.calls(IDENTIFIER) == 2


@pytest.mark.asyncio
async def test_a_failed_lookup_is_retried_by_the_next_scan_of_the_same_card(
    counter: Counter,
) -> None:
    counter.sim.set_fault(IDENTIFIER, "error:404@1")
    scan_keys(demo.CARD_MAIN)
    await idle(counter)
    assert counter.window.customer is None
    scan_keys(demo.CARD_MAIN)
    await shown(counter, "Robin de Vries")
    assert counter.sim.calls(IDENTIFIER) == 2


@pytest.mark.asyncio
async def test_a_kiosk_customer_who_taps_done_and_scans_again_is_shown_again(
    kiosk: Counter,
) -> None:
    window = kiosk.window
    scan_keys(demo.CARD_MAIN)
    await shown(kiosk, "Robin de Vries")
    scan_keys(demo.CARD_MAIN)  # the card still under the scanner: nothing new
    assert not window.tasks.is_running(LOOKUP)
    done = window.counter_screen.customer_page.done_button
    assert done is not None
    done.click()
    await wait_until(lambda: window.pages.currentIndex() == 0)
    scan_keys(demo.CARD_MAIN)
    await shown(kiosk, "Robin de Vries")
    assert window.pages.currentIndex() == 1
    assert kiosk.sim.calls(IDENTIFIER) == 2
