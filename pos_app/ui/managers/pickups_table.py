"""The Recent pickups table: one row per collect (time, reward, customer, staff, state),
newest first, with what a pickup's state says and whether it can be reversed or reprinted."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from pos_app.services.pickup_models import PickupState, pickup_state
from pos_app.services.slips import mask_customer_uuid
from pos_app.storage import (
    CLAIM,
    COLLECT,
    Operation,
    OpState,
)
from pos_app.ui.claim.words import claim_state_text
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.reverse_dialog import reason_text
from pos_app.ui.rewards import format_short_date
from pos_app.ui.row_table import RowTableModel
from pos_app.ui.theme import ColorScheme

_Index = QModelIndex | QPersistentModelIndex


def state_text(state: PickupState) -> str:
    if state is PickupState.HANDED_OVER:
        return _tr("Handed over")
    if state is PickupState.REVERSED:
        return _tr("Reversed")
    if state is PickupState.REVERSAL_CHECKING:
        return _tr("Reversal being checked")
    if state is PickupState.FAILED:
        return _tr("Not handed over")
    if state is PickupState.REFUNDED:
        return _tr("Points refunded")
    if state is PickupState.REFUND_CHECKING:
        return _tr("Refund being checked")
    return _tr("Being checked")


def can_reprint(operation: Operation) -> bool:
    """A pickup that was handed over, not reversed and not refunded has a slip to print
    again."""
    return (
        operation.kind == COLLECT
        and operation.state is OpState.CONFIRMED
        and not operation.is_reversed
        and not operation.is_refunded
    )


def can_reverse(operation: Operation) -> bool:
    """A confirmed collect that was not reversed, has no reversal under way and whose
    points were not refunded (nor are being)."""
    return (
        operation.kind == COLLECT
        and operation.state is OpState.CONFIRMED
        and operation.reversal_state is None
        and operation.refund_state is None
    )


def can_refund(operation: Operation) -> bool:
    """A confirmed collect whose points were not refunded (nor are being), and whose
    reversal, if any, is settled: one put back to pick up still holds its points."""
    return (
        operation.kind == COLLECT
        and operation.state is OpState.CONFIRMED
        and operation.refund_state is None
        and operation.reversal_state in (None, OpState.CONFIRMED)
    )


class DayChoice(StrEnum):
    """Which days Recent pickups shows."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    ALL = "all"
    #: The day in the date field.
    CHOSEN = "chosen"


class PickupColumn(IntEnum):
    TIME = 0
    REWARD = 1
    CUSTOMER = 2
    #: Who handed it over.
    STAFF = 3
    STATE = 4
    #: For a reversed pickup (or one whose reversal is being checked): why, and who
    #: approved it.
    REVERSAL_REASON = 5
    APPROVED_BY = 6
    #: Where it was handed over; only while the list is the whole shop's.
    COUNTER = 7


class PickupRole(IntEnum):
    OPERATION = Qt.ItemDataRole.UserRole + 1  # the Operation
    OPERATION_ID = Qt.ItemDataRole.UserRole + 2
    REFERENCE = Qt.ItemDataRole.UserRole + 3  # "PU-…"
    STATE = Qt.ItemDataRole.UserRole + 4  # PickupState
    CAN_REVERSE = Qt.ItemDataRole.UserRole + 5


_STATE_COLORS = {
    PickupState.HANDED_OVER: ColorScheme.SUCCESS_TEXT,
    PickupState.REVERSED: ColorScheme.REVERSED_TEXT,
    PickupState.REVERSAL_CHECKING: ColorScheme.INFO_TEXT,
    PickupState.FAILED: ColorScheme.ERROR_TEXT,
    PickupState.CHECKING: ColorScheme.INFO_TEXT,
    PickupState.REFUNDED: ColorScheme.REVERSED_TEXT,
    PickupState.REFUND_CHECKING: ColorScheme.INFO_TEXT,
}


def _claim_color(operation: Operation) -> Any:
    if operation.state is OpState.CONFIRMED:
        return ColorScheme.INFO_TEXT
    if operation.state is OpState.FAILED:
        return ColorScheme.ERROR_TEXT
    return ColorScheme.INFO_TEXT


class RecentPickupsModel(RowTableModel[Operation]):
    """Pickups (collects) newest first, each in its current state.

    ``shop_wide``: the pickups of every counter of the shop, with a Counter column.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda operation: operation.operation_id, parent)
        self._with_date = False
        self._shop_wide = False

    @property
    def shop_wide(self) -> bool:
        return self._shop_wide

    def set_operations(
        self, operations: Sequence[Operation], *, with_date: bool, shop_wide: bool | None = None
    ) -> None:
        """Show these collects (in the order given); ``with_date`` adds the day to the time;
        ``shop_wide`` (None: as before) adds the Counter column."""
        self._with_date = with_date
        self.beginResetModel()
        if shop_wide is not None:
            self._shop_wide = shop_wide
        # Claims too: they are not hand-overs (no slip, no reversal), but the customer's
        # points were spent at this counter.
        self._rows = [op for op in operations if op.kind in (COLLECT, CLAIM)]
        self.endResetModel()

    def columns(self) -> list[PickupColumn]:
        """The columns shown, in model order."""
        return [c for c in PickupColumn if self._shop_wide or c is not PickupColumn.COUNTER]

    def operation(self, row: int) -> Operation:
        return self._rows[row]

    def operations(self) -> list[Operation]:
        return list(self._rows)

    def column_titles(self) -> Sequence[str]:
        # In PickupColumn order.
        return [
            self.tr("Time"),
            self.tr("Reward"),
            self.tr("Customer"),
            self.tr("Handed over by"),
            self.tr("State"),
            self.tr("Reversal reason"),
            self.tr("Approved by"),
            *([self.tr("Counter")] if self._shop_wide else []),
        ]

    def table_for_export(self) -> tuple[list[str], list[list[str]]]:
        """The rows as shown (date always given), plus each pickup's slip code."""
        with_date, self._with_date = self._with_date, True
        try:
            header = [*self.column_titles(), self.tr("Slip code")]
            rows = [
                [
                    *(self._display(op, column) for column in self.columns()),
                    op.handover_reference or op.reference or "",
                ]
                for op in self._rows
            ]
        finally:
            self._with_date = with_date
        return header, rows

    def time_text(self, operation: Operation) -> str:
        local = operation.created_at.astimezone()
        clock = f"{local:%H:%M}"
        if self._with_date:
            return f"{format_short_date(operation.created_at)} {clock}"
        return clock

    def _display(self, operation: Operation, column: PickupColumn) -> str:
        if column is PickupColumn.TIME:
            return self.time_text(operation)
        if column is PickupColumn.REWARD:
            return operation.reward_title or ""
        if column is PickupColumn.CUSTOMER:
            # The short name the slip showed; older rows have none (and never an email).
            return operation.customer_name or "—"
        if column is PickupColumn.STAFF:
            return operation.staff_name or "—"
        if column is PickupColumn.REVERSAL_REASON:
            # A refund's reason is the return's: it says the last word, as in the state.
            reason = operation.refund_reason or operation.reversal_reason
            return reason_text(reason) if reason else ""
        if column is PickupColumn.APPROVED_BY:
            if operation.refund_operation_id is not None:
                return operation.refund_staff_name or "—"
            if operation.reversal_operation_id is None:
                return ""
            return operation.reversal_staff_name or "—"
        if column is PickupColumn.COUNTER:
            return operation.counter
        text = (
            claim_state_text(operation)
            if operation.kind == CLAIM
            else state_text(pickup_state(operation))
        )
        if operation.is_inferred:
            # Learned from the customer's list, not from the server's answer to this request.
            text = self.tr("{state} (from the list)").format(state=text)
        return text

    def _tooltip(self, operation: Operation) -> str:
        if operation.kind == CLAIM:
            return self._claim_tooltip(operation)
        lines = [
            f"{operation.reward_title or ''} — {operation.reference or ''}",
            self.tr("Customer: {name} ({uuid})").format(
                name=operation.customer_name or "—",
                uuid=mask_customer_uuid(operation.customer_uuid),
            ),
            self.tr("Handed over {when} at {counter}").format(
                when=f"{format_short_date(operation.created_at)} "
                f"{operation.created_at.astimezone():%H:%M}",
                counter=operation.counter,
            ),
            state_text(pickup_state(operation)),
        ]
        if operation.handover_reference not in (None, operation.reference):
            lines.append(
                self.tr("On the slip {code} with other rewards").format(
                    code=operation.handover_reference
                )
            )
        if operation.is_inferred:
            lines.append(
                self.tr(
                    "Not confirmed by Piggy's answer: learned later from the customer's list "
                    "of rewards to pick up."
                )
            )
        if operation.state is OpState.CONFIRMED and not operation.redemption_uuid:
            lines.append(self.tr("Confirmed by a later check: reverse it in the Piggy dashboard."))
        return "\n".join(lines)

    def _claim_tooltip(self, operation: Operation) -> str:
        lines = [
            operation.reward_title or "",
            self.tr("Customer: {name} ({uuid})").format(
                name=operation.customer_name or "—",
                uuid=mask_customer_uuid(operation.customer_uuid),
            ),
            self.tr("Claimed with points {when} at {counter}: it is not a hand-over").format(
                when=f"{format_short_date(operation.created_at)} "
                f"{operation.created_at.astimezone():%H:%M}",
                counter=operation.counter,
            ),
            claim_state_text(operation),
        ]
        if operation.is_inferred:
            lines.append(
                self.tr(
                    "Not confirmed by Piggy's answer: learned later from the customer's "
                    "transactions."
                )
            )
        return "\n".join(lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        operation = self._row(index)
        if operation is None:
            return None
        column = PickupColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(operation, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(operation)
        if role == Qt.ItemDataRole.ForegroundRole and column is PickupColumn.STATE:
            if operation.kind == CLAIM:
                return _claim_color(operation)
            return _STATE_COLORS[pickup_state(operation)]
        if role == Qt.ItemDataRole.FontRole and column is PickupColumn.STATE:
            font = QFont()
            font.setBold(True)
            return font
        if role == PickupRole.OPERATION:
            return operation
        if role == PickupRole.OPERATION_ID:
            return operation.operation_id
        if role == PickupRole.REFERENCE:
            return operation.reference
        if role == PickupRole.STATE:
            return pickup_state(operation)
        if role == PickupRole.CAN_REVERSE:
            return can_reverse(operation)
        return None
