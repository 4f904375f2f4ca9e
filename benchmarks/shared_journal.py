"""The shared journal on PostgreSQL: copying, visibility at another counter, chain-size look-ups.

Starts a PostgreSQL server of its own (the tests' wheel, without fsync: the figures are
the app's and the queries', not a disk's) and prints:

* rows/s copied by one counter's copier from its local journal;
* the delay from a hand-over recorded at counter 1 to counter 2 finding its slip code
  there (p50/p99), with counter 1's copier woken by each hand-over as the app will;
* on a generated chain-sized table (``--shops`` × 3 counters × ``--days`` ×
  ``--rows-per-day`` rows per counter, the default 200 × 3 × 365 × 40 = 8.8 million rows;
  a row per change of state, so 40 rows are about 20 hand-overs a counter a day) the time of
  a slip-code look-up, of a shop's day and of its latest 100 rows, as a counter's login
  sees them (row-level security on), and of the manager report of a shop's day and of
  its week (:func:`pos_app.services.reports.shared_report`), each next to its limit.

    .venv/bin/python benchmarks/shared_journal.py [--pairs 2000] [--shops 200] [--days 365]
        [--rows-per-day 40] [--lookups 200]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from pos_app.services.reports import ReportPeriod, shared_report
from pos_app.storage import AsyncJournal, Journal, StaffRef
from pos_app.storage.shared import find_by_reference
from pos_app.storage.shared.connection import SharedJournalTarget
from pos_app.storage.shared.copier import CopyMark, JournalCopier
from tests.helpers.postgres import (
    COUNTER_A,
    COUNTER_A2,
    SHOP_A,
    TEST_PASSWORD,
    PostgresServer,
    SharedDatabase,
    new_database,
    running_postgres,
)

STAFF = StaffRef("staff-bench", "Bench Cashier")
#: What a manager waits for at most, at the 99th percentile: the page opens at once.
REPORT_DAY_LIMIT = 0.100
REPORT_WEEK_LIMIT = 0.300
SHOP_TZ = ZoneInfo("Europe/Amsterdam")


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _ms(samples: list[float]) -> str:
    return (
        f"p50 {_percentile(samples, 0.5) * 1000:.1f} ms, "
        f"p99 {_percentile(samples, 0.99) * 1000:.1f} ms, "
        f"mean {statistics.fmean(samples) * 1000:.1f} ms"
    )


def _hand_over(journal: Journal, n: int) -> str:
    op = journal.begin_collect(
        customer_uuid=f"contact-{n % 97}",
        loyalty_transaction_uuid=f"lt-{n}",
        reward_title=f"Reward {n % 13}",
        staff=STAFF,
    )
    journal.confirm(op.operation_id, redemption_uuid=f"red-{n}")
    reference = op.handover_reference
    assert reference is not None
    return reference


def _target(db: SharedDatabase, login: str) -> SharedJournalTarget:
    return SharedJournalTarget(url=db.url(login), password=TEST_PASSWORD)


async def _copy_rate(db: SharedDatabase, folder: Path, pairs: int) -> None:
    path = folder / "copy" / "journal.sqlite3"
    with Journal.open(path, shop_uuid=SHOP_A, counter="Counter 1") as journal:
        for n in range(pairs):
            _hand_over(journal, n)
    reader = await AsyncJournal.open_read_only(path)
    copier = JournalCopier(
        reader, _target(db, COUNTER_A).connect, mark=CopyMark(folder / "copy" / "mark.json")
    )
    started = time.perf_counter()
    copied = await copier.copy_pending()
    elapsed = time.perf_counter() - started
    await copier.aclose()
    await reader.aclose()
    print(
        f"copy: {copied} rows in {elapsed:.2f} s = {copied / elapsed:,.0f} rows/s (batches of 500)"
    )


async def _visibility(db: SharedDatabase, folder: Path, count: int) -> None:
    path = folder / "visible" / "journal.sqlite3"
    journal = Journal.open(path, shop_uuid=SHOP_A, counter="Counter 1")
    _hand_over(journal, -1)  # a chain exists before the copier starts
    reader = await AsyncJournal.open_read_only(path)
    copier = JournalCopier(
        reader,
        _target(db, COUNTER_A).connect,
        mark=CopyMark(folder / "visible" / "mark.json"),
        poll_interval=3600,
    )
    task = asyncio.create_task(copier.run())
    delays: list[float] = []
    async with await _target(db, COUNTER_A2).connect() as other:
        for n in range(count):
            reference = _hand_over(journal, n)
            done = time.perf_counter()
            copier.wake()
            # Counter 2 asks again and again, as a list that refreshes itself would.
            while True:
                if await find_by_reference(other, reference):
                    break
                await asyncio.sleep(0.002)
            delays.append(time.perf_counter() - done)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await copier.aclose()
    await reader.aclose()
    journal.close()
    print(f"visible at counter 2 after a hand-over at counter 1 ({count}): {_ms(delays)}")


_GENERATE = """
INSERT INTO pos_shared.journal_row (
    shop, chain_id, seq, recorded_at, recorded_time, operation_id, kind, state, shop_uuid,
    counter, staff_id, staff_name, customer_uuid, loyalty_transaction_uuid, redemption_uuid,
    reward_title, prev_hash, hash, handover_id, cost_price)
SELECT g.shop, g.chain, g.seq,
       to_char(g.t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'), g.t,
       g.op, 'collect', CASE WHEN g.seq %% 2 = 1 THEN 'pending' ELSE 'confirmed' END,
       g.shop, 'Counter ' || g.c, 'staff-' || (g.seq %% 7), 'Staff ' || (g.seq %% 7),
       'contact-' || md5(g.shop || (g.seq / 2 %% 5000)), 'lt-' || g.op,
       CASE WHEN g.seq %% 2 = 0 THEN 'red-' || g.op END, 'Reward ' || (g.seq / 2 %% 40),
       repeat('0', 64), md5(g.chain || g.seq) || md5(g.seq || g.chain), g.op,
       CASE WHEN g.seq %% 2 = 1 AND g.seq / 2 %% 40 < 10 THEN ((g.seq / 2 %% 40) + 0.5)::text END
FROM (
    SELECT 'shop-' || lpad(s::text, 4, '0') AS shop, c, n AS seq,
           md5('chain' || s || '-' || c) || md5('counter' || s || '-' || c) AS chain,
           md5(s || '-' || c || '-' || ((n + 1) / 2))::uuid::text AS op,
           timestamptz '2026-01-01 08:00Z' + ((n - 1) / %(per_day)s) * interval '1 day'
               + ((n - 1) %% %(per_day)s) * (interval '10 hours' / %(per_day)s) AS t
    FROM generate_series(%(first)s::int, %(last)s::int) s, generate_series(1, 3) c,
         generate_series(1, %(per_day)s::int * %(days)s::int) n
) g
"""


def _generate(db: SharedDatabase, shops: int, days: int, per_day: int) -> int:
    started = time.perf_counter()
    with db.admin() as conn:
        # Straight into the table: the chain check and the append-only guard are triggers.
        conn.execute("SET session_replication_role = replica")
        for first in range(0, shops, 10):
            params = {"first": first, "last": min(shops, first + 10) - 1, "per_day": per_day}
            conn.execute(_GENERATE, {**params, "days": days})
        conn.execute("SET session_replication_role = DEFAULT")
        # The benchmark's counter logins belong to shop-0000, one of the generated shops.
        conn.execute("UPDATE pos_shared.login SET shop_uuid = 'shop-0000' WHERE NOT head_office")
        conn.execute("VACUUM ANALYZE pos_shared.journal_row")
        row = conn.execute("SELECT count(*) FROM pos_shared.journal_row").fetchone()
        size = conn.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('pos_shared.journal_row'))"
        ).fetchone()
    total = int(row[0]) if row else 0
    elapsed = time.perf_counter() - started
    print(
        f"generated: {total:,} rows ({shops} shops × 3 counters × {days} days × {per_day}) "
        f"in {elapsed:.0f} s, table with indexes {size[0] if size else '?'}"
    )
    return total


async def _queries(db: SharedDatabase, days: int, lookups: int) -> None:
    rng = random.Random(7)
    with db.admin() as conn:
        ops = [
            row[0]
            for row in conn.execute(
                "SELECT operation_id FROM pos_shared.journal_row"
                " WHERE shop = 'shop-0000' AND seq %% 2 = 1 ORDER BY random() LIMIT %s",
                (lookups,),
            )
        ]
    from pos_app.storage import pickup_reference

    found: list[float] = []
    day_rows: list[float] = []
    latest: list[float] = []
    async with await _target(db, COUNTER_A).connect() as conn:
        for op in ops:
            started = time.perf_counter()
            result = await find_by_reference(conn, pickup_reference(op))
            found.append(time.perf_counter() - started)
            assert result, op
        for _ in range(lookups):
            day = date(2026, 1, 1) + timedelta(days=rng.randrange(days))
            start = datetime(day.year, day.month, day.day, tzinfo=UTC)
            began = time.perf_counter()
            cursor = await conn.execute(
                "SELECT * FROM pos_shared.journal_row WHERE shop = pos_shared.login_shop()"
                " AND recorded_time >= %s AND recorded_time < %s ORDER BY recorded_time",
                (start, start + timedelta(days=1)),
            )
            rows = await cursor.fetchall()
            day_rows.append(time.perf_counter() - began)
            assert rows
            began = time.perf_counter()
            cursor = await conn.execute(
                "SELECT * FROM pos_shared.journal_row WHERE shop = pos_shared.login_shop()"
                " ORDER BY recorded_time DESC LIMIT 100"
            )
            assert len(await cursor.fetchall()) == 100
            latest.append(time.perf_counter() - began)
    print(f"slip code look-up (find_by_reference, {lookups}): {_ms(found)}")
    print(f"one shop's day, all 3 counters ({lookups} days): {_ms(day_rows)}")
    print(f"one shop's latest 100 rows ({lookups}): {_ms(latest)}")
    await _reports(db, days, lookups, rng)


async def _reports(db: SharedDatabase, days: int, count: int, rng: random.Random) -> None:
    day_times: list[float] = []
    week_times: list[float] = []
    handovers: list[int] = []
    async with await _target(db, COUNTER_A).connect() as conn:
        for _ in range(count):
            day = date(2026, 1, 1) + timedelta(days=rng.randrange(days))
            began = time.perf_counter()
            report = await shared_report(conn, ReportPeriod.day(day), SHOP_TZ)
            day_times.append(time.perf_counter() - began)
            handovers.append(report.handovers)
            began = time.perf_counter()
            await shared_report(conn, ReportPeriod.week(day), SHOP_TZ)
            week_times.append(time.perf_counter() - began)
    assert any(handovers)
    for name, samples, limit in (
        ("a shop's day", day_times, REPORT_DAY_LIMIT),
        ("a shop's week", week_times, REPORT_WEEK_LIMIT),
    ):
        p99 = _percentile(samples, 0.99)
        verdict = "within" if p99 <= limit else "OVER"
        print(
            f"manager report of {name} ({count}): {_ms(samples)}"
            f" — limit p99 {limit * 1000:.0f} ms: {verdict}"
        )


async def _main(server: PostgresServer, args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        await _copy_rate(new_database(server), folder, args.pairs)
        await _visibility(new_database(server), folder, args.visibility)
        if args.shops:
            db = new_database(server)
            _generate(db, args.shops, args.days, args.rows_per_day)
            await _queries(db, args.days, args.lookups)
        _server_version(server)


def _server_version(server: PostgresServer) -> None:
    with server.admin() as conn:
        row = conn.execute("SHOW server_version").fetchone()
    print(f"PostgreSQL {row[0] if row else '?'} (psycopg {psycopg.__version__})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=2000, help="hand-overs to copy")
    parser.add_argument("--visibility", type=int, default=100, help="hand-overs to time")
    parser.add_argument("--shops", type=int, default=200, help="0: no chain-sized table")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--rows-per-day", type=int, default=40, help="per counter")
    parser.add_argument("--lookups", type=int, default=200)
    args = parser.parse_args()
    with running_postgres() as server:
        asyncio.run(_main(server, args))


if __name__ == "__main__":
    main()
