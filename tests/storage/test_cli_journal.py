"""`pos-app journal verify` and `pos-app journal export`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.storage import CSV_COLUMNS, Journal
from pos_app.storage.schema import SCHEMA_VERSION
from tests.storage.helpers import (
    COUNTER,
    SHOP,
    collect,
    cut_rows_after,
    make_damaged_journal,
    raw_connection,
)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("POS_APP_DATA_DIR", str(folder))
    return folder


def _make_journal(path: Path, pickups: int = 2) -> None:
    with Journal.open(path, shop_uuid=SHOP, counter=COUNTER) as journal:
        for n in range(1, pickups + 1):
            collect(journal, n)


def test_help_lists_the_journal_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    assert "journal verify" in capsys.readouterr().out
    with pytest.raises(SystemExit) as caught:
        main(["journal"])
    assert caught.value.code == 2


@pytest.mark.parametrize("action", [["verify"], ["export", "--csv", "-"]])
def test_no_journal_yet(
    data_dir: Path, capsys: pytest.CaptureFixture[str], action: list[str]
) -> None:
    assert main(["journal", *action]) == 1
    captured = capsys.readouterr()
    assert "no journal yet" in captured.err
    assert str(data_dir / "journal.sqlite3") in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert not data_dir.exists()  # looking did not create anything


def test_verify_an_intact_journal(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _make_journal(data_dir / "journal.sqlite3", pickups=2)
    assert main(["journal", "verify"]) == 0
    assert capsys.readouterr().out.strip() == "Journal intact: 4 rows"


def test_verify_reports_the_broken_row(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "journal.sqlite3"
    _make_journal(path, pickups=2)
    conn = raw_connection(path)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET reward_title = 'Gold bar' WHERE id = 2")
    conn.close()
    assert main(["journal", "verify"]) == 1
    out = capsys.readouterr().out
    assert "Journal broken at row 2: hash mismatch" in out
    assert "1 rows before it are intact" in out


def test_data_dir_option_wins(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "elsewhere"
    _make_journal(other / "journal.sqlite3", pickups=1)
    assert main(["--data-dir", str(other), "journal", "verify"]) == 0
    assert capsys.readouterr().out.strip() == "Journal intact: 2 rows"
    assert main(["journal", "verify"]) == 1  # POS_APP_DATA_DIR has none


def test_export_to_a_file_and_check_it(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_journal(data_dir / "journal.sqlite3", pickups=3)
    target = tmp_path / "export.csv"
    assert main(["journal", "export", "--csv", str(target)]) == 0
    captured = capsys.readouterr()
    assert f"Exported 6 journal rows to {target}" in captured.err
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(CSV_COLUMNS)
    assert len(rows) == 8  # header, 6 rows, the end line
    assert [row[CSV_COLUMNS.index("state")] for row in rows[1:-1]] == ["pending", "confirmed"] * 3
    assert rows[-1][0].startswith("# end of export: 6 rows with last hash ")

    assert main(["journal", "verify", "--csv", str(target)]) == 0
    assert capsys.readouterr().out.strip() == "Journal intact: 6 rows"
    target.write_text(target.read_text(encoding="utf-8").replace("red-3", "red-4"), "utf-8")
    assert main(["journal", "verify", "--csv", str(target)]) == 1
    assert "Journal broken at row 6: hash mismatch" in capsys.readouterr().out


def test_export_to_standard_output(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _make_journal(data_dir / "journal.sqlite3", pickups=1)
    assert main(["journal", "export", "--csv", "-"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(captured.out, newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    assert len(rows) == 4
    assert "Exported 2 journal rows" in captured.err


def test_unusable_files_are_messages_not_tracebacks(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "journal.sqlite3"
    _make_journal(path, pickups=1)
    conn = raw_connection(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    assert main(["journal", "verify"]) == 1
    err = capsys.readouterr().err
    assert "newer version of the app" in err
    assert "Traceback" not in err

    assert main(["journal", "export", "--csv", str(tmp_path / "no" / "such" / "dir.csv")]) == 1
    assert "newer version" in capsys.readouterr().err

    not_csv = tmp_path / "notes.csv"
    not_csv.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["journal", "verify", "--csv", str(not_csv)]) == 1
    assert "not a journal export" in capsys.readouterr().err
    assert main(["journal", "verify", "--csv", str(tmp_path / "missing.csv")]) == 1
    assert "cannot check" in capsys.readouterr().err


def test_export_to_an_unwritable_place(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_journal(data_dir / "journal.sqlite3", pickups=1)
    assert main(["journal", "export", "--csv", str(tmp_path / "no" / "such" / "dir.csv")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err
    assert "Traceback" not in err


def test_broken_settings_are_reported(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("this is = = not toml", encoding="utf-8")
    assert main(["--config", str(config), "journal", "verify"]) == 1
    assert "not valid TOML" in capsys.readouterr().err


def test_verify_reports_a_damaged_file(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """64 flipped bytes in an index page: the chain reads fine, SQLite's check does not."""
    path = data_dir / "journal.sqlite3"
    make_damaged_journal(path)
    assert main(["journal", "verify"]) == 1
    captured = capsys.readouterr()
    assert "Journal intact" not in captured.out
    assert f"The journal {path} is damaged: SQLite's integrity check found" in captured.out
    assert "Traceback" not in captured.err


def test_verify_compares_with_the_head_copy(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "journal.sqlite3"
    _make_journal(path, pickups=3)
    cut_rows_after(path, 4)
    assert main(["journal", "verify"]) == 1
    out = capsys.readouterr().out
    assert "Journal intact" not in out
    assert (
        f"The journal {path} is shorter than it was: it has 4 rows, but the copy of its "
        "head kept beside it says 6; the last 2 rows are missing."
    ) in out
    assert "The hash chain of the 4 rows it has is intact." in out

    for name in ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"):
        (data_dir / name).unlink(missing_ok=True)
    assert main(["journal", "verify"]) == 1
    captured = capsys.readouterr()
    assert f"The journal {path} is missing" in captured.err
    assert "says it had 6 rows" in captured.err


@pytest.mark.parametrize("action", [["verify"], ["export", "--csv", "-"]])
def test_options_after_the_subcommand(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], action: list[str]
) -> None:
    other = tmp_path / "elsewhere"
    _make_journal(other / "journal.sqlite3", pickups=1)
    assert main(["journal", *action, "--data-dir", str(other)]) == 0
    assert main(["journal", "--data-dir", str(other), *action]) == 0
    captured = capsys.readouterr()
    assert "no journal yet" not in captured.err


def test_acknowledge_on_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "journal.sqlite3"
    _make_journal(path, pickups=3)
    assert main(["journal", "acknowledge", "--by", "Sam from IT"]) == 0
    assert "Nothing to acknowledge" in capsys.readouterr().out

    cut_rows_after(path, 2)
    with pytest.raises(SystemExit) as caught:
        main(["journal", "acknowledge"])  # who acknowledges it must be said
    assert caught.value.code == 2
    capsys.readouterr()
    assert main(["journal", "acknowledge", "--by", "Sam from IT"]) == 0
    out = capsys.readouterr().out
    assert "Acknowledged: The journal" in out
    assert "hand-overs can start again" in out
    with Journal.open_read_only(path) as journal:
        (event,) = journal.events(kind="journal_check_acknowledged")
        assert event.staff_name == "Sam from IT"
        assert event.staff_id is not None
        assert event.staff_id.startswith("os-user:")
        assert "shorter than it was" in (event.note or "")
    assert main(["journal", "verify"]) == 0
    assert capsys.readouterr().out.strip() == "Journal intact: 3 rows"


def test_acknowledge_refuses_a_damaged_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "journal.sqlite3"
    make_damaged_journal(path)
    assert main(["journal", "acknowledge", "--by", "Sam from IT"]) == 1
    err = capsys.readouterr().err
    assert "cannot be acknowledged" in err
    assert "move it aside" in err
