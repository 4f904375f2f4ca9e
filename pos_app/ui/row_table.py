"""A read-only table with one object per row, for the app's small lists (pickups, staff)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T``, selectable, numbered down the side, found again by an id.

    Subclasses give :meth:`column_titles` and :meth:`data`; ``key`` says what identifies a
    row's object (its uuid) so a selection can be found again after a reload.
    """

    def __init__(self, key: Callable[[T], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._rows: list[T] = []

    def column_titles(self) -> Sequence[str]:
        raise NotImplementedError

    def _set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _row(self, index: _Index) -> T | None:
        """The object of a valid cell, else None."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        return self._rows[index.row()]

    def row_of(self, key: str) -> int | None:
        for row, item in enumerate(self._rows):
            if self._key(item) == key:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.column_titles())

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if 0 <= section < len(self._rows) else None
        titles = self.column_titles()
        return titles[section] if 0 <= section < len(titles) else None
