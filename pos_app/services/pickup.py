"""Hand rewards over, through the journal, and find out what happened to unfinished ones.

Every collect is written to the journal as ``pending`` before its request leaves, and is
sent exactly once. What the server answers decides the journal's next row:

* 2xx with a redemption uuid → ``confirmed``;
* a refusal (Piggy error, 401/403/404/429/503) → ``failed``: nothing happened;
* no answer (timeout, dropped line), a 5xx, or a 2xx we cannot read → ``unknown``: it may
  have happened. Such operations (and ``pending`` ones a crash left behind) are settled by
  :meth:`PickupDesk.reconcile`, which looks at the customer's uncollected list: the item is
  gone → it was collected; it is still there → it was not.

A reverse (:meth:`PickupDesk.reverse`) goes the same way, with the redemption uuid the
collect's confirmation recorded; reconciliation reads the list the other way round (the item
is back → it was reversed).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from pos_app.api import PiggyClient, errors
from pos_app.services.pickup_models import PickupItem
from pos_app.storage import (
    COLLECT,
    REVERSE,
    AlreadyReversedError,
    AsyncJournal,
    NotReversibleError,
    Operation,
    OperationInProgressError,
    OpState,
    ReverseReason,
    StaffRef,
)

log = logging.getLogger(__name__)


class CollectOutcome(StrEnum):
    #: The server confirmed the hand-over.
    COLLECTED = "collected"
    #: Already picked up (perhaps at another counter): 6003 or 80300 "not found".
    ALREADY_COLLECTED = "already_collected"
    #: 80300 "Reward is expired."
    EXPIRED = "expired"
    #: The server refused for another reason (credentials, maintenance, rate limit, ...).
    REFUSED = "refused"
    #: No answer: it may or may not have happened; reconciliation will tell.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CollectResult:
    item: PickupItem
    outcome: CollectOutcome
    operation: Operation | None
    #: The API error behind anything but COLLECTED, for the UI's wording.
    error: errors.ApiError | None = None


class ReverseOutcome(StrEnum):
    #: The server put the reward back: it is in the customer's list again.
    REVERSED = "reversed"
    #: Reversed before: the journal says so, or the server answered 6003.
    ALREADY_REVERSED = "already_reversed"
    #: The server does not know this pickup (80300 "Reward not found.").
    NOT_FOUND = "not_found"
    #: The collect was confirmed by reconciliation, which cannot learn the redemption uuid
    #: that reverse takes: it can only be reversed in the Piggy dashboard.
    NO_REDEMPTION = "no_redemption"
    #: Not a handed-over pickup (failed, or its own outcome is still being checked).
    NOT_REVERSIBLE = "not_reversible"
    #: The server refused for another reason (credentials, maintenance, rate limit, ...).
    REFUSED = "refused"
    #: No answer: the reverse may or may not have happened; only reconciliation settles it.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ReverseResult:
    #: The collect as the journal has it after this attempt.
    collect: Operation
    outcome: ReverseOutcome
    #: The reverse operation (this attempt, or the earlier one that decided the outcome).
    operation: Operation | None
    #: The API error behind a refusal or an unknown outcome, for the UI's wording.
    error: errors.ApiError | None = None


@dataclass(frozen=True)
class Reconciled:
    """One unfinished operation whose outcome reconciliation learned."""

    operation: Operation

    @property
    def went_through(self) -> bool:
        return self.operation.state is OpState.CONFIRMED


def _utc_now() -> datetime:
    return datetime.now(UTC)


# Refusals: the server answered before doing anything, so the reward was not handed over.
_REFUSALS = (
    errors.PiggyError,
    errors.AuthenticationError,
    errors.PermissionDeniedError,
    errors.NotFoundError,
    errors.RateLimitedError,
    errors.MaintenanceError,
)


class PickupDesk:
    """Collect rewards and reconcile unfinished operations for one counter."""

    def __init__(
        self,
        piggy: PiggyClient,
        journal: AsyncJournal,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._piggy = piggy
        self._journal = journal
        self._clock = clock

    @property
    def journal(self) -> AsyncJournal:
        return self._journal

    async def collect(
        self, customer_uuid: str, item: PickupItem, *, staff: StaffRef | None = None
    ) -> CollectResult:
        """Hand one reward over. Never raises for an API outcome: it is in the result."""
        try:
            operation = await self._journal.begin_collect(
                customer_uuid=customer_uuid,
                loyalty_transaction_uuid=item.loyalty_transaction_uuid,
                reward_title=item.title,
                staff=staff,
            )
        except OperationInProgressError as exc:
            # An earlier attempt has no outcome yet. Settle it before anything is sent.
            return await self._after_earlier_attempt(customer_uuid, item, exc, staff)
        try:
            result = await self._piggy.collect_reward(item.loyalty_transaction_uuid)
        except errors.RewardExpiredError as exc:
            return await self._refused(item, operation, exc, CollectOutcome.EXPIRED)
        except errors.RewardNotFoundError as exc:
            return await self._refused(item, operation, exc, CollectOutcome.ALREADY_COLLECTED)
        except _REFUSALS as exc:
            return await self._refused(item, operation, exc, CollectOutcome.REFUSED)
        except errors.ApiError as exc:
            # Timeout, dropped line, 5xx, unreadable 2xx: it may have happened.
            log.warning("Outcome of a collect is unknown: %s", type(exc).__name__)
            operation = await self._journal.mark_unknown(
                operation.operation_id, detail=f"{type(exc).__name__}: {exc}"
            )
            settled = await self._try_reconcile([operation])
            if settled:
                operation = settled[0].operation
                if operation.state is OpState.CONFIRMED:
                    return CollectResult(item, CollectOutcome.COLLECTED, operation)
                return CollectResult(item, CollectOutcome.REFUSED, operation, exc)
            return CollectResult(item, CollectOutcome.UNKNOWN, operation, exc)
        operation = await self._journal.confirm(operation.operation_id, redemption_uuid=result.uuid)
        return CollectResult(item, CollectOutcome.COLLECTED, operation)

    async def _refused(
        self,
        item: PickupItem,
        operation: Operation,
        exc: errors.ApiError,
        outcome: CollectOutcome,
    ) -> CollectResult:
        code = exc.code if isinstance(exc, errors.PiggyError) else exc.status_code
        failed = await self._journal.fail(operation.operation_id, code=code, message=exc.message)
        return CollectResult(item, outcome, failed, exc)

    async def _after_earlier_attempt(
        self,
        customer_uuid: str,
        item: PickupItem,
        exc: OperationInProgressError,
        staff: StaffRef | None,
    ) -> CollectResult:
        earlier = await self._journal.operation(exc.operation_id)
        settled = await self._try_reconcile([earlier])
        if not settled:
            return CollectResult(item, CollectOutcome.UNKNOWN, earlier, None)
        if settled[0].went_through:
            # The earlier attempt did hand it over: never send a second collect.
            return CollectResult(item, CollectOutcome.ALREADY_COLLECTED, settled[0].operation)
        return await self.collect(customer_uuid, item, staff=staff)

    async def reverse(
        self,
        collect_operation: Operation,
        *,
        reason: ReverseReason | str,
        note: str | None = None,
        staff: StaffRef | None = None,
    ) -> ReverseResult:
        """Undo a confirmed collect (the item came back). Never raises for an API outcome.

        Like a collect: written ``pending`` first, sent once, then confirmed, failed or
        unknown; an unknown outcome is checked at once and otherwise left to
        :meth:`reconcile`. ``staff`` is the manager who approved it. Reason ``other``
        needs a ``note`` (ValueError otherwise, before anything is written).
        """
        collect = await self._journal.operation(collect_operation.operation_id)
        if collect.kind != COLLECT or collect.state is not OpState.CONFIRMED:
            return ReverseResult(collect, ReverseOutcome.NOT_REVERSIBLE, None)
        if collect.is_reversed:
            earlier = await self._reversal_of(collect)
            return ReverseResult(collect, ReverseOutcome.ALREADY_REVERSED, earlier)
        if collect.reversal_operation_id is None and not collect.redemption_uuid:
            return ReverseResult(collect, ReverseOutcome.NO_REDEMPTION, None)
        try:
            operation = await self._journal.begin_reverse(
                collect_operation_id=collect.operation_id,
                reason=reason,
                note=note,
                staff=staff,
            )
        except AlreadyReversedError as exc:
            earlier = await self._journal.operation(exc.reverse_operation_id)
            collect = await self._journal.operation(collect.operation_id)
            return ReverseResult(collect, ReverseOutcome.ALREADY_REVERSED, earlier)
        except OperationInProgressError as exc:
            return await self._after_earlier_reverse(collect, exc, reason, note, staff)
        except NotReversibleError:
            collect = await self._journal.operation(collect.operation_id)
            return ReverseResult(collect, ReverseOutcome.NOT_REVERSIBLE, None)
        assert operation.redemption_uuid is not None
        try:
            await self._piggy.reverse_collection(operation.redemption_uuid)
        except errors.RewardNotFoundError as exc:
            # [inferred] Mirrors collect: 6003 for a redemption that is no longer collected
            # (reversed before, e.g. in the dashboard), 80300 for one the server never made.
            outcome = (
                ReverseOutcome.ALREADY_REVERSED if exc.code == 6003 else ReverseOutcome.NOT_FOUND
            )
            return await self._reverse_refused(collect, operation, exc, outcome)
        except _REFUSALS as exc:
            return await self._reverse_refused(collect, operation, exc, ReverseOutcome.REFUSED)
        except errors.ApiError as exc:
            log.warning("Outcome of a reverse is unknown: %s", type(exc).__name__)
            operation = await self._journal.mark_unknown(
                operation.operation_id, detail=f"{type(exc).__name__}: {exc}"
            )
            settled = await self._try_reconcile([operation])
            collect = await self._journal.operation(collect.operation_id)
            if not settled:
                return ReverseResult(collect, ReverseOutcome.UNKNOWN, operation, exc)
            operation = settled[0].operation
            if operation.state is OpState.CONFIRMED:
                return ReverseResult(collect, ReverseOutcome.REVERSED, operation)
            return ReverseResult(collect, ReverseOutcome.REFUSED, operation, exc)
        operation = await self._journal.confirm(operation.operation_id)
        collect = await self._journal.operation(collect.operation_id)
        return ReverseResult(collect, ReverseOutcome.REVERSED, operation)

    async def _reversal_of(self, collect: Operation) -> Operation | None:
        if collect.reversal_operation_id is None:
            return None
        return await self._journal.operation(collect.reversal_operation_id)

    async def _reverse_refused(
        self,
        collect: Operation,
        operation: Operation,
        exc: errors.ApiError,
        outcome: ReverseOutcome,
    ) -> ReverseResult:
        code = exc.code if isinstance(exc, errors.PiggyError) else exc.status_code
        failed = await self._journal.fail(operation.operation_id, code=code, message=exc.message)
        collect = await self._journal.operation(collect.operation_id)
        return ReverseResult(collect, outcome, failed, exc)

    async def _after_earlier_reverse(
        self,
        collect: Operation,
        exc: OperationInProgressError,
        reason: ReverseReason | str,
        note: str | None,
        staff: StaffRef | None,
    ) -> ReverseResult:
        earlier = await self._journal.operation(exc.operation_id)
        settled = await self._try_reconcile([earlier])
        if not settled:
            # Still no way to tell whether it happened: sending another could not be undone
            # cleanly either, so the earlier one stays for reconciliation.
            return ReverseResult(collect, ReverseOutcome.UNKNOWN, earlier)
        collect = await self._journal.operation(collect.operation_id)
        if settled[0].went_through:
            return ReverseResult(collect, ReverseOutcome.ALREADY_REVERSED, settled[0].operation)
        return await self.reverse(collect, reason=reason, note=note, staff=staff)

    async def reconcile(self) -> list[Reconciled]:
        """Settle every pending/unknown operation; raises an ApiError when offline."""
        return await self._reconcile(await self._journal.unresolved())

    async def _try_reconcile(self, operations: Sequence[Operation]) -> list[Reconciled]:
        try:
            return await self._reconcile(operations)
        except errors.ApiError as exc:
            log.info("Reconciliation postponed: %s", type(exc).__name__)
            return []

    async def _reconcile(self, operations: Sequence[Operation]) -> list[Reconciled]:
        by_customer: dict[str, list[Operation]] = defaultdict(list)
        for operation in operations:
            if operation.customer_uuid and operation.loyalty_transaction_uuid:
                by_customer[operation.customer_uuid].append(operation)
        settled: list[Reconciled] = []
        for customer_uuid, ops in by_customer.items():
            try:
                waiting = {
                    item.uuid
                    for item in await self._piggy.list_collectable_rewards(customer_uuid)
                    if not item.has_been_collected
                }
            except errors.ContactNotFoundError:
                # [inferred] A deleted customer has nothing left to pick up.
                waiting = set()
            for operation in ops:
                settled.append(await self._settle(operation, waiting))
        return settled

    async def _settle(self, operation: Operation, waiting: set[str]) -> Reconciled:
        still_waiting = operation.loyalty_transaction_uuid in waiting
        if operation.kind == COLLECT:
            went_through = not still_waiting
            note = (
                "item no longer in the uncollected list"
                if went_through
                else "item still waiting for pickup: not collected"
            )
        elif operation.kind == REVERSE:
            went_through = still_waiting
            note = (
                "item is back in the uncollected list"
                if went_through
                else "item not in the uncollected list: not reversed"
            )
        else:  # pragma: no cover - only operations are unresolved
            raise ValueError(operation.kind)
        state = OpState.CONFIRMED if went_through else OpState.FAILED
        resolved = await self._journal.resolve(operation.operation_id, state=state, note=note)
        log.info("Reconciled a %s: %s", operation.kind, state.value)
        return Reconciled(resolved)

    async def unresolved_count(self) -> int:
        return len(await self._journal.unresolved())
