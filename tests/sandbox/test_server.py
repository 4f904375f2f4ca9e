"""Starting and stopping the simulator, in-process and as ``python -m pos_app.sandbox``."""

from __future__ import annotations

import json
import os
import re
import signal
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import trustme

from pos_app.sandbox import Simulator, SimulatorConfig, default_resources_dir, start_simulator
from pos_app.sandbox.demo_data import (
    CARD_MAIN,
    DEMO_CARDS,
    build_demo_data,
)
from tests.sandbox.helpers import PIGGY, PIGGY_AUTH

ROOT = Path(__file__).resolve().parents[2]


def wait_for(condition: Callable[[], bool]) -> None:
    """Wait for something that must happen (never to prove that something does not)."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.005)


def test_starts_fast_on_a_free_port_and_stops_cleanly() -> None:
    threads_before = set(threading.enumerate())
    started = time.perf_counter()
    sim = start_simulator()
    assert time.perf_counter() - started < 1.0
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", sim.url)
        assert sim.piggy_base_url == sim.giftoin_base_url == sim.nudj_base_url == sim.url
        assert sim.running
        assert httpx.get(f"{sim.url}/__sandbox__").status_code == 200
    finally:
        sim.stop()
    assert not sim.running
    assert set(threading.enumerate()) == threads_before
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{sim.url}/__sandbox__")
    sim.stop()  # a second stop is harmless


def test_two_simulators_side_by_side() -> None:
    with start_simulator() as one, start_simulator(seed=7) as two:
        assert one.url != two.url
        card = {"contact_identifier_value": CARD_MAIN}
        a = httpx.get(f"{one.url}{PIGGY}/contact-identifiers/find", params=card, headers=PIGGY_AUTH)
        b = httpx.get(f"{two.url}{PIGGY}/contact-identifiers/find", params=card, headers=PIGGY_AUTH)
        assert a.json()["data"]["contact"]["uuid"] != b.json()["data"]["contact"]["uuid"]


@pytest.mark.parametrize("fault", ["timeout@1", "hold@1"])
def test_stop_does_not_wait_for_a_hanging_request(fault: str) -> None:
    sim = start_simulator(faults={"piggy.shops": fault})
    outcome: list[BaseException | int] = []

    def ask() -> None:
        try:
            outcome.append(httpx.get(f"{sim.url}{PIGGY}/shops", timeout=30).status_code)
        except httpx.HTTPError as exc:
            outcome.append(exc)

    asker = threading.Thread(target=ask)
    asker.start()
    # The fault is for one call: once it is used up, the request is hanging on it.
    wait_for(lambda: "piggy.shops" not in sim.faults.snapshot())
    started = time.perf_counter()
    sim.stop()
    assert time.perf_counter() - started < 2.0
    asker.join(5)
    assert not asker.is_alive()
    assert len(outcome) == 1
    assert isinstance(outcome[0], httpx.RemoteProtocolError)


def test_state_is_read_safely_while_requests_change_it(sim: Simulator) -> None:
    contact = sim.state.data.contact_for_card(CARD_MAIN)
    now = sim.state.now()
    items = [i for i in sim.state.uncollected(contact.uuid) if i.expires_at and i.expires_at > now]
    errors: list[str] = []

    def collect_all() -> None:
        with httpx.Client(base_url=sim.url, headers=PIGGY_AUTH) as client:
            for item in items:
                r = client.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}")
                if r.status_code != 200:
                    errors.append(r.text)

    worker = threading.Thread(target=collect_all)
    worker.start()
    while worker.is_alive():
        remaining = sim.state.uncollected(contact.uuid)
        assert len(remaining) <= 30
    worker.join()
    assert errors == []
    assert all(sim.state.item(item.uuid).collected for item in items)


# --- demo data and pictures -----------------------------------------------------------------


def test_demo_data_is_relative_to_the_clock() -> None:
    late = datetime(2026, 6, 1, 21, 30, tzinfo=UTC)
    with (
        start_simulator(clock=lambda: late) as sim,
        httpx.Client(base_url=sim.url, headers=PIGGY_AUTH) as client,
    ):
        contact = sim.state.data.contact_for_card(CARD_MAIN)
        data = client.get(
            f"{PIGGY}/collectable-rewards", params={"contact_uuid": contact.uuid}
        ).json()["data"]
    expiries = [datetime.fromisoformat(i["expires_at"]) for i in data if i["expires_at"]]
    today = [e for e in expiries if e > late and e.astimezone().date() == late.astimezone().date()]
    assert len(today) == 3
    assert min(expiries) == late - timedelta(days=40)


def test_demo_data_is_deterministic_per_seed() -> None:
    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    first, again, other = build_demo_data(now), build_demo_data(now), build_demo_data(now, 1)
    assert list(first.items) == list(again.items)
    assert first.contact_for_card(CARD_MAIN).uuid == again.contact_for_card(CARD_MAIN).uuid
    assert first.contact_for_card(CARD_MAIN).uuid != other.contact_for_card(CARD_MAIN).uuid
    assert set(first.identifiers) == set(DEMO_CARDS)
    with pytest.raises(ValueError, match="timezone"):
        build_demo_data(datetime(2026, 1, 5))


def test_every_picture_the_data_names_exists() -> None:
    data = build_demo_data(datetime.now(UTC))
    names = {item.reward.picture for item in data.items.values() if item.reward.picture}
    for user in data.giftoin_users.values():
        for challenge in user.challenges:
            names.add(challenge.picture)
            names |= {card.picture for card in challenge.cards or ()}
            if challenge.reward:
                names.add(challenge.reward.picture)
    names |= {reward.picture for reward in data.nudj_rewards}
    folder = default_resources_dir()
    assert folder == ROOT / "resources" / "sandbox"
    missing = sorted(name for name in names if not (folder / name).is_file())
    assert missing == []


def test_pictures_folder_stays_small() -> None:
    folder = ROOT / "resources" / "sandbox"
    total = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert 0 < total < 1_000_000


def test_pictures_cannot_leave_their_folder(client: httpx.Client) -> None:
    for path in ("/media/../make_pictures.py", "/media/..%2Fmake_pictures.py", "/media/x.png"):
        assert client.get(path).status_code == 404


def test_resources_folder_can_be_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "rewards").mkdir()
    (tmp_path / "rewards" / "coffee.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    monkeypatch.setenv("POS_APP_SANDBOX_RESOURCES", str(tmp_path))
    assert default_resources_dir() == tmp_path
    with start_simulator() as sim:
        assert sim.resources_dir == tmp_path
        assert httpx.get(f"{sim.url}/media/rewards/coffee.png").content.endswith(b"fake")


# --- python -m pos_app.sandbox --------------------------------------------------------------


@pytest.fixture
def cli_process(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, str]]:
    faults = tmp_path / "faults.json"
    faults.write_text(json.dumps({"giftoin.inventory": "maintenance"}))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pos_app.sandbox",
            "--port",
            "0",
            "--fault",
            "piggy.shops=error:503@1",
            "--faults",
            str(faults),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        match = re.match(r"Simulator running at (http://127\.0\.0\.1:\d+)", first)
        assert match, first + (process.stderr.read() if process.poll() is not None else "")
        banner = [first]
        while banner[-1] and not banner[-1].startswith("Press Ctrl+C"):
            banner.append(process.stdout.readline())
        yield process, match.group(1), "".join(banner)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_command_line_serves_until_ctrl_c(
    cli_process: tuple[subprocess.Popen[str], str, str],
) -> None:
    process, url, banner = cli_process
    with httpx.Client(base_url=url, headers=PIGGY_AUTH) as client:
        assert client.get(f"{PIGGY}/shops").status_code == 503
        assert client.get(f"{PIGGY}/shops").status_code == 200
        assert client.get("/api/v1/users/discord/1/inventory").status_code == 503
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "demo-piggy-token" in banner
    assert "demo-client-secret" in banner
    for card in DEMO_CARDS:
        assert card in banner
    assert "Simulator stopped." in out
    assert "Traceback" not in err


def test_command_line_refuses_a_bad_fault() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pos_app.sandbox", "--port", "0", "--fault", "piggy.shops=boom"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "unknown fault kind" in result.stderr


def test_serves_https_with_a_certificate_and_names_its_pictures_so(tmp_path: Path) -> None:
    # As a vendor behind TLS: the API and the picture addresses it hands out are https.
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    issued.cert_chain_pems[0].write_to_path(str(cert))
    issued.private_key_pem.write_to_path(str(key))
    trusted = ssl.create_default_context()
    ca.configure_trust(trusted)
    with Simulator(SimulatorConfig(tls_cert=cert, tls_key=key)).start() as sim:
        assert sim.url.startswith("https://127.0.0.1:")
        with httpx.Client(base_url=sim.url, verify=trusted) as client:
            uuid = sim.state.data.contact_for_card(CARD_MAIN).uuid
            found = client.get(
                f"{PIGGY}/collectable-rewards", params={"contact_uuid": uuid}, headers=PIGGY_AUTH
            )
            found.raise_for_status()
            medias = [item["reward"]["media"] for item in found.json()["data"]]
            urls = {media["value"] for media in medias if media}
            assert urls
            assert all(url.startswith(f"{sim.url}/media/") for url in urls)
            assert client.get(next(iter(urls))).content.startswith(b"\x89PNG")
