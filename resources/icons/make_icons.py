"""Render the app icon (pos-app.svg) as the PNG sizes and the .ico that installers need.

A one-off tool, not part of pos_app. Run it from the repo root after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/make_icons.py

It writes ``hicolor/<n>x<n>/apps/pos-app.png`` (laid out like the freedesktop icon theme,
so the Linux install copies the folder as it is) and ``pos-app.ico`` (Windows: the .exe,
the installer and the Start menu; PNG-compressed images, as Windows Vista and later read).
The files are committed; tests/test_packaging.py checks that they match the SVG.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE / "pos-app.svg"
ICO = HERE / "pos-app.ico"
#: The freedesktop hicolor sizes desktops ask for, and what Windows puts in an .ico.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return HERE / "hicolor" / f"{size}x{size}" / "apps" / "pos-app.png"


def render(size: int, svg: Path = SVG) -> QImage:
    """The icon drawn at ``size`` × ``size`` pixels on a transparent background."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico file holding one PNG per size (ICONDIR, ICONDIRENTRY table, then the data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries = b""
    blobs = b""
    offset = len(header) + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv)
    for size in PNG_SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png_bytes(render(size)))
        print(f"wrote {path.relative_to(HERE)}")
    ICO.write_bytes(ico_bytes({size: png_bytes(render(size)) for size in ICO_SIZES}))
    print(f"wrote {ICO.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
