"""Above the rewards list: how many wait ("29 to pick up · 4 expired") and a filter field.

The filter is the list model's own (:meth:`RewardListModel.set_filter`, matching a row's
title and attributes): the view keeps one flat list model whose rows are what it shows, so
a row number means the same to the model, the view and the hand-over. The field shows
only for long lists (more than :data:`FILTER_FROM_ROWS` rows); Ctrl+F goes to it, Escape
clears it and goes back to the list.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from pos_app.services.pickup_models import PickupCounts
from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.plurals import english_plural
from pos_app.ui.rewards.model import RewardListModel, expiry_date_text
from pos_app.ui.rewards.view import RewardListView

#: The filter field shows when the list has more rows than this.
FILTER_FROM_ROWS: Final = 8


def counts_text(counts: PickupCounts, now: datetime) -> str:
    """ "29 to pick up · 4 expired · 1 digital"; "" when nothing waits at all.

    A customer with only expired rewards gets one line instead: "Nothing to pick up:
    3 rewards expired (last on 2 Nov)".
    """
    if not (counts.to_pick_up or counts.expired or counts.digital):
        return ""
    if not counts.to_pick_up and counts.expired and counts.last_expired is not None:
        # Only expired ones: the one line that answers "where is my reward?".
        summary = _tr(
            "Nothing to pick up: %n reward(s) expired (last on {date})",
            None,
            counts.expired,
        )
        summary = english_plural(summary, counts.expired, "reward(s)", "reward", "rewards")
        parts = [summary.format(date=expiry_date_text(counts.last_expired, now))]
        if counts.digital:
            parts.append(_tr("%n digital", None, counts.digital))
        return " · ".join(parts)
    parts = [_tr("%n to pick up", None, counts.to_pick_up)]
    if counts.expired:
        parts.append(_tr("%n expired", None, counts.expired))
    if counts.digital:
        parts.append(_tr("%n digital", None, counts.digital))
    return " · ".join(parts)


class FilterField(QLineEdit):
    """The filter's text field: Escape empties it and hands the keyboard back to the list.

    Signals:
        scanned(str): Enter on text that matches no reward: a card (or an email) scanned
            while the filter had the focus, meant for the scan field.
    """

    scanned = Signal(str)

    def __init__(self, rewards: RewardListView, parent: QWidget) -> None:
        super().__init__(parent)
        self._rewards = rewards

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_placeholder()

    def fit_placeholder(self) -> None:
        # Wide enough for its hint in any font (kiosk mode enlarges it), plus the clear button.
        hint = self.fontMetrics().horizontalAdvance(self.placeholderText())
        self.setMinimumWidth(hint + 2 * self.fontMetrics().height() + 16)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            # The window's Escape goes to the scan field; here Escape is the field's.
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.back_to_list()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._is_a_scan():
            text = self.text()
            self.clear()
            self.scanned.emit(text)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self.back_to_list()
            return
        super().keyPressEvent(event)

    def _is_a_scan(self) -> bool:
        model = self._rewards.model()
        return bool(self.text().strip()) and model is not None and model.rowCount() == 0

    def back_to_list(self) -> None:
        rewards = self._rewards
        if not rewards.selected_items():
            rewards.select_first_available(focus=False)
        rewards.setFocus(Qt.FocusReason.ShortcutFocusReason)


class RewardListHeader(QWidget):
    """The counts line and the filter field of ``model``, shown in ``rewards``."""

    def __init__(
        self, model: RewardListModel, rewards: RewardListView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rewardListHeader")
        self._model = model
        self._rewards = rewards
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("rewardCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.counts_label.font()
        bold.setBold(True)
        self.counts_label.setFont(bold)
        layout.addWidget(self.counts_label, 1)
        self.filter_field = FilterField(rewards, self)
        self.filter_field.setObjectName("rewardsFilter")
        field = self.filter_field

        def filter_texts() -> None:
            field.setPlaceholderText(self.tr("Filter: name, size, colour…"))
            field.setToolTip(self.tr("Filter the rewards by name or attribute (Ctrl+F)"))
            field.setAccessibleName(self.tr("Filter the rewards"))
            field.fit_placeholder()

        retranslated(field, filter_texts)
        field.setClearButtonEnabled(True)
        self.filter_field.setMinimumHeight(44)
        layout.addWidget(self.filter_field)
        self.filter_field.textChanged.connect(self._on_filter_changed)
        # A shortcut of a hidden widget does not fire: Ctrl+F works while the field shows.
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self.filter_field)
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self.focus_filter)
        for signal in (model.modelReset, model.rowsRemoved, model.layoutChanged, model.dataChanged):
            signal.connect(self.refresh)
        self.refresh()

    def focus_filter(self) -> None:
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_field.selectAll()

    def reset(self) -> None:
        """A new customer: no filter left over from the last one."""
        self.filter_field.clear()

    def refresh(self, *args: object) -> None:
        self.counts_label.setText(counts_text(self._model.counts(), self._model.now))
        long_list = self._model.total_rows() > FILTER_FROM_ROWS
        self.filter_field.setVisible(long_list or bool(self.filter_field.text()))

    def _on_filter_changed(self, text: str) -> None:
        self._model.set_filter(text)
        self.refresh()
        if not self._rewards.selected_items():
            self._rewards.select_first_available(focus=False)
