"""The journal for code running on the GUI's event loop.

Every journal write ends in an fsync, which can take tens of milliseconds on a busy or
cheap disk; the GUI thread must not wait for it. :class:`AsyncJournal` keeps a
:class:`~pos_app.storage.journal.Journal` and its SQLite connection on one dedicated worker
thread (:mod:`pos_app.storage.worker`: the connection is created, used and closed there)
and runs any of its methods there as a coroutine:
``await journal.call(Journal.operation, operation_id)``, checked by mypy against the
method's own signature, so the journal's methods are declared once. One worker means calls
run one after another in the order they were made.

Cancelling an ``await`` does not cancel the call: a row that is being written is still
written. A cancelled ``call(Journal.begin_collect, ...)`` may therefore leave a pending
operation behind, which ``Journal.unresolved`` lists for reconciliation like any other.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pos_app.storage.errors import JournalClosedError
from pos_app.storage.journal import Clock, Journal
from pos_app.storage.worker import OnWorkerThread, start_on_worker

__all__ = ["AsyncJournal"]

T = TypeVar("T")


class AsyncJournal(OnWorkerThread[Journal]):
    """A :class:`Journal` on its own worker thread, used through :meth:`call`.

    Open with :meth:`open`; always finish with :meth:`aclose`, which runs after every call
    already made, closes the connection on the worker thread and stops the thread.
    """

    @classmethod
    async def open(
        cls,
        path: Path | str,
        *,
        shop_uuid: str | None,
        counter: str,
        clock: Clock | None = None,
        busy_timeout: float = 10.0,
    ) -> AsyncJournal:
        """Open (create, upgrade) the journal on a new worker thread; see :meth:`Journal.open`."""
        opener = functools.partial(
            Journal.open,
            path,
            shop_uuid=shop_uuid,
            counter=counter,
            clock=clock,
            busy_timeout=busy_timeout,
        )
        return await cls._start(opener)

    @classmethod
    async def open_read_only(cls, path: Path | str, *, busy_timeout: float = 10.0) -> AsyncJournal:
        return await cls._start(
            functools.partial(Journal.open_read_only, path, busy_timeout=busy_timeout)
        )

    @classmethod
    async def _start(cls, opener: Callable[[], Journal]) -> AsyncJournal:
        journal, executor = await start_on_worker(opener, thread_name="journal")
        return cls(journal, executor)

    def _closed_error(self) -> JournalClosedError:
        return JournalClosedError(f"The journal {self._resource.path} is closed.")

    @property
    def path(self) -> Path:
        return self._resource.path

    async def run(self, function: Callable[[Journal], T]) -> T:
        """Run ``function(journal)`` on the worker thread, e.g. to combine several reads."""
        return await self.call(function)
