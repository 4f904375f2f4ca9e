"""To prepare in the counter window, against the simulator: the shop's claims listed and
grouped, marked ready on the shelf, the mark on the customer's row at the counter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest
import pytest_asyncio
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role, StaffDirectory
from pos_app.storage import SHELF_READY, Journal
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.prepare.model import PrepareRole
from pos_app.ui.prepare.view import ToPrepareView
from pos_app.ui.rewards import RewardRole
from tests.helpers import wait_until
from tests.helpers.ui import Counter, running_counter, visible

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        yield made


def _view(counter: Counter) -> ToPrepareView:
    page = counter.window.prepare_page
    assert page is not None
    return page.view


async def _open(counter: Counter) -> ToPrepareView:
    view = _view(counter)
    loads: list[None] = []
    view.loaded.connect(lambda: loads.append(None))
    # The key is the window's: after a dialog closed, the window is active again first.
    counter.window.activateWindow()
    await wait_until(counter.window.isActiveWindow)
    QTest.keyClick(counter.window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: loads and not view.is_loading(), within=30)
    return view


def _waiting(sim: Simulator, now: datetime) -> list[demo.CollectableItem]:
    """What the simulator holds for pickup at the first shop, physical and not expired."""
    data = sim.state.data
    shop = data.shops[0].uuid
    return [
        item
        for item in data.items.values()
        if not item.collected
        and data.receptions[item.uuid].shop_uuid == shop
        and item.reward.reward_type != "DIGITAL"
        and (item.expires_at is None or item.expires_at > now)
    ]


def _claim_index(view: ToPrepareView, loyalty_transaction_uuid: str) -> QModelIndex:
    index = view.model.index_of(loyalty_transaction_uuid)
    assert index.isValid()
    return index


async def test_to_prepare_lists_groups_marks_and_the_mark_shows_at_the_counter(
    counter: Counter,
) -> None:
    view = await _open(counter)

    assert counter.window.pages.currentWidget() is counter.window.prepare_page
    prepare = view.model.prepare_list()
    assert prepare is not None
    expected = _waiting(counter.sim, prepare.fetched_at)
    assert {item.loyalty_transaction_uuid for item in prepare.items} == {
        item.uuid for item in expected
    }
    assert prepare.complete
    # Grouped by reward with counts; newest claim first within each group.
    by_title: dict[str, int] = {}
    for item in expected:
        by_title[item.reward.title] = by_title.get(item.reward.title, 0) + 1
    shown: dict[str, int] = {}
    for row in range(view.model.rowCount()):
        group = view.model.index(row, 0).data(PrepareRole.GROUP)
        claimed = [item.claimed_at for item in group.items]
        assert claimed == sorted(claimed, reverse=True)
        shown[group.reward_title] = shown.get(group.reward_title, 0) + len(group.items)
    assert shown == by_title
    robin = counter.sim.state.data.contact_for_card(demo.CARD_MAIN)
    robins = [item for item in prepare.items if item.contact_uuid == robin.uuid]
    assert robins
    assert {item.customer_name for item in robins} == {"Robin V."}

    # Staff mark one of Robin's rewards ready on the shelf.
    chosen = robins[0]
    view.tree.setCurrentIndex(_claim_index(view, chosen.loyalty_transaction_uuid))
    marked: list[list[str]] = []
    view.marked.connect(marked.append)
    view.ready_button.click()
    await wait_until(lambda: marked)
    (event,) = await counter.journal.call(Journal.events, kind=SHELF_READY)
    assert event.loyalty_transaction_uuid == chosen.loyalty_transaction_uuid
    assert event.customer_uuid == robin.uuid

    # Robin comes to the counter: the row says so.
    page = counter.window.prepare_page
    assert page is not None
    page.back_button.click()
    await counter.load_main_customer()
    model = counter.window.model
    await wait_until(lambda: model.shelf_marks())
    on_list = model.row_of(chosen.loyalty_transaction_uuid)
    assert on_list is not None
    index = model.index(on_list, 0)
    shelf = index.data(RewardRole.SHELF_TEXT)
    assert shelf.startswith("Ready on the shelf since ")
    # A row of identical rewards says how many of them are there.
    if index.data(RewardRole.COUNT) > 1:
        assert "ready on the shelf" in shelf
    assert index.data(RewardRole.LOOK).on_shelf
    assert shelf in index.data(Qt.ItemDataRole.ToolTipRole)


async def test_a_hand_over_takes_the_claim_off_the_list(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    item = window.model.item(0)
    window.rewards_list.setCurrentIndex(window.model.index(0, 0))
    await counter.confirm_hand_over()
    await counter.hand_over_finished()
    assert counter.sim.state.data.items[item.loyalty_transaction_uuid].collected

    view = await _open(counter)

    assert not view.model.index_of(item.loyalty_transaction_uuid).isValid()


async def test_when_piggy_fails_the_last_list_stays_with_since_when(counter: Counter) -> None:
    view = await _open(counter)
    before = view.model.rowCount()
    assert before > 0

    counter.sim.set_fault("piggy.transactions", "error:503")
    view.refresh_button.click()
    await wait_until(lambda: view.message.isVisible() and not view.is_loading(), within=30)

    assert view.model.rowCount() == before
    assert "The list shown is from" in view.message.text()
    assert view.message_kind == "error"

    counter.sim.clear_faults()
    view.refresh_timer.timeout.emit()
    await wait_until(lambda: not view.message.isVisible() and not view.is_loading(), within=30)
    assert view.model.rowCount() == before


async def test_a_held_answer_leaves_the_counter_responsive(counter: Counter) -> None:
    counter.sim.set_fault("piggy.transactions", "hold")
    view = _view(counter)
    counter.window.show_to_prepare()
    await wait_until(lambda: counter.sim.held("piggy.transactions") >= 1)

    # The page says it is loading, and the counter answers meanwhile.
    assert view.is_loading()
    assert view.status.text() == "Loading the list…"
    counter.window.show_counter()
    assert counter.window.pages.currentWidget() is not counter.window.prepare_page

    counter.sim.clear_faults()
    counter.sim.release("piggy.transactions")
    await wait_until(lambda: not view.is_loading(), within=30)


async def test_the_recent_pickups_header_opens_to_prepare(counter: Counter) -> None:
    counter.window.show_recent_pickups()
    recent = counter.window.recent_page
    assert recent is not None
    assert recent.prepare_button is not None

    recent.prepare_button.click()

    assert counter.window.pages.currentWidget() is counter.window.prepare_page
    await wait_until(lambda: not _view(counter).is_loading(), within=30)


# The offscreen platform cannot raise a window, and says so when the kiosk puts it back.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
async def test_a_kiosk_does_not_offer_to_prepare(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(kiosk=True)
    manager = ("Morgan Manager", Role.MANAGER, "246810")
    async with running_counter(
        qtbot, settings, demo_secrets, simulator, staff_members=(manager,)
    ) as made:
        shown = made.window.pages.currentWidget()

        QTest.keyClick(made.window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)

        assert made.window.prepare_page is None
        assert made.window.pages.currentWidget() is shown
        assert made.window.recent_page is not None
        assert made.window.recent_page.prepare_button is None


async def test_where_staff_sign_in_a_mark_asks_who_first(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(require_staff_sign_in=True)
    async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
        # Added after the start, so nobody was asked to sign in yet: nobody is.
        await made.staff.call(StaffDirectory.add, "Casey Cashier", Role.CASHIER, "1234")
        view = await _open(made)
        prepare = view.model.prepare_list()
        assert prepare is not None
        view.tree.setCurrentIndex(_claim_index(view, prepare.items[0].loyalty_transaction_uuid))
        marked: list[list[str]] = []
        view.marked.connect(marked.append)

        view.ready_button.click()

        await wait_until(lambda: visible(PinDialog))
        assert marked == []
        pin = visible(PinDialog)
        assert pin is not None
        QTest.keyClicks(pin.entry.field, "1234")
        QTest.keyClick(pin.entry.field, Qt.Key.Key_Return)
        await wait_until(lambda: marked)
        (event,) = await made.journal.call(Journal.events, kind=SHELF_READY)
        assert event.staff_name == "Casey Cashier"
