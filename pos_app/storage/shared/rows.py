"""Journal rows as the local journal holds them, and as the shared journal stores them.

A stored row has every local column under its own name, with the same value, except that
the local ``id`` is stored as ``seq`` beside the ``chain_id`` (:func:`chain_id_of`). Reading
a stored row back gives the local row exactly, so
:func:`pos_app.storage.chain.verify_rows` verifies the chain here as it does locally.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pos_app.storage.model import COLUMNS

__all__ = ["LOCAL_COLUMNS", "STORED_COLUMNS", "chain_id_of", "local_row", "stored_values"]

#: The local columns stored under their own names (all but ``id``). A column added to the
#: local journal needs a migration adding it here too, or its rows would not verify.
LOCAL_COLUMNS: tuple[str, ...] = tuple(name for name in COLUMNS if name != "id")
#: What the copier writes for each row; ``shop`` is filled in by the database.
STORED_COLUMNS: tuple[str, ...] = ("chain_id", "seq", "recorded_time", *LOCAL_COLUMNS)


def chain_id_of(first_row: Mapping[str, Any]) -> str:
    """The id of the chain that starts with this row (the journal's row 1): its hash."""
    if first_row["id"] != 1:
        raise ValueError("a chain is named by its first row")
    return str(first_row["hash"])


def stored_values(chain_id: str, row: Mapping[str, Any]) -> tuple[Any, ...]:
    """The values of :data:`STORED_COLUMNS` for one local row."""
    values: dict[str, Any] = {
        "chain_id": chain_id,
        "seq": row["id"],
        "recorded_time": datetime.fromisoformat(row["recorded_at"]),
    }
    values.update((name, row[name]) for name in LOCAL_COLUMNS)
    return tuple(values[name] for name in STORED_COLUMNS)


def local_row(stored: Mapping[str, Any]) -> dict[str, Any]:
    """A stored row (``seq`` and the local columns) as the local journal's row."""
    row: dict[str, Any] = {"id": stored["seq"]}
    row.update((name, stored[name]) for name in LOCAL_COLUMNS)
    return {name: row[name] for name in COLUMNS}
