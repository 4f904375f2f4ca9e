"""The customer's progress in the two side programs: Giftoin collection challenges and Nudj.

The counter shows it beside the pickup list to tell the customer what else they are close
to. It is informative only, so each program is loaded on its own (one failing or slow
program never touches the other, nor the pickup list) and what a program does not know
about a customer is not an error: :class:`NotLinked` says why there is nothing to show.

Who the customer is in each program comes from the settings: Giftoin addresses users by a
platform and that platform's user id, kept in a Piggy contact attribute
(``giftoin_platform``, ``giftoin_user_attribute``); Nudj by a user id that is the Piggy
contact uuid, the email or a contact attribute (``nudj_user_id_source``).

The Nudj rewards catalogue is the same for every customer, so it is fetched once (all
pages) and kept for :data:`CATALOGUE_TTL` seconds; customers looked up while it loads share
that one load.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Final

from pos_app.api import (
    ChallengeCard,
    ChallengeReward,
    CollectionChallenge,
    GiftoinClient,
    NudjClient,
    NudjCustomer,
    NudjReward,
    errors,
)
from pos_app.services.connections import ApiClients
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.settings import NudjIdKind, NudjUserIdSource, Settings

__all__ = [
    "CATALOGUE_TTL",
    "CardView",
    "CatalogueReward",
    "ChallengeRewardView",
    "ChallengeView",
    "GiftoinProgress",
    "NotLinked",
    "NotLinkedReason",
    "NudjProgress",
    "NudjRewardView",
    "Program",
    "ProgressService",
    "RewardCatalogue",
    "RewardState",
    "TimeLeft",
    "TimeLeftKind",
]

log = logging.getLogger(__name__)

#: Seconds the Nudj rewards catalogue is reused before it is fetched again.
CATALOGUE_TTL: Final = 300.0

# Nudj statuses of rewards that cannot be had (API_NOTES.md §3). Anything else, including a
# status Nudj adds later, is shown: hiding a live reward would be the worse mistake.
_NOT_AVAILABLE: Final = frozenset({"archived", "draft", "expired", "scheduled"})


class Program(StrEnum):
    GIFTOIN = "giftoin"
    NUDJ = "nudj"


class NotLinkedReason(StrEnum):
    #: The program is not set up on this counter (no host, credentials or id mapping).
    NOT_SET_UP = "not_set_up"
    #: The customer's Piggy contact holds no id for the program.
    NO_ID = "no_id"
    #: The program does not know the id the contact holds.
    NO_ACCOUNT = "no_account"


@dataclass(frozen=True)
class NotLinked:
    """Nothing to show for this customer in ``program``, and why (not an error)."""

    program: Program
    reason: NotLinkedReason


# --- Giftoin -------------------------------------------------------------------------------


class RewardState(StrEnum):
    CLAIMABLE = "claimable"
    CLAIMED = "claimed"
    LOCKED = "locked"


class TimeLeftKind(StrEnum):
    LEFT = "left"
    ENDED = "ended"
    NO_END = "no_end"


@dataclass(frozen=True)
class TimeLeft:
    kind: TimeLeftKind
    #: For ``LEFT``: how long until the end (always positive).
    remaining: timedelta = timedelta(0)


@dataclass(frozen=True)
class CardView:
    """One card of a collection. ``None`` fields were missing or unreadable."""

    id: str | None
    name: str | None
    picture_url: str | None
    #: How many the customer owns; None when Giftoin did not say.
    owned_quantity: int | None
    owned: bool
    #: Giftoin's rarity as sent (an open enum: unknown values are kept as they are).
    rarity: str | None

    @classmethod
    def from_card(cls, card: ChallengeCard) -> CardView:
        quantity = _non_negative(card.owned_quantity)
        owned = card.is_owned if card.is_owned is not None else bool(quantity)
        return cls(
            id=card.id,
            name=_text(card.name),
            picture_url=_url(card.image),
            owned_quantity=quantity,
            owned=owned,
            rarity=_text(card.rarity),
        )


@dataclass(frozen=True)
class ChallengeRewardView:
    """What completing a collection earns, and whether it can be had."""

    name: str | None
    description: str | None
    picture_url: str | None
    state: RewardState | None

    @classmethod
    def from_reward(cls, reward: ChallengeReward) -> ChallengeRewardView:
        if reward.is_claimed:
            state: RewardState | None = RewardState.CLAIMED
        elif reward.can_claim:
            state = RewardState.CLAIMABLE
        elif reward.can_claim is False or reward.is_claimed is False:
            state = RewardState.LOCKED
        else:
            state = None
        return cls(
            name=_text(reward.name),
            description=_text(reward.description),
            picture_url=_url(reward.image),
            state=state,
        )


@dataclass(frozen=True)
class ChallengeView:
    """One collection challenge as the panel shows it."""

    id: str | None
    name: str | None
    description: str | None
    picture_url: str | None
    collected: int | None
    size: int | None
    #: Giftoin's own percentage (0-100), for challenges without a size.
    percentage: float | None
    cards: tuple[CardView, ...]
    #: Giftoin's status as sent (``in_progress``, ``completed``, ``ended``, or a new one).
    status: str | None
    ends_at: datetime | None
    #: The challenge says it has no end (``duration.end`` is null).
    open_ended: bool
    reward: ChallengeRewardView | None

    @classmethod
    def from_challenge(cls, challenge: CollectionChallenge, fetched_at: datetime) -> ChallengeView:
        duration = challenge.duration
        ends_at = duration.end if duration is not None else None
        if ends_at is None and duration is None and challenge.time_left is not None:
            # Without a duration, timeLeft is all there is; it counts from the answer.
            ends_at = fetched_at + challenge.time_left
        cards = tuple(CardView.from_card(card) for card in challenge.cards)
        collected = challenge.collected_count
        if collected is None and cards and challenge.size is not None:
            # [inferred] With the full card list, the owned cards are the collected ones.
            collected = sum(1 for card in cards if card.owned)
        percentage = challenge.progress_percentage
        if percentage is not None and not 0 <= percentage <= 100:
            percentage = None
        return cls(
            id=challenge.id,
            name=_text(challenge.name),
            description=_text(challenge.description),
            picture_url=_url(challenge.image),
            collected=_non_negative(collected),
            size=challenge.size if challenge.size is None or challenge.size > 0 else None,
            percentage=percentage,
            cards=cards,
            status=_text(challenge.status),
            ends_at=ends_at,
            open_ended=duration is not None and duration.end is None,
            reward=(
                ChallengeRewardView.from_reward(challenge.reward)
                if challenge.reward is not None
                else None
            ),
        )

    @property
    def fraction(self) -> float | None:
        """Progress from 0 to 1: collected / size, else Giftoin's percentage, else None."""
        if self.collected is not None and self.size:
            return min(1.0, self.collected / self.size)
        if self.percentage is not None:
            return self.percentage / 100
        return None

    @property
    def cards_to_go(self) -> int | None:
        if self.collected is None or self.size is None:
            return None
        return max(0, self.size - self.collected)

    def time_left(self, now: datetime) -> TimeLeft | None:
        """The countdown as of ``now``; None when Giftoin said nothing about the end."""
        if self.ends_at is not None:
            if self.ends_at <= now:
                return TimeLeft(TimeLeftKind.ENDED)
            return TimeLeft(TimeLeftKind.LEFT, self.ends_at - now)
        if self.open_ended:
            return TimeLeft(TimeLeftKind.NO_END)
        return None


@dataclass(frozen=True)
class GiftoinProgress:
    challenges: tuple[ChallengeView, ...]


# --- Nudj ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueReward:
    """A reward of the Nudj catalogue: the same for every customer."""

    id: str | None
    title: str | None
    description: str | None
    picture_url: str | None
    #: Price in points; None when the reward is not sold for points (or Nudj did not say).
    price: int | None
    remaining_supply: int | None
    featured: bool
    status: str | None
    expires_at: datetime | None
    #: Nudj's ``userState.status`` when present. Integration calls run as the token's user
    #: (API_NOTES.md §3), so this belongs to that user, not necessarily to the customer.
    user_state: str | None
    user_asset_count: int | None
    user_entry_count: int | None

    @classmethod
    def from_reward(cls, reward: NudjReward) -> CatalogueReward:
        state = reward.user_state.get("status") if reward.user_state else None
        return cls(
            id=reward.id,
            title=_text(reward.title),
            description=_text(reward.description),
            picture_url=reward.image_url,
            price=_non_negative(reward.points_price),
            remaining_supply=_non_negative(reward.remaining_supply),
            featured=bool(reward.featured),
            status=_text(reward.status),
            expires_at=reward.expires_at,
            user_state=_text(state) if isinstance(state, str) else None,
            user_asset_count=reward.user_asset_count,
            user_entry_count=reward.user_entry_count,
        )

    def available(self, now: datetime) -> bool:
        if self.status is not None and self.status.lower() in _NOT_AVAILABLE:
            return False
        return self.expires_at is None or self.expires_at > now


@dataclass(frozen=True)
class NudjRewardView:
    """A catalogue reward seen from one customer's points."""

    reward: CatalogueReward
    points: int | None

    @property
    def fraction(self) -> float | None:
        """How far the customer's points go toward the price, from 0 to 1."""
        price = self.reward.price
        if price is None or self.points is None:
            return None
        if price == 0:
            return 1.0
        return max(0.0, min(1.0, self.points / price))

    @property
    def affordable(self) -> bool:
        price = self.reward.price
        return price is not None and self.points is not None and self.points >= price

    @property
    def points_to_go(self) -> int | None:
        price = self.reward.price
        if price is None or self.points is None:
            return None
        return max(0, price - self.points)


@dataclass(frozen=True)
class NudjProgress:
    points: int | None
    xp: int | None
    #: Featured rewards first, otherwise in Nudj's order.
    rewards: tuple[NudjRewardView, ...]


# --- the catalogue cache --------------------------------------------------------------------


class RewardCatalogue:
    """The Nudj rewards catalogue, loaded once and reused for ``ttl`` seconds.

    Callers waiting for a load share it; one caller giving up (a newer customer was
    scanned) does not stop it, so the next customer finds it done. A failed load is not
    kept: the next call tries again. ``clock`` is monotonic seconds (injectable for tests).
    """

    def __init__(
        self,
        load: Callable[[], Awaitable[list[CatalogueReward]]],
        *,
        ttl: float = CATALOGUE_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._load = load
        self._ttl = ttl
        self._clock = clock
        self._rewards: tuple[CatalogueReward, ...] | None = None
        self._loaded_at = 0.0
        self._loading: asyncio.Task[list[CatalogueReward]] | None = None
        self._closed = False

    @property
    def is_fresh(self) -> bool:
        return self._rewards is not None and self._clock() - self._loaded_at < self._ttl

    async def get(self) -> tuple[CatalogueReward, ...]:
        if self._closed:
            raise RuntimeError("RewardCatalogue is closed")
        if self._rewards is not None and self.is_fresh:
            return self._rewards
        task = self._loading
        if task is None:
            task = self._loading = asyncio.ensure_future(self._load())
            task.add_done_callback(self._finished)
        return tuple(await asyncio.shield(task))

    def invalidate(self) -> None:
        """Forget the catalogue: the next call loads it again (benchmarks, tests)."""
        self._rewards = None

    async def aclose(self) -> None:
        self._closed = True
        task, self._loading = self._loading, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task

    def _finished(self, task: asyncio.Task[list[CatalogueReward]]) -> None:
        if self._loading is task:
            self._loading = None
        if task.cancelled():
            return
        exc = task.exception()  # also marks it retrieved when nobody waited any more
        if exc is None:
            self._rewards = tuple(task.result())
            self._loaded_at = self._clock()
        else:
            log.info("Nudj rewards catalogue not loaded: %s", type(exc).__name__)


# --- the service ----------------------------------------------------------------------------


class ProgressService:
    """Loads one customer's Giftoin and Nudj progress; no Qt, no state per customer.

    :meth:`giftoin` and :meth:`nudj` are independent coroutines: the UI runs them beside
    the rewards list load, each under its own task, and shows each outcome on its own.
    API errors other than "unknown user" pass through (typed, see ``pos_app.api.errors``).
    """

    def __init__(
        self,
        giftoin: GiftoinClient | None,
        nudj: NudjClient | None,
        *,
        giftoin_platform: str | None,
        giftoin_user_attribute: str | None,
        nudj_user_id_source: NudjUserIdSource,
        catalogue_ttl: float = CATALOGUE_TTL,
        monotonic: Callable[[], float] = time.monotonic,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._giftoin = giftoin
        self._nudj = nudj
        self._platform = giftoin_platform
        self._giftoin_attribute = giftoin_user_attribute
        self._nudj_source = nudj_user_id_source
        self._clock = clock or _utc_now
        self.catalogue = RewardCatalogue(self._load_catalogue, ttl=catalogue_ttl, clock=monotonic)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        clients: ApiClients,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> ProgressService:
        return cls(
            clients.giftoin,
            clients.nudj,
            giftoin_platform=settings.giftoin_platform,
            giftoin_user_attribute=settings.giftoin_user_attribute,
            nudj_user_id_source=settings.nudj_user_id,
            clock=clock,
        )

    # -- identity mapping ----------------------------------------------------------------

    @property
    def giftoin_set_up(self) -> bool:
        return self._giftoin is not None and bool(self._platform and self._giftoin_attribute)

    @property
    def nudj_set_up(self) -> bool:
        return self._nudj is not None

    def giftoin_user_id(self, customer: CustomerSummary) -> str | None:
        """The customer's id on the Giftoin platform, from their Piggy contact attribute."""
        if not self._giftoin_attribute:
            return None
        return _attribute_id(customer.attributes.get(self._giftoin_attribute))

    def nudj_user_id(self, customer: CustomerSummary) -> str | None:
        source = self._nudj_source
        if source.kind is NudjIdKind.UUID:
            return customer.uuid or None
        if source.kind is NudjIdKind.EMAIL:
            email = (customer.email or "").strip()
            return email or None
        assert source.attribute is not None
        return _attribute_id(customer.attributes.get(source.attribute))

    # -- loads -----------------------------------------------------------------------------

    async def giftoin(self, customer: CustomerSummary) -> GiftoinProgress | NotLinked:
        if self._giftoin is None or not self._platform or not self._giftoin_attribute:
            return NotLinked(Program.GIFTOIN, NotLinkedReason.NOT_SET_UP)
        user_id = self.giftoin_user_id(customer)
        if user_id is None:
            return NotLinked(Program.GIFTOIN, NotLinkedReason.NO_ID)
        try:
            challenges = await self._giftoin.collection_challenges(self._platform, user_id)
        except errors.NotFoundError:
            return NotLinked(Program.GIFTOIN, NotLinkedReason.NO_ACCOUNT)
        now = self._clock()
        views = [ChallengeView.from_challenge(challenge, now) for challenge in challenges]
        # Ended challenges last: what the customer can still finish comes first.
        views.sort(key=lambda view: _ended(view, now))
        return GiftoinProgress(tuple(views))

    async def nudj(self, customer: CustomerSummary) -> NudjProgress | NotLinked:
        if self._nudj is None:
            return NotLinked(Program.NUDJ, NotLinkedReason.NOT_SET_UP)
        user_id = self.nudj_user_id(customer)
        if user_id is None:
            return NotLinked(Program.NUDJ, NotLinkedReason.NO_ID)
        # The catalogue does not depend on the user: both requests go out together.
        catalogue = asyncio.ensure_future(self.catalogue.get())
        try:
            try:
                user = await self._nudj.user(user_id)
            except errors.NotFoundError:
                return NotLinked(Program.NUDJ, NotLinkedReason.NO_ACCOUNT)
            rewards = await catalogue
        finally:
            _discard(catalogue)
        return self._nudj_progress(user, rewards)

    def _nudj_progress(
        self, user: NudjCustomer, rewards: tuple[CatalogueReward, ...]
    ) -> NudjProgress:
        now = self._clock()
        points = user.points
        xp = user.xp.total if user.xp is not None else None
        available = [reward for reward in rewards if reward.available(now)]
        # sorted() is stable: within featured and not featured, Nudj's order stays.
        ordered = sorted(available, key=lambda reward: not reward.featured)
        return NudjProgress(
            points=points,
            xp=xp,
            rewards=tuple(NudjRewardView(reward, points) for reward in ordered),
        )

    async def _load_catalogue(self) -> list[CatalogueReward]:
        assert self._nudj is not None
        # page_size 100 is Nudj's maximum: the fewest round trips for the whole catalogue.
        return [
            CatalogueReward.from_reward(reward) async for reward in self._nudj.iter_rewards(100)
        ]

    async def aclose(self) -> None:
        """Stop a catalogue load still running (the window closes)."""
        await self.catalogue.aclose()


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _ended(view: ChallengeView, now: datetime) -> bool:
    left = view.time_left(now)
    return left is not None and left.kind is TimeLeftKind.ENDED


def _discard(task: asyncio.Future[tuple[CatalogueReward, ...]]) -> None:
    """Stop waiting for ``task``; its outcome (an error, say) is not needed any more."""
    if task.done():
        if not task.cancelled():
            task.exception()
    else:
        # Only this customer's wait ends; the shared load itself is shielded.
        task.cancel()


def _attribute_id(value: object) -> str | None:
    """A contact attribute as an id: text or a whole number; blank or anything else is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _non_negative(value: int | None) -> int | None:
    # A negative count or price is a vendor glitch: leave the spot empty instead.
    return value if value is None or value >= 0 else None


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _url(value: str | None) -> str | None:
    # Only web pictures: anything else (a placeholder such as "<string>") is no picture.
    if value and value.strip().startswith(("https://", "http://")):
        return value.strip()
    return None
