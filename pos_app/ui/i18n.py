"""The app in the shop's language: Qt's translation catalogues, loaded at start.

Texts are translated with Qt's own pipeline (Qt Linguist): ``pyside6-lupdate`` collects the
source texts into ``translations/pos_app_<lang>.ts``, translators fill those in, and
``pyside6-lrelease`` builds the ``.qm`` catalogues the app loads (``make translations``;
the bundle carries them). Three kinds of call are collected:

* ``self.tr("…")`` in a QObject subclass: the class's name is the context;
* ``QCoreApplication.translate("Context", "…")``;
* ``_tr("…")`` in a module (``from pos_app.ui.i18n import translate as _tr``): lupdate
  reads ``_tr`` as ``tr`` (``-tr-function-alias tr+=_tr``) and files those texts under
  the empty context, which is the one :func:`translate` asks for.

A count goes in as ``n`` (``_tr("%n shop(s)", None, n)``), so that each language picks
its own plural forms; English has no catalogue, see :mod:`pos_app.ui.plurals`.

A fourth kind comes from the services: ``phrase("…", name=value)``
(:mod:`pos_app.services.phrases`, the rows of the counter's checks) is English text that
keeps its template; lupdate reads ``phrase`` as ``tr`` too, in the services named in
``LUPDATE_SERVICES`` (Makefile), and :func:`translated` shows it in the app's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
)

from pos_app.resources import resources_dir
from pos_app.services.phrases import Phrase

log = logging.getLogger(__name__)

#: The languages the app speaks, by tag, each named in itself (for a person choosing).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("nl", "Nederlands"),
    ("de", "Deutsch"),
)
#: The language the source texts are written in: it needs no catalogue.
SOURCE_LANGUAGE = "en"


def translate(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """A module's text in the app's language (the empty context; see the module's text)."""
    return QCoreApplication.translate("", text, disambiguation, n)


def translated(text: str) -> str:
    """A service's text in the app's language: a :class:`Phrase` by its template, its
    phrases among the values translated in turn (other values as they are); a plain text
    as a whole (as it is, where the catalogue does not know it: a name, an address)."""
    if isinstance(text, Phrase):
        values = {
            name: translated(value) if isinstance(value, Phrase) else value
            for name, value in text.values.items()
        }
        return translate(text.template).format_map(values)
    return translate(text)


class _Retranslator(QObject):
    """Runs a widget's text setters again when the language changes (Qt tells each widget)."""

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.setObjectName("retranslator")
        self.apply: list[Callable[[], None]] = []
        owner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            for apply in self.apply:
                apply()
        return False


def retranslated(owner: QObject, apply: Callable[[], None]) -> None:
    """Run ``apply`` (which sets ``owner``'s fixed texts) now, and again in every language
    the app switches to while ``owner`` lives: Qt's retranslateUi, one setter at a time.

    ``retranslated(button, lambda: button.setText(_tr("Hand over")))``.
    """
    apply()
    found = owner.findChild(
        _Retranslator, "retranslator", Qt.FindChildOption.FindDirectChildrenOnly
    )
    retranslator = found if isinstance(found, _Retranslator) else _Retranslator(owner)
    retranslator.apply.append(apply)


def _locale_name(tag: str) -> str:
    """The locale for dates and numbers: as the setting says, with bare English British.

    The shops are European: a bare "en" would give American dates ("Nov 3") and a
    12-hour clock; "en-US" still gives them where a shop wants that.
    """
    name = tag.replace("_", "-")
    return "en-GB" if name.lower() == "en" else name


def translations_dir() -> Path:
    return resources_dir() / "translations"


def language_of(tag: str) -> str:
    """The app language for a setting such as ``nl-NL`` or ``de_AT``: ``nl``, ``de``…"""
    base = tag.replace("_", "-").split("-")[0].lower()
    known = {code for code, _name in LANGUAGES}
    return base if base in known else SOURCE_LANGUAGE


class Translations:
    """The catalogues installed in the application, replaced as a whole on a change."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE
        #: The catalogues of :attr:`language` that could not be loaded (for the self-test).
        self.missing: list[str] = []

    def use(self, tag: str) -> str:
        """Install the catalogues of ``tag``'s language (the app's and Qt's own).

        Returns the language now in use. A missing catalogue is logged and leaves the
        texts English: never a reason not to start.
        """
        language = language_of(tag)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.missing = []
        QLocale.setDefault(QLocale(_locale_name(tag)))
        self.language = language
        if language == SOURCE_LANGUAGE:
            return language
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{language}", qt_dir), (f"pos_app_{language}", None)):
            self._load(name, [folder] if folder else [str(translations_dir())])
        return language

    def _load(self, name: str, folders: Iterable[str]) -> None:
        for folder in folders:
            translator = QTranslator(self._app)
            if translator.load(name, folder):
                self._app.installTranslator(translator)
                self._installed.append(translator)
                return
        self.missing.append(name)
        log.warning("No translation catalogue %s; those texts stay English", name)


_translations: Translations | None = None


def current_language() -> str:
    """The language the app's texts are in now."""
    if _translations is None:
        return SOURCE_LANGUAGE
    return _translations.language


def missing_catalogues() -> list[str]:
    """The catalogues of the current language that could not be loaded."""
    return [] if _translations is None else list(_translations.missing)


def use_language(tag: str) -> str:
    """The application's texts in ``tag``'s language from now on (widgets made after it)."""
    global _translations
    app = QCoreApplication.instance()
    if app is None:
        return SOURCE_LANGUAGE
    if _translations is None or _translations._app is not app:
        _translations = Translations(app)
    return _translations.use(tag)
