"""The staff list for managers, and the manager-only steps the counter awaits.

* :class:`StaffDialog` — add, rename, change role, reset PIN, deactivate, over a
  :class:`StaffTableModel`.
* :func:`ensure_manager`, :func:`ask_manager_pin`, :func:`manage_staff` — the coroutines
  the counter awaits for a manager-only action.
"""

from __future__ import annotations

from collections.abc import Coroutine, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.staff import (
    MANAGER_PIN_MIN_LENGTH,
    PIN_MAX_LENGTH,
    PinCheck,
    Role,
    StaffDirectory,
    StaffError,
    StaffProfile,
    StaffService,
)
from pos_app.storage import StaffRef
from pos_app.ui.async_support import await_dialog, report_exception
from pos_app.ui.dialogs.base import AsyncDialog
from pos_app.ui.dialogs.pin_entry import PinDialog, format_lock_duration
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.staff.forms import (
    FirstManagerDialog,
    StaffFormDialog,
    StaffFormMode,
    describe_staff_error,
    role_text,
)
from pos_app.ui.row_table import RowTableModel
from pos_app.ui.theme import ColorScheme

_Index = QModelIndex | QPersistentModelIndex


# -- the staff list --------------------------------------------------------------------------


class StaffColumn(IntEnum):
    NAME = 0
    ROLE = 1
    STATUS = 2


#: The StaffProfile of a row (any column).
PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1


class StaffTableModel(RowTableModel[StaffProfile]):
    """Staff profiles: name, role, status (active, locked with the time left, deactivated)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda profile: profile.profile_id, parent)
        self._now = datetime.now(UTC)

    def set_profiles(self, profiles: Sequence[StaffProfile], now: datetime) -> None:
        self._now = now
        self._set_rows(profiles)

    def profile(self, row: int) -> StaffProfile:
        return self._rows[row]

    def profiles(self) -> list[StaffProfile]:
        return list(self._rows)

    def column_titles(self) -> Sequence[str]:
        # In StaffColumn order.
        return [self.tr("Name"), self.tr("Role"), self.tr("Status")]

    def status_text(self, profile: StaffProfile) -> str:
        if not profile.active:
            return self.tr("Deactivated")
        if profile.is_locked(self._now) and profile.locked_until is not None:
            # Locks run down only while the app runs: the time left, not a clock time.
            return self.tr("Locked, {duration} left").format(
                duration=format_lock_duration(profile.locked_until - self._now)
            )
        return self.tr("Active")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        profile = self._row(index)
        if profile is None:
            return None
        column = StaffColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column is StaffColumn.NAME:
                return profile.name
            if column is StaffColumn.ROLE:
                return role_text(profile.role)
            return self.status_text(profile)
        if role == Qt.ItemDataRole.ForegroundRole and not profile.active:
            return ColorScheme.INACTIVE_TEXT
        if role == PROFILE_ROLE:
            return profile
        return None


class StaffDialog(AsyncDialog):
    """The staff list for managers: add, rename, change role, reset PIN, deactivate.

    Loads the list when shown. ``manager`` is the manager who opened it (by PIN).

    Signals:
        staffChanged: a profile was added or changed (sign-in lists may need reloading).
    """

    staffChanged = Signal()

    def __init__(
        self,
        staff: StaffService,
        *,
        manager: StaffProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, message_name="staffMessage")
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Staff"))
        self._staff = staff
        self._manager = manager
        self._loaded_once = False
        self.model = StaffTableModel(self)

        layout = QVBoxLayout(self)
        self.table = QTableView(self)
        self.table.setObjectName("staffTable")
        self.table.setAccessibleName(self.tr("Staff"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(StaffColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(StaffColumn.ROLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StaffColumn.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        row = QHBoxLayout()
        self.add_button = self._button("addStaffButton", self.tr("Add…"), row)
        self.rename_button = self._button("renameStaffButton", self.tr("Rename…"), row)
        self.role_button = self._button("changeRoleButton", self.tr("Make manager"), row)
        self.pin_button = self._button("resetPinButton", self.tr("New PIN…"), row)
        self.deactivate_button = self._button("deactivateStaffButton", self.tr("Deactivate…"), row)
        row.addStretch(1)
        self.close_button = self._button("closeStaffButton", self.tr("Close"), row)
        layout.addLayout(row)

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.rename_button.clicked.connect(self.on_rename_button_clicked)
        self.role_button.clicked.connect(self.on_role_button_clicked)
        self.pin_button.clicked.connect(self.on_pin_button_clicked)
        self.deactivate_button.clicked.connect(self.on_deactivate_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.resize(640, 420)
        self._update_buttons()

    def _button(self, name: str, text: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(44)
        button.setAutoDefault(False)
        row.addWidget(button)
        return button

    # -- state ---------------------------------------------------------------------------

    def selected_profile(self) -> StaffProfile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.profile(rows[0].row()) if rows else None

    def select_profile(self, profile_id: str) -> bool:
        row = self.model.row_of(profile_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _update_buttons(self) -> None:
        profile = self.selected_profile()
        usable = profile is not None and profile.active and not self.is_busy()
        self.add_button.setEnabled(not self.is_busy())
        for button in (self.rename_button, self.role_button, self.pin_button):
            button.setEnabled(usable)
        self.deactivate_button.setEnabled(usable)
        if profile is not None and profile.is_manager:
            self.role_button.setText(self.tr("Make cashier"))
        else:
            self.role_button.setText(self.tr("Make manager"))

    # -- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the list again (keeps or moves the selection to ``select``)."""
        self._run(self._reload(select))

    async def _reload(self, select: str | None = None) -> None:
        keep = select
        if keep is None and (current := self.selected_profile()) is not None:
            keep = current.profile_id
        profiles = await self._staff.call(StaffDirectory.profiles, include_inactive=True)
        self.model.set_profiles(profiles, self._staff.now())
        if (keep is None or not self.select_profile(keep)) and profiles:
            self.table.selectRow(0)

    def _run(self, coro: Coroutine[Any, Any, None]) -> None:
        if self.is_busy():
            coro.close()
            return
        self.show_problem("")
        self.run_work(coro, on_failure=self._on_failed, on_settled=self._update_buttons)
        self._update_buttons()

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StaffError):
            report_exception(type(exc), exc, exc.__traceback__)
        self.show_problem(describe_staff_error(exc))

    # -- actions -------------------------------------------------------------------------

    def on_add_button_clicked(self) -> None:
        self._run(self._form(StaffFormMode.ADD, None))

    def on_rename_button_clicked(self) -> None:
        if (profile := self.selected_profile()) is not None:
            self._run(self._form(StaffFormMode.RENAME, profile))

    def on_pin_button_clicked(self) -> None:
        if (profile := self.selected_profile()) is not None:
            self._run(self._form(StaffFormMode.RESET_PIN, profile))

    def on_role_button_clicked(self) -> None:
        if (profile := self.selected_profile()) is not None:
            self._run(self._change_role(profile))

    def on_deactivate_button_clicked(self) -> None:
        if (profile := self.selected_profile()) is not None:
            self._run(self._deactivate(profile))

    async def _form(self, mode: StaffFormMode, profile: StaffProfile | None) -> None:
        dialog = StaffFormDialog(self._staff, mode, profile=profile, parent=self)
        try:
            if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            changed = dialog.result_profile
        finally:
            dialog.deleteLater()
        self.staffChanged.emit()
        await self._reload(changed.profile_id if changed is not None else None)

    async def _confirm(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setObjectName("staffConfirm")
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes_button)
        try:
            await await_dialog(box)
            return box.clickedButton() is yes_button
        finally:
            box.deleteLater()

    async def _change_role(self, profile: StaffProfile) -> None:
        new_role = Role.CASHIER if profile.is_manager else Role.MANAGER
        if new_role is Role.MANAGER:
            text = self.tr(
                "Make {name} a manager? Managers approve reversals and manage staff."
            ).format(name=profile.name)
        else:
            text = self.tr("Make {name} a cashier? They can no longer approve reversals.").format(
                name=profile.name
            )
        if not await self._confirm(self.tr("Change role"), text, self.tr("Change role")):
            return
        await self._staff.call(StaffDirectory.change_role, profile.profile_id, new_role)
        self.staffChanged.emit()
        await self._reload(profile.profile_id)

    async def _deactivate(self, profile: StaffProfile) -> None:
        text = self.tr(
            "Deactivate {name}? They can no longer sign in or approve anything. Pickups "
            "they made stay in the journal under their name."
        ).format(name=profile.name)
        if not await self._confirm(self.tr("Deactivate"), text, self.tr("Deactivate")):
            return
        await self._staff.call(StaffDirectory.deactivate, profile.profile_id)
        self.staffChanged.emit()
        await self._reload(profile.profile_id)


# -- flows for the main window ---------------------------------------------------------------


async def ensure_manager(staff: StaffService, parent: QWidget | None) -> StaffProfile | None:
    """Make sure a manager exists, offering to create the first one.

    Returns the manager just created, or None if there already was one. Raises
    ``LookupError`` when no manager exists and the person declined to create one.
    """
    if await staff.call(StaffDirectory.has_any_manager):
        return None
    dialog = FirstManagerDialog(staff, parent)
    try:
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            raise LookupError("no manager")
        return dialog.result_profile
    finally:
        dialog.deleteLater()


async def ask_manager_pin(
    staff: StaffService,
    parent: QWidget | None,
    *,
    prompt: str | None = None,
    asked_by: StaffRef | None = None,
) -> StaffProfile | None:
    """A manager's approval: first manager if none yet, then any manager's PIN.

    Returns the approving manager, or None when cancelled. ``asked_by`` (who is signed in)
    is journaled with a lockout that a wrong PIN sets.
    """
    check = await _approval(staff, parent, prompt=prompt, asked_by=asked_by)
    return check.profile if check is not None else None


async def _approval(
    staff: StaffService,
    parent: QWidget | None,
    *,
    prompt: str | None,
    asked_by: StaffRef | None,
) -> PinCheck | None:
    try:
        await ensure_manager(staff, parent)
    except LookupError:
        return None

    async def check(_profile: StaffProfile | None, pin: str) -> PinCheck:
        return await staff.verify_manager_pin(pin, asked_by=asked_by)

    dialog = PinDialog(
        check,
        title=_tr("Manager approval"),
        prompt=prompt or _tr("A manager types their PIN to continue."),
        parent=parent,
    )
    try:
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.accepted_check
    finally:
        dialog.deleteLater()


async def ask_for_longer_pin(
    staff: StaffService, manager: StaffProfile, parent: QWidget | None
) -> StaffProfile | None:
    """Ask a manager whose PIN is shorter than the rule for a new one; None if declined.

    The old PIN keeps working when they decline: it is asked again next time.
    """
    dialog = StaffFormDialog(staff, StaffFormMode.RESET_PIN, profile=manager, parent=parent)
    dialog.setObjectName("longerPinDialog")
    dialog.set_note(
        _tr(
            "Your manager PIN is shorter than a manager's PIN may be now: choose a new one "
            "of {min} to {max} digits."
        ).format(min=MANAGER_PIN_MIN_LENGTH, max=PIN_MAX_LENGTH)
    )
    try:
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_profile
    finally:
        dialog.deleteLater()


async def manage_staff(
    staff: StaffService,
    parent: QWidget | None,
    *,
    asked_by: StaffRef | None = None,
) -> bool:
    """The whole "Staff…" action: manager approval, then the staff list.

    A manager whose PIN is shorter than the rule is first asked for a new one. Returns
    False when it was cancelled before the list opened.
    """
    approval = await _approval(
        staff,
        parent,
        prompt=_tr("Managing staff needs a manager's PIN."),
        asked_by=asked_by,
    )
    if approval is None or approval.profile is None:
        return False
    manager = approval.profile
    if approval.pin_too_short:
        manager = await ask_for_longer_pin(staff, manager, parent) or manager
    dialog = StaffDialog(staff, manager=manager, parent=parent)
    try:
        await await_dialog(dialog)
    finally:
        dialog.deleteLater()
    return True
