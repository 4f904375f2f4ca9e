"""Who is signed in at a counter, and since when nobody touched it: :class:`SignInSession`."""

from __future__ import annotations

from datetime import timedelta

from pos_app.clock import utc_now
from pos_app.services.staff.model import Clock, StaffProfile
from pos_app.storage import StaffRef

__all__ = ["SignInSession"]


class SignInSession:
    """Who is signed in at this counter, and since when nobody touched it.

    Qt-free: the UI calls :meth:`touch` on input and asks :meth:`is_idle` from a timer.
    """

    def __init__(self, *, idle_after: timedelta, clock: Clock = utc_now) -> None:
        self._idle_after = idle_after
        self._clock = clock
        self._profile: StaffProfile | None = None
        self._last_activity = clock()

    @property
    def profile(self) -> StaffProfile | None:
        return self._profile

    @property
    def staff(self) -> StaffRef | None:
        """What the journal records as "who did it", or None when nobody is signed in."""
        return self._profile.ref if self._profile is not None else None

    @property
    def idle_after(self) -> timedelta:
        return self._idle_after

    def set_idle_after(self, idle_after: timedelta) -> None:
        self._idle_after = idle_after

    def sign_in(self, profile: StaffProfile) -> None:
        """Record who signed in; call after their PIN was accepted."""
        self._profile = profile
        self.touch()

    def sign_out(self) -> StaffProfile | None:
        """Sign out; returns who was signed in."""
        previous, self._profile = self._profile, None
        return previous

    def touch(self) -> None:
        self._last_activity = self._clock()

    def idle_for(self) -> timedelta:
        return self._clock() - self._last_activity

    def is_idle(self) -> bool:
        """Someone is signed in and nobody touched the counter for ``idle_after``."""
        return self._profile is not None and self.idle_for() >= self._idle_after

    def sign_out_if_idle(self) -> StaffProfile | None:
        """Sign out when idle; returns who was signed out (None if nothing changed)."""
        return self.sign_out() if self.is_idle() else None
