"""The confirmation before rewards are handed over: what, to whom. Enter confirms, Esc cancels.

Each reward shows with its picture, attributes ("Size 39-42") and description, so the right
one goes out. Identical rewards share a row with a count to choose how many go (all of them
unless the cashier says fewer); :meth:`HandOverDialog.chosen_items` says which.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.pickup_models import PickupItem, group_for_pickup
from pos_app.ui.dialogs.base import confirm_buttons
from pos_app.ui.pictures import PictureCache
from pos_app.ui.rewards.model import attributes_text
from pos_app.ui.theme import TextSize, scaled_font

#: The side of a reward's picture in the confirmation.
PICTURE_SIDE = 56
#: Rows shown without scrolling; more scroll.
VISIBLE_ROWS = 4


class HandOverRow(QWidget):
    """One reward (or several identical ones) in the confirmation.

    Picture, title, attributes and description; for identical rewards a count
    (``count``, from 1 to all of them) that says how many go.
    """

    def __init__(
        self,
        group: Sequence[PickupItem],
        pixmap: QPixmap | None,
        parent: QWidget,
        *,
        prefer: Collection[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handOverRow")
        self.setAutoFillBackground(True)
        # The preferred ones (just claimed) go first, and only they unless the cashier
        # says more.
        preferred = [i for i in group if i.loyalty_transaction_uuid in prefer]
        self.group = tuple(preferred + [i for i in group if i not in preferred])
        item = self.group[0]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(12)
        self.picture = QLabel(self)
        self.picture.setFixedSize(PICTURE_SIDE, PICTURE_SIDE)
        if pixmap is not None:
            self.picture.setPixmap(
                pixmap.scaled(
                    PICTURE_SIDE,
                    PICTURE_SIDE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        bold = self.font()
        bold.setBold(True)
        self.title = self._label(item.title, "handOverTitle", texts)
        self.title.setFont(bold)
        #: What tells this one from its kind ("Size 39-42"): the cashier checks it.
        self.attributes = self._label(attributes_text(item), "handOverAttributes", texts)
        self.attributes.setFont(bold)
        self.description = self._label(item.description or "", "handOverDescription", texts)
        texts.addStretch(1)
        layout.addLayout(texts, 1)
        self.count: QSpinBox | None = None
        if len(self.group) > 1:
            self.count = QSpinBox(self)
            self.count.setObjectName("handOverCount")
            self.count.setRange(1, len(self.group))
            self.count.setValue(len(preferred) or len(self.group))
            self.count.setSuffix(self.tr(" of {n}").format(n=len(self.group)))
            self.count.setAccessibleName(self.tr("How many {title}").format(title=item.title))
            self.count.setMinimumHeight(44)
            self.count.setMinimumWidth(110)
            layout.addWidget(self.count, 0, Qt.AlignmentFlag.AlignVCenter)

    def _label(self, text: str, name: str, layout: QVBoxLayout) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setVisible(bool(text))
        layout.addWidget(label)
        return label

    def chosen(self) -> list[PickupItem]:
        """The rewards of this row that go: the first ``count`` (soonest expiry first)."""
        wanted = self.count.value() if self.count is not None else len(self.group)
        return list(self.group[:wanted])


class HandOverDialog(QDialog):
    """Asks "Hand over these rewards to <customer>?" with the rewards and their pictures."""

    def __init__(
        self,
        customer_name: str,
        items: Sequence[PickupItem],
        pictures: PictureCache | None,
        parent: QWidget | None = None,
        *,
        now: datetime | None = None,
        prefer: Collection[str] = (),
    ) -> None:
        """``prefer``: loyalty transactions to hand over of their identical rewards (a
        reward just claimed), rather than all of them."""
        super().__init__(parent)
        self.setObjectName("handOverDialog")
        self.setWindowTitle(self.tr("Hand over"))
        self.setModal(True)
        self._customer_name = customer_name
        layout = self._layout = QVBoxLayout(self)
        self.question = QLabel(self)
        self.question.setObjectName("handOverQuestion")
        self.question.setWordWrap(True)
        self.question.setFont(
            scaled_font(self.question.font(), TextSize.DIALOG_QUESTION, bold=True)
        )
        layout.addWidget(self.question)

        self.list = QListWidget(self)
        self.list.setObjectName("handOverItems")
        self.list.setAccessibleName(self.tr("Rewards to hand over"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # Rows wrap their text to the list's width; they never scroll sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.rows: list[HandOverRow] = []
        for group in group_for_pickup(items, now if now is not None else datetime.now(UTC)):
            url = group[0].picture_url
            pixmap = pictures.pixmap(url) if pictures is not None and url else None
            if pixmap is None and pictures is not None:
                pixmap = pictures.placeholder()
            # The item keeps the title for screen readers; the row widget over it shows it all.
            entry = QListWidgetItem(group[0].title)
            row = HandOverRow(group, pixmap, self.list, prefer=prefer)
            if row.count is not None:
                row.count.valueChanged.connect(self._ask)
            self.list.addItem(entry)
            self.list.setItemWidget(entry, row)
            self.rows.append(row)
        layout.addWidget(self.list)

        # Enter confirms, Escape cancels: the keyboard path never needs the mouse.
        buttons, self.confirm_button, self.cancel_button = confirm_buttons(
            self,
            self.tr("Hand over"),
            self.tr("Cancel"),
            confirm_name="confirmHandOverButton",
            size=QSize(140, 44),
        )
        self.confirm_button.setAutoDefault(True)
        layout.addWidget(buttons)
        self._ask()
        self.setMinimumWidth(520)
        self.resize(560, self.sizeHint().height())
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The rows' heights depend on the width their text wraps to, known only now.
        self._fit_rows()
        layout = self._layout
        height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        self.resize(self.width(), height if height > 0 else self.sizeHint().height())
        count = self.rows[0].count if len(self.rows) == 1 else None
        if count is not None:
            # One row of several identical rewards: typing a number says how many, Enter
            # confirms (the spin box passes Enter on to the default button). Only now: the
            # list shows its row widgets when it is shown itself.
            count.setFocus(Qt.FocusReason.OtherFocusReason)
            count.selectAll()

    def chosen_items(self) -> list[PickupItem]:
        """What goes over the counter: every row's chosen rewards, top to bottom."""
        return [item for row in self.rows for item in row.chosen()]

    def _ask(self) -> None:
        n = len(self.chosen_items())
        if n == 1:
            question = self.tr("Hand over this reward to {name}?")
        else:
            question = self.tr("Hand over these {n} rewards to {name}?")
        self.question.setText(question.format(n=n, name=self._customer_name))

    def _fit_rows(self) -> None:
        # Rows wrap their text to the list's width: their heights are known only then.
        width = self.list.viewport().width()
        total = 0
        for index, row in enumerate(self.rows):
            height = row.heightForWidth(width)
            hint = QSize(width, max(height, row.minimumSizeHint().height()))
            self.list.item(index).setSizeHint(hint)
            if index < VISIBLE_ROWS:
                total += hint.height()
        # As tall as its first rows: one reward makes a small dialog, many scroll.
        self.list.setFixedHeight(total + 2 * self.list.frameWidth() + 2)
