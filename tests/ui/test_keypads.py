"""Keypads in dialogs never clip, keys have gaps, fields line up; a PIN lock shuts the keypad."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from typing import cast

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pos_app.services.staff import PinCheck, PinOutcome, StaffService
from pos_app.storage import OpState, ReverseReason, StaffRef
from pos_app.ui.async_support import await_dialog
from pos_app.ui.counter.kiosk import FONT_SCALE
from pos_app.ui.dialogs.pin_entry import PinDialog, PinPad, describe_pin_check
from pos_app.ui.managers.reverse_dialog import ReverseDialog
from pos_app.ui.managers.staff import FirstManagerDialog
from tests.helpers import wait_until
from tests.helpers.rows import journal_row


@pytest.fixture(params=[1.0, FONT_SCALE], ids=["desktop", "kiosk font"])
def font_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    old = QApplication.font()
    font = QFont(old)
    font.setPointSizeF(old.pointSizeF() * request.param)
    QApplication.setFont(font)
    yield request.param
    QApplication.setFont(old)


def geometry_in(dialog: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def assert_keypad_whole(dialog: QDialog, pad: PinPad) -> None:
    """Every key at its full size, inside the dialog, with a gap to its neighbours."""
    keys = [geometry_in(dialog, key) for key in pad.keys.values()]
    for name, key, rect in zip(pad.keys, pad.keys.values(), keys, strict=True):
        assert key.isVisible(), name
        assert key.height() >= key.minimumHeight(), (name, key.size())
        assert key.width() >= key.minimumWidth(), (name, key.size())
        assert dialog.rect().contains(rect), (name, rect, dialog.size())
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert not a.adjusted(-3, -3, 3, 3).intersects(b), (a, b)


async def shown(dialog: QDialog) -> asyncio.Future[int]:
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    return waiting


async def closed(dialog: QDialog, waiting: asyncio.Future[int]) -> None:
    dialog.reject()
    await asyncio.wait_for(waiting, 5)
    dialog.deleteLater()


@pytest.mark.asyncio
async def test_the_reverse_dialogs_keypad_stays_whole_after_a_message(font_scale: float) -> None:
    dialog = ReverseDialog(journal_row(1, OpState.CONFIRMED), cast(StaffService, object()))
    waiting = await shown(dialog)
    assert_keypad_whole(dialog, dialog.pin.pad)
    dialog.confirm_button.click()  # no reason chosen: a message line appears
    assert dialog.message.text() == "Choose why the pickup is reversed."
    await wait_until(lambda: dialog.pin.pad.keys["0"].height() >= 60)
    assert_keypad_whole(dialog, dialog.pin.pad)
    assert dialog.rect().contains(geometry_in(dialog, dialog.confirm_button))
    await closed(dialog, waiting)


@pytest.mark.asyncio
async def test_the_first_manager_dialog_keeps_its_keypad_and_lines_up(font_scale: float) -> None:
    dialog = FirstManagerDialog(cast(StaffService, object()))
    waiting = await shown(dialog)
    dialog.ok_button.click()  # no name: a message line appears
    assert dialog.message.text() == "Type the manager's name."
    await wait_until(lambda: dialog.pins.pad.keys["0"].height() >= 60)
    assert_keypad_whole(dialog, dialog.pins.pad)
    fields = [dialog.name_input, dialog.pins.pin, dialog.pins.repeat]
    assert len({geometry_in(dialog, f).left() for f in fields}) == 1
    assert len({f.width() for f in fields}) == 1
    await closed(dialog, waiting)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class LockedChecker:
    def __init__(self, left: timedelta) -> None:
        self.left = left
        self.calls = 0

    async def __call__(self, profile: object, pin: str) -> PinCheck:
        self.calls += 1
        return PinCheck(PinOutcome.LOCKED, lock_left=self.left)


@pytest.mark.asyncio
async def test_while_locked_the_keypad_and_ok_are_off_and_the_time_counts_down() -> None:
    checker = LockedChecker(timedelta(minutes=4, seconds=5))
    dialog = PinDialog(checker, title="Manager approval", prompt="A manager's PIN, please.")
    clock = FakeClock()
    dialog.entry._monotonic = clock  # the lock is counted on this clock
    waiting = await shown(dialog)
    QTest.keyClicks(dialog.entry.field, "2468")
    dialog.ok_button.click()
    await wait_until(lambda: checker.calls == 1 and dialog.entry.locked)
    entry = dialog.entry
    assert entry.message_text() == (
        "Too many wrong PINs: manager approval is locked for another 4 min 05 s."
    )
    assert not entry.field.isEnabled()
    assert not entry.pad.isEnabled()
    assert not dialog.ok_button.isEnabled()
    QTest.keyClicks(entry.field, "2468")
    assert entry.field.text() == ""
    clock.now += 61
    await wait_until(lambda: "3 min 04 s" in entry.message_text())
    clock.now += 3 * 60 + 4
    await wait_until(lambda: not entry.locked)
    assert entry.field.isEnabled()
    assert entry.pad.isEnabled()
    assert entry.message_text() == "You can type a PIN again."
    QTest.keyClicks(entry.field, "2468")
    assert dialog.ok_button.isEnabled()
    assert checker.calls == 1
    await closed(dialog, waiting)


class LockedStaff:
    """Manager approval is locked (too many wrong PINs before)."""

    def __init__(self) -> None:
        self.calls = 0

    async def verify_manager_pin(self, pin: str, *, asked_by: StaffRef | None = None) -> PinCheck:
        self.calls += 1
        return PinCheck(PinOutcome.LOCKED, lock_left=timedelta(minutes=5))


@pytest.mark.asyncio
async def test_while_locked_the_reverse_button_and_keypad_are_off() -> None:
    staff = LockedStaff()
    dialog = ReverseDialog(journal_row(1, OpState.CONFIRMED), cast(StaffService, staff))
    waiting = await shown(dialog)
    dialog.choose(ReverseReason.RETURNED)
    QTest.keyClicks(dialog.pin.field, "246810")
    dialog.confirm_button.click()
    await wait_until(lambda: dialog.pin.locked)
    assert dialog.pin.message_text() == (
        "Too many wrong PINs: manager approval is locked for another 5 min 00 s."
    )
    assert not dialog.confirm_button.isEnabled()
    assert not dialog.pin.pad.isEnabled()
    assert not dialog.pin.field.isEnabled()
    # Digits typed anywhere in the dialog go nowhere while locked.
    QTest.keyClicks(dialog, "1234")
    assert dialog.pin.pin() == ""
    assert staff.calls == 1
    await closed(dialog, waiting)


def test_wrong_pin_counts_are_said_in_plurals() -> None:
    four = PinCheck(PinOutcome.WRONG, attempts_left=4, next_lock=timedelta(minutes=5))
    one = PinCheck(PinOutcome.WRONG, attempts_left=1, next_lock=timedelta(minutes=5))
    assert describe_pin_check(four, approval=True) == (
        "Wrong PIN. After 4 more wrong PINs, manager PINs are locked for 5 min."
    )
    assert describe_pin_check(one, approval=False) == (
        "Wrong PIN. After 1 more wrong PIN, this profile is locked for 5 min."
    )
