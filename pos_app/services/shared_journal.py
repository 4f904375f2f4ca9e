"""The shop's shared journal on PostgreSQL, as the settings and the keyring describe it.

Absent (no ``shared_journal_url``) means what a counter always did: its own journal only.
The database driver is imported only when a URL is set, so a counter without one starts
as fast as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings

if TYPE_CHECKING:
    from datetime import tzinfo

    from pos_app.services.reports import Report, ReportPeriod
    from pos_app.storage import AsyncJournal, Entry, Operation, VerifyResult
    from pos_app.storage.shared import CopyConflict
    from pos_app.storage.shared.connection import SharedJournalTarget
    from pos_app.storage.shared.copier import Backlog, JournalCopier

__all__ = [
    "MARK_FILE",
    "NO_DRIVER",
    "NoDatabaseDriverError",
    "SharedJournal",
    "SharedJournalStatus",
    "Waiting",
    "open_shared_journal",
    "set_up_database",
    "shared_journal_target",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The file in the data folder that notes how far the copier got.
MARK_FILE = "shared_journal_copied.json"
#: Seconds the look-ups' connection is kept after its last question.
QUESTIONS_IDLE_S = 30.0
#: What to do when the PC lacks the PostgreSQL client library: the Linux bundle leaves
#: libpq to the PC's own system, as it does CUPS.
NO_DRIVER = (
    "this PC has no PostgreSQL client library (libpq), which the shared journal needs: "
    "install it (on Debian and Ubuntu: sudo apt install libpq5)"
)


class NoDatabaseDriverError(Exception):
    """psycopg found no PostgreSQL client library to talk to the database with."""


def _target_type() -> type[SharedJournalTarget]:
    try:
        from pos_app.storage.shared.connection import SharedJournalTarget
    except ImportError as exc:  # neither psycopg's own libpq nor the PC's
        raise NoDatabaseDriverError(NO_DRIVER) from exc
    return SharedJournalTarget


def shared_journal_target(settings: Settings, secrets: SecretStore) -> SharedJournalTarget | None:
    """Where this counter's shared journal is, with its login's password; None: there is none.

    The password comes from the OS keyring (or ``POS_APP_SHARED_JOURNAL_PASSWORD``) and is
    kept out of the URL, the settings file and every message.
    """
    if not settings.shared_journal_url:
        return None
    return _target_type()(
        url=settings.shared_journal_url,
        password=secrets.get(SecretName.SHARED_JOURNAL_PASSWORD),
        root_cert=settings.shared_journal_root_cert,
        connect_timeout=settings.request_timeout,
    )


async def set_up_database(owner_url: str, *, root_cert: Path | None = None) -> int:
    """Create or migrate the shared journal's tables as their owner; returns the format.

    ``owner_url`` names the owner's login; its password is libpq's to find (the
    ``PGPASSWORD`` variable or a ``.pgpass`` file), never part of the URL.
    """
    target = _target_type()(url=owner_url, root_cert=root_cert)
    from pos_app.storage.shared import migrate

    async with await target.connect() as conn:
        return await migrate(conn)


@dataclass(frozen=True)
class SharedJournalStatus:
    """This counter as the shared journal sees it, for ``pos-app shared-journal status``."""

    database: str
    backlog: Backlog
    #: The chain of this counter's journal as stored there (None: not reached).
    verified: VerifyResult | None
    #: Why the database could not be asked (None: it was).
    error: str | None
    #: The first row of this counter's journal that the shared journal holds differently.
    conflict: CopyConflict | None = None

    @property
    def ok(self) -> bool:
        return (
            self.error is None
            and self.conflict is None
            and self.verified is not None
            and self.verified.ok
        )


@dataclass(frozen=True)
class Waiting:
    """What of this counter's journal is not in the shared journal yet, in shop terms."""

    #: Operations (hand-overs, reversals, claims, refunds) with a row not copied yet.
    pickups: int
    #: When the oldest row not copied was written (None: nothing waits).
    oldest: datetime | None
    #: The last attempt to copy failed: the database cannot be reached (or refused).
    unreachable: bool
    #: A local row differs from the shared journal's: copying stopped (a manager's matter).
    conflict: bool = False
    #: The failure was the database refusing this counter's login (password, rights).
    refused: bool = False

    @property
    def up_to_date(self) -> bool:
        return self.oldest is None and not self.unreachable and not self.conflict


#: Rows read to count the pickups waiting; beyond it the count says "at least".
WAITING_ROWS_READ = 5000


async def open_shared_journal(
    settings: Settings, secrets: SecretStore, journal: AsyncJournal | None
) -> tuple[SharedJournal | None, str | None]:
    """The shared journal the settings name, or why it cannot be used (None, None: none set).

    Nothing is asked of the database here: a database that cannot be reached is the
    copier's to wait for, so a counter starts and works as without one. Without its own
    ``journal`` (it could not be opened) a counter has nothing to share.
    """
    if not settings.shared_journal_url or journal is None:
        return None, None
    from pos_app.storage import JournalError

    try:
        return await SharedJournal.open(settings, secrets), None
    # The journal's copy cannot be read, the URL is unusable, libpq is missing.
    except (JournalError, OSError, ValueError, ImportError) as exc:
        log.error("The shared journal is not used: %s: %s", type(exc).__name__, exc)
        return None, f"{type(exc).__name__}: {exc}"


class SharedJournal:
    """This counter's part of the shop's shared journal: its copier and its look-ups.

    :meth:`open` it after the counter's journal is open (the copier reads that file with
    a read-only connection of its own), :meth:`start` the copier, :meth:`wake` it after a
    row was written, and :meth:`aclose` it at the end. Every look-up raises a
    :class:`~pos_app.storage.shared.SharedJournalError` when the database is away; the
    counter then works from its own journal as without a shared one.
    """

    def __init__(
        self, target: SharedJournalTarget, reader: AsyncJournal, copier: JournalCopier
    ) -> None:
        self._target = target
        self._reader = reader
        self.copier = copier
        self._task: asyncio.Task[None] | None = None
        #: The look-ups' connection (not the copier's), one question at a time.
        self._conn: Any = None
        self._asking = asyncio.Lock()
        self._idle: asyncio.TimerHandle | None = None
        self._closing: asyncio.Future[None] | None = None

    @classmethod
    async def open(
        cls, settings: Settings, secrets: SecretStore, *, batch_size: int = 500
    ) -> SharedJournal | None:
        """The shared journal the settings name; None (nothing to do) when they name none."""
        target = shared_journal_target(settings, secrets)
        if target is None:
            return None
        from pos_app.storage import AsyncJournal
        from pos_app.storage.shared.copier import CopyMark, JournalCopier

        reader = await AsyncJournal.open_read_only(settings.journal_path)
        copier = JournalCopier(
            reader,
            target.connect,
            mark=CopyMark(settings.data_dir / MARK_FILE),
            batch_size=batch_size,
        )
        return cls(target, reader, copier)

    def describe(self) -> str:
        """Which database, as ``login@host/database`` (never the password)."""
        return self._target.describe()

    def start(self) -> None:
        """Run the copier in the background until :meth:`aclose`."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(
                self.copier.run(), name="shared-journal-copier"
            )

    def wake(self) -> None:
        self.copier.wake()

    async def backlog(self) -> Backlog:
        """How far behind the shared journal is (rows, the oldest's time, why)."""
        return await self.copier.backlog()

    async def waiting(self) -> Waiting:
        """How far behind the shared journal is, in pickup operations rather than rows."""
        from pos_app.storage import Journal
        from pos_app.storage.model import OPERATION_KINDS

        backlog = await self.copier.backlog()
        rows = await self._reader.call(
            Journal.raw_rows_after, backlog.copied_through, WAITING_ROWS_READ
        )
        pickups = {row["operation_id"] for row in rows if row["kind"] in OPERATION_KINDS}
        return Waiting(
            pickups=len(pickups),
            oldest=backlog.oldest,
            unreachable=backlog.last_error is not None,
            conflict=backlog.conflict is not None,
            refused=backlog.refused,
        )

    async def _ask(self, question: Callable[[Any], Awaitable[T]]) -> T:
        """``question(connection)`` on the look-ups' connection; a lost line is unavailable.

        One connection serves the questions one after another (Recent pickups asks every
        few seconds while open: a new one each time would cost a handshake and a server
        process), and is closed after :data:`QUESTIONS_IDLE_S` without a question. A kept
        one that turns out dead (the server restarted, a firewall forgot it) is replaced
        once: the questions only read.
        """
        import psycopg

        from pos_app.storage.shared import SharedJournalUnavailableError

        async with self._asking:
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
            try:
                for attempt in (1, 2):
                    kept = self._conn is not None and not self._conn.closed
                    if not kept:
                        self._conn = await self._target.connect()
                    try:
                        return await question(self._conn)
                    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                        await self._drop_connection()
                        if kept and attempt == 1:
                            continue
                        raise SharedJournalUnavailableError(
                            f"The connection to the shared journal was lost: {type(exc).__name__}"
                        ) from None
                raise AssertionError("unreachable")  # pragma: no cover
            finally:
                if self._conn is not None:
                    loop = asyncio.get_running_loop()
                    self._idle = loop.call_later(QUESTIONS_IDLE_S, self._close_when_idle)

    def _close_when_idle(self) -> None:
        self._idle = None
        self._closing = asyncio.ensure_future(self._close_idle())

    async def _close_idle(self) -> None:
        async with self._asking:
            if self._idle is None:  # no question came meanwhile
                await self._drop_connection()

    async def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.close()

    async def find_by_reference(self, reference: str) -> list[Operation]:
        """The collects a slip code or pickup reference names, at any counter of the shop."""
        from pos_app.storage.shared import find_by_reference

        return await self._ask(lambda conn: find_by_reference(conn, reference))

    async def recent_collects(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        counter: str | None = None,
        text: str | None = None,
        customer_uuid: str | None = None,
        limit: int = 200,
    ) -> list[Operation]:
        """The shop's pickups at every counter, newest first (see the store's function)."""
        from pos_app.storage.shared import recent_collects

        return await self._ask(
            lambda conn: recent_collects(
                conn,
                since=since,
                until=until,
                counter=counter,
                text=text,
                customer_uuid=customer_uuid,
                limit=limit,
            )
        )

    async def shelf_marks(
        self, loyalty_transaction_uuids: list[str], *, since: datetime, taken_back: bool = False
    ) -> dict[str, Entry]:
        """The latest "ready on the shelf" mark of each reward, made at any counter since
        ``since`` (with ``taken_back``: or its taking back; see the store's function)."""
        from pos_app.storage.shared import shelf_marks

        return await self._ask(
            lambda conn: shelf_marks(
                conn, loyalty_transaction_uuids, since=since, taken_back=taken_back
            )
        )

    async def counters(self) -> list[str]:
        """The names of the shop's counters that copied anything, in order."""
        from pos_app.storage.shared import shop_counters

        return await self._ask(shop_counters)

    async def report(self, period: ReportPeriod, tz: tzinfo) -> Report:
        """The manager report of ``period`` for every counter of the shop."""
        import psycopg

        from pos_app.services.reports import shared_report
        from pos_app.storage.shared import SharedJournalUnavailableError

        try:
            async with await self._target.connect() as conn:
                return await shared_report(conn, period, tz)
        except psycopg.Error as exc:
            raise SharedJournalUnavailableError(
                f"The shared journal did not answer: {type(exc).__name__}"
            ) from exc

    async def status(self) -> SharedJournalStatus:
        """The backlog, and this counter's chain as stored in the shared journal, verified.

        The stored rows are also compared with the local ones: a row that differs is
        reported as the copier would find it.
        """
        import psycopg

        from pos_app.storage import Journal, JournalError
        from pos_app.storage.shared import (
            CopyConflict,
            SharedJournalError,
            stored_rows,
            verify_chain,
        )

        backlog = await self.copier.backlog()
        chain = await self.copier.chain_id()
        error: str | None = None
        verified: VerifyResult | None = None
        conflict = backlog.conflict
        try:
            async with await self._target.connect() as conn:
                if chain is not None:
                    verified = await verify_chain(conn, chain)
                    stored = await stored_rows(conn, chain)
                    local = await self._reader.call(Journal.raw_rows_after, 0, len(stored))
                    differs = next(
                        (
                            row["id"]
                            for row, mine in zip(stored, local, strict=False)
                            if row != mine
                        ),
                        None,
                    )
                    if differs is not None and conflict is None:
                        conflict = CopyConflict(
                            int(differs), "it differs from the row stored at its place"
                        )
        except (SharedJournalError, JournalError) as exc:
            error = str(exc)
        except psycopg.Error as exc:
            error = f"The shared journal did not answer: {type(exc).__name__}"
        return SharedJournalStatus(self.describe(), backlog, verified, error, conflict)

    async def aclose(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        async with self._asking:
            await self._drop_connection()
        await self.copier.aclose()
        await self._reader.aclose()
