"""The staff forms: the first manager, one person's name, role and new PIN.

* :class:`FirstManagerDialog` — no manager exists yet and a manager-only action was asked
  for: name and PIN (twice) of the first manager.
* :class:`StaffFormDialog` — add a person, rename, change a role, reset a PIN.

Work on the staff database runs through the dialogs' base,
:class:`~pos_app.ui.dialogs.base.AsyncDialog` (one task at a time, cancelled on close).
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
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
from pos_app.ui.async_support import report_exception
from pos_app.ui.dialogs.base import AsyncDialog, confirm_buttons
from pos_app.ui.dialogs.pin_entry import PinLineEdit, PinPad
from pos_app.ui.i18n import translate as _tr

_Index = QModelIndex | QPersistentModelIndex


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


def staff_form() -> QFormLayout:
    """A form whose labels sit level with the middle of their (touch-sized) fields."""
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


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
        #: The dialogs put their own rows (name, role) in here, so every field lines up.
        self.form = form = staff_form()
        self.pin = PinLineEdit(self)
        self.pin.setObjectName("newPinInput")
        self.repeat = PinLineEdit(self)
        self.repeat.setObjectName("newPinRepeatInput")
        self.pin_label = QLabel(self)
        self.pin_label.setBuddy(self.pin)
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
        _box, self.ok_button, self.cancel_button = confirm_buttons(
            self,
            ok_text,
            self.tr("Cancel"),
            confirm_name="staffOkButton",
            on_confirm=self.on_ok_button_clicked,
            size=QSize(120, 48),
            box=self.buttons,
        )
        self.layout_.addWidget(self.buttons)

    def on_ok_button_clicked(self) -> None:
        self.submit(
            lambda: self.run_work(
                self.save(),
                on_success=self._saved,
                on_failure=self._save_failed,
                busy=[self.ok_button],
            )
        )

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
        self.pins = NewPinFields(self, role=Role.MANAGER)
        self.name_input = QLineEdit(self.pins)
        self.name_input.setObjectName("managerNameInput")
        self.name_input.setMaxLength(40)
        self.name_input.setMinimumHeight(40)
        # In the PIN fields' form: one column of labels, the fields aligned under each other.
        self.pins.form.insertRow(0, self.tr("Manager's name"), self.name_input)
        self.layout_.addWidget(self.pins)
        self._finish_layout(self.tr("Create manager"))
        self.ok_button.setObjectName("createManagerButton")
        # Made after the PIN fields, but typed in first (set once the buttons exist, which
        # change the chain).
        QWidget.setTabOrder(self.name_input, self.pins.pin)
        QWidget.setTabOrder(self.pins.pin, self.pins.repeat)
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
        self.name_input: QLineEdit | None = None
        self.role_input: QComboBox | None = None
        self.pins: NewPinFields | None = None
        if mode in (StaffFormMode.ADD, StaffFormMode.RESET_PIN):
            self.pins = NewPinFields(
                self, role=profile.role if profile is not None else Role.CASHIER
            )
        # Name and role go in the PIN fields' form when there is one: the fields align.
        form = self.pins.form if self.pins is not None else staff_form()
        rows = 0
        if mode in (StaffFormMode.ADD, StaffFormMode.RENAME):
            self.name_input = QLineEdit(self)
            self.name_input.setObjectName("staffNameInput")
            self.name_input.setMaxLength(40)
            self.name_input.setMinimumHeight(40)
            if profile is not None:
                self.name_input.setText(profile.name)
            form.insertRow(rows, self.tr("Name"), self.name_input)
            rows += 1
        if mode is StaffFormMode.ADD:
            self.role_input = QComboBox(self)
            self.role_input.setObjectName("staffRoleInput")
            self.role_input.setMinimumHeight(40)
            for role in (Role.CASHIER, Role.MANAGER):
                self.role_input.addItem(role_text(role), role.value)
            form.insertRow(rows, self.tr("Role"), self.role_input)
        #: Shown above the fields when set (why a new PIN is asked for).
        self.note = QLabel(self)
        self.note.setObjectName("staffFormNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.layout_.addWidget(self.note)
        if self.pins is not None:
            self.layout_.addWidget(self.pins)
        else:
            self.layout_.addLayout(form)
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
