"""End to end on the bundled plan with the real default model: kinds, abstention, follow-ups, bad input."""

import json

import pytest


def refs(reply):
    return [c.ref for c in reply.citations]


def test_the_users_own_example(assistant):
    reply = assistant.ask("ai chịu trách nhiệm thể chế hóa?", history=[])
    assert reply.found and reply.kind == "who"
    assert "Đảng đoàn Quốc hội" in reply.answer
    assert reply.citations[0].ref == "IV.1.1"
    assert "III.10" in refs(reply)
    assert len(reply.citations) >= 3
    c = reply.citations[0]
    assert c.doc == "03-KH/TW" and c.text.startswith("Thể chế hóa, cụ thể hóa") and "Đảng đoàn Quốc hội" in c.label


def test_without_diacritics_finds_the_same(assistant):
    a = assistant.ask("ai chịu trách nhiệm thể chế hóa?")
    b = assistant.ask("ai chiu trach nhiem the che hoa")
    assert refs(a)[0] == refs(b)[0] == "IV.1.1"
    assert "Đảng đoàn Quốc hội" in b.answer


@pytest.mark.parametrize("question, kind, ref, expected", [
    ("Ban nào chủ trì hướng dẫn hội nghị quán triệt ở các cấp?", "who", "II.2", "Ban Tuyên giáo Trung ương"),
    ("Đơn vị nào phối hợp với Ban Tuyên giáo Trung ương?", "who", "II.2", "Ban Tổ chức Trung ương"),
    ("Đợt sinh hoạt chính trị phải xong khi nào?", "when", "III.1", "quý I/2022"),
    ("Khi nào tổ chức hội nghị cán bộ toàn quốc quán triệt kết luận?", "when", "II.1", "Đầu tháng 12/2021"),
    ("Việc lấy phiếu tín nhiệm nằm ở mục nào?", "where", "III.5", "III.5"),
    ("Ai ký kế hoạch này?", "meta", "meta", "Võ Văn Thưởng"),
    ("so hieu van ban la gi", "meta", "meta", "03-KH/TW"),
    ("Kế hoạch có hiệu lực từ ngày nào?", "meta", "meta", "01/12/2021"),
    ("Nhiệm vụ 8 nói gì?", "what", "III.8", "phòng, chống tham nhũng"),
])
def test_answer_kinds(assistant, question, kind, ref, expected):
    reply = assistant.ask(question)
    assert reply.found, reply.message
    assert reply.kind == kind
    assert reply.citations[0].ref == ref
    assert expected in reply.answer
    assert len(reply.answer) <= 200


def _passage(answer: str, ref: str) -> str:
    """A what-answer's words from the clause: without the "(ref)." it ends with, or the cut."""
    assert answer.endswith(f" ({ref})."), answer
    return answer[: -len(f" ({ref}).")].rstrip("…")


def _verbatim(passage: str, text: str) -> bool:
    """The passage is the clause's own words (a reply opens with a capital where the clause's part did not)."""
    return passage in text or passage[:1].lower() + passage[1:] in text


def test_what_answer_is_verbatim_from_the_clause(assistant):
    reply = assistant.ask("Nhiệm vụ 8 nói gì?")
    assert _passage(reply.answer, "III.8") in reply.citations[0].text


@pytest.mark.parametrize("question, mentions", [
    ("Bộ Công an có nhiệm vụ gì trong kế hoạch?", "Bộ Công an"),
    ("Ban cán sự đảng Chính phủ phải làm gì?", "Ban cán sự đảng Chính phủ"),
    ("Mục V của kế hoạch nói gì?", "V"),
    ("Bảng lương mới của cán bộ năm 2022 thế nào?", ""),
    ("Thời tiết Hà Nội hôm nay ra sao?", ""),
    ("Nghị quyết 4-NQ/TW khóa XII quy định gì?", "4-NQ/TW"),
])
def test_abstains_and_says_what_it_covers(assistant, question, mentions):
    reply = assistant.ask(question)
    assert not reply.found
    assert mentions in reply.message
    assert "03-KH/TW" in reply.message and "cắt sau IV.1.2" in reply.message


def test_ambiguous_phrase_shows_both_clauses(assistant):
    # "thể chế hóa" stands in IV.1.1 and III.10: the best answers, the other is cited
    reply = assistant.ask("thể chế hóa")
    assert {"IV.1.1", "III.10"} <= set(refs(reply)[:3])


def test_follow_up_same_topic(assistant):
    history = ["ai chịu trách nhiệm thể chế hóa?"]
    when = assistant.ask("thời hạn của nhiệm vụ đó?", history)
    assert when.kind == "when" and when.found
    # IV.1.1 gives no timing; the related III.10 does, and the answer cites it first, then IV.1.1
    assert refs(when)[:2] == ["III.10", "IV.1.1"]
    assert "thường xuyên" in when.answer and "IV.1.1" in when.answer
    where = assistant.ask("nó nằm ở mục nào?", history)
    assert where.kind == "where" and where.answer.startswith("IV.1.1")
    bare = assistant.ask("thoi han la khi nao?", history)
    assert refs(bare)[:2] == ["III.10", "IV.1.1"]


def test_a_follow_up_to_a_turn_the_plan_did_not_answer_is_not_answered_from_it(assistant):
    # the earlier turn asks about a part the copy lacks: its closest clause's timing is no answer
    reply = assistant.ask("Thời hạn là khi nào?", ["Xin hỏi phần IV có nói Đảng đoàn Mặt trận Tổ quốc làm gì không?"])
    assert not reply.found and reply.confidence in ("low", "none")
    # after an answered turn the same follow-up keeps its topic
    kept = assistant.ask("thoi han la khi nao?", ["ai chịu trách nhiệm thể chế hóa?"])
    assert kept.found and kept.signals["rule"] == "follow-up"


def test_follow_up_new_topic_keeps_the_question(assistant):
    reply = assistant.ask("còn Ban Tổ chức Trung ương thì sao?", ["ai chịu trách nhiệm thể chế hóa?"])
    assert reply.found and refs(reply)[0] == "II.2"
    first = assistant.ask("Thời hạn của nhiệm vụ 3?")
    assert first.kind == "when" and refs(first)[0] == "III.3"
    nxt = assistant.ask("còn nhiệm vụ 7 thì sao?", ["Thời hạn của nhiệm vụ 3?"])
    assert nxt.kind == "when" and refs(nxt)[0] == "III.7" and nxt.answer.startswith("Từ năm 2022")


def test_self_contained_question_ignores_history(assistant):
    alone = assistant.ask("Ai ký kế hoạch?")
    with_history = assistant.ask("Ai ký kế hoạch?", ["thời hạn nhiệm vụ 5?"])
    assert alone.to_dict() == with_history.to_dict()


def test_gradio_style_history(assistant):
    history = [{"role": "user", "content": "ai chịu trách nhiệm thể chế hóa?"},
               {"role": "assistant", "content": "Đảng đoàn Quốc hội (IV.1.1)."}]
    assert refs(assistant.ask("nó nằm ở mục nào?", history))[0] == "IV.1.1"


@pytest.mark.parametrize("question", [
    "", "   \n\t ", "?!?...", "😀🙏🔥", "\x00\x01\x02\x1b\x7f",
])
def test_empty_input_gets_a_clear_message(assistant, question):
    reply = assistant.ask(question)
    assert reply.kind == "invalid" and not reply.found and reply.message
    json.dumps(reply.to_dict(), ensure_ascii=False)


def test_control_characters_inside_a_question_are_dropped(assistant):
    reply = assistant.ask("ai chịu\x00 trách\x1b nhiệm thể\u200b chế hóa?")
    assert reply.found and reply.citations[0].ref == "IV.1.1"


def test_huge_input_is_capped_not_crashing(assistant):
    huge = "ai chịu trách nhiệm thể chế hóa? " + "lorem ipsum " * 2000
    reply = assistant.ask(huge)
    assert len(huge) > 10_000
    # The reply echoes the question cut as it was read, not the whole input (issue 10).
    assert reply.question.startswith("ai chịu trách nhiệm thể chế hóa? ") and reply.question.endswith(" …")
    assert len(reply.question) <= assistant.config.max_question_chars + 2
    assert "ký tự đầu" in reply.message or not reply.found


def test_html_and_script_are_text(assistant):
    reply = assistant.ask("<img src=x onerror=alert(1)> ai chịu trách nhiệm thể chế hóa?")
    assert reply.found and reply.citations[0].ref == "IV.1.1"
    only_tags = assistant.ask("<script>alert(1)</script>")
    assert not only_tags.found


def test_english_question(assistant):
    reply = assistant.ask("What is the weather today?")
    assert not reply.found and "tiếng Việt" in reply.message


@pytest.mark.parametrize("question, kind, ref", [
    ("what does the plan ask the press to do?", "what", "II.2"),
    ("what does the plan say about confidence votes (lấy phiếu tín nhiệm)?", "what", "III.5"),
    ("deadline for localities to issue their own implementation plans?", "when", "III.2"),
])
def test_a_question_in_english_is_read_for_its_topic(assistant, question, kind, ref):
    # the English words are the asker's language, not things the plan never mentions: no refusal
    reply = assistant.ask(question)
    assert (reply.found, reply.confidence, reply.kind, reply.citations[0].ref) == (True, "high", kind, ref)


@pytest.mark.parametrize("value", [None, 42, ["a"], b"bytes"])
def test_non_string_question(assistant, value):
    reply = assistant.ask(value)
    assert isinstance(reply.answer, str)


def test_modes_share_the_index(assistant):
    lexical = assistant.with_options(retrieval_mode="lexical")
    dense = assistant.with_options(retrieval_mode="dense")
    assert lexical.index is assistant.index and dense.embedder is assistant.embedder
    assert lexical.ask("ai chịu trách nhiệm thể chế hóa?").citations[0].ref == "IV.1.1"
    assert len(dense.ask("thể chế hóa").citations) >= 3


def test_to_dict_keys(assistant):
    d = assistant.ask("ai chịu trách nhiệm thể chế hóa?").to_dict()
    assert {"question", "answer", "found", "kind", "message", "citations"} <= set(d)
    assert set(d["citations"][0]) >= {"doc", "ref", "label", "text", "score"}


def test_date_of_a_document_the_plan_cites(assistant):
    reply = assistant.ask("Kết luận số 01-KL/TW của Bộ Chính trị ra ngày nào?")
    assert reply.found and "18/5/2021" in reply.answer and reply.citations[0].ref == "I.2"
    own = assistant.ask("ngày ban hành của kế hoạch 03?")
    assert "01/12/2021" in own.answer and [c.ref for c in own.citations[:2]] == ["header", "meta"]
    follow = assistant.ask("còn Kết luận 19 thì sao?", ["Kết luận 21 được ban hành ngày nào?"])
    assert "14/10/2021" in follow.answer and follow.citations[0].ref == "IV.1.2"


def test_a_section_answers_with_its_parts(assistant):
    reply = assistant.ask("đảng đoàn quốc hội được giao những việc gì?")
    assert refs(reply)[:3] in (["IV.1", "IV.1.1", "IV.1.2"], ["IV.1.1", "IV.1.2", "IV.1"]) or \
        refs(reply)[0] in ("IV.1.1", "IV.1.2")
    section = assistant.ask("Mục I gồm những gì?")
    assert refs(section)[:4] == ["I", "I.1", "I.2", "I.3"] and "gồm 3 nội dung" in section.answer


def test_what_answer_picks_the_matching_sentence(assistant):
    reply = assistant.ask("Phải làm gì với tài sản bị thất thoát?")
    assert reply.citations[0].ref == "III.8"
    assert "thất thoát" in reply.answer and _verbatim(_passage(reply.answer, "III.8"), reply.citations[0].text)


def test_ordinal_task(assistant):
    reply = assistant.ask("nhiệm vụ trọng tâm thứ hai là gì?")
    assert reply.citations[0].ref == "III.2"


def test_who_names_the_actor_of_the_matching_sentence(assistant):
    reply = assistant.ask("Nơi có biểu hiện mất đoàn kết thì ai phải xem xét, gợi ý kiểm điểm?")
    assert reply.citations[0].ref == "III.4"
    assert reply.answer.startswith("Cấp ủy cấp trên") and "chủ thể chung" in reply.answer  # a sentence starts in capitals


def test_body_follow_up_states_its_role_and_task(assistant):
    reply = assistant.ask("còn Ban Tổ chức Trung ương thì sao?", ["ai chịu trách nhiệm thể chế hóa?"])
    assert reply.answer.startswith("Ban Tổ chức Trung ương phối hợp với Ban Tuyên giáo Trung ương (chủ trì) (II.2): hướng dẫn")


def test_who_quotes_the_bodies_as_the_clause_lists_them(assistant):
    reply = assistant.ask("HN toàn quốc quán triệt KL 21 do ai tc?")
    assert reply.citations[0].ref == "II.1"
    assert reply.answer == "Bộ Chính trị, Ban Bí thư (II.1)."  # II.1: «Bộ Chính trị, Ban Bí thư tổ chức…»


def test_a_follow_up_keeps_a_topic_whose_turn_lacked_only_the_kind_of_answer_asked(assistant):
    # "làm thế nào?" finds no procedure, but a clause on self-inspection: "how often" asks about it
    reply = assistant.ask("Hằng năm hay bao lâu?", history=["Cái khoản tổ chức đảng tự kiểm tra là làm thế nào?"])
    assert (reply.confidence, reply.citations[0].ref) == ("high", "III.9")
    assert reply.answer.startswith("Thực hiện thường xuyên")
    # a topic the plan does not hold at all is still not followed (part IV is cut)
    reply = assistant.ask("Thời hạn là khi nào?", history=["Xin hỏi phần IV có nói Đảng đoàn Mặt trận Tổ quốc làm gì không?"])
    assert reply.found is False


def test_a_follow_up_asking_whether_a_time_comes_with_it(assistant):
    # "kèm" (attached) names no topic the plan lacks
    reply = assistant.ask("Có kèm thời hạn ko?", history=["KH03 có nói Mặt trận giám sát không?"])
    assert (reply.confidence, reply.answer) == ("high", "Thực hiện thường xuyên (III.11).")


def test_what_the_asker_needs_told_after_the_question_asks_nothing(assistant):
    reply = assistant.ask("Phần I của KH nói về cái gì vậy, em cần tóm tắt để đọc cho chi bộ trong buổi họp online")
    # answered as the question alone is: the part, its items and the first of them
    alone = assistant.ask("Phần I của KH nói về cái gì vậy")
    assert (reply.kind, reply.confidence, reply.citations[0].ref) == ("what", "high", "I")
    assert reply.answer == alone.answer
    assert reply.answer.startswith("Mục I. Mục đích, yêu cầu (I) gồm 3 nội dung (I.1–I.3): Nhận thức sâu sắc")


def test_how_long_apart_two_dates_are_is_no_rhythm_asked(assistant):
    from qa.ask.kinds.when import asks_often
    from qa.question import analyze

    assert not asks_often(analyze("KL 21 và KH 03, cái nào ban hành trước, cái nào sau, cách nhau bao lâu?"))
    assert asks_often(analyze("Hằng năm hay bao lâu?"))


def test_a_follow_up_asking_about_the_turn_before_needs_no_topic_of_its_own(assistant):
    reply = assistant.ask("nói gì vậy", ["KH có phần nhiệm vụ cho đảng đoàn quốc hội ko"])
    assert reply.found and reply.citations[0].ref == "IV.1.1"
    # alone, or asking nothing ("vậy à"), it still says what is missing
    assert assistant.ask("nói gì vậy").kind == "invalid"
    assert assistant.ask("vậy à", ["Kế hoạch do ai ký?"]).kind == "invalid"
