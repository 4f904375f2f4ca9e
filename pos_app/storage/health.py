"""Journal health: is the journal file whole, undamaged, and the one this counter wrote?

SQLite's own check finds a damaged file and the hash chain finds a changed row, but
neither can tell that the newest rows were cut off, that the file was emptied or deleted
(SQLite then silently starts a new one), or that another journal was put in its place.
For that the journal's *head* — its row count and its first and last row's hashes — is
kept a second time, in a small side file next to it (``journal.sqlite3.head``), rewritten
atomically after every committed write. It holds counts and hashes only: nothing about
customers, staff or rewards.

Every :meth:`~pos_app.storage.journal.Journal.open` looks at the files before SQLite
touches them (:func:`observe_files`), then checks the opened journal against what it saw
(:func:`examine`). The outcome is a :class:`JournalHealth`. While it reports a problem the
side file is left as it was, so the evidence survives restarts, and the app holds
hand-overs until a manager acknowledges the problem
(:meth:`~pos_app.storage.journal.Journal.acknowledge_health`): that is journaled, and the
side file then follows the journal as it is. :func:`check_health` does the same check for
a journal it does not open for writing (``pos-app journal verify``).

A brand-new install (neither file) is no problem, nor is a journal without a side file
(written by a version of the app that kept none: the side file is started), nor a journal
*ahead* of its side file (a crash between a commit and the side file's update).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pos_app.storage.chain import GENESIS_HASH
from pos_app.storage.schema import JOURNAL
from pos_app.storage.sqlite import connect

__all__ = [
    "HEAD_FILE_SUFFIX",
    "JOURNAL_CHECK_ACKNOWLEDGED",
    "FileState",
    "HeadFileError",
    "HealthProblem",
    "JournalHead",
    "JournalHealth",
    "check_health",
    "examine",
    "head_file_path",
    "observe_files",
    "read_head_file",
    "read_journal_head",
    "write_head_file",
]

#: Name of the side file: the journal's file name plus this.
HEAD_FILE_SUFFIX = ".head"
#: Event kind of a manager's acknowledgement of a health problem.
JOURNAL_CHECK_ACKNOWLEDGED = "journal_check_acknowledged"

_HEAD_FORMAT = 1
_HASH = re.compile(r"[0-9a-f]{64}")
#: SQLite's findings quoted in a report: the first few say enough.
_MAX_DETAILS = 10


def head_file_path(journal_path: Path) -> Path:
    return journal_path.with_name(journal_path.name + HEAD_FILE_SUFFIX)


@dataclass(frozen=True)
class JournalHead:
    """Where a journal ends: ``rows`` is the last row's id (ids run 1, 2, 3, …)."""

    rows: int
    first_hash: str | None
    last_hash: str


def read_journal_head(conn: sqlite3.Connection) -> JournalHead:
    last = conn.execute("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    if last is None:
        return JournalHead(rows=0, first_hash=None, last_hash=GENESIS_HASH)
    first = conn.execute("SELECT hash FROM journal WHERE id = 1").fetchone()
    return JournalHead(
        rows=int(last[0]), first_hash=first[0] if first else None, last_hash=str(last[1])
    )


class HeadFileError(ValueError):
    """The side file exists but does not hold a head."""


def read_head_file(path: Path) -> JournalHead | None:
    """The head kept in the side file, None if there is none; :class:`HeadFileError` if bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise HeadFileError(str(exc)) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise HeadFileError(f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != _HEAD_FORMAT:
        raise HeadFileError("not a journal head of a known format")
    rows, first, last = data.get("rows"), data.get("first_hash"), data.get("last_hash")
    if (
        not isinstance(rows, int)
        or isinstance(rows, bool)
        or rows < 0
        or not (isinstance(last, str) and _HASH.fullmatch(last))
        or not (first is None or (isinstance(first, str) and _HASH.fullmatch(first)))
        or (rows == 0) != (first is None)
        or (rows == 0 and last != GENESIS_HASH)
    ):
        raise HeadFileError("its values are not a journal head")
    return JournalHead(rows=rows, first_hash=first, last_hash=last)


def write_head_file(path: Path, head: JournalHead) -> None:
    """Replace the side file atomically: a crash leaves the old or the new one, whole."""
    text = json.dumps(
        {
            "format": _HEAD_FORMAT,
            "rows": head.rows,
            "first_hash": head.first_hash,
            "last_hash": head.last_hash,
        }
    )
    # A name of its own per writer: two windows may write at the same moment.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class HealthProblem(StrEnum):
    #: SQLite's integrity check found errors: writes may fail or make it worse.
    DAMAGED = "damaged"
    #: The journal file is gone; the side file says it had rows.
    MISSING = "missing"
    #: The file is empty (0 bytes, or no rows); the side file says it had rows.
    EMPTIED = "emptied"
    #: Fewer rows than the side file says, the first row as it was: the end was cut off.
    TRUNCATED = "truncated"
    #: The rows differ from the side file's: another journal, or one rewritten.
    REPLACED = "replaced"
    #: The side file exists but cannot be read, so nothing can be compared.
    HEAD_UNREADABLE = "head copy unreadable"


@dataclass(frozen=True)
class JournalHealth:
    """The outcome of a journal check; ``problem`` None means nothing is wrong.

    ``rows`` is what the journal has (0 for a missing or empty file, None when a damaged
    file could not be read), ``expected`` what the side file says (None: there was none).
    """

    path: Path
    problem: HealthProblem | None = None
    rows: int | None = None
    expected: JournalHead | None = None
    #: What SQLite's check reported (damaged), or why the side file cannot be read.
    details: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def needs_acknowledgement(self) -> bool:
        """Hand-overs wait for a manager. A damaged file cannot just be acknowledged."""
        return self.problem is not None and self.problem is not HealthProblem.DAMAGED

    @property
    def missing_rows(self) -> int:
        if self.expected is None:
            return 0
        return max(self.expected.rows - (self.rows or 0), 0)

    def describe(self) -> str:
        """Plain words for the command line, the log and the acknowledgement's note."""
        path = self.path
        expected = self.expected.rows if self.expected is not None else 0
        if self.problem is None:
            return f"The journal {path} is whole: {self.rows} rows, as the copy of its head says."
        if self.problem is HealthProblem.DAMAGED:
            first = self.details[0] if self.details else "no details"
            return (
                f"The journal {path} is damaged: SQLite's integrity check found "
                f"{len(self.details)} problem(s), the first: {first}"
            )
        if self.problem is HealthProblem.MISSING:
            return (
                f"The journal {path} is missing: the copy of its head kept beside it says "
                f"it had {expected} rows."
            )
        if self.problem is HealthProblem.EMPTIED:
            return (
                f"The journal {path} was emptied: it has no rows, but the copy of its head "
                f"kept beside it says it had {expected}."
            )
        if self.problem is HealthProblem.TRUNCATED:
            return (
                f"The journal {path} is shorter than it was: it has {self.rows} rows, but the "
                f"copy of its head kept beside it says {expected}; the last "
                f"{self.missing_rows} rows are missing."
            )
        if self.problem is HealthProblem.REPLACED:
            return (
                f"The journal {path} is not the journal this counter wrote: its rows do not "
                f"match the copy of its head kept beside it (it has {self.rows} rows, the "
                f"copy says {expected}). It was replaced by another file, or rewritten."
            )
        reason = self.details[0] if self.details else "unknown reason"
        return (
            f"The copy of the head of the journal {path}, kept beside it in "
            f"{head_file_path(path).name}, cannot be read ({reason}), so it cannot be "
            "told whether rows are missing."
        )


@dataclass(frozen=True)
class FileState:
    """What the data folder held before the journal was opened (opening may create it)."""

    path: Path
    exists: bool
    empty: bool
    expected: JournalHead | None
    head_problem: str | None


def observe_files(path: Path) -> FileState:
    """Look at the journal file and its side file; reads nothing SQLite would lock.

    The side file is read first: it is written after each commit, so a journal read after
    it is never behind it unless rows were lost.
    """
    expected: JournalHead | None = None
    head_problem: str | None = None
    try:
        expected = read_head_file(head_file_path(path))
    except HeadFileError as exc:
        head_problem = str(exc)
    try:
        size: int | None = path.stat().st_size
    except FileNotFoundError:
        size = None
    except OSError:
        size = -1  # there, but not for us to look at; opening reports why
    return FileState(
        path=path,
        exists=size is not None,
        empty=size == 0,
        expected=expected,
        head_problem=head_problem,
    )


def _sqlite_findings(conn: sqlite3.Connection, *, thorough: bool) -> list[str]:
    """SQLite's complaints about the file (empty: none).

    ``quick_check`` reads every page and checks the b-tree structure, which finds flipped
    bytes in any table or index page; ``integrity_check`` also checks that every index
    agrees with its table, and costs several times as much.
    """
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        found = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}({_MAX_DETAILS})")]
    except sqlite3.DatabaseError as exc:
        # So damaged that SQLite gives up ("database disk image is malformed").
        return [str(exc)]
    return [] if found == ["ok"] else [line for text in found for line in text.splitlines()]


def _lost(before: FileState) -> JournalHealth | None:
    """A missing or 0-byte journal file where the side file says there were rows."""
    expected = before.expected
    if expected is None or expected.rows == 0:
        return None
    if not before.exists:
        return JournalHealth(before.path, HealthProblem.MISSING, rows=0, expected=expected)
    if before.empty:
        return JournalHealth(before.path, HealthProblem.EMPTIED, rows=0, expected=expected)
    return None


def examine(
    conn: sqlite3.Connection, before: FileState, *, thorough: bool = False
) -> JournalHealth:
    """Check an opened journal against what :func:`observe_files` saw before it was opened."""
    lost = _lost(before)
    if lost is not None:
        return lost
    path = before.path
    expected = before.expected
    findings = _sqlite_findings(conn, thorough=thorough)
    try:
        head = read_journal_head(conn) if not findings else None
    except sqlite3.DatabaseError as exc:
        findings, head = [str(exc)], None
    if head is None:
        details = tuple(findings[:_MAX_DETAILS])
        return JournalHealth(path, HealthProblem.DAMAGED, expected=expected, details=details)
    if before.head_problem is not None:
        return JournalHealth(
            path,
            HealthProblem.HEAD_UNREADABLE,
            rows=head.rows,
            details=(before.head_problem,),
        )
    if expected is None or expected.rows == 0:
        return JournalHealth(path, rows=head.rows, expected=expected)
    problem: HealthProblem | None = None
    if head.rows == 0:
        problem = HealthProblem.EMPTIED
    elif head.first_hash != expected.first_hash:
        problem = HealthProblem.REPLACED
    elif head.rows < expected.rows:
        problem = HealthProblem.TRUNCATED
    else:
        at = conn.execute("SELECT hash FROM journal WHERE id = ?", (expected.rows,)).fetchone()
        if at is None or at[0] != expected.last_hash:
            problem = HealthProblem.REPLACED
    return JournalHealth(path, problem, rows=head.rows, expected=expected)


def check_health(
    journal_path: Path | str, *, thorough: bool = True, busy_timeout: float = 10.0
) -> JournalHealth:
    """Check a journal without writing to it or creating it (``pos-app journal verify``).

    ``thorough`` runs the full ``integrity_check`` rather than the start's quick check.
    A file that is not a journal raises what :func:`~pos_app.storage.sqlite.connect` raises.
    """
    path = Path(journal_path)
    before = observe_files(path)
    lost = _lost(before)
    if lost is not None:
        return lost
    if not before.exists or before.empty:
        if before.head_problem is not None:
            return JournalHealth(
                path, HealthProblem.HEAD_UNREADABLE, rows=0, details=(before.head_problem,)
            )
        return JournalHealth(path, rows=0, expected=before.expected)
    conn = connect(path, JOURNAL, read_only=True, busy_timeout=busy_timeout)
    try:
        return examine(conn, before, thorough=thorough)
    finally:
        conn.close()
