"""The progress panel's shell: a title with a collapse toggle over one section per program.

It tells the customer what else they are close to ("two more cards for the Autumn badge",
"160 points to a free tote") while the cashier hands rewards over. The window decides what
to load and when; the panel passes each program's outcome to that program's section and
shares the height between the sections that show a list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from pos_app.services.progress import GiftoinProgress, NotLinked, NudjProgress, Program
from pos_app.ui.i18n import retranslated
from pos_app.ui.pictures import PictureCache
from pos_app.ui.progress.giftoin import GiftoinSection
from pos_app.ui.progress.nudj import NudjSection
from pos_app.ui.progress.section import ProgressSection
from pos_app.ui.theme import grown_font

#: Where the collapsed state is kept in the window's QSettings.
COLLAPSED_KEY: Final = "progressPanel/collapsed"


class ProgressPanel(QFrame):
    """The Giftoin and Nudj sections beside the pickup list (objectName ``progressPanel``).

    Collapsible; the collapsed state is kept in ``state`` (the window's QSettings) so the
    panel comes back the way the cashier left it.

    Signals:
        retryRequested(str): the Retry button of a section was pressed (a ``Program`` value).
        finished: every section that was loading has its outcome on screen.
        collapsedChanged(bool): the panel was collapsed or expanded.
    """

    retryRequested = Signal(str)
    finished = Signal()
    collapsedChanged = Signal(bool)

    #: The panel's width when room is short: the rewards list beside it has the priority
    #: (theme.Layout: beyond their minimums the two share the width by stretch factors).
    MIN_WIDTH: Final = 300
    #: Set rather than taken from the contents: sections switching between a line of text
    #: and a list would otherwise change the window's minimum size, and with it lay out
    #: the whole window again, on every load.
    MIN_HEIGHT: Final = 160

    def __init__(
        self,
        pictures: PictureCache | None,
        *,
        state: QSettings | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        retranslated(
            self,
            lambda: self.setAccessibleName(
                QCoreApplication.translate("ProgressPanel", "Progress in other programs")
            ),
        )
        self._state = state
        self._loading: set[Program] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        header = QHBoxLayout()
        header.setContentsMargins(4, 0, 0, 0)
        self.title_label = QLabel(QCoreApplication.translate("ProgressPanel", "Progress"), self)
        self.title_label.setObjectName("progressTitle")
        self.title_label.setFont(grown_font(self.font(), 2, bold=True))
        self.toggle_button = QToolButton(self)
        self.toggle_button.setObjectName("progressToggle")
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.clicked.connect(self.on_toggle_button_clicked)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.toggle_button)
        layout.addLayout(header)

        self.body = QWidget(self)
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(8)
        self.giftoin = GiftoinSection(
            pictures, clock=clock or (lambda: datetime.now(UTC)), parent=self.body
        )
        self.nudj = NudjSection(pictures, self.body)
        #: Top to bottom, as on screen.
        self.sections: dict[Program, ProgressSection[Any]] = {
            section.program: section for section in (self.giftoin, self.nudj)
        }
        for section in self.sections.values():
            section.retryRequested.connect(partial(self.retryRequested.emit, section.program.value))
            body_layout.addWidget(section)
        body_layout.addStretch(1)
        self._body_layout = body_layout
        # The lists by name, for the window's picture bookkeeping and for tests.
        self.challenges = self.giftoin.model
        self.challenge_view = self.giftoin.view
        self.nudj_rewards = self.nudj.model
        self.nudj_view = self.nudj.view
        layout.addWidget(self.body, 1)
        # Takes the height instead of the body when collapsed: the toggle stays on top.
        layout.addStretch(0)
        self._outer_layout = layout

        collapsed = False
        if state is not None:
            collapsed = bool(state.value(COLLAPSED_KEY, False, type=bool))
        self._collapsed = collapsed
        self._apply_collapsed(collapsed)
        # The toggle's words in each language the screen switches to.
        retranslated(self.toggle_button, lambda: self._apply_collapsed(self._collapsed))

    # -- sections --------------------------------------------------------------------------

    def section(self, program: Program | str) -> ProgressSection[Any]:
        return self.sections[Program(program)]

    def set_giftoin_platform(self, platform: str | None) -> None:
        """The platform Giftoin knows customers by (the setting's value, e.g. "discord")."""
        self.giftoin.set_platform(platform)

    def clear(self) -> None:
        """No customer: nothing shown, nothing loading."""
        self._loading.clear()
        for section in self.sections.values():
            section.clear()
        self._update_stretch()

    def show_loading(self, program: Program) -> None:
        self._loading.add(program)
        self.section(program).show_loading()
        self._update_stretch()

    def show_giftoin(self, result: GiftoinProgress | NotLinked) -> None:
        self._show_result(Program.GIFTOIN, result)

    def show_nudj(self, result: NudjProgress | NotLinked) -> None:
        self._show_result(Program.NUDJ, result)

    def show_error(self, program: Program, exc: BaseException) -> None:
        self.section(program).show_error(exc)
        self._done(program)

    def is_loading(self, program: Program | None = None) -> bool:
        if program is None:
            return bool(self._loading)
        return program in self._loading

    def _show_result(self, program: Program, result: object) -> None:
        self.section(program).show_result(result)
        self._done(program)

    def _update_stretch(self) -> None:
        # Lists get the height; a section with a line of text keeps just what it needs.
        any_room = False
        for position, section in enumerate(self.sections.values()):
            takes_room = section.takes_room
            any_room = any_room or takes_room
            self._body_layout.setStretch(position, section.STRETCH if takes_room else 0)
        self._body_layout.setStretch(len(self.sections), 0 if any_room else 1)

    def _done(self, program: Program) -> None:
        self._update_stretch()
        if program in self._loading:
            self._loading.discard(program)
            if not self._loading:
                self.finished.emit()

    # -- collapsing ------------------------------------------------------------------------

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed == self._collapsed:
            return
        self._apply_collapsed(collapsed)
        if self._state is not None:
            self._state.setValue(COLLAPSED_KEY, collapsed)
            # Written now: the app may be stopped by switching the counter PC off.
            self._state.sync()
        self.collapsedChanged.emit(collapsed)

    def on_toggle_button_clicked(self) -> None:
        self.set_collapsed(not self._collapsed)

    def _apply_collapsed(self, collapsed: bool) -> None:
        self._collapsed = collapsed
        self.body.setVisible(not collapsed)
        self.title_label.setVisible(not collapsed)
        self._outer_layout.setStretch(2, 1 if collapsed else 0)
        if collapsed:
            self.toggle_button.setArrowType(Qt.ArrowType.LeftArrow)
            self.toggle_button.setText(QCoreApplication.translate("ProgressPanel", "Progress"))
            self.toggle_button.setToolTip(
                QCoreApplication.translate("ProgressPanel", "Show the customer's progress")
            )
            self.setMinimumSize(0, self.MIN_HEIGHT)
        else:
            self.toggle_button.setArrowType(Qt.ArrowType.RightArrow)
            self.toggle_button.setText(QCoreApplication.translate("ProgressPanel", "Hide"))
            self.toggle_button.setToolTip(
                QCoreApplication.translate("ProgressPanel", "Hide the customer's progress")
            )
            self.setMinimumSize(self.MIN_WIDTH, self.MIN_HEIGHT)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._collapsed:
            return hint
        # Asks for no more than its minimum: what the window has beyond the list's and the
        # panel's minimums is shared by their stretch factors, not taken by the panel first.
        return QSize(self.MIN_WIDTH, hint.height())
