"""Staff management for managers: manager approval, the staff list and its actions."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester

from pos_app.services.staff import Role, StaffDirectory, StaffProfile, StaffService
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.staff import FirstManagerDialog, StaffDialog, ask_manager_pin, manage_staff
from pos_app.ui.managers.staff.forms import StaffFormDialog
from pos_app.ui.managers.staff.list_dialog import StaffColumn, StaffTableModel
from tests.helpers import staff_service, wait_until
from tests.helpers.ui import dialog_of, visible


@pytest_asyncio.fixture
async def staff(tmp_path: Path) -> AsyncIterator[StaffService]:
    async with staff_service(tmp_path / "staff.sqlite3") as service:
        try:
            yield service
        finally:
            for kind in (StaffFormDialog, StaffDialog, PinDialog, FirstManagerDialog):
                while (left := visible(kind)) is not None:
                    left.reject()


def test_staff_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    now = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    created = now - timedelta(days=3)
    profiles = [
        StaffProfile("a", "Ann", Role.MANAGER, True, created),
        StaffProfile("b", "Bob", Role.CASHIER, True, created, now + timedelta(minutes=3)),
        StaffProfile("c", "Cas", Role.CASHIER, False, created),
        StaffProfile("d", "Dee", Role.CASHIER, True, created, now - timedelta(minutes=1)),
    ]
    model = StaffTableModel()
    model.set_profiles(profiles, now)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    column = [model.index(r, StaffColumn.STATUS).data() for r in range(4)]
    assert column[0] == "Active"
    assert column[1] == "Locked, 3 min left"
    assert column[2:] == ["Deactivated", "Active"]
    assert [model.index(r, StaffColumn.ROLE).data() for r in range(4)] == [
        "Manager",
        "Cashier",
        "Cashier",
        "Cashier",
    ]
    model.set_profiles([], now)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


async def _confirm_message_box() -> None:
    await wait_until(
        lambda: any(
            isinstance(w, QMessageBox) and w.objectName() == "staffConfirm" and w.isVisible()
            for w in QApplication.topLevelWidgets()
        )
    )
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            buttons = [
                b
                for b in widget.buttons()
                if widget.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
            ]
            buttons[0].click()
            return


async def _fill_form(
    name: str | None = None, pin: str | None = None, role: Role | None = None
) -> StaffFormDialog:
    form = await dialog_of(StaffFormDialog)
    if name is not None:
        assert form.name_input is not None
        form.name_input.clear()
        QTest.keyClicks(form.name_input, name)
    if role is not None:
        assert form.role_input is not None
        form.role_input.setCurrentIndex(form.role_input.findData(role.value))
    if pin is not None:
        assert form.pins is not None
        for digit in pin:  # the keypad types into the first field, then the second
            QTest.mouseClick(form.pins.pad.keys[digit], Qt.MouseButton.LeftButton)
        form.pins.repeat.setFocus()
        QTest.keyClicks(form.pins.repeat, pin)
    QTest.keyClick(form, Qt.Key.Key_Return)
    return form


@pytest.mark.asyncio
async def test_manager_manages_staff(staff: StaffService) -> None:
    max_ = await staff.call(StaffDirectory.add, "Max", Role.MANAGER, "246810")
    flow = asyncio.ensure_future(manage_staff(staff, None))
    approval = await dialog_of(PinDialog)
    QTest.keyClicks(approval.entry.field, "246810")
    QTest.keyClick(approval.entry.field, Qt.Key.Key_Return)
    dialog = await dialog_of(StaffDialog)
    await wait_until(lambda: dialog.model.rowCount() == 1 and not dialog.is_busy())
    changed: list[bool] = []
    dialog.staffChanged.connect(lambda: changed.append(True))

    # Add a cashier.
    dialog.add_button.click()
    await _fill_form("Cas Jansen", "13579", Role.CASHIER)
    await wait_until(lambda: dialog.model.rowCount() == 2 and not dialog.is_busy())
    cas = next(p for p in dialog.model.profiles() if p.name == "Cas Jansen")
    assert cas.role is Role.CASHIER
    assert (await staff.verify_pin(cas.profile_id, "13579")).accepted
    assert dialog.selected_profile() == cas

    # Rename.
    dialog.rename_button.click()
    await _fill_form("Cas Bakker")
    await wait_until(
        lambda: (p := dialog.selected_profile()) is not None and p.name == "Cas Bakker"
    )
    await wait_until(lambda: not dialog.is_busy())

    # Make manager, after a confirmation.
    assert dialog.role_button.text() == "Make manager"
    dialog.role_button.click()
    await _confirm_message_box()
    await wait_until(lambda: (p := dialog.selected_profile()) is not None and p.is_manager)
    assert dialog.role_button.text() == "Make cashier"
    # The list shows the change before the dialog has finished reading the staff again; its
    # buttons come back after that, as for a manager at the counter.
    await wait_until(lambda: not dialog.is_busy())

    # New PIN: Cas is a manager now, so at least six digits.
    dialog.pin_button.click()
    form = await _fill_form(pin="97531")
    assert form.pins is not None
    assert form.pins.pin_label.text() == "PIN (6–8 digits)"
    assert form.message.text() == "A manager's PIN has 6 to 8 digits."
    form.pins.clear()
    await _fill_form(pin="975310")
    await wait_until(lambda: not dialog.is_busy())
    assert (await staff.verify_pin(cas.profile_id, "975310")).accepted

    # Deactivate Max; then Cas, the last manager, cannot be.
    assert dialog.select_profile(max_.profile_id)
    dialog.deactivate_button.click()
    await _confirm_message_box()
    await wait_until(
        lambda: (
            (p := dialog.selected_profile()) is not None and not p.active and not dialog.is_busy()
        )
    )
    assert not dialog.rename_button.isEnabled()
    assert dialog.model.index(1, StaffColumn.STATUS).data() == "Deactivated"
    assert dialog.select_profile(cas.profile_id)
    dialog.deactivate_button.click()
    await _confirm_message_box()
    await wait_until(lambda: dialog.message.isVisible())
    assert dialog.message.text().startswith("This is the last manager")
    assert len(changed) == 5

    dialog.close_button.click()
    assert await asyncio.wait_for(flow, 5) is True


@pytest.mark.asyncio
async def test_form_problems_are_shown_in_the_form(staff: StaffService) -> None:
    await staff.call(StaffDirectory.add, "Max", Role.MANAGER, "246810")
    dialog = StaffDialog(staff)
    dialog.show()
    try:
        await wait_until(lambda: dialog.model.rowCount() == 1 and not dialog.is_busy())
        dialog.add_button.click()
        form = await _fill_form("max", "1111")  # name taken (case ignored)
        await wait_until(lambda: form.message.isVisible() and form.message.text() != "")
        assert form.message.text().startswith("Someone else already has this name.")
        assert form.name_input is not None
        form.name_input.setText("Eva")
        assert form.pins is not None
        assert form.pins.pin_label.text() == "PIN (4–8 digits)"
        form.role_input.setCurrentIndex(form.role_input.findData("manager"))  # type: ignore[union-attr]
        assert form.pins.pin_label.text() == "PIN (6–8 digits)"
        form.pins.clear()
        QTest.keyClicks(form.pins.pin, "246810")
        QTest.keyClicks(form.pins.repeat, "246810")  # Max's PIN: a manager PIN must be unique
        QTest.keyClick(form, Qt.Key.Key_Return)
        await wait_until(lambda: form.message.text() == "Choose another PIN.")
        assert form.pins.pin.text() == ""
        QTest.keyClicks(form.pins.pin, "123")
        QTest.keyClick(form, Qt.Key.Key_Return)
        assert form.message.text() == "A PIN has 4 to 8 digits."
        QTest.keyClick(form, Qt.Key.Key_Escape)
        await wait_until(lambda: not dialog.is_busy())
        assert dialog.model.rowCount() == 1
    finally:
        dialog.reject()
        dialog.deleteLater()


def _tab_after(widget: QWidget) -> QWidget:
    """The widget Tab moves to from ``widget`` (the focus chain also holds labels)."""
    following = widget.nextInFocusChain()
    while following is not None and (
        not following.focusPolicy() & Qt.FocusPolicy.TabFocus or not following.isEnabled()
    ):
        following = following.nextInFocusChain()
    assert following is not None
    return following


@pytest.mark.asyncio
async def test_approval_offers_the_first_manager_when_there_is_none(staff: StaffService) -> None:
    flow = asyncio.ensure_future(ask_manager_pin(staff, None))
    creator = await dialog_of(FirstManagerDialog)
    QTest.keyClick(creator, Qt.Key.Key_Return)
    assert creator.message.text() == "Type the manager's name."
    QTest.keyClicks(creator.name_input, "Morgan")
    QTest.keyClicks(creator.pins.pin, "8642")
    QTest.keyClicks(creator.pins.repeat, "8642")
    QTest.keyClick(creator, Qt.Key.Key_Return)
    assert creator.message.text() == "A manager's PIN has 6 to 8 digits."
    creator.pins.clear()
    # From the name, Tab leads to the PIN and then to the PIN again.
    assert _tab_after(creator.name_input) is creator.pins.pin
    assert _tab_after(creator.pins.pin) is creator.pins.repeat
    QTest.keyClicks(creator.pins.pin, "864200")
    QTest.keyClicks(creator.pins.repeat, "864200")
    QTest.keyClick(creator, Qt.Key.Key_Return)
    approval = await dialog_of(PinDialog)
    QTest.keyClicks(approval.entry.field, "864200")
    QTest.keyClick(approval, Qt.Key.Key_Return)
    manager = await asyncio.wait_for(flow, 5)
    assert manager is not None
    assert (manager.name, manager.role) == ("Morgan", Role.MANAGER)


@pytest.mark.asyncio
async def test_a_manager_with_a_short_pin_is_asked_for_a_longer_one(
    staff: StaffService,
) -> None:
    await staff.call(StaffDirectory.add, "Max", Role.MANAGER, "246810")
    cas = await staff.call(StaffDirectory.add, "Cas", Role.CASHIER, "1357")
    await staff.call(
        StaffDirectory.change_role, cas.profile_id, Role.MANAGER
    )  # keeps the 4-digit PIN
    flow = asyncio.ensure_future(manage_staff(staff, None))
    approval = await dialog_of(PinDialog)
    QTest.keyClicks(approval.entry.field, "1357")
    QTest.keyClick(approval.entry.field, Qt.Key.Key_Return)
    form = await dialog_of(StaffFormDialog)
    assert form.objectName() == "longerPinDialog"
    assert form.windowTitle() == "New PIN for Cas"
    assert form.note.text() == (
        "Your manager PIN is shorter than a manager's PIN may be now: choose a new one of "
        "6 to 8 digits."
    )
    await _fill_form(pin="135799")
    dialog = await dialog_of(StaffDialog)
    dialog.close_button.click()
    assert await asyncio.wait_for(flow, 5) is True
    assert (await staff.verify_manager_pin("135799")).accepted
    assert not (await staff.verify_manager_pin("1357")).accepted


@pytest.mark.asyncio
async def test_declining_the_longer_pin_keeps_the_old_one_working(staff: StaffService) -> None:
    await staff.call(StaffDirectory.add, "Max", Role.MANAGER, "246810")
    cas = await staff.call(StaffDirectory.add, "Cas", Role.CASHIER, "1357")
    await staff.call(StaffDirectory.change_role, cas.profile_id, Role.MANAGER)
    flow = asyncio.ensure_future(manage_staff(staff, None))
    approval = await dialog_of(PinDialog)
    QTest.keyClicks(approval.entry.field, "1357")
    QTest.keyClick(approval.entry.field, Qt.Key.Key_Return)
    form = await dialog_of(StaffFormDialog)
    form.reject()
    dialog = await dialog_of(StaffDialog)
    dialog.close_button.click()
    assert await asyncio.wait_for(flow, 5) is True
    check = await staff.verify_manager_pin("1357")
    assert check.accepted
    assert check.pin_too_short
