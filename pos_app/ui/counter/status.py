"""The counter's status bar: connection, what waits to be checked, set-up, who is signed in."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from pos_app.clock import utc_now
from pos_app.services.shared_journal import Waiting
from pos_app.storage import StaffRef
from pos_app.ui.counter.words import unresolved_text
from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.plurals import english_plural
from pos_app.ui.theme import set_style_property

if TYPE_CHECKING:
    from pos_app.services.progress import NudjSetupProblem


def waiting_age_text(oldest: datetime, now: datetime) -> str:
    """How long the oldest row has waited, roughly: "3 min", "2 h", "4 days"."""
    minutes = max(0, int((now - oldest).total_seconds() // 60))
    if minutes < 1:
        return _tr("under a minute")
    if minutes < 120:
        return _tr("{n} min").format(n=minutes)
    hours = minutes // 60
    if hours < 48:
        return _tr("{n} h").format(n=hours)
    days = hours // 24
    return english_plural(_tr("%n day(s)", "", days), days, "day(s)", "day", "days")


def shared_journal_text(waiting: Waiting | None, *, now: datetime | None = None) -> str:
    """The status bar's words for the shop journal (the shared journal on PostgreSQL)."""
    if waiting is None:
        return _tr("Shop journal not in use on this counter — ask your IT contact")
    if waiting.conflict:
        return _tr(
            "Shop journal: copying stopped, this counter's journal differs — ask your IT contact"
        )
    if waiting.refused:
        # The line is fine; the login is not (no password stored, a wrong one, no rights).
        n = waiting.pickups if waiting.oldest is not None else 0
        if not n:
            return _tr("Shop journal refused this counter's login — ask your IT contact")
        text = _tr(
            "Shop journal refused this counter's login — %n pickup(s) waiting to be copied; "
            "ask your IT contact",
            "",
            n,
        )
        return english_plural(text, n, "pickup(s)", "pickup", "pickups")
    if waiting.oldest is None:
        if waiting.unreachable:
            return _tr("Shop journal unreachable — nothing waiting to be copied")
        return _tr("Shop journal up to date")
    age = waiting_age_text(waiting.oldest, now or utc_now())
    n = waiting.pickups
    if waiting.unreachable:
        text = _tr(
            "Shop journal unreachable — %n pickup(s) waiting to be copied, oldest {age}", "", n
        )
    else:
        text = _tr("Shop journal: %n pickup(s) waiting to be copied, oldest {age}", "", n)
    return english_plural(text, n, "pickup(s)", "pickup", "pickups").format(age=age)


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" instead of widening the window.

    A plain QLabel's minimum width is its whole text, so one long status (a connection
    error, a set-up warning, a long translation) would make the window wider than a
    1024 px screen. The whole text stays in the tooltip and the accessible name.
    """

    #: Enough for the start of a message.
    MIN_WIDTH = 80

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._sync_name()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._sync_name()

    def clear(self) -> None:
        super().clear()
        self._sync_name()

    def _sync_name(self) -> None:
        self.setAccessibleName(self.text())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.MIN_WIDTH), hint.height())

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), text)


class CounterStatusBar(QStatusBar):
    """``leave_kiosk``: a kiosk's quiet "Leave kiosk" button is added (manager PIN)."""

    def __init__(
        self,
        counter_name: str,
        *,
        sign_in: bool,
        leave_kiosk: bool,
        parent: QWidget,
        kiosk_settings: bool = False,
    ) -> None:
        super().__init__(parent)
        self.connection_label = ElidedLabel(_tr("Connecting…"), self)
        self.connection_label.setObjectName("connectionStatus")
        self.addWidget(self.connection_label, 1)
        self.unresolved_label = QLabel(self)
        self.unresolved_label.setObjectName("unresolvedStatus")
        self.addPermanentWidget(self.unresolved_label)
        # Only on a counter whose journal is copied to the shop's (shared journal).
        self.shared_label = ElidedLabel(parent=self)
        self.shared_label.setObjectName("sharedJournalStatus")
        self.shared_label.hide()
        self.addPermanentWidget(self.shared_label)
        # A Nudj id source that finds nobody is the shop's set-up, not the customer's: said
        # to staff here, never on a kiosk's customer-facing screen (it is logged there).
        self.nudj_setup_label = ElidedLabel(parent=self)
        self.nudj_setup_label.setObjectName("nudjSetupStatus")
        self.nudj_setup_label.hide()
        self.addPermanentWidget(self.nudj_setup_label)
        self.sign_in_button = QPushButton(_tr("Sign in"), self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setFlat(True)
        self.sign_in_button.setVisible(sign_in)
        self.addPermanentWidget(self.sign_in_button)
        self.leave_button: QPushButton | None = None
        if leave_kiosk:
            self.leave_button = leave = QPushButton(self)
            leave.setObjectName("kioskLeaveButton")
            leave.setFlat(True)

            def leave_texts() -> None:
                if kiosk_settings:
                    # A manager then closes the app, opens Settings, or stays.
                    leave.setText(_tr("Leave kiosk…"))
                    leave.setAccessibleName(_tr("Leave kiosk mode or open Settings (manager PIN)"))
                    leave.setToolTip(
                        _tr("A manager's PIN, then: close the app, open Settings, or stay.")
                    )
                    return
                leave.setText(_tr("Leave kiosk (closes the app)"))
                leave.setAccessibleName(_tr("Leave kiosk mode and close the app (manager PIN)"))
                leave.setToolTip(
                    _tr("A manager's PIN closes the app; start it again for the next customer.")
                )

            retranslated(leave, leave_texts)
            self.addPermanentWidget(leave)
        self.counter_label = label = ElidedLabel(parent=self)
        label.setObjectName("counterName")

        def counter_texts() -> None:
            label.setText(_tr("Counter: {name}").format(name=counter_name))
            label.setToolTip(label.text())

        retranslated(label, counter_texts)
        self.addPermanentWidget(label)

    def show_connection(self, text: str) -> None:
        self.connection_label.setText(text)
        self.connection_label.setToolTip(text)

    def show_unresolved(self, count: int | None) -> None:
        """``None``: could not be counted; the last count stays."""
        if count:
            self.unresolved_label.setText(unresolved_text(count))
        elif count == 0:
            self.unresolved_label.clear()

    def show_shared(self, waiting: Waiting | None, *, now: datetime | None = None) -> None:
        """How far behind the shop journal is; None: it cannot be used on this counter."""
        self.shared_label.setText(shared_journal_text(waiting, now=now))
        self.shared_label.setToolTip(
            _tr(
                "This counter's hand-overs and reversals are copied to the shop journal, so "
                "that every counter of the shop can find and reverse them. While it cannot "
                "be reached, this counter works on as usual and catches up by itself."
            )
        )
        set_style_property(
            self.shared_label,
            "kind",
            "error" if waiting is None or waiting.unreachable or waiting.conflict else "info",
        )
        self.shared_label.show()

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
                "user for the last {n} customers. A manager checks it in Settings, under Giftoin "
                "and Nudj."
            ).format(n=problem.misses)
        )
        self.nudj_setup_label.show()

    def show_signed_in(self, staff: StaffRef | None) -> None:
        if staff is None:
            self.sign_in_button.setText(_tr("Sign in"))
        else:
            self.sign_in_button.setText(_tr("{name} · sign out").format(name=staff.name))
