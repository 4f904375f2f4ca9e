"""Starts the Qt application on the asyncio (qasync) loop and runs it until the window closes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from pos_app import APP_NAME, __version__
from pos_app.resources import DESKTOP_ENTRY_ID, app_icon_path
from pos_app.services.connections import ApiClients, build_clients, import_client_modules
from pos_app.services.counter import CounterServices
from pos_app.services.secrets import KeyringUnavailableError, PinKeyError, SecretStore
from pos_app.services.settings import Settings, SettingsSource
from pos_app.services.staff import (
    PinKeyMismatchError,
    StaffDirectory,
    StaffError,
    StaffService,
    journal_lockouts,
)
from pos_app.storage import (
    AsyncJournal,
    DataFolderNotWritableError,
    HealthProblem,
    Journal,
    JournalError,
    JournalHealth,
)
from pos_app.ui.async_support import install_excepthook, report_exception, set_report_parent
from pos_app.ui.counter import MainWindow
from pos_app.ui.first_paint import PAINTED_MARKER, FirstPaint, process_age
from pos_app.ui.gc_guard import MainThreadGarbageCollector
from pos_app.ui.i18n import use_language
from pos_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo

log = logging.getLogger(__name__)

#: Seconds the work that waits for the window's first paint waits at most.
PAINT_WAIT = 2.0


def get_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv)
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    """Application-wide settings, shared by the app and the test suite."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("pos-app")
    QCoreApplication.setApplicationVersion(__version__)
    # Closing the window ends our main coroutine, which then cleans up and returns. If Qt
    # quit on its own when the last window closed, app.exec() would return and qasync's
    # loop would stop before that clean-up ran ("Event loop stopped before Future
    # completed"), leaving sockets open.
    app.setQuitOnLastWindowClosed(False)
    # Worker threads (a long answer being validated, pictures) hold the GIL while they
    # run Python; the GUI thread, woken by an event, waits for it up to this interval
    # (5 ms by default, a third of a frame). 1 ms keeps that wait well inside a frame.
    sys.setswitchinterval(0.001)
    apply_theme(app)


def set_app_identity(app: QApplication) -> None:
    """The icon and name the window title bar and the task bar show."""
    app.setWindowIcon(QIcon(str(app_icon_path())))
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    if sys.platform.startswith("linux"):
        # Wayland and X11 task bars find the icon and name through the desktop entry of
        # this id (packaging/linux/pos-app.desktop), not through the window icon.
        QGuiApplication.setDesktopFileName(DESKTOP_ENTRY_ID)
    elif sys.platform == "win32":
        # Started from source, Windows would group the window under python.exe and show
        # its icon; an own AppUserModelID gives the app its own task bar button and icon.
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(DESKTOP_ENTRY_ID)


async def open_journal(settings: Settings) -> tuple[AsyncJournal | None, str | None]:
    """The journal, or why it cannot be used (then hand-overs stay off: nothing unrecorded)."""
    try:
        journal = await AsyncJournal.open(
            settings.journal_path, shop_uuid=settings.shop_uuid, counter=settings.counter_name
        )
    except DataFolderNotWritableError as exc:
        log.error("Cannot open the journal at %s: %s", settings.journal_path, exc)
        problem = QCoreApplication.translate(
            "App",
            "The data folder {folder} cannot be written by this user account, so hand-overs "
            "are switched off: nothing could be recorded. Ask your IT contact.",
        ).format(folder=settings.journal_path.parent)
        return None, problem
    except (JournalError, OSError) as exc:
        log.error("Cannot open the journal at %s: %s", settings.journal_path, exc)
        problem = QCoreApplication.translate(
            "App",
            "The pickup journal cannot be opened ({error}), so hand-overs are switched off. "
            "Ask your IT contact.",
        ).format(error=type(exc).__name__)
        return None, problem
    health = await journal_health(journal)
    if health is not None and health.problem is HealthProblem.DAMAGED:
        # Writing to a damaged file fails, or spreads the damage: it is not used at all.
        log.error("Journal check: %s", health.describe())
        await journal.aclose()
        problem = QCoreApplication.translate(
            "App",
            "The pickup journal is damaged: SQLite's check found errors in the file, so "
            "hand-overs are switched off. Ask your IT contact.",
        )
        return None, problem
    return journal, None


async def journal_health(journal: AsyncJournal | None) -> JournalHealth | None:
    """What the journal check found when the journal was opened (None: no journal)."""
    if journal is None:
        return None
    return await journal.run(lambda opened: opened.health)


async def _staff_list_lost(staff: StaffService, journal: AsyncJournal | None) -> bool:
    """An empty staff list on a counter whose journal shows staff at work: lost or replaced.

    Offering to create the "first" manager then would hand manager rights to whoever is
    at the counter, so the staff list is not used at all until the IT contact acts.
    """
    if journal is None:
        return False
    profiles = await staff.call(StaffDirectory.profiles, include_inactive=True)
    if profiles:
        return False
    try:
        return await journal.call(Journal.staff_worked_here)
    except JournalError:
        return True  # cannot tell: the safe side


async def open_staff(
    settings: Settings, journal: AsyncJournal | None, secrets: SecretStore
) -> tuple[StaffService | None, str | None]:
    """Staff profiles and PINs, or why they cannot be used (then nothing needing a PIN works).

    Opened even without a journal: leaving kiosk mode still needs a manager's PIN then.
    """
    try:
        pin_key = secrets.staff_pin_key()
        staff = await StaffService.open(
            settings.staff_path,
            pin_key=pin_key,
            on_lockout=journal_lockouts(journal) if journal is not None else None,
        )
    except (KeyringUnavailableError, PinKeyError) as exc:
        log.error("No staff PIN key: %s", exc)
        reason = QCoreApplication.translate(
            "App", "the key that protects them is missing or unreadable"
        )
    except PinKeyMismatchError as exc:
        log.error("%s", exc)
        reason = QCoreApplication.translate(
            "App", "the staff list was protected with another key than this computer's"
        )
    except (StaffError, OSError) as exc:
        log.error("Cannot open the staff database at %s: %s", settings.staff_path, exc)
        reason = QCoreApplication.translate("App", "the staff list cannot be opened")
    else:
        if not await _staff_list_lost(staff, journal):
            return staff, None
        await staff.aclose()
        log.error(
            "The staff list %s is empty, although staff worked on this counter: restore it "
            "from a backup, or start it afresh with `pos-app staff reset --by NAME`",
            settings.staff_path,
        )
        reason = QCoreApplication.translate(
            "App",
            "the staff list is empty although staff worked here: it must be restored from a "
            "backup, or started afresh",
        )
    problem = QCoreApplication.translate(
        "App",
        "Staff PINs cannot be checked on this counter ({reason}), so staff sign-in, "
        "manager approval and leaving kiosk mode do not work. Ask your IT contact.",
    ).format(reason=reason)
    return None, problem


async def open_services(
    settings: Settings,
    clients: ApiClients,
    secrets: SecretStore,
    *,
    config_file: Path | None = None,
) -> CounterServices:
    """Everything a counter runs on, opened once; :meth:`CounterServices.aclose` closes it.

    A part that cannot be opened is left out with the reason in words: the window shows
    it, and the part's work stays off (no hand-overs without a journal).
    """
    from pos_app.services.shared_journal import open_shared_journal

    journal, problem = await open_journal(settings)
    staff, staff_problem = await open_staff(settings, journal, secrets)
    shared, shared_problem = await open_shared_journal(settings, secrets, journal)
    return CounterServices(
        settings,
        clients,
        journal=journal,
        journal_problem=problem,
        journal_health=await journal_health(journal),
        staff=staff,
        staff_problem=staff_problem,
        secrets=secrets if config_file is not None else None,
        config_file=config_file,
        shared=shared,
        shared_problem=shared_problem,
    )


async def first_setup(
    settings: Settings, clients: ApiClients, secrets: SecretStore, config_file: Path
) -> tuple[Settings, ApiClients]:
    """A counter that cannot work yet opens the setup flow first (never in kiosk mode).

    A kiosk's screen faces customers: its setup goes through a manager (Leave kiosk).
    Cancelled, the counter opens as it is and says whom to ask.
    """
    # Set up (services.setup.needs_setup): the clients have a way into Piggy and a shop
    # is chosen. Asked of the clients, which have not imported theirs yet: the setup
    # checks import httpx and the vendors' models, and a set-up counter paints first.
    if settings.kiosk or (clients.piggy is not None and settings.shop_uuid):
        return settings, clients
    from pos_app.ui.setup import run_first_setup

    changes = await run_first_setup(settings, secrets, config_file)
    if changes is None:
        return settings, clients
    settings = settings.with_overrides(**changes)
    await clients.aclose()
    return settings, build_clients(settings, secrets)


async def run_app(
    settings: Settings,
    clients: ApiClients,
    *,
    secrets: SecretStore,
    demo: DemoInfo | None = None,
    on_shown: Callable[[MainWindow], None] | None = None,
    source: SettingsSource | None = None,
    after_first_paint: Callable[[], None] | None = None,
) -> int:
    """Open the services, show the window, wait until it closes, then release everything.

    With a ``source`` (a real start, not the demo), a counter that is not set up opens
    the setup flow first, and Settings can be saved (the counter then starts again).
    """
    config_file = source.config_file if source is not None and demo is None else None
    use_language(settings.language)
    if config_file is not None:
        settings, clients = await first_setup(settings, clients, secrets, config_file)
    if demo is not None and demo.staff_added is not None:
        await asyncio.to_thread(demo.staff_added)
    while True:
        services = await open_services(settings, clients, secrets, config_file=config_file)
        try:
            # The rest of the window is built once its first frame is painted.
            window = MainWindow(services, demo=demo, complete=False)
            try:
                code = await run_window(
                    window,
                    on_shown=on_shown,
                    start_simulator=demo.start_simulator if demo is not None else None,
                    after_first_paint=after_first_paint,
                )
            finally:
                window.deleteLater()
        finally:
            await services.aclose()
        if config_file is None or not window.settings_entry.restart_requested:
            return code
        # Saved in Settings: every part starts again from the file, as at a new start.
        assert source is not None
        settings = source.load()
        use_language(settings.language)
        clients = build_clients(settings, secrets)
        log.info("The counter starts again with the saved settings")


async def run_window(
    window: MainWindow,
    *,
    on_shown: Callable[[MainWindow], None] | None = None,
    start_simulator: Callable[[], None] | None = None,
    after_first_paint: Callable[[], None] | None = None,
) -> int:
    """Show the window, start its work, wait until it closes and its tasks are done.

    What can wait for the window to be on screen starts after its first paint: the rest
    of the window (:meth:`MainWindow.complete`, then ``on_shown``), the window's first
    calls (the shop's name, settling, sharing), ``after_first_paint``, the demo's
    simulator (``start_simulator``, on a worker thread), keeping connections open.
    The first frame shows what this start found (a journal problem, no Piggy access) and
    a signed-out counter's sign-in.
    """
    closed = asyncio.Event()
    painted = asyncio.Event()
    window.closed.connect(closed.set)
    set_report_parent(window)

    def on_painted() -> None:
        _log_first_paint()
        painted.set()

    window.installEventFilter(FirstPaint(on_painted, window))
    window.show()
    window.start_screen()
    # Not one of the window's tasks: keeping connections open never ends by itself.
    later = asyncio.ensure_future(
        _after_first_paint(window, painted, start_simulator, after_first_paint, on_shown)
    )
    later.add_done_callback(_report_failure)
    try:
        await closed.wait()
    finally:
        later.cancel()
        await asyncio.gather(later, return_exceptions=True)
        set_report_parent(None)
        await window.tasks.cancel_all()
        await window.pictures.aclose()
    return 0


async def _after_first_paint(
    window: MainWindow,
    painted: asyncio.Event,
    start_simulator: Callable[[], None] | None,
    after_first_paint: Callable[[], None] | None,
    on_shown: Callable[[MainWindow], None] | None = None,
) -> None:
    # A window the system does not paint soon (hidden, on another desktop) must not keep
    # the demo's simulator from starting.
    # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses a close's cancellation
    # that comes as the paint does.
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(PAINT_WAIT):
            await painted.wait()
    window.complete()
    if on_shown is not None:
        on_shown(window)
    # The first calls build the vendors' clients: their modules (httpx, the models) are
    # imported now, on this thread, after the window is up. Not on a worker thread: one
    # import there beside what this thread imports meanwhile (a first scan building its
    # client), with PySide's import hook looking into each new module, once found pydantic
    # half initialised and failed, and the scan with it.
    import_client_modules()
    window.start_calls()
    if after_first_paint is not None:
        after_first_paint()
    if start_simulator is not None:
        await asyncio.to_thread(start_simulator)
    # Connections open before the next customer, whatever a server closed meanwhile.
    await window.services.clients.keep_warm()


def _report_failure(task: asyncio.Future[None]) -> None:
    """A bug in what starts after the first paint goes to the exception hook, not lost."""
    if not task.cancelled() and (exc := task.exception()) is not None:
        report_exception(type(exc), exc, exc.__traceback__)


def _log_first_paint() -> None:
    age = process_age()
    if age is not None:
        log.info("%s %.0f ms after the process started", PAINTED_MARKER, age * 1000)


def run_gui(
    settings: Settings,
    clients: ApiClients,
    *,
    secrets: SecretStore,
    demo: DemoInfo | None = None,
    on_shown: Callable[[MainWindow], None] | None = None,
    source: SettingsSource | None = None,
) -> int:
    app = get_application()
    set_app_identity(app)
    restore_hook = install_excepthook()
    # Frozen once the window is on screen: the window's objects are then frozen too.
    collector = MainThreadGarbageCollector(app, freeze=False)
    try:
        # asyncio.Runner with a loop factory: the 3.11 way without event loop policies.
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(
                run_app(
                    settings,
                    clients,
                    secrets=secrets,
                    demo=demo,
                    on_shown=on_shown,
                    source=source,
                    after_first_paint=collector.freeze,
                )
            )
    finally:
        collector.stop()
        collector.deleteLater()
        restore_hook()
