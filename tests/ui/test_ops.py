"""Background work started through the op builder: results, the failure route, busy widgets."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos_app.ui.async_support import TaskOwner


class Gate:
    """A coroutine that ends when the test opens the gate (no sleeping)."""

    def __init__(self) -> None:
        self._open = asyncio.Event()

    async def wait(self, result: int = 1) -> int:
        await self._open.wait()
        return result

    async def fail(self, exc: BaseException) -> int:
        await self._open.wait()
        raise exc

    def open(self) -> None:
        self._open.set()


def _taking(into: list[BaseException]) -> Callable[[BaseException], bool]:
    def route(exc: BaseException) -> bool:
        into.append(exc)
        return True

    return route


async def _ended(task: asyncio.Task[object]) -> None:
    await asyncio.gather(task, return_exceptions=True)
    await asyncio.sleep(0)  # the done callbacks run one loop step after the task ends


@pytest.mark.asyncio
async def test_a_failure_without_a_handler_takes_the_default_route() -> None:
    routed: list[BaseException] = []
    owner = TaskOwner(on_error=_taking(routed))
    gate = Gate()
    task = owner.op(gate.fail(LookupError("no such card"))).run()
    gate.open()
    await _ended(task)
    assert [str(e) for e in routed] == ["no such card"]


@pytest.mark.asyncio
async def test_its_own_failure_handler_replaces_the_route() -> None:
    routed: list[BaseException] = []
    own: list[BaseException] = []
    owner = TaskOwner(on_error=_taking(routed))
    gate = Gate()
    task = owner.op(gate.fail(ValueError("x"))).failure(own.append).run()
    gate.open()
    await _ended(task)
    assert [str(e) for e in own] == ["x"]
    assert routed == []


@pytest.mark.asyncio
async def test_the_busy_widget_shows_while_any_op_using_it_runs(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    busy = QProgressBar(parent)
    busy.hide()
    button = QPushButton(parent)
    parent.show()
    owner = TaskOwner()
    first, second = Gate(), Gate()
    results: list[int] = []
    one = owner.op(first.wait(1)).busy(busy).disable(button).success(results.append).run()
    two = owner.op(second.wait(2)).busy(busy).success(results.append).run()
    assert busy.isVisible()
    assert not button.isEnabled()
    first.open()
    await _ended(one)
    assert results == [1]
    assert busy.isVisible()  # the second op still runs
    assert button.isEnabled()
    second.open()
    await _ended(two)
    assert results == [1, 2]
    assert not busy.isVisible()


@pytest.mark.asyncio
async def test_a_new_op_under_the_same_key_cancels_the_old_one_and_its_callbacks(
    qtbot: QtBot,
) -> None:
    owner = TaskOwner()
    busy = QProgressBar()
    qtbot.addWidget(busy)
    old, new = Gate(), Gate()
    landed: list[int] = []
    first = owner.op(old.wait(1), key="lookup").busy(busy).success(landed.append).run()
    second = owner.op(new.wait(2), key="lookup").busy(busy).success(landed.append).run()
    old.open()
    new.open()
    await _ended(first)
    await _ended(second)
    assert first.cancelled()
    assert landed == [2]
    assert not busy.isVisible()
    assert owner.pending == 0
