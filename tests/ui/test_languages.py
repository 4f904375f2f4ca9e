"""The counter in Dutch and in German: no English text on any screen a shop sees."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings, load_settings
from pos_app.services.staff import Role
from pos_app.ui.dialogs.pin_entry import PinDialog
from pos_app.ui.i18n import current_language, use_language
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.staff import ask_manager_pin
from pos_app.ui.setup import SetupWizard, open_draft
from tests.helpers import FAST_SCRYPT, MemoryKeyring, wait_until
from tests.helpers.language import english_in, other_language_in, shown_texts
from tests.helpers.ui import delete_widget, open_dialog, running_counter, visible

MANAGER = ("Morgan Manager", Role.MANAGER, "246810")


@pytest.fixture(params=["nl", "de"])
def language(request: pytest.FixtureRequest) -> str:
    """The app in this language (the suite's own fixture brings English back after)."""
    chosen = str(request.param)
    use_language(chosen)
    return chosen


@pytest.mark.asyncio
async def test_the_counter_screens_speak_the_shops_language(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    language: str,
) -> None:
    settings = app_settings.with_overrides(language=language)
    async with running_counter(
        qtbot, settings, demo_secrets, simulator, staff_members=(MANAGER,)
    ) as counter:
        window = counter.window
        assert english_in(shown_texts(window), language) == []
        await counter.load_main_customer()
        await wait_until(lambda: not window.progress_panel.is_loading())
        assert english_in(shown_texts(window), language) == []
        # The confirmation of a hand-over.
        window.hand_over_button.click()
        await wait_until(open_dialog)
        dialog = open_dialog()
        assert dialog is not None
        assert english_in(shown_texts(window), language) == []
        dialog.reject()
        await wait_until(lambda: open_dialog() is None)
        # Recent pickups, and a manager's PIN.
        window.show_recent_pickups()
        await counter.settle()
        assert english_in(shown_texts(window), language) == []
        asking = asyncio.ensure_future(ask_manager_pin(counter.staff, window))
        await wait_until(lambda: visible(PinDialog))
        assert english_in(shown_texts(window), language) == []
        pin = visible(PinDialog)
        assert pin is not None
        pin.reject()
        assert await asking is None


@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_the_kiosk_home_speaks_the_shops_language(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    language: str,
) -> None:
    settings = app_settings.with_overrides(language=language, kiosk=True)
    async with running_counter(
        qtbot, settings, demo_secrets, simulator, staff_members=(MANAGER,)
    ) as counter:
        assert english_in(shown_texts(counter.window), language) == []


@pytest.mark.asyncio
async def test_every_page_of_the_setup_flow_speaks_the_shops_language(
    qtbot: QtBot,
    simulator: Simulator,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    language: str,
) -> None:
    config = tmp_path / "settings.toml"
    settings = load_settings(config, use_environment=False).with_overrides(
        data_dir=tmp_path / "data", language=language
    )
    draft = await open_draft(settings, SecretStore(env={}), config, scrypt=FAST_SCRYPT)
    wizard = SetupWizard(draft)
    wizard.show()
    try:
        assert english_in(shown_texts(wizard), language) == []
        wizard.next()
        piggy = wizard.piggy_page
        piggy.host.set_value(simulator.piggy_base_url)
        piggy.token.input.setText("not-the-token")
        piggy.test_button.click()
        await wait_until(
            lambda: piggy.message.text() and not wizard.tasks.is_running("setup.piggy")
        )
        assert english_in(shown_texts(wizard), language) == []
        piggy.token.input.setText(demo.DEMO_PIGGY_TOKEN)
        piggy.test_button.click()
        await wait_until(piggy.isComplete)
        wizard.next()
        wizard.shop_page.shops.setCurrentRow(0)
        assert english_in(shown_texts(wizard), language) == []
        for _page in range(4):  # Giftoin and Nudj, this counter, the scanner, the manager
            wizard.next()
            assert english_in(shown_texts(wizard), language) == []
        assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    finally:
        wizard.close()
        if draft.staff is not None:
            await draft.staff.aclose()
        await delete_widget(wizard)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_a_kiosk_customer_reads_the_screen_in_their_language_until_the_wipe(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
) -> None:
    use_language("nl")
    settings = app_settings.with_overrides(language="nl", kiosk=True)
    async with running_counter(
        qtbot, settings, demo_secrets, simulator, staff_members=(MANAGER,)
    ) as counter:
        window = counter.window
        home = window.kiosk_home
        assert home is not None
        assert home.language_buttons["nl"].isChecked()
        home.language_buttons["de"].click()
        assert current_language() == "de"
        # Qt tells each widget of the change on the next turn of the loop.
        german_prompt = _tr("Scan your loyalty card or QR code")
        await wait_until(lambda: home.prompt.text() == german_prompt)
        shown = shown_texts(window)
        assert english_in(shown, "de") == []
        assert other_language_in(shown, "de", "nl") == []
        # The customer's whole visit is in German …
        window.search_input.setText(demo.CARD_MAIN)
        window.search_input.returnPressed.emit()
        await wait_until(lambda: window.model.rowCount() > 0)
        await counter.settle()
        shown = shown_texts(window)
        assert english_in(shown, "de") == []
        assert other_language_in(shown, "de", "nl") == []
        # … and the wipe brings the counter's own language back for the next one.
        window.kiosk_reset()
        assert current_language() == "nl"
        dutch_prompt = _tr("Scan your loyalty card or QR code")
        await wait_until(lambda: home.prompt.text() == dutch_prompt)
        assert home.language_buttons["nl"].isChecked()
        assert other_language_in(shown_texts(window), "nl", "de") == []
