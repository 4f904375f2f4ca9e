"""`pos-app --self-test`: proves that this installation of the app works, then quits.

It is how a packaged build shows that its resources, Qt plugins and libraries are all
inside: the app starts in demo mode through the same :func:`~pos_app.ui.app.run_gui` as a
real start (same event loop, same garbage-collection guard), and the real window is driven
the way a cashier would drive it: scan ``DEMO-CARD-1``, see the rewards with a picture and
the progress panel, hand one reward over and confirm, then check the journal entry and the
journal's hash chain. One line per check goes to standard output, then a summary; the exit
status is 0 only when every check passed. A watchdog ends the process with status 1 if
the whole run takes longer than ``timeout`` seconds, so a broken build never hangs a
deployment script.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, QSize
from PySide6.QtWidgets import QApplication

from pos_app import __version__
from pos_app.demo import DemoSession
from pos_app.sandbox import demo_data
from pos_app.services.connections import build_clients
from pos_app.storage import COLLECT, Journal, JournalError, OpState
from pos_app.ui.app import run_gui
from pos_app.ui.counter import LOOKUP
from pos_app.ui.first_paint import FirstPaint, process_age
from pos_app.ui.i18n import (
    SOURCE_LANGUAGE,
    current_language,
    language_of,
    missing_catalogues,
)
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.progress.section import SectionState
from pos_app.ui.rewards.hand_over_dialog import HandOverDialog

if TYPE_CHECKING:
    from pos_app.services.pickup_models import PickupItem
    from pos_app.ui.counter import MainWindow

#: The whole run, from start to exit; then the watchdog ends the process.
DEFAULT_TIMEOUT = 60.0
#: How long one step may wait for the window (a lookup, a picture, a hand-over).
STEP_TIMEOUT = 20.0
CARD = demo_data.CARD_MAIN


class CheckFailed(Exception):
    """A check did not pass; the message says why."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok' if self.ok else 'FAILED':<7} {self.name}: {self.detail}"


class _FirstPaint(FirstPaint):
    """Notes when the window is first painted, i.e. really on screen."""

    def __init__(self, on_paint: Callable[[], None], parent: QObject) -> None:
        self.painted = asyncio.Event()

        def painted() -> None:
            self.painted.set()
            on_paint()

        super().__init__(painted, parent)


class SelfTest:
    """Runs the checks against a started demo session; see the module docstring."""

    def __init__(
        self,
        session: DemoSession,
        *,
        write: Callable[[str], None],
        started: float,
        step_timeout: float = STEP_TIMEOUT,
    ) -> None:
        self._session = session
        self._write = write
        self._started = started
        self._step_timeout = step_timeout
        self.results: list[CheckResult] = []
        self.shown_after: float | None = None
        self._handed_over: PickupItem | None = None

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(result.ok for result in self.results)

    def _report(self, name: str, ok: bool, detail: str) -> None:
        result = CheckResult(name, ok, detail)
        self.results.append(result)
        self._write(result.line())

    async def _wait_for(self, what: str, condition: Callable[[], object]) -> None:
        deadline = time.monotonic() + self._step_timeout
        while not condition():
            if time.monotonic() > deadline:
                raise CheckFailed(f"{what}: nothing after {self._step_timeout:.0f} s")
            await asyncio.sleep(0.02)

    async def _check(self, name: str, step: Callable[[], Awaitable[str]]) -> bool:
        try:
            detail = await step()
        except CheckFailed as exc:
            self._report(name, False, str(exc))
            return False
        except Exception as exc:  # a bug or a missing part: reported, never swallowed
            self._report(name, False, f"{type(exc).__name__}: {exc}")
            return False
        self._report(name, True, detail)
        return True

    def _skip(self, names: Sequence[str], reason: str) -> None:
        for name in names:
            self._report(name, False, f"not tried: {reason}")

    # -- the checks ----------------------------------------------------------------------

    def check_icon(self) -> None:
        icon = QApplication.windowIcon()
        pixmap = icon.pixmap(QSize(64, 64))
        if icon.isNull() or pixmap.isNull():
            # The SVG icon needs Qt's SVG icon engine or image format plugin.
            self._report("app icon", False, "the icon could not be loaded or rendered")
        else:
            self._report("app icon", True, f"rendered at {pixmap.width()}×{pixmap.height()} px")

    def check_language(self) -> None:
        wanted = language_of(self._session.settings.language)
        language = current_language()
        if language != wanted:
            self._report("language", False, f"texts in {language!r}, not {wanted!r}")
            return
        if missing := missing_catalogues():
            self._report("language", False, f"missing catalogues: {', '.join(missing)}")
            return
        if language == SOURCE_LANGUAGE:
            self._report("language", True, "English (no catalogue needed)")
            return
        # One text of the app's catalogue and one of Qt's own, translated or not.
        ours = _tr("Hand over") != "Hand over"
        qt_context = "QPlatformTheme"  # Qt's catalogue, not ours: kept out of lupdate's reach
        qts = QCoreApplication.translate(qt_context, "Cancel") != "Cancel"
        if not (ours and qts):
            broken = "the app's" if not ours else "Qt's"
            self._report("language", False, f"{language}: {broken} catalogue translates nothing")
            return
        self._report("language", True, f"{language}: the app's and Qt's catalogues loaded")

    def on_painted(self) -> None:
        age = process_age()
        self.shown_after = age if age is not None else time.perf_counter() - self._started
        since = "process start" if age is not None else "app start"
        self._report("window shown", True, f"{self.shown_after * 1000:.0f} ms after {since}")

    async def run(self, window: MainWindow, painted: asyncio.Event) -> None:
        try:
            await asyncio.wait_for(painted.wait(), self._step_timeout)
        except TimeoutError:
            self._report("window shown", False, "the window was never painted")
        self.check_icon()
        self.check_language()
        later = ["reward picture", "progress panel", "hand-over", "journal"]
        if not await self._check("customer " + CARD, lambda: self._scan(window)):
            self._skip(later, "no customer on screen")
            return
        await self._check("reward picture", lambda: self._picture(window))
        await self._check("progress panel", lambda: self._progress(window))
        if not await self._check("hand-over", lambda: self._hand_over(window)):
            self._skip(later[3:], "nothing was handed over")
            return
        await self._check("journal", self._journal)

    async def _scan(self, window: MainWindow) -> str:
        shown: list[str] = []
        window.customerShown.connect(shown.append)
        window.search_input.setFocus()
        window.search_input.setText(CARD)
        window.search_input.returnPressed.emit()
        await self._wait_for(
            "the lookup did not end", lambda: shown or not window.tasks.is_running(LOOKUP)
        )
        if not shown:
            raise CheckFailed(f"no customer shown: {window.message_bar.text() or 'no message'}")
        simulator = self._session.simulator
        assert simulator is not None
        data = simulator.state.data
        contact = data.contact_for_card(CARD)
        expected = sum(1 for item in data.items_of(contact.uuid) if not item.collected)
        # Rows stand for identical rewards together: count the rewards, not the rows.
        listed = len(window.model.items())
        if shown[0] != contact.uuid:
            raise CheckFailed(f"another customer was shown ({shown[0]})")
        if listed == 0 or listed != expected:
            raise CheckFailed(f"{listed} rewards listed, the simulator has {expected}")
        customer = window.customer
        name = customer.title if customer is not None else "?"
        return f"{name}, {listed} rewards listed"

    async def _picture(self, window: MainWindow) -> str:
        urls = [item.picture_url for item in window.model.items() if item.picture_url]
        if not urls:
            raise CheckFailed("no reward in the list has a picture")
        pixmap = await asyncio.wait_for(window.pictures.load(urls[0]), self._step_timeout)
        if pixmap is None or pixmap.isNull():
            raise CheckFailed(f"the picture at {urls[0]} could not be loaded (see the log)")
        return f"{pixmap.width()}×{pixmap.height()} px thumbnail of the first reward"

    async def _progress(self, window: MainWindow) -> str:
        panel = window.progress_panel
        await self._wait_for("the panel is still loading", lambda: not panel.is_loading())
        problems = [
            f"{section.title_label.text()}: {section.state.value} ({section.message_label.text()})"
            for section in (panel.giftoin, panel.nudj)
            if section.state is not SectionState.RESULT
        ]
        if problems:
            raise CheckFailed("; ".join(problems))
        challenges, rewards = panel.challenges.rowCount(), panel.nudj_rewards.rowCount()
        if not challenges or not rewards:
            raise CheckFailed(f"{challenges} Giftoin challenges, {rewards} Nudj rewards")
        return f"{challenges} Giftoin challenges, {rewards} Nudj rewards"

    async def _hand_over(self, window: MainWindow) -> str:
        if not window.rewards_list.select_first_available(focus=True):
            raise CheckFailed("no reward can be handed over")
        item = window.rewards_list.selected_items()[0]
        self._handed_over = item
        finished: list[bool] = []
        window.handOverFinished.connect(lambda: finished.append(True))
        if not window.hand_over_button.isEnabled():
            raise CheckFailed(f"the Hand over button is off ({window.message_bar.text()})")
        window.hand_over_button.click()
        dialog: list[HandOverDialog] = []

        def dialog_open() -> bool:
            dialog[:] = [
                widget
                for widget in QApplication.topLevelWidgets()
                if isinstance(widget, HandOverDialog) and widget.isVisible()
            ]
            return bool(dialog)

        await self._wait_for("no confirmation asked", dialog_open)
        dialog[0].confirm_button.click()
        await self._wait_for("the hand-over did not finish", lambda: finished)
        if window.model.row_of(item.loyalty_transaction_uuid) is not None:
            raise CheckFailed(f"{item.title!r} is still listed ({window.message_bar.text()})")
        return f"{item.title!r} handed over"

    async def _journal(self) -> str:
        item = self._handed_over
        assert item is not None
        path = self._session.settings.journal_path
        try:
            with Journal.open_read_only(path) as journal:
                operations = journal.recent_operations(kinds=(COLLECT,))
                verified = journal.verify()
        except JournalError as exc:
            raise CheckFailed(f"cannot read the journal at {path}: {exc}") from exc
        mine = [
            op for op in operations if op.loyalty_transaction_uuid == item.loyalty_transaction_uuid
        ]
        if not mine:
            raise CheckFailed("the hand-over is not in the journal")
        if mine[0].state is not OpState.CONFIRMED:
            raise CheckFailed(f"the hand-over is {mine[0].state.value} in the journal")
        if not verified.ok:
            raise CheckFailed(verified.describe())
        return f"hand-over confirmed with reference {mine[0].reference}; {verified.describe()}"


def _writer() -> Callable[[str], None]:
    def write(line: str) -> None:
        # A windowed Windows program has no standard output; the exit status still counts.
        if sys.stdout is not None:
            print(line, flush=True)

    return write


def _start_watchdog(timeout: float, write: Callable[[str], None]) -> threading.Timer:
    def expire() -> None:
        write(f"self-test FAILED: no result after {timeout:.0f} s")
        os._exit(1)

    watchdog = threading.Timer(timeout, expire)
    watchdog.daemon = True
    watchdog.start()
    return watchdog


def run_self_test(
    *,
    faults: Sequence[str] = (),
    data_dir: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    started: float | None = None,
) -> int:
    """Run every check in demo mode; 0 when all passed, 1 otherwise."""
    started = time.perf_counter() if started is None else started
    write = _writer()
    watchdog = _start_watchdog(timeout, write)
    try:
        where = "bundle" if getattr(sys, "frozen", False) else "source"
        with DemoSession(data_dir=data_dir, faults=faults, background=True) as session:
            # The window as a counter without sign-in or slips would show it; kiosk mode
            # (full screen, locked) is for people, not for this check.
            session.settings = session.settings.with_overrides(
                print_slip="never", require_staff_sign_in=False, kiosk=False
            )
            clients = build_clients(session.settings, session.secrets)
            test = SelfTest(session, write=write, started=started)
            outcome: list[str] = []

            def shown(window: MainWindow) -> None:
                write(
                    f"pos-app {__version__} self-test from {where}: Qt {pyside_version}, "
                    f"platform {QApplication.platformName()}"
                )
                first_paint = _FirstPaint(test.on_painted, window)
                window.installEventFilter(first_paint)

                async def drive() -> None:
                    try:
                        await asyncio.wait_for(test.run(window, first_paint.painted), timeout * 0.8)
                    except asyncio.CancelledError:
                        outcome.append("the window closed before the checks were done")
                        raise
                    except Exception as exc:
                        outcome.append(f"{type(exc).__name__}: {exc}")
                    finally:
                        window.close()

                window.tasks.run(drive())

            code = run_gui(
                session.settings,
                clients,
                secrets=session.secrets,
                demo=session.info,
                on_shown=shown,
            )
    finally:
        watchdog.cancel()
    elapsed = time.perf_counter() - started
    failed = [result for result in test.results if not result.ok]
    for problem in outcome:
        write(f"FAILED  self-test: {problem}")
    if code == 0 and test.passed and not outcome:
        write(f"self-test passed: {len(test.results)} checks in {elapsed:.1f} s")
        return 0
    write(
        f"self-test FAILED: {len(failed) or 'no'} of {len(test.results)} checks failed "
        f"in {elapsed:.1f} s"
    )
    return 1
