"""The shared journal's settings: a URL, the password from the keyring, TLS, or nothing."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings, SettingsError, load_settings, save_settings
from pos_app.services.shared_journal import SharedJournal, shared_journal_target
from pos_app.storage import Journal
from pos_app.storage.shared import SharedJournalRefusedError, SharedJournalUnavailableError
from tests.helpers import MemoryKeyring, wait_until
from tests.helpers.postgres import COUNTER_A, COUNTER_A2, TEST_PASSWORD, SharedDatabase
from tests.storage.helpers import SHOP, collect

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


@pytest.mark.asyncio
async def test_a_counter_without_its_password_is_told_how_to_store_it(
    shared_db: SharedDatabase, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(URL_ENV, shared_db.url(COUNTER_A))
    target = shared_journal_target(load_settings(), SecretStore(env={}))
    assert target is not None

    with pytest.raises(SharedJournalRefusedError) as error:
        await target.connect()

    assert "no password is stored" in str(error.value)
    assert "pos-app secrets set shared-journal-password" in str(error.value)


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


@pytest.mark.asyncio
async def test_no_url_opens_no_shared_journal(isolated_environment: Path) -> None:
    assert await SharedJournal.open(load_settings(), SecretStore(env={})) is None


@pytest.mark.asyncio
async def test_a_hand_over_at_one_counter_is_found_at_the_other(
    shared_db: SharedDatabase, tmp_path: Path
) -> None:
    secrets = SecretStore(env={SecretName.SHARED_JOURNAL_PASSWORD.env_var: TEST_PASSWORD})
    counters: list[tuple[Journal, SharedJournal]] = []
    for name, login in (("Counter 1", COUNTER_A), ("Counter 2", COUNTER_A2)):
        # Two counters: two data folders (options beat the test's POS_APP_DATA_DIR).
        settings = load_settings().with_overrides(
            data_dir=tmp_path / name,
            shop_uuid=SHOP,
            counter_name=name,
            shared_journal_url=shared_db.url(login),
        )
        journal = Journal.open(settings.journal_path, shop_uuid=SHOP, counter=name)
        shared = await SharedJournal.open(settings, secrets)
        assert shared is not None
        shared.start()
        counters.append((journal, shared))
    (first, first_shared), (second, second_shared) = counters
    try:
        handed = collect(first, 1, title="Tote bag")
        first_shared.wake()
        await wait_until(lambda: first_shared.copier.passes >= 1)
        await wait_until_caught_up(first_shared)
        slip = handed.handover_reference
        assert slip is not None
        assert await second_shared.find_by_reference(slip) == [first.operation(handed.operation_id)]
        assert second.find_by_reference(slip) is None  # its own journal never had it
    finally:
        for journal, shared in counters:
            await shared.aclose()
            journal.close()


@pytest.mark.asyncio
async def test_questions_to_the_shop_journal_share_one_connection(
    shared_db: SharedDatabase, tmp_path: Path
) -> None:
    # Recent pickups asks every 3 s while open: each question must not cost a new
    # connection (over the network, a TLS handshake and a server process each time).
    secrets = SecretStore(env={SecretName.SHARED_JOURNAL_PASSWORD.env_var: TEST_PASSWORD})
    settings = load_settings().with_overrides(
        data_dir=tmp_path,
        shop_uuid=SHOP,
        counter_name="Counter 1",
        shared_journal_url=shared_db.url(COUNTER_A),
    )
    journal = Journal.open(settings.journal_path, shop_uuid=SHOP, counter="Counter 1")
    shared = await SharedJournal.open(settings, secrets)
    assert shared is not None

    def backends() -> int:
        (count,) = shared_db.run(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", COUNTER_A
        )[0]
        return int(count)

    try:
        for _ in range(3):
            assert await shared.find_by_reference("PU-Y9J0YEZN") == []
        started = shared_db.run(
            "SELECT count(DISTINCT backend_start) FROM pg_stat_activity WHERE usename = %s",
            COUNTER_A,
        )
        assert backends() == 1, started
        # The server ended it meanwhile (a restart): the next question is answered over a
        # new one.
        shared_db.run(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            COUNTER_A,
        )
        await wait_until(lambda: backends() == 0)
        assert await shared.find_by_reference("PU-Y9J0YEZN") == []
        assert backends() == 1
    finally:
        await shared.aclose()
        journal.close()
    await wait_until(lambda: backends() == 0)


async def wait_until_caught_up(shared: SharedJournal) -> None:
    for _ in range(500):
        backlog = await shared.backlog()
        if backlog.rows == 0 and backlog.last_error is None:
            return
        shared.wake()
        await asyncio.sleep(0.01)
    raise AssertionError(f"still behind: {backlog}")
