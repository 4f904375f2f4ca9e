"""The shared journal's settings: a URL, the password from the keyring, TLS, or nothing."""

from __future__ import annotations

import logging
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings, SettingsError, load_settings, save_settings
from pos_app.services.shared_journal import shared_journal_target
from pos_app.storage.shared import SharedJournalRefusedError, SharedJournalUnavailableError
from tests.helpers import MemoryKeyring
from tests.helpers.postgres import COUNTER_A, TEST_PASSWORD, SharedDatabase

URL_ENV = "POS_APP_SHARED_JOURNAL_URL"


def test_without_a_url_there_is_no_shared_journal_and_no_driver_loaded() -> None:
    # As a counter starts today: no PostgreSQL, and the driver is not even imported.
    code = (
        "import sys\n"
        "from pos_app.services.secrets import SecretStore\n"
        "from pos_app.services.settings import load_settings\n"
        "from pos_app.services.shared_journal import shared_journal_target\n"
        "settings = load_settings()\n"
        "assert settings.shared_journal_url is None\n"
        "assert shared_journal_target(settings, SecretStore(env={}, use_keyring=False)) is None\n"
        "assert 'psycopg' not in sys.modules, 'psycopg imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.asyncio
async def test_the_url_is_a_setting_and_the_password_comes_from_the_keyring(
    shared_db: SharedDatabase,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv(URL_ENV, shared_db.url(COUNTER_A))
    secrets = SecretStore(env={})
    secrets.set(SecretName.SHARED_JOURNAL_PASSWORD, TEST_PASSWORD)
    settings = load_settings()

    target = shared_journal_target(settings, secrets)

    assert target is not None
    assert TEST_PASSWORD not in repr(target)
    assert TEST_PASSWORD not in target.describe()
    async with await target.connect() as conn:
        cursor = await conn.execute("SELECT session_user")
        assert await cursor.fetchone() == (COUNTER_A,)
    saved = save_settings(settings, tmp_path / "settings.toml")
    text = saved.read_text(encoding="utf-8")
    assert tomllib.loads(text)["shared_journal_url"] == shared_db.url(COUNTER_A)
    assert TEST_PASSWORD not in text


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://counter:Hunter2-secret@db.example.com/journal",
        "postgresql://counter@db.example.com/journal?password=Hunter2-secret",
    ],
)
def test_a_url_holding_the_password_is_refused_without_repeating_it(url: str) -> None:
    with pytest.raises(ValueError, match="keyring") as error:
        Settings(shared_journal_url=url)
    assert "Hunter2-secret" not in str(error.value)


def test_a_url_that_is_not_postgresql_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('shared_journal_url = "https://db.example.com"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="shared_journal_url"):
        load_settings(config)


@pytest.mark.asyncio
async def test_a_wrong_password_is_refused_and_never_shown_or_logged(
    shared_db: SharedDatabase,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    wrong = "Wrong-Password-4711"
    monkeypatch.setenv(URL_ENV, shared_db.url(COUNTER_A))
    secrets = SecretStore(env={})
    secrets.set(SecretName.SHARED_JOURNAL_PASSWORD, wrong)
    target = shared_journal_target(load_settings(), secrets)
    assert target is not None

    with caplog.at_level(logging.DEBUG), pytest.raises(SharedJournalRefusedError) as error:
        await target.connect()

    assert "password authentication failed" in str(error.value)
    assert COUNTER_A in str(error.value)
    assert wrong not in str(error.value)
    assert error.value.__cause__ is None
    assert wrong not in caplog.text


def test_tls_is_verified_in_full_against_the_root_certificate_setting(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    root = tmp_path / "chain-root.crt"
    root.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    settings = Settings(
        shared_journal_url="postgresql://counter_0001_1@db.example.com/journal",
        shared_journal_root_cert=str(root),
    )
    target = shared_journal_target(settings, SecretStore(env={}))
    assert target is not None
    params = target.connect_params()
    assert (params["sslmode"], params["sslrootcert"]) == ("verify-full", str(root))
    assert params["host"] == "db.example.com"

    # Over the network without a root certificate set: still verified, by the system's.
    plain = Settings(shared_journal_url="postgresql://counter_0001_1@db.example.com/journal")
    target = shared_journal_target(plain, SecretStore(env={}))
    assert target is not None
    assert (target.connect_params()["sslmode"], target.connect_params()["sslrootcert"]) == (
        "verify-full",
        "system",
    )
    # What the URL says is kept.
    local = Settings(shared_journal_url="postgresql://c@db.example.com/j?sslmode=require")
    target = shared_journal_target(local, SecretStore(env={}))
    assert target is not None
    assert target.connect_params()["sslmode"] == "require"


@pytest.mark.asyncio
async def test_a_missing_root_certificate_is_named(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    settings = Settings(
        shared_journal_url="postgresql://counter_0001_1@db.example.com/journal",
        shared_journal_root_cert=str(tmp_path / "missing.crt"),
    )
    target = shared_journal_target(settings, SecretStore(env={}))
    assert target is not None
    with pytest.raises(SharedJournalUnavailableError, match=r"missing\.crt"):
        await target.connect()
