"""Finding English on a screen that should be Dutch or German.

A visible text is English when it reads like one of the app's English source texts (from
the .ts catalogue, placeholders matching anything) whose translation differs from it, or
like one of Qt's own English button texts. Proper names (Piggy, PIN, …) are the same in
every language and so never match.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

ROOT = Path(__file__).resolve().parents[2]

#: Qt's own texts that its qtbase catalogue translates (dialog buttons, the wizard's).
#: ("OK" is Dutch and German too.)
QT_ENGLISH = ("Cancel", "Close", "&Yes", "&No", "< &Back", "&Next >", "&Finish", "Save")


def _pattern(source: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^{}]*\}|%n)", source)
    regex = "".join(
        ".+?" if part.startswith("{") else r"\d+" if part == "%n" else re.escape(part)
        for part in parts
    )
    return re.compile(regex.replace("&", "&?"), re.DOTALL)


@cache
def english_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    root = ET.parse(ROOT / "translations" / f"pos_app_{language}.ts").getroot()
    found = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = (
            []
            if translation is None
            else (
                [form.text or "" for form in translation.findall("numerusform")]
                or [translation.text or ""]
            )
        )
        # A source spelled the same in the language (a proper name) is no sign of English,
        # and one that is mostly placeholders ("{name} · {shop}") matches anything.
        words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\{[^{}]*\}|%n", " ", source))
        if source in forms or not words or (len(words) < 2 and len(words[0]) < 4):
            continue
        found.append(_pattern(source))
    for text in QT_ENGLISH:
        found.append(re.compile(re.escape(text).replace("&", "&?")))
    return tuple(found)


def _translations(language: str) -> dict[tuple[str, str], list[str]]:
    root = ET.parse(ROOT / "translations" / f"pos_app_{language}.ts").getroot()
    found: dict[tuple[str, str], list[str]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [form.text or "" for form in translation.findall("numerusform")]
            found[(name, message.findtext("source") or "")] = forms or [translation.text or ""]
    return found


@cache
def other_language_patterns(shown: str, other: str) -> tuple[re.Pattern[str], ...]:
    """Texts of ``other``'s catalogue that read differently in ``shown``'s."""
    shown_forms = _translations(shown)
    found = []
    for key, forms in _translations(other).items():
        for form in forms:
            words = re.findall(r"[^\W\d_]{2,}", re.sub(r"\{[^{}]*\}|%n", " ", form))
            if form in shown_forms.get(key, []) or len(words) < 2:
                continue
            found.append(_pattern(form))
    return tuple(found)


def other_language_in(texts: Iterable[str], shown: str, other: str) -> list[str]:
    """The texts (or lines of them) in ``other``'s language on a screen in ``shown``'s."""
    patterns = other_language_patterns(shown, other)
    return [
        line
        for text in texts
        for line in {text.strip(), *(part.strip() for part in text.splitlines())}
        if line and any(pattern.fullmatch(line) for pattern in patterns)
    ]


def shown_texts(root: QWidget) -> list[str]:
    """The texts a person sees in ``root`` and the other visible top-level windows."""
    texts: list[str] = []
    windows = [root, *(w for w in QApplication.topLevelWidgets() if w is not root)]
    for window in windows:
        if not window.isVisible():
            continue
        texts.append(window.windowTitle())
        for widget in [window, *window.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QAbstractButton):
                texts.append(widget.text())
            if isinstance(widget, QLineEdit):
                texts.append(widget.placeholderText())
            texts += [widget.toolTip(), widget.accessibleName()]
    return [text for text in texts if text and text.strip()]


def english_in(texts: Iterable[str], language: str) -> list[str]:
    """The texts (or lines of them) that are English."""
    patterns = english_patterns(language)
    leaks = []
    for text in texts:
        for line in [text, *text.splitlines()]:
            line = re.sub(r"<[^>]+>", "", line).strip()  # rich text's tags
            if line and any(pattern.fullmatch(line) for pattern in patterns):
                leaks.append(line)
                break
    return leaks
