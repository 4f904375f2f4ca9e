"""Claim at the counter: the customer spends points on one of the shop's physical rewards.

What Piggy calls a reward reception (``POST /reward-receptions``); the reward it makes then
waits in the customer's pickup list, under the reception's own uuid, and is handed over like
any other. The points are the customer's money, so a claim goes through the journal exactly
like a collect (:mod:`pos_app.services.pickup`):

* written ``pending`` (with the reward and its points) before the request leaves, leased
  while it is on its way, and sent once;
* 2xx with the reception's uuid → ``confirmed``; a refusal (not enough points, out of
  stock, ...) → ``failed``; no answer, a 5xx, an unreadable 2xx → ``unknown``.

An unknown claim is settled from the server (:meth:`ClaimDesk.settle`), never by sending it
again: the customer's reward receptions (``GET /loyalty-transactions``) are read for one of
that reward made after the pending row was written (:data:`CLOCK_SKEW` allowed for the two
clocks) that no other claim of the journal accounts for. Found → claimed (marked as inferred,
not the server's answer). Not found → "not claimed" only after the grace period for a slow
server, and after a second look. A claim of the same reward by the same customer cannot
start while an earlier one has no outcome: that one is settled first, and if it went
through, nothing new is sent.

:class:`ClaimCounter` is the counter's policy around it: who may claim (the customer
identified by card or by a verified email, a staff member signed in, not at a kiosk) and
the balance shown after a claim.

Size: the claim's send-once path and its settling read the same journal rows and Piggy
answers, so they stay together; the steps every journaled desk shares are in
:mod:`pos_app.services.journaled`.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from pos_app.api import errors
from pos_app.services.journaled import (
    JournaledDesk,
    mark_unknown,
    refusal_code,
    resolve_unless_taken,
)
from pos_app.services.pickup import Reconciled
from pos_app.services.pickup_models import CustomerSummary, PickupItem, shown_attributes
from pos_app.storage import (
    Journal,
    JournalError,
    Operation,
    OperationInProgressError,
    OpState,
    StaffRef,
)

if TYPE_CHECKING:
    from pos_app.api import PiggyClient, Reward
    from pos_app.api.piggy_models import LoyaltyTransaction, RewardReception
    from pos_app.services.counter import CounterSession

__all__ = [
    "CLOCK_SKEW",
    "ClaimCatalogue",
    "ClaimCounter",
    "ClaimDesk",
    "ClaimOutcome",
    "ClaimRefusal",
    "ClaimRefused",
    "ClaimResult",
    "ClaimableReward",
]

log = logging.getLogger(__name__)

#: How much earlier than the claim's pending row a reception found on the server may be
#: stamped and still be that claim's: Piggy stamps whole seconds, and the counter PC's
#: clock and Piggy's are not the same clock.
CLOCK_SKEW = timedelta(seconds=30)
#: Loyalty transactions read per page when settling, and the pages read at most (newest
#: first: a claim being settled is among the customer's latest).
TRANSACTIONS_PER_PAGE = 100
MAX_TRANSACTION_PAGES = 5


async def read_transactions(
    piggy: PiggyClient,
    customer_uuid: str,
    kind: str,
    *,
    enough: Callable[[list[LoyaltyTransaction]], bool],
) -> list[LoyaltyTransaction]:
    """The customer's loyalty transactions of ``kind``, newest first, read a page at a
    time until ``enough`` says so of a page, the last page or :data:`MAX_TRANSACTION_PAGES`."""
    found: list[LoyaltyTransaction] = []
    for page_number in range(1, MAX_TRANSACTION_PAGES + 1):
        page = await piggy.list_loyalty_transactions(
            contact_uuid=customer_uuid,
            type=kind,
            page=page_number,
            limit=TRANSACTIONS_PER_PAGE,
        )
        found += page.items
        if enough(page.items) or not page.has_more or not page.items:
            break
    return found


async def transactions_since(
    piggy: PiggyClient, customer_uuid: str, kind: str, since: datetime
) -> list[LoyaltyTransaction]:
    """The customer's transactions of ``kind`` made since ``since`` (newest first, as far
    as the pages go: the page that reaches back before ``since`` is the last read)."""
    return await read_transactions(
        piggy,
        customer_uuid,
        kind,
        enough=lambda items: any(t.created_at is not None and t.created_at < since for t in items),
    )


@dataclass(frozen=True)
class ClaimableReward:
    """One of the shop's rewards a customer can spend points on (a Piggy reward)."""

    reward_uuid: str
    title: str
    description: str | None
    #: What it costs (Piggy's required credits).
    points: int
    #: What is left; None where Piggy keeps no stock.
    stock: int | None
    picture_url: str | None
    #: The custom attributes that may be shown (as in the pickup list).
    attributes: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_reward(cls, reward: Reward) -> ClaimableReward | None:
        """The claimable reward, or None for one Piggy gives no uuid or cost for."""
        if not reward.uuid or reward.required_credits is None or reward.required_credits < 0:
            return None
        media = reward.media
        return cls(
            reward_uuid=reward.uuid,
            title=reward.title or "",
            description=reward.description,
            points=reward.required_credits,
            stock=reward.stock,
            picture_url=media.value if media is not None and media.value else None,
            attributes=shown_attributes(reward.custom_attributes),
        )

    @property
    def out_of_stock(self) -> bool:
        return self.stock is not None and self.stock <= 0


@dataclass(frozen=True)
class ClaimCatalogue:
    """The rewards a customer could claim at this shop, and their balance now."""

    rewards: tuple[ClaimableReward, ...]
    #: The customer's points; None where Piggy did not say.
    balance: int | None

    @classmethod
    def of(cls, rewards: Sequence[Reward], balance: int | None) -> ClaimCatalogue:
        """The physical, active rewards, cheapest first (what the counter can hand over)."""
        claimable = [
            found
            for reward in rewards
            if reward.is_physical and reward.is_active is not False
            if (found := ClaimableReward.from_reward(reward)) is not None
        ]
        claimable.sort(key=lambda reward: (reward.points, reward.title.casefold()))
        return cls(tuple(claimable), balance)

    def covers(self, reward: ClaimableReward) -> bool:
        """Whether the balance pays for it and there is one left."""
        return (
            not reward.out_of_stock and self.balance is not None and self.balance >= reward.points
        )

    def shortfall(self, reward: ClaimableReward) -> int:
        """Points the customer is short of it (0: enough)."""
        return max(0, reward.points - (self.balance or 0))

    def by_uuid(self, reward_uuid: str) -> ClaimableReward | None:
        return next((r for r in self.rewards if r.reward_uuid == reward_uuid), None)

    def with_balance(self, balance: int | None) -> ClaimCatalogue:
        return ClaimCatalogue(self.rewards, balance)


class ClaimOutcome(StrEnum):
    #: The reward is the customer's: it waits in their pickup list.
    CLAIMED = "claimed"
    #: 1017: the balance does not cover it.
    NOT_ENOUGH_POINTS = "not_enough_points"
    #: 1018: none left.
    OUT_OF_STOCK = "out_of_stock"
    #: 1019: the customer claimed it as often as the reward allows.
    LIMIT_REACHED = "limit_reached"
    #: 1052: the shop switched the reward off.
    INACTIVE = "inactive"
    #: 6003: Piggy no longer has the reward.
    NOT_FOUND = "not_found"
    #: The card the customer showed is blocked (60004) or unknown (60003).
    CUSTOMER_BLOCKED = "customer_blocked"
    #: 55031: Piggy no longer has the customer.
    CUSTOMER_NOT_FOUND = "customer_not_found"
    #: Refused for another reason (credentials, maintenance, rate limit, ...), or found not
    #: to have happened when its answer was lost.
    REFUSED = "refused"
    #: No answer: it may or may not have happened; settling will tell.
    UNKNOWN = "unknown"
    #: The journal could not record the attempt: nothing was sent.
    NOT_RECORDED = "not_recorded"


_OUTCOMES: tuple[tuple[type[errors.ApiError], ClaimOutcome], ...] = (
    (errors.NotEnoughCreditsError, ClaimOutcome.NOT_ENOUGH_POINTS),
    (errors.RewardOutOfStockError, ClaimOutcome.OUT_OF_STOCK),
    (errors.ClaimLimitReachedError, ClaimOutcome.LIMIT_REACHED),
    (errors.RewardInactiveError, ClaimOutcome.INACTIVE),
    (errors.RewardNotFoundError, ClaimOutcome.NOT_FOUND),
    (errors.IdentifierInactiveError, ClaimOutcome.CUSTOMER_BLOCKED),
    (errors.IdentifierNotFoundError, ClaimOutcome.CUSTOMER_BLOCKED),
    (errors.ContactNotFoundError, ClaimOutcome.CUSTOMER_NOT_FOUND),
)

# The server answered before doing anything (as for a collect): nothing was claimed.
_REFUSALS = (
    errors.DeadlineExceededError,
    errors.NotConnectedError,
    errors.PiggyError,
    errors.AuthenticationError,
    errors.PermissionDeniedError,
    errors.NotFoundError,
    errors.RateLimitedError,
    errors.MaintenanceError,
)


@dataclass(frozen=True)
class ClaimResult:
    reward: ClaimableReward
    outcome: ClaimOutcome
    #: The claim as the journal has it after this attempt (None: nothing was recorded).
    operation: Operation | None
    #: The API error behind anything but CLAIMED, for the UI's wording.
    error: errors.ApiError | None = None
    #: The server's answer (None when the claim was settled from its list instead).
    reception: RewardReception | None = None
    #: The reward as it now waits in the pickup list, when the answer said.
    pickup_item: PickupItem | None = None
    #: The customer's points before (as the confirmation showed) and after the claim.
    balance_before: int | None = None
    balance_after: int | None = None
    #: CLAIMED because an earlier attempt (kept back as unknown) turned out to have gone
    #: through: nothing new was sent.
    by_earlier_attempt: bool = False
    #: The server answered, but the journal could not record it yet; settling does later.
    journal_error: JournalError | None = None


def _pickup_item(reception: RewardReception) -> PickupItem | None:
    from pos_app.api.piggy_models import CollectableReward

    if reception.reward is None or not reception.reward.is_physical:
        return None
    item = CollectableReward(
        uuid=reception.uuid,
        title=reception.reward_title,
        created_at=reception.created_at,
        expires_at=reception.expires_at,
        has_been_collected=reception.has_been_collected,
        reward=reception.reward,
        contact=reception.contact,
    )
    return PickupItem.from_reward(item)


class ClaimDesk(JournaledDesk):
    """Claims through the journal, and settling those whose answer was lost.

    See the module docstring. ``settle_grace`` and ``lease`` as for
    :class:`~pos_app.services.journaled.JournaledDesk`.
    """

    async def catalogue(self, shop_uuid: str | None, balance: int | None) -> ClaimCatalogue:
        """The shop's rewards a customer with ``balance`` points could claim."""
        return ClaimCatalogue.of(await self._piggy.list_rewards(shop_uuid=shop_uuid), balance)

    # -- claim --------------------------------------------------------------------------

    async def claim(
        self,
        customer: CustomerSummary,
        reward: ClaimableReward,
        *,
        shop_uuid: str | None,
        staff: StaffRef | None,
        customer_name: str | None = None,
        balance_before: int | None = None,
    ) -> ClaimResult:
        """Claim ``reward`` for ``customer``. Never raises for an API or journal outcome."""
        try:
            operation = await self._journal.call(
                Journal.begin_claim,
                customer_uuid=customer.uuid,
                customer_name=customer_name,
                reward_uuid=reward.reward_uuid,
                reward_title=reward.title,
                points=reward.points,
                staff=staff,
                lease=self._lease,
            )
        except OperationInProgressError as exc:
            return await self._after_earlier_attempt(
                customer, reward, exc, shop_uuid, staff, customer_name, balance_before
            )
        except JournalError as exc:
            log.error("Claim not started, the journal cannot record it: %s", exc)
            return ClaimResult(
                reward,
                ClaimOutcome.NOT_RECORDED,
                None,
                balance_before=balance_before,
                journal_error=exc,
            )
        try:
            reception = await self._piggy.create_reward_reception(
                contact_uuid=customer.uuid,
                reward_uuid=reward.reward_uuid,
                shop_uuid=shop_uuid,
                contact_identifier_value=customer.card,
            )
        except _REFUSALS as exc:
            return await self._refused(reward, operation, exc, balance_before)
        except errors.ApiError as exc:
            log.warning("Outcome of a claim is unknown: %s", type(exc).__name__)
            operation = await mark_unknown(self._journal, operation, exc)
            settled = await self._try_settle([operation])
            if not settled:
                return ClaimResult(
                    reward, ClaimOutcome.UNKNOWN, operation, exc, balance_before=balance_before
                )
            operation = settled[0].operation
            outcome = ClaimOutcome.CLAIMED if settled[0].went_through else ClaimOutcome.REFUSED
            error = None if settled[0].went_through else exc
            return ClaimResult(reward, outcome, operation, error, balance_before=balance_before)
        balance_after = reception.balance_after
        if balance_after is None and balance_before is not None:
            balance_after = balance_before - (reception.points_spent or reward.points)
        result = ClaimResult(
            reward,
            ClaimOutcome.CLAIMED,
            operation,
            reception=reception,
            pickup_item=_pickup_item(reception),
            balance_before=balance_before,
            balance_after=balance_after,
        )
        try:
            confirmed = await self._journal.call(
                Journal.confirm,
                operation.operation_id,
                loyalty_transaction_uuid=reception.uuid,
                points=reception.points_spent,
            )
        except JournalError as exc:
            # The row stays pending: settling finds this reception on the server later.
            log.error("A claim went through but the journal cannot record it yet: %s", exc)
            return replace(result, journal_error=exc)
        return replace(result, operation=confirmed)

    async def _refused(
        self,
        reward: ClaimableReward,
        operation: Operation,
        exc: errors.ApiError,
        balance_before: int | None,
    ) -> ClaimResult:
        outcome = next(
            (outcome for kind, outcome in _OUTCOMES if isinstance(exc, kind)), ClaimOutcome.REFUSED
        )
        code = refusal_code(exc)
        try:
            failed = await self._journal.call(
                Journal.fail, operation.operation_id, code=code, message=exc.message
            )
        except JournalError as journal_error:
            # Pending with a refusal not recorded: settling books it as not claimed later.
            log.error("The journal cannot record a refused claim: %s", journal_error)
            return ClaimResult(
                reward,
                outcome,
                operation,
                exc,
                balance_before=balance_before,
                journal_error=journal_error,
            )
        return ClaimResult(reward, outcome, failed, exc, balance_before=balance_before)

    async def _after_earlier_attempt(
        self,
        customer: CustomerSummary,
        reward: ClaimableReward,
        exc: OperationInProgressError,
        shop_uuid: str | None,
        staff: StaffRef | None,
        customer_name: str | None,
        balance_before: int | None,
    ) -> ClaimResult:
        earlier = await self._journal.call(Journal.operation, exc.operation_id)
        settled = await self._try_settle([earlier])
        if not settled:
            # Being sent, within the grace period, or offline: nothing new goes out.
            return ClaimResult(reward, ClaimOutcome.UNKNOWN, earlier, balance_before=balance_before)
        if settled[0].went_through:
            return ClaimResult(
                reward,
                ClaimOutcome.CLAIMED,
                settled[0].operation,
                balance_before=balance_before,
                by_earlier_attempt=True,
            )
        return await self.claim(
            customer,
            reward,
            shop_uuid=shop_uuid,
            staff=staff,
            customer_name=customer_name,
            balance_before=balance_before,
        )

    # -- settling -----------------------------------------------------------------------

    async def _try_settle(self, operations: Sequence[Operation]) -> list[Reconciled]:
        try:
            return await self.settle(operations)
        except errors.ApiError as exc:
            log.info("Settling a claim postponed: %s", type(exc).__name__)
            return []

    async def settle(self, operations: Sequence[Operation]) -> list[Reconciled]:
        """Settle unfinished claims from the customers' reward receptions on the server.

        Raises an ApiError when the server cannot be asked (offline).
        """
        by_customer: dict[str, list[Operation]] = defaultdict(list)
        for operation in operations:
            if operation.customer_uuid and operation.reward_uuid and operation.is_unresolved:
                by_customer[operation.customer_uuid].append(operation)
        settled: list[Reconciled] = []
        for customer_uuid, claims in by_customer.items():
            claims.sort(key=lambda op: op.created_at)
            since = claims[0].created_at - CLOCK_SKEW
            try:
                receptions = await self._receptions_since(customer_uuid, since)
            except errors.ContactNotFoundError:
                # A deleted customer's receptions cannot tell: left for a manager to look
                # at in the Piggy dashboard.
                log.warning("Settling: the customer of %d claim(s) is gone", len(claims))
                continue
            accounted = await self._accounted(customer_uuid)
            undecided: list[Operation] = []
            for claim in claims:
                found = _reception_of(claim, receptions, accounted)
                if found is None:
                    undecided.append(claim)
                    continue
                accounted.add(found.uuid)
                outcome = await self._resolve_found(claim, found)
                if outcome is not None:
                    settled.append(outcome)
            due = [claim for claim in undecided if self._grace_over(claim)]
            if not due:
                continue
            # "Not claimed" is concluded only from a second, fresh look.
            receptions = await self._receptions_since(customer_uuid, since)
            for claim in due:
                found = _reception_of(claim, receptions, accounted)
                if found is not None:
                    accounted.add(found.uuid)
                    outcome = await self._resolve_found(claim, found)
                else:
                    seconds = int(self._grace.total_seconds())
                    outcome = await self._resolve(
                        claim,
                        OpState.FAILED,
                        f"no reception of this reward on the server {seconds} s after the "
                        "claim was sent: not claimed",
                    )
                if outcome is not None:
                    settled.append(outcome)
        return settled

    async def _receptions_since(
        self, customer_uuid: str, since: datetime
    ) -> list[LoyaltyTransaction]:
        """The customer's reward receptions made since ``since`` (as far as the pages go)."""
        from pos_app.api.piggy_models import REWARD_RECEPTIONS_FILTER

        return await transactions_since(self._piggy, customer_uuid, REWARD_RECEPTIONS_FILTER, since)

    async def _accounted(self, customer_uuid: str) -> set[str]:
        """Receptions the journal's claims of this customer already stand for."""
        claims = await self._journal.call(Journal.claims_of, customer_uuid)
        return {
            claim.loyalty_transaction_uuid
            for claim in claims
            if claim.state is OpState.CONFIRMED and claim.loyalty_transaction_uuid
        }

    async def _resolve_found(
        self, claim: Operation, reception: LoyaltyTransaction
    ) -> Reconciled | None:
        return await self._resolve(
            claim,
            OpState.CONFIRMED,
            "a reception of this reward made after the claim was sent is on the server: "
            "claimed; not confirmed by the server's answer",
            loyalty_transaction_uuid=reception.uuid,
        )

    async def _resolve(
        self,
        claim: Operation,
        state: OpState,
        note: str,
        *,
        loyalty_transaction_uuid: str | None = None,
    ) -> Reconciled | None:
        resolved = await resolve_unless_taken(
            self._journal,
            claim,
            state,
            note,
            loyalty_transaction_uuid=loyalty_transaction_uuid,
        )
        if resolved is None:
            return None
        log.info("Settled a claim: %s", state.value)
        return Reconciled(resolved)


def _reception_of(
    claim: Operation, receptions: Sequence[LoyaltyTransaction], accounted: set[str]
) -> LoyaltyTransaction | None:
    """The oldest reception of the claim's reward made after it, that no claim stands for."""
    earliest = claim.created_at - CLOCK_SKEW
    candidates = [
        reception
        for reception in receptions
        if reception.reward_uuid == claim.reward_uuid
        and reception.created_at is not None
        and reception.created_at >= earliest
        and reception.uuid not in accounted
        and (reception.contact_uuid in (None, claim.customer_uuid))
    ]
    return min(candidates, key=lambda r: r.created_at or earliest, default=None)


# -- the counter's policy -------------------------------------------------------------------


class ClaimRefusal(StrEnum):
    """Why no claim can start at this counter for this customer right now."""

    #: No journal (or no Piggy): nothing could be recorded, so nothing is sent.
    NOT_SET_UP = "not_set_up"
    #: The journal check found something a manager must acknowledge first.
    HELD = "held"
    #: A kiosk: a shared screen where anyone in the queue may stand; points are spent with
    #: staff at a staffed counter.
    KIOSK = "kiosk"
    #: Staff must sign in to claim, but the staff list cannot check PINs.
    NO_STAFF_CHECK = "no_staff_check"
    #: No shop is set for this counter: Piggy needs one for a claim.
    NO_SHOP = "no_shop"
    #: Found by email without the code: anyone could have typed that address.
    WEAK_IDENTIFICATION = "weak_identification"
    #: Nobody is signed in (the view asks first; this is the refusal if nobody did).
    NOT_SIGNED_IN = "not_signed_in"


class ClaimRefused(Exception):
    """A claim was asked for that the counter's state does not allow; nothing sent."""

    def __init__(self, refusal: ClaimRefusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


class ClaimCounter:
    """Claims for the customer at one counter (:class:`CounterSession`).

    A claim needs the customer identified the strong way (card, or email proven with the
    code), a staff member signed in (always: also where hand-overs need no sign-in, and
    also where the shop has no staff profiles yet) and no kiosk. After a claim the
    customer's balance is read again and their pickup list refreshed.
    """

    def __init__(self, counter: CounterSession) -> None:
        self._counter = counter

    @property
    def available(self) -> bool:
        """Whether this counter offers claiming at all (not on a kiosk, not without Piggy)."""
        return not self._counter.kiosk and self._counter.claims is not None

    def refusal(self, customer: CustomerSummary) -> ClaimRefusal | None:
        """Why ``customer`` cannot claim here now, before anything is confirmed.

        Nobody signed in is no refusal yet: the view asks for a sign-in after the
        confirmation, and :meth:`claim` refuses if nobody did.
        """
        counter = self._counter
        if counter.kiosk:
            return ClaimRefusal.KIOSK
        if counter.claims is None:
            return ClaimRefusal.NOT_SET_UP
        if counter.held_by is not None:
            return ClaimRefusal.HELD
        if counter.services.staff is None:
            return ClaimRefusal.NO_STAFF_CHECK
        if not counter.settings.shop_uuid:
            return ClaimRefusal.NO_SHOP
        identification = customer.identification
        if identification is None or not identification.is_strong:
            return ClaimRefusal.WEAK_IDENTIFICATION
        return None

    @property
    def needs_sign_in(self) -> bool:
        return self._counter.sign_in.profile is None

    def balance(self, customer: CustomerSummary) -> int | None:
        return self._counter.points_of(customer)

    async def catalogue(self, customer: CustomerSummary) -> ClaimCatalogue:
        """The shop's rewards, with ``customer``'s balance as last known."""
        counter = self._counter
        if counter.claims is None:
            from pos_app.services.counter import NotSetUpError

            raise NotSetUpError(counter.services.journal_problem or "")
        try:
            catalogue = await counter.claims.catalogue(
                counter.settings.shop_uuid, self.balance(customer)
            )
        except errors.ApiError as exc:
            counter.note_error(exc)
            raise
        counter.mark_online()
        return catalogue

    async def claim(self, customer: CustomerSummary, reward: ClaimableReward) -> ClaimResult:
        """Claim ``reward`` for ``customer``, sent at most once.

        Raises :class:`ClaimRefused` (nothing sent) when :meth:`refusal` or a missing
        sign-in forbids it. Afterwards (claimed, or perhaps) the balance is read again and
        the pickup list refreshed, for ``customer`` only while they are at the counter.
        """
        from pos_app.services.slips import customer_display_name

        counter = self._counter
        refusal = self.refusal(customer)
        if refusal is None and self.needs_sign_in:
            refusal = ClaimRefusal.NOT_SIGNED_IN
        if refusal is not None:
            raise ClaimRefused(refusal)
        assert counter.claims is not None
        result = await counter.claims.claim(
            customer,
            reward,
            shop_uuid=counter.settings.shop_uuid,
            staff=counter.sign_in.staff,
            customer_name=customer_display_name(customer),
            balance_before=self.balance(customer),
        )
        counter.share_now()
        self._learn_from(result)
        if result.outcome in (ClaimOutcome.CLAIMED, ClaimOutcome.UNKNOWN):
            await self._refresh(customer, result)
        return result

    def _learn_from(self, result: ClaimResult) -> None:
        counter = self._counter
        error = result.error
        if result.outcome not in (ClaimOutcome.UNKNOWN, ClaimOutcome.NOT_RECORDED) and not (
            isinstance(error, errors.ApiConnectionError)
        ):
            counter.mark_online()
        if error is not None:
            counter.note_error(error)
        if result.outcome is ClaimOutcome.UNKNOWN and counter.reconciler is not None:
            counter.reconciler.connection_lost()
            counter.reconciler.note_unfinished()

    async def _refresh(self, customer: CustomerSummary, result: ClaimResult) -> None:
        counter = self._counter
        await counter.read_balance(customer, result.balance_after)
        await counter.refresh(customer)
