"""The reverse dialog: what the return means, why, and a manager's PIN to approve it.

Where points can be refunded (:attr:`ReverseDialog.refund_available`), the manager chooses
what taking the reward back means (:class:`ReturnAction`): it goes back to the customer's
rewards to pick up (the points stay spent), or the customer gets the points back (the
reward is not picked up again). Without that choice the reward goes back to pick up.

A manager's PIN is asked for every time, also when a cashier (or the manager) is signed in:
a reversal puts a reward back into a customer's account, and the journal must say which
manager approved it. The dialog only checks the PIN; the caller sends the reversal with
:attr:`ReverseDialog.approved_by` once it was accepted.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.slips import mask_customer_uuid
from pos_app.services.staff import PinCheck, StaffProfile, StaffService
from pos_app.storage import Operation, ReverseReason, StaffRef
from pos_app.ui.dialogs.base import confirm_buttons
from pos_app.ui.dialogs.pin_entry import PinCheckDialog, PinEntry
from pos_app.ui.rewards import format_short_date
from pos_app.ui.theme import TextSize, scaled_font

_NOTE_MAX = 200


class ReturnAction(StrEnum):
    """What taking a returned reward back means: ``PUT_BACK``, the reward goes back to the
    customer's rewards to pick up (reverse the collection); ``REFUND``, the customer gets
    the points back (reverse the reward reception)."""

    PUT_BACK = "put_back"
    REFUND = "refund"


def reason_text(reason: ReverseReason | str) -> str:
    """A reversal reason in shop words."""
    if reason == ReverseReason.RETURNED:
        return QCoreApplication.translate("ReverseDialog", "Returned")
    if reason == ReverseReason.DAMAGED:
        return QCoreApplication.translate("ReverseDialog", "Damaged")
    if reason == ReverseReason.WRONG_ITEM:
        return QCoreApplication.translate("ReverseDialog", "Wrong item")
    if reason == ReverseReason.OTHER:
        return QCoreApplication.translate("ReverseDialog", "Other")
    if reason == ReverseReason.MIS_TAP:
        return QCoreApplication.translate("ReverseDialog", "Mis-tap, undone at the counter")
    return str(reason)


class ReverseDialog(PinCheckDialog):
    """What the return means, reason (returned, damaged, wrong item, other + note) and a
    manager's PIN.

    ``refund``: offer "refund the points" beside "put it back for pickup"; ``put_back``:
    whether putting it back is possible (False for a pickup already back to pick up, whose
    points can still be refunded). After it was accepted: :attr:`action`, :attr:`reason`,
    :attr:`note` and :attr:`approved_by` (the manager whose PIN was typed). Await it with
    ``await_dialog``.

    Signals:
        pinRejected(str): a manager PIN was not accepted; the text shown for it.
    """

    def __init__(
        self,
        operation: Operation,
        staff: StaffService,
        *,
        asked_by: StaffRef | None = None,
        parent: QWidget | None = None,
        shop_wide: bool = False,
        refund: bool = False,
        put_back: bool = True,
    ) -> None:
        super().__init__(parent, message_name="reverseMessage")
        self.setObjectName("reverseDialog")
        self.setWindowTitle(self.tr("Reverse a pickup"))
        self._operation = operation
        self._staff = staff
        self._asked_by = asked_by
        self.refund_available = refund
        self.action: ReturnAction | None = None
        self.reason: ReverseReason | None = None
        self.note: str | None = None
        self.approved_by: StaffProfile | None = None

        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        title = operation.reward_title or self.tr("this reward")
        if refund:
            question = self.tr("{title} came back: what does the return mean?")
        else:
            question = self.tr("Reverse the pickup of {title}?")
        self.question = QLabel(question.format(title=title), self)
        self.question.setObjectName("reverseQuestion")
        self.question.setWordWrap(True)
        self.question.setFont(
            scaled_font(self.question.font(), TextSize.DIALOG_QUESTION, bold=True)
        )
        outer.addWidget(self.question)
        if refund and shop_wide:
            details = self.tr(
                "{ref} · handed over {when} at {counter} by {staff} · customer {customer}"
            )
        elif refund:
            # What happens to the points is said beside each choice.
            details = self.tr("{ref} · handed over {when} by {staff} · customer {customer}")
        elif shop_wide:
            # Any counter's pickup can be reversed here: the manager sees which one's.
            details = self.tr(
                "{ref} · handed over {when} at {counter} by {staff} · customer {customer}. "
                "The reward goes back to the customer's rewards to pick up; points are not "
                "refunded."
            )
        else:
            details = self.tr(
                "{ref} · handed over {when} by {staff} · customer {customer}. "
                "The reward goes back to the customer's rewards to pick up; points are not "
                "refunded."
            )
        details = details.format(
            counter=operation.counter,
            ref=operation.reference or "",
            when=f"{format_short_date(operation.created_at)} "
            f"{operation.created_at.astimezone():%H:%M}",
            staff=operation.staff_name or self.tr("(nobody signed in)"),
            customer=operation.customer_name or mask_customer_uuid(operation.customer_uuid),
        )
        self.details = QLabel(details, self)
        self.details.setObjectName("reverseDetails")
        self.details.setWordWrap(True)
        outer.addWidget(self.details)

        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        left = QVBoxLayout()
        self.action_buttons: dict[ReturnAction, QRadioButton] = {}
        self.action_group = QButtonGroup(self)
        if refund:
            actions = QGroupBox(self.tr("The return means"), self)
            actions.setObjectName("returnActions")
            actions_layout = QVBoxLayout(actions)
            choices = (
                (
                    ReturnAction.PUT_BACK,
                    "actionPutBack",
                    self.tr("Put it back for pickup"),
                    self._put_back_hint(operation, put_back),
                ),
                (
                    ReturnAction.REFUND,
                    "actionRefund",
                    self.tr("Refund the points"),
                    self.tr("The customer gets the points back; the reward is not picked up."),
                ),
            )
            for action, name, text, hint in choices:
                button = QRadioButton(text, actions)
                button.setObjectName(name)
                button.setMinimumHeight(40)
                self.action_group.addButton(button)
                actions_layout.addWidget(button)
                explained = QLabel(hint, actions)
                explained.setObjectName(f"{name}Hint")
                explained.setWordWrap(True)
                # Under the button's text, not under its circle.
                explained.setIndent(28)
                button.setAccessibleDescription(hint)
                actions_layout.addWidget(explained)
                self.action_buttons[action] = button
            self.action_buttons[ReturnAction.PUT_BACK].setEnabled(put_back)
            # Today's meaning of a reversal stays the one chosen unless the manager says
            # otherwise (or it cannot be: the reward is back to pick up already).
            chosen = ReturnAction.PUT_BACK if put_back else ReturnAction.REFUND
            self.action_buttons[chosen].setChecked(True)
            left.addWidget(actions)
        reasons = QGroupBox(self.tr("Why?"), self)
        reasons_layout = QVBoxLayout(reasons)
        self.reason_group = QButtonGroup(self)
        self.reason_buttons: dict[ReverseReason, QRadioButton] = {}
        names = {
            ReverseReason.RETURNED: "reasonReturned",
            ReverseReason.DAMAGED: "reasonDamaged",
            ReverseReason.WRONG_ITEM: "reasonWrongItem",
            ReverseReason.OTHER: "reasonOther",
        }
        # A manager's reasons: a mis-tap is undone at the counter, not chosen here.
        for reason in names:
            button = QRadioButton(reason_text(reason), reasons)
            button.setObjectName(names[reason])
            button.setMinimumHeight(40)
            self.reason_group.addButton(button)
            reasons_layout.addWidget(button)
            self.reason_buttons[reason] = button
        self.note_input = QLineEdit(reasons)
        self.note_input.setObjectName("reverseNote")
        self.note_input.setMaxLength(_NOTE_MAX)
        self.note_input.setMinimumHeight(40)
        self.note_input.setPlaceholderText(self.tr("Note (required for Other)"))
        self.note_input.setAccessibleName(self.tr("Note"))
        reasons_layout.addWidget(self.note_input)
        left.addWidget(reasons)
        left.addStretch(1)
        columns.addLayout(left, 1)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        columns.addWidget(line)

        right = QVBoxLayout()
        pin_label = QLabel(self.tr("Manager's PIN"), self)
        pin_label.setObjectName("reversePinLabel")
        right.addWidget(pin_label)
        self.pin = PinEntry(self)
        pin_label.setBuddy(self.pin.field)
        right.addWidget(self.pin)
        columns.addLayout(right, 1)

        outer.addWidget(self.message)

        buttons, self.confirm_button, self.cancel_button = confirm_buttons(
            self,
            self.tr("Reverse"),
            self.tr("Cancel"),
            confirm_name="confirmReverseButton",
            on_confirm=self.on_confirm_button_clicked,
            size=QSize(140, 52),
        )
        self.cancel_button.setObjectName("cancelReverseButton")
        outer.addWidget(buttons)

        self.reason_group.buttonToggled.connect(self._on_reason_toggled)
        self.action_group.buttonToggled.connect(self._on_action_toggled)
        self._on_action_toggled()
        # While manager PINs are locked nothing can be approved.
        self.pin.lockChanged.connect(lambda locked: self.confirm_button.setEnabled(not locked))
        self.resize(720, self.sizeHint().height())
        self.reason_buttons[ReverseReason.RETURNED].setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Digits typed while a reason button has the focus belong to the PIN: the keyboard
        # path is arrows/space for the reason, the PIN, Enter.
        text = event.text()
        if len(text) == 1 and text in "0123456789" and self.pin.field.isEnabled():
            self.pin.field.add_digit(text)
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if event.key() == Qt.Key.Key_Backspace and self.pin.field.isEnabled():
            self.pin.field.remove_digit()
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)

    def _put_back_hint(self, operation: Operation, possible: bool) -> str:
        if possible:
            return self.tr("It is back in the customer's rewards; the points stay spent.")
        if operation.is_reversed:
            return self.tr("It is back in the customer's rewards already.")
        # Confirmed by a later check, which cannot learn what reversing it needs.
        return self.tr("Not from this app: reverse its pickup in the Piggy dashboard.")

    def selected_action(self) -> ReturnAction:
        """What the return means: put back for pickup unless refunding was chosen."""
        button = self.action_buttons.get(ReturnAction.REFUND)
        if button is not None and button.isChecked():
            return ReturnAction.REFUND
        return ReturnAction.PUT_BACK

    def choose_action(self, action: ReturnAction) -> None:
        """Choose what the return means as a person would; for tests."""
        self.action_buttons[action].setChecked(True)

    def selected_reason(self) -> ReverseReason | None:
        for reason, button in self.reason_buttons.items():
            if button.isChecked():
                return reason
        return None

    def choose(self, reason: ReverseReason, note: str | None = None) -> None:
        """Pick a reason (and note) as a person would; for tests and scanner shortcuts."""
        self.reason_buttons[reason].setChecked(True)
        if note is not None:
            self.note_input.setText(note)

    def _on_action_toggled(self) -> None:
        if self.selected_action() is ReturnAction.REFUND:
            self.confirm_button.setText(self.tr("Refund"))
        else:
            self.confirm_button.setText(self.tr("Reverse"))

    def _on_reason_toggled(self) -> None:
        self.show_problem("")
        if self.selected_reason() is ReverseReason.OTHER:
            self.note_input.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem(self) -> str | None:
        reason = self.selected_reason()
        if reason is None:
            return self.tr("Choose why the pickup is reversed.")
        if reason is ReverseReason.OTHER and not self.note_input.text().strip():
            self.note_input.setFocus(Qt.FocusReason.OtherFocusReason)
            return self.tr("Write a short note saying why (required for Other).")
        if not self.pin.is_complete():
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
            return self.tr("A manager types their PIN to approve the reversal.")
        return None

    def on_confirm_button_clicked(self) -> None:
        self.submit(
            lambda: self.check_pin(
                self.pin,
                self._staff.verify_manager_pin(self.pin.pin(), asked_by=self._asked_by),
                approval=True,
                busy=[self.confirm_button],
            )
        )

    def pin_accepted(self, check: PinCheck) -> None:
        self.action = self.selected_action()
        self.reason = self.selected_reason()
        note = self.note_input.text().strip()
        self.note = note or None
        self.approved_by = check.profile
        self.accept()

    def done(self, result: int) -> None:
        self.pin.field.clear()
        super().done(result)
