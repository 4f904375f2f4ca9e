"""WORKAROUNDS for two hazards of the pinned PySide6 6.12.0 on Python 3.11, for Qt tests.

1. Lost references to None, True and False. The abi3 wheels were built against Python
   3.12+ headers, where these singletons are immortal and ``Py_RETURN_NONE`` no longer
   takes a reference. On 3.11 every call of a void method (``painter.setPen``,
   ``widget.resize``, ...) drops one reference to None, and some calls
   (``Signal.disconnect``) one to True. After a few thousand such calls the interpreter
   frees None and aborts ("Fatal Python error: none_dealloc"). 3.12+ is not affected.

2. Garbage collection on a foreign thread. When Python's collector happens to run in a
   worker thread (our picture decoding, the simulator's server thread), it may destroy a
   QObject owned by the main thread, such as the timer object of a closed qasync loop from
   an earlier test. Its Qt timers then cannot be unregistered ("Timers cannot be stopped
   from another thread") and fire later on freed memory: a segmentation fault. Collecting
   on the main thread before and after each test leaves no such garbage lying around.

Until the app deals with both once at start-up, the list and picture tests use
:func:`qt_test_guard`, so that the suite does not die on their account.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_SINGLETONS = (None, True, False)


def _give_back(obj: object, count: int) -> None:
    # Py_IncRef is a real function (not the inlined macro), correct on every build.
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    for _ in range(count):
        incref(obj)


@contextmanager
def singleton_refcounts_kept() -> Iterator[None]:
    """Restore the reference counts of None, True and False that the block lost."""
    if sys.version_info >= (3, 12):
        yield
        return
    before = [sys.getrefcount(obj) for obj in _SINGLETONS]
    try:
        yield
    finally:
        for obj, count in zip(_SINGLETONS, before, strict=True):
            lost = count - sys.getrefcount(obj)
            if lost > 0:
                _give_back(obj, lost)


@contextmanager
def qt_test_guard() -> Iterator[None]:
    """Collect garbage on this (the main) thread first; give back lost references after."""
    gc.collect()
    with singleton_refcounts_kept():
        yield
