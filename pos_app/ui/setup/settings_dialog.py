"""Settings: the setup flow's pages side by side, plus Check this counter, Test the scanner
and Roll out.

Opened by a manager (the window asks for the PIN first). Every page is filled from the
settings in use; Save checks every page (a changed key needs its Test, a changed mapping
its Check), stores new secrets in the keyring and writes the file. The counter then starts
again with them: the clients, the journal and the staff list are built from the settings
once, so a restart is the one way every part sees the same settings.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.secrets import KeyringUnavailableError
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.setup.check_page import CheckPage, RolloutPage
from pos_app.ui.setup.counter_page import CounterPage, OptionsPage
from pos_app.ui.setup.draft import SetupDraft, SetupPage
from pos_app.ui.setup.pages import LanguagePage, PiggyPage, ShopPage
from pos_app.ui.setup.programs import ProgramsPage
from pos_app.ui.setup.scanner_page import ScannerPage
from pos_app.ui.theme import fit_to_screen, grown_font, kiosk_look_active

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """Accepted means: saved (or imported), and the counter must start again."""

    def __init__(self, draft: SetupDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_tr("Settings"))
        self.setModal(True)
        self.draft = draft
        self.tasks = TaskOwner()
        self.language_page = LanguagePage(draft, self.tasks, self)
        self.piggy_page = PiggyPage(draft, self.tasks, self)
        self.shop_page = ShopPage(draft, self.tasks, self)
        self.programs_page = ProgramsPage(draft, self.tasks, self)
        self.counter_page = CounterPage(draft, self.tasks, self)
        self.options_page = OptionsPage(draft, self.tasks, self)
        self.check_page = CheckPage(draft, self.tasks, self)
        self.scanner_page = ScannerPage(draft, self.tasks, self)
        self.rollout_page = RolloutPage(draft, self.tasks, self)
        #: The pages whose fields Save writes (the others only act).
        self.setting_pages: tuple[SetupPage, ...] = (
            self.language_page,
            self.piggy_page,
            self.shop_page,
            self.programs_page,
            self.counter_page,
            self.options_page,
        )
        self.sections = QListWidget(self)
        self.sections.setObjectName("settingsSections")
        self.sections.setAccessibleName(_tr("Settings pages"))
        self.stack = QStackedWidget(self)
        for page in self.pages():
            self.sections.addItem(page.title())
            # Kiosk mode's touch sizes make some pages taller than the screen: they scroll.
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
        self.sections.setMaximumWidth(240)
        self.sections.currentRowChanged.connect(self._section_chosen)
        # Outside a wizard a page's title and subtitle are not drawn: the dialog shows them.
        self.heading = QLabel(self)
        self.heading.setObjectName("settingsHeading")
        self.heading.setFont(grown_font(self.font(), 3, bold=True))
        self.subheading = QLabel(self)
        self.subheading.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.subheading)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addLayout(right, 1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            _tr("Save and restart the counter"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveSettings")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self._close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.rollout_page.imported_settings.connect(self._reload)
        self._reload()
        self.sections.setCurrentRow(0)
        self.sections.setFocus(Qt.FocusReason.OtherFocusReason)
        #: Where the settings were written, once they were.
        self.saved_to: Path | None = None
        fit_to_screen(self, self.sizeHint())

    def _section_chosen(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.pages()[row]
        self.heading.setText(page.title())
        self.subheading.setText(page.subTitle())
        self.subheading.setVisible(bool(page.subTitle()))

    def _reload(self) -> None:
        for page in self.setting_pages:
            page.load()

    def sizeHint(self) -> QSize:
        # The kiosk's touch sizes need more room; the screen bounds it (fit_to_screen).
        return QSize(1240, 800) if kiosk_look_active() else QSize(1000, 660)

    def pages(self) -> list[SetupPage]:
        return [*self.setting_pages, self.check_page, self.scanner_page, self.rollout_page]

    def show_page(self, page: SetupPage) -> None:
        self.sections.setCurrentRow(self.pages().index(page))

    def current_page(self) -> SetupPage:
        return self.pages()[self.stack.currentIndex()]

    def save(self) -> None:
        """Check every page; the first one with a problem is shown, and nothing is saved."""
        for page in self.setting_pages:
            problem = page.problem()
            if problem:
                self.show_page(page)
                page.show_message(problem)
                return
        for page in self.setting_pages:
            page.apply()
        self.tasks.op(self.draft.save(), key="setup.save").success(self._saved).failure(
            self._save_failed
        ).disable(self.save_button).run()

    def _saved(self, path: Path) -> None:
        self.saved_to = path
        log.info("Settings saved to %s", path)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KeyringUnavailableError):
            self.show_page(self.piggy_page)
            self.piggy_page.show_message(
                _tr(
                    "The OS keyring refused to keep the keys, so nothing was saved. Start or "
                    "unlock the keyring and save again."
                )
            )
        elif isinstance(exc, OSError):
            self.current_page().show_message(
                _tr(
                    "The settings file {path} cannot be written ({error}). Nothing was saved."
                ).format(path=self.draft.config_file, error=exc.strerror or type(exc).__name__)
            )
        else:
            self.tasks.fail(exc)

    def _close(self) -> None:
        # An import already wrote the file: the counter starts again with it.
        if self.rollout_page.imported:
            self.accept()
        else:
            self.reject()

    def done(self, result: int) -> None:
        for key in ("setup.piggy", "setup.shops", "setup.sample", "setup.check"):
            self.tasks.cancel(key)
        super().done(result)
