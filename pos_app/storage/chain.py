"""The hash chain over the journal rows, and its verification.

Each row stores ``prev_hash`` (the previous row's ``hash``; 64 zeros for the first row) and
``hash`` = SHA-256 of the row's canonical serialization: a JSON object of every column in
:data:`HASHED_FIELDS` (all columns of the first format but ``hash`` itself, ``prev_hash``
included) and of each column of :data:`ADDED_FIELDS` that holds a value, keys
sorted, no whitespace, non-ASCII kept as UTF-8, ``null`` for an absent value, ``id`` as an
integer. A changed, inserted or removed row therefore breaks the chain from that row on.

The chain cannot tell that rows were cut off the *end*; :func:`check_head` compares it
with a head noted elsewhere (an export's end line; the journal keeps a copy of its own
beside it, see :mod:`pos_app.storage.health`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from pos_app.storage.model import ADDED_COLUMNS, COLUMNS

__all__ = [
    "ADDED_FIELDS",
    "GENESIS_HASH",
    "HASHED_FIELDS",
    "ChainProblem",
    "VerifyResult",
    "canonical_bytes",
    "check_head",
    "row_hash",
    "verify_rows",
]

GENESIS_HASH = "0" * 64

#: The serialized fields. Fixed: adding a column to the table does not add it here, or
#: every existing row would stop verifying.
HASHED_FIELDS: tuple[str, ...] = tuple(
    name for name in COLUMNS if name != "hash" and name not in ADDED_COLUMNS
)
#: Columns added by later formats: serialized too, but only when they hold a value, so a
#: row written before the column existed hashes as it did, and a value written since is
#: covered like any other (changing or clearing it breaks the chain).
ADDED_FIELDS: tuple[str, ...] = tuple(ADDED_COLUMNS)


def canonical_bytes(row: Mapping[str, Any]) -> bytes:
    """The exact bytes that are hashed for ``row`` (extra keys, e.g. ``hash``, ignored)."""
    payload = {name: row[name] for name in HASHED_FIELDS}
    payload.update({name: value for name in ADDED_FIELDS if (value := row.get(name)) is not None})
    return json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def row_hash(row: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(row)).hexdigest()


class ChainProblem(StrEnum):
    #: The row's content does not give its stored hash: it was changed after writing.
    HASH_MISMATCH = "hash mismatch"
    #: The row does not point at the previous row's hash: a row before it was changed,
    #: removed or inserted, or the row itself was rewritten with a new hash.
    PREV_HASH_MISMATCH = "prev_hash mismatch"
    #: The sequence ids are not 1, 2, 3, ...: rows were removed.
    GAP = "gap in sequence"
    #: Fewer rows than the head noted elsewhere says: rows were cut off the end.
    CUT_SHORT = "cut short"
    #: The rows do not end as the head noted elsewhere says: added, or another chain.
    HEAD_MISMATCH = "head mismatch"


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a chain verification.

    ``rows_checked`` counts the rows examined, including the broken one when there is one.
    """

    ok: bool
    rows_checked: int
    broken_row_id: int | None = None
    problem: ChainProblem | None = None
    #: The last good row's hash (the whole chain's head when ``ok``).
    head_hash: str = GENESIS_HASH
    #: The row count a head noted elsewhere gives (:func:`check_head`), if one was compared.
    expected_rows: int | None = None

    @property
    def reason(self) -> str | None:
        return self.problem.value if self.problem is not None else None

    def describe(self) -> str:
        """One line for a person, e.g. for the command line."""
        if self.ok:
            return f"Journal intact: {self.rows_checked} rows"
        assert self.problem is not None
        if self.problem is ChainProblem.CUT_SHORT:
            return (
                f"Journal cut short: it says it has {self.expected_rows} rows but ends after "
                f"row {self.rows_checked}; the {self.rows_checked} rows it has are intact"
            )
        if self.problem is ChainProblem.HEAD_MISMATCH:
            return (
                f"Journal broken at its end: it says it has {self.expected_rows} rows with "
                f"another last hash than the {self.rows_checked} rows it has (rows were "
                "added, or it was put together from another journal)"
            )
        explanation = {
            ChainProblem.HASH_MISMATCH: "the row was changed after it was written",
            ChainProblem.PREV_HASH_MISMATCH: (
                "it does not follow the row before it (a row was changed, removed or inserted)"
            ),
            ChainProblem.GAP: "rows before it are missing",
        }[self.problem]
        return (
            f"Journal broken at row {self.broken_row_id}: {self.problem.value} ({explanation}); "
            f"{self.rows_checked - 1} rows before it are intact"
        )


def verify_rows(rows: Iterable[Mapping[str, Any]]) -> VerifyResult:
    """Check rows given in sequence order; stops at the first broken one."""
    expected_prev = GENESIS_HASH
    expected_id = 1
    checked = 0
    for row in rows:
        checked += 1
        row_id = row["id"]
        problem: ChainProblem | None = None
        if row_id != expected_id:
            problem = ChainProblem.GAP
        elif row["prev_hash"] != expected_prev:
            problem = ChainProblem.PREV_HASH_MISMATCH
        elif row_hash(row) != row["hash"]:
            problem = ChainProblem.HASH_MISMATCH
        if problem is not None:
            return VerifyResult(
                ok=False,
                rows_checked=checked,
                broken_row_id=row_id,
                problem=problem,
                head_hash=expected_prev,
            )
        expected_prev = row["hash"]
        expected_id += 1
    return VerifyResult(ok=True, rows_checked=checked, head_hash=expected_prev)


def check_head(result: VerifyResult, *, rows: int, head_hash: str) -> VerifyResult:
    """An intact chain compared with the head (row count, last hash) noted for it elsewhere."""
    if not result.ok:
        return result
    problem: ChainProblem | None = None
    if result.rows_checked < rows:
        problem = ChainProblem.CUT_SHORT
    elif result.rows_checked > rows or result.head_hash != head_hash:
        problem = ChainProblem.HEAD_MISMATCH
    if problem is None:
        return replace(result, expected_rows=rows)
    return replace(
        result,
        ok=False,
        broken_row_id=min(result.rows_checked, rows) + 1,
        problem=problem,
        expected_rows=rows,
    )
