"""The setup checks against the simulator over loopback HTTP: keys, shops, the mapping preview."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.api import errors
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.identify import CardNotLinkedError
from pos_app.services.secrets import KeyringUnavailableError, SecretName, SecretStore
from pos_app.services.settings import (
    NudjUserIdSource,
    PiggyAuthMode,
    load_settings,
)
from pos_app.services.setup import (
    Found,
    PiggyAccess,
    Reach,
    check_giftoin,
    check_nudj,
    check_piggy,
    find_sample_customer,
    id_attributes,
    needs_setup,
    preview_giftoin,
    preview_nudj,
    save_setup,
)
from tests.helpers import MemoryKeyring


def _access(sim: Simulator, token: str = demo.DEMO_PIGGY_TOKEN) -> PiggyAccess:
    return PiggyAccess(sim.piggy_base_url, PiggyAuthMode.TOKEN, token)


@pytest.mark.asyncio
async def test_a_rejected_token_is_told_apart_from_no_connection(simulator: Simulator) -> None:
    assert (await check_piggy(_access(simulator, "not-the-token"))).reach is Reach.REJECTED
    nowhere = PiggyAccess("http://127.0.0.1:9", PiggyAuthMode.TOKEN, "x")
    assert (await check_piggy(nowhere)).reach is Reach.NO_CONNECTION


@pytest.mark.asyncio
async def test_an_accepted_token_lists_the_shops_physical_first(simulator: Simulator) -> None:
    check = await check_piggy(_access(simulator))
    assert check.reach is Reach.OK
    names = [shop.name or "" for shop in check.shops]
    assert sorted(names[:2]) == ["Demo Store Centrum", "Demo Store Station"]
    assert names[2] == "Demo Webshop"


@pytest.mark.asyncio
async def test_client_credentials_are_checked_too(simulator: Simulator) -> None:
    config = simulator.config
    good = PiggyAccess(
        simulator.piggy_base_url,
        PiggyAuthMode.CLIENT_CREDENTIALS,
        config.client_secret,
        config.client_id,
    )
    assert (await check_piggy(good)).reach is Reach.OK
    bad = PiggyAccess(
        simulator.piggy_base_url, PiggyAuthMode.CLIENT_CREDENTIALS, "wrong", config.client_id
    )
    assert (await check_piggy(bad)).reach is Reach.REJECTED


@pytest.mark.asyncio
async def test_giftoin_and_nudj_keys_are_checked(simulator: Simulator) -> None:
    assert await check_giftoin(simulator.giftoin_base_url, demo.DEMO_GIFTOIN_KEY) is Reach.OK
    assert await check_giftoin(simulator.giftoin_base_url, "wrong") is Reach.REJECTED
    assert await check_nudj(simulator.nudj_base_url, demo.DEMO_NUDJ_TOKEN) is Reach.OK
    assert await check_nudj(simulator.nudj_base_url, "wrong") is Reach.REJECTED


@pytest.mark.asyncio
async def test_the_preview_finds_the_customer_with_the_right_mapping(simulator: Simulator) -> None:
    customer = await find_sample_customer(_access(simulator), demo.CARD_MAIN)
    assert demo.GIFTOIN_USER_ATTRIBUTE in id_attributes(customer)
    giftoin = await preview_giftoin(
        customer,
        base_url=simulator.giftoin_base_url,
        api_key=demo.DEMO_GIFTOIN_KEY,
        platform=demo.GIFTOIN_PLATFORM,
        attribute=demo.GIFTOIN_USER_ATTRIBUTE,
    )
    assert giftoin.found is Found.FOUND
    assert giftoin.sent_id == demo.DISCORD_MAIN
    assert giftoin.challenges
    nudj = await preview_nudj(
        customer,
        base_url=simulator.nudj_base_url,
        token=demo.DEMO_NUDJ_TOKEN,
        source=NudjUserIdSource.parse("uuid"),
    )
    assert nudj.found is Found.FOUND
    assert nudj.sent_id == customer.uuid
    assert nudj.points is not None


@pytest.mark.asyncio
async def test_the_preview_flags_a_mapping_that_finds_nobody(simulator: Simulator) -> None:
    customer = await find_sample_customer(_access(simulator), demo.CARD_MAIN)
    giftoin = await preview_giftoin(
        customer,
        base_url=simulator.giftoin_base_url,
        api_key=demo.DEMO_GIFTOIN_KEY,
        platform="telegram",
        attribute=demo.GIFTOIN_USER_ATTRIBUTE,
    )
    assert giftoin.found is Found.NOT_FOUND
    missing = await preview_giftoin(
        customer,
        base_url=simulator.giftoin_base_url,
        api_key=demo.DEMO_GIFTOIN_KEY,
        platform=demo.GIFTOIN_PLATFORM,
        attribute="no_such_attribute",
    )
    assert missing.found is Found.NO_ID
    by_email = await preview_nudj(
        customer,
        base_url=simulator.nudj_base_url,
        token=demo.DEMO_NUDJ_TOKEN,
        source=NudjUserIdSource.parse("email"),
    )
    assert by_email.found is Found.NOT_FOUND
    # The address itself is never part of what the screen gets.
    assert by_email.sent_id is None
    assert by_email.sent_email
    assert demo.EMAIL_MAIN not in repr(by_email)


@pytest.mark.asyncio
async def test_the_preview_changes_nothing_on_the_servers(simulator: Simulator) -> None:
    simulator.reset()
    customer = await find_sample_customer(_access(simulator), demo.CARD_MAIN)
    await preview_giftoin(
        customer,
        base_url=simulator.giftoin_base_url,
        api_key=demo.DEMO_GIFTOIN_KEY,
        platform=demo.GIFTOIN_PLATFORM,
        attribute=demo.GIFTOIN_USER_ATTRIBUTE,
    )
    await preview_nudj(
        customer,
        base_url=simulator.nudj_base_url,
        token=demo.DEMO_NUDJ_TOKEN,
        source=NudjUserIdSource.parse("uuid"),
    )
    assert simulator.state.redemptions == {}
    assert simulator.state.collect_requests == {}
    assert simulator.last_verification_code(demo.EMAIL_MAIN) is None


@pytest.mark.asyncio
async def test_a_card_of_nobody_gets_the_counters_own_errors(simulator: Simulator) -> None:
    with pytest.raises(CardNotLinkedError):
        await find_sample_customer(_access(simulator), demo.CARD_UNLINKED)
    with pytest.raises(errors.ApiError):
        await find_sample_customer(_access(simulator), "NO-SUCH-CARD")


def test_needs_setup_until_piggy_and_a_shop_are_there(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "none.toml", use_environment=False)
    empty = SecretStore(env={}, use_keyring=False)
    token = SecretStore(env={SecretName.PIGGY_TOKEN.env_var: "t"}, use_keyring=False)
    assert needs_setup(settings, empty)
    assert needs_setup(settings, token)  # no shop yet
    with_shop = settings.with_overrides(shop_uuid="s-1")
    assert not needs_setup(with_shop, token)
    oauth = with_shop.with_overrides(piggy_auth_mode="client_credentials")
    assert needs_setup(oauth, token)


def test_save_setup_keeps_secrets_in_the_keyring_only(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "settings.toml"
    settings = load_settings(path, use_environment=False).with_overrides(shop_uuid="s-1")
    store = SecretStore(env={})
    save_setup(settings, {SecretName.PIGGY_TOKEN: " the-token "}, store, path)
    assert store.get(SecretName.PIGGY_TOKEN) == "the-token"
    text = path.read_text(encoding="utf-8")
    assert "s-1" in text
    assert "the-token" not in text


def test_without_a_keyring_nothing_is_written(tmp_path: Path, no_keyring: None) -> None:
    path = tmp_path / "settings.toml"
    settings = load_settings(path, use_environment=False).with_overrides(shop_uuid="s-1")
    with pytest.raises(KeyringUnavailableError):
        save_setup(settings, {SecretName.PIGGY_TOKEN: "t"}, SecretStore(env={}), path)
    assert not path.exists()


def test_an_access_never_shows_its_secret() -> None:
    access = PiggyAccess("https://api.piggy.eu", PiggyAuthMode.TOKEN, "the-secret-token")
    assert "the-secret-token" not in repr(access)
