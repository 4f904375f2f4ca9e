"""Nudj rewards and customer models.

The documented example (``rewards_page.json``) is full of the docs' placeholders
(``"<string>"``, ``"<any>"``) and Nudj warns that enum values appear without notice
(API_NOTES.md §3). A progress panel must not fail as a whole because one optional field is
odd, so every field is :data:`~pos_app.api._models.Lenient` (an odd value reads as
``None``) and a page drops an edge that is not an object instead of failing.
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, AliasPath, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from pos_app.api._models import ApiModel, Lenient, LenientList, UtcDatetime

__all__ = ["NudjCustomer", "NudjReward", "NudjRewardsPage", "NudjXp"]


class _NudjModel(ApiModel):
    model_config = ConfigDict(alias_generator=to_camel)


# Where a picture may hide in a reward's free-form ``details`` [inferred: the docs type
# details.light / details.dark as "any"; actions use {primaryImageUrl, secondaryImageUrl}].
_IMAGE_KEYS = ("primaryImageUrl", "imageUrl", "image", "url", "src")


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def image_from_details(details: dict[str, Any] | None) -> str | None:
    """The first http(s) URL found in ``details`` (light theme first), else None.

    Placeholders such as ``"<any>"`` are not URLs and are skipped.
    """
    if not details:
        return None
    for key in ("light", "imageUrl", "image", "dark"):
        candidate = details.get(key)
        if _is_url(candidate):
            return str(candidate)
        if isinstance(candidate, dict):
            for image_key in _IMAGE_KEYS:
                if _is_url(candidate.get(image_key)):
                    return str(candidate[image_key])
    return None


class NudjReward(_NudjModel):
    """A Nudj reward as the progress panel shows it.

    ``title``/``description`` are ``details.title``/``details.description`` when they are
    plain strings; anything else (a localised map, a placeholder object) reads as None.
    ``user_state`` belongs to the token's user ("integration calls run in the context of
    the authenticated user"), so it is kept raw for the services to interpret.
    """

    id: Lenient[str] = None
    title: Lenient[str] = Field(
        default=None, validation_alias=AliasChoices(AliasPath("details", "title"), "title")
    )
    description: Lenient[str] = Field(
        default=None,
        validation_alias=AliasChoices(AliasPath("details", "description"), "description"),
    )
    details: Lenient[dict[str, Any]] = None
    points_price: Lenient[int] = Field(
        default=None, validation_alias=AliasChoices("assetPointsPrice", "points_price")
    )
    entry_points_price: Lenient[int] = None
    featured: Lenient[bool] = None
    status: Lenient[str] = None
    allocations_type: Lenient[str] = None
    remaining_supply: Lenient[int] = Field(
        default=None, validation_alias=AliasChoices("remainingAssetSupply", "remaining_supply")
    )
    starts_at: Lenient[UtcDatetime] = None
    expires_at: Lenient[UtcDatetime] = None
    user_state: Lenient[dict[str, Any]] = None
    user_asset_count: Lenient[int] = None
    user_entry_count: Lenient[int] = None

    @property
    def image_url(self) -> str | None:
        """Best-effort picture URL from ``details`` (see :func:`image_from_details`)."""
        return image_from_details(self.details)


class NudjRewardsPage(_NudjModel):
    """One page of ``GET /integration/rewards``. ``total_count`` ignores paging.

    ``received_count`` is how many edges the server sent, including any dropped as
    unreadable; paging advances by it so a dropped edge does not shift the next page.
    """

    total_count: Lenient[int] = None
    edges: LenientList[NudjReward] = Field(default_factory=list)
    received_count: int = 0

    @model_validator(mode="before")
    @classmethod
    def _count_received(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("edges"), list):
            return {**data, "receivedCount": len(data["edges"])}
        return data


class NudjXp(_NudjModel):
    """Experience points: ``total`` plus per-category values (new categories kept)."""

    model_config = ConfigDict(extra="allow")

    total: Lenient[int] = None
    knowledge: Lenient[int] = None
    creativity: Lenient[int] = None
    loyalty: Lenient[int] = None
    influence: Lenient[int] = None
    participation: Lenient[int] = None
    contribution: Lenient[int] = None


class NudjCustomer(_NudjModel):
    """A customer as ``GET /admin/users/{id}`` returns it."""

    id: Lenient[str] = None
    email: Lenient[str] = None
    external_user_id: Lenient[str] = None
    username: Lenient[str] = None
    points: Lenient[int] = None
    keys: Lenient[int] = None
    xp: Lenient[NudjXp] = None
    locale: Lenient[str] = None
    social_handles: Lenient[dict[str, Any]] = None
    community_data: LenientList[dict[str, Any]] = Field(default_factory=list)
