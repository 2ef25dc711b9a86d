"""Item generation, distractor rules, seeds, sections and the self-check, on hand-made clauses."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from qa.quiz import QuizError, QuizOptions, SelfCheck, generate_quiz
from qa.quiz.generate import Generator, difficulty
from qa.quiz.model import BLANK, FALSE_LABEL, KINDS, TRUE_LABEL, Claim, norm, overlaps

from quiz_support import make


def build(clauses, kind, topic, ref, seed=1, index=0):
    """Build one candidate item directly (exact expectations need a known clause and topic)."""
    gen = Generator(clauses, QuizOptions())
    found = [c for c in gen.candidates(gen.content, KINDS) if (c.kind, c.topic, c.clause.ref) == (kind, topic, ref)]
    assert found, f"no {kind}/{topic} candidate for {ref}"
    item = found[index].build(random.Random(seed))
    assert not isinstance(item, str), item
    return item, gen


def all_facts(clauses, fact):
    out = set()
    for c in clauses:
        if fact == "timing":
            out |= {norm(t) for t in c.facts.timings}
        else:
            out |= {norm(b) for b in (*c.facts.bodies, *c.facts.coordinate)}
    return out


# --- every kind, exact ---------------------------------------------------------------------


def test_mcq_timing_exact(clauses, by_ref):
    item, gen = build(clauses, "mcq", "timing", "III.8")
    assert item.stem == ("Theo Kế hoạch 03-KH/TW, nhiệm vụ «Tiếp tục đẩy mạnh và nâng cao chất lượng…» "
                         "(III.8) được thực hiện theo thời hạn nào?")  # not «…công tác phòng…»: «phòng, chống» is one phrase
    assert item.answer == "thực hiện thường xuyên"
    assert len(item.options) == 4 and item.options.count(item.answer) == 1
    assert item.explanation.startswith("Kế hoạch 03-KH/TW, III.8 (Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 8): «")
    assert "(thực hiện thường xuyên)" in item.explanation
    assert (item.citation.doc, item.citation.ref, item.citation.label) == (
        "03-KH/TW", "III.8", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 8")
    assert (item.kind, item.difficulty) == ("mcq", "easy")
    # Every distractor is a timing of another clause, and none is this clause's.
    timings = all_facts(clauses, "timing")
    for d in item.distractors:
        assert norm(d) in timings
        assert norm(d) not in norm(by_ref["III.8"].text)
    assert gen.checker.problems(item) == []


def test_mcq_timing_of_a_phrase_names_that_phrase(clauses):
    item, _ = build(clauses, "mcq", "timing", "II.2")
    # The timing sits mid-clause: the stem names the phrase before it, without the leading bodies.
    # Cut before «và», not after «thực» in «Kế hoạch thực hiện».
    assert item.stem == ("Theo Kế hoạch 03-KH/TW, việc «hướng dẫn tổ chức hội nghị nghiên cứu, quán triệt Kết luận…» "
                         "(II.2) được thực hiện theo thời hạn nào?")
    assert item.answer == "tháng 12/2021"
    # "đầu tháng 12/2021" contains the answer: it can never be offered beside it.
    assert "đầu tháng 12/2021" not in item.options


def test_mcq_lead_exact(clauses):
    item, gen = build(clauses, "mcq", "lead", "II.2")
    assert item.stem == ("Theo Kế hoạch 03-KH/TW, cơ quan nào chủ trì việc «hướng dẫn tổ chức hội nghị nghiên cứu, "
                         "quán triệt Kết luận…» (II.2)?")
    assert item.answer == "Ban Tuyên giáo Trung ương"
    in_clause = {"Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương", "Văn phòng Trung ương Đảng"}
    assert not in_clause & set(item.options)  # bodies named in the clause are never distractors
    assert item.difficulty == "medium"
    assert gen.checker.problems(item) == []


def test_mcq_lead_of_two_bodies_offers_pairs(clauses):
    item, _ = build(clauses, "mcq", "lead", "II.1")
    assert item.answer == "Bộ Chính trị, Ban Bí thư"
    assert item.stem.startswith("Theo Kế hoạch 03-KH/TW, những cơ quan nào thực hiện việc «tổ chức Hội nghị")
    assert all(len(o.split(", ")) == 2 for o in item.options)


def test_mcq_inherited_lead_cites_the_heading(clauses):
    item, gen = build(clauses, "mcq", "lead", "IV.1.1")
    assert item.answer == "Đảng đoàn Quốc hội"
    assert item.stem.endswith("(IV.1.1) được giao cho cơ quan nào?")
    assert item.quote == "Đảng đoàn Quốc hội"
    assert "nằm dưới đề mục «Đảng đoàn Quốc hội»" in item.explanation
    # "Quốc hội" and "Ủy ban Thường vụ Quốc hội" are in the clause: not distractors.
    assert not {"Quốc hội", "Ủy ban Thường vụ Quốc hội"} & set(item.options)
    assert gen.checker.problems(item) == []


def test_mcq_coordinate(clauses):
    item, gen = build(clauses, "mcq", "coordinate", "II.2")
    assert item.answer in {"Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương", "Văn phòng Trung ương Đảng"}
    assert "phối hợp với Ban Tuyên giáo Trung ương" in item.stem
    others = {"Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương", "Văn phòng Trung ương Đảng"} - {item.answer}
    assert not others & set(item.options)
    assert gen.checker.problems(item) == []


def test_mcq_task_number(clauses):
    item, gen = build(clauses, "mcq", "task", "III.8")
    assert item.answer == "Nhiệm vụ 8"
    assert "(III.8)" not in item.stem  # the ref would give it away
    assert item.stem.endswith("thuộc nhiệm vụ nào trong Mục III (Nhiệm vụ trọng tâm)?")
    assert all(o.startswith("Nhiệm vụ ") for o in item.options) and len(set(item.options)) == 4
    assert gen.checker.problems(item) == []


def test_mcq_section(clauses):
    item, gen = build(clauses, "mcq", "section", "II.2")
    assert item.answer == "Mục II. Công tác quán triệt Kết luận và triển khai kế hoạch thực hiện"
    assert set(item.options) == {
        "Mục II. Công tác quán triệt Kết luận và triển khai kế hoạch thực hiện",
        "Mục III. Nhiệm vụ trọng tâm",
        "Mục IV. Nhiệm vụ của đảng đoàn, ban cán sự đảng, tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương; "
        "các cơ quan, tổ chức có liên quan",
    }
    assert item.difficulty == "easy"
    assert gen.checker.problems(item) == []


def test_mcq_statement(clauses):
    item, gen = build(clauses, "mcq", "statement", "III.8")
    assert item.stem == "Theo Kế hoạch 03-KH/TW, nhận định nào sau đây đúng?"
    assert item.answer == ("Nhiệm vụ «Tiếp tục đẩy mạnh và nâng cao chất lượng…» (III.8) "
                           "được thực hiện theo thời hạn «thực hiện thường xuyên».")
    # Each false statement is about another clause and swaps in a timing that clause does not have.
    for i, opt in enumerate(item.options):
        if opt == item.answer:
            continue
        wrong = [c for c in item.claims if c.option == i and not c.holds]
        assert wrong and all(c.ref != "III.8" for c in wrong)
    assert gen.checker.problems(item) == []


@pytest.mark.parametrize("seed", range(6))
def test_tf_true_and_false(clauses, by_ref, seed):
    item, gen = build(clauses, "tf", "timing", "III.4", seed=seed)
    assert item.options == (TRUE_LABEL, FALSE_LABEL)
    assert item.stem.startswith("Theo Kế hoạch 03-KH/TW, nhiệm vụ «Thực hiện nghiêm việc tự phê bình và phê bình")
    if item.answer == TRUE_LABEL:
        assert "«thực hiện hằng năm, từ năm 2021»" in item.stem
        assert item.explanation.startswith("Đúng. Kế hoạch 03-KH/TW, III.4")
    else:
        swapped = [c.value for c in item.claims if not c.holds]
        assert len(swapped) == 1 and f"«{swapped[0]}»" in item.stem
        assert norm(swapped[0]) in all_facts(clauses, "timing")  # taken from another clause
        assert norm(swapped[0]) not in norm(by_ref["III.4"].text)
        assert item.explanation.startswith("Sai. ") and "không phải ở III.4" in item.explanation
    assert gen.checker.problems(item) == []


def test_tf_both_truths_occur_across_seeds(clauses):
    answers = {build(clauses, "tf", "timing", "III.4", seed=s)[0].answer for s in range(12)}
    assert answers == {TRUE_LABEL, FALSE_LABEL}


def test_cloze_body(clauses):
    item, gen = build(clauses, "cloze", "body", "IV.1.1")
    assert item.stem == ("Điền vào chỗ trống theo Kế hoạch 03-KH/TW (IV.1.1): «Thể chế hóa, cụ thể hóa nội dung Kết "
                         "luận thành quy định trong các luật, pháp lệnh, nghị quyết của Quốc hội và _____»")
    assert item.answer == "Ủy ban Thường vụ Quốc hội"
    assert item.stem.count(BLANK) == 1
    assert item.difficulty == "hard"
    assert gen.checker.problems(item) == []


def test_cloze_timing_and_term(clauses):
    timing, gen = build(clauses, "cloze", "timing", "III.8")
    assert timing.stem.endswith("thực hiện có hiệu quả kiểm soát quyền lực (_____)»")
    assert timing.answer == "thực hiện thường xuyên" and timing.difficulty == "medium"
    terms = [c for c in gen.candidates(gen.content, KINDS) if (c.kind, c.topic, c.clause.ref) == ("cloze", "term", "III.8")]
    answers = {t.build(random.Random(1)).answer for t in terms}
    assert answers == {"cơ quan tư pháp", "kiểm soát quyền lực"}


def test_difficulty_rule():
    assert [difficulty("tf", "timing"), difficulty("mcq", "timing"), difficulty("mcq", "lead"),
            difficulty("cloze", "timing"), difficulty("cloze", "term")] == ["easy", "easy", "medium", "medium", "hard"]


# --- distractor rules over whole quizzes -------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 7, 42])
def test_distractor_rules(clauses, by_ref, seed):
    result = generate_quiz(clauses, QuizOptions(n=40, seed=seed))
    assert result.items
    pools = {"timing": all_facts(clauses, "timing"), "body": all_facts(clauses, "body"),
             "coordinate": all_facts(clauses, "body")}
    for item in result.items:
        clause = by_ref[item.citation.ref]
        normed = [norm(o) for o in item.options]
        assert len(set(normed)) == len(normed), item.options  # distinct (NFC, casefold, whitespace)
        if item.kind == "tf" or item.topic in ("statement", "task", "section"):
            continue
        for d in item.distractors:
            assert not overlaps(d, item.answer), (d, item.answer)
            for part in d.split(", ") if item.topic == "lead" else [d]:
                assert norm(part) not in norm(clause.text), (item.id, part)  # never true for the clause
                assert not any(overlaps(part, b) for b in (*clause.facts.bodies, *clause.facts.timings))
                if item.topic in pools:
                    assert norm(part) in pools[item.topic]  # same kind, from elsewhere in the corpus
        assert not any(overlaps(a, b) for i, a in enumerate(item.distractors) for b in item.distractors[i + 1:])


def test_seed_reproduces_and_varies(clauses):
    a = generate_quiz(clauses, QuizOptions(n=15, seed=7))
    b = generate_quiz(clauses, QuizOptions(n=15, seed=7))
    c = generate_quiz(clauses, QuizOptions(n=15, seed=8))
    assert [i.to_dict() for i in a.items] == [i.to_dict() for i in b.items]
    assert [i.to_dict() for i in a.items] != [i.to_dict() for i in c.items]


def test_global_random_is_untouched(clauses):
    random.seed(123)
    expected = random.random()
    random.seed(123)
    generate_quiz(clauses, QuizOptions(n=10, seed=1))
    assert random.random() == expected


def test_no_two_items_ask_the_same_thing(clauses):
    result = generate_quiz(clauses, QuizOptions(n=60, seed=3))
    keys = [k for i in result.items for k in i.keys]
    assert len(keys) == len(set(keys))
    asked = [norm(f"{i.stem} | {i.answer}") for i in result.items]
    assert len(asked) == len(set(asked))
    assert len({i.id for i in result.items}) == len(result.items)


def test_kinds_are_balanced_and_filtered(clauses):
    result = generate_quiz(clauses, QuizOptions(n=12, kinds=("mcq", "cloze"), seed=2))
    kinds = [i.kind for i in result.items]
    assert set(kinds) == {"mcq", "cloze"} and kinds.count("mcq") == kinds.count("cloze") == 6


def test_sections_filter(clauses):
    result = generate_quiz(clauses, QuizOptions(n=30, sections=("IV",), seed=1))
    assert result.items and all(i.citation.ref.startswith("IV.") for i in result.items)
    with pytest.raises(QuizError, match=r"sections must be among II, III, IV\. Currently, the sections has 'V'"):
        generate_quiz(clauses, QuizOptions(sections=("V",)))


def test_options_fail_early():
    with pytest.raises(QuizError, match="n must be greater than 0. Currently, the n is 0"):
        QuizOptions(n=0)
    with pytest.raises(QuizError, match="kinds must be among mcq, tf, cloze"):
        QuizOptions(kinds=("essay",))


def test_empty_corpus_gives_an_explained_empty_result():
    result = generate_quiz([], QuizOptions(n=5))
    assert result.items == () and "kept 0 of 5" in result.report()


def test_fewer_items_than_asked_is_reported(clauses):
    result = generate_quiz(clauses, QuizOptions(n=500, seed=1))
    assert 0 < len(result.items) < 500
    assert "hold no more distinct checkable items" in result.report()


# --- self-check -----------------------------------------------------------------------------


def test_self_check_rejects_a_distractor_true_for_the_clause(clauses):
    item, gen = build(clauses, "mcq", "lead", "II.2")
    i = next(k for k, o in enumerate(item.options) if o != item.answer)
    bad_value = "Ban Tổ chức Trung ương"  # named in II.2 as coordinating
    options = list(item.options)
    options[i] = bad_value
    claims = [c if c.option != i else replace(c, value=bad_value) for c in item.claims]
    bad = replace(item, options=tuple(options), claims=tuple(claims))
    assert gen.checker.problems(bad) == ["distractor supported by the clause: «Ban Tổ chức Trung ương» in II.2"]


def test_self_check_rejects_an_unsupported_answer_and_unchecked_options(clauses):
    item, gen = build(clauses, "mcq", "timing", "III.8")
    at = item.answer_index
    wrong = replace(item, claims=tuple(replace(c, value="quý IV/2030") if c.option == at else c for c in item.claims))
    assert "answer not supported by the clause: «quý IV/2030» in III.8" in gen.checker.problems(wrong)
    unchecked = replace(item, claims=tuple(c for c in item.claims if c.option == at))
    assert any(p.startswith("distractor not checked against the clause") for p in gen.checker.problems(unchecked))
    flipped = replace(build(clauses, "tf", "timing", "III.4", seed=0)[0])
    flipped = replace(flipped, answer=FALSE_LABEL if flipped.answer == TRUE_LABEL else TRUE_LABEL)
    assert any(p.startswith("answer does not match") for p in gen.checker.problems(flipped))


def test_generation_drops_items_whose_facts_the_text_does_not_back(clauses):
    # A fact the text does not contain (a bad extraction) must never become an answer.
    bad = make("III.9", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 9", ["III- NHIỆM VỤ TRỌNG TÂM"],
               "Tăng cường hoạt động của ủy ban kiểm tra các cấp, chú trọng công tác tự kiểm tra, tự giám sát của "
               "cấp ủy, tổ chức đảng (thực hiện thường xuyên).", 20,
               timings=["quý IV/2030"])
    result = generate_quiz([*clauses, bad], QuizOptions(n=200, sections=("III",), seed=5))
    assert not any(i.citation.ref == "III.9" and i.topic == "timing" for i in result.items)
    reasons = [d.reason for d in result.dropped if d.ref == "III.9"]
    assert reasons and all("«quý IV/2030»" in r for r in reasons)
    assert any(r.startswith("answer not supported by the clause") for r in reasons)
    assert "answer not supported by the clause" in result.report()


def test_claim_about_a_section_covers_every_clause_in_it(clauses):
    check = SelfCheck(clauses)
    phrase = "Thể chế hóa, cụ thể hóa nội dung Kết luận"
    assert check.check_claim(Claim("IV", "phrase", phrase, False, scope="section")).startswith("distractor supported")
    assert check.check_claim(Claim("III", "phrase", phrase, False, scope="section")) is None


# --- passages -----------------------------------------------------------------------------


def test_passage_helpers():
    from qa.quiz.passages import quote, shorten, strip_subject

    text = ("Ban Tuyên giáo Trung ương chủ trì phối hợp với Ban Tổ chức Trung ương, Văn phòng Trung ương Đảng "
            "hướng dẫn tổ chức hội nghị (tháng 12/2021); chỉ đạo các cơ quan báo chí tuyên truyền.")
    subject, rest = strip_subject(text, ["Ban Tuyên giáo Trung ương", "Ban Tổ chức Trung ương",
                                         "Văn phòng Trung ương Đảng"])
    assert rest.startswith("hướng dẫn tổ chức hội nghị") and subject.endswith("Văn phòng Trung ương Đảng ")
    # Cut at the comma unless the whole phrase is at most `snap` words longer than asked.
    assert shorten("một hai, ba bốn năm sáu bảy", 5) == "một hai, ba bốn năm sáu bảy"
    assert shorten("một hai, ba bốn năm sáu bảy", 5, snap=1) == "một hai…"
    assert shorten("Kết luận và Kế hoạch thực hiện ở các cấp, các ngành", 5) == "Kết luận…"
    assert shorten("một hai ba", 5) == "một hai ba"
    at = text.index("(tháng")
    # About 8 words around the timing, starting where the task follows its subject (a body's name).
    assert quote(text, at, at + len("(tháng 12/2021)"), 8) == "…hướng dẫn tổ chức hội nghị (tháng 12/2021)…"
    # With room for more, the passage takes the whole name, never part of it.
    assert quote(text, at, at + len("(tháng 12/2021)"), 12) == \
        "…Văn phòng Trung ương Đảng hướng dẫn tổ chức hội nghị (tháng 12/2021)…"
