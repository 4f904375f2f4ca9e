"""The journal steps every journaled request to Piggy takes: collect, reverse, claim, refund.

Each is written ``pending`` with a lease before it leaves and marked from the server's
answer; no answer marks it ``unknown``, and an answer the journal cannot take yet (disk
full) is owed and written later. What is sent and how an unknown outcome is settled differ
from desk to desk (:mod:`pos_app.services.pickup`, :mod:`~pos_app.services.claim`,
:mod:`~pos_app.services.refund`); these steps are the same for all, so they are kept once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pos_app.api import errors
from pos_app.clock import utc_now
from pos_app.storage import (
    AsyncJournal,
    InvalidTransitionError,
    Journal,
    JournalError,
    Operation,
    OperationLeasedError,
    OpState,
)

if TYPE_CHECKING:
    from pos_app.api import PiggyClient

__all__ = [
    "DEFAULT_SETTLE_GRACE",
    "LEASE_MARGIN",
    "JournaledDesk",
    "Owed",
    "mark_unknown",
    "refusal_code",
    "resolve_unless_taken",
    "write_owed",
]

log = logging.getLogger(__name__)

#: How long after a collect or reverse was sent "the reward is still in the list" may still
#: be an answer on its way (a slow server applies it later): only after this is it read as
#: "it did not happen". Piggy's web servers give up on a request well within it.
DEFAULT_SETTLE_GRACE = timedelta(minutes=2)
#: Added to the client's time budget for the lease of a row being sent.
LEASE_MARGIN = timedelta(seconds=15)


@dataclass(frozen=True)
class Owed:
    """A server answer the journal could not take yet (disk full): written later."""

    state: OpState
    redemption_uuid: str | None = None
    code: str | int | None = None
    message: str = ""


class JournaledDesk:
    """A desk that sends journaled requests with its own lease and grace period.

    ``settle_grace`` is how long an unanswered request may still be on its way;
    ``lease`` how long a row being sent is kept from everyone else (by default what the
    client's timeout allows for connect, send and the wait for the answer, plus a margin).
    """

    def __init__(
        self,
        piggy: PiggyClient,
        journal: AsyncJournal,
        *,
        clock: Callable[[], datetime] = utc_now,
        settle_grace: timedelta = DEFAULT_SETTLE_GRACE,
        lease: timedelta | None = None,
    ) -> None:
        self._piggy = piggy
        self._journal = journal
        self._clock = clock
        self._grace = settle_grace
        # connect, send and the wait for the answer may each take the client's timeout.
        self._lease = (
            lease if lease is not None else 3 * timedelta(seconds=piggy.timeout) + LEASE_MARGIN
        )

    def _grace_over(self, operation: Operation) -> bool:
        return self._clock() >= operation.created_at + self._grace


def refusal_code(exc: errors.ApiError) -> str | int | None:
    """The code a refusal is journaled with: Piggy's own, else the HTTP status."""
    return exc.code if isinstance(exc, errors.PiggyError) else exc.status_code


async def mark_unknown(
    journal: AsyncJournal, operation: Operation, exc: errors.ApiError
) -> Operation:
    """Journal that ``operation`` got no answer; the row as it stands after."""
    try:
        return await journal.call(
            Journal.mark_unknown, operation.operation_id, detail=f"{type(exc).__name__}: {exc}"
        )
    except InvalidTransitionError:
        # Reconciliation elsewhere settled it meanwhile (a lease that ran out).
        return await journal.call(Journal.operation, operation.operation_id)
    except JournalError as journal_error:
        # The row stays pending: reconciliation settles it once the lease has run out.
        log.error("The journal cannot record an unknown %s: %s", operation.kind, journal_error)
        return operation


async def write_owed(journal: AsyncJournal, owed: dict[str, Owed]) -> None:
    """Write the answers the journal could not take earlier, taking them out of ``owed``;
    stops at the first the journal still cannot take."""
    for operation_id, answer in list(owed.items()):
        try:
            if answer.state is OpState.CONFIRMED:
                await journal.call(
                    Journal.confirm, operation_id, redemption_uuid=answer.redemption_uuid
                )
            else:
                await journal.call(
                    Journal.fail, operation_id, code=answer.code, message=answer.message
                )
        except InvalidTransitionError:
            pass  # settled meanwhile by the server's own word (another window)
        except JournalError as exc:
            log.error("The journal still cannot record a server's answer: %s", exc)
            return
        del owed[operation_id]


async def resolve_unless_taken(
    journal: AsyncJournal,
    operation: Operation,
    state: OpState,
    note: str,
    *,
    loyalty_transaction_uuid: str | None = None,
) -> Operation | None:
    """Settle ``operation`` as ``state``; None when someone else got there first."""
    try:
        return await journal.call(
            Journal.resolve,
            operation.operation_id,
            state=state,
            note=note,
            loyalty_transaction_uuid=loyalty_transaction_uuid,
        )
    except (OperationLeasedError, InvalidTransitionError):
        # Its sender, or another window's reconciliation, got there first.
        return None
