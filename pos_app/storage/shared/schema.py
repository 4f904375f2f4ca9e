"""The shared journal's PostgreSQL schema and its versioned migrations.

Everything lives in the schema ``pos_shared``. Applied versions are rows of
``pos_shared.schema_migration``; :func:`migrate` applies the missing steps of
:data:`MIGRATIONS` in one transaction, under an advisory lock so that two installers
running at once do not both apply a step. A database migrated by a *newer* app is refused
(:class:`SharedJournalVersionError`) before anything is written to it. Steps are only ever
appended.

Migrating needs the owner's rights (creating tables): it is run by whoever sets the
database up, never with a counter's login. A counter only checks the version
(:func:`check_schema`).

``journal_row`` holds every row of every counter's local journal, as the counter wrote it
(the same columns, the same values, so that the hash chain verifies here too), keyed by
``(shop, chain_id, seq)``:

* ``shop`` is the shop of the login that copied the row (:func:`login_shop`, from the
  ``pos_shared.login`` table the database's administrator keeps): row-level security
  compares it with the login's shop, so a counter cannot claim another shop's rows;
* ``chain_id`` names one counter's journal: the hash of its first row, which is part of
  the journal itself, unique to it and never changes (a counter's *name* is a setting that
  can change; a replaced journal file starts a new chain);
* ``seq`` is the row's ``id`` in the local journal: 1, 2, 3, … along the chain.

Indexes, for a chain of 200 shops × 3 counters over a year (tens of millions of rows), each
led by ``shop`` because every counter query is confined to one shop by row-level security:

* the primary key ``(shop, chain_id, seq)``: the natural key that makes a copy idempotent,
  a counter's own head (``max(seq)``) and a chain read in order for verification;
* ``(shop, recorded_time)``: a shop's pickups of a day or a week, newest first (Recent
  pickups, reports);
* ``(shop, operation_id)``: a pickup's rows, and its slip reference, which is a prefix of
  the operation id (a range scan, hence the ``"C"`` collation on that column);
* ``(shop, handover_id)`` and ``(shop, reverses_operation_id)``: the collects a slip code
  names, and whether a collect was reversed, at any counter of the shop.

Queries name the shop themselves (``shop = pos_shared.login_shop()``) rather than leaving
it to the read policy, whose "or head office" would keep the planner from these indexes.
"""

from __future__ import annotations

import logging
from typing import Any

import psycopg

from pos_app.storage.chain import GENESIS_HASH
from pos_app.storage.shared.errors import SharedJournalSchemaError, SharedJournalVersionError
from pos_app.storage.sqlite import Migration, check_numbering

__all__ = ["MIGRATIONS", "SCHEMA", "SCHEMA_VERSION", "check_schema", "migrate", "schema_version"]

log = logging.getLogger(__name__)

SCHEMA = "pos_shared"
# pg_advisory_xact_lock key of a migration ("posj" in ASCII).
_MIGRATION_LOCK = 0x706F736A

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "journal rows of every counter, append-only and chained; logins bound to shops",
        (
            # Which shop each login belongs to: kept by the database's administrator, read
            # only through the two functions below (a counter has no rights on it).
            """
            CREATE TABLE pos_shared.login (
                login name PRIMARY KEY,
                shop_uuid text CHECK (shop_uuid <> ''),
                head_office boolean NOT NULL DEFAULT false,
                CHECK ((shop_uuid IS NULL) = head_office)
            )
            """,
            # SECURITY DEFINER: the function reads the table with its owner's rights;
            # session_user is the login that connected (current_user would be the owner).
            """
            CREATE FUNCTION pos_shared.login_shop() RETURNS text
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
            AS $$ SELECT shop_uuid FROM pos_shared.login WHERE login = session_user $$
            """,
            """
            CREATE FUNCTION pos_shared.login_is_head_office() RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
            AS $$ SELECT coalesce(
                (SELECT head_office FROM pos_shared.login WHERE login = session_user), false) $$
            """,
            # The local journal's columns and checks (pos_app.storage.schema), plus where the
            # row belongs. recorded_at is kept as the exact text that was hashed;
            # recorded_time is the same moment as a timestamp, for queries.
            """
            CREATE TABLE pos_shared.journal_row (
                shop text NOT NULL DEFAULT pos_shared.login_shop(),
                chain_id text NOT NULL CHECK (length(chain_id) = 64),
                seq bigint NOT NULL CHECK (seq > 0),
                recorded_at text NOT NULL,
                recorded_time timestamptz NOT NULL,
                operation_id text COLLATE "C",
                kind text NOT NULL CHECK (kind <> ''),
                state text CHECK (state IN ('pending', 'confirmed', 'failed', 'unknown')),
                shop_uuid text,
                counter text NOT NULL,
                staff_id text,
                staff_name text,
                customer_uuid text,
                loyalty_transaction_uuid text,
                redemption_uuid text,
                reward_title text,
                reverses_operation_id text COLLATE "C",
                reason text,
                note text,
                error_code text,
                error_message text,
                resolved_by text,
                prev_hash text NOT NULL CHECK (length(prev_hash) = 64),
                hash text NOT NULL CHECK (length(hash) = 64),
                customer_name text CHECK (customer_name IS NULL OR strpos(customer_name, '@') = 0),
                handover_id text COLLATE "C",
                copied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (shop, chain_id, seq),
                CHECK ((operation_id IS NULL) = (state IS NULL))
            )
            """,
            "CREATE INDEX journal_row_shop_time ON pos_shared.journal_row (shop, recorded_time)",
            """
            CREATE INDEX journal_row_shop_operation ON pos_shared.journal_row (shop, operation_id)
            WHERE operation_id IS NOT NULL
            """,
            """
            CREATE INDEX journal_row_shop_handover ON pos_shared.journal_row (shop, handover_id)
            WHERE handover_id IS NOT NULL
            """,
            """
            CREATE INDEX journal_row_shop_reverses
            ON pos_shared.journal_row (shop, reverses_operation_id)
            WHERE reverses_operation_id IS NOT NULL
            """,
            # Append-only for everyone, the owner included: no grant can allow a change.
            """
            CREATE FUNCTION pos_shared.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'journal rows are append-only: % refused', TG_OP;
            END $$
            """,
            """
            CREATE TRIGGER journal_row_no_change BEFORE UPDATE OR DELETE
            ON pos_shared.journal_row FOR EACH ROW EXECUTE FUNCTION pos_shared.refuse_change()
            """,
            """
            CREATE TRIGGER journal_row_no_truncate BEFORE TRUNCATE
            ON pos_shared.journal_row FOR EACH STATEMENT
            EXECUTE FUNCTION pos_shared.refuse_change()
            """,
            # As in the local journal: a row extends its chain or is refused, so the chains
            # here have no gaps or forks whoever writes. The first row's hash names it.
            f"""
            CREATE FUNCTION pos_shared.check_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                previous text;
            BEGIN
                IF NEW.seq = 1 THEN
                    previous := CASE WHEN NEW.hash = NEW.chain_id THEN '{GENESIS_HASH}' END;
                ELSE
                    SELECT hash INTO previous FROM pos_shared.journal_row
                    WHERE shop = NEW.shop AND chain_id = NEW.chain_id AND seq = NEW.seq - 1;
                END IF;
                IF previous IS DISTINCT FROM NEW.prev_hash THEN
                    RAISE EXCEPTION 'journal row % of chain % does not extend the chain',
                        NEW.seq, NEW.chain_id;
                END IF;
                RETURN NEW;
            END $$
            """,
            """
            CREATE TRIGGER journal_row_chain_link BEFORE INSERT ON pos_shared.journal_row
            FOR EACH ROW EXECUTE FUNCTION pos_shared.check_chain_link()
            """,
            # Row-level security: a counter's login reads and adds its own shop's rows only;
            # a head-office login reads every shop's. The grants are in roles.sql.
            "ALTER TABLE pos_shared.journal_row ENABLE ROW LEVEL SECURITY",
            """
            CREATE POLICY shop_reads ON pos_shared.journal_row FOR SELECT
            USING (shop = pos_shared.login_shop() OR pos_shared.login_is_head_office())
            """,
            """
            CREATE POLICY shop_adds ON pos_shared.journal_row FOR INSERT
            WITH CHECK (shop = pos_shared.login_shop())
            """,
        ),
    ),
    Migration(
        2,
        "the reward's cost price on a collect (format 7 of the local journal)",
        (
            # As the counter wrote it (decimal text); the reports sum it as numeric.
            "ALTER TABLE pos_shared.journal_row ADD COLUMN cost_price text",
        ),
    ),
    Migration(
        3,
        "claims: the reward claimed and its points (format 8 of the local journal)",
        (
            "ALTER TABLE pos_shared.journal_row ADD COLUMN reward_uuid text",
            "ALTER TABLE pos_shared.journal_row ADD COLUMN points text",
        ),
    ),
)
check_numbering(MIGRATIONS)

SCHEMA_VERSION = len(MIGRATIONS)

Connection = psycopg.AsyncConnection[Any]


async def schema_version(conn: Connection) -> int:
    """The newest version applied (0: the database is not set up)."""
    cursor = await conn.execute("SELECT to_regclass('pos_shared.schema_migration') IS NOT NULL")
    exists = await cursor.fetchone()
    if not exists or not exists[0]:
        return 0
    cursor = await conn.execute("SELECT coalesce(max(version), 0) FROM pos_shared.schema_migration")
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


def _too_new(found: int) -> SharedJournalVersionError:
    return SharedJournalVersionError(
        f"The shared journal was set up by a newer version of the app (format {found}; this "
        f"version knows up to {SCHEMA_VERSION}). Update the app on this counter; nothing "
        "was written to the shared journal.",
        found=found,
        supported=SCHEMA_VERSION,
    )


async def migrate(conn: Connection) -> int:
    """Apply the missing steps (as the database's owner); returns the version after it."""
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        await conn.execute("CREATE SCHEMA IF NOT EXISTS pos_shared")
        await conn.execute(
            """
            CREATE TABLE IF NOT EXISTS pos_shared.schema_migration (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """
        )
        version = await schema_version(conn)
        if version > SCHEMA_VERSION:
            raise _too_new(version)
        for step in MIGRATIONS[version:]:
            log.info("Shared journal: migrating to format %d (%s)", step.version, step.description)
            for statement in step.statements:
                await conn.execute(statement.encode())
            await conn.execute(
                "INSERT INTO pos_shared.schema_migration (version, description) VALUES (%s, %s)",
                (step.version, step.description),
            )
            version = step.version
    return version


async def check_schema(conn: Connection) -> None:
    """Refuse a database this version of the app cannot write to, in plain words."""
    version = await schema_version(conn)
    if version > SCHEMA_VERSION:
        raise _too_new(version)
    if version == 0:
        raise SharedJournalSchemaError(
            "The shared journal's database is not set up: its owner has to create the "
            'tables first (see the README, "One counter or many").'
        )
    if version < SCHEMA_VERSION:
        raise SharedJournalSchemaError(
            f"The shared journal's database is at format {version}; this version of the app "
            f"needs format {SCHEMA_VERSION}. Its owner has to migrate it first."
        )
