"""The Giftoin section of the progress panel: the customer's collection challenges.

One row per challenge (:class:`ChallengeListModel`), painted by :class:`ChallengeDelegate`
as picture, name and status, progress bar and time left, the cards as a grid (owned ones
lit), and the challenge's reward. The countdowns move while the customer stays.

Size: the model, its delegate and the section that holds them paint one thing together
(a challenge row's geometry is shared by painting and size hints); split, each half would
need the other's internals.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Final

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from pos_app.services.progress import (
    CardView,
    ChallengeView,
    GiftoinProgress,
    NotLinked,
    Program,
    RewardState,
    TimeLeftKind,
)
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
from pos_app.ui.progress.texts import (
    card_text,
    challenge_detail_text,
    challenge_progress_text,
    not_linked_text,
    number_text,
    rarity_text,
    reward_state_text,
    status_text,
)
from pos_app.ui.theme import ColorPair, ColorScheme, grown_font

#: The countdowns ("3 hours left") are refreshed this often while on screen.
COUNTDOWN_INTERVAL_MS: Final = 30_000


def status_colors(status: str | None) -> ColorPair:
    key = (status or "").lower()
    if key == "in_progress":
        return ColorScheme.CHIP_BLUE
    if key == "completed":
        return ColorScheme.CHIP_GREEN
    return ColorScheme.CHIP_NEUTRAL


def reward_state_colors(state: RewardState | None) -> ColorPair:
    if state is RewardState.CLAIMABLE:
        return ColorScheme.CHIP_STRONG_GREEN
    if state is RewardState.LOCKED:
        return ColorScheme.CHIP_AMBER
    return ColorScheme.CHIP_NEUTRAL


class ChallengeListModel(PictureListModel):
    """The customer's Giftoin collection challenges, one row each.

    Time left is judged as of :meth:`set_now` (the panel refreshes it, so the countdown
    moves while the customer stays at the counter).
    """

    def __init__(
        self,
        pictures: PictureCache | None = None,
        parent: QObject | None = None,
        *,
        now: datetime | None = None,
    ) -> None:
        super().__init__(pictures, parent)
        self._challenges: list[ChallengeView] = []
        self._now = now or datetime.now(UTC)

    def set_challenges(self, challenges: Sequence[ChallengeView], now: datetime) -> None:
        self.beginResetModel()
        self._challenges = list(challenges)
        self._now = now
        self._reindex()
        self.endResetModel()

    def clear(self) -> None:
        self.set_challenges([], self._now)

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._challenges:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._challenges) - 1, 0),
                [ProgressRole.DETAIL_TEXT, ProgressRole.ENDED, Qt.ItemDataRole.AccessibleTextRole],
            )

    def challenge(self, row: int) -> ChallengeView:
        return self._challenges[row]

    def _urls(self, row: int) -> list[str]:
        challenge = self._challenges[row]
        urls = [challenge.picture_url] + [card.picture_url for card in challenge.cards]
        if challenge.reward is not None:
            urls.append(challenge.reward.picture_url)
        return [url for url in urls if url]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._challenges)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._challenges):
            return None
        challenge = self._challenges[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return challenge.name or ""
        if role == Qt.ItemDataRole.DecorationRole:
            return self.picture(challenge.picture_url)
        if role == Qt.ItemDataRole.ToolTipRole:
            return challenge.description or challenge.name or ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(challenge)
        if role == ProgressRole.VALUE:
            return challenge
        if role == ProgressRole.FRACTION:
            return challenge.fraction
        if role == ProgressRole.PROGRESS_TEXT:
            return challenge_progress_text(challenge)
        if role == ProgressRole.DETAIL_TEXT:
            return challenge_detail_text(challenge, self._now)
        if role == ProgressRole.CHIP_TEXT:
            return status_text(challenge.status)
        if role == ProgressRole.CARD_PICTURES:
            return [self.picture(card.picture_url) for card in challenge.cards]
        if role == ProgressRole.REWARD_PICTURE:
            reward = challenge.reward
            return self.picture(reward.picture_url) if reward is not None else None
        if role == ProgressRole.REWARD_TEXT:
            return (challenge.reward.name or "") if challenge.reward is not None else ""
        if role == ProgressRole.REWARD_STATE_TEXT:
            state = challenge.reward.state if challenge.reward is not None else None
            return reward_state_text(state)
        if role == ProgressRole.COMPLETE:
            fraction = challenge.fraction
            return fraction is not None and fraction >= 1.0
        if role == ProgressRole.ENDED:
            left = challenge.time_left(self._now)
            return left is not None and left.kind is TimeLeftKind.ENDED
        return None

    def _accessible_text(self, challenge: ChallengeView) -> str:
        parts = [
            challenge.name or "",
            status_text(challenge.status),
            challenge_progress_text(challenge),
            challenge_detail_text(challenge, self._now),
        ]
        owned = [card_text(card) for card in challenge.cards]
        if owned:
            parts.append(", ".join(owned))
        if challenge.reward is not None:
            parts.append(
                QCoreApplication.translate("ProgressPanel", "reward: {name} ({state})").format(
                    name=challenge.reward.name or "",
                    state=reward_state_text(challenge.reward.state),
                )
            )
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class _RewardGeometry:
    row: QRect
    picture: QRect
    chip: QRect
    text: QRect


@dataclass(frozen=True)
class _ChallengeGeometry:
    picture: QRect
    title: QRect
    chip: QRect
    bar: QRect
    progress: QRect
    detail: QRect
    cards: list[QRect]
    #: Under each card: its name (up to two lines), then its rarity.
    names: list[QRect]
    rarities: list[QRect]
    reward: _RewardGeometry | None
    height: int


class ChallengeDelegate(QStyledItemDelegate):
    """Paints one collection challenge: picture, name and status, progress bar, time left,
    the cards as a grid (owned ones lit, with quantities; under each its name, then its
    rarity), the reward.

    A card's cell is as wide as its longest word needs (up to :attr:`CARD_CELL_MAX`), so
    that no label is cut short in the kiosk's larger font; names wrap onto two lines.
    """

    MARGIN: Final = 10
    PICTURE: Final = 48
    CARD: Final = 40
    CARD_CELL: Final = 62
    CARD_CELL_MAX: Final = 124
    CARD_GAP: Final = 6
    #: Lines a card's name may take under it.
    NAME_LINES: Final = 2
    REWARD_PICTURE: Final = 24
    MIN_WIDTH: Final = 240

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rounded = RoundedPictures()

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        title = grown_font(base, 1, bold=True)
        sub = grown_font(base)
        small = grown_font(base, -1.5)
        chip = grown_font(base, -1)
        chip.setWeight(QFont.Weight.DemiBold)
        return title, sub, small, chip

    def geometry(self, rect: QRect, font: QFont, index: Index) -> _ChallengeGeometry:
        challenge = index.data(ProgressRole.VALUE)
        cards = challenge.cards if isinstance(challenge, ChallengeView) else ()
        has_reward = isinstance(challenge, ChallengeView) and challenge.reward is not None
        title_font, sub_font, small_font, chip_font = self._fonts(font)
        title_h = QFontMetrics(title_font).height()
        sub_h = QFontMetrics(sub_font).height()
        small_h = QFontMetrics(small_font).height()
        m = self.MARGIN
        left, top, right = rect.left() + m, rect.top() + m, rect.right() - m
        picture = QRect(left, top, self.PICTURE, self.PICTURE)
        text_left = picture.right() + 1 + m
        chip_text = str(index.data(ProgressRole.CHIP_TEXT) or "")
        chip_size = measure_chip(chip_text, chip_font) if chip_text else QSize(0, 0)
        chip = QRect(
            right - chip_size.width() + 1,
            top + (title_h - chip_size.height()) // 2,
            chip_size.width(),
            chip_size.height(),
        )
        title_right = (chip.left() - 8) if chip_text else right
        title = QRect(text_left, top, max(0, title_right - text_left + 1), title_h)
        progress_text = str(index.data(ProgressRole.PROGRESS_TEXT) or "")
        progress_w = QFontMetrics(sub_font).horizontalAdvance(progress_text) if progress_text else 0
        row2 = top + title_h + 4
        progress = QRect(right - progress_w + 1, row2, progress_w, sub_h)
        bar_right = (progress.left() - 8) if progress_w else right
        bar = QRect(text_left, row2 + (sub_h - 8) // 2, max(0, bar_right - text_left + 1), 8)
        detail = QRect(text_left, row2 + sub_h + 2, max(0, right - text_left + 1), sub_h)
        y = max(picture.bottom(), detail.bottom()) + 1 + 8
        card_rects: list[QRect] = []
        name_rects: list[QRect] = []
        rarity_rects: list[QRect] = []
        if cards:
            cell_w = self.cell_width(cards, small_font, max(self.CARD_CELL, right - left + 1))
            columns = max(1, (right - left + 1 + self.CARD_GAP) // (cell_w + self.CARD_GAP))
            # As tall as the painter lays out that many lines (more than n × lineSpacing).
            name_h = (
                QFontMetrics(small_font)
                .boundingRect(
                    QRect(0, 0, 1000, 1000),
                    int(Qt.TextFlag.TextWordWrap),
                    "\n".join(["X"] * self.NAME_LINES),
                )
                .height()
            )
            cell_h = self.CARD + 2 + name_h + small_h
            for i in range(len(cards)):
                row, column = divmod(i, columns)
                cell_left = left + column * (cell_w + self.CARD_GAP)
                cell_top = y + row * (cell_h + self.CARD_GAP)
                card_rects.append(
                    QRect(cell_left + (cell_w - self.CARD) // 2, cell_top, self.CARD, self.CARD)
                )
                name_top = cell_top + self.CARD + 2
                name_rects.append(QRect(cell_left, name_top, cell_w, name_h))
                rarity_rects.append(QRect(cell_left, name_top + name_h, cell_w, small_h))
            rows = math.ceil(len(cards) / columns)
            y += rows * cell_h + (rows - 1) * self.CARD_GAP + 8
        reward = None
        if has_reward:
            row_h = max(self.REWARD_PICTURE, sub_h) + 4
            reward_row = QRect(left, y, right - left + 1, row_h)
            reward_picture = QRect(
                left,
                y + (row_h - self.REWARD_PICTURE) // 2,
                self.REWARD_PICTURE,
                self.REWARD_PICTURE,
            )
            state_text = str(index.data(ProgressRole.REWARD_STATE_TEXT) or "")
            size = measure_chip(state_text, chip_font) if state_text else QSize(0, 0)
            reward_chip = QRect(
                right - size.width() + 1,
                y + (row_h - size.height()) // 2,
                size.width(),
                size.height(),
            )
            text_right = (reward_chip.left() - 8) if state_text else right
            text = QRect(
                reward_picture.right() + 9,
                y,
                max(0, text_right - reward_picture.right() - 8),
                row_h,
            )
            reward = _RewardGeometry(reward_row, reward_picture, reward_chip, text)
            y += row_h + 4
        height = y - rect.top() - 8 + m
        return _ChallengeGeometry(
            picture=picture,
            title=title,
            chip=chip,
            bar=bar,
            progress=progress,
            detail=detail,
            cards=card_rects,
            names=name_rects,
            rarities=rarity_rects,
            reward=reward,
            height=height,
        )

    def cell_width(self, cards: Sequence[CardView], font: QFont, room: int) -> int:
        """Wide enough for each card's longest word and its rarity, within ``room``."""
        metrics = QFontMetrics(font)
        words = [rarity_text(card.rarity) for card in cards]
        for card in cards:
            words += (card.name or "").split()
        widest = max((metrics.horizontalAdvance(word) for word in words if word), default=0)
        return max(self.CARD_CELL, min(widest + 6, self.CARD_CELL_MAX, room))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = view_width(option, self.MIN_WIDTH)
        geometry = self.geometry(QRect(0, 0, width, 0), option.font, index)
        return QSize(width, geometry.height)

    def paint(self, painter: QPainter | None, option: QStyleOptionViewItem, index: Index) -> None:
        if painter is None:
            return
        challenge = index.data(ProgressRole.VALUE)
        if not isinstance(challenge, ChallengeView):
            return
        rect: QRect = option.rect
        g = self.geometry(rect, option.font, index)
        title_font, sub_font, small_font, chip_font = self._fonts(option.font)
        ink, quiet = text_colors(option)
        left_v = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setPen(option.palette.color(QPalette.ColorRole.Mid).lighter(125))
            painter.drawLine(rect.left() + 8, rect.bottom(), rect.right() - 8, rect.bottom())
            paint_picture(
                painter,
                g.picture,
                index.data(Qt.ItemDataRole.DecorationRole),
                8,
                rounded=self._rounded,
            )
            painter.setPen(ink)
            draw_elided(painter, g.title, str(index.data() or ""), title_font, left_v)
            chip_text = str(index.data(ProgressRole.CHIP_TEXT) or "")
            if chip_text:
                paint_chip(painter, g.chip, chip_text, chip_font, status_colors(challenge.status))
            fraction = index.data(ProgressRole.FRACTION)
            if isinstance(fraction, float):
                if index.data(ProgressRole.COMPLETE):
                    fill = ColorScheme.BAR_DONE
                elif index.data(ProgressRole.ENDED):
                    fill = ColorScheme.BAR_OVER  # too late to finish: no call to action
                else:
                    fill = ColorScheme.BAR_FILL
                paint_bar(painter, g.bar, fraction, fill)
            painter.setPen(ink)
            painter.setFont(sub_font)
            painter.drawText(
                g.progress,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(index.data(ProgressRole.PROGRESS_TEXT) or ""),
            )
            painter.setPen(quiet)
            draw_elided(
                painter, g.detail, str(index.data(ProgressRole.DETAIL_TEXT) or ""), sub_font, left_v
            )
            pictures = index.data(ProgressRole.CARD_PICTURES) or []
            for card, target, name_rect, label, pixmap in zip(
                challenge.cards, g.cards, g.names, g.rarities, pictures, strict=False
            ):
                self._paint_card(
                    painter,
                    card,
                    (target, name_rect, label),
                    pixmap,
                    (small_font, chip_font),
                    quiet,
                )
            reward = challenge.reward
            if g.reward is not None and reward is not None:
                paint_picture(
                    painter,
                    g.reward.picture,
                    index.data(ProgressRole.REWARD_PICTURE),
                    4,
                    rounded=self._rounded,
                )
                painter.setPen(ink)
                name = str(index.data(ProgressRole.REWARD_TEXT) or "")
                draw_elided(
                    painter,
                    g.reward.text,
                    QCoreApplication.translate("ProgressPanel", "Reward: {name}").format(name=name),
                    sub_font,
                    left_v,
                )
                state_text = str(index.data(ProgressRole.REWARD_STATE_TEXT) or "")
                if state_text:
                    paint_chip(
                        painter,
                        g.reward.chip,
                        state_text,
                        chip_font,
                        reward_state_colors(reward.state),
                    )
        finally:
            painter.restore()

    def _paint_card(
        self,
        painter: QPainter,
        card: CardView,
        rects: tuple[QRect, QRect, QRect],
        pixmap: Any,
        fonts: tuple[QFont, QFont],
        quiet: QColor,
    ) -> None:
        target, name_rect, label = rects
        small_font, badge_font = fonts
        # Cards still missing step back but stay recognisable: their picture half-lit in a
        # dashed frame, their name and rarity as readable as the owned ones'.
        paint_picture(
            painter, target, pixmap, 6, 1.0 if card.owned else 0.55, rounded=self._rounded
        )
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if card.owned:
            painter.setPen(ColorScheme.OWNED_CARD_RING)
        else:
            painter.setPen(QPen(quiet, 1, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(QRectF(target).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        quantity = card.owned_quantity
        if quantity is not None and quantity > 1:
            text = QCoreApplication.translate("ProgressPanel", "×{n}").format(
                n=number_text(quantity)
            )
            metrics = QFontMetrics(badge_font)
            w = metrics.horizontalAdvance(text) + 8
            h = metrics.height()
            badge = QRect(target.right() - w + 3, target.bottom() - h + 3, w, h)
            paint_chip(painter, badge, text, badge_font, ColorScheme.CARD_QUANTITY)
        name = card.name or ""
        if name:
            painter.setPen(ColorScheme.CARD_NAME_TEXT)
            painter.setFont(small_font)
            metrics = QFontMetrics(small_font)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            fitted = metrics.boundingRect(
                QRect(0, 0, name_rect.width(), 10_000), int(flags | Qt.TextFlag.TextWordWrap), name
            )
            if fitted.height() <= name_rect.height() and fitted.width() <= name_rect.width():
                painter.drawText(name_rect, int(flags | Qt.TextFlag.TextWordWrap), name)
                used = fitted.height()
            else:
                # Longer than two lines: one line, shortened.
                draw_elided(painter, name_rect, name, small_font, flags)
                used = metrics.height()
            # The rarity right under the name, however many lines the name took.
            label = QRect(label.left(), name_rect.top() + used, label.width(), label.height())
        rarity = rarity_text(card.rarity)
        if rarity:
            color = ColorScheme.RARITY.get((card.rarity or "").lower(), quiet)
            painter.setPen(color)
            draw_elided(painter, label, rarity, small_font, Qt.AlignmentFlag.AlignCenter)
        painter.restore()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        challenge = index.data(ProgressRole.VALUE)
        if (
            event is not None
            and event.type() == QEvent.Type.ToolTip
            and isinstance(challenge, ChallengeView)
        ):
            g = self.geometry(option.rect, option.font, index)
            pos = event.pos()
            for card, target, label in zip(challenge.cards, g.cards, g.rarities, strict=False):
                if target.united(label).contains(pos):
                    QToolTip.showText(event.globalPos(), card_text(card), view)
                    return True
            reward = challenge.reward
            if g.reward is not None and reward is not None and g.reward.row.contains(pos):
                text = reward.description or reward.name or ""
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


class GiftoinSection(ProgressSection[GiftoinProgress]):
    """The customer's Giftoin collection challenges (objectName ``giftoinSection``)."""

    STRETCH: ClassVar[int] = 3

    def __init__(
        self,
        pictures: PictureCache | None,
        *,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        self._clock = clock
        self._platform: str | None = None
        model = ChallengeListModel(pictures, now=clock())
        view = ProgressListView()
        view.setObjectName("giftoinChallenges")
        view.setItemDelegate(ChallengeDelegate(view))
        view.set_empty_text(
            QCoreApplication.translate("ProgressPanel", "No collection challenges.")
        )
        super().__init__(
            Program.GIFTOIN,
            QCoreApplication.translate("ProgressPanel", "Giftoin collections"),
            model,
            view,
            parent,
        )
        self.model: ChallengeListModel = model

        def texts() -> None:
            view.setAccessibleName(
                QCoreApplication.translate("ProgressPanel", "Giftoin collection challenges")
            )
            self.title_label.setText(
                QCoreApplication.translate("ProgressPanel", "Giftoin collections")
            )

        retranslated(self, texts)
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_INTERVAL_MS)
        self._countdown.timeout.connect(self.on_countdown_timeout)

    def set_platform(self, platform: str | None) -> None:
        """The platform Giftoin knows customers by (the setting's value, e.g. "discord")."""
        self._platform = platform

    def _fill_list(self, result: GiftoinProgress) -> str:
        self.model.set_challenges(result.challenges, self._clock())
        self._countdown.start()
        return ""

    def _clear_list(self) -> None:
        self._countdown.stop()
        self.model.clear()

    def _not_linked_detail(self, result: NotLinked) -> str:
        return not_linked_text(result, self._platform)

    def on_countdown_timeout(self) -> None:
        self.model.set_now(self._clock())
