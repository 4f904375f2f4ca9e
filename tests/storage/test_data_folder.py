"""A data folder the app may not write to is reported as such, not as a broken file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.storage import Journal, JournalStorageError
from tests.storage.helpers import COUNTER, SHOP, collect

ROOT = Path(__file__).resolve().parents[2]
#: An unprivileged user and group that exist on every Linux system ("nobody").
NOBODY = 65534

_CHILD = """
import os
import sys
from pos_app.storage import Journal, JournalError
if len(sys.argv) > 2:
    # Everything is imported (the interpreter may live in root's home): from here on this
    # process is the unprivileged user, and the kernel checks its every write as such.
    os.setgroups([])
    os.setgid(int(sys.argv[2]))
    os.setuid(int(sys.argv[2]))
try:
    Journal.open(sys.argv[1], shop_uuid=None, counter="c").close()
except JournalError as exc:
    print(type(exc).__name__, exc, sep=": ")
else:
    print("opened")
"""


def _open_where_writes_are_refused(journal: Path) -> str:
    """Open ``journal`` in a child process whose writes the kernel really refuses.

    Permissions do not stop root, and test containers often run as root: there the child
    becomes the unprivileged user "nobody" before it opens the journal, so the chmod'ed
    folder is read-only for it exactly as for a cashier's account. No mock: SQLite meets
    the kernel's real EACCES.
    """
    become = [str(NOBODY)] if os.geteuid() == 0 else []
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(journal), *become],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder outside pytest's own (which is private to the user running the tests)."""
    folder = Path(tempfile.mkdtemp(prefix="pos-app-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_empty_data_folder(shared_tmp: Path) -> None:
    data = shared_tmp / "data"
    data.mkdir()
    data.chmod(0o555)
    said = _open_where_writes_are_refused(data / "journal.sqlite3")
    assert said.startswith("DataFolderNotWritableError: ")
    assert f"The data folder {data} cannot be written" in said
    assert "not an SQLite database" not in said
    assert list(data.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_data_folder_with_a_journal(shared_tmp: Path) -> None:
    data = shared_tmp / "data"
    with Journal.open(data / "journal.sqlite3", shop_uuid=SHOP, counter=COUNTER) as journal:
        collect(journal, 1)
    data.chmod(0o555)
    said = _open_where_writes_are_refused(data / "journal.sqlite3")
    assert f"The data folder {data} cannot be written" in said
    assert "not an SQLite database" not in said


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_journal_file(shared_tmp: Path) -> None:
    data = shared_tmp / "data"
    with Journal.open(data / "journal.sqlite3", shop_uuid=SHOP, counter=COUNTER) as journal:
        collect(journal, 1)
    (data / "journal.sqlite3").chmod(0o444)
    if os.geteuid() == 0:
        os.chown(data, NOBODY, NOBODY)  # the folder is the child's, the file is not
    said = _open_where_writes_are_refused(data / "journal.sqlite3")
    assert f"The journal {data / 'journal.sqlite3'} cannot be written" in said
    assert "not an SQLite database" not in said


def test_a_file_where_the_data_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(JournalStorageError, match=f"The data folder {blocker} is not a folder"):
        Journal.open(blocker / "journal.sqlite3", shop_uuid=SHOP, counter=COUNTER)
