"""The Reports page: a manager's PIN first, then a day's or a week's figures at a glance."""

from __future__ import annotations

import csv
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
import pytest_asyncio
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import load_settings
from pos_app.services.shared_journal import SharedJournal
from pos_app.services.staff import Role, StaffDirectory, StaffService
from pos_app.storage import AsyncJournal, Journal
from pos_app.storage.shared import chain_id_of, insert_rows
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.reports import BarChart, ReportsDialog, ReportsEntry
from tests.helpers import staff_service, wait_until
from tests.helpers.postgres import COUNTER_A, COUNTER_A2, TEST_PASSWORD, SharedDatabase
from tests.helpers.printing import pdf_text
from tests.helpers.report_data import (
    BEN,
    DAY,
    TZ,
    Pickups,
    SettableClock,
    write_known_days,
    write_refund_and_claims,
)
from tests.helpers.ui import dialog_of, visible

MANAGER_PIN = "246810"


@pytest_asyncio.fixture
async def journal(tmp_path: Path) -> AsyncIterator[AsyncJournal]:
    clock = SettableClock()
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path, shop_uuid="shop-1", counter="Counter 1", clock=clock) as writing:
        write_known_days(writing, clock)
    opened = await AsyncJournal.open(path, shop_uuid="shop-1", counter="Counter 1")
    try:
        yield opened
    finally:
        await opened.aclose()


@pytest_asyncio.fixture
async def refunds_journal(tmp_path: Path) -> AsyncIterator[AsyncJournal]:
    clock = SettableClock()
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path, shop_uuid="shop-1", counter="Counter 1", clock=clock) as writing:
        write_known_days(writing, clock)
        write_refund_and_claims(writing, clock)
    opened = await AsyncJournal.open(path, shop_uuid="shop-1", counter="Counter 1")
    try:
        yield opened
    finally:
        await opened.aclose()


@pytest_asyncio.fixture
async def staff(tmp_path: Path) -> AsyncIterator[StaffService]:
    async with staff_service(tmp_path / "staff.sqlite3") as service:
        await service.call(StaffDirectory.add, "Max", Role.MANAGER, MANAGER_PIN)
        try:
            yield service
        finally:
            for kind in (ReportsDialog, PinDialog):
                while (left := visible(kind)) is not None:
                    left.reject()


def _texts(widget: QWidget) -> str:
    return " | ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def _cells(table: QTableWidget) -> list[list[str]]:
    return [
        [
            (item.text() if (item := table.item(row, col)) else "")
            for col in range(table.columnCount())
        ]
        for row in range(table.rowCount())
    ]


async def _open_report(
    journal: AsyncJournal, staff: StaffService, window: QWidget, tasks: TaskOwner
) -> ReportsDialog:
    entry = ReportsEntry(journal, staff, tasks, window, today=lambda: DAY, tz=TZ)
    return await _open_with(entry, window)


async def _open_with(entry: ReportsEntry, window: QWidget) -> ReportsDialog:
    window.show()
    QTest.mouseClick(entry.button, Qt.MouseButton.LeftButton)
    approval = await dialog_of(PinDialog)
    QTest.keyClicks(approval.entry.field, MANAGER_PIN)
    QTest.keyClick(approval.entry.field, Qt.Key.Key_Return)
    dialog = await dialog_of(ReportsDialog)
    await wait_until(lambda: dialog.report is not None)
    return dialog


@pytest.mark.asyncio
async def test_a_manager_sees_today_at_a_glance(journal: AsyncJournal, staff: StaffService) -> None:
    window, tasks = QWidget(), TaskOwner()
    try:
        dialog = await _open_report(journal, staff, window, tasks)
        shown = _texts(dialog)
        assert "Monday 11 May 2026" in shown
        assert "7 hand-overs" in shown
        assert "8 rewards" in shown
        assert "2 reversals" in shown
        assert "This counter only" in shown

        hours = dialog.per_hour_chart
        assert hours.bars()[9] == ("09", 2)
        assert hours.bars()[23] == ("23", 1)
        assert dialog.per_staff_chart.bars() == [("Ann Cashier", 4), ("Ben Cashier", 3)]
        assert _cells(dialog.rewards_table) == [
            ["Coffee mug", "5", "—"],
            ["Tote bag", "2", "9.00"],
            ["Scarf", "1", "12.00"],
            ["Total", "8", "21.00"],
        ]
        assert _cells(dialog.reversals_table) == [
            [
                "13:45",
                "Counter 1",
                "Tote bag",
                "Back for pickup",
                "Damaged",
                "Torn seam",
                "Max Manager",
            ],
            [
                "15:00",
                "Counter 1",
                "Coffee mug",
                "Back for pickup",
                "Mis-tap, undone at the counter",
                "",
                "Ann Cashier",
            ],
        ]
    finally:
        await tasks.cancel_all()
        window.deleteLater()


@pytest.mark.asyncio
async def test_a_refund_is_a_reversal_and_claims_have_their_own_figure(
    refunds_journal: AsyncJournal, staff: StaffService, tmp_path: Path
) -> None:
    window, tasks = QWidget(), TaskOwner()
    try:
        dialog = await _open_report(refunds_journal, staff, window, tasks)
        shown = _texts(dialog)
        # The refunded scarf is not a hand-over; its refund is the third reversal.
        assert "7 hand-overs · 8 rewards · 3 reversals" in shown
        assert "2 claims at the counter (650 points)" in shown
        assert _cells(dialog.reversals_table)[-1] == [
            "16:30",
            "Counter 1",
            "Scarf",
            "Points refunded",
            "Damaged",
            "Stained",
            "Max Manager",
        ]

        with dialog.export_csv(tmp_path / "report.csv").open(
            encoding="utf-8-sig", newline=""
        ) as file:
            rows = list(csv.reader(file))
        assert ["Claims at the counter", "Points spent"] in rows
        assert ["2", "650"] in rows
        assert [
            "2026-05-11 16:30",
            "Counter 1",
            "Scarf",
            "Points refunded",
            "Damaged",
            "Stained",
            "Max Manager",
        ] in rows
        text = pdf_text(dialog.export_pdf(tmp_path / "report.pdf"))
        for expected in ("Points refunded", "Stained", "2 claims at the counter (650 points)"):
            assert expected in text, expected
    finally:
        await tasks.cancel_all()
        window.deleteLater()


@pytest.mark.asyncio
async def test_a_chosen_day_and_a_week(journal: AsyncJournal, staff: StaffService) -> None:
    window, tasks = QWidget(), TaskOwner()
    try:
        dialog = await _open_report(journal, staff, window, tasks)
        dialog.choose_period(dialog.A_DAY, DAY - timedelta(days=1))
        await wait_until(lambda: dialog.report is not None and dialog.report.handovers == 1)
        assert "1 hand-over" in _texts(dialog)
        assert dialog.per_hour_chart.bars()[23] == ("23", 1)

        dialog.choose_period(dialog.THIS_WEEK)
        await wait_until(lambda: dialog.report is not None and dialog.report.period.is_week)
        shown = _texts(dialog)
        assert "11 May – 17 May 2026" in shown
        assert "8 hand-overs" in shown

        dialog.choose_period(dialog.A_WEEK, DAY - timedelta(days=7))
        await wait_until(lambda: dialog.report is not None and dialog.report.handovers == 1)
        assert dialog.date_edit.date() == QDate(2026, 5, 4)
    finally:
        await tasks.cancel_all()
        window.deleteLater()


@pytest.mark.asyncio
async def test_the_report_exports_as_csv_and_pdf(
    journal: AsyncJournal, staff: StaffService, tmp_path: Path
) -> None:
    window, tasks = QWidget(), TaskOwner()
    try:
        dialog = await _open_report(journal, staff, window, tasks)
        csv_path = dialog.export_csv(tmp_path / "out" / "report.csv")
        with csv_path.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.reader(file))
        assert ["Ann Cashier", "4", "5"] in rows
        assert ["Coffee mug", "5", ""] in rows
        assert ["Tote bag", "2", "9.00"] in rows
        assert [
            "2026-05-11 13:45",
            "Counter 1",
            "Tote bag",
            "Back for pickup",
            "Damaged",
            "Torn seam",
            "Max Manager",
        ] in rows

        pdf_path = dialog.export_pdf(tmp_path / "out" / "report.pdf")
        text = pdf_text(pdf_path)
        for expected in (
            "Monday 11 May 2026",
            "7 hand-overs",
            "Hand-overs per hour",
            "Ann Cashier",
            "Coffee mug",
            "21.00",
            "Torn seam",
            "Damaged",
            "This counter only",
        ):
            assert expected in text, expected
    finally:
        await tasks.cancel_all()
        window.deleteLater()


@pytest.mark.asyncio
async def test_without_the_manager_pin_no_report_opens(
    journal: AsyncJournal, staff: StaffService
) -> None:
    window, tasks = QWidget(), TaskOwner()
    entry = ReportsEntry(journal, staff, tasks, window, today=lambda: DAY, tz=TZ)
    window.show()
    try:
        assert "manager" in entry.button.toolTip().lower()
        QTest.mouseClick(entry.button, Qt.MouseButton.LeftButton)
        approval = await dialog_of(PinDialog)
        QTest.keyClicks(approval.entry.field, "999999")
        QTest.keyClick(approval.entry.field, Qt.Key.Key_Return)
        await wait_until(lambda: approval.entry.field.text() == "")
        assert visible(ReportsDialog) is None
        approval.reject()
        await wait_until(lambda: tasks.pending == 0)
        assert visible(ReportsDialog) is None
    finally:
        await tasks.cancel_all()
        window.deleteLater()


@pytest.mark.asyncio
async def test_without_a_staff_list_the_entry_says_why(journal: AsyncJournal) -> None:
    window, tasks = QWidget(), TaskOwner()
    entry = ReportsEntry(journal, None, tasks, window, today=lambda: DAY, tz=TZ)
    try:
        assert not entry.button.isEnabled()
        assert "cannot be opened" in entry.button.toolTip()
        entry.open()
        assert tasks.pending == 0
    finally:
        window.deleteLater()


def test_bars_are_as_tall_as_their_share_of_the_largest(qtbot: object) -> None:
    chart = BarChart("Per hour")
    chart.resize(400, 200)
    chart.set_bars([("a", 4), ("b", 2), ("c", 0)])
    a, b, c = chart.bar_rects()
    assert a.height() == pytest.approx(2 * b.height(), abs=1)
    assert c.height() == 0
    assert a.bottom() == pytest.approx(b.bottom(), abs=0.5)
    chart.set_bars([])
    assert chart.bar_rects() == []
    chart.deleteLater()


async def _shared_journal(settings_dir: Path, url: str, journal: AsyncJournal) -> SharedJournal:
    settings = load_settings().with_overrides(
        data_dir=settings_dir,
        shop_uuid="shop-1",
        counter_name="Counter 2",
        shared_journal_url=url,
    )
    assert settings.journal_path == journal.path
    secrets = SecretStore(env={SecretName.SHARED_JOURNAL_PASSWORD.env_var: TEST_PASSWORD})
    shared = await SharedJournal.open(settings, secrets)
    assert shared is not None
    return shared


@pytest.mark.asyncio
async def test_with_a_shared_journal_the_report_is_the_shops(
    shared_db: SharedDatabase, staff: StaffService, tmp_path: Path
) -> None:
    clock = SettableClock()
    with Journal.open(
        tmp_path / "one.sqlite3", shop_uuid="s", counter="Counter 1", clock=clock
    ) as one:
        write_known_days(one, clock)
        rows = list(one.raw_rows())
    async with await psycopg.AsyncConnection.connect(shared_db.conninfo(COUNTER_A)) as conn:
        await insert_rows(conn, chain_id_of(rows[0]), rows)
    path = tmp_path / "two" / "journal.sqlite3"
    with Journal.open(path, shop_uuid="s", counter="Counter 2", clock=clock) as two:
        clock.at(DAY, 11, 0)
        Pickups(two, clock).hand_over(BEN, ["Scarf"])
    journal = await AsyncJournal.open(path, shop_uuid="s", counter="Counter 2")
    shared = await _shared_journal(tmp_path / "two", shared_db.url(COUNTER_A2), journal)
    window, tasks = QWidget(), TaskOwner()
    try:
        shared.start()
        shared.wake()
        await wait_until(lambda: shared.copier.passes >= 1)
        entry = ReportsEntry(journal, staff, tasks, window, today=lambda: DAY, tz=TZ)
        entry.set_shared_journal(shared)
        dialog = await _open_with(entry, window)
        shown = _texts(dialog)
        assert "Every counter of the shop" in shown
        assert "8 hand-overs" in shown
        assert dialog.per_staff_chart.bars() == [("Ann Cashier", 4), ("Ben Cashier", 4)]
        assert "Counter 1: up to" in dialog.sync.text()
        assert "Counter 2: up to" in dialog.sync.text()
    finally:
        await tasks.cancel_all()
        window.deleteLater()
        await shared.aclose()
        await journal.aclose()


@pytest.mark.asyncio
async def test_while_the_shared_journal_is_away_the_report_is_this_counters(
    shared_db: SharedDatabase, journal: AsyncJournal, staff: StaffService, tmp_path: Path
) -> None:
    away = shared_db.url(COUNTER_A).replace(shared_db.name, "no_such_database")
    shared = await _shared_journal(journal.path.parent, away, journal)
    window, tasks = QWidget(), TaskOwner()
    try:
        entry = ReportsEntry(journal, staff, tasks, window, today=lambda: DAY, tz=TZ)
        entry.set_shared_journal(shared)
        dialog = await _open_with(entry, window)
        shown = _texts(dialog)
        assert "This counter only" in shown
        assert "7 hand-overs" in shown
        assert "The shared journal cannot be reached" in dialog.sync.text()
    finally:
        await tasks.cancel_all()
        window.deleteLater()
        await shared.aclose()
