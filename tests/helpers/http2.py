"""The simulator's API over TLS and HTTP/2 (hypercorn), as a vendor behind a modern front
end serves it; it records the connection and HTTP version of every request it receives.

The built-in simulator speaks HTTP/1.1 (uvicorn); this is for the tests of what changes
when a vendor offers HTTP/2. The throw-away certificate authority comes from trustme and
is trusted by the test's clients through ``SSL_CERT_FILE``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import trustme
from hypercorn.asyncio import serve
from hypercorn.config import Config
from hypercorn.typing import ASGIReceiveCallable, ASGISendCallable, Scope

from pos_app.sandbox.app import create_app
from pos_app.sandbox.common import SandboxContext, SimulatorConfig, default_resources_dir
from pos_app.sandbox.faults import FaultBook, HeldCalls
from pos_app.sandbox.state import SimulatorState, system_clock


@dataclass(frozen=True)
class Received:
    path: str
    http_version: str
    #: The client's address and port: one per connection.
    client: tuple[str, int]


@dataclass
class Http2Simulator:
    url: str
    faults: FaultBook
    holds: HeldCalls
    received: list[Received] = field(default_factory=list)
    #: Closes every client connection, as a server or a NAT router forgetting an idle one
    #: does: without a word (no GOAWAY), the socket just ends.
    close_connections: Callable[[], None] = lambda: None

    def connections(self) -> int:
        """The connections requests came on."""
        return len({request.client for request in self.received})


@contextlib.contextmanager
def http2_simulator(folder: Path) -> Iterator[Http2Simulator]:
    """Serve the simulator over HTTPS with HTTP/2 offered; set ``SSL_CERT_FILE`` yourself
    to ``folder / "ca.pem"`` (written here) so that clients trust it."""
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    issued = ca.issue_cert("127.0.0.1")
    issued.cert_chain_pems[0].write_to_path(str(folder / "cert.pem"))
    issued.private_key_pem.write_to_path(str(folder / "key.pem"))
    faults = FaultBook()
    config = SimulatorConfig()
    context = SandboxContext(
        config=config,
        state=SimulatorState(system_clock, config.seed),
        faults=faults,
        resources_dir=default_resources_dir(),
    )
    app = create_app(context)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server_port = sock.getsockname()[1]
    # Clients come through a forwarder on the same loop, which can cut their connections.
    front = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    front.bind(("127.0.0.1", 0))
    front.listen(64)
    simulator = Http2Simulator(f"https://127.0.0.1:{front.getsockname()[1]}", faults, context.holds)
    cut: set[asyncio.StreamWriter] = set()

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def forward(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", server_port)
        cut.add(writer)
        try:
            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        finally:
            cut.discard(writer)

    def close_connections() -> None:
        async def close() -> None:
            for writer in list(cut):
                writer.transport.abort()

        asyncio.run_coroutine_threadsafe(close(), loop).result(10)

    simulator.close_connections = close_connections

    async def recording(scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
        if scope["type"] == "http" and scope["client"] is not None:
            host, port = scope["client"][:2]
            received = Received(scope["path"], scope["http_version"], (host, port))
            simulator.received.append(received)
        await app(scope, receive, send)  # type: ignore[arg-type]

    served = Config()
    served.bind = [f"fd://{sock.fileno()}"]
    served.certfile = str(folder / "cert.pem")
    served.keyfile = str(folder / "key.pem")
    served.alpn_protocols = ["h2", "http/1.1"]
    served.keep_alive_timeout = 75
    served.accesslog = None
    served.errorlog = None
    loop = asyncio.new_event_loop()
    stopping = asyncio.Event()
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)

        async def main() -> None:
            forwarder = await asyncio.start_server(forward, sock=front)
            started.set()
            async with forwarder:
                await serve(recording, served, shutdown_trigger=stopping.wait)

        loop.run_until_complete(main())

    thread = threading.Thread(target=run, name="pos-app-http2-sandbox", daemon=True)
    thread.start()
    started.wait(10)
    try:
        yield simulator
    finally:
        context.holds.close()
        loop.call_soon_threadsafe(stopping.set)
        thread.join(10)
        loop.close()
        with contextlib.suppress(OSError):  # hypercorn closed it already
            sock.close()
