"""The simulator's listening socket, bound before the server runs (standard library only).

Bound first, the socket gives its port ("port 0": a free one) before uvicorn and the routes
are even imported, so the demo can point the app at the simulator and show its window
while the server starts. A client that connects meanwhile is accepted by the system into
the socket's backlog and answered as soon as the server runs.
"""

from __future__ import annotations

import socket


def bind_listener(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` and listening (OSError if it cannot be)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelled out: asyncio only turns Nagle off on sockets that say TCP, and
    # with Nagle on, every keep-alive request waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def url_of(sock: socket.socket, *, tls: bool = False) -> str:
    """The host root a client uses for ``sock`` (``http://127.0.0.1:PORT``; ``https``
    with ``tls``)."""
    host, port = sock.getsockname()[:2]
    scheme = "https" if tls else "http"
    where = f"[{host}]" if sock.family == socket.AF_INET6 else host
    return f"{scheme}://{where}:{port}"
