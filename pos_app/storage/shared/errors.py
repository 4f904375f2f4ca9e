"""Errors raised by the shared journal on PostgreSQL.

The tree::

    SharedJournalError
    ├── SharedJournalUnavailableError   the database cannot be reached right now
    ├── SharedJournalRefusedError       the database refused this login (rights, shop)
    └── SharedJournalSchemaError        the database is not set up for this app
        └── SharedJournalVersionError   set up by a newer version of the app

Messages are fit for a person and never hold a password: they name the database by
:func:`pos_app.storage.shared.connection.describe` at most.
"""

from __future__ import annotations

__all__ = [
    "SharedJournalError",
    "SharedJournalRefusedError",
    "SharedJournalSchemaError",
    "SharedJournalUnavailableError",
    "SharedJournalVersionError",
]


class SharedJournalError(Exception):
    """Root of every error of the shared journal; the message is fit for a person."""


class SharedJournalUnavailableError(SharedJournalError):
    """The database cannot be reached (down, network, TLS); the counter works on locally."""


class SharedJournalRefusedError(SharedJournalError):
    """The database refused what this login asked (no rights, another shop's rows)."""


class SharedJournalSchemaError(SharedJournalError):
    """The database lacks the shared journal's tables, or has an older version of them."""


class SharedJournalVersionError(SharedJournalSchemaError):
    """The database was migrated by a newer version of the app; nothing is written to it."""

    def __init__(self, message: str, *, found: int, supported: int) -> None:
        super().__init__(message)
        self.found = found
        self.supported = supported
