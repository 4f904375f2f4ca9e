"""The shared transport: URLs, path encoding, request logging, closing."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

import httpx
import pytest

from pos_app.api import GiftoinClient, NudjClient, PiggyClient, errors, nudj
from pos_app.api._transport import (
    ApiTransport,
    ErrorTranslator,
    normalize_base_url,
    path_segment,
)
from tests.api.fakes import (
    PIGGY_PREFIX,
    FakeServer,
    Reply,
    example,
    nudj_client,
    ok,
    piggy_client,
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://api.piggy.eu", "https://api.piggy.eu"),
        ("https://api.piggy.eu/", "https://api.piggy.eu"),
        ("  https://api.piggy.eu/api/v3/oauth/clients/ ", "https://api.piggy.eu"),
        ("http://127.0.0.1:8765/piggy", "http://127.0.0.1:8765/piggy"),
        ("http://127.0.0.1:8765/piggy/api/v3/oauth/clients", "http://127.0.0.1:8765/piggy"),
    ],
)
def test_normalize_base_url(given: str, expected: str) -> None:
    assert normalize_base_url(given, "/api/v3/oauth/clients") == expected


@pytest.mark.parametrize("bad", ["api.piggy.eu", "ftp://api.piggy.eu", "https://", ""])
def test_normalize_base_url_rejects_non_http(bad: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        normalize_base_url(bad, "/api/v1")


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("abc-123", "abc-123"),
        ("a/b", "a%2Fb"),
        ("a?b#c", "a%3Fb%23c"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("a..b", "a..b"),
        ("ünï cödé", "%C3%BCn%C3%AF%20c%C3%B6d%C3%A9"),
    ],
)
def test_path_segment(value: str, encoded: str) -> None:
    assert path_segment(value) == encoded


def test_path_segment_refuses_empty() -> None:
    with pytest.raises(ValueError, match="uuid"):
        path_segment("", what="uuid")


@pytest.mark.asyncio
async def test_a_base_url_with_a_path_prefix_is_kept(server: FakeServer) -> None:
    server.add("GET", f"/sim/piggy{PIGGY_PREFIX}/shops", example("piggy/shops_list.json"))
    server.add("POST", "/sim/piggy/oauth/token", ok({"access_token": "t-1", "expires_in": 60}))
    async with PiggyClient(
        "https://sim.test/sim/piggy",
        client_id="id",
        client_secret="secret",
        transport=server.transport,
    ) as piggy:
        await piggy.list_shops()
    assert [c.path for c in server.calls] == [
        "/sim/piggy/oauth/token",
        f"/sim/piggy{PIGGY_PREFIX}/shops",
    ]


@pytest.mark.asyncio
async def test_each_request_is_logged_at_debug(
    server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.add("GET", f"{PIGGY_PREFIX}/collectable-rewards", Reply(404, {"message": "Nope"}))
    with caplog.at_level(logging.DEBUG, logger="pos_app.api"):
        async with piggy_client(server) as piggy:
            with pytest.raises(errors.NotFoundError, match="Nope"):
                await piggy.list_collectable_rewards("c-1")
    (record,) = [r for r in caplog.records if r.name == "pos_app.api.piggy"]
    assert record.levelno == logging.DEBUG
    message = record.getMessage()
    assert message.startswith(f"GET {PIGGY_PREFIX}/collectable-rewards -> 404 in ")
    assert message.endswith(" ms")
    assert "c-1" not in message  # the query string is not logged


@pytest.mark.asyncio
async def test_httpx_request_lines_lose_their_query(
    server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.add(
        "GET",
        f"{PIGGY_PREFIX}/contacts/find-one-by",
        example("piggy/error_contact_not_found.json", 400),
    )
    with caplog.at_level(logging.INFO, logger="httpx"):
        async with piggy_client(server) as piggy:
            with pytest.raises(errors.ContactNotFoundError):
                await piggy.find_contact_by_email("karen@chumbucket.sea")
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert lines, "httpx logged no request line"
    assert all("karen" not in line for line in lines)
    assert any("/contacts/find-one-by" in line for line in lines)


class ClosingTransport(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"edges": []})

    async def aclose(self) -> None:
        self.closed = True


@pytest.mark.asyncio
async def test_an_injected_transport_is_borrowed_not_closed() -> None:
    shared = ClosingTransport()
    async with NudjClient("https://a.nudj.test", token="t-1", transport=shared) as first:
        await first.rewards()
    async with NudjClient("https://b.nudj.test", token="t-2", transport=shared) as second:
        await second.rewards()
    assert first.is_closed
    assert second.is_closed
    assert shared.closed is False


@pytest.mark.asyncio
async def test_iter_rewards_has_a_page_limit(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A server that ignores skip and never says how many there are.
    server.add("GET", "/api/v2/integration/rewards", ok({"edges": [{"id": "same"}]}))
    monkeypatch.setattr(nudj, "MAX_PAGES", 3)
    async with nudj_client(server) as client:
        ids = [r.id async for r in client.iter_rewards(page_size=1)]
    assert ids == ["same", "same", "same"]
    assert len(server.calls) == 3
    assert "Stopped paging" in caplog.text


def test_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="timeout"):
        GiftoinClient("https://api.giftoin.test", api_key="k-123", timeout=0)


@pytest.mark.parametrize(
    "make",
    [
        lambda **bad: PiggyClient("https://api.piggy.test", token="t-123", **bad),
        lambda **bad: GiftoinClient("https://api.giftoin.test", api_key="k-123", **bad),
        lambda **bad: NudjClient("https://org.nudj.test", token="t-123", **bad),
    ],
    ids=["piggy", "giftoin", "nudj"],
)
def test_a_misspelt_client_option_is_refused(make: Callable[..., object]) -> None:
    # The options are declared once for the three clients; a typo must not be dropped
    # silently (the counter would run with the default timeout instead of the one meant).
    with pytest.raises(TypeError, match="timout"):
        make(timout=2.5)


@pytest.mark.asyncio
async def test_a_misspelt_request_option_is_refused_before_sending(server: FakeServer) -> None:
    server.add("GET", "/api/v2/integration/rewards", ok({"edges": []}))
    transport = ApiTransport(
        vendor="nudj",
        base_url="https://org.nudj.test",
        logger=logging.getLogger("tests.transport"),
        translator=ErrorTranslator(),
        transport=server.transport,
    )
    async with contextlib.aclosing(transport):
        with pytest.raises(TypeError, match="parms"):
            await transport.request_json(
                "GET",
                "/api/v2/integration/rewards",
                parms={"limit": 1},  # type: ignore[call-arg]
            )
    assert server.calls == []


@pytest.mark.asyncio
async def test_timeout_reaches_httpx(server: FakeServer) -> None:
    seen: list[object] = []

    async def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, json={"edges": []})

    server.add("GET", "/api/v2/integration/rewards", record)
    async with nudj_client(server, timeout=2.5) as client:
        await client.rewards()
    assert seen == [{"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(503, {"message": "Service Unavailable"}), errors.MaintenanceError),
        (
            Reply(503, content=b"<html><body>503 Service Unavailable</body></html>"),
            errors.ServerError,
        ),
        (Reply(503, content=b""), errors.ServerError),
    ],
    ids=["laravel-json", "proxy-html", "empty"],
)
@pytest.mark.parametrize(
    ("method", "path", "call_name", "arg"),
    [
        ("PUT", f"{PIGGY_PREFIX}/collectable-rewards/collect/tx-1", "collect_reward", "tx-1"),
        ("POST", f"{PIGGY_PREFIX}/collectable-rewards/r-1/reverse", "reverse_collection", "r-1"),
    ],
    ids=["collect", "reverse"],
)
async def test_only_a_json_503_is_maintenance(
    server: FakeServer,
    reply: Reply,
    expected: type[errors.ApiError],
    method: str,
    path: str,
    call_name: str,
    arg: str,
) -> None:
    # A 503 without Laravel's JSON body comes from a proxy in between: it says nothing
    # about whether the write was applied, so it must not read as a clean refusal.
    server.add(method, path, reply)
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ApiError) as caught:
            await getattr(piggy, call_name)(arg)
    assert type(caught.value) is expected
    assert caught.value.status_code == 503
    assert len(server.calls) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("raised", "known_unsent"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), True),
        (httpx.ConnectTimeout("timed out connecting"), True),
        (httpx.PoolTimeout("no connection free"), True),
        # After the connection was made the request may have been read: unknown outcome.
        (httpx.ReadError("connection reset by peer"), False),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), False),
        (httpx.ReadTimeout("timed out reading"), False),
    ],
)
async def test_a_connection_never_made_is_told_apart_from_a_lost_answer(
    raised: httpx.HTTPError, known_unsent: bool
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise raised

    async with PiggyClient(
        "https://api.piggy.test",
        token="token-1234",
        transport=httpx.MockTransport(fail),
        max_retries=0,
    ) as piggy:
        with pytest.raises(errors.ApiConnectionError) as caught:
            await piggy.collect_reward("lt-1")
    assert isinstance(caught.value, errors.NotConnectedError) is known_unsent
