"""Giving the customer a slip: the dialog, and the print_slip setting after a hand-over.

* :class:`SlipDialog` shows the slip with Print… (the system's print dialog, on the
  counter's slip printer) and Save as PDF…, both awaited without nesting the event loop.
  In kiosk mode neither a file nor a printer chooser can be reached from a
  customer-facing screen: the slip goes to the counter's slip printer, or not at all.
* :func:`offer_slip` applies the ``print_slip`` setting after a hand-over, on the
  ``slip_printer`` and ``slip_paper`` the counter was set up with.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QSize,
    Signal,
)
from PySide6.QtGui import (
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

from pos_app.services.receipt_printer import ReceiptPrinterError
from pos_app.services.settings import PrintSlip, SlipPaper
from pos_app.services.slips import PickupSlip
from pos_app.ui.async_support import TaskOwner, await_dialog, report_exception
from pos_app.ui.dialogs.save_file import ask_save_path, documents_folder, with_suffix
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.slips.paper import (
    RECEIPT_WIDTH_MM,
    SlipFormat,
    prepare_printer,
    print_slip,
    receipt_paper_mm,
    render_slip_image,
    safe_file_name,
    save_slip_pdf,
)
from pos_app.ui.slips.preview_layout import finish_side_column, preview_pane
from pos_app.ui.slips.printers import (
    MakePrinter,
    PrinterMissing,
    confirm_print,
    describe_missing_printer,
    printer_label,
    system_printer,
)
from pos_app.ui.slips.receipt import (
    ReceiptTarget,
    describe_receipt_problem,
    print_on_receipt_printer,
)
from pos_app.ui.theme import TextSize, kiosk_look_active, scaled_font

log = logging.getLogger(__name__)


# -- the dialog ------------------------------------------------------------------------------

_PRINT = "print"


class SlipDialog(QDialog):
    """The slip after a hand-over: preview, paper format, Print…, Save as PDF….

    Print… opens the system's print dialog; Save as PDF… a file dialog; both are awaited
    (never ``exec()``). Saving keeps the dialog open (one may still print); printing
    closes it.

    Signals:
        printed(str): the slip went to this printer (its name).
        savedPdf(str): the slip was saved to this PDF file.
    """

    printed = Signal(str)
    savedPdf = Signal(str)

    def __init__(
        self,
        slip: PickupSlip,
        *,
        slip_format: SlipFormat = SlipFormat.RECEIPT,
        printer_name: str | None = None,
        make_printer: MakePrinter = system_printer,
        notice: str = "",
        pdf_folder: Path | None = None,
        kiosk: bool | None = None,
        counter_printer: Callable[[], QPrinter | None] | None = None,
        receipt: ReceiptTarget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``printer_name``: the counter's slip printer (None: the system's default), the
        one Print… starts on and a kiosk prints on; ``notice``: a line shown from the start
        (why the dialog opened instead of printing); ``receipt``: the counter's ESC/POS
        printer, which Print prints on straight away (no printer chooser)."""
        super().__init__(parent)
        self.setObjectName("slipDialog")
        self.setWindowTitle(self.tr("Pickup slip"))
        self.setModal(True)
        self.slip = slip
        self._tasks = TaskOwner()
        self._pdf_folder = pdf_folder
        self.last_pdf: Path | None = None
        self.kiosk = kiosk_look_active() if kiosk is None else kiosk
        self._printer_name = printer_name or None
        self._make_printer = make_printer
        self._counter_printer = counter_printer
        self._receipt = receipt
        # The receipt's paper: the receipt printer's when there is one.
        self.receipt_mm = (
            receipt_paper_mm(receipt.paper) if receipt is not None else RECEIPT_WIDTH_MM
        )

        layout = QHBoxLayout(self)
        self.preview = preview_pane(self, layout, "slipPreview", QSize(360, 440))

        side = QVBoxLayout()
        question = QLabel(
            self.tr("Print this slip again?")
            if slip.reprint
            else self.tr("Give the customer a pickup slip?"),
            self,
        )
        question.setObjectName("slipQuestion")
        question.setWordWrap(True)
        question.setFont(scaled_font(question.font(), TextSize.SLIP_QUESTION, bold=True))
        side.addWidget(question)
        paper_label = QLabel(self.tr("Paper"), self)
        side.addWidget(paper_label)
        self.format_input = QComboBox(self)
        self.format_input.setObjectName("slipFormat")
        paper_label.setBuddy(self.format_input)
        self.format_input.setMinimumHeight(40)
        if receipt is not None:
            self.format_input.addItem(
                self.tr("{width} mm receipt (receipt printer)").format(
                    width=f"{self.receipt_mm:g}"
                ),
                SlipFormat.RECEIPT.value,
            )
        else:
            self.format_input.addItem(self.tr("80 mm receipt"), SlipFormat.RECEIPT.value)
        self.format_input.addItem(self.tr("A4"), SlipFormat.A4.value)
        self.format_input.setCurrentIndex(self.format_input.findData(slip_format.value))
        side.addWidget(self.format_input)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printSlipButton")
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePdfButton")
        self.close_button = QPushButton(
            self.tr("Close") if slip.reprint else self.tr("No slip"), self
        )
        self.close_button.setObjectName("closeSlipButton")
        if self.kiosk:
            self.print_button.setText(self.tr("Print"))
            self.print_button.setToolTip(self.tr("Prints on this counter's printer"))
            # No file chooser on a customer-facing screen: it would browse the PC's disks.
            self.save_button.hide()
        if receipt is not None:
            self.print_button.setText(self.tr("Print"))
            self.print_button.setToolTip(
                self.tr("Prints on the receipt printer ({printer})").format(
                    printer=receipt.describe()
                )
            )
        self.message = finish_side_column(
            self,
            layout,
            side,
            (self.print_button, self.save_button, self.close_button),
            "slipMessage",
        )
        self.message.setText(notice)

        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.format_input.currentIndexChanged.connect(self._update_preview)
        self._update_preview()
        self.resize(680, 560)

    def slip_format(self) -> SlipFormat:
        return SlipFormat(self.format_input.currentData())

    def set_slip_format(self, fmt: SlipFormat) -> None:
        self.format_input.setCurrentIndex(self.format_input.findData(fmt.value))

    def _update_preview(self) -> None:
        image, _layout = render_slip_image(
            self.slip, self.slip_format(), dpi=96, receipt_mm=self.receipt_mm
        )
        self.preview.setPixmap(QPixmap.fromImage(image))

    def default_pdf_path(self) -> Path:
        folder = self._pdf_folder if self._pdf_folder is not None else documents_folder()
        reference = self.slip.code or "slip"
        return folder / f"pickup-slip-{safe_file_name(reference)}.pdf"

    def _show(self, text: str) -> None:
        self.message.setText(text)

    # -- save as PDF ---------------------------------------------------------------------

    def on_save_button_clicked(self) -> None:
        if not self._tasks.is_running(_PRINT):
            self._run(self.save_pdf_with_dialog())

    async def save_pdf_with_dialog(self) -> Path | None:
        chosen = await ask_save_path(
            self,
            title=self.tr("Save the slip as PDF"),
            object_name="slipPdfFileDialog",
            name_filter=self.tr("PDF files (*.pdf)"),
            suffix="pdf",
            default=self.default_pdf_path(),
        )
        if chosen is None:
            return None
        return self.save_pdf(chosen)

    def save_pdf(self, path: Path) -> Path:
        """Save the slip as a PDF at ``path`` in the chosen format."""
        path = with_suffix(path, "pdf")
        save_slip_pdf(self.slip, path, self.slip_format(), self.receipt_mm)
        self.last_pdf = path
        self._show(self.tr("Saved as {path}.").format(path=path))
        self.savedPdf.emit(str(path))
        return path

    # -- print ---------------------------------------------------------------------------

    def on_print_button_clicked(self) -> None:
        if self._tasks.is_running(_PRINT):
            return
        if self._receipt is not None:
            self._run(self.print_on_receipt_printer())
        elif self.kiosk:
            self.print_to_counter_printer()
        else:
            self._run(self.print_with_dialog())

    def print_to_counter_printer(self) -> bool:
        """Kiosk mode: the slip straight to the counter's printer, no printer chooser."""
        try:
            printer = (
                self._counter_printer()
                if self._counter_printer is not None
                else self._make_printer(self._printer_name, self.slip_format())
            )
        except PrinterMissing as missing:
            if missing.name is None:
                printer = None
            else:
                log.warning("The slip printer %r is not on this PC", missing.name)
                self._show(
                    self.tr("{missing} No slip this time.").format(
                        missing=describe_missing_printer(missing)
                    )
                )
                self.print_button.setEnabled(False)
                return False
        if printer is None:
            self._show(self.tr("No printer is set up at this counter: no slip this time."))
            self.print_button.setEnabled(False)
            return False
        try:
            print_slip(printer, self.slip, self.slip_format())
        except OSError as exc:
            self._on_failed(exc)
            return False
        self.printed.emit(printer_label(printer))
        self.accept()
        return True

    async def print_on_receipt_printer(self) -> bool:
        """The slip on the counter's ESC/POS printer; a problem stays said in the dialog,
        whose Print tries again."""
        assert self._receipt is not None
        self._show(self.tr("Printing on the receipt printer…"))
        where = await print_on_receipt_printer(self.slip, self._receipt)
        self.printed.emit(where)
        self.accept()
        return True

    def _printer_for_dialog(self, fmt: SlipFormat) -> QPrinter:
        """The counter's slip printer, preselected; the system's first choice without one."""
        try:
            return self._make_printer(self._printer_name, fmt)
        except PrinterMissing as missing:
            if missing.name:
                # Said beside the system's chooser, which opens on another printer.
                self._show(describe_missing_printer(missing))
            return QPrinter(QPrinter.PrinterMode.HighResolution)

    async def print_with_dialog(self) -> bool:
        fmt = self.slip_format()
        printer = self._printer_for_dialog(fmt)
        prepare_printer(printer, self.slip, fmt)
        if not await confirm_print(
            self, printer, title=self.tr("Print the pickup slip"), object_name="slipPrintDialog"
        ):
            return False
        # The dialog may have changed the printer (or chosen "print to file"): printing
        # sets the page size the drawing is laid out for again.
        print_slip(printer, self.slip, fmt)
        self.printed.emit(printer_label(printer))
        self.accept()
        return True

    # -- plumbing ------------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, object]) -> None:
        self._show("")
        self._tasks.op(coro, key=_PRINT).failure(self._on_failed).disable(
            self.print_button, self.save_button, self.format_input
        ).run()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ReceiptPrinterError):
            self._show(describe_receipt_problem(exc))
            return
        if isinstance(exc, OSError):
            log.error("Slip not printed or saved: %s", exc)
            self._show(
                self.tr("The slip could not be printed or saved ({error}). Try again.").format(
                    error=type(exc).__name__
                )
            )
            return
        report_exception(type(exc), exc, exc.__traceback__)

    def done(self, result: int) -> None:
        self._tasks.cancel(_PRINT)
        super().done(result)


class SlipHeldBack(Exception):
    """A slip that would have needed the dialog while another customer is on screen.

    ``problem`` says in shop words what kept it from the printer (empty when nothing
    went wrong: the setting asks first).
    """

    def __init__(self, problem: str = "") -> None:
        super().__init__(problem)
        self.problem = problem


async def offer_slip(
    slip: PickupSlip,
    setting: PrintSlip,
    parent: QWidget | None,
    *,
    printer_name: str | None = None,
    paper: SlipPaper = SlipPaper.RECEIPT,
    pdf_folder: Path | None = None,
    make_printer: MakePrinter = system_printer,
    interactive: bool = True,
    receipt: ReceiptTarget | None = None,
) -> str | None:
    """After a hand-over, as the ``print_slip`` setting says; returns where the slip went.

    ``printer_name`` and ``paper`` are the counter's ``slip_printer`` (None: the system's
    default printer) and ``slip_paper``. ``never``: nothing. ``ask``: :class:`SlipDialog`,
    on that paper and printer. ``always``: straight to that printer; when it is not there
    (or cannot start), the dialog opens saying so, so the slip can still go to another
    printer or be saved as PDF. Not ``interactive`` (another customer is on screen): never
    a dialog, only the print straight to the printer; where that did not print,
    :class:`SlipHeldBack` says what was wrong with the printer. ``receipt``: the counter's ESC/POS
    printer, which takes the place of ``printer_name`` (on a worker thread); when it cannot
    print, the dialog says why in shop words and its Print tries again.
    """
    if setting is PrintSlip.NEVER or not slip.items:
        return None
    notice = problem = ""
    if setting is PrintSlip.ALWAYS and receipt is not None:
        try:
            return await print_on_receipt_printer(slip, receipt)
        except ReceiptPrinterError as error:
            problem = describe_receipt_problem(error)
            notice = (
                problem
                + " "
                + _tr(
                    "The hand-over is recorded; Print tries the printer again, or save the slip "
                    "as PDF."
                )
            )
    elif setting is PrintSlip.ALWAYS:
        try:
            printer = make_printer(printer_name or None, paper)
            print_slip(printer, slip, paper)
        except PrinterMissing as missing:
            if missing.name:
                log.warning("The slip printer %r is not on this PC", missing.name)
            problem = describe_missing_printer(missing)
        except OSError as exc:
            log.error("Slip not printed on %s: %s", printer_name or "the default printer", exc)
            problem = _tr("The slip could not be printed ({error}).").format(
                error=type(exc).__name__
            )
        else:
            return printer_label(printer, printer_name)
        notice = problem + " " + _tr("Choose a printer with Print…, or save the slip as PDF.")
    if not interactive:
        raise SlipHeldBack(problem)
    if setting is PrintSlip.ALWAYS and kiosk_look_active():
        # No printer, and a kiosk offers no file to save to: no slip.
        return None
    dialog = SlipDialog(
        slip,
        slip_format=paper,
        printer_name=printer_name,
        make_printer=make_printer,
        notice=notice,
        pdf_folder=pdf_folder,
        receipt=receipt,
        parent=parent,
    )
    where: list[str] = []
    dialog.printed.connect(where.append)
    dialog.savedPdf.connect(where.append)
    try:
        await await_dialog(dialog)
    finally:
        dialog.deleteLater()
    return where[-1] if where else None
