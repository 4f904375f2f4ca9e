"""A counter that is not set up: staff are told whom to ask, customers are told nothing of it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role
from tests.helpers.ui import running_counter

UI = Path(__file__).resolve().parents[2] / "pos_app" / "ui"
#: What would tell a customer (or a cashier) how the counter is set up.
SETUP_WORDS = ("pos-app", "secret", "token", "POS_APP", "keyring", "Settings", "set up", "`")


def _shown_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts += [widget.toolTip(), widget.accessibleName()]
    for window in QApplication.topLevelWidgets():
        if window is not root and window.isVisible():
            texts.append(window.windowTitle())
    return [text for text in texts if text]


@pytest.mark.asyncio
async def test_an_unconfigured_kiosk_shows_a_customer_no_setup_hint(
    qtbot: QtBot, app_settings: Settings, simulator: Simulator
) -> None:
    nothing = SecretStore(env={}, use_keyring=False)
    settings = app_settings.with_overrides(kiosk=True)
    # A kiosk rolled out with its settings and a manager, whose keys did not arrive.
    manager = ("Morgan Manager", Role.MANAGER, "246810")
    async with running_counter(
        qtbot, settings, nothing, simulator, staff_members=(manager,)
    ) as counter:
        window = counter.window
        assert "This counter is not ready yet" in window.status.connection_label.text()
        await counter.scan(demo.CARD_MAIN)
        assert "This counter is not ready yet" in window.message_bar.text()
        shown = _shown_texts(window)
        leaks = [text for text in shown for word in SETUP_WORDS if word.lower() in text.lower()]
        assert leaks == []


@pytest.mark.asyncio
async def test_an_unconfigured_counter_tells_staff_whom_to_ask(
    qtbot: QtBot, app_settings: Settings, simulator: Simulator
) -> None:
    nothing = SecretStore(env={}, use_keyring=False)
    async with running_counter(qtbot, app_settings, nothing, simulator) as counter:
        window = counter.window
        expected = "Piggy is not connected — ask a manager to open Settings."
        assert window.status.connection_label.text() == expected
        await counter.scan(demo.CARD_MAIN)
        assert window.message_bar.text() == expected


def _translated_texts() -> list[tuple[str, str]]:
    """Every literal text the UI passes to Qt's translation functions, with its file."""
    found = []
    names = {"_tr", "_trn", "tr", "translate"}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in names:
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((path.name, arg.value))
    return found


def test_no_text_for_staff_names_a_command_line() -> None:
    texts = _translated_texts()
    assert len(texts) > 300  # the scan finds the UI's texts at all
    commands = [(name, text) for name, text in texts if "pos-app" in text or "`" in text]
    assert commands == []
