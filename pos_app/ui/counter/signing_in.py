"""Who works the counter: sign in and out, idle sign-out, and the staff list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from pos_app.services.staff import SignInSession, StaffDirectory, StaffService
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.counter.customer_widgets import MessageBar, MessageKind
from pos_app.ui.counter.words import staff_problem_text
from pos_app.ui.dialogs.sign_in import IdleSignOut, sign_in
from pos_app.ui.i18n import translate as _tr

_SIGN_IN = "sign-in"


class SignInControl(QObject):
    """Signing in at this counter, for the window's button and for the hand-over.

    Signals:
        changed(object): who is signed in now (a StaffRef, or None).
    """

    changed = Signal(object)

    def __init__(
        self,
        session: SignInSession,
        staff: StaffService | None,
        *,
        problem: str | None,
        tasks: TaskOwner,
        messages: MessageBar,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.session = session
        self._staff = staff
        self._problem = problem
        self._tasks = tasks
        self._messages = messages
        self._window = window
        self._idle = IdleSignOut(session, self)
        self._idle.signedOut.connect(self._on_idle_signed_out)

    @property
    def busy(self) -> bool:
        return self._tasks.is_running(_SIGN_IN)

    def toggle(self) -> None:
        """The status bar's button: sign out whoever is signed in, else ask for a sign-in."""
        if self._staff is None or self.busy:
            return
        if self.session.profile is not None:
            self.sign_out()
            return
        self._tasks.op(self.sign_in(), key=_SIGN_IN).run()

    def ask(self) -> None:
        """Ask for a sign-in in the background (at start, when the shop requires it)."""
        if self._staff is not None and not self.busy:
            self._tasks.op(self.sign_in(), key=_SIGN_IN).run()

    def sign_in_then(self, then: Callable[[], None]) -> None:
        """Ask for a sign-in that may not be skipped; ``then`` when someone signed in."""
        if not self.busy:
            self._tasks.op(self.sign_in(required=True), key=_SIGN_IN).success(
                lambda signed_in: then() if signed_in else None
            ).run()

    async def sign_in(self, *, required: bool = False) -> bool:
        """Ask for a sign-in; True when someone is signed in.

        Also True when there is nobody who could sign in, unless ``required`` (kiosk mode:
        nothing a customer could do alone). False when PINs cannot be checked at all.
        """
        if self._staff is None:
            # Sign-in is asked for because this counter needs it: without a way to check
            # PINs nobody gets past it.
            self.show_problem()
            return False
        profile = await sign_in(self._staff, self.session, self._window)
        if profile is None:
            return not required and not await self._staff.call(StaffDirectory.has_any_staff)
        self._idle.start()
        self.changed.emit(self.session.staff)
        return True

    def sign_out(self) -> None:
        if self.session.profile is not None:
            self.session.sign_out()
            self._idle.stop()
            self.changed.emit(None)

    def stop(self) -> None:
        self._idle.stop()

    def show_problem(self) -> None:
        self._messages.show_message(staff_problem_text(self._problem), MessageKind.ERROR)

    def _on_idle_signed_out(self, _profile: object) -> None:
        self.changed.emit(None)
        self._messages.show_message(
            _tr("Signed out after a quiet spell. Sign in again to hand rewards over."),
            MessageKind.INFO,
        )
