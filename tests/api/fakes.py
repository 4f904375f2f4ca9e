"""Test helpers for the API clients: a scripted fake server on httpx.MockTransport.

The fake server records what it received (method, path, query, headers, form body) so
tests assert on the request as well as on the parsed result, and it answers each route
from a script (responses and exceptions in order, the last one repeating).
"""

from __future__ import annotations

import json
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx

from pos_app.api import GiftoinClient, NudjClient, PiggyClient

# ../shared/api/examples relative to the repository root (tests/api/conftest.py -> repo).
EXAMPLES_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "api" / "examples"

PIGGY_URL = "https://api.piggy.test"
GIFTOIN_URL = "https://api.giftoin.test"
NUDJ_URL = "https://shop.nudj.test"

PIGGY_PREFIX = "/api/v3/oauth/clients"


def load_example(relative: str) -> Any:
    """The parsed JSON of one documented example response."""
    return json.loads((EXAMPLES_DIR / relative).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Reply:
    """A scripted answer; builds a fresh httpx.Response for every request."""

    status: int = 200
    json_body: Any = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def build(self) -> httpx.Response:
        if self.content is not None:
            return httpx.Response(self.status, content=self.content, headers=self.headers)
        return httpx.Response(self.status, json=self.json_body, headers=self.headers)


def ok(body: Any, **headers: str) -> Reply:
    return Reply(200, body, headers=dict(headers))


def example(relative: str, status: int = 200, **headers: str) -> Reply:
    return Reply(status, load_example(relative), headers=dict(headers))


@dataclass(frozen=True)
class Call:
    """One request as the fake server received it."""

    method: str
    path: str
    """Raw (percent-encoded) path without the query string."""
    query: dict[str, str]
    headers: httpx.Headers
    form: dict[str, str]
    content: bytes


Outcome = Reply | Exception | Callable[[httpx.Request], Awaitable[httpx.Response]]


class FakeServer:
    """A scripted API behind httpx.MockTransport."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Outcome]] = {}
        self.calls: list[Call] = []

    def add(self, method: str, path: str, *outcomes: Outcome) -> None:
        assert outcomes, "a route needs at least one outcome"
        self.routes[(method, path)] = list(outcomes)

    def calls_to(self, method: str, path: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.path == path]

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        raw = request.url.raw_path.decode("ascii")
        path = raw.split("?", 1)[0]
        content = request.content
        form: dict[str, str] = {}
        if request.headers.get("content-type", "").startswith("application/x-www-form"):
            form = dict(parse_qsl(content.decode("ascii"), keep_blank_values=True))
        self.calls.append(
            Call(
                method=request.method,
                path=path,
                query=dict(request.url.params),
                headers=request.headers,
                form=form,
                content=content,
            )
        )
        script = self.routes.get((request.method, path))
        if script is None:
            raise AssertionError(f"unexpected request {request.method} {path}")
        outcome = script.pop(0) if len(script) > 1 else script[0]
        if isinstance(outcome, Reply):
            return outcome.build()
        if isinstance(outcome, Exception):
            raise outcome
        return await outcome(request)


class SleepRecorder:
    """Stands in for asyncio.sleep: records the waits, never waits."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


class FakeClock:
    """Monotonic seconds that move only when the code under test waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.delays: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        self.delays.append(delay)
        self.now += delay

    def hung(self) -> Callable[[httpx.Request], Awaitable[httpx.Response]]:
        """A route that answers nothing: the request's own read timeout passes."""

        async def handler(request: httpx.Request) -> httpx.Response:
            self.now += request.extensions["timeout"]["read"]
            raise httpx.ReadTimeout("timed out")

        return handler


class MaxJitter(random.Random):
    """Jitter that always picks the top of the range, to make backoff exact."""

    def uniform(self, a: float, b: float) -> float:
        return b


TOKEN = "piggy-pat-0123456789abcdef"
GIFTOIN_KEY = "gft-key-0123456789abcdef"
NUDJ_TOKEN = "nudj-token-0123456789abcdef"


Sleep = Callable[[float], Awaitable[None]]


def piggy_client(server: FakeServer, sleeps: Sleep | None = None, **kwargs: Any) -> PiggyClient:
    """A PiggyClient on the fake server (a static token unless credentials are given)."""
    if "client_id" not in kwargs and "token" not in kwargs:
        kwargs["token"] = TOKEN
    return PiggyClient(
        PIGGY_URL, transport=server.transport, sleep=sleeps or SleepRecorder(), **kwargs
    )


def giftoin_client(server: FakeServer, sleeps: Sleep | None = None, **kwargs: Any) -> GiftoinClient:
    kwargs.setdefault("api_key", GIFTOIN_KEY)
    return GiftoinClient(
        GIFTOIN_URL, transport=server.transport, sleep=sleeps or SleepRecorder(), **kwargs
    )


def nudj_client(server: FakeServer, sleeps: Sleep | None = None, **kwargs: Any) -> NudjClient:
    kwargs.setdefault("token", NUDJ_TOKEN)
    return NudjClient(
        NUDJ_URL, transport=server.transport, sleep=sleeps or SleepRecorder(), **kwargs
    )
