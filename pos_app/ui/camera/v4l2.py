"""A USB camera on Linux through Video4Linux2, the kernel's own camera interface.

Why not a library: Qt Multimedia would bring FFmpeg's libraries (about 25 MB) into a
bundle that has 2 MB to spare; the Python V4L2 packages (linuxpy, v4l2py, v4l2-python3)
are GPL, which this app's licence cannot take on; OpenCV is larger still. What the camera
needs is a handful of ``ioctl`` calls on the device and its memory-mapped buffers, which
the standard library does (``fcntl``, ``mmap``, ``ctypes`` for the kernel's structures),
so this module adds nothing to the bundle.

The camera is asked for :data:`~pos_app.ui.camera.frames.CAPTURE_SIZE` at
:data:`~pos_app.ui.camera.frames.CAPTURE_FPS`, as Motion-JPEG (colour, decoded by Qt's
JPEG reader, which the bundle has for reward pictures) or else YUYV or grey (the
brightness only: a grey preview, and exactly what the decoder reads).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import glob
import logging
import mmap
import os
import select
import threading

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from pos_app.ui.camera.frames import CAPTURE_FPS, CAPTURE_SIZE, ThreadedSource

log = logging.getLogger(__name__)

_u8, _u32, _s32 = ctypes.c_uint8, ctypes.c_uint32, ctypes.c_int32


class _Capability(ctypes.Structure):
    _fields_ = [
        ("driver", _u8 * 16),
        ("card", _u8 * 32),
        ("bus_info", _u8 * 32),
        ("version", _u32),
        ("capabilities", _u32),
        ("device_caps", _u32),
        ("reserved", _u32 * 3),
    ]


class _PixFormat(ctypes.Structure):
    _fields_ = [
        ("width", _u32),
        ("height", _u32),
        ("pixelformat", _u32),
        ("field", _u32),
        ("bytesperline", _u32),
        ("sizeimage", _u32),
        ("colorspace", _u32),
        ("priv", _u32),
        ("flags", _u32),
        ("ycbcr_enc", _u32),
        ("quantization", _u32),
        ("xfer_func", _u32),
    ]


class _FormatUnion(ctypes.Union):
    # The kernel's union also holds struct v4l2_window, whose pointers align it to 8.
    _fields_ = [("pix", _PixFormat), ("raw_data", _u8 * 200), ("_align", ctypes.c_void_p)]


class _Format(ctypes.Structure):
    _fields_ = [("type", _u32), ("fmt", _FormatUnion)]


class _Fract(ctypes.Structure):
    _fields_ = [("numerator", _u32), ("denominator", _u32)]


class _CaptureParm(ctypes.Structure):
    _fields_ = [
        ("capability", _u32),
        ("capturemode", _u32),
        ("timeperframe", _Fract),
        ("extendedmode", _u32),
        ("readbuffers", _u32),
        ("reserved", _u32 * 4),
    ]


class _ParmUnion(ctypes.Union):
    _fields_ = [("capture", _CaptureParm), ("raw_data", _u8 * 200)]


class _StreamParm(ctypes.Structure):
    _fields_ = [("type", _u32), ("parm", _ParmUnion)]


class _RequestBuffers(ctypes.Structure):
    _fields_ = [
        ("count", _u32),
        ("type", _u32),
        ("memory", _u32),
        ("capabilities", _u32),
        ("flags", _u8),
        ("reserved", _u8 * 3),
    ]


class _TimeVal(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_usec", ctypes.c_long)]


class _TimeCode(ctypes.Structure):
    _fields_ = [
        ("type", _u32),
        ("flags", _u32),
        ("frames", _u8),
        ("seconds", _u8),
        ("minutes", _u8),
        ("hours", _u8),
        ("userbits", _u8 * 4),
    ]


class _BufferM(ctypes.Union):
    _fields_ = [
        ("offset", _u32),
        ("userptr", ctypes.c_ulong),
        ("planes", ctypes.c_void_p),
        ("fd", _s32),
    ]


class _Buffer(ctypes.Structure):
    _fields_ = [
        ("index", _u32),
        ("type", _u32),
        ("bytesused", _u32),
        ("flags", _u32),
        ("field", _u32),
        ("timestamp", _TimeVal),
        ("timecode", _TimeCode),
        ("sequence", _u32),
        ("memory", _u32),
        ("m", _BufferM),
        ("length", _u32),
        ("reserved2", _u32),
        ("request_fd", _s32),
    ]


def _ioc(direction: int, number: int, size: int) -> int:
    """The request code of ``_IOC(direction, 'V', number, size)`` (asm-generic/ioctl.h)."""
    return (direction << 30) | (size << 16) | (ord("V") << 8) | number


_WRITE, _READ = 1, 2
VIDIOC_QUERYCAP = _ioc(_READ, 0, ctypes.sizeof(_Capability))
VIDIOC_S_FMT = _ioc(_READ | _WRITE, 5, ctypes.sizeof(_Format))
VIDIOC_REQBUFS = _ioc(_READ | _WRITE, 8, ctypes.sizeof(_RequestBuffers))
VIDIOC_QUERYBUF = _ioc(_READ | _WRITE, 9, ctypes.sizeof(_Buffer))
VIDIOC_QBUF = _ioc(_READ | _WRITE, 15, ctypes.sizeof(_Buffer))
VIDIOC_DQBUF = _ioc(_READ | _WRITE, 17, ctypes.sizeof(_Buffer))
VIDIOC_STREAMON = _ioc(_WRITE, 18, ctypes.sizeof(ctypes.c_int))
VIDIOC_STREAMOFF = _ioc(_WRITE, 19, ctypes.sizeof(ctypes.c_int))
VIDIOC_S_PARM = _ioc(_READ | _WRITE, 22, ctypes.sizeof(_StreamParm))

_BUF_TYPE_VIDEO_CAPTURE = 1
_MEMORY_MMAP = 1
_FIELD_NONE = 1
_CAP_VIDEO_CAPTURE = 0x00000001
_CAP_STREAMING = 0x04000000
_CAP_DEVICE_CAPS = 0x80000000
_BUFFERS = 4


def fourcc(code: str) -> int:
    a, b, c, d = (ord(ch) for ch in code)
    return a | (b << 8) | (c << 16) | (d << 24)


MJPEG, YUYV, GREY = fourcc("MJPG"), fourcc("YUYV"), fourcc("GREY")
#: In the order they are asked for.
PIXEL_FORMATS = (MJPEG, YUYV, GREY)


class CameraMissingError(OSError):
    """No capture device, or none this app can read."""


def camera_devices() -> list[str]:
    """The ``/dev/video*`` nodes, in number order (a camera often has two: the first
    captures, the other carries metadata)."""
    nodes = glob.glob("/dev/video*")
    return sorted(nodes, key=lambda node: (len(node), node))


def _can_capture(fd: int) -> bool:
    caps = _Capability()
    fcntl.ioctl(fd, VIDIOC_QUERYCAP, caps)
    flags = caps.device_caps if caps.capabilities & _CAP_DEVICE_CAPS else caps.capabilities
    return bool(flags & _CAP_VIDEO_CAPTURE and flags & _CAP_STREAMING)


def open_camera(device: str | None) -> tuple[int, str]:
    """An open capture device (its file descriptor and path): ``device``, or the first
    one that captures."""
    candidates = [device] if device else camera_devices()
    if not candidates:
        raise CameraMissingError(errno.ENODEV, "no /dev/video* device")
    problems = []
    for path in candidates:
        try:
            fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
        except OSError as exc:
            problems.append(f"{path}: {exc.strerror}")
            continue
        try:
            if _can_capture(fd):
                return fd, path
            problems.append(f"{path}: does not capture video")
        except OSError as exc:
            problems.append(f"{path}: {exc.strerror}")
        os.close(fd)
    raise CameraMissingError(errno.ENODEV, "; ".join(problems))


def _set_format(fd: int) -> _PixFormat:
    width, height = CAPTURE_SIZE
    for pixelformat in PIXEL_FORMATS:
        wanted = _Format(type=_BUF_TYPE_VIDEO_CAPTURE)
        pix = wanted.fmt.pix
        pix.width, pix.height, pix.pixelformat, pix.field = width, height, pixelformat, _FIELD_NONE
        fcntl.ioctl(fd, VIDIOC_S_FMT, wanted)
        # The driver answers with what it will do: the nearest size, perhaps another format.
        answer: _PixFormat = wanted.fmt.pix
        if answer.pixelformat == pixelformat:
            return answer
    raise CameraMissingError(errno.EINVAL, "the camera offers no format this app reads")


def _set_rate(fd: int) -> None:
    parm = _StreamParm(type=_BUF_TYPE_VIDEO_CAPTURE)
    parm.parm.capture.timeperframe = _Fract(1, CAPTURE_FPS)
    try:
        fcntl.ioctl(fd, VIDIOC_S_PARM, parm)
    except OSError:
        log.info("The camera keeps its own frame rate")  # some drivers have only one


def to_image(data: bytes, pix: _PixFormat) -> QImage | None:
    """One captured picture as a ``QImage`` (``None`` for a broken one: it is skipped)."""
    width, height = pix.width, pix.height
    if pix.pixelformat == MJPEG:
        # WORKAROUND: PySide6 6.11's stubs type the format as bytes, but only a str is
        # accepted when the call runs (bytes raise ValueError).
        image = QImage.fromData(data, "JPG")  # type: ignore[arg-type]
        return None if image.isNull() else image
    if pix.pixelformat == YUYV:
        line = pix.bytesperline or width * 2
        grey, line = data[::2], line // 2  # every other byte is the brightness
    else:
        line = pix.bytesperline or width
        grey = data
    if len(grey) < line * height:
        return None
    return QImage(grey, width, height, line, QImage.Format.Format_Grayscale8).copy()


class V4l2Camera(ThreadedSource):
    """The camera at ``device`` (``None``: the first that captures), read on a thread."""

    def __init__(self, device: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device

    def _capture(self, stop: threading.Event) -> None:
        try:
            fd, path = open_camera(self.device)
        except CameraMissingError as exc:
            self._failed_in_thread(str(exc), stop, missing=True)
            return
        try:
            self._stream(fd, path, stop)
        except OSError as exc:
            log.warning("The camera %s stopped: %s", path, exc)
            self._failed_in_thread(f"{path}: {exc}", stop, missing=False)
        finally:
            os.close(fd)

    def _stream(self, fd: int, path: str, stop: threading.Event) -> None:
        pix = _set_format(fd)
        _set_rate(fd)
        request = _RequestBuffers(count=_BUFFERS, type=_BUF_TYPE_VIDEO_CAPTURE, memory=_MEMORY_MMAP)
        fcntl.ioctl(fd, VIDIOC_REQBUFS, request)
        maps: list[mmap.mmap] = []
        kind = ctypes.c_int(_BUF_TYPE_VIDEO_CAPTURE)
        try:
            for index in range(request.count):
                buffer = _Buffer(index=index, type=_BUF_TYPE_VIDEO_CAPTURE, memory=_MEMORY_MMAP)
                fcntl.ioctl(fd, VIDIOC_QUERYBUF, buffer)
                maps.append(
                    mmap.mmap(
                        fd,
                        buffer.length,
                        mmap.MAP_SHARED,
                        mmap.PROT_READ | mmap.PROT_WRITE,
                        offset=buffer.m.offset,
                    )
                )
                fcntl.ioctl(fd, VIDIOC_QBUF, buffer)
            fcntl.ioctl(fd, VIDIOC_STREAMON, kind)
            log.info(
                "Camera %s: %dx%d %s",
                path,
                pix.width,
                pix.height,
                pix.pixelformat.to_bytes(4, "little").decode("ascii", "replace"),
            )
            while not stop.is_set():
                ready, _, _ = select.select([fd], [], [], 0.2)
                if not ready:
                    continue
                buffer = _Buffer(type=_BUF_TYPE_VIDEO_CAPTURE, memory=_MEMORY_MMAP)
                try:
                    fcntl.ioctl(fd, VIDIOC_DQBUF, buffer)
                except BlockingIOError:
                    continue
                data = maps[buffer.index][: buffer.bytesused]
                fcntl.ioctl(fd, VIDIOC_QBUF, buffer)
                image = to_image(data, pix)
                if image is not None:
                    self._deliver(image, stop)
        finally:
            with contextlib.suppress(OSError):  # closing the device stops it anyway
                fcntl.ioctl(fd, VIDIOC_STREAMOFF, kind)
            for mapped in maps:
                mapped.close()
