"""F1 at the counter (the keys, claiming, returns and To prepare, what the badges on a
reward mean), and notice boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.i18n import translate as _tr


def shortcuts() -> list[tuple[str, str]]:
    """The counter's keys and what they do (also listed in the README)."""
    return [
        (_tr("Scan, or type and Enter"), _tr("Find the customer (card, QR, email, slip code)")),
        (_tr("Enter on a reward"), _tr("Hand it over (Enter again to confirm)")),
        (_tr("Ctrl+Enter"), _tr("Hand over all rewards that can go")),
        (_tr("Ctrl+A"), _tr("Select every reward in the list")),
        (_tr("Ctrl+F"), _tr("Filter a long list (Escape empties it)")),
        (_tr("Ctrl+L or F6"), _tr("Back to the scan field")),
        (_tr("Ctrl+R"), _tr("Recent pickups (managers reverse there)")),
        (_tr("Ctrl+T"), _tr("To prepare: rewards claimed for pickup here")),
        (_tr("Escape"), _tr("Cancel the email code; back to the scan field")),
        (
            _tr("Camera"),
            _tr("Read the customer's QR code or card with the camera (Escape closes it)"),
        ),
        (_tr("F1"), _tr("This help")),
    ]


def features() -> list[tuple[str, str]]:
    """What the counter offers beyond its keys: claiming, the refund choice, To prepare."""
    return [
        (
            _tr("Claim with points…"),
            _tr("Spend the customer's points on a shop reward; it joins their pickup list"),
        ),
        (
            _tr("Reverse… (Recent pickups)"),
            _tr("Put it back for pickup, or refund the points (a manager's PIN)"),
        ),
        (
            _tr("To prepare (Ctrl+T)"),
            _tr("Rewards claimed for pickup here; mark what is ready on the shelf"),
        ),
    ]


def badges() -> list[tuple[str, str]]:
    return [
        (_tr("Expires today"), _tr("Orange: hand it over today or it is gone")),
        (_tr("Expires in 3 days"), _tr("Amber within a week, grey later")),
        (_tr("Expired on …"), _tr("Greyed out: it can no longer be handed over")),
        (_tr("Digital"), _tr("Received online: nothing to hand over at the counter")),
        (_tr("Handing over…"), _tr("Sent to the loyalty service, waiting for its answer")),
        (_tr("On the shelf"), _tr("Staff put it ready on the shelf (To prepare)")),
    ]


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td><b>{key}</b></td><td>&nbsp;&nbsp;{what}</td></tr>" for key, what in rows
    )
    return f"<table cellspacing='4'>{cells}</table>"


class HelpDialog(QDialog):
    """Not modal: it can stay open beside the counter while the cashier works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterHelp")
        self.setWindowTitle(_tr("Help"))
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        # The headings outside the f-string: pyside6-lupdate finds no tr() call inside one.
        keys = _tr("Keys")
        more = _tr("Claims, returns, To prepare")
        chips = _tr("Badges on a reward")
        self.text.setText(
            f"<h3>{keys}</h3>{_table(shortcuts())}"
            f"<h3>{more}</h3>{_table(features())}"
            f"<h3>{chips}</h3>{_table(badges())}"
        )
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)


def info_box(parent: QWidget, title: str, text: str, name: str) -> None:
    """A window-modal note that stays until closed, without holding anything up."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text)
    box.setObjectName(name)
    box.setParent(parent, box.windowFlags())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
