"""The rewards waiting for a customer: the list (model, painted rows, view) and the
confirmation dialog of a hand-over."""

from pos_app.ui.rewards.model import RewardListModel, RewardRole, format_short_date
from pos_app.ui.rewards.view import RewardListView

__all__ = ["RewardListModel", "RewardListView", "RewardRole", "format_short_date"]
