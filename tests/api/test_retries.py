"""Retry rules: reads are retried with backoff; writes are sent at most once.

Collect and reverse are not idempotent (a second collect hands over a second reward, or
fails with 6003 and hides the first outcome), so a timeout, a 5xx or a dropped connection
on them must reach the caller after exactly one request.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from pos_app.api import PiggyClient, RetryPolicy, errors
from pos_app.api._transport import parse_retry_after
from tests.api.fakes import (
    PIGGY_PREFIX,
    FakeServer,
    MaxJitter,
    Outcome,
    Reply,
    SleepRecorder,
    example,
    giftoin_client,
    nudj_client,
    ok,
    piggy_client,
)

P = PIGGY_PREFIX
SHOPS = f"{P}/shops"


def connect_error() -> httpx.ConnectError:
    return httpx.ConnectError("[Errno 111] Connection refused")


def read_timeout() -> httpx.ReadTimeout:
    return httpx.ReadTimeout("timed out")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "failure",
    [
        connect_error(),
        read_timeout(),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        Reply(500, {"message": "Server Error"}),
        Reply(502, content=b"Bad Gateway"),
        Reply(503, {"message": "Service Unavailable"}),
        Reply(429, {"message": "Too Many Attempts."}),
    ],
    ids=["connect", "timeout", "dropped", "500", "502", "503", "429"],
)
async def test_a_get_is_retried_until_it_succeeds(
    server: FakeServer, sleeps: SleepRecorder, failure: Outcome
) -> None:
    server.add("GET", SHOPS, failure, failure, example("piggy/shops_list.json"))
    async with piggy_client(server, sleeps, rng=MaxJitter()) as piggy:
        shops = await piggy.list_shops()
    assert len(shops) == 2
    assert len(server.calls) == 3
    # Exponential backoff, full jitter pinned to its ceiling: 0.5 s, then 1 s.
    assert sleeps.delays == [0.5, 1.0]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (connect_error(), errors.NotConnectedError),
        (read_timeout(), errors.ApiTimeoutError),
        (Reply(500, {"message": "Server Error"}), errors.ServerError),
        (Reply(503, {"message": "Down for maintenance"}), errors.MaintenanceError),
        (Reply(429, {"message": "Too Many Attempts."}), errors.RateLimitedError),
    ],
    ids=["connect", "timeout", "500", "503", "429"],
)
async def test_a_get_gives_up_after_max_retries(
    server: FakeServer,
    sleeps: SleepRecorder,
    failure: Outcome,
    expected: type[errors.ApiError],
) -> None:
    server.add("GET", SHOPS, failure)
    async with piggy_client(server, sleeps, rng=MaxJitter()) as piggy:
        with pytest.raises(expected) as caught:
            await piggy.list_shops()
    assert type(caught.value) is expected
    assert len(server.calls) == 4  # 1 + max_retries (3)
    assert sleeps.delays == [0.5, 1.0, 2.0]


@pytest.mark.asyncio
async def test_backoff_is_capped_and_jittered(server: FakeServer, sleeps: SleepRecorder) -> None:
    server.add("GET", SHOPS, Reply(500, {}))
    policy = RetryPolicy(backoff_base=1.0, backoff_max=3.0)
    async with piggy_client(server, sleeps, max_retries=5, retry_policy=policy) as piggy:
        with pytest.raises(errors.ServerError):
            await piggy.list_shops()
    assert len(server.calls) == 6
    ceilings = [1.0, 2.0, 3.0, 3.0, 3.0]
    assert len(sleeps.delays) == len(ceilings)
    for delay, ceiling in zip(sleeps.delays, ceilings, strict=True):
        assert 0.0 <= delay <= ceiling


@pytest.mark.asyncio
async def test_max_retries_zero_sends_once(server: FakeServer, sleeps: SleepRecorder) -> None:
    server.add("GET", SHOPS, Reply(503, {}))
    async with piggy_client(server, sleeps, max_retries=0) as piggy:
        with pytest.raises(errors.MaintenanceError):
            await piggy.list_shops()
    assert len(server.calls) == 1
    assert sleeps.delays == []


@pytest.mark.asyncio
async def test_retry_after_seconds_is_honoured(server: FakeServer, sleeps: SleepRecorder) -> None:
    server.add(
        "GET",
        SHOPS,
        Reply(429, {"message": "Too Many Attempts."}, headers={"Retry-After": "7"}),
        example("piggy/shops_list.json"),
    )
    async with piggy_client(server, sleeps, rng=MaxJitter()) as piggy:
        await piggy.list_shops()
    # The server's wait is the floor; the first retry's backoff (0.5 s at most) comes on top.
    assert sleeps.delays == [7.5]
    assert len(server.calls) == 2


@pytest.mark.asyncio
async def test_retry_after_http_date_is_honoured(server: FakeServer, sleeps: SleepRecorder) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    server.add(
        "GET",
        SHOPS,
        Reply(503, {}, headers={"Retry-After": when}),
        example("piggy/shops_list.json"),
    )
    async with piggy_client(server, sleeps) as piggy:
        await piggy.list_shops()
    (delay,) = sleeps.delays
    assert 17.0 <= delay <= 20.5


@pytest.mark.asyncio
async def test_a_long_retry_after_is_raised_at_once(
    server: FakeServer, sleeps: SleepRecorder
) -> None:
    server.add("GET", SHOPS, Reply(429, {"message": "Slow down"}, headers={"Retry-After": "120"}))
    async with piggy_client(server, sleeps) as piggy:
        with pytest.raises(errors.RateLimitedError) as caught:
            await piggy.list_shops()
    assert caught.value.retry_after == 120.0
    assert len(server.calls) == 1
    assert sleeps.delays == []


@pytest.mark.asyncio
async def test_the_retry_after_cap_is_configurable(
    server: FakeServer, sleeps: SleepRecorder
) -> None:
    server.add(
        "GET",
        SHOPS,
        Reply(429, {}, headers={"Retry-After": "45"}),
        example("piggy/shops_list.json"),
    )
    policy = RetryPolicy(retry_after_cap=60.0, request_budget=120.0)
    async with piggy_client(server, sleeps, retry_policy=policy, rng=MaxJitter()) as piggy:
        await piggy.list_shops()
    assert sleeps.delays == [45.5]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "failure",
    [
        Reply(404, {"message": "Not Found"}),
        Reply(400, {"message": "Contact not found.", "code": 55031, "status_code": 400}),
        Reply(401, {"message": "Unauthenticated."}),
        Reply(403, {"message": "Forbidden"}),
        Reply(200, content=b"<html>"),
    ],
    ids=["404", "400-domain", "401", "403", "200-garbage"],
)
async def test_a_get_is_not_retried_on_answers_that_will_not_change(
    server: FakeServer, sleeps: SleepRecorder, failure: Outcome
) -> None:
    server.add("GET", SHOPS, failure)
    async with piggy_client(server, sleeps) as piggy:
        with pytest.raises(errors.ApiError):
            await piggy.list_shops()
    assert len(server.calls) == 1
    assert sleeps.delays == []


WRITE_FAILURES = [
    (read_timeout(), errors.ApiTimeoutError),
    (connect_error(), errors.ApiConnectionError),
    (httpx.RemoteProtocolError("Server disconnected"), errors.ApiConnectionError),
    (Reply(500, {"message": "Server Error"}), errors.ServerError),
    (Reply(502, content=b"Bad Gateway"), errors.ServerError),
    (Reply(503, {}, headers={"Retry-After": "1"}), errors.MaintenanceError),
    (
        Reply(429, {"message": "Too Many Attempts."}, headers={"Retry-After": "1"}),
        errors.RateLimitedError,
    ),
]
WRITE_IDS = ["timeout", "connect", "dropped", "500", "502", "503", "429"]

WriteCall = Callable[[PiggyClient], Awaitable[object]]
WRITES: list[tuple[str, str, WriteCall]] = [
    ("PUT", f"{P}/collectable-rewards/collect/tx-1", lambda p: p.collect_reward("tx-1")),
    ("POST", f"{P}/collectable-rewards/red-1/reverse", lambda p: p.reverse_collection("red-1")),
    ("POST", f"{P}/contact-verification/send", lambda p: p.send_verification_code("a@b.c")),
    ("POST", f"{P}/contact-verification/verify", lambda p: p.verify_code("a@b.c", "123456")),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("failure", "expected"), WRITE_FAILURES, ids=WRITE_IDS)
@pytest.mark.parametrize(
    ("method", "path", "call"), WRITES, ids=["collect", "reverse", "send-code", "verify-code"]
)
async def test_writes_are_sent_exactly_once(
    server: FakeServer,
    sleeps: SleepRecorder,
    failure: Outcome,
    expected: type[errors.ApiError],
    method: str,
    path: str,
    call: WriteCall,
) -> None:
    server.add(method, path, failure, ok({"data": {"uuid": "must-not-be-reached"}}))
    async with piggy_client(server, sleeps, max_retries=5) as piggy:
        with pytest.raises(expected):
            await call(piggy)
    assert len(server.calls) == 1
    assert sleeps.delays == []


@pytest.mark.asyncio
@pytest.mark.parametrize(("failure", "expected"), WRITE_FAILURES, ids=WRITE_IDS)
async def test_the_token_request_is_sent_exactly_once(
    server: FakeServer, sleeps: SleepRecorder, failure: Outcome, expected: type[errors.ApiError]
) -> None:
    server.add("POST", "/oauth/token", failure)
    async with piggy_client(server, sleeps, client_id="id", client_secret="secret-value") as piggy:
        with pytest.raises(expected):
            await piggy.list_shops()
    assert len(server.calls) == 1
    assert sleeps.delays == []


@pytest.mark.asyncio
async def test_giftoin_and_nudj_reads_are_retried(
    server: FakeServer, sleeps: SleepRecorder
) -> None:
    server.add(
        "GET",
        "/api/v1/users/discord/1/progress/collection-challenges",
        read_timeout(),
        Reply(500, {}),
        ok([]),
    )
    server.add("GET", "/api/v2/integration/rewards", connect_error(), ok({"edges": []}))
    async with giftoin_client(server, sleeps) as giftoin, nudj_client(server, sleeps) as nudj:
        assert await giftoin.collection_challenges("discord", "1") == []
        assert (await nudj.rewards()).edges == []
    assert len(server.calls) == 5
    assert len(sleeps.delays) == 3


@pytest.mark.asyncio
async def test_each_retry_is_logged_without_the_query(
    server: FakeServer, sleeps: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    path = f"{P}/contacts/find-one-by"
    server.add(
        "GET", path, Reply(503, {}), read_timeout(), example("piggy/contact_find_one_by.json")
    )
    with caplog.at_level(logging.INFO, logger="pos_app.api"):
        async with piggy_client(server, sleeps) as piggy:
            await piggy.find_contact_by_email("sandy@treedome.sea")
    retries = [r for r in caplog.records if r.getMessage().startswith("Retrying")]
    assert [r.levelno for r in retries] == [logging.WARNING, logging.WARNING]
    assert [r.name for r in retries] == ["pos_app.api.piggy"] * 2
    first, second = (r.getMessage() for r in retries)
    assert f"GET {path} (attempt 2 of 4) after HTTP 503" in first
    assert f"GET {path} (attempt 3 of 4) after timeout" in second
    assert all("sandy" not in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("5", 5.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        ("soon", None),
        ("nan", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # in the past: no wait
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header) == expected


def test_parse_retry_after_http_date_in_the_future() -> None:
    now = datetime(2030, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Tue, 01 Jan 2030 12:01:30 GMT", now=now) == 90.0


def test_retry_policy_rejects_negative_values() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="backoff"):
        RetryPolicy(backoff_base=-1)
