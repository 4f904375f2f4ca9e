"""WORKAROUND: keep Python's garbage collector from destroying Qt objects on a worker thread.

The collector runs on whichever thread happens to allocate when a threshold is crossed:
the picture cache's decoding threads, or the simulator's server thread. If it then destroys
a QObject that lives on the main thread, e.g. the timer object of a closed qasync loop from
an earlier test, Qt cannot unregister that object's timers ("Timers cannot be stopped from
another thread"); they fire later on freed memory and the run dies with a segmentation
fault. Each test here starts with a collection on the main thread, so no such garbage is
lying around for another thread to find.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def qt_test_guard() -> Iterator[None]:
    gc.collect()
    yield
