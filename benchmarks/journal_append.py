"""How fast the journal records pickups on this disk.

Each pickup is two durable appends (``pending`` before the request, ``confirmed`` after),
each its own transaction with ``synchronous=FULL``, so the figures are dominated by how fast
the disk completes an fsync. Measured through the synchronous ``Journal`` and through the
``AsyncJournal`` the GUI uses (there the latency includes the hop to the worker thread).

    .venv/bin/python benchmarks/journal_append.py [--pairs 1000] [--dir FOLDER]

Put ``--dir`` on the disk the counter's data folder lives on; the default is the system's
temporary folder, which on some systems is RAM (tmpfs) and then flatters the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pos_app.storage import AsyncJournal, Journal, StaffRef

STAFF = StaffRef("staff-bench", "Bench Cashier")


def _filesystem(path: Path) -> str:
    """The mount's filesystem type (Linux), to spot a RAM disk."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "unknown"
    best, kind = "", "unknown"
    resolved = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3 and resolved.startswith(fields[1]) and len(fields[1]) > len(best):
            best, kind = fields[1], fields[2]
    return kind


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _report(label: str, latencies: list[float], elapsed: float) -> None:
    appends = 2 * len(latencies)
    print(
        f"{label:<13} {appends} appends in {elapsed:.2f} s = {appends / elapsed:,.0f} appends/s; "
        f"pickup (begin+confirm) p50 {_percentile(latencies, 0.5) * 1000:.2f} ms, "
        f"p99 {_percentile(latencies, 0.99) * 1000:.2f} ms, "
        f"max {max(latencies) * 1000:.2f} ms, mean {statistics.fmean(latencies) * 1000:.2f} ms"
    )


def _bench_sync(path: Path, pairs: int, clock: Callable[[], float]) -> tuple[list[float], float]:
    latencies: list[float] = []
    with Journal.open(path, shop_uuid="shop-bench", counter="Bench") as journal:
        started = clock()
        for n in range(pairs):
            before = clock()
            op = journal.begin_collect(
                customer_uuid="contact-bench",
                loyalty_transaction_uuid=f"lt-sync-{n}",
                reward_title="Benchmark reward",
                staff=STAFF,
            )
            journal.confirm(op.operation_id, redemption_uuid=f"red-sync-{n}")
            latencies.append(clock() - before)
        elapsed = clock() - started
        assert journal.verify().ok
    return latencies, elapsed


async def _bench_async(
    path: Path, pairs: int, clock: Callable[[], float]
) -> tuple[list[float], float]:
    latencies: list[float] = []
    journal = await AsyncJournal.open(path, shop_uuid="shop-bench", counter="Bench")
    try:
        started = clock()
        for n in range(pairs):
            before = clock()
            op = await journal.call(
                Journal.begin_collect,
                customer_uuid="contact-bench",
                loyalty_transaction_uuid=f"lt-async-{n}",
                reward_title="Benchmark reward",
                staff=STAFF,
            )
            await journal.call(Journal.confirm, op.operation_id, redemption_uuid=f"red-async-{n}")
            latencies.append(clock() - before)
        elapsed = clock() - started
        assert (await journal.call(Journal.verify)).ok
    finally:
        await journal.aclose()
    return latencies, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000, help="pickups per run (default 1000)")
    parser.add_argument("--dir", type=Path, help="folder for the test journal (default: temp)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="journal-bench-", dir=args.dir) as folder:
        path = Path(folder) / "journal.sqlite3"
        print(
            f"Journal append benchmark: {args.pairs} pickups per run, WAL, synchronous=FULL\n"
            f"journal file: {path} (filesystem: {_filesystem(Path(folder))}, "
            f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]})"
        )
        clock = time.perf_counter
        _bench_sync(Path(folder) / "warmup.sqlite3", min(50, args.pairs), clock)
        _report("Journal:", *_bench_sync(path, args.pairs, clock))
        _report("AsyncJournal:", *asyncio.run(_bench_async(path, args.pairs, clock)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
