"""The Nudj section of the progress panel: the rewards catalogue seen from the customer's points.

One row per reward (:class:`NudjRewardListModel`, featured first), painted by
:class:`NudjRewardDelegate` as picture, title, featured mark, the price with a bar of the
customer's points toward it, supply and what Nudj says about the reward for this user.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Final

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from pos_app.services.progress import NudjProgress, NudjRewardView, Program
from pos_app.ui.i18n import retranslated
from pos_app.ui.pictures import PictureCache, RoundedPictures
from pos_app.ui.progress.rows import (
    Index,
    PictureListModel,
    ProgressListView,
    ProgressRole,
    draw_elided,
    measure_chip,
    paint_bar,
    paint_chip,
    paint_picture,
    text_colors,
    view_width,
)
from pos_app.ui.progress.section import ProgressSection
from pos_app.ui.progress.texts import nudj_detail_text, nudj_summary_text, price_text
from pos_app.ui.theme import ColorScheme, grown_font


class NudjRewardListModel(PictureListModel):
    """The Nudj rewards catalogue as seen from one customer's points, featured first."""

    def __init__(self, pictures: PictureCache | None = None, parent: QObject | None = None):
        super().__init__(pictures, parent)
        self._rewards: list[NudjRewardView] = []

    def set_rewards(self, rewards: Sequence[NudjRewardView]) -> None:
        self.beginResetModel()
        self._rewards = list(rewards)
        self._reindex()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rewards([])

    def reward(self, row: int) -> NudjRewardView:
        return self._rewards[row]

    def _urls(self, row: int) -> list[str]:
        url = self._rewards[row].reward.picture_url
        return [url] if url else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rewards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._rewards):
            return None
        view = self._rewards[row]
        reward = view.reward
        if role == Qt.ItemDataRole.DisplayRole:
            return reward.title or ""
        if role == Qt.ItemDataRole.DecorationRole:
            return self.picture(reward.picture_url)
        if role == Qt.ItemDataRole.ToolTipRole:
            return reward.description or reward.title or ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [
                reward.title or "",
                QCoreApplication.translate("ProgressPanel", "featured") if reward.featured else "",
                price_text(view),
                QCoreApplication.translate("ProgressPanel", "affordable")
                if view.affordable
                else "",
                nudj_detail_text(view),
            ]
            return ", ".join(part for part in parts if part)
        if role == ProgressRole.VALUE:
            return view
        if role == ProgressRole.FRACTION:
            return view.fraction
        if role == ProgressRole.PROGRESS_TEXT:
            return price_text(view)
        if role == ProgressRole.DETAIL_TEXT:
            return nudj_detail_text(view)
        if role == ProgressRole.CHIP_TEXT:
            return (
                QCoreApplication.translate("ProgressPanel", "★ Featured") if reward.featured else ""
            )
        if role == ProgressRole.COMPLETE:
            return view.affordable
        return None


class NudjRewardDelegate(QStyledItemDelegate):
    """Paints one Nudj reward: picture, title, featured mark, price with a progress bar of
    the customer's points toward it ("Affordable" once reached), supply and user state."""

    MARGIN: Final = 10
    PICTURE: Final = 44
    MIN_WIDTH: Final = 240

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rounded = RoundedPictures()

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = grown_font(base, 0.5, bold=True)
        sub = grown_font(base)
        chip = grown_font(base, -1)
        chip.setWeight(QFont.Weight.DemiBold)
        return title, sub, chip

    def _height(self, font: QFont) -> int:
        title, sub, _chip = self._fonts(font)
        text = QFontMetrics(title).height() + 4 + 2 * QFontMetrics(sub).height() + 2
        return max(self.PICTURE, text) + 2 * self.MARGIN

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(view_width(option, self.MIN_WIDTH), self._height(option.font))

    def paint(self, painter: QPainter | None, option: QStyleOptionViewItem, index: Index) -> None:
        if painter is None:
            return
        view = index.data(ProgressRole.VALUE)
        if not isinstance(view, NudjRewardView):
            return
        rect: QRect = option.rect
        title_font, sub_font, chip_font = self._fonts(option.font)
        title_h = QFontMetrics(title_font).height()
        sub_h = QFontMetrics(sub_font).height()
        ink, quiet = text_colors(option)
        left_v = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        m = self.MARGIN
        left, right = rect.left() + m, rect.right() - m
        block = title_h + 4 + 2 * sub_h + 2
        top = rect.top() + (rect.height() - block) // 2
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setPen(option.palette.color(QPalette.ColorRole.Mid).lighter(125))
            painter.drawLine(rect.left() + 8, rect.bottom(), rect.right() - 8, rect.bottom())
            picture = QRect(
                left, rect.top() + (rect.height() - self.PICTURE) // 2, self.PICTURE, self.PICTURE
            )
            paint_picture(
                painter,
                picture,
                index.data(Qt.ItemDataRole.DecorationRole),
                8,
                rounded=self._rounded,
            )
            text_left = picture.right() + 1 + m
            chip_text = str(index.data(ProgressRole.CHIP_TEXT) or "")
            title_right = right
            if chip_text:
                size = measure_chip(chip_text, chip_font)
                chip = QRect(
                    right - size.width() + 1,
                    top + (title_h - size.height()) // 2,
                    size.width(),
                    size.height(),
                )
                paint_chip(painter, chip, chip_text, chip_font, ColorScheme.CHIP_FEATURED)
                title_right = chip.left() - 8
            painter.setPen(ink)
            draw_elided(
                painter,
                QRect(text_left, top, max(0, title_right - text_left + 1), title_h),
                str(index.data() or ""),
                title_font,
                left_v,
            )
            row2 = top + title_h + 4
            price = str(index.data(ProgressRole.PROGRESS_TEXT) or "")
            affordable = bool(index.data(ProgressRole.COMPLETE))
            text_right = right
            if affordable:
                label = QCoreApplication.translate("ProgressPanel", "Affordable")
                size = measure_chip(label, chip_font)
                chip = QRect(
                    right - size.width() + 1,
                    row2 + (sub_h - size.height()) // 2,
                    size.width(),
                    size.height(),
                )
                paint_chip(painter, chip, label, chip_font, ColorScheme.CHIP_STRONG_GREEN)
                text_right = chip.left() - 8
            if price:
                price_w = QFontMetrics(sub_font).horizontalAdvance(price)
                price_rect = QRect(text_right - price_w + 1, row2, price_w, sub_h)
                painter.setPen(ink)
                painter.setFont(sub_font)
                painter.drawText(
                    price_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, price
                )
                text_right = price_rect.left() - 8
            fraction = index.data(ProgressRole.FRACTION)
            if isinstance(fraction, float) and text_right - text_left > 24:
                bar = QRect(text_left, row2 + (sub_h - 8) // 2, text_right - text_left + 1, 8)
                paint_bar(
                    painter,
                    bar,
                    fraction,
                    ColorScheme.BAR_DONE if affordable else ColorScheme.BAR_FILL,
                )
            painter.setPen(quiet)
            draw_elided(
                painter,
                QRect(text_left, row2 + sub_h + 2, max(0, right - text_left + 1), sub_h),
                str(index.data(ProgressRole.DETAIL_TEXT) or ""),
                sub_font,
                left_v,
            )
        finally:
            painter.restore()


class NudjSection(ProgressSection[NudjProgress]):
    """The Nudj rewards catalogue, with the customer's points and XP beside the title
    (objectName ``nudjSection``)."""

    STRETCH: ClassVar[int] = 2

    def __init__(self, pictures: PictureCache | None, parent: QWidget | None = None) -> None:
        model = NudjRewardListModel(pictures)
        view = ProgressListView()
        view.setObjectName("nudjRewards")
        view.setItemDelegate(NudjRewardDelegate(view))
        view.set_empty_text(
            QCoreApplication.translate(
                "ProgressPanel", "No rewards in the Nudj catalogue right now."
            )
        )
        super().__init__(
            Program.NUDJ,
            QCoreApplication.translate("ProgressPanel", "Nudj rewards"),
            model,
            view,
            parent,
        )
        self.model: NudjRewardListModel = model

        def texts() -> None:
            title = QCoreApplication.translate("ProgressPanel", "Nudj rewards")
            view.setAccessibleName(title)
            self.title_label.setText(title)

        retranslated(self, texts)

    def _fill_list(self, result: NudjProgress) -> str:
        self.model.set_rewards(result.rewards)
        return nudj_summary_text(result)

    def _clear_list(self) -> None:
        self.model.clear()
