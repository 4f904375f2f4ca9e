"""Staff: profiles with roles, their PINs and the locks wrong PINs set, and who is signed in.

* :mod:`.profiles`: the staff list and its SQLite file (:class:`StaffDirectory`);
* :mod:`.pins`: PIN format, the salted and keyed hashes, escalating lockouts;
* :mod:`.service`: the staff list on a worker thread for the GUI's loop
  (:class:`StaffService`), which journals every lockout;
* :mod:`.session`: who is signed in at this counter (:class:`SignInSession`);
* :mod:`.model`: the roles, the profile and the errors they all use.

The names the rest of the app uses are imported from here.
"""

from pos_app.services.staff.model import (
    DuplicateNameError,
    InvalidNameError,
    InvalidPinError,
    LastManagerError,
    ManagerPinTooShortError,
    PinInUseError,
    PinKeyMismatchError,
    Role,
    StaffError,
    StaffProfile,
    StaffStorageError,
    UnknownProfileError,
)
from pos_app.services.staff.pins import (
    LOCKOUT,
    LOCKOUT_CAP,
    MANAGER_PIN_MIN_LENGTH,
    MAX_WRONG_PINS,
    PIN_MAX_LENGTH,
    PIN_MIN_LENGTH,
    Lockout,
    PinCheck,
    PinOutcome,
    ScryptParams,
    check_pin_format,
    hash_pin,
    lock_duration,
    pin_matches,
)
from pos_app.services.staff.profiles import (
    DEMO_SCRYPT,
    DEMO_STAFF,
    STAFF_SCHEMA_VERSION,
    DemoStaff,
    StaffDirectory,
)
from pos_app.services.staff.service import LockoutRecorder, StaffService, journal_lockouts
from pos_app.services.staff.session import SignInSession

__all__ = [
    "DEMO_SCRYPT",
    "DEMO_STAFF",
    "LOCKOUT",
    "LOCKOUT_CAP",
    "MANAGER_PIN_MIN_LENGTH",
    "MAX_WRONG_PINS",
    "PIN_MAX_LENGTH",
    "PIN_MIN_LENGTH",
    "STAFF_SCHEMA_VERSION",
    "DemoStaff",
    "DuplicateNameError",
    "InvalidNameError",
    "InvalidPinError",
    "LastManagerError",
    "Lockout",
    "LockoutRecorder",
    "ManagerPinTooShortError",
    "PinCheck",
    "PinInUseError",
    "PinKeyMismatchError",
    "PinOutcome",
    "Role",
    "ScryptParams",
    "SignInSession",
    "StaffDirectory",
    "StaffError",
    "StaffProfile",
    "StaffService",
    "StaffStorageError",
    "UnknownProfileError",
    "check_pin_format",
    "hash_pin",
    "journal_lockouts",
    "lock_duration",
    "pin_matches",
]
