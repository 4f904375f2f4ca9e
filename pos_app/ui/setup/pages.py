"""The first pages of the setup flow: the app's language, the way into Piggy, the shop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QWidget,
)

from pos_app.api import Shop
from pos_app.services.secrets import SecretName
from pos_app.services.settings import PiggyAuthMode
from pos_app.services.setup import (
    PIGGY_HOSTS,
    PiggyAccess,
    PiggyCheck,
    Reach,
    check_piggy,
    needs_setup,
)
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import LANGUAGES
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.plurals import english_plural
from pos_app.ui.setup.draft import SetupDraft, SetupPage
from pos_app.ui.setup.fields import HostField, SecretField, setup_form
from pos_app.ui.setup.words import reach_text, secret_label
from pos_app.ui.theme import set_style_property


def keyring_missing_text(name: SecretName) -> str:
    return _tr(
        "This computer has no OS keyring, so the {what} cannot be kept safely here, and it is "
        "never written to a plain file. Start or unlock the keyring (Windows Credential "
        "Manager, macOS Keychain, GNOME Keyring or KWallet) and open this again, or give the "
        "app the {what} in the environment variable {variable} and start it again."
    ).format(what=secret_label(name), variable=name.env_var)


class LanguagePage(SetupPage):
    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("languagePage")
        self.setTitle(_tr("Language"))
        self.setSubTitle(
            _tr(
                "The language of this counter's screens, slips and Nudj texts. It applies at "
                "once: the screens are made again in it."
            )
        )
        self.choice = QComboBox(self)
        self.choice.setObjectName("languageChoice")
        self.choice.setAccessibleName(_tr("Language"))
        for tag, name in LANGUAGES:
            self.choice.addItem(name, tag)
        self.layout_.addWidget(self.choice)
        self.layout_.addStretch(1)

    def load(self) -> None:
        tag = self.draft.settings.language.split("-")[0].lower()
        index = self.choice.findData(tag)
        self.choice.setCurrentIndex(max(index, 0))

    def chosen(self) -> str:
        return str(self.choice.currentData())

    def apply(self) -> None:
        self.draft.change(language=self.choice.currentData())


class PiggyPage(SetupPage):
    """Host and credentials, and a Test that must pass before the flow goes on."""

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("piggyPage")
        self.setTitle(_tr("Connect to Piggy"))
        self.setSubTitle(
            _tr(
                "Piggy (Leat) holds the customers and their rewards. Create a personal access "
                "token (or an API key) in Piggy's business dashboard and paste it here."
            )
        )
        form = setup_form()
        self.host = HostField(PIGGY_HOSTS, _tr("Piggy host"), parent=self)
        form.addRow(_tr("Host"), self.host)
        self.token_choice = QRadioButton(_tr("Personal access token"), self)
        self.client_choice = QRadioButton(_tr("OAuth client (client id and secret)"), self)
        modes = QButtonGroup(self)
        modes.addButton(self.token_choice)
        modes.addButton(self.client_choice)
        self.token_choice.setChecked(True)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.token_choice)
        choice_row.addWidget(self.client_choice)
        choice_row.addStretch(1)
        form.addRow(_tr("Sign in with"), choice_row)
        self.token = SecretField(_tr("Piggy personal access token"), self)
        self.token.setObjectName("piggyToken")
        form.addRow(_tr("Token"), self.token)
        self.client_id = QLineEdit(self)
        self.client_id.setObjectName("piggyClientId")
        self.client_id.setAccessibleName(_tr("Piggy client id"))
        form.addRow(_tr("Client id"), self.client_id)
        self.client_secret = SecretField(_tr("Piggy client secret"), self)
        self.client_secret.setObjectName("piggyClientSecret")
        form.addRow(_tr("Client secret"), self.client_secret)
        self.form = form
        self.layout_.addLayout(form)
        self.keyring_note = self.note("")
        self.keyring_note.setObjectName("keyringMissing")
        set_style_property(self.keyring_note, "messageLine", "error")
        self.keyring_note.hide()
        test_row = QHBoxLayout()
        self.test_button = QPushButton(_tr("Test"), self)
        self.test_button.setObjectName("piggyTestButton")
        self.test_button.setAccessibleName(_tr("Test the connection to Piggy"))
        self.test_button.clicked.connect(self.test)
        # Enter after pasting a key or typing a host tests it (Next needs a test first).
        for line in (self.host.custom, self.token.input, self.client_secret.input):
            line.returnPressed.connect(self.test)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        self.layout_.addLayout(test_row)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        #: The access of the last test that passed; the page is complete while it holds.
        self._passed: PiggyAccess | None = None
        #: The access the counter has now (Settings): unchanged, it needs no new Test.
        self._current: PiggyAccess | None = None
        for signal in (
            self.host.changed,
            self.token.changed,
            self.client_secret.changed,
            self.client_id.textChanged,
            self.token_choice.toggled,
        ):
            signal.connect(self._edited)

    def load(self) -> None:
        settings = self.draft.settings
        self.host.set_value(settings.piggy_base_url)
        client = settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS
        (self.client_choice if client else self.token_choice).setChecked(True)
        self.client_id.setText(settings.piggy_client_id or "")
        for field, name in (
            (self.token, SecretName.PIGGY_TOKEN),
            (self.client_secret, SecretName.PIGGY_CLIENT_SECRET),
        ):
            if self.draft.from_environment(name):
                field.set_from_environment(name.env_var)
            else:
                field.set_stored(self.draft.stored(name) is not None)
        self._edited()
        if not needs_setup(self.draft.settings, self.draft.store):
            self._current = self.access()
        self.completeChanged.emit()

    def _mode(self) -> PiggyAuthMode:
        if self.client_choice.isChecked():
            return PiggyAuthMode.CLIENT_CREDENTIALS
        return PiggyAuthMode.TOKEN

    def _secret_field(self) -> tuple[SecretField, SecretName]:
        if self._mode() is PiggyAuthMode.CLIENT_CREDENTIALS:
            return self.client_secret, SecretName.PIGGY_CLIENT_SECRET
        return self.token, SecretName.PIGGY_TOKEN

    def _edited(self) -> None:
        client = self._mode() is PiggyAuthMode.CLIENT_CREDENTIALS
        for widget, shown in (
            (self.token, not client),
            (self.client_id, client),
            (self.client_secret, client),
        ):
            widget.setVisible(shown)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(shown)
        field, name = self._secret_field()
        # Typing is pointless without a keyring: say so before anything is typed.
        missing = self.draft.cannot_keep(name)
        self.keyring_note.setText(keyring_missing_text(name) if missing else "")
        self.keyring_note.setVisible(missing)
        field.input.setEnabled(not missing and not self.draft.from_environment(name))
        self._passed = None
        self.show_message("")
        self.completeChanged.emit()

    def access(self) -> PiggyAccess | None:
        """The access the fields describe (None: something is missing)."""
        field, name = self._secret_field()
        secret = field.typed() or self.draft.stored(name)
        if not secret or self.host.problem():
            return None
        client_id = self.client_id.text().strip() or None
        if self._mode() is PiggyAuthMode.CLIENT_CREDENTIALS and not client_id:
            return None
        return PiggyAccess(self.host.value(), self._mode(), secret, client_id)

    def problem(self) -> str | None:
        if (host := self.host.problem()) is not None:
            return host
        if self.access() is None:
            field, _ = self._secret_field()
            if self._mode() is PiggyAuthMode.CLIENT_CREDENTIALS and not self.client_id.text():
                return _tr("Type the client id.")
            if field.input.isEnabled() or field.stored:
                if field is self.client_secret:
                    return _tr("Paste the client secret first.")
                return _tr("Paste the token first.")
            return self.keyring_note.text()
        if not self.isComplete():
            return _tr("Press Test first: the counter only goes on with a key that works.")
        return None

    def _accepted(self) -> PiggyAccess | None:
        """What the fields describe, if it passed a Test or is what the counter has now."""
        if self._passed is not None:
            return self._passed
        access = self.access()
        return access if access is not None and access == self._current else None

    def isComplete(self) -> bool:
        return self._accepted() is not None

    def test(self) -> None:
        problem = self.problem() if self.access() is None else None
        if problem:
            self.show_message(problem)
            return
        access = self.access()
        assert access is not None
        self.show_message(_tr("Testing…"), "info")
        self.tasks.op(check_piggy(access), key="setup.piggy").success(
            lambda check: self._tested(access, check)
        ).disable(self.test_button).run()

    def _tested(self, access: PiggyAccess, check: PiggyCheck) -> None:
        if access != self.access():
            return  # edited while the test ran: that test says nothing about the fields
        if check.reach is not Reach.OK:
            self.show_message(reach_text(check.reach, "Piggy"))
            return
        self._passed = access
        self.draft.shops = check.shops
        if check.shops:
            n = len(check.shops)
            text = english_plural(
                _tr("Connected: Piggy accepted the key and shows %n shop(s).", None, n),
                n,
                "shop(s)",
                "shop",
                "shops",
            )
        else:
            text = _tr(
                "Piggy accepted the key, but it sees no shop. Give the key access to your "
                "shop in Piggy's dashboard, then test again."
            )
        self.show_message(text, "success" if check.shops else "error")
        self.completeChanged.emit()

    def apply(self) -> None:
        access = self._accepted()
        assert access is not None
        field, name = self._secret_field()
        if field.typed():
            self.draft.secrets[name] = field.typed()
        changes: dict[str, object] = {
            "piggy_base_url": access.base_url,
            "piggy_auth_mode": access.mode.value,
        }
        if access.client_id:
            changes["piggy_client_id"] = access.client_id
        self.draft.change(**changes)


def shop_text(shop: Shop) -> str:
    name = shop.name or _tr("(no name)")
    kind = _tr("web shop") if shop.type == "web" else _tr("shop")
    parts = [name, kind]
    if shop.reference:
        parts.append(shop.reference)
    return " · ".join(parts)


class ShopPage(SetupPage):
    """The shop this counter belongs to, from the shops the Piggy key sees."""

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("shopPage")
        self.setTitle(_tr("Your shop"))
        self.setSubTitle(_tr("Which shop is this counter in? Pickups are recorded for it."))
        self.shops = QListWidget(self)
        self.shops.setObjectName("shopList")
        self.shops.setAccessibleName(_tr("Shops"))
        self.shops.itemSelectionChanged.connect(self._chosen)
        self.layout_.addWidget(self.shops, 1)
        self.layout_.addWidget(self.message)

    def load(self) -> None:
        access = PiggyAccess.from_settings(self.draft.settings, self.draft.store)
        if not self.draft.shops and access is not None:
            # Settings opens here without a Piggy Test first: ask Piggy for the list.
            self.show_message(_tr("Loading the shops…"), "info")
            self.tasks.op(check_piggy(access), key="setup.shops").success(self._loaded).run()
        self._fill()

    def _loaded(self, check: PiggyCheck) -> None:
        if check.reach is not Reach.OK:
            self.show_message(reach_text(check.reach, "Piggy"))
            return
        self.draft.shops = check.shops
        self._fill()

    def _fill(self) -> None:
        self.shops.clear()
        wanted = self.draft.settings.shop_uuid
        for shop in self.draft.shops:
            item = QListWidgetItem(shop_text(shop), self.shops)
            item.setData(Qt.ItemDataRole.UserRole, shop.uuid)
            item.setData(Qt.ItemDataRole.UserRole + 1, shop.type)
        # With several shops nothing is chosen until the person chooses (a list view's
        # current row, which focus alone sets, is no choice); the only one is chosen.
        rows = [shop.uuid for shop in self.draft.shops]
        if wanted in rows:
            self.shops.setCurrentRow(rows.index(wanted))
        elif len(rows) == 1:
            self.shops.setCurrentRow(0)
        if self.draft.shops:
            self.show_message("")
        elif not self.tasks.is_running("setup.shops"):
            self.show_message(_tr("Piggy shows no shops for this key."))
        self.completeChanged.emit()

    def _chosen_item(self) -> QListWidgetItem | None:
        chosen = self.shops.selectedItems()
        return chosen[0] if chosen else None

    def _chosen(self) -> None:
        item = self._chosen_item()
        web = item is not None and item.data(Qt.ItemDataRole.UserRole + 1) == "web"
        self.show_message(
            _tr("This is a web shop: pickups normally belong to a physical shop.") if web else "",
            "info",
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        # Without a list (Piggy unreachable from Settings), the shop stays as it is.
        unchanged = not self.draft.shops and bool(self.draft.settings.shop_uuid)
        return self._chosen_item() is not None or unchanged

    def problem(self) -> str | None:
        return None if self.isComplete() else _tr("Choose the shop.")

    def apply(self) -> None:
        item = self._chosen_item()
        if item is None:
            return
        self.draft.change(shop_uuid=item.data(Qt.ItemDataRole.UserRole))
