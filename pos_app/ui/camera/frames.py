"""Where the camera view's pictures come from: a camera, or still pictures played back.

A :class:`FrameSource` hands out pictures as ``QImage`` in the GUI thread, newest only: a
source whose GUI is busy skips pictures rather than queue them. :class:`StillFrames` plays
still pictures at a camera's rate (tests, the demo, screenshots); :func:`open_frame_source`
picks the source the ``camera_device`` setting names.
"""

from __future__ import annotations

import contextlib
import io
import sys
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QTransform

from pos_app.ui.camera import workers

#: What the camera is asked for: a size every USB camera offers in both of its usual
#: formats, enough for a phone's QR code at arm's length, and cheap to decode.
CAPTURE_SIZE = (640, 480)
#: Pictures a second asked of the camera (a picture every 33 ms).
CAPTURE_FPS = 30
#: ``camera_device`` value that plays still pictures of the demo's cards (no camera needed).
DEMO_DEVICE = "demo"


class FrameSource(QObject):
    """Pictures from somewhere, started when the camera view shows and stopped when it hides.

    Signals:
        frameReady(QImage): the newest picture (GUI thread).
        failed: the source cannot give pictures (no camera, or it stopped); :attr:`problem`
            says why, for the log, and :attr:`missing` whether there simply is no camera.
    """

    frameReady = Signal(QImage)
    failed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problem = ""
        self.missing = False

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def _fail(self, problem: str, *, missing: bool = False) -> None:
        self.problem, self.missing = problem, missing
        self.failed.emit()


class StillFrames(FrameSource):
    """Plays ``frames`` one after the other, again and again, ``fps`` a second."""

    def __init__(
        self, frames: Sequence[QImage], *, fps: float = CAPTURE_FPS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.frames = list(frames)
        self.shown = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, round(1000 / fps)))
        self._timer.timeout.connect(self._next)

    def start(self) -> None:
        if not self.frames:
            self._fail("no pictures to play", missing=True)
            return
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _next(self) -> None:
        frame = self.frames[self.shown % len(self.frames)]
        self.shown += 1
        self.frameReady.emit(frame)


class ThreadedSource(FrameSource):
    """A source whose pictures are made on a thread of its own (a camera's driver).

    The thread calls :meth:`_deliver` with each picture; the GUI thread is told once per
    picture it has not taken yet, so a busy GUI skips pictures instead of queueing them.
    """

    _arrived = Signal()
    _broke = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._newest: QImage | None = None
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None
        self._arrived.connect(self._take)
        self._broke.connect(lambda problem, missing: self._fail(problem, missing=missing))

    def start(self) -> None:
        if self._stop is not None:
            return
        stop = self._stop = threading.Event()
        previous = self._thread
        self._thread = workers.start(
            lambda: self._run(stop, previous), stop=stop.set, name="camera"
        )

    def _run(self, stop: threading.Event, previous: threading.Thread | None) -> None:
        # Started again right after a stop (a kiosk's Done): the last run may still hold
        # the device, which its driver would then refuse as busy.
        if previous is not None:
            previous.join()
        if not stop.is_set():
            self._capture(stop)

    def stop(self) -> None:
        stop, self._stop = self._stop, None
        if stop is not None:
            stop.set()

    def _capture(self, stop: threading.Event) -> None:
        raise NotImplementedError

    def _deliver(self, frame: QImage, stop: threading.Event) -> None:
        with self._lock:
            waiting, self._newest = self._newest is not None, frame
        if not waiting and not stop.is_set():
            self._emit(self._arrived)

    def _failed_in_thread(self, problem: str, stop: threading.Event, *, missing: bool) -> None:
        if not stop.is_set():
            self._emit(self._broke, problem, missing)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        # Deleted with its window while the thread was finishing: nobody is listening.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    def _take(self) -> None:
        with self._lock:
            frame, self._newest = self._newest, None
        if frame is not None and self._stop is not None:
            self.frameReady.emit(frame)


def open_frame_source(device: str | None, parent: QObject | None = None) -> FrameSource:
    """The source the ``camera_device`` setting names: empty for the first camera, a
    device (``/dev/video2`` on Linux, a camera's name as Windows or macOS shows it), or
    :data:`DEMO_DEVICE` for still pictures of the demo's cards. Linux reads its cameras
    through Video4Linux2, Windows and macOS through Qt Multimedia.

    Nothing is opened here: a camera is looked for once the source starts, off the GUI
    thread, and a source without a camera says so through ``failed``.
    """
    if device == DEMO_DEVICE:
        return StillFrames(demo_frames(), parent=parent)
    if sys.platform.startswith("linux"):
        from pos_app.ui.camera.v4l2 import V4l2Camera

        return V4l2Camera(device or None, parent=parent)
    if sys.platform in ("win32", "darwin"):
        try:
            from pos_app.ui.camera.qt_multimedia import QtCamera
        except ImportError as exc:  # an install without PySide6-Addons
            return NoCamera(f"no Qt Multimedia: {exc}", parent=parent)
        return QtCamera(device or None, parent=parent)
    return NoCamera(f"no camera support on {sys.platform}", parent=parent)


class NoCamera(FrameSource):
    """Where the app has no way to reach a camera: fails as soon as it starts."""

    def __init__(self, problem: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problem = problem

    def start(self) -> None:
        QTimer.singleShot(0, self, lambda: self._fail(self._problem, missing=True))

    def stop(self) -> None:
        pass


def qr_picture(text: str, *, scale: int = 6) -> QImage:
    """A QR code of ``text`` as a picture, with its quiet zone (segno, as on the slips)."""
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=4)
    picture = QImage.fromData(out.getvalue())
    return picture.convertToFormat(QImage.Format.Format_RGB32)


def phone_frame(code: QImage, *, size: tuple[int, int] = CAPTURE_SIZE, tilt: float = 0) -> QImage:
    """What a camera sees of a phone held up with ``code`` on its screen: a dim room, the
    phone's body and its lit screen, turned by ``tilt`` degrees."""
    width, height = size
    frame = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(frame)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    room = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    room.setColorAt(0, QColor("#4a4f57"))
    room.setColorAt(1, QColor("#24272c"))
    painter.fillRect(frame.rect(), room)
    side = min(width, height) * 0.5
    painter.setTransform(
        QTransform().translate(width / 2, height / 2).rotate(tilt).translate(-side / 2, -side / 2)
    )
    body = QRectF(-side * 0.12, -side * 0.3, side * 1.24, side * 1.6)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#101114"))
    painter.drawRoundedRect(body, side * 0.1, side * 0.1)
    painter.fillRect(QRectF(-side * 0.06, -side * 0.2, side * 1.12, side * 1.4), QColor("#f4f6f8"))
    painter.drawImage(QRectF(0, 0, side, side), code)
    painter.end()
    return frame


def demo_frames() -> list[QImage]:
    """The demo's main card as a phone would show it, held a little crooked, then straight."""
    from pos_app.sandbox import demo_data as demo

    code = qr_picture(demo.CARD_MAIN)
    return [phone_frame(code, tilt=tilt) for tilt in (-8, -4, 0)]
