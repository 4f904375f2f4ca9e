"""Refund the points of a reward that came back, through the journal.

A manager who takes a returned reward back chooses what the return means: the reward goes
back to the customer's rewards to pick up (:meth:`PickupDesk.reverse`, Piggy's reverse of
the collection), or the customer gets the points back (:meth:`RefundDesk.refund`, Piggy's
reverse of the *reward reception*, which re-issues the credits the reward cost).

A refund goes the way of every collect and reverse: written ``pending`` first, sent once,
then confirmed, failed or unknown; an unknown outcome is checked at once and otherwise left
to reconciliation, which learns it from the server (see :meth:`RefundDesk.settle`), never by
guessing.

Whether Piggy reverses the reception of a reward that was *collected* is not documented.
Both answers are handled: when it does, one call refunds the points; when it refuses, the
collection is reversed first (the reward is then a reception waiting to be picked up, whose
reversal is documented) and the reception after it. Each step is its own journaled
operation, so a refund that stopped half-way says so: the reward is back to pick up and its
points were not refunded, and a second try refunds them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from pos_app.api import errors
from pos_app.services.claim import CLOCK_SKEW, read_transactions, transactions_since
from pos_app.services.journaled import (
    Owed,
    mark_unknown,
    refusal_code,
    resolve_unless_taken,
    write_owed,
)
from pos_app.services.pickup import (
    REFUSALS,
    PickupDesk,
    Reconciled,
    ReverseOutcome,
    ReverseResult,
)
from pos_app.storage import (
    COLLECT,
    REFUND,
    AlreadyRefundedError,
    Journal,
    JournalError,
    NotReversibleError,
    Operation,
    OperationInProgressError,
    OpState,
    ReverseReason,
    StaffRef,
    UnknownOperationError,
)

if TYPE_CHECKING:
    from pos_app.api import PiggyClient
    from pos_app.api.piggy_models import LoyaltyTransaction

__all__ = ["ReceptionState", "RefundDesk", "RefundOutcome", "RefundResult"]

log = logging.getLogger(__name__)

#: The customer's latest refunds read to learn which credit receptions they stand for.
ACCOUNTED_REFUNDS = 200


class RefundOutcome(StrEnum):
    #: The server re-issued the points (this attempt's answer, or an earlier attempt's
    #: success learned from the server now).
    REFUNDED = "refunded"
    #: The points were refunded before (the journal says so).
    ALREADY_REFUNDED = "already_refunded"
    #: Not a handed-over pickup, or one whose reversal is still being checked.
    NOT_REFUNDABLE = "not_refundable"
    #: Put back for pickup and picked up again since: the later pickup is the one to refund.
    PICKED_UP_AGAIN = "picked_up_again"
    #: The server refused; the points were not refunded (see :attr:`RefundResult.reverse`
    #: for a collection reversed before the refusal).
    REFUSED = "refused"
    #: No answer: the refund may or may not have happened; only reconciliation settles it.
    UNKNOWN = "unknown"


class ReceptionState(StrEnum):
    """What the server shows of a reward reception."""

    #: Reversed: its points were given back.
    REVERSED = "reversed"
    #: Still standing: its points are spent.
    STANDING = "standing"
    #: The server's lists do not tell.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class RefundResult:
    #: The collect as the journal has it after this attempt.
    collect: Operation
    outcome: RefundOutcome
    #: The refund operation (this attempt, or the earlier one that decided the outcome).
    operation: Operation | None
    #: The reverse of the collection sent first because Piggy would not refund the
    #: reception of a collected reward; None when none was needed or tried.
    reverse: ReverseResult | None = None
    #: The customer's points after the refund, when the server said.
    balance: int | None = None
    #: The points given back, when the server said.
    credits: int | None = None
    #: The API error behind a refusal or an unknown outcome, for the UI's wording.
    error: errors.ApiError | None = None
    #: The server answered but the journal could not record it yet (written later).
    journal_error: JournalError | None = None


def _gives_back(
    credit: LoyaltyTransaction,
    reception: LoyaltyTransaction,
    points: int,
    since: datetime,
    accounted: set[str],
) -> bool:
    """Whether ``credit`` may be the credit reception that reversing ``reception`` booked."""
    return (
        credit.credits == points
        and credit.created_at is not None
        and credit.created_at >= since
        and credit.uuid not in accounted
        and credit.contact_uuid in (None, reception.contact_uuid)
        and (
            None in (credit.shop_uuid, reception.shop_uuid)
            or credit.shop_uuid == reception.shop_uuid
        )
    )


class RefundDesk:
    """Refund pickups' points on one counter, beside its :class:`PickupDesk`.

    Shares the desk's journal, client, lease and grace period; registers itself to settle
    the refunds the desk's reconciliation finds unfinished.
    """

    def __init__(self, desk: PickupDesk) -> None:
        self._desk = desk
        self._piggy: PiggyClient = desk.piggy
        self._journal = desk.journal
        self._owed: dict[str, Owed] = {}
        desk.add_settler(REFUND, self.settle)

    @property
    def desk(self) -> PickupDesk:
        return self._desk

    async def refund(
        self,
        collect_operation: Operation,
        *,
        reason: ReverseReason | str,
        note: str | None = None,
        staff: StaffRef | None = None,
    ) -> RefundResult:
        """Give the customer back the points of a returned pickup. Never raises for an API
        outcome. ``staff`` is the manager who approved it; reason ``other`` needs a
        ``note`` (ValueError otherwise, before anything is written).

        A pickup whose collection was reversed (the reward is back to pick up) can be
        refunded too: its reception still holds the points.
        """
        collect = await self._current(collect_operation)
        if collect.kind != COLLECT or collect.state is not OpState.CONFIRMED:
            return RefundResult(collect, RefundOutcome.NOT_REFUNDABLE, None)
        if collect.is_refunded:
            earlier = await self._operation_or_none(collect.refund_operation_id)
            return RefundResult(collect, RefundOutcome.ALREADY_REFUNDED, earlier)
        if collect.is_reversed:
            try:
                waiting = await self._still_waiting(collect)
            except errors.ApiError as exc:
                return RefundResult(collect, RefundOutcome.REFUSED, None, error=exc)
            if not waiting:
                # Put back for pickup, and picked up again since (perhaps at another
                # counter): that later pickup, not this one, is what a return refunds.
                return RefundResult(collect, RefundOutcome.PICKED_UP_AGAIN, None)
        result = await self._send(collect, reason, note, staff)
        if not self._may_need_the_collection_reversed(result):
            return result
        # [undocumented] Piggy refused to reverse the reception of a collected reward.
        # Reversing the collection first makes it a reception waiting to be picked up, whose
        # reversal the docs describe; but only while the server shows the reception still
        # standing: a refusal because it was refunded elsewhere must not put the reward back.
        state = await self._reception_state_or_unknown(result.collect)
        if state is not ReceptionState.STANDING:
            log.info("Refund refused; the reception shows as %s, nothing more sent", state)
            return result
        reverse = await self._desk.reverse(result.collect, reason=reason, note=note, staff=staff)
        if reverse.outcome is not ReverseOutcome.REVERSED:
            return replace(result, collect=reverse.collect, reverse=reverse)
        second = await self._send(reverse.collect, reason, note, staff)
        return replace(second, reverse=reverse)

    @staticmethod
    def _may_need_the_collection_reversed(result: RefundResult) -> bool:
        collect = result.collect
        return (
            result.outcome is RefundOutcome.REFUSED
            and isinstance(result.error, errors.PiggyError)
            and not collect.is_reversed
            and collect.reversal_state is None
            and bool(collect.redemption_uuid)
        )

    async def _send(
        self,
        collect: Operation,
        reason: ReverseReason | str,
        note: str | None,
        staff: StaffRef | None,
    ) -> RefundResult:
        try:
            operation = await self._journal.call(
                Journal.begin_refund,
                collect_operation_id=collect.operation_id,
                reason=reason,
                note=note,
                staff=staff,
                lease=self._desk.lease,
                known_collect=collect,
            )
        except AlreadyRefundedError as exc:
            earlier = await self._operation_or_none(exc.refund_operation_id)
            return RefundResult(
                await self._current(collect), RefundOutcome.ALREADY_REFUNDED, earlier
            )
        except OperationInProgressError as exc:
            return await self._after_earlier(collect, exc, reason, note, staff)
        except NotReversibleError:
            return RefundResult(await self._current(collect), RefundOutcome.NOT_REFUNDABLE, None)
        assert operation.loyalty_transaction_uuid is not None
        try:
            reversal = await self._piggy.reverse_reward_reception(
                operation.loyalty_transaction_uuid
            )
        except REFUSALS as exc:
            return await self._refused(collect, operation, exc)
        except errors.ApiError as exc:
            # Timeout, dropped line, 5xx, unreadable 2xx: it may have happened.
            log.warning("Outcome of a refund is unknown: %s", type(exc).__name__)
            operation = await mark_unknown(self._journal, operation, exc)
            settled = await self._try_settle([operation])
            collect = await self._current(collect)
            if not settled:
                return RefundResult(collect, RefundOutcome.UNKNOWN, operation, error=exc)
            operation = settled[0].operation
            if operation.state is OpState.CONFIRMED:
                balance = await self._balance_or_none(operation.customer_uuid)
                return RefundResult(collect, RefundOutcome.REFUNDED, operation, balance=balance)
            return RefundResult(collect, RefundOutcome.REFUSED, operation, error=exc)
        credits = reversal.points_restored
        balance = reversal.balance_after
        try:
            operation = await self._journal.call(
                Journal.confirm, operation.operation_id, redemption_uuid=reversal.uuid or None
            )
            collect = await self._current(collect)
        except JournalError as journal_error:
            log.error(
                "A refund went through but the journal cannot record it yet: %s", journal_error
            )
            self._owed[operation.operation_id] = Owed(OpState.CONFIRMED, reversal.uuid or None)
            return RefundResult(
                collect,
                RefundOutcome.REFUNDED,
                operation,
                balance=balance,
                credits=credits,
                journal_error=journal_error,
            )
        if balance is None:
            balance = await self._balance_or_none(operation.customer_uuid)
        return RefundResult(
            collect, RefundOutcome.REFUNDED, operation, balance=balance, credits=credits
        )

    async def _refused(
        self, collect: Operation, operation: Operation, exc: errors.ApiError
    ) -> RefundResult:
        code = refusal_code(exc)
        try:
            failed = await self._journal.call(
                Journal.fail, operation.operation_id, code=code, message=exc.message
            )
            collect = await self._current(collect)
        except JournalError as journal_error:
            self._owed[operation.operation_id] = Owed(
                OpState.FAILED, code=code, message=exc.message
            )
            return RefundResult(
                collect, RefundOutcome.REFUSED, operation, error=exc, journal_error=journal_error
            )
        return RefundResult(collect, RefundOutcome.REFUSED, failed, error=exc)

    async def _after_earlier(
        self,
        collect: Operation,
        exc: OperationInProgressError,
        reason: ReverseReason | str,
        note: str | None,
        staff: StaffRef | None,
    ) -> RefundResult:
        """A refund (or a reverse) of this pickup has no outcome yet: settle it first."""
        earlier = await self._operation_or_none(exc.operation_id)
        if earlier is None:
            # Being sent, or checked, at the counter that started it.
            return RefundResult(collect, RefundOutcome.UNKNOWN, None)
        if earlier.kind != REFUND:
            # A reverse of the collection is being checked: whether the reward is collected
            # decides what the refund does, so it waits for that outcome.
            return RefundResult(await self._current(collect), RefundOutcome.NOT_REFUNDABLE, None)
        settled = await self._try_settle([earlier])
        collect = await self._current(collect)
        if not settled:
            return RefundResult(collect, RefundOutcome.UNKNOWN, earlier)
        if settled[0].went_through:
            return RefundResult(collect, RefundOutcome.ALREADY_REFUNDED, settled[0].operation)
        return await self._send(collect, reason, note, staff)

    # -- what the server shows ---------------------------------------------------------

    async def reception_state(self, operation: Operation) -> ReceptionState:
        """Whether the server shows the reception of ``operation`` (a collect or a refund)
        reversed, still standing, or neither; raises an ApiError when it cannot be asked.

        [inferred] Piggy marks no reception as reversed: reversing one books a new credit
        reception "with the same data as initially used" (the docs), and takes a reward
        still waiting for pickup out of the collectable rewards. So a reception is
        *standing* while its reward waits in the customer's list, *reversed* when a credit
        reception of its points (same shop) was booked after it (after the refund was
        started, for a refund) that no other refund of the journal stands for, and
        *standing* when there is none; the lists tell nothing when the reception itself is
        not found, or its reward is neither waiting nor handed over.
        """
        reception_uuid, customer_uuid = operation.loyalty_transaction_uuid, operation.customer_uuid
        if not reception_uuid or not customer_uuid:
            return ReceptionState.UNKNOWN
        waiting = await self._piggy.list_collectable_rewards(customer_uuid)
        if any(item.uuid == reception_uuid and not item.has_been_collected for item in waiting):
            return ReceptionState.STANDING
        reception = await self._reception(customer_uuid, reception_uuid)
        if reception is None or reception.credits is None or reception.created_at is None:
            return ReceptionState.UNKNOWN
        # Imported here: the window's modules load before the clients' (see test_startup).
        from pos_app.api.piggy_models import CREDIT_RECEPTIONS_FILTER

        started = operation.created_at if operation.kind == REFUND else reception.created_at
        since = started - CLOCK_SKEW
        points = abs(reception.credits)
        accounted = await self._accounted(customer_uuid, operation)
        credits = await transactions_since(
            self._piggy, customer_uuid, CREDIT_RECEPTIONS_FILTER, since
        )
        if any(_gives_back(c, reception, points, since, accounted) for c in credits):
            return ReceptionState.REVERSED
        if reception.has_been_collected is not True:
            # Neither waiting nor handed over, and no points given back: the lists do not
            # tell what became of it.
            return ReceptionState.UNKNOWN
        return ReceptionState.STANDING

    async def _reception(
        self, customer_uuid: str, reception_uuid: str
    ) -> LoyaltyTransaction | None:
        from pos_app.api.piggy_models import REWARD_RECEPTIONS_FILTER

        read = await read_transactions(
            self._piggy,
            customer_uuid,
            REWARD_RECEPTIONS_FILTER,
            enough=lambda items: any(t.uuid == reception_uuid for t in items),
        )
        return next((t for t in read if t.uuid == reception_uuid), None)

    async def _accounted(self, customer_uuid: str, operation: Operation) -> set[str]:
        """Credit receptions other refunds of the journal stand for."""
        refunds = await self._journal.call(
            Journal.recent_operations,
            kinds=(REFUND,),
            customer_uuid=customer_uuid,
            limit=ACCOUNTED_REFUNDS,
        )
        return {
            refund.redemption_uuid
            for refund in refunds
            if refund.operation_id != operation.operation_id
            and refund.state is OpState.CONFIRMED
            and refund.redemption_uuid
        }

    async def _still_waiting(self, collect: Operation) -> bool:
        """Whether the reward of a reversed pickup still waits in the customer's list;
        raises an ApiError when the list cannot be read."""
        if not collect.customer_uuid:
            return False
        listed = await self._piggy.list_collectable_rewards(collect.customer_uuid)
        return any(
            item.uuid == collect.loyalty_transaction_uuid and not item.has_been_collected
            for item in listed
        )

    async def _reception_state_or_unknown(self, operation: Operation) -> ReceptionState:
        try:
            return await self.reception_state(operation)
        except errors.ApiError as exc:
            log.info("The customer's transactions could not be read: %s", type(exc).__name__)
            return ReceptionState.UNKNOWN

    async def _balance_or_none(self, customer_uuid: str | None) -> int | None:
        if not customer_uuid:
            return None
        try:
            contact = await self._piggy.get_contact(customer_uuid)
        except errors.ApiError as exc:
            log.info("The customer's balance could not be read: %s", type(exc).__name__)
            return None
        return contact.points

    # -- reconciliation ----------------------------------------------------------------

    async def settle(self, operations: Sequence[Operation]) -> list[Reconciled]:
        """Settle unfinished refunds from what the server shows (the desk's reconciliation
        calls this); raises an ApiError when the server cannot be asked.

        "Reversed" is booked at once; "still standing" only after the grace period for a
        slow server, and after a second look agrees. Answers the journal could not take
        earlier are written first.
        """
        await write_owed(self._journal, self._owed)
        settled: list[Reconciled] = []
        for operation in operations:
            if operation.kind != REFUND or operation.operation_id in self._owed:
                continue
            state = await self.reception_state(operation)
            if state is ReceptionState.STANDING and self._grace_over(operation):
                state = await self.reception_state(operation)
            if state is ReceptionState.REVERSED:
                outcome = await self._resolve(
                    operation,
                    OpState.CONFIRMED,
                    "the server shows the reception reversed: the points were refunded",
                )
            elif state is ReceptionState.STANDING and self._grace_over(operation):
                seconds = int(self._desk.settle_grace.total_seconds())
                outcome = await self._resolve(
                    operation,
                    OpState.FAILED,
                    f"the server still shows the reception standing after {seconds} s: "
                    "not refunded",
                )
            else:
                continue
            if outcome is not None:
                settled.append(outcome)
        return settled

    def _grace_over(self, operation: Operation) -> bool:
        return self._desk.now() >= operation.created_at + self._desk.settle_grace

    async def _try_settle(self, operations: Sequence[Operation]) -> list[Reconciled]:
        try:
            return await self.settle(operations)
        except errors.ApiError as exc:
            log.info("Settling the refund postponed: %s", type(exc).__name__)
            return []

    async def _resolve(self, operation: Operation, state: OpState, note: str) -> Reconciled | None:
        resolved = await resolve_unless_taken(self._journal, operation, state, note)
        if resolved is None:
            return None
        log.info("Reconciled a refund: %s", state.value)
        return Reconciled(resolved)

    # -- the journal -------------------------------------------------------------------

    async def _current(self, collect: Operation) -> Operation:
        return await self._journal.call(Journal.collect_as_known, collect)

    async def _operation_or_none(self, operation_id: str | None) -> Operation | None:
        if operation_id is None:
            return None
        try:
            return await self._journal.call(Journal.operation, operation_id)
        except UnknownOperationError:
            return None
