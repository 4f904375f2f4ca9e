"""The theme: the style sheet is found, filled in and applied; its colours are readable."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.ui.app import configure_application
from pos_app.ui.counter.customer_widgets import MessageBar, MessageKind
from pos_app.ui.theme import (
    ColorPair,
    ColorScheme,
    contrast_ratio,
    faded_ink,
    style_sheet,
    style_sheet_path,
)


def test_the_style_sheet_is_a_resource_with_every_colour_filled_in() -> None:
    # resources/ is what the bundle carries (packaging/bundle_filter.py).
    assert style_sheet_path().parts[-3:] == ("resources", "styles", "app.qss")
    sheet = style_sheet()
    assert "QLabel#messageBar" in sheet
    assert "$" not in sheet
    assert ColorScheme.ERROR_TEXT.name() in sheet


def test_the_application_has_the_theme(qapp: QApplication) -> None:
    qapp.setStyleSheet("")
    # What the app runs at start (and the test suite for its Qt loops).
    configure_application(qapp)
    assert qapp.styleSheet() == style_sheet()


def test_contrast_ratio_is_wcags() -> None:
    assert round(contrast_ratio(QColor("#ffffff"), QColor("#000000")), 1) == 21.0
    assert contrast_ratio(QColor("#777777"), QColor("#777777")) == 1.0


def test_every_colour_pair_is_readable(qapp: QApplication) -> None:
    pairs: list[tuple[str, ColorPair]] = [
        (name, value)
        for name, value in vars(ColorScheme).items()
        if isinstance(value, tuple) and len(value) == 2
    ]
    pairs += [
        ("info", (ColorScheme.INFO_BACKGROUND, ColorScheme.INFO_TEXT)),
        ("success", (ColorScheme.SUCCESS_BACKGROUND, ColorScheme.SUCCESS_TEXT)),
        ("error", (ColorScheme.ERROR_BACKGROUND, ColorScheme.ERROR_TEXT)),
        ("demo banner", (ColorScheme.DEMO_BANNER, ColorScheme.DEMO_BANNER_TEXT)),
        ("button", (ColorScheme.CONTROL_FACE, ColorScheme.CONTROL_TEXT)),
        ("button hovered", (ColorScheme.CONTROL_HOVER, ColorScheme.CONTROL_TEXT)),
        ("button pressed", (ColorScheme.CONTROL_PRESSED, ColorScheme.CONTROL_TEXT)),
        ("button off", (ColorScheme.CONTROL_DISABLED_FACE, ColorScheme.CONTROL_DISABLED_TEXT)),
        ("field", (ColorScheme.PAPER, ColorScheme.CONTROL_TEXT)),
        # The window's own grey (Qt's light palette) under a flat button.
        ("leave kiosk", (QApplication.palette().window().color(), ColorScheme.QUIET_BUTTON_TEXT)),
        ("inactive row", (ColorScheme.PAPER, ColorScheme.INACTIVE_TEXT)),
    ]
    assert len(pairs) > 10
    for name, (background, text) in pairs:
        assert contrast_ratio(background, text) >= 4.5, name


def test_a_message_takes_the_colours_of_its_kind(qapp: QApplication, qtbot: QtBot) -> None:
    configure_application(qapp)
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.resize(300, 40)
    bar.show_message("Not found", MessageKind.ERROR)
    assert bar.grab().toImage().pixelColor(4, 20) == ColorScheme.ERROR_BACKGROUND
    # Changing the kind restyles the same widget.
    bar.show_message("Handed over", MessageKind.SUCCESS)
    assert bar.grab().toImage().pixelColor(4, 20) == ColorScheme.SUCCESS_BACKGROUND


def test_a_faded_ink_never_drops_below_aa() -> None:
    white, black = QColor("#ffffff"), QColor("#000000")
    assert faded_ink(black, white, 1.0) == black
    faint = faded_ink(black, white, 0.3)
    assert 4.5 <= contrast_ratio(faint, white) < 4.8
    # Fading that is readable anyway is kept.
    assert faded_ink(black, white, 0.8) == QColor.fromRgbF(0.2, 0.2, 0.2)
