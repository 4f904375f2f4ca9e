"""The words every part of the staff services uses: roles, a profile, the errors.

A :class:`StaffProfile` never holds a PIN or a hash; every error's message is fit for a
person and never holds a PIN either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from pos_app.storage import StaffRef

__all__ = [
    "Clock",
    "DuplicateNameError",
    "InvalidNameError",
    "InvalidPinError",
    "LastManagerError",
    "ManagerPinTooShortError",
    "Monotonic",
    "PinInUseError",
    "PinKeyMismatchError",
    "Role",
    "StaffError",
    "StaffProfile",
    "StaffStorageError",
    "UnknownProfileError",
    "parse_timestamp",
    "timestamp",
]

Clock = Callable[[], datetime]
#: Seconds from an arbitrary start, never going back while the process runs.
Monotonic = Callable[[], float]


def timestamp(moment: datetime) -> str:
    """How the staff database stores a moment (UTC, ISO 8601, microseconds)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_timestamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class StaffError(Exception):
    """Root of the staff errors; the message is fit for a person (and never holds a PIN)."""


class StaffStorageError(StaffError):
    """The staff database could not be read or written (or is not one)."""


class UnknownProfileError(StaffError, LookupError):
    def __init__(self, profile_id: str) -> None:
        super().__init__(f"No staff profile {profile_id}.")
        self.profile_id = profile_id


class InvalidPinError(StaffError, ValueError):
    """A new PIN is not 4–8 digits."""


class ManagerPinTooShortError(InvalidPinError):
    """A new manager PIN has fewer than :data:`MANAGER_PIN_MIN_LENGTH` digits."""


class PinKeyMismatchError(StaffStorageError):
    """The staff file's PINs were hashed with another PIN key than the one at hand."""


class PinInUseError(StaffError):
    """Another active manager has this PIN: a manager PIN must name one manager."""


class InvalidNameError(StaffError, ValueError):
    pass


class DuplicateNameError(StaffError):
    """An active profile already has this name (names are picked from a list at sign-in)."""


class LastManagerError(StaffError):
    """The change would leave no active manager, and nobody could manage staff any more."""


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"


@dataclass(frozen=True)
class StaffProfile:
    """One person at the counter. Holds no PIN and no hash."""

    profile_id: str
    name: str
    role: Role
    active: bool
    created_at: datetime
    #: Until when wrong PINs keep this profile locked (past values mean: not locked).
    locked_until: datetime | None = None

    @property
    def is_manager(self) -> bool:
        return self.role is Role.MANAGER

    @property
    def ref(self) -> StaffRef:
        """Who did it, as the journal records it."""
        return StaffRef(profile_id=self.profile_id, name=self.name)

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until
