"""The rewards list on screen: the row delegate that paints each reward, and the view.

Painted by hand (not one widget per row), so a customer with 1,000 rewards scrolls as
smoothly as one with three.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
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
    QPen,
    QPixmap,
    QResizeEvent,
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

from pos_app.services.pickup_models import Expiry, ExpiryKind, PickupItem
from pos_app.ui.i18n import retranslated
from pos_app.ui.pictures import RoundedPictures
from pos_app.ui.rewards.model import RewardListModel, RewardRole, RowLook
from pos_app.ui.theme import ColorScheme, faded_ink, grown_font

_Index = QModelIndex | QPersistentModelIndex

#: The badge colours by urgency, from the theme.
BADGE_EXPIRED: Final = ColorScheme.BADGE_EXPIRED
BADGE_TODAY: Final = ColorScheme.BADGE_TODAY
BADGE_SOON: Final = ColorScheme.BADGE_SOON
BADGE_LATER: Final = ColorScheme.BADGE_LATER
BADGE_NONE: Final = ColorScheme.BADGE_NONE
#: The "Digital" chip: the information colours, strong, so it is not read as an expiry badge.
BADGE_DIGITAL: Final = (ColorScheme.INFO_TEXT, ColorScheme.PAPER)
# The "On the shelf" chip: staff put the reward ready (the To prepare page).
BADGE_ON_SHELF: Final = (ColorScheme.SUCCESS_TEXT, ColorScheme.PAPER)
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
        self._rounded = RoundedPictures()
        self._made_fonts: dict[tuple[str, bool], tuple[QFont, QFont, QFont]] = {}
        self._made_metrics: dict[str, QFontMetrics] = {}

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
        # Asked for on every row's paint: made once per font and mode.
        key = (base.key(), self._touch)
        fonts = self._made_fonts.get(key)
        if fonts is None:
            fonts = self._made_fonts[key] = self._make_fonts(base)
        return fonts

    def _metrics(self, font: QFont) -> QFontMetrics:
        metrics = self._made_metrics.get(font.key())
        if metrics is None:
            metrics = self._made_metrics[font.key()] = QFontMetrics(font)
        return metrics

    def _make_fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
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
        # Expired, digital and busy rows step back; the badges keep full colour so the reason
        # shows.
        look = index.data(RewardRole.LOOK)
        if not isinstance(look, RowLook):
            return
        enabled, digital, busy, expiry = look.can_hand_over, look.digital, look.busy, look.expiry
        selected = bool(state & QStyle.StateFlag.State_Selected)
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
                label = look.badge
                colors = look.colors or badge_colors(expiry)
            badge_fm = self._metrics(badge_font)
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
            chip_rect = QRect()
            chip_label = self._digital_text() if digital else ""
            chip_colors = BADGE_DIGITAL
            if not chip_label and look.on_shelf:
                chip_label, chip_colors = self._shelf_text(), BADGE_ON_SHELF
            if chip_label:
                chip_w = badge_fm.horizontalAdvance(chip_label) + 2 * pad_x
                chip_rect = QRect(
                    badge_rect.left() - gap // 2 - chip_w, badge_rect.top(), chip_w, badge_h
                )
            text_left = thumb_rect.right() + 1 + gap
            text_right = (chip_rect if chip_label else badge_rect).left() - gap
            text_rect = QRect(text_left, rect.top(), max(0, text_right - text_left), rect.height())

            def visual(r: QRect) -> QRect:
                return QStyle.visualRect(direction, rect, r)

            painter.setOpacity(1.0 if enabled else 0.4)
            self._paint_thumbnail(painter, visual(thumb_rect), index)

            title_fm = self._metrics(title_font)
            sub_fm = self._metrics(sub_font)
            claimed, attributes = look.claimed, look.detail
            spacing = 4 if self._touch else 2
            second = bool(claimed or attributes)
            block = title_fm.height() + (spacing + sub_fm.height() if second else 0)
            top = text_rect.top() + (text_rect.height() - block) // 2
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            ink = QColor(palette.color(group, role))
            behind = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
            paper = palette.color(group, behind)
            if not enabled:
                ink = faded_ink(ink, paper, 0.62)
            painter.setOpacity(1.0)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            title = look.title
            painter.setFont(title_font)
            painter.setPen(ink)
            line = QRect(text_rect.left(), top, text_rect.width(), title_fm.height())
            painter.drawText(
                visual(line),
                align,
                title_fm.elidedText(title, Qt.TextElideMode.ElideRight, line.width()),
            )
            if second:
                quiet = QColor(ink)
                quiet.setAlphaF(0.72 * quiet.alphaF())
                if not enabled:
                    # Faded twice over would be too faint to read: AA contrast at least.
                    quiet = faded_ink(ink, paper, 0.72)
                line = QRect(
                    text_rect.left(),
                    top + title_fm.height() + spacing,
                    text_rect.width(),
                    sub_fm.height(),
                )
                self._paint_second_line(
                    painter, line, visual, attributes, claimed, (ink, quiet), sub_font
                )

            self._paint_badge(painter, visual(badge_rect), label, badge_font, colors, outline=busy)
            if chip_label:
                self._paint_badge(
                    painter, visual(chip_rect), chip_label, badge_font, chip_colors, outline=False
                )

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

    def _paint_second_line(
        self,
        painter: QPainter,
        line: QRect,
        visual: Callable[[QRect], QRect],
        attributes: str,
        claimed: str,
        inks: tuple[QColor, QColor],
        font: QFont,
    ) -> None:
        """The attributes in full ink (the right size must go out), then the claim date in
        the quieter one."""
        ink, quiet = inks
        fm = self._metrics(font)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(font)
        left = line.left()
        if attributes:
            shown = fm.elidedText(attributes, Qt.TextElideMode.ElideRight, line.width())
            painter.setPen(ink)
            width = fm.horizontalAdvance(shown)
            painter.drawText(
                visual(QRect(left, line.top(), width + 1, line.height())), align, shown
            )
            left += width
            claimed = f" · {claimed}" if claimed and shown == attributes else ""
        room = line.right() - left
        if claimed and room > fm.averageCharWidth() * 6:
            painter.setPen(quiet)
            rest = QRect(left, line.top(), room, line.height())
            painter.drawText(
                visual(rest), align, fm.elidedText(claimed, Qt.TextElideMode.ElideRight, room)
            )

    def _digital_text(self) -> str:
        return self.tr("Digital")

    def _shelf_text(self) -> str:
        return self.tr("On the shelf")

    def _busy_text(self) -> str:
        return self.tr("Handing over…")

    def _paint_thumbnail(self, painter: QPainter, target: QRect, index: _Index) -> None:
        picture = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(picture, QPixmap):
            self._rounded.draw(painter, target, picture, 10.0 if self._touch else 8.0)

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
        retranslated(self, lambda: self.setAccessibleName(self.tr("Rewards to pick up")))
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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            # Qt tells widgets, not models: the rows' texts, worked out once, go stale.
            model = self.model()
            if isinstance(model, RewardListModel):
                model.retranslate()

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

    def unavailable_reason(self) -> str:
        """Why Enter does nothing here: the current row cannot go and nothing else is selected.

        "" when there is something to hand over, or no current row.
        """
        if self.selected_items():
            return ""
        current = self.currentIndex()
        return str(current.data(RewardRole.UNAVAILABLE_TEXT) or "") if current.isValid() else ""

    def selected_items(self) -> list[PickupItem]:
        """The rewards of the selected rows that can be handed over, top to bottom.

        A row of identical rewards gives all of them; the confirmation asks how many go.
        """
        selection = self.selectionModel()
        if selection is None:
            return []
        rows = sorted(index.row() for index in selection.selectedRows())
        items: list[PickupItem] = []
        for row in rows:
            index = self.model().index(row, 0)
            if index.data(RewardRole.CAN_HAND_OVER):
                group = index.data(RewardRole.ITEMS)
                items += [item for item in group or () if isinstance(item, PickupItem)]
        return items

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A message appearing above shrinks the list: the row the cashier is on stays in view.
        current = self.currentIndex()
        if current.isValid() and event.size().height() < event.oldSize().height():
            self.scrollTo(current)

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
