"""The scanner check's analysis: what arrived for the test code, and what is wrong."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.services.scanner_check import (
    SCANNER_GAP_MS,
    TEST_CODE,
    Ending,
    Layout,
    Problem,
    Recording,
    TypedKey,
    analyse,
    typed_by_scanner,
    typed_on_pc,
)


def keys(text: str, gap_ms: float = 6.0, *, ending: Ending = Ending.ENTER) -> Recording:
    """``text`` typed a key every ``gap_ms``, then ``ending`` one gap later."""
    typed = tuple(TypedKey(char, 1000.0 + i * gap_ms) for i, char in enumerate(text))
    end = None if ending is Ending.NOTHING else 1000.0 + len(text) * gap_ms
    return Recording(typed, ending, end)


def test_the_right_scanner_has_nothing_to_change() -> None:
    report = analyse(keys(TEST_CODE))
    assert report.ok
    assert report.typed == TEST_CODE
    assert report.ending is Ending.ENTER
    assert report.gap_ms == 6.0
    assert report.scanner_speed


def test_a_french_pc_turns_the_digits_into_the_keys_above_them() -> None:
    report = analyse(keys("Test)Yqazw,)&é\"'(-è_çà"))
    finding = report.findings[0]
    assert report.problems() == [Problem.PC_LAYOUT]
    assert finding.layout is Layout.FRENCH
    assert ("1", "&") in finding.pairs
    assert ("2", "é") in finding.pairs
    assert ("a", "q") in finding.pairs
    assert ("T", "T") not in finding.pairs  # only what differs


def test_belgian_and_french_azerty_are_told_apart_by_6_and_8() -> None:
    belgian = typed_on_pc(TEST_CODE, Layout.BELGIAN)
    french = typed_on_pc(TEST_CODE, Layout.FRENCH)
    assert belgian is not None
    assert french is not None
    assert belgian != french
    assert analyse(keys(belgian)).findings[0].layout is Layout.BELGIAN
    assert ("6", "§") in analyse(keys(belgian)).findings[0].pairs


def test_a_german_pc_swaps_y_and_z_and_moves_the_hyphen() -> None:
    report = analyse(keys("TestßZaqwymß1234567890"))
    assert report.problems() == [Problem.PC_LAYOUT]
    assert report.findings[0].layout is Layout.GERMAN
    assert set(report.findings[0].pairs) == {("-", "ß"), ("Y", "Z"), ("z", "y")}


def test_a_scanner_set_to_german_on_a_us_pc_is_the_other_way_round() -> None:
    report = analyse(keys("Test/Zaqwym/1234567890"))
    assert report.problems() == [Problem.SCANNER_LAYOUT]
    assert report.findings[0].layout is Layout.GERMAN


def test_caps_lock_turns_every_letter_round() -> None:
    report = analyse(keys("tEST-yAQWZM-1234567890"))
    assert report.problems() == [Problem.CAPS_LOCK]


def test_a_prefix_and_a_suffix_are_named_as_they_arrived() -> None:
    report = analyse(keys(f"#{TEST_CODE}*X"))
    assert report.problems() == [Problem.PREFIX, Problem.SUFFIX]
    assert report.findings[0].text == "#"
    assert not report.findings[0].aim
    assert report.findings[1].text == "*X"


@pytest.mark.parametrize("prefix", ["]C0", "]Q1", "$C&"])
def test_a_symbology_identifier_before_the_code_is_recognised(prefix: str) -> None:
    finding = next(f for f in analyse(keys(prefix + TEST_CODE)).findings if f.text == prefix)
    assert finding.problem is Problem.PREFIX
    assert finding.aim


def test_a_prefix_through_a_french_pc_is_still_the_scanners_prefix() -> None:
    french = typed_on_pc(TEST_CODE, Layout.FRENCH)
    report = analyse(keys(f"$C&{french}"))
    assert report.problems() == [Problem.PC_LAYOUT, Problem.PREFIX]


def test_no_enter_and_tab_instead_of_enter() -> None:
    assert analyse(keys(TEST_CODE, ending=Ending.NOTHING)).problems() == [Problem.NO_ENTER]
    assert analyse(keys(TEST_CODE, ending=Ending.TAB)).problems() == [Problem.TAB_INSTEAD_OF_ENTER]


def test_keys_as_slow_as_a_person_come_first_with_their_speed() -> None:
    report = analyse(keys(TEST_CODE, gap_ms=180))
    assert report.problems() == [Problem.SLOW]
    assert report.findings[0].gap_ms == 180
    assert not report.scanner_speed


def test_one_late_key_does_not_make_a_scanner_slow() -> None:
    # The PC was busy once, before the seventh key.
    typed = [TypedKey(char, i * 5.0 + (400 if i >= 6 else 0)) for i, char in enumerate(TEST_CODE)]
    report = analyse(Recording(tuple(typed), Ending.ENTER, typed[-1].at_ms + 5))
    assert report.ok


def test_lost_characters_and_wrong_characters_and_another_code() -> None:
    assert analyse(keys(TEST_CODE[:-3])).problems() == [Problem.CHARACTERS_LOST]
    wrong = analyse(keys(TEST_CODE.replace("3", "x")))
    assert wrong.problems() == [Problem.WRONG_CHARACTERS]
    assert wrong.findings[0].pairs == (("3", "x"),)
    assert analyse(keys("8712345678906")).problems() == [Problem.NOT_THE_TEST_CODE]
    assert analyse(keys("", ending=Ending.ENTER)).problems() == [Problem.NOT_THE_TEST_CODE]


def test_the_test_code_comes_through_every_layout_both_ways() -> None:
    for layout in Layout:
        assert typed_on_pc(TEST_CODE, layout) is not None
        assert typed_by_scanner(TEST_CODE, layout) is not None
        assert typed_on_pc(TEST_CODE, layout) != TEST_CODE


_ASCII = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=40)


@given(_ASCII, st.sampled_from(list(Layout)))
def test_a_scanner_set_to_the_pcs_layout_types_what_it_reads(text: str, layout: Layout) -> None:
    """The advice "set the scanner to this PC's layout" holds: both ways undo each other."""
    on_pc = typed_on_pc(text, layout)
    if on_pc is not None:
        assert typed_by_scanner(on_pc, layout) == text


@given(
    prefix=st.text(st.sampled_from("#~!{}|<>"), max_size=4),
    suffix=st.text(st.sampled_from("#~!{}|<>"), max_size=4),
    layout=st.none() | st.sampled_from(list(Layout)),
    ending=st.sampled_from(list(Ending)),
    gap=st.floats(min_value=0.5, max_value=400),
)
def test_every_mix_of_mistakes_is_each_found_once(
    prefix: str, suffix: str, layout: Layout | None, ending: Ending, gap: float
) -> None:
    code = TEST_CODE if layout is None else typed_on_pc(TEST_CODE, layout)
    assert code is not None
    report = analyse(keys(prefix + code + suffix, gap, ending=ending))
    expected = []
    if gap > SCANNER_GAP_MS:
        expected.append(Problem.SLOW)
    if layout is not None:
        expected.append(Problem.PC_LAYOUT)
    if prefix:
        expected.append(Problem.PREFIX)
    if suffix:
        expected.append(Problem.SUFFIX)
    if ending is Ending.TAB:
        expected.append(Problem.TAB_INSTEAD_OF_ENTER)
    elif ending is Ending.NOTHING:
        expected.append(Problem.NO_ENTER)
    assert report.problems() == expected
    assert report.typed == prefix + code + suffix
