from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos_app.api import Contact
from pos_app.api.piggy_models import CollectableReward
from pos_app.services.pickup_models import (
    CustomerSummary,
    Expiry,
    ExpiryKind,
    PickupCounts,
    PickupItem,
    group_for_pickup,
    mask_email,
    sort_for_pickup,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "api" / "examples" / "piggy"
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC).astimezone()


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        ("alice@example.org", "a***@example.org"),
        ("b@x.nl", "b***@x.nl"),
        ("not-an-email", "***"),
        ("@example.org", "***"),
        (None, ""),
    ],
)
def test_mask_email(email: str | None, masked: str) -> None:
    assert mask_email(email) == masked


def test_customer_from_documented_contact() -> None:
    body = json.loads((EXAMPLES / "contact_find_one_by.json").read_text(encoding="utf-8"))
    contact = Contact.model_validate(body["data"])
    summary = CustomerSummary.from_contact(contact)
    assert summary.uuid == "123"
    assert summary.name is None  # first and last name are empty in the example
    assert summary.title == "s***@bikinibottom.sea"
    assert summary.tier == "Krusty Krew"
    assert summary.points == 1612
    assert "custom_app_login_url" not in summary.attributes
    assert "SECRET-LOGIN-TOKEN" not in repr(summary)


def test_item_from_documented_reward() -> None:
    body = json.loads((EXAMPLES / "collectable_rewards_list.json").read_text(encoding="utf-8"))
    item = PickupItem.from_reward(CollectableReward.model_validate(body["data"][0]))
    assert item.loyalty_transaction_uuid == "abc012-def789-u4k3l2-890xyz"
    assert item.title == "Krabby Patty"
    assert item.picture_url == "http://images.google.com/image/coffee/300x200.jpg"
    assert item.expires_at == datetime(2024, 1, 25, 14, 37, 4, tzinfo=UTC)
    assert item.expiry(NOW).kind is ExpiryKind.EXPIRED
    assert not item.can_hand_over(NOW)


def _item(title: str, expires_in: timedelta | None, claimed_days_ago: int = 1) -> PickupItem:
    return PickupItem(
        loyalty_transaction_uuid=title,
        title=title,
        description=None,
        picture_url=None,
        claimed_at=NOW - timedelta(days=claimed_days_ago),
        expires_at=None if expires_in is None else NOW + expires_in,
        reward_type="PHYSICAL",
    )


def test_expiry_badges() -> None:
    end_of_day = NOW.replace(hour=23, minute=59)
    assert Expiry.of(None, NOW).kind is ExpiryKind.NONE
    assert Expiry.of(NOW - timedelta(seconds=1), NOW).kind is ExpiryKind.EXPIRED
    assert Expiry.of(NOW, NOW).kind is ExpiryKind.EXPIRED
    assert Expiry.of(end_of_day, NOW).kind is ExpiryKind.TODAY
    tomorrow = Expiry.of(NOW + timedelta(days=1), NOW)
    assert (tomorrow.kind, tomorrow.days) == (ExpiryKind.DAYS, 1)
    assert Expiry.of(NOW + timedelta(days=5, hours=1), NOW).days == 5


def test_sort_order_soonest_first_then_no_expiry_then_expired() -> None:
    items = [
        _item("expired long ago", -timedelta(days=30)),
        _item("no expiry old", None, claimed_days_ago=9),
        _item("in a week", timedelta(days=7)),
        _item("expired yesterday", -timedelta(days=1)),
        _item("today", timedelta(hours=1)),
        _item("no expiry new", None, claimed_days_ago=1),
        _item("tomorrow", timedelta(days=1)),
    ]
    titles = [item.title for item in sort_for_pickup(items, NOW)]
    assert titles == [
        "today",
        "tomorrow",
        "in a week",
        "no expiry old",
        "no expiry new",
        "expired yesterday",
        "expired long ago",
    ]


def _reward_with(**custom: object) -> CollectableReward:
    return CollectableReward.model_validate(
        {
            "uuid": "lt-socks",
            "title": "Striped socks",
            "reward": {
                "uuid": "rw-socks",
                "title": "Striped socks",
                "reward_type": "PHYSICAL",
                **custom,
            },
        }
    )


def test_custom_attributes_are_kept_as_sent_in_their_order() -> None:
    item = PickupItem.from_reward(
        _reward_with(size="39-42", colour="blue", eennaam="false", pairs=2, gift=True)
    )
    assert item.reward_uuid == "rw-socks"
    assert item.attributes == (
        ("size", "39-42"),
        ("colour", "blue"),
        ("eennaam", "false"),
        ("pairs", "2"),
        ("gift", "true"),
    )


def test_attributes_never_carry_personal_data_secrets_or_empty_values() -> None:
    item = PickupItem.from_reward(
        _reward_with(
            size="M",
            middle_name="",
            blank="   ",
            nothing=None,
            contact_email="robin@example.com",
            note="write to robin@example.com",
            phone_number="+31 6 1234 5678",
            delivery_address="Main street 1",
            voucher_token="abc",
            nested={"a": 1},
            listed=["a"],
        )
    )
    assert item.attributes == (("size", "M"),)
    assert "robin@example.com" not in repr(item)


def test_the_documented_reward_has_no_attributes() -> None:
    body = json.loads((EXAMPLES / "collectable_rewards_list.json").read_text(encoding="utf-8"))
    item = PickupItem.from_reward(CollectableReward.model_validate(body["data"][0]))
    assert item.attributes == ()
    assert item.reward_uuid == "539483d0-fab4-40db-add5-2ec65ef12901"


def _same(uuid: str, expires_in: timedelta | None, **changes: object) -> PickupItem:
    base = PickupItem(
        loyalty_transaction_uuid=uuid,
        title="Shop mug",
        description=None,
        picture_url=None,
        claimed_at=NOW - timedelta(days=1),
        expires_at=None if expires_in is None else NOW + expires_in,
        reward_type="PHYSICAL",
        reward_uuid="rw-mug",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_identical_rewards_are_grouped_soonest_expiry_first() -> None:
    later = _same("later", timedelta(hours=5))
    sooner = _same("sooner", timedelta(hours=1))
    tomorrow = _same("tomorrow", timedelta(days=1))
    red = _same("red", timedelta(hours=2), attributes=(("colour", "red"),))
    other = _same("other", timedelta(hours=3), reward_uuid="rw-other")
    expired = _same("expired", -timedelta(minutes=5))
    never = [_same("never-1", None), _same("never-2", None)]
    groups = group_for_pickup([later, expired, *never, red, tomorrow, other, sooner], NOW)
    assert [[i.loyalty_transaction_uuid for i in g] for g in groups] == [
        ["sooner", "later"],
        ["red"],
        ["other"],
        ["tomorrow"],
        ["never-1", "never-2"],
        ["expired"],
    ]


def test_counts_by_what_can_be_done() -> None:
    items = [
        _same("a", timedelta(days=1)),
        _same("b", None),
        _same("old", -timedelta(days=3)),
        _same("older", -timedelta(days=9)),
        _same("code", timedelta(days=1), reward_type="DIGITAL"),
    ]
    counts = PickupCounts.of(items, NOW)
    assert counts == PickupCounts(
        to_pick_up=2, expired=2, digital=1, last_expired=NOW - timedelta(days=3)
    )
    assert PickupCounts.of([], NOW) == PickupCounts()
