"""Camera pictures for tests and the benchmark: generated codes as a camera would see them.

Each picture is a code (a QR code from segno, a barcode from zxing-cpp's writer) on a
phone or a card in a room, then spoilt the way counters spoil them: turned, out of focus,
a light reflected on the screen, held at an angle.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPolygonF,
    QRadialGradient,
    QTransform,
)

from pos_app.ui.camera.frames import CAPTURE_SIZE, phone_frame, qr_picture


def barcode_picture(text: str, kind: str = "Code128") -> QImage:
    """A 1D barcode of ``text`` (zxing-cpp's writer), with its quiet zone."""
    import zxingcpp

    barcode = zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, kind))
    bitmap = barcode.to_image(scale=3)
    height, width = bitmap.__array_interface__["shape"][:2]
    pixels = bytes(memoryview(bitmap))  # type: ignore[arg-type]  # a buffer, untyped
    bars = QImage(pixels, width, height, width, QImage.Format.Format_Grayscale8)
    # 1D symbols come one pixel high: stretched to a printed barcode's height.
    image = bars.scaled(width, max(height, width // 3))
    return image.convertToFormat(QImage.Format.Format_RGB32)


def card_frame(code: QImage, *, size: tuple[int, int] = CAPTURE_SIZE) -> QImage:
    """A loyalty card with ``code`` printed on it, held up to the camera."""
    width, height = size
    frame = QImage(width, height, QImage.Format.Format_RGB32)
    frame.fill(QColor("#3b4048"))
    painter = QPainter(frame)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    card = QRectF(width * 0.12, height * 0.25, width * 0.76, height * 0.5)
    painter.fillRect(card, QColor("#fbfbf7"))
    target = card.adjusted(card.width() * 0.06, card.height() * 0.15, 0, 0)
    target.setWidth(card.width() * 0.88)
    target.setHeight(card.width() * 0.88 * code.height() / code.width())
    painter.drawImage(target, code)
    painter.end()
    return frame


def rotated(frame: QImage, degrees: float) -> QImage:
    """The whole picture turned (a phone held sideways), on the room's grey."""
    out = QImage(frame.size(), QImage.Format.Format_RGB32)
    out.fill(QColor("#2c3036"))
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    centre = QPointF(frame.width() / 2, frame.height() / 2)
    painter.setTransform(
        QTransform()
        .translate(centre.x(), centre.y())
        .rotate(degrees)
        .translate(-centre.x(), -centre.y())
    )
    painter.drawImage(0, 0, frame)
    painter.end()
    return out


def blurred(frame: QImage, amount: float = 3.0) -> QImage:
    """Out of focus: scaled down ``amount`` times and smoothly back up."""
    small = frame.scaled(
        round(frame.width() / amount),
        round(frame.height() / amount),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return small.scaled(
        frame.size(),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def with_glare(
    frame: QImage, *, at: tuple[float, float] = (0.43, 0.4), strength: int = 215
) -> QImage:
    """A lamp reflected on the screen: a bright spot washing out part of the code."""
    out = frame.copy()
    painter = QPainter(out)
    x, y = at
    centre = QPointF(frame.width() * x, frame.height() * y)
    radius = min(frame.width(), frame.height()) * 0.2
    glow = QRadialGradient(centre, radius)
    glow.setColorAt(0, QColor(255, 255, 255, strength))
    glow.setColorAt(0.5, QColor(255, 255, 255, strength * 2 // 3))
    glow.setColorAt(1, QColor(255, 255, 255, 0))
    painter.fillRect(out.rect(), glow)
    painter.end()
    return out


def in_perspective(frame: QImage, lean: float = 0.18) -> QImage:
    """Held at an angle: the top edge further away than the bottom one."""
    width, height = frame.width(), frame.height()
    source = QPolygonF(
        [QPointF(0, 0), QPointF(width, 0), QPointF(width, height), QPointF(0, height)]
    )
    target = QPolygonF(
        [
            QPointF(width * lean, height * lean * 0.5),
            QPointF(width * (1 - lean), height * lean * 0.2),
            QPointF(width, height),
            QPointF(0, height * (1 - lean * 0.3)),
        ]
    )
    transform = QTransform()
    assert QTransform.quadToQuad(source, target, transform)
    out = QImage(frame.size(), QImage.Format.Format_RGB32)
    out.fill(QColor("#2c3036"))
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setTransform(transform)
    painter.drawImage(0, 0, frame)
    painter.end()
    return out


def phone_with_qr(text: str, *, tilt: float = 0) -> QImage:
    return phone_frame(qr_picture(text), tilt=tilt)


def empty_room(size: tuple[int, int] = CAPTURE_SIZE) -> QImage:
    """Nothing held up: the room only."""
    frame = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    frame.fill(QColor("#3b4048"))
    return frame


#: A picture of ``text`` spoilt one way, by name: what the tests and the benchmark decode.
SPOILT: dict[str, Callable[[str], QImage]] = {
    "straight": lambda text: phone_with_qr(text),
    "turned 30°": lambda text: phone_with_qr(text, tilt=30),
    "upside down": lambda text: rotated(phone_with_qr(text), 180),
    "out of focus": lambda text: blurred(phone_with_qr(text), 2.5),
    "glare": lambda text: with_glare(phone_with_qr(text)),
    "at an angle": lambda text: in_perspective(phone_with_qr(text)),
    "at an angle, turned, blurred": lambda text: blurred(
        in_perspective(phone_with_qr(text, tilt=-15)), 1.8
    ),
    "card barcode": lambda text: card_frame(barcode_picture(text)),
    "card barcode, sideways and blurred": lambda text: blurred(
        rotated(card_frame(barcode_picture(text)), 90), 1.6
    ),
}
