"""The scope model: terms, fitting, probabilities, and its arrays in the adapter's file."""

import numpy as np
import pytest

from qa.scope import ScopeModel, terms

IN_SCOPE = ["Báo chí phải tuyên truyền gì?", "Chi bộ sinh hoạt thế nào?", "Ai chủ trì hội nghị toàn quốc?",
            "Báo chí đưa tin về gì?", "Chi bộ tự phê bình thế nào?", "Ai chủ trì sửa quy định?"]
OUT_OF_SCOPE = ["Lương cán bộ là bao nhiêu?", "Có tăng lương cho cán bộ không?", "Lương đảng viên thế nào?",
                "Phụ cấp lương bao nhiêu?", "Lương tháng này ra sao?", "Kế hoạch có nói lương không?"]


def _vectors(n: int, d: int = 4, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_terms_are_folded_syllables_and_their_pairs():
    assert terms("Chi bộ tôi, phải làm gì?") == ["chi", "bo", "toi", "phai", "lam", "gi",
                                               "chi bo", "bo toi", "toi phai", "phai lam", "lam gi"]
    assert terms("Đ/c ở đâu?") == ["dau"]  # one-letter tokens are no terms


def test_fitted_on_labelled_questions_it_tells_the_two_kinds_apart(tmp_path):
    texts = IN_SCOPE + OUT_OF_SCOPE
    vectors = _vectors(len(texts))
    scope = ScopeModel.fit(texts, vectors, [0] * len(IN_SCOPE) + [1] * len(OUT_OF_SCOPE))
    assert scope.info == {"questions": 12, "out_of_scope": 6, "terms": len(scope.vocabulary), "c": 100.0}
    assert "luong" in scope.vocabulary and "chi bo" in scope.vocabulary
    assert "hoi nghi" not in scope.vocabulary  # seen once: left out
    zero = np.zeros(4, np.float32)
    assert scope.probability("Lương của bí thư là bao nhiêu?", zero) > 0.8
    assert scope.probability("Chi bộ phải tuyên truyền gì?", zero) < 0.2
    # its arrays, saved and read back, give the same probabilities
    np.savez(tmp_path / "s.npz", **scope.arrays())
    with np.load(tmp_path / "s.npz", allow_pickle=False) as data:
        loaded = ScopeModel.from_arrays(data, scope.info)
    for text, vector in zip(texts, vectors):
        assert loaded.probability(text, vector) == pytest.approx(scope.probability(text, vector), abs=1e-6)
    assert loaded.vocabulary == scope.vocabulary and loaded.info == scope.info


def test_the_term_features_are_sublinear_tf_idf_normalised():
    scope = ScopeModel(("a b", "bb", "cc"), np.array([1.0, 2.0, 3.0], np.float32), np.zeros(3, np.float32),
                       np.zeros(2, np.float32), 0.0)
    features = scope.term_vector("bb bb cc dd")  # bb twice: 1 + ln 2; cc once; dd unknown
    raw = {1: (1 + np.log(2)) * 2.0, 2: 3.0}
    norm = np.sqrt(sum(v * v for v in raw.values()))
    assert features == pytest.approx({i: v / norm for i, v in raw.items()})
    assert scope.term_vector("dd ee") == {}
    assert scope.probability("dd ee", np.zeros(2, np.float32)) == 0.5  # no evidence: the bias alone


def test_fitting_needs_both_kinds_and_matching_lengths():
    with pytest.raises(ValueError, match="both in and out of scope"):
        ScopeModel.fit(IN_SCOPE, _vectors(6), [0] * 6)
    with pytest.raises(ValueError, match="6 texts, 5 vectors, 6 labels"):
        ScopeModel.fit(IN_SCOPE, _vectors(5), [0, 1] * 3)


def test_a_file_without_a_scope_model_gives_none(tmp_path):
    np.savez(tmp_path / "a.npz", matrix=np.eye(2))
    with np.load(tmp_path / "a.npz") as data:
        assert ScopeModel.from_arrays(data) is None
