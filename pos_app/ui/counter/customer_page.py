"""The customer's page: who they are, what waits for them, and the side programs.

:class:`SidePrograms` loads Giftoin and Nudj beside the rewards list under task keys of
their own, so a slow program never holds the list or the Hand over button up; an answer
that arrives while the list is still loading waits a moment (:data:`PROGRESS_HOLD_MS`) so
the list is laid out and painted first.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.api import errors
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.progress import (
    GiftoinProgress,
    NotLinked,
    NudjProgress,
    Program,
    ProgressService,
)
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.counter.customer_widgets import CustomerHeader
from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.pictures import PictureCache
from pos_app.ui.progress import ProgressPanel
from pos_app.ui.rewards import RewardListModel, RewardListView
from pos_app.ui.rewards.header import RewardListHeader
from pos_app.ui.theme import Layout, TextSize, scaled_font

log = logging.getLogger(__name__)

#: A progress answer that arrives while the rewards list is still loading waits up to this
#: long, so the list is laid out and painted first; a slow list does not hide the panel.
PROGRESS_HOLD_MS = 250
#: One task key per program: a Retry replaces only its own section's load.
PROGRESS_KEYS = {Program.GIFTOIN: "progress.giftoin", Program.NUDJ: "progress.nudj"}


class CustomerPage(QWidget):
    """Header, rewards list with its Hand over button, and the progress panel."""

    def __init__(
        self,
        model: RewardListModel,
        pictures: PictureCache,
        *,
        kiosk: bool,
        history: bool,
        ui_state: QSettings,
        giftoin_platform: str | None,
        clock: Callable[[], datetime] | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = CustomerHeader(self, history=history)
        layout.addWidget(self.header)
        row = QHBoxLayout()
        row.setSpacing(12)
        pickup = QVBoxLayout()
        self.rewards_list = RewardListView(self)
        self.model = model
        self.rewards_list.setModel(model)
        self.list_header = RewardListHeader(model, self.rewards_list, self)
        pickup.addWidget(self.list_header)
        self.rewards_list.set_empty_text(_tr("Nothing to pick up for this customer."))
        pickup.addWidget(self.rewards_list, 1)
        actions = QHBoxLayout()
        self.selection_label = QLabel(self)
        self.selection_label.setObjectName("selectionSummary")
        self.selection_label.setWordWrap(True)
        actions.addWidget(self.selection_label, 1)
        self.hand_over_button = QPushButton(self)
        retranslated(self, lambda: self.hand_over_button.setText(_tr("Hand over")))
        self.hand_over_button.setObjectName("handOverButton")
        self.hand_over_button.setMinimumHeight(48)
        self.hand_over_button.setMinimumWidth(200)
        button_font = self.hand_over_button.font()
        self.hand_over_button.setFont(scaled_font(button_font, TextSize.MAIN_BUTTON, bold=True))
        self.hand_over_button.setEnabled(False)
        self.hand_over_all_button = QPushButton(self)
        self.hand_over_all_button.setObjectName("handOverAllButton")
        self.hand_over_all_button.setMinimumHeight(48)
        retranslated(
            self,
            lambda: self.hand_over_all_button.setToolTip(
                _tr("Hand over every reward that can go (Ctrl+Enter)")
            ),
        )
        self.hand_over_all_button.hide()
        # Beside the points it spends (ClaimFlow words and wires it).
        self.claim_button = self.header.claim_button
        self.done_button: QPushButton | None = None
        if kiosk:
            self.done_button = done = QPushButton(self)
            done.setObjectName("kioskDoneButton")

            def done_texts() -> None:
                done.setText(_tr("Done"))
                done.setToolTip(_tr("Clear the screen for the next customer"))

            retranslated(done, done_texts)
            self.done_button.setMinimumSize(140, 48)
            actions.addWidget(self.done_button)
        actions.addWidget(self.hand_over_all_button)
        actions.addWidget(self.hand_over_button)
        pickup.addLayout(actions)
        self.rewards_list.setMinimumWidth(Layout.REWARDS_LIST_MIN_WIDTH)
        row.addLayout(pickup, Layout.REWARDS_LIST_STRETCH)
        self._selected = 0
        # Queued: the current row also moves while rows are being removed, when the
        # selection cannot be asked about yet.
        self.rewards_list.selectionModel().currentChanged.connect(
            self._show_selection_label, Qt.ConnectionType.QueuedConnection
        )
        self.progress_panel = ProgressPanel(pictures, state=ui_state, clock=clock, parent=self)
        self.progress_panel.set_giftoin_platform(giftoin_platform)
        row.addWidget(self.progress_panel, Layout.PROGRESS_PANEL_STRETCH)
        layout.addLayout(row, 1)

    def show_loading(self, customer: CustomerSummary) -> None:
        self.header.show_customer(customer)
        self.list_header.reset()
        self.rewards_list.set_empty_text(_tr("Loading the rewards…"))

    def show_loaded(self) -> None:
        self.rewards_list.set_empty_text(_tr("Nothing to pick up for this customer."))

    def show_selection(self, count: int, available: int, can_hand_over: bool) -> None:
        """``count`` rewards selected of ``available`` that can go now."""
        self.hand_over_button.setEnabled(count > 0 and can_hand_over)
        # "All" only means something with more than one to go.
        self.hand_over_all_button.setVisible(available > 1)
        self.hand_over_all_button.setEnabled(can_hand_over)
        self.hand_over_all_button.setText(_tr("Hand over all (%n)", None, available))
        self._selected = count
        self._show_selection_label()

    def _show_selection_label(self, *args: object) -> None:
        # On a row that cannot go, the label beside the (disabled) button says why.
        reason = self.rewards_list.unavailable_reason()
        if reason:
            self.selection_label.setText(reason)
        elif self._selected > 1:
            self.selection_label.setText(_tr("{n} rewards selected").format(n=self._selected))
        else:
            self.selection_label.clear()

    def clear(self) -> None:
        self.header.clear()
        self.list_header.reset()
        self.selection_label.clear()


class SidePrograms:
    """Loads the side programs for the customer on screen; see the module docstring.

    ``current`` says who is on screen now; ``list_loading`` whether their list is still on
    its way (answers wait for it, :meth:`release` lets them through).
    """

    def __init__(
        self,
        progress: ProgressService,
        panel: ProgressPanel,
        tasks: TaskOwner,
        *,
        current: Callable[[], CustomerSummary | None],
        list_loading: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        self._progress = progress
        self._panel = panel
        self._tasks = tasks
        self._current = current
        self._list_loading = list_loading
        self._held: list[tuple[CustomerSummary, Callable[[], None]]] = []
        self._hold = QTimer(parent)
        self._hold.setSingleShot(True)
        self._hold.setInterval(PROGRESS_HOLD_MS)
        self._hold.timeout.connect(self.release)
        panel.retryRequested.connect(self._on_retry)

    def load(
        self, customer: CustomerSummary, programs: tuple[Program, ...] = tuple(Program)
    ) -> None:
        for program in programs:
            coro: Coroutine[Any, Any, GiftoinProgress | NudjProgress | NotLinked]
            if program is Program.GIFTOIN:
                coro = self._progress.giftoin(customer)
            else:
                coro = self._progress.nudj(customer)
            self._panel.show_loading(program)
            # Same key as the previous customer's load of this program: it is cancelled.
            self._tasks.op(coro, key=PROGRESS_KEYS[program]).success(
                functools.partial(self._loaded, program, customer)
            ).failure(functools.partial(self._failed, program, customer)).run()

    def clear(self) -> None:
        for key in PROGRESS_KEYS.values():
            self._tasks.cancel(key)
        self._held.clear()
        self._hold.stop()
        self._panel.clear()

    def _loaded(
        self,
        program: Program,
        customer: CustomerSummary,
        result: GiftoinProgress | NudjProgress | NotLinked,
    ) -> None:
        if program is Program.GIFTOIN:
            assert not isinstance(result, NudjProgress)
            self._show(customer, lambda: self._panel.show_giftoin(result))
        else:
            assert not isinstance(result, GiftoinProgress)
            self._show(customer, lambda: self._panel.show_nudj(result))

    def _failed(self, program: Program, customer: CustomerSummary, exc: BaseException) -> None:
        if isinstance(exc, errors.ApiError):
            log.warning("%s progress not loaded: %s", program.value, type(exc).__name__)
        else:
            # A bug, not a bad day: logged in full, but the side panel must not stop the
            # cashier with an error dialog in the middle of a hand-over.
            log.error("%s progress failed", program.value, exc_info=exc)
        self._show(customer, lambda: self._panel.show_error(program, exc))

    def _show(self, customer: CustomerSummary, show: Callable[[], None]) -> None:
        if self._current() is not customer:
            return  # a newer customer is at the counter: this answer is not theirs
        if self._list_loading():
            # The pickup list first: laying out and painting the panel now would delay it.
            self._held.append((customer, show))
            if not self._hold.isActive():
                self._hold.start()
        else:
            show()

    def release(self) -> None:
        self._hold.stop()
        held, self._held = self._held, []
        for customer, show in held:
            if self._current() is customer:
                show()

    def _on_retry(self, program: str) -> None:
        customer = self._current()
        if customer is not None:
            self.load(customer, (Program(program),))
