"""The local journal: the crash-safe audit log and outbox of every collect and reverse.

An append-only, hash-chained SQLite file in the data folder. Every collect or reverse is
written ``pending`` before its request is sent and gets a new row for each change of state,
so nothing is lost (a crash leaves a pending operation to reconcile) or doubled (a reward
whose collect has no outcome yet cannot be collected again). See
:mod:`pos_app.storage.journal` for the workflow and :mod:`pos_app.storage.model` for what is
never stored (emails, login links or codes, verification codes, PINs).
"""

from pos_app.storage.async_journal import AsyncJournal
from pos_app.storage.chain import GENESIS_HASH, ChainProblem, VerifyResult
from pos_app.storage.errors import (
    AlreadyRefundedError,
    AlreadyReversedError,
    DataFolderNotWritableError,
    InvalidTransitionError,
    JournalClosedError,
    JournalDamagedError,
    JournalError,
    JournalFormatError,
    JournalReadOnlyError,
    JournalStorageError,
    JournalVersionError,
    NotReversibleError,
    OperationInProgressError,
    OperationLeasedError,
    UnknownOperationError,
)
from pos_app.storage.export import CSV_COLUMNS, export_csv, export_table_csv, verify_csv
from pos_app.storage.health import (
    JOURNAL_CHECK_ACKNOWLEDGED,
    HealthProblem,
    JournalHead,
    JournalHealth,
    check_health,
    head_file_path,
)
from pos_app.storage.journal import Journal
from pos_app.storage.model import (
    CLAIM,
    COLLECT,
    COLUMNS,
    OS_USER_PREFIX,
    PIN_LOCKOUT,
    RECONCILIATION,
    REFUND,
    REVERSE,
    SHELF_CLEARED,
    SHELF_READY,
    STAFF_LIST_RESET,
    Entry,
    Operation,
    OpState,
    ReverseReason,
    StaffRef,
)
from pos_app.storage.reference import parse_reference, pickup_reference
from pos_app.storage.schema import SCHEMA_VERSION

__all__ = [
    "CLAIM",
    "COLLECT",
    "COLUMNS",
    "CSV_COLUMNS",
    "GENESIS_HASH",
    "JOURNAL_CHECK_ACKNOWLEDGED",
    "OS_USER_PREFIX",
    "PIN_LOCKOUT",
    "RECONCILIATION",
    "REFUND",
    "REVERSE",
    "SCHEMA_VERSION",
    "SHELF_CLEARED",
    "SHELF_READY",
    "STAFF_LIST_RESET",
    "AlreadyRefundedError",
    "AlreadyReversedError",
    "AsyncJournal",
    "ChainProblem",
    "DataFolderNotWritableError",
    "Entry",
    "HealthProblem",
    "InvalidTransitionError",
    "Journal",
    "JournalClosedError",
    "JournalDamagedError",
    "JournalError",
    "JournalFormatError",
    "JournalHead",
    "JournalHealth",
    "JournalReadOnlyError",
    "JournalStorageError",
    "JournalVersionError",
    "NotReversibleError",
    "OpState",
    "Operation",
    "OperationInProgressError",
    "OperationLeasedError",
    "ReverseReason",
    "StaffRef",
    "UnknownOperationError",
    "VerifyResult",
    "check_health",
    "export_csv",
    "export_table_csv",
    "head_file_path",
    "parse_reference",
    "pickup_reference",
    "verify_csv",
]
