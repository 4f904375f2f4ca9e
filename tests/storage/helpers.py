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


def cut_rows_after(path: Path, keep: int) -> None:
    """Remove every row after the first ``keep``, as a tool outside the app could."""
    conn = raw_connection(path)
    try:
        conn.execute("DROP TRIGGER journal_no_delete")
        conn.execute("DELETE FROM journal WHERE id > ?", (keep,))
    finally:
        conn.close()


def damage_index_page(path: Path, length: int = 64) -> int:
    """Flip ``length`` bytes of the cells of the middle index leaf page; returns its number.

    The hash chain is read through the table alone, so only SQLite's own checks can notice
    damage to an index; every later insert needs the index, though. Deterministic: the page
    is picked by its type byte and the bytes flipped are the first of its cell content area.
    """
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if size == 1 else size
    # Page 1 starts with the 100-byte file header; index leaf pages have type 0x0A.
    leaves = [n for n in range(2, len(data) // page_size + 1) if data[(n - 1) * page_size] == 10]
    assert leaves, "no index leaf page in the file"
    page = leaves[len(leaves) // 2]
    start = (page - 1) * page_size
    content = int.from_bytes(data[start + 5 : start + 7], "big") or 65536
    offset = start + min(content, page_size - length)
    for i in range(offset, offset + length):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return page


def make_damaged_journal(path: Path) -> None:
    """A journal of 400 rows (200 pickups) with 64 flipped bytes in an index page."""
    with Journal.open(path, shop_uuid=SHOP, counter=COUNTER) as journal:
        for n in range(1, 201):
            collect(journal, n)
    damage_index_page(path)
