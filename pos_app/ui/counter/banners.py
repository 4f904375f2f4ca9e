"""The fixed parts around the counter: the kiosk's header, the demo banner and its guide,
the welcome."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_app import APP_NAME
from pos_app.resources import app_icon_path
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.theme import TextSize, scaled_font

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo
    from pos_app.sandbox.faults import Fault
    from pos_app.ui.counter.kiosk import KioskMode


def kiosk_header(kiosk: KioskMode, parent: QWidget) -> QHBoxLayout:
    """No title bar in kiosk mode: the logo (hold it to leave) and the app's name."""
    from pos_app.ui.counter.kiosk_home import LogoButton  # kiosk mode only

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
    """Says loudly that nothing is real, in one line that fits a 1024 px window.

    What to try (every demo card and email, the staff PINs, the simulated faults in
    words) is in the Demo guide, a panel beside the window that stays open while the
    counter is used (``guide_button``); ``mailbox_button`` when the demo has one.
    """

    def __init__(self, demo: DemoInfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self._demo = demo
        self.guide: DemoGuide | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 2, 8, 2)
        text = _tr(
            "DEMO — nothing here is real: a built-in simulator stands in for Piggy, "
            "Giftoin and Nudj. Scan {card} to start."
        ).format(card=demo.cards[0] if demo.cards else "")
        if demo.faults:
            text += " " + _tr("Simulated faults are on (see the guide).")
        self.label = QLabel(text, self)
        self.label.setObjectName("demoBannerText")
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.guide_button = QPushButton(_tr("Demo guide"), self)
        self.guide_button.setObjectName("demoGuideButton")
        self.guide_button.setToolTip(_tr("Demo cards, emails, staff PINs and simulated faults"))
        self.guide_button.clicked.connect(self.show_guide)
        row.addWidget(self.guide_button)
        self.mailbox_button: QPushButton | None = None
        if demo.mailbox is not None:
            self.mailbox_button = QPushButton(_tr("Customer's mailbox"), self)
            self.mailbox_button.setObjectName("demoMailboxButton")
            self.mailbox_button.setToolTip(
                _tr("Demo only: the email the simulated customer received.")
            )
            row.addWidget(self.mailbox_button)

    def show_guide(self) -> None:
        """Open the guide beside the window (or bring it back); the counter stays usable."""
        if self.guide is None:
            self.guide = DemoGuide(self._demo, self.window())
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()


class DemoGuide(QDialog):
    """Every demo customer, the demo staff and the simulated faults, in words (non-modal)."""

    def __init__(self, demo: DemoInfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("demoGuide")
        self.setWindowTitle(_tr("Demo guide"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.text = QLabel(demo_guide_html(demo), self)
        self.text.setObjectName("demoGuideText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        # Cards and emails can be copied into the scan field.
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setObjectName("demoGuideScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.text)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_tr("Close"))
        layout.addWidget(buttons)
        self.resize(560, 620)


def _customer_text(kind: str) -> str:
    texts = {
        "main": _tr(
            "about 30 rewards to pick up: fresh, expiring today, this week, expired, without "
            "expiry, with and without pictures. Giftoin collections and Nudj rewards beside "
            "them; the email gets a login code (Customer's mailbox)."
        ),
        "empty": _tr("no rewards, no tier, not in Giftoin or Nudj."),
        "big": _tr("1,000 rewards to pick up (a long list); Giftoin and Nudj."),
        "no_card": _tr(
            "no card, found by email only; three rewards. Giftoin does not know their "
            "Discord id; not in Nudj."
        ),
        "unlinked": _tr("a card that belongs to nobody: the counter says it is not linked."),
        "blocked": _tr("a lost card that was blocked: the counter says it cannot be used."),
    }
    return texts.get(kind, "")


def describe_fault(route: str, fault: Fault | None) -> str:
    """A simulated fault in words: what it affects and how it misbehaves."""
    what = {
        "piggy.token": _tr("signing in to Piggy"),
        "piggy.identifier": _tr("looking up a scanned card"),
        "piggy.contact": _tr("finding a customer by email"),
        "piggy.verification_send": _tr("sending the email login code"),
        "piggy.verification_verify": _tr("checking the email login code"),
        "piggy.shops": _tr("loading the shop's name"),
        "piggy.rewards": _tr("loading a customer's rewards"),
        "piggy.collect": _tr("handing a reward over"),
        "piggy.reverse": _tr("reversing a pickup"),
        "giftoin.progress": _tr("loading Giftoin collections"),
        "giftoin.inventory": _tr("loading Giftoin collectibles"),
        "nudj.rewards": _tr("loading Nudj rewards"),
        "nudj.user": _tr("loading the customer's Nudj points"),
        "media": _tr("loading pictures"),
        "*": _tr("every call"),
    }.get(route, route)
    if fault is None:
        return _tr("{what}: misbehaves").format(what=what)
    how = {
        "latency": _tr("answers late (about {ms} ms)").format(ms=fault.ms + fault.jitter_ms // 2),
        "error": _tr("fails with a server error ({status})").format(status=fault.status),
        "rate_limit": _tr("says too many requests, try again later"),
        "maintenance": _tr("is down for maintenance"),
        "malformed": _tr("sends an answer that cannot be read"),
        "drop": _tr("hangs up without answering"),
        "slow_body": _tr("sends its answer very slowly"),
        "timeout": _tr("never answers (the counter gives up waiting)"),
        "after_apply": _tr(
            "does it, but the answer is lost on the way: the counter cannot know it happened"
        ),
        "hold": _tr("waits until it is released"),
    }.get(fault.kind, fault.kind)
    text = _tr("{what}: {how}").format(what=what, how=how)
    if fault.count is not None:
        text += " " + _tr("(the next %n call(s))", None, fault.count).replace(
            "call(s)", "call" if fault.count == 1 else "calls"
        )
    return text


def demo_guide_html(demo: DemoInfo) -> str:
    """The guide's text: customers, staff and faults (demo data only, never a shop's)."""
    parts = [
        "<p><b>{}</b></p>".format(
            escape(
                _tr(
                    "Nothing here is real: a built-in simulator stands in for Piggy, Giftoin "
                    "and Nudj. Scan or type a card, or type an email, in the scan field."
                )
            )
        ),
        "<h3>{}</h3><ul>".format(escape(_tr("Demo customers"))),
    ]
    for customer in demo.customers:
        ids = " · ".join(escape(x) for x in (customer.card, customer.email) if x)
        who = f" ({escape(customer.name)})" if customer.name else ""
        parts.append(f"<li><b>{ids}</b>{who}: {escape(_customer_text(customer.kind))}</li>")
    parts.append("</ul>")
    if demo.staff:
        from pos_app.ui.managers.staff.forms import role_text  # with the staff forms

        parts.append("<h3>{}</h3><ul>".format(escape(_tr("Demo staff"))))
        for person in demo.staff:
            # Demo profiles only: a shop's PINs are never shown anywhere.
            line = _tr("{name} ({role}): PIN {pin}").format(
                name=person.name, role=role_text(person.role), pin=person.pin
            )
            parts.append(f"<li>{escape(line)}</li>")
        parts.append("</ul>")
    parts.append("<h3>{}</h3>".format(escape(_tr("Simulated faults"))))
    if demo.faults:
        details = dict(demo.fault_details)
        parts.append("<ul>")
        for route in demo.faults:
            parts.append(f"<li>{escape(describe_fault(route, details.get(route)))}</li>")
        parts.append("</ul>")
    else:
        parts.append(
            "<p>{}</p>".format(
                escape(
                    _tr(
                        "None: every service answers at once. Start with --fault to try a "
                        "bad day, e.g. --fault piggy.collect=timeout."
                    )
                )
            )
        )
    return "".join(parts)


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
