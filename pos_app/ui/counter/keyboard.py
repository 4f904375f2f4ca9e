"""An on-screen keyboard for typing an email on a kiosk's touch screen.

Letters, digits, ``@``, ``.``, ``-`` and ``_`` (what email addresses are made of), with
Backspace, Clear and Find. Its keys never take the focus, so the field keeps it and a
real keyboard or scanner can be mixed with taps. It types into the field it is given;
the field's own signals (``returnPressed``) do the rest.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.theme import TextSize, scaled_font

#: Rows of character keys, top to bottom (a QWERTY layout, as on phones).
ROWS: Final = ("1234567890", "qwertyuiop", "asdfghjkl@", "zxcvbnm._-")
#: The smallest key (a fingertip; the kiosk's touch target is 44 px).
KEY_SIZE: Final = (52, 44)


class EmailKeyboard(QWidget):
    """Types into ``field``: one key per character of :data:`ROWS`; ⌫, Clear, Find beside.

    ``keys`` maps a character (or ``"backspace"``, ``"clear"``, ``"enter"``) to its button.
    """

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emailKeyboard")
        self._field = field
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(5)
        for row, characters in enumerate(ROWS):
            for column, character in enumerate(characters):
                button = self._key(character, character)
                button.clicked.connect(lambda _=False, c=character: self._type(c))
                grid.addWidget(button, row, column)
        # The actions in a column of their own on the right: four rows of keys, not five,
        # so that the keyboard, the field and the home screen fit a 768 px kiosk screen.
        last = max(len(characters) for characters in ROWS)
        backspace = self._key("backspace", "⌫")
        backspace.clicked.connect(self._backspace)
        clear = self._key("clear", "")
        clear.clicked.connect(self._clear)
        enter = self._key("enter", "")
        enter.clicked.connect(self._enter)

        def texts() -> None:
            self.setAccessibleName(_tr("On-screen keyboard"))
            backspace.setAccessibleName(_tr("Delete the last character"))
            clear.setText(_tr("Clear"))
            clear.setAccessibleName(clear.text())
            enter.setText(_tr("Find"))
            enter.setAccessibleName(_tr("Find the customer"))

        retranslated(self, texts)
        grid.addWidget(backspace, 0, last)
        grid.addWidget(clear, 1, last)
        grid.addWidget(enter, 2, last, 2, 1)
        for column in range(last):
            grid.setColumnStretch(column, 1)
        grid.setColumnStretch(last, 2)

    def _key(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"emailKey_{name}")
        button.setMinimumSize(*KEY_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # The field keeps the keyboard focus; Enter must never "click" a key.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.setFont(scaled_font(button.font(), TextSize.KEYBOARD_KEY))
        self.keys[name] = button
        return button

    def _type(self, character: str) -> None:
        if self._field.isEnabled():
            self._field.insert(character)

    def _backspace(self) -> None:
        if self._field.isEnabled():
            self._field.backspace()

    def _clear(self) -> None:
        if self._field.isEnabled():
            self._field.clear()

    def _enter(self) -> None:
        if self._field.isEnabled():
            self._field.returnPressed.emit()
