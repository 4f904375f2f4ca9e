"""The fixed parts around the counter: the kiosk's header, the demo banner, the welcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from pos_app import APP_NAME
from pos_app.resources import app_icon_path
from pos_app.ui.counter.kiosk import KioskMode, LogoButton
from pos_app.ui.managers.staff import role_text
from pos_app.ui.theme import TextSize, scaled_font

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo


def _tr(text: str) -> str:
    return QCoreApplication.translate("CounterBanners", text)


def kiosk_header(kiosk: KioskMode, parent: QWidget) -> QHBoxLayout:
    """No title bar in kiosk mode: the logo (hold it to leave) and the app's name."""
    row = QHBoxLayout()
    logo = LogoButton(QIcon(str(app_icon_path())), parent)
    logo.longPressed.connect(kiosk.request_unlock)
    row.addWidget(logo)
    title = QLabel(APP_NAME, parent)
    title.setObjectName("kioskTitle")
    title.setFont(scaled_font(title.font(), TextSize.PAGE_TITLE, bold=True))
    row.addWidget(title, 1)
    return row


class DemoBanner(QFrame):
    """Says loudly that nothing is real, and what to try; ``mailboxButton`` when it has one."""

    def __init__(self, demo: DemoInfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        text = _tr(
            "DEMO — a built-in simulator stands in for Piggy, Giftoin and Nudj; nothing here "
            "is real. Try the cards {cards} or the email {email}."
        ).format(cards=", ".join(demo.cards), email=demo.email)
        if demo.faults:
            text += " " + _tr("Simulated faults: {routes}.").format(routes=", ".join(demo.faults))
        if demo.staff:
            # Demo profiles only: a shop's PINs are never shown anywhere.
            text += " " + _tr("Demo staff: {people}.").format(
                people=", ".join(f"{p.name} ({role_text(p.role)}) PIN {p.pin}" for p in demo.staff)
            )
        label = QLabel(text, self)
        label.setWordWrap(True)
        row.addWidget(label, 1)
        self.mailbox_button: QPushButton | None = None
        if demo.mailbox is not None:
            self.mailbox_button = QPushButton(_tr("Customer's mailbox"), self)
            self.mailbox_button.setObjectName("demoMailboxButton")
            self.mailbox_button.setToolTip(
                _tr("Demo only: the email the simulated customer received.")
            )
            row.addWidget(self.mailbox_button)


def demo_mailbox_text(demo: DemoInfo, email: str | None) -> str:
    """What the simulated customer's mailbox holds (demo only: a real code is never shown)."""
    email = email or demo.email
    code = demo.mailbox(email) if demo.mailbox is not None else None
    if code is None:
        return _tr("No email has been sent to {email} yet.").format(email=email)
    return _tr("Demo only — the email {email} received says: your login code is {code}.").format(
        email=email, code=code
    )


def welcome_label(parent: QWidget) -> QLabel:
    welcome = QLabel(_tr("Scan the customer's card to see the rewards waiting for pickup."), parent)
    welcome.setObjectName("welcomeMessage")
    welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
    welcome.setWordWrap(True)
    welcome.setFrameShape(QFrame.Shape.StyledPanel)
    welcome.setFont(scaled_font(welcome.font(), TextSize.PAGE_TITLE))
    return welcome
