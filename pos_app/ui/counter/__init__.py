"""The counter screen: scan a customer, see their rewards, hand them over.

``window`` wires the counter session (:mod:`pos_app.services.counter`) to the parts in the
modules next to it: ``screen`` (everything inside the frame; shows the session's events),
``search`` (the scan field that takes a scanner's keys from anywhere), ``identify`` and
``hand_over`` (the conversations around the use cases), ``customer_page`` (header, rewards
list, side programs), ``customer_widgets``, ``signing_in``, ``status`` (the status bar),
``recent_page``, ``prepare_page`` (To prepare) with ``shelf_marks`` (its marks on the
customer's list), ``notice`` (Undo and Print slip beside a notice), ``help`` (F1),
``sounds`` (after a scan), ``kiosk`` (the locked-down mode) with ``kiosk_counter`` (what it
asks of the counter), ``kiosk_home`` (its home screen and logo) and ``keyboard`` (the
kiosk's on-screen keys), ``banners`` and
``words`` (what the counter says, in shop words).
"""

from pos_app.ui.counter.screen import HAND_OVER, LOOKUP
from pos_app.ui.counter.window import MainWindow

__all__ = ["HAND_OVER", "LOOKUP", "MainWindow"]
