"""Pickup slips: drawn for 80 mm receipts and A4 (``paper``), offered after a hand-over
(``dialog``)."""

from pos_app.ui.slips.dialog import SlipDialog, offer_slip

__all__ = ["SlipDialog", "offer_slip"]
