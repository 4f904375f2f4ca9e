"""What goes over the counter, through the real window against the simulator: the counts
above the list, identical rewards in one row handed over in part, and the filter field."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import pytest_asyncio
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.pickup_models import ExpiryKind
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.storage import OpState
from pos_app.ui.counter import HAND_OVER, MainWindow
from pos_app.ui.rewards import format_short_date
from tests.helpers import wait_until
from tests.helpers.ui import Counter, open_dialog, running_counter


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        yield made


def titles(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select_row(window: MainWindow, row: int) -> None:
    window.rewards_list.selectionModel().setCurrentIndex(
        window.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


@pytest.mark.asyncio
async def test_the_list_says_how_many_wait_and_groups_identical_ones(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    header = window.counter_screen.customer_page.list_header
    # Robin: 30 rewards, 4 of them expired and one digital; two identical shop mugs.
    assert header.counts_label.text() == "25 to pick up · 4 expired · 1 digital"
    assert header.counts_label.isVisible()
    assert titles(window).count("Shop mug ×2") == 1
    assert window.model.rowCount() == 29


@pytest.mark.asyncio
async def test_some_of_identical_rewards_go_and_the_rest_stay(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    row = titles(window).index("Shop mug ×2")
    mugs = window.model.group(row)
    select_row(window, row)
    QTest.keyClick(window.rewards_list, Qt.Key.Key_Return)
    await wait_until(open_dialog)
    dialog = open_dialog()
    assert dialog is not None
    count = dialog.rows[0].count
    assert count is not None
    assert count.value() == 2
    assert dialog.question.text() == "Hand over these 2 rewards to Robin de Vries?"
    count.setValue(1)
    assert dialog.question.text() == "Hand over this reward to Robin de Vries?"
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    await counter.hand_over_finished()
    # One collect, for the first of them; the other stays on the list as one mug.
    assert list(counter.sim.state.collect_requests) == [mugs[0].loyalty_transaction_uuid]
    assert mugs[0].loyalty_transaction_uuid not in counter.waiting_on_server()
    assert mugs[1].loyalty_transaction_uuid in counter.waiting_on_server()
    assert await counter.journal_states() == [OpState.CONFIRMED]
    assert "Shop mug ×2" not in titles(window)
    assert window.model.row_of(mugs[1].loyalty_transaction_uuid) is not None
    header = window.counter_screen.customer_page.list_header
    assert header.counts_label.text() == "24 to pick up · 4 expired · 1 digital"


@pytest.mark.asyncio
async def test_ctrl_f_filters_a_long_list_and_escape_returns_to_it(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    header = window.counter_screen.customer_page.list_header
    field = header.filter_field
    assert field.isVisible()  # 29 rows: a long list
    QTest.keyClick(window.rewards_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is field
    QTest.keyClicks(field, "39-42")
    # By attribute: the two pairs of striped socks, each with its own expiry date.
    assert titles(window) == ["Striped socks", "Striped socks"]
    assert header.counts_label.text() == "25 to pick up · 4 expired · 1 digital"
    # The first one that can go is selected: Enter would hand it over.
    assert [i.title for i in window.rewards_list.selected_items()] == ["Striped socks"]
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert window.model.rowCount() == 29
    assert window.focusWidget() is window.rewards_list
    # The next customer starts without the last one's filter (another customer in
    # between: the same card again at once would be a double read, and ignored).
    QTest.keyClick(window.rewards_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, "mug")
    assert window.model.rowCount() == 1
    await counter.scan(demo.CARD_EMPTY)
    await counter.load_main_customer()
    assert field.text() == ""
    assert window.model.rowCount() == 29


@pytest.mark.asyncio
async def test_a_short_list_has_no_filter_field(counter: Counter) -> None:
    await counter.scan(demo.EMAIL_NO_CARD)
    window = counter.window
    await wait_until(window.code_entry.isVisible)
    code = counter.sim.state.last_verification_code(demo.EMAIL_NO_CARD)
    assert code is not None
    window.code_entry.code_input.setText(code)
    QTest.keyClick(window.code_entry.code_input, Qt.Key.Key_Return)
    await wait_until(lambda: window.model.rowCount() > 0)
    await counter.settle()
    header = window.counter_screen.customer_page.list_header
    assert window.model.rowCount() <= 8
    assert not header.filter_field.isVisible()
    assert header.counts_label.text() == "2 to pick up · 1 expired"


@pytest.mark.asyncio
async def test_enter_on_an_expired_reward_says_why_with_its_date(counter: Counter) -> None:
    await counter.load_main_customer()
    window = counter.window
    rewards = window.rewards_list
    now = datetime.now(UTC)
    row = next(
        r
        for r in range(window.model.rowCount())
        if window.model.item(r).expiry(now).kind is ExpiryKind.EXPIRED
    )
    item = window.model.item(row)
    assert item.expires_at is not None
    # A click makes it current, never selected.
    rewards.scrollTo(window.model.index(row, 0))
    QTest.mouseClick(
        rewards.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rewards.visualRect(window.model.index(row, 0)).center(),
    )
    assert rewards.currentIndex().row() == row
    assert rewards.selected_items() == []
    reason = f"{item.title} expired on {format_short_date(item.expires_at, with_year=False)}: "
    reason += "it can no longer be handed over."
    label = window.counter_screen.customer_page.selection_label
    await wait_until(lambda: label.text() == reason)
    assert not window.hand_over_button.isEnabled()
    QTest.keyClick(rewards, Qt.Key.Key_Return)
    assert window.message_bar.text() == reason
    assert open_dialog() is None
    assert not window.tasks.is_running(HAND_OVER)
    assert counter.sim.state.collect_requests == {}


@pytest.mark.asyncio
async def test_a_customer_with_only_expired_rewards_gets_a_summary(counter: Counter) -> None:
    data = counter.sim.state.data
    contact = data.contact_for_card(demo.CARD_MAIN)
    now = datetime.now(UTC)
    expired = [i for i in data.items_of(contact.uuid) if i.expires_at and i.expires_at <= now]
    for item in data.items_of(contact.uuid):
        if item not in expired:
            item.collected = True  # picked up earlier: only the expired ones are left
    await counter.load_main_customer()
    window = counter.window
    header = window.counter_screen.customer_page.list_header
    last = max(i.expires_at for i in expired if i.expires_at is not None)
    assert header.counts_label.text() == (
        f"Nothing to pick up: {len(expired)} rewards expired "
        f"(last on {format_short_date(last, with_year=False)})"
    )
    assert window.model.rowCount() == len(expired)
    assert not window.hand_over_button.isEnabled()
