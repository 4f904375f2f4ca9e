"""Run the real app (demo mode), make concurrent requests from its window, then quit.

Started by tests/ui/test_smoke.py in a fresh interpreter with warnings as errors, so that
anything going wrong at exit (a task destroyed while pending, an unclosed socket, a Qt
object deleted twice) shows up in the exit code or on stderr.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Awaitable

from pos_app.demo import DemoSession
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.ui.app import run_gui
from pos_app.ui.counter import MainWindow


def main() -> int:
    with DemoSession() as session:
        clients = build_clients(session.settings, session.secrets)
        assert clients.piggy is not None
        assert clients.giftoin is not None
        assert clients.nudj is not None
        piggy, giftoin, nudj = clients.piggy, clients.giftoin, clients.nudj
        report: dict[str, object] = {}

        async def burst() -> list[object]:
            calls: list[Awaitable[object]] = [
                piggy.find_contact_identifier(card) for card in (demo.CARD_MAIN, demo.CARD_BIG)
            ]
            calls += [piggy.list_shops() for _ in range(10)]
            calls += [giftoin.collection_challenges(demo.GIFTOIN_PLATFORM, demo.DISCORD_MAIN)]
            calls += [nudj.rewards(limit=5, skip=i * 5) for i in range(4)]
            return list(await asyncio.gather(*calls))

        def shown(window: MainWindow) -> None:
            def done(results: list[object]) -> None:
                report["results"] = len(results)
                window.close()

            window.tasks.run(burst(), on_success=done)
            # Left running on purpose: closing must cancel it cleanly.
            window.tasks.run(asyncio.sleep(3600))

        code = run_gui(
            session.settings,
            clients,
            secrets=session.secrets,
            demo=session.info,
            on_shown=shown,
        )
        still_open = [c for c in (piggy, giftoin, nudj) if not c.is_closed]
    # Anything the app left open now warns, and -W error turns that into a failure.
    gc.collect()
    print(f"exit={code} results={report.get('results')} open_clients={len(still_open)}")
    return code


if __name__ == "__main__":
    sys.exit(main())
