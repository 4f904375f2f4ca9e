"""CSV export of the journal, and verification of such an export.

The export holds every column of every row, values as stored (timestamps in ISO 8601 UTC
with microseconds, an empty cell for an absent value), plus a last column
``pickup_reference`` for collect rows, derived from the operation id and not hashed.

Two things are added so that the file is safe to open and complete to check:

* A cell that a spreadsheet would take for a formula (text beginning with ``=``, ``+``,
  ``-``, ``@``, a tab, CR or LF, their full-width forms, or one of those after spaces) gets
  a single quote in front, as OWASP recommends against CSV injection; so does a value that
  begins with a quote itself, so the added quote is always the one to take off again.
  Titles and notes come from the vendor and from staff: neither is trusted.
* A last line ``# end of export: N rows with last hash H`` (in the first column), so a copy cut
  short is told from a whole one.

Since the journal never stores empty text (it stores NULL), an export can be checked on
its own: :func:`verify_csv` takes the added quotes off, recomputes the hash chain from the
file and compares it with the end line, so a copy handed to an auditor proves it is whole
and unaltered.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from pos_app.storage.chain import (
    ADDED_FIELDS,
    GENESIS_HASH,
    HASHED_FIELDS,
    VerifyResult,
    check_head,
    verify_rows,
)
from pos_app.storage.errors import JournalFormatError
from pos_app.storage.model import COLLECT, COLUMNS
from pos_app.storage.reference import pickup_reference

if TYPE_CHECKING:
    from pos_app.storage.journal import Journal

__all__ = [
    "CSV_COLUMNS",
    "export_csv",
    "export_table_csv",
    "neutralise_cell",
    "restore_cell",
    "verify_csv",
]

#: Header of an export: the table's columns, then the derived pickup reference.
CSV_COLUMNS: tuple[str, ...] = (*COLUMNS, "pickup_reference")

#: First characters that make a spreadsheet evaluate a cell (OWASP's list, LF, and the
#: full-width forms some spreadsheets fold to them).
_FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_QUOTE = "'"
_END_MARK = "# end of export"
_END = re.compile(r"# end of export: (\d+) rows with last hash ([0-9a-f]{64})")


def neutralise_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet runs as a formula; :func:`restore_cell` undoes it."""
    start = value.lstrip(" ")[:1]
    if value.startswith(_QUOTE) or (start and start in _FORMULA_STARTS):
        return _QUOTE + value
    return value


def restore_cell(cell: str) -> str:
    return cell[1:] if cell.startswith(_QUOTE) else cell


def export_csv(journal: Journal, out: TextIO) -> int:
    """Write the header, one line per journal row and the end line; returns the row count.

    Open a file for it with ``newline=""`` (the csv module writes its own line ends).
    """
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    last_hash = GENESIS_HASH
    for row in journal.raw_rows():
        reference = (
            pickup_reference(row["operation_id"])
            if row["kind"] == COLLECT and row["operation_id"]
            else None
        )
        values = (*(row[name] for name in COLUMNS), reference)
        writer.writerow([neutralise_cell(v) if isinstance(v, str) else v for v in values])
        count += 1
        last_hash = row["hash"]
    end = f"{_END_MARK}: {count} rows with last hash {last_hash}"
    writer.writerow([end, *([""] * (len(CSV_COLUMNS) - 1))])
    return count


def export_table_csv(
    header: Sequence[str], rows: Iterable[Sequence[str | None]], out: TextIO
) -> int:
    """Write a table as shown on screen (e.g. the pickups a filter shows): the header, one
    line per row with every cell made safe as in :func:`export_csv` (None: an empty cell),
    and an end line ``# end of export: N rows`` so a copy cut short is told from a whole
    one. Returns the row count. Such a table has no hashes: it is a report, not a journal
    export that :func:`verify_csv` can check."""
    writer = csv.writer(out)
    writer.writerow([neutralise_cell(name) for name in header])
    count = 0
    for row in rows:
        writer.writerow(["" if cell is None else neutralise_cell(cell) for cell in row])
        count += 1
    writer.writerow([f"{_END_MARK}: {count} rows", *([""] * (len(header) - 1))])
    return count


def _parsed_rows(
    reader: csv.DictReader[str], end: list[tuple[int, str]]
) -> Iterator[dict[str, Any]]:
    """The rows of an export as stored; the end line's count and hash go to ``end``."""
    for line in reader:
        if end:
            raise JournalFormatError(
                f"Line {reader.line_num} of the export comes after its end line."
            )
        first = line["id"] or ""
        if first.startswith(_END_MARK):
            found = _END.fullmatch(first)
            if found is None:
                raise JournalFormatError(f"Line {reader.line_num}: the end line is not readable.")
            end.append((int(found[1]), found[2]))
            continue
        # An export from before a column was added has no cell for it: absent, not hashed.
        row: dict[str, Any] = {
            name: (restore_cell(line.get(name) or "") or None)
            for name in (*HASHED_FIELDS, *ADDED_FIELDS, "hash")
        }
        try:
            row["id"] = int(line["id"])
        except (TypeError, ValueError):
            raise JournalFormatError(
                f"Line {reader.line_num} of the export has no valid row id: {line['id']!r}"
            ) from None
        yield row


def verify_csv(source: TextIO) -> VerifyResult:
    """Recompute the hash chain of an export written by :func:`export_csv`.

    An intact chain is also compared with the end line: fewer rows than it says is
    :attr:`~pos_app.storage.chain.ChainProblem.CUT_SHORT`.
    """
    reader = csv.DictReader(source)
    missing = [name for name in (*HASHED_FIELDS, "hash") if name not in (reader.fieldnames or ())]
    if missing:
        raise JournalFormatError(
            f"This is not a journal export: the columns {', '.join(missing)} are missing."
        )
    end: list[tuple[int, str]] = []
    result = verify_rows(_parsed_rows(reader, end))
    if not result.ok:
        return result
    if not end:
        raise JournalFormatError(
            "This export has no end line: it was cut short (or written by a version of the "
            "app from before end lines)."
        )
    rows, head_hash = end[0]
    return check_head(result, rows=rows, head_hash=head_hash)
