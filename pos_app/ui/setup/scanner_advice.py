"""The scanner check's findings in shop words: what is wrong, and what to scan to fix it.

Scanners are set up by scanning programming barcodes from their manual; every brand
names them a little differently, so each text gives the usual names.
"""

from __future__ import annotations

from pos_app.services.scanner_check import Ending, Finding, Layout, Problem, ScannerReport
from pos_app.ui.i18n import translate as _tr

# How many "1 arrives as &" examples a text gives.
EXAMPLES = 4


def layout_name(layout: Layout) -> str:
    if layout is Layout.FRENCH:
        return _tr("French (AZERTY)")
    if layout is Layout.BELGIAN:
        return _tr("Belgian (AZERTY)")
    return _tr("German (QWERTZ)")


def layout_country(layout: Layout) -> str:
    """The country a scanner manual's "keyboard country" barcodes are named after."""
    if layout is Layout.FRENCH:
        return _tr("France")
    if layout is Layout.BELGIAN:
        return _tr("Belgium")
    return _tr("Germany")


def visible(text: str) -> str:
    """``text`` with spaces shown, so that a prefix of one space can be seen."""
    return text.replace(" ", "␣")


def examples(finding: Finding) -> str:
    """ "1 → &, 2 → é, 3 → \", a → q": the first few differences, digits first (the
    surest sign of a layout), in arrows that need no words."""
    pairs = sorted(finding.pairs, key=lambda pair: (not pair[0].isdigit(), not pair[0].isalpha()))
    # No-break spaces: a line never ends between a character and its arrow.
    return ", ".join(f"{wanted}\u00a0→\u00a0{visible(got)}" for wanted, got in pairs[:EXAMPLES])


def advice(finding: Finding) -> str:
    """What is wrong and what to do about it, for one finding."""
    problem = finding.problem
    if problem is Problem.PC_LAYOUT:
        assert finding.layout is not None
        return _tr(
            "This PC uses the {layout} keyboard layout and the scanner types for a US "
            "keyboard, so characters arrive changed ({examples}). Set the scanner to this "
            "PC's layout: scan the 'Keyboard country: {country}' programming barcode in the "
            "scanner's manual. Or "
            "leave the scanner at 'US keyboard' and set Windows to the keyboard 'English "
            "(United States)' (Settings, Time & language, Language & region)."
        ).format(
            layout=layout_name(finding.layout),
            examples=examples(finding),
            country=layout_country(finding.layout),
        )
    if problem is Problem.SCANNER_LAYOUT:
        assert finding.layout is not None
        return _tr(
            "The scanner is set to a {layout} keyboard, but this PC uses a US layout, so "
            "characters arrive changed ({examples}). Scan the 'Keyboard country: USA' "
            "programming barcode in the scanner's manual."
        ).format(layout=layout_name(finding.layout), examples=examples(finding))
    if problem is Problem.CAPS_LOCK:
        return _tr(
            "Letters arrive in the wrong case: Caps Lock is on. Turn Caps Lock off on this "
            "PC's keyboard. If that happens often, scan the 'Caps Lock override' (or 'Ignore "
            "Caps Lock') programming barcode in the scanner's manual."
        )
    if problem is Problem.WRONG_CHARACTERS:
        return _tr(
            "Some characters arrive as others ({examples}). The scanner and this PC use "
            "different keyboard layouts. Set the scanner to this PC's keyboard layout: its "
            "manual has a 'Keyboard country' programming barcode for each country."
        ).format(examples=examples(finding))
    if problem is Problem.CHARACTERS_LOST:
        return _tr(
            "Characters went missing: the scanner types faster than this PC takes the keys. "
            "Scan the 'Inter-character delay' (or 'Keystroke delay') programming barcode in "
            "the scanner's manual and choose a short delay, such as 5 ms."
        )
    if problem is Problem.PREFIX and finding.aim:
        return _tr(
            "The scanner sends {prefix} before the code: the code type (AIM ID). Scan the "
            "'AIM ID off' (or 'Transmit Code ID: off') programming barcode in the scanner's "
            "manual."
        ).format(prefix=visible(finding.text))
    if problem is Problem.PREFIX:
        return _tr(
            "The scanner adds {prefix} before the code. Remove the prefix: scan the 'Clear "
            "all prefixes' programming barcode in the scanner's manual."
        ).format(prefix=visible(finding.text))
    if problem is Problem.SUFFIX:
        return _tr(
            "The scanner adds {suffix} after the code. Scan the 'Clear all suffixes' "
            "programming barcode in the scanner's manual, then the 'Enter suffix' (CR) one, "
            "so that it still ends with Enter."
        ).format(suffix=visible(finding.text))
    if problem is Problem.NO_ENTER:
        return _tr(
            "The scanner does not press Enter after the code, so the counter would wait for "
            "it. Scan the 'Enter suffix' (CR) programming barcode in your scanner's manual "
            "(also called 'Add CR suffix' or 'Terminator: CR')."
        )
    if problem is Problem.TAB_INSTEAD_OF_ENTER:
        return _tr(
            "The scanner presses Tab after the code instead of Enter. Scan the 'Enter "
            "suffix' (CR) programming barcode in your scanner's manual instead of the 'Tab "
            "suffix' one."
        )
    if problem is Problem.SLOW:
        return _tr(
            "The characters came {ms} ms apart: as slowly as a person types (a scanner "
            "types one every few ms). Scan the code with the scanner rather than typing it. "
            "If this was the scanner, set its 'Inter-character delay' to 0 ms with the "
            "programming barcode in its manual."
        ).format(ms=round(finding.gap_ms or 0))
    return _tr(
        "That was not this page's test code. Scan the barcode or the QR code above. A "
        "scanner that reads neither from the screen is a laser scanner: it reads printed "
        "cards but no codes on screens, so also none on customers' phones."
    )


def verdict(report: ScannerReport) -> str:
    if report.ok:
        return _tr(
            "The scanner is ready for this counter: it types the code exactly, fast, and "
            "ends with Enter."
        )
    return _tr("Change this on the scanner, then scan the code again:")


def ending_text(ending: Ending) -> str:
    if ending is Ending.ENTER:
        return _tr("Enter")
    if ending is Ending.TAB:
        return _tr("Tab (not Enter)")
    return _tr("nothing (no Enter)")


def speed_text(report: ScannerReport) -> str:
    if report.gap_ms is None:
        return _tr("one key only")
    ms = round(report.gap_ms)
    if report.scanner_speed:
        return _tr("{ms} ms between characters: a scanner").format(ms=ms)
    return _tr("{ms} ms between characters: as slow as typing by hand").format(ms=ms)
