"""The counter's ESC/POS receipt printer: a slip printed on it without freezing the screen,
and what went wrong said in shop words.

The printer is the ``escpos_printer`` setting (:class:`ReceiptTarget`); the slip's lines
are the drawn receipt's (:func:`~pos_app.ui.slips.paper.receipt_text`). Printing runs on
a worker thread: reaching a printer that is off takes seconds, and python-escpos (with
its printer database) is loaded there too, on the first slip. A slip that did not print
changes nothing about the hand-over: the journal has it, and the slip can be printed
again from the dialog or from Recent pickups.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from pos_app.services.receipt_printer import (
    PrinterAddress,
    PrinterProblem,
    ReceiptPaper,
    ReceiptPrinterError,
    print_receipt,
)
from pos_app.services.settings import Settings
from pos_app.services.slips import PickupSlip
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.slips.paper import receipt_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReceiptTarget:
    """The ESC/POS printer a counter's slips go to, its paper and its QR command."""

    address: PrinterAddress
    paper: ReceiptPaper = ReceiptPaper.MM80
    native_qr: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> ReceiptTarget | None:
        """None: this counter prints its slips through the system's printers."""
        address = settings.escpos_address
        if address is None:
            return None
        return cls(address, settings.escpos_paper, settings.escpos_native_qr)

    def describe(self) -> str:
        return self.address.describe()


async def print_on_receipt_printer(slip: PickupSlip, target: ReceiptTarget) -> str:
    """Print ``slip`` on ``target`` (on a worker thread); returns the printer's name.

    Raises :class:`ReceiptPrinterError`; :func:`describe_receipt_problem` says it.
    """
    text = receipt_text(slip)  # in the UI thread: the translations are Qt's
    try:
        await asyncio.to_thread(
            print_receipt, target.address, text, target.paper, native_qr=target.native_qr
        )
    except ReceiptPrinterError as error:
        log.warning("Slip %s not printed on %s: %s", slip.code, target.describe(), error)
        raise
    return target.describe()


def describe_receipt_problem(error: ReceiptPrinterError) -> str:
    """What went wrong, for the cashier (the hand-over itself is never in doubt)."""
    printer = error.address.describe()
    problem = error.problem
    if problem is PrinterProblem.PAPER_OUT:
        if error.after_sending:
            return _tr(
                "The receipt printer ran out of paper during the slip: put in a new roll "
                "and print the slip again."
            )
        return _tr("The receipt printer is out of paper: put in a new roll and print again.")
    if problem is PrinterProblem.COVER_OPEN:
        return _tr("The receipt printer's cover is open: close it and print again.")
    if problem is PrinterProblem.OFFLINE:
        return _tr("The receipt printer is not ready: check its paper and cover, then print again.")
    if problem is PrinterProblem.UNREACHABLE:
        return _tr(
            "The receipt printer ({printer}) does not answer: check that it is on and "
            "connected, then print again."
        ).format(printer=printer)
    if problem is PrinterProblem.NOT_FOUND:
        return _tr("The receipt printer ({printer}) is not connected to this PC.").format(
            printer=printer
        )
    if problem is PrinterProblem.NO_PERMISSION:
        return _tr(
            "This PC does not let the app use the receipt printer ({printer}): ask your IT contact."
        ).format(printer=printer)
    if problem is PrinterProblem.NO_USB_SUPPORT:
        return _tr(
            "This PC lacks the USB support the receipt printer needs (libusb): ask your IT contact."
        )
    return _tr(
        "The connection to the receipt printer ({printer}) broke: the slip may be "
        "incomplete. Print it again."
    ).format(printer=printer)
