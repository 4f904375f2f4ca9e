"""What the cashier can do about the notice just shown: undo the hand-over, print its slip.

The buttons belong to the message on screen: when the next message comes (the next scan,
a sign-in, an error), they go with the old one. Nothing here is modal, so the next
customer is never kept waiting behind a dialog about the last one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from pos_app.ui.counter.customer_widgets import MessageBar
from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr


class NoticeActions(QWidget):
    def __init__(self, messages: MessageBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noticeActions")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoHandOverButton")
        self.slip_button = QPushButton(self)

        def texts() -> None:
            self.undo_button.setAccessibleName(_tr("Undo the last hand-over"))
            self.slip_button.setText(_tr("Print slip"))

        retranslated(self, texts)
        self.slip_button.setObjectName("printSlipButton")
        row.addWidget(self.undo_button)
        row.addWidget(self.slip_button)
        self._seconds_left: Callable[[], float] = lambda: 0.0
        self._undo: Callable[[], None] | None = None
        self._print: Callable[[], None] | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_undo)
        self.undo_button.clicked.connect(self._undo_clicked)
        self.slip_button.clicked.connect(self._print_clicked)
        messages.changed.connect(self.clear)
        self.clear()

    def offer_undo(self, seconds_left: Callable[[], float], undo: Callable[[], None]) -> None:
        """An Undo button for as long as ``seconds_left`` says (counted down on it)."""
        self._seconds_left = seconds_left
        self._undo = undo
        self._tick.start()
        self._update_undo()
        self.show()

    def offer_slip(self, print_slip: Callable[[], None]) -> None:
        self._print = print_slip
        self.slip_button.show()
        self.show()

    def clear(self) -> None:
        self._tick.stop()
        self._undo = self._print = None
        self.undo_button.hide()
        self.slip_button.hide()
        self.hide()

    def _update_undo(self) -> None:
        left = self._seconds_left()
        if left <= 0 or self._undo is None:
            self._tick.stop()
            self.undo_button.hide()
            if self._print is None:
                self.hide()
            return
        self.undo_button.setText(_tr("Undo ({n} s)").format(n=math.ceil(left)))
        self.undo_button.show()

    def _undo_clicked(self) -> None:
        undo = self._undo
        if undo is not None and self._seconds_left() > 0:
            self.clear()
            undo()
        else:
            self._update_undo()

    def _print_clicked(self) -> None:
        if self._print is not None:
            self._print()
