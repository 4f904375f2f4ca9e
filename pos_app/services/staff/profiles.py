"""The staff list: profiles with roles, kept in a small SQLite file next to the journal.

A profile has a name, a role (cashier or manager) and a PIN (:mod:`.pins`). Names are
picked from a list at sign-in, so two active profiles never share one; a profile taken out
of use is kept, so journal rows still name a known person; the last active manager stays
one, or nobody could manage staff any more. A file whose PINs were hashed with another
PIN key is refused when opened (:class:`PinKeyMismatchError`) rather than turning every
right PIN into a wrong one.

A manager PIN typed without picking a name (the approval of a reversal, leaving kiosk
mode, opening the staff list) is a guess at every manager's PIN at once, so it counts
against every manager who is not locked; approval works while one of them is not locked.

:class:`StaffDirectory` is the synchronous store, owned by one thread; it is opened,
checked and upgraded like the journal (:mod:`pos_app.storage.sqlite`).
"""

from __future__ import annotations

import logging
import sqlite3
import time
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypedDict, Unpack

from pos_app.clock import utc_now
from pos_app.services.staff.model import (
    Clock,
    DuplicateNameError,
    InvalidNameError,
    LastManagerError,
    Monotonic,
    PinInUseError,
    PinKeyMismatchError,
    Role,
    StaffError,
    StaffProfile,
    StaffStorageError,
    UnknownProfileError,
    parse_timestamp,
    timestamp,
)
from pos_app.services.staff.pins import (
    LOCKOUT,
    LOCKOUT_CAP,
    MANAGER_PIN_MIN_LENGTH,
    MAX_WRONG_PINS,
    PIN_KEY_MIN_BYTES,
    PinCheck,
    PinGuard,
    PinOutcome,
    ScryptParams,
    check_pin_format,
    hash_pin,
    parse_hash,
    pin_key_id,
    pin_matches,
)
from pos_app.storage import StaffRef
from pos_app.storage.sqlite import DatabaseKind, Migration, connect

__all__ = [
    "DEMO_STAFF",
    "STAFF_SCHEMA_VERSION",
    "DemoStaff",
    "DirectoryOptions",
    "StaffDirectory",
]

log = logging.getLogger(__name__)

#: ``PRAGMA application_id`` of a staff database ("PUst").
_APPLICATION_ID = 0x50557374
_NAME_MAX = 40


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
#: The demo staff's PINs are printed in the README: hashed at a lighter cost (an eighth of
#: the default's work and memory), the demo's start does not wait a fifth of a second for
#: them. The first right PIN rewrites a hash at the full cost, as for any older hash.
DEMO_SCRYPT = ScryptParams(n=2**12)


def _clean_name(name: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", name).split())
    if not text or any(unicodedata.category(ch)[0] == "C" for ch in text):
        raise InvalidNameError("A name needs at least one visible character.")
    if len(text) > _NAME_MAX:
        raise InvalidNameError(f"A name is at most {_NAME_MAX} characters.")
    return text


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
            # lock_run at its monotonic reading lock_mono (see :mod:`.pins`).
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


#: How the staff file is opened, checked and upgraded: as the journal is.
_STAFF_FILE = DatabaseKind(
    name="staff database",
    application_id=_APPLICATION_ID,
    migrations=_MIGRATIONS,
    storage_error=StaffStorageError,
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
        locked_until=parse_timestamp(row[5]),
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
    """The staff database of one data folder, used by one thread (see
    :class:`~pos_app.services.staff.service.StaffService`).

    ``pin_key`` is the secret mixed into every PIN hash (see :mod:`.pins`);
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
        if len(pin_key) < PIN_KEY_MIN_BYTES:
            raise ValueError("the PIN key is too short")
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._pin_key = pin_key
        self._clock = clock
        self._scrypt = scrypt or ScryptParams()
        self._guard = PinGuard(
            clock=clock,
            monotonic=monotonic,
            max_wrong=max_wrong,
            lockout=lockout,
            lockout_cap=lockout_cap,
        )

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
            parsed = parse_hash(stored)
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
                    self._guard.serve_all(conn)
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
            self._guard.serve_all(conn)
            rows = conn.execute(
                f"SELECT {_PROFILE_COLUMNS} {_PROFILE_FROM} {where} "
                "ORDER BY s.active DESC, lower(s.name), s.created_at"
            ).fetchall()
        return [_profile(row) for row in rows]

    def profile(self, profile_id: str) -> StaffProfile:
        with self._writing() as conn:
            self._guard.lock_left(conn, profile_id)
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
        return self._add(name, role, pin, self._scrypt)

    def _add(self, name: str, role: Role | str, pin: str, scrypt: ScryptParams) -> StaffProfile:
        role = Role(role)
        name = _clean_name(name)
        check_pin_format(pin, role)
        pin_hash = hash_pin(pin, scrypt, pin_key=self._pin_key)
        now = timestamp(self._clock())
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
                (name, timestamp(self._clock()), profile_id),
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
                (role.value, timestamp(self._clock()), profile_id),
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
                (pin_hash, timestamp(self._clock()), profile_id),
            )
            self._guard.clear(conn, profile_id)
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
                (timestamp(self._clock()), profile_id),
            )
            self._guard.clear(conn, profile_id)
        log.info("Staff profile deactivated")
        return self.profile(profile_id)

    def add_demo_staff(self) -> list[StaffProfile]:
        """The demo profiles (:data:`DEMO_STAFF`), unless there is staff already."""
        if self.has_any_staff():
            return []
        return [self._add(demo.name, demo.role, demo.pin, DEMO_SCRYPT) for demo in DEMO_STAFF]

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
            left = self._guard.lock_left(conn, profile_id)
            if left is not None:
                return self._guard.locked(left, profile=self._profile_in(conn, profile_id))
            if pin_matches(pin, row[0], pin_key=self._pin_key):
                return self._accepted(conn, profile_id, pin, row[0], Role(row[2]))
            profile = self._profile_in(conn, profile_id)
            wrong = self._guard.wrong_pin(conn, profile, staff=profile.ref, at_approval=False)
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
            locks = {row[0]: self._guard.lock_left(conn, row[0]) for row in rows}
            usable = [row for row in rows if locks[row[0]] is None]
            if rows and not usable:
                soonest_end = min(left for left in locks.values() if left is not None)
                return self._guard.locked(soonest_end)
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
                self._guard.wrong_pin(
                    conn, self._profile_in(conn, row[0]), staff=asked_by, at_approval=True
                )
                for row in usable
            ]
            lockouts = tuple(lockout for check in charged for lockout in check.lockouts)
            still_open = [check for check in charged if not check.lockouts]
            if charged and not still_open:
                left = min(lockout.duration for lockout in lockouts)
                return replace(self._guard.locked(left), attempts_left=0, lockouts=lockouts)
            if not still_open:
                return PinCheck(PinOutcome.WRONG)
            # The approval is locked as soon as the manager with the fewest tries left is.
            soonest = min(still_open, key=lambda check: check.attempts_left or 0)
            return replace(soonest, profile=None, lockouts=lockouts)

    def lock_state(self, key: str) -> tuple[int, datetime | None]:
        """Wrong PINs since the last right one, and the lock's estimated end, for a profile."""
        with self._writing() as conn:
            return self._guard.state(conn, key)

    def _profile_in(self, conn: sqlite3.Connection, profile_id: str) -> StaffProfile:
        row = conn.execute(
            f"SELECT {_PROFILE_COLUMNS} {_PROFILE_FROM} WHERE s.id = ?", (profile_id,)
        ).fetchone()
        return _profile(row)

    def _accepted(
        self, conn: sqlite3.Connection, profile_id: str, pin: str, stored: str, role: Role
    ) -> PinCheck:
        self._guard.clear(conn, profile_id)
        self._upgrade_hash(conn, profile_id, pin, stored)
        return PinCheck(
            PinOutcome.ACCEPTED,
            profile=self._profile_in(conn, profile_id),
            pin_too_short=role is Role.MANAGER and len(pin) < MANAGER_PIN_MIN_LENGTH,
        )

    def _upgrade_hash(
        self, conn: sqlite3.Connection, profile_id: str, pin: str, stored: str
    ) -> None:
        parsed = parse_hash(stored)
        if parsed is None or parsed.params != self._scrypt or parsed.pin_key_id is None:
            conn.execute(
                "UPDATE staff SET pin_hash = ? WHERE id = ?",
                (hash_pin(pin, self._scrypt, pin_key=self._pin_key), profile_id),
            )
