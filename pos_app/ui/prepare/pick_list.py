"""The pick list: what to fetch from the stock room for the claims not on the shelf yet.

Drawn like the pickup slips (:mod:`pos_app.ui.slips.paper`, whose text and rule blocks it
uses): on 80 mm receipt paper one page as long as the list, on A4 as many pages as it
takes, each further page headed so a separated page still says what it is. Each reward
comes with its count and a box to tick, each claim with the customer's short name, the
claim date and the expiry. Printed through Qt's print dialog or saved as PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPaintDevice,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.settings import SlipPaper
from pos_app.services.to_prepare import PrepareGroup, PrepareList
from pos_app.ui.async_support import TaskOwner, report_exception
from pos_app.ui.dialogs.save_file import ask_save_path, documents_folder, with_suffix
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.plurals import english_plural
from pos_app.ui.prepare.words import (
    attributes_line,
    date_text,
    expiry_text,
    group_title,
    moment_text,
)
from pos_app.ui.slips.paper import (
    A4_MARGIN_MM,
    RECEIPT_BOTTOM_MM,
    RECEIPT_MARGIN_MM,
    RECEIPT_TOP_MM,
    RECEIPT_WIDTH_MM,
    SlipLayout,
    _Block,
    _font,
    _PagedDrawing,
    _Rule,
    _Space,
    _Text,
    blank_page,
    measuring_image,
    page_height_px,
    painting,
    set_up_page,
    write_pdf,
)
from pos_app.ui.slips.preview_layout import finish_side_column, preview_pane
from pos_app.ui.slips.printers import (
    MakePrinter,
    PrinterMissing,
    confirm_print,
    printer_label,
    system_printer,
)

__all__ = ["PickList", "PickListDialog", "render_pick_list", "save_pick_list_pdf"]

log = logging.getLogger(__name__)

_INK = QColor("#000000")


@dataclass(frozen=True)
class PickList:
    """The claims not on the shelf yet, grouped by reward, as of ``made_at``."""

    shop_name: str
    made_at: datetime
    groups: tuple[PrepareGroup, ...]
    #: Claims left out because they are on the shelf already.
    on_shelf: int

    @classmethod
    def of(cls, prepare: PrepareList, *, shop_name: str, now: datetime) -> PickList:
        groups: list[PrepareGroup] = []
        for group in prepare.groups():
            waiting = tuple(
                item for item in group.items if item.loyalty_transaction_uuid not in prepare.marks
            )
            if waiting:
                groups.append(PrepareGroup(group.reward_title, group.attributes, waiting))
        return cls(shop_name, now, tuple(groups), prepare.ready)

    @property
    def count(self) -> int:
        return sum(len(group.items) for group in self.groups)


class _TickRow(_Block):
    """A box to tick, then the reward's line beside it."""

    def __init__(self, text: _Text, box: float, gap: float) -> None:
        self.text = text
        self.box = box
        self.gap = gap
        self.height = max(text.height, box)

    def paint(self, painter: QPainter, x: float, y: float, layout: SlipLayout) -> None:
        painter.setPen(QPen(_INK, max(1.0, self.box / 14)))
        top = y + max(0.0, (self.text.text_height - self.box) / 2)
        painter.drawRect(QRectF(x, top, self.box, self.box))
        self.text.paint(painter, x + self.box + self.gap, y, layout)


class _Drawing(_PagedDrawing):
    """Lays a pick list out for one device, as blocks top to bottom."""

    def __init__(self, pick: PickList, fmt: SlipPaper, device: QPaintDevice) -> None:
        self.pick = pick
        self.device = device
        self.px = device.logicalDpiY() / 25.4
        receipt = fmt is SlipPaper.RECEIPT
        margin = RECEIPT_MARGIN_MM if receipt else A4_MARGIN_MM
        self.margin_x = margin * device.logicalDpiX() / 25.4
        self.top = (RECEIPT_TOP_MM if receipt else A4_MARGIN_MM) * self.px
        self.bottom = (RECEIPT_BOTTOM_MM if receipt else A4_MARGIN_MM) * self.px
        paper = RECEIPT_WIDTH_MM if receipt else 210.0
        self.width = (paper - 2 * margin) * device.logicalDpiX() / 25.4
        scale = 1.0 if receipt else 1.25
        self.blocks = self._blocks(scale, receipt)
        self.continuation: list[_Block] = [] if receipt else self._continuation()

    def mm(self, value: float) -> float:
        return value * self.px

    def _text(
        self,
        text: str,
        points: float,
        *,
        bold: bool = False,
        indent: float = 0.0,
        after: float = 0.0,
        center: bool = False,
    ) -> _Text:
        align = Qt.AlignmentFlag.AlignHCenter if center else Qt.AlignmentFlag.AlignLeft
        return _Text(
            self.device,
            text,
            _font(points, bold=bold),
            self.width - indent,
            align,
            space_after=self.mm(after),
        )

    def _blocks(self, scale: float, receipt: bool) -> list[_Block]:
        pick = self.pick
        heading = _tr("Pick list")
        blocks: list[_Block] = [
            self._text(pick.shop_name, 13 * scale, bold=True, center=receipt, after=1),
            self._text(
                heading.upper() if receipt else heading,
                9 * scale,
                bold=True,
                center=receipt,
                after=1,
            ),
            self._text(
                _tr("Made {when}").format(when=moment_text(pick.made_at)),
                9 * scale,
                center=receipt,
            ),
            self._text(self._summary(), 9 * scale, center=receipt),
            _Rule(self.width, self.mm(0.3), self.mm(2.5), dashed=receipt),
        ]
        box = self.mm(3.5 * scale)
        gap = self.mm(2)
        indent = box + gap
        for n, group in enumerate(pick.groups):
            if n:
                blocks.append(_Space(self.mm(2.5)))
            title = self._text(group_title(group), 11 * scale, bold=True, indent=indent)
            blocks.append(_TickRow(title, box, gap))
            if attributes := attributes_line(group.attributes):
                blocks.append(_Indented(self._text(attributes, 9 * scale, indent=indent), indent))
            for item in group.items:
                # A receipt's line fits 72 mm without the years (a claim waits for weeks).
                line = _tr("{customer} · claimed {claimed} · expires {expires}").format(
                    customer=item.customer_label,
                    claimed=date_text(item.claimed_at, with_year=not receipt),
                    expires=expiry_text(item.expires_at, with_year=not receipt),
                )
                points = 8.0 if receipt else 9 * scale
                blocks.append(_Indented(self._text(line, points, indent=indent, after=0.5), indent))
        if not pick.groups:
            blocks.append(self._text(_tr("Nothing to prepare."), 10 * scale))
        blocks.append(_Rule(self.width, self.mm(0.3), self.mm(2.5), dashed=receipt))
        return blocks

    def _summary(self) -> str:
        count = self.pick.count
        text = english_plural(
            _tr("%n reward(s) to prepare", None, count), count, "reward(s)", "reward", "rewards"
        )
        if self.pick.on_shelf:
            text += " · " + _tr("%n already on the shelf", None, self.pick.on_shelf)
        return text

    def _continuation(self) -> list[_Block]:
        text = _tr("{shop} · Pick list · {when} (continued)").format(
            shop=self.pick.shop_name,
            when=moment_text(self.pick.made_at),
        )
        return [self._text(text, 9), _Rule(self.width, self.mm(0.4), self.mm(3), dashed=False)]

    def height_mm(self) -> float:
        return (self.top + sum(block.height for block in self.blocks) + self.bottom) / self.px


class _Indented(_Block):
    def __init__(self, block: _Text, indent: float) -> None:
        self.block = block
        self.indent = indent
        self.height = block.height

    def paint(self, painter: QPainter, x: float, y: float, layout: SlipLayout) -> None:
        self.block.paint(painter, x + self.indent, y, layout)


def _prepare_printer(printer: QPrinter, pick: PickList, fmt: SlipPaper) -> None:
    set_up_page(printer, fmt, _tr("Pick list"), lambda: _Drawing(pick, fmt, printer).height_mm())


def print_pick_list(printer: QPrinter, pick: PickList, fmt: SlipPaper) -> int:
    """Draw the pick list on ``printer`` (its page set for the paper first); the pages."""
    _prepare_printer(printer, pick, fmt)
    drawing = _Drawing(pick, fmt, printer)
    with painting(printer) as painter:
        return drawing.paint(
            painter, page_height=page_height_px(printer, fmt), new_page=printer.newPage
        ).pages


def save_pick_list_pdf(pick: PickList, path: Path, fmt: SlipPaper) -> int:
    """Write the pick list as a PDF; returns its pages. Raises OSError when it cannot."""
    return write_pdf(path, lambda printer: print_pick_list(printer, pick, fmt))


def render_pick_list(pick: PickList, fmt: SlipPaper, *, dpi: float = 96.0) -> QImage:
    """The pick list as an image (the preview): a receipt whole, A4 its first page."""
    image = blank_page(fmt, _Drawing(pick, fmt, measuring_image(dpi)).height_mm(), dpi)
    painter = QPainter(image)
    try:
        drawing = _Drawing(pick, fmt, image)
        drawing.paint(
            painter,
            page_height=None if fmt is SlipPaper.RECEIPT else float(image.height()),
            only_page=0,
        )
    finally:
        painter.end()
    return image


_PRINT = "print"


class PickListDialog(QDialog):
    """Preview, paper (80 mm receipt or A4), Print…, Save as PDF… (``objectName``
    ``pickListDialog``). Printing closes it; saving keeps it open.

    Signals:
        printed(str): the list went to this printer.
        savedPdf(str): the list was saved to this PDF file.
    """

    printed = Signal(str)
    savedPdf = Signal(str)

    def __init__(
        self,
        pick: PickList,
        *,
        paper: SlipPaper = SlipPaper.A4,
        printer_name: str | None = None,
        make_printer: MakePrinter = system_printer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pickListDialog")
        self.setWindowTitle(_tr("Pick list"))
        self.setModal(True)
        self.pick = pick
        self._printer_name = printer_name
        self._make_printer = make_printer
        self._tasks = TaskOwner()
        self.last_pdf: Path | None = None

        layout = QHBoxLayout(self)
        self.preview = preview_pane(self, layout, "pickListPreview", QSize(360, 420))

        side = QVBoxLayout()
        paper_label = QLabel(_tr("Paper"), self)
        side.addWidget(paper_label)
        self.format_input = QComboBox(self)
        self.format_input.setObjectName("pickListFormat")
        paper_label.setBuddy(self.format_input)
        self.format_input.setMinimumHeight(40)
        self.format_input.addItem(_tr("80 mm receipt"), SlipPaper.RECEIPT.value)
        self.format_input.addItem(_tr("A4"), SlipPaper.A4.value)
        self.format_input.setCurrentIndex(self.format_input.findData(paper.value))
        side.addWidget(self.format_input)
        self.print_button = QPushButton(_tr("Print…"), self)
        self.print_button.setObjectName("printPickListButton")
        self.save_button = QPushButton(_tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePickListButton")
        self.close_button = QPushButton(_tr("Close"), self)
        self.close_button.setObjectName("closePickListButton")
        self.message = finish_side_column(
            self,
            layout,
            side,
            (self.print_button, self.save_button, self.close_button),
            "pickListMessage",
        )

        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.format_input.currentIndexChanged.connect(self._update_preview)
        self._update_preview()
        self.resize(680, 560)

    def paper(self) -> SlipPaper:
        return SlipPaper(self.format_input.currentData())

    def set_paper(self, paper: SlipPaper) -> None:
        self.format_input.setCurrentIndex(self.format_input.findData(paper.value))

    def _update_preview(self) -> None:
        self.preview.setPixmap(QPixmap.fromImage(render_pick_list(self.pick, self.paper())))

    def default_pdf_path(self) -> Path:
        return documents_folder() / f"pick-list-{self.pick.made_at.astimezone():%Y-%m-%d-%H%M}.pdf"

    def save_pdf(self, path: Path) -> Path:
        """Save the list as a PDF at ``path`` on the chosen paper."""
        path = with_suffix(path, "pdf")
        save_pick_list_pdf(self.pick, path, self.paper())
        self.last_pdf = path
        self.message.setText(_tr("Saved as {path}.").format(path=path))
        self.savedPdf.emit(str(path))
        return path

    def on_save_button_clicked(self) -> None:
        if not self._tasks.is_running(_PRINT):
            self._run(self._save_with_dialog())

    async def _save_with_dialog(self) -> None:
        chosen = await ask_save_path(
            self,
            title=_tr("Save the pick list as PDF"),
            object_name="pickListFileDialog",
            name_filter=_tr("PDF files (*.pdf)"),
            suffix="pdf",
            default=self.default_pdf_path(),
        )
        if chosen is not None:
            self.save_pdf(chosen)

    def on_print_button_clicked(self) -> None:
        if not self._tasks.is_running(_PRINT):
            self._run(self.print_with_dialog())

    def _printer(self, paper: SlipPaper) -> QPrinter:
        # The counter's slip printer takes receipts; A4 goes to the PC's default printer.
        try:
            return self._make_printer(
                self._printer_name if paper is SlipPaper.RECEIPT else None, paper
            )
        except PrinterMissing:
            return QPrinter(QPrinter.PrinterMode.HighResolution)

    async def print_with_dialog(self) -> bool:
        paper = self.paper()
        printer = self._printer(paper)
        _prepare_printer(printer, self.pick, paper)
        if not await confirm_print(
            self, printer, title=_tr("Print the pick list"), object_name="pickListPrintDialog"
        ):
            return False
        print_pick_list(printer, self.pick, paper)
        self.printed.emit(printer_label(printer))
        self.accept()
        return True

    def _run(self, coro: Coroutine[Any, Any, object]) -> None:
        self.message.setText("")
        self._tasks.op(coro, key=_PRINT).failure(self._on_failed).disable(
            self.print_button, self.save_button, self.format_input
        ).run()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            log.error("Pick list not printed or saved: %s", exc)
            self.message.setText(
                _tr("The pick list could not be printed or saved ({error}). Try again.").format(
                    error=type(exc).__name__
                )
            )
            return
        report_exception(type(exc), exc, exc.__traceback__)

    def done(self, result: int) -> None:
        self._tasks.cancel(_PRINT)
        super().done(result)
