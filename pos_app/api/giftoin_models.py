"""Giftoin collection-challenge progress models.

Giftoin publishes examples, not a schema (API_NOTES.md §2): every field is optional,
enums (``status``, ``rarity``, ``viewType``, ``environment``) are open strings, and times
are epoch *milliseconds*. The progress panel is informative only, so every field is
:data:`~pos_app.api._models.Lenient`: an odd value reads as ``None`` and an odd card is
dropped instead of blanking the panel.
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, AliasPath, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from pos_app.api._models import ApiModel, EpochMs, Lenient, LenientList, Milliseconds

__all__ = [
    "ChallengeCard",
    "ChallengeDuration",
    "ChallengeReward",
    "CollectionChallenge",
    "GiftoinInventory",
]


class _GiftoinModel(ApiModel):
    model_config = ConfigDict(alias_generator=to_camel)


class ChallengeCard(_GiftoinModel):
    """One card of a collection and how many of it the user owns."""

    id: Lenient[str] = None
    name: Lenient[str] = None
    image: Lenient[str] = None
    owned_quantity: Lenient[int] = None
    is_owned: Lenient[bool] = None
    rarity: Lenient[str] = None


class ChallengeReward(_GiftoinModel):
    """What completing the collection earns."""

    id: Lenient[str] = None
    name: Lenient[str] = None
    image: Lenient[str] = None
    description: Lenient[str] = None
    is_claimed: Lenient[bool] = None
    can_claim: Lenient[bool] = None
    value: Lenient[str] = None
    claimed_at: Lenient[EpochMs] = Field(default=None, alias="claimedTimestamp")
    view_type: Lenient[str] = None


class ChallengeDuration(_GiftoinModel):
    """When the challenge runs. ``end`` is None for an open-ended challenge."""

    start: Lenient[EpochMs] = Field(
        default=None, validation_alias=AliasChoices(AliasPath("start", "date"), "start")
    )
    end: Lenient[EpochMs] = Field(
        default=None, validation_alias=AliasChoices(AliasPath("end", "date"), "end")
    )
    show_before: Lenient[bool] = Field(
        default=None,
        validation_alias=AliasChoices(AliasPath("start", "showBefore"), "show_before"),
    )
    show_after: Lenient[bool] = Field(
        default=None,
        validation_alias=AliasChoices(AliasPath("end", "showAfter"), "show_after"),
    )


class CollectionChallenge(_GiftoinModel):
    """A user's progress in one collection challenge (a Giftoin "program")."""

    id: Lenient[str] = None
    name: Lenient[str] = None
    description: Lenient[str] = None
    image: Lenient[str] = None
    size: Lenient[int] = None
    collected_count: Lenient[int] = None
    progress_percentage: Lenient[float] = Field(default=None, alias="progressInPercentage")
    cards: LenientList[ChallengeCard] = Field(default_factory=list)
    reward: Lenient[ChallengeReward] = None
    status: Lenient[str] = None
    environment: Lenient[str] = None
    time_left: Lenient[Milliseconds] = None
    duration: Lenient[ChallengeDuration] = None
    created_at: Lenient[EpochMs] = Field(default=None, alias="createdTimestamp")

    @model_validator(mode="before")
    @classmethod
    def _time_left_needs_an_end(cls, data: Any) -> Any:
        # API_NOTES.md: with duration.end null, timeLeft is meaningless; do not show it.
        if isinstance(data, dict):
            duration = data.get("duration")
            if isinstance(duration, dict) and duration.get("end") is None:
                return {**data, "timeLeft": None}
        return data


class GiftoinInventory(ApiModel):
    """A user's inventory. Its body is undocumented, so the raw map is kept as is.

    ``points`` is a best-effort read of the points balance [inferred: the docs only say
    the inventory holds "collections and points balance"].
    """

    raw: dict[str, Any] = Field(default_factory=dict)
    points: int | float | None = None

    @classmethod
    def from_body(cls, body: Any) -> GiftoinInventory:
        raw = body if isinstance(body, dict) else {"items": body}
        return cls(raw=raw, points=_find_points(raw))


_POINTS_KEYS = ("points", "pointsBalance", "points_balance", "balance", "totalPoints")


def _number(value: Any) -> int | float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return None


def _find_points(raw: dict[str, Any]) -> int | float | None:
    # [inferred] A numeric points key at the top level, else one level down
    # (e.g. {"points": {"balance": 10}} or {"wallet": {"points": 10}}).
    for key in _POINTS_KEYS:
        found = _number(raw.get(key))
        if found is not None:
            return found
    for value in raw.values():
        if isinstance(value, dict):
            for key in _POINTS_KEYS:
                found = _number(value.get(key))
                if found is not None:
                    return found
    return None


class _Status(ApiModel):
    """Giftoin's ``status`` object: on errors it carries the code and message."""

    model_config = ConfigDict(alias_generator=to_camel)

    timestamp: Lenient[str] = None
    error_code: Lenient[int] = None
    error_message: Lenient[str] = None


def parse_status(value: Any) -> tuple[int | None, str | None]:
    """``(errorCode, errorMessage)`` of a Giftoin ``status`` object, if it is one."""
    if not isinstance(value, dict):
        return None, None
    status = _Status.model_validate(value)
    return status.error_code, status.error_message


def is_envelope(body: Any) -> bool:
    """Whether ``body`` is ``{"data": ..., "status": {...}}`` rather than a bare result.

    A bare challenge has ``status`` too, but as a string (``"in_progress"``).
    """
    return isinstance(body, dict) and "data" in body and not isinstance(body.get("status"), str)


def unwrap(body: Any) -> Any:
    """The result inside the envelope, or the body itself when it is bare."""
    return body["data"] if is_envelope(body) else body
