"""Hostile HTTP answers for property tests, and one of each API client to receive them.

Shared by the client fuzz test (tests/api/test_fuzz_bodies.py) and the services fuzz test
(tests/services/test_fuzz_services.py).
"""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.api import GiftoinClient, NudjClient, PiggyClient
from tests.api.fakes import EXAMPLES_DIR, GIFTOIN_URL, NUDJ_URL, PIGGY_URL, SleepRecorder

#: A call that has not ended after this long hangs (the clients' own budgets are far longer,
#: but every wait here is recorded, not slept, so a healthy call takes milliseconds).
CALL_TIMEOUT = 5.0


@dataclass(frozen=True)
class Answer:
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        # Short, so that hypothesis can report a falsifying 100,000-level body.
        head = self.content[:120]
        return f"Answer({self.status}, {head!r}... ({len(self.content)} bytes), {self.headers})"

    def response(self) -> httpx.Response:
        # Raw bytes, as they come off the wire: a header value need not be ASCII.
        raw = [(name.encode(), value.encode("utf-8")) for name, value in self.headers.items()]
        return httpx.Response(self.status, content=self.content, headers=raw)


# -- strategies -------------------------------------------------------------------------------

ODD_NUMERALS = [
    "²",
    "١٢٣",
    "1" * 5000,
    "-" + "9" * 4301,
    "1e400",
    "8e16",
    "NaN",
    "0x1F",
    "1_000",
    " 7 ",
]
#: Every key the models read, so generated objects reach deep into the validators.
KNOWN_KEYS = [
    "data", "meta", "uuid", "title", "reward", "contact", "email", "code", "message",
    "status_code", "errors", "status", "errorCode", "errorMessage", "timestamp", "edges",
    "totalCount", "id", "points", "xp", "total", "details", "light", "dark", "access_token",
    "expires_in", "token_type", "duration", "start", "end", "date", "timeLeft", "cards",
    "size", "collectedCount", "progressInPercentage", "createdTimestamp", "expires_at",
    "created_at", "has_been_collected", "media", "value", "active", "credit_balance",
    "balance", "current_values", "tier", "error", "httpStatus", "path", "userState",
    "assetPointsPrice", "communityData", "socialHandles", "name", "type", "firstname",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(ODD_NUMERALS),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(max_size=8), children, max_size=5),
    ),
    max_leaves=20,
)


def _examples() -> list[Any]:
    return [json.loads(path.read_text("utf-8")) for path in sorted(EXAMPLES_DIR.rglob("*.json"))]


EXAMPLE_BODIES = _examples()


@st.composite
def mutated_example(draw: st.DrawFn) -> Any:
    """A documented example with one value, somewhere inside, replaced by an odd one."""
    body = json.loads(json.dumps(draw(st.sampled_from(EXAMPLE_BODIES))))
    holder: Any = None
    key: Any = None
    node = body
    while isinstance(node, dict | list) and node and draw(st.integers(0, 3)) > 0:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        holder, key = node, draw(st.sampled_from(keys))
        node = node[key]
    if holder is None:
        return draw(json_values)
    holder[key] = draw(json_values)
    # Now and then wrap it in Piggy's envelope, where it is not already.
    if draw(st.booleans()) and not (isinstance(body, dict) and "data" in body):
        body = {"data": body, "meta": draw(st.sampled_from([[], {}, None, "x"]))}
    return body


def deep(depth: int, opener: bytes = b"[", closer: bytes = b"]") -> bytes:
    return opener * depth + closer * depth


RAW_BODIES = [
    deep(1000),
    deep(100_000),
    b'{"data": ' * 800 + b"1" + b"}" * 800,
    b'{"a":' * 70 + b"1" + b"}" * 70,
    b"7" * 5000,
    b'{"message": "x", "code": ' + b"9" * 5000 + b', "status_code": 400}',
    b'{"message": "x", "code": "' + b"9" * 5000 + b'", "status_code": 400}',
    b'{"message": "x", "code": "\xc2\xb2", "status_code": 400}',
    b'{"data": {"uuid": "\\ud800"}}',
    b"\xff\xfe\x00{",
    b"",
    b"null",
    b"NaN",
    b"[1, 2",
    b"<html>502 Bad Gateway</html>",
]

json_bodies = st.one_of(json_values, mutated_example()).map(
    lambda value: json.dumps(value).encode("utf-8")
)
contents = st.one_of(json_bodies, json_bodies, st.sampled_from(RAW_BODIES), st.binary(max_size=64))
statuses = st.sampled_from([200, 200, 200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503])
retry_afters = st.sampled_from(
    [None, "0", "2", "-1", "1e999", "nan", "²", "Fri, 31 Dec 99999 23:59:59 GMT", "soon"]
)


@st.composite
def answers(draw: st.DrawFn) -> Answer:
    content = draw(contents)
    headers: dict[str, str] = {"Content-Type": "application/json"}
    retry_after = draw(retry_afters)
    if retry_after is not None:
        headers["Retry-After"] = retry_after
    encoding = draw(st.sampled_from([None, None, None, "gzip", "gzip-broken"]))
    if encoding == "gzip":
        content = gzip.compress(content)
        headers["Content-Encoding"] = "gzip"
    elif encoding == "gzip-broken":
        headers["Content-Encoding"] = "gzip"
    return Answer(draw(statuses), content, headers)


# -- the clients under test ------------------------------------------------------------------


class Clients:
    """One of each client on one handler that answers the body under test."""

    def __init__(self) -> None:
        self.answer = Answer(200, b"{}")
        self.served = 0
        self.sleeps = SleepRecorder()
        transport = httpx.MockTransport(self._handle)
        common: dict[str, Any] = {"transport": transport, "sleep": self.sleeps}
        self.piggy = PiggyClient(PIGGY_URL, client_id="id", client_secret="secret", **common)
        # The token endpoint itself under test: its data request is never reached unless the
        # fuzzed body happens to be a token.
        self.piggy_token = PiggyClient(
            "https://token.piggy.test", client_id="id", client_secret="secret", **common
        )
        self.giftoin = GiftoinClient(GIFTOIN_URL, api_key="gft-key-0123", **common)
        self.nudj = NudjClient(NUDJ_URL, token="nudj-token-0123", **common)

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        path = request.url.path
        if path == "/oauth/token" and host != "token.piggy.test":
            return httpx.Response(200, json={"access_token": "good-token", "expires_in": 3600})
        if host == "token.piggy.test" and path != "/oauth/token":
            return httpx.Response(200, json={"data": [], "meta": {}})
        if path.endswith("/integration/rewards") and request.url.params.get("skip") != "0":
            # iter_rewards: the fuzzed page first, then the end of the catalogue.
            return httpx.Response(200, json={"totalCount": 0, "edges": []})
        self.served += 1
        return self.answer.response()

    async def aclose(self) -> None:
        for client in (self.piggy, self.piggy_token, self.giftoin, self.nudj):
            await client.aclose()


async def ends_in(
    allowed: tuple[type[BaseException], ...],
    name: str,
    call: Callable[[], Awaitable[object]],
    answer: Answer,
) -> None:
    """Run ``call``; fail unless it returns or raises one of ``allowed`` in time."""
    try:
        async with asyncio.timeout(CALL_TIMEOUT):
            await call()
    except allowed:
        pass
    except TimeoutError:
        raise AssertionError(f"{name} hung on HTTP {answer.status}") from None
    except Exception as exc:
        raise AssertionError(
            f"{name} raised {type(exc).__name__} on HTTP {answer.status}: {exc}"
        ) from exc


def check_every_answer(
    examples: int, check: Callable[[Clients, Answer], Coroutine[Any, Any, None]]
) -> tuple[int, Clients]:
    """Run ``check`` on ``examples`` hostile answers (the same ones on every run).

    Returns how many examples ran and the clients (whose ``served`` counts the bodies).
    """
    runner = asyncio.Runner()
    clients = runner.run(_new_clients())
    ran = 0

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(answer=answers())
    def survives(answer: Answer) -> None:
        nonlocal ran
        ran += 1
        runner.run(check(clients, answer))

    try:
        survives()
    finally:
        runner.run(clients.aclose())
        runner.close()
    return ran, clients


async def _new_clients() -> Clients:
    # Made on the runner's loop: httpx binds nothing to a loop at construction, but the
    # clients are used only there.
    return Clients()
