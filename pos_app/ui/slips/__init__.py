"""Pickup slips: drawn for 80 mm receipts and A4 (``paper``), offered after a hand-over
(``dialog``), on the printer a counter chose once (``printers``, ``printer_choice``)."""

from pos_app.ui.slips.dialog import SlipDialog, SlipHeldBack, offer_slip
from pos_app.ui.slips.printer_choice import PrinterChoice

__all__ = ["PrinterChoice", "SlipDialog", "SlipHeldBack", "offer_slip"]
