"""Staff management for managers: the forms (``forms``), the staff list with the
manager-only steps the counter awaits (``list_dialog``) and the counter's own Staff… entry
(``entry``)."""

from pos_app.ui.managers.staff.entry import StaffEntry
from pos_app.ui.managers.staff.forms import FirstManagerDialog, role_text
from pos_app.ui.managers.staff.list_dialog import (
    StaffDialog,
    ask_manager_pin,
    ensure_manager,
    manage_staff,
)

__all__ = [
    "FirstManagerDialog",
    "StaffDialog",
    "StaffEntry",
    "ask_manager_pin",
    "ensure_manager",
    "manage_staff",
    "role_text",
]
