"""ESC/POS in tests: what a receipt printer would make of the bytes it gets, and a
"printer" on 127.0.0.1 that records them.

:func:`decode` reads a byte stream the way a printer does: ``ESC @`` (reset), ``ESC t``
(code page), text in that code page line by line with its style (``ESC !``, ``ESC E``,
``ESC a``, ``GS !``), ``GS ( k`` (QR code: model, size, error correction, store, print),
``GS v 0`` (raster picture), ``GS k`` (a barcode the printer draws, with its height ``GS h``,
module width ``GS w`` and human-readable text ``GS H`` / ``GS f``), ``GS V`` (cut),
``ESC d`` (feed) and ``DLE EOT`` (status query). A command it does not know is an error:
the test sees everything that was sent.

:class:`LoopbackPrinter` is a TCP server (port 9100's role) that keeps each connection's
bytes as one job and answers status queries as it is told: ready, paper out, cover open,
offline, or not at all.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum

ESC, GS, DLE, EOT, LF = 0x1B, 0x1D, 0x10, 0x04, 0x0A
#: ``ESC t n``: the code pages a slip may use, by number (Epson's numbering).
CODE_PAGES = {0: "cp437", 2: "cp850", 16: "cp1252", 19: "cp858"}


class Incomplete(Exception):
    """The bytes end inside a command."""


class DecodeError(Exception):
    """Bytes no ESC/POS printer would accept as sent."""


@dataclass(frozen=True)
class Line:
    text: str
    bold: bool
    align: str
    double_height: bool
    double_width: bool


@dataclass
class QrCode:
    payload: str = ""
    model: int | None = None
    module_size: int | None = None
    error_correction: str | None = None
    printed: bool = False


@dataclass(frozen=True)
class Raster:
    """A ``GS v 0`` picture: ``rows[y][x]`` True where a dot is printed."""

    width: int
    height: int
    rows: tuple[tuple[bool, ...], ...]


#: ``GS k m``: the barcode systems of function B by number.
BARCODE_SYSTEMS = {65: "UPC-A", 66: "UPC-E", 67: "EAN13", 68: "EAN8", 69: "CODE39",
                   70: "ITF", 71: "NW7", 72: "CODE93", 73: "CODE128"}  # fmt: skip


@dataclass(frozen=True)
class Barcode:
    """A ``GS k`` barcode (function B): its system, the data as sent, and the look set
    before it (``GS h`` height in dots, ``GS w`` module width in dots, ``GS H`` text)."""

    system: str
    data: bytes
    height: int | None
    module_width: int | None
    text_position: int | None

    @property
    def text(self) -> str:
        """What a scanner reads: Code 128's data without its code-set switches (``{A``,
        ``{B``, ``{C``; ``{{`` is a brace), code set C's bytes as two digits each."""
        if self.system != "CODE128":
            return self.data.decode("ascii")
        out, code_set, at = [], "", 0
        while at < len(self.data):
            byte = self.data[at]
            if byte == ord("{") and self.data[at + 1 : at + 2] != b"{":
                code_set = chr(self.data[at + 1])
                if code_set not in "ABC":
                    raise DecodeError(f"Code 128 function {{{code_set} in a test code")
                at += 2
                continue
            if byte == ord("{"):
                at += 1  # "{{" is one brace
            if not code_set:
                raise DecodeError("Code 128 data without a code set first")
            out.append(f"{byte:02d}" if code_set == "C" else chr(byte))
            at += 1
        return "".join(out)


@dataclass(frozen=True)
class Cut:
    full: bool


@dataclass(frozen=True)
class StatusQuery:
    kind: int


@dataclass(frozen=True)
class Init:
    pass


@dataclass(frozen=True)
class CodePage:
    number: int


@dataclass
class Receipt:
    """What a printer made of a byte stream, in order (``events``) and by kind."""

    events: list[object] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [e for e in self.events if isinstance(e, Line)]

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]

    @property
    def qr_codes(self) -> list[QrCode]:
        return [e for e in self.events if isinstance(e, QrCode)]

    @property
    def barcodes(self) -> list[Barcode]:
        return [e for e in self.events if isinstance(e, Barcode)]

    @property
    def rasters(self) -> list[Raster]:
        return [e for e in self.events if isinstance(e, Raster)]

    @property
    def cuts(self) -> list[Cut]:
        return [e for e in self.events if isinstance(e, Cut)]

    @property
    def code_pages(self) -> list[int]:
        return [e.number for e in self.events if isinstance(e, CodePage)]

    @property
    def status_queries(self) -> list[int]:
        return [e.kind for e in self.events if isinstance(e, StatusQuery)]


@dataclass
class _State:
    code_page: int = 0
    bold: bool = False
    align: str = "left"
    double_height: bool = False
    double_width: bool = False
    #: The barcode's look by its command letter (GS h, GS w, GS H, GS f).
    barcode: dict[str, int] = field(default_factory=dict)

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]


class Decoder:
    """Decodes a stream fed in pieces (:meth:`feed`); events come out as they end."""

    def __init__(self) -> None:
        self.receipt = Receipt()
        self._buffer = b""
        self._state = _State()
        self._text = bytearray()
        self._qr: QrCode | None = None

    def feed(self, data: bytes) -> list[object]:
        """Decode what ``data`` completes; returns the new events."""
        self._buffer += data
        before = len(self.receipt.events)
        while self._buffer:
            try:
                used = self._command(self._buffer)
            except Incomplete:
                break
            self._buffer = self._buffer[used:]
        return self.receipt.events[before:]

    def finish(self) -> Receipt:
        if self._buffer:
            raise DecodeError(f"the stream ends inside a command: {self._buffer[:20]!r}")
        if self._text:
            self._end_line()
        return self.receipt

    # -- commands ------------------------------------------------------------------------

    def _need(self, data: bytes, count: int) -> None:
        if len(data) < count:
            raise Incomplete

    def _end_line(self) -> None:
        codec = CODE_PAGES.get(self._state.code_page)
        if codec is None:
            raise DecodeError(f"text in code page {self._state.code_page}, which no slip uses")
        s = self._state
        self.receipt.events.append(
            Line(bytes(self._text).decode(codec), s.bold, s.align, s.double_height, s.double_width)
        )
        self._text.clear()

    def _flush_text(self, what: str) -> None:
        # A printer prints a line when it ends; style changes inside one are not used.
        if self._text:
            raise DecodeError(f"{what} in the middle of the line {bytes(self._text)!r}")

    def _command(self, data: bytes) -> int:
        first = data[0]
        if first == LF:
            self._end_line()
            return 1
        if first >= 0x20:
            self._text.append(first)
            return 1
        if first == ESC:
            return self._esc(data)
        if first == GS:
            return self._gs(data)
        if first == DLE:
            self._need(data, 3)
            if data[1] != EOT:
                raise DecodeError(f"unknown DLE command {data[:3]!r}")
            self.receipt.events.append(StatusQuery(data[2]))
            return 3
        raise DecodeError(f"unknown control byte {first:#04x}")

    def _esc(self, data: bytes) -> int:
        self._need(data, 2)
        command = chr(data[1])
        if command == "@":
            self._flush_text("ESC @")
            self._state.reset()
            self.receipt.events.append(Init())
            return 2
        self._need(data, 3)
        value = data[2]
        self._flush_text(f"ESC {command}")
        if command == "t":
            self._state.code_page = value
            self.receipt.events.append(CodePage(value))
        elif command == "!":
            self._state.bold = bool(value & 0x08)
            self._state.double_height = bool(value & 0x10)
            self._state.double_width = bool(value & 0x20)
        elif command == "E":
            self._state.bold = bool(value & 1)
        elif command == "a":
            self._state.align = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center",
                                 50: "right"}[value]  # fmt: skip
        elif command == "d":
            pass  # feed n lines
        elif command in "M-":
            pass  # font, underline
        else:
            raise DecodeError(f"unknown command ESC {command!r}")
        return 3

    def _gs(self, data: bytes) -> int:
        self._need(data, 2)
        command = chr(data[1])
        self._flush_text(f"GS {command}")
        if command == "V":
            self._need(data, 3)
            mode = data[2]
            if mode in (0, 1, 48, 49):
                self.receipt.events.append(Cut(full=mode in (0, 48)))
                return 3
            self._need(data, 4)
            self.receipt.events.append(Cut(full=mode == 65))
            return 4
        if command == "!":
            self._need(data, 3)
            self._state.double_width = bool(data[2] & 0xF0)
            self._state.double_height = bool(data[2] & 0x0F)
            return 3
        if command in "hwHf":
            self._need(data, 3)
            self._state.barcode[command] = data[2]
            return 3
        if command == "k":
            self._need(data, 4)
            system = BARCODE_SYSTEMS.get(data[2])
            if system is None:
                raise DecodeError(f"GS k m = {data[2]}: not a function B barcode")
            length = data[3]
            self._need(data, 4 + length)
            look = self._state.barcode
            code = bytes(data[4 : 4 + length])
            barcode = Barcode(system, code, look.get("h"), look.get("w"), look.get("H"))
            self.receipt.events.append(barcode)
            return 4 + length
        if command == "(":
            self._need(data, 5)
            if chr(data[2]) != "k":
                raise DecodeError(f"unknown command GS ( {chr(data[2])!r}")
            length = data[3] + 256 * data[4]
            self._need(data, 5 + length)
            self._qr_function(data[5 : 5 + length])
            return 5 + length
        if command == "v":
            self._need(data, 8)
            if data[2] != ord("0"):
                raise DecodeError(f"unknown command GS v {data[2]!r}")
            width_bytes = data[4] + 256 * data[5]
            height = data[6] + 256 * data[7]
            size = width_bytes * height
            self._need(data, 8 + size)
            bits = data[8 : 8 + size]
            rows = tuple(
                tuple(
                    bool(bits[y * width_bytes + x // 8] & (0x80 >> (x % 8)))
                    for x in range(width_bytes * 8)
                )
                for y in range(height)
            )
            self.receipt.events.append(Raster(width_bytes * 8, height, rows))
            return 8 + size
        raise DecodeError(f"unknown command GS {command!r}")

    def _qr_function(self, body: bytes) -> None:
        if len(body) < 2 or body[0] != ord("1"):
            raise DecodeError(f"GS ( k for a symbol other than QR: {body[:4]!r}")
        function, args = chr(body[1]), body[2:]
        if self._qr is None:
            self._qr = QrCode()
        qr = self._qr
        if function == "A":
            qr.model = args[0] - 48
        elif function == "C":
            qr.module_size = args[0]
        elif function == "E":
            qr.error_correction = "LMQH"[args[0] - 48]
        elif function == "P":
            if args[:1] != b"0":
                raise DecodeError("QR store without m = 48")
            qr.payload = args[1:].decode("utf-8")
        elif function == "Q":
            if not qr.payload:
                raise DecodeError("QR printed before anything was stored")
            qr.printed = True
            self.receipt.events.append(qr)
            self._qr = None
        else:
            raise DecodeError(f"unknown QR function {function!r}")


def decode(data: bytes) -> Receipt:
    """Everything in ``data``, which must end after a whole command."""
    decoder = Decoder()
    decoder.feed(data)
    return decoder.finish()


# -- a printer on the loopback interface -----------------------------------------------------


class PrinterState(Enum):
    READY = "ready"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    #: Offline without a reason it reports.
    OFFLINE = "offline"
    #: Does not answer status queries at all (as many printers).
    SILENT = "silent"


#: DLE EOT 1 / 2 / 4 answers (fixed bits 1 and 4 set, as the ESC/POS manual has them).
_ANSWERS = {
    PrinterState.READY: {1: 0x12, 2: 0x12, 4: 0x12},
    PrinterState.PAPER_OUT: {1: 0x1A, 2: 0x32, 4: 0x72},
    PrinterState.COVER_OPEN: {1: 0x1A, 2: 0x16, 4: 0x12},
    PrinterState.OFFLINE: {1: 0x1A, 2: 0x12, 4: 0x12},
}


class LoopbackPrinter:
    """An ESC/POS "printer" on 127.0.0.1: ``jobs`` holds the bytes of each connection.

    ``state`` says how it answers status queries (it can be changed between prints).
    ``answered`` counts the queries it answered. ``held``: it takes each connection but
    reads nothing until :meth:`release` (a printer busy with something else); ``connected``
    is set when one came in. Use as a context manager.
    """

    def __init__(self, state: PrinterState = PrinterState.READY, *, held: bool = False) -> None:
        self.state = state
        self.connected = threading.Event()
        self._released = threading.Event()
        if not held:
            self._released.set()
        self.jobs: list[bytes] = []
        self.answered = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._done = threading.Condition()
        self._thread = threading.Thread(target=self._serve, name="loopback-printer", daemon=True)

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def __enter__(self) -> LoopbackPrinter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._server.close()

    def release(self) -> None:
        self._released.set()

    def wait_for_jobs(self, count: int, timeout: float = 10) -> list[bytes]:
        """The first ``count`` jobs, once that many connections have closed."""
        with self._done:
            if not self._done.wait_for(lambda: len(self.jobs) >= count, timeout):
                raise AssertionError(f"{len(self.jobs)} print jobs arrived, {count} expected")
        return self.jobs[:count]

    def receipt(self, number: int = 1) -> Receipt:
        """What the printer made of job ``number`` (1 = the first)."""
        return decode(self.wait_for_jobs(number)[number - 1])

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                self._take(connection)

    def _take(self, connection: socket.socket) -> None:
        self.connected.set()
        while not self._released.wait(0.2):
            if self._stop.is_set():
                return
        connection.settimeout(0.2)
        decoder = Decoder()
        data = bytearray()
        while not self._stop.is_set():
            try:
                chunk = connection.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            for event in decoder.feed(chunk):
                if isinstance(event, StatusQuery) and self.state is not PrinterState.SILENT:
                    connection.sendall(bytes([_ANSWERS[self.state][event.kind]]))
                    self.answered += 1
        with self._done:
            self.jobs.append(bytes(data))
            self._done.notify_all()


@contextmanager
def nothing_listening() -> Iterator[str]:
    """A loopback address where no printer answers: a port just closed."""
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    yield f"tcp://127.0.0.1:{port}"
