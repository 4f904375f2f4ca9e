"""The status bar's count of what waits to be checked: every kind of pickup operation."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from pos_app.ui.counter.words import unresolved_text
from pos_app.ui.i18n import use_language


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        (
            "en",
            "1 pickup operation waiting to be checked",
            "3 pickup operations waiting to be checked",
        ),
        ("nl", "1 afhaalhandeling wacht op controle", "3 afhaalhandelingen wachten op controle"),
        (
            "de",
            "1 Abholvorgang wartet auf Prüfung",
            "3 Abholvorgänge warten auf Prüfung",
        ),
    ],
)
def test_unresolved_operations_are_counted_in_words_that_fit_claims_and_refunds(
    qtbot: QtBot, language: str, one: str, three: str
) -> None:
    use_language(language)
    assert unresolved_text(1) == one
    assert unresolved_text(3) == three
