"""The simulated Piggy API over real loopback HTTP: auth, lookups, rewards and their rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox.demo_data import (
    BIG_REWARD_COUNT,
    CARD_BIG,
    CARD_BLOCKED,
    CARD_EMPTY,
    CARD_MAIN,
    CARD_UNLINKED,
    EMAIL_EMPTY,
    EMAIL_MAIN,
    Contact,
)
from tests.sandbox.helpers import PIGGY, PIGGY_AUTH, fresh_item

TOKEN_FORM = {
    "grant_type": "client_credentials",
    "client_id": "demo-client-id",
    "client_secret": "demo-client-secret",
}


def find_card(client: httpx.Client, value: str) -> httpx.Response:
    return client.get(
        f"{PIGGY}/contact-identifiers/find",
        params={"contact_identifier_value": value},
        headers=PIGGY_AUTH,
    )


def rewards(client: httpx.Client, contact_uuid: str) -> list[dict[str, Any]]:
    response = client.get(
        f"{PIGGY}/collectable-rewards", params={"contact_uuid": contact_uuid}, headers=PIGGY_AUTH
    )
    assert response.status_code == 200, response.text
    data: list[dict[str, Any]] = response.json()["data"]
    return data


def collect(client: httpx.Client, loyalty_transaction_uuid: str) -> httpx.Response:
    return client.put(
        f"{PIGGY}/collectable-rewards/collect/{loyalty_transaction_uuid}", headers=PIGGY_AUTH
    )


def reverse(client: httpx.Client, redemption_uuid: str) -> httpx.Response:
    return client.post(f"{PIGGY}/collectable-rewards/{redemption_uuid}/reverse", headers=PIGGY_AUTH)


def domain_error(response: httpx.Response) -> tuple[int, str]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["status_code"] == 400
    return body["code"], body["message"]


# --- auth -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": "demo-piggy-token"},
        {"Authorization": "Basic demo-piggy-token"},
    ],
    ids=["none", "wrong", "no-scheme", "basic"],
)
def test_requests_without_a_valid_token_get_laravels_bare_401(
    client: httpx.Client, headers: dict[str, str]
) -> None:
    response = client.get(f"{PIGGY}/shops", headers=headers | {"Accept": "application/json"})
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthenticated."}


def test_client_credentials_token_is_then_accepted(client: httpx.Client) -> None:
    response = client.post("/oauth/token", data=TOKEN_FORM)
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 31_536_000
    token = body["access_token"]
    assert token.count(".") == 2
    shops = client.get(f"{PIGGY}/shops", headers={"Authorization": f"Bearer {token}"})
    assert shops.status_code == 200


def test_token_endpoint_is_not_under_api_v3(client: httpx.Client) -> None:
    assert client.post(f"{PIGGY}/oauth/token", data=TOKEN_FORM).status_code == 404


@pytest.mark.parametrize(
    ("form", "status", "error"),
    [
        (TOKEN_FORM | {"client_secret": "wrong"}, 401, "invalid_client"),
        (TOKEN_FORM | {"client_id": "someone-else"}, 401, "invalid_client"),
        (TOKEN_FORM | {"grant_type": "password"}, 400, "unsupported_grant_type"),
        ({"client_id": "demo-client-id"}, 400, "invalid_request"),
    ],
)
def test_token_endpoint_rejects_bad_requests(
    client: httpx.Client, form: dict[str, str], status: int, error: str
) -> None:
    response = client.post("/oauth/token", data=form)
    assert response.status_code == status
    assert response.json()["error"] == error
    assert "access_token" not in response.json()


def test_issued_token_expires() -> None:
    moments = [datetime(2026, 3, 2, 10, 0, tzinfo=UTC)]
    with (
        start_simulator(clock=lambda: moments[0], token_ttl_seconds=60) as sim,
        httpx.Client(base_url=sim.url) as client,
    ):
        token = client.post("/oauth/token", data=TOKEN_FORM).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get(f"{PIGGY}/shops", headers=auth).status_code == 200
        moments[0] += timedelta(seconds=61)
        assert client.get(f"{PIGGY}/shops", headers=auth).status_code == 401


def test_other_credentials_replace_the_demo_ones() -> None:
    with (
        start_simulator(piggy_token="shop-token", client_secret="s3cret") as sim,
        httpx.Client(base_url=sim.url) as client,
    ):
        assert client.get(f"{PIGGY}/shops", headers=PIGGY_AUTH).status_code == 401
        ok = client.get(f"{PIGGY}/shops", headers={"Authorization": "Bearer shop-token"})
        assert ok.status_code == 200
        assert client.post("/oauth/token", data=TOKEN_FORM).status_code == 401
        good = client.post("/oauth/token", data=TOKEN_FORM | {"client_secret": "s3cret"})
        assert good.status_code == 200


def test_rate_limit_headers_count_down(client: httpx.Client) -> None:
    first = client.get(f"{PIGGY}/shops", headers=PIGGY_AUTH)
    second = client.get(f"{PIGGY}/shops", headers=PIGGY_AUTH)
    assert first.headers["X-RateLimit-Limit"] == "5000"
    remaining = int(first.headers["X-RateLimit-Remaining"])
    assert int(second.headers["X-RateLimit-Remaining"]) == remaining - 1


def test_exceeding_the_rate_limit_answers_429_with_retry_after() -> None:
    with start_simulator(rate_limit_per_minute=2) as sim, httpx.Client(base_url=sim.url) as client:
        for _ in range(2):
            assert client.get(f"{PIGGY}/shops", headers=PIGGY_AUTH).status_code == 200
        response = client.get(f"{PIGGY}/shops", headers=PIGGY_AUTH)
        assert response.status_code == 429
        assert response.json() == {"message": "Too Many Attempts."}
        assert 1 <= int(response.headers["Retry-After"]) <= 60
        assert response.headers["X-RateLimit-Remaining"] == "0"


def test_json_is_written_the_php_way(client: httpx.Client, main_contact: Contact) -> None:
    response = client.get(
        f"{PIGGY}/collectable-rewards",
        params={"contact_uuid": main_contact.uuid},
        headers=PIGGY_AUTH,
    )
    # json_encode escapes slashes and non-ASCII; a client must decode JSON, not match text.
    assert "http:\\/\\/" in response.text
    assert "\\u00e8" in response.text  # the "è" of "Crème brûlée"
    assert any(r["title"] == "Crème brûlée chocolate bar" for r in response.json()["data"])


# --- contact identifiers and contacts -------------------------------------------------------


def test_card_lookup_finds_the_linked_contact(client: httpx.Client, sim: Simulator) -> None:
    response = find_card(client, CARD_MAIN)
    assert response.status_code == 200
    body = response.json()
    assert body["meta"] == []
    contact = body["data"]["contact"]
    assert contact == {"uuid": sim.state.data.contact_for_card(CARD_MAIN).uuid, "email": EMAIL_MAIN}
    assert body["data"]["active"] is True


def test_unlinked_card_has_no_contact(client: httpx.Client) -> None:
    response = find_card(client, CARD_UNLINKED)
    assert response.status_code == 200
    assert response.json()["data"]["contact"] is None


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        (CARD_BLOCKED, 60004, "Contact identifier inactive."),
        ("NO-SUCH-CARD", 60003, "Contact identifier not found."),
        ("demo-card-1", 60003, "Contact identifier not found."),
        ("", 1003, "Invalid input."),
    ],
)
def test_card_lookup_errors(client: httpx.Client, value: str, code: int, message: str) -> None:
    assert domain_error(find_card(client, value)) == (code, message)


def test_contact_by_email_and_by_uuid(client: httpx.Client, main_contact: Contact) -> None:
    by_email = client.get(
        f"{PIGGY}/contacts/find-one-by", params={"email": "Demo@Example.com"}, headers=PIGGY_AUTH
    )
    by_uuid = client.get(f"{PIGGY}/contacts/{main_contact.uuid}", headers=PIGGY_AUTH)
    assert by_email.status_code == by_uuid.status_code == 200
    assert by_email.json() == by_uuid.json()
    data = by_uuid.json()["data"]
    assert by_uuid.json()["meta"] == []
    assert data["uuid"] == main_contact.uuid
    assert data["current_values"]["firstname"] == "Robin"
    assert data["current_values"]["lastname"] == "de Vries"
    assert data["tier"]["name"] == "Gold"
    assert data["credit_balance"]["balance"] == 1612
    assert data["current_values"]["discord_id"] == main_contact.discord_id
    # The secrets Piggy really sends, which the app must drop.
    assert "token=" in data["current_values"]["custom_app_login_url"]
    assert isinstance(data["current_values"]["custom_app_login_code"], int)


def test_contact_without_tier_or_discord_id(client: httpx.Client, sim: Simulator) -> None:
    contact = sim.state.data.contact_for_card(CARD_EMPTY)
    data = client.get(f"{PIGGY}/contacts/{contact.uuid}", headers=PIGGY_AUTH).json()["data"]
    assert data["tier"] is None
    assert data["current_values"]["discord_id"] is None


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [({}, 1003, "email"), ({"email": "not-an-email"}, 1003, "email")],
)
def test_find_by_email_validates_input(
    client: httpx.Client, params: dict[str, str], code: int, field: str
) -> None:
    response = client.get(f"{PIGGY}/contacts/find-one-by", params=params, headers=PIGGY_AUTH)
    assert domain_error(response)[0] == code
    assert field in response.json()["errors"]


def test_unknown_contact(client: httpx.Client) -> None:
    by_email = client.get(
        f"{PIGGY}/contacts/find-one-by", params={"email": "x@example.com"}, headers=PIGGY_AUTH
    )
    by_uuid = client.get(f"{PIGGY}/contacts/no-such-uuid", headers=PIGGY_AUTH)
    assert domain_error(by_email) == domain_error(by_uuid) == (55031, "Contact not found.")


def test_shops(client: httpx.Client) -> None:
    body = client.get(f"{PIGGY}/shops", headers=PIGGY_AUTH).json()
    assert body["meta"] == {}
    assert {shop["type"] for shop in body["data"]} == {"physical", "web"}


# --- verification ---------------------------------------------------------------------------


def send_code(client: httpx.Client, email: str) -> httpx.Response:
    return client.post(
        f"{PIGGY}/contact-verification/send", data={"email": email}, headers=PIGGY_AUTH
    )


def verify(client: httpx.Client, email: str, code: str) -> httpx.Response:
    return client.post(
        f"{PIGGY}/contact-verification/verify",
        data={"email": email, "code": code},
        headers=PIGGY_AUTH,
    )


def test_verification_code_round_trip(
    client: httpx.Client, sim: Simulator, main_contact: Contact
) -> None:
    assert sim.last_verification_code(EMAIL_MAIN) is None
    sent = send_code(client, EMAIL_MAIN)
    assert sent.status_code == 200
    assert sent.json()["data"]["type"] == "Success"
    assert EMAIL_MAIN in sent.json()["data"]["message"]
    code = sim.last_verification_code(EMAIL_MAIN)
    assert code is not None
    assert len(code) == 6
    assert code.isdigit()

    wrong = "000000" if code != "000000" else "111111"
    assert domain_error(verify(client, EMAIL_MAIN, wrong)) == (13010, "Passcode not found.")
    right = verify(client, EMAIL_MAIN, code)
    assert right.status_code == 200
    assert right.json() == {"data": {"uuid": main_contact.uuid}, "meta": {}}
    # [inferred] A code is good for one verification.
    assert domain_error(verify(client, EMAIL_MAIN, code))[0] == 13010


def test_verification_accepts_a_json_body(client: httpx.Client, sim: Simulator) -> None:
    response = client.post(
        f"{PIGGY}/contact-verification/send", json={"email": EMAIL_MAIN}, headers=PIGGY_AUTH
    )
    assert response.status_code == 200
    assert sim.last_verification_code(EMAIL_MAIN) is not None


def test_a_new_code_replaces_the_old_one(client: httpx.Client, sim: Simulator) -> None:
    send_code(client, EMAIL_MAIN)
    first = sim.last_verification_code(EMAIL_MAIN)
    send_code(client, EMAIL_MAIN)
    second = sim.last_verification_code(EMAIL_MAIN)
    assert first is not None
    assert second is not None
    if first != second:
        assert domain_error(verify(client, EMAIL_MAIN, first))[0] == 13010
    assert verify(client, EMAIL_MAIN, second).status_code == 200


@pytest.mark.parametrize(
    ("email", "code", "message"),
    [
        ("nobody@example.com", 55031, "Contact not found."),
        (EMAIL_EMPTY, 55032, "User app not found."),
        ("not an email", 1003, "Invalid input."),
        ("", 1003, "Invalid input."),
    ],
)
def test_verification_send_errors(
    client: httpx.Client, email: str, code: int, message: str
) -> None:
    assert domain_error(send_code(client, email)) == (code, message)


def test_verify_errors(client: httpx.Client) -> None:
    assert domain_error(verify(client, "nobody@example.com", "123456"))[0] == 55031
    assert domain_error(verify(client, EMAIL_EMPTY, "123456"))[0] == 55032
    missing_code = client.post(
        f"{PIGGY}/contact-verification/verify", data={"email": EMAIL_MAIN}, headers=PIGGY_AUTH
    )
    assert domain_error(missing_code)[0] == 1003
    assert "code" in missing_code.json()["errors"]


def test_mailbox_logs_the_code_only_at_debug(
    client: httpx.Client, sim: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="pos_app.sandbox.mailbox"):
        send_code(client, EMAIL_MAIN)
    code = sim.last_verification_code(EMAIL_MAIN)
    assert code is not None
    assert caplog.records, "sending a code is logged"
    assert all(code not in record.getMessage() for record in caplog.records)
    caplog.clear()
    with caplog.at_level("DEBUG", logger="pos_app.sandbox.mailbox"):
        send_code(client, EMAIL_MAIN)
    new_code = sim.last_verification_code(EMAIL_MAIN)
    assert new_code is not None
    assert any(new_code in r.getMessage() for r in caplog.records if r.levelname == "DEBUG")


# --- collectable rewards --------------------------------------------------------------------


def test_main_customer_has_a_varied_list(
    client: httpx.Client, sim: Simulator, main_contact: Contact
) -> None:
    items = rewards(client, main_contact.uuid)
    assert 25 <= len(items) <= 35
    now = sim.state.now()
    expiries = [
        datetime.fromisoformat(str(item["expires_at"])) if item["expires_at"] else None
        for item in items
    ]
    today = now.astimezone().date()
    assert any(e is not None and e < now for e in expiries), "expired"
    assert any(e is not None and e > now and e.astimezone().date() == today for e in expiries)
    assert any(
        e is not None and now + timedelta(days=1) < e < now + timedelta(days=7) for e in expiries
    )
    assert any(e is not None and e > now + timedelta(days=30) for e in expiries), "fresh"
    assert any(e is None for e in expiries), "no expiry"
    kinds = [item["reward"]["reward_type"] for item in items]
    assert kinds.count("DIGITAL") == 1
    medias = [item["reward"]["media"] for item in items]
    assert any(m is None for m in medias)
    assert any(m is not None for m in medias)
    assert any("eennaam" in item["reward"] for item in items)
    assert all(item["has_been_collected"] is False for item in items)
    # The item's uuid is the loyalty transaction; a few are not UUID-shaped at all.
    assert any(len(str(item["uuid"])) != 36 for item in items)


def test_reward_pictures_are_served_by_the_simulator(
    client: httpx.Client, sim: Simulator, main_contact: Contact
) -> None:
    medias = [item["reward"]["media"] for item in rewards(client, main_contact.uuid)]
    urls = {m["value"] for m in medias if m}
    assert urls
    for url in urls:
        assert url.startswith(f"{sim.url}/media/")
        picture = client.get(url)
        assert picture.status_code == 200
        assert picture.headers["content-type"] == "image/png"
        assert picture.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_other_customers_lists(client: httpx.Client, sim: Simulator) -> None:
    assert rewards(client, sim.state.data.contact_for_card(CARD_EMPTY).uuid) == []
    big = rewards(client, sim.state.data.contact_for_card(CARD_BIG).uuid)
    assert len(big) == BIG_REWARD_COUNT


def test_list_needs_a_known_contact(client: httpx.Client) -> None:
    missing = client.get(f"{PIGGY}/collectable-rewards", headers=PIGGY_AUTH)
    assert domain_error(missing)[0] == 1003
    assert missing.json()["errors"] == {"contact_uuid": ["The contact uuid field is required."]}
    unknown = client.get(
        f"{PIGGY}/collectable-rewards", params={"contact_uuid": "nobody"}, headers=PIGGY_AUTH
    )
    assert domain_error(unknown) == (55031, "Contact not found.")


def test_collect_then_collect_again(
    client: httpx.Client, sim: Simulator, main_contact: Contact
) -> None:
    item = fresh_item(sim)
    response = collect(client, item.uuid)
    assert response.status_code == 200
    body = response.json()
    assert body["meta"] == {}
    assert body["data"]["status"] == "COLLECTED"
    # The redemption is a new resource: never the loyalty transaction's uuid.
    assert body["data"]["uuid"] != item.uuid
    assert item.uuid not in {r["uuid"] for r in rewards(client, main_contact.uuid)}
    assert sim.state.item(item.uuid).collected

    assert domain_error(collect(client, item.uuid)) == (6003, "Reward not found.")


def test_collect_unknown_and_expired(
    client: httpx.Client, sim: Simulator, main_contact: Contact
) -> None:
    assert domain_error(collect(client, "no-such-transaction")) == (80300, "Reward not found.")
    now = sim.state.now()
    expired = next(
        i for i in sim.state.uncollected(main_contact.uuid) if i.expires_at and i.expires_at < now
    )
    assert domain_error(collect(client, expired.uuid)) == (80300, "Reward is expired.")
    assert not sim.state.item(expired.uuid).collected


def test_reverse_puts_the_reward_back(
    client: httpx.Client, sim: Simulator, main_contact: Contact
) -> None:
    item = fresh_item(sim)
    redemption = collect(client, item.uuid).json()["data"]["uuid"]

    response = reverse(client, redemption)

    assert response.status_code == 200
    assert response.json() == {"data": {"uuid": redemption, "status": "REVERSED"}, "meta": {}}
    assert item.uuid in {r["uuid"] for r in rewards(client, main_contact.uuid)}
    # [inferred] A second reverse of the same redemption fails like a second collect.
    assert domain_error(reverse(client, redemption)) == (6003, "Reward not found.")
    # Collecting again makes a new redemption.
    again = collect(client, item.uuid).json()["data"]["uuid"]
    assert again not in (redemption, item.uuid)


def test_reverse_needs_the_redemption_uuid(client: httpx.Client, sim: Simulator) -> None:
    item = fresh_item(sim)
    assert collect(client, item.uuid).status_code == 200
    # The loyalty transaction uuid is not what reverse takes.
    assert domain_error(reverse(client, item.uuid)) == (80300, "Reward not found.")
    assert domain_error(reverse(client, "no-such-redemption")) == (80300, "Reward not found.")


def test_legacy_collect_answers_the_whole_item(client: httpx.Client, sim: Simulator) -> None:
    sim.config.legacy_collect = True
    item = fresh_item(sim)

    body = collect(client, item.uuid).json()

    assert body["meta"] == []
    assert body["data"]["uuid"] == item.uuid
    assert body["data"]["has_been_collected"] is True
    assert "active" in body["data"]["reward"]
    assert reverse(client, body["data"]["uuid"]).json()["data"]["status"] == "REVERSED"


def test_collect_and_reverse_use_their_http_methods(client: httpx.Client, sim: Simulator) -> None:
    item = fresh_item(sim)
    wrong = client.post(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)
    assert wrong.status_code == 405
    assert "Supported methods: PUT." in wrong.json()["message"]
    assert not sim.state.item(item.uuid).collected


def test_unknown_piggy_path_answers_like_laravel(client: httpx.Client) -> None:
    response = client.get(f"{PIGGY}/no-such-thing", headers=PIGGY_AUTH)
    assert response.status_code == 404
    assert response.json() == {
        "message": "The route api/v3/oauth/clients/no-such-thing could not be found."
    }
