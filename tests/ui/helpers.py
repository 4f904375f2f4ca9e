"""Waiting for the app and finding its dialogs, for tests that drive the real widgets."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget

W = TypeVar("W", bound=QWidget)


async def wait_until(condition: Callable[[], object], within: float = 5.0) -> None:
    """Let the one loop run until ``condition`` holds (never qtbot.wait in a coroutine)."""
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


def visible(kind: type[W]) -> W | None:
    """The top-level window of this type that is on screen, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


async def dialog_of(kind: type[W]) -> W:
    """Wait for a window of this type to be shown, and return it."""
    await wait_until(lambda: visible(kind) is not None)
    found = visible(kind)
    assert found is not None
    return found
