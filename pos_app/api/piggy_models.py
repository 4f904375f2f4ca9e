"""Piggy (Leat) API v3 response models.

Tolerant where Piggy is loose (API_NOTES.md §1): ids are opaque strings (``20002`` and
``"123"`` alike), empty maps arrive as ``[]``, unknown keys are accepted, ``active`` and
``is_active`` both occur. Strict where the counter's money path depends on it: a
collectable reward without its uuid, or a collect result without a redemption uuid, is a
:class:`~pos_app.api.errors.ResponseValidationError`, never a silent default.

The contact's ``current_values`` carries secrets (``custom_app_login_url`` holds a login
token, ``custom_app_login_code`` a login code). :class:`Contact` drops them while parsing,
so they are never kept, shown, logged or cached.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import (
    AliasChoices,
    AliasPath,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from pos_app.api._models import ApiModel, NullFalse, PhpMap, PhpObject, UtcDatetime

__all__ = [
    "SECRET_ATTRIBUTE_KEYS",
    "CollectableReward",
    "Contact",
    "ContactIdentifier",
    "ContactRef",
    "LoyaltyTransaction",
    "LoyaltyTransactionsPage",
    "Media",
    "OAuthToken",
    "RedemptionResult",
    "Reward",
    "RewardReception",
    "RewardReceptionReversal",
    "Shop",
    "Tier",
    "VerificationResult",
    "VerifiedContact",
    "is_secret_attribute",
]

SECRET_ATTRIBUTE_KEYS = frozenset({"custom_app_login_url", "custom_app_login_code"})
"""Contact attributes that are credentials (API_NOTES.md §1), dropped on parse."""

# Attribute names that look like credentials are dropped too: custom attributes are
# defined per account, and a "custom_app_login_token" next month must not leak either.
_SECRET_NAME_PARTS = ("login_url", "login_code", "login_token", "password", "secret", "token")


def is_secret_attribute(name: str) -> bool:
    """Whether a contact attribute must never be kept (a login URL, code, token, ...)."""
    lowered = name.lower()
    return lowered in SECRET_ATTRIBUTE_KEYS or any(part in lowered for part in _SECRET_NAME_PARTS)


def _without_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: item for key, item in value.items() if not is_secret_attribute(str(key))}
    return value


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


class Media(ApiModel):
    """A picture or video attached to a reward or tier."""

    type: str | None = None
    value: str | None = None


class Tier(ApiModel):
    """The contact's loyalty tier."""

    uuid: str | None = None
    name: str | None = None
    description: str | None = None
    position: int | None = None
    media: PhpObject[Media] = None


class ContactRef(ApiModel):
    """The short contact reference inside other resources."""

    uuid: str
    email: str | None = None
    points: int | None = Field(
        default=None,
        validation_alias=AliasChoices(AliasPath("credit_balance", "balance"), "points"),
    )


class Contact(ApiModel):
    """A full Piggy contact, as the customer header needs it.

    ``attributes`` is the raw ``current_values`` map and ``display_values`` the
    ``current_display_values`` map, both minus secrets. ``first_name``/``last_name`` come
    from the ``firstname``/``lastname`` attributes; Piggy sends ``""`` when unset, read as
    ``None``.
    """

    uuid: str
    email: str | None = None
    first_name: str | None = Field(
        default=None,
        validation_alias=AliasChoices(AliasPath("current_values", "firstname"), "first_name"),
    )
    last_name: str | None = Field(
        default=None,
        validation_alias=AliasChoices(AliasPath("current_values", "lastname"), "last_name"),
    )
    tier: PhpObject[Tier] = None
    points: int | None = Field(
        default=None,
        validation_alias=AliasChoices(AliasPath("credit_balance", "balance"), "points"),
    )
    prepaid_balance_cents: int | None = Field(
        default=None,
        validation_alias=AliasChoices(
            AliasPath("prepaid_balance", "balance_in_cents"), "prepaid_balance_cents"
        ),
    )
    attributes: PhpMap = Field(
        default_factory=dict, validation_alias=AliasChoices("current_values", "attributes")
    )
    display_values: PhpMap = Field(
        default_factory=dict,
        validation_alias=AliasChoices("current_display_values", "display_values"),
    )

    @field_validator("attributes", "display_values", mode="before")
    @classmethod
    def _drop_secrets(cls, value: Any) -> Any:
        # Runs before PhpMap's own validator, on the raw map: the secrets never reach a
        # field, so no repr, dump or log of a Contact can contain them.
        return _without_secrets(value)

    @field_validator("first_name", "last_name", "email", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return _blank_to_none(value)

    @property
    def display_name(self) -> str | None:
        """First and last name, or None when Piggy has neither (show the email instead)."""
        parts = [part.strip() for part in (self.first_name, self.last_name) if part]
        return " ".join(parts) or None


class ContactIdentifier(ApiModel):
    """A card or QR value. ``contact`` is None when the card is not linked to anyone."""

    name: str | None = None
    value: str | None = None
    active: bool | None = None
    contact: PhpObject[ContactRef] = None


# Keys of a reward that Piggy sends besides the fields but that are not an account's
# custom attributes: the rewards list repeats reward_type as "type", and the Get Reward
# example sends "active" next to "is_active".
_NOT_CUSTOM_REWARD_KEYS = frozenset({"type", "active", "is_active"})

#: ``reward_type`` of a reward the customer picks up in a shop (the others are digital).
PHYSICAL_REWARD_TYPE = "PHYSICAL"


class Reward(ApiModel):
    """A reward: an item of the rewards list, or the reward inside a collectable reward,
    a reward reception or a loyalty transaction.

    Extra keys are kept (``model_extra`` / :attr:`custom_attributes`): Piggy sends an
    account's custom reward attributes as extra keys (``"eennaam": "false"``).
    ``reward_type`` is an open string (``PHYSICAL``, ``DIGITAL``, ...); ``stock`` is None
    where Piggy keeps no stock.
    """

    model_config = ConfigDict(extra="allow")

    id: str | None = None
    uuid: str | None = None
    title: str | None = None
    description: str | None = None
    reward_type: str | None = None
    media: PhpObject[Media] = None
    required_credits: int | None = None
    pre_redeemable: bool | None = None
    expiration_duration: int | None = None
    is_active: bool | None = Field(
        default=None, validation_alias=AliasChoices("is_active", "active")
    )
    cost_price: float | None = None
    stock: int | None = None

    @property
    def custom_attributes(self) -> dict[str, Any]:
        """The account's custom reward attributes (the keys this model does not know)."""
        extra = self.model_extra or {}
        return {key: value for key, value in extra.items() if key not in _NOT_CUSTOM_REWARD_KEYS}

    @property
    def is_physical(self) -> bool:
        """Whether the customer picks it up in a shop (``reward_type`` ``PHYSICAL``)."""
        return (self.reward_type or "").upper() == PHYSICAL_REWARD_TYPE


class CollectableReward(ApiModel):
    """A reward the customer claimed online and has yet to pick up.

    ``uuid`` is the loyalty transaction made when it was claimed: what ``collect`` takes
    [inferred, strong: API_NOTES.md §1].
    """

    uuid: str = Field(min_length=1)
    title: str | None = None
    created_at: UtcDatetime | None = None
    expires_at: UtcDatetime | None = None
    has_been_collected: NullFalse = False
    reward: PhpObject[Reward] = None
    contact: PhpObject[ContactRef] = None

    def is_expired(self, now: datetime | None = None) -> bool:
        """Whether the pickup window is over (collect would answer 80300 "expired")."""
        if self.expires_at is None:
            return False
        return self.expires_at <= (now if now is not None else datetime.now(UTC))


class RedemptionResult(ApiModel):
    """What collect and reverse answer.

    ``uuid`` is the collectable reward *redemption* that ``reverse`` takes. Whether it
    equals the loyalty transaction uuid is unknown (API_NOTES.md): callers store both.
    """

    uuid: str = Field(min_length=1)
    status: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _accept_legacy_item(cls, data: Any) -> Any:
        # WORKAROUND: older Piggy servers answer collect with the whole collectable item
        # (has_been_collected: true) instead of {uuid, status}; the shape changed without
        # a version bump (API_NOTES.md, collect_legacy_full_item.json). A legacy item that
        # says it was *not* collected confirms nothing, so it gets no status and is
        # rejected by PiggyClient.collect_reward.
        if isinstance(data, dict) and data.get("status") is None and "has_been_collected" in data:
            status = "COLLECTED" if data.get("has_been_collected") is True else None
            return {"uuid": data.get("uuid"), "status": status}
        return data


class Shop(ApiModel):
    """A shop of the account (``type``: ``physical`` or ``web``, kept open)."""

    uuid: str
    name: str | None = None
    type: str | None = None
    reference: str | None = None


class ShopRef(ApiModel):
    """The shop inside a reward reception or loyalty transaction (its address is ignored)."""

    uuid: str | None = None
    name: str | None = None
    type: str | None = None


class _Transaction(ApiModel):
    """What a reward reception, its reversal and an item of the transactions list share:
    a loyalty transaction of a contact at a shop, ``credits`` signed as Piggy sends them.
    Strict on ``uuid``: a transaction without one tells nothing."""

    uuid: str = Field(min_length=1)
    type: str | None = None
    credits: int | None = None
    created_at: UtcDatetime | None = None
    contact: PhpObject[ContactRef] = None
    shop: PhpObject[ShopRef] = None

    @property
    def contact_uuid(self) -> str | None:
        return self.contact.uuid if self.contact is not None else None

    @property
    def shop_uuid(self) -> str | None:
        return self.shop.uuid if self.shop is not None else None


class RewardReception(_Transaction):
    """What ``POST /reward-receptions`` answers: the claim of a reward with points.

    ``uuid`` is the loyalty transaction: for a physical reward the same uuid the
    collectable-rewards list then shows as the item's top-level uuid (what collect takes)
    [inferred, strong: the docs' examples share the shape, API_NOTES.md §1]. ``credits``
    is signed as Piggy sends it (``-2`` for a reward that cost 2 points): see
    :attr:`points_spent`. Strict on ``uuid``: a claim without it confirms nothing.
    """

    title: str | None = None
    expires_at: UtcDatetime | None = None
    has_been_collected: NullFalse = False
    reward: PhpObject[Reward] = None

    @property
    def reward_uuid(self) -> str | None:
        return self.reward.uuid if self.reward is not None else None

    @property
    def reward_title(self) -> str | None:
        if self.reward is not None and self.reward.title:
            return self.reward.title
        return self.title

    @property
    def points_spent(self) -> int | None:
        """The points the claim took off the balance (positive), when Piggy says."""
        return abs(self.credits) if self.credits is not None else None

    @property
    def balance_after(self) -> int | None:
        """The contact's balance after the claim, when the answer carries it."""
        return self.contact.points if self.contact is not None else None


class RewardReceptionReversal(_Transaction):
    """What reversing a reward reception answers: a new *credit* reception that gives the
    points back (``type`` ``credit_reception``, ``credits`` positive)."""

    @property
    def points_restored(self) -> int | None:
        return abs(self.credits) if self.credits is not None else None

    @property
    def balance_after(self) -> int | None:
        return self.contact.points if self.contact is not None else None


#: ``type`` of a loyalty transaction item that is a reward reception (a claim).
REWARD_RECEPTION_TYPE = "reward_reception"
#: ``type`` of a loyalty transaction item that is a credit reception (points given).
CREDIT_RECEPTION_TYPE = "credit_reception"
#: The list filter values (plural, unlike the items' own ``type``).
REWARD_RECEPTIONS_FILTER = "reward_receptions"
CREDIT_RECEPTIONS_FILTER = "credit_receptions"


class LoyaltyTransaction(_Transaction):
    """One item of ``GET /loyalty-transactions``: a credit or a reward reception.

    ``type`` is an open string; reward receptions (``reward_reception``) carry the
    reward, ``expires_at`` and ``has_been_collected`` (None where Piggy does not say, as on
    credit receptions). ``credits`` is signed: negative for a claim.
    """

    expires_at: UtcDatetime | None = None
    has_been_collected: bool | None = None
    reward: PhpObject[Reward] = None
    unit_value: float | None = None

    @property
    def is_reward_reception(self) -> bool:
        return self.type == REWARD_RECEPTION_TYPE

    @property
    def reward_uuid(self) -> str | None:
        return self.reward.uuid if self.reward is not None else None


class LoyaltyTransactionsPage(ApiModel):
    """One page of loyalty transactions, newest first, with the paging Piggy's ``meta``
    gives (``page``, ``limit``, ``last_page``, ``total``; None where it is missing)."""

    items: list[LoyaltyTransaction] = Field(default_factory=list)
    page: int | None = None
    limit: int | None = None
    last_page: int | None = None
    total: int | None = None

    @property
    def has_more(self) -> bool:
        """Whether a later page exists (unknown paging: no)."""
        return self.page is not None and self.last_page is not None and self.page < self.last_page


class VerificationResult(ApiModel):
    """The answer to "send the customer a verification code"."""

    type: str | None = None
    message: str | None = None


class VerifiedContact(ApiModel):
    """The answer to "verify this code": the contact it proves."""

    uuid: str = Field(min_length=1)


class OAuthToken(ApiModel):
    """A client-credentials token. Its repr hides the token itself."""

    access_token: str = Field(min_length=1, repr=False)
    token_type: str | None = None
    expires_in: float | None = None


class Envelope(ApiModel):
    """Piggy's success envelope; ``meta`` may be ``{}``, ``[]`` or missing."""

    data: Any
    meta: PhpMap = Field(default_factory=dict)
