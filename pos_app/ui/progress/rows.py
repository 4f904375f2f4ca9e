"""What the panel's two lists share: data roles, the picture-backed list model, the
read-only list view, and the painting helpers (chips, bars, pictures, fonts) their
delegates draw rows with."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QStyleOptionViewItem, QWidget

from pos_app.ui.pictures import PictureCache, PictureRowsModel, RoundedPictures
from pos_app.ui.theme import ColorPair, ColorScheme

Index = QModelIndex | QPersistentModelIndex


class ProgressRole(IntEnum):
    """Custom data roles of the panel's models (beside Display, Decoration, ToolTip)."""

    VALUE = Qt.ItemDataRole.UserRole + 1  # the ChallengeView / NudjRewardView
    FRACTION = Qt.ItemDataRole.UserRole + 2  # float 0..1, or None
    PROGRESS_TEXT = Qt.ItemDataRole.UserRole + 3  # "3 / 8", "340 / 500 points"
    DETAIL_TEXT = Qt.ItemDataRole.UserRole + 4  # "12 days left · 5 more to collect"
    CHIP_TEXT = Qt.ItemDataRole.UserRole + 5  # status / "Featured"
    CARD_PICTURES = Qt.ItemDataRole.UserRole + 6  # list[QPixmap], one per card
    REWARD_PICTURE = Qt.ItemDataRole.UserRole + 7  # QPixmap of the challenge reward
    REWARD_TEXT = Qt.ItemDataRole.UserRole + 8  # the challenge reward's name
    REWARD_STATE_TEXT = Qt.ItemDataRole.UserRole + 9  # "Claimable", "Claimed", "Locked"
    COMPLETE = Qt.ItemDataRole.UserRole + 10  # bool: collection complete / affordable
    ENDED = Qt.ItemDataRole.UserRole + 11  # bool: the challenge is over


class PictureListModel(PictureRowsModel):
    """A list whose rows show pictures from a :class:`PictureCache`; repaints on arrival."""

    def __init__(self, pictures: PictureCache | None, parent: QObject | None = None) -> None:
        super().__init__(pictures, parent)
        self._placeholder: QPixmap | None = None

    def _urls(self, row: int) -> list[str]:
        raise NotImplementedError

    def _reindex(self) -> None:
        self._index_pictures(self._urls(row) for row in range(self.rowCount()))

    def picture_urls(self) -> set[str]:
        """Every picture the rows show (the card pictures too)."""
        return set(self._rows_by_url)

    def picture(self, url: str | None) -> QPixmap:
        """The thumbnail of ``url`` if ready, else the placeholder (a load is started)."""
        cache = self._pictures
        if cache is None:
            if self._placeholder is None:
                self._placeholder = QPixmap(QSize(1, 1))
                self._placeholder.fill(ColorScheme.PICTURE_PLACEHOLDER)
            return self._placeholder
        pixmap = cache.pixmap(url) if url else None
        return pixmap if pixmap is not None else cache.placeholder()

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role in ProgressRole:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Shown, not chosen: nothing here is selected or acted on at the counter.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


# --- painting helpers ------------------------------------------------------------------------


def measure_chip(text: str, font: QFont) -> QSize:
    metrics = QFontMetrics(font)
    return QSize(metrics.horizontalAdvance(text) + 16, metrics.height() + 4)


def paint_chip(painter: QPainter, rect: QRect, text: str, font: QFont, colors: ColorPair) -> None:
    background, ink = colors
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(background)
    radius = rect.height() / 2
    painter.drawRoundedRect(QRectF(rect), radius, radius)
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def paint_bar(painter: QPainter, rect: QRect, fraction: float, fill: QColor) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    radius = rect.height() / 2
    painter.setBrush(ColorScheme.BAR_TRACK)
    painter.drawRoundedRect(QRectF(rect), radius, radius)
    if fraction > 0:
        filled = QRectF(rect)
        filled.setWidth(max(rect.height(), rect.width() * min(1.0, fraction)))
        painter.setBrush(fill)
        painter.drawRoundedRect(filled, radius, radius)
    painter.restore()


def paint_picture(
    painter: QPainter,
    rect: QRect,
    pixmap: Any,
    radius: float,
    opacity: float = 1.0,
    *,
    rounded: RoundedPictures,
) -> None:
    """``pixmap`` in ``rect`` with rounded corners, made once by the delegate's ``rounded``."""
    if not isinstance(pixmap, QPixmap) or pixmap.isNull():
        return
    painter.save()
    painter.setOpacity(opacity)
    rounded.draw(painter, rect, pixmap, radius)
    painter.restore()


def draw_elided(painter: QPainter, rect: QRect, text: str, font: QFont, align: Any) -> None:
    metrics = QFontMetrics(font)
    painter.setFont(font)
    painter.drawText(
        rect, align, metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    )


def text_colors(option: QStyleOptionViewItem) -> tuple[QColor, QColor]:
    palette: QPalette = option.palette
    ink = QColor(palette.color(QPalette.ColorRole.Text))
    quiet = QColor(ink)
    quiet.setAlphaF(0.72 * quiet.alphaF())
    return ink, quiet


def view_width(option: QStyleOptionViewItem, fallback: int) -> int:
    widget = option.widget
    if isinstance(widget, QAbstractItemView):
        return max(fallback, widget.viewport().width())
    return max(fallback, option.rect.width())


class ProgressListView(QListView):
    """A read-only list in the panel: never takes the keyboard focus from the scan field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A scanner types wherever the focus is: the panel must never hold it.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self._empty_text = ""

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if (model is not None and model.rowCount() > 0) or not self._empty_text:
            return
        painter = QPainter(self.viewport())
        try:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self._empty_text,
            )
        finally:
            painter.end()
