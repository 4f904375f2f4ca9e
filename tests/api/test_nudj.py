"""NudjClient: headers, paging and its limits, the customer endpoint, tolerant models."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from pos_app.api import NudjClient, errors
from pos_app.api.nudj_models import NudjReward
from tests.api.fakes import NUDJ_TOKEN, NUDJ_URL, FakeServer, example, nudj_client, ok

REWARDS = "/api/v2/integration/rewards"


def reward(index: int) -> dict[str, Any]:
    return {"id": f"r{index}", "details": {"title": f"Reward {index}"}, "assetPointsPrice": index}


def paged(total: int | None, edges: int, per_page: int) -> Any:
    """A rewards endpoint that pages ``edges`` rewards honouring limit and skip."""

    async def handle(request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params["limit"])
        skip = int(request.url.params["skip"])
        assert limit == per_page
        body: dict[str, Any] = {"edges": [reward(i) for i in range(skip, min(skip + limit, edges))]}
        if total is not None:
            body["totalCount"] = total
        return httpx.Response(200, json=body)

    return handle


@pytest.mark.asyncio
async def test_rewards_sends_token_language_and_paging(server: FakeServer) -> None:
    server.add("GET", REWARDS, example("nudj/rewards_page.json"))
    async with nudj_client(server, language="nl") as nudj:
        page = await nudj.rewards(limit=25, skip=50)
    (call,) = server.calls
    assert call.query == {"limit": "25", "skip": "50"}
    assert call.headers["x-api-token"] == NUDJ_TOKEN
    # x-api-token only: a Bearer header without x-api-domain is answered 403.
    assert "Authorization" not in call.headers
    assert call.headers["x-language"] == "nl"
    assert call.headers["Accept"] == "application/json"
    assert page.total_count == 123


@pytest.mark.asyncio
async def test_no_language_header_without_a_language(server: FakeServer) -> None:
    server.add("GET", REWARDS, example("nudj/rewards_page.json"))
    async with nudj_client(server) as nudj:
        await nudj.rewards()
    (call,) = server.calls
    assert "x-language" not in call.headers
    assert call.query == {"limit": "10", "skip": "0"}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("limit", "skip"), [(0, 0), (101, 0), (-1, 0), (10, -1), (True, 0), (10, False)]
)
async def test_paging_arguments_are_checked_before_sending(
    server: FakeServer, limit: int, skip: int
) -> None:
    async with nudj_client(server) as nudj:
        with pytest.raises(ValueError, match=r"limit|skip"):
            await nudj.rewards(limit=limit, skip=skip)
        with pytest.raises(ValueError, match="limit"):
            nudj.iter_rewards(page_size=limit if limit != 10 else 0)
    assert server.calls == []


@pytest.mark.asyncio
async def test_limits_at_the_edges_are_accepted(server: FakeServer) -> None:
    server.add("GET", REWARDS, ok({"totalCount": 0, "edges": []}))
    async with nudj_client(server) as nudj:
        await nudj.rewards(limit=1, skip=0)
        await nudj.rewards(limit=100, skip=10_000)
    assert [c.query["limit"] for c in server.calls] == ["1", "100"]


@pytest.mark.asyncio
async def test_iter_rewards_walks_every_page_until_the_total(server: FakeServer) -> None:
    server.add("GET", REWARDS, paged(total=5, edges=5, per_page=2))
    async with nudj_client(server) as nudj:
        ids = [r.id async for r in nudj.iter_rewards(page_size=2)]
    assert ids == ["r0", "r1", "r2", "r3", "r4"]
    assert [c.query["skip"] for c in server.calls] == ["0", "2", "4"]


@pytest.mark.asyncio
async def test_iter_rewards_stops_at_the_total_without_an_extra_request(
    server: FakeServer,
) -> None:
    server.add("GET", REWARDS, paged(total=4, edges=4, per_page=2))
    async with nudj_client(server) as nudj:
        titles = [r.title async for r in nudj.iter_rewards(page_size=2)]
    assert titles == ["Reward 0", "Reward 1", "Reward 2", "Reward 3"]
    assert len(server.calls) == 2


@pytest.mark.asyncio
async def test_iter_rewards_stops_on_an_empty_page(server: FakeServer) -> None:
    server.add("GET", REWARDS, paged(total=None, edges=5, per_page=3))
    async with nudj_client(server) as nudj:
        ids = [r.id async for r in nudj.iter_rewards(page_size=3)]
    assert ids == ["r0", "r1", "r2", "r3", "r4"]
    assert [c.query["skip"] for c in server.calls] == ["0", "3", "5"]


@pytest.mark.asyncio
async def test_iter_rewards_skips_past_an_unreadable_edge(server: FakeServer) -> None:
    server.add(
        "GET",
        REWARDS,
        ok({"totalCount": 3, "edges": [reward(0), "garbage"]}),
        ok({"totalCount": 3, "edges": [reward(2)]}),
    )
    async with nudj_client(server) as nudj:
        ids = [r.id async for r in nudj.iter_rewards(page_size=2)]
    assert ids == ["r0", "r2"]
    assert [c.query["skip"] for c in server.calls] == ["0", "2"]


@pytest.mark.asyncio
async def test_user_by_id(server: FakeServer) -> None:
    server.add("GET", "/api/v2/admin/users/ext%2F123", example("nudj/admin_user.json"))
    async with nudj_client(server) as nudj:
        user = await nudj.user("ext/123")
    (call,) = server.calls
    assert call.headers["x-api-token"] == NUDJ_TOKEN
    assert user.points == 340
    assert user.xp is not None
    assert user.xp.model_extra == {}


@pytest.mark.asyncio
async def test_user_tolerates_odd_fields(server: FakeServer) -> None:
    body = {"id": "u1", "points": "<any>", "xp": {"total": 5, "charisma": 3}, "keys": None}
    server.add("GET", "/api/v2/admin/users/u1", ok(body))
    async with nudj_client(server) as nudj:
        user = await nudj.user("u1")
    assert user.points is None
    assert user.xp is not None
    assert user.xp.total == 5
    assert user.xp.model_extra == {"charisma": 3}
    assert user.community_data == []


@pytest.mark.asyncio
async def test_a_page_without_edges_is_a_validation_error(server: FakeServer) -> None:
    server.add("GET", REWARDS, ok({"totalCount": 3}))
    server.add("GET", "/api/v2/admin/users/u1", ok(["not", "a", "user"]))
    async with nudj_client(server) as nudj:
        with pytest.raises(errors.ResponseValidationError, match="edges"):
            await nudj.rewards()
        with pytest.raises(errors.ResponseValidationError, match="user"):
            await nudj.user("u1")


def test_reward_title_only_when_a_string_and_image_from_details() -> None:
    localised = NudjReward.model_validate(
        {
            "details": {
                "title": {"en": "Cap", "nl": "Pet"},
                "description": "A cap",
                "light": {"primaryImageUrl": "https://cdn.example/cap.png"},
                "dark": "https://cdn.example/cap-dark.png",
            },
            "assetPointsPrice": "<any>",
            "featured": "yes please",
            "status": "brand-new-status",
            "remainingAssetSupply": 4,
            "userState": {"status": "completed"},
        }
    )
    assert localised.title is None
    assert localised.description == "A cap"
    assert localised.image_url == "https://cdn.example/cap.png"
    assert localised.points_price is None
    assert localised.featured is None
    assert localised.status == "brand-new-status"
    assert localised.remaining_supply == 4
    assert localised.user_state == {"status": "completed"}


def test_reward_image_falls_back_to_dark_and_tolerates_any() -> None:
    dark = NudjReward.model_validate({"details": {"light": "<any>", "dark": "http://x/y.png"}})
    assert dark.image_url == "http://x/y.png"
    nothing = NudjReward.model_validate({"details": "<any>"})
    assert (nothing.details, nothing.title, nothing.image_url) == (None, None, None)


def test_constructor_needs_a_token() -> None:
    with pytest.raises(ValueError, match="token"):
        NudjClient(NUDJ_URL, token="")
