"""The way into Settings from the counter: a manager's PIN first, then the Settings dialog.

At a normal counter through the status bar's Settings button; in kiosk mode only through
the manager path (Leave kiosk, then "Settings"), never from the customer's screen. Saved
settings restart the counter (:attr:`SettingsEntry.restart_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton

from pos_app.services.counter import CounterServices
from pos_app.storage import StaffRef
from pos_app.ui.async_support import TaskOwner, await_dialog
from pos_app.ui.i18n import translate as _tr

_SETTINGS = "settings"


class SettingsEntry(QObject):
    """Opens Settings for a manager; asks the window to close for a restart once saved."""

    def __init__(self, window: QMainWindow, services: CounterServices, tasks: TaskOwner) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._tasks = tasks
        #: True once settings were saved: the app starts the counter again after closing.
        self.restart_requested = False

    @property
    def available(self) -> bool:
        """Settings are offered where there is a settings file (not in the demo, not tests)."""
        return self._services.config_file is not None and self._services.secrets is not None

    def button(self, parent: QMainWindow) -> QPushButton:
        button = QPushButton(_tr("Settings"), parent)
        button.setObjectName("settingsButton")
        button.setFlat(True)
        button.setAccessibleName(_tr("Settings (manager PIN)"))
        button.clicked.connect(lambda: self.open(asked_by=None))
        return button

    def open(self, *, asked_by: StaffRef | None, approved: bool = False) -> None:
        if not self._tasks.is_running(_SETTINGS):
            self._tasks.op(self.run(asked_by=asked_by, approved=approved), key=_SETTINGS).run()

    async def run(self, *, asked_by: StaffRef | None = None, approved: bool = False) -> bool:
        """Ask for a manager's PIN (unless ``approved``), show Settings; True when saved."""
        staff = self._services.staff
        if not approved:
            if staff is None:
                await self._refuse()
                return False
            from pos_app.ui.managers.staff import ask_manager_pin  # with the staff dialogs

            manager = await ask_manager_pin(
                staff,
                self._window,
                prompt=_tr("Settings need a manager's PIN."),
                asked_by=asked_by,
            )
            if manager is None:
                return False
        from pos_app.ui.setup import SetupDraft
        from pos_app.ui.setup.settings_dialog import SettingsDialog

        services = self._services
        assert services.config_file is not None
        assert services.secrets is not None
        draft = SetupDraft(
            settings=services.settings, store=services.secrets, config_file=services.config_file
        )
        dialog = SettingsDialog(draft, self._window)
        try:
            accepted = await await_dialog(dialog) == SettingsDialog.DialogCode.Accepted
        finally:
            await dialog.tasks.cancel_all()
            dialog.deleteLater()
        if accepted:
            self.restart_requested = True
            kiosk = getattr(self._window, "kiosk", None)
            if kiosk is not None:
                kiosk.unlocked = True  # a manager approved: this close is the restart
            self._window.close()
        return accepted

    async def _refuse(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Settings"),
            _tr(
                "Settings need a manager's PIN, and staff PINs cannot be checked on this "
                "counter right now. Ask your IT contact."
            ),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("settingsRefused")
        try:
            await await_dialog(box)
        finally:
            box.deleteLater()
