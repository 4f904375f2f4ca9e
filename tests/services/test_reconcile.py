"""When reconciliation runs and what its listeners hear, without a window or QApplication."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from pos_app.api import errors
from pos_app.sandbox import Simulator
from pos_app.services.pickup import CollectOutcome, PickupDesk
from pos_app.services.pickup_models import CustomerSummary, PickupItem
from pos_app.services.reconcile import Reconciler, ReconcileReport
from pos_app.storage import AsyncJournal, Journal, OpState
from tests.helpers import wait_until
from tests.helpers.desk import at_the_counter


@dataclass
class Setup:
    sim: Simulator
    desk: PickupDesk
    journal: AsyncJournal
    customer: CustomerSummary
    items: list[PickupItem]
    reports: list[ReconcileReport] = field(default_factory=list)

    def reconciler(self, interval: float = 30.0) -> Reconciler:
        made = Reconciler(self.desk, interval=interval)
        made.add_listener(self.reports.append)
        return made

    async def reports_reach(self, n: int) -> None:
        await wait_until(lambda: len(self.reports) >= n)

    async def unknown_collect(self) -> PickupItem:
        """A collect whose request the server never processed: unresolved until checked."""
        self.sim.set_fault("piggy.collect", "drop@1")
        self.sim.set_fault("piggy.rewards", "drop@1")  # the immediate check fails too
        item = self.items[0]
        result = await self.desk.collect(self.customer.uuid, item)
        assert result.outcome is CollectOutcome.UNKNOWN
        return item


@pytest_asyncio.fixture
async def setup(simulator: Simulator, tmp_path: Path) -> AsyncIterator[Setup]:
    async with at_the_counter(simulator, tmp_path / "journal.sqlite3") as at:
        desk = PickupDesk(at.piggy, at.journal, settle_grace=timedelta(0))
        yield Setup(simulator, desk, at.journal, at.customer, at.items)


@pytest.mark.asyncio
async def test_start_checks_at_once_and_reports_what_waits(setup: Setup) -> None:
    reconciler = setup.reconciler()
    reconciler.start()
    await setup.reports_reach(1)
    assert setup.reports == [ReconcileReport(settled=[], failure=None, unresolved=0)]
    assert not reconciler.timer_active  # nothing waits: no timer
    reconciler.stop()


@pytest.mark.asyncio
async def test_the_timer_runs_while_something_waits_and_stops_when_all_is_settled(
    setup: Setup,
) -> None:
    await setup.unknown_collect()
    setup.sim.set_fault("piggy.rewards", "drop@1")  # the first timed check fails as well
    reconciler = setup.reconciler(interval=0.05)
    reconciler.note_unfinished()
    await setup.reports_reach(1)
    assert setup.reports[0].unresolved == 1
    assert reconciler.timer_active
    # The timer's first run meets the dropped line; the next one settles it.
    await setup.reports_reach(3)
    failed, settled = setup.reports[1], setup.reports[2]
    assert isinstance(failed.failure, errors.ApiConnectionError)
    assert failed.unresolved == 1
    assert [s.operation.state for s in settled.settled] == [OpState.FAILED]
    assert settled.unresolved == 0
    assert not reconciler.timer_active
    reconciler.stop()


@pytest.mark.asyncio
async def test_an_answer_after_an_outage_starts_a_check(setup: Setup) -> None:
    await setup.unknown_collect()
    reconciler = setup.reconciler()
    reconciler.answered()  # no outage noted: nothing happens
    reconciler.connection_lost()
    reconciler.answered()
    await setup.reports_reach(1)
    assert [s.operation.state for s in setup.reports[0].settled] == [OpState.FAILED]
    reconciler.answered()  # online already: no further check (one would start at once)
    assert not reconciler.is_running
    assert len(setup.reports) == 1
    reconciler.stop()


@pytest.mark.asyncio
async def test_run_now_while_a_check_runs_does_not_start_another(setup: Setup) -> None:
    await setup.unknown_collect()
    setup.sim.set_fault("piggy.rewards", "hold@1")
    reconciler = setup.reconciler()
    reconciler.run_now()
    assert reconciler.is_running
    reconciler.run_now()
    # The check is on the server, held there, when the second request to run comes.
    await wait_until(lambda: setup.sim.held("piggy.rewards") > 0)
    reconciler.run_now()
    setup.sim.release("piggy.rewards")
    await setup.reports_reach(1)
    assert [s.operation.state for s in setup.reports[0].settled] == [OpState.FAILED]
    # No second check ran, or runs: it would be running still or have reported.
    assert not reconciler.is_running
    assert len(setup.reports) == 1
    reconciler.stop()


@pytest.mark.asyncio
async def test_after_stop_nothing_runs(setup: Setup) -> None:
    await setup.unknown_collect()
    reconciler = setup.reconciler(interval=0.01)
    reconciler.stop()
    reconciler.run_now()
    reconciler.note_unfinished()
    reconciler.connection_lost()
    reconciler.answered()
    assert not reconciler.is_running
    assert not reconciler.timer_active
    assert setup.reports == []
    assert [op.state for op in await setup.journal.call(Journal.unresolved)] == [OpState.UNKNOWN]
