"""The Piggy client's claim calls against the simulator over loopback HTTP: the rewards
catalogue, reward receptions and their reverse, loyalty transactions, the state rules they
follow and the faults the simulator injects on them.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator

import pytest

from pos_app.api import PiggyClient, RetryPolicy, errors
from pos_app.api.piggy_models import REWARD_RECEPTIONS_FILTER
from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox.demo_data import (
    CARD_BLOCKED,
    CARD_EMPTY,
    CARD_MAIN,
    DEMO_PIGGY_TOKEN,
    EMAIL_NO_CARD,
    TITLE_CLAIM_LIMIT,
    TITLE_DIGITAL,
    TITLE_EXPENSIVE,
    TITLE_INACTIVE,
    TITLE_OUT_OF_STOCK,
    TITLE_WITH_STOCK,
)
from tests.sandbox.helpers import main_uuid

FAST_RETRIES = RetryPolicy(max_retries=2, backoff_base=0.01, backoff_max=0.02)


async def _no_wait(seconds: float) -> None:
    await asyncio.sleep(0)


@pytest.fixture(scope="module")
def simulator() -> Iterator[Simulator]:
    with start_simulator() as sim:
        yield sim


@pytest.fixture
def sim(simulator: Simulator) -> Simulator:
    simulator.reset()
    simulator.config.reverse_collected_reception = "refuse"
    return simulator


def piggy(sim: Simulator, timeout: float = 5.0) -> PiggyClient:
    return PiggyClient(
        sim.piggy_base_url,
        token=DEMO_PIGGY_TOKEN,
        timeout=timeout,
        retry_policy=FAST_RETRIES,
        max_retries=FAST_RETRIES.max_retries,
        sleep=_no_wait,
        rng=random.Random(7),
    )


def shop_uuid(sim: Simulator) -> str:
    return sim.state.data.shops[0].uuid


def reward_uuid(sim: Simulator, title: str) -> str:
    return sim.state.data.reward_by_title(title).uuid


def kim_uuid(sim: Simulator) -> str:
    kim = sim.state.data.contact_for_email(EMAIL_NO_CARD)
    assert kim is not None
    return kim.uuid


def kim_points(sim: Simulator) -> int:
    with sim.state.lock:
        return sim.state.data.contacts[kim_uuid(sim)].points


def points(sim: Simulator, card: str = CARD_MAIN) -> int:
    with sim.state.lock:
        return sim.state.data.contact_for_card(card).points


@pytest.mark.asyncio
async def test_rewards_catalogue_for_the_shop_and_for_a_contact(sim: Simulator) -> None:
    async with piggy(sim) as client:
        shop_list = await client.list_rewards(shop_uuid=shop_uuid(sim))
        for_kim = await client.list_rewards(contact_uuid=kim_uuid(sim))
        with pytest.raises(errors.ShopNotFoundError):
            await client.list_rewards(shop_uuid="no-such-shop")
        with pytest.raises(errors.ContactNotFoundError):
            await client.list_rewards(contact_uuid="nobody")
    by_title = {reward.title: reward for reward in shop_list}
    assert by_title[TITLE_DIGITAL].is_physical is False
    assert by_title[TITLE_WITH_STOCK].stock == 25
    assert by_title[TITLE_OUT_OF_STOCK].stock == 0
    assert by_title[TITLE_INACTIVE].is_active is False
    assert (by_title[TITLE_EXPENSIVE].required_credits or 0) > points(sim)
    assert by_title["Mystery gift"].custom_attributes == {"eennaam": "false", "middle_name": ""}
    assert all(r.media is None or (r.media.value or "").startswith(sim.url) for r in shop_list)
    # A contact's list holds only what they can claim now: active, in stock, affordable.
    assert for_kim
    assert all(r.is_active and r.stock != 0 and (r.required_credits or 0) <= 320 for r in for_kim)
    assert len(for_kim) < len(shop_list)


@pytest.mark.asyncio
async def test_a_claim_spends_points_and_stock_and_joins_the_pickup_list(sim: Simulator) -> None:
    contact = main_uuid(sim)
    scarf = reward_uuid(sim, TITLE_WITH_STOCK)
    before = points(sim)
    async with piggy(sim) as client:
        reception = await client.create_reward_reception(
            contact_uuid=contact,
            reward_uuid=scarf,
            shop_uuid=shop_uuid(sim),
            contact_identifier_value=CARD_MAIN,
        )
        pickup = await client.list_collectable_rewards(contact)
        contact_after = await client.get_contact(contact)
        catalogue = await client.list_rewards(shop_uuid=shop_uuid(sim))
    assert reception.points_spent == 700
    assert reception.balance_after == before - 700 == contact_after.points
    assert reception.reward_uuid == scarf
    assert reception.shop_uuid == shop_uuid(sim)
    assert reception.has_been_collected is False
    assert reception.expires_at is not None
    assert reception.created_at is not None
    # The reception's uuid is the pickup list item's: what collect takes.
    assert pickup[-1].uuid == reception.uuid
    assert pickup[-1].reward is not None
    assert pickup[-1].reward.uuid == scarf
    assert next(r for r in catalogue if r.uuid == scarf).stock == 24
    assert sim.state.reception_requests[(contact, scarf)] == 1


@pytest.mark.asyncio
async def test_a_digital_claim_spends_points_but_has_nothing_to_pick_up(sim: Simulator) -> None:
    contact = main_uuid(sim)
    async with piggy(sim) as client:
        before = await client.list_collectable_rewards(contact)
        reception = await client.create_reward_reception(
            contact_uuid=contact,
            reward_uuid=reward_uuid(sim, TITLE_DIGITAL),
            shop_uuid=shop_uuid(sim),
        )
        after = await client.list_collectable_rewards(contact)
    assert reception.points_spent == 600
    assert [r.uuid for r in after] == [r.uuid for r in before]


@pytest.mark.asyncio
async def test_claims_piggy_refuses(sim: Simulator) -> None:
    contact = main_uuid(sim)
    poor = sim.state.data.contact_for_card(CARD_EMPTY).uuid
    shop = shop_uuid(sim)
    before = points(sim)
    async with piggy(sim) as client:
        with pytest.raises(errors.NotEnoughCreditsError) as poor_error:
            await client.create_reward_reception(
                contact_uuid=poor, reward_uuid=reward_uuid(sim, "Shop mug"), shop_uuid=shop
            )
        with pytest.raises(errors.NotEnoughCreditsError):
            await client.create_reward_reception(
                contact_uuid=contact, reward_uuid=reward_uuid(sim, TITLE_EXPENSIVE), shop_uuid=shop
            )
        with pytest.raises(errors.RewardOutOfStockError):
            await client.create_reward_reception(
                contact_uuid=contact,
                reward_uuid=reward_uuid(sim, TITLE_OUT_OF_STOCK),
                shop_uuid=shop,
            )
        with pytest.raises(errors.RewardInactiveError):
            await client.create_reward_reception(
                contact_uuid=contact, reward_uuid=reward_uuid(sim, TITLE_INACTIVE), shop_uuid=shop
            )
        with pytest.raises(errors.IdentifierInactiveError):
            await client.create_reward_reception(
                contact_uuid=contact,
                reward_uuid=reward_uuid(sim, "Shop mug"),
                shop_uuid=shop,
                contact_identifier_value=CARD_BLOCKED,
            )
        with pytest.raises(errors.RewardNotFoundError):
            await client.create_reward_reception(
                contact_uuid=contact, reward_uuid="no-such-reward", shop_uuid=shop
            )
        with pytest.raises(errors.ContactNotFoundError):
            await client.create_reward_reception(
                contact_uuid="nobody", reward_uuid=reward_uuid(sim, "Shop mug"), shop_uuid=shop
            )
        with pytest.raises(errors.ShopNotFoundError):
            await client.create_reward_reception(
                contact_uuid=contact, reward_uuid=reward_uuid(sim, "Shop mug"), shop_uuid="nowhere"
            )
        with pytest.raises(errors.InvalidInputError) as no_shop:
            await client.create_reward_reception(
                contact_uuid=contact, reward_uuid=reward_uuid(sim, "Shop mug")
            )
    assert poor_error.value.code == 1017
    assert "shop_uuid" in no_shop.value.field_errors
    assert points(sim) == before


@pytest.mark.asyncio
async def test_a_reward_with_a_claim_limit_is_claimed_once_per_customer(sim: Simulator) -> None:
    limited, shop, kim = reward_uuid(sim, TITLE_CLAIM_LIMIT), shop_uuid(sim), kim_uuid(sim)
    async with piggy(sim) as client:
        first = await client.create_reward_reception(
            contact_uuid=kim, reward_uuid=limited, shop_uuid=shop
        )
        after_first = kim_points(sim)
        with pytest.raises(errors.ClaimLimitReachedError) as limit:
            await client.create_reward_reception(
                contact_uuid=kim, reward_uuid=limited, shop_uuid=shop
            )
        assert kim_points(sim) == after_first == 220
        # Another customer has a claim of their own.
        await client.create_reward_reception(
            contact_uuid=main_uuid(sim), reward_uuid=limited, shop_uuid=shop
        )
        # A claim given back does not count.
        await client.reverse_reward_reception(first.uuid)
        await client.create_reward_reception(contact_uuid=kim, reward_uuid=limited, shop_uuid=shop)
    assert limit.value.code == 1019
    assert "claim limit" in limit.value.message


@pytest.mark.asyncio
async def test_reversing_an_uncollected_claim(sim: Simulator) -> None:
    contact = main_uuid(sim)
    scarf = reward_uuid(sim, TITLE_WITH_STOCK)
    before = points(sim)
    async with piggy(sim) as client:
        reception = await client.create_reward_reception(
            contact_uuid=contact, reward_uuid=scarf, shop_uuid=shop_uuid(sim)
        )
        reversal = await client.reverse_reward_reception(reception.uuid)
        pickup = await client.list_collectable_rewards(contact)
        catalogue = await client.list_rewards()
        with pytest.raises(errors.InvalidInputError):
            await client.reverse_reward_reception(reception.uuid)
        with pytest.raises(errors.InvalidInputError):
            await client.reverse_reward_reception("no-such-reception")
    assert reversal.type == "credit_reception"
    assert reversal.points_restored == 700
    assert reversal.balance_after == before == points(sim)
    assert reception.uuid not in {r.uuid for r in pickup}
    assert next(r for r in catalogue if r.uuid == scarf).stock == 25


@pytest.mark.asyncio
@pytest.mark.parametrize("rule", ["refuse", "accept"])
async def test_reversing_a_claim_already_handed_over(sim: Simulator, rule: str) -> None:
    """Undocumented: the simulator answers either way, so the app is tested against both."""
    sim.config.reverse_collected_reception = rule
    contact = main_uuid(sim)
    before = points(sim)
    async with piggy(sim) as client:
        reception = await client.create_reward_reception(
            contact_uuid=contact, reward_uuid=reward_uuid(sim, "Shop mug"), shop_uuid=shop_uuid(sim)
        )
        await client.collect_reward(reception.uuid)
        if rule == "refuse":
            with pytest.raises(errors.InvalidInputError) as refused:
                await client.reverse_reward_reception(reception.uuid)
            assert "reward_reception_uuid" in refused.value.field_errors
            assert points(sim) == before - 250
        else:
            reversal = await client.reverse_reward_reception(reception.uuid)
            assert reversal.points_restored == 250
            assert points(sim) == before
        # Handed over stays handed over: it does not come back to the pickup list.
        pickup = await client.list_collectable_rewards(contact)
    assert reception.uuid not in {r.uuid for r in pickup}


@pytest.mark.asyncio
async def test_collect_and_reverse_collection_of_a_claimed_reward(sim: Simulator) -> None:
    contact = main_uuid(sim)
    shop = shop_uuid(sim)
    async with piggy(sim) as client:
        reception = await client.create_reward_reception(
            contact_uuid=contact, reward_uuid=reward_uuid(sim, "Shop mug"), shop_uuid=shop
        )

        async def listed() -> bool | None:
            page = await client.list_loyalty_transactions(
                shop_uuid=shop, type=REWARD_RECEPTIONS_FILTER, limit=5
            )
            return next(t.has_been_collected for t in page.items if t.uuid == reception.uuid)

        assert await listed() is False
        redemption = await client.collect_reward(reception.uuid)
        assert await listed() is True
        await client.reverse_collection(redemption.uuid)
        assert await listed() is False
        pickup = await client.list_collectable_rewards(contact)
    assert reception.uuid in {r.uuid for r in pickup}


@pytest.mark.asyncio
async def test_loyalty_transactions_list_and_page(sim: Simulator) -> None:
    contact = main_uuid(sim)
    async with piggy(sim) as client:
        reception = await client.create_reward_reception(
            contact_uuid=contact, reward_uuid=reward_uuid(sim, "Shop mug"), shop_uuid=shop_uuid(sim)
        )
        everything = await client.list_loyalty_transactions(contact_uuid=contact, limit=100)
        claims = await client.list_loyalty_transactions(
            contact_uuid=contact, type=REWARD_RECEPTIONS_FILTER, limit=100
        )
        credits = await client.list_loyalty_transactions(
            contact_uuid=contact, type="credit_receptions", limit=100
        )
        second = await client.list_loyalty_transactions(contact_uuid=contact, limit=5, page=2)
        other_shop = await client.list_loyalty_transactions(
            shop_uuid=sim.state.data.shops[1].uuid, type=REWARD_RECEPTIONS_FILTER
        )
        with pytest.raises(errors.InvalidInputError):
            await client.list_loyalty_transactions(type="everything")
        with pytest.raises(errors.ContactNotFoundError):
            await client.list_loyalty_transactions(contact_uuid="nobody")
        with pytest.raises(errors.ShopNotFoundError):
            await client.list_loyalty_transactions(shop_uuid="nowhere")
    newest = claims.items[0]
    assert newest.uuid == reception.uuid
    assert newest.reward_uuid == reward_uuid(sim, "Shop mug")
    assert newest.credits == -250
    assert newest.contact_uuid == contact
    assert newest.expires_at is None  # the mug never expires
    assert newest.has_been_collected is False
    assert all(t.is_reward_reception for t in claims.items)
    assert {t.type for t in credits.items} == {"credit_reception"}
    assert everything.total == len(claims.items) + len(credits.items) == 33
    assert (second.page, second.limit, second.last_page) == (2, 5, 7)
    assert [t.uuid for t in second.items] == [t.uuid for t in everything.items[5:10]]
    # The other store's claims are another customer's (DEMO-CARD-BIG's), none of this one's.
    assert other_shop.items
    assert contact not in {t.contact_uuid for t in other_shop.items}


# --- faults on the new calls -----------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_claim_applied_but_its_answer_lost(sim: Simulator) -> None:
    contact = main_uuid(sim)
    mug = reward_uuid(sim, "Shop mug")
    sim.set_fault("piggy.reception", "after_apply:drop@1")
    async with piggy(sim) as client:
        with pytest.raises(errors.ApiConnectionError):
            await client.create_reward_reception(
                contact_uuid=contact, reward_uuid=mug, shop_uuid=shop_uuid(sim)
            )
        # What settling learns from the server: the reception exists, once.
        page = await client.list_loyalty_transactions(
            contact_uuid=contact, type=REWARD_RECEPTIONS_FILTER, limit=1
        )
    assert page.items[0].reward_uuid == mug
    assert sim.state.reception_requests[(contact, mug)] == 1


@pytest.mark.asyncio
async def test_a_claim_meeting_a_server_error_is_sent_once_and_not_applied(sim: Simulator) -> None:
    contact = main_uuid(sim)
    before = points(sim)
    sim.set_fault("piggy.reception", "error:500")
    async with piggy(sim) as client:
        with pytest.raises(errors.ServerError):
            await client.create_reward_reception(
                contact_uuid=contact,
                reward_uuid=reward_uuid(sim, "Shop mug"),
                shop_uuid=shop_uuid(sim),
            )
    # The fault answered before processing: nothing reached the claim rules, once.
    assert sim.state.reception_requests == {}
    assert points(sim) == before


@pytest.mark.asyncio
async def test_a_held_claim_is_processed_when_released(sim: Simulator) -> None:
    contact = main_uuid(sim)
    mug = reward_uuid(sim, "Shop mug")
    sim.set_fault("piggy.reception", "hold@1")
    async with piggy(sim) as client:
        claim = asyncio.create_task(
            client.create_reward_reception(
                contact_uuid=contact, reward_uuid=mug, shop_uuid=shop_uuid(sim)
            )
        )
        await asyncio.to_thread(sim.wait_until_held, "piggy.reception")
        assert sim.state.reception_requests == {}
        assert sim.release("piggy.reception") == 1
        reception = await claim
    assert reception.reward_uuid == mug
    assert sim.state.reception_requests[(contact, mug)] == 1


@pytest.mark.asyncio
async def test_a_reverse_of_a_claim_applied_but_its_answer_lost(sim: Simulator) -> None:
    contact = main_uuid(sim)
    before = points(sim)
    async with piggy(sim) as client:
        reception = await client.create_reward_reception(
            contact_uuid=contact, reward_uuid=reward_uuid(sim, "Shop mug"), shop_uuid=shop_uuid(sim)
        )
        sim.set_fault("piggy.reception_reverse", "after_apply:drop@1")
        with pytest.raises(errors.ApiConnectionError):
            await client.reverse_reward_reception(reception.uuid)
        pickup = await client.list_collectable_rewards(contact)
    assert points(sim) == before
    assert reception.uuid not in {r.uuid for r in pickup}
    assert sim.state.reception_reverse_requests[reception.uuid] == 1


@pytest.mark.asyncio
async def test_reads_of_the_catalogue_and_transactions_are_retried(sim: Simulator) -> None:
    sim.set_fault("piggy.catalogue", "error:503@1")
    sim.set_fault("piggy.transactions", "drop@1")
    async with piggy(sim) as client:
        rewards = await client.list_rewards()
        page = await client.list_loyalty_transactions(contact_uuid=main_uuid(sim))
    assert rewards
    assert page.items
