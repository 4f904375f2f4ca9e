"""PiggyClient: what each method sends, what it returns, and the token life cycle."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from pos_app.api import PiggyClient, errors
from tests.api.fakes import (
    PIGGY_PREFIX,
    PIGGY_URL,
    TOKEN,
    Call,
    FakeServer,
    Reply,
    example,
    ok,
    piggy_client,
)

P = PIGGY_PREFIX


def assert_piggy_headers(call: Call, token: str = TOKEN) -> None:
    assert call.headers["Authorization"] == f"Bearer {token}"
    assert call.headers["Accept"] == "application/json"
    assert call.headers["User-Agent"].startswith("pos-app/")


# --- every method: request and result -------------------------------------------------


@pytest.mark.asyncio
async def test_find_contact_identifier_sends_the_scanned_value(server: FakeServer) -> None:
    server.add(
        "GET", f"{P}/contact-identifiers/find", example("piggy/contact_identifier_find.json")
    )
    async with piggy_client(server) as piggy:
        identifier = await piggy.find_contact_identifier("ABC/12 3?&")
    (call,) = server.calls
    assert call.query == {"contact_identifier_value": "ABC/12 3?&"}
    assert_piggy_headers(call)
    assert identifier.contact is not None
    assert identifier.contact.uuid == "123abc-def789-qwerty-34567"


@pytest.mark.asyncio
async def test_find_contact_by_email(server: FakeServer) -> None:
    server.add("GET", f"{P}/contacts/find-one-by", example("piggy/contact_find_one_by.json"))
    async with piggy_client(server) as piggy:
        contact = await piggy.find_contact_by_email("spongebob@bikinibottom.sea")
    (call,) = server.calls
    assert call.query == {"email": "spongebob@bikinibottom.sea"}
    assert_piggy_headers(call)
    assert (contact.uuid, contact.points) == ("123", 1612)


@pytest.mark.asyncio
async def test_get_contact_encodes_the_uuid_into_the_path(server: FakeServer) -> None:
    server.add("GET", f"{P}/contacts/a%2Fb%3Fc", example("piggy/contact_find_one_by.json"))
    async with piggy_client(server) as piggy:
        contact = await piggy.get_contact("a/b?c")
    (call,) = server.calls
    assert call.query == {}
    assert_piggy_headers(call)
    assert contact.tier is not None
    assert contact.tier.name == "Krusty Krew"


@pytest.mark.asyncio
async def test_contact_names_and_display_name(server: FakeServer) -> None:
    body: dict[str, Any] = {
        "data": {
            "uuid": "c-1",
            "email": "",
            "current_values": {"firstname": "Sandy", "lastname": " Cheeks "},
            "current_display_values": [],
            "credit_balance": {"balance": 5},
            "tier": None,
        }
    }
    server.add("GET", f"{P}/contacts/c-1", ok(body))
    async with piggy_client(server) as piggy:
        contact = await piggy.get_contact("c-1")
    assert contact.first_name == "Sandy"
    assert contact.display_name == "Sandy Cheeks"
    assert contact.email is None
    assert contact.tier is None
    assert contact.points == 5
    assert contact.prepaid_balance_cents is None
    assert contact.display_values == {}


@pytest.mark.asyncio
async def test_list_collectable_rewards(server: FakeServer) -> None:
    server.add("GET", f"{P}/collectable-rewards", example("piggy/collectable_rewards_list.json"))
    async with piggy_client(server) as piggy:
        items = await piggy.list_collectable_rewards("contact-9")
    (call,) = server.calls
    assert call.query == {"contact_uuid": "contact-9"}
    assert_piggy_headers(call)
    assert [item.uuid for item in items] == ["abc012-def789-u4k3l2-890xyz"]
    assert items[0].is_expired() is True  # expired in January 2024


@pytest.mark.asyncio
async def test_collect_reward_is_a_bodyless_put(server: FakeServer) -> None:
    server.add(
        "PUT", f"{P}/collectable-rewards/collect/tx-1", example("piggy/collect_current.json")
    )
    async with piggy_client(server) as piggy:
        result = await piggy.collect_reward("tx-1")
    (call,) = server.calls
    assert call.content == b""
    assert call.query == {}
    assert_piggy_headers(call)
    assert (result.uuid, result.status) == ("13ac4cc1-3522-4dfc-ae4a-a821e5090108", "COLLECTED")


@pytest.mark.asyncio
async def test_reverse_collection_is_a_bodyless_post(server: FakeServer) -> None:
    server.add("POST", f"{P}/collectable-rewards/red-1/reverse", example("piggy/reverse.json"))
    async with piggy_client(server) as piggy:
        result = await piggy.reverse_collection("red-1")
    (call,) = server.calls
    assert call.content == b""
    assert_piggy_headers(call)
    assert result.status == "REVERSED"


@pytest.mark.asyncio
async def test_list_shops(server: FakeServer) -> None:
    server.add("GET", f"{P}/shops", example("piggy/shops_list.json"))
    async with piggy_client(server) as piggy:
        shops = await piggy.list_shops()
    (call,) = server.calls
    assert_piggy_headers(call)
    assert [shop.type for shop in shops] == ["physical", "web"]


@pytest.mark.asyncio
async def test_send_verification_code_posts_a_form(server: FakeServer) -> None:
    server.add("POST", f"{P}/contact-verification/send", example("piggy/verification_send.json"))
    async with piggy_client(server) as piggy:
        result = await piggy.send_verification_code("spongebob@bikinibottom.sea")
    (call,) = server.calls
    assert call.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert call.form == {"email": "spongebob@bikinibottom.sea"}
    assert_piggy_headers(call)
    assert result.type == "Success"


@pytest.mark.asyncio
async def test_verify_code_posts_email_and_code(server: FakeServer) -> None:
    server.add(
        "POST", f"{P}/contact-verification/verify", example("piggy/verification_verify.json")
    )
    async with piggy_client(server) as piggy:
        uuid = await piggy.verify_code("spongebob@bikinibottom.sea", "481516")
    (call,) = server.calls
    assert call.form == {"email": "spongebob@bikinibottom.sea", "code": "481516"}
    assert call.query == {}
    assert_piggy_headers(call)
    assert uuid == "123abc-lmnopq-3242a-8899aa"


@pytest.mark.asyncio
async def test_base_url_with_the_documented_prefix_is_not_doubled(server: FakeServer) -> None:
    server.add("GET", f"{P}/shops", example("piggy/shops_list.json"))
    async with PiggyClient(
        f"{PIGGY_URL}/api/v3/oauth/clients/", token=TOKEN, transport=server.transport
    ) as piggy:
        await piggy.list_shops()
    assert [call.path for call in server.calls] == [f"{P}/shops"]


@pytest.mark.asyncio
async def test_user_agent_can_be_set(server: FakeServer) -> None:
    server.add("GET", f"{P}/shops", example("piggy/shops_list.json"))
    async with piggy_client(server, user_agent="counter-7/1.0") as piggy:
        await piggy.list_shops()
    assert server.calls[0].headers["User-Agent"] == "counter-7/1.0"


def test_constructor_needs_credentials() -> None:
    with pytest.raises(ValueError, match="token or both"):
        PiggyClient(PIGGY_URL)
    with pytest.raises(ValueError, match="token or both"):
        PiggyClient(PIGGY_URL, client_id="only-the-id")
    with pytest.raises(ValueError, match="base_url"):
        PiggyClient("api.piggy.eu", token=TOKEN)


@pytest.mark.asyncio
async def test_empty_ids_are_refused_before_sending(server: FakeServer) -> None:
    async with piggy_client(server) as piggy:
        with pytest.raises(ValueError, match="loyalty_transaction_uuid"):
            await piggy.collect_reward("")
    assert server.calls == []


# --- client credentials -----------------------------------------------------------------

CLIENT_ID = "client-42"
CLIENT_SECRET = "client-secret-very-long-value"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def token_reply(access_token: str, expires_in: int = 3600) -> Reply:
    return ok({"token_type": "Bearer", "expires_in": expires_in, "access_token": access_token})


def bearer(call: Call) -> str:
    return call.headers["Authorization"].removeprefix("Bearer ")


@pytest.mark.asyncio
async def test_token_is_fetched_once_and_reused(server: FakeServer) -> None:
    server.add("POST", "/oauth/token", token_reply("access-1"))
    server.add("GET", f"{P}/shops", example("piggy/shops_list.json"))
    async with piggy_client(server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as piggy:
        await piggy.list_shops()
        await piggy.list_shops()
    token_calls = server.calls_to("POST", "/oauth/token")
    assert len(token_calls) == 1
    (token_call,) = token_calls
    assert token_call.form == {
        "grant_type": "client_credentials",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    assert "Authorization" not in token_call.headers
    assert [bearer(c) for c in server.calls_to("GET", f"{P}/shops")] == ["access-1", "access-1"]


@pytest.mark.asyncio
async def test_token_is_renewed_shortly_before_it_expires(server: FakeServer) -> None:
    clock = Clock()
    server.add("POST", "/oauth/token", token_reply("access-1"), token_reply("access-2"))
    server.add("GET", f"{P}/shops", example("piggy/shops_list.json"))
    async with piggy_client(
        server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, clock=clock
    ) as piggy:
        await piggy.list_shops()
        clock.now += 3600 - 61  # 61 s left: still good
        await piggy.list_shops()
        clock.now += 1  # 60 s left: inside the renewal margin
        await piggy.list_shops()
    shops = server.calls_to("GET", f"{P}/shops")
    assert [bearer(c) for c in shops] == ["access-1", "access-1", "access-2"]
    assert len(server.calls_to("POST", "/oauth/token")) == 2


@pytest.mark.asyncio
async def test_short_lived_token_renews_at_half_life(server: FakeServer) -> None:
    clock = Clock()
    server.add("POST", "/oauth/token", token_reply("a-1", 20), token_reply("a-2", 20))
    server.add("GET", f"{P}/shops", example("piggy/shops_list.json"))
    async with piggy_client(
        server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, clock=clock
    ) as piggy:
        await piggy.list_shops()
        clock.now += 9
        await piggy.list_shops()
        clock.now += 1
        await piggy.list_shops()
    assert [bearer(c) for c in server.calls_to("GET", f"{P}/shops")] == ["a-1", "a-1", "a-2"]


@pytest.mark.asyncio
async def test_a_401_on_a_read_renews_the_token_and_repeats_once(server: FakeServer) -> None:
    server.add("POST", "/oauth/token", token_reply("access-1"), token_reply("access-2"))
    server.add("GET", f"{P}/shops", Reply(401, {"message": "Unauthenticated."}), ok({"data": []}))
    async with piggy_client(server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as piggy:
        await piggy.list_shops()
    assert [bearer(c) for c in server.calls_to("GET", f"{P}/shops")] == ["access-1", "access-2"]
    assert len(server.calls_to("POST", "/oauth/token")) == 2


WRITE_CALLS = [
    ("PUT", f"{P}/collectable-rewards/collect/tx-1", "collect_reward", "tx-1"),
    ("POST", f"{P}/collectable-rewards/red-1/reverse", "reverse_collection", "red-1"),
    ("POST", f"{P}/contact-verification/send", "send_verification_code", "a@b.c"),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("method", "path", "call_name", "arg"), WRITE_CALLS, ids=["collect", "reverse", "send-code"]
)
async def test_a_401_on_a_write_is_a_refusal_sent_once(
    server: FakeServer, method: str, path: str, call_name: str, arg: str
) -> None:
    # One journaled attempt must be one request: the caller books the 401 as refused.
    server.add("POST", "/oauth/token", token_reply("access-1"), token_reply("access-2"))
    server.add(method, path, Reply(401, {"message": "Unauthenticated."}), ok({"data": {}}))
    server.add("GET", f"{P}/shops", ok({"data": []}))
    async with piggy_client(server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as piggy:
        with pytest.raises(errors.AuthenticationError):
            await getattr(piggy, call_name)(arg)
        assert len(server.calls_to(method, path)) == 1
        # The rejected token was dropped: the next request goes with a new one.
        await piggy.list_shops()
    assert [bearer(c) for c in server.calls_to("GET", f"{P}/shops")] == ["access-2"]


@pytest.mark.asyncio
async def test_a_second_401_is_raised_not_looped(server: FakeServer) -> None:
    server.add("POST", "/oauth/token", token_reply("access-1"), token_reply("access-2"))
    server.add("GET", f"{P}/shops", Reply(401, {"message": "No."}))
    async with piggy_client(server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as piggy:
        with pytest.raises(errors.AuthenticationError):
            await piggy.list_shops()
    assert len(server.calls_to("GET", f"{P}/shops")) == 2
    assert len(server.calls_to("POST", "/oauth/token")) == 2


@pytest.mark.asyncio
async def test_a_static_token_is_not_renewed_on_401(server: FakeServer) -> None:
    server.add("GET", f"{P}/shops", Reply(401, {"message": "Unauthenticated."}))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.AuthenticationError) as caught:
            await piggy.list_shops()
    assert len(server.calls) == 1
    assert caught.value.status_code == 401
    assert "Unauthenticated." in str(caught.value)


@pytest.mark.asyncio
async def test_concurrent_first_calls_fetch_one_token(server: FakeServer) -> None:
    async def slow_token(request: httpx.Request) -> httpx.Response:
        for _ in range(5):  # let the other calls reach the lock meanwhile
            await asyncio.sleep(0)
        return token_reply("access-1").build()

    server.add("POST", "/oauth/token", slow_token)
    server.add("GET", f"{P}/shops", example("piggy/shops_list.json"))
    async with piggy_client(server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as piggy:
        results = await asyncio.gather(*(piggy.list_shops() for _ in range(5)))
    assert all(len(shops) == 2 for shops in results)
    assert len(server.calls_to("POST", "/oauth/token")) == 1
    assert {bearer(c) for c in server.calls_to("GET", f"{P}/shops")} == {"access-1"}


@pytest.mark.asyncio
async def test_concurrent_401s_renew_the_token_once(server: FakeServer) -> None:
    issued: list[str] = []

    async def issue_token(request: httpx.Request) -> httpx.Response:
        issued.append(f"access-{len(issued) + 1}")
        await asyncio.sleep(0)
        return token_reply(issued[-1]).build()

    async def shops(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0)
        if request.headers["Authorization"] == "Bearer access-1":
            return httpx.Response(401, json={"message": "Unauthenticated."})
        return example("piggy/shops_list.json").build()

    server.add("POST", "/oauth/token", issue_token)
    server.add("GET", f"{P}/shops", shops)
    async with piggy_client(server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as piggy:
        await asyncio.gather(*(piggy.list_shops() for _ in range(4)))
    assert issued == ["access-1", "access-2"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "reply",
    [
        Reply(401, {"error": "invalid_client", "message": "Client authentication failed"}),
        Reply(400, {"error": "invalid_client", "message": "Client authentication failed"}),
    ],
)
async def test_rejected_client_credentials_are_an_authentication_error(
    server: FakeServer, reply: Reply
) -> None:
    server.add("POST", "/oauth/token", reply)
    async with piggy_client(server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as piggy:
        with pytest.raises(errors.AuthenticationError) as caught:
            await piggy.list_shops()
    assert "Client authentication failed" in str(caught.value)
    assert len(server.calls) == 1  # no data request, and the token request not repeated


@pytest.mark.asyncio
async def test_token_response_without_a_token_is_a_validation_error(server: FakeServer) -> None:
    server.add("POST", "/oauth/token", ok({"token_type": "Bearer", "expires_in": 60}))
    async with piggy_client(server, client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as piggy:
        with pytest.raises(errors.ResponseValidationError, match="access_token"):
            await piggy.list_shops()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "reply",
    [
        ok({"data": [True], "meta": []}),  # what the official SDK's test double answers
        ok({"data": {"type": 7, "message": ["sent"]}}),
        ok({}),
        ok([]),
        Reply(200, content=b""),
        Reply(202, content=b"<html>queued</html>"),
        Reply(204, content=b""),
    ],
    ids=["sdk-mock", "odd-types", "empty-object", "list", "empty", "html-202", "204"],
)
async def test_any_2xx_to_send_code_means_the_email_went_out(
    server: FakeServer, reply: Reply
) -> None:
    # Reading an odd body as a failure would invite the cashier to send a second email.
    server.add("POST", f"{P}/contact-verification/send", reply)
    async with piggy_client(server) as piggy:
        await piggy.send_verification_code("spongebob@bikinibottom.sea")
    assert len(server.calls) == 1
