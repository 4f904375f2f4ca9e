"""Staff management for managers: the forms (``forms``), the staff list with the
manager-only steps the counter awaits (``list_dialog``) and the counter's own Staff… entry
(``entry``).

The names are imported on first use: the counter's first frame needs a role's words, not
the staff list's dialogs.
"""

from typing import TYPE_CHECKING

from pos_app._lazy import lazy_names

if TYPE_CHECKING:
    from pos_app.ui.managers.staff.entry import StaffEntry
    from pos_app.ui.managers.staff.forms import FirstManagerDialog, role_text
    from pos_app.ui.managers.staff.list_dialog import (
        StaffDialog,
        ask_manager_pin,
        ensure_manager,
        manage_staff,
    )

__getattr__ = lazy_names(
    __name__,
    {
        "StaffEntry": "pos_app.ui.managers.staff.entry",
        "FirstManagerDialog": "pos_app.ui.managers.staff.forms",
        "role_text": "pos_app.ui.managers.staff.forms",
        "StaffDialog": "pos_app.ui.managers.staff.list_dialog",
        "ask_manager_pin": "pos_app.ui.managers.staff.list_dialog",
        "ensure_manager": "pos_app.ui.managers.staff.list_dialog",
        "manage_staff": "pos_app.ui.managers.staff.list_dialog",
    },
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
