"""What the simulator tests share: the vendors' auth headers and ways to pick demo rewards."""

from __future__ import annotations

from datetime import timedelta

from pos_app.sandbox import Simulator
from pos_app.sandbox.demo_data import CARD_MAIN, CollectableItem

PIGGY = "/api/v3/oauth/clients"
PIGGY_AUTH = {"Authorization": "Bearer demo-piggy-token", "Accept": "application/json"}
GIFTOIN_AUTH = {"x-gft_api_key": "demo-giftoin-key", "Accept": "application/json"}
NUDJ_AUTH = {"x-api-token": "demo-nudj-token", "Accept": "application/json"}


def main_uuid(sim: Simulator) -> str:
    return sim.state.data.contact_for_card(CARD_MAIN).uuid


def fresh_item(sim: Simulator) -> CollectableItem:
    """An uncollected reward of the main customer that is good for more than a week."""
    now = sim.state.now()
    return next(
        item
        for item in sim.state.uncollected(main_uuid(sim))
        if item.expires_at is not None and item.expires_at > now + timedelta(days=7)
    )


def expired_item(sim: Simulator) -> CollectableItem:
    """An uncollected reward of the main customer whose pickup window is over."""
    now = sim.state.now()
    return next(
        item
        for item in sim.state.uncollected(main_uuid(sim))
        if item.expires_at is not None and item.expires_at < now
    )
