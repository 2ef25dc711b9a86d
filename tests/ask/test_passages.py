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
