"""Shared values and shortcuts for the journal tests."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos_app.storage import Journal, Operation, StaffRef

SHOP = "shop-0001"
COUNTER = "Counter 1"
CASHIER = StaffRef(profile_id="staff-ann", name="Ann Cashier")
MANAGER = StaffRef(profile_id="staff-max", name="Max Manager")


class FakeClock:
    """A clock that moves one second forward on every reading, so rows get distinct times."""

    def __init__(self, start: datetime = datetime(2026, 5, 9, 9, 0, tzinfo=UTC)) -> None:
        self.now = start
        self.step = timedelta(seconds=1)

    def __call__(self) -> datetime:
        current = self.now
        self.now += self.step
        return current


def collect(
    journal: Journal,
    n: int = 1,
    *,
    title: str = "Coffee mug",
    customer: str = "contact-aaaa",
    staff: StaffRef | None = CASHIER,
) -> Operation:
    """Begin and confirm the collect of loyalty transaction ``lt-<n>`` (redemption ``red-<n>``)."""
    op = journal.begin_collect(
        customer_uuid=customer,
        loyalty_transaction_uuid=f"lt-{n}",
        reward_title=title,
        staff=staff,
    )
    return journal.confirm(op.operation_id, redemption_uuid=f"red-{n}")


def raw_connection(path: Path) -> sqlite3.Connection:
    """A plain connection that bypasses the journal, for tampering and inspection."""
    return sqlite3.connect(path, isolation_level=None)
