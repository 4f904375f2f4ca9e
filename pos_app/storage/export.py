"""CSV export of the journal, and verification of such an export.

The export holds every column of every row, values exactly as stored (timestamps in
ISO 8601 UTC with microseconds, an empty cell for an absent value), plus a last column
``pickup_reference`` for collect rows, derived from the operation id and not hashed. Since
the journal never stores empty text (it stores NULL), an export can be checked on its own:
:func:`verify_csv` recomputes the hash chain from the file, so a copy handed to an auditor
proves it is unaltered up to its last row's hash.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from pos_app.storage.chain import HASHED_FIELDS, VerifyResult, verify_rows
from pos_app.storage.errors import JournalFormatError
from pos_app.storage.model import COLLECT, COLUMNS
from pos_app.storage.reference import pickup_reference

if TYPE_CHECKING:
    from pos_app.storage.journal import Journal

__all__ = ["CSV_COLUMNS", "export_csv", "verify_csv"]

#: Header of an export: the table's columns, then the derived pickup reference.
CSV_COLUMNS: tuple[str, ...] = (*COLUMNS, "pickup_reference")


def export_csv(journal: Journal, out: TextIO) -> int:
    """Write the header and one line per journal row to ``out``; returns the row count.

    Open a file for it with ``newline=""`` (the csv module writes its own line ends).
    """
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in journal.raw_rows():
        reference = (
            pickup_reference(row["operation_id"])
            if row["kind"] == COLLECT and row["operation_id"]
            else None
        )
        writer.writerow([*(row[name] for name in COLUMNS), reference])
        count += 1
    return count


def _parsed_rows(reader: csv.DictReader[str]) -> Iterator[dict[str, Any]]:
    for line in reader:
        row: dict[str, Any] = {name: (line[name] or None) for name in (*HASHED_FIELDS, "hash")}
        try:
            row["id"] = int(line["id"])
        except (TypeError, ValueError):
            raise JournalFormatError(
                f"Line {reader.line_num} of the export has no valid row id: {line['id']!r}"
            ) from None
        yield row


def verify_csv(source: TextIO) -> VerifyResult:
    """Recompute the hash chain of an export written by :func:`export_csv`."""
    reader = csv.DictReader(source)
    missing = [name for name in COLUMNS if name not in (reader.fieldnames or ())]
    if missing:
        raise JournalFormatError(
            f"This is not a journal export: the columns {', '.join(missing)} are missing."
        )
    return verify_rows(_parsed_rows(reader))
