"""The camera view on its own: what it says while it starts, looks, reads, and when the
camera or the decoder stops working."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from pos_app.sandbox import demo_data as demo
from pos_app.services.scan_lock import ScanLock
from pos_app.ui.camera.frames import StillFrames
from pos_app.ui.camera.reader import CodeReader
from pos_app.ui.camera.view import CameraState, CameraView
from tests.helpers.camera import phone_with_qr


class Unplugged(StillFrames):
    """A camera that gives one picture and is then pulled out."""

    def _next(self) -> None:
        super()._next()
        self.stop()
        self._fail("/dev/video0: [Errno 19] No such device")


@pytest.fixture
def pictures() -> list[QImage]:
    return [phone_with_qr(demo.CARD_MAIN)]


@contextmanager
def shown(qtbot: QtBot, view: CameraView) -> Iterator[CameraView]:
    """On screen for the ``with`` block: the view runs while it is shown."""
    qtbot.addWidget(view)
    view.resize(640, 520)
    view.show()
    try:
        yield view
    finally:
        view.hide()


def test_a_camera_pulled_out_says_so_and_points_to_the_scanner(
    qtbot: QtBot, pictures: list[QImage]
) -> None:
    view = CameraView(Unplugged(pictures), ScanLock())
    with shown(qtbot, view):
        qtbot.waitUntil(lambda: view.state is CameraState.FAILED, timeout=10_000)
        assert view.prompt.text() == "The camera is not working"
        assert view.status.text() == (
            "Check its cable, or scan the card or QR code with the scanner."
        )
        assert not view.preview.isVisible()
        assert not view.reader.running


def broken_decoder(frame: QImage) -> list[str]:
    raise ImportError("zxingcpp")


def test_a_decoder_that_cannot_run_stops_the_camera(
    qtbot: QtBot, pictures: list[QImage], caplog: pytest.LogCaptureFixture
) -> None:
    source = StillFrames(pictures)
    view = CameraView(source, ScanLock(), reader=CodeReader(broken_decoder), kiosk=True)
    with shown(qtbot, view):
        qtbot.waitUntil(lambda: view.state is CameraState.FAILED, timeout=10_000)
        assert view.status.text() == "Please use the scanner, or ask a member of staff."
        assert not source._timer.isActive()
    assert "The code reader stopped" in caplog.text


def test_the_view_says_what_to_do_while_it_looks_and_when_it_read(
    qtbot: QtBot, pictures: list[QImage]
) -> None:
    view = CameraView(StillFrames(pictures), ScanLock())
    read: list[str] = []
    view.codeRead.connect(read.append)
    with shown(qtbot, view):
        assert view.prompt.text() == "Hold the QR code of the app in front of the camera"
        with qtbot.waitSignal(view.codeRead, timeout=10_000):
            pass
        assert view.state is CameraState.READ
        assert view.preview.read
        assert view.status.text() == "Code read. One moment…"
        # The green frame is a moment's feedback; then it looks again (locked: no new read).
        qtbot.waitUntil(lambda: view.state is CameraState.LOOKING, timeout=10_000)
        assert not view.preview.read
        assert view.status.text() == "Keep it inside the frame until it turns green."
    assert read == [demo.CARD_MAIN]
    assert view.state is CameraState.IDLE
