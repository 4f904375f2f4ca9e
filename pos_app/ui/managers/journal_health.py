"""What the journal check at start found, and a manager's acknowledgement of it.

When the pickup journal lost rows, was emptied, deleted or replaced
(:class:`~pos_app.storage.JournalHealth`), hand-overs are held and
:class:`JournalHealthBanner` says what was found. A manager acknowledges it with their PIN
(the same approval as for a reversal); that is journaled with their name and what was
found, and hand-overs start again. Where no manager profile exists, nobody at the counter
can approve it (creating the "first manager" on the spot would let anyone do so): the
banner then names the command the shop's IT contact runs instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from pos_app.services.staff import StaffDirectory, StaffService
from pos_app.storage import AsyncJournal, HealthProblem, JournalError, JournalHealth, StaffRef
from pos_app.ui.async_support import TaskOwner, report_exception
from pos_app.ui.i18n import translate as _tr

__all__ = ["JournalHealthBanner", "describe_health"]

log = logging.getLogger(__name__)

_ACKNOWLEDGE = "journal.acknowledge"


def describe_health(health: JournalHealth) -> str:
    """What was found, for the person at the counter (no paths: they are for IT).

    Only problems a manager acknowledges; the app does not use a damaged journal at all.
    """
    problem = health.problem
    if problem is None or not health.needs_acknowledgement:
        raise ValueError(f"nothing for a manager to acknowledge: {problem}")
    expected = health.expected.rows if health.expected is not None else 0
    found = {
        HealthProblem.MISSING: _tr(
            "The pickup journal is missing: the copy of its end kept beside it says it had "
            "{expected} rows. A new, empty journal was started."
        ),
        HealthProblem.EMPTIED: _tr(
            "The pickup journal was emptied: the copy of its end kept beside it says it had "
            "{expected} rows. A new, empty journal was started."
        ),
        HealthProblem.TRUNCATED: _tr(
            "The pickup journal is shorter than it was: it has {rows} rows, but the copy of "
            "its end kept beside it says {expected}, so the last {missing} rows are missing."
        ),
        HealthProblem.REPLACED: _tr(
            "The pickup journal is not the one this counter wrote: its rows do not match the "
            "copy of its end kept beside it ({rows} rows, the copy says {expected}). It was "
            "replaced by another file, or rewritten."
        ),
        HealthProblem.HEAD_UNREADABLE: _tr(
            "The copy of the pickup journal's end, kept beside it, cannot be read, so it "
            "cannot be told whether pickups are missing from the journal."
        ),
    }[problem]
    return found.format(rows=health.rows or 0, expected=expected, missing=health.missing_rows)


class JournalHealthBanner(QFrame):
    """A problem the journal check found, with the manager's Acknowledge button.

    ``objectName`` ``journalHealthBanner``; the text is ``journalHealthText``, the button
    ``journalAcknowledgeButton``. ``asked_by`` gives who is signed in (journaled with a
    lockout of manager approval).

    Signals:
        acknowledged(str): the approving manager's name, once the acknowledgement is in
            the journal; the banner has hidden itself.
    """

    acknowledged = Signal(str)

    def __init__(
        self,
        health: JournalHealth,
        journal: AsyncJournal,
        staff: StaffService | None,
        tasks: TaskOwner,
        *,
        asked_by: Callable[[], StaffRef | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journalHealthBanner")
        self._health = health
        self._journal = journal
        self._staff = staff
        self._tasks = tasks
        self._asked_by = asked_by
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        self.text = QLabel(self.held_text(), self)
        self.text.setObjectName("journalHealthText")
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"), self)
        self.acknowledge_button.setObjectName("journalAcknowledgeButton")
        self.acknowledge_button.setMinimumHeight(44)
        self.acknowledge_button.setToolTip(self.tr("A manager confirms with their PIN"))
        self.acknowledge_button.clicked.connect(self.on_acknowledge_button_clicked)
        row.addWidget(self.acknowledge_button)

    def held_text(self) -> str:
        return " ".join(
            (
                describe_health(self._health),
                self.tr("Hand-overs are held until a manager has seen this and acknowledges it."),
            )
        )

    def on_acknowledge_button_clicked(self) -> None:
        if self._tasks.is_running(_ACKNOWLEDGE):
            return
        self._tasks.op(self._acknowledge(), key=_ACKNOWLEDGE).failure(self._on_failed).run()

    async def _acknowledge(self) -> None:
        if self._staff is None or not await self._staff.call(StaffDirectory.has_any_manager):
            log.warning(
                "A journal problem waits to be acknowledged and no manager exists here: "
                "run `pos-app journal acknowledge --by NAME` on this computer, then restart"
            )
            self.text.setText(
                " ".join(
                    (
                        self.held_text(),
                        self.tr(
                            "No manager profile is set up on this counter, so it cannot be "
                            "acknowledged here. Ask your IT contact."
                        ),
                    )
                )
            )
            return
        from pos_app.ui.managers.staff import ask_manager_pin  # with the staff dialogs

        manager = await ask_manager_pin(
            self._staff,
            self.window(),
            prompt=self.tr("A manager acknowledges the journal problem with their PIN."),
            asked_by=self._asked_by(),
        )
        if manager is None:
            return
        ref = manager.ref
        await self._journal.run(lambda journal: journal.acknowledge_health(ref))
        log.warning("Journal problem acknowledged by manager %s", ref.profile_id)
        self.hide()
        self.acknowledged.emit(ref.name)

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, JournalError):
            report_exception(type(exc), exc, exc.__traceback__)
            return
        log.error("The acknowledgement could not be journaled: %s", exc)
        self.text.setText(
            " ".join(
                (
                    self.held_text(),
                    self.tr(
                        "The acknowledgement could not be recorded in the journal, so "
                        "hand-overs stay held. Ask your IT contact."
                    ),
                )
            )
        )
