"""Manager reports: a day's or a week's hand-overs, rewards and reversals, at a glance.

A report is computed from this counter's own journal (:func:`local_report`), or, when the
shop has a shared journal, from PostgreSQL for every counter of the shop
(:func:`shared_report`: the database sums, only the totals travel). Both count the same way,
so the same rows give the same report:

* a **hand-over** is the collects handed over together (one slip), counted when at least
  one of them was confirmed; it belongs to the hour, the day and the staff member of its
  first confirmed collect;
* **rewards handed out** are the confirmed collects, by title, with their cost prices
  added up where Piggy gave one (recorded with each hand-over since format 7 of the
  journal; earlier hand-overs have none);
* **reversals** are the confirmed reverses (a manager's, or a cashier's Undo right after
  the hand-over) and refunds (the points of a reward that came back given back), with
  their reason and note;
* a collect whose points were refunded is not handed over: the reward came back and the
  customer has the points again (a reward put back for pickup still counts);
* **claims** are the rewards customers claimed with points at the counter (confirmed),
  with the points they spent: not hand-overs, what they claim joins the pickup list;
* an operation belongs to the period in which it was started (its pending row), in the
  shop's time zone: a hand-over at 23:59 is that day's, one at 00:00 the next day's.

Rewards put back for pickup still count as handed out in the period they were handed
over; the reversals table says which were taken back.

:func:`report_csv` writes a report as one CSV file with a section per table.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos_app.storage import CLAIM, COLLECT, REFUND, REVERSE, Journal, Operation, OpState
from pos_app.storage.model import OPERATION_KINDS

if TYPE_CHECKING:
    import psycopg

    from pos_app.storage.shared.reports import ReportRows

__all__ = [
    "CounterSync",
    "Report",
    "ReportPeriod",
    "ReversalLine",
    "RewardLine",
    "StaffLine",
    "local_report",
    "local_time_zone",
    "report_csv",
    "report_from_rows",
]

HOURS_IN_A_DAY = 24


def local_time_zone() -> tzinfo:
    """This computer's time zone, with its daylight-saving rules where they can be found.

    ``TZ`` or ``/etc/localtime`` name the zone on Linux and macOS; elsewhere (or when
    neither does) the current UTC offset is used, which is exact except across a change of
    daylight-saving time within the period.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    localtime = Path("/etc/localtime")
    if localtime.is_file():
        try:
            with localtime.open("rb") as file:
                return ZoneInfo.from_file(file, key="localtime")
        except (OSError, ValueError):
            pass
    return datetime.now().astimezone().tzinfo or UTC


@dataclass(frozen=True)
class ReportPeriod:
    """A day, or a week from Monday to Sunday."""

    first_day: date
    days: int = 1

    @classmethod
    def day(cls, day: date) -> ReportPeriod:
        return cls(day, 1)

    @classmethod
    def week(cls, day: date) -> ReportPeriod:
        """The week (Monday to Sunday) that ``day`` is in."""
        return cls(day - timedelta(days=day.weekday()), 7)

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=self.days - 1)

    @property
    def is_week(self) -> bool:
        return self.days == 7

    def dates(self) -> list[date]:
        return [self.first_day + timedelta(days=n) for n in range(self.days)]

    def bounds(self, tz: tzinfo) -> tuple[datetime, datetime]:
        """The period's first and first-after moments, as UTC times."""
        start = datetime.combine(self.first_day, time.min, tzinfo=tz)
        end = datetime.combine(self.first_day + timedelta(days=self.days), time.min, tzinfo=tz)
        return start.astimezone(UTC), end.astimezone(UTC)

    def hour_starts(self, tz: tzinfo) -> list[datetime]:
        """The start of every hour of the period (23 or 25 on a day the clocks change)."""
        start, end = self.bounds(tz)
        hours: list[datetime] = []
        moment = start
        while moment < end:
            hours.append(moment)
            moment += timedelta(hours=1)
        return hours


@dataclass(frozen=True)
class StaffLine:
    #: The name shown for the staff member then; None: nobody was signed in.
    name: str | None
    handovers: int
    rewards: int


@dataclass(frozen=True)
class RewardLine:
    title: str
    count: int
    #: The cost prices of those handed over, added up; None when Piggy gave none of them
    #: one (or they were handed over before the journal recorded cost prices).
    cost_total: Decimal | None = None


@dataclass(frozen=True)
class ReversalLine:
    at: datetime
    counter: str
    reward_title: str | None
    reason: str | None
    note: str | None
    #: Who reversed it (the manager, or the cashier who undid a mis-tap).
    staff_name: str | None
    #: The points were refunded (else: the reward was put back for pickup).
    refund: bool = False


@dataclass(frozen=True)
class CounterSync:
    """How far a counter's rows reached the report's source."""

    counter: str
    #: The counter's latest row there.
    last_row_at: datetime | None
    #: When that row was copied to the shared journal; None for this counter's own journal.
    copied_at: datetime | None = None


@dataclass(frozen=True)
class Report:
    period: ReportPeriod
    tz: tzinfo
    #: True: every counter of the shop (the shared journal); False: this counter's journal.
    shop_wide: bool
    #: Hand-overs per hour of the day (0–23), the period's days added up.
    per_hour: tuple[int, ...]
    per_staff: tuple[StaffLine, ...]
    rewards: tuple[RewardLine, ...]
    reversals: tuple[ReversalLine, ...]
    counters: tuple[CounterSync, ...] = field(default=())
    #: The shop has a shared journal, but it could not be reached: this counter's figures.
    shared_unreachable: bool = False
    #: This counter's changes not yet copied to the shared journal (None: not known).
    waiting_rows: int | None = None
    #: Rewards claimed with points at the counter, and the points they spent.
    claims: int = 0
    claim_points: int = 0

    @property
    def handovers(self) -> int:
        return sum(self.per_hour)

    @property
    def rewards_handed_out(self) -> int:
        return sum(line.count for line in self.rewards)

    @property
    def cost_total(self) -> Decimal | None:
        """The cost prices of every reward handed out that has one (None: none has)."""
        known = [line.cost_total for line in self.rewards if line.cost_total is not None]
        return sum(known, Decimal(0)) if known else None

    def figures(self) -> tuple[object, ...]:
        """What the report says about the period (not where it came from, nor sync)."""
        return (
            self.period,
            self.per_hour,
            self.per_staff,
            self.rewards,
            self.reversals,
            self.claims,
            self.claim_points,
        )


def _sorted_staff(lines: Iterable[StaffLine]) -> tuple[StaffLine, ...]:
    return tuple(sorted(lines, key=lambda line: (-line.handovers, line.name or "")))


def _sorted_rewards(lines: Iterable[RewardLine]) -> tuple[RewardLine, ...]:
    return tuple(sorted(lines, key=lambda line: (-line.count, line.title)))


# SQLite's LIMIT takes a 64-bit integer: in effect, no limit.
_NO_LIMIT = 2**62


def _operations(journal: Journal, period: ReportPeriod, tz: tzinfo) -> list[Operation]:
    operations: list[Operation] = []
    for day in period.dates():
        operations += journal.recent_operations(
            day=day, kinds=(COLLECT, REVERSE, CLAIM, REFUND), limit=_NO_LIMIT, tz=tz
        )
    return operations


def local_report(journal: Journal, period: ReportPeriod, tz: tzinfo) -> Report:
    """The report of ``period`` from this counter's own journal (call on its thread)."""
    operations = _operations(journal, period, tz)
    confirmed = sorted(
        (
            op
            for op in operations
            if op.kind == COLLECT
            and op.state is OpState.CONFIRMED
            and op.refund_state is not OpState.CONFIRMED
        ),
        key=lambda op: (op.created_at, op.operation_id),
    )
    handovers: dict[str, list[Operation]] = {}
    for op in confirmed:
        handovers.setdefault(op.handover_id or op.operation_id, []).append(op)
    per_hour = [0] * HOURS_IN_A_DAY
    staff: dict[str | None, tuple[int, int]] = {}
    for collects in handovers.values():
        first = collects[0]
        per_hour[first.created_at.astimezone(tz).hour] += 1
        count, rewards = staff.get(first.staff_name, (0, 0))
        staff[first.staff_name] = (count + 1, rewards + len(collects))
    titles: dict[str, int] = {}
    costs: dict[str, Decimal] = {}
    for op in confirmed:
        title = op.reward_title or ""
        titles[title] = titles.get(title, 0) + 1
        if op.cost_price is not None:
            costs[title] = costs.get(title, Decimal(0)) + op.cost_price
    reversals = sorted(
        (op for op in operations if op.kind in (REVERSE, REFUND) and op.state is OpState.CONFIRMED),
        key=lambda op: (op.created_at, op.operation_id),
    )
    claims = [op for op in operations if op.kind == CLAIM and op.state is OpState.CONFIRMED]
    last = next(iter(journal.recent_operations(kinds=OPERATION_KINDS, limit=1)), None)
    return Report(
        period=period,
        tz=tz,
        shop_wide=False,
        per_hour=tuple(per_hour),
        per_staff=_sorted_staff(StaffLine(name, *counts) for name, counts in staff.items()),
        rewards=_sorted_rewards(
            RewardLine(title, count, costs.get(title)) for title, count in titles.items()
        ),
        reversals=tuple(
            ReversalLine(
                op.created_at,
                op.counter,
                op.reward_title,
                op.reason,
                op.note,
                op.staff_name,
                refund=op.kind == REFUND,
            )
            for op in reversals
        ),
        claims=len(claims),
        claim_points=sum(op.points or 0 for op in claims),
        # The latest operation started here and its latest change: how current this is.
        counters=(
            CounterSync(last.counter, last.updated_at)
            if last is not None
            else CounterSync("", None),
        ),
    )


def report_from_rows(
    rows: ReportRows, period: ReportPeriod, tz: tzinfo, hours: Sequence[datetime]
) -> Report:
    """The report the shared journal's aggregates (:func:`shared_report`) describe."""
    per_hour = [0] * HOURS_IN_A_DAY
    for bucket, (handovers, _rewards) in rows.per_bucket.items():
        per_hour[hours[bucket - 1].astimezone(tz).hour] += handovers
    return Report(
        period=period,
        tz=tz,
        shop_wide=True,
        per_hour=tuple(per_hour),
        per_staff=_sorted_staff(
            StaffLine(line.staff_name, line.handovers, line.rewards) for line in rows.per_staff
        ),
        rewards=_sorted_rewards(
            RewardLine(line.reward_title or "", line.rewards, line.cost_total)
            for line in rows.per_title
        ),
        reversals=tuple(
            ReversalLine(
                line.at,
                line.counter,
                line.reward_title,
                line.reason,
                line.note,
                line.staff_name,
                refund=line.refund,
            )
            for line in rows.reversals
        ),
        claims=rows.claims,
        claim_points=rows.claim_points,
        counters=tuple(
            CounterSync(head.counter, head.recorded_time, head.copied_at) for head in rows.counters
        ),
    )


async def shared_report(
    conn: psycopg.AsyncConnection[Any],
    period: ReportPeriod,
    tz: tzinfo,
    *,
    shop: str | None = None,
) -> Report:
    """The report of ``period`` for every counter of the shop, from the shared journal.

    ``conn`` is an open connection to it (a counter's login: its own shop; head office:
    the ``shop`` given).
    """
    from pos_app.storage.shared.reports import report_rows

    start, end = period.bounds(tz)
    hours = period.hour_starts(tz)
    rows = await report_rows(conn, start, end, hours, shop=shop)
    return report_from_rows(rows, period, tz, hours)


def _time(moment: datetime | None, tz: tzinfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment is not None else ""


@dataclass(frozen=True)
class CsvWords:
    """The headings of the CSV file, in the manager's language (the UI translates them)."""

    report: str = "Report"
    period: str = "Period"
    source: str = "Source"
    shop: str = "Every counter of the shop"
    this_counter: str = "This counter only"
    per_hour: str = "Hand-overs per hour"
    hour: str = "Hour"
    handovers: str = "Hand-overs"
    rewards: str = "Rewards"
    per_staff: str = "Hand-overs per staff member"
    staff: str = "Staff member"
    nobody: str = "Not signed in"
    by_title: str = "Rewards handed out"
    title: str = "Reward"
    count: str = "Handed out"
    cost: str = "Cost price"
    total: str = "Total"
    reversals: str = "Reversals"
    time: str = "Time"
    counter: str = "Counter"
    reason: str = "Reason"
    note: str = "Note"
    reversed_by: str = "Reversed by"
    taken_back_as: str = "Taken back as"
    back_for_pickup: str = "Back for pickup"
    points_refunded: str = "Points refunded"
    claims: str = "Claims at the counter"
    points_spent: str = "Points spent"
    sync: str = "Counters"
    last_row: str = "Latest change recorded"
    copied: str = "Copied to the shared journal"
    reasons: dict[str, str] = field(default_factory=dict)


def _amount(value: Decimal | None) -> str:
    # Two decimals with a point: what a spreadsheet reads as a number in any language.
    return f"{value:.2f}" if value is not None else ""


def period_text(period: ReportPeriod) -> str:
    if period.days == 1:
        return period.first_day.isoformat()
    return f"{period.first_day.isoformat()} – {period.last_day.isoformat()}"


def report_csv(report: Report, words: CsvWords | None = None) -> str:
    """The report as one CSV text: a section per table, a blank line between them.

    One file keeps a period's figures together (a spreadsheet opens it as one sheet);
    each section starts with its own heading line and column names.
    """
    words = words or CsvWords()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([words.report, words.period, period_text(report.period)])
    writer.writerow(
        [words.report, words.source, words.shop if report.shop_wide else words.this_counter]
    )
    writer.writerow([])
    writer.writerow([words.per_hour])
    writer.writerow([words.hour, words.handovers])
    for hour, count in enumerate(report.per_hour):
        writer.writerow([f"{hour:02d}:00", count])
    writer.writerow([])
    writer.writerow([words.per_staff])
    writer.writerow([words.staff, words.handovers, words.rewards])
    for line in report.per_staff:
        writer.writerow([line.name or words.nobody, line.handovers, line.rewards])
    writer.writerow([])
    writer.writerow([words.by_title])
    writer.writerow([words.title, words.count, words.cost])
    for reward in report.rewards:
        writer.writerow([reward.title, reward.count, _amount(reward.cost_total)])
    if report.rewards:
        writer.writerow([words.total, report.rewards_handed_out, _amount(report.cost_total)])
    writer.writerow([])
    writer.writerow([words.claims, words.points_spent])
    writer.writerow([report.claims, report.claim_points])
    writer.writerow([])
    writer.writerow([words.reversals])
    writer.writerow(
        [
            words.time,
            words.counter,
            words.title,
            words.taken_back_as,
            words.reason,
            words.note,
            words.reversed_by,
        ]
    )
    for reversal in report.reversals:
        reason = words.reasons.get(reversal.reason or "", reversal.reason or "")
        writer.writerow(
            [
                _time(reversal.at, report.tz),
                reversal.counter,
                reversal.reward_title or "",
                words.points_refunded if reversal.refund else words.back_for_pickup,
                reason,
                reversal.note or "",
                reversal.staff_name or words.nobody,
            ]
        )
    writer.writerow([])
    writer.writerow([words.sync])
    writer.writerow([words.counter, words.last_row, words.copied])
    for counter in report.counters:
        writer.writerow(
            [
                counter.counter,
                _time(counter.last_row_at, report.tz),
                _time(counter.copied_at, report.tz),
            ]
        )
    return out.getvalue()
