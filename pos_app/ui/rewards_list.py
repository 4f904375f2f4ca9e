"""The customer's uncollected rewards: item model, row delegate and list view.

Rows come sorted for the counter (soonest expiry first, expired ones last and greyed out),
each with its picture, title, claim date and an expiry badge. The model is a plain
``QAbstractListModel``, so 1,000 rows cost no more than the handful on screen: pictures
load only for rows that get painted.

Size: the model, the row delegate (painting by hand for 1,000 rows) and the view share
the row geometry; they stay one module until the delegate's painting gets a theme of its
own.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QLocale,
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
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from pos_app.services.pickup_models import Expiry, ExpiryKind, PickupItem, sort_for_pickup
from pos_app.ui.pictures import THUMBNAIL_SIZE, PictureCache, PictureRowsModel, placeholder_pixmap
from pos_app.ui.theme import ColorScheme, grown_font

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex


class RewardRole(IntEnum):
    """Custom data roles of :class:`RewardListModel` (beside Display, Decoration, ToolTip)."""

    ITEM = Qt.ItemDataRole.UserRole + 1  # the PickupItem
    UUID = Qt.ItemDataRole.UserRole + 2  # its loyalty transaction uuid (what collect takes)
    EXPIRY = Qt.ItemDataRole.UserRole + 3  # Expiry as of the model's "now"
    CLAIMED_TEXT = Qt.ItemDataRole.UserRole + 4  # "Claimed 12 Nov 2026", or ""
    BADGE_TEXT = Qt.ItemDataRole.UserRole + 5  # "Expires in 5 days", "Expired on 3 Nov", ...
    BUSY = Qt.ItemDataRole.UserRole + 6  # a hand-over of this row is running
    CAN_HAND_OVER = Qt.ItemDataRole.UserRole + 7  # not expired and not busy
    PICTURE_URL = Qt.ItemDataRole.UserRole + 8  # str or None


# --- text ------------------------------------------------------------------------------------


def _day_month_format(locale: QLocale, with_year: bool) -> str:
    """A short, spelled-out date in the locale's order: "3 Nov" / "Nov 3" (+ year)."""
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    day, month = short.find("d"), short.find("M")
    month_first = 0 <= month < day if day >= 0 else False
    if month_first:
        return "MMM d, yyyy" if with_year else "MMM d"
    return "d MMM yyyy" if with_year else "d MMM"


def format_short_date(
    moment: datetime, *, with_year: bool = True, locale: QLocale | None = None
) -> str:
    """``moment`` as the counter PC's calendar date, e.g. "12 Nov 2026"."""
    locale = locale if locale is not None else QLocale()
    local = moment.astimezone()
    return locale.toString(
        QDate(local.year, local.month, local.day), _day_month_format(locale, with_year)
    )


def badge_text(expiry: Expiry, now: datetime, locale: QLocale | None = None) -> str:
    if expiry.kind is ExpiryKind.EXPIRED and expiry.expires_at is not None:
        with_year = expiry.expires_at.astimezone().year != now.astimezone().year
        when = format_short_date(expiry.expires_at, with_year=with_year, locale=locale)
        return QCoreApplication.translate("RewardListModel", "Expired on {date}").format(date=when)
    if expiry.kind is ExpiryKind.TODAY:
        return QCoreApplication.translate("RewardListModel", "Expires today")
    if expiry.kind is ExpiryKind.DAYS:
        days = expiry.days
        text = QCoreApplication.translate("RewardListModel", "Expires in %n day(s)", None, days)
        if "day(s)" in text:
            # WORKAROUND: Qt picks plural forms from a translation catalogue and we ship no
            # English one, so the untranslated source keeps its "(s)". Other languages get
            # their plural forms from their catalogues.
            text = text.replace("day(s)", "day" if days == 1 else "days")
        return text
    return QCoreApplication.translate("RewardListModel", "No expiry")


def claimed_text(item: PickupItem, locale: QLocale | None = None) -> str:
    if item.claimed_at is None:
        return ""
    return QCoreApplication.translate("RewardListModel", "Claimed {date}").format(
        date=format_short_date(item.claimed_at, locale=locale)
    )


# --- model -----------------------------------------------------------------------------------


class RewardListModel(PictureRowsModel):
    """The uncollected rewards of one customer, in pickup order.

    Expired rows and rows with a hand-over running (``set_busy``) are shown but can be
    neither selected nor handed over. Pictures come from the optional :class:`PictureCache`;
    a placeholder stands in until they arrive, then the row is repainted.
    """

    _changed_roles = (Qt.ItemDataRole.DecorationRole,)

    def __init__(
        self,
        pictures: PictureCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(pictures, parent)
        self._items: list[PickupItem] = []
        self._now = datetime.now(UTC)
        self._busy: set[str] = set()
        self._row_by_uuid: dict[str, int] = {}
        self._placeholder: QPixmap | None = None

    # -- content -------------------------------------------------------------------------

    def set_items(self, items: Sequence[PickupItem], now: datetime) -> None:
        """Show ``items`` as of ``now`` (which decides what is expired), replacing the list."""
        self.beginResetModel()
        self._now = now
        self._items = sort_for_pickup(items, now)
        self._busy &= {item.loyalty_transaction_uuid for item in self._items}
        self._reindex()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._items = []
        self._busy.clear()
        self._reindex()
        self.endResetModel()

    def remove(self, loyalty_transaction_uuid: str) -> bool:
        """Take a handed-over reward off the list; False if it is not (or no longer) here."""
        row = self._row_by_uuid.get(loyalty_transaction_uuid)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self._busy.discard(loyalty_transaction_uuid)
        self._reindex()
        self.endRemoveRows()
        return True

    def set_busy(self, loyalty_transaction_uuid: str, busy: bool) -> bool:
        """Mark a row as being handed over (disabled, "Handing over…") or done with that."""
        row = self._row_by_uuid.get(loyalty_transaction_uuid)
        if row is None:
            return False
        if busy == (loyalty_transaction_uuid in self._busy):
            return True
        if busy:
            self._busy.add(loyalty_transaction_uuid)
        else:
            self._busy.discard(loyalty_transaction_uuid)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)
        return True

    def set_now(self, now: datetime) -> None:
        """Re-judge expiry (the list stayed open past midnight): re-sorts, keeps selection."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        uuids = [self._items[index.row()].loyalty_transaction_uuid for index in persistent]
        self._now = now
        self._items = sort_for_pickup(self._items, now)
        self._reindex()
        for old, uuid in zip(persistent, uuids, strict=True):
            row = self._row_by_uuid.get(uuid)
            self.changePersistentIndex(
                old, self.index(row, 0) if row is not None else QModelIndex()
            )
        self.layoutChanged.emit()
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 0))

    def is_busy(self, loyalty_transaction_uuid: str) -> bool:
        return loyalty_transaction_uuid in self._busy

    @property
    def now(self) -> datetime:
        return self._now

    def item(self, row: int) -> PickupItem:
        return self._items[row]

    def items(self) -> list[PickupItem]:
        return list(self._items)

    def row_of(self, loyalty_transaction_uuid: str) -> int | None:
        return self._row_by_uuid.get(loyalty_transaction_uuid)

    def can_hand_over(self, row: int) -> bool:
        item = self._items[row]
        return item.loyalty_transaction_uuid not in self._busy and item.can_hand_over(self._now)

    def _reindex(self) -> None:
        self._row_by_uuid = {}
        for row, item in enumerate(self._items):
            self._row_by_uuid.setdefault(item.loyalty_transaction_uuid, row)
        self._index_pictures([item.picture_url] if item.picture_url else [] for item in self._items)

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        never = Qt.ItemFlag.ItemNeverHasChildren
        if not self.can_hand_over(index.row()):
            return never
        return never | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._items):
            return None
        item = self._items[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._picture(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The title may be elided in the row; the tooltip always has it whole.
            return f"{item.title}\n{item.description}" if item.description else item.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [item.title, badge_text(item.expiry(self._now), self._now)]
            if claimed := claimed_text(item):
                parts.append(claimed)
            return ", ".join(parts)
        if role == RewardRole.ITEM:
            return item
        if role == RewardRole.UUID:
            return item.loyalty_transaction_uuid
        if role == RewardRole.EXPIRY:
            return item.expiry(self._now)
        if role == RewardRole.CLAIMED_TEXT:
            return claimed_text(item)
        if role == RewardRole.BADGE_TEXT:
            return badge_text(item.expiry(self._now), self._now)
        if role == RewardRole.BUSY:
            return item.loyalty_transaction_uuid in self._busy
        if role == RewardRole.CAN_HAND_OVER:
            return self.can_hand_over(row)
        if role == RewardRole.PICTURE_URL:
            return item.picture_url
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role in RewardRole:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def _picture(self, item: PickupItem) -> Any:
        cache = self._pictures
        if cache is None:
            if self._placeholder is None:
                self._placeholder = placeholder_pixmap(THUMBNAIL_SIZE)
            return self._placeholder
        pixmap = cache.pixmap(item.picture_url) if item.picture_url else None
        return pixmap if pixmap is not None else cache.placeholder()


# --- delegate --------------------------------------------------------------------------------


#: The badge colours by urgency, from the theme.
BADGE_EXPIRED: Final = ColorScheme.BADGE_EXPIRED
BADGE_TODAY: Final = ColorScheme.BADGE_TODAY
BADGE_SOON: Final = ColorScheme.BADGE_SOON
BADGE_LATER: Final = ColorScheme.BADGE_LATER
BADGE_NONE: Final = ColorScheme.BADGE_NONE
#: Up to this many days ahead a reward counts as "expiring soon" (amber).
SOON_DAYS: Final = 7


def badge_colors(expiry: Expiry) -> tuple[QColor, QColor]:
    if expiry.kind is ExpiryKind.EXPIRED:
        return BADGE_EXPIRED
    if expiry.kind is ExpiryKind.TODAY:
        return BADGE_TODAY
    if expiry.kind is ExpiryKind.DAYS:
        return BADGE_SOON if expiry.days <= SOON_DAYS else BADGE_LATER
    return BADGE_NONE


class RewardDelegate(QStyledItemDelegate):
    """Paints one reward row: thumbnail, bold title, claim date, and the expiry badge.

    ``touch`` makes rows and pictures larger for the kiosk's touch screen; give the picture
    cache the matching :meth:`thumbnail_size` so thumbnails stay sharp.
    """

    ROW_HEIGHT: Final = 72
    THUMBNAIL: Final = 64
    TOUCH_ROW_HEIGHT: Final = 104
    TOUCH_THUMBNAIL: Final = 88
    #: The width a row asks for; in the view, rows always span the viewport.
    MIN_WIDTH: Final = 320

    def __init__(self, parent: QObject | None = None, *, touch: bool = False) -> None:
        super().__init__(parent)
        self._touch = touch

    @property
    def touch(self) -> bool:
        return self._touch

    def set_touch(self, touch: bool) -> None:
        self._touch = touch

    def row_height(self, font: QFont | None = None) -> int:
        """The fixed row height, or more if a large system font needs it."""
        height = self.TOUCH_ROW_HEIGHT if self._touch else self.ROW_HEIGHT
        if font is None:
            return height
        title, sub, _badge = self._fonts(font)
        text = QFontMetrics(title).height() + QFontMetrics(sub).height() + 4
        return max(height, text + 16)

    def thumbnail_size(self) -> QSize:
        side = self.TOUCH_THUMBNAIL if self._touch else self.THUMBNAIL
        return QSize(side, side)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(self.MIN_WIDTH, self.row_height(option.font))

    # -- fonts and geometry --------------------------------------------------------------

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = grown_font(base, 3 if self._touch else 1)
        title.setBold(True)
        sub = grown_font(base, 2 if self._touch else 0)
        badge = grown_font(base, 2 if self._touch else 0)
        badge.setWeight(QFont.Weight.DemiBold)
        return title, sub, badge

    def paint(self, painter: QPainter | None, option: QStyleOptionViewItem, index: _Index) -> None:
        if painter is None:
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        state = option.state
        rect: QRect = option.rect
        palette: QPalette = option.palette
        direction: Qt.LayoutDirection = option.direction
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        busy = bool(index.data(RewardRole.BUSY))
        expiry = index.data(RewardRole.EXPIRY)
        # Disabled rows use the normal text colour, faded by hand: the styles' "disabled"
        # grey is too faint to read, and an expired reward must stay readable for the talk
        # with the customer.
        active = bool(state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Normal if active else QPalette.ColorGroup.Inactive

        painter.save()
        try:
            # The style's own row background: native selection and hover colours.
            panel = QStyleOptionViewItem(option)
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, panel, painter, widget
            )
            if not selected:
                painter.setPen(palette.color(QPalette.ColorRole.Mid).lighter(125))
                painter.drawLine(rect.left() + 12, rect.bottom(), rect.right() - 12, rect.bottom())

            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            margin = 16 if self._touch else 12
            gap = 16 if self._touch else 12
            thumb = self.thumbnail_size()
            thumb_rect = QRect(
                rect.left() + margin,
                rect.top() + (rect.height() - thumb.height()) // 2,
                thumb.width(),
                thumb.height(),
            )
            title_font, sub_font, badge_font = self._fonts(option.font)

            # Badge first: the text gets whatever width is left of it.
            if busy:
                label = self._busy_text()
                colors = (
                    palette.color(group, QPalette.ColorRole.Base),
                    palette.color(group, QPalette.ColorRole.Text),
                )
            else:
                label = str(index.data(RewardRole.BADGE_TEXT) or "")
                colors = badge_colors(expiry) if isinstance(expiry, Expiry) else BADGE_NONE
            badge_fm = QFontMetrics(badge_font)
            pad_x = 12 if self._touch else 10
            pad_y = 6 if self._touch else 4
            badge_w = badge_fm.horizontalAdvance(label) + 2 * pad_x
            badge_h = badge_fm.height() + 2 * pad_y
            badge_rect = QRect(
                rect.right() - margin - badge_w + 1,
                rect.top() + (rect.height() - badge_h) // 2,
                badge_w,
                badge_h,
            )
            text_left = thumb_rect.right() + 1 + gap
            text_right = badge_rect.left() - gap
            text_rect = QRect(text_left, rect.top(), max(0, text_right - text_left), rect.height())

            def visual(r: QRect) -> QRect:
                return QStyle.visualRect(direction, rect, r)

            # Expired and busy rows step back; the badge keeps full colour so the reason shows.
            painter.setOpacity(1.0 if enabled else 0.4)
            self._paint_thumbnail(painter, visual(thumb_rect), index)

            title_fm = QFontMetrics(title_font)
            sub_fm = QFontMetrics(sub_font)
            claimed = str(index.data(RewardRole.CLAIMED_TEXT) or "")
            spacing = 4 if self._touch else 2
            block = title_fm.height() + (spacing + sub_fm.height() if claimed else 0)
            top = text_rect.top() + (text_rect.height() - block) // 2
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            ink = QColor(palette.color(group, role))
            if not enabled:
                ink.setAlphaF(0.62 * ink.alphaF())
            painter.setOpacity(1.0)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            painter.setFont(title_font)
            painter.setPen(ink)
            line = QRect(text_rect.left(), top, text_rect.width(), title_fm.height())
            painter.drawText(
                visual(line),
                align,
                title_fm.elidedText(title, Qt.TextElideMode.ElideRight, line.width()),
            )
            if claimed:
                quiet = QColor(ink)
                quiet.setAlphaF(0.72 * quiet.alphaF())
                painter.setFont(sub_font)
                painter.setPen(quiet)
                line = QRect(
                    text_rect.left(),
                    top + title_fm.height() + spacing,
                    text_rect.width(),
                    sub_fm.height(),
                )
                painter.drawText(
                    visual(line),
                    align,
                    sub_fm.elidedText(claimed, Qt.TextElideMode.ElideRight, line.width()),
                )

            self._paint_badge(painter, visual(badge_rect), label, badge_font, colors, outline=busy)

            if state & QStyle.StateFlag.State_HasFocus:
                # The keyboard's place in the list, visible also on a row that Ctrl+arrow
                # reached without selecting it (several styles draw no focus frame here).
                role = (
                    QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
                )
                pen = QPen(palette.color(group, role), 2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(rect).adjusted(2, 2, -2, -2), 6, 6)
        finally:
            painter.restore()

    def _busy_text(self) -> str:
        return self.tr("Handing over…")

    def _paint_thumbnail(self, painter: QPainter, target: QRect, index: _Index) -> None:
        picture = index.data(Qt.ItemDataRole.DecorationRole)
        if picture is None or picture.isNull():
            return
        radius = 10.0 if self._touch else 8.0
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(target), radius, radius)
        painter.save()
        painter.setClipPath(clip)
        painter.drawPixmap(target, picture)
        painter.restore()

    def _paint_badge(
        self,
        painter: QPainter,
        target: QRect,
        label: str,
        font: QFont,
        colors: tuple[QColor, QColor],
        *,
        outline: bool,
    ) -> None:
        background, text = colors
        radius = target.height() / 2
        painter.setPen(text if outline else Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(target).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(target, Qt.AlignmentFlag.AlignCenter, label)


# --- view ------------------------------------------------------------------------------------


class RewardListView(QListView):
    """The rewards list on the cashier screen (objectName ``rewardsList``).

    Several rows can be selected (Ctrl/Shift) and handed over together; expired and busy
    rows cannot. With no rows it says so in the middle of the list (``set_empty_text``).
    """

    def __init__(self, parent: QWidget | None = None, *, touch: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("rewardsList")
        self.setAccessibleName(self.tr("Rewards to pick up"))
        self._delegate = RewardDelegate(self, touch=touch)
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One size for all rows: the view then never asks 1,000 rows for their size.
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self._empty_text = self.tr("Nothing to pick up for this customer.")
        self._watched: QAbstractListModel | None = None

    @property
    def delegate(self) -> RewardDelegate:
        return self._delegate

    def empty_text(self) -> str:
        return self._empty_text

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def set_touch(self, touch: bool) -> None:
        self._delegate.set_touch(touch)
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    def setModel(self, model: Any) -> None:
        if self._watched is not None:
            for signal in self._model_signals(self._watched):
                signal.disconnect(self._on_model_changed)
        super().setModel(model)
        self._watched = model
        if model is not None:
            for signal in self._model_signals(model):
                signal.connect(self._on_model_changed)
        self.viewport().update()

    @staticmethod
    def _model_signals(model: Any) -> list[Any]:
        return [model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged]

    def _on_model_changed(self, *args: object) -> None:
        # The empty-state text appears or goes away with the last/first row.
        self.viewport().update()

    # -- keyboard --------------------------------------------------------------------------

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # QListView's End / Page Down aim at one row and give up when it is disabled, and the
        # expired rows at the bottom are: End would not move at all. Aim at the nearest row
        # that can be handed over instead.
        model = self.model()
        action = QAbstractItemView.CursorAction
        if model is None or cursorAction not in (
            action.MoveHome,
            action.MoveEnd,
            action.MovePageUp,
            action.MovePageDown,
        ):
            return super().moveCursor(cursorAction, modifiers)
        rows = model.rowCount()
        current = self.currentIndex().row() if self.currentIndex().isValid() else 0
        page = max(1, self.viewport().height() // max(1, self._delegate.row_height(self.font())))
        if cursorAction == action.MoveHome:
            candidates = range(0, rows)
        elif cursorAction == action.MoveEnd:
            candidates = range(rows - 1, -1, -1)
        elif cursorAction == action.MovePageDown:
            candidates = range(min(rows - 1, current + page), current, -1)
        else:
            candidates = range(max(0, current - page), current)
        for row in candidates:
            index = model.index(row, 0)
            if self._usable(index):
                return index
        return self.currentIndex()

    @staticmethod
    def _usable(index: QModelIndex) -> bool:
        wanted = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return index.isValid() and index.flags() & wanted == wanted

    # -- selection helpers -----------------------------------------------------------------

    def select_first_available(self, *, focus: bool = True) -> bool:
        """Select the first row that can be handed over and make it current.

        After a customer loads, the cashier can press Enter straight away. False (and no
        selection) if nothing can be handed over.
        """
        model = self.model()
        selection = self.selectionModel()
        if model is None or selection is None:
            return False
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if self._usable(index):
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.scrollTo(index)
                if focus:
                    self.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        selection.clearSelection()
        return False

    def selected_items(self) -> list[PickupItem]:
        """The selected rows that can be handed over, top to bottom."""
        selection = self.selectionModel()
        if selection is None:
            return []
        rows = sorted(index.row() for index in selection.selectedRows())
        items: list[PickupItem] = []
        for row in rows:
            index = self.model().index(row, 0)
            if index.data(RewardRole.CAN_HAND_OVER):
                item = index.data(RewardRole.ITEM)
                if isinstance(item, PickupItem):
                    items.append(item)
        return items

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if (model is not None and model.rowCount() > 0) or not self._empty_text:
            return
        painter = QPainter(self.viewport())
        try:
            font = grown_font(self.font(), 4 if self._delegate.touch else 2)
            painter.setFont(font)
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text
            )
        finally:
            painter.end()
