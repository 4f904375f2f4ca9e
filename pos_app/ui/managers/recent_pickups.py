"""Recent pickups, from the journal: find a hand-over and reverse it.

:class:`RecentPickupsModel` is a table of collects (time, reward, customer, staff, state),
newest first. :class:`RecentPickupsView` (``objectName`` ``recentPickups``) adds the filters
(day, text — a scanned slip reference included), the Reverse button (``reverseButton``) and
the whole reverse flow: first manager if there is none, reason and manager PIN
(:class:`~pos_app.ui.managers.reverse_dialog.ReverseDialog`, which also asks whether the
return puts the reward back for pickup or refunds its points), then
:meth:`~pos_app.services.pickup.PickupDesk.reverse` or
:meth:`~pos_app.services.refund.RefundDesk.refund` and a message in shop words.

The table is :mod:`~pos_app.ui.managers.pickups_table`, the words after a reversal
:mod:`~pos_app.ui.managers.reversal_words`.

Size: the view, its filters (day, text, one customer), and the actions on a selected
pickup (reverse, reprint, export) share the selection and the one message line; the
actions move out together once the counter's other manager actions join them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app import APP_NAME
from pos_app.services.pickup import PickupDesk, ReverseOutcome, ReverseResult
from pos_app.services.refund import RefundDesk, RefundOutcome, RefundResult
from pos_app.services.settings import PrintSlip, SlipPaper
from pos_app.services.shop_pickups import ShopJournalUnreachableError, ShopPickups
from pos_app.services.slips import PickupSlip
from pos_app.services.staff import StaffService
from pos_app.storage import (
    CLAIM,
    COLLECT,
    AsyncJournal,
    Journal,
    JournalError,
    Operation,
    StaffRef,
    UnknownOperationError,
    export_table_csv,
)
from pos_app.ui.async_support import TaskOwner, await_dialog, report_exception
from pos_app.ui.dialogs.save_file import ask_save_path, documents_folder
from pos_app.ui.managers.pickups_table import (
    DayChoice,
    PickupColumn,
    RecentPickupsModel,
    can_refund,
    can_reprint,
    can_reverse,
)
from pos_app.ui.managers.refund_words import describe_refund_result
from pos_app.ui.managers.reversal_words import describe_reverse_result
from pos_app.ui.managers.reverse_dialog import ReturnAction, ReverseDialog
from pos_app.ui.managers.staff import ensure_manager
from pos_app.ui.plurals import english_plural
from pos_app.ui.theme import set_style_property

if TYPE_CHECKING:
    from pos_app.ui.slips.receipt import ReceiptTarget

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_LOAD = "load"
_REVERSE = "reverse"
_REPRINT = "reprint"
_EXPORT = "export"
#: Typing in the search field reloads after this pause, not on every key.
SEARCH_DELAY_MS = 250
#: Rows the view asks the journal for.
ROW_LIMIT = 200
#: While the shop's pickups are shown, they are read again this often (another counter's
#: hand-over shows within it, plus the time that counter takes to copy it: about a second).
LIVE_REFRESH_MS = 3000


# -- the view --------------------------------------------------------------------------------


class RecentPickupsView(QWidget):
    """Recent pickups with filters and the Reverse button (``objectName`` ``recentPickups``).

    Loads from the journal when first shown and on :meth:`refresh`. Reversing needs the
    pickup desk and the staff service; without them the button explains why it cannot.

    Signals:
        reverseFinished(object): a reverse or a refund ended; the :class:`ReverseResult`
            or :class:`RefundResult` (check ``outcome`` for UNKNOWN to start
            reconciliation, REVERSED to reload a list).
        pickupReversed(str): a reward went back to a customer, or its points did (their
            uuid).
        loaded: the table was (re)loaded from the journal.
    """

    reverseFinished = Signal(object)
    pickupReversed = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        journal: AsyncJournal,
        *,
        desk: PickupDesk | None = None,
        staff: StaffService | None = None,
        refunds: RefundDesk | None = None,
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recentPickups")
        self._journal = journal
        self._desk = desk
        self._staff = staff
        self._refunds = refunds
        self._today = today or date.today
        self._asked_by: StaffRef | None = None
        #: (uuid, name) while the list is one customer's history.
        self._customer: tuple[str, str] | None = None
        self._shop_name: Callable[[], str] = lambda: APP_NAME
        self._pdf_folder: Path | None = None
        self._slip_printer: Callable[[], tuple[str | None, SlipPaper]] = lambda: (
            None,
            SlipPaper.RECEIPT,
        )
        self._receipt_printer: Callable[[], ReceiptTarget | None] = lambda: None
        self._kiosk = False
        self._export_folder: Path | None = None
        self._message_sink: Callable[[str, str], None] | None = None
        #: The shop's pickups (shared journal), when set: see :meth:`set_shop`.
        self._shop: ShopPickups | None = None
        self._shop_unreachable = False
        self.tasks = TaskOwner()
        self.model = RecentPickupsModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The page's one message line, at its top: what a load, a search or a reversal
        # came to.
        self.message = QLabel(self)
        self.message.setObjectName("recentMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.message_kind: str | None = None
        layout.addWidget(self.message)

        filters = QHBoxLayout()
        self.day_filter = QComboBox(self)
        self.day_filter.setObjectName("recentDayFilter")
        self.day_filter.setMinimumHeight(40)
        for text, choice in (
            (self.tr("Today"), DayChoice.TODAY),
            (self.tr("Yesterday"), DayChoice.YESTERDAY),
            (self.tr("All days"), DayChoice.ALL),
            (self.tr("Choose a day…"), DayChoice.CHOSEN),
        ):
            self.day_filter.addItem(text, choice)
        # WORKAROUND: under the style sheet's padding the selector's own size hint comes
        # out short and cuts the longest choice off; room for it plus the arrow is made.
        longest = max(
            self.day_filter.fontMetrics().horizontalAdvance(self.day_filter.itemText(i))
            for i in range(self.day_filter.count())
        )
        self.day_filter.setMinimumWidth(longest + 56)
        day_label = QLabel(self.tr("&Day:"), self)
        day_label.setBuddy(self.day_filter)
        self.day_input = QDateEdit(self)
        self.day_input.setObjectName("recentDay")
        self.day_input.setAccessibleName(self.tr("Day"))
        self.day_input.setCalendarPopup(True)
        self.day_input.setDisplayFormat("d MMM yyyy")
        self.day_input.setMinimumHeight(40)
        self.day_input.setAccessibleName(self.tr("The day shown"))
        self.day_input.hide()
        self._set_day(self._today())
        self.search_input = QLineEdit(self)
        self.search_input.setObjectName("recentSearch")
        self.search_input.setAccessibleName(self.tr("Search recent pickups"))
        self.search_input.setClearButtonEnabled(True)
        self.search_input.setMinimumHeight(40)
        self.search_input.setPlaceholderText(
            self.tr("Reward, customer name, staff or slip code (PU-…)")
        )
        # Only while the shop's pickups are shown (set_shop).
        self.counter_filter = QComboBox(self)
        self.counter_filter.setObjectName("recentCounterFilter")
        self.counter_filter.setAccessibleName(self.tr("Counter"))
        self.counter_filter.setMinimumHeight(40)
        self.counter_filter.addItem(self.tr("All counters"), None)
        self.counter_filter.hide()
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("recentRefreshButton")
        self.refresh_button.setMinimumHeight(40)
        filters.addWidget(day_label)
        filters.addWidget(self.day_filter)
        filters.addWidget(self.day_input)
        filters.addWidget(self.counter_filter)
        filters.addWidget(self.search_input, 1)
        filters.addWidget(self.refresh_button)
        layout.addLayout(filters)

        # Shown while the list is one customer's history (show_customer).
        self.customer_bar = QFrame(self)
        self.customer_bar.setObjectName("recentCustomerBar")
        bar = QHBoxLayout(self.customer_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.customer_label = QLabel(self.customer_bar)
        self.customer_label.setObjectName("recentCustomerLabel")
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.customer_label.font()
        font.setBold(True)
        self.customer_label.setFont(font)
        self.all_customers_button = QPushButton(self.tr("Show all customers"), self.customer_bar)
        self.all_customers_button.setObjectName("recentAllCustomersButton")
        self.all_customers_button.setMinimumHeight(40)
        bar.addWidget(self.customer_label, 1)
        bar.addWidget(self.all_customers_button)
        self.customer_bar.hide()
        layout.addWidget(self.customer_bar)

        self.table = QTableView(self)
        self.table.setObjectName("recentTable")
        self.table.setAccessibleName(self.tr("Recent pickups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows when a slip's code lists its hand-over; a reversal takes one.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PickupColumn.REWARD, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("recentEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        actions = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setObjectName("recentExportButton")
        self.export_button.setToolTip(self.tr("Save the pickups shown as a CSV file"))
        self.export_button.setMinimumHeight(48)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        self.reprint_button = QPushButton(self.tr("Reprint slip…"), self)
        self.reprint_button.setObjectName("reprintSlipButton")
        self.reprint_button.setToolTip(
            self.tr("Print the slip of the selected pickup's hand-over again")
        )
        self.reprint_button.setMinimumHeight(48)
        self.reprint_button.setMinimumWidth(160)
        actions.addWidget(self.reprint_button)
        self.reverse_button = QPushButton(self.tr("Reverse…"), self)
        self.reverse_button.setObjectName("reverseButton")
        self.reverse_button.setMinimumHeight(48)
        self.reverse_button.setMinimumWidth(160)
        actions.addWidget(self.reverse_button)
        layout.addLayout(actions)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._live_timer = QTimer(self)
        self._live_timer.setObjectName("recentLiveRefresh")
        self._live_timer.setInterval(LIVE_REFRESH_MS)
        self._live_timer.timeout.connect(self.on_live_timer_timeout)
        self.counter_filter.currentIndexChanged.connect(self.refresh)
        self.search_input.textChanged.connect(self._search_timer.start)
        self.search_input.returnPressed.connect(self.refresh)
        self.day_filter.currentIndexChanged.connect(self.on_day_filter_currentIndexChanged)
        self.day_input.dateChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.reverse_button.clicked.connect(self.on_reverse_button_clicked)
        self.reprint_button.clicked.connect(self.on_reprint_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.all_customers_button.clicked.connect(self.show_all_customers)
        self.table.selectionModel().selectionChanged.connect(self._update_reverse_button)
        self.model.modelReset.connect(self._update_reverse_button)
        self.table.doubleClicked.connect(self.on_reverse_button_clicked)
        self._update_reverse_button()

    # -- public --------------------------------------------------------------------------

    def set_signed_in(self, staff: StaffRef | None) -> None:
        """Who is signed in at the counter (journaled with a manager-approval lockout)."""
        self._asked_by = staff

    def set_services(
        self,
        *,
        desk: PickupDesk | None = None,
        staff: StaffService | None = None,
        refunds: RefundDesk | None = None,
    ) -> None:
        """Hand in the desk / staff service / refunds when they become available later."""
        if desk is not None:
            self._desk = desk
        if staff is not None:
            self._staff = staff
        if refunds is not None:
            self._refunds = refunds
        self._update_reverse_button()

    def set_shop(self, pickups: ShopPickups | None) -> None:
        """List, find and reverse through ``pickups``: with a shared journal, the shop's."""
        self._shop = pickups
        shop_wide = pickups is not None and pickups.shop_wide
        self.counter_filter.setVisible(shop_wide)
        if shop_wide and self.isVisible():
            self._live_timer.start()

    @property
    def shop_wide(self) -> bool:
        """Whether the list is the whole shop's (every counter), not this counter's only."""
        return self._shop is not None and self._shop.shop_wide

    def chosen_counter(self) -> str | None:
        """The counter whose pickups are shown; None for every counter."""
        data = self.counter_filter.currentData()
        return str(data) if data else None

    def on_live_timer_timeout(self) -> None:
        # Not while a reversal waits for its dialog or a load is still on its way.
        if not self.is_reversing() and not self.tasks.is_running(_LOAD):
            self.refresh()

    def refresh(self) -> None:
        """Reload the table from the journal (the newest filters apply)."""
        self._search_timer.stop()
        self.tasks.op(self._load(), key=_LOAD).failure(self._on_load_failed).run()

    async def reload(self, select: str | None = None) -> None:
        """Reload and wait for it (keeps, or moves, the selection to operation ``select``)."""
        self._search_timer.stop()
        self.tasks.cancel(_LOAD)
        await self._load(select)

    async def open_reference(self, reference: str) -> Operation | None:
        """Show the pickup with this slip reference, selected; None if the journal has none.

        Shows all days and all customers: a slip may be days old.
        """
        # A slip may be old, and another customer's.
        self._customer = None
        self.customer_bar.hide()
        blockers = [self.day_filter.blockSignals(True), self.search_input.blockSignals(True)]
        try:
            self._choose(DayChoice.ALL)
            self.search_input.setText(reference)
        finally:
            self.day_filter.blockSignals(blockers[0])
            self.search_input.blockSignals(blockers[1])
        try:
            operation = await self._find(reference)
        except ShopJournalUnreachableError:
            await self.reload()
            self.show_message(
                self.tr(
                    "No pickup {ref} was made at this counter, and the shop's other counters "
                    "cannot be asked right now (the shop journal cannot be reached)."
                ).format(ref=reference),
                "error",
            )
            return None
        await self.reload(operation.operation_id if operation is not None else None)
        if operation is None:
            if self.shop_wide:
                text = self.tr("No pickup {ref} was made at any counter of this shop.")
            else:
                text = self.tr("No pickup {ref} was made at this counter.")
            self.show_message(text.format(ref=reference), "error")
            return None
        # A slip's one code: every reward of its hand-over, all selected.
        together = [op for op in self.model.operations() if op.handover_id == operation.handover_id]
        if len(together) > 1 and operation.handover_reference is not None:
            self.select_operations([op.operation_id for op in together])
            text = self.tr("Slip {code}: %n reward(s) handed over together.", "", len(together))
            text = english_plural(text, len(together), "reward(s)", "reward", "rewards")
            self.show_message(text.format(code=operation.handover_reference), "info")
        else:
            self.show_message("")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return operation

    async def show_customer(self, customer_uuid: str, name: str) -> None:
        """Show one customer's earlier pickups (every day), until :meth:`show_all_customers`.

        ``name`` is how the customer is named on screen, e.g. "Robin V.".
        """
        self._customer = (customer_uuid, name)
        blockers = [self.day_filter.blockSignals(True), self.search_input.blockSignals(True)]
        try:
            self._choose(DayChoice.ALL)
            self.search_input.clear()
        finally:
            self.day_filter.blockSignals(blockers[0])
            self.search_input.blockSignals(blockers[1])
        self.customer_label.setText(self.tr("Earlier pickups of {name}").format(name=name))
        self.customer_bar.show()
        self.show_message("")
        await self.reload()

    def show_all_customers(self) -> None:
        """Back from one customer's history to everyone's pickups."""
        self._customer = None
        self.customer_bar.hide()
        self.refresh()

    def shown_customer(self) -> str | None:
        """The uuid of the customer whose history is shown; None: all customers."""
        return self._customer[0] if self._customer is not None else None

    def set_slip_options(
        self,
        *,
        shop_name: Callable[[], str],
        pdf_folder: Path | None = None,
        printer: Callable[[], tuple[str | None, SlipPaper]] | None = None,
        receipt: Callable[[], ReceiptTarget | None] | None = None,
    ) -> None:
        """Where a reprinted slip gets the shop's name, where its PDF goes by default, and
        the counter's slip printer and paper, and its ESC/POS printer (asked at each
        reprint: settings may change)."""
        self._shop_name = shop_name
        self._pdf_folder = pdf_folder
        if printer is not None:
            self._slip_printer = printer
        if receipt is not None:
            self._receipt_printer = receipt

    def set_kiosk(self, *, export_folder: Path | None) -> None:
        """Kiosk mode: no file dialog; an export goes to ``export_folder`` (None: no export)."""
        self._kiosk = True
        self._export_folder = export_folder
        self.export_button.setVisible(export_folder is not None)

    def selected_operation(self) -> Operation | None:
        """The one pickup selected; None when none or several are."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.operation(rows[0].row()) if len(rows) == 1 else None

    def selected_operations(self) -> list[Operation]:
        """Every selected pickup, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.operation(row) for row in rows]

    def select_operations(self, operation_ids: Sequence[str]) -> None:
        """Select these pickups (those shown), scrolled to the first."""
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        rows = sorted(r for i in operation_ids if (r := self.model.row_of(i)) is not None)
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def select_operation(self, operation_id: str) -> bool:
        row = self.model.row_of(operation_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def is_reversing(self) -> bool:
        return self.tasks.is_running(_REVERSE)

    def show_message(self, text: str, kind: str = "info") -> None:
        """Say ``text`` (kind ``info``, ``success`` or ``error``; "" clears) on the page's
        one message line: this view's own, or the page's given to :meth:`set_message_sink`."""
        self.message_kind = kind if text else None
        if self._message_sink is not None:
            self._message_sink(text, kind)
            return
        self.message.setText(text)
        set_style_property(self.message, "kind", kind)
        self.message.setVisible(bool(text))

    def set_message_sink(self, sink: Callable[[str, str], None] | None) -> None:
        """Send this view's messages to the page's message line (``sink(text, kind)``,
        "" to clear) instead of its own, so a page has one place for messages."""
        self._message_sink = sink
        if sink is not None:
            self.message.hide()

    async def aclose(self) -> None:
        """Cancel loads and a reverse waiting for its dialog; call when the window closes."""
        self._search_timer.stop()
        self._live_timer.stop()
        await self.tasks.cancel_all()

    # -- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown again (a tab switched to, a dialog reopened): hand-overs may have happened.
        if not event.spontaneous():
            self.refresh()
            if self.shop_wide:
                self._live_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self._live_timer.stop()

    def _set_day(self, day: date) -> None:
        self.day_input.setDate(QDate(day.year, day.month, day.day))

    def day_choice(self) -> DayChoice:
        return DayChoice(self.day_filter.currentData())

    def selected_day(self) -> date | None:
        """The day whose pickups are shown; None for all days."""
        choice = self.day_choice()
        if choice is DayChoice.TODAY:
            return self._today()
        if choice is DayChoice.YESTERDAY:
            return self._today() - timedelta(days=1)
        if choice is DayChoice.ALL:
            return None
        qdate = self.day_input.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def _choose(self, choice: DayChoice) -> None:
        self.day_filter.setCurrentIndex(self.day_filter.findData(choice))
        self.day_input.setVisible(choice is DayChoice.CHOSEN)

    def on_day_filter_currentIndexChanged(self, _index: int) -> None:
        chosen = self.day_choice() is DayChoice.CHOSEN
        self.day_input.setVisible(chosen)
        if chosen:
            self.day_input.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    async def _load(self, select: str | None = None) -> None:
        keep = select
        if keep is None and (current := self.selected_operation()) is not None:
            keep = current.operation_id
        day = self.selected_day()
        text = self.search_input.text().strip() or None
        customer = self._customer[0] if self._customer is not None else None
        shop_wide = False
        if self.shop_wide:
            assert self._shop is not None
            try:
                operations = await self._shop.recent(
                    day=day,
                    text=text,
                    counter=self.chosen_counter(),
                    customer_uuid=customer,
                    limit=ROW_LIMIT,
                )
                counters = await self._shop.counters()
            except ShopJournalUnreachableError:
                self._shop_unreachable_now()
            else:
                shop_wide = True
                self._shop_unreachable = False
                self._offer_counters(counters)
        if not shop_wide:
            operations = await self._journal.call(
                Journal.recent_operations,
                day=day,
                text=text,
                customer_uuid=customer,
                kinds=(COLLECT, CLAIM),
                limit=ROW_LIMIT,
            )
        self.model.set_operations(operations, with_date=day is None, shop_wide=shop_wide)
        # This counter's pickups only: no other counter to choose.
        self.counter_filter.setEnabled(shop_wide)
        if keep is None or not self.select_operation(keep):
            self.table.clearSelection()
        if not operations:
            if text:
                self.empty_label.setText(self.tr("No pickups match."))
            elif self._customer is not None:
                self.empty_label.setText(self.tr("No earlier pickups of this customer."))
            elif day is None:
                self.empty_label.setText(self.tr("No pickups match."))
            else:
                self.empty_label.setText(self.tr("No pickups on this day."))
        self.empty_label.setVisible(not operations)
        self.loaded.emit()

    def _shop_unreachable_now(self) -> None:
        """Said once when it happens, not at every refresh while it lasts, and only while
        the list is on screen: the page's message line is the counter's too."""
        if not self._shop_unreachable and self.isVisible():
            self._shop_unreachable = True
            self.show_message(
                self.tr(
                    "The shop journal cannot be reached: only this counter's pickups are "
                    "shown until it is back."
                ),
                "error",
            )

    def _offer_counters(self, counters: Sequence[str]) -> None:
        """The counter filter's choices: every counter, then each one (the choice kept)."""
        known = [self.counter_filter.itemData(i) for i in range(1, self.counter_filter.count())]
        if known == list(counters):
            return
        chosen = self.chosen_counter()
        blocked = self.counter_filter.blockSignals(True)
        try:
            while self.counter_filter.count() > 1:
                self.counter_filter.removeItem(1)
            for name in counters:
                self.counter_filter.addItem(name, name)
            found = self.counter_filter.findData(chosen) if chosen is not None else 0
            self.counter_filter.setCurrentIndex(max(found, 0))
        finally:
            self.counter_filter.blockSignals(blocked)

    async def _find(self, reference: str) -> Operation | None:
        if self._shop is not None:
            return await self._shop.find(reference)
        return await self._journal.call(Journal.find_by_reference, reference)

    async def _current(self, operation: Operation) -> Operation:
        """The pickup as it is now (it may have been reversed since it was shown)."""
        if self._shop is not None:
            return await self._shop.current(operation)
        return await self._journal.call(Journal.operation, operation.operation_id)

    def _on_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, JournalError):
            log.error("Recent pickups could not be read: %s", exc)
            self.show_message(
                self.tr("The pickup journal cannot be read. Ask your IT contact."), "error"
            )
            return
        report_exception(type(exc), exc, exc.__traceback__)

    # -- reversing -----------------------------------------------------------------------

    def _update_reverse_button(self) -> None:
        operation = self.selected_operation()
        self.reverse_button.setEnabled(
            operation is not None and self._can_take_back(operation) and not self.is_reversing()
        )
        self.reprint_button.setEnabled(
            any(can_reprint(op) for op in self.selected_operations())
            and not self.tasks.is_running(_REPRINT)
        )
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def on_reverse_button_clicked(self) -> None:
        # A double click and a click on the button: one reverse at a time.
        if self.is_reversing():
            return
        operation = self.selected_operation()
        if operation is None or not self._can_take_back(operation):
            return
        self._run_reverse(self._reverse(operation))

    def _can_take_back(self, operation: Operation) -> bool:
        """Reversible, or (where points can be refunded) refundable."""
        return can_reverse(operation) or (self._refunds is not None and can_refund(operation))

    def _run_reverse(self, coro: Coroutine[Any, Any, None]) -> None:
        task = self.tasks.op(coro, key=_REVERSE).failure(self._on_reverse_failed).run()
        task.add_done_callback(lambda _task: self._update_reverse_button())
        self._update_reverse_button()

    async def _reverse(self, operation: Operation) -> None:
        desk, staff = self._desk, self._staff
        if desk is None or staff is None:
            self.show_message(
                self.tr(
                    "Reversing is not available on this counter right now (the journal or "
                    "the staff list cannot be opened). Ask your IT contact."
                ),
                "error",
            )
            return
        self.show_message("")
        # The row may be stale (reversed at another window or counter since it was loaded).
        current = await self._current(operation)
        refundable = self._refunds is not None and can_refund(current)
        refusal = self._refusal(current)
        if refusal is not None and not refundable:
            # Told before any PIN is asked for: nothing could be sent anyway.
            await self._finish(ReverseResult(current, refusal, None))
            return
        try:
            await ensure_manager(staff, self.window())
        except LookupError:
            self.show_message(self.tr("Reversing needs a manager. Nothing was changed."), "info")
            return
        dialog = ReverseDialog(
            current,
            staff,
            asked_by=self._asked_by,
            parent=self.window(),
            shop_wide=self.model.shop_wide,
            refund=refundable,
            # Back to pick up already (reversed, or a reversal that cannot be sent from
            # here): only its points can still be refunded.
            put_back=refusal is None,
        )
        try:
            accepted = await await_dialog(dialog) == QDialog.DialogCode.Accepted
            action, reason, note, manager = (
                dialog.action,
                dialog.reason,
                dialog.note,
                dialog.approved_by,
            )
        finally:
            dialog.deleteLater()
        if not accepted or reason is None or manager is None:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if action is ReturnAction.REFUND and self._refunds is not None:
            self.show_message(self.tr("Refunding the points…"), "info")
            refund = await self._refunds.refund(
                current, reason=reason, note=note, staff=manager.ref
            )
            await self._finish_refund(refund)
            return
        if refusal is not None:
            await self._finish(ReverseResult(current, refusal, None))
            return
        self.show_message(self.tr("Reversing…"), "info")
        result = await desk.reverse(current, reason=reason, note=note, staff=manager.ref)
        await self._finish(result)

    @staticmethod
    def _refusal(collect: Operation) -> ReverseOutcome | None:
        if collect.is_reversed:
            return ReverseOutcome.ALREADY_REVERSED
        if collect.reversal_state is not None:
            return ReverseOutcome.UNKNOWN
        if not can_reverse(collect):
            return ReverseOutcome.NOT_REVERSIBLE
        if not collect.redemption_uuid:
            return ReverseOutcome.NO_REDEMPTION
        return None

    async def _finish(self, result: ReverseResult) -> None:
        kinds = {
            ReverseOutcome.REVERSED: "success",
            ReverseOutcome.ALREADY_REVERSED: "info",
        }
        earlier = None
        if result.operation is None and result.collect.reversal_operation_id is not None:
            try:
                earlier = await self._journal.call(
                    Journal.operation, result.collect.reversal_operation_id
                )
            except UnknownOperationError:
                earlier = None  # reversed at another counter: its journal has the details
        self.show_message(
            describe_reverse_result(result, earlier), kinds.get(result.outcome, "error")
        )
        await self.reload(result.collect.operation_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if result.outcome is ReverseOutcome.REVERSED and result.collect.customer_uuid:
            self.pickupReversed.emit(result.collect.customer_uuid)
        self.reverseFinished.emit(result)

    async def _finish_refund(self, result: RefundResult) -> None:
        kinds = {
            RefundOutcome.REFUNDED: "success",
            RefundOutcome.ALREADY_REFUNDED: "info",
        }
        self.show_message(describe_refund_result(result), kinds.get(result.outcome, "error"))
        await self.reload(result.collect.operation_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        put_back = result.reverse is not None and result.reverse.outcome is ReverseOutcome.REVERSED
        if (result.outcome is RefundOutcome.REFUNDED or put_back) and result.collect.customer_uuid:
            self.pickupReversed.emit(result.collect.customer_uuid)
        self.reverseFinished.emit(result)

    # -- reprinting and exporting --------------------------------------------------------

    def on_reprint_button_clicked(self) -> None:
        selected = [op for op in self.selected_operations() if can_reprint(op)]
        if not selected or self.tasks.is_running(_REPRINT):
            return
        task = self.tasks.op(self._reprint(selected[0]), key=_REPRINT)
        task.failure(self._on_load_failed).run().add_done_callback(
            lambda _task: self._update_reverse_button()
        )
        self._update_reverse_button()

    async def _reprint(self, operation: Operation) -> None:
        if self._shop is not None:
            together = await self._shop.find_all(operation.handover_reference or "")
        else:
            together = await self._journal.call(Journal.hand_over, operation.operation_id)
        # A reward that came back is not vouched for again.
        kept = [op for op in together if not op.is_reversed and not op.is_refunded]
        try:
            slip = PickupSlip.from_operations(
                kept,
                shop_name=self._shop_name(),
                customer_name=operation.customer_name,
                reprint=True,
            )
        except ValueError:
            self.show_message(
                self.tr("No slip: nothing of this hand-over is handed over any more."), "info"
            )
            return
        self.show_message("")
        printer_name, paper = self._slip_printer()
        # Imported when a slip is reprinted: Qt's print support takes a while to load.
        from pos_app.ui.slips import offer_slip

        await offer_slip(
            slip,
            PrintSlip.ASK,
            self.window(),
            printer_name=printer_name,
            paper=paper,
            pdf_folder=self._pdf_folder,
            receipt=self._receipt_printer(),
        )

    def on_export_button_clicked(self) -> None:
        if self.model.rowCount() == 0 or self.tasks.is_running(_EXPORT):
            return
        self.tasks.op(self._export(), key=_EXPORT).failure(self._on_load_failed).run()

    def default_export_name(self) -> str:
        now = datetime.now().astimezone()
        return f"recent-pickups-{now:%Y-%m-%d-%H%M%S}.csv"

    async def _export(self) -> None:
        header, rows = self.model.table_for_export()
        if self._kiosk:
            if self._export_folder is None:
                return
            path: Path | None = self._export_folder / self.default_export_name()
        else:
            path = await self._ask_export_path()
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8", newline="") as out:
                count = export_table_csv(header, rows, out)
        except OSError as exc:
            log.warning("Recent pickups were not exported to %s: %s", path, exc)
            self.show_message(
                self.tr("The file {path} could not be written: {reason}").format(
                    path=path, reason=exc.strerror or exc
                ),
                "error",
            )
            return
        text = self.tr("%n pickup(s) exported to {path}.", "", count)
        text = english_plural(text, count, "pickup(s)", "pickup", "pickups")
        self.show_message(text.format(path=path), "success")

    async def _ask_export_path(self) -> Path | None:
        return await ask_save_path(
            self.window(),
            title=self.tr("Export the pickups shown"),
            object_name="recentExportFileDialog",
            name_filter=self.tr("CSV files (*.csv)"),
            suffix="csv",
            default=documents_folder() / self.default_export_name(),
        )

    def _on_reverse_failed(self, exc: BaseException) -> None:
        if isinstance(exc, JournalError):
            log.error("Reverse stopped by the journal: %s", exc)
            self.show_message(
                self.tr(
                    "The pickup journal cannot be written, so nothing was sent. "
                    "Ask your IT contact."
                ),
                "error",
            )
            return
        report_exception(type(exc), exc, exc.__traceback__)
