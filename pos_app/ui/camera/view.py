"""The camera view: what the camera sees, a frame to hold the code in, and what to do.

It runs while it is on screen: shown, it starts its picture source and the decoder; hidden
(a customer found, the kiosk wiped, the page left), it stops both. Every picture goes to
the preview and is offered to the decoder, which looks at the newest one it can; a code
the lock lets through is said on the view (the frame turns green) and given to
:attr:`CameraView.codeRead`, which the counter treats as a scan.
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from pos_app.services.scan_lock import ScanLock
from pos_app.ui.camera.frames import FrameSource
from pos_app.ui.camera.reader import CodeReader
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.theme import ColorScheme, TextSize, scaled_font

log = logging.getLogger(__name__)

#: How long the viewfinder stays green after a read.
READ_FLASH_MS = 1200


class CameraState(Enum):
    #: Not running: the view is not on screen.
    IDLE = "idle"
    STARTING = "starting"
    LOOKING = "looking"
    #: A code was read just now (the viewfinder is green).
    READ = "read"
    #: There is no camera (or no way to reach one).
    MISSING = "missing"
    #: The camera or the decoder stopped working.
    FAILED = "failed"


class CameraPreview(QWidget):
    """The camera's whole picture, as large as fits, mirrored as in a mirror (people move
    the code the way they see it move), with the viewfinder square in its middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPreview")
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.frame: QImage | None = None
        self.read = False

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def set_frame(self, frame: QImage | None) -> None:
        self.frame = frame
        self.update()

    def set_read(self, read: bool) -> None:
        self.read = read
        self.update()

    def picture_area(self) -> QRectF:
        """Where the picture goes: the camera's shape (4:3 until a picture came), centred."""
        shape = self.frame.size() if self.frame is not None else QSize(4, 3)
        size = shape.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            (self.width() - size.width()) / 2,
            (self.height() - size.height()) / 2,
            size.width(),
            size.height(),
        )

    def viewfinder(self) -> QRectF:
        picture = self.picture_area()
        side = min(picture.width(), picture.height()) * 0.7
        centre = picture.center()
        return QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.picture_area()
        clip = QPainterPath()
        clip.addRoundedRect(area, 12, 12)
        painter.setClipPath(clip)
        painter.fillRect(area, ColorScheme.CAMERA_BACKGROUND)
        if self.frame is not None and not self.frame.isNull():
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            # Mirrored about the picture's middle.
            painter.translate(area.left() + area.right(), 0)
            painter.scale(-1, 1)
            painter.drawImage(area, self.frame)
            painter.restore()
        finder = self.viewfinder()
        around = QPainterPath()
        around.addRect(area)
        hole = QPainterPath()
        hole.addRoundedRect(finder, 10, 10)
        painter.fillPath(around.subtracted(hole), ColorScheme.CAMERA_DIM)
        color = ColorScheme.VIEWFINDER_READ if self.read else ColorScheme.VIEWFINDER
        self._corners(painter, finder, color)
        painter.end()

    def _corners(self, painter: QPainter, finder: QRectF, color: QColor) -> None:
        pen = QPen(color, 6 if self.read else 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        arm = finder.width() * 0.18
        corners = (
            (finder.topLeft(), 1, 1),
            (finder.topRight(), -1, 1),
            (finder.bottomLeft(), 1, -1),
            (finder.bottomRight(), -1, -1),
        )
        for corner, dx, dy in corners:
            painter.drawLine(corner, corner + QPointF(dx * arm, 0))
            painter.drawLine(corner, corner + QPointF(0, dy * arm))


class CameraView(QFrame):
    """Preview, the words above it, and the decoder behind it.

    ``source`` gives the pictures; ``lock`` decides whether a code read is a new scan (it
    is the counter's, so it outlives a view that is closed and opened again).

    Signals:
        codeRead(str): a code the lock let through (treat it as a scan).
    """

    codeRead = Signal(str)

    def __init__(
        self,
        source: FrameSource,
        lock: ScanLock,
        *,
        reader: CodeReader | None = None,
        kiosk: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.source = source
        self.lock = lock
        self.reader = reader or CodeReader(parent=self)
        self._kiosk = kiosk
        self.state = CameraState.IDLE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        # Room that only counts while the preview is hidden (no camera): the words in the
        # middle.
        layout.addStretch(0)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("cameraPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.prompt.setFont(scaled_font(self.prompt.font(), TextSize.CAMERA_PROMPT, bold=True))
        layout.addWidget(self.prompt)
        self.preview = CameraPreview(self)
        layout.addWidget(self.preview, 1)
        self.status = QLabel(self)
        self.status.setObjectName("cameraStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(0)
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_FLASH_MS)
        self._read_timer.timeout.connect(self._read_over)
        self._connect(source)
        self.reader.decoded.connect(self.on_reader_decoded)
        self.reader.failed.connect(self.on_reader_failed)
        self._texts()

    def _connect(self, source: FrameSource) -> None:
        source.setParent(self)
        source.frameReady.connect(self.on_source_frameReady)
        source.failed.connect(self.on_source_failed)

    def use_source(self, source: FrameSource) -> None:
        """Pictures from ``source`` from now on (another camera); started if on screen."""
        self.stop()
        self.source.deleteLater()
        self.source = source
        self._connect(source)
        if self.isVisible():
            self.start()

    # -- running while on screen ---------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.state in (CameraState.STARTING, CameraState.LOOKING, CameraState.READ)

    def start(self) -> None:
        if self.running:
            return
        self._set_state(CameraState.STARTING)
        self.preview.set_frame(None)
        self.reader.start()
        self.source.start()

    def stop(self) -> None:
        self.source.stop()
        self.reader.stop()
        self._read_timer.stop()
        self.preview.set_read(False)
        if self.running:
            self._set_state(CameraState.IDLE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()
        super().hideEvent(event)

    # -- pictures and codes --------------------------------------------------------------

    def on_source_frameReady(self, frame: QImage) -> None:
        if not self.running:
            return
        self.preview.set_frame(frame)
        self.reader.offer(frame)
        if self.state is CameraState.STARTING:
            self._set_state(CameraState.LOOKING)

    def on_source_failed(self) -> None:
        log.info("Camera not available: %s", self.source.problem)
        self.reader.stop()
        self.preview.set_frame(None)
        self._set_state(CameraState.MISSING if self.source.missing else CameraState.FAILED)

    def on_reader_decoded(self, text: str) -> None:
        if not self.running or not self.lock.admit(text):
            return
        self._set_state(CameraState.READ)
        self.preview.set_read(True)
        self._read_timer.start()
        self.codeRead.emit(text)

    def on_reader_failed(self, problem: str) -> None:
        log.error("The camera's code reader stopped: %s", problem)
        self.source.stop()
        self._set_state(CameraState.FAILED)

    def _read_over(self) -> None:
        self.preview.set_read(False)
        if self.state is CameraState.READ:
            self._set_state(CameraState.LOOKING)

    # -- words ---------------------------------------------------------------------------

    def _set_state(self, state: CameraState) -> None:
        self.state = state
        # No camera: nothing to hold a code up to, the words alone.
        self.preview.setVisible(state not in (CameraState.MISSING, CameraState.FAILED))
        self._texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._texts()
        super().changeEvent(event)

    def _texts(self) -> None:
        state = self.state
        if state is CameraState.MISSING:
            prompt = _tr("No camera found")
            status = (
                _tr("Please use the scanner, or ask a member of staff.")
                if self._kiosk
                else _tr("Connect a camera, or scan the card or QR code with the scanner.")
            )
        elif state is CameraState.FAILED:
            prompt = _tr("The camera is not working")
            status = (
                _tr("Please use the scanner, or ask a member of staff.")
                if self._kiosk
                else _tr("Check its cable, or scan the card or QR code with the scanner.")
            )
        else:
            prompt = _tr("Hold the QR code of the app in front of the camera")
            status = {
                CameraState.IDLE: "",
                CameraState.STARTING: _tr("Starting the camera…"),
                CameraState.LOOKING: _tr("Keep it inside the frame until it turns green."),
                CameraState.READ: _tr("Code read. One moment…"),
            }[state]
        self.prompt.setText(prompt)
        self.status.setText(status)
        self.preview.setAccessibleName(_tr("Camera picture"))
        self.preview.setAccessibleDescription(status)
