"""The words of a report, in the manager's language: on screen, in the PDF and the CSV."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale

from pos_app.services.reports import CsvWords, Report, ReportPeriod, ReversalLine
from pos_app.storage import ReverseReason
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.reverse_dialog import reason_text
from pos_app.ui.plurals import english_plural

__all__ = [
    "amount_text",
    "csv_words",
    "period_heading",
    "reversal_cells",
    "reversal_headers",
    "reward_headers",
    "reward_rows",
    "source_text",
    "staff_name",
    "summary_text",
    "sync_text",
    "taken_back_text",
]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def period_heading(period: ReportPeriod, locale: QLocale | None = None) -> str:
    """ "Monday 11 May 2026", or "11 May – 17 May 2026" for a week."""
    locale = locale if locale is not None else QLocale()
    day = day_format(locale)
    if not period.is_week:
        return locale.toString(_qdate(period.first_day), f"dddd {day} MMMM yyyy")
    first = locale.toString(_qdate(period.first_day), f"{day} MMMM")
    last = locale.toString(_qdate(period.last_day), f"{day} MMMM yyyy")
    return f"{first} – {last}"


def day_format(locale: QLocale) -> str:
    """The day of the month as the language writes it: "d", or "d." in German."""
    # As the locale's long date format shows it ("d. MMMM yyyy"): no list of languages.
    long = locale.dateFormat(QLocale.FormatType.LongFormat)
    return "d." if re.search(r"(?<![d'])d\.", long) else "d"


def summary_text(report: Report) -> str:
    """ "7 hand-overs · 8 rewards · 2 reversals", and the claims at the counter if any:
    "· 2 claims at the counter (650 points)"."""
    handovers = english_plural(
        _tr("%n hand-over(s)", None, report.handovers),
        report.handovers,
        "hand-over(s)",
        "hand-over",
        "hand-overs",
    )
    rewards = english_plural(
        _tr("%n reward(s)", None, report.rewards_handed_out),
        report.rewards_handed_out,
        "reward(s)",
        "reward",
        "rewards",
    )
    count = len(report.reversals)
    reversals = english_plural(
        _tr("%n reversal(s)", None, count), count, "reversal(s)", "reversal", "reversals"
    )
    summary = f"{handovers} · {rewards} · {reversals}"
    if report.claims:
        claims = english_plural(
            _tr("%n claim(s) at the counter ({points} points)", None, report.claims),
            report.claims,
            "claim(s)",
            "claim",
            "claims",
        ).format(points=QLocale().toString(report.claim_points))
        summary += f" · {claims}"
    return summary


def source_text(report: Report) -> str:
    if report.shop_wide:
        return _tr("Every counter of the shop")
    return _tr("This counter only")


def staff_name(name: str | None) -> str:
    return name or _tr("Not signed in")


def _time(moment: datetime | None, report: Report, *, with_day: bool) -> str:
    if moment is None:
        return _tr("none yet")
    local = moment.astimezone(report.tz)
    if with_day:
        locale = QLocale()
        day = locale.toString(_qdate(local.date()), f"ddd {day_format(locale)} MMM")
        return f"{day} {local:%H:%M}"
    return f"{local:%H:%M}"


def amount_text(value: Decimal | None) -> str:
    """A cost total in the manager's number format ("9.00", "9,00"); "—" when unknown."""
    if value is None:
        return "—"
    return QLocale().toString(float(value), "f", 2)


def reward_headers() -> list[str]:
    return [_tr("Reward"), _tr("Handed out"), _tr("Cost price")]


def reward_rows(report: Report) -> list[list[str]]:
    """A line per title and, when there is any, the total line."""
    rows = [[line.title, str(line.count), amount_text(line.cost_total)] for line in report.rewards]
    if rows:
        rows.append([_tr("Total"), str(report.rewards_handed_out), amount_text(report.cost_total)])
    return rows


def reversal_headers() -> list[str]:
    return [
        _tr("Time"),
        _tr("Counter"),
        _tr("Reward"),
        _tr("Taken back as"),
        _tr("Reason"),
        _tr("Note"),
        _tr("Reversed by"),
    ]


def taken_back_text(line: ReversalLine) -> str:
    """What taking the reward back meant: back for pickup, or its points refunded."""
    return _tr("Points refunded") if line.refund else _tr("Back for pickup")


def reversal_cells(line: ReversalLine, report: Report) -> list[str]:
    return [
        _time(line.at, report, with_day=report.period.is_week),
        line.counter,
        line.reward_title or "",
        taken_back_text(line),
        reason_text(line.reason) if line.reason else "",
        line.note or "",
        staff_name(line.staff_name),
    ]


def sync_text(report: Report, now: datetime) -> str:
    """One line: how up to date the report's source is, counter by counter."""
    if not report.shop_wide:
        (counter,) = report.counters or (None,)
        latest = counter.last_row_at if counter is not None else None
        time = _time(latest, report, with_day=latest is not None and _other_day(latest, now))
        if report.shared_unreachable:
            return _tr(
                "The shared journal cannot be reached right now: these are this counter's "
                "own figures (latest change recorded {time})."
            ).format(time=time)
        return _tr(
            "This counter's own journal (no shared journal): latest change recorded {time}."
        ).format(time=time)
    if not report.counters:
        return _tr("Shared journal: no counter has copied anything yet.")
    parts = [
        _tr("{counter}: up to {time}").format(
            counter=counter.counter,
            time=_time(
                counter.last_row_at,
                report,
                with_day=counter.last_row_at is not None and _other_day(counter.last_row_at, now),
            ),
        )
        for counter in report.counters
    ]
    if report.waiting_rows:
        parts.append(
            english_plural(
                _tr("this counter: %n change(s) waiting to be copied", None, report.waiting_rows),
                report.waiting_rows,
                "change(s)",
                "change",
                "changes",
            )
        )
    return _tr("Shared journal — {counters}").format(counters=" · ".join(parts))


def _other_day(moment: datetime, now: datetime) -> bool:
    return moment.astimezone(now.tzinfo).date() != now.date()


def csv_words() -> CsvWords:
    return CsvWords(
        report=_tr("Report"),
        period=_tr("Period"),
        source=_tr("Source"),
        shop=_tr("Every counter of the shop"),
        this_counter=_tr("This counter only"),
        per_hour=_tr("Hand-overs per hour"),
        hour=_tr("Hour"),
        handovers=_tr("Hand-overs"),
        rewards=_tr("Rewards"),
        per_staff=_tr("Hand-overs per staff member"),
        staff=_tr("Staff member"),
        nobody=_tr("Not signed in"),
        by_title=_tr("Rewards handed out"),
        title=_tr("Reward"),
        count=_tr("Handed out"),
        cost=_tr("Cost price"),
        total=_tr("Total"),
        reversals=_tr("Reversals"),
        time=_tr("Time"),
        counter=_tr("Counter"),
        reason=_tr("Reason"),
        note=_tr("Note"),
        reversed_by=_tr("Reversed by"),
        taken_back_as=_tr("Taken back as"),
        back_for_pickup=_tr("Back for pickup"),
        points_refunded=_tr("Points refunded"),
        claims=_tr("Claims at the counter"),
        points_spent=_tr("Points spent"),
        sync=_tr("Counters"),
        last_row=_tr("Latest change recorded"),
        copied=_tr("Copied to the shared journal"),
        reasons={reason.value: reason_text(reason) for reason in ReverseReason},
    )
