"""Staff profiles, roles and PINs, kept in a small SQLite file next to the journal.

A profile has a name, a role (cashier or manager) and a PIN of 4 to 8 digits; a manager's
PIN has at least :data:`MANAGER_PIN_MIN_LENGTH` digits (a shorter one from before still
works, and the check says so, so that the app can ask for a new one). The PIN is never
stored, logged or put in an exception: only a salted ``hashlib.scrypt`` hash of the PIN
mixed with a key kept outside the file (HMAC-SHA256 with the *PIN key* from the OS keyring,
see :meth:`~pos_app.services.secrets.SecretStore.staff_pin_key`), in a self-describing form
(``scrypt$n$r$p$salt$hash$key-id``). A copied staff file without the key gives up no PIN,
however short: every guess needs the key. Hashes written before the key existed
(``scrypt$n$r$p$salt$hash``) still verify and are rewritten with the key, and with the
current scrypt parameters, on the next right PIN. A file whose hashes name another key is
refused when opened (:class:`PinKeyMismatchError`) rather than turning every right PIN into
a wrong one.

Wrong PINs: one count per profile, whichever dialog the PIN was typed in, reset only by the
profile's right PIN (or a manager giving it a new one). Every :data:`MAX_WRONG_PINS` wrong
PINs lock the profile, the first time for :data:`LOCKOUT`, each further time twice as long,
up to :data:`LOCKOUT_CAP`. A manager PIN typed without picking a name (the approval of a
reversal, leaving kiosk mode, opening the staff list) is a guess at every manager's PIN at
once, so it counts against every manager who is not locked; approval works while one of
them is not locked. Every lockout is journaled (``pin_lockout``) by :class:`StaffService`
through the recorder it is given.

A lock is served in time the app was running, measured with a monotonic clock: the time
left is stored, with the app run and the monotonic reading it was last counted at, and only
the same run may count it down further. So moving the PC's clock (forward or back) neither
ends nor lengthens a lock, and closing the app, moving the clock and starting it again does
not either: the hours the app was not running are not counted. The price is that a lock
does not run out while the app is closed; a manager can lift it by giving a new PIN.

Two layers, like the journal: :class:`StaffDirectory` is the synchronous store, owned by
one thread; :class:`StaffService` keeps it on a worker thread and runs its methods there
as coroutines (``await staff.call(StaffDirectory.profiles)``), so a PIN check (tens of
milliseconds of scrypt per profile) never blocks the GUI.

Size: profiles, PIN hashing and the lock rules in one SQLite file, with its async front;
PIN hashing and the sign-in session are the parts to move into modules of their own.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import hmac
import logging
import re
import secrets
import sqlite3
import time
import unicodedata
import uuid
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Concatenate, ParamSpec, TypedDict, TypeVar, Unpack

from pos_app.clock import utc_now
from pos_app.storage import PIN_LOCKOUT, AsyncJournal, Journal, StaffRef
from pos_app.storage.sqlite import DatabaseKind, Migration, connect

__all__ = [
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

log = logging.getLogger(__name__)

PIN_MIN_LENGTH = 4
#: A manager's PIN approves reversals and unlocks the kiosk: more digits than a cashier's.
MANAGER_PIN_MIN_LENGTH = 6
PIN_MAX_LENGTH = 8
#: Every this many wrong PINs since the profile's last right one lock it.
MAX_WRONG_PINS = 5
#: How long the first lock lasts; each further one lasts twice as long ...
LOCKOUT = timedelta(minutes=5)
#: ... up to this.
LOCKOUT_CAP = timedelta(hours=24)
#: ``PRAGMA application_id`` of a staff database ("PUst").
_APPLICATION_ID = 0x50557374
#: The shortest PIN key taken (the app makes 32 random bytes).
_PIN_KEY_MIN_BYTES = 16
_NAME_MAX = 40
_PIN = re.compile(rf"[0-9]{{{PIN_MIN_LENGTH},{PIN_MAX_LENGTH}}}", re.ASCII)

Clock = Callable[[], datetime]
#: Seconds from an arbitrary start, never going back while the process runs.
Monotonic = Callable[[], float]


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def lock_duration(
    lock_number: int, *, first: timedelta = LOCKOUT, cap: timedelta = LOCKOUT_CAP
) -> timedelta:
    """How long lock number ``lock_number`` (from 1) since the last right PIN lasts."""
    # The exponent is bounded: past the cap the number only grows, the lock does not.
    doubled: timedelta = first * 2 ** min(max(lock_number, 1) - 1, 32)
    return min(doubled, cap)


def _minutes(duration: timedelta) -> str:
    return f"{round(duration.total_seconds() / 60)} minutes"


# -- errors ------------------------------------------------------------------------------


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


# -- values ------------------------------------------------------------------------------


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


class PinOutcome(StrEnum):
    #: The PIN is right (``PinCheck.profile`` says whose it is).
    ACCEPTED = "accepted"
    #: Wrong PIN; ``attempts_left`` tries before a lock of ``next_lock``.
    WRONG = "wrong"
    #: Locked after wrong PINs for ``lock_left`` more; the PIN was not even checked.
    LOCKED = "locked"
    #: The profile is deactivated (or unknown).
    INACTIVE = "inactive"
    #: The PIN belongs to more than one manager: one of them needs a new PIN.
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Lockout:
    """A lock that a wrong PIN has just set: what the journal records."""

    #: Who typed the PIN, if known: the locked profile at sign-in, whoever was signed in
    #: at a manager approval.
    staff: StaffRef | None
    #: The locked profile.
    key: str
    duration: timedelta
    #: When the lock ends if the app keeps running (an estimate: see the module docstring).
    until: datetime
    note: str


@dataclass(frozen=True)
class PinCheck:
    outcome: PinOutcome
    profile: StaffProfile | None = None
    attempts_left: int | None = None
    #: How long the lock that ``attempts_left`` more wrong PINs set will last.
    next_lock: timedelta | None = None
    #: How much of the lock is left to serve (while the app runs).
    lock_left: timedelta | None = None
    #: When the lock ends if the app keeps running (for display only).
    locked_until: datetime | None = None
    #: The locks this very check set (journal them).
    lockouts: tuple[Lockout, ...] = ()
    #: Accepted, but the PIN is shorter than a manager's PIN has to be now.
    pin_too_short: bool = False

    @property
    def accepted(self) -> bool:
        return self.outcome is PinOutcome.ACCEPTED

    @property
    def lockout(self) -> Lockout | None:
        """The first lock this check set, if any."""
        return self.lockouts[0] if self.lockouts else None


@dataclass(frozen=True)
class ScryptParams:
    """Cost of one PIN hash. The default takes 32 MiB and well under 0.2 s on a counter PC."""

    n: int = 2**15
    r: int = 8
    p: int = 1
    salt_bytes: int = 16
    key_bytes: int = 32

    @property
    def maxmem(self) -> int:
        # scrypt needs 128·n·r·p bytes plus a little; OpenSSL refuses above maxmem.
        return 128 * self.n * self.r * self.p + 2 * 1024 * 1024


@dataclass(frozen=True)
class DemoStaff:
    """A demo profile; the demo banner shows its PIN (demo only, never a real shop's)."""

    name: str
    role: Role
    pin: str


DEMO_STAFF: tuple[DemoStaff, ...] = (
    DemoStaff("Casey Jansen", Role.CASHIER, "1234"),
    DemoStaff("Morgan Visser", Role.MANAGER, "246810"),
)


def check_pin_format(pin: str, role: Role = Role.CASHIER) -> str:
    """The PIN if it is fit for ``role`` (4–8 ASCII digits, 6–8 for a manager), else
    :class:`InvalidPinError` (the PIN is not echoed)."""
    if not isinstance(pin, str) or not _PIN.fullmatch(pin):
        raise InvalidPinError(
            f"A PIN is {PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} digits (0–9), nothing else."
        )
    if role is Role.MANAGER and len(pin) < MANAGER_PIN_MIN_LENGTH:
        raise ManagerPinTooShortError(
            f"A manager's PIN is {MANAGER_PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} digits."
        )
    return pin


def _clean_name(name: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", name).split())
    if not text or any(unicodedata.category(ch)[0] == "C" for ch in text):
        raise InvalidNameError("A name needs at least one visible character.")
    if len(text) > _NAME_MAX:
        raise InvalidNameError(f"A name is at most {_NAME_MAX} characters.")
    return text


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class _StoredHash:
    params: ScryptParams
    salt: bytes
    key: bytes
    #: Which PIN key was mixed in (None: a hash from before the PIN key).
    pin_key_id: str | None


def pin_key_id(pin_key: bytes) -> str:
    """Names a PIN key in the hashes made with it, without giving anything of it away."""
    return hmac.new(pin_key, b"pos-app staff PIN key id", hashlib.sha256).hexdigest()[:16]


def _scrypt(pin: str, pin_key: bytes | None, salt: bytes, params: ScryptParams) -> bytes:
    secret = pin.encode("ascii", "replace")
    if pin_key is not None:
        # The pepper: without the key, no guess at the PIN can even be tried.
        secret = hmac.new(pin_key, secret, hashlib.sha256).digest()
    return hashlib.scrypt(
        secret,
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=params.maxmem,
        dklen=params.key_bytes,
    )


def hash_pin(pin: str, params: ScryptParams, *, pin_key: bytes | None) -> str:
    """A new salted hash; ``pin_key=None`` only makes the old format (for tests of it)."""
    salt = secrets.token_bytes(params.salt_bytes)
    key = _scrypt(pin, pin_key, salt, params)
    text = f"scrypt${params.n}${params.r}${params.p}${_b64(salt)}${_b64(key)}"
    return text if pin_key is None else f"{text}${pin_key_id(pin_key)}"


def _parse_hash(stored: str) -> _StoredHash | None:
    try:
        scheme, n, r, p, salt, key, *rest = stored.split("$")
        if scheme != "scrypt" or len(rest) > 1:
            return None
        salt_bytes = base64.b64decode(salt, validate=True)
        key_bytes = base64.b64decode(key, validate=True)
        params = ScryptParams(
            n=int(n), r=int(r), p=int(p), salt_bytes=len(salt_bytes), key_bytes=len(key_bytes)
        )
    except ValueError:
        return None
    return _StoredHash(params, salt_bytes, key_bytes, rest[0] if rest else None)


def pin_matches(pin: str, stored: str, *, pin_key: bytes | None) -> bool:
    """Whether ``pin`` hashes to ``stored``; compared in constant time.

    A hash made with a PIN key matches only with that key; one from before the PIN key
    (no key id) is checked without it.
    """
    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    if parsed.pin_key_id is not None:
        if pin_key is None or parsed.pin_key_id != pin_key_id(pin_key):
            return False
        candidate = _scrypt(pin, pin_key, parsed.salt, parsed.params)
    else:
        candidate = _scrypt(pin, None, parsed.salt, parsed.params)
    return hmac.compare_digest(candidate, parsed.key)


# -- schema ------------------------------------------------------------------------------

_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "staff profiles, one active profile per name, wrong-PIN counts",
        (
            f"PRAGMA application_id = {_APPLICATION_ID}",
            # pin_hash holds only "scrypt$n$r$p$salt$hash": never a PIN.
            """
            CREATE TABLE staff (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL CHECK (name <> ''),
                role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
                pin_hash TEXT NOT NULL CHECK (pin_hash LIKE 'scrypt$%'),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            # People pick their name from a list: two active profiles may not share one.
            "CREATE UNIQUE INDEX staff_active_name ON staff (lower(name)) WHERE active = 1",
            # Wrong PINs in a row and the lock they set, per profile id.
            """
            CREATE TABLE pin_guard (
                key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT
            )
            """,
        ),
    ),
    Migration(
        2,
        "locks served in app running time, one count per profile",
        (
            # failures now counts every wrong PIN since the last right one (the lock number
            # is failures // MAX_WRONG_PINS); locked_until is only an estimate for display.
            # lock_left: seconds of the lock still to serve, as counted by the app run
            # lock_run at its monotonic reading lock_mono (see the module docstring).
            "ALTER TABLE pin_guard ADD COLUMN lock_left REAL",
            "ALTER TABLE pin_guard ADD COLUMN lock_run TEXT",
            "ALTER TABLE pin_guard ADD COLUMN lock_mono REAL",
            # The counter-wide manager approval count is gone: its wrong PINs were not any
            # one profile's, so they cannot be carried over.
            "DELETE FROM pin_guard WHERE key = 'manager-approval'",
            # A lock still running is served in full again, as the first lock.
            f"""
            UPDATE pin_guard SET failures = {MAX_WRONG_PINS},
                lock_left = {LOCKOUT.total_seconds()}
            WHERE locked_until IS NOT NULL AND julianday(locked_until) > julianday('now')
            """,
            "UPDATE pin_guard SET locked_until = NULL WHERE lock_left IS NULL",
        ),
    ),
)


def _storage_error(message: str) -> StaffStorageError:
    return StaffStorageError(message)


def _version_error(message: str, found: int, supported: int) -> StaffStorageError:
    return StaffStorageError(message)


#: How the staff file is opened, checked and upgraded: as the journal is.
_STAFF_FILE = DatabaseKind(
    name="staff database",
    application_id=_APPLICATION_ID,
    migrations=_MIGRATIONS,
    storage_error=_storage_error,
    format_error=_storage_error,
    version_error=_version_error,
    not_writable_error=_storage_error,
)
#: ``PRAGMA user_version`` of the staff database this code writes.
STAFF_SCHEMA_VERSION = _STAFF_FILE.version


_PROFILE_COLUMNS = "s.id, s.name, s.role, s.active, s.created_at, g.locked_until"
_PROFILE_FROM = "FROM staff s LEFT JOIN pin_guard g ON g.key = s.id"


def _profile(row: tuple[str, str, str, int, str, str | None]) -> StaffProfile:
    return StaffProfile(
        profile_id=row[0],
        name=row[1],
        role=Role(row[2]),
        active=bool(row[3]),
        created_at=datetime.fromisoformat(row[4]),
        locked_until=_parse(row[5]),
    )


class DirectoryOptions(TypedDict, total=False):
    """How a :class:`StaffDirectory` keeps time, hashes and locks (defaults: the app's)."""

    clock: Clock
    monotonic: Monotonic
    scrypt: ScryptParams | None
    max_wrong: int
    lockout: timedelta
    lockout_cap: timedelta


class StaffDirectory:
    """The staff database of one data folder, used by one thread (see :class:`StaffService`).

    ``pin_key`` is the secret mixed into every PIN hash (see the module docstring);
    ``monotonic`` the clock locks are served by, ``clock`` the wall clock for display
    and records.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path,
        pin_key: bytes,
        clock: Clock = utc_now,
        monotonic: Monotonic = time.monotonic,
        scrypt: ScryptParams | None = None,
        max_wrong: int = MAX_WRONG_PINS,
        lockout: timedelta = LOCKOUT,
        lockout_cap: timedelta = LOCKOUT_CAP,
    ) -> None:
        """Use :meth:`open`."""
        if len(pin_key) < _PIN_KEY_MIN_BYTES:
            raise ValueError("the PIN key is too short")
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._pin_key = pin_key
        self._clock = clock
        self._monotonic = monotonic
        self._scrypt = scrypt or ScryptParams()
        self._max_wrong = max_wrong
        self._lockout = lockout
        self._lockout_cap = lockout_cap
        #: This app run: only the run that counted a lock last may count it down further.
        self._run = uuid.uuid4().hex

    @classmethod
    def open(
        cls, path: Path | str, *, pin_key: bytes, **options: Unpack[DirectoryOptions]
    ) -> StaffDirectory:
        """Open (create, upgrade) the staff database at ``path``.

        Raises :class:`PinKeyMismatchError` when its PINs were hashed with another key.
        """
        path = Path(path)
        conn = connect(path, _STAFF_FILE)
        try:
            directory = cls(conn, path=path, pin_key=pin_key, **options)
            directory._check_pin_key()
        except BaseException:
            conn.close()
            raise
        return directory

    def _check_pin_key(self) -> None:
        ours = pin_key_id(self._pin_key)
        for (stored,) in self._connection().execute("SELECT pin_hash FROM staff WHERE active = 1"):
            parsed = _parse_hash(stored)
            if parsed is not None and parsed.pin_key_id not in (None, ours):
                raise PinKeyMismatchError(
                    f"The PINs in {self._path} were protected with another PIN key than "
                    "the one this computer has."
                )

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        if self._conn is not None:
            try:
                # Locks count down to this moment, not to the last PIN typed.
                with self._writing() as conn:
                    self._serve_all(conn)
            except StaffStorageError:
                log.warning("The staff database could not record the locks' time served")
            finally:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> StaffDirectory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StaffStorageError(f"The staff database {self._path} is closed.")
        return self._conn

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError) and "staff_active_name" in str(exc):
                raise DuplicateNameError("Someone else already has this name.") from exc
            if isinstance(exc, sqlite3.IntegrityError) and "staff.name" in str(exc):
                raise DuplicateNameError("Someone else already has this name.") from exc
            if isinstance(exc, sqlite3.Error):
                raise StaffStorageError(
                    f"The staff database {self._path} cannot be written: {exc}"
                ) from exc
            raise

    # -- profiles -------------------------------------------------------------------------

    def profiles(self, *, include_inactive: bool = False) -> list[StaffProfile]:
        """Profiles by name (active ones only unless asked)."""
        where = "" if include_inactive else "WHERE s.active = 1"
        with self._writing() as conn:
            self._serve_all(conn)
            rows = conn.execute(
                f"SELECT {_PROFILE_COLUMNS} {_PROFILE_FROM} {where} "
                "ORDER BY s.active DESC, lower(s.name), s.created_at"
            ).fetchall()
        return [_profile(row) for row in rows]

    def profile(self, profile_id: str) -> StaffProfile:
        with self._writing() as conn:
            self._lock_left(conn, profile_id)
            row = conn.execute(
                f"SELECT {_PROFILE_COLUMNS} {_PROFILE_FROM} WHERE s.id = ?", (profile_id,)
            ).fetchone()
        if row is None:
            raise UnknownProfileError(profile_id)
        return _profile(row)

    def has_any_staff(self) -> bool:
        row = self._connection().execute("SELECT 1 FROM staff WHERE active = 1 LIMIT 1")
        return row.fetchone() is not None

    def has_any_manager(self) -> bool:
        """Whether an active manager exists (else the app offers to create the first one)."""
        row = self._connection().execute(
            "SELECT 1 FROM staff WHERE active = 1 AND role = 'manager' LIMIT 1"
        )
        return row.fetchone() is not None

    def add(self, name: str, role: Role | str, pin: str) -> StaffProfile:
        role = Role(role)
        name = _clean_name(name)
        check_pin_format(pin, role)
        pin_hash = hash_pin(pin, self._scrypt, pin_key=self._pin_key)
        now = _timestamp(self._clock())
        profile_id = str(uuid.uuid4())
        with self._writing() as conn:
            if role is Role.MANAGER:
                self._refuse_manager_pin_in_use(conn, pin, exclude=None)
            conn.execute(
                "INSERT INTO staff (id, name, role, pin_hash, active, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 1, ?, ?)",
                (profile_id, name, role.value, pin_hash, now, now),
            )
        log.info("Staff profile added (%s)", role.value)
        return self.profile(profile_id)

    def rename(self, profile_id: str, name: str) -> StaffProfile:
        name = _clean_name(name)
        with self._writing() as conn:
            self._require_active(conn, profile_id)
            conn.execute(
                "UPDATE staff SET name = ?, updated_at = ? WHERE id = ?",
                (name, _timestamp(self._clock()), profile_id),
            )
        return self.profile(profile_id)

    def change_role(self, profile_id: str, role: Role | str) -> StaffProfile:
        """Make someone a cashier or a manager (never the last manager a cashier).

        Promoting cannot check that the PIN differs from the other managers' (it is not
        known here); :meth:`verify_manager_pin` answers ``AMBIGUOUS`` if it does not.
        """
        role = Role(role)
        with self._writing() as conn:
            current = self._require_active(conn, profile_id)
            if current is Role.MANAGER and role is Role.CASHIER:
                self._refuse_last_manager(conn, profile_id)
            conn.execute(
                "UPDATE staff SET role = ?, updated_at = ? WHERE id = ?",
                (role.value, _timestamp(self._clock()), profile_id),
            )
        log.info("Staff role changed to %s", role.value)
        return self.profile(profile_id)

    def reset_pin(self, profile_id: str, pin: str) -> StaffProfile:
        """Give a new PIN; also lifts a lock on the profile and its count of wrong PINs."""
        check_pin_format(pin)
        pin_hash = hash_pin(pin, self._scrypt, pin_key=self._pin_key)
        with self._writing() as conn:
            role = self._require_active(conn, profile_id)
            check_pin_format(pin, role)
            if role is Role.MANAGER:
                self._refuse_manager_pin_in_use(conn, pin, exclude=profile_id)
            conn.execute(
                "UPDATE staff SET pin_hash = ?, updated_at = ? WHERE id = ?",
                (pin_hash, _timestamp(self._clock()), profile_id),
            )
            conn.execute("DELETE FROM pin_guard WHERE key = ?", (profile_id,))
        log.info("Staff PIN reset")
        return self.profile(profile_id)

    def deactivate(self, profile_id: str) -> StaffProfile:
        """Take a profile out of use (kept, so journal rows still name a known person)."""
        with self._writing() as conn:
            role = self._require_active(conn, profile_id)
            if role is Role.MANAGER:
                self._refuse_last_manager(conn, profile_id)
            conn.execute(
                "UPDATE staff SET active = 0, updated_at = ? WHERE id = ?",
                (_timestamp(self._clock()), profile_id),
            )
            conn.execute("DELETE FROM pin_guard WHERE key = ?", (profile_id,))
        log.info("Staff profile deactivated")
        return self.profile(profile_id)

    def add_demo_staff(self) -> list[StaffProfile]:
        """The demo profiles (:data:`DEMO_STAFF`), unless there is staff already."""
        if self.has_any_staff():
            return []
        return [self.add(demo.name, demo.role, demo.pin) for demo in DEMO_STAFF]

    def _require_active(self, conn: sqlite3.Connection, profile_id: str) -> Role:
        row = conn.execute("SELECT role, active FROM staff WHERE id = ?", (profile_id,)).fetchone()
        if row is None:
            raise UnknownProfileError(profile_id)
        if not row[1]:
            raise StaffError("This profile is deactivated.")
        return Role(row[0])

    def _refuse_last_manager(self, conn: sqlite3.Connection, profile_id: str) -> None:
        others = conn.execute(
            "SELECT count(*) FROM staff WHERE active = 1 AND role = 'manager' AND id <> ?",
            (profile_id,),
        ).fetchone()[0]
        if not others:
            raise LastManagerError("This is the last manager. Make someone else a manager first.")

    def _refuse_manager_pin_in_use(
        self, conn: sqlite3.Connection, pin: str, *, exclude: str | None
    ) -> None:
        for row in conn.execute(
            "SELECT id, pin_hash FROM staff WHERE active = 1 AND role = 'manager'"
        ):
            if row[0] != exclude and pin_matches(pin, row[1], pin_key=self._pin_key):
                raise PinInUseError("Choose another PIN.")

    # -- PINs -----------------------------------------------------------------------------

    def verify_pin(self, profile_id: str, pin: str) -> PinCheck:
        """Check the PIN of one profile (sign-in), counting wrong tries towards its lock."""
        with self._writing() as conn:
            row = conn.execute(
                "SELECT pin_hash, active, role FROM staff WHERE id = ?", (profile_id,)
            ).fetchone()
            if row is None or not row[1]:
                return PinCheck(PinOutcome.INACTIVE)
            left = self._lock_left(conn, profile_id)
            if left is not None:
                return self._locked(left, profile=self._profile_in(conn, profile_id))
            if pin_matches(pin, row[0], pin_key=self._pin_key):
                return self._accepted(conn, profile_id, pin, row[0], Role(row[2]))
            profile = self._profile_in(conn, profile_id)
            wrong = self._failed(conn, profile, staff=profile.ref, at_approval=False)
            if wrong.lockouts:
                return replace(wrong, profile=self._profile_in(conn, profile_id))
            return wrong

    def verify_manager_pin(self, pin: str, *, asked_by: StaffRef | None = None) -> PinCheck:
        """Which active manager's PIN this is, asked for without a name.

        A wrong PIN here was a guess at every manager's PIN at once: it counts against
        each manager who is not locked, as a wrong sign-in would. A manager who is locked
        is not accepted, and the answer then is "wrong", not "locked": a locked profile
        must not confirm that a guess was right. When every manager is locked, the PIN is
        not checked at all. Every unlocked manager's hash is computed whatever the outcome,
        so the time taken does not tell whose PIN came close.
        """
        with self._writing() as conn:
            rows = conn.execute(
                "SELECT id, pin_hash FROM staff WHERE active = 1 AND role = 'manager' "
                "ORDER BY created_at"
            ).fetchall()
            locks = {row[0]: self._lock_left(conn, row[0]) for row in rows}
            usable = [row for row in rows if locks[row[0]] is None]
            if rows and not usable:
                return self._locked(min(left for left in locks.values() if left is not None))
            matches = [row for row in usable if pin_matches(pin, row[1], pin_key=self._pin_key)]
            if len(matches) > 1:
                # Possible only after a cashier sharing a manager's PIN was made a manager
                # (the PIN is not known then, so it could not be checked). Approving would
                # not say which manager approved.
                return PinCheck(PinOutcome.AMBIGUOUS)
            if matches:
                profile_id, stored = matches[0]
                return self._accepted(conn, profile_id, pin, stored, Role.MANAGER)
            charged = [
                self._failed(conn, self._profile_in(conn, row[0]), staff=asked_by, at_approval=True)
                for row in usable
            ]
            lockouts = tuple(lockout for check in charged for lockout in check.lockouts)
            still_open = [check for check in charged if not check.lockouts]
            if charged and not still_open:
                left = min(lockout.duration for lockout in lockouts)
                return replace(self._locked(left), attempts_left=0, lockouts=lockouts)
            if not still_open:
                return PinCheck(PinOutcome.WRONG)
            # The approval is locked as soon as the manager with the fewest tries left is.
            soonest = min(still_open, key=lambda check: check.attempts_left or 0)
            return replace(soonest, profile=None, lockouts=lockouts)

    def lock_state(self, key: str) -> tuple[int, datetime | None]:
        """Wrong PINs since the last right one, and the lock's estimated end, for a profile."""
        with self._writing() as conn:
            self._lock_left(conn, key)
            row = conn.execute(
                "SELECT failures, locked_until FROM pin_guard WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return 0, None
        return int(row[0]), _parse(row[1])

    def _profile_in(self, conn: sqlite3.Connection, profile_id: str) -> StaffProfile:
        row = conn.execute(
            f"SELECT {_PROFILE_COLUMNS} {_PROFILE_FROM} WHERE s.id = ?", (profile_id,)
        ).fetchone()
        return _profile(row)

    def _accepted(
        self, conn: sqlite3.Connection, profile_id: str, pin: str, stored: str, role: Role
    ) -> PinCheck:
        conn.execute("DELETE FROM pin_guard WHERE key = ?", (profile_id,))
        self._upgrade_hash(conn, profile_id, pin, stored)
        return PinCheck(
            PinOutcome.ACCEPTED,
            profile=self._profile_in(conn, profile_id),
            pin_too_short=role is Role.MANAGER and len(pin) < MANAGER_PIN_MIN_LENGTH,
        )

    def _locked(self, left: timedelta, *, profile: StaffProfile | None = None) -> PinCheck:
        return PinCheck(
            PinOutcome.LOCKED, profile=profile, lock_left=left, locked_until=self._clock() + left
        )

    def _lock_left(self, conn: sqlite3.Connection, key: str) -> timedelta | None:
        """What is left of the lock on ``key``, counted down to now (None: not locked)."""
        row = conn.execute(
            "SELECT lock_left, lock_run, lock_mono FROM pin_guard WHERE key = ?", (key,)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        left = float(row[0])
        now = self._monotonic()
        if row[1] == self._run and row[2] is not None:
            left -= max(0.0, now - float(row[2]))
        # Another run's reading means nothing here: the time in between, while the app was
        # closed, is not counted (the wall clock could have been moved meanwhile).
        if left <= 0:
            conn.execute(
                "UPDATE pin_guard SET lock_left = NULL, lock_run = NULL, lock_mono = NULL, "
                "locked_until = NULL WHERE key = ?",
                (key,),
            )
            return None
        self._store_lock(conn, key, left, now)
        return timedelta(seconds=left)

    def _store_lock(self, conn: sqlite3.Connection, key: str, left: float, now: float) -> None:
        conn.execute(
            "UPDATE pin_guard SET lock_left = ?, lock_run = ?, lock_mono = ?, locked_until = ? "
            "WHERE key = ?",
            (left, self._run, now, _timestamp(self._clock() + timedelta(seconds=left)), key),
        )

    def _serve_all(self, conn: sqlite3.Connection) -> None:
        keys = conn.execute("SELECT key FROM pin_guard WHERE lock_left IS NOT NULL").fetchall()
        for (key,) in keys:
            self._lock_left(conn, key)

    def _lock_duration(self, lock_number: int) -> timedelta:
        return lock_duration(lock_number, first=self._lockout, cap=self._lockout_cap)

    def _failed(
        self,
        conn: sqlite3.Connection,
        profile: StaffProfile,
        *,
        staff: StaffRef | None,
        at_approval: bool,
    ) -> PinCheck:
        key = profile.profile_id
        row = conn.execute("SELECT failures FROM pin_guard WHERE key = ?", (key,)).fetchone()
        failures = (row[0] if row else 0) + 1
        conn.execute(
            "INSERT INTO pin_guard (key, failures) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures",
            (key, failures),
        )
        lock_number, series = divmod(failures, self._max_wrong)
        if series:
            return PinCheck(
                PinOutcome.WRONG,
                profile=profile,
                attempts_left=self._max_wrong - series,
                next_lock=self._lock_duration(lock_number + 1),
            )
        duration = self._lock_duration(lock_number)
        self._store_lock(conn, key, duration.total_seconds(), self._monotonic())
        until = self._clock() + duration
        where = "the last at manager approval: " if at_approval else ""
        note = (
            f"{failures} wrong PINs for {profile.name} since their last right one, {where}"
            f"profile locked for {_minutes(duration)} of app running time (lock {lock_number})"
        )
        log.warning("PIN lockout %d of a profile", lock_number)
        return PinCheck(
            PinOutcome.LOCKED,
            profile=profile,
            attempts_left=0,
            lock_left=duration,
            locked_until=until,
            lockouts=(Lockout(staff=staff, key=key, duration=duration, until=until, note=note),),
        )

    def _upgrade_hash(
        self, conn: sqlite3.Connection, profile_id: str, pin: str, stored: str
    ) -> None:
        parsed = _parse_hash(stored)
        if parsed is None or parsed.params != self._scrypt or parsed.pin_key_id is None:
            conn.execute(
                "UPDATE staff SET pin_hash = ? WHERE id = ?",
                (hash_pin(pin, self._scrypt, pin_key=self._pin_key), profile_id),
            )


# -- the async service -------------------------------------------------------------------

#: Journals a lockout: ``(staff, note)``; see :func:`journal_lockouts`.
LockoutRecorder = Callable[[StaffRef | None, str], Awaitable[object]]

P = ParamSpec("P")
T = TypeVar("T")


def journal_lockouts(journal: AsyncJournal) -> LockoutRecorder:
    """A recorder that writes each lockout to the journal as a ``pin_lockout`` event."""

    async def record(staff: StaffRef | None, note: str) -> object:
        return await journal.call(Journal.record_event, PIN_LOCKOUT, staff=staff, note=note)

    return record


class StaffService:
    """Staff profiles and PIN checks for code on the GUI's event loop.

    A :class:`StaffDirectory` on its own worker thread (scrypt is slow on purpose), used
    through :meth:`call`. Open with :meth:`open`, finish with :meth:`aclose`. Lockouts are
    handed to ``on_lockout`` (normally :func:`journal_lockouts`) before the check returns.
    """

    def __init__(
        self,
        directory: StaffDirectory,
        executor: ThreadPoolExecutor,
        *,
        on_lockout: LockoutRecorder | None = None,
        clock: Clock = utc_now,
    ) -> None:
        """Use :meth:`open`."""
        self._directory = directory
        self._executor = executor
        self._on_lockout = on_lockout
        self._clock = clock
        self._closed = False

    @classmethod
    async def open(
        cls,
        path: Path | str,
        *,
        pin_key: bytes,
        on_lockout: LockoutRecorder | None = None,
        **options: Unpack[DirectoryOptions],
    ) -> StaffService:
        """Open the staff database at ``path`` (e.g. ``settings.staff_path``)."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="staff")
        opener = functools.partial(StaffDirectory.open, path, pin_key=pin_key, **options)
        try:
            directory = await asyncio.get_running_loop().run_in_executor(executor, opener)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(directory, executor, on_lockout=on_lockout, clock=options.get("clock", utc_now))

    def now(self) -> datetime:
        return self._clock()

    @property
    def path(self) -> Path:
        return self._directory.path

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            await asyncio.get_running_loop().run_in_executor(self._executor, self._directory.close)
        finally:
            self._executor.shutdown(wait=True)

    async def call(
        self,
        method: Callable[Concatenate[StaffDirectory, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run ``method(directory, *args, **kwargs)`` on the worker thread; returns its result.

        ``method`` is a :class:`StaffDirectory` method taken from the class, so mypy checks
        the arguments against it: ``await staff.call(StaffDirectory.add, name, role, pin)``.
        PIN checks go through :meth:`verify_pin` and :meth:`verify_manager_pin` instead,
        which also journal the lockouts they set.
        """
        if self._closed:
            raise StaffStorageError("The staff database is closed.")
        work = functools.partial(method, self._directory, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    async def has_any_staff(self) -> bool:
        """Kept only for the main window until it uses :meth:`call` like the rest."""
        return await self.call(StaffDirectory.has_any_staff)

    async def verify_pin(self, profile_id: str, pin: str) -> PinCheck:
        return await self._journaled(await self.call(StaffDirectory.verify_pin, profile_id, pin))

    async def verify_manager_pin(self, pin: str, *, asked_by: StaffRef | None = None) -> PinCheck:
        check = await self.call(StaffDirectory.verify_manager_pin, pin, asked_by=asked_by)
        return await self._journaled(check)

    async def _journaled(self, check: PinCheck) -> PinCheck:
        if self._on_lockout is None:
            return check
        for lockout in check.lockouts:
            try:
                await self._on_lockout(lockout.staff, lockout.note)
            except Exception:
                # The lock itself is stored; a journal that cannot be written must not turn
                # a lockout into an accepted PIN or an error screen.
                log.exception("The PIN lockout could not be journaled")
        return check


# -- sign-in -----------------------------------------------------------------------------


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
