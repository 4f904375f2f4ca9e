"""One program's part of the progress panel, and what every program's section has in common.

A section goes through its states (idle, loading, error with Retry, not linked, its list)
on its own, so a slow or failing program never touches the other one. The panel only
speaks this interface (:meth:`~ProgressSection.clear`, :meth:`~ProgressSection.show_loading`,
:meth:`~ProgressSection.show_error`, :meth:`~ProgressSection.show_result`); what a program
lists, and how, is its subclass's business.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.progress import NotLinked, Program
from pos_app.ui.i18n import retranslated
from pos_app.ui.progress.rows import PictureListModel, ProgressListView
from pos_app.ui.progress.texts import describe_progress_error, not_linked_text
from pos_app.ui.theme import grown_font, set_style_property

#: What a program's service call returns when the customer is linked.
ResultT = TypeVar("ResultT")


class SectionState(StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    ERROR = "error"
    NOT_LINKED = "not_linked"
    RESULT = "result"


class ProgressSection(QFrame, Generic[ResultT]):
    """One program's part of the panel: a title and, below it, one state at a time.

    A subclass brings its list (``model`` shown in ``view``) and says how a result fills
    it (:meth:`_fill_list`) and how the list is emptied (:meth:`_clear_list`).

    Signals:
        retryRequested: the Retry button was pressed (after an error).
    """

    retryRequested = Signal()

    #: The section's share of the panel's height while it takes room (see ``takes_room``).
    STRETCH: ClassVar[int] = 1

    def __init__(
        self,
        program: Program,
        title: str,
        model: PictureListModel,
        view: ProgressListView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.program = program
        self.model = model
        model.setParent(self)
        view.setModel(model)
        self.setObjectName(f"{program.value}Section")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state = SectionState.IDLE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setContentsMargins(12, 0, 12, 0)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName(f"{program.value}Title")
        self.title_label.setFont(grown_font(self.font(), 1, bold=True))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName(f"{program.value}Summary")
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label.setFont(grown_font(self.font(), 0.5, bold=True))
        # Both wrap rather than overlap where the panel is narrow (long German words).
        self.title_label.setWordWrap(True)
        self.summary_label.setWordWrap(True)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.summary_label)
        layout.addLayout(header)

        # Pages are shown and hidden rather than stacked: a hidden page takes no room, so a
        # section with only a line of text leaves the space to the other section's list.
        loading = QWidget(self)
        loading_layout = QVBoxLayout(loading)
        loading_layout.setContentsMargins(12, 4, 12, 8)
        self.loading_label = QLabel(loading)
        retranslated(
            self.loading_label,
            lambda: self.loading_label.setText(
                QCoreApplication.translate("ProgressPanel", "Loading…")
            ),
        )
        busy = QProgressBar(loading)
        busy.setRange(0, 0)
        busy.setMaximumHeight(4)
        busy.setTextVisible(False)
        loading_layout.addWidget(self.loading_label)
        loading_layout.addWidget(busy)
        self._loading = loading

        message = QWidget(self)
        message_layout = QVBoxLayout(message)
        message_layout.setContentsMargins(12, 4, 12, 8)
        self.headline_label = QLabel(message)
        self.headline_label.setObjectName(f"{program.value}Headline")
        self.headline_label.setFont(grown_font(self.font(), 0, bold=True))
        self.message_label = QLabel(message)
        self.message_label.setObjectName(f"{program.value}Message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton(
            QCoreApplication.translate("ProgressPanel", "Retry"), message
        )
        self.retry_button.setObjectName(f"{program.value}RetryButton")
        # Reachable with Tab, but a click leaves the focus where the scanner types.
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.retry_button.clicked.connect(self.retryRequested)
        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry_button)
        retry_row.addStretch(1)
        message_layout.addWidget(self.headline_label)
        message_layout.addWidget(self.message_label)
        message_layout.addLayout(retry_row)
        self._message = message

        self.view: ProgressListView = view
        self._pages = (loading, message, view)
        for page in self._pages:
            layout.addWidget(page, 1 if page is view else 0)
        # Below a loading line, the room its list will take.
        layout.addStretch(0)
        self._layout = layout
        self._show_page(None)

    def current_page(self) -> QWidget | None:
        return next((page for page in self._pages if not page.isHidden()), None)

    def _show_page(self, wanted: QWidget | None) -> None:
        for page in self._pages:
            page.setVisible(page is wanted)
        self._layout.setStretch(self._layout.count() - 1, 0 if wanted is self.view else 1)

    @property
    def takes_room(self) -> bool:
        """Loading or showing its list: the section keeps its share of the panel's height.

        Kept while loading too, so the other section does not jump when the list arrives.
        """
        return self.state in (SectionState.LOADING, SectionState.RESULT)

    def picture_urls(self) -> set[str]:
        """Every picture the section's list shows."""
        return self.model.picture_urls()

    def clear(self) -> None:
        """No customer: nothing shown."""
        self._clear_list()
        self.state = SectionState.IDLE
        self.summary_label.clear()
        self._show_page(None)

    def show_loading(self) -> None:
        self._clear_list()
        self.state = SectionState.LOADING
        self.summary_label.clear()
        self._show_page(self._loading)

    def show_error(self, exc: BaseException) -> None:
        """The program could not be loaded: why, in shop words, and a Retry button."""
        self._clear_list()
        self.state = SectionState.ERROR
        self.summary_label.clear()
        self.headline_label.setText(
            QCoreApplication.translate("ProgressPanel", "Not available right now")
        )
        set_style_property(self.headline_label, "kind", "error")
        self.message_label.setText(describe_progress_error(self.program, exc))
        self.retry_button.show()
        self._show_page(self._message)

    def show_result(self, result: ResultT | NotLinked) -> None:
        """The program's answer: its list (and summary), or why there is nothing to show."""
        if isinstance(result, NotLinked):
            self._clear_list()
            self._show_not_linked(self._not_linked_detail(result))
            return
        summary = self._fill_list(result)
        self.view.scrollToTop()
        self.state = SectionState.RESULT
        self.summary_label.setText(summary)
        self._show_page(self.view)

    # -- what a program's section says ----------------------------------------------------

    def _fill_list(self, result: ResultT) -> str:
        """Put ``result`` in the list; return the summary beside the title ("" for none)."""
        raise NotImplementedError

    def _clear_list(self) -> None:
        raise NotImplementedError

    def _not_linked_detail(self, result: NotLinked) -> str:
        return not_linked_text(result)

    def _show_not_linked(self, detail: str) -> None:
        self.state = SectionState.NOT_LINKED
        self.summary_label.clear()
        self.headline_label.setText(QCoreApplication.translate("ProgressPanel", "Not linked"))
        set_style_property(self.headline_label, "kind", None)
        self.message_label.setText(detail)
        self.retry_button.hide()
        self._show_page(self._message)
