"""qa.render: escaping, highlighting, reply layout and the plan reader, on inline fixtures."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from qa.render import (
    ABSENT_TITLE,
    CUT_MARK,
    LOW_TITLE,
    NOT_FOUND_TITLE,
    READ_AS,
    REQUEST_TITLE,
    SOURCES_TITLE,
    UNCLEAR_TITLE,
    Coverage,
    anchor_id,
    highlight,
    question_terms,
    reader_choices,
    render_context,
    render_plan,
    render_question,
    render_follow_up_question,
    render_reply,
    reply_from_dict,
    reply_text,
    section_of,
    short_title,
    source_citation,
    suggestions,
)
from qa.types import Citation, Clause, Reply

INJECTION = "<img src=x onerror=alert(1)>"
SCRIPT = '"><script>alert("x")</script>'

# The only markup qa.render may produce; anything else came from the input.
# Buttons (copy, open the reader, ask a suggestion) carry no handler: the app's page script
# acts on their class (since issue 11).
ALLOWED_TAGS = {"div", "p", "blockquote", "mark", "span", "details", "summary", "ol", "li", "br",
                "h2", "h3", "h4", "h5", "h6", "button"}
ALLOWED_ATTRS = {"class", "id", "title", "open", "type"}

DOC_TITLE = "Kế hoạch 03-KH/TW năm 2021 thực hiện Kết luận 21-KL/TW"
LABEL_IV11 = "Mục IV. Nhiệm vụ của đảng đoàn — 1. Đảng đoàn Quốc hội — ý 1"
TEXT_IV11 = ("Thể chế hóa, cụ thể hóa nội dung Kết luận thành quy định trong các luật, pháp lệnh, "
             "nghị quyết của Quốc hội và Ủy ban Thường vụ Quốc hội.")


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def tags_of(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = TagCollector()
    parser.feed(html)
    return parser.tags


def assert_only_own_markup(html: str) -> None:
    for tag, attrs in tags_of(html):
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}> in {html!r}"
        for name, _ in attrs:
            assert name in ALLOWED_ATTRS, f"unexpected attribute {name!r} on <{tag}> in {html!r}"


def citation(ref: str = "IV.1.1", text: str = TEXT_IV11, label: str = LABEL_IV11, title: str = DOC_TITLE) -> Citation:
    return Citation(doc="ke-hoach-03", ref=ref, label=label, text=text, score=0.9, doc_title=title)


def clause(ref: str, kind: str, text: str, headings: tuple[str, ...] = (), position: int = 0) -> Clause:
    return Clause(doc_id="kh", doc_title="Kế hoạch", ref=ref, label=f"nhãn {ref}", kind=kind,
                  headings=headings, text=text, position=position)


SEC_I = "I- MỤC ĐÍCH, YÊU CẦU"
SEC_IV = "IV- NHIỆM VỤ CỦA ĐẢNG ĐOÀN"
PLAN = [
    clause("title", "title", "Kế hoạch 03-KH/TW", position=0),
    clause("I", "section", SEC_I, (SEC_I,), 1),
    clause("I.1", "bullet", "Nhận thức sâu sắc tính chất.", (SEC_I,), 2),
    clause("IV", "section", SEC_IV, (SEC_IV,), 3),
    clause("IV.1", "heading", "Đảng đoàn Quốc hội", (SEC_IV,), 4),
    clause("IV.1.1", "bullet", "Thể chế hóa nội dung Kết luận.", (SEC_IV, "Đảng đoàn Quốc hội"), 5),
    clause("IV.1.2", "bullet", "Nâng cao chất lượng lập pháp.", (SEC_IV, "Đảng đoàn Quốc hội"), 6),
]


# --- highlighting -------------------------------------------------------------


def test_highlight_marks_question_words_as_phrases():
    got = highlight(TEXT_IV11, "Ai chịu trách nhiệm thể chế hóa?")
    assert got == (
        "<mark>Thể chế hóa</mark>, cụ thể hóa nội dung Kết luận thành quy định trong các luật, "
        "pháp lệnh, nghị quyết của Quốc hội và Ủy ban Thường vụ Quốc hội."
    )


def test_highlight_needs_the_question_neighbour_for_phrase_words():
    # "tổ chức" and "quán triệt" come as pairs; "chức năng" and "cơ quan" are not the question's phrases.
    text = "Cơ quan tổ chức hội nghị quán triệt; chức năng của cơ quan."
    got = highlight(text, "ai to chuc hoi nghi quan triet?")
    assert got == "Cơ quan <mark>tổ chức hội nghị quán triệt</mark>; chức năng của cơ quan."


def test_highlight_single_topic_word_alone():
    assert highlight("Người ký Võ Văn Thưởng; kỳ họp", "ai ký?") == "Người <mark>ký</mark> Võ Văn Thưởng; kỳ họp"
    assert highlight("Người ký Võ Văn Thưởng; kỳ họp", "ai ky?") == "Người <mark>ký</mark> Võ Văn Thưởng; <mark>kỳ</mark> họp"


def test_highlight_without_diacritics_matches_any_accent():
    got = highlight("Đảng đoàn Quốc hội thể chế hóa; Ủy ban Thường vụ.", "dang doan quoc hoi lam gi?")
    assert got == "<mark>Đảng đoàn Quốc hội</mark> thể chế hóa; Ủy ban Thường vụ."


def test_highlight_with_accents_keeps_them_distinct():
    # "thể" asked, "thế" in the text: a different word, not highlighted.
    assert highlight("thế chế, thể chế", "thể chế") == "thế chế, <mark>thể chế</mark>"
    assert highlight("thế chế, thể chế", "the che") == "<mark>thế chế</mark>, <mark>thể chế</mark>"


def test_highlight_accepts_old_tone_placement():
    assert highlight("thể chế hóa", "thể chế hoá") == "<mark>thể chế hóa</mark>"


def test_highlight_ignores_question_and_function_words():
    terms = question_terms("Ai là người chịu trách nhiệm, khi nào?")
    assert terms.pairs == {("=người", "=chịu"), ("=chịu", "=trách"), ("=trách", "=nhiệm")} and not terms.singles
    assert highlight("Ai và khi nào", "ai va khi nao?") == "Ai và khi nào"
    assert not question_terms("nó nằm ở mục nào?")  # a "where" follow-up names no topic


def test_highlight_escapes_text_and_question():
    got = highlight(f"trước {INJECTION} sau", INJECTION)
    assert "<img" not in got
    assert got == "trước &lt;<mark>img src</mark>=<mark>x onerror</mark>=alert(1)&gt; sau"


# --- replies ------------------------------------------------------------------


def test_reply_layout_answer_quote_citation_then_sources():
    reply = Reply(
        question="ai chịu trách nhiệm thể chế hóa?",
        answer="Đảng đoàn Quốc hội",
        found=True,
        kind="who",
        citations=(citation(), citation("III.10", "Tập trung rà soát hoàn thiện pháp luật, thể chế hóa đầy đủ.",
                                        "Mục III — nhiệm vụ 10")),
    )
    html = render_reply(reply)
    assert_only_own_markup(html)
    order = [html.index(s) for s in ('class="qa-answer">Đảng đoàn Quốc hội', '<blockquote class="qa-quote"><mark>Thể chế hóa</mark>',
                                     'class="qa-cite"', "<details", f"<summary>{SOURCES_TITLE} (1)</summary>")]
    assert order == sorted(order)
    # The citation line: document · label · ref.
    assert f'<span class="qa-label">{LABEL_IV11}</span> · <span class="qa-ref"><button type="button" class="qa-go"' in html
    assert '<span class="qa-data">ke-hoach-03#IV.1.1</span></button>' in html  # the reader key: document and ref
    assert f'title="{DOC_TITLE}"' in html
    # The other candidate sits inside the collapsed part with its ref and highlight.
    details = html[html.index("<details"):]
    assert ">III.10<span" in details and "<mark>thể chế hóa</mark>" in details
    assert "<details class=\"qa-sources\">" in html  # collapsed: no "open"


def test_reply_says_how_an_accent_free_question_was_read():
    read = {"read_as": "ai chịu trách nhiệm thể chế hóa <b>"}
    answered = Reply(question="ai chiu trach nhiem the che hoa", answer="Đảng đoàn Quốc hội", found=True, kind="who",
                     citations=(citation(),), signals=read)
    html = render_reply(answered)
    assert_only_own_markup(html)
    line = f'<p class="qa-read-as">{READ_AS}: «ai chịu trách nhiệm thể chế hóa &lt;b&gt;»</p>'
    assert html.index('class="qa-answer">Đảng đoàn Quốc hội</p>' + line) < html.index('class="qa-quote"')
    refused = Reply(question="gia vang", answer="", found=False, kind="what", confidence="none", signals=read)
    assert line in render_reply(refused)
    assert "qa-read-as" not in render_reply(Reply(question="Ai?", answer="Đảng đoàn Quốc hội", found=True, kind="who",
                                                  citations=(citation(),)))


COVERAGE = ("Tài liệu hiện có — 03-KH/TW (Kế hoạch 03-KH/TW năm 2021 về đẩy mạnh xây dựng, chỉnh đốn Đản…): "
            "các mục I–IV; bản trong kho bị cắt sau IV.1.2 (thuộc IV.1 «Đảng đoàn Quốc hội»), nên không có nội dung "
            "các phần tiếp theo.")
CUT_COVERAGE = Coverage("Bản kế hoạch hiện có: 03-KH/TW gồm các mục I–IV và dừng ở IV.1.2; các phần sau không có.",
                        {"03-KH/TW": "IV.1.2"})


def test_reply_not_found_says_why_plainly_without_jargon():
    # Since issue 11: a neutral headline that says why, no «trong kho», no title clipped mid-word.
    reply = Reply(question="Bộ Y tế có nhiệm vụ gì?", answer="Văn bản không đề cập nội dung này.", found=False,
                  kind="what", message="Tài liệu không có nội dung về Bộ Y tế. " + COVERAGE, confidence="none",
                  citations=(citation("III.8", "Tiếp tục đẩy mạnh phòng, chống tham nhũng.", "Mục III — nhiệm vụ 8"),))
    html = render_reply(reply, CUT_COVERAGE)
    assert_only_own_markup(html)
    assert f'<p class="qa-answer">{ABSENT_TITLE}</p>' in html
    assert "Bản kế hoạch hiện có không có nội dung về Bộ Y tế." in html
    assert "dừng ở IV.1.2" in html and "trong kho" not in html and "Đản…" not in html
    assert "Nội dung mục III.8 là gì?" in html and "Xem điều khoản gần nhất (III.8)" in html
    # Without the app's coverage, the core's sentence is reworded in place.
    bare = render_reply(reply)
    assert "bản kế hoạch hiện có dừng ở IV.1.2" in bare and "trong kho" not in bare and "Đản…" not in bare


def test_reply_cut_off_says_the_copy_stops():
    reply = Reply(question="nhiệm vụ tại mục IV.3?", answer="Văn bản không đề cập nội dung này.", found=False,
                  kind="what", message="Tài liệu không có phần IV.3. " + COVERAGE, confidence="none")
    html = render_reply(reply, CUT_COVERAGE)
    assert '<p class="qa-answer">Bản kế hoạch hiện có dừng ở IV.1.2, nên không có nội dung này.</p>' in html


def test_reply_unclear_question_says_so():
    reply = Reply(question="asdf", answer="Văn bản không đề cập nội dung này.", found=False, kind="what",
                  message="Câu hỏi nói về nội dung mà văn bản không nhắc đến. " + COVERAGE, confidence="none",
                  signals={"rule": "off-topic", "coverage": 0.0})
    assert f'<p class="qa-answer">{UNCLEAR_TITLE}</p>' in render_reply(reply, CUT_COVERAGE)


def test_a_request_not_served_says_what_the_assistant_does():
    from qa.ask.requests import MESSAGE

    reply = Reply(question="viết giúp em bài thu hoạch", answer="Văn bản không đề cập nội dung này.", found=False,
                  kind="what", message=f"{MESSAGE} " + COVERAGE, confidence="none", signals={"rule": "request"})
    html = render_reply(reply, CUT_COVERAGE)
    assert f'<p class="qa-answer">{REQUEST_TITLE}</p>' in html and "không viết bài" in html
    assert ABSENT_TITLE not in html


def test_reply_low_is_neutral_and_quotes_the_closest_clause():
    reply = Reply(question="kế hoạch có bao nhiêu đảng viên?", found=False, kind="count", confidence="low",
                  answer="Kế hoạch không nêu con số này; nội dung gần nhất là IV.1.1: «Thể chế hóa…»",
                  message="Kế hoạch không trả lời trực tiếp câu hỏi này. " + COVERAGE,
                  citations=(citation(), citation("III.10", "Tập trung rà soát.", "Mục III — nhiệm vụ 10")))
    html = render_reply(reply, CUT_COVERAGE)
    assert_only_own_markup(html)
    assert f'<p class="qa-answer">{LOW_TITLE}</p><p class="qa-note">Kế hoạch không nêu con số này.</p>' in html
    assert '<blockquote class="qa-quote">Thể chế hóa, cụ thể hóa' in html and "qa-low" in html
    assert "Nội dung mục III.10 là gì?" in html and "Nội dung mục IV.1.1 là gì?" not in html
    text = reply_text(reply, CUT_COVERAGE)
    assert text.splitlines()[0] == LOW_TITLE and "«Thể chế hóa" in text and "<" not in text


def test_reply_not_found_without_answer_uses_default_sentence():
    html = render_reply(Reply(question="q", answer="", found=False, kind="what", message="Chỉ có mục I–IV."))
    assert NOT_FOUND_TITLE in html and "Chỉ có mục I–IV." in html and "<blockquote" not in html


def test_reply_invalid_input_shows_only_the_message():
    message = "Câu hỏi không có chữ nào để tìm; vui lòng nhập câu hỏi bằng tiếng Việt."
    html = render_reply(Reply(question=INJECTION, answer="", found=False, kind="invalid", message=message))
    assert html == f'<div class="qa-reply qa-not-found qa-invalid"><p class="qa-answer">{message}</p></div>'


def test_quote_is_the_clause_the_answer_names():
    reply = Reply(question="thời hạn thì sao?", answer="Thực hiện thường xuyên (III.10).", found=True, kind="when",
                  citations=(citation(), citation("III.10", "Tập trung rà soát (thực hiện thường xuyên).", "nv 10")))
    assert source_citation(reply).ref == "III.10"
    html = render_reply(reply)
    assert html.index("Tập trung rà soát") < html.index('class="qa-cite"')


def test_copy_text_is_plain_answer_quote_citation():
    reply = Reply(question="ai chịu trách nhiệm thể chế hóa?", answer="Đảng đoàn Quốc hội (IV.1.1).", found=True,
                  kind="who", citations=(citation(text=f"Thể chế hóa {INJECTION}"),))
    text = reply_text(reply)
    assert text.splitlines() == ["Đảng đoàn Quốc hội (IV.1.1).", f"«Thể chế hóa {INJECTION}»",
                                 f"— Trích dẫn: {DOC_TITLE} · {LABEL_IV11} · IV.1.1"]
    html = render_reply(reply)
    # The copy button carries the text escaped, hidden, never as markup.
    assert "&lt;img src=x" in html and "<img" not in html and '<button type="button" class="qa-copy"' in html


def test_follow_up_typed_first_asks_what_it_refers_to():
    reply = Reply(question="thời hạn là khi nào?", answer="", found=True, kind="when",
                  citations=(citation("III.4", "Tự phê bình (hằng năm).", "nv 4"), citation("meta", "x", "Thông tin")))
    hints = suggestions(reply, keep_question=True)
    assert hints == ["Mục III.4: thời hạn là khi nào?"]
    html = render_follow_up_question("thời hạn là khi nào?", hints)
    assert_only_own_markup(html)
    assert "nói về việc nào?" in html and '<button type="button" class="qa-ask">Mục III.4: thời hạn là khi nào?' in html


def test_reply_round_trips_through_its_dict():
    reply = Reply(question="q", answer="a", found=True, kind="who", citations=(citation(),), confidence="high",
                  signals={"score": 1.0})
    assert reply_from_dict(reply.to_dict()) == reply


def test_reply_not_found_keeps_nearest_clauses_collapsed():
    reply = Reply(question="x", answer="", found=False, kind="what", message="m", citations=(citation(),))
    html = render_reply(reply)
    assert "<details" in html and "<blockquote" not in html and "IV.1.1" in html


@pytest.mark.parametrize("evil", [INJECTION, SCRIPT, "<a href=javascript:alert(1)>x</a>", "<svg/onload=alert(1)>"])
def test_reply_escapes_every_field(evil):
    cit = citation(ref=f"IV.1.1{evil}", text=f"Thể chế hóa {evil}", label=f"Mục {evil}", title=f"KH {evil}")
    reply = Reply(question=evil, answer=f"Đáp {evil}", found=True, kind="who", message=f"ghi chú {evil}",
                  citations=(cit, cit), resolved_question=evil)
    for html in (render_reply(reply), render_question(evil), render_plan([clause(evil, "bullet", evil, (evil,))])):
        assert_only_own_markup(html)
        assert "<script" not in html and "<img" not in html and "<svg" not in html and "<a " not in html


def test_question_is_literal_text():
    assert render_question(INJECTION) == "&lt;img src=x onerror=alert(1)&gt;"
    assert render_question("dòng 1\ndòng 2") == "dòng 1<br>dòng 2"


def test_short_title_cuts_at_a_word():
    long = "Kế hoạch 03-KH/TW năm 2021 thực hiện Kết luận 21-KL/TW về đẩy mạnh xây dựng, chỉnh đốn Đảng"
    assert short_title(long, 40) == "Kế hoạch 03-KH/TW năm 2021 thực hiện…"
    assert short_title("ngắn", 40) == "ngắn"


# --- plan reader --------------------------------------------------------------


def test_render_plan_headings_once_and_anchor_per_ref():
    html = render_plan(PLAN, target="IV.1.1")
    assert_only_own_markup(html)
    ids = [dict(attrs).get("id") for _, attrs in tags_of(html) if dict(attrs).get("id")]
    assert ids == [anchor_id(c.ref, c.doc_id) for c in PLAN]  # keyed by document too since issue 11
    assert html.count(SEC_IV) == 1 and html.count("Đảng đoàn Quốc hội") == 1
    assert '<h4 id="dieu-kh-iv-1" class="qa-clause"><span class="qa-ref">IV.1</span> Đảng đoàn Quốc hội</h4>' in html
    assert ('<p id="dieu-kh-iv-1-1" class="qa-clause qa-bullet qa-target"><span class="qa-ref">IV.1.1</span> '
            "Thể chế hóa nội dung Kết luận.</p>") in html
    positions = [html.index(f'id="{anchor_id(c.ref, c.doc_id)}"') for c in PLAN]
    assert positions == sorted(positions)


def test_section_intro_paragraph_follows_its_heading():
    intro = clause("III", "section", "Các cấp ủy tập trung lãnh đạo:", ("III- NHIỆM VỤ TRỌNG TÂM",))
    html = render_plan([intro])
    assert html == ('<div class="qa-plan"><h3 id="dieu-kh-iii" class="qa-clause">III- NHIỆM VỤ TRỌNG TÂM</h3>'
                    '<p class="qa-clause qa-section"><span class="qa-ref">III</span> Các cấp ủy tập trung lãnh đạo:</p></div>')


def test_context_is_the_top_level_section():
    assert [c.ref for c in section_of(PLAN, "IV.1.1")] == ["IV", "IV.1", "IV.1.1", "IV.1.2"]
    assert [c.ref for c in section_of(PLAN, "title")] == ["title"]
    assert section_of(PLAN, "IX.9") == []
    html = render_context(PLAN, "IV.1.2")
    assert "qa-target" in html and "I.1" not in html
    assert "Không có mục" in render_context(PLAN, "<b>IX</b>") and "<b>" not in render_context(PLAN, "<b>IX</b>")


def test_reader_choices_show_ref_and_snippet():
    choices = reader_choices(PLAN[:3], snippet_chars=12)
    # Values are clause ids (document and ref); non-numbered refs show their Vietnamese name (issue 11).
    assert choices == [("Tên văn bản · Kế hoạch…", "kh#title"), ("I · I- MỤC…", "kh#I"), ("I.1 · Nhận thức…", "kh#I.1")]


def test_reader_keys_by_document_and_marks_the_cut():
    other = [Clause(doc_id="kh2", doc_title="KH 2", ref="IV.1.1", label="x", kind="bullet",
                    headings=(SEC_IV, "Khác"), text="Văn bản khác.", position=0)]
    both = PLAN + other
    assert [c.doc_id for c in section_of(both, "kh2#IV.1.1")] == ["kh2"]
    html = render_context(both, "kh#IV.1.2", stops={"kh": "IV.1.2"})
    assert "Văn bản khác" not in html and CUT_MARK.format(ref="IV.1.2") in html
    assert "[…] bản này dừng ở IV.1.2" in render_plan(PLAN, stops={"kh": "IV.1.2"})


def test_anchor_ids_are_css_safe():
    assert anchor_id("IV.1.1") == "dieu-iv-1-1"
    assert anchor_id("Mục Đ.2") == "dieu-muc-d-2"
    assert anchor_id("IV.1.1", "03-KH/TW") == "dieu-03-kh-tw-iv-1-1"
