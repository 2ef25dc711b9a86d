"""Verbatim pieces of a clause for short answers (qa/ask/passages.py)."""

from qa.ask.passages import as_written, join, nearest_phrase


def test_as_written_quotes_the_clauses_own_list():
    text = "Bộ Chính trị, Ban Bí thư tổ chức Hội nghị cán bộ toàn quốc"
    assert as_written(text, ["Ban Bí thư", "Bộ Chính trị"]) == "Bộ Chính trị, Ban Bí thư"
    assert as_written("do Quốc hội và Chính phủ thực hiện", ["Quốc hội", "Chính phủ"]) == "Quốc hội và Chính phủ"


def test_as_written_falls_back_to_a_joined_list():
    names = ["Quốc hội", "Chính phủ"]
    # other words between the names: not one list in the clause
    assert as_written("Quốc hội giám sát; Chính phủ báo cáo", names) == join(names) == "Quốc hội và Chính phủ"
    assert as_written("Chính phủ báo cáo", names) == "Quốc hội và Chính phủ"  # one name absent
    assert as_written("", ["Bộ Chính trị"]) == "Bộ Chính trị"


def test_clip_around_keeps_the_span_in_view():
    from qa.ask.passages import clip_around

    text = "một hai ba bốn năm sáu bảy tám"
    assert clip_around(text, 23, 26, 12) == "…sáu bảy tám"  # the span at the end
    assert clip_around(text, 4, 7, 12) == "một hai ba…"  # within the head: clip as usual
    assert clip_around(text, 11, 14, 12) == "…ba bốn năm…"  # cut on both sides
    assert clip_around("ngắn", 0, 4, 12) == "ngắn"


def test_a_span_of_one_clause_is_its_ref():
    from types import SimpleNamespace as C

    from qa.ask.passages import span

    assert span([C(ref="III.1"), C(ref="III.2"), C(ref="III.11")]) == "III.1–III.11"
    assert span([C(ref="IV.1")]) == "IV.1"


def test_the_phrase_in_the_part_of_the_sentence_the_question_is_about():
    text = "Lấy phiếu đối với cán bộ; trong Quốc hội đối với các chức danh do Quốc hội bầu."
    phrases = [(text.index("cán bộ"), "cán bộ"), (text.index("các chức danh"), "các chức danh do Quốc hội bầu")]
    assert nearest_phrase({"quoc": 2.0, "hoi": 2.0, "lay": 1.0}, text, phrases) == "các chức danh do Quốc hội bầu"
    assert nearest_phrase({"lay": 1.0, "phieu": 1.0}, text, phrases) == "cán bộ"
    assert nearest_phrase({"khong": 1.0}, text, phrases) == "cán bộ"  # a tie: the first
    assert nearest_phrase({"lay": 1.0}, text, []) is None


def test_the_then_half_of_a_long_conditional_when_the_topic_is_there():
    from qa.ask.passages import consequent

    text = ("Những nơi có biểu hiện mất đoàn kết, vi phạm nguyên tắc, tham nhũng, tiêu cực, dư luận bức xúc, "
            "thì cấp ủy cấp trên phải kịp thời xem xét, gợi ý, chỉ đạo kiểm điểm làm rõ trách nhiệm")
    then = "Cấp ủy cấp trên phải kịp thời xem xét, gợi ý, chỉ đạo kiểm điểm làm rõ trách nhiệm"
    assert consequent(text, ("cap", "uy", "tren"), 80) == then
    # the condition asked about, or a passage short enough to show whole: unchanged
    assert consequent(text, ("mat", "doan", "ket"), 80) == text
    assert consequent(text, ("cap", "uy", "tren"), len(text)) == text
    # what is to be done, asked in the situation the condition describes: the "then" half
    assert consequent(text, ("mat", "doan", "ket"), 80, action=True) == then
    # … but not of a question whose words are nowhere in the condition
    assert consequent(text, ("ngan", "sach"), 80, action=True) == text


def test_a_long_passage_is_shown_from_the_part_the_question_asks_about():
    from qa.ask.passages import focused

    text = ("Tập trung xử lý dứt điểm những vụ án nghiêm trọng, phức tạp, gây thất thoát ngân sách, "
            "xử lý nghiêm các tập thể, cá nhân vi phạm, khắc phục hậu quả, thu hồi tài sản thất thoát")
    # the part that holds most of the question's words, with as much before it as fits
    assert focused(text, ("thu", "hoi", "tai", "san"), 90) == \
        "…xử lý nghiêm các tập thể, cá nhân vi phạm, khắc phục hậu quả, thu hồi tài sản thất thoát"
    # the words asked in the first part, one word only, or a passage that fits: as ``clip`` shows it
    assert focused(text, ("vu", "an", "nghiem", "trong"), 90) == \
        "Tập trung xử lý dứt điểm những vụ án nghiêm trọng, phức tạp, gây thất thoát ngân sách…"
    assert focused(text, ("tai",), 90).startswith("Tập trung")
    assert focused(text, ("thu", "hoi"), len(text)) == text


def test_a_tie_between_parts_goes_to_the_one_that_holds_the_questions_words_paired():
    from types import SimpleNamespace

    from qa.ask.passages import best_passage, paired

    q = SimpleNamespace(content=("thu", "hoi", "tai", "san"), topic=("hoi", "tai", "san"))
    assert paired(q) == frozenset({"thu hoi", "hoi tai", "tai san"})
    text = "Học tập lý luận. Xã hội quan tâm đến tài sản công. Thu hồi tài sản thất thoát."
    # as many topic syllables in either later part ("hội" of "xã hội", "hồi" of "thu hồi"): the pairs decide
    assert best_passage(text, q.topic, 200, paired(q)) == "Thu hồi tài sản thất thoát."
    assert best_passage(text, q.topic, 200) == "Xã hội quan tâm đến tài sản công."
    # … but not against the first part, tied with them: the clause's opening, as without pairs
    assert best_passage(text[17:], q.topic, 200, paired(q)) == "Xã hội quan tâm đến tài sản công. Thu hồi tài sản thất thoát."


def test_of_phrases_in_one_part_the_one_the_asked_words_lead_to():
    text = ("Lấy phiếu đối với thành viên cấp ủy, nhất là lấy phiếu trong Ban Chấp hành Trung ương đối với Ủy viên "
            "Bộ Chính trị; trong Quốc hội đối với các chức danh do Quốc hội bầu.")
    phrases = [(text.index("thành viên"), "thành viên cấp ủy"), (text.index("Ủy viên"), "Ủy viên Bộ Chính trị"),
               (text.index("các chức danh"), "các chức danh do Quốc hội bầu")]
    assert nearest_phrase({"ban": 1.0, "chap": 1.0, "hanh": 1.0}, text, phrases) == "Ủy viên Bộ Chính trị"
    assert nearest_phrase({"lay": 1.0, "phieu": 1.0}, text, phrases) == "thành viên cấp ủy"
