"""Errors raised by the journal.

The services match them by type. The tree::

    JournalError
    ├── JournalFormatError          the file is not a journal this app can read
    │   └── JournalVersionError     written by a newer version of the app
    ├── JournalStorageError         SQLite could not read or write (disk full, locked, I/O)
    │   ├── JournalReadOnlyError    a write on a journal opened for reading only
    │   ├── DataFolderNotWritableError  this user may not write the data folder or file
    │   └── JournalDamagedError     SQLite's integrity check found the file damaged
    ├── JournalClosedError          used after close()/aclose()
    ├── UnknownOperationError       no operation with that id
    ├── InvalidTransitionError      e.g. confirming an operation that already failed
    ├── OperationInProgressError    the same reward is already being collected/reversed
    └── NotReversibleError          reverse of something that is not a confirmed collect
        ├── AlreadyReversedError
        └── AlreadyRefundedError    the points of that collect were given back already
"""

from __future__ import annotations

__all__ = [
    "AlreadyRefundedError",
    "AlreadyReversedError",
    "DataFolderNotWritableError",
    "InvalidTransitionError",
    "JournalClosedError",
    "JournalDamagedError",
    "JournalError",
    "JournalFormatError",
    "JournalReadOnlyError",
    "JournalStorageError",
    "JournalVersionError",
    "NotReversibleError",
    "OperationInProgressError",
    "OperationLeasedError",
    "UnknownOperationError",
]


class JournalError(Exception):
    """Root of every error the journal raises; the message is fit for a person."""


class JournalFormatError(JournalError):
    """The file exists but is not a journal this version of the app can use."""


class JournalVersionError(JournalFormatError):
    """The journal was written by a newer version of the app; it was left untouched."""

    def __init__(self, message: str, *, found: int, supported: int) -> None:
        super().__init__(message)
        self.found = found
        self.supported = supported


class JournalStorageError(JournalError):
    """SQLite failed to read or write. Nothing was recorded by the failing call."""


class JournalReadOnlyError(JournalStorageError):
    """A write was attempted on a journal opened with :meth:`Journal.open_read_only`."""


class DataFolderNotWritableError(JournalStorageError):
    """The data folder or the journal file may not be written by this user account."""


class JournalDamagedError(JournalStorageError):
    """SQLite's integrity check found the journal file damaged (see :mod:`.health`)."""


class JournalClosedError(JournalError):
    """The journal was already closed."""


class UnknownOperationError(JournalError, LookupError):
    """No operation with the given id is in the journal."""

    def __init__(self, operation_id: str) -> None:
        super().__init__(f"No operation {operation_id} in the journal.")
        self.operation_id = operation_id


class InvalidTransitionError(JournalError):
    """The operation's current state does not allow the requested change."""

    def __init__(self, operation_id: str, current: str, wanted: str) -> None:
        super().__init__(
            f"Operation {operation_id} is {current}; it cannot become {wanted}. "
            "Only a pending operation gets an outcome, and only a pending or unknown one "
            "can be resolved."
        )
        self.operation_id = operation_id
        self.current = current
        self.wanted = wanted


class OperationInProgressError(JournalError):
    """Another collect/reverse of the same reward has no known outcome yet.

    Sending a second request could hand the reward over twice; the earlier operation has to
    be reconciled first.
    """

    def __init__(self, message: str, *, operation_id: str) -> None:
        super().__init__(message)
        self.operation_id = operation_id


class OperationLeasedError(JournalError):
    """The operation is being sent right now by another window (it holds the lease)."""

    def __init__(self, message: str, *, operation_id: str, owner: str) -> None:
        super().__init__(message)
        self.operation_id = operation_id
        self.owner = owner


class NotReversibleError(JournalError):
    """The operation to reverse is not a confirmed collect (or lacks a redemption uuid)."""


class AlreadyReversedError(NotReversibleError):
    """The collect was already reversed; ``reverse_operation_id`` is the reversal."""

    def __init__(self, message: str, *, reverse_operation_id: str) -> None:
        super().__init__(message)
        self.reverse_operation_id = reverse_operation_id


class AlreadyRefundedError(NotReversibleError):
    """The points of the collect were refunded already; ``refund_operation_id`` is that
    refund."""

    def __init__(self, message: str, *, refund_operation_id: str) -> None:
        super().__init__(message)
        self.refund_operation_id = refund_operation_id
