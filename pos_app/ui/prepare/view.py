"""The To prepare page's list (``objectName`` ``toPrepare``): read in the background while
the page is open, on demand with Refresh, marked ready on the shelf, printed as a pick list.

While Piggy cannot be read (no connection, maintenance, too many requests) the last list
stays on screen and the page says since when it has not been updated; nothing freezes,
the reads run as tasks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pos_app.api import errors
from pos_app.clock import utc_now
from pos_app.services.settings import SlipPaper
from pos_app.services.to_prepare import PrepareItem, PrepareList, ToPrepareService
from pos_app.storage import JournalError, StaffRef
from pos_app.ui.async_support import TaskOwner, await_dialog, report_exception
from pos_app.ui.dialogs.pin_entry import format_clock_time
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.messages import describe_connection_error
from pos_app.ui.plurals import english_plural
from pos_app.ui.prepare.model import PrepareColumn, ToPrepareModel
from pos_app.ui.theme import set_style_property

__all__ = ["REFRESH_INTERVAL_MS", "ToPrepareView"]

log = logging.getLogger(__name__)

#: While the page is open the list is read again this often: new claims show within a
#: minute, and a shop's 2 to 20 reads an hour per open page stay far below Piggy's limits.
REFRESH_INTERVAL_MS = 60_000
#: A row's height: a fingertip's, and read from arm's length, as in the other lists.
ROW_HEIGHT = 36
_LOAD = "prepare.load"
_MARK = "prepare.mark"
_PRINT = "prepare.print"


class _RowDelegate(QStyledItemDelegate):
    """Rows of at least :data:`ROW_HEIGHT`, their text's width as it is."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), ROW_HEIGHT))


class ToPrepareView(QWidget):
    """The list, its status line, Refresh, Ready on the shelf and Print pick list….

    ``service`` None: Piggy or the journal is not set up; the page says so. ``staff`` says
    who is signed in (recorded with a mark; without anyone, the counter is).

    Signals:
        loaded: the list was read (or its read failed and the last one stays).
        marked(list): these loyalty transaction uuids were just marked ready on the shelf.
        takenBack(list): the marks of these were just taken back.
    """

    loaded = Signal()
    marked = Signal(list)
    takenBack = Signal(list)

    def __init__(
        self,
        service: ToPrepareService | None,
        *,
        staff: Callable[[], StaffRef | None] = lambda: None,
        shop_name: Callable[[], str] = lambda: "",
        printer: Callable[[], tuple[str | None, SlipPaper]] = lambda: (None, SlipPaper.A4),
        clock: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("toPrepare")
        self._service = service
        self._staff = staff
        self._shop_name = shop_name
        self._printer = printer
        self._clock = clock
        #: When the reads began to fail (None: the last one worked).
        self._failing_since: datetime | None = None
        self._sign_in_first: Callable[[Callable[[], None]], bool] | None = None
        self.tasks = TaskOwner()
        self.model = ToPrepareModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("prepareStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.status, 1)
        self.refresh_button = QPushButton(_tr("Refresh"), self)
        self.refresh_button.setObjectName("prepareRefreshButton")
        self.refresh_button.setMinimumHeight(40)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.message = QLabel(self)
        self.message.setObjectName("prepareMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.message_kind: str | None = None
        layout.addWidget(self.message)

        self.tree = QTreeView(self)
        self.tree.setObjectName("prepareTree")
        self.tree.setAccessibleName(_tr("Rewards to prepare"))
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(_RowDelegate(self.tree))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PrepareColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("prepareEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        actions = QHBoxLayout()
        self.print_button = QPushButton(_tr("Print pick list…"), self)
        self.print_button.setObjectName("preparePrintButton")
        self.print_button.setToolTip(
            _tr("Print what is not on the shelf yet, on 80 mm receipt paper or A4")
        )
        self.print_button.setMinimumHeight(48)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        self.take_back_button = QPushButton(_tr("Not on the shelf"), self)
        self.take_back_button.setObjectName("prepareTakeBackButton")
        self.take_back_button.setToolTip(
            _tr("Take the mark off the selected rewards: marked by mistake, or put back")
        )
        self.take_back_button.setMinimumHeight(48)
        actions.addWidget(self.take_back_button)
        self.ready_button = QPushButton(_tr("Ready on the shelf"), self)
        self.ready_button.setObjectName("prepareReadyButton")
        self.ready_button.setToolTip(
            _tr("Note that the selected rewards are ready on the shelf for their customers")
        )
        self.ready_button.setMinimumHeight(48)
        self.ready_button.setMinimumWidth(200)
        actions.addWidget(self.ready_button)
        layout.addLayout(actions)

        self._timer = QTimer(self)
        self._timer.setObjectName("prepareRefreshTimer")
        self._timer.setInterval(REFRESH_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.ready_button.clicked.connect(self.on_ready_button_clicked)
        self.take_back_button.clicked.connect(self.on_take_back_button_clicked)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.tree.doubleClicked.connect(self._on_double_clicked)
        self._update_buttons()
        if service is None:
            self.status.setText(
                _tr("The list cannot be read on this counter: Piggy or the journal is not set up.")
            )

    # -- public --------------------------------------------------------------------------

    @property
    def refresh_timer(self) -> QTimer:
        return self._timer

    def refresh(self) -> None:
        """Read the list again in the background (a read under way is replaced)."""
        if self._service is None:
            return
        self.refresh_button.setEnabled(False)
        if self.model.prepare_list() is None:
            self.status.setText(_tr("Loading the list…"))
        task = self.tasks.op(self._load(), key=_LOAD).failure(self._on_load_failed).run()
        task.add_done_callback(lambda _task: self.refresh_button.setEnabled(True))

    def set_sign_in(self, sign_in_first: Callable[[Callable[[], None]], bool] | None) -> None:
        """Where staff sign in to work: ``sign_in_first(then)`` asks for a sign-in and
        calls ``then`` once someone did, returning True; False when none is needed."""
        self._sign_in_first = sign_in_first

    def is_loading(self) -> bool:
        return self.tasks.is_running(_LOAD)

    def show_message(self, text: str, kind: str = "info") -> None:
        """Say ``text`` on the page's message line ("" clears it)."""
        self.message_kind = kind if text else None
        self.message.setText(text)
        set_style_property(self.message, "kind", kind)
        self.message.setVisible(bool(text))

    async def aclose(self) -> None:
        self._timer.stop()
        await self.tasks.cancel_all()

    # -- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self._timer.stop()

    async def _load(self) -> None:
        assert self._service is not None
        prepare = await self._service.load()
        self._show_list(prepare)
        self._failing_since = None
        if self.message_kind == "error":
            self.show_message("")
        self.loaded.emit()

    def _show_list(self, prepare: PrepareList) -> None:
        # A refresh every minute must not move what staff are looking at: the selection,
        # the rewards they folded and the place they scrolled to stay.
        keep = self._selected_uuids()
        folded = {
            group.reward_title + repr(group.attributes)
            for row, group in enumerate(self.model.groups())
            if not self.tree.isExpanded(self.model.index(row, 0))
        }
        place = self.tree.verticalScrollBar().value()
        self.model.set_list(prepare, self._clock())
        for row, group in enumerate(self.model.groups()):
            key = group.reward_title + repr(group.attributes)
            self.tree.setExpanded(self.model.index(row, 0), key not in folded)
        self._select(keep)
        self.tree.verticalScrollBar().setValue(place)
        self._say_status()
        if not prepare.items:
            self.empty_label.setText(_tr("Nothing to prepare: every claim has been picked up."))
        self.empty_label.setVisible(not prepare.items)

    def _say_status(self) -> None:
        prepare = self.model.prepare_list()
        if prepare is None:
            return
        count = len(prepare.items)
        parts = [
            english_plural(
                _tr("%n reward(s) claimed for pickup", None, count),
                count,
                "reward(s)",
                "reward",
                "rewards",
            ),
            _tr("%n on the shelf", None, prepare.ready),
            _tr("updated {time}").format(time=format_clock_time(prepare.fetched_at)),
        ]
        if prepare.expired:
            parts.append(_tr("%n expired not shown", None, prepare.expired))
        text = " · ".join(parts)
        if not prepare.complete:
            text += "\n" + _tr(
                "Only the newest {n} claims were read: the list is longer than that."
            ).format(n=len(prepare.items) + prepare.expired)
        if prepare.marks_unreachable:
            text += "\n" + _tr(
                "The shop journal cannot be reached: only this counter's marks are shown."
            )
        self.status.setText(text)

    def _on_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, errors.ApiError):
            log.warning("To prepare not read: %s", type(exc).__name__)
            now = self._clock()
            if self._failing_since is None:
                self._failing_since = now
            prepare = self.model.prepare_list()
            reason = describe_connection_error(exc)
            if prepare is None:
                self.status.setText("")
                self.show_message(reason, "error")
            else:
                self.show_message(
                    _tr("{reason} The list shown is from {time}; no answer since {since}.").format(
                        reason=reason,
                        time=format_clock_time(prepare.fetched_at),
                        since=format_clock_time(self._failing_since),
                    ),
                    "error",
                )
            self.loaded.emit()
            return
        if isinstance(exc, JournalError):
            log.error("To prepare: the journal cannot be read: %s", exc)
            self.show_message(
                _tr("The pickup journal cannot be read. Ask your IT contact."), "error"
            )
            return
        report_exception(type(exc), exc, exc.__traceback__)

    # -- selection and marking -----------------------------------------------------------

    def _selected_indexes(self) -> list[QModelIndex]:
        return list(self.tree.selectionModel().selectedRows())

    def _selected_uuids(self) -> list[str]:
        uuids: list[str] = []
        for index in self._selected_indexes():
            uuids += [item.loyalty_transaction_uuid for item in self.model.items_of(index)]
        return list(dict.fromkeys(uuids))

    def _select(self, uuids: list[str]) -> None:
        if not uuids:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for uuid in uuids:
            index = self.model.index_of(uuid)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(last))
        self.tree.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def selected_items_to_mark(self) -> list[PrepareItem]:
        """The selected claims not on the shelf yet (a reward's row: all its claims)."""
        marks = self.model.marks()
        found: dict[str, PrepareItem] = {}
        for index in self._selected_indexes():
            for item in self.model.items_of(index):
                if item.loyalty_transaction_uuid not in marks:
                    found.setdefault(item.loyalty_transaction_uuid, item)
        return list(found.values())

    def selected_marked_items(self) -> list[PrepareItem]:
        """The selected claims that are on the shelf (a reward's row: all of those)."""
        marks = self.model.marks()
        found: dict[str, PrepareItem] = {}
        for index in self._selected_indexes():
            for item in self.model.items_of(index):
                if item.loyalty_transaction_uuid in marks:
                    found.setdefault(item.loyalty_transaction_uuid, item)
        return list(found.values())

    def _update_buttons(self) -> None:
        idle = self._service is not None and not self.tasks.is_running(_MARK)
        self.ready_button.setEnabled(idle and bool(self.selected_items_to_mark()))
        self.take_back_button.setEnabled(idle and bool(self.selected_marked_items()))
        prepare = self.model.prepare_list()
        self.print_button.setEnabled(prepare is not None and prepare.waiting > 0)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if self.model.item(index) is not None:
            self.on_ready_button_clicked()

    def on_ready_button_clicked(self) -> None:
        items = self.selected_items_to_mark()
        if not items or self._service is None or self.tasks.is_running(_MARK):
            return
        # A mark says who put it on the shelf: where staff sign in, someone has first.
        if self._sign_in_first is not None and self._sign_in_first(self.on_ready_button_clicked):
            return
        task = self.tasks.op(self._mark(items), key=_MARK).failure(self._on_mark_failed).run()
        task.add_done_callback(lambda _task: self._update_buttons())
        self._update_buttons()

    async def _mark(self, items: list[PrepareItem]) -> None:
        assert self._service is not None
        written = await self._service.mark_ready(items, staff=self._staff())
        self.model.add_marks(written)
        self._say_status()
        count = len(written)
        text = english_plural(
            _tr("%n reward(s) marked ready on the shelf.", None, count),
            count,
            "reward(s)",
            "reward",
            "rewards",
        )
        self.show_message(text, "success")
        self.marked.emit(list(written))

    def on_take_back_button_clicked(self) -> None:
        items = self.selected_marked_items()
        if not items or self._service is None or self.tasks.is_running(_MARK):
            return
        if self._sign_in_first is not None and self._sign_in_first(
            self.on_take_back_button_clicked
        ):
            return
        task = self.tasks.op(self._take_back(items), key=_MARK).failure(self._on_mark_failed)
        task.run().add_done_callback(lambda _task: self._update_buttons())
        self._update_buttons()

    async def _take_back(self, items: list[PrepareItem]) -> None:
        assert self._service is not None
        taken = await self._service.take_off_shelf(items, staff=self._staff())
        self.model.add_marks({}, taken_back=taken)
        self._say_status()
        count = len(taken)
        text = english_plural(
            _tr("%n reward(s) no longer marked ready on the shelf.", None, count),
            count,
            "reward(s)",
            "reward",
            "rewards",
        )
        self.show_message(text, "success")
        self.takenBack.emit(taken)

    def _on_mark_failed(self, exc: BaseException) -> None:
        if isinstance(exc, JournalError):
            log.error("Shelf mark not recorded: %s", exc)
            self.show_message(
                _tr(
                    "The pickup journal cannot be written, so nothing was marked. "
                    "Ask your IT contact."
                ),
                "error",
            )
            return
        report_exception(type(exc), exc, exc.__traceback__)

    # -- printing ------------------------------------------------------------------------

    def on_print_button_clicked(self) -> None:
        prepare = self.model.prepare_list()
        if prepare is None or self.tasks.is_running(_PRINT):
            return
        self.tasks.op(self._print(prepare), key=_PRINT).run()

    def pick_list_dialog(self, prepare: PrepareList) -> QDialog:
        """The pick list's dialog for ``prepare``, on the counter's paper and printer."""
        # Imported when printing: Qt's print support takes a while to load.
        from pos_app.ui.prepare.pick_list import PickList, PickListDialog

        printer_name, paper = self._printer()
        pick = PickList.of(prepare, shop_name=self._shop_name(), now=self._clock())
        return PickListDialog(pick, paper=paper, printer_name=printer_name, parent=self.window())

    async def _print(self, prepare: PrepareList) -> None:
        dialog = self.pick_list_dialog(prepare)
        try:
            await await_dialog(dialog)
        finally:
            dialog.deleteLater()
