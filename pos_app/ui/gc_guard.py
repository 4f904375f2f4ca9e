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
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: The oldest generation is collected at most this often. With what was alive at start
#: frozen out, a full collection with a thousand rewards on screen takes 2-4 ms (measured
#: on a 2-core machine); the interval bounds it should the heap grow far larger.
FULL_COLLECTION_INTERVAL = 300.0


def collect_due(threshold: tuple[int, int, int] | None = None, *, full_allowed: bool = True) -> int:
    """Collect the generations whose counters crossed their threshold, as Python would.

    The oldest generation only when ``full_allowed``: CPython itself also holds full
    collections back (until a quarter of the long-lived objects is new), which a count
    threshold alone cannot see.
    """
    first, second, third = threshold or _threshold
    count0, count1, count2 = gc.get_count()
    collected = 0
    if count0 > first:
        collected = gc.collect(0)
        if count1 > second:
            collected = gc.collect(1)
            if count2 > third and full_allowed:
                collected = gc.collect(2)
    return collected


_threshold: tuple[int, int, int] = gc.get_threshold()


class MainThreadGarbageCollector(QObject):
    """Switches automatic collection off and collects from a GUI-thread timer instead.

    Everything alive when it starts (modules, the window) is frozen out of future
    collections: those objects live as long as the app, and scanning them again on every
    full collection is what makes full collections slow. With ``freeze=False`` that is
    left to :meth:`freeze`, e.g. once the window is on screen: the full collection before
    freezing takes a while, and the window need not wait for it.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        interval_ms: int = 500,
        clock: Callable[[], float] = time.monotonic,
        freeze: bool = True,
    ) -> None:
        super().__init__(parent)
        gc.disable()
        if freeze:
            self.freeze()
        self._clock = clock
        self._last_full = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._timer.start()

    def freeze(self) -> None:
        """Collect everything once, then keep what is alive now out of future collections."""
        gc.collect()
        gc.freeze()

    def on_timer_timeout(self) -> None:
        now = self._clock()
        full_allowed = now - self._last_full >= FULL_COLLECTION_INTERVAL
        before = gc.get_stats()[2]["collections"]
        collect_due(full_allowed=full_allowed)
        if gc.get_stats()[2]["collections"] != before:
            self._last_full = now

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.enable()
