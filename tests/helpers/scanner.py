"""A hand scanner for UI tests: key events with the times a scanner (or a person) types.

Qt's key events carry when the key happened; a scanner types a character every few
milliseconds. The events here carry made-up times, so a test says how fast the keys came
without waiting for them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def _send(widget: QWidget, key: int, text: str, at_ms: float) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(int(at_ms))
        QApplication.sendEvent(widget, event)


def _key_of(char: str) -> int:
    # Qt's key codes are the ASCII codes of the unshifted key (letters in capitals).
    return ord(char.upper()) if char.isascii() else int(Qt.Key.Key_unknown)


class Scanner:
    """Types at whatever has the keyboard focus; ``now_ms`` is the time of the last key."""

    def __init__(self, gap_ms: float = 6.0, now_ms: float = 50_000.0) -> None:
        self.gap_ms = gap_ms
        self.now_ms = now_ms

    @staticmethod
    def target() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str, ending: Qt.Key | None = Qt.Key.Key_Return) -> None:
        """``text`` a key every :attr:`gap_ms`, then ``ending`` (None: nothing after it)."""
        for char in text:
            self.now_ms += self.gap_ms
            _send(self.target(), _key_of(char), char, self.now_ms)
        if ending is not None:
            self.now_ms += self.gap_ms
            name = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
            _send(self.target(), int(ending), name.get(ending, ""), self.now_ms)
