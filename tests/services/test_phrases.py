"""A phrase: a text of a check row in English that the app can still translate."""

from __future__ import annotations

from pos_app.services.checks import settings_page
from pos_app.services.phrases import Phrase, phrase


def test_a_phrase_is_its_english_text_and_keeps_how_it_was_made() -> None:
    why = phrase("no answer")
    text = phrase("not checked: {why} ({url})", why=why, url="https://piggy.test")
    assert text == "not checked: no answer (https://piggy.test)"
    assert isinstance(text, str)
    assert text.template == "not checked: {why} ({url})"
    assert text.values == {"why": why, "url": "https://piggy.test"}
    assert isinstance(text.values["why"], Phrase)
    assert text.values["why"].template == "no answer"
    # Used as the English text it is: in a dict, a table, a join.
    by_text: dict[str, int] = {text: 1}
    assert by_text["not checked: no answer (https://piggy.test)"] == 1
    assert f"{text:<50}|".startswith("not checked: no answer (https://piggy.test) ")


def test_a_settings_page_is_named_in_words_the_app_can_translate() -> None:
    page = settings_page("Piggy")
    assert page == "Settings → Connect to Piggy"
    assert isinstance(page, Phrase)
    assert page.template == "Settings → {page}"
    assert page.values["page"] == phrase("Connect to Piggy")


def test_a_missing_secret_is_named_by_its_label() -> None:
    # The doctor spells each label out for the catalogue: it says what `pos-app secrets` says.
    from pos_app.services.doctor import _NO_SECRET
    from pos_app.services.secrets import SecretName

    assert {name: str(text) for name, text in _NO_SECRET.items()} == {
        name: f"no {name.label}" for name in SecretName
    }
