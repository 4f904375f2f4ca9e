"""The progress panel beside the pickup list: Giftoin collection challenges and Nudj rewards.

It tells the customer what else they are close to ("two more cards for the Autumn badge",
"160 points to a free tote") while the cashier hands rewards over. Each program has its
own section that goes through its own states (loading, error with Retry, not linked,
result), so a slow or failing program shows as such without touching the other one. The
window decides what to load and when; this module only shows it.

Both lists are item models (:class:`ChallengeListModel`, :class:`NudjRewardListModel`)
painted by delegates, with pictures from the window's :class:`PictureCache`.

Size: holds one section type per program plus their list models and delegates; it is to
become a package with one section per program and no Giftoin/Nudj branching.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from pos_app.api import errors
from pos_app.services.progress import (
    CardView,
    ChallengeView,
    GiftoinProgress,
    NotLinked,
    NotLinkedReason,
    NudjProgress,
    NudjRewardView,
    Program,
    RewardState,
    TimeLeft,
    TimeLeftKind,
)
from pos_app.ui.messages import format_wait
from pos_app.ui.pictures import PictureCache, PictureRowsModel

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

#: The countdowns ("3 hours left") are refreshed this often while on screen.
COUNTDOWN_INTERVAL_MS: Final = 30_000
#: Where the collapsed state is kept in the window's QSettings.
COLLAPSED_KEY: Final = "progressPanel/collapsed"

_PROGRAM_NAMES: Final = {Program.GIFTOIN: "Giftoin", Program.NUDJ: "Nudj"}


# --- text ------------------------------------------------------------------------------------


# Texts are written out as QCoreApplication.translate("ProgressPanel", "...") calls, not
# through a helper: pyside6-lupdate only finds literal calls.


def _plural(text: str, n: int, word: str, singular: str, plural: str) -> str:
    """Fix up a translated ``%n word(s)`` text for English, which has no catalogue."""
    if word in text:
        # WORKAROUND: Qt picks plural forms from a translation catalogue and we ship no
        # English one, so the untranslated source keeps its "(s)". Other languages get
        # their plural forms from their catalogues.
        text = text.replace(word, singular if n == 1 else plural)
    return text


def _number(value: int) -> str:
    return QLocale().toString(value)


def time_left_text(left: TimeLeft | None) -> str:
    """ "3 days left", "5 hours left", "Ended", "No end date"; "" when nothing is known."""
    if left is None:
        return ""
    if left.kind is TimeLeftKind.ENDED:
        return QCoreApplication.translate("ProgressPanel", "Ended")
    if left.kind is TimeLeftKind.NO_END:
        return QCoreApplication.translate("ProgressPanel", "No end date")
    seconds = left.remaining.total_seconds()
    hours = seconds / 3600
    if hours >= 48:
        days = round(hours / 24)
        return _plural(
            QCoreApplication.translate("ProgressPanel", "%n day(s) left", None, days),
            days,
            "day(s)",
            "day",
            "days",
        )
    if seconds >= 3600:
        whole = int(hours)
        return _plural(
            QCoreApplication.translate("ProgressPanel", "%n hour(s) left", None, whole),
            whole,
            "hour(s)",
            "hour",
            "hours",
        )
    minutes = max(1, math.ceil(seconds / 60))
    return _plural(
        QCoreApplication.translate("ProgressPanel", "%n minute(s) left", None, minutes),
        minutes,
        "minute(s)",
        "minute",
        "minutes",
    )


_STATUS_TEXT: Final = {
    "in_progress": QT_TRANSLATE_NOOP("ProgressPanel", "In progress"),
    "completed": QT_TRANSLATE_NOOP("ProgressPanel", "Completed"),
    "ended": QT_TRANSLATE_NOOP("ProgressPanel", "Ended"),
}
_RARITY_TEXT: Final = {
    "common": QT_TRANSLATE_NOOP("ProgressPanel", "Common"),
    "uncommon": QT_TRANSLATE_NOOP("ProgressPanel", "Uncommon"),
    "rare": QT_TRANSLATE_NOOP("ProgressPanel", "Rare"),
    "epic": QT_TRANSLATE_NOOP("ProgressPanel", "Epic"),
    "legendary": QT_TRANSLATE_NOOP("ProgressPanel", "Legendary"),
}


def status_text(status: str | None) -> str:
    """Giftoin's challenge status in words; a value Giftoin added later as sent."""
    if not status:
        return ""
    known = _STATUS_TEXT.get(status.lower())
    return QCoreApplication.translate("ProgressPanel", str(known)) if known else status


def rarity_text(rarity: str | None) -> str:
    if not rarity:
        return ""
    known = _RARITY_TEXT.get(rarity.lower())
    return QCoreApplication.translate("ProgressPanel", str(known)) if known else rarity


def reward_state_text(state: RewardState | None) -> str:
    if state is RewardState.CLAIMABLE:
        return QCoreApplication.translate("ProgressPanel", "Claimable")
    if state is RewardState.CLAIMED:
        return QCoreApplication.translate("ProgressPanel", "Claimed")
    if state is RewardState.LOCKED:
        return QCoreApplication.translate("ProgressPanel", "Locked")
    return ""


def challenge_progress_text(challenge: ChallengeView) -> str:
    """ "3 / 8" (collected / size), else Giftoin's percentage, else ""."""
    if challenge.collected is not None and challenge.size:
        return QCoreApplication.translate("ProgressPanel", "{collected} / {size}").format(
            collected=_number(challenge.collected), size=_number(challenge.size)
        )
    if challenge.percentage is not None:
        return QCoreApplication.translate("ProgressPanel", "{percent}%").format(
            percent=_number(round(challenge.percentage))
        )
    return ""


def challenge_detail_text(challenge: ChallengeView, now: datetime) -> str:
    """The line under the progress bar: time left, and how many cards are still missing."""
    left = challenge.time_left(now)
    parts = [time_left_text(left)]
    to_go = challenge.cards_to_go
    if to_go and (left is None or left.kind is not TimeLeftKind.ENDED):
        # No plural word in English; other languages get theirs from their catalogue.
        parts.append(QCoreApplication.translate("ProgressPanel", "%n more to collect", None, to_go))
    return " · ".join(part for part in parts if part)


def price_text(view: NudjRewardView) -> str:
    price = view.reward.price
    if price is None:
        return ""
    if view.points is None or view.affordable:
        return QCoreApplication.translate("ProgressPanel", "{price} points").format(
            price=_number(price)
        )
    return QCoreApplication.translate("ProgressPanel", "{points} / {price} points").format(
        points=_number(view.points), price=_number(price)
    )


def nudj_detail_text(view: NudjRewardView) -> str:
    """Supply and what Nudj says about the reward for its user (counts, state)."""
    reward = view.reward
    parts: list[str] = []
    if reward.remaining_supply is not None:
        if reward.remaining_supply == 0:
            parts.append(QCoreApplication.translate("ProgressPanel", "Sold out"))
        else:
            parts.append(
                QCoreApplication.translate("ProgressPanel", "{n} left").format(
                    n=_number(reward.remaining_supply)
                )
            )
    if reward.user_asset_count:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "owned: {n}").format(
                n=_number(reward.user_asset_count)
            )
        )
    if reward.user_entry_count:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "entries: {n}").format(
                n=_number(reward.user_entry_count)
            )
        )
    if reward.user_state:
        # An open enum: shown as Nudj sends it.
        parts.append(reward.user_state)
    return " · ".join(parts)


def nudj_summary_text(progress: NudjProgress) -> str:
    parts = []
    if progress.points is not None:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "{n} points").format(
                n=_number(progress.points)
            )
        )
    if progress.xp is not None:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "{n} XP").format(n=_number(progress.xp))
        )
    return " · ".join(parts)


def not_linked_text(result: NotLinked, platform: str | None = None) -> str:
    """The detail under "Not linked": why there is nothing to show."""
    name = _PROGRAM_NAMES[result.program]
    if result.reason is NotLinkedReason.NOT_SET_UP:
        return QCoreApplication.translate(
            "ProgressPanel", "{program} is not set up on this counter."
        ).format(program=name)
    if result.reason is NotLinkedReason.NO_ID:
        if result.program is Program.GIFTOIN and platform:
            return QCoreApplication.translate(
                "ProgressPanel", "No {platform} id on file for this customer."
            ).format(platform=platform)
        return QCoreApplication.translate(
            "ProgressPanel", "No {program} id on file for this customer."
        ).format(program=name)
    if result.reason is NotLinkedReason.ID_NOT_FOUND:
        # Not "no account": the id this counter looks customers up by may not be the one
        # the shop's Nudj stores, so staff are told which source was used.
        if result.looked_up_by:
            return QCoreApplication.translate(
                "ProgressPanel",
                "This customer's {program} id was not found (looked up by: {source}).",
            ).format(program=name, source=result.looked_up_by)
        return QCoreApplication.translate(
            "ProgressPanel", "This customer's {program} id was not found."
        ).format(program=name)
    return QCoreApplication.translate(
        "ProgressPanel", "{program} does not know this customer."
    ).format(program=name)


def describe_progress_error(program: Program, exc: BaseException) -> str:
    """Why a program's section could not load, in shop words (vendor texts never shown)."""
    name = _PROGRAM_NAMES[program]
    if isinstance(exc, errors.ApiTimeoutError):
        return QCoreApplication.translate(
            "ProgressPanel", "{program} did not answer in time."
        ).format(program=name)
    if isinstance(exc, errors.ApiConnectionError):
        return QCoreApplication.translate("ProgressPanel", "No connection to {program}.").format(
            program=name
        )
    if isinstance(exc, errors.AuthenticationError | errors.PermissionDeniedError):
        return QCoreApplication.translate(
            "ProgressPanel",
            "{program} refused this counter's credentials. Ask your IT contact to run "
            "`pos-app doctor`.",
        ).format(program=name)
    if isinstance(exc, errors.MaintenanceError):
        return QCoreApplication.translate(
            "ProgressPanel", "{program} is in maintenance. Try again {wait}."
        ).format(program=name, wait=format_wait(exc.retry_after))
    if isinstance(exc, errors.RateLimitedError):
        return QCoreApplication.translate(
            "ProgressPanel", "{program} is busy. Try again {wait}."
        ).format(program=name, wait=format_wait(exc.retry_after))
    if isinstance(exc, errors.ResponseValidationError):
        return QCoreApplication.translate(
            "ProgressPanel", "{program} sent an answer the app does not understand."
        ).format(program=name)
    if isinstance(exc, errors.ApiError):
        return QCoreApplication.translate("ProgressPanel", "{program} had a problem.").format(
            program=name
        )
    return QCoreApplication.translate("ProgressPanel", "{program} could not be shown.").format(
        program=name
    )


# --- models ----------------------------------------------------------------------------------


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


class _PictureListModel(PictureRowsModel):
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
                self._placeholder.fill(QColor("#eceff1"))
            return self._placeholder
        pixmap = cache.pixmap(url) if url else None
        return pixmap if pixmap is not None else cache.placeholder()

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role in ProgressRole:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Shown, not chosen: nothing here is selected or acted on at the counter.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


class ChallengeListModel(_PictureListModel):
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

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._challenges)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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


def card_text(card: CardView) -> str:
    """A card in words (tooltip and screen readers): name, rarity, how many are owned."""
    parts = [card.name or QCoreApplication.translate("ProgressPanel", "Card")]
    if card.rarity:
        parts.append(rarity_text(card.rarity))
    if card.owned_quantity is not None:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "owned: {n}").format(
                n=_number(card.owned_quantity)
            )
        )
    elif not card.owned:
        parts.append(QCoreApplication.translate("ProgressPanel", "not owned"))
    return " — ".join(parts)


class NudjRewardListModel(_PictureListModel):
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

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rewards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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


# --- painting helpers ------------------------------------------------------------------------

#: (background, text) pairs; each has a contrast ratio of at least 4.5:1.
CHIP_NEUTRAL: Final = (QColor("#eceff1"), QColor("#37474f"))
CHIP_BLUE: Final = (QColor("#e3f2fd"), QColor("#0d47a1"))
CHIP_GREEN: Final = (QColor("#e3f4e8"), QColor("#17602f"))
CHIP_STRONG_GREEN: Final = (QColor("#2e7d32"), QColor("#ffffff"))
CHIP_AMBER: Final = (QColor("#fff3e0"), QColor("#7a3e00"))
CHIP_FEATURED: Final = (QColor("#fff8e1"), QColor("#6d4c00"))
BAR_TRACK: Final = QColor("#dfe4e8")
BAR_FILL: Final = QColor("#1976d2")
BAR_DONE: Final = QColor("#2e7d32")
BAR_OVER: Final = QColor("#90a4ae")
_RARITY_COLORS: Final = {
    "common": QColor("#546e7a"),
    "uncommon": QColor("#2e7d32"),
    "rare": QColor("#1565c0"),
    "epic": QColor("#6a1b9a"),
    "legendary": QColor("#a04c00"),
}
_OWNED_RING: Final = QColor("#1976d2")


def status_colors(status: str | None) -> tuple[QColor, QColor]:
    key = (status or "").lower()
    if key == "in_progress":
        return CHIP_BLUE
    if key == "completed":
        return CHIP_GREEN
    return CHIP_NEUTRAL


def reward_state_colors(state: RewardState | None) -> tuple[QColor, QColor]:
    if state is RewardState.CLAIMABLE:
        return CHIP_STRONG_GREEN
    if state is RewardState.LOCKED:
        return CHIP_AMBER
    return CHIP_NEUTRAL


def _font(base: QFont, delta: float = 0.0, *, bold: bool = False) -> QFont:
    font = QFont(base)
    if delta:
        if base.pointSizeF() > 0:
            font.setPointSizeF(max(6.0, base.pointSizeF() + delta))
        else:
            font.setPixelSize(max(8, base.pixelSize() + round(delta * 4 / 3)))
    if bold:
        font.setBold(True)
    return font


def _chip_size(text: str, font: QFont) -> QSize:
    metrics = QFontMetrics(font)
    return QSize(metrics.horizontalAdvance(text) + 16, metrics.height() + 4)


def _paint_chip(
    painter: QPainter, rect: QRect, text: str, font: QFont, colors: tuple[QColor, QColor]
) -> None:
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


def _paint_bar(painter: QPainter, rect: QRect, fraction: float, fill: QColor) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    radius = rect.height() / 2
    painter.setBrush(BAR_TRACK)
    painter.drawRoundedRect(QRectF(rect), radius, radius)
    if fraction > 0:
        filled = QRectF(rect)
        filled.setWidth(max(rect.height(), rect.width() * min(1.0, fraction)))
        painter.setBrush(fill)
        painter.drawRoundedRect(filled, radius, radius)
    painter.restore()


def _paint_picture(
    painter: QPainter, rect: QRect, pixmap: Any, radius: float, opacity: float = 1.0
) -> None:
    if not isinstance(pixmap, QPixmap) or pixmap.isNull():
        return
    clip = QPainterPath()
    clip.addRoundedRect(QRectF(rect), radius, radius)
    painter.save()
    painter.setOpacity(opacity)
    painter.setClipPath(clip)
    painter.drawPixmap(rect, pixmap)
    painter.restore()


def _elided(painter: QPainter, rect: QRect, text: str, font: QFont, align: Any) -> None:
    metrics = QFontMetrics(font)
    painter.setFont(font)
    painter.drawText(
        rect, align, metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    )


def _text_colors(option: QStyleOptionViewItem) -> tuple[QColor, QColor]:
    palette: QPalette = option.palette
    ink = QColor(palette.color(QPalette.ColorRole.Text))
    quiet = QColor(ink)
    quiet.setAlphaF(0.72 * quiet.alphaF())
    return ink, quiet


def _view_width(option: QStyleOptionViewItem, fallback: int) -> int:
    widget = option.widget
    if isinstance(widget, QAbstractItemView):
        return max(fallback, widget.viewport().width())
    return max(fallback, option.rect.width())


# --- delegates -------------------------------------------------------------------------------


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
    rarities: list[QRect]
    reward: _RewardGeometry | None
    height: int


class ChallengeDelegate(QStyledItemDelegate):
    """Paints one collection challenge: picture, name and status, progress bar, time left,
    the cards as a grid (owned ones lit, with quantities, rarity under each), the reward."""

    MARGIN: Final = 10
    PICTURE: Final = 48
    CARD: Final = 40
    CARD_CELL: Final = 62
    CARD_GAP: Final = 4
    REWARD_PICTURE: Final = 24
    MIN_WIDTH: Final = 240

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        title = _font(base, 1, bold=True)
        sub = _font(base)
        small = _font(base, -1.5)
        chip = _font(base, -1)
        chip.setWeight(QFont.Weight.DemiBold)
        return title, sub, small, chip

    def geometry(self, rect: QRect, font: QFont, index: _Index) -> _ChallengeGeometry:
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
        chip_size = _chip_size(chip_text, chip_font) if chip_text else QSize(0, 0)
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
        rarity_rects: list[QRect] = []
        if cards:
            columns = max(1, (right - left + 1 + self.CARD_GAP) // (self.CARD_CELL + self.CARD_GAP))
            cell_h = self.CARD + 2 + small_h
            for i in range(len(cards)):
                row, column = divmod(i, columns)
                cell_left = left + column * (self.CARD_CELL + self.CARD_GAP)
                cell_top = y + row * (cell_h + self.CARD_GAP)
                card_rects.append(
                    QRect(
                        cell_left + (self.CARD_CELL - self.CARD) // 2,
                        cell_top,
                        self.CARD,
                        self.CARD,
                    )
                )
                rarity_rects.append(
                    QRect(cell_left, cell_top + self.CARD + 2, self.CARD_CELL, small_h)
                )
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
            size = _chip_size(state_text, chip_font) if state_text else QSize(0, 0)
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
            rarities=rarity_rects,
            reward=reward,
            height=height,
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = _view_width(option, self.MIN_WIDTH)
        geometry = self.geometry(QRect(0, 0, width, 0), option.font, index)
        return QSize(width, geometry.height)

    def paint(self, painter: QPainter | None, option: QStyleOptionViewItem, index: _Index) -> None:
        if painter is None:
            return
        challenge = index.data(ProgressRole.VALUE)
        if not isinstance(challenge, ChallengeView):
            return
        rect: QRect = option.rect
        g = self.geometry(rect, option.font, index)
        title_font, sub_font, small_font, chip_font = self._fonts(option.font)
        ink, quiet = _text_colors(option)
        left_v = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setPen(option.palette.color(QPalette.ColorRole.Mid).lighter(125))
            painter.drawLine(rect.left() + 8, rect.bottom(), rect.right() - 8, rect.bottom())
            _paint_picture(painter, g.picture, index.data(Qt.ItemDataRole.DecorationRole), 8)
            painter.setPen(ink)
            _elided(painter, g.title, str(index.data() or ""), title_font, left_v)
            chip_text = str(index.data(ProgressRole.CHIP_TEXT) or "")
            if chip_text:
                _paint_chip(painter, g.chip, chip_text, chip_font, status_colors(challenge.status))
            fraction = index.data(ProgressRole.FRACTION)
            if isinstance(fraction, float):
                if index.data(ProgressRole.COMPLETE):
                    fill = BAR_DONE
                elif index.data(ProgressRole.ENDED):
                    fill = BAR_OVER  # too late to finish: no call to action
                else:
                    fill = BAR_FILL
                _paint_bar(painter, g.bar, fraction, fill)
            painter.setPen(ink)
            painter.setFont(sub_font)
            painter.drawText(
                g.progress,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(index.data(ProgressRole.PROGRESS_TEXT) or ""),
            )
            painter.setPen(quiet)
            _elided(
                painter, g.detail, str(index.data(ProgressRole.DETAIL_TEXT) or ""), sub_font, left_v
            )
            pictures = index.data(ProgressRole.CARD_PICTURES) or []
            for card, target, label, pixmap in zip(
                challenge.cards, g.cards, g.rarities, pictures, strict=False
            ):
                self._paint_card(painter, card, target, label, pixmap, small_font, chip_font, quiet)
            reward = challenge.reward
            if g.reward is not None and reward is not None:
                _paint_picture(
                    painter, g.reward.picture, index.data(ProgressRole.REWARD_PICTURE), 4
                )
                painter.setPen(ink)
                name = str(index.data(ProgressRole.REWARD_TEXT) or "")
                _elided(
                    painter,
                    g.reward.text,
                    QCoreApplication.translate("ProgressPanel", "Reward: {name}").format(name=name),
                    sub_font,
                    left_v,
                )
                state_text = str(index.data(ProgressRole.REWARD_STATE_TEXT) or "")
                if state_text:
                    _paint_chip(
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
        target: QRect,
        label: QRect,
        pixmap: Any,
        small_font: QFont,
        badge_font: QFont,
        quiet: QColor,
    ) -> None:
        # Cards not owned yet step back; the owned ones are lit and ringed.
        _paint_picture(painter, target, pixmap, 6, 1.0 if card.owned else 0.28)
        painter.save()
        if card.owned:
            painter.setPen(_OWNED_RING)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(target).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        quantity = card.owned_quantity
        if quantity is not None and quantity > 1:
            text = QCoreApplication.translate("ProgressPanel", "×{n}").format(n=_number(quantity))
            metrics = QFontMetrics(badge_font)
            w = metrics.horizontalAdvance(text) + 8
            h = metrics.height()
            badge = QRect(target.right() - w + 3, target.bottom() - h + 3, w, h)
            _paint_chip(painter, badge, text, badge_font, (QColor("#263238"), QColor("#ffffff")))
        rarity = rarity_text(card.rarity)
        if rarity:
            color = _RARITY_COLORS.get((card.rarity or "").lower(), quiet)
            painter.setPen(color)
            _elided(painter, label, rarity, small_font, Qt.AlignmentFlag.AlignCenter)
        painter.restore()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: _Index,
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


class NudjRewardDelegate(QStyledItemDelegate):
    """Paints one Nudj reward: picture, title, featured mark, price with a progress bar of
    the customer's points toward it ("Affordable" once reached), supply and user state."""

    MARGIN: Final = 10
    PICTURE: Final = 44
    MIN_WIDTH: Final = 240

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = _font(base, 0.5, bold=True)
        sub = _font(base)
        chip = _font(base, -1)
        chip.setWeight(QFont.Weight.DemiBold)
        return title, sub, chip

    def _height(self, font: QFont) -> int:
        title, sub, _chip = self._fonts(font)
        text = QFontMetrics(title).height() + 4 + 2 * QFontMetrics(sub).height() + 2
        return max(self.PICTURE, text) + 2 * self.MARGIN

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(_view_width(option, self.MIN_WIDTH), self._height(option.font))

    def paint(self, painter: QPainter | None, option: QStyleOptionViewItem, index: _Index) -> None:
        if painter is None:
            return
        view = index.data(ProgressRole.VALUE)
        if not isinstance(view, NudjRewardView):
            return
        rect: QRect = option.rect
        title_font, sub_font, chip_font = self._fonts(option.font)
        title_h = QFontMetrics(title_font).height()
        sub_h = QFontMetrics(sub_font).height()
        ink, quiet = _text_colors(option)
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
            _paint_picture(painter, picture, index.data(Qt.ItemDataRole.DecorationRole), 8)
            text_left = picture.right() + 1 + m
            chip_text = str(index.data(ProgressRole.CHIP_TEXT) or "")
            title_right = right
            if chip_text:
                size = _chip_size(chip_text, chip_font)
                chip = QRect(
                    right - size.width() + 1,
                    top + (title_h - size.height()) // 2,
                    size.width(),
                    size.height(),
                )
                _paint_chip(painter, chip, chip_text, chip_font, CHIP_FEATURED)
                title_right = chip.left() - 8
            painter.setPen(ink)
            _elided(
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
                size = _chip_size(label, chip_font)
                chip = QRect(
                    right - size.width() + 1,
                    row2 + (sub_h - size.height()) // 2,
                    size.width(),
                    size.height(),
                )
                _paint_chip(painter, chip, label, chip_font, CHIP_STRONG_GREEN)
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
                _paint_bar(painter, bar, fraction, BAR_DONE if affordable else BAR_FILL)
            painter.setPen(quiet)
            _elided(
                painter,
                QRect(text_left, row2 + sub_h + 2, max(0, right - text_left + 1), sub_h),
                str(index.data(ProgressRole.DETAIL_TEXT) or ""),
                sub_font,
                left_v,
            )
        finally:
            painter.restore()


# --- views and sections ----------------------------------------------------------------------


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


class SectionState(StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    ERROR = "error"
    NOT_LINKED = "not_linked"
    RESULT = "result"


class ProgressSection(QFrame):
    """One program's part of the panel: a title and, below it, one state at a time.

    Signals:
        retryRequested: the Retry button was pressed (after an error).
    """

    retryRequested = Signal()

    def __init__(
        self, program: Program, title: str, view: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.program = program
        self.setObjectName(f"{program.value}Section")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state = SectionState.IDLE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setContentsMargins(12, 0, 12, 0)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName(f"{program.value}Title")
        self.title_label.setFont(_font(self.font(), 1, bold=True))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName(f"{program.value}Summary")
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label.setFont(_font(self.font(), 0.5, bold=True))
        header.addWidget(self.title_label, 1)
        header.addWidget(self.summary_label)
        layout.addLayout(header)

        # Pages are shown and hidden rather than stacked: a hidden page takes no room, so a
        # section with only a line of text leaves the space to the other section's list.
        loading = QWidget(self)
        loading_layout = QVBoxLayout(loading)
        loading_layout.setContentsMargins(12, 4, 12, 8)
        self.loading_label = QLabel(
            QCoreApplication.translate("ProgressPanel", "Loading…"), loading
        )
        busy = QProgressBar(loading)
        busy.setRange(0, 0)
        busy.setMaximumHeight(4)
        busy.setTextVisible(False)
        loading_layout.addWidget(self.loading_label)
        loading_layout.addWidget(busy)
        self._loading = loading

        message = QWidget(self)
        message_layout = QVBoxLayout(message)
        message_layout.setContentsMargins(12, 4, 12, 8)
        self.headline_label = QLabel(message)
        self.headline_label.setObjectName(f"{program.value}Headline")
        self.headline_label.setFont(_font(self.font(), 0, bold=True))
        self.message_label = QLabel(message)
        self.message_label.setObjectName(f"{program.value}Message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton(
            QCoreApplication.translate("ProgressPanel", "Retry"), message
        )
        self.retry_button.setObjectName(f"{program.value}RetryButton")
        # Reachable with Tab, but a click leaves the focus where the scanner types.
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.retry_button.clicked.connect(self.retryRequested)
        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry_button)
        retry_row.addStretch(1)
        message_layout.addWidget(self.headline_label)
        message_layout.addWidget(self.message_label)
        message_layout.addLayout(retry_row)
        self._message = message

        self.view = view
        self._pages = (loading, message, view)
        for page in self._pages:
            layout.addWidget(page, 1 if page is view else 0)
        # Below a loading line, the room its list will take.
        layout.addStretch(0)
        self._layout = layout
        self.clear()

    def current_page(self) -> QWidget | None:
        return next((page for page in self._pages if not page.isHidden()), None)

    def _show_page(self, wanted: QWidget | None) -> None:
        for page in self._pages:
            page.setVisible(page is wanted)
        self._layout.setStretch(self._layout.count() - 1, 0 if wanted is self.view else 1)

    @property
    def takes_room(self) -> bool:
        """Loading or showing its list: the section keeps its share of the panel's height.

        Kept while loading too, so the other section does not jump when the list arrives.
        """
        return self.state in (SectionState.LOADING, SectionState.RESULT)

    def clear(self) -> None:
        self.state = SectionState.IDLE
        self.summary_label.clear()
        self._show_page(None)

    def show_loading(self) -> None:
        self.state = SectionState.LOADING
        self.summary_label.clear()
        self._show_page(self._loading)

    def show_error(self, text: str) -> None:
        self.state = SectionState.ERROR
        self.summary_label.clear()
        self.headline_label.setText(
            QCoreApplication.translate("ProgressPanel", "Not available right now")
        )
        self.headline_label.setStyleSheet("color: #8f1d17;")
        self.message_label.setText(text)
        self.retry_button.show()
        self._show_page(self._message)

    def show_not_linked(self, detail: str) -> None:
        self.state = SectionState.NOT_LINKED
        self.summary_label.clear()
        self.headline_label.setText(QCoreApplication.translate("ProgressPanel", "Not linked"))
        self.headline_label.setStyleSheet("")
        self.message_label.setText(detail)
        self.retry_button.hide()
        self._show_page(self._message)

    def show_result(self, summary: str = "") -> None:
        self.state = SectionState.RESULT
        self.summary_label.setText(summary)
        self._show_page(self.view)


# --- the panel -------------------------------------------------------------------------------


class ProgressPanel(QFrame):
    """The Giftoin and Nudj sections beside the pickup list (objectName ``progressPanel``).

    Collapsible; the collapsed state is kept in ``state`` (the window's QSettings) so the
    panel comes back the way the cashier left it.

    Signals:
        retryRequested(str): the Retry button of a section was pressed (a ``Program`` value).
        finished: every section that was loading has its outcome on screen.
        collapsedChanged(bool): the panel was collapsed or expanded.
    """

    retryRequested = Signal(str)
    finished = Signal()
    collapsedChanged = Signal(bool)

    PREFERRED_WIDTH: Final = 420
    MIN_WIDTH: Final = 320
    #: Set rather than taken from the contents: sections switching between a line of text
    #: and a list would otherwise change the window's minimum size, and with it lay out
    #: the whole window again, on every load.
    MIN_HEIGHT: Final = 160

    def __init__(
        self,
        pictures: PictureCache | None,
        *,
        state: QSettings | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.setAccessibleName(
            QCoreApplication.translate("ProgressPanel", "Progress in other programs")
        )
        self._state = state
        self._clock = clock or (lambda: datetime.now(UTC))
        self._loading: set[Program] = set()
        self._giftoin_platform: str | None = None

        self.challenges = ChallengeListModel(pictures, self, now=self._clock())
        self.nudj_rewards = NudjRewardListModel(pictures, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        header = QHBoxLayout()
        header.setContentsMargins(4, 0, 0, 0)
        self.title_label = QLabel(QCoreApplication.translate("ProgressPanel", "Progress"), self)
        self.title_label.setObjectName("progressTitle")
        self.title_label.setFont(_font(self.font(), 2, bold=True))
        self.toggle_button = QToolButton(self)
        self.toggle_button.setObjectName("progressToggle")
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.clicked.connect(self.on_toggle_button_clicked)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.toggle_button)
        layout.addLayout(header)

        self.body = QWidget(self)
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(8)
        self.challenge_view = ProgressListView(self.body)
        self.challenge_view.setObjectName("giftoinChallenges")
        self.challenge_view.setAccessibleName(
            QCoreApplication.translate("ProgressPanel", "Giftoin collection challenges")
        )
        self.challenge_view.setItemDelegate(ChallengeDelegate(self.challenge_view))
        self.challenge_view.setModel(self.challenges)
        self.challenge_view.set_empty_text(
            QCoreApplication.translate("ProgressPanel", "No collection challenges.")
        )
        self.nudj_view = ProgressListView(self.body)
        self.nudj_view.setObjectName("nudjRewards")
        self.nudj_view.setAccessibleName(
            QCoreApplication.translate("ProgressPanel", "Nudj rewards")
        )
        self.nudj_view.setItemDelegate(NudjRewardDelegate(self.nudj_view))
        self.nudj_view.setModel(self.nudj_rewards)
        self.nudj_view.set_empty_text(
            QCoreApplication.translate(
                "ProgressPanel", "No rewards in the Nudj catalogue right now."
            )
        )
        self.giftoin = ProgressSection(
            Program.GIFTOIN,
            QCoreApplication.translate("ProgressPanel", "Giftoin collections"),
            self.challenge_view,
            self.body,
        )
        self.nudj = ProgressSection(
            Program.NUDJ,
            QCoreApplication.translate("ProgressPanel", "Nudj rewards"),
            self.nudj_view,
            self.body,
        )
        self.giftoin.retryRequested.connect(lambda: self.retryRequested.emit(Program.GIFTOIN.value))
        self.nudj.retryRequested.connect(lambda: self.retryRequested.emit(Program.NUDJ.value))
        body_layout.addWidget(self.giftoin)
        body_layout.addWidget(self.nudj)
        body_layout.addStretch(1)
        self._body_layout = body_layout
        layout.addWidget(self.body, 1)
        # Takes the height instead of the body when collapsed: the toggle stays on top.
        layout.addStretch(0)
        self._outer_layout = layout

        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_INTERVAL_MS)
        self._countdown.timeout.connect(self.on_countdown_timeout)

        collapsed = False
        if state is not None:
            collapsed = bool(state.value(COLLAPSED_KEY, False, type=bool))
        self._collapsed = collapsed
        self._apply_collapsed(collapsed)

    # -- sections --------------------------------------------------------------------------

    def section(self, program: Program | str) -> ProgressSection:
        return self.giftoin if Program(program) is Program.GIFTOIN else self.nudj

    def set_giftoin_platform(self, platform: str | None) -> None:
        """The platform name used in "No discord id on file" (the setting's value)."""
        self._giftoin_platform = platform

    def clear(self) -> None:
        """No customer: nothing shown, nothing loading."""
        self._loading.clear()
        self._countdown.stop()
        self.challenges.clear()
        self.nudj_rewards.clear()
        self.giftoin.clear()
        self.nudj.clear()
        self._update_stretch()

    def show_loading(self, program: Program) -> None:
        self._loading.add(program)
        if program is Program.GIFTOIN:
            self._countdown.stop()
            self.challenges.clear()
        else:
            self.nudj_rewards.clear()
        self.section(program).show_loading()
        self._update_stretch()

    def show_giftoin(self, result: GiftoinProgress | NotLinked) -> None:
        if isinstance(result, NotLinked):
            self.challenges.clear()
            self.giftoin.show_not_linked(not_linked_text(result, self._giftoin_platform))
        else:
            self.challenges.set_challenges(result.challenges, self._clock())
            self.challenge_view.scrollToTop()
            self.giftoin.show_result()
            self._countdown.start()
        self._done(Program.GIFTOIN)

    def show_nudj(self, result: NudjProgress | NotLinked) -> None:
        if isinstance(result, NotLinked):
            self.nudj_rewards.clear()
            self.nudj.show_not_linked(not_linked_text(result))
        else:
            self.nudj_rewards.set_rewards(result.rewards)
            self.nudj_view.scrollToTop()
            self.nudj.show_result(nudj_summary_text(result))
        self._done(Program.NUDJ)

    def show_error(self, program: Program, exc: BaseException) -> None:
        if program is Program.GIFTOIN:
            self._countdown.stop()
            self.challenges.clear()
        else:
            self.nudj_rewards.clear()
        self.section(program).show_error(describe_progress_error(program, exc))
        self._done(program)

    def is_loading(self, program: Program | None = None) -> bool:
        if program is None:
            return bool(self._loading)
        return program in self._loading

    def _update_stretch(self) -> None:
        # Lists get the height; a section with a line of text keeps just what it needs.
        giftoin = self.giftoin.takes_room
        nudj = self.nudj.takes_room
        self._body_layout.setStretch(0, 3 if giftoin else 0)
        self._body_layout.setStretch(1, 2 if nudj else 0)
        self._body_layout.setStretch(2, 0 if giftoin or nudj else 1)

    def _done(self, program: Program) -> None:
        self._update_stretch()
        if program in self._loading:
            self._loading.discard(program)
            if not self._loading:
                self.finished.emit()

    def on_countdown_timeout(self) -> None:
        self.challenges.set_now(self._clock())

    # -- collapsing ------------------------------------------------------------------------

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed == self._collapsed:
            return
        self._apply_collapsed(collapsed)
        if self._state is not None:
            self._state.setValue(COLLAPSED_KEY, collapsed)
            # Written now: the app may be stopped by switching the counter PC off.
            self._state.sync()
        self.collapsedChanged.emit(collapsed)

    def on_toggle_button_clicked(self) -> None:
        self.set_collapsed(not self._collapsed)

    def _apply_collapsed(self, collapsed: bool) -> None:
        self._collapsed = collapsed
        self.body.setVisible(not collapsed)
        self.title_label.setVisible(not collapsed)
        self._outer_layout.setStretch(2, 1 if collapsed else 0)
        if collapsed:
            self.toggle_button.setArrowType(Qt.ArrowType.LeftArrow)
            self.toggle_button.setText(QCoreApplication.translate("ProgressPanel", "Progress"))
            self.toggle_button.setToolTip(
                QCoreApplication.translate("ProgressPanel", "Show the customer's progress")
            )
            self.setMinimumSize(0, self.MIN_HEIGHT)
        else:
            self.toggle_button.setArrowType(Qt.ArrowType.RightArrow)
            self.toggle_button.setText(QCoreApplication.translate("ProgressPanel", "Hide"))
            self.toggle_button.setToolTip(
                QCoreApplication.translate("ProgressPanel", "Hide the customer's progress")
            )
            self.setMinimumSize(self.MIN_WIDTH, self.MIN_HEIGHT)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._collapsed:
            return hint
        return QSize(max(hint.width(), self.PREFERRED_WIDTH), hint.height())
