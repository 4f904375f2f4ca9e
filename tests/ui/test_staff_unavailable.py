"""Staff checks fail closed: a staff file that cannot be opened stops what needs a PIN."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pos_app import cli
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import ApiClients, build_clients
from pos_app.services.counter import CounterServices
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role, StaffDirectory
from pos_app.storage import STAFF_LIST_RESET, AsyncJournal, Journal, StaffRef
from pos_app.ui.app import open_staff
from pos_app.ui.counter import HAND_OVER, MainWindow
from pos_app.ui.counter.customer_widgets import MessageKind
from pos_app.ui.dialogs.pin_entry import PinDialog
from tests.helpers import wait_until
from tests.helpers.ui import open_dialog, settle, visible

PROBLEM_START = "Staff PINs cannot be checked on this counter ("


@dataclass
class BrokenStaffCounter:
    window: MainWindow
    sim: Simulator
    journal: AsyncJournal
    clients: ApiClients

    def waiting_on_server(self) -> set[str]:
        data = self.sim.state.data
        uuid = data.contact_for_card(demo.CARD_MAIN).uuid
        return {i.uuid for i in data.items_of(uuid) if not i.collected}


def damage(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00not a database at all\xff" * 64)


async def make_counter(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, simulator: Simulator
) -> BrokenStaffCounter:
    """The window as run_app builds it after the staff file failed to open."""
    clients = build_clients(settings, secrets)
    journal = await AsyncJournal.open(
        settings.journal_path, shop_uuid=settings.shop_uuid, counter="test-counter"
    )
    damage(settings.staff_path)
    staff, problem = await open_staff(settings, journal, secrets)
    assert staff is None
    window = MainWindow(
        CounterServices(settings, clients, journal=journal, staff=staff, staff_problem=problem)
    )
    window.show()
    window.start()
    await wait_until(lambda: window.tasks.pending == 0)
    return BrokenStaffCounter(window, simulator, journal, clients)


async def close(counter: BrokenStaffCounter) -> None:
    closed = asyncio.Event()
    counter.window.closed.connect(closed.set)
    if counter.window.kiosk is not None:
        counter.window.kiosk.unlocked = True  # as the IT person ending it from the OS would
    counter.window.close()
    await asyncio.wait_for(closed.wait(), 5)
    await counter.journal.aclose()
    await counter.clients.aclose()


@asynccontextmanager
async def counter_with(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[BrokenStaffCounter]:
    made = await make_counter(qtbot, settings, secrets, simulator)
    try:
        yield made
    finally:
        await close(made)


@pytest.mark.asyncio
async def test_open_staff_says_why_pins_cannot_be_checked(
    tmp_path: Path, app_settings: Settings, demo_secrets: SecretStore
) -> None:
    settings = app_settings.with_overrides(data_dir=tmp_path / "data")
    damage(settings.staff_path)
    staff, problem = await open_staff(settings, None, demo_secrets)
    assert staff is None
    assert problem == (
        "Staff PINs cannot be checked on this counter (the staff list cannot be opened), so "
        "staff sign-in, manager approval and leaving kiosk mode do not work. "
        "Ask your IT contact."
    )
    # No key: no keyring and nothing in the environment.
    settings.staff_path.unlink()
    staff, problem = await open_staff(settings, None, SecretStore(env={}, use_keyring=False))
    assert staff is None
    assert problem is not None
    assert "(the key that protects them is missing or unreadable)" in problem
    # Another key than the one the PINs were stored with.
    with StaffDirectory.open(settings.staff_path, pin_key=demo_secrets.staff_pin_key()) as made:
        made.add("Max", Role.MANAGER, "135790")
    other = SecretStore(
        env={SecretName.STAFF_PIN_KEY.env_var: base64.b64encode(bytes(range(1, 33))).decode()},
        use_keyring=False,
    )
    staff, problem = await open_staff(settings, None, other)
    assert staff is None
    assert problem is not None
    assert "(the staff list was protected with another key than this computer's)" in problem


@pytest.mark.asyncio
async def test_without_a_working_sign_in_nothing_is_handed_over(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(require_staff_sign_in=True)
    async with counter_with(qtbot, settings, demo_secrets, simulator) as counter:
        await _hand_over_is_refused(counter)


async def _hand_over_is_refused(signing_counter: BrokenStaffCounter) -> None:
    window = signing_counter.window
    assert window.message_bar.kind is MessageKind.ERROR
    assert window.message_bar.text().startswith(PROBLEM_START)
    window.search_input.setText(demo.CARD_MAIN)
    window.search_input.returnPressed.emit()
    await wait_until(lambda: window.model.rowCount() > 0)
    await settle(window)
    before = signing_counter.waiting_on_server()
    window.hand_over_button.click()
    assert open_dialog() is None
    assert visible(PinDialog) is None
    assert window.message_bar.kind is MessageKind.ERROR
    assert window.message_bar.text().startswith(PROBLEM_START)
    assert not window.tasks.is_running(HAND_OVER)
    assert signing_counter.waiting_on_server() == before
    assert await signing_counter.journal.call(Journal.recent_operations) == []


# The offscreen platform cannot raise a window, and says so when the kiosk puts it back.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_a_kiosk_without_a_working_staff_check_cannot_be_left(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = app_settings.with_overrides(kiosk=True)
    async with counter_with(qtbot, settings, demo_secrets, simulator) as counter:
        await _leaving_is_refused(counter)


async def _leaving_is_refused(locked_kiosk: BrokenStaffCounter) -> None:
    window = locked_kiosk.window
    kiosk = window.kiosk
    assert kiosk is not None
    assert window.close() is False
    await wait_until(lambda: visible(QMessageBox))
    box = visible(QMessageBox)
    assert box is not None
    assert box.objectName() == "kioskLeaveRefused"
    assert box.text() == (
        "Staff PINs cannot be checked on this counter right now, so kiosk mode cannot be "
        "left from here. Your IT contact can end the app from the operating system, as the "
        "kiosk set-up notes describe."
    )
    # One way out of the box, and it is not "leave".
    assert [b.text() for b in box.buttons()] == ["OK"]
    box.button(QMessageBox.StandardButton.Ok).click()
    await wait_until(lambda: not kiosk.is_asking_to_unlock())
    assert window.isVisible()
    assert not kiosk.unlocked
    for widget in QApplication.topLevelWidgets():
        assert not (isinstance(widget, QMessageBox) and widget.isVisible())


@pytest.mark.asyncio
async def test_a_staff_list_lost_on_a_used_counter_is_not_started_afresh(
    tmp_path: Path, app_settings: Settings, demo_secrets: SecretStore
) -> None:
    settings = app_settings.with_overrides(data_dir=tmp_path / "data")
    with StaffDirectory.open(settings.staff_path, pin_key=demo_secrets.staff_pin_key()) as made:
        manager = made.add("Max", Role.MANAGER, "135790")
    journal = await AsyncJournal.open(settings.journal_path, shop_uuid=None, counter="c1")
    try:
        # The manager approved something here: the journal says staff worked on this counter.
        await journal.call(
            Journal.record_event, "pin_lockout", staff=StaffRef(manager.profile_id, manager.name)
        )
        # Someone deletes the staff list, hoping to be offered "create the first manager".
        settings.staff_path.unlink()
        staff, problem = await open_staff(settings, journal, demo_secrets)
        assert staff is None
        assert problem is not None
        assert "the staff list is empty although staff worked here" in problem
        # Said to staff: no command line (the log names it for the IT contact).
        assert "pos-app" not in problem
    finally:
        await journal.aclose()
    # The IT contact, from the operating system, starts it afresh (journaled).
    args = ["--config", str(tmp_path / "none.toml"), "--data-dir", str(settings.data_dir)]
    assert cli.main(["staff", "reset", "--by", "Ilse from IT", *args]) == 0
    journal = await AsyncJournal.open(settings.journal_path, shop_uuid=None, counter="c1")
    try:
        staff, problem = await open_staff(settings, journal, demo_secrets)
        assert problem is None
        assert staff is not None
        assert not await staff.call(
            StaffDirectory.has_any_manager
        )  # the first manager can be created again
        await staff.call(StaffDirectory.add, "Nina", Role.MANAGER, "864200")
        await staff.aclose()
        (reset,) = await journal.call(Journal.events, kind=STAFF_LIST_RESET)
        assert reset.staff_name == "Ilse from IT"
        assert reset.staff_id is not None
        assert reset.staff_id.startswith("os-user:")
    finally:
        await journal.aclose()
    # With profiles in the list, there is nothing to reset.
    assert cli.main(["staff", "reset", "--by", "Ilse from IT", *args]) == 1


@pytest.mark.asyncio
async def test_a_counter_where_no_staff_ever_worked_may_create_its_first_manager(
    tmp_path: Path, app_settings: Settings, demo_secrets: SecretStore
) -> None:
    settings = app_settings.with_overrides(data_dir=tmp_path / "data")
    journal = await AsyncJournal.open(settings.journal_path, shop_uuid=None, counter="c1")
    try:
        op = await journal.call(
            Journal.begin_collect,
            customer_uuid="c-1",
            loyalty_transaction_uuid="lt-1",
            reward_title="Mug",
        )
        await journal.call(
            Journal.confirm, op.operation_id, redemption_uuid="r-1"
        )  # no sign-in here
        staff, problem = await open_staff(settings, journal, demo_secrets)
        assert problem is None
        assert staff is not None
        await staff.aclose()
    finally:
        await journal.aclose()
