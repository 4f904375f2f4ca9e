"""Garbage collection on the GUI thread only.

WORKAROUND: Python's cyclic collector runs on whichever thread crosses an allocation
threshold: a picture-decoding worker, the journal's thread, the demo simulator's server
thread. If it then destroys a Qt object that lives on the GUI thread (a widget, a timer
object of the event loop), Qt tears it down from the wrong thread and the process dies
later with a segmentation fault. So automatic collection is switched off and the same
generational thresholds are checked from a timer on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


def collect_due(threshold: tuple[int, int, int] | None = None) -> int:
    """Collect the generations whose counters crossed their threshold, as Python would."""
    first, second, third = threshold or _threshold
    count0, count1, count2 = gc.get_count()
    collected = 0
    if count0 > first:
        collected = gc.collect(0)
        if count1 > second:
            collected = gc.collect(1)
            if count2 > third:
                collected = gc.collect(2)
    return collected


_threshold: tuple[int, int, int] = gc.get_threshold()


class MainThreadGarbageCollector(QObject):
    """Switches automatic collection off and collects from a GUI-thread timer instead."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 500) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._timer.start()

    def on_timer_timeout(self) -> None:
        collect_due()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
