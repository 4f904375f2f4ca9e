"""The simulator's ASGI app: vendor routes behind faults and auth, pictures, control API."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import random
from typing import Any, Final

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from pos_app.sandbox import demo_data, giftoin, nudj, piggy
from pos_app.sandbox.common import (
    Handler,
    PiggyJSONResponse,
    SandboxContext,
    VendorRoute,
    gateway_error,
    giftoin_error,
    nudj_error,
    piggy_error,
    vendor_of,
)
from pos_app.sandbox.faults import KINDS, ROUTES, Fault, FaultSyntaxError, parse_fault_map
from pos_app.sandbox.state import REVERSE_COLLECTED_CHOICES, PiggyDomainError

log = logging.getLogger("pos_app.sandbox")

CONTROL_PREFIX: Final = "/__sandbox__"
_NUDJ_PATHS: Final = {"nudj.rewards": nudj.REWARDS_PATH, "nudj.user": nudj.USER_PATH}
_POLL_SECONDS: Final = 0.02
_SLOW_BODY_CHUNKS: Final = 8
_GIFTOIN_KEY_HEADERS: Final = ("x-gft_api_key", "x-gft-api-key", "gft-api-key")


async def pause(ctx: SandboxContext, seconds: float) -> None:
    """Sleep, but wake up at once when the simulator stops so shutdown never waits on us."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not ctx.stopping.is_set():
        left = deadline - loop.time()
        if left <= 0:
            return
        await asyncio.sleep(min(left, _POLL_SECONDS))


def _client(scope: Scope) -> tuple[str, int] | None:
    client = scope.get("client")
    return (str(client[0]), int(client[1])) if client else None


async def _drop_connection(ctx: SandboxContext, scope: Scope, *, gone_ok: bool = False) -> None:
    client = _client(scope)
    transport = ctx.transports.get(client) if client else None
    if transport is None:
        if gone_ok:
            return  # the client hung up while its call was held: nothing left to drop
        raise RuntimeError("cannot drop a connection the server does not track")
    transport.close()
    # Return only once the server has seen the connection go; otherwise uvicorn would answer
    # 500 on our behalf ("ASGI callable returned without starting response").
    for _ in range(500):
        if client not in ctx.transports:
            return
        await asyncio.sleep(0.002)


class _DropConnection(Response):
    """Close the connection without a status line."""

    def __init__(self, ctx: SandboxContext, *, gone_ok: bool = False) -> None:
        super().__init__()
        self._ctx = ctx
        self._gone_ok = gone_ok

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await _drop_connection(self._ctx, scope, gone_ok=self._gone_ok)


class _Hang(Response):
    """Answer nothing for a while (None: until the simulator stops), then drop."""

    def __init__(self, ctx: SandboxContext, seconds: float | None) -> None:
        super().__init__()
        self._ctx = ctx
        self._seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = _client(scope)
        loop = asyncio.get_running_loop()
        deadline = None if self._seconds is None else loop.time() + self._seconds
        while not self._ctx.stopping.is_set():
            transport = self._ctx.transports.get(client) if client else None
            if transport is None or transport.is_closing():
                return  # the client gave up
            if deadline is not None and loop.time() >= deadline:
                break
            await asyncio.sleep(_POLL_SECONDS)
        await _drop_connection(self._ctx, scope)


class _SlowBody(Response):
    """Send the real answer's headers at once, then its body in chunks with pauses."""

    def __init__(self, ctx: SandboxContext, inner: Response, pause_seconds: float) -> None:
        super().__init__(status_code=inner.status_code)
        self._ctx = ctx
        self._pause = pause_seconds
        self.raw_headers = inner.raw_headers
        self.body = bytes(inner.body)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        body = bytes(self.body)
        size = max(1, math.ceil(len(body) / _SLOW_BODY_CHUNKS))
        chunks = [body[i : i + size] for i in range(0, len(body), size)] or [b""]
        for index, chunk in enumerate(chunks):
            await pause(self._ctx, self._pause)
            more = index < len(chunks) - 1
            await send({"type": "http.response.body", "body": chunk, "more_body": more})


_MALFORMED: Final = {
    "piggy": b'{"data":{"uuid":"3f1e0c2a-9b7d-4c1e-8f2a-',
    "giftoin": b'{"data":[{"id":"program_autumn_leaves","name":"Autu',
    "nudj": b'{"totalCount":25,"edges":[{"id":"',
    "media": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
}


def _error_fault_response(ctx: SandboxContext, name: str, fault: Fault) -> Response:
    status = {"rate_limit": 429, "maintenance": 503}.get(fault.kind, fault.status)
    vendor = vendor_of(name)
    if status in (502, 504):
        return gateway_error(status)
    retry_after = str(math.ceil(fault.retry_after_seconds))
    if vendor == "piggy":
        headers = None
        if status == 429:
            headers = {
                "Retry-After": retry_after,
                "X-RateLimit-Limit": str(ctx.config.rate_limit_per_minute),
                "X-RateLimit-Remaining": "0",
            }
        return piggy_error(status, headers=headers)
    if vendor == "giftoin":
        # Giftoin documents 429 but no headers: no Retry-After here, on purpose.
        return giftoin_error(ctx.state, status)
    if vendor == "nudj":
        # Nudj states that it sends no Retry-After.
        return nudj_error(status, _NUDJ_PATHS.get(name, ""))
    return Response(f"{status}", status_code=status, media_type="text/plain")


def _check_auth(ctx: SandboxContext, name: str, request: Request) -> Response | None:
    vendor = vendor_of(name)
    config = ctx.config
    if vendor == "piggy":
        if name == "piggy.token":
            return None
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        if (
            scheme.lower() == "bearer"
            and token
            and (token == config.piggy_token or ctx.state.token_valid(token))
        ):
            return None
        return piggy_error(401)
    if vendor == "giftoin":
        key = next((request.headers[h] for h in _GIFTOIN_KEY_HEADERS if request.headers.get(h)), "")
        if not key:
            return giftoin_error(ctx.state, 401, 1002, "API Key is missing.")
        if key != config.giftoin_key:
            # Giftoin answers an invalid key with 400, not 401 (error_invalid_key.json).
            return giftoin_error(ctx.state, 400, 1001, "This API Key is invalid.")
        return None
    if vendor == "nudj":
        path = _NUDJ_PATHS.get(name, "")
        scheme, _, bearer = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            # A Bearer token is organisation-scoped and needs x-api-domain; without it Nudj
            # routes the request where it is refused, whatever else it carries (API_NOTES §4).
            if not request.headers.get("x-api-domain", "").strip():
                return nudj_error(403, path, "x-api-domain header is required")
            token = bearer.strip()
        else:
            token = request.headers.get("x-api-token", "").strip()
        if token != config.nudj_token:
            return nudj_error(401, path, "Invalid token")
    return None


async def _serve(ctx: SandboxContext, route: VendorRoute, request: Request) -> Response:
    vendor = vendor_of(route.name)
    if vendor != "piggy":
        return _check_auth(ctx, route.name, request) or await route.handler(request)
    # Laravel's throttle: counted per token (or per address without one), one-minute window.
    limit = ctx.config.rate_limit_per_minute
    token = request.headers.get("authorization", "")
    client = request.client.host if request.client else "?"
    remaining, reset_in = ctx.state.count_request(token or client, limit)
    if remaining < 0:
        return piggy_error(
            429,
            headers={
                "Retry-After": str(reset_in),
                "X-RateLimit-Limit": str(limit),
                "X-RateLimit-Remaining": "0",
            },
        )
    response = _check_auth(ctx, route.name, request)
    if response is None:
        try:
            response = await route.handler(request)
        except PiggyDomainError as error:
            response = PiggyJSONResponse(error.body(), status_code=400)
    response.headers["X-RateLimit-Limit"] = str(limit)
    response.headers["X-RateLimit-Remaining"] = str(remaining)
    return response


def _endpoint(ctx: SandboxContext, route: VendorRoute) -> Handler:
    async def endpoint(request: Request) -> Response:
        fault = ctx.faults.take(route.name)
        if fault is None:
            return await _serve(ctx, route, request)
        # The route's name, not its path: a Nudj user path may carry a customer's email.
        log.info("Fault %s on %s %s", fault.spec(), request.method, route.name)
        kind = fault.kind
        if kind == "latency":
            await pause(ctx, (fault.ms + random.uniform(0, fault.jitter_ms)) / 1000)
        elif kind in ("error", "rate_limit", "maintenance"):
            return _error_fault_response(ctx, route.name, fault)
        elif kind == "malformed":
            body = _MALFORMED[vendor_of(route.name)]
            media_type = "image/png" if route.name == "media" else "application/json"
            return Response(body, status_code=200, media_type=media_type)
        elif kind == "drop":
            return _DropConnection(ctx)
        elif kind == "timeout":
            return _Hang(ctx, fault.seconds)
        elif kind == "hold" and not await ctx.holds.wait(route.name):
            return _DropConnection(ctx, gone_ok=True)
        response = await _serve(ctx, route, request)
        if kind == "slow_body":
            return _SlowBody(ctx, response, fault.slow_body_pause_ms / 1000)
        if kind == "after_apply":
            # The request took effect; only the answer is lost on the way back.
            return _DropConnection(ctx) if fault.then == "drop" else _Hang(ctx, fault.seconds)
        return response

    return endpoint


# --- pictures -------------------------------------------------------------------------------


def _media_route(ctx: SandboxContext) -> VendorRoute:
    cache: dict[str, bytes] = {}
    root = ctx.resources_dir.resolve()

    async def media(request: Request) -> Response:
        name = request.path_params["path"]
        body = cache.get(name)
        if body is None:
            file = (root / name).resolve()
            if file.suffix != ".png" or not file.is_relative_to(root) or not file.is_file():
                return Response("Not Found", status_code=404, media_type="text/plain")
            body = cache[name] = file.read_bytes()
        return Response(
            body, media_type="image/png", headers={"Cache-Control": "public, max-age=3600"}
        )

    return VendorRoute("media", "/media/{path:path}", ("GET",), media)


# --- control API ----------------------------------------------------------------------------


def describe(ctx: SandboxContext, url: str) -> dict[str, Any]:
    """What a person trying the demo needs to know."""
    config = ctx.config
    with ctx.state.lock:
        data = ctx.state.data
        cards = {}
        for value, identifier in data.identifiers.items():
            contact = data.contacts.get(identifier.contact_uuid or "")
            cards[value] = {
                "active": identifier.active,
                "contact_uuid": contact.uuid if contact else None,
                "email": contact.email if contact else None,
                "name": f"{contact.firstname} {contact.lastname}" if contact else None,
                "uncollected_rewards": (
                    sum(1 for i in data.items_of(contact.uuid) if not i.collected) if contact else 0
                ),
            }
        contacts = {
            c.email: {
                "uuid": c.uuid,
                "card": c.card,
                "discord_id": c.discord_id,
                "giftoin_account": (demo_data.GIFTOIN_PLATFORM, c.discord_id or "")
                in data.giftoin_users,
                "nudj_account": any(u.id == c.uuid for u in data.nudj_users),
                "contacts_portal": c.has_portal,
            }
            for c in data.contacts.values()
        }
    return {
        "url": url,
        "piggy": {
            "base_url": f"{url}/api/v3/oauth/clients",
            "token_url": f"{url}/oauth/token",
            "token": config.piggy_token,
            "client_id": config.client_id,
            "client_secret": config.client_secret,
        },
        "giftoin": {
            "base_url": url,
            "api_key": config.giftoin_key,
            "platform": demo_data.GIFTOIN_PLATFORM,
        },
        "nudj": {"base_url": url, "token": config.nudj_token},
        "cards": cards,
        "contacts": contacts,
        "options": {
            "giftoin_envelope": config.giftoin_envelope,
            "legacy_collect": config.legacy_collect,
            "reverse_collected_reception": config.reverse_collected_reception,
        },
        "fault_routes": list(ROUTES),
        "fault_kinds": list(KINDS),
    }


def _control_routes(ctx: SandboxContext) -> list[Route]:
    def faults_body() -> dict[str, Any]:
        return {"faults": {route: f.to_json() for route, f in ctx.faults.snapshot().items()}}

    async def info(request: Request) -> Response:
        return JSONResponse(describe(ctx, str(request.base_url).rstrip("/")))

    async def faults(request: Request) -> Response:
        if request.method == "GET":
            return JSONResponse(faults_body())
        if request.method == "DELETE":
            ctx.faults.clear()
            return JSONResponse(faults_body())
        try:
            new = parse_fault_map(json.loads(await request.body() or b"{}"))
        except (ValueError, FaultSyntaxError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        if request.method == "PUT":
            ctx.faults.replace(new)
        else:
            for route, fault in new.items():
                ctx.faults.set(route, fault)
        return JSONResponse(faults_body())

    async def fault_one(request: Request) -> Response:
        try:
            ctx.faults.clear(request.path_params["route"])
        except FaultSyntaxError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        return JSONResponse(faults_body())

    async def held(request: Request) -> Response:
        return JSONResponse({"held": ctx.holds.snapshot()})

    async def release(request: Request) -> Response:
        count_text = request.query_params.get("count")
        try:
            count = None if count_text is None else int(count_text)
            if count is not None and count < 1:
                raise ValueError("count must be at least 1")
            released = ctx.holds.release(request.path_params["route"], count)
        except FaultSyntaxError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"released": released, "held": ctx.holds.snapshot()})

    async def mailbox(request: Request) -> Response:
        return JSONResponse({"codes": ctx.state.mailbox()})

    async def mailbox_one(request: Request) -> Response:
        email = request.path_params["email"]
        code = ctx.state.last_verification_code(email)
        if code is None:
            return JSONResponse({"email": email, "code": None}, status_code=404)
        return JSONResponse({"email": email, "code": code})

    async def reset(request: Request) -> Response:
        ctx.state.reset()
        return JSONResponse({"reset": True})

    async def options(request: Request) -> Response:
        if request.method == "PUT":
            try:
                wanted = json.loads(await request.body() or b"{}")
            except ValueError as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
            for key in ("giftoin_envelope", "legacy_collect"):
                if isinstance(wanted, dict) and isinstance(wanted.get(key), bool):
                    setattr(ctx.config, key, wanted[key])
            rule = wanted.get("reverse_collected_reception") if isinstance(wanted, dict) else None
            if rule in REVERSE_COLLECTED_CHOICES:
                ctx.config.reverse_collected_reception = rule
        return JSONResponse(
            {
                "giftoin_envelope": ctx.config.giftoin_envelope,
                "legacy_collect": ctx.config.legacy_collect,
                "reverse_collected_reception": ctx.config.reverse_collected_reception,
            }
        )

    p = CONTROL_PREFIX
    return [
        Route(p, info, methods=["GET"]),
        Route(f"{p}/faults", faults, methods=["GET", "POST", "PUT", "DELETE"]),
        Route(f"{p}/faults/{{route}}", fault_one, methods=["DELETE"]),
        Route(f"{p}/held", held, methods=["GET"]),
        Route(f"{p}/held/{{route}}/release", release, methods=["POST"]),
        Route(f"{p}/mailbox", mailbox, methods=["GET"]),
        Route(f"{p}/mailbox/{{email}}", mailbox_one, methods=["GET"]),
        Route(f"{p}/reset", reset, methods=["POST"]),
        Route(f"{p}/options", options, methods=["GET", "PUT"]),
    ]


# --- unknown paths --------------------------------------------------------------------------


def _http_error_handler(ctx: SandboxContext) -> Any:
    async def handle(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        path = request.url.path
        laravel_path = path.lstrip("/")
        if path.startswith(("/api/v3/", "/oauth/")):
            if status == 405:
                methods = (exc.headers or {}).get("Allow", "").split(", ")
                # Laravel lists GET before HEAD.
                allowed = ", ".join(sorted(methods, key=lambda m: (m == "HEAD", m)))
                message = (
                    f"The {request.method} method is not supported for route {laravel_path}. "
                    f"Supported methods: {allowed}."
                )
            else:
                message = f"The route {laravel_path} could not be found."
            return piggy_error(status, message)
        if path.startswith("/api/v1/"):
            return giftoin_error(ctx.state, status)
        if path.startswith("/api/v2/"):
            return nudj_error(status, path.removeprefix("/api/v2/").replace("/", "."))
        return JSONResponse({"error": exc.detail}, status_code=status, headers=exc.headers)

    return handle


def create_app(ctx: SandboxContext) -> Starlette:
    vendor_routes = [
        *piggy.routes(ctx),
        *giftoin.routes(ctx),
        *nudj.routes(ctx),
        _media_route(ctx),
    ]
    routes = [
        Route(r.path, _endpoint(ctx, r), methods=list(r.methods)) for r in vendor_routes
    ] + _control_routes(ctx)
    handler = _http_error_handler(ctx)
    return Starlette(routes=routes, exception_handlers={404: handler, 405: handler})
