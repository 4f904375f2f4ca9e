"""`pos-app doctor --customer CARD` against the simulator over loopback HTTP, and against a
host where nothing listens: the check reads, and changes nothing on the server.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pos_app.cli import main
from pos_app.demo import DemoSession
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.doctor import CheckStatus, Doctor, format_table
from pos_app.services.secrets import SecretName
from tests.helpers.cli import SECRETS, doctor_against_nowhere

ROOT = Path(__file__).resolve().parents[2]
LIVE_ROWS = [
    ("Customer", "found"),
    ("Customer", "rewards"),
    ("Giftoin", "customer"),
    ("Nudj", "customer"),
]


class RecordingTransport(httpx.AsyncBaseTransport):
    """Real loopback HTTP, with a note of every request that was sent."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.sent: list[tuple[str, str]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((request.method, request.url.path))
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        # Shared by every client of the run: the test closes it once at the end.
        return None

    async def close_for_real(self) -> None:
        await self._inner.aclose()


@pytest.fixture
def session() -> Iterator[DemoSession]:
    with DemoSession() as running:
        yield running


def _server_state(simulator: Simulator) -> dict[str, object]:
    """What a check could change on the server: pickups, reversals, codes emailed."""
    state = simulator.state
    with state.lock:
        return {
            "collected": {uuid: item.collected for uuid, item in state.data.items.items()},
            "redemptions": {
                uuid: (redemption.item_uuid, redemption.status)
                for uuid, redemption in state.redemptions.items()
            },
            "collect_requests": dict(state.collect_requests),
            "mailbox": state.mailbox(),
        }


@pytest.mark.asyncio
@pytest.mark.usefixtures("memory_keyring")
async def test_a_demo_card_checks_out_and_the_server_is_unchanged(session: DemoSession) -> None:
    simulator = session.simulator
    assert simulator is not None
    before = _server_state(simulator)
    assert before["collected"], "the demo data has rewards"
    transport = RecordingTransport()
    try:
        doctor = Doctor(session.settings, session.secrets, transport=transport)
        results = await doctor.run(customer=demo.CARD_MAIN)
    finally:
        await transport.close_for_real()
    table = format_table(results)
    for component, check in LIVE_ROWS:
        rows = [r for r in results if (r.component, r.check) == (component, check)]
        assert len(rows) == 1, table
        assert rows[0].status is CheckStatus.OK, table
    assert not [r for r in results if r.status is CheckStatus.FAIL], table
    assert _server_state(simulator) == before
    assert {method for method, _ in transport.sent} == {"GET"}
    paths = {path for _, path in transport.sent}
    assert "/api/v3/oauth/clients/contact-identifiers/find" in paths
    assert "/api/v3/oauth/clients/collectable-rewards" in paths
    assert any(path.endswith("/progress/collection-challenges") for path in paths)
    assert any(path.startswith("/api/v2/admin/users/") for path in paths)


@pytest.mark.usefixtures("memory_keyring")
def test_the_command_shows_no_email_or_name(
    session: DemoSession,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Nudj looked up by email: the address is used, and still never printed or logged."""
    settings = session.settings
    for name, value in {
        "POS_APP_PIGGY_BASE_URL": settings.piggy_base_url,
        "POS_APP_GIFTOIN_BASE_URL": settings.giftoin_base_url,
        "POS_APP_NUDJ_BASE_URL": settings.nudj_base_url,
        "POS_APP_SHOP_UUID": settings.shop_uuid,
        "POS_APP_GIFTOIN_PLATFORM": demo.GIFTOIN_PLATFORM,
        "POS_APP_GIFTOIN_USER_ATTRIBUTE": demo.GIFTOIN_USER_ATTRIBUTE,
        "POS_APP_NUDJ_USER_ID_SOURCE": "email",
    }.items():
        assert value
        monkeypatch.setenv(name, value)
    for secret in (SecretName.PIGGY_TOKEN, SecretName.GIFTOIN_API_KEY, SecretName.NUDJ_TOKEN):
        value = session.secrets.get(secret)
        assert value
        monkeypatch.setenv(secret.env_var, value)
    caplog.set_level(logging.DEBUG)
    code = main(["doctor", "--customer", demo.CARD_MAIN, "-vv"])
    out, err = capsys.readouterr()
    shown = out + err + caplog.text
    assert "Customer" in out
    assert code == 0, out
    for private in (demo.EMAIL_MAIN, "Robin", "de Vries", "@"):
        assert private not in shown
    # Nor the customer's id on the Giftoin platform in the table (the API log has the
    # request path with it at -vv, as for every counter lookup).
    assert demo.DISCORD_MAIN not in out
    nudj = next(line for line in out.splitlines() if line.startswith("Nudj") and "customer" in line)
    assert "email" in nudj


def test_doctor_customer_against_an_unreachable_host_prints_a_table(tmp_path: Path) -> None:
    result = doctor_against_nowhere(tmp_path, "--customer", demo.CARD_MAIN)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Component", "Check", "Result", "Details"]
    reachable = next(line for line in lines if line.startswith("Piggy") and "reachable" in line)
    assert "FAIL" in reachable
    assert "cannot connect to http://127.0.0.1:9" in reachable
    # Not looked up again: the counter's lookup would only wait out its retries.
    found = next(line for line in lines if line.startswith("Customer") and "found" in line)
    assert "not checked: Piggy cannot be reached" in found
    rewards = next(line for line in lines if line.startswith("Customer") and "rewards" in line)
    assert "skipped" in rewards
    assert lines.index(found) > max(
        i for i, line in enumerate(lines) if line.startswith("Piggy") and "reachable" in line
    )
    for secret in SECRETS.values():
        assert secret not in result.stdout + result.stderr
