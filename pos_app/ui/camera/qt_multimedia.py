"""The camera on Windows and macOS: Qt Multimedia, with the system's own camera backend.

A ``QCamera`` in a ``QMediaCaptureSession`` hands each picture to a ``QVideoSink`` as a
``QVideoFrame`` (NV12, YUY2, BGRA: what the camera's driver gives), which
``QVideoFrame.toImage`` turns into the ``QImage`` the view and the decoder take.

The backend is the system's own, Media Foundation on Windows and AVFoundation on macOS
(:data:`NATIVE_BACKENDS`), not Qt's FFmpeg backend, so the bundle carries none of the
FFmpeg libraries PySide6-Addons also has (packaging/bundle_filter.py). Linux reads its
cameras through Video4Linux2 itself (``v4l2``) and has no Qt Multimedia installed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCameraPermission, QCoreApplication, QObject, Qt, QTimer
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

from pos_app.ui.camera.frames import CAPTURE_FPS, CAPTURE_SIZE, FrameSource

log = logging.getLogger(__name__)

#: Qt Multimedia's backend of the system itself, by platform (``QT_MEDIA_BACKEND``).
NATIVE_BACKENDS = {"win32": "windows", "darwin": "darwin"}


def use_native_backend(platform: str = sys.platform) -> None:
    """Ask Qt Multimedia for the system's own backend (an IT person's own choice stays).

    Qt reads ``QT_MEDIA_BACKEND`` once, when it first looks for cameras; Qt's default on
    Windows and macOS is FFmpeg, which the bundle leaves out.
    """
    backend = NATIVE_BACKENDS.get(platform)
    if backend:
        os.environ.setdefault("QT_MEDIA_BACKEND", backend)


def find_camera(devices: Sequence[QCameraDevice], wanted: str | None) -> QCameraDevice | None:
    """The camera the ``camera_device`` setting names, by its name as Windows shows it
    ("Logitech C920") or its id; no name: the system's default camera, else the first."""
    if not devices:
        return None
    if not wanted:
        default = QMediaDevices.defaultVideoInput()
        return next((d for d in devices if d == default), devices[0])
    name = wanted.casefold()
    for device in devices:
        ident = bytes(device.id().data()).decode(errors="replace")
        if name in (device.description().casefold(), ident.casefold()):
            return device
    return None


def best_format(formats: Sequence[QCameraFormat]) -> QCameraFormat | None:
    """The format nearest to :data:`CAPTURE_SIZE` at :data:`CAPTURE_FPS`: larger pictures
    cost the decoder time, smaller ones lose a phone's QR code at arm's length."""
    width, height = CAPTURE_SIZE

    def distance(fmt: QCameraFormat) -> tuple[bool, int, bool]:
        size = fmt.resolution()
        smaller = size.width() < width or size.height() < height
        return (
            smaller,
            abs(size.width() * size.height() - width * height),
            fmt.maxFrameRate() < CAPTURE_FPS,
        )

    return min(formats, key=distance) if formats else None


class SinkFrames(FrameSource):
    """The pictures a ``QVideoSink`` receives, while started, newest only.

    The backend fills :attr:`sink` from a thread of its own; each picture it announces is
    taken in the GUI thread as the sink's newest, so a busy GUI skips pictures instead of
    working through old ones.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self._running = False
        self._taken = QVideoFrame()

    def start(self) -> None:
        self._running = True

    def stop(self) -> None:
        self._running = False
        self._taken = QVideoFrame()

    def _on_frame(self, _frame: QVideoFrame) -> None:
        if not self._running:
            return
        newest = self.sink.videoFrame()
        if not newest.isValid() or newest == self._taken:
            return  # announced again, already shown
        self._taken = newest
        picture = newest.toImage()
        if not picture.isNull():
            self.frameReady.emit(picture)


class QtCamera(SinkFrames):
    """A camera through Qt Multimedia: ``device`` as in :func:`find_camera`."""

    def __init__(self, device: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._wanted = self._asking = False

    def start(self) -> None:
        self._wanted = True
        if self._camera is not None or self._asking:
            return
        # macOS asks the user once whether the app may use the camera; Windows and Linux
        # answer "granted" here (Windows' privacy setting shows as a camera error instead).
        app = QCoreApplication.instance()
        status = app.checkPermission(QCameraPermission()) if app else Qt.PermissionStatus.Granted
        if status is Qt.PermissionStatus.Undetermined and app is not None:
            self._asking = True
            app.requestPermission(QCameraPermission(), self, self._on_permission)
            return
        if status is Qt.PermissionStatus.Denied:
            QTimer.singleShot(0, self, lambda: self._fail("the camera is not allowed for the app"))
            return
        self._open()

    def _on_permission(self, *_answer: object) -> None:
        self._asking = False
        app = QCoreApplication.instance()
        if not self._wanted or app is None:
            return
        if app.checkPermission(QCameraPermission()) is Qt.PermissionStatus.Granted:
            self._open()
        else:
            self._fail("the camera is not allowed for the app")

    def _open(self) -> None:
        use_native_backend()
        found = find_camera(QMediaDevices.videoInputs(), self.device)
        if found is None:
            problem = f"no camera named {self.device!r}" if self.device else "no camera"
            QTimer.singleShot(0, self, lambda: self._fail(problem, missing=True))
            return
        camera = self._camera = QCamera(found, self)
        chosen = best_format(found.videoFormats())
        if chosen is not None:
            camera.setCameraFormat(chosen)
        camera.errorOccurred.connect(self._on_error)
        session = self._session = QMediaCaptureSession(self)
        session.setCamera(camera)
        session.setVideoSink(self.sink)
        super().start()
        log.info("Camera %s started", found.description())
        camera.start()

    def stop(self) -> None:
        super().stop()
        self._wanted = False
        camera, self._camera = self._camera, None
        session, self._session = self._session, None
        if camera is not None:
            camera.stop()
            camera.deleteLater()
        if session is not None:
            session.deleteLater()

    def _on_error(self, _error: QCamera.Error, text: str) -> None:
        camera = self._camera
        if camera is None:
            return
        problem = f"{camera.cameraDevice().description()}: {text}"
        self.stop()
        self._fail(problem)
