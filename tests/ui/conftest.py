"""UI tests drive the real window against the simulator over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos_app.demo import DEMO_STAFF_PIN_KEY
from pos_app.sandbox import Simulator, start_simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings, load_settings


@pytest.fixture(scope="package")
def shared_simulator() -> Iterator[Simulator]:
    with start_simulator() as sim:
        yield sim


@pytest.fixture
def simulator(shared_simulator: Simulator) -> Simulator:
    shared_simulator.reset()
    shared_simulator.clear_faults()
    return shared_simulator


@pytest.fixture
def app_settings(simulator: Simulator) -> Settings:
    return load_settings().with_overrides(
        piggy_base_url=simulator.piggy_base_url,
        giftoin_base_url=simulator.giftoin_base_url,
        nudj_base_url=simulator.nudj_base_url,
        shop_uuid=simulator.state.data.shops[0].uuid,
        request_timeout=5.0,
        giftoin_platform=demo.GIFTOIN_PLATFORM,
        giftoin_user_attribute=demo.GIFTOIN_USER_ATTRIBUTE,
        # Tests that want the slip dialog after a hand-over ask for it themselves.
        print_slip="never",
    )


@pytest.fixture
def demo_secrets() -> SecretStore:
    return SecretStore(
        env={
            SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN,
            SecretName.GIFTOIN_API_KEY.env_var: demo.DEMO_GIFTOIN_KEY,
            SecretName.NUDJ_TOKEN.env_var: demo.DEMO_NUDJ_TOKEN,
            SecretName.STAFF_PIN_KEY.env_var: DEMO_STAFF_PIN_KEY,
        },
        use_keyring=False,
    )
