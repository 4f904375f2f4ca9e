"""The To prepare page's "ready on the shelf" marks on the customer's pickup list.

When a customer's rewards are on screen, the marks of those rewards are read (the shop's
from the shared journal when there is one, else this counter's) and shown on their rows.
Asked again when the list changes and when the counter comes back to the customer.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from pos_app.services import counter_events as events
from pos_app.services.counter import CounterSession
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.to_prepare import ToPrepareService
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.rewards import RewardListModel

__all__ = ["SHELF_MARKS", "ShelfMarksOnList"]

log = logging.getLogger(__name__)

#: Task key of reading the marks: the next customer's read replaces the last one's.
SHELF_MARKS = "shelf-marks"
#: Marks older than the rewards' claims are not looked for beyond this.
_LOOK_BACK = timedelta(days=366)


class ShelfMarksOnList:
    """Reads the marks of the rewards on screen and hands them to the list's model."""

    def __init__(
        self,
        counter: CounterSession,
        model: RewardListModel,
        service: ToPrepareService | None,
        tasks: TaskOwner,
    ) -> None:
        self._counter = counter
        self._model = model
        self._service = service
        self._tasks = tasks
        if service is not None:
            counter.add_listener(self._on_event)

    def _on_event(self, event: events.CounterEvent) -> None:
        if isinstance(event, events.RewardsShown):
            self.refresh()

    def refresh(self) -> None:
        """Read the marks of the rewards on screen again (a customer's page came back)."""
        customer = self._counter.customer
        if self._service is None or customer is None:
            return
        self._tasks.op(self._read(customer), key=SHELF_MARKS).failure(self._failed).run()

    async def _read(self, customer: CustomerSummary) -> None:
        assert self._service is not None
        items = self._model.items()
        if not items:
            return
        claimed = [item.claimed_at for item in items if item.claimed_at is not None]
        since = min(claimed) - timedelta(days=1) if claimed else self._model.now - _LOOK_BACK
        marks, _shop_wide, _unreachable = await self._service.marks_for(
            [item.loyalty_transaction_uuid for item in items], since=since
        )
        if self._counter.customer is customer:
            self._model.set_shelf_marks(marks)

    def _failed(self, exc: BaseException) -> None:
        # The list works without its marks: the cashier still hands over.
        log.warning("Shelf marks not read: %s", type(exc).__name__)
