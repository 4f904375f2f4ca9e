"""Kiosk mode: the same window locked down for a shared counter PC.

:class:`KioskMode` is created by the main window when the ``kiosk`` setting is on. It

* makes the window full screen, frameless and stay-on-top, and puts it back when a window
  manager minimises or un-fullscreens it;
* refuses every close request (the window manager's close button or Alt+F4, a stray
  ``close()``) until a manager's PIN unlocks it — the close request opens the PIN dialog;
* enlarges the whole application for fingers (a larger font, every button and field at
  least :data:`TOUCH_TARGET` pixels, wide scroll bars) and can hide the mouse pointer;
* watches the whole application's input (:class:`IdleWatch`): after the idle time the
  window wipes the customer, with a :class:`CountdownOverlay` for the last seconds that
  any touch, click or key cancels.

What "wiping" means belongs to the window (:meth:`MainWindow.kiosk_reset`); this module
only decides when.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCursor,
    QFont,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.theme import KIOSK_LOOK, TextSize, scaled_font

#: The smallest thing a finger is asked to hit, in pixels (Apple HIG / WCAG 2.5.5: 44×44).
TOUCH_TARGET = 44
#: Kiosk fonts are this much larger than the desktop's.
FONT_SCALE = 1.25
#: The last seconds of the idle time are counted down on screen.
COUNTDOWN_SECONDS = 10.0
#: Holding the logo this long opens "leave kiosk mode".
LONG_PRESS_MS = 1500

#: Input that counts as someone using the counter. Mouse moves do not: a nudged mouse must
#: not keep a customer's rewards on screen forever.
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
    }
)

#: Applied to the whole application in kiosk mode, dialogs included. Controls are sized by
#: :class:`KioskLook` instead: a style sheet's min-height would also shrink the larger
#: minimum sizes widgets ask for themselves (the PIN keypad's keys).
KIOSK_STYLE_SHEET = f"""
QCheckBox::indicator, QRadioButton::indicator {{
    width: 26px;
    height: 26px;
}}
QScrollBar:vertical {{
    width: {TOUCH_TARGET}px;
}}
QScrollBar:horizontal {{
    height: {TOUCH_TARGET}px;
}}
QToolTip {{
    font-size: 14pt;
}}
"""


#: Title-bar buttons a kiosk's dialogs do without: nothing to minimise or maximise on a
#: locked screen, and a dialog's own Cancel / Close button is touch-sized.
_NO_DECORATIONS = (
    Qt.WindowType.WindowCloseButtonHint
    | Qt.WindowType.WindowMinimizeButtonHint
    | Qt.WindowType.WindowMaximizeButtonHint
    | Qt.WindowType.WindowContextHelpButtonHint
)


def undecorate(dialog: QDialog) -> None:
    """A kiosk dialog: a title, no close, minimise or maximise buttons (before it shows)."""
    flags = dialog.windowFlags()
    wanted = (
        (flags & ~_NO_DECORATIONS)
        | Qt.WindowType.CustomizeWindowHint
        | Qt.WindowType.WindowTitleHint
    )
    if wanted != flags:
        dialog.setWindowFlags(wanted)


#: Controls a finger must hit; each is made at least TOUCH_TARGET wide and high.
_TOUCH_CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def enlarge_for_touch(widget: QWidget) -> None:
    """At least :data:`TOUCH_TARGET` square; larger minimum sizes are kept.

    A field's own buttons (its clear button) are left as they are: the field places them
    inside itself at their size, and a larger one would stick out of the field.
    """
    if isinstance(widget, QAbstractButton) and isinstance(widget.parent(), QLineEdit):
        return
    if isinstance(widget, _TOUCH_CONTROLS):
        widget.setMinimumSize(
            max(widget.minimumWidth(), TOUCH_TARGET), max(widget.minimumHeight(), TOUCH_TARGET)
        )
    elif isinstance(widget, QTableView):
        # Rows tall enough to tap: style sheets cannot size a view's rows.
        header = widget.verticalHeader()
        header.setMinimumSectionSize(TOUCH_TARGET)
        header.setDefaultSectionSize(max(header.defaultSectionSize(), TOUCH_TARGET + 4))


class KioskLook(QObject):
    """The application-wide kiosk look: larger font, touch-sized controls, hidden pointer.

    Applied before the window builds its widgets (they copy the font they are created
    with); every control polished from then on, in the window or in any dialog, is
    enlarged by :func:`enlarge_for_touch`. :meth:`restore` undoes it, so one process can
    hold a kiosk window and then a normal one (the test suite does).
    """

    def __init__(self, *, hide_cursor: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hide_cursor = hide_cursor
        self._old_font: QFont | None = None
        self._old_style: str | None = None
        self._cursor_hidden = False

    def apply(self) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication) or self._old_font is not None:
            return
        self._old_font = QApplication.font()
        self._old_style = app.styleSheet()
        font = QFont(self._old_font)
        font.setPointSizeF(self._old_font.pointSizeF() * FONT_SCALE)
        QApplication.setFont(font)
        app.setStyleSheet(self._old_style + KIOSK_STYLE_SHEET)
        app.setProperty(KIOSK_LOOK, True)
        app.installEventFilter(self)
        if self._hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True

    def restore(self) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication) or self._old_font is None:
            return
        app.removeEventFilter(self)
        app.setProperty(KIOSK_LOOK, False)
        QApplication.setFont(self._old_font)
        app.setStyleSheet(self._old_style or "")
        self._old_font = None
        self._old_style = None
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QWidget):
            enlarge_for_touch(watched)
            if isinstance(watched, QDialog) and watched.isWindow() and not watched.isVisible():
                undecorate(watched)
        return False


class IdleWatch(QObject):
    """Counts down to a wipe when nobody touched the application for ``idle_seconds``.

    Any input anywhere in the application (see :data:`ACTIVITY_EVENTS`) starts the idle
    time again. ``armed()`` says whether there is anything to wipe; on a clean home screen
    nothing is counted down.

    Signals:
        countdown(int): seconds left before the wipe (shown for the last few seconds).
        countdownCancelled: someone touched the app during the countdown.
        timedOut: the idle time ran out; wipe the customer now.
    """

    countdown = Signal(int)
    countdownCancelled = Signal()
    timedOut = Signal()

    def __init__(
        self,
        armed: Callable[[], bool],
        *,
        idle_seconds: float,
        countdown_seconds: float = COUNTDOWN_SECONDS,
        tick_ms: int = 250,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._armed = armed
        self._clock = clock
        self._idle = idle_seconds
        self._countdown = min(countdown_seconds, idle_seconds)
        self._last_input = clock()
        self._counting = False
        self._shown: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check_now)

    @property
    def idle_seconds(self) -> float:
        return self._idle

    def set_timing(
        self, *, idle_seconds: float, countdown_seconds: float, tick_ms: int | None = None
    ) -> None:
        self._idle = idle_seconds
        self._countdown = min(countdown_seconds, idle_seconds)
        if tick_ms is not None:
            self._timer.setInterval(tick_ms)
        self.touch()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.touch()
        self._timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
        self._end_countdown()

    def touch(self) -> None:
        """Someone is here: the idle time starts again and a countdown stops."""
        self._last_input = self._clock()
        if self._counting:
            self._end_countdown()
            self.countdownCancelled.emit()

    def check_now(self) -> None:
        idle_for = self._clock() - self._last_input
        if not self._armed():
            # Nothing on screen to protect: no countdown on an empty home screen.
            self._last_input = self._clock()
            if self._counting:
                self._end_countdown()
                self.countdownCancelled.emit()
            return
        if idle_for >= self._idle:
            self._end_countdown()
            self._last_input = self._clock()
            self.timedOut.emit()
            return
        if idle_for >= self._idle - self._countdown:
            left = max(1, math.ceil(self._idle - idle_for))
            self._counting = True
            if left != self._shown:
                self._shown = left
                self.countdown.emit(left)

    def _end_countdown(self) -> None:
        self._counting = False
        self._shown = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self.touch()
        return False


class CountdownOverlay(QFrame):
    """Covers the window for the last seconds before a wipe: "Clearing the screen in 7 s".

    Any touch cancels it (the idle watch sees the press); the button is there so that
    people know they may.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)
        # The words on a solid panel: the dimmed screen behind them is still the
        # customer's list, and text straight on it was hard to read.
        self.panel = QFrame(self)
        self.panel.setObjectName("kioskCountdownPanel")
        self.panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(40, 28, 40, 28)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setFont(scaled_font(self.title.font(), TextSize.KIOSK_OVERLAY_TITLE, bold=True))
        layout.addWidget(self.title)
        self.seconds = QLabel(self)
        self.seconds.setObjectName("kioskCountdownSeconds")
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds.setFont(
            scaled_font(self.seconds.font(), TextSize.KIOSK_OVERLAY_SECONDS, bold=True)
        )
        layout.addWidget(self.seconds)
        self.text = QLabel(self)
        self.text.setObjectName("kioskCountdownText")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.text.setFont(scaled_font(self.text.font(), TextSize.KIOSK_OVERLAY_TEXT))
        layout.addWidget(self.text)
        layout.addSpacing(24)
        self.stay_button = QPushButton(self)

        def overlay_texts() -> None:
            self.title.setText(_tr("Still there?"))
            self.stay_button.setText(_tr("I'm still here"))

        retranslated(self, overlay_texts)
        self.stay_button.setObjectName("kioskStayButton")
        self.stay_button.setMinimumSize(260, 64)
        self.stay_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.stay_button.clicked.connect(self.hide)
        layout.addWidget(self.stay_button, 0, Qt.AlignmentFlag.AlignHCenter)
        parent.installEventFilter(self)
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        self.seconds.setText(str(seconds))
        self.text.setText(
            _tr(
                "The screen is cleared in {n} s to keep this customer's rewards private. "
                "Touch anywhere to keep going."
            ).format(n=seconds)
        )
        parent = self.parentWidget()
        if parent is not None:
            self._fit(parent)
        self.raise_()
        self.show()

    def _fit(self, parent: QWidget) -> None:
        self.setGeometry(parent.rect())
        # A fixed width lets the wrapped text take the height it needs on the panel.
        self.panel.setFixedWidth(max(280, min(680, parent.width() - 80)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            parent = self.parentWidget()
            if parent is not None:
                self._fit(parent)
        return False


_UNLOCK = "kiosk.unlock"


class KioskMode(QObject):
    """Locks ``window`` down; see the module's description.

    ``ask_unlock`` asks for a manager's PIN and says whether it was given; ``armed`` says
    whether anything is on screen that an idle wipe must remove; ``wipe`` removes it.
    Create it before the window builds its widgets (:class:`KioskLook` changes the font
    they copy), call :meth:`attach` once they exist, :meth:`start` when the window shows,
    :meth:`release` when it has closed.
    """

    def __init__(
        self,
        window: QMainWindow,
        *,
        idle_seconds: float,
        hide_cursor: bool,
        tasks: TaskOwner,
        ask_unlock: Callable[[], Coroutine[Any, Any, bool]],
        armed: Callable[[], bool],
        wipe: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._ask_unlock = ask_unlock
        self._wipe = wipe
        #: True once a manager allowed leaving: close requests go through from then on.
        self.unlocked = False
        #: Close requests refused so far (the window manager's, Alt+F4, close()).
        self.refused_closes = 0
        self.look = KioskLook(hide_cursor=hide_cursor, parent=self)
        self.look.apply()
        self.idle = IdleWatch(armed, idle_seconds=idle_seconds, parent=self)
        self.overlay: CountdownOverlay | None = None
        window.setWindowFlags(
            window.windowFlags()
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        window.installEventFilter(self)

    def attach(self) -> None:
        """Called once the window's widgets exist."""
        self.overlay = CountdownOverlay(self._window)
        self.overlay.stay_button.clicked.connect(self.idle.touch)
        self.idle.countdown.connect(self.overlay.show_seconds)
        self.idle.countdownCancelled.connect(self.overlay.hide)
        self.idle.timedOut.connect(self._on_timed_out)

    def start(self) -> None:
        self.idle.start()

    def release(self) -> None:
        """The window has closed: give the application its normal look back."""
        self.idle.stop()
        self._window.removeEventFilter(self)
        self.look.restore()

    def request_unlock(self) -> None:
        """Ask for a manager's PIN to leave kiosk mode (the logo, the exit button, a close)."""
        if self.unlocked or self._tasks.is_running(_UNLOCK):
            return
        self._tasks.run(self._unlock(), key=_UNLOCK)

    def is_asking_to_unlock(self) -> bool:
        return self._tasks.is_running(_UNLOCK)

    async def _unlock(self) -> None:
        if await self._ask_unlock():
            self.unlocked = True
            self._window.close()

    def _on_timed_out(self) -> None:
        if self.overlay is not None:
            self.overlay.hide()
        self._wipe()

    def _restore_full_screen(self) -> None:
        if self.unlocked or not self._window.isVisible():
            return
        self._window.setWindowState(Qt.WindowState.WindowFullScreen)
        self._window.raise_()
        self._window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and not self.unlocked:
            if event.type() == QEvent.Type.Close:
                # The window manager's close, Alt+F4, a stray close(): refused. A manager
                # can leave with their PIN, so the request opens that dialog.
                event.ignore()
                self.refused_closes += 1
                self.request_unlock()
                return True
            if event.type() == QEvent.Type.WindowStateChange:
                state = self._window.windowState()
                if (
                    state & Qt.WindowState.WindowMinimized
                    or not state & Qt.WindowState.WindowFullScreen
                ):
                    QTimer.singleShot(0, self._restore_full_screen)
        return False
