"""The simulator's deterministic demo data set.

Everything is built relative to ``now`` (the simulator's start, or an injected clock), so a
reward that "expires today" always expires today. Identifiers come from a seeded random
generator: the same seed gives the same uuids on every run.

Cards and emails:

- ``DEMO-CARD-1`` / ``demo@example.com``: Robin de Vries, Gold tier, about 30 rewards to pick
  up (fresh, expiring today, this week, expired, no expiry, with and without pictures, one
  digital, some with custom attributes). Has a Contacts Portal (verification works), a
  Giftoin account (Discord) and a Nudj account (id = Piggy contact uuid).
- ``DEMO-CARD-2``: Alex Peters, no rewards, no tier, no Giftoin, no Nudj, no Contacts Portal.
- ``DEMO-CARD-BIG``: Sam Groot with 1,000 rewards (performance work); Giftoin and Nudj.
- ``DEMO-CARD-UNLINKED``: a card that exists but belongs to nobody.
- ``DEMO-CARD-BLOCKED``: an inactive (lost) card of Robin's.
- ``kim.bakker@example.com`` (no card): three rewards, a Discord id Giftoin does not know,
  no Nudj account.

The rewards catalogue (``GET /rewards``) is every reward above plus three that no customer
holds: one out of stock, one switched off (inactive) and one costing more points than any
demo customer has. Every claimed reward is also a reward reception (a loyalty transaction),
made at the first shop.

Size: mostly data (the catalogue, challenges, rewards and their texts) written out for
people to read and change; the code that builds it from them is a small part.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Final

DEMO_PIGGY_TOKEN: Final = "demo-piggy-token"
DEMO_GIFTOIN_KEY: Final = "demo-giftoin-key"
DEMO_NUDJ_TOKEN: Final = "demo-nudj-token"
DEMO_CLIENT_ID: Final = "demo-client-id"
DEMO_CLIENT_SECRET: Final = "demo-client-secret"

CARD_MAIN: Final = "DEMO-CARD-1"
CARD_EMPTY: Final = "DEMO-CARD-2"
CARD_UNLINKED: Final = "DEMO-CARD-UNLINKED"
CARD_BLOCKED: Final = "DEMO-CARD-BLOCKED"
CARD_BIG: Final = "DEMO-CARD-BIG"
#: How many of DEMO-CARD-BIG's rewards were claimed for pickup at the counter's own shop.
BIG_CLAIMS_HERE: Final = 12
DEMO_CARDS: Final = (CARD_MAIN, CARD_EMPTY, CARD_UNLINKED, CARD_BLOCKED, CARD_BIG)

EMAIL_MAIN: Final = "demo@example.com"
EMAIL_EMPTY: Final = "alex.peters@example.com"
EMAIL_BIG: Final = "sam.groot@example.com"
EMAIL_NO_CARD: Final = "kim.bakker@example.com"

GIFTOIN_PLATFORM: Final = "discord"
#: The Piggy contact attribute (``current_values``) that holds the customer's Discord id.
GIFTOIN_USER_ATTRIBUTE: Final = "discord_id"
DISCORD_MAIN: Final = "402938475610293847"
DISCORD_BIG: Final = "318273645501928374"
# A Discord id stored in Piggy that Giftoin has never seen: the "no account" path.
DISCORD_UNKNOWN: Final = "999000111222333444"

BIG_REWARD_COUNT: Final = 1000

DAY: Final = timedelta(days=1)


@dataclass(frozen=True)
class Tier:
    uuid: str
    name: str
    description: str
    position: int


@dataclass
class Contact:
    id: int
    uuid: str
    email: str
    firstname: str
    lastname: str
    tier: Tier | None
    points: int
    prepaid_cents: int
    created_at: datetime
    city: str
    phone: str
    locale: str | None
    birthdate: str | None
    card: str | None
    discord_id: str | None
    has_portal: bool
    login_code: int


@dataclass(frozen=True)
class ContactIdentifier:
    value: str
    name: str
    active: bool
    contact_uuid: str | None


@dataclass(frozen=True)
class RewardDefinition:
    id: int
    uuid: str
    title: str
    description: str | None
    reward_type: str
    picture: str | None
    required_credits: int
    pre_redeemable: bool
    expiration_duration: int | None
    is_active: bool
    cost_price: float | None
    stock: int | None
    # Piggy sends a shop's custom reward attributes as extra keys inside ``reward``.
    custom: dict[str, str] = field(default_factory=dict)
    #: How often one contact may claim it (None: no limit). [inferred] Piggy's docs name the
    #: refusal (1019 "You have reached your claim limit on this reward.") but no field for
    #: the limit, so the simulator keeps it to itself.
    claim_limit: int | None = None


@dataclass
class CollectableItem:
    uuid: str  # the loyalty transaction: what collect takes
    contact_uuid: str
    reward: RewardDefinition
    created_at: datetime
    expires_at: datetime | None
    collected: bool = False


@dataclass
class RewardReception:
    """A claim of a reward with points: a loyalty transaction of type reward_reception.

    A physical reward's reception has a :class:`CollectableItem` with the same uuid for as
    long as it waits to be picked up (or was handed over); ``credits`` is negative.
    """

    uuid: str
    contact_uuid: str
    reward: RewardDefinition
    shop_uuid: str | None
    credits: int
    created_at: datetime
    expires_at: datetime | None
    contact_identifier: str | None = None
    #: The credit reception that gave the points back, once reversed.
    reversed_by: str | None = None


@dataclass
class CreditReception:
    """Points given to a contact: a loyalty transaction of type credit_reception."""

    uuid: str
    contact_uuid: str
    shop_uuid: str | None
    credits: int
    created_at: datetime


@dataclass(frozen=True)
class Shop:
    uuid: str
    name: str
    type: str
    reference: str | None


@dataclass(frozen=True)
class GiftoinCard:
    id: str
    name: str
    picture: str
    owned_quantity: int
    rarity: str


@dataclass(frozen=True)
class GiftoinReward:
    id: str
    name: str
    picture: str
    description: str
    is_claimed: bool
    can_claim: bool
    value: str
    view_type: str
    claimed_at_ms: int | None = None


@dataclass(frozen=True)
class GiftoinChallenge:
    id: str
    name: str
    picture: str
    description: str
    # Giftoin leaves out what a challenge does not have; None here means "key absent".
    size: int | None
    cards: tuple[GiftoinCard, ...] | None
    progress_percent: int
    collected_count: int | None
    status: str
    created_ms: int
    start_ms: int
    end_ms: int | None
    reward: GiftoinReward | None
    environment: str = "production"


@dataclass(frozen=True)
class GiftoinUser:
    platform: str
    platform_user_id: str
    points: int
    challenges: tuple[GiftoinChallenge, ...]


@dataclass(frozen=True)
class NudjReward:
    id: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    picture: str
    points_price: int
    supply: int
    remaining: int
    featured: bool
    created_at: datetime
    expires_at: datetime | None
    max_per_user: int = 1


@dataclass(frozen=True)
class NudjUser:
    id: str
    email: str
    external_user_id: str
    username: str
    points: int
    keys: int
    xp: dict[str, int]
    streak: int
    longest_streak: int
    last_extended_at: datetime
    challenges_completed: int
    achievements_completed: int
    loyalty_card: str | None
    locale: str


@dataclass
class DemoData:
    now: datetime
    contacts: dict[str, Contact]
    identifiers: dict[str, ContactIdentifier]
    items: dict[str, CollectableItem]
    shops: list[Shop]
    #: The rewards catalogue by reward uuid, in the order ``GET /rewards`` lists it.
    rewards: dict[str, RewardDefinition]
    #: What is left of each reward that has a stock (reward uuid -> count).
    stock: dict[str, int]
    #: Rewards the shop switched off after the catalogue was built (reward uuid).
    inactive: set[str]
    receptions: dict[str, RewardReception]
    credit_receptions: dict[str, CreditReception]
    giftoin_users: dict[tuple[str, str], GiftoinUser]
    nudj_rewards: list[NudjReward]
    nudj_users: list[NudjUser]
    nudj_organisation_id: str
    nudj_community_id: str

    def contact_for_card(self, card: str) -> Contact:
        identifier = self.identifiers[card]
        if identifier.contact_uuid is None:
            raise KeyError(f"{card} is not linked to a contact")
        return self.contacts[identifier.contact_uuid]

    def contact_for_email(self, email: str) -> Contact | None:
        wanted = email.strip().casefold()
        return next((c for c in self.contacts.values() if c.email.casefold() == wanted), None)

    def items_of(self, contact_uuid: str) -> Iterator[CollectableItem]:
        return (item for item in self.items.values() if item.contact_uuid == contact_uuid)

    def reward_by_title(self, title: str) -> RewardDefinition:
        return next(reward for reward in self.rewards.values() if reward.title == title)

    def stock_of(self, reward: RewardDefinition) -> int | None:
        return self.stock.get(reward.uuid, reward.stock)

    def is_active(self, reward: RewardDefinition) -> bool:
        return reward.is_active and reward.uuid not in self.inactive


class _Ids:
    """Deterministic identifiers from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def uuid4(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def opaque(self) -> str:
        # Piggy's own examples use ids like "abc012-def789-u4k3l2-890xyz": never assume a UUID.
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        return "-".join("".join(self.rng.choice(alphabet) for _ in range(6)) for _ in range(4))

    def hex24(self) -> str:
        return f"{self.rng.getrandbits(96):024x}"


def _end_of_local_day(now: datetime) -> datetime:
    local = now.astimezone()
    end = local.replace(hour=23, minute=59, second=59, microsecond=0)
    return end.astimezone(UTC)


# (key, title, description, reward_type, picture, credits, expiration days, custom attributes)
_CATALOGUE: Final[
    tuple[tuple[str, str, str | None, str, str | None, int, int | None, dict[str, str]], ...]
] = (
    (
        "coffee",
        "Coffee voucher",
        "One hot drink of your choice at the counter.",
        "PHYSICAL",
        "rewards/coffee.png",
        150,
        30,
        {},
    ),
    (
        "tote",
        "Canvas tote bag",
        "A sturdy tote bag in natural canvas.",
        "PHYSICAL",
        "rewards/tote.png",
        400,
        60,
        {"colour": "natural"},
    ),
    (
        "pins",
        "Limited edition enamel pin set – spring collection, hand-finished",
        "Three enamel pins on a backing card.",
        "PHYSICAL",
        "rewards/pins.png",
        250,
        45,
        {},
    ),
    (
        "bottle",
        "Reusable water bottle",
        "Stainless steel, 500 ml.",
        "PHYSICAL",
        "rewards/bottle.png",
        500,
        60,
        {},
    ),
    ("notebook", "Dotted notebook", None, "PHYSICAL", None, 120, 30, {}),
    (
        "cinema",
        "Cinema ticket",
        "An e-ticket for any film this month.",
        "DIGITAL",
        "rewards/cinema.png",
        600,
        30,
        {},
    ),
    (
        "plant",
        "Potted succulent",
        "A small succulent in a terracotta pot.",
        "PHYSICAL",
        "rewards/plant.png",
        300,
        21,
        {},
    ),
    (
        "socks",
        "Striped socks",
        "Cotton socks with the shop's stripes.",
        "PHYSICAL",
        "rewards/socks.png",
        200,
        60,
        {"size": "39-42"},
    ),
    ("cap", "Baseball cap", "Adjustable, one size.", "PHYSICAL", None, 350, 60, {}),
    (
        "chocolate",
        "Crème brûlée chocolate bar",
        "Milk chocolate with caramelised sugar.",
        "PHYSICAL",
        "rewards/chocolate.png",
        100,
        14,
        {"allergens": "milk, soy"},
    ),
    (
        "tea",
        "Rooibos tea tin",
        "Loose-leaf rooibos, 100 g.",
        "PHYSICAL",
        "rewards/tea.png",
        180,
        90,
        {},
    ),
    (
        "umbrella",
        "Folding umbrella",
        "Fits in every bag.",
        "PHYSICAL",
        "rewards/umbrella.png",
        450,
        90,
        {},
    ),
    # Shaped like the docs' example item: no description, no picture, the docs' custom keys.
    (
        "mystery",
        "Mystery gift",
        None,
        "PHYSICAL",
        None,
        200,
        73,
        {"eennaam": "false", "middle_name": ""},
    ),
    (
        "bikelight",
        "Bike light set",
        "Front and rear LED lights.",
        "PHYSICAL",
        "rewards/bikelight.png",
        550,
        60,
        {},
    ),
    (
        "scarf",
        "Knitted scarf",
        "Warm and soft, in forest green.",
        "PHYSICAL",
        "rewards/scarf.png",
        700,
        120,
        {},
    ),
    (
        "mug",
        "Shop mug",
        "A stoneware mug with the shop's logo.",
        "PHYSICAL",
        "rewards/mug.png",
        250,
        None,
        {},
    ),
)


# Catalogue rewards that no demo customer has claimed, for the claim paths Piggy refuses:
# (key, title, description, picture, credits, expiration days, stock, active).
_CATALOGUE_ONLY: Final[
    tuple[tuple[str, str, str, str | None, int, int | None, int | None, bool], ...]
] = (
    ("poster", "Limited edition poster", "Signed, numbered, A2.", None, 300, 30, 0, True),
    ("hat", "Summer hat", "Straw, one size.", None, 150, 30, None, False),
    (
        "espresso",
        "Espresso machine",
        "A compact espresso machine for home.",
        "rewards/coffee.png",
        5000,
        30,
        3,
        True,
    ),
)

TITLE_OUT_OF_STOCK: Final = "Limited edition poster"
TITLE_INACTIVE: Final = "Summer hat"
TITLE_EXPENSIVE: Final = "Espresso machine"
TITLE_DIGITAL: Final = "Cinema ticket"
TITLE_WITH_STOCK: Final = "Knitted scarf"
#: One per customer: a second claim is refused with 1019.
TITLE_CLAIM_LIMIT: Final = "Anniversary pin badge"


def _catalogue_only(ids: _Ids, first_id: int) -> list[RewardDefinition]:
    return [
        RewardDefinition(
            id=first_id + index,
            uuid=ids.uuid4(),
            title=title,
            description=description,
            reward_type="PHYSICAL",
            picture=picture,
            required_credits=credits,
            pre_redeemable=True,
            expiration_duration=days * 86400 if days is not None else None,
            is_active=active,
            cost_price=None,
            stock=stock,
        )
        for index, (_, title, description, picture, credits, days, stock, active) in enumerate(
            _CATALOGUE_ONLY
        )
    ]


def _catalogue(ids: _Ids) -> dict[str, RewardDefinition]:
    rewards: dict[str, RewardDefinition] = {}
    for index, (key, title, description, kind, picture, credits, days, custom) in enumerate(
        _CATALOGUE
    ):
        rewards[key] = RewardDefinition(
            id=20001 + index,
            uuid=ids.uuid4(),
            title=title,
            description=description,
            reward_type=kind,
            picture=picture,
            required_credits=credits,
            pre_redeemable=True,
            expiration_duration=days * 86400 if days is not None else None,
            is_active=True,
            cost_price=round(credits / 100, 2) if key in ("tote", "bottle", "scarf") else None,
            stock=25 if key in ("pins", "scarf") else None,
            custom=dict(custom),
        )
    return rewards


def _item(
    ids: _Ids,
    contact: Contact,
    reward: RewardDefinition,
    expires_at: datetime | None,
    now: datetime,
    opaque: bool = False,
    created_days_ago: float = 20,
) -> CollectableItem:
    if expires_at is not None and reward.expiration_duration is not None:
        # As in Piggy's examples: expires_at = created_at + reward.expiration_duration.
        # An expiry further ahead than the duration would date the claim after "now"; such
        # a claim is dated ``created_days_ago`` instead, so To prepare and the claim dates
        # the counter shows stay in the past, behind the claims made at the counter today.
        created_at = expires_at - timedelta(seconds=reward.expiration_duration)
        if created_at > now:
            created_at = now - timedelta(days=created_days_ago)
    else:
        created_at = now - timedelta(days=created_days_ago)
        expires_at = None
    return CollectableItem(
        uuid=ids.opaque() if opaque else ids.uuid4(),
        contact_uuid=contact.uuid,
        reward=reward,
        created_at=created_at,
        expires_at=expires_at,
    )


def _main_items(
    ids: _Ids, contact: Contact, rewards: dict[str, RewardDefinition], now: datetime
) -> list[CollectableItem]:
    end_of_day = _end_of_local_day(now)
    rest_of_day = max(end_of_day - now, timedelta(seconds=60))
    hour = timedelta(hours=1)
    plan: list[tuple[str, datetime | None, bool]] = [
        # Expired: the counter must refuse them (Piggy answers 80300 "Reward is expired.").
        ("chocolate", now - 40 * DAY, False),
        ("coffee", now - 10 * DAY, False),
        ("plant", now - DAY, False),
        ("notebook", now - hour, False),
        # Expiring later today.
        ("coffee", now + rest_of_day * 0.25, False),
        ("socks", now + rest_of_day * 0.5, False),
        ("pins", now + rest_of_day * 0.9, True),
        # Expiring this week.
        ("cinema", now + 2 * DAY, False),
        ("tea", now + 2 * DAY + 5 * hour, False),
        ("cap", now + 3 * DAY, False),
        ("chocolate", now + 5 * DAY, False),
        ("bottle", now + 6 * DAY, False),
        # Fresh.
        ("mystery", now + 8 * DAY, False),
        ("tote", now + 10 * DAY, False),
        ("coffee", now + 12 * DAY, False),
        ("umbrella", now + 14 * DAY, False),
        ("scarf", now + 16 * DAY, True),
        ("bikelight", now + 19 * DAY, False),
        ("notebook", now + 21 * DAY, False),
        ("pins", now + 24 * DAY, False),
        ("socks", now + 27 * DAY, False),
        ("tea", now + 30 * DAY, False),
        ("plant", now + 33 * DAY, False),
        ("cap", now + 38 * DAY, False),
        ("bottle", now + 45 * DAY, False),
        ("tote", now + 52 * DAY, False),
        ("umbrella", now + 60 * DAY, False),
        ("scarf", now + 80 * DAY, False),
        # No expiry at all.
        ("mug", None, False),
        ("mug", None, False),
    ]
    return [
        _item(ids, contact, rewards[key], expires, now, opaque=opaque, created_days_ago=5 + i)
        for i, (key, expires, opaque) in enumerate(plan)
    ]


def _big_items(
    ids: _Ids, contact: Contact, rewards: dict[str, RewardDefinition], now: datetime
) -> list[CollectableItem]:
    keys = list(rewards)
    items = []
    for i in range(BIG_REWARD_COUNT):
        reward = rewards[keys[ids.rng.randrange(len(keys))]]
        # Mostly still valid, some expired: from 20 days ago to 100 days ahead.
        expires = now + timedelta(hours=ids.rng.randrange(-20 * 24, 100 * 24))
        items.append(_item(ids, contact, reward, expires, now, created_days_ago=i % 365))
    return items


def _giftoin_challenges(ids: _Ids, now: datetime, owned_scale: int) -> tuple[GiftoinChallenge, ...]:
    now_ms = int(now.timestamp() * 1000)
    day_ms = 86_400_000

    def cards(
        prefix: str, names: list[tuple[str, str, str]], owned: list[int]
    ) -> tuple[GiftoinCard, ...]:
        return tuple(
            GiftoinCard(
                id=f"card_{prefix}_{i + 1}",
                name=name,
                picture=f"giftoin/{picture}.png",
                owned_quantity=owned[i] * owned_scale,
                rarity=rarity,
            )
            for i, (name, picture, rarity) in enumerate(names)
        )

    autumn_cards = cards(
        "autumn",
        [
            ("Oak Leaf", "card-leaf", "common"),
            ("Acorn", "card-acorn", "common"),
            ("Chestnut", "card-chestnut", "common"),
            ("Mushroom", "card-mushroom", "uncommon"),
            ("Pumpkin", "card-pumpkin", "uncommon"),
            ("Rain Cloud", "card-rain", "rare"),
            ("Harvest Moon", "card-moon", "epic"),
            ("Golden Leaf", "card-star", "legendary"),
        ],
        [2, 1, 1, 0, 0, 0, 0, 0],
    )
    city_cards = cards(
        "city",
        [
            ("Tower", "card-tower", "common"),
            ("Bridge", "card-bridge", "common"),
            ("Canal", "card-wave", "rare"),
            ("Sunset", "card-sun", "rare"),
        ],
        [1, 2, 1, 1],
    )
    mystery_cards = cards(
        "mystery",
        [("Shiny Star", "card-star", "legendary-shiny"), ("Moon Shard", "card-moon", "rare")],
        [1, 0],
    )
    summer_cards = cards(
        "summer",
        [
            ("Sun", "card-sun", "common"),
            ("Wave", "card-wave", "common"),
            ("Ice Cream", "card-bridge", "rare"),
        ],
        [1, 1, 0],
    )
    autumn_owned = sum(1 for c in autumn_cards if c.owned_quantity > 0)
    return (
        GiftoinChallenge(
            id="program_autumn_leaves",
            name="Autumn Leaves",
            picture="giftoin/challenge-autumn.png",
            description="Collect all eight autumn cards at the counter.",
            size=len(autumn_cards),
            cards=autumn_cards,
            progress_percent=round(100 * autumn_owned / len(autumn_cards)),
            collected_count=autumn_owned,
            status="in_progress",
            created_ms=now_ms - 20 * day_ms,
            start_ms=now_ms - 14 * day_ms,
            end_ms=now_ms + 12 * day_ms,
            reward=GiftoinReward(
                id="reward_autumn_badge",
                name="Autumn Champion Badge",
                picture="giftoin/badge-autumn.png",
                description="For those who complete the Autumn Leaves collection.",
                is_claimed=False,
                can_claim=False,
                value="AUTUMN-CHAMPION",
                view_type="QR",
            ),
        ),
        # Only a percentage: no size, no card list, no collected count.
        GiftoinChallenge(
            id="program_coffee_lovers",
            name="Coffee Lovers",
            picture="giftoin/challenge-coffee.png",
            description="Buy coffee on ten different days.",
            size=None,
            cards=None,
            progress_percent=60,
            collected_count=None,
            status="in_progress",
            created_ms=now_ms - 40 * day_ms,
            start_ms=now_ms - 30 * day_ms,
            end_ms=now_ms + 30 * day_ms,
            reward=None,
        ),
        GiftoinChallenge(
            id="program_summer_sprint",
            name="Summer Sprint",
            picture="giftoin/challenge-summer.png",
            description="The summer collection has ended.",
            size=len(summer_cards),
            cards=summer_cards,
            progress_percent=67,
            collected_count=2,
            status="ended",
            created_ms=now_ms - 120 * day_ms,
            start_ms=now_ms - 100 * day_ms,
            end_ms=now_ms - 10 * day_ms,
            reward=None,
        ),
        # No end date: Giftoin sends "end": null and a meaningless timeLeft.
        GiftoinChallenge(
            id="program_forever_friends",
            name="Forever Friends",
            picture="giftoin/challenge-forever.png",
            description="Bring a friend; this challenge never ends.",
            size=5,
            cards=None,
            progress_percent=20,
            collected_count=1,
            status="in_progress",
            created_ms=now_ms - 200 * day_ms,
            start_ms=now_ms - 200 * day_ms,
            end_ms=None,
            reward=None,
        ),
        GiftoinChallenge(
            id="program_city_explorer",
            name="City Explorer",
            picture="giftoin/challenge-city.png",
            description="Visit all four city stores.",
            size=len(city_cards),
            cards=city_cards,
            progress_percent=100,
            collected_count=len(city_cards),
            status="completed",
            created_ms=now_ms - 60 * day_ms,
            start_ms=now_ms - 50 * day_ms,
            end_ms=now_ms + 5 * day_ms,
            reward=GiftoinReward(
                id="reward_city_tote",
                name="Explorer Tote Bag",
                picture="giftoin/badge-city.png",
                description="Ready to claim at any counter.",
                is_claimed=False,
                can_claim=True,
                value="CITY-EXPLORER-TOTE",
                view_type="QR",
            ),
        ),
        # Values Giftoin has not published: the app must keep them as open strings.
        GiftoinChallenge(
            id="program_mystery_box",
            name="Mystery Box",
            picture="giftoin/challenge-mystery.png",
            description="Something is hidden in here.",
            size=len(mystery_cards),
            cards=mystery_cards,
            progress_percent=50,
            collected_count=1,
            status="paused_by_operator",
            created_ms=now_ms - 9 * day_ms,
            start_ms=now_ms - 7 * day_ms,
            end_ms=now_ms + 21 * day_ms,
            reward=GiftoinReward(
                id="reward_mystery",
                name="Mystery Prize",
                picture="giftoin/badge-mystery.png",
                description="Claimed last week.",
                is_claimed=True,
                can_claim=False,
                value="MYSTERY-PRIZE",
                view_type="barcode_v2",
                claimed_at_ms=now_ms - 7 * day_ms,
            ),
        ),
    )


_NUDJ_TITLES: Final[tuple[tuple[str, str, str], ...]] = (
    ("Free coffee", "Gratis koffie", "Gratis Kaffee"),
    ("Cinema night for two", "Bioscoopavond voor twee", "Kinoabend für zwei"),
    ("Canvas tote bag", "Canvas draagtas", "Stofftasche"),
    ("Concert ticket", "Concertkaartje", "Konzertkarte"),
    ("Plant workshop", "Plantenworkshop", "Pflanzen-Workshop"),
    ("Bike repair voucher", "Fietsreparatiebon", "Gutschein für Fahrradreparatur"),
    ("Cooking class", "Kookles", "Kochkurs"),
    ("Museum pass", "Museumkaart", "Museumspass"),
    ("Pizza night", "Pizza-avond", "Pizzaabend"),
    ("Ice cream", "IJsje", "Eis"),
    ("Yoga class", "Yogales", "Yogakurs"),
    ("Board game", "Bordspel", "Brettspiel"),
    ("Phone case", "Telefoonhoesje", "Handyhülle"),
    ("Sticker pack", "Stickerset", "Stickerset"),
    ("Hoodie", "Hoodie", "Hoodie"),
    ("Beanie", "Muts", "Mütze"),
    ("Travel mug", "Reisbeker", "Thermobecher"),
    ("Picnic blanket", "Picknickkleed", "Picknickdecke"),
    ("Cookbook", "Kookboek", "Kochbuch"),
    ("Sunglasses", "Zonnebril", "Sonnenbrille"),
    ("Gift card €10", "Cadeaukaart €10", "Geschenkkarte €10"),
    ("Gift card €25", "Cadeaukaart €25", "Geschenkkarte €25"),
    ("Early access to the sale", "Vroege toegang tot de uitverkoop", "Früher Zugang zum Sale"),
    ("Meet the makers", "Ontmoet de makers", "Triff die Macher"),
    ("Mystery box", "Verrassingsdoos", "Überraschungsbox"),
)
NUDJ_FEATURED: Final = frozenset({0, 1, 6, 20, 24})


def _nudj_rewards(ids: _Ids, now: datetime) -> list[NudjReward]:
    rewards = []
    for i, (en, nl, de) in enumerate(_NUDJ_TITLES):
        supply = 10 + (i * 7) % 90
        # One sold-out reward: a panel must show it without choking on zero supply.
        remaining = 0 if i == 13 else supply - (i * 3) % supply
        rewards.append(
            NudjReward(
                id=ids.hex24(),
                titles={"en": en, "nl": nl, "de": de},
                descriptions={
                    "en": f"Swap your points for: {en.lower()}.",
                    "nl": f"Wissel je punten in voor: {nl.lower()}.",
                    "de": f"Tauschen Sie Ihre Punkte ein gegen: {de}.",
                },
                picture=f"nudj/reward-{i % 10 + 1}.png",
                points_price=50 * (1 + (i * 5) % 40),
                supply=supply,
                remaining=remaining,
                featured=i in NUDJ_FEATURED,
                created_at=now - timedelta(days=60 - i),
                expires_at=None if i % 4 == 0 else now + timedelta(days=30 + i),
            )
        )
    return rewards


def build_demo_data(now: datetime, seed: int = 0) -> DemoData:
    """The whole demo data set, relative to ``now`` (timezone-aware)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC).replace(microsecond=0)
    ids = _Ids(seed)
    gold = Tier(ids.uuid4(), "Gold", "Our most loyal customers", 3)
    silver = Tier(ids.uuid4(), "Silver", "Regular customers", 2)

    main = Contact(
        id=1001,
        uuid=ids.uuid4(),
        email=EMAIL_MAIN,
        firstname="Robin",
        lastname="de Vries",
        tier=gold,
        points=1612,
        prepaid_cents=2000,
        created_at=now - 700 * DAY,
        city="Utrecht",
        phone="+31612345678",
        locale="nl_NL",
        birthdate="1990-04-12",
        card=CARD_MAIN,
        discord_id=DISCORD_MAIN,
        has_portal=True,
        login_code=ids.rng.randrange(100000, 1000000),
    )
    empty = Contact(
        id=1002,
        # An id that is not a UUID at all, as in Piggy's examples.
        uuid=ids.opaque(),
        email=EMAIL_EMPTY,
        firstname="Alex",
        lastname="Peters",
        tier=None,
        points=0,
        prepaid_cents=0,
        created_at=now - 3 * DAY,
        city="",
        phone="",
        locale=None,
        birthdate=None,
        card=CARD_EMPTY,
        discord_id=None,
        has_portal=False,
        login_code=ids.rng.randrange(100000, 1000000),
    )
    big = Contact(
        id=1003,
        uuid=ids.uuid4(),
        email=EMAIL_BIG,
        firstname="Sam",
        lastname="Groot",
        tier=silver,
        points=48210,
        prepaid_cents=0,
        created_at=now - 1500 * DAY,
        city="Rotterdam",
        phone="+31687654321",
        locale="en_GB",
        birthdate=None,
        card=CARD_BIG,
        discord_id=DISCORD_BIG,
        has_portal=True,
        login_code=ids.rng.randrange(100000, 1000000),
    )
    no_card = Contact(
        id=1004,
        uuid=ids.uuid4(),
        email=EMAIL_NO_CARD,
        firstname="Kim",
        lastname="Bakker",
        tier=silver,
        points=320,
        prepaid_cents=500,
        created_at=now - 90 * DAY,
        city="Amsterdam",
        phone="",
        locale="nl_NL",
        birthdate=None,
        card=None,
        discord_id=DISCORD_UNKNOWN,
        has_portal=True,
        login_code=ids.rng.randrange(100000, 1000000),
    )
    contacts = {c.uuid: c for c in (main, empty, big, no_card)}

    identifiers = {
        CARD_MAIN: ContactIdentifier(CARD_MAIN, "Demo Loyalty Card", True, main.uuid),
        CARD_EMPTY: ContactIdentifier(CARD_EMPTY, "Demo Loyalty Card", True, empty.uuid),
        CARD_UNLINKED: ContactIdentifier(CARD_UNLINKED, "Demo Loyalty Card", True, None),
        CARD_BLOCKED: ContactIdentifier(CARD_BLOCKED, "Demo Loyalty Card", False, main.uuid),
        CARD_BIG: ContactIdentifier(CARD_BIG, "Demo Loyalty Card", True, big.uuid),
    }

    rewards = _catalogue(ids)
    items_list = _main_items(ids, main, rewards, now)
    items_list += [
        _item(ids, no_card, rewards["coffee"], now + 4 * DAY, now),
        _item(ids, no_card, rewards["umbrella"], now + 20 * DAY, now),
        _item(ids, no_card, rewards["tea"], now - 2 * DAY, now),
    ]
    items_list += _big_items(ids, big, rewards, now)
    # Piggy lists in the order the rewards were claimed.
    items_list.sort(key=lambda item: (item.created_at, item.uuid))
    items = {item.uuid: item for item in items_list}

    shops = [
        Shop(ids.uuid4(), "Demo Store Centrum", "physical", None),
        Shop(ids.uuid4(), "Demo Store Station", "physical", "ST-02"),
        Shop(ids.uuid4(), "Demo Webshop", "web", "WEB-01"),
    ]

    giftoin_users = {
        (GIFTOIN_PLATFORM, DISCORD_MAIN): GiftoinUser(
            GIFTOIN_PLATFORM, DISCORD_MAIN, 120, _giftoin_challenges(ids, now, 1)
        ),
        (GIFTOIN_PLATFORM, DISCORD_BIG): GiftoinUser(
            GIFTOIN_PLATFORM, DISCORD_BIG, 4800, _giftoin_challenges(ids, now, 3)[:3]
        ),
    }

    nudj_users = [
        # The Nudj id is the Piggy contact uuid: the demo's mapping (uuid) finds it.
        NudjUser(
            id=main.uuid,
            email=main.email,
            external_user_id=main.uuid,
            username="robin",
            points=340,
            keys=2,
            xp={
                "total": 1250,
                "knowledge": 100,
                "creativity": 250,
                "loyalty": 600,
                "influence": 50,
                "participation": 200,
                "contribution": 50,
            },
            streak=3,
            longest_streak=9,
            last_extended_at=now - timedelta(hours=30),
            challenges_completed=4,
            achievements_completed=2,
            loyalty_card=CARD_MAIN,
            locale="nl",
        ),
        NudjUser(
            id=big.uuid,
            email=big.email,
            external_user_id=big.uuid,
            username="samg",
            points=12800,
            keys=0,
            xp={
                "total": 40210,
                "knowledge": 5000,
                "creativity": 2100,
                "loyalty": 30000,
                "influence": 10,
                "participation": 3000,
                "contribution": 100,
            },
            streak=0,
            longest_streak=41,
            last_extended_at=now - 12 * DAY,
            challenges_completed=88,
            achievements_completed=23,
            loyalty_card=CARD_BIG,
            locale="en",
        ),
    ]

    nudj_rewards = _nudj_rewards(ids, now)
    nudj_organisation_id = ids.hex24()
    nudj_community_id = ids.hex24()

    # Drawn after everything above, so the ids the rest of the demo had stay the same.
    catalogue = list(rewards.values()) + _catalogue_only(ids, 20001 + len(rewards))
    counter = shops[0].uuid
    # DEMO-CARD-BIG's thousand rewards are a load test, not a shop's day: a few of them were
    # claimed for pickup at the counter's shop, the rest at the other store, so that the
    # counter's To prepare list reads like a shop's.
    big_here = {item.uuid for item in items_list if item.contact_uuid == big.uuid}
    big_here = set(sorted(big_here)[:BIG_CLAIMS_HERE])
    receptions = {
        item.uuid: RewardReception(
            uuid=item.uuid,
            contact_uuid=item.contact_uuid,
            reward=item.reward,
            shop_uuid=(
                shops[1].uuid
                if item.contact_uuid == big.uuid and item.uuid not in big_here
                else counter
            ),
            credits=-item.reward.required_credits,
            created_at=item.created_at,
            expires_at=item.expires_at,
        )
        for item in items_list
    }
    credit_receptions = {
        credit.uuid: credit
        for credit in (
            CreditReception(ids.uuid4(), main.uuid, counter, 120, now - 3 * DAY),
            CreditReception(ids.uuid4(), main.uuid, shops[1].uuid, 45, now - DAY),
            CreditReception(ids.uuid4(), no_card.uuid, counter, 80, now - 2 * DAY),
        )
    }
    # Drawn last, for the same reason.
    catalogue.append(
        RewardDefinition(
            id=20001 + len(catalogue),
            uuid=ids.uuid4(),
            title=TITLE_CLAIM_LIMIT,
            description="For the shop's anniversary: one per customer.",
            reward_type="PHYSICAL",
            picture=None,
            required_credits=100,
            pre_redeemable=True,
            expiration_duration=30 * 86400,
            is_active=True,
            cost_price=None,
            stock=None,
            claim_limit=1,
        )
    )

    return DemoData(
        now=now,
        contacts=contacts,
        identifiers=identifiers,
        items=items,
        shops=shops,
        rewards={reward.uuid: reward for reward in catalogue},
        stock={reward.uuid: reward.stock for reward in catalogue if reward.stock is not None},
        inactive=set(),
        receptions=receptions,
        credit_receptions=credit_receptions,
        giftoin_users=giftoin_users,
        nudj_rewards=nudj_rewards,
        nudj_users=nudj_users,
        nudj_organisation_id=nudj_organisation_id,
        nudj_community_id=nudj_community_id,
    )
