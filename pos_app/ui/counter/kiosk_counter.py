"""The counter in kiosk mode: what an idle kiosk wipes, and who may leave it.

:class:`~pos_app.ui.counter.kiosk.KioskMode` locks the window down and watches the idle time; this
is what it asks the counter: is any trace of a customer left, wipe them, may this person
leave (a manager's PIN), and the first start's "who is the manager".
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pos_app.services.staff import StaffService
from pos_app.ui.async_support import await_dialog
from pos_app.ui.counter.kiosk import TOUCH_TARGET, KioskMode
from pos_app.ui.counter.screen import REFRESH
from pos_app.ui.i18n import current_language, language_of, use_language
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.staff import ask_manager_pin, ensure_manager

if TYPE_CHECKING:
    from pos_app.ui.counter.window import MainWindow

log = logging.getLogger(__name__)

_SETUP = "kiosk.setup"


def open_dialogs(window: MainWindow) -> list[QDialog]:
    """The window's dialogs on screen (isAncestorOf stops at window borders)."""
    found = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            owner = widget.parentWidget()
            while owner is not None and owner is not window:
                owner = owner.parentWidget()
            if owner is window:
                found.append(widget)
    return found


class KioskCounter:
    def __init__(self, window: MainWindow, staff: StaffService | None) -> None:
        self._window = window
        self._staff = staff
        settings = window.counter.settings
        self.mode = KioskMode(
            window,
            idle_seconds=settings.kiosk_idle_seconds,
            hide_cursor=settings.kiosk_hide_cursor,
            tasks=window.tasks,
            ask_unlock=self._ask_unlock,
            armed=self.has_traces,
            wipe=window.kiosk_reset,
        )

    def start(self) -> None:
        self.mode.start()
        if self._staff is not None:
            self._window.tasks.op(self._first_start(self._staff), key=_SETUP).run()

    def wipe(self) -> None:
        """No trace of the customer: open dialogs closed, the lookup stopped, the list,
        header, panel and pictures forgotten, the search field emptied and hidden, whoever
        signed in signed out. A hand-over already sent is left to finish: its outcome is
        journaled either way."""
        window = self._window
        for dialog in open_dialogs(window):
            dialog.reject()
        window.identify.stop()
        window.tasks.cancel(REFRESH)
        window.code_entry.close_entry()
        window.counter.clear()
        window.pictures.clear_memory()
        window.message_bar.clear_message()
        window.search_bar.reset(hide=True)
        window.signing_in.sign_out()
        self._counter_language_again()
        window.focus_search()

    def choose_language(self, tag: str) -> None:
        """The customer's language for the screen, until the next wipe (counter's again).

        Qt tells every widget of the change; each sets its fixed texts again, and texts
        made on demand (messages, dialogs, slips) are made in the new language anyway.
        """
        use_language(tag)
        self.mode.idle.touch()

    def _counter_language_again(self) -> None:
        counter_language = self._window.counter.settings.language
        if current_language() != language_of(counter_language):
            use_language(counter_language)

    def has_traces(self) -> bool:
        """Is anything on screen or in memory that an idle kiosk must wipe?"""
        window = self._window
        return bool(
            current_language() != language_of(window.counter.settings.language)
            or window.counter.customer is not None
            or window.search_input.text()
            or window.code_entry.isVisible()
            or window.message_bar.isVisible()
            or not window.search_bar.isHidden()
            or window.pages.currentIndex() != 0
            or window.sign_in_session.profile is not None
            or window.looking_up
            or open_dialogs(window)
        )

    async def _first_start(self, staff: StaffService) -> None:
        """A locked counter needs a manager who can unlock it: the first start asks for one."""
        try:
            await ensure_manager(staff, self._window)
        except LookupError:
            log.error("Kiosk mode needs a manager; none was created, so the app quits.")
            self.mode.unlocked = True
            self._window.close()

    async def _ask_unlock(self) -> bool:
        if self._staff is None:
            # No PIN can be checked, so nobody may leave from here: a counter left alone
            # with a customer must not open up because its staff file broke.
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                _tr("Leave kiosk mode"),
                _tr(
                    "Staff PINs cannot be checked on this counter right now, so kiosk mode "
                    "cannot be left from here. Your IT contact can end the app from the "
                    "operating system, as the kiosk set-up notes describe."
                ),
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            box.setObjectName("kioskLeaveRefused")
            try:
                await await_dialog(box)
            finally:
                box.deleteLater()
            return False
        entry = self._window.settings_entry
        manager = await ask_manager_pin(
            self._staff,
            self._window,
            prompt=_tr("Leaving kiosk mode closes the app. It needs a manager's PIN.")
            if not entry.available
            else _tr("A manager's PIN: to close the app, or to open Settings."),
            asked_by=self._window.sign_in_session.staff,
        )
        if manager is None:
            return False
        if not entry.available:
            return True
        choice = await self._manager_choice()
        if choice == "settings":
            # Settings restart the counter themselves when saved; closed unsaved, the
            # kiosk stays as it was.
            await entry.run(approved=True)
        return choice == "close"

    async def _manager_choice(self) -> str:
        """After the PIN: "close" the app, open "settings", or "stay" in the kiosk."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _tr("Leave kiosk mode"),
            _tr("Close the app, or open this counter's Settings?"),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        box.setObjectName("kioskManagerChoice")
        close = box.addButton(_tr("Close the app"), QMessageBox.ButtonRole.AcceptRole)
        settings = box.addButton(_tr("Open Settings"), QMessageBox.ButtonRole.ActionRole)
        settings.setObjectName("kioskOpenSettings")
        box.addButton(_tr("Stay in kiosk mode"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(settings)
        # Room for the whole label at the kiosk's touch sizes (German words are long):
        # the box sizes its buttons before the kiosk look's padding applies.
        for button in box.buttons():
            text_width = button.fontMetrics().horizontalAdvance(button.text())
            button.setMinimumWidth(text_width + TOUCH_TARGET)
        try:
            await await_dialog(box)
        finally:
            box.deleteLater()
        clicked = box.clickedButton()
        if clicked is close:
            return "close"
        return "settings" if clicked is settings else "stay"
