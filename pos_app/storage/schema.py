"""The journal's SQLite schema and its migrations (:data:`JOURNAL`).

How the file is opened, checked and upgraded is shared with the staff database
(:mod:`pos_app.storage.sqlite`): the schema version is ``PRAGMA user_version``, the number
of steps of :data:`MIGRATIONS` applied; a journal written by a *newer* app is refused
before anything is written to it: an older app must not guess at a format it does not know.

Steps are only ever appended. A step that adds a column lists it in
:data:`~pos_app.storage.model.ADDED_COLUMNS`: such a column is hashed only when it holds a
value (:mod:`pos_app.storage.chain`), so the rows written before it keep verifying.
"""

from __future__ import annotations

from pos_app.storage.chain import GENESIS_HASH
from pos_app.storage.errors import (
    DataFolderNotWritableError,
    JournalFormatError,
    JournalStorageError,
    JournalVersionError,
)
from pos_app.storage.sqlite import DatabaseKind, Migration

__all__ = [
    "APPLICATION_ID",
    "JOURNAL",
    "LEASES_SINCE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
]

#: ``PRAGMA application_id`` of a journal ("PUjr"), so another SQLite file is not mistaken
#: for one.
APPLICATION_ID = 0x50556A72


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "journal table, append-only and chain-link triggers",
        (
            f"PRAGMA application_id = {APPLICATION_ID}",
            # No column may ever hold an email address, a login link or code, a
            # verification code or a PIN: the file is append-only and cannot be cleaned.
            """
            CREATE TABLE journal (
                id INTEGER PRIMARY KEY,
                recorded_at TEXT NOT NULL,
                operation_id TEXT,
                kind TEXT NOT NULL CHECK (kind <> ''),
                state TEXT CHECK (state IN ('pending', 'confirmed', 'failed', 'unknown')),
                shop_uuid TEXT,
                counter TEXT NOT NULL,
                staff_id TEXT,
                staff_name TEXT,
                customer_uuid TEXT,
                loyalty_transaction_uuid TEXT,
                redemption_uuid TEXT,
                reward_title TEXT,
                reverses_operation_id TEXT,
                reason TEXT,
                note TEXT,
                error_code TEXT,
                error_message TEXT,
                resolved_by TEXT,
                prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
                hash TEXT NOT NULL CHECK (length(hash) = 64),
                CHECK ((operation_id IS NULL) = (state IS NULL))
            )
            """,
            """
            CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
            BEGIN
                SELECT RAISE(ABORT, 'journal rows are append-only: UPDATE refused');
            END
            """,
            """
            CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
            BEGIN
                SELECT RAISE(ABORT, 'journal rows are append-only: DELETE refused');
            END
            """,
            # Even a writer that bypasses this module cannot fork the chain or leave a gap.
            f"""
            CREATE TRIGGER journal_chain_link BEFORE INSERT ON journal
            WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM journal)
              OR NEW.prev_hash IS NOT coalesce(
                    (SELECT hash FROM journal ORDER BY id DESC LIMIT 1), '{GENESIS_HASH}')
            BEGIN
                SELECT RAISE(ABORT, 'a journal row must extend the hash chain');
            END
            """,
            "CREATE INDEX journal_operation ON journal (operation_id, id)",
            # Every operation starts with exactly one pending row and never returns to it;
            # the index also finds operations by their first row.
            """
            CREATE UNIQUE INDEX journal_operation_start ON journal (operation_id)
            WHERE state = 'pending'
            """,
        ),
    ),
    Migration(
        2,
        "lookup indexes for recent pickups, redemption and reversal searches",
        (
            """
            CREATE INDEX journal_redemption ON journal (redemption_uuid)
            WHERE redemption_uuid IS NOT NULL
            """,
            """
            CREATE INDEX journal_loyalty_transaction ON journal (loyalty_transaction_uuid)
            WHERE loyalty_transaction_uuid IS NOT NULL
            """,
            """
            CREATE INDEX journal_reverses ON journal (reverses_operation_id)
            WHERE reverses_operation_id IS NOT NULL
            """,
            "CREATE INDEX journal_kind ON journal (kind, id)",
        ),
    ),
    Migration(
        3,
        "leases: which window is sending an operation right now, until when",
        (
            # The one table that is not append-only: a lease says "being sent by OWNER, leave
            # it alone until EXPIRES_AT" and goes away when its sender writes the outcome.
            # It is working state, not history, and not part of the hash chain.
            """
            CREATE TABLE lease (
                operation_id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
        ),
    ),
    Migration(
        4,
        "the customer's short display name on collect and reverse rows",
        (
            # The name a pickup slip shows ("Robin V."), so that Recent pickups can name and
            # find a customer. Never an email address: the table refuses any "@".
            """
            ALTER TABLE journal ADD COLUMN customer_name TEXT
            CHECK (customer_name IS NULL OR instr(customer_name, '@') = 0)
            """,
        ),
    ),
    Migration(
        5,
        "hand-overs: the collects handed over together share one slip code",
        (
            # The operation id of the hand-over's first collect, on every row of each of its
            # collects; that collect's reference is the one code on the slip. Rows from
            # before it are each a hand-over of their own.
            "ALTER TABLE journal ADD COLUMN handover_id TEXT",
            """
            CREATE INDEX journal_handover ON journal (handover_id)
            WHERE handover_id IS NOT NULL
            """,
        ),
    ),
    Migration(
        6,
        "lookup index for one customer's pickups",
        (
            """
            CREATE INDEX journal_customer ON journal (customer_uuid, id)
            WHERE customer_uuid IS NOT NULL
            """,
        ),
    ),
    Migration(
        7,
        "the reward's cost price on a collect, for the managers' reports",
        (
            # Decimal text as Piggy gave it (never a float's rounding); only on a collect's
            # first row. Rows from before it have none: their cost is not known.
            "ALTER TABLE journal ADD COLUMN cost_price TEXT",
        ),
    ),
    Migration(
        8,
        "claims: the reward a customer spent points on, and how many",
        (
            # Settling a claim whose answer was lost looks for a reception of this reward
            # on the server; the points are what the customer was told it costs.
            "ALTER TABLE journal ADD COLUMN reward_uuid TEXT",
            """
            ALTER TABLE journal ADD COLUMN points TEXT
            CHECK (points IS NULL OR (points GLOB '[0-9]*' AND points NOT GLOB '*[^0-9]*'))
            """,
        ),
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
#: The format from which a journal has the lease table.
LEASES_SINCE = 3


def _version_error(message: str, found: int, supported: int) -> JournalVersionError:
    return JournalVersionError(message, found=found, supported=supported)


JOURNAL = DatabaseKind(
    name="journal",
    application_id=APPLICATION_ID,
    migrations=MIGRATIONS,
    storage_error=JournalStorageError,
    format_error=JournalFormatError,
    version_error=_version_error,
    not_writable_error=DataFolderNotWritableError,
)
