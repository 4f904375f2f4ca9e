"""The progress panel in the real window against the simulator: it fills, fails and waits on
its own, and never holds the pickup list or the Hand over button up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.progress import NUDJ_MISSES_ALERT, Program
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings, load_settings
from pos_app.storage import OpState
from pos_app.ui.counter import HAND_OVER, MainWindow
from pos_app.ui.counter.screen import CUSTOMER, HOME
from pos_app.ui.progress import ProgressPanel
from pos_app.ui.progress.section import SectionState
from tests.helpers import wait_until
from tests.helpers.ui import Counter, running_counter


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        yield made


def state(window: MainWindow, program: Program) -> SectionState:
    return window.progress_panel.section(program).state


def panel_settled(window: MainWindow) -> bool:
    panel = window.progress_panel
    return not panel.is_loading() and not any(
        window.tasks.is_running(key) for key in ("progress.giftoin", "progress.nudj")
    )


async def settle(counter: Counter) -> None:
    """The window's settling (pictures of list and panel, tasks), twice: a paint right after
    the first check may start more downloads, and no test may end mid-download. The paint
    is done at once (repaint), not waited for."""
    for _ in range(2):
        await counter.settle()
        counter.window.repaint()


async def scan_and_wait(counter: Counter, card: str, within: float = 10) -> None:
    await counter.scan(card)
    await wait_until(lambda: panel_settled(counter.window), within)
    await settle(counter)


@pytest.mark.asyncio
async def test_both_sections_fill_for_a_linked_customer(counter: Counter) -> None:
    window = counter.window
    await scan_and_wait(counter, demo.CARD_MAIN)
    panel = window.progress_panel
    assert panel.objectName() == "progressPanel"
    assert state(window, Program.GIFTOIN) is SectionState.RESULT
    assert state(window, Program.NUDJ) is SectionState.RESULT
    names = [panel.challenges.challenge(row).name for row in range(panel.challenges.rowCount())]
    assert len(names) == 6
    assert "Autumn Leaves" in names
    assert names[-1] == "Summer Sprint"  # ended: last
    assert panel.nudj_rewards.rowCount() == len(counter.sim.state.data.nudj_rewards)
    assert panel.nudj_rewards.reward(0).reward.featured
    summary = panel.nudj.summary_label.text()
    assert "340 Nudj points" in summary
    assert "XP" in summary
    # The panel filled in without taking the keyboard from the pickup flow.
    assert window.rewards_list.hasFocus()
    assert window.hand_over_button.isEnabled()


@pytest.mark.asyncio
async def test_an_unlinked_customer_is_not_linked_not_an_error(counter: Counter) -> None:
    window = counter.window
    await scan_and_wait(counter, demo.CARD_EMPTY)
    panel = window.progress_panel
    assert state(window, Program.GIFTOIN) is SectionState.NOT_LINKED
    assert state(window, Program.NUDJ) is SectionState.NOT_LINKED
    assert panel.giftoin.headline_label.text() == "Not linked"
    assert panel.giftoin.message_label.text() == (
        "Giftoin finds customers by their Discord account, and this customer has not linked "
        "one to their loyalty account yet."
    )
    assert panel.nudj.message_label.text() == (
        "This customer's Nudj id was not found (looked up by: uuid)."
    )
    assert panel.giftoin.retry_button.isHidden()


@pytest.mark.asyncio
async def test_a_counter_without_the_giftoin_mapping_says_so(
    qtbot: QtBot, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    settings = load_settings().with_overrides(
        piggy_base_url=simulator.piggy_base_url,
        giftoin_base_url=simulator.giftoin_base_url,
        nudj_base_url=simulator.nudj_base_url,
        shop_uuid=simulator.state.data.shops[0].uuid,
        nudj_user_id_source="email",
    )
    async with running_counter(qtbot, settings, demo_secrets, simulator) as made:
        await scan_and_wait(made, demo.CARD_MAIN)
        window = made.window
        assert state(window, Program.GIFTOIN) is SectionState.NOT_LINKED
        assert window.progress_panel.giftoin.message_label.text() == (
            "Giftoin is not set up on this counter."
        )
        # An email is no id Nudj promises to look up: Robin is not found by it.
        assert state(window, Program.NUDJ) is SectionState.NOT_LINKED
        assert window.progress_panel.nudj.message_label.text() == (
            "This customer's Nudj id was not found (looked up by: email)."
        )


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("route", "failing", "working"),
    [
        ("giftoin.progress", Program.GIFTOIN, Program.NUDJ),
        ("nudj.user", Program.NUDJ, Program.GIFTOIN),
    ],
)
async def test_one_program_failing_leaves_the_other_and_the_list_alone(
    counter: Counter, route: str, failing: Program, working: Program
) -> None:
    window = counter.window
    counter.sim.set_fault(route, "error:500")
    await scan_and_wait(counter, demo.CARD_MAIN, within=15)
    section = window.progress_panel.section(failing)
    assert state(window, failing) is SectionState.ERROR
    assert section.message_label.text() == f"{section.title_label.text().split()[0]} had a problem."
    assert section.retry_button.isVisible()
    assert state(window, working) is SectionState.RESULT
    assert len(window.model.items()) == len(counter.waiting_on_server())
    assert window.hand_over_button.isEnabled()
    assert window.message_bar.isHidden()  # the pickup flow has nothing to report

    counter.sim.clear_faults()
    rows_before = window.model.rowCount()
    QTest.mouseClick(section.retry_button, Qt.MouseButton.LeftButton)
    assert state(window, failing) is SectionState.LOADING
    await wait_until(lambda: panel_settled(window))
    assert state(window, failing) is SectionState.RESULT
    assert state(window, working) is SectionState.RESULT
    assert window.model.rowCount() == rows_before
    assert window.rewards_list.hasFocus()  # the click did not take the scanner's focus
    await settle(counter)


@pytest.mark.asyncio
async def test_a_slow_program_does_not_delay_the_list_or_the_hand_over(counter: Counter) -> None:
    window = counter.window
    # Giftoin answers only when the test lets it: everything below happens before that.
    counter.sim.set_fault("giftoin.progress", "hold")
    await counter.scan(demo.CARD_MAIN)
    await wait_until(lambda: window.model.rowCount() > 0)
    # The Giftoin call may reach the simulator after the list is up: it is held either way.
    await wait_until(lambda: counter.sim.held("giftoin.progress") == 1)
    assert state(window, Program.GIFTOIN) is SectionState.LOADING
    assert window.hand_over_button.isEnabled()
    await wait_until(lambda: state(window, Program.NUDJ) is SectionState.RESULT)

    # A whole hand-over while Giftoin is still thinking.
    item = window.model.item(0)
    await counter.confirm_hand_over()
    await wait_until(lambda: not window.tasks.is_running(HAND_OVER))
    assert item.loyalty_transaction_uuid not in counter.waiting_on_server()
    assert await counter.journal_states() == [OpState.CONFIRMED]
    assert counter.sim.held("giftoin.progress") == 1
    assert state(window, Program.GIFTOIN) is SectionState.LOADING

    counter.sim.clear_faults()
    counter.sim.release("giftoin.progress")
    await wait_until(lambda: panel_settled(window), 6)
    assert state(window, Program.GIFTOIN) is SectionState.RESULT
    await settle(counter)


def record_order(counter: Counter) -> list[str]:
    """What happened first: the list on screen, or the programs asked."""
    happened: list[str] = []
    side = counter.window.counter_screen.side
    load = side.load

    def asked(*args: object, **kwargs: object) -> None:
        happened.append("programs asked")
        load(*args, **kwargs)  # type: ignore[arg-type]

    side.load = asked  # type: ignore[method-assign]
    counter.window.customerShown.connect(lambda _uuid: happened.append("list shown"))
    return happened


@pytest.mark.asyncio
async def test_the_list_goes_on_screen_before_the_programs_are_asked(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rewards are here when the contact comes: the cashier's list is not made to wait
    # while the programs' calls are made and sent.
    happened = record_order(counter)
    piggy = counter.window.services.clients.piggy
    assert piggy is not None
    list_rewards = piggy.list_collectable_rewards

    async def rewards_answered(*args: Any, **kwargs: Any) -> Any:
        answer = await list_rewards(*args, **kwargs)
        happened.append("rewards answered")
        return answer

    monkeypatch.setattr(piggy, "list_collectable_rewards", rewards_answered)
    counter.sim.set_fault("piggy.contact", "hold@1")
    window = counter.window
    window.search_input.setText(demo.CARD_MAIN)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    await wait_until(lambda: counter.sim.held("piggy.contact") == 1)
    await wait_until(lambda: happened == ["rewards answered"])
    counter.sim.release("piggy.contact")
    await wait_until(lambda: len(happened) == 3)
    await wait_until(lambda: panel_settled(window))
    assert happened == ["rewards answered", "list shown", "programs asked"]
    assert state(window, Program.GIFTOIN) is SectionState.RESULT
    await settle(counter)


@pytest.mark.asyncio
async def test_a_list_right_behind_its_contact_is_drawn_with_the_customer(
    counter: Counter,
) -> None:
    # Contact and rewards mostly come back moments apart: the customer's page is not drawn
    # empty in between (a frame of work the list would wait for), but with the list.
    window = counter.window
    window.counter_screen._loading_timer.setInterval(60_000)  # the list is "right behind"
    counter.sim.set_fault("piggy.rewards", "hold")
    window.search_input.setText(demo.CARD_MAIN)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    await wait_until(lambda: counter.sim.held("piggy.rewards") == 1)
    await wait_until(lambda: window.counter.customer is not None)  # the contact is in
    assert window.pages.currentIndex() == HOME
    counter.sim.clear_faults()
    counter.sim.release("piggy.rewards")
    await wait_until(lambda: window.model.rowCount() > 0)
    assert window.pages.currentIndex() == CUSTOMER
    assert window.counter_screen.customer_page.header.name_label.text() == "Robin de Vries"
    await wait_until(lambda: panel_settled(window))
    await settle(counter)


@pytest.mark.asyncio
async def test_a_late_list_shows_the_customer_while_it_loads(counter: Counter) -> None:
    window = counter.window
    counter.sim.set_fault("piggy.rewards", "hold")
    window.search_input.setText(demo.CARD_MAIN)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    await wait_until(lambda: counter.sim.held("piggy.rewards") == 1)
    # The cashier sees who it is, and that the list is on its way.
    await wait_until(lambda: window.pages.currentIndex() == CUSTOMER)
    assert window.counter_screen.customer_page.header.name_label.text() == "Robin de Vries"
    assert window.model.rowCount() == 0
    counter.sim.clear_faults()
    counter.sim.release("piggy.rewards")
    await wait_until(lambda: window.model.rowCount() > 0)
    await wait_until(lambda: panel_settled(window))
    await settle(counter)


@pytest.mark.asyncio
async def test_the_programs_do_not_wait_for_a_late_list(counter: Counter) -> None:
    happened = record_order(counter)
    counter.sim.set_fault("piggy.rewards", "hold")
    window = counter.window
    window.search_input.setText(demo.CARD_MAIN)
    QTest.keyClick(window.search_input, Qt.Key.Key_Return)
    # The rewards are held: both programs answer anyway.
    await wait_until(lambda: counter.sim.held("piggy.rewards") == 1)
    await wait_until(lambda: state(window, Program.GIFTOIN) is SectionState.RESULT)
    await wait_until(lambda: state(window, Program.NUDJ) is SectionState.RESULT)
    assert happened == ["programs asked"]
    counter.sim.clear_faults()
    counter.sim.release("piggy.rewards")
    await wait_until(lambda: window.model.rowCount() > 0)
    assert happened == ["programs asked", "list shown"]
    await settle(counter)


@pytest.mark.asyncio
async def test_a_fast_second_scan_discards_the_first_customers_late_results(
    counter: Counter,
) -> None:
    window = counter.window
    panel: ProgressPanel = window.progress_panel
    shown_challenges: list[int] = []
    shown_summaries: list[str] = []
    panel.challenges.modelReset.connect(
        lambda: shown_challenges.append(panel.challenges.rowCount())
    )
    original_show_nudj = panel.show_nudj

    def record_nudj(result: object) -> None:
        original_show_nudj(result)  # type: ignore[arg-type]
        shown_summaries.append(panel.nudj.summary_label.text())

    panel.show_nudj = record_nudj  # type: ignore[method-assign]
    # Robin's progress answers late; Sam's (the next calls) at once.
    counter.sim.set_fault("giftoin.progress", "hold@1")
    counter.sim.set_fault("nudj.user", "hold@1")
    await counter.scan(demo.CARD_MAIN)
    assert window.customer is not None
    assert window.customer.name == "Robin de Vries"
    assert panel.is_loading(Program.GIFTOIN)
    await wait_until(lambda: counter.sim.held() == 2)
    await counter.scan(demo.CARD_BIG)
    await wait_until(lambda: panel_settled(window))
    # Robin's answers come now, after Sam's; whatever still waited for them gets them.
    assert counter.sim.release("giftoin.progress") == 1
    assert counter.sim.release("nudj.user") == 1
    await settle(counter)

    assert window.customer_header.name_label.text() == "Sam Groot"
    sam_challenges = len(
        counter.sim.state.data.giftoin_users[("discord", demo.DISCORD_BIG)].challenges
    )
    assert panel.challenges.rowCount() == sam_challenges == 3
    assert "12800 Nudj points" in panel.nudj.summary_label.text().replace(",", "")
    robin_challenges = 6
    assert robin_challenges not in shown_challenges
    assert all("340 Nudj points" not in text for text in shown_summaries)
    await settle(counter)


@pytest.mark.asyncio
async def test_a_new_scan_clears_the_panel(counter: Counter) -> None:
    window = counter.window
    await scan_and_wait(counter, demo.CARD_MAIN)
    await counter.scan(demo.CARD_BLOCKED)  # fails: nobody's progress may stay on screen
    panel = window.progress_panel
    assert state(window, Program.GIFTOIN) is SectionState.IDLE
    assert state(window, Program.NUDJ) is SectionState.IDLE
    assert panel.challenges.rowCount() == 0
    assert panel.nudj_rewards.rowCount() == 0
    assert panel.nudj.summary_label.text() == ""


@pytest.mark.asyncio
async def test_the_collapsed_panel_stays_collapsed_in_the_next_session(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as first:
        assert not first.window.progress_panel.collapsed
        QTest.mouseClick(first.window.progress_panel.toggle_button, Qt.MouseButton.LeftButton)
        assert first.window.progress_panel.collapsed
    # Kept in the (test's throw-away) data folder, not in the user's config.
    assert app_settings.ui_state_path.is_relative_to(app_settings.data_dir)
    assert app_settings.ui_state_path.exists()
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as second:
        assert second.window.progress_panel.collapsed
        await scan_and_wait(second, demo.CARD_MAIN)
        # Collapsed or not, the panel's loads run, ready for when it is opened.
        assert state(second.window, Program.NUDJ) is SectionState.RESULT
        assert not second.window.progress_panel.challenge_view.isVisible()


@pytest.mark.asyncio
async def test_a_nudj_id_source_that_finds_nobody_is_said_in_the_status_bar(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> None:
    # Nudj does not look users up by email (its docs promise ids only): every customer
    # misses, which is the shop's set-up, not the customers'. Two customers take turns
    # (the same card again at once would be a double read, and not looked up).
    settings = app_settings.with_overrides(nudj_user_id_source="email")
    cards = (demo.CARD_MAIN, demo.CARD_EMPTY)
    async with running_counter(qtbot, settings, demo_secrets, simulator) as counter:
        label = counter.window.nudj_setup_label
        for turn in range(NUDJ_MISSES_ALERT - 1):
            await scan_and_wait(counter, cards[turn % 2])
        assert label.isHidden()
        await scan_and_wait(counter, cards[(NUDJ_MISSES_ALERT - 1) % 2])
        assert label.isVisible()
        assert label.text() == (
            f"Nudj found none of the last {NUDJ_MISSES_ALERT} customers (by email): "
            "check the set-up."
        )
