"""Staff sign-in at the counter (setting ``require_staff_sign_in``) and idle sign-out.

:func:`sign_in` asks for a name and that person's PIN; :class:`IdleSignOut` watches the
whole application's input and signs the person out after the configured idle time. Who is
signed in lives in a Qt-free :class:`~pos_app.services.staff.SignInSession`, whose
``staff`` is what the journal records with each pickup.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pos_app.services.staff import (
    PinCheck,
    SignInSession,
    StaffDirectory,
    StaffProfile,
    StaffService,
)
from pos_app.ui.async_support import await_dialog
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.i18n import translate as _tr

#: Input that counts as someone working at the counter.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
    }
)


async def sign_in(
    staff: StaffService,
    session: SignInSession,
    parent: QWidget | None,
    *,
    prompt: str | None = None,
) -> StaffProfile | None:
    """Pick your name, type your PIN; returns who signed in (None: cancelled, or no staff).

    With no staff profiles at all there is nobody to sign in: the caller lets the counter
    work as usual (and may offer :func:`~pos_app.ui.managers.staff.ensure_manager`).
    """
    profiles = await staff.call(StaffDirectory.profiles)
    if not profiles:
        return None

    async def check(profile: StaffProfile | None, pin: str) -> PinCheck:
        assert profile is not None
        return await staff.verify_pin(profile.profile_id, pin)

    last = session.profile
    dialog = PinDialog(
        check,
        title=_tr("Sign in"),
        prompt=prompt or _tr("Pick your name and type your PIN."),
        profiles=profiles,
        selected_profile_id=last.profile_id if last is not None else None,
        parent=parent,
    )
    dialog.setObjectName("signInDialog")
    try:
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        profile = dialog.accepted_profile
    finally:
        dialog.deleteLater()
    if profile is not None:
        session.sign_in(profile)
    return profile


class IdleSignOut(QObject):
    """Signs the counter's person out when nobody touched the app for the idle time.

    Watches key presses, clicks, touches and the wheel anywhere in the application; a
    timer asks the session whether the idle time has passed.

    Signals:
        signedOut(object): the StaffProfile that was signed out for being idle.
    """

    signedOut = Signal(object)

    #: How often the idle time is checked; sign-out happens at most this late.
    CHECK_INTERVAL_MS = 5_000

    def __init__(
        self,
        session: SignInSession,
        parent: QObject | None = None,
        *,
        check_interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check_now)
        self._watching = False

    @property
    def session(self) -> SignInSession:
        return self._session

    def set_idle_after(self, idle_after: timedelta) -> None:
        self._session.set_idle_after(idle_after)

    def start(self) -> None:
        """Start watching (call after a sign-in); idempotent."""
        if not self._watching:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self._session.touch()
        self._timer.start()

    def stop(self) -> None:
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False
        self._timer.stop()

    def check_now(self) -> None:
        profile = self._session.sign_out_if_idle()
        if profile is not None:
            self.stop()
            self.signedOut.emit(profile)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._session.touch()
        return False
