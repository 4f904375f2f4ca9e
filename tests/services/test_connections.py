"""The three API clients as the app builds them from its settings and secrets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import load_settings
from tests.helpers import RetryWaits


@pytest.mark.asyncio
async def test_the_clients_wait_between_retries_with_the_given_sleep(simulator: Simulator) -> None:
    simulator.reset()
    settings = load_settings().with_overrides(
        piggy_base_url=simulator.piggy_base_url,
        giftoin_base_url=simulator.giftoin_base_url,
        nudj_base_url=simulator.nudj_base_url,
    )
    secrets = SecretStore(
        env={
            SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN,
            SecretName.GIFTOIN_API_KEY.env_var: demo.DEMO_GIFTOIN_KEY,
            SecretName.NUDJ_TOKEN.env_var: demo.DEMO_NUDJ_TOKEN,
        },
        use_keyring=False,
    )
    waits = RetryWaits()
    clients = build_clients(settings, secrets, sleep=waits)
    try:
        assert clients.piggy is not None
        assert clients.giftoin is not None
        assert clients.nudj is not None
        for route in ("piggy.shops", "giftoin.inventory", "nudj.rewards"):
            simulator.set_fault(route, "error:503@1")
        assert await clients.piggy.list_shops()
        inventory = await clients.giftoin.inventory(demo.GIFTOIN_PLATFORM, demo.DISCORD_MAIN)
        assert inventory.raw
        assert (await clients.nudj.rewards()).edges
    finally:
        await clients.aclose()
    # Each client retried its 503 once, after a wait it asked of the given sleep.
    assert len(waits.delays) == 3
    assert all(delay > 0 for delay in waits.delays)


@pytest.mark.asyncio
async def test_the_three_clients_read_the_trusted_certificates_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Reading the certificate authorities takes ~40 ms each time, before the window shows.
    import ssl

    from tests.helpers.http2 import http2_simulator

    made: list[ssl.SSLContext] = []
    create = ssl.create_default_context

    def counted(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        made.append(create(*args, **kwargs))
        return made[-1]

    with http2_simulator(tmp_path) as sim:
        # A certificate file of its own for this test: no set-up made earlier is reused.
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
        monkeypatch.setattr(ssl, "create_default_context", counted)
        settings = load_settings().with_overrides(
            piggy_base_url=sim.url, giftoin_base_url=sim.url, nudj_base_url=sim.url
        )
        secrets = SecretStore(
            env={
                SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN,
                SecretName.GIFTOIN_API_KEY.env_var: demo.DEMO_GIFTOIN_KEY,
                SecretName.NUDJ_TOKEN.env_var: demo.DEMO_NUDJ_TOKEN,
            },
            use_keyring=False,
        )
        clients = build_clients(settings, secrets)
        try:
            assert clients.piggy is not None
            assert clients.nudj is not None
            # Both reach the server over TLS, and were built with one context between them.
            assert await clients.piggy.list_shops()
            assert (await clients.nudj.rewards()).edges
            assert len(made) == 1
        finally:
            await clients.aclose()


def test_building_the_clients_imports_none_of_them_until_a_call() -> None:
    """The window is shown before httpx and the vendors' models are imported."""
    import subprocess
    import sys

    code = (
        "import asyncio, sys\n"
        "from pos_app.services.connections import build_clients\n"
        "from pos_app.services.secrets import SecretName, SecretStore\n"
        "from pos_app.services.settings import load_settings\n"
        "settings = load_settings(use_file=False).with_overrides(\n"
        "    giftoin_base_url='http://127.0.0.1:9', nudj_base_url='http://127.0.0.1:9')\n"
        "secrets = SecretStore(env={name.env_var: 'x' for name in SecretName},\n"
        "    use_keyring=False)\n"
        "clients = build_clients(settings, secrets)\n"
        "print(clients.piggy.timeout == settings.request_timeout)\n"
        "print(sorted(m for m in ('httpx', 'pos_app.api.piggy') if m in sys.modules))\n"
        "asyncio.run(clients.aclose())\n"
        "print(sorted(m for m in ('httpx', 'pos_app.api.piggy') if m in sys.modules))\n"
        "clients = build_clients(settings, secrets)\n"
        "print(clients.piggy.ready_connections())\n"
        "print(sorted(m for m in ('httpx', 'pos_app.api.piggy') if m in sys.modules))\n"
        "asyncio.run(clients.aclose())\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "True",
        "[]",
        "[]",  # closing a client never used builds nothing
        "0",
        "['httpx', 'pos_app.api.piggy']",
    ]


@pytest.mark.parametrize("mode", ["token", "client_credentials"])
@pytest.mark.parametrize("client_id", [None, "client-1"])
@pytest.mark.parametrize("secret", [None, "s3cr3t"])
@pytest.mark.parametrize("shop", [None, "shop-1"])
def test_a_counter_needs_setup_exactly_when_its_clients_have_no_piggy_or_no_shop(
    mode: str, client_id: str | None, secret: str | None, shop: str | None
) -> None:
    """The app's start asks the clients (no setup module imported before the paint)."""
    from pos_app.services.setup import needs_setup

    settings = load_settings(use_file=False).with_overrides(
        piggy_auth_mode=mode, piggy_client_id=client_id, shop_uuid=shop
    )
    env = {}
    if secret is not None:
        name = SecretName.PIGGY_TOKEN if mode == "token" else SecretName.PIGGY_CLIENT_SECRET
        env[name.env_var] = secret
    secrets = SecretStore(env=env, use_keyring=False)
    clients = build_clients(settings, secrets)
    assert needs_setup(settings, secrets) == (clients.piggy is None or not settings.shop_uuid)
