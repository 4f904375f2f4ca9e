"""The camera's threads (capture, decoder) end before Python does.

They are daemon threads, so that a camera never keeps the app from quitting. But a daemon
thread still inside zxing-cpp or Qt (C++) when the interpreter finalizes is ended by
unwinding through C++ code, which aborts the process ("terminate called without an
active exception") and, before that, has nanobind report zxing-cpp's objects as leaked.
So at exit each live thread is told to stop and given a moment to get out of its decode
or its picture; nothing waits for them before that.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable

#: How long the process waits at exit for a thread to leave the picture it works on (a
#: decode takes milliseconds; a camera answers within its select timeout).
EXIT_WAIT_SECONDS = 2.0

_lock = threading.Lock()
_live: dict[threading.Thread, Callable[[], None]] = {}


def start(target: Callable[[], None], *, stop: Callable[[], None], name: str) -> threading.Thread:
    """Run ``target`` on a daemon thread; ``stop`` asks it to end (called at exit)."""

    def run() -> None:
        try:
            target()
        finally:
            with _lock:
                _live.pop(threading.current_thread(), None)

    thread = threading.Thread(target=run, name=name, daemon=True)
    with _lock:
        _live[thread] = stop
    thread.start()
    return thread


def finish() -> None:
    """Ask every live thread to stop, and wait a moment for each (at exit)."""
    with _lock:
        live = list(_live.items())
    for _thread, stop in live:
        stop()
    for thread, _stop in live:
        if thread.is_alive():
            thread.join(EXIT_WAIT_SECONDS)


atexit.register(finish)
