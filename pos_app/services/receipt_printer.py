"""Pickup slips straight on ESC/POS receipt printers, through python-escpos.

What a slip says is :class:`~pos_app.services.slips.PickupSlip`'s; the UI turns it into
the lines of a :class:`ReceiptText` in the shop's language (the same lines the drawn
receipt shows), and :func:`write_slip` sends them as ESC/POS: text in one code page, the
code as the printer's own QR command (or as a picture for printers without one), a cut.
:func:`print_receipt` opens the printer the ``escpos_printer`` setting names
(:class:`PrinterAddress`: network port 9100, USB, serial, or a raw queue of CUPS or the
Windows spooler), asks it for its status where it answers, prints and closes it. It blocks:
the UI runs it on a worker thread. Every failure is a :class:`ReceiptPrinterError` whose
:class:`PrinterProblem` the UI says in shop words; the hand-over itself is never touched.

**Columns.** Laid out in the printer's Font A, its default and the one a customer reads
without effort: 32 columns on 58 mm paper (384 dots at 203 dpi, 12 dots a character) and
48 on 80 mm (576 dots). The 42 columns often quoted for 58 mm hold only in Font B (9
dots a character, about 1.1 mm), too small for a slip kept for weeks; Epson's TM-T88 line
prints 80 mm at 180 dpi, 42 columns in Font A, which :attr:`ReceiptPaper.MM80_42` is for.

**Code page.** Text is sent in code page 850 (``ESC t 2``), which every ESC/POS printer
profile python-escpos knows has at that number, cheap 58 mm printers included. It holds
every letter of Dutch and German names (ä ö ü ß é ë ï ç …); a letter outside it is sent
without its accent ("Łukasz" as "Lukasz") rather than as "?".

Size: the slip's ESC/POS layout, the printer connections and the status answers are one
path from a slip to paper; the slip's text itself comes from :mod:`pos_app.services.slips`.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import io
import logging
import os
import re
import shutil
import socket
import sys
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from escpos.escpos import Escpos

__all__ = [
    "CODE_PAGE",
    "ConnectionKind",
    "PrinterAddress",
    "PrinterProblem",
    "ReceiptPaper",
    "ReceiptPrinterError",
    "ReceiptText",
    "columns_of",
    "open_printer",
    "print_receipt",
    "printer_status",
    "write_slip",
]

log = logging.getLogger(__name__)

#: The code page of the slip's text: python-escpos's name, and its ``ESC t`` number.
CODE_PAGE = "CP850"
CODE_PAGE_NUMBER = 2
#: Seconds a printer may take to answer a status query before it counts as one that
#: does not answer them (many do not; then the slip is printed without knowing).
STATUS_TIMEOUT = 1.0
#: Seconds to reach a printer and to hand it the slip.
DEFAULT_TIMEOUT = 5.0
NETWORK_PORT = 9100


class ReceiptPaper(StrEnum):
    """The paper of an ESC/POS printer, and so the slip's width in characters."""

    #: 58 mm paper, 48 mm printed: 32 columns in Font A.
    MM58 = "58mm"
    #: 80 mm paper at 203 dpi, 72 mm printed: 48 columns in Font A.
    MM80 = "80mm"
    #: 80 mm paper at 180 dpi (Epson TM-T88 and the like): 42 columns in Font A.
    MM80_42 = "80mm_42col"


#: Columns and printable dots of each paper.
_WIDTHS: dict[ReceiptPaper, tuple[int, int]] = {
    ReceiptPaper.MM58: (32, 384),
    ReceiptPaper.MM80: (48, 576),
    ReceiptPaper.MM80_42: (42, 512),
}
#: Dots per QR module: about 1 mm per module on 80 mm, 0.75 mm on 58 mm.
_QR_MODULE_DOTS = {ReceiptPaper.MM58: 6, ReceiptPaper.MM80: 8, ReceiptPaper.MM80_42: 7}


def columns_of(paper: ReceiptPaper) -> int:
    return _WIDTHS[paper][0]


class ConnectionKind(StrEnum):
    NETWORK = "tcp"
    USB = "usb"
    SERIAL = "serial"
    #: A raw print queue: CUPS (``lp -o raw``) or the Windows spooler (RAW data type).
    QUEUE = "queue"


_HOST_PORT = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[^:/?#\s\[\]]+)(?::(?P<port>\d{1,5}))?$")
_USB_IDS = re.compile(r"^(?:0x)?(?P<vendor>[0-9A-Fa-f]{1,4}):(?:0x)?(?P<product>[0-9A-Fa-f]{1,4})$")


@dataclass(frozen=True)
class PrinterAddress:
    """Where an ESC/POS printer is, as the ``escpos_printer`` setting says it.

    ``tcp://HOST[:PORT]`` (or just ``HOST[:PORT]``; port 9100 by default),
    ``usb://VENDOR:PRODUCT`` (the USB ids in hex, e.g. ``usb://04b8:0202``),
    ``serial://DEVICE[?baudrate=N]`` (``serial:///dev/ttyUSB0``, ``serial://COM3``;
    9600 baud by default), ``queue://NAME`` (a raw queue of CUPS or of Windows).
    """

    kind: ConnectionKind
    host: str = ""
    port: int = NETWORK_PORT
    vendor_id: int = 0
    product_id: int = 0
    device: str = ""
    baudrate: int = 9600
    queue: str = ""

    @classmethod
    def parse(cls, text: str) -> PrinterAddress:
        """The address in ``text``; ValueError with a message fit for a person."""
        value = text.strip()
        scheme, sep, rest = value.partition("://")
        if not sep:
            scheme, rest = ConnectionKind.NETWORK.value, value
        scheme = scheme.lower()
        if scheme == ConnectionKind.NETWORK:
            match = _HOST_PORT.match(rest.rstrip("/"))
            port = int(match["port"]) if match and match["port"] else NETWORK_PORT
            if match is None or not 0 < port < 65536:
                raise ValueError("a network printer is HOST or HOST:PORT, e.g. 192.168.1.50:9100")
            return cls(ConnectionKind.NETWORK, host=match["host"].strip("[]"), port=port)
        if scheme == ConnectionKind.USB:
            match = _USB_IDS.match(rest.rstrip("/"))
            if match is None:
                raise ValueError("a USB printer is usb://VENDOR:PRODUCT, e.g. usb://04b8:0202")
            return cls(
                ConnectionKind.USB,
                vendor_id=int(match["vendor"], 16),
                product_id=int(match["product"], 16),
            )
        if scheme == ConnectionKind.SERIAL:
            device, _, query = rest.partition("?")
            baudrate = 9600
            for part in filter(None, query.split("&")):
                name, _, number = part.partition("=")
                if name != "baudrate" or not number.isdigit() or int(number) <= 0:
                    raise ValueError("a serial printer's only option is ?baudrate=N, e.g. 19200")
                baudrate = int(number)
            if not device:
                raise ValueError("a serial printer is serial://DEVICE, e.g. serial:///dev/ttyUSB0")
            return cls(ConnectionKind.SERIAL, device=device, baudrate=baudrate)
        if scheme == ConnectionKind.QUEUE:
            if not rest.strip("/ "):
                raise ValueError("a print queue is queue://NAME, its name on this PC")
            return cls(ConnectionKind.QUEUE, queue=rest.strip("/ "))
        raise ValueError("must start with tcp://, usb://, serial:// or queue://")

    def __str__(self) -> str:
        if self.kind is ConnectionKind.NETWORK:
            host = f"[{self.host}]" if ":" in self.host else self.host
            return f"tcp://{host}:{self.port}"
        if self.kind is ConnectionKind.USB:
            return f"usb://{self.vendor_id:04x}:{self.product_id:04x}"
        if self.kind is ConnectionKind.SERIAL:
            return f"serial://{self.device}?baudrate={self.baudrate}"
        return f"queue://{self.queue}"

    def describe(self) -> str:
        """How a person names this printer: ``192.168.1.50:9100``, ``USB 04b8:0202`` …"""
        if self.kind is ConnectionKind.NETWORK:
            return f"{self.host}:{self.port}"
        if self.kind is ConnectionKind.USB:
            return f"USB {self.vendor_id:04x}:{self.product_id:04x}"
        if self.kind is ConnectionKind.SERIAL:
            return self.device
        return self.queue


@dataclass(frozen=True)
class ReceiptText:
    """The lines of a pickup slip on a receipt, top to bottom, in the shop's language."""

    shop: str
    #: "PICKUP SLIP" (or its reprint).
    kind: str
    when: str
    counter: str
    #: "Customer: …", "Handed over by: …".
    people: tuple[str, ...]
    #: The titles of the rewards handed over.
    items: tuple[str, ...]
    #: The one code of the hand-over: printed as text and as QR code.
    code: str
    note: str


@dataclass(frozen=True)
class ScannerSheetText:
    """The scanner check's test codes on a receipt: what the paper is and what to do."""

    title: str
    note: str
    #: Printed as a Code 128 barcode, as a QR code and as text.
    code: str


class PrinterProblem(StrEnum):
    """Why a slip did not print, in the terms the UI says it in."""

    #: No answer at that address (off, unplugged, wrong address, another network).
    UNREACHABLE = "unreachable"
    #: The USB printer, serial port or print queue is not on this PC.
    NOT_FOUND = "not_found"
    #: The PC does not let the app use the device (USB or serial permissions).
    NO_PERMISSION = "no_permission"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    #: The printer says it is offline, without saying why.
    OFFLINE = "offline"
    #: The connection broke or timed out while the slip was being sent.
    INTERRUPTED = "interrupted"
    #: What a USB printer needs is missing on this PC (libusb).
    NO_USB_SUPPORT = "no_usb_support"


class ReceiptPrinterError(Exception):
    """A slip that did not print (or may have printed only in part)."""

    def __init__(
        self,
        problem: PrinterProblem,
        address: PrinterAddress,
        detail: str = "",
        *,
        after_sending: bool = False,
    ) -> None:
        super().__init__(f"{address.describe()}: {problem.value}{': ' + detail if detail else ''}")
        self.problem = problem
        self.address = address
        self.detail = detail
        #: Found once the slip had been sent: part of it (or all) may have printed.
        self.after_sending = after_sending


# -- the ESC/POS stream ----------------------------------------------------------------------

#: Letters outside the code page that have a plain look-alike (NFKD does not split them).
_PLAIN = str.maketrans(
    {
        "—": "-",
        "–": "-",
        "‘": "'",
        "’": "'",
        "‚": ",",
        "“": '"',
        "”": '"',
        "„": '"',
        "…": "...",
        "•": "*",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "€": "EUR",
        "\u00a0": " ",
    }
)


def _in_code_page(char: str) -> bool:
    try:
        char.encode("cp850")
    except UnicodeEncodeError:
        return False
    return True


def plain_for_printer(text: str) -> str:
    """``text`` with every character the code page lacks replaced by its plain look-alike
    (the letter without its accent), or "?" when it has none."""
    out: list[str] = []
    for char in text.translate(_PLAIN):
        if _in_code_page(char):
            out.append(char)
            continue
        base = "".join(
            part
            for part in unicodedata.normalize("NFKD", char)
            if not unicodedata.combining(part) and _in_code_page(part)
        )
        out.append(base or "?")
    return "".join(out)


def _wrap(text: str, width: int) -> list[str]:
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)
    return lines or [""]


def _profile(paper: ReceiptPaper) -> Any:
    """python-escpos's default printer profile, told the paper's columns and dots (the
    picture of a QR code is centred on them)."""
    from escpos.capabilities import Profile, get_profile_class

    base = get_profile_class("default").profile_data
    columns, dots = _WIDTHS[paper]
    data = {
        **base,
        "media": {"dpi": 203, "width": {"pixels": dots, "mm": "Unknown"}},
        "fonts": {"0": {"name": "Font A", "columns": columns}},
    }
    profile_class = type("PickupSlipProfile", (Profile,), {"profile_data": data})
    return profile_class(columns=columns, features=dict(base["features"]))


def write_slip(
    printer: Escpos, text: ReceiptText, paper: ReceiptPaper, *, native_qr: bool = True
) -> None:
    """Send the slip to ``printer``: reset (``ESC @``), code page, the lines, the QR code
    (the printer's ``GS ( k`` or, not ``native_qr``, a raster picture), a full cut."""
    from escpos.constants import QR_ECLEVEL_M

    width = columns_of(paper)
    rule = "-" * width

    def lines(value: str, *, centre: bool = False, bold: bool = False, tall: bool = False) -> None:
        printer.set(align="center" if centre else "left", bold=bold, double_height=tall,
                    normal_textsize=not tall)  # fmt: skip
        for line in _wrap(plain_for_printer(value), width):
            printer.textln(line)

    printer.hw("INIT")
    printer.charcode(CODE_PAGE)
    lines(text.shop, centre=True, bold=True, tall=True)
    lines(text.kind, centre=True, bold=True)
    lines(text.when, centre=True)
    lines(text.counter, centre=True)
    lines(rule)
    for line in text.people:
        lines(line)
    lines(rule)
    for title in text.items:
        lines(title, bold=True)
    lines(rule)
    printer.set(align="center", bold=False, normal_textsize=True)
    if native_qr:
        printer.qr(text.code, ec=QR_ECLEVEL_M, size=_QR_MODULE_DOTS[paper], native=True)
        printer.ln()
    else:
        printer.qr(
            text.code,
            ec=QR_ECLEVEL_M,
            size=_QR_MODULE_DOTS[paper],
            native=False,
            image_arguments={"center": True},
        )
    # The code in double width: 11 characters fit 16 columns on 58 mm paper.
    printer.set(align="center", bold=True, double_width=True)
    printer.textln(plain_for_printer(text.code))
    lines(rule)
    lines(text.note, centre=True)
    printer.cut()


#: Light modules each side of a Code 128 barcode.
BARCODE_QUIET_MODULES = 10
#: The thinnest bar python-escpos lets a printer draw (``GS w 2``): 0.25 mm at 203 dpi,
#: which every scanner reads.
_BARCODE_MODULE_DOTS = 2
#: A barcode printed along the paper as a picture: 0.375 mm a bar, 30 mm long bars.
_LENGTHWISE_MODULE_DOTS = 3
_LENGTHWISE_BAR_DOTS = 240
#: Code 128's code-set switches by code set: the value that switches to another set.
_CODE_SWITCHES = {"A": {99: "C", 100: "B"}, "B": {99: "C", 101: "A"}, "C": {100: "B", 101: "A"}}


def code128_data(code: str) -> str:
    """``code`` as ESC/POS Code 128 data (``GS k`` 73): python-barcode's choice of code
    sets (B for text, C for runs of digits, which take half the width), each switch sent
    as ``{A``, ``{B`` or ``{C`` and a brace as ``{{``."""
    import barcode

    values: list[int] = barcode.Code128(code).encoded
    current = {103: "A", 104: "B", 105: "C"}[values[0]]
    out = ["{" + current]
    for value in values[1:]:
        switch = _CODE_SWITCHES[current].get(value)
        if switch is not None:
            current = switch
            out.append("{" + current)
        elif current == "C" and value < 100:
            out.append(chr(value))
        elif current != "C" and value < 96:
            char = chr(value - 64) if current == "A" and value >= 64 else chr(value + 32)
            out.append("{{" if char == "{" else char)
        else:
            raise ValueError(f"{code!r}: a Code 128 function the test codes do not use")
    return "".join(out)


def _lengthwise_barcode(modules: str) -> Any:
    """A Code 128 barcode turned along the paper, as a picture (Pillow): for 58 mm paper,
    across which the printer cannot draw the test code's bars thick enough."""
    from PIL import Image

    quiet = "0" * BARCODE_QUIET_MODULES
    rows = [
        (b"\x00" if module == "1" else b"\xff") * _LENGTHWISE_BAR_DOTS
        for module in quiet + modules + quiet
        for _ in range(_LENGTHWISE_MODULE_DOTS)
    ]
    return Image.frombytes("L", (_LENGTHWISE_BAR_DOTS, len(rows)), b"".join(rows))


def write_scanner_sheet(
    printer: Escpos, text: ScannerSheetText, paper: ReceiptPaper, *, native_qr: bool = True
) -> None:
    """The scanner check's test codes for laser scanners, which read no screen: the code
    as a Code 128 barcode the printer draws (``GS k``; along the paper as a picture where
    it is too long to go across), as a QR code and as text; a full cut."""
    import barcode
    from escpos.constants import QR_ECLEVEL_M

    width = columns_of(paper)
    printer.hw("INIT")
    printer.charcode(CODE_PAGE)
    for value, bold in ((text.title, True), (text.note, False)):
        printer.set(align="center", bold=bold, normal_textsize=True)
        for line in _wrap(plain_for_printer(value), width):
            printer.textln(line)
    printer.textln("-" * width)
    modules: str = barcode.Code128(text.code).build()[0]
    across = (len(modules) + 2 * BARCODE_QUIET_MODULES) * _BARCODE_MODULE_DOTS
    if across <= _WIDTHS[paper][1]:
        # WORKAROUND: python-escpos 3.1's barcode() prints "Using hardware barcode renderer"
        # on standard output, where the command line's own output goes.
        with contextlib.redirect_stdout(io.StringIO()):
            printer.barcode(
                code128_data(text.code),
                "CODE128",
                height=80,
                width=_BARCODE_MODULE_DOTS,
                pos="OFF",
                align_ct=True,
                function_type="B",
            )
        printer.ln()
    else:
        printer.image(_lengthwise_barcode(modules), center=True)
    printer.set(align="center", bold=True, normal_textsize=True)
    printer.textln(plain_for_printer(text.code))
    printer.textln("-" * width)
    printer.set(align="center", bold=False, normal_textsize=True)
    size = _QR_MODULE_DOTS[paper]
    if native_qr:
        printer.qr(text.code, ec=QR_ECLEVEL_M, size=size, native=True)
        printer.ln()
    else:
        printer.qr(
            text.code, ec=QR_ECLEVEL_M, size=size, native=False, image_arguments={"center": True}
        )
    printer.cut()


# -- the printers ----------------------------------------------------------------------------


@functools.cache
def _prepare_library() -> None:
    """WORKAROUND: python-escpos parses its printer database on import and keeps it as a
    pickle in a new temporary folder each time, never removed (one a process); and a
    shared folder would let one process read another's half-written pickle. So each
    process gets its own folder, removed at exit: the database (0.3 s) is parsed once per
    start, on the first slip, on the printing thread."""
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="pos-app-escpos-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = folder


def _usb_backend() -> dict[str, Any]:
    """pyusb's libusb 1.0 backend, found where the PC's system keeps libusb.

    WORKAROUND: in the bundle, PyInstaller's runtime hook for pyusb looks for libusb only
    inside the bundle unless pyusb is told how to find it; libusb belongs to the PC's
    system (like CUPS), so it is found the system's way. Empty when the PC has none: pyusb
    then says "No backend available", which is said as such.
    """
    import ctypes.util

    import usb.backend.libusb1

    backend = usb.backend.libusb1.get_backend(find_library=ctypes.util.find_library)
    return {"backend": backend} if backend is not None else {}


@functools.cache
def _network_class() -> type[Escpos]:
    from escpos.exceptions import DeviceNotFoundError
    from escpos.printer import Network

    class ClosingNetwork(Network):  # type: ignore[misc]
        """WORKAROUND: python-escpos 3.1's ``Network.open()`` leaves the socket open when
        the printer cannot be reached (one file descriptor lost per try)."""

        _device: Any

        def open(self, raise_not_found: bool = True) -> None:
            self.close()
            try:
                self._device = socket.create_connection((self.host, self.port), self.timeout)
            except OSError as exc:
                self._device = None
                raise DeviceNotFoundError(f"Could not open socket for {self.host}: {exc}") from exc

    return ClosingNetwork


def open_printer(
    address: PrinterAddress, paper: ReceiptPaper, *, timeout: float = DEFAULT_TIMEOUT
) -> Escpos:
    """python-escpos's printer for ``address`` (not connected yet: that happens on the
    first byte, or on :meth:`open`)."""
    _prepare_library()
    profile = _profile(paper)
    if address.kind is ConnectionKind.NETWORK:
        return _network_class()(address.host, port=address.port, timeout=timeout, profile=profile)
    if address.kind is ConnectionKind.USB:
        from escpos.printer import Usb

        # pyusb counts in milliseconds; python-escpos's default (0) would wait forever.
        return Usb(
            address.vendor_id,
            address.product_id,
            usb_args=_usb_backend(),
            timeout=int(timeout * 1000),
            profile=profile,
        )
    if address.kind is ConnectionKind.SERIAL:
        from escpos.printer import Serial

        return Serial(
            address.device,
            baudrate=address.baudrate,
            timeout=timeout,
            dsrdtr=False,
            profile=profile,
        )
    if sys.platform == "win32":
        from escpos.printer import Win32Raw

        return Win32Raw(address.queue, profile=profile)
    from escpos.printer import LP

    return LP(address.queue, profile=profile)


#: DLE EOT n, the real-time status queries: 1 the printer, 2 why it is offline, 4 the roll.
_STATUS_PRINTER = b"\x10\x04\x01"
_STATUS_OFFLINE = b"\x10\x04\x02"
_STATUS_PAPER = b"\x10\x04\x04"


def printer_status(printer: Escpos) -> PrinterProblem | None:
    """Ask the printer (DLE EOT) whether it can print: None when it says it can, or when
    it does not answer (a status query is not every printer's; then nothing is known)."""
    return _ask_status(printer)[1]


def _ask_status(printer: Escpos) -> tuple[bool, PrinterProblem | None]:
    """Whether the printer answered, and what keeps it from printing."""
    try:
        status = printer.query_status(_STATUS_PRINTER)
        if not status:  # a serial port's read that timed out
            return False, None
        if not status[0] & 0x08:  # online
            return True, None
        cause = printer.query_status(_STATUS_OFFLINE)
        roll = printer.query_status(_STATUS_PAPER)
    except (TimeoutError, NotImplementedError):
        return False, None
    except OSError as exc:
        log.info("The receipt printer answered no status: %s", exc)
        return False, None
    if roll and roll[0] & 0x60:
        return True, PrinterProblem.PAPER_OUT
    if cause and cause[0] & 0x04:
        return True, PrinterProblem.COVER_OPEN
    if cause and cause[0] & 0x20:
        return True, PrinterProblem.PAPER_OUT
    return True, PrinterProblem.OFFLINE


def _answers_status(address: PrinterAddress) -> bool:
    # USB reads would wait for the whole write timeout on printers that never answer,
    # and a print queue reads nothing back.
    return address.kind in (ConnectionKind.NETWORK, ConnectionKind.SERIAL)


def _status_timeout(printer: Escpos, address: PrinterAddress, seconds: float) -> None:
    device: Any = printer.device
    if address.kind is ConnectionKind.NETWORK:
        device.settimeout(seconds)
    elif address.kind is ConnectionKind.SERIAL:
        device.timeout = seconds


def _problem_of(exc: BaseException, address: PrinterAddress) -> PrinterProblem:
    from escpos.exceptions import DeviceNotFoundError

    text = str(exc).lower()
    if "no backend available" in text:
        return PrinterProblem.NO_USB_SUPPORT
    if isinstance(exc, PermissionError) or "permission denied" in text or "access denied" in text:
        return PrinterProblem.NO_PERMISSION
    if isinstance(exc, DeviceNotFoundError | FileNotFoundError):
        if address.kind is ConnectionKind.NETWORK:
            return PrinterProblem.UNREACHABLE
        return PrinterProblem.NOT_FOUND
    return PrinterProblem.INTERRUPTED


def print_receipt(
    address: PrinterAddress,
    text: ReceiptText,
    paper: ReceiptPaper,
    *,
    native_qr: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    status_timeout: float = STATUS_TIMEOUT,
    printer: Escpos | None = None,
) -> None:
    """Print the slip on the ESC/POS printer at ``address`` (blocking: run it on a worker
    thread). Where the printer answers status queries, a printer out of paper, with its
    cover open or offline gets nothing sent (the slip would come out later, or twice);
    one that ran out during the slip says so after. Raises :class:`ReceiptPrinterError`.

    ``printer``: an already made python-escpos printer for ``address`` (tests).
    """
    _send(
        address,
        paper,
        lambda device: write_slip(device, text, paper, native_qr=native_qr),
        timeout=timeout,
        status_timeout=status_timeout,
        printer=printer,
    )


def print_scanner_sheet(
    address: PrinterAddress,
    text: ScannerSheetText,
    paper: ReceiptPaper,
    *,
    native_qr: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    status_timeout: float = STATUS_TIMEOUT,
) -> None:
    """Print the scanner check's test codes as :func:`print_receipt` prints a slip."""
    _send(
        address,
        paper,
        lambda device: write_scanner_sheet(device, text, paper, native_qr=native_qr),
        timeout=timeout,
        status_timeout=status_timeout,
    )


def _send(
    address: PrinterAddress,
    paper: ReceiptPaper,
    write: Callable[[Escpos], None],
    *,
    timeout: float,
    status_timeout: float,
    printer: Escpos | None = None,
) -> None:
    from escpos.exceptions import Error as EscposError

    device = printer
    try:
        device = device or open_printer(address, paper, timeout=timeout)
        device.open()
        answers = _answers_status(address)
        if answers:
            _status_timeout(device, address, status_timeout)
            answers, problem = _ask_status(device)
            if problem is not None:
                raise ReceiptPrinterError(problem, address)
            _status_timeout(device, address, timeout)
        write(device)
        # Asked again only when it answered before: one that does not is not waited for
        # twice (each wait delays the cashier's next step).
        if answers:
            _status_timeout(device, address, status_timeout)
            problem = _ask_status(device)[1]
            if problem is not None:
                raise ReceiptPrinterError(problem, address, after_sending=True)
    except ReceiptPrinterError:
        raise
    except (OSError, EscposError, ValueError, RuntimeError) as exc:
        # RuntimeError: python-escpos's word for a missing pyusb/pyserial or a CUPS-less PC;
        # ValueError: pyusb's for a device that went away; the rest: the connection.
        raise ReceiptPrinterError(_problem_of(exc, address), address, str(exc)) from exc
    finally:
        if device is not None:
            try:
                device.close()
            except (OSError, EscposError, ValueError, AttributeError) as exc:
                log.info("Closing the receipt printer %s: %s", address.describe(), exc)
