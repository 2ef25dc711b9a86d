"""Keyboard slips undone against the corpus's syllables; the user's own words left alone."""

import unicodedata

import pytest

from qa.spelling import Speller, well_formed
from qa.text import fold

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


def test_english_words_next_to_each_other_are_no_slips():
    speller = Speller(lambda s: s in KNOWN or s == "an")
    # "and" alone between Vietnamese words could be a slip of "an"; beside other English words it is English
    assert speller.fix("Protect dynamic and creative cadres có trong kế hoạch không?") == \
        "Protect dynamic and creative cadres có trong kế hoạch không?"
    assert speller.fix("Mục đíhc, chíhn sách") == "Mục đích, chính sách"  # marks typed: Vietnamese, fixed


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


def test_a_missing_or_wrong_letter_is_fixed_where_it_makes_a_phrase_of_the_corpus():
    known = {"thủ", "tục", "hành", "hà", "chính", "có", "không"}
    phrases = {"hanh chinh", "co khong", "thu tuc"}
    speller = Speller(known.__contains__, phrase=phrases.__contains__, vocabulary=lambda w: w not in {"khônh"})
    # "hàh" is no syllable: a letter missing; "hà" (one letter dropped) makes no phrase here
    assert speller.fix("thủ tục hàh chính") == "thủ tục hành chính"
    # "khônh" has a syllable's shape but is no word of the language: a letter wrong
    assert speller.fix("có khônh") == "có không"
    assert speller.fix("khônh") == "không"  # alone too: one letter from a function word is that word
    # a word of the language the corpus does not use stays the user's own
    assert Speller(known.__contains__, phrase=phrases.__contains__, vocabulary=lambda w: True).fix("có thớt") == "có thớt"


def test_the_assistant_reads_a_missing_letter(assistant):
    # read as "thủ tục hành chính", a topic (III.7), not a procedure asked for
    reply = assistant.ask("Chính quyền cơ sở có phải rà soát thủ tục hàh chính không?")
    assert (reply.found, reply.kind, reply.citations[0].ref) == (True, "what", "III.7")


@pytest.mark.parametrize("text, fixed", [
    ("Kế hoạch có nói về mạng xã hội khônh?", "Kế hoạch có nói về mạng xã hội không?"),  # no phrase confirms it
    ("Ai chủ trì vây?", "Ai chủ trì vây?"),  # a real syllable: the user's own
])
def test_a_slip_of_one_letter_from_a_function_word_is_that_word(text, fixed):
    speller = Speller({"kế", "hoạch", "có", "nói", "về", "không"}.__contains__, phrase=lambda p: False,
                      vocabulary=lambda w: w not in {"khônh"})
    assert speller.fix(text) == fixed


@pytest.mark.parametrize("text", ["khóa XII", "khoa xii", "Phần III", "UBKT"])
def test_numerals_and_words_in_capitals_are_no_slips(text):
    speller = Speller({"khóa", "phần"}.__contains__, phrase=lambda p: False, vocabulary=lambda w: False)
    assert speller.fix(text) == text


def _marked_speller(corpus: set[str], phrases: set[str]) -> Speller:
    """A speller over a toy corpus: its syllables with their marks, and its phrases (folded)."""
    by_letters: dict[str, list[str]] = {}
    for syllable in sorted(corpus):
        by_letters.setdefault(fold(syllable), []).append(syllable)
    return Speller(corpus.__contains__, phrase=phrases.__contains__, vocabulary=lambda w: True,
                   variants=lambda folded: tuple(by_letters.get(folded, ())))


def test_a_mark_typed_wrong_is_the_corpus_s_one_spelling_of_those_letters_when_it_makes_its_phrase():
    speller = _marked_speller({"mục", "đích", "chất", "lượng", "kế", "hoạch", "tăng", "chính", "chỉnh"},
                              {"muc dich", "chat luong", "ke hoach", "chinh sach"})
    assert speller.fix("mục đich của kế hoạch") == "mục đích của kế hoạch"
    assert speller.fix("nâng cao chất lương") == "nâng cao chất lượng"
    assert speller.fix("Kê hoạch 03") == "Kế hoạch 03"  # a text's first word: the word after
    assert speller.fix("tăng lương") == "tăng lương"  # no "tăng lượng" in the corpus: the user's word
    assert speller.fix("chinh sách") == "chinh sách"  # typed without marks: nothing to fix
    assert speller.fix("chình sách") == "chình sách"  # two spellings ("chính", "chỉnh"): no guess


def test_of_several_spellings_the_one_function_word_is_meant_where_no_phrase_says_otherwise():
    speller = _marked_speller({"phần", "về", "vệ", "bảo", "cán", "bộ"}, {"bao ve", "can bo"})
    assert speller.fix("Phần I nói vè cái gì?") == "Phần I nói về cái gì?"  # "về" is a function word, "vệ" not
    assert speller.fix("bảo vè cán bộ") == "bảo vè cán bộ"  # "bảo ve" is the corpus's: "bảo vệ"? no guess
    # a word of the spoken forms read later ("chừng nào": "khi nào") is the user's own
    speller = _marked_speller({"chung", "chúng", "ta"}, set())
    assert speller.fix("làm chừng nào xong?") == "làm chừng nào xong?"


def test_a_word_left_without_marks_in_a_text_typed_with_them_gets_the_corpus_s_one_spelling():
    speller = _marked_speller({"nhiệm", "vụ", "trọng", "tâm", "ban", "bàn", "bản"}, {"nhiem vu", "vu trong", "ban hanh"})
    assert speller.fix("bao nhiêu nhiệm vu trọng tâm?") == "bao nhiêu nhiệm vụ trọng tâm?"
    assert speller.fix("bao nhieu nhiem vu trong tam?") == "bao nhieu nhiem vu trong tam?"  # no marks at all
    assert speller.fix("nhiệm vu ban hành") == "nhiệm vụ ban hành"  # "ban": the corpus writes it so
    # a mark typed as its own character (NFD) is read as the composed letter, not as a word break
    assert speller.fix(unicodedata.normalize("NFD", "nhiệm vụ")) == "nhiệm vụ"


def test_a_function_word_typed_with_its_marks_is_meant_even_where_another_spelling_makes_a_phrase():
    # "bộ máy" is the corpus's phrase, but "chi bộ mấy lâu" asks how long: "mấy" is the user's word
    speller = _marked_speller({"chi", "bộ", "máy", "lâu"}, {"bo may"})
    assert speller.fix("chi bộ mấy lâu họp một lần?") == "chi bộ mấy lâu họp một lần?"
    assert speller.fix("chi bộ mây lâu") == "chi bộ máy lâu"  # no function word: the corpus's spelling


def test_an_abbreviation_read_later_is_no_slip_to_re_spell():
    # "tgian" (thời gian) is expanded after spelling; re-spelt first it became "gian"
    speller = _marked_speller({"gian", "thời", "thực", "hiện"}, {"thoi gian"})
    assert speller.fix("tgian thực hiện?") == "tgian thực hiện?"
    assert speller.fix("kgian thực hiện?") == "gian thực hiện?"  # not an abbreviation: still a slip


def test_words_read_later_as_standard_ones_are_no_slips():
    # "plan" (english.tsv) is no slip for "lan"; "mần" (colloquial.tsv) stays for the reading to turn
    speller = Speller({"lan", "làm"}.__contains__, phrase=lambda p: True, vocabulary=lambda w: False)
    assert speller.fix("Tên đầy đủ của plan 03 là gì") == "Tên đầy đủ của plan 03 là gì"


def test_the_assistant_reads_an_english_word_as_the_plans(assistant):
    reply = assistant.ask("Tên đầy đủ của plan 03 là gì")
    assert reply.kind == "meta" and reply.answer.startswith("Kế hoạch 03-KH/TW năm 2021 thực hiện Kết luận 21-KL/TW")
