"""One counter's hand-over, without a window, for tests that kill it mid-way.

Arguments: journal path, Piggy base URL, token, customer uuid, loyalty transaction uuid,
reward title. It records the collect in the journal, sends it, and writes the outcome, just
as the app does; tests/e2e/test_crash_slow_server.py kills it with SIGKILL on the way.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime

from pos_app.api import PiggyClient
from pos_app.services.pickup import PickupDesk
from pos_app.services.pickup_models import PickupItem
from pos_app.storage import AsyncJournal


async def main(path: str, url: str, token: str, customer: str, item: str, title: str) -> None:
    journal = await AsyncJournal.open(path, shop_uuid="s", counter="c1")
    try:
        async with PiggyClient(url, token=token, timeout=10, max_retries=0) as piggy:
            reward = PickupItem(
                loyalty_transaction_uuid=item,
                title=title,
                description=None,
                picture_url=None,
                claimed_at=datetime.now(UTC),
                expires_at=None,
                reward_type=None,
            )
            result = await PickupDesk(piggy, journal).collect(customer, reward)
            print(result.outcome.value, flush=True)
    finally:
        await journal.aclose()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:7]))
