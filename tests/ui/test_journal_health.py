"""The app started on a journal that lost rows: hand-overs wait for a manager."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role, StaffDirectory, StaffService
from pos_app.storage import Journal
from pos_app.ui.app import run_app
from pos_app.ui.counter import HAND_OVER, LOOKUP, MainWindow
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.staff import FirstManagerDialog
from tests.helpers import FAST_SCRYPT, wait_until
from tests.helpers.ui import dialog_of, visible
from tests.storage.helpers import collect, cut_rows_after, make_damaged_journal

MANAGER_PIN = "246810"


@dataclass
class Started:
    window: MainWindow
    settings: Settings
    run: asyncio.Future[int]

    async def load_main_customer(self) -> None:
        self.window.search_input.setText(demo.CARD_MAIN)
        QTest.keyClick(self.window.search_input, Qt.Key.Key_Return)
        await wait_until(lambda: self.window.model.rowCount() > 0)
        await wait_until(lambda: not self.window.tasks.is_running(LOOKUP))

    async def close(self) -> None:
        for kind in (PinDialog, FirstManagerDialog):
            while (dialog := visible(kind)) is not None:
                dialog.reject()
        self.window.close()
        assert await asyncio.wait_for(self.run, 10) == 0


def _banner(window: MainWindow) -> tuple[QWidget, QLabel]:
    """The journal check's banner, on screen, and its text."""
    banner = window.findChild(QWidget, "journalHealthBanner")
    assert banner is not None
    assert banner.isVisible()
    text = banner.findChild(QLabel, "journalHealthText")
    assert text is not None
    return banner, text


@pytest.fixture
def settings(app_settings: Settings, tmp_path: Path) -> Settings:
    return app_settings.with_overrides(data_dir=tmp_path / "data")


async def _with_manager(settings: Settings, secrets: SecretStore) -> None:
    staff = await StaffService.open(
        settings.staff_path, pin_key=secrets.staff_pin_key(), scrypt=FAST_SCRYPT
    )
    try:
        await staff.call(StaffDirectory.add, "Max Manager", Role.MANAGER, MANAGER_PIN)
    finally:
        await staff.aclose()


def _journal_with_pickups(settings: Settings, pickups: int) -> None:
    with Journal.open(settings.journal_path, shop_uuid=None, counter="c1") as journal:
        for n in range(1, pickups + 1):
            collect(journal, n)


async def _start(settings: Settings, secrets: SecretStore) -> Started:
    shown: list[MainWindow] = []
    run = asyncio.ensure_future(
        run_app(settings, build_clients(settings, secrets), secrets=secrets, on_shown=shown.append)
    )
    await wait_until(lambda: shown or run.done())
    assert shown, run.result()
    window = shown[0]
    await wait_until(lambda: window.tasks.pending == 0)
    return Started(window, settings, run)


@pytest.mark.asyncio
async def test_a_shortened_journal_holds_hand_overs_until_a_manager_acknowledges(
    qtbot: QtBot, settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    # The journal lost its last 4 rows while the app was not running.
    _journal_with_pickups(settings, pickups=3)
    cut_rows_after(settings.journal_path, 2)
    await _with_manager(settings, demo_secrets)
    # Closed in the test, not a fixture: the app's task must not outlive the test body.
    started = await _start(settings, demo_secrets)
    try:
        await _acknowledge_shortened(started)
    finally:
        await started.close()


async def _acknowledge_shortened(shortened: Started) -> None:
    window = shortened.window
    banner, text = _banner(window)
    assert text.text() == (
        "The pickup journal is shorter than it was: it has 2 rows, but the copy of its end "
        "kept beside it says 6, so the last 4 rows are missing. Hand-overs are held until "
        "a manager has seen this and acknowledges it."
    )
    await shortened.load_main_customer()
    assert window.rewards_list.selected_items()
    assert not window.hand_over_button.isEnabled()
    window.hand_over.start_selected()  # Enter on the list lands here as well
    assert window.tasks.is_running(HAND_OVER) is False
    assert window.message_bar.text() == (
        "Not handed over: hand-overs are held until a manager acknowledges the journal check above."
    )

    acknowledge = banner.findChild(QPushButton, "journalAcknowledgeButton")
    assert acknowledge is not None
    QTest.mouseClick(acknowledge, Qt.MouseButton.LeftButton)
    approval = await dialog_of(PinDialog)
    QTest.keyClicks(approval.entry.field, MANAGER_PIN)
    QTest.keyClick(approval, Qt.Key.Key_Return)
    await wait_until(lambda: not banner.isVisible())

    assert window.hand_over_button.isEnabled()
    assert window.message_bar.text() == ("Acknowledged by Max Manager; hand-overs can start again.")
    with Journal.open_read_only(shortened.settings.journal_path) as journal:
        (event,) = journal.events(kind="journal_check_acknowledged")
        assert event.staff_name == "Max Manager"
        assert "shorter than it was" in (event.note or "")
        assert journal.verify().ok


@pytest.mark.asyncio
async def test_without_a_manager_the_it_contact_acknowledges(
    qtbot: QtBot, settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    _journal_with_pickups(settings, pickups=2)
    for suffix in ("", "-wal", "-shm"):
        settings.journal_path.with_name(f"journal.sqlite3{suffix}").unlink(missing_ok=True)
    started = await _start(settings, demo_secrets)
    try:
        window = started.window
        banner, text = _banner(window)
        assert text.text().startswith(
            "The pickup journal is missing: the copy of its end kept beside it says it had "
            "4 rows. A new, empty journal was started."
        )
        acknowledge = banner.findChild(QPushButton, "journalAcknowledgeButton")
        assert acknowledge is not None
        QTest.mouseClick(acknowledge, Qt.MouseButton.LeftButton)
        await wait_until(lambda: "cannot be acknowledged here" in text.text())
        # Whom to ask, not a command line (the log names it for the IT contact).
        assert text.text().endswith("Ask your IT contact.")
        # Nobody at the counter can make themselves the manager who approves it.
        assert visible(FirstManagerDialog) is None
        assert banner.isVisible()
    finally:
        await started.close()


@pytest.mark.asyncio
async def test_a_damaged_journal_switches_hand_overs_off(
    qtbot: QtBot, settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    make_damaged_journal(settings.journal_path)
    started = await _start(settings, demo_secrets)
    try:
        window = started.window
        assert window.message_bar.text().startswith(
            "The pickup journal is damaged: SQLite's check found errors in the file, so "
            "hand-overs are switched off."
        )
        assert not window.recent_button.isEnabled()
        await started.load_main_customer()
        assert not window.hand_over_button.isEnabled()
    finally:
        await started.close()
