"""The managers' "Reports…" entry: a button that opens the Reports page after a manager's PIN.

The report is the shop's, from the shared journal, when the counter has one
(:meth:`ReportsEntry.set_shared_journal`); without one, or while that database cannot be
reached, it is this counter's own, and the page says which.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, tzinfo

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from pos_app.services.reports import Report, ReportPeriod, local_report, local_time_zone
from pos_app.services.shared_journal import SharedJournal
from pos_app.services.staff import StaffService
from pos_app.storage import AsyncJournal, StaffRef
from pos_app.ui.async_support import TaskOwner, await_dialog
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.reports.dialog import ReportsDialog
from pos_app.ui.managers.staff import ask_manager_pin

__all__ = ["REPORTS_TASK", "ReportsEntry"]

log = logging.getLogger(__name__)

#: Task key of the open Reports page: one at a time.
REPORTS_TASK = "reports"


class ReportsEntry(QObject):
    """The "Reports…" button (``objectName`` ``reportsEntryButton``) and what it opens.

    Without a staff service (no manager PIN can be checked) the button is disabled and its
    tooltip says why. ``today`` and ``tz`` are the shop's calendar (default: this computer's).
    """

    def __init__(
        self,
        journal: AsyncJournal,
        staff: StaffService | None,
        tasks: TaskOwner,
        parent: QWidget,
        *,
        asked_by: Callable[[], StaffRef | None] = lambda: None,
        today: Callable[[], date] | None = None,
        tz: tzinfo | None = None,
        file_dialogs: bool = True,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._staff = staff
        self._tasks = tasks
        self._parent = parent
        self._asked_by = asked_by
        self._tz = tz or local_time_zone()
        self._today = today or (lambda: datetime.now(self._tz).date())
        self._file_dialogs = file_dialogs
        self._shared: SharedJournal | None = None
        self.button = QPushButton(_tr("Reports…"), parent)
        self.button.setObjectName("reportsEntryButton")
        self.button.setFlat(True)
        self.button.setAccessibleName(_tr("Reports (manager PIN)"))
        self.button.clicked.connect(self.open)
        self.button.setEnabled(staff is not None)
        self.button.setToolTip(
            _tr("Hand-overs, rewards and reversals of a day or a week (a manager's PIN is asked)")
            if staff is not None
            else _tr("Reports cannot be opened on this counter: no manager PIN can be checked.")
        )

    def set_shared_journal(self, shared: SharedJournal | None) -> None:
        """Report on the whole shop from ``shared`` (None: this counter's journal only)."""
        self._shared = shared

    def open(self) -> None:
        """Ask for a manager's PIN, then show the Reports page (once at a time)."""
        if self._staff is None or self._tasks.is_running(REPORTS_TASK):
            return
        self._tasks.op(self.run(), key=REPORTS_TASK).run()

    async def run(self) -> None:
        assert self._staff is not None
        window = self._parent.window()
        manager = await ask_manager_pin(
            self._staff,
            window,
            prompt=_tr("Reports need a manager's PIN."),
            asked_by=self._asked_by(),
        )
        if manager is None:
            return
        dialog = ReportsDialog(
            self.load,
            today=self._today,
            tz=self._tz,
            file_dialogs=self._file_dialogs,
            parent=window,
        )
        try:
            await await_dialog(dialog)
        finally:
            await dialog.tasks.cancel_all()
            dialog.deleteLater()

    async def load(self, period: ReportPeriod) -> Report:
        """The shop's report when the shared journal answers, else this counter's."""
        tz = self._tz
        if self._shared is None:
            return await self._journal.run(lambda journal: local_report(journal, period, tz))
        from pos_app.storage.shared import SharedJournalError

        try:
            report = await self._shared.report(period, tz)
        except (SharedJournalError, OSError) as exc:
            log.warning("Report from this counter's journal: %s", exc)
            local = await self._journal.run(lambda journal: local_report(journal, period, tz))
            return replace(local, shared_unreachable=True)
        backlog = await self._shared.backlog()
        return replace(report, waiting_rows=backlog.rows)
