"""The Reports page: a period, its hand-overs as bars, rewards and reversals as tables.

The figures come from a loader (this counter's journal, or the shop's shared journal; see
:mod:`.entry`); exporting writes what is shown, as CSV or PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.reports import Report, ReportPeriod, report_csv
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.reports.bar_chart import BarChart
from pos_app.ui.managers.reports.pdf import save_report_pdf
from pos_app.ui.managers.reports.words import (
    csv_words,
    day_format,
    period_heading,
    reversal_cells,
    reversal_headers,
    reward_headers,
    reward_rows,
    source_text,
    staff_name,
    summary_text,
    sync_text,
)
from pos_app.ui.theme import TextSize, scaled_font

__all__ = ["ReportLoader", "ReportsDialog"]

ReportLoader = Callable[[ReportPeriod], Coroutine[Any, Any, Report]]

_LOAD = "report"


def _table(
    parent: QWidget, headers: list[str], name: str, *, stretch: tuple[int, ...] = ()
) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # The columns of free text share what is left, so that a long reason or note is cut
    # short (its cell's tooltip shows it whole) rather than pushing the others out of view.
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], *, numbers: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if col in numbers:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, col, item)


class ReportsDialog(QDialog):
    """A manager's report of a day or a week (``objectName`` ``reportsDialog``).

    :attr:`report` is the report shown (None while the first one loads).
    """

    TODAY, A_DAY, THIS_WEEK, A_WEEK = range(4)

    def __init__(
        self,
        load: ReportLoader,
        *,
        today: Callable[[], date],
        tz: tzinfo,
        file_dialogs: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsDialog")
        self.setWindowTitle(_tr("Reports"))
        self._load = load
        self._today = today
        self._tz = tz
        self.tasks = TaskOwner()
        self.report: Report | None = None

        layout = QVBoxLayout(self)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(_tr("Period:"), self))
        self.period_choice = QComboBox(self)
        self.period_choice.setObjectName("reportPeriod")
        self.period_choice.addItems([_tr("Today"), _tr("A day"), _tr("This week"), _tr("A week")])
        choose.addWidget(self.period_choice)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("reportDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(f"ddd {day_format(QLocale())} MMM yyyy")
        choose.addWidget(self.date_edit)
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        choose.addWidget(self.status, 1)
        layout.addLayout(choose)

        self.heading = QLabel(self)
        self.heading.setObjectName("reportHeading")
        self.heading.setFont(scaled_font(self.heading.font(), TextSize.PAGE_TITLE, bold=True))
        self.source = QLabel(self)
        self.source.setObjectName("reportSource")
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.source)
        layout.addLayout(heading_row)
        self.summary = QLabel(self)
        self.summary.setObjectName("reportSummary")
        self.summary.setFont(scaled_font(self.summary.font(), TextSize.DIALOG_QUESTION, bold=True))
        layout.addWidget(self.summary)

        grid = QGridLayout()
        self.per_hour_chart = BarChart(_tr("Hand-overs per hour"), self)
        self.per_staff_chart = BarChart(_tr("Hand-overs per staff member"), self, horizontal=True)
        for chart in (self.per_hour_chart, self.per_staff_chart):
            chart.set_empty_text(_tr("No hand-overs in this period."))
        grid.addWidget(self.per_hour_chart, 0, 0)
        grid.addWidget(self.per_staff_chart, 0, 1)
        self.rewards_label = QLabel(_tr("Rewards handed out"), self)
        self.reversals_label = QLabel(_tr("Reversals"), self)
        for label in (self.rewards_label, self.reversals_label):
            label.setFont(scaled_font(label.font(), 1.0, bold=True))
        grid.addWidget(self.rewards_label, 1, 0)
        grid.addWidget(self.reversals_label, 1, 1)
        self.rewards_table = _table(self, reward_headers(), "reportRewards", stretch=(0,))
        self.reversals_table = _table(self, reversal_headers(), "reportReversals", stretch=(4, 5))
        grid.addWidget(self.rewards_table, 2, 0)
        grid.addWidget(self.reversals_table, 2, 1)
        # The reversals have seven columns, the rewards three: the reversals get more room.
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 5)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(2, 2)
        layout.addLayout(grid, 1)

        self.sync = QLabel(self)
        self.sync.setObjectName("reportSync")
        self.sync.setWordWrap(True)
        layout.addWidget(self.sync)

        buttons = QHBoxLayout()
        self.csv_button = QPushButton(_tr("Export CSV…"), self)
        self.csv_button.setObjectName("reportCsvButton")
        self.pdf_button = QPushButton(_tr("Export PDF…"), self)
        self.pdf_button.setObjectName("reportPdfButton")
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
            button.setVisible(file_dialogs)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(_tr("Close"), self)
        close.setObjectName("reportCloseButton")
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button.clicked.connect(self._ask_pdf)

        self._set_date(self._today())
        self.date_edit.setEnabled(False)
        self.period_choice.currentIndexChanged.connect(self._on_choice)
        self.date_edit.dateChanged.connect(lambda _day: self.refresh())
        self.resize(1000, 680)
        self.refresh()

    def _set_date(self, day: date) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)

    def _on_choice(self, index: int) -> None:
        self.date_edit.setEnabled(index in (self.A_DAY, self.A_WEEK))
        if index in (self.TODAY, self.THIS_WEEK):
            self._set_date(self._today())
        self.refresh()

    def choose_period(self, choice: int, day: date | None = None) -> None:
        """Choose a period as a manager would: today, this week, or a day or week of ``day``."""
        self.period_choice.blockSignals(True)
        self.period_choice.setCurrentIndex(choice)
        self.period_choice.blockSignals(False)
        self._on_choice(choice)
        if day is not None:
            self._set_date(day)
            self.refresh()

    def period(self) -> ReportPeriod:
        chosen = self.date_edit.date().toPython()
        assert isinstance(chosen, date)
        if self.period_choice.currentIndex() in (self.THIS_WEEK, self.A_WEEK):
            return ReportPeriod.week(chosen)
        return ReportPeriod.day(chosen)

    def refresh(self) -> None:
        period = self.period()
        if period.is_week:
            self._set_date(period.first_day)
        self.status.setText(_tr("Loading…"))
        self.tasks.op(self._load(period), key=_LOAD).success(self.show_report).failure(
            self._failed
        ).run()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(_tr("The report could not be made: {reason}").format(reason=exc))

    def show_report(self, report: Report) -> None:
        self.report = report
        self.status.setText("")
        self.heading.setText(period_heading(report.period))
        self.source.setText(source_text(report))
        self.summary.setText(summary_text(report))
        self.per_hour_chart.set_bars([(f"{hour:02d}", n) for hour, n in enumerate(report.per_hour)])
        self.per_staff_chart.set_bars(
            [(staff_name(line.name), line.handovers) for line in report.per_staff]
        )
        rows = reward_rows(report)
        _fill(self.rewards_table, rows, numbers=(1, 2))
        if rows:
            for col in range(self.rewards_table.columnCount()):
                item = self.rewards_table.item(len(rows) - 1, col)
                if item is not None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        _fill(self.reversals_table, [reversal_cells(line, report) for line in report.reversals])
        self.sync.setText(sync_text(report, datetime.now(self._tz)))
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)

    def _file_name(self, suffix: str) -> str:
        assert self.report is not None
        period = self.report.period
        name = f"report-{period.first_day.isoformat()}"
        if period.is_week:
            name += "-week"
        return f"{name}.{suffix}"

    def _ask(self, suffix: str, kind: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self, _tr("Export report"), str(Path(folder) / self._file_name(suffix)), kind
        )
        return Path(chosen) if chosen else None

    def _ask_csv(self) -> None:
        path = self._ask("csv", _tr("CSV files (*.csv)"))
        if path is not None:
            self._saved(lambda: self.export_csv(path))

    def _ask_pdf(self) -> None:
        path = self._ask("pdf", _tr("PDF files (*.pdf)"))
        if path is not None:
            self._saved(lambda: self.export_pdf(path))

    def _saved(self, export: Callable[[], Path]) -> None:
        try:
            path = export()
        except OSError as exc:
            self.status.setText(
                _tr("The report could not be saved: {reason}").format(reason=exc.strerror or exc)
            )
            return
        self.status.setText(_tr("Saved to {path}").format(path=path))

    def export_csv(self, path: Path) -> Path:
        """Write the report shown as CSV (UTF-8 with a BOM, which spreadsheets read)."""
        assert self.report is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report_csv(self.report, csv_words()), encoding="utf-8-sig", newline="")
        return path

    def export_pdf(self, path: Path) -> Path:
        """Write the report shown as an A4 PDF: the same charts and tables."""
        assert self.report is not None
        save_report_pdf(self.report, path, now=datetime.now(self._tz))
        return path

    def done(self, result: int) -> None:
        self.tasks.cancel(_LOAD)
        super().done(result)
