"""Counters killed mid-hand-over while the server is slow: every journal right afterwards.

Twelve counters (processes with their own journals) each send one collect and are killed
with SIGKILL at a chosen moment of it, then started again, as the OS restarts a counter's
app. The server holds the collects until the test lets it go on, so every moment is hit on
purpose, not by chance:

- killed while the server holds the request, which it then never applies;
- killed while the server holds it, and the server applies it after the restart;
- killed after the server applied it, with its answer lost on the way back;
- killed after the answer came.

The restarts reconcile while the server is still at work. Each journal must end up saying
exactly what the server did: handed over where the server collected the reward, not handed
over where it did not, and never a second request.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
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
from tests.helpers import wait_until

ROOT = Path(__file__).resolve().parents[2]
#: Counters per moment of the kill; four moments.
EACH = 3
COUNTERS = 4 * EACH
#: The restarted counters' wait before "still listed" may mean "not collected"; their clock
#: is moved past it by the test once the server is done.
GRACE = timedelta(minutes=5)


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    with start_simulator() as sim:
        yield sim


class MovableClock:
    """The wall clock plus an offset the test moves forward (past the grace period)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


def _states(path: Path) -> set[OpState]:
    try:
        with Journal.open_read_only(path) as journal:
            return {op.state for op in journal.recent_operations()}
    except (FileNotFoundError, JournalFormatError):
        return set()


def _start(simulator: Simulator, path: Path, item: str, title: str) -> subprocess.Popen[bytes]:
    customer = simulator.state.data.contact_for_card(demo.CARD_MAIN).uuid
    path.parent.mkdir()
    args = [str(path), simulator.piggy_base_url, demo.DEMO_PIGGY_TOKEN, customer, item, title]
    return subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "e2e" / "slow_collect_child.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(
    condition: Callable[[], bool], children: list[subprocess.Popen[bytes]], what: str
) -> None:
    """Wait for something that must happen (never to prove that something does not)."""
    deadline = time.monotonic() + 60
    while not condition():
        for child in children:
            # Ending is fine once a counter has its answer; crashing never is.
            assert child.poll() in (None, 0), child.communicate()
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def _kill(child: subprocess.Popen[bytes]) -> None:
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)


def _send_and_kill(simulator: Simulator, paths: list[Path], items: list[tuple[str, str]]) -> None:
    """Start a counter per item and kill each at its moment (see the module's description).

    The counters of the first 2 * EACH items are left with their requests held on the
    server; the next EACH are killed after the server applied theirs, the last EACH after
    they recorded the answer.
    """

    def start(numbers: range) -> list[subprocess.Popen[bytes]]:
        return [_start(simulator, paths[n], *items[n]) for n in numbers]

    def all_recorded(numbers: range, state: OpState) -> Callable[[], bool]:
        return lambda: all(state in _states(paths[n]) for n in numbers)

    def all_collected(numbers: range) -> Callable[[], bool]:
        return lambda: all(simulator.state.item(items[n][0]).collected for n in numbers)

    held, applied, answered = range(2 * EACH), range(2 * EACH, 3 * EACH), range(3 * EACH, COUNTERS)
    simulator.set_fault("piggy.collect", "hold")
    children = start(held)
    _wait_for(all_recorded(held, OpState.PENDING), children, "no collect started")
    _wait_for(
        lambda: simulator.held("piggy.collect") == len(held),
        children,
        "the collects did not reach the server",
    )
    simulator.set_fault("piggy.collect", "after_apply:timeout")
    children += start(applied)
    _wait_for(all_collected(applied), children, "the collects were not applied")
    simulator.clear_faults("piggy.collect")
    children += start(answered)
    _wait_for(all_recorded(answered, OpState.CONFIRMED), children, "no answer recorded")
    for child in children:
        _kill(child)


async def _restart_and_settle(simulator: Simulator, paths: list[Path], held: list[str]) -> None:
    """Start every counter again and reconcile, as the app's timer does, until all is
    settled: first while the server still holds the ``held`` collects, then after it let
    EACH of them go on and dropped the others."""
    clock = MovableClock()
    journals = [await AsyncJournal.open(p, shop_uuid="s", counter="c1") for p in paths]
    try:
        async with PiggyClient(
            simulator.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, max_retries=0
        ) as piggy:
            desks = [PickupDesk(piggy, j, clock=clock, settle_grace=GRACE) for j in journals]
            for desk in desks:
                await desk.reconcile()
            # Still held on the server: nobody may conclude anything about those yet.
            for journal in journals[: len(held)]:
                assert len(await journal.call(Journal.unresolved)) == 1
            assert simulator.held("piggy.collect") == len(held)
            # The server gets to some of them now, and drops the others unapplied.
            assert simulator.release("piggy.collect", EACH) == EACH
            assert simulator.release("piggy.collect", answer=False) == len(held) - EACH
            # Must happen: the server applies what it was let go on with.
            await wait_until(
                lambda: sum(simulator.state.item(i).collected for i in held) >= EACH, within=30
            )
            clock.offset = GRACE
            async with asyncio.timeout(30):
                for desk, journal in zip(desks, journals, strict=True):
                    while await journal.call(Journal.unresolved):
                        await desk.reconcile()
    finally:
        for journal in journals:
            await journal.aclose()


def test_every_journal_is_right_after_a_kill_with_a_slow_server(
    simulator: Simulator, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    customer = simulator.state.data.contact_for_card(demo.CARD_MAIN).uuid
    items = [
        (i.uuid, i.reward.title)
        for i in simulator.state.data.items_of(customer)
        if not i.collected and (i.expires_at is None or i.expires_at > now + timedelta(hours=1))
    ][:COUNTERS]
    assert len(items) == COUNTERS
    paths = [tmp_path / f"counter{n}" / "journal.sqlite3" for n in range(COUNTERS)]
    _send_and_kill(simulator, paths, items)
    asyncio.run(_restart_and_settle(simulator, paths, [item for item, _ in items[: 2 * EACH]]))

    wrong = []
    outcomes = []
    for n, (item, _) in enumerate(items):
        with Journal.open_read_only(paths[n]) as journal:
            (operation,) = journal.collects_of(item)
            assert journal.verify().ok
        collected = simulator.state.item(item).collected
        outcomes.append(collected)
        if (operation.state is OpState.CONFIRMED) is not collected:
            wrong.append((n, operation.state.value, operation.detail, collected))
        assert simulator.state.collect_requests.get(item, 0) <= 1
    assert wrong == [], f"{len(wrong)} of {COUNTERS} journals wrong: {wrong}"
    # Only the requests the server never got to stayed uncollected.
    assert outcomes.count(False) == EACH
    assert outcomes[2 * EACH :] == [True] * (2 * EACH)
