"""GiftoinClient: requests, envelope handling, tolerant models, inventory."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pos_app.api import GiftoinClient, errors
from pos_app.api.giftoin_models import CollectionChallenge
from tests.api.fakes import GIFTOIN_KEY, GIFTOIN_URL, FakeServer, example, giftoin_client, ok

PROGRESS = "/api/v1/users/discord/123456789012345678/progress/collection-challenges"


@pytest.mark.asyncio
async def test_collection_challenges_sends_the_api_key(server: FakeServer) -> None:
    server.add("GET", PROGRESS, example("giftoin/progress_list.json"))
    async with giftoin_client(server) as giftoin:
        challenges = await giftoin.collection_challenges("discord", "123456789012345678")
    (call,) = server.calls
    assert call.headers["x-gft_api_key"] == GIFTOIN_KEY
    assert call.headers["Accept"] == "application/json"
    assert call.query == {}
    assert [c.id for c in challenges] == ["program_123"]


@pytest.mark.asyncio
async def test_enveloped_and_bare_lists_read_the_same(server: FakeServer) -> None:
    server.add(
        "GET",
        PROGRESS,
        example("giftoin/progress_list.json"),
        example("giftoin/progress_list_enveloped.json"),
    )
    async with giftoin_client(server) as giftoin:
        bare = await giftoin.collection_challenges("discord", "123456789012345678")
        enveloped = await giftoin.collection_challenges("discord", "123456789012345678")
    assert bare == enveloped


@pytest.mark.asyncio
async def test_envelope_with_numeric_timestamp(server: FakeServer) -> None:
    body = {"data": [{"id": "p1"}], "status": {"timestamp": 1688555980233}}
    server.add("GET", PROGRESS, ok(body))
    async with giftoin_client(server) as giftoin:
        (challenge,) = await giftoin.collection_challenges("discord", "123456789012345678")
    assert challenge.id == "p1"


@pytest.mark.asyncio
async def test_collection_challenge_one_and_enveloped(server: FakeServer) -> None:
    one = example("giftoin/progress_one.json")
    assert one.json_body is not None
    enveloped = ok({"data": one.json_body, "status": {"timestamp": "1"}})
    server.add("GET", f"{PROGRESS}/program_123", one, enveloped)
    async with giftoin_client(server) as giftoin:
        first = await giftoin.collection_challenge("discord", "123456789012345678", "program_123")
        second = await giftoin.collection_challenge("discord", "123456789012345678", "program_123")
    assert first == second
    assert first.status == "in_progress"


@pytest.mark.asyncio
async def test_path_segments_are_percent_encoded(server: FakeServer) -> None:
    path = "/api/v1/users/disc%2Ford/..%2F..%2Fadmin%3Fx%3D1%23/progress/collection-challenges"
    server.add("GET", f"{path}/%2E%2E", ok({"id": "p"}))
    async with giftoin_client(server) as giftoin:
        await giftoin.collection_challenge("disc/ord", "../../admin?x=1#", "..")
    assert [c.path for c in server.calls] == [f"{path}/%2E%2E"]


@pytest.mark.asyncio
async def test_empty_ids_are_refused(server: FakeServer) -> None:
    async with giftoin_client(server) as giftoin:
        with pytest.raises(ValueError, match="platform_user_id"):
            await giftoin.collection_challenges("discord", "")
    assert server.calls == []


@pytest.mark.asyncio
async def test_inventory_keeps_the_raw_body_and_finds_points(server: FakeServer) -> None:
    body = {"data": {"points": 120, "collections": [{"id": "c1"}]}, "status": {"timestamp": 1}}
    server.add("GET", "/api/v1/users/roblox/42/inventory", ok(body))
    async with giftoin_client(server) as giftoin:
        inventory = await giftoin.inventory("roblox", "42")
    assert inventory.points == 120
    assert inventory.raw == {"points": 120, "collections": [{"id": "c1"}]}


@pytest.mark.asyncio
async def test_inventory_points_nested_or_missing(server: FakeServer) -> None:
    server.add(
        "GET",
        "/api/v1/users/roblox/42/inventory",
        ok({"wallet": {"pointsBalance": 7.5}}),
        ok([{"id": "c1"}]),
    )
    async with giftoin_client(server) as giftoin:
        nested = await giftoin.inventory("roblox", "42")
        listed = await giftoin.inventory("roblox", "42")
    assert nested.points == 7.5
    assert listed.points is None
    assert listed.raw == {"items": [{"id": "c1"}]}


def test_odd_fields_read_as_none_and_odd_cards_are_dropped() -> None:
    challenge = CollectionChallenge.model_validate(
        {
            "id": 17,
            "name": ["not", "a", "string"],
            "size": "<any>",
            "progressInPercentage": "12.5",
            "cards": [{"id": "c1", "ownedQuantity": "many"}, "garbage", None, {"id": "c2"}],
            "reward": "<any>",
            "status": "some_new_status",
            "createdTimestamp": "not a time",
            "timeLeft": 1000,
            "duration": {"start": {"date": 0}, "end": None},
        }
    )
    assert challenge.id == "17"
    assert challenge.name is None
    assert challenge.size is None
    assert challenge.progress_percentage == 12.5
    assert [(c.id, c.owned_quantity) for c in challenge.cards] == [("c1", None), ("c2", None)]
    assert challenge.reward is None
    assert challenge.status == "some_new_status"
    assert challenge.created_at is None
    assert challenge.duration is not None
    assert challenge.duration.end is None
    assert challenge.time_left is None  # meaningless without an end (API_NOTES.md)


def test_time_left_kept_when_the_end_is_known() -> None:
    challenge = CollectionChallenge.model_validate(
        {"timeLeft": 90_000, "duration": {"end": {"date": 1647417600000}}}
    )
    assert challenge.time_left == timedelta(seconds=90)
    assert challenge.duration is not None
    assert challenge.duration.start is None


def test_an_empty_object_is_a_challenge() -> None:
    challenge = CollectionChallenge.model_validate({})
    assert challenge.id is None
    assert challenge.cards == []
    assert challenge.time_left is None


@pytest.mark.asyncio
async def test_a_list_where_one_is_expected_is_a_validation_error(server: FakeServer) -> None:
    server.add("GET", f"{PROGRESS}/p", example("giftoin/progress_list.json"))
    server.add("GET", PROGRESS, ok({"id": "p"}))
    async with giftoin_client(server) as giftoin:
        with pytest.raises(errors.ResponseValidationError):
            await giftoin.collection_challenge("discord", "123456789012345678", "p")
        with pytest.raises(errors.ResponseValidationError):
            await giftoin.collection_challenges("discord", "123456789012345678")


def test_constructor_needs_a_key() -> None:
    with pytest.raises(ValueError, match="api_key"):
        GiftoinClient(GIFTOIN_URL, api_key="")


@pytest.mark.asyncio
async def test_client_closes(server: FakeServer) -> None:
    giftoin = giftoin_client(server)
    assert giftoin.is_closed is False
    async with giftoin:
        pass
    assert giftoin.is_closed is True
