"""`pos-app --self-test`: proves that this installation of the app works, then quits.

It is how a packaged build shows that its resources, Qt plugins and libraries are all
inside: the app starts in demo mode through the same :func:`~pos_app.ui.app.run_gui` as a
real start (same event loop, same garbage-collection guard), and the real window is driven
the way a cashier would drive it: scan ``DEMO-CARD-1``, see the rewards with a picture and
the progress panel, hand one reward over and confirm, then check the journal entry and the
journal's hash chain and print that hand-over's slip (as a PDF, and as ESC/POS on a receipt
"printer" the self-test runs on 127.0.0.1, with the printer's QR command and with the QR
code as a picture). Beside the window it checks what a
bundle could miss without the demo noticing: every picture format the vendors' pictures
come in, the text sorting of the file dialogs (Qt's ICU data), the camera's barcode
decoder (a generated QR code read back) and the system's printer support. One line per
check goes to standard output, then a summary; the exit status is 0 only when every check
passed. A watchdog ends the process with status 1 if the whole run takes longer than
``timeout`` seconds, so a broken build never hangs a deployment script.

Size: one check per method, run in order by one runner; each is short, and splitting them
would only scatter the list of what a bundle must prove.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import re
import socket
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCollator,
    QCoreApplication,
    QIODevice,
    QLibrary,
    QLibraryInfo,
    QLocale,
    QObject,
    QPluginLoader,
    QSize,
)
from PySide6.QtGui import QColor, QImage, QImageReader, QImageWriter
from PySide6.QtWidgets import QApplication

from pos_app import APP_NAME, __version__
from pos_app.demo import DemoSession
from pos_app.sandbox import demo_data
from pos_app.services.connections import build_clients
from pos_app.services.receipt_printer import PrinterAddress, ReceiptPaper
from pos_app.services.slips import PickupSlip
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
from pos_app.ui.pictures import _decode as decode_thumbnail  # the rewards list's own
from pos_app.ui.progress.section import SectionState
from pos_app.ui.rewards.hand_over_dialog import HandOverDialog
from pos_app.ui.slips.paper import SlipFormat, save_slip_pdf
from pos_app.ui.slips.receipt import ReceiptTarget, print_on_receipt_printer

if TYPE_CHECKING:
    from pos_app.services.pickup_models import PickupItem
    from pos_app.ui.counter import MainWindow

#: The whole run, from start to exit; then the watchdog ends the process.
DEFAULT_TIMEOUT = 60.0
#: How long one step may wait for the window (a lookup, a picture, a hand-over).
STEP_TIMEOUT = 20.0
CARD = demo_data.CARD_MAIN
#: Names in the order a person expects them, whatever the language: what the file
#: dialogs' sorting (ICU's collation) gives; without ICU's data "Äpfel" goes last.
SORTED_NAMES = ("äpfel", "Birne", "Ökonomie", "zebra", "Ελιά", "Яблоко")
#: A 1×1 GIF: Qt can read GIF but not write it.
_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
#: What the dynamic linker says when the PC has no CUPS client library at all.
_NO_CUPS = re.compile(r"libcups\.so[.\d]*: cannot open shared object file")
_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">'
    b'<rect width="8" height="8" fill="#2a7"/></svg>'
)


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
        self._slip_of: PickupSlip | None = None

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

    def check_pictures(self) -> None:
        """Every format the vendors' reward pictures come in decodes as the list does it."""
        samples = {"GIF": _GIF, "SVG": _SVG}
        for name, kind in (("JPEG", b"jpeg"), ("PNG", b"png"), ("WebP", b"webp")):
            samples[name] = _encoded(kind)
        failed = []
        for name, data in samples.items():
            thumb = decode_thumbnail(data, QSize(16, 16), 1.0) if data else None
            if thumb is None or thumb.isNull():
                failed.append(name)
        if failed:
            supported = b", ".join(bytes(f.data()) for f in QImageReader.supportedImageFormats())
            self._report(
                "picture formats",
                False,
                f"cannot read {', '.join(failed)} (Qt reads {supported.decode() or 'nothing'})",
            )
        else:
            self._report("picture formats", True, ", ".join(samples) + " pictures decode")

    def check_sorting(self) -> None:
        """Names sort as a person expects in the file dialogs (Qt's collation, ICU's data)."""
        collator = QCollator(QLocale())
        names = sorted(reversed(SORTED_NAMES), key=collator.sortKey)
        shown = ", ".join(names)
        if tuple(names) != SORTED_NAMES:
            self._report("text sorting", False, f"{QLocale().name()}: sorted as {shown}")
        else:
            self._report("text sorting", True, f"{QLocale().name()}: {shown}")

    def check_camera_decoder(self) -> None:
        """The camera's barcode decoder loads and reads the demo's QR code on a phone (no
        camera needed: the picture is made here)."""
        from pos_app.ui.camera.frames import demo_frames
        from pos_app.ui.camera.reader import read_codes

        try:
            found = read_codes(demo_frames()[0])
        except ImportError as exc:
            self._report("camera decoder", False, f"does not load: {exc}")
            return
        if found != [CARD]:
            self._report("camera decoder", False, f"read {found or 'nothing'} instead of {CARD}")
            return
        self._report("camera decoder", True, f"read {CARD} from a picture of a phone")

    def check_database_driver(self) -> None:
        """The shared journal's PostgreSQL driver loads, or the PC is said to lack libpq
        (the Linux bundle leaves it to the system, as it does CUPS)."""
        try:
            import psycopg
        except ImportError as exc:
            if "libpq library not found" in str(exc):
                self._report(
                    "shared journal driver",
                    True,
                    "this PC has no PostgreSQL client library (libpq5); "
                    "only a shared journal needs it",
                )
            else:
                self._report("shared journal driver", False, f"psycopg does not load: {exc}")
            return
        libpq = psycopg.pq.version()
        self._report(
            "shared journal driver",
            True,
            f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), "
            f"libpq {libpq // 10000}.{libpq % 10000}",
        )

    def on_painted(self) -> None:
        age = process_age()
        self.shown_after = age if age is not None else time.perf_counter() - self._started
        since = "process start" if age is not None else "app start"
        self._report("window shown", True, f"{self.shown_after * 1000:.0f} ms after {since}")

    async def run(self, window: MainWindow, painted: asyncio.Event) -> None:
        # asyncio.timeout, not wait_for (see drive() in run_self_test).
        try:
            async with asyncio.timeout(self._step_timeout):
                await painted.wait()
        except TimeoutError:
            self._report("window shown", False, "the window was never painted")
        self.check_icon()
        self.check_language()
        self.check_pictures()
        self.check_sorting()
        self.check_database_driver()
        self.check_camera_decoder()
        later = [
            "reward picture",
            "progress panel",
            "hand-over",
            "journal",
            "slip printing",
            "receipt printer",
        ]
        if not await self._check("customer " + CARD, lambda: self._scan(window)):
            self._skip(later, "no customer on screen")
            return
        await self._check("reward picture", lambda: self._picture(window))
        await self._check("progress panel", lambda: self._progress(window))
        if not await self._check("hand-over", lambda: self._hand_over(window)):
            self._skip(later[3:], "nothing was handed over")
            return
        if not await self._check("journal", self._journal):
            self._skip(later[4:], "the hand-over is not in the journal")
            return
        await self._check("slip printing", self._slip)
        await self._check("receipt printer", self._receipt)

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
        async with asyncio.timeout(self._step_timeout):
            pixmap = await window.pictures.load(urls[0])
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
        self._slip_of = PickupSlip.from_operations(mine, shop_name=APP_NAME)
        return f"hand-over confirmed with reference {mine[0].reference}; {verified.describe()}"

    async def _slip(self) -> str:
        slip = self._slip_of
        assert slip is not None
        path = self._session.settings.journal_path.parent / "self-test-slip.pdf"
        save_slip_pdf(slip, path, SlipFormat.RECEIPT)
        pdf = path.read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        if not pdf.startswith(b"%PDF-") or pages == 0:
            raise CheckFailed(f"{path} is not a PDF with a page ({len(pdf)} bytes)")
        return f"the hand-over's slip saved as a PDF ({pages} page); {printer_support()}"

    async def _receipt(self) -> str:
        slip = self._slip_of
        assert slip is not None
        with _LoopbackReceiptPrinter() as printer:
            address = PrinterAddress.parse(printer.address)
            await print_on_receipt_printer(slip, ReceiptTarget(address, ReceiptPaper.MM80))
            picture = ReceiptTarget(address, ReceiptPaper.MM58, native_qr=False)
            await print_on_receipt_printer(slip, picture)
            native, drawn = await asyncio.to_thread(printer.wait_for, 2, self._step_timeout)
        code = slip.code.encode()
        store = b"\x1d(k" + bytes([len(code) + 3, 0]) + b"1P0" + code
        expected = {
            "reset and code page 850": b"\x1b@\x1bt\x02" in native,
            "the QR command with the code": store in native and b"\x1d(k\x03\x001Q0" in native,
            "the cut": native.rstrip(b"\x10\x04\x01").endswith(b"\x1dV\x00"),
            "the QR picture": b"\x1dv0" in drawn and store not in drawn,
            "the code as text": code in native and code in drawn,
        }
        missing = [what for what, there in expected.items() if not there]
        if missing:
            raise CheckFailed("the ESC/POS slip lacks " + ", ".join(missing))
        return (
            f"the slip in ESC/POS on a printer at 127.0.0.1: {len(native)} bytes with the "
            f"printer's QR command, {len(drawn)} with the QR code as a picture"
        )


class _LoopbackReceiptPrinter:
    """A receipt printer's network port on 127.0.0.1 that keeps what each connection
    sends and answers status queries (DLE EOT) with "ready"."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.address = f"tcp://127.0.0.1:{self._server.getsockname()[1]}"
        self._server.settimeout(0.2)
        self.jobs: list[bytes] = []
        self._stop = threading.Event()
        self._got = threading.Condition()
        self._thread = threading.Thread(target=self._serve, name="self-test-printer", daemon=True)

    def __enter__(self) -> _LoopbackReceiptPrinter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(2)
        self._server.close()

    def wait_for(self, count: int, timeout: float) -> list[bytes]:
        with self._got:
            if not self._got.wait_for(lambda: len(self.jobs) >= count, timeout):
                raise CheckFailed(f"the printer got {len(self.jobs)} of {count} slips")
            return self.jobs[:count]

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            data = bytearray()
            with connection:
                connection.settimeout(None)
                while chunk := connection.recv(65536):
                    data += chunk
                    # A status query is sent on its own, the sender waiting for the answer.
                    if re.search(rb"\x10\x04[\x01\x02\x04]$", data):
                        connection.sendall(b"\x12")
            with self._got:
                self.jobs.append(bytes(data))
                self._got.notify_all()


def _encoded(kind: bytes) -> bytes:
    """A small picture in ``kind`` (b"jpeg" …), written by Qt's own plugin for it."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(kind))
    if not writer.write(image):
        return b""
    return bytes(buffer.data().data())


def _load_error(path: Path) -> str | None:
    """The dynamic linker's own reason a library does not load (Qt's plugin loader only
    says "Unknown error"); None when it loads."""
    try:
        ctypes.CDLL(str(path))
    except OSError as exc:
        # In a bundle, PyInstaller's ctypes raises its own "not found when frozen" error
        # from the linker's.
        return str(exc.__cause__ or exc)
    return None


def printer_support() -> str:
    """Whether the system's printers can be reached; raises CheckFailed when the bundle
    lacks what it needs for them.

    Qt finds printers through a plugin (CUPS on Linux, the print spooler on Windows; on
    macOS through the platform plugin). The CUPS plugin links the PC's own CUPS client
    library: a PC without CUPS has no printers to print on, so its absence is said, not
    failed; any other library or the plugin missing is a broken installation.
    """
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "printsupport"
    if sys.platform == "darwin":
        return "printers through the platform plugin"
    plugins = sorted(path for path in folder.glob("*") if QLibrary.isLibrary(str(path)))
    if not plugins:
        raise CheckFailed(f"no printer support plugin in {folder}")
    for path in plugins:
        loader = QPluginLoader(str(path))
        if loader.load() and loader.instance() is not None:
            continue
        reason = _load_error(path) or loader.errorString()
        if _NO_CUPS.search(reason):
            return "printers: none, this PC has no CUPS (libcups2)"
        raise CheckFailed(f"the printer support {path.name} does not load: {reason}")
    return "printer support loads (" + ", ".join(path.name for path in plugins) + ")"


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
                    # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses a
                    # cancellation that comes as what it waits for finishes.
                    try:
                        async with asyncio.timeout(timeout * 0.8):
                            await test.run(window, first_paint.painted)
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
