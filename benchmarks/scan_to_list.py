"""Time from a scan to the rewards list on screen, and how long the Qt event loop froze.

Runs the real main window against the simulator (started as a separate process, so that
its JSON work does not compete with the window for the GIL), scans a card several times
and prints, per run: milliseconds from Enter to the list shown (the window says the
customer is on screen: the first row is selected and Enter hands it over), to the list
complete (every reward is a row of the list, and the list has been painted since), and the
longest gap between ticks of a 5 ms timer on the GUI thread from Enter until 0.3 s after
the list was shown (the longest time the app could not react to input or repaint).
Target: longest block under 16 ms, one frame at 60 Hz.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/scan_to_list.py [--card DEMO-CARD-BIG]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
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
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import ApiClients, build_clients, import_client_modules
from pos_app.services.counter import CounterServices
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings, load_settings
from pos_app.storage import AsyncJournal
from pos_app.ui.app import configure_application, open_journal
from pos_app.ui.counter import MainWindow
from pos_app.ui.gc_guard import MainThreadGarbageCollector


class BlockMonitor:
    """Records the gaps between ticks of a short timer on the GUI thread.

    Beside each gap (wall clock) it keeps the CPU time the GUI thread itself used in it:
    on a machine shared with other work, a long gap with little of it is the thread
    waiting (for the CPU, or for the GIL), not the thread busy with the app's work.
    """

    def __init__(self, interval_ms: int = 5) -> None:
        self.interval = interval_ms / 1000
        self.gaps: list[float] = []
        #: The GUI thread's own CPU time in each gap, in the same order.
        self.busy: list[float] = []
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append(now - self._last)
        self.busy.append(cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu

    def longest(self) -> tuple[float, float]:
        """The longest gap, and the GUI thread's CPU time in it (seconds)."""
        at = max(range(len(self.gaps)), key=self.gaps.__getitem__)
        return self.gaps[at], self.busy[at]

    def start(self) -> None:
        self.gaps.clear()
        self.busy.clear()
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()


#: The longest block a cashier does not notice: one frame at 60 Hz.
TARGET_MS = 16.0


class CompletionClock(QObject):
    """Notes when the rewards list last got all its rows, and when it painted after that."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.filled = 0.0
        self.painted = 0.0
        model = self._model = window.model
        for signal in (model.modelReset, model.rowsInserted):
            signal.connect(self._rows_changed)
        window.rewards_list.viewport().installEventFilter(self)

    def reset(self) -> None:
        self.filled = self.painted = 0.0

    def _rows_changed(self, *args: object) -> None:
        model = self._model
        if model.rowCount() == model.total_rows() > 0:
            self.filled = time.perf_counter()
            self.painted = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.filled and not self.painted:
            self.painted = time.perf_counter()
        return False


async def until(condition: Callable[[], bool]) -> None:
    """Poll: the window has no "idle" signal to wait for."""
    while not condition():  # noqa: ASYNC110
        await asyncio.sleep(0.005)


def start_simulator_process(
    faults: Sequence[str] = (), options: Sequence[str] = ()
) -> tuple[subprocess.Popen[str], str]:
    """The simulator in its own process (its JSON work must not share our GIL); its URL.
    ``options``: more of its command line (``--tls CERT KEY``)."""
    command = [sys.executable, "-m", "pos_app.sandbox", "--port", "0", *options]
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
def app_and_simulator(
    faults: Sequence[str] = (), options: Sequence[str] = ()
) -> Iterator[tuple[str, asyncio.Runner]]:
    """The app's QApplication on a qasync loop and a simulator process: its URL, the loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    # Frozen once the window is up (open_window), as the app does after its first paint.
    collector = MainThreadGarbageCollector(app, freeze=False)
    process, url = start_simulator_process(faults, options)
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
    # As the app after its first paint: the clients' modules in, then frozen what lives as
    # long as the app.
    import_client_modules()
    app = QApplication.instance()
    collector = app.findChild(MainThreadGarbageCollector) if app is not None else None
    if collector is not None:
        collector.freeze()
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


@dataclasses.dataclass
class Run:
    shown_ms: float
    complete_ms: float
    longest_ms: float
    busy_ms: float
    p99_ms: float
    rows: int


async def measure(url: str, card: str, runs: int) -> list[Run]:
    tmp = tempfile.TemporaryDirectory(prefix="pos-app-bench-")
    settings = simulator_settings(url, Path(tmp.name))
    clients = build_clients(settings, demo_secrets())
    window, journal = await open_window(settings, clients, 1100, 760)
    monitor = BlockMonitor()
    completion = CompletionClock(window)
    results: list[Run] = []
    try:
        await until(lambda: not window.tasks.pending)
        shown = asyncio.Event()
        shown_at = 0.0

        def on_shown(_uuid: str) -> None:
            # Timed in the signal, not when the waiting coroutine resumes a tick later.
            nonlocal shown_at
            shown_at = time.perf_counter()
            shown.set()

        window.customerShown.connect(on_shown)
        for run in range(runs):
            # Alternate with an empty customer so every run really rebuilds the list.
            window.search_input.setText(demo.CARD_EMPTY)
            window.search_input.returnPressed.emit()
            await until(lambda: not window.tasks.is_running("lookup"))
            await asyncio.sleep(0.2)
            shown.clear()
            completion.reset()
            monitor.start()
            started = time.perf_counter()
            window.search_input.setText(card)
            window.search_input.returnPressed.emit()
            await shown.wait()
            model = window.model
            # Complete: every group of the customer's rewards is a row, painted since.
            await until(lambda: completion.painted > 0)
            complete_at = completion.painted
            # Include the picture loads the painted rows start, and the progress panel.
            await asyncio.sleep(0.3)
            monitor.stop()
            gaps = sorted(monitor.gaps)
            p99 = gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else gaps[-1]
            longest, busy = monitor.longest()
            result = Run(
                shown_ms=(shown_at - started) * 1000,
                complete_ms=(complete_at - started) * 1000,
                longest_ms=longest * 1000,
                busy_ms=busy * 1000,
                p99_ms=p99 * 1000,
                rows=model.rowCount(),
            )
            results.append(result)
            print(
                f"run {run + 1}: scan→list shown {result.shown_ms:6.1f} ms   "
                f"→ complete {result.complete_ms:6.1f} ms   "
                f"longest block {result.longest_ms:5.1f} ms (GUI thread busy "
                f"{result.busy_ms:4.1f} ms of it)   p99 gap {result.p99_ms:5.1f} ms   "
                f"rows {result.rows}",
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
    shown = [r.shown_ms for r in results]
    complete = [r.complete_ms for r in results]
    blocks = [r.longest_ms for r in results]
    print(
        f"scan→list shown: median {statistics.median(shown):.1f} ms, max {max(shown):.1f} ms; "
        f"→ complete: median {statistics.median(complete):.1f} ms, max {max(complete):.1f} ms"
    )
    busy = [r.busy_ms for r in results]
    verdict = "met" if max(blocks) < TARGET_MS else "MISSED"
    print(
        f"longest block: median {statistics.median(blocks):.1f} ms, max {max(blocks):.1f} ms "
        f"over {len(blocks)} runs (target < {TARGET_MS:.0f} ms, one frame: {verdict}); "
        f"GUI thread busy in it: median {statistics.median(busy):.1f} ms, max {max(busy):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
