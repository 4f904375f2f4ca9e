"""The To prepare list: Piggy's reward receptions of the shop, paged to the end, named,
grouped, and marked ready on the shelf in the journal."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from pos_app.api import errors
from pos_app.services import to_prepare
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import load_settings
from pos_app.services.shared_journal import SharedJournal
from pos_app.services.to_prepare import ToPrepareService
from pos_app.storage import SHELF_READY, AsyncJournal, Journal, StaffRef
from tests.helpers.claims import FakeClaims, claim
from tests.helpers.postgres import COUNTER_A, COUNTER_A2, TEST_PASSWORD, SharedDatabase
from tests.services.test_shared_journal import wait_until_caught_up

pytestmark = pytest.mark.asyncio

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SHOP = "shop-1"
CASEY = StaffRef("staff-casey", "Casey")


@pytest_asyncio.fixture
async def journal(tmp_path: Path) -> AsyncIterator[AsyncJournal]:
    opened = await AsyncJournal.open(
        tmp_path / "journal.sqlite3", shop_uuid=SHOP, counter="Counter 1"
    )
    try:
        yield opened
    finally:
        await opened.aclose()


def _service(piggy: FakeClaims, journal: AsyncJournal, shared: Any = None) -> ToPrepareService:
    return ToPrepareService(piggy, journal, shop_uuid=SHOP, shared=shared, clock=lambda: NOW)


async def test_the_list_is_the_shops_uncollected_receptions_newest_first(
    journal: AsyncJournal,
) -> None:
    piggy = FakeClaims(
        [
            claim("lt-1", "Shop mug", hours_ago=5, contact="c-robin"),
            claim("lt-2", "Shop mug", hours_ago=1, contact="c-alex"),
            claim("lt-3", "Tote bag", hours_ago=3, contact="c-robin"),
            claim("lt-4", "Shop mug", hours_ago=2, collected=True),
            claim("lt-5", "E-ticket", hours_ago=2, reward_type="DIGITAL"),
            claim("lt-6", "Cap", hours_ago=30, expires_in=timedelta(hours=-1)),
            claim("lt-7", "Cap", hours_ago=1, shop="shop-2"),
        ],
        contacts={"c-robin": ("Robin", "de Vries"), "c-alex": ("Alex", "Peters")},
    )

    prepare = await _service(piggy, journal).load()

    assert [item.loyalty_transaction_uuid for item in prepare.items] == ["lt-2", "lt-3", "lt-1"]
    assert [(g.reward_title, len(g.items)) for g in prepare.groups()] == [
        ("Shop mug", 2),
        ("Tote bag", 1),
    ]
    assert [item.customer_label for item in prepare.groups()[0].items] == ["Alex P.", "Robin V."]
    assert prepare.expired == 1
    assert prepare.complete
    assert piggy.asked[0] == {
        "shop_uuid": SHOP,
        "type": "reward_receptions",
        "page": 1,
        "limit": 100,
    }


async def test_a_claim_whose_points_were_given_back_is_left_out(journal: AsyncJournal) -> None:
    piggy = FakeClaims(
        [
            claim("lt-1", "Shop mug", hours_ago=1, contact="c-robin"),
            claim("lt-2", "Cap", hours_ago=2, contact="c-robin"),
        ],
        given_back={"lt-2"},
    )

    prepare = await _service(piggy, journal).load()

    assert [item.loyalty_transaction_uuid for item in prepare.items] == ["lt-1"]
    assert piggy.rewards_asked == ["c-robin"]


async def test_every_page_is_read_to_the_end(journal: AsyncJournal) -> None:
    piggy = FakeClaims([claim(f"lt-{n}", "Shop mug", hours_ago=n) for n in range(1, 251)])

    prepare = await _service(piggy, journal).load()

    assert len(prepare.items) == 250
    assert [asked["page"] for asked in piggy.asked] == [1, 2, 3]
    assert prepare.complete


async def test_a_list_longer_than_the_cap_says_it_was_cut(
    journal: AsyncJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(to_prepare, "MAX_PAGES", 2)
    piggy = FakeClaims([claim(f"lt-{n}", "Shop mug", hours_ago=n) for n in range(1, 251)])

    prepare = await _service(piggy, journal).load()

    assert len(prepare.items) == 200
    assert not prepare.complete
    assert [asked["page"] for asked in piggy.asked] == [1, 2]


async def test_a_customer_without_a_name_in_the_list_is_named_from_their_contact_once(
    journal: AsyncJournal,
) -> None:
    piggy = FakeClaims(
        [
            claim("lt-1", "Shop mug", hours_ago=1, contact="c-kim"),
            claim("lt-2", "Cap", hours_ago=2, contact="c-kim"),
            claim("lt-3", "Cap", hours_ago=3, contact="contact-gone-0001"),
        ],
        contacts={"c-kim": ("Kim", "Bakker")},
    )
    service = _service(piggy, journal)

    first = await service.load()
    await service.load()

    assert [item.customer_label for item in first.items] == ["Kim B.", "Kim B.", "cont…0001"]
    # Asked once per customer while the app runs, also for one Piggy does not know.
    assert sorted(piggy.contacts_asked) == ["c-kim", "contact-gone-0001"]


async def test_a_name_lookup_that_fails_leaves_the_list_whole(journal: AsyncJournal) -> None:
    piggy = FakeClaims([claim("lt-1", "Shop mug", hours_ago=1, contact="contact-kim-0001")])
    piggy.contact_error = errors.ServerError("down", vendor="piggy", status_code=502)

    prepare = await _service(piggy, journal).load()

    assert [item.customer_label for item in prepare.items] == ["cont…0001"]


async def test_piggy_down_is_raised_for_the_page_to_say(journal: AsyncJournal) -> None:
    piggy = FakeClaims([claim("lt-1", "Shop mug", hours_ago=1)])
    piggy.list_error = errors.MaintenanceError("maintenance", vendor="piggy", status_code=503)

    with pytest.raises(errors.MaintenanceError):
        await _service(piggy, journal).load()


async def test_marks_are_journaled_and_listed(journal: AsyncJournal) -> None:
    piggy = FakeClaims(
        [
            claim("lt-1", "Shop mug", hours_ago=1, contact="c-robin"),
            claim("lt-2", "Shop mug", hours_ago=2),
        ],
        contacts={"c-robin": ("Robin", "V")},
    )
    service = _service(piggy, journal)
    prepare = await service.load()

    written = await service.mark_ready([prepare.items[0]], staff=CASEY)
    again = await service.load()

    assert set(written) == {"lt-1"}
    assert (again.ready, again.waiting) == (1, 1)
    assert again.marks["lt-1"].by == "Casey"
    (event,) = await journal.call(Journal.events, kind=SHELF_READY)
    assert (event.loyalty_transaction_uuid, event.customer_uuid, event.customer_name) == (
        "lt-1",
        "c-robin",
        "Robin V.",
    )
    assert event.reward_title == "Shop mug"


@dataclass
class FakeShared:
    """The shared journal's part the list uses: marks of other counters, or unreachable."""

    marks: dict[str, Any] = field(default_factory=dict)
    down: bool = False
    woken: int = 0
    asked_since: list[datetime] = field(default_factory=list)

    async def shelf_marks(
        self, uuids: list[str], *, since: datetime, taken_back: bool = False
    ) -> dict[str, Any]:
        from pos_app.storage.shared import SharedJournalUnavailableError

        self.asked_since.append(since)
        if self.down:
            raise SharedJournalUnavailableError("the database is away")
        return {uuid: entry for uuid, entry in self.marks.items() if uuid in uuids}

    def wake(self) -> None:
        self.woken += 1


async def test_with_a_shared_journal_other_counters_marks_show_too(
    journal: AsyncJournal, tmp_path: Path
) -> None:
    with Journal.open(tmp_path / "c2.sqlite3", shop_uuid=SHOP, counter="Counter 2") as other:
        theirs = other.record_event(
            SHELF_READY, staff=StaffRef("s-morgan", "Morgan"), loyalty_transaction_uuid="lt-2"
        )
    shared = FakeShared(marks={"lt-2": theirs})
    piggy = FakeClaims(
        [claim("lt-1", "Shop mug", hours_ago=1), claim("lt-2", "Shop mug", hours_ago=26)]
    )
    service = _service(piggy, journal, shared)
    first = await service.load()
    await service.mark_ready([first.items[0]], staff=None)

    prepare = await service.load()

    assert prepare.marks_shop_wide
    assert {uuid: mark.by for uuid, mark in prepare.marks.items()} == {
        "lt-1": "Counter 1",
        "lt-2": "Morgan",
    }
    assert shared.woken == 1
    # Marks are looked for from the oldest claim listed on (a day's slack for clocks).
    assert shared.asked_since[-1] == NOW - timedelta(hours=26) - timedelta(days=1)

    shared.down = True
    alone = await service.load()

    assert alone.marks_unreachable
    assert not alone.marks_shop_wide
    assert set(alone.marks) == {"lt-1"}

    # Taken back here, while the shop's journal still has the mark from the other counter:
    # the later of the two decides.
    shared.down = False
    await service.take_off_shelf(
        [item for item in prepare.items if item.loyalty_transaction_uuid == "lt-2"], staff=None
    )
    taken = await service.load()
    assert set(taken.marks) == {"lt-1"}


async def test_a_mark_made_at_another_counter_shows_through_the_shared_journal(
    shared_db: SharedDatabase, tmp_path: Path
) -> None:
    secrets = SecretStore(env={SecretName.SHARED_JOURNAL_PASSWORD.env_var: TEST_PASSWORD})
    opened: list[tuple[AsyncJournal, SharedJournal]] = []
    for name, login in (("Counter 1", COUNTER_A), ("Counter 2", COUNTER_A2)):
        settings = load_settings().with_overrides(
            data_dir=tmp_path / name,
            shop_uuid=SHOP,
            counter_name=name,
            shared_journal_url=shared_db.url(login),
        )
        journal = await AsyncJournal.open(settings.journal_path, shop_uuid=SHOP, counter=name)
        shared = await SharedJournal.open(settings, secrets)
        assert shared is not None
        shared.start()
        opened.append((journal, shared))
    (first, first_shared), (second, second_shared) = opened
    piggy = FakeClaims([claim("lt-1", "Shop mug", hours_ago=1)])
    try:
        here = _service(piggy, first, first_shared)
        there = _service(piggy, second, second_shared)
        (item,) = (await there.load()).items
        await there.mark_ready([item], staff=StaffRef("s-morgan", "Morgan"))
        await wait_until_caught_up(second_shared)

        prepare = await here.load()

        assert prepare.marks_shop_wide
        assert {uuid: (m.by, m.counter) for uuid, m in prepare.marks.items()} == {
            "lt-1": ("Morgan", "Counter 2")
        }
    finally:
        for journal, shared in opened:
            await shared.aclose()
            await journal.aclose()
