"""What the vendor route modules share: the context they run in and the vendors' bodies."""

from __future__ import annotations

import asyncio
import http
import json
import os
import threading
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from pos_app.resources import resources_dir
from pos_app.sandbox import demo_data
from pos_app.sandbox.faults import FaultBook, HeldCalls
from pos_app.sandbox.state import SimulatorState

Vendor = Literal["piggy", "giftoin", "nudj", "media"]
Handler = Callable[[Request], Awaitable[Response]]

RESOURCES_ENV: Final = "POS_APP_SANDBOX_RESOURCES"


def default_resources_dir() -> Path:
    """Where the demo pictures live: ``resources/sandbox`` (inside a bundle when frozen).

    ``POS_APP_SANDBOX_RESOURCES`` or ``resources_dir=`` points elsewhere.
    """
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return resources_dir() / "sandbox"


@dataclass
class SimulatorConfig:
    """How a simulator is set up. The credentials are the only ones it accepts."""

    host: str = "127.0.0.1"
    port: int = 0
    piggy_token: str = demo_data.DEMO_PIGGY_TOKEN
    giftoin_key: str = demo_data.DEMO_GIFTOIN_KEY
    nudj_token: str = demo_data.DEMO_NUDJ_TOKEN
    client_id: str = demo_data.DEMO_CLIENT_ID
    client_secret: str = demo_data.DEMO_CLIENT_SECRET
    seed: int = 0
    resources_dir: Path | None = None
    # Piggy's documented client-credentials token lifetime (a year); shorten it to test renewal.
    token_ttl_seconds: int = 31_536_000
    # Laravel's throttle: requests per minute per token (5000 seen on a Piggy dev server).
    rate_limit_per_minute: int = 5000
    # Giftoin's conventions page wraps results in {data, status}; the docs' examples do not.
    giftoin_envelope: bool = True
    # Older Piggy servers answered collect with the whole item (collect_legacy_full_item.json).
    legacy_collect: bool = False
    # What reversing the reward reception of an item already handed over does: the docs do
    # not say, so the app is tested against both: "refuse" (1003) or "accept".
    reverse_collected_reception: str = "refuse"
    # Served over TLS with this certificate and key (PEM files), as a vendor behind its
    # HTTPS front end: the URLs it hands out (pictures) are https too. None: plain HTTP.
    tls_cert: Path | None = None
    tls_key: Path | None = None


@dataclass
class SandboxContext:
    """Everything a request handler may touch."""

    config: SimulatorConfig
    state: SimulatorState
    faults: FaultBook
    resources_dir: Path
    stopping: threading.Event = field(default_factory=threading.Event)
    # Calls a "hold" fault keeps waiting until a test (or the control API) releases them.
    holds: HeldCalls = field(default_factory=HeldCalls)
    # Open connections by client address, so a fault can close one without an answer.
    transports: dict[tuple[str, int], asyncio.Transport] = field(default_factory=dict)
    #: Connections accepted so far (benchmarks and tests: is an idle one reused?).
    connections_opened: list[int] = field(default_factory=lambda: [0])
    #: Calls that reached each route since the last reset (tests: how often was it asked?).
    calls: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class VendorRoute:
    name: str  # the fault route name, e.g. "piggy.collect"
    path: str
    methods: tuple[str, ...]
    handler: Handler


def vendor_of(route_name: str) -> Vendor:
    prefix = route_name.partition(".")[0]
    if prefix in ("piggy", "giftoin", "nudj"):
        return prefix  # type: ignore[return-value]
    return "media"


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def media_url(request: Request, picture: str | None) -> str | None:
    if picture is None:
        return None
    return f"{base_url(request)}/media/{picture}"


# --- time formats ---------------------------------------------------------------------------


def piggy_time(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def nudj_time(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{moment.microsecond // 1000:03d}Z"
    )


def epoch_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


# --- bodies ---------------------------------------------------------------------------------


class PiggyJSONResponse(JSONResponse):
    """JSON the way Laravel writes it: ASCII only, slashes escaped."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=True, separators=(",", ":"))
        return text.replace("/", "\\/").encode("ascii")


LARAVEL_MESSAGES: Final[dict[int, str]] = {
    401: "Unauthenticated.",
    403: "This action is unauthorized.",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Attempts.",
    500: "Server Error",
    503: "Service Unavailable",
}

TRPC_CODES: Final[dict[int, str]] = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_SUPPORTED",
    408: "TIMEOUT",
    409: "CONFLICT",
    412: "PRECONDITION_FAILED",
    413: "PAYLOAD_TOO_LARGE",
    422: "UNPROCESSABLE_CONTENT",
    429: "TOO_MANY_REQUESTS",
    499: "CLIENT_CLOSED_REQUEST",
    500: "INTERNAL_SERVER_ERROR",
    501: "NOT_IMPLEMENTED",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}


def phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def piggy_error(
    status: int, message: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    if status == 400:
        # A bare 400 from Piggy is a domain error: validation failed.
        body: dict[str, object] = {"message": "Invalid input.", "code": 1003, "status_code": 400}
    else:
        body = {"message": message or LARAVEL_MESSAGES.get(status, phrase(status))}
    return PiggyJSONResponse(body, status_code=status, headers=headers)


def giftoin_status(state: SimulatorState) -> dict[str, object]:
    # Giftoin sends the timestamp as a string of epoch milliseconds (docs' examples).
    return {"timestamp": str(epoch_ms(state.now()))}


def giftoin_error(
    state: SimulatorState,
    status: int,
    error_code: int | None = None,
    message: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = {
        "status": giftoin_status(state)
        | {
            "errorCode": error_code if error_code is not None else status,
            "errorMessage": message or f"{phrase(status)}.",
        }
    }
    return JSONResponse(body, status_code=status, headers=headers)


def nudj_error(status: int, path: str, message: str | None = None) -> Response:
    body = {
        "message": message or phrase(status),
        "code": TRPC_CODES.get(status, "INTERNAL_SERVER_ERROR"),
        "data": {"httpStatus": status, "path": path},
    }
    return JSONResponse(body, status_code=status)


def gateway_error(status: int) -> Response:
    # 502 and 504 come from the load balancer in front of the service: HTML, not the API's JSON.
    text = f"{status} {phrase(status)}"
    page = (
        f"<html>\r\n<head><title>{text}</title></head>\r\n<body>\r\n"
        f"<center><h1>{text}</h1></center>\r\n</body>\r\n</html>\r\n"
    )
    return HTMLResponse(page, status_code=status)


# --- request input --------------------------------------------------------------------------


async def request_input(request: Request) -> dict[str, str]:
    """Laravel's ``$request->input()``: query string, then a form or JSON body on top.

    Parsed here rather than with ``request.form()``, which needs python-multipart.
    """
    values = dict(request.query_params)
    body = await request.body()
    if not body:
        return values
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            parsed = json.loads(body)
        except ValueError:
            return values
        if isinstance(parsed, dict):
            values.update({str(k): "" if v is None else str(v) for k, v in parsed.items()})
    else:
        values.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    return values
