"""Where the camera view sits on the counter's screen, and when it is made.

At a staffed counter, **Camera** beside the scan field opens the camera on a page of its
own (closed again with its button, or by the customer it finds). In kiosk mode with the
``kiosk_camera`` setting, the view is part of the home screen and runs whenever the home
screen is shown. Either way a code read is :attr:`CameraControl.codeRead`, which the
counter searches for as if the scanner had typed it.

The view, its picture source and the decoder are made when first needed, so a counter
that never opens the camera never loads any of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.scan_lock import ScanLock
from pos_app.services.settings import Settings
from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr

if TYPE_CHECKING:
    from pos_app.ui.camera.frames import FrameSource
    from pos_app.ui.camera.view import CameraView
    from pos_app.ui.counter.kiosk_home import KioskHome

#: Makes the picture source for a new camera view (which takes it as its child).
SourceFactory = Callable[[], "FrameSource"]


class CameraPage(QFrame):
    """The staffed counter's camera page: the view (:meth:`set_view`) and the button that
    closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPage")
        self.view: CameraView | None = None
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("cameraCloseButton")
        self.close_button.setMinimumHeight(44)
        row.addWidget(self.close_button)
        row.addStretch(1)
        layout.addLayout(row)
        retranslated(self, lambda: self.close_button.setText(_tr("Close the camera")))

    def set_view(self, view: CameraView) -> None:
        self.view = view
        self._layout.insertWidget(0, view, 1)


class CameraControl(QObject):
    """The counter's camera: the button that opens it, its page or its place in the kiosk's
    home screen, and the lock that outlives each view.

    Signals:
        codeRead(str): a code read by the camera (a scan).
        closeRequested: staff closed the camera page (back to what was there).
    """

    codeRead = Signal(str)
    closeRequested = Signal()

    def __init__(
        self,
        settings: Settings,
        pages: QStackedWidget,
        *,
        kiosk_home: KioskHome | None,
        focus_search: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pages = pages
        self._focus_search = focus_search
        self._kiosk = kiosk_home is not None
        device = settings.camera_device

        def default_source() -> FrameSource:
            from pos_app.ui.camera.frames import open_frame_source

            return open_frame_source(device)

        #: Makes the source of each new view (tests and the screenshots hand in still pictures).
        self.sources: SourceFactory = default_source
        self._lock: ScanLock | None = None
        self.page: CameraPage | None = None
        self.view: CameraView | None = None
        self.button: QPushButton | None = None
        if kiosk_home is not None:
            if settings.kiosk_camera:
                kiosk_home.use_camera(self._make_view(kiosk_home))
        else:
            self.button = QPushButton()
            self.button.setObjectName("cameraButton")
            self.button.setMinimumHeight(44)
            self.button.clicked.connect(self.open)
            button = self.button
            retranslated(button, lambda: self._button_texts(button))

    @property
    def lock(self) -> ScanLock:
        """The same code is read once until it was out of sight for a while."""
        if self._lock is None:
            self._lock = ScanLock()
        return self._lock

    @lock.setter
    def lock(self, lock: ScanLock) -> None:
        self._lock = lock

    @staticmethod
    def _button_texts(button: QPushButton) -> None:
        button.setText(_tr("Camera"))
        button.setToolTip(_tr("Read the customer's QR code or card with the camera"))

    def _make_view(self, parent: QWidget) -> CameraView:
        from pos_app.ui.camera.view import CameraView

        view = CameraView(self.sources(), self.lock, kiosk=self._kiosk, parent=parent)
        view.codeRead.connect(self.codeRead)
        self.view = view
        return view

    @property
    def is_open(self) -> bool:
        return self.page is not None and self._pages.currentWidget() is self.page

    def open(self) -> None:
        """The camera page, made the first time (staffed counter)."""
        if self.page is None:
            self.page = CameraPage(self._pages)
            self.page.set_view(self._make_view(self.page))
            self.page.close_button.clicked.connect(self.closeRequested)
            self._pages.addWidget(self.page)
        self._pages.setCurrentWidget(self.page)
        # A scanner still works beside the camera: its keys go to the scan field.
        self._focus_search()
