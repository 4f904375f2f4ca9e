"""The journal: a local, append-only, hash-chained record of every collect, reverse,
claim and refund.

Usage by the pickup service, for one collect::

    op = journal.begin_collect(customer_uuid=..., loyalty_transaction_uuid=..., reward_title=...)
    try:
        result = await piggy.collect(...)          # only after the pending row is on disk
    except PiggyError as exc:                      # the server said no: nothing happened
        journal.fail(op.operation_id, code=exc.code, message=exc.message)
    except ApiConnectionError as exc:              # it may or may not have happened
        journal.mark_unknown(op.operation_id, detail=str(exc))
    else:
        journal.confirm(op.operation_id, redemption_uuid=result.uuid)

Operations left ``pending`` (the app died) or ``unknown`` are listed by :meth:`unresolved`;
reconciliation checks each against the server and records the outcome with :meth:`resolve`.

Each change is a new row, written in its own ``BEGIN IMMEDIATE`` transaction with
``synchronous=FULL``: when a method returns, the row is on disk. The transaction also
serialises writers, so two app windows (two processes) sharing one journal cannot fork the
chain, and the state checks (no confirming twice, no second collect of a reward whose
first collect has no outcome yet) see every other writer's rows.

A :class:`Journal` and its connection belong to the thread that opened it; the GUI uses
:class:`pos_app.storage.async_journal.AsyncJournal`, which keeps both on a worker thread.

See :mod:`pos_app.storage.model` for what is deliberately never stored.

Size: one SQLite table's writes, state transitions, leases and queries, all under the
same transaction rules; its schema, chain, health check and export are modules of their own.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import sqlite3
import sys
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

from pos_app.clock import utc_now
from pos_app.storage.chain import GENESIS_HASH, VerifyResult, row_hash, verify_rows
from pos_app.storage.errors import (
    AlreadyRefundedError,
    AlreadyReversedError,
    InvalidTransitionError,
    JournalClosedError,
    JournalDamagedError,
    JournalReadOnlyError,
    JournalStorageError,
    NotReversibleError,
    OperationInProgressError,
    OperationLeasedError,
    UnknownOperationError,
)
from pos_app.storage.health import (
    JOURNAL_CHECK_ACKNOWLEDGED,
    JournalHealth,
    examine,
    head_file_path,
    observe_files,
    read_journal_head,
    write_head_file,
)
from pos_app.storage.model import (
    ADDED_COLUMNS,
    CLAIM,
    COLLECT,
    COLUMNS,
    OPERATION_KINDS,
    OS_USER_PREFIX,
    RECONCILIATION,
    REFUND,
    REVERSE,
    SHELF_CLEARED,
    SHELF_READY,
    STAFF_LIST_RESET,
    Entry,
    Operation,
    OpState,
    ReverseReason,
    StaffRef,
)
from pos_app.storage.reference import operation_id_prefix, parse_reference, pickup_reference
from pos_app.storage.schema import JOURNAL, LEASES_SINCE
from pos_app.storage.sqlite import connect, schema_version

__all__ = ["Journal"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def _columns_of(version: int) -> tuple[str, ...]:
    """The columns a journal of this format has."""
    return tuple(name for name in COLUMNS if ADDED_COLUMNS.get(name, 0) <= version)


def _select(version: int) -> str:
    """The SELECT of every column; a column a journal's format lacks reads as NULL."""
    present = _columns_of(version)
    names = [name if name in present else f"NULL AS {name}" for name in COLUMNS]
    return f"SELECT {', '.join(names)} FROM journal"


def _insert(version: int) -> tuple[str, tuple[str, ...]]:
    present = _columns_of(version)
    marks = ", ".join("?" for _ in present)
    return f"INSERT INTO journal ({', '.join(present)}) VALUES ({marks})", present


# Columns whose values are produced here, not passed in by callers: never redacted.
_MACHINE_COLUMNS = frozenset({"id", "recorded_at", "prev_hash", "hash"})
_EMAIL = re.compile(r"[^\s@<>()\[\]\"',;:]+@[^\s@<>()\[\]\"',;:]+\.[^\s@<>()\[\]\"',;:]+")
EMAIL_PLACEHOLDER = "[email removed]"
# Ids per IN (...) query: below the smallest limit on variables per statement (999) that
# an older SQLite may have been built with.
_BATCH = 500
# Every character after a uuid prefix sorts below "g" ([0-9a-f-]): prefix..prefix+"g"
# is the range of ids starting with the prefix, which the index answers directly.
_PREFIX_END = "g"
_HOST = socket.gethostname()


def _text(value: object, column: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"{column} must be text, not {type(value).__name__}")
    # str.__str__ gives the plain text of any str subclass (a StrEnum's value, not its repr),
    # which is what gets hashed and what SQLite can bind.
    text = str(value) if isinstance(value, int) else str.__str__(value)
    # Empty text is stored as NULL so that a CSV export (which cannot tell the two apart)
    # hashes to the same values.
    if not text:
        return None
    # A lone surrogate (a broken vendor string) cannot be encoded for SQLite: replaced
    # before anything is hashed or written.
    text = well_formed(text)
    if column not in _MACHINE_COLUMNS:
        text = _EMAIL.sub(EMAIL_PLACEHOLDER, text)
    return text


def _day_bounds(day: date, tz: tzinfo | None) -> tuple[str, str]:
    def start(of: date) -> datetime:
        if tz is None:
            return datetime.combine(of, time.min).astimezone()
        return datetime.combine(of, time.min, tzinfo=tz)

    return _timestamp(start(day)), _timestamp(start(day + timedelta(days=1)))


def _timestamp(moment: datetime) -> str:
    # One fixed format (UTC, microseconds, "+00:00") so that text order is time order.
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def well_formed(text: str) -> str:
    """``text`` with any lone UTF-16 surrogate replaced by U+FFFD.

    Such half pairs come from broken pastes or decoders; SQLite (UTF-8) cannot take them.
    Paired surrogates become the one character they stand for.
    """
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


@dataclass(frozen=True)
class _Reversal:
    """A collect's latest reverse that did not fail, as the collect's row shows it."""

    operation_id: str
    state: OpState
    reason: str | None
    staff_name: str | None


def customer_name_or_none(name: str | None) -> str | None:
    """A display name fit for the journal: stripped, and never anything with an ``@``."""
    name = (name or "").strip()
    return name if name and "@" not in name else None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fold(
    rows: Sequence[Entry], reversal: _Reversal | None, refund: _Reversal | None = None
) -> Operation:
    first, last = rows[0], rows[-1]
    assert first.operation_id is not None
    assert first.state is OpState.PENDING
    assert last.state is not None
    redemption = next((row.redemption_uuid for row in reversed(rows) if row.redemption_uuid), None)
    # A claim learns its reward reception (its loyalty transaction) only when it is settled.
    loyalty_transaction = next(
        (row.loyalty_transaction_uuid for row in reversed(rows) if row.loyalty_transaction_uuid),
        None,
    )
    points = next((row.points for row in reversed(rows) if row.points is not None), None)
    failed = last.state is OpState.FAILED
    return Operation(
        operation_id=first.operation_id,
        kind=first.kind,
        state=last.state,
        created_at=first.recorded_at,
        updated_at=last.recorded_at,
        shop_uuid=first.shop_uuid,
        counter=first.counter,
        staff_id=first.staff_id,
        staff_name=first.staff_name,
        customer_uuid=first.customer_uuid,
        customer_name=first.customer_name,
        handover_id=(first.handover_id or first.operation_id) if first.kind == COLLECT else None,
        loyalty_transaction_uuid=loyalty_transaction,
        redemption_uuid=redemption,
        reward_title=first.reward_title,
        error_code=last.error_code if failed else None,
        error_message=last.error_message if failed else None,
        reason=first.reason,
        note=first.note,
        reference=pickup_reference(first.operation_id) if first.kind == COLLECT else None,
        reverses_operation_id=first.reverses_operation_id,
        resolved_by=last.resolved_by,
        detail=last.note if len(rows) > 1 else None,
        reversal_operation_id=reversal.operation_id if reversal else None,
        reversal_state=reversal.state if reversal else None,
        reversal_reason=reversal.reason if reversal else None,
        reversal_staff_name=reversal.staff_name if reversal else None,
        refund_operation_id=refund.operation_id if refund else None,
        refund_state=refund.state if refund else None,
        refund_reason=refund.reason if refund else None,
        refund_staff_name=refund.staff_name if refund else None,
        cost_price=Decimal(first.cost_price) if first.cost_price is not None else None,
        reward_uuid=first.reward_uuid,
        points=int(points) if points is not None else None,
    )


def _with_reversal_of(collect: Operation, other: Operation) -> Operation:
    """``collect`` with the reversal ``other`` (the same collect, known elsewhere) has."""
    return replace(
        collect,
        reversal_operation_id=other.reversal_operation_id,
        reversal_state=other.reversal_state,
        reversal_reason=other.reversal_reason,
        reversal_staff_name=other.reversal_staff_name,
    )


def _with_refund(collect: Operation, refund: _Reversal) -> Operation:
    return replace(
        collect,
        refund_operation_id=refund.operation_id,
        refund_state=refund.state,
        refund_reason=refund.reason,
        refund_staff_name=refund.staff_name,
    )


class Journal:
    """The journal of one data folder, opened by one thread of one process.

    Open with :meth:`open` (read and write) or :meth:`open_read_only` (exports, checks);
    close with :meth:`close` or a ``with`` block. Writing methods return the operation as it
    is after the write. All errors are :class:`~pos_app.storage.errors.JournalError`s, except
    ``ValueError``/``TypeError`` for arguments that could never be valid.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path,
        shop_uuid: str | None,
        counter: str,
        clock: Clock | None = None,
        read_only: bool = False,
        health: JournalHealth | None = None,
    ) -> None:
        """Wrap an open, migrated connection; use :meth:`open` instead."""
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._shop_uuid = _text(shop_uuid, "shop_uuid")
        self._counter = _text(counter, "counter") or ""
        self._clock = clock or utc_now
        self._read_only = read_only
        # Who holds the leases this object takes: host, process and this very object, so
        # two windows of one process are two owners too.
        self._owner = f"{_HOST}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        # Journals from before leases existed (opened read-only, never upgraded) have none.
        version = schema_version(conn)
        self._version = version
        self._has_leases = version >= LEASES_SINCE
        # An older journal opened read-only lacks the later columns: they read as NULL.
        self._select = _select(version)
        self._insert, self._insert_columns = _insert(version)
        self._health = health

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        shop_uuid: str | None,
        counter: str,
        clock: Clock | None = None,
        busy_timeout: float = 10.0,
    ) -> Journal:
        """Open the journal at ``path``, creating it (and its folders) or upgrading it.

        ``shop_uuid`` and ``counter`` are recorded on every row this object writes.
        ``clock`` (tests) must return timezone-aware datetimes. ``busy_timeout`` is how many
        seconds a write waits for another window's write to finish.

        The journal's health is checked first (:attr:`health`, :mod:`.health`): while it
        reports a problem, the copy of the head beside the journal is left as it was.
        """
        if not counter or not counter.strip():
            raise ValueError("the counter name must not be empty")
        path = Path(path)
        # Before connecting: connecting creates a missing journal and fills an empty one.
        before = observe_files(path)
        conn = connect(path, JOURNAL, busy_timeout=busy_timeout)
        try:
            health = examine(conn, before)
        except BaseException:
            conn.close()
            raise
        journal = cls(
            conn, path=path, shop_uuid=shop_uuid, counter=counter, clock=clock, health=health
        )
        if health.ok:
            journal._note_head(conn)  # a first start, or the copy is behind after a crash
        else:
            log.warning("Journal check: %s", health.describe())
        return journal

    @classmethod
    def open_read_only(cls, path: Path | str, *, busy_timeout: float = 10.0) -> Journal:
        """Open an existing journal for reading only: no migration, no write ever."""
        path = Path(path)
        conn = connect(path, JOURNAL, read_only=True, busy_timeout=busy_timeout)
        return cls(conn, path=path, shop_uuid=None, counter="(read-only)", read_only=True)

    @property
    def health(self) -> JournalHealth | None:
        """What the check at :meth:`open` found (None: opened read-only, not checked)."""
        return self._health

    def acknowledge_health(self, staff: StaffRef) -> Entry:
        """A manager saw the problem :attr:`health` reports: journal that, then carry on.

        The event records who and what was found; afterwards the copy of the head follows
        this journal as it is now. A damaged file raises :class:`JournalDamagedError`.
        """
        health = self._health
        if health is None or health.ok:
            raise ValueError("The journal check found nothing to acknowledge.")
        if not health.needs_acknowledgement:
            raise JournalDamagedError(
                f"{health.describe()} A damaged journal cannot be acknowledged: move it aside "
                "(keep it for the audit) or restore it from a backup."
            )
        entry = self.record_event(
            JOURNAL_CHECK_ACKNOWLEDGED, staff=staff, note=f"Acknowledged: {health.describe()}"
        )
        conn = self._connection()
        with self._reading():
            head = read_journal_head(conn)
        self._health = JournalHealth(self._path, rows=head.rows, expected=health.expected)
        self._note_head(conn)
        return entry

    def _note_head(self, conn: sqlite3.Connection) -> None:
        """Keep the copy of the head beside the journal current (after each commit).

        Best effort: the row is committed whatever happens here, and a copy left behind
        is read as "ahead of its copy", which is fine.
        """
        if self._health is None or not self._health.ok:
            return
        try:
            write_head_file(head_file_path(self._path), read_journal_head(conn))
        except (OSError, sqlite3.Error) as exc:
            log.warning("Journal %s: the copy of its head was not updated: %s", self._path, exc)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def lease_owner(self) -> str:
        """The owner name of the leases this object takes (see :meth:`begin_collect`)."""
        return self._owner

    @property
    def closed(self) -> bool:
        return self._conn is None

    def close(self) -> None:
        """Close the connection; further calls raise ``JournalClosedError``. Idempotent."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- plumbing -----------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise JournalClosedError(f"The journal {self._path} is closed.")
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        try:
            yield conn
        except sqlite3.Error as exc:
            raise JournalStorageError(f"Reading the journal {self._path} failed: {exc}") from exc

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: all its reads see every committed write."""
        if self._read_only:
            raise JournalReadOnlyError(f"The journal {self._path} was opened for reading only.")
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise JournalStorageError(
                f"The journal {self._path} cannot be written: {exc}. Nothing was recorded."
            ) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise JournalStorageError(
                    f"Writing to the journal {self._path} failed: {exc}. Nothing was recorded."
                ) from exc
            raise
        self._note_head(conn)

    def _append(self, conn: sqlite3.Connection, values: Mapping[str, object]) -> Entry:
        """Insert one row after the current last one; call inside :meth:`_writing`."""
        last = conn.execute("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1").fetchone()
        row: dict[str, Any] = dict.fromkeys(COLUMNS)
        for column, value in values.items():
            if column not in row or column in _MACHINE_COLUMNS:
                raise KeyError(column)
            if value is not None and column not in self._insert_columns:
                # Written into a journal of a format without the column: it would be hashed
                # but not kept, and the row would not verify.
                raise KeyError(column)
            row[column] = _text(value, column)
        row["id"] = (last[0] if last else 0) + 1
        row["recorded_at"] = _timestamp(self._clock())
        row["shop_uuid"] = self._shop_uuid
        row["counter"] = self._counter
        row["prev_hash"] = last[1] if last else GENESIS_HASH
        row["hash"] = row_hash(row)
        conn.execute(self._insert, tuple(row[column] for column in self._insert_columns))
        return Entry.from_row(tuple(row[column] for column in COLUMNS))

    def _entries(self, conn: sqlite3.Connection, operation_id: str) -> list[Entry]:
        cursor = conn.execute(f"{self._select} WHERE operation_id = ? ORDER BY id", (operation_id,))
        return [Entry.from_row(row) for row in cursor]

    def _operations(
        self, conn: sqlite3.Connection, operation_ids: Sequence[str]
    ) -> list[Operation]:
        """The operations with these ids, in the given order (unknown ids skipped)."""
        rows: dict[str, list[Entry]] = {}
        for start in range(0, len(operation_ids), _BATCH):
            chunk = operation_ids[start : start + _BATCH]
            marks = ", ".join("?" for _ in chunk)
            cursor = conn.execute(
                f"{self._select} WHERE operation_id IN ({marks}) ORDER BY id", tuple(chunk)
            )
            for row in cursor:
                entry = Entry.from_row(row)
                assert entry.operation_id is not None
                rows.setdefault(entry.operation_id, []).append(entry)
        collects = [op_id for op_id, entries in rows.items() if entries[0].kind == COLLECT]
        reversals = self._reversals(conn, collects)
        refunds = self._reversals(conn, collects, kind=REFUND)
        return [
            _fold(rows[op_id], reversals.get(op_id), refunds.get(op_id))
            for op_id in operation_ids
            if op_id in rows
        ]

    def _reversals(
        self, conn: sqlite3.Connection, collect_ids: Sequence[str], *, kind: str = REVERSE
    ) -> dict[str, _Reversal]:
        """For each collect, its latest reverse (or refund, by ``kind``) that did not fail,
        with that operation's state."""
        found: dict[str, _Reversal] = {}
        for start in range(0, len(collect_ids), _BATCH):
            chunk = collect_ids[start : start + _BATCH]
            marks = ", ".join("?" for _ in chunk)
            cursor = conn.execute(
                f"""
                SELECT r.reverses_operation_id, r.operation_id,
                       (SELECT l.state FROM journal l WHERE l.operation_id = r.operation_id
                        ORDER BY l.id DESC LIMIT 1),
                       r.reason, r.staff_name
                FROM journal r
                WHERE r.state = 'pending' AND r.kind = ?
                  AND r.reverses_operation_id IN ({marks})
                ORDER BY r.id
                """,
                (kind, *chunk),
            )
            for collect_id, reverse_id, state, reason, staff_name in cursor:
                if state != OpState.FAILED:
                    found[collect_id] = _Reversal(reverse_id, OpState(state), reason, staff_name)
        return found

    def _operation(self, conn: sqlite3.Connection, operation_id: str) -> Operation:
        found = self._operations(conn, [operation_id])
        if not found:
            raise UnknownOperationError(operation_id)
        return found[0]

    def _new_operation_id(self, conn: sqlite3.Connection) -> str:
        # A reference names one operation only if no two ids share their first 40 bits;
        # at a few thousand pickups a day a retry is needed about once in a few centuries.
        while True:
            operation_id = str(uuid.uuid4())
            prefix = operation_id_prefix(pickup_reference(operation_id))
            taken = conn.execute(
                "SELECT 1 FROM journal WHERE operation_id >= ? AND operation_id < ? LIMIT 1",
                (prefix, prefix + _PREFIX_END),
            ).fetchone()
            if taken is None:
                return operation_id

    def _start_operation(
        self,
        conn: sqlite3.Connection,
        kind: str,
        *,
        staff: StaffRef | None,
        lease: timedelta | None,
        fields: Mapping[str, object],
        operation_id: str | None = None,
    ) -> Operation:
        """Append the pending row that starts a new operation; call inside :meth:`_writing`."""
        operation_id = operation_id or self._new_operation_id(conn)
        self._append(
            conn,
            {
                "operation_id": operation_id,
                "kind": kind,
                "state": OpState.PENDING.value,
                "staff_id": staff.profile_id if staff else None,
                "staff_name": staff.name if staff else None,
                **fields,
            },
        )
        if lease is not None:
            self._take_lease(conn, operation_id, lease)
        return self._operation(conn, operation_id)

    def _take_lease(self, conn: sqlite3.Connection, operation_id: str, lease: timedelta) -> None:
        if lease <= timedelta(0):
            raise ValueError("a lease must last longer than zero")
        conn.execute(
            "INSERT INTO lease (operation_id, owner, expires_at) VALUES (?, ?, ?)",
            (operation_id, self._owner, _timestamp(self._clock() + lease)),
        )

    def _live_leases(self, conn: sqlite3.Connection) -> dict[str, str]:
        """Operation id → owner, for leases whose owner may still be sending."""
        live: dict[str, str] = {}
        if not self._has_leases:
            return live
        now = _timestamp(self._clock())
        for operation_id, owner, expires_at in conn.execute(
            "SELECT operation_id, owner, expires_at FROM lease"
        ):
            if expires_at > now and _owner_alive(owner):
                live[operation_id] = owner
        return live

    def _advance(
        self,
        operation_id: str,
        *,
        allowed_from: Collection[OpState],
        state: OpState,
        staff: StaffRef | None = None,
        inherit_staff: bool = True,
        over_inferred: bool = False,
        respect_lease: bool = False,
        **values: object,
    ) -> Operation:
        """Append the operation's next row.

        ``over_inferred`` also allows the step from an outcome reconciliation inferred (the
        server's own answer, or a later and better inference, replaces it).
        ``respect_lease`` refuses with :class:`OperationLeasedError` while another owner is
        sending the operation. Every step ends the operation's lease: its sender is done.
        """
        with self._writing() as conn:
            entries = self._entries(conn, operation_id)
            if not entries:
                raise UnknownOperationError(operation_id)
            first, last = entries[0], entries[-1]
            assert last.state is not None
            inferred = last.resolved_by == RECONCILIATION and last.state.is_final
            if last.state not in allowed_from and not (over_inferred and inferred):
                raise InvalidTransitionError(operation_id, last.state.value, state.value)
            if respect_lease:
                owner = self._live_leases(conn).get(operation_id)
                if owner is not None:
                    raise OperationLeasedError(
                        f"Operation {operation_id} is being sent by another window.",
                        operation_id=operation_id,
                        owner=owner,
                    )
            if self._has_leases:
                conn.execute("DELETE FROM lease WHERE operation_id = ?", (operation_id,))
            if staff is None and inherit_staff:
                staff_id, staff_name = first.staff_id, first.staff_name
            else:
                staff_id = staff.profile_id if staff else None
                staff_name = staff.name if staff else None
            known_redemption = next(
                (row.redemption_uuid for row in reversed(entries) if row.redemption_uuid), None
            )
            known_transaction = next(
                (
                    row.loyalty_transaction_uuid
                    for row in reversed(entries)
                    if row.loyalty_transaction_uuid
                ),
                None,
            )
            known_points = next((row.points for row in reversed(entries) if row.points), None)
            # Each row repeats what the operation is about, so that any single row (in an
            # export, say) can be read without the others.
            row: dict[str, object] = {
                "operation_id": operation_id,
                "kind": first.kind,
                "state": state.value,
                "staff_id": staff_id,
                "staff_name": staff_name,
                "customer_uuid": first.customer_uuid,
                "customer_name": first.customer_name,
                "handover_id": first.handover_id,
                "loyalty_transaction_uuid": known_transaction,
                "redemption_uuid": known_redemption,
                "reward_title": first.reward_title,
                "reverses_operation_id": first.reverses_operation_id,
                "reason": first.reason,
                "reward_uuid": first.reward_uuid,
                "points": known_points,
            }
            row.update({key: value for key, value in values.items() if value is not None})
            self._append(conn, row)
            return self._operation(conn, operation_id)

    # -- operations ---------------------------------------------------------------------

    def begin_collect(
        self,
        *,
        customer_uuid: str,
        loyalty_transaction_uuid: str,
        reward_title: str,
        customer_name: str | None = None,
        handover_id: str | None = None,
        cost_price: Decimal | None = None,
        staff: StaffRef | None = None,
        lease: timedelta | None = None,
    ) -> Operation:
        """Record a collect as ``pending``; call before the request is sent.

        ``cost_price`` is the reward's cost price as Piggy gives it (None: it gives none),
        kept for the managers' reports; it must be a finite amount of zero or more.

        ``handover_id`` is the operation id of the first collect of the same hand-over
        (None: this collect starts one); the rewards of one hand-over share one slip code.

        ``customer_name`` is the short name the pickup slip shows ("Robin V."); anything
        with an ``@`` in it is not stored (see :mod:`pos_app.storage.model`).

        Raises :class:`OperationInProgressError` while an earlier collect of the same
        loyalty transaction is still pending or unknown: sending again could hand the
        reward over twice. Reconcile that one first.

        ``lease`` (how long the request may take at most) marks the operation as being sent
        by this object until its outcome is written or the lease runs out: reconciliation
        in any window or process leaves it alone meanwhile (see :meth:`settleable`).
        """
        if not loyalty_transaction_uuid:
            raise ValueError("a collect needs the loyalty transaction uuid")
        if cost_price is not None and not (cost_price.is_finite() and cost_price >= 0):
            raise ValueError(f"a cost price must be an amount of zero or more, not {cost_price}")
        with self._writing() as conn:
            busy = conn.execute(
                f"""
                SELECT p.operation_id FROM journal p
                WHERE p.kind = '{COLLECT}' AND p.state = 'pending'
                  AND p.loyalty_transaction_uuid = ?
                  AND NOT EXISTS (
                      SELECT 1 FROM journal t
                      WHERE t.operation_id = p.operation_id AND t.state IN ('confirmed', 'failed'))
                ORDER BY p.id LIMIT 1
                """,
                (loyalty_transaction_uuid,),
            ).fetchone()
            if busy is not None:
                raise OperationInProgressError(
                    f"A collect of this reward ({reward_title}) was started earlier and its "
                    "outcome is not known yet; it must be reconciled before trying again.",
                    operation_id=busy[0],
                )
            if handover_id is not None:
                started = conn.execute(
                    f"""
                    SELECT 1 FROM journal WHERE operation_id = ? AND kind = '{COLLECT}'
                      AND state = 'pending' AND handover_id = operation_id
                    """,
                    (handover_id,),
                ).fetchone()
                if started is None:
                    raise UnknownOperationError(handover_id)
            operation_id = self._new_operation_id(conn)
            if self._version < ADDED_COLUMNS["handover_id"]:
                handover_id = None  # an older file, opened without upgrading (tests)
            else:
                handover_id = handover_id or operation_id
            if self._version < ADDED_COLUMNS["cost_price"]:
                cost_price = None
            return self._start_operation(
                conn,
                COLLECT,
                staff=staff,
                lease=lease,
                operation_id=operation_id,
                fields={
                    "customer_uuid": customer_uuid,
                    "handover_id": handover_id,
                    "customer_name": customer_name_or_none(customer_name),
                    "loyalty_transaction_uuid": loyalty_transaction_uuid,
                    "reward_title": reward_title,
                    "cost_price": str(cost_price) if cost_price is not None else None,
                },
            )

    def begin_reverse(
        self,
        *,
        collect_operation_id: str,
        reason: ReverseReason | str,
        redemption_uuid: str | None = None,
        note: str | None = None,
        staff: StaffRef | None = None,
        lease: timedelta | None = None,
        known_collect: Operation | None = None,
    ) -> Operation:
        """Record a reverse of a confirmed collect as ``pending``; call before sending it.

        ``redemption_uuid`` defaults to the one the collect's confirmation recorded; give it
        when the collect was confirmed by reconciliation, which cannot learn it. Reason
        ``other`` needs a ``note``. Raises :class:`NotReversibleError` unless the operation
        is a confirmed collect whose points were not refunded, :class:`AlreadyReversedError`
        if a reverse of it was confirmed, :class:`OperationInProgressError` if one (or a
        refund of it) is pending or unknown.

        ``known_collect``: the collect as the shop's shared journal has it, for a collect
        made at another counter, which this journal has no row of (see
        :meth:`collect_as_known`).
        """
        reason = _reverse_reason(reason, note)
        with self._writing() as conn:
            collect = self._collect_to_undo(conn, collect_operation_id, known_collect)
            if collect.kind != COLLECT:
                raise NotReversibleError(
                    f"Operation {collect_operation_id} is a {collect.kind}, not a collect."
                )
            if collect.state is not OpState.CONFIRMED:
                raise NotReversibleError(
                    f"The collect {collect.reference} is {collect.state.value}; only a "
                    "confirmed collect can be reversed."
                )
            if collect.reversal_operation_id is not None:
                if collect.reversal_state is OpState.CONFIRMED:
                    raise AlreadyReversedError(
                        f"The collect {collect.reference} was already reversed.",
                        reverse_operation_id=collect.reversal_operation_id,
                    )
                raise _undo_in_progress(
                    collect, "reverse", collect.reversal_operation_id, "trying again"
                )
            if collect.refund_operation_id is not None:
                if collect.refund_state is OpState.CONFIRMED:
                    # Its points were given back: putting it back to pick up would give the
                    # reward away a second time.
                    raise NotReversibleError(
                        f"The points of the collect {collect.reference} were refunded; it "
                        "cannot be put back to pick up."
                    )
                raise _undo_in_progress(collect, "refund", collect.refund_operation_id, "a reverse")
            if redemption_uuid and collect.redemption_uuid not in (None, redemption_uuid):
                raise NotReversibleError(
                    f"Redemption {redemption_uuid} does not belong to the collect "
                    f"{collect.reference} (its redemption is {collect.redemption_uuid})."
                )
            redemption = redemption_uuid or collect.redemption_uuid
            if not redemption:
                raise NotReversibleError(
                    f"The redemption uuid of the collect {collect.reference} is not known; "
                    "it is needed to reverse it."
                )
            return self._start_operation(
                conn,
                REVERSE,
                staff=staff,
                lease=lease,
                fields={**_undo_fields(collect, reason, note), "redemption_uuid": redemption},
            )

    def begin_refund(
        self,
        *,
        collect_operation_id: str,
        reason: ReverseReason | str,
        note: str | None = None,
        staff: StaffRef | None = None,
        lease: timedelta | None = None,
        known_collect: Operation | None = None,
    ) -> Operation:
        """Record a refund of a confirmed collect's points as ``pending``; call before
        sending it (Piggy's "reverse reward reception" of the collect's loyalty transaction).

        The collect may have been reversed (the reward is back to pick up): its reception
        still holds the points. Reason ``other`` needs a ``note``. Raises
        :class:`NotReversibleError` unless the operation is a confirmed collect,
        :class:`AlreadyRefundedError` if a refund of it was confirmed, and
        :class:`OperationInProgressError` while a refund or a reverse of it is pending or
        unknown: whether the reward is collected decides what the server does with it.

        ``known_collect`` as for :meth:`begin_reverse`.
        """
        reason = _reverse_reason(reason, note)
        with self._writing() as conn:
            collect = self._collect_to_undo(conn, collect_operation_id, known_collect)
            if collect.kind != COLLECT or collect.state is not OpState.CONFIRMED:
                raise NotReversibleError(
                    f"Operation {collect_operation_id} is not a confirmed collect; only the "
                    "points of a reward that was handed over are refunded here."
                )
            if collect.refund_operation_id is not None:
                if collect.refund_state is OpState.CONFIRMED:
                    raise AlreadyRefundedError(
                        f"The points of the collect {collect.reference} were refunded already.",
                        refund_operation_id=collect.refund_operation_id,
                    )
                raise _undo_in_progress(
                    collect, "refund", collect.refund_operation_id, "trying again"
                )
            if collect.reversal_operation_id is not None and collect.reversal_state in (
                OpState.PENDING,
                OpState.UNKNOWN,
            ):
                raise _undo_in_progress(
                    collect, "reverse", collect.reversal_operation_id, "a refund"
                )
            if not collect.loyalty_transaction_uuid:
                raise NotReversibleError(
                    f"The collect {collect.reference} has no loyalty transaction to refund."
                )
            return self._start_operation(
                conn,
                REFUND,
                staff=staff,
                lease=lease,
                fields=_undo_fields(collect, reason, note),
            )

    def begin_claim(
        self,
        *,
        customer_uuid: str,
        reward_uuid: str,
        reward_title: str,
        points: int,
        customer_name: str | None = None,
        staff: StaffRef | None = None,
        lease: timedelta | None = None,
    ) -> Operation:
        """Record a claim (the customer spends ``points`` on a reward) as ``pending``; call
        before the request is sent.

        The reward reception it makes is learned from the server's answer (:meth:`confirm`
        with its ``loyalty_transaction_uuid``) or by settling (:meth:`resolve`). Raises
        :class:`OperationInProgressError` while an earlier claim of the same reward by the
        same customer has no outcome yet: sending again could spend the points twice.
        ``lease`` as for :meth:`begin_collect`.
        """
        if not reward_uuid:
            raise ValueError("a claim needs the reward's uuid")
        if not customer_uuid:
            raise ValueError("a claim needs the customer's uuid")
        if isinstance(points, bool) or not isinstance(points, int) or points < 0:
            raise ValueError(f"a claim costs a whole number of points, not {points!r}")
        with self._writing() as conn:
            busy = conn.execute(
                f"""
                SELECT p.operation_id FROM journal p
                WHERE p.kind = '{CLAIM}' AND p.state = 'pending'
                  AND p.customer_uuid = ? AND p.reward_uuid = ?
                  AND NOT EXISTS (
                      SELECT 1 FROM journal t
                      WHERE t.operation_id = p.operation_id AND t.state IN ('confirmed', 'failed'))
                ORDER BY p.id LIMIT 1
                """,
                (customer_uuid, reward_uuid),
            ).fetchone()
            if busy is not None:
                raise OperationInProgressError(
                    f"A claim of this reward ({reward_title}) was started earlier and its "
                    "outcome is not known yet; it must be settled before trying again.",
                    operation_id=busy[0],
                )
            return self._start_operation(
                conn,
                CLAIM,
                staff=staff,
                lease=lease,
                fields={
                    "customer_uuid": customer_uuid,
                    "customer_name": customer_name_or_none(customer_name),
                    "reward_uuid": reward_uuid,
                    "reward_title": reward_title,
                    "points": str(points),
                },
            )

    def confirm(
        self,
        operation_id: str,
        *,
        redemption_uuid: str | None = None,
        loyalty_transaction_uuid: str | None = None,
        points: int | None = None,
    ) -> Operation:
        """The server accepted a pending operation.

        A collect must be given the redemption uuid the server returned (reverse needs it);
        a reverse keeps the one it was started with unless another is given. A claim must
        be given the reward reception's uuid (``loyalty_transaction_uuid``: what its pickup
        list item and a later collect name), and the points the server says it took when
        it says. The server's answer also replaces an outcome reconciliation inferred
        meanwhile (an answer slower than the lease).
        """
        with self._reading() as conn:
            kind = conn.execute(
                "SELECT kind FROM journal WHERE operation_id = ? AND state = 'pending'",
                (operation_id,),
            ).fetchone()
        if kind is None:
            raise UnknownOperationError(operation_id)
        if kind[0] == COLLECT and not redemption_uuid:
            raise ValueError("a confirmed collect needs the redemption uuid the server returned")
        if kind[0] == CLAIM and not loyalty_transaction_uuid:
            raise ValueError("a confirmed claim needs the reward reception's uuid")
        if kind[0] != CLAIM and (loyalty_transaction_uuid or points is not None):
            raise ValueError("only a claim learns its loyalty transaction and points here")
        return self._advance(
            operation_id,
            allowed_from={OpState.PENDING},
            state=OpState.CONFIRMED,
            over_inferred=True,
            redemption_uuid=redemption_uuid,
            loyalty_transaction_uuid=loyalty_transaction_uuid,
            points=str(points) if points is not None else None,
        )

    def fail(self, operation_id: str, *, code: str | int | None, message: str) -> Operation:
        """The server refused a pending operation (nothing happened); keep its code and text."""
        if not message:
            raise ValueError("a failure needs the error message")
        return self._advance(
            operation_id,
            allowed_from={OpState.PENDING},
            state=OpState.FAILED,
            over_inferred=True,
            error_code=code,
            error_message=message,
        )

    def mark_unknown(self, operation_id: str, *, detail: str) -> Operation:
        """The request may have reached the server but no answer came (timeout, lost line)."""
        return self._advance(
            operation_id, allowed_from={OpState.PENDING}, state=OpState.UNKNOWN, note=detail
        )

    def resolve(
        self,
        operation_id: str,
        *,
        state: OpState | str,
        note: str,
        redemption_uuid: str | None = None,
        resolved_by: str = RECONCILIATION,
        staff: StaffRef | None = None,
        correct_inferred: bool = False,
        loyalty_transaction_uuid: str | None = None,
    ) -> Operation:
        """Record the outcome of a pending or unknown operation learned later.

        A claim found on the server is resolved with the reception's
        ``loyalty_transaction_uuid``.

        ``state`` is ``confirmed`` or ``failed``; ``note`` says how it was learned (e.g.
        "item no longer in the uncollected list", "item still waiting").
        ``correct_inferred`` also replaces an earlier inferred outcome that later evidence
        contradicts. Raises :class:`OperationLeasedError` while another window is sending
        the operation.
        """
        outcome = OpState(state)
        if not outcome.is_final:
            raise ValueError("an operation is resolved as confirmed or failed")
        if not note:
            raise ValueError("a resolution needs a note saying how the outcome was learned")
        return self._advance(
            operation_id,
            allowed_from={OpState.PENDING, OpState.UNKNOWN},
            state=outcome,
            # Reconciliation is the app's doing, not that of whoever started the operation.
            staff=staff,
            inherit_staff=False,
            over_inferred=correct_inferred,
            respect_lease=True,
            note=note,
            redemption_uuid=redemption_uuid,
            resolved_by=resolved_by,
            loyalty_transaction_uuid=loyalty_transaction_uuid,
        )

    def record_event(
        self,
        kind: str,
        *,
        staff: StaffRef | None = None,
        note: str | None = None,
        loyalty_transaction_uuid: str | None = None,
        customer_uuid: str | None = None,
        customer_name: str | None = None,
        reward_title: str | None = None,
    ) -> Entry:
        """Append a plain event (not an operation), e.g. :data:`PIN_LOCKOUT`.

        An event about one claimed reward (:data:`SHELF_READY`) names it by its
        ``loyalty_transaction_uuid``, with the customer and the reward's title as a
        collect's rows do (``customer_name`` with an ``@`` is left out).
        """
        if not kind or kind in OPERATION_KINDS:
            raise ValueError(
                f"{kind!r} is not an event kind (collects, reverses and claims are operations)"
            )
        values: dict[str, object] = {
            "kind": kind,
            "staff_id": staff.profile_id if staff else None,
            "staff_name": staff.name if staff else None,
            "note": note,
            "loyalty_transaction_uuid": loyalty_transaction_uuid,
            "customer_uuid": customer_uuid,
            "reward_title": reward_title,
        }
        if (name := customer_name_or_none(customer_name)) is not None:
            values["customer_name"] = name
        with self._writing() as conn:
            return self._append(conn, values)

    # -- queries ------------------------------------------------------------------------

    def operation(self, operation_id: str) -> Operation:
        """The operation's current state; :class:`UnknownOperationError` if there is none."""
        with self._reading() as conn:
            return self._operation(conn, operation_id)

    def history(self, operation_id: str) -> list[Entry]:
        """Every row of one operation, oldest first (empty if unknown)."""
        with self._reading() as conn:
            return self._entries(conn, operation_id)

    def unresolved(self) -> list[Operation]:
        """Operations whose latest state is pending or unknown, oldest first."""
        with self._reading() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    """
                    SELECT p.operation_id FROM journal p
                    WHERE p.state = 'pending' AND NOT EXISTS (
                        SELECT 1 FROM journal t
                        WHERE t.operation_id = p.operation_id
                          AND t.state IN ('confirmed', 'failed'))
                    ORDER BY p.id
                    """
                )
            ]
            return self._operations(conn, ids)

    def settleable(self) -> list[Operation]:
        """:meth:`unresolved` operations that nobody is sending right now.

        Leaving out those under a live lease (its deadline not passed, its owner not known
        to be dead) keeps reconciliation away from an answer that is still on its way.
        """
        with self._reading() as conn:
            leased = self._live_leases(conn)
        return [op for op in self.unresolved() if op.operation_id not in leased]

    def collects_of(self, loyalty_transaction_uuid: str) -> list[Operation]:
        """Every collect of this reward in the journal (any counter), oldest first."""
        with self._reading() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    f"""
                    SELECT operation_id FROM journal
                    WHERE loyalty_transaction_uuid = ? AND kind = '{COLLECT}'
                      AND state = 'pending'
                    ORDER BY id
                    """,
                    (loyalty_transaction_uuid,),
                )
            ]
            return self._operations(conn, ids)

    def claims_of(self, customer_uuid: str, reward_uuid: str | None = None) -> list[Operation]:
        """The customer's claims (of one reward: ``reward_uuid``) in this journal, oldest
        first."""
        query = (
            f"SELECT operation_id FROM journal WHERE kind = '{CLAIM}' AND state = 'pending' "
            "AND customer_uuid = ?"
        )
        params: list[object] = [customer_uuid]
        if reward_uuid is not None:
            query += " AND reward_uuid = ?"
            params.append(reward_uuid)
        with self._reading() as conn:
            if self._version < ADDED_COLUMNS["reward_uuid"]:
                return []
            ids = [row[0] for row in conn.execute(query + " ORDER BY id", params)]
            return self._operations(conn, ids)

    def recent_operations(
        self,
        *,
        day: date | None = None,
        text: str | None = None,
        customer_uuid: str | None = None,
        kinds: Collection[str] = (COLLECT, REVERSE),
        limit: int = 100,
        tz: tzinfo | None = None,
    ) -> list[Operation]:
        """Operations newest first, each in its current state (the "recent pickups" view).

        ``day`` keeps those started on that calendar day in ``tz`` (default: this computer's
        time zone). ``text`` matches, ignoring case, part of the reward title, the customer
        uuid or name, the staff name, the loyalty transaction or redemption uuid, or a pickup
        reference (``PU-…``: the pickup, or every pickup of the hand-over whose slip code it
        is). ``customer_uuid`` keeps one customer's.
        """
        if limit <= 0 or not kinds:
            return []
        clauses = ["f.state = 'pending'", f"f.kind IN ({', '.join('?' for _ in kinds)})"]
        params: list[object] = list(kinds)
        if day is not None:
            clauses.append("f.recorded_at >= ? AND f.recorded_at < ?")
            params += _day_bounds(day, tz)
        if customer_uuid is not None:
            clauses.append("f.customer_uuid = ?")
            params.append(customer_uuid)
        if text is not None:
            text = well_formed(text)
        if text is not None and text.strip():
            needle = _like(text.strip())
            matches = [
                "f.reward_title LIKE ? ESCAPE '\\'",
                "f.customer_uuid LIKE ? ESCAPE '\\'",
                "f.staff_name LIKE ? ESCAPE '\\'",
                "f.loyalty_transaction_uuid LIKE ? ESCAPE '\\'",
                """EXISTS (SELECT 1 FROM journal r WHERE r.operation_id = f.operation_id
                           AND r.redemption_uuid LIKE ? ESCAPE '\\')""",
            ]
            if self._version >= ADDED_COLUMNS["customer_name"]:
                matches.append("f.customer_name LIKE ? ESCAPE '\\'")
            params += [needle] * len(matches)
            reference = parse_reference(text)
            if reference is not None:
                prefix = operation_id_prefix(reference)
                matches.append(
                    f"(f.kind = '{COLLECT}' AND f.operation_id >= ? AND f.operation_id < ?)"
                )
                params += [prefix, prefix + _PREFIX_END]
                if self._version >= ADDED_COLUMNS["handover_id"]:
                    # A slip's code lists every reward of its hand-over.
                    matches.append(
                        f"(f.kind = '{COLLECT}' AND f.handover_id >= ? AND f.handover_id < ?)"
                    )
                    params += [prefix, prefix + _PREFIX_END]
            clauses.append(f"({' OR '.join(matches)})")
        params.append(limit)
        query = (
            f"SELECT f.operation_id FROM journal f WHERE {' AND '.join(clauses)} "
            "ORDER BY f.id DESC LIMIT ?"
        )
        with self._reading() as conn:
            ids = [row[0] for row in conn.execute(query, params)]
            return self._operations(conn, ids)

    def hand_over(self, collect_operation_id: str) -> list[Operation]:
        """The collects handed over together with this one (itself included), oldest first.

        Raises :class:`UnknownOperationError` when there is no such collect.
        """
        with self._reading() as conn:
            collect = self._operation(conn, collect_operation_id)
            if collect.kind != COLLECT or collect.handover_id is None:
                raise UnknownOperationError(collect_operation_id)
            if self._version < ADDED_COLUMNS["handover_id"]:
                return [collect]
            ids = [
                row[0]
                for row in conn.execute(
                    f"""
                    SELECT operation_id FROM journal
                    WHERE kind = '{COLLECT}' AND state = 'pending'
                      AND (handover_id = ? OR operation_id = ?)
                    ORDER BY id
                    """,
                    (collect.handover_id, collect.handover_id),
                )
            ]
            return self._operations(conn, ids)

    def find_by_redemption(self, redemption_uuid: str) -> Operation | None:
        """The collect that produced this redemption (the latest, should there be several)."""
        with self._reading() as conn:
            row = conn.execute(
                f"""
                SELECT operation_id FROM journal
                WHERE redemption_uuid = ? AND kind = '{COLLECT}'
                ORDER BY id DESC LIMIT 1
                """,
                (redemption_uuid,),
            ).fetchone()
            return self._operation(conn, row[0]) if row else None

    def find_by_reference(self, reference: str) -> Operation | None:
        """The collect with this pickup reference (as scanned or typed), if any."""
        canonical = parse_reference(reference)
        if canonical is None:
            return None
        prefix = operation_id_prefix(canonical)
        with self._reading() as conn:
            row = conn.execute(
                f"""
                SELECT operation_id FROM journal
                WHERE operation_id >= ? AND operation_id < ? AND kind = '{COLLECT}'
                  AND state = 'pending'
                LIMIT 1
                """,
                (prefix, prefix + _PREFIX_END),
            ).fetchone()
            return self._operation(conn, row[0]) if row else None

    def collect_as_known(self, collect: Operation) -> Operation:
        """``collect`` (as the shop's shared journal has it) with what this journal knows.

        A collect of this counter comes as its own rows say, with a reversal made at
        another counter (which only ``collect`` can know) if this counter has none. A
        collect made at another counter has no row here: it comes as given, with this
        counter's reversal of it folded in, unless it already comes reversed.
        """
        with self._reading() as conn:
            return self._as_known(conn, collect)

    def _collect_to_undo(
        self,
        conn: sqlite3.Connection,
        collect_operation_id: str,
        known_collect: Operation | None,
    ) -> Operation:
        """The collect a reverse or a refund is for: this journal's row, or the one the
        shared journal knows (see :meth:`collect_as_known`)."""
        if known_collect is None:
            return self._operation(conn, collect_operation_id)
        if known_collect.operation_id != collect_operation_id:
            raise ValueError("the collect known elsewhere is another operation")
        return self._as_known(conn, known_collect)

    def _as_known(self, conn: sqlite3.Connection, collect: Operation) -> Operation:
        found = self._operations(conn, [collect.operation_id])
        if found:
            own = found[0]
            if own.refund_operation_id is None and collect.refund_operation_id is not None:
                own = replace(
                    own,
                    refund_operation_id=collect.refund_operation_id,
                    refund_state=collect.refund_state,
                    refund_reason=collect.refund_reason,
                    refund_staff_name=collect.refund_staff_name,
                )
            if own.reversal_operation_id is None and collect.reversal_operation_id is not None:
                return _with_reversal_of(own, collect)
            return own
        # This counter's own refund of another counter's pickup, which the shared journal
        # may not have yet.
        refund = self._reversals(conn, [collect.operation_id], kind=REFUND).get(
            collect.operation_id
        )
        if refund is not None:
            collect = _with_refund(collect, refund)
        if collect.is_reversed:
            return collect
        reversal = self._reversals(conn, [collect.operation_id]).get(collect.operation_id)
        if reversal is None:
            return collect
        return replace(
            collect,
            reversal_operation_id=reversal.operation_id,
            reversal_state=reversal.state,
            reversal_reason=reversal.reason,
            reversal_staff_name=reversal.staff_name,
        )

    def is_reversed(self, collect_operation_id: str) -> bool:
        """Whether a reverse of this collect was confirmed (False for unknown ids)."""
        with self._reading() as conn:
            reversal = self._reversals(conn, [collect_operation_id]).get(collect_operation_id)
        return reversal is not None and reversal.state is OpState.CONFIRMED

    def events(self, *, kind: str | None = None, limit: int = 100) -> list[Entry]:
        """Plain events (no operation id), newest first."""
        query = f"{self._select} WHERE operation_id IS NULL"
        params: list[object] = []
        if kind is not None:
            query += " AND kind = ?"
            params.append(kind)
        query += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        with self._reading() as conn:
            return [Entry.from_row(row) for row in conn.execute(query, params)]

    def shelf_marks(
        self, loyalty_transaction_uuids: Collection[str], *, taken_back: bool = False
    ) -> dict[str, Entry]:
        """The latest :data:`SHELF_READY` event of each of these rewards that has one, and
        was not taken back since (:data:`SHELF_CLEARED`); with ``taken_back``, the latest
        event of either kind (to be weighed against another journal's)."""
        wanted = list(dict.fromkeys(loyalty_transaction_uuids))
        found: dict[str, Entry] = {}
        with self._reading() as conn:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start : start + _BATCH]
                marks = ", ".join("?" for _ in batch)
                cursor = conn.execute(
                    f"{self._select} WHERE loyalty_transaction_uuid IN ({marks}) "
                    f"AND kind IN ('{SHELF_READY}', '{SHELF_CLEARED}') "
                    "AND operation_id IS NULL ORDER BY id",
                    batch,
                )
                for row in cursor:
                    entry = Entry.from_row(row)
                    assert entry.loyalty_transaction_uuid is not None
                    found[entry.loyalty_transaction_uuid] = entry
        if taken_back:
            return found
        return {uuid: entry for uuid, entry in found.items() if entry.kind == SHELF_READY}

    def staff_worked_here(self) -> bool:
        """Whether a staff profile acted on this journal since the staff list was last reset.

        A staff list that is empty although profiles signed hand-overs, approved reversals
        or were locked was lost or replaced: creating a "first" manager then would let
        anyone at the counter make themselves one.
        """
        with self._reading() as conn:
            row = conn.execute(
                f"""
                SELECT 1 FROM journal
                WHERE staff_id IS NOT NULL AND staff_id NOT LIKE '{OS_USER_PREFIX}%'
                  AND id > coalesce(
                      (SELECT max(id) FROM journal WHERE kind = '{STAFF_LIST_RESET}'), 0)
                LIMIT 1
                """
            ).fetchone()
        return row is not None

    def count(self) -> int:
        """Number of rows."""
        with self._reading() as conn:
            return int(conn.execute("SELECT count(*) FROM journal").fetchone()[0])

    def raw_rows(self) -> Iterator[dict[str, Any]]:
        """Every row as stored (column name → value), in sequence order.

        One SELECT statement, so the rows are one consistent snapshot even while another
        window writes; finish (or close) the iterator before writing from this object.
        """
        conn = self._connection()
        try:
            cursor = conn.execute(f"{self._select} ORDER BY id")
            for row in cursor:
                yield dict(zip(COLUMNS, row, strict=True))
        except sqlite3.Error as exc:
            raise JournalStorageError(f"Reading the journal {self._path} failed: {exc}") from exc

    def raw_rows_after(self, after_id: int, limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` rows after row ``after_id``, as stored, in sequence order.

        What the shared journal's copier reads, one batch at a time.
        """
        with self._reading() as conn:
            cursor = conn.execute(
                f"{self._select} WHERE id > ? ORDER BY id LIMIT ?", (after_id, limit)
            )
            return [dict(zip(COLUMNS, row, strict=True)) for row in cursor]

    def entries(self) -> Iterator[Entry]:
        """Every row as an :class:`Entry`, in sequence order (see :meth:`raw_rows`)."""
        for row in self.raw_rows():
            yield Entry.from_row(tuple(row.values()))

    def verify(self) -> VerifyResult:
        """Recompute the hash chain; reports the first broken row and why."""
        return verify_rows(self.raw_rows())


def _undo_fields(collect: Operation, reason: ReverseReason, note: str | None) -> dict[str, object]:
    """The pending row of a reverse or a refund names the collect it undoes, and why."""
    return {
        "customer_uuid": collect.customer_uuid,
        "customer_name": collect.customer_name,
        "loyalty_transaction_uuid": collect.loyalty_transaction_uuid,
        "reward_title": collect.reward_title,
        "reverses_operation_id": collect.operation_id,
        "reason": reason.value,
        "note": note,
    }


def _undo_in_progress(
    collect: Operation, undo: str, operation_id: str, before: str
) -> OperationInProgressError:
    """A reverse or a refund of ``collect`` was started and has no outcome yet."""
    return OperationInProgressError(
        f"A {undo} of the collect {collect.reference} was started and its outcome is not "
        f"known yet; it must be reconciled before {before}.",
        operation_id=operation_id,
    )


def _reverse_reason(reason: ReverseReason | str, note: str | None) -> ReverseReason:
    try:
        chosen = ReverseReason(reason)
    except ValueError:
        choices = ", ".join(item.value for item in ReverseReason)
        raise ValueError(f"reason must be one of {choices}, not {reason!r}") from None
    if chosen is ReverseReason.OTHER and not (note and note.strip()):
        raise ValueError("a reversal for reason 'other' needs a note saying why")
    return chosen


def _owner_alive(owner: str) -> bool:
    """False only when the owner is known to be gone: a process of this host that died."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != _HOST or not pid_text.isdigit() or sys.platform == "win32":
        # WORKAROUND: on Windows os.kill(pid, 0) sends CTRL_C_EVENT instead of probing, so
        # there the lease's deadline alone decides.
        return True
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but belongs to someone else
    return True
