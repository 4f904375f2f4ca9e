"""The return's choice in the reverse dialog, and refunded pickups in the Recent pickups
table (no server needed)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime
from typing import cast

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.modeltest import ModelTester

from pos_app.services.pickup import Reconciled
from pos_app.services.staff import PinCheck, PinOutcome, Role, StaffProfile, StaffService
from pos_app.storage import REFUND, Operation, OpState, ReverseReason, StaffRef
from pos_app.ui.async_support import await_dialog
from pos_app.ui.managers.pickups_table import (
    PickupColumn,
    RecentPickupsModel,
    can_refund,
    can_reprint,
    can_reverse,
)
from pos_app.ui.managers.refund_words import describe_reconciled_refunds
from pos_app.ui.managers.reverse_dialog import ReturnAction, ReverseDialog
from tests.helpers import wait_until
from tests.helpers.rows import journal_row

MANAGER = StaffProfile(
    profile_id="p-max",
    name="Max Manager",
    role=Role.MANAGER,
    active=True,
    created_at=datetime(2026, 5, 1, tzinfo=UTC),
)


class _AnyPinIsTheManagers:
    async def verify_manager_pin(self, pin: str, *, asked_by: StaffRef | None = None) -> PinCheck:
        return PinCheck(PinOutcome.ACCEPTED, profile=MANAGER)


def _refunded(n: int, *, reversal: OpState | None = None) -> Operation:
    return replace(
        journal_row(n, OpState.CONFIRMED, reversal=reversal),
        refund_operation_id=f"refund-{n}",
        refund_state=OpState.CONFIRMED,
        refund_reason="wrong_item",
        refund_staff_name="Max Manager",
    )


async def _accepted(dialog: ReverseDialog) -> None:
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    QTest.keyClicks(dialog.pin.field, "246810")
    dialog.confirm_button.click()
    assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Accepted


@pytest.mark.asyncio
async def test_the_manager_chooses_what_the_return_means() -> None:
    staff = cast(StaffService, _AnyPinIsTheManagers())
    dialog = ReverseDialog(journal_row(1, OpState.CONFIRMED), staff, refund=True)
    try:
        put_back = dialog.action_buttons[ReturnAction.PUT_BACK]
        refund = dialog.action_buttons[ReturnAction.REFUND]
        # Today's meaning stays the one chosen unless the manager says otherwise.
        assert put_back.isChecked()
        assert put_back.text() == "Put it back for pickup"
        assert refund.text() == "Refund the points"
        assert dialog.question.text() == "Reward 1 came back: what does the return mean?"
        assert "points are not refunded" not in dialog.details.text()
        assert dialog.confirm_button.text() == "Reverse"
        dialog.choose_action(ReturnAction.REFUND)
        assert dialog.confirm_button.text() == "Refund"
        dialog.choose(ReverseReason.DAMAGED)
        await _accepted(dialog)
        assert dialog.action is ReturnAction.REFUND
        assert dialog.reason is ReverseReason.DAMAGED
        assert dialog.approved_by == MANAGER
    finally:
        dialog.deleteLater()


@pytest.mark.asyncio
async def test_without_refunds_the_dialog_is_as_before() -> None:
    staff = cast(StaffService, _AnyPinIsTheManagers())
    dialog = ReverseDialog(journal_row(1, OpState.CONFIRMED), staff)
    try:
        assert dialog.action_buttons == {}
        assert dialog.details.text().endswith(
            "The reward goes back to the customer's rewards to pick up; points are not refunded."
        )
        dialog.choose(ReverseReason.RETURNED)
        await _accepted(dialog)
        assert dialog.action is ReturnAction.PUT_BACK
    finally:
        dialog.deleteLater()


def test_a_pickup_back_to_pick_up_can_only_have_its_points_refunded(qapp: QApplication) -> None:
    staff = cast(StaffService, _AnyPinIsTheManagers())
    reversed_pickup = journal_row(1, OpState.CONFIRMED, reversal=OpState.CONFIRMED)
    assert not can_reverse(reversed_pickup)
    assert can_refund(reversed_pickup)
    dialog = ReverseDialog(reversed_pickup, staff, refund=True, put_back=False)
    try:
        assert not dialog.action_buttons[ReturnAction.PUT_BACK].isEnabled()
        assert dialog.selected_action() is ReturnAction.REFUND
        hint = dialog.findChild(QLabel, "actionPutBackHint")
        assert hint is not None
        assert hint.text() == "It is back in the customer's rewards already."
    finally:
        dialog.deleteLater()
    # Confirmed by a later check: not reversible from here, but its points are refundable.
    unreversible = journal_row(2, OpState.CONFIRMED, redemption=None)
    assert can_refund(unreversible)
    dialog = ReverseDialog(unreversible, staff, refund=True, put_back=False)
    try:
        hint = dialog.findChild(QLabel, "actionPutBackHint")
        assert hint is not None
        assert hint.text() == "Not from this app: reverse its pickup in the Piggy dashboard."
    finally:
        dialog.deleteLater()


def test_refunded_pickups_in_the_table(qapp: QApplication, qtmodeltester: ModelTester) -> None:
    model = RecentPickupsModel()
    checking = replace(
        journal_row(3, OpState.CONFIRMED),
        refund_operation_id="refund-3",
        refund_state=OpState.UNKNOWN,
        refund_reason="returned",
        refund_staff_name="Max Manager",
    )
    rows = [
        _refunded(1),
        _refunded(2, reversal=OpState.CONFIRMED),
        checking,
        journal_row(4, OpState.CONFIRMED),
    ]
    model.set_operations(rows, with_date=False)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]

    def cell(row: int, column: PickupColumn) -> str:
        return str(model.index(row, column).data())

    for row in (0, 1):
        assert cell(row, PickupColumn.STATE) == "Points refunded"
        assert cell(row, PickupColumn.REVERSAL_REASON) == "Wrong item"
        assert cell(row, PickupColumn.APPROVED_BY) == "Max Manager"
    assert cell(2, PickupColumn.STATE) == "Refund being checked"
    assert cell(3, PickupColumn.STATE) == "Handed over"
    # Neither put back nor refunded again; one being checked waits. No slip vouches for a
    # refunded reward any more.
    for op in rows[:3]:
        assert not can_reverse(op)
        assert not can_refund(op)
    assert not can_reprint(rows[0])
    assert can_reprint(rows[3])


def test_reconciled_refunds_are_described(qapp: QApplication) -> None:
    done = replace(journal_row(1, OpState.CONFIRMED), kind=REFUND, reward_title="Mug")
    not_done = replace(journal_row(2, OpState.FAILED), kind=REFUND, reward_title="Socks")
    assert describe_reconciled_refunds([Reconciled(journal_row(3, OpState.CONFIRMED))]) is None
    assert describe_reconciled_refunds([Reconciled(done), Reconciled(not_done)]) == (
        "Earlier unfinished refunds were checked — points refunded: Mug; "
        "points not refunded: Socks."
    )
