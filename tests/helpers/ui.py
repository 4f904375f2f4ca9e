"""For tests that drive the real widgets: waiting on the loop, finding dialogs, and a whole
counter (window, journal, staff, clients) against the simulator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import ApiClients, build_clients
from pos_app.services.counter import CounterServices
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import (
    Role,
    StaffDirectory,
    StaffService,
    journal_lockouts,
)
from pos_app.storage import AsyncJournal, Journal, OpState
from pos_app.ui.counter import HAND_OVER, LOOKUP, MainWindow
from pos_app.ui.rewards.hand_over_dialog import HandOverDialog
from tests.helpers import FAST_SCRYPT, STAFF_PIN_KEY, RetryWaits, wait_until

W = TypeVar("W", bound=QWidget)


def visible(kind: type[W]) -> W | None:
    """The top-level window of this type that is on screen, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


async def dialog_of(kind: type[W]) -> W:
    """Wait for a window of this type to be shown, and return it."""
    await wait_until(lambda: visible(kind) is not None)
    found = visible(kind)
    assert found is not None
    return found


def open_dialog() -> HandOverDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, HandOverDialog) and widget.isVisible():
            return widget
    return None


def pictures_loading(window: MainWindow) -> bool:
    urls = {item.picture_url for item in window.model.items() if item.picture_url}
    # The progress panel beside the list loads its pictures from the same cache.
    panel = window.progress_panel
    urls |= panel.challenges.picture_urls() | panel.nudj_rewards.picture_urls()
    return any(window.pictures.is_loading(url) for url in urls)


async def settle(window: MainWindow) -> None:
    """Wait for background work (pictures, follow-up calls) so no test ends mid-request."""
    await wait_until(lambda: not pictures_loading(window) and window.tasks.pending == 0)


@dataclass
class Counter:
    window: MainWindow
    sim: Simulator
    journal: AsyncJournal
    clients: ApiClients
    data_dir: Path
    staff: StaffService
    retry_waits: RetryWaits

    @property
    def customer_uuid(self) -> str:
        return self.sim.state.data.contact_for_card(demo.CARD_MAIN).uuid

    def waiting_on_server(self) -> set[str]:
        data = self.sim.state.data
        return {i.uuid for i in data.items_of(self.customer_uuid) if not i.collected}

    async def scan(self, text: str) -> None:
        self.window.search_input.setFocus()
        self.window.search_input.setText(text)
        QTest.keyClick(self.window.search_input, Qt.Key.Key_Return)
        await wait_until(lambda: not self.window.tasks.is_running(LOOKUP))

    async def load_main_customer(self) -> None:
        await self.scan(demo.CARD_MAIN)
        await wait_until(lambda: self.window.model.rowCount() > 0)
        await self.settle()

    async def settle(self) -> None:
        """Wait for background work (pictures, follow-up calls) so no test ends mid-request."""
        await settle(self.window)

    async def confirm_hand_over(self) -> None:
        """Hand the selected rewards over and confirm (a sign-in or PIN may come next)."""
        self.window.hand_over_button.click()
        await wait_until(open_dialog)
        dialog = open_dialog()
        assert dialog is not None
        dialog.confirm_button.click()

    async def hand_over_finished(self) -> None:
        await wait_until(lambda: not self.window.tasks.is_running(HAND_OVER))
        await self.settle()

    async def journal_states(self) -> list[OpState]:
        return [op.state for op in await self.journal.call(Journal.recent_operations)]


async def make_counter(
    qtbot: QtBot,
    settings: Settings,
    secrets: SecretStore,
    simulator: Simulator,
    clock: Callable[[], datetime] | None = None,
    staff_members: Sequence[tuple[str, Role, str]] = (),
    *,
    settle: bool = True,
    config_file: Path | None = None,
) -> Counter:
    retry_waits = RetryWaits()
    clients = build_clients(settings, secrets, sleep=retry_waits)
    journal = await AsyncJournal.open(
        settings.journal_path, shop_uuid=settings.shop_uuid, counter="test-counter"
    )
    staff = await StaffService.open(
        settings.staff_path,
        pin_key=STAFF_PIN_KEY,
        on_lockout=journal_lockouts(journal),
        scrypt=FAST_SCRYPT,
    )
    for name, role, pin in staff_members:
        await staff.call(StaffDirectory.add, name, role, pin)
    # Not handed to qtbot: pytest-qt would close it between test phases, when no loop runs
    # for its async shutdown; close_counter() closes it on the loop.
    window = MainWindow(
        CounterServices(
            settings,
            clients,
            journal=journal,
            staff=staff,
            secrets=secrets if config_file is not None else None,
            config_file=config_file,
        ),
        clock=clock,
    )
    window.show()
    window.activateWindow()
    await wait_until(window.isActiveWindow)
    window.start()
    if settle:
        # Let the start-up calls finish here: pytest-qt processes Qt events between test
        # phases, when no asyncio loop runs, and a task step run from there has no loop.
        await wait_until(lambda: window.tasks.pending == 0)
    return Counter(window, simulator, journal, clients, settings.data_dir, staff, retry_waits)


async def close_counter(counter: Counter) -> None:
    closed = asyncio.Event()
    counter.window.closed.connect(closed.set)
    if counter.window.kiosk is not None:
        counter.window.kiosk.unlocked = True  # as if a manager had typed their PIN
    # A window the test closed itself (Settings saved) and waited for is closed already.
    if counter.window.isVisible():
        counter.window.close()
        await asyncio.wait_for(closed.wait(), 5)
    await counter.window.services.aclose()
    await delete_widget(counter.window)


async def delete_widget(widget: QWidget) -> None:
    """Delete a closed window now, not at the end of the run: every widget left alive is
    polished again whenever the application's style sheet changes (kiosk mode changes it),
    so each test would make the next ones slower."""
    gone = asyncio.Event()
    widget.destroyed.connect(gone.set)
    widget.deleteLater()
    await asyncio.wait_for(gone.wait(), 5)


@asynccontextmanager
async def running_counter(
    qtbot: QtBot,
    settings: Settings,
    secrets: SecretStore,
    simulator: Simulator,
    clock: Callable[[], datetime] | None = None,
    staff_members: Sequence[tuple[str, Role, str]] = (),
    *,
    settle: bool = True,
    config_file: Path | None = None,
) -> AsyncIterator[Counter]:
    """:func:`make_counter` for the block, closed on the loop after it (``config_file``:
    Settings can be opened and saved there)."""
    made = await make_counter(
        qtbot,
        settings,
        secrets,
        simulator,
        clock,
        staff_members,
        settle=settle,
        config_file=config_file,
    )
    try:
        yield made
    finally:
        await close_counter(made)


def png(color: str = "#2e7d32", width: int = 120, height: int = 80) -> bytes:
    """A picture as a picture server sends it: a PNG of one colour."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImageWriter(buffer, QByteArray(b"png")).write(image)
    return bytes(buffer.data().data())
