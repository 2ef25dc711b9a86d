"""Lexical overlap of questions with their gold clauses, against numbers computed by hand."""

import pytest

from qa.evaluation.dataset import Question
from qa.evaluation.overlap import overlap_summary, question_overlap

BTG = "Ban Tuyên giáo Trung ương chủ trì hướng dẫn tổ chức hội nghị"
QH = "Đảng đoàn Quốc hội thể chế hóa nội dung Kết luận thành quy định trong các luật"
PARAGRAPHS = [BTG, QH]


def q(qid, text, gold, qtype="what", style=None, history=()):
    return Question(qid, qtype, text, tuple(history), tuple(gold), (), "test", style=style)


QUESTIONS = [
    # content: hướng dẫn hội nghị học tập (6); shared: hướng dẫn hội nghị (4) → 2 words, share 4/6
    q("q1", "Ai hướng dẫn các hội nghị học tập?", ["Ban Tuyên giáo Trung ương chủ trì"], "who", "paraphrase"),
    # content: bên đưa nội dung luật (5); shared: nội dung luật (3) → words "nội dung", "luật"; share 3/5
    q("q2", "Bên nào đưa nội dung vào luật?", ["thể chế hóa nội dung Kết luận"], "who", "paraphrase"),
    # typed without accents → folded; all 10 syllables shared, paired into 5 words; share 1
    q("q3", "the che hoa noi dung ket luan thanh quy dinh", ["thể chế hóa nội dung Kết luận"], "nodiacritics",
      "nodiacritics"),
    # accents compared: "đằng" is not "Đảng"; content đảng đằng luật nẻo (4), shared đảng luật → share 1/2
    q("q4", "Đảng một đằng, luật một nẻo?", ["thể chế hóa nội dung Kết luận"], "what", "paraphrase"),
    q("q5", "Kinh phí bao nhiêu?", [], "out_of_scope", "paraphrase"),  # not measured
]


def test_question_overlap_by_hand():
    q1, q2, q3, q4 = (question_overlap(x, PARAGRAPHS) for x in QUESTIONS[:4])
    assert q1.words == ("hướng", "dẫn", "hội", "nghị", "học", "tập")
    assert q1.shared_words == ("hướng dẫn", "hội nghị") and q1.share == pytest.approx(4 / 6) and q1.low
    assert q2.shared_words == ("nội dung", "luật") and q2.share == pytest.approx(0.6) and q2.low
    assert q3.shared_words == ("the che", "hoa noi", "dung ket", "luan thanh", "quy dinh")
    assert q3.share == 1.0 and not q3.low
    assert q4.shared == ("đảng", "luật") and q4.share == 0.5 and q4.low


def test_overlap_summary_of_a_set():
    s = overlap_summary(QUESTIONS, PARAGRAPHS)
    # mean share = (4/6 + 0.6 + 1 + 0.5) / 4 = 0.691667; low = q1, q2, q4 → 3/4
    assert s["all"]["n"] == 4
    assert s["all"]["mean_share"] == pytest.approx(0.691667, abs=1e-6)
    assert s["all"]["low_overlap"] == 0.75 and s["all"]["n_low_overlap"] == 3
    assert list(s["by_style"]) == ["paraphrase", "nodiacritics"]
    assert s["by_style"]["paraphrase"]["low_overlap"] == 1.0
    assert s["by_type"]["who"]["mean_share"] == pytest.approx((4 / 6 + 0.6) / 2)


def test_followup_counts_every_turn_and_missing_gold_is_reported():
    chain = q("f1", "Còn thời gian thì sao?", [BTG[:40]], "followup", history=["Ai hướng dẫn hội nghị?"])
    assert question_overlap(chain, PARAGRAPHS).shared_words == ("hướng dẫn", "hội nghị")
    lost = q("x1", "Ai hướng dẫn?", ["không có trong văn bản này đâu ạ"])
    assert question_overlap(lost, PARAGRAPHS) is None
    assert overlap_summary([lost], PARAGRAPHS)["unmeasured"] == ["x1"]
