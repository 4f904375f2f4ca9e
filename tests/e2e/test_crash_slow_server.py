"""Counters killed mid-hand-over while the server is slow: every journal right afterwards.

The server applies each collect 1.5–3 s after it arrived, or hangs and never applies it.
Twelve counters (processes with their own journals) each send one and are killed with
SIGKILL at a random moment, before or after the server applied it, and started again at
once, as the OS restarts a counter's app. Each journal must end up saying exactly what
the server did: handed over where the server collected the reward, not handed over where
it did not, and never a second request.
"""

from __future__ import annotations

import asyncio
import functools
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos_app.api import PiggyClient
from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.pickup import PickupDesk
from pos_app.storage import AsyncJournal, Journal, JournalFormatError, OpState

ROOT = Path(__file__).resolve().parents[2]
COUNTERS = 12
#: Longer than the slowest answer (3 s): "still listed" after this means "not collected".
GRACE = timedelta(seconds=4)


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    with start_simulator() as sim:
        yield sim


def _has_pending(path: Path) -> bool:
    try:
        with Journal.open_read_only(path) as journal:
            return bool(journal.unresolved())
    except (FileNotFoundError, JournalFormatError):
        return False


def _start(simulator: Simulator, path: Path, item: str, title: str) -> subprocess.Popen[bytes]:
    customer = simulator.state.data.contact_for_card(demo.CARD_BIG).uuid
    path.parent.mkdir()
    args = [str(path), simulator.piggy_base_url, demo.DEMO_PIGGY_TOKEN, customer, item, title]
    return subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "e2e" / "slow_collect_child.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(condition: Callable[[], bool], child: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def _kill_and_restart_all(
    simulator: Simulator, tmp_path: Path, items: list[tuple[str, str]]
) -> None:
    """Start a counter per item, kill each at a random moment of its hand-over, and start
    it again at once (in a thread of its own) to settle its journal.

    The first third of the requests reach a server that never gets to them (it hangs); the
    others a server that applies them after 1.5–3 s. The kills fall before the server
    applied a request, while it did, or after the answer came; the restarts come while the
    server is still at work.
    """
    rng = random.Random(12)
    hung = len(items) // 3
    children: list[tuple[subprocess.Popen[bytes], Path, float]] = []
    simulator.set_fault("piggy.collect", f"timeout@{hung}")
    for n, (item, title) in enumerate(items):
        if n == hung:
            # The hanging answers are all taken: from now on the server is only slow.
            first = children[-1][0]
            _wait_for(
                lambda: "piggy.collect" not in simulator.faults.snapshot(),
                first,
                "the first requests never arrived",
            )
            simulator.set_fault("piggy.collect", "latency:1500,1500")
        path = tmp_path / f"counter{n}" / "journal.sqlite3"
        child = _start(simulator, path, item, title)
        _wait_for(functools.partial(_has_pending, path), child, "no collect started")
        children.append((child, path, time.monotonic() + rng.uniform(0.0, 2.5)))

    errors: list[BaseException] = []

    def kill_and_restart(child: subprocess.Popen[bytes], path: Path, at: float) -> None:
        try:
            time.sleep(max(0.0, at - time.monotonic()))
            child.send_signal(signal.SIGKILL)
            child.communicate(timeout=30)
            asyncio.run(_restart_and_settle(simulator, path))
        except BaseException as exc:  # reported by the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=kill_and_restart, args=c) for c in children]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


async def _restart_and_settle(simulator: Simulator, path: Path) -> None:
    journal = await AsyncJournal.open(path, shop_uuid="s", counter="c1")
    try:
        async with PiggyClient(
            simulator.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, max_retries=0
        ) as piggy:
            desk = PickupDesk(piggy, journal, settle_grace=GRACE)
            async with asyncio.timeout(30):
                while await journal.call(Journal.unresolved):
                    await desk.reconcile()  # as the app's timer does, until all are settled
                    await asyncio.sleep(0.2)
    finally:
        await journal.aclose()


def test_every_journal_is_right_after_a_kill_with_a_slow_server(
    simulator: Simulator, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    customer = simulator.state.data.contact_for_card(demo.CARD_BIG).uuid
    items = [
        (i.uuid, i.reward.title)
        for i in simulator.state.data.items_of(customer)
        if not i.collected and (i.expires_at is None or i.expires_at > now + timedelta(hours=1))
    ][:COUNTERS]
    assert len(items) == COUNTERS
    _kill_and_restart_all(simulator, tmp_path, items)
    simulator.clear_faults()

    wrong = []
    outcomes = []
    for n, (item, _) in enumerate(items):
        with Journal.open_read_only(tmp_path / f"counter{n}" / "journal.sqlite3") as journal:
            (operation,) = journal.collects_of(item)
            assert journal.verify().ok
        collected = simulator.state.item(item).collected
        outcomes.append((operation.state, collected))
        if (operation.state is OpState.CONFIRMED) is not collected:
            wrong.append((n, operation.state.value, operation.detail, collected))
        assert simulator.state.collect_requests.get(item, 0) <= 1
    assert wrong == [], f"{len(wrong)} of {COUNTERS} journals wrong: {wrong}"
    # The kills fell on both sides of the server's work (else the test proves little).
    assert {collected for _, collected in outcomes} == {True, False}, outcomes
