"""asyncio on the Qt loop: the few helpers every window uses.

Rules (DESIGN.md, "asyncio on Qt"): never nest event loops (no ``exec()`` /
``processEvents()`` in a coroutine), keep a reference to every task, cancel them on close,
and route errors to one handler instead of a try/except in every button.

Background work is started one way: ``tasks.op(coro, key=…)`` builds an :class:`Op`
(what to do with the result, how a failure is said, which widget shows it is busy) and
``.run()`` starts it. A failure without its own handler goes to the owner's ``on_error``
(a window words the errors the world causes in its message area), and what that does not
take is a bug for the exception hook.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from pos_app.ui.i18n import translate as _tr

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskOwner:
    """Owns the background tasks of one window or controller.

    ``run()`` starts a coroutine, keeps a strong reference until it ends (asyncio only
    keeps weak ones), and sends its result or error to the given callbacks. Tasks started
    under a ``key`` replace the previous task with that key: a new search cancels the old
    one. ``cancel_all()`` is awaited on close so nothing outlives its window.
    """

    def __init__(self, *, on_error: Callable[[BaseException], bool] | None = None) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._keyed: dict[str, asyncio.Task[Any]] = {}
        self._closed = False
        self._on_error = on_error
        self._busy: dict[QWidget, int] = {}

    def op(self, coro: Coroutine[Any, Any, T], *, key: str | None = None) -> Op[T]:
        """Build a background operation; nothing runs before :meth:`Op.run`."""
        return Op(self, coro, key)

    def fail(self, exc: BaseException) -> None:
        """The default route of a failure: ``on_error`` if it takes it, else a bug report."""
        if self._on_error is not None and self._on_error(exc):
            return
        report_exception(type(exc), exc, exc.__traceback__)

    def _busy_started(self, widget: QWidget) -> None:
        self._busy[widget] = self._busy.get(widget, 0) + 1
        widget.show()

    def _busy_ended(self, widget: QWidget) -> None:
        left = self._busy.get(widget, 1) - 1
        if left > 0:
            self._busy[widget] = left
            return
        self._busy.pop(widget, None)
        if is_alive(widget):
            widget.hide()

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        key: str | None = None,
    ) -> asyncio.Task[T]:
        if self._closed:
            coro.close()
            raise RuntimeError("TaskOwner is closed")
        if key is not None and (previous := self._keyed.get(key)) is not None:
            previous.cancel()
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        if key is not None:
            self._keyed[key] = task

        def done(finished: asyncio.Task[T]) -> None:
            self._tasks.discard(finished)
            if key is not None and self._keyed.get(key) is finished:
                del self._keyed[key]
            if finished.cancelled():
                return
            exc = finished.exception()
            if exc is not None:
                if on_failure is not None:
                    on_failure(exc)
                else:
                    self.fail(exc)
            elif on_success is not None:
                on_success(finished.result())

        task.add_done_callback(done)
        return task

    def cancel(self, key: str) -> None:
        """Cancel the task running under ``key``, if any."""
        task = self._keyed.get(key)
        if task is not None:
            task.cancel()

    def is_running(self, key: str) -> bool:
        return key in self._keyed

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def cancel_all(self) -> None:
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


class Op(Generic[T]):
    """One piece of background work, described before it starts (see the module docstring).

    ``success`` gets the result; ``failure`` replaces the default route for errors;
    ``busy`` is a widget shown while this (or any other op using it) runs, such as a busy
    bar; ``disable`` widgets are disabled while it runs. A new op with the same key
    cancels the running one, whose callbacks then do not run.
    """

    def __init__(self, owner: TaskOwner, coro: Coroutine[Any, Any, T], key: str | None):
        self._owner = owner
        self._coro = coro
        self._key = key
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._busy: QWidget | None = None
        self._disabled: tuple[QWidget, ...] = ()

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._on_failure = callback
        return self

    def busy(self, widget: QWidget) -> Op[T]:
        self._busy = widget
        return self

    def disable(self, *widgets: QWidget) -> Op[T]:
        self._disabled = widgets
        return self

    def run(self) -> asyncio.Task[T]:
        owner, busy, disabled = self._owner, self._busy, self._disabled
        on_success, on_failure = self._on_success, self._on_failure
        settled = False

        def settle() -> None:
            # Before the outcome is handled: a handler may focus or disable a widget again.
            nonlocal settled
            if settled:
                return
            settled = True
            if busy is not None:
                owner._busy_ended(busy)
            for widget in disabled:
                if is_alive(widget):
                    widget.setEnabled(True)

        def succeeded(value: T) -> None:
            settle()
            if on_success is not None:
                on_success(value)

        def failed(exc: BaseException) -> None:
            settle()
            (on_failure or owner.fail)(exc)

        task = owner.run(self._coro, on_success=succeeded, on_failure=failed, key=self._key)
        if busy is not None:
            owner._busy_started(busy)
        for widget in disabled:
            widget.setEnabled(False)
        task.add_done_callback(lambda _task: settle())  # also when cancelled
        return task


async def await_dialog(dialog: QDialog) -> int:
    """Show ``dialog`` window-modally and wait for its result without nesting a loop.

    ``exec()`` inside a coroutine starts a second Qt loop under qasync and breaks it
    (qasync issue #59); ``open()`` plus the ``finished`` signal does not.
    """
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    # WORKAROUND: PySide6 binds only open(receiver, member) on QFileDialog and QPrintDialog,
    # hiding QDialog.open(); calling the base class's open() works for every dialog.
    QDialog.open(dialog)
    try:
        return await future
    except asyncio.CancelledError:
        dialog.reject()
        raise
    finally:
        dialog.finished.disconnect(finished)


_parent_for_reports: QWidget | None = None
_open_reports: set[QMessageBox] = set()


def set_report_parent(widget: QWidget | None) -> None:
    """The window that error reports are shown over."""
    global _parent_for_reports
    _parent_for_reports = widget


def report_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> None:
    """Log an unexpected error and tell the person at the counter, without nesting loops.

    Installed as ``sys.excepthook``: exceptions escaping Qt slots and ``@asyncSlot``
    coroutines land here instead of killing the app.
    """
    if issubclass(exc_type, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    log.error(
        "Unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()
    )
    if QApplication.instance() is None:
        return
    box = QMessageBox(_parent_for_reports)
    box.setObjectName("errorReport")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("Something went wrong"))
    box.setText(
        _tr(
            "The app met an unexpected problem. The last action may not have finished; "
            "nothing was sent twice. If it happens again, tell your IT contact."
        )
    )
    # The exception text may echo server data; it is shown only as technical details.
    box.setDetailedText(f"{exc_type.__name__}: {exc}")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Without a parent only this reference keeps the box alive until it is closed.
    _open_reports.add(box)
    box.finished.connect(lambda _result: _open_reports.discard(box))
    box.open()


def install_excepthook() -> Callable[[], None]:
    """Route uncaught exceptions to :func:`report_exception`; returns an undo function."""
    previous = sys.excepthook
    sys.excepthook = report_exception

    def restore() -> None:
        sys.excepthook = previous

    return restore


def is_alive(obj: QObject) -> bool:
    """False once Qt deleted the C++ side (a late task result must not touch it)."""
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True
