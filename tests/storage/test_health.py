"""Journal health: a damaged, replaced, shortened, emptied or deleted journal is reported."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pos_app.storage import (
    JOURNAL_CHECK_ACKNOWLEDGED,
    HealthProblem,
    Journal,
    JournalDamagedError,
    JournalHead,
    check_health,
    head_file_path,
)
from tests.storage.helpers import (
    COUNTER,
    MANAGER,
    SHOP,
    collect,
    cut_rows_after,
    make_damaged_journal,
)


def _open(path: Path) -> Journal:
    return Journal.open(path, shop_uuid=SHOP, counter=COUNTER)


def _make(path: Path, pickups: int) -> None:
    with _open(path) as journal:
        for n in range(1, pickups + 1):
            collect(journal, n)


def _head_file(path: Path) -> dict[str, object]:
    loaded = json.loads(head_file_path(path).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _remove(path: Path) -> None:
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        (path.parent / name).unlink(missing_ok=True)


def test_a_new_install_is_not_a_problem(journal_path: Path) -> None:
    assert check_health(journal_path).ok
    with _open(journal_path) as journal:
        health = journal.health
        assert health is not None
        assert health.ok
    assert _head_file(journal_path) == {
        "format": 1,
        "rows": 0,
        "first_hash": None,
        "last_hash": "0" * 64,
    }


def test_the_head_is_kept_beside_the_journal_after_every_write(
    journal: Journal, journal_path: Path
) -> None:
    assert head_file_path(journal_path) == journal_path.with_name("journal.sqlite3.head")
    collect(journal, 1)
    first = next(journal.raw_rows())["hash"]
    # Counts and hashes only: nothing about customers, staff or rewards.
    assert _head_file(journal_path) == {
        "format": 1,
        "rows": 2,
        "first_hash": first,
        "last_hash": journal.verify().head_hash,
    }
    journal.record_event("pin_lockout")
    assert _head_file(journal_path)["rows"] == 3
    assert _head_file(journal_path)["last_hash"] == journal.verify().head_hash
    assert not list(journal_path.parent.glob("*.tmp"))  # written via a temporary file


def test_seven_unfinished_hand_overs_do_not_vanish_silently(journal_path: Path) -> None:
    with _open(journal_path) as journal:
        for n in range(1, 8):
            journal.begin_collect(
                customer_uuid="contact-a", loyalty_transaction_uuid=f"lt-{n}", reward_title="Mug"
            )
        assert len(journal.unresolved()) == 7
    _remove(journal_path)

    with _open(journal_path) as journal:
        health = journal.health
        assert health is not None
        assert health.problem is HealthProblem.MISSING
        assert health.expected is not None
        assert health.expected.rows == 7
        assert health.describe() == (
            f"The journal {journal_path} is missing: the copy of its head kept beside it "
            "says it had 7 rows."
        )
        assert journal.unresolved() == []


def _deleted(path: Path, _spare: Path) -> None:
    _remove(path)


def _emptied(path: Path, _spare: Path) -> None:
    path.write_bytes(b"")


def _shortened(path: Path, _spare: Path) -> None:
    cut_rows_after(path, 4)


def _replaced(path: Path, spare: Path) -> None:
    other = spare.with_name("other.sqlite3")
    _make(other, pickups=6)
    _remove(path)
    shutil.copyfile(other, path)


def _old_copy_restored(path: Path, spare: Path) -> None:
    shutil.copyfile(spare, path)


def _make_spare_copy(path: Path, spare: Path) -> None:
    """The state a backup taken after the second pickup would have."""
    shutil.copyfile(path, spare)


@pytest.mark.parametrize(
    ("harm", "problem", "rows", "words"),
    [
        (_deleted, HealthProblem.MISSING, 0, "is missing"),
        (_emptied, HealthProblem.EMPTIED, 0, "was emptied"),
        (_shortened, HealthProblem.TRUNCATED, 4, "has 4 rows, but the copy of its head"),
        (_replaced, HealthProblem.REPLACED, 12, "not the journal this counter wrote"),
        (_old_copy_restored, HealthProblem.TRUNCATED, 4, "the last 4 rows are missing"),
    ],
    ids=["deleted", "emptied", "shortened", "replaced", "old-copy-restored"],
)
def test_a_lost_journal_is_reported_until_a_manager_acknowledges_it(
    journal_path: Path,
    tmp_path: Path,
    harm: Callable[[Path, Path], None],
    problem: HealthProblem,
    rows: int,
    words: str,
) -> None:
    spare = tmp_path / "spare" / "journal.sqlite3"
    spare.parent.mkdir()
    _make(journal_path, pickups=2)
    _make_spare_copy(journal_path, spare)
    with _open(journal_path) as journal:
        for n in range(3, 5):
            collect(journal, n)
    harm(journal_path, spare)

    health = check_health(journal_path)
    assert health.problem is problem
    assert health.rows == rows
    assert health.expected is not None
    assert health.expected.rows == 8
    assert words in health.describe()
    assert health.needs_acknowledgement

    with _open(journal_path) as journal:
        assert journal.health == health
        # Rows written while the problem waits do not hide it.
        journal.record_event("pin_lockout")
    with _open(journal_path) as journal:
        again = journal.health
        assert again is not None
        assert not again.ok
        entry = journal.acknowledge_health(MANAGER)
        assert entry.kind == JOURNAL_CHECK_ACKNOWLEDGED
        assert (entry.staff_id, entry.staff_name) == (MANAGER.profile_id, MANAGER.name)
        assert entry.note == f"Acknowledged: {again.describe()}"
        assert journal.health is not None
        assert journal.health.ok
        assert journal.verify().ok
        count = journal.count()
    assert _head_file(journal_path)["rows"] == count
    assert check_health(journal_path).ok
    with _open(journal_path) as journal:
        assert journal.health is not None
        assert journal.health.ok


def test_a_damaged_file_is_reported_and_cannot_be_acknowledged(journal_path: Path) -> None:
    make_damaged_journal(journal_path)
    assert not journal_path.with_name("journal.sqlite3-wal").exists()  # all in the file
    health = check_health(journal_path)
    assert health.problem is HealthProblem.DAMAGED
    assert not health.needs_acknowledgement
    assert health.details  # what SQLite found
    assert health.describe().startswith(f"The journal {journal_path} is damaged:")
    with _open(journal_path) as journal:
        assert journal.health is not None
        assert journal.health.problem is HealthProblem.DAMAGED  # the start's quick check, too
        with pytest.raises(JournalDamagedError, match="cannot be acknowledged"):
            journal.acknowledge_health(MANAGER)


def test_an_unreadable_head_copy_is_reported(journal_path: Path) -> None:
    _make(journal_path, pickups=1)
    head_file_path(journal_path).write_text("{not json", encoding="utf-8")
    health = check_health(journal_path)
    assert health.problem is HealthProblem.HEAD_UNREADABLE
    assert "cannot be read" in health.describe()
    with _open(journal_path) as journal:
        journal.acknowledge_health(MANAGER)
    assert _head_file(journal_path)["rows"] == 3


def test_a_journal_from_before_the_head_copy_gets_one(journal_path: Path) -> None:
    _make(journal_path, pickups=2)
    head_file_path(journal_path).unlink()
    assert check_health(journal_path).ok
    with _open(journal_path) as journal:
        assert journal.health is not None
        assert journal.health.ok
    assert _head_file(journal_path)["rows"] == 4


def test_a_journal_ahead_of_its_head_copy_is_fine(journal_path: Path, tmp_path: Path) -> None:
    """A crash between a commit and the head copy's update leaves the copy behind."""
    _make(journal_path, pickups=1)
    older = tmp_path / "older.head"
    shutil.copyfile(head_file_path(journal_path), older)
    with _open(journal_path) as journal:
        collect(journal, 2)
    shutil.copyfile(older, head_file_path(journal_path))
    assert check_health(journal_path).ok
    with _open(journal_path) as journal:
        assert journal.health is not None
        assert journal.health.ok
    assert _head_file(journal_path)["rows"] == 4


def test_acknowledging_a_healthy_journal_is_refused(journal: Journal) -> None:
    with pytest.raises(ValueError, match="nothing to acknowledge"):
        journal.acknowledge_health(MANAGER)
    assert journal.count() == 0


def test_the_head_copy_file_is_validated(journal_path: Path) -> None:
    _make(journal_path, pickups=1)
    good = _head_file(journal_path)
    for bad in (
        {**good, "rows": -1},
        {**good, "rows": True},
        {**good, "last_hash": "x" * 64},
        {**good, "format": 99},
        [1, 2],
    ):
        head_file_path(journal_path).write_text(json.dumps(bad), encoding="utf-8")
        assert check_health(journal_path).problem is HealthProblem.HEAD_UNREADABLE, bad
    assert JournalHead(rows=0, first_hash=None, last_hash="0" * 64).rows == 0
