"""The counter's main window: the scan field first, the customer and their rewards below."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from pos_app import APP_NAME
from pos_app.api import errors
from pos_app.services.connections import ApiClients
from pos_app.services.settings import Settings
from pos_app.ui.async_support import TaskOwner

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The one window of the app.

    Signals:
        closed: the window has closed and its background tasks are cancelled.
    """

    closed = Signal()

    def __init__(
        self,
        settings: Settings,
        clients: ApiClients,
        *,
        demo: DemoInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clients = clients
        self._demo = demo
        self.tasks = TaskOwner()
        self._closing = False
        self._shutdown_task: asyncio.Future[None] | None = None
        self.setObjectName("mainWindow")
        title = APP_NAME if demo is None else self.tr("{app} — DEMO").format(app=APP_NAME)
        self.setWindowTitle(title)
        self.resize(1100, 720)
        self._build()

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)

        if self._demo is not None:
            banner = QLabel(self._demo_banner_text(self._demo), central)
            banner.setObjectName("demoBanner")
            banner.setWordWrap(True)
            banner.setStyleSheet(
                "QLabel#demoBanner { background: #ffcc33; color: #222; padding: 8px 12px;"
                " border-radius: 6px; font-weight: 600; }"
            )
            layout.addWidget(banner)

        search_row = QHBoxLayout()
        self.search_input = QLineEdit(central)
        self.search_input.setObjectName("searchInput")
        self.search_input.setPlaceholderText(
            self.tr("Scan a loyalty card or QR code, or type an email")
        )
        self.search_input.setClearButtonEnabled(True)
        self.search_input.setMinimumHeight(44)
        font = self.search_input.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.search_input.setFont(font)
        self.search_button = QPushButton(self.tr("Find"), central)
        self.search_button.setObjectName("searchButton")
        self.search_button.setMinimumHeight(44)
        search_row.addWidget(self.search_input, 1)
        search_row.addWidget(self.search_button)
        layout.addLayout(search_row)

        self.pages = QStackedWidget(central)
        self.pages.setObjectName("pages")
        self.welcome = QLabel(
            self.tr("Scan the customer's card to see the rewards waiting for pickup."),
            self.pages,
        )
        self.welcome.setObjectName("welcomeMessage")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.welcome.setFrameShape(QFrame.Shape.StyledPanel)
        self.pages.addWidget(self.welcome)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        status = QStatusBar(self)
        self.connection_label = QLabel(self.tr("Connecting…"), status)
        self.connection_label.setObjectName("connectionStatus")
        status.addWidget(self.connection_label, 1)
        counter = QLabel(self.tr("Counter: {name}").format(name=self._settings.counter_name))
        status.addPermanentWidget(counter)
        self.setStatusBar(status)

        self.search_input.returnPressed.connect(self.on_search_input_return_pressed)
        self.search_button.clicked.connect(self.on_search_input_return_pressed)
        # The scan field must always get scanner input back, whatever had focus.
        for key in ("Ctrl+L", "F6"):
            QShortcut(QKeySequence(key), self, self.focus_search)

    def _demo_banner_text(self, demo: DemoInfo) -> str:
        text = self.tr(
            "DEMO — a built-in simulator stands in for Piggy, Giftoin and Nudj; nothing here "
            "is real. Try the cards {cards} or the email {email}."
        ).format(cards=", ".join(demo.cards), email=demo.email)
        if demo.faults:
            text += " " + self.tr("Simulated faults: {routes}.").format(
                routes=", ".join(demo.faults)
            )
        return text

    def focus_search(self) -> None:
        self.search_input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_input.selectAll()

    # -- start-up ------------------------------------------------------------------------

    def start(self) -> None:
        """Begin background work; called once the loop runs (never from __init__)."""
        self.focus_search()
        if self._clients.problems:
            self.connection_label.setText(" ".join(self._clients.problems))
            return
        self.tasks.run(
            self._load_shop_name(),
            on_success=self._on_shop_loaded,
            on_failure=self._on_connection_failed,
            key="shop",
        )

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
        self.connection_label.setText(self.tr("Connected to Piggy · {shop}").format(shop=name))

    def _on_connection_failed(self, exc: BaseException) -> None:
        if isinstance(exc, errors.AuthenticationError):
            text = self.tr(
                "Piggy refused the credentials. Ask your IT contact to run `pos-app doctor`."
            )
        elif isinstance(exc, errors.ApiConnectionError):
            text = self.tr("No connection to Piggy. Check the network; the app keeps trying.")
        elif isinstance(exc, errors.ApiError):
            text = self.tr("Piggy is not answering normally right now.")
        else:
            raise exc
        log.warning("Shop lookup failed: %s", type(exc).__name__)
        self.connection_label.setText(text)

    # -- slots ---------------------------------------------------------------------------

    def on_search_input_return_pressed(self) -> None:
        # The cashier flow (identify → rewards → hand over) plugs in here.
        self.search_input.selectAll()

    # -- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            # Kept on self: asyncio holds tasks only weakly.
            self._shutdown_task = asyncio.ensure_future(self._shutdown())
        super().closeEvent(event)

    async def _shutdown(self) -> None:
        await self.tasks.cancel_all()
        self.closed.emit()
