"""Codes from camera pictures: zxing-cpp off the GUI thread, and the lock against twice.

:class:`CodeReader` decodes on a thread of its own and keeps only the newest picture: one
that arrives while a decode runs replaces the one waiting, so the camera and the GUI never
wait for the decoder and a slow decode only lowers how many pictures are looked at.
zxing-cpp takes a ``QImage`` as it is (no numpy) and lets go of Python's lock while it
decodes, so the GUI thread keeps running.

Which of the codes read start a scan is :class:`pos_app.services.scan_lock.ScanLock`'s.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QImage

from pos_app.ui.camera import workers

if TYPE_CHECKING:
    import zxingcpp

log = logging.getLogger(__name__)

#: The QImage formats zxing-cpp reads as they are (others it refuses): what the cameras'
#: pictures come in. Reading colour as it is costs less than turning it grey first
#: (benchmarks/camera_decode.py's pictures: 2.5 ms against 1.5 ms to convert + 2.9 ms).
_READ_AS_THEY_ARE = frozenset(
    {
        QImage.Format.Format_Grayscale8,
        QImage.Format.Format_RGB32,
        QImage.Format.Format_ARGB32,
        QImage.Format.Format_RGB888,
        QImage.Format.Format_BGR888,
        QImage.Format.Format_RGBA8888,
    }
)


def read_codes(frame: QImage) -> list[str]:
    """The texts of the codes in one picture (QR and the common 1D codes), in zxing's order."""
    import zxingcpp  # the decoder loads with the first picture, not at start

    if frame.format() not in _READ_AS_THEY_ARE:
        frame = frame.convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(frame, formats=_formats())
    return [code.text for code in found if code.valid and code.text]


#: What the camera reads: QR codes (the customer's app, pickup slips) and the 1D codes
#: loyalty cards carry, by zxing-cpp's names.
FORMATS = (
    "QRCode",
    "EAN13",
    "EAN8",
    "UPCA",
    "UPCE",
    "Code128",
    "Code39",
    "Code93",
    "ITF",
    "Codabar",
)


def _formats() -> zxingcpp.BarcodeFormats:
    # Made for each picture (a fraction of a microsecond): a zxing-cpp object kept in a
    # module until the interpreter ends is reported as leaked by nanobind on exit.
    import zxingcpp

    return zxingcpp.BarcodeFormats([getattr(zxingcpp.BarcodeFormat, name) for name in FORMATS])


@dataclass
class _Run:
    """One start of the reader: its own wake-up and stop, so a late decode of a run that
    was stopped never speaks for the next one."""

    wake: threading.Condition = field(default_factory=threading.Condition)
    newest: QImage | None = None
    stopped: bool = False


@dataclass
class ReaderStats:
    """What the reader did (for the benchmark and the log)."""

    offered: int = 0
    #: Pictures the decoder looked at (with or without a code in them).
    looked_at: int = 0
    #: Pictures replaced by a newer one before the decoder got to them.
    dropped: int = 0
    #: Seconds each decode took, the last ones.
    decode_seconds: list[float] = field(default_factory=list)


def _end(run: _Run) -> None:
    with run.wake:
        run.stopped = True
        run.newest = None
        run.wake.notify()


class CodeReader(QObject):
    """Decodes the newest picture offered, on a thread of its own.

    Signals:
        decoded(str): a picture held this code (emitted in the GUI thread, for every
            picture the code was found in: the lock is the caller's).
        failed(str): the decoder could not run (what went wrong, for the log).
    """

    decoded = Signal(str)
    failed = Signal(str)
    _found = Signal(object, list)
    _broke = Signal(object, str)

    def __init__(
        self,
        decode: Callable[[QImage], Sequence[str]] = read_codes,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._decode = decode
        self._run: _Run | None = None
        self.stats = ReaderStats()
        self._found.connect(self._on_found)
        self._broke.connect(self._on_broke)

    @property
    def running(self) -> bool:
        return self._run is not None

    def start(self) -> None:
        if self._run is not None:
            return
        run = self._run = _Run()
        workers.start(lambda: self._work(run), stop=lambda: _end(run), name="code-reader")

    def stop(self) -> None:
        """Ends the thread after the decode it may be in (nothing waits for it)."""
        run, self._run = self._run, None
        if run is not None:
            _end(run)

    def offer(self, frame: QImage) -> None:
        """The newest picture; returns at once (the one waiting, if any, is dropped)."""
        run = self._run
        if run is None:
            return
        with run.wake:
            if run.newest is not None:
                self.stats.dropped += 1
            run.newest = frame
            self.stats.offered += 1
            run.wake.notify()

    def _work(self, run: _Run) -> None:
        while True:
            with run.wake:
                while run.newest is None and not run.stopped:
                    run.wake.wait()
                if run.stopped:
                    return
                frame, run.newest = run.newest, None
            assert frame is not None
            started = time.perf_counter()
            try:
                texts = list(self._decode(frame))
            except Exception as exc:  # a decoder that cannot run at all: said once, stopped
                log.exception("The code reader stopped")
                self._emit(self._broke, run, f"{type(exc).__name__}: {exc}")
                return
            seconds = time.perf_counter() - started
            times = self.stats.decode_seconds
            times.append(seconds)
            del times[:-1000]
            if not run.stopped:
                self._emit(self._found, run, texts)

    def _emit(self, signal: SignalInstance, run: _Run, payload: object) -> None:
        # The reader was deleted with its window: nobody is listening.
        with contextlib.suppress(RuntimeError):
            signal.emit(run, payload)

    def _on_found(self, run: _Run, texts: list[str]) -> None:
        if run is not self._run:
            return
        self.stats.looked_at += 1
        for text in texts[:1]:
            self.decoded.emit(text)

    def _on_broke(self, run: _Run, problem: str) -> None:
        if run is self._run:
            self._run = None
            self.failed.emit(problem)
