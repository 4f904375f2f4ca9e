"""Format 7 of the journal: the reward's cost price, as Piggy gave it, on each collect."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.storage import Journal
from pos_app.storage.schema import JOURNAL
from pos_app.storage.sqlite import migrate
from tests.storage.helpers import COUNTER, SHOP, FakeClock, collect, raw_connection

#: The format before cost prices were recorded.
BEFORE_COST_PRICES = 6


def test_a_collect_keeps_its_cost_price_and_the_chain_covers_it(journal: Journal) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa",
        loyalty_transaction_uuid="lt-1",
        reward_title="Tote bag",
        cost_price=Decimal("4.50"),
    )
    confirmed = journal.confirm(op.operation_id, redemption_uuid="red-1")
    assert confirmed.cost_price == Decimal("4.50")
    assert {entry.cost_price for entry in journal.history(op.operation_id)} == {"4.50", None}
    assert journal.verify().ok


def test_a_reward_without_a_cost_price_has_none(journal: Journal) -> None:
    op = journal.begin_collect(
        customer_uuid="contact-aaaa", loyalty_transaction_uuid="lt-1", reward_title="Mug"
    )
    assert op.cost_price is None


@pytest.mark.parametrize("bad", [Decimal("-1"), Decimal("NaN"), Decimal("Infinity")])
def test_a_cost_price_must_be_a_real_amount(journal: Journal, bad: Decimal) -> None:
    with pytest.raises(ValueError, match="cost price"):
        journal.begin_collect(
            customer_uuid="contact-aaaa",
            loyalty_transaction_uuid="lt-1",
            reward_title="Mug",
            cost_price=bad,
        )
    assert journal.count() == 0


def test_rows_from_before_the_cost_price_still_verify(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    conn = raw_connection(journal_path)
    assert migrate(conn, JOURNAL, path=journal_path, target=BEFORE_COST_PRICES) > 0
    clock = FakeClock()
    old = Journal(conn, path=journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock)
    before = collect(old, 1)
    old.close()

    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as journal:
        assert journal.operation(before.operation_id).cost_price is None
        op = journal.begin_collect(
            customer_uuid="c",
            loyalty_transaction_uuid="lt-2",
            reward_title="Tote bag",
            cost_price=Decimal("2"),
        )
        assert op.cost_price == Decimal("2")
        result = journal.verify()
    assert (result.ok, result.rows_checked) == (True, 3)


def test_the_cost_price_is_part_of_the_hash_chain(journal: Journal, journal_path: Path) -> None:
    op = journal.begin_collect(
        customer_uuid="c",
        loyalty_transaction_uuid="lt-1",
        reward_title="Tote bag",
        cost_price=Decimal("4.50"),
    )
    with raw_connection(journal_path) as conn:
        conn.execute("DROP TRIGGER journal_no_update")
        conn.execute(
            "UPDATE journal SET cost_price = '0.50' WHERE operation_id = ?", (op.operation_id,)
        )
    conn.close()
    assert not journal.verify().ok
