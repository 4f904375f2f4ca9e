"""Choosing, once, the printer and the paper of a counter's pickup slips, with a test slip.

:class:`PrinterChoice` is the part of the setup flow and of the Settings screen that sets
``slip_printer`` and ``slip_paper``: it lists this PC's printers, keeps a chosen printer
that is not installed (marked, so it is not silently swapped for another), and prints a
test slip on what is chosen before anything is saved. It also sets the ESC/POS receipt
printer (``escpos_printer``, ``escpos_paper``, ``escpos_native_qr``): when one is given,
slips go to it, and the test slip does too (on a worker thread, its problems in shop
words).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.receipt_printer import PrinterAddress, ReceiptPaper, ReceiptPrinterError
from pos_app.services.settings import Settings, SlipPaper
from pos_app.services.slips import PickupSlip, SlipItem
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.slips.paper import print_slip
from pos_app.ui.slips.printers import (
    MakePrinter,
    PrinterMissing,
    describe_missing_printer,
    printer_label,
    system_printer,
)
from pos_app.ui.slips.receipt import (
    ReceiptTarget,
    describe_receipt_problem,
    print_on_receipt_printer,
)

#: The code a test slip prints: which paper it was laid out for. It is no pickup's code,
#: so scanning it at the counter finds nothing.
TEST_SLIP_CODES = {SlipPaper.RECEIPT: "TEST-80MM", SlipPaper.A4: "TEST-A4"}
RECEIPT_TEST_CODES = {
    ReceiptPaper.MM58: "TEST-58MM",
    ReceiptPaper.MM80: "TEST-80MM",
    ReceiptPaper.MM80_42: "TEST-80MM-42",
}
_TEST = "printerChoice.test"


def make_test_slip(
    paper: SlipPaper | ReceiptPaper, counter: str, at: datetime | None = None
) -> PickupSlip:
    """A made-up pickup slip that says on every line that matters that it is a test."""
    code = RECEIPT_TEST_CODES[paper] if isinstance(paper, ReceiptPaper) else TEST_SLIP_CODES[paper]
    return PickupSlip(
        shop_name=_tr("Test slip"),
        counter=counter,
        handed_over_at=at or datetime.now().astimezone(),
        items=(SlipItem(_tr("This is a test: nothing was handed over"), code),),
        customer=_tr("Test slip"),
        reference=code,
    )


class PrinterChoice(QWidget):
    """The slip printer and paper, and a button that prints a test slip on them.

    ``load(settings)`` shows the settings; ``changes()`` gives them back as overrides
    (``Settings.with_overrides(**choice.changes())``). ``make_printer`` makes the printer
    a test slip goes to (tests print to PDF files); ``printer_names`` lists this PC's.

    Signals:
        changed(): the person chose another printer or paper.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        make_printer: MakePrinter = system_printer,
        printer_names: Callable[[], Sequence[str]] = QPrinterInfo.availablePrinterNames,
        form: QFormLayout | None = None,
    ) -> None:
        """``form``: the rows go into the caller's form (they line up with its other rows),
        and this widget holds nothing of its own."""
        super().__init__(parent)
        self.setObjectName("printerChoice")
        self._make_printer = make_printer
        self._printer_names = printer_names
        self._loading = False
        self._counter = ""
        self._tasks = TaskOwner()
        tasks = self._tasks
        # A test slip still printing when the page goes says nothing to a widget gone.
        self.destroyed.connect(lambda: tasks.cancel(_TEST))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        own_form = form is None
        form = form if form is not None else QFormLayout()
        # Touch-sized on its own; in another form, sized like that form's fields.
        height = 40 if own_form else 0
        self.printer_input = QComboBox(self)
        self.printer_input.setObjectName("slipPrinterInput")
        self.printer_input.setMinimumHeight(height)
        printer_label_widget = QLabel(self.tr("Slip printer"), self)
        printer_label_widget.setBuddy(self.printer_input)
        form.addRow(printer_label_widget, self.printer_input)
        self.paper_input = QComboBox(self)
        self.paper_input.setObjectName("slipPaperInput")
        self.paper_input.setMinimumHeight(height)
        self.paper_input.addItem(self.tr("80 mm receipt"), SlipPaper.RECEIPT.value)
        self.paper_input.addItem(self.tr("A4"), SlipPaper.A4.value)
        paper_label = QLabel(self.tr("Paper"), self)
        paper_label.setBuddy(self.paper_input)
        form.addRow(paper_label, self.paper_input)
        self.escpos_input = QLineEdit(self)
        self.escpos_input.setObjectName("escposPrinterInput")
        self.escpos_input.setMinimumHeight(height)
        self.escpos_input.setPlaceholderText(
            self.tr("none · 192.168.1.50 · usb://04b8:0202 · serial:///dev/ttyUSB0 · queue://NAME")
        )
        self.escpos_input.setToolTip(
            self.tr(
                "A receipt printer that speaks ESC/POS prints slips directly: its network "
                "address (port 9100), usb://VENDOR:PRODUCT, serial://PORT, or queue://NAME for "
                "a raw print queue. Empty: slips go to the slip printer above."
            )
        )
        escpos_label = QLabel(self.tr("Receipt printer (ESC/POS)"), self)
        escpos_label.setBuddy(self.escpos_input)
        form.addRow(escpos_label, self.escpos_input)
        self.escpos_paper_input = QComboBox(self)
        self.escpos_paper_input.setObjectName("escposPaperInput")
        self.escpos_paper_input.setMinimumHeight(height)
        self.escpos_paper_input.addItem(
            self.tr("58 mm (32 characters a line)"), ReceiptPaper.MM58.value
        )
        self.escpos_paper_input.addItem(
            self.tr("80 mm (48 characters a line)"), ReceiptPaper.MM80.value
        )
        self.escpos_paper_input.addItem(
            self.tr("80 mm, 180 dpi (42 characters a line, e.g. Epson TM-T88)"),
            ReceiptPaper.MM80_42.value,
        )
        escpos_paper_label = QLabel(self.tr("Receipt paper"), self)
        escpos_paper_label.setBuddy(self.escpos_paper_input)
        form.addRow(escpos_paper_label, self.escpos_paper_input)
        self.escpos_qr_input = QCheckBox(
            self.tr("The printer prints QR codes itself (untick if the test slip has none)"), self
        )
        self.escpos_qr_input.setObjectName("escposQrInput")
        form.addRow("", self.escpos_qr_input)
        self.test_button = QPushButton(self.tr("Print a test slip"), self)
        self.test_button.setObjectName("testSlipButton")
        self.test_button.setMinimumHeight(height)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testSlipResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        if own_form:
            layout.addLayout(form)
            layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(self.test_result)
        else:
            test_row = QHBoxLayout()
            test_row.addWidget(self.test_button)
            test_row.addWidget(self.test_result, 1)
            form.addRow("", test_row)
            self.hide()  # its rows live in the caller's form

        self._fill_printers(None)
        self.printer_input.currentIndexChanged.connect(self._on_choice_changed)
        self.paper_input.currentIndexChanged.connect(self._on_choice_changed)
        self.escpos_input.textChanged.connect(self._on_choice_changed)
        self.escpos_paper_input.currentIndexChanged.connect(self._on_choice_changed)
        self.escpos_qr_input.toggled.connect(self._on_choice_changed)
        self.test_button.clicked.connect(self.on_test_button_clicked)
        self._update_escpos_rows()

    # -- the settings --------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show ``settings``' slip printer and paper (not a change: ``changed`` stays quiet)."""
        self._loading = True
        try:
            self._counter = settings.counter_name
            self._fill_printers(settings.slip_printer)
            self.paper_input.setCurrentIndex(self.paper_input.findData(settings.slip_paper.value))
            self.escpos_input.setText(settings.escpos_printer or "")
            self.escpos_paper_input.setCurrentIndex(
                self.escpos_paper_input.findData(settings.escpos_paper.value)
            )
            self.escpos_qr_input.setChecked(settings.escpos_native_qr)
        finally:
            self._loading = False
        self._update_escpos_rows()
        self.test_result.clear()

    def changes(self) -> dict[str, object]:
        """The chosen printer and paper as settings overrides.

        The system's default printer is ``""`` rather than None: ``with_overrides`` reads
        None as "leave as it is", and the setting reads an empty name as the default.
        """
        return {
            "slip_printer": self.printer_name() or "",
            "slip_paper": self.paper(),
            "escpos_printer": self.escpos_input.text().strip(),
            "escpos_paper": self.escpos_paper(),
            "escpos_native_qr": self.escpos_qr_input.isChecked(),
        }

    def problem(self) -> str | None:
        """Why the receipt printer's address cannot be used; None when it can (or is empty)."""
        text = self.escpos_input.text().strip()
        if not text:
            return None
        try:
            PrinterAddress.parse(text)
        except ValueError:
            return self.tr(
                "The receipt printer's address is not usable. Write it as 192.168.1.50 (a "
                "network printer), usb://VENDOR:PRODUCT, serial://PORT or queue://NAME."
            )
        return None

    def escpos_paper(self) -> ReceiptPaper:
        return ReceiptPaper(self.escpos_paper_input.currentData())

    def receipt_target(self) -> ReceiptTarget | None:
        """The ESC/POS printer chosen; None when none is (or its address is not usable)."""
        text = self.escpos_input.text().strip()
        if not text or self.problem():
            return None
        return ReceiptTarget(
            PrinterAddress.parse(text), self.escpos_paper(), self.escpos_qr_input.isChecked()
        )

    def _update_escpos_rows(self) -> None:
        on = bool(self.escpos_input.text().strip())
        self.escpos_paper_input.setEnabled(on)
        self.escpos_qr_input.setEnabled(on)
        # With a receipt printer, slips print on it: the system's printer is not used (the
        # paper still sets a saved PDF's size).
        self.printer_input.setEnabled(not on)

    def printer_name(self) -> str | None:
        """The chosen printer; None: the system's default printer."""
        return self.printer_input.currentData() or None

    def paper(self) -> SlipPaper:
        return SlipPaper(self.paper_input.currentData())

    def _fill_printers(self, chosen: str | None) -> None:
        names = list(self._printer_names())
        self.printer_input.clear()
        self.printer_input.addItem(self.tr("The system's default printer"), "")
        for name in names:
            self.printer_input.addItem(name, name)
        if chosen and chosen not in names:
            # Chosen on this PC once and gone since (or typed into the settings file):
            # shown as it is, so saving does not quietly choose another printer.
            self.printer_input.addItem(
                self.tr("{printer} (not found on this PC)").format(printer=chosen), chosen
            )
        row = self.printer_input.findData(chosen) if chosen else 0
        self.printer_input.setCurrentIndex(max(row, 0))

    def _on_choice_changed(self) -> None:
        self._update_escpos_rows()
        if self._loading:
            return
        self.test_result.clear()  # said of the printer or paper chosen before
        self.changed.emit()

    # -- the test slip -------------------------------------------------------------------

    def on_test_button_clicked(self) -> None:
        if self._tasks.is_running(_TEST):
            return
        if self.escpos_input.text().strip():
            problem = self.problem()
            if problem:
                self.test_result.setText(problem)
                return
            self._tasks.op(self.print_receipt_test_slip(), key=_TEST).disable(
                self.test_button
            ).run()
        else:
            self.print_test_slip()

    async def print_receipt_test_slip(self) -> bool:
        """A test slip on the chosen ESC/POS printer; the outcome goes under the button."""
        problem = self.problem()
        target = self.receipt_target()
        if problem or target is None:
            self.test_result.setText(problem or "")
            return False
        slip = make_test_slip(target.paper, self._counter)
        self.test_result.setText(
            self.tr("Printing a test slip on {printer}…").format(printer=target.describe())
        )
        try:
            where = await print_on_receipt_printer(slip, target)
        except ReceiptPrinterError as error:
            self.test_result.setText(describe_receipt_problem(error))
            return False
        self.test_result.setText(
            self.tr("Sent to the receipt printer ({printer}). Check its QR code and cut.").format(
                printer=where
            )
        )
        return True

    def print_test_slip(self) -> bool:
        """A test slip on the chosen printer and paper; the outcome goes under the button."""
        name, paper = self.printer_name(), self.paper()
        slip = make_test_slip(paper, self._counter)
        try:
            printer = self._make_printer(name, paper)
            print_slip(printer, slip, paper)
        except PrinterMissing as missing:
            self.test_result.setText(
                self.tr("{missing} Choose another printer.").format(
                    missing=describe_missing_printer(missing)
                )
            )
            return False
        except OSError as exc:
            self.test_result.setText(
                self.tr("The test slip could not be printed on {printer} ({error}).").format(
                    printer=name or self.tr("the system's default printer"),
                    error=type(exc).__name__,
                )
            )
            return False
        self.test_result.setText(
            self.tr("Sent to {printer}.").format(printer=printer_label(printer, name))
        )
        return True
