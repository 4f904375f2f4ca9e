"""The Recent pickups page of the counter: the list, Staff…, and back to the counter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app import APP_NAME
from pos_app.services.counter import CounterSession
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.slips import customer_display_name
from pos_app.storage import AsyncJournal
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.counter.customer_widgets import MessageBar, MessageKind
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.recent_pickups import RecentPickupsView
from pos_app.ui.managers.reports import ReportsEntry
from pos_app.ui.managers.staff.entry import StaffEntry
from pos_app.ui.theme import TextSize, scaled_font

if TYPE_CHECKING:
    from pos_app.services.settings import Settings
    from pos_app.ui.slips.receipt import ReceiptTarget


class RecentPage(QWidget):
    """Recent pickups with the counter around it: its messages go to the counter's message
    line, a reprint names the shop, and in kiosk mode nothing opens a file dialog.

    :attr:`staff_entry` is the managers' Staff… entry; it stays in this page's header in
    kiosk mode (staff only behind a sign-in), the window puts it in the status bar else.
    :attr:`reports_entry` (Reports…) is in the header in both.
    """

    def __init__(
        self,
        journal: AsyncJournal,
        counter: CounterSession,
        *,
        tasks: TaskOwner,
        messages: MessageBar,
        kiosk: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        services = counter.services
        self.setObjectName("recentPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        title = QLabel(_tr("Recent pickups"), self)
        title.setFont(scaled_font(title.font(), TextSize.PAGE_TITLE, bold=True))
        header.addWidget(title, 1)
        self.staff_entry = StaffEntry(
            services.staff, tasks, self, asked_by=lambda: counter.sign_in.staff
        )
        if kiosk:
            header.addWidget(self.staff_entry.button)
        self.reports_entry = ReportsEntry(
            journal,
            services.staff,
            tasks,
            self,
            asked_by=lambda: counter.sign_in.staff,
            file_dialogs=not kiosk,
        )
        # When shared, a manager's report is the whole shop's.
        self.reports_entry.set_shared_journal(services.shared)
        header.addWidget(self.reports_entry.button)
        # The To prepare page (not in kiosk mode: other customers' claims are staff's).
        self.prepare_button: QPushButton | None = None
        if not kiosk:
            self.prepare_button = QPushButton(_tr("To prepare"), self)
            self.prepare_button.setObjectName("recentToPrepareButton")
            self.prepare_button.setToolTip(_tr("Rewards claimed for pickup here (Ctrl+T)"))
            self.prepare_button.setMinimumHeight(40)
            header.addWidget(self.prepare_button)
        self.back_button = QPushButton(_tr("Back to the counter"), self)
        self.back_button.setObjectName("backToCounterButton")
        self.back_button.setMinimumHeight(40)
        header.addWidget(self.back_button)
        layout.addLayout(header)
        self.view = RecentPickupsView(
            journal, desk=counter.desk, staff=services.staff, refunds=counter.refunds, parent=self
        )
        self.view.set_shop(counter.pickups)
        self.view.set_slip_options(
            shop_name=lambda: counter.shop_name or APP_NAME,
            printer=lambda: (counter.settings.slip_printer, counter.settings.slip_paper),
            receipt=lambda: receipt_printer(counter.settings),
        )
        if kiosk:
            self.view.set_kiosk(export_folder=None)

        def say(text: str, kind: str) -> None:
            if text:
                messages.show_message(text, MessageKind(kind))
            else:
                messages.clear_message()

        self.view.set_message_sink(say)
        layout.addWidget(self.view, 1)

    async def show_history(self, customer: CustomerSummary) -> None:
        """``customer``'s earlier pickups (every day), named as their slip names them."""
        name = customer_display_name(customer) or customer.title
        await self.view.show_customer(customer.uuid, name)


def receipt_printer(settings: Settings) -> ReceiptTarget | None:
    """The counter's ESC/POS slip printer (imported when a slip is reprinted: Qt's print
    support takes a while to load)."""
    from pos_app.ui.slips.receipt import ReceiptTarget

    return ReceiptTarget.from_settings(settings)
