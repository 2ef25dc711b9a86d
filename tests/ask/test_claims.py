"""Statements to check, and the verdict the register gives them (qa/ask/claims.py, qa/ask/kinds/meta.py)."""

import pytest

from qa.ask.claims import (FALSE, TRUE, claimed_dates, confirms, date_verdict, in_question_terms, is_claim,
                           rhythm_verdict, verdict, without_lead)


@pytest.mark.parametrize("text, claim", [
    ("Đúng hay sai: Kế hoạch 03 do Ban Bí thư ban hành.", True),
    ("Đ/S: KH 03 ban hành ngày 25/10/2021", True),
    ("KH 03 ban hành tháng 12/2021 phải không?", True),
    ("Có đúng là kế hoạch do Bộ Chính trị ban hành không?", True),
    ("Có đúng KH 03 do Ban Bí thư ban hành không?", True),  # "có đúng" opening the question, without "là"
    ("Tôi nghe nói vậy. Có thật KH 03 ký ngày 25/10/2021 không?", True),
    ("Chi bộ tôi họp như vậy có đúng quy định không?", False),  # inside a sentence it asks how a thing is done
    ("Kế hoạch 03 ban hành ngày nào?", False),  # a question, no statement
    ("Số hiệu là 03-KH/TW hay 03/KH-TW, đúng không?", False),  # a choice between values: the value answers it
])
def test_a_statement_to_check_is_told_by_its_cue(text, claim):
    assert is_claim(text) is claim


def test_the_lead_cue_is_not_part_of_the_statement():
    assert without_lead("Đúng/Sai: Kế hoạch 03 thuộc loại văn bản «Chỉ thị».") == "Kế hoạch 03 thuộc loại văn bản «Chỉ thị»."
    assert without_lead("Nhận định sau đúng hay sai: KH 03 do BCT ban hành") == "KH 03 do BCT ban hành"
    assert without_lead("Kế hoạch do ai ký?") == "Kế hoạch do ai ký?"


def test_a_statement_quoted_after_its_cue_is_read_as_said(assistant):
    from qa.ask.claims import without_lead

    assert without_lead('Đúng hay sai: "Kế hoạch 03 do Ban Bí thư ban hành."') == "Kế hoạch 03 do Ban Bí thư ban hành."
    assert without_lead("Đúng hay sai: «Kế hoạch 03 ban hành ngày 1/12/2021»") == "Kế hoạch 03 ban hành ngày 1/12/2021"
    reply = assistant.ask('Đúng hay sai: "Kế hoạch 03 do Ban Bí thư ban hành."')
    assert reply.answer.startswith("Sai. Bộ Chính trị (03-KH/TW")


def test_verdicts_compare_values_without_accents_or_case():
    assert verdict(["bo chinh tri"], ["Bộ Chính trị", "Ban Chấp hành Trung ương"]) == TRUE
    assert verdict(["Ban Bí thư"], ["Bộ Chính trị"]) == FALSE
    assert verdict([], ["Bộ Chính trị"]) is None


def test_dates_claimed_are_read_at_any_precision():
    assert claimed_dates("ký ngày 1/12/2021, tháng 12 năm 2021 hay năm 2021") == [(1, 12, 2021), (None, 12, 2021),
                                                                                 (None, None, 2021)]
    assert claimed_dates("ngày 25 tháng 10 năm 2021") == [(25, 10, 2021)]
    assert date_verdict([(None, 12, 2021)], (1, 12, 2021)) == TRUE  # a month is right of any day in it
    assert date_verdict([(25, 10, 2021)], (1, 12, 2021)) == FALSE
    assert date_verdict([], (1, 12, 2021)) is None


@pytest.mark.parametrize("question, answer", [
    ("Đúng hay sai: Kế hoạch số 03-KH/TW do Ban Bí thư Trung ương Đảng khóa XIII ban hành.",
     "Sai. Bộ Chính trị (03-KH/TW: «Bộ Chính trị ban hành Kế hoạch thực hiện như sau»; thông tin văn bản ghi "
     "cơ quan ban hành: Ban Chấp hành Trung ương)."),
    ("Đúng hay sai: Kế hoạch 03 do Bộ Chính trị ban hành.",
     "Đúng. Bộ Chính trị (03-KH/TW: «Bộ Chính trị ban hành Kế hoạch thực hiện như sau»; thông tin văn bản ghi "
     "cơ quan ban hành: Ban Chấp hành Trung ương)."),
    ("Đ/S: KH 03 ban hành ngày 25/10/2021",
     "Sai. Ngày ban hành: 01/12/2021 (03-KH/TW; văn bản ghi: «Hà Nội, ngày 01 tháng 12 năm 2021»)."),
    ("KH 03 ban hành tháng 12/2021 phải không?",
     "Đúng. Ngày ban hành: 01/12/2021 (03-KH/TW; văn bản ghi: «Hà Nội, ngày 01 tháng 12 năm 2021»)."),
    ("Nhận định sau đúng hay sai: Kế hoạch 03 do đồng chí Võ Văn Thưởng ký", "Đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("Kế hoạch 03 do ông Nguyễn Văn A ký phải không?", "Không đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("Có phải kế hoạch do đồng chí Trần Cẩm Tú ký không?", "Không đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("Có thật là KH 03 ký ngày 25/10/2021 không?",
     "Không đúng. Ngày ban hành: 01/12/2021 (03-KH/TW; văn bản ghi: «Hà Nội, ngày 01 tháng 12 năm 2021»)."),
    # the field opens the statement, the value follows "là"; typed in capitals it means the same
    ("NGƯỜI KÝ LÀ TỔNG BÍ THƯ NGUYỄN PHÚ TRỌNG ĐÚNG KHÔNG???", "Không đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("người ký kế hoạch là Võ Văn Thưởng đúng không", "Đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ('Đúng/Sai: Kế hoạch 03 thuộc loại văn bản "Chỉ thị".', "Sai. Loại văn bản: Kế hoạch (03-KH/TW)."),
    ("Số hiệu của kế hoạch là 03-KH/TW đúng không?", "Đúng. Số hiệu: 03-KH/TW (03-KH/TW)."),
    ("Kế hoạch này thực hiện Kết luận 19 phải không?",
     "Không đúng. Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh xây dựng, "
     "chỉnh đốn Đảng và hệ thống chính trị (03-KH/TW, phần mở đầu)."),
    # a choice names the value without a verdict; a plain question gets none either
    ("Số ký hiệu chính xác là 03-KH/TW hay 03/KH-TW vậy?", "Số hiệu: 03-KH/TW (03-KH/TW)."),
    ("Kế hoạch 03 ban hành ngày nào?",
     "Ngày ban hành: 01/12/2021 (03-KH/TW; văn bản ghi: «Hà Nội, ngày 01 tháng 12 năm 2021»)."),
])
def test_a_statement_about_the_register_gets_its_verdict_before_the_value(assistant, question, answer):
    reply = assistant.ask(question)
    assert (reply.kind, reply.confidence, reply.answer) == ("meta", "high", answer)


def test_a_statement_that_names_no_value_of_the_field_gets_no_verdict(assistant):
    # what it implements, said with no document named: only the value
    reply = assistant.ask("tờ này là để làm theo cái văn bản TW ra hồi tháng 10 phải không")
    assert reply.answer.startswith("Kết luận số 21-KL/TW, ngày 25/10/2021")


def test_the_months_a_timing_covers():
    from qa.ask.claims import timing_months

    assert timing_months(["đầu tháng 12/2021"]) == {(12, 2021)}
    assert timing_months(["tháng 12/2021 - 01/2022"]) == {(12, 2021), (1, 2022)}
    assert timing_months(["quý I/2022"]) == {(1, 2022), (2, 2022), (3, 2022)}
    assert timing_months(["tháng 12/2021", "thực hiện hằng năm từ năm 2022"]) is None  # no month every year


@pytest.mark.parametrize("statement, timings, said", [
    ("Hội nghị cán bộ toàn quốc tổ chức trong tháng 11/2021.", ["đầu tháng 12/2021"], FALSE),
    ("Hội nghị cán bộ toàn quốc tổ chức trong tháng 12/2021", ["đầu tháng 12/2021"], TRUE),
    ("hội nghị diễn ra đúng ngày 9/11/2021", ["đầu tháng 12/2021"], FALSE),  # refuted by its month
    ("hội nghị diễn ra ngày 5/12/2021", ["đầu tháng 12/2021"], None),  # a day the plan does not give
    ("đợt sinh hoạt phải xong trước hết tháng 3/2022", ["quý I/2022"], None),  # a bound, not a date
    ("học xong trong tháng 1/2022", ["tháng 12/2021 - 01/2022"], TRUE),
    # the conclusion's date describes what the conference studies; the month stated is the conference's
    ("hội nghị quán triệt Kết luận 21 ngày 25/10/2021 tổ chức tháng 12/2021", ["đầu tháng 12/2021"], TRUE),
])
def test_a_time_stated_for_a_task_is_checked_against_its_months(statement, timings, said):
    from qa.ask.claims import timing_verdict

    assert timing_verdict(statement, timings) == said


@pytest.mark.parametrize("question, answer", [
    ("Đúng hay sai: Hội nghị cán bộ toàn quốc nghiên cứu, học tập KL 21 được tổ chức trong tháng 11/2021.",
     "Sai. Đầu tháng 12/2021 (II.1)."),
    ("Có đúng là hội nghị toàn quốc quán triệt Kết luận 21 diễn ra đúng ngày 9/11/2021 không?",
     "Không đúng. Đầu tháng 12/2021 (II.1)."),
    ("KL21 được ban hành ngày 25/10/2021 đúng không ạ?",
     "Đúng. Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble)."),
    ("Kết luận 21 ra ngày 25/11/2021 phải không?",
     "Không đúng. Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble)."),
    # asked, not stated: no verdict
    ("Hội nghị cán bộ toàn quốc tổ chức ngày nào?", "Đầu tháng 12/2021 (II.1)."),
])
def test_a_time_stated_to_be_checked_gets_its_verdict(assistant, question, answer):
    reply = assistant.ask(question)
    assert (reply.kind, reply.confidence, reply.answer) == ("when", "high", answer)


@pytest.mark.parametrize("statement, clause, confirmed", [
    # every content word of the statement is the clause's (the plan's name and "yêu cầu" aside)
    ("KH 03 yêu cầu kiểm tra, giám sát việc thực hiện rồi đánh giá kết quả, đúng k ạ",
     "Tăng cường công tác kiểm tra, giám sát việc tổ chức thực hiện và đánh giá kết quả thực hiện Kết luận.", True),
    # a word that narrows the statement: not confirmed by the clause's other words
    ("Câu hỏi đúng/sai: KH 03 chỉ áp dụng cho đảng viên công chức viên chức.",
     "cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên", False),
    # a word the clause does not use ("riêng", "UBKT"): no verdict
    ("Đúng sai: tổ chức lấy phiếu tín nhiệm là nhiệm vụ của UBKT các cấp",
     "Tiếp tục thực hiện việc lấy phiếu tín nhiệm đối với thành viên lãnh đạo cấp ủy", False),
    # a question, not a statement to check
    ("Kế hoạch yêu cầu kiểm tra, giám sát việc thực hiện không?",
     "Tăng cường công tác kiểm tra, giám sát việc tổ chức thực hiện và đánh giá kết quả thực hiện.", False),
    # typed without marks: "chi" may be "chỉ", so no verdict is given
    ("dung hay sai: ke hoach yeu cau kiem tra giam sat danh gia ket qua",
     "Tăng cường công tác kiểm tra, giám sát việc tổ chức thực hiện và đánh giá kết quả thực hiện.", False),
    # what the clause denies ("không được hình thức"), said as required
    ("Đúng hay sai: kế hoạch yêu cầu triển khai hình thức, chiếu lệ",
     "bảo đảm thực chất, hiệu quả, tuyệt đối không được hình thức, chiếu lệ trong triển khai", False),
    ("Đúng hay sai: kế hoạch yêu cầu triển khai thực chất, hiệu quả",
     "bảo đảm thực chất, hiệu quả, tuyệt đối không được hình thức, chiếu lệ trong triển khai", True),
])
def test_a_statement_is_confirmed_only_by_a_clause_that_says_all_of_it(statement, clause, confirmed):
    assert confirms(statement, clause, frozenset({"ke", "hoach"})) is confirmed


@pytest.mark.parametrize("question, answer, said", [
    # offered as "đúng hay sai" (in any spelling): the wrong statement is "Sai"
    ("Đúng hay sai: KH 03 do Ban Bí thư ban hành.", "Không đúng. Bộ Chính trị.", "Sai. Bộ Chính trị."),
    ("Đ/S: KH 03 ban hành ngày 25/10/2021", "Không đúng. Ngày ban hành: 01/12/2021.", "Sai. Ngày ban hành: 01/12/2021."),
    ("ke hoach do ban bi thu ban hanh, dung hay sai?", "Không đúng. X.", "Sai. X."),
    # asked "đúng không": "Không đúng" answers it; a right statement keeps "Đúng"
    ("KH 03 do Ban Bí thư ban hành, đúng không?", "Không đúng. Bộ Chính trị.", "Không đúng. Bộ Chính trị."),
    ("Đúng hay sai: KH 03 do Bộ Chính trị ban hành.", "Đúng. Bộ Chính trị.", "Đúng. Bộ Chính trị."),
])
def test_a_verdict_is_worded_as_the_question_offered_it(question, answer, said):
    assert in_question_terms(question, answer) == said


@pytest.mark.parametrize("statement, clause, confirmed", [
    # the "không" that closes a yes/no question denies nothing
    ("KH03 có yêu cầu gắn với Nghị quyết Đại hội XIII không, đúng hay sai?",
     "gắn với việc thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", True),
    # a narrowing word quoted with the plan's next word is the plan's ("không được làm")
    ("Đúng không em: Kế hoạch 03 yêu cầu gắn với quy định về những điều đảng viên không được làm.",
     "gắn với việc thực hiện Quy định về những điều đảng viên không được làm, các quy định về trách nhiệm nêu gương",
     True),
    # the user's own "không" still narrows
    ("Đúng hay sai: KH 03 không yêu cầu gắn với Nghị quyết Đại hội XIII.",
     "gắn với việc thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", False),
])
def test_the_plans_own_words_and_the_question_frame_do_not_narrow_a_statement(statement, clause, confirmed):
    assert confirms(statement, clause, frozenset({"ke", "hoach"})) is confirmed


def test_a_statement_the_best_clause_says_is_answered_true(assistant):
    reply = assistant.ask("Đúng hay sai: KH03 yêu cầu thực hiện KL21 gắn với Kết luận số 01-KL/TW ngày 18/5/2021 của BCT")
    assert (reply.confidence, reply.citations[0].ref) == ("high", "I.2")
    assert reply.answer.startswith("Đúng — kế hoạch nêu (I.2): ")
    # a narrowing word: the clause is given without a verdict
    narrowed = assistant.ask("Câu hỏi đúng/sai: KH 03 chỉ áp dụng cho đảng viên, không nhắc tới công chức viên chức.")
    assert not narrowed.answer.startswith("Đúng")


def test_a_statement_introduced_after_the_situation_is_read_from_its_colon():
    text = ("Thưa trợ lý, tôi soạn câu hỏi ôn tập cho chi bộ. Xin xác nhận giúp: kế hoạch có yêu cầu tăng cường "
            "kiểm tra, giám sát việc thực hiện kết luận, đúng hay sai?")
    assert without_lead(text) == ("kế hoạch có yêu cầu tăng cường kiểm tra, giám sát việc thực hiện kết luận, "
                                  "đúng hay sai?")
    assert without_lead("Nhận định: KH 03 do BCT ban hành.") == "KH 03 do BCT ban hành."
    assert is_claim("Nhận định: KH 03 do BCT ban hành.")
    # the word alone, with no colon after it, introduces nothing
    assert not is_claim("Kế hoạch nhận định tình hình thế nào?")
    assert without_lead("Kế hoạch nhận định tình hình thế nào?") == "Kế hoạch nhận định tình hình thế nào?"
    assert is_claim("Kế hoạch 03 do đồng chí Tổng Bí thư ký. Điều đó đúng chăng?")


def test_a_statement_introduced_mid_text_is_confirmed_by_the_clause_that_says_it(assistant):
    reply = assistant.ask("Thưa trợ lý, tôi soạn câu hỏi ôn tập cho chi bộ. Xin xác nhận giúp: kế hoạch có yêu cầu "
                          "tăng cường kiểm tra, giám sát việc thực hiện kết luận, đúng hay sai?")
    assert reply.answer.startswith("Đúng — kế hoạch nêu (I.3): Tăng cường công tác kiểm tra, giám sát")


@pytest.mark.parametrize("question, answer", [
    ("KH03 là văn bản của Ban Bí thư, đúng không ạ?", "Không đúng. Bộ Chính trị (03-KH/TW"),
    ("Kế hoạch 03 là của Bộ Chính trị phải không?", "Đúng. Bộ Chính trị (03-KH/TW"),
    ("có phải kế hoạch 03 ra năm 2022 không em", "Không đúng. Ngày ban hành: 01/12/2021"),
    ("Có phải kế hoạch 03 ra đời năm 2022 không?", "Không đúng. Ngày ban hành: 01/12/2021"),
    ("Kế hoạch 03 ký năm 2021 đúng không?", "Đúng. Ngày ban hành: 01/12/2021"),
    ("đính chính: kh03 là kh năm 2022 đúng ko ae", "Không đúng. Ngày ban hành: 01/12/2021"),
    ("kế hoạch 03 là của năm 2021 phải không", "Đúng. Ngày ban hành: 01/12/2021"),
])
def test_the_document_said_to_be_a_bodys_or_a_years(assistant, question, answer):
    assert assistant.ask(question).answer.startswith(answer)


@pytest.mark.parametrize("statement, timings, said", [
    ("tự phê bình hằng năm", ("thực hiện hằng năm, từ năm 2021",), TRUE),
    ("tự kiểm điểm hàng tháng", ("thực hiện hằng năm, từ năm 2021",), FALSE),
    ("lấy phiếu tín nhiệm hằng năm", ("năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội",), FALSE),
    ("giám sát mỗi năm", ("thực hiện thường xuyên",), None),  # "regularly" sets no rhythm to refute
    ("giám sát cán bộ", ("thực hiện hằng năm",), None),  # no rhythm stated
])
def test_a_rhythm_stated_for_a_task_is_checked_against_its_timings(statement, timings, said):
    assert rhythm_verdict(statement, timings) == said


def test_a_rhythm_stated_to_be_checked_gets_its_verdict(assistant):
    reply = assistant.ask("Mình nghe KH03 bỏ phiếu tín nhiệm hằng năm, đúng không?")
    assert reply.answer == ("Không đúng. Năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân "
                            "các cấp (III.5).")
    assert assistant.ask("Tự phê bình thực hiện hằng năm đúng không?").answer == "Đúng. Thực hiện hằng năm, từ năm 2021 (III.4)."
    # asked "có phải … không?", the rhythm the plan gives is answered «Có.»
    assert assistant.ask("Hằng năm có phải rà lại xem chỗ nào làm chưa đến nơi đến chốn không?").answer == \
        "Có. Tháng 12/2021; thực hiện hằng năm từ năm 2022 (III.2)."


@pytest.mark.parametrize("text, statement", [
    ("Có hội viên khẳng định Ban Bí thư là cơ quan ban hành Kế hoạch 03. Khẳng định đó đúng hay sai?",
     "Ban Bí thư là cơ quan ban hành Kế hoạch 03, đúng hay sai?"),
    ('Một hội viên cho rằng "Kế hoạch 03 chỉ giao việc cho cấp Trung ương". Nhận định đó đúng hay sai?',
     "Kế hoạch 03 chỉ giao việc cho cấp Trung ương, đúng hay sai?"),  # what is quoted
    ("Kế hoạch nói chi bộ phải họp mỗi tuần. Điều đó đúng không?", "chi bộ phải họp mỗi tuần, đúng không?"),
    ("Co nguoi noi KH do BBT ban hanh. Dieu do dung khong?", "KH do BBT ban hanh, dung khong?"),  # no accents
    # unchanged: no sentence pointing back at the one before, or none before it
    ("Kế hoạch 03 do Bộ Chính trị ban hành. Ai ký?", None),
    ("Điều đó đúng không?", None),
])
def test_a_statement_pointed_back_at_is_the_one_checked(text, statement):
    from qa.ask.claims import pointed_statement

    assert pointed_statement(text) == (statement or text)


@pytest.mark.parametrize("text, dated", [
    ("Hội nghị cán bộ toàn quốc tổ chức năm 2021, đúng không?", True),
    ("Kế hoạch 03 năm 2021 của Bộ Chính trị bàn về chỉnh đốn Đảng, đúng không?", False),  # the document's year
    ("KH 03 năm 2021 nói về tự phê bình, đúng không?", False),
    ("Kết luận 21 ngày 25/10/2021 bàn về chỉnh đốn Đảng, đúng không?", False),
])
def test_a_year_that_names_a_document_gives_nothing_a_time(text, dated):
    from qa.ask.claims import claims_a_time

    assert claims_a_time(text) is dated


@pytest.mark.parametrize("statement, said", [
    ("đợt sinh hoạt chính trị toàn quốc phải xong trong quý I/2022", TRUE),
    ("dot sinh hoat chinh tri phai xong trong quy 1 nam 2022", TRUE),
    ("đợt sinh hoạt chính trị toàn quốc phải xong trong quý II/2022", FALSE),
    ("đợt sinh hoạt chính trị phải xong trước quý II/2022", None),  # a bound, not a time of its own
])
def test_a_quarter_stated_is_checked_against_the_timing(statement, said):
    from qa.ask.claims import claims_a_time, timing_verdict

    assert timing_verdict(statement, ["hoàn thành trong quý I/2022"]) == said
    assert claims_a_time(statement)
    # a timing that covers part of the quarter neither confirms nor refutes it
    assert timing_verdict("hội nghị tổ chức trong quý IV/2021", ["đầu tháng 12/2021"]) is None


def test_a_time_stated_that_is_the_clauses_own_is_confirmed(assistant):
    reply = assistant.ask("Fact check: đợt sinh hoạt chính trị toàn quốc phải xong trong quý I/2022, đúng ko ạ?")
    assert reply.answer == "Đúng. Hoàn thành trong quý I/2022 (III.1)."
    offered = assistant.ask("mat tran to quoc giam sat thi lam luc nao, thuong xuyen hay moi nam")
    assert offered.found and offered.answer == "Thực hiện thường xuyên (III.11)."


# --- a statement said in other words (confirms_in_other_words) ------------------------------------

_FORMALISM = "bảo đảm thực chất, hiệu quả, tuyệt đối không được hình thức, chiếu lệ"


def _bridge(said, *plan_words):
    from qa.lexicon import Bridge
    from qa.text import fold, syllables

    return Bridge(said=said, plan_words=plan_words, said_syllables=tuple(fold(s) for s in syllables(said)))


@pytest.mark.parametrize("statement, clause, bridges, confirmed", [
    # the lexicon reads "làm cho có" as the clause's "hình thức": two words of three count, "làm thật" unread
    ("Kế hoạch nói phải làm thật chớ đừng làm cho có phải không", _FORMALISM,
     (_bridge("làm cho có", "hình thức, chiếu lệ", "hình thức"),), True),
    # … and without the lexicon's reading, nothing counts
    ("Kế hoạch nói phải làm thật chớ đừng làm cho có phải không", _FORMALISM, (), False),
    # "đưa tin" read as "tuyên truyền"; typed without the plan's words for the press's work
    ("báo chí được giao đưa tin về kết luận này, đúng hông",
     "chỉ đạo các cơ quan báo chí tuyên truyền nội dung Kết luận", (_bridge("đưa tin", "tuyên truyền"),), True),
    # typed without marks, "chi … thoi" narrows as "chỉ … thôi" does
    ("KH 03 noi chi ap dung cho dang vien thoi, dung hong", "cán bộ, đảng viên, công chức, viên chức", (), False),
    # what the clause denies, said the other way round
    ("plan yêu cầu bố trí lãnh đạo chủ chốt phải là người địa phương — đúng không ạ?",
     "chủ trương bố trí chức danh lãnh đạo chủ chốt không phải là người địa phương", (), False),
    # … after the modal that follows the negator ("không được hình thức")
    ("đúng hay sai: kh 03 yêu cầu thực hiện hình thức cho xong là đc", _FORMALISM, (), False),
    # more than two of its words the clause has in no form ("Hội Nông dân lập đoàn đi … xã")
    ("kế hoạch giao cho Hội Nông dân lập đoàn đi kiểm tra đảng ủy xã, có đúng không",
     "Tăng cường hoạt động của ủy ban kiểm tra các cấp, chú trọng công tác tự kiểm tra, tự giám sát của cấp ủy",
     (_bridge("kiểm tra đảng", "ủy ban kiểm tra"),), False),
    # a time stated is the time verdicts' to check, a signer the register's
    ("Đúng hay sai: tự phê bình và phê bình thực hiện thường xuyên",
     "Thực hiện nghiêm việc tự phê bình và phê bình trong sinh hoạt đảng (thực hiện hằng năm)", (), False),
    ("kh03 do tổng bí thư ký đúng ko", "bài phát biểu chỉ đạo của đồng chí Tổng Bí thư", (), False),
    ("kh03 là để triển khai nghị quyết đại hội XIII, đúng không", "gắn với việc thực hiện Nghị quyết Đại hội XIII",
     (), False),  # what the plan implements: its preamble's to check
    ("tự phê bình có phải gắn với kiểm điểm cuối năm không", "tự phê bình và phê bình, kiểm điểm", (), False),  # a time
    ("chỉnh đốn Đảng là làm một đợt xong thôi phải không", "Mở đợt sinh hoạt chính trị về chỉnh đốn Đảng", (), False),
    # a question that asks, not a statement offered ("bè phái không" is no "phải không")
    ("Kế hoạch có nói gì về chống bè phái không?", "khắc phục tình trạng cục bộ, bè phái",
     (_bridge("bè phái", "cục bộ"),), False),
])
def test_a_statement_in_other_words_is_confirmed_by_what_the_lexicon_reads(statement, clause, bridges, confirmed):
    from qa.ask.claims import confirms_in_other_words

    assert confirms_in_other_words(statement, clause, bridges, frozenset({"ke", "hoach"})) is confirmed


def test_a_statement_tagged_phai_khong_is_confirmed_as_true():
    from qa.ask.claims import confirmed_word

    assert confirmed_word("ke hoach noi phai lam that, phai khong") == "Đúng"
    assert confirmed_word("x, phai ko a") == "Đúng"
    assert confirmed_word("co phai ke hoach noi x khong") == "Có"


@pytest.mark.parametrize("question, head", [
    ("Kế hoạch nói phải làm thật chớ đừng làm cho có phải không", "Đúng — kế hoạch nêu (I.3): "),
    ("KH nói phải tổ chức hội nghị toàn quốc để phổ biến, đúng ko", "Đúng — kế hoạch nêu (II.1): "),
    ("KH03 bao phai gan voi hoc tap lam theo Bac Ho, dung khong", "Đúng — kế hoạch nêu (I.2): "),
    # no verdict where the statement adds what the clause does not say, or turns it round
    ("Tui nghe nói kế hoạch ni giao cho Hội Nông dân lập đoàn đi kiểm tra đảng ủy xã, có đúng không",
     "Kế hoạch có đề cập (III.9): "),
    ("Em nói với khách: plan yêu cầu bổ nhiệm lãnh đạo phải là người địa phương — đúng không ạ?",
     "Kế hoạch có đề cập (III.7): "),
])
def test_a_statement_the_plan_says_in_other_words_is_answered_true(assistant, question, head):
    assert assistant.ask(question).answer.startswith(head)


@pytest.mark.parametrize("question, answer", [
    ("dung hay sai: KH03 ky boi Tong Bi thu", "Sai. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("kh03 do tổng bí thư ký đúng ko", "Không đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("KH03 ký bởi ông Nguyễn Phú Trọng phải ko", "Không đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("KH03 được ký bởi đồng chí Võ Văn Thưởng, đúng không?", "Đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    # an office between the honorific and the name, and the statement quoted before its tag
    ("Đúng hay sai: Kế hoạch 03 do đồng chí Tổng Bí thư Nguyễn Phú Trọng ký.", "Sai. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ('Trong đề cương có câu "Kế hoạch 03 do đồng chí Tổng Bí thư Nguyễn Phú Trọng ký" - đúng hay sai ạ?',
     "Sai. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    # a person called by the given name, as Vietnamese do; named as the signer, it is to be confirmed
    ("Ông Thưởng kí cái này hả?", "Đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("Đồng chí Trọng ký kế hoạch này đúng không?", "Không đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    # "đồng chí nào đã ký" names no one: the signer is asked, nothing stated
    ("Xin hỏi đồng chí nào đã ký ban hành kế hoạch ấy?", "Người ký: Võ Văn Thưởng (03-KH/TW)."),
    # the words between the name and "ký" are no part of the name; the document may be left unsaid
    ("Ông Nguyễn Phú Trọng có ký kế hoạch này không?", "Không đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
    ("Có phải ông Võ Văn Thưởng đã ký không?", "Đúng. Người ký: Võ Văn Thưởng (03-KH/TW)."),
])
def test_a_signer_stated_by_office_or_after_the_verb_is_checked(assistant, question, answer):
    assert assistant.ask(question).answer == answer


@pytest.mark.parametrize("question, answer", [
    # a statement introduced by "confirm:" or "Khẳng định sau đúng hay sai:"
    ("confirm: KH03 do Ban Bí thư ban hành hả?", "Không đúng. Bộ Chính trị (03-KH/TW"),
    ('Khẳng định sau đúng hay sai: "KH03 do Ban Bí thư ban hành".', "Sai. Bộ Chính trị (03-KH/TW"),
    # a choice between issuers, one named "Ban Chấp hành" without "Trung ương"
    ("Bộ Chính trị hay Ban Chấp hành ra cái kế hoạch này", "Bộ Chính trị (03-KH/TW"),
])
def test_the_issuer_stated_or_offered_in_other_words(assistant, question, answer):
    reply = assistant.ask(question)
    assert (reply.kind, reply.answer.startswith(answer)) == ("meta", True)


@pytest.mark.parametrize("question", ["KH03 có hiệu lực ngay từ ngày ký, đúng không?",
                                      "Đúng hay sai: Kế hoạch 03 có hiệu lực kể từ ngày ký."])
def test_in_force_from_the_day_it_was_signed_is_checked_against_both_days(assistant, question):
    assert assistant.ask(question).answer == "Đúng. Ngày có hiệu lực: 01/12/2021 (03-KH/TW); Ngày ban hành: 01/12/2021."


@pytest.mark.parametrize("statement, timings, said", [
    # an open timing is checked by the year it starts ...
    ("bố trí cán bộ không phải người địa phương từ năm 2022", ["từ năm 2022"], TRUE),
    ('bố trí lãnh đạo chủ chốt không phải người địa phương "từ năm 2025"', ["từ năm 2022"], FALSE),
    ("kiểm điểm bắt đầu từ 2020", ["thực hiện hằng năm, từ năm 2021"], FALSE),
    # ... or by the year of the term, said in figures or in words
    ("lấy phiếu tín nhiệm ở QH vào năm thứ 3 của nhiệm kỳ",
     ["năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân các cấp"], TRUE),
    ("lấy phiếu tín nhiệm vào năm thứ hai nhiệm kỳ",
     ["năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân các cấp"], FALSE),
    ("lấy phiếu tín nhiệm hằng năm", ["thực hiện thường xuyên"], None),  # (the rhythm verdict's to check)
    # a task said to run until a year its months do not reach is refuted; one inside them is left open
    ("đợt sinh hoạt chính trị kéo dài đến hết năm 2023", ["hoàn thành trong quý I/2022"], FALSE),
    ("đợt sinh hoạt chính trị làm tới năm 2022", ["hoàn thành trong quý I/2022"], None),
    ("đợt sinh hoạt chính trị xong trước năm 2023", ["hoàn thành trong quý I/2022"], None),
])
def test_open_timings_and_ends_stated(statement, timings, said):
    from qa.ask.claims import timing_verdict

    assert timing_verdict(statement, timings) == said


@pytest.mark.parametrize("question, start", [
    ("Có đúng là đợt sinh hoạt chính trị toàn quốc kéo dài đến hết năm 2023 không ạ?", "Không đúng. Hoàn thành trong quý I/2022 (III.1)."),
    ("Nghe nói KH 03 yêu cầu kết thúc cuộc vận động sinh hoạt chính trị trong năm 2023, có đúng không?",
     "Không đúng. Hoàn thành trong quý I/2022 (III.1)."),
    ('Bài báo viết KH 03 yêu cầu bố trí lãnh đạo chủ chốt không phải người địa phương "từ năm 2025". Có chính xác không?',
     "Không đúng. Từ năm 2022 (III.7)."),
    ("Đúng hay sai: việc lấy phiếu tín nhiệm được thực hiện vào năm thứ hai của nhiệm kỳ.", "Sai. Năm thứ 3, nhiệm kỳ"),
    ("check giúp: lấy phiếu tín nhiệm ở QH vào năm thứ 3 của nhiệm kỳ đúng k", "Đúng. Năm thứ 3, nhiệm kỳ"),
    ("true/false: đợt sinh hoạt chính trị phải xong trong quý I/2022", "Đúng. Hoàn thành trong quý I/2022 (III.1)."),
])
def test_a_time_stated_is_answered_with_its_verdict_though_the_year_is_later_than_any_the_plan_names(assistant, question, start):
    reply = assistant.ask(question)
    assert (reply.kind, reply.confidence) == ("when", "high")
    assert reply.answer.startswith(start)


def test_a_year_the_plan_never_names_still_refuses_what_no_timing_refutes(assistant):
    reply = assistant.ask("Có đúng là năm 2025 phải lấy phiếu tín nhiệm không?")
    assert (reply.confidence, reply.signals["rule"]) == ("low", "year")


def test_a_word_that_stresses_a_statement_claims_nothing():
    # "cả" stresses it; "viết" is no "Việt" (typed with accents, words are compared with them)
    clause = ("Tiếp tục thực hiện việc lấy phiếu tín nhiệm đối với thành viên lãnh đạo cấp ủy và cán bộ lãnh đạo "
              "theo quy định, nhất là việc lấy phiếu tín nhiệm trong Ban Chấp hành Trung ương Đảng")
    assert confirms("Có đúng là KH yêu cầu lấy phiếu tín nhiệm cả trong Ban Chấp hành Trung ương không?", clause)
    front = "Phát huy vai trò giám sát của Mặt trận Tổ quốc Việt Nam; giám sát việc tu dưỡng, rèn luyện của cán bộ"
    assert not confirms("Có đúng là mặt trận phải viết giám sát cán bộ không?", front)
    assert confirms("Có đúng là Mặt trận Việt Nam giám sát cán bộ không?", front)


@pytest.mark.parametrize("question", [
    "Cán bộ đã nghỉ hưu có phải học Kết luận 21 không?",  # the plan says who studies, not that retired cadres do
    # said only in the words the lexicon reads as the clause's: what it leaves unsaid may be what is asked
    "Nghe nói KH yêu cầu mỗi cán bộ, đảng viên phải viết bản cam kết tu dưỡng, rèn luyện. Có đúng không?",
])
def test_a_statement_with_words_the_clause_leaves_unsaid_is_not_answered_for_them(assistant, question):
    assert assistant.ask(question).confidence == "low"


def test_the_last_or_first_year_of_a_term_is_a_year_of_the_term_to_check(assistant):
    reply = assistant.ask("Đúng hay sai: lấy phiếu tín nhiệm được tiến hành vào năm cuối nhiệm kỳ.")
    assert reply.answer == ("Sai. Năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân các "
                            "cấp (III.5).")
    from qa.ask.claims import claims_a_term_year

    assert claims_a_term_year("lấy phiếu vào năm đầu nhiệm kỳ") and not claims_a_term_year("đầu năm 2022")


@pytest.mark.parametrize("statement, turned", [
    ("kh 03 yêu cầu thực hiện hình thức cho xong là đc", True),
    # the statement denies it too, a few words before it
    ("kế hoạch bảo là ko đc làm hình thức, nói vậy", False),
    ("KH03 có yêu cầu chống làm cho có, làm hình thức", False),
])
def test_a_statement_that_says_what_the_clause_denies_is_turned_round(statement, turned):
    from qa.ask.claims import _turned_round

    assert _turned_round(statement, _FORMALISM) is turned

