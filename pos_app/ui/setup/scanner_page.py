"""Test the scanner: scan the code on the page, read what arrived and what to change.

The page shows the test code (:data:`~pos_app.services.scanner_check.TEST_CODE`) as a
Code 128 barcode, which every scanner reads, and as a QR code, for 2D scanners. The keys
the scanner types go to a field of their own (:class:`ScanCatcher`), which records each
key with its time; :func:`~pos_app.services.scanner_check.analyse` says what is wrong
and :mod:`~pos_app.ui.setup.scanner_advice` what to scan in the manual to fix it. The page
changes no setting: in the setup flow it can always be skipped.

Laser scanners (1D) cannot read a code from a screen: **Print the test codes** prints the
same two codes where the counter prints its slips (:mod:`~pos_app.ui.setup.test_sheet`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

import barcode
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.receipt_printer import ReceiptPrinterError
from pos_app.services.scanner_check import (
    TEST_CODE,
    Ending,
    Recording,
    ScannerReport,
    TypedKey,
    analyse,
)
from pos_app.services.slips import qr_matrix
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.setup.draft import SetupDraft, SetupPage
from pos_app.ui.setup.scanner_advice import advice, ending_text, speed_text, verdict, visible
from pos_app.ui.theme import ColorScheme, grown_font

#: How long after the last character the page waits for Enter (or Tab) before it says
#: the scanner sends none: scanners send it within milliseconds.
END_WAIT_MS: Final = 600
#: Light modules around the codes (Code 128 needs 10, QR codes 4).
BARCODE_QUIET_MODULES: Final = 10
QR_QUIET_MODULES: Final = 4
_PRINT: Final = "scannerPage.print"


class _CodePicture(QWidget):
    """Black modules on white, each a whole number of pixels (a scanner reads sharp edges)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), ColorScheme.PAPER)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(Qt.GlobalColor.black)
        self.paint_modules(painter)
        painter.end()

    def paint_modules(self, painter: QPainter) -> None:
        raise NotImplementedError


class BarcodePicture(_CodePicture):
    """``text`` as a Code 128 barcode (python-barcode encodes it; the bars are drawn here)."""

    def __init__(self, text: str, parent: QWidget, *, module: int = 2, height: int = 72) -> None:
        super().__init__(parent)
        self.setObjectName("scannerTestBarcode")
        #: The bars and spaces, one character per module ("1" a bar).
        self.modules: str = barcode.Code128(text).build()[0]
        self._module = module
        self.setFixedSize(QSize((len(self.modules) + 2 * BARCODE_QUIET_MODULES) * module, height))

    def paint_modules(self, painter: QPainter) -> None:
        x = BARCODE_QUIET_MODULES * self._module
        for index, module in enumerate(self.modules):
            if module == "1":
                painter.drawRect(x + index * self._module, 0, self._module, self.height())


class QrPicture(_CodePicture):
    def __init__(self, text: str, parent: QWidget, *, module: int = 3) -> None:
        super().__init__(parent)
        self.setObjectName("scannerTestQr")
        self.matrix = qr_matrix(text)
        self._module = module
        side = (len(self.matrix) + 2 * QR_QUIET_MODULES) * module
        self.setFixedSize(QSize(side, side))

    def paint_modules(self, painter: QPainter) -> None:
        origin = QR_QUIET_MODULES * self._module
        for row, modules in enumerate(self.matrix):
            for column, dark in enumerate(modules):
                if dark:
                    painter.drawRect(
                        origin + column * self._module,
                        origin + row * self._module,
                        self._module,
                        self._module,
                    )


class ScanCatcher(QFrame):
    """Where the scanner types during the check: each key recorded with its time.

    The time is the key event's own (when the key happened, not when the app got round
    to it); ``clock`` (milliseconds) stands in where a platform gives none. Enter or Tab
    ends a scan; nothing within :data:`END_WAIT_MS` of the last key ends it too
    (:attr:`end_timer`).

    Signals:
        scanned(object): a :class:`~pos_app.services.scanner_check.Recording`.
    """

    scanned = Signal(object)

    def __init__(self, parent: QWidget, *, clock: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanCatcher")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(56)
        self._clock = clock or (lambda: time.monotonic() * 1000)
        self._keys: list[TypedKey] = []
        self.end_timer = QTimer(self)
        self.end_timer.setSingleShot(True)
        self.end_timer.setInterval(END_WAIT_MS)
        self.end_timer.timeout.connect(lambda: self._finish(Ending.NOTHING, None))
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setFont(grown_font(self.font(), 2, bold=True))
        layout.addWidget(self.label)
        self.setAccessibleName(_tr("Scan the test code here"))
        self._show_state()

    def _show_state(self) -> None:
        if self._keys:
            text = _tr("Reading…")
        elif self.hasFocus():
            text = _tr("Ready: scan the code now.")
        else:
            text = _tr("Click here, then scan the code.")
        self.label.setText(text)
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_state()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_state()

    def focusNextPrevChild(self, next: bool) -> bool:
        # A Tab right after a code is the scanner's suffix, not a move to the next field.
        if self._keys:
            return False
        return super().focusNextPrevChild(next)

    def _at(self, event: QKeyEvent) -> float:
        return float(event.timestamp()) or self._clock()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Taken either way: in a wizard, Enter would otherwise press Next.
            event.accept()
            if self._keys:
                self._finish(Ending.ENTER, self._at(event))
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._keys:
            event.accept()
            self._finish(Ending.TAB, self._at(event))
            return
        text = event.text()
        if text and text.isprintable():
            event.accept()
            self._keys.append(TypedKey(text, self._at(event)))
            self.end_timer.start()
            if len(self._keys) == 1:
                self._show_state()
            return
        super().keyPressEvent(event)

    def _finish(self, ending: Ending, at_ms: float | None) -> None:
        self.end_timer.stop()
        recording = Recording(tuple(self._keys), ending, at_ms)
        self._keys = []
        self._show_state()
        self.scanned.emit(recording)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        focused = self.hasFocus()
        pen = QPen(ColorScheme.FOCUS_RING if focused else ColorScheme.CONTROL_BORDER)
        pen.setWidth(3 if focused else 1)
        pen.setStyle(Qt.PenStyle.SolidLine if focused else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = pen.width() / 2 + 1
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)
        painter.end()


class ScannerPage(SetupPage):
    """The test codes, where the scanner types, and what its scan showed."""

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("scannerPage")
        self.setTitle(_tr("Test the scanner"))
        self.setSubTitle(
            _tr(
                "Scan one of these codes with this counter's scanner. The page shows what "
                "the scanner typed, how fast, and whether it ends with Enter, and what to "
                "change on the scanner. Nothing is saved here."
            )
        )
        self.barcode = BarcodePicture(TEST_CODE, self)
        self.qr = QrPicture(TEST_CODE, self)
        codes = QGridLayout()
        codes.setHorizontalSpacing(24)
        codes.setVerticalSpacing(4)
        bottom_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        codes.addWidget(self.barcode, 0, 0, bottom_left)
        codes.addWidget(self.qr, 0, 1, bottom_left)
        self.code_text = QLabel(
            _tr("Barcode (Code 128): every scanner reads it")
            + "\n"
            + _tr("The code: {code}").format(code=TEST_CODE),
            self,
        )
        self.code_text.setObjectName("scannerTestCode")
        self.code_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        codes.addWidget(self.code_text, 1, 0, top_left)
        qr_caption = QLabel(_tr("QR code: for 2D scanners"), self)
        codes.addWidget(qr_caption, 1, 1, top_left)
        codes.setColumnStretch(2, 1)
        self.layout_.addLayout(codes)
        print_row = QHBoxLayout()
        self.print_button = QPushButton(_tr("Print the test codes"), self)
        self.print_button.setObjectName("printTestCodesButton")
        self.print_button.setToolTip(
            _tr(
                "For scanners that cannot read a screen (laser scanners): prints both codes "
                "on the receipt printer, or on a printer of this PC"
            )
        )
        self.print_button.clicked.connect(self.on_print_button_clicked)
        print_row.addWidget(self.print_button)
        self.print_result = QLabel(self)
        self.print_result.setObjectName("testCodesPrintResult")
        self.print_result.setWordWrap(True)
        self.print_result.setTextFormat(Qt.TextFormat.PlainText)
        print_row.addWidget(self.print_result, 1)
        self.layout_.addLayout(print_row)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        # The page's size (kiosk mode enlarges it): the system's fixed font has its own.
        mono.setPointSizeF(self.font().pointSizeF())
        self.catcher = ScanCatcher(self)
        self.catcher.scanned.connect(self.show_recording)
        self.layout_.addWidget(self.catcher)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.typed = QLabel(self)
        self.typed.setObjectName("scannerTyped")
        self.typed.setFont(mono)
        self.typed.setTextFormat(Qt.TextFormat.PlainText)
        self.typed.setWordWrap(True)
        self.speed = QLabel(self)
        self.speed.setObjectName("scannerSpeed")
        self.ending = QLabel(self)
        self.ending.setObjectName("scannerEnding")
        form.addRow(_tr("It typed"), self.typed)
        form.addRow(_tr("Speed"), self.speed)
        form.addRow(_tr("Ends with"), self.ending)
        self.results = QWidget(self)
        self.results.setLayout(form)
        self.results.hide()
        self.layout_.addWidget(self.results)
        self.layout_.addWidget(self.message)
        self.advice = QLabel(self)
        self.advice.setObjectName("scannerAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice.hide()
        self.layout_.addWidget(self.advice)
        self.layout_.addStretch(1)
        self.report: ScannerReport | None = None

    def initializePage(self) -> None:
        super().initializePage()
        # After the wizard's own focus change on a new page, which would win otherwise.
        QTimer.singleShot(0, lambda: self.catcher.setFocus(Qt.FocusReason.OtherFocusReason))

    # -- the test codes on paper ---------------------------------------------------------

    def on_print_button_clicked(self) -> None:
        if not self.tasks.is_running(_PRINT):
            self.tasks.op(self.print_test_codes(), key=_PRINT).disable(self.print_button).run()

    async def print_test_codes(self) -> bool:
        """The test codes where this counter prints its slips; the outcome beside the button."""
        # Imported when asked for: Qt's print support takes a while to load.
        from pos_app.ui.setup import test_sheet
        from pos_app.ui.slips.receipt import ReceiptTarget, describe_receipt_problem

        settings = self.draft.settings
        target = ReceiptTarget.from_settings(settings)
        if target is None:
            return await self._print_through_dialog()
        self.print_result.setText(
            _tr("Printing the test codes on {printer}…").format(printer=target.describe())
        )
        try:
            where = await test_sheet.print_on_receipt_printer(target)
        except ReceiptPrinterError as error:
            self.print_result.setText(describe_receipt_problem(error))
            return False
        self.print_result.setText(
            _tr("Sent to the receipt printer ({printer}).").format(printer=where)
        )
        return True

    async def _print_through_dialog(self) -> bool:
        """The system's print dialog, on the counter's slip printer and paper (another
        printer or a PDF file can be chosen there)."""
        from PySide6.QtPrintSupport import QPrinter

        from pos_app.ui.setup import test_sheet
        from pos_app.ui.slips.printers import (
            PrinterMissing,
            confirm_print,
            describe_missing_printer,
            printer_label,
        )

        settings = self.draft.settings
        paper = settings.slip_paper
        self.print_result.clear()
        try:
            printer = self.draft.make_printer(settings.slip_printer, paper)
        except PrinterMissing as missing:
            if missing.name:
                # Said beside the system's chooser, which opens on another printer.
                self.print_result.setText(describe_missing_printer(missing))
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        test_sheet.prepare_printer(printer, paper)
        if not await confirm_print(
            self,
            printer,
            title=_tr("Print the scanner's test codes"),
            object_name="testCodesPrintDialog",
        ):
            return False
        try:
            test_sheet.print_sheet(printer, paper)
        except OSError as exc:
            self.print_result.setText(
                _tr("The test codes could not be printed ({error}).").format(
                    error=type(exc).__name__
                )
            )
            return False
        self.print_result.setText(
            _tr("Sent to {printer}.").format(printer=printer_label(printer, settings.slip_printer))
        )
        return True

    def show_recording(self, recording: Recording) -> None:
        report = self.report = analyse(recording)
        ending = {Ending.ENTER: " ⏎", Ending.TAB: " ⇥"}.get(report.ending, "")
        self.typed.setText(visible(report.typed) + ending)
        self.speed.setText(speed_text(report))
        self.ending.setText(ending_text(report.ending))
        self.results.show()
        self.show_message(verdict(report), "success" if report.ok else "error")
        steps = [advice(finding) for finding in report.findings]
        self.advice.setText("\n\n".join(f"• {step}" for step in steps))
        self.advice.setVisible(bool(steps))
