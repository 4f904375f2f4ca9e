from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from pos_app.api import PiggyClient, errors
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.identify import (
    LOOKUP_BUDGET,
    CardNotLinkedError,
    CustomerLookup,
    Scan,
    ScanKind,
    classify_scan,
    clean_scan,
)
from pos_app.services.pickup_models import ExpiryKind
from tests.api.fakes import FakeClock, FakeServer, Outcome, Reply, ok, piggy_client


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("DEMO-CARD-1\r\n", Scan(ScanKind.CARD, "DEMO-CARD-1")),
        ("\x02DEMO-CARD-1\x03", Scan(ScanKind.CARD, "DEMO-CARD-1")),
        ("  ABCDE12356-90\t", Scan(ScanKind.CARD, "ABCDE12356-90")),
        ("\x1d0104012345\x1d", Scan(ScanKind.CARD, "0104012345")),
        ("Demo@Example.com ", Scan(ScanKind.EMAIL, "demo@example.com")),
        ("pu-abcdefgh", Scan(ScanKind.SLIP, "PU-ABCDEFGH")),
        ("PU-ABC", Scan(ScanKind.CARD, "PU-ABC")),
        ("not@an-email", Scan(ScanKind.CARD, "not@an-email")),
    ],
)
def test_classify_scan(raw: str, expected: Scan) -> None:
    assert classify_scan(raw) == expected


def test_nothing_left_after_cleaning() -> None:
    assert classify_scan(" \r\n\x00") is None
    assert clean_scan("\u200bX\u200d") == "X"


@pytest_asyncio.fixture
async def lookup(simulator: Simulator) -> AsyncIterator[CustomerLookup]:
    simulator.reset()
    async with PiggyClient(simulator.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN) as piggy:
        yield CustomerLookup(piggy)


@pytest.mark.asyncio
async def test_card_to_customer_and_rewards(lookup: CustomerLookup, simulator: Simulator) -> None:
    expected = simulator.state.data.contact_for_card(demo.CARD_MAIN)
    customer = await lookup.by_card(demo.CARD_MAIN)
    assert customer.uuid == expected.uuid
    assert customer.name == "Robin de Vries"
    assert customer.email_masked == "d***@example.com"
    assert customer.tier == "Gold"
    assert customer.points is not None
    rewards = await lookup.rewards(customer.uuid)
    assert 25 <= len(rewards) <= 40
    kinds = [item.expiry(lookup.now()).kind for item in rewards]
    assert kinds[-1] is ExpiryKind.EXPIRED
    assert ExpiryKind.TODAY in kinds
    assert kinds.index(ExpiryKind.NONE) > kinds.index(ExpiryKind.DAYS)
    assert "custom_app_login_url" not in customer.attributes


@pytest.mark.asyncio
async def test_card_errors(lookup: CustomerLookup) -> None:
    with pytest.raises(errors.IdentifierNotFoundError):
        await lookup.by_card("NO-SUCH-CARD")
    with pytest.raises(errors.IdentifierInactiveError):
        await lookup.by_card(demo.CARD_BLOCKED)
    with pytest.raises(CardNotLinkedError):
        await lookup.by_card(demo.CARD_UNLINKED)


@pytest.mark.asyncio
async def test_email_with_code(lookup: CustomerLookup, simulator: Simulator) -> None:
    await lookup.send_code(demo.EMAIL_MAIN)
    code = simulator.last_verification_code(demo.EMAIL_MAIN)
    assert code is not None
    with pytest.raises(errors.InvalidVerificationCodeError):
        await lookup.verify_code(demo.EMAIL_MAIN, "000000" if code != "000000" else "111111")
    customer = await lookup.verify_code(demo.EMAIL_MAIN, f" {code}\n")
    assert customer.uuid == simulator.state.data.contact_for_card(demo.CARD_MAIN).uuid


@pytest.mark.asyncio
async def test_unknown_email(lookup: CustomerLookup) -> None:
    with pytest.raises(errors.ContactNotFoundError):
        await lookup.send_code("nobody@example.com")
    with pytest.raises(errors.ContactNotFoundError):
        await lookup.by_email("nobody@example.com")


@pytest.mark.asyncio
async def test_customer_without_rewards(lookup: CustomerLookup) -> None:
    customer = await lookup.by_card(demo.CARD_EMPTY)
    assert await lookup.rewards(customer.uuid) == []


P = "/api/v3/oauth/clients"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "outcome",
    ["hung", "rate-limited", "maintenance"],
)
async def test_a_lookup_answers_the_cashier_within_its_budget(outcome: str) -> None:
    # Whatever the retries: one budget across the card, the contact and the rewards.
    server = FakeServer()
    clock = FakeClock()
    identifier = {"data": {"value": "C-1", "active": True, "contact": {"uuid": "c-1"}}}
    server.add("GET", f"{P}/contact-identifiers/find", ok(identifier))
    failing: dict[str, Outcome] = {
        "hung": clock.hung(),
        "rate-limited": Reply(429, {"message": "Too Many Attempts."}, headers={"Retry-After": "3"}),
        "maintenance": Reply(503, {"message": "Down"}, headers={"Retry-After": "2"}),
    }
    server.add("GET", f"{P}/contacts/c-1", failing[outcome])
    started = clock.now
    async with piggy_client(server, clock.sleep, clock=clock) as piggy:
        lookup = CustomerLookup(piggy, monotonic=clock)
        with pytest.raises(errors.ApiError):
            await lookup.by_card("C-1")
    assert clock.now - started <= LOOKUP_BUDGET
    assert LOOKUP_BUDGET == 10.0


@pytest.mark.asyncio
async def test_the_rewards_after_a_lookup_get_a_budget_of_their_own() -> None:
    server = FakeServer()
    clock = FakeClock()
    server.add("GET", f"{P}/collectable-rewards", clock.hung())
    started = clock.now
    async with piggy_client(server, clock.sleep, clock=clock) as piggy:
        lookup = CustomerLookup(piggy, monotonic=clock)
        with pytest.raises(errors.ApiTimeoutError):
            await lookup.rewards("c-1")
    assert clock.now - started <= LOOKUP_BUDGET
