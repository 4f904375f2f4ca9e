"""`pos-app shared-journal`: set the tables up as the owner; a counter's status."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.services.secrets import SecretName
from pos_app.storage import Journal
from pos_app.storage.shared import SCHEMA_VERSION
from tests.helpers.cli import ROOT
from tests.helpers.postgres import COUNTER_A, TEST_PASSWORD, SharedDatabase
from tests.storage.helpers import SHOP, collect, raw_connection


def _pos_app(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("POS_APP_")}
    clean.update(
        {
            "POS_APP_CONFIG_FILE": str(tmp_path / "settings.toml"),
            "POS_APP_DATA_DIR": str(tmp_path / "data"),
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "pos_app", "shared-journal", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_the_owner_creates_the_tables(empty_shared_db: SharedDatabase, tmp_path: Path) -> None:
    done = _pos_app(tmp_path, "migrate", "--owner-url", empty_shared_db.url("postgres"))
    assert done.returncode == 0, done.stderr
    assert f"format {SCHEMA_VERSION}" in done.stdout
    assert empty_shared_db.run("SELECT max(version) FROM pos_shared.schema_migration") == [
        (SCHEMA_VERSION,)
    ]


def test_a_url_with_a_password_is_refused_without_showing_it(tmp_path: Path) -> None:
    done = _pos_app(tmp_path, "migrate", "--owner-url", "postgresql://owner:Sesame-99@db/x")
    assert done.returncode == 1
    assert "keyring" in done.stderr
    assert "Sesame-99" not in done.stdout + done.stderr


def test_status_tells_what_waits_and_verifies_what_was_copied(
    shared_db: SharedDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.open(tmp_path / "data" / "journal.sqlite3", shop_uuid=SHOP, counter="C1") as j:
        collect(j, 1)
    env = {
        "POS_APP_SHARED_JOURNAL_URL": shared_db.url(COUNTER_A),
        SecretName.SHARED_JOURNAL_PASSWORD.env_var: TEST_PASSWORD,
    }
    before = _pos_app(tmp_path, "status", **env)
    assert before.returncode == 0, before.stderr
    assert "Waiting to be copied: 2 rows" in before.stdout
    assert "Journal intact: 0 rows" in before.stdout

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    asyncio.run(_copy_all(tmp_path))
    after = _pos_app(tmp_path, "status", **env)
    assert after.returncode == 0, after.stderr
    assert "Waiting to be copied: none" in after.stdout
    assert "Journal intact: 2 rows" in after.stdout

    # A row of the local journal is altered after it was copied: told, exit status 1.
    conn = raw_connection(tmp_path / "data" / "journal.sqlite3")
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET reward_title = 'Gold watch' WHERE id = 2")
    conn.close()
    altered = _pos_app(tmp_path, "status", **env)
    assert altered.returncode == 1
    assert "Row 2 of this counter's journal: it differs" in altered.stdout

    shared_db.run(f'REVOKE CONNECT ON DATABASE "{shared_db.name}" FROM PUBLIC')
    away = _pos_app(tmp_path, "status", **env)
    assert away.returncode == 1
    assert "cannot be reached" in away.stdout
    assert TEST_PASSWORD not in away.stdout + away.stderr


async def _copy_all(tmp_path: Path) -> None:
    from pos_app.services.secrets import SecretStore
    from pos_app.services.settings import load_settings
    from pos_app.services.shared_journal import SharedJournal

    settings = load_settings(tmp_path / "settings.toml").with_overrides(data_dir=tmp_path / "data")
    shared = await SharedJournal.open(settings, SecretStore(env=dict(os.environ)))
    assert shared is not None
    try:
        await shared.copier.copy_pending()
    finally:
        await shared.aclose()


@pytest.mark.parametrize("action", ["status", "migrate"])
def test_a_pc_without_the_postgresql_client_library_is_told_what_to_install(
    tmp_path: Path, action: str
) -> None:
    # The Linux bundle leaves libpq to the system; psycopg asked for an implementation
    # this machine does not have stands for a PC without it.
    args = ["--owner-url", "postgresql://owner@db.example/pos"] if action == "migrate" else []
    done = _pos_app(
        tmp_path,
        action,
        *args,
        PSYCOPG_IMPL="c",
        POS_APP_SHARED_JOURNAL_URL="postgresql://counter@db.example/pos",
    )
    assert done.returncode == 1
    assert "no PostgreSQL client library (libpq)" in done.stderr
    assert "apt install libpq5" in done.stderr
    assert "Traceback" not in done.stderr
