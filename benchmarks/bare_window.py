"""The reference of ``startup.py``: a bare PySide6 + qasync window, to its first paint.

It imports what every Qt-on-asyncio app needs (PySide6's widgets and qasync), shows a
QMainWindow on the qasync loop and prints ``window painted: N ms`` when the window is
first painted, N counted from the start of the process (as the app logs it), then exits.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time

import qasync
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def _process_age_ms() -> float:
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
    return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000


class _FirstPaint(QObject):
    def __init__(self, painted: asyncio.Event, parent: QObject) -> None:
        super().__init__(parent)
        self._painted = painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted.is_set():
            print(f"window painted: {_process_age_ms():.0f} ms", flush=True)
            self._painted.set()
        return False


async def main() -> None:
    painted = asyncio.Event()
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare PySide6 + qasync window"))
    window.installEventFilter(_FirstPaint(painted, window))
    window.resize(1024, 700)
    window.show()
    await painted.wait()
    window.close()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(main())
