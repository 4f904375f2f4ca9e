"""Retry timing: jitter always, Retry-After as a floor, one time budget per action.

The reported figures: ten counters told "Retry-After: 5" all came back at exactly 5.0 s;
"Retry-After: 0" gave four back-to-back requests; a hung server kept a lookup silent for
42 s (4 x 10 s timeouts). A fake clock stands in for time: the sleep recorder advances it,
and a hung server advances it by the timeout the request was given.
"""

from __future__ import annotations

import asyncio
import random

import httpx
import pytest

from pos_app.api import errors
from pos_app.api.budget import Deadline, current_deadline, time_budget
from tests.api.fakes import (
    PIGGY_PREFIX,
    FakeClock,
    FakeServer,
    Reply,
    example,
    giftoin_client,
    nudj_client,
    ok,
    piggy_client,
)

P = PIGGY_PREFIX
SHOPS = f"{P}/shops"
CONTACT = f"{P}/contacts/c-1"


def rate_limited(seconds: str) -> Reply:
    return Reply(429, {"message": "Too Many Attempts."}, headers={"Retry-After": seconds})


@pytest.mark.asyncio
async def test_ten_counters_told_the_same_retry_after_come_back_at_different_times() -> None:
    waits: list[float] = []
    for counter in range(10):
        server = FakeServer()
        clock = FakeClock()
        server.add("GET", SHOPS, rate_limited("5"), example("piggy/shops_list.json"))
        async with piggy_client(
            server, clock.sleep, clock=clock, rng=random.Random(counter)
        ) as piggy:
            await piggy.list_shops()
        (wait,) = clock.delays
        waits.append(wait)
    assert all(wait > 5.0 for wait in waits), waits  # Retry-After is the floor
    assert len(set(waits)) == 10, waits  # and jitter comes on top of it
    assert max(waits) <= 5.0 + 0.5


@pytest.mark.asyncio
async def test_retry_after_zero_is_never_back_to_back() -> None:
    server = FakeServer()
    clock = FakeClock()
    server.add("GET", SHOPS, rate_limited("0"), rate_limited("0"), rate_limited("0"), ok({}))
    async with piggy_client(server, clock.sleep, clock=clock) as piggy:
        with pytest.raises(errors.ResponseValidationError):
            await piggy.list_shops()
    assert len(clock.delays) == 3
    assert all(delay >= 0.25 for delay in clock.delays), clock.delays


@pytest.mark.asyncio
async def test_a_hung_server_is_given_up_within_the_request_budget() -> None:
    # No action budget around the call: the transport's own (30 s) applies, instead of
    # four 10 s timeouts plus the backoff in between.
    server = FakeServer()
    clock = FakeClock()
    server.add("GET", SHOPS, clock.hung())
    started = clock.now
    async with piggy_client(server, clock.sleep, clock=clock) as piggy:
        with pytest.raises(errors.ApiTimeoutError):
            await piggy.list_shops()
    assert clock.now - started <= 30.0
    assert len(server.calls) < 4


@pytest.mark.asyncio
async def test_an_action_budget_bounds_every_call_and_retry_of_the_action() -> None:
    server = FakeServer()
    clock = FakeClock()
    server.add("GET", CONTACT, Reply(503, {"message": "Down"}), clock.hung())
    server.add("GET", f"{P}/collectable-rewards", ok({"data": []}))
    started = clock.now
    async with piggy_client(server, clock.sleep, clock=clock) as piggy:
        with time_budget(10.0, clock=clock):
            with pytest.raises(errors.ApiTimeoutError):
                await piggy.get_contact("c-1")
            # The first call spent the budget: the next one of the same action is not sent.
            with pytest.raises(errors.DeadlineExceededError):
                await piggy.list_collectable_rewards("c-1")
    assert clock.now - started <= 10.0
    assert [c.path for c in server.calls] == [CONTACT, CONTACT]
    # The retry's timeout was what the budget had left after the 503 and the backoff.
    (wait,) = clock.delays
    assert clock.now - started == pytest.approx(10.0)
    assert 0.25 <= wait <= 0.5


@pytest.mark.asyncio
async def test_each_attempt_timeout_is_clipped_to_what_the_budget_has_left() -> None:
    server = FakeServer()
    clock = FakeClock()
    seen: list[float] = []

    async def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"]["read"])
        clock.now += 1.5
        return example("piggy/shops_list.json").build()

    server.add("GET", SHOPS, record)
    async with piggy_client(server, clock.sleep, clock=clock, timeout=10.0) as piggy:
        with time_budget(4.0, clock=clock):
            await piggy.list_shops()
            await piggy.list_shops()
        await piggy.list_shops()
    assert seen == [4.0, 2.5, 10.0]


@pytest.mark.asyncio
async def test_no_retry_is_made_that_cannot_finish_within_the_budget() -> None:
    server = FakeServer()
    clock = FakeClock()
    server.add("GET", SHOPS, rate_limited("9.5"), example("piggy/shops_list.json"))
    async with piggy_client(server, clock.sleep, clock=clock) as piggy:
        with time_budget(10.0, clock=clock), pytest.raises(errors.RateLimitedError) as caught:
            await piggy.list_shops()
    assert caught.value.retry_after == 9.5
    assert len(server.calls) == 1
    assert clock.delays == []


@pytest.mark.asyncio
async def test_a_lookup_against_a_rate_limited_server_answers_within_its_budget() -> None:
    # The reported 90 s: "Retry-After: 30" slept in full on each of three retries.
    server = FakeServer()
    clock = FakeClock()
    server.add("GET", CONTACT, rate_limited("30"))
    async with piggy_client(server, clock.sleep, clock=clock) as piggy:
        with time_budget(10.0, clock=clock), pytest.raises(errors.RateLimitedError):
            await piggy.get_contact("c-1")
    assert len(server.calls) == 1
    assert clock.delays == []


@pytest.mark.asyncio
async def test_writes_are_sent_once_and_never_when_the_budget_is_spent() -> None:
    server = FakeServer()
    clock = FakeClock()
    collect = f"{P}/collectable-rewards/collect/tx-1"
    server.add("PUT", collect, clock.hung())
    async with piggy_client(server, clock.sleep, clock=clock) as piggy:
        with time_budget(5.0, clock=clock):
            with pytest.raises(errors.ApiTimeoutError) as first:
                await piggy.collect_reward("tx-1")
            with pytest.raises(errors.DeadlineExceededError):
                await piggy.collect_reward("tx-1")
    assert type(first.value) is errors.ApiTimeoutError  # sent: the outcome is unknown
    assert len(server.calls) == 1


def test_budgets_nest_and_end_with_their_block() -> None:
    clock = FakeClock()
    assert current_deadline() is None
    with time_budget(10.0, clock=clock) as outer:
        with time_budget(30.0, clock=clock) as inner:
            assert inner is outer  # an inner budget never outlasts the outer one
        with time_budget(2.0, clock=clock) as tight:
            assert tight.remaining() == 2.0
            assert current_deadline() is tight
        assert current_deadline() is outer
    assert current_deadline() is None


@pytest.mark.asyncio
async def test_a_budget_follows_the_action_into_its_tasks() -> None:
    clock = FakeClock()
    with time_budget(10.0, clock=clock) as deadline:
        seen = await asyncio.gather(
            asyncio.create_task(_deadline_seen()), asyncio.create_task(_deadline_seen())
        )
    assert list(seen) == [deadline, deadline]
    assert await asyncio.create_task(_deadline_seen()) is None


async def _deadline_seen() -> Deadline | None:
    return current_deadline()


@pytest.mark.asyncio
async def test_giftoin_and_nudj_honour_the_budget() -> None:
    server = FakeServer()
    clock = FakeClock()
    server.add("GET", "/api/v1/users/discord/1/progress/collection-challenges", clock.hung())
    server.add("GET", "/api/v2/admin/users/u-1", clock.hung())
    started = clock.now
    async with (
        giftoin_client(server, clock.sleep, clock=clock) as giftoin,
        nudj_client(server, clock.sleep, clock=clock) as nudj,
    ):
        with time_budget(10.0, clock=clock):
            with pytest.raises(errors.ApiTimeoutError):
                await giftoin.collection_challenges("discord", "1")
            with pytest.raises(errors.DeadlineExceededError):
                await nudj.user("u-1")
    assert clock.now - started <= 10.0
    assert len(server.calls) == 1
