"""What the setup pages fill in before anything is saved, and the base of every page."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from pos_app.api import Shop
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.rollout import PER_COUNTER
from pos_app.services.secrets import SecretName, SecretSource, SecretStore
from pos_app.services.settings import Settings, load_settings
from pos_app.services.setup import save_setup
from pos_app.services.staff import StaffService
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.dialogs.base import message_line
from pos_app.ui.slips.printers import MakePrinter, system_printer
from pos_app.ui.theme import set_style_property


def show_line(label: QLabel, text: str, kind: str = "error") -> None:
    """A message line says ``text`` as an error, info or success ("" hides it)."""
    label.setText(text)
    set_style_property(label, "messageLine", kind)
    label.setVisible(bool(text))


@dataclass
class SetupDraft:
    """The settings and secrets being chosen; written only when the person finishes."""

    settings: Settings
    store: SecretStore
    config_file: Path
    #: Secrets typed in this flow (a secret not typed stays as it is stored).
    secrets: dict[SecretName, str] = field(default_factory=dict)
    #: The shops the Piggy key sees, from the last successful Piggy check.
    shops: tuple[Shop, ...] = ()
    #: A real customer found by card, for the Giftoin and Nudj preview (never saved).
    sample: CustomerSummary | None = None
    staff: StaffService | None = None
    #: Why staff PINs cannot be stored on this computer (no keyring), in words.
    staff_problem: str | None = None
    has_manager: bool = False
    #: The settings changed in this flow: what is written into the file.
    changes: dict[str, Any] = field(default_factory=dict)
    #: Stored secrets to remove on saving (their program was turned off).
    forget: set[SecretName] = field(default_factory=set)
    #: How a test slip finds its printer (tests print to PDF files).
    make_printer: MakePrinter = system_printer
    _stored: dict[SecretName, tuple[SecretSource, str | None]] = field(
        default_factory=dict, init=False, repr=False
    )
    _keyring: bool | None = field(default=None, init=False, repr=False)

    def change(self, **values: Any) -> None:
        """Set settings (validated like the file's; "" clears a text setting).

        Only what differs from the settings in use is recorded for the file: a value the
        environment gives, left as it is, stays out of it.
        """
        changed = self.settings.with_overrides(**values)
        for name in values:
            if getattr(changed, name) != getattr(self.settings, name):
                self.changes[name] = values[name]
        self.settings = changed

    def replace(self, settings: Settings) -> None:
        """Take every setting from ``settings`` except this PC's own (after an import)."""
        kept = {name: getattr(self.settings, name) for name in PER_COUNTER}
        values = {**settings.model_dump(), **kept}
        self.settings = Settings.model_construct(_fields_set=set(values), **values)
        self.changes.clear()

    async def save(self) -> Path:
        """Store the secrets and write the settings file (see ``save_setup``).

        On a worker thread: a keyring may take its time (a desktop keyring can ask to be
        unlocked first), and the screen must not freeze meanwhile.
        """
        return await asyncio.to_thread(
            save_setup,
            self.file_settings(),
            dict(self.secrets),
            self.store,
            self.config_file,
            forget=set(self.forget),
        )

    def file_settings(self) -> Settings:
        """The settings file as it is, with this flow's changes: what Finish writes.

        Not :attr:`settings`: that also holds what the environment and the command line
        say, which belongs to this start only.
        """
        return load_settings(self.config_file, use_environment=False).with_overrides(**self.changes)

    def secret(self, name: SecretName) -> str | None:
        """The secret typed in this flow, else the one this computer has."""
        return self.secrets.get(name) or self.stored(name)

    def stored(self, name: SecretName) -> str | None:
        """The secret this computer has (keyring or environment), read once per draft.

        The pages ask on every keystroke (is the page complete?); a keyring answers over
        D-Bus or the like, which must not happen on the UI thread that often.
        """
        if name not in self._stored:
            self._stored[name] = (self.store.source(name), self.store.get(name))
        return self._stored[name][1]

    def from_environment(self, name: SecretName) -> bool:
        self.stored(name)
        return self._stored[name][0].origin == "environment"

    def in_keyring(self, name: SecretName) -> bool:
        self.stored(name)
        return self._stored[name][0].origin == "keyring"

    def cannot_keep(self, name: SecretName) -> bool:
        """A typed ``name`` could not be kept: no keyring, and not given by the environment."""
        if self._keyring is None:
            self._keyring = self.store.keyring_available()
        return not self._keyring and not self.from_environment(name)


class SetupPage(QWizardPage):
    """A page of the setup flow and of the Settings screen.

    :meth:`load` fills the fields from the draft, :meth:`apply` writes them back; both run
    in the wizard (on entering and leaving the page) and in Settings (on showing, on
    saving). :meth:`problem` says what keeps the page from being applied.
    """

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.tasks = tasks
        self.layout_ = QVBoxLayout(self)
        self.message = message_line(self, "setupMessage")

    def note(self, text: str) -> QLabel:
        """A wrapped line of explanation, added to the page."""
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.layout_.addWidget(label)
        return label

    def initializePage(self) -> None:
        self.load()

    def validatePage(self) -> bool:
        problem = self.problem()
        self.show_message(problem or "")
        if problem:
            return False
        self.apply()
        return True

    def show_message(self, text: str, kind: str = "error") -> None:
        show_line(self.message, text, kind)

    def load(self) -> None:
        pass

    def apply(self) -> None:
        pass

    def problem(self) -> str | None:
        return None
