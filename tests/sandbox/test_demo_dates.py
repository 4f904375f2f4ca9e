"""The demo's dates as the new jobs show them: no claim is made after the demo's "now"."""

from __future__ import annotations

from datetime import datetime

import httpx

from pos_app.sandbox import Simulator
from tests.sandbox.helpers import PIGGY, PIGGY_AUTH


def _all_receptions(client: httpx.Client, sim: Simulator) -> list[dict[str, object]]:
    shop = sim.state.data.shops[0].uuid
    rows: list[dict[str, object]] = []
    page = 1
    while True:
        body = client.get(
            f"{PIGGY}/loyalty-transactions",
            params={"shop_uuid": shop, "type": "reward_receptions", "page": page, "limit": 100},
            headers=PIGGY_AUTH,
        ).json()
        rows += body["data"]
        if page >= body["meta"]["last_page"]:
            return rows
        page += 1


def test_every_demo_claim_is_dated_before_now(client: httpx.Client, sim: Simulator) -> None:
    now = sim.state.data.now
    receptions = _all_receptions(client, sim)
    assert len(receptions) > 30
    later = [r["title"] for r in receptions if datetime.fromisoformat(str(r["created_at"])) > now]
    assert later == []
    items = [item for item in sim.state.data.items.values() if item.created_at > now]
    assert items == []
    credits = [c for c in sim.state.data.credit_receptions.values() if c.created_at > now]
    assert credits == []


def test_the_shops_claims_come_newest_first(client: httpx.Client, sim: Simulator) -> None:
    dates = [datetime.fromisoformat(str(r["created_at"])) for r in _all_receptions(client, sim)]
    assert dates == sorted(dates, reverse=True)
