"""The layout of a dialog that previews a paper document (a slip, a pick list) beside
its paper choice and its Print… / Save as PDF… / Close buttons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

__all__ = ["finish_side_column", "preview_pane"]


def preview_pane(parent: QWidget, layout: QBoxLayout, object_name: str, size: QSize) -> QLabel:
    """The preview at the start of ``layout``, scrolled when larger than ``size``, taking
    the room the side column leaves; the label the preview image goes on."""
    preview = QLabel(parent)
    preview.setObjectName(object_name)
    preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    scroll = QScrollArea(parent)
    scroll.setWidget(preview)
    scroll.setWidgetResizable(True)
    scroll.setMinimumSize(size)
    layout.addWidget(scroll, 1)
    return preview


def finish_side_column(
    parent: QWidget,
    layout: QBoxLayout,
    side: QBoxLayout,
    buttons: Sequence[QPushButton],
    message_name: str,
) -> QLabel:
    """Add ``buttons`` (touch height) and a message line under them to ``side``, and
    ``side`` after the preview; the message line."""
    for button in buttons:
        button.setMinimumHeight(48)
        side.addWidget(button)
    message = QLabel(parent)
    message.setObjectName(message_name)
    message.setWordWrap(True)
    message.setTextFormat(Qt.TextFormat.PlainText)
    side.addWidget(message)
    side.addStretch(1)
    layout.addLayout(side)
    return message
