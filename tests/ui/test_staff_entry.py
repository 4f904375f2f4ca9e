"""The managers' own Staff… entry, for the counter's status bar or a menu."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStatusBar, QWidget

from pos_app.services.staff import Role, StaffDirectory, StaffService
from pos_app.storage import StaffRef
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.staff import StaffDialog, StaffEntry
from tests.helpers import staff_service, wait_until
from tests.helpers.ui import dialog_of, visible


@pytest_asyncio.fixture
async def staff(tmp_path: Path) -> AsyncIterator[StaffService]:
    async with staff_service(tmp_path / "staff.sqlite3") as service:
        try:
            yield service
        finally:
            for kind in (StaffDialog, PinDialog):
                while (left := visible(kind)) is not None:
                    left.reject()


@pytest.mark.asyncio
async def test_a_manager_opens_the_staff_list_from_the_status_bar(staff: StaffService) -> None:
    await staff.call(StaffDirectory.add, "Max", Role.MANAGER, "246810")
    cashier = await staff.call(StaffDirectory.add, "Cas", Role.CASHIER, "1357")
    window = QWidget()
    bar = QStatusBar(window)
    tasks = TaskOwner()
    entry = StaffEntry(staff, tasks, window, asked_by=lambda: cashier.ref)
    bar.addPermanentWidget(entry.button)
    window.show()
    try:
        assert entry.button.text() == "Staff…"
        assert entry.button.objectName() == "staffEntryButton"
        assert entry.button.isEnabled()
        assert "manager" in entry.button.toolTip().lower()
        QTest.mouseClick(entry.button, Qt.MouseButton.LeftButton)
        approval = await dialog_of(PinDialog)
        # One entry at a time: a second click opens nothing more.
        entry.open()
        assert tasks.pending == 1
        QTest.keyClicks(approval.entry.field, "246810")
        QTest.keyClick(approval.entry.field, Qt.Key.Key_Return)
        dialog = await dialog_of(StaffDialog)
        await wait_until(lambda: dialog.model.rowCount() == 2)
        dialog.reject()
        await wait_until(lambda: tasks.pending == 0)
    finally:
        await tasks.cancel_all()
        window.close()
        window.deleteLater()


@pytest.mark.asyncio
async def test_without_a_staff_list_the_entry_says_why() -> None:
    window = QWidget()
    tasks = TaskOwner()
    asked: list[StaffRef | None] = []
    entry = StaffEntry(None, tasks, window, asked_by=lambda: asked[-1] if asked else None)
    try:
        assert not entry.button.isEnabled()
        assert "cannot be opened" in entry.button.toolTip()
        entry.open()
        assert tasks.pending == 0
    finally:
        window.deleteLater()
