"""The ESC/POS receipt printer at the counter: after a hand-over, in the slip dialog, from
Recent pickups and in setup, against a "printer" on 127.0.0.1."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.receipt_printer import PrinterAddress, ReceiptPaper
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import PrintSlip, Settings
from pos_app.services.slips import PickupSlip, SlipItem
from pos_app.storage import OpState
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.setup.counter_page import CounterPage
from pos_app.ui.setup.draft import SetupDraft
from pos_app.ui.slips import SlipDialog, offer_slip
from pos_app.ui.slips.printer_choice import PrinterChoice
from pos_app.ui.slips.receipt import ReceiptTarget
from tests.helpers import wait_until
from tests.helpers.escpos import LoopbackPrinter, PrinterState, nothing_listening
from tests.helpers.printing import page_width_mm
from tests.helpers.ui import delete_widget, dialog_of, running_counter, visible

SLIP = PickupSlip(
    shop_name="De Kaasboer",
    counter="Counter 2",
    handed_over_at=datetime(2026, 3, 2, 14, 5, tzinfo=UTC),
    items=(SlipItem("Theedoek „Groningen“", "PU-0189ABCD"),),
    customer="Jürgen M.",
    reference="PU-0189ABCD",
)


def target(printer: LoopbackPrinter, paper: ReceiptPaper = ReceiptPaper.MM80) -> ReceiptTarget:
    return ReceiptTarget(PrinterAddress.parse(printer.address), paper)


@pytest.mark.asyncio
async def test_always_prints_on_the_receipt_printer_without_a_dialog() -> None:
    with LoopbackPrinter() as printer:
        where = await offer_slip(SLIP, PrintSlip.ALWAYS, None, receipt=target(printer))
        receipt = printer.receipt()
    assert where == f"127.0.0.1:{printer.port}"
    assert visible(SlipDialog) is None
    assert receipt.texts[:2] == ["De Kaasboer", "PICKUP SLIP"]
    assert 'Theedoek "Groningen"' in receipt.texts
    assert "Customer: Jürgen M." in receipt.texts
    assert [qr.payload for qr in receipt.qr_codes] == ["PU-0189ABCD"]
    assert len(receipt.cuts) == 1


@pytest.mark.asyncio
async def test_printing_leaves_the_screen_alive_while_the_printer_is_busy() -> None:
    with LoopbackPrinter(held=True) as printer:
        printing = asyncio.ensure_future(
            offer_slip(SLIP, PrintSlip.ALWAYS, None, receipt=target(printer))
        )
        # The printer has the connection but reads nothing: the print is under way, and
        # this coroutine runs on the same event loop as the screen meanwhile.
        await wait_until(printer.connected.is_set)
        assert not printing.done()
        printer.release()
        assert await asyncio.wait_for(printing, 20) == f"127.0.0.1:{printer.port}"
        assert printer.receipt().qr_codes[0].payload == SLIP.reference


@pytest.mark.asyncio
async def test_a_printer_out_of_paper_is_said_and_print_tries_again() -> None:
    with LoopbackPrinter(PrinterState.PAPER_OUT) as printer:
        offered = asyncio.ensure_future(
            offer_slip(SLIP, PrintSlip.ALWAYS, None, receipt=target(printer))
        )
        dialog = await dialog_of(SlipDialog)
        message = dialog.message.text()
        assert "out of paper" in message
        assert "new roll" in message
        assert "The hand-over is recorded" in message
        assert printer.receipt(1).lines == []  # nothing was sent to print later
        # A new roll; Print again.
        printer.state = PrinterState.READY
        assert dialog.print_button.text() == "Print"
        dialog.print_button.click()
        assert await asyncio.wait_for(offered, 20) == f"127.0.0.1:{printer.port}"
        assert printer.receipt(2).qr_codes[0].payload == SLIP.reference


@pytest.mark.asyncio
async def test_the_slip_dialog_says_a_closed_cover_and_stays_open() -> None:
    with LoopbackPrinter(PrinterState.COVER_OPEN) as printer:
        offered = asyncio.ensure_future(
            offer_slip(SLIP, PrintSlip.ASK, None, receipt=target(printer, ReceiptPaper.MM58))
        )
        dialog = await dialog_of(SlipDialog)
        dialog.print_button.click()
        await wait_until(lambda: "cover is open" in dialog.message.text())
        await wait_until(dialog.print_button.isEnabled)
        assert dialog.isVisible()
        dialog.close_button.click()
        assert await asyncio.wait_for(offered, 5) is None


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("paper", "width_mm", "label"),
    [
        (ReceiptPaper.MM58, 58, "58 mm receipt (receipt printer)"),
        (ReceiptPaper.MM80, 80, "80 mm receipt (receipt printer)"),
    ],
)
async def test_the_slip_dialog_shows_the_receipt_printers_paper(
    tmp_path: Path, paper: ReceiptPaper, width_mm: float, label: str
) -> None:
    receipt = ReceiptTarget(PrinterAddress.parse("tcp://127.0.0.1:9100"), paper)
    dialog = SlipDialog(SLIP, receipt=receipt, pdf_folder=tmp_path)
    try:
        assert dialog.format_input.currentText() == label
        # The preview is drawn at 96 dpi on the printer's paper.
        assert dialog.preview.pixmap().width() == round(width_mm / 25.4 * 96)
        # A PDF of the receipt is on that paper too; A4 stays A4.
        assert page_width_mm(dialog.save_pdf(tmp_path / "receipt")) == pytest.approx(
            width_mm, abs=0.5
        )
        dialog.format_input.setCurrentIndex(dialog.format_input.findText("A4"))
        assert dialog.preview.pixmap().width() == round(210 / 25.4 * 96)
    finally:
        await delete_widget(dialog)


@pytest.mark.asyncio
async def test_a_hand_over_with_the_printer_off_is_recorded_and_the_cashier_told(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    with nothing_listening() as address:
        settings = app_settings.with_overrides(print_slip="always", escpos_printer=address)
        async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
            await made.load_main_customer()
            waiting = made.waiting_on_server()
            await made.confirm_hand_over()
            dialog = await dialog_of(SlipDialog)
            assert "does not answer" in dialog.message.text()
            assert address.removeprefix("tcp://") in dialog.message.text()
            # The hand-over happened, once, and the journal says so.
            assert await made.journal_states() == [OpState.CONFIRMED]
            assert len(made.waiting_on_server()) == len(waiting) - 1
            dialog.reject()
            await made.hand_over_finished()
            assert "handed over" in made.window.message_bar.text()


@pytest.mark.asyncio
async def test_a_printer_failing_with_the_next_customer_on_screen_is_said_with_its_problem(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    with LoopbackPrinter(PrinterState.PAPER_OUT) as printer:
        settings = app_settings.with_overrides(print_slip="always", escpos_printer=printer.address)
        async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
            await made.load_main_customer()
            window = made.window
            item = window.model.item(0)
            simulator.set_fault("piggy.collect", "hold@1")
            await made.confirm_hand_over()
            await wait_until(lambda: simulator.held("piggy.collect") == 1)
            # The next customer steps up before the answer is back.
            await made.scan(demo.CARD_EMPTY)
            await wait_until(lambda: window.customer_header.name_label.text() == "Alex Peters")
            assert simulator.release("piggy.collect") == 1
            await made.hand_over_finished()
            # No dialog over Alex, but the cashier learns both why there is no slip and
            # what is wrong with the printer.
            assert visible(SlipDialog) is None
            message = window.message_bar.text()
            assert message.startswith(f"{item.title} handed over to Robin de Vries.")
            assert "another customer is on screen" in message
            assert "out of paper" in message
            assert "new roll" in message
            assert await made.journal_states() == [OpState.CONFIRMED]
        assert printer.receipt(1).lines == []


@pytest.mark.asyncio
async def test_a_slip_is_reprinted_on_the_receipt_printer_from_recent_pickups(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    with LoopbackPrinter() as printer:
        settings = app_settings.with_overrides(print_slip="never", escpos_printer=printer.address)
        async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
            await made.load_main_customer()
            await made.confirm_hand_over()
            await made.hand_over_finished()
            view = made.window.recent_view
            assert view is not None
            made.window.show_recent_pickups()
            await wait_until(lambda: view.model.rowCount() == 1)
            view.table.selectRow(0)
            view.reprint_button.click()
            dialog = await dialog_of(SlipDialog)
            dialog.print_button.click()
            await wait_until(lambda: visible(SlipDialog) is None)
            receipt = printer.receipt()
    assert "PICKUP SLIP - REPRINT" in receipt.texts
    assert receipt.qr_codes[0].payload.startswith("PU-")


# -- setup and settings ----------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_receipt_printer_is_chosen_and_tested_in_the_printer_choice() -> None:
    choice = PrinterChoice(None, printer_names=list)
    choice.show()
    try:
        with LoopbackPrinter() as printer:
            choice.load(Settings().with_overrides(counter_name="c-2"))
            assert not choice.escpos_paper_input.isEnabled()  # no receipt printer yet
            assert choice.printer_input.isEnabled()
            choice.escpos_input.setText(printer.address)
            assert choice.escpos_paper_input.isEnabled()
            # Slips go to the receipt printer now, not to the system's.
            assert not choice.printer_input.isEnabled()
            choice.escpos_paper_input.setCurrentIndex(
                choice.escpos_paper_input.findData(ReceiptPaper.MM58.value)
            )
            choice.test_button.click()
            await wait_until(lambda: "Sent to the receipt printer" in choice.test_result.text())
            receipt = printer.receipt()  # the connection is closed: the job is there
        assert "TEST-58MM" in receipt.texts
        assert "This is a test: nothing was handed over" in " ".join(receipt.texts)
        assert "Counter: c-2" in receipt.texts
        assert max(len(text) for text in receipt.texts) <= 32
        assert choice.changes()["escpos_printer"] == printer.address
        assert choice.changes()["escpos_paper"] is ReceiptPaper.MM58
        applied = Settings().with_overrides(**choice.changes())
        assert applied.escpos_address == PrinterAddress.parse(printer.address)

        # Out of paper: said under the button. (The message of the first test slip comes
        # before its task has ended and given the button back.)
        await wait_until(choice.test_button.isEnabled)
        with LoopbackPrinter(PrinterState.PAPER_OUT) as empty:
            choice.escpos_input.setText(empty.address)
            choice.test_button.click()
            await wait_until(lambda: "out of paper" in choice.test_result.text())

        # An address that is none: said, and the page cannot be saved with it.
        await wait_until(choice.test_button.isEnabled)
        choice.escpos_input.setText("usb://epson")
        problem = choice.problem()
        assert problem is not None
        assert "usb://VENDOR:PRODUCT" in problem
        choice.test_button.click()
        assert choice.test_result.text() == problem
    finally:
        await delete_widget(choice)


@pytest.mark.asyncio
async def test_the_counter_page_keeps_an_unusable_printer_address_from_being_saved(
    tmp_path: Path,
) -> None:
    draft = SetupDraft(
        settings=Settings().with_overrides(counter_name="c-2"),
        store=SecretStore(env={}, use_keyring=False),
        config_file=tmp_path / "settings.toml",
    )
    page = CounterPage(draft, TaskOwner())
    try:
        page.load()
        assert page.problem() is None
        page.printer.escpos_input.setText("lpt://1")
        problem = page.problem()
        assert problem is not None
        assert "address is not usable" in problem
        page.printer.escpos_input.setText("serial:///dev/ttyS0?baudrate=19200")
        assert page.problem() is None
        page.apply()
        assert draft.changes["escpos_printer"] == "serial:///dev/ttyS0?baudrate=19200"
        assert draft.settings.escpos_address == PrinterAddress.parse(
            "serial:///dev/ttyS0?baudrate=19200"
        )
    finally:
        await delete_widget(page)
