"""The journal's SQLite schema, its migrations, and how a connection is opened.

The schema version is ``PRAGMA user_version``: the number of steps of :data:`MIGRATIONS`
applied. Opening a journal applies the missing steps, each in the same transaction as the
version bump, so a crash mid-upgrade leaves the previous version intact. A journal written
by a *newer* app (a version beyond the last step known here) is refused before anything is
written to it: an older app must not guess at a format it does not know.

Steps are only ever appended. A step that adds a column must not add it to the hashed
fields (:mod:`pos_app.storage.chain`), or the existing rows would stop verifying.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from pos_app.storage.chain import GENESIS_HASH
from pos_app.storage.errors import (
    DataFolderNotWritableError,
    JournalFormatError,
    JournalStorageError,
    JournalVersionError,
)

__all__ = [
    "APPLICATION_ID",
    "LEASES_SINCE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Migration",
    "connect",
    "migrate",
    "schema_version",
]

log = logging.getLogger(__name__)

#: ``PRAGMA application_id`` of a journal ("PUjr"), so another SQLite file is not mistaken
#: for one.
APPLICATION_ID = 0x50556A72


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "journal table, append-only and chain-link triggers",
        (
            f"PRAGMA application_id = {APPLICATION_ID}",
            # No column may ever hold an email address, a login link or code, a
            # verification code or a PIN: the file is append-only and cannot be cleaned.
            """
            CREATE TABLE journal (
                id INTEGER PRIMARY KEY,
                recorded_at TEXT NOT NULL,
                operation_id TEXT,
                kind TEXT NOT NULL CHECK (kind <> ''),
                state TEXT CHECK (state IN ('pending', 'confirmed', 'failed', 'unknown')),
                shop_uuid TEXT,
                counter TEXT NOT NULL,
                staff_id TEXT,
                staff_name TEXT,
                customer_uuid TEXT,
                loyalty_transaction_uuid TEXT,
                redemption_uuid TEXT,
                reward_title TEXT,
                reverses_operation_id TEXT,
                reason TEXT,
                note TEXT,
                error_code TEXT,
                error_message TEXT,
                resolved_by TEXT,
                prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
                hash TEXT NOT NULL CHECK (length(hash) = 64),
                CHECK ((operation_id IS NULL) = (state IS NULL))
            )
            """,
            """
            CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
            BEGIN
                SELECT RAISE(ABORT, 'journal rows are append-only: UPDATE refused');
            END
            """,
            """
            CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
            BEGIN
                SELECT RAISE(ABORT, 'journal rows are append-only: DELETE refused');
            END
            """,
            # Even a writer that bypasses this module cannot fork the chain or leave a gap.
            f"""
            CREATE TRIGGER journal_chain_link BEFORE INSERT ON journal
            WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM journal)
              OR NEW.prev_hash IS NOT coalesce(
                    (SELECT hash FROM journal ORDER BY id DESC LIMIT 1), '{GENESIS_HASH}')
            BEGIN
                SELECT RAISE(ABORT, 'a journal row must extend the hash chain');
            END
            """,
            "CREATE INDEX journal_operation ON journal (operation_id, id)",
            # Every operation starts with exactly one pending row and never returns to it;
            # the index also finds operations by their first row.
            """
            CREATE UNIQUE INDEX journal_operation_start ON journal (operation_id)
            WHERE state = 'pending'
            """,
        ),
    ),
    Migration(
        2,
        "lookup indexes for recent pickups, redemption and reversal searches",
        (
            """
            CREATE INDEX journal_redemption ON journal (redemption_uuid)
            WHERE redemption_uuid IS NOT NULL
            """,
            """
            CREATE INDEX journal_loyalty_transaction ON journal (loyalty_transaction_uuid)
            WHERE loyalty_transaction_uuid IS NOT NULL
            """,
            """
            CREATE INDEX journal_reverses ON journal (reverses_operation_id)
            WHERE reverses_operation_id IS NOT NULL
            """,
            "CREATE INDEX journal_kind ON journal (kind, id)",
        ),
    ),
    Migration(
        3,
        "leases: which window is sending an operation right now, until when",
        (
            # The one table that is not append-only: a lease says "being sent by OWNER, leave
            # it alone until EXPIRES_AT" and goes away when its sender writes the outcome.
            # It is working state, not history, and not part of the hash chain.
            """
            CREATE TABLE lease (
                operation_id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
        ),
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
#: The format from which a journal has the lease table.
LEASES_SINCE = 3


def _check_numbering(migrations: tuple[Migration, ...]) -> None:
    for expected, step in enumerate(migrations, start=1):
        if step.version != expected:
            raise RuntimeError(f"migration {step.version} is listed as step {expected}")


_check_numbering(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


#: Primary SQLite result codes that mean "this account may not", not "this is no journal".
_ACCESS_CODES = frozenset({sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM})


def _storage_error(exc: sqlite3.Error, path: Path, *, writing: bool = True) -> JournalStorageError:
    """The error to raise for an SQLite failure to open or read ``path``."""
    code = getattr(exc, "sqlite_errorcode", None)
    if writing and code is not None and code & 0xFF in _ACCESS_CODES:
        return _not_writable(path, str(exc))
    return JournalStorageError(f"The journal {path} cannot be opened: {exc}")


def _not_writable(path: Path, reason: str) -> DataFolderNotWritableError:
    folder = path.parent
    if path.exists() and os.access(folder, os.W_OK | os.X_OK):
        what = f"The journal {path} cannot be written"
    else:
        what = f"The data folder {folder} cannot be written"
    return DataFolderNotWritableError(
        f"{what} by this user account ({reason}), so nothing could be recorded. Give the "
        "account permission to write there, or set another data folder."
    )


def _check_writable(path: Path) -> None:
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
        raise JournalStorageError(
            f"The data folder {folder} is not a folder: a file is in the way ({exc})."
        ) from exc
    except PermissionError as exc:
        raise _not_writable(path, "permission denied") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _not_writable(path, "permission denied")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise _not_writable(path, "permission denied")


def _check_readable(conn: sqlite3.Connection, path: Path, supported: int) -> int:
    """The file's schema version, after making sure this code may touch it."""
    try:
        version = schema_version(conn)
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF not in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            raise _storage_error(exc, path) from exc
        raise JournalFormatError(
            f"{path} is not a journal (not an SQLite database): {exc}"
        ) from exc
    if version > supported:
        raise JournalVersionError(
            f"The journal {path} was written by a newer version of the app (journal format "
            f"{version}; this version reads up to {supported}). Update the app on this "
            "counter; the journal was left untouched.",
            found=version,
            supported=supported,
        )
    if application_id not in (0, APPLICATION_ID) or (version == 0 and has_tables):
        raise JournalFormatError(f"{path} is an SQLite database but not a journal of this app.")
    return version


def migrate(
    conn: sqlite3.Connection,
    *,
    path: Path,
    migrations: tuple[Migration, ...] = MIGRATIONS,
    target: int | None = None,
) -> int:
    """Apply the missing steps up to ``target`` (default: all); returns the new version.

    The version is read inside the write transaction, so two windows opening a new journal
    at once do not both create it.
    """
    target = len(migrations) if target is None else target
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _check_readable(conn, path, len(migrations))
        for step in migrations[version:target]:
            log.info(
                "Journal %s: migrating to format %d (%s)", path, step.version, step.description
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
            # WORKAROUND: while another window is creating the journal, the mode change can
            # fail with "database is locked" at once, without waiting for the busy timeout.
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def connect(
    path: Path,
    *,
    read_only: bool = False,
    busy_timeout: float = 10.0,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> sqlite3.Connection:
    """Open (creating and migrating unless ``read_only``) the journal database at ``path``.

    The connection is in autocommit mode: the journal issues its own ``BEGIN IMMEDIATE``.
    """
    path = Path(path)
    try:
        if read_only:
            if not path.is_file():
                raise JournalFormatError(f"There is no journal at {path}.")
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro",
                uri=True,
                isolation_level=None,
                timeout=busy_timeout,
            )
        else:
            _check_writable(path)
            conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout)
    except sqlite3.Error as exc:
        raise _storage_error(exc, path, writing=not read_only) from exc
    except OSError as exc:
        raise JournalStorageError(f"The journal {path} cannot be opened: {exc}") from exc
    try:
        # Checked before any pragma that writes, so a newer journal stays untouched; in one
        # read transaction, so that a journal another window is creating right now is seen
        # either not at all or complete.
        conn.execute("BEGIN")
        try:
            version = _check_readable(conn, path, len(migrations))
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        if read_only:
            if version == 0:
                raise JournalFormatError(f"{path} is empty: not a journal yet.")
            return conn
        mode = _enable_wal(conn, busy_timeout)
        if mode.lower() != "wal":
            # Network drives cannot do WAL; FULL sync below still makes each commit durable.
            log.warning("Journal %s: WAL mode unavailable, using %s", path, mode)
        conn.execute("PRAGMA synchronous = FULL")
        # macOS: a plain fsync leaves the data in the drive's cache; F_FULLFSYNC does not.
        # Both are no-ops elsewhere.
        conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA checkpoint_fullfsync = ON")
        migrate(conn, path=path, migrations=migrations)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error):
            raise _storage_error(exc, path, writing=not read_only) from exc
        raise
    return conn
