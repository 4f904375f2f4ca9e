"""The hash chain over the journal rows, and its verification.

Each row stores ``prev_hash`` (the previous row's ``hash``; 64 zeros for the first row) and
``hash`` = SHA-256 of the row's canonical serialization: a JSON object of every column in
:data:`HASHED_FIELDS` (all columns but ``hash`` itself, ``prev_hash`` included), keys
sorted, no whitespace, non-ASCII kept as UTF-8, ``null`` for an absent value, ``id`` as an
integer. A changed, inserted or removed row therefore breaks the chain from that row on.

The chain cannot tell that rows were cut off the *end*; compare :attr:`VerifyResult.head_hash`
with a value noted earlier (an export, a printout) to catch that.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pos_app.storage.model import COLUMNS

__all__ = [
    "GENESIS_HASH",
    "HASHED_FIELDS",
    "ChainProblem",
    "VerifyResult",
    "canonical_bytes",
    "row_hash",
    "verify_rows",
]

GENESIS_HASH = "0" * 64

#: The serialized fields. Fixed: adding a column to the table does not add it here, or
#: every existing row would stop verifying.
HASHED_FIELDS: tuple[str, ...] = tuple(name for name in COLUMNS if name != "hash")


def canonical_bytes(row: Mapping[str, Any]) -> bytes:
    """The exact bytes that are hashed for ``row`` (extra keys, e.g. ``hash``, ignored)."""
    payload = {name: row[name] for name in HASHED_FIELDS}
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

    @property
    def reason(self) -> str | None:
        return self.problem.value if self.problem is not None else None

    def describe(self) -> str:
        """One line for a person, e.g. for the command line."""
        if self.ok:
            return f"Journal intact: {self.rows_checked} rows"
        assert self.problem is not None
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
