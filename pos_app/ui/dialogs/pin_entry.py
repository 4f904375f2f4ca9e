"""PIN entry: an on-screen keypad for touch screens that also works from the keyboard.

:class:`PinEntry` is the masked field, its feedback line and the keypad, for embedding
(the reverse dialog has one). :class:`PinCheckDialog` is the one PIN check of the dialogs
that hold a :class:`PinEntry`. :class:`PinDialog` asks for a PIN on its own: a manager's
approval (any manager's PIN) or a sign-in (pick your name, then your PIN). Digits,
Backspace, Enter and Escape work from the keyboard; the keypad buttons never take the
focus, so typing and tapping can be mixed.

The PIN is only ever in the field and in the call to the checker: never logged, never in
a signal other than :attr:`PinEntry.submitted`, cleared after every check.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Coroutine, Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QLocale, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.staff import (
    PIN_MAX_LENGTH,
    PIN_MIN_LENGTH,
    PinCheck,
    PinOutcome,
    StaffError,
    StaffProfile,
)
from pos_app.ui.async_support import report_exception
from pos_app.ui.dialogs.base import AsyncDialog, confirm_buttons
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.theme import TextSize, scaled_font, set_style_property

#: Checks a PIN: ``(profile picked, or None for "any manager", pin) -> PinCheck``.
PinChecker = Callable[[StaffProfile | None, str], Coroutine[Any, Any, PinCheck]]


def format_clock_time(moment: datetime) -> str:
    """``moment`` as the counter PC's wall-clock time, e.g. "14:05"."""
    local = moment.astimezone()
    return QLocale().toString(
        QTime(local.hour, local.minute, local.second), QLocale.FormatType.ShortFormat
    )


def format_lock_duration(duration: timedelta) -> str:
    """A lock's length, rounded up: "5 min", "1 h 20 min", "24 h"."""
    minutes = max(1, math.ceil(duration.total_seconds() / 60))
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _tr("{minutes} min").format(minutes=minutes)
    if not rest:
        return _tr("{hours} h").format(hours=hours)
    return _tr("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def format_lock_left(left: timedelta) -> str:
    """What is left of a lock, to the second under an hour: "4 min 05 s", "1 h 20 min"."""
    seconds = max(0, math.ceil(left.total_seconds()))
    if seconds >= 3600:
        return format_lock_duration(timedelta(seconds=seconds))
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return _tr("{seconds} s").format(seconds=rest)
    return _tr("{minutes} min {seconds} s").format(minutes=minutes, seconds=f"{rest:02d}")


def _pins_plural(text: str, n: int) -> str:
    if "PIN(s)" in text:
        # WORKAROUND: Qt picks plural forms from a translation catalogue and we ship no
        # English one, so the untranslated source keeps its "(s)". Other languages get
        # their plural forms from their catalogues.
        text = text.replace("PIN(s)", "PIN" if n == 1 else "PINs")
    return text


def describe_lock(left: timedelta, *, approval: bool) -> str:
    """A lock being served, with what is left of it (the entry counts it down)."""
    duration = format_lock_left(left)
    if approval:
        text = _tr("Too many wrong PINs: manager approval is locked for another {duration}.")
    else:
        text = _tr(
            "Too many wrong PINs: locked for another {duration}. A manager can give you a new PIN."
        )
    return text.format(duration=duration)


def describe_pin_check(check: PinCheck, *, approval: bool) -> str:
    """What the person at the keypad reads after a PIN that was not accepted."""
    if check.outcome is PinOutcome.WRONG:
        left = check.attempts_left
        if left is None or check.next_lock is None:
            return _tr("Wrong PIN.")
        # Written out twice: pyside6-lupdate only finds literal calls.
        if approval:
            text = _tr(
                "Wrong PIN. After %n more wrong PIN(s), manager PINs are locked for {duration}.",
                None,
                left,
            )
        else:
            text = _tr(
                "Wrong PIN. After %n more wrong PIN(s), this profile is locked for {duration}.",
                None,
                left,
            )
        return _pins_plural(text, left).format(duration=format_lock_duration(check.next_lock))
    if check.outcome is PinOutcome.LOCKED:
        if check.lock_left is None:
            return _tr("Locked after too many wrong PINs. Try again later.")
        return describe_lock(check.lock_left, approval=approval)
    if check.outcome is PinOutcome.INACTIVE:
        return _tr("This profile is no longer active. Ask a manager.")
    if check.outcome is PinOutcome.AMBIGUOUS:
        return _tr(
            "This PIN belongs to more than one manager, so it cannot say who approved. "
            "One of them needs a new PIN (Staff)."
        )
    return ""


class PinPad(QWidget):
    """Digits 0–9, Clear and Backspace as large touch buttons that never take the focus.

    Signals:
        digitPressed(str): one digit, "0" to "9".
        backspacePressed: remove the last digit.
        clearPressed: remove all digits.
    """

    digitPressed = Signal(str)
    backspacePressed = Signal()
    clearPressed = Signal()

    KEY_SIZE = (76, 60)
    #: Keys of the one-row pad (under a field that has little room above and below).
    ROW_KEY_SIZE = (52, 48)

    def __init__(self, parent: QWidget | None = None, *, one_row: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self._key_size = self.ROW_KEY_SIZE if one_row else self.KEY_SIZE
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6 if one_row else 8)
        self.keys: dict[str, QPushButton] = {}
        for n in range(1, 10):
            if one_row:
                self._add_key(grid, str(n), str(n), 0, n - 1)
            else:
                self._add_key(grid, str(n), str(n), (n - 1) // 3, (n - 1) % 3)
        row, column = (0, 9) if one_row else (3, 0)
        self._add_key(grid, "0", "0", row, column + (0 if one_row else 1))
        self._add_key(grid, "clear", self.tr("Clear"), row, column + (1 if one_row else 0))
        self._add_key(grid, "backspace", "⌫", row, column + 2)
        self.keys["backspace"].setAccessibleName(self.tr("Delete last digit"))
        self.keys["backspace"].setToolTip(self.tr("Delete last digit"))

    def _add_key(self, grid: QGridLayout, key: str, text: str, row: int, column: int) -> None:
        button = QPushButton(text, self)
        name = "pinKey" + (key if key.isdigit() else key.capitalize())
        button.setObjectName(name)
        button.setMinimumSize(*self._key_size)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # The PIN field keeps the keyboard focus; Enter must never "click" a digit.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.setFont(scaled_font(button.font(), TextSize.KEYPAD_KEY, bold=key.isdigit()))
        if key.isdigit():
            button.clicked.connect(lambda: self.digitPressed.emit(key))
        elif key == "backspace":
            button.clicked.connect(self.backspacePressed)
        else:
            button.clicked.connect(self.clearPressed)
        grid.addWidget(button, row, column)
        self.keys[key] = button


class PinLineEdit(QLineEdit):
    """A masked field that takes digits only, 4 to 8 of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMaxLength(PIN_MAX_LENGTH)
        self.setValidator(QRegularExpressionValidator(rf"[0-9]{{0,{PIN_MAX_LENGTH}}}", self))
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(48)
        font = scaled_font(self.font(), TextSize.PIN_DIGITS)
        font.setLetterSpacing(font.SpacingType.PercentageSpacing, 130)
        self.setFont(font)
        # No copying a PIN out of the field, no context menu offering to.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def add_digit(self, digit: str) -> None:
        if self.isEnabled() and len(self.text()) < PIN_MAX_LENGTH:
            self.insert(digit)

    def remove_digit(self) -> None:
        if self.isEnabled():
            self.backspace()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
            QKeySequence.StandardKey.Cut
        ):
            return
        super().keyPressEvent(event)

    def is_complete(self) -> bool:
        return PIN_MIN_LENGTH <= len(self.text()) <= PIN_MAX_LENGTH


class PinEntry(QWidget):
    """Masked PIN field, a feedback line, and the keypad under them.

    Enter is left to the dialog (its default button submits): a field that also reacted
    to Enter would check the PIN twice.

    While a lock is served (:meth:`lock_for`) the field and the keypad are off and the
    feedback line counts the lock down to the second; they come back on by themselves.

    Signals:
        changed: the PIN's length changed (enable or disable a submit button).
        lockChanged(bool): a lock started (True) or ended (False).
    """

    changed = Signal()
    lockChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        keypad: bool = True,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinEntry")
        self._monotonic = monotonic
        self._lock_end: float | None = None
        self._describe_lock: Callable[[timedelta], str] | None = None
        self._lock_timer = QTimer(self)
        self._lock_timer.setSingleShot(True)
        self._lock_timer.timeout.connect(self._tick_lock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = PinLineEdit(self)
        self.field.setObjectName("pinInput")
        self.field.setPlaceholderText(self.tr("PIN"))
        self.field.setAccessibleName(self.tr("PIN"))
        layout.addWidget(self.field)
        self.message = QLabel(self)
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for two lines from the start: feedback appearing must not push the keypad
        # around under a finger about to tap it.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)
        layout.addWidget(self.message)
        self.pad = PinPad(self)
        self.pad.setVisible(keypad)
        layout.addWidget(self.pad)
        self.pad.digitPressed.connect(self.field.add_digit)
        self.pad.backspacePressed.connect(self.field.remove_digit)
        self.pad.clearPressed.connect(self.clear)
        self.field.textChanged.connect(self.changed)
        self.setFocusProxy(self.field)

    def pin(self) -> str:
        return self.field.text()

    def is_complete(self) -> bool:
        return self.field.is_complete()

    def clear(self) -> None:
        if self.field.isEnabled():
            self.field.clear()

    def set_busy(self, busy: bool) -> None:
        if self.locked:
            return
        self.field.setEnabled(not busy)
        self.pad.setEnabled(not busy)
        if not busy:
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def locked(self) -> bool:
        return self._lock_end is not None

    def lock_for(self, left: timedelta, describe: Callable[[timedelta], str]) -> None:
        """No PIN can be typed for ``left``; ``describe`` says what is left of the lock."""
        self.field.clear()
        self.field.setEnabled(False)
        self.pad.setEnabled(False)
        was_locked = self.locked
        self._lock_end = self._monotonic() + left.total_seconds()
        self._describe_lock = describe
        self._tick_lock()
        if not was_locked and self.locked:
            self.lockChanged.emit(True)

    def unlock(self) -> None:
        """The lock is over: PINs can be typed again."""
        if not self.locked:
            return
        self._lock_end = None
        self._lock_timer.stop()
        self.field.setEnabled(True)
        self.pad.setEnabled(True)
        self.show_message(self.tr("You can type a PIN again."), error=False)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.lockChanged.emit(False)

    def _tick_lock(self) -> None:
        if self._lock_end is None or self._describe_lock is None:
            return
        remaining = self._lock_end - self._monotonic()
        if remaining <= 0:
            self.unlock()
            return
        self.show_message(self._describe_lock(timedelta(seconds=remaining)))
        # Next when the shown second changes (the text rounds up), or when the lock ends.
        fraction = remaining - math.floor(remaining)
        self._lock_timer.start(max(1, round((fraction or 1.0) * 1000)))

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        set_style_property(self.message, "messageLine", "error" if error else "info")

    def message_text(self) -> str:
        return self.message.text()


class PinCheckDialog(AsyncDialog):
    """A dialog that checks the PIN typed into one of its :class:`PinEntry` before it closes.

    The PIN check is written here once: the entry is off and says "Checking…" while the
    check runs; a rejected PIN is explained in the entry (and :attr:`pinRejected` says
    so); an accepted one goes to :meth:`pin_accepted`.

    Signals:
        pinRejected(str): a PIN was not accepted; the text shown for it.
    """

    pinRejected = Signal(str)

    def check_pin(
        self,
        entry: PinEntry,
        check: Coroutine[Any, Any, PinCheck],
        *,
        approval: bool,
        busy: Sequence[QWidget] = (),
        on_settled: Callable[[], None] | None = None,
    ) -> None:
        """Check the PIN in ``entry`` with ``check`` (ignored while a check runs or the
        entry is locked)."""
        if self.is_busy() or entry.locked:
            check.close()
            return
        entry.set_busy(True)
        entry.show_message(self.tr("Checking…"), error=False)
        self.run_work(
            check,
            on_success=lambda result: self._on_pin_checked(entry, result, approval=approval),
            on_failure=lambda exc: self._on_pin_check_failed(entry, exc),
            busy=busy,
            on_settled=on_settled,
        )

    def pin_accepted(self, check: PinCheck) -> None:
        """The PIN was accepted (``check.profile`` is whose it was)."""
        raise NotImplementedError

    def _on_pin_checked(self, entry: PinEntry, check: PinCheck, *, approval: bool) -> None:
        entry.set_busy(False)
        entry.clear()
        if check.accepted:
            entry.show_message("")
            self.pin_accepted(check)
            return
        if check.outcome is PinOutcome.LOCKED and check.lock_left is not None:
            entry.lock_for(check.lock_left, lambda left: describe_lock(left, approval=approval))
            text = entry.message_text()
        else:
            text = describe_pin_check(check, approval=approval)
            entry.show_message(text)
        self.pinRejected.emit(text)

    def _on_pin_check_failed(self, entry: PinEntry, exc: BaseException) -> None:
        entry.set_busy(False)
        entry.clear()
        if isinstance(exc, StaffError):
            # The staff file failed (a full or damaged disk): the world's doing, not a bug.
            entry.show_message(
                self.tr(
                    "The PIN could not be checked: the staff list cannot be read. "
                    "Ask your IT contact."
                )
            )
            return
        entry.show_message(self.tr("The PIN could not be checked. Try again."))
        report_exception(type(exc), exc, exc.__traceback__)


class PinDialog(PinCheckDialog):
    """Asks for a PIN and checks it before closing; a wrong PIN keeps it open.

    With ``profiles`` the person first picks their name (sign-in); without, any manager's
    PIN is asked for (approval). ``check`` does the checking (normally the staff service);
    when it accepts, :attr:`accepted_profile` is whose PIN it was and the dialog accepts.
    Await it with :func:`~pos_app.ui.async_support.await_dialog`.

    Signals:
        pinRejected(str): a PIN was not accepted; the text shown for it.
    """

    def __init__(
        self,
        check: PinChecker,
        *,
        title: str,
        prompt: str,
        profiles: Sequence[StaffProfile] = (),
        selected_profile_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, message_name="pinDialogMessage")
        self.setObjectName("pinDialog")
        self.setWindowTitle(title)
        self._check = check
        self._profiles = list(profiles)
        self.accepted_profile: StaffProfile | None = None
        #: The check that accepted the PIN (says e.g. whether the PIN is too short now).
        self.accepted_check: PinCheck | None = None

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        # The dialog grows when a longer message needs the room, never clips the keypad.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.prompt = QLabel(prompt, self)
        self.prompt.setObjectName("pinPrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setFont(scaled_font(self.prompt.font(), TextSize.PIN_PROMPT, bold=True))
        layout.addWidget(self.prompt)

        self.staff_picker: QComboBox | None = None
        if self._profiles:
            picker = QComboBox(self)
            picker.setObjectName("staffPicker")
            picker.setMinimumHeight(48)
            picker.setAccessibleName(self.tr("Your name"))
            for profile in self._profiles:
                picker.addItem(profile.name, profile.profile_id)
            if selected_profile_id is not None:
                row = picker.findData(selected_profile_id)
                if row >= 0:
                    picker.setCurrentIndex(row)
            picker.currentIndexChanged.connect(self.on_staff_picker_changed)
            layout.addWidget(picker)
            self.staff_picker = picker

        self.entry = PinEntry(self)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)

        # Enter anywhere in the dialog means OK; Escape means Cancel (QDialog's own).
        buttons, self.ok_button, self.cancel_button = confirm_buttons(
            self,
            self.tr("OK"),
            self.tr("Cancel"),
            confirm_name="pinOkButton",
            on_confirm=self.on_ok_button_clicked,
            size=QSize(120, 52),
        )
        self.cancel_button.setObjectName("pinCancelButton")
        layout.addWidget(buttons)
        self.entry.changed.connect(self._update_ok)
        self.entry.lockChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(max(380, self.sizeHint().width()), self.sizeHint().height())
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_profile(self) -> StaffProfile | None:
        if self.staff_picker is None:
            return None
        return self._profiles[self.staff_picker.currentIndex()]

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(
            self.entry.is_complete() and not self.is_busy() and not self.entry.locked
        )

    def on_staff_picker_changed(self) -> None:
        # A lock is one person's: the next name may type their PIN.
        self.entry.unlock()
        self.entry.show_message("")
        self.entry.clear()
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_ok_button_clicked(self) -> None:
        # Enter pressed twice, or Enter and a tap: one check at a time; none while locked.
        if self.is_busy() or self.entry.locked:
            return
        if not self.entry.is_complete():
            self.entry.show_message(
                self.tr("A PIN has {min} to {max} digits.").format(
                    min=PIN_MIN_LENGTH, max=PIN_MAX_LENGTH
                )
            )
            return
        self.check_pin(
            self.entry,
            self._check(self.selected_profile(), self.entry.pin()),
            approval=self.staff_picker is None,
            on_settled=self._update_ok,
        )
        self._update_ok()

    def pin_accepted(self, check: PinCheck) -> None:
        self.accepted_profile = check.profile
        self.accepted_check = check
        self.accept()

    def done(self, result: int) -> None:
        self.entry.field.clear()
        super().done(result)
