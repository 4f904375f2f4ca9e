"""Pickup slips on paper: PDFs for 80 mm and A4, QR codes that carry the reference, dialog."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import segno
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit

from pos_app.services.settings import PrintSlip
from pos_app.services.slips import PickupSlip, SlipItem
from pos_app.ui.async_support import await_dialog
from pos_app.ui.slips import SlipDialog, offer_slip
from pos_app.ui.slips.paper import (
    QR_QUIET_MODULES,
    QrBox,
    SlipFormat,
    SlipLayout,
    render_slip_image,
    save_slip_pdf,
    slip_texts,
)
from pos_app.ui.slips.printers import PrinterMissing
from tests.helpers import wait_until

SLIP = PickupSlip(
    shop_name="De Kaasboer",
    counter="Counter 2",
    handed_over_at=datetime(2026, 3, 2, 14, 5, tzinfo=UTC),
    items=(
        SlipItem("Coffee mug with a title long enough to wrap on a receipt", "PU-7QX3M2KD"),
        SlipItem("Tea towel", "PU-0189ABCD"),
    ),
    customer="Robin V.",
    staff_name="Casey Jansen",
    reference="PU-7QX3M2KD",
)
#: Enough rewards to need a second A4 page.
MANY = PickupSlip(
    shop_name="De Kaasboer",
    counter="c",
    handed_over_at=SLIP.handed_over_at,
    items=tuple(SlipItem(f"Reward {n}", f"PU-{n:08d}") for n in range(30)),
    customer="Robin V.",
    reference="PU-00000000",
)
MM_PER_POINT = 25.4 / 72


def media_boxes_mm(pdf: Path) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    return [(float(w) * MM_PER_POINT, float(h) * MM_PER_POINT) for w, h in boxes]


def dark(image: QImage, x: float, y: float) -> bool:
    return QColor(image.pixel(int(x), int(y))).lightness() < 128


def painted_matrix(image: QImage, box: QrBox) -> list[list[bool]]:
    """Read the QR back from the image: the colour at the centre of every module."""
    module = box.rect.width() / box.modules
    return [
        [
            dark(image, box.rect.x() + (col + 0.5) * module, box.rect.y() + (row + 0.5) * module)
            for col in range(box.modules)
        ]
        for row in range(box.modules)
    ]


def assert_qr_encodes(image: QImage, box: QrBox) -> None:
    # Re-encoded independently of the app's own helper: what a scanner would decode.
    expected = segno.make_qr(box.reference, error="m", boost_error=False)
    assert box.modules == len(expected.matrix)
    assert painted_matrix(image, box) == [[bool(m) for m in row] for row in expected.matrix]
    # The quiet zone around it is blank, or scanners miss the code.
    module = box.rect.width() / box.modules
    quiet = (QR_QUIET_MODULES - 0.5) * module
    for step in range(box.modules):
        along = box.rect.x() + (step + 0.5) * module
        assert not dark(image, along, box.rect.y() - quiet)
        assert not dark(image, along, box.rect.bottom() + quiet)
        down = box.rect.y() + (step + 0.5) * module
        assert not dark(image, box.rect.x() - quiet, down)
        assert not dark(image, box.rect.right() + quiet, down)


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return qapp


@pytest.mark.parametrize("fmt", list(SlipFormat))
def test_pdf_exists_and_has_the_paper_size(
    app: QApplication, tmp_path: Path, fmt: SlipFormat
) -> None:
    path = tmp_path / "out" / f"slip-{fmt.value}.pdf"
    layout = save_slip_pdf(SLIP, path, fmt)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 2000
    boxes = media_boxes_mm(path)
    assert len(boxes) == layout.pages == 1
    width, height = boxes[0]
    if fmt is SlipFormat.RECEIPT:
        assert width == pytest.approx(80, abs=0.5)
        # As long as its content: two rewards with their QR codes, no blank A4 tail.
        assert height == pytest.approx(layout.height_mm, abs=1)
        assert 100 < height < 250
    else:
        assert width == pytest.approx(210, abs=0.5)
        assert height == pytest.approx(297, abs=0.5)
    # One hand-over, one code.
    assert [box.reference for box in layout.qr_boxes] == ["PU-7QX3M2KD"]


def test_many_rewards_continue_on_a_second_a4_page(app: QApplication, tmp_path: Path) -> None:
    layout = save_slip_pdf(MANY, tmp_path / "many.pdf", SlipFormat.A4)
    assert layout.pages == 2
    assert len(media_boxes_mm(tmp_path / "many.pdf")) == 2
    assert [box.reference for box in layout.qr_boxes] == ["PU-00000000"]
    receipt = save_slip_pdf(MANY, tmp_path / "many-receipt.pdf", SlipFormat.RECEIPT)
    assert receipt.pages == 1  # a receipt is one long page
    ((_, height),) = media_boxes_mm(tmp_path / "many-receipt.pdf")
    assert height > 250  # as long as thirty titles and one code


@pytest.mark.parametrize("fmt", list(SlipFormat))
def test_qr_codes_encode_the_pickup_references(app: QApplication, fmt: SlipFormat) -> None:
    image, layout = render_slip_image(SLIP, fmt, dpi=300)
    assert [box.reference for box in layout.qr_boxes] == [SLIP.reference]
    for box in layout.qr_boxes:
        assert box.rect.width() / 300 * 25.4 > 15  # large enough for a phone or scanner
        assert_qr_encodes(image, box)


def test_each_a4_page_image_holds_its_own_codes(app: QApplication) -> None:
    boxes = []
    for page in (0, 1):
        image, layout = render_slip_image(MANY, SlipFormat.A4, dpi=150, page=page)
        assert all(box.page == page for box in layout.qr_boxes)
        for box in layout.qr_boxes:
            assert_qr_encodes(image, box)
        boxes += layout.qr_boxes
    assert [box.reference for box in boxes] == [MANY.reference]


@pytest.mark.parametrize("fmt", list(SlipFormat))
def test_a_reprint_says_so(app: QApplication, fmt: SlipFormat) -> None:
    again = dataclasses.replace(SLIP, reprint=True)
    _, layout = render_slip_image(again, fmt, dpi=150)
    assert [box.reference for box in layout.qr_boxes] == [SLIP.reference]
    lines = slip_texts(again, fmt)
    assert any("REPRINT" in line.upper() for line in lines)
    assert not any("REPRINT" in line.upper() for line in slip_texts(SLIP, fmt))
    # Every reward is listed by its title, above the one code.
    assert [item.title for item in SLIP.items] == [
        line for line in lines if line in {item.title for item in SLIP.items}
    ]
    assert SLIP.reference in lines


@pytest.mark.asyncio
async def test_slip_dialog_saves_a_pdf_through_the_file_dialog(tmp_path: Path) -> None:
    dialog = SlipDialog(SLIP, pdf_folder=tmp_path)
    saved: list[str] = []
    dialog.savedPdf.connect(saved.append)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    try:
        await wait_until(dialog.isVisible)
        assert dialog.preview.pixmap().width() > 200
        assert dialog.save_button.isEnabled()
        dialog.set_slip_format(SlipFormat.A4)
        dialog.save_button.click()
        await wait_until(lambda: find_file_dialog() is not None)
        files = find_file_dialog()
        assert files is not None
        assert files.selectedFiles()[0].endswith("pickup-slip-PU-7QX3M2KD.pdf")
        target = tmp_path / "chosen"
        # As a person would: type a name over the proposed one, press Save.
        name_field = files.findChild(QLineEdit, "fileNameEdit")
        assert name_field is not None
        name_field.setText(str(target))
        files.accept()
        await wait_until(lambda: saved)
        assert saved == [str(tmp_path / "chosen.pdf")]
        assert media_boxes_mm(Path(saved[0]))[0][0] == pytest.approx(210, abs=0.5)
        assert dialog.isVisible()  # one may still print after saving
        assert "chosen.pdf" in dialog.message.text()
        dialog.close_button.click()
        assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Rejected
    finally:
        if not waiting.done():
            dialog.reject()
            await asyncio.wait_for(waiting, 5)
        dialog.deleteLater()


def find_file_dialog() -> QFileDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            return widget
    return None


@pytest.mark.asyncio
async def test_print_opens_the_system_print_dialog_without_blocking() -> None:
    dialog = SlipDialog(SLIP)
    printed: list[str] = []
    dialog.printed.connect(printed.append)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    try:
        await wait_until(dialog.isVisible)
        dialog.print_button.click()
        await wait_until(
            lambda: any(
                isinstance(w, QPrintDialog) and w.isVisible()
                for w in QApplication.topLevelWidgets()
            )
        )
        assert not dialog.print_button.isEnabled()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QPrintDialog) and widget.isVisible():
                widget.reject()
        await wait_until(dialog.print_button.isEnabled)
        assert printed == []
        assert dialog.isVisible()
    finally:
        dialog.reject()
        await asyncio.wait_for(waiting, 5)
        dialog.deleteLater()


@pytest.mark.asyncio
async def test_offer_slip_follows_the_setting(tmp_path: Path) -> None:
    assert await offer_slip(SLIP, PrintSlip.NEVER, None) is None
    assert not any(isinstance(w, SlipDialog) for w in QApplication.topLevelWidgets())
    # "always" without any printer falls back to the dialog, where a PDF can be saved.
    offered = asyncio.ensure_future(
        offer_slip(SLIP, PrintSlip.ALWAYS, None, pdf_folder=tmp_path, make_printer=no_printer)
    )
    await wait_until(lambda: visible_slip_dialog() is not None)
    dialog = visible_slip_dialog()
    assert dialog is not None
    path = dialog.save_pdf(tmp_path / "slip")
    assert path == tmp_path / "slip.pdf"
    dialog.close_button.click()
    assert await asyncio.wait_for(offered, 5) == str(tmp_path / "slip.pdf")


def no_printer(name: str | None, paper: SlipFormat) -> QPrinter:
    """A PC without printers."""
    raise PrinterMissing(name)


def visible_slip_dialog() -> SlipDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, SlipDialog) and widget.isVisible():
            return widget
    return None


def test_layout_type_is_public() -> None:
    assert SlipLayout(height_mm=1.0, pages=1).qr_boxes == []
