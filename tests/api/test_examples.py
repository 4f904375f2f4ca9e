"""Every documented example under ../shared/api/examples/ parses, or maps to its error.

The table below names a check for each file. A file added to the folder without a check
fails ``test_example`` (unhandled), and a check whose file disappeared fails too (stale):
the examples are the contract the models are held to.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from pos_app.api import errors
from pos_app.api.piggy_models import CollectableReward
from tests.api.fakes import (
    EXAMPLES_DIR,
    PIGGY_PREFIX,
    FakeServer,
    Reply,
    giftoin_client,
    load_example,
    nudj_client,
    piggy_client,
)

Check = Callable[[Any], Awaitable[None]]


def _found_examples() -> set[str]:
    if not EXAMPLES_DIR.is_dir():
        return set()
    return {p.relative_to(EXAMPLES_DIR).as_posix() for p in EXAMPLES_DIR.rglob("*") if p.is_file()}


# --- Piggy ------------------------------------------------------------------------------


async def piggy_collect_current(body: Any) -> None:
    server = FakeServer()
    server.add("PUT", f"{PIGGY_PREFIX}/collectable-rewards/collect/tx-1", Reply(200, body))
    async with piggy_client(server) as piggy:
        result = await piggy.collect_reward("tx-1")
    assert result.uuid == "13ac4cc1-3522-4dfc-ae4a-a821e5090108"
    assert result.status == "COLLECTED"


async def piggy_collect_legacy(body: Any) -> None:
    server = FakeServer()
    server.add("PUT", f"{PIGGY_PREFIX}/collectable-rewards/collect/tx-1", Reply(200, body))
    async with piggy_client(server) as piggy:
        result = await piggy.collect_reward("tx-1")
    assert result.uuid == "abc012-def789-u4k3l2-890xyz"
    assert result.status == "COLLECTED"
    # The legacy body is a whole collectable item: it parses as one too ("active", extras).
    item = CollectableReward.model_validate(body["data"])
    assert item.has_been_collected is True
    assert item.reward is not None
    assert item.reward.is_active is True
    assert item.reward.media is None
    assert item.reward.custom_attributes == {"eennaam": "false", "middle_name": ""}
    assert item.contact is not None
    assert item.contact.points == 250


async def piggy_rewards_list(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/collectable-rewards", Reply(200, body))
    async with piggy_client(server) as piggy:
        items = await piggy.list_collectable_rewards("123")
    assert len(items) == 1
    item = items[0]
    assert item.uuid == "abc012-def789-u4k3l2-890xyz"
    assert item.title == "Krabby Patty"
    assert item.created_at == datetime(2023, 11, 13, 14, 37, 4, tzinfo=UTC)
    assert item.expires_at == datetime(2024, 1, 25, 14, 37, 4, tzinfo=UTC)
    assert item.has_been_collected is False
    assert item.reward is not None
    assert item.reward.id == "20002"  # an int in the body, an opaque string to us
    assert item.reward.uuid == "539483d0-fab4-40db-add5-2ec65ef12901"
    assert item.reward.description == "Kelp Juice or Sea Water"
    assert item.reward.reward_type == "PHYSICAL"
    assert item.reward.media is not None
    assert item.reward.media.type == "image"
    assert item.reward.media.value == "http://images.google.com/image/coffee/300x200.jpg"
    assert item.reward.required_credits == 2
    assert item.reward.is_active is True
    assert item.contact is not None
    assert (item.contact.uuid, item.contact.email) == ("123", "spongebob@bikinibottom.sea")
    # API_NOTES: expires_at = created_at + expiration_duration seconds in the doc examples.
    assert item.reward.expiration_duration is not None
    assert item.created_at + timedelta(seconds=item.reward.expiration_duration) == item.expires_at


async def piggy_contact(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/contacts/find-one-by", Reply(200, body))
    async with piggy_client(server) as piggy:
        contact = await piggy.find_contact_by_email("spongebob@bikinibottom.sea")
    assert contact.uuid == "123"
    assert contact.email == "spongebob@bikinibottom.sea"
    assert contact.tier is not None
    assert contact.tier.name == "Krusty Krew"
    assert contact.points == 1612
    assert contact.prepaid_balance_cents == 2000
    assert (contact.first_name, contact.last_name, contact.display_name) == (None, None, None)
    assert contact.attributes["city"] == "Bikini Bottom"
    assert contact.attributes["default_contact_identifier"] == "hash123456"
    assert contact.display_values["tier"] == "Gold"
    for secret_key in ("custom_app_login_url", "custom_app_login_code"):
        assert secret_key not in contact.attributes
        assert secret_key not in contact.display_values


async def piggy_identifier(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/contact-identifiers/find", Reply(200, body))
    async with piggy_client(server) as piggy:
        identifier = await piggy.find_contact_identifier("ABCDE12356-90")
    assert identifier.name == "Krabby Membership"
    assert identifier.value == "ABCDE12356-90"
    assert identifier.active is True
    assert identifier.contact is not None
    assert identifier.contact.uuid == "123abc-def789-qwerty-34567"
    assert identifier.contact.email == "spongebob@bikinibottom.sea"


async def piggy_identifier_unlinked(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/contact-identifiers/find", Reply(200, body))
    async with piggy_client(server) as piggy:
        identifier = await piggy.find_contact_identifier("ABCDE99999-01")
    assert identifier.value == "ABCDE99999-01"
    assert identifier.contact is None


async def piggy_error(body: Any, expected: type[errors.PiggyError]) -> errors.PiggyError:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/contacts/find-one-by", Reply(body["status_code"], body))
    async with piggy_client(server) as piggy:
        with pytest.raises(expected) as caught:
            await piggy.find_contact_by_email("nobody@example.com")
    assert type(caught.value) is expected
    assert caught.value.code == body["code"]
    assert caught.value.message == body["message"]
    assert caught.value.status_code == body["status_code"]
    return caught.value


async def piggy_contact_not_found(body: Any) -> None:
    await piggy_error(body, errors.ContactNotFoundError)


async def piggy_invalid_input(body: Any) -> None:
    error = await piggy_error(body, errors.InvalidInputError)
    assert error.field_errors == {
        "contact_uuid": ["The contact uuid field is required."],
        "email": ["The email must be a valid email address."],
    }


async def piggy_reward_expired(body: Any) -> None:
    await piggy_error(body, errors.RewardExpiredError)


async def piggy_oauth_token(body: Any) -> None:
    server = FakeServer()
    server.add("POST", "/oauth/token", Reply(200, body))
    server.add("GET", f"{PIGGY_PREFIX}/shops", Reply(200, {"data": [], "meta": []}))
    async with piggy_client(server, client_id="client-1", client_secret="s3cret-value") as piggy:
        assert await piggy.list_shops() == []
    (shops_call,) = server.calls_to("GET", f"{PIGGY_PREFIX}/shops")
    assert shops_call.headers["Authorization"] == f"Bearer {body['access_token']}"


async def piggy_reverse(body: Any) -> None:
    server = FakeServer()
    server.add("POST", f"{PIGGY_PREFIX}/collectable-rewards/r-1/reverse", Reply(200, body))
    async with piggy_client(server) as piggy:
        result = await piggy.reverse_collection("r-1")
    assert (result.uuid, result.status) == ("13ac4cc1-3522-4dfc-ae4a-a821e5090108", "REVERSED")


async def piggy_shops(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/shops", Reply(200, body))
    async with piggy_client(server) as piggy:
        shops = await piggy.list_shops()
    assert [(s.uuid, s.name, s.type, s.reference) for s in shops] == [
        ("5fd3322e-671e-430f-aa38-5ed02e600ff7", "Krusty Krab Downtown", "physical", None),
        ("123123", "Krusty Krab Webshop", "web", "WEB-01"),
    ]


async def piggy_verification_send(body: Any) -> None:
    server = FakeServer()
    server.add("POST", f"{PIGGY_PREFIX}/contact-verification/send", Reply(200, body))
    async with piggy_client(server) as piggy:
        result = await piggy.send_verification_code("spongebob@bikinibottom.sea")
    assert result.type == "Success"
    assert result.message is not None
    assert result.message.startswith("An email containing")


async def piggy_verification_verify(body: Any) -> None:
    server = FakeServer()
    server.add("POST", f"{PIGGY_PREFIX}/contact-verification/verify", Reply(200, body))
    async with piggy_client(server) as piggy:
        uuid = await piggy.verify_code("spongebob@bikinibottom.sea", "123456")
    assert uuid == "123abc-lmnopq-3242a-8899aa"


# --- Giftoin ----------------------------------------------------------------------------

_PROGRESS = "/api/v1/users/discord/123456789012345678/progress/collection-challenges"


def _assert_winter_challenge(challenge: Any) -> None:
    assert challenge.id == "program_123"
    assert challenge.name == "Winter Challenge"
    assert challenge.description == "Collect all winter-themed cards"
    assert challenge.image == "https://example.com/images/winter-challenge.png"
    assert challenge.size == 10
    assert challenge.collected_count == 3
    assert challenge.progress_percentage == 30
    assert challenge.status == "in_progress"
    assert challenge.time_left == timedelta(days=7)
    assert challenge.created_at == datetime(2022, 2, 14, 8, 0, tzinfo=UTC)
    assert challenge.duration.start == datetime(2022, 2, 14, 8, 0, tzinfo=UTC)
    assert challenge.duration.end == datetime(2022, 3, 16, 8, 0, tzinfo=UTC)
    assert challenge.duration.show_before is True
    assert challenge.duration.show_after is False
    (card,) = challenge.cards
    assert (card.id, card.name, card.owned_quantity, card.is_owned, card.rarity) == (
        "card_456",
        "Snowflake Card",
        2,
        True,
        "rare",
    )
    assert card.image == "https://example.com/images/snowflake.png"
    reward = challenge.reward
    assert (reward.id, reward.name, reward.is_claimed, reward.can_claim) == (
        "reward_789",
        "Winter Champion Badge",
        False,
        False,
    )
    assert reward.image == "https://example.com/images/winter-badge.png"
    assert reward.view_type == "QR"


async def giftoin_list(body: Any) -> None:
    server = FakeServer()
    server.add("GET", _PROGRESS, Reply(200, body))
    async with giftoin_client(server) as giftoin:
        challenges = await giftoin.collection_challenges("discord", "123456789012345678")
    (challenge,) = challenges
    _assert_winter_challenge(challenge)


async def giftoin_one(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{_PROGRESS}/program_123", Reply(200, body))
    async with giftoin_client(server) as giftoin:
        challenge = await giftoin.collection_challenge(
            "discord", "123456789012345678", "program_123"
        )
    _assert_winter_challenge(challenge)


async def giftoin_invalid_key(body: Any) -> None:
    server = FakeServer()
    server.add("GET", _PROGRESS, Reply(400, body))
    async with giftoin_client(server) as giftoin:
        with pytest.raises(errors.AuthenticationError) as caught:
            await giftoin.collection_challenges("discord", "123456789012345678")
    assert caught.value.status_code == 400
    assert "This API Key is invalid." in str(caught.value)


# --- Nudj -------------------------------------------------------------------------------


async def nudj_admin_user(body: Any) -> None:
    server = FakeServer()
    server.add("GET", "/api/v2/admin/users/123", Reply(200, body))
    async with nudj_client(server) as nudj:
        user = await nudj.user("123")
    assert user.id == "6650f1c2a1b2c3d4e5f60718"
    assert user.email == "spongebob@bikinibottom.sea"
    assert user.external_user_id == "123"
    assert (user.points, user.keys, user.locale) == (340, 2, "en")
    assert user.xp is not None
    assert user.xp.total == 1250
    assert user.xp.loyalty == 600
    assert user.social_handles == {
        "instagram": None,
        "tiktok": None,
        "loyaltyCardNumber": "ABCDE12356-90",
    }
    assert user.community_data[0]["communityId"] == "community_1"


async def nudj_unauthorized(body: Any) -> None:
    server = FakeServer()
    server.add("GET", "/api/v2/integration/rewards", Reply(body["data"]["httpStatus"], body))
    async with nudj_client(server) as nudj:
        with pytest.raises(errors.AuthenticationError) as caught:
            await nudj.rewards()
    assert caught.value.status_code == 401
    assert "Invalid token" in str(caught.value)


async def nudj_rewards_page(body: Any) -> None:
    server = FakeServer()
    server.add("GET", "/api/v2/integration/rewards", Reply(200, body))
    async with nudj_client(server) as nudj:
        page = await nudj.rewards()
    assert page.total_count == 123
    (reward,) = page.edges
    assert reward.id == "<string>"
    assert reward.title == "<any>"  # a string, so kept; only the UI knows it is a placeholder
    assert reward.description == "<any>"
    assert reward.image_url is None  # "<any>" is no URL
    assert reward.points_price == 1
    assert reward.featured is True
    assert reward.status == "archived"
    assert reward.remaining_supply == 1
    assert reward.user_state is None  # this example has no reward-level userState
    assert (reward.user_asset_count, reward.user_entry_count) == (0, 0)
    assert reward.starts_at is None  # "<string>" is no datetime, and that is fine


EXPECTED: dict[str, Check] = {
    "piggy/collect_current.json": piggy_collect_current,
    "piggy/collect_legacy_full_item.json": piggy_collect_legacy,
    "piggy/collectable_rewards_list.json": piggy_rewards_list,
    "piggy/contact_find_one_by.json": piggy_contact,
    "piggy/contact_identifier_find.json": piggy_identifier,
    "piggy/contact_identifier_unlinked.json": piggy_identifier_unlinked,
    "piggy/error_contact_not_found.json": piggy_contact_not_found,
    "piggy/error_invalid_input_with_errors.json": piggy_invalid_input,
    "piggy/error_reward_expired.json": piggy_reward_expired,
    "piggy/oauth_token.json": piggy_oauth_token,
    "piggy/reverse.json": piggy_reverse,
    "piggy/shops_list.json": piggy_shops,
    "piggy/verification_send.json": piggy_verification_send,
    "piggy/verification_verify.json": piggy_verification_verify,
    "giftoin/error_invalid_key.json": giftoin_invalid_key,
    "giftoin/progress_list.json": giftoin_list,
    "giftoin/progress_list_enveloped.json": giftoin_list,
    "giftoin/progress_one.json": giftoin_one,
    "nudj/admin_user.json": nudj_admin_user,
    "nudj/error_unauthorized.json": nudj_unauthorized,
    "nudj/rewards_page.json": nudj_rewards_page,
}


def test_examples_folder_is_there() -> None:
    assert EXAMPLES_DIR.is_dir(), f"examples folder missing: {EXAMPLES_DIR}"
    assert _found_examples(), "examples folder is empty"


@pytest.mark.asyncio
@pytest.mark.parametrize("relative", sorted(_found_examples() | EXPECTED.keys()))
async def test_example(relative: str) -> None:
    assert (EXAMPLES_DIR / relative).is_file(), f"stale check, example gone: {relative}"
    assert relative in EXPECTED, f"unhandled example, add a check for it: {relative}"
    await EXPECTED[relative](load_example(relative))
