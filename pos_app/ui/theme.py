"""The app's look in one place: colours, text sizes and the style sheet that uses them.

Widgets are styled by ``resources/styles/app.qss`` through their objectName and dynamic
properties (``kind="error"`` …), applied to the whole application at start by
:func:`apply_theme`. The sheet names its colours (``$error_text``) instead of repeating
them: they are filled in from :class:`ColorScheme`, which is also what delegates and
other painting code take their colours from (as Electrum's ``ColorScheme``). Text sizes
are relative to the app's font (:class:`TextSize`), so kiosk mode's larger font scales
every heading with it.

Every (background, text) pair meets WCAG AA contrast (4.5:1; tests/ui/test_theme.py).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from string import Template
from typing import Final

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.resources import resources_dir

log = logging.getLogger(__name__)

#: (background, text)
ColorPair = tuple[QColor, QColor]


class ColorScheme:
    """Every colour the app shows, by what it is for.

    Single colours are also the ``$names`` of the style sheet (attribute name in lower case).
    """

    # Messages: the line under the scan field, the recent pickups' message, dialog lines.
    INFO_TEXT: Final = QColor("#1d3f8f")
    INFO_BACKGROUND: Final = QColor("#e8eef9")
    SUCCESS_TEXT: Final = QColor("#17602f")
    SUCCESS_BACKGROUND: Final = QColor("#e3f4e8")
    ERROR_TEXT: Final = QColor("#8f1d17")
    ERROR_BACKGROUND: Final = QColor("#fde8e7")
    #: A pickup that was reversed (recent pickups).
    REVERSED_TEXT: Final = QColor("#5f4b00")
    #: Rows that are there but not in use (a deactivated staff profile).
    INACTIVE_TEXT: Final = QColor("#757575")
    #: Buttons that should not draw the eye (leaving kiosk mode): quiet, yet readable on
    #: the window's grey (6:1).
    QUIET_BUTTON_TEXT: Final = QColor("#555555")
    #: The keyboard focus: a ring around buttons, fields and list rows (3:1 against the
    #: window and the fields, WCAG's contrast for the parts of a control).
    FOCUS_RING: Final = QColor("#1565c0")
    # Buttons and fields (drawn by the style sheet so that the focus ring fits them).
    CONTROL_FACE: Final = QColor("#fafafa")
    CONTROL_HOVER: Final = QColor("#e8eef9")
    CONTROL_PRESSED: Final = QColor("#d6e0f2")
    CONTROL_BORDER: Final = QColor("#8a8a8a")
    CONTROL_TEXT: Final = QColor("#1a1a1a")
    CONTROL_DISABLED_FACE: Final = QColor("#e4e4e4")
    #: Off, but still readable (what it would do, once it is on).
    CONTROL_DISABLED_TEXT: Final = QColor("#5c5c5c")

    DEMO_BANNER: Final = QColor("#ffcc33")
    DEMO_BANNER_TEXT: Final = QColor("#222222")

    #: A reward picture that has not arrived (or has none).
    PICTURE_PLACEHOLDER: Final = QColor("#eceff1")
    PICTURE_PLACEHOLDER_INK: Final = QColor("#b0bec5")
    #: The pickup slip's preview shows the paper.
    PAPER: Final = QColor("#ffffff")

    # Kiosk mode: the "Still there?" overlay, the scanner drawing on the scan screen.
    KIOSK_OVERLAY: Final = QColor(20, 28, 40, 200)
    KIOSK_OVERLAY_TEXT: Final = QColor("#ffffff")
    #: The panel the countdown's words sit on, over the dimmed screen.
    KIOSK_OVERLAY_PANEL: Final = QColor("#1d2a3a")
    SCANNER_BARS: Final = QColor("#1d3f8f")
    SCANNER_LINE: Final = QColor("#d23b2f")

    # The camera view: its picture's background, the dimmed part around the viewfinder,
    # and the viewfinder's corners (white while looking, green once a code is read).
    CAMERA_BACKGROUND: Final = QColor("#1d2a3a")
    CAMERA_DIM: Final = QColor(0, 0, 0, 110)
    VIEWFINDER: Final = QColor("#ffffff")
    VIEWFINDER_READ: Final = QColor("#2ecc71")

    # Expiry badges in the rewards list, by urgency.
    BADGE_EXPIRED: Final = (QColor("#c62828"), QColor("#ffffff"))
    BADGE_TODAY: Final = (QColor("#f57c00"), QColor("#1a1a1a"))
    BADGE_SOON: Final = (QColor("#ffca28"), QColor("#3e2c00"))
    BADGE_LATER: Final = (QColor("#e3f2fd"), QColor("#0d47a1"))
    BADGE_NONE: Final = (QColor("#eceff1"), QColor("#455a64"))
    #: A reward's price in points: one the customer's balance covers, and one it does not.
    BADGE_AFFORDABLE: Final = (QColor("#e3f4e8"), QColor("#17602f"))
    BADGE_UNAFFORDABLE: Final = (QColor("#eceff1"), QColor("#455a64"))

    # Chips of the progress panel (statuses, reward states, featured).
    CHIP_NEUTRAL: Final = (QColor("#eceff1"), QColor("#37474f"))
    CHIP_BLUE: Final = (QColor("#e3f2fd"), QColor("#0d47a1"))
    CHIP_GREEN: Final = (QColor("#e3f4e8"), QColor("#17602f"))
    CHIP_STRONG_GREEN: Final = (QColor("#2e7d32"), QColor("#ffffff"))
    CHIP_AMBER: Final = (QColor("#fff3e0"), QColor("#7a3e00"))
    CHIP_FEATURED: Final = (QColor("#fff8e1"), QColor("#6d4c00"))
    #: "×2" on a collection card owned more than once.
    CARD_QUANTITY: Final = (QColor("#263238"), QColor("#ffffff"))
    # Progress bars.
    BAR_TRACK: Final = QColor("#dfe4e8")
    BAR_FILL: Final = QColor("#1976d2")
    BAR_DONE: Final = QColor("#2e7d32")
    #: Too late to finish: no call to action.
    BAR_OVER: Final = QColor("#90a4ae")
    OWNED_CARD_RING: Final = QColor("#1976d2")
    #: A collectible's name under its picture (owned or still missing: both readable).
    CARD_NAME_TEXT: Final = QColor("#263238")
    #: Giftoin card rarities, by Giftoin's names.
    RARITY: Final = {
        "common": QColor("#546e7a"),
        "uncommon": QColor("#2e7d32"),
        "rare": QColor("#1565c0"),
        "epic": QColor("#6a1b9a"),
        "legendary": QColor("#a04c00"),
    }

    @classmethod
    def style_sheet_names(cls) -> dict[str, str]:
        """``$name`` → colour for the style sheet: every single colour above."""
        return {
            name.lower(): _css_color(value)
            for name, value in vars(cls).items()
            if name.isupper() and isinstance(value, QColor)
        }


class TextSize:
    """Text sizes relative to the font a widget starts with (see :func:`scaled_font`)."""

    #: The customer's name in the header.
    CUSTOMER_NAME: Final = 1.5
    #: The question a confirmation dialog asks ("Hand over these 2 rewards?").
    DIALOG_QUESTION: Final = 1.25
    #: What a PIN dialog asks for.
    PIN_PROMPT: Final = 1.2
    #: The digits typed into a PIN field.
    PIN_DIGITS: Final = 1.8
    #: The keys of the on-screen PIN keypad.
    KEYPAD_KEY: Final = 1.5
    #: The keys of the kiosk's on-screen keyboard (many more of them: smaller).
    KEYBOARD_KEY: Final = 1.2
    #: The question beside the pickup slip preview.
    SLIP_QUESTION: Final = 1.15
    #: What the scan field shows (large: read from a step back).
    SEARCH_FIELD: Final = 1.4
    #: The title of a page (Recent pickups, the kiosk's title bar) and the welcome text.
    PAGE_TITLE: Final = 1.3
    #: The button a page is for (Hand over).
    MAIN_BUTTON: Final = 1.2
    # Kiosk mode's scan screen and its "Still there?" overlay.
    KIOSK_PROMPT: Final = 2.4
    #: What the camera view asks ("Hold the QR code … in front of the camera").
    CAMERA_PROMPT: Final = 1.3
    KIOSK_HINT: Final = 1.3
    KIOSK_OVERLAY_TITLE: Final = 2.2
    KIOSK_OVERLAY_SECONDS: Final = 6.0
    KIOSK_OVERLAY_TEXT: Final = 1.4


class Layout:
    """Sizes of the window's parts that decide what fits on which screen."""

    #: The screen the desktop look is drawn for (logical pixels): a counter laptop.
    DESIGN_SCREEN: Final = QSize(1366, 768)
    #: What a window manager adds around the window (title bar, borders), generously.
    WINDOW_FRAME: Final = QSize(16, 40)
    #: The default window grows with the screen up to this size, then stays centred.
    LARGEST_WINDOW: Final = QSize(1600, 1000)
    #: The rewards list keeps at least this width: a title and its expiry badge.
    REWARDS_LIST_MIN_WIDTH: Final = 420
    #: How much the side panel and the list share the width beyond their minimums.
    REWARDS_LIST_STRETCH: Final = 3
    PROGRESS_PANEL_STRETCH: Final = 2
    #: Text grows on larger screens, at most by this factor (a 1920×1080 screen read from
    #: the same step back as a laptop's).
    LARGEST_FONT_SCALE: Final = 1.3


def default_window_size(available: QSize) -> QSize:
    """The window's first size on a screen with ``available`` room: all of it fits.

    The frame is taken off, so the title bar and the status bar are both on screen.
    """
    frame = Layout.WINDOW_FRAME
    return QSize(
        max(1, min(available.width() - frame.width(), Layout.LARGEST_WINDOW.width())),
        max(1, min(available.height() - frame.height(), Layout.LARGEST_WINDOW.height())),
    )


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """Resize a dialog to ``wanted``, but never beyond the screen's free area."""
    screen = widget.screen()
    if screen is not None:
        wanted = wanted.boundedTo(screen.availableSize())
    widget.resize(wanted)


def screen_font_scale(available: QSize) -> float:
    """How much larger the text is than on :attr:`Layout.DESIGN_SCREEN` (1 on smaller ones).

    Logical pixels already carry the screen's DPI scaling (Qt's high-DPI support), so a
    larger logical screen is one with more room: text grows with it, by a little more than
    half as much, so that the extra room is not all taken by larger letters.
    """
    design = Layout.DESIGN_SCREEN
    ratio = min(available.width() / design.width(), available.height() / design.height())
    return max(1.0, min(Layout.LARGEST_FONT_SCALE, 1.0 + (ratio - 1.0) * 0.6))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 to 21; AA asks 4.5 for text)."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def faded_ink(ink: QColor, background: QColor, opacity: float) -> QColor:
    """``ink`` faded towards ``background`` (``opacity`` 1: unchanged), as an opaque colour,
    but never below AA contrast (4.5:1): rows that step back stay readable."""
    opacity = max(0.0, min(1.0, opacity))

    def mixed(alpha: float) -> QColor:
        return QColor.fromRgbF(
            background.redF() + (ink.redF() - background.redF()) * alpha,
            background.greenF() + (ink.greenF() - background.greenF()) * alpha,
            background.blueF() + (ink.blueF() - background.blueF()) * alpha,
        )

    color = mixed(opacity)
    while opacity < 1.0 and contrast_ratio(color, background) < 4.5:
        opacity = min(1.0, opacity + 0.02)
        color = mixed(opacity)
    return color


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """``base`` made ``factor`` times as large (a :class:`TextSize`), bold if asked."""
    font = QFont(base)
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setBold(True)
    return font


def grown_font(base: QFont, points: float = 0.0, *, bold: bool = False) -> QFont:
    """``base`` larger (or smaller) by ``points``: for text painted by delegates."""
    font = QFont(base)
    if points:
        if base.pointSizeF() > 0:
            font.setPointSizeF(max(6.0, base.pointSizeF() + points))
        else:
            # A style sheet may have set the size in pixels; a point is about 4/3 px.
            font.setPixelSize(max(8, base.pixelSize() + round(points * 4 / 3)))
    if bold:
        font.setBold(True)
    return font


def set_style_property(widget: QWidget, name: str, value: str | None) -> None:
    """Set a property the style sheet selects on (``kind="error"``) and restyle ``widget``.

    Qt matches property selectors when a widget is polished, not when a property changes.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def style_sheet_path() -> Path:
    return resources_dir() / "styles" / "app.qss"


@cache
def style_sheet() -> str:
    """The app's style sheet with its colours filled in ("" if the file is missing)."""
    path = style_sheet_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        # The app stays usable in Qt's plain look; the self-test reports the missing file.
        log.warning("The style sheet %s could not be read: %s", path, exc)
        return ""
    # A name the scheme lacks stays as written (Qt then skips that rule, and a test finds
    # it) rather than keeping the app from starting.
    return Template(text).safe_substitute(ColorScheme.style_sheet_names())


#: The application property that says the kiosk look is on (kiosk.KioskLook): dialogs
#: that would open a file or printer chooser leave it out.
KIOSK_LOOK: Final = "posAppKioskLook"


def kiosk_look_active() -> bool:
    """Whether the application runs in kiosk mode (one window per process, locked)."""
    app = QApplication.instance()
    return app is not None and bool(app.property(KIOSK_LOOK))


#: The application property that keeps the font the platform gave (before screen scaling).
_PLATFORM_FONT = "posAppPlatformFont"


def apply_theme(app: QApplication) -> None:
    """Give the whole application (windows and dialogs) the app's style sheet and a base
    font for the size of its screen (:func:`screen_font_scale`)."""
    sheet = style_sheet()
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    platform_font = app.property(_PLATFORM_FONT)
    if not isinstance(platform_font, QFont):
        platform_font = QFont(QApplication.font())
        app.setProperty(_PLATFORM_FONT, platform_font)
    screen = app.primaryScreen()
    scale = screen_font_scale(screen.availableSize()) if screen is not None else 1.0
    if platform_font.pointSizeF() > 0:
        font = QFont(platform_font)
        font.setPointSizeF(round(platform_font.pointSizeF() * scale, 1))
        if QApplication.font() != font:
            QApplication.setFont(font)


def _css_color(color: QColor) -> str:
    if color.alpha() == 255:
        return color.name()
    return f"rgba({color.red()}, {color.green()}, {color.blue()}, {color.alpha()})"
