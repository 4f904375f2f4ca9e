"""A report as an A4 PDF: heading, the two bar charts, the tables, the sync line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from pos_app.services.reports import Report
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.reports.bar_chart import AXIS_COLOR, TEXT_COLOR, paint_bar_chart
from pos_app.ui.managers.reports.words import (
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

__all__ = ["save_report_pdf"]

_DPI = 300
_MARGIN_MM = 15


class _Pages:
    """Writes lines and blocks down the page, starting a new page when one is full."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.area = QRectF(painter.viewport())
        self.y = self.area.top()
        self.font = QFont("Helvetica")
        self.font.setPointSizeF(10)

    def mm(self, value: float) -> float:
        return value * _DPI / 25.4

    def room(self, height: float) -> None:
        if self.y + height > self.area.bottom():
            self.writer.newPage()
            self.y = self.area.top()

    def text(self, text: str, *, size: float = 10, bold: bool = False, space: float = 1.5) -> None:
        font = QFont(self.font)
        font.setPointSizeF(size)
        font.setBold(bold)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        height = (
            QFontMetricsF(font, self.writer)
            .boundingRect(QRectF(0, 0, self.area.width(), self.area.height()), flags, text)
            .height()
        )
        self.room(height)
        self.painter.setFont(font)
        self.painter.setPen(TEXT_COLOR)
        self.painter.drawText(
            QRectF(self.area.left(), self.y, self.area.width(), height), flags, text
        )
        self.y += height + self.mm(space)

    def chart(
        self, title: str, bars: list[tuple[str, int]], height_mm: float, *, horizontal: bool = False
    ) -> None:
        height = self.mm(height_mm)
        self.room(height)
        paint_bar_chart(
            self.painter,
            QRectF(self.area.left(), self.y, self.area.width(), height),
            title,
            bars,
            self._font_for_device(),
            horizontal=horizontal,
            empty_text=_tr("No hand-overs in this period."),
        )
        self.y += height + self.mm(4)

    def _font_for_device(self) -> QFont:
        font = QFont(self.font)
        font.setPointSizeF(8)
        return font

    def table(
        self, title: str, headers: list[str], rows: list[list[str]], widths: list[float]
    ) -> None:
        self.text(title, size=11, bold=True, space=1)
        font = QFont(self.font)
        font.setPointSizeF(9)
        metrics = QFontMetricsF(font, self.writer)
        line = metrics.height() * 1.25
        total = sum(widths)
        columns = [self.area.width() * width / total for width in widths]

        # A cell too long for its column wraps onto more lines: a report on paper keeps
        # every word (the font the PDF gets differs from PC to PC, and so do widths).
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        padding = (line - metrics.height()) / 2

        def row(cells: list[str], *, bold: bool) -> None:
            cell_font = QFont(font)
            cell_font.setBold(bold)
            cell_metrics = QFontMetricsF(cell_font, self.writer)
            boxes = [QRectF(0, 0, width - self.mm(1.5), self.area.height()) for width in columns]
            height = max(
                line,
                *(
                    cell_metrics.boundingRect(box, flags, cell).height() + 2 * padding
                    for cell, box in zip(cells, boxes, strict=True)
                ),
            )
            self.room(height)
            self.painter.setFont(cell_font)
            self.painter.setPen(TEXT_COLOR)
            x = self.area.left()
            for cell, width in zip(cells, columns, strict=True):
                self.painter.drawText(
                    QRectF(x, self.y + padding, width - self.mm(1.5), height), flags, cell
                )
                x += width
            self.y += height

        row(headers, bold=True)
        self.painter.setPen(AXIS_COLOR)
        self.painter.drawLine(
            int(self.area.left()), int(self.y), int(self.area.right()), int(self.y)
        )
        for cells in rows:
            row(cells, bold=False)
        if not rows:
            row([_tr("None in this period.")] + [""] * (len(headers) - 1), bold=False)
        self.y += self.mm(4)


def save_report_pdf(report: Report, path: Path, *, now: datetime) -> None:
    """Write ``report`` as an A4 PDF at ``path``; raises OSError when it cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(_DPI)
    writer.setCreator("Pickup Counter")
    writer.setTitle(_tr("Report {period}").format(period=period_heading(report.period)))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_tr("The PDF could not be written to {path}.").format(path=path))
    try:
        pages = _Pages(writer, painter)
        pages.text(_tr("Report"), size=9)
        pages.text(period_heading(report.period), size=16, bold=True)
        pages.text(source_text(report), size=10)
        pages.text(summary_text(report), size=13, bold=True, space=4)
        pages.chart(
            _tr("Hand-overs per hour"),
            [(f"{hour:02d}", n) for hour, n in enumerate(report.per_hour)],
            60,
        )
        staff = [(staff_name(line.name), line.handovers) for line in report.per_staff]
        pages.chart(
            _tr("Hand-overs per staff member"),
            staff,
            min(90.0, 14 + 8 * max(1, len(staff))),
            horizontal=True,
        )
        pages.table(_tr("Rewards handed out"), reward_headers(), reward_rows(report), [4, 1, 1])
        pages.table(
            _tr("Reversals"),
            reversal_headers(),
            [reversal_cells(line, report) for line in report.reversals],
            [1.1, 1.4, 2, 1.7, 2.6, 2, 1.8],
        )
        pages.text(sync_text(report, now), size=8)
    finally:
        painter.end()
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(_tr("The PDF could not be written to {path}.").format(path=path))
