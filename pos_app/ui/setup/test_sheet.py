"""The scanner check's test codes on paper, for laser scanners, which read no screen.

Printed where the counter prints its slips: on the ESC/POS receipt printer when one is set
(the printer draws the Code 128 itself, :func:`~pos_app.services.receipt_printer.
print_scanner_sheet`), else through the system's print dialog on the counter's slip
printer and paper (or another printer, or a PDF file), drawn here with the same bars and
modules as the scanner page shows.
"""

from __future__ import annotations

import asyncio
import math

import barcode
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPaintDevice, QPainter
from PySide6.QtPrintSupport import QPrinter

from pos_app.services.receipt_printer import ScannerSheetText, print_scanner_sheet
from pos_app.services.scanner_check import TEST_CODE
from pos_app.services.settings import SlipPaper
from pos_app.services.slips import qr_matrix
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.slips.paper import (
    A4_MARGIN_MM,
    RECEIPT_MARGIN_MM,
    RECEIPT_WIDTH_MM,
    painting,
    set_up_page,
)
from pos_app.ui.slips.receipt import ReceiptTarget

# A receipt's length for the sheet: title, note, barcode, code and QR code.
RECEIPT_SHEET_MM = 80.0
# Bars a little wider than a receipt printer's thinnest; the QR code's modules.
BAR_MM = 0.27
QR_MODULE_MM = 0.6
BAR_HEIGHT_MM = 15.0
QUIET_MODULES = 10


def sheet_text() -> ScannerSheetText:
    """What the sheet says, in the app's language."""
    return ScannerSheetText(
        title=_tr("SCANNER TEST"),
        note=_tr(
            "Scan these codes with this counter's scanner on the Test the scanner page. "
            "This is no customer's code."
        ),
        code=TEST_CODE,
    )


async def print_on_receipt_printer(target: ReceiptTarget) -> str:
    """The test codes on the receipt printer (on a worker thread); returns its name.

    Raises :class:`~pos_app.services.receipt_printer.ReceiptPrinterError`.
    """
    text = sheet_text()  # in the UI thread: the translations are Qt's
    await asyncio.to_thread(
        print_scanner_sheet, target.address, text, target.paper, native_qr=target.native_qr
    )
    return target.describe()


def _page_mm(paper: SlipPaper) -> tuple[float, float, float]:
    """Width, height and side margin of the page, in millimetres."""
    if paper is SlipPaper.RECEIPT:
        return RECEIPT_WIDTH_MM, RECEIPT_SHEET_MM, RECEIPT_MARGIN_MM
    return 210.0, 297.0, A4_MARGIN_MM


def paint_sheet(painter: QPainter, device: QPaintDevice, paper: SlipPaper) -> None:
    """Draw the sheet on ``device`` (a printer's page or a picture), from its top left.

    Bars and modules are whole device dots, as on the scanner page: sharp edges.
    """
    width_mm, _height_mm, margin_mm = _page_mm(paper)
    px_x = device.logicalDpiX() / 25.4
    px_y = device.logicalDpiY() / 25.4
    left = margin_mm * px_x
    inner = (width_mm - 2 * margin_mm) * px_x
    y = (3.0 if paper is SlipPaper.RECEIPT else A4_MARGIN_MM) * px_y
    text = sheet_text()
    painter.setPen(Qt.GlobalColor.black)
    title = QFont()
    title.setPointSizeF(12)
    title.setBold(True)
    note = QFont()
    note.setPointSizeF(8 if paper is SlipPaper.RECEIPT else 10)
    for font, value in ((title, text.title), (note, text.note)):
        painter.setFont(font)
        box = painter.boundingRect(QRectF(left, y, inner, 1000), Qt.TextFlag.TextWordWrap, value)
        painter.drawText(box, Qt.TextFlag.TextWordWrap, value)
        y = box.bottom() + 2 * px_y
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.black)
    modules: str = barcode.Code128(text.code).build()[0]
    fit = inner / (len(modules) + 2 * QUIET_MODULES)
    bar = max(1, min(math.floor(fit), round(BAR_MM * px_x)))
    x = left + QUIET_MODULES * bar
    height = BAR_HEIGHT_MM * px_y
    for index, module in enumerate(modules):
        if module == "1":
            painter.drawRect(QRectF(x + index * bar, y, bar, height))
    y += height + 1.5 * px_y
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(note)
    line = painter.fontMetrics().height()
    painter.drawText(QRectF(left, y, inner, line), Qt.AlignmentFlag.AlignLeft, text.code)
    y += line + 4 * px_y
    painter.setPen(Qt.PenStyle.NoPen)
    matrix = qr_matrix(text.code)
    module_px = max(1, round(QR_MODULE_MM * px_x))
    origin_x = left + 4 * module_px
    origin_y = y + 4 * module_px
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                painter.drawRect(
                    QRectF(
                        origin_x + column * module_px,
                        origin_y + row * module_px,
                        module_px,
                        module_px,
                    )
                )


def prepare_printer(printer: QPrinter, paper: SlipPaper) -> None:
    """The page for the sheet on the counter's paper (a receipt, or A4)."""
    set_up_page(printer, paper, _tr("Scanner test codes"), lambda: RECEIPT_SHEET_MM)


def print_sheet(printer: QPrinter, paper: SlipPaper) -> None:
    """Draw the sheet on ``printer`` (set up with :func:`prepare_printer`)."""
    with painting(printer) as painter:
        paint_sheet(painter, printer, paper)


def render_test_sheet(paper: SlipPaper, *, dpi: float = 150.0) -> QImage:
    """The sheet as a picture at ``dpi``, as it comes out of a printer (tests)."""
    width_mm, height_mm, _margin = _page_mm(paper)
    image = QImage(
        round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi), QImage.Format.Format_RGB32
    )
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        paint_sheet(painter, image, paper)
    finally:
        painter.end()
    return image
