from __future__ import annotations

import asyncio
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from pos_app.ui.async_support import TaskOwner, await_dialog, install_excepthook
from tests.helpers import wait_until


@pytest.mark.asyncio
async def test_runs_on_the_qt_loop() -> None:
    import qasync

    loop = asyncio.get_running_loop()
    assert isinstance(loop, qasync.QEventLoop)
    fired: asyncio.Future[str] = loop.create_future()
    QTimer.singleShot(10, lambda: fired.set_result("timer"))
    assert await asyncio.wait_for(fired, 5) == "timer"


@pytest.mark.asyncio
async def test_results_and_errors_reach_their_callbacks() -> None:
    owner = TaskOwner()
    results: list[int] = []
    failures: list[BaseException] = []

    async def ok() -> int:
        await asyncio.sleep(0)
        return 7

    async def boom() -> int:
        raise ValueError("bad")

    await owner.run(ok(), on_success=results.append)
    with pytest.raises(ValueError, match="bad"):
        await owner.run(boom(), on_failure=failures.append)
    await asyncio.sleep(0)
    assert results == [7]
    assert [str(f) for f in failures] == ["bad"]
    assert owner.pending == 0


@pytest.mark.asyncio
async def test_new_task_with_same_key_cancels_the_old_one() -> None:
    owner = TaskOwner()
    landed: list[str] = []

    never = asyncio.Event()  # the first answer comes only if nothing stops waiting for it

    async def lookup(name: str, answer: asyncio.Event | None) -> str:
        if answer is not None:
            await answer.wait()
        return name

    first = owner.run(lookup("first", never), on_success=landed.append, key="search")
    second = owner.run(lookup("second", None), on_success=landed.append, key="search")
    await asyncio.wait([first, second], timeout=5)
    await asyncio.sleep(0)  # the owner's done-callbacks run next
    assert first.cancelled()
    assert second.done()
    assert landed == ["second"]
    assert not owner.is_running("search")


@pytest.mark.asyncio
async def test_cancel_all_stops_everything_and_refuses_new_work() -> None:
    owner = TaskOwner()
    tasks = [owner.run(asyncio.sleep(10)) for _ in range(5)]
    await owner.cancel_all()
    assert all(task.cancelled() for task in tasks)
    assert owner.pending == 0
    with pytest.raises(RuntimeError):
        owner.run(asyncio.sleep(0))


@pytest.mark.asyncio
async def test_await_dialog_does_not_nest_the_loop(qapp: QApplication) -> None:
    dialog = QDialog()
    ticks: list[int] = []

    async def ticker() -> None:
        # Runs while the dialog is open: proof that the one loop keeps turning.
        for i in range(3):
            await asyncio.sleep(0.01)
            ticks.append(i)
        dialog.accept()

    task = asyncio.ensure_future(ticker())
    result = await await_dialog(dialog)
    await task
    assert result == QDialog.DialogCode.Accepted
    assert ticks == [0, 1, 2]


@pytest.mark.asyncio
async def test_cancelled_dialog_wait_closes_the_dialog(qapp: QApplication) -> None:
    dialog = QDialog()
    waiting = asyncio.ensure_future(await_dialog(dialog))
    await wait_until(dialog.isVisible)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert not dialog.isVisible()


def test_uncaught_errors_are_shown_not_fatal(qtbot: QtBot) -> None:
    restore = install_excepthook()
    try:
        try:
            raise RuntimeError("slot exploded")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorReport"]
        assert len(boxes) == 1
        box = boxes[0]
        assert isinstance(box, QMessageBox)
        assert box.isVisible()
        assert box.windowTitle() == "Something went wrong"
        assert "RuntimeError: slot exploded" in box.detailedText()
        box.close()
    finally:
        restore()
