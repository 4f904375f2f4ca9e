"""Pickup slips on paper: drawn with QPainter for 80 mm receipt paper and for A4.

The content comes from :class:`~pos_app.services.slips.PickupSlip`. Everything is laid out
in millimetres converted to the device's own resolution, so the same code draws the
screen preview, a PDF and a printer page; QR codes are vector rectangles snapped to whole
device pixels, sharp at any resolution. :func:`save_slip_pdf` writes a PDF (Qt's PDF
printer), :func:`print_slip` draws on a configured :class:`QPrinter`.

A receipt is one page exactly as long as its content (receipt printers cut where the page
ends); an A4 slip continues on further pages when a hand-over has many rewards.

Size: one module past 600 lines because it is one drawing path: the blocks a slip is made
of, the paged drawing that lays them out, and the page and printer set-up they are drawn
on are used only together (the preview, the PDF and the printer take the same route), and
the pick list and the scanner test sheet reuse its page helpers as they are.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from pos_app.services.receipt_printer import ReceiptPaper, ReceiptText
from pos_app.services.settings import SlipPaper
from pos_app.services.slips import PickupSlip, qr_matrix
from pos_app.ui.dialogs.pin_entry import format_clock_time
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.rewards import format_short_date

log = logging.getLogger(__name__)

T = TypeVar("T")


#: The formats a slip is drawn in are the papers the ``slip_paper`` setting names (the
#: enum lives in the settings: services cannot import Qt).
SlipFormat = SlipPaper


RECEIPT_WIDTH_MM = 80.0
#: Most 80 mm printers print 72 mm wide: 4 mm each side stays blank.
RECEIPT_MARGIN_MM = 4.0
# What receipt printers print of each paper width: 72 mm of 80, 48 mm of 58.
RECEIPT_PRINTED_MM = {80.0: 72.0, 58.0: 48.0}
A4_MARGIN_MM = 18.0
#: QR side including its quiet zone (4 modules each side): about 1 mm per module.
RECEIPT_QR_MM = 30.0
A4_QR_MM = 34.0
QR_QUIET_MODULES = 4
#: The printable area of receipt printers starts a little below the cut.
RECEIPT_TOP_MM = 3.0
RECEIPT_BOTTOM_MM = 8.0
_INK = QColor("#000000")


@dataclass(frozen=True)
class QrBox:
    """Where a QR code was drawn: the symbol without quiet zone, in device pixels."""

    page: int
    reference: str
    rect: QRectF
    modules: int


@dataclass
class SlipLayout:
    """The outcome of drawing a slip (or measuring it)."""

    #: Height of the content in millimetres (for a receipt: the page length).
    height_mm: float
    pages: int
    qr_boxes: list[QrBox] = field(default_factory=list)


# -- drawing ---------------------------------------------------------------------------------


class _Block:
    height = 0.0

    def paint(self, painter: QPainter, x: float, y: float, layout: SlipLayout) -> None:
        raise NotImplementedError


class _Space(_Block):
    def __init__(self, height: float) -> None:
        self.height = height

    def paint(self, painter: QPainter, x: float, y: float, layout: SlipLayout) -> None:
        pass


class _Text(_Block):
    def __init__(
        self,
        device: QPaintDevice,
        text: str,
        font: QFont,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        space_after: float = 0.0,
    ) -> None:
        self.text = text
        self.font = font
        self.width = width
        self.flags = int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        metrics = QFontMetricsF(font, device)
        bounds = metrics.boundingRect(QRectF(0, 0, width, 1e6), self.flags, text)
        self.text_height = max(bounds.height(), metrics.height())
        self.height = self.text_height + space_after

    def paint(self, painter: QPainter, x: float, y: float, layout: SlipLayout) -> None:
        painter.setFont(self.font)
        painter.setPen(_INK)
        painter.drawText(QRectF(x, y, self.width, self.text_height), self.flags, self.text)


class _Rule(_Block):
    def __init__(self, width: float, line: float, space: float, *, dashed: bool) -> None:
        self.width = width
        self.line = line
        self.space = space
        self.dashed = dashed
        self.height = 2 * space + line

    def paint(self, painter: QPainter, x: float, y: float, layout: SlipLayout) -> None:
        pen = QPen(_INK, self.line)
        if self.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        middle = y + self.space + self.line / 2
        painter.drawLine(QPointF(x, middle), QPointF(x + self.width, middle))


def _paint_qr(
    painter: QPainter, reference: str, x: float, y: float, side: float, page: int
) -> QrBox:
    matrix = qr_matrix(reference)
    count = len(matrix)
    # Whole device pixels per module: no module is a pixel wider than its neighbour.
    module = float(max(1, int(side / (count + 2 * QR_QUIET_MODULES))))
    left = round(x + (side - module * (count + 2 * QR_QUIET_MODULES)) / 2)
    top = round(y + (side - module * (count + 2 * QR_QUIET_MODULES)) / 2)
    origin_x = left + QR_QUIET_MODULES * module
    origin_y = top + QR_QUIET_MODULES * module
    path = QPainterPath()
    for row, modules in enumerate(matrix):
        column = 0
        while column < count:
            if not modules[column]:
                column += 1
                continue
            start = column
            while column < count and modules[column]:
                column += 1
            path.addRect(
                QRectF(origin_x + start * module, origin_y + row * module,
                       (column - start) * module, module)
            )  # fmt: skip
    # One filled path, not a rectangle per module: PDF viewers draw no seams inside it.
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillPath(path, _INK)
    painter.restore()
    return QrBox(
        page=page,
        reference=reference,
        rect=QRectF(origin_x, origin_y, count * module, count * module),
        modules=count,
    )


class _Qr(_Block):
    def __init__(self, reference: str, side: float, width: float, space_after: float) -> None:
        self.reference = reference
        self.side = side
        self.width = width
        self.height = side + space_after

    def paint(self, painter: QPainter, x: float, y: float, layout: SlipLayout) -> None:
        left = x + (self.width - self.side) / 2
        layout.qr_boxes.append(
            _paint_qr(painter, self.reference, left, y, self.side, layout.pages - 1)
        )


class _ItemRow(_Block):
    """A4: what the code is for and the code on the left, its QR code on the right."""

    def __init__(
        self,
        device: QPaintDevice,
        title: _Text,
        reference: _Text,
        qr_side: float,
        width: float,
        space: float,
    ) -> None:
        self.title = title
        self.reference_text = reference
        self.reference = reference.text.replace(" ", "")
        self.qr_side = qr_side
        self.width = width
        self.space = space
        text = title.height + reference.height
        self.height = max(text, qr_side) + space

    def paint(self, painter: QPainter, x: float, y: float, layout: SlipLayout) -> None:
        text_height = self.title.height + self.reference_text.height
        top = y + max(0.0, (self.qr_side - text_height) / 2)
        self.title.paint(painter, x, top, layout)
        self.reference_text.paint(painter, x, top + self.title.height, layout)
        qr_left = x + self.width - self.qr_side
        layout.qr_boxes.append(
            _paint_qr(painter, self.reference, qr_left, y, self.qr_side, layout.pages - 1)
        )


def _font(points: float, *, bold: bool = False, mono: bool = False) -> QFont:
    if mono:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    else:
        font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
    font.setPointSizeF(points)
    font.setBold(bold)
    # Printers and PDFs must not get the screen's hinting: text width would differ.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _when(slip: PickupSlip) -> str:
    return _tr("{date}, {time}").format(
        date=format_short_date(slip.handed_over_at),
        time=format_clock_time(slip.handed_over_at),
    )


def _kind(slip: PickupSlip) -> str:
    return _tr("Pickup slip — reprint") if slip.reprint else _tr("Pickup slip")


def _people(slip: PickupSlip) -> list[str]:
    lines = [_tr("Customer: {customer}").format(customer=slip.customer)]
    if slip.staff_name:
        lines.append(_tr("Handed over by: {staff}").format(staff=slip.staff_name))
    return lines


def receipt_text(slip: PickupSlip) -> ReceiptText:
    """The lines of the slip on a receipt, in the app's language: what the drawn receipt
    shows and an ESC/POS printer prints."""
    return ReceiptText(
        shop=slip.shop_name,
        kind=_kind(slip).upper(),
        when=_when(slip),
        counter=_tr("Counter: {counter}").format(counter=slip.counter),
        people=tuple(_people(slip)),
        items=tuple(item.title for item in slip.items),
        code=slip.code,
        note=_tr("Keep this slip. If you bring an item back, bring the slip too."),
    )


def receipt_paper_mm(paper: ReceiptPaper) -> float:
    """The width of an ESC/POS printer's paper, which its receipts are drawn on."""
    return 58.0 if paper is ReceiptPaper.MM58 else RECEIPT_WIDTH_MM


class _PagedDrawing:
    """A document laid out for one device as blocks top to bottom, which A4 breaks into
    pages (repeating the ``continuation`` blocks at the top of each further page)."""

    blocks: list[_Block]
    continuation: list[_Block]
    #: In device pixels: the space above and below the blocks, and left of them.
    top: float
    bottom: float
    margin_x: float

    def height_mm(self) -> float:
        raise NotImplementedError

    def paint(
        self,
        painter: QPainter,
        *,
        page_height: float | None = None,
        new_page: Callable[[], object] | None = None,
        only_page: int | None = None,
    ) -> SlipLayout:
        """Draw the blocks top to bottom; a block that does not fit starts a new page.

        ``only_page`` draws that page alone (an image holds one page), laying out the rest.
        """
        layout = SlipLayout(height_mm=self.height_mm(), pages=1)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        y = self.top
        for block in self.blocks:
            fits = page_height is None or y + block.height <= page_height - self.bottom
            if not fits and y > self.top:
                layout.pages += 1
                y = self.top
                if new_page is not None:
                    new_page()
                for header in self.continuation:
                    if only_page is None or layout.pages - 1 == only_page:
                        header.paint(painter, self.margin_x, y, layout)
                    y += header.height
            if only_page is None or layout.pages - 1 == only_page:
                block.paint(painter, self.margin_x, y, layout)
            y += block.height
        return layout


class _SlipDrawing(_PagedDrawing):
    """Lays a slip out for one device; measures it or paints it (a receipt on paper
    ``receipt_mm`` wide)."""

    def __init__(
        self,
        slip: PickupSlip,
        fmt: SlipFormat,
        device: QPaintDevice,
        receipt_mm: float = RECEIPT_WIDTH_MM,
    ) -> None:
        self.slip = slip
        self.fmt = fmt
        self.device = device
        self.px_x = device.logicalDpiX() / 25.4
        self.px_y = device.logicalDpiY() / 25.4
        if fmt is SlipFormat.RECEIPT:
            printed = RECEIPT_PRINTED_MM.get(receipt_mm, receipt_mm - 2 * RECEIPT_MARGIN_MM)
            self.margin_x = (receipt_mm - printed) / 2 * self.px_x
            self.top = RECEIPT_TOP_MM * self.px_y
            self.bottom = RECEIPT_BOTTOM_MM * self.px_y
            self.width = printed * self.px_x
            self.blocks = self._receipt()
        else:
            self.margin_x = A4_MARGIN_MM * self.px_x
            self.top = A4_MARGIN_MM * self.px_y
            self.bottom = A4_MARGIN_MM * self.px_y
            self.width = (210.0 - 2 * A4_MARGIN_MM) * self.px_x
            self.blocks = self._a4()
        self.continuation = self._continuation() if fmt is SlipFormat.A4 else []

    def mm(self, value: float) -> float:
        return value * self.px_y

    def _text(
        self,
        text: str,
        font: QFont,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        after: float = 0.0,
        width: float | None = None,
    ) -> _Text:
        return _Text(
            self.device, text, font, width or self.width, align, space_after=self.mm(after)
        )

    def _kind(self) -> str:
        return _kind(self.slip)

    def texts(self) -> list[str]:
        """The text of every line drawn, top to bottom."""
        found: list[str] = []
        for block in self.blocks:
            if isinstance(block, _Text):
                found.append(block.text)
            elif isinstance(block, _ItemRow):
                found += [block.title.text, block.reference_text.text]
        return found

    def _people(self) -> list[str]:
        return _people(self.slip)

    def _receipt(self) -> list[_Block]:
        center = Qt.AlignmentFlag.AlignHCenter
        text = receipt_text(self.slip)
        blocks: list[_Block] = [
            self._text(text.shop, _font(13, bold=True), align=center, after=1),
            self._text(text.kind, _font(9, bold=True), align=center, after=1),
            self._text(text.when, _font(9), align=center),
            self._text(text.counter, _font(9), align=center),
            _Rule(self.width, self.mm(0.3), self.mm(2.5), dashed=True),
        ]
        blocks += [self._text(line, _font(9)) for line in text.people]
        blocks.append(_Rule(self.width, self.mm(0.3), self.mm(2.5), dashed=True))
        for title in text.items:
            blocks.append(self._text(title, _font(11, bold=True), after=1.5))
        # One code for the whole hand-over.
        blocks.append(_Rule(self.width, self.mm(0.3), self.mm(2.5), dashed=True))
        blocks.append(_Qr(text.code, self.mm(RECEIPT_QR_MM), self.width, self.mm(1)))
        blocks.append(self._text(text.code, _font(12, bold=True, mono=True), align=center))
        blocks.append(_Rule(self.width, self.mm(0.3), self.mm(2.5), dashed=True))
        blocks.append(self._text(text.note, _font(8), align=center))
        return blocks

    def _a4(self) -> list[_Block]:
        slip = self.slip
        blocks: list[_Block] = [
            self._text(slip.shop_name, _font(20, bold=True), after=1),
            self._text(self._kind(), _font(13), after=3),
            self._text(
                _tr("{when} · Counter: {counter}").format(when=_when(slip), counter=slip.counter),
                _font(10),
                after=1,
            ),
        ]
        blocks += [self._text(line, _font(10), after=0.5) for line in self._people()]
        blocks.append(_Rule(self.width, self.mm(0.4), self.mm(4), dashed=False))
        qr = self.mm(A4_QR_MM)
        text_width = self.width - qr - self.mm(8)
        for n, item in enumerate(slip.items):
            if n:
                blocks.append(_Rule(self.width, self.mm(0.2), self.mm(2), dashed=False))
            blocks.append(self._text(item.title, _font(13, bold=True), after=1))
        blocks.append(_Rule(self.width, self.mm(0.4), self.mm(4), dashed=False))
        # One code for the whole hand-over, beside what it is for.
        count = len(slip.items)
        if count == 1:
            label_text = _tr("Code for this reward")
        else:
            # The plural form comes from the language's catalogue; English has none, and
            # "%n" alone needs no fixing up.
            label_text = _tr("Code for these %n rewards", None, count)
        label = self._text(label_text, _font(11), after=2, width=text_width)
        code = self._text(slip.code, _font(15, bold=True, mono=True), width=text_width)
        blocks.append(_ItemRow(self.device, label, code, qr, self.width, self.mm(2)))
        blocks.append(_Rule(self.width, self.mm(0.4), self.mm(4), dashed=False))
        blocks.append(
            self._text(
                _tr(
                    "Keep this slip. If you bring an item back, bring the slip too: the code "
                    "finds your pickup at the counter."
                ),
                _font(9),
            )
        )
        return blocks

    def _continuation(self) -> list[_Block]:
        """Heads every further A4 page: a page that gets separated still says whose it is."""
        text = _tr("{shop} · Pickup slip · {when} · {customer} (continued)").format(
            shop=self.slip.shop_name, when=_when(self.slip), customer=self.slip.customer
        )
        return [
            self._text(text, _font(9)),
            _Rule(self.width, self.mm(0.4), self.mm(3), dashed=False),
        ]

    def content_height(self) -> float:
        return self.top + sum(block.height for block in self.blocks) + self.bottom

    def height_mm(self) -> float:
        return self.content_height() / self.px_y


# -- devices ---------------------------------------------------------------------------------


def receipt_page_size(height_mm: float, width_mm: float = RECEIPT_WIDTH_MM) -> QPageSize:
    return QPageSize(
        QSizeF(width_mm, round(height_mm + 0.5, 1)),
        QPageSize.Unit.Millimeter,
        f"Receipt {width_mm:g} mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def set_up_page(
    printer: QPrinter,
    fmt: SlipFormat,
    doc_name: str,
    receipt_height_mm: Callable[[], float],
    receipt_mm: float = RECEIPT_WIDTH_MM,
) -> None:
    """Set ``printer``'s page for ``fmt``: a receipt as long as ``receipt_height_mm()``
    (asked only for a receipt), or A4; portrait, the whole sheet, no margins."""
    if fmt is SlipFormat.RECEIPT:
        printer.setPageSize(receipt_page_size(receipt_height_mm(), receipt_mm))
    else:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    # The drawing keeps its own margins, measured from the paper's edge.
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setDocName(doc_name)


@contextmanager
def painting(printer: QPrinter) -> Iterator[QPainter]:
    """A painter on ``printer``, ended afterwards; OSError when the printer will not start."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_tr("The printer could not be started."))
    try:
        yield painter
    finally:
        painter.end()


def page_height_px(printer: QPrinter, fmt: SlipFormat) -> float | None:
    """Where a drawing on ``printer`` starts a new page: A4's height; never on a receipt."""
    if fmt is SlipFormat.RECEIPT:
        return None
    return float(printer.pageLayout().fullRectPixels(printer.resolution()).height())


def write_pdf(path: Path, draw: Callable[[QPrinter], T]) -> T:
    """Write what ``draw`` draws on Qt's PDF printer to ``path``; OSError when it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("Pickup Counter")
    drawn = draw(printer)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(_tr("The PDF could not be written to {path}.").format(path=path))
    return drawn


def measuring_image(dpi: float) -> QImage:
    """A one-pixel image at ``dpi``: a drawing laid out on it measures as on the page."""
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_meter = round(dpi / 0.0254)
    probe.setDotsPerMeterX(dots_per_meter)
    probe.setDotsPerMeterY(dots_per_meter)
    return probe


def blank_page(
    fmt: SlipFormat, receipt_height_mm: float, dpi: float, receipt_mm: float = RECEIPT_WIDTH_MM
) -> QImage:
    """A white page at ``dpi``: a receipt ``receipt_height_mm`` long, or A4."""
    if fmt is SlipFormat.RECEIPT:
        size_mm = QSizeF(receipt_mm, receipt_height_mm)
    else:
        size_mm = QSizeF(210.0, 297.0)
    image = QImage(
        round(size_mm.width() / 25.4 * dpi),
        round(size_mm.height() / 25.4 * dpi),
        QImage.Format.Format_RGB32,
    )
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    image.fill(Qt.GlobalColor.white)
    return image


def prepare_printer(
    printer: QPrinter, slip: PickupSlip, fmt: SlipFormat, receipt_mm: float = RECEIPT_WIDTH_MM
) -> None:
    set_up_page(
        printer,
        fmt,
        _tr("Pickup slip {ref}").format(ref=slip.code),
        lambda: _SlipDrawing(slip, fmt, printer, receipt_mm).height_mm(),
        receipt_mm,
    )


def print_slip(
    printer: QPrinter, slip: PickupSlip, fmt: SlipFormat, receipt_mm: float = RECEIPT_WIDTH_MM
) -> SlipLayout:
    """Draw the slip on ``printer`` (its page size is set for the format first)."""
    prepare_printer(printer, slip, fmt, receipt_mm)
    return paint_on_printer(printer, slip, fmt, receipt_mm)


def paint_on_printer(
    printer: QPrinter, slip: PickupSlip, fmt: SlipFormat, receipt_mm: float = RECEIPT_WIDTH_MM
) -> SlipLayout:
    drawing = _SlipDrawing(slip, fmt, printer, receipt_mm)
    with painting(printer) as painter:
        return drawing.paint(
            painter, page_height=page_height_px(printer, fmt), new_page=printer.newPage
        )


def save_slip_pdf(
    slip: PickupSlip, path: Path | str, fmt: SlipFormat, receipt_mm: float = RECEIPT_WIDTH_MM
) -> SlipLayout:
    """Write the slip as a PDF file (through Qt's PDF printer)."""
    return write_pdf(Path(path), lambda printer: print_slip(printer, slip, fmt, receipt_mm))


def render_slip_image(
    slip: PickupSlip,
    fmt: SlipFormat,
    *,
    dpi: float = 150.0,
    page: int = 0,
    receipt_mm: float = RECEIPT_WIDTH_MM,
) -> tuple[QImage, SlipLayout]:
    """The slip as an image at ``dpi`` (preview, tests): a receipt whole (on paper
    ``receipt_mm`` wide), A4 one page."""
    drawing = _SlipDrawing(slip, fmt, measuring_image(dpi), receipt_mm)
    image = blank_page(fmt, drawing.height_mm(), dpi, receipt_mm)
    painter = QPainter(image)
    try:
        layout = drawing.paint(
            painter,
            page_height=None if fmt is SlipFormat.RECEIPT else float(image.height()),
            only_page=page,
        )
    finally:
        painter.end()
    layout.qr_boxes = [box for box in layout.qr_boxes if box.page == page]
    return image, layout


def slip_texts(slip: PickupSlip, fmt: SlipFormat) -> list[str]:
    """The lines of text the slip prints, top to bottom (for tests and read-back)."""
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    return _SlipDrawing(slip, fmt, probe).texts()


def safe_file_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "slip"
