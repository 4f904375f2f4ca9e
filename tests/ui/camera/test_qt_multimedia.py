"""The Windows and macOS camera (Qt Multimedia) as far as it goes without one: pictures as
the camera's driver hands them to the video sink (NV12, YUY2, BGRA) read by the real
decoder through the camera view, "no camera" from QMediaDevices on a PC without one, and
the system's own backend asked for instead of FFmpeg.

Qt Multimedia comes with PySide6-Addons, installed on Windows and macOS only (Linux reads
its cameras through Video4Linux2): on Linux these tests run where it was installed by hand
(``pip install PySide6-Addons==6.11.3``; its Linux library also needs PulseAudio's client
library, libpulse0).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from pos_app.sandbox import demo_data as demo
from pos_app.services.scan_lock import ScanLock
from pos_app.ui.camera.frames import NoCamera, open_frame_source
from pos_app.ui.camera.view import CameraState, CameraView
from tests.helpers.camera import SPOILT

try:
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat
except ImportError as exc:  # pragma: no cover - depends on the install
    pytest.skip(f"Qt Multimedia is not installed: {exc}", allow_module_level=True)

from pos_app.ui.camera import qt_multimedia
from pos_app.ui.camera.qt_multimedia import QtCamera, SinkFrames

Format = QVideoFrameFormat.PixelFormat

#: Qt Multimedia's FFmpeg backend on Linux looks for the PC's hardware video decoders
#: (VA-API, PipeWire) when it loads and warns when there are none (the Windows and macOS
#: backends the app uses have no such libraries to look for); the offscreen platform has
#: no graphics API, so ``toImage`` converts on the CPU and says so.
pytestmark = pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) .* (library|symbols)", r".*No RHI backend\. Using CPU conversion\."
)


def grey_rows(picture: QImage) -> tuple[bytes, int, int]:
    grey = picture.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, line = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())
    return b"".join(data[y * line : y * line + width] for y in range(height)), width, height


def video_frame(picture: QImage, pixel_format: QVideoFrameFormat.PixelFormat) -> QVideoFrame:
    """``picture`` as a camera's driver hands it over: brightness and neutral colour in
    the planes of ``pixel_format`` (NV12: a brightness plane, then colour at half size;
    YUYV: brightness and colour bytes taking turns)."""
    rows, width, height = grey_rows(picture)
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height), pixel_format))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    try:
        if pixel_format is Format.Format_NV12:
            luma, line = memoryview(frame.bits(0)), frame.bytesPerLine(0)
            for y in range(height):
                luma[y * line : y * line + width] = rows[y * width : (y + 1) * width]
            chroma = memoryview(frame.bits(1))
            chroma[:] = b"\x80" * chroma.nbytes
        elif pixel_format is Format.Format_YUYV:
            data, line = memoryview(frame.bits(0)), frame.bytesPerLine(0)
            for y in range(height):
                row = bytearray(width * 2)
                row[0::2] = rows[y * width : (y + 1) * width]
                row[1::2] = b"\x80" * width
                data[y * line : y * line + width * 2] = row
        else:
            raise AssertionError(pixel_format)
    finally:
        frame.unmap()
    return frame


@contextmanager
def shown(qtbot: QtBot, view: CameraView) -> Iterator[CameraView]:
    qtbot.addWidget(view)
    view.resize(640, 520)
    view.show()
    try:
        yield view
    finally:
        view.hide()


@pytest.mark.parametrize(
    ("pixel_format", "spoilt"),
    [
        (Format.Format_NV12, "at an angle"),
        (Format.Format_YUYV, "turned 30°"),
        (Format.Format_BGRX8888, "card barcode"),
    ],
)
def test_pictures_from_the_video_sink_are_read_by_the_camera_view(
    qtbot: QtBot, pixel_format: QVideoFrameFormat.PixelFormat, spoilt: str
) -> None:
    picture = SPOILT[spoilt](demo.CARD_MAIN)
    if pixel_format is Format.Format_BGRX8888:
        frame = QVideoFrame(picture.convertToFormat(QImage.Format.Format_RGB32))
        assert frame.pixelFormat() is pixel_format
    else:
        frame = video_frame(picture, pixel_format)
    source = SinkFrames()
    view = CameraView(source, ScanLock())
    shown_pictures: list[QImage] = []
    source.frameReady.connect(shown_pictures.append)
    with shown(qtbot, view), qtbot.waitSignal(view.codeRead, timeout=10_000) as read:
        # The backend's thread would do this for every picture the camera takes.
        assert view.state is CameraState.STARTING
        source.sink.setVideoFrame(frame)
    assert read.args == [demo.CARD_MAIN]
    assert shown_pictures[0].size() == picture.size()


def test_a_picture_announced_twice_or_after_the_stop_is_not_shown_again(qtbot: QtBot) -> None:
    source = SinkFrames()
    shown_pictures: list[QImage] = []
    source.frameReady.connect(shown_pictures.append)
    frame = QVideoFrame(SPOILT["straight"](demo.CARD_MAIN))
    source.sink.setVideoFrame(frame)
    assert shown_pictures == []  # not started
    source.start()
    source.sink.setVideoFrame(frame)
    # A busy GUI thread gets the backend's announcements late, several at once: the
    # newest picture is shown once.
    source.sink.videoFrameChanged.emit(frame)
    assert len(shown_pictures) == 1
    source.stop()
    source.sink.setVideoFrame(QVideoFrame(SPOILT["glare"](demo.CARD_MAIN)))
    assert len(shown_pictures) == 1


def test_a_pc_without_a_camera_says_no_camera(qtbot: QtBot) -> None:
    """What Qt Multimedia answers on this PC (no camera), through the camera view."""
    view = CameraView(QtCamera(None), ScanLock())
    with shown(qtbot, view):
        qtbot.waitUntil(lambda: view.state is CameraState.MISSING, timeout=10_000)
        assert view.prompt.text() == "No camera found"
        assert view.source.problem == "no camera"


def test_a_camera_named_in_the_settings_that_is_not_there_is_missing(qtbot: QtBot) -> None:
    camera = QtCamera("Logitech C920")
    with qtbot.waitSignal(camera.failed, timeout=10_000):
        camera.start()
    assert camera.missing
    assert camera.problem == "no camera named 'Logitech C920'"
    camera.stop()


@pytest.mark.parametrize(("platform", "backend"), [("win32", "windows"), ("darwin", "darwin")])
def test_windows_and_macos_use_qt_multimedia_with_their_own_backend(
    monkeypatch: pytest.MonkeyPatch, platform: str, backend: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    source = open_frame_source("Logitech C920")
    assert isinstance(source, QtCamera)
    assert source.device == "Logitech C920"
    assert not isinstance(open_frame_source(""), NoCamera)
    monkeypatch.delenv("QT_MEDIA_BACKEND", raising=False)
    qt_multimedia.use_native_backend(platform)
    assert os.environ["QT_MEDIA_BACKEND"] == backend
    # An IT person's own choice stays.
    monkeypatch.setenv("QT_MEDIA_BACKEND", "ffmpeg")
    qt_multimedia.use_native_backend(platform)
    assert os.environ["QT_MEDIA_BACKEND"] == "ffmpeg"
