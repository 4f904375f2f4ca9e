"""Contract: for every documented example, the simulator's answer to the same call has its shape.

The examples are the vendors' own (../shared/api/examples). A test per file; a new example
without a matching call here fails, so the simulator cannot fall behind the docs silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from pos_app.sandbox import Simulator
from pos_app.sandbox.demo_data import (
    CARD_MAIN,
    CARD_UNLINKED,
    DISCORD_MAIN,
    EMAIL_MAIN,
    CollectableItem,
)
from tests.sandbox.helpers import GIFTOIN_AUTH, NUDJ_AUTH, PIGGY, PIGGY_AUTH
from tests.sandbox.shapes import Allowance, compare_shapes

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "api" / "examples"

Call = Callable[[Simulator, httpx.Client], httpx.Response]

GIFTOIN_PROGRESS = f"/api/v1/users/discord/{DISCORD_MAIN}/progress/collection-challenges"

#: The only places where the simulator's shape may differ from an example, and why.
ALLOWANCES: dict[str, dict[str, Allowance]] = {
    "piggy/contact_find_one_by.json": {
        "$.data.current_values.locale": Allowance(
            "nullable", "an attribute the contact may or may not have filled in"
        ),
        "$.data.current_values.birthdate": Allowance(
            "nullable", "an attribute the contact may or may not have filled in"
        ),
        "$.data.current_values.discord_id": Allowance(
            "optional", "a shop's custom attribute (where the Giftoin Discord id is kept)"
        ),
    },
    "piggy/collectable_rewards_list.json": {
        "$.data[].reward.cost_price": Allowance("nullable", "documented as a number or null"),
        "$.data[].reward.stock": Allowance("nullable", "documented as a number or null"),
    },
    "piggy/error_invalid_input_with_errors.json": {
        "$.errors.email": Allowance("optional", "errors lists only the fields that failed"),
    },
    "giftoin/progress_list.json": {
        "$[].reward.claimedTimestamp": Allowance(
            "optional", "every Giftoin field is optional; only a claimed reward has it"
        ),
    },
    "giftoin/progress_list_enveloped.json": {
        "$.data[].reward.claimedTimestamp": Allowance(
            "optional", "every Giftoin field is optional; only a claimed reward has it"
        ),
    },
    "giftoin/progress_one.json": {
        "$.reward.claimedTimestamp": Allowance(
            "optional", "every Giftoin field is optional; only a claimed reward has it"
        ),
    },
    "nudj/rewards_page.json": {
        "$.edges[].drawsAt": Allowance("nullable", "only raffles (entries) have a draw date"),
        "$.edges[].expiresAt": Allowance("nullable", "a reward may have no end date"),
    },
}


def _main_uuid(sim: Simulator) -> str:
    return sim.state.data.contact_for_card(CARD_MAIN).uuid


def _main_item(sim: Simulator, title: str) -> CollectableItem:
    now = sim.state.now()
    return next(
        item
        for item in sim.state.uncollected(_main_uuid(sim))
        if item.reward.title == title and (item.expires_at is None or item.expires_at > now)
    )


def _piggy_get(path: str, **params: str) -> Call:
    return lambda sim, http: http.get(f"{PIGGY}{path}", params=params, headers=PIGGY_AUTH)


def _collect(sim: Simulator, http: httpx.Client) -> httpx.Response:
    item = _main_item(sim, "Coffee voucher")
    return http.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)


def _collect_legacy(sim: Simulator, http: httpx.Client) -> httpx.Response:
    sim.config.legacy_collect = True
    item = _main_item(sim, "Mystery gift")
    return http.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)


def _reverse(sim: Simulator, http: httpx.Client) -> httpx.Response:
    redemption = _collect(sim, http).json()["data"]["uuid"]
    return http.post(f"{PIGGY}/collectable-rewards/{redemption}/reverse", headers=PIGGY_AUTH)


def _collect_expired(sim: Simulator, http: httpx.Client) -> httpx.Response:
    now = sim.state.now()
    item = next(
        i for i in sim.state.uncollected(_main_uuid(sim)) if i.expires_at and i.expires_at < now
    )
    return http.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)


def _rewards(sim: Simulator, http: httpx.Client) -> httpx.Response:
    return _piggy_get("/collectable-rewards", contact_uuid=_main_uuid(sim))(sim, http)


def _send_code(sim: Simulator, http: httpx.Client) -> httpx.Response:
    return http.post(
        f"{PIGGY}/contact-verification/send", data={"email": EMAIL_MAIN}, headers=PIGGY_AUTH
    )


def _verify(sim: Simulator, http: httpx.Client) -> httpx.Response:
    _send_code(sim, http)
    code = sim.last_verification_code(EMAIL_MAIN)
    assert code is not None
    return http.post(
        f"{PIGGY}/contact-verification/verify",
        data={"email": EMAIL_MAIN, "code": code},
        headers=PIGGY_AUTH,
    )


def _token(sim: Simulator, http: httpx.Client) -> httpx.Response:
    form = {
        "grant_type": "client_credentials",
        "client_id": "demo-client-id",
        "client_secret": "demo-client-secret",
    }
    return http.post("/oauth/token", data=form)


def _giftoin(path: str, envelope: bool, key: str = "demo-giftoin-key") -> Call:
    def call(sim: Simulator, http: httpx.Client) -> httpx.Response:
        sim.config.giftoin_envelope = envelope
        return http.get(path, headers=GIFTOIN_AUTH | {"x-gft_api_key": key})

    return call


def _nudj_user(sim: Simulator, http: httpx.Client) -> httpx.Response:
    return http.get(f"/api/v2/admin/users/{_main_uuid(sim)}", headers=NUDJ_AUTH)


#: Each example: the call that must answer like it, and the status it must answer with.
CALLS: dict[str, tuple[Call, int]] = {
    "piggy/oauth_token.json": (_token, 200),
    "piggy/contact_identifier_find.json": (
        _piggy_get("/contact-identifiers/find", contact_identifier_value=CARD_MAIN),
        200,
    ),
    "piggy/contact_identifier_unlinked.json": (
        _piggy_get("/contact-identifiers/find", contact_identifier_value=CARD_UNLINKED),
        200,
    ),
    "piggy/contact_find_one_by.json": (_piggy_get("/contacts/find-one-by", email=EMAIL_MAIN), 200),
    "piggy/error_contact_not_found.json": (
        _piggy_get("/contacts/find-one-by", email="nobody@example.com"),
        400,
    ),
    "piggy/error_invalid_input_with_errors.json": (_piggy_get("/collectable-rewards"), 400),
    "piggy/verification_send.json": (_send_code, 200),
    "piggy/verification_verify.json": (_verify, 200),
    "piggy/shops_list.json": (_piggy_get("/shops"), 200),
    "piggy/collectable_rewards_list.json": (_rewards, 200),
    "piggy/collect_current.json": (_collect, 200),
    "piggy/collect_legacy_full_item.json": (_collect_legacy, 200),
    "piggy/error_reward_expired.json": (_collect_expired, 400),
    "piggy/reverse.json": (_reverse, 200),
    "giftoin/progress_list.json": (_giftoin(GIFTOIN_PROGRESS, envelope=False), 200),
    "giftoin/progress_list_enveloped.json": (_giftoin(GIFTOIN_PROGRESS, envelope=True), 200),
    "giftoin/progress_one.json": (
        _giftoin(f"{GIFTOIN_PROGRESS}/program_autumn_leaves", envelope=False),
        200,
    ),
    "giftoin/error_invalid_key.json": (
        _giftoin(GIFTOIN_PROGRESS, envelope=True, key="not-the-key"),
        400,
    ),
    "nudj/rewards_page.json": (
        lambda sim, http: http.get("/api/v2/integration/rewards", headers=NUDJ_AUTH),
        200,
    ),
    "nudj/error_unauthorized.json": (
        lambda sim, http: http.get("/api/v2/integration/rewards", headers={"x-api-token": "wrong"}),
        401,
    ),
    "nudj/admin_user.json": (_nudj_user, 200),
}


def _example_names() -> list[str]:
    if not EXAMPLES.is_dir():
        pytest.fail(f"the documented examples are missing: {EXAMPLES}")
    return sorted(str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*.json"))


def test_every_example_has_a_call() -> None:
    names = _example_names()
    assert names, f"no examples under {EXAMPLES}"
    assert sorted(set(names) - set(CALLS)) == []
    assert sorted(set(CALLS) - set(names)) == [], "a call for an example that no longer exists"


def test_every_allowance_belongs_to_an_example() -> None:
    assert set(ALLOWANCES) <= set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_answer_has_the_example_shape(name: str, sim: Simulator, client: httpx.Client) -> None:
    example_file = EXAMPLES / name
    if not example_file.is_file():
        pytest.fail(f"missing example {example_file}")
    example = json.loads(example_file.read_text(encoding="utf-8"))
    call, status = CALLS[name]

    response = call(sim, client)

    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    answer = response.json()
    assert compare_shapes(example, answer, ALLOWANCES.get(name)) == []
    # An empty top-level list would pass the comparison without comparing anything.
    for key in ("data", "edges"):
        if isinstance(example, dict) and isinstance(example.get(key), list):
            assert answer[key], f"{name}: the simulator's {key} list is empty"
    if isinstance(example, list):
        assert answer, f"{name}: the simulator's list is empty"


def test_every_allowance_is_needed(sim: Simulator, client: httpx.Client) -> None:
    """An allowance the answers no longer need is stale; drop it rather than keep leeway."""
    for name, allowances in ALLOWANCES.items():
        sim.reset()
        sim.config.giftoin_envelope = True
        sim.config.legacy_collect = False
        example = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        call, _ = CALLS[name]
        answer = call(sim, client).json()
        for path in allowances:
            reduced = {p: a for p, a in allowances.items() if p != path}
            assert compare_shapes(example, answer, reduced) != [], f"{name}: {path} is unused"
