"""The shop's "To prepare" list: rewards claimed for pickup here that wait to be collected.

Piggy's loyalty transactions of type reward reception for this shop, those not collected
yet (``has_been_collected``), newest first, read page by page to the end (or to
:data:`MAX_PAGES`, said as such). Beside each one, the shop's own note that staff put it
ready on the shelf: a :data:`~pos_app.storage.SHELF_READY` event in the journal, keyed by
the reception's loyalty transaction uuid, which is the uuid the customer's collectable
rewards list shows for the same item. With a shared journal the marks of every counter of
the shop are read from it (this counter's own, not copied yet, from its journal); without
one, or while it cannot be reached, this counter's marks alone.

Customers are named as a pickup slip names them ("Robin V."): from the name the list
carries, else from the contact (asked once per customer and kept while the app runs),
else not at all; never by their email.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from pos_app.api import errors
from pos_app.clock import utc_now
from pos_app.services.pickup_models import CustomerSummary, shown_attributes
from pos_app.services.slips import customer_display_name, mask_customer_uuid
from pos_app.storage import SHELF_CLEARED, SHELF_READY, AsyncJournal, Entry, Journal, StaffRef

if TYPE_CHECKING:
    # The vendors' models load with the first call, not with the window (start-up).
    from pos_app.api.piggy_models import (
        CollectableReward,
        Contact,
        LoyaltyTransaction,
        LoyaltyTransactionsPage,
    )

__all__ = [
    "MAX_PAGES",
    "PAGE_LIMIT",
    "ClaimsSource",
    "PrepareGroup",
    "PrepareItem",
    "PrepareList",
    "ShelfMark",
    "ToPrepareService",
]

log = logging.getLogger(__name__)

#: Receptions asked for per page: Piggy's maximum.
PAGE_LIMIT = 100
#: Pages read at most per refresh (5,000 receptions): a shop with more uncollected claims
#: than that has a problem no list solves, and a minute's refresh must not page for long.
MAX_PAGES = 50
#: Contacts asked for their name per refresh, at most, and side by side: a first refresh
#: of a long list names the newest claims first, the next refreshes the rest.
NAME_LOOKUPS = 40
NAME_LOOKUPS_AT_ONCE = 4
#: Customers whose collectable rewards are read per refresh, at most (newest claims
#: first), to leave out claims that no longer wait although the transactions list still
#: shows them uncollected: a reception whose points were given back. The rest are listed
#: as the transactions list has them.
WAITING_CHECKS = 60
#: A mark made this long before the oldest claim listed is not looked for (clocks differ).
_MARK_SLACK = timedelta(days=1)


class ClaimsSource(Protocol):
    """What the list needs of the Piggy client."""

    async def list_loyalty_transactions(
        self,
        *,
        shop_uuid: str | None = None,
        contact_uuid: str | None = None,
        type: str | None = None,
        page: int = 1,
        limit: int = 10,
    ) -> LoyaltyTransactionsPage: ...

    async def get_contact(self, uuid: str) -> Contact: ...

    async def list_collectable_rewards(self, contact_uuid: str) -> list[CollectableReward]: ...


@dataclass(frozen=True)
class ShelfMark:
    """Staff put a claimed reward ready on the shelf: when, who, at which counter."""

    loyalty_transaction_uuid: str
    marked_at: datetime
    staff_name: str | None
    counter: str

    @classmethod
    def from_entry(cls, entry: Entry) -> ShelfMark:
        assert entry.loyalty_transaction_uuid is not None
        return cls(
            loyalty_transaction_uuid=entry.loyalty_transaction_uuid,
            marked_at=entry.recorded_at,
            staff_name=entry.staff_name,
            counter=entry.counter,
        )

    @property
    def by(self) -> str:
        """Who put it there: the staff member, or the counter where nobody signed in."""
        return self.staff_name or self.counter


@dataclass(frozen=True)
class PrepareItem:
    """One reward a customer claimed for pickup at this shop, not collected yet."""

    #: The reception's loyalty transaction: the uuid the customer's collectable rewards
    #: list shows for this item, and the key of its shelf mark.
    loyalty_transaction_uuid: str
    reward_title: str
    #: The reward (catalogue entry); None when Piggy did not say.
    reward_uuid: str | None
    #: The reward's custom attributes that may be shown ("Size M"): they decide which one
    #: to take from the stock room.
    attributes: tuple[tuple[str, str], ...]
    contact_uuid: str | None
    #: The customer as a slip names them ("Robin V."); None when no name is known.
    customer_name: str | None
    claimed_at: datetime | None
    expires_at: datetime | None

    @property
    def customer_label(self) -> str:
        """The name, else the masked contact uuid (never an email)."""
        return self.customer_name or mask_customer_uuid(self.contact_uuid) or "—"

    @property
    def group_key(self) -> tuple[object, ...]:
        return (self.reward_uuid or self.reward_title, self.reward_title, self.attributes)


@dataclass(frozen=True)
class PrepareGroup:
    """The claims of one reward (with the same attributes), newest first."""

    reward_title: str
    attributes: tuple[tuple[str, str], ...]
    items: tuple[PrepareItem, ...]

    @property
    def newest(self) -> datetime | None:
        return self.items[0].claimed_at if self.items else None

    @property
    def soonest_expiry(self) -> datetime | None:
        dates = [item.expires_at for item in self.items if item.expires_at is not None]
        return min(dates) if dates else None


@dataclass(frozen=True)
class PrepareList:
    """The list as read at ``fetched_at``."""

    #: Newest claim first.
    items: tuple[PrepareItem, ...]
    #: Shelf marks by loyalty transaction uuid (only of the items listed).
    marks: Mapping[str, ShelfMark]
    fetched_at: datetime
    #: False when :data:`MAX_PAGES` stopped the reading before Piggy's last page.
    complete: bool = True
    #: Uncollected claims left out because they expired (they can no longer be picked up).
    expired: int = 0
    #: The marks are the whole shop's (the shared journal answered).
    marks_shop_wide: bool = False
    #: A shared journal is set up but could not be asked: this counter's marks only.
    marks_unreachable: bool = False

    def groups(self) -> list[PrepareGroup]:
        """Claims grouped by reward, the group with the newest claim first."""
        grouped: dict[tuple[object, ...], list[PrepareItem]] = {}
        for item in self.items:
            grouped.setdefault(item.group_key, []).append(item)
        return [
            PrepareGroup(found[0].reward_title, found[0].attributes, tuple(found))
            for found in grouped.values()
        ]

    @property
    def ready(self) -> int:
        return sum(1 for item in self.items if item.loyalty_transaction_uuid in self.marks)

    @property
    def waiting(self) -> int:
        """Claims not on the shelf yet."""
        return len(self.items) - self.ready

    def with_marks(
        self, marks: Mapping[str, ShelfMark], *, taken_back: Iterable[str] = ()
    ) -> PrepareList:
        """The same list with these marks added (a newer mark of an item wins) and those of
        ``taken_back`` removed."""
        merged = dict(self.marks)
        for uuid, mark in marks.items():
            if uuid not in merged or merged[uuid].marked_at <= mark.marked_at:
                merged[uuid] = mark
        for uuid in taken_back:
            merged.pop(uuid, None)
        return PrepareList(
            self.items,
            merged,
            self.fetched_at,
            self.complete,
            self.expired,
            self.marks_shop_wide,
            self.marks_unreachable,
        )


def _short_name(first: str | None, last: str | None) -> str | None:
    name = " ".join(part.strip() for part in (first, last) if part and part.strip()) or None
    summary = CustomerSummary(
        uuid="", name=name, email_masked="", tier=None, points=None, attributes={}
    )
    return customer_display_name(summary)


def _claim_of(transaction: LoyaltyTransaction, shop_uuid: str | None) -> PrepareItem | None:
    """A reward reception of this shop, waiting for pickup, as a list item; else None."""
    from pos_app.api.piggy_models import REWARD_RECEPTION_TYPE

    reward = transaction.reward
    # A list asked for reward receptions only; an item that says it is something else
    # (or carries no reward) is no claim to prepare.
    if transaction.type not in (None, REWARD_RECEPTION_TYPE) or reward is None:
        return None
    if transaction.has_been_collected:
        return None
    shop = transaction.shop_uuid
    if shop_uuid is not None and shop is not None and shop != shop_uuid:
        return None
    if (reward.reward_type or "").upper() == "DIGITAL":
        return None  # received online: nothing waits on a shelf
    return PrepareItem(
        loyalty_transaction_uuid=transaction.uuid,
        reward_title=reward.title or "",
        reward_uuid=reward.uuid,
        attributes=shown_attributes(reward.custom_attributes),
        contact_uuid=transaction.contact_uuid,
        # The list's contact carries no name (uuid and email only): named from the contact.
        customer_name=None,
        claimed_at=transaction.created_at,
        expires_at=transaction.expires_at,
    )


@dataclass
class _Names:
    """Customers' short names by contact uuid, asked once while the app runs."""

    known: dict[str, str | None] = field(default_factory=dict)

    def name(self, contact_uuid: str | None) -> str | None:
        return self.known.get(contact_uuid) if contact_uuid else None


class ToPrepareService:
    """Reads the shop's To prepare list and records "ready on the shelf" marks.

    ``shared`` (``shelf_marks(uuids, since=…, taken_back=…)``) is the shop's shared journal
    when set up.
    """

    def __init__(
        self,
        piggy: ClaimsSource,
        journal: AsyncJournal,
        *,
        shop_uuid: str | None,
        shared: Any = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._piggy = piggy
        self._journal = journal
        self._shop_uuid = shop_uuid
        self._shared = shared
        self._clock = clock
        self._names = _Names()
        self._shared_failing = False

    @property
    def shop_wide(self) -> bool:
        return self._shared is not None

    async def load(self) -> PrepareList:
        """The list as Piggy and the journals know it now.

        Raises the API's errors (:class:`~pos_app.api.errors.ApiError`) when Piggy cannot
        be read; a journal that cannot be read raises its own.
        """
        now = self._clock()
        claims, complete = await self._read_claims()
        expired = [c for c in claims if c.expires_at is not None and c.expires_at <= now]
        items = [c for c in claims if c not in expired]
        items.sort(key=lambda c: c.claimed_at.timestamp() if c.claimed_at else 0.0, reverse=True)
        items = await self._still_waiting(items)
        items = await self._named(items)
        marks, shop_wide, unreachable = await self.marks_of(items)
        return PrepareList(
            tuple(items),
            marks,
            now,
            complete=complete,
            expired=len(expired),
            marks_shop_wide=shop_wide,
            marks_unreachable=unreachable,
        )

    async def _read_claims(self) -> tuple[list[PrepareItem], bool]:
        from pos_app.api.piggy_models import REWARD_RECEPTIONS_FILTER

        found: dict[str, PrepareItem] = {}
        for number in range(1, MAX_PAGES + 1):
            page = await self._piggy.list_loyalty_transactions(
                shop_uuid=self._shop_uuid,
                type=REWARD_RECEPTIONS_FILTER,
                page=number,
                limit=PAGE_LIMIT,
            )
            for transaction in page.items:
                claim = _claim_of(transaction, self._shop_uuid)
                # A reception that moved to a later page while paging is listed once.
                if claim is not None:
                    found.setdefault(claim.loyalty_transaction_uuid, claim)
            # Without paging in the answer, a full page may have a next one.
            more = page.has_more or (page.last_page is None and len(page.items) >= PAGE_LIMIT)
            if not page.items or not more:
                return list(found.values()), True
        log.warning("To prepare: stopped after %d pages of receptions", MAX_PAGES)
        return list(found.values()), False

    async def _still_waiting(self, items: list[PrepareItem]) -> list[PrepareItem]:
        """``items`` less those their customer's collectable rewards no longer hold.

        The docs do not say whether a reception whose points were given back stays in the
        transactions list, nor with what ``has_been_collected``; the customer's own list
        of rewards to pick up is what the counter hands over from, so it decides.
        """
        contacts = list(dict.fromkeys(i.contact_uuid for i in items if i.contact_uuid))
        waiting: dict[str, set[str]] = {}
        limit = asyncio.Semaphore(NAME_LOOKUPS_AT_ONCE)

        async def ask(uuid: str) -> None:
            async with limit:
                try:
                    rewards = await self._piggy.list_collectable_rewards(uuid)
                except errors.ApiError as exc:
                    # Listed as the transactions list has them: better one too many.
                    log.info("A customer's rewards were not checked: %s", type(exc).__name__)
                else:
                    waiting[uuid] = {reward.uuid for reward in rewards}

        await asyncio.gather(*(ask(uuid) for uuid in contacts[:WAITING_CHECKS]))
        kept = [
            item
            for item in items
            if item.contact_uuid not in waiting
            or item.loyalty_transaction_uuid in waiting[item.contact_uuid or ""]
        ]
        if len(kept) < len(items):
            log.info("To prepare: %d claims no longer wait for pickup", len(items) - len(kept))
        return kept

    async def _named(self, items: list[PrepareItem]) -> list[PrepareItem]:
        names = self._names
        unknown = list(
            dict.fromkeys(
                item.contact_uuid
                for item in items
                if item.customer_name is None
                and item.contact_uuid
                and item.contact_uuid not in names.known
            )
        )[:NAME_LOOKUPS]
        if unknown:
            limit = asyncio.Semaphore(NAME_LOOKUPS_AT_ONCE)

            async def ask(uuid: str) -> None:
                async with limit:
                    try:
                        contact = await self._piggy.get_contact(uuid)
                    except (errors.NotFoundError, errors.ContactNotFoundError):
                        names.known[uuid] = None
                    except errors.ApiError as exc:
                        # Named at a later refresh: the list does not wait for it.
                        log.info("A customer's name was not asked: %s", type(exc).__name__)
                    else:
                        names.known[uuid] = _short_name(contact.first_name, contact.last_name)

            await asyncio.gather(*(ask(uuid) for uuid in unknown))
        return [
            item
            if item.customer_name is not None
            else _replace_name(item, names.name(item.contact_uuid))
            for item in items
        ]

    async def marks_of(
        self, items: Sequence[PrepareItem]
    ) -> tuple[dict[str, ShelfMark], bool, bool]:
        """The shelf marks of ``items``, whether they are the shop's, whether the shop's
        could not be read."""
        uuids = [item.loyalty_transaction_uuid for item in items]
        claimed = [item.claimed_at for item in items if item.claimed_at is not None]
        since = (min(claimed) if claimed else self._clock() - timedelta(days=365)) - _MARK_SLACK
        return await self.marks_for(uuids, since=since)

    async def marks_for(
        self, loyalty_transaction_uuids: Sequence[str], *, since: datetime
    ) -> tuple[dict[str, ShelfMark], bool, bool]:
        """The shelf marks of these rewards made since ``since``: the shop's when its
        shared journal answers (plus this counter's not copied yet), else this counter's.

        Returns the marks, whether they are the shop's, and whether the shop's journal
        could not be asked.
        """
        if not loyalty_transaction_uuids:
            return {}, self._shared is not None, False
        wanted = list(loyalty_transaction_uuids)
        # Marks and their taking back, from here and from the shop: the latest of each
        # reward decides, whichever journal it is in (this counter's may not be copied yet).
        latest = await self._journal.call(Journal.shelf_marks, wanted, taken_back=True)
        shop_wide = unreachable = False
        if self._shared is not None:
            shared = await self._ask_shared(
                self._shared.shelf_marks(wanted, since=since, taken_back=True)
            )
            shop_wide, unreachable = shared is not None, shared is None
            for uuid, entry in (shared or {}).items():
                if uuid not in latest or latest[uuid].recorded_at <= entry.recorded_at:
                    latest[uuid] = entry
        marks = {
            uuid: ShelfMark.from_entry(entry)
            for uuid, entry in latest.items()
            if entry.kind == SHELF_READY
        }
        return marks, shop_wide, unreachable

    async def _ask_shared(self, question: Awaitable[dict[str, Entry]]) -> dict[str, Entry] | None:
        from pos_app.storage.shared import SharedJournalError

        try:
            answer = await question
        except (SharedJournalError, OSError) as exc:
            if not self._shared_failing:
                log.warning("Shelf marks from this counter's journal only: %s", exc)
            self._shared_failing = True
            return None
        self._shared_failing = False
        return answer

    async def mark_ready(
        self, items: Iterable[PrepareItem], *, staff: StaffRef | None
    ) -> dict[str, ShelfMark]:
        """Journal that ``items`` are ready on the shelf; returns the marks written."""
        return await self._record(SHELF_READY, items, staff)

    async def take_off_shelf(
        self, items: Iterable[PrepareItem], *, staff: StaffRef | None
    ) -> list[str]:
        """Journal that the marks of ``items`` are taken back; their uuids."""
        return list(await self._record(SHELF_CLEARED, items, staff))

    async def _record(
        self, kind: str, items: Iterable[PrepareItem], staff: StaffRef | None
    ) -> dict[str, ShelfMark]:
        written: dict[str, ShelfMark] = {}
        for item in items:
            entry = await self._journal.call(
                Journal.record_event,
                kind,
                staff=staff,
                loyalty_transaction_uuid=item.loyalty_transaction_uuid,
                customer_uuid=item.contact_uuid,
                customer_name=item.customer_name,
                reward_title=item.reward_title,
            )
            written[item.loyalty_transaction_uuid] = ShelfMark.from_entry(entry)
        if written and self._shared is not None:
            self._shared.wake()
        return written


def _replace_name(item: PrepareItem, name: str | None) -> PrepareItem:
    return item if name is None else replace(item, customer_name=name)
