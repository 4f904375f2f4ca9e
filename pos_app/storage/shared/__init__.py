"""The shared journal: every counter's journal rows in one PostgreSQL database.

Each counter keeps writing its local SQLite journal first (:mod:`pos_app.storage`); a
copier (:mod:`.copier`) copies its rows here in the background, in order and idempotently,
so that a shop's or a chain's rows can be found, verified and reported on in one place.
Nothing here is used unless a connection URL is set: importing this package loads psycopg,
which the services (:mod:`pos_app.services.shared_journal`) do only then.

See :mod:`.schema` for the tables, keys and indexes, and ``roles.sql`` beside this module
for the counters' and head office's rights.
"""

from pos_app.storage.shared.errors import (
    SharedJournalError,
    SharedJournalRefusedError,
    SharedJournalSchemaError,
    SharedJournalUnavailableError,
    SharedJournalVersionError,
)
from pos_app.storage.shared.rows import chain_id_of
from pos_app.storage.shared.schema import SCHEMA_VERSION, check_schema, migrate, schema_version
from pos_app.storage.shared.store import (
    CopyConflict,
    InsertResult,
    chain_head,
    find_by_reference,
    insert_rows,
    recent_collects,
    shelf_marks,
    shop_counters,
    stored_rows,
    verify_chain,
)

__all__ = [
    "SCHEMA_VERSION",
    "CopyConflict",
    "InsertResult",
    "SharedJournalError",
    "SharedJournalRefusedError",
    "SharedJournalSchemaError",
    "SharedJournalUnavailableError",
    "SharedJournalVersionError",
    "chain_head",
    "chain_id_of",
    "check_schema",
    "find_by_reference",
    "insert_rows",
    "migrate",
    "recent_collects",
    "schema_version",
    "shelf_marks",
    "shop_counters",
    "stored_rows",
    "verify_chain",
]
