"""Every text has a finished Dutch and German translation, and the built catalogues are current.

pyside6-lupdate runs over the code here (into copies of the .ts files), so a text added to
the code without a translation fails this test, as does a .ts changed without rebuilding
its .qm (`make translations`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("nl", "de")
BIN = Path(sys.executable).parent
#: The same options as `make update-translations`.
LUPDATE_ARGS = ["-tr-function-alias", "tr+=_tr,tr+=phrase", "-locations", "none", "-no-obsolete"]
#: The services whose texts the app shows: the checks' rows (`LUPDATE_SERVICES`).
SERVICES = ("checks.py", "doctor.py", "live_check.py")


def _sources() -> list[str]:
    ui = sorted(str(path) for path in (ROOT / "pos_app" / "ui").rglob("*.py"))
    return [*ui, *(str(ROOT / "pos_app" / "services" / name) for name in SERVICES)]


def _state(message: ET.Element) -> str:
    translation = message.find("translation")
    if translation is None:
        return "missing"
    return translation.get("type") or "finished"


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[^{}]*\}", text))


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ET.Element]:
    """Each language's .ts after lupdate ran over today's code (the repo's files unchanged)."""
    folder = tmp_path_factory.mktemp("ts")
    trees = {}
    for language in LANGUAGES:
        copy = folder / f"pos_app_{language}.ts"
        shutil.copy(ROOT / "translations" / copy.name, copy)
        subprocess.run(
            [str(BIN / "pyside6-lupdate"), *LUPDATE_ARGS, *_sources(), "-ts", str(copy)],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        trees[language] = ET.parse(copy).getroot()
    return trees


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_has_a_finished_translation(
    collected: dict[str, ET.Element], language: str
) -> None:
    messages = collected[language].findall(".//message")
    assert len(messages) > 600  # lupdate found the app's texts at all
    unfinished = [
        message.findtext("source")
        for message in messages
        if _state(message) in ("unfinished", "vanished", "obsolete", "missing")
    ]
    assert unfinished == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(
    collected: dict[str, ET.Element], language: str
) -> None:
    wrong = []
    for message in collected[language].findall(".//message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for form in forms:
            if _placeholders(form) != _placeholders(source) or (
                message.get("numerus") == "yes" and "%n" not in form
            ):
                wrong.append((source, form))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_catalogue_is_current(language: str, tmp_path: Path) -> None:
    built = ROOT / "resources" / "translations" / f"pos_app_{language}.qm"
    assert built.is_file(), "run `make translations`"
    fresh = tmp_path / built.name
    subprocess.run(
        [
            str(BIN / "pyside6-lrelease"),
            "-silent",
            str(ROOT / "translations" / f"pos_app_{language}.ts"),
            "-qm",
            str(fresh),
        ],
        check=True,
        timeout=60,
    )
    assert built.read_bytes() == fresh.read_bytes(), "stale: run `make translations`"
