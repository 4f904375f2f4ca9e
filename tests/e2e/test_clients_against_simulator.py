"""The API clients against the simulator over real loopback HTTP: every method, each fault
kind, and the state rules collect and reverse follow.

They run on the qasync loop, as the app runs the clients (tests/conftest.py).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from pos_app.api import GiftoinClient, NudjClient, PiggyClient, RetryPolicy, errors
from pos_app.cli import QUIETER_LOGGERS, configure_logging
from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox.demo_data import (
    BIG_REWARD_COUNT,
    CARD_BIG,
    CARD_BLOCKED,
    CARD_EMPTY,
    CARD_MAIN,
    CARD_UNLINKED,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_GIFTOIN_KEY,
    DEMO_NUDJ_TOKEN,
    DEMO_PIGGY_TOKEN,
    DISCORD_MAIN,
    DISCORD_UNKNOWN,
    EMAIL_BIG,
    EMAIL_EMPTY,
    EMAIL_MAIN,
)
from pos_app.services.identify import CustomerLookup
from pos_app.services.progress import NotLinked, ProgressService
from pos_app.services.settings import NudjUserIdSource
from tests.sandbox.helpers import expired_item, fresh_item, main_uuid

# Short waits between retries keep the suite fast; the recorder shows which waits were asked.
FAST_RETRIES = RetryPolicy(max_retries=2, backoff_base=0.01, backoff_max=0.02)


class SleepRecorder:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture(scope="module")
def simulator() -> Iterator[Simulator]:
    with start_simulator() as sim:
        yield sim


@pytest.fixture
def sim(simulator: Simulator) -> Simulator:
    simulator.reset()
    simulator.config.legacy_collect = False
    simulator.config.giftoin_envelope = True
    return simulator


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


def piggy(
    sim: Simulator, sleeps: SleepRecorder | None = None, timeout: float = 5.0, **kwargs: object
) -> PiggyClient:
    options: dict[str, object] = {"token": DEMO_PIGGY_TOKEN} | kwargs
    return PiggyClient(
        sim.piggy_base_url,
        timeout=timeout,
        retry_policy=FAST_RETRIES,
        max_retries=FAST_RETRIES.max_retries,
        sleep=sleeps,
        rng=random.Random(7),
        **options,  # type: ignore[arg-type]
    )


def giftoin(sim: Simulator, sleeps: SleepRecorder | None = None) -> GiftoinClient:
    return GiftoinClient(
        sim.giftoin_base_url,
        api_key=DEMO_GIFTOIN_KEY,
        timeout=5.0,
        retry_policy=FAST_RETRIES,
        max_retries=FAST_RETRIES.max_retries,
        sleep=sleeps,
    )


def nudj(
    sim: Simulator, sleeps: SleepRecorder | None = None, language: str | None = None
) -> NudjClient:
    return NudjClient(
        sim.nudj_base_url,
        token=DEMO_NUDJ_TOKEN,
        language=language,
        timeout=5.0,
        retry_policy=FAST_RETRIES,
        max_retries=FAST_RETRIES.max_retries,
        sleep=sleeps,
    )


# --- Piggy: every method --------------------------------------------------------------------


@pytest.mark.asyncio
async def test_find_contact_identifier(sim: Simulator) -> None:
    async with piggy(sim) as client:
        linked = await client.find_contact_identifier(CARD_MAIN)
        unlinked = await client.find_contact_identifier(CARD_UNLINKED)
        with pytest.raises(errors.IdentifierInactiveError) as inactive:
            await client.find_contact_identifier(CARD_BLOCKED)
        with pytest.raises(errors.IdentifierNotFoundError) as unknown:
            await client.find_contact_identifier("NO-SUCH-CARD")
    assert linked.contact is not None
    assert linked.contact.uuid == main_uuid(sim)
    assert linked.contact.email == EMAIL_MAIN
    assert unlinked.contact is None
    assert inactive.value.code == 60004
    assert unknown.value.code == 60003


@pytest.mark.asyncio
async def test_contacts_by_email_and_uuid_without_secrets(sim: Simulator) -> None:
    async with piggy(sim) as client:
        by_email = await client.find_contact_by_email(EMAIL_MAIN)
        by_uuid = await client.get_contact(main_uuid(sim))
        opaque = await client.get_contact(sim.state.data.contact_for_card(CARD_EMPTY).uuid)
        with pytest.raises(errors.ContactNotFoundError):
            await client.find_contact_by_email("nobody@example.com")
        with pytest.raises(errors.ContactNotFoundError):
            await client.get_contact("no-such-contact")
    assert by_email == by_uuid
    assert by_email.display_name == "Robin de Vries"
    assert by_email.points == 1612
    assert by_email.tier is not None
    assert by_email.tier.name == "Gold"
    assert by_email.attributes["discord_id"] == DISCORD_MAIN
    assert "custom_app_login_url" not in by_email.attributes
    assert "custom_app_login_code" not in by_email.attributes
    assert "custom_app_login_code" not in by_email.display_values
    assert "SANDBOX-SECRET-LOGIN-TOKEN" not in repr(by_email)
    assert opaque.tier is None


@pytest.mark.asyncio
async def test_verification_code(sim: Simulator) -> None:
    async with piggy(sim) as client:
        sent = await client.send_verification_code(EMAIL_MAIN)
        code = sim.last_verification_code(EMAIL_MAIN)
        assert code is not None
        wrong = "000000" if code != "000000" else "111111"
        with pytest.raises(errors.InvalidVerificationCodeError):
            await client.verify_code(EMAIL_MAIN, wrong)
        assert await client.verify_code(EMAIL_MAIN, code) == main_uuid(sim)
        with pytest.raises(errors.UserAppNotFoundError):
            await client.send_verification_code(EMAIL_EMPTY)
        with pytest.raises(errors.ContactNotFoundError):
            await client.send_verification_code("nobody@example.com")
    assert sent.type == "Success"


@pytest.mark.asyncio
async def test_list_collectable_rewards(sim: Simulator) -> None:
    async with piggy(sim) as client:
        rewards = await client.list_collectable_rewards(main_uuid(sim))
        empty = await client.list_collectable_rewards(
            sim.state.data.contact_for_card(CARD_EMPTY).uuid
        )
        started = time.perf_counter()
        big = await client.list_collectable_rewards(sim.state.data.contact_for_card(CARD_BIG).uuid)
        big_seconds = time.perf_counter() - started
        with pytest.raises(errors.ContactNotFoundError):
            await client.list_collectable_rewards("nobody")
    assert len(rewards) == 30
    assert empty == []
    assert len(big) == BIG_REWARD_COUNT
    assert big_seconds < 5
    now = datetime.now(UTC)
    assert any(r.is_expired(now) for r in rewards)
    assert any(not r.is_expired(now) for r in rewards)
    assert any(r.expires_at is None for r in rewards)
    assert any(r.reward and r.reward.custom_attributes.get("eennaam") == "false" for r in rewards)
    pictures = [r.reward.media.value for r in rewards if r.reward and r.reward.media]
    assert pictures
    assert all(p and p.startswith(f"{sim.url}/media/") for p in pictures)


@pytest.mark.asyncio
async def test_list_shops(sim: Simulator) -> None:
    async with piggy(sim) as client:
        shops = await client.list_shops()
    assert [shop.type for shop in shops] == ["physical", "physical", "web"]


@pytest.mark.asyncio
async def test_client_credentials(sim: Simulator) -> None:
    async with piggy(
        sim, token=None, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET
    ) as client:
        assert len(await client.list_shops()) == 3
    async with piggy(sim, token=None, client_id=DEMO_CLIENT_ID, client_secret="wrong") as client:
        with pytest.raises(errors.AuthenticationError):
            await client.list_shops()


@pytest.mark.asyncio
async def test_token_renewed_once_after_the_server_forgets_it() -> None:
    moments = [datetime(2026, 5, 4, 12, 0, tzinfo=UTC)]
    with start_simulator(clock=lambda: moments[0], token_ttl_seconds=3600) as sim:
        async with piggy(
            sim, token=None, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET
        ) as client:
            await client.list_shops()
            issued = set(sim.state.issued_tokens)
            # The server's clock runs ahead: the client's cached token is now expired there.
            moments[0] += timedelta(hours=2)
            assert len(await client.list_shops()) == 3
            assert len(sim.state.issued_tokens) == len(issued) + 1


@pytest.mark.asyncio
async def test_wrong_token(sim: Simulator) -> None:
    async with piggy(sim, token="wrong") as client:
        with pytest.raises(errors.AuthenticationError):
            await client.list_shops()


# --- Piggy: the state rules -----------------------------------------------------------------


@pytest.mark.asyncio
async def test_collect_then_collect_again(sim: Simulator) -> None:
    item = fresh_item(sim)
    async with piggy(sim) as client:
        result = await client.collect_reward(item.uuid)
        remaining = await client.list_collectable_rewards(main_uuid(sim))
        with pytest.raises(errors.RewardNotFoundError) as again:
            await client.collect_reward(item.uuid)
    assert result.status == "COLLECTED"
    assert result.uuid != item.uuid
    assert item.uuid not in {r.uuid for r in remaining}
    assert again.value.code == 6003


@pytest.mark.asyncio
async def test_collect_unknown_and_expired(sim: Simulator) -> None:
    async with piggy(sim) as client:
        with pytest.raises(errors.RewardNotFoundError) as unknown:
            await client.collect_reward("no-such-transaction")
        with pytest.raises(errors.RewardExpiredError) as expired:
            await client.collect_reward(expired_item(sim).uuid)
    assert unknown.value.code == expired.value.code == 80300


@pytest.mark.asyncio
async def test_reverse(sim: Simulator) -> None:
    item = fresh_item(sim)
    async with piggy(sim) as client:
        collected = await client.collect_reward(item.uuid)
        with pytest.raises(errors.RewardNotFoundError):
            await client.reverse_collection(item.uuid)  # the wrong uuid: not a redemption
        reversed_ = await client.reverse_collection(collected.uuid)
        listed = await client.list_collectable_rewards(main_uuid(sim))
        with pytest.raises(errors.PiggyError):
            await client.reverse_collection(collected.uuid)
    assert reversed_.status == "REVERSED"
    assert reversed_.uuid == collected.uuid
    assert item.uuid in {r.uuid for r in listed}


@pytest.mark.asyncio
async def test_legacy_collect_shape(sim: Simulator) -> None:
    sim.config.legacy_collect = True
    item = fresh_item(sim)
    async with piggy(sim) as client:
        result = await client.collect_reward(item.uuid)
        reversed_ = await client.reverse_collection(result.uuid)
    assert result.status == "COLLECTED"
    assert reversed_.status == "REVERSED"


# --- faults through the clients -------------------------------------------------------------


@pytest.mark.asyncio
async def test_latency_is_waited_out(sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "latency:200")
    async with piggy(sim) as client:
        started = time.perf_counter()
        await client.list_shops()
    assert time.perf_counter() - started >= 0.2


@pytest.mark.asyncio
async def test_latency_past_the_timeout_still_collects(sim: Simulator) -> None:
    """The client gives up; the slow server still does the work: the journal's case."""
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "latency:400@1")
    async with piggy(sim, timeout=0.15) as client:
        with pytest.raises(errors.ApiTimeoutError):
            await client.collect_reward(item.uuid)
    for _ in range(100):
        if sim.state.item(item.uuid).collected:
            break
        await asyncio.sleep(0.02)
    assert sim.state.item(item.uuid).collected


@pytest.mark.asyncio
async def test_server_error_on_a_read_is_retried(sim: Simulator, sleeps: SleepRecorder) -> None:
    sim.set_fault("piggy.rewards", "error:500@1")
    async with piggy(sim, sleeps) as client:
        rewards = await client.list_collectable_rewards(main_uuid(sim))
    assert len(rewards) == 30
    assert len(sleeps.waits) == 1


@pytest.mark.asyncio
async def test_server_error_on_collect_is_not_retried(
    sim: Simulator, sleeps: SleepRecorder
) -> None:
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "error:500@2")
    async with piggy(sim, sleeps) as client:
        with pytest.raises(errors.ServerError):
            await client.collect_reward(item.uuid)
    assert sleeps.waits == []
    assert sim.faults.snapshot()["piggy.collect"].count == 1, "sent exactly once"
    assert not sim.state.item(item.uuid).collected


@pytest.mark.asyncio
async def test_gateway_error_page(sim: Simulator, sleeps: SleepRecorder) -> None:
    sim.set_fault("giftoin.progress", "error:502")
    async with giftoin(sim, sleeps) as client:
        with pytest.raises(errors.ServerError) as failure:
            await client.collection_challenges("discord", DISCORD_MAIN)
    assert failure.value.status_code == 502
    assert len(sleeps.waits) == FAST_RETRIES.max_retries


@pytest.mark.asyncio
async def test_rate_limit_honours_retry_after(sim: Simulator, sleeps: SleepRecorder) -> None:
    sim.set_fault("piggy.shops", "rate_limit:2@1")
    async with piggy(sim, sleeps) as client:
        await client.list_shops()
    # Retry-After is the floor; the (fast) jittered backoff comes on top.
    (wait,) = sleeps.waits
    assert 2.0 < wait <= 2.0 + FAST_RETRIES.backoff_max


@pytest.mark.asyncio
async def test_long_retry_after_is_handed_to_the_caller(
    sim: Simulator, sleeps: SleepRecorder
) -> None:
    sim.set_fault("piggy.shops", "rate_limit:120")
    async with piggy(sim, sleeps) as client:
        with pytest.raises(errors.RateLimitedError) as limited:
            await client.list_shops()
    assert limited.value.retry_after == 120
    assert sleeps.waits == []


@pytest.mark.asyncio
async def test_nudj_rate_limit_without_retry_after(sim: Simulator, sleeps: SleepRecorder) -> None:
    sim.set_fault("nudj.rewards", "rate_limit")
    async with nudj(sim, sleeps) as client:
        with pytest.raises(errors.RateLimitedError) as limited:
            await client.rewards()
    assert limited.value.retry_after is None
    assert len(sleeps.waits) == FAST_RETRIES.max_retries


@pytest.mark.asyncio
async def test_maintenance(sim: Simulator, sleeps: SleepRecorder) -> None:
    sim.set_fault("piggy.identifier", "maintenance")
    async with piggy(sim, sleeps) as client:
        with pytest.raises(errors.MaintenanceError):
            await client.find_contact_identifier(CARD_MAIN)
    assert len(sleeps.waits) == FAST_RETRIES.max_retries


@pytest.mark.asyncio
async def test_malformed_body(sim: Simulator) -> None:
    sim.set_fault("piggy.contact", "malformed")
    async with piggy(sim) as client:
        with pytest.raises(errors.ResponseValidationError):
            await client.find_contact_by_email(EMAIL_MAIN)


@pytest.mark.asyncio
async def test_dropped_connection_on_a_read_is_retried(
    sim: Simulator, sleeps: SleepRecorder
) -> None:
    sim.set_fault("nudj.user", "drop@1")
    async with nudj(sim, sleeps) as client:
        user = await client.user(main_uuid(sim))
    assert user.id == main_uuid(sim)
    assert len(sleeps.waits) == 1


@pytest.mark.asyncio
async def test_dropped_connection_on_collect(sim: Simulator, sleeps: SleepRecorder) -> None:
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "drop")
    async with piggy(sim, sleeps) as client:
        with pytest.raises(errors.ApiConnectionError):
            await client.collect_reward(item.uuid)
    assert sleeps.waits == []
    assert not sim.state.item(item.uuid).collected


@pytest.mark.asyncio
async def test_slow_body(sim: Simulator) -> None:
    sim.set_fault("giftoin.progress", "slow_body:50")
    async with giftoin(sim) as client:
        challenges = await client.collection_challenges("discord", DISCORD_MAIN)
    assert len(challenges) == 6
    sim.set_fault("giftoin.progress", "slow_body:600")
    async with GiftoinClient(
        sim.url, api_key=DEMO_GIFTOIN_KEY, timeout=0.2, max_retries=0
    ) as impatient:
        with pytest.raises(errors.ApiTimeoutError):
            await impatient.collection_challenges("discord", DISCORD_MAIN)


@pytest.mark.asyncio
async def test_timeout(sim: Simulator, sleeps: SleepRecorder) -> None:
    sim.set_fault("piggy.shops", "timeout")
    async with piggy(sim, sleeps, timeout=0.2) as client:
        with pytest.raises(errors.ApiTimeoutError):
            await client.list_shops()
    assert len(sleeps.waits) == FAST_RETRIES.max_retries


@pytest.mark.asyncio
async def test_collect_applied_but_the_answer_lost(sim: Simulator) -> None:
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "after_apply:drop@1")
    async with piggy(sim) as client:
        with pytest.raises(errors.ApiConnectionError):
            await client.collect_reward(item.uuid)
        # Reconciling: the item has left the list, and collecting again is refused.
        listed = await client.list_collectable_rewards(main_uuid(sim))
        with pytest.raises(errors.RewardNotFoundError):
            await client.collect_reward(item.uuid)
    assert item.uuid not in {r.uuid for r in listed}


@pytest.mark.asyncio
async def test_reverse_applied_but_no_answer_in_time(sim: Simulator) -> None:
    item = fresh_item(sim)
    async with piggy(sim, timeout=0.3) as client:
        collected = await client.collect_reward(item.uuid)
        sim.set_fault("piggy.reverse", "after_apply:timeout@1")
        with pytest.raises(errors.ApiTimeoutError):
            await client.reverse_collection(collected.uuid)
        listed = await client.list_collectable_rewards(main_uuid(sim))
    assert item.uuid in {r.uuid for r in listed}


# --- Giftoin --------------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("envelope", [True, False], ids=["enveloped", "bare"])
async def test_giftoin_progress(sim: Simulator, envelope: bool) -> None:
    sim.config.giftoin_envelope = envelope
    async with giftoin(sim) as client:
        challenges = await client.collection_challenges("discord", DISCORD_MAIN)
        one = await client.collection_challenge("discord", DISCORD_MAIN, "program_city_explorer")
    assert [c.id for c in challenges][:2] == ["program_autumn_leaves", "program_coffee_lovers"]
    percentage_only = challenges[1]
    assert percentage_only.size is None
    assert percentage_only.cards == []
    assert percentage_only.progress_percentage == 60
    assert any(c.duration and c.duration.end is None for c in challenges)
    assert one.reward is not None
    assert one.reward.can_claim is True
    assert one.image is not None
    assert one.image.startswith(sim.url)


@pytest.mark.asyncio
async def test_giftoin_inventory(sim: Simulator) -> None:
    async with giftoin(sim) as client:
        inventory = await client.inventory("discord", DISCORD_MAIN)
    assert inventory.points == 120
    assert inventory.raw["collections"]


@pytest.mark.asyncio
async def test_giftoin_errors(sim: Simulator) -> None:
    async with giftoin(sim) as client:
        with pytest.raises(errors.NotFoundError):
            await client.collection_challenges("discord", DISCORD_UNKNOWN)
        with pytest.raises(errors.NotFoundError):
            await client.collection_challenge("discord", DISCORD_MAIN, "program_nope")
    async with GiftoinClient(sim.url, api_key="wrong") as wrong_key:
        with pytest.raises(errors.AuthenticationError):
            await wrong_key.inventory("discord", DISCORD_MAIN)


# --- Nudj -----------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_nudj_rewards_paging_and_language(sim: Simulator) -> None:
    async with nudj(sim) as english, nudj(sim, language="nl") as dutch:
        first = await english.rewards(limit=10)
        last = await english.rewards(limit=10, skip=20)
        everything = [reward async for reward in english.iter_rewards(page_size=7)]
        dutch_page = await dutch.rewards(limit=1)
    assert first.total_count == 25
    assert len(first.edges) == 10
    assert len(last.edges) == 5
    assert len({r.id for r in everything}) == 25
    assert first.edges[0].title == "Free coffee"
    assert dutch_page.edges[0].title == "Gratis koffie"
    assert sum(1 for r in everything if r.featured) >= 1
    assert first.edges[0].image_url is not None


@pytest.mark.asyncio
async def test_nudj_user(sim: Simulator) -> None:
    async with nudj(sim) as client:
        by_uuid = await client.user(main_uuid(sim))
        # An email is no id Nudj promises to look up: the simulator answers as for "nobody".
        for unknown in (EMAIL_MAIN, "nobody"):
            with pytest.raises(errors.NotFoundError):
                await client.user(unknown)
    assert by_uuid.points == 340
    assert by_uuid.xp is not None
    assert by_uuid.xp.total == 1250
    async with NudjClient(sim.url, token="wrong") as wrong:
        with pytest.raises(errors.AuthenticationError):
            await wrong.rewards()


@pytest.fixture
def most_verbose_logging() -> Iterator[None]:
    """The app's logging as `pos-app -vv` sets it up, put back afterwards."""
    names = ["", *QUIETER_LOGGERS]
    levels = {name: logging.getLogger(name).level for name in names}
    configure_logging(2)
    try:
        yield
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


@pytest.mark.asyncio
@pytest.mark.usefixtures("most_verbose_logging")
async def test_no_customer_email_reaches_a_log_at_the_most_verbose_level(
    sim: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    # The big customer's reward list (1,000 items, each naming the contact's email) is
    # decoded on a worker thread; a Nudj id source of "email" puts it in a URL path.
    caplog.set_level(logging.DEBUG)
    sim.set_fault("nudj.user", "error:503@1")
    async with piggy(sim) as piggy_client, nudj(sim) as nudj_client:
        lookup = CustomerLookup(piggy_client)
        customer = await lookup.by_card(CARD_BIG)
        items = await lookup.rewards(customer.uuid)
        progress = ProgressService(
            None,
            nudj_client,
            giftoin_platform=None,
            giftoin_user_attribute=None,
            nudj_user_id_source=NudjUserIdSource.parse("email"),
        )
        missed = await progress.nudj(customer)
        with pytest.raises(errors.NotFoundError) as caught:
            await nudj_client.user(EMAIL_BIG)
        await progress.aclose()
    assert customer.email == EMAIL_BIG
    assert len(items) == BIG_REWARD_COUNT
    assert isinstance(missed, NotLinked)
    assert sim.state.data.contact_for_email(EMAIL_BIG) is not None
    logged = [record for record in caplog.records if record.levelno >= logging.DEBUG]
    assert any(record.name.startswith("pos_app.api") for record in logged)  # it did log
    assert any("Retrying" in record.getMessage() for record in logged)
    for record in logged:
        assert EMAIL_BIG not in record.getMessage(), record.name
    assert EMAIL_BIG not in caplog.text
    assert EMAIL_BIG not in str(caught.value)
    assert "sam.groot" not in str(caught.value)
