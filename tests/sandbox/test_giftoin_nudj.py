"""The simulated Giftoin and Nudj APIs over real loopback HTTP."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from pos_app.sandbox import Simulator
from pos_app.sandbox.demo_data import (
    CARD_EMPTY,
    DISCORD_BIG,
    DISCORD_MAIN,
    DISCORD_UNKNOWN,
    EMAIL_MAIN,
    EMAIL_NO_CARD,
    NUDJ_FEATURED,
    Contact,
)
from tests.sandbox.helpers import GIFTOIN_AUTH, NUDJ_AUTH

PROGRESS = "/api/v1/users/{platform}/{user}/progress/collection-challenges"
REWARDS = "/api/v2/integration/rewards"


def progress_url(user: str = DISCORD_MAIN, platform: str = "discord") -> str:
    return PROGRESS.format(platform=platform, user=user)


# --- Giftoin --------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["x-gft_api_key", "x-gft-api-key", "gft-api-key"])
def test_giftoin_accepts_each_key_header(client: httpx.Client, header: str) -> None:
    response = client.get(progress_url(), headers={header: "demo-giftoin-key"})
    assert response.status_code == 200


def test_giftoin_rejects_a_missing_or_wrong_key(client: httpx.Client) -> None:
    missing = client.get(progress_url())
    assert missing.status_code == 401
    assert missing.json()["status"]["errorCode"] == 1002
    wrong = client.get(progress_url(), headers={"x-gft_api_key": "nope"})
    assert wrong.status_code == 400
    assert wrong.json()["status"]["errorCode"] == 1001
    assert wrong.json()["status"]["errorMessage"] == "This API Key is invalid."
    assert isinstance(wrong.json()["status"]["timestamp"], str)


def test_progress_list_is_enveloped_by_default(client: httpx.Client) -> None:
    body = client.get(progress_url(), headers=GIFTOIN_AUTH).json()
    assert set(body) == {"data", "status"}
    challenges: list[dict[str, Any]] = body["data"]
    by_id = {c["id"]: c for c in challenges}
    assert len(by_id) >= 5
    # The variety a progress panel must cope with.
    assert any("size" not in c and "cards" not in c for c in challenges), "percentage only"
    assert any(c["duration"]["end"] is None for c in challenges), "no end date"
    assert any(c["status"] == "ended" and c["timeLeft"] == 0 for c in challenges), "ended"
    assert any(c.get("reward", {}).get("canClaim") for c in challenges), "claimable"
    rarities = {card["rarity"] for c in challenges for card in c.get("cards", [])}
    assert rarities - {"common", "uncommon", "rare", "epic", "legendary"}, "unpublished rarity"
    assert {c["status"] for c in challenges} - {"in_progress", "ended", "completed"}


def test_progress_can_answer_the_bare_array(client: httpx.Client, sim: Simulator) -> None:
    sim.config.giftoin_envelope = False
    body = client.get(progress_url(), headers=GIFTOIN_AUTH).json()
    assert isinstance(body, list)
    assert body[0]["id"] == "program_autumn_leaves"


def test_one_program(client: httpx.Client, sim: Simulator) -> None:
    response = client.get(f"{progress_url()}/program_city_explorer", headers=GIFTOIN_AUTH)
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["progressInPercentage"] == 100
    assert data["image"].startswith(f"{sim.url}/media/giftoin/")
    missing = client.get(f"{progress_url()}/program_nope", headers=GIFTOIN_AUTH)
    assert missing.status_code == 404
    assert "errorMessage" in missing.json()["status"]


@pytest.mark.parametrize(
    ("platform", "user"),
    [("discord", DISCORD_UNKNOWN), ("roblox", DISCORD_MAIN), ("discord", "")],
    ids=["unknown-id", "other-platform", "empty-id"],
)
def test_unknown_giftoin_user(client: httpx.Client, platform: str, user: str) -> None:
    response = client.get(progress_url(user, platform), headers=GIFTOIN_AUTH)
    assert response.status_code == 404
    assert response.json()["status"]["errorCode"] == 404


def test_inventory(client: httpx.Client) -> None:
    response = client.get(f"/api/v1/users/discord/{DISCORD_BIG}/inventory", headers=GIFTOIN_AUTH)
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["points"] == 4800
    assert data["collections"]
    assert all(card["quantity"] > 0 for c in data["collections"] for card in c["cards"])


def test_piggy_contacts_point_at_giftoin_accounts(sim: Simulator) -> None:
    data = sim.state.data
    users = {key[1] for key in data.giftoin_users}
    discord_ids = {c.email: c.discord_id for c in data.contacts.values()}
    assert discord_ids[EMAIL_MAIN] in users
    assert discord_ids[EMAIL_NO_CARD] not in users
    assert discord_ids[data.contact_for_card(CARD_EMPTY).email] is None


# --- Nudj -----------------------------------------------------------------------------------


def nudj_rewards(client: httpx.Client, **params: object) -> httpx.Response:
    return client.get(REWARDS, params=params, headers=NUDJ_AUTH)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"x-api-token": "wrong"},
        {"Authorization": "Bearer wrong", "x-api-domain": "shop.nudj.cx"},
    ],
    ids=["none", "wrong", "wrong-bearer"],
)
def test_nudj_rejects_bad_tokens(client: httpx.Client, headers: dict[str, str]) -> None:
    response = client.get(REWARDS, headers=headers)
    assert response.status_code == 401
    assert response.json() == {
        "message": "Invalid token",
        "code": "UNAUTHORIZED",
        "data": {"httpStatus": 401, "path": "integration.rewards.list"},
    }


def test_nudj_accepts_a_bearer_token_with_its_domain(client: httpx.Client) -> None:
    headers = {"Authorization": "Bearer demo-nudj-token", "x-api-domain": "shop.nudj.cx"}
    response = client.get(REWARDS, headers=headers)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer demo-nudj-token"},
        {"Authorization": "Bearer demo-nudj-token", "x-api-token": "demo-nudj-token"},
    ],
    ids=["bearer", "bearer-and-token"],
)
def test_nudj_refuses_a_bearer_token_without_its_domain(
    client: httpx.Client, headers: dict[str, str]
) -> None:
    # The bearer-token page: organisation-scoped, x-api-domain required, else 403.
    response = client.get(REWARDS, headers=headers)
    assert response.status_code == 403
    assert response.json()["code"] == "FORBIDDEN"


def test_paging(client: httpx.Client) -> None:
    first = nudj_rewards(client).json()
    assert first["totalCount"] == 25
    assert len(first["edges"]) == 10  # the documented default limit
    ids: list[str] = []
    for skip in range(0, 30, 10):
        page = nudj_rewards(client, limit=10, skip=skip).json()
        assert page["totalCount"] == 25
        ids += [edge["id"] for edge in page["edges"]]
    assert len(ids) == len(set(ids)) == 25
    assert nudj_rewards(client, limit=100).json()["edges"][24]["id"] == ids[24]
    assert nudj_rewards(client, skip=25).json()["edges"] == []


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 101}, {"limit": "ten"}, {"limit": "1.5"}, {"skip": -1}],
    ids=["limit-0", "limit-101", "limit-word", "limit-float", "skip-negative"],
)
def test_paging_limits_are_validated(client: httpx.Client, params: dict[str, object]) -> None:
    response = nudj_rewards(client, **params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "BAD_REQUEST"
    assert body["data"] == {"httpStatus": 400, "path": "integration.rewards.list"}
    assert isinstance(body["message"], str)


@pytest.mark.parametrize(
    ("language", "title"),
    [
        (None, "Free coffee"),
        ("en", "Free coffee"),
        ("nl", "Gratis koffie"),
        ("nl-NL", "Gratis koffie"),
        ("de", "Gratis Kaffee"),
        ("de-AT", "Gratis Kaffee"),
        ("fr", "Free coffee"),
    ],
)
def test_x_language_picks_the_texts(client: httpx.Client, language: str | None, title: str) -> None:
    headers = NUDJ_AUTH | ({"x-language": language} if language else {})
    edge = client.get(REWARDS, params={"limit": 1}, headers=headers).json()["edges"][0]
    assert edge["details"]["title"] == title


def test_catalogue_content(client: httpx.Client, sim: Simulator) -> None:
    edges = nudj_rewards(client, limit=100).json()["edges"]
    assert sum(1 for e in edges if e["featured"]) == len(NUDJ_FEATURED)
    assert all(e["status"] == "live" for e in edges)
    assert any(e["remainingAssetSupply"] == 0 for e in edges), "a sold-out reward"
    assert len({e["assetPointsPrice"] for e in edges}) > 5
    picture = edges[3]["details"]["light"]["primaryImageUrl"]
    assert picture.startswith(f"{sim.url}/media/nudj/")
    assert client.get(picture).status_code == 200


def test_admin_user_by_piggy_uuid(client: httpx.Client, main_contact: Contact) -> None:
    response = client.get(f"/api/v2/admin/users/{main_contact.uuid}", headers=NUDJ_AUTH)
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == main_contact.uuid
    assert body["email"] == EMAIL_MAIN
    assert body["points"] == 340
    assert body["xp"]["total"] == 1250


def test_admin_user_unknown_and_auth(client: httpx.Client, sim: Simulator) -> None:
    kim = sim.state.data.contact_for_email(EMAIL_NO_CARD)
    assert kim is not None
    # An email is not an id Nudj promises to look up: the demo customer who has an account
    # is not found by it either.
    for wanted in (kim.uuid, EMAIL_NO_CARD, EMAIL_MAIN, EMAIL_MAIN.upper(), "nobody"):
        response = client.get(f"/api/v2/admin/users/{wanted}", headers=NUDJ_AUTH)
        assert response.status_code == 404
        assert response.json()["code"] == "NOT_FOUND"
        assert response.json()["data"]["path"] == "admin.users.get"
    denied = client.get(f"/api/v2/admin/users/{kim.uuid}", headers={"x-api-token": "x"})
    assert denied.status_code == 401
