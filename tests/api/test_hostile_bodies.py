"""Hostile response bodies end in the error hierarchy, never in another exception.

The reported bodies: JSON nested a thousand deep (2 kB), numerals Python's ``int()``
refuses ("²", more than 4,300 digits) in a Piggy error's ``code``, and a body of hundreds
of megabytes. Each must reach the caller as an :class:`~pos_app.api.errors.ApiError` (the
UI words those), and a huge body must not be read to its end.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from pos_app.api import PiggyClient, errors
from pos_app.api._bodies import DEFAULT_MAX_BODY_BYTES, MAX_JSON_DEPTH
from tests.api.fakes import (
    PIGGY_PREFIX,
    FakeServer,
    Reply,
    giftoin_client,
    nudj_client,
    piggy_client,
)

P = PIGGY_PREFIX
REWARDS = f"{P}/collectable-rewards"
COLLECT = f"{P}/collectable-rewards/collect/tx-1"

PiggyCall = Callable[[PiggyClient], Awaitable[object]]
PIGGY_CALLS: list[tuple[str, str, PiggyCall]] = [
    ("GET", REWARDS, lambda p: p.list_collectable_rewards("c-1")),
    ("PUT", COLLECT, lambda p: p.collect_reward("tx-1")),
]
PIGGY_IDS = ["list", "collect"]


def deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def assert_refused(error: errors.ApiError, status: int, why: str) -> None:
    """A 2xx body is a validation error saying ``why``; an error status keeps its type."""
    if status == 200:
        assert isinstance(error, errors.ResponseValidationError)
        assert why in str(error)
    else:
        assert error.status_code == status


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [200, 400, 503])
@pytest.mark.parametrize(("method", "path", "call"), PIGGY_CALLS, ids=PIGGY_IDS)
async def test_json_nested_a_thousand_deep_is_a_validation_or_status_error(
    server: FakeServer, status: int, method: str, path: str, call: PiggyCall
) -> None:
    server.add(method, path, Reply(status, content=deep(1000)))
    async with piggy_client(server, max_retries=0) as piggy:
        with pytest.raises(errors.ApiError) as caught:
            await call(piggy)
    assert_refused(caught.value, status, "nested")


@pytest.mark.asyncio
async def test_json_nested_just_below_the_recursion_limit_is_refused_too(
    server: FakeServer,
) -> None:
    # Parses with json.loads, but any later repr or recursive walk would overflow.
    body = b'{"data": ' + deep(900) + b"}"
    server.add("GET", REWARDS, Reply(200, content=body))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ResponseValidationError, match="nested"):
            await piggy.list_collectable_rewards("c-1")


@pytest.mark.asyncio
async def test_moderate_nesting_still_parses(server: FakeServer) -> None:
    # Real payloads nest a handful of levels; the limit leaves room for far more.
    nested: object = "x"
    for _ in range(MAX_JSON_DEPTH - 5):
        nested = {"k": nested}
    item = {"uuid": "tx-1", "reward": {"uuid": "r-1", "extra": nested}}
    server.add("GET", REWARDS, Reply(200, {"data": [item], "meta": {}}))
    async with piggy_client(server) as piggy:
        (reward,) = await piggy.list_collectable_rewards("c-1")
    assert reward.uuid == "tx-1"


ODD_CODES = ["²", "١٢٣", "1" * 5000, "-" + "9" * 4400, " 12 ", "80300 "]


@pytest.mark.asyncio
@pytest.mark.parametrize("code", ODD_CODES, ids=["sup", "arabic", "5000", "neg", "sp", "tr"])
@pytest.mark.parametrize(("method", "path", "call"), PIGGY_CALLS, ids=PIGGY_IDS)
async def test_odd_numerals_in_a_piggy_error_code_are_a_piggy_error(
    server: FakeServer, code: str, method: str, path: str, call: PiggyCall
) -> None:
    body = {"message": "Reward not found.", "code": code, "status_code": 400}
    server.add(method, path, Reply(400, body))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.PiggyError) as caught:
            await call(piggy)
    if code.strip().isascii() and len(code.strip()) < 10:
        assert caught.value.code == int(code)
    else:
        assert caught.value.code is None


@pytest.mark.asyncio
async def test_a_5000_digit_numeral_in_a_2xx_body_is_a_validation_error(
    server: FakeServer,
) -> None:
    body = b'{"data": [{"uuid": "tx-1", "reward": {"required_credits": ' + b"7" * 5000 + b"}}]}"
    server.add("GET", REWARDS, Reply(200, content=body))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ResponseValidationError):
            await piggy.list_collectable_rewards("c-1")


class EndlessBody(httpx.AsyncByteStream):
    """A body that never ends: 1 MB chunks, counted as they are read."""

    def __init__(self) -> None:
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunk = b'{"data": [' + b" " * (1024 * 1024 - 10)
        while True:
            self.sent += len(chunk)
            yield chunk
            chunk = b" " * (1024 * 1024)


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [200, 400, 503])
@pytest.mark.parametrize(("method", "path", "call"), PIGGY_CALLS, ids=PIGGY_IDS)
async def test_an_oversize_body_is_not_read_to_its_end(
    server: FakeServer, status: int, method: str, path: str, call: PiggyCall
) -> None:
    streams: list[EndlessBody] = []

    async def endless(request: httpx.Request) -> httpx.Response:
        streams.append(EndlessBody())
        return httpx.Response(status, stream=streams[-1])

    server.add(method, path, endless)
    async with piggy_client(server, max_retries=0) as piggy:
        with pytest.raises(errors.ApiError) as caught:
            await call(piggy)
    (stream,) = streams
    assert stream.sent <= DEFAULT_MAX_BODY_BYTES + 2 * 1024 * 1024
    assert_refused(caught.value, status, "too large")


@pytest.mark.asyncio
async def test_a_declared_oversize_body_is_refused_before_reading(server: FakeServer) -> None:
    streams: list[EndlessBody] = []

    async def declared(request: httpx.Request) -> httpx.Response:
        streams.append(EndlessBody())
        headers = {"Content-Length": str(300 * 1024 * 1024)}
        return httpx.Response(200, headers=headers, stream=streams[-1])

    server.add("GET", REWARDS, declared)
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ResponseValidationError, match="too large"):
            await piggy.list_collectable_rewards("c-1")
    assert streams[0].sent == 0


@pytest.mark.asyncio
async def test_a_customer_with_thousands_of_rewards_fits_under_the_cap(
    server: FakeServer,
) -> None:
    item = {
        "uuid": "tx-0000000000",
        "title": "Free coffee of the day, large, with oat milk",
        "created_at": "2026-11-13T14:37:04+00:00",
        "expires_at": "2026-12-13T14:37:04+00:00",
        "has_been_collected": False,
        "contact": {"uuid": "c-1", "email": "a@b.c", "credit_balance": {"balance": 10}},
        "reward": {
            "id": "1",
            "uuid": "r-1",
            "title": "Free coffee",
            "description": "A large coffee with oat milk, any day of the week, in any shop.",
            "reward_type": "PHYSICAL",
            "media": {"type": "image", "value": "https://cdn.example/pictures/coffee.png"},
            "required_credits": 100,
            "pre_redeemable": False,
            "expiration_duration": 2592000,
            "is_active": True,
        },
    }
    server.add("GET", REWARDS, Reply(200, {"data": [item] * 5000, "meta": {}}))
    async with piggy_client(server) as piggy:
        rewards = await piggy.list_collectable_rewards("c-1")
    assert len(rewards) == 5000


@pytest.mark.asyncio
async def test_giftoin_and_nudj_refuse_deep_bodies_too(server: FakeServer) -> None:
    server.add(
        "GET",
        "/api/v1/users/discord/1/progress/collection-challenges",
        Reply(200, content=deep(1000)),
    )
    server.add("GET", "/api/v2/admin/users/u-1", Reply(200, content=deep(1000)))
    async with giftoin_client(server) as giftoin, nudj_client(server) as nudj:
        with pytest.raises(errors.ResponseValidationError):
            await giftoin.collection_challenges("discord", "1")
        with pytest.raises(errors.ResponseValidationError):
            await nudj.user("u-1")


@pytest.mark.asyncio
@pytest.mark.parametrize("field", ["createdTimestamp", "timeLeft"])
async def test_a_giftoin_time_beyond_any_float_reads_as_missing(
    server: FakeServer, field: str
) -> None:
    # A 400-digit integer: int() takes it, float() raises OverflowError (not ValueError).
    body = b'[{"name": "Big", "' + field.encode() + b'": ' + b"3" * 400 + b"}]"
    server.add(
        "GET", "/api/v1/users/discord/1/progress/collection-challenges", Reply(200, content=body)
    )
    async with giftoin_client(server) as giftoin:
        (challenge,) = await giftoin.collection_challenges("discord", "1")
    assert challenge.name == "Big"
    assert challenge.created_at is None
    assert challenge.time_left is None
