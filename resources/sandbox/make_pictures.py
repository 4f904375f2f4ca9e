"""Draw the simulator's demo pictures (flat illustrations) into this folder.

A one-off tool, not part of pos_app.sandbox, so it may use Qt. Run it from the repo root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/sandbox/make_pictures.py

The PNGs are committed; run it again only to change the artwork.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

HERE = Path(__file__).resolve().parent

INK = QColor("#2b2d42")
WHITE = QColor("#fdfcf7")

Motif = Callable[[QPainter, QRectF, QColor], None]


def _round_pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _no_pen(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)


def _fill(p: QPainter, color: QColor) -> None:
    _no_pen(p)
    p.setBrush(QBrush(color))


def _poly(p: QPainter, points: list[tuple[float, float]], r: QRectF) -> None:
    p.drawPolygon(
        QPolygonF([QPointF(r.x() + x * r.width(), r.y() + y * r.height()) for x, y in points])
    )


def _rect(r: QRectF, x: float, y: float, w: float, h: float) -> QRectF:
    return QRectF(r.x() + x * r.width(), r.y() + y * r.height(), w * r.width(), h * r.height())


def cup(p: QPainter, r: QRectF, c: QColor, steam: bool = True) -> None:
    _fill(p, c)
    p.drawRoundedRect(_rect(r, 0.22, 0.38, 0.46, 0.44), 10, 10)
    p.setPen(QPen(c, r.width() * 0.06))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(_rect(r, 0.6, 0.46, 0.2, 0.2))
    if steam:
        p.setPen(_round_pen(c, r.width() * 0.03))
        for dx in (0.33, 0.45, 0.57):
            path = QPainterPath(QPointF(r.x() + dx * r.width(), r.y() + 0.32 * r.height()))
            path.cubicTo(
                QPointF(r.x() + (dx - 0.05) * r.width(), r.y() + 0.25 * r.height()),
                QPointF(r.x() + (dx + 0.05) * r.width(), r.y() + 0.2 * r.height()),
                QPointF(r.x() + dx * r.width(), r.y() + 0.12 * r.height()),
            )
            p.drawPath(path)


def mug(p: QPainter, r: QRectF, c: QColor) -> None:
    cup(p, r, c, steam=False)
    _fill(p, INK)
    p.drawEllipse(_rect(r, 0.38, 0.52, 0.14, 0.14))


def tote(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    _poly(p, [(0.2, 0.4), (0.8, 0.4), (0.74, 0.85), (0.26, 0.85)], r)
    p.setPen(QPen(c, r.width() * 0.05))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(_rect(r, 0.33, 0.2, 0.34, 0.4), 0, 180 * 16)


def pins(p: QPainter, r: QRectF, c: QColor) -> None:
    for (x, y), color in zip(
        [(0.18, 0.3), (0.45, 0.45), (0.28, 0.6)],
        [c, QColor("#ef8354"), QColor("#4f5d75")],
        strict=True,
    ):
        _fill(p, color)
        p.drawEllipse(_rect(r, x, y, 0.3, 0.3))
        _fill(p, WHITE)
        p.drawEllipse(_rect(r, x + 0.11, y + 0.11, 0.08, 0.08))


def bottle(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawRoundedRect(_rect(r, 0.36, 0.3, 0.28, 0.56), 14, 14)
    p.drawRect(_rect(r, 0.43, 0.16, 0.14, 0.16))
    _fill(p, WHITE)
    p.drawRect(_rect(r, 0.36, 0.5, 0.28, 0.1))


def ticket(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    path = QPainterPath()
    path.addRoundedRect(_rect(r, 0.14, 0.3, 0.72, 0.4), 8, 8)
    hole = QPainterPath()
    hole.addEllipse(_rect(r, 0.09, 0.44, 0.1, 0.12))
    hole.addEllipse(_rect(r, 0.81, 0.44, 0.1, 0.12))
    p.drawPath(path.subtracted(hole))
    p.setPen(QPen(WHITE, 3, Qt.PenStyle.DashLine))
    p.drawLine(_rect(r, 0.62, 0.32, 0, 0.36).topLeft(), _rect(r, 0.62, 0.32, 0, 0.36).bottomLeft())


def plant(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, QColor("#c8553d"))
    _poly(p, [(0.32, 0.6), (0.68, 0.6), (0.62, 0.86), (0.38, 0.86)], r)
    _fill(p, c)
    for angle in (-40, 0, 40):
        p.save()
        center = _rect(r, 0.5, 0.6, 0, 0).topLeft()
        p.translate(center)
        p.rotate(angle)
        p.drawEllipse(
            QRectF(-r.width() * 0.08, -r.height() * 0.36, r.width() * 0.16, r.height() * 0.34)
        )
        p.restore()


def sock(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    _poly(p, [(0.4, 0.15), (0.62, 0.15), (0.62, 0.62), (0.78, 0.72), (0.72, 0.86), (0.4, 0.8)], r)
    _fill(p, WHITE)
    p.drawRect(_rect(r, 0.4, 0.25, 0.22, 0.06))
    p.drawRect(_rect(r, 0.4, 0.37, 0.22, 0.06))


def chocolate(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawRoundedRect(_rect(r, 0.25, 0.18, 0.5, 0.66), 6, 6)
    p.setPen(QPen(c.darker(140), 3))
    for i in (1, 2):
        x = r.x() + (0.25 + i * 0.5 / 3) * r.width()
        p.drawLine(QPointF(x, r.y() + 0.18 * r.height()), QPointF(x, r.y() + 0.84 * r.height()))
    for i in (1, 2, 3):
        y = r.y() + (0.18 + i * 0.66 / 4) * r.height()
        p.drawLine(QPointF(r.x() + 0.25 * r.width(), y), QPointF(r.x() + 0.75 * r.width(), y))


def tin(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawRoundedRect(_rect(r, 0.3, 0.3, 0.4, 0.54), 6, 6)
    _fill(p, c.darker(130))
    p.drawRoundedRect(_rect(r, 0.27, 0.24, 0.46, 0.1), 4, 4)
    _fill(p, WHITE)
    p.drawEllipse(_rect(r, 0.42, 0.5, 0.16, 0.16))


def umbrella(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawPie(_rect(r, 0.16, 0.2, 0.68, 0.5), 0, 180 * 16)
    p.setPen(_round_pen(INK, r.width() * 0.035))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(_rect(r, 0.5, 0.45, 0, 0).topLeft(), _rect(r, 0.5, 0.78, 0, 0).topLeft())
    p.drawArc(_rect(r, 0.4, 0.7, 0.1, 0.12), 180 * 16, 180 * 16)


def sun(p: QPainter, r: QRectF, c: QColor) -> None:
    center = r.center()
    p.setPen(_round_pen(c, r.width() * 0.035))
    for i in range(12):
        a = i * math.pi / 6
        p.drawLine(
            QPointF(
                center.x() + math.cos(a) * r.width() * 0.24,
                center.y() + math.sin(a) * r.height() * 0.24,
            ),
            QPointF(
                center.x() + math.cos(a) * r.width() * 0.36,
                center.y() + math.sin(a) * r.height() * 0.36,
            ),
        )
    _fill(p, c)
    p.drawEllipse(center, r.width() * 0.18, r.height() * 0.18)


def scarf(p: QPainter, r: QRectF, c: QColor) -> None:
    p.setPen(_round_pen(c, r.width() * 0.14))
    path = QPainterPath(_rect(r, 0.2, 0.3, 0, 0).topLeft())
    path.cubicTo(
        _rect(r, 0.4, 0.1, 0, 0).topLeft(),
        _rect(r, 0.6, 0.5, 0, 0).topLeft(),
        _rect(r, 0.8, 0.3, 0, 0).topLeft(),
    )
    p.drawPath(path)
    p.drawLine(_rect(r, 0.6, 0.4, 0, 0).topLeft(), _rect(r, 0.56, 0.8, 0, 0).topLeft())


def leaf(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    path = QPainterPath(_rect(r, 0.5, 0.12, 0, 0).topLeft())
    path.cubicTo(
        _rect(r, 0.9, 0.35, 0, 0).topLeft(),
        _rect(r, 0.7, 0.8, 0, 0).topLeft(),
        _rect(r, 0.5, 0.86, 0, 0).topLeft(),
    )
    path.cubicTo(
        _rect(r, 0.3, 0.8, 0, 0).topLeft(),
        _rect(r, 0.1, 0.35, 0, 0).topLeft(),
        _rect(r, 0.5, 0.12, 0, 0).topLeft(),
    )
    p.drawPath(path)
    p.setPen(QPen(c.darker(150), 3))
    p.drawLine(_rect(r, 0.5, 0.2, 0, 0).topLeft(), _rect(r, 0.5, 0.9, 0, 0).topLeft())


def acorn(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawEllipse(_rect(r, 0.3, 0.35, 0.4, 0.5))
    _fill(p, c.darker(160))
    p.drawChord(_rect(r, 0.26, 0.24, 0.48, 0.3), 0, 180 * 16)
    p.drawRect(_rect(r, 0.47, 0.16, 0.06, 0.1))


def mushroom(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, WHITE)
    p.drawRoundedRect(_rect(r, 0.4, 0.45, 0.2, 0.38), 6, 6)
    _fill(p, c)
    p.drawChord(_rect(r, 0.16, 0.2, 0.68, 0.5), 0, 180 * 16)
    _fill(p, WHITE)
    for x, y in ((0.3, 0.32), (0.5, 0.26), (0.62, 0.36)):
        p.drawEllipse(_rect(r, x, y, 0.07, 0.07))


def pumpkin(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    for x in (0.2, 0.35, 0.5):
        p.drawEllipse(_rect(r, x, 0.32, 0.3, 0.48))
    _fill(p, QColor("#5a7d2b"))
    p.drawRect(_rect(r, 0.47, 0.2, 0.06, 0.14))


def rain(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    for x, y, s in ((0.2, 0.3, 0.3), (0.38, 0.2, 0.36), (0.55, 0.3, 0.28)):
        p.drawEllipse(_rect(r, x, y, s, s))
    p.drawRect(_rect(r, 0.32, 0.42, 0.4, 0.16))
    _fill(p, QColor("#4ea8de"))
    for x in (0.32, 0.48, 0.64):
        p.drawEllipse(_rect(r, x, 0.68, 0.06, 0.1))


def moon(p: QPainter, r: QRectF, c: QColor) -> None:
    path = QPainterPath()
    path.addEllipse(_rect(r, 0.22, 0.2, 0.56, 0.56))
    bite = QPainterPath()
    bite.addEllipse(_rect(r, 0.38, 0.12, 0.5, 0.5))
    _fill(p, c)
    p.drawPath(path.subtracted(bite))


def star(p: QPainter, r: QRectF, c: QColor) -> None:
    center = r.center()
    points = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        radius = 0.38 if i % 2 == 0 else 0.16
        points.append(
            QPointF(
                center.x() + math.cos(a) * radius * r.width(),
                center.y() + math.sin(a) * radius * r.height(),
            )
        )
    _fill(p, c)
    p.drawPolygon(QPolygonF(points))


def tower(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawRect(_rect(r, 0.38, 0.32, 0.24, 0.54))
    _poly(p, [(0.34, 0.34), (0.5, 0.1), (0.66, 0.34)], r)
    _fill(p, WHITE)
    for y in (0.42, 0.58, 0.72):
        p.drawRect(_rect(r, 0.46, y, 0.08, 0.08))


def bridge(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawRect(_rect(r, 0.1, 0.45, 0.8, 0.1))
    path = QPainterPath()
    path.addRect(_rect(r, 0.1, 0.55, 0.8, 0.2))
    arch = QPainterPath()
    arch.addEllipse(_rect(r, 0.3, 0.6, 0.4, 0.4))
    p.drawPath(path.subtracted(arch))


def wave(p: QPainter, r: QRectF, c: QColor) -> None:
    p.setPen(_round_pen(c, r.width() * 0.06))
    for row in (0.38, 0.54, 0.7):
        path = QPainterPath(_rect(r, 0.12, row, 0, 0).topLeft())
        for k in range(4):
            x0 = 0.12 + k * 0.19
            path.quadTo(
                _rect(r, x0 + 0.095, row - 0.08, 0, 0).topLeft(),
                _rect(r, x0 + 0.19, row, 0, 0).topLeft(),
            )
        p.drawPath(path)


def badge(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c.darker(120))
    _poly(p, [(0.36, 0.55), (0.46, 0.55), (0.42, 0.92), (0.3, 0.85)], r)
    _poly(p, [(0.54, 0.55), (0.64, 0.55), (0.7, 0.85), (0.58, 0.92)], r)
    _fill(p, c)
    p.drawEllipse(_rect(r, 0.24, 0.12, 0.52, 0.52))
    star(p, _rect(r, 0.3, 0.18, 0.4, 0.4), WHITE)


def shapes(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawEllipse(_rect(r, 0.15, 0.2, 0.36, 0.36))
    _fill(p, WHITE)
    p.drawRoundedRect(_rect(r, 0.45, 0.42, 0.36, 0.36), 8, 8)
    _fill(p, c.darker(130))
    _poly(p, [(0.2, 0.85), (0.38, 0.55), (0.56, 0.85)], r)


REWARDS: list[tuple[str, str, str, Motif]] = [
    ("coffee", "C", "#f2e8cf", cup),
    ("tote", "T", "#a7c957", tote),
    ("pins", "P", "#ffd6a5", pins),
    ("bottle", "B", "#bde0fe", bottle),
    ("cinema", "C", "#ffafcc", ticket),
    ("plant", "S", "#e9edc9", plant),
    ("socks", "S", "#cdb4db", sock),
    ("chocolate", "C", "#faedcd", chocolate),
    ("tea", "R", "#d8e2dc", tin),
    ("umbrella", "U", "#a2d2ff", umbrella),
    ("bikelight", "B", "#2b2d42", sun),
    ("scarf", "K", "#dde5b6", scarf),
    ("mug", "M", "#ffe5d9", mug),
]
MOTIF_COLORS = {
    cup: "#6f4e37",
    tote: "#386641",
    pins: "#2a9d8f",
    bottle: "#0077b6",
    ticket: "#9d0208",
    plant: "#6a994e",
    sock: "#7b2cbf",
    chocolate: "#7f4f24",
    tin: "#bc4749",
    umbrella: "#e63946",
    sun: "#ffb703",
    scarf: "#588157",
    mug: "#e76f51",
}
CARDS: list[tuple[str, str, Motif, str]] = [
    ("leaf", "#fefae0", leaf, "#bc6c25"),
    ("acorn", "#f4f1de", acorn, "#a98467"),
    ("chestnut", "#ede0d4", acorn, "#7f5539"),
    ("mushroom", "#e9f5db", mushroom, "#d62828"),
    ("pumpkin", "#fff3b0", pumpkin, "#f77f00"),
    ("rain", "#e0fbfc", rain, "#98c1d9"),
    ("moon", "#22223b", moon, "#f2e9e4"),
    ("star", "#3d405b", star, "#f2cc8f"),
    ("tower", "#f8edeb", tower, "#6d597a"),
    ("bridge", "#edf6f9", bridge, "#006d77"),
    ("wave", "#caf0f8", wave, "#0096c7"),
    ("sun", "#fff1e6", sun, "#fb8500"),
]
CHALLENGES: list[tuple[str, str, str, Motif, str]] = [
    ("autumn", "Autumn Leaves", "#dda15e", leaf, "#fefae0"),
    ("coffee", "Coffee Lovers", "#7f5539", cup, "#ede0d4"),
    ("summer", "Summer Sprint", "#219ebc", sun, "#ffb703"),
    ("forever", "Forever Friends", "#b5838d", star, "#ffcdb2"),
    ("city", "City Explorer", "#457b9d", tower, "#f1faee"),
    ("mystery", "Mystery Box", "#3c096c", moon, "#e0aaff"),
]
BADGES = [("autumn", "#bc6c25"), ("city", "#457b9d"), ("mystery", "#7b2cbf")]
NUDJ = [
    ("#ffadad", cup),
    ("#ffd6a5", ticket),
    ("#fdffb6", tote),
    ("#caffbf", star),
    ("#9bf6ff", plant),
    ("#a0c4ff", sun),
    ("#bdb2ff", shapes),
    ("#ffc6ff", badge),
    ("#d0f4de", wave),
    ("#fcf6bd", pins),
]


def canvas(width: int, height: int, background: str) -> tuple[QImage, QPainter]:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _fill(painter, QColor(background))
    painter.drawRoundedRect(QRectF(0, 0, width, height), 18, 18)
    return image, painter


def letter(p: QPainter, text: str, x: float, y: float, size: float, color: QColor) -> None:
    _fill(p, color)
    p.drawEllipse(QRectF(x, y, size, size))
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(int(size * 0.55))
    p.setFont(font)
    p.setPen(WHITE if color.lightness() < 150 else INK)
    p.drawText(QRectF(x, y, size, size), Qt.AlignmentFlag.AlignCenter, text)


def save(image: QImage, painter: QPainter, relative: str) -> None:
    painter.end()
    path = HERE / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG", 9):
        raise OSError(f"could not write {path}")


def main() -> int:
    _app = QGuiApplication(sys.argv)
    for name, initial, background, motif in REWARDS:
        image, p = canvas(240, 240, background)
        motif(p, QRectF(20, 20, 200, 200), QColor(MOTIF_COLORS[motif]))
        letter(p, initial, 176, 176, 48, QColor(MOTIF_COLORS[motif]))
        save(image, p, f"rewards/{name}.png")
    for name, background, motif, color in CARDS:
        image, p = canvas(180, 252, background)
        motif(p, QRectF(15, 40, 150, 150), QColor(color))
        letter(p, name[0].upper(), 66, 198, 48, QColor(color))
        save(image, p, f"giftoin/card-{name}.png")
    for name, title, background, motif, color in CHALLENGES:
        image, p = canvas(360, 200, background)
        motif(p, QRectF(20, 30, 140, 140), QColor(color))
        font = QFont("DejaVu Sans")
        font.setBold(True)
        font.setPixelSize(26)
        p.setFont(font)
        p.setPen(QColor(color))
        p.drawText(
            QRectF(165, 40, 185, 120),
            Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            title,
        )
        save(image, p, f"giftoin/challenge-{name}.png")
    for name, color in BADGES:
        image, p = canvas(160, 160, "#fdfcf7")
        badge(p, QRectF(10, 10, 140, 140), QColor(color))
        save(image, p, f"giftoin/badge-{name}.png")
    for index, (background, motif) in enumerate(NUDJ, start=1):
        image, p = canvas(240, 240, background)
        motif(p, QRectF(30, 20, 180, 180), QColor(INK))
        letter(p, str(index), 176, 176, 48, QColor(INK))
        save(image, p, f"nudj/reward-{index}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
