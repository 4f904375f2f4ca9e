"""How smoothly the rewards list shows and scrolls 1,000 rewards while their pictures load.

Fetches DEMO-CARD-BIG's 1,000 collectable rewards from the simulator, prepares
them as the counter does (grouped and counted on a worker thread), fills the list model,
shows the view and scrolls from top to bottom in steps, with pictures loading (cold disk
cache) as rows come into view. A 5 ms QTimer on the qasync loop records the gaps between
its ticks: the longest gap is the longest time the UI could not react. Garbage is
collected as in the app (on the GUI thread, by the app's own collector). The simulator
runs in its own process, as a vendor's server is elsewhere: serving the pictures on a
thread of this one would hold the interpreter lock the list waits for.

    .venv/bin/python benchmarks/rewards_list_scroll.py              # offscreen
    xvfb-run -a .venv/bin/python benchmarks/rewards_list_scroll.py --platform xcb
    ... --unique-pictures   # every row its own picture URL: 1,000 downloads and decodes

Target: the longest block stays under 16 ms, one frame at 60 Hz.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from statistics import median
from typing import Any

TARGET_MS = 16.0
TICK_MS = 5


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", default="offscreen", help="Qt platform (offscreen, xcb)")
    parser.add_argument("--step", type=int, default=360, help="pixels per scroll step")
    parser.add_argument("--interval", type=float, default=16.0, help="ms between scroll steps")
    parser.add_argument(
        "--unique-pictures",
        action="store_true",
        help="give every row its own picture URL (the simulator ignores the query string)",
    )
    parser.add_argument("--height", type=int, default=800, help="view height in pixels")
    return parser.parse_args()


class BlockMonitor:
    """Ticks every few milliseconds on the Qt loop and keeps the gaps between ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        #: The GUI thread's own CPU time in each gap: a long gap with little of it is the
        #: thread waiting (for the CPU on a shared machine, or for the GIL), not busy.
        self.busy: list[float] = []
        #: The longest gap seen in each phase ("show", "scroll", "pictures").
        self.longest_in: dict[str, float] = {}
        self.phase = "show"
        self._last = 0.0
        self._last_cpu = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.busy.clear()
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap = (now - self._last) * 1000
        self.gaps.append(gap)
        self.busy.append((cpu - self._last_cpu) * 1000)
        self.longest_in[self.phase] = max(gap, self.longest_in.get(self.phase, 0.0))
        self._last, self._last_cpu = now, cpu


@dataclass
class Figures:
    fill_ms: float = 0.0
    first_paint_ms: float = 0.0
    scroll_ms: float = 0.0
    steps: int = 0
    paints: list[float] = field(default_factory=list)
    on_screen_ms: float = 0.0
    all_pictures_ms: float = 0.0
    ready: int = 0
    downloads: int = 0
    disk_hits: int = 0
    failures: int = 0
    gaps: list[float] = field(default_factory=list)
    busy: list[float] = field(default_factory=list)
    longest_in: dict[str, float] = field(default_factory=dict)

    @property
    def longest(self) -> float:
        return max(self.gaps)

    @property
    def busy_in_longest(self) -> float:
        """The GUI thread's CPU time in the longest gap."""
        return self.busy[self.gaps.index(self.longest)]

    @property
    def p99(self) -> float:
        ordered = sorted(self.gaps)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


async def measure(items: list[Any], folder: Path, args: argparse.Namespace) -> Figures:
    """Show ``items``, scroll to the bottom, wait for the pictures; time everything."""
    from PySide6.QtGui import QPaintEvent

    from pos_app.services.pickup_models import PickupList
    from pos_app.ui.pictures import PictureCache
    from pos_app.ui.rewards import RewardListModel, RewardListView, RewardRole

    class TimedView(RewardListView):
        """Times every paint of the viewport and notes when the first one finished."""

        def __init__(self) -> None:
            super().__init__()
            self.first_paint: asyncio.Future[float] | None = None
            self.paint_ms: list[float] = []

        def paintEvent(self, event: QPaintEvent) -> None:
            begun = time.perf_counter()
            super().paintEvent(event)
            self.paint_ms.append((time.perf_counter() - begun) * 1000)
            if self.first_paint is not None and not self.first_paint.done():
                self.first_paint.set_result(time.perf_counter())

    figures = Figures()
    urls = {item.picture_url for item in items if item.picture_url}
    cache = PictureCache(folder)
    model = RewardListModel(cache)
    view = TimedView()
    view.resize(640, args.height)
    view.setModel(model)
    view.show()
    await asyncio.sleep(0.3)  # the window is up and idle before the clock starts

    monitor = BlockMonitor()
    monitor.start()
    view.first_paint = asyncio.get_running_loop().create_future()
    begun = time.perf_counter()
    model.set_list(await PickupList.prepare(items, datetime.now(UTC)))
    figures.fill_ms = (time.perf_counter() - begun) * 1000
    view.select_first_available()
    figures.first_paint_ms = (await asyncio.wait_for(view.first_paint, 10) - begun) * 1000

    bar = view.verticalScrollBar()
    monitor.phase = "scroll"
    begun = time.perf_counter()
    while bar.value() < bar.maximum():
        bar.setValue(min(bar.maximum(), bar.value() + args.step))
        figures.steps += 1
        await asyncio.sleep(args.interval / 1000)
    scrolled = time.perf_counter()
    monitor.phase = "pictures"
    figures.scroll_ms = (scrolled - begun) * 1000

    # What the cashier waits for: the pictures of the rows now on screen...
    first = view.indexAt(view.viewport().rect().topLeft()).row()
    last = view.indexAt(view.viewport().rect().bottomLeft()).row()
    last = model.rowCount() - 1 if last < 0 else last
    on_screen = {model.index(row, 0).data(RewardRole.PICTURE_URL) for row in range(first, last + 1)}
    await asyncio.wait_for(asyncio.gather(*(cache.load(u) for u in on_screen if u)), 30)
    figures.on_screen_ms = (time.perf_counter() - scrolled) * 1000
    # ... and the ones scrolled past, which keep loading in the background.
    pending = [cache.load(url) for url in urls if cache.is_loading(url)]
    await asyncio.wait_for(asyncio.gather(*pending), 60)
    figures.all_pictures_ms = (time.perf_counter() - scrolled) * 1000
    monitor.stop()

    figures.gaps = list(monitor.gaps)
    figures.busy = list(monitor.busy)
    figures.longest_in = dict(monitor.longest_in)
    figures.paints = sorted(view.paint_ms)
    stats = cache.stats
    figures.ready, figures.downloads = stats.ready, stats.downloads
    figures.disk_hits, figures.failures = stats.disk_hits, stats.failures
    await cache.aclose()
    view.close()
    view.deleteLater()
    return figures


async def run(args: argparse.Namespace) -> int:
    # Run as a script: benchmarks/ is on sys.path, so the sibling benchmark's helper imports.
    from scan_to_list import start_simulator_process

    from pos_app.api import PiggyClient
    from pos_app.sandbox import demo_data as demo
    from pos_app.services.pickup_models import PickupItem

    process, url = start_simulator_process()
    try:
        begun = time.perf_counter()
        async with PiggyClient(url, token=demo.DEMO_PIGGY_TOKEN) as piggy:
            identifier = await piggy.find_contact_identifier(demo.CARD_BIG)
            assert identifier.contact is not None
            rewards = await piggy.list_collectable_rewards(identifier.contact.uuid)
        fetch_ms = (time.perf_counter() - begun) * 1000
        items = [PickupItem.from_reward(reward) for reward in rewards]
        if args.unique_pictures:
            items = [
                replace(item, picture_url=f"{item.picture_url}?row={i}")
                if item.picture_url
                else item
                for i, item in enumerate(items)
            ]
        urls = {item.picture_url for item in items if item.picture_url}
        with tempfile.TemporaryDirectory(prefix="pos-app-bench-pictures-") as temp:
            folder = Path(temp)
            cold = await measure(items, folder, args)
            # A second counter session: same disk cache, empty memory.
            warm = await measure(items, folder, args)
    finally:
        process.terminate()
        process.wait(10)

    print(f"platform {os.environ.get('QT_QPA_PLATFORM')}, Python {sys.version.split()[0]}")
    print(f"{len(items)} rewards, {len(urls)} distinct picture URLs, fetched in {fetch_ms:.0f} ms")
    print(f"scrolling {args.step} px every {args.interval:.0f} ms in a {args.height} px view")
    print()
    rows: list[tuple[str, Callable[[Figures], str]]] = [
        ("prepare and fill", lambda f: f"{f.fill_ms:.1f} ms"),
        ("fill to first paint", lambda f: f"{f.first_paint_ms:.1f} ms"),
        ("scroll top to bottom", lambda f: f"{f.scroll_ms:.0f} ms / {f.steps} steps"),
        ("paints", lambda f: f"{len(f.paints)}"),
        ("paint median / longest", lambda f: f"{median(f.paints):.1f} / {f.paints[-1]:.1f} ms"),
        ("pictures ready", lambda f: f"{f.ready} ({f.downloads} HTTP, {f.disk_hits} disk)"),
        ("failed pictures", lambda f: f"{f.failures}"),
        ("last screen's pictures", lambda f: f"{f.on_screen_ms:.0f} ms after the scroll"),
        ("all pictures", lambda f: f"{f.all_pictures_ms:.0f} ms after the scroll"),
        ("loop ticks (5 ms timer)", lambda f: f"{len(f.gaps)}"),
        ("LONGEST BLOCK", lambda f: f"{f.longest:.1f} ms"),
        ("  GUI thread busy in it", lambda f: f"{f.busy_in_longest:.1f} ms"),
        (
            "  in show / scroll / rest",
            lambda f: (
                " / ".join(
                    f"{f.longest_in.get(phase, 0.0):.0f}"
                    for phase in ("show", "scroll", "pictures")
                )
                + " ms"
            ),
        ),
        ("p99 gap", lambda f: f"{f.p99:.1f} ms"),
        (f"gaps over {TARGET_MS:.0f} ms", lambda f: f"{sum(g > TARGET_MS for g in f.gaps)}"),
    ]
    print(f"{'':26}{'cold disk cache':>26}{'warm disk cache':>26}")
    for label, show in rows:
        print(f"{label:26}{show(cold):>26}{show(warm):>26}")
    worst = max(cold.longest, warm.longest)
    verdict = "met" if worst < TARGET_MS else "MISSED"
    print(f"\ntarget: longest block under {TARGET_MS:.0f} ms: {verdict} ({worst:.1f} ms)")
    return 0 if worst < TARGET_MS else 1


def main() -> int:
    args = _parse()
    os.environ["QT_QPA_PLATFORM"] = args.platform
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import qasync
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.app import configure_application
    from pos_app.ui.gc_guard import MainThreadGarbageCollector

    app = QApplication(sys.argv[:1])
    configure_application(app)
    collector = MainThreadGarbageCollector(app)
    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            code: int = runner.run(run(args))
    finally:
        collector.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())
