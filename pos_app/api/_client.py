"""What the three vendor clients share: construction of the transport, async context."""

from __future__ import annotations

import dataclasses
import logging
import random
import time
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType
from typing import Self

import httpx

from pos_app.api._transport import (
    ApiTransport,
    ErrorTranslator,
    RetryPolicy,
    SleepFunc,
    normalize_base_url,
)


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
        timeout: float,
        transport: httpx.AsyncBaseTransport | None,
        max_retries: int,
        user_agent: str | None,
        retry_policy: RetryPolicy | None,
        sleep: SleepFunc | None,
        rng: random.Random | None,
        auth: httpx.Auth | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # max_retries is the everyday knob; retry_policy tunes the backoff. The knob wins.
        policy = dataclasses.replace(retry_policy or RetryPolicy(), max_retries=max_retries)
        self._timeout = timeout
        self._transport = ApiTransport(
            vendor=self.vendor,
            base_url=normalize_base_url(base_url, api_prefix),
            logger=logger,
            translator=translator,
            headers=headers,
            timeout=timeout,
            transport=transport,
            retry_policy=policy,
            sleep=sleep,
            user_agent=user_agent,
            secrets=secrets,
            rng=rng,
            auth=auth,
            clock=clock,
        )

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

    @property
    def is_closed(self) -> bool:
        return self._transport.is_closed
