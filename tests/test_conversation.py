import pytest

from qa.conversation import history_texts, plan_turn, pointed_body
from qa.question import analyze


def test_history_formats():
    assert history_texts(["a", "", {"role": "user", "content": "b"}, {"role": "assistant", "content": "x"},
                          {"role": "user", "content": [{"type": "text", "text": "c"}]}, ("d", "bot"), None, 5]) \
        == ["a", "b", "c", "d"]


def test_pointing_and_bare_follow_ups_keep_the_topic():
    prev = [analyze("ai chịu trách nhiệm thể chế hóa?")]
    for text in ("thời hạn của nhiệm vụ đó?", "nó nằm ở mục nào?", "còn thời hạn thì sao?", "thoi han la khi nao?",
                 "con thoi han thi sao"):  # without accents "thi" is no stop word, but part of the shape
        plan = plan_turn(analyze(text), prev)
        assert plan.mode == "same_topic" and plan.pin_previous, text


def test_an_event_or_matter_pointed_at_keeps_the_topic(assistant):
    prev = [analyze("Dạ em muốn hỏi đợt sinh hoạt chính trị, tư tưởng trong toàn Đảng là gì ạ?")]
    for text in ("Dạ đợt đó triển khai trong thời gian nào ạ?", "Chủ trương đó áp dụng từ khi nào?", "chuyện đó làm khi nào"):
        plan = plan_turn(analyze(text), prev)
        assert plan.mode == "same_topic" and plan.pin_previous, text
    reply = assistant.ask("Dạ đợt đó triển khai trong thời gian nào ạ?", [prev[0].raw])
    assert reply.answer == "Hoàn thành trong quý I/2022 (III.1)."


def test_new_topic_keeps_the_earlier_kind():
    plan = plan_turn(analyze("còn nhiệm vụ 7 thì sao?"), [analyze("Thời hạn của nhiệm vụ 3?")])
    assert plan.mode == "new_topic" and plan.question.kind == "when"
    body = plan_turn(analyze("còn Ban Tổ chức Trung ương thì sao?"), [analyze("ai chủ trì việc này?")])
    assert body.mode == "new_topic" and body.question.kind == "what"
    bare = plan_turn(analyze("con ban to chuc trung uong thi sao"), [analyze("ai chu tri viec nay")])
    assert bare.mode == "new_topic" and bare.question.kind == "what"


def test_self_contained_question_is_standalone():
    plan = plan_turn(analyze("Ai ký kế hoạch?"), [analyze("thời hạn nhiệm vụ 5?")])
    assert plan.mode == "standalone" and not plan.pin_previous


def test_corpus_wide_words_do_not_make_a_topic():
    prev = [analyze("Phòng chống tham nhũng là nhiệm vụ nào?")]
    q = analyze("Thực hiện theo thời hạn nào?")
    assert plan_turn(q, prev).mode == "standalone"
    assert plan_turn(q, prev, common=frozenset({"thuc", "hien"})).mode == "same_topic"


def test_history_of_one_message_or_a_wrong_shape():
    import pytest

    from qa.inputs import InputError

    assert history_texts("ai chịu trách nhiệm?") == ["ai chịu trách nhiệm?"]  # one message, not characters
    assert history_texts({"role": "user", "content": "ai ký?"}) == ["ai ký?"]  # one message, not its keys
    assert history_texts(b"ai k\xc3\xbd?") == ["ai ký?"]
    assert history_texts(["ai\ud800 ký?"]) == ["ai\ufffd ký?"]  # an earlier turn is never re-rejected
    assert history_texts(None) == [] and history_texts(()) == []
    for bad in (5, True, 2.5, object()):
        with pytest.raises(InputError, match="Lịch sử trò chuyện phải là danh sách") as err:
            history_texts(bad)
        assert type(bad).__name__ in str(err.value)


def test_a_short_question_in_words_the_corpus_never_uses_follows_the_topic():
    earlier = [analyze("Kế hoạch có nhắc đến phiếu tín nhiệm không?")]
    knows = {"phiếu", "tín", "nhiệm", "ai"}.__contains__
    assert plan_turn(analyze("đối tượng là ai?"), earlier, knows=knows).mode == "same_topic"
    assert plan_turn(analyze("đối tượng là ai?"), earlier).mode == "standalone"  # without the corpus, unknown
    assert plan_turn(analyze("Ai lấy phiếu tín nhiệm?"), earlier, knows=knows).mode == "standalone"


def test_a_turn_without_a_subject_that_relates_the_earlier_task_follows_it():
    earlier = [analyze("Nhiệm vụ của Đảng đoàn Quốc hội trong kế hoạch là gì?")]
    for turn in ("Gắn với chương trình nào?", "áp dụng với ai?", "Lồng ghép vào văn bản nào?"):
        assert plan_turn(analyze(turn), earlier).mode == "same_topic", turn
    # a subject of its own, or a body named, stands alone
    assert plan_turn(analyze("Chương trình hành động gắn với nghị quyết nào?"), earlier).mode == "standalone"
    assert plan_turn(analyze("Gắn với Ban Tuyên giáo Trung ương thế nào?"), earlier).mode != "same_topic"


def test_the_assistant_answers_such_a_follow_up(assistant):
    reply = assistant.ask("áp dụng với ai?", history=["Kế hoạch có nhắc đến phiếu tín nhiệm không?"])
    assert (reply.confidence, reply.kind, reply.citations[0].ref) == ("high", "who", "III.5")


def test_the_document_that_answered_is_the_one_pointed_at_next(assistant):
    # "văn bản đó" after what the plan implements is that document; after who signed it, the plan
    for first in ("KH 03 thực hiện văn bản nào?", "Xin hỏi kế hoạch 03 ra đời để thực hiện văn bản nào của Trung ương ạ?"):
        for turn in ("Văn bản đó ra ngày nào?", "Nó ra ngày nào?"):
            reply = assistant.ask(turn, [first])
            assert reply.answer == "Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble).", turn
    assert assistant.ask("Văn bản đó ra ngày nào?", ["KH 03 do ai ký?"]).answer.startswith("Ngày ban hành: 01/12/2021")
    # a conclusion pointed at by its kind is the one the earlier turn named
    assert assistant.ask("Số hiệu kết luận đó là gì?", ["Kế hoạch có nhắc tới một kết luận của Bộ Chính trị về học tập và "
                                                         "làm theo tư tưởng, đạo đức Hồ Chí Minh không?"]
                         ).answer.startswith("Kết luận số 01-KL/TW")


def test_a_part_pointed_at_with_a_topic_of_its_own_is_where_to_look(assistant):
    # "trong phần đó": the part the earlier turn named; the turn's own topic is looked for inside it
    reply = assistant.ask("Có yêu cầu kiểm tra giám sát trong phần đó không?", ["Phần I của KH nói gì?"])
    assert (reply.confidence, reply.citations[0].ref) == ("high", "I.3")
    reply = assistant.ask("trong phần đó có nói về lấy phiếu tín nhiệm không?", ["Phần III nói gì?"])
    assert reply.citations[0].ref == "III.5"
    # with no topic of its own, the part itself is still what is asked about
    assert assistant.ask("phần đó có mấy nhiệm vụ?", ["Phần III nói gì?"]).answer.startswith("11 nội dung (III.1–III.11)")


def test_the_term_of_office_asked_by_its_number_follows_the_topic(assistant):
    # "nhiệm kỳ khóa mấy?" after the National Assembly's task: the term IV.1.2 names, not the plan's masthead
    history = ["Nhiệm vụ của Đảng đoàn Quốc hội trong kế hoạch là gì?", "Gắn với chương trình nào?"]
    reply = assistant.ask("Nhiệm kỳ khóa mấy?", history)
    assert (reply.kind, reply.citations[0].ref) == ("count", "IV.1.2") and reply.answer.startswith("Khóa XV (IV.1.2)")
    assert assistant.ask("Nhiệm kỳ khóa mấy?").answer.startswith("Khóa XIII (header)")  # alone: the plan's own


def test_asking_for_more_of_the_same_keeps_the_topic():
    prev = [analyze("Kế hoạch nói gì về nguyên tắc tập trung dân chủ?")]
    for text in ("Cụ thể là phải làm gì?", "nói rõ hơn được không", "chi tiết thế nào?", "cụ thể yêu cầu gì?",
                 "nội dung cụ thể ra sao?"):
        plan = plan_turn(analyze(text), prev)
        assert plan.mode == "same_topic" and plan.pin_previous, text
    # "cụ thể hóa" is a task of the plan, a topic of its own
    assert plan_turn(analyze("Cụ thể hóa kết luận thành luật là việc của ai?"), prev).mode == "standalone"


def test_a_field_of_the_register_is_asked_of_the_document_whatever_the_earlier_topic():
    held = frozenset({("kh", 3)})
    about_plan = [analyze("Kế hoạch 03 nói về chuyện gì?")]
    common = frozenset({"ban", "hanh"})  # too frequent to name a topic: "ai ban hành?" has none
    assert plan_turn(analyze("Ai ban hành vậy?"), about_plan, common, held=held).mode == "standalone"
    assert plan_turn(analyze("Ai ban hành vậy?"), about_plan, common).mode == "same_topic"  # KH 03 not held
    # a document the plan only cites stays the topic ("nó"), and so does a number asked after a topic
    cited = [analyze("Kết luận 21 có được nhắc đến không?")]
    assert plan_turn(analyze("nó ban hành ngày nào?"), cited, common, held=held).mode == "same_topic"
    law = [analyze("Kế hoạch có nói gì về chất lượng làm luật không?")]
    assert plan_turn(analyze("theo kết luận số mấy?"), law, frozenset({"ket", "luan"}), held=held).mode == "same_topic"


def test_the_assistant_answers_the_issuer_after_a_question_on_the_content(assistant):
    reply = assistant.ask("Ai ban hành vậy?", history=["Kế hoạch 03 nói về chuyện gì?"])
    assert (reply.confidence, reply.kind) == ("high", "meta") and reply.answer.startswith("Bộ Chính trị (03-KH/TW")


def test_a_date_asked_of_a_document_the_earlier_turn_cites_is_that_documents():
    held = frozenset({("kh", 3)})
    cited = [analyze("Kết luận 01-KL/TW có được nhắc đến không?")]
    # "kết luận do ai ban hành?": the conclusion just mentioned ("do" is "by" here, as without accents)
    for text in ("nó ban hành ngày nào?", "ket luan do ban hanh ngay nao", "kết luận do ai ban hành?",
                 "ket luan do ai ban hanh?"):
        plan = plan_turn(analyze(text), cited, held=held, reread=analyze)
        assert plan.mode == "standalone" and plan.question.doc_keys == (("kl", 1),), text
    # the plan's own document, or no document pointed at, is no cited one
    own = [analyze("Kế hoạch 03 do ai ban hành?")]
    assert plan_turn(analyze("nó ban hành ngày nào?"), own, held=held, reread=analyze).question.doc_keys == ()
    assert plan_turn(analyze("kế hoạch do ai ban hành?"), cited, held=held, reread=analyze).question.doc_keys == ()
    assert plan_turn(analyze("ai ban hành?"), cited, held=held, reread=analyze).question.doc_keys == ()


def test_the_assistant_gives_the_cited_documents_date(assistant):
    reply = assistant.ask("nó ban hành ngày nào?", history=["Kết luận 01-KL/TW có được nhắc đến không?"])
    assert (reply.confidence, reply.answer) == (
        "high", "Kết luận số 01-KL/TW: ngày 18/5/2021, của Bộ Chính trị (I.2).")


def test_a_document_pointed_at_in_the_earlier_reply_is_the_one_its_clause_cites():
    from qa.conversation import cited_in_topic

    held = frozenset({("kh", 3)})
    preamble = "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng"
    plan = cited_in_topic(analyze("kết luận đó ban hành ngày nào?"), preamble, held, analyze)
    assert plan is not None and plan.question.doc_keys == (("kl", 21),)
    # "nó" alone may be the earlier turn's task; another kind of document is not pointed at;
    # how often a task runs ("định kỳ") is no date of issue
    assert cited_in_topic(analyze("nó ban hành ngày nào?"), preamble, held, analyze) is None
    assert cited_in_topic(analyze("nghị quyết đó ban hành ngày nào?"), preamble, held, analyze) is None
    assert cited_in_topic(analyze("the ket luan do lam thuong xuyen hay dinh ky"), preamble, held, analyze) is None


def test_the_assistant_dates_the_conclusion_its_earlier_reply_cited(assistant):
    reply = assistant.ask("kết luận đó ban hành ngày nào?", history=["Kế hoạch 03 thực hiện kết luận nào?"])
    assert reply.answer == "Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble)."
    # the plan itself, named in the earlier turn, is dated by its own register
    own = assistant.ask("nó ban hành ngày nào?", history=["Kế hoạch 03 do ai ban hành?"])
    assert own.answer.startswith("Ngày ban hành: 01/12/2021 (03-KH/TW")


def test_the_day_asked_after_the_issuer_is_the_documents_and_an_event_takes_place_on_its_own(assistant):
    # the earlier reply cited the masthead: its day is the plan's issue date, not "no deadline"
    day = assistant.ask("ngày nào?", history=["Kế hoạch 03 là của cơ quan nào ban hành?"])
    assert (day.kind, day.citations[0].ref) == ("when", "header")
    assert day.answer == "Ngày ban hành: 01/12/2021 (03-KH/TW; văn bản ghi: «Hà Nội, ngày 01 tháng 12 năm 2021»)."
    # "diễn ra ngày nào" is when a conference takes place, not the day a document came out
    held = assistant.ask("Hội nghị đó diễn ra ngày nào?", history=["Ai tổ chức hội nghị cán bộ toàn quốc?"])
    assert (held.kind, held.answer) == ("when", "Đầu tháng 12/2021 (II.1).")


def test_a_date_asked_after_a_turn_about_a_cited_document_is_that_documents(assistant):
    reply = assistant.ask("Ban hành ngày nào?", history=["Kết luận 21 là của hội nghị nào?"])
    assert (reply.found, reply.answer) == (
        True, "Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble).")
    # after a turn about the plan itself, the plan's own date
    own = assistant.ask("Ban hành ngày nào?", history=["Kế hoạch 03 do ai ban hành?"])
    assert own.answer.startswith("Ngày ban hành: 01/12/2021")


def test_where_after_the_documents_data_is_where_it_was_signed(assistant):
    reply = assistant.ask("ở đâu", history=["KH03 do ai ban hành ạ", "ngày nào"])
    assert (reply.kind, reply.answer) == ("meta", "Hà Nội (03-KH/TW; văn bản ghi: «Hà Nội, ngày 01 tháng 12 năm 2021»).")
    assert assistant.ask("tại đâu?", history=["Kế hoạch 03 ký ngày nào?"]).answer.startswith("Hà Nội (")
    # after a turn about a task, where it is done
    assert assistant.ask("ở đâu?", history=["Tự phê bình làm thế nào?"]).answer.startswith("Trong sinh hoạt đảng (III.4)")


def test_a_yes_no_about_a_deadline_asks_the_earlier_turns_timing(assistant):
    reply = assistant.ask("Có thời hạn không?", history=["Kế hoạch có bảo các địa phương làm kế hoạch riêng không?"])
    assert (reply.kind, reply.found, reply.answer) == ("when", True, "Tháng 12/2021; thực hiện hằng năm từ năm 2022 (III.2).")
    # a deadline asked of a task the plan runs from a year on, with no end: the plan sets none
    open_ended = assistant.ask("Có hạn hoàn thành không?", history=["Kế hoạch có nói tới cải cách thủ tục hành chính không?",
                                                                   "Ở nhiệm vụ thứ mấy?"])
    assert (open_ended.found, open_ended.answer) == \
        (True, "Kế hoạch không đặt thời hạn hoàn thành cho việc này; thời gian ghi là: từ năm 2022 (III.7).")


def test_the_term_asked_after_a_turn_is_that_turns_topics(assistant):
    reply = assistant.ask("Khóa mấy?", history=["Kế hoạch có nói tới bỏ phiếu tín nhiệm ở Quốc hội không?"])
    assert reply.answer.startswith("Khóa XV (III.5): ")
    assert assistant.ask("Kế hoạch 03 thuộc khóa mấy?").answer.startswith("Khóa XIII (header)")


def test_what_the_plan_implements_asked_after_turns_about_its_register(assistant):
    reply = assistant.ask("thực hiện văn bản nào?", history=["KH 03-KH/TW do ai ban hành?", "ngày nào?"])
    assert reply.answer.startswith("Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng")
    number = assistant.ask("Thế kết luận nó thực hiện là số mấy?", history=["Kế hoạch 03 thuộc khóa mấy?"])
    assert number.answer.startswith("Kết luận số 21-KL/TW") and "Số hiệu" not in number.answer
    dated = assistant.ask("Kết luận đó ban hành ngày nào?",
                          history=["Kế hoạch 03 thuộc khóa mấy?", "Thế kết luận nó thực hiện là số mấy?"])
    assert dated.answer == "Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble)."
    came_out = assistant.ask("Ra hồi nào?", history=["Kế hoạch này ai ra vậy?"])
    assert came_out.answer.startswith("Ngày ban hành: 01/12/2021")


def test_a_field_asked_of_a_document_pointed_at_is_that_documents(assistant):
    # its issuer, then, a turn later, its date: the conclusion the first reply cited stays the one asked about
    history = ["Xin cho biết Kế hoạch thực hiện Kết luận nào?", "Kết luận đó do cơ quan nào ban hành?"]
    assert assistant.ask(history[1], history=history[:1]).answer.startswith(
        "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng")
    assert assistant.ask("Ban hành ngày nào?", history=history).answer == \
        "Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble)."
    # a document the plan only cites: its signer is not in the plan
    signer = assistant.ask("thế kết luận đó ai ký?", history=["Kế hoạch có nhắc Kết luận 19 không?"])
    assert (signer.confidence, signer.signals["rule"]) == ("low", "cited")
    assert signer.answer.startswith("Kế hoạch chỉ nhắc đến 19-KL/TW, không ghi người ký của văn bản đó")


def test_where_after_a_task_and_its_timing_is_the_tasks_place(assistant):
    # "Làm khi nào?" leaned on the task: "nằm ở mục mấy?" asks the task's place, not where the plan was signed
    reply = assistant.ask("Cái này nằm ở mục mấy?",
                          history=["Trong kế hoạch có nói tới phòng chống tham nhũng không ạ", "Làm khi nào?"])
    assert reply.answer == "III.8 — Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 8"
    # a part named as where to look keeps the earlier turn's topic
    inside = assistant.ask("Nằm ở nhiệm vụ số mấy của phần III?",
                           history=["Kế hoạch có nói về chống tham nhũng, tiêu cực không?"])
    assert inside.answer == "III.8 — Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 8"
    # a part asked about itself stands alone
    assert assistant.ask("Phần III nằm ở đâu?", history=["Kế hoạch có mấy phần?"]).answer == \
        "III — Mục III. Nhiệm vụ trọng tâm"


def test_a_follow_up_leans_on_the_last_turn_with_a_topic():
    common = frozenset({"thuc", "hien"})
    first, second = analyze("Nhiệm vụ lấy phiếu tín nhiệm nằm ở đâu trong KH?"), analyze("ai thực hiện?")
    plan = plan_turn(analyze("thực hiện khi nào?"), [first, second], common)
    assert (plan.mode, plan.context) == ("same_topic", f"{first.text} {second.text}")
    # a turn with a topic of its own is the whole context
    plan = plan_turn(analyze("khi nào?"), [first, analyze("còn kiểm tra đảng viên thì sao?")], common)
    assert plan.context == "còn kiểm tra đảng viên thì sao?"


def test_a_task_number_asked_within_a_named_part_keeps_the_topic(assistant):
    for text in ("Nằm ở nhiệm vụ số mấy mục III?", "Nằm ở nhiệm vụ số mấy của mục III?"):
        reply = assistant.ask(text, history=["Phiếu tín nhiệm theo KH 03?"])
        assert reply.answer == "III.5 — Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 5", text


@pytest.mark.parametrize("history, text, ref", [
    (["Phần I có mấy ý?"], "ý cuối nói gì?", "I.3"),
    (["Phần III có bao nhiêu nhiệm vụ trọng tâm?"], "Nhiệm vụ cuối cùng là gì?", "III.11"),
    ([], "ý cuối của phần II nói gì?", "II.3"),
])
def test_the_last_item_is_the_highest_numbered_of_its_part(assistant, history, text, ref):
    reply = assistant.ask(text, history=history)
    assert (reply.found, reply.confidence, reply.citations[0].ref) == (True, "high", ref)


def test_an_actor_named_after_a_turn_is_a_topic_of_its_own():
    common = frozenset({"chi", "co", "quan", "dang", "vien"})  # "báo" also asks ("bao giờ"): no topic word is left
    prev = [analyze("Bí thư cấp ủy các cấp có trách nhiệm gì?")]
    press = plan_turn(analyze("Còn các cơ quan báo chí thì sao?"), prev, common)
    assert press.mode == "new_topic" and press.question.kind == "what"
    # … unless every word of it is the whole corpus's ("đảng viên": the earlier turn's topic, asked of them)
    assert plan_turn(analyze("còn đảng viên thì sao?"), prev, common).mode == "same_topic"


def test_a_turn_that_asks_its_own_what_is_not_given_the_earlier_kind():
    prev = [analyze("Vụ học tập quán triệt KL 21 ai chịu trách nhiệm?"), analyze("Xong trước tháng mấy?")]
    plan = plan_turn(analyze("Còn báo chí thì phải làm gì?"), prev)
    assert plan.mode == "new_topic" and plan.question.kind == "what"
    assert plan_turn(analyze("Còn báo chí thì sao?"), prev).question.kind == "when"


@pytest.mark.parametrize("text", ["bao lâu một lần?", "Làm theo đợt hay làm liên tục?", "Làm theo đợt hay làm hoài?"])
def test_how_often_asks_the_earlier_turns_task(text):
    plan = plan_turn(analyze(text), [analyze("Lấy phiếu tín nhiệm nằm ở đâu?")])
    assert (plan.mode, plan.question.kind) == ("same_topic", "when")


def test_the_gist_after_a_topic_is_that_topics(assistant):
    reply = assistant.ask("nội dung chính là gì ạ", ["Nhiệm vụ đổi mới MTTQ, đoàn thể nằm ở đâu ạ"])
    assert (reply.kind, reply.citations[0].ref) == ("what", "III.11")
    # after a turn about the register, the document's own
    assert assistant.ask("nội dung chính là gì?", ["Kế hoạch 03 ai ký?"]).citations[0].ref == "title"


def test_the_assistant_answers_the_press_after_the_leaders(assistant):
    reply = assistant.ask("Còn các cơ quan báo chí thì sao?",
                          ["Tôi muốn hỏi về việc học tập, quán triệt Kết luận ở các cấp.",
                           "Bí thư cấp ủy các cấp có trách nhiệm gì?"])
    assert reply.answer.startswith("Chỉ đạo các cơ quan báo chí tuyên truyền nội dung Kết luận")
    assert reply.citations[0].ref == "II.2"


def test_a_short_turn_narrows_the_topic_before_it():
    first, second = analyze("Lấy phiếu tín nhiệm có trong kế hoạch không?"), analyze("áp dụng cho ai?")
    plan = plan_turn(analyze("bao lâu một lần?"), [first, second])
    assert (plan.mode, plan.context) == ("same_topic", f"{first.text} {second.text}")


def test_a_follow_up_typed_without_accents_reads_thi_as_thi(assistant):
    # "thi" is "thì" here, no topic of the turn's own; "thi đua" is one
    reply = assistant.ask("the bao gio thi lam xong?", ["ke hoach noi gi ve tham nhung"])
    assert (reply.kind, reply.citations[0].ref) == ("when", "III.8")
    first = analyze("ke hoach noi gi ve tham nhung")
    assert plan_turn(analyze("con thi dua khen thuong thi sao?"), [first]).mode != "same_topic"


def test_trong_do_after_a_part_is_that_part(assistant):
    reply = assistant.ask("trong đó có yêu cầu kiểm tra, giám sát không ạ?", ["Phần I của kế hoạch nói về cái gì ạ?"])
    assert (reply.confidence, reply.citations[0].ref) == ("high", "I.3")
    reply = assistant.ask("trong đó nhiệm vụ nào nói về tham nhũng?", ["Phần III có mấy nhiệm vụ?"])
    assert reply.answer.startswith("III.8")
    # a topic of the corpus's commonest words is a topic still ("công tác cán bộ")
    reply = assistant.ask("trong đó nhiệm vụ về công tác cán bộ là mục mấy?", ["Phần III của KH là gì ạ?"])
    assert reply.answer.startswith("III.7")


def test_a_time_asked_in_chat_shorthand_follows_the_task(assistant):
    reply = assistant.ask("tg thực hiện?", ["nhiệm vụ về tự phê bình và phê bình là nhiệm vụ số mấy"])
    assert (reply.kind, reply.answer) == ("when", "Thực hiện hằng năm, từ năm 2021 (III.4).")


def test_a_follow_up_in_english_is_read_as_english(assistant):
    reply = assistant.ask("Does it mention people's trust?", ["What are the purposes of the plan?"])
    assert (reply.confidence, reply.citations[0].ref) == ("high", "I.2")
    assert assistant.ask("Which section of the plan lists the key tasks?").answer == "III — Mục III. Nhiệm vụ trọng tâm"


def test_a_rhythm_offered_as_the_answer_is_no_topic_of_the_turn(assistant):
    first = analyze("Lấy phiếu tín nhiệm có trong kế hoạch không?")
    for text in ("vậy làm khi nào, định kỳ hay sao ta?", "thường xuyên hay định kỳ?"):
        assert plan_turn(analyze(text), [first]).mode == "same_topic", text
    reply = assistant.ask("vậy làm khi nào, định kỳ hay sao ta?", ["Lấy phiếu tín nhiệm có trong kế hoạch hông?"])
    assert reply.citations[0].ref == "III.5"
    assert plan_turn(analyze("còn tự phê bình thì làm khi nào?"), [first]).mode == "new_topic"


def test_a_body_pointed_at_is_found_where_its_name_goes():
    assert pointed_body("Cơ quan đó phải làm gì với luật, pháp lệnh?") == (0, 10)
    assert pointed_body("Họ phải làm gì với legislative programme?") == (0, 2)
    assert pointed_body("vay ho phai lam j") == (4, 6)  # typed without accents: "ho" opening what they must do
    assert pointed_body("Trách nhiệm của họ là gì?") == (16, 18)
    assert pointed_body("ho chi minh") is None and pointed_body("Cơ quan nào chủ trì?") is None


def test_the_body_the_earlier_who_reply_named_is_the_one_pointed_at(assistant):
    history = ["Mình cần câu đố về phần IV", "phần đó bắt đầu bằng cơ quan nào?"]
    assert assistant.ask(history[1], history[:1]).answer == "Đảng đoàn Quốc hội (IV.1)."
    reply = assistant.ask("cơ quan đó phải đưa nội dung kết luận vào đâu?", history)
    assert (reply.confidence, reply.citations[0].ref) == ("high", "IV.1.1")
    assert reply.answer.startswith("Thể chế hóa, cụ thể hóa nội dung Kết luận thành quy định trong các luật")
    assert reply.resolved_question == "Đảng đoàn Quốc hội phải đưa nội dung kết luận vào đâu?"  # shown as read
    # after a question that is no who-question, "họ" is left to the follow-up rules
    assert assistant._plan("Họ phải làm gì?", ["Phần IV nói về gì?"])[0] == "Họ phải làm gì?"


def test_the_number_asked_after_the_document_a_turn_names_is_that_document_s(assistant):
    reply = assistant.ask("số mấy thế ạ", history=["cái kết luận mà kế hoạch này thực hiện ấy"])
    assert "21-KL/TW" in reply.answer and "03-KH/TW" not in reply.answer
    # after a turn about the plan itself, its own number
    own = assistant.ask("số hiệu?", history=["KH 03 ban hành ngày nào?"])
    assert own.answer == "Số hiệu: 03-KH/TW (03-KH/TW)."


def test_how_often_with_its_rhythm_word_follows_the_earlier_topic(assistant):
    reply = assistant.ask("định kỳ bao lâu một lần?", history=["KH 03 nói gì về lấy phiếu tín nhiệm"])
    assert (reply.kind, reply.citations[0].ref) == ("when", "III.5")
    assert reply.answer.startswith("Năm thứ 3, nhiệm kỳ Đại hội Đảng")


def test_what_it_requires_asked_after_a_topic_elaborates_it_and_a_third_turn_dates_it(assistant):
    history = ["KH 03 có nhắc đến lấy phiếu tín nhiệm không ạ?", "Nội dung cụ thể yêu cầu gì?"]
    second = assistant.ask(history[1], history=history[:1])
    assert (second.kind, second.citations[0].ref) == ("what", "III.5")
    third = assistant.ask("Timeline?", history=history)
    assert (third.kind, third.confidence, third.citations[0].ref) == ("when", "high", "III.5")


@pytest.mark.parametrize("text", ["Xin trích nguyên văn câu đó.", "trích nguyên văn giúp tôi", "tóm tắt giúp tôi"])
def test_a_turn_that_asks_only_for_the_replys_form_follows_the_topic(text):
    plan = plan_turn(analyze(text), [analyze("Kế hoạch có nhắc đến Nghị quyết Đại hội XIII của Đảng không?")])
    assert plan.mode == "same_topic" and plan.pin_previous


def test_the_quote_asked_after_a_yes_no_question_is_the_clause_it_found(assistant):
    reply = assistant.ask("trích nguyên văn câu đó", ["Kế hoạch có nói về lấy phiếu tín nhiệm không?"])
    assert reply.found and reply.citations[0].ref == "III.5"
    assert reply.answer.startswith("Tiếp tục thực hiện việc lấy phiếu tín nhiệm")


def test_bodies_pointed_at_lean_on_the_earlier_turn(assistant):
    earlier = [analyze("chống TN có nhắc cơ quan tư pháp ko")]
    for turn in ("yêu cầu gì với mấy cơ quan đó", "tổ chức ấy phải làm gì"):
        assert plan_turn(analyze(turn), earlier).mode == "same_topic", turn
    reply = assistant.ask("yêu cầu gì với mấy cơ quan đó", ["chống TN có nhắc cơ quan tư pháp ko"])
    assert reply.citations[0].ref == "III.8"


@pytest.mark.parametrize("history, question", [
    (["Nhiệm vụ về lấy phiếu tín nhiệm"], "Ở QH thì thế nào?"),
    (["Xin hỏi việc lấy phiếu tín nhiệm có làm cả trong Ban Chấp hành Trung ương không ạ?"], "Còn ở Quốc hội thì sao ạ?"),
])
def test_moving_on_to_a_body_the_earlier_clause_names_asks_what_that_clause_says_of_it(assistant, history, question):
    # III.5 names the National Assembly; IV.1 (its Party delegation's own tasks) is not what is asked
    reply = assistant.ask(question, history=history)
    assert (reply.confidence, reply.citations[0].ref) == ("high", "III.5")
    assert reply.answer.startswith("Trong Quốc hội khóa XV đối với các chức danh do Quốc hội bầu và phê chuẩn")


def test_moving_on_to_a_body_the_earlier_clause_does_not_name_is_a_new_topic(assistant):
    reply = assistant.ask("Còn tỉnh ủy thì sao?", history=["Đảng đoàn Quốc hội làm gì?"])
    assert (reply.confidence, reply.signals["rule"]) == ("low", "cut-part")


def test_words_all_of_the_earlier_clause_ask_about_that_clause(assistant):
    # III.4 holds "kiểm tra, giám sát việc sửa chữa, khắc phục khuyết điểm của cấp ủy cấp dưới": who checks
    # is the higher committee that the sentence is about, not the one whose faults are fixed (nor III.9's
    # inspection commissions, which use the same words elsewhere)
    history = ["Nhiệm vụ 4 trong KH 03 nói gì?", "mốc thời gian là khi nào?"]
    reply = assistant.ask("ai phải kiểm tra việc khắc phục?", history=history)
    assert reply.citations[0].ref == "III.4"
    assert reply.answer.startswith("Cấp ủy cấp trên (III.4); chủ thể chung của mục:")


def test_a_follow_up_that_repeats_the_earlier_topic_or_names_a_phrase_the_clause_lacks_is_asked_anew(assistant):
    # the earlier reply found "nêu gương" in I.2 (a rule's title); asked again, it is III.4's
    reply = assistant.ask("ai phải nêu gương?", history=["Nêu gương có trong kế hoạch không?"])
    assert reply.answer.startswith("Cán bộ, đảng viên (III.4)")
    # "chỉ tiêu" is not "chi phối" and "tiêu cực" of III.8: no target is set, said as the closest
    reply = assistant.ask("nếu có thì chỉ tiêu thu hồi năm 2022 là bao nhiêu?",
                          history=["KH 03 có nói về thu hồi tài sản tham nhũng, thất thoát không?"])
    assert reply.confidence == "low"


def test_a_yes_no_whose_verb_takes_no_object_asks_about_the_earlier_task():
    earlier = [analyze("Đợt sinh hoạt chính trị sâu rộng về xây dựng Đảng bao giờ phải xong?")]
    assert plan_turn(analyze("chi bộ bệnh viện công có phải tham gia không?"), earlier).mode == "same_topic"
    assert plan_turn(analyze("Xã biên giới có phải làm không?"), earlier).mode == "same_topic"
    # with an object of its own it asks that
    assert plan_turn(analyze("chi bộ có phải làm kế hoạch riêng không?"), earlier).mode == "standalone"


def test_a_rhythm_checked_yes_or_no_is_of_the_earlier_task(assistant):
    reply = assistant.ask("Làm hằng năm hả?", history=["Nhiệm vụ 4 nói gì?"])
    assert reply.answer == "Có. Thực hiện hằng năm, từ năm 2021 (III.4)."
    reply = assistant.ask("Có làm hằng năm không?", history=["Nhiệm vụ 5 nói gì?"])
    assert reply.answer.startswith("Không. Năm thứ 3, nhiệm kỳ Đại hội Đảng")
    # a noun that asks the time is the slot, not a topic ("mốc thời gian")
    reply = assistant.ask("mốc thời gian thực hiện?", history=["Nhiệm vụ số 5 trong KH 03 là gì?"])
    assert reply.citations[0].ref == "III.5"


@pytest.mark.parametrize("history, question", [
    (["Kế hoạch 03 thực hiện kết luận nào?"], "Kết luận đó được thông qua khi nào?"),
    (["KH 03 ra ngay mo?", "rua no thuc hien ket luan nao?"], "ket luan do TW thong qua khi mo?"),
])
def test_when_the_document_the_earlier_reply_cited_was_adopted(assistant, history, question):
    assert assistant.ask(question, history=history).answer == \
        "Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble)."


def test_whether_those_named_take_part_in_the_task_followed_is_answered(assistant):
    reply = assistant.ask("Xã biên giới có phải làm không?", history=["Ai phải làm theo kế hoạch này?"])
    assert reply.confidence == "high"
    # a verb whose object comes before it is no bare one
    assert plan_turn(analyze("Có giao tiền cho xã làm hông?"),
                     [analyze("Tỉnh ủy Tây Ninh phải làm gì theo kế hoạch?")]).mode == "standalone"



def test_the_conclusion_pointed_at_after_asking_what_the_plan_implements_is_that_one(assistant):
    # whatever the middle turn asks of it (here a plenum the plan does not number), "Kết luận đó" is
    # Kết luận 21, and a date asked next is its date, not the plan's
    reply = assistant.ask("Ban hành vào tháng nào?", history=[
        "Kế hoạch 03 là để thực hiện kết luận nào?", "Kết luận đó của Hội nghị Trung ương lần thứ mấy?"])
    assert (reply.found, reply.citations[0].ref) == (True, "preamble")
    assert reply.answer == "Kết luận số 21-KL/TW: ngày 25/10/2021, của Ban Chấp hành Trung ương Đảng (preamble)."


@pytest.mark.parametrize("history, question, ref", [
    (["Mục IV.1 có mấy ý?"], "Ý thứ hai nói gì?", "IV.1.2"),
    (["Mục IV.1 nói gì?", "Gồm mấy điểm?"], "Điểm thứ hai nói gì?", "IV.1.2"),
    (["Phần II có mấy ý?"], "ý thứ 3 là gì", "II.3"),
    (["Phần II có mấy đoạn?"], "Đoạn cuối giao cho ai?", "II.3"),
    (["KH 03 có giao nhiệm vụ cho Đảng đoàn QH ko?", "Cụ thể gồm mấy điểm?"], "Điểm thứ hai nói gì?", "IV.1.2"),
    # … by whatever noun the earlier turn counted them with
    (["Part I có mấy yêu cầu?"], "Yêu cầu thứ hai nói gì?", "I.2"),
    (["Part II có mấy bước?"], "Bước cuối là gì?", "II.3"),
])
def test_a_point_named_by_its_number_alone_is_one_of_the_part_named_before(assistant, history, question, ref):
    reply = assistant.ask(question, history=history)
    assert (reply.found, reply.citations[0].ref) == (True, ref)


def test_a_body_named_as_where_narrows_the_place_pointed_at_before(assistant):
    # "Ở QH thì …" after "nhiệm vụ số 5": within task 5 (whom it is done to in the Assembly), not the Assembly's
    # own task in part IV
    reply = assistant.ask("Ở QH thì áp dụng cho ai?", history=["nhiệm vụ số 5 nói về cái gì vậy?"])
    assert (reply.citations[0].ref, reply.answer) == ("III.5", "Các chức danh do Quốc hội bầu và phê chuẩn (III.5).")
    reply = assistant.ask("Trong Ban Chấp hành Trung ương thì lấy phiếu ai?", history=["Nhiệm vụ 5 là gì?"])
    assert reply.answer == "Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư (III.5)."
