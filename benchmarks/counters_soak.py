"""Many counters against one rate-limited, slow, lossy Piggy: is every hand-over right?

N counters (default 50), each with its own journal and connection pool, serve customers for
a bounded time against one simulator: scan a card (the lookup a cashier waits for), hand a
reward over, and often reverse it (so the rewards go round). Each counter hands over its own
share of the big demo customer's rewards, as counters serving their own customers do;
``--contend`` lets all of them fight over the same rewards instead. They share one token,
so Piggy's rate limit (per token, per minute) is shared too, as at a shop whose counters
use one token. Meanwhile the
collect route misbehaves in turns: slow answers, answers lost after the server applied the
collect, requests dropped before it did, and hung answers.

Afterwards every journal is reconciled until nothing is unresolved, and the journals are
compared with what the simulator actually did. It prints

* collects: hand-overs the journals record (confirmed by the server's answer / inferred
  from the customer's list), and reversals;
* double collects: a collect request sent twice for one journaled attempt, or one server
  pickup claimed by two journal rows (must be 0);
* journal vs server mismatches: a server pickup no journal knows, a journal hand-over the
  server did not make, or a reversal one side has and the other not (must be 0);
* lookup p50/p99: from Enter to the list (or to the message) per scan, next to the action
  budget the cashier is promised, and how many lookups answered with an error.

The simulator runs in this process (its state is read directly at the end), so its JSON
work shares the GIL with the counters: the latency figures are an upper bound.

    .venv/bin/python benchmarks/counters_soak.py [--counters 50] [--seconds 60] [--contend]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import tempfile
import time
import zlib
from collections import Counter as Tally
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos_app.api import PiggyClient, errors
from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.identify import CustomerLookup
from pos_app.services.pickup import CollectOutcome, PickupDesk, ReverseOutcome
from pos_app.storage import COLLECT, REVERSE, AsyncJournal, Journal, Operation, OpState

#: What a lookup must answer within, whatever the retries (the cashier is waiting).
ACTION_BUDGET_S = 10.0
#: Piggy's throttle for the shared token in this run (requests per minute).
RATE_LIMIT_PER_MINUTE = 3000
#: Shorter than the app's default, so the run ends soon; longer than any answer here.
SETTLE_GRACE = timedelta(seconds=8)
#: The collect route's bad days, in turn, a few seconds each.
COLLECT_FAULTS = (
    "latency:300,900",
    "after_apply:drop@3",
    "latency:1500,1500",
    "drop@3",
    "after_apply:timeout@2",
)


@dataclass
class Figures:
    counters: int
    lookups_ms: list[float] = field(default_factory=list)
    #: Of those, the lookups that showed the list (not an error).
    shown_ms: list[float] = field(default_factory=list)
    lookup_errors: Tally[str] = field(default_factory=Tally)
    outcomes: Tally[str] = field(default_factory=Tally)


async def counter_loop(
    n: int, sim: Simulator, data_dir: Path, stop_at: float, figures: Figures, *, contend: bool
) -> Path:
    rng = random.Random(n)
    path = data_dir / f"counter{n:03d}" / "journal.sqlite3"
    journal = await AsyncJournal.open(path, shop_uuid="soak", counter=f"counter-{n}")
    try:
        async with PiggyClient(
            sim.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, timeout=2.0
        ) as piggy:
            lookup = CustomerLookup(piggy)
            desk = PickupDesk(piggy, journal, settle_grace=SETTLE_GRACE)
            # What this counter hands over: its own share of the big customer's rewards,
            # as if each counter served its own customers; with contend, all of them.
            big = await lookup.by_card(demo.CARD_BIG)
            now = lookup.now()
            pool = [
                item
                for item in await lookup.rewards(big.uuid)
                if item.can_hand_over(now)
                and (
                    contend
                    or zlib.crc32(item.loyalty_transaction_uuid.encode()) % figures.counters == n
                )
            ]
            while time.monotonic() < stop_at:
                await asyncio.sleep(rng.uniform(0.5, 2.0))  # the next customer steps up
                started = time.perf_counter()
                try:
                    # The scan a cashier waits for: card, then the customer's list.
                    customer = await lookup.by_card(demo.CARD_MAIN)
                    await lookup.rewards(customer.uuid)
                except errors.ApiError as exc:
                    figures.lookup_errors[type(exc).__name__] += 1
                    continue
                else:
                    figures.shown_ms.append((time.perf_counter() - started) * 1000)
                finally:
                    figures.lookups_ms.append((time.perf_counter() - started) * 1000)
                if not pool:
                    continue
                item = rng.choice(pool)
                result = await desk.collect(big.uuid, item)
                figures.outcomes[f"collect {result.outcome.value}"] += 1
                if result.outcome is not CollectOutcome.COLLECTED or result.operation is None:
                    continue
                if rng.random() < 0.6:  # it comes back: reversed, the reward goes round
                    back = await desk.reverse(result.operation, reason="returned")
                    figures.outcomes[f"reverse {back.outcome.value}"] += 1
                    if back.outcome is ReverseOutcome.REVERSED:
                        continue
                pool.remove(item)
            # The day is over: settle what is left, as the app's timer would.
            async with asyncio.timeout(120):
                while await journal.call(Journal.unresolved):
                    with contextlib.suppress(errors.ApiError):
                        await desk.reconcile()
                    await asyncio.sleep(1.0)
    finally:
        await journal.aclose()
    return path


async def misbehave(sim: Simulator, stop_at: float) -> None:
    turn = 0
    while time.monotonic() < stop_at:
        sim.set_fault("piggy.collect", COLLECT_FAULTS[turn % len(COLLECT_FAULTS)])
        turn += 1
        await asyncio.sleep(3.0)
    sim.clear_faults()


@dataclass
class Check:
    confirmed_by_answer: int = 0
    confirmed_inferred: int = 0
    reversed: int = 0
    doubles: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    #: Inferred hand-overs whose pickup another row accounts for: the journal says "here,
    #: or perhaps at another counter", which is true, but not who.
    unattributed: list[str] = field(default_factory=list)


def compare(sim: Simulator, journals: list[Path]) -> Check:
    check = Check()
    operations: list[Operation] = []
    for path in journals:
        with Journal.open_read_only(path) as journal:
            operations += journal.recent_operations(kinds=(COLLECT, REVERSE), limit=10**6)
    collects = [op for op in operations if op.kind == COLLECT]
    assert not [op for op in operations if op.is_unresolved], "reconciliation did not finish"

    # Sent at most once: a server never saw more collect requests than journaled attempts.
    attempts = Tally(op.loyalty_transaction_uuid for op in collects)
    for item, requests in sim.state.collect_requests.items():
        if requests > attempts[item]:
            check.doubles.append(f"{item}: {requests} requests for {attempts[item]} attempts")

    redemptions = dict(sim.state.redemptions)
    claimed: dict[str, Operation] = {}
    inferred: list[Operation] = []
    for op in collects:
        if op.state is not OpState.CONFIRMED:
            continue
        if op.redemption_uuid:
            check.confirmed_by_answer += 1
            if op.redemption_uuid in claimed:
                check.doubles.append(f"redemption {op.redemption_uuid} claimed twice")
            claimed[op.redemption_uuid] = op
        else:
            check.confirmed_inferred += 1
            inferred.append(op)
    # An inferred hand-over ("gone from the list") says the reward was collected by the time
    # it was settled, "here, or perhaps at another counter". It stands for a server pickup
    # of that reward nothing else claimed; where only claimed pickups exist, it is true but
    # cannot say who; where there is none at all, it is wrong.
    for op in sorted(inferred, key=lambda o: o.created_at):
        before_settled = sorted(
            (
                r
                for r in redemptions.values()
                if r.item_uuid == op.loyalty_transaction_uuid and r.at <= op.updated_at
            ),
            key=lambda r: abs((r.at - op.created_at).total_seconds()),
        )
        free = [r for r in before_settled if r.uuid not in claimed]
        if free:
            claimed[free[0].uuid] = op
        elif before_settled:
            # Every such pickup is claimed already (by an answer, or by another counter's
            # inference): the reward was collected, as the row says, but not by whom.
            check.unattributed.append(f"{op.reference} (counter {op.counter})")
        else:
            check.mismatches.append(
                f"{op.reference}: journal says handed over, server did not "
                f"({op.detail}; created {op.created_at:%H:%M:%S.%f}, settled "
                f"{op.updated_at:%H:%M:%S.%f}; server: collected "
                f"{sim.state.item(op.loyalty_transaction_uuid or '').collected}, pickups at "
                + ", ".join(
                    f"{r.at:%H:%M:%S.%f} {r.status}"
                    for r in redemptions.values()
                    if r.item_uuid == op.loyalty_transaction_uuid
                )
                + ")"
            )
    for redemption in redemptions.values():
        owner = claimed.get(redemption.uuid)
        if owner is None:
            check.mismatches.append(f"server pickup {redemption.uuid} is in no journal")
            continue
        journal_reversed = owner.is_reversed
        server_reversed = redemption.status == "REVERSED"
        check.reversed += journal_reversed
        if journal_reversed is not server_reversed:
            check.mismatches.append(
                f"{owner.reference}: reversed in the journal {journal_reversed}, "
                f"on the server {server_reversed}"
            )
    return check


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


async def run(counters: int, seconds: float, *, contend: bool) -> int:
    figures = Figures(counters)
    with (
        start_simulator(rate_limit_per_minute=RATE_LIMIT_PER_MINUTE) as sim,
        tempfile.TemporaryDirectory() as tmp,
    ):
        stop_at = time.monotonic() + seconds
        began = datetime.now(UTC)
        misbehaving = asyncio.create_task(misbehave(sim, stop_at))
        journals = await asyncio.gather(
            *(
                counter_loop(n, sim, Path(tmp), stop_at, figures, contend=contend)
                for n in range(counters)
            )
        )
        await misbehaving
        took = (datetime.now(UTC) - began).total_seconds()
        check = compare(sim, list(journals))
    p50 = percentile(figures.lookups_ms, 50) / 1000
    p99 = percentile(figures.lookups_ms, 99) / 1000
    errors_text = ", ".join(f"{n} {k}" for k, n in figures.lookup_errors.most_common()) or "none"
    share = "all the same rewards" if contend else "each its own rewards"
    print(
        f"{counters} counters ({share}), {seconds:.0f} s of load "
        f"({took:.0f} s with settling), one token"
    )
    print(f"  rate limit {RATE_LIMIT_PER_MINUTE}/min; collect faults in turn: {COLLECT_FAULTS}")
    print(f"  outcomes at the counters: {dict(figures.outcomes)}")
    print(
        f"collects:               {check.confirmed_by_answer + check.confirmed_inferred} "
        f"({check.confirmed_by_answer} confirmed by the answer, "
        f"{check.confirmed_inferred} inferred from the list); {check.reversed} reversed"
    )
    print(f"double collects:        {len(check.doubles)}   (must be 0)")
    for line in check.doubles[:10]:
        print(f"    {line}")
    print(f"journal/server mismatch: {len(check.mismatches)}   (must be 0)")
    for line in check.mismatches[:10]:
        print(f"    {line}")
    print(
        f"  of the inferred, a pickup another row accounts for: "
        f"{len(check.unattributed)} (booked 'here, or perhaps at another counter')"
    )
    print(
        f"lookup p50 {p50:.2f} s, p99 {p99:.2f} s   (budget {ACTION_BUDGET_S:.0f} s); "
        f"{len(figures.lookups_ms)} lookups, errors: {errors_text}"
    )
    print(
        f"  lookups that showed the list: p50 "
        f"{percentile(figures.shown_ms, 50) / 1000:.2f} s, "
        f"p99 {percentile(figures.shown_ms, 99) / 1000:.2f} s"
    )
    ok = not check.doubles and not check.mismatches and p99 <= ACTION_BUDGET_S
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counters", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--contend",
        action="store_true",
        help="let every counter hand over the same rewards (worst case for attribution)",
    )
    args = parser.parse_args()
    return asyncio.run(run(args.counters, args.seconds, contend=args.contend))


if __name__ == "__main__":
    raise SystemExit(main())
