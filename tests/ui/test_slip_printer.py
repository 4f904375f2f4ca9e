"""The slip printer and paper chosen once: after a hand-over, in the slip dialog, in setup."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import PrintSlip, Settings, SlipPaper
from pos_app.services.slips import PickupSlip, SlipItem
from pos_app.ui.async_support import await_dialog
from pos_app.ui.slips import SlipDialog, SlipHeldBack, offer_slip
from pos_app.ui.slips.printer_choice import PrinterChoice
from tests.helpers import wait_until
from tests.helpers.printing import PdfPrinters, page_width_mm, pdf_text
from tests.helpers.ui import delete_widget, dialog_of, running_counter, visible

SLIP = PickupSlip(
    shop_name="De Kaasboer",
    counter="Counter 2",
    handed_over_at=datetime(2026, 3, 2, 14, 5, tzinfo=UTC),
    items=(SlipItem("Tea towel", "PU-0189ABCD"),),
    customer="Robin V.",
    reference="PU-0189ABCD",
)
#: The receipt printer's settings when slips print through the system's printers.
NO_RECEIPT_PRINTER = {"escpos_printer": "", "escpos_paper": "80mm", "escpos_native_qr": True}
#: No PC that runs the tests has a printer of this name.
GONE = "Till printer that was taken away"


def texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(row) for row in range(combo.count())]


@pytest.fixture(autouse=True)
def no_printer_named_gone() -> None:
    assert GONE not in QPrinterInfo.availablePrinterNames()


# -- after a hand-over -----------------------------------------------------------------------


@pytest.mark.asyncio
async def test_always_prints_on_the_chosen_printer_on_the_chosen_paper(tmp_path: Path) -> None:
    printers = PdfPrinters(tmp_path)
    where = await offer_slip(
        SLIP,
        PrintSlip.ALWAYS,
        None,
        printer_name="Till 2 receipts",
        paper=SlipPaper.A4,
        make_printer=printers,
    )
    assert printers.asked == [("Till 2 receipts", SlipPaper.A4)]
    assert where == str(printers.file(1))
    assert page_width_mm(printers.file(1)) == pytest.approx(210, abs=0.5)
    assert SLIP.reference in pdf_text(printers.file(1))
    assert visible(SlipDialog) is None  # printed without asking

    await offer_slip(SLIP, PrintSlip.ALWAYS, None, paper=SlipPaper.RECEIPT, make_printer=printers)
    assert printers.asked[1] == (None, SlipPaper.RECEIPT)  # the system's default printer
    assert page_width_mm(printers.file(2)) == pytest.approx(80, abs=0.5)


@pytest.mark.asyncio
async def test_a_slip_printer_that_is_gone_falls_back_to_the_dialog_with_a_message(
    tmp_path: Path,
) -> None:
    # Another customer on screen: no dialog, no slip, and why.
    with pytest.raises(SlipHeldBack) as held:
        await offer_slip(
            SLIP, PrintSlip.ALWAYS, None, printer_name=GONE, paper=SlipPaper.A4, interactive=False
        )
    assert GONE in held.value.problem
    assert "not on this PC" in held.value.problem
    assert visible(SlipDialog) is None

    offered = asyncio.ensure_future(
        offer_slip(
            SLIP,
            PrintSlip.ALWAYS,
            None,
            printer_name=GONE,
            paper=SlipPaper.A4,
            pdf_folder=tmp_path,
        )
    )
    dialog = await dialog_of(SlipDialog)
    message = dialog.message.text()
    assert "No printer found" in message
    assert GONE in message
    assert "not on this PC" in message
    assert dialog.slip_format() is SlipPaper.A4
    # The slip can still be saved (or printed elsewhere).
    path = dialog.save_pdf(tmp_path / "slip")
    dialog.close_button.click()
    assert await asyncio.wait_for(offered, 5) == str(path)
    assert page_width_mm(path) == pytest.approx(210, abs=0.5)


@pytest.mark.asyncio
async def test_a_hand_over_uses_the_counters_slip_printer_and_paper(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(print_slip="always", slip_printer=GONE, slip_paper="a4")
    async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
        await made.load_main_customer()
        await made.confirm_hand_over()
        dialog = await dialog_of(SlipDialog)
        assert GONE in dialog.message.text()
        assert dialog.slip_format() is SlipPaper.A4
        dialog.reject()
        await made.hand_over_finished()


# -- the slip dialog -------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_slip_dialog_starts_on_the_chosen_paper_and_printer(tmp_path: Path) -> None:
    printers = PdfPrinters(tmp_path)
    dialog = SlipDialog(
        SLIP, slip_format=SlipPaper.A4, printer_name="Till 2 receipts", make_printer=printers
    )
    waiting = asyncio.ensure_future(await_dialog(dialog))
    try:
        await wait_until(dialog.isVisible)
        assert dialog.format_input.currentText() == "A4"
        dialog.print_button.click()
        chooser = await dialog_of(QPrintDialog)
        assert printers.asked == [("Till 2 receipts", SlipPaper.A4)]
        assert chooser.printer().outputFileName() == str(printers.file(1))
        chooser.reject()
        await wait_until(dialog.print_button.isEnabled)
    finally:
        dialog.reject()
        await asyncio.wait_for(waiting, 5)
        await delete_widget(dialog)


@pytest.mark.asyncio
async def test_print_says_when_the_slip_printer_is_gone_and_offers_the_others() -> None:
    dialog = SlipDialog(SLIP, printer_name=GONE)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    try:
        await wait_until(dialog.isVisible)
        assert dialog.message.text() == ""
        dialog.print_button.click()
        chooser = await dialog_of(QPrintDialog)
        assert GONE in dialog.message.text()
        assert "No printer found" in dialog.message.text()
        chooser.reject()
        await wait_until(dialog.print_button.isEnabled)
    finally:
        dialog.reject()
        await asyncio.wait_for(waiting, 5)
        await delete_widget(dialog)


@pytest.mark.asyncio
async def test_a_kiosk_prints_on_the_chosen_printer_or_says_it_is_gone(tmp_path: Path) -> None:
    printers = PdfPrinters(tmp_path)
    dialog = SlipDialog(SLIP, kiosk=True, printer_name="Till 2 receipts", make_printer=printers)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    dialog.print_button.click()
    assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Accepted
    assert printers.asked == [("Till 2 receipts", SlipPaper.RECEIPT)]
    assert page_width_mm(printers.file(1)) == pytest.approx(80, abs=0.5)
    await delete_widget(dialog)

    dialog = SlipDialog(SLIP, kiosk=True, printer_name=GONE)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    dialog.print_button.click()
    assert GONE in dialog.message.text()
    assert not dialog.print_button.isEnabled()
    dialog.close_button.click()
    assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Rejected
    await delete_widget(dialog)


# -- choosing the printer (setup, settings) --------------------------------------------------


@pytest.mark.asyncio
async def test_printer_choice_shows_the_settings_and_gives_back_the_changes() -> None:
    choice = PrinterChoice(None, printer_names=lambda: ["Office A4", "Till 2 receipts"])
    changed: list[bool] = []
    choice.changed.connect(lambda: changed.append(True))
    settings = Settings().with_overrides(slip_printer="Till 2 receipts", slip_paper="a4")
    try:
        choice.load(settings)
        assert changed == []  # loading is not a change
        assert texts(choice.printer_input) == [
            "The system's default printer",
            "Office A4",
            "Till 2 receipts",
        ]
        assert choice.printer_input.currentText() == "Till 2 receipts"
        assert texts(choice.paper_input) == ["80 mm receipt", "A4"]
        assert choice.paper_input.currentText() == "A4"
        assert choice.changes() == {
            "slip_printer": "Till 2 receipts",
            "slip_paper": "a4",
            **NO_RECEIPT_PRINTER,
        }
        assert settings.with_overrides(**choice.changes()) == settings

        # Back to the system's default printer, on receipts.
        choice.printer_input.setCurrentIndex(0)
        choice.paper_input.setCurrentIndex(0)
        assert changed == [True, True]
        applied = settings.with_overrides(**choice.changes())
        assert applied.slip_printer is None
        assert applied.slip_paper is SlipPaper.RECEIPT
        choice.load(applied)
        assert choice.printer_input.currentIndex() == 0
        assert choice.changes() == {
            "slip_printer": "",
            "slip_paper": "receipt_80mm",
            **NO_RECEIPT_PRINTER,
        }

        # A printer that was chosen once but is not installed here stays chosen, marked.
        choice.load(settings.with_overrides(slip_printer="Old till printer"))
        assert choice.printer_input.currentText() == "Old till printer (not found on this PC)"
        assert texts(choice.printer_input)[1:3] == ["Office A4", "Till 2 receipts"]
        assert choice.changes()["slip_printer"] == "Old till printer"
        assert len(changed) == 2
    finally:
        await delete_widget(choice)


@pytest.mark.asyncio
async def test_the_test_slip_goes_to_the_chosen_printer_on_the_chosen_paper(
    tmp_path: Path,
) -> None:
    printers = PdfPrinters(tmp_path)
    choice = PrinterChoice(None, make_printer=printers, printer_names=lambda: ["Till 2 receipts"])
    choice.show()
    try:
        choice.load(Settings().with_overrides(slip_printer="Till 2 receipts", counter_name="c-2"))
        choice.paper_input.setCurrentIndex(choice.paper_input.findText("A4"))
        choice.test_button.click()
        # This printer prints to a file; a real one is named by its name.
        assert choice.test_result.text() == f"Sent to {printers.file(1)}."
        assert choice.test_button.isEnabled()
        assert printers.asked == [("Till 2 receipts", SlipPaper.A4)]
        printed = pdf_text(printers.file(1))
        assert "Test slip" in printed
        assert "nothing was handed over" in printed
        assert "TEST-A4" in printed
        assert "Counter: c-2" in printed
        assert page_width_mm(printers.file(1)) == pytest.approx(210, abs=0.5)
        assert choice.changes() == {
            "slip_printer": "Till 2 receipts",
            "slip_paper": "a4",
            **NO_RECEIPT_PRINTER,
        }
    finally:
        await delete_widget(choice)


@pytest.mark.asyncio
async def test_a_test_slip_for_a_printer_that_is_gone_says_so() -> None:
    choice = PrinterChoice(None, printer_names=list)
    choice.show()
    try:
        choice.load(Settings().with_overrides(slip_printer=GONE))
        choice.test_button.click()
        assert "No printer found" in choice.test_result.text()
        assert GONE in choice.test_result.text()
        assert choice.test_button.isEnabled()
    finally:
        await delete_widget(choice)
