"""The counter's screen: everything inside the window's frame, and how session events show.

From top to bottom: the kiosk header or the demo banner, the scan field, a busy bar, the
message area, the journal-health banner, the email-code entry, and the pages (welcome or
kiosk home, the customer, Recent pickups). :meth:`CounterScreen.show_event` is the one
place where what the counter session says becomes what the cashier sees.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from pos_app.services import counter_events as events
from pos_app.services.counter import CounterSession
from pos_app.services.pickup_models import CustomerSummary
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.counter.banners import DemoBanner, kiosk_header, welcome_label
from pos_app.ui.counter.customer_widgets import CodeEntry, MessageBar
from pos_app.ui.counter.notice import NoticeActions
from pos_app.ui.counter.search import SearchBar
from pos_app.ui.counter.sounds import ScanSounds
from pos_app.ui.managers.journal_health import JournalHealthBanner
from pos_app.ui.pictures import PictureCache

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo
    from pos_app.services.progress import ProgressService
    from pos_app.ui.camera.home import CameraControl
    from pos_app.ui.counter.customer_page import CustomerPage, SidePrograms
    from pos_app.ui.counter.kiosk import KioskMode
    from pos_app.ui.counter.kiosk_home import KioskHome
    from pos_app.ui.counter.prepare_page import PreparePage
    from pos_app.ui.counter.recent_page import RecentPage
    from pos_app.ui.counter.shelf_marks import ShelfMarksOnList
    from pos_app.ui.managers.recent_pickups import RecentPickupsView
    from pos_app.ui.rewards import RewardListModel

#: The task key of a lookup: a new scan replaces the one running.
LOOKUP = "lookup"
#: The task key of asking again what the customer on screen can pick up.
REFRESH = "refresh"
#: The task key of a hand-over (here, so that it is known before the customer page is).
HAND_OVER = "hand-over"
HOME, CUSTOMER = 0, 1
#: How long the programs wait for the list before they are asked anyway: not at all. A list
#: already in when the contact comes goes on screen first (the cashier needs it first); a
#: list still on its way would keep the programs a frame or more behind what they need.
PROGRAMS_AFTER_LIST_MS = 0
#: How long the customer's page waits for the list before it shows them without it. Contact
#: and list mostly come back moments apart: drawn in between, the empty page would be a
#: frame of work the list waits for, and gone before anyone could read it.
LOADING_PAGE_AFTER_MS = 50


class CounterScreen(QWidget):
    """Built in two steps: what the first frame shows (the scan field, the messages, the
    welcome or kiosk home), then, once that is on screen, :meth:`complete` adds the pages
    the counter shows later (the customer's, Recent pickups, To prepare), the camera and
    the side programs, with the modules they need.

    Signals:
    customerShown(str): a customer's rewards are on screen (their uuid).
    """

    customerShown = Signal(str)
    # Made by complete():
    model: RewardListModel
    customer_page: CustomerPage
    camera: CameraControl
    side: SidePrograms
    shelf_marks: ShelfMarksOnList

    def __init__(
        self,
        counter: CounterSession,
        tasks: TaskOwner,
        *,
        pictures: PictureCache,
        ui_state: QSettings,
        kiosk: KioskMode | None,
        demo: DemoInfo | None,
        clock: Callable[[], datetime] | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        services = counter.services
        self._tasks = tasks
        self._counter, self._pictures = counter, pictures
        self._ui_state, self._clock = ui_state, clock
        self.completed = False
        self.sounds = ScanSounds(
            services.settings.data_dir / "sounds", enabled=services.settings.scan_sound
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        if kiosk is not None:
            layout.addLayout(kiosk_header(kiosk, self))
        self.demo_banner = DemoBanner(demo, self) if demo is not None else None
        if self.demo_banner is not None:
            layout.addWidget(self.demo_banner)
        self.search_bar = SearchBar(
            kiosk=kiosk is not None, recent_enabled=services.journal is not None, parent=self
        )
        layout.addWidget(self.search_bar)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(4)
        self.busy_bar.setTextVisible(False)
        # Keeps its place while hidden, as the message line below: a lookup starting or
        # ending neither moves the list nor makes the whole page be laid out and painted
        # again (for a long list, that took a frame and more just as it was shown).
        busy_policy = self.busy_bar.sizePolicy()
        busy_policy.setRetainSizeWhenHidden(True)
        self.busy_bar.setSizePolicy(busy_policy)
        self.busy_bar.hide()
        layout.addWidget(self.busy_bar)
        self.message_bar = MessageBar(self)
        # The line keeps its place while empty: a notice coming or going does not move the
        # list under the cashier's pointer.
        policy = self.message_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message_bar.setSizePolicy(policy)
        # One line of text with the style sheet's padding, also while empty.
        self.message_bar.setMinimumHeight(self.message_bar.fontMetrics().height() + 22)
        self.notice_actions = NoticeActions(self.message_bar, self)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.message_bar, 1)
        notice_row.addWidget(self.notice_actions)
        layout.addLayout(notice_row)
        self.health_banner: JournalHealthBanner | None = None
        if counter.held_by is not None and services.journal is not None:
            self.health_banner = JournalHealthBanner(
                counter.held_by,
                services.journal,
                services.staff,
                tasks,
                asked_by=lambda: counter.sign_in.staff,
                parent=self,
            )
            layout.addWidget(self.health_banner)
        self.code_entry = CodeEntry(self, keypad=kiosk is not None)
        layout.addWidget(self.code_entry)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.kiosk_home: KioskHome | None = None
        if kiosk is not None:
            from pos_app.ui.counter.kiosk_home import KioskHome

            self.kiosk_home = KioskHome(self.pages)
        self.pages.addWidget(self.kiosk_home or welcome_label(self.pages))
        layout.addWidget(self.pages, 1)
        self.recent_page: RecentPage | None = None
        self.recent_view: RecentPickupsView | None = None
        self.prepare_page: PreparePage | None = None

    def complete(self, progress: ProgressService) -> None:
        """The rest of the screen, once its first frame is on screen (once)."""
        if self.completed:
            return
        self.completed = True
        # Imported here: the customer page, the lists and their dialogs load after the
        # first paint.
        from pos_app.ui.camera.home import CameraControl
        from pos_app.ui.counter.customer_page import CustomerPage, SidePrograms
        from pos_app.ui.counter.prepare_page import PreparePage, to_prepare_service
        from pos_app.ui.counter.recent_page import RecentPage
        from pos_app.ui.counter.shelf_marks import ShelfMarksOnList
        from pos_app.ui.rewards import RewardListModel

        counter, tasks, pictures = self._counter, self._tasks, self._pictures
        services = counter.services
        in_kiosk = self.kiosk_home is not None
        self.model = RewardListModel(pictures, parent=self)
        self.customer_page = CustomerPage(
            self.model,
            pictures,
            kiosk=in_kiosk,
            # Other customers' pickups are staff's business: not from a kiosk's screen.
            history=services.journal is not None and not in_kiosk,
            ui_state=self._ui_state,
            giftoin_platform=services.settings.giftoin_platform,
            clock=self._clock,
            parent=self.pages,
        )
        self.pages.addWidget(self.customer_page)
        if services.journal is not None:
            self.recent_page = RecentPage(
                services.journal,
                counter,
                tasks=tasks,
                messages=self.message_bar,
                kiosk=in_kiosk,
                parent=self.pages,
            )
            self.recent_view = self.recent_page.view
            self.pages.addWidget(self.recent_page)
        prepare = to_prepare_service(counter)
        if prepare is not None and not in_kiosk:
            self.prepare_page = PreparePage(counter, prepare, parent=self.pages)
            self.pages.addWidget(self.prepare_page)
        self.camera = CameraControl(
            services.settings,
            self.pages,
            kiosk_home=self.kiosk_home,
            focus_search=self.focus_search,
            parent=self,
        )
        if self.camera.button is not None:
            self.search_bar.add_button(self.camera.button)
        self.side = SidePrograms(
            progress,
            self.customer_page.progress_panel,
            tasks,
            current=lambda: counter.customer,
            list_loading=lambda: tasks.is_running(LOOKUP),
            parent=self,
        )
        self._programs_for: CustomerSummary | None = None
        self._programs_timer = QTimer(self)
        self._programs_timer.setSingleShot(True)
        self._programs_timer.setInterval(PROGRAMS_AFTER_LIST_MS)
        self._programs_timer.timeout.connect(self._ask_programs)
        self._loading_for: CustomerSummary | None = None
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(LOADING_PAGE_AFTER_MS)
        self._loading_timer.timeout.connect(self._show_loading)
        counter.add_listener(self.show_event)
        # After show_event: the marks are read for the list it has just shown.
        self.shelf_marks = ShelfMarksOnList(counter, self.model, prepare, tasks)

    def focus_search(self) -> None:
        # Kiosk: the field is hidden; the home screen or the list takes the scanner's
        # keys and hands them on.
        on_customer = self.completed and self.pages.currentIndex() == CUSTOMER
        rewards = self.customer_page.rewards_list if on_customer else None
        self.search_bar.focus(rewards if on_customer else self.kiosk_home)

    def _ask_programs(self) -> None:
        """Start the side programs for the customer found, once."""
        customer, self._programs_for = self._programs_for, None
        self._programs_timer.stop()
        if customer is not None:
            self.side.load(customer)

    def _show_loading(self) -> None:
        """The customer found, their list still on its way: who it is, and that it comes."""
        customer, self._loading_for = self._loading_for, None
        self._loading_timer.stop()
        if customer is not None:
            self.customer_page.show_loading(customer)
            self.model.clear()
            self.pages.setCurrentIndex(CUSTOMER)

    def show_event(self, event: events.CounterEvent) -> None:
        model, page = self.model, self.customer_page
        if isinstance(event, events.CustomerCleared):
            self._programs_for = None
            self._programs_timer.stop()
            self._loading_for = None
            self._loading_timer.stop()
            self.side.clear()
            model.clear()
            page.clear()
            if not self.camera.is_open:  # the camera keeps looking until someone is found
                self.pages.setCurrentIndex(HOME)
        elif isinstance(event, events.CustomerFound):
            self.code_entry.close_entry()
            self._loading_for = event.customer
            self._loading_timer.start()
            # The list waits for neither program; they are asked once it is shown, or as
            # soon as this step is done if it is still on its way.
            self._programs_for = event.customer
            self._programs_timer.start()
        elif isinstance(event, events.RewardsShown):
            self._show_loading()  # in the same step as the list: drawn once, with it
            model.set_list(event.rewards)
            if event.first:
                page.show_loaded()
                # Someone typing the next search keeps their field, focus and cursor.
                typing = self.search_bar.is_typing()
                if not typing:
                    self.search_bar.flash(good=True)
                    self.sounds.found()
                found = page.rewards_list.select_first_available(focus=not typing)
                if not found and not typing:
                    self.focus_search()
                self.message_bar.clear_message()
                self.customerShown.emit(event.customer.uuid)
                self._ask_programs()
        elif isinstance(event, events.CodeSent):
            self.code_entry.ask(event.masked)
            self.message_bar.show_message(
                self.tr("Code sent. Type the code the customer reads from the email.")
            )
        elif isinstance(event, events.ItemsSending):
            for item in event.items:
                model.set_busy(item.loyalty_transaction_uuid, True)
        elif isinstance(event, events.BalanceChanged):
            page.header.show_points(event.points)
        elif isinstance(event, events.ItemHandled):
            uuid = event.result.item.loyalty_transaction_uuid
            model.set_busy(uuid, False)
            if event.gone:
                model.remove(uuid)
