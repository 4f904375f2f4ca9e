"""Staff profiles, roles and PINs, kept in a small SQLite file next to the journal.

A profile has a name, a role (cashier or manager) and a PIN of 4 to 8 digits. The PIN is
never stored, logged or put in an exception: only a salted ``hashlib.scrypt`` hash, in a
self-describing form (``scrypt$n$r$p$salt$hash``) so that stronger parameters can come later
and older hashes are upgraded on the next correct PIN.

Wrong PINs: after :data:`MAX_WRONG_PINS` wrong tries in a row a profile is locked for
:data:`LOCKOUT`. A manager PIN typed without picking a name (the approval of a reversal)
cannot be charged to one profile, so those tries count against the counter's manager
approval as a whole, with the same limits. Every lockout is journaled (``pin_lockout``) by
:class:`StaffService` through the recorder it is given. The lock state lives in the database,
so restarting the app does not lift it.

Two layers, like the journal: :class:`StaffDirectory` is the synchronous store, owned by
one thread; :class:`StaffService` keeps it on a worker thread with coroutine methods, so a
PIN check (tens of milliseconds of scrypt per profile) never blocks the GUI.
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
import unicodedata
import uuid
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import ParamSpec, TypeVar

from pos_app.storage import PIN_LOCKOUT, AsyncJournal, StaffRef

__all__ = [
    "DEMO_STAFF",
    "LOCKOUT",
    "MANAGER_APPROVAL",
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
    "journal_lockouts",
]

log = logging.getLogger(__name__)

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 8
#: Wrong PINs in a row that lock a profile (or the counter's manager approval).
MAX_WRONG_PINS = 5
#: How long a lock lasts.
LOCKOUT = timedelta(minutes=5)
#: The lock key of manager PINs typed without a name (see the module docstring).
MANAGER_APPROVAL = "manager-approval"
#: ``PRAGMA user_version`` of the staff database this code writes.
STAFF_SCHEMA_VERSION = 1
#: ``PRAGMA application_id`` of a staff database ("PUst").
_APPLICATION_ID = 0x50557374
_NAME_MAX = 40
_PIN = re.compile(rf"[0-9]{{{PIN_MIN_LENGTH},{PIN_MAX_LENGTH}}}", re.ASCII)

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


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
    #: Wrong PIN; ``attempts_left`` tries before the lock.
    WRONG = "wrong"
    #: Locked after wrong PINs until ``locked_until``; the PIN was not even checked.
    LOCKED = "locked"
    #: The profile is deactivated (or unknown).
    INACTIVE = "inactive"
    #: The PIN belongs to more than one manager: one of them needs a new PIN.
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Lockout:
    """A lock that a wrong PIN has just set: what the journal records."""

    #: The locked profile, or for manager approval the person who typed (if known).
    staff: StaffRef | None
    key: str
    until: datetime
    note: str


@dataclass(frozen=True)
class PinCheck:
    outcome: PinOutcome
    profile: StaffProfile | None = None
    attempts_left: int | None = None
    locked_until: datetime | None = None
    #: Set when this very check locked the profile / the approval (journal it).
    lockout: Lockout | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome is PinOutcome.ACCEPTED


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
    DemoStaff("Morgan Visser", Role.MANAGER, "2468"),
)


def check_pin_format(pin: str) -> str:
    """The PIN if it is 4–8 ASCII digits, else :class:`InvalidPinError` (PIN not echoed)."""
    if not isinstance(pin, str) or not _PIN.fullmatch(pin):
        raise InvalidPinError(
            f"A PIN is {PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} digits (0–9), nothing else."
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


def hash_pin(pin: str, params: ScryptParams) -> str:
    salt = secrets.token_bytes(params.salt_bytes)
    key = hashlib.scrypt(
        pin.encode("ascii"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=params.maxmem,
        dklen=params.key_bytes,
    )
    return f"scrypt${params.n}${params.r}${params.p}${_b64(salt)}${_b64(key)}"


def _hash_params(stored: str) -> ScryptParams | None:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return None
        return ScryptParams(
            n=int(n),
            r=int(r),
            p=int(p),
            salt_bytes=len(base64.b64decode(salt)),
            key_bytes=len(base64.b64decode(key)),
        )
    except ValueError:
        return None


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` hashes to ``stored``; compared in constant time."""
    params = _hash_params(stored)
    if params is None:
        return False
    _scheme, _n, _r, _p, salt, key = stored.split("$")
    candidate = hashlib.scrypt(
        pin.encode("ascii", "replace"),
        salt=base64.b64decode(salt),
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=params.maxmem,
        dklen=params.key_bytes,
    )
    return hmac.compare_digest(candidate, base64.b64decode(key))


# -- schema ------------------------------------------------------------------------------

_MIGRATIONS: tuple[tuple[str, ...], ...] = (
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
        # Wrong PINs in a row and the lock they set, per profile id or MANAGER_APPROVAL.
        """
        CREATE TABLE pin_guard (
            key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        )
        """,
    ),
)


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0 and app_id == 0:
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise StaffStorageError(f"{path} is not a staff database.")
            elif app_id != _APPLICATION_ID:
                raise StaffStorageError(f"{path} is not a staff database.")
            if version > len(_MIGRATIONS):
                raise StaffStorageError(
                    f"The staff database {path} was written by a newer version of the app "
                    f"(version {version}); this one knows up to {len(_MIGRATIONS)}."
                )
            for step in range(version, len(_MIGRATIONS)):
                for statement in _MIGRATIONS[step]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {step + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise StaffStorageError(f"The staff database {path} cannot be opened: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return conn


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


class StaffDirectory:
    """The staff database of one data folder, used by one thread (see :class:`StaffService`)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path,
        clock: Clock = _utc_now,
        scrypt: ScryptParams | None = None,
        max_wrong: int = MAX_WRONG_PINS,
        lockout: timedelta = LOCKOUT,
    ) -> None:
        """Use :meth:`open`."""
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._clock = clock
        self._scrypt = scrypt or ScryptParams()
        self._max_wrong = max_wrong
        self._lockout = lockout

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Clock = _utc_now,
        scrypt: ScryptParams | None = None,
        max_wrong: int = MAX_WRONG_PINS,
        lockout: timedelta = LOCKOUT,
    ) -> StaffDirectory:
        """Open (create, upgrade) the staff database at ``path``."""
        path = Path(path)
        return cls(
            _connect(path),
            path=path,
            clock=clock,
            scrypt=scrypt,
            max_wrong=max_wrong,
            lockout=lockout,
        )

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        if self._conn is not None:
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
        rows = self._connection().execute(
            f"SELECT {_PROFILE_COLUMNS} {_PROFILE_FROM} {where} "
            "ORDER BY s.active DESC, lower(s.name), s.created_at"
        )
        return [_profile(row) for row in rows]

    def profile(self, profile_id: str) -> StaffProfile:
        row = (
            self._connection()
            .execute(f"SELECT {_PROFILE_COLUMNS} {_PROFILE_FROM} WHERE s.id = ?", (profile_id,))
            .fetchone()
        )
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
        check_pin_format(pin)
        pin_hash = hash_pin(pin, self._scrypt)
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
        """Give a new PIN; also lifts a lock on the profile."""
        check_pin_format(pin)
        pin_hash = hash_pin(pin, self._scrypt)
        with self._writing() as conn:
            role = self._require_active(conn, profile_id)
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
            if row[0] != exclude and pin_matches(pin, row[1]):
                raise PinInUseError("Choose another PIN.")

    # -- PINs -----------------------------------------------------------------------------

    def verify_pin(self, profile_id: str, pin: str) -> PinCheck:
        """Check the PIN of one profile (sign-in), counting wrong tries towards its lock."""
        now = self._clock()
        with self._writing() as conn:
            row = conn.execute(
                "SELECT pin_hash, active FROM staff WHERE id = ?", (profile_id,)
            ).fetchone()
            if row is None or not row[1]:
                return PinCheck(PinOutcome.INACTIVE)
            locked = self._lock_of(conn, profile_id, now)
            if locked is not None:
                profile = self._profile_in(conn, profile_id)
                return PinCheck(PinOutcome.LOCKED, profile=profile, locked_until=locked)
            if pin_matches(pin, row[0]):
                self._succeeded(conn, profile_id)
                self._upgrade_hash(conn, profile_id, pin, row[0])
                return PinCheck(PinOutcome.ACCEPTED, profile=self._profile_in(conn, profile_id))
            profile = self._profile_in(conn, profile_id)
            return self._failed(conn, profile_id, now, profile=profile, staff=profile.ref)

    def verify_manager_pin(self, pin: str, *, asked_by: StaffRef | None = None) -> PinCheck:
        """Which active manager's PIN this is; wrong tries count against manager approval.

        Every manager's hash is computed whatever the outcome, so the time taken does not
        tell whose PIN came close. A manager whose own profile is locked is not accepted,
        and the answer then is "wrong", not "locked": a locked profile must not confirm
        that a guess was right.
        """
        now = self._clock()
        with self._writing() as conn:
            locked = self._lock_of(conn, MANAGER_APPROVAL, now)
            if locked is not None:
                return PinCheck(PinOutcome.LOCKED, locked_until=locked)
            rows = conn.execute(
                "SELECT id, pin_hash FROM staff WHERE active = 1 AND role = 'manager' "
                "ORDER BY created_at"
            ).fetchall()
            matches = [row for row in rows if pin_matches(pin, row[1])]
            usable = [row for row in matches if self._lock_of(conn, row[0], now) is None]
            if len(usable) > 1:
                # Possible only after a cashier sharing a manager's PIN was made a manager
                # (the PIN is not known then, so it could not be checked). Approving would
                # not say which manager approved.
                return PinCheck(PinOutcome.AMBIGUOUS)
            if usable:
                profile_id, stored = usable[0]
                self._succeeded(conn, MANAGER_APPROVAL)
                self._upgrade_hash(conn, profile_id, pin, stored)
                return PinCheck(PinOutcome.ACCEPTED, profile=self._profile_in(conn, profile_id))
            return self._failed(conn, MANAGER_APPROVAL, now, profile=None, staff=asked_by)

    def lock_state(self, key: str) -> tuple[int, datetime | None]:
        """Wrong tries in a row and the lock's end, for a profile id or MANAGER_APPROVAL."""
        row = (
            self._connection()
            .execute("SELECT failures, locked_until FROM pin_guard WHERE key = ?", (key,))
            .fetchone()
        )
        if row is None:
            return 0, None
        return int(row[0]), _parse(row[1])

    def _profile_in(self, conn: sqlite3.Connection, profile_id: str) -> StaffProfile:
        row = conn.execute(
            f"SELECT {_PROFILE_COLUMNS} {_PROFILE_FROM} WHERE s.id = ?", (profile_id,)
        ).fetchone()
        return _profile(row)

    def _lock_of(self, conn: sqlite3.Connection, key: str, now: datetime) -> datetime | None:
        row = conn.execute("SELECT locked_until FROM pin_guard WHERE key = ?", (key,)).fetchone()
        until = _parse(row[0]) if row else None
        if until is None:
            return None
        if now < until:
            return until
        # The lock is over: a fresh series of tries.
        conn.execute("DELETE FROM pin_guard WHERE key = ?", (key,))
        return None

    def _succeeded(self, conn: sqlite3.Connection, key: str) -> None:
        conn.execute("DELETE FROM pin_guard WHERE key = ?", (key,))

    def _failed(
        self,
        conn: sqlite3.Connection,
        key: str,
        now: datetime,
        *,
        profile: StaffProfile | None,
        staff: StaffRef | None,
    ) -> PinCheck:
        row = conn.execute("SELECT failures FROM pin_guard WHERE key = ?", (key,)).fetchone()
        failures = (row[0] if row else 0) + 1
        if failures < self._max_wrong:
            conn.execute(
                "INSERT INTO pin_guard (key, failures) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures",
                (key, failures),
            )
            return PinCheck(
                PinOutcome.WRONG, profile=profile, attempts_left=self._max_wrong - failures
            )
        until = now + self._lockout
        conn.execute(
            "INSERT INTO pin_guard (key, failures, locked_until) VALUES (?, 0, ?) "
            "ON CONFLICT (key) DO UPDATE SET failures = 0, locked_until = excluded.locked_until",
            (key, _timestamp(until)),
        )
        minutes = round(self._lockout.total_seconds() / 60)
        if key == MANAGER_APPROVAL:
            note = (
                f"{failures} wrong manager PINs in a row: manager approval at this counter "
                f"locked for {minutes} minutes, until {_timestamp(until)}"
            )
        else:
            note = (
                f"{failures} wrong PINs in a row: profile locked for {minutes} minutes, "
                f"until {_timestamp(until)}"
            )
        log.warning(
            "PIN lockout (%s)", "manager approval" if key == MANAGER_APPROVAL else "profile"
        )
        if profile is not None:
            profile = replace(profile, locked_until=until)
        return PinCheck(
            PinOutcome.LOCKED,
            profile=profile,
            attempts_left=0,
            locked_until=until,
            lockout=Lockout(staff=staff, key=key, until=until, note=note),
        )

    def _upgrade_hash(
        self, conn: sqlite3.Connection, profile_id: str, pin: str, stored: str
    ) -> None:
        if _hash_params(stored) != self._scrypt:
            conn.execute(
                "UPDATE staff SET pin_hash = ? WHERE id = ?",
                (hash_pin(pin, self._scrypt), profile_id),
            )


# -- the async service -------------------------------------------------------------------

#: Journals a lockout: ``(staff, note)``; see :func:`journal_lockouts`.
LockoutRecorder = Callable[[StaffRef | None, str], Awaitable[object]]

P = ParamSpec("P")
T = TypeVar("T")


def journal_lockouts(journal: AsyncJournal) -> LockoutRecorder:
    """A recorder that writes each lockout to the journal as a ``pin_lockout`` event."""

    async def record(staff: StaffRef | None, note: str) -> object:
        return await journal.record_event(PIN_LOCKOUT, staff=staff, note=note)

    return record


class StaffService:
    """Staff profiles and PIN checks for code on the GUI's event loop.

    A :class:`StaffDirectory` on its own worker thread (scrypt is slow on purpose), with
    coroutine methods. Open with :meth:`open`, finish with :meth:`aclose`. Lockouts are
    handed to ``on_lockout`` (normally :func:`journal_lockouts`) before the check returns.
    """

    def __init__(
        self,
        directory: StaffDirectory,
        executor: ThreadPoolExecutor,
        *,
        on_lockout: LockoutRecorder | None = None,
        clock: Clock = _utc_now,
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
        on_lockout: LockoutRecorder | None = None,
        clock: Clock = _utc_now,
        scrypt: ScryptParams | None = None,
        max_wrong: int = MAX_WRONG_PINS,
        lockout: timedelta = LOCKOUT,
    ) -> StaffService:
        """Open the staff database at ``path`` (e.g. ``settings.staff_path``)."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="staff")
        opener = functools.partial(
            StaffDirectory.open,
            path,
            clock=clock,
            scrypt=scrypt,
            max_wrong=max_wrong,
            lockout=lockout,
        )
        try:
            directory = await asyncio.get_running_loop().run_in_executor(executor, opener)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(directory, executor, on_lockout=on_lockout, clock=clock)

    def set_lockout_recorder(self, recorder: LockoutRecorder | None) -> None:
        self._on_lockout = recorder

    def now(self) -> datetime:
        return self._clock()

    @property
    def path(self) -> Path:
        return self._directory.path

    async def _call(self, method: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        if self._closed:
            raise StaffStorageError("The staff database is closed.")
        call = functools.partial(method, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            await asyncio.get_running_loop().run_in_executor(self._executor, self._directory.close)
        finally:
            self._executor.shutdown(wait=True)

    async def profiles(self, *, include_inactive: bool = False) -> list[StaffProfile]:
        return await self._call(self._directory.profiles, include_inactive=include_inactive)

    async def profile(self, profile_id: str) -> StaffProfile:
        return await self._call(self._directory.profile, profile_id)

    async def has_any_staff(self) -> bool:
        return await self._call(self._directory.has_any_staff)

    async def has_any_manager(self) -> bool:
        return await self._call(self._directory.has_any_manager)

    async def add(self, name: str, role: Role | str, pin: str) -> StaffProfile:
        return await self._call(self._directory.add, name, role, pin)

    async def rename(self, profile_id: str, name: str) -> StaffProfile:
        return await self._call(self._directory.rename, profile_id, name)

    async def change_role(self, profile_id: str, role: Role | str) -> StaffProfile:
        return await self._call(self._directory.change_role, profile_id, role)

    async def reset_pin(self, profile_id: str, pin: str) -> StaffProfile:
        return await self._call(self._directory.reset_pin, profile_id, pin)

    async def deactivate(self, profile_id: str) -> StaffProfile:
        return await self._call(self._directory.deactivate, profile_id)

    async def add_demo_staff(self) -> list[StaffProfile]:
        return await self._call(self._directory.add_demo_staff)

    async def lock_state(self, key: str) -> tuple[int, datetime | None]:
        return await self._call(self._directory.lock_state, key)

    async def verify_pin(self, profile_id: str, pin: str) -> PinCheck:
        return await self._journaled(await self._call(self._directory.verify_pin, profile_id, pin))

    async def verify_manager_pin(self, pin: str, *, asked_by: StaffRef | None = None) -> PinCheck:
        check = await self._call(self._directory.verify_manager_pin, pin, asked_by=asked_by)
        return await self._journaled(check)

    async def _journaled(self, check: PinCheck) -> PinCheck:
        if check.lockout is not None and self._on_lockout is not None:
            try:
                await self._on_lockout(check.lockout.staff, check.lockout.note)
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

    def __init__(self, *, idle_after: timedelta, clock: Clock = _utc_now) -> None:
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
