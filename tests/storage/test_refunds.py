"""Refunds of a returned reward's points: a third kind of operation on a collect."""

from __future__ import annotations

import pytest

from pos_app.storage import (
    REFUND,
    AlreadyRefundedError,
    Journal,
    NotReversibleError,
    OperationInProgressError,
    OpState,
    ReverseReason,
)
from tests.storage.helpers import MANAGER, collect


def test_a_refund_is_journaled_against_its_collect(journal: Journal) -> None:
    pickup = collect(journal)
    refund = journal.begin_refund(
        collect_operation_id=pickup.operation_id,
        reason=ReverseReason.DAMAGED,
        note="box torn",
        staff=MANAGER,
    )
    assert refund.kind == REFUND
    assert refund.state is OpState.PENDING
    assert refund.reverses_operation_id == pickup.operation_id
    assert refund.loyalty_transaction_uuid == pickup.loyalty_transaction_uuid
    assert (refund.reason, refund.note, refund.staff_name) == ("damaged", "box torn", MANAGER.name)
    assert journal.operation(pickup.operation_id).refund_state is OpState.PENDING

    journal.confirm(refund.operation_id, redemption_uuid="credit-reception-1")
    folded = journal.operation(pickup.operation_id)
    assert folded.is_refunded
    assert (folded.refund_reason, folded.refund_staff_name) == ("damaged", MANAGER.name)
    # A refund is not a reversal of the collection: the collect's own reversal is untouched.
    assert folded.reversal_operation_id is None
    assert journal.verify().ok


def test_a_refund_waits_for_an_unfinished_refund_or_reverse(journal: Journal) -> None:
    pickup = collect(journal)
    refund = journal.begin_refund(
        collect_operation_id=pickup.operation_id, reason="returned", staff=MANAGER
    )
    with pytest.raises(OperationInProgressError) as busy:
        journal.begin_refund(collect_operation_id=pickup.operation_id, reason="returned")
    assert busy.value.operation_id == refund.operation_id
    # Nor may the collection be reversed meanwhile: whether the reward is collected decides
    # what the server does with the refund.
    with pytest.raises(OperationInProgressError):
        journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
    journal.mark_unknown(refund.operation_id, detail="timeout")
    with pytest.raises(OperationInProgressError):
        journal.begin_refund(collect_operation_id=pickup.operation_id, reason="returned")

    other = collect(journal, 2)
    reverse = journal.begin_reverse(collect_operation_id=other.operation_id, reason="returned")
    with pytest.raises(OperationInProgressError) as busy:
        journal.begin_refund(collect_operation_id=other.operation_id, reason="returned")
    assert busy.value.operation_id == reverse.operation_id


def test_a_failed_refund_can_be_tried_again_and_a_confirmed_one_not(journal: Journal) -> None:
    pickup = collect(journal)
    first = journal.begin_refund(collect_operation_id=pickup.operation_id, reason="returned")
    journal.fail(first.operation_id, code=1003, message="Invalid input.")
    assert journal.operation(pickup.operation_id).refund_state is None
    second = journal.begin_refund(collect_operation_id=pickup.operation_id, reason="returned")
    journal.confirm(second.operation_id)
    with pytest.raises(AlreadyRefundedError) as done:
        journal.begin_refund(collect_operation_id=pickup.operation_id, reason="returned")
    assert done.value.refund_operation_id == second.operation_id
    # Refunded points and the reward put back to pick up would give it away twice.
    with pytest.raises(NotReversibleError):
        journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")


def test_a_reversed_collect_can_still_be_refunded(journal: Journal) -> None:
    pickup = collect(journal)
    reverse = journal.begin_reverse(collect_operation_id=pickup.operation_id, reason="returned")
    journal.confirm(reverse.operation_id)
    refund = journal.begin_refund(collect_operation_id=pickup.operation_id, reason="returned")
    journal.confirm(refund.operation_id)
    folded = journal.operation(pickup.operation_id)
    assert folded.is_reversed
    assert folded.is_refunded


def test_refund_refusals_write_nothing(journal: Journal) -> None:
    pending = journal.begin_collect(
        customer_uuid="c", loyalty_transaction_uuid="lt-9", reward_title="Mug"
    )
    rows = journal.count()
    with pytest.raises(NotReversibleError):
        journal.begin_refund(collect_operation_id=pending.operation_id, reason="returned")
    pickup = collect(journal, 2)
    rows = journal.count()
    with pytest.raises(ValueError, match="needs a note"):
        journal.begin_refund(collect_operation_id=pickup.operation_id, reason="other")
    with pytest.raises(ValueError, match="reason must be one of"):
        journal.begin_refund(collect_operation_id=pickup.operation_id, reason="lost")
    assert journal.count() == rows
