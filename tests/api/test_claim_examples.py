"""The examples of the claim calls (tests/api/examples/, see its README) parse through the
client, and the client sends what the docs ask for.

As test_examples.py does for ../shared/api/examples/: every file under the folder needs a
check below, and every check its file.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pos_app.api import errors
from pos_app.api.piggy_models import REWARD_RECEPTION_TYPE, Reward
from tests.api.fakes import PIGGY_PREFIX, FakeServer, Reply, piggy_client

CLAIM_EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"

Check = Callable[[Any], Awaitable[None]]


def load_claim_example(relative: str) -> Any:
    return json.loads((CLAIM_EXAMPLES_DIR / relative).read_text(encoding="utf-8"))


async def rewards_list(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/rewards", Reply(200, body))
    async with piggy_client(server) as piggy:
        rewards = await piggy.list_rewards(shop_uuid="shop-1")
    assert server.calls[0].query == {"shop_uuid": "shop-1"}
    assert [r.title for r in rewards] == [
        "Donation to charity",
        "Cup of coffee",
        "Coffee deluxe",
        "T-shirt",
    ]
    assert [r.is_physical for r in rewards] == [False, True, True, True]
    coffee = rewards[1]
    assert coffee.uuid == "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc"
    assert coffee.required_credits == 50
    assert coffee.is_active is True
    assert coffee.stock is None
    assert coffee.expiration_duration is None
    assert coffee.media is not None
    assert coffee.media.value == "https://images.unsplash.com/photo-1565945887714-d5139f4eb0ce"
    # "type" repeats reward_type: it is not one of the account's custom attributes.
    assert coffee.custom_attributes == {
        "custom_attribute_one": "DEF",
        "custom_attribute_two": "456",
    }
    assert rewards[2].expiration_duration == 6307200


async def reward_get(body: Any) -> None:
    # Not a call the app makes; the one example with "active" beside "is_active", stock and
    # cost price, which the Reward model reads the same way.
    reward = Reward.model_validate(body["data"])
    assert reward.is_active is True
    assert reward.stock is None
    assert reward.cost_price is None
    assert reward.custom_attributes == {
        "example_attribute": "custom attributes for rewards are included like this"
    }


async def reception_create(body: Any) -> None:
    server = FakeServer()
    server.add("POST", f"{PIGGY_PREFIX}/reward-receptions", Reply(200, body))
    async with piggy_client(server) as piggy:
        reception = await piggy.create_reward_reception(
            contact_uuid="123",
            reward_uuid="539483d0-fab4-40db-add5-2ec65ef12901",
            shop_uuid="123123",
            contact_identifier_value="CARD-1",
        )
    assert server.calls[0].form == {
        "contact_uuid": "123",
        "reward_uuid": "539483d0-fab4-40db-add5-2ec65ef12901",
        "shop_uuid": "123123",
        "contact_identifier_value": "CARD-1",
    }
    assert reception.uuid == "55537e6c-23e8-4c0c-bbce-65f587fb543a"
    assert reception.type == REWARD_RECEPTION_TYPE
    assert reception.contact_uuid == "123"
    assert reception.reward_uuid == "539483d0-fab4-40db-add5-2ec65ef12901"
    assert reception.reward_title == "Lekkerbekkie"
    assert reception.credits == -2
    assert reception.points_spent == 2
    assert reception.balance_after == 2883
    assert reception.shop_uuid == "123123"
    assert reception.created_at == datetime(2023, 11, 23, 15, 27, 26, tzinfo=UTC)
    assert reception.expires_at == datetime(2024, 2, 4, 15, 27, 26, tzinfo=UTC)
    assert reception.has_been_collected is False
    assert reception.reward is not None
    assert reception.reward.custom_attributes["eennaam"] == "false"


async def reception_reverse(body: Any) -> None:
    server = FakeServer()
    path = f"{PIGGY_PREFIX}/reward-receptions/55537e6c-23e8-4c0c-bbce-65f587fb543a/reverse"
    server.add("POST", path, Reply(200, body))
    async with piggy_client(server) as piggy:
        reversal = await piggy.reverse_reward_reception("55537e6c-23e8-4c0c-bbce-65f587fb543a")
    assert server.calls[0].content == b""
    assert reversal.uuid == "294183c2-20f2-4f86-a5e5-17e71c4b0660"
    assert reversal.type == "credit_reception"
    assert reversal.points_restored == 10
    assert reversal.balance_after == 1642


async def transactions_list(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/loyalty-transactions", Reply(200, body))
    async with piggy_client(server) as piggy:
        page = await piggy.list_loyalty_transactions(contact_uuid="123", page=1, limit=10)
    assert server.calls[0].query == {"contact_uuid": "123", "page": "1", "limit": "10"}
    assert [t.type for t in page.items] == ["credit_reception", "credit_reception"]
    assert page.items[0].credits == 1177
    assert page.items[0].unit_value == 1.15
    assert page.items[0].has_been_collected is None
    assert page.items[0].reward is None
    assert page.items[0].shop_uuid == "123abc-def789-qwerty-34567"
    assert (page.page, page.limit, page.last_page, page.total) == (1, 10, 6, 57)
    assert page.has_more is True


async def transactions_reward_receptions(body: Any) -> None:
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/loyalty-transactions", Reply(200, body))
    async with piggy_client(server) as piggy:
        page = await piggy.list_loyalty_transactions(
            shop_uuid="123123", type="reward_receptions", limit=100
        )
    assert server.calls[0].query == {
        "shop_uuid": "123123",
        "type": "reward_receptions",
        "page": "1",
        "limit": "100",
    }
    first, second = page.items
    assert first.is_reward_reception
    assert second.is_reward_reception
    assert first.reward_uuid == "539483d0-fab4-40db-add5-2ec65ef12901"
    assert first.contact_uuid == "123"
    assert first.credits == -2
    assert first.expires_at == datetime(2024, 2, 4, 15, 27, 26, tzinfo=UTC)
    assert first.has_been_collected is False
    assert second.has_been_collected is True
    assert second.expires_at is None
    assert page.has_more is False


async def error_insufficient_credits(body: Any) -> None:
    server = FakeServer()
    server.add("POST", f"{PIGGY_PREFIX}/reward-receptions", Reply(400, body))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.NotEnoughCreditsError) as raised:
            await piggy.create_reward_reception(contact_uuid="123", reward_uuid="r-1")
    assert raised.value.code == 1017
    assert len(server.calls) == 1


CHECKS: dict[str, Check] = {
    "piggy/rewards_list.json": rewards_list,
    "piggy/reward_get.json": reward_get,
    "piggy/reward_reception_create.json": reception_create,
    "piggy/reward_reception_reverse.json": reception_reverse,
    "piggy/loyalty_transactions_list.json": transactions_list,
    "piggy/loyalty_transactions_reward_receptions.json": transactions_reward_receptions,
    "piggy/error_insufficient_credits.json": error_insufficient_credits,
}


def test_every_claim_example_has_a_check() -> None:
    found = {
        p.relative_to(CLAIM_EXAMPLES_DIR).as_posix() for p in CLAIM_EXAMPLES_DIR.rglob("*.json")
    }
    assert found, f"no examples under {CLAIM_EXAMPLES_DIR}"
    assert sorted(found - set(CHECKS)) == [], "an example without a check"
    assert sorted(set(CHECKS) - found) == [], "a check whose example is gone"


@pytest.mark.asyncio
@pytest.mark.parametrize("name", sorted(CHECKS))
async def test_claim_example(name: str) -> None:
    await CHECKS[name](load_claim_example(name))


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("code", "message", "error"),
    [
        (1017, "Onvoldoende punten | Insufficient credits.", errors.NotEnoughCreditsError),
        (1018, "The stock on this reward is empty.", errors.RewardOutOfStockError),
        (1019, "You have reached your claim limit on this reward.", errors.ClaimLimitReachedError),
        (1052, "Reward is inactive.", errors.RewardInactiveError),
        (6003, "Reward not found.", errors.RewardNotFoundError),
        (55031, "Contact not found.", errors.ContactNotFoundError),
        (1008, "Shop not found.", errors.ShopNotFoundError),
        (60004, "Contact identifier inactive.", errors.IdentifierInactiveError),
    ],
)
async def test_claim_errors_map_to_their_types(
    code: int, message: str, error: type[errors.PiggyError]
) -> None:
    server = FakeServer()
    body = {"message": message, "code": code, "status_code": 400}
    server.add("POST", f"{PIGGY_PREFIX}/reward-receptions", Reply(400, body))
    async with piggy_client(server) as piggy:
        with pytest.raises(error) as raised:
            await piggy.create_reward_reception(contact_uuid="c", reward_uuid="r", shop_uuid="s")
    assert type(raised.value) is error
    assert raised.value.code == code


@pytest.mark.asyncio
async def test_a_claim_is_never_repeated_after_a_server_error() -> None:
    server = FakeServer()
    server.add("POST", f"{PIGGY_PREFIX}/reward-receptions", Reply(503, {"message": "down"}))
    async with piggy_client(server, max_retries=3) as piggy:
        with pytest.raises(errors.ApiStatusError):
            await piggy.create_reward_reception(contact_uuid="c", reward_uuid="r", shop_uuid="s")
    assert len(server.calls) == 1


@pytest.mark.asyncio
async def test_a_claim_answer_without_uuid_is_invalid() -> None:
    body = load_claim_example("piggy/reward_reception_create.json")
    del body["data"]["uuid"]
    server = FakeServer()
    server.add("POST", f"{PIGGY_PREFIX}/reward-receptions", Reply(200, body))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ResponseValidationError):
            await piggy.create_reward_reception(contact_uuid="c", reward_uuid="r", shop_uuid="s")


@pytest.mark.asyncio
async def test_a_rewards_list_item_without_uuid_is_invalid() -> None:
    body = load_claim_example("piggy/rewards_list.json")
    del body["data"][1]["uuid"]
    server = FakeServer()
    server.add("GET", f"{PIGGY_PREFIX}/rewards", Reply(200, body))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ResponseValidationError):
            await piggy.list_rewards()


@pytest.mark.asyncio
async def test_transactions_page_limits_are_checked_before_sending() -> None:
    server = FakeServer()
    async with piggy_client(server) as piggy:
        with pytest.raises(ValueError, match="limit"):
            await piggy.list_loyalty_transactions(limit=101)
        with pytest.raises(ValueError, match="page"):
            await piggy.list_loyalty_transactions(page=0)
    assert server.calls == []
