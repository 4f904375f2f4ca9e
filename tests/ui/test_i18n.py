"""The language setting: which catalogue and which dates and numbers it brings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from pos_app.ui.i18n import current_language, language_of, use_language


@pytest.mark.parametrize(
    ("setting", "language", "locale"),
    [
        ("en", "en", "en_GB"),  # a European shop: "3 Nov 2026", a 24-hour clock
        ("en-US", "en", "en_US"),
        ("nl", "nl", "nl_NL"),
        ("nl_BE", "nl", "nl_BE"),
        ("de", "de", "de_DE"),
        ("de-AT", "de", "de_AT"),
        ("fr", "en", "fr_FR"),  # no French texts: English ones, French dates
    ],
)
def test_a_language_setting_picks_texts_and_formats(
    qapp: object, setting: str, language: str, locale: str
) -> None:
    assert use_language(setting) == language
    assert current_language() == language
    assert QLocale().name() == locale


def test_language_of_a_tag() -> None:
    assert language_of("NL-nl") == "nl"
    assert language_of("") == "en"
