"""From a scan to the pickup list and to the complete progress panel, against slow vendors.

Runs the real main window against the simulator (in its own process) with every call
delayed like a real network would: Piggy 80 ms a call, Giftoin 250 ms, Nudj 300 ms a call
(each rewards page and the user lookup). Per run it prints the time from Enter to the
rewards list on screen and to the progress panel complete, next to

* the critical path: the longest chain of calls that wait for each other, computed from
  the calls this run actually made and how long each took: for the list Piggy identifier
  → the longer of {Piggy contact | Piggy rewards}; for the panel Piggy identifier → Piggy
  contact → the longest of {Giftoin progress | Nudj user, Nudj rewards pages one after the
  other};
* the sum of all calls: what the same calls would cost one after the other.

Target: list and panel each within their critical path + 50 ms, which is only reachable if
the panel's calls run beside the list's and nothing waits for what it does not need.
Cold runs forget the Nudj catalogue first (it is cached for five minutes); warm runs keep it;
both forget the card, so each is a first scan. Known-card runs scan a card the counter has
seen: its contact and rewards go out beside the identifier (one round trip to the list).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/lookup_latency.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx

# Run as a script: benchmarks/ is on sys.path, so the sibling benchmark's helpers import.
from scan_to_list import (
    BlockMonitor,
    app_and_simulator,
    close_window,
    demo_secrets,
    open_window,
    simulator_settings,
    until,
)

from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients

PIGGY_MS = 80
GIFTOIN_MS = 250
NUDJ_MS = 300
TARGET_SLACK_MS = 50.0

FAULTS = (
    f"*=latency:{PIGGY_MS}",  # every Piggy route (the vendors below get their own)
    f"giftoin.progress=latency:{GIFTOIN_MS}",
    f"giftoin.inventory=latency:{GIFTOIN_MS}",
    f"nudj.user=latency:{NUDJ_MS}",
    f"nudj.rewards=latency:{NUDJ_MS}",
)

# Path fragment → the simulator's route name (pos_app/sandbox/README.md).
_ROUTES = (
    ("/contact-identifiers/find", "piggy.identifier"),
    ("/contacts/", "piggy.contact"),
    ("/collectable-rewards", "piggy.rewards"),
    ("/progress/collection-challenges", "giftoin.progress"),
    ("/integration/rewards", "nudj.rewards"),
    ("/admin/users/", "nudj.user"),
    ("/shops", "piggy.shops"),
)


@dataclass(frozen=True)
class Call:
    route: str
    start: float
    end: float

    @property
    def ms(self) -> float:
        return (self.end - self.start) * 1000


class RecordingTransport(httpx.AsyncBaseTransport):
    """The API clients' transport, noting when each request started and ended."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.calls: list[Call] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        start = time.perf_counter()
        response = await self._inner.handle_async_request(request)
        await response.aread()
        path = request.url.path
        route = next((name for part, name in _ROUTES if part in path), path)
        self.calls.append(Call(route, start, time.perf_counter()))
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


@dataclass(frozen=True)
class Paths:
    list_ms: float
    panel_ms: float
    sum_ms: float


def known_card(calls: list[Call]) -> bool:
    """Whether the contact was asked for before the identifier answered (a card seen before)."""
    identifier = [c for c in calls if c.route == "piggy.identifier"]
    contact = [c for c in calls if c.route == "piggy.contact"]
    return bool(identifier and contact) and contact[0].start < identifier[0].end


def critical_paths(calls: list[Call]) -> Paths:
    """The chains of dependent calls, from the calls made (a missing call counts 0)."""

    def total(route: str) -> float:
        return sum(call.ms for call in calls if call.route == route)

    card = total("piggy.identifier")
    # Nudj pages are fetched one after the other (each needs the previous one's count), the
    # user lookup beside them.
    nudj = max(total("nudj.user"), total("nudj.rewards"))
    if known_card(calls):
        # Contact and rewards asked for with the contact the card had, beside the
        # identifier; shown once the identifier confirms it.
        shown = max(card, total("piggy.contact"), total("piggy.rewards"))
        contact = max(card, total("piggy.contact"))
    else:
        # The rewards need only the card's contact uuid: they run beside the contact.
        shown = card + max(total("piggy.contact"), total("piggy.rewards"))
        contact = card + total("piggy.contact")
    return Paths(
        list_ms=shown,
        # Giftoin and Nudj need the contact's attributes.
        panel_ms=contact + max(total("giftoin.progress"), nudj),
        sum_ms=sum(call.ms for call in calls),
    )


@dataclass(frozen=True)
class Run:
    #: "cold" (catalogue forgotten), "warm" (kept), "known" (the card seen before).
    kind: str
    list_ms: float
    panel_ms: float
    paths: Paths
    longest_block_ms: float
    calls: list[Call]
    started: float


async def measure(url: str, card: str, runs: int) -> list[Run]:
    tmp = tempfile.TemporaryDirectory(prefix="pos-app-bench-")
    settings = simulator_settings(
        url,
        Path(tmp.name),
        giftoin_platform=demo.GIFTOIN_PLATFORM,
        giftoin_user_attribute=demo.GIFTOIN_USER_ATTRIBUTE,
        nudj_user_id_source="uuid",
    )
    transport = RecordingTransport()
    clients = build_clients(settings, demo_secrets(), transport=transport)
    window, journal = await open_window(settings, clients, 1280, 800)
    monitor = BlockMonitor()
    results: list[Run] = []
    list_shown = asyncio.Event()
    panel_done = asyncio.Event()
    window.customerShown.connect(lambda _uuid: list_shown.set())
    window.progress_panel.finished.connect(panel_done.set)
    try:
        await until(lambda: not window.tasks.pending)
        for run in range(3 * runs):
            kind = ("cold", "warm", "known")[run // runs]
            # Another customer in between, so every run really rebuilds list and panel.
            window.search_input.setText(demo.CARD_EMPTY)
            window.search_input.returnPressed.emit()
            await until(lambda: not window.tasks.pending)
            await asyncio.sleep(0.3)
            if kind == "cold":
                window.progress.catalogue.invalidate()
            if kind != "known":
                window.counter.forget_cards()
            transport.calls.clear()
            list_shown.clear()
            panel_done.clear()
            monitor.start()
            started = time.perf_counter()
            window.search_input.setText(card)
            window.search_input.returnPressed.emit()
            await list_shown.wait()
            list_ms = (time.perf_counter() - started) * 1000
            await panel_done.wait()
            panel_ms = (time.perf_counter() - started) * 1000
            await until(lambda: not window.tasks.pending)
            monitor.stop()
            calls = [call for call in transport.calls if call.start >= started]
            paths = critical_paths(calls)
            results.append(
                Run(kind, list_ms, panel_ms, paths, max(monitor.gaps) * 1000, calls, started)
            )
            print(
                f"{kind} run {run % runs + 1}: "
                f"list {list_ms:6.1f} ms (critical path {paths.list_ms:6.1f})   "
                f"panel {panel_ms:6.1f} ms (critical path {paths.panel_ms:6.1f})   "
                f"sum of calls {paths.sum_ms:6.1f} ms   calls {len(calls)}   "
                f"longest block {max(monitor.gaps) * 1000:5.1f} ms",
                flush=True,
            )
    finally:
        await close_window(window, journal, clients)
        await transport.aclose()
        tmp.cleanup()
    return results


def print_timeline(run: Run) -> None:
    print(f"calls of the first {run.kind} run (ms after Enter):")
    for call in sorted(run.calls, key=lambda c: c.start):
        begin = (call.start - run.started) * 1000
        end = (call.end - run.started) * 1000
        print(f"  {call.route:<18} {begin:6.1f} → {end:6.1f}  ({call.ms:5.1f} ms)")
    print(f"  list shown at {run.list_ms:6.1f}, panel complete at {run.panel_ms:6.1f}")


def summarise(label: str, runs: list[Run]) -> bool:
    list_ms = statistics.median(r.list_ms for r in runs)
    panel_ms = statistics.median(r.panel_ms for r in runs)
    list_path = statistics.median(r.paths.list_ms for r in runs)
    panel_path = statistics.median(r.paths.panel_ms for r in runs)
    sums = statistics.median(r.paths.sum_ms for r in runs)
    list_over = max(r.list_ms - r.paths.list_ms for r in runs)
    panel_over = max(r.panel_ms - r.paths.panel_ms for r in runs)
    ok = list_over <= TARGET_SLACK_MS and panel_over <= TARGET_SLACK_MS
    print(
        f"{label}: median list {list_ms:.1f} ms (critical path {list_path:.1f}), "
        f"panel {panel_ms:.1f} ms (critical path {panel_path:.1f}), sum of calls {sums:.1f} ms; "
        f"worst over the critical path: list +{list_over:.1f} ms, panel +{panel_over:.1f} ms "
        f"(target +{TARGET_SLACK_MS:.0f}) {'OK' if ok else 'MISSED'}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--card", default=demo.CARD_MAIN)
    parser.add_argument(
        "--runs", type=int, default=5, help="cold runs, then as many warm and known-card ones"
    )
    args = parser.parse_args()
    with app_and_simulator(FAULTS) as (url, runner):
        print(
            f"card {args.card}; latency Piggy {PIGGY_MS} ms, Giftoin {GIFTOIN_MS} ms, "
            f"Nudj {NUDJ_MS} ms a call; simulator in its own process at {url}"
        )
        results = runner.run(measure(url, args.card, args.runs))
    kinds = {kind: [r for r in results if r.kind == kind] for kind in ("cold", "warm", "known")}
    for runs_of_kind in kinds.values():
        print_timeline(runs_of_kind[0])
    ok = summarise("first scan, cold catalogue", kinds["cold"])
    ok = summarise("first scan, warm catalogue", kinds["warm"]) and ok
    ok = summarise("card seen before, warm catalogue", kinds["known"]) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
