"""A plain bar chart drawn with QPainter: one for the screen, the same drawing for the PDF.

QtCharts is not in PySide6-Essentials (the bundle stays small without the add-ons) and a
plotting library would add more to the bundle than these few bars need: a labelled bar per
value, its number on it, scaled to the largest.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from pos_app.ui.theme import ColorScheme

__all__ = ["Bar", "BarChart", "bar_rects", "paint_bar_chart"]

Bar = tuple[str, int]

BAR_COLOR = QColor("#1d3f8f")
AXIS_COLOR = QColor("#8a8a8a")
TEXT_COLOR = QColor("#1a1a1a")


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def chart_area(rect: QRectF, font: QFont, device: QPaintDevice) -> QRectF:
    """Where the bars go inside a chart's ``rect``: below its (bold) title."""
    return rect.adjusted(0, QFontMetricsF(_bold(font), device).height() * 1.3, 0, 0)


def _geometry(
    rect: QRectF, bars: Sequence[Bar], metrics: QFontMetricsF, *, horizontal: bool
) -> tuple[list[QRectF], list[QRectF]]:
    """Each bar's rectangle and its label's, inside ``rect`` (below the title)."""
    if not bars:
        return [], []
    line = metrics.height()
    largest = max(value for _, value in bars) or 1
    rects: list[QRectF] = []
    labels: list[QRectF] = []
    if horizontal:
        label_width = min(rect.width() * 0.4, max(metrics.horizontalAdvance(t) for t, _ in bars))
        value_width = metrics.horizontalAdvance(str(largest)) + line * 0.5
        room = rect.width() - label_width - line * 0.5 - value_width
        step = min(rect.height() / len(bars), line * 2.2)
        for index, (_, value) in enumerate(bars):
            top = rect.top() + index * step
            left = rect.left() + label_width + line * 0.5
            rects.append(QRectF(left, top + step * 0.15, room * value / largest, step * 0.7))
            labels.append(QRectF(rect.left(), top, label_width, step))
        return rects, labels
    bottom = rect.bottom() - line * 1.2
    room = bottom - rect.top() - line * 1.2
    step = rect.width() / len(bars)
    for index, (_, value) in enumerate(bars):
        left = rect.left() + index * step
        height = room * value / largest
        rects.append(QRectF(left + step * 0.15, bottom - height, step * 0.7, height))
        labels.append(QRectF(left, bottom + line * 0.1, step, line))
    return rects, labels


def bar_rects(
    rect: QRectF, bars: Sequence[Bar], font: QFont, device: QPaintDevice, *, horizontal: bool
) -> list[QRectF]:
    return _geometry(rect, bars, QFontMetricsF(font, device), horizontal=horizontal)[0]


def paint_bar_chart(
    painter: QPainter,
    rect: QRectF,
    title: str,
    bars: Sequence[Bar],
    font: QFont,
    *,
    horizontal: bool = False,
    empty_text: str = "",
) -> None:
    """Draw the chart's title, bars, labels and values inside ``rect``."""
    painter.save()
    device = painter.device()
    metrics = QFontMetricsF(font, device)
    painter.setFont(_bold(font))
    painter.setPen(TEXT_COLOR)
    line = QFontMetricsF(_bold(font), device).height()
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line), title)
    area = chart_area(rect, font, device)
    painter.setFont(font)
    if not bars or not any(value for _, value in bars):
        painter.setPen(ColorScheme.INACTIVE_TEXT)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, empty_text)
        painter.restore()
        return
    rects, labels = _geometry(area, bars, metrics, horizontal=horizontal)
    # Where the labels would crowd (24 hours on a narrow screen), every second or third.
    widest = max(metrics.horizontalAdvance(label) for label, _ in bars) + line * 0.3
    every = 1 if horizontal else max(1, int(-(-widest // max(labels[0].width(), 1.0))))
    painter.setPen(AXIS_COLOR)
    if horizontal:
        x = rects[0].left()
        painter.drawLine(int(x), int(area.top()), int(x), int(rects[-1].bottom()))
    else:
        y = rects[0].bottom()
        painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
    for index, ((label, value), bar, label_rect) in enumerate(
        zip(bars, rects, labels, strict=True)
    ):
        painter.fillRect(bar, BAR_COLOR)
        painter.setPen(TEXT_COLOR)
        if horizontal:
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_rect.width())
            painter.drawText(
                label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text
            )
            if value:
                painter.drawText(
                    QRectF(bar.right() + line * 0.3, bar.top(), area.right(), bar.height()),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    str(value),
                )
        else:
            if index % every == 0:
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignHCenter, label)
            if value:
                painter.drawText(
                    QRectF(label_rect.left(), bar.top() - line, label_rect.width(), line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(value),
                )
    painter.restore()


class BarChart(QWidget):
    """A titled bar chart of labelled counts (``horizontal``: a bar per line, for names)."""

    def __init__(
        self, title: str, parent: QWidget | None = None, *, horizontal: bool = False
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: list[Bar] = []
        self._horizontal = horizontal
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = list(bars)
        self.setAccessibleDescription(", ".join(f"{label}: {value}" for label, value in bars))
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def _area(self) -> QRectF:
        return chart_area(QRectF(self.rect()).adjusted(4, 4, -4, -4), self.font(), self)

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (for tests and tooltips)."""
        return bar_rects(self._area(), self._bars, self.font(), self, horizontal=self._horizontal)

    def sizeHint(self) -> QSize:
        return QSize(360, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), ColorScheme.PAPER)
        paint_bar_chart(
            painter,
            QRectF(self.rect()).adjusted(4, 4, -4, -4),
            self._title,
            self._bars,
            self.font(),
            horizontal=self._horizontal,
            empty_text=self._empty_text,
        )
        painter.end()
