"""The base of dialogs that wait for background work (a PIN check, saving a profile).

:class:`AsyncDialog` owns a :class:`~pos_app.ui.async_support.TaskOwner`, runs one piece
of work at a time while the buttons it names are off, shows one message line, and
cancels its work when it closes, so a late answer never lands on a closed dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from typing import Any, Final, TypeVar

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from pos_app.ui.async_support import TaskOwner
from pos_app.ui.theme import set_style_property

T = TypeVar("T")

#: The key of the dialog's one piece of work.
WORK: Final = "work"


def message_line(parent: QWidget, object_name: str) -> QLabel:
    """A hidden line for what went wrong, styled as an error message line."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_style_property(label, "messageLine", "error")
    label.hide()
    return label


def confirm_buttons(
    dialog: QDialog,
    confirm_text: str,
    cancel_text: str,
    *,
    confirm_name: str,
    on_confirm: Callable[[], object] | None = None,
    size: QSize,
    box: QDialogButtonBox | None = None,
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A dialog's confirm and cancel buttons: the box, the confirm button, the cancel one.

    Both at least ``size`` (touch targets); confirm is the default, so Enter confirms
    and Escape cancels. Confirming calls ``on_confirm`` (the dialog's ``accept`` unless
    given), cancelling rejects the dialog. The caller places the box in its layout.
    """
    box = box if box is not None else QDialogButtonBox(dialog)
    confirm = box.addButton(confirm_text, QDialogButtonBox.ButtonRole.AcceptRole)
    confirm.setObjectName(confirm_name)
    cancel = box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    for button in (confirm, cancel):
        button.setMinimumSize(size)
    confirm.setDefault(True)
    box.accepted.connect(on_confirm if on_confirm is not None else dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, confirm, cancel


class AsyncDialog(QDialog):
    """A modal dialog with a message line that runs one background task at a time."""

    def __init__(self, parent: QWidget | None, *, message_name: str) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._tasks = TaskOwner()
        #: Where :meth:`show_problem` writes; the subclass places it in its layout.
        self.message = message_line(self, message_name)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._grow_to_contents()
        return handled

    def _grow_to_contents(self) -> None:
        """Taller when the contents need it (a message appeared): never clip a keypad.

        A layout's minimum size leaves out what wrapped text needs at the dialog's width,
        so a message line appearing would squeeze the keys below their size instead.
        """
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        width = self.width()
        needed = layout.totalMinimumSize().height()
        if layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(width))
        screen = self.screen()
        if screen is not None:
            needed = min(needed, screen.availableSize().height())
        if needed > self.height():
            self.resize(width, needed)

    def show_problem(self, text: str) -> None:
        """Say what is wrong ("" hides the line)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def is_busy(self) -> bool:
        return self._tasks.is_running(WORK)

    def run_work(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None],
        busy: Sequence[QWidget] = (),
        on_settled: Callable[[], None] | None = None,
    ) -> bool:
        """Run ``coro`` unless work is running (then it is dropped: False).

        ``busy`` widgets are off while it runs and on again before its outcome is handled;
        ``on_settled`` runs after either outcome (and not when the dialog closed first).
        """
        if self.is_busy():
            coro.close()
            return False

        def succeeded(value: T) -> None:
            if on_success is not None:
                on_success(value)
            if on_settled is not None:
                on_settled()

        def failed(exc: BaseException) -> None:
            on_failure(exc)
            if on_settled is not None:
                on_settled()

        self._tasks.op(coro, key=WORK).success(succeeded).failure(failed).disable(*busy).run()
        return True

    def submit(self, start: Callable[[], object]) -> None:
        """The dialog's main button: unless busy, say what is wrong, or else ``start``."""
        if self.is_busy():
            return
        problem = self.problem()
        self.show_problem(problem or "")
        if not problem:
            start()

    def problem(self) -> str | None:
        """What keeps the main button from doing anything (None: nothing)."""
        return None

    def done(self, result: int) -> None:
        # Work still running belongs to this dialog: its answer must not land later.
        self._tasks.cancel(WORK)
        super().done(result)
