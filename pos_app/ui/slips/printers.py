"""Which printer a slip goes to: the counter's chosen one (``slip_printer``) or the default.

A printer is made through a :data:`MakePrinter` (tests hand in one that prints to a PDF
file); :func:`system_printer` finds the PC's own. A printer that is not there is a
:class:`PrinterMissing`, said in shop words by :func:`describe_missing_printer`.
:func:`confirm_print` shows the system's print dialog for one.

Slips are drawn on the printer in the UI thread. A worker thread would not keep the
screen alive while a spooler is slow to take a job: PySide6 holds Python's global lock
through ``QPainter.begin()`` and ``end()``, where a print job is opened and handed over,
so every other thread waits as well. (Tried with a printer whose job was held open: the
main thread did not run again until the job was taken.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from pos_app.services.settings import SlipPaper
from pos_app.ui.async_support import await_dialog
from pos_app.ui.i18n import translate as _tr

#: Makes the printer for a slip: the printer's name (None: the system's default) and the
#: paper; raises :class:`PrinterMissing` when there is no such printer.
MakePrinter = Callable[[str | None, SlipPaper], QPrinter]


class PrinterMissing(Exception):
    """The chosen printer is not installed on this PC, or there is no default printer."""

    def __init__(self, name: str | None) -> None:
        super().__init__(f"printer not found: {name}" if name else "no default printer")
        #: The chosen printer's name; None when the system's default was wanted.
        self.name = name


def system_printer(name: str | None, paper: SlipPaper) -> QPrinter:
    """This PC's printer called ``name``, or its default printer when ``name`` is empty.

    The paper is the slip's to set (:func:`~pos_app.ui.slips.paper.print_slip` sets the
    page for it); it is part of the signature so a :data:`MakePrinter` may pick by it.
    """
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise PrinterMissing(name or None)
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def describe_missing_printer(missing: PrinterMissing) -> str:
    if missing.name:
        return _tr("No printer found: “{printer}” is not on this PC.").format(printer=missing.name)
    return _tr("No printer found: this PC has no default printer.")


def printer_label(printer: QPrinter, chosen: str | None = None) -> str:
    """How a printer is named to a person: its name, else the file it prints to."""
    return printer.printerName() or printer.outputFileName() or chosen or ""


async def confirm_print(
    parent: QWidget, printer: QPrinter, *, title: str, object_name: str
) -> bool:
    """Show the system's print dialog for ``printer`` (awaited, never ``exec()``);
    whether the user chose to print. The dialog may change the printer and its page."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName(object_name)
    dialog.setWindowTitle(title)
    try:
        return await await_dialog(dialog) == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
