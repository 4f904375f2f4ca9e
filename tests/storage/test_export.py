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
    verify_csv,
)
from tests.storage.helpers import MANAGER, collect


def _export(journal: Journal) -> str:
    out = io.StringIO(newline="")
    export_csv(journal, out)
    return out.getvalue()


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


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
    rows = _rows(text)
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
