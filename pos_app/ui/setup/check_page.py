"""Settings' own pages: Check this counter (the doctor in the app) and Roll out (export, import).

The check runs :class:`~pos_app.services.doctor.Doctor` with the settings this counter uses
now, and with a customer's card its live check, which only reads. Each row that is not in
order carries its next step in app words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pos_app.services.checks import CheckResult, CheckStatus
from pos_app.services.doctor import Doctor
from pos_app.services.rollout import export_settings, import_settings, missing_secrets
from pos_app.services.settings import SettingsError
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.i18n import translated
from pos_app.ui.plurals import english_plural
from pos_app.ui.setup.draft import SetupDraft, SetupPage
from pos_app.ui.setup.words import secret_label
from pos_app.ui.theme import ColorScheme, kiosk_look_active


def status_text(status: CheckStatus) -> str:
    if status is CheckStatus.OK:
        return _tr("In order")
    if status is CheckStatus.WARN:
        return _tr("Check this")
    if status is CheckStatus.FAIL:
        return _tr("Not working")
    return _tr("Not checked")


class CheckPage(SetupPage):
    """Every check of this counter, and the live check with a customer's card."""

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("checkPage")
        self.setTitle(_tr("Check this counter"))
        self.setSubTitle(
            _tr(
                "Checks the settings, the keys and every program with the settings saved now. "
                "With a customer's card it also looks them up, lists their rewards and asks "
                "Giftoin and Nudj, and changes nothing."
            )
        )
        row = QHBoxLayout()
        self.card = QLineEdit(self)
        self.card.setObjectName("checkCard")
        self.card.setPlaceholderText(_tr("A customer's card (optional)"))
        self.card.setAccessibleName(_tr("A customer's card, for the live check"))
        self.card.returnPressed.connect(self.run_checks)
        row.addWidget(self.card, 1)
        self.run_button = QPushButton(_tr("Check now"), self)
        self.run_button.setObjectName("runChecks")
        self.run_button.clicked.connect(self.run_checks)
        row.addWidget(self.run_button)
        self.layout_.addLayout(row)
        self.rows = QTableWidget(0, 4, self)
        self.rows.setObjectName("checkRows")
        self.rows.setWordWrap(True)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.rows.verticalHeader().hide()
        self.rows.setHorizontalHeaderLabels(
            [_tr("Part"), _tr("Check"), _tr("Result"), _tr("Details")]
        )
        header = self.rows.horizontalHeader()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Rows as tall as their wrapped details: the next step is the part to read.
        self.rows.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.layout_.addWidget(self.rows, 1)
        self.layout_.addWidget(self.message)
        self.results: list[CheckResult] = []

    def run_checks(self) -> None:
        card = self.card.text().strip() or None
        doctor = Doctor(self.draft.settings, self.draft.store, config_file=self.draft.config_file)
        self.show_message(_tr("Checking…"), "info")
        self.tasks.op(doctor.run(customer=card), key="setup.check").success(self._show).disable(
            self.run_button
        ).run()

    def _show(self, results: list[CheckResult]) -> None:
        self.results = results
        self.rows.setRowCount(0)
        failed = 0
        for result in results:
            # The rows are English phrases (the terminal's doctor prints them so).
            detail = translated(result.detail)
            step = translated(result.app_step) if result.app_step else ""
            if step and result.status in (CheckStatus.FAIL, CheckStatus.WARN):
                detail += "\n" + _tr("Next: {step}").format(step=step)
            row = self.rows.rowCount()
            self.rows.insertRow(row)
            texts = (
                translated(result.component),
                translated(result.check),
                status_text(result.status),
                detail,
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.rows.setItem(row, column, item)
            status = self.rows.item(row, 2)
            assert status is not None
            if result.status is CheckStatus.FAIL:
                failed += 1
                status.setForeground(ColorScheme.ERROR_TEXT)
            elif result.status is CheckStatus.OK:
                status.setForeground(ColorScheme.SUCCESS_TEXT)
        if failed:
            text = _tr("%n check(s) not working.", None, failed)
            self.show_message(english_plural(text, failed, "check(s)", "check", "checks"))
        else:
            self.show_message(_tr("Everything needed is in order."), "success")


class RolloutPage(SetupPage):
    """Counter 2..N from counter 1: this counter's shop settings to a file, and back.

    Signals:
        imported_settings: the settings file was replaced by an import (the pages show it now).
    """

    imported_settings = Signal()

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("rolloutPage")
        self.setTitle(_tr("Set up more counters"))
        self.setSubTitle(
            _tr(
                "Export this counter's settings to a file and import it on the next counter. "
                "The file holds no keys or tokens: the next counter asks for them. Its name "
                "and data folder stay its own."
            )
        )
        row = QHBoxLayout()
        self.export_button = QPushButton(_tr("Export to a file…"), self)
        self.export_button.setObjectName("exportSettings")
        self.export_button.clicked.connect(self._choose_export)
        row.addWidget(self.export_button)
        self.import_button = QPushButton(_tr("Import from a file…"), self)
        self.import_button.setObjectName("importSettings")
        self.import_button.clicked.connect(self._choose_import)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        if kiosk_look_active():
            # A file chooser would open the PC's folders on a locked counter (as the
            # slip dialog's Save as PDF does not there either).
            for button in (self.export_button, self.import_button):
                button.setEnabled(False)
            self.note(
                _tr(
                    "In kiosk mode no files are opened: export and import on a counter that "
                    "is not a kiosk, or ask your IT contact."
                )
            )
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        #: Set after an import: the settings file changed, the counter must start again.
        self.imported = False

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, _tr("Export the settings"), "pos-app-settings.toml", "TOML (*.toml)"
        )
        if path:
            self.export_to(Path(path))

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, _tr("Import settings"), "", "TOML (*.toml)")
        if path:
            self.import_from(Path(path))

    def export_to(self, path: Path) -> None:
        try:
            export_settings(self.draft.file_settings(), path)
        except (OSError, SettingsError) as exc:
            self.show_message(
                _tr("Could not write {path}: {error}").format(
                    path=path, error=getattr(exc, "strerror", None) or exc
                )
            )
            return
        self.show_message(
            _tr("Exported to {path}. It holds no keys or tokens.").format(path=path), "success"
        )

    def import_from(self, path: Path) -> None:
        try:
            imported = import_settings(path, self.draft.config_file)
        except SettingsError as exc:
            self.show_message(_tr("This file cannot be imported: {reason}").format(reason=exc))
            return
        except OSError as exc:
            self.show_message(
                _tr("Could not import {path}: {error}").format(
                    path=path, error=exc.strerror or type(exc).__name__
                )
            )
            return
        self.imported = True
        self.draft.replace(imported)
        self.imported_settings.emit()
        missing = missing_secrets(imported, self.draft.store)
        text = _tr("Imported. The counter starts again with these settings when Settings closes.")
        if missing:
            names = ", ".join(secret_label(name) for name in missing)
            text += " " + _tr("Still needed here: {names}. Paste them on their pages.").format(
                names=names
            )
        self.show_message(text, "info" if missing else "success")
