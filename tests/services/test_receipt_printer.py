"""Pickup slips on ESC/POS printers: what a printer on 127.0.0.1, a serial port or a USB
printer's byte stream would print, read back with the test's own ESC/POS decoder."""

from __future__ import annotations

import os
import sys
import threading
import tty

import pytest
import qrcode
from escpos.printer import Dummy, Usb

from pos_app.services.receipt_printer import (
    ConnectionKind,
    PrinterAddress,
    PrinterProblem,
    ReceiptPaper,
    ReceiptPrinterError,
    ReceiptText,
    columns_of,
    open_printer,
    print_receipt,
)
from pos_app.services.settings import Settings, SettingsError, load_settings
from tests.helpers.escpos import (
    CodePage,
    Cut,
    Init,
    LoopbackPrinter,
    PrinterState,
    QrCode,
    Raster,
    Receipt,
    StatusQuery,
    decode,
    nothing_listening,
)

TEXT = ReceiptText(
    shop="Bäckerei Groß",
    kind="PICKUP SLIP",
    when="2 Mar 2026, 14:05",
    counter="Counter: Kasse 2",
    people=("Customer: Jürgen M.", "Handed over by: Zoë van Dijk"),
    items=("Coffee mug with a title long enough to wrap on a receipt", "Tea towel"),
    code="PU-7QX3M2KD",
    note="Keep this slip. If you bring an item back, bring the slip too.",
)


def network(printer: LoopbackPrinter) -> PrinterAddress:
    return PrinterAddress.parse(printer.address)


def assert_slip(receipt: Receipt, paper: ReceiptPaper) -> None:
    """The slip's lines, QR code and cut, as a printer would print them."""
    width = columns_of(paper)
    # Status queries come before and after the slip; the slip itself:
    events = [e for e in receipt.events if not isinstance(e, StatusQuery)]
    assert isinstance(events[0], Init)
    assert isinstance(events[1], CodePage)
    assert receipt.code_pages == [2]  # code page 850, before any text
    assert all(len(line.text) <= width for line in receipt.lines)
    texts = receipt.texts
    assert texts[:4] == ["Bäckerei Groß", "PICKUP SLIP", "2 Mar 2026, 14:05", "Counter: Kasse 2"]
    assert receipt.lines[0].bold
    assert receipt.lines[0].double_height
    assert receipt.lines[0].align == "center"
    assert "Customer: Jürgen M." in texts
    assert "Handed over by: Zoë van Dijk" in texts
    rule = "-" * width
    assert texts.count(rule) == 4
    # The titles, bold, wrapped at the paper's width.
    first_title = texts.index(rule, texts.index("Customer: Jürgen M.")) + 1
    titles = receipt.lines[first_title : texts.index(rule, first_title)]
    assert all(line.bold for line in titles)
    assert " ".join(line.text for line in titles) == " ".join(TEXT.items)
    code_line = next(line for line in receipt.lines if line.text == TEXT.code)
    assert code_line.double_width
    assert code_line.align == "center"
    assert "Keep this slip." in " ".join(texts[-3:])
    # The last thing the printer does is cut the paper.
    assert isinstance(events[-1], Cut)
    assert receipt.cuts == [Cut(full=True)]


@pytest.mark.parametrize("paper", list(ReceiptPaper))
def test_a_slip_on_a_network_printer_has_its_lines_qr_code_and_cut(paper: ReceiptPaper) -> None:
    with LoopbackPrinter() as printer:
        print_receipt(network(printer), TEXT, paper)
        receipt = printer.receipt()
    assert_slip(receipt, paper)
    (qr,) = receipt.qr_codes
    assert qr == QrCode(
        payload="PU-7QX3M2KD", model=2, module_size=qr.module_size, error_correction="M",
        printed=True,
    )  # fmt: skip
    assert qr.module_size is not None
    assert 6 <= qr.module_size <= 8
    assert receipt.rasters == []
    # Asked before and after the slip whether the printer can print.
    assert receipt.status_queries[:1] == [1]
    assert printer.answered >= 2


def test_columns_are_font_a_of_the_paper() -> None:
    assert [columns_of(paper) for paper in ReceiptPaper] == [32, 48, 42]
    with LoopbackPrinter() as printer:
        print_receipt(network(printer), TEXT, ReceiptPaper.MM58)
        narrow = printer.receipt(1)
        print_receipt(network(printer), TEXT, ReceiptPaper.MM80)
        wide = printer.receipt(2)
    assert "Coffee mug with a title long" in narrow.texts
    assert "Coffee mug with a title long enough to wrap on a" in wide.texts
    assert max(len(t) for t in narrow.texts) == 32
    assert max(len(t) for t in wide.texts) == 48


def test_dutch_and_german_names_print_in_the_code_page_and_others_without_accents() -> None:
    text = ReceiptText(
        shop="Café 't Hoekje — Groningen",
        kind="PICKUP SLIP",
        when="1 Dec",
        counter="Counter: Kasse Süd",
        people=("Customer: Anaïs Çelik", "Handed over by: Łukasz Ørsted"),
        items=("Fußball-Schal Größe XL", "Kaasschaaf ‘Friese’ Nagelkaas", "Zoë’s “Bräu” × 2"),
        code="PU-ÄÖÜ1",
        note="Bewaar deze bon…",
    )
    with LoopbackPrinter() as printer:
        print_receipt(network(printer), text, ReceiptPaper.MM80)
        receipt = printer.receipt()
    texts = receipt.texts
    assert "Café 't Hoekje - Groningen" in texts
    assert "Counter: Kasse Süd" in texts
    assert "Customer: Anaïs Çelik" in texts
    assert "Handed over by: Lukasz Ørsted" in texts
    assert "Fußball-Schal Größe XL" in texts
    assert "Kaasschaaf 'Friese' Nagelkaas" in texts
    assert 'Zoë\'s "Bräu" × 2' in texts
    assert "Bewaar deze bon..." in texts
    assert not any("?" in line for line in texts)
    # The QR code carries the code as it is (UTF-8), whatever the text's code page.
    assert receipt.qr_codes[0].payload == "PU-ÄÖÜ1"


def test_without_a_qr_command_the_code_is_a_picture_of_the_same_qr_code() -> None:
    with LoopbackPrinter() as printer:
        print_receipt(network(printer), TEXT, ReceiptPaper.MM58, native_qr=False)
        receipt = printer.receipt()
    assert receipt.qr_codes == []
    (picture,) = receipt.rasters
    assert picture.width == 384  # the paper's whole printable width, the code centred
    expected = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    expected.add_data(TEXT.code)
    expected.make(fit=True)
    assert_picture_is(picture, expected.get_matrix())
    assert TEXT.code in receipt.texts
    assert receipt.cuts == [Cut(full=True)]


def assert_picture_is(picture: Raster, matrix: list[list[bool]]) -> None:
    dark = [(x, y) for y, row in enumerate(picture.rows) for x, dot in enumerate(row) if dot]
    left, right = min(x for x, _ in dark), max(x for x, _ in dark)
    top = min(y for _, y in dark)
    module = (right - left + 1) / len(matrix)
    assert module == int(module)
    assert module >= 4
    centre = (left + right + 1) / 2
    assert abs(centre - picture.width / 2) <= module  # centred on the paper
    read = [
        [
            picture.rows[int(top + (r + 0.5) * module)][int(left + (c + 0.5) * module)]
            for c in range(len(matrix))
        ]
        for r in range(len(matrix))
    ]
    assert read == matrix


@pytest.mark.parametrize(
    ("state", "problem"),
    [
        (PrinterState.PAPER_OUT, PrinterProblem.PAPER_OUT),
        (PrinterState.COVER_OPEN, PrinterProblem.COVER_OPEN),
        (PrinterState.OFFLINE, PrinterProblem.OFFLINE),
    ],
)
def test_a_printer_that_says_it_cannot_print_gets_no_slip(
    state: PrinterState, problem: PrinterProblem
) -> None:
    with LoopbackPrinter(state) as printer:
        with pytest.raises(ReceiptPrinterError) as raised:
            print_receipt(network(printer), TEXT, ReceiptPaper.MM80)
        receipt = printer.receipt()
    assert raised.value.problem is problem
    # Only the status was asked: nothing that would print later, or twice.
    assert receipt.lines == []
    assert receipt.qr_codes == []
    assert receipt.cuts == []
    assert receipt.status_queries == [1, 2, 4]


def test_a_printer_that_answers_no_status_still_gets_the_slip() -> None:
    with LoopbackPrinter(PrinterState.SILENT) as printer:
        print_receipt(network(printer), TEXT, ReceiptPaper.MM80, status_timeout=0.2)
        receipt = printer.receipt()
    assert_slip(receipt, ReceiptPaper.MM80)
    assert printer.answered == 0
    # Asked once: a printer that did not answer before the slip is not waited for after it.
    assert receipt.status_queries == [1]


def test_nobody_at_the_address_is_unreachable() -> None:
    with nothing_listening() as address, pytest.raises(ReceiptPrinterError) as raised:
        print_receipt(PrinterAddress.parse(address), TEXT, ReceiptPaper.MM80, timeout=2)
    assert raised.value.problem is PrinterProblem.UNREACHABLE
    assert raised.value.address.describe() == address.removeprefix("tcp://")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_slip_through_a_serial_port() -> None:
    # A pseudo-terminal is a real serial device to pyserial; the test reads its other end.
    controller, device = os.openpty()
    tty.setraw(controller)
    received = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    address = PrinterAddress.parse(f"serial://{os.ttyname(device)}?baudrate=19200")
    try:
        print_receipt(address, TEXT, ReceiptPaper.MM58, status_timeout=0.2)
    finally:
        os.close(device)
        reader.join(5)
        os.close(controller)
    assert_slip(decode(bytes(received)), ReceiptPaper.MM58)


def test_a_serial_port_that_is_not_there() -> None:
    address = PrinterAddress.parse("serial:///dev/no-such-printer-port")
    with pytest.raises(ReceiptPrinterError) as raised:
        print_receipt(address, TEXT, ReceiptPaper.MM58)
    assert raised.value.problem is PrinterProblem.NOT_FOUND


def test_a_usb_printer_gets_the_same_stream() -> None:
    address = PrinterAddress.parse("usb://04b8:0202")
    made = open_printer(address, ReceiptPaper.MM80)
    assert isinstance(made, Usb)
    assert made.usb_args["idVendor"] == 0x04B8
    assert made.usb_args["idProduct"] == 0x0202
    assert made.timeout > 0  # never a write that waits forever
    # Without the printer: python-escpos's dummy stands in for the device.
    dummy = Dummy(profile=made.profile)
    print_receipt(address, TEXT, ReceiptPaper.MM80, printer=dummy)
    assert_slip(decode(dummy.output), ReceiptPaper.MM80)


def test_a_usb_printer_that_is_not_there() -> None:
    address = PrinterAddress.parse("usb://04b8:0202")
    with pytest.raises(ReceiptPrinterError) as raised:
        print_receipt(address, TEXT, ReceiptPaper.MM80)
    # No libusb on the PC, or no such printer on it.
    assert raised.value.problem in (PrinterProblem.NO_USB_SUPPORT, PrinterProblem.NOT_FOUND)


def test_a_print_queue_that_is_not_there() -> None:
    address = PrinterAddress.parse("queue://No such receipt queue")
    with pytest.raises(ReceiptPrinterError) as raised:
        print_receipt(address, TEXT, ReceiptPaper.MM80)
    assert raised.value.problem is PrinterProblem.NOT_FOUND


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("192.168.1.50", "tcp://192.168.1.50:9100"),
        ("tcp://printer.shop.lan:9101", "tcp://printer.shop.lan:9101"),
        ("TCP://[fe80::1]:9100", "tcp://[fe80::1]:9100"),
        ("usb://0x04B8:0x0E15", "usb://04b8:0e15"),
        ("serial:///dev/ttyUSB0", "serial:///dev/ttyUSB0?baudrate=9600"),
        ("serial://COM3?baudrate=19200", "serial://COM3?baudrate=19200"),
        ("queue://Receipts raw", "queue://Receipts raw"),
    ],
)
def test_printer_addresses(text: str, expected: str) -> None:
    address = PrinterAddress.parse(text)
    assert str(address) == expected
    assert PrinterAddress.parse(str(address)) == address


@pytest.mark.parametrize(
    "text",
    ["usb://epson", "tcp://host:99999", "serial://", "serial://COM3?speed=9600", "lpt://1",
     "queue://", "two words:9100"],
)  # fmt: skip
def test_unusable_printer_addresses_say_what_is_expected(text: str) -> None:
    with pytest.raises(ValueError, match=r"e\.g\.|must|NAME|DEVICE"):
        PrinterAddress.parse(text)


def test_the_setting_takes_only_an_address(tmp_path: os.PathLike[str]) -> None:
    settings = Settings().with_overrides(escpos_printer="192.168.1.50", escpos_paper="58mm")
    assert settings.escpos_address == PrinterAddress(ConnectionKind.NETWORK, host="192.168.1.50")
    assert settings.escpos_paper is ReceiptPaper.MM58
    assert Settings().escpos_address is None
    assert Settings().with_overrides(escpos_printer="  ").escpos_address is None
    path = f"{tmp_path}/settings.toml"
    with open(path, "w", encoding="utf-8") as out:
        out.write('escpos_printer = "usb://epson"\n')
    with pytest.raises(SettingsError, match="escpos_printer"):
        load_settings(__import__("pathlib").Path(path), use_environment=False)
