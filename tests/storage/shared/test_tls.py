"""TLS to the shared journal: verify-full against the root certificate setting."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from pos_app.storage.shared import SharedJournalUnavailableError
from pos_app.storage.shared.connection import SharedJournalTarget
from tests.helpers.postgres import COUNTER_A, TEST_PASSWORD, SharedDatabase
from tests.helpers.tls import ServerCertificates, TlsFront, make_certificates, make_other_root

pytestmark = pytest.mark.asyncio


@pytest.fixture
def certificates(tmp_path: Path) -> ServerCertificates:
    return make_certificates(tmp_path / "tls", "localhost")


@pytest_asyncio.fixture
async def tls_front(
    certificates: ServerCertificates, shared_db: SharedDatabase
) -> AsyncIterator[TlsFront]:
    server = shared_db.server
    async with TlsFront(certificates, server.socket_dir / f".s.PGSQL.{server.port}") as front:
        yield front


def _target(db: SharedDatabase, host: str, port: int, root: Path) -> SharedJournalTarget:
    return SharedJournalTarget(
        url=f"postgresql://{COUNTER_A}@{host}:{port}/{db.name}",
        password=TEST_PASSWORD,
        root_cert=root,
    )


async def test_the_server_is_verified_in_full_against_the_root_certificate(
    shared_db: SharedDatabase, tls_front: TlsFront, certificates: ServerCertificates
) -> None:
    target = _target(shared_db, "localhost", tls_front.port, certificates.root)
    assert target.connect_params()["sslmode"] == "verify-full"
    async with await target.connect() as conn:
        assert conn.pgconn.ssl_in_use
        cursor = await conn.execute("SELECT session_user")
        assert await cursor.fetchone() == (COUNTER_A,)


async def test_a_server_certificate_of_another_root_is_refused(
    shared_db: SharedDatabase, tls_front: TlsFront, tmp_path: Path
) -> None:
    target = _target(shared_db, "localhost", tls_front.port, make_other_root(tmp_path / "x"))
    with pytest.raises(SharedJournalUnavailableError, match="certificate verify failed"):
        await target.connect()


async def test_a_server_certificate_for_another_host_name_is_refused(
    shared_db: SharedDatabase, tls_front: TlsFront, certificates: ServerCertificates
) -> None:
    # The certificate names "localhost"; the counter was told 127.0.0.1.
    target = _target(shared_db, "127.0.0.1", tls_front.port, certificates.root)
    with pytest.raises(SharedJournalUnavailableError, match="does not match host name"):
        await target.connect()
