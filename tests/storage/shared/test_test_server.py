"""The test PostgreSQL server: real, and one fresh database per test."""

from __future__ import annotations

import psycopg
import pytest

from tests.helpers.postgres import SharedDatabase


def test_each_test_gets_a_database_of_its_own_on_a_real_server(shared_db: SharedDatabase) -> None:
    with shared_db.admin() as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        name = conn.execute("SELECT current_database()").fetchone()
        conn.execute("CREATE TABLE scratch (n int)")
    assert version is not None
    assert int(version[0]) >= 160000
    assert name == (shared_db.name,)


def test_a_wrong_password_is_refused(shared_db: SharedDatabase) -> None:
    shared_db.run("CREATE ROLE password_probe LOGIN PASSWORD 'right'")
    try:
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(shared_db.conninfo("password_probe", "wrong")).close()
        psycopg.connect(shared_db.conninfo("password_probe", "right")).close()
    finally:
        shared_db.run("DROP ROLE password_probe")
