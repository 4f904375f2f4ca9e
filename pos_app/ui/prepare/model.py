"""The To prepare list as a two-level tree: one row per reward ("Shop mug ×7"), under it one
row per claim (customer, claim date, expiry, on the shelf since when and by whom)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from pos_app.services.to_prepare import PrepareGroup, PrepareItem, PrepareList, ShelfMark
from pos_app.ui.prepare.words import (
    attributes_line,
    date_text,
    expiry_text,
    group_ready_text,
    group_title,
    item_tooltip,
    mark_text,
)
from pos_app.ui.theme import ColorScheme

__all__ = ["PrepareColumn", "PrepareRole", "ToPrepareModel"]

_Index = QModelIndex | QPersistentModelIndex
#: internalId of a reward's row; a claim's row carries its reward's row number + 1.
_TOP = 0


class PrepareColumn(IntEnum):
    #: The reward (a reward's row) or the customer (a claim's row).
    WHAT = 0
    CLAIMED = 1
    EXPIRES = 2
    #: On the shelf since when, by whom (a claim); how many are (a reward).
    SHELF = 3


class PrepareRole(IntEnum):
    ITEM = Qt.ItemDataRole.UserRole + 1  # the claim's PrepareItem (None on a reward's row)
    GROUP = Qt.ItemDataRole.UserRole + 2  # the row's PrepareGroup
    #: The loyalty transaction uuids of the claims the row stands for.
    UUIDS = Qt.ItemDataRole.UserRole + 3
    #: Whether every claim of the row is on the shelf.
    READY = Qt.ItemDataRole.UserRole + 4


class ToPrepareModel(QAbstractItemModel):
    """Rewards (top level, the one with the newest claim first) and their claims."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[PrepareGroup] = []
        self._marks: dict[str, ShelfMark] = {}
        self._now = datetime.now(UTC)
        self._list: PrepareList | None = None

    # -- content -------------------------------------------------------------------------

    def set_list(self, prepare: PrepareList, now: datetime | None = None) -> None:
        self.beginResetModel()
        self._list = prepare
        self._groups = prepare.groups()
        self._marks = dict(prepare.marks)
        self._now = now or prepare.fetched_at
        self.endResetModel()

    def add_marks(
        self, marks: Mapping[str, ShelfMark], *, taken_back: Collection[str] = ()
    ) -> None:
        """Show these new marks, and these taken back (at this counter just now), without
        a reload."""
        self._marks.update(marks)
        for uuid in taken_back:
            self._marks.pop(uuid, None)
        if self._list is not None:
            self._list = self._list.with_marks(marks, taken_back=taken_back)
        changed = set(marks) | set(taken_back)
        for row, group in enumerate(self._groups):
            uuids = [item.loyalty_transaction_uuid for item in group.items]
            if not any(uuid in changed for uuid in uuids):
                continue
            last = self.columnCount() - 1
            parent = self.index(row, 0)
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(len(group.items) - 1, last, parent)
            )

    def prepare_list(self) -> PrepareList | None:
        """The list shown, with the marks made here since it was read."""
        return self._list

    def groups(self) -> list[PrepareGroup]:
        return list(self._groups)

    def marks(self) -> dict[str, ShelfMark]:
        return dict(self._marks)

    def group(self, index: _Index) -> PrepareGroup | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def item(self, index: _Index) -> PrepareItem | None:
        """The claim of a claim's row; None on a reward's row."""
        if not index.isValid() or index.internalId() == _TOP:
            return None
        group = self.group(index)
        if group is None or not 0 <= index.row() < len(group.items):
            return None
        return group.items[index.row()]

    def items_of(self, index: _Index) -> list[PrepareItem]:
        """The claims a row stands for: its own, or every claim of a reward's row."""
        item = self.item(index)
        if item is not None:
            return [item]
        group = self.group(index)
        return list(group.items) if group is not None else []

    def index_of(self, loyalty_transaction_uuid: str) -> QModelIndex:
        for row, group in enumerate(self._groups):
            for child, item in enumerate(group.items):
                if item.loyalty_transaction_uuid == loyalty_transaction_uuid:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def column_titles(self) -> list[str]:
        return [
            self.tr("Reward / customer"),
            self.tr("Claimed"),
            self.tr("Expires"),
            self.tr("On the shelf"),
        ]

    # -- Qt model interface --------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(PrepareColumn):
            return QModelIndex()
        if not parent.isValid():
            if 0 <= row < len(self._groups):
                return self.createIndex(row, column, _TOP)
            return QModelIndex()
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if 0 <= group < len(self._groups) and 0 <= row < len(self._groups[group].items):
            return self.createIndex(row, column, group + 1)
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() != _TOP or parent.column() != 0:
            return 0
        row = parent.row()
        return len(self._groups[row].items) if 0 <= row < len(self._groups) else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(PrepareColumn)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _TOP:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.column_titles()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self.group(index)
        if group is None:
            return None
        item = self.item(index)
        if index.internalId() != _TOP and item is None:
            return None
        column = PrepareColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._group_text(group, column) if item is None else self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if item is None:
                return "\n".join(
                    line for line in (group_title(group), attributes_line(group.attributes)) if line
                )
            return item_tooltip(item, self._marks.get(item.loyalty_transaction_uuid), self._now)
        if role == Qt.ItemDataRole.FontRole and item is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column is PrepareColumn.SHELF:
            return ColorScheme.SUCCESS_TEXT
        if role == PrepareRole.ITEM:
            return item
        if role == PrepareRole.GROUP:
            return group
        if role == PrepareRole.UUIDS:
            return [claim.loyalty_transaction_uuid for claim in self.items_of(index)]
        if role == PrepareRole.READY:
            return all(
                claim.loyalty_transaction_uuid in self._marks for claim in self.items_of(index)
            )
        return None

    def _group_text(self, group: PrepareGroup, column: PrepareColumn) -> str:
        if column is PrepareColumn.WHAT:
            title = group_title(group)
            attributes = attributes_line(group.attributes)
            return f"{title} · {attributes}" if attributes else title
        if column is PrepareColumn.CLAIMED:
            return date_text(group.newest)
        if column is PrepareColumn.EXPIRES:
            return expiry_text(group.soonest_expiry) if group.soonest_expiry else ""
        return group_ready_text(group, self._marks)

    def _text(self, item: PrepareItem, column: PrepareColumn) -> str:
        if column is PrepareColumn.WHAT:
            return item.customer_label
        if column is PrepareColumn.CLAIMED:
            return date_text(item.claimed_at)
        if column is PrepareColumn.EXPIRES:
            return expiry_text(item.expires_at)
        mark = self._marks.get(item.loyalty_transaction_uuid)
        return mark_text(mark, self._now) if mark is not None else ""
