"""Fault injection: the syntax, each kind over real HTTP, counts, and the control API."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from pos_app.sandbox import Fault, FaultSyntaxError, Simulator
from pos_app.sandbox.demo_data import DISCORD_MAIN, EMAIL_MAIN, Contact
from pos_app.sandbox.faults import FaultBook, load_fault_file, parse_assignment
from tests.sandbox.helpers import (
    GIFTOIN_AUTH,
    NUDJ_AUTH,
    PIGGY,
    PIGGY_AUTH,
    fresh_item,
    main_uuid,
)

SHOPS = f"{PIGGY}/shops"
NUDJ_REWARDS = "/api/v2/integration/rewards"
GIFTOIN_PROGRESS = f"/api/v1/users/discord/{DISCORD_MAIN}/progress/collection-challenges"


# --- syntax ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("latency:300", Fault("latency", ms=300)),
        ("latency:300,50", Fault("latency", ms=300, jitter_ms=50)),
        ("error:503", Fault("error", status=503)),
        ("error", Fault("error", status=500)),
        ("error:500@2", Fault("error", status=500, count=2)),
        ("rate_limit:7", Fault("rate_limit", seconds=7)),
        ("maintenance", Fault("maintenance")),
        ("malformed@1", Fault("malformed", count=1)),
        ("drop", Fault("drop")),
        ("slow_body:150", Fault("slow_body", ms=150)),
        ("timeout", Fault("timeout")),
        ("timeout:2.5", Fault("timeout", seconds=2.5)),
        ("after_apply", Fault("after_apply", then="drop")),
        ("after_apply:timeout@1", Fault("after_apply", then="timeout", count=1)),
        ("hold", Fault("hold")),
        ("hold@2", Fault("hold", count=2)),
    ],
)
def test_compact_syntax(text: str, expected: Fault) -> None:
    fault = Fault.parse(text)
    assert fault == expected
    assert Fault.parse(fault.spec()) == fault


@pytest.mark.parametrize(
    "text",
    [
        "explode",
        "latency",
        "latency:soon",
        "error:200",
        "error:503@0",
        "drop:5",
        "after_apply:x",
        "hold:5",
    ],
)
def test_bad_faults_are_refused(text: str) -> None:
    with pytest.raises(FaultSyntaxError):
        Fault.parse(text)


def test_assignments_and_routes() -> None:
    assert parse_assignment("piggy.collect=error:503@1") == (
        "piggy.collect",
        Fault("error", status=503, count=1),
    )
    assert parse_assignment("*=latency:10")[0] == "*"
    with pytest.raises(FaultSyntaxError):
        parse_assignment("piggy.nothing=drop")
    with pytest.raises(FaultSyntaxError):
        parse_assignment("piggy.collect")


def test_fault_file(tmp_path: Path) -> None:
    path = tmp_path / "faults.json"
    path.write_text(
        json.dumps(
            {
                "piggy.collect": "after_apply:drop@1",
                "nudj.rewards": {"kind": "latency", "ms": 200, "jitter_ms": 50},
            }
        )
    )
    assert load_fault_file(path) == {
        "piggy.collect": Fault("after_apply", count=1),
        "nudj.rewards": Fault("latency", ms=200, jitter_ms=50),
    }
    path.write_text('{"nudj.rewards": {"kind": "latency", "speed": 1}}')
    with pytest.raises(FaultSyntaxError):
        load_fault_file(path)


def test_count_limited_faults_run_out_and_routes_fall_back_to_the_wildcard() -> None:
    book = FaultBook({"*": Fault("latency", ms=1), "piggy.collect": Fault("drop", count=2)})
    assert [book.take("piggy.collect") for _ in range(3)] == [
        Fault("drop", count=2),
        Fault("drop", count=1),
        Fault("latency", ms=1),
    ]
    assert book.take("media") is None, "the wildcard leaves the pictures alone"


# --- each kind over HTTP --------------------------------------------------------------------


def test_latency(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "latency:300")
    started = time.perf_counter()
    response = client.get(SHOPS, headers=PIGGY_AUTH)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert 0.3 <= elapsed < 2.0


def test_latency_with_jitter(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("nudj.rewards", "latency:100,100")
    started = time.perf_counter()
    assert client.get(NUDJ_REWARDS, headers=NUDJ_AUTH).status_code == 200
    assert 0.1 <= time.perf_counter() - started < 2.0


@pytest.mark.parametrize(
    ("route", "url", "headers", "status", "body"),
    [
        ("piggy.shops", SHOPS, PIGGY_AUTH, 500, {"message": "Server Error"}),
        ("piggy.shops", SHOPS, PIGGY_AUTH, 503, {"message": "Service Unavailable"}),
        (
            "nudj.rewards",
            NUDJ_REWARDS,
            NUDJ_AUTH,
            500,
            {
                "message": "Internal Server Error",
                "code": "INTERNAL_SERVER_ERROR",
                "data": {"httpStatus": 500, "path": "integration.rewards.list"},
            },
        ),
    ],
)
def test_error_status_with_the_vendors_body(
    client: httpx.Client,
    sim: Simulator,
    route: str,
    url: str,
    headers: dict[str, str],
    status: int,
    body: dict[str, object],
) -> None:
    sim.set_fault(route, Fault("error", status=status))
    response = client.get(url, headers=headers)
    assert response.status_code == status
    assert response.json() == body


def test_giftoin_error_body(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("giftoin.progress", "error:500")
    response = client.get(GIFTOIN_PROGRESS, headers=GIFTOIN_AUTH)
    assert response.status_code == 500
    status = response.json()["status"]
    assert status["errorCode"] == 500
    assert set(status) == {"timestamp", "errorCode", "errorMessage"}


def test_gateway_errors_are_html(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "error:502")
    response = client.get(SHOPS, headers=PIGGY_AUTH)
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_rate_limit(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "rate_limit:7")
    response = client.get(SHOPS, headers=PIGGY_AUTH)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"
    assert response.json() == {"message": "Too Many Attempts."}


def test_nudj_rate_limit_sends_no_retry_after(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("nudj.rewards", "rate_limit:7")
    response = client.get(NUDJ_REWARDS, headers=NUDJ_AUTH)
    assert response.status_code == 429
    assert "Retry-After" not in response.headers
    assert response.json()["code"] == "TOO_MANY_REQUESTS"


def test_maintenance(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("piggy.rewards", "maintenance")
    response = client.get(f"{PIGGY}/collectable-rewards?contact_uuid=x", headers=PIGGY_AUTH)
    assert response.status_code == 503
    assert response.json() == {"message": "Service Unavailable"}


def test_malformed_body(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("giftoin.progress", "malformed")
    response = client.get(GIFTOIN_PROGRESS, headers=GIFTOIN_AUTH)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_dropped_connection(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "drop@1")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(SHOPS, headers=PIGGY_AUTH)
    # The fault was for one call: the next one (on a new connection) is answered.
    assert client.get(SHOPS, headers=PIGGY_AUTH).status_code == 200


def test_slow_body(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("nudj.rewards", "slow_body:150")
    started = time.perf_counter()
    with client.stream("GET", NUDJ_REWARDS, headers=NUDJ_AUTH) as response:
        headers_after = time.perf_counter() - started
        body = response.read()
    total = time.perf_counter() - started
    assert response.status_code == 200
    assert headers_after < 0.15 < 1.2 <= total
    assert json.loads(body)["totalCount"] == 25


def test_slow_body_trips_a_read_timeout(sim: Simulator) -> None:
    sim.set_fault("nudj.rewards", "slow_body:500")
    timeout = httpx.Timeout(5.0, read=0.2)
    with (
        httpx.Client(base_url=sim.url, timeout=timeout) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        client.get(NUDJ_REWARDS, headers=NUDJ_AUTH)


def test_timeout(sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "timeout")
    started = time.perf_counter()
    with (
        httpx.Client(base_url=sim.url, timeout=0.3) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        client.get(SHOPS, headers=PIGGY_AUTH)
    assert time.perf_counter() - started < 2.0


def test_limited_timeout_then_drops(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "timeout:0.3")
    started = time.perf_counter()
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(SHOPS, headers=PIGGY_AUTH)
    assert 0.3 <= time.perf_counter() - started < 2.0


def test_plain_drop_does_not_change_state(client: httpx.Client, sim: Simulator) -> None:
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "drop")
    with pytest.raises(httpx.RemoteProtocolError):
        client.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)
    assert not sim.state.item(item.uuid).collected


def test_after_apply_drop_collects_then_loses_the_answer(
    client: httpx.Client, sim: Simulator, main_contact: Contact
) -> None:
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "after_apply:drop@1")
    with pytest.raises(httpx.RemoteProtocolError):
        client.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)
    assert sim.state.item(item.uuid).collected
    # What a journal finds when it reconciles: the item is gone from the list, and a retry
    # of the collect is refused.
    listed = client.get(
        f"{PIGGY}/collectable-rewards",
        params={"contact_uuid": main_contact.uuid},
        headers=PIGGY_AUTH,
    ).json()["data"]
    assert item.uuid not in {i["uuid"] for i in listed}
    retry = client.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)
    assert retry.json()["code"] == 6003


def test_after_apply_timeout_reverses_then_hangs(client: httpx.Client, sim: Simulator) -> None:
    item = fresh_item(sim)
    collected = client.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)
    redemption = collected.json()["data"]["uuid"]
    sim.set_fault("piggy.reverse", "after_apply:timeout")
    with (
        httpx.Client(base_url=sim.url, timeout=0.3) as impatient,
        pytest.raises(httpx.ReadTimeout),
    ):
        impatient.post(f"{PIGGY}/collectable-rewards/{redemption}/reverse", headers=PIGGY_AUTH)
    assert not sim.state.item(item.uuid).collected


@contextmanager
def in_background(call: Callable[[], httpx.Response]) -> Iterator[list[httpx.Response | Exception]]:
    """Run ``call`` on a thread for the block; its answer (or error) is in the list after."""
    outcome: list[httpx.Response | Exception] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as exc:  # looked at by the test
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        yield outcome
    finally:
        thread.join(10)
        assert not thread.is_alive()


def collect_call(sim: Simulator, uuid: str) -> Callable[[], httpx.Response]:
    def call() -> httpx.Response:
        with httpx.Client(base_url=sim.url, timeout=10) as client:
            return client.put(f"{PIGGY}/collectable-rewards/collect/{uuid}", headers=PIGGY_AUTH)

    return call


def test_hold_keeps_the_call_unprocessed_until_released(sim: Simulator) -> None:
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "hold@1")
    with in_background(collect_call(sim, item.uuid)) as outcome:
        sim.wait_until_held("piggy.collect")
        # Held before the handler: nothing has happened to the reward yet.
        assert sim.held("piggy.collect") == 1
        assert sim.held() == 1
        assert not sim.state.item(item.uuid).collected
        assert outcome == []
        assert sim.release("piggy.collect") == 1
    (answer,) = outcome
    assert isinstance(answer, httpx.Response)
    assert answer.status_code == 200
    assert answer.json()["data"]["status"] == "COLLECTED"
    assert sim.state.item(item.uuid).collected
    assert sim.held() == 0


def test_held_calls_are_released_in_the_order_they_came(sim: Simulator) -> None:
    first, second = (i for i in sim.state.uncollected(main_uuid(sim)) if i.expires_at is None)
    sim.set_fault("piggy.collect", "hold")
    with in_background(collect_call(sim, first.uuid)) as one:
        sim.wait_until_held("piggy.collect")
        with in_background(collect_call(sim, second.uuid)) as two:
            sim.wait_until_held("piggy.collect", count=2)
            assert sim.release("piggy.collect", 1) == 1
            # Only the first one goes on; the second is still held.
            with httpx.Client(base_url=sim.url) as control:
                assert control.get("/__sandbox__/held").json() == {"held": {"piggy.collect": 1}}
            assert sim.held("piggy.collect") == 1
            assert not sim.state.item(second.uuid).collected
            sim.release("piggy.collect")
    assert sim.state.item(first.uuid).collected
    assert sim.state.item(second.uuid).collected
    assert [r.status_code for r in (*one, *two) if isinstance(r, httpx.Response)] == [200, 200]


def test_a_held_call_released_unanswered_is_dropped_unprocessed(sim: Simulator) -> None:
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "hold")
    with in_background(collect_call(sim, item.uuid)) as outcome:
        sim.wait_until_held("piggy.collect")
        assert sim.release("piggy.collect", answer=False) == 1
    (error,) = outcome
    assert isinstance(error, httpx.RemoteProtocolError)
    assert not sim.state.item(item.uuid).collected


def test_reset_drops_held_calls_so_none_reaches_the_fresh_data(sim: Simulator) -> None:
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "hold")
    with in_background(collect_call(sim, item.uuid)) as outcome:
        sim.wait_until_held("piggy.collect")
        sim.reset()
    assert isinstance(outcome[0], httpx.RemoteProtocolError)
    assert sim.held() == 0
    assert not sim.state.item(item.uuid).collected


def test_a_call_held_after_its_client_gave_up_is_still_processed(sim: Simulator) -> None:
    # Like a server slower than the client's patience: the request still takes effect.
    item = fresh_item(sim)
    sim.set_fault("piggy.collect", "hold@1")
    with (
        httpx.Client(base_url=sim.url, timeout=0.2) as impatient,
        pytest.raises(httpx.ReadTimeout),
    ):
        impatient.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)
    assert sim.held("piggy.collect") == 1
    assert not sim.state.item(item.uuid).collected
    sim.release("piggy.collect")
    with httpx.Client(base_url=sim.url) as control:
        assert control.get("/__sandbox__/held").json() == {"held": {}}
    assert sim.state.item(item.uuid).collected


def test_waiting_for_a_call_that_never_comes_times_out(sim: Simulator) -> None:
    sim.set_fault("piggy.collect", "hold")
    with pytest.raises(TimeoutError):
        sim.wait_until_held("piggy.collect", timeout=0.05)
    assert sim.release("piggy.collect") == 0


def test_control_release_endpoint(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "hold")
    get_shops = lambda: httpx.get(f"{sim.url}{SHOPS}", headers=PIGGY_AUTH, timeout=10)  # noqa: E731
    with in_background(get_shops) as outcome:
        sim.wait_until_held("piggy.shops")
        assert client.get("/__sandbox__/held").json() == {"held": {"piggy.shops": 1}}
        assert client.post("/__sandbox__/held/piggy.shops/release?count=0").status_code == 400
        assert client.post("/__sandbox__/held/nowhere/release").status_code == 404
        released = client.post("/__sandbox__/held/piggy.shops/release?count=1").json()
        assert released == {"released": 1, "held": {}}
    (answer,) = outcome
    assert isinstance(answer, httpx.Response)
    assert answer.status_code == 200


def test_count_limits_a_fault(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("piggy.shops", "error:503@2")
    statuses = [client.get(SHOPS, headers=PIGGY_AUTH).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert sim.faults.snapshot() == {}


def test_wildcard_and_specific_routes(client: httpx.Client, sim: Simulator) -> None:
    sim.set_fault("*", "error:500")
    sim.set_fault("nudj.rewards", "error:503")
    assert client.get(SHOPS, headers=PIGGY_AUTH).status_code == 500
    assert client.get(GIFTOIN_PROGRESS, headers=GIFTOIN_AUTH).status_code == 500
    assert client.get(NUDJ_REWARDS, headers=NUDJ_AUTH).status_code == 503
    assert client.get(f"{sim.url}/media/rewards/coffee.png").status_code == 200
    sim.clear_faults("*")
    assert client.get(SHOPS, headers=PIGGY_AUTH).status_code == 200


def test_faults_come_before_auth(client: httpx.Client, sim: Simulator) -> None:
    # A service in maintenance answers 503 whoever asks.
    sim.set_fault("piggy.shops", "maintenance")
    assert client.get(SHOPS).status_code == 503


def test_faults_given_at_start() -> None:
    from pos_app.sandbox import start_simulator

    with (
        start_simulator(faults={"piggy.shops": "error:500@1"}) as sim,
        httpx.Client(base_url=sim.url) as client,
    ):
        assert client.get(SHOPS, headers=PIGGY_AUTH).status_code == 500
        assert client.get(SHOPS, headers=PIGGY_AUTH).status_code == 200


# --- control API ----------------------------------------------------------------------------


def test_control_faults_endpoint(client: httpx.Client) -> None:
    url = "/__sandbox__/faults"
    assert client.get(url).json() == {"faults": {}}
    added = client.post(
        url, json={"piggy.shops": "error:503@2", "nudj.user": {"kind": "latency", "ms": 5}}
    )
    assert added.status_code == 200
    assert added.json()["faults"]["piggy.shops"]["spec"] == "error:503@2"
    assert client.get(SHOPS, headers=PIGGY_AUTH).status_code == 503
    assert client.get(url).json()["faults"]["piggy.shops"]["count"] == 1

    replaced = client.put(url, json={"giftoin.inventory": "drop"}).json()["faults"]
    assert set(replaced) == {"giftoin.inventory"}
    assert client.delete(f"{url}/giftoin.inventory").json() == {"faults": {}}

    client.post(url, json={"*": "maintenance"})
    assert client.delete(url).json() == {"faults": {}}
    assert client.get(SHOPS, headers=PIGGY_AUTH).status_code == 200

    for bad in ({"piggy.shops": "explode"}, {"nowhere": "drop"}, ["drop"]):
        response = client.post(url, json=bad)
        assert response.status_code == 400
        assert "error" in response.json()
    assert client.delete(f"{url}/nowhere").status_code == 404


def test_control_mailbox(client: httpx.Client) -> None:
    assert client.get("/__sandbox__/mailbox").json() == {"codes": {}}
    assert client.get(f"/__sandbox__/mailbox/{EMAIL_MAIN}").status_code == 404
    client.post(
        f"{PIGGY}/contact-verification/send", data={"email": EMAIL_MAIN}, headers=PIGGY_AUTH
    )
    codes = client.get("/__sandbox__/mailbox").json()["codes"]
    assert set(codes) == {EMAIL_MAIN}
    one = client.get(f"/__sandbox__/mailbox/{EMAIL_MAIN}").json()
    assert one == {"email": EMAIL_MAIN, "code": codes[EMAIL_MAIN]}


def test_control_reset(client: httpx.Client, sim: Simulator) -> None:
    item = fresh_item(sim)
    client.put(f"{PIGGY}/collectable-rewards/collect/{item.uuid}", headers=PIGGY_AUTH)
    assert sim.state.item(item.uuid).collected
    assert client.post("/__sandbox__/reset").json() == {"reset": True}
    assert not sim.state.item(item.uuid).collected


def test_control_options(client: httpx.Client, sim: Simulator) -> None:
    url = "/__sandbox__/options"
    assert client.get(url).json() == {
        "giftoin_envelope": True,
        "legacy_collect": False,
        "reverse_collected_reception": "refuse",
    }
    assert client.put(url, json={"giftoin_envelope": False}).json()["giftoin_envelope"] is False
    accepting = client.put(url, json={"reverse_collected_reception": "accept"}).json()
    assert accepting["reverse_collected_reception"] == "accept"
    assert sim.config.reverse_collected_reception == "accept"
    ignored = client.put(url, json={"reverse_collected_reception": "maybe"}).json()
    assert ignored["reverse_collected_reception"] == "accept"
    assert isinstance(client.get(GIFTOIN_PROGRESS, headers=GIFTOIN_AUTH).json(), list)


def test_control_info(client: httpx.Client, sim: Simulator, main_contact: Contact) -> None:
    info = client.get("/__sandbox__").json()
    assert info["url"] == sim.url
    assert info["piggy"]["token"] == "demo-piggy-token"
    assert info["cards"]["DEMO-CARD-1"]["contact_uuid"] == main_contact.uuid
    assert info["contacts"][EMAIL_MAIN]["giftoin_account"] is True
    assert info["contacts"][EMAIL_MAIN]["nudj_account"] is True
