"""Small widgets of the cashier screen: the customer header, the message bar, the code row."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.pickup_models import CustomerSummary
from pos_app.ui.dialogs.pin_entry import PinPad
from pos_app.ui.i18n import retranslated
from pos_app.ui.theme import TextSize, scaled_font, set_style_property


class CustomerHeader(QFrame):
    """Who is at the counter: name (or masked email), masked email, tier, points, and
    Earlier pickups (``history``: shown where this counter keeps a journal to look in)."""

    def __init__(self, parent: QWidget | None = None, *, history: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("customerHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        names = QVBoxLayout()
        self.name_label = QLabel(self)
        self.name_label.setObjectName("customerName")
        self.name_label.setFont(
            scaled_font(self.name_label.font(), TextSize.CUSTOMER_NAME, bold=True)
        )
        self.email_label = QLabel(self)
        self.email_label.setObjectName("customerEmail")
        names.addWidget(self.name_label)
        names.addWidget(self.email_label)
        layout.addLayout(names, 1)
        self.tier_label = QLabel(self)
        self.tier_label.setObjectName("customerTier")
        self.points_label = QLabel(self)
        self.points_label.setObjectName("customerPoints")
        self.points_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.tier_label)
        layout.addSpacing(16)
        layout.addWidget(self.points_label)
        # Spending those points on one of the shop's rewards (the claim flow words it and
        # shows it where claiming is offered).
        self.claim_button = QPushButton(self)
        self.claim_button.setObjectName("claimButton")
        self.claim_button.setMinimumHeight(40)
        self.claim_button.hide()
        layout.addSpacing(8)
        layout.addWidget(self.claim_button)
        self.earlier_button = QPushButton(self)
        self.earlier_button.setObjectName("earlierPickupsButton")
        self.earlier_button.setFlat(True)

        def earlier_texts() -> None:
            self.earlier_button.setText(self.tr("Earlier pickups"))
            self.earlier_button.setToolTip(self.tr("This customer's pickups at this counter"))

        retranslated(self.earlier_button, earlier_texts)
        self.earlier_button.setVisible(history)
        layout.addSpacing(8)
        layout.addWidget(self.earlier_button)
        self.clear()

    def show_customer(self, customer: CustomerSummary) -> None:
        self.name_label.setText(customer.title)
        # Never the full address: the screen faces the queue too.
        self.email_label.setText(customer.email_masked if customer.name else "")
        self.tier_label.setText(customer.tier or "")
        self.tier_label.setVisible(bool(customer.tier))
        self.show_points(customer.points)

    def show_points(self, points: int | None) -> None:
        """The customer's Piggy points (read again after a claim)."""
        if points is None:
            self.points_label.setText("")
        else:
            self.points_label.setText(
                # Named by program: the Nudj section beside it counts points of its own.
                self.tr("{points} Piggy points").format(points=QLocale().toString(points))
            )

    def clear(self) -> None:
        for label in (self.name_label, self.email_label, self.tier_label, self.points_label):
            label.clear()
        self.tier_label.hide()


class MessageKind(StrEnum):
    INFO = "info"
    SUCCESS = "success"
    ERROR = "error"


class MessageBar(QLabel):
    """One line of feedback under the scan field: what just happened, or what went wrong.

    Signals:
        changed: another message is shown, or none (what belonged to the old one goes).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.kind: MessageKind | None = None
        self.hide()

    def show_message(self, text: str, kind: MessageKind = MessageKind.INFO) -> None:
        self.kind = kind
        self.setText(text)
        set_style_property(self, "kind", kind.value)
        self.show()
        self.changed.emit()

    def clear_message(self) -> None:
        self.kind = None
        self.clear()
        self.hide()
        self.changed.emit()


class CodeEntry(QFrame):
    """Where the cashier types the code the customer reads from their email.

    Signals:
        submitted(str): the code to check.
        resend_requested: send the email again.
        cancelled: give up on this email lookup.
    """

    submitted = Signal(str)
    resend_requested = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None, *, keypad: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("codeEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.code_input = QLineEdit(self)
        self.code_input.setObjectName("codeInput")

        self.code_input.setMaxLength(12)
        self.code_input.setMinimumHeight(40)
        self.code_input.setFixedWidth(180)
        # Shown as it is typed: the customer reads it out at the counter and the cashier
        # checks it back; it is cleared once checked or given up, and never logged.
        self.code_input.setValidator(QRegularExpressionValidator(r"[0-9A-Za-z ]{0,12}", self))
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verifyCodeButton")
        self.verify_button.setDefault(True)
        self.resend_button = QPushButton(self)
        self.cancel_button = QPushButton(self)

        def code_texts() -> None:
            self.code_input.setPlaceholderText(self.tr("Code from the email"))
            self.verify_button.setText(self.tr("Check code"))
            self.resend_button.setText(self.tr("Send again"))
            self.cancel_button.setText(self.tr("Cancel"))

        retranslated(self, code_texts)
        for button in (self.verify_button, self.resend_button, self.cancel_button):
            button.setMinimumHeight(40)
        layout.addWidget(self.prompt, 1)
        layout.addWidget(self.code_input)
        layout.addWidget(self.verify_button)
        layout.addWidget(self.resend_button)
        layout.addWidget(self.cancel_button)
        #: Digits for touch screens (kiosk mode); the field keeps the keyboard focus.
        self.pad: PinPad | None = None
        if keypad:
            self.pad = PinPad(self, one_row=True)
            self.pad.digitPressed.connect(self.code_input.insert)
            self.pad.backspacePressed.connect(self.code_input.backspace)
            self.pad.clearPressed.connect(self.code_input.clear)
            outer.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignRight)
        self.code_input.returnPressed.connect(self._submit)
        self.verify_button.clicked.connect(self._submit)
        self.resend_button.clicked.connect(self.resend_requested)
        self.cancel_button.clicked.connect(self.cancelled)
        self.hide()

    def ask(self, masked: str) -> None:
        self.prompt.setText(
            self.tr("We emailed a code to {email}. Ask the customer to read it out.").format(
                email=masked
            )
        )
        self.code_input.clear()
        self.set_busy(False)
        self.show()
        self.code_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.code_input, self.verify_button, self.resend_button, self.pad):
            if widget is not None:
                widget.setEnabled(not busy)

    def retry(self) -> None:
        self.set_busy(False)
        self.code_input.selectAll()
        self.code_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_entry(self) -> None:
        self.code_input.clear()
        self.hide()

    def _submit(self) -> None:
        code = self.code_input.text().strip()
        if code and self.verify_button.isEnabled():
            self.submitted.emit(code)
