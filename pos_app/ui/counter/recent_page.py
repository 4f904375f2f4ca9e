"""The Recent pickups page of the counter: the list, Staff…, and back to the counter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.services.pickup import PickupDesk
from pos_app.services.staff import StaffService
from pos_app.storage import AsyncJournal
from pos_app.ui.managers.recent_pickups import RecentPickupsView
from pos_app.ui.theme import TextSize, scaled_font


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecentPage", text)


class RecentPage(QWidget):
    def __init__(
        self,
        journal: AsyncJournal,
        *,
        desk: PickupDesk | None,
        staff: StaffService | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recentPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        title = QLabel(_tr("Recent pickups"), self)
        title.setFont(scaled_font(title.font(), TextSize.PAGE_TITLE, bold=True))
        header.addWidget(title, 1)
        self.staff_button = QPushButton(_tr("Staff…"), self)
        self.staff_button.setObjectName("staffButton")
        self.staff_button.setMinimumHeight(40)
        self.staff_button.setEnabled(staff is not None)
        self.back_button = QPushButton(_tr("Back to the counter"), self)
        self.back_button.setObjectName("backToCounterButton")
        self.back_button.setMinimumHeight(40)
        header.addWidget(self.staff_button)
        header.addWidget(self.back_button)
        layout.addLayout(header)
        self.view = RecentPickupsView(journal, desk=desk, staff=staff, parent=self)
        layout.addWidget(self.view, 1)
