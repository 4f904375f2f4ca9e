"""Pickups of the whole shop: found, listed and reversed at any of its counters.

With a shared journal (:mod:`pos_app.services.shared_journal`), a slip code or pickup
reference from another counter of the shop is found there, and Recent pickups lists every
counter's. This counter's own journal is always asked first and stays the only place a
reversal is written: a reversal of another counter's pickup is written here, ``pending``
before its request as every reversal, and reaches the shared journal like any other row.
Without a shared journal, or while it cannot be reached, everything works from this
counter's journal alone, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, TypeVar

from pos_app.storage import (
    CLAIM,
    COLLECT,
    AsyncJournal,
    Journal,
    Operation,
    parse_reference,
)

if TYPE_CHECKING:
    from pos_app.services.shared_journal import SharedJournal

__all__ = ["ShopJournalUnreachableError", "ShopPickups"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class ShopJournalUnreachableError(Exception):
    """The shop's shared journal could not be asked; only this counter's pickups are known.

    The message says why, for the log (never a password).
    """


def _day_range(day: date, tz: tzinfo | None) -> tuple[datetime, datetime]:
    def start(of: date) -> datetime:
        moment = datetime.combine(of, time())
        return moment.replace(tzinfo=tz) if tz is not None else moment.astimezone()

    return start(day), start(day + timedelta(days=1))


class ShopPickups:
    """This counter's journal, and the shop's shared journal when there is one."""

    def __init__(self, journal: AsyncJournal, shared: SharedJournal | None = None) -> None:
        self.journal = journal
        self.shared = shared
        self._unreachable = False

    @property
    def shop_wide(self) -> bool:
        """Whether other counters' pickups can be seen here."""
        return self.shared is not None

    async def _ask(self, question: Awaitable[T]) -> T:
        from pos_app.storage.shared import SharedJournalError

        try:
            answer = await question
        except SharedJournalError as exc:
            # Logged once per outage: Recent pickups asks every few seconds.
            if not self._unreachable:
                log.warning("The shared journal cannot be asked: %s", exc)
            self._unreachable = True
            raise ShopJournalUnreachableError(str(exc)) from None
        if self._unreachable:
            log.info("The shared journal answers again")
        self._unreachable = False
        return answer

    async def _as_known(self, found: list[Operation]) -> list[Operation]:
        return await self.journal.run(
            lambda journal: [journal.collect_as_known(op) for op in found]
        )

    async def find(self, reference: str) -> Operation | None:
        """The collect a slip code or pickup reference names, here or at another counter.

        A slip code names its hand-over's first collect. Raises
        :class:`ShopJournalUnreachableError` when this counter has no such pickup and the
        shared journal cannot be asked.
        """
        found = await self.find_all(reference)
        return found[0] if found else None

    async def find_all(self, reference: str) -> list[Operation]:
        """Every collect the reference names at any counter (a slip: its whole hand-over).

        The reference's own collect comes first, then the others, oldest first; each as
        the shop knows it (reversed at another counter, say) when it can be asked.
        """
        canonical = parse_reference(reference)

        def named_first(found: list[Operation]) -> list[Operation]:
            ordered = sorted(found, key=lambda op: op.created_at)
            return sorted(ordered, key=lambda op: op.reference != canonical)

        local = await self.journal.call(Journal.find_by_reference, reference)
        own = (
            await self.journal.call(Journal.hand_over, local.operation_id)
            if local is not None
            else []
        )
        if self.shared is None:
            return named_first(own)
        try:
            shared = await self._ask(self.shared.find_by_reference(reference))
        except ShopJournalUnreachableError:
            if own:
                return named_first(own)  # this counter's own pickup, as it knows it
            raise
        found = {op.operation_id: op for op in own}
        found.update((op.operation_id, op) for op in await self._as_known(shared))
        return named_first(list(found.values()))

    async def current(self, collect: Operation) -> Operation:
        """``collect`` as it is now, before it is reversed: reversed meanwhile at any counter?

        While the shared journal cannot be asked, as this counter knows it (for another
        counter's pickup: as it was shown, with this counter's own reversal of it): the
        server's answer to the reversal then decides.
        """
        if self.shared is not None and collect.reference is not None:
            try:
                found = await self._ask(self.shared.find_by_reference(collect.reference))
            except ShopJournalUnreachableError:
                found = []
            collect = next((op for op in found if op.operation_id == collect.operation_id), collect)
        return await self.journal.call(Journal.collect_as_known, collect)

    async def recent(
        self,
        *,
        day: date | None = None,
        text: str | None = None,
        counter: str | None = None,
        customer_uuid: str | None = None,
        limit: int = 200,
        tz: tzinfo | None = None,
    ) -> list[Operation]:
        """Pickups newest first: the shop's when shared, else this counter's.

        Raises :class:`ShopJournalUnreachableError` when the shop's cannot be read (the
        caller may then show this counter's with :meth:`local_recent`).
        """
        if self.shared is None:
            return await self.local_recent(day=day, text=text, customer_uuid=customer_uuid)
        since, until = _day_range(day, tz) if day is not None else (None, None)
        found = await self._ask(
            self.shared.recent_collects(
                since=since,
                until=until,
                counter=counter,
                text=text,
                customer_uuid=customer_uuid,
                limit=limit,
            )
        )
        # This counter's own pickups, and its reversals not copied yet, as it knows them.
        return await self._as_known(found)

    async def local_recent(
        self,
        *,
        day: date | None = None,
        text: str | None = None,
        customer_uuid: str | None = None,
        limit: int = 200,
        tz: tzinfo | None = None,
    ) -> list[Operation]:
        """This counter's own pickups and claims, newest first."""
        return await self.journal.call(
            Journal.recent_operations,
            day=day,
            text=text,
            customer_uuid=customer_uuid,
            kinds=(COLLECT, CLAIM),
            limit=limit,
            tz=tz,
        )

    async def counters(self) -> list[str]:
        """The shop's counters (shared), or none; raises when they cannot be read."""
        if self.shared is None:
            return []
        return await self._ask(self.shared.counters())
