"""The README's pictures of the counter screen, made from the demo (refresh after UI changes).

Runs the real app in demo mode without a display (Qt's offscreen platform), scans the
demo card, waits until the list and the side panel are in, and saves the window as PNG:

    .venv/bin/python docs/make_screenshots.py            # writes docs/counter.png
    .venv/bin/python docs/make_screenshots.py --size 1024x768 --out /tmp/counter-1024.png
    .venv/bin/python docs/make_screenshots.py --reports  # writes docs/reports.png
    .venv/bin/python docs/make_screenshots.py --prepare  # writes docs/to-prepare.png
    .venv/bin/python docs/make_screenshots.py --prepare --pick-list /tmp/pick  # + its PDFs

``--reports`` shows the managers' Reports page for a known day of pickups (the one the
report tests use: several staff, hours, titles and reversals), from a throw-away journal.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from pos_app.demo import DemoSession
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.ui.app import configure_application, open_services, set_app_identity
from pos_app.ui.counter import LOOKUP, MainWindow

HERE = Path(__file__).resolve().parent


async def shoot(session: DemoSession, size: tuple[int, int], out: Path) -> None:
    services = await open_services(
        session.settings, build_clients(session.settings, session.secrets), session.secrets
    )
    window = MainWindow(services, demo=session.info)
    try:
        window.resize(*size)
        window.show()
        window.start()
        await _until(lambda: window.tasks.pending == 0)
        window.search_input.setText(demo.CARD_MAIN)
        window.search_input.returnPressed.emit()
        await _until(lambda: window.model.rowCount() > 0 and not window.tasks.is_running(LOOKUP))
        await _until(lambda: not window.progress_panel.is_loading())
        await _until(lambda: window.tasks.pending == 0)
        await asyncio.sleep(1.0)  # the last pictures painted, the scan flash over
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise SystemExit(f"could not write {out}")
        print(f"{out} ({size[0]}×{size[1]})")
    finally:
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.close()
        await closed.wait()
        await services.aclose()


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
    parser.add_argument("--prepare", action="store_true", help="the To prepare page")
    parser.add_argument("--pick-list", type=Path, help="with --prepare: save PREFIX-*.pdf")
    args = parser.parse_args(argv)
    default = "reports.png" if args.reports else "to-prepare.png" if args.prepare else "counter.png"
    out = args.out or HERE / default
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
        if args.prepare:
            runner.run(shoot_prepare(session, (width, height), out, args.pick_list))
        else:
            runner.run(shoot(session, (width, height), out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
