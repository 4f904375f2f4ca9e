"""How long the To prepare page takes to read the shop's claims, and how long showing them
holds the GUI thread.

Against the simulator in its own process, with the demo data, for the demo's second store,
where most of DEMO-CARD-BIG's thousand rewards were claimed (the counter's own shop has a
few dozen claims): a refresh pages through Piggy's list 100 at a time, checks each
customer's collectable rewards and reads the marks. The first refresh also asks each
customer's name; later ones have them.

    .venv/bin/python benchmarks/to_prepare.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_to_list import app_and_simulator, demo_secrets, simulator_settings

from pos_app.api.piggy_models import REWARD_RECEPTIONS_FILTER
from pos_app.services.connections import build_clients
from pos_app.services.to_prepare import PAGE_LIMIT, ToPrepareService
from pos_app.storage import AsyncJournal


async def measure(url: str, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="pos-app-prepare-") as folder:
        settings = simulator_settings(url, Path(folder))
        clients = build_clients(settings, demo_secrets())
        piggy = clients.piggy
        assert piggy is not None
        shop = (await piggy.list_shops())[1].uuid  # the store with a thousand claims
        journal = await AsyncJournal.open(
            Path(folder) / "journal.sqlite3", shop_uuid=shop, counter="bench"
        )
        try:
            service = ToPrepareService(piggy, journal, shop_uuid=shop)
            first_page = await piggy.list_loyalty_transactions(
                shop_uuid=shop, type=REWARD_RECEPTIONS_FILTER, limit=PAGE_LIMIT
            )
            pages = first_page.last_page
            started = time.perf_counter()
            prepare = await service.load()
            first = time.perf_counter() - started
            await service.mark_ready(prepare.items[:50], staff=None)
            later = []
            for _ in range(runs):
                started = time.perf_counter()
                prepare = await service.load()
                later.append(time.perf_counter() - started)
            print(
                f"{len(prepare.items)} claims in {len(prepare.groups())} rewards, {pages} pages "
                f"of 100, {len(prepare.marks)} marked"
            )
            print(f"first refresh (names asked): {first * 1000:.0f} ms")
            print(
                f"later refreshes: median {statistics.median(later) * 1000:.0f} ms, "
                f"max {max(later) * 1000:.0f} ms over {runs}"
            )
            show(prepare)
        finally:
            await journal.aclose()
            await clients.aclose()


def show(prepare: object) -> None:
    """The GUI thread's share: the model reset and the tree's rows laid out and painted."""
    from pos_app.services.to_prepare import PrepareList
    from pos_app.ui.prepare.view import ToPrepareView

    assert isinstance(prepare, PrepareList)
    view = ToPrepareView(None)
    view.resize(1366, 600)
    view.show()
    blocks = []
    for _ in range(5):
        started = time.perf_counter()
        view._show_list(prepare)
        view.tree.viewport().repaint()
        blocks.append(time.perf_counter() - started)
    print(
        f"showing them (model reset, rows expanded, one paint): median "
        f"{statistics.median(blocks) * 1000:.1f} ms, max {max(blocks) * 1000:.1f} ms"
    )
    view.deleteLater()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with app_and_simulator() as (url, runner):
        runner.run(measure(url, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
