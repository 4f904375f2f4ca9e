"""The customer's uncollected rewards as a list model, and how their dates are said.

Rows come sorted for the counter (soonest expiry first, expired ones last and greyed out),
each with its picture, title, claim date and an expiry badge. The model is a plain
``QAbstractListModel``, so 1,000 rows cost no more than the handful on screen: pictures
load only for rows that get painted.

Size: one model and the row data its delegate paints (pictures, badges, the shelf mark);
the painting lives in :mod:`pos_app.ui.rewards.view`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QPixmap,
)

from pos_app.services.pickup_models import (
    Expiry,
    ExpiryKind,
    PickupCounts,
    PickupItem,
    PickupList,
    group_for_pickup,
)
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.pictures import THUMBNAIL_SIZE, PictureCache, PictureRowsModel, placeholder_pixmap
from pos_app.ui.plurals import english_plural

if TYPE_CHECKING:
    from pos_app.services.to_prepare import ShelfMark

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex


class RewardRole(IntEnum):
    """Custom data roles of :class:`RewardListModel` (beside Display, Decoration, ToolTip)."""

    ITEM = Qt.ItemDataRole.UserRole + 1  # the row's first PickupItem
    UUID = Qt.ItemDataRole.UserRole + 2  # its loyalty transaction uuid (what collect takes)
    EXPIRY = Qt.ItemDataRole.UserRole + 3  # Expiry as of the model's "now"
    CLAIMED_TEXT = Qt.ItemDataRole.UserRole + 4  # "Claimed 12 Nov 2026", or ""
    BADGE_TEXT = Qt.ItemDataRole.UserRole + 5  # "Expires in 5 days", "Expired on 3 Nov", ...
    BUSY = Qt.ItemDataRole.UserRole + 6  # a hand-over of this row is running
    CAN_HAND_OVER = Qt.ItemDataRole.UserRole + 7  # not expired, not digital, not busy
    PICTURE_URL = Qt.ItemDataRole.UserRole + 8  # str or None
    ATTRIBUTES_TEXT = Qt.ItemDataRole.UserRole + 9  # "Size 39-42 · Colour blue", or ""
    DETAIL_TEXT = Qt.ItemDataRole.UserRole + 10  # the row's second line before the claim date
    DIGITAL = Qt.ItemDataRole.UserRole + 11  # received online: nothing to hand over
    UNAVAILABLE_TEXT = Qt.ItemDataRole.UserRole + 12  # why it cannot be handed over, or ""
    ITEMS = Qt.ItemDataRole.UserRole + 13  # every PickupItem the row stands for
    COUNT = Qt.ItemDataRole.UserRole + 14  # how many identical rewards the row stands for
    FILTER_TEXT = Qt.ItemDataRole.UserRole + 15  # what the filter field searches
    LOOK = Qt.ItemDataRole.UserRole + 16  # RowLook: all a row's paint needs, in one call
    SHELF_TEXT = Qt.ItemDataRole.UserRole + 17  # "Ready on the shelf since 14:05 (Casey)", or ""


# --- text ------------------------------------------------------------------------------------


def _day_month_format(locale: QLocale, with_year: bool) -> str:
    """A short, spelled-out date in the locale's order: "3 Nov" / "Nov 3" (+ year)."""
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    day, month = short.find("d"), short.find("M")
    month_first = 0 <= month < day if day >= 0 else False
    if month_first:
        return "MMM d, yyyy" if with_year else "MMM d"
    # German writes the day as an ordinal with a dot ("2. Nov."), as its long format shows.
    long = locale.dateFormat(QLocale.FormatType.LongFormat)
    day_part = "d." if re.search(r"(?<![d'])d\.", long) else "d"
    return f"{day_part} MMM yyyy" if with_year else f"{day_part} MMM"


def format_short_date(
    moment: datetime, *, with_year: bool = True, locale: QLocale | None = None
) -> str:
    """``moment`` as the counter PC's calendar date, e.g. "12 Nov 2026"."""
    locale = locale if locale is not None else QLocale()
    local = moment.astimezone()
    return locale.toString(
        QDate(local.year, local.month, local.day), _day_month_format(locale, with_year)
    )


def expiry_date_text(expires_at: datetime, now: datetime, locale: QLocale | None = None) -> str:
    """The day a reward expired: "3 Nov", with the year when it is not this year's."""
    with_year = expires_at.astimezone().year != now.astimezone().year
    return format_short_date(expires_at, with_year=with_year, locale=locale)


def badge_text(expiry: Expiry, now: datetime, locale: QLocale | None = None) -> str:
    if expiry.kind is ExpiryKind.EXPIRED and expiry.expires_at is not None:
        when = expiry_date_text(expiry.expires_at, now, locale)
        return QCoreApplication.translate("RewardListModel", "Expired on {date}").format(date=when)
    if expiry.kind is ExpiryKind.TODAY:
        return QCoreApplication.translate("RewardListModel", "Expires today")
    if expiry.kind is ExpiryKind.DAYS:
        days = expiry.days
        text = _tr("Expires in %n day(s)", None, days)
        return english_plural(text, days, "day(s)", "day", "days")
    return QCoreApplication.translate("RewardListModel", "No expiry")


def claimed_text(item: PickupItem, locale: QLocale | None = None) -> str:
    if item.claimed_at is None:
        return ""
    return QCoreApplication.translate("RewardListModel", "Claimed {date}").format(
        date=format_short_date(item.claimed_at, locale=locale)
    )


def attribute_label(name: str) -> str:
    """A custom attribute's name as a label: ``size`` → "Size", ``shirt_colour`` → "Shirt colour".

    Names are the shop's own (defined in Piggy), so they are shown, not translated.
    """
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    words = [w if w.isupper() and len(w) > 1 else w.lower() for w in re.split(r"[\s_\-]+", spaced)]
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]


def attributes_text(item: PickupItem) -> str:
    """The reward's custom attributes on one line: "Size 39-42 · Colour blue"."""
    return " · ".join(
        QCoreApplication.translate("RewardListModel", "{name} {value}").format(
            name=attribute_label(name), value=value
        )
        for name, value in item.attributes
    )


def detail_text(item: PickupItem) -> str:
    """What the row says under the title, before the claim date."""
    parts = []
    if item.is_digital:
        parts.append(
            QCoreApplication.translate("RewardListModel", "Received online, nothing to hand over")
        )
    if attributes := attributes_text(item):
        parts.append(attributes)
    return " · ".join(parts)


def unavailable_text(item: PickupItem, now: datetime) -> str:
    """Why ``item`` cannot go over the counter ("" when it can), for the cashier."""
    if item.is_digital:
        return QCoreApplication.translate(
            "RewardListModel",
            "{title} is digital: the customer received it online. There is nothing to hand "
            "over at the counter.",
        ).format(title=item.title)
    expiry = item.expiry(now)
    if expiry.kind is ExpiryKind.EXPIRED:
        if expiry.expires_at is None:  # pragma: no cover - EXPIRED always has its moment
            return ""
        return QCoreApplication.translate(
            "RewardListModel", "{title} expired on {date}: it can no longer be handed over."
        ).format(title=item.title, date=expiry_date_text(expiry.expires_at, now))
    return ""


def shelf_text(group: Sequence[PickupItem], marks: Mapping[str, ShelfMark], now: datetime) -> str:
    """What the shop noted of a row's rewards being ready on the shelf ("" for nothing)."""
    found = [m for item in group if (m := marks.get(item.loyalty_transaction_uuid)) is not None]
    if not found:
        return ""
    if len(found) < len(group):
        return QCoreApplication.translate(
            "RewardListModel", "{ready} of {n} ready on the shelf"
        ).format(ready=len(found), n=len(group))
    # Imported with the first mark: the page that makes them may never be opened here.
    from pos_app.ui.prepare.words import ready_text

    return ready_text(max(found, key=lambda mark: mark.marked_at), now)


def titled(item: PickupItem, count: int = 1) -> str:
    """A row's title: "Shop mug", or "Shop mug ×3" for three identical ones."""
    if count <= 1:
        return item.title
    return QCoreApplication.translate("RewardListModel", "{title} ×{n}").format(
        title=item.title, n=count
    )


def filter_text(item: PickupItem) -> str:
    """What the filter field matches: the title and the attributes, as shown and as sent."""
    parts = [item.title, attributes_text(item)]
    parts += [f"{name} {value}" for name, value in item.attributes]
    return " ".join(parts)


def tooltip_text(item: PickupItem, count: int = 1) -> str:
    """The whole story of a reward on demand: title, attributes and description."""
    lines = [titled(item, count)]
    if detail := detail_text(item):
        lines.append(detail)
    if item.description:
        lines.append(item.description)
    return "\n".join(lines)


class RowLook(NamedTuple):
    """What painting a row needs but its picture (:attr:`RewardRole.LOOK`): one call from
    the delegate instead of one per role, each a trip through Qt."""

    title: str
    can_hand_over: bool
    digital: bool
    busy: bool
    expiry: Expiry
    badge: str
    claimed: str
    detail: str
    #: The badge's background and text colours; None: those of the expiry.
    colors: tuple[QColor, QColor] | None = None
    #: Staff noted that the row's rewards wait ready on the shelf (some or all of them).
    on_shelf: bool = False


class _RowTexts(NamedTuple):
    """What a row says that depends only on its rewards, their shelf marks and "now"."""

    badge: str
    claimed: str
    detail: str
    shelf: str


# --- model -----------------------------------------------------------------------------------


class RewardListModel(PictureRowsModel):
    """The uncollected rewards of one customer, in pickup order, identical ones in one row.

    A row stands for a group of identical rewards (same reward, attributes and expiry
    badge: :func:`~pos_app.services.pickup_models.group_for_pickup`), titled "Shop mug ×3";
    a hand-over of some of them takes those off and leaves the row with the rest. Expired
    and digital rows, and rows with a hand-over running (``set_busy``), are shown but can
    be neither selected nor handed over; expired and digital ones can be made current, so
    Enter on them says why (:attr:`RewardRole.UNAVAILABLE_TEXT`). :meth:`set_filter` shows
    only the rows that match. Pictures come from the optional :class:`PictureCache`; a
    placeholder stands in until they arrive, then the row is repainted.
    """

    _changed_roles = (Qt.ItemDataRole.DecorationRole,)

    def __init__(
        self,
        pictures: PictureCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(pictures, parent)
        #: Every group of the customer's rewards, in pickup order ...
        self._all: list[list[PickupItem]] = []
        #: ... and those the filter lets through: the rows.
        self._groups: list[list[PickupItem]] = []
        self._filter = ""
        self._now = datetime.now(UTC)
        self._busy: set[str] = set()
        self._group_of: dict[str, list[PickupItem]] = {}
        self._row_by_uuid: dict[str, int] = {}
        self._placeholder: QPixmap | None = None
        self._counts: PickupCounts | None = None
        #: Each group's expiry as of ``_now``, by ``id`` of the group's list; whether it
        #: can go (neither expired nor digital; a running hand-over is checked apart) ...
        self._expiries: dict[int, Expiry] = {}
        self._can_go: dict[int, bool] = {}
        #: ... and, once a row was painted, what it says (painting asks many times).
        self._texts: dict[int, _RowTexts] = {}
        #: "Ready on the shelf" marks of the customer's rewards, by loyalty transaction.
        self._shelf: dict[str, ShelfMark] = {}

    # -- content -------------------------------------------------------------------------

    def set_items(self, items: Sequence[PickupItem], now: datetime) -> None:
        """Show ``items`` as of ``now`` (which decides what is expired), replacing the list."""
        self.set_list(PickupList.of(items, now))

    def set_list(self, rewards: PickupList) -> None:
        """Show ``rewards``, replacing the list.

        Grouped, judged and counted already (off the GUI thread, for a long list): what is
        left here is indexing, a millisecond for a thousand rewards.
        """
        self.beginResetModel()
        self._now = rewards.now
        self._all = [list(group) for group in rewards.groups]
        self._judge(rewards.expiries)
        self._busy &= {item.loyalty_transaction_uuid for item in rewards.items}
        self._apply_filter()
        self._counts = rewards.counts
        self.endResetModel()

    def set_shelf_marks(self, marks: Mapping[str, ShelfMark]) -> None:
        """Show which rewards staff put ready on the shelf (the To prepare page's marks)."""
        if dict(marks) == self._shelf:
            return
        self._shelf = dict(marks)
        self._texts = {}
        if self._groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, 0))

    def shelf_marks(self) -> dict[str, ShelfMark]:
        return dict(self._shelf)

    def clear(self) -> None:
        self.beginResetModel()
        self._shelf = {}
        self._all = []
        self._judge(())
        self._busy.clear()
        self._apply_filter()
        self.endResetModel()

    def retranslate(self) -> None:
        """The app's language changed: the rows say what they say again, in it."""
        self._texts = {}
        if self._groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, 0))

    def set_filter(self, text: str) -> None:
        """Show only the rows whose title or attributes contain ``text`` (any case)."""
        text = text.strip().casefold()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._apply_filter()
        self.endResetModel()

    def remove(self, loyalty_transaction_uuid: str) -> bool:
        """Take a handed-over reward off the list; False if it is not (or no longer) here."""
        group = self._group_of.get(loyalty_transaction_uuid)
        if group is None:
            return False
        self._busy.discard(loyalty_transaction_uuid)
        row = self._row_by_uuid.get(loyalty_transaction_uuid)
        remaining = [i for i in group if i.loyalty_transaction_uuid != loyalty_transaction_uuid]
        if remaining:
            group[:] = remaining
            # The first reward may have changed: so may the row's texts.
            self._texts.pop(id(group), None)
            self._reindex()
            if row is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
            return True
        if row is None:  # filtered out: no row to take away
            self._all = [g for g in self._all if g is not group]
            self._reindex()
            return True
        # The row stays whole until Qt was told: the selection moves off it (and its
        # listeners look at the model) inside beginRemoveRows.
        self.beginRemoveRows(QModelIndex(), row, row)
        group.clear()
        self._all = [g for g in self._all if g is not group]
        del self._groups[row]
        self._reindex()
        self.endRemoveRows()
        return True

    def set_busy(self, loyalty_transaction_uuid: str, busy: bool) -> bool:
        """Mark a reward as being handed over (its row disabled, "Handing over…") or done."""
        if loyalty_transaction_uuid not in self._group_of:
            return False
        if busy == (loyalty_transaction_uuid in self._busy):
            return True
        if busy:
            self._busy.add(loyalty_transaction_uuid)
        else:
            self._busy.discard(loyalty_transaction_uuid)
        row = self._row_by_uuid.get(loyalty_transaction_uuid)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
        return True

    def set_now(self, now: datetime) -> None:
        """Re-judge expiry (the list stayed open past midnight): regroups, keeps selection."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        uuids = [self._groups[index.row()][0].loyalty_transaction_uuid for index in persistent]
        self._now = now
        self._all = [list(group) for group in group_for_pickup(self.items(), now)]
        self._judge(tuple(group[0].expiry(now) for group in self._all))
        self._apply_filter()
        for old, uuid in zip(persistent, uuids, strict=True):
            row = self._row_by_uuid.get(uuid)
            self.changePersistentIndex(
                old, self.index(row, 0) if row is not None else QModelIndex()
            )
        self.layoutChanged.emit()
        if self._groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, 0))

    def is_busy(self, loyalty_transaction_uuid: str) -> bool:
        return loyalty_transaction_uuid in self._busy

    @property
    def now(self) -> datetime:
        return self._now

    def item(self, row: int) -> PickupItem:
        """The first reward of a row (the one a hand-over of one of them takes)."""
        return self._groups[row][0]

    def group(self, row: int) -> tuple[PickupItem, ...]:
        """All rewards a row stands for, soonest expiry first."""
        return tuple(self._groups[row])

    def items(self) -> list[PickupItem]:
        """Every reward of the customer's, group by group (also those filtered out)."""
        return [item for group in self._all for item in group]

    def total_rows(self) -> int:
        """How many rows there are without the filter."""
        return len(self._all)

    def counts(self) -> PickupCounts:
        """How many rewards can be picked up, have expired, are digital (unfiltered)."""
        if self._counts is None:
            self._counts = PickupCounts.of(self.items(), self._now)
        return self._counts

    def row_of(self, loyalty_transaction_uuid: str) -> int | None:
        """The row showing this reward; None when it is not listed or filtered out."""
        return self._row_by_uuid.get(loyalty_transaction_uuid)

    def can_hand_over(self, row: int) -> bool:
        return self._can_go[id(self._groups[row])] and not self._busy_row(row)

    def available_items(self) -> list[PickupItem]:
        """Every reward on the list that can go now (not expired, digital or being sent);
        a row of identical rewards gives all of them."""
        found: list[PickupItem] = []
        can_go = self._can_go
        for row, group in enumerate(self._groups):
            if can_go[id(group)] and not self._busy_row(row):
                found += group
        return found

    def _busy_row(self, row: int) -> bool:
        busy = self._busy
        return bool(busy) and any(
            item.loyalty_transaction_uuid in busy for item in self._groups[row]
        )

    def _judge(self, expiries: Sequence[Expiry]) -> None:
        """Take each group's expiry (in ``_all``'s order) and forget what rows said."""
        self._expiries = {}
        self._can_go = {}
        for group, expiry in zip(self._all, expiries, strict=True):
            key = id(group)
            self._expiries[key] = expiry
            self._can_go[key] = not group[0].is_digital and expiry.kind is not ExpiryKind.EXPIRED
        self._texts = {}

    def _row_texts(self, group: list[PickupItem]) -> _RowTexts:
        texts = self._texts.get(id(group))
        if texts is None:
            item = group[0]
            shelf = shelf_text(group, self._shelf, self._now) if self._shelf else ""
            texts = self._texts[id(group)] = _RowTexts(
                badge=badge_text(self._expiries[id(group)], self._now),
                claimed=claimed_text(item),
                detail=" · ".join(part for part in (shelf, detail_text(item)) if part),
                shelf=shelf,
            )
        return texts

    def _apply_filter(self) -> None:
        wanted = self._filter
        self._groups = (
            [g for g in self._all if wanted in filter_text(g[0]).casefold()]
            if wanted
            else list(self._all)
        )
        self._reindex()

    def _reindex(self) -> None:
        self._counts = None
        self._group_of = {item.loyalty_transaction_uuid: g for g in self._all for item in g}
        self._row_by_uuid = {}
        for row, group in enumerate(self._groups):
            for item in group:
                self._row_by_uuid.setdefault(item.loyalty_transaction_uuid, row)
        # Identical rewards share their picture: the row's first one stands for all.
        self._index_pictures(
            [group[0].picture_url] if group[0].picture_url else [] for group in self._groups
        )

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        never = Qt.ItemFlag.ItemNeverHasChildren
        if self.can_hand_over(index.row()):
            return never | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._busy_row(index.row()):
            return never
        # Expired or digital: reachable but never selected; Enter on it says why it cannot go.
        return never | Qt.ItemFlag.ItemIsEnabled

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._groups):
            return None
        group = self._groups[row]
        item = group[0]
        if role == Qt.ItemDataRole.DisplayRole:
            return titled(item, len(group))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._picture(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Title and attributes may be elided in the row; the tooltip has them whole.
            shelf = self._row_texts(group).shelf if self._shelf else ""
            return "\n".join(part for part in (tooltip_text(item, len(group)), shelf) if part)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            texts = self._row_texts(group)
            parts = [titled(item, len(group))]
            if texts.detail:
                parts.append(texts.detail)
            parts.append(texts.badge)
            if texts.claimed:
                parts.append(texts.claimed)
            return ", ".join(parts)
        if role == RewardRole.ITEM:
            return item
        if role == RewardRole.UUID:
            return item.loyalty_transaction_uuid
        if role == RewardRole.EXPIRY:
            return self._expiries[id(group)]
        if role == RewardRole.CLAIMED_TEXT:
            return self._row_texts(group).claimed
        if role == RewardRole.BADGE_TEXT:
            return self._row_texts(group).badge
        if role == RewardRole.BUSY:
            return self._busy_row(row)
        if role == RewardRole.CAN_HAND_OVER:
            return self.can_hand_over(row)
        if role == RewardRole.PICTURE_URL:
            return item.picture_url
        if role == RewardRole.ATTRIBUTES_TEXT:
            return attributes_text(item)
        if role == RewardRole.DETAIL_TEXT:
            return self._row_texts(group).detail
        if role == RewardRole.DIGITAL:
            return item.is_digital
        if role == RewardRole.UNAVAILABLE_TEXT:
            return unavailable_text(item, self._now)
        if role == RewardRole.ITEMS:
            return tuple(group)
        if role == RewardRole.COUNT:
            return len(group)
        if role == RewardRole.FILTER_TEXT:
            return filter_text(item)
        if role == RewardRole.SHELF_TEXT:
            return self._row_texts(group).shelf
        if role == RewardRole.LOOK:
            texts = self._row_texts(group)
            return RowLook(
                title=titled(item, len(group)),
                can_hand_over=self.can_hand_over(row),
                digital=item.is_digital,
                busy=self._busy_row(row),
                expiry=self._expiries[id(group)],
                badge=texts.badge,
                claimed=texts.claimed,
                detail=texts.detail,
                on_shelf=bool(texts.shelf),
            )
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
