"""`pos-app doctor --customer CARD`: the live, read-only check with one real customer's card.

The vendors are faked with httpx.MockTransport here; tests/e2e/test_doctor_customer.py runs
the same check against the simulator over loopback HTTP.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from pos_app.services.doctor import CheckResult, CheckStatus, Doctor, exit_code, format_table
from pos_app.services.live_check import LiveCheck
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import PiggyAuthMode, Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT.parent / "shared" / "api" / "examples"
SHOP = "5fd3322e-671e-430f-aa38-5ed02e600ff7"
SECRETS = {
    "POS_APP_PIGGY_TOKEN": "piggy-secret-token",
    "POS_APP_GIFTOIN_API_KEY": "giftoin-secret-key",
    "POS_APP_NUDJ_TOKEN": "nudj-secret-token",
}
CARD = "ABCDE12356-90"
CONTACT_UUID = "4f1e2d3c-0000-4000-8000-00000000abcd"
EMAIL = "spongebob@bikinibottom.sea"
DISCORD_ID = "402938475610293847"

Handler = Callable[[httpx.Request], httpx.Response]


def _example(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return loaded


def _identifier() -> dict[str, object]:
    body = _example("piggy/contact_identifier_find.json")
    body["data"]["contact"]["uuid"] = CONTACT_UUID  # type: ignore[index]
    return body


def _contact(**values: object) -> dict[str, object]:
    body = copy.deepcopy(_example("piggy/contact_find_one_by.json"))
    data = body["data"]
    assert isinstance(data, dict)
    data["uuid"] = CONTACT_UUID
    data["current_values"].update(
        {"firstname": "Spongebob", "lastname": "Squarepants", "discord_id": DISCORD_ID}
    )
    data["current_values"].update(values)
    return body


def _rewards() -> dict[str, object]:
    """Three uncollected rewards: one to hand over, one expired, one digital."""
    body = copy.deepcopy(_example("piggy/collectable_rewards_list.json"))
    items = body["data"]
    assert isinstance(items, list)
    fresh = copy.deepcopy(items[0])
    fresh["uuid"] = "lt-fresh"
    fresh["expires_at"] = None
    expired = copy.deepcopy(items[0])
    expired["uuid"] = "lt-expired"
    expired["expires_at"] = "2024-01-25T14:37:04+00:00"
    digital = copy.deepcopy(items[0])
    digital["uuid"] = "lt-digital"
    digital["expires_at"] = None
    digital["reward"]["reward_type"] = "DIGITAL"
    collected = copy.deepcopy(items[0])
    collected["uuid"] = "lt-collected"
    collected["has_been_collected"] = True
    body["data"] = [fresh, expired, digital, collected]
    return body


def _nudj_rewards() -> dict[str, object]:
    """The documented page as the only page, its one reward live."""
    body = _example("nudj/rewards_page.json")
    body["totalCount"] = 1
    body["edges"][0]["status"] = "live"  # type: ignore[index]
    return body


class Vendors:
    """A fake of the three vendors that records every request it received."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.identifier: Handler = lambda request: httpx.Response(200, json=_identifier())
        self.contact: Handler = lambda request: httpx.Response(200, json=_contact())
        self.rewards: Handler = lambda request: httpx.Response(200, json=_rewards())
        self.shops: Handler = lambda request: httpx.Response(
            200, json=_example("piggy/shops_list.json")
        )
        self.giftoin: Handler = lambda request: httpx.Response(
            200, json=_example("giftoin/progress_list.json")
        )
        self.nudj_user: Handler = lambda request: httpx.Response(
            200, json=_example("nudj/admin_user.json")
        )
        self.nudj_rewards: Handler = lambda request: httpx.Response(200, json=_nudj_rewards())

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        host, path = request.url.host, request.url.path
        if host == "piggy.test":
            assert request.headers["authorization"] == "Bearer piggy-secret-token"
            prefix = "/api/v3/oauth/clients"
            if path == f"{prefix}/contact-identifiers/find":
                return self.identifier(request)
            if path == f"{prefix}/contacts/{CONTACT_UUID}":
                return self.contact(request)
            if path == f"{prefix}/collectable-rewards":
                return self.rewards(request)
            if path == f"{prefix}/shops":
                return self.shops(request)
        if host == "giftoin.test" and path.endswith("/progress/collection-challenges"):
            return self.giftoin(request)
        if host == "nudj.test":
            if path.startswith("/api/v2/admin/users/"):
                return self.nudj_user(request)
            if path == "/api/v2/integration/rewards":
                return self.nudj_rewards(request)
        return httpx.Response(404, json={"message": f"no route {path}"})

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)


def _settings(**changes: object) -> Settings:
    base = load_settings().with_overrides(
        piggy_base_url="https://piggy.test",
        giftoin_base_url="https://giftoin.test",
        nudj_base_url="https://nudj.test",
        shop_uuid=SHOP,
        giftoin_platform="discord",
        giftoin_user_attribute="discord_id",
        nudj_user_id_source="uuid",
    )
    return base.model_copy(update=changes)


async def _no_wait(seconds: float) -> None:
    return None


async def _check(
    vendors: Vendors,
    card: str = CARD,
    settings: Settings | None = None,
    env: dict[str, str] | None = None,
) -> list[CheckResult]:
    store = SecretStore(env=SECRETS if env is None else env, use_keyring=False)
    check = LiveCheck(settings or _settings(), store, transport=vendors.transport, sleep=_no_wait)
    return await check.run(card)


def _row(results: list[CheckResult], component: str, check: str) -> CheckResult:
    matches = [r for r in results if r.component == component and r.check == check]
    assert len(matches) == 1, results
    return matches[0]


def _shown(results: list[CheckResult]) -> str:
    """Everything a person could read of the rows: the table and the app's next steps."""
    return format_table(results) + "\n".join(r.app_step for r in results)


@pytest.mark.asyncio
async def test_a_linked_customer_gives_a_row_per_part() -> None:
    vendors = Vendors()
    results = await _check(vendors)
    found = _row(results, "Customer", "found")
    assert found.status is CheckStatus.OK
    assert CONTACT_UUID[:8] in found.detail
    rewards = _row(results, "Customer", "rewards")
    assert rewards.status is CheckStatus.OK
    assert rewards.detail == "3 uncollected: 1 to hand over, 1 expired, 1 digital"
    giftoin = _row(results, "Giftoin", "customer")
    assert giftoin.status is CheckStatus.OK
    assert giftoin.detail.startswith("1 challenge")
    assert "discord_id" in giftoin.detail
    nudj = _row(results, "Nudj", "customer")
    assert nudj.status is CheckStatus.OK
    assert nudj.detail.startswith("340 points, 1 reward")
    assert exit_code(results) == 0
    # Nothing but reads reached the vendors.
    assert {request.method for request in vendors.requests} == {"GET"}


@pytest.mark.asyncio
async def test_no_email_name_or_id_value_is_shown() -> None:
    vendors = Vendors()
    results = await _check(vendors, settings=_settings(nudj_user_id_source="email"))
    shown = _shown(results)
    for private in (EMAIL, "Spongebob", "Squarepants", DISCORD_ID, "@"):
        assert private not in shown
    # The Nudj lookup did use the address, and the row says so in words only.
    nudj_paths = [r.url.path for r in vendors.requests if r.url.path.startswith("/api/v2/admin")]
    assert nudj_paths == [f"/api/v2/admin/users/{EMAIL}"]
    assert "email" in _row(results, "Nudj", "customer").detail


@pytest.mark.asyncio
async def test_unknown_card() -> None:
    vendors = Vendors()
    vendors.identifier = lambda request: httpx.Response(
        400, json={"message": "Contact identifier not found.", "code": 60003, "status_code": 400}
    )
    results = await _check(vendors)
    found = _row(results, "Customer", "found")
    assert found.status is CheckStatus.FAIL
    assert found.detail == "no customer with this card"
    assert "scan a card that works at the counter" in found.next_step.lower()
    assert found.app_step
    for component, check in (
        ("Customer", "rewards"),
        ("Giftoin", "customer"),
        ("Nudj", "customer"),
    ):
        assert _row(results, component, check).status is CheckStatus.SKIPPED
    assert exit_code(results) == 1


@pytest.mark.asyncio
async def test_unlinked_and_blocked_cards() -> None:
    vendors = Vendors()
    vendors.identifier = lambda request: httpx.Response(
        200, json=_example("piggy/contact_identifier_unlinked.json")
    )
    unlinked = _row(await _check(vendors), "Customer", "found")
    assert unlinked.status is CheckStatus.FAIL
    assert "not linked" in unlinked.detail
    vendors.identifier = lambda request: httpx.Response(
        400, json={"message": "Contact identifier inactive.", "code": 60004, "status_code": 400}
    )
    blocked = _row(await _check(vendors), "Customer", "found")
    assert blocked.status is CheckStatus.FAIL
    assert "blocked" in blocked.detail


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("value", "detail"),
    [(f"  {EMAIL}\r", "an email address is not a card"), (" \t", "no card value given")],
)
async def test_what_is_not_a_card_is_refused_without_asking_anyone(value: str, detail: str) -> None:
    vendors = Vendors()
    results = await _check(vendors, card=value)
    found = _row(results, "Customer", "found")
    assert found.status is CheckStatus.FAIL
    assert found.detail.startswith(detail)
    assert "card" in found.next_step
    assert vendors.requests == []
    assert EMAIL not in _shown(results)
    assert _row(results, "Nudj", "customer").status is CheckStatus.SKIPPED


@pytest.mark.asyncio
async def test_rejected_token() -> None:
    vendors = Vendors()
    vendors.identifier = lambda request: httpx.Response(401, json={"message": "Unauthenticated."})
    results = await _check(vendors)
    found = _row(results, "Customer", "found")
    assert found.status is CheckStatus.FAIL
    assert "refused" in found.detail
    assert "pos-app secrets set piggy-token" in found.next_step
    assert found.app_step == "Open Settings → Connect to Piggy and paste a new token."


@pytest.mark.asyncio
async def test_timeouts_and_refused_connections_are_words() -> None:
    def time_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    vendors = Vendors()
    vendors.rewards = time_out
    vendors.nudj_user = refuse
    results = await _check(vendors)
    assert _row(results, "Customer", "found").status is CheckStatus.OK
    rewards = _row(results, "Customer", "rewards")
    assert rewards.status is CheckStatus.FAIL
    assert rewards.detail == "https://piggy.test did not answer in time"
    nudj = _row(results, "Nudj", "customer")
    assert nudj.status is CheckStatus.FAIL
    assert nudj.detail == "cannot connect to https://nudj.test"
    assert "nudj_base_url" in nudj.next_step
    assert "Traceback" not in format_table(results)
    # Giftoin answered: one program failing does not touch the other.
    assert _row(results, "Giftoin", "customer").status is CheckStatus.OK


@pytest.mark.asyncio
async def test_programs_not_set_up_are_skipped() -> None:
    vendors = Vendors()
    settings = _settings(giftoin_base_url=None, nudj_base_url=None)
    results = await _check(vendors, settings=settings)
    assert _row(results, "Giftoin", "customer").status is CheckStatus.SKIPPED
    assert _row(results, "Nudj", "customer").status is CheckStatus.SKIPPED
    assert exit_code(results) == 0
    assert not any(r.url.host in ("giftoin.test", "nudj.test") for r in vendors.requests)


@pytest.mark.asyncio
async def test_giftoin_without_an_attribute_setting() -> None:
    results = await _check(Vendors(), settings=_settings(giftoin_user_attribute=None))
    row = _row(results, "Giftoin", "customer")
    assert row.status is CheckStatus.WARN
    assert "giftoin_user_attribute" in row.next_step
    assert row.app_step.startswith("Open Settings → Giftoin and Nudj")


@pytest.mark.asyncio
async def test_a_contact_without_the_giftoin_attribute_names_the_attribute() -> None:
    vendors = Vendors()
    vendors.contact = lambda request: httpx.Response(200, json=_contact(discord_id=None))
    results = await _check(vendors)
    row = _row(results, "Giftoin", "customer")
    assert row.status is CheckStatus.WARN
    assert "discord_id" in row.detail
    assert "giftoin_user_attribute" in row.next_step
    # The names of the attributes the contact does have help to choose another one.
    assert "firstname" in row.next_step
    assert "open Settings → Giftoin and Nudj" in row.app_step


@pytest.mark.asyncio
async def test_giftoin_and_nudj_finding_nobody() -> None:
    vendors = Vendors()
    vendors.giftoin = lambda request: httpx.Response(
        404, json={"status": {"timestamp": 1, "errorCode": 404, "errorMessage": "No user"}}
    )
    vendors.nudj_user = lambda request: httpx.Response(
        404, json={"message": "Not found", "code": "NOT_FOUND", "data": {"httpStatus": 404}}
    )
    settings = _settings(nudj_user_id_source="attribute:nudj_id")
    vendors.contact = lambda request: httpx.Response(200, json=_contact(nudj_id="nj-77"))
    results = await _check(vendors, settings=settings)
    giftoin = _row(results, "Giftoin", "customer")
    assert giftoin.status is CheckStatus.WARN
    assert "discord" in giftoin.detail
    assert "discord_id" in giftoin.detail
    nudj = _row(results, "Nudj", "customer")
    assert nudj.status is CheckStatus.WARN
    assert "attribute:nudj_id" in nudj.detail
    assert "nudj_user_id_source" in nudj.next_step
    assert "nj-77" not in _shown(results)
    assert DISCORD_ID not in _shown(results)


@pytest.mark.asyncio
async def test_piggy_not_set_up() -> None:
    vendors = Vendors()
    results = await _check(vendors, env={})
    found = _row(results, "Customer", "found")
    assert found.status is CheckStatus.FAIL
    assert "pos-app secrets set piggy-token" in found.next_step
    assert found.app_step == "Open Settings → Connect to Piggy and paste the token."
    assert vendors.requests == []


@pytest.mark.asyncio
@pytest.mark.usefixtures("memory_keyring")
async def test_doctor_with_a_customer_adds_the_live_rows_after_its_own() -> None:
    vendors = Vendors()
    store = SecretStore(env=SECRETS, use_keyring=False)
    results = await Doctor(_settings(), store, transport=vendors.transport).run(customer=CARD)
    components = [r.component for r in results]
    assert components.index("Customer") > max(
        i
        for i, c in enumerate(components)
        if c in ("Piggy", "Giftoin", "Nudj") and results[i].check != "customer"
    )
    assert [r.check for r in results if r.component == "Customer"] == ["found", "rewards"]
    assert [r for r in results if r.status is CheckStatus.FAIL] == []


@pytest.mark.asyncio
@pytest.mark.usefixtures("no_keyring")
async def test_every_step_naming_a_command_or_variable_has_app_words(tmp_path: Path) -> None:
    """A manager's "Check this counter" screen shows ``app_step``: no command lines there."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    working = Vendors()
    failing = Vendors()
    failing.giftoin = refuse
    failing.shops = lambda request: httpx.Response(401, json={"message": "Unauthenticated."})
    failing.nudj_rewards = lambda request: httpx.Response(200, text="<html>hello</html>")
    client_credentials = PiggyAuthMode.CLIENT_CREDENTIALS
    scenarios: list[tuple[Settings, dict[str, str], Vendors]] = [
        (_settings(data_dir=blocker / "data"), {}, working),
        (_settings(shop_uuid=None, nudj_base_url=None), SECRETS, working),
        (_settings(shop_uuid="nope", nudj_user_id_source="email"), SECRETS, working),
        (_settings(piggy_auth_mode=client_credentials), {}, working),
        (_settings(nudj_base_url=None), {"POS_APP_NUDJ_TOKEN": "t"}, working),
        (_settings(), SECRETS, failing),
    ]
    rows: list[CheckResult] = []
    for settings, env, vendors in scenarios:
        store = SecretStore(env=env, use_keyring=False)
        rows += await Doctor(settings, store, transport=vendors.transport).run()
    technical = [r for r in rows if "pos-app" in r.next_step or "POS_APP_" in r.next_step]
    assert len({(r.component, r.check, r.detail) for r in technical}) >= 10
    for row in technical:
        assert row.app_step, row
        assert "pos-app" not in row.app_step, row
        assert "POS_APP_" not in row.app_step, row
        assert "`" not in row.app_step, row


@pytest.mark.asyncio
async def test_no_giftoin_challenges_says_what_it_may_mean() -> None:
    # Giftoin does not promise a 404 for an id it does not know (API_NOTES.md §4).
    vendors = Vendors()
    vendors.giftoin = lambda request: httpx.Response(200, json=[])
    row = _row(await _check(vendors), "Giftoin", "customer")
    assert row.status is CheckStatus.OK
    assert row.detail.startswith("no challenges")
    assert "does not know" in row.detail
