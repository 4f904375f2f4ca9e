"""A short sound after a scan: a rising two-tone for "found", a low buzz for "nobody".

The app ships no sound library (Qt's multimedia module would add about 100 MB to the
bundle). The tones are written as small WAV files into the app's cache folder the first
time they are needed and played with what the system has: Windows' own ``winsound``
(asynchronous, so the counter never waits for the sound). Where there is no such player,
a scan that finds nobody rings the system bell and a good scan stays silent.
"""

from __future__ import annotations

import io
import logging
import math
import struct
import sys
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_RATE = 22_050


def tone(parts: list[tuple[float, float]], *, volume: float = 0.35) -> bytes:
    """A mono 16-bit WAV of ``(frequency Hz, seconds)`` parts, each faded in and out."""
    frames = bytearray()
    for frequency, seconds in parts:
        count = int(_RATE * seconds)
        fade = max(1, int(_RATE * 0.01))
        for n in range(count):
            envelope = min(1.0, n / fade, (count - n) / fade)
            sample = volume * envelope * math.sin(2 * math.pi * frequency * n / _RATE)
            frames += struct.pack("<h", int(sample * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(_RATE)
        file.writeframes(bytes(frames))
    return out.getvalue()


#: "Found": two short rising notes. "Nobody": one low, longer note.
GOOD = [(880.0, 0.07), (1320.0, 0.09)]
BAD = [(220.0, 0.25)]

Player = Callable[[Path], None]


def _windows_player() -> Player | None:
    if sys.platform != "win32":
        return None
    import winsound

    def play(path: Path) -> None:
        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)

    return play


class ScanSounds:
    """``enabled``: the ``scan_sound`` setting. ``player`` plays a WAV file (default: the
    system's, where there is one); ``bell`` is the fallback for a scan that found nobody."""

    def __init__(
        self,
        folder: Path,
        *,
        enabled: bool,
        player: Player | None = None,
        bell: Callable[[], None] = QApplication.beep,
    ) -> None:
        self._folder = folder
        self._enabled = enabled
        self._player = player if player is not None else _windows_player()
        self._bell = bell

    def found(self) -> None:
        self._play("scan-found.wav", GOOD, bell=False)

    def nobody(self) -> None:
        self._play("scan-nobody.wav", BAD, bell=True)

    def _play(self, name: str, parts: list[tuple[float, float]], *, bell: bool) -> None:
        if not self._enabled:
            return
        if self._player is None:
            if bell:
                self._bell()
            return
        path = self._folder / name
        try:
            if not path.exists():
                self._folder.mkdir(parents=True, exist_ok=True)
                path.write_bytes(tone(parts))
            self._player(path)
        except (OSError, RuntimeError) as exc:
            # A sound is a courtesy: a missing sound device never stops a scan.
            log.info("Scan sound not played: %s", exc)
            if bell:
                self._bell()
