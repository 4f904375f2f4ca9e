"""The camera's decoder: generated codes in spoilt still pictures, read through the real
path (a picture source, the reader's thread, zxing-cpp), and the lock against twice."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from pos_app.sandbox import demo_data as demo
from pos_app.services.scan_lock import ScanLock
from pos_app.ui.camera.frames import StillFrames
from pos_app.ui.camera.reader import CodeReader, read_codes
from tests.helpers.camera import SPOILT, empty_room, phone_with_qr


def reading(qtbot: QtBot, frames: Sequence[QImage]) -> tuple[StillFrames, CodeReader]:
    source = StillFrames(frames)
    reader = CodeReader()
    source.frameReady.connect(reader.offer)
    reader.start()
    source.start()
    return source, reader


def stop(source: StillFrames, reader: CodeReader) -> None:
    source.stop()
    reader.stop()


@pytest.mark.parametrize("spoilt", SPOILT)
def test_a_code_in_a_spoilt_picture_is_read(qtbot: QtBot, spoilt: str) -> None:
    picture = SPOILT[spoilt](demo.CARD_MAIN)
    source, reader = reading(qtbot, [picture])
    try:
        with qtbot.waitSignal(reader.decoded, timeout=10_000) as read:
            pass
    finally:
        stop(source, reader)
    assert read.args == [demo.CARD_MAIN]


def test_a_pickup_slip_reference_is_read_as_it_is_printed(qtbot: QtBot) -> None:
    assert read_codes(phone_with_qr("PU-7K3M9Q2X")) == ["PU-7K3M9Q2X"]


def test_a_picture_without_a_code_reads_nothing(qtbot: QtBot) -> None:
    source, reader = reading(qtbot, [empty_room()])
    read: list[str] = []
    reader.decoded.connect(read.append)
    try:
        qtbot.waitUntil(lambda: reader.stats.looked_at >= 3, timeout=10_000)
    finally:
        stop(source, reader)
    assert read == []


class HeldDecoder:
    """A decoder that waits inside each decode until the test lets it go."""

    def __init__(self) -> None:
        self.seen: list[QImage] = []
        self.inside = threading.Event()
        #: One release lets one decode finish.
        self.go_on = threading.Semaphore(0)

    def __call__(self, frame: QImage) -> list[str]:
        self.seen.append(frame)
        self.inside.set()
        assert self.go_on.acquire(timeout=10)
        return [frame.text("code")]


def picture(code: str) -> QImage:
    image = QImage(4, 4, QImage.Format.Format_Grayscale8)
    image.setText("code", code)
    return image


def test_pictures_offered_during_a_decode_leave_only_the_newest_waiting(qtbot: QtBot) -> None:
    decoder = HeldDecoder()
    reader = CodeReader(decoder)
    read: list[str] = []
    reader.decoded.connect(read.append)
    reader.start()
    try:
        reader.offer(picture("first"))
        assert decoder.inside.wait(10)
        # The decoder is busy: each offer returns at once and replaces the one waiting.
        for code in ("second", "third", "fourth"):
            reader.offer(picture(code))
        decoder.go_on.release()
        qtbot.waitUntil(lambda: len(decoder.seen) == 2, timeout=10_000)
        decoder.go_on.release()
        qtbot.waitUntil(lambda: read == ["first", "fourth"], timeout=10_000)
    finally:
        decoder.go_on.release(5)
        reader.stop()
    assert [frame.text("code") for frame in decoder.seen] == ["first", "fourth"]
    assert reader.stats.dropped == 2


def test_a_decode_that_ends_after_stop_is_not_said(qtbot: QtBot) -> None:
    decoder = HeldDecoder()
    reader = CodeReader(decoder)
    read: list[str] = []
    reader.decoded.connect(read.append)
    reader.start()
    reader.offer(picture("late"))
    assert decoder.inside.wait(10)
    reader.stop()
    reader.start()  # a new run: the old one's answer must not speak for it
    try:
        decoder.go_on.release()
        reader.offer(picture("now"))
        decoder.go_on.release()
        qtbot.waitUntil(lambda: read != [], timeout=10_000)
    finally:
        decoder.go_on.release(5)
        reader.stop()
    assert read == ["now"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_same_code_is_read_once_while_it_stays_in_view() -> None:
    clock = FakeClock()
    lock = ScanLock(5.0, clock=clock)
    admitted = []
    for _ in range(20):  # held still for 20 s, seen every second
        admitted.append(lock.admit("DEMO-CARD-1"))
        clock.now += 1.0
    assert admitted == [True] + [False] * 19


def test_the_same_code_is_read_again_once_it_was_out_of_view_for_the_lock_time() -> None:
    clock = FakeClock()
    lock = ScanLock(5.0, clock=clock)
    assert lock.admit("DEMO-CARD-1")
    clock.now += 4.9
    assert not lock.admit("DEMO-CARD-1")
    clock.now += 5.0
    assert lock.admit("DEMO-CARD-1")


def test_another_code_is_read_at_once() -> None:
    clock = FakeClock()
    lock = ScanLock(5.0, clock=clock)
    assert lock.admit("DEMO-CARD-1")
    assert lock.admit("DEMO-CARD-2")
    assert lock.admit("DEMO-CARD-1")


def test_the_reader_reads_a_qimage_without_numpy() -> None:
    assert read_codes(phone_with_qr("DEMO-CARD-2")) == ["DEMO-CARD-2"]
    assert "numpy" not in sys.modules


@pytest.mark.parametrize(
    "kind",
    [
        QImage.Format.Format_Grayscale8,
        QImage.Format.Format_RGB32,
        QImage.Format.Format_ARGB32_Premultiplied,
        QImage.Format.Format_RGB888,
        QImage.Format.Format_Indexed8,
        QImage.Format.Format_RGB16,
    ],
)
def test_a_picture_is_read_whatever_its_pixel_format(kind: QImage.Format) -> None:
    """Some formats zxing-cpp reads as they are, the others are turned grey for it."""
    picture = SPOILT["straight"](demo.CARD_MAIN).convertToFormat(kind)
    assert read_codes(picture) == [demo.CARD_MAIN]


def test_the_app_quitting_during_a_decode_ends_cleanly() -> None:
    """Python ending while the decoder's thread is inside zxing-cpp aborted the process
    ("terminate called without an active exception") after nanobind reported zxing-cpp's
    objects as leaked: the thread must leave its decode first."""
    code = (
        "from PySide6.QtGui import QColor, QGuiApplication, QImage\n"
        "app = QGuiApplication([])\n"
        "from pos_app.ui.camera.reader import CodeReader\n"
        "big = QImage(4000, 3000, QImage.Format.Format_RGB32)\n"  # a decode of some 100 ms
        "big.fill(QColor('#808080'))\n"
        "reader = CodeReader()\n"
        "reader.start()\n"
        "reader.offer(big)\n"
        "print('quitting', flush=True)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "quitting\n", "")
