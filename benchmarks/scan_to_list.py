"""Time from a scan to the rewards list on screen, and how long the Qt event loop froze.

Runs the real main window against the simulator (started as a separate process, so that
its JSON work does not compete with the window for the GIL), scans a card several times
and prints, per run: milliseconds from Enter to the list being filled, and the longest gap
between ticks of a 5 ms timer on the GUI thread while that happened (the longest time the
app could not react to input or repaint). Target: longest block under 50 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/scan_to_list.py [--card DEMO-CARD-BIG]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import ApiClients, build_clients
from pos_app.services.counter import CounterServices
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings, load_settings
from pos_app.storage import AsyncJournal
from pos_app.ui.app import configure_application, open_journal
from pos_app.ui.counter import MainWindow
from pos_app.ui.gc_guard import MainThreadGarbageCollector


class BlockMonitor:
    """Records the gaps between ticks of a short timer on the GUI thread."""

    def __init__(self, interval_ms: int = 5) -> None:
        self.interval = interval_ms / 1000
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()


async def until(condition: Callable[[], bool]) -> None:
    """Poll: the window has no "idle" signal to wait for."""
    while not condition():  # noqa: ASYNC110
        await asyncio.sleep(0.005)


def start_simulator_process(faults: Sequence[str] = ()) -> tuple[subprocess.Popen[str], str]:
    """The simulator in its own process (its JSON work must not share our GIL); its URL."""
    command = [sys.executable, "-m", "pos_app.sandbox", "--port", "0"]
    for fault in faults:
        command += ["--fault", fault]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("Simulator running at "):
            return process, line.split()[-1]
    raise RuntimeError("the simulator did not start")


def simulator_settings(url: str, data_dir: Path, **changes: Any) -> Settings:
    """The app's settings pointed at a simulator at ``url`` (all three vendors)."""
    return load_settings(use_file=False).with_overrides(
        piggy_base_url=url,
        giftoin_base_url=url,
        nudj_base_url=url,
        data_dir=data_dir,
        request_timeout=30,
        **changes,
    )


def demo_secrets() -> SecretStore:
    """The simulator's demo credentials, never the keyring."""
    return SecretStore(
        env={
            SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN,
            SecretName.GIFTOIN_API_KEY.env_var: demo.DEMO_GIFTOIN_KEY,
            SecretName.NUDJ_TOKEN.env_var: demo.DEMO_NUDJ_TOKEN,
        },
        use_keyring=False,
    )


@contextlib.contextmanager
def app_and_simulator(faults: Sequence[str] = ()) -> Iterator[tuple[str, asyncio.Runner]]:
    """The app's QApplication on a qasync loop and a simulator process: its URL, the loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    collector = MainThreadGarbageCollector(app)
    process, url = start_simulator_process(faults)
    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            yield url, runner
    finally:
        collector.stop()
        process.terminate()
        process.wait(10)


async def open_window(
    settings: Settings, clients: ApiClients, width: int, height: int
) -> tuple[MainWindow, AsyncJournal | None]:
    """The main window on the app's services, shown and started; and its journal."""
    journal, _problem = await open_journal(settings)
    window = MainWindow(CounterServices(settings, clients, journal=journal))
    window.resize(width, height)
    window.show()
    window.start()
    return window, journal


async def close_window(
    window: MainWindow, journal: AsyncJournal | None, clients: ApiClients
) -> None:
    """Close the window on the loop and release what the benchmark opened for it."""
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    window.close()
    await closed.wait()
    if journal is not None:
        await journal.aclose()
    await clients.aclose()


async def measure(url: str, card: str, runs: int) -> list[tuple[float, float, float, int]]:
    tmp = tempfile.TemporaryDirectory(prefix="pos-app-bench-")
    settings = simulator_settings(url, Path(tmp.name))
    clients = build_clients(settings, demo_secrets())
    window, journal = await open_window(settings, clients, 1100, 760)
    monitor = BlockMonitor()
    results: list[tuple[float, float, float, int]] = []
    try:
        await until(lambda: not window.tasks.pending)
        shown = asyncio.Event()
        window.customerShown.connect(lambda _uuid: shown.set())
        for run in range(runs):
            # Alternate with an empty customer so every run really rebuilds the list.
            window.search_input.setText(demo.CARD_EMPTY)
            window.search_input.returnPressed.emit()
            await until(lambda: not window.tasks.is_running("lookup"))
            await asyncio.sleep(0.2)
            shown.clear()
            monitor.start()
            started = time.perf_counter()
            window.search_input.setText(card)
            window.search_input.returnPressed.emit()
            await shown.wait()
            elapsed = time.perf_counter() - started
            # Include the first paint of the filled list and the picture loads it starts.
            window.rewards_list.viewport().repaint()
            await asyncio.sleep(0.3)
            monitor.stop()
            gaps = sorted(monitor.gaps)
            p99 = gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else gaps[-1]
            results.append((elapsed * 1000, gaps[-1] * 1000, p99 * 1000, window.model.rowCount()))
            print(
                f"run {run + 1}: scan→list {elapsed * 1000:7.1f} ms   "
                f"longest block {gaps[-1] * 1000:6.1f} ms   p99 gap {p99 * 1000:5.1f} ms   "
                f"rows {window.model.rowCount()}",
                flush=True,
            )
    finally:
        await close_window(window, journal, clients)
        tmp.cleanup()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--card", default=demo.CARD_BIG)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with app_and_simulator() as (url, runner):
        print(f"card {args.card}, {args.runs} runs, simulator in its own process at {url}")
        results = runner.run(measure(url, args.card, args.runs))
    times = [r[0] for r in results]
    blocks = [r[1] for r in results]
    print(
        f"median scan→list {statistics.median(times):.1f} ms; "
        f"longest block over all runs {max(blocks):.1f} ms (target < 50 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
