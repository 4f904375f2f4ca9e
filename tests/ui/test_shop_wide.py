"""Two counter windows of one shop on one PostgreSQL and one simulator, as the app opens
them: the shop journal in the status bar, the shop's Recent pickups, reverse at any counter."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pos_app.demo import DEMO_STAFF_PIN_KEY
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role, StaffDirectory
from pos_app.storage import COLLECT, REVERSE, Journal, OpState, ReverseReason, StaffRef
from pos_app.ui.app import open_services
from pos_app.ui.counter import MainWindow
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.managers.pickups_table import PickupColumn
from pos_app.ui.managers.recent_pickups import RecentPickupsView
from pos_app.ui.managers.reports import ReportsDialog
from pos_app.ui.managers.reverse_dialog import ReturnAction, ReverseDialog
from tests.helpers import RetryWaits, wait_until
from tests.helpers.postgres import COUNTER_A, COUNTER_A2, TEST_PASSWORD, SharedDatabase
from tests.helpers.ui import Counter, delete_widget, dialog_of
from tests.services.test_shop_counters import cut_off, reconnect

MANAGER_PIN = "246810"


def shop_secrets(_demo_secrets: SecretStore) -> SecretStore:
    """The demo's secrets (as the ``demo_secrets`` fixture), and the test login's password."""
    return SecretStore(
        env={
            SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN,
            SecretName.GIFTOIN_API_KEY.env_var: demo.DEMO_GIFTOIN_KEY,
            SecretName.NUDJ_TOKEN.env_var: demo.DEMO_NUDJ_TOKEN,
            SecretName.STAFF_PIN_KEY.env_var: DEMO_STAFF_PIN_KEY,
            SecretName.SHARED_JOURNAL_PASSWORD.env_var: TEST_PASSWORD,
        },
        use_keyring=False,
    )


@asynccontextmanager
async def shop_window(
    settings: Settings, secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    """A counter window opened as the app opens one (open_services), closed on the loop."""
    services = await open_services(settings, build_clients(settings, secrets), secrets)
    assert services.journal is not None
    assert services.staff is not None
    window = MainWindow(services)
    window.show()
    window.start()
    made = Counter(
        window,
        simulator,
        services.journal,
        services.clients,
        settings.data_dir,
        services.staff,
        RetryWaits(),
    )
    try:
        if window.kiosk is None:  # a kiosk's idle watch keeps a task going
            await wait_until(lambda: window.tasks.pending == 0)
        yield made
    finally:
        if window.kiosk is not None:
            window.kiosk.unlocked = True  # as if a manager had typed their PIN
        for dialog in window.findChildren(ReverseDialog):
            dialog.reject()
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.close()
        await asyncio.wait_for(closed.wait(), 5)
        await services.aclose()
        await delete_widget(window)


def at(app_settings: Settings, tmp_path: Path, name: str, url: str | None) -> Settings:
    return app_settings.with_overrides(
        data_dir=tmp_path / name, counter_name=name, shared_journal_url=url
    )


def shared_status(counter: Counter) -> str:
    return counter.window.status.shared_label.text()


async def hand_over_one(counter: Counter) -> None:
    await counter.load_main_customer()
    await counter.confirm_hand_over()
    await counter.hand_over_finished()


@pytest.mark.asyncio
async def test_without_a_url_the_counter_is_as_before(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    tmp_path: Path,
) -> None:
    settings = at(app_settings, tmp_path, "Counter 1", None)
    async with shop_window(settings, shop_secrets(demo_secrets), simulator) as counter:
        assert counter.window.services.shared is None
        assert counter.window.status.shared_label.isHidden()
        view = counter.window.recent_view
        assert view is not None
        assert not view.shop_wide
        assert view.counter_filter.isHidden()


@pytest.mark.asyncio
async def test_a_database_that_cannot_be_reached_never_stops_the_counter(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    tmp_path: Path,
) -> None:
    nowhere = f"postgresql://{COUNTER_A}@/journal?host={tmp_path / 'no-server'}&port=5432"
    settings = at(app_settings, tmp_path, "Counter 1", nowhere)
    async with shop_window(settings, shop_secrets(demo_secrets), simulator) as counter:
        assert counter.window.services.shared is not None
        await hand_over_one(counter)
        assert await counter.journal_states() == [OpState.CONFIRMED]
        await wait_until(lambda: "unreachable" in shared_status(counter))
        assert shared_status(counter) == (
            "Shop journal unreachable — 1 pickup waiting to be copied, oldest under a minute"
        )


@pytest.mark.asyncio
async def test_a_login_the_shop_journal_refuses_is_not_called_unreachable(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    shared_db: SharedDatabase,
    tmp_path: Path,
) -> None:
    # No password stored for this counter's login: the network is fine, the login is not.
    settings = at(app_settings, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    async with shop_window(settings, demo_secrets, simulator) as counter:
        await hand_over_one(counter)
        await wait_until(lambda: "refused" in shared_status(counter))
        assert shared_status(counter) == (
            "Shop journal refused this counter's login — 1 pickup waiting to be copied; "
            "ask your IT contact"
        )


@pytest.mark.asyncio
async def test_a_kiosk_copies_its_journal_but_never_shows_the_backlog_to_customers(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    shared_db: SharedDatabase,
    tmp_path: Path,
) -> None:
    settings = at(app_settings, tmp_path, "Kiosk 1", shared_db.url(COUNTER_A))
    async with shop_window(
        settings.with_overrides(kiosk=True), shop_secrets(demo_secrets), simulator
    ) as kiosk:
        shared = kiosk.window.services.shared
        assert shared is not None
        await wait_until(lambda: shared.copier.passes > 0)
        # Whatever the status bar was asked to show by now, it has shown.
        await wait_until(lambda: not kiosk.window.tasks.is_running("shared-journal-status"))
        assert kiosk.window.status.shared_label.isHidden()
        assert kiosk.window.status.shared_label.text() == ""


@pytest.mark.asyncio
async def test_a_pickup_at_counter_1_is_seen_and_reversed_at_counter_2(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    shared_db: SharedDatabase,
    tmp_path: Path,
) -> None:
    secrets = shop_secrets(demo_secrets)
    one = at(app_settings, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    two = at(app_settings, tmp_path, "Counter 2", shared_db.url(COUNTER_A2))
    async with (
        shop_window(one, secrets, simulator) as first,
        shop_window(two, secrets, simulator) as second,
    ):
        await second.staff.call(StaffDirectory.add, "Max Manager", Role.MANAGER, MANAGER_PIN)
        view = second.window.recent_view
        assert view is not None
        assert view.shop_wide
        second.window.show_recent_pickups()
        await wait_until(lambda: not view.tasks.is_running("load"))

        await hand_over_one(first)
        (handed,) = await first.journal.call(Journal.recent_operations)
        await wait_until(lambda: shared_status(first) == "Shop journal up to date")

        # Shown at counter 2 by itself while its Recent pickups is open, naming counter 1.
        await wait_until(lambda: view.model.row_of(handed.operation_id) is not None, within=15)
        row = view.model.row_of(handed.operation_id)
        assert row is not None
        assert view.model.index(row, PickupColumn.COUNTER).data() == "Counter 1"
        assert view.model.headerData(PickupColumn.COUNTER, Qt.Orientation.Horizontal) == "Counter"
        await wait_until(lambda: view.counter_filter.findText("Counter 1") > 0)

        # Counter 2 scans the slip and reverses the pickup there.
        second.window.show_counter()
        slip = handed.handover_reference
        assert slip is not None
        await second.scan(slip)
        await wait_until(lambda: view.selected_operation() is not None)
        selected = view.selected_operation()
        assert selected is not None
        assert selected.operation_id == handed.operation_id
        await reverse_selected(view)

        assert view.message_kind == "success", view.message.text()
        # The simulator has the reward back, and each journal says what its counter did.
        assert handed.loyalty_transaction_uuid in second.waiting_on_server()
        (reverse,) = await second.journal.call(Journal.recent_operations, kinds=(REVERSE,))
        assert (reverse.state, reverse.reverses_operation_id, reverse.staff_name) == (
            OpState.CONFIRMED,
            handed.operation_id,
            "Max Manager",
        )
        assert await second.journal.call(Journal.recent_operations, kinds=(COLLECT,)) == []
        own = await first.journal.call(Journal.operation, handed.operation_id)
        assert own.state is OpState.CONFIRMED
        assert not own.is_reversed
        row = view.model.row_of(handed.operation_id)
        assert row is not None
        assert view.model.index(row, PickupColumn.STATE).data() == "Reversed"
        # Not put back a second time; only its points can still be refunded.
        assert view.reverse_button.isEnabled()
        QTest.mouseClick(view.reverse_button, Qt.MouseButton.LeftButton)
        dialog = await dialog_of(ReverseDialog)
        assert not dialog.action_buttons[ReturnAction.PUT_BACK].isEnabled()
        assert dialog.selected_action() is ReturnAction.REFUND
        dialog.reject()


@pytest.mark.asyncio
async def test_counter_2_sees_the_claims_made_at_counter_1(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    shared_db: SharedDatabase,
    tmp_path: Path,
) -> None:
    secrets = shop_secrets(demo_secrets)
    one = at(app_settings, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    two = at(app_settings, tmp_path, "Counter 2", shared_db.url(COUNTER_A2))
    async with (
        shop_window(one, secrets, simulator) as first,
        shop_window(two, secrets, simulator) as second,
    ):
        claim = await first.journal.call(
            Journal.begin_claim,
            customer_uuid=first.customer_uuid,
            reward_uuid="reward-1",
            reward_title="Shop mug",
            points=250,
            staff=StaffRef("staff-ann", "Ann Cashier"),
        )
        await first.journal.call(
            Journal.confirm, claim.operation_id, loyalty_transaction_uuid="lt-claim"
        )
        first.window.counter.share_now()
        await wait_until(lambda: shared_status(first) == "Shop journal up to date")

        view = second.window.recent_view
        assert view is not None
        second.window.show_recent_pickups()
        await wait_until(lambda: view.model.row_of(claim.operation_id) is not None, within=15)
        row = view.model.row_of(claim.operation_id)
        assert row is not None
        assert view.model.index(row, PickupColumn.COUNTER).data() == "Counter 1"
        assert view.model.index(row, PickupColumn.STATE).data() == "Claimed for 250 points"
        # Not a hand-over: nothing to reverse or reprint.
        assert view.select_operation(claim.operation_id)
        assert not view.reverse_button.isEnabled()


async def reverse_selected(view: RecentPickupsView) -> None:
    QTest.mouseClick(view.reverse_button, Qt.MouseButton.LeftButton)
    dialog = await dialog_of(ReverseDialog)
    # The manager sees where the pickup was handed over.
    assert "at Counter 1" in dialog.details.text()
    returned = dialog.reason_buttons[ReverseReason.RETURNED]
    QTest.keyClick(returned, Qt.Key.Key_Space)
    QTest.keyClicks(returned, MANAGER_PIN)
    QTest.keyClick(dialog.pin.field, Qt.Key.Key_Return)
    await wait_until(lambda: not view.is_reversing())
    await wait_until(lambda: view.tasks.pending == 0)


@pytest.mark.asyncio
async def test_cut_off_the_status_bar_says_how_far_behind_and_back_it_catches_up(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    shared_db: SharedDatabase,
    tmp_path: Path,
) -> None:
    secrets = shop_secrets(demo_secrets)
    one = at(app_settings, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    two = at(app_settings, tmp_path, "Counter 2", shared_db.url(COUNTER_A2))
    async with (
        shop_window(one, secrets, simulator) as first,
        shop_window(two, secrets, simulator) as second,
    ):
        await wait_until(lambda: shared_status(first) == "Shop journal up to date")
        cut_off(shared_db)
        try:
            await hand_over_one(first)
            # Recent pickups (not on screen) reloaded after the hand-over and could not
            # reach the shop journal: the cashier still reads the hand-over's outcome.
            hidden = first.window.recent_view
            assert hidden is not None
            await wait_until(lambda: hidden.tasks.pending == 0)
            assert first.window.message_bar.text().endswith("handed over to Robin de Vries.")
            await hand_over_one(first)
            assert await first.journal_states() == [OpState.CONFIRMED, OpState.CONFIRMED]
            await wait_until(lambda: "unreachable" in shared_status(first))
            assert shared_status(first) == (
                "Shop journal unreachable — 2 pickups waiting to be copied, oldest under a minute"
            )
            view = second.window.recent_view
            assert view is not None
            second.window.show_recent_pickups()
            await wait_until(lambda: view.model.rowCount() == 0 and view.message_kind == "error")
        finally:
            reconnect(shared_db)
        await wait_until(lambda: shared_status(first) == "Shop journal up to date", within=20)
        await wait_until(lambda: view.model.rowCount() == 2, within=15)
        assert {view.model.index(r, PickupColumn.COUNTER).data() for r in range(2)} == {"Counter 1"}


@pytest.mark.asyncio
async def test_the_reports_of_a_shared_counter_are_the_shops(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    shared_db: SharedDatabase,
    tmp_path: Path,
) -> None:
    one = at(app_settings, tmp_path, "Counter 1", shared_db.url(COUNTER_A))
    async with shop_window(one, shop_secrets(demo_secrets), simulator) as counter:
        await counter.staff.call(StaffDirectory.add, "Max Manager", Role.MANAGER, MANAGER_PIN)
        page = counter.window.recent_page
        assert page is not None
        counter.window.show_recent_pickups()
        QTest.mouseClick(page.reports_entry.button, Qt.MouseButton.LeftButton)
        approval = await dialog_of(PinDialog)
        QTest.keyClicks(approval.entry.field, MANAGER_PIN)
        QTest.keyClick(approval.entry.field, Qt.Key.Key_Return)
        dialog = await dialog_of(ReportsDialog)
        await wait_until(lambda: dialog.report is not None)
        shown = " | ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "Every counter of the shop" in shown
        dialog.close()
