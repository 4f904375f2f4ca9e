"""A customer with a thousand rewards (DEMO-CARD-BIG), through the real window against the
simulator: the whole list, in order, for the right customer, usable from the keyboard."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.pickup_models import group_for_pickup, sort_for_pickup
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.ui.counter import LOOKUP
from pos_app.ui.rewards.model import RewardRole
from tests.helpers import wait_until
from tests.helpers.ui import Counter, open_dialog, running_counter

REWARDS_ROUTE = "piggy.rewards"


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        yield made


def waiting_for(counter: Counter, card: str) -> set[str]:
    data = counter.sim.state.data
    return {i.uuid for i in data.items_of(data.contact_for_card(card).uuid) if not i.collected}


def press_enter_on_scan(counter: Counter, card: str) -> None:
    """Scan ``card`` without waiting for its lookup to end."""
    field = counter.window.search_input
    field.setFocus()
    field.setText(card)
    QTest.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.asyncio
async def test_every_reward_of_a_long_list_is_a_row_in_pickup_order(
    counter: Counter, qtmodeltester: ModelTester
) -> None:
    await counter.scan(demo.CARD_BIG)
    window, model = counter.window, counter.window.model
    items = model.items()
    assert len(items) == 1000
    assert {i.loyalty_transaction_uuid for i in items} == waiting_for(counter, demo.CARD_BIG)
    rows = [model.group(row) for row in range(model.rowCount())]
    assert rows == group_for_pickup(items, model.now)
    firsts = [row[0] for row in rows]
    assert firsts == sort_for_pickup(firsts, model.now)
    # What each row says is that row's own reward's.
    for row in (0, model.rowCount() // 2, model.rowCount() - 1):
        index = model.index(row, 0)
        assert index.data(RewardRole.ITEM) is rows[row][0]
        assert index.data(RewardRole.COUNT) == len(rows[row])
        assert index.data(RewardRole.EXPIRY) == rows[row][0].expiry(model.now)
    going = [i for row in rows if row[0].can_hand_over(model.now) for i in row]
    assert window.counter_screen.customer_page.hand_over_all_button.text() == (
        f"Hand over all ({len(going)})"
    )
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    await counter.settle()


@pytest.mark.asyncio
async def test_a_new_scan_while_a_long_list_is_on_its_way_shows_only_the_new_customer(
    counter: Counter,
) -> None:
    window, sim = counter.window, counter.sim
    sim.set_fault(REWARDS_ROUTE, "hold@1")
    press_enter_on_scan(counter, demo.CARD_BIG)
    await wait_until(lambda: sim.held(REWARDS_ROUTE) == 1)
    await counter.scan(demo.CARD_MAIN)
    main = waiting_for(counter, demo.CARD_MAIN)
    assert {i.loyalty_transaction_uuid for i in window.model.items()} == main
    # The thousand rewards' answer arrives late: it is not shown, now or later.
    assert sim.release(REWARDS_ROUTE) == 1
    await counter.settle()
    assert not window.tasks.is_running(LOOKUP)
    assert window.customer_header.name_label.text() == "Robin de Vries"
    assert {i.loyalty_transaction_uuid for i in window.model.items()} == main
    assert window.model.rowCount() < 100


@pytest.mark.asyncio
async def test_enter_enter_hands_over_the_first_reward_of_a_long_list(counter: Counter) -> None:
    await counter.scan(demo.CARD_BIG)
    window = counter.window
    first = window.model.item(0)
    assert window.rewards_list.hasFocus()
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await wait_until(open_dialog)
    dialog = open_dialog()
    assert dialog is not None
    assert [i.title for i in dialog.chosen_items()] == [first.title]
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    await counter.hand_over_finished()
    assert first.loyalty_transaction_uuid not in waiting_for(counter, demo.CARD_BIG)
    assert window.model.row_of(first.loyalty_transaction_uuid) is None
    assert len(window.model.items()) == 999


@pytest.mark.asyncio
async def test_the_pictures_of_a_long_list_appear(counter: Counter) -> None:
    await counter.scan(demo.CARD_BIG)
    window = counter.window
    view, model, cache = window.rewards_list, window.model, window.pictures
    top = view.indexAt(view.viewport().rect().topLeft()).row()
    shown = [model.index(top + i, 0) for i in range(3)]
    urls = [index.data(RewardRole.PICTURE_URL) for index in shown]
    assert all(urls)
    await wait_until(lambda: all(cache.pixmap(url) is not None for url in urls))
    for index, url in zip(shown, urls, strict=True):
        picture, ready = index.data(Qt.ItemDataRole.DecorationRole), cache.pixmap(url)
        assert ready is not None
        assert picture.cacheKey() == ready.cacheKey()
        assert picture.cacheKey() != cache.placeholder().cacheKey()
    await counter.settle()
