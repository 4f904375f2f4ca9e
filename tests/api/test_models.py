"""Model tolerance and strictness, beyond what the documented examples exercise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from pos_app.api.piggy_models import (
    CollectableReward,
    Contact,
    ContactIdentifier,
    RedemptionResult,
    Reward,
    is_secret_attribute,
)


def test_php_empty_lists_are_empty_maps_and_missing_objects() -> None:
    contact = Contact.model_validate(
        {
            "uuid": 22,
            "current_values": [],
            "current_display_values": None,
            "tier": [],
            "credit_balance": [],
            "prepaid_balance": None,
        }
    )
    assert contact.uuid == "22"
    assert contact.attributes == {}
    assert contact.display_values == {}
    assert contact.tier is None
    assert contact.points is None
    assert contact.prepaid_balance_cents is None
    assert ContactIdentifier.model_validate({"value": "x", "contact": []}).contact is None


def test_contact_can_be_built_by_field_name() -> None:
    contact = Contact(
        uuid="c-1",
        first_name="Patrick",
        last_name=None,
        points=3,
        attributes={"custom_app_login_code": 1, "city": "Rock"},
    )
    assert contact.display_name == "Patrick"
    assert contact.points == 3
    assert contact.attributes == {"city": "Rock"}


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("custom_app_login_url", True),
        ("custom_app_login_code", True),
        ("Custom_App_Login_Token", True),
        ("portal_password", True),
        ("api_secret", True),
        ("default_contact_identifier", False),
        ("add_to_wallet", False),
        ("firstname", False),
    ],
)
def test_secret_attribute_names(name: str, secret: bool) -> None:
    assert is_secret_attribute(name) is secret


def test_reward_accepts_active_or_is_active_and_keeps_custom_keys() -> None:
    legacy = Reward.model_validate({"id": 1, "active": False, "eennaam": "false"})
    current = Reward.model_validate({"id": "1", "is_active": True})
    assert (legacy.id, legacy.is_active) == ("1", False)
    assert legacy.custom_attributes == {"eennaam": "false"}
    assert (current.is_active, current.custom_attributes) == (True, {})


def test_reward_item_datetimes_are_aware() -> None:
    item = CollectableReward.model_validate(
        {
            "uuid": "tx",
            "created_at": "2023-11-13T14:37:04",  # naive: read as UTC
            "expires_at": "2024-01-25T15:37:04+01:00",
            "has_been_collected": None,
            "reward": {},
        }
    )
    assert item.created_at == datetime(2023, 11, 13, 14, 37, 4, tzinfo=UTC)
    assert item.expires_at is not None
    assert item.expires_at.utcoffset() == timedelta(hours=1)
    assert item.has_been_collected is False
    assert item.reward is None
    assert item.is_expired(datetime(2024, 1, 25, 14, 37, 3, tzinfo=UTC)) is False
    assert item.is_expired(datetime(2024, 1, 25, 14, 37, 4, tzinfo=UTC)) is True
    assert CollectableReward(uuid="tx").is_expired() is False  # no expiry: never expired


@pytest.mark.parametrize(
    "bad",
    [
        {"title": "no uuid"},
        {"uuid": ""},
        {"uuid": "tx", "expires_at": "next tuesday"},
        {"uuid": "tx", "reward": {"required_credits": "lots"}},
    ],
)
def test_reward_items_are_strict_where_the_counter_depends_on_them(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        CollectableReward.model_validate(bad)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"uuid": "r-1", "status": "COLLECTED"}, ("r-1", "COLLECTED")),
        ({"uuid": "r-1", "status": "SOMETHING_NEW"}, ("r-1", "SOMETHING_NEW")),
        ({"uuid": "tx-1", "has_been_collected": True, "title": "x"}, ("tx-1", "COLLECTED")),
        ({"uuid": "tx-1", "has_been_collected": False}, ("tx-1", None)),
        ({"uuid": "r-1"}, ("r-1", None)),
    ],
)
def test_redemption_result_shapes(data: dict[str, Any], expected: tuple[str, str | None]) -> None:
    result = RedemptionResult.model_validate(data)
    assert (result.uuid, result.status) == expected


def test_models_are_immutable() -> None:
    result = RedemptionResult(uuid="r", status="COLLECTED")
    with pytest.raises(ValidationError):
        result.uuid = "other"  # type: ignore[misc]
