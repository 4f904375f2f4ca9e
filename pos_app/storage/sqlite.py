"""Opening, checking and upgrading the app's SQLite files: the journal and the staff list.

Each kind of file is described once (:class:`DatabaseKind`: what it is called, its
``PRAGMA application_id``, its migration steps and the errors its code raises) and opened
by :func:`connect`, so both get the same care:

* a data folder this user account may not write is refused early, in plain words, instead
  of with an SQLite error that reads like a broken file;
* the file is identified before anything is written to it: another SQLite file, a file
  that is not SQLite at all, or one written by a *newer* app (a version beyond the last
  step known here) is refused and left untouched;
* every connection is crash-safe the same way: WAL mode, ``synchronous = FULL`` and, on
  macOS, ``F_FULLFSYNC`` for commits and checkpoints;
* the schema version is ``PRAGMA user_version``, the number of steps applied. The missing
  steps are applied in one write transaction together with the version bump, so a crash
  mid-upgrade leaves the previous version intact, and two windows opening a new file at
  once do not both create it.

Steps are only ever appended.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DatabaseKind",
    "Migration",
    "check_numbering",
    "connect",
    "migrate",
    "schema_version",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


def check_numbering(migrations: tuple[Migration, ...]) -> None:
    """Refuse steps that are not numbered 1, 2, 3 … in order (a programming error)."""
    for expected, step in enumerate(migrations, start=1):
        if step.version != expected:
            raise RuntimeError(f"migration {step.version} is listed as step {expected}")


@dataclass(frozen=True)
class DatabaseKind:
    """One kind of SQLite file the app keeps, and how its problems are reported.

    The errors are made from a message fit for a person (it never holds file contents);
    a kind that does not tell them apart gives only ``storage_error``.
    """

    #: What a person calls the file in a message: "journal", "staff database".
    name: str
    #: Set by the first migration step, so another SQLite file is not mistaken for one.
    application_id: int
    migrations: tuple[Migration, ...]
    #: SQLite could not open, read or write the file.
    storage_error: Callable[[str], Exception]
    #: The file is not one of these (another SQLite file, or not SQLite at all).
    format_error: Callable[[str], Exception] | None = None
    #: Written by a newer app: the message, the version found, the newest one known here.
    version_error: Callable[[str, int, int], Exception] | None = None
    #: This user account may not write the file or its folder.
    not_writable_error: Callable[[str], Exception] | None = None

    def __post_init__(self) -> None:
        check_numbering(self.migrations)

    @property
    def version(self) -> int:
        """The schema version this code writes."""
        return len(self.migrations)

    def _not_this_kind(self, message: str) -> Exception:
        return (self.format_error or self.storage_error)(message)

    def _too_new(self, message: str, found: int, supported: int) -> Exception:
        if self.version_error is None:
            return self.storage_error(message)
        return self.version_error(message, found, supported)

    def _may_not_write(self, message: str) -> Exception:
        return (self.not_writable_error or self.storage_error)(message)


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


#: Primary SQLite result codes that mean "this account may not", not "this is no such file".
_ACCESS_CODES = frozenset({sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM})


def _storage_error(
    exc: sqlite3.Error, path: Path, kind: DatabaseKind, *, writing: bool = True
) -> Exception:
    """The error to raise for an SQLite failure to open or read ``path``."""
    code = getattr(exc, "sqlite_errorcode", None)
    if writing and code is not None and code & 0xFF in _ACCESS_CODES:
        return _not_writable(path, kind, str(exc))
    return kind.storage_error(f"The {kind.name} {path} cannot be opened: {exc}")


def _not_writable(path: Path, kind: DatabaseKind, reason: str) -> Exception:
    folder = path.parent
    if path.exists() and os.access(folder, os.W_OK | os.X_OK):
        what = f"The {kind.name} {path} cannot be written"
    else:
        what = f"The data folder {folder} cannot be written"
    return kind._may_not_write(
        f"{what} by this user account ({reason}), so nothing could be recorded. Give the "
        "account permission to write there, or set another data folder."
    )


def _check_writable(path: Path, kind: DatabaseKind) -> None:
    """Create the data folder if need be; refuse early, in plain words, if it is not ours.

    SQLite itself would open a file it may not write read-only and fail later with an
    error that reads like a broken file. ``os.access`` asks for the real user, as the
    kernel will decide for every later write (root passes; a read-only mount then fails
    in SQLite, whose error is mapped the same way).
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise kind.storage_error(
            f"The data folder {folder} is not a folder: a file is in the way ({exc})."
        ) from exc
    except PermissionError as exc:
        raise _not_writable(path, kind, "permission denied") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _not_writable(path, kind, "permission denied")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise _not_writable(path, kind, "permission denied")


def _check_readable(conn: sqlite3.Connection, path: Path, kind: DatabaseKind) -> int:
    """The file's schema version, after making sure this code may touch it."""
    try:
        version = schema_version(conn)
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF not in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            raise _storage_error(exc, path, kind) from exc
        raise kind._not_this_kind(
            f"{path} is not a {kind.name} (not an SQLite database): {exc}"
        ) from exc
    supported = kind.version
    if version > supported:
        raise kind._too_new(
            f"The {kind.name} {path} was written by a newer version of the app ({kind.name} "
            f"format {version}; this version reads up to {supported}). Update the app on "
            f"this counter; the {kind.name} was left untouched.",
            version,
            supported,
        )
    # Only a new file (nothing in it yet) may lack the id: the first step sets it.
    new = version == 0 and not has_tables and application_id in (0, kind.application_id)
    if not new and (version == 0 or application_id != kind.application_id):
        raise kind._not_this_kind(
            f"{path} is an SQLite database but not a {kind.name} of this app."
        )
    return version


def migrate(
    conn: sqlite3.Connection, kind: DatabaseKind, *, path: Path, target: int | None = None
) -> int:
    """Apply the missing steps up to ``target`` (default: all); returns the new version.

    The version is read inside the write transaction, so two windows opening a new file
    at once do not both create it.
    """
    target = kind.version if target is None else target
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _check_readable(conn, path, kind)
        for step in kind.migrations[version:target]:
            log.info(
                "The %s %s: migrating to format %d (%s)",
                kind.name,
                path,
                step.version,
                step.description,
            )
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version:d}")
            version = step.version
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return version


def _enable_wal(conn: sqlite3.Connection, busy_timeout: float) -> str:
    """Switch to WAL mode (a no-op once the file is in WAL); returns the resulting mode."""
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            # WORKAROUND: while another window is creating the file, the mode change can
            # fail with "database is locked" at once, without waiting for the busy timeout.
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def connect(
    path: Path | str,
    kind: DatabaseKind,
    *,
    read_only: bool = False,
    busy_timeout: float = 10.0,
) -> sqlite3.Connection:
    """Open (creating and migrating unless ``read_only``) the ``kind`` file at ``path``.

    The connection is in autocommit mode: its user issues its own ``BEGIN IMMEDIATE``.
    ``busy_timeout`` is how many seconds a write waits for another connection's write.
    """
    path = Path(path)
    try:
        if read_only:
            if not path.is_file():
                raise kind._not_this_kind(f"There is no {kind.name} at {path}.")
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro",
                uri=True,
                isolation_level=None,
                timeout=busy_timeout,
            )
        else:
            _check_writable(path, kind)
            conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout)
    except sqlite3.Error as exc:
        raise _storage_error(exc, path, kind, writing=not read_only) from exc
    except OSError as exc:
        raise kind.storage_error(f"The {kind.name} {path} cannot be opened: {exc}") from exc
    try:
        # Checked before any pragma that writes, so a newer file stays untouched; in one
        # read transaction, so that a file another window is creating right now is seen
        # either not at all or complete.
        conn.execute("BEGIN")
        try:
            version = _check_readable(conn, path, kind)
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        if read_only:
            if version == 0:
                raise kind._not_this_kind(f"{path} is empty: not a {kind.name} yet.")
            return conn
        mode = _enable_wal(conn, busy_timeout)
        if mode.lower() != "wal":
            # Network drives cannot do WAL; FULL sync below still makes each commit durable.
            log.warning("The %s %s: WAL mode unavailable, using %s", kind.name, path, mode)
        conn.execute("PRAGMA synchronous = FULL")
        # macOS: a plain fsync leaves the data in the drive's cache; F_FULLFSYNC does not.
        # Both are no-ops elsewhere.
        conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA checkpoint_fullfsync = ON")
        migrate(conn, kind, path=path)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error):
            raise _storage_error(exc, path, kind, writing=not read_only) from exc
        raise
    return conn
