"""The camera at the counter, through the real window against the simulator: a code the
camera reads is a scan, read once while it stays in view; no camera is said in words."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.scan_lock import LOCK_SECONDS, ScanLock
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.services.staff import Role
from pos_app.ui.camera.frames import DEMO_DEVICE, StillFrames, open_frame_source
from pos_app.ui.camera.view import CameraState, CameraView
from pos_app.ui.counter import LOOKUP
from pos_app.ui.counter.screen import CUSTOMER, HOME
from tests.helpers import wait_until
from tests.helpers.camera import SPOILT, phone_with_qr
from tests.helpers.ui import Counter, running_counter


@pytest_asyncio.fixture
async def counter(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        yield made


MANAGER = ("Morgan Manager", Role.MANAGER, "246810")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def open_camera(counter: Counter, *frames: object) -> CameraView:
    camera = counter.window.camera
    camera.sources = lambda: StillFrames(list(frames))  # type: ignore[arg-type]
    assert camera.button is not None
    camera.button.click()
    view = camera.view
    assert view is not None
    return view


@pytest.mark.asyncio
async def test_a_qr_code_held_up_to_the_camera_finds_the_customer(counter: Counter) -> None:
    window = counter.window
    view = open_camera(counter, SPOILT["at an angle"](demo.CARD_MAIN))
    assert view.isVisible()
    assert view.prompt.text() == "Hold the QR code of the app in front of the camera"
    # A scanner still works beside the camera.
    assert window.search_input.hasFocus()
    await wait_until(lambda: window.model.rowCount() > 0)
    await counter.settle()
    assert window.customer_header.name_label.text() == "Robin de Vries"
    assert window.pages.currentIndex() == CUSTOMER
    # As a scan: the code in the scan field, the scan's own green flash.
    assert window.search_input.text() == demo.CARD_MAIN
    # Off screen, the camera and its decoder stop.
    assert not view.isVisible()
    assert view.state is CameraState.IDLE
    assert not view.reader.running


@pytest.mark.asyncio
async def test_the_same_code_in_view_is_looked_up_once_until_the_lock_time_passed(
    counter: Counter,
) -> None:
    sim, window = counter.sim, counter.window
    clock = FakeClock()
    window.camera.lock = ScanLock(LOCK_SECONDS, clock=clock)
    sim.set_fault("piggy.identifier", "hold")
    view = open_camera(counter, phone_with_qr(demo.CARD_UNLINKED))
    await wait_until(lambda: sim.held("piggy.identifier") == 1)
    assert view.state is CameraState.READ
    assert view.status.text() == "Code read. One moment…"
    sightings: list[str] = []
    view.reader.decoded.connect(sightings.append)
    # The customer keeps holding the code up: seen again and again, never looked up again.
    await wait_until(lambda: len(sightings) >= 5)
    assert sim.held("piggy.identifier") == 1
    assert sim.release("piggy.identifier") == 1
    await wait_until(lambda: not window.tasks.is_running(LOOKUP))
    assert window.message_bar.text() != ""
    assert window.pages.currentWidget() is window.camera.page
    # Out of sight for longer than the lock (the fake clock): read as a new scan.
    clock.now += LOCK_SECONDS + 1
    await wait_until(lambda: sim.held("piggy.identifier") == 1)
    assert sim.release("piggy.identifier") == 1
    await wait_until(lambda: not window.tasks.is_running(LOOKUP))


@pytest.mark.asyncio
async def test_without_a_camera_the_view_says_so_and_the_scanner_still_works(
    counter: Counter,
) -> None:
    """This machine has no /dev/video*: the real Linux camera source finds none."""
    window = counter.window
    camera = window.camera
    assert camera.button is not None
    camera.button.click()
    view = camera.view
    assert view is not None
    await wait_until(lambda: view.state is CameraState.MISSING)
    assert view.prompt.text() == "No camera found"
    assert "scanner" in view.status.text()
    await counter.load_main_customer()
    assert window.customer_header.name_label.text() == "Robin de Vries"


@pytest.mark.asyncio
async def test_closing_the_camera_goes_back_and_stops_it(counter: Counter) -> None:
    window = counter.window
    view = open_camera(counter, phone_with_qr("nothing-to-see"))
    window.camera.lock.admit("nothing-to-see")  # read already: the view stays open
    await wait_until(lambda: view.state is CameraState.LOOKING)
    page = window.camera.page
    assert page is not None
    page.close_button.click()
    assert window.pages.currentIndex() == HOME
    assert view.state is CameraState.IDLE
    assert window.search_input.hasFocus()


@pytest.mark.asyncio
async def test_escape_closes_the_camera_as_its_button_does(counter: Counter) -> None:
    window = counter.window
    view = open_camera(counter, phone_with_qr("nothing-to-see"))
    window.camera.lock.admit("nothing-to-see")
    await wait_until(lambda: view.state is CameraState.LOOKING)
    QTest.keyClick(window.search_input, Qt.Key.Key_Escape)
    assert window.pages.currentIndex() == HOME
    assert view.state is CameraState.IDLE


@pytest_asyncio.fixture
async def camera_kiosk(
    qtbot: QtBot, app_settings: Settings, demo_secrets: SecretStore, simulator: Simulator
) -> AsyncIterator[Counter]:
    settings = app_settings.with_overrides(kiosk=True, kiosk_camera=True)
    async with running_counter(
        qtbot, settings, demo_secrets, simulator, staff_members=(MANAGER,)
    ) as made:
        yield made


@pytest.mark.asyncio
async def test_a_kiosk_with_the_camera_setting_reads_codes_on_its_home_screen(
    camera_kiosk: Counter,
) -> None:
    window = camera_kiosk.window
    view = window.camera.view
    assert view is not None
    assert window.kiosk_home is not None
    assert window.kiosk_home.isAncestorOf(view)
    assert "camera" in window.kiosk_home.hint.text()
    # No camera on this machine: the customer is sent to the scanner, not to Settings.
    await wait_until(lambda: view.state is CameraState.MISSING)
    assert view.status.text() == "Please use the scanner, or ask a member of staff."
    # The demo's pictures (camera_device = "demo"): the main card's QR code on a phone.
    view.use_source(open_frame_source(DEMO_DEVICE))
    await wait_until(lambda: window.model.rowCount() > 0)
    await camera_kiosk.settle()
    assert window.customer_header.name_label.text() == "Robin de Vries"
    assert view.state is CameraState.IDLE
    window.kiosk_reset()
    assert window.pages.currentIndex() == HOME
    assert view.running
