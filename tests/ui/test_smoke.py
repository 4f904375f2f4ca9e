"""The real main window on the qasync loop: starts, makes concurrent requests, quits cleanly."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.services.counter import CounterServices
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.ui.counter import MainWindow
from tests.helpers import RetryWaits

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.asyncio
async def test_window_runs_concurrent_requests_and_closes(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    clients = build_clients(app_settings, demo_secrets)
    assert clients.problems == []
    assert clients.piggy is not None
    assert clients.giftoin is not None
    assert clients.nudj is not None
    window = MainWindow(CounterServices(app_settings, clients))
    qtbot.addWidget(window)
    window.show()
    window.start()

    piggy, giftoin, nudj = clients.piggy, clients.giftoin, clients.nudj
    cards = [demo.CARD_MAIN, demo.CARD_EMPTY, demo.CARD_BIG] * 4
    lookups = [window.tasks.run(piggy.find_contact_identifier(card)) for card in cards]
    challenges_task = window.tasks.run(
        giftoin.collection_challenges(demo.GIFTOIN_PLATFORM, demo.DISCORD_MAIN)
    )
    rewards_task = window.tasks.run(nudj.rewards(limit=10))
    never_ends = window.tasks.run(asyncio.sleep(3600))
    found = await asyncio.gather(*lookups)
    challenges, rewards = await asyncio.gather(challenges_task, rewards_task)

    assert [ident.value for ident in found] == cards
    main_uuid = simulator.state.data.contact_for_card(demo.CARD_MAIN).uuid
    assert found[0].contact is not None
    assert found[0].contact.uuid == main_uuid
    assert len(challenges) > 0
    assert rewards.total_count is not None
    assert rewards.total_count > 10
    assert len(rewards.edges) == 10
    # The shop lookup the window started on its own also landed.
    for _ in range(100):
        if "Demo Store Centrum" in window.connection_label.text():
            break
        await asyncio.sleep(0.02)
    assert window.connection_label.text() == "Connected to Piggy · Demo Store Centrum"

    closed = asyncio.Event()
    window.closed.connect(closed.set)
    window.close()
    await asyncio.wait_for(closed.wait(), 5)
    assert never_ends.cancelled()
    assert window.tasks.pending == 0
    await clients.aclose()


@pytest.mark.asyncio
async def test_no_credentials_is_shown_not_fatal(qtbot: QtBot, app_settings: Settings) -> None:
    clients = build_clients(app_settings, SecretStore(env={}, use_keyring=False))
    window = MainWindow(CounterServices(app_settings, clients))
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert clients.piggy is None
    assert window.connection_label.text() == (
        "Piggy is not connected — ask a manager to open Settings."
    )
    assert window.search_input.hasFocus() or not window.isActiveWindow()
    await window.tasks.cancel_all()


@pytest.mark.asyncio
async def test_unreachable_piggy_is_a_status_not_a_crash(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore
) -> None:
    settings = app_settings.with_overrides(piggy_base_url="http://127.0.0.1:9", request_timeout=2)
    waits = RetryWaits()  # the connection is retried, without waiting out the backoff
    clients = build_clients(settings, demo_secrets, sleep=waits)
    window = MainWindow(CounterServices(settings, clients))
    qtbot.addWidget(window)
    window.show()
    window.start()
    for _ in range(250):
        if "No connection" in window.connection_label.text():
            break
        await asyncio.sleep(0.04)
    assert window.connection_label.text().startswith("No connection to the loyalty service.")
    assert waits.delays  # given up on only after retrying
    await window.tasks.cancel_all()
    await clients.aclose()


def test_whole_app_starts_and_quits_cleanly() -> None:
    """A fresh interpreter, warnings as errors, asyncio debug: exit must be spotless."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONASYNCIODEBUG": "1"})
    result = subprocess.run(
        [sys.executable, "-X", "dev", "-W", "error", str(ROOT / "tests" / "ui" / "smoke_app.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "exit=0 results=17 open_clients=0"
    for trouble in ("Traceback", "Task was destroyed", "Exception ignored", "unclosed", "Error"):
        assert trouble not in result.stderr, result.stderr


@pytest.mark.asyncio
async def test_a_scan_entered_before_the_window_is_complete_is_looked_up_once_it_is(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    """The app paints the window before building its customer page: a scan that comes
    in that moment is not lost."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.helpers import wait_until

    simulator.reset()
    clients = build_clients(app_settings, demo_secrets)
    window = MainWindow(CounterServices(app_settings, clients), complete=False)
    qtbot.addWidget(window)
    window.show()
    window.start_screen()
    assert window.search_input.isVisible()
    shown: list[str] = []
    window.customerShown.connect(shown.append)
    QTest.keyClicks(window.search_input, demo.CARD_MAIN)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    assert not window.completed
    assert shown == []
    window.complete()
    window.start_calls()
    main_uuid = simulator.state.data.contact_for_card(demo.CARD_MAIN).uuid
    await wait_until(lambda: shown == [main_uuid])
    assert window.rewards_list.isVisible()
    await window.tasks.cancel_all()
    await clients.aclose()
