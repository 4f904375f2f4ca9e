"""A counter PC dies in the middle of a hand-over; the next start finds out what happened."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication, QMessageBox

from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.services.counter import CounterServices
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import load_settings
from pos_app.storage import AsyncJournal, Journal, JournalFormatError, Operation, OpState
from pos_app.ui.app import configure_application
from pos_app.ui.counter import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    with start_simulator() as sim:
        yield sim


def _pending(journal_path: Path) -> list[Operation]:
    try:
        with Journal.open_read_only(journal_path) as journal:
            return journal.unresolved()
    except (FileNotFoundError, JournalFormatError):
        return []  # the app has not created its journal yet


def _env(simulator: Simulator, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_")}
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "POS_APP_CONFIG_FILE": str(data_dir / "no-settings.toml"),
            "POS_APP_DATA_DIR": str(data_dir),
            "POS_APP_PIGGY_BASE_URL": simulator.piggy_base_url,
            "POS_APP_GIFTOIN_BASE_URL": simulator.giftoin_base_url,
            "POS_APP_NUDJ_BASE_URL": simulator.nudj_base_url,
            "POS_APP_PIGGY_TOKEN": demo.DEMO_PIGGY_TOKEN,
            "POS_APP_GIFTOIN_API_KEY": demo.DEMO_GIFTOIN_KEY,
            "POS_APP_NUDJ_TOKEN": demo.DEMO_NUDJ_TOKEN,
            "POS_APP_SHOP_UUID": simulator.state.data.shops[0].uuid,
            "POS_APP_REQUEST_TIMEOUT": "60",
            # A request that got no answer counts as not handed over at the first check
            # after the restart (the grace period has its own tests): with any grace, a
            # restart quicker than it would leave the request to the next timer run.
            "POS_APP_SETTLE_GRACE_SECONDS": "0",
        }
    )
    return env


def _kill_mid_collect(simulator: Simulator, data_dir: Path, *, applied: bool) -> None:
    """Run the app until its collect is on the way (applied by the server or not), then
    SIGKILL it."""
    journal_path = data_dir / "journal.sqlite3"
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "e2e" / "crash_app.py")],
        env=_env(simulator, data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30

        def wait(condition: Callable[[], bool], what: str) -> None:
            while not condition():
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, what
                time.sleep(0.02)

        wait(lambda: len(_pending(journal_path)) == 1, "the app never started its collect")
        item = _pending(journal_path)[0].loyalty_transaction_uuid
        assert item is not None
        if applied:
            wait(lambda: simulator.state.data.items[item].collected, "collect not applied")
        else:
            # The request is on the server, held there: it will never be applied.
            wait(lambda: simulator.held("piggy.collect") == 1, "collect never arrived")
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize(
    ("fault", "handed_over", "kiosk"),
    [
        # The server recorded the collect, the answer never came back.
        ("after_apply:timeout", True, False),
        # The request never got an answer and was not processed. The OS restarts the
        # counter in kiosk mode (POS_APP_KIOSK, as its service unit sets it).
        ("hold", False, True),
    ],
)
def test_killed_mid_collect_is_reconciled_on_next_start(
    simulator: Simulator,
    tmp_path: Path,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
    handed_over: bool,
    kiosk: bool,
) -> None:
    customer = simulator.state.data.contact_for_card(demo.CARD_MAIN).uuid
    simulator.set_fault("piggy.collect", fault)
    _kill_mid_collect(simulator, tmp_path, applied=handed_over)
    simulator.clear_faults()

    journal_path = tmp_path / "journal.sqlite3"
    with Journal.open_read_only(journal_path) as journal:
        (operation,) = journal.unresolved()
        assert operation.state is OpState.PENDING
        assert journal.verify().ok
    item_uuid = operation.loyalty_transaction_uuid
    assert item_uuid is not None
    still_waiting = {i.uuid for i in simulator.state.data.items_of(customer) if not i.collected}
    assert (item_uuid not in still_waiting) is handed_over

    async def next_start() -> tuple[str, str, bool]:
        for name, value in _env(simulator, tmp_path).items():
            if name.startswith("POS_APP_"):
                monkeypatch.setenv(name, value)
        if kiosk:
            monkeypatch.setenv("POS_APP_KIOSK", "1")
        settings = load_settings()
        clients = build_clients(settings, SecretStore(use_keyring=False))
        journal = await AsyncJournal.open(
            settings.journal_path, shop_uuid=settings.shop_uuid, counter="restarted"
        )
        window = MainWindow(CounterServices(settings, clients, journal=journal))
        window.show()
        window.start()
        try:
            # Polling widget text: the window has no signal for "reconciliation reported".
            for _ in range(1000):
                if window.message_bar.text().startswith("Earlier unfinished"):
                    break
                await asyncio.sleep(0.01)
            for _ in range(1000):
                if not window.tasks.pending:
                    break
                await asyncio.sleep(0.01)
            locked = window.kiosk is not None and window.isFullScreen()
            return window.message_bar.text(), window.unresolved_label.text(), locked
        finally:
            closed = asyncio.Event()
            window.closed.connect(closed.set)
            if window.kiosk is not None:
                window.kiosk.unlocked = True  # as if a manager had typed their PIN
            window.close()
            await closed.wait()
            await journal.aclose()
            await clients.aclose()

    configure_application(qapp)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
        notice, unresolved, locked = runner.run(next_start())

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()
    expected = "recorded as handed over" if handed_over else "not handed over (still waiting)"
    assert expected in notice
    assert operation.reward_title is not None
    assert operation.reward_title in notice
    assert unresolved == ""
    assert locked is kiosk
    with Journal.open_read_only(journal_path) as journal:
        settled = journal.operation(operation.operation_id)
        assert settled.state is (OpState.CONFIRMED if handed_over else OpState.FAILED)
        assert settled.resolved_by == "reconciliation"
        assert journal.unresolved() == []
        assert journal.verify().ok
