"""The README's pictures of the counter screen, made from the demo (refresh after UI changes).

Runs the real app in demo mode without a display (Qt's offscreen platform), scans the
demo card, waits until the list and the side panel are in, and saves the window as PNG:

    .venv/bin/python docs/make_screenshots.py            # writes docs/counter.png
    .venv/bin/python docs/make_screenshots.py --size 1024x768 --out /tmp/counter-1024.png
    .venv/bin/python docs/make_screenshots.py --reports  # writes docs/reports.png

``--reports`` shows the managers' Reports page for a known day of pickups (the one the
report tests use: several staff, hours, titles and reversals), from a throw-away journal.

``--camera looking`` (or ``read``) shows the camera page with the demo's still pictures
(a phone with DEMO-CARD-1's QR code) instead of a camera: ``looking`` as while the code is
being held up (locked as read already, so the page stays), ``read`` just after it was read
(not searched, so the page stays), ``missing`` with this PC's own camera, or none;
``--kiosk`` shows the kiosk's home screen with the
camera on (``kiosk_camera``) instead of the counter window:

    .venv/bin/python docs/make_screenshots.py --camera read --out docs/camera.png
    .venv/bin/python docs/make_screenshots.py --camera looking --kiosk --out /tmp/kiosk.png
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from pos_app.demo import DemoSession
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.ui.app import configure_application, open_services, set_app_identity
from pos_app.ui.counter import LOOKUP, MainWindow

HERE = Path(__file__).resolve().parent


async def shoot(
    session: DemoSession,
    size: tuple[int, int],
    out: Path,
    *,
    camera: str | None = None,
    kiosk: bool = False,
) -> None:
    settings = session.settings
    if camera is not None:
        device = None if camera == "missing" else "demo"
        settings = settings.with_overrides(camera_device=device, kiosk=kiosk, kiosk_camera=kiosk)
    if kiosk and session.info.staff_added is not None:
        session.info.staff_added()  # the kiosk's first start asks for a manager otherwise
    services = await open_services(
        settings, build_clients(settings, session.secrets), session.secrets
    )
    window = MainWindow(services, demo=session.info)
    try:
        if camera == "looking":
            window.camera.lock.admit(demo.CARD_MAIN)  # read already: the page stays
        elif camera == "read":
            window.camera.codeRead.disconnect(window.identify.scanned)
        if window.kiosk is None:  # a kiosk takes the whole screen
            window.resize(*size)
        window.show()
        window.start()
        await _until(lambda: window.tasks.pending == 0)
        if camera is not None:
            await _camera_shown(window, camera)
        else:
            await _customer_shown(window)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise SystemExit(f"could not write {out}")
        print(f"{out} ({window.width()}×{window.height()})")
    finally:
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        if window.kiosk is not None:
            window.kiosk.unlocked = True
        window.close()
        await closed.wait()
        await services.aclose()


async def _camera_shown(window: MainWindow, state: str) -> None:
    from pos_app.ui.camera.view import CameraState

    if window.kiosk is None:
        assert window.camera.button is not None
        window.camera.button.click()
    view = window.camera.view
    assert view is not None
    wanted = {"read": CameraState.READ, "missing": CameraState.MISSING}.get(
        state, CameraState.LOOKING
    )
    await _until(lambda: view.state is wanted)
    await asyncio.sleep(0.3)  # a few more pictures painted


async def _customer_shown(window: MainWindow) -> None:
    window.search_input.setText(demo.CARD_MAIN)
    window.search_input.returnPressed.emit()
    await _until(lambda: window.model.rowCount() > 0 and not window.tasks.is_running(LOOKUP))
    await _until(lambda: not window.progress_panel.is_loading())
    await _until(lambda: window.tasks.pending == 0)
    await asyncio.sleep(1.0)  # the last pictures painted, the scan flash over


async def _until(condition: object, within: float = 20.0) -> None:
    assert callable(condition)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            raise SystemExit("the demo did not get there in time")
        await asyncio.sleep(0.02)


async def shoot_reports(size: tuple[int, int], out: Path) -> None:
    import tempfile

    sys.path.insert(0, str(HERE.parent))  # the report tests' known day
    from pos_app.services.reports import Report, ReportPeriod, local_report
    from pos_app.storage import Journal
    from pos_app.ui.managers.reports import ReportsDialog
    from tests.helpers.report_data import DAY, TZ, SettableClock, write_known_days

    with tempfile.TemporaryDirectory(prefix="pos-app-reports-") as folder:
        clock = SettableClock()
        with Journal.open(
            Path(folder) / "journal.sqlite3", shop_uuid="shop-1", counter="Counter 1", clock=clock
        ) as journal:
            write_known_days(journal, clock)

            async def load(period: ReportPeriod) -> Report:
                return local_report(journal, period, TZ)

            dialog = ReportsDialog(load, today=lambda: DAY, tz=TZ)
            dialog.resize(*size)
            dialog.show()
            await _until(lambda: dialog.report is not None)
            await asyncio.sleep(0.5)  # painted
            out.parent.mkdir(parents=True, exist_ok=True)
            if not dialog.grab().save(str(out)):
                raise SystemExit(f"could not write {out}")
            print(f"{out} ({size[0]}×{size[1]})")
            dialog.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x740", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--reports", action="store_true", help="the managers' Reports page")
    parser.add_argument("--camera", choices=("looking", "read", "missing"), help="the camera page")
    parser.add_argument("--kiosk", action="store_true", help="with --camera: the kiosk's home")
    args = parser.parse_args(argv)
    out = args.out or HERE / ("reports.png" if args.reports else "counter.png")
    width, height = (int(n) for n in args.size.lower().split("x"))
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    set_app_identity(app)
    configure_application(app)
    if args.reports:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(shoot_reports((width, height), out))
        return 0
    with (
        DemoSession() as session,
        asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner,
    ):
        runner.run(shoot(session, (width, height), out, camera=args.camera, kiosk=args.kiosk))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
