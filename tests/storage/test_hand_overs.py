"""One code per hand-over: format 5 of the journal records each collect's hand-over."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.storage import Journal, UnknownOperationError
from pos_app.storage.schema import JOURNAL
from pos_app.storage.sqlite import migrate
from tests.storage.helpers import COUNTER, SHOP, FakeClock, collect, raw_connection

#: The format before hand-overs were recorded.
BEFORE_HAND_OVERS = 4


def _hand_over(journal: Journal, titles: list[str], start: int = 1) -> list[str]:
    """Collect ``titles`` as one hand-over (all confirmed); their operation ids."""
    first: str | None = None
    ids = []
    for n, title in enumerate(titles, start=start):
        op = journal.begin_collect(
            customer_uuid="contact-aaaa",
            loyalty_transaction_uuid=f"lt-{n}",
            reward_title=title,
            handover_id=first,
        )
        first = first or op.operation_id
        journal.confirm(op.operation_id, redemption_uuid=f"red-{n}")
        ids.append(op.operation_id)
    return ids


def test_the_rewards_of_one_hand_over_share_its_first_collects_code(journal: Journal) -> None:
    collect(journal, 9, title="Someone else's mug")
    ids = _hand_over(journal, ["Coffee mug", "Tea towel", "Umbrella"])
    first = journal.operation(ids[0])
    assert first.handover_id == ids[0]
    assert first.reference is not None
    assert first.handover_reference == first.reference
    for operation_id in ids:
        op = journal.operation(operation_id)
        assert op.handover_reference == first.reference
        # Every row of the operation says so.
        assert {e.handover_id for e in journal.history(operation_id)} == {ids[0]}
    members = journal.hand_over(ids[1])
    assert [op.reward_title for op in members] == ["Coffee mug", "Tea towel", "Umbrella"]
    # The slip's one code lists the whole hand-over, and only it.
    found = journal.recent_operations(text=first.reference.lower())
    assert sorted(op.operation_id for op in found) == sorted(ids)
    assert journal.verify().ok


def test_a_single_collect_is_a_hand_over_of_its_own(journal: Journal) -> None:
    op = collect(journal, 1)
    assert op.handover_reference == op.reference
    assert [o.operation_id for o in journal.hand_over(op.operation_id)] == [op.operation_id]


def test_a_hand_over_must_name_an_existing_collect(journal: Journal) -> None:
    with pytest.raises(UnknownOperationError):
        journal.begin_collect(
            customer_uuid="contact-aaaa",
            loyalty_transaction_uuid="lt-1",
            reward_title="Mug",
            handover_id="00000000-0000-4000-8000-000000000000",
        )
    assert journal.count() == 0


def test_an_older_journal_is_upgraded_its_pickups_each_their_own_hand_over(
    journal_path: Path, clock: FakeClock
) -> None:
    journal_path.parent.mkdir(parents=True)
    conn = raw_connection(journal_path)
    assert migrate(conn, JOURNAL, path=journal_path, target=BEFORE_HAND_OVERS) > 0
    old = Journal(conn, path=journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock)
    before = [collect(old, n).operation_id for n in (1, 2)]
    old.close()

    with Journal.open(journal_path, shop_uuid=SHOP, counter=COUNTER, clock=clock) as journal:
        for operation_id in before:
            op = journal.operation(operation_id)
            assert op.handover_id == operation_id
            assert op.handover_reference == op.reference
            assert [o.operation_id for o in journal.hand_over(operation_id)] == [operation_id]
        ids = _hand_over(journal, ["Tote bag", "Cap"], start=3)
        assert [o.operation_id for o in journal.hand_over(ids[0])] == ids
        result = journal.verify()
    assert (result.ok, result.rows_checked) == (True, 8)
    with Journal.open_read_only(journal_path) as reader:
        assert reader.verify().ok


def test_the_hand_over_is_part_of_the_hash_chain(journal: Journal, journal_path: Path) -> None:
    ids = _hand_over(journal, ["Coffee mug", "Tea towel"])
    with raw_connection(journal_path) as conn:
        conn.execute("DROP TRIGGER journal_no_update")
        conn.execute("UPDATE journal SET handover_id = NULL WHERE operation_id = ?", (ids[1],))
    conn.close()
    result = journal.verify()
    assert (result.ok, result.broken_row_id) == (False, 3)
