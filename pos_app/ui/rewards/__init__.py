"""The rewards waiting for a customer: the list (model, painted rows, view) and the
confirmation dialog of a hand-over.

The view is imported on first use: what the counter's first frame shows needs the model's
words (dates), not the list's painting.
"""

from typing import TYPE_CHECKING

from pos_app._lazy import lazy_names
from pos_app.ui.rewards.model import RewardListModel, RewardRole, format_short_date

if TYPE_CHECKING:
    from pos_app.ui.rewards.view import RewardListView

__getattr__ = lazy_names(__name__, {"RewardListView": "pos_app.ui.rewards.view"})

__all__ = ["RewardListModel", "RewardListView", "RewardRole", "format_short_date"]
