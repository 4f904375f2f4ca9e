"""Texts of the services that the app shows translated: English now, their making kept.

The checks of this counter (:mod:`pos_app.services.doctor`) build their rows in English,
for ``pos-app doctor`` in a terminal, and the app shows the same rows in the shop's
language. A :class:`Phrase` is both: it *is* the English text (a ``str``, so comparing,
printing and joining it work as before), and it keeps the template and the values it was
made from, so the app can look the template up in its catalogue and fill in the values
(:func:`pos_app.ui.i18n.translated`). The services stay free of Qt.

The template is a literal at each ``phrase("…", name=value)`` call: ``pyside6-lupdate``
collects it from there (``make update-translations`` reads ``phrase`` as ``tr``). A value
is a phrase itself (translated in turn) or anything else, shown as it is: an address, a
name, a number.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["Phrase", "phrase"]


class Phrase(str):
    """An English text (the ``str`` itself) with the ``template`` and ``values`` it was
    formatted from."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, values: Mapping[str, object]) -> Phrase:
        text = super().__new__(cls, template.format_map(values))
        text.template = template
        text.values = MappingProxyType(dict(values))
        return text

    def __reduce__(self) -> tuple[type[Phrase], tuple[str, dict[str, object]]]:
        # A copy (or a pickle) is made again from the template, not from the English text.
        return Phrase, (self.template, dict(self.values))


def phrase(template: str, **values: object) -> Phrase:
    """``template`` (a literal, for the catalogue) formatted with ``values``."""
    return Phrase(template, values)
