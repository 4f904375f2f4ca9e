"""ProgressService: who the customer is in Giftoin and Nudj, what is shown, the catalogue cache."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from pos_app.api import GiftoinClient, NudjClient, PiggyClient, errors
from pos_app.api.giftoin_models import CollectionChallenge
from pos_app.api.nudj_models import NudjRewardsPage
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.identify import CustomerLookup
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.progress import (
    NUDJ_MISSES_ALERT,
    CatalogueReward,
    ChallengeView,
    GiftoinProgress,
    NotLinked,
    NotLinkedReason,
    NudjProgress,
    NudjRewardView,
    NudjSetupProblem,
    Program,
    ProgressService,
    RewardCatalogue,
    RewardState,
    TimeLeft,
    TimeLeftKind,
    read_nudj_misses,
)
from pos_app.services.settings import (
    NudjIdKind,
    NudjUserIdSource,
    SettingsError,
    load_settings,
    save_settings,
)
from tests.api.fakes import EXAMPLES_DIR, FakeServer, Reply, giftoin_client, nudj_client, ok

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
REWARDS = "/api/v2/integration/rewards"


def customer(**changes: Any) -> CustomerSummary:
    values: dict[str, Any] = {
        "uuid": "contact-1",
        "name": "Robin",
        "email_masked": "r***@example.org",
        "tier": None,
        "points": 10,
        "attributes": {"discord_id": "4029"},
        "email": "robin@example.org",
    }
    values.update(changes)
    return CustomerSummary(**values)


def service(
    giftoin: GiftoinClient | None = None,
    nudj: NudjClient | None = None,
    *,
    source: str = "uuid",
    platform: str | None = "discord",
    attribute: str | None = "discord_id",
    **kwargs: Any,
) -> ProgressService:
    return ProgressService(
        giftoin,
        nudj,
        giftoin_platform=platform,
        giftoin_user_attribute=attribute,
        nudj_user_id_source=NudjUserIdSource.parse(source),
        **kwargs,
    )


# --- identity mapping ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("402938475610293847", "402938475610293847"),
        ("  4029 ", "4029"),
        (402938475610293847, "402938475610293847"),  # a number in the contact's attributes
        ("", None),
        ("   ", None),
        (None, None),
        (True, None),
        (12.5, None),
        ({"id": 1}, None),
    ],
)
def test_giftoin_id_comes_from_the_contact_attribute(value: object, expected: str | None) -> None:
    progress = service()
    assert progress.giftoin_user_id(customer(attributes={"discord_id": value})) == expected


def test_giftoin_id_missing_attribute() -> None:
    assert service().giftoin_user_id(customer(attributes={})) is None
    assert service(attribute=None).giftoin_user_id(customer()) is None


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("uuid", "contact-1"),
        ("email", "robin@example.org"),
        ("attribute:nudj_id", "n-77"),
        ("attribute:missing", None),
    ],
)
def test_nudj_id_sources(source: str, expected: str | None) -> None:
    person = customer(attributes={"nudj_id": "n-77"})
    assert service(source=source).nudj_user_id(person) == expected


def test_nudj_id_by_email_without_an_email() -> None:
    assert service(source="email").nudj_user_id(customer(email=None)) is None


def test_the_full_email_is_not_in_the_summary_repr() -> None:
    assert "robin@example.org" not in repr(customer(attributes={}))


@pytest.mark.asyncio
async def test_programs_not_set_up_are_not_linked_without_a_request() -> None:
    server = FakeServer()  # any request would fail the test
    async with nudj_client(server) as nudj, giftoin_client(server) as giftoin:
        assert await service(None, None).giftoin(customer()) == NotLinked(
            Program.GIFTOIN, NotLinkedReason.NOT_SET_UP
        )
        assert await service(None, None).nudj(customer()) == NotLinked(
            Program.NUDJ, NotLinkedReason.NOT_SET_UP
        )
        # A Giftoin key without the platform setting: nobody can be found either.
        assert await service(giftoin, nudj, platform=None).giftoin(customer()) == NotLinked(
            Program.GIFTOIN, NotLinkedReason.NOT_SET_UP
        )
        no_id = customer(attributes={}, email=None)
        assert await service(giftoin, nudj, source="email").nudj(no_id) == NotLinked(
            Program.NUDJ, NotLinkedReason.NO_ID
        )
        assert await service(giftoin, nudj).giftoin(no_id) == NotLinked(
            Program.GIFTOIN, NotLinkedReason.NO_ID
        )
    assert server.calls == []


# --- against the simulator -------------------------------------------------------------------


@dataclass
class Programs:
    sim: Simulator
    lookup: CustomerLookup
    giftoin: GiftoinClient
    nudj: NudjClient

    def service(self, source: str = "uuid") -> ProgressService:
        return service(self.giftoin, self.nudj, source=source)


@pytest_asyncio.fixture
async def programs(simulator: Simulator) -> AsyncIterator[Programs]:
    simulator.reset()
    simulator.clear_faults()
    async with (
        PiggyClient(simulator.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN) as piggy,
        GiftoinClient(
            simulator.giftoin_base_url, api_key=demo.DEMO_GIFTOIN_KEY, max_retries=0
        ) as giftoin,
        NudjClient(
            simulator.nudj_base_url, token=demo.DEMO_NUDJ_TOKEN, language="en", max_retries=0
        ) as nudj,
    ):
        yield Programs(simulator, CustomerLookup(piggy), giftoin, nudj)


@pytest.mark.asyncio
async def test_giftoin_challenges_of_a_linked_customer(programs: Programs) -> None:
    robin = await programs.lookup.by_card(demo.CARD_MAIN)
    progress = programs.service()
    result = await progress.giftoin(robin)
    assert isinstance(result, GiftoinProgress)
    by_name = {challenge.name: challenge for challenge in result.challenges}
    assert len(by_name) == 6
    # What can still be finished first; the ended challenge last.
    assert result.challenges[-1].name == "Summer Sprint"
    now = datetime.now(UTC)
    summer = by_name["Summer Sprint"].time_left(now)
    assert summer == TimeLeft(TimeLeftKind.ENDED)

    autumn = by_name["Autumn Leaves"]
    assert (autumn.collected, autumn.size, autumn.cards_to_go) == (3, 8, 5)
    assert autumn.fraction == pytest.approx(3 / 8)
    assert [card.owned for card in autumn.cards] == [True, True, True] + [False] * 5
    assert autumn.cards[0].owned_quantity == 2
    assert autumn.cards[0].picture_url is not None
    assert autumn.reward is not None
    assert autumn.reward.state is RewardState.LOCKED
    left = autumn.time_left(now)
    assert left is not None
    assert left.kind is TimeLeftKind.LEFT
    assert timedelta(days=11) < left.remaining <= timedelta(days=12)

    coffee = by_name["Coffee Lovers"]  # only a percentage
    assert (coffee.size, coffee.collected, coffee.cards) == (None, None, ())
    assert coffee.fraction == pytest.approx(0.6)
    assert by_name["Forever Friends"].time_left(now) == TimeLeft(TimeLeftKind.NO_END)
    city = by_name["City Explorer"]
    assert city.reward is not None
    assert city.reward.state is RewardState.CLAIMABLE
    mystery = by_name["Mystery Box"]
    assert mystery.status == "paused_by_operator"  # unpublished values kept as sent
    assert mystery.cards[0].rarity == "legendary-shiny"
    assert mystery.reward is not None
    assert mystery.reward.state is RewardState.CLAIMED


@pytest.mark.asyncio
async def test_nudj_points_and_catalogue(programs: Programs) -> None:
    robin = await programs.lookup.by_card(demo.CARD_MAIN)
    result = await programs.service("uuid").nudj(robin)
    assert isinstance(result, NudjProgress)
    assert (result.points, result.xp) == (340, 1250)
    catalogue = programs.sim.state.data.nudj_rewards
    assert len(result.rewards) == len(catalogue)
    featured = [view.reward.featured for view in result.rewards]
    assert featured == sorted(featured, reverse=True)
    assert sum(featured) == len(demo.NUDJ_FEATURED)
    # Within each group, Nudj's order is kept.
    titles = [view.reward.title for view in result.rewards]
    expected = [r.titles["en"] for r in catalogue if r.featured] + [
        r.titles["en"] for r in catalogue if not r.featured
    ]
    assert titles == expected
    free_coffee = result.rewards[0]
    assert free_coffee.reward.price == 50
    assert free_coffee.affordable
    assert free_coffee.fraction == 1.0
    assert free_coffee.reward.picture_url is not None
    sold_out = [view for view in result.rewards if view.reward.remaining_supply == 0]
    assert len(sold_out) == 1
    dearest = max(result.rewards, key=lambda view: view.reward.price or 0)
    assert not dearest.affordable
    assert dearest.points_to_go == (dearest.reward.price or 0) - 340


@pytest.mark.asyncio
async def test_nudj_texts_in_the_apps_language(simulator: Simulator, programs: Programs) -> None:
    robin = await programs.lookup.by_card(demo.CARD_MAIN)
    async with NudjClient(
        simulator.nudj_base_url, token=demo.DEMO_NUDJ_TOKEN, language="nl"
    ) as dutch:
        result = await service(None, dutch).nudj(robin)
    assert isinstance(result, NudjProgress)
    assert result.rewards[0].reward.title == "Gratis koffie"


@pytest.mark.asyncio
async def test_customers_without_accounts_are_not_linked(programs: Programs) -> None:
    progress = programs.service()
    alex = await programs.lookup.by_card(demo.CARD_EMPTY)  # no Discord id, no Nudj account
    assert await progress.giftoin(alex) == NotLinked(Program.GIFTOIN, NotLinkedReason.NO_ID)
    # Not "no Nudj account": Nudj did not find the id the contact gave, by this source.
    assert await progress.nudj(alex) == NotLinked(
        Program.NUDJ, NotLinkedReason.ID_NOT_FOUND, looked_up_by="uuid"
    )
    kim = await programs.lookup.by_email(demo.EMAIL_NO_CARD)  # a Discord id Giftoin lacks
    assert await progress.giftoin(kim) == NotLinked(Program.GIFTOIN, NotLinkedReason.NO_ACCOUNT)


@pytest.mark.asyncio
async def test_a_failing_program_raises_its_typed_error(programs: Programs) -> None:
    robin = await programs.lookup.by_card(demo.CARD_MAIN)
    progress = programs.service()
    programs.sim.set_fault("giftoin.progress", "error:403")
    programs.sim.set_fault("nudj.rewards", "error:500")
    with pytest.raises(errors.PermissionDeniedError):
        await progress.giftoin(robin)
    with pytest.raises(errors.ServerError):
        await progress.nudj(robin)
    programs.sim.clear_faults()
    # A failed catalogue load is not kept: the next customer gets a fresh try.
    assert isinstance(await progress.nudj(robin), NudjProgress)


@pytest.mark.asyncio
async def test_unknown_nudj_user_does_not_wait_for_the_catalogue(programs: Programs) -> None:
    alex = await programs.lookup.by_card(demo.CARD_EMPTY)
    # The catalogue is held on the server: an answer that waited for it would never come.
    programs.sim.set_fault("nudj.rewards", "hold")
    progress = programs.service()
    try:
        async with asyncio.timeout(5):
            assert await progress.nudj(alex) == NotLinked(
                Program.NUDJ, NotLinkedReason.ID_NOT_FOUND, looked_up_by="uuid"
            )
    finally:
        await progress.aclose()
        programs.sim.reset()


@pytest.mark.asyncio
async def test_a_nudj_miss_names_the_id_source(programs: Programs) -> None:
    # An email is no id Nudj documents: Robin, who has an account, is not found by it.
    robin = await programs.lookup.by_card(demo.CARD_MAIN)
    result = await programs.service("email").nudj(robin)
    assert result == NotLinked(Program.NUDJ, NotLinkedReason.ID_NOT_FOUND, looked_up_by="email")


def _nudj_user_route(server: FakeServer, user_id: str, *, found: bool) -> None:
    path = f"/api/v2/admin/users/{user_id}"
    if found:
        server.add("GET", path, ok({"id": user_id, "points": 5}))
    else:
        body = {"message": "User not found", "code": "NOT_FOUND", "data": {"httpStatus": 404}}
        server.add("GET", path, Reply(404, body))


@pytest.mark.asyncio
async def test_many_nudj_misses_in_a_row_are_a_setup_problem(tmp_path: Path) -> None:
    server = FakeServer()
    server.add("GET", "/api/v2/integration/rewards", ok({"totalCount": 0, "edges": []}))
    people = [customer(uuid=f"c-{n}") for n in range(NUDJ_MISSES_ALERT + 1)]
    for person in people[:-1]:
        _nudj_user_route(server, person.uuid, found=False)
    _nudj_user_route(server, people[-1].uuid, found=True)
    record = tmp_path / "nudj-id-misses.json"
    seen: list[NudjSetupProblem | None] = []
    async with nudj_client(server) as nudj:
        progress = service(None, nudj, nudj_miss_record=record)
        progress.add_nudj_setup_listener(seen.append)
        for person in people[:-2]:
            await progress.nudj(person)
        assert progress.nudj_setup_problem is None  # a few unknown customers are normal
        assert seen == []
        await progress.nudj(people[-2])
        problem = progress.nudj_setup_problem
        assert problem == NudjSetupProblem(misses=NUDJ_MISSES_ALERT, looked_up_by="uuid")
        assert seen == [problem]
        assert read_nudj_misses(record) == problem  # for `pos-app doctor`
        # One customer found: the mapping works after all.
        assert isinstance(await progress.nudj(people[-1]), NudjProgress)
    assert progress.nudj_setup_problem is None
    assert seen == [problem, None]
    assert read_nudj_misses(record) is None


# --- the catalogue cache ---------------------------------------------------------------------


def _page(start: int, count: int, total: int) -> dict[str, Any]:
    edges = [
        {"id": f"r{i}", "details": {"title": f"Reward {i}"}, "assetPointsPrice": 10 * i}
        for i in range(start, start + count)
    ]
    return {"totalCount": total, "edges": edges}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _catalogue_server(total: int = 3) -> FakeServer:
    server = FakeServer()

    async def pages(request: httpx.Request) -> httpx.Response:
        skip = int(request.url.params["skip"])
        limit = int(request.url.params["limit"])
        return httpx.Response(200, json=_page(skip, max(0, min(limit, total - skip)), total))

    server.add("GET", REWARDS, pages)
    server.add("GET", "/api/v2/admin/users/contact-1", ok({"id": "contact-1", "points": 15}))
    return server


@pytest.mark.asyncio
async def test_catalogue_is_shared_by_customers_until_it_is_stale() -> None:
    server = _catalogue_server()
    clock = Clock()
    async with nudj_client(server) as nudj:
        progress = service(None, nudj, catalogue_ttl=300, monotonic=clock)
        first = await progress.nudj(customer())
        clock.now += 299
        second = await progress.nudj(customer())
        assert len(server.calls_to("GET", REWARDS)) == 1
        clock.now += 2
        third = await progress.nudj(customer())
    assert len(server.calls_to("GET", REWARDS)) == 2
    assert isinstance(first, NudjProgress)
    assert first == second == third
    assert [view.affordable for view in first.rewards] == [True, True, False]


@pytest.mark.asyncio
async def test_catalogue_reads_every_page() -> None:
    server = _catalogue_server(total=250)
    async with nudj_client(server) as nudj:
        result = await service(None, nudj).nudj(customer())
    assert isinstance(result, NudjProgress)
    assert len(result.rewards) == 250
    calls = server.calls_to("GET", REWARDS)
    assert [(c.query["limit"], c.query["skip"]) for c in calls] == [
        ("100", "0"),
        ("100", "100"),
        ("100", "200"),
    ]


@pytest.mark.asyncio
async def test_one_load_for_customers_looked_up_together_and_cancelling_one_keeps_it() -> None:
    release = asyncio.Event()
    loads = 0

    async def load() -> list[CatalogueReward]:
        nonlocal loads
        loads += 1
        await release.wait()
        return []

    catalogue = RewardCatalogue(load)
    first = asyncio.ensure_future(catalogue.get())
    second = asyncio.ensure_future(catalogue.get())
    await asyncio.sleep(0)
    first.cancel()  # a newer customer was scanned
    release.set()
    assert await second == ()
    assert loads == 1
    assert catalogue.is_fresh
    assert first.cancelled()


@pytest.mark.asyncio
async def test_closing_stops_a_running_load() -> None:
    started = asyncio.Event()

    async def load() -> list[CatalogueReward]:
        started.set()
        await asyncio.sleep(3600)
        return []

    catalogue = RewardCatalogue(load)
    waiter = asyncio.ensure_future(catalogue.get())
    await started.wait()
    await catalogue.aclose()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    with pytest.raises(RuntimeError):
        await catalogue.get()


@pytest.mark.asyncio
async def test_invalidate_forces_a_new_load() -> None:
    loads = 0

    async def load() -> list[CatalogueReward]:
        nonlocal loads
        loads += 1
        return []

    catalogue = RewardCatalogue(load)
    await catalogue.get()
    await catalogue.get()
    catalogue.invalidate()
    await catalogue.get()
    assert loads == 2


# --- view values from odd vendor data --------------------------------------------------------


def test_documented_giftoin_example_becomes_a_view() -> None:
    body = json.loads((EXAMPLES_DIR / "giftoin" / "progress_list.json").read_text())
    (challenge,) = [CollectionChallenge.model_validate(item) for item in body]
    view = ChallengeView.from_challenge(challenge, NOW)
    assert view.name == "Winter Challenge"
    assert (view.collected, view.size) == (3, 10)
    assert view.time_left(NOW) == TimeLeft(TimeLeftKind.ENDED)  # ended in 2022
    assert view.reward is not None
    assert view.reward.state is RewardState.LOCKED
    assert view.cards[0].rarity == "rare"


def test_documented_nudj_example_with_placeholders_becomes_a_view() -> None:
    body = json.loads((EXAMPLES_DIR / "nudj" / "rewards_page.json").read_text())
    page = NudjRewardsPage.model_validate(body)
    reward = CatalogueReward.from_reward(page.edges[0])
    assert reward.picture_url is None  # "<any>" is not a picture
    assert reward.price == 1
    assert reward.status == "archived"
    assert not reward.available(NOW)  # archived rewards are not offered


def test_a_challenge_with_nothing_leaves_every_spot_empty() -> None:
    view = ChallengeView.from_challenge(CollectionChallenge.model_validate({}), NOW)
    assert view.name is None
    assert view.fraction is None
    assert view.cards_to_go is None
    assert view.time_left(NOW) is None
    assert view.reward is None
    assert view.status is None


def test_odd_giftoin_values_are_dropped_not_shown() -> None:
    challenge = CollectionChallenge.model_validate(
        {
            "image": "<string>",
            "size": 0,
            "collectedCount": -1,
            "progressInPercentage": 250,
            "timeLeft": 3_600_000,  # no duration at all: counted from the answer
            "cards": [{"name": "A", "ownedQuantity": -2}, {"name": "B", "isOwned": True}],
            "reward": {"name": "Badge"},
        }
    )
    view = ChallengeView.from_challenge(challenge, NOW)
    assert view.picture_url is None
    assert (view.size, view.collected, view.percentage) == (None, None, None)
    assert view.time_left(NOW) == TimeLeft(TimeLeftKind.LEFT, timedelta(hours=1))
    assert [(card.owned, card.owned_quantity) for card in view.cards] == [
        (False, None),
        (True, None),
    ]
    assert view.reward is not None
    assert view.reward.state is None  # neither claimable nor claimed nor locked was said


def test_a_countdown_past_the_end_of_the_calendar_is_no_countdown() -> None:
    # 80,000,000,000,000,000 ms is a valid timedelta (about 926 million days), but now plus
    # that is past year 9999: the panel must show no countdown, not fail.
    challenge = CollectionChallenge.model_validate({"name": "Forever", "timeLeft": 8e16})
    view = ChallengeView.from_challenge(challenge, NOW)
    assert view.ends_at is None
    assert view.time_left(NOW) is None


def test_collected_count_from_the_full_card_list() -> None:
    challenge = CollectionChallenge.model_validate(
        {"size": 3, "cards": [{"ownedQuantity": 1}, {"ownedQuantity": 0}, {"isOwned": True}]}
    )
    view = ChallengeView.from_challenge(challenge, NOW)
    assert (view.collected, view.cards_to_go) == (2, 1)


def _reward(**changes: Any) -> CatalogueReward:
    values: dict[str, Any] = {
        "id": "r1",
        "title": "Tote",
        "description": None,
        "picture_url": None,
        "price": 200,
        "remaining_supply": 3,
        "featured": False,
        "status": "live",
        "expires_at": None,
        "user_state": None,
        "user_asset_count": None,
        "user_entry_count": None,
    }
    values.update(changes)
    return CatalogueReward(**values)


@pytest.mark.parametrize(
    ("price", "points", "fraction", "affordable", "to_go"),
    [
        (200, 160, 0.8, False, 40),
        (200, 200, 1.0, True, 0),
        (200, 500, 1.0, True, 0),
        (0, 0, 1.0, True, 0),
        (None, 100, None, False, None),
        (200, None, None, False, None),
    ],
)
def test_points_toward_a_reward(
    price: int | None,
    points: int | None,
    fraction: float | None,
    affordable: bool,
    to_go: int | None,
) -> None:
    view = NudjRewardView(_reward(price=price), points)
    assert view.fraction == fraction
    assert view.affordable is affordable
    assert view.points_to_go == to_go


@pytest.mark.parametrize(
    ("status", "expires_at", "available"),
    [
        ("live", None, True),
        (None, None, True),
        ("brand-new-status", None, True),  # Nudj adds statuses without notice
        ("draft", None, False),
        ("Expired", None, False),
        ("live", NOW - timedelta(minutes=1), False),
        ("live", NOW + timedelta(minutes=1), True),
    ],
)
def test_which_catalogue_rewards_are_offered(
    status: str | None, expires_at: datetime | None, available: bool
) -> None:
    assert _reward(status=status, expires_at=expires_at).available(NOW) is available


# --- the settings behind the mapping ---------------------------------------------------------


def test_mapping_settings_default_to_uuid_and_no_giftoin_platform() -> None:
    settings = load_settings()
    assert settings.giftoin_platform is None
    assert settings.giftoin_user_attribute is None
    assert settings.nudj_user_id_source == "uuid"
    assert settings.nudj_user_id == NudjUserIdSource(NudjIdKind.UUID)


def test_mapping_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_GIFTOIN_PLATFORM", "discord")
    monkeypatch.setenv("POS_APP_GIFTOIN_USER_ATTRIBUTE", "discord_id")
    monkeypatch.setenv("POS_APP_NUDJ_USER_ID_SOURCE", "attribute: nudj_id ")
    settings = load_settings()
    assert settings.giftoin_platform == "discord"
    assert settings.giftoin_user_attribute == "discord_id"
    assert settings.nudj_user_id_source == "attribute:nudj_id"
    assert settings.nudj_user_id == NudjUserIdSource(NudjIdKind.ATTRIBUTE, "nudj_id")


def test_mapping_settings_from_the_file_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(
        'giftoin_platform = "roblox"\ngiftoin_user_attribute = "  "\n'
        'nudj_user_id_source = " Email "\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.giftoin_platform == "roblox"
    assert settings.giftoin_user_attribute is None  # blank is unset
    assert settings.nudj_user_id == NudjUserIdSource(NudjIdKind.EMAIL)
    monkeypatch.delenv("POS_APP_DATA_DIR")
    save_settings(settings, config)
    assert load_settings(config) == settings


@pytest.mark.parametrize("value", ["phone", "attribute:", "attribute", "uuid:x", ""])
def test_a_bad_nudj_id_source_is_named(tmp_path: Path, value: str) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(f'nudj_user_id_source = "{value}"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"nudj_user_id_source: .*'uuid', 'email' or"):
        load_settings(config)


def test_window_state_lives_in_the_data_folder() -> None:
    settings = load_settings()
    assert settings.ui_state_path.parent == settings.data_dir
