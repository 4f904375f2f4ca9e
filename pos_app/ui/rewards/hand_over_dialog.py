"""The confirmation before rewards are handed over: what, to whom. Enter confirms, Esc cancels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.pickup_models import PickupItem
from pos_app.ui.pictures import PictureCache
from pos_app.ui.rewards.model import attributes_text
from pos_app.ui.theme import TextSize, scaled_font

#: The side of a reward's picture in the confirmation.
PICTURE_SIDE = 56


class HandOverRow(QWidget):
    """One reward in the confirmation: picture, title, its attributes and description."""

    def __init__(self, item: PickupItem, pixmap: QPixmap | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("handOverRow")
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
        self.title = QLabel(item.title, self)
        self.title.setObjectName("handOverTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        texts.addWidget(self.title)
        #: What tells this one from its kind ("Size 39-42"): the cashier checks it.
        self.attributes = QLabel(attributes_text(item), self)
        self.attributes.setObjectName("handOverAttributes")
        self.attributes.setWordWrap(True)
        self.attributes.setTextFormat(Qt.TextFormat.PlainText)
        self.attributes.setFont(bold)
        self.attributes.setVisible(bool(item.attributes))
        texts.addWidget(self.attributes)
        self.description = QLabel(item.description or "", self)
        self.description.setObjectName("handOverDescription")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setVisible(bool(item.description))
        texts.addWidget(self.description)
        layout.addLayout(texts, 1)


class HandOverDialog(QDialog):
    """Asks "Hand over these rewards to <customer>?" with the rewards and their pictures."""

    def __init__(
        self,
        customer_name: str,
        items: Sequence[PickupItem],
        pictures: PictureCache | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handOverDialog")
        self.setWindowTitle(self.tr("Hand over"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        if len(items) == 1:
            question = self.tr("Hand over this reward to {name}?")
        else:
            question = self.tr("Hand over these {n} rewards to {name}?")
        self.question = QLabel(question.format(n=len(items), name=customer_name), self)
        self.question.setObjectName("handOverQuestion")
        self.question.setWordWrap(True)
        self.question.setFont(
            scaled_font(self.question.font(), TextSize.DIALOG_QUESTION, bold=True)
        )
        layout.addWidget(self.question)

        self.list = QListWidget(self)
        self.list.setObjectName("handOverItems")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.rows: list[HandOverRow] = []
        for item in items:
            pixmap = pictures.pixmap(item.picture_url) if pictures is not None else None
            if pixmap is None and pictures is not None:
                pixmap = pictures.placeholder()
            # The item keeps the title for screen readers; the row widget over it shows it all.
            entry = QListWidgetItem(item.title)
            row = HandOverRow(item, pixmap, self.list)
            row.setAutoFillBackground(True)
            self.list.addItem(entry)
            self.list.setItemWidget(entry, row)
            self.rows.append(row)
        layout.addWidget(self.list)

        buttons = QDialogButtonBox(self)
        self.confirm_button = buttons.addButton(
            self.tr("Hand over"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("confirmHandOverButton")
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in (self.confirm_button, self.cancel_button):
            button.setMinimumHeight(44)
            button.setMinimumWidth(140)
        # Enter confirms, Escape cancels: the keyboard path never needs the mouse.
        self.confirm_button.setDefault(True)
        self.confirm_button.setAutoDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self._fit_rows()
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_rows(self) -> None:
        # Rows wrap their text to the list's width: their heights are known only then.
        width = max(200, self.list.viewport().width())
        total = 0
        for index, row in enumerate(self.rows):
            height = row.heightForWidth(width)
            hint = QSize(width, height if height > 0 else row.sizeHint().height())
            self.list.item(index).setSizeHint(hint)
            if index < 4:
                total += hint.height()
        self.list.setMinimumHeight(total + 2 * self.list.frameWidth() + 4)
