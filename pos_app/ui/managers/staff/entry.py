"""The managers' own "Staff…" entry: a button for the counter's status bar (or a menu's
action) that opens staff management after a manager's PIN, reachable from the counter
itself rather than only from Recent pickups."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from pos_app.services.staff import StaffService
from pos_app.storage import StaffRef
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.staff.list_dialog import manage_staff

__all__ = ["STAFF_TASK", "StaffEntry"]

#: Task key of the running staff management: one at a time.
STAFF_TASK = "staff"


class StaffEntry(QObject):
    """The "Staff…" button (``objectName`` ``staffEntryButton``) and what it opens.

    ``asked_by`` says who is signed in at the counter when the entry is used (journaled
    with a lockout of the manager approval). Without a staff service the button is
    disabled and its tooltip says why.
    """

    def __init__(
        self,
        staff: StaffService | None,
        tasks: TaskOwner,
        parent: QWidget,
        *,
        asked_by: Callable[[], StaffRef | None],
    ) -> None:
        super().__init__(parent)
        self._staff = staff
        self._tasks = tasks
        self._parent = parent
        self._asked_by = asked_by
        self.button = QPushButton(_tr("Staff…"), parent)
        self.button.setObjectName("staffEntryButton")
        self.button.setFlat(True)
        self.button.setAccessibleName(_tr("Staff management (manager PIN)"))
        self.button.clicked.connect(self.open)
        self.set_staff(staff)

    def set_staff(self, staff: StaffService | None) -> None:
        """Hand in the staff service when it becomes available later."""
        self._staff = staff
        self.button.setEnabled(staff is not None)
        self.button.setToolTip(
            _tr("Add, rename or deactivate staff and change PINs (a manager's PIN is asked)")
            if staff is not None
            else _tr("The staff list cannot be opened on this counter. Ask your IT contact.")
        )

    def open(self) -> None:
        """Ask for a manager's PIN, then show the staff list (once at a time)."""
        if self._staff is None or self._tasks.is_running(STAFF_TASK):
            return
        self._tasks.op(
            manage_staff(self._staff, self._parent.window(), asked_by=self._asked_by()),
            key=STAFF_TASK,
        ).run()
