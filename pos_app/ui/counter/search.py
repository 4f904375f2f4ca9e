"""The scan field: a scanner's keys reach it whatever has focus.

A barcode scanner is a keyboard. Keys typed while the rewards list (or the kiosk's home
screen) has focus are a new search, not list navigation: they are handed to the field,
the first one replacing the old query. In kiosk mode the field is hidden (scan first) and
Enter after typed keys starts the search; when staff open it to type an email, an
on-screen keyboard shows under it while it has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.counter.keyboard import EmailKeyboard
from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.theme import TextSize, scaled_font, set_style_property

#: How long the scan field shows green (found) or red (not found) after a scan.
FLASH_MS = 700


class SearchBar(QWidget):
    """The field, Find, and Recent pickups.

    Signals:
        submitted: Enter or Find (read :attr:`input`'s text).
    """

    submitted = Signal()

    def __init__(self, *, kiosk: bool, recent_enabled: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        self.input = QLineEdit(self)
        self.input.setObjectName("searchInput")
        self.input.setClearButtonEnabled(True)
        self.input.setMinimumHeight(44)
        self.input.setFont(scaled_font(self.input.font(), TextSize.SEARCH_FIELD))
        self.find_button = QPushButton(self)
        self.find_button.setObjectName("searchButton")
        self.find_button.setMinimumHeight(44)
        self.recent_button = QPushButton(self)
        self.recent_button.setObjectName("recentPickupsButton")
        self.recent_button.setMinimumHeight(44)
        self.recent_button.setEnabled(recent_enabled)
        row.addWidget(self.input, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.recent_button)
        self._row = row
        retranslated(self, lambda: self._texts(kiosk))
        #: Kiosk only: a touch keyboard under the field while the field has the focus.
        self.keyboard: EmailKeyboard | None = None
        if kiosk:
            self.keyboard = EmailKeyboard(self.input, self)
            self.keyboard.hide()
            outer.addWidget(self.keyboard)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.connect(self._on_focus_changed)
        self.input.returnPressed.connect(self.submitted)
        self.find_button.clicked.connect(self.submitted)
        #: Set while a scanner types into the hidden field of the kiosk.
        self._typed = False
        #: What the last search was for: anything else in the field is being typed now.
        self._searched: str | None = None
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(lambda: set_style_property(self.input, "scan", ""))
        self._sources: list[QObject] = []
        if kiosk:
            self.hide()

    def _texts(self, kiosk: bool) -> None:
        self.input.setPlaceholderText(
            _tr("Type the customer's email")
            if kiosk
            else _tr("Scan a loyalty card or QR code, or type an email")
        )
        # The placeholder goes when typing starts; a screen reader needs a name that stays.
        self.input.setAccessibleName(
            _tr("Customer's email") if kiosk else _tr("Loyalty card, QR code or email")
        )
        self.find_button.setText(_tr("Find"))
        self.recent_button.setText(_tr("Recent pickups"))
        self.recent_button.setToolTip(_tr("Pickups at this counter; managers reverse here"))

    def add_button(self, button: QPushButton) -> None:
        """Another way to find the customer, beside Find (the camera)."""
        self._row.insertWidget(self._row.indexOf(self.find_button) + 1, button)

    def searched(self) -> None:
        """The field's text is being looked up (what is typed after it is the cashier's)."""
        self._searched = self.input.text()

    def is_typing(self) -> bool:
        """Someone is typing a new search while the last one runs: leave field and focus."""
        return self.input.hasFocus() and self.input.text() != self._searched

    def flash(self, *, good: bool) -> None:
        """Show for a moment whether the scan found someone."""
        set_style_property(self.input, "scan", "good" if good else "bad")
        self._flash.start()

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.keyboard is not None:
            # Shown while typing an email; gone once the code entry or the list has the
            # focus (its keys take no focus, so tapping them keeps it on the field).
            self.keyboard.setVisible(new is self.input)

    def listen_to(self, source: QObject) -> None:
        """Keys typed into ``source`` (a list, the kiosk home) are a scan."""
        self._sources.append(source)
        source.installEventFilter(self)

    def stop_listening(self) -> None:
        for source in self._sources:
            source.removeEventFilter(self)
        self._sources.clear()
        app = QApplication.instance()
        if self.keyboard is not None and isinstance(app, QApplication):
            app.focusChanged.disconnect(self._on_focus_changed)
            self.keyboard = None

    def focus(self, fallback: QWidget | None) -> None:
        """Ready for the next scan; ``fallback`` takes the keys while the field is hidden."""
        self.input.selectAll()
        if self.isHidden():
            if fallback is not None:
                fallback.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reset(self, *, hide: bool) -> None:
        self.input.clear()
        self._typed = False
        if hide:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self._sources:
            assert isinstance(event, QKeyEvent)
            if self._forward(event):
                return True
        return super().eventFilter(watched, event)

    def _forward(self, event: QKeyEvent) -> bool:
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        hidden = self.isHidden()
        if hidden and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self._typed:
                return False  # Enter on the list: hand over, as usual
            self._typed = False
            self.submitted.emit()
            return True
        if not (plain and text and text.isprintable() and not text.isspace()):
            return False
        if hidden:
            self._typed = True
        elif not self.input.hasFocus():
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)
            self.input.selectAll()
        self.input.insert(text)
        return True
