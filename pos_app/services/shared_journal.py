"""The shop's shared journal on PostgreSQL, as the settings and the keyring describe it.

Absent (no ``shared_journal_url``) means what a counter always did: its own journal only.
The database driver is imported only when a URL is set, so a counter without one starts
as fast as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings

if TYPE_CHECKING:
    from pos_app.storage.shared.connection import SharedJournalTarget

__all__ = ["shared_journal_target"]


def shared_journal_target(settings: Settings, secrets: SecretStore) -> SharedJournalTarget | None:
    """Where this counter's shared journal is, with its login's password; None: there is none.

    The password comes from the OS keyring (or ``POS_APP_SHARED_JOURNAL_PASSWORD``) and is
    kept out of the URL, the settings file and every message.
    """
    if not settings.shared_journal_url:
        return None
    from pos_app.storage.shared.connection import SharedJournalTarget

    return SharedJournalTarget(
        url=settings.shared_journal_url,
        password=secrets.get(SecretName.SHARED_JOURNAL_PASSWORD),
        root_cert=settings.shared_journal_root_cert,
        connect_timeout=settings.request_timeout,
    )
