"""A fill-in-the-blank prompt is answered with the plan's words in the blank."""

from __future__ import annotations

import pytest

from qa.ask.kinds.fill import fills
from qa.question import analyze

CLAUSE = ("Thực hiện có hiệu quả chủ trương khuyến khích, bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung; "
          "chủ trương bố trí chức danh lãnh đạo chủ chốt không phải là người địa phương.")


def test_the_words_in_each_blank_are_the_clauses_between_the_words_around_it():
    assert fills("Điền vào chỗ trống: chủ trương … cán bộ năng động", CLAUSE) == ("khuyến khích, bảo vệ",)
    # a blank that ends the prompt runs to the end of the phrase
    assert fills("Điền: bảo vệ cán bộ năng động, sáng tạo vì …", CLAUSE) == ("lợi ích chung",)
    # two blanks, each found after the one before
    assert fills("Điền: chủ trương ... bảo vệ cán bộ; chủ trương bố trí ... không phải là người địa phương", CLAUSE) == \
        ("khuyến khích", "chức danh lãnh đạo chủ chốt")
    # words the clause does not hold in that order: no answer from it
    assert fills("Điền: có cơ chế ... những cán bộ năng động", CLAUSE) is None
    assert fills("Điền: chủ trương khuyến khích, bảo vệ ...", "Một điều khoản khác.") is None


@pytest.mark.parametrize("text, kind", [
    ("Điền vào chỗ trống: Hoàn thiện cơ chế kiểm soát … trong công tác cán bộ.", "fill"),
    ("Điền khuyết: tăng cường niềm tin của ___ đối với Đảng", "fill"),
    # a blank with something else asked is that other kind
    ('Điền từ: "Tiến hành … tự phê bình và phê bình trong sinh hoạt đảng" — đây là nhiệm vụ số mấy trong phần III?',
     "where"),
    ("Kế hoạch yêu cầu ... đi trước làm gương", "what"),  # no prompt cue: an ellipsis in a sentence
])
def test_a_prompt_is_told_by_its_cue_and_its_blank(text, kind):
    assert analyze(text).kind == kind


def test_the_answer_is_the_plans_words_and_the_clause_that_holds_them_ranks_first(assistant):
    reply = assistant.ask("Điền vào chỗ trống: Hoàn thiện cơ chế kiểm soát … trong công tác cán bộ.")
    assert (reply.kind, reply.confidence, reply.answer) == ("fill", "high", "Quyền lực và phòng, chống tiêu cực (III.7).")
    trust = assistant.ask("Điền vào chỗ trống: giữ vững ổn định chính trị, tăng cường niềm tin của … đối với Đảng")
    assert trust.answer == "Cán bộ, đảng viên và nhân dân (I.2)."
    # a prompt in the student's own words, which no clause holds as written: the nearest clause, as "what"
    own = assistant.ask("Điền vào chỗ trống: Kế hoạch yêu cầu kế thừa, phát huy những … đã đạt được.")
    assert (own.confidence, own.citations[0].ref) == ("high", "I.3")
    assert own.answer.startswith("Việc tổ chức triển khai thực hiện Kết luận phải kế thừa kết quả, kinh nghiệm")


def test_a_blank_in_quotes_after_a_quoted_term_is_kept_through_cleaning(assistant):
    # an ellipsis is one mark, not a run of stray full stops to collapse
    reply = assistant.ask('Điền vào chỗ trống: cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, '
                          'biểu hiện "tự diễn biến", "..."')
    assert (reply.kind, reply.answer) == ("fill", "Tự chuyển hóa (preamble).")


def test_a_blank_that_ends_the_prompt_takes_a_list_of_quoted_terms_whole(assistant):
    reply = assistant.ask('điền giúp tui: "ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, '
                          'những biểu hiện ..."')
    assert (reply.kind, reply.answer) == ("fill", '"tự diễn biến", "tự chuyển hóa" (preamble).')


def test_a_blank_written_against_what_follows_is_filled_with_the_whole_token():
    text = "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh"
    assert fills('Điền vào chỗ trống: "Kế hoạch 03 thực hiện Kết luận số ...-KL/TW của Ban Chấp hành"', text) == \
        ("21-KL/TW",)
    assert fills("Điền vào chỗ trống: Kết luận số 21-KL/TW, ngày .../10/2021 của Ban Chấp hành", text) == \
        ("25/10/2021",)
    # a blank followed by a space or a full stop stands for words only
    assert fills("Điền vào chỗ trống: Kết luận số 21-KL/TW, ngày ... của Ban Chấp hành", text) == ("25/10/2021",)
    assert fills("Điền vào chỗ trống: Thực hiện Kết luận số ...", text) == ("21-KL/TW",)


def test_the_number_word_before_a_blank_may_be_the_writers_alone(assistant):
    title = "Kế hoạch 03-KH/TW năm 2021 thực hiện Kết luận 21-KL/TW về đẩy mạnh xây dựng"
    prompt = "Điền vào chỗ trống: Kế hoạch số ......-KH/TW của Bộ Chính trị thực hiện Kết luận số 21-KL/TW."
    assert fills(prompt, title) == ("03-KH/TW",)
    assert fills("Điền vào chỗ trống: Báo cáo số ...-KH/TW", title) is None  # the words before are not the clause's
    # the answer comes from the clause that holds the prompt, whichever of the best ranks first
    reply = assistant.ask(prompt)
    assert (reply.answer, reply.citations[0].ref) == ("03-KH/TW (title).", "title")
