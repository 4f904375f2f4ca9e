"""A vendor that offers HTTP/2: the calls a lookup makes side by side share one connection.

Against the simulator served over TLS with HTTP/2 (tests/helpers/http2.py); what counts is
what the server received: the HTTP version and the connection of every request.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.api import PiggyClient
from pos_app.sandbox.demo_data import CARD_MAIN, DEMO_PIGGY_TOKEN
from pos_app.services.identify import CustomerLookup, RememberedCards
from tests.helpers import wait_until
from tests.helpers.http2 import Http2Simulator, http2_simulator


@pytest.fixture
def simulator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Http2Simulator]:
    with http2_simulator(tmp_path) as sim:
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
        yield sim


@pytest.mark.asyncio
async def test_a_card_seen_before_asks_its_three_calls_over_one_connection(
    simulator: Http2Simulator,
) -> None:
    async with PiggyClient(simulator.url, token=DEMO_PIGGY_TOKEN) as client:
        assert await client.warm_up() == 1
        lookup, cards = CustomerLookup(client), RememberedCards()
        for _scan in range(2):  # the second time, all three calls go side by side
            _customer, rewards = await cards.look_up(lookup, CARD_MAIN)
            await rewards
    assert {request.http_version for request in simulator.received} == {"2"}
    # Warming up before the protocol is known sends its HEADs side by side: they share
    # the one connection too.
    assert len([request for request in simulator.received if request.path != "/"]) == 3 + 3
    assert simulator.connections() == 1


@pytest.mark.asyncio
async def test_warming_up_an_open_http2_connection_sends_nothing(
    simulator: Http2Simulator,
) -> None:
    async with PiggyClient(simulator.url, token=DEMO_PIGGY_TOKEN) as client:
        await client.warm_up()
        sent = len(simulator.received)
        assert await client.warm_up() == 0
        assert len(simulator.received) == sent


@pytest.mark.asyncio
async def test_a_call_given_up_halfway_leaves_the_next_calls_working(
    simulator: Http2Simulator,
) -> None:
    # A new scan cancels the lookup still running; the next customer's calls must not
    # find the connection they would share broken (httpcore may let it go and open
    # another, as HTTP/1.1 always does after a call given up halfway).
    simulator.faults.set("piggy.rewards", "hold@1")
    async with PiggyClient(simulator.url, token=DEMO_PIGGY_TOKEN) as client:
        lookup = CustomerLookup(client)
        uuid = await lookup.card_contact(CARD_MAIN)
        given_up = asyncio.ensure_future(lookup.rewards(uuid))
        await wait_until(lambda: simulator.holds.count("piggy.rewards") == 1)
        given_up.cancel()
        await asyncio.gather(given_up, return_exceptions=True)
        customer, rewards = await asyncio.gather(lookup.by_uuid(uuid), lookup.rewards(uuid))
        assert customer.uuid == uuid
        assert rewards
        simulator.holds.release("piggy.rewards")
    assert {request.http_version for request in simulator.received} == {"2"}


@pytest.mark.asyncio
async def test_an_http2_connection_the_server_dropped_is_opened_again_before_the_next_call(
    simulator: Http2Simulator,
) -> None:
    # The minutes between customers: the server (or a router) forgot the idle connection
    # without a word. Warming up notices, so the next customer's calls neither fail nor
    # wait to be retried.
    async with PiggyClient(simulator.url, token=DEMO_PIGGY_TOKEN) as client:
        await client.list_shops()
        simulator.close_connections()
        assert await client.warm_up() == 1
        before = simulator.connections()
        lookup = CustomerLookup(client)
        await lookup.rewards(await lookup.card_contact(CARD_MAIN))
        assert simulator.connections() == before


@pytest.mark.asyncio
async def test_a_call_made_over_a_dropped_http2_connection_is_not_lost_or_retried(
    simulator: Http2Simulator,
) -> None:
    # Between two ticks of keeping the connections warm; no retry allowed: a collect is
    # never retried, so it must not be sent over a connection that is gone.
    async with PiggyClient(simulator.url, token=DEMO_PIGGY_TOKEN, max_retries=0) as client:
        await client.list_shops()
        simulator.close_connections()
        assert await client.list_shops()
