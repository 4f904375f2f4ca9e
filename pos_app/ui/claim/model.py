"""The shop's rewards a customer can claim with points, as a list model.

Each row is one of the shop's physical rewards: picture, title, attributes (as in the pickup
list), what it costs and, where Piggy gives it, the stock. A row the customer's balance
covers can be selected; one it does not cover, or one out of stock, is shown faded with the
reason, and can be made current so that Enter on it says why. The rows are painted by the
pickup list's delegate (:class:`~pos_app.ui.rewards.view.RewardDelegate`), from the same
:class:`~pos_app.ui.rewards.model.RowLook`.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QObject, QPersistentModelIndex, Qt

from pos_app.services.claim import ClaimableReward, ClaimCatalogue
from pos_app.services.pickup_models import Expiry, ExpiryKind
from pos_app.ui.claim import words
from pos_app.ui.pictures import PictureCache, PictureRowsModel
from pos_app.ui.rewards.model import RewardRole, RowLook, attribute_label
from pos_app.ui.theme import ColorScheme

_Index = QModelIndex | QPersistentModelIndex

_NO_EXPIRY = Expiry(ExpiryKind.NONE)


class ClaimRole(IntEnum):
    """Custom data roles of :class:`ClaimListModel` (and the delegate's ``LOOK``)."""

    REWARD = Qt.ItemDataRole.UserRole + 101  # the ClaimableReward
    UUID = Qt.ItemDataRole.UserRole + 102  # its reward uuid (what a claim takes)
    POINTS = Qt.ItemDataRole.UserRole + 103  # what it costs (int)
    POINTS_TEXT = Qt.ItemDataRole.UserRole + 104  # "250 points"
    COVERED = Qt.ItemDataRole.UserRole + 105  # the balance pays for it and one is left
    STATUS_TEXT = Qt.ItemDataRole.UserRole + 106  # "Needs 120 points more", "Out of stock", ""
    STOCK_TEXT = Qt.ItemDataRole.UserRole + 107  # "3 left", "Out of stock", ""
    ATTRIBUTES_TEXT = Qt.ItemDataRole.UserRole + 108  # "Size 39-42 · Colour blue", or ""
    UNAVAILABLE_TEXT = Qt.ItemDataRole.UserRole + 109  # why it cannot be claimed, or ""
    PICTURE_URL = Qt.ItemDataRole.UserRole + 110  # str or None


def attributes_line(reward: ClaimableReward) -> str:
    """The reward's custom attributes on one line, as the pickup list shows them."""
    return " · ".join(
        words.attribute_pair(attribute_label(name), value) for name, value in reward.attributes
    )


class ClaimListModel(PictureRowsModel):
    """The rewards of :meth:`set_catalogue`, cheapest first; see the module docstring."""

    _changed_roles = (Qt.ItemDataRole.DecorationRole,)

    def __init__(self, pictures: PictureCache | None = None, parent: QObject | None = None) -> None:
        super().__init__(pictures, parent)
        self._catalogue = ClaimCatalogue((), None)

    @property
    def catalogue(self) -> ClaimCatalogue:
        return self._catalogue

    def set_catalogue(self, catalogue: ClaimCatalogue) -> None:
        self.beginResetModel()
        self._catalogue = catalogue
        self._index_pictures(
            [reward.picture_url] if reward.picture_url else [] for reward in catalogue.rewards
        )
        self.endResetModel()

    def set_balance(self, balance: int | None) -> None:
        """The customer's points changed: which rows are covered changes with them."""
        self._catalogue = self._catalogue.with_balance(balance)
        if self._catalogue.rewards:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def clear(self) -> None:
        self.set_catalogue(ClaimCatalogue((), None))

    def reward(self, row: int) -> ClaimableReward:
        return self._catalogue.rewards[row]

    def row_of(self, reward_uuid: str) -> int | None:
        for row, reward in enumerate(self._catalogue.rewards):
            if reward.reward_uuid == reward_uuid:
                return row
        return None

    def covered(self, row: int) -> bool:
        return self._catalogue.covers(self._catalogue.rewards[row])

    def retranslate(self) -> None:
        if self._catalogue.rewards:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._catalogue.rewards)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        never = Qt.ItemFlag.ItemNeverHasChildren | Qt.ItemFlag.ItemIsEnabled
        if self.covered(index.row()):
            return never | Qt.ItemFlag.ItemIsSelectable
        # Reachable but never selected: Enter on it says why it cannot be claimed.
        return never

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < self.rowCount():
            return None
        catalogue = self._catalogue
        reward = catalogue.rewards[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return reward.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._picture(reward)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [reward.title, words.points_text(reward.points)]
            lines += [text for text in (attributes_line(reward), reward.description) if text]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [reward.title, words.points_text(reward.points)]
            parts += [
                text
                for text in (
                    attributes_line(reward),
                    words.status_text(catalogue, reward),
                    words.stock_text(reward),
                )
                if text
            ]
            return ", ".join(dict.fromkeys(parts))
        if role == ClaimRole.REWARD:
            return reward
        if role == ClaimRole.UUID:
            return reward.reward_uuid
        if role == ClaimRole.POINTS:
            return reward.points
        if role == ClaimRole.POINTS_TEXT:
            return words.points_text(reward.points)
        if role == ClaimRole.COVERED:
            return catalogue.covers(reward)
        if role == ClaimRole.STATUS_TEXT:
            return words.status_text(catalogue, reward)
        if role == ClaimRole.STOCK_TEXT:
            return words.stock_text(reward)
        if role == ClaimRole.ATTRIBUTES_TEXT:
            return attributes_line(reward)
        if role == ClaimRole.UNAVAILABLE_TEXT:
            return words.unavailable_text(catalogue, reward)
        if role == ClaimRole.PICTURE_URL:
            return reward.picture_url
        if role == RewardRole.LOOK:
            return self._look(catalogue, reward)
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role in ClaimRole:
            names[int(role)] = QByteArray(role.name.lower().encode())
        names[int(RewardRole.LOOK)] = QByteArray(b"look")
        return names

    @staticmethod
    def _look(catalogue: ClaimCatalogue, reward: ClaimableReward) -> RowLook:
        covered = catalogue.covers(reward)
        status = words.status_text(catalogue, reward)
        stock = words.stock_text(reward)
        # What keeps it from being claimed first; else, the stock where Piggy keeps one.
        second = status or stock
        return RowLook(
            title=reward.title,
            can_hand_over=covered,
            digital=False,
            busy=False,
            expiry=_NO_EXPIRY,
            badge=words.points_text(reward.points),
            claimed=second,
            detail=attributes_line(reward),
            colors=ColorScheme.BADGE_AFFORDABLE if covered else ColorScheme.BADGE_UNAFFORDABLE,
        )

    def _picture(self, reward: ClaimableReward) -> Any:
        cache = self._pictures
        if cache is None:
            return None
        pixmap = cache.pixmap(reward.picture_url) if reward.picture_url else None
        return pixmap if pixmap is not None else cache.placeholder()
