"""Connections kept open across the minutes between customers, against the simulator.

A counter scans every few minutes; a connection closed after httpx's default 5 s idle
would make each scan pay a new TCP (and, to a real vendor, TLS) handshake. httpcore's
own clock is moved on here, so no test waits for minutes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from types import SimpleNamespace

import httpcore._async.http11 as http11
import pytest

from pos_app.api import PiggyClient
from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox.demo_data import DEMO_PIGGY_TOKEN
from tests.helpers import wait_until


@pytest.fixture(scope="module")
def simulator() -> Iterator[Simulator]:
    with start_simulator() as sim:
        yield sim


def _minutes_later(monkeypatch: pytest.MonkeyPatch, minutes: float) -> None:
    """httpcore's connections see a clock ``minutes`` ahead (the loop keeps the real one)."""
    later = SimpleNamespace(monotonic=lambda: time.monotonic() + minutes * 60)
    monkeypatch.setattr(http11, "time", later)


@pytest.mark.asyncio
async def test_a_connection_idle_for_minutes_is_used_again(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with PiggyClient(simulator.piggy_base_url, token=DEMO_PIGGY_TOKEN) as client:
        await client.list_shops()
        opened = simulator.connections_opened
        _minutes_later(monkeypatch, 3)
        await client.list_shops()
        assert simulator.connections_opened == opened


@pytest.mark.asyncio
async def test_a_connection_idle_for_hours_is_let_go(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Kept for the gaps between customers, not forever: overnight it is opened anew.
    async with PiggyClient(simulator.piggy_base_url, token=DEMO_PIGGY_TOKEN) as client:
        await client.list_shops()
        opened = simulator.connections_opened
        _minutes_later(monkeypatch, 120)
        await client.list_shops()
        assert simulator.connections_opened == opened + 1


@pytest.mark.asyncio
async def test_warming_up_opens_connections_only_where_none_is_ready(
    simulator: Simulator,
) -> None:
    async with PiggyClient(simulator.piggy_base_url, token=DEMO_PIGGY_TOKEN) as client:
        # Nothing open yet: one connection for each call a lookup makes side by side.
        before = simulator.connections_opened
        assert await client.warm_up() == 3
        assert simulator.connections_opened == before + 3
        # Open and idle: nothing to do, and the next calls go over them.
        assert await client.warm_up() == 0
        await client.list_shops()
        assert simulator.connections_opened == before + 3
        # The server closed them (its idle timeout): warming up opens new ones, so the
        # next calls pay no handshake.
        simulator.close_connections()
        assert await client.warm_up() == 3
        opened = simulator.connections_opened
        await client.list_shops()
        assert simulator.connections_opened == opened


@pytest.mark.asyncio
async def test_warming_up_while_calls_are_on_their_way_opens_nothing(
    simulator: Simulator,
) -> None:
    # The keep-warm round can come in the middle of a scan: the connections its calls are
    # on are open, only not idle, and no second set is opened beside them.
    async with PiggyClient(simulator.piggy_base_url, token=DEMO_PIGGY_TOKEN) as client:
        assert await client.warm_up() == 3
        before = simulator.connections_opened
        simulator.set_fault("piggy.shops", "hold")
        try:
            calls = [asyncio.ensure_future(client.list_shops()) for _ in range(3)]
            await wait_until(lambda: simulator.held("piggy.shops") == 3)
            assert await client.warm_up() == 0
            assert simulator.connections_opened == before
        finally:
            simulator.clear_faults()
            simulator.release("piggy.shops")
        await asyncio.gather(*calls)
        assert simulator.connections_opened == before


@pytest.mark.asyncio
async def test_connections_a_server_closed_are_opened_again_in_the_background(
    simulator: Simulator,
) -> None:
    from pos_app.services.connections import ApiClients

    piggy = PiggyClient(simulator.piggy_base_url, token=DEMO_PIGGY_TOKEN)
    clients = ApiClients(piggy, None, None)
    keeping = asyncio.ensure_future(clients.keep_warm(interval=0.05))
    try:
        await wait_until(lambda: piggy.ready_connections() == 3)
        before = simulator.connections_opened
        simulator.close_connections()  # the server's idle timeout, between two customers
        # Opened again without anyone scanning: the next scan pays no handshake.
        await wait_until(lambda: simulator.connections_opened == before + 3)
        await wait_until(lambda: piggy.ready_connections() == 3)
    finally:
        keeping.cancel()
        await asyncio.gather(keeping, return_exceptions=True)
        await clients.aclose()


@pytest.mark.asyncio
async def test_a_card_seen_before_scanned_after_idle_minutes_pays_no_handshake(
    simulator: Simulator,
) -> None:
    # Its identifier, contact and rewards go out side by side: one connection each.
    from pos_app.sandbox.demo_data import CARD_MAIN
    from pos_app.services.identify import CustomerLookup, RememberedCards

    async with PiggyClient(simulator.piggy_base_url, token=DEMO_PIGGY_TOKEN) as client:
        lookup, cards = CustomerLookup(client), RememberedCards()
        _customer, rewards = await cards.look_up(lookup, CARD_MAIN)
        await rewards
        simulator.close_connections()  # the minutes between customers
        await client.warm_up()  # what keeping the connections warm does meanwhile
        opened = simulator.connections_opened
        _customer, rewards = await cards.look_up(lookup, CARD_MAIN)
        await rewards
        assert simulator.connections_opened == opened
