"""The counter screen: scan a customer, see their rewards, hand them over.

``window`` wires the counter session (:mod:`pos_app.services.counter`) to the parts in the
modules next to it: ``search`` (the scan field that takes a scanner's keys from anywhere),
``customer_page`` (header, rewards list, side programs), ``hand_over`` (confirm, sign in,
send, say, slip), ``signing_in``, ``status`` (the status bar), ``recent_page``,
``kiosk_counter`` (what kiosk mode asks of the counter), ``banners`` and ``words`` (what the
counter says, in shop words).
"""

from pos_app.ui.counter.hand_over import HAND_OVER
from pos_app.ui.counter.screen import LOOKUP
from pos_app.ui.counter.window import MainWindow

__all__ = ["HAND_OVER", "LOOKUP", "MainWindow"]
