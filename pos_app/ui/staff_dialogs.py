"""Staff management for managers: the first manager, the staff list, PIN approval.

* :class:`FirstManagerDialog` — no manager exists yet and a manager-only action was asked
  for: name and PIN (twice) of the first manager.
* :class:`StaffDialog` — add, rename, change role, reset PIN, deactivate, over a
  :class:`StaffTableModel`.
* :func:`ensure_manager`, :func:`ask_manager_pin`, :func:`manage_staff` — the coroutines
  the main window awaits for a manager-only action.

Every dialog is awaited with :func:`~pos_app.ui.async_support.await_dialog`; work on the
staff database runs through the dialogs' base, :class:`~pos_app.ui.dialogs.base.AsyncDialog`
(one task at a time, cancelled on close).

Size: the four staff dialogs and the approval flows share the PIN field and the lock
wording; now that AsyncDialog carries the busy and message handling, they can split into
one module per dialog.
"""

from __future__ import annotations

from collections.abc import Coroutine, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.staff import (
    MANAGER_PIN_MIN_LENGTH,
    PIN_MAX_LENGTH,
    PIN_MIN_LENGTH,
    DuplicateNameError,
    InvalidNameError,
    InvalidPinError,
    LastManagerError,
    ManagerPinTooShortError,
    PinCheck,
    PinInUseError,
    Role,
    StaffDirectory,
    StaffError,
    StaffProfile,
    StaffService,
    StaffStorageError,
    UnknownProfileError,
    check_pin_format,
)
from pos_app.storage import StaffRef
from pos_app.ui.async_support import await_dialog, report_exception
from pos_app.ui.dialogs.base import AsyncDialog
from pos_app.ui.pin_entry import PinDialog, PinLineEdit, PinPad, format_lock_duration
from pos_app.ui.row_table import RowTableModel
from pos_app.ui.theme import ColorScheme

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("StaffDialogs", text)


def role_text(role: Role) -> str:
    return _tr("Manager") if role is Role.MANAGER else _tr("Cashier")


def describe_staff_error(exc: BaseException) -> str:
    """A staff error in shop words (the service's own messages are not translated)."""
    if isinstance(exc, DuplicateNameError):
        return _tr("Someone else already has this name. Add a surname or an initial.")
    if isinstance(exc, LastManagerError):
        return _tr(
            "This is the last manager: nobody could manage staff any more. "
            "Make someone else a manager first."
        )
    if isinstance(exc, PinInUseError):
        return _tr("Choose another PIN.")
    if isinstance(exc, ManagerPinTooShortError):
        return _tr("A manager's PIN has {min} to {max} digits.").format(
            min=MANAGER_PIN_MIN_LENGTH, max=PIN_MAX_LENGTH
        )
    if isinstance(exc, InvalidPinError):
        return _tr("A PIN has {min} to {max} digits.").format(
            min=PIN_MIN_LENGTH, max=PIN_MAX_LENGTH
        )
    if isinstance(exc, InvalidNameError):
        return _tr("Type a name of at most 40 characters.")
    if isinstance(exc, UnknownProfileError):
        return _tr("This person is no longer in the staff list.")
    if isinstance(exc, StaffStorageError):
        return _tr("The staff list cannot be read or saved. Ask your IT contact.")
    if isinstance(exc, StaffError):
        return _tr("This profile is deactivated.")
    return _tr("Something went wrong. Try again.")


class NewPinFields(QWidget):
    """A new PIN typed twice, with a keypad that types into the field being filled.

    ``role`` is whose PIN it is: a manager's needs more digits.
    """

    def __init__(
        self, parent: QWidget | None = None, *, keypad: bool = True, role: Role = Role.CASHIER
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newPinFields")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.pin = PinLineEdit(self)
        self.pin.setObjectName("newPinInput")
        self.repeat = PinLineEdit(self)
        self.repeat.setObjectName("newPinRepeatInput")
        self.pin_label = QLabel(self)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.tr("PIN again"), self.repeat)
        self.set_role(role)
        layout.addLayout(form)
        self.pad = PinPad(self)
        self.pad.setVisible(keypad)
        layout.addWidget(self.pad)
        self._target: PinLineEdit = self.pin
        self.pad.digitPressed.connect(lambda digit: self._target.add_digit(digit))
        self.pad.backspacePressed.connect(lambda: self._target.remove_digit())
        self.pad.clearPressed.connect(lambda: self._target.clear())
        for field in (self.pin, self.repeat):
            field.installEventFilter(self)
        # Once the first PIN is complete, the keypad fills in the second.
        self.pin.textChanged.connect(self._follow)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if event.type() == event.Type.FocusIn and isinstance(watched, PinLineEdit):
            self._target = watched
        return False

    def _follow(self) -> None:
        if len(self.pin.text()) == PIN_MAX_LENGTH and self._target is self.pin:
            self._target = self.repeat
            self.repeat.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_role(self, role: Role) -> None:
        self._role = role
        shortest = MANAGER_PIN_MIN_LENGTH if role is Role.MANAGER else PIN_MIN_LENGTH
        self.pin_label.setText(
            self.tr("PIN ({min}–{max} digits)").format(min=shortest, max=PIN_MAX_LENGTH)
        )

    def problem(self) -> str | None:
        """Why the PIN cannot be taken yet, or None."""
        try:
            check_pin_format(self.pin.text(), self._role)
        except InvalidPinError as exc:
            return describe_staff_error(exc)
        if self.pin.text() != self.repeat.text():
            return self.tr("The two PINs are not the same. Type them again.")
        return None

    def value(self) -> str:
        return self.pin.text()

    def clear(self) -> None:
        self.pin.clear()
        self.repeat.clear()
        self._target = self.pin
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)


class _StaffFormDialog(AsyncDialog):
    """Common ground of the small forms: a message line, OK/Cancel, one save at a time."""

    def __init__(self, staff: StaffService, parent: QWidget | None) -> None:
        super().__init__(parent, message_name="staffMessage")
        self._staff = staff
        self.result_profile: StaffProfile | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.buttons = QDialogButtonBox(self)

    def _finish_layout(self, ok_text: str) -> None:
        self.layout_.addWidget(self.message)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("staffOkButton")
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in (self.ok_button, self.cancel_button):
            button.setMinimumHeight(48)
            button.setMinimumWidth(120)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.on_ok_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def on_ok_button_clicked(self) -> None:
        if self.is_busy():
            return
        problem = self.problem()
        if problem:
            self.show_problem(problem)
            return
        self.show_problem("")
        self.run_work(
            self.save(), on_success=self._saved, on_failure=self._save_failed, busy=[self.ok_button]
        )

    def problem(self) -> str | None:
        return None

    async def save(self) -> StaffProfile:
        raise NotImplementedError

    def _saved(self, profile: StaffProfile) -> None:
        self.result_profile = profile
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StaffError):
            report_exception(type(exc), exc, exc.__traceback__)
        self.show_problem(describe_staff_error(exc))
        self.after_failure(exc)

    def after_failure(self, exc: BaseException) -> None:
        pass


class FirstManagerDialog(_StaffFormDialog):
    """Creates the first manager: name, PIN, PIN again.

    After it was accepted, :attr:`result_profile` is the new manager.
    """

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(staff, parent)
        self.setObjectName("firstManagerDialog")
        self.setWindowTitle(self.tr("Create the first manager"))
        intro = QLabel(
            self.tr(
                "This needs a manager, and no manager is set up on this counter yet. "
                "Create the first one now: managers approve reversals and manage staff "
                "and their PINs."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        form = QFormLayout()
        self.name_input = QLineEdit(self)
        self.name_input.setObjectName("managerNameInput")
        self.name_input.setMaxLength(40)
        self.name_input.setMinimumHeight(40)
        form.addRow(self.tr("Manager's name"), self.name_input)
        self.layout_.addLayout(form)
        self.pins = NewPinFields(self, role=Role.MANAGER)
        self.layout_.addWidget(self.pins)
        self._finish_layout(self.tr("Create manager"))
        self.ok_button.setObjectName("createManagerButton")
        self.name_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem(self) -> str | None:
        if not self.name_input.text().strip():
            return self.tr("Type the manager's name.")
        return self.pins.problem()

    async def save(self) -> StaffProfile:
        return await self._staff.call(
            StaffDirectory.add, self.name_input.text(), Role.MANAGER, self.pins.value()
        )

    def after_failure(self, exc: BaseException) -> None:
        if isinstance(exc, PinInUseError | InvalidPinError):
            self.pins.clear()


class StaffFormMode(IntEnum):
    ADD = 0
    RENAME = 1
    RESET_PIN = 2


class StaffFormDialog(_StaffFormDialog):
    """Add a person (name, role, PIN twice), rename one, or give one a new PIN."""

    def __init__(
        self,
        staff: StaffService,
        mode: StaffFormMode,
        *,
        profile: StaffProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(staff, parent)
        self.setObjectName("staffFormDialog")
        self._mode = mode
        self._profile = profile
        if mode is not StaffFormMode.ADD and profile is None:
            raise ValueError("renaming or resetting a PIN needs the profile")
        form = QFormLayout()
        self.name_input: QLineEdit | None = None
        self.role_input: QComboBox | None = None
        self.pins: NewPinFields | None = None
        if mode in (StaffFormMode.ADD, StaffFormMode.RENAME):
            self.name_input = QLineEdit(self)
            self.name_input.setObjectName("staffNameInput")
            self.name_input.setMaxLength(40)
            self.name_input.setMinimumHeight(40)
            if profile is not None:
                self.name_input.setText(profile.name)
            form.addRow(self.tr("Name"), self.name_input)
        if mode is StaffFormMode.ADD:
            self.role_input = QComboBox(self)
            self.role_input.setObjectName("staffRoleInput")
            self.role_input.setMinimumHeight(40)
            for role in (Role.CASHIER, Role.MANAGER):
                self.role_input.addItem(role_text(role), role.value)
            form.addRow(self.tr("Role"), self.role_input)
        #: Shown above the fields when set (why a new PIN is asked for).
        self.note = QLabel(self)
        self.note.setObjectName("staffFormNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.layout_.addWidget(self.note)
        self.layout_.addLayout(form)
        if mode in (StaffFormMode.ADD, StaffFormMode.RESET_PIN):
            self.pins = NewPinFields(
                self, role=profile.role if profile is not None else Role.CASHIER
            )
            self.layout_.addWidget(self.pins)
        if self.role_input is not None and self.pins is not None:
            pins = self.pins
            role_input = self.role_input
            role_input.currentIndexChanged.connect(
                lambda: pins.set_role(Role(role_input.currentData()))
            )
        if mode is StaffFormMode.ADD:
            self.setWindowTitle(self.tr("Add staff"))
            self._finish_layout(self.tr("Add"))
        elif mode is StaffFormMode.RENAME:
            self.setWindowTitle(self.tr("Rename"))
            self._finish_layout(self.tr("Rename"))
        else:
            assert profile is not None
            self.setWindowTitle(self.tr("New PIN for {name}").format(name=profile.name))
            self._finish_layout(self.tr("Save PIN"))
        focus: QWidget | None = self.name_input or self.pins
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def problem(self) -> str | None:
        if self.name_input is not None and not self.name_input.text().strip():
            return self.tr("Type a name.")
        return self.pins.problem() if self.pins is not None else None

    async def save(self) -> StaffProfile:
        if self._mode is StaffFormMode.ADD:
            assert self.name_input is not None
            assert self.role_input is not None
            assert self.pins is not None
            role = Role(self.role_input.currentData())
            return await self._staff.call(
                StaffDirectory.add, self.name_input.text(), role, self.pins.value()
            )
        assert self._profile is not None
        if self._mode is StaffFormMode.RENAME:
            assert self.name_input is not None
            return await self._staff.call(
                StaffDirectory.rename, self._profile.profile_id, self.name_input.text()
            )
        assert self.pins is not None
        return await self._staff.call(
            StaffDirectory.reset_pin, self._profile.profile_id, self.pins.value()
        )

    def after_failure(self, exc: BaseException) -> None:
        if self.pins is not None and isinstance(exc, PinInUseError | InvalidPinError):
            self.pins.clear()


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
