"""The camera's decoder on this machine: decode time per picture and pictures looked at.

Two figures, each printed next to the limit it is measured against:

* decode time per picture (p50, p95, max) of zxing-cpp on camera-sized pictures
  (640×480, the size the camera is asked for) holding generated codes spoilt the ways the
  tests spoil them (turned, out of focus, glare, at an angle, 1D barcodes on a card) and
  pictures with no code at all (what the decoder sees most of the time), next to the frame
  interval at the capture rate (30 pictures a second: 33.3 ms). Under it, the decoder keeps
  up with every picture; over it, it looks at fewer and the preview still runs at full rate.
* the real path (still pictures played at 30 a second by the fake picture source → the
  reader's thread → a code read): pictures offered, looked at and dropped per second, and
  the time from the first picture to the first code read, next to the frame interval.
* what a camera view left on costs (a kiosk's home screen all day): the process's CPU time
  per second while the view shows a code it already read (preview painted, every picture
  decoded), against one core.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/camera_decode.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from pos_app.sandbox import demo_data as demo
from pos_app.ui.camera.frames import CAPTURE_FPS, CAPTURE_SIZE, StillFrames
from pos_app.ui.camera.reader import CodeReader, read_codes
from tests.helpers.camera import SPOILT, empty_room

FRAME_INTERVAL_MS = 1000 / CAPTURE_FPS


def _ms(seconds: float) -> float:
    return seconds * 1000


def _against(ms: float) -> str:
    verdict = "under" if ms <= FRAME_INTERVAL_MS else "OVER"
    return f"{verdict} the {FRAME_INTERVAL_MS:.1f} ms frame interval at {CAPTURE_FPS} fps"


def decode_times(rounds: int) -> None:
    pictures: dict[str, QImage] = {name: make(demo.CARD_MAIN) for name, make in SPOILT.items()}
    pictures["no code"] = empty_room()
    print(
        f"decode time per {CAPTURE_SIZE[0]}×{CAPTURE_SIZE[1]} picture, {rounds} rounds, "
        f"limit: the frame interval {FRAME_INTERVAL_MS:.1f} ms"
    )
    everything: list[float] = []
    for name, picture in pictures.items():
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            found = read_codes(picture)
            times.append(_ms(time.perf_counter() - started))
        everything += times
        expected = [] if name == "no code" else [demo.CARD_MAIN]
        read = ("read" if expected else "nothing found") if found == expected else f"WRONG: {found}"
        print(
            f"  {name:36s} p50 {statistics.median(times):5.1f} ms  max {max(times):5.1f} ms"
            f"  ({read})"
        )
    everything.sort()
    p95 = everything[int(len(everything) * 0.95) - 1]
    print(
        f"  all pictures: p50 {statistics.median(everything):.1f} ms, p95 {p95:.1f} ms, "
        f"max {everything[-1]:.1f} ms; p95 {_against(p95)}"
    )


def real_path(seconds: float) -> None:
    """The fake source at the capture rate feeding the reader, as the camera view does."""
    source = StillFrames([SPOILT["at an angle"](demo.CARD_MAIN)], fps=CAPTURE_FPS)
    reader = CodeReader()
    source.frameReady.connect(reader.offer)
    clock = QElapsedTimer()
    first_read: list[float] = []
    reader.decoded.connect(
        lambda _text: first_read.append(clock.nsecsElapsed() / 1e6) if not first_read else None
    )
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    reader.start()
    clock.start()
    source.start()
    loop.exec()
    source.stop()
    reader.stop()
    stats = reader.stats
    per_second = {
        "offered": stats.offered / seconds,
        "looked at": stats.looked_at / seconds,
        "dropped": stats.dropped / seconds,
    }
    rates = ", ".join(f"{name} {rate:.1f}/s" for name, rate in per_second.items())
    print(f"real path for {seconds:.0f} s (fake source at {CAPTURE_FPS} fps → reader thread):")
    print(f"  pictures {rates}; target: looked at = offered ({CAPTURE_FPS}/s)")
    if first_read:
        print(
            f"  first code read {first_read[0]:.1f} ms after the source started "
            f"(its first picture is due at {FRAME_INTERVAL_MS:.1f} ms)"
        )
    times = [_ms(t) for t in stats.decode_seconds]
    if times:
        print(
            f"  decode on the reader's thread: p50 {statistics.median(times):.1f} ms, "
            f"max {max(times):.1f} ms; p50 {_against(statistics.median(times))}"
        )


def view_left_on(seconds: float) -> None:
    """The camera view on screen, looking at a code it has read already."""
    from pos_app.services.scan_lock import ScanLock
    from pos_app.ui.camera.view import CameraView

    lock = ScanLock()
    lock.admit(demo.CARD_MAIN)
    view = CameraView(StillFrames([SPOILT["at an angle"](demo.CARD_MAIN)]), lock)
    view.resize(800, 600)
    view.show()
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    cpu, wall = time.process_time(), time.perf_counter()
    loop.exec()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    looked_at = view.reader.stats.looked_at
    view.hide()
    print(
        f"camera view left on for {wall:.0f} s (800×600, {looked_at / wall:.1f} pictures "
        f"decoded a second): {100 * cpu / wall:.0f} % of one core"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="decodes per picture")
    parser.add_argument("--seconds", type=float, default=5.0, help="real-path run time")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert app is not None
    decode_times(args.rounds)
    real_path(args.seconds)
    view_left_on(args.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
