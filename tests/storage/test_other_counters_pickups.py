"""A pickup made at another counter of the shop, reversed at this one: this journal has
only the reversal's rows, and knows the pickup as the shop journal hands it over."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pos_app.storage import (
    AlreadyReversedError,
    Journal,
    OperationInProgressError,
    OpState,
    ReverseReason,
    UnknownOperationError,
)
from tests.storage.helpers import MANAGER, SHOP, collect


def two_counters(tmp_path: Path) -> tuple[Journal, Journal]:
    return (
        Journal.open(tmp_path / "one.sqlite3", shop_uuid=SHOP, counter="Counter 1"),
        Journal.open(tmp_path / "two.sqlite3", shop_uuid=SHOP, counter="Counter 2"),
    )


def test_a_reversal_of_another_counters_pickup_is_journaled_here(tmp_path: Path) -> None:
    one, two = two_counters(tmp_path)
    with one, two:
        handed = collect(one, 1)
        # Without the pickup as the shop journal has it, this journal knows nothing of it.
        with pytest.raises(UnknownOperationError):
            two.begin_reverse(collect_operation_id=handed.operation_id, reason="returned")

        reverse = two.begin_reverse(
            collect_operation_id=handed.operation_id,
            reason=ReverseReason.RETURNED,
            staff=MANAGER,
            known_collect=handed,
        )
        assert (reverse.state, reverse.counter, reverse.reverses_operation_id) == (
            OpState.PENDING,
            "Counter 2",
            handed.operation_id,
        )
        assert reverse.redemption_uuid == handed.redemption_uuid
        # While it is on its way, nothing else is started for it here.
        with pytest.raises(OperationInProgressError):
            two.begin_reverse(
                collect_operation_id=handed.operation_id, reason="returned", known_collect=handed
            )
        two.confirm(reverse.operation_id)
        known = two.collect_as_known(handed)
        assert known.is_reversed
        assert (known.reversal_operation_id, known.reversal_staff_name) == (
            reverse.operation_id,
            MANAGER.name,
        )
        with pytest.raises(AlreadyReversedError):
            two.begin_reverse(
                collect_operation_id=handed.operation_id, reason="returned", known_collect=handed
            )
        # Counter 1's journal is untouched; both chains verify.
        assert not one.operation(handed.operation_id).is_reversed
        assert one.verify().ok
        assert two.verify().ok


def test_a_pickup_reversed_elsewhere_is_known_reversed_here_too(tmp_path: Path) -> None:
    one, two = two_counters(tmp_path)
    with one, two:
        handed = collect(one, 1)
        reverse = two.begin_reverse(
            collect_operation_id=handed.operation_id, reason="damaged", known_collect=handed
        )
        two.confirm(reverse.operation_id)
        # As the shop journal hands counter 1 its own pickup: reversed at counter 2.
        from_the_shop = replace(
            handed,
            reversal_operation_id=reverse.operation_id,
            reversal_state=OpState.CONFIRMED,
            reversal_reason="damaged",
        )
        known = one.collect_as_known(from_the_shop)
        assert known.is_reversed
        assert known.reversal_reason == "damaged"
        with pytest.raises(AlreadyReversedError):
            one.begin_reverse(
                collect_operation_id=handed.operation_id,
                reason="returned",
                known_collect=from_the_shop,
            )
        # Its own rows still say what counter 1 did.
        assert one.collect_as_known(handed) == one.operation(handed.operation_id)
