"""The customer's progress in the two side programs: Giftoin collection challenges and Nudj.

The counter shows it beside the pickup list to tell the customer what else they are close
to. It is informative only, so each program is loaded on its own (one failing or slow
program never touches the other, nor the pickup list) and what a program does not know
about a customer is not an error: :class:`NotLinked` says why there is nothing to show.

Who the customer is in each program comes from the settings: Giftoin addresses users by a
platform and that platform's user id, kept in a Piggy contact attribute
(``giftoin_platform``, ``giftoin_user_attribute``); Nudj by a user id that is the Piggy
contact uuid, the email or a contact attribute (``nudj_user_id_source``).

Nudj promises to find a user only by its own id (and, by inference, the merchant's external
id); whether the shop's id source matches what Nudj stores can only be learnt from real
customers. So a Nudj "not found" reads as "this customer's Nudj id was not found (looked up
by: ...)", and :data:`NUDJ_MISSES_ALERT` misses in a row are reported as a setup problem
(:attr:`ProgressService.nudj_setup_problem`, a listener for the status bar, and a small
record in the data folder that ``pos-app doctor`` reads).

The Nudj rewards catalogue is the same for every customer, so it is fetched once (all
pages) and kept for :data:`CATALOGUE_TTL` seconds; customers looked up while it loads share
that one load.

Each load runs within :data:`PROGRESS_BUDGET` seconds, whatever the retries (see
:mod:`pos_app.api.budget`).

Size: two programs' loading, identity mapping and the Nudj catalogue cache; the id
mapping and the Nudj miss record are the parts to move into modules of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

from pos_app.api import errors
from pos_app.api.budget import time_budget
from pos_app.clock import utc_now
from pos_app.services.connections import ApiClients
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.settings import NudjIdKind, NudjUserIdSource, Settings
from pos_app.services.tasks import discard

if TYPE_CHECKING:
    from pos_app.api import (
        ChallengeCard,
        ChallengeReward,
        CollectionChallenge,
        GiftoinClient,
        NudjClient,
        NudjCustomer,
        NudjReward,
    )

__all__ = [
    "CATALOGUE_TTL",
    "NUDJ_MISSES_ALERT",
    "NUDJ_MISS_RECORD",
    "PROGRESS_BUDGET",
    "CardView",
    "CatalogueReward",
    "ChallengeRewardView",
    "ChallengeView",
    "GiftoinProgress",
    "NotLinked",
    "NotLinkedReason",
    "NudjProgress",
    "NudjRewardView",
    "NudjSetupProblem",
    "Program",
    "ProgressService",
    "RewardCatalogue",
    "RewardState",
    "TimeLeft",
    "TimeLeftKind",
    "read_nudj_misses",
]

log = logging.getLogger(__name__)

#: Seconds the Nudj rewards catalogue is reused before it is fetched again.
CATALOGUE_TTL: Final = 300.0

#: Seconds one program's load may take, all of its requests and retries together.
PROGRESS_BUDGET: Final = 10.0

#: Nudj lookups in a row that found no user before the id source is reported as suspect.
#: One unknown customer is normal (not everyone joined); five in a row at a counter are not.
NUDJ_MISSES_ALERT: Final = 5

#: The file in the data folder where a suspect Nudj id source is recorded for the doctor.
NUDJ_MISS_RECORD: Final = "nudj-id-misses.json"

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
    #: Nudj found no user for the id taken from the contact. Not "no account": the id
    #: source (``looked_up_by``) may not be what this shop's Nudj stores.
    ID_NOT_FOUND = "id_not_found"


@dataclass(frozen=True)
class NotLinked:
    """Nothing to show for this customer in ``program``, and why (not an error)."""

    program: Program
    reason: NotLinkedReason
    #: For ``ID_NOT_FOUND``: the id source the lookup used (``uuid``, ``email``,
    #: ``attribute:NAME``), for staff to check against the shop's Nudj set-up.
    looked_up_by: str | None = None


@dataclass(frozen=True)
class NudjSetupProblem:
    """Nudj found none of the last ``misses`` customers by ``looked_up_by``: check the set-up."""

    misses: int
    looked_up_by: str


def read_nudj_misses(path: Path) -> NudjSetupProblem | None:
    """The setup problem a counter recorded at ``path``, if any (for ``pos-app doctor``)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return NudjSetupProblem(misses=int(raw["misses"]), looked_up_by=str(raw["looked_up_by"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError):
        log.warning("Unreadable Nudj miss record %s; ignored", path)
        return None


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
            try:
                ends_at = fetched_at + challenge.time_left
            except OverflowError:
                ends_at = None  # past year 9999: no countdown worth showing
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
        budget: float = PROGRESS_BUDGET,
        nudj_miss_record: Path | None = None,
    ) -> None:
        self._giftoin = giftoin
        self._nudj = nudj
        self._platform = giftoin_platform
        self._giftoin_attribute = giftoin_user_attribute
        self._nudj_source = nudj_user_id_source
        self._clock = clock or utc_now
        self._monotonic = monotonic
        self._budget = budget
        self._nudj_misses = 0
        self._nudj_problem: NudjSetupProblem | None = None
        self._nudj_listeners: list[Callable[[NudjSetupProblem | None], None]] = []
        self._miss_record = nudj_miss_record
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
            nudj_miss_record=settings.data_dir / NUDJ_MISS_RECORD,
        )

    # -- identity mapping ----------------------------------------------------------------

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

    # -- a suspect Nudj id source --------------------------------------------------------

    @property
    def nudj_setup_problem(self) -> NudjSetupProblem | None:
        """Set while the last :data:`NUDJ_MISSES_ALERT` or more Nudj lookups found nobody."""
        return self._nudj_problem

    def add_nudj_setup_listener(self, listener: Callable[[NudjSetupProblem | None], None]) -> None:
        """Call ``listener`` whenever :attr:`nudj_setup_problem` changes (None: cleared)."""
        self._nudj_listeners.append(listener)

    def _count_nudj_lookup(self, found: bool) -> None:
        self._nudj_misses = 0 if found else self._nudj_misses + 1
        problem = (
            NudjSetupProblem(self._nudj_misses, str(self._nudj_source))
            if self._nudj_misses >= NUDJ_MISSES_ALERT
            else None
        )
        if (problem is None) == (self._nudj_problem is None):
            if problem is not None:
                self._nudj_problem = problem  # the count goes on; no new announcement
            return
        self._nudj_problem = problem
        if problem is not None:
            log.warning(
                "Nudj found none of the last %d customers by %s: check nudj_user_id_source",
                problem.misses,
                problem.looked_up_by,
            )
        self._record_nudj_problem(problem)
        for listener in list(self._nudj_listeners):
            listener(problem)

    def _record_nudj_problem(self, problem: NudjSetupProblem | None) -> None:
        path = self._miss_record
        if path is None:
            return
        try:
            if problem is None:
                path.unlink(missing_ok=True)
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(
                json.dumps({"misses": problem.misses, "looked_up_by": problem.looked_up_by}),
                encoding="utf-8",
            )
            os.replace(temporary, path)
        except OSError as exc:
            # The status bar still says it; only the doctor would not know.
            log.warning("Could not record the Nudj setup problem: %s", type(exc).__name__)

    # -- loads -----------------------------------------------------------------------------

    async def giftoin(self, customer: CustomerSummary) -> GiftoinProgress | NotLinked:
        if self._giftoin is None or not self._platform or not self._giftoin_attribute:
            return NotLinked(Program.GIFTOIN, NotLinkedReason.NOT_SET_UP)
        user_id = self.giftoin_user_id(customer)
        if user_id is None:
            return NotLinked(Program.GIFTOIN, NotLinkedReason.NO_ID)
        try:
            with time_budget(self._budget, clock=self._monotonic):
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
        with time_budget(self._budget, clock=self._monotonic):
            # The catalogue does not depend on the user: both requests go out together.
            catalogue = asyncio.ensure_future(self.catalogue.get())
            try:
                try:
                    user = await self._nudj.user(user_id)
                except errors.NotFoundError:
                    self._count_nudj_lookup(found=False)
                    return NotLinked(
                        Program.NUDJ,
                        NotLinkedReason.ID_NOT_FOUND,
                        looked_up_by=str(self._nudj_source),
                    )
                self._count_nudj_lookup(found=True)
                rewards = await catalogue
            finally:
                discard(catalogue)
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


def _ended(view: ChallengeView, now: datetime) -> bool:
    left = view.time_left(now)
    return left is not None and left.kind is TimeLeftKind.ENDED


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
