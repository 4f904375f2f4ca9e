"""Reading and writing the shared journal's rows (psycopg 3, asyncio).

Every function takes an open connection and works on the rows the login may see: a
counter's own shop's (row-level security), or, for a head-office login, those of the
``shop`` given. Copying is idempotent: a row already stored identically counts as
``already_stored``; a row stored *differently* is a :class:`CopyConflict`, reported and
never overwritten (nothing may change a stored row, and the database refuses it too).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from pos_app.storage.chain import ChainProblem, VerifyResult, verify_rows
from pos_app.storage.journal import _fold, _Reversal
from pos_app.storage.model import (
    CLAIM,
    COLLECT,
    COLUMNS,
    REFUND,
    REVERSE,
    SHELF_CLEARED,
    SHELF_READY,
    Entry,
    Operation,
    OpState,
)
from pos_app.storage.reference import operation_id_prefix, parse_reference
from pos_app.storage.shared.rows import STORED_COLUMNS, local_row, stored_values

__all__ = [
    "CopyConflict",
    "InsertResult",
    "chain_head",
    "find_by_reference",
    "insert_rows",
    "recent_collects",
    "shelf_marks",
    "shop_counters",
    "stored_rows",
    "verify_chain",
]

Connection = psycopg.AsyncConnection[Any]

_INSERT = sql.SQL(
    "INSERT INTO pos_shared.journal_row ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING"
).format(
    columns=sql.SQL(", ").join(map(sql.Identifier, STORED_COLUMNS)),
    values=sql.SQL(", ").join(sql.Placeholder() * len(STORED_COLUMNS)),
)
# The rows of one chain: the login's own shop's, or (head office) the given shop's.
_CHAIN = """
    FROM pos_shared.journal_row
    WHERE shop = coalesce(%(shop)s, pos_shared.login_shop()) AND chain_id = %(chain)s
"""


@dataclass(frozen=True)
class CopyConflict:
    """A local row that does not match what the shared journal holds at its place."""

    seq: int
    reason: str


@dataclass(frozen=True)
class InsertResult:
    #: Rows stored by this call.
    inserted: int
    #: Rows that were already stored, identically (copied before).
    already_stored: int
    #: The first row that could not be stored; the rows after it were not tried.
    conflict: CopyConflict | None = None


async def chain_head(conn: Connection, chain_id: str, *, shop: str | None = None) -> int:
    """The last ``seq`` stored of the chain (0: none yet)."""
    cursor = await conn.execute(
        f"SELECT coalesce(max(seq), 0) {_CHAIN}".encode(), {"shop": shop, "chain": chain_id}
    )
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def _stored_between(
    conn: Connection, chain_id: str, first: int, last: int
) -> dict[int, dict[str, Any]]:
    async with conn.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            f"SELECT * {_CHAIN} AND seq BETWEEN %(first)s AND %(last)s".encode(),
            {"shop": None, "chain": chain_id, "first": first, "last": last},
        )
        return {int(row["seq"]): local_row(row) for row in await cursor.fetchall()}


async def insert_rows(
    conn: Connection, chain_id: str, rows: Sequence[Mapping[str, Any]]
) -> InsertResult:
    """Store consecutive local rows of one chain, in one transaction, as the login's shop's.

    The rows stored before the first conflict are kept; a row that would leave a gap (the
    rows before it are not stored) is a conflict too.
    """
    if not rows:
        return InsertResult(0, 0)
    first, last = int(rows[0]["id"]), int(rows[-1]["id"])
    if [row["id"] for row in rows] != list(range(first, last + 1)):
        raise ValueError("rows must be consecutive and in order")
    async with conn.transaction():
        stored = await _stored_between(conn, chain_id, first - 1, last)
        new: list[Mapping[str, Any]] = []
        already = 0
        conflict: CopyConflict | None = None
        previous = stored.get(first - 1)
        if first > 1 and previous is None:
            conflict = CopyConflict(first, "the rows before it are not in the shared journal")
        elif previous is not None and previous["hash"] != rows[0]["prev_hash"]:
            conflict = CopyConflict(first, "it does not follow the row stored before it")
        for row in rows if conflict is None else ():
            seq = int(row["id"])
            if seq in stored:
                if stored[seq] != dict(row):
                    conflict = CopyConflict(seq, "it differs from the row stored at its place")
                    break
                already += 1
            else:
                new.append(row)
        if new:
            async with conn.cursor() as cursor:
                await cursor.executemany(_INSERT, [stored_values(chain_id, row) for row in new])
    return InsertResult(len(new), already, conflict)


async def stored_rows(
    conn: Connection, chain_id: str, *, shop: str | None = None
) -> list[dict[str, Any]]:
    """Every stored row of the chain as the local journal's rows, in order."""
    return [row async for row in _chain_rows(conn, chain_id, shop=shop)]


async def _chain_rows(
    conn: Connection, chain_id: str, *, shop: str | None, check_times: list[int] | None = None
) -> AsyncIterator[dict[str, Any]]:
    # A server-side cursor: a year of one counter's rows is read in chunks, not at once.
    async with conn.transaction():
        cursor = conn.cursor(name="pos_shared_chain", row_factory=dict_row)
        async with cursor:
            await cursor.execute(
                f"SELECT * {_CHAIN} ORDER BY seq".encode(), {"shop": shop, "chain": chain_id}
            )
            async for stored in cursor:
                row = local_row(stored)
                moment: datetime = stored["recorded_time"]
                if check_times is not None and moment != datetime.fromisoformat(row["recorded_at"]):
                    check_times.append(int(row["id"]))
                yield row


async def verify_chain(conn: Connection, chain_id: str, *, shop: str | None = None) -> VerifyResult:
    """Recompute the chain as stored; reports the first broken row and why.

    The hashes are recomputed by :func:`~pos_app.storage.chain.verify_rows`, the very code
    that verifies the local journal, so both can never disagree on what a row's hash is.
    ``recorded_time`` (not hashed) must be the moment ``recorded_at`` says.
    """
    mismatched_times: list[int] = []
    rows = [
        row async for row in _chain_rows(conn, chain_id, shop=shop, check_times=mismatched_times)
    ]
    result = verify_rows(rows)
    if mismatched_times and (result.ok or mismatched_times[0] < (result.broken_row_id or 0)):
        seq = mismatched_times[0]
        return VerifyResult(
            ok=False,
            rows_checked=seq,
            broken_row_id=seq,
            problem=ChainProblem.HASH_MISMATCH,
            head_hash=rows[seq - 2]["hash"] if seq > 1 else result.head_hash,
        )
    return result


# Every character after an operation id prefix sorts below "g" ([0-9a-f-], "C" collation):
# prefix..prefix+"g" is the range of ids starting with it, which the index answers.
_PREFIX_END = "g"


async def _entries_of(
    conn: Connection, where: sql.Composable, params: Mapping[str, Any]
) -> dict[str, list[Entry]]:
    """The login's shop's rows matching ``where``, as entries grouped by operation."""
    query = sql.SQL(
        "SELECT * FROM pos_shared.journal_row WHERE shop = pos_shared.login_shop() AND ({}) "
        "ORDER BY recorded_time, chain_id, seq"
    ).format(where)
    grouped: dict[str, list[Entry]] = {}
    async with conn.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(query, params)
        for stored in await cursor.fetchall():
            row = local_row(stored)
            entry = Entry.from_row(tuple(row[name] for name in COLUMNS))
            assert entry.operation_id is not None
            grouped.setdefault(entry.operation_id, []).append(entry)
    return grouped


async def find_by_reference(conn: Connection, reference: str) -> list[Operation]:
    """The collects a pickup reference or slip code names, at any counter of the shop.

    A slip's code names every collect of its hand-over; a collect's own reference names
    that collect. Each comes in its current state with its reversal, if any, wherever it
    was made or reversed; oldest first. Empty when the text is no reference or nothing of
    the login's shop has it.
    """
    canonical = parse_reference(reference)
    if canonical is None:
        return []
    prefix = operation_id_prefix(canonical)
    bounds = {"low": prefix, "high": prefix + _PREFIX_END, "collect": COLLECT}
    async with conn.transaction():
        starts = await _entries_of(
            conn,
            sql.SQL(
                "kind = %(collect)s AND state = 'pending' AND ("
                "(operation_id >= %(low)s AND operation_id < %(high)s) OR "
                "(handover_id >= %(low)s AND handover_id < %(high)s))"
            ),
            bounds,
        )
        return await _collects(conn, list(starts))


async def _collects(conn: Connection, ids: Sequence[str]) -> list[Operation]:
    """The collects (and claims) with these ids, each in its current state with its
    reversal, in order.

    Call inside a transaction, so that a collect and its reversal are read at one moment.
    """
    if not ids:
        return []
    collects = await _entries_of(conn, sql.SQL("operation_id = ANY(%(ids)s)"), {"ids": ids})
    undoing = await _entries_of(
        conn,
        sql.SQL(
            "operation_id IN (SELECT operation_id FROM pos_shared.journal_row "
            "WHERE shop = pos_shared.login_shop() AND kind IN (%(reverse)s, %(refund)s) "
            "AND state = 'pending' AND reverses_operation_id = ANY(%(ids)s))"
        ),
        {"ids": ids, "reverse": REVERSE, "refund": REFUND},
    )
    # Folded by the local journal's own code, so that an operation found here is exactly
    # the one the counter that made it has; as there, a collect's latest reverse (and
    # refund) that did not fail is its reversal (and refund).
    reversals: dict[str, _Reversal] = {}
    refunds: dict[str, _Reversal] = {}
    for operation_id, entries in undoing.items():
        first, last = entries[0], entries[-1]
        if first.reverses_operation_id is None or last.state in (None, OpState.FAILED):
            continue
        assert last.state is not None
        found = refunds if first.kind == REFUND else reversals
        found[first.reverses_operation_id] = _Reversal(
            operation_id, last.state, first.reason, first.staff_name
        )
    return [
        _fold(collects[op_id], reversals.get(op_id), refunds.get(op_id))
        for op_id in ids
        if op_id in collects
    ]


def _escaped_like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def recent_collects(
    conn: Connection,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    counter: str | None = None,
    text: str | None = None,
    customer_uuid: str | None = None,
    limit: int = 200,
) -> list[Operation]:
    """The shop's collects and claims at every counter, newest first, each in its current
    state: the kinds the local journal's Recent pickups lists (a refund or a reversal shows
    as the state of its collect).

    ``since``/``until`` bound when they were started; ``counter`` keeps one counter's,
    ``customer_uuid`` one customer's;
    ``text`` matches, ignoring case, part of the reward title, the customer's short name
    or the staff name, or is a pickup reference or slip code (as the local journal's
    Recent pickups search does).
    """
    if limit <= 0:
        return []
    clauses: list[sql.Composable] = [
        sql.SQL(
            "shop = pos_shared.login_shop() AND kind IN (%(collect)s, %(claim)s) "
            "AND state = 'pending'"
        )
    ]
    params: dict[str, Any] = {"collect": COLLECT, "claim": CLAIM, "limit": limit}
    if since is not None:
        clauses.append(sql.SQL("recorded_time >= %(since)s"))
        params["since"] = since
    if until is not None:
        clauses.append(sql.SQL("recorded_time < %(until)s"))
        params["until"] = until
    if counter is not None:
        clauses.append(sql.SQL("counter = %(counter)s"))
        params["counter"] = counter
    if customer_uuid is not None:
        clauses.append(sql.SQL("customer_uuid = %(customer)s"))
        params["customer"] = customer_uuid
    if text is not None and text.strip():
        params["like"] = _escaped_like(text.strip())
        matches = [
            sql.SQL("reward_title ILIKE %(like)s"),
            sql.SQL("customer_name ILIKE %(like)s"),
            sql.SQL("staff_name ILIKE %(like)s"),
        ]
        canonical = parse_reference(text)
        if canonical is not None:
            prefix = operation_id_prefix(canonical)
            params.update(low=prefix, high=prefix + _PREFIX_END)
            # A reference names a collect (a claim has none), as in the local journal.
            matches.append(
                sql.SQL(
                    "(kind = %(collect)s AND operation_id >= %(low)s AND operation_id < %(high)s)"
                )
            )
            matches.append(sql.SQL("(handover_id >= %(low)s AND handover_id < %(high)s)"))
        clauses.append(sql.SQL("({})").format(sql.SQL(" OR ").join(matches)))
    query = sql.SQL(
        "SELECT operation_id FROM pos_shared.journal_row WHERE {} "
        "ORDER BY recorded_time DESC, chain_id, seq DESC LIMIT %(limit)s"
    ).format(sql.SQL(" AND ").join(clauses))
    async with conn.transaction():
        cursor = await conn.execute(query, params)
        ids = [str(row[0]) for row in await cursor.fetchall()]
        return await _collects(conn, ids)


async def shop_counters(conn: Connection) -> list[str]:
    """The names of the shop's counters that copied a row here, in order."""
    cursor = await conn.execute(
        "SELECT DISTINCT counter FROM pos_shared.journal_row "
        "WHERE shop = pos_shared.login_shop() ORDER BY counter"
    )
    return [str(row[0]) for row in await cursor.fetchall()]


async def shelf_marks(
    conn: Connection,
    loyalty_transaction_uuids: Sequence[str],
    *,
    since: datetime,
    taken_back: bool = False,
) -> dict[str, Entry]:
    """The latest "ready on the shelf" mark of each of these rewards, not taken back since,
    made at any counter of the shop since ``since``; with ``taken_back``, the latest mark or
    taking back, whichever came last.

    No reward is marked before it was claimed: ``since`` lets the shop's time index answer
    instead of a scan of every row the shop ever copied.
    """
    wanted = list(dict.fromkeys(loyalty_transaction_uuids))
    if not wanted:
        return {}
    query = (
        "SELECT * FROM pos_shared.journal_row WHERE shop = pos_shared.login_shop() "
        "AND recorded_time >= %(since)s AND kind = ANY(%(kinds)s) AND operation_id IS NULL "
        "AND loyalty_transaction_uuid = ANY(%(wanted)s) ORDER BY recorded_time, chain_id, seq"
    )
    found: dict[str, Entry] = {}
    async with conn.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            query.encode(),
            {"since": since, "kinds": [SHELF_READY, SHELF_CLEARED], "wanted": wanted},
        )
        for stored in await cursor.fetchall():
            row = local_row(stored)
            entry = Entry.from_row(tuple(row[name] for name in COLUMNS))
            assert entry.loyalty_transaction_uuid is not None
            found[entry.loyalty_transaction_uuid] = entry
    if taken_back:
        return found
    return {uuid: entry for uuid, entry in found.items() if entry.kind == SHELF_READY}
