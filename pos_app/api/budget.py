"""One time budget per user action, across every request and retry of that action.

A cashier waits for a lookup as a whole (find the card, fetch the contact, list the
rewards), not for each request. The service around an action opens a budget::

    with time_budget(LOOKUP_BUDGET):
        customer = await piggy.get_contact(uuid)
        items = await piggy.list_collectable_rewards(uuid)

and the transport of every client honours it: no retry is made that cannot finish within
what is left, and each attempt's timeout is clipped to it. A budget lives in a
:class:`~contextvars.ContextVar`, so it follows the action into the tasks it starts
(``asyncio.gather``, ``create_task``) and never leaks into another action. Budgets nest:
an inner one never outlasts the one around it.

Without a budget a request gets the transport's own (``RetryPolicy.request_budget``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

__all__ = ["Deadline", "current_deadline", "time_budget"]


@dataclass(frozen=True)
class Deadline:
    """A point in time on ``clock`` (monotonic seconds) by which an action must be done."""

    at: float
    clock: Callable[[], float] = time.monotonic

    def remaining(self) -> float:
        """Seconds left, never negative."""
        return max(0.0, self.at - self.clock())


_CURRENT: ContextVar[Deadline | None] = ContextVar("pos_app_api_deadline", default=None)


def current_deadline() -> Deadline | None:
    """The deadline of the action this code runs in, if one was set."""
    return _CURRENT.get()


@contextmanager
def time_budget(
    seconds: float, *, clock: Callable[[], float] = time.monotonic
) -> Iterator[Deadline]:
    """Run the block's requests within ``seconds`` (or the tighter budget around it)."""
    if seconds <= 0:
        raise ValueError("a time budget must be > 0 seconds")
    deadline = Deadline(clock() + seconds, clock)
    outer = _CURRENT.get()
    if outer is not None and outer.remaining() <= deadline.remaining():
        deadline = outer
    token = _CURRENT.set(deadline)
    try:
        yield deadline
    finally:
        _CURRENT.reset(token)
