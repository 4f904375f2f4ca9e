"""PINs: their format, their salted and keyed hashes, and the locks that wrong ones set.

A profile's PIN is 4 to 8 digits; a manager's PIN has at least
:data:`MANAGER_PIN_MIN_LENGTH` (a shorter one from before still works, and the check says
so, so that the app can ask for a new one). The PIN is never stored, logged or put in an
exception: only a salted ``hashlib.scrypt`` hash of the PIN mixed with a key kept outside
the staff file (HMAC-SHA256 with the *PIN key* from the OS keyring, see
:meth:`~pos_app.services.secrets.SecretStore.staff_pin_key`), in a self-describing form
(``scrypt$n$r$p$salt$hash$key-id``). A copied staff file without the key gives up no PIN,
however short: every guess needs the key. Hashes written before the key existed
(``scrypt$n$r$p$salt$hash``) still verify and are rewritten with the key, and with the
current scrypt parameters, on the next right PIN.

Wrong PINs (:class:`PinGuard`): one count per profile, whichever dialog the PIN was typed
in, reset only by the profile's right PIN (or a manager giving it a new one). Every
:data:`MAX_WRONG_PINS` wrong PINs lock the profile, the first time for :data:`LOCKOUT`,
each further time twice as long, up to :data:`LOCKOUT_CAP`.

A lock is served in time the app was running, measured with a monotonic clock: the time
left is stored, with the app run and the monotonic reading it was last counted at, and only
the same run may count it down further. So moving the PC's clock (forward or back) neither
ends nor lengthens a lock, and closing the app, moving the clock and starting it again does
not either: the hours the app was not running are not counted. The price is that a lock
does not run out while the app is closed; a manager can lift it by giving a new PIN.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from pos_app.services.staff.model import (
    Clock,
    InvalidPinError,
    ManagerPinTooShortError,
    Monotonic,
    Role,
    StaffProfile,
    parse_timestamp,
    timestamp,
)
from pos_app.storage import StaffRef

__all__ = [
    "LOCKOUT",
    "LOCKOUT_CAP",
    "MANAGER_PIN_MIN_LENGTH",
    "MAX_WRONG_PINS",
    "PIN_KEY_MIN_BYTES",
    "PIN_MAX_LENGTH",
    "PIN_MIN_LENGTH",
    "Lockout",
    "PinCheck",
    "PinGuard",
    "PinOutcome",
    "ScryptParams",
    "StoredHash",
    "check_pin_format",
    "hash_pin",
    "lock_duration",
    "parse_hash",
    "pin_key_id",
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
#: The shortest PIN key taken (the app makes 32 random bytes).
PIN_KEY_MIN_BYTES = 16
_PIN = re.compile(rf"[0-9]{{{PIN_MIN_LENGTH},{PIN_MAX_LENGTH}}}", re.ASCII)


def lock_duration(
    lock_number: int, *, first: timedelta = LOCKOUT, cap: timedelta = LOCKOUT_CAP
) -> timedelta:
    """How long lock number ``lock_number`` (from 1) since the last right PIN lasts."""
    # The exponent is bounded: past the cap the number only grows, the lock does not.
    doubled: timedelta = first * 2 ** min(max(lock_number, 1) - 1, 32)
    return min(doubled, cap)


def _minutes(duration: timedelta) -> str:
    return f"{round(duration.total_seconds() / 60)} minutes"


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


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class StoredHash:
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


def parse_hash(stored: str) -> StoredHash | None:
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
    return StoredHash(params, salt_bytes, key_bytes, rest[0] if rest else None)


def pin_matches(pin: str, stored: str, *, pin_key: bytes | None) -> bool:
    """Whether ``pin`` hashes to ``stored``; compared in constant time.

    A hash made with a PIN key matches only with that key; one from before the PIN key
    (no key id) is checked without it.
    """
    parsed = parse_hash(stored)
    if parsed is None:
        return False
    if parsed.pin_key_id is not None:
        if pin_key is None or parsed.pin_key_id != pin_key_id(pin_key):
            return False
        candidate = _scrypt(pin, pin_key, parsed.salt, parsed.params)
    else:
        candidate = _scrypt(pin, None, parsed.salt, parsed.params)
    return hmac.compare_digest(candidate, parsed.key)


class PinGuard:
    """The wrong-PIN counts and locks of one staff database (its ``pin_guard`` table).

    Used inside the staff database's write transactions: every method takes the
    connection the caller's transaction is open on. ``monotonic`` is the clock locks are
    served by, ``clock`` the wall clock for the estimated end shown to people.
    """

    def __init__(
        self,
        *,
        clock: Clock,
        monotonic: Monotonic,
        max_wrong: int = MAX_WRONG_PINS,
        lockout: timedelta = LOCKOUT,
        lockout_cap: timedelta = LOCKOUT_CAP,
    ) -> None:
        self._clock = clock
        self._monotonic = monotonic
        self._max_wrong = max_wrong
        self._lockout = lockout
        self._lockout_cap = lockout_cap
        #: This app run: only the run that counted a lock last may count it down further.
        self._run = uuid.uuid4().hex

    def state(self, conn: sqlite3.Connection, key: str) -> tuple[int, datetime | None]:
        """Wrong PINs since the last right one, and the lock's estimated end, for a profile."""
        self.lock_left(conn, key)
        row = conn.execute(
            "SELECT failures, locked_until FROM pin_guard WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return 0, None
        return int(row[0]), parse_timestamp(row[1])

    def clear(self, conn: sqlite3.Connection, key: str) -> None:
        """Forget the wrong PINs and any lock of ``key`` (a right PIN, a new PIN)."""
        conn.execute("DELETE FROM pin_guard WHERE key = ?", (key,))

    def locked(self, left: timedelta, *, profile: StaffProfile | None = None) -> PinCheck:
        """The answer to a PIN typed while a lock has ``left`` to serve."""
        return PinCheck(
            PinOutcome.LOCKED, profile=profile, lock_left=left, locked_until=self._clock() + left
        )

    def lock_left(self, conn: sqlite3.Connection, key: str) -> timedelta | None:
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

    def serve_all(self, conn: sqlite3.Connection) -> None:
        """Count every running lock down to now."""
        keys = conn.execute("SELECT key FROM pin_guard WHERE lock_left IS NOT NULL").fetchall()
        for (key,) in keys:
            self.lock_left(conn, key)

    def wrong_pin(
        self,
        conn: sqlite3.Connection,
        profile: StaffProfile,
        *,
        staff: StaffRef | None,
        at_approval: bool,
    ) -> PinCheck:
        """Count a wrong PIN against ``profile``; locks it after every ``max_wrong``."""
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

    def _store_lock(self, conn: sqlite3.Connection, key: str, left: float, now: float) -> None:
        conn.execute(
            "UPDATE pin_guard SET lock_left = ?, lock_run = ?, lock_mono = ?, locked_until = ? "
            "WHERE key = ?",
            (left, self._run, now, timestamp(self._clock() + timedelta(seconds=left)), key),
        )

    def _lock_duration(self, lock_number: int) -> timedelta:
        return lock_duration(lock_number, first=self._lockout, cap=self._lockout_cap)
