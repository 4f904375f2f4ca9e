"""The kiosk's own faces: the home screen that asks for a scan, its barcode drawing, and
the logo that is held down to leave."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QIcon,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.counter.kiosk import LONG_PRESS_MS, TOUCH_TARGET
from pos_app.ui.i18n import LANGUAGES, current_language, retranslated
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.theme import ColorScheme, TextSize, scaled_font


class LogoButton(QLabel):
    """The app's logo; holding it for :data:`LONG_PRESS_MS` emits :attr:`longPressed`.

    Signals:
        longPressed: the logo was held down (staff: leave kiosk mode).
    """

    longPressed = Signal()

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskLogo")
        self.setPixmap(icon.pixmap(QSize(TOUCH_TARGET, TOUCH_TARGET)))
        self.setMinimumSize(TOUCH_TARGET, TOUCH_TARGET)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        retranslated(self, lambda: self.setAccessibleName(_tr("Logo (hold to leave kiosk mode)")))
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(LONG_PRESS_MS)
        self._hold.timeout.connect(self.longPressed)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._hold.start()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._hold.stop()
        super().mouseReleaseEvent(event)


class BarcodeSymbol(QWidget):
    """A drawn barcode under a scanner's beam: "scan here", without words."""

    #: Bar widths in units; gaps of one unit between them.
    BARS = (2, 1, 1, 3, 1, 2, 1, 1, 2, 3, 1, 1, 2, 1, 3, 1, 2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(260, 120)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        units = sum(self.BARS) + len(self.BARS) - 1
        unit = (self.width() - 40) / units
        x = 20.0
        for width in self.BARS:
            painter.fillRect(
                QRectF(x, 14, width * unit, self.height() - 28), ColorScheme.SCANNER_BARS
            )
            x += (width + 1) * unit
        # The scanner's red line across the bars.
        painter.setPen(QPen(ColorScheme.SCANNER_LINE, 4))
        middle = self.height() / 2
        painter.drawLine(QPointF(6, middle), QPointF(self.width() - 6, middle))
        painter.end()


class KioskHome(QFrame):
    """The scan-first home screen: one big prompt; finding by email is there, not first.

    It takes the keyboard focus so that a scanner's keystrokes reach the window (which
    forwards them to the hidden search field).

    Signals:
        emailRequested: staff want to find a customer by email.
        languageChosen(str): the customer chose the language of the screen (a tag).
    """

    emailRequested = Signal()
    languageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskHome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._camera: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 24)
        layout.addStretch(2)
        self.symbol = BarcodeSymbol(self)
        layout.addWidget(self.symbol, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("kioskScanPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.prompt.setFont(scaled_font(self.prompt.font(), TextSize.KIOSK_PROMPT, bold=True))
        layout.addWidget(self.prompt)
        self.hint = hint = QLabel(self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setFont(scaled_font(hint.font(), TextSize.KIOSK_HINT))
        layout.addWidget(hint)
        layout.addStretch(3)
        # Each language by its own name: a customer finds theirs without reading ours.
        languages = QHBoxLayout()
        languages.addStretch(1)
        self.language_buttons: dict[str, QPushButton] = {}
        for tag, name in LANGUAGES:
            button = QPushButton(name, self)
            button.setObjectName(f"kioskLanguage_{tag}")
            button.setCheckable(True)
            button.setMinimumHeight(TOUCH_TARGET)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, tag=tag: self.languageChosen.emit(tag))
            languages.addWidget(button)
            self.language_buttons[tag] = button
        languages.addStretch(1)
        layout.addLayout(languages)
        layout.addSpacing(12)
        self.email_button = QPushButton(self)
        self.email_button.setObjectName("kioskEmailButton")
        self.email_button.setMinimumHeight(TOUCH_TARGET + 8)
        self.email_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.email_button.clicked.connect(self.emailRequested)
        layout.addWidget(self.email_button, 0, Qt.AlignmentFlag.AlignHCenter)
        # Room for the prompt and the email button only: when staff type an email the
        # on-screen keyboard takes the height, and the drawing and the hint step aside
        # (resizeEvent) rather than push the window past a 768 px screen.
        self.retranslate()
        self._full_height = layout.minimumSize().height()
        self.setMinimumHeight(layout.minimumSize().height() - self._extras_height())

    def use_camera(self, view: QWidget) -> None:
        """The camera view in the drawing's place, beside the prompt: customers hold their
        code up to it. Side by side, the view gets the height a 768 px screen has left."""
        self._camera = view
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(view, 3)
        words = QVBoxLayout()
        words.addStretch(1)
        for label in (self.prompt, self.hint):
            layout.removeWidget(label)
            words.addWidget(label)
        words.addStretch(1)
        row.addLayout(words, 2)
        layout.insertLayout(layout.indexOf(self.symbol), row, 1)
        # The room the drawing's stretches shared out goes to the camera.
        for index in range(layout.count()):
            layout.setStretch(index, 1 if index == layout.indexOf(row) else 0)
        self.symbol.hide()
        self.retranslate()
        self.setMinimumHeight(layout.minimumSize().height())

    def retranslate(self) -> None:
        """The fixed texts in the language now in use (at start and on every change)."""
        self.prompt.setText(_tr("Scan your loyalty card or QR code"))
        self.hint.setText(
            _tr("Hold it under the scanner. Your rewards waiting for pickup appear here.")
            if self._camera is None
            else _tr(
                "Hold it under the scanner or up to the camera. Your rewards waiting for "
                "pickup appear here."
            )
        )
        self.email_button.setText(_tr("Staff: find a customer by email"))
        language = current_language()
        for tag, button in self.language_buttons.items():
            button.setChecked(tag == language)
            button.setAccessibleName(
                _tr("Show this screen in {language}").format(language=button.text())
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _extras_height(self) -> int:
        return self.symbol.minimumHeight() + 16 + self.hint.sizeHint().height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        roomy = event.size().height() >= self._full_height
        self.symbol.setVisible(roomy and self._camera is None)
        self.hint.setVisible(roomy or self._camera is not None)
        super().resizeEvent(event)
