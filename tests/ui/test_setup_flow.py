"""The first-start setup flow, driven against the simulator like a shop's IT person would."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWizard
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.connections import build_clients
from pos_app.services.scanner_check import TEST_CODE
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import PrintSlip, SlipPaper, load_settings
from pos_app.services.staff import Role, StaffDirectory
from pos_app.ui.app import first_setup
from pos_app.ui.i18n import current_language
from pos_app.ui.setup import Page, SetupWizard, open_draft, run_first_setup
from tests.helpers import FAST_SCRYPT, MemoryKeyring, wait_until
from tests.helpers.printing import PdfPrinters, pdf_text
from tests.helpers.scanner import Scanner
from tests.helpers.ui import delete_widget, running_counter, visible

MANAGER_PIN = "482913"


@pytest_asyncio.fixture
async def wizard(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> AsyncIterator[SetupWizard]:
    config = tmp_path / "settings.toml"
    settings = load_settings(config, use_environment=False).with_overrides(
        data_dir=tmp_path / "data"
    )
    draft = await open_draft(settings, SecretStore(env={}), config, scrypt=FAST_SCRYPT)
    draft.make_printer = PdfPrinters(tmp_path)
    made = SetupWizard(draft)
    made.show()
    try:
        yield made
    finally:
        made.close()
        await made.tasks.cancel_all()
        if draft.staff is not None:
            await draft.staff.aclose()
        await delete_widget(made)


def _next(wizard: SetupWizard, page: int) -> None:
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == page


async def _connect_piggy(wizard: SetupWizard, sim: Simulator) -> None:
    piggy = wizard.piggy_page
    piggy.host.set_value(sim.piggy_base_url)
    piggy.token.input.setText("a-token-that-was-revoked")
    piggy.test_button.click()
    await wait_until(lambda: "rejected" in piggy.message.text())
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    piggy.token.input.setText(demo.DEMO_PIGGY_TOKEN)
    piggy.test_button.click()
    await wait_until(piggy.isComplete)
    assert "3 shops" in piggy.message.text()


@pytest.mark.asyncio
async def test_setting_up_a_counter_from_a_rejected_token_to_its_first_pickup(
    wizard: SetupWizard, simulator: Simulator, qtbot: QtBot, tmp_path: Path
) -> None:
    _next(wizard, Page.PIGGY)
    await _connect_piggy(wizard, simulator)
    _next(wizard, Page.SHOP)

    shops = wizard.shop_page.shops
    assert [shops.item(i).text() for i in range(shops.count())] == [
        "Demo Store Centrum · shop",
        "Demo Store Station · shop · ST-02",
        "Demo Webshop · web shop · WEB-01",
    ]
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    shops.setCurrentRow(1)
    _next(wizard, Page.PROGRAMS)

    programs = wizard.programs_page
    programs.card.setText(demo.CARD_MAIN)
    programs.look_up_button.click()
    await wait_until(lambda: "Robin de Vries" in programs.sample_line.text())
    programs.giftoin.setChecked(True)
    programs.giftoin.host.set_value(simulator.giftoin_base_url)
    programs.giftoin.key.input.setText(demo.DEMO_GIFTOIN_KEY)
    programs.giftoin.platform.setCurrentText(demo.GIFTOIN_PLATFORM)
    # The attributes offered are the ones the customer's contact holds.
    attributes = programs.giftoin.attribute
    offered = [attributes.itemText(i) for i in range(attributes.count())]
    assert demo.GIFTOIN_USER_ATTRIBUTE in offered
    attributes.setCurrentText(demo.GIFTOIN_USER_ATTRIBUTE)
    programs.nudj.setChecked(True)
    programs.nudj.host.set_value(simulator.nudj_base_url)
    programs.nudj.key.input.setText(demo.DEMO_NUDJ_TOKEN)
    programs.nudj.source.setCurrentIndex(programs.nudj.source.findData("email"))
    programs.check_button.click()
    await wait_until(lambda: programs.giftoin.checked_ is not None)
    await wait_until(lambda: programs.nudj.checked_ is not None)
    assert "finds this customer (6 collection challenges)" in programs.giftoin.result.text()
    assert demo.DISCORD_MAIN in programs.giftoin.result.text()
    # Nudj by email finds nobody: flagged, and the flow does not go on unasked.
    nudj_line = programs.nudj.result.text()
    assert "knows nobody" in nudj_line
    assert "the customer's email address" in nudj_line
    assert demo.EMAIL_MAIN not in nudj_line
    assert programs.keep_anyway.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    programs.nudj.source.setCurrentIndex(programs.nudj.source.findData("uuid"))
    assert not programs.keep_anyway.isVisible()
    programs.check_button.click()
    await wait_until(lambda: "finds this customer" in programs.nudj.result.text())
    _next(wizard, Page.COUNTER)

    counter_page = wizard.counter_page
    counter_page.name.setText("Counter 2")
    counter_page.print_slip.setCurrentIndex(counter_page.print_slip.findData("always"))
    # A test slip on the chosen paper, here to a PDF file as this machine has no printer.
    printer = counter_page.printer
    printer.paper_input.setCurrentIndex(printer.paper_input.findData("a4"))
    printer.test_button.click()
    assert printer.test_result.text().startswith("Sent to")
    printers = wizard.draft.make_printer
    assert isinstance(printers, PdfPrinters)
    assert printers.asked == [(None, SlipPaper.A4)]
    assert "Test slip" in pdf_text(printers.file(1))
    _next(wizard, Page.SCANNER)
    # The counter's scanner, tried on its own page: the scanner's Enter stays on it.
    wizard.activateWindow()
    await wait_until(wizard.isActiveWindow)
    scanner_page = wizard.scanner_page
    await wait_until(scanner_page.catcher.hasFocus)
    Scanner().type(TEST_CODE)
    assert wizard.currentId() == Page.SCANNER
    assert scanner_page.message.text().startswith("The scanner is ready for this counter")
    _next(wizard, Page.MANAGER)
    manager = wizard.manager_page
    # Typed as a person would: the name first, Tab, the PIN, Tab, the PIN again.
    wizard.activateWindow()
    await wait_until(wizard.isActiveWindow)
    await wait_until(manager.name.hasFocus)
    for text in ("Anna", MANAGER_PIN, MANAGER_PIN):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClicks(focused, text)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    assert manager.name.text() == "Anna"
    assert manager.pins.value() == MANAGER_PIN
    assert manager.pins.repeat.text() == MANAGER_PIN
    wizard.button(QWizard.WizardButton.FinishButton).click()
    await wait_until(lambda: wizard.result() == QDialog.DialogCode.Accepted)

    # The settings file holds the choices and no secret; the keyring holds the secrets.
    config = wizard.draft.config_file
    text = config.read_text(encoding="utf-8")
    for secret in (demo.DEMO_PIGGY_TOKEN, demo.DEMO_GIFTOIN_KEY, demo.DEMO_NUDJ_TOKEN):
        assert secret not in text
    station = simulator.state.data.shops[1]
    written = load_settings(config, use_environment=False)
    assert written.shop_uuid == station.uuid
    assert "language" not in text  # English, as it was
    assert written.counter_name == "Counter 2"
    assert written.giftoin_user_attribute == demo.GIFTOIN_USER_ATTRIBUTE
    assert written.nudj_user_id_source == "uuid"
    assert written.print_slip is PrintSlip.ALWAYS
    assert written.slip_paper is SlipPaper.A4
    # The data folder came from this start's own options, not from the flow.
    assert "data_dir" not in text
    store = SecretStore(env={})
    assert store.get(SecretName.PIGGY_TOKEN) == demo.DEMO_PIGGY_TOKEN
    assert store.get(SecretName.GIFTOIN_API_KEY) == demo.DEMO_GIFTOIN_KEY
    assert store.get(SecretName.NUDJ_TOKEN) == demo.DEMO_NUDJ_TOKEN
    assert wizard.draft.staff is not None
    managers = await wizard.draft.staff.call(StaffDirectory.profiles)
    assert [(p.name, p.role) for p in managers] == [("Anna", Role.MANAGER)]

    # The counter works with what was written.
    counter_settings = written.with_overrides(
        data_dir=tmp_path / "counter", language="en", print_slip="never"
    )
    async with running_counter(qtbot, counter_settings, store, simulator) as counter:
        await counter.load_main_customer()
        assert counter.window.model.rowCount() > 0


@pytest.mark.asyncio
async def test_a_counter_with_a_manager_is_not_asked_for_another(
    wizard: SetupWizard, simulator: Simulator
) -> None:
    assert wizard.draft.staff is not None
    await wizard.draft.staff.call(StaffDirectory.add, "Bo", Role.MANAGER, "739164")
    wizard.draft.has_manager = True
    _next(wizard, Page.PIGGY)
    await _connect_piggy(wizard, simulator)
    _next(wizard, Page.SHOP)
    wizard.shop_page.shops.setCurrentRow(0)
    _next(wizard, Page.PROGRAMS)
    _next(wizard, Page.COUNTER)
    _next(wizard, Page.SCANNER)
    assert wizard.nextId() == -1
    wizard.button(QWizard.WizardButton.FinishButton).click()
    await wait_until(lambda: wizard.result() == QDialog.DialogCode.Accepted)
    assert load_settings(wizard.draft.config_file).shop_uuid == simulator.state.data.shops[0].uuid


@pytest.mark.asyncio
async def test_an_unconfigured_start_opens_the_setup_flow_but_a_kiosk_does_not(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    config = tmp_path / "settings.toml"
    settings = load_settings(config, use_environment=False).with_overrides(
        data_dir=tmp_path / "data"
    )
    store = SecretStore(env={})
    clients = build_clients(settings, store)
    started = asyncio.ensure_future(first_setup(settings, clients, store, config))
    await wait_until(lambda: visible(SetupWizard) is not None)
    shown = visible(SetupWizard)
    assert shown is not None
    shown.reject()
    # Cancelled: the counter opens as it is (and says whom to ask), nothing was written.
    assert await started == (settings, clients)
    assert not config.exists()
    kiosk = settings.with_overrides(kiosk=True)
    assert await first_setup(kiosk, clients, store, config) == (kiosk, clients)
    assert visible(SetupWizard) is None
    await clients.aclose()


@pytest.mark.asyncio
async def test_without_a_keyring_the_flow_says_so_and_takes_the_token_from_the_environment(
    qtbot: QtBot, simulator: Simulator, tmp_path: Path, no_keyring: None
) -> None:
    config = tmp_path / "settings.toml"
    settings = load_settings(config, use_environment=False).with_overrides(
        data_dir=tmp_path / "data"
    )
    store = SecretStore(env={SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN})
    draft = await open_draft(settings, store, config, scrypt=FAST_SCRYPT)
    wizard = SetupWizard(draft)
    wizard.show()
    try:
        _next(wizard, Page.PIGGY)
        piggy = wizard.piggy_page
        # The token comes from the environment: nothing to type, nothing to store.
        assert not piggy.token.input.isEnabled()
        assert SecretName.PIGGY_TOKEN.env_var in piggy.token.input.placeholderText()
        piggy.host.set_value(simulator.piggy_base_url)
        piggy.test_button.click()
        await wait_until(piggy.isComplete)
        # The OAuth secret would have to be typed, and could not be kept: said at once.
        piggy.client_choice.setChecked(True)
        assert piggy.keyring_note.isVisible()
        assert "no OS keyring" in piggy.keyring_note.text()
        assert not piggy.client_secret.input.isEnabled()
        piggy.token_choice.setChecked(True)
        piggy.test_button.click()
        await wait_until(piggy.isComplete)
        _next(wizard, Page.SHOP)
        wizard.shop_page.shops.setCurrentRow(0)
        _next(wizard, Page.PROGRAMS)
        assert not wizard.programs_page.giftoin.key.input.isEnabled()
        _next(wizard, Page.COUNTER)
        _next(wizard, Page.SCANNER)
        _next(wizard, Page.MANAGER)
        # No keyring for the staff PIN key either: said, and the flow still finishes.
        assert "keyring" in wizard.manager_page.message.text()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        await wait_until(lambda: wizard.result() == QDialog.DialogCode.Accepted)
        assert load_settings(config, use_environment=False).shop_uuid is not None
        assert demo.DEMO_PIGGY_TOKEN not in config.read_text(encoding="utf-8")
    finally:
        wizard.close()
        await delete_widget(wizard)


@pytest.mark.asyncio
async def test_choosing_a_language_brings_the_flow_back_in_it(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    config = tmp_path / "settings.toml"
    settings = load_settings(config, use_environment=False).with_overrides(
        data_dir=tmp_path / "data"
    )
    running = asyncio.ensure_future(run_first_setup(settings, SecretStore(env={}), config))
    await wait_until(lambda: visible(SetupWizard) is not None)
    first = visible(SetupWizard)
    assert first is not None
    first.language_page.choice.setCurrentIndex(first.language_page.choice.findData("nl"))
    first.next()
    # Made again in Dutch, on the page after the language.
    await wait_until(lambda: (shown := visible(SetupWizard)) is not None and shown is not first)
    again = visible(SetupWizard)
    assert again is not None
    assert again.currentId() == Page.PIGGY
    assert current_language() == "nl"
    assert again.draft.settings.language == "nl"
    again.reject()
    assert await running is None
