"""The journal for code running on the GUI's event loop.

Every journal write ends in an fsync, which can take tens of milliseconds on a busy or
cheap disk; the GUI thread must not wait for it. :class:`AsyncJournal` keeps a
:class:`~pos_app.storage.journal.Journal` and its SQLite connection on one dedicated worker
thread (the connection is created, used and closed there) and offers the same methods as
coroutines. One worker means calls run one after another in the order they were made.

Cancelling an ``await`` does not cancel the call: a row that is being written is still
written. A cancelled :meth:`AsyncJournal.begin_collect` may therefore leave a pending
operation behind, which :meth:`AsyncJournal.unresolved` lists for reconciliation like any
other.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta, tzinfo
from pathlib import Path
from typing import ParamSpec, TextIO, TypeVar

from pos_app.storage.chain import VerifyResult
from pos_app.storage.errors import JournalClosedError
from pos_app.storage.export import export_csv
from pos_app.storage.journal import Clock, Journal
from pos_app.storage.model import (
    COLLECT,
    RECONCILIATION,
    REVERSE,
    Entry,
    Operation,
    OpState,
    ReverseReason,
    StaffRef,
)

__all__ = ["AsyncJournal"]

P = ParamSpec("P")
T = TypeVar("T")


class AsyncJournal:
    """A :class:`Journal` on its own worker thread, with coroutine methods.

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

    async def _call(self, method: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        if self._closed:
            raise JournalClosedError(f"The journal {self._journal.path} is closed.")
        call = functools.partial(method, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

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

    async def run(self, function: Callable[[Journal], T]) -> T:
        """Run ``function(journal)`` on the worker thread, e.g. to combine several reads."""
        return await self._call(function, self._journal)

    # -- operations (see Journal for the rules) ----------------------------------------

    async def begin_collect(
        self,
        *,
        customer_uuid: str,
        loyalty_transaction_uuid: str,
        reward_title: str,
        staff: StaffRef | None = None,
        lease: timedelta | None = None,
    ) -> Operation:
        return await self._call(
            self._journal.begin_collect,
            customer_uuid=customer_uuid,
            loyalty_transaction_uuid=loyalty_transaction_uuid,
            reward_title=reward_title,
            staff=staff,
            lease=lease,
        )

    async def begin_reverse(
        self,
        *,
        collect_operation_id: str,
        reason: ReverseReason | str,
        redemption_uuid: str | None = None,
        note: str | None = None,
        staff: StaffRef | None = None,
        lease: timedelta | None = None,
    ) -> Operation:
        return await self._call(
            self._journal.begin_reverse,
            collect_operation_id=collect_operation_id,
            reason=reason,
            redemption_uuid=redemption_uuid,
            note=note,
            staff=staff,
            lease=lease,
        )

    async def confirm(self, operation_id: str, *, redemption_uuid: str | None = None) -> Operation:
        return await self._call(
            self._journal.confirm, operation_id, redemption_uuid=redemption_uuid
        )

    async def fail(self, operation_id: str, *, code: str | int | None, message: str) -> Operation:
        return await self._call(self._journal.fail, operation_id, code=code, message=message)

    async def mark_unknown(self, operation_id: str, *, detail: str) -> Operation:
        return await self._call(self._journal.mark_unknown, operation_id, detail=detail)

    async def resolve(
        self,
        operation_id: str,
        *,
        state: OpState | str,
        note: str,
        redemption_uuid: str | None = None,
        resolved_by: str = RECONCILIATION,
        staff: StaffRef | None = None,
        correct_inferred: bool = False,
    ) -> Operation:
        return await self._call(
            self._journal.resolve,
            operation_id,
            state=state,
            note=note,
            redemption_uuid=redemption_uuid,
            resolved_by=resolved_by,
            staff=staff,
            correct_inferred=correct_inferred,
        )

    async def record_event(
        self, kind: str, *, staff: StaffRef | None = None, note: str | None = None
    ) -> Entry:
        return await self._call(self._journal.record_event, kind, staff=staff, note=note)

    # -- queries ------------------------------------------------------------------------

    async def operation(self, operation_id: str) -> Operation:
        return await self._call(self._journal.operation, operation_id)

    async def history(self, operation_id: str) -> list[Entry]:
        return await self._call(self._journal.history, operation_id)

    async def unresolved(self) -> list[Operation]:
        return await self._call(self._journal.unresolved)

    async def settleable(self) -> list[Operation]:
        return await self._call(self._journal.settleable)

    async def collects_of(self, loyalty_transaction_uuid: str) -> list[Operation]:
        return await self._call(self._journal.collects_of, loyalty_transaction_uuid)

    async def recent_operations(
        self,
        *,
        day: date | None = None,
        text: str | None = None,
        kinds: Collection[str] = (COLLECT, REVERSE),
        limit: int = 100,
        tz: tzinfo | None = None,
    ) -> list[Operation]:
        return await self._call(
            self._journal.recent_operations, day=day, text=text, kinds=kinds, limit=limit, tz=tz
        )

    async def find_by_redemption(self, redemption_uuid: str) -> Operation | None:
        return await self._call(self._journal.find_by_redemption, redemption_uuid)

    async def find_by_reference(self, reference: str) -> Operation | None:
        return await self._call(self._journal.find_by_reference, reference)

    async def is_reversed(self, collect_operation_id: str) -> bool:
        return await self._call(self._journal.is_reversed, collect_operation_id)

    async def events(self, *, kind: str | None = None, limit: int = 100) -> list[Entry]:
        return await self._call(self._journal.events, kind=kind, limit=limit)

    async def staff_worked_here(self) -> bool:
        return await self._call(self._journal.staff_worked_here)

    async def count(self) -> int:
        return await self._call(self._journal.count)

    async def verify(self) -> VerifyResult:
        return await self._call(self._journal.verify)

    async def export_csv(self, out: TextIO) -> int:
        """Write the CSV export to ``out`` from the worker thread; returns the row count."""
        return await self._call(export_csv, self._journal, out)
