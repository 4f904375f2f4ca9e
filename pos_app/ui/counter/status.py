"""The counter's status bar: connection, what waits to be checked, set-up, who is signed in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from pos_app.services.progress import NudjSetupProblem
from pos_app.storage import StaffRef
from pos_app.ui.counter.words import unresolved_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("CounterStatusBar", text)


class CounterStatusBar(QStatusBar):
    """``leave_kiosk``: a kiosk's quiet "Leave kiosk" button is added (manager PIN)."""

    def __init__(
        self, counter_name: str, *, sign_in: bool, leave_kiosk: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.connection_label = QLabel(_tr("Connecting…"), self)
        self.connection_label.setObjectName("connectionStatus")
        self.addWidget(self.connection_label, 1)
        self.unresolved_label = QLabel(self)
        self.unresolved_label.setObjectName("unresolvedStatus")
        self.addPermanentWidget(self.unresolved_label)
        # A Nudj id source that finds nobody is the shop's set-up, not the customer's: said
        # to staff here, never on a kiosk's customer-facing screen (it is logged there).
        self.nudj_setup_label = QLabel(self)
        self.nudj_setup_label.setObjectName("nudjSetupStatus")
        self.nudj_setup_label.setWordWrap(False)
        self.nudj_setup_label.hide()
        self.addPermanentWidget(self.nudj_setup_label)
        self.sign_in_button = QPushButton(_tr("Sign in"), self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setFlat(True)
        self.sign_in_button.setVisible(sign_in)
        self.addPermanentWidget(self.sign_in_button)
        self.leave_button: QPushButton | None = None
        if leave_kiosk:
            self.leave_button = QPushButton(_tr("Leave kiosk"), self)
            self.leave_button.setObjectName("kioskLeaveButton")
            self.leave_button.setFlat(True)
            self.leave_button.setAccessibleName(_tr("Leave kiosk mode (manager PIN)"))
            self.addPermanentWidget(self.leave_button)
        self.addPermanentWidget(QLabel(_tr("Counter: {name}").format(name=counter_name), self))

    def show_connection(self, text: str) -> None:
        self.connection_label.setText(text)

    def show_unresolved(self, count: int | None) -> None:
        """``None``: could not be counted; the last count stays."""
        if count:
            self.unresolved_label.setText(unresolved_text(count))
        elif count == 0:
            self.unresolved_label.clear()

    def show_nudj_setup(self, problem: NudjSetupProblem | None) -> None:
        if problem is None:
            self.nudj_setup_label.clear()
            self.nudj_setup_label.hide()
            return
        self.nudj_setup_label.setText(
            _tr(
                "Nudj found none of the last {n} customers (by {source}): check the set-up."
            ).format(n=problem.misses, source=problem.looked_up_by)
        )
        self.nudj_setup_label.setToolTip(
            _tr(
                "The Nudj id sent for a customer (setting nudj_user_id_source) matched no Nudj "
                "user for the last {n} customers. Check the setting; pos-app doctor shows it too."
            ).format(n=problem.misses)
        )
        self.nudj_setup_label.show()

    def show_signed_in(self, staff: StaffRef | None) -> None:
        if staff is None:
            self.sign_in_button.setText(_tr("Sign in"))
        else:
            self.sign_in_button.setText(_tr("{name} · sign out").format(name=staff.name))
