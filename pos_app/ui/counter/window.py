"""The counter's one window: the counter session's events wired to the widgets.

What the cashier does is :class:`~pos_app.services.counter.CounterSession`'s business;
this module builds the screen from the parts next to it (search bar, customer page, status
bar, recent pickups page), starts the session's work through the task owner and shows its
events. Everything slow runs in tasks owned by :attr:`MainWindow.tasks`; a new scan
replaces the lookup still running (same task key), so a late answer for an earlier
customer never lands on the screen.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QWidget

from pos_app import APP_NAME
from pos_app.api import errors
from pos_app.services.counter import CounterServices, CounterSession, NotSetUpError
from pos_app.services.identify import IdentifyError
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.reconcile import ReconcileReport
from pos_app.services.refund import RefundResult
from pos_app.ui.async_support import TaskOwner, report_exception
from pos_app.ui.counter import words
from pos_app.ui.counter.banners import demo_mailbox_text
from pos_app.ui.counter.customer_widgets import MessageKind
from pos_app.ui.counter.help import HelpDialog, info_box
from pos_app.ui.counter.screen import CUSTOMER, HOME, REFRESH, CounterScreen
from pos_app.ui.counter.settings_entry import SettingsEntry
from pos_app.ui.counter.shared_status import SharedJournalWatch
from pos_app.ui.counter.signing_in import SignInControl
from pos_app.ui.counter.status import CounterStatusBar
from pos_app.ui.i18n import retranslated
from pos_app.ui.messages import describe_connection_error, describe_lookup_error
from pos_app.ui.pictures import PictureCache
from pos_app.ui.theme import default_window_size

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo
    from pos_app.services.progress import ProgressService
    from pos_app.ui.counter.claim_flow import ClaimFlow
    from pos_app.ui.counter.hand_over import HandOverFlow
    from pos_app.ui.counter.identify import IdentifyFlow
    from pos_app.ui.counter.kiosk_counter import KioskCounter
    from pos_app.ui.counter.prepare_page import PreparePage
    from pos_app.ui.counter.recent_page import RecentPage
    from pos_app.ui.managers.recent_pickups import RecentPickupsView

log = logging.getLogger(__name__)

#: Task keys: a new task under a key replaces the one running.
_SHOP = "shop"
_RECONCILE = "reconcile"
_WARM_UP = "warm-up"
_BALANCE = "balance"


class MainWindow(QMainWindow):
    """The one window of the app.

    ``complete=False`` (the app's start) builds only what the first frame shows; the app
    calls :meth:`complete` once that frame is painted, for the rest (the customer's page,
    the lists, the flows that hand over and claim).

    Signals:
        closed: the window has closed and its background tasks are cancelled.
        customerShown(str): a customer's rewards are on screen (their uuid).
        handOverFinished: a hand-over ended (whatever its outcome).
        kioskReset: the kiosk wiped the customer and went back to its home screen.
    """

    closed = Signal()
    customerShown = Signal(str)
    handOverFinished = Signal()
    kioskReset = Signal()
    # Made by complete():
    progress: ProgressService
    identify: IdentifyFlow
    hand_over: HandOverFlow
    claim: ClaimFlow

    def __init__(
        self,
        services: CounterServices,
        *,
        demo: DemoInfo | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
        complete: bool = True,
    ) -> None:
        super().__init__(parent)
        settings = services.settings
        self.services = services
        self._demo = demo
        self._closing = False
        self.help: HelpDialog | None = None
        self._shutdown_task: asyncio.Future[None] | None = None
        self.tasks = TaskOwner(on_error=self._say_error)
        self._calls_started = False
        self.settings_entry = SettingsEntry(self, services, self.tasks)
        self.counter = CounterSession(
            services,
            kiosk=settings.kiosk,
            spawn=lambda coro: self.tasks.run(coro, key=_RECONCILE),
            clock=clock,
        )
        self.sign_in_session = self.counter.sign_in
        self.pictures = PictureCache(settings.picture_cache_dir, parent=self)
        self._clock = clock
        # What the window remembers by itself (a collapsed panel) lives in the data folder,
        # next to the journal: per counter, and never in the shop's settings file.
        self.ui_state = QSettings(str(settings.ui_state_path), QSettings.Format.IniFormat, self)
        self.setObjectName("mainWindow")
        # Qt adds " — <application display name>" to any other title (set_app_identity),
        # so the demo's title is "DEMO — Pickup Counter", not the name twice.
        self.setWindowTitle(APP_NAME if demo is None else self.tr("DEMO"))
        self.resize(default_window_size(self.screen().availableSize()))
        # Before the widgets: the kiosk look (larger font) must be in place when they copy
        # their fonts.
        self._kiosk: KioskCounter | None = None
        if settings.kiosk:
            from pos_app.ui.counter.kiosk_counter import KioskCounter

            self._kiosk = KioskCounter(self, services.staff)
        self.kiosk = self._kiosk.mode if self._kiosk is not None else None
        self.recent_page: RecentPage | None = None
        self.recent_view: RecentPickupsView | None = None
        self.prepare_page: PreparePage | None = None
        self.completed = False
        self._build(clock)
        self._wire_first()
        if self.kiosk is not None:
            self.kiosk.attach()
        if complete:
            self.complete()

    def complete(self) -> None:
        """The rest of the window, once its first frame is on screen (once)."""
        if self.completed:
            return
        self.completed = True
        from pos_app.services.progress import ProgressService

        settings = self.services.settings
        self.progress = ProgressService.from_settings(
            settings, self.services.clients, clock=self._clock
        )
        screen = self.counter_screen
        screen.complete(self.progress)
        # The parts the tests and the kiosk look at, by the names they had on the window.
        self.model, page = screen.model, screen.customer_page
        self.customer_header, self.rewards_list = page.header, page.rewards_list
        self.hand_over_button, self.progress_panel = page.hand_over_button, page.progress_panel
        self.recent_page, self.recent_view = screen.recent_page, screen.recent_view
        self.prepare_page = screen.prepare_page
        if self.recent_page is not None and self.kiosk is None:
            self._staff_slot_layout.addWidget(self.recent_page.staff_entry.button)
            self._staff_slot.show()
        if self.recent_view is not None and self.sign_in_session.staff is not None:
            self.recent_view.set_signed_in(self.sign_in_session.staff)
        self._wire()
        self.search_bar.submitted.disconnect(self._searched_early)
        if self._early_search:
            self.identify.search()

    def _searched_early(self) -> None:
        if not self.completed:
            self._early_search = True

    @property
    def customer(self) -> CustomerSummary | None:
        return self.counter.customer

    @property
    def looking_up(self) -> bool:
        return self.identify.busy

    # -- layout --------------------------------------------------------------------------

    def _build(self, clock: Callable[[], datetime] | None) -> None:
        screen = self.counter_screen = CounterScreen(
            self.counter,
            self.tasks,
            pictures=self.pictures,
            ui_state=self.ui_state,
            kiosk=self.kiosk,
            demo=self._demo,
            clock=clock,
            parent=self,
        )
        self.setCentralWidget(screen)
        # The parts the tests and the kiosk look at, by the names they had on the window.
        self.search_bar, self.search_input = screen.search_bar, screen.search_bar.input
        self.recent_button, self.busy_bar = screen.search_bar.recent_button, screen.busy_bar
        self.message_bar, self.health_banner = screen.message_bar, screen.health_banner
        self.code_entry, self.pages = screen.code_entry, screen.pages
        self.kiosk_home = screen.kiosk_home
        services = self.services
        self.status = CounterStatusBar(
            services.settings.counter_name,
            sign_in=self.counter.sign_in_required and services.staff is not None,
            leave_kiosk=self.kiosk is not None,
            parent=self,
            kiosk_settings=self.settings_entry.available,
        )
        self.connection_label = self.status.connection_label
        self.unresolved_label = self.status.unresolved_label
        self.nudj_setup_label = self.status.nudj_setup_label
        self.sign_in_button = self.status.sign_in_button
        #: Where complete() puts the Staff button: after the bar's own, before Settings.
        self._staff_slot = QWidget(self.status)
        self._staff_slot_layout = QHBoxLayout(self._staff_slot)
        self._staff_slot_layout.setContentsMargins(0, 0, 0, 0)
        self._staff_slot.hide()
        self.status.addPermanentWidget(self._staff_slot)
        if self.settings_entry.available and self.kiosk is None:
            # A kiosk's Settings are behind Leave kiosk: nothing of them on its screen.
            self.status.addPermanentWidget(self.settings_entry.button(self))
        self.setStatusBar(self.status)
        self.shared_watch = SharedJournalWatch(
            services, self.status, self.tasks, parent=self, kiosk=self.kiosk is not None
        )

    def _wire_first(self) -> None:
        """What the first frame needs: signing in, the status bar's buttons, a few keys."""
        counter, services = self.counter, self.services
        self.signing_in = SignInControl(
            counter.sign_in,
            services.staff,
            problem=services.staff_problem,
            tasks=self.tasks,
            messages=self.message_bar,
            window=self,
        )
        self.signing_in.changed.connect(self._show_signed_in)
        self.sign_in_button.clicked.connect(self.signing_in.toggle)
        if self.health_banner is not None:
            self.health_banner.acknowledged.connect(self._acknowledged)
        if self.status.leave_button is not None and self.kiosk is not None:
            self.status.leave_button.clicked.connect(self.kiosk.request_unlock)
        for key in ("Ctrl+L", "F6"):
            QShortcut(QKeySequence(key), self, self.focus_search)
        # A scan whose Enter comes before the window is complete is looked up once it is.
        self._early_search = False
        self.search_bar.submitted.connect(self._searched_early)
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, self.show_help)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)

    def _wire(self) -> None:
        # Imported here, with the customer page they work on: after the first paint.
        from pos_app.ui.counter.claim_flow import ClaimFlow
        from pos_app.ui.counter.hand_over import HandOverFlow
        from pos_app.ui.counter.identify import IdentifyFlow

        counter = self.counter
        self.identify = IdentifyFlow(
            counter, self.counter_screen, self.tasks, show_recent=self.show_recent_pickups
        )
        self.hand_over = HandOverFlow(
            counter,
            self.signing_in,
            tasks=self.tasks,
            messages=self.message_bar,
            pictures=self.pictures,
            page=self.counter_screen.customer_page,
            actions=self.counter_screen.notice_actions,
            window=self,
            finished=self._hand_over_finished,
        )
        self.claim = ClaimFlow(
            counter,
            self.signing_in,
            tasks=self.tasks,
            messages=self.message_bar,
            pictures=self.pictures,
            page=self.counter_screen.customer_page,
            window=self,
        )
        self.claim.finished.connect(lambda _result: self.handOverFinished.emit())
        self.claim.claimed.connect(self.hand_over.prefer)
        self.counter_screen.customerShown.connect(self.customerShown)
        self.camera = self.counter_screen.camera
        self.camera.codeRead.connect(self.identify.scanned)
        self.camera.closeRequested.connect(self.show_counter)
        counter.on_reconciled(self._on_reconciled)
        if self.kiosk is None:
            self.progress.add_nudj_setup_listener(self.status.show_nudj_setup)
        self.search_bar.listen_to(self.rewards_list)
        self.recent_button.clicked.connect(self.show_recent_pickups)
        if self.kiosk_home is not None:
            self.kiosk_home.emailRequested.connect(self._kiosk_email)
            if self._kiosk is not None:
                self.kiosk_home.languageChosen.connect(self._kiosk.choose_language)
            self.search_bar.listen_to(self.kiosk_home)
        self.customer_header.earlier_button.clicked.connect(self._earlier_pickups)
        self.search_input.textEdited.connect(self._typing)
        if self.counter_screen.customer_page.done_button is not None:
            self.counter_screen.customer_page.done_button.clicked.connect(self.kiosk_reset)
        if self.recent_page is not None and self.recent_view is not None:
            self.recent_page.back_button.clicked.connect(self.show_counter)
            # A reversed reward is collectable again: shown if that customer is here.
            self.recent_view.pickupReversed.connect(self._refresh)
            self.recent_view.reverseFinished.connect(counter.reverse_finished)
            self.recent_view.reverseFinished.connect(self._on_refund_finished)
            self.handOverFinished.connect(self.recent_view.refresh)
            if self.recent_page.prepare_button is not None:
                self.recent_page.prepare_button.clicked.connect(self.show_to_prepare)
        if self.prepare_page is not None:
            self.prepare_page.view.set_sign_in(self._sign_in_first)
            self.prepare_page.back_button.clicked.connect(self.show_counter)
            self.prepare_page.recent_button.clicked.connect(self.show_recent_pickups)
        banner = self.counter_screen.demo_banner
        if banner is not None and banner.mailbox_button is not None:
            banner.mailbox_button.clicked.connect(self._show_demo_mailbox)
        QShortcut(QKeySequence("Ctrl+R"), self, self.show_recent_pickups)
        QShortcut(QKeySequence("Ctrl+T"), self, self.show_to_prepare)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.hand_over.start_all)

    # -- start, errors, focus ------------------------------------------------------------

    def start(self) -> None:
        """Begin the window's work; called once the loop runs (never from __init__).

        The app calls the two halves apart, :meth:`start_calls` after the first paint.
        """
        self.start_screen()
        self.start_calls()

    def start_screen(self) -> None:
        """What the first frame shows: the focus, what this start found, the sign-in."""
        self.focus_search()
        if self._kiosk is not None:
            self._kiosk.start()
        services = self.services
        for problem in (services.staff_problem, services.journal_problem):
            if problem:
                self.message_bar.show_message(problem, MessageKind.ERROR)
        if services.clients.piggy is None:
            self._connection_words(self._not_set_up_text)
            return
        if services.settings.require_staff_sign_in:
            self.signing_in.ask()

    def start_calls(self) -> None:
        """The counter's first calls: the shop's name, settling what an earlier run left,
        sharing the journal. Their clients are built on the first of them."""
        services = self.services
        if services.clients.piggy is None or self._calls_started:
            return
        self._calls_started = True
        self.tasks.op(self.counter.load_shop_name(), key=_SHOP).success(
            lambda name: self._connection_words(
                lambda: words.shop_text(name, services.settings.shop_uuid)
            )
        ).failure(self._shop_failed).run()
        self.counter.start_settling()
        self.counter.start_sharing()
        self.shared_watch.start()

    def _say_error(self, exc: BaseException) -> bool:
        """The default route of a failed task: what the world caused, said in the bar."""
        if isinstance(exc, NotSetUpError):
            text = str(exc) if self.services.clients.piggy is not None else ""
            self.message_bar.show_message(text or self._not_set_up_text(), MessageKind.ERROR)
            return True
        if isinstance(exc, errors.ApiError | IdentifyError):
            self.message_bar.show_message(describe_lookup_error(exc), MessageKind.ERROR)
            return True
        return False

    def _connection_words(self, text: Callable[[], str]) -> None:
        """The connection status, worded again in each language the screen switches to."""
        label = self.status.connection_label
        retranslated(label, lambda: self.status.show_connection(text()))

    def _typing(self, text: str) -> None:
        """A scan's first keystroke: connections are opened now, not after Enter."""
        if len(text) == 1 and not self.tasks.is_running(_WARM_UP):
            self.tasks.op(self.services.clients.warm_up(), key=_WARM_UP).run()

    def _not_set_up_text(self) -> str:
        """No way into Piggy: staff are told whom to ask; a kiosk's customer, nothing more."""
        if self.kiosk is not None:
            return self.tr("This counter is not ready yet. Please ask a member of staff.")
        return self.tr("Piggy is not connected — ask a manager to open Settings.")

    def _shop_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, errors.ApiError):
            self.tasks.fail(exc)
            return
        log.warning("Shop lookup failed: %s", type(exc).__name__)
        self.status.show_connection(describe_connection_error(exc))

    def focus_search(self) -> None:
        self.counter_screen.focus_search()

    def _escape(self) -> None:
        if not self.completed:
            self.focus_search()
        elif self.code_entry.isVisible():
            self.identify.cancel_code()
        elif self.camera.is_open:
            self.show_counter()
        else:
            self.focus_search()

    # -- hand over -----------------------------------------------------------------------

    def _hand_over_finished(self, customer: CustomerSummary) -> None:
        if self._closing:
            return
        self.handOverFinished.emit()
        # The next reward that can go is ready: another Enter, Enter hands it over.
        if self.counter.customer is customer and not self.rewards_list.select_first_available():
            self.focus_search()

    def _acknowledged(self, manager_name: str) -> None:
        self.counter.acknowledged()
        if self.completed:
            self.hand_over.update_button()
        text = self.tr("Acknowledged by {name}; hand-overs can start again.")
        self.message_bar.show_message(text.format(name=manager_name), MessageKind.SUCCESS)

    # -- recent pickups and reconciliation -----------------------------------------------

    def show_recent_pickups(self) -> None:
        page = self.recent_page
        if page is None:
            return
        if self.kiosk is not None and self.sign_in_session.profile is None:
            # The list names other customers' pickups: staff only at a shared counter.
            self.signing_in.sign_in_then(lambda: self.pages.setCurrentWidget(page))
            return
        self.pages.setCurrentWidget(page)

    def show_to_prepare(self) -> None:
        """The To prepare page (none in kiosk mode, or without Piggy or a journal)."""
        if self.prepare_page is not None:
            self.pages.setCurrentWidget(self.prepare_page)

    def _sign_in_first(self, then: Callable[[], None]) -> bool:
        """Where staff sign in to work, ask for a sign-in before ``then`` (True: asked)."""
        if not self.counter.needs_sign_in or self.services.staff is None:
            return False
        self.signing_in.sign_in_then(then)
        return True

    def show_help(self) -> None:
        if self.help is None:
            self.help = HelpDialog(self)
        if self.help.isVisible():
            self.help.raise_()  # already open, perhaps behind the window
        self.help.show()

    def show_counter(self) -> None:
        self.pages.setCurrentIndex(CUSTOMER if self.counter.customer is not None else HOME)
        # Marks may have been made meanwhile (To prepare, another counter).
        self.counter_screen.shelf_marks.refresh()
        self.focus_search()

    def _show_signed_in(self, staff: object) -> None:
        self.status.show_signed_in(self.sign_in_session.staff)
        if self.recent_view is not None:
            self.recent_view.set_signed_in(self.sign_in_session.staff)

    def _refresh(self, customer_uuid: str | None = None) -> None:
        """Ask again what the customer on screen can pick up (if it is ``customer_uuid``)."""
        customer = self.counter.customer
        if customer is not None and customer_uuid in (None, customer.uuid):
            self.tasks.op(self.counter.refresh(customer), key=REFRESH).run()

    def _on_refund_finished(self, result: object) -> None:
        """Points given back to the customer on screen: their header shows the new balance."""
        if isinstance(result, RefundResult):
            self.tasks.op(self.counter.refund_finished(result), key=_BALANCE).run()

    def reconcile_now(self) -> None:
        self.counter.settle_now()

    def _on_reconciled(self, report: ReconcileReport) -> None:
        if report.failure is not None and not isinstance(report.failure, errors.ApiError):
            report_exception(type(report.failure), report.failure, report.failure.__traceback__)
        if report.settled:
            # Must not be missed: in the bar, and in a box until someone closes it.
            text = words.describe_reconciled(report.settled)
            self.message_bar.show_message(text, MessageKind.INFO)
            info_box(self, self.tr("Hand-overs checked"), text, "reconcileNotice")
            if self.recent_view is not None:
                self.recent_view.refresh()
            self._refresh()
        self.status.show_unresolved(report.unresolved)

    # -- kiosk and demo ------------------------------------------------------------------

    def _kiosk_email(self) -> None:
        self.search_bar.show()
        self.focus_search()

    def _earlier_pickups(self) -> None:
        """The customer on screen's earlier pickups, in Recent pickups."""
        customer, page = self.counter.customer, self.recent_page
        if customer is not None and page is not None:
            self.pages.setCurrentWidget(page)
            self.tasks.op(page.show_history(customer), key=REFRESH).run()

    def kiosk_reset(self) -> None:
        """Back to the home screen with no trace of the customer (kiosk idle or Done)."""
        if self._kiosk is not None:
            self._kiosk.wipe()
            self.kioskReset.emit()

    def _show_demo_mailbox(self) -> None:
        if self._demo is not None:
            text = demo_mailbox_text(self._demo, self.counter.pending_email)
            info_box(self, self.tr("Customer's mailbox"), text, "demoMailbox")

    # -- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            if self.kiosk is not None:
                self.kiosk.release()
            self.counter.stop_settling()
            self.shared_watch.stop()
            self.search_bar.stop_listening()
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                # Closed while no loop runs (a test's teardown): whoever owns the loop
                # cancels the tasks; nothing async can run here.
                self.closed.emit()
            else:
                # Kept on self: asyncio holds tasks only weakly.
                self._shutdown_task = asyncio.ensure_future(self._shutdown())
        super().closeEvent(event)

    async def _shutdown(self) -> None:
        self.signing_in.stop()
        await self.tasks.cancel_all()
        if self.recent_view is not None:
            await self.recent_view.aclose()
        if self.prepare_page is not None:
            await self.prepare_page.view.aclose()
        if self.completed:
            await self.progress.aclose()
        await self.pictures.aclose()
        self.closed.emit()
