"""A known day of pickups for the report tests: several staff, hours, titles, reversals.

Written into a counter's local journal at chosen local times (Europe/Amsterdam, UTC+2 in
May); :data:`EXPECTED_DAY` is what the report of :data:`DAY` must say.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from pos_app.storage import Journal, Operation, ReverseReason, StaffRef

TZ = ZoneInfo("Europe/Amsterdam")
#: A Monday.
DAY = date(2026, 5, 11)
ANN = StaffRef("staff-ann", "Ann Cashier")
BEN = StaffRef("staff-ben", "Ben Cashier")
MAX = StaffRef("staff-max", "Max Manager")
#: The cost prices Piggy gives (none for the mug).
COST_PRICES = {"Tote bag": Decimal("4.50"), "Scarf": Decimal("12.00")}


class SettableClock:
    """A clock set to each operation's moment; one second passes per reading."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 1, 8, 0, tzinfo=TZ)

    def at(self, day: date, hour: int, minute: int, second: int = 0) -> None:
        self.now = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=TZ)

    def __call__(self) -> datetime:
        current = self.now
        self.now += timedelta(seconds=1)
        return current


class Pickups:
    def __init__(self, journal: Journal, clock: SettableClock) -> None:
        self.journal = journal
        self.clock = clock
        self._n = 0

    def hand_over(
        self, staff: StaffRef, titles: list[str], *, fail_last: bool = False
    ) -> list[Operation]:
        handover: str | None = None
        done: list[Operation] = []
        for index, title in enumerate(titles):
            self._n += 1
            op = self.journal.begin_collect(
                customer_uuid="contact-aaaa",
                loyalty_transaction_uuid=f"lt-{self._n}",
                reward_title=title,
                handover_id=handover,
                cost_price=COST_PRICES.get(title),
                staff=staff,
            )
            handover = handover or op.operation_id
            if fail_last and index == len(titles) - 1:
                done.append(self.journal.fail(op.operation_id, code=80300, message="expired"))
            else:
                done.append(self.journal.confirm(op.operation_id, redemption_uuid=f"red-{self._n}"))
        return done

    def reverse(
        self, collect: Operation, staff: StaffRef, reason: ReverseReason, note: str | None = None
    ) -> Operation:
        op = self.journal.begin_reverse(
            collect_operation_id=collect.operation_id, reason=reason, note=note, staff=staff
        )
        return self.journal.confirm(op.operation_id)

    def refund(
        self, collect: Operation, staff: StaffRef, reason: ReverseReason, note: str | None = None
    ) -> Operation:
        op = self.journal.begin_refund(
            collect_operation_id=collect.operation_id, reason=reason, note=note, staff=staff
        )
        return self.journal.confirm(op.operation_id, redemption_uuid=f"credit-{self._n}")

    def claim(self, staff: StaffRef, title: str, points: int) -> Operation:
        self._n += 1
        op = self.journal.begin_claim(
            customer_uuid="contact-aaaa",
            reward_uuid=f"reward-{self._n}",
            reward_title=title,
            points=points,
            staff=staff,
        )
        return self.journal.confirm(
            op.operation_id, loyalty_transaction_uuid=f"lt-{self._n}", points=points
        )


def write_refund_and_claims(journal: Journal, clock: SettableClock) -> None:
    """On :data:`DAY`, after :func:`write_known_days`: a hand-over whose points were
    refunded, and two claims at the counter (one refused)."""
    pickups = Pickups(journal, clock)
    clock.at(DAY, 16, 0)
    (scarf,) = pickups.hand_over(BEN, ["Scarf"])
    clock.at(DAY, 16, 30)
    pickups.refund(scarf, MAX, ReverseReason.DAMAGED, "Stained")
    clock.at(DAY, 17, 0)
    pickups.claim(ANN, "Tote bag", 250)
    clock.at(DAY, 17, 10)
    pickups.claim(BEN, "Scarf", 400)
    refused = journal.begin_claim(
        customer_uuid="contact-aaaa",
        reward_uuid="reward-x",
        reward_title="Scarf",
        points=400,
        staff=BEN,
    )
    journal.fail(refused.operation_id, code=1012, message="Insufficient credits")


def write_known_days(journal: Journal, clock: SettableClock) -> None:
    """The pickups of :data:`DAY` and around it."""
    pickups = Pickups(journal, clock)
    day_before, day_after = DAY - timedelta(days=1), DAY + timedelta(days=1)
    clock.at(day_before, 23, 59, 58)
    pickups.hand_over(BEN, ["Coffee mug"])  # the day before: not in DAY's report
    clock.at(DAY, 0, 0, 0)
    pickups.hand_over(BEN, ["Coffee mug"])
    clock.at(DAY, 9, 15)
    pickups.hand_over(ANN, ["Coffee mug", "Tote bag"])
    clock.at(DAY, 9, 40)
    pickups.hand_over(BEN, ["Coffee mug"])
    clock.at(DAY, 10, 5)
    pickups.hand_over(ANN, ["Scarf"])
    clock.at(DAY, 13, 30)
    (tote,) = pickups.hand_over(BEN, ["Tote bag"])
    clock.at(DAY, 13, 45)
    pickups.reverse(tote, MAX, ReverseReason.DAMAGED, "Torn seam")
    clock.at(DAY, 14, 10)
    pickups.hand_over(ANN, ["Scarf"], fail_last=True)  # refused: nothing handed over
    clock.at(DAY, 15, 0)
    (mug,) = pickups.hand_over(ANN, ["Coffee mug"])
    pickups.reverse(mug, ANN, ReverseReason.MIS_TAP)
    clock.at(DAY, 23, 59, 0)
    pickups.hand_over(ANN, ["Coffee mug"])
    clock.at(day_after, 0, 0, 0)
    pickups.hand_over(BEN, ["Coffee mug"])  # the next day


#: Hand-overs per hour of DAY.
EXPECTED_PER_HOUR = {0: 1, 9: 2, 10: 1, 13: 1, 15: 1, 23: 1}
