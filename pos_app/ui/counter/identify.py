"""Who is at the counter: the scan field, the email code and slip references.

The lookups are the counter session's; this runs them as the one lookup task (a new scan
replaces the one running), says what is going on, and where the cashier goes after an
error (the code entry again, or the scan field).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from pos_app.services.counter import CounterSession
from pos_app.services.identify import ScanKind, classify_scan
from pos_app.services.shop_pickups import ShopJournalUnreachableError
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.counter import words
from pos_app.ui.counter.customer_widgets import MessageKind
from pos_app.ui.counter.screen import LOOKUP, CounterScreen
from pos_app.ui.i18n import translate as _tr


class IdentifyFlow:
    """``show_recent``: switch to Recent pickups (a slip reference opens its pickup there)."""

    def __init__(
        self,
        counter: CounterSession,
        screen: CounterScreen,
        tasks: TaskOwner,
        *,
        show_recent: Callable[[], None],
    ) -> None:
        self._counter = counter
        self._screen = screen
        self._tasks = tasks
        self._show_recent = show_recent
        screen.search_bar.submitted.connect(self.search)
        entry = screen.code_entry
        entry.submitted.connect(self.verify_code)
        entry.resend_requested.connect(
            lambda: self._look_up(counter.send_code(), _tr("Sending the code…"))
        )
        entry.cancelled.connect(self.cancel_code)
        screen.customer_page.list_header.filter_field.scanned.connect(self._scanned_into_filter)

    @property
    def busy(self) -> bool:
        return self._tasks.is_running(LOOKUP)

    def search(self) -> None:
        field = self._screen.search_bar.input
        scan = classify_scan(field.text())
        field.selectAll()
        if scan is None:
            return
        if not self._counter.repeat_scans.admit(scan.value):
            # The same card again while its lookup runs or just showed the customer: a
            # double read of the scanner (or the camera), not a new customer.
            return
        self._screen.search_bar.searched()
        self._screen.code_entry.close_entry()
        self._counter.new_scan(scan)
        look_up: tuple[Coroutine[Any, Any, object], str]
        if scan.kind is ScanKind.SLIP:
            look_up = self._open_slip(scan.value), _tr("Looking up the pickup…")
        elif self._counter.needs_code(scan):
            look_up = self._counter.send_code(scan.value), _tr("Sending the code…")
        else:
            look_up = self._counter.load_customer(scan), _tr("Looking up the customer…")
        self._look_up(*look_up, scanned=scan.value)

    def _scanned_into_filter(self, text: str) -> None:
        """A scanner typed into the filter field: it was meant for the scan field."""
        self.scanned(text)

    def scanned(self, text: str) -> None:
        """``text`` was scanned elsewhere (the camera): into the scan field, and searched."""
        self._screen.search_bar.input.setText(text)
        self.search()

    def verify_code(self, code: str) -> None:
        if self._counter.pending_email is not None:
            self._screen.code_entry.set_busy(True)
            self._look_up(self._counter.verify_code(code), _tr("Checking the code…"))

    def cancel_code(self) -> None:
        self._tasks.cancel(LOOKUP)
        self._counter.repeat_scans.release()
        self._counter.cancel_code()
        self._screen.code_entry.close_entry()
        self._screen.message_bar.clear_message()
        self._screen.focus_search()

    def stop(self) -> None:
        self._tasks.cancel(LOOKUP)
        self._counter.repeat_scans.release()

    def _look_up(
        self, coro: Coroutine[Any, Any, object], waiting_text: str, *, scanned: str | None = None
    ) -> None:
        """Run the one lookup; ``scanned``: the value it is for (its repeat lock ends with it)."""
        self._screen.message_bar.show_message(waiting_text, MessageKind.INFO)
        op = self._tasks.op(coro, key=LOOKUP).failure(self._failed).busy(self._screen.busy_bar)
        op.run().add_done_callback(lambda task: self._ended(task, scanned))

    def _ended(self, task: asyncio.Task[object], scanned: str | None) -> None:
        if scanned is not None:
            found = not task.cancelled() and task.exception() is None
            self._counter.repeat_scans.ended(scanned, found=found)
        if not self.busy:
            self._screen.side.release()

    def _failed(self, exc: BaseException) -> None:
        self._tasks.fail(exc)
        search = self._screen.search_bar
        if self._screen.code_entry.isVisible():
            self._screen.code_entry.retry()
        elif not search.is_typing():
            search.flash(good=False)
            self._screen.sounds.nobody()
            self._screen.focus_search()

    async def _open_slip(self, reference: str) -> None:
        recent = self._screen.recent_view
        if recent is not None:
            self._show_recent()
            operation = await recent.open_reference(reference)
        else:
            try:
                operation = await self._counter.find_pickup(reference)
            except ShopJournalUnreachableError:
                self._screen.message_bar.show_message(
                    words.shop_journal_unreachable(reference), MessageKind.ERROR
                )
                return
        messages = self._screen.message_bar
        if operation is None:
            messages.show_message(words.no_such_pickup(reference), MessageKind.ERROR)
        else:
            messages.show_message(words.describe_pickup(operation), MessageKind.INFO)
