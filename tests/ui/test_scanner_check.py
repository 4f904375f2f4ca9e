"""Test the scanner, in Settings and in the setup flow: what the shop's IT person reads
after scanning the page's test code, with the keys a scanner (or a person) types."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.services.scanner_check import TEST_CODE
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import SlipPaper, load_settings
from pos_app.ui.camera.reader import read_codes
from pos_app.ui.i18n import use_language
from pos_app.ui.setup import SetupDraft
from pos_app.ui.setup.scanner_page import ScannerPage
from pos_app.ui.setup.settings_dialog import SettingsDialog
from pos_app.ui.setup.test_sheet import render_test_sheet
from pos_app.ui.slips.printers import MakePrinter, system_printer
from tests.helpers import wait_until
from tests.helpers.escpos import LoopbackPrinter, Raster, nothing_listening
from tests.helpers.language import english_in, shown_texts
from tests.helpers.printing import PdfPrinters, pdf_text
from tests.helpers.scanner import Scanner
from tests.helpers.ui import delete_widget, dialog_of

FRENCH_PC = "Test)Yqazw,)&é\"'(-è_çà"


async def _settings_dialog(
    tmp_path: Path, *, make_printer: MakePrinter = system_printer, **overrides: object
) -> AsyncIterator[SettingsDialog]:
    config = tmp_path / "settings.toml"
    settings = load_settings(config, use_environment=False).with_overrides(
        data_dir=tmp_path / "data", **overrides
    )
    draft = SetupDraft(
        settings=settings, store=SecretStore(env={}), config_file=config, make_printer=make_printer
    )
    dialog = SettingsDialog(draft)
    dialog.show()
    dialog.activateWindow()
    await wait_until(dialog.isActiveWindow)
    try:
        yield dialog
    finally:
        dialog.close()
        await dialog.tasks.cancel_all()
        await delete_widget(dialog)


@pytest_asyncio.fixture
async def settings_dialog(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[SettingsDialog]:
    async for dialog in _settings_dialog(tmp_path):
        yield dialog


@pytest.fixture
def page(settings_dialog: SettingsDialog) -> ScannerPage:
    """The scanner page shown, its field clicked as the page asks."""
    page = settings_dialog.scanner_page
    settings_dialog.show_page(page)
    assert page.catcher.label.text() == "Click here, then scan the code."
    QTest.mouseClick(page.catcher, Qt.MouseButton.LeftButton)
    assert page.catcher.hasFocus()
    assert page.catcher.label.text() == "Ready: scan the code now."
    return page


def advice_of(page: ScannerPage) -> list[str]:
    return [step.removeprefix("• ") for step in page.advice.text().split("\n\n") if step]


@pytest.mark.asyncio
async def test_a_scanner_set_up_right_is_ready(page: ScannerPage) -> None:
    assert page.code_text.text().endswith(f"\nThe code: {TEST_CODE}")
    assert not page.results.isVisible()
    Scanner(gap_ms=6).type(TEST_CODE)
    assert page.message.text() == (
        "The scanner is ready for this counter: it types the code exactly, fast, and ends "
        "with Enter."
    )
    assert page.typed.text() == f"{TEST_CODE} ⏎"
    assert page.speed.text() == "6 ms between characters: a scanner"
    assert page.ending.text() == "Enter"
    assert not page.advice.isVisible()


@pytest.mark.asyncio
async def test_a_french_pc_is_named_with_what_arrived_and_what_to_scan(
    page: ScannerPage,
) -> None:
    Scanner().type(FRENCH_PC)
    assert page.message.text() == "Change this on the scanner, then scan the code again:"
    assert page.typed.text() == f"{FRENCH_PC} ⏎"
    [step] = advice_of(page)
    assert step.startswith(
        "This PC uses the French (AZERTY) keyboard layout and the scanner types for a US "
        'keyboard, so characters arrive changed (1\xa0→\xa0&, 2\xa0→\xa0é, 3\xa0→\xa0", '
        "4\xa0→\xa0'). Set the "
        "scanner to this PC's "
        "layout: scan the 'Keyboard country: France' programming barcode"
    )


@pytest.mark.asyncio
async def test_a_german_pc_and_a_symbology_prefix_and_a_tab(page: ScannerPage) -> None:
    Scanner().type("]C1TestßZaqwymß1234567890", ending=Qt.Key.Key_Tab)
    assert page.catcher.hasFocus()  # the scanner's Tab stays on the page
    assert page.ending.text() == "Tab (not Enter)"
    german, prefix, tab = advice_of(page)
    assert german.startswith("This PC uses the German (QWERTZ) keyboard layout")
    assert "'Keyboard country: Germany'" in german
    assert prefix.startswith("The scanner sends ]C1 before the code: the code type (AIM ID).")
    assert tab.startswith("The scanner presses Tab after the code instead of Enter.")


@pytest.mark.asyncio
async def test_a_scanner_that_sends_no_enter_is_told_after_a_moment(page: ScannerPage) -> None:
    Scanner().type(f"{TEST_CODE}##", ending=None)
    timer = page.catcher.end_timer
    assert timer.isActive()
    assert page.catcher.label.text() == "Reading…"
    assert not page.results.isVisible()
    timer.timeout.emit()  # the moment has passed, and no Enter came
    assert page.ending.text() == "nothing (no Enter)"
    suffix, no_enter = advice_of(page)
    assert suffix.startswith("The scanner adds ## after the code.")
    assert no_enter == (
        "The scanner does not press Enter after the code, so the counter would wait for it. "
        "Scan the 'Enter suffix' (CR) programming barcode in your scanner's manual (also "
        "called 'Add CR suffix' or 'Terminator: CR')."
    )
    assert page.catcher.label.text() == "Ready: scan the code now."


@pytest.mark.asyncio
async def test_a_person_typing_the_code_is_not_a_scanner(page: ScannerPage) -> None:
    Scanner(gap_ms=180).type(TEST_CODE)
    assert page.speed.text() == "180 ms between characters: as slow as typing by hand"
    [step] = advice_of(page)
    assert step.startswith("The characters came 180 ms apart: as slowly as a person types")


@pytest.mark.asyncio
async def test_another_code_and_caps_lock(page: ScannerPage) -> None:
    scanner = Scanner()
    scanner.type("8712345678906")
    assert advice_of(page)[0].startswith("That was not this page's test code.")
    scanner.type(TEST_CODE.swapcase())
    assert advice_of(page)[0].startswith("Letters arrive in the wrong case: Caps Lock is on.")
    scanner.type(TEST_CODE)
    assert page.message.text().startswith("The scanner is ready")


@pytest.mark.asyncio
async def test_enter_alone_neither_scans_nor_leaves_the_page(page: ScannerPage) -> None:
    QTest.keyClick(page.catcher, Qt.Key.Key_Return)
    assert not page.results.isVisible()
    assert page.isVisible()
    # Tab without a scan moves on, as everywhere.
    QTest.keyClick(page.catcher, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.catcher


@pytest.fixture(params=["nl", "de"])
def language(request: pytest.FixtureRequest) -> str:
    """The app in this language (the suite's own fixture brings English back after)."""
    chosen = str(request.param)
    use_language(chosen)
    return chosen


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("typed", "ending"),
    [
        (TEST_CODE, Qt.Key.Key_Return),
        (f"]C1{FRENCH_PC}", Qt.Key.Key_Tab),
        (f"#{TEST_CODE.swapcase()}*", None),
        ("Test/Zaqwym/1234567890", Qt.Key.Key_Return),
        (TEST_CODE[:-4], Qt.Key.Key_Return),
        (TEST_CODE.replace("Test", "Tost"), Qt.Key.Key_Return),
        ("8712345678906", Qt.Key.Key_Return),
    ],
)
async def test_the_scanner_check_speaks_the_shops_language(
    language: str, qtbot: QtBot, tmp_path: Path, typed: str, ending: Qt.Key | None
) -> None:
    async for dialog in _settings_dialog(tmp_path):
        page = dialog.scanner_page
        dialog.show_page(page)
        assert english_in(shown_texts(dialog), language) == []
        QTest.mouseClick(page.catcher, Qt.MouseButton.LeftButton)
        Scanner(gap_ms=6 if ending else 90).type(typed, ending=ending)
        if ending is None:
            page.catcher.end_timer.timeout.emit()
        assert page.results.isVisible()
        assert english_in(shown_texts(dialog), language) == []


# -- the test codes on paper (laser scanners read no screens) --------------------------------


def raster_picture(raster: Raster) -> QImage:
    """A printed picture as the paper shows it: black dots on white."""
    picture = QImage(raster.width, raster.height, QImage.Format.Format_Grayscale8)
    picture.fill(255)
    for y, row in enumerate(raster.rows):
        for x, dot in enumerate(row):
            if dot:
                picture.setPixel(x, y, 0)
    return picture


opened = asynccontextmanager(_settings_dialog)


async def said(page: ScannerPage, text: str) -> None:
    await wait_until(lambda: text in page.print_result.text())


async def print_test_codes(page: ScannerPage, done: str) -> None:
    page.print_button.click()
    await said(page, done)


@pytest.mark.asyncio
async def test_the_test_codes_print_on_the_receipt_printer(qtbot: QtBot, tmp_path: Path) -> None:
    with LoopbackPrinter() as printer:
        async with opened(tmp_path, escpos_printer=printer.address) as dialog:
            page = dialog.scanner_page
            dialog.show_page(page)
            assert page.print_button.text() == "Print the test codes"
            await print_test_codes(page, "Sent to the receipt printer")
            receipt = printer.receipt()
    # The printer draws the Code 128 itself, 2 dots a bar at least (0.25 mm), inside the
    # 576 dots of 80 mm paper with its quiet zones.
    (barcode,) = receipt.barcodes
    assert barcode.system == "CODE128"
    assert barcode.text == TEST_CODE
    assert barcode.module_width == 2
    assert [qr.payload for qr in receipt.qr_codes] == [TEST_CODE]
    assert TEST_CODE in receipt.texts
    assert "SCANNER TEST" in receipt.texts
    assert len(receipt.cuts) == 1


@pytest.mark.asyncio
async def test_on_58_mm_paper_the_barcode_is_printed_lengthwise(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Too long for 58 mm across at the printer's thinnest bars: printed along the paper as
    a picture, which a scanner reads as well."""
    with LoopbackPrinter() as printer:
        async with opened(tmp_path, escpos_printer=printer.address, escpos_paper="58mm") as dialog:
            page = dialog.scanner_page
            dialog.show_page(page)
            await print_test_codes(page, "Sent to the receipt printer")
            receipt = printer.receipt()
    assert receipt.barcodes == []
    (picture,) = receipt.rasters
    assert picture.width <= 384
    assert picture.height > picture.width  # along the paper
    assert read_codes(raster_picture(picture)) == [TEST_CODE]
    assert [qr.payload for qr in receipt.qr_codes] == [TEST_CODE]


@pytest.mark.asyncio
async def test_a_receipt_printer_that_does_not_answer_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    with nothing_listening() as address:
        async with opened(tmp_path, escpos_printer=address) as dialog:
            page = dialog.scanner_page
            dialog.show_page(page)
            await print_test_codes(page, "does not answer")
            # The message comes before the printing task has ended and given the button back.
            await wait_until(page.print_button.isEnabled)


@pytest.mark.asyncio
async def test_without_a_receipt_printer_the_test_codes_go_through_the_print_dialog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    printers = PdfPrinters(tmp_path)
    async with opened(
        tmp_path, make_printer=printers, slip_printer="Till 2", slip_paper="a4"
    ) as dialog:
        page = dialog.scanner_page
        dialog.show_page(page)
        page.print_button.click()
        chooser = await dialog_of(QPrintDialog)
        assert printers.asked == [("Till 2", SlipPaper.A4)]
        chooser.accept()
        await said(page, "Sent to")
    assert TEST_CODE in pdf_text(printers.file(1))
    # What is printed: both codes, read back from the drawing.
    assert sorted(read_codes(render_test_sheet(SlipPaper.A4, dpi=300))) == [TEST_CODE] * 2
    assert sorted(read_codes(render_test_sheet(SlipPaper.RECEIPT, dpi=203))) == [TEST_CODE] * 2
