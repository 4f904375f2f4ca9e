"""The confirmation before rewards are handed over: what, to whom. Enter confirms, Esc cancels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.pickup_models import PickupItem
from pos_app.ui.pictures import PictureCache
from pos_app.ui.theme import TextSize, scaled_font


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
        self.list.setAccessibleName(self.tr("Rewards to hand over"))
        self.list.setIconSize(QSize(56, 56))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        for item in items:
            row = QListWidgetItem(item.title)
            pixmap = pictures.pixmap(item.picture_url) if pictures is not None else None
            if pixmap is None and pictures is not None:
                pixmap = pictures.placeholder()
            if pixmap is not None:
                row.setIcon(QIcon(pixmap))
            self.list.addItem(row)
        self.list.setMinimumHeight(min(5, len(items)) * 64 + 8)
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
        self.resize(480, self.sizeHint().height())
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)
