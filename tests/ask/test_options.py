"""qa/ask/options.py: the lettered option a reply chooses for a multiple-choice item."""

import pytest

from qa.ask.options import chosen, offered


def test_options_are_read_with_their_letters_in_every_usual_form():
    assert offered("Kế hoạch được ban hành tại: A. Hà Nội B. TP.HCM C. Đà Nẵng D. Huế") == [
        ("A", "Hà Nội"), ("B", "TP.HCM"), ("C", "Đà Nẵng"), ("D", "Huế")]
    assert offered("KH03 do cơ quan nào ban hành? A) Ban Chấp hành Trung ương; B) Bộ Chính trị") == [
        ("A", "Ban Chấp hành Trung ương"), ("B", "Bộ Chính trị")]
    assert offered("Chọn: (A) thường xuyên, (B) hằng năm") == [("A", "thường xuyên"), ("B", "hằng năm")]
    assert offered("Ai chủ trì hướng dẫn học tập Kết luận?") == []


@pytest.mark.parametrize("answer, letter", [
    ("Mục III gồm 11 nội dung (III.1–III.11).", "C"),          # a number, as a whole word: not "110"
    ("Đầu tháng 12/2021 (II.1).", "B"),                          # a date, not its year alone
    ("Bộ Chính trị (03-KH/TW; thông tin văn bản ghi cơ quan ban hành: Ban Chấp hành Trung ương).", "D"),
    ("Văn bản không nêu.", None),
    ("Ủy ban Kiểm tra Trung ương phối hợp (II.2).", "F"),  # "UBKT TW" read out
])
def test_the_option_the_answer_gives_first_is_chosen(answer, letter):
    options = [("A", "9 nhiệm vụ"), ("B", "12/2021"), ("C", "11"),
               ("D", "Bộ Chính trị"), ("E", "Ban Chấp hành Trung ương"), ("F", "UBKT TW")]
    assert chosen(options, answer) == letter


def test_options_that_are_counts_are_chosen_by_their_number():
    options = [("A", "2 ý"), ("B", "3 ý"), ("C", "4 ý")]
    assert chosen(options, "3 nội dung (I.1–I.3), thuộc Mục I. Mục đích, yêu cầu (I).") == "B"
    assert chosen(options, "Mục I gồm các nội dung về mục đích, yêu cầu (I).") is None


def test_an_option_whose_words_the_answer_gives_a_word_apart_is_chosen_when_none_is_given_as_a_run():
    options = [("A", "Ủy viên BCT, Ban Bí thư"), ("B", "Bộ trưởng"), ("C", "Bí thư tỉnh ủy")]
    assert chosen(options, "Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư (III.5).") == "A"
    assert chosen(options, "Ủy viên Bộ Chính trị và các bộ, ngành (III.5).") is None  # "Ban Bí thư" not given


@pytest.mark.parametrize("question, answer", [
    ("Cho đáp án đúng: Kế hoạch 03 là loại văn bản gì? A. Nghị quyết B. Chỉ thị C. Kế hoạch D. Kết luận",
     "Đáp án C: Loại văn bản: Kế hoạch (03-KH/TW)."),
    ("Câu hỏi trắc nghiệm cho chi bộ: KH03 do cơ quan nào ban hành? A. Ban Chấp hành Trung ương; B. Bộ Chính trị; "
     "C. Ban Bí thư", "Đáp án B: Bộ Chính trị (03-KH/TW: «Bộ Chính trị ban hành Kế hoạch thực hiện như sau»"),
    # a count offered as numbered options, the stem asking none ("KH 03 có A. 9 nhiệm vụ B. 10 …")
    ("trắc nghiệm nè: KH 03 có A. 9 nhiệm vụ B. 10 C. 11 D. 12, chọn j", "Đáp án C: 11 nội dung (III.1–III.11)"),
    # an option written with abbreviations ("Ban Tuyên giáo TW") is the answer's full name
    ("Cơ quan nào chủ trì hướng dẫn tổ chức hội nghị học tập Kết luận? A. Ban Tổ chức TW B. Ban Tuyên giáo TW "
     "C. UBKT TW", "Đáp án B: Ban Tuyên giáo Trung ương chủ trì"),
])
def test_a_multiple_choice_reply_names_its_option_first(assistant, question, answer):
    assert assistant.ask(question).answer.startswith(answer)


def test_a_refused_item_names_no_option(assistant):
    reply = assistant.ask("Ai đang là Trưởng Ban Tổ chức Trung ương? A. Ông A B. Ông B")
    assert not reply.answer.startswith("Đáp án")
