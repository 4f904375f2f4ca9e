"""The outbox: copies the local journal's rows to the shared journal in the background.

The local journal stays the source of truth and is written first, as always; the copier
only reads it. It copies the rows in sequence order, a batch per transaction, and after
each batch notes locally how far it got (:class:`CopyMark`, a small file beside the
journal). Copying is idempotent (:func:`~pos_app.storage.shared.store.insert_rows`), so a
crash between a batch being stored and the note being written only means that batch is
compared again next time: no row is missed and none is doubled.

On every new connection the copier also asks the database how far the chain goes there and
starts from the lower of the two: a database restored from an older backup gets the rows
it lost again. A database that cannot be reached changes nothing at the counter: the
copier waits and tries again (:meth:`JournalCopier.run`), and :meth:`JournalCopier.backlog`
tells how far behind it is (rows not copied yet, the oldest one's time) from the local
files alone. A stored row that differs from the local one (:class:`CopyConflict`) stops
the copying of that chain and is reported; nothing is ever written over.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

from pos_app.storage.async_journal import AsyncJournal
from pos_app.storage.journal import Journal
from pos_app.storage.shared.errors import (
    SharedJournalError,
    SharedJournalRefusedError,
    SharedJournalUnavailableError,
)
from pos_app.storage.shared.rows import chain_id_of
from pos_app.storage.shared.schema import check_schema
from pos_app.storage.shared.store import CopyConflict, chain_head, insert_rows

__all__ = ["Backlog", "CopyMark", "JournalCopier"]

log = logging.getLogger(__name__)

Connection = psycopg.AsyncConnection[Any]
Connector = Callable[[], Awaitable[Connection]]

#: Seconds between attempts while the database cannot be reached, the last one repeated.
RETRY_DELAYS: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)


@dataclass(frozen=True)
class Backlog:
    """How far behind the shared journal is, as this counter knows it."""

    #: Local rows not yet known to be in the shared journal.
    rows: int
    #: When the oldest of them was written (None: nothing waiting).
    oldest: datetime | None
    #: The last row known to be copied.
    copied_through: int
    #: Why the last attempt failed (None: it worked, or none was made yet).
    last_error: str | None = None
    #: The last attempt failed because the database refused this login (not the network).
    refused: bool = False
    #: A local row the shared journal holds differently: copying stopped there.
    conflict: CopyConflict | None = None


class CopyMark:
    """How far the copier got: the chain and its last row known to be copied.

    A JSON file replaced atomically. Losing it costs a comparison of rows already copied,
    nothing more; a mark of another chain (the journal file was replaced) counts as none.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, chain_id: str) -> int:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return 0
        if not isinstance(data, dict) or data.get("chain_id") != chain_id:
            return 0
        copied = data.get("copied_through")
        return copied if isinstance(copied, int) and copied > 0 else 0

    def save(self, chain_id: str, copied_through: int) -> None:
        tmp = self.path.with_suffix(".tmp")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump({"chain_id": chain_id, "copied_through": copied_through}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self.path)


async def _check_login(conn: Connection) -> None:
    """Refuse, in plain words, a login that belongs to no shop (its rows would go nowhere)."""
    cursor = await conn.execute("SELECT session_user, pos_shared.login_shop()")
    row = await cursor.fetchone()
    if row is None or row[1] is None:
        login = row[0] if row else "?"
        raise SharedJournalRefusedError(
            f"The login {login} belongs to no shop in the shared journal: the database's "
            "administrator has to add it to pos_shared.login (see the README, "
            '"One counter or many").'
        )


def _rows_after(journal: Journal, after: int, limit: int) -> list[dict[str, Any]]:
    return journal.raw_rows_after(after, limit)


class JournalCopier:
    """Copies one local journal's rows to the shared journal.

    ``connect`` makes a new connection (autocommit; errors as
    :class:`~pos_app.storage.shared.errors.SharedJournalError`); the copier keeps it until
    it fails. Use :meth:`copy_pending` for one pass, or :meth:`run` as a long-lived task,
    woken by :meth:`wake` after a local write; finish with :meth:`aclose`.
    """

    def __init__(
        self,
        journal: AsyncJournal,
        connect: Connector,
        *,
        mark: CopyMark,
        batch_size: int = 500,
        poll_interval: float = 30.0,
        retry_delays: Sequence[float] = RETRY_DELAYS,
    ) -> None:
        if batch_size <= 0:
            raise ValueError("a batch has at least one row")
        self._journal = journal
        self._connect = connect
        self._mark = mark
        self._batch_size = batch_size
        self._poll_interval = poll_interval
        self._retry_delays = tuple(retry_delays) or RETRY_DELAYS
        self._conn: Connection | None = None
        self._chain_id: str | None = None
        self._copied_through = 0
        self._mark_loaded = False
        self._fresh_connection = False
        self._last_error: str | None = None
        self._refused = False
        self._conflict: CopyConflict | None = None
        self._wake = asyncio.Event()
        #: How many passes were made, successful or not (for whoever shows the state).
        self.passes = 0

    @property
    def last_error(self) -> str | None:
        return self._last_error

    @property
    def conflict(self) -> CopyConflict | None:
        return self._conflict

    def wake(self) -> None:
        """Copy now rather than at the next poll (a row was just written)."""
        self._wake.set()

    async def _chain(self) -> str | None:
        if self._chain_id is None:
            first = await self._journal.call(_rows_after, 0, 1)
            if not first:
                return None
            self._chain_id = chain_id_of(first[0])
        if not self._mark_loaded:
            self._copied_through = self._mark.load(self._chain_id)
            self._mark_loaded = True
        return self._chain_id

    async def chain_id(self) -> str | None:
        """The id of the local journal's chain (None: the journal has no row yet)."""
        return await self._chain()

    async def backlog(self) -> Backlog:
        """How far behind the shared journal is, from the local files alone."""
        chain = await self._chain()
        total = await self._journal.call(Journal.count)
        waiting = await self._journal.call(_rows_after, self._copied_through, 1)
        oldest = datetime.fromisoformat(waiting[0]["recorded_at"]) if waiting else None
        return Backlog(
            rows=max(0, total - self._copied_through) if chain else 0,
            oldest=oldest,
            copied_through=self._copied_through,
            last_error=self._last_error,
            refused=self._refused,
            conflict=self._conflict,
        )

    async def _connection(self) -> Connection:
        if self._conn is None or self._conn.closed:
            conn = await self._connect()
            try:
                await check_schema(conn)
                await _check_login(conn)
            except BaseException:
                await conn.close()
                raise
            self._conn = conn
            self._fresh_connection = True
        return self._conn

    async def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(psycopg.Error, OSError):
                await conn.close()

    async def copy_pending(self) -> int:
        """Copy every row not copied yet; returns how many were stored by this pass.

        Raises a :class:`~pos_app.storage.shared.errors.SharedJournalError` when the
        database cannot be reached or refuses; the rows copied before it stay copied.
        """
        try:
            copied = await self._copy_pending()
        except SharedJournalError as exc:
            self._last_error = str(exc)
            self._refused = isinstance(exc, SharedJournalRefusedError)
            raise
        finally:
            self.passes += 1
        self._last_error = None
        self._refused = False
        return copied

    async def _copy_pending(self) -> int:
        chain = await self._chain()
        if chain is None or self._conflict is not None:
            return 0
        try:
            conn = await self._connection()
            if self._fresh_connection:
                head = await chain_head(conn, chain)
                self._copied_through = min(self._copied_through, head)
                self._fresh_connection = False
            copied = 0
            while True:
                rows = await self._journal.call(_rows_after, self._copied_through, self._batch_size)
                if not rows:
                    return copied
                result = await insert_rows(conn, chain, rows)
                copied += result.inserted
                if result.conflict is not None:
                    self._conflict = result.conflict
                    self._note(result.conflict.seq - 1)
                    log.error(
                        "Shared journal: row %d of this counter's journal differs from the "
                        "shared journal's (%s); copying stopped there, nothing was written "
                        "over",
                        result.conflict.seq,
                        result.conflict.reason,
                    )
                    return copied
                self._note(int(rows[-1]["id"]))
        except psycopg.errors.InsufficientPrivilege as exc:
            await self._drop_connection()
            raise SharedJournalRefusedError(
                f"The shared journal refused this counter's login: {exc.diag.message_primary}"
            ) from None
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            await self._drop_connection()
            raise SharedJournalUnavailableError(
                f"The connection to the shared journal was lost: {type(exc).__name__}"
            ) from None
        except psycopg.Error as exc:
            await self._drop_connection()
            raise SharedJournalError(
                f"The shared journal did not take this counter's rows: "
                f"{exc.diag.message_primary or type(exc).__name__}"
            ) from None

    def _note(self, copied_through: int) -> None:
        assert self._chain_id is not None
        self._mark.save(self._chain_id, copied_through)
        self._copied_through = copied_through

    async def _pause(self, seconds: float) -> None:
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses a cancellation that
        # comes as the wake-up does; the copier then goes on, and a closing counter with it.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._wake.wait()
        self._wake.clear()

    async def run(self) -> None:
        """Copy, then wait for :meth:`wake` or the poll interval; forever, until cancelled.

        While the database cannot be reached it tries again after :data:`RETRY_DELAYS`
        (a wake-up tries at once); the counter meanwhile works on as without it.
        """
        failures = 0
        while True:
            try:
                await self.copy_pending()
            except SharedJournalError as exc:
                if failures == 0:
                    log.warning("Shared journal: %s; trying again later", exc)
                delay = self._retry_delays[min(failures, len(self._retry_delays) - 1)]
                failures += 1
                await self._pause(delay)
                continue
            if failures:
                log.info("Shared journal: reachable again, caught up")
            failures = 0
            await self._pause(self._poll_interval)

    async def aclose(self) -> None:
        await self._drop_connection()
