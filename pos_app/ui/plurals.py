"""Counted texts ("3 rewards") while the app ships no English translation catalogue."""

from __future__ import annotations


def english_plural(text: str, n: int, word: str, singular: str, plural: str) -> str:
    """Fix up a translated ``%n word(s)`` text for English, which has no catalogue.

    Texts stay literal ``translate(…, n)`` calls (pyside6-lupdate finds only those); this
    only mends what comes back.
    """
    if word in text:
        # WORKAROUND: Qt picks plural forms from a translation catalogue and we ship no
        # English one, so the untranslated source keeps its "(s)". Other languages get
        # their plural forms from their catalogues.
        text = text.replace(word, singular if n == 1 else plural)
    return text
