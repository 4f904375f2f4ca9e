"""Which camera source each platform gets: Linux its own Video4Linux2 code, Windows and
macOS Qt Multimedia, and an install without Qt Multimedia "no camera" instead of an error."""

from __future__ import annotations

import sys

import pytest
from pytestqt.qtbot import QtBot

from pos_app.services.scan_lock import ScanLock
from pos_app.ui.camera.frames import NoCamera, open_frame_source
from pos_app.ui.camera.view import CameraState, CameraView


def test_linux_keeps_its_video4linux2_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    from pos_app.ui.camera.v4l2 import V4l2Camera

    monkeypatch.setattr(sys, "platform", "linux")
    source = open_frame_source("/dev/video2")
    assert isinstance(source, V4l2Camera)


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_without_qt_multimedia_says_no_camera(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    """An install that lacks PySide6-Addons: the camera page says "No camera found"."""
    monkeypatch.setattr(sys, "platform", platform)
    # As if PySide6-Addons were not installed: importing it fails.
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    monkeypatch.delitem(sys.modules, "pos_app.ui.camera.qt_multimedia", raising=False)
    source = open_frame_source(None)
    assert isinstance(source, NoCamera)
    view = CameraView(source, ScanLock())
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.state is CameraState.MISSING, timeout=10_000)
    assert view.prompt.text() == "No camera found"
    assert source.problem.startswith("no Qt Multimedia: ")
    view.hide()
