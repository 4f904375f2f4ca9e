"""How far behind the shop journal is, asked every few seconds for the status bar.

Only on a counter whose journal is copied to the shop's shared journal, and not on a
kiosk's customer-facing screen. The question is
answered from this counter's own files (what was copied, what waits): it never waits for
the database, so it says the truth also while the database cannot be reached.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from pos_app.services.counter import CounterServices
from pos_app.services.shared_journal import Waiting
from pos_app.storage import JournalError
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.counter.status import CounterStatusBar

__all__ = ["SHARED_STATUS_INTERVAL_MS", "SharedJournalWatch"]

#: How often the status bar asks how far behind the shop journal is.
SHARED_STATUS_INTERVAL_MS = 2000
_KEY = "shared-journal-status"


class SharedJournalWatch(QObject):
    """Shows the shop journal's backlog in the status bar while the counter runs."""

    def __init__(
        self,
        services: CounterServices,
        status: CounterStatusBar,
        tasks: TaskOwner,
        parent: QObject | None = None,
        *,
        kiosk: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sharedJournalWatch")
        # A kiosk's screen faces customers: the backlog is staff's business (pos-app
        # shared-journal status); the copier runs all the same.
        self._shared = services.shared if not kiosk else None
        self._status = status
        self._tasks = tasks
        self._timer = QTimer(self)
        self._timer.setInterval(SHARED_STATUS_INTERVAL_MS)
        self._timer.timeout.connect(self.check_now)
        if services.shared is None and services.shared_problem is not None and not kiosk:
            status.show_shared(None)

    def start(self) -> None:
        if self._shared is not None:
            self.check_now()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> None:
        if self._shared is None or self._tasks.is_running(_KEY):
            return
        self._tasks.op(self._shared.waiting(), key=_KEY).success(self._show).failure(
            self._failed
        ).run()

    def _show(self, waiting: Waiting) -> None:
        self._status.show_shared(waiting)

    def _failed(self, exc: BaseException) -> None:
        # The journal's own trouble is said elsewhere (hand-overs stop); the last words stay.
        if not isinstance(exc, JournalError):
            self._tasks.fail(exc)
