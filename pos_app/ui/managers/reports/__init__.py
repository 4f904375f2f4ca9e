"""Manager reports: a day's or a week's hand-overs, rewards and reversals at a glance."""

from pos_app.ui.managers.reports.bar_chart import BarChart
from pos_app.ui.managers.reports.dialog import ReportsDialog
from pos_app.ui.managers.reports.entry import ReportsEntry

__all__ = ["BarChart", "ReportsDialog", "ReportsEntry"]
