"""The README's pictures of the counter screen, made from the demo (refresh after UI changes).

Runs the real app in demo mode without a display (Qt's offscreen platform), scans the
demo card, waits until the list and the side panel are in, and saves the window as PNG:

    .venv/bin/python docs/make_screenshots.py            # writes docs/counter.png
    .venv/bin/python docs/make_screenshots.py --size 1024x768 --out /tmp/counter-1024.png
    .venv/bin/python docs/make_screenshots.py --reports  # writes docs/reports.png
    .venv/bin/python docs/make_screenshots.py --claim --language nl  # docs/claim-*-nl.png
    .venv/bin/python docs/make_screenshots.py --prepare  # writes docs/to-prepare.png
    .venv/bin/python docs/make_screenshots.py --prepare --pick-list /tmp/pick  # + its PDFs

``--reports`` shows the managers' Reports page for a known day of pickups (the one the
report tests use: several staff, hours, titles, reversals, a refund and claims at the
counter), from a throw-away journal.

``--claim`` shows Claim with points for the demo card: the rewards the customer can claim,
then the confirmation for the Shop mug, each over the counter screen (``claim-list`` and
``claim-confirm``, with the language and size in the name unless ``--out`` names the list's
picture).

``--return-choice`` hands one of the demo customer's rewards over, opens Recent pickups and
the reverse dialog for it with "Refund the points" chosen, and saves the whole screen (the
dialog is a window of its own): run it under a virtual display of the size wanted, e.g.

    xvfb-run -a -s "-screen 0 1024x768x24" env QT_QPA_PLATFORM=xcb POS_APP_LANGUAGE=de \
        .venv/bin/python docs/make_screenshots.py --return-choice --out /tmp/return-de.png

``--camera looking`` (or ``read``) shows the camera page with the demo's still pictures
(a phone with DEMO-CARD-1's QR code) instead of a camera: ``looking`` as while the code is
being held up (locked as read already, so the page stays), ``read`` just after it was read
(not searched, so the page stays), ``missing`` with this PC's own camera, or none;
``--kiosk`` shows the kiosk's home screen with the
camera on (``kiosk_camera``) instead of the counter window:

    .venv/bin/python docs/make_screenshots.py --camera read --out docs/camera.png
    .venv/bin/python docs/make_screenshots.py --camera looking --kiosk --out /tmp/kiosk.png

``--prepare`` shows the To prepare page of the demo shop with a few claims marked ready on
the shelf; ``--pick-list`` also saves its pick list as PDF, on 80 mm paper and on A4
(``PREFIX-80mm.pdf``, ``PREFIX-a4.pdf``). The language is ``POS_APP_LANGUAGE``'s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.demo import DemoSession
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.ui.app import configure_application, open_services, set_app_identity
from pos_app.ui.counter import LOOKUP, MainWindow

HERE = Path(__file__).resolve().parent
W = TypeVar("W", bound=QWidget)


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


async def shoot_claim(
    session: DemoSession, size: tuple[int, int], out: Path, card: str = demo.CARD_MAIN
) -> None:
    from PySide6.QtGui import QPainter
    from PySide6.QtTest import QTest

    from pos_app.ui.claim.dialogs import ClaimConfirmDialog, ClaimListDialog

    services = await open_services(
        session.settings, build_clients(session.settings, session.secrets), session.secrets
    )
    window = MainWindow(services, demo=session.info)

    def over_window(dialog: QWidget, path: Path) -> None:
        # The window and its dialog as the cashier sees them: the dialog in the middle.
        picture = window.grab()
        painter = QPainter(picture)
        shot = dialog.grab()
        painter.drawPixmap(
            (picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 2, shot
        )
        painter.end()
        if not picture.save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(f"{path} ({size[0]}×{size[1]})")

    try:
        window.resize(*size)
        window.show()
        window.start()
        await _until(lambda: window.tasks.pending == 0)
        window.search_input.setText(card)
        window.search_input.returnPressed.emit()
        await _until(lambda: window.customer is not None and not window.tasks.is_running(LOOKUP))
        await _until(lambda: not window.progress_panel.is_loading())
        window.counter_screen.customer_page.claim_button.click()
        await _until(lambda: _visible(ClaimListDialog) is not None)
        listing = _visible(ClaimListDialog)
        assert isinstance(listing, ClaimListDialog)
        await _until(lambda: listing.model.rowCount() > 0)
        await asyncio.sleep(1.5)  # the pictures painted
        out.parent.mkdir(parents=True, exist_ok=True)
        over_window(listing, out)
        if card != demo.CARD_MAIN:
            listing.reject()
            await _until(lambda: window.tasks.pending == 0)
            return
        titles = [listing.model.reward(r).title for r in range(listing.model.rowCount())]
        listing.list.setCurrentIndex(listing.model.index(titles.index("Shop mug"), 0))
        listing.claim_button.click()
        await _until(lambda: _visible(ClaimConfirmDialog) is not None)
        confirm = _visible(ClaimConfirmDialog)
        assert isinstance(confirm, ClaimConfirmDialog)
        QTest.keyClick(confirm.agree, Qt.Key.Key_Space)
        await asyncio.sleep(0.5)
        over_window(confirm, out.with_name(out.name.replace("claim-list", "claim-confirm")))
        confirm.reject()
        await _until(lambda: window.tasks.pending == 0)
    finally:
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.close()
        await closed.wait()
        await services.aclose()


async def shoot_return_choice(session: DemoSession, out: Path) -> None:
    from pos_app.services.identify import CustomerLookup
    from pos_app.storage import ReverseReason
    from pos_app.ui.i18n import use_language
    from pos_app.ui.managers.reverse_dialog import ReturnAction, ReverseDialog

    use_language(session.settings.language)  # POS_APP_LANGUAGE, as the app does
    if session.info.staff_added is not None:
        await asyncio.to_thread(session.info.staff_added)  # the manager whose PIN it asks
    services = await open_services(
        session.settings, build_clients(session.settings, session.secrets), session.secrets
    )
    window = MainWindow(services, demo=session.info)
    screen = window.screen().availableGeometry()
    try:
        window.resize(screen.width(), screen.height())
        window.show()
        window.start()
        await _until(lambda: window.tasks.pending == 0)
        desk, piggy = window.counter.desk, services.clients.piggy
        assert desk is not None
        assert piggy is not None
        lookup = CustomerLookup(piggy)
        customer = await lookup.by_card(demo.CARD_MAIN)
        now = lookup.now()
        item = next(i for i in await lookup.rewards(customer.uuid) if i.can_hand_over(now))
        pickup = (await desk.collect(customer.uuid, item, customer_name="Robin V.")).operation
        assert pickup is not None
        window.show_recent_pickups()
        view = window.recent_view
        assert view is not None
        await _until(lambda: view.model.row_of(pickup.operation_id) is not None)
        view.select_operation(pickup.operation_id)
        view.reverse_button.click()
        dialog = await _dialog(ReverseDialog)
        dialog.choose_action(ReturnAction.REFUND)
        dialog.choose(ReverseReason.RETURNED)
        dialog.pin.field.add_digit("1")
        await asyncio.sleep(1.0)  # painted
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.screen().grabWindow(0).save(str(out)):
            raise SystemExit(f"could not write {out}")
        print(f"{out} ({screen.width()}×{screen.height()})")
        dialog.reject()
    finally:
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.close()
        await closed.wait()
        await services.aclose()


async def _dialog(kind: type[W]) -> W:
    found: list[W] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)]
        return any(w.isVisible() for w in found)

    await _until(shown)
    return next(w for w in found if w.isVisible())


def _visible(kind: type[QWidget]) -> QWidget | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
    )


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
    from tests.helpers.report_data import (
        DAY,
        TZ,
        SettableClock,
        write_known_days,
        write_refund_and_claims,
    )

    with tempfile.TemporaryDirectory(prefix="pos-app-reports-") as folder:
        clock = SettableClock()
        with Journal.open(
            Path(folder) / "journal.sqlite3", shop_uuid="shop-1", counter="Counter 1", clock=clock
        ) as journal:
            write_known_days(journal, clock)
            write_refund_and_claims(journal, clock)

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


async def shoot_prepare(
    session: DemoSession, size: tuple[int, int], out: Path, pick_list: Path | None
) -> None:
    from pos_app.services.settings import SlipPaper
    from pos_app.ui.i18n import use_language
    from pos_app.ui.prepare.pick_list import PickList, save_pick_list_pdf

    use_language(session.settings.language)
    services = await open_services(
        session.settings, build_clients(session.settings, session.secrets), session.secrets
    )
    window = MainWindow(services, demo=session.info)
    try:
        window.resize(*size)
        window.show()
        window.start()
        await _until(lambda: window.tasks.pending == 0)
        window.show_to_prepare()
        assert window.prepare_page is not None
        view = window.prepare_page.view
        await _until(lambda: view.model.prepare_list() is not None and not view.is_loading())
        # Ready on the shelf: one claim of the first reward, and the whole second reward.
        model = view.model
        marked: list[object] = []
        view.marked.connect(marked.append)
        for done, index in enumerate((model.index(1, 0, model.index(0, 0)), model.index(1, 0))):
            view.tree.setCurrentIndex(index)
            view.ready_button.click()
            await _until(lambda done=done: len(marked) > done)
        view.tree.setCurrentIndex(model.index(0, 0, model.index(0, 0)))
        view.tree.scrollToTop()
        await asyncio.sleep(1.0)  # painted
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise SystemExit(f"could not write {out}")
        print(f"{out} ({size[0]}×{size[1]})")
        prepare = model.prepare_list()
        if pick_list is not None and prepare is not None:
            pick = PickList.of(prepare, shop_name=window.counter.shop_name, now=prepare.fetched_at)
            for paper, suffix in ((SlipPaper.RECEIPT, "80mm"), (SlipPaper.A4, "a4")):
                path = pick_list.with_name(f"{pick_list.name}-{suffix}.pdf")
                pages = save_pick_list_pdf(pick, path, paper)
                print(f"{path} ({pages} pages)")
    finally:
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.close()
        await closed.wait()
        await services.aclose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x740", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--reports", action="store_true", help="the managers' Reports page")
    parser.add_argument("--claim", action="store_true", help="Claim with points, two pictures")
    parser.add_argument(
        "--return-choice",
        action="store_true",
        help="the reverse dialog's choice for a returned reward (the whole screen)",
    )
    parser.add_argument("--language", default="en", help="en, nl or de")
    parser.add_argument("--card", default=demo.CARD_MAIN, help="the card scanned, for --claim")
    parser.add_argument("--camera", choices=("looking", "read", "missing"), help="the camera page")
    parser.add_argument("--kiosk", action="store_true", help="with --camera: the kiosk's home")
    parser.add_argument("--prepare", action="store_true", help="the To prepare page")
    parser.add_argument("--pick-list", type=Path, help="with --prepare: save PREFIX-*.pdf")
    args = parser.parse_args(argv)
    default = "reports.png" if args.reports else "counter.png"
    if args.return_choice:
        default = "return-choice.png"
    if args.prepare:
        default = "to-prepare.png"
    if args.claim:
        default = f"claim-list-{args.language}-{args.size.lower()}.png"
    out = args.out or HERE / default
    width, height = (int(n) for n in args.size.lower().split("x"))
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    set_app_identity(app)
    configure_application(app)
    if args.reports:
        from pos_app.ui.i18n import use_language

        use_language(args.language)
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(shoot_reports((width, height), out))
        return 0
    with (
        DemoSession() as session,
        asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner,
    ):
        if args.return_choice:
            runner.run(shoot_return_choice(session, out))
        elif args.prepare:
            runner.run(shoot_prepare(session, (width, height), out, args.pick_list))
        elif args.claim:
            from pos_app.ui.i18n import use_language

            use_language(args.language)
            runner.run(shoot_claim(session, (width, height), out, args.card))
        else:
            runner.run(shoot(session, (width, height), out, camera=args.camera, kiosk=args.kiosk))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
