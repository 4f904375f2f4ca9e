"""What a scanner typed for a known test code, and what to change on the scanner.

A hand scanner is a keyboard: for each character of a code it presses the key that types
that character on the keyboard layout the scanner is set to (mostly "US"). When this PC
uses another layout, the same keys type other characters: a French AZERTY PC turns the
digits of ``1234`` into ``&é"'``, a German QWERTZ PC swaps ``y`` and ``z``. Scanners also
add prefixes and suffixes, end with Tab or nothing instead of Enter, or are set to wait
between characters until they are as slow as a person typing.

:func:`analyse` compares what arrived with :data:`TEST_CODE`, character by character and
against the layouts shops here use (:data:`LAYOUTS`), and names each problem found
(:class:`Problem`) for the screen to turn into advice. No Qt: the page records the keys.
"""

from __future__ import annotations

import difflib
import itertools
import statistics
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

#: The code the check asks for. Chosen so that each common layout mistake shows: every
#: digit (French and Belgian AZERTY differ at 6 and 8), a, q, w, z and m (AZERTY), y and z
#: (QWERTZ), the hyphen (a different key everywhere), and capitals (Caps Lock).
TEST_CODE: Final = "Test-Yaqwzm-1234567890"
#: Scanners type a character every few milliseconds; above this (the median gap between
#: keys), the keys came as slowly as a person types them.
SCANNER_GAP_MS: Final = 30.0

# A stand-in for a dead key (^ ¨ ´ `): it types nothing by itself, and changes the next.
_DEAD: Final = "\x00"
_UNUSED: Final = "\x01"

# The 47 character keys of a PC keyboard, row by row (the key left of Backspace ends the
# first row; the key above Enter, US backslash, ends the second), unshifted then shifted.
_US: Final = (
    "`1234567890-=" "qwertyuiop[]\\" "asdfghjkl;'" "zxcvbnm,./",
    "~!@#$%^&*()_+" "QWERTYUIOP{}|" 'ASDFGHJKL:"' "ZXCVBNM<>?",
)  # fmt: skip
_FR: Final = (
    "²&é\"'(-è_çà)=" f"azertyuiop{_DEAD}$*" "qsdfghjklmù" "wxcvbn,;:!",
    f"{_UNUSED}1234567890°+" f"AZERTYUIOP{_DEAD}£µ" "QSDFGHJKLM%" "WXCVBN?./§",
)  # fmt: skip
_BE: Final = (
    "²&é\"'(§è!çà)-" f"azertyuiop{_DEAD}$µ" "qsdfghjklmù" "wxcvbn,;:=",
    "³1234567890°_" f"AZERTYUIOP{_DEAD}*£" "QSDFGHJKLM%" "WXCVBN?./+",
)  # fmt: skip
_DE: Final = (
    f"{_DEAD}1234567890ß{_DEAD}" "qwertzuiopü+#" "asdfghjklöä" "yxcvbnm,.-",
    f"°!\"§$%&/()=?{_DEAD}" "QWERTZUIOPÜ*'" "ASDFGHJKLÖÄ" "YXCVBNM;:_",
)  # fmt: skip


class Layout(StrEnum):
    """The keyboard layouts of PCs in Dutch, Belgian and German shops that differ from US.

    (Dutch PCs mostly use US or US-International, which type the test code as US does.)
    """

    FRENCH = "fr"
    BELGIAN = "be"
    GERMAN = "de"


_KEYS: Final = {Layout.FRENCH: _FR, Layout.BELGIAN: _BE, Layout.GERMAN: _DE}


def _key_map(source: tuple[str, str], target: tuple[str, str]) -> dict[str, str]:
    """What each character of ``source`` types when its key is read with ``target``."""
    typed: dict[str, str] = {}
    for shift in (0, 1):
        for wanted, got in zip(source[shift], target[shift], strict=True):
            if wanted not in (_DEAD, _UNUSED) and wanted not in typed:
                typed[wanted] = got
    return typed


_PC_USES: Final = {layout: _key_map(_US, keys) for layout, keys in _KEYS.items()}
_SCANNER_USES: Final = {layout: _key_map(keys, _US) for layout, keys in _KEYS.items()}


def typed_on_pc(text: str, layout: Layout) -> str | None:
    """What a scanner set to US types for ``text`` on a PC with ``layout``.

    None when a character cannot come through (it lands on a dead key, or the scanner has
    no key for it).
    """
    return _through(text, _PC_USES[layout])


def typed_by_scanner(text: str, layout: Layout) -> str | None:
    """What a scanner set to ``layout`` types for ``text`` on a PC with a US layout."""
    return _through(text, _SCANNER_USES[layout])


def _through(text: str, keys: dict[str, str]) -> str | None:
    out = []
    for char in text:
        got = keys.get(char, char)
        if got in (_DEAD, _UNUSED):
            return None
        out.append(got)
    return "".join(out)


class Ending(StrEnum):
    """The key that came after the code."""

    ENTER = "enter"
    TAB = "tab"
    #: No Enter or Tab within a moment after the last character.
    NOTHING = "nothing"


@dataclass(frozen=True)
class TypedKey:
    """One key that arrived: the text it typed and when (milliseconds, any origin)."""

    text: str
    at_ms: float


@dataclass(frozen=True)
class Recording:
    """The keys of one scan, and the key that ended it (``end_ms``: when; None: nothing)."""

    keys: tuple[TypedKey, ...]
    ending: Ending
    end_ms: float | None = None

    @property
    def text(self) -> str:
        return "".join(key.text for key in self.keys)


class Problem(StrEnum):
    """Something to change on the scanner (or this PC), most important first."""

    #: Nothing like the test code arrived: another code was scanned, or someone typed.
    NOT_THE_TEST_CODE = "not_the_test_code"
    #: The scanner types for US keys; this PC reads them with :attr:`Finding.layout`.
    PC_LAYOUT = "pc_layout"
    #: The scanner is set to :attr:`Finding.layout`; this PC reads its keys as US.
    SCANNER_LAYOUT = "scanner_layout"
    #: Letters arrived in the other case.
    CAPS_LOCK = "caps_lock"
    #: Some characters arrived as others, in no layout we know (:attr:`Finding.pairs`).
    WRONG_CHARACTERS = "wrong_characters"
    #: Characters went missing on the way: the PC could not keep up.
    CHARACTERS_LOST = "characters_lost"
    #: Text before the code (:attr:`Finding.text`); ``aim``: a symbology identifier.
    PREFIX = "prefix"
    SUFFIX = "suffix"
    NO_ENTER = "no_enter"
    TAB_INSTEAD_OF_ENTER = "tab"
    #: The keys came as slowly as a person types (:attr:`Finding.gap_ms`).
    SLOW = "slow"


@dataclass(frozen=True)
class Finding:
    problem: Problem
    layout: Layout | None = None
    #: The prefix or suffix as it arrived.
    text: str = ""
    #: Characters of the code and what arrived instead, one pair per difference.
    pairs: tuple[tuple[str, str], ...] = ()
    #: A prefix that is a symbology identifier (AIM ID, e.g. "]C1" or "]Q1").
    aim: bool = False
    gap_ms: float | None = None


@dataclass(frozen=True)
class ScannerReport:
    """What one scan of the test code showed. ``findings`` empty: the scanner is right."""

    expected: str
    typed: str
    ending: Ending
    #: The median time between two keys (the last character to Enter included).
    gap_ms: float | None
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def scanner_speed(self) -> bool:
        """The keys came as fast as a scanner types (unknown for one key: True)."""
        return self.gap_ms is None or self.gap_ms <= SCANNER_GAP_MS

    def problems(self) -> list[Problem]:
        return [finding.problem for finding in self.findings]


def _candidates(expected: str) -> list[tuple[Problem | None, Layout | None, str]]:
    """The ways ``expected`` can arrive, the right one first."""
    found: list[tuple[Problem | None, Layout | None, str]] = [(None, None, expected)]
    found.append((Problem.CAPS_LOCK, None, expected.swapcase()))
    for layout in Layout:
        on_pc = typed_on_pc(expected, layout)
        if on_pc is not None:
            found.append((Problem.PC_LAYOUT, layout, on_pc))
        by_scanner = typed_by_scanner(expected, layout)
        if by_scanner is not None:
            found.append((Problem.SCANNER_LAYOUT, layout, by_scanner))
    return found


def _pairs(expected: str, typed: str) -> tuple[tuple[str, str], ...]:
    """Each character of ``expected`` that arrived as another one, once."""
    if len(expected) == len(typed):
        # A key for a key: compared place by place (a matcher would pair "aq" with "qa"
        # as one moved letter).
        aligned = list(zip(expected, typed, strict=True))
    else:
        aligned = []
        matcher = difflib.SequenceMatcher(None, expected, typed, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                aligned += zip(expected[i1:i2], typed[j1:j2], strict=True)
    pairs: list[tuple[str, str]] = []
    for wanted, got in aligned:
        if wanted != got and (wanted, got) not in pairs:
            pairs.append((wanted, got))
    return tuple(pairs)


#: How "]" arrives: as it is, or through each layout (the digit after it changes too).
_BRACKETS: Final = frozenset({"]", *(_PC_USES[layout]["]"] for layout in Layout)})


def _is_aim_id(prefix: str) -> bool:
    """A symbology identifier: "]", the code's letter, a modifier ("]C0", "]Q1", "]E0")."""
    return len(prefix) == 3 and prefix[0] in _BRACKETS and prefix[1].isalpha()


def _gap_ms(recording: Recording) -> float | None:
    times = [key.at_ms for key in recording.keys]
    if recording.end_ms is not None and recording.ending is not Ending.NOTHING:
        times.append(recording.end_ms)
    if len(times) < 2:
        return None
    return statistics.median(b - a for a, b in itertools.pairwise(times))


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(char in rest for char in short)


def analyse(recording: Recording, expected: str = TEST_CODE) -> ScannerReport:
    """Compare what arrived with ``expected``: each problem once, the most important first."""
    typed = recording.text
    findings: list[Finding] = []
    match = next(
        (
            (problem, layout, form, typed.find(form))
            for problem, layout, form in _candidates(expected)
            if form in typed
        ),
        None,
    )
    if match is not None:
        problem, layout, form, start = match
        if problem is Problem.PC_LAYOUT or problem is Problem.SCANNER_LAYOUT:
            findings.append(Finding(problem, layout=layout, pairs=_pairs(expected, form)))
        elif problem is not None:
            findings.append(Finding(problem, pairs=_pairs(expected, form)))
        prefix, suffix = typed[:start], typed[start + len(form) :]
        if prefix:
            findings.append(Finding(Problem.PREFIX, text=prefix, aim=_is_aim_id(prefix)))
        if suffix:
            findings.append(Finding(Problem.SUFFIX, text=suffix))
    elif typed and len(typed) < len(expected) and _is_subsequence(typed, expected):
        findings.append(Finding(Problem.CHARACTERS_LOST))
    elif typed and _similar(expected, typed):
        findings.append(Finding(Problem.WRONG_CHARACTERS, pairs=_pairs(expected, typed)))
    else:
        findings.append(Finding(Problem.NOT_THE_TEST_CODE))
    if recording.ending is Ending.TAB:
        findings.append(Finding(Problem.TAB_INSTEAD_OF_ENTER))
    elif recording.ending is Ending.NOTHING:
        findings.append(Finding(Problem.NO_ENTER))
    gap = _gap_ms(recording)
    if gap is not None and gap > SCANNER_GAP_MS:
        # First: keys typed by a person say nothing about the scanner's settings.
        findings.insert(0, Finding(Problem.SLOW, gap_ms=gap))
    return ScannerReport(expected, typed, recording.ending, gap, tuple(findings))


def _similar(expected: str, typed: str) -> bool:
    """Close enough to be the test code with some characters wrong (not another code):
    mostly the same, or a key for each character (a layout this check does not know)."""
    if len(typed) == len(expected):
        return True
    matcher = difflib.SequenceMatcher(None, expected, typed, autojunk=False)
    return matcher.ratio() >= 0.7
