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
    "Media",
    "OAuthToken",
    "RedemptionResult",
    "Reward",
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


class Reward(ApiModel):
    """The reward inside a collectable reward.

    Extra keys are kept (``model_extra`` / :attr:`custom_attributes`): Piggy sends an
    account's custom reward attributes as extra keys (``"eennaam": "false"``).
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
        return dict(self.model_extra or {})


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
