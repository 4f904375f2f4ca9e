"""Fault injection: which route misbehaves, how, and for how many calls.

A fault is written compactly as ``KIND[:ARG][@COUNT]`` (see README.md in this folder), or as a
JSON object with the same fields. Faults are keyed by route name; ``*`` stands for every
vendor route that has no fault of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

ROUTES: Final[tuple[str, ...]] = (
    "piggy.token",
    "piggy.identifier",
    "piggy.contact",
    "piggy.verification_send",
    "piggy.verification_verify",
    "piggy.shops",
    "piggy.rewards",
    "piggy.collect",
    "piggy.reverse",
    "piggy.catalogue",
    "piggy.reception",
    "piggy.reception_reverse",
    "piggy.transactions",
    "giftoin.progress",
    "giftoin.inventory",
    "nudj.rewards",
    "nudj.user",
    "media",
)
ALL_ROUTES: Final = "*"

KINDS: Final[tuple[str, ...]] = (
    "latency",
    "error",
    "rate_limit",
    "maintenance",
    "malformed",
    "drop",
    "slow_body",
    "timeout",
    "after_apply",
    "hold",
)
AFTER_APPLY_THEN: Final[tuple[str, ...]] = ("drop", "timeout")

DEFAULT_ERROR_STATUS: Final = 500
DEFAULT_RETRY_AFTER_SECONDS: Final = 1.0
DEFAULT_SLOW_BODY_PAUSE_MS: Final = 200


class FaultSyntaxError(ValueError):
    """A fault or route could not be understood."""


@dataclass(frozen=True)
class Fault:
    """One way a route misbehaves.

    Only the fields of the chosen kind matter:

    - ``latency``: wait ``ms`` plus a random 0..``jitter_ms``, then answer normally.
    - ``error``: answer ``status`` with the vendor's error body.
    - ``rate_limit``: answer 429; ``seconds`` goes into Retry-After where the vendor sends it.
    - ``maintenance``: answer 503 the way the vendor does in maintenance.
    - ``malformed``: answer 200 with a truncated JSON body (the request is not processed).
    - ``drop``: close the connection without answering (the request is not processed).
    - ``slow_body``: send the headers at once, then the body in chunks ``ms`` apart.
    - ``timeout``: answer nothing for ``seconds`` (None: until the simulator stops), then drop.
    - ``after_apply``: process the request (the state changes), then ``then`` (drop or timeout).
    - ``hold``: keep the call waiting until it is released (:meth:`HeldCalls.release`), then
      answer normally; the request is processed only then. A test decides when a slow server
      answers, instead of waiting out a latency.

    ``count`` limits the fault to that many more calls; None means every call.
    """

    kind: str
    status: int = DEFAULT_ERROR_STATUS
    ms: int = 0
    jitter_ms: int = 0
    seconds: float | None = None
    then: str = "drop"
    count: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise FaultSyntaxError(f"unknown fault kind {self.kind!r}; known: {', '.join(KINDS)}")
        if self.kind == "error" and not 400 <= self.status <= 599:
            raise FaultSyntaxError(f"error status must be 400..599, not {self.status}")
        if self.ms < 0 or self.jitter_ms < 0:
            raise FaultSyntaxError("milliseconds must not be negative")
        if self.seconds is not None and self.seconds < 0:
            raise FaultSyntaxError("seconds must not be negative")
        if self.then not in AFTER_APPLY_THEN:
            raise FaultSyntaxError(f"after_apply takes {' or '.join(AFTER_APPLY_THEN)}")
        if self.count is not None and self.count < 1:
            raise FaultSyntaxError("count must be at least 1")

    @property
    def retry_after_seconds(self) -> float:
        return DEFAULT_RETRY_AFTER_SECONDS if self.seconds is None else self.seconds

    @property
    def slow_body_pause_ms(self) -> int:
        return self.ms or DEFAULT_SLOW_BODY_PAUSE_MS

    @classmethod
    def parse(cls, text: str) -> Fault:
        """Read the compact form, e.g. ``latency:300,100``, ``error:503@2``, ``drop``."""
        spec = text.strip()
        count: int | None = None
        if "@" in spec:
            spec, _, count_text = spec.rpartition("@")
            count = _parse_int(count_text, "count")
        kind, _, arg = spec.partition(":")
        kind = kind.strip()
        arg = arg.strip()
        if kind not in KINDS:
            raise FaultSyntaxError(f"unknown fault kind {kind!r}; known: {', '.join(KINDS)}")
        fields: dict[str, Any] = {}
        if kind == "latency":
            if not arg:
                raise FaultSyntaxError(
                    "latency needs milliseconds, e.g. latency:300 or latency:300,50"
                )
            fixed, _, jitter = arg.partition(",")
            fields["ms"] = _parse_int(fixed, "latency ms")
            if jitter:
                fields["jitter_ms"] = _parse_int(jitter, "jitter ms")
        elif kind == "error":
            if arg:
                fields["status"] = _parse_int(arg, "status")
        elif kind in ("rate_limit", "timeout"):
            if arg:
                fields["seconds"] = _parse_float(arg, "seconds")
        elif kind == "slow_body":
            if arg:
                fields["ms"] = _parse_int(arg, "pause ms")
        elif kind == "after_apply":
            if arg:
                fields["then"] = arg
        elif arg:
            raise FaultSyntaxError(f"{kind} takes no argument")
        return cls(kind=kind, count=count, **fields)

    @classmethod
    def from_json(cls, value: object) -> Fault:
        """A fault from a compact string or an object with the dataclass' field names."""
        if isinstance(value, str):
            return cls.parse(value)
        if not isinstance(value, Mapping):
            raise FaultSyntaxError(f"a fault is a string or an object, not {value!r}")
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(value) - names - {"route"}
        if unknown:
            raise FaultSyntaxError(f"unknown fault field(s): {', '.join(sorted(unknown))}")
        if "kind" not in value:
            raise FaultSyntaxError("a fault object needs a 'kind'")
        fields = {k: v for k, v in value.items() if k in names}
        try:
            return cls(**fields)
        except TypeError as exc:
            raise FaultSyntaxError(str(exc)) from exc

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"spec": self.spec()}

    def spec(self) -> str:
        """The compact form of this fault."""
        arg = ""
        if self.kind == "latency":
            arg = f"{self.ms},{self.jitter_ms}" if self.jitter_ms else str(self.ms)
        elif self.kind == "error":
            arg = str(self.status)
        elif self.kind in ("rate_limit", "timeout") and self.seconds is not None:
            arg = f"{self.seconds:g}"
        elif self.kind == "slow_body" and self.ms:
            arg = str(self.ms)
        elif self.kind == "after_apply":
            arg = self.then
        text = f"{self.kind}:{arg}" if arg else self.kind
        return f"{text}@{self.count}" if self.count is not None else text


def check_route(route: str) -> str:
    route = route.strip()
    if route != ALL_ROUTES and route not in ROUTES:
        raise FaultSyntaxError(f"unknown route {route!r}; known: {', '.join(ROUTES)}, *")
    return route


def parse_assignment(text: str) -> tuple[str, Fault]:
    """``ROUTE=KIND[:ARG][@COUNT]`` as given to ``--fault``."""
    route, sep, spec = text.partition("=")
    if not sep:
        raise FaultSyntaxError(f"expected ROUTE=KIND[:ARG][@COUNT], got {text!r}")
    return check_route(route), Fault.parse(spec)


def parse_fault_map(value: object) -> dict[str, Fault]:
    """A JSON object mapping route names to faults (strings or objects)."""
    if not isinstance(value, Mapping):
        raise FaultSyntaxError('faults are a JSON object: {"piggy.collect": "error:503@1", ...}')
    return {check_route(str(route)): Fault.from_json(spec) for route, spec in value.items()}


def load_fault_file(path: Path) -> dict[str, Fault]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FaultSyntaxError(f"{path}: not JSON: {exc}") from exc
    return parse_fault_map(value)


class FaultBook:
    """The faults in force, shared by the server thread and whoever configures it."""

    def __init__(self, faults: Mapping[str, Fault] | None = None) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, Fault] = {}
        for route, fault in (faults or {}).items():
            self.set(route, fault)

    def set(self, route: str, fault: Fault | str) -> None:
        route = check_route(route)
        if isinstance(fault, str):
            fault = Fault.parse(fault)
        with self._lock:
            self._faults[route] = fault

    def replace(self, faults: Mapping[str, Fault]) -> None:
        checked = {check_route(route): fault for route, fault in faults.items()}
        with self._lock:
            self._faults = checked

    def clear(self, route: str | None = None) -> None:
        with self._lock:
            if route is None:
                self._faults.clear()
            else:
                self._faults.pop(check_route(route), None)

    def snapshot(self) -> dict[str, Fault]:
        with self._lock:
            return dict(self._faults)

    def take(self, route: str) -> Fault | None:
        """The fault for one call of ``route``, counting it against a limited fault."""
        with self._lock:
            key = route if route in self._faults else ALL_ROUTES
            # The wildcard stands for the vendors' routes, not for the pictures.
            if key == ALL_ROUTES and route == "media":
                return None
            fault = self._faults.get(key)
            if fault is None:
                return None
            if fault.count is not None:
                if fault.count <= 1:
                    del self._faults[key]
                else:
                    self._faults[key] = dataclasses.replace(fault, count=fault.count - 1)
            return fault


def _parse_int(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise FaultSyntaxError(f"{what} must be a whole number, not {text!r}") from None


def _parse_float(text: str, what: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise FaultSyntaxError(f"{what} must be a number, not {text!r}") from None


class HeldCalls:
    """The calls a ``hold`` fault keeps waiting, until someone releases them.

    The server's loop waits on them; tests and the control API, on other threads, see how
    many wait and release them. Released calls are answered in the order they arrived.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._waiting: dict[str, list[tuple[asyncio.AbstractEventLoop, asyncio.Future[bool]]]] = {}
        self._closed = False

    async def wait(self, route: str) -> bool:
        """Hold one call of ``route`` until released: True to answer it, False to drop it."""
        loop = asyncio.get_running_loop()
        released: asyncio.Future[bool] = loop.create_future()
        entry = (loop, released)
        with self._changed:
            if self._closed:
                return False
            self._waiting.setdefault(route, []).append(entry)
            self._changed.notify_all()
        try:
            return await released
        finally:
            with self._changed:
                waiting = self._waiting.get(route, [])
                if entry in waiting:
                    waiting.remove(entry)
                if not waiting:
                    self._waiting.pop(route, None)
                self._changed.notify_all()

    def count(self, route: str | None = None) -> int:
        """How many calls of ``route`` (of every route: None) are held right now."""
        with self._changed:
            if route is None:
                return sum(len(waiting) for waiting in self._waiting.values())
            return len(self._waiting.get(check_route(route), []))

    def snapshot(self) -> dict[str, int]:
        with self._changed:
            return {route: len(waiting) for route, waiting in self._waiting.items()}

    def wait_for(self, route: str, count: int = 1, timeout: float = 10.0) -> None:
        """Block until at least ``count`` calls of ``route`` are held (not from the server's
        loop); :class:`TimeoutError` if they do not arrive in ``timeout`` s."""
        route = check_route(route)
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self._waiting.get(route, [])) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{count} call(s) of {route} were not held in {timeout} s")
                self._changed.wait(left)

    def release(self, route: str, count: int | None = None, *, answer: bool = True) -> int:
        """Let the oldest ``count`` held calls of ``route`` (all: None) go on: answered
        (``answer``) or dropped without being processed. Returns how many were released."""
        route = check_route(route)
        with self._changed:
            waiting = self._waiting.get(route, [])
            taken = waiting[: len(waiting) if count is None else count]
            del waiting[: len(taken)]
            if not waiting:
                self._waiting.pop(route, None)
            self._changed.notify_all()
        for loop, released in taken:
            # A closed loop (the server has stopped) raises: the call went with it.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, released, answer)
        return len(taken)

    def release_all(self, *, answer: bool) -> int:
        with self._changed:
            routes = list(self._waiting)
        return sum(self.release(route, answer=answer) for route in routes)

    def close(self) -> None:
        """The server stops: drop every held call, and hold no new one."""
        with self._changed:
            self._closed = True
        self.release_all(answer=False)


def _settle(released: asyncio.Future[bool], answer: bool) -> None:
    if not released.done():
        released.set_result(answer)
