"""The values the journal stores and hands out.

What the journal deliberately does **not** hold: email addresses, login links or codes,
verification codes, PINs or tokens. There is no column for any of them, and free text
(notes, vendor error messages) has email addresses replaced before it is written, because
an append-only file cannot be cleaned up later. A customer appears as their Piggy contact
uuid and, since format 4, the short display name a pickup slip shows ("Robin V."): first
name and initial, never an email address (a value with an ``@`` is not stored, and the
table refuses one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pos_app.storage.reference import pickup_reference

__all__ = [
    "ADDED_COLUMNS",
    "CLAIM",
    "COLLECT",
    "COLUMNS",
    "OPERATION_KINDS",
    "OS_USER_PREFIX",
    "PIN_LOCKOUT",
    "RECONCILIATION",
    "REFUND",
    "REVERSE",
    "SHELF_CLEARED",
    "SHELF_READY",
    "STAFF_LIST_RESET",
    "Entry",
    "OpState",
    "Operation",
    "ReverseReason",
    "StaffRef",
]

# Kinds are an open string so that later features can add their own events without a
# schema change; these are the ones the app writes today.
#: Handing a reward over (Piggy "collect"); an operation.
COLLECT = "collect"
#: Undoing a collect (Piggy "reverse"); an operation.
REVERSE = "reverse"
#: The customer spending points on a reward at the counter (Piggy "reward reception"); an
#: operation. Not a hand-over: what it claims joins the customer's pickup list.
CLAIM = "claim"
#: Refunding the points of a reward that came back (Piggy "reverse a reward reception",
#: which re-issues the credits the customer spent on it); an operation. Its
#: ``reverses_operation_id`` is the collect of the reward, its ``loyalty_transaction_uuid``
#: the reception reversed, and a confirmation's ``redemption_uuid`` the credit reception
#: that gave the points back.
REFUND = "refund"
#: A staff profile was locked after repeated wrong PINs; a plain event.
PIN_LOCKOUT = "pin_lockout"
#: The shop's IT person declared the staff list lost and to be started afresh (after it, a
#: first manager may be created again); a plain event.
STAFF_LIST_RESET = "staff_list_reset"
#: Staff put a reward a customer claimed for pickup ready on the shop's shelf; a plain
#: event, keyed by the reward's loyalty transaction (the shop's own note: Piggy knows nothing
#: of it). The latest one of a loyalty transaction is its mark.
SHELF_READY = "shelf_ready"
#: Staff took a "ready on the shelf" mark back (marked by mistake, or the item went back to
#: the stock room); a plain event, keyed like the mark.
SHELF_CLEARED = "shelf_cleared"
#: Prefix of the staff id of someone acting from the operating system (the command line).
OS_USER_PREFIX = "os-user:"

#: Kinds that are operations (with an operation id and states); every other kind is an event.
OPERATION_KINDS = frozenset({COLLECT, REVERSE, CLAIM, REFUND})

#: ``resolved_by`` of rows written when reconciliation learned a late outcome.
RECONCILIATION = "reconciliation"


class OpState(StrEnum):
    """State of an operation; its current state is the state of its latest row."""

    #: Written before the request is sent.
    PENDING = "pending"
    #: The server accepted the request.
    CONFIRMED = "confirmed"
    #: The server refused it (error code and message recorded); nothing happened.
    FAILED = "failed"
    #: The request may or may not have reached the server (timeout, dropped line).
    UNKNOWN = "unknown"

    @property
    def is_final(self) -> bool:
        return self in (OpState.CONFIRMED, OpState.FAILED)


class ReverseReason(StrEnum):
    """Why a manager reversed a pickup."""

    RETURNED = "returned"
    DAMAGED = "damaged"
    WRONG_ITEM = "wrong_item"
    #: Requires a note saying what happened.
    OTHER = "other"
    #: Undone at the counter right after the hand-over by the cashier who made it (the
    #: wrong reward was tapped); no manager involved.
    MIS_TAP = "mis_tap"


@dataclass(frozen=True)
class StaffRef:
    """Who did it: a staff profile's id and the name shown for it at that moment."""

    profile_id: str
    name: str


#: The journal table's columns, in table (and CSV) order.
COLUMNS: tuple[str, ...] = (
    "id",
    "recorded_at",
    "operation_id",
    "kind",
    "state",
    "shop_uuid",
    "counter",
    "staff_id",
    "staff_name",
    "customer_uuid",
    "loyalty_transaction_uuid",
    "redemption_uuid",
    "reward_title",
    "reverses_operation_id",
    "reason",
    "note",
    "error_code",
    "error_message",
    "resolved_by",
    "prev_hash",
    "hash",
    # Added by later formats (see ADDED_COLUMNS), after the hash so that the columns of
    # the first format keep their places in exports.
    "customer_name",
    "handover_id",
    "cost_price",
    "reward_uuid",
    "points",
)

#: Columns added after the first format, and the format that added each. They are hashed
#: only when they hold a value, so rows written before them keep verifying.
ADDED_COLUMNS: dict[str, int] = {
    "customer_name": 4,
    "handover_id": 5,
    "cost_price": 7,
    "reward_uuid": 8,
    "points": 8,
}


def parse_timestamp(value: str) -> datetime:
    return datetime.fromisoformat(value)


@dataclass(frozen=True)
class Entry:
    """One journal row, as written. Rows are never changed or removed."""

    id: int
    recorded_at: datetime
    operation_id: str | None
    kind: str
    state: OpState | None
    shop_uuid: str | None
    counter: str
    staff_id: str | None
    staff_name: str | None
    customer_uuid: str | None
    loyalty_transaction_uuid: str | None
    redemption_uuid: str | None
    reward_title: str | None
    reverses_operation_id: str | None
    reason: str | None
    note: str | None
    error_code: str | None
    error_message: str | None
    resolved_by: str | None
    prev_hash: str
    hash: str
    #: The customer's short display name ("Robin V."), on collect and reverse rows written
    #: since format 4; never an email address.
    customer_name: str | None
    #: On collect rows since format 5: the operation id of the first collect of the same
    #: hand-over (the row's own for that first one); its reference is the slip's one code.
    handover_id: str | None
    #: On a collect's first row since format 7: the reward's cost price as Piggy gave it
    #: when it was handed over (decimal text, e.g. ``"4.5"``); None where Piggy gave none.
    cost_price: str | None
    #: On claim rows since format 8: the uuid of the reward claimed (what settling a claim
    #: whose answer was lost looks for on the server).
    reward_uuid: str | None = None
    #: On claim rows since format 8: the points the claim costs (whole number as text).
    points: str | None = None

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Entry:
        values = dict(zip(COLUMNS, row, strict=True))
        values["recorded_at"] = parse_timestamp(values["recorded_at"])
        if values["state"] is not None:
            values["state"] = OpState(values["state"])
        return cls(**values)


@dataclass(frozen=True)
class Operation:
    """One collect, reverse or refund, folded from its rows: its current state and what is known.

    ``created_at``/``staff_*``/``shop_uuid``/``counter`` describe the first (pending) row:
    who started it, where. ``state``, ``updated_at``, ``resolved_by`` and ``detail`` come
    from the latest row; ``redemption_uuid`` is the latest one known.
    """

    operation_id: str
    kind: str
    state: OpState
    created_at: datetime
    updated_at: datetime
    shop_uuid: str | None
    counter: str
    staff_id: str | None
    staff_name: str | None
    customer_uuid: str | None
    loyalty_transaction_uuid: str | None
    redemption_uuid: str | None
    reward_title: str | None
    #: The vendor's error code and message, when the operation failed.
    error_code: str | None
    error_message: str | None
    #: For a reverse: why, and the manager's note.
    reason: str | None
    note: str | None
    #: Pickup reference printed on the slip (collects only), e.g. ``PU-7QX3M2KD``.
    reference: str | None
    #: For a reverse: the collect it undoes.
    reverses_operation_id: str | None
    #: ``"reconciliation"`` when the outcome was learned later.
    resolved_by: str | None = None
    #: Note of the latest row after the first: why it is unknown, how it was resolved.
    detail: str | None = None
    #: For a collect: the latest reverse of it that did not fail (pending, unknown or
    #: confirmed), and that reverse's state.
    reversal_operation_id: str | None = None
    reversal_state: OpState | None = None
    #: For a collect with such a reverse: its reason and the manager who approved it.
    reversal_reason: str | None = None
    reversal_staff_name: str | None = None
    #: The customer's short display name as the slip showed it ("Robin V."); None for
    #: rows from before the journal kept it.
    customer_name: str | None = None
    #: For a collect: the operation id of its hand-over's first collect (its own for a
    #: collect recorded before hand-overs were, each being its own hand-over).
    handover_id: str | None = None
    #: For a collect: the reward's cost price when it was handed over, where Piggy gave one
    #: (recorded since format 7 of the journal).
    cost_price: Decimal | None = None
    #: For a claim: the reward claimed, and the points it costs (as confirmed when known).
    #: A claim's ``loyalty_transaction_uuid`` is the reward reception once it is known.
    reward_uuid: str | None = None
    points: int | None = None
    #: For a collect: the latest refund of its points that did not fail, that refund's
    #: state, reason and the manager who approved it.
    refund_operation_id: str | None = None
    refund_state: OpState | None = None
    refund_reason: str | None = None
    refund_staff_name: str | None = None

    @property
    def handover_reference(self) -> str | None:
        """The code of the slip of this collect's hand-over (``PU-…``)."""
        if self.kind != COLLECT or self.handover_id is None:
            return None
        return pickup_reference(self.handover_id)

    @property
    def is_unresolved(self) -> bool:
        return self.state in (OpState.PENDING, OpState.UNKNOWN)

    @property
    def is_reversed(self) -> bool:
        return self.reversal_state is OpState.CONFIRMED

    @property
    def is_refunded(self) -> bool:
        """For a collect: its points were given back (a refund of it was confirmed)."""
        return self.refund_state is OpState.CONFIRMED

    @property
    def is_inferred(self) -> bool:
        """Settled from the customer's list by reconciliation, not by the server's answer."""
        return self.resolved_by == RECONCILIATION and self.state.is_final
