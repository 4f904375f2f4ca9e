"""Where the shared journal is and how to reach it, without a password in any message.

The connection URL (a setting) never holds the password: it comes from the OS keyring
(:mod:`pos_app.services.secrets`) and is handed to libpq as a separate parameter, so no
URL, log line or error message of the app can carry it. TLS: ``sslmode`` is taken from
the URL; without one, a server reached over the network is verified as libpq's
``verify-full`` does (the certificate chains to the root certificate given, or to the
system's, and names the host), while a Unix socket or localhost needs no TLS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from pos_app.storage.shared.errors import SharedJournalRefusedError, SharedJournalUnavailableError

__all__ = ["PASSWORD_IN_URL", "SharedJournalTarget", "check_url"]

PASSWORD_IN_URL = (
    "must not hold the password: keep it in the OS keyring instead "
    "(pos-app secrets set shared-journal-password)"
)
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
#: SQLSTATEs of a refused login (wrong password; no such role, pg_hba, no CONNECT right).
_REFUSED_STATES = frozenset({"28P01", "28000"})
# A failed connection attempt often has no SQLSTATE, only the server's (English) text.
_REFUSED_TEXTS = ("authentication failed", "no pg_hba.conf entry")
#: libpq's words when the server wants a password and none was given.
_NO_PASSWORD = "no password supplied"


def check_url(url: str) -> dict[str, Any]:
    """The URL's parameters; ValueError (without the URL in it) if it is not usable."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise ValueError("is not a PostgreSQL connection URL (postgresql://user@host/db)") from None
    if params.get("password"):
        raise ValueError(PASSWORD_IN_URL)
    return params


def _is_local(host: str | None) -> bool:
    if not host:
        return True
    return all(part.startswith("/") or part in _LOCAL_HOSTS for part in host.split(","))


@dataclass(frozen=True)
class SharedJournalTarget:
    """A shared journal database: its URL, the login's password, the TLS root certificate."""

    url: str
    password: str | None = field(default=None, repr=False)
    root_cert: Path | None = None
    connect_timeout: float = 10.0

    def __post_init__(self) -> None:
        check_url(self.url)

    def describe(self) -> str:
        """``user@host:port/database``, for messages and logs (never the password)."""
        params = check_url(self.url)
        host = params.get("host") or "localhost"
        port = f":{params['port']}" if params.get("port") else ""
        user = f"{params['user']}@" if params.get("user") else ""
        return f"{user}{host}{port}/{params.get('dbname', '')}"

    def connect_params(self) -> dict[str, Any]:
        """What libpq is given: the URL's parameters, the password, TLS settings."""
        params = check_url(self.url)
        if self.password:
            params["password"] = self.password
        if self.root_cert is not None:
            params["sslrootcert"] = str(self.root_cert)
        if "sslmode" not in params and (
            self.root_cert is not None or not _is_local(params.get("host"))
        ):
            params["sslmode"] = "verify-full"
            params.setdefault("sslrootcert", "system")
        params.setdefault("application_name", "pos-app")
        params["connect_timeout"] = max(1, round(self.connect_timeout))
        return params

    def _without_password(self, text: str) -> str:
        return text.replace(self.password, "***") if self.password else text

    async def connect(self) -> psycopg.AsyncConnection[Any]:
        """An autocommit connection; errors say which database and why, never the password."""
        if self.root_cert is not None and not self.root_cert.is_file():
            raise SharedJournalUnavailableError(
                f"The shared journal's root certificate {self.root_cert} does not exist."
            )
        try:
            return await psycopg.AsyncConnection.connect(**self.connect_params(), autocommit=True)
        except psycopg.OperationalError as exc:
            # No "from exc": the driver's exception would carry the connection's details
            # into any traceback that gets logged. Its text (libpq's) is kept, redacted.
            lines = str(exc).strip().splitlines()
            reason = self._without_password(lines[-1].strip() if lines else type(exc).__name__)
            if self.password is None and _NO_PASSWORD in reason:
                raise SharedJournalRefusedError(
                    f"The shared journal {self.describe()} asks for this counter's password, "
                    "and no password is stored for it: "
                    "pos-app secrets set shared-journal-password"
                ) from None
            if exc.sqlstate in _REFUSED_STATES or any(text in reason for text in _REFUSED_TEXTS):
                raise SharedJournalRefusedError(
                    f"The shared journal {self.describe()} refused the login: {reason}"
                ) from None
            raise SharedJournalUnavailableError(
                f"The shared journal {self.describe()} cannot be reached: {reason}"
            ) from None
