"""What the counter session tells its views, each event naming the customer it belongs to.

:class:`HandOverReport` is what a hand-over returns: the results for the customer it was
made for, and whether that customer is still the one at the counter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pos_app.services.pickup import (
    CollectOutcome,
    CollectResult,
)
from pos_app.services.pickup_models import CustomerSummary, PickupItem, PickupList
from pos_app.storage import (
    Operation,
    StaffRef,
)


@dataclass(frozen=True)
class CustomerCleared:
    """Nobody is at the counter any more: nothing of the last customer may stay on screen."""


@dataclass(frozen=True)
class CustomerFound:
    """``customer`` is identified; their rewards are being asked for."""

    customer: CustomerSummary


@dataclass(frozen=True)
class RewardsShown:
    """The rewards ``customer`` can pick up, in pickup order, as of ``rewards.now``.

    ``rewards`` comes grouped and counted, ready for the list on screen.
    ``first``: the first list after the customer was found (a refresh is not).
    """

    customer: CustomerSummary
    rewards: PickupList
    first: bool = True

    @property
    def items(self) -> list[PickupItem]:
        return list(self.rewards.items)

    @property
    def now(self) -> datetime:
        return self.rewards.now


@dataclass(frozen=True)
class CodeSent:
    """A login code went to the customer's email; ``masked``: that email, safe to show."""

    masked: str


@dataclass(frozen=True)
class ItemsSending:
    """A hand-over of ``items`` for ``customer`` is being sent."""

    customer: CustomerSummary
    items: list[PickupItem]


@dataclass(frozen=True)
class ItemHandled:
    """One item of a hand-over has its outcome."""

    customer: CustomerSummary
    result: CollectResult

    @property
    def gone(self) -> bool:
        """Whether the item left the customer's list (handed over, here or elsewhere)."""
        return self.result.outcome in (
            CollectOutcome.COLLECTED,
            CollectOutcome.ALREADY_COLLECTED,
        )


@dataclass(frozen=True)
class HandOverReport:
    """What came of one hand-over, for the customer it was made for.

    ``current``: that customer is still the one at the counter; ``replaced``: another
    customer is (a wiped screen has neither).
    """

    customer: CustomerSummary
    results: list[CollectResult]
    current: bool
    replaced: bool
    #: Who handed it over (None: nobody signed in), and when the answers were in.
    staff: StaffRef | None = None
    finished_at: datetime | None = None

    @property
    def done(self) -> list[CollectResult]:
        return [r for r in self.results if r.outcome is CollectOutcome.COLLECTED]

    @property
    def problems(self) -> list[CollectResult]:
        return [r for r in self.results if r.outcome is not CollectOutcome.COLLECTED]

    @property
    def not_recorded(self) -> bool:
        """The journal could not record some of it (the disk is full, or worse)."""
        return any(r.not_recorded for r in self.results)

    @property
    def handed_over(self) -> list[Operation]:
        """The journal rows of what was handed over now: what a slip lists."""
        return [
            r.operation
            for r in self.results
            if r.outcome is CollectOutcome.COLLECTED and r.operation is not None
        ]


@dataclass(frozen=True)
class BalanceChanged:
    """``customer``'s points, read again after they spent some (a claim)."""

    customer: CustomerSummary
    points: int


CounterEvent = (
    CustomerCleared
    | CustomerFound
    | RewardsShown
    | CodeSent
    | ItemsSending
    | ItemHandled
    | BalanceChanged
)
Listener = Callable[[CounterEvent], None]
