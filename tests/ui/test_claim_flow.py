"""Claim at the counter, driven through the real window against the simulator."""

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
from pos_app.services.claim import ClaimableReward, ClaimCatalogue
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role
from pos_app.storage import CLAIM, COLLECT, RECONCILIATION, Journal, OpState
from pos_app.ui.claim.dialogs import ClaimConfirmDialog, ClaimListDialog
from pos_app.ui.claim.model import ClaimListModel, ClaimRole
from pos_app.ui.counter.claim_flow import CLAIM as CLAIM_TASK
from pos_app.ui.counter.customer_widgets import MessageKind
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.pickups_table import PickupColumn, PickupRole
from pos_app.ui.rewards.model import RewardRole, RowLook
from tests.helpers import wait_until
from tests.helpers.ui import Counter, dialog_of, open_dialog, running_counter, visible

RECEPTION = "piggy.reception"
STAFF = (("Casey Cashier", Role.CASHIER, "1234"),)


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    simulator.config.reverse_collected_reception = "refuse"
    async with running_counter(
        qtbot, app_settings, demo_secrets, simulator, staff_members=STAFF
    ) as made:
        yield made


def reward_uuid(counter: Counter, title: str) -> str:
    return counter.sim.state.data.reward_by_title(title).uuid


def points_on_server(counter: Counter, card: str = demo.CARD_MAIN) -> int:
    with counter.sim.state.lock:
        return counter.sim.state.data.contact_for_card(card).points


def claims_sent(counter: Counter, title: str) -> int:
    key = (counter.customer_uuid, reward_uuid(counter, title))
    return counter.sim.state.reception_requests.get(key, 0)


async def open_claim_list(counter: Counter) -> ClaimListDialog:
    window = counter.window
    button = window.counter_screen.customer_page.claim_button
    assert button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = await dialog_of(ClaimListDialog)
    await wait_until(lambda: dialog.model.rowCount() > 0)
    return dialog


async def choose(dialog: ClaimListDialog, title: str) -> None:
    """Make ``title`` current with the arrow keys, as a cashier would."""
    rows = [dialog.model.reward(r).title for r in range(dialog.model.rowCount())]
    target = rows.index(title)
    QTest.keyClick(dialog.list, Qt.Key.Key_Home)
    current = dialog.list.currentIndex().row()
    step = Qt.Key.Key_Down if target > current else Qt.Key.Key_Up
    for _ in range(abs(target - current)):
        QTest.keyClick(dialog.list, step)
    assert dialog.list.currentIndex().row() == target


async def confirm_with_pin(counter: Counter) -> None:
    confirm = await dialog_of(ClaimConfirmDialog)
    assert not confirm.confirm_button.isEnabled()  # not before the customer agreed
    QTest.keyClick(confirm.agree, Qt.Key.Key_Space)
    assert confirm.confirm_button.isEnabled()
    QTest.keyClick(confirm, Qt.Key.Key_Return)
    # Nobody is signed in: a staff member signs in first.
    pin = await dialog_of(PinDialog)
    QTest.keyClicks(pin.entry.field, "1234")
    QTest.keyClick(pin.entry.field, Qt.Key.Key_Return)


async def claim_finished(counter: Counter) -> None:
    await wait_until(lambda: not counter.window.tasks.is_running(CLAIM_TASK))
    await counter.settle()


async def claims_in_journal(counter: Counter) -> list[object]:
    return list(await counter.journal.call(Journal.recent_operations, kinds=(CLAIM,)))


# -- the list of rewards to claim --------------------------------------------------------------


@pytest.mark.asyncio
async def test_rewards_they_can_claim_with_points_stock_and_what_the_balance_covers(
    counter: Counter,
) -> None:
    await counter.load_main_customer()
    dialog = await open_claim_list(counter)
    model = dialog.model
    rows = {model.reward(r).title: r for r in range(model.rowCount())}
    assert demo.TITLE_DIGITAL not in rows
    assert demo.TITLE_INACTIVE not in rows
    assert dialog.balance_label.text() == "Balance: 1612 points"
    assert dialog.heading.text() == "Rewards Robin de Vries can claim"

    def shown(title: str, role: int) -> object:
        return model.index(rows[title], 0).data(role)

    assert shown("Shop mug", ClaimRole.POINTS_TEXT) == "250 points"
    assert shown("Shop mug", ClaimRole.COVERED) is True
    assert shown(demo.TITLE_EXPENSIVE, ClaimRole.COVERED) is False
    assert shown(demo.TITLE_EXPENSIVE, ClaimRole.STATUS_TEXT) == "Needs 3388 points more"
    assert shown(demo.TITLE_OUT_OF_STOCK, ClaimRole.STATUS_TEXT) == "Out of stock"
    assert shown(demo.TITLE_WITH_STOCK, ClaimRole.STOCK_TEXT) == "25 left"
    assert shown("Mystery gift", ClaimRole.ATTRIBUTES_TEXT) == "Eennaam false"
    look = shown("Shop mug", RewardRole.LOOK)
    assert isinstance(look, RowLook)
    assert look.badge == "250 points"
    # The first reward the balance covers is current and selected: Enter takes it.
    assert dialog.list.current_reward() is not None
    assert dialog.claim_button.isEnabled()
    # Enter on one the balance does not cover says why; nothing opens.
    await choose(dialog, demo.TITLE_EXPENSIVE)
    assert not dialog.claim_button.isEnabled()
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.note.text() == (
        "Espresso machine costs 5000 points; the customer has 1612 points."
    )
    assert visible(ClaimConfirmDialog) is None
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    await claim_finished(counter)
    assert await claims_in_journal(counter) == []


def test_the_claim_list_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    mug = ClaimableReward("r-mug", "Shop mug", None, 250, None, None, (("size", "L"),))
    poster = ClaimableReward("r-poster", "Poster", "A2", 300, 0, None)
    machine = ClaimableReward("r-machine", "Espresso machine", None, 5000, 3, None)
    model = ClaimListModel()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.set_catalogue(ClaimCatalogue((mug, poster, machine), 1612))
    assert [model.covered(r) for r in range(3)] == [True, False, False]
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable
    model.set_balance(100)
    assert [model.covered(r) for r in range(3)] == [False, False, False]
    assert model.row_of("r-machine") == 2
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.clear()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


# -- claiming ---------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_claim_with_enough_points_then_enter_enter_hands_it_over(
    counter: Counter,
) -> None:
    window = counter.window
    await counter.load_main_customer()
    dialog = await open_claim_list(counter)
    await choose(dialog, "Shop mug")
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    confirm = await dialog_of(ClaimConfirmDialog)
    assert confirm.question.text() == "Claim Shop mug for Robin de Vries?"
    assert confirm.before.text() == "1612 points"
    assert confirm.cost.text() == "− 250 points"
    assert confirm.after.text() == "1362 points"
    await confirm_with_pin(counter)
    await claim_finished(counter)

    assert window.message_bar.kind is MessageKind.SUCCESS
    assert window.message_bar.text() == (
        "Claimed Shop mug: it waits in the pickup list. 1362 points left on the balance."
    )
    assert window.customer_header.points_label.text() == "1362 Piggy points"
    assert points_on_server(counter) == 1362
    assert claims_sent(counter, "Shop mug") == 1
    (claim,) = await counter.journal.call(Journal.recent_operations, kinds=(CLAIM,))
    assert (claim.state, claim.staff_name, claim.points) == (
        OpState.CONFIRMED,
        "Casey Cashier",
        250,
    )
    # The new reward is current in the pickup list, the list has the focus: Enter, Enter.
    rewards = window.rewards_list
    await wait_until(lambda: window.focusWidget() is rewards)
    current = rewards.currentIndex().data(RewardRole.ITEMS)
    assert claim.loyalty_transaction_uuid in {item.loyalty_transaction_uuid for item in current}
    QTest.keyClick(rewards, Qt.Key.Key_Return)
    await wait_until(open_dialog)
    hand_over = open_dialog()
    assert hand_over is not None
    # Of the customer's three identical mugs, the one just claimed is the one offered.
    (row,) = hand_over.rows
    assert row.count is not None
    assert (row.count.value(), row.count.maximum()) == (1, 3)
    QTest.keyClick(hand_over, Qt.Key.Key_Return)
    await counter.hand_over_finished()
    collected = [
        op.loyalty_transaction_uuid
        for op in await counter.journal.call(Journal.recent_operations, kinds=(COLLECT,))
        if op.state is OpState.CONFIRMED
    ]
    assert collected == [claim.loyalty_transaction_uuid]
    assert counter.sim.state.item(claim.loyalty_transaction_uuid or "").collected


@pytest.mark.asyncio
async def test_a_claim_with_too_few_points_is_said_in_shop_words(counter: Counter) -> None:
    window = counter.window
    await counter.load_main_customer()
    dialog = await open_claim_list(counter)
    await choose(dialog, "Shop mug")
    # The customer spent points elsewhere since the list was read: Piggy says no (1017).
    with counter.sim.state.lock:
        counter.sim.state.data.contact_for_card(demo.CARD_MAIN).points = 100
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    await confirm_with_pin(counter)
    await claim_finished(counter)

    assert window.message_bar.kind is MessageKind.ERROR
    assert window.message_bar.text() == (
        "Not claimed: the customer does not have enough points for Shop mug."
    )
    (claim,) = await counter.journal.call(Journal.recent_operations, kinds=(CLAIM,))
    assert (claim.state, claim.error_code) == (OpState.FAILED, "1017")
    assert points_on_server(counter) == 100


@pytest.mark.asyncio
async def test_a_reward_claimed_as_often_as_allowed_is_said_in_shop_words(
    counter: Counter,
) -> None:
    window = counter.window
    await counter.load_main_customer()
    # The demo's one-per-customer reward: the first claim goes through …
    dialog = await open_claim_list(counter)
    await choose(dialog, demo.TITLE_CLAIM_LIMIT)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    await confirm_with_pin(counter)
    await claim_finished(counter)
    assert window.message_bar.text().startswith(f"Claimed {demo.TITLE_CLAIM_LIMIT}: ")
    rewards_before = window.model.rowCount()
    # … the second is refused by Piggy (1019).
    dialog = await open_claim_list(counter)
    await choose(dialog, demo.TITLE_CLAIM_LIMIT)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    confirm = await dialog_of(ClaimConfirmDialog)
    QTest.keyClick(confirm.agree, Qt.Key.Key_Space)
    QTest.keyClick(confirm, Qt.Key.Key_Return)
    await claim_finished(counter)

    assert window.message_bar.kind is MessageKind.ERROR
    assert window.message_bar.text() == (
        f"Not claimed: the customer has claimed {demo.TITLE_CLAIM_LIMIT} as often as it can "
        "be claimed."
    )
    refused, claimed = await counter.journal.call(Journal.recent_operations, kinds=(CLAIM,))
    assert (refused.state, refused.error_code) == (OpState.FAILED, "1019")
    assert claimed.state is OpState.CONFIRMED
    # Nothing changed since the first claim: the points, the header, the pickup list.
    assert points_on_server(counter) == 1512
    assert window.customer_header.points_label.text() == "1512 Piggy points"
    assert window.model.rowCount() == rewards_before
    assert claims_sent(counter, demo.TITLE_CLAIM_LIMIT) == 2


@pytest.mark.asyncio
async def test_a_customer_with_too_few_points_cannot_choose_the_reward(counter: Counter) -> None:
    await counter.scan(demo.CARD_EMPTY)
    await counter.settle()
    dialog = await open_claim_list(counter)
    assert dialog.balance_label.text() == "Balance: 0 points"
    assert not dialog.claim_button.isEnabled()
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert visible(ClaimConfirmDialog) is None
    assert "the customer has 0 points" in dialog.note.text()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    await claim_finished(counter)


@pytest.mark.asyncio
async def test_no_claim_for_an_email_without_its_code(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(require_code_for_email=False)
    async with running_counter(
        qtbot, settings, demo_secrets, simulator, staff_members=STAFF
    ) as made:
        window = made.window
        await made.scan(demo.EMAIL_MAIN)
        await wait_until(lambda: window.model.rowCount() > 0)
        await made.settle()
        QTest.mouseClick(
            window.counter_screen.customer_page.claim_button, Qt.MouseButton.LeftButton
        )
        assert window.message_bar.kind is MessageKind.ERROR
        assert window.message_bar.text() == (
            "To spend points, identify the customer the safe way: scan their card, or look "
            "them up by email and type the code Piggy emails them."
        )
        assert visible(ClaimListDialog) is None
        assert not window.tasks.is_running(CLAIM_TASK)
        assert made.sim.state.reception_requests == {}
        assert await claims_in_journal(made) == []


@pytest.mark.asyncio
async def test_a_lost_answer_is_settled_from_piggy_without_a_second_claim(
    counter: Counter,
) -> None:
    window = counter.window
    await counter.load_main_customer()
    counter.sim.set_fault(RECEPTION, "after_apply:drop@1")
    dialog = await open_claim_list(counter)
    await choose(dialog, "Shop mug")
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    await confirm_with_pin(counter)
    await claim_finished(counter)

    assert window.message_bar.kind is MessageKind.SUCCESS
    assert window.message_bar.text().startswith("Claimed Shop mug: it waits in the pickup list.")
    assert claims_sent(counter, "Shop mug") == 1
    (claim,) = await counter.journal.call(Journal.recent_operations, kinds=(CLAIM,))
    assert (claim.state, claim.resolved_by) == (OpState.CONFIRMED, RECONCILIATION)
    assert window.customer_header.points_label.text() == "1362 Piggy points"
    assert window.model.row_of(claim.loyalty_transaction_uuid or "") is not None


@pytest.mark.asyncio
async def test_a_claim_shows_in_recent_pickups_as_a_claim(counter: Counter) -> None:
    window = counter.window
    await counter.load_main_customer()
    dialog = await open_claim_list(counter)
    await choose(dialog, "Shop mug")
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    await confirm_with_pin(counter)
    await claim_finished(counter)
    window.show_recent_pickups()
    view = window.recent_view
    assert view is not None
    await wait_until(lambda: view.model.rowCount() == 1)
    state = view.model.index(0, PickupColumn.STATE).data()
    assert state == "Claimed for 250 points"
    assert view.model.index(0, PickupColumn.REWARD).data() == "Shop mug"
    # Not a hand-over: nothing to reverse or reprint from here.
    assert view.model.index(0, 0).data(PickupRole.CAN_REVERSE) is False


def test_the_notice_after_settling_names_the_claims(qapp: object) -> None:
    from datetime import UTC, datetime

    from pos_app.services.pickup import Reconciled
    from pos_app.storage import Operation
    from pos_app.ui.counter.words import describe_reconciled

    def claim(title: str, state: OpState) -> Reconciled:
        moment = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
        return Reconciled(
            Operation(
                operation_id=title,
                kind=CLAIM,
                state=state,
                created_at=moment,
                updated_at=moment,
                shop_uuid=None,
                counter="c1",
                staff_id=None,
                staff_name=None,
                customer_uuid="c",
                loyalty_transaction_uuid=None,
                redemption_uuid=None,
                reward_title=title,
                error_code=None,
                error_message=None,
                reason=None,
                note=None,
                reference=None,
                reverses_operation_id=None,
                resolved_by=RECONCILIATION,
            )
        )

    text = describe_reconciled(
        [claim("Shop mug", OpState.CONFIRMED), claim("Summer hat", OpState.FAILED)]
    )
    assert text == (
        "Earlier unfinished claims were checked with Piggy — claimed (waiting in the pickup "
        "list): Shop mug; not claimed: Summer hat."
    )
