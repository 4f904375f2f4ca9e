"""Test setup shared by the whole suite.

* Qt runs headless (offscreen) even when pytest is started by hand.
* async tests that touch Qt run on a qasync loop; the others on a plain asyncio loop.
* Nothing a test does reaches the real settings file, data folder or OS keyring.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers import MemoryKeyring

# The PostgreSQL server and per-test databases of the shared-journal tests.
pytest_plugins = ["tests.helpers.postgres"]

#: Test folders whose async tests drive Qt widgets and therefore need the qasync loop.
_QT_TEST_DIRS = ("ui", "e2e")
_QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


_qt_loops: list[asyncio.AbstractEventLoop] = []


def _qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.app import configure_application

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    configure_application(app)
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    _qt_loops[:] = [loop]
    return loop


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Finish what a Qt test left running before pytest-qt processes Qt events.

    WORKAROUND: pytest-qt calls processEvents() after the test body, when the qasync loop
    is not running. Socket notifiers of requests still in flight (a picture download the
    test did not wait for) then run task steps with no running loop, and httpx/anyio fail
    with "no running event loop". In the app, Qt events are only processed inside the
    running loop, so this is test-harness only: cancel the leftovers on the loop first.
    """
    try:
        return (yield)
    finally:
        for loop in _qt_loops:
            if loop.is_closed() or loop.is_running():
                continue
            leftovers = [task for task in asyncio.all_tasks(loop) if not task.done()]
            for task in leftovers:
                task.cancel()
            if leftovers:
                # Bounded: a request stuck in its cancellation must fail a test, not hang CI.
                _done, stuck = loop.run_until_complete(asyncio.wait(leftovers, timeout=10))
                assert not stuck, f"tasks still running after cancellation: {stuck}"


def _uses_qt(item: pytest.Item) -> bool:
    parts = Path(str(item.path)).relative_to(Path(__file__).parent).parts
    if parts and parts[0] in _QT_TEST_DIRS:
        return True
    return bool(_QT_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    if _uses_qt(item):
        return {"qasync": _qasync_loop}
    return {"asyncio": asyncio.new_event_loop}


@pytest.fixture(autouse=True, scope="session")
def garbage_collected_on_main_thread() -> Iterator[None]:
    """Like the app (pos_app.ui.gc_guard): no collection on worker threads, ever.

    Worker threads (picture decoding, the journal, the simulator's server) would otherwise
    collect Qt objects left over from earlier tests and crash the run.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture(autouse=True)
def collect_between_tests() -> Iterator[None]:
    from pos_app.ui.gc_guard import collect_due

    yield
    collect_due()


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """Each test starts in English with the default locale, as a test that started the app
    (which installs the language of its settings) or switched languages may leave them."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    yield
    from pos_app.ui.i18n import current_language, use_language

    if current_language() != "en":
        use_language("en")
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No POS_APP_* variable from the developer's shell, a throw-away settings file."""
    for name in list(os.environ):
        if name.startswith("POS_APP_"):
            monkeypatch.delenv(name)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("POS_APP_CONFIG_FILE", str(home / "settings.toml"))
    monkeypatch.setenv("POS_APP_DATA_DIR", str(home / "data"))
    return home


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A working OS keyring, in memory."""
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A machine without any OS keyring, like a bare CI box."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        keyring.set_keyring(previous)
