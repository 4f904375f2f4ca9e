"""The journal for code running on the GUI's event loop.

Every journal write ends in an fsync, which can take tens of milliseconds on a busy or
cheap disk; the GUI thread must not wait for it. :class:`AsyncJournal` keeps a
:class:`~pos_app.storage.journal.Journal` and its SQLite connection on one dedicated worker
thread (the connection is created, used and closed there) and runs any of its methods there
as a coroutine: ``await journal.call(Journal.operation, operation_id)``, checked by mypy
against the method's own signature, so the journal's methods are declared once. One worker
means calls run one after another in the order they were made.

Cancelling an ``await`` does not cancel the call: a row that is being written is still
written. A cancelled ``call(Journal.begin_collect, ...)`` may therefore leave a pending
operation behind, which ``Journal.unresolved`` lists for reconciliation like any other.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from pos_app.storage.errors import JournalClosedError
from pos_app.storage.journal import Clock, Journal
from pos_app.storage.model import Operation

__all__ = ["AsyncJournal"]

P = ParamSpec("P")
T = TypeVar("T")


class AsyncJournal:
    """A :class:`Journal` on its own worker thread, used through :meth:`call`.

    Open with :meth:`open`; always finish with :meth:`aclose`, which runs after every call
    already made, closes the connection on the worker thread and stops the thread.
    """

    def __init__(self, journal: Journal, executor: ThreadPoolExecutor) -> None:
        """Use :meth:`open`: the journal must have been opened on ``executor``'s thread."""
        self._journal = journal
        self._executor = executor
        self._closed = False

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
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")
        try:
            journal = await asyncio.get_running_loop().run_in_executor(executor, opener)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(journal, executor)

    @property
    def path(self) -> Path:
        return self._journal.path

    @property
    def closed(self) -> bool:
        return self._closed

    async def aclose(self) -> None:
        """Close the connection on its thread and stop the thread. Idempotent."""
        if self._closed:
            return
        self._closed = True
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._executor, self._journal.close)
        finally:
            # The worker is idle once close() ran, so joining it does not hold up the loop.
            self._executor.shutdown(wait=True)

    async def call(
        self, method: Callable[Concatenate[Journal, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run ``method(journal, *args, **kwargs)`` on the worker thread and return its result.

        ``method`` is normally a :class:`Journal` method taken from the class, so the
        arguments are checked against its signature:
        ``await journal.call(Journal.find_by_reference, reference)``. Any function taking
        the journal first does too (e.g. :func:`~pos_app.storage.export.export_csv`).
        """
        if self._closed:
            raise JournalClosedError(f"The journal {self._journal.path} is closed.")
        work = functools.partial(method, self._journal, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    async def run(self, function: Callable[[Journal], T]) -> T:
        """Run ``function(journal)`` on the worker thread, e.g. to combine several reads."""
        return await self.call(function)

    async def find_by_reference(self, reference: str) -> Operation | None:
        """Kept only for the main window until it uses :meth:`call` like the rest."""
        return await self.call(Journal.find_by_reference, reference)
