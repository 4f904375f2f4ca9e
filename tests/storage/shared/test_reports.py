"""Reports from the shared journal: the same figures as the counter's own journal, shop-wide."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import psycopg
import pytest

from pos_app.services.reports import ReportPeriod, StaffLine, local_report, shared_report
from pos_app.storage import Journal, ReverseReason
from pos_app.storage.shared import chain_id_of, insert_rows
from tests.helpers.postgres import (
    COUNTER_A,
    COUNTER_A2,
    COUNTER_B,
    HEAD_OFFICE,
    SHOP_A,
    SHOP_B,
    SharedDatabase,
)
from tests.helpers.report_data import (
    ANN,
    DAY,
    MAX,
    TZ,
    Pickups,
    SettableClock,
    write_known_days,
    write_refund_and_claims,
)

pytestmark = pytest.mark.asyncio


def _journal(path: Path, counter: str, clock: SettableClock) -> Journal:
    return Journal.open(path, shop_uuid="shop", counter=counter, clock=clock)


async def _copy(db: SharedDatabase, login: str, journal: Journal) -> None:
    rows = list(journal.raw_rows())
    async with await psycopg.AsyncConnection.connect(db.conninfo(login)) as conn:
        result = await insert_rows(conn, chain_id_of(rows[0]), rows)
    assert result.inserted == len(rows)


async def test_the_shared_journal_gives_the_local_report(
    shared_db: SharedDatabase, tmp_path: Path
) -> None:
    clock = SettableClock()
    with _journal(tmp_path / "one.sqlite3", "Counter 1", clock) as journal:
        write_known_days(journal, clock)
        await _copy(shared_db, COUNTER_A, journal)
        periods = [
            ReportPeriod.day(DAY),
            ReportPeriod.day(DAY - timedelta(days=1)),
            ReportPeriod.day(DAY + timedelta(days=1)),
            ReportPeriod.week(DAY),
        ]
        async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A)) as conn:
            for period in periods:
                local = local_report(journal, period, TZ)
                shared = await shared_report(conn, period, TZ)
                assert shared.figures() == local.figures(), period
                assert shared.shop_wide
                assert not local.shop_wide
    assert local.handovers == 8  # the week: a report with something in it was compared


async def test_a_shop_report_adds_up_its_counters_and_no_other_shop(
    shared_db: SharedDatabase, tmp_path: Path
) -> None:
    clock = SettableClock()
    with (
        _journal(tmp_path / "one.sqlite3", "Counter 1", clock) as one,
        _journal(tmp_path / "two.sqlite3", "Counter 2", clock) as two,
        _journal(tmp_path / "other.sqlite3", "Counter 1", clock) as other_shop,
    ):
        write_known_days(one, clock)
        clock.at(DAY, 9, 20)
        Pickups(two, clock).hand_over(ANN, ["Scarf", "Scarf"])
        clock.at(DAY, 9, 30)
        Pickups(other_shop, clock).hand_over(ANN, ["Coffee mug"])
        await _copy(shared_db, COUNTER_A, one)
        await _copy(shared_db, COUNTER_A2, two)
        await _copy(shared_db, COUNTER_B, other_shop)
        async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A2)) as conn:
            report = await shared_report(conn, ReportPeriod.day(DAY), TZ)

    assert report.handovers == 8
    assert report.per_hour[9] == 3
    assert report.per_staff[0] == StaffLine("Ann Cashier", handovers=5, rewards=7)
    assert {line.title: line.count for line in report.rewards}["Scarf"] == 3
    assert [counter.counter for counter in report.counters] == ["Counter 1", "Counter 2"]
    assert all(counter.copied_at is not None for counter in report.counters)


async def test_head_office_reports_on_the_shop_it_names(
    shared_db: SharedDatabase, tmp_path: Path
) -> None:
    clock = SettableClock()
    with _journal(tmp_path / "one.sqlite3", "Counter 1", clock) as journal:
        write_known_days(journal, clock)
        await _copy(shared_db, COUNTER_A, journal)
        local = local_report(journal, ReportPeriod.day(DAY), TZ)
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo(HEAD_OFFICE)) as conn:
        shop_a = await shared_report(conn, ReportPeriod.day(DAY), TZ, shop=SHOP_A)
        shop_b = await shared_report(conn, ReportPeriod.day(DAY), TZ, shop=SHOP_B)

    assert shop_a.figures() == local.figures()
    assert shop_b.handovers == 0
    assert shop_b.counters == ()


async def test_refunds_and_claims_count_alike_in_the_shared_journal(
    shared_db: SharedDatabase, tmp_path: Path
) -> None:
    clock = SettableClock()
    with (
        _journal(tmp_path / "one.sqlite3", "Counter 1", clock) as one,
        _journal(tmp_path / "two.sqlite3", "Counter 2", clock) as two,
    ):
        write_known_days(one, clock)
        write_refund_and_claims(one, clock)
        # A pickup of counter 1 whose points counter 2 refunds.
        clock.at(DAY, 18, 0)
        (cap,) = Pickups(one, clock).hand_over(ANN, ["Cap"])
        clock.at(DAY, 18, 20)
        refund = two.begin_refund(
            collect_operation_id=cap.operation_id,
            reason=ReverseReason.WRONG_ITEM,
            staff=MAX,
            known_collect=cap,
        )
        two.confirm(refund.operation_id, redemption_uuid="credit-cap")
        await _copy(shared_db, COUNTER_A, one)
        await _copy(shared_db, COUNTER_A2, two)
        local = local_report(one, ReportPeriod.day(DAY), TZ)
        async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A)) as conn:
            shared = await shared_report(conn, ReportPeriod.day(DAY), TZ)

    # Counter 1 alone does not know of the cap's refund; the shop does.
    assert local.handovers == 8
    assert shared.handovers == 7
    assert (shared.claims, shared.claim_points) == (local.claims, local.claim_points) == (2, 650)
    assert [(line.reward_title, line.counter, line.refund) for line in shared.reversals] == [
        ("Tote bag", "Counter 1", False),
        ("Coffee mug", "Counter 1", False),
        ("Scarf", "Counter 1", True),
        ("Cap", "Counter 2", True),
    ]
    assert shared.reversals[2] == local.reversals[2]
    assert (shared.reversals[3].reason, shared.reversals[3].staff_name) == (
        "wrong_item",
        "Max Manager",
    )


async def test_the_shared_journal_gives_the_local_report_with_refunds_and_claims(
    shared_db: SharedDatabase, tmp_path: Path
) -> None:
    clock = SettableClock()
    with _journal(tmp_path / "one.sqlite3", "Counter 1", clock) as journal:
        write_known_days(journal, clock)
        write_refund_and_claims(journal, clock)
        await _copy(shared_db, COUNTER_A, journal)
        local = local_report(journal, ReportPeriod.day(DAY), TZ)
        async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A)) as conn:
            shared = await shared_report(conn, ReportPeriod.day(DAY), TZ)

    assert shared.figures() == local.figures()
    assert local.handovers == 7
