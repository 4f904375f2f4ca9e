"""The short sounds after a scan: made once, different for found and nobody, never in the way."""

from __future__ import annotations

import io
import wave
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from pytestqt.qtbot import QtBot

from pos_app.sandbox import Simulator
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings
from pos_app.ui.counter.sounds import BAD, GOOD, ScanSounds, tone
from tests.helpers.ui import Counter, running_counter


def _seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as file:
        return float(file.getnframes()) / float(file.getframerate())


def test_found_and_nobody_sound_different_and_short() -> None:
    good, bad = tone(GOOD), tone(BAD)
    assert good != bad
    assert 0.1 < _seconds(good) < 0.3
    assert 0.1 < _seconds(bad) < 0.4


def test_each_sound_is_written_once_and_played(tmp_path: Path) -> None:
    played: list[str] = []
    bells: list[int] = []
    sounds = ScanSounds(
        tmp_path / "sounds",
        enabled=True,
        player=lambda p: played.append(p.name),
        bell=lambda: bells.append(1),
    )
    sounds.found()
    sounds.nobody()
    sounds.found()
    assert played == ["scan-found.wav", "scan-nobody.wav", "scan-found.wav"]
    assert sorted(p.name for p in (tmp_path / "sounds").iterdir()) == [
        "scan-found.wav",
        "scan-nobody.wav",
    ]
    assert bells == []


def test_without_a_player_only_a_miss_rings_the_bell_and_the_setting_silences_it(
    tmp_path: Path,
) -> None:
    bells: list[int] = []
    ScanSounds(tmp_path, enabled=True, player=None, bell=lambda: bells.append(1)).found()
    assert bells == []
    quiet = ScanSounds(tmp_path, enabled=False, player=None, bell=lambda: bells.append(1))
    quiet.nobody()
    assert bells == []


def test_a_broken_sound_device_never_stops_a_scan(tmp_path: Path) -> None:
    bells: list[int] = []

    def broken(_path: Path) -> None:
        raise RuntimeError("no sound device")

    sounds = ScanSounds(tmp_path, enabled=True, player=broken, bell=lambda: bells.append(1))
    sounds.found()
    sounds.nobody()
    assert bells == [1]


@pytest_asyncio.fixture
async def counter_with_sounds(
    qtbot: QtBot,
    app_settings: Settings,
    demo_secrets: SecretStore,
    simulator: Simulator,
    tmp_path: Path,
) -> AsyncIterator[tuple[Counter, list[str]]]:
    played: list[str] = []
    async with running_counter(qtbot, app_settings, demo_secrets, simulator) as made:
        made.window.counter_screen.sounds = ScanSounds(
            tmp_path, enabled=True, player=lambda p: played.append(p.name)
        )
        yield made, played


@pytest.mark.asyncio
async def test_the_counter_sounds_after_each_scan(
    counter_with_sounds: tuple[Counter, list[str]],
) -> None:
    counter, played = counter_with_sounds
    await counter.load_main_customer()
    await counter.scan("NO-SUCH-CARD")
    assert played == ["scan-found.wav", "scan-nobody.wav"]
