"""The counter's main window: scan a customer, see their rewards, hand them over.

Everything slow happens in tasks owned by :attr:`MainWindow.tasks`; a new scan replaces
the lookup still running (same task key), so a late answer for an earlier customer never
lands on the screen. The progress panel (Giftoin, Nudj) loads beside the rewards list under
task keys of its own, so a slow program never holds the list or the Hand over button up.

Size: still the counter's use cases as well as its wiring (scan dispatch, the email-code
flow, the hand-over loop, kiosk branches). They move into a Qt-free counter session, as
reconciliation already has (:mod:`pos_app.services.reconcile`), leaving this module the
wiring of widgets to it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from pos_app import APP_NAME
from pos_app.api import errors
from pos_app.api.budget import Deadline, time_budget
from pos_app.resources import app_icon_path
from pos_app.services.connections import ApiClients
from pos_app.services.identify import (
    LOOKUP_BUDGET,
    CustomerLookup,
    IdentifyError,
    Scan,
    ScanKind,
    classify_scan,
)
from pos_app.services.pickup import (
    CollectOutcome,
    CollectResult,
    PickupDesk,
    Reconciled,
    ReverseOutcome,
    ReverseResult,
)
from pos_app.services.pickup_models import (
    CustomerSummary,
    PickupItem,
    mask_email,
    pickup_state,
)
from pos_app.services.progress import (
    GiftoinProgress,
    NotLinked,
    NudjProgress,
    NudjSetupProblem,
    Program,
    ProgressService,
)
from pos_app.services.reconcile import Reconciler, ReconcileReport
from pos_app.services.settings import PrintSlip, Settings
from pos_app.services.slips import PickupSlip
from pos_app.services.staff import SignInSession, StaffService
from pos_app.storage import COLLECT, AsyncJournal, JournalHealth, Operation
from pos_app.ui.async_support import TaskOwner, await_dialog, report_exception
from pos_app.ui.customer_widgets import CodeEntry, CustomerHeader, MessageBar, MessageKind
from pos_app.ui.handover_dialog import HandOverDialog
from pos_app.ui.journal_health import JournalHealthBanner
from pos_app.ui.kiosk import KioskHome, KioskMode, LogoButton
from pos_app.ui.messages import (
    describe_connection_error,
    describe_lookup_error,
)
from pos_app.ui.pictures import PictureCache
from pos_app.ui.progress import ProgressPanel
from pos_app.ui.recent_pickups import (
    RecentPickupsView,
    describe_reconciled_reversals,
    state_text,
)
from pos_app.ui.rewards_list import RewardListModel, RewardListView, format_short_date
from pos_app.ui.sign_in import IdleSignOut, sign_in
from pos_app.ui.slips import offer_slip
from pos_app.ui.staff_dialogs import ask_manager_pin, ensure_manager, manage_staff, role_text

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo

log = logging.getLogger(__name__)

_LOOKUP = "lookup"
_SHOP = "shop"
_RECONCILE = "reconcile"
# A spent budget still needs a positive number: the request then fails at once, unsent.
_LEAST_BUDGET = 0.001
_COLLECT = "collect"
_KIOSK_SETUP = "kiosk.setup"
#: A progress answer that arrives while the rewards list is still loading waits up to this
#: long, so the list is laid out and painted first; a slow list does not hide the panel.
PROGRESS_HOLD_MS = 250
#: One task key per program: a Retry replaces only its own section's load.
_PROGRESS = {Program.GIFTOIN: "progress.giftoin", Program.NUDJ: "progress.nudj"}


class MainWindow(QMainWindow):
    """The one window of the app.

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

    def __init__(
        self,
        settings: Settings,
        clients: ApiClients,
        *,
        journal: AsyncJournal | None = None,
        journal_problem: str | None = None,
        journal_health: JournalHealth | None = None,
        staff: StaffService | None = None,
        staff_problem: str | None = None,
        demo: DemoInfo | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clients = clients
        self._journal = journal
        self._journal_problem = journal_problem
        #: Set while hand-overs wait for a manager to acknowledge what the check found.
        self._held_by: JournalHealth | None = (
            journal_health if journal_health and journal_health.needs_acknowledgement else None
        )
        self._demo = demo
        self._lookup = (
            CustomerLookup(clients.piggy, clock=clock) if clients.piggy is not None else None
        )
        self._desk = (
            PickupDesk(
                clients.piggy,
                journal,
                settle_grace=timedelta(seconds=settings.settle_grace_seconds),
            )
            if clients.piggy is not None and journal is not None
            else None
        )
        self._staff = staff
        self._staff_problem = staff_problem
        self.sign_in_session = SignInSession(
            idle_after=timedelta(minutes=settings.staff_idle_sign_out_minutes)
        )
        self._idle_sign_out = IdleSignOut(self.sign_in_session, self)
        self._idle_sign_out.signedOut.connect(self.on_idle_sign_out_signedOut)
        self._shop_name = ""
        self.customer: CustomerSummary | None = None
        self._pending_email: str | None = None
        self.tasks = TaskOwner()
        #: Settles what hand-overs and reversals left unfinished (None without a journal).
        self.reconciler = (
            Reconciler(
                self._desk,
                spawn=lambda coro: self.tasks.run(coro, key=_RECONCILE),
            )
            if self._desk is not None
            else None
        )
        if self.reconciler is not None:
            self.reconciler.add_listener(self.on_reconciler_report)
        self._closing = False
        self._shutdown_task: asyncio.Future[None] | None = None
        self.pictures = PictureCache(settings.picture_cache_dir, parent=self)
        self.model = RewardListModel(self.pictures, parent=self)
        self.progress = ProgressService.from_settings(settings, clients, clock=clock)
        self._clock = clock
        # What the window remembers by itself (a collapsed panel) lives in the data folder,
        # next to the journal: per counter, and never in the shop's settings file.
        self.ui_state = QSettings(str(settings.ui_state_path), QSettings.Format.IniFormat, self)
        self.setObjectName("mainWindow")
        # Qt adds " — <application display name>" to any other title (set_app_identity),
        # so the demo's title is "DEMO — Pickup Counter", not the name twice.
        title = APP_NAME if demo is None else self.tr("DEMO")
        self.setWindowTitle(title)
        self.resize(1100, 760)
        self._held_progress: list[tuple[CustomerSummary, Callable[[], None]]] = []
        self._progress_hold = QTimer(self)
        self._progress_hold.setSingleShot(True)
        self._progress_hold.setInterval(PROGRESS_HOLD_MS)
        self._progress_hold.timeout.connect(self._release_progress)
        #: Set while a scanner types into the hidden search field of the kiosk.
        self._scan_typed = False
        self.kiosk: KioskMode | None = None
        if settings.kiosk:
            # Before _build: the kiosk look (larger font) must be in place when the
            # widgets copy their fonts.
            self.kiosk = KioskMode(
                self,
                idle_seconds=settings.kiosk_idle_seconds,
                hide_cursor=settings.kiosk_hide_cursor,
                tasks=self.tasks,
                ask_unlock=self._ask_kiosk_unlock,
                armed=self.kiosk_has_traces,
                wipe=self.kiosk_reset,
            )
        self._build()
        if self.kiosk is not None:
            self.kiosk.attach()

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        if self.kiosk is not None:
            layout.addLayout(self._build_kiosk_header(self.kiosk, central))
        if self._demo is not None:
            layout.addWidget(self._build_demo_banner(self._demo, central))

        self.search_bar = QWidget(central)
        self.search_bar.setObjectName("searchBar")
        search_row = QHBoxLayout(self.search_bar)
        search_row.setContentsMargins(0, 0, 0, 0)
        self.search_input = QLineEdit(self.search_bar)
        self.search_input.setObjectName("searchInput")
        self.search_input.setPlaceholderText(
            self.tr("Scan a loyalty card or QR code, or type an email")
        )
        self.search_input.setClearButtonEnabled(True)
        self.search_input.setMinimumHeight(44)
        font = self.search_input.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.search_input.setFont(font)
        self.search_button = QPushButton(self.tr("Find"), self.search_bar)
        self.search_button.setObjectName("searchButton")
        self.search_button.setMinimumHeight(44)
        self.recent_button = QPushButton(self.tr("Recent pickups"), self.search_bar)
        self.recent_button.setObjectName("recentPickupsButton")
        self.recent_button.setMinimumHeight(44)
        self.recent_button.setToolTip(self.tr("Pickups at this counter; managers reverse here"))
        self.recent_button.setEnabled(self._journal is not None)
        search_row.addWidget(self.search_input, 1)
        search_row.addWidget(self.search_button)
        search_row.addWidget(self.recent_button)
        layout.addWidget(self.search_bar)
        if self.kiosk is not None:
            # Scan first: a scanner's keys reach the hidden field (see eventFilter); staff
            # open the field to type an email.
            self.search_input.setPlaceholderText(self.tr("Type the customer's email"))
            self.search_bar.hide()

        self.busy_bar = QProgressBar(central)
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(4)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        layout.addWidget(self.busy_bar)

        self.message_bar = MessageBar(central)
        layout.addWidget(self.message_bar)
        self.health_banner: JournalHealthBanner | None = None
        if self._held_by is not None and self._journal is not None:
            self.health_banner = JournalHealthBanner(
                self._held_by,
                self._journal,
                self._staff,
                self.tasks,
                asked_by=lambda: self.sign_in_session.staff,
                parent=central,
            )
            self.health_banner.acknowledged.connect(self.on_health_banner_acknowledged)
            layout.addWidget(self.health_banner)
        self.code_entry = CodeEntry(central, keypad=self.kiosk is not None)
        layout.addWidget(self.code_entry)

        self.pages = QStackedWidget(central)
        self.pages.setObjectName("pages")
        self.kiosk_home: KioskHome | None = None
        if self.kiosk is not None:
            self.kiosk_home = KioskHome(self.pages)
            self.kiosk_home.emailRequested.connect(self.on_kiosk_home_emailRequested)
            self.kiosk_home.installEventFilter(self)
            self.pages.addWidget(self.kiosk_home)
        else:
            welcome = QLabel(
                self.tr("Scan the customer's card to see the rewards waiting for pickup."),
                self.pages,
            )
            welcome.setObjectName("welcomeMessage")
            welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
            welcome.setWordWrap(True)
            welcome.setFrameShape(QFrame.Shape.StyledPanel)
            font = welcome.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            welcome.setFont(font)
            self.pages.addWidget(welcome)
        self.pages.addWidget(self._build_customer_page())
        self.recent_view: RecentPickupsView | None = None
        self._recent_page: QWidget | None = None
        if self._journal is not None:
            self._recent_page = self._build_recent_page(self._journal)
            self.pages.addWidget(self._recent_page)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        status = QStatusBar(self)
        self.connection_label = QLabel(self.tr("Connecting…"), status)
        self.connection_label.setObjectName("connectionStatus")
        status.addWidget(self.connection_label, 1)
        self.unresolved_label = QLabel(status)
        self.unresolved_label.setObjectName("unresolvedStatus")
        status.addPermanentWidget(self.unresolved_label)
        # A Nudj id source that finds nobody is the shop's set-up, not the customer's: said
        # to staff here, never on a kiosk's customer-facing screen (it is logged there).
        self.nudj_setup_label = QLabel(status)
        self.nudj_setup_label.setObjectName("nudjSetupStatus")
        self.nudj_setup_label.setWordWrap(False)
        self.nudj_setup_label.hide()
        status.addPermanentWidget(self.nudj_setup_label)
        if self.kiosk is None:
            self.progress.add_nudj_setup_listener(self.on_progress_nudjSetupProblem)
        self.sign_in_button = QPushButton(self.tr("Sign in"), status)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setFlat(True)
        self.sign_in_button.clicked.connect(self.on_sign_in_button_clicked)
        self.sign_in_button.setVisible(
            (self._settings.require_staff_sign_in or self.kiosk is not None)
            and self._staff is not None
        )
        status.addPermanentWidget(self.sign_in_button)
        if self.kiosk is not None:
            leave = QPushButton(self.tr("Leave kiosk"), status)
            leave.setObjectName("kioskLeaveButton")
            leave.setFlat(True)
            leave.setStyleSheet("color: #777;")
            leave.setAccessibleName(self.tr("Leave kiosk mode (manager PIN)"))
            leave.clicked.connect(self.kiosk.request_unlock)
            status.addPermanentWidget(leave)
        counter = QLabel(self.tr("Counter: {name}").format(name=self._settings.counter_name))
        status.addPermanentWidget(counter)
        self.setStatusBar(status)

        self.search_input.returnPressed.connect(self.on_search_input_return_pressed)
        self.search_button.clicked.connect(self.on_search_input_return_pressed)
        self.recent_button.clicked.connect(self.show_recent_pickups)
        self.code_entry.submitted.connect(self.on_code_entry_submitted)
        self.code_entry.resend_requested.connect(self.on_code_entry_resend_requested)
        self.code_entry.cancelled.connect(self.on_code_entry_cancelled)
        self.collect_button.clicked.connect(self.on_collect_button_clicked)
        self.rewards_list.activated.connect(self.on_rewards_list_activated)
        selection = self.rewards_list.selectionModel()
        selection.selectionChanged.connect(self._update_collect_button)
        self.model.modelReset.connect(self._update_collect_button)
        self.model.rowsRemoved.connect(self._update_collect_button)
        self.progress_panel.retryRequested.connect(self.on_progress_panel_retryRequested)
        # Scanner input must work whatever has focus: keys typed into the list go to the
        # scan field instead.
        self.rewards_list.installEventFilter(self)
        for key in ("Ctrl+L", "F6"):
            QShortcut(QKeySequence(key), self, self.focus_search)
        QShortcut(QKeySequence("Ctrl+R"), self, self.show_recent_pickups)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.on_escape_pressed)

    def _build_kiosk_header(self, kiosk: KioskMode, parent: QWidget) -> QHBoxLayout:
        """No title bar in kiosk mode: the logo (hold it to leave) and the app's name."""
        row = QHBoxLayout()
        logo = LogoButton(QIcon(str(app_icon_path())), parent)
        logo.longPressed.connect(kiosk.request_unlock)
        row.addWidget(logo)
        title = QLabel(APP_NAME, parent)
        title.setObjectName("kioskTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        row.addWidget(title, 1)
        return row

    def _build_demo_banner(self, demo: DemoInfo, parent: QWidget) -> QWidget:
        banner = QFrame(parent)
        banner.setObjectName("demoBanner")
        banner.setStyleSheet(
            "QFrame#demoBanner { background: #ffcc33; border-radius: 6px; }"
            " QFrame#demoBanner QLabel { color: #222; font-weight: 600; }"
        )
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 6, 8, 6)
        text = self.tr(
            "DEMO — a built-in simulator stands in for Piggy, Giftoin and Nudj; nothing here "
            "is real. Try the cards {cards} or the email {email}."
        ).format(cards=", ".join(demo.cards), email=demo.email)
        if demo.faults:
            text += " " + self.tr("Simulated faults: {routes}.").format(
                routes=", ".join(demo.faults)
            )
        if demo.staff:
            # Demo profiles only: a shop's PINs are never shown anywhere.
            text += " " + self.tr("Demo staff: {people}.").format(
                people=", ".join(f"{p.name} ({role_text(p.role)}) PIN {p.pin}" for p in demo.staff)
            )
        label = QLabel(text, banner)
        label.setWordWrap(True)
        row.addWidget(label, 1)
        if demo.mailbox is not None:
            mailbox = QPushButton(self.tr("Customer's mailbox"), banner)
            mailbox.setObjectName("demoMailboxButton")
            mailbox.setToolTip(self.tr("Demo only: the email the simulated customer received."))
            mailbox.clicked.connect(self.on_demo_mailbox_clicked)
            row.addWidget(mailbox)
        return banner

    def _build_recent_page(self, journal: AsyncJournal) -> QWidget:
        page = QWidget(self.pages)
        page.setObjectName("recentPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        title = QLabel(self.tr("Recent pickups"), page)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        header.addWidget(title, 1)
        self.staff_button = QPushButton(self.tr("Staff…"), page)
        self.staff_button.setObjectName("staffButton")
        self.staff_button.setMinimumHeight(40)
        self.staff_button.setEnabled(self._staff is not None)
        self.staff_button.clicked.connect(self.on_staff_button_clicked)
        back = QPushButton(self.tr("Back to the counter"), page)
        back.setObjectName("backToCounterButton")
        back.setMinimumHeight(40)
        back.clicked.connect(self.show_counter)
        header.addWidget(self.staff_button)
        header.addWidget(back)
        layout.addLayout(header)
        self.recent_view = RecentPickupsView(
            journal, desk=self._desk, staff=self._staff, parent=page
        )
        self.recent_view.pickupReversed.connect(self.on_recent_view_pickupReversed)
        self.recent_view.reverseFinished.connect(self.on_recent_view_reverseFinished)
        self.handOverFinished.connect(self.recent_view.refresh)
        layout.addWidget(self.recent_view, 1)
        return page

    def show_recent_pickups(self) -> None:
        if self._recent_page is None:
            return
        if self.kiosk is not None and self.sign_in_session.profile is None:
            # The list names other customers' pickups: staff only at a shared counter.
            if not self.tasks.is_running("sign-in"):
                self.tasks.run(self._sign_in_then_show_recent(), key="sign-in")
            return
        self.pages.setCurrentWidget(self._recent_page)

    async def _sign_in_then_show_recent(self) -> None:
        if await self._sign_in(required=True) and self._recent_page is not None:
            self.pages.setCurrentWidget(self._recent_page)

    def show_counter(self) -> None:
        self.pages.setCurrentIndex(1 if self.customer is not None else 0)
        self.focus_search()

    def on_recent_view_pickupReversed(self, customer_uuid: str) -> None:
        # The reward is collectable again: show it if that customer is at the counter.
        if self.customer is not None and self.customer.uuid == customer_uuid:
            self.tasks.run(self._refresh_list(self.customer), key="refresh")

    def on_recent_view_reverseFinished(self, result: ReverseResult) -> None:
        if self.reconciler is None:
            return
        if result.outcome is ReverseOutcome.UNKNOWN:
            self.reconciler.connection_lost()
        self.reconciler.note_unfinished()

    def on_staff_button_clicked(self) -> None:
        if self._staff is None or self.tasks.is_running("staff"):
            return
        self.tasks.run(
            manage_staff(self._staff, self, asked_by=self.sign_in_session.staff), key="staff"
        )

    # -- sign-in -------------------------------------------------------------------------

    def on_sign_in_button_clicked(self) -> None:
        if self._staff is None or self.tasks.is_running("sign-in"):
            return
        if self.sign_in_session.profile is not None:
            self.sign_in_session.sign_out()
            self._idle_sign_out.stop()
            self._update_signed_in()
            return
        self.tasks.run(self._sign_in(), key="sign-in")

    async def _sign_in(self, *, required: bool = False) -> bool:
        """Ask for a sign-in; True when someone is signed in.

        Also True when there is nobody who could sign in, unless ``required`` (kiosk mode:
        nothing a customer could do alone). False when PINs cannot be checked at all.
        """
        if self._staff is None:
            # Sign-in is asked for because this counter needs it: without a way to check
            # PINs nobody gets past it.
            self._show_staff_problem()
            return False
        profile = await sign_in(self._staff, self.sign_in_session, self)
        if profile is None:
            return not required and not await self._staff.has_any_staff()
        self._idle_sign_out.start()
        self._update_signed_in()
        return True

    def _sign_in_needed(self) -> bool:
        return self._settings.require_staff_sign_in or self.kiosk is not None

    def _show_staff_problem(self) -> None:
        self.message_bar.show_message(
            self._staff_problem or self.tr("Staff PINs cannot be checked on this counter."),
            MessageKind.ERROR,
        )

    def on_idle_sign_out_signedOut(self, _profile: object) -> None:
        self._update_signed_in()
        self.message_bar.show_message(
            self.tr("Signed out after a quiet spell. Sign in again to hand rewards over."),
            MessageKind.INFO,
        )

    def _update_signed_in(self) -> None:
        staff = self.sign_in_session.staff
        if self.recent_view is not None:
            self.recent_view.set_signed_in(staff)
        if staff is None:
            self.sign_in_button.setText(self.tr("Sign in"))
        else:
            self.sign_in_button.setText(self.tr("{name} · sign out").format(name=staff.name))

    def _build_customer_page(self) -> QWidget:
        page = QWidget(self.pages)
        page.setObjectName("customerPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.customer_header = CustomerHeader(page)
        layout.addWidget(self.customer_header)
        row = QHBoxLayout()
        row.setSpacing(12)
        pickup = QVBoxLayout()
        self.rewards_list = RewardListView(page)
        self.rewards_list.setModel(self.model)
        self.rewards_list.set_empty_text(self.tr("Nothing to pick up for this customer."))
        pickup.addWidget(self.rewards_list, 1)
        actions = QHBoxLayout()
        self.selection_label = QLabel(page)
        self.selection_label.setObjectName("selectionSummary")
        actions.addWidget(self.selection_label, 1)
        self.collect_button = QPushButton(self.tr("Hand over"), page)
        self.collect_button.setObjectName("collectButton")
        self.collect_button.setMinimumHeight(48)
        self.collect_button.setMinimumWidth(200)
        font = self.collect_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.collect_button.setFont(font)
        self.collect_button.setEnabled(False)
        if self.kiosk is not None:
            done = QPushButton(self.tr("Done"), page)
            done.setObjectName("kioskDoneButton")
            done.setToolTip(self.tr("Clear the screen for the next customer"))
            done.setMinimumSize(140, 48)
            done.clicked.connect(self.kiosk_reset)
            actions.addWidget(done)
        actions.addWidget(self.collect_button)
        pickup.addLayout(actions)
        row.addLayout(pickup, 1)
        self.progress_panel = ProgressPanel(
            self.pictures, state=self.ui_state, clock=self._clock, parent=page
        )
        self.progress_panel.set_giftoin_platform(self._settings.giftoin_platform)
        row.addWidget(self.progress_panel)
        layout.addLayout(row, 1)
        return page

    # -- focus and keys ------------------------------------------------------------------

    def focus_search(self) -> None:
        if self.search_bar.isHidden():
            # Kiosk: the field is hidden; the home screen or the list takes the scanner's
            # keys and hands them on (eventFilter).
            self.search_input.selectAll()
            target = self.rewards_list if self.pages.currentIndex() == 1 else self.kiosk_home
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.search_input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_input.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: Qt may still deliver events while the window is being torn down.
        scan_sources = (getattr(self, "rewards_list", None), getattr(self, "kiosk_home", None))
        if event.type() == QEvent.Type.KeyPress and watched in scan_sources:
            assert isinstance(event, QKeyEvent)
            if self._forward_scan_key(event):
                return True
        return super().eventFilter(watched, event)

    def _forward_scan_key(self, event: QKeyEvent) -> bool:
        """A scanner (or a person) typing while the list or the kiosk home has focus.

        That is a new search, not list navigation: the keys go to the search field, the
        first one replacing the old query. With the field hidden (kiosk), Enter after
        typed keys starts the search.
        """
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        hidden = self.search_bar.isHidden()
        if hidden and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self._scan_typed:
                return False  # Enter on the list: hand over, as usual
            self._scan_typed = False
            self.on_search_input_return_pressed()
            return True
        if not (plain and text and text.isprintable() and not text.isspace()):
            return False
        if hidden:
            self._scan_typed = True
        elif not self.search_input.hasFocus():
            self.search_input.setFocus(Qt.FocusReason.OtherFocusReason)
            self.search_input.selectAll()
        self.search_input.insert(text)
        return True

    def on_escape_pressed(self) -> None:
        if self.code_entry.isVisible():
            self.on_code_entry_cancelled()
        else:
            self.focus_search()

    # -- start-up ------------------------------------------------------------------------

    def start(self) -> None:
        """Begin background work; called once the loop runs (never from __init__)."""
        self.focus_search()
        if self.kiosk is not None:
            self.kiosk.start()
            if self._staff is not None:
                self.tasks.run(self._kiosk_setup(self._staff), key=_KIOSK_SETUP)
        problems = list(self._clients.problems)
        if self._journal_problem:
            problems.append(self._journal_problem)
        if self._staff_problem:
            problems.append(self._staff_problem)
            self.message_bar.show_message(self._staff_problem, MessageKind.ERROR)
        if problems:
            self.connection_label.setText(" ".join(problems))
            if self._journal_problem:
                self.message_bar.show_message(self._journal_problem, MessageKind.ERROR)
            if self._clients.piggy is None:
                return
        if self._settings.require_staff_sign_in and self._staff is not None:
            self.tasks.run(self._sign_in(), key="sign-in")
        self.tasks.run(
            self._load_shop_name(),
            on_success=self._on_shop_loaded,
            on_failure=self._on_connection_failed,
            key=_SHOP,
        )
        if self.reconciler is not None:
            self.reconciler.start()

    async def _load_shop_name(self) -> str:
        piggy = self._clients.piggy
        assert piggy is not None
        shops = await piggy.list_shops()
        wanted = self._settings.shop_uuid
        for shop in shops:
            if wanted and shop.uuid == wanted:
                return str(shop.name)
        if wanted:
            return self.tr("unknown shop {uuid}").format(uuid=wanted)
        return self.tr("no shop chosen")

    def _on_shop_loaded(self, name: str) -> None:
        self._shop_name = name
        self._mark_online()
        self.connection_label.setText(self.tr("Connected to Piggy · {shop}").format(shop=name))

    def _on_connection_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, errors.ApiError):
            report_exception(type(exc), exc, exc.__traceback__)
            return
        self._note_api_error(exc)
        text = describe_connection_error(exc)
        log.warning("Shop lookup failed: %s", type(exc).__name__)
        self.connection_label.setText(text)

    def on_progress_nudjSetupProblem(self, problem: NudjSetupProblem | None) -> None:
        if problem is None:
            self.nudj_setup_label.clear()
            self.nudj_setup_label.hide()
            return
        self.nudj_setup_label.setText(
            self.tr(
                "Nudj found none of the last {n} customers (by {source}): check the set-up."
            ).format(n=problem.misses, source=problem.looked_up_by)
        )
        self.nudj_setup_label.setToolTip(
            self.tr(
                "The Nudj id sent for a customer (setting nudj_user_id_source) matched no Nudj "
                "user for the last {n} customers. Check the setting; pos-app doctor shows it too."
            ).format(n=problem.misses)
        )
        self.nudj_setup_label.show()

    def _note_api_error(self, exc: BaseException) -> None:
        if isinstance(exc, errors.ApiConnectionError) and self.reconciler is not None:
            self.reconciler.connection_lost()

    def _mark_online(self) -> None:
        """A call went through. After an outage, settle what it left unfinished."""
        if self.reconciler is not None:
            self.reconciler.answered()

    # -- search --------------------------------------------------------------------------

    def on_search_input_return_pressed(self) -> None:
        scan = classify_scan(self.search_input.text())
        self.search_input.selectAll()
        if scan is None:
            return
        self.code_entry.close_entry()
        self._pending_email = None
        if scan.kind is not ScanKind.SLIP:
            # A new customer: the previous one's rewards must not stay on screen, even if
            # this lookup fails.
            self.clear_customer()
        if self._lookup is None:
            self.message_bar.show_message(" ".join(self._clients.problems), MessageKind.ERROR)
            return
        if scan.kind is ScanKind.SLIP:
            self._run_lookup(self._open_slip(scan.value), self.tr("Looking up the pickup…"))
        elif scan.kind is ScanKind.EMAIL and self._settings.require_code_for_email:
            self._run_lookup(self._send_code(scan.value), self.tr("Sending the code…"))
        else:
            self._run_lookup(self._load_customer(scan), self.tr("Looking up the customer…"))

    def clear_customer(self) -> None:
        """Back to the scan prompt with no trace of the last customer on screen."""
        self.customer = None
        for key in _PROGRESS.values():
            self.tasks.cancel(key)
        self._held_progress.clear()
        self._progress_hold.stop()
        self.progress_panel.clear()
        self.model.clear()
        self.customer_header.clear()
        self.selection_label.clear()
        self.pages.setCurrentIndex(0)

    def _run_lookup(self, coro: Coroutine[Any, Any, None], waiting_text: str) -> None:
        self.message_bar.show_message(waiting_text, MessageKind.INFO)
        self.busy_bar.show()
        task = self.tasks.run(coro, on_failure=self._on_lookup_failed, key=_LOOKUP)
        task.add_done_callback(lambda _task: self._lookup_ended())

    def _lookup_ended(self) -> None:
        if not self.tasks.is_running(_LOOKUP):
            self.busy_bar.hide()
            self._release_progress()

    def _on_lookup_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, errors.ApiError | IdentifyError):
            report_exception(type(exc), exc, exc.__traceback__)
            return
        self._note_api_error(exc)
        self.message_bar.show_message(describe_lookup_error(exc), MessageKind.ERROR)
        if self.code_entry.isVisible():
            self.code_entry.retry()
        else:
            self.focus_search()

    async def _load_customer(self, scan: Scan) -> None:
        assert self._lookup is not None
        # One budget from Enter to the list: the card's calls and the rewards share it.
        with time_budget(LOOKUP_BUDGET) as deadline:
            if scan.kind is ScanKind.EMAIL:
                customer = await self._lookup.by_email(scan.value)
            else:
                customer = await self._lookup.by_card(scan.value)
        await self._show_customer(customer, deadline)

    async def _send_code(self, email: str) -> None:
        assert self._lookup is not None
        await self._lookup.send_code(email)
        self._mark_online()
        self._pending_email = email
        self.code_entry.ask(email, mask_email(email))
        self.message_bar.show_message(
            self.tr("Code sent. Type the code the customer reads from the email."),
            MessageKind.INFO,
        )

    def on_code_entry_submitted(self, code: str) -> None:
        email = self._pending_email
        if email is None or self._lookup is None:
            return
        self.code_entry.set_busy(True)
        self._run_lookup(self._verify_code(email, code), self.tr("Checking the code…"))

    async def _verify_code(self, email: str, code: str) -> None:
        assert self._lookup is not None
        customer = await self._lookup.verify_code(email, code)
        self._pending_email = None
        self.code_entry.close_entry()
        await self._show_customer(customer)

    def on_code_entry_resend_requested(self) -> None:
        if self._pending_email is not None:
            self._run_lookup(self._send_code(self._pending_email), self.tr("Sending the code…"))

    def on_code_entry_cancelled(self) -> None:
        self.tasks.cancel(_LOOKUP)
        self._pending_email = None
        self.code_entry.close_entry()
        self.message_bar.clear_message()
        self.focus_search()

    async def _show_customer(
        self, customer: CustomerSummary, deadline: Deadline | None = None
    ) -> None:
        """Show ``customer`` and their rewards, within what is left of ``deadline``.

        The progress loads start outside that budget (they have their own): a task takes
        the budget in force where it is created.
        """
        assert self._lookup is not None
        self._mark_online()
        self.customer = customer
        self.customer_header.show_customer(customer)
        self.model.clear()
        self.rewards_list.set_empty_text(self.tr("Loading the rewards…"))
        self.pages.setCurrentIndex(1)
        # Started before the rewards are asked for, and not awaited here: the list must
        # not wait for either program.
        self._load_progress(customer, (Program.GIFTOIN, Program.NUDJ))
        with time_budget(max(deadline.remaining(), _LEAST_BUDGET) if deadline else LOOKUP_BUDGET):
            items = await self._lookup.rewards(customer.uuid)
        self._show_items(items)
        self.message_bar.clear_message()
        self.customerShown.emit(customer.uuid)

    def _show_items(self, items: list[PickupItem]) -> None:
        assert self._lookup is not None
        self.model.set_items(items, self._lookup.now())
        self.rewards_list.set_empty_text(self.tr("Nothing to pick up for this customer."))
        if not self.rewards_list.select_first_available(focus=True):
            self.focus_search()

    # -- progress panel --------------------------------------------------------------------

    def _load_progress(self, customer: CustomerSummary, programs: tuple[Program, ...]) -> None:
        for program in programs:
            coro: Coroutine[Any, Any, GiftoinProgress | NudjProgress | NotLinked]
            if program is Program.GIFTOIN:
                coro = self.progress.giftoin(customer)
            else:
                coro = self.progress.nudj(customer)
            self.progress_panel.show_loading(program)
            # Same key as the previous customer's load of this program: it is cancelled.
            self.tasks.run(
                coro,
                on_success=functools.partial(self._on_progress_loaded, program, customer),
                on_failure=functools.partial(self._on_progress_failed, program, customer),
                key=_PROGRESS[program],
            )

    def _on_progress_loaded(
        self,
        program: Program,
        customer: CustomerSummary,
        result: GiftoinProgress | NudjProgress | NotLinked,
    ) -> None:
        if program is Program.GIFTOIN:
            assert not isinstance(result, NudjProgress)
            self._show_progress(customer, lambda: self.progress_panel.show_giftoin(result))
        else:
            assert not isinstance(result, GiftoinProgress)
            self._show_progress(customer, lambda: self.progress_panel.show_nudj(result))

    def _on_progress_failed(
        self, program: Program, customer: CustomerSummary, exc: BaseException
    ) -> None:
        if isinstance(exc, errors.ApiError):
            log.warning("%s progress not loaded: %s", program.value, type(exc).__name__)
        else:
            # A bug, not a bad day: logged in full, but the side panel must not stop the
            # cashier with an error dialog in the middle of a hand-over.
            log.error("%s progress failed", program.value, exc_info=exc)
        self._show_progress(customer, lambda: self.progress_panel.show_error(program, exc))

    def _show_progress(self, customer: CustomerSummary, show: Callable[[], None]) -> None:
        if self.customer is not customer:
            return  # a newer customer is at the counter: this answer is not theirs
        if self.tasks.is_running(_LOOKUP):
            # The pickup list first: laying out and painting the panel now would delay it.
            self._held_progress.append((customer, show))
            if not self._progress_hold.isActive():
                self._progress_hold.start()
        else:
            show()

    def _release_progress(self) -> None:
        self._progress_hold.stop()
        held, self._held_progress = self._held_progress, []
        for customer, show in held:
            if self.customer is customer:
                show()

    def on_progress_panel_retryRequested(self, program: str) -> None:
        if self.customer is not None:
            self._load_progress(self.customer, (Program(program),))

    async def _open_slip(self, reference: str) -> None:
        if self._journal is None:
            self.message_bar.show_message(self._journal_problem or "", MessageKind.ERROR)
            return
        if self.recent_view is not None:
            self.show_recent_pickups()
            operation = await self.recent_view.open_reference(reference)
        else:
            operation = await self._journal.find_by_reference(reference)
        if operation is None:
            self.message_bar.show_message(
                self.tr("No pickup {ref} was made at this counter.").format(ref=reference),
                MessageKind.ERROR,
            )
            return
        self.message_bar.show_message(self._describe_pickup(operation), MessageKind.INFO)

    def _describe_pickup(self, operation: Operation) -> str:
        # In the words and by the rule of the Recent pickups list beside it.
        return self.tr("Pickup {ref}: {title}, {when} at {counter}. {state}.").format(
            ref=operation.reference or "",
            title=operation.reward_title or "",
            when=format_short_date(operation.created_at),
            counter=operation.counter,
            state=state_text(pickup_state(operation)),
        )

    # -- hand over -----------------------------------------------------------------------

    def _update_collect_button(self) -> None:
        items = self.rewards_list.selected_items()
        busy = self.tasks.is_running(_COLLECT)
        self.collect_button.setEnabled(
            bool(items) and not busy and self._desk is not None and self._held_by is None
        )
        if len(items) > 1:
            self.selection_label.setText(self.tr("{n} rewards selected").format(n=len(items)))
        else:
            self.selection_label.clear()

    def on_rewards_list_activated(self) -> None:
        self.on_collect_button_clicked()

    def on_collect_button_clicked(self) -> None:
        # Double clicks and double Enters land here twice: only the first starts anything.
        if self.tasks.is_running(_COLLECT) or self.customer is None:
            return
        if self._desk is None:
            self.message_bar.show_message(
                self._journal_problem or self.tr("Hand-over is not available."),
                MessageKind.ERROR,
            )
            return
        if self.health_banner is not None and self._held_by is not None:
            # The banner above says what was found; repeating it here would only push the
            # customer's list down.
            self.message_bar.show_message(
                self.tr(
                    "Not handed over: hand-overs are held until a manager acknowledges the "
                    "journal check above."
                ),
                MessageKind.ERROR,
            )
            return
        if self._sign_in_needed() and self._staff is None:
            self._show_staff_problem()
            return
        items = self.rewards_list.selected_items()
        if not items:
            return
        task = self.tasks.run(self._hand_over(self.customer, items), key=_COLLECT)
        task.add_done_callback(self._on_hand_over_ended)
        self._update_collect_button()

    def on_health_banner_acknowledged(self, manager_name: str) -> None:
        self._held_by = None
        self._update_collect_button()
        self.message_bar.show_message(
            self.tr("Acknowledged by {name}; hand-overs can start again.").format(
                name=manager_name
            ),
            MessageKind.SUCCESS,
        )

    def _on_hand_over_ended(self, _task: object) -> None:
        # In its own finally the task still counts as running: only now is the button
        # usable again after a cancelled confirmation. Not while the window closes.
        if not self._closing:
            self._update_collect_button()

    async def _hand_over(self, customer: CustomerSummary, items: list[PickupItem]) -> None:
        assert self._desk is not None
        try:
            dialog = HandOverDialog(customer.title, items, self.pictures, self)
            try:
                confirmed = await await_dialog(dialog) == HandOverDialog.DialogCode.Accepted
            finally:
                dialog.deleteLater()
            if not confirmed:
                self.rewards_list.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            if (
                (self._settings.require_staff_sign_in or self.kiosk is not None)
                and self.sign_in_session.profile is None
                and not await self._sign_in(required=self.kiosk is not None)
            ):
                self.message_bar.show_message(
                    self.tr("Staff hand rewards over: sign in with your PIN.")
                    if self.kiosk is not None
                    else self.tr("Sign in to hand rewards over."),
                    MessageKind.INFO,
                )
                return
            staff = self.sign_in_session.staff
            self.message_bar.show_message(self.tr("Handing over…"), MessageKind.INFO)
            results: list[CollectResult] = []
            for item in items:
                self.model.set_busy(item.loyalty_transaction_uuid, True)
            for item in items:
                try:
                    result = await self._desk.collect(customer.uuid, item, staff=staff)
                finally:
                    self.model.set_busy(item.loyalty_transaction_uuid, False)
                results.append(result)
                if result.outcome in (CollectOutcome.COLLECTED, CollectOutcome.ALREADY_COLLECTED):
                    self.model.remove(item.loyalty_transaction_uuid)
            if self.customer is customer:
                await self._report(customer, results)
                await self._offer_slip(customer, results)
            else:
                # The next customer was scanned meanwhile: the outcome names whose it was,
                # and no dialog of the previous customer's comes up over the new one.
                # (A wiped screen shows no name at all.)
                slip = await self._offer_slip(customer, results, interactive=False)
                await self._report(
                    customer,
                    results,
                    other_customer=self.customer is not None,
                    slip_skipped=slip,
                )
        finally:
            self.handOverFinished.emit()
            self._update_collect_button()
            if self.customer is customer:
                self.focus_search()

    async def _report(
        self,
        customer: CustomerSummary,
        results: list[CollectResult],
        *,
        other_customer: bool = False,
        slip_skipped: bool | None = None,
    ) -> None:
        """Say what came of a hand-over; ``other_customer``: no longer the one on screen."""
        done = [r for r in results if r.outcome is CollectOutcome.COLLECTED]
        problems = [r for r in results if r.outcome is not CollectOutcome.COLLECTED]
        lines: list[str] = []
        now_done = [r for r in done if not r.by_earlier_attempt]
        if now_done:
            titles = ", ".join(r.item.title for r in now_done)
            lines.append(self.tr("Collected: {titles}.").format(titles=titles))
        earlier = [r for r in done if r.by_earlier_attempt]
        if earlier:
            titles = ", ".join(r.item.title for r in earlier)
            lines.append(
                self.tr(
                    "Collected: {titles}. The earlier attempt went through after all: hand "
                    "it over now."
                ).format(titles=titles)
            )
        if any(r.not_recorded for r in results):
            lines.append(
                self.tr(
                    "The journal could not record this (is the disk full?). Tell the store "
                    "manager; the app records it as soon as it can."
                )
            )
        for result in problems:
            lines.append(self._describe_problem(result))
        kind = MessageKind.SUCCESS if not problems else MessageKind.ERROR
        if any(r.not_recorded for r in results):
            kind = MessageKind.ERROR
        text = " ".join(lines)
        if other_customer:
            text = self.tr("{name}: {outcome}").format(name=customer.title, outcome=text)
            if slip_skipped is False:
                text += " " + self.tr("No slip was offered: another customer is on screen.")
        self.message_bar.show_message(text, kind)
        # Piggy answered (whatever it said) unless the outcome is unknown or no connection
        # could be made at all.
        if any(
            r.outcome not in (CollectOutcome.UNKNOWN, CollectOutcome.NOT_RECORDED)
            and not isinstance(r.error, errors.ApiConnectionError)
            for r in results
        ):
            self._mark_online()
        for result in results:
            if result.error is not None:
                self._note_api_error(result.error)
        if any(r.outcome is CollectOutcome.UNKNOWN for r in results) and self.reconciler:
            self.reconciler.connection_lost()
            self.reconciler.note_unfinished()
        if any(r.outcome is CollectOutcome.ALREADY_COLLECTED for r in results):
            await self._refresh_list(customer)

    async def _offer_slip(
        self, customer: CustomerSummary, results: list[CollectResult], *, interactive: bool = True
    ) -> bool | None:
        """A pickup slip for what was handed over, as the print_slip setting says.

        None when no slip was due; else False only when it was held back because it would
        have needed a dialog and ``interactive`` is off (another customer on screen).
        """
        operations = [
            r.operation
            for r in results
            if r.outcome is CollectOutcome.COLLECTED and r.operation is not None
        ]
        setting = self._settings.print_slip
        if not operations or setting is PrintSlip.NEVER:
            return None
        slip = PickupSlip.from_operations(
            operations, shop_name=self._shop_name or APP_NAME, customer=customer
        )
        where = await offer_slip(slip, setting, self, interactive=interactive)
        return where is not None or interactive

    def _describe_problem(self, result: CollectResult) -> str:
        title = result.item.title
        if result.outcome is CollectOutcome.ALREADY_COLLECTED:
            return self.tr("{title}: already picked up (perhaps at another counter).").format(
                title=title
            )
        if result.outcome is CollectOutcome.EXPIRED:
            expires = result.item.expires_at
            if expires is not None:
                return self.tr("{title}: expired on {date}; it cannot be handed over.").format(
                    title=title, date=format_short_date(expires)
                )
            return self.tr("{title}: expired; it cannot be handed over.").format(title=title)
        if result.outcome is CollectOutcome.NOT_RECORDED:
            return self.tr(
                "{title}: not handed over. The journal cannot be written (is the disk full?), "
                "so nothing was sent. Tell the store manager."
            ).format(title=title)
        if result.outcome is CollectOutcome.UNKNOWN:
            return self.tr(
                "{title}: no answer from the loyalty service in time, so it is not known "
                "whether the hand-over was recorded. Keep the item until the app has checked; "
                "it checks by itself every 30 seconds and says what it finds."
            ).format(title=title)
        reason = describe_connection_error(result.error) if result.error else ""
        return self.tr("{title}: not handed over. {reason}").format(title=title, reason=reason)

    async def _refresh_list(self, customer: CustomerSummary) -> None:
        assert self._lookup is not None
        try:
            items = await self._lookup.rewards(customer.uuid)
        except errors.ApiError as exc:
            self._note_api_error(exc)
            return
        if self.customer is customer:
            self.model.set_items(items, self._lookup.now())

    # -- reconciliation ------------------------------------------------------------------

    def reconcile_now(self) -> None:
        if self.reconciler is not None:
            self.reconciler.run_now()

    def on_reconciler_report(self, report: ReconcileReport) -> None:
        if report.failure is not None and not isinstance(report.failure, errors.ApiError):
            report_exception(type(report.failure), report.failure, report.failure.__traceback__)
        self._show_reconciled(report.settled)
        self._show_unresolved(report.unresolved)

    def _show_reconciled(self, settled: list[Reconciled]) -> None:
        if settled:
            notices = []
            collects = [s for s in settled if s.operation.kind == COLLECT]
            went = [s.operation.reward_title or "" for s in collects if s.went_through]
            elsewhere = [
                s.operation.reward_title or "" for s in collects if s.collected_by is not None
            ]
            not_went = [
                s.operation.reward_title or ""
                for s in collects
                if not s.went_through and s.collected_by is None
            ]
            parts = []
            if elsewhere:
                parts.append(
                    self.tr("handed over at another counter: {titles}").format(
                        titles=", ".join(elsewhere)
                    )
                )
            if went:
                parts.append(
                    self.tr("recorded as handed over: {titles}").format(titles=", ".join(went))
                )
            if not_went:
                parts.append(
                    self.tr("not handed over (still waiting): {titles}").format(
                        titles=", ".join(not_went)
                    )
                )
            if parts:
                notices.append(
                    self.tr("Earlier unfinished hand-overs were checked — {outcomes}.").format(
                        outcomes="; ".join(parts)
                    )
                )
                if went:
                    notices.append(
                        self.tr("If an item was kept back meanwhile, give it to the customer.")
                    )
            reversals = describe_reconciled_reversals(settled)
            if reversals:
                notices.append(reversals)
            self.show_notice(" ".join(notices))
            if self.recent_view is not None:
                self.recent_view.refresh()
            if self.customer is not None:
                self.tasks.run(self._refresh_list(self.customer), key="refresh")

    def _show_unresolved(self, count: int | None) -> None:
        if count:
            self.unresolved_label.setText(
                self.tr("{n} hand-over(s) or reversal(s) waiting to be checked").format(n=count)
            )
        elif count == 0:
            self.unresolved_label.clear()

    def show_notice(self, text: str) -> None:
        """A message that must not be missed (reconciliation outcomes): bar and dialog."""
        self.message_bar.show_message(text, MessageKind.INFO)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Hand-overs checked"), text)
        box.setObjectName("reconcileNotice")
        box.setParent(self, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- kiosk ---------------------------------------------------------------------------

    def on_kiosk_home_emailRequested(self) -> None:
        self.search_bar.show()
        self.focus_search()

    async def _kiosk_setup(self, staff: StaffService) -> None:
        """A locked counter needs a manager who can unlock it: the first start asks for one."""
        try:
            await ensure_manager(staff, self)
        except LookupError:
            log.error("Kiosk mode needs a manager; none was created, so the app quits.")
            if self.kiosk is not None:
                self.kiosk.unlocked = True
            self.close()

    async def _ask_kiosk_unlock(self) -> bool:
        if self._staff is None:
            # No PIN can be checked, so nobody may leave from here: a counter left alone
            # with a customer must not open up because its staff file broke.
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Leave kiosk mode"),
                self.tr(
                    "Staff PINs cannot be checked on this counter right now, so kiosk mode "
                    "cannot be left from here. Your IT contact can end the app from the "
                    "operating system, as the kiosk set-up notes describe."
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("kioskLeaveRefused")
            try:
                await await_dialog(box)
            finally:
                box.deleteLater()
            return False
        manager = await ask_manager_pin(
            self._staff,
            self,
            prompt=self.tr("Leaving kiosk mode needs a manager's PIN."),
            asked_by=self.sign_in_session.staff,
        )
        return manager is not None

    def kiosk_has_traces(self) -> bool:
        """Is anything on screen or in memory that an idle kiosk must wipe?"""
        return bool(
            self.customer is not None
            or self.search_input.text()
            or self.code_entry.isVisible()
            or self.message_bar.isVisible()
            or not self.search_bar.isHidden()
            or self.pages.currentIndex() != 0
            or self.sign_in_session.profile is not None
            or self.tasks.is_running(_LOOKUP)
            or self._open_dialogs()
        )

    def _open_dialogs(self) -> list[QDialog]:
        """This window's dialogs on screen (isAncestorOf stops at window borders)."""
        found = []
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                owner = widget.parentWidget()
                while owner is not None and owner is not self:
                    owner = owner.parentWidget()
                if owner is self:
                    found.append(widget)
        return found

    def kiosk_reset(self) -> None:
        """Back to the home screen with no trace of the customer (kiosk idle or Done).

        Open dialogs are closed, the lookup stopped, the customer's list, header, panel
        and pictures forgotten, the search field emptied, and whoever signed in signed out.
        A hand-over already sent is left to finish: its outcome is journaled either way.
        """
        for dialog in self._open_dialogs():
            dialog.reject()
        self.tasks.cancel(_LOOKUP)
        self.tasks.cancel("refresh")
        self.code_entry.close_entry()
        self._pending_email = None
        self.clear_customer()
        self.pictures.clear_memory()
        self.message_bar.clear_message()
        self.search_input.clear()
        self._scan_typed = False
        if self.kiosk is not None:
            self.search_bar.hide()
        if self.sign_in_session.profile is not None:
            self.sign_in_session.sign_out()
            self._idle_sign_out.stop()
            self._update_signed_in()
        self.focus_search()
        self.kioskReset.emit()

    # -- demo ----------------------------------------------------------------------------

    def on_demo_mailbox_clicked(self) -> None:
        demo = self._demo
        if demo is None or demo.mailbox is None:
            return
        email = self._pending_email or demo.email
        code = demo.mailbox(email)
        if code is None:
            text = self.tr("No email has been sent to {email} yet.").format(email=email)
        else:
            text = self.tr(
                "Demo only — the email {email} received says: your login code is {code}."
            ).format(email=email, code=code)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Customer's mailbox"), text)
        box.setObjectName("demoMailbox")
        box.setParent(self, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            if self.kiosk is not None:
                self.kiosk.release()
            if self.reconciler is not None:
                self.reconciler.stop()
            self.rewards_list.removeEventFilter(self)
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
        self._idle_sign_out.stop()
        await self.tasks.cancel_all()
        if self.recent_view is not None:
            await self.recent_view.aclose()
        await self.progress.aclose()
        await self.pictures.aclose()
        self.closed.emit()
