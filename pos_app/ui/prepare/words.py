"""What the To prepare page, the pick list and the counter's rows say about a claim."""

from __future__ import annotations

from datetime import datetime

from pos_app.services.to_prepare import PrepareGroup, PrepareItem, ShelfMark
from pos_app.ui.dialogs.pin_entry import format_clock_time
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.rewards.model import attribute_label, format_short_date


def when_text(moment: datetime, now: datetime) -> str:
    """ "14:05" today, "12 Nov 14:05" on another day."""
    clock = format_clock_time(moment)
    if moment.astimezone().date() == now.astimezone().date():
        return clock
    return _tr("{date} {time}").format(date=format_short_date(moment, with_year=False), time=clock)


def moment_text(moment: datetime) -> str:
    """ "12 Nov 2026, 14:05"."""
    return _tr("{date}, {time}").format(
        date=format_short_date(moment), time=format_clock_time(moment)
    )


def group_title(group: PrepareGroup) -> str:
    """ "Shop mug ×7" (the count also for one: the pick list counts)."""
    return _tr("{title} ×{n}").format(title=group.reward_title or "—", n=len(group.items))


def attributes_line(attributes: tuple[tuple[str, str], ...]) -> str:
    """ "Size M · Colour blue"."""
    return " · ".join(
        _tr("{name} {value}").format(name=attribute_label(name), value=value)
        for name, value in attributes
    )


def date_text(moment: datetime | None, *, with_year: bool = True) -> str:
    return format_short_date(moment, with_year=with_year) if moment is not None else "—"


def expiry_text(moment: datetime | None, *, with_year: bool = True) -> str:
    if moment is None:
        return _tr("No expiry")
    return format_short_date(moment, with_year=with_year)


def mark_text(mark: ShelfMark, now: datetime) -> str:
    """ "14:05 · Casey": when and by whom it was put on the shelf."""
    return _tr("{when} · {who}").format(when=when_text(mark.marked_at, now), who=mark.by)


def ready_text(mark: ShelfMark, now: datetime) -> str:
    """The counter's row: "Ready on the shelf since 14:05 (Casey)"."""
    return _tr("Ready on the shelf since {when} ({who})").format(
        when=when_text(mark.marked_at, now), who=mark.by
    )


def group_ready_text(group: PrepareGroup, marks: dict[str, ShelfMark]) -> str:
    ready = sum(1 for item in group.items if item.loyalty_transaction_uuid in marks)
    if not ready:
        return ""
    if ready == len(group.items):
        return _tr("All ready")
    return _tr("{ready} of {n} ready").format(ready=ready, n=len(group.items))


def item_tooltip(item: PrepareItem, mark: ShelfMark | None, now: datetime) -> str:
    lines = [item.reward_title]
    if attributes := attributes_line(item.attributes):
        lines.append(attributes)
    lines.append(_tr("Customer: {name}").format(name=item.customer_label))
    lines.append(_tr("Claimed {date}").format(date=date_text(item.claimed_at)))
    lines.append(_tr("Expires: {date}").format(date=expiry_text(item.expires_at)))
    if mark is not None:
        lines.append(ready_text(mark, now))
    return "\n".join(lines)
