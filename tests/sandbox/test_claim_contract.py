"""Contract: the simulator answers the claim calls in the shape of their examples
(tests/api/examples/, see its README), as test_contract.py does for the shared examples."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from pos_app.sandbox import Simulator
from pos_app.sandbox.demo_data import CARD_EMPTY, CARD_MAIN
from tests.sandbox.helpers import PIGGY, PIGGY_AUTH, main_uuid
from tests.sandbox.shapes import Allowance, compare_shapes

EXAMPLES = Path(__file__).resolve().parents[1] / "api" / "examples"

Call = Callable[[Simulator, httpx.Client], httpx.Response]

_CUSTOM = "an account's custom attributes: the docs' keys are their examples, not a schema"
_ADDRESS = "the docs' reception example leaves the shop's address null, the others fill it in"
_LEFT_OUT = "the docs' first item leaves it out; later items and Get Reward carry it"

_RECEPTION_CUSTOM = ("eennaam", "middle_name", "middle_name1223434", "asdfjkl", "something")
_ADDRESS_FIELDS = ("street", "housenumber", "postalcode", "city", "state", "country")


def _reception_allowances(prefix: str) -> dict[str, Allowance]:
    allowances = {
        f"{prefix}.reward.description": Allowance("nullable", "documented as a text or null"),
    }
    allowances |= {
        f"{prefix}.reward.{key}": Allowance("optional", _CUSTOM) for key in _RECEPTION_CUSTOM
    }
    allowances |= {
        f"{prefix}.shop.address.{key}": Allowance("nullable", _ADDRESS) for key in _ADDRESS_FIELDS
    }
    return allowances


ALLOWANCES: dict[str, dict[str, Allowance]] = {
    "piggy/rewards_list.json": {
        "$.data[].custom_attribute_one": Allowance("optional", _CUSTOM),
        "$.data[].custom_attribute_two": Allowance("optional", _CUSTOM),
        "$.data[].pre_redeemable": Allowance("optional", _LEFT_OUT),
        "$.data[].expiration_duration": Allowance("optional", _LEFT_OUT),
        "$.data[].cost_price": Allowance("optional", "Get Reward carries it, the list does not"),
        "$.data[].stock": Allowance("optional", "Get Reward carries it, the list does not"),
    },
    "piggy/reward_reception_create.json": _reception_allowances("$.data"),
    "piggy/reward_reception_reverse.json": {
        "$.data.someAttribute": Allowance("optional", "a custom loyalty transaction attribute"),
        "$.data.someAttribute2": Allowance("optional", "a custom loyalty transaction attribute"),
        "$.data.someAttribute21123": Allowance(
            "optional", "a custom loyalty transaction attribute"
        ),
    },
    "piggy/loyalty_transactions_list.json": {
        "$.data[].unit_value": Allowance("nullable", "documented as a number or null"),
    },
    "piggy/loyalty_transactions_reward_receptions.json": _reception_allowances("$.data[]"),
}


def _shop(sim: Simulator) -> str:
    return sim.state.data.shops[0].uuid


def _claim(sim: Simulator, http: httpx.Client, title: str = "Coffee voucher") -> httpx.Response:
    form = {
        "contact_uuid": main_uuid(sim),
        "reward_uuid": sim.state.data.reward_by_title(title).uuid,
        "shop_uuid": _shop(sim),
    }
    return http.post(f"{PIGGY}/reward-receptions", data=form, headers=PIGGY_AUTH)


def _reverse(sim: Simulator, http: httpx.Client) -> httpx.Response:
    reception = _claim(sim, http).json()["data"]["uuid"]
    return http.post(f"{PIGGY}/reward-receptions/{reception}/reverse", headers=PIGGY_AUTH)


def _transactions(**params: str) -> Call:
    def call(sim: Simulator, http: httpx.Client) -> httpx.Response:
        query = {"contact_uuid": main_uuid(sim)} | params
        return http.get(f"{PIGGY}/loyalty-transactions", params=query, headers=PIGGY_AUTH)

    return call


def _receptions(sim: Simulator, http: httpx.Client) -> httpx.Response:
    _claim(sim, http)
    return _transactions(type="reward_receptions")(sim, http)


def _credits(sim: Simulator, http: httpx.Client) -> httpx.Response:
    return _transactions(type="credit_receptions")(sim, http)


def _too_few_points(sim: Simulator, http: httpx.Client) -> httpx.Response:
    form = {
        "contact_uuid": sim.state.data.contact_for_card(CARD_EMPTY).uuid,
        "reward_uuid": sim.state.data.reward_by_title("Shop mug").uuid,
        "shop_uuid": _shop(sim),
        "contact_identifier_value": CARD_EMPTY,
    }
    return http.post(f"{PIGGY}/reward-receptions", data=form, headers=PIGGY_AUTH)


def _rewards(sim: Simulator, http: httpx.Client) -> httpx.Response:
    return http.get(f"{PIGGY}/rewards", params={"shop_uuid": _shop(sim)}, headers=PIGGY_AUTH)


CALLS: dict[str, tuple[Call, int]] = {
    "piggy/rewards_list.json": (_rewards, 200),
    "piggy/reward_reception_create.json": (_claim, 200),
    "piggy/reward_reception_reverse.json": (_reverse, 200),
    "piggy/loyalty_transactions_list.json": (_credits, 200),
    "piggy/loyalty_transactions_reward_receptions.json": (_receptions, 200),
    "piggy/error_insufficient_credits.json": (_too_few_points, 400),
}

#: Examples of calls the app does not make, so the simulator does not serve them.
NOT_SERVED = {"piggy/reward_get.json"}


def test_every_claim_example_has_a_call() -> None:
    names = {str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*.json")}
    assert sorted(names - set(CALLS) - NOT_SERVED) == []
    assert sorted(set(CALLS) - names) == []
    assert set(ALLOWANCES) <= set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_claim_answer_has_the_example_shape(
    name: str, sim: Simulator, client: httpx.Client
) -> None:
    example = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    call, status = CALLS[name]

    response = call(sim, client)

    assert response.status_code == status, response.text
    answer = response.json()
    assert compare_shapes(example, answer, ALLOWANCES.get(name)) == []
    if isinstance(example.get("data"), list):
        assert answer["data"], f"{name}: the simulator's data list is empty"


def test_every_claim_allowance_is_needed(sim: Simulator, client: httpx.Client) -> None:
    for name, allowances in ALLOWANCES.items():
        sim.reset()
        example = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        answer = CALLS[name][0](sim, client).json()
        for path in allowances:
            reduced = {p: a for p, a in allowances.items() if p != path}
            assert compare_shapes(example, answer, reduced) != [], f"{name}: {path} is unused"


def test_the_main_card_claims_like_the_docs_example(sim: Simulator, client: httpx.Client) -> None:
    """With the card shown, the reception names it (the docs' example shows null)."""
    form = {
        "contact_uuid": main_uuid(sim),
        "reward_uuid": sim.state.data.reward_by_title("Shop mug").uuid,
        "shop_uuid": _shop(sim),
        "contact_identifier_value": CARD_MAIN,
    }
    data = client.post(f"{PIGGY}/reward-receptions", data=form, headers=PIGGY_AUTH).json()["data"]
    assert data["contact_identifier"]["value"] == CARD_MAIN
