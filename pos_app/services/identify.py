"""Who is at the counter: turn what was scanned or typed into a Piggy customer.

A barcode/QR scanner is a keyboard that types fast and ends with Enter; some add a prefix,
a suffix or control characters (GS, tab, CR). :func:`classify_scan` cleans that up and
decides what the text is: an email address, a pickup-slip reference, or a card / QR value.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pos_app.api import errors
from pos_app.api.budget import Deadline, time_budget
from pos_app.clock import utc_now
from pos_app.services.pickup_models import (
    PREPARED_HERE,
    CustomerSummary,
    Identification,
    PickupItem,
    sort_for_pickup,
)
from pos_app.services.tasks import discard
from pos_app.storage import parse_reference

if TYPE_CHECKING:
    from pos_app.api import CollectableReward, PiggyClient

# Deliberately loose: the server is the judge of what a valid email is; this only has to
# tell an email from a card number.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
#: Pickup-slip references printed as QR codes on slips: "PU-" and 8 characters of Crockford
#: base32 (digits included; see pos_app.storage.reference). The hyphen is required here so
#: that a card number that merely starts with "PU" stays a card.
_SLIP = re.compile(r"^PU-[0-9A-Z]{8}$")

#: Seconds a cashier waits for one lookup at most, all its requests and retries together.
LOOKUP_BUDGET = 10.0


class ScanKind(StrEnum):
    EMAIL = "email"
    CARD = "card"
    SLIP = "slip"


@dataclass(frozen=True)
class Scan:
    kind: ScanKind
    value: str


def clean_scan(raw: str) -> str:
    """Drop control characters scanners add and surrounding whitespace."""
    kept = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C")
    return kept.strip()


def classify_scan(raw: str) -> Scan | None:
    """What the cashier scanned or typed; ``None`` when nothing is left after cleaning."""
    value = clean_scan(raw)
    if not value:
        return None
    if _EMAIL.match(value):
        return Scan(ScanKind.EMAIL, value.lower())
    if _SLIP.match(value.upper()) and (reference := parse_reference(value)) is not None:
        return Scan(ScanKind.SLIP, reference)
    return Scan(ScanKind.CARD, value)


class IdentifyError(Exception):
    """A lookup that ended without a customer, for a reason the cashier must hear."""


class CardNotLinkedError(IdentifyError):
    """The card exists but belongs to nobody (Piggy answers ``contact: null``)."""


class CustomerLookup:
    """Identify a customer and fetch what they can pick up.

    API errors pass through unchanged (typed, see :mod:`pos_app.api.errors`); the UI turns
    them into words. Only outcomes that are not API errors get their own exception.

    Each method answers within ``budget`` seconds (:data:`LOOKUP_BUDGET`), whatever the
    retries: it opens a :func:`~pos_app.api.budget.time_budget` that every request of the
    lookup shares. A caller that wraps several methods in one budget of its own (the card
    and then the rewards) makes them share that one: budgets nest.
    """

    def __init__(
        self,
        piggy: PiggyClient,
        *,
        clock: Callable[[], datetime] | None = None,
        budget: float = LOOKUP_BUDGET,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        self._piggy = piggy
        self._clock = clock or utc_now
        self._budget = budget
        self._monotonic = monotonic

    def _budget_scope(self) -> contextlib.AbstractContextManager[Deadline]:
        return time_budget(self._budget, clock=self._monotonic)

    async def by_card(self, value: str) -> CustomerSummary:
        with self._budget_scope():
            customer = await self.by_uuid(await self.card_contact(value))
        return customer.identified(Identification.CARD, value)

    async def card_contact(self, value: str) -> str:
        """The uuid of the contact a card belongs to (what the rewards call needs)."""
        with self._budget_scope():
            identifier = await self._piggy.find_contact_identifier(value)
        if identifier.active is False:
            # Piggy normally answers 60004 for an inactive card; a payload that says
            # "active: false" means the same and must not slip through.
            raise errors.IdentifierInactiveError(
                "Contact identifier inactive.", code=60004, status_code=None
            )
        if identifier.contact is None:
            raise CardNotLinkedError(value)
        return identifier.contact.uuid

    async def by_uuid(self, uuid: str) -> CustomerSummary:
        with self._budget_scope():
            return CustomerSummary.from_contact(await self._piggy.get_contact(uuid))

    async def by_email(self, email: str) -> CustomerSummary:
        """Without a verification code (only when the shop turned the code off)."""
        with self._budget_scope():
            contact = await self._piggy.find_contact_by_email(email)
        return CustomerSummary.from_contact(contact).identified(Identification.EMAIL_UNVERIFIED)

    async def send_code(self, email: str) -> None:
        """Ask Piggy to email the customer a login code.

        The contact is looked up first so that an unknown email gets its own clear message
        (55031) instead of a generic verification failure.
        """
        with self._budget_scope():
            await self._piggy.find_contact_by_email(email)
            await self._piggy.send_verification_code(email)

    async def verify_code(self, email: str, code: str) -> CustomerSummary:
        code = clean_scan(code).replace(" ", "")
        with self._budget_scope():
            uuid = await self._piggy.verify_code(email, code)
            customer = await self.by_uuid(uuid)
        return customer.identified(Identification.EMAIL_VERIFIED)

    async def rewards(self, customer_uuid: str) -> list[PickupItem]:
        """The customer's uncollected rewards in pickup order."""
        with self._budget_scope():
            items = await self._piggy.list_collectable_rewards(customer_uuid)
        # A busy customer's list is long: turned into items off the event loop. A short one
        # at once, where a worker thread's round trip would cost the list more.
        if len(items) < PREPARED_HERE:
            return _waiting_in_pickup_order(items, self._clock())
        return await asyncio.to_thread(_waiting_in_pickup_order, items, self._clock())

    def now(self) -> datetime:
        return self._clock()


def _waiting_in_pickup_order(rewards: list[CollectableReward], now: datetime) -> list[PickupItem]:
    waiting = [PickupItem.from_reward(item) for item in rewards if not item.has_been_collected]
    return sort_for_pickup(waiting, now)


#: A customer's rewards, asked for and on their way.
Rewards = asyncio.Future[list[PickupItem]]


class RememberedCards:
    """Cards scanned at this counter since it started, and whose contact each was.

    A guess that saves a round trip, never shown before Piggy confirms it; memory only,
    so no card number is written anywhere.
    """

    def __init__(self) -> None:
        self._contacts: dict[str, str] = {}

    def forget(self) -> None:
        """The next scan of each card asks Piggy first again."""
        self._contacts.clear()

    async def look_up(self, lookup: CustomerLookup, card: str) -> tuple[CustomerSummary, Rewards]:
        """The card's contact, and its rewards already asked for (tasks made inside the
        caller's budget share it).

        The rewards need only the contact's uuid, so they go beside the contact call, not
        after it. For a card seen before, contact and rewards are asked for with the uuid
        it had then, beside the identifier call; they are used only if the identifier
        names that same contact, and dropped otherwise (a card blocked or given to another
        customer), so no other customer's rewards are ever shown.
        """
        guess = self._contacts.get(card)
        pending: list[asyncio.Future[Any]] = []

        def start(uuid: str) -> tuple[asyncio.Future[CustomerSummary], Rewards]:
            contact = asyncio.ensure_future(lookup.by_uuid(uuid))
            rewards = asyncio.ensure_future(lookup.rewards(uuid))
            pending[:] = [contact, rewards]
            return contact, rewards

        try:
            guessed = start(guess) if guess is not None else None
            try:
                uuid = await lookup.card_contact(card)
            except BaseException:
                self._contacts.pop(card, None)
                raise
            if guessed is None or uuid != guess:
                for task in pending:
                    discard(task)
                guessed = start(uuid)
            self._contacts[card] = uuid
            contact, rewards = guessed
            customer = await contact
        except BaseException:
            for task in pending:
                discard(task)  # nobody's rewards without their contact
            raise
        return customer.identified(Identification.CARD, card), rewards
