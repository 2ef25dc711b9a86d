"""Numbered terms and meetings in a text (qa/ask/sessions.py)."""

from qa.ask.sessions import known_numbers, numbered, roman
from qa.text import fold


def test_roman_numerals_up_to_thirty():
    assert [roman(x) for x in ("i", "iv", "ix", "xii", "xiii", "xv", "xix", "xxx")] == [1, 4, 9, 12, 13, 15, 19, 30]
    assert [roman(x) for x in ("", "xl", "abc", "l")] == [None, None, None, None]


def test_the_ways_a_term_or_meeting_is_numbered():
    said = [(n.kind, n.number, n.said) for n in numbered("Nghị quyết Trung ương 4 khóa XII và kỳ họp thứ 5")]
    assert said == [(1, 4, "Nghị quyết Trung ương 4"), (0, 12, "khóa XII"), (2, 5, "kỳ họp thứ 5")]
    assert [(n.kind, n.number) for n in numbered("nq tw4, dai hoi dang toan quoc lan thu xiii, HNTW 8")] == \
        [(1, 4), (0, 13), (1, 8)]


def test_document_numbers_counts_and_years_are_not_terms():
    assert numbered("Kết luận số 21-KL/TW 3 nội dung, khóa 2021, Trung ương 200 người, Đại hội chi bộ 2025") == []


def test_a_corpus_numbers_its_terms_in_its_own_words():
    assert known_numbers(fold("thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII; Quốc hội khóa XV")) == \
        frozenset({(0, 13), (0, 15)})


def test_the_number_of_a_term_or_meeting_asked():
    from qa.ask.sessions import asked_numbers, kind_name

    assert [(n.kind, n.said) for n in asked_numbers("KL21 do HNTW mấy thông qua?")] == [(1, "hntw may")]
    assert [n.kind for n in asked_numbers("của Hội nghị TW lần thứ mấy, khóa mấy?")] == [1, 0]
    assert asked_numbers("Hội nghị Trung ương 4 khóa XII nói gì?") == []
    assert kind_name(1) == "Hội nghị Trung ương"
