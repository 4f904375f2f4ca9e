"""The Linux camera (Video4Linux2) as far as it goes without one: the kernel's request
codes, each picture format the camera is asked for turned into what the decoder reads,
a device that is missing or is no camera said as "no camera", and a camera started again
only once the last run let go of it."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from pos_app.sandbox import demo_data as demo
from pos_app.ui.camera import v4l2
from pos_app.ui.camera.frames import ThreadedSource
from pos_app.ui.camera.reader import read_codes
from tests.helpers.camera import SPOILT


def test_the_request_codes_are_the_kernels() -> None:
    """The values of linux/videodev2.h on 64-bit Linux: a wrong structure size would make
    every request a different one."""
    assert {
        "QUERYCAP": v4l2.VIDIOC_QUERYCAP,
        "S_FMT": v4l2.VIDIOC_S_FMT,
        "REQBUFS": v4l2.VIDIOC_REQBUFS,
        "QUERYBUF": v4l2.VIDIOC_QUERYBUF,
        "QBUF": v4l2.VIDIOC_QBUF,
        "DQBUF": v4l2.VIDIOC_DQBUF,
        "STREAMON": v4l2.VIDIOC_STREAMON,
        "STREAMOFF": v4l2.VIDIOC_STREAMOFF,
        "S_PARM": v4l2.VIDIOC_S_PARM,
    } == {
        "QUERYCAP": 0x80685600,
        "S_FMT": 0xC0D05605,
        "REQBUFS": 0xC0145608,
        "QUERYBUF": 0xC0585609,
        "QBUF": 0xC058560F,
        "DQBUF": 0xC0585611,
        "STREAMON": 0x40045612,
        "STREAMOFF": 0x40045613,
        "S_PARM": 0xC0CC5616,
    }


def camera_picture() -> QImage:
    return SPOILT["at an angle"](demo.CARD_MAIN)


def pix_format(pixelformat: int, width: int, height: int, line: int) -> v4l2._PixFormat:
    pix = v4l2._PixFormat()
    pix.width, pix.height, pix.pixelformat, pix.bytesperline = width, height, pixelformat, line
    return pix


def grey_rows(picture: QImage) -> tuple[bytes, int, int]:
    grey = picture.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = grey.width(), grey.height()
    line = grey.bytesPerLine()
    data = bytes(grey.constBits())
    rows = b"".join(data[y * line : y * line + width] for y in range(height))
    return rows, width, height


def test_a_yuyv_picture_is_read_from_its_brightness() -> None:
    rows, width, height = grey_rows(camera_picture())
    # YUYV: brightness and colour bytes take turns (Y0 U Y1 V ...); grey has colour 128.
    yuyv = bytearray(len(rows) * 2)
    yuyv[0::2] = rows
    yuyv[1::2] = b"\x80" * len(rows)
    image = v4l2.to_image(bytes(yuyv), pix_format(v4l2.YUYV, width, height, width * 2))
    assert image is not None
    assert (image.width(), image.height()) == (width, height)
    assert read_codes(image) == [demo.CARD_MAIN]


def test_a_grey_picture_is_read_as_it_comes() -> None:
    rows, width, height = grey_rows(camera_picture())
    image = v4l2.to_image(rows, pix_format(v4l2.GREY, width, height, width))
    assert image is not None
    assert read_codes(image) == [demo.CARD_MAIN]


def test_a_motion_jpeg_picture_is_read_in_colour(qtbot: QtBot) -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert camera_picture().save(buffer, "JPG", 80)  # type: ignore[call-overload]  # str runs
    data = bytes(buffer.data().data())
    image = v4l2.to_image(data, pix_format(v4l2.MJPEG, 640, 480, 0))
    assert image is not None
    assert not image.isGrayscale()
    assert read_codes(image) == [demo.CARD_MAIN]


# Qt's JPEG reader says what it found wrong; the camera skips the picture.
@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_a_picture_cut_short_is_skipped() -> None:
    rows, width, height = grey_rows(camera_picture())
    assert (
        v4l2.to_image(rows[: len(rows) // 2], pix_format(v4l2.GREY, width, height, width)) is None
    )
    assert v4l2.to_image(b"\xff\xd8 not a whole jpeg", pix_format(v4l2.MJPEG, 640, 480, 0)) is None


@pytest.mark.parametrize("device", ["/dev/null", "/dev/video-not-there"])
def test_a_device_that_is_no_camera_is_said_to_be_missing(qtbot: QtBot, device: str) -> None:
    """Through the real capture thread: /dev/null opens but answers no camera requests."""
    camera = v4l2.V4l2Camera(device)
    with qtbot.waitSignal(camera.failed, timeout=10_000):
        camera.start()
    camera.stop()
    assert camera.missing
    assert device in camera.problem


def test_without_any_video_device_the_first_camera_is_missing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(v4l2, "camera_devices", list)
    camera = v4l2.V4l2Camera(None)
    with qtbot.waitSignal(camera.failed, timeout=10_000):
        camera.start()
    camera.stop()
    assert camera.missing
    assert camera.problem == "[Errno 19] no /dev/video* device"


class SlowToClose(ThreadedSource):
    """A camera whose driver takes its time to let go of the device after a stop."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []
        self.runs = 0
        self.let_go = threading.Event()

    def _capture(self, stop: threading.Event) -> None:
        self.runs += 1
        run = self.runs
        self.order.append(f"open {run}")
        stop.wait(10)
        if run == 1:
            assert self.let_go.wait(10)
        self.order.append(f"closed {run}")


def test_a_camera_started_again_waits_until_the_last_run_let_go_of_it(qtbot: QtBot) -> None:
    """Shown again straight after it was hidden (a kiosk's Done), the camera must not be
    opened while the last run still holds it: the driver would answer "busy"."""
    camera = SlowToClose()
    camera.start()
    qtbot.waitUntil(lambda: camera.order == ["open 1"], timeout=10_000)
    camera.stop()
    camera.start()
    camera.let_go.set()
    qtbot.waitUntil(lambda: "open 2" in camera.order, timeout=10_000)
    camera.stop()
    qtbot.waitUntil(lambda: "closed 2" in camera.order, timeout=10_000)
    assert camera.order == ["open 1", "closed 1", "open 2", "closed 2"]


class FakeDriver:
    """The kernel's side of a USB camera, as far as the capture code talks to it: answers
    its requests on a pipe (so that waiting for a picture is a real ``select``), offers
    only YUYV (Motion-JPEG is refused, as some cameras do) and fills each buffer it hands
    out with a picture of a QR code."""

    def __init__(self, picture: QImage) -> None:
        self.read_end, self.write_end = os.pipe()
        rows, self.width, self.height = grey_rows(picture)
        yuyv = bytearray(len(rows) * 2)
        yuyv[0::2] = rows
        yuyv[1::2] = b"\x80" * len(rows)
        self.picture = bytes(yuyv)
        self.buffers: list[bytearray] = []
        self.queued: list[int] = []
        self.calls: list[str] = []
        self.streaming = False
        self.unmapped = 0
        self.names = {getattr(v4l2, name): name for name in dir(v4l2) if name.startswith("VIDIOC_")}

    def picture_ready(self) -> None:
        os.write(self.write_end, b"!")

    def ioctl(self, fd: int, request: int, arg: Any) -> int:
        assert fd == self.read_end
        name = self.names[request]
        self.calls.append(name)
        if name == "VIDIOC_QUERYCAP":
            arg.capabilities = 0x80000000 | 0x04000001
            arg.device_caps = 0x04000001
        elif name == "VIDIOC_S_FMT":
            pix = arg.fmt.pix
            if pix.pixelformat != v4l2.YUYV:
                pix.pixelformat = v4l2.YUYV  # what it offers instead
            pix.width, pix.height = self.width, self.height
            pix.bytesperline = self.width * 2
        elif name == "VIDIOC_REQBUFS":
            arg.count = 2
            self.buffers = [bytearray(len(self.picture)) for _ in range(2)]
        elif name == "VIDIOC_QUERYBUF":
            arg.length = len(self.picture)
            arg.m.offset = arg.index * 4096
        elif name == "VIDIOC_QBUF":
            self.queued.append(arg.index)
        elif name == "VIDIOC_STREAMON":
            self.streaming = True
        elif name == "VIDIOC_STREAMOFF":
            self.streaming = False
        elif name == "VIDIOC_DQBUF":
            os.read(self.read_end, 1)
            if not self.queued:
                raise BlockingIOError(11, "no buffer filled yet")
            index = self.queued.pop(0)
            self.buffers[index][:] = self.picture
            arg.index, arg.bytesused = index, len(self.picture)
        return 0

    def mmap(self, fd: int, length: int, flags: int, prot: int, offset: int) -> FakeMapping:
        assert fd == self.read_end
        return FakeMapping(self, self.buffers[offset // 4096])


class FakeMapping:
    def __init__(self, driver: FakeDriver, buffer: bytearray) -> None:
        self.driver, self.buffer = driver, buffer

    def __getitem__(self, part: slice) -> bytes:
        return bytes(self.buffer[part])

    def close(self) -> None:
        self.driver.unmapped += 1


def test_the_capture_asks_for_a_format_streams_and_lets_go_of_the_camera(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = FakeDriver(camera_picture())
    opened: list[str] = []

    def open_device(path: str, flags: int) -> int:
        opened.append(path)
        return driver.read_end

    system = SimpleNamespace(
        open=open_device, close=os.close, O_RDWR=os.O_RDWR, O_NONBLOCK=os.O_NONBLOCK
    )
    monkeypatch.setattr(v4l2, "os", system)
    monkeypatch.setattr(v4l2, "fcntl", SimpleNamespace(ioctl=driver.ioctl))
    monkeypatch.setattr(
        v4l2,
        "mmap",
        SimpleNamespace(mmap=driver.mmap, MAP_SHARED=1, PROT_READ=1, PROT_WRITE=2),
    )
    camera = v4l2.V4l2Camera("/dev/video0")
    pictures: list[QImage] = []
    camera.frameReady.connect(pictures.append)
    camera.start()
    try:
        for _ in range(3):
            driver.picture_ready()
            count = len(pictures)

            def arrived(count: int = count) -> bool:
                return len(pictures) > count

            qtbot.waitUntil(arrived, timeout=10_000)
    finally:
        camera.stop()
    qtbot.waitUntil(lambda: driver.unmapped == 2, timeout=10_000)
    # Motion-JPEG was asked for first; the camera answered YUYV, which was asked for next.
    assert driver.calls[:5] == [
        "VIDIOC_QUERYCAP",
        "VIDIOC_S_FMT",
        "VIDIOC_S_FMT",
        "VIDIOC_S_PARM",
        "VIDIOC_REQBUFS",
    ]
    assert driver.calls[-1] == "VIDIOC_STREAMOFF"
    assert not driver.streaming
    # Every buffer taken was handed back to the driver.
    assert sorted(driver.queued) == [0, 1]
    assert opened == ["/dev/video0"]
    assert read_codes(pictures[-1]) == [demo.CARD_MAIN]
    os.close(driver.write_end)
