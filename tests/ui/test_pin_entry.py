"""PIN keypad and dialog (touch and keyboard), sign-in, idle sign-out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pos_app.services.staff import (
    PinCheck,
    PinOutcome,
    Role,
    SignInSession,
    StaffDirectory,
    StaffProfile,
    StaffService,
)
from pos_app.ui.async_support import await_dialog
from pos_app.ui.dialogs.pin_entry import PinDialog, PinEntry, describe_pin_check
from pos_app.ui.dialogs.sign_in import IdleSignOut, sign_in
from tests.helpers import staff_service, wait_until

ANN = StaffProfile(
    profile_id="p-ann",
    name="Ann",
    role=Role.MANAGER,
    active=True,
    created_at=datetime(2026, 1, 1, tzinfo=UTC),
)


def visible_dialog(name: str) -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


def test_keypad_and_keyboard_fill_the_same_masked_field(qtbot: QtBot) -> None:
    entry = PinEntry()
    qtbot.addWidget(entry)
    entry.show()
    field = entry.field
    assert field.echoMode() == QLineEdit.EchoMode.Password
    for digit in "123":
        QTest.mouseClick(entry.pad.keys[digit], Qt.MouseButton.LeftButton)
    assert field.text() == "123"
    QTest.keyClicks(field, "4a5b")  # letters are not taken
    assert field.text() == "12345"
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "1234"
    QTest.mouseClick(entry.pad.keys["backspace"], Qt.MouseButton.LeftButton)
    assert field.text() == "123"
    for digit in "4567890":
        QTest.mouseClick(entry.pad.keys[digit], Qt.MouseButton.LeftButton)
    assert field.text() == "12345678"  # at most 8 digits
    QTest.mouseClick(entry.pad.keys["clear"], Qt.MouseButton.LeftButton)
    assert field.text() == ""
    # Touching the keypad never takes the keyboard focus from the field.
    assert all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in entry.pad.keys.values())
    assert len(entry.pad.keys) == 12
    for key in entry.pad.keys.values():
        assert key.minimumWidth() >= 76
        assert key.minimumHeight() >= 60


def test_the_pin_cannot_be_copied_out(qtbot: QtBot) -> None:
    entry = PinEntry()
    qtbot.addWidget(entry)
    QTest.keyClicks(entry.field, "2468")
    QApplication.clipboard().setText("nothing")
    entry.field.selectAll()
    QTest.keyClick(entry.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(entry.field, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "nothing"
    assert entry.field.text() == "2468"


class FakeChecker:
    def __init__(self, right: str) -> None:
        self.right = right
        self.calls: list[tuple[str | None, str]] = []
        self.wrong = 0

    async def __call__(self, profile: StaffProfile | None, pin: str) -> PinCheck:
        self.calls.append((profile.profile_id if profile else None, pin))
        await asyncio.sleep(0)
        if pin == self.right:
            return PinCheck(PinOutcome.ACCEPTED, profile=ANN)
        self.wrong += 1
        return PinCheck(
            PinOutcome.WRONG, attempts_left=5 - self.wrong, next_lock=timedelta(minutes=5)
        )


@pytest.mark.asyncio
async def test_pin_dialog_from_the_keyboard() -> None:
    checker = FakeChecker("2468")
    dialog = PinDialog(checker, title="Manager approval", prompt="A manager's PIN, please.")
    rejected: list[str] = []
    dialog.pinRejected.connect(rejected.append)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    field = dialog.entry.field
    assert field.hasFocus() or dialog.focusWidget() is field
    QTest.keyClicks(field, "12")
    assert not dialog.ok_button.isEnabled()  # too short: Enter does nothing
    QTest.keyClick(field, Qt.Key.Key_Return)
    # A check, had one started, would say "Checking…" at once, before the checker runs.
    assert dialog.entry.message_text() == ""
    assert checker.calls == []
    QTest.keyClicks(field, "39")
    QTest.keyClick(field, Qt.Key.Key_Return)
    await wait_until(lambda: rejected)
    assert rejected == ["Wrong PIN. After 4 more wrong PINs, manager PINs are locked for 5 min."]
    assert dialog.entry.message_text() == rejected[0]
    assert field.text() == ""
    assert not waiting.done()
    QTest.keyClicks(field, "2468")
    QTest.keyClick(field, Qt.Key.Key_Enter)
    assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Accepted
    assert checker.calls == [(None, "1239"), (None, "2468")]
    assert dialog.accepted_profile == ANN
    assert field.text() == ""
    dialog.deleteLater()


class HeldChecker:
    """Accepts any PIN, but only once the test releases the answer."""

    def __init__(self) -> None:
        self.asked = asyncio.Event()
        self.release = asyncio.Event()
        self.cancelled = asyncio.Event()

    async def __call__(self, profile: StaffProfile | None, pin: str) -> PinCheck:
        self.asked.set()
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.cancelled.set()
            raise
        return PinCheck(PinOutcome.ACCEPTED, profile=ANN)


@pytest.mark.asyncio
async def test_closing_the_dialog_drops_the_check_still_running() -> None:
    checker = HeldChecker()
    dialog = PinDialog(checker, title="t", prompt="p")
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    QTest.keyClicks(dialog.entry.field, "2468")
    QTest.keyClick(dialog.entry.field, Qt.Key.Key_Return)
    await asyncio.wait_for(checker.asked.wait(), 5)
    # Busy while it checks: no second check, no typing.
    assert dialog.entry.message_text() == "Checking…"
    assert not dialog.ok_button.isEnabled()
    assert not dialog.entry.field.isEnabled()
    dialog.cancel_button.click()
    assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Rejected
    # The check was cancelled with the dialog: its answer can never land on it.
    await asyncio.wait_for(checker.cancelled.wait(), 5)
    assert dialog.accepted_profile is None
    dialog.deleteLater()


@pytest.mark.asyncio
async def test_escape_cancels_the_pin_dialog() -> None:
    checker = FakeChecker("2468")
    dialog = PinDialog(checker, title="t", prompt="p")
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    QTest.keyClicks(dialog.entry.field, "2468")
    QTest.keyClick(dialog.entry.field, Qt.Key.Key_Escape)
    assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Rejected
    assert checker.calls == []
    assert dialog.accepted_profile is None
    dialog.deleteLater()


def test_pin_check_texts() -> None:
    locked = PinCheck(PinOutcome.LOCKED, lock_left=timedelta(minutes=4, seconds=1))
    assert describe_pin_check(locked, approval=False) == (
        "Too many wrong PINs: locked for another 4 min 01 s. A manager can give you a new PIN."
    )
    long_lock = PinCheck(PinOutcome.LOCKED, lock_left=timedelta(hours=21, minutes=20))
    assert describe_pin_check(long_lock, approval=True) == (
        "Too many wrong PINs: manager approval is locked for another 21 h 20 min."
    )
    wrong = PinCheck(PinOutcome.WRONG, attempts_left=1, next_lock=timedelta(hours=24))
    assert describe_pin_check(wrong, approval=False) == (
        "Wrong PIN. After 1 more wrong PIN, this profile is locked for 24 h."
    )
    assert "more than one manager" in describe_pin_check(
        PinCheck(PinOutcome.AMBIGUOUS), approval=True
    )
    assert describe_pin_check(PinCheck(PinOutcome.INACTIVE), approval=False).startswith(
        "This profile is no longer active."
    )


@pytest_asyncio.fixture
async def staff(tmp_path: Path) -> AsyncIterator[StaffService]:
    async with staff_service(tmp_path / "staff.sqlite3") as service:
        yield service


@pytest.mark.asyncio
async def test_sign_in_picks_a_name_then_checks_that_persons_pin(staff: StaffService) -> None:
    session = SignInSession(idle_after=timedelta(minutes=10))
    assert await sign_in(staff, session, None) is None  # no staff: nobody to sign in
    await staff.call(StaffDirectory.add, "Ann", Role.CASHIER, "1234")
    bob = await staff.call(StaffDirectory.add, "Bob", Role.CASHIER, "5678")
    task = asyncio.ensure_future(sign_in(staff, session, None))
    await wait_until(lambda: visible_dialog("signInDialog") is not None)
    dialog = visible_dialog("signInDialog")
    assert isinstance(dialog, PinDialog)
    picker = dialog.staff_picker
    assert picker is not None
    assert [picker.itemText(i) for i in range(picker.count())] == ["Ann", "Bob"]
    rejected: list[str] = []
    dialog.pinRejected.connect(rejected.append)
    picker.setCurrentIndex(1)
    QTest.keyClicks(dialog.entry.field, "1234")  # Ann's PIN, not Bob's
    QTest.keyClick(dialog.entry.field, Qt.Key.Key_Return)
    await wait_until(lambda: rejected)
    assert rejected == ["Wrong PIN. After 4 more wrong PINs, this profile is locked for 5 min."]
    QTest.keyClicks(dialog.entry.field, "5678")
    QTest.keyClick(dialog.entry.field, Qt.Key.Key_Return)
    profile = await asyncio.wait_for(task, 5)
    assert profile is not None
    assert profile.profile_id == bob.profile_id
    assert session.staff == bob.ref


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_idle_sign_out_after_the_idle_time(qtbot: QtBot) -> None:
    clock = Clock()
    session = SignInSession(idle_after=timedelta(minutes=10), clock=clock)
    session.sign_in(ANN)
    watcher = IdleSignOut(session, check_interval_ms=60_000)
    signed_out: list[object] = []
    watcher.signedOut.connect(signed_out.append)
    watcher.start()
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    try:
        clock.now += timedelta(minutes=9)
        QTest.keyClick(widget, Qt.Key.Key_A)  # someone is working
        clock.now += timedelta(minutes=9)
        watcher.check_now()
        assert signed_out == []
        assert session.staff == ANN.ref
        clock.now += timedelta(minutes=1)
        watcher.check_now()
        assert signed_out == [ANN]
        assert session.profile is None
    finally:
        watcher.stop()
        watcher.deleteLater()
