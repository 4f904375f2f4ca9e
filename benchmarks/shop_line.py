"""Scan → list and scan → panel over a line like a shop's: TLS, round trips, handshakes.

The simulator runs in its own process and serves HTTPS with a throw-away certificate
(made here with trustme; the app trusts it through ``SSL_CERT_FILE``), so the addresses it
hands out (the rewards' pictures) are https too. Between it and the app sits, in a third
process (so that its work does not share the app's interpreter lock), a delay proxy: every
chunk is forwarded RTT/2 later in each direction, and a new connection is answered only
after one RTT (the TCP handshake). The TLS handshake's bytes go through it too, so each
handshake costs its round trips.

The simulator's own per-call latency stands for the vendor's time, and its real time per
call is measured first: each call the scan makes, sent by a bare client straight to the
simulator (no line, connection open), median of several. Printed side by side, per case:
the app's median, the true limit (round trips × RTT + that server time on the chain of
calls that must wait for each other), their ratio, the same chains of calls made by a bare
client over the same line (connections open: what the line's jitter and the server's time
for calls made side by side allow, with no app around the calls), and a naive client (the
same calls one after the other, a new connection for each scan) as the peer. The cases:

* first scan of a card, connections open;
* first scan after the minutes between customers: the server closed the idle
  connections, the app opened them again in the background, and the scanner types the
  card;
* a card this counter has seen before.

Each case also says, at most in one scan (from Enter to the panel complete), how many of
the scan's own calls waited for a new connection (a handshake on its way: httpcore's trace
of each call says when it opened one), and how many new connections were opened over the
line at all (the app's keep-warm rounds included, which open what a server closed in the
background). With ``--http2`` the vendor offers HTTP/2: the simulator is served over TLS
by hypercorn (the line passes its bytes on), and the calls made side by side share one
connection.

Last, the window is drawn whole (``QWidget.grab``) as it stands when a list comes in (the
side panel still loading), in one more scan that is not one of the figures: the bare
client's time plus one such drawing, against the limit, is the least this window could
reach on this machine with no other work of its own around the calls.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/shop_line.py [--rtt 30] [--runs 5]
    ... --http2

Size: one script past 600 lines, kept whole: the line, the app's cases and its two peers
(bare and naive client) must be read together to see that they measure the same thing.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import contextlib
import dataclasses

import httpx
import trustme
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

# Run as a script: benchmarks/ is on sys.path, so the sibling benchmark's helpers import.
from scan_to_list import (
    app_and_simulator,
    close_window,
    demo_secrets,
    open_window,
    simulator_settings,
    until,
)

from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import KEEP_WARM_INTERVAL, ApiClients, build_clients

SERVER_MS = 40  # Piggy's own time per call
PROGRAM_MS = 120  # Giftoin's and Nudj's
FAULTS = (
    f"*=latency:{SERVER_MS}",
    f"giftoin.progress=latency:{PROGRAM_MS}",
    f"nudj.user=latency:{PROGRAM_MS}",
    f"nudj.rewards=latency:{PROGRAM_MS}",
)
#: Chunks read closer together than this are one burst of packets on the line.
BURST_GAP_S = 0.002
#: What a person's scanner takes for a card number (about 5 ms a character).
SCANNER_TYPING_S = 0.06


# -- the line: certificate, TLS terminator, delay proxy ------------------------------------


def make_certificate(folder: Path) -> tuple[Path, Path, Path]:
    """A throw-away CA and a certificate for 127.0.0.1 it signed: (ca, cert, key) files."""
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1")
    files = (folder / "ca.pem", folder / "cert.pem", folder / "key.pem")
    ca.cert_pem.write_to_path(str(files[0]))
    issued.cert_chain_pems[0].write_to_path(str(files[1]))
    issued.private_key_pem.write_to_path(str(files[2]))
    return files


async def _pump(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: Callable[[], float]
) -> None:
    """Copy ``reader`` to ``writer``, each chunk ``delay()`` later, in order.

    Chunks written back to back (a response's head and body) travel together, as the
    packets of one burst do on a real line: they share one delay instead of each drawing
    its own jitter.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
    last_read = -1.0

    async def deliver() -> None:
        while True:
            due, chunk = await queue.get()
            if not chunk:
                return
            await asyncio.sleep(max(0.0, due - loop.time()))
            writer.write(chunk)
            await writer.drain()

    delivering = asyncio.ensure_future(deliver())
    due = 0.0
    try:
        while chunk := await reader.read(65536):
            now = loop.time()
            if now - last_read > BURST_GAP_S:
                due = max(due, now + delay())  # never before the chunk ahead of it
            last_read = now
            queue.put_nowait((due, chunk))
    except (ConnectionError, OSError):
        pass
    finally:
        queue.put_nowait((due, b""))
        with contextlib.suppress(ConnectionError, OSError):
            await delivering
        writer.close()


class Line:
    """The delay proxy, on its own loop in a background thread. The upstream speaks TLS
    itself: the proxy passes its bytes on as they are."""

    def __init__(self, upstream: tuple[str, int], rtt_ms: float):
        self._upstream = upstream
        self._rtt = rtt_ms / 1000
        self._rng = random.Random(7)
        self._loop = asyncio.new_event_loop()
        self._writers: set[asyncio.StreamWriter] = set()
        self.connections = 0
        self.port = 0
        started = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(started,), daemon=True)
        self._thread.start()
        started.wait(10)

    def _half_rtt(self) -> float:
        return self._rtt / 2 * self._rng.uniform(0.8, 1.2)  # with some jitter

    def _run(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)

        async def serve() -> None:
            proxy = await asyncio.start_server(self._delay, "127.0.0.1", 0)
            self.port = proxy.sockets[0].getsockname()[1]
            started.set()
            await asyncio.Event().wait()

        self._loop.run_until_complete(serve())

    async def _delay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writers.add(writer)
        await asyncio.sleep(self._rtt)  # SYN, SYN-ACK: the client can send after one RTT
        up_reader, up_writer = await asyncio.open_connection(*self._upstream)
        try:
            await asyncio.gather(
                _pump(reader, up_writer, self._half_rtt), _pump(up_reader, writer, self._half_rtt)
            )
        finally:
            self._writers.discard(writer)

    def close_connections(self) -> None:
        """Close every open connection, as a server does after its idle timeout."""

        async def close() -> None:
            writers = list(self._writers)
            for writer in writers:
                writer.close()
            await asyncio.gather(*(w.wait_closed() for w in writers), return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)


@dataclass(frozen=True)
class LineHandle:
    """The line running in its own process, as the benchmark sees it."""

    port: int
    close_connections: Callable[[], None]
    #: Connections the app opened over the line so far.
    connections: Callable[[], int]


def _serve_line(commands: Connection, upstream: tuple[str, int], rtt_ms: float) -> None:
    """The line's own process: its port, then commands until "stop"."""
    line = Line(upstream, rtt_ms)
    commands.send(line.port)
    while (command := commands.recv()) != "stop":
        if command == "close":
            line.close_connections()
        commands.send(line.connections)


@contextlib.contextmanager
def line_process(upstream: tuple[str, int], rtt_ms: float) -> Iterator[LineHandle]:
    """The line in a process of its own, so that it does not share the app's GIL."""
    spawn = multiprocessing.get_context("spawn")
    ours, theirs = spawn.Pipe()
    process = spawn.Process(target=_serve_line, args=(theirs, upstream, rtt_ms), daemon=True)
    process.start()

    def ask(command: str) -> int:
        ours.send(command)
        answer: int = ours.recv()
        return answer

    def close_connections() -> None:
        ask("close")

    try:
        yield LineHandle(ours.recv(), close_connections, lambda: ask("count"))
    finally:
        ours.send("stop")
        process.join(10)


def _serve_http2(commands: Connection, folder: Path) -> None:
    """The simulator over TLS with HTTP/2 offered (hypercorn), in its own process."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.helpers.http2 import http2_simulator

    with http2_simulator(folder) as simulator:
        for assignment in FAULTS:
            route, _, spec = assignment.partition("=")
            simulator.faults.set(route, spec)
        commands.send(simulator.url)
        commands.recv()


@contextlib.contextmanager
def http2_simulator_process(folder: Path) -> Iterator[str]:
    """Its URL; its certificate authority is ``folder / "ca.pem"``."""
    spawn = multiprocessing.get_context("spawn")
    ours, theirs = spawn.Pipe()
    process = spawn.Process(target=_serve_http2, args=(theirs, folder), daemon=True)
    process.start()
    try:
        yield ours.recv()
    finally:
        ours.send("stop")
        process.join(10)


# -- the cases -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    list_ms: float
    panel_ms: float
    list_limit: float
    panel_limit: float
    #: Calls of one scan (Enter to panel complete) that waited for a new connection, at most.
    handshakes: int
    #: New connections opened over the line during one scan, for any reason, at most.
    opened: int
    #: The same chains made by a bare client over the same line (:func:`ideal_client`).
    bare_list: float = 0.0
    bare_panel: float = 0.0


#: Times the window is drawn to time one drawing.
DRAWINGS = 30


def drawing_times(window: QWidget) -> list[float]:
    """Milliseconds to draw the whole window as it is, each of :data:`DRAWINGS` times: what
    the screen costs on this machine once the answers are in, whatever the calls did."""
    taken = []
    for _run in range(DRAWINGS):
        started = time.perf_counter()
        window.grab()
        taken.append((time.perf_counter() - started) * 1000)
    return taken


async def naive_scan(url: str, card: str) -> float:
    """The same calls one after the other, over a new connection: time to the rewards."""
    headers = {"Authorization": f"Bearer {demo.DEMO_PIGGY_TOKEN}", "Accept": "application/json"}
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=f"{url}/api/v3/oauth/clients", headers=headers) as c:
        params = {"contact_identifier_value": card}
        found = (await c.get("/contact-identifiers/find", params=params)).json()
        uuid = found["data"]["contact"]["uuid"]
        await c.get(f"/contacts/{uuid}")
        await c.get("/collectable-rewards", params={"contact_uuid": uuid})
    return (time.perf_counter() - started) * 1000


#: What each call of a scan is, by its path: the names the limits are made of.
CALLS = (
    ("contact-identifiers/find", "identifier"),
    ("/contacts/", "contact"),
    ("collectable-rewards", "rewards"),
    ("collection-challenges", "giftoin"),
    ("/admin/users/", "nudj user"),
)


@dataclass
class Recorder:
    """Every request the app's clients send (to replay them), and how many of those calls
    (not the keep-warm rounds' HEADs) opened a connection of their own."""

    sent: list[httpx.Request]
    waited_for_handshake: int = 0


def record_requests(clients: ApiClients) -> Recorder:
    """What the app's clients send from now on."""
    recorder = Recorder([])

    async def trace(event: str, _info: dict[str, object]) -> None:
        if event == "connection.connect_tcp.started":
            recorder.waited_for_handshake += 1

    async def hook(request: httpx.Request) -> None:
        recorder.sent.append(request)
        if request.method != "HEAD":
            request.extensions["trace"] = trace

    for client in (clients.piggy, clients.giftoin, clients.nudj):
        if client is not None:
            # The benchmark looks inside: the app has no use for a request hook.
            client._transport._client.event_hooks["request"].append(hook)
    return recorder


def call_name(request: httpx.Request) -> str | None:
    """The :data:`CALLS` name of a request the app sent (None: not one the limits use)."""
    return next((name for part, name in CALLS if part in request.url.path), None)


def replay_headers(request: httpx.Request) -> dict[str, str]:
    """The request's headers, to send it again elsewhere (the host is the new one's)."""
    return {k: v for k, v in request.headers.items() if k.lower() != "host"}


async def server_times(sim_url: str, sent: list[httpx.Request], runs: int) -> dict[str, float]:
    """Each kind of call the app made, sent again by a bare client straight to the
    simulator (no line, connection open): median milliseconds, by :data:`CALLS` name."""
    times: dict[str, float] = {}
    async with httpx.AsyncClient(base_url=sim_url) as bare:
        for request in sent:
            name = call_name(request)
            if name is None or name in times:
                continue
            url = sim_url + request.url.raw_path.decode()
            headers = replay_headers(request)
            # The connection open first; a customer a program does not know is not timed.
            if (await bare.get(url, headers=headers)).is_error:
                continue
            taken = []
            for _run in range(runs):
                started = time.perf_counter()
                (await bare.get(url, headers=headers)).raise_for_status()
                taken.append((time.perf_counter() - started) * 1000)
            times[name] = statistics.median(taken)
    return times


async def ideal_client(
    sent: list[httpx.Request], runs: int, *, http2: bool = False
) -> tuple[float, ...]:
    """The chains of the limits, made by a bare client over the same line: what the line
    and the server allow (jitter, three calls at once at the server), with no app around
    the calls. Connections open; median ms of each of (first list, first panel, known
    list, known panel). ``http2``: offered as the app's clients offer it."""
    calls: dict[str, httpx.Request] = {}
    for request in sent:
        name = call_name(request)
        if name is not None:
            calls[name] = request  # the last: the card the cases scanned (not the empty one)

    limits = httpx.Limits(max_keepalive_connections=10)
    async with httpx.AsyncClient(limits=limits, http2=http2) as bare:

        async def call(name: str) -> float:
            request = calls[name]
            (await bare.get(request.url, headers=replay_headers(request))).raise_for_status()
            return time.perf_counter()

        async def programs() -> float:
            return max(await asyncio.gather(call("giftoin"), call("nudj user")))

        async def first(started: float) -> tuple[float, float]:
            await call("identifier")
            contact = asyncio.ensure_future(call("contact"))
            rewards = asyncio.ensure_future(call("rewards"))
            known_at = await contact
            panel = asyncio.ensure_future(programs())
            return max(known_at, await rewards) - started, await panel - started

        async def known(started: float) -> tuple[float, float]:
            # All three at once; the programs when identifier and contact agree.
            rewards = asyncio.ensure_future(call("rewards"))
            confirmed = max(await asyncio.gather(call("identifier"), call("contact")))
            panel = asyncio.ensure_future(programs())
            return max(confirmed, await rewards) - started, await panel - started

        await asyncio.gather(*(call(n) for n in calls))  # open the connections first
        figures: list[tuple[float, float, float, float]] = []
        for _run in range(runs):
            first_list, first_panel = await first(time.perf_counter())
            known_list, known_panel = await known(time.perf_counter())
            figures.append((first_list, first_panel, known_list, known_panel))
    return tuple(statistics.median(f[i] for f in figures) * 1000 for i in range(4))


async def measure(
    sim_url: str, line: LineHandle, rtt_ms: float, runs: int, folder: Path, *, http2: bool
) -> tuple[list[Case], dict[str, float], float, float]:
    url = f"https://127.0.0.1:{line.port}"
    settings = simulator_settings(
        url,
        folder / "data",
        giftoin_platform=demo.GIFTOIN_PLATFORM,
        giftoin_user_attribute=demo.GIFTOIN_USER_ATTRIBUTE,
        nudj_user_id_source="uuid",
    )
    clients = build_clients(settings, demo_secrets())
    recorder = record_requests(clients)
    sent = recorder.sent
    window, journal = await open_window(settings, clients, 1280, 800)
    # As the app does beside its window (pos_app/ui/app.py run_window).
    keeping = asyncio.ensure_future(clients.keep_warm())
    shown = asyncio.Event()
    panel = asyncio.Event()
    window.customerShown.connect(lambda _uuid: shown.set())
    window.progress_panel.finished.connect(panel.set)

    opened_in_scans: list[int] = []
    waited_in_scans: list[int] = []

    async def scan(
        card: str, *, typed: bool, drawn: list[float] | None = None
    ) -> tuple[float, float]:
        # Another customer in between, so that list and panel are made again.
        window.search_input.setText(demo.CARD_EMPTY)
        window.search_input.returnPressed.emit()
        await until(lambda: not window.tasks.pending)
        shown.clear()
        panel.clear()
        window.search_input.clear()
        window.search_input.setFocus()
        if typed:  # a scanner types: the first keystroke comes before the rest
            QTest.keyClicks(window.search_input, card[0])
            await asyncio.sleep(SCANNER_TYPING_S)
            QTest.keyClicks(window.search_input, card[1:])
        else:
            window.search_input.setText(card)
        before, waited = line.connections(), recorder.waited_for_handshake
        started = time.perf_counter()  # from Enter, as the other benchmarks
        QTest.keyClick(window.search_input, Qt.Key.Key_Return)
        await shown.wait()
        list_ms = (time.perf_counter() - started) * 1000
        if drawn is not None:  # the window as the list came, the side panel still loading
            drawn += drawing_times(window)
        await panel.wait()
        panel_ms = (time.perf_counter() - started) * 1000
        opened_in_scans.append(line.connections() - before)
        waited_in_scans.append(recorder.waited_for_handshake - waited)
        await until(lambda: not window.tasks.pending)
        return list_ms, panel_ms

    async def repeat(
        prepare: Callable[[], Awaitable[None]], typed: bool
    ) -> tuple[float, float, int, int]:
        lists, panels = [], []
        opened_in_scans.clear()
        waited_in_scans.clear()
        for _run in range(runs):
            await prepare()
            list_ms, panel_ms = await scan(demo.CARD_MAIN, typed=typed)
            lists.append(list_ms)
            panels.append(panel_ms)
        return (
            statistics.median(lists),
            statistics.median(panels),
            max(waited_in_scans),
            max(opened_in_scans),
        )

    async def forget() -> None:
        window.counter.forget_cards()

    async def idle() -> None:
        # Minutes without a customer: the server closed the idle connections, and the
        # app had its next look at them since.
        window.counter.forget_cards()
        line.close_connections()
        await asyncio.sleep(KEEP_WARM_INTERVAL + 1)

    async def nothing() -> None:
        return None

    try:
        await until(lambda: not window.tasks.pending)
        await scan(demo.CARD_MAIN, typed=False)  # connections open, catalogue cached
        server = await server_times(sim_url, sent, runs)
        # A call costs one RTT plus the server's time; the rewards wait for the identifier
        # (the contact goes beside them), the programs for the contact.
        identifier, contact, rewards = (server[n] for n in ("identifier", "contact", "rewards"))
        programs = rtt_ms + max(server["giftoin"], server["nudj user"])
        first_list = 2 * rtt_ms + identifier + max(contact, rewards)
        first_panel = 2 * rtt_ms + identifier + contact + programs
        # A card seen before: all three side by side, checked against each other.
        known_list = rtt_ms + max(identifier, contact, rewards)
        known_panel = rtt_ms + max(identifier, contact) + programs
        window.progress.catalogue.invalidate()
        cases = []

        def case(
            name: str, got: tuple[float, float, int, int], limits: tuple[float, float]
        ) -> Case:
            list_ms, panel_ms, handshakes, opened = got
            return Case(name, list_ms, panel_ms, *limits, handshakes, opened)

        warm = await repeat(forget, typed=False)
        cases.append(case("first scan, connections open", warm, (first_list, first_panel)))
        after_idle = await repeat(idle, typed=True)
        cases.append(case("first scan after idle minutes", after_idle, (first_list, first_panel)))
        await scan(demo.CARD_MAIN, typed=False)  # this counter now knows the card
        known = await repeat(nothing, typed=False)
        cases.append(case("card seen before", known, (known_list, known_panel)))
        drawn: list[float] = []
        await scan(demo.CARD_MAIN, typed=False, drawn=drawn)  # not one of the figures
        naive = statistics.median([await naive_scan(url, demo.CARD_MAIN) for _ in range(runs)])
        first_bare, first_bare_panel, known_bare, known_bare_panel = await ideal_client(
            sent, runs, http2=http2
        )
        bare = ((first_bare, first_bare_panel),) * 2 + ((known_bare, known_bare_panel),)
        cases = [
            dataclasses.replace(case, bare_list=lst, bare_panel=panel)
            for case, (lst, panel) in zip(cases, bare, strict=True)
        ]
        pictures = window.pictures.stats
        print(f"pictures: {pictures.downloads} downloaded, {pictures.failures} failed")
    finally:
        keeping.cancel()
        await asyncio.gather(keeping, return_exceptions=True)
        await close_window(window, journal, clients)
    return cases, server, naive, statistics.median(drawn)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rtt", type=float, default=30.0, help="round trip time, ms")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--http2",
        action="store_true",
        help="the vendor offers HTTP/2: the simulator served over TLS by hypercorn",
    )
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pos-app-line-")))
        if args.http2:
            _plain, runner = stack.enter_context(app_and_simulator(FAULTS))
            url = stack.enter_context(http2_simulator_process(folder))
            ca = folder / "ca.pem"
        else:
            ca, cert, key = make_certificate(folder)
            options = ("--tls", str(cert), str(key))
            url, runner = stack.enter_context(app_and_simulator(FAULTS, options))
        os.environ["SSL_CERT_FILE"] = str(ca)  # the app trusts the throw-away CA, this run only
        host, port = url.split("://")[1].split(":")
        print(
            f"TLS over a {args.rtt:.0f} ms RTT line (±20% jitter, one RTT per TCP handshake), "
            f"{'HTTP/2 offered' if args.http2 else 'HTTP/1.1'}; the simulator waits "
            f"{SERVER_MS} ms a Piggy call, {PROGRAM_MS} ms a Giftoin or Nudj call; "
            f"median of {args.runs} runs"
        )
        line = stack.enter_context(line_process((host, int(port)), args.rtt))
        measuring = measure(url, line, args.rtt, args.runs, folder, http2=args.http2)
        cases, server, naive, drawing = runner.run(measuring)
    print(
        "server time a call (bare client, no line): "
        + ", ".join(f"{name} {ms:.1f} ms" for name, ms in server.items())
    )
    print(
        f"{'case':<30} {'list':>8} {'limit':>6} {'ratio':>6} {'bare':>6}   "
        f"{'panel':>8} {'limit':>6} {'ratio':>6} {'bare':>6}  {'handshakes':>10} {'opened':>6}"
    )
    for case in cases:
        print(
            f"{case.name:<30} {case.list_ms:6.1f}ms {case.list_limit:4.0f}ms "
            f"{case.list_ms / case.list_limit:5.2f}× {case.bare_list:4.0f}ms   "
            f"{case.panel_ms:6.1f}ms {case.panel_limit:4.0f}ms "
            f"{case.panel_ms / case.panel_limit:5.2f}× {case.bare_panel:4.0f}ms  "
            f"{case.handshakes:>10} {case.opened:>6}"
        )
    print(
        "handshakes: calls of one scan that waited for a new connection; opened: new "
        "connections over the line during one scan, background ones included (at most)"
    )
    print(
        "bare: the same chains of calls made by a bare client over the same line, "
        "connections open (what the line's jitter and the server allow with no app around "
        "the calls)"
    )
    print(
        f"naive client (the same calls one after another, a new connection per scan): "
        f"{naive:.1f} ms to the rewards"
    )
    floors = ", ".join(
        f"{case.name} {(case.bare_list + drawing) / case.list_limit:.2f}×" for case in cases
    )
    print(
        f"drawing the window as the list comes (QWidget.grab of it whole, median of "
        f"{DRAWINGS}): {drawing:.1f} ms; bare client plus one such drawing, against the "
        f"limit: {floors}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
