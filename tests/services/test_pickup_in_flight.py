"""Hand-overs on a slow network: rows in flight, late answers, attribution, odd text, full disk.

Each test holds a collect on the simulator with its hold fault (the server applies the
request only when the test releases it), so "in flight" and "answered after the client gave
up" are real, not simulated by the client, and no test waits out a latency.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import socket
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

from pos_app.api import PiggyClient, errors
from pos_app.api.budget import time_budget
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.pickup import CollectOutcome, CollectResult, PickupDesk
from pos_app.services.pickup_models import CustomerSummary, ExpiryKind, PickupItem
from pos_app.storage import AsyncJournal, Journal, JournalStorageError, Operation, OpState
from tests.helpers import wait_until
from tests.helpers.desk import at_the_counter

#: The desks' wait before "still in the list" may mean "not handed over" (see PickupDesk).
GRACE = timedelta(seconds=30)


class FakeClock:
    """Real time plus an offset the test moves forward (the grace period, say)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@dataclass
class Counter:
    desk: PickupDesk
    piggy: PiggyClient
    journal: AsyncJournal
    customer: CustomerSummary
    items: list[PickupItem]
    sim: Simulator
    clock: FakeClock
    path: Path

    def collected_on_server(self, item: PickupItem) -> bool:
        return self.sim.state.item(item.loyalty_transaction_uuid).collected

    def collect_requests(self, item: PickupItem) -> int:
        return self.sim.state.collect_requests.get(item.loyalty_transaction_uuid, 0)

    def collectable(self) -> list[PickupItem]:
        now = datetime.now(UTC)
        return [i for i in self.items if i.expiry(now).kind is not ExpiryKind.EXPIRED]


def make_desk(piggy: PiggyClient, journal: AsyncJournal, clock: FakeClock) -> PickupDesk:
    return PickupDesk(piggy, journal, clock=clock, settle_grace=GRACE)


@contextlib.asynccontextmanager
async def patient(counter: Counter, *, wait: float) -> AsyncIterator[PiggyClient]:
    """The counter's desk on a client that waits ``wait`` s for an answer."""
    async with PiggyClient(
        counter.sim.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, timeout=wait, max_retries=0
    ) as piggy:
        counter.desk = make_desk(piggy, counter.journal, counter.clock)
        yield piggy


@pytest_asyncio.fixture
async def counter(simulator: Simulator, tmp_path: Path) -> AsyncIterator[Counter]:
    path = tmp_path / "journal.sqlite3"
    clock = FakeClock()
    async with at_the_counter(simulator, path, wait=0.5) as at:
        yield Counter(
            make_desk(at.piggy, at.journal, clock),
            at.piggy,
            at.journal,
            at.customer,
            at.items,
            simulator,
            clock,
            path,
        )


async def slow_collect(counter: Counter, item: PickupItem) -> asyncio.Task[CollectResult]:
    """Start a collect the server holds until ``answer_collect()``; return once its row is
    pending and the request is held on the server, unapplied."""
    counter.sim.set_fault("piggy.collect", "hold@1")
    task = asyncio.ensure_future(counter.desk.collect(counter.customer.uuid, item))
    await wait_until(lambda: counter.sim.held("piggy.collect") == 1 and _pending(counter))
    assert counter.collect_requests(item) == 0
    return task


def answer_collect(counter: Counter) -> None:
    """The slow server gets to the held collect now: it applies it and answers."""
    assert counter.sim.release("piggy.collect") == 1


def _pending(counter: Counter) -> bool:
    # Synchronous peek from another connection: the pending row is committed before sending.
    import sqlite3

    with sqlite3.connect(counter.path) as conn:
        return bool(
            conn.execute("SELECT count(*) FROM journal WHERE state='pending'").fetchone()[0]
        )


# -- 1. reconciliation must leave a row in flight alone -------------------------------------


@pytest.mark.asyncio
async def test_timer_reconcile_during_a_collect_leaves_it_to_its_sender(counter: Counter) -> None:
    # The client waits long enough for this answer: only the reconciliation interferes.
    async with patient(counter, wait=10):
        item = counter.collectable()[0]
        task = await slow_collect(counter, item)
        # The 30 s timer fires now, even as if the grace period had long passed.
        counter.clock.offset = GRACE * 10
        settled = await counter.desk.reconcile()
        assert settled == []
        assert not task.done()
        answer_collect(counter)
        result = await task
        assert counter.collect_requests(item) == 1
        again = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.COLLECTED
    assert result.operation is not None
    assert result.operation.state is OpState.CONFIRMED
    assert result.operation.resolved_by is None  # the server's answer, not an inference
    # No error on the late answer, and the journal knows it went: a second try is refused
    # by the server (6003), not sent as a new hand-over.
    assert again.outcome is CollectOutcome.ALREADY_COLLECTED
    assert await counter.journal.call(Journal.unresolved) == []


@pytest.mark.asyncio
async def test_second_window_reconcile_during_a_collect_leaves_it_alone(counter: Counter) -> None:
    async with patient(counter, wait=10) as piggy:
        other_journal = await AsyncJournal.open(counter.path, shop_uuid="s", counter="c1")
        try:
            other = make_desk(piggy, other_journal, counter.clock)
            item = counter.collectable()[0]
            task = await slow_collect(counter, item)
            counter.clock.offset = GRACE * 10
            assert await other.reconcile() == []
            assert not task.done()
            answer_collect(counter)
            result = await task
        finally:
            await other_journal.aclose()
    assert result.outcome is CollectOutcome.COLLECTED
    assert counter.collect_requests(item) == 1


_OTHER_PROCESS = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import UTC, datetime, timedelta
    from pos_app.api import PiggyClient
    from pos_app.services.pickup import PickupDesk
    from pos_app.storage import AsyncJournal

    async def main() -> None:
        path, url, token = sys.argv[1:4]
        journal = await AsyncJournal.open(path, shop_uuid="s", counter="c1")
        try:
            async with PiggyClient(url, token=token, max_retries=0) as piggy:
                late = lambda: datetime.now(UTC) + timedelta(hours=1)
                desk = PickupDesk(piggy, journal, clock=late, settle_grace=timedelta(seconds=30))
                print(len(await desk.reconcile()))
        finally:
            await journal.aclose()

    asyncio.run(main())
    """
)


@pytest.mark.asyncio
async def test_other_process_reconcile_during_a_collect_leaves_it_alone(counter: Counter) -> None:
    async with patient(counter, wait=15):
        item = counter.collectable()[0]
        task = await slow_collect(counter, item)
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            _OTHER_PROCESS,
            str(counter.path),
            counter.sim.piggy_base_url,
            demo.DEMO_PIGGY_TOKEN,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        out, err = await child.communicate()
        assert child.returncode == 0, err.decode()
        assert not task.done()  # the answer was still on its way while the other process ran
        assert out.decode().strip() == "0"
        answer_collect(counter)
        result = await task
    assert result.outcome is CollectOutcome.COLLECTED
    assert counter.collect_requests(item) == 1


# -- 2. a late answer is not a final "failed" -----------------------------------------------


@pytest.mark.asyncio
async def test_answer_after_the_timeout_is_not_booked_as_failed(counter: Counter) -> None:
    item = counter.collectable()[0]
    counter.sim.set_fault("piggy.collect", "hold@1")
    result = await counter.desk.collect(counter.customer.uuid, item)  # client timeout 0.5 s
    assert result.outcome is CollectOutcome.UNKNOWN
    assert result.operation is not None
    assert result.operation.state is OpState.UNKNOWN
    # The server is still working on it: still listed, but within the grace period.
    assert await counter.desk.reconcile() == []
    # The cashier presses Hand over again: no second request while the first may land.
    retry = await counter.desk.collect(counter.customer.uuid, item)
    assert retry.outcome is CollectOutcome.UNKNOWN
    # The server gets to the first request only now, after the client gave up on it.
    answer_collect(counter)
    await wait_until(lambda: counter.collected_on_server(item))
    settled = await counter.desk.reconcile()
    assert [s.operation.state for s in settled] == [OpState.CONFIRMED]
    assert settled[0].operation.resolved_by == "reconciliation"
    assert counter.collect_requests(item) == 1


@pytest.mark.asyncio
async def test_still_listed_after_the_grace_period_is_not_handed_over(counter: Counter) -> None:
    item = counter.collectable()[0]
    counter.sim.set_fault("piggy.collect", "drop@1")  # never processed
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.UNKNOWN
    assert await counter.desk.reconcile() == []
    counter.clock.offset = GRACE + timedelta(seconds=1)
    settled = await counter.desk.reconcile()
    assert [s.operation.state for s in settled] == [OpState.FAILED]
    retry = await counter.desk.collect(counter.customer.uuid, item)
    assert retry.outcome is CollectOutcome.COLLECTED


@pytest.mark.asyncio
async def test_already_collected_after_an_unsettled_attempt_is_that_attempts_success(
    counter: Counter,
) -> None:
    # The first attempt is applied by the server only after the app has given up on it
    # and concluded, after the grace period, that it did not happen.
    item = counter.collectable()[0]
    counter.sim.set_fault("piggy.collect", "drop@1")
    first = await counter.desk.collect(counter.customer.uuid, item)
    assert first.operation is not None
    counter.clock.offset = GRACE + timedelta(seconds=1)
    assert [s.operation.state for s in await counter.desk.reconcile()] == [OpState.FAILED]
    counter.sim.state.collect(item.loyalty_transaction_uuid)  # the first PUT lands after all
    retry = await counter.desk.collect(counter.customer.uuid, item)
    # Not "already picked up, perhaps at another counter": it went out at this counter.
    assert retry.outcome is CollectOutcome.COLLECTED
    assert retry.by_earlier_attempt
    assert retry.operation is not None
    assert retry.operation.operation_id == first.operation.operation_id
    assert retry.operation.state is OpState.CONFIRMED
    done = [
        op
        for op in await counter.journal.call(Journal.recent_operations)
        if op.state is OpState.CONFIRMED
    ]
    assert [op.operation_id for op in done] == [first.operation.operation_id]


# -- 3. attribution: "gone from the list" is not "handed over here" -------------------------


@pytest.mark.asyncio
async def test_unknown_collect_that_another_counter_then_made_is_not_booked_as_ours(
    counter: Counter, tmp_path: Path
) -> None:
    item = counter.collectable()[0]
    counter.sim.set_fault("piggy.collect", "drop@1")  # this counter's request never arrived
    mine = await counter.desk.collect(counter.customer.uuid, item)
    assert mine.outcome is CollectOutcome.UNKNOWN
    # The customer walks to counter 2 (its own journal), which hands it over.
    other_journal = await AsyncJournal.open(tmp_path / "c2.sqlite3", shop_uuid="s", counter="c2")
    try:
        theirs = await make_desk(counter.piggy, other_journal, counter.clock).collect(
            counter.customer.uuid, item
        )
    finally:
        await other_journal.aclose()
    assert theirs.outcome is CollectOutcome.COLLECTED
    settled = await counter.desk.reconcile()
    assert [s.operation.state for s in settled] == [OpState.CONFIRMED]
    # Booked as what it is: the reward is gone, this counter's request is not known to
    # have done it. Counts of "handed over here" leave such rows out.
    assert settled[0].operation.is_inferred
    assert settled[0].operation.detail is not None
    assert "perhaps at another counter" in settled[0].operation.detail


@pytest.mark.asyncio
async def test_gone_from_the_list_is_not_booked_when_another_collect_of_the_journal_did_it(
    counter: Counter,
) -> None:
    item = counter.collectable()[0]
    # A counter that died mid-hand-over left a pending row behind (its lease ran out) ...
    crashed = await counter.journal.call(
        Journal.begin_collect,
        customer_uuid=counter.customer.uuid,
        loyalty_transaction_uuid=item.loyalty_transaction_uuid,
        reward_title=item.title,
    )
    # ... and a window of another counter sharing the journal, which cannot see that the
    # request never left, recorded the hand-over it made (copied from its own journal).
    redemption = counter.sim.state.collect(item.loyalty_transaction_uuid)
    other = await AsyncJournal.open(counter.path, shop_uuid="s", counter="c2")
    try:
        theirs = await other.run(lambda j: _record_confirmed(j, counter, item, redemption.uuid))
    finally:
        await other.aclose()
    counter.clock.offset = GRACE * 10
    settled = await counter.desk.reconcile()
    assert [s.operation.operation_id for s in settled] == [crashed.operation_id]
    assert settled[0].operation.state is OpState.FAILED
    assert settled[0].collected_by is not None
    assert settled[0].collected_by.operation_id == theirs.operation_id
    assert theirs.reference is not None
    assert theirs.reference in (settled[0].operation.detail or "")


def _record_confirmed(
    journal: Journal, counter: Counter, item: PickupItem, redemption_uuid: str
) -> Operation:
    # Written row by row, the way a copy from a shared journal arrives: begin_collect would
    # (rightly) refuse a collect of a reward whose earlier collect has no outcome yet.
    with journal._writing() as c:
        op = journal._new_operation_id(c)
        journal._append(
            c,
            {
                "operation_id": op,
                "kind": "collect",
                "state": "pending",
                "customer_uuid": counter.customer.uuid,
                "loyalty_transaction_uuid": item.loyalty_transaction_uuid,
                "reward_title": item.title,
            },
        )
    with journal._writing() as c:
        journal._append(
            c,
            {
                "operation_id": op,
                "kind": "collect",
                "state": "confirmed",
                "customer_uuid": counter.customer.uuid,
                "loyalty_transaction_uuid": item.loyalty_transaction_uuid,
                "redemption_uuid": redemption_uuid,
                "reward_title": item.title,
            },
        )
    return journal.operation(op)


@pytest.mark.asyncio
async def test_gone_from_the_list_is_recorded_as_inferred(counter: Counter) -> None:
    item = counter.collectable()[0]
    counter.sim.set_fault("piggy.collect", "after_apply:drop@1")
    counter.sim.set_fault("piggy.rewards", "drop@1")
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.UNKNOWN
    settled = await counter.desk.reconcile()
    assert [s.operation.state for s in settled] == [OpState.CONFIRMED]
    operation = settled[0].operation
    assert operation.is_inferred
    assert operation.detail is not None
    assert "not confirmed by" in operation.detail


@pytest.mark.asyncio
async def test_deleted_customer_is_not_everything_collected(counter: Counter) -> None:
    item = counter.collectable()[0]
    counter.sim.set_fault("piggy.collect", "drop@1")
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.UNKNOWN
    with counter.sim.state.lock:
        del counter.sim.state.data.contacts[counter.customer.uuid]
    counter.clock.offset = GRACE * 10
    assert await counter.desk.reconcile() == []
    assert [op.state for op in await counter.journal.call(Journal.unresolved)] == [OpState.UNKNOWN]


# -- 5. journal errors stay inside the hand-over -------------------------------------------


@pytest.mark.asyncio
async def test_reward_title_with_a_lone_surrogate_can_be_handed_over(counter: Counter) -> None:
    item = dataclasses.replace(counter.collectable()[0], title="Mug \ud800 blue")
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.COLLECTED
    assert result.operation is not None
    assert result.operation.reward_title == "Mug \ufffd blue"
    assert (await counter.journal.call(Journal.verify)).ok


def _fill_disk(journal: Journal) -> None:
    """Let SQLite answer SQLITE_FULL to the next row, as a full disk does.

    No page may be added any more, and the free space in the last pages is used up by
    events of shrinking size; a collect's row is larger than the smallest of them.
    """
    conn = journal._connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    for size in (2000, 500, 100, 20, 0):
        while True:
            try:
                journal.record_event("filler", note="x" * size or None)
            except JournalStorageError:
                break


def _free_disk(journal: Journal) -> None:
    journal._connection().execute("PRAGMA max_page_count = 1073741823")


@pytest.mark.asyncio
async def test_full_disk_before_sending_sends_nothing(counter: Counter) -> None:
    item = counter.collectable()[0]
    await counter.journal.run(_fill_disk)
    result = await counter.desk.collect(counter.customer.uuid, item)
    assert result.outcome is CollectOutcome.NOT_RECORDED
    assert result.operation is None
    assert counter.collect_requests(item) == 0
    assert not counter.collected_on_server(item)


@pytest.mark.asyncio
async def test_full_disk_after_a_successful_collect_says_it_was_collected(
    counter: Counter,
) -> None:
    item = counter.collectable()[0]
    async with patient(counter, wait=10):
        task = await slow_collect(counter, item)
        await counter.journal.run(_fill_disk)
        answer_collect(counter)
        result = await task
    assert result.outcome is CollectOutcome.COLLECTED
    assert result.not_recorded
    assert result.operation is not None
    assert counter.collected_on_server(item)
    # Space again: the next reconciliation writes what the server answered.
    await counter.journal.run(_free_disk)
    await counter.desk.reconcile()
    operation = await counter.journal.call(Journal.operation, result.operation.operation_id)
    assert operation.state is OpState.CONFIRMED
    assert operation.resolved_by is None
    assert operation.redemption_uuid
    assert counter.collect_requests(item) == 1


# -- 80300: "expired" and "not found" share a code ------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("expires_in", "outcome"),
    [
        (timedelta(days=-1), CollectOutcome.EXPIRED),
        (timedelta(days=3), CollectOutcome.ALREADY_COLLECTED),
    ],
)
async def test_80300_in_other_words_is_told_apart_by_the_items_expiry(
    tmp_path: Path, expires_in: timedelta, outcome: CollectOutcome
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.method == "PUT"
        # Reworded and in Dutch: the text alone says neither "expired" nor "not found".
        return httpx.Response(
            400, json={"code": 80300, "message": "Beloning niet beschikbaar.", "status_code": 400}
        )

    item = PickupItem(
        loyalty_transaction_uuid="lt-1",
        title="Mug",
        description=None,
        picture_url=None,
        claimed_at=datetime.now(UTC) - timedelta(days=10),
        expires_at=datetime.now(UTC) + expires_in,
        reward_type=None,
    )
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="c1")
    try:
        async with PiggyClient(
            "https://api.piggy.test",
            token="token-1234",
            transport=httpx.MockTransport(answer),
            max_retries=0,
        ) as piggy:
            result = await PickupDesk(piggy, journal).collect("contact-1", item)
    finally:
        await journal.aclose()
    assert result.outcome is outcome
    assert result.operation is not None
    assert result.operation.state is OpState.FAILED
    assert result.operation.error_code == "80300"


@pytest.mark.asyncio
async def test_a_collect_with_no_time_left_is_not_sent_and_not_unknown(tmp_path: Path) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"data": {"uuid": "r-1", "status": "COLLECTED"}})

    item = PickupItem("lt-1", "Mug", None, None, None, None, None)
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="c1")
    try:
        async with PiggyClient(
            "https://api.piggy.test", token="token-1234", transport=httpx.MockTransport(answer)
        ) as piggy:
            clock = [0.0]
            with time_budget(1.0, clock=lambda: clock[0]):
                clock[0] = 2.0  # the action used up its time before the hand-over
                result = await PickupDesk(piggy, journal).collect("contact-1", item)
    finally:
        await journal.aclose()
    assert sent == []
    assert result.outcome is CollectOutcome.REFUSED
    assert result.operation is not None
    assert result.operation.state is OpState.FAILED


@pytest.mark.asyncio
async def test_a_collect_with_no_connection_is_not_handed_over_at_once(tmp_path: Path) -> None:
    # Nothing listens on this port: the connection is refused before a byte is sent.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    item = PickupItem("lt-1", "Mug", None, None, None, None, None)
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="c1")
    try:
        async with PiggyClient(
            f"http://127.0.0.1:{port}", token="token-1234", max_retries=0
        ) as piggy:
            result = await PickupDesk(piggy, journal).collect("contact-1", item)
        assert await journal.call(Journal.unresolved) == []
    finally:
        await journal.aclose()
    # Not "unknown, keep the item and wait": it is known that nothing happened.
    assert result.outcome is CollectOutcome.REFUSED
    assert result.operation is not None
    assert result.operation.state is OpState.FAILED
    assert isinstance(result.error, errors.NotConnectedError)
