"""A counter's services against the simulator, for the service tests (no Qt)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from pos_app.api import PiggyClient
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.identify import CustomerLookup
from pos_app.services.pickup_models import CustomerSummary, PickupItem
from pos_app.storage import AsyncJournal


@dataclass
class AtTheCounter:
    """The demo's main customer scanned at a counter with its own journal."""

    piggy: PiggyClient
    journal: AsyncJournal
    lookup: CustomerLookup
    customer: CustomerSummary
    items: list[PickupItem]


@asynccontextmanager
async def at_the_counter(
    simulator: Simulator, journal_path: Path, *, wait: float = 2.0
) -> AsyncIterator[AtTheCounter]:
    """Fresh demo data, a journal at ``journal_path``, DEMO-CARD-1 looked up; the client
    waits ``wait`` s for an answer."""
    simulator.reset()
    journal = await AsyncJournal.open(journal_path, shop_uuid="s", counter="c1")
    try:
        async with PiggyClient(
            simulator.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, timeout=wait, max_retries=0
        ) as piggy:
            lookup = CustomerLookup(piggy)
            customer = await lookup.by_card(demo.CARD_MAIN)
            items = await lookup.rewards(customer.uuid)
            yield AtTheCounter(piggy, journal, lookup, customer, items)
    finally:
        await journal.aclose()
