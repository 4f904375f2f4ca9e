"""When to settle what hand-overs and reversals left unfinished, and who hears about it.

:class:`Reconciler` is the one owner of "reconcile now?": a counter's start, the connection
coming back after an outage, a timer every ``interval`` seconds while anything is still
unresolved, and an explicit :meth:`Reconciler.run_now`. Each run (and each recount of what
is unresolved) ends in one :class:`ReconcileReport` to every listener; views word it and
refresh themselves. How an operation is settled is :meth:`PickupDesk.reconcile`'s business.

No Qt: the timer is the running asyncio loop's ``call_later``, and the runs are started by
a ``spawn`` function the caller gives (the window passes its task owner, so its own
shutdown waits for a run in progress).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from pos_app.api import errors
from pos_app.services.pickup import PickupDesk, Reconciled
from pos_app.storage import JournalError

__all__ = ["RECONCILE_INTERVAL", "ReconcileReport", "Reconciler"]

log = logging.getLogger(__name__)

#: Seconds between checks while operations wait to be settled.
RECONCILE_INTERVAL = 30.0

Spawn = Callable[[Coroutine[Any, Any, None]], "asyncio.Future[None]"]


@dataclass(frozen=True)
class ReconcileReport:
    """What one run (or recount) found."""

    #: Operations whose outcome was learned in this run (none for a recount).
    settled: list[Reconciled] = field(default_factory=list)
    #: Why the run could not check (offline, a journal error); None when it could.
    failure: BaseException | None = None
    #: Operations still waiting to be settled, or None when they could not be counted.
    unresolved: int | None = None


class Reconciler:
    """Runs :meth:`PickupDesk.reconcile` when it is due and tells its listeners.

    Call :meth:`start` once the loop runs, :meth:`stop` on close. Hand it what the rest of
    the app learns: :meth:`connection_lost` (a call could not reach the server),
    :meth:`answered` (one did: after an outage, that starts a run), :meth:`note_unfinished`
    (an operation ended unknown: recount, and the timer starts).
    """

    def __init__(
        self,
        desk: PickupDesk,
        *,
        interval: float = RECONCILE_INTERVAL,
        spawn: Spawn = asyncio.ensure_future,
    ) -> None:
        if interval <= 0:
            raise ValueError("the interval must be > 0 seconds")
        self._desk = desk
        self._interval = interval
        self._spawn = spawn
        self._listeners: list[Callable[[ReconcileReport], None]] = []
        self._timer: asyncio.TimerHandle | None = None
        self._running = False
        self._stopped = False
        self._offline = False
        self._unresolved: int | None = None

    def add_listener(self, listener: Callable[[ReconcileReport], None]) -> None:
        self._listeners.append(listener)

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def timer_active(self) -> bool:
        """Whether a next run is scheduled (something still waits to be settled)."""
        return self._timer is not None

    def start(self) -> None:
        """The counter starts (or another window on the data folder did): check at once."""
        self._stopped = False
        self.run_now()

    def stop(self) -> None:
        """No more runs; one in progress is left to whoever spawned it to cancel."""
        self._stopped = True
        self._cancel_timer()

    def run_now(self) -> None:
        """Check now, unless a check is already running (its report comes soon)."""
        if self._stopped or self._running:
            return
        self._running = True
        self._cancel_timer()
        self._spawn(self._run())

    def note_unfinished(self) -> None:
        """An operation ended without a known outcome: recount, and keep checking."""
        if not self._stopped:
            self._spawn(self._recount())

    def connection_lost(self) -> None:
        self._offline = True

    def answered(self) -> None:
        """A call went through: after an outage, settle what the outage left."""
        if self._offline:
            self._offline = False
            self.run_now()

    async def _run(self) -> None:
        settled: list[Reconciled] = []
        failure: BaseException | None = None
        try:
            settled = await self._desk.reconcile()
        except errors.ApiError as exc:
            failure = exc
            if isinstance(exc, errors.ApiConnectionError):
                self._offline = True
        except JournalError as exc:
            failure = exc
        finally:
            self._running = False
        await self._report(ReconcileReport(settled, failure))

    async def _recount(self) -> None:
        await self._report(ReconcileReport())

    async def _report(self, report: ReconcileReport) -> None:
        try:
            self._unresolved = await self._desk.unresolved_count()
        except JournalError as exc:
            log.error("Cannot count the unresolved operations: %s", exc)
            self._unresolved = None
        report = ReconcileReport(report.settled, report.failure, self._unresolved)
        self._schedule()
        for listener in list(self._listeners):
            try:
                listener(report)
            except Exception:
                log.exception("A reconciliation listener failed")

    def _schedule(self) -> None:
        self._cancel_timer()
        if self._stopped or not self._unresolved:
            return
        self._timer = asyncio.get_running_loop().call_later(self._interval, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        self.run_now()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
