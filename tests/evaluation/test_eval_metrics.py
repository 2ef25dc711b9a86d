"""The benchmark formulas against values computed by hand."""

import math

import pytest

from qa.evaluation import metrics as m

GOLD = ["Ban Tuyên giáo Trung ương chủ trì phối hợp"]
REL = "- Ban Tuyên giáo Trung ương  chủ trì\nphối hợp với Ban Tổ chức Trung ương"  # spaces differ: still relevant
OTHER = "Bộ Chính trị, Ban Bí thư tổ chức Hội nghị cán bộ toàn quốc"


def test_relevance_collapses_whitespace_and_nfc():
    decomposed = "Ban Tuye\u0302n gia\u0301o Trung ương chủ trì phối hợp"  # NFD 'Tuyên giáo'
    assert m.is_relevant(decomposed, GOLD)
    assert m.is_relevant(REL, GOLD)
    assert not m.is_relevant(OTHER, GOLD)
    assert not m.is_relevant(REL, [])


def test_rank_hit_mrr_ndcg_on_a_tiny_set():
    # q1: relevant at ranks 1 and 3 (0-based); 2 clauses of the corpus are relevant.
    #   rank = 1; Hit@1 = 0, Hit@3 = 1, Hit@5 = 1; RR = 1/2
    #   DCG  = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606
    #   IDCG = 1/log2(2) + 1/log2(3) = 1 + 0.630930 = 1.630930   → nDCG = 0.650920
    # q2: relevant at rank 0; 1 relevant clause → Hit@1 = 1, RR = 1, nDCG = 1
    # q3: nothing relevant in 5 citations → Hit = 0, RR = 0, nDCG = 0
    q1 = [OTHER, REL, OTHER, REL, OTHER]
    q2 = [REL, OTHER]
    q3 = [OTHER] * 5
    ranks = [m.first_relevant_rank(t, GOLD) for t in (q1, q2, q3)]
    assert ranks == [1, 0, None]
    assert [m.hit_at_k(r, 1) for r in ranks] == [0.0, 1.0, 0.0]
    assert [m.hit_at_k(r, 3) for r in ranks] == [1.0, 1.0, 0.0]
    assert [m.reciprocal_rank(r) for r in ranks] == [0.5, 1.0, 0.0]
    n1 = m.ndcg(m.relevance_vector(q1, GOLD), n_ideal=2)
    assert n1 == pytest.approx(0.650920, abs=1e-6)
    assert m.ndcg(m.relevance_vector(q2, GOLD), n_ideal=1) == 1.0
    assert m.ndcg(m.relevance_vector(q3, GOLD), n_ideal=1) == 0.0
    # means over the set: Hit@1 = 1/3, Hit@3 = 2/3, MRR = (0.5 + 1 + 0)/3 = 0.5, nDCG = (0.650920 + 1)/3
    assert m.mean([m.hit_at_k(r, 1) for r in ranks]) == pytest.approx(1 / 3)
    assert m.mean([m.reciprocal_rank(r) for r in ranks]) == pytest.approx(0.5)
    assert m.mean([n1, 1.0, 0.0]) == pytest.approx(0.550307, abs=1e-6)


def test_depth_cuts_rank_and_ndcg_at_ten():
    texts = [OTHER] * 10 + [REL]
    assert m.first_relevant_rank(texts, GOLD) is None
    assert m.reciprocal_rank(10) == 0.0
    assert m.ndcg([False] * 10 + [True], n_ideal=1) == 0.0


def test_ideal_count_from_corpus_clauses_capped_and_fallback():
    assert m.ideal_count([REL, OTHER, REL], GOLD) == 2
    assert m.ideal_count([REL] * 15, GOLD) == 10
    assert m.ideal_count(None, GOLD + [GOLD[0] + " "]) == 1  # distinct after collapsing
    # underestimated ideal: two relevant retrieved, one expected → never above 1
    assert m.ndcg([True, True], n_ideal=1) == pytest.approx(1.0)
    assert m.dcg([True, False, True]) == pytest.approx(1 + 1 / math.log2(4))


def test_answer_match_is_folded_and_whole_word():
    assert m.answer_matches("Ban Tuyên giáo Trung ương chủ trì.", ["ban tuyen giao trung uong"])
    assert m.answer_matches("ĐẢNG ĐOÀN QUỐC HỘI", ["Đảng đoàn Quốc hội"])
    assert m.answer_matches("Xem mục III.1 của kế hoạch", ["III.1"])
    assert not m.answer_matches("Xem mục III.10 của kế hoạch", ["III.1"])
    assert not m.answer_matches("năm 20221", ["2022"])
    # a one-word answer typed with its marks keeps them: folded, "đúng" is in "xây dựng", "có" in "cơ quan"
    assert not m.answer_matches("Thể chế hóa … xây dựng pháp luật (III.10).", ["Đúng"])
    assert not m.answer_matches("Cơ quan nhà nước (III.7).", ["Có"])
    assert m.answer_matches("Đúng. Bộ Chính trị (II.1).", ["đúng"]) and m.answer_matches("CÓ, ở III.4", ["Có"])
    # a false statement: "Sai" is met by «Sai.» and by a reply that opens «Không đúng.», not by one that only has "không"
    assert m.answer_matches("Không đúng. Người ký: Võ Văn Thưởng (03-KH/TW).", ["Sai"])
    assert m.answer_matches("Sai. Người ký: Võ Văn Thưởng (03-KH/TW).", ["Sai"])
    assert not m.answer_matches("Kế hoạch không đúng thời hạn (III.1).", ["Sai"])
    assert not m.answer_matches("Đúng. Người ký: Võ Văn Thưởng (03-KH/TW).", ["Sai"])
    assert m.answer_matches("Võ Văn Thưởng", ["vo van thuong"])  # typed without marks: folded as before
    assert not m.answer_matches("Đảng đoàn Quốc hội " + "x" * 200, ["Đảng đoàn Quốc hội"])  # free text
    assert m.answer_correct(False, "Đảng đoàn Quốc hội", ["Đảng đoàn Quốc hội"]) is False  # abstained
    assert m.answer_correct(True, "anything", []) is None  # not scored


def test_answer_match_reads_dates_punctuation_and_fillers_alike():
    timing = "Năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội (III.5)."
    assert m.answer_matches(timing, ["năm thứ 3 của nhiệm kỳ"])
    assert not m.answer_matches(timing, ["năm thứ 3 nhiệm kỳ Quốc hội"])  # words in order, contiguous
    issued = "Ngày ban hành: 01/12/2021 (văn bản ghi: «Hà Nội, ngày 01 tháng 12 năm 2021»)."
    assert m.answer_matches(issued, ["ngày 1/12/2021"]) and m.answer_matches(issued, ["Hà Nội, ngày 01/12/2021"])
    assert not m.answer_matches(issued, ["02/12/2021"])
    assert m.answer_matches(issued, ["2021"]) and m.answer_matches(issued, ["tháng 12/2021"])
    assert m.answer_matches("Hoàn thành tháng 01/2022.", ["tháng 1 năm 2022"])
    assert m.answer_tokens("Bộ Chính trị và Ban Bí thư") == ["bo", "chinh", "tri", "ban", "bi", "thu"]


def test_answer_naming_several_things_needs_each_of_them():
    assert m.answer_matches("Bộ Chính trị, Ban Bí thư tổ chức (II.1).", ["Bộ Chính trị và Ban Bí thư"])
    assert m.answer_matches("Ban Bí thư; Bộ Chính trị (II.1).", ["Bộ Chính trị, Ban Bí thư"])
    assert not m.answer_matches("Bộ Chính trị chủ trì (II.1).", ["Bộ Chính trị, Ban Bí thư"])
    assert not m.answer_matches("21-KL/TW, ngày 25/10/2021", ["khóa XIII, ngày 25/10/2021"])


def test_percentile_linear_interpolation():
    assert m.percentile([10, 20, 30, 40], 50) == pytest.approx(25.0)
    # position = 3 * 0.95 = 2.85 → 30 + 0.85 * (40 - 30) = 38.5
    assert m.percentile([40, 10, 30, 20], 95) == pytest.approx(38.5)
    assert m.percentile([7.0], 95) == 7.0
    assert m.percentile([], 50) is None
    with pytest.raises(ValueError, match="p must be within"):
        m.percentile([1.0], 101)


def test_abstention_scores_by_hand():
    abstained = [True, True, False, False, True]
    out_of_scope = [True, False, True, False, False]
    # TP = 1 (index 0); abstained = 3 → P = 1/3; OOS = 2 → R = 1/2
    # in-scope = indices 1, 3, 4; abstained among them = 1, 4 → 2/3
    scores = m.abstention_scores(abstained, out_of_scope)
    assert scores["abstain_precision"] == pytest.approx(1 / 3)
    assert scores["abstain_recall"] == pytest.approx(0.5)
    assert scores["false_abstention"] == pytest.approx(2 / 3)
    empty = m.abstention_scores([False], [False])
    assert empty["abstain_precision"] is None and empty["abstain_recall"] is None


def test_bad_k_fails_early():
    with pytest.raises(ValueError, match="Currently, the k is 0"):
        m.hit_at_k(0, 0)
