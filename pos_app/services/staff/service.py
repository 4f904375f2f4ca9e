"""The staff list for code on the GUI's event loop: :class:`StaffService`.

A :class:`~pos_app.services.staff.profiles.StaffDirectory` on its own worker thread,
whose methods run there as coroutines (``await staff.call(StaffDirectory.profiles)``), so
a PIN check (tens of milliseconds of scrypt per profile) never blocks the GUI. Every
lockout a PIN check sets is journaled (``pin_lockout``) through the recorder the service
is given (:func:`journal_lockouts`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Unpack

from pos_app.clock import utc_now
from pos_app.services.staff.model import Clock, StaffStorageError
from pos_app.services.staff.pins import PinCheck
from pos_app.services.staff.profiles import DirectoryOptions, StaffDirectory
from pos_app.storage import PIN_LOCKOUT, AsyncJournal, Journal, StaffRef
from pos_app.storage.worker import OnWorkerThread, start_on_worker

__all__ = ["LockoutRecorder", "StaffService", "journal_lockouts"]

log = logging.getLogger(__name__)

#: Journals a lockout: ``(staff, note)``; see :func:`journal_lockouts`.
LockoutRecorder = Callable[[StaffRef | None, str], Awaitable[object]]


def journal_lockouts(journal: AsyncJournal) -> LockoutRecorder:
    """A recorder that writes each lockout to the journal as a ``pin_lockout`` event."""

    async def record(staff: StaffRef | None, note: str) -> object:
        return await journal.call(Journal.record_event, PIN_LOCKOUT, staff=staff, note=note)

    return record


class StaffService(OnWorkerThread[StaffDirectory]):
    """Staff profiles and PIN checks for code on the GUI's event loop.

    A :class:`StaffDirectory` on its own worker thread (scrypt is slow on purpose), used
    through :meth:`call`: ``await staff.call(StaffDirectory.add, name, role, pin)``. Open
    with :meth:`open`, finish with :meth:`aclose`. PIN checks go through :meth:`verify_pin`
    and :meth:`verify_manager_pin`, which hand the lockouts a check set to ``on_lockout``
    (normally :func:`journal_lockouts`) before it returns.
    """

    def __init__(
        self,
        directory: StaffDirectory,
        executor: ThreadPoolExecutor,
        *,
        on_lockout: LockoutRecorder | None = None,
        clock: Clock = utc_now,
    ) -> None:
        """Use :meth:`open`."""
        super().__init__(directory, executor)
        self._on_lockout = on_lockout
        self._clock = clock

    @classmethod
    async def open(
        cls,
        path: Path | str,
        *,
        pin_key: bytes,
        on_lockout: LockoutRecorder | None = None,
        **options: Unpack[DirectoryOptions],
    ) -> StaffService:
        """Open the staff database at ``path`` (e.g. ``settings.staff_path``)."""
        opener = functools.partial(StaffDirectory.open, path, pin_key=pin_key, **options)
        directory, executor = await start_on_worker(opener, thread_name="staff")
        return cls(directory, executor, on_lockout=on_lockout, clock=options.get("clock", utc_now))

    def _closed_error(self) -> StaffStorageError:
        return StaffStorageError("The staff database is closed.")

    def now(self) -> datetime:
        return self._clock()

    @property
    def path(self) -> Path:
        return self._resource.path

    async def verify_pin(self, profile_id: str, pin: str) -> PinCheck:
        return await self._journaled(await self.call(StaffDirectory.verify_pin, profile_id, pin))

    async def verify_manager_pin(self, pin: str, *, asked_by: StaffRef | None = None) -> PinCheck:
        check = await self.call(StaffDirectory.verify_manager_pin, pin, asked_by=asked_by)
        return await self._journaled(check)

    async def _journaled(self, check: PinCheck) -> PinCheck:
        if self._on_lockout is None:
            return check
        for lockout in check.lockouts:
            try:
                await self._on_lockout(lockout.staff, lockout.note)
            except Exception:
                # The lock itself is stored; a journal that cannot be written must not turn
                # a lockout into an accepted PIN or an error screen.
                log.exception("The PIN lockout could not be journaled")
        return check
