"""The To prepare page on its own: lists and groups the shop's claims, marks them ready on
the shelf, keeps the last list when Piggy is away, prints the pick list."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_app.api import errors
from pos_app.services.settings import SlipPaper
from pos_app.services.to_prepare import PrepareList, ShelfMark, ToPrepareService
from pos_app.storage import AsyncJournal, StaffRef
from pos_app.ui.async_support import await_dialog
from pos_app.ui.dialogs.pin_entry import format_clock_time
from pos_app.ui.prepare.model import PrepareColumn, PrepareRole, ToPrepareModel
from pos_app.ui.prepare.pick_list import PickList, PickListDialog
from pos_app.ui.prepare.view import REFRESH_INTERVAL_MS, ToPrepareView
from tests.helpers import wait_until
from tests.helpers.claims import NOW, FakeClaims, claim
from tests.helpers.printing import PdfPrinters, page_width_mm, pdf_text
from tests.helpers.ui import delete_widget, dialog_of

SHOP = "shop-1"
CASEY = StaffRef("staff-casey", "Casey")


def _claims() -> FakeClaims:
    return FakeClaims(
        [
            claim("lt-1", "Shop mug", hours_ago=1, contact="c-robin"),
            claim("lt-2", "Tote bag", hours_ago=2, contact="c-alex"),
            claim("lt-3", "Shop mug", hours_ago=3, contact="c-kim"),
            claim(
                "lt-4",
                "T-shirt",
                hours_ago=4,
                contact="c-sam",
                attributes={"size": "M"},
            ),
            claim("lt-5", "Shop mug", hours_ago=5, collected=True),
        ],
        contacts={
            "c-robin": ("Robin", "Vries"),
            "c-alex": ("Alex", "Peters"),
            "c-kim": ("Kim", "Bakker"),
            "c-sam": ("Sam", "Groot"),
        },
    )


@pytest_asyncio.fixture
async def journal(tmp_path: Path) -> AsyncIterator[AsyncJournal]:
    opened = await AsyncJournal.open(
        tmp_path / "journal.sqlite3", shop_uuid=SHOP, counter="Counter 1"
    )
    try:
        yield opened
    finally:
        await opened.aclose()


def _view(
    qtbot: QtBot, piggy: FakeClaims, journal: AsyncJournal, clock: list[datetime]
) -> ToPrepareView:
    service = ToPrepareService(piggy, journal, shop_uuid=SHOP, clock=lambda: clock[0])
    view = ToPrepareView(
        service,
        staff=lambda: CASEY,
        shop_name=lambda: "Demo shop",
        clock=lambda: clock[0],
    )
    qtbot.addWidget(view)
    view.resize(900, 600)
    return view


async def _shown(view: ToPrepareView) -> None:
    view.show()
    await wait_until(lambda: view.model.prepare_list() is not None and not view.is_loading())


def _rows(model: ToPrepareModel) -> list[tuple[str, list[str]]]:
    found = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        children = [
            str(model.index(child, 0, parent).data()) for child in range(model.rowCount(parent))
        ]
        found.append((str(parent.data()), children))
    return found


@pytest.mark.asyncio
async def test_the_page_lists_claims_grouped_by_reward_newest_first(
    qtbot: QtBot, journal: AsyncJournal
) -> None:
    view = _view(qtbot, _claims(), journal, [NOW])

    await _shown(view)

    assert _rows(view.model) == [
        ("Shop mug ×2", ["Robin V.", "Kim B."]),
        ("Tote bag ×1", ["Alex P."]),
        ("T-shirt ×1 · Size M", ["Sam G."]),
    ]
    assert view.status.text().startswith("4 rewards claimed for pickup · 0 on the shelf")
    mug = view.model.index(0, 0)
    claim_row = view.model.index(0, PrepareColumn.EXPIRES, mug)
    assert claim_row.data() == "20 Dec 2026"
    assert view.refresh_timer.isActive()
    assert view.refresh_timer.interval() == REFRESH_INTERVAL_MS


@pytest.mark.asyncio
async def test_marking_a_reward_ready_shows_when_and_who(
    qtbot: QtBot, journal: AsyncJournal
) -> None:
    view = _view(qtbot, _claims(), journal, [NOW])
    await _shown(view)
    marked: list[list[str]] = []
    view.marked.connect(marked.append)
    mug = view.model.index(0, 0)
    view.tree.setCurrentIndex(view.model.index(1, 0, mug))  # Kim's mug

    view.ready_button.click()
    await wait_until(lambda: marked)

    assert marked == [["lt-3"]]
    kim = view.model.index(1, PrepareColumn.SHELF, mug)
    assert kim.data().endswith("· Casey")
    assert view.model.index(0, PrepareColumn.SHELF).data() == "1 of 2 ready"
    assert view.message.text() == "1 reward marked ready on the shelf."
    assert not view.ready_button.isEnabled()  # nothing selected is left to mark

    # The reward's row marks all its claims that wait.
    view.tree.setCurrentIndex(mug)
    view.ready_button.click()
    await wait_until(lambda: len(marked) == 2)

    assert marked[1] == ["lt-1"]
    assert view.model.index(0, PrepareColumn.SHELF).data() == "All ready"
    assert view.model.index(0, 0).data(PrepareRole.READY)

    # Read again, the marks come from the journal.
    view.refresh()
    await wait_until(lambda: not view.is_loading())
    assert set(view.model.marks()) == {"lt-1", "lt-3"}
    assert "2 on the shelf" in view.status.text()


@pytest.mark.asyncio
async def test_while_piggy_is_away_the_last_list_stays_and_says_since_when(
    qtbot: QtBot, journal: AsyncJournal
) -> None:
    clock = [NOW]
    piggy = _claims()
    view = _view(qtbot, piggy, journal, clock)
    await _shown(view)

    piggy.list_error = errors.RateLimitedError(
        "Too Many Attempts.", vendor="piggy", status_code=429, retry_after=30
    )
    clock[0] = NOW + timedelta(minutes=1)
    view.refresh_timer.timeout.emit()  # the background refresh, a minute later
    await wait_until(lambda: view.message.isVisible())

    assert len(_rows(view.model)) == 3
    text = view.message.text()
    assert text == (
        "Too many requests right now. Try again in 30 seconds. "
        f"The list shown is from {format_clock_time(NOW)}; no answer since "
        f"{format_clock_time(NOW + timedelta(minutes=1))}."
    )
    assert view.message_kind == "error"
    first_text = text

    clock[0] = NOW + timedelta(minutes=2)
    view.refresh_button.click()
    await wait_until(lambda: not view.is_loading())
    # Still the time it first failed, not the latest try.
    assert view.message.text() == first_text

    piggy.list_error = None
    view.refresh_button.click()
    await wait_until(lambda: not view.message.isVisible())
    assert len(_rows(view.model)) == 3


@pytest.mark.asyncio
async def test_nothing_to_prepare_is_said(qtbot: QtBot, journal: AsyncJournal) -> None:
    view = _view(
        qtbot, FakeClaims([claim("lt-1", "Cap", hours_ago=1, collected=True)]), journal, [NOW]
    )

    await _shown(view)

    assert view.empty_label.isVisible()
    assert "Nothing to prepare" in view.empty_label.text()
    assert not view.print_button.isEnabled()


def _prepare() -> PrepareList:
    items = []
    for n, (title, name) in enumerate(
        [("Shop mug", "Robin V."), ("Shop mug", "Kim B."), ("Tote bag", "Alex P.")]
    ):
        from pos_app.services.to_prepare import PrepareItem

        items.append(
            PrepareItem(
                loyalty_transaction_uuid=f"lt-{n}",
                reward_title=title,
                reward_uuid=f"r-{title}",
                attributes=(),
                contact_uuid=f"c-{n}",
                customer_name=name,
                claimed_at=NOW - timedelta(hours=n),
                expires_at=NOW + timedelta(days=10),
            )
        )
    marks = {"lt-1": ShelfMark("lt-1", NOW, "Casey", "Counter 1")}
    return PrepareList(tuple(items), marks, NOW)


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ToPrepareModel()
    model.set_list(_prepare())
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.add_marks({"lt-0": ShelfMark("lt-0", NOW, None, "Counter 2")})
    model.set_list(PrepareList((), {}, NOW))
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(("paper", "width"), [(SlipPaper.RECEIPT, 80.0), (SlipPaper.A4, 210.0)])
def test_the_pick_list_prints_what_is_not_on_the_shelf(
    qtbot: QtBot, tmp_path: Path, paper: SlipPaper, width: float
) -> None:
    pick = PickList.of(_prepare(), shop_name="Demo shop", now=NOW)
    dialog = PickListDialog(pick, paper=paper)
    qtbot.addWidget(dialog)

    saved = dialog.save_pdf(tmp_path / "pick")

    assert saved.suffix == ".pdf"
    assert abs(page_width_mm(saved) - width) < 1
    text = pdf_text(saved)
    assert "Demo shop" in text
    assert "Shop mug ×1" in text
    assert "Robin V." in text
    assert "Kim B." not in text  # on the shelf already
    assert "Tote bag ×1" in text
    assert "2 rewards to prepare · 1 already on the shelf" in text


@pytest.mark.asyncio
async def test_a_background_refresh_keeps_the_place_and_the_folded_rewards(
    qtbot: QtBot, journal: AsyncJournal
) -> None:
    piggy = FakeClaims(
        [claim(f"lt-{n}", f"Reward {n % 7}", hours_ago=n, contact="c-sam") for n in range(1, 120)],
        contacts={"c-sam": ("Sam", "Groot")},
    )
    view = _view(qtbot, piggy, journal, [NOW])
    await _shown(view)
    view.tree.collapse(view.model.index(1, 0))
    bar = view.tree.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    assert place > 0

    view.refresh_timer.timeout.emit()
    await wait_until(lambda: not view.is_loading())

    assert bar.value() == place
    assert not view.tree.isExpanded(view.model.index(1, 0))
    assert view.tree.isExpanded(view.model.index(0, 0))


def test_the_counters_row_says_how_many_of_its_rewards_are_on_the_shelf(
    qtmodeltester: ModelTester,
) -> None:
    from pos_app.services.pickup_models import PickupItem
    from pos_app.ui.rewards import RewardListModel, RewardRole

    def mug(uuid: str) -> PickupItem:
        return PickupItem(
            loyalty_transaction_uuid=uuid,
            title="Shop mug",
            description=None,
            picture_url=None,
            claimed_at=NOW - timedelta(days=1),
            expires_at=NOW + timedelta(days=5),
            reward_type="PHYSICAL",
            reward_uuid="r-mug",
        )

    model = RewardListModel()
    model.set_items([mug("lt-1"), mug("lt-2")], NOW)
    index = model.index(0, 0)
    assert index.data(RewardRole.SHELF_TEXT) == ""
    assert not index.data(RewardRole.LOOK).on_shelf

    model.set_shelf_marks({"lt-1": ShelfMark("lt-1", NOW, "Casey", "Counter 1")})
    assert index.data(RewardRole.SHELF_TEXT) == "1 of 2 ready on the shelf"
    assert index.data(RewardRole.LOOK).on_shelf

    model.set_shelf_marks(
        {
            "lt-1": ShelfMark("lt-1", NOW - timedelta(hours=1), "Casey", "Counter 1"),
            "lt-2": ShelfMark("lt-2", NOW, None, "Counter 2"),
        }
    )
    text = index.data(RewardRole.SHELF_TEXT)
    assert text == f"Ready on the shelf since {format_clock_time(NOW)} (Counter 2)"
    assert text in index.data(RewardRole.DETAIL_TEXT)
    assert text in index.data(Qt.ItemDataRole.AccessibleTextRole)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


@pytest.mark.asyncio
async def test_a_mark_made_by_mistake_is_taken_back(qtbot: QtBot, journal: AsyncJournal) -> None:
    view = _view(qtbot, _claims(), journal, [NOW])
    await _shown(view)
    mug = view.model.index(0, 0)
    view.tree.setCurrentIndex(mug)
    assert not view.take_back_button.isEnabled()  # nothing of it is marked
    marked: list[list[str]] = []
    view.marked.connect(marked.append)
    view.ready_button.click()
    await wait_until(lambda: marked)
    # The buttons follow once the marking task has ended, just after it said so.
    await wait_until(view.take_back_button.isEnabled)
    taken: list[list[str]] = []
    view.takenBack.connect(taken.append)
    view.tree.setCurrentIndex(view.model.index(1, 0, mug))  # Kim's mug

    view.take_back_button.click()
    await wait_until(lambda: taken)

    assert taken == [["lt-3"]]
    assert view.model.index(1, PrepareColumn.SHELF, mug).data() == ""
    assert view.model.index(0, PrepareColumn.SHELF).data() == "1 of 2 ready"
    assert view.message.text() == "1 reward no longer marked ready on the shelf."
    view.refresh()
    await wait_until(lambda: not view.is_loading())
    assert set(view.model.marks()) == {"lt-1"}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("paper", "printer", "width"),
    [(SlipPaper.RECEIPT, "Till 2 receipts", 80.0), (SlipPaper.A4, None, 210.0)],
)
async def test_the_pick_list_prints_on_the_counters_printer_for_its_paper(
    tmp_path: Path, paper: SlipPaper, printer: str | None, width: float
) -> None:
    printers = PdfPrinters(tmp_path)
    pick = PickList.of(_prepare(), shop_name="Demo shop", now=NOW)
    dialog = PickListDialog(
        pick, paper=paper, printer_name="Till 2 receipts", make_printer=printers
    )
    printed: list[str] = []
    dialog.printed.connect(printed.append)
    waiting = asyncio.ensure_future(await_dialog(dialog))
    try:
        await wait_until(dialog.isVisible)
        dialog.print_button.click()
        chooser = await dialog_of(QPrintDialog)
        # A receipt goes to the counter's slip printer; A4 to the PC's default one.
        assert printers.asked == [(printer, paper)]
        chooser.accept()
        assert await asyncio.wait_for(waiting, 5) == QDialog.DialogCode.Accepted
    finally:
        if dialog.isVisible():
            dialog.reject()
            await asyncio.wait_for(waiting, 5)
        await delete_widget(dialog)

    assert printed == [str(printers.file(1))]
    assert page_width_mm(printers.file(1)) == pytest.approx(width, abs=0.5)
    text = pdf_text(printers.file(1))
    if paper is SlipPaper.RECEIPT:
        # 72 mm wide: the dates without their year.
        assert "Robin V. · claimed 20 Nov · expires 30 Nov" in text
    else:
        assert "Robin V. · claimed 20 Nov 2026 · expires 30 Nov 2026" in text
