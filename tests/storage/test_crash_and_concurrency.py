"""Killed processes and several writers: nothing is lost, nothing is doubled, the chain holds."""

from __future__ import annotations

import itertools
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pos_app.storage import Journal, OperationInProgressError, OpState
from tests.storage.helpers import COUNTER, SHOP, collect

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def _child(*args: str) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.journal_child", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)


def _first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line:
        assert process.stderr is not None
        pytest.fail(f"child wrote nothing; stderr:\n{process.stderr.read()}")
    return line


def test_killed_after_begin_collect_leaves_a_pending_operation(journal_path: Path) -> None:
    with _child("hang", str(journal_path)) as process:
        operation_id = _first_line(process)
        process.kill()  # SIGKILL on POSIX: no clean-up code runs
        process.wait(timeout=30)
    assert process.returncode != 0

    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER) as journal:
        (unresolved,) = journal.unresolved()
        assert unresolved.operation_id == operation_id
        assert unresolved.state is OpState.PENDING
        assert unresolved.reward_title == "Reward in flight"
        assert journal.verify().ok

        # Life goes on: the reconciliation's row continues the same chain.
        resolved = journal.resolve(operation_id, state="failed", note="item still waiting")
        assert resolved.state is OpState.FAILED
        first, second = journal.history(operation_id)
        assert second.prev_hash == first.hash
        assert second.id == first.id + 1
        assert journal.unresolved() == []
        result = journal.verify()
        assert (result.ok, result.rows_checked) == (True, 2)


def test_killed_while_writing_loses_no_confirmed_row(journal_path: Path) -> None:
    confirmed: list[str] = []
    with _child("storm", str(journal_path), "--label", "storm") as process:
        while len(confirmed) < 40:
            confirmed.append(_first_line(process))
        process.kill()
        process.wait(timeout=30)

    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER) as journal:
        result = journal.verify()
        assert result.ok, result.describe()
        for operation_id in confirmed:
            assert journal.operation(operation_id).state is OpState.CONFIRMED
        # At most the collect in flight when the kill came is left without an outcome.
        assert len(journal.unresolved()) <= 1
        assert all(op.state is OpState.PENDING for op in journal.unresolved())
        rows_before = result.rows_checked
        collect(journal, 1)
        after = journal.verify()
        assert (after.ok, after.rows_checked) == (True, rows_before + 2)


def test_two_processes_appending_at_once_keep_one_chain(tmp_path: Path) -> None:
    journal_path = tmp_path / "shared" / "journal.sqlite3"
    go = tmp_path / "go"
    count = 100
    options = ["--count", str(count), "--go", str(go), "--pause", "0.002"]
    with (
        _child("append", str(journal_path), "--label", "A", *options) as first,
        _child("append", str(journal_path), "--label", "B", *options) as second,
    ):
        # Both have started and opened the journal: now let them loose together.
        assert _first_line(first) == _first_line(second) == "ready"
        go.touch()
        assert first.wait(timeout=120) == 0, first.stderr.read() if first.stderr else ""
        assert second.wait(timeout=120) == 0, second.stderr.read() if second.stderr else ""

    with Journal.open_read_only(journal_path) as journal:
        result = journal.verify()
        assert result.ok, result.describe()
        assert result.rows_checked == 4 * count
        rows = list(journal.raw_rows())
        assert [row["id"] for row in rows] == list(range(1, 4 * count + 1))
        # The writers really took turns, so the chain was extended by both at once.
        turns = sum(1 for a, b in itertools.pairwise(rows) if a["counter"] != b["counter"])
        assert turns >= 10
        operations = journal.recent_operations(limit=10 * count)
        assert len(operations) == 2 * count
        assert all(op.state is OpState.CONFIRMED for op in operations)
        assert Counter(op.counter for op in operations) == {"Counter A": count, "Counter B": count}
        assert len({op.reference for op in operations}) == 2 * count


def test_two_windows_see_each_others_operations(journal_path: Path) -> None:
    with (
        Journal.open(journal_path, shop_uuid=SHOP, counter="Window 1") as one,
        Journal.open(journal_path, shop_uuid=SHOP, counter="Window 2") as two,
    ):
        op = one.begin_collect(
            customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
        )
        # The second window cannot start a second collect of the same reward...
        with pytest.raises(OperationInProgressError):
            two.begin_collect(
                customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
            )
        # ...and neither window can record a second outcome.
        two.confirm(op.operation_id, redemption_uuid="red-1")
        with pytest.raises(Exception, match="is confirmed"):
            one.fail(op.operation_id, code=6003, message="Already collected")
        assert one.operation(op.operation_id).state is OpState.CONFIRMED
        assert one.verify().rows_checked == 2


def test_threads_with_their_own_connections(journal_path: Path) -> None:
    errors: list[BaseException] = []

    def work(label: str) -> None:
        try:
            with Journal.open(journal_path, shop_uuid=SHOP, counter=label) as journal:
                for n in range(25):
                    op = journal.begin_collect(
                        customer_uuid=label,
                        loyalty_transaction_uuid=f"{label}-{n}",
                        reward_title="Mug",
                    )
                    journal.confirm(op.operation_id, redemption_uuid=f"red-{label}-{n}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f"T{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    with Journal.open_read_only(journal_path) as journal:
        result = journal.verify()
        assert (result.ok, result.rows_checked) == (True, 4 * 25 * 2)


def test_windows_opening_a_new_journal_at_once(tmp_path: Path) -> None:
    journal_path = tmp_path / "new" / "journal.sqlite3"
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def open_and_write(n: int) -> None:
        try:
            start.wait(timeout=30)
            with Journal.open(journal_path, shop_uuid=SHOP, counter=f"W{n}") as journal:
                journal.record_event("app_started")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_and_write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    with Journal.open_read_only(journal_path) as journal:
        result = journal.verify()
        assert (result.ok, result.rows_checked) == (True, 8)
        assert sorted(event.counter for event in journal.events()) == [f"W{n}" for n in range(8)]
