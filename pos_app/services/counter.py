"""The cashier's use cases at one counter, without Qt: who is here, and handing over.

:class:`CounterServices` is what a counter runs on (settings, API clients, journal, staff
list), opened once by the app and closed once. :class:`CounterSession` is the counter's
day on top of it: identify a customer (card, email with or without a code, a slip
reference), load their rewards, hand rewards over, and keep the reconciler informed of
what the calls learn about the connection.

Views listen: every change the screen shows is a :data:`CounterEvent`
(:mod:`pos_app.services.counter_events`, re-exported here) sent to the
listeners (:meth:`CounterSession.add_listener`), and each event names the customer it
belongs to, so a view never writes one customer's outcome over another's screen. The
session asks nobody anything: confirmations, sign-in and slips are the view's business,
before and after :meth:`CounterSession.hand_over`.

Size: the session's use cases share its state (who is here, the lookup in flight, the
remembered cards); identifying and the hand-over loop already live in
:mod:`pos_app.services.identify` and :mod:`pos_app.services.pickup`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from pos_app.api import errors
from pos_app.api.budget import Deadline, time_budget
from pos_app.clock import utc_now
from pos_app.services.claim import ClaimDesk
from pos_app.services.connections import ApiClients
from pos_app.services.counter_events import (
    BalanceChanged,
    CodeSent,
    CounterEvent,
    CustomerCleared,
    CustomerFound,
    HandOverReport,
    ItemHandled,
    ItemsSending,
    Listener,
    RewardsShown,
)
from pos_app.services.identify import (
    LOOKUP_BUDGET,
    CustomerLookup,
    RememberedCards,
    Scan,
    ScanKind,
)
from pos_app.services.pickup import (
    CollectOutcome,
    CollectResult,
    HandOver,
    PickupDesk,
    ReverseOutcome,
    ReverseResult,
)
from pos_app.services.pickup_models import CustomerSummary, PickupItem, PickupList, mask_email
from pos_app.services.reconcile import Reconciler, ReconcileReport, Spawn
from pos_app.services.refund import RefundDesk, RefundOutcome, RefundResult
from pos_app.services.scan_lock import RepeatScanLock
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import PrintSlip, Settings
from pos_app.services.shared_journal import SharedJournal
from pos_app.services.shop_pickups import ShopPickups
from pos_app.services.slips import customer_display_name
from pos_app.services.staff import SignInSession, StaffDirectory, StaffService
from pos_app.services.tasks import discard
from pos_app.storage import (
    CLAIM,
    AsyncJournal,
    JournalHealth,
    Operation,
    ReverseReason,
)

__all__ = [
    "UNDO_SECONDS",
    "BalanceChanged",
    "CodeSent",
    "CounterEvent",
    "CounterServices",
    "CounterSession",
    "CustomerCleared",
    "CustomerFound",
    "HandOverRefused",
    "HandOverReport",
    "ItemHandled",
    "ItemsSending",
    "NotSetUpError",
    "Refusal",
    "RewardsShown",
    "UndoRefusal",
    "UndoRefused",
]

log = logging.getLogger(__name__)

# A spent budget still needs a positive number: the request then fails at once, unsent.
_LEAST_BUDGET = 0.001
#: Seconds after a hand-over in which its cashier may undo it without a manager.
UNDO_SECONDS = 30.0


class NotSetUpError(Exception):
    """A part of the counter that is not set up (or could not be opened) was asked for.

    The message is the reason in words for a person, as the app worded it when it tried.
    """


@dataclass
class CounterServices:
    """What a counter runs on; ``None`` parts are not set up, ``*_problem`` says why."""

    settings: Settings
    clients: ApiClients
    journal: AsyncJournal | None = None
    journal_problem: str | None = None
    journal_health: JournalHealth | None = None
    staff: StaffService | None = None
    staff_problem: str | None = None
    #: Where Settings reads and writes (None: the demo and tests, which have no Settings).
    secrets: SecretStore | None = None
    config_file: Path | None = None
    #: The shop's shared journal (None: none is set up, or it could not be opened:
    #: ``shared_problem`` says why, for the log).
    shared: SharedJournal | None = None
    shared_problem: str | None = None

    @property
    def problems(self) -> list[str]:
        """Everything not set up, in words, for the status bar."""
        found = list(self.clients.problems)
        found += [p for p in (self.journal_problem, self.staff_problem) if p]
        return found

    async def aclose(self) -> None:
        """Close what was opened; once, by whoever opened it (the app, or a test)."""
        if self.shared is not None:
            await self.shared.aclose()
        if self.staff is not None:
            await self.staff.aclose()
        if self.journal is not None:
            await self.journal.aclose()
        await self.clients.aclose()


# -- hand-over policy ------------------------------------------------------------------------


class Refusal(StrEnum):
    """Why no hand-over can start at this counter right now."""

    #: No journal (or no Piggy): nothing could be recorded, so nothing is sent.
    NOT_SET_UP = "not_set_up"
    #: The journal check found something a manager must acknowledge first.
    HELD = "held"
    #: Staff must sign in here, but the staff list cannot check PINs.
    NO_STAFF_CHECK = "no_staff_check"
    #: Staff must sign in here, and nobody is.
    NOT_SIGNED_IN = "not_signed_in"
    #: A digital reward was among the items: the customer received it online, so there is
    #: nothing to hand over, and a collect would record a hand-over that never happened.
    DIGITAL = "digital"


class UndoRefusal(StrEnum):
    """Why a hand-over cannot be undone at the counter (a manager can still reverse it)."""

    #: Nothing of it was handed over (or the counter cannot reverse at all).
    NOTHING = "nothing"
    #: The few seconds for a mis-tap are over.
    TOO_LATE = "too_late"
    #: Someone else is signed in now than who handed it over.
    OTHER_CASHIER = "other_cashier"


class UndoRefused(Exception):
    def __init__(self, refusal: UndoRefusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


class HandOverRefused(Exception):
    """A hand-over was asked for that the counter's state does not allow; nothing sent."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


class CounterSession:
    """One counter's customers and hand-overs; see the module docstring.

    ``kiosk``: a shared, locked-down counter, where staff always sign in to hand over.
    ``spawn`` starts the reconciler's background runs (the view passes its task owner, so
    its shutdown waits for them).
    """

    def __init__(
        self,
        services: CounterServices,
        *,
        kiosk: bool = False,
        spawn: Spawn | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        settings = services.settings
        self.services = services
        self.settings = settings
        self.kiosk = kiosk
        piggy = services.clients.piggy
        self._now = clock or utc_now
        self._lookup = CustomerLookup(piggy, clock=clock) if piggy is not None else None
        self.desk = (
            PickupDesk(
                piggy,
                services.journal,
                settle_grace=timedelta(seconds=settings.settle_grace_seconds),
            )
            if piggy is not None and services.journal is not None
            else None
        )
        #: Claims with the customer's points, through the same journal; what they leave
        #: unfinished is settled in the same reconciliation runs.
        self.claims = (
            ClaimDesk(
                piggy,
                services.journal,
                settle_grace=timedelta(seconds=settings.settle_grace_seconds),
            )
            if piggy is not None and services.journal is not None
            else None
        )
        if self.desk is not None and self.claims is not None:
            self.desk.add_settler(CLAIM, self.claims.settle)
        #: Refunds of returned rewards' points, beside the desk (None without one).
        self.refunds = RefundDesk(self.desk) if self.desk is not None else None
        #: Settles what hand-overs and reversals left unfinished (None without a journal).
        self.reconciler = (
            Reconciler(self.desk, spawn=spawn or asyncio.ensure_future)
            if self.desk is not None
            else None
        )
        self.sign_in = SignInSession(
            idle_after=timedelta(minutes=settings.staff_idle_sign_out_minutes)
        )
        health = services.journal_health
        #: Set while hand-overs wait for a manager to acknowledge what the check found.
        self.held_by: JournalHealth | None = (
            health if health is not None and health.needs_acknowledgement else None
        )
        #: This counter's pickups and, when shared, the shop's (None without a journal).
        self.pickups = (
            ShopPickups(services.journal, services.shared) if services.journal is not None else None
        )
        self.on_reconciled(lambda _report: self.share_now())
        self.customer: CustomerSummary | None = None
        #: The customer's points read again after a claim (the summary has those of when
        #: they were found).
        self._balance: tuple[CustomerSummary, int] | None = None
        self.shop_name = ""
        self._pending_email: str | None = None
        self._listeners: list[Listener] = []
        self._cards = RememberedCards()
        #: Which scans start a lookup: the same code read twice is one customer. Every
        #: input (scan field, camera) asks this one.
        self.repeat_scans = RepeatScanLock()

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: CounterEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- the connection and what waits to be settled ------------------------------------------

    def on_reconciled(self, listener: Callable[[ReconcileReport], None]) -> None:
        """``listener`` hears every reconciliation report (nothing without a journal)."""
        if self.reconciler is not None:
            self.reconciler.add_listener(listener)

    def start_sharing(self) -> None:
        """The counter is up: copy its journal to the shop's shared journal, if there is one."""
        if self.services.shared is not None:
            self.services.shared.start()

    def share_now(self) -> None:
        """Rows were just written: copy them now rather than at the next poll."""
        if self.services.shared is not None:
            self.services.shared.wake()

    def start_settling(self) -> None:
        """The counter is up: settle what earlier runs left, and keep at it while any waits."""
        if self.reconciler is not None:
            self.reconciler.start()

    def settle_now(self) -> None:
        if self.reconciler is not None:
            self.reconciler.run_now()

    def stop_settling(self) -> None:
        if self.reconciler is not None:
            self.reconciler.stop()

    def note_error(self, exc: BaseException) -> None:
        """A call failed: a lost connection is the reconciler's cue to check once it is back."""
        if isinstance(exc, errors.ApiConnectionError) and self.reconciler is not None:
            self.reconciler.connection_lost()

    def mark_online(self) -> None:
        """A call went through. After an outage, settle what it left unfinished."""
        if self.reconciler is not None:
            self.reconciler.answered()

    def _piggy_lookup(self) -> CustomerLookup:
        if self._lookup is None:
            raise NotSetUpError(" ".join(self.services.clients.problems))
        return self._lookup

    async def load_shop_name(self) -> str | None:
        """The name of the shop this counter is set up for; None when Piggy lacks it.

        (None and "" are for the view to word: an unknown uuid, or no shop chosen.)
        """
        piggy = self.services.clients.piggy
        if piggy is None:
            raise NotSetUpError(" ".join(self.services.clients.problems))
        try:
            shops = await piggy.list_shops()
        except errors.ApiError as exc:
            self.note_error(exc)
            raise
        self.mark_online()
        wanted = self.settings.shop_uuid
        for shop in shops:
            if wanted and shop.uuid == wanted:
                self.shop_name = str(shop.name)
                return self.shop_name
        return None if wanted else ""

    # -- who is at the counter ---------------------------------------------------------------

    @property
    def pending_email(self) -> str | None:
        """The email a login code was sent to and not yet typed (never shown or logged)."""
        return self._pending_email

    def new_scan(self, scan: Scan) -> None:
        """Something was scanned: a new customer (a slip reference leaves the customer)."""
        self._pending_email = None
        if scan.kind is not ScanKind.SLIP:
            # The previous customer's rewards must not stay on screen, even if this
            # lookup fails.
            self.clear()

    def points_of(self, customer: CustomerSummary) -> int | None:
        """``customer``'s points as last known at this counter."""
        if self._balance is not None and self._balance[0] is customer:
            return self._balance[1]
        return customer.points

    def note_balance(self, customer: CustomerSummary, points: int) -> None:
        """``customer``'s points were read again (after a claim): shown if they are here."""
        self._balance = (customer, points)
        if self.customer is customer:
            self._emit(BalanceChanged(customer, points))

    async def read_balance(self, customer: CustomerSummary, known: int | None = None) -> None:
        """Read ``customer``'s points again after they changed here (a claim, a refund):
        shown if they are here. ``known`` is what the server's answer said, kept when the
        contact cannot be read."""
        piggy = self.services.clients.piggy
        balance = known
        if piggy is not None:
            try:
                balance = (await piggy.get_contact(customer.uuid)).points
            except errors.ApiError as exc:
                self.note_error(exc)
        if balance is not None:
            self.note_balance(customer, balance)

    async def refund_finished(self, result: RefundResult) -> None:
        """A refund from Recent pickups ended: the customer on screen, if it gave them
        points back, is shown their points now."""
        customer = self.customer
        if (
            result.outcome is RefundOutcome.REFUNDED
            and customer is not None
            and result.collect.customer_uuid == customer.uuid
        ):
            await self.read_balance(customer, result.balance)

    def clear(self) -> None:
        """No customer at the counter."""
        self.customer = None
        self._pending_email = None
        self._emit(CustomerCleared())

    def forget_cards(self) -> None:
        """Forget which contact each card had: its next scan asks Piggy first again."""
        self._cards.forget()

    def needs_code(self, scan: Scan) -> bool:
        return scan.kind is ScanKind.EMAIL and self.settings.require_code_for_email

    async def load_customer(self, scan: Scan) -> CustomerSummary:
        """Identify by card (or by email, when the shop needs no code) and show them."""
        lookup = self._piggy_lookup()
        # One budget from Enter to the list: the card's calls and the rewards share it.
        with time_budget(LOOKUP_BUDGET) as deadline:
            try:
                if scan.kind is ScanKind.EMAIL:
                    customer = await lookup.by_email(scan.value)
                    rewards = None
                else:
                    customer, rewards = await self._cards.look_up(lookup, scan.value)
            except errors.ApiError as exc:
                self.note_error(exc)
                raise
        await self._show(customer, deadline, rewards)
        return customer

    async def send_code(self, email: str | None = None) -> None:
        """Email the customer a login code (again, without ``email``)."""
        lookup = self._piggy_lookup()
        email = email or self._pending_email
        if email is None:
            return
        try:
            await lookup.send_code(email)
        except errors.ApiError as exc:
            self.note_error(exc)
            raise
        self.mark_online()
        self._pending_email = email
        self._emit(CodeSent(mask_email(email)))

    def cancel_code(self) -> None:
        self._pending_email = None

    async def verify_code(self, code: str) -> CustomerSummary | None:
        """The code the customer read out; None when no code is awaited."""
        email = self._pending_email
        if email is None:
            return None
        try:
            customer = await self._piggy_lookup().verify_code(email, code)
        except errors.ApiError as exc:
            self.note_error(exc)
            raise
        self._pending_email = None
        await self._show(customer)
        return customer

    async def _show(
        self,
        customer: CustomerSummary,
        deadline: Deadline | None = None,
        rewards: asyncio.Future[list[PickupItem]] | None = None,
    ) -> None:
        """``customer`` is here: their rewards, within what is left of ``deadline``.

        Listeners hear :class:`CustomerFound` before the rewards are shown, so the side
        programs can start without waiting for them (outside this budget: they have their
        own; a task takes the budget in force where it is created). ``rewards``: already
        asked for.
        """
        lookup = self._piggy_lookup()
        self.mark_online()
        self.customer = customer
        self._emit(CustomerFound(customer))
        budget = max(deadline.remaining(), _LEAST_BUDGET) if deadline else LOOKUP_BUDGET
        with time_budget(budget):
            try:
                items = await (rewards if rewards is not None else lookup.rewards(customer.uuid))
            except errors.ApiError as exc:
                self.note_error(exc)
                raise
            finally:
                if rewards is not None and not rewards.done():
                    discard(rewards)  # the load was cancelled: so is its rewards call
        if self.customer is not customer:
            return  # a newer scan took over
        rewards_list = await PickupList.prepare(items, lookup.now())
        if self.customer is customer:
            self._emit(RewardsShown(customer, rewards_list))

    async def refresh(self, customer: CustomerSummary) -> None:
        """Ask again what ``customer`` can pick up; shown only while they are here."""
        lookup = self._piggy_lookup()
        try:
            items = await lookup.rewards(customer.uuid)
        except errors.ApiError as exc:
            self.note_error(exc)
            return
        if self.customer is not customer:
            return
        rewards_list = await PickupList.prepare(items, lookup.now())
        if self.customer is customer:
            self._emit(RewardsShown(customer, rewards_list, first=False))

    async def find_pickup(self, reference: str) -> Operation | None:
        """The pickup a slip reference names: this counter's, or (shared) the shop's.

        Raises :class:`~pos_app.services.shop_pickups.ShopJournalUnreachableError` when
        this counter has none and the shop's shared journal cannot be asked.
        """
        if self.pickups is None:
            raise NotSetUpError(self.services.journal_problem or "")
        return await self.pickups.find(reference)

    # -- handing over ------------------------------------------------------------------------

    @property
    def sign_in_required(self) -> bool:
        """Staff sign in to hand over: the shop says so, or a kiosk (always)."""
        return self.settings.require_staff_sign_in or self.kiosk

    def refusal(self) -> Refusal | None:
        """Why a hand-over cannot start now, before the cashier confirms anything.

        Not being signed in is no refusal yet: the view asks for a sign-in after the
        confirmation, and :meth:`hand_over` refuses if nobody did.
        """
        if self.desk is None:
            return Refusal.NOT_SET_UP
        if self.held_by is not None:
            return Refusal.HELD
        if self.sign_in_required and self.services.staff is None:
            return Refusal.NO_STAFF_CHECK
        return None

    @property
    def needs_sign_in(self) -> bool:
        """A hand-over now would first need someone to sign in."""
        return self.sign_in_required and self.sign_in.profile is None

    def acknowledged(self) -> None:
        """A manager acknowledged the journal check: hand-overs may start again."""
        self.held_by = None

    @property
    def slip_due(self) -> bool:
        return self.settings.print_slip is not PrintSlip.NEVER

    async def hand_over(self, customer: CustomerSummary, items: list[PickupItem]) -> HandOverReport:
        """Hand ``items`` over to ``customer``, one after the other, each sent at most once.

        Raises :class:`HandOverRefused` (nothing sent) when :meth:`refusal`, a digital
        reward among ``items`` or a missing sign-in forbids it (the view asks for the
        sign-in first). The report names
        ``customer`` whoever is at the counter by the time the answers are in.
        """
        refusal = self.refusal()
        if refusal is None and any(item.is_digital for item in items):
            refusal = Refusal.DIGITAL
        if refusal is None and self.needs_sign_in and not await self._sign_in_waived():
            refusal = Refusal.NOT_SIGNED_IN
        if refusal is not None:
            raise HandOverRefused(refusal)
        assert self.desk is not None
        staff = self.sign_in.staff
        self._emit(ItemsSending(customer, items))
        results: list[CollectResult] = []
        # One slip, one code for all of them.
        together = HandOver()
        for item in items:
            result = await self.desk.collect(
                customer.uuid,
                item,
                staff=staff,
                customer_name=customer_display_name(customer),
                hand_over=together,
            )
            results.append(result)
            self.share_now()
            self._emit(ItemHandled(customer, result))
        self._learn_from(results)
        if any(r.outcome is CollectOutcome.ALREADY_COLLECTED for r in results):
            await self.refresh(customer)
        return HandOverReport(
            customer,
            results,
            current=self.customer is customer,
            replaced=self.customer is not None and self.customer is not customer,
            staff=staff,
            finished_at=self._now(),
        )

    # -- undoing a mis-tap ---------------------------------------------------------------------

    def undo_left(self, report: HandOverReport) -> float:
        """Seconds left to undo ``report`` without a manager (0: the chance is gone)."""
        if report.finished_at is None or not report.handed_over:
            return 0.0
        passed = (self._now() - report.finished_at).total_seconds()
        return max(0.0, UNDO_SECONDS - passed)

    def undo_refusal(self, report: HandOverReport) -> UndoRefusal | None:
        if not report.handed_over:
            return UndoRefusal.NOTHING
        if self.undo_left(report) <= 0:
            return UndoRefusal.TOO_LATE
        if self.sign_in.staff != report.staff:
            return UndoRefusal.OTHER_CASHIER
        if self.desk is None:
            return UndoRefusal.NOTHING
        return None

    async def undo(self, report: HandOverReport) -> list[ReverseResult]:
        """Reverse what ``report`` handed over: the cashier tapped the wrong reward.

        Only right after the hand-over (:data:`UNDO_SECONDS`) and by whoever made it; later,
        or by someone else, it is a manager's reversal. Recorded as a reversal with reason
        "mis-tap" and the cashier as the one who did it. Raises :class:`UndoRefused`
        (nothing sent) otherwise.
        """
        refusal = self.undo_refusal(report)
        if refusal is not None:
            raise UndoRefused(refusal)
        assert self.desk is not None
        results = [
            await self.desk.reverse(operation, reason=ReverseReason.MIS_TAP, staff=report.staff)
            for operation in report.handed_over
        ]
        self.share_now()
        if any(r.outcome is ReverseOutcome.UNKNOWN for r in results) and self.reconciler:
            self.reconciler.connection_lost()
            self.reconciler.note_unfinished()
        if any(r.outcome is ReverseOutcome.REVERSED for r in results):
            await self.refresh(report.customer)
        return results

    def reverse_finished(self, result: ReverseResult | RefundResult) -> None:
        """A reversal or a refund ended (from Recent pickups): unknown ones wait to be
        checked."""
        self.share_now()
        if self.reconciler is not None:
            if result.outcome in (ReverseOutcome.UNKNOWN, RefundOutcome.UNKNOWN):
                self.reconciler.connection_lost()
            self.reconciler.note_unfinished()

    async def _sign_in_waived(self) -> bool:
        """A shop that requires sign-in but has no staff yet hands over unsigned.

        Never a kiosk: there, nothing is handed over that no staff member signed for.
        """
        staff = self.services.staff
        return (
            not self.kiosk
            and staff is not None
            and not await staff.call(StaffDirectory.has_any_staff)
        )

    def _learn_from(self, results: list[CollectResult]) -> None:
        # Piggy answered (whatever it said) unless the outcome is unknown or no connection
        # could be made at all.
        if any(
            r.outcome not in (CollectOutcome.UNKNOWN, CollectOutcome.NOT_RECORDED)
            and not isinstance(r.error, errors.ApiConnectionError)
            for r in results
        ):
            self.mark_online()
        for result in results:
            if result.error is not None:
                self.note_error(result.error)
        if any(r.outcome is CollectOutcome.UNKNOWN for r in results) and self.reconciler:
            self.reconciler.connection_lost()
            self.reconciler.note_unfinished()
