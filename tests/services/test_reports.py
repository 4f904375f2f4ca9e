"""Manager reports from a counter's own journal: the figures, the period's edges, the CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.services.reports import (
    Report,
    ReportPeriod,
    ReversalLine,
    RewardLine,
    StaffLine,
    local_report,
    report_csv,
)
from pos_app.storage import Journal
from tests.helpers.report_data import (
    DAY,
    EXPECTED_PER_HOUR,
    TZ,
    SettableClock,
    write_known_days,
    write_refund_and_claims,
)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    clock = SettableClock()
    with Journal.open(
        tmp_path / "journal.sqlite3", shop_uuid="shop-1", counter="Counter 1", clock=clock
    ) as opened:
        write_known_days(opened, clock)
        yield opened


def test_a_day_report_counts_hand_overs_per_hour_and_staff(journal: Journal) -> None:
    report = local_report(journal, ReportPeriod.day(DAY), TZ)

    assert {hour: n for hour, n in enumerate(report.per_hour) if n} == EXPECTED_PER_HOUR
    assert report.handovers == 7
    assert report.per_staff == (
        StaffLine("Ann Cashier", handovers=4, rewards=5),
        StaffLine("Ben Cashier", handovers=3, rewards=3),
    )
    assert report.rewards == (
        RewardLine("Coffee mug", 5, cost_total=None),
        RewardLine("Tote bag", 2, cost_total=Decimal("9.00")),
        RewardLine("Scarf", 1, cost_total=Decimal("12.00")),
    )
    assert report.rewards_handed_out == 8
    assert report.cost_total == Decimal("21.00")
    assert not report.shop_wide


def test_reversals_come_with_their_reason_note_and_who(journal: Journal) -> None:
    report = local_report(journal, ReportPeriod.day(DAY), TZ)

    assert [
        (line.at.astimezone(TZ).strftime("%H:%M"), line.reward_title, line.reason, line.note)
        for line in report.reversals
    ] == [("13:45", "Tote bag", "damaged", "Torn seam"), ("15:00", "Coffee mug", "mis_tap", None)]
    assert [line.staff_name for line in report.reversals] == ["Max Manager", "Ann Cashier"]
    assert {line.counter for line in report.reversals} == {"Counter 1"}


def test_23_59_is_that_day_and_00_00_the_next(journal: Journal) -> None:
    day_before = local_report(journal, ReportPeriod.day(DAY - timedelta(days=1)), TZ)
    day_after = local_report(journal, ReportPeriod.day(DAY + timedelta(days=1)), TZ)

    assert day_before.handovers == 1
    assert day_before.per_hour[23] == 1
    assert day_after.handovers == 1
    assert day_after.per_hour[0] == 1
    assert local_report(journal, ReportPeriod.day(DAY), TZ).per_hour[0] == 1


def test_a_week_runs_from_monday_to_sunday(journal: Journal) -> None:
    period = ReportPeriod.week(DAY + timedelta(days=3))
    report = local_report(journal, period, TZ)

    assert (period.first_day, period.last_day) == (DAY, DAY + timedelta(days=6))
    # The Sunday before (23:59:58) is not in it; the Tuesday at 00:00 is.
    assert report.handovers == 8
    assert report.per_hour[0] == 2


def test_a_day_when_the_clocks_change_has_its_own_hours() -> None:
    # The last Sunday of October: 25 hours in Amsterdam, two of them called 02:00.
    period = ReportPeriod.day(DAY.replace(month=10, day=25))
    hours = period.hour_starts(TZ)

    assert len(hours) == 25
    assert [moment.astimezone(TZ).hour for moment in hours].count(2) == 2


def test_an_empty_day_is_an_empty_report(journal: Journal) -> None:
    report = local_report(journal, ReportPeriod.day(DAY + timedelta(days=30)), TZ)

    assert report.handovers == 0
    assert report.per_staff == ()
    assert report.rewards == ()
    assert report.reversals == ()


def _sections(text: str) -> dict[str, list[list[str]]]:
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for row in csv.reader(io.StringIO(text)):
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
            if len(row) > 1:
                current.append(row)
        else:
            current.append(row)
    return sections


def test_the_csv_has_a_section_per_table(journal: Journal) -> None:
    report: Report = local_report(journal, ReportPeriod.day(DAY), TZ)
    sections = _sections(report_csv(report))

    assert sections["Report"] == [
        ["Report", "Period", "2026-05-11"],
        ["Report", "Source", "This counter only"],
    ]
    per_hour = dict(sections["Hand-overs per hour"][1:])
    assert per_hour["09:00"] == "2"
    assert per_hour["23:00"] == "1"
    assert per_hour["12:00"] == "0"
    assert len(per_hour) == 24
    assert sections["Hand-overs per staff member"] == [
        ["Staff member", "Hand-overs", "Rewards"],
        ["Ann Cashier", "4", "5"],
        ["Ben Cashier", "3", "3"],
    ]
    assert sections["Rewards handed out"] == [
        ["Reward", "Handed out", "Cost price"],
        ["Coffee mug", "5", ""],
        ["Tote bag", "2", "9.00"],
        ["Scarf", "1", "12.00"],
        ["Total", "8", "21.00"],
    ]
    assert sections["Reversals"][1:] == [
        [
            "2026-05-11 13:45",
            "Counter 1",
            "Tote bag",
            "Back for pickup",
            "damaged",
            "Torn seam",
            "Max Manager",
        ],
        [
            "2026-05-11 15:00",
            "Counter 1",
            "Coffee mug",
            "Back for pickup",
            "mis_tap",
            "",
            "Ann Cashier",
        ],
    ]
    assert sections["Counters"][1][0] == "Counter 1"


def test_reversal_lines_keep_the_local_time_zone(journal: Journal) -> None:
    (first, _) = local_report(journal, ReportPeriod.day(DAY), TZ).reversals
    assert isinstance(first, ReversalLine)
    assert first.at.utcoffset() is not None


@pytest.fixture
def refunds_journal(tmp_path: Path) -> Iterator[Journal]:
    """The known days, and on :data:`DAY` a refunded hand-over and claims at the counter."""
    clock = SettableClock()
    with Journal.open(
        tmp_path / "refunds.sqlite3", shop_uuid="shop-1", counter="Counter 1", clock=clock
    ) as opened:
        write_known_days(opened, clock)
        write_refund_and_claims(opened, clock)
        yield opened


def test_a_refunded_pickup_is_listed_with_the_reversals_not_handed_over(
    refunds_journal: Journal,
) -> None:
    report = local_report(refunds_journal, ReportPeriod.day(DAY), TZ)

    # The refunded scarf came back and its points went back: not a hand-over of the day.
    assert report.handovers == 7
    assert report.rewards_handed_out == 8
    assert report.per_staff == (
        StaffLine("Ann Cashier", handovers=4, rewards=5),
        StaffLine("Ben Cashier", handovers=3, rewards=3),
    )
    refund = report.reversals[-1]
    assert (refund.at.astimezone(TZ).strftime("%H:%M"), refund.reward_title) == ("16:30", "Scarf")
    assert (refund.reason, refund.note, refund.staff_name) == ("damaged", "Stained", "Max Manager")
    assert refund.counter == "Counter 1"
    assert refund.refund
    assert not any(line.refund for line in report.reversals[:-1])


def test_claims_at_the_counter_are_a_figure_of_their_own(refunds_journal: Journal) -> None:
    report = local_report(refunds_journal, ReportPeriod.day(DAY), TZ)

    assert (report.claims, report.claim_points) == (2, 650)
    assert report.rewards_handed_out == 8
    sections = _sections(report_csv(report))
    assert sections["Claims at the counter"] == [
        ["Claims at the counter", "Points spent"],
        ["2", "650"],
    ]
    assert sections["Reversals"][-1] == [
        "2026-05-11 16:30",
        "Counter 1",
        "Scarf",
        "Points refunded",
        "damaged",
        "Stained",
        "Max Manager",
    ]


def test_how_current_a_counters_report_is_counts_claims_and_refunds(
    refunds_journal: Journal,
) -> None:
    (counter,) = local_report(refunds_journal, ReportPeriod.day(DAY), TZ).counters
    # The last claim, at 17:10 (the refund at 16:30, the last hand-over of the day at 23:59
    # was written before them).
    assert counter.last_row_at is not None
    assert counter.last_row_at.astimezone(TZ).strftime("%H:%M") == "17:10"
