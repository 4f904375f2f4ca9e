"""The first-start setup flow: a QWizard over the setup pages, saving only on Finish."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Unpack

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from pos_app.services.secrets import KeyringUnavailableError, PinKeyError, SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import StaffDirectory, StaffError, StaffService
from pos_app.services.staff.profiles import DirectoryOptions
from pos_app.ui.async_support import TaskOwner, await_dialog
from pos_app.ui.i18n import current_language, language_of, use_language
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.setup.counter_page import CounterPage, ManagerPage
from pos_app.ui.setup.draft import SetupDraft, SetupPage
from pos_app.ui.setup.pages import LanguagePage, PiggyPage, ShopPage
from pos_app.ui.setup.programs import ProgramsPage
from pos_app.ui.setup.scanner_page import ScannerPage
from pos_app.ui.theme import fit_to_screen

log = logging.getLogger(__name__)


class Page:
    """The pages' ids, in the order the flow shows them."""

    LANGUAGE = 0
    PIGGY = 1
    SHOP = 2
    PROGRAMS = 3
    COUNTER = 4
    MANAGER = 5
    # Shown after COUNTER (see SetupWizard.nextId); numbered last so that the other pages
    # keep theirs.
    SCANNER = 6


class SetupWizard(QWizard):
    """Language, Piggy, shop, Giftoin and Nudj, this counter, the scanner, the first manager.

    Nothing is written before Finish; then the first manager is created (if there is
    none) and the secrets and settings are saved (:func:`~pos_app.services.setup.save_setup`).
    """

    #: The result code of a wizard closed to come back in the language just chosen.
    LANGUAGE_CHANGED = 2

    def __init__(
        self, draft: SetupDraft, parent: QWidget | None = None, *, start: int = Page.LANGUAGE
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(_tr("Set up this counter"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.draft = draft
        self.tasks = TaskOwner()
        self.language_page = LanguagePage(draft, self.tasks, self)
        self.piggy_page = PiggyPage(draft, self.tasks, self)
        self.shop_page = ShopPage(draft, self.tasks, self)
        self.programs_page = ProgramsPage(draft, self.tasks, self)
        self.counter_page = CounterPage(draft, self.tasks, self)
        self.manager_page = ManagerPage(draft, self.tasks, self)
        self.scanner_page = ScannerPage(draft, self.tasks, self)
        for number, page in enumerate(self.setup_pages()):
            self.setPage(number, page)
        self.setStartId(start)
        self.setButtonText(QWizard.WizardButton.FinishButton, _tr("Finish: start the counter"))
        self._saved = False
        #: Where the settings were written, once they were.
        self.saved_to: Path | None = None
        fit_to_screen(self, self.sizeHint())

    def setup_pages(self) -> tuple[SetupPage, ...]:
        return (
            self.language_page,
            self.piggy_page,
            self.shop_page,
            self.programs_page,
            self.counter_page,
            self.manager_page,
            self.scanner_page,
        )

    def sizeHint(self) -> QSize:
        # Room for the Giftoin and Nudj page with its results in Dutch or German.
        return QSize(900, 720)

    def nextId(self) -> int:
        current = self.currentId()
        if current == Page.COUNTER:
            return Page.SCANNER
        if current == Page.SCANNER:
            return -1 if self.draft.has_manager else Page.MANAGER
        if current == Page.MANAGER:
            return -1
        return super().nextId()

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        chosen = self.language_page.chosen()
        if self.currentId() == Page.LANGUAGE and language_of(chosen) != current_language():
            # Texts are set when a page is made: the flow comes back in the new language.
            use_language(chosen)
            self.done(self.LANGUAGE_CHANGED)
            return False
        if self.nextId() != -1 or self._saved:
            return True
        page = self.currentPage()
        assert isinstance(page, SetupPage)
        page.show_message(_tr("Saving…"), "info")
        self.tasks.op(self._finish(), key="setup.finish").success(self._finished).failure(
            lambda exc: self._failed(page, exc)
        ).disable(self.button(QWizard.WizardButton.FinishButton)).run()
        return False

    async def _finish(self) -> Path:
        manager = self.manager_page
        if self.currentId() == Page.MANAGER and manager.created is None and self.draft.staff:
            await manager.create_manager()
        return await self.draft.save()

    def _finished(self, path: Path) -> None:
        log.info("Setup finished; settings written to %s", path)
        self.saved_to = path
        self._saved = True
        self.accept()

    def _failed(self, page: SetupPage, exc: BaseException) -> None:
        if isinstance(exc, KeyringUnavailableError):
            page.show_message(
                _tr(
                    "The OS keyring refused to keep the keys, so nothing was saved. Start or "
                    "unlock the keyring and press Finish again."
                )
            )
        elif isinstance(exc, StaffError):
            self.manager_page.creation_failed(exc)
        elif isinstance(exc, OSError):
            page.show_message(
                _tr(
                    "The settings file {path} cannot be written ({error}). Nothing was saved."
                ).format(path=self.draft.config_file, error=exc.strerror or type(exc).__name__)
            )
        else:
            self.tasks.fail(exc)

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.tasks.cancel("setup.finish")
        super().done(result)


async def open_draft(
    settings: Settings,
    store: SecretStore,
    config_file: Path,
    **staff_options: Unpack[DirectoryOptions],
) -> SetupDraft:
    """A draft of ``settings`` with this counter's staff list opened for the first manager."""
    draft = SetupDraft(settings=settings, store=store, config_file=config_file)
    try:
        pin_key = store.staff_pin_key()
        draft.staff = await StaffService.open(settings.staff_path, pin_key=pin_key, **staff_options)
        draft.has_manager = await draft.staff.call(StaffDirectory.has_any_manager)
    except (KeyringUnavailableError, PinKeyError):
        draft.staff_problem = _tr(
            "Staff PINs need the OS keyring, and this computer has none, so no manager can be "
            "created here. Start or unlock the keyring and open this again."
        )
    except (StaffError, OSError) as exc:
        log.error("Cannot open the staff list for the setup: %s", type(exc).__name__)
        draft.staff_problem = _tr("The staff list cannot be opened. Ask your IT contact.")
    return draft


async def run_first_setup(
    settings: Settings, store: SecretStore, config_file: Path, parent: QWidget | None = None
) -> dict[str, Any] | None:
    """Show the setup flow; the settings it changed once finished, None when cancelled."""
    draft = await open_draft(settings, store, config_file)
    start = Page.LANGUAGE
    try:
        while True:
            wizard = SetupWizard(draft, parent, start=start)
            try:
                result = await await_dialog(wizard)
                await wizard.tasks.cancel_all()
            finally:
                wizard.deleteLater()
            if result != SetupWizard.LANGUAGE_CHANGED:
                break
            start = Page.PIGGY
    finally:
        if draft.staff is not None:
            await draft.staff.aclose()
    if result != QDialog.DialogCode.Accepted:
        return None
    return dict(draft.changes)
