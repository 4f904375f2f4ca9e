"""Settings in the running counter: behind a manager's PIN, validated, saved, restarted."""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.checks import CheckStatus
from pos_app.services.rollout import export_settings
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings, SettingsSource, load_settings, save_settings
from pos_app.services.staff import Role
from pos_app.ui.app import run_app
from pos_app.ui.counter import MainWindow
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.i18n import current_language, use_language
from pos_app.ui.setup import SetupDraft
from pos_app.ui.setup.settings_dialog import SettingsDialog
from tests.helpers import MemoryKeyring, wait_until
from tests.helpers.language import english_in
from tests.helpers.ui import Counter, delete_widget, running_counter, visible

MANAGER = ("Morgan Manager", Role.MANAGER, "246810")


@pytest.fixture
def shop_settings(app_settings: Settings, tmp_path: Path) -> tuple[Settings, Path]:
    """A counter set up in a settings file, its secrets in the (memory) keyring."""
    config = tmp_path / "settings.toml"
    save_settings(
        app_settings.with_overrides(counter_name="Counter 1"), config, leave_out={"data_dir"}
    )
    return load_settings(config, use_environment=False).with_overrides(
        data_dir=tmp_path / "data"
    ), config


@pytest.fixture
def keyring_secrets(memory_keyring: MemoryKeyring) -> SecretStore:
    store = SecretStore(env={})
    store.set(SecretName.PIGGY_TOKEN, demo.DEMO_PIGGY_TOKEN)
    store.set(SecretName.GIFTOIN_API_KEY, demo.DEMO_GIFTOIN_KEY)
    store.set(SecretName.NUDJ_TOKEN, demo.DEMO_NUDJ_TOKEN)
    return store


async def _approve_as_manager() -> None:
    """The manager's PIN, typed into the PIN dialog that comes up."""
    await wait_until(lambda: visible(PinDialog))
    pin = visible(PinDialog)
    assert pin is not None
    pin.entry.field.setText(MANAGER[2])
    pin.ok_button.click()


async def _settings_shown() -> SettingsDialog:
    await wait_until(lambda: visible(SettingsDialog))
    dialog = visible(SettingsDialog)
    assert dialog is not None
    return dialog


def _shop_counter(
    qtbot: QtBot, settings: Settings, store: SecretStore, simulator: Simulator, config: Path
) -> AbstractAsyncContextManager[Counter]:
    """A counter with a manager whose Settings read and write ``config``."""
    return running_counter(
        qtbot, settings, store, simulator, staff_members=(MANAGER,), config_file=config
    )


async def _open_settings(counter: Counter) -> SettingsDialog:
    button = counter.window.status.findChild(type(counter.window.sign_in_button), "settingsButton")
    assert button is not None
    assert button.isVisible()
    button.click()
    await _approve_as_manager()
    return await _settings_shown()


async def _saved(counter: Counter, dialog: SettingsDialog) -> None:
    closed = asyncio.Event()
    counter.window.closed.connect(closed.set)
    dialog.save_button.click()
    await asyncio.wait_for(closed.wait(), 10)
    assert counter.window.settings_entry.restart_requested


@pytest.mark.asyncio
async def test_a_manager_changes_a_setting_and_the_counter_restarts_with_it(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    keyring_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    settings, config = shop_settings
    async with _shop_counter(qtbot, settings, keyring_secrets, simulator, config) as counter:
        dialog = await _open_settings(counter)
        # Secrets are never shown back: the field is empty and says one is stored.
        token = dialog.piggy_page.token.input
        assert token.text() == ""
        assert "Stored on this computer" in token.placeholderText()
        # The shops are asked for, so the shop can be changed from a list.
        await wait_until(lambda: dialog.shop_page.shops.count() == 3)
        assert dialog.shop_page.shops.selectedItems()[0].text() == "Demo Store Centrum · shop"
        dialog.counter_page.name.setText("Counter 7")
        await _saved(counter, dialog)
    written = load_settings(config, use_environment=False)
    assert written.counter_name == "Counter 7"
    # Unchanged settings stay as they were; no secret went into the file.
    assert written.shop_uuid == settings.shop_uuid
    assert demo.DEMO_PIGGY_TOKEN not in config.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_a_changed_token_must_pass_its_test_before_anything_is_saved(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    keyring_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    settings, config = shop_settings
    before = config.read_text(encoding="utf-8")
    async with _shop_counter(qtbot, settings, keyring_secrets, simulator, config) as counter:
        dialog = await _open_settings(counter)
        dialog.piggy_page.token.input.setText("a-new-token-nobody-tested")
        dialog.save_button.click()
        assert dialog.current_page() is dialog.piggy_page
        assert "Press Test first" in dialog.piggy_page.message.text()
        dialog.piggy_page.test_button.click()
        await wait_until(lambda: "rejected" in dialog.piggy_page.message.text())
        dialog.save_button.click()
        assert dialog.isVisible()
        dialog.reject()
        await wait_until(lambda: visible(SettingsDialog) is None)
    assert config.read_text(encoding="utf-8") == before
    assert keyring_secrets.get(SecretName.PIGGY_TOKEN) == demo.DEMO_PIGGY_TOKEN


@pytest.mark.asyncio
async def test_check_this_counter_with_a_customers_card(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    keyring_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    settings, config = shop_settings
    async with _shop_counter(qtbot, settings, keyring_secrets, simulator, config) as counter:
        dialog = await _open_settings(counter)
        dialog.show_page(dialog.check_page)
        dialog.check_page.card.setText(demo.CARD_MAIN)
        dialog.check_page.run_button.click()
        await wait_until(lambda: dialog.check_page.results)
        rows = {(r.component, r.check): r.status for r in dialog.check_page.results}
        assert rows[("Piggy", "credentials accepted")] is CheckStatus.OK
        assert rows[("Customer", "found")] is CheckStatus.OK
        assert dialog.check_page.rows.rowCount() == len(rows)
        assert "in order" in dialog.check_page.message.text()
        # The live check read only.
        assert simulator.state.redemptions == {}
        dialog.reject()
        await wait_until(lambda: visible(SettingsDialog) is None)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("language", "card", "programs"),
    [("nl", demo.CARD_MAIN, True), ("nl", demo.CARD_UNLINKED, False), ("de", demo.CARD_MAIN, True)],
)
async def test_check_this_counter_speaks_the_shops_language(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    demo_secrets: SecretStore,
    simulator: Simulator,
    language: str,
    card: str,
    programs: bool,
    request: pytest.FixtureRequest,
) -> None:
    """Every cell of the check's table in the shop's language, the failures' next steps too:
    without the programs' keys also on a PC without a keyring, for a card not linked."""
    settings, config = shop_settings
    if not programs:
        request.getfixturevalue("no_keyring")
        demo_secrets = SecretStore(
            env={SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN}, use_keyring=False
        )
    use_language(language)
    dialog = SettingsDialog(SetupDraft(settings=settings, store=demo_secrets, config_file=config))
    dialog.show()
    dialog.show_page(dialog.check_page)
    page = dialog.check_page
    page.card.setText(card)
    page.run_button.click()
    await wait_until(lambda: page.results)
    cells = [
        item.text()
        for row in range(page.rows.rowCount())
        for column in range(page.rows.columnCount())
        if (item := page.rows.item(row, column)) is not None
    ]
    assert len(cells) == 4 * len(page.results) > 4 * 10
    assert english_in(cells, language) == []
    assert english_in([page.message.text()], language) == []
    dialog.reject()
    await dialog.tasks.cancel_all()
    await delete_widget(dialog)


@pytest.mark.asyncio
async def test_importing_a_counters_export_says_which_secrets_are_still_needed(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    simulator: Simulator,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    settings, config = shop_settings
    # Counter 1's export names another shop; this counter has a Piggy token only.
    export = tmp_path / "export.toml"
    other = simulator.state.data.shops[1].uuid
    export_settings(settings.with_overrides(shop_uuid=other, nudj_user_id_source="email"), export)
    store = SecretStore(env={})
    store.set(SecretName.PIGGY_TOKEN, demo.DEMO_PIGGY_TOKEN)
    async with _shop_counter(qtbot, settings, store, simulator, config) as counter:
        dialog = await _open_settings(counter)
        dialog.show_page(dialog.rollout_page)
        dialog.rollout_page.import_from(export)
        text = dialog.rollout_page.message.text()
        assert "Still needed here: Giftoin key, Nudj token" in text
        # The pages show what was imported.
        assert dialog.programs_page.nudj.source.currentData() == "email"
        closed = asyncio.Event()
        counter.window.closed.connect(closed.set)
        dialog.close_button.click()
        await asyncio.wait_for(closed.wait(), 10)
    written = load_settings(config, use_environment=False)
    assert written.shop_uuid == other
    assert written.counter_name == "Counter 1"  # this PC's own name stays


@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_a_kiosk_opens_settings_only_through_the_manager_path(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    keyring_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    settings, config = shop_settings
    async with running_counter(
        qtbot,
        settings.with_overrides(kiosk=True),
        keyring_secrets,
        simulator,
        staff_members=(MANAGER,),
        config_file=config,
    ) as counter:
        window = counter.window
        assert window.status.findChild(type(window.sign_in_button), "settingsButton") is None
        leave = window.status.leave_button
        assert leave is not None
        # Not "closes the app": the manager chooses after the PIN.
        assert leave.text() == "Leave kiosk…"
        leave.click()
        await _approve_as_manager()
        await wait_until(lambda: visible(QMessageBox))
        choice = visible(QMessageBox)
        assert choice is not None
        assert choice.objectName() == "kioskManagerChoice"
        open_settings = choice.findChild(type(leave), "kioskOpenSettings")
        assert open_settings is not None
        open_settings.click()
        dialog = await _settings_shown()
        # No file chooser on a locked counter: export and import are elsewhere.
        assert not dialog.rollout_page.export_button.isEnabled()
        assert not dialog.rollout_page.import_button.isEnabled()
        dialog.reject()
        # Closed unsaved: the kiosk stays as it was, locked.
        await wait_until(lambda: visible(SettingsDialog) is None)
        assert window.isVisible()
        assert window.kiosk is not None
        assert not window.kiosk.unlocked


@pytest.mark.asyncio
async def test_the_app_starts_the_counter_again_with_saved_settings(
    shop_settings: tuple[Settings, Path],
    keyring_secrets: SecretStore,
    simulator: Simulator,
    tmp_path: Path,
) -> None:
    _, config = shop_settings
    source = SettingsSource(config, {"data_dir": tmp_path / "data"})
    settings = source.load()
    from pos_app.services.connections import build_clients
    from pos_app.services.staff import StaffDirectory

    with StaffDirectory.open(settings.staff_path, pin_key=keyring_secrets.staff_pin_key()) as staff:
        staff.add(*MANAGER)
    windows: list[MainWindow] = []
    running = asyncio.ensure_future(
        run_app(
            settings,
            build_clients(settings, keyring_secrets),
            secrets=keyring_secrets,
            source=source,
            on_shown=windows.append,
        )
    )
    await wait_until(lambda: len(windows) == 1, within=20)
    first = windows[0]
    first.settings_entry.open(asked_by=None)
    await _approve_as_manager()
    dialog = await _settings_shown()
    dialog.counter_page.name.setText("Counter 9")
    dialog.language_page.choice.setCurrentIndex(dialog.language_page.choice.findData("de"))
    dialog.save_button.click()
    await wait_until(lambda: len(windows) == 2, within=20)
    second = windows[1]
    assert second.services.settings.counter_name == "Counter 9"
    # The new language applies at once: the new window is made in it.
    assert current_language() == "de"
    assert "Counter 9" in second.status.counter_label.text()
    second.close()
    assert await asyncio.wait_for(running, 10) == 0


@pytest.mark.asyncio
async def test_more_options_are_saved_and_this_starts_own_options_stay_out_of_the_file(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    keyring_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    settings, config = shop_settings
    # This start runs as a kiosk because its command line said so, not its file.
    started_as_kiosk = settings.with_overrides(kiosk=True)
    async with running_counter(
        qtbot,
        started_as_kiosk,
        keyring_secrets,
        simulator,
        staff_members=(MANAGER,),
        config_file=config,
    ) as counter:
        counter.window.settings_entry.open(asked_by=None)
        await _approve_as_manager()
        dialog = await _settings_shown()
        options = dialog.options_page
        dialog.show_page(options)
        assert options.email_code.isChecked()
        assert options.data_dir.text() == str(settings.data_dir)
        options.email_code.setChecked(False)
        options.timeout.setValue(20)
        await _saved(counter, dialog)
    written = load_settings(config, use_environment=False)
    assert written.require_code_for_email is False
    assert written.request_timeout == 20
    text = config.read_text(encoding="utf-8")
    assert "kiosk" not in text
    assert "data_dir" not in text


@pytest.mark.asyncio
async def test_a_program_turned_off_leaves_no_key_behind(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    keyring_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    settings, config = shop_settings
    async with _shop_counter(qtbot, settings, keyring_secrets, simulator, config) as counter:
        dialog = await _open_settings(counter)
        programs = dialog.programs_page
        note = programs.forget_notes[programs.giftoin]
        assert programs.giftoin.isChecked()
        assert note.isHidden()
        dialog.show_page(programs)
        programs.giftoin.setChecked(False)
        assert note.isVisible()
        await _saved(counter, dialog)
    assert keyring_secrets.get(SecretName.GIFTOIN_API_KEY) is None
    assert keyring_secrets.get(SecretName.NUDJ_TOKEN) == demo.DEMO_NUDJ_TOKEN
    assert load_settings(config, use_environment=False).giftoin_platform is None


@pytest.mark.asyncio
async def test_a_kiosk_without_a_scanner_is_given_the_camera_in_settings(
    qtbot: QtBot,
    shop_settings: tuple[Settings, Path],
    keyring_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    settings, config = shop_settings
    async with _shop_counter(qtbot, settings, keyring_secrets, simulator, config) as counter:
        dialog = await _open_settings(counter)
        page = dialog.counter_page
        dialog.show_page(page)
        camera = page.findChild(QCheckBox, "kioskCameraChoice")
        assert camera is not None
        # Only a kiosk shows the camera on its home screen.
        assert not camera.isEnabled()
        page.kiosk.setChecked(True)
        assert camera.isEnabled()
        assert not camera.isChecked()
        camera.setChecked(True)
        await _saved(counter, dialog)
    written = load_settings(config, use_environment=False)
    assert written.kiosk is True
    assert written.kiosk_camera is True
