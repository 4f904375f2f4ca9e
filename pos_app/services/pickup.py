"""Hand rewards over, through the journal, and find out what happened to unfinished ones.

Every collect is written to the journal as ``pending`` before its request leaves, with a
lease that keeps every other window and process away from it while it is on its way, and is
sent exactly once. What the server answers decides the journal's next row:

* 2xx with a redemption uuid → ``confirmed``;
* a refusal (Piggy error, 401/403/404/429, a JSON 503) → ``failed``: nothing happened;
* no answer (timeout, dropped line), another 5xx, or a 2xx we cannot read → ``unknown``: it
  may have happened. Such operations (and ``pending`` ones a crash left behind) are settled
  by :meth:`PickupDesk.reconcile`, which looks at the customer's uncollected list: the item
  is gone → it was collected (here, or perhaps at another counter: the row says it was
  inferred); it is still there → it was not, but only once the grace period for a slow
  server has passed and a second look agrees.

A reverse (:meth:`PickupDesk.reverse`) goes the same way, with the redemption uuid the
collect's confirmation recorded; reconciliation reads the list the other way round (the item
is back → it was reversed).

Journal trouble never escapes as an exception: an attempt the journal cannot record is not
sent, and a server answer it cannot record (disk full) is kept and written later.

Size: one state machine, the journal's rules for collect and reverse, their refusals and
unknown outcomes and how reconciliation settles them; splitting the reconciliation half off
would put the rules for one row in two places. *When* to reconcile lives in
:mod:`pos_app.services.reconcile`.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from pos_app.api import errors
from pos_app.clock import utc_now
from pos_app.services.journaled import (
    DEFAULT_SETTLE_GRACE,
    JournaledDesk,
    Owed,
    mark_unknown,
    refusal_code,
    resolve_unless_taken,
    write_owed,
)
from pos_app.services.pickup_models import PickupItem
from pos_app.storage import (
    COLLECT,
    REVERSE,
    AlreadyReversedError,
    AsyncJournal,
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

log = logging.getLogger(__name__)


class CollectOutcome(StrEnum):
    #: The server confirmed the hand-over (this attempt's answer, or an earlier attempt's
    #: success learned now: see :attr:`CollectResult.by_earlier_attempt`).
    COLLECTED = "collected"
    #: Already picked up (perhaps at another counter): 6003 or 80300 "not found".
    ALREADY_COLLECTED = "already_collected"
    #: 80300 "Reward is expired."
    EXPIRED = "expired"
    #: The server refused for another reason (credentials, maintenance, rate limit, ...).
    REFUSED = "refused"
    #: No answer: it may or may not have happened; reconciliation will tell.
    UNKNOWN = "unknown"
    #: The journal could not record the attempt (disk full, damaged file): nothing was sent.
    NOT_RECORDED = "not_recorded"


@dataclass
class HandOver:
    """One hand-over of one or more rewards to one customer, collected one after another.

    Pass the same object to each :meth:`PickupDesk.collect` of the hand-over: the first
    collect's operation id is noted here and journaled with the others, so that one slip
    with one code (the first collect's reference) lists them all.
    """

    #: Set by the first collect the journal recorded.
    operation_id: str | None = None


@dataclass(frozen=True)
class CollectResult:
    item: PickupItem
    outcome: CollectOutcome
    operation: Operation | None
    #: The API error behind anything but COLLECTED, for the UI's wording.
    error: errors.ApiError | None = None
    #: COLLECTED because an earlier attempt (kept back as unknown) turned out to have gone
    #: through: the customer has not got the item yet.
    by_earlier_attempt: bool = False
    #: The server answered, but the journal could not record the answer yet (disk full):
    #: the desk keeps it and writes it at the next reconciliation.
    not_recorded: bool = False
    #: The journal's error behind NOT_RECORDED or ``not_recorded``.
    journal_error: JournalError | None = None


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
    #: The server answered but the journal could not record it yet (written later).
    journal_error: JournalError | None = None


@dataclass(frozen=True)
class Reconciled:
    """One unfinished operation whose outcome reconciliation learned."""

    operation: Operation
    #: For a collect booked as not handed over because another collect of the journal
    #: (another counter, another window) accounts for the reward: that collect.
    collected_by: Operation | None = None

    @property
    def went_through(self) -> bool:
        return self.operation.state is OpState.CONFIRMED


# Refusals: the server answered before doing anything, so the reward was not handed over.
REFUSALS = _REFUSALS = (
    # The action's time budget was spent, or no connection could be made, before the
    # request left: nothing was sent.
    errors.DeadlineExceededError,
    errors.NotConnectedError,
    errors.PiggyError,
    errors.AuthenticationError,
    errors.PermissionDeniedError,
    errors.NotFoundError,
    errors.RateLimitedError,
    errors.MaintenanceError,
)


#: An earlier attempt that reconciliation booked as "not handed over" is taken to be the one
#: a later "already collected" answer refers to only if it is this recent.
EARLIER_ATTEMPT_WINDOW = timedelta(hours=1)


#: Settles unfinished operations of another kind than collect and reverse (a claim, say):
#: given those nobody is sending, returns what it learned; raises an ApiError when offline.
Settler = Callable[[Sequence[Operation]], Awaitable[list[Reconciled]]]


class PickupDesk(JournaledDesk):
    """Collect rewards and reconcile unfinished operations for one counter.

    Reconciliation (:meth:`reconcile`) settles only what nobody is sending right now (see
    :meth:`AsyncJournal.settleable`): a row whose sender may still get its answer is left to
    that sender. "Still in the customer's list" is read as "not handed over" only once
    ``settle_grace`` has passed since the request was sent, and after reading the list a
    second time; "gone from the list" is booked as handed over only when no other collect of
    the journal accounts for it, and is marked as inferred, not confirmed by the server.
    """

    def __init__(
        self,
        piggy: PiggyClient,
        journal: AsyncJournal,
        *,
        clock: Callable[[], datetime] = utc_now,
        settle_grace: timedelta = DEFAULT_SETTLE_GRACE,
        lease: timedelta | None = None,
    ) -> None:
        super().__init__(piggy, journal, clock=clock, settle_grace=settle_grace, lease=lease)
        self._owed: dict[str, Owed] = {}
        self._settlers: dict[str, Settler] = {}

    @property
    def journal(self) -> AsyncJournal:
        return self._journal

    def add_settler(self, kind: str, settle: Settler) -> None:
        """Let ``settle`` settle the unfinished operations of ``kind`` when this desk
        reconciles: one reconciliation run, and one count of what waits, for every kind."""
        if kind in (COLLECT, REVERSE):
            raise ValueError(f"{kind} operations are this desk's own to settle")
        self._settlers[kind] = settle

    @property
    def piggy(self) -> PiggyClient:
        return self._piggy

    @property
    def lease(self) -> timedelta:
        """How long a row being sent is leased to its sender."""
        return self._lease

    @property
    def settle_grace(self) -> timedelta:
        return self._grace

    def now(self) -> datetime:
        return self._clock()

    # -- collect ------------------------------------------------------------------------

    async def collect(
        self,
        customer_uuid: str,
        item: PickupItem,
        *,
        staff: StaffRef | None = None,
        customer_name: str | None = None,
        hand_over: HandOver | None = None,
    ) -> CollectResult:
        """Hand one reward over. Never raises for an API or journal outcome: it is in the
        result. ``customer_name`` is the short name the slip shows ("Robin V."), journaled
        so that Recent pickups can name the customer; ``hand_over`` groups the collects of
        one hand-over under one slip code."""
        try:
            operation = await self._journal.call(
                Journal.begin_collect,
                customer_uuid=customer_uuid,
                customer_name=customer_name,
                handover_id=hand_over.operation_id if hand_over is not None else None,
                loyalty_transaction_uuid=item.loyalty_transaction_uuid,
                reward_title=item.title,
                cost_price=item.cost_price,
                staff=staff,
                lease=self._lease,
            )
        except OperationInProgressError as exc:
            # An earlier attempt has no outcome yet. Settle it before anything is sent.
            return await self._after_earlier_attempt(
                customer_uuid, item, exc, staff, customer_name, hand_over
            )
        except JournalError as exc:
            log.error("Hand-over not started, the journal cannot record it: %s", exc)
            return CollectResult(item, CollectOutcome.NOT_RECORDED, None, journal_error=exc)
        if hand_over is not None and hand_over.operation_id is None:
            hand_over.operation_id = operation.operation_id
        try:
            result = await self._piggy.collect_reward(item.loyalty_transaction_uuid)
        except (errors.RewardExpiredError, errors.RewardNotFoundError) as exc:
            if self._is_expired(item, exc):
                return await self._refused(item, operation, exc, CollectOutcome.EXPIRED)
            return await self._already_collected(item, operation, exc)
        except _REFUSALS as exc:
            return await self._refused(item, operation, exc, CollectOutcome.REFUSED)
        except errors.ApiError as exc:
            # Timeout, dropped line, 5xx, unreadable 2xx: it may have happened.
            log.warning("Outcome of a collect is unknown: %s", type(exc).__name__)
            operation = await mark_unknown(self._journal, operation, exc)
            settled = await self._try_reconcile([operation])
            if settled:
                operation = settled[0].operation
                if operation.state is OpState.CONFIRMED:
                    return CollectResult(item, CollectOutcome.COLLECTED, operation)
                if settled[0].collected_by is not None:
                    return CollectResult(item, CollectOutcome.ALREADY_COLLECTED, operation, exc)
                return CollectResult(item, CollectOutcome.REFUSED, operation, exc)
            return CollectResult(item, CollectOutcome.UNKNOWN, operation, exc)
        try:
            operation = await self._journal.call(
                Journal.confirm, operation.operation_id, redemption_uuid=result.uuid
            )
        except JournalError as exc:
            log.error("A hand-over went through but the journal cannot record it yet: %s", exc)
            self._owed[operation.operation_id] = Owed(OpState.CONFIRMED, result.uuid)
            return CollectResult(
                item, CollectOutcome.COLLECTED, operation, not_recorded=True, journal_error=exc
            )
        return CollectResult(item, CollectOutcome.COLLECTED, operation)

    def _is_expired(self, item: PickupItem, exc: errors.PiggyError) -> bool:
        """80300 is both "expired" and "not found", told apart by a message that may be
        reworded or translated: the item's own expiry decides where it is known."""
        if exc.code == 80300 and item.expires_at is not None and item.expires_at <= self._clock():
            return True
        return isinstance(exc, errors.RewardExpiredError)

    async def _refused(
        self,
        item: PickupItem,
        operation: Operation,
        exc: errors.ApiError,
        outcome: CollectOutcome,
    ) -> CollectResult:
        code = refusal_code(exc)
        try:
            failed = await self._journal.call(
                Journal.fail, operation.operation_id, code=code, message=exc.message
            )
        except JournalError as journal_error:
            self._owed[operation.operation_id] = Owed(
                OpState.FAILED, code=code, message=exc.message
            )
            return CollectResult(
                item, outcome, operation, exc, not_recorded=True, journal_error=journal_error
            )
        return CollectResult(item, outcome, failed, exc)

    async def _already_collected(
        self, item: PickupItem, operation: Operation, exc: errors.ApiError
    ) -> CollectResult:
        """ "Already collected": by an earlier attempt of this journal, or somewhere else.

        An earlier attempt that reconciliation booked as not handed over, shortly before,
        is the likeliest author: a server slower than the grace period applied it after all.
        That attempt is booked as the success and the customer gets the item now.
        """
        result = await self._refused(item, operation, exc, CollectOutcome.ALREADY_COLLECTED)
        earlier = await self._earlier_unsettled_attempt(operation)
        if earlier is None:
            return result
        reference = operation.reference or operation.operation_id
        try:
            corrected = await self._journal.call(
                Journal.resolve,
                earlier.operation_id,
                state=OpState.CONFIRMED,
                note=(
                    f"the server answered 'already collected' to the later attempt "
                    f"{reference}: this attempt went through after all"
                ),
                correct_inferred=True,
            )
        except JournalError as journal_error:
            log.error("The journal cannot record an earlier attempt's success: %s", journal_error)
            return result
        return CollectResult(item, CollectOutcome.COLLECTED, corrected, by_earlier_attempt=True)

    async def _earlier_unsettled_attempt(self, operation: Operation) -> Operation | None:
        assert operation.loyalty_transaction_uuid is not None
        try:
            collects = await self._journal.call(
                Journal.collects_of, operation.loyalty_transaction_uuid
            )
        except JournalError:
            return None
        earlier = [c for c in collects if c.operation_id != operation.operation_id]
        if not earlier or any(c.state is OpState.CONFIRMED for c in earlier):
            return None
        last = earlier[-1]
        recent = operation.created_at - last.created_at <= EARLIER_ATTEMPT_WINDOW
        unsettled = last.is_unresolved or (last.state is OpState.FAILED and last.is_inferred)
        return last if recent and unsettled else None

    async def _after_earlier_attempt(
        self,
        customer_uuid: str,
        item: PickupItem,
        exc: OperationInProgressError,
        staff: StaffRef | None,
        customer_name: str | None,
        hand_over: HandOver | None,
    ) -> CollectResult:
        earlier = await self._journal.call(Journal.operation, exc.operation_id)
        settled = await self._try_reconcile([earlier])
        if not settled:
            # Being sent, within the grace period, or offline: nothing new goes out.
            return CollectResult(item, CollectOutcome.UNKNOWN, earlier, None)
        operation = settled[0].operation
        if operation.state is OpState.CONFIRMED:
            # The earlier attempt did hand it over: never send a second collect. It was
            # kept back while unknown, so the customer gets it now.
            return CollectResult(item, CollectOutcome.COLLECTED, operation, by_earlier_attempt=True)
        if settled[0].collected_by is not None:
            return CollectResult(item, CollectOutcome.ALREADY_COLLECTED, operation)
        return await self.collect(
            customer_uuid, item, staff=staff, customer_name=customer_name, hand_over=hand_over
        )

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

        ``collect_operation`` may be a collect of another counter of the shop, as the
        shared journal has it (read just before): this journal has no row of it, and its
        reversal is written here like any other.
        """
        collect = await self._current(collect_operation)
        if collect.kind != COLLECT or collect.state is not OpState.CONFIRMED:
            return ReverseResult(collect, ReverseOutcome.NOT_REVERSIBLE, None)
        if collect.is_reversed:
            earlier = await self._reversal_of(collect)
            return ReverseResult(collect, ReverseOutcome.ALREADY_REVERSED, earlier)
        if collect.reversal_operation_id is None and not collect.redemption_uuid:
            return ReverseResult(collect, ReverseOutcome.NO_REDEMPTION, None)
        try:
            operation = await self._journal.call(
                Journal.begin_reverse,
                collect_operation_id=collect.operation_id,
                reason=reason,
                note=note,
                staff=staff,
                lease=self._lease,
                known_collect=collect,
            )
        except AlreadyReversedError as exc:
            earlier = await self._operation_or_none(exc.reverse_operation_id)
            collect = await self._current(collect)
            return ReverseResult(collect, ReverseOutcome.ALREADY_REVERSED, earlier)
        except OperationInProgressError as exc:
            if await self._operation_or_none(exc.operation_id) is None:
                # Being sent, or checked, at the counter that started it: only that
                # counter can settle it.
                return ReverseResult(collect, ReverseOutcome.UNKNOWN, None)
            return await self._after_earlier_reverse(collect, exc, reason, note, staff)
        except NotReversibleError:
            collect = await self._current(collect)
            return ReverseResult(collect, ReverseOutcome.NOT_REVERSIBLE, None)
        assert operation.redemption_uuid is not None
        try:
            await self._piggy.reverse_collection(operation.redemption_uuid)
        except errors.RewardNotFoundError as exc:
            # [inferred] Mirrors collect: 6003 for a redemption that is no longer collected
            # (reversed before, e.g. in the dashboard), 80300 for one the server never made.
            # Reverse errors are undocumented, and 80300 may as well mean "reversed before":
            # the customer's list says which.
            outcome = (
                ReverseOutcome.ALREADY_REVERSED if exc.code == 6003 else ReverseOutcome.NOT_FOUND
            )
            return await self._reverse_refused(collect, operation, exc, outcome, check_list=True)
        except errors.PiggyError as exc:
            return await self._reverse_refused(
                collect, operation, exc, ReverseOutcome.REFUSED, check_list=True
            )
        except _REFUSALS as exc:
            return await self._reverse_refused(collect, operation, exc, ReverseOutcome.REFUSED)
        except errors.ApiError as exc:
            log.warning("Outcome of a reverse is unknown: %s", type(exc).__name__)
            operation = await mark_unknown(self._journal, operation, exc)
            settled = await self._try_reconcile([operation])
            collect = await self._current(collect)
            if not settled:
                return ReverseResult(collect, ReverseOutcome.UNKNOWN, operation, exc)
            operation = settled[0].operation
            if operation.state is OpState.CONFIRMED:
                return ReverseResult(collect, ReverseOutcome.REVERSED, operation)
            return ReverseResult(collect, ReverseOutcome.REFUSED, operation, exc)
        try:
            operation = await self._journal.call(Journal.confirm, operation.operation_id)
            collect = await self._current(collect)
        except JournalError as journal_error:
            log.error(
                "A reverse went through but the journal cannot record it yet: %s", journal_error
            )
            self._owed[operation.operation_id] = Owed(OpState.CONFIRMED)
            return ReverseResult(
                collect, ReverseOutcome.REVERSED, operation, journal_error=journal_error
            )
        return ReverseResult(collect, ReverseOutcome.REVERSED, operation)

    async def _current(self, collect: Operation) -> Operation:
        """The collect as this journal knows it (see :meth:`Journal.collect_as_known`)."""
        return await self._journal.call(Journal.collect_as_known, collect)

    async def _operation_or_none(self, operation_id: str) -> Operation | None:
        """The operation, or None when it was made at another counter (no row here)."""
        try:
            return await self._journal.call(Journal.operation, operation_id)
        except UnknownOperationError:
            return None

    async def _reversal_of(self, collect: Operation) -> Operation | None:
        if collect.reversal_operation_id is None:
            return None
        return await self._operation_or_none(collect.reversal_operation_id)

    async def _reverse_refused(
        self,
        collect: Operation,
        operation: Operation,
        exc: errors.ApiError,
        outcome: ReverseOutcome,
        *,
        check_list: bool = False,
    ) -> ReverseResult:
        """The server refused: record it, and with ``check_list`` let the list say more.

        A reward that is in the customer's list again was reversed before (in the
        dashboard, at another counter), whatever the refusal's code said.
        """
        if check_list and outcome is not ReverseOutcome.ALREADY_REVERSED:
            waiting = await self._waiting_or_none(operation.customer_uuid)
            if waiting is not None and operation.loyalty_transaction_uuid in waiting:
                outcome = ReverseOutcome.ALREADY_REVERSED
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
            return ReverseResult(collect, outcome, operation, exc, journal_error=journal_error)
        return ReverseResult(collect, outcome, failed, exc)

    async def _waiting_or_none(self, customer_uuid: str | None) -> set[str] | None:
        """The customer's uncollected rewards now, or None when that cannot be learned."""
        if not customer_uuid:
            return None
        try:
            return await self._waiting(customer_uuid)
        except errors.ApiError as exc:
            log.info("The customer's list could not be read: %s", type(exc).__name__)
            return None

    async def _waiting(self, customer_uuid: str) -> set[str]:
        return {
            item.uuid
            for item in await self._piggy.list_collectable_rewards(customer_uuid)
            if not item.has_been_collected
        }

    async def _after_earlier_reverse(
        self,
        collect: Operation,
        exc: OperationInProgressError,
        reason: ReverseReason | str,
        note: str | None,
        staff: StaffRef | None,
    ) -> ReverseResult:
        earlier = await self._journal.call(Journal.operation, exc.operation_id)
        settled = await self._try_reconcile([earlier])
        if not settled:
            # Still no way to tell whether it happened: sending another could not be undone
            # cleanly either, so the earlier one stays for reconciliation.
            return ReverseResult(collect, ReverseOutcome.UNKNOWN, earlier)
        collect = await self._current(collect)
        if settled[0].went_through:
            return ReverseResult(collect, ReverseOutcome.ALREADY_REVERSED, settled[0].operation)
        return await self.reverse(collect, reason=reason, note=note, staff=staff)

    async def reconcile(self) -> list[Reconciled]:
        """Settle the pending/unknown operations nobody is sending; raises an ApiError when
        offline. Answers the journal could not take earlier are written first."""
        await write_owed(self._journal, self._owed)
        settleable = await self._journal.call(Journal.settleable)
        settled = await self._reconcile([op for op in settleable if op.kind not in self._settlers])
        for kind, settle in self._settlers.items():
            of_kind = [op for op in settleable if op.kind == kind]
            if of_kind:
                settled += await settle(of_kind)
        return settled

    async def _try_reconcile(self, operations: Sequence[Operation]) -> list[Reconciled]:
        try:
            return await self._reconcile(operations)
        except errors.ApiError as exc:
            log.info("Reconciliation postponed: %s", type(exc).__name__)
            return []

    async def _reconcile(self, operations: Sequence[Operation]) -> list[Reconciled]:
        by_customer: dict[str, list[Operation]] = defaultdict(list)
        others: dict[str, list[Operation]] = defaultdict(list)
        for operation in operations:
            if operation.operation_id in self._owed:
                continue  # the server answered; only the journal is behind
            if operation.kind not in (COLLECT, REVERSE):
                # The customer's list of rewards to pick up says nothing about them.
                others[operation.kind].append(operation)
            elif operation.customer_uuid and operation.loyalty_transaction_uuid:
                by_customer[operation.customer_uuid].append(operation)
        settled: list[Reconciled] = []
        for kind, ops in others.items():
            settler = self._settlers.get(kind)
            if settler is not None:
                settled += await settler(ops)
        for customer_uuid, ops in by_customer.items():
            try:
                waiting = await self._waiting(customer_uuid)
            except errors.ContactNotFoundError:
                # A deleted customer's list cannot tell what happened: left unresolved for
                # a manager to look at in the Piggy dashboard.
                log.warning("Reconciliation: the customer of %d operation(s) is gone", len(ops))
                continue
            undecided = [op for op in ops if not self._tells(op, waiting)]
            if any(self._grace_over(op) for op in undecided):
                # "Not handed over" is concluded only from a second, fresh look.
                waiting = await self._waiting(customer_uuid)
            for operation in ops:
                if operation in undecided and not self._grace_over(operation):
                    continue
                if operation in undecided and not self._tells(operation, waiting):
                    outcome = await self._settle_not_done(operation)
                else:
                    outcome = await self._settle_done(operation)
                if outcome is not None:
                    settled.append(outcome)
        return settled

    @staticmethod
    def _tells(operation: Operation, waiting: set[str]) -> bool:
        """Whether the list shows the operation's effect (which no later check can undo)."""
        still_waiting = operation.loyalty_transaction_uuid in waiting
        return still_waiting if operation.kind == REVERSE else not still_waiting

    async def _settle_done(self, operation: Operation) -> Reconciled | None:
        if operation.kind == REVERSE:
            return await self._resolve(
                operation, OpState.CONFIRMED, "item is back in the uncollected list"
            )
        other = await self._other_collect(operation)
        if other is not None:
            where = f"{other.reference} at counter {other.counter}"
            note = f"collected by another hand-over ({where}), not by this attempt"
            return await self._resolve(operation, OpState.FAILED, note, collected_by=other)
        return await self._resolve(
            operation,
            OpState.CONFIRMED,
            "item no longer in the uncollected list: collected (here, or perhaps at another "
            "counter); not confirmed by the server's answer",
        )

    async def _settle_not_done(self, operation: Operation) -> Reconciled | None:
        seconds = int(self._grace.total_seconds())
        if operation.kind == REVERSE:
            note = f"item still not back in the uncollected list after {seconds} s: not reversed"
        else:
            note = f"item still waiting for pickup after {seconds} s: not collected"
        return await self._resolve(operation, OpState.FAILED, note)

    async def _other_collect(self, operation: Operation) -> Operation | None:
        """A confirmed, unreversed collect of the same reward other than ``operation``."""
        assert operation.loyalty_transaction_uuid is not None
        for other in await self._journal.call(
            Journal.collects_of, operation.loyalty_transaction_uuid
        ):
            if (
                other.operation_id != operation.operation_id
                and other.state is OpState.CONFIRMED
                and not other.is_reversed
            ):
                return other
        return None

    async def _resolve(
        self,
        operation: Operation,
        state: OpState,
        note: str,
        *,
        collected_by: Operation | None = None,
    ) -> Reconciled | None:
        resolved = await resolve_unless_taken(self._journal, operation, state, note)
        if resolved is None:
            return None
        log.info("Reconciled a %s: %s", operation.kind, state.value)
        return Reconciled(resolved, collected_by)

    async def unresolved_count(self) -> int:
        return len(await self._journal.call(Journal.unresolved))
