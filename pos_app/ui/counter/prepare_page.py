"""The To prepare page of the counter: the list of rewards claimed for pickup here, and back.

Reached from the Recent pickups page's header and with Ctrl+T; a kiosk does not offer it
(other customers' claims are staff's business).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app import APP_NAME
from pos_app.services.counter import CounterSession
from pos_app.services.settings import SlipPaper
from pos_app.services.to_prepare import ToPrepareService
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.prepare.view import ToPrepareView
from pos_app.ui.theme import TextSize, scaled_font

__all__ = ["PreparePage", "to_prepare_service"]


def to_prepare_service(counter: CounterSession) -> ToPrepareService | None:
    """The list's service for this counter; None without Piggy or a journal."""
    services = counter.services
    piggy = services.clients.piggy
    if piggy is None or services.journal is None:
        return None
    return ToPrepareService(
        piggy,
        services.journal,
        shop_uuid=services.settings.shop_uuid,
        shared=services.shared,
    )


class PreparePage(QWidget):
    """ "To prepare" with the counter around it (``objectName`` ``preparePage``): a mark is
    recorded under whoever is signed in, the pick list names the shop and starts on the
    counter's slip paper."""

    def __init__(
        self, counter: CounterSession, service: ToPrepareService | None, *, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preparePage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        title = QLabel(_tr("To prepare"), self)
        title.setObjectName("prepareTitle")
        title.setFont(scaled_font(title.font(), TextSize.PAGE_TITLE, bold=True))
        header.addWidget(title, 1)
        self.recent_button = QPushButton(_tr("Recent pickups"), self)
        self.recent_button.setObjectName("prepareRecentButton")
        self.recent_button.setMinimumHeight(40)
        header.addWidget(self.recent_button)
        self.back_button = QPushButton(_tr("Back to the counter"), self)
        self.back_button.setObjectName("prepareBackButton")
        self.back_button.setMinimumHeight(40)
        header.addWidget(self.back_button)
        layout.addLayout(header)

        def printer() -> tuple[str | None, SlipPaper]:
            return counter.settings.slip_printer, counter.settings.slip_paper

        self.view = ToPrepareView(
            service,
            staff=lambda: counter.sign_in.staff,
            shop_name=lambda: counter.shop_name or APP_NAME,
            printer=printer,
            parent=self,
        )
        layout.addWidget(self.view, 1)
