"""When the window first reached the screen, measured from the start of the process.

The counter's start-up time is what a cashier waits for: from starting the program to the
window painted. The app logs it (``-v``), the self-test reports it, and
``benchmarks/startup.py`` compares it with a bare Qt window.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

#: The log line ``benchmarks/startup.py`` waits for (INFO, logger ``pos_app.ui.app``).
PAINTED_MARKER = "window painted:"


def process_age() -> float | None:
    """Seconds since this process started, where the system says (Linux); else None."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            # Field 22, counted after the command name (which may contain spaces).
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return None


class FirstPaint(QObject):
    """Calls ``on_paint`` once, when the watched widget is first painted (really on screen)."""

    def __init__(self, on_paint: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_paint = on_paint
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            self._on_paint()
        return False
