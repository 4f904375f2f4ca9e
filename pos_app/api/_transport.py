"""The one place where HTTP happens: timeouts, retries, error mapping and safe logging.

Every vendor client owns one :class:`ApiTransport`, which owns one ``httpx.AsyncClient``.
Keeping retries here (not in each method) is what makes the rule "only idempotent reads are
retried; collect and reverse are sent at most once" checkable in one screenful.

Nothing here logs a header, a query string or a body: the secrets travel in headers
(tokens, API keys) and bodies (verification codes, client secrets), and customer data in
query strings (email, card value). Vendor messages and ``httpx`` messages that end up in an
exception are passed through :meth:`ApiTransport.redact` as well, as a second line of
defence.

Size: one request's life (build, send within the budget, retry, map the error, parse) and
the connection pool it runs over (kept open between customers, warmed up before a scan);
reading bodies safely (:mod:`pos_app.api._bodies`) and keeping log lines clean
(:mod:`pos_app.api._logsafe`) are their own modules.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import logging
import os
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypedDict, TypeVar, Unpack
from urllib.parse import quote

import httpx
from pydantic import TypeAdapter, ValidationError

from pos_app import __version__
from pos_app.api._bodies import (
    DEFAULT_MAX_BODY_BYTES,
    MAX_ERROR_BODY_BYTES,
    BodyTooLarge,
    JsonTooDeepError,
    json_or_none,
    parse_json,
    read_capped,
)
from pos_app.api._logsafe import install_httpx_log_filter, mask_emails, mask_path
from pos_app.api.budget import Deadline, current_deadline
from pos_app.api.errors import (
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    ApiTimeoutError,
    AuthenticationError,
    DeadlineExceededError,
    MaintenanceError,
    NotConnectedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ResponseContext,
    ResponseValidationError,
    ServerError,
)

T = TypeVar("T")

SleepFunc = Callable[[float], Awaitable[None]]
"""How the transport waits between retries; tests pass a recorder instead of sleeping."""

DEFAULT_TIMEOUT = 10.0
#: Bodies from this size on are decoded off the event loop (a customer with a thousand
#: rewards sends ~700 kB, ~5 ms of JSON decoding plus ~10 ms of validation).
LARGE_BODY_BYTES = 64 * 1024
#: Lists shorter than this are validated on the loop (about 10 µs an element).
VALIDATED_HERE = 100
#: A long list is first checked to be a list, then validated element by element.
_LIST: TypeAdapter[list[Any]] = TypeAdapter(list[Any])
DEFAULT_MAX_RETRIES = 3
DEFAULT_USER_AGENT = f"pos-app/{__version__}"
#: Seconds an idle connection is kept for the next request: the minutes between customers.
KEEPALIVE_EXPIRY = 20 * 60.0

_REDACTED = "[redacted]"
# Secrets shorter than this are not searched for in free text: replacing "42" everywhere
# would mangle messages without protecting anything real.
_MIN_REDACT_LENGTH = 4


def shared_tls() -> ssl.SSLContext:
    """The TLS set-up of the vendors' clients: one for all of them.

    Reading the trusted certificate authorities takes ~40 ms, and httpx does it for every
    client it makes; the app makes three before its window shows. Made again when
    ``SSL_CERT_FILE`` or ``SSL_CERT_DIR`` (which httpx honours) changed.
    """
    return _tls(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@functools.cache
def _tls(_cert_file: str | None, _cert_dir: str | None) -> ssl.SSLContext:
    # One context for clients that all speak HTTP/2 where offered: httpcore sets the
    # context's ALPN list as it connects, the same list for each of them.
    return httpx.create_ssl_context()


@dataclass(frozen=True)
class RetryPolicy:
    """How hard a read is retried.

    ``max_retries`` counts retries, so a GET is sent at most ``max_retries + 1`` times.
    Backoff is exponential with "equal jitter": a random wait between half and all of
    ``min(backoff_max, backoff_base * 2**(n-1))``, so counters that lost the line together
    do not come back together, and no retry ever follows its failure back to back.

    A ``Retry-After`` is a floor, not the wait: the jittered backoff comes on top of it
    (ten counters told "5 s" must not all return at 5.0 s). One above
    ``retry_after_cap`` is not slept through (a cashier is waiting): the
    :class:`RateLimitedError` / :class:`MaintenanceError` is raised at once, carrying the
    wait.

    Every request runs within a time budget: the caller's (see :mod:`pos_app.api.budget`)
    or else ``request_budget`` seconds. A retry whose wait would leave less than
    ``min_attempt`` seconds of it is not made, and each attempt's timeout is clipped to
    what is left.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    retry_after_cap: float = 30.0
    request_budget: float = 30.0
    min_attempt: float = 1.0

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        if self.backoff_base < 0 or self.backoff_max < 0 or self.retry_after_cap < 0:
            raise ValueError("backoff and cap must be >= 0")
        if self.request_budget <= 0 or self.min_attempt < 0:
            raise ValueError("request_budget must be > 0 and min_attempt >= 0")

    def backoff(self, retry_number: int, rng: random.Random) -> float:
        """The wait before retry number ``retry_number`` (1-based), equal jitter."""
        ceiling = min(self.backoff_max, self.backoff_base * (2 ** (retry_number - 1)))
        return rng.uniform(ceiling / 2, ceiling)

    def wait(self, retry_number: int, retry_after: float | None, rng: random.Random) -> float:
        """The wait before a retry: the server's ``Retry-After`` (if any) plus the backoff."""
        return (retry_after or 0.0) + self.backoff(retry_number, rng)


class RequestOptions(TypedDict, total=False):
    """What a request may carry besides its method and path (all optional).

    ``params`` (the query string), ``data`` (a form body), ``headers`` (on top of the
    client's), ``secrets`` (values of this request that must not show up in a log line or
    error message, such as a verification code) and ``authenticate`` (False: without the
    client's ``httpx.Auth``).
    """

    params: Mapping[str, str | int] | None
    data: Mapping[str, str] | None
    headers: Mapping[str, str] | None
    secrets: Iterable[str]
    authenticate: bool


def refuse_unknown_options(options: Mapping[str, object], known: frozenset[str], to: str) -> None:
    """A TypeError for a misspelt keyword that ``**options`` would otherwise swallow.

    Only the type checker reads a TypedDict; at run time an unknown option would be
    dropped silently and the request or client run on a default.
    """
    unknown = options.keys() - known
    if unknown:
        raise TypeError(f"{to}() got unexpected options: {', '.join(sorted(unknown))}")


@dataclass(frozen=True)
class RequestInfo:
    """What a request was, in log-safe form: the path without its query string."""

    vendor: str
    method: str
    path: str


@dataclass(frozen=True)
class RawResponse:
    """A successful (2xx) response, its body read in full (and within the size cap)."""

    info: RequestInfo
    status_code: int
    headers: httpx.Headers
    content: bytes


@dataclass(frozen=True)
class Received:
    """A successful (2xx) response whose body parsed as JSON."""

    info: RequestInfo
    status_code: int
    body: Any


@dataclass(frozen=True)
class ErrorResponse:
    """An error response, as the vendor error translators see it."""

    info: RequestInfo
    status_code: int
    body: Any
    """The parsed JSON body, or ``None`` when it was empty or not JSON."""
    retry_after: float | None
    vendor_message: str | None
    """The vendor's message from the body, already redacted."""

    @property
    def context(self) -> ResponseContext:
        """The status, request and wait that the error raised for this answer carries."""
        return {
            "status_code": self.status_code,
            "method": self.info.method,
            "request_path": self.info.path,
            "retry_after": self.retry_after,
        }


class ErrorTranslator:
    """Vendor-specific part of error mapping; the transport does the status-first part.

    Subclasses read their vendor's error body: :meth:`describe` pulls out the message (for
    every error's text) and :meth:`domain_error` turns a vendor error body into the
    matching exception for statuses the transport does not map by status alone.
    """

    def describe(self, body: Any) -> str | None:
        """The vendor's human-readable message in an error body, if any."""
        if isinstance(body, dict):
            message = body.get("message")
            if isinstance(message, str) and message.strip():
                return message.strip()
        return None

    def domain_error(self, error: ErrorResponse) -> ApiStatusError | None:
        """A vendor domain error for this response, or None to fall back on the status."""
        return None


def make_status_error(
    cls: type[ApiStatusError], message: str, error: ErrorResponse
) -> ApiStatusError:
    """Build a status error of ``cls`` carrying the request and response context."""
    return cls(message, vendor=error.info.vendor, **error.context)


def with_vendor_message(default: str, error: ErrorResponse) -> str:
    return f"{default}: {error.vendor_message}" if error.vendor_message else default


def map_error_response(error: ErrorResponse, translator: ErrorTranslator) -> ApiStatusError:
    """Status first, body second.

    401/403/429/5xx are mapped by status alone: Piggy sends bare Laravel bodies there
    (``{"message": "Unauthenticated."}``) and a vendor code would add nothing the UI acts
    on. For the other statuses the vendor's body decides (Piggy's domain errors come as
    HTTP 400), and only then a bare 404 becomes :class:`NotFoundError`.

    A 503 is maintenance only with a JSON body (Laravel's maintenance mode). Without one
    it comes from something in between (a proxy, a load balancer) and says nothing about
    whether a write was applied: a :class:`ServerError`, which callers treat as "may have
    happened".
    """
    status = error.status_code
    by_status: dict[int, tuple[type[ApiStatusError], str]] = {
        401: (AuthenticationError, "not authenticated (check the token or API key)"),
        403: (PermissionDeniedError, "permission denied"),
        429: (RateLimitedError, "rate limited"),
    }
    if status == 503 and isinstance(error.body, dict):
        by_status[503] = (MaintenanceError, "service in maintenance")
    if status in by_status:
        cls, text = by_status[status]
        return make_status_error(cls, with_vendor_message(text, error), error)
    if status >= 500:
        return make_status_error(ServerError, with_vendor_message("server error", error), error)
    domain = translator.domain_error(error)
    if domain is not None:
        return domain
    if status == 404:
        return make_status_error(NotFoundError, with_vendor_message("not found", error), error)
    return make_status_error(
        ApiStatusError, with_vendor_message(f"unexpected HTTP status {status}", error), error
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP-date."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if seconds == seconds else None  # NaN is not a wait
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now if now is not None else datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


def path_segment(value: str, *, what: str = "id") -> str:
    """Percent-encode one URL path segment taken from user or vendor data.

    A platform user id or a scanned value could hold ``/``, ``?``, ``#`` or be ``..``;
    unescaped, it would address another endpoint.
    """
    if not isinstance(value, str) or not value:
        raise ValueError(f"{what} must be a non-empty string")
    encoded = quote(value, safe="")
    # quote() leaves dots alone; "." and ".." as a whole segment would be normalised away.
    if encoded in {".", ".."}:
        encoded = encoded.replace(".", "%2E")
    return encoded


def normalize_base_url(base_url: str, api_prefix: str) -> str:
    """The host root to send requests to, as given in the settings.

    Settings are typed by people who copy the vendor docs, which give the base URL with the
    API prefix (``https://api.piggy.eu/api/v3/oauth/clients``); the clients add the prefix
    themselves, so a copied prefix is taken off instead of being doubled.
    """
    url = httpx.URL(base_url.strip())
    if url.scheme not in {"http", "https"} or not url.host:
        raise ValueError(f"base_url must be an http(s) URL with a host, got {base_url!r}")
    text = str(url.copy_with(query=None, fragment=None)).rstrip("/")
    prefix = api_prefix.rstrip("/")
    if prefix and text.endswith(prefix):
        text = text[: -len(prefix)]
    return text


class ApiTransport:
    """One vendor's HTTP connection pool with the retry and error rules applied."""

    def __init__(
        self,
        *,
        vendor: str,
        base_url: str,
        logger: logging.Logger,
        translator: ErrorTranslator,
        headers: Mapping[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
        retry_policy: RetryPolicy | None = None,
        sleep: SleepFunc | None = None,
        user_agent: str | None = None,
        secrets: Iterable[str | None] = (),
        rng: random.Random | None = None,
        auth: httpx.Auth | None = None,
        clock: Callable[[], float] = time.monotonic,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be > 0 seconds")
        if max_body_bytes <= 0:
            raise ValueError("max_body_bytes must be > 0")
        install_httpx_log_filter()
        self.vendor = vendor
        self._logger = logger
        self._translator = translator
        self._retry = retry_policy if retry_policy is not None else RetryPolicy()
        self._sleep: SleepFunc = sleep if sleep is not None else asyncio.sleep
        self._rng = rng if rng is not None else random.Random()
        self._clock = clock
        self._timeout = timeout
        self._max_body = max_body_bytes
        self._secrets: set[str] = set()
        for secret in secrets:
            self.add_secret(secret)
        default_headers = {
            "Accept": "application/json",
            "User-Agent": user_agent or DEFAULT_USER_AGENT,
        }
        default_headers.update(headers or {})
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers=default_headers,
            timeout=httpx.Timeout(timeout),
            transport=_Borrowed(transport) if transport is not None else None,
            verify=shared_tls() if transport is None else True,
            auth=auth,
            # A redirect would resend our auth headers to wherever it points; the vendors'
            # APIs do not redirect, so a 3xx is reported instead of followed.
            follow_redirects=False,
            # Where a vendor offers it (ALPN, over TLS), the calls a lookup makes side by
            # side share one connection, and one handshake. HTTP/1.1 otherwise.
            http2=True,
            # Kept open for the minutes between customers (httpx closes idle ones after
            # 5 s): a scan then pays no new TCP and TLS handshake. One the server closed
            # meanwhile is noticed before use and opened anew.
            limits=httpx.Limits(
                max_connections=100,
                max_keepalive_connections=20,
                keepalive_expiry=KEEPALIVE_EXPIRY,
            ),
        )

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._retry

    def _pooled(self) -> list[Any]:
        # WORKAROUND: httpx has no public view of its pool; httpcore's connections say
        # whether they are idle, still open and which HTTP version they speak. An
        # injected transport has no such pool.
        pool = getattr(getattr(self._client, "_transport", None), "_pool", None)
        return list(getattr(pool, "connections", None) or [])

    def ready_connections(self) -> int:
        """Idle, open connections waiting for the next requests (0: none, or unknown)."""
        return sum(1 for conn in self._pooled() if conn.is_idle() and not conn.has_expired())

    def open_connections(self) -> int:
        """Connections open or being opened: idle ones ready for the next requests, and
        those that calls are on (they are idle again when the calls are answered)."""
        return sum(
            1
            for conn in self._pooled()
            if not conn.is_closed() and not (conn.is_idle() and conn.has_expired())
        )

    def _http2(self) -> list[Any]:
        """The pool's HTTP/2 connections (httpcore's own objects)."""
        found = []
        for conn in self._pooled():
            inner = getattr(conn, "_connection", None)
            if type(inner).__name__ == "AsyncHTTP2Connection":
                found.append(inner)
        return found

    def _ready_http2(self) -> bool:
        """An open HTTP/2 connection: it carries every call made side by side."""
        return any(conn.is_available() and not conn.has_expired() for conn in self._http2())

    async def _drop_dead_http2(self) -> None:
        """Close the idle HTTP/2 connections the server has ended.

        WORKAROUND: httpcore notices that the server closed an idle HTTP/1.1 connection
        (its socket reads as ready) before using it again, but not for HTTP/2: the next
        calls would be sent into the closed connection and fail, and a collect is never
        sent twice. An idle HTTP/2 connection with something to read has been ended, or is
        being told to go away (a server's ping also reads as something, and costs only a
        new connection); closed here, the pool lets it go and opens a new one.
        """
        for conn in self._http2():
            stream = getattr(conn, "_network_stream", None)
            if conn.is_idle() and stream is not None and stream.get_extra_info("is_readable"):
                await conn.aclose()

    async def warm_up(self, connections: int = 1) -> int:
        """Have ``connections`` open ahead of the next requests (HTTP/1.1 carries one
        request at a time, so calls made side by side need one each; one HTTP/2
        connection carries them all); returns how many were opened.

        A HEAD without credentials to the API's root: whatever it answers, the TCP and
        TLS handshakes are done when the lookup starts. Never an error for the caller.
        Sent side by side, the HEADs share the first connection if it turns out to speak
        HTTP/2.
        """
        await self._drop_dead_http2()
        if self._ready_http2():
            return 0
        before = {id(conn) for conn in self._pooled()}
        # Calls on their way (a keep-warm round in the middle of a scan) keep their
        # connections: only what is closed is missing.
        missing = max(0, connections - self.open_connections())
        if missing:
            await asyncio.gather(*(self._open_one() for _ in range(missing)))
        return len({id(conn) for conn in self._pooled()} - before)

    async def _open_one(self) -> None:
        try:
            response = await self._client.request("HEAD", "/", auth=None)
            await response.aclose()
        except httpx.HTTPError as exc:
            self._logger.debug(
                "%s: warming up a connection failed: %s", self.vendor, type(exc).__name__
            )

    @property
    def is_closed(self) -> bool:
        return self._client.is_closed

    def add_secret(self, value: str | None) -> None:
        """Remember a value that must never show up in a log line or error message."""
        if value and len(value) >= _MIN_REDACT_LENGTH:
            self._secrets.add(value)

    def redact(self, text: str, extra: Iterable[str] = ()) -> str:
        """``text`` with every known secret (and ``extra``) and every email replaced."""
        secrets = self._secrets.union(s for s in extra if s and len(s) >= _MIN_REDACT_LENGTH)
        # Longest first, so a secret containing another is replaced whole.
        for secret in sorted(secrets, key=len, reverse=True):
            text = text.replace(secret, _REDACTED)
        return mask_emails(text)

    async def aclose(self) -> None:
        await self._client.aclose()

    def _deadline(self) -> Deadline:
        own = Deadline(self._clock() + self._retry.request_budget, self._clock)
        return current_deadline() or own

    async def request(
        self,
        method: str,
        path: str,
        **options: Unpack[RequestOptions],
    ) -> RawResponse:
        """Send a request; return the 2xx response or raise an :class:`ApiError`.

        Only GET is retried. Anything else is sent once: even a connect error may come after
        the server got the bytes (a dropped line mid-request), and a collect or reverse
        repeated behind the cashier's back could hand over a reward twice.

        ``authenticate=False`` sends it without the client's ``httpx.Auth`` (the request
        that fetches a token).
        """
        refuse_unknown_options(options, RequestOptions.__optional_keys__, "request")
        method = method.upper()
        extra_secrets = tuple(options.get("secrets", ()))
        authenticate = options.get("authenticate", True)
        try:
            request = self._client.build_request(
                method,
                path,
                params=options.get("params"),
                data=options.get("data"),
                headers=options.get("headers"),
            )
        except httpx.InvalidURL as exc:
            raise ApiError(
                f"invalid request URL ({self.redact(str(exc), extra_secrets)})",
                vendor=self.vendor,
                method=method,
                request_path=mask_path(path.split("?", 1)[0]),
            ) from None
        info = RequestInfo(self.vendor, method, _log_path(request))
        deadline = self._deadline()
        retryable_method = method == "GET"
        attempts = (self._retry.max_retries + 1) if retryable_method else 1
        attempt = 0
        while True:
            attempt += 1
            left = deadline.remaining()
            if left <= 0:
                raise DeadlineExceededError(
                    "no time left for this request (nothing was sent)",
                    vendor=self.vendor,
                    method=info.method,
                    request_path=info.path,
                )
            outcome = await self._send_once(request, info, extra_secrets, left, authenticate)
            if isinstance(outcome, RawResponse):
                return outcome
            error = outcome
            if attempt >= attempts or not _is_retryable(error):
                raise error
            retry_after = error.retry_after if isinstance(error, ApiStatusError) else None
            if retry_after is not None and retry_after > self._retry.retry_after_cap:
                # Waiting minutes inside a counter action helps nobody: hand the wait
                # to the caller, who can tell the cashier.
                raise error
            delay = self._retry.wait(attempt, retry_after, self._rng)
            if deadline.remaining() - delay < self._retry.min_attempt:
                # The retry could not finish within the action's time: the cashier hears
                # the failure now instead of after a wait that cannot help.
                self._logger.info(
                    "Not retrying %s %s after %s: the time budget is spent",
                    info.method,
                    info.path,
                    _reason(error),
                )
                raise error
            self._logger.warning(
                "Retrying %s %s (attempt %d of %d) after %s; waiting %.2f s",
                info.method,
                info.path,
                attempt + 1,
                attempts,
                _reason(error),
                delay,
            )
            await self._sleep(delay)

    async def _send_once(
        self,
        request: httpx.Request,
        info: RequestInfo,
        extra_secrets: tuple[str, ...],
        time_left: float,
        authenticate: bool,
    ) -> RawResponse | ApiError:
        """One attempt within ``time_left`` seconds: the 2xx response, or its ApiError."""
        # httpx's timeouts are per operation (connect, each read); the attempt's share of
        # the budget bounds the whole exchange, a body trickling in included.
        per_attempt = min(self._timeout, time_left)
        request.extensions["timeout"] = httpx.Timeout(per_attempt).as_dict()
        started = time.perf_counter()
        auth: Any = httpx.USE_CLIENT_DEFAULT if authenticate else None
        try:
            async with asyncio.timeout(per_attempt):
                await self._drop_dead_http2()
                response = await self._client.send(request, auth=auth, stream=True)
                try:
                    limit = self._max_body if response.is_success else MAX_ERROR_BODY_BYTES
                    try:
                        content: bytes | None = await read_capped(response, limit)
                    except BodyTooLarge as exc:
                        if response.is_success:
                            return _validation_error(
                                f"response body too large ({exc})", info, response.status_code
                            )
                        content = None  # an error is mapped by its status alone
                finally:
                    await response.aclose()
        except (httpx.TimeoutException, TimeoutError) as exc:
            elapsed = _ms_since(started)
            self._logger.debug(
                "%s %s timed out after %.0f ms (%s)",
                info.method,
                info.path,
                elapsed,
                type(exc).__name__,
            )
            if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
                # Still waiting for a connection: the request never left.
                return NotConnectedError(
                    f"cannot reach the server ({self._describe_exc(exc, extra_secrets)})",
                    vendor=info.vendor,
                    method=info.method,
                    request_path=info.path,
                )
            return ApiTimeoutError(
                f"no answer in time ({self._describe_exc(exc, extra_secrets)})",
                vendor=info.vendor,
                method=info.method,
                request_path=info.path,
            )
        except httpx.DecodingError as exc:
            return _validation_error(
                f"response could not be decoded ({self._describe_exc(exc, extra_secrets)})",
                info,
                None,
            )
        except httpx.HTTPError as exc:
            elapsed = _ms_since(started)
            self._logger.debug(
                "%s %s failed after %.0f ms (%s)",
                info.method,
                info.path,
                elapsed,
                type(exc).__name__,
            )
            # A connection that could not be made carried nothing: a write is known not to
            # have happened. Anything later (a dropped line, a reset) may have.
            cls = NotConnectedError if isinstance(exc, httpx.ConnectError) else ApiConnectionError
            return cls(
                f"cannot reach the server ({self._describe_exc(exc, extra_secrets)})",
                vendor=info.vendor,
                method=info.method,
                request_path=info.path,
            )
        elapsed = _ms_since(started)
        self._logger.debug(
            "%s %s -> %d in %.0f ms", info.method, info.path, response.status_code, elapsed
        )
        if response.is_success and content is not None:
            return RawResponse(info, response.status_code, response.headers, content)
        return self._error_from_response(response, content, info, extra_secrets)

    def _error_from_response(
        self,
        response: httpx.Response,
        content: bytes | None,
        info: RequestInfo,
        extra_secrets: tuple[str, ...],
    ) -> ApiStatusError:
        body = json_or_none(content)
        message = self._translator.describe(body)
        error = ErrorResponse(
            info=info,
            status_code=response.status_code,
            body=body,
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
            vendor_message=self.redact(message, extra_secrets) if message else None,
        )
        return map_error_response(error, self._translator)

    def _describe_exc(self, exc: BaseException, extra_secrets: tuple[str, ...]) -> str:
        text = str(exc).strip()
        name = type(exc).__name__
        return self.redact(f"{name}: {text}" if text else name, extra_secrets)

    async def request_json(
        self,
        method: str,
        path: str,
        **options: Unpack[RequestOptions],
    ) -> Received:
        """:meth:`request`, then the body as JSON (a non-JSON 2xx body is an error)."""
        response = await self.request(method, path, **options)
        body = await self.parse_body(response)
        return Received(info=response.info, status_code=response.status_code, body=body)

    async def parse_body(self, response: RawResponse) -> Any:
        """The JSON of a 2xx body, or ResponseValidationError."""
        try:
            if len(response.content) >= LARGE_BODY_BYTES:
                # Decoding a big body takes long enough to freeze a GUI on this loop;
                # a worker thread leaves the loop free between GIL switches.
                return await asyncio.to_thread(parse_json, response.content)
            return parse_json(response.content)
        except JsonTooDeepError:
            problem = "response body is nested too deeply"
        except ValueError:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
            problem = "response body is not JSON"
        raise _validation_error(problem, response.info, response.status_code)

    async def validate_large(self, item: TypeAdapter[T], value: Any, received: Received) -> list[T]:
        """``value`` as a list of ``item``, validated on a worker thread one element at a time.

        pydantic holds the GIL for the whole of one call: a thousand rewards in one list
        would stop a GUI thread on this loop for as long. Between elements the GIL changes
        hands. A short list is validated at once: the thread's round trip would cost more.
        """
        if isinstance(value, list) and len(value) < VALIDATED_HERE:
            return self._validate_each(item, value, received)
        return await asyncio.to_thread(self._validate_each, item, value, received)

    def _validate_each(self, item: TypeAdapter[T], value: Any, received: Received) -> list[T]:
        elements = self.validate(_LIST, value, received)
        return [self.validate(item, e, received, at=(i,)) for i, e in enumerate(elements)]

    def validate(
        self,
        adapter: TypeAdapter[T],
        value: Any,
        received: Received,
        *,
        at: tuple[int | str, ...] = (),
    ) -> T:
        """Validate ``value`` (part of ``received``, at ``at`` in it) or raise
        ResponseValidationError.

        The pydantic error is not chained: its text quotes the input, which may hold a
        secret (a contact's login URL) or personal data. Only the locations are kept.
        """
        try:
            return adapter.validate_python(value)
        except ValidationError as exc:
            problems = exc.errors(include_url=False, include_input=False, include_context=False)
            listed = "; ".join(
                f"{'.'.join(str(part) for part in (*at, *p['loc'])) or '<root>'}: {p['msg']}"
                for p in problems[:5]
            )
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise _validation_error(
                f"response did not fit the expected shape: {self.redact(listed)}{more}",
                received.info,
                received.status_code,
            ) from None

    def invalid(self, message: str, received: Received) -> ResponseValidationError:
        """A ResponseValidationError for a body that parsed but means nothing usable."""
        return _validation_error(message, received.info, received.status_code)


class _Borrowed(httpx.AsyncBaseTransport):
    """An injected transport, used but not closed: whoever made it may share it.

    The services hand one transport to all three clients (the simulator's loopback); the
    first client to close must not pull it away from the other two.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        pass


def _validation_error(
    message: str, info: RequestInfo, status_code: int | None
) -> ResponseValidationError:
    return ResponseValidationError(
        message,
        vendor=info.vendor,
        status_code=status_code,
        method=info.method,
        request_path=info.path,
    )


def _is_retryable(error: ApiError) -> bool:
    return isinstance(error, ApiConnectionError | RateLimitedError | MaintenanceError | ServerError)


def _reason(error: ApiError) -> str:
    if isinstance(error, ApiTimeoutError):
        return "timeout"
    if isinstance(error, ApiConnectionError):
        return "connection error"
    if error.status_code is not None:
        return f"HTTP {error.status_code}"
    return type(error).__name__


def _log_path(request: httpx.Request) -> str:
    # raw_path keeps the percent-encoding (a decoded "/" would mislead) and includes the
    # query string, which is cut off: it carries emails and card values.
    return mask_path(request.url.raw_path.split(b"?", 1)[0].decode("ascii", errors="replace"))


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
