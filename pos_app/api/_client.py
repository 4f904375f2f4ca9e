"""What the three vendor clients share: the transport, the request path, async context."""

from __future__ import annotations

import dataclasses
import logging
import random
import time
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType
from typing import Any, Self, TypedDict, TypeVar, Unpack

import httpx
from pydantic import TypeAdapter

from pos_app.api._transport import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    ApiTransport,
    ErrorTranslator,
    Received,
    RequestOptions,
    RetryPolicy,
    SleepFunc,
    normalize_base_url,
    refuse_unknown_options,
)

T = TypeVar("T")


class ClientOptions(TypedDict, total=False):
    """How a client talks to its server, the same for every vendor (all optional).

    ``timeout`` (seconds per phase of a request, default ``DEFAULT_TIMEOUT``); ``transport``
    (an injected ``httpx`` transport, only borrowed: its owner closes it); ``max_retries``
    (retries of a read, default ``DEFAULT_MAX_RETRIES``; it wins over ``retry_policy``'s);
    ``user_agent``; ``retry_policy`` (the backoff); ``sleep``, ``rng`` and ``clock`` (how
    the client waits, jitters and tells the time; tests pass their own).
    """

    timeout: float
    transport: httpx.AsyncBaseTransport | None
    max_retries: int
    user_agent: str | None
    retry_policy: RetryPolicy | None
    sleep: SleepFunc | None
    rng: random.Random | None
    clock: Callable[[], float]


class BaseClient:
    """Owns one :class:`ApiTransport` (one connection pool) and closes it.

    Use as ``async with Client(...) as client:`` or call :meth:`aclose` when done. An
    injected ``transport`` is only borrowed: its owner closes it (it may be shared).
    """

    vendor: str = ""

    def __init__(
        self,
        base_url: str,
        *,
        api_prefix: str,
        logger: logging.Logger,
        translator: ErrorTranslator,
        headers: Mapping[str, str],
        secrets: Iterable[str | None],
        auth: httpx.Auth | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        refuse_unknown_options(options, ClientOptions.__optional_keys__, type(self).__name__)
        timeout = options.get("timeout", DEFAULT_TIMEOUT)
        # max_retries is the everyday knob; retry_policy tunes the backoff. The knob wins.
        policy = dataclasses.replace(
            options.get("retry_policy") or RetryPolicy(),
            max_retries=options.get("max_retries", DEFAULT_MAX_RETRIES),
        )
        self._timeout = timeout
        self._api_prefix = api_prefix
        self._transport = ApiTransport(
            vendor=self.vendor,
            base_url=normalize_base_url(base_url, api_prefix),
            logger=logger,
            translator=translator,
            headers=headers,
            timeout=timeout,
            transport=options.get("transport"),
            retry_policy=policy,
            sleep=options.get("sleep"),
            user_agent=options.get("user_agent"),
            secrets=secrets,
            rng=options.get("rng"),
            auth=auth,
            clock=options.get("clock", time.monotonic),
        )

    async def _call(
        self,
        method: str,
        path: str,
        **options: Unpack[RequestOptions],
    ) -> Received:
        """``method`` on ``path`` (below the API prefix); the 2xx body parsed as JSON.

        The one way the clients' methods reach their server: a vendor that needs more
        around every request (Piggy: a new token after a 401) overrides this.
        """
        return await self._transport.request_json(method, self._api_prefix + path, **options)

    async def _get(
        self,
        path: str,
        model: TypeAdapter[T],
        *,
        params: Mapping[str, str | int] | None = None,
        pick: Callable[[Received], Any] = lambda received: received.body,
        expect: type[dict[str, Any]] | type[list[Any]] | None = None,
        what: str = "",
    ) -> T:
        """GET ``path`` and validate the part of the body ``pick`` takes as ``model``.

        With ``expect`` (``dict`` or ``list``) that part must first be a JSON object or
        array, or the ResponseValidationError says "expected {what}" instead of listing
        every field that did not fit.
        """
        received = await self._call("GET", path, params=params)
        value = pick(received)
        if expect is not None and not isinstance(value, expect):
            raise self._transport.invalid(f"expected {what}", received)
        return self._transport.validate(model, value, received)

    @property
    def timeout(self) -> float:
        """Seconds each phase of a request (connect, send, wait for the answer) may take."""
        return self._timeout

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool (an injected transport is left to its owner)."""
        await self._transport.aclose()

    #: Calls a lookup makes side by side to this vendor: the connections kept ready.
    parallel_calls = 1

    def ready_connections(self) -> int:
        """Idle, open connections waiting for the next calls."""
        return self._transport.ready_connections()

    async def warm_up(self) -> int:
        """Have connections open before the next calls (a customer is being scanned);
        returns how many were opened."""
        return await self._transport.warm_up(self.parallel_calls)

    @property
    def is_closed(self) -> bool:
        return self._transport.is_closed
