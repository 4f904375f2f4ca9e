"""Input fields the setup pages share: a secret that is never shown back, and an API host."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pos_app.ui.i18n import translate as _tr


class SecretField(QWidget):
    """A key or token, pasted masked with a Show/Hide button.

    A secret already stored is never put back into the field: the field stays empty with a
    placeholder saying one is stored, and an empty field means "keep it". One that comes
    from the environment cannot be typed over here (the environment would win anyway).
    """

    changed = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.input = QLineEdit(self)
        self.input.setEchoMode(QLineEdit.EchoMode.Password)
        self.input.setAccessibleName(accessible_name)
        # No prediction, no history: nothing of the secret stays in an input method.
        self.input.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.input.textChanged.connect(self.changed)
        layout.addWidget(self.input, 1)
        self.show_button = QPushButton(_tr("Show"), self)
        self.show_button.setCheckable(True)
        self.show_button.setAccessibleName(_tr("Show what was typed"))
        self.show_button.toggled.connect(self._toggle)
        layout.addWidget(self.show_button)
        self._stored = False
        self.set_stored(False)

    def _toggle(self, shown: bool) -> None:
        self.input.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText(_tr("Hide") if shown else _tr("Show"))

    def set_stored(self, stored: bool) -> None:
        """Whether a value is stored already (then empty means: keep that one)."""
        self._stored = stored
        self.input.setPlaceholderText(
            _tr("Stored on this computer; paste a new one to replace it")
            if stored
            else _tr("Paste it here")
        )

    def set_from_environment(self, variable: str) -> None:
        self.input.clear()
        self.input.setEnabled(False)
        self.show_button.setEnabled(False)
        self.input.setPlaceholderText(
            _tr("Given to the app by the environment variable {name}").format(name=variable)
        )

    def set_no_keyring(self, variable: str) -> None:
        """No keyring to keep a typed secret in: say where it can come from instead."""
        self.input.clear()
        self.input.setEnabled(False)
        self.show_button.setEnabled(False)
        self.input.setPlaceholderText(
            _tr("No OS keyring on this computer: give it to the app in {name}").format(
                name=variable
            )
        )
        self.input.setToolTip(self.input.placeholderText())

    @property
    def stored(self) -> bool:
        return self._stored

    def typed(self) -> str:
        """What was typed now ("" keeps a stored one)."""
        return self.input.text().strip()

    def has_value(self) -> bool:
        return bool(self.typed()) or self._stored or not self.input.isEnabled()


class HostField(QWidget):
    """An API host: one of the vendor's own, or another typed in full."""

    changed = Signal()

    def __init__(
        self,
        hosts: Sequence[str],
        accessible_name: str,
        *,
        placeholder: str = "https://",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(accessible_name)
        for host in hosts:
            self.choice.addItem(host.removeprefix("https://"), host)
        self.choice.addItem(_tr("Another host…"), None)
        self.choice.currentIndexChanged.connect(self._chosen)
        if hosts:
            layout.addWidget(self.choice)
        else:
            self.choice.hide()
        self.custom = QLineEdit(self)
        self.custom.setPlaceholderText(placeholder)
        self.custom.setAccessibleName(accessible_name)
        self.custom.textChanged.connect(self.changed)
        layout.addWidget(self.custom, 1)
        self._chosen()

    def _chosen(self) -> None:
        self.custom.setVisible(self.choice.currentData() is None)
        self.changed.emit()

    def value(self) -> str:
        chosen = self.choice.currentData()
        if isinstance(chosen, str):
            return chosen
        return self.custom.text().strip().rstrip("/")

    def set_value(self, url: str | None) -> None:
        index = self.choice.findData(url) if url else -1
        if index >= 0:
            self.choice.setCurrentIndex(index)
            return
        self.choice.setCurrentIndex(self.choice.count() - 1)
        self.custom.setText(url or "")

    def problem(self) -> str | None:
        """Why the host cannot be used (None: it can)."""
        value = self.value()
        if not value:
            return _tr("Type the host's address.")
        scheme, _, host = value.partition("://")
        if scheme not in ("https", "http") or not host:
            return _tr("Type the address in full, starting with https://")
        return None


def setup_form() -> QFormLayout:
    """A form whose fields take the page's width (some styles keep them at their hint)."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # Level with the middle of the field: kiosk mode's touch-sized fields are tall.
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return form
