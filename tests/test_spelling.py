"""Keyboard slips undone against the corpus's syllables; the user's own words left alone."""

import pytest

from qa.spelling import Speller, well_formed

KNOWN = {"đích", "chính", "công", "mục"}


@pytest.mark.parametrize("word, fixed", [
    ("đíhc", "đích"),  # two letters swapped
    ("chíhn", "chính"),
    ("Đíhc", "Đích"),  # the capital stays
    ("côngg", "công"),  # one letter too many
    ("thớt", "thớt"),  # a well-formed word the corpus does not use: the user's own
    ("ubkt", "ubkt"),  # no vowel: an abbreviation
    ("xyzw", "xyzw"),  # no fix the corpus knows
])
def test_fix_word(word, fixed):
    assert Speller(KNOWN.__contains__).fix_word(word) == fixed


def test_fix_keeps_everything_else():
    assert Speller(KNOWN.__contains__).fix("Mục đíhc, 03-KH/TW?") == "Mục đích, 03-KH/TW?"


@pytest.mark.parametrize("word, ok", [
    ("người", True), ("nghiêng", True), ("quyết", True), ("khuya", True), ("giữ", True), ("2021", True),
    ("đíhc", False), ("ngừơi", True), ("tw", False),
])
def test_well_formed(word, ok):
    assert well_formed(word) is ok


def test_the_assistant_reads_a_slip(assistant):
    assert assistant.ask("Mục đíhc ra kế hoạch 03 là gì").citations[0].ref == "I.1"


def test_a_long_word_is_left_alone():
    word = "a" * 50_000  # no syllable: nothing tried, at once
    assert Speller(KNOWN.__contains__).fix_word(word) == word
