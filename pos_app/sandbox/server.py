"""Running the simulator: uvicorn on a background thread, and the handle to control it."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from pos_app.sandbox import demo_data
from pos_app.sandbox.app import create_app, describe
from pos_app.sandbox.common import SandboxContext, SimulatorConfig, default_resources_dir
from pos_app.sandbox.faults import Fault, FaultBook, check_route
from pos_app.sandbox.listener import bind_listener, url_of
from pos_app.sandbox.state import Clock, SimulatorState, system_clock

log = logging.getLogger("pos_app.sandbox")

_START_TIMEOUT: Final = 10.0
_STOP_TIMEOUT: Final = 10.0


def _tracking_protocol(
    transports: dict[tuple[str, int], asyncio.Transport],
    opened: list[int],
) -> type[H11Protocol]:
    """uvicorn's h11 protocol, remembering each connection's transport by client address.

    A "drop" fault must close the connection without an answer; ASGI has no way to say that,
    so the fault looks the transport up here.
    """

    class TrackingH11Protocol(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            opened[0] += 1
            if self.client is not None:
                transports[self.client] = transport

        def connection_lost(self, exc: Exception | None) -> None:
            if self.client is not None and transports.get(self.client) is self.transport:
                del transports[self.client]
            super().connection_lost(exc)

    return TrackingH11Protocol


class Simulator:
    """A running simulator of Piggy, Giftoin and Nudj on loopback HTTP.

    ``url`` is the host root (``http://127.0.0.1:PORT``); the API clients append
    ``/api/v3/oauth/clients``, ``/oauth/token``, ``/api/v1`` and ``/api/v2`` themselves.
    Use it as a context manager or call ``stop()``.
    """

    def __init__(
        self,
        config: SimulatorConfig | None = None,
        *,
        clock: Clock | None = None,
        faults: Mapping[str, Fault | str] | None = None,
        log_level: str = "warning",
    ) -> None:
        self.config = config or SimulatorConfig()
        self.state = SimulatorState(clock or system_clock, self.config.seed)
        self.faults = FaultBook()
        for route, fault in (faults or {}).items():
            self.faults.set(route, fault)
        self._ctx = SandboxContext(
            config=self.config,
            state=self.state,
            faults=self.faults,
            resources_dir=self.config.resources_dir or default_resources_dir(),
        )
        self._log_level = log_level
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.url = ""

    # --- lifecycle -------------------------------------------------------------------------

    def start(self, listener: socket.socket | None = None) -> Simulator:
        """Serve on a free port of the configured host, or on ``listener`` (bound and
        listening, see :func:`~pos_app.sandbox.listener.bind_listener`; the simulator
        closes it when it stops)."""
        if self._thread is not None:
            raise RuntimeError("the simulator is already running")
        # Binding here, not in uvicorn, gives us the port of "port 0" before the thread runs.
        sock = listener or bind_listener(self.config.host, self.config.port)
        self._socket = sock
        tls = self.config.tls_cert is not None
        self.url = url_of(sock, tls=tls)
        config = uvicorn.Config(
            create_app(self._ctx),
            http=_tracking_protocol(self._ctx.transports, self._ctx.connections_opened),
            ws="none",
            lifespan="off",
            loop="asyncio",
            # Never touch the host application's logging set-up.
            log_config=None,
            log_level=self._log_level,
            access_log=False,
            # Keep the client address as is: a fault finds its connection by it.
            proxy_headers=False,
            server_header=False,
            timeout_graceful_shutdown=3,
            # Idle connections closed after 75 s, as nginx does by default: uvicorn's 5 s
            # is shorter than any vendor's, and would close them between two scans.
            timeout_keep_alive=75,
            ssl_certfile=self.config.tls_cert if tls else None,
            ssl_keyfile=self.config.tls_key if tls else None,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._run, args=(self._server, sock), name="pos-app-sandbox", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the simulator did not start: {self._error!r}")
            time.sleep(0.002)
        log.info("Simulator running at %s", self.url)
        return self

    def _run(self, server: uvicorn.Server, sock: socket.socket) -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported by start(); a thread cannot raise to us
            self._error = exc

    def stop(self) -> None:
        """Stop serving and join the server thread. Safe to call twice."""
        server, thread = self._server, self._thread
        self._ctx.stopping.set()
        self._ctx.holds.close()
        if server is not None and thread is not None:
            server.should_exit = True
            thread.join(_STOP_TIMEOUT)
            if thread.is_alive():
                server.force_exit = True
                thread.join(_STOP_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
        self._server = None
        self._thread = None
        self._socket = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> Simulator:
        if self._thread is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- where the vendors are -------------------------------------------------------------

    @property
    def piggy_base_url(self) -> str:
        return self.url

    @property
    def giftoin_base_url(self) -> str:
        return self.url

    @property
    def nudj_base_url(self) -> str:
        return self.url

    @property
    def resources_dir(self) -> Path:
        return self._ctx.resources_dir

    # --- for tests and the demo ------------------------------------------------------------

    def describe(self) -> dict[str, Any]:
        """Credentials, cards and contacts, as ``GET /__sandbox__`` shows them."""
        return describe(self._ctx, self.url)

    def last_verification_code(self, email: str) -> str | None:
        """The code the fake mailbox last "emailed" to ``email`` (demo use only)."""
        return self.state.last_verification_code(email)

    def set_fault(self, route: str, fault: Fault | str) -> None:
        """E.g. ``set_fault("piggy.collect", "error:503@1")`` or a ``Fault``."""
        self.faults.set(route, fault)

    def clear_faults(self, route: str | None = None) -> None:
        self.faults.clear(route)

    def close_connections(self, timeout: float = 5.0) -> int:
        """Close every open connection from the server's side, as an idle timeout does."""
        transports = list(self._ctx.transports.values())
        for transport in transports:
            # Transports belong to the server's loop, on its own thread.
            loop = getattr(transport, "_loop")  # noqa: B009
            loop.call_soon_threadsafe(transport.close)
        deadline = time.monotonic() + timeout
        while self._ctx.transports and time.monotonic() < deadline:
            time.sleep(0.005)
        return len(transports)

    @property
    def connections_opened(self) -> int:
        """Connections the simulator accepted since it started."""
        return self._ctx.connections_opened[0]

    def calls(self, route: str) -> int:
        """How many calls of ``route`` reached the simulator since the last :meth:`reset`."""
        return self._ctx.calls[check_route(route)]

    def held(self, route: str | None = None) -> int:
        """How many calls a ``hold`` fault keeps waiting on ``route`` (None: on every route)."""
        return self._ctx.holds.count(route)

    def wait_until_held(self, route: str, count: int = 1, timeout: float = 10.0) -> None:
        """Block until ``count`` calls of ``route`` are held (from a thread, not a coroutine
        on the loop that sends them: poll :meth:`held` there)."""
        self._ctx.holds.wait_for(route, count, timeout)

    def release(self, route: str, count: int | None = None, *, answer: bool = True) -> int:
        """Let the oldest ``count`` held calls of ``route`` (all: None) go on: processed and
        answered, or with ``answer=False`` dropped unprocessed. Returns how many."""
        return self._ctx.holds.release(route, count, answer=answer)

    def reset(self) -> None:
        """Fresh demo data, no faults; held calls are dropped unprocessed."""
        self.faults.clear()
        self._ctx.holds.release_all(answer=False)
        self._ctx.calls.clear()
        self.state.reset()


def start_simulator(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    piggy_token: str = demo_data.DEMO_PIGGY_TOKEN,
    giftoin_key: str = demo_data.DEMO_GIFTOIN_KEY,
    nudj_token: str = demo_data.DEMO_NUDJ_TOKEN,
    client_id: str = demo_data.DEMO_CLIENT_ID,
    client_secret: str = demo_data.DEMO_CLIENT_SECRET,
    seed: int = 0,
    faults: Mapping[str, Fault | str] | None = None,
    clock: Clock | None = None,
    resources_dir: Path | None = None,
    giftoin_envelope: bool = True,
    legacy_collect: bool = False,
    reverse_collected_reception: str = "refuse",
    token_ttl_seconds: int = 31_536_000,
    rate_limit_per_minute: int = 5000,
    log_level: str = "warning",
    listener: socket.socket | None = None,
) -> Simulator:
    """Start a simulator on a background thread and return its handle once it serves
    (on ``listener`` when given: a socket bound and listening, whose host and port win
    over ``host`` and ``port``)."""
    config = SimulatorConfig(
        host=host,
        port=port,
        piggy_token=piggy_token,
        giftoin_key=giftoin_key,
        nudj_token=nudj_token,
        client_id=client_id,
        client_secret=client_secret,
        seed=seed,
        resources_dir=resources_dir,
        token_ttl_seconds=token_ttl_seconds,
        rate_limit_per_minute=rate_limit_per_minute,
        giftoin_envelope=giftoin_envelope,
        legacy_collect=legacy_collect,
        reverse_collected_reception=reverse_collected_reception,
    )
    return Simulator(config, clock=clock, faults=faults, log_level=log_level).start(listener)
