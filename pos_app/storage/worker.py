"""An object that lives on a worker thread of its own, used from the event loop.

The journal and the staff list each keep an SQLite connection, which belongs to the thread
that made it, and their writes end in an fsync (the staff list's PIN checks in scrypt) that
the GUI thread must not wait for. :class:`OnWorkerThread` keeps such an object on one
dedicated worker thread (it is made, used and closed there) and runs its methods there as
coroutines through one typed :meth:`~OnWorkerThread.call`, so they are declared once, on
the object itself. One worker means calls run one after another in the order they were
made.

Cancelling an ``await`` does not cancel the call: what is being written is still written.
"""

from __future__ import annotations

import asyncio
import functools
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Concatenate, Generic, ParamSpec, Protocol, TypeVar

__all__ = ["OnWorkerThread", "start_on_worker"]


class _Closable(Protocol):
    def close(self) -> None: ...


R = TypeVar("R", bound=_Closable)
P = ParamSpec("P")
T = TypeVar("T")


async def start_on_worker(
    opener: Callable[[], R], *, thread_name: str
) -> tuple[R, ThreadPoolExecutor]:
    """Make ``opener()``'s object on a new worker thread; the thread stops if that fails."""
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
    try:
        made = await asyncio.get_running_loop().run_in_executor(executor, opener)
    except BaseException:
        executor.shutdown(wait=False)
        raise
    return made, executor


class OnWorkerThread(ABC, Generic[R]):
    """An ``R`` on its own worker thread, used through :meth:`call`.

    Always finish with :meth:`aclose`, which runs after every call already made, closes
    the object on the worker thread and stops the thread.
    """

    def __init__(self, resource: R, executor: ThreadPoolExecutor) -> None:
        """``resource`` must have been made on ``executor``'s thread (:func:`start_on_worker`)."""
        self._resource = resource
        self._executor = executor
        self._closed = False

    @abstractmethod
    def _closed_error(self) -> Exception:
        """What a call after :meth:`aclose` raises."""

    @property
    def closed(self) -> bool:
        return self._closed

    async def call(
        self, method: Callable[Concatenate[R, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run ``method(resource, *args, **kwargs)`` on the worker thread; returns its result.

        ``method`` is normally a method taken from the resource's class, so mypy checks the
        arguments against its own signature, e.g.
        ``await journal.call(Journal.find_by_reference, reference)``. Any function taking
        the resource first does too.
        """
        if self._closed:
            raise self._closed_error()
        work = functools.partial(method, self._resource, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    async def aclose(self) -> None:
        """Close the resource on its thread and stop the thread. Idempotent."""
        if self._closed:
            return
        self._closed = True
        try:
            await asyncio.get_running_loop().run_in_executor(self._executor, self._resource.close)
        finally:
            # The worker is idle once close() ran, so joining it does not hold up the loop.
            self._executor.shutdown(wait=True)
