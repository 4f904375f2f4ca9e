"""One simulator for the sandbox tests, reset before each test; plain httpx to talk to it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox.demo_data import CARD_MAIN, Contact


@pytest.fixture(scope="package")
def shared_simulator() -> Iterator[Simulator]:
    with start_simulator() as sim:
        yield sim


@pytest.fixture
def sim(shared_simulator: Simulator) -> Simulator:
    """The shared simulator with fresh demo data, no faults and default options."""
    shared_simulator.reset()
    shared_simulator.config.giftoin_envelope = True
    shared_simulator.config.legacy_collect = False
    shared_simulator.config.reverse_collected_reception = "refuse"
    return shared_simulator


@pytest.fixture
def client(sim: Simulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sim.url, timeout=5.0) as http:
        yield http


@pytest.fixture
def main_contact(sim: Simulator) -> Contact:
    return sim.state.data.contact_for_card(CARD_MAIN)
