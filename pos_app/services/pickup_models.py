"""What the counter shows of a customer and their rewards, independent of the vendor models.

The UI works with these small frozen values; the services build them from the Piggy
models. Nothing secret ends up here: no login links or codes. The email is shown masked
only; the full address is kept for finding the customer in Nudj and is never displayed.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Any, Final

from pos_app.storage import Operation, OpState

if TYPE_CHECKING:
    from pos_app.api import CollectableReward, Contact


def mask_email(email: str | None) -> str:
    """``alice@example.org`` → ``a***@example.org``; anything odd is masked whole."""
    if not email:
        return ""
    local, at, domain = email.strip().partition("@")
    if not at or not local or not domain:
        return "***"
    return f"{local[0]}***@{domain}"


class Identification(StrEnum):
    """How the customer at the counter was identified."""

    #: Their card or QR code was scanned (a card is activated by email: Piggy's own rule).
    CARD = "card"
    #: By email, proven with the code Piggy emailed them.
    EMAIL_VERIFIED = "email_verified"
    #: By email alone (the shop turned the code off): anyone could have typed it.
    EMAIL_UNVERIFIED = "email_unverified"

    @property
    def is_strong(self) -> bool:
        """Whether it proves the customer is who they say (what spending points needs)."""
        return self is not Identification.EMAIL_UNVERIFIED


@dataclass(frozen=True)
class CustomerSummary:
    """The customer header: who is at the counter."""

    uuid: str
    name: str | None
    email_masked: str
    tier: str | None
    points: int | None
    #: Raw attributes needed to find the customer in other programs (Giftoin, Nudj); never
    #: shown. Secrets were already dropped by the API model.
    attributes: dict[str, object]
    #: The full address, for the Nudj lookup by email (setting nudj_user_id_source); never
    #: shown, since the screen faces the queue too: display ``email_masked``. Left out of
    #: the repr so that a logged summary does not carry it either.
    email: str | None = field(default=None, repr=False)
    #: How they were identified at this counter; None where that is not known (no claim).
    identification: Identification | None = None
    #: The card value scanned (memory only: a claim names the card it was made with).
    card: str | None = field(default=None, repr=False)

    def identified(self, how: Identification, card: str | None = None) -> CustomerSummary:
        """This customer, identified ``how`` (with ``card`` when a card was scanned)."""
        return replace(self, identification=how, card=card)

    @property
    def title(self) -> str:
        """The name, or the masked email for a customer without one."""
        return self.name or self.email_masked or self.uuid

    @classmethod
    def from_contact(cls, contact: Contact) -> CustomerSummary:
        tier = contact.tier.name if contact.tier is not None else None
        return cls(
            uuid=contact.uuid,
            name=contact.display_name,
            email_masked=mask_email(contact.email),
            tier=tier,
            points=contact.points,
            attributes=dict(contact.attributes),
            email=contact.email,
        )


class ExpiryKind(StrEnum):
    EXPIRED = "expired"
    TODAY = "today"
    DAYS = "days"
    NONE = "none"


@dataclass(frozen=True)
class Expiry:
    """The expiry badge of a reward, as of a given moment."""

    kind: ExpiryKind
    #: Whole local calendar days until expiry, for DAYS (1 = tomorrow).
    days: int = 0
    expires_at: datetime | None = None

    @classmethod
    def of(cls, expires_at: datetime | None, now: datetime) -> Expiry:
        if expires_at is None:
            return cls(ExpiryKind.NONE)
        if expires_at <= now:
            return cls(ExpiryKind.EXPIRED, expires_at=expires_at)
        days = (_local_date(expires_at) - _local_date(now)).days
        if days <= 0:
            return cls(ExpiryKind.TODAY, expires_at=expires_at)
        return cls(ExpiryKind.DAYS, days=days, expires_at=expires_at)


def _local_date(moment: datetime) -> date:
    # Calendar days are the shop's days: count them in the counter PC's time zone.
    return moment.astimezone().date()


#: Parts of a custom attribute's name that say it holds personal data: such an attribute is
#: never shown beside a reward (the screen faces the queue too).
_PERSONAL_NAME_PARTS: Final = ("email", "e_mail", "phone", "mobile", "address", "birth", "iban")
_EMAIL_LIKE: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def shown_attributes(raw: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The custom reward attributes a cashier may see, as ``(name, value as sent)`` pairs.

    Piggy sends an account's custom reward attributes as extra keys on the reward
    (``"size": "39-42"``). Kept in the order sent; left out: empty values, values that are
    not a plain string, number or truth value, names that look like credentials or
    personal data, and any value that looks like an email address.
    """
    from pos_app.api.piggy_models import is_secret_attribute

    shown: list[tuple[str, str]] = []
    for name, value in raw.items():
        key = str(name)
        lowered = key.lower()
        if is_secret_attribute(key) or any(part in lowered for part in _PERSONAL_NAME_PARTS):
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"  # as JSON sent it
        elif isinstance(value, int | float | str):
            text = str(value).strip()
        else:
            continue
        if not text or _EMAIL_LIKE.search(text):
            continue
        shown.append((key, text))
    return tuple(shown)


def _cost_price(value: float | None) -> Decimal | None:
    """Piggy's cost price as an amount; None for none, or for one that is no amount."""
    if value is None:
        return None
    # str() gives the shortest text that reads back as the same float: 4.5, not 4.4999….
    amount = Decimal(str(value))
    return amount if amount.is_finite() and amount >= 0 else None


@dataclass(frozen=True)
class PickupItem:
    """One reward waiting for pickup (a Piggy collectable reward)."""

    #: What collect takes: the loyalty transaction made when the customer claimed it.
    loyalty_transaction_uuid: str
    title: str
    description: str | None
    picture_url: str | None
    claimed_at: datetime | None
    expires_at: datetime | None
    reward_type: str | None
    #: The reward (catalogue entry) this is one of; None when Piggy did not say.
    reward_uuid: str | None = None
    #: The custom attributes that may be shown (:func:`shown_attributes`).
    attributes: tuple[tuple[str, str], ...] = ()
    #: The reward's cost price where Piggy gives one, journaled with the hand-over for the
    #: managers' reports (the amount Piggy's number says: no float rounding added).
    cost_price: Decimal | None = None

    @classmethod
    def from_reward(cls, item: CollectableReward) -> PickupItem:
        reward = item.reward
        media = reward.media if reward is not None else None
        picture = media.value if media is not None and media.value else None
        title = item.title or (reward.title if reward is not None else None) or ""
        return cls(
            loyalty_transaction_uuid=item.uuid,
            title=title,
            description=reward.description if reward is not None else None,
            picture_url=picture,
            claimed_at=item.created_at,
            expires_at=item.expires_at,
            reward_type=reward.reward_type if reward is not None else None,
            reward_uuid=reward.uuid if reward is not None else None,
            attributes=shown_attributes(reward.custom_attributes) if reward is not None else (),
            cost_price=_cost_price(reward.cost_price if reward is not None else None),
        )

    @property
    def is_digital(self) -> bool:
        """A reward the customer received online (a code, an e-ticket): nothing to hand over.

        Piggy's collectable rewards are physical by definition (the seed docs), so one of
        type DIGITAL in the list is never handed over at the counter: recording a hand-over
        of something that did not cross the counter would make the journal lie.
        """
        return (self.reward_type or "").upper() == "DIGITAL"

    def expiry(self, now: datetime) -> Expiry:
        return Expiry.of(self.expires_at, now)

    def can_hand_over(self, now: datetime) -> bool:
        return not self.is_digital and self.expiry(now).kind is not ExpiryKind.EXPIRED


def sort_for_pickup(items: Iterable[PickupItem], now: datetime) -> list[PickupItem]:
    """Soonest expiry first, then rewards without expiry, expired ones last.

    Ties keep a stable order by claim date (oldest first) and title, so the list does not
    jump around between refreshes.
    """

    def key(item: PickupItem) -> tuple[int, float, float, str]:
        claimed = item.claimed_at.timestamp() if item.claimed_at else 0.0
        if item.expires_at is None:
            return (1, 0.0, claimed, item.title)
        expires = item.expires_at.timestamp()
        if item.expires_at <= now:
            # Most recently expired first among the expired: the likeliest to be asked about.
            return (2, -expires, claimed, item.title)
        return (0, expires, claimed, item.title)

    return sorted(items, key=key)


def _group_key(item: PickupItem, now: datetime) -> tuple[object, ...]:
    # Identical for the cashier: the same reward with the same attributes and the same
    # expiry badge (same state, same day), so one row can stand for all of them. The day
    # gives the state, except that a reward may expire at noon: "expired" is kept apart.
    expires = item.expires_at
    day = _local_date(expires) if expires is not None else None
    expired = expires is not None and expires <= now
    return (item.reward_uuid, item.title, item.reward_type, item.attributes, expired, day)


def group_for_pickup(items: Iterable[PickupItem], now: datetime) -> list[tuple[PickupItem, ...]]:
    """Identical rewards together, in pickup order (:func:`sort_for_pickup`).

    A group takes the place of its first item; inside, the soonest expiry comes first, so
    handing over some of a group hands over those that would expire first.
    """
    groups: dict[tuple[object, ...], list[PickupItem]] = {}
    for item in sort_for_pickup(items, now):
        groups.setdefault(_group_key(item, now), []).append(item)
    return [tuple(group) for group in groups.values()]


@dataclass(frozen=True)
class PickupCounts:
    """How many rewards wait for a customer, by what can be done with them."""

    to_pick_up: int = 0
    expired: int = 0
    digital: int = 0
    #: When the most recently expired one expired.
    last_expired: datetime | None = None

    @classmethod
    def of(cls, items: Iterable[PickupItem], now: datetime) -> PickupCounts:
        to_pick_up = expired = digital = 0
        last: datetime | None = None
        for item in items:
            if item.is_digital:
                digital += 1
            elif item.expires_at is not None and item.expires_at <= now:
                expired += 1
                if item.expires_at is not None and (last is None or item.expires_at > last):
                    last = item.expires_at
            else:
                to_pick_up += 1
        return cls(to_pick_up, expired, digital, last)


#: Rewards lists shorter than this are prepared on the event loop (about 1 ms per 100).
PREPARED_HERE = 100


@dataclass(frozen=True)
class PickupList:
    """A customer's waiting rewards as the counter lists them, all judged as of ``now``.

    ``items`` in pickup order (:func:`sort_for_pickup`), ``groups`` the rows
    (:func:`group_for_pickup`) with each group's expiry badge in ``expiries``, and
    ``counts`` over all of them. For a customer with a thousand rewards this is several
    milliseconds of work: the services make it on a worker thread (:meth:`prepare`), so the
    screen only has to take it over.
    """

    now: datetime
    items: tuple[PickupItem, ...] = ()
    groups: tuple[tuple[PickupItem, ...], ...] = ()
    expiries: tuple[Expiry, ...] = ()
    counts: PickupCounts = field(default_factory=PickupCounts)

    @classmethod
    def of(cls, items: Iterable[PickupItem], now: datetime) -> PickupList:
        ordered = tuple(sort_for_pickup(items, now))
        groups = tuple(group_for_pickup(ordered, now))
        return cls(
            now=now,
            items=ordered,
            groups=groups,
            expiries=tuple(group[0].expiry(now) for group in groups),
            counts=PickupCounts.of(ordered, now),
        )

    @classmethod
    async def prepare(cls, items: Iterable[PickupItem], now: datetime) -> PickupList:
        """:meth:`of` on a worker thread for a long list: the event loop (the screen) stays
        free meanwhile. A short one is prepared at once: the thread's round trip would cost
        the list more than the work (well under a millisecond)."""
        items = tuple(items)
        if len(items) < PREPARED_HERE:
            return cls.of(items, now)
        return await asyncio.to_thread(cls.of, items, now)


class PickupState(IntEnum):
    """Where a pickup (a collect, with any reversal of it) stands, in the words staff use.

    The one rule for it: the Recent pickups list, a scanned slip and the reverse checks all
    read it from :func:`pickup_state`.
    """

    HANDED_OVER = 0
    REVERSED = 1
    REVERSAL_CHECKING = 2
    FAILED = 3
    CHECKING = 4
    #: The reward came back and the customer got its points back.
    REFUNDED = 5
    #: A refund of its points is being checked.
    REFUND_CHECKING = 6


def pickup_state(operation: Operation) -> PickupState:
    if operation.state is OpState.FAILED:
        return PickupState.FAILED
    if operation.is_unresolved:
        return PickupState.CHECKING
    # A refund comes after any reversal of the collection it needed: it says the last word.
    if operation.refund_state is OpState.CONFIRMED:
        return PickupState.REFUNDED
    if operation.refund_state is not None:
        return PickupState.REFUND_CHECKING
    if operation.reversal_state is OpState.CONFIRMED:
        return PickupState.REVERSED
    if operation.reversal_state is not None:
        return PickupState.REVERSAL_CHECKING
    return PickupState.HANDED_OVER
