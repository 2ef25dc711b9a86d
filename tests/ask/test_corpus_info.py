"""Corpus statistics: phrase presence counted per document, merged, saved, and equal to a scan."""

from qa.ask import corpus_info
from qa.ask.corpus_info import CorpusInfo, checked_phrases, phrases_in
from qa.types import Clause


def _clause(doc_id, ref, text):
    return Clause(doc_id=doc_id, doc_title="Kế hoạch thử", ref=ref, label=f"mục {ref}", kind="item",
                  headings=(), text=text, position=0)


def _scan(info, phrase):
    """What ``has_phrase`` answered before the counts: a scan of the whole folded corpus."""
    words = phrase.split()
    if len(words) == 1:
        return words[0] in info.doc_freq
    return f" {phrase} " in info.phrase_text


A = [_clause("1-KH/TW", "I.1", "Tổ chức hội nghị nghiên cứu, quán triệt Kết luận 21."),
     _clause("1-KH/TW", "I.2", "Cán bộ, công chức, viên chức gương mẫu.")]
B = [_clause("2-KH/TW", "I.1", "Xây dựng chính sách pháp luật; tổng kết việc thực hiện kết luận.")]


def test_phrases_in_finds_phrases_within_a_line_only():
    phrases = frozenset({"thuc hien ke", "ke hoach nay", "hoach nay to"})
    assert phrases_in(["to chuc thuc hien ke hoach", "nay to chuc"], phrases) == {"thuc hien ke"}
    assert phrases_in([], phrases) == frozenset()


def test_checked_phrases_hold_lexicon_and_genre_part_phrases_of_three_syllables_or_more():
    checked = checked_phrases()
    assert "hoi nghi nghien cuu quan triet" in checked  # a paraphrase member
    assert "tong ket viec thuc hien ket luan" in checked  # a genre part's phrase
    assert all(len(p.split()) >= 3 for p in checked)


def test_has_phrase_equals_a_scan_for_checked_and_other_phrases():
    info = CorpusInfo.merge([CorpusInfo.build(A, ""), CorpusInfo.build(B, "")], A + B)
    probes = sorted(checked_phrases()) + ["can bo cong chuc vien chuc", "cong chuc vien", "quan triet ket luan 21",
                                         "21 can bo", "ket luan 21 can", "bao chi", "xay", "khong co"]
    for phrase in probes:
        assert info.has_phrase(phrase) == _scan(info, phrase), phrase
    assert info.phrases_present >= {"hoi nghi nghien cuu quan triet", "tong ket viec thuc hien ket luan"}


def test_merge_counts_again_a_part_counted_with_another_lexicon(monkeypatch):
    part_a = CorpusInfo.build(A, "")
    saved = part_a.to_json()
    monkeypatch.setattr(corpus_info, "checked_phrases", lambda: frozenset({"nghien cuu quan triet", "chinh sach phap"}))
    old = CorpusInfo.from_json(saved, A)  # the fingerprint differs from the lexicon now: nothing known
    assert old.phrases_checked == frozenset()
    merged = CorpusInfo.merge([old, CorpusInfo.from_json(CorpusInfo.build(B, "").to_json(), B)], A + B)
    assert merged.phrases_checked == {"nghien cuu quan triet", "chinh sach phap"}
    assert merged.phrases_present == {"nghien cuu quan triet", "chinh sach phap"}


def test_saved_statistics_keep_their_checked_phrases():
    info = CorpusInfo.merge([CorpusInfo.build(A, ""), CorpusInfo.build(B, "")], A + B)
    again = CorpusInfo.from_json(info.to_json(with_checked=True), A + B)
    assert again.phrases_checked == info.phrases_checked and again.phrases_present == info.phrases_present
    # A segment saves the fingerprint only: read back with the same lexicon, the set is the current one.
    assert "phrases_checked" not in CorpusInfo.build(A, "").to_json()
    assert CorpusInfo.from_json(CorpusInfo.build(A, "").to_json(), A).phrases_checked is checked_phrases()


def test_mentions_equals_a_scan_for_gazetteer_bodies_and_other_text():
    from qa.ask.corpus_info import gazetteer_keys

    clauses = [_clause("1-KH/TW", "I.1", "Ban Tuyên giáo Trung ương chủ trì; Quân ủy Trung ương phối hợp."),
               _clause("1-KH/TW", "I.2", "Ủy ban Kiểm tra các cấp giám sát.")]
    info = CorpusInfo.merge([CorpusInfo.build(clauses[:1], ""), CorpusInfo.build(clauses[1:], "")], clauses)
    assert {"ban tuyen giao trung uong", "quan uy trung uong"} <= info.bodies_mentioned
    for key in sorted(gazetteer_keys()) + ["uy ban kiem tra cac cap", "phoi hop.\nuy ban", "khong co"]:
        assert info.mentions(key) == (key in info.folded_text), key
    saved = CorpusInfo.from_json(info.to_json(with_checked=True), clauses)
    assert saved.bodies_mentioned == info.bodies_mentioned
    # statistics saved without the counts (made by hand) scan instead
    data = info.to_json()
    del data["bodies_mentioned"]
    unknown = CorpusInfo.from_json(data, clauses)
    assert unknown.bodies_mentioned is None and unknown.mentions("quan uy trung uong")
    assert CorpusInfo.merge([unknown, info], clauses + clauses).bodies_mentioned is None


def test_the_terms_and_meetings_the_plan_numbers(assistant):
    # "Đại hội Đảng toàn quốc lần thứ XIII", "Quốc hội khóa XV": a Party term by its congress or its khóa
    assert assistant._info.sessions == frozenset({(0, 13), (0, 15)})


def test_numbered_sessions_are_counted_per_document_and_merged(assistant):
    from qa.ask.corpus_info import CorpusInfo

    info = assistant._info
    saved = CorpusInfo.from_json(info.to_json(), info.clauses)
    assert saved.sessions_named == frozenset({(0, 13), (0, 15)}) and saved.sessions == info.sessions
    merged = CorpusInfo.merge([saved, saved], info.clauses)
    assert merged.sessions_named == frozenset({(0, 13), (0, 15)})
    # counted with other words: read again from the text, never trusted
    stale = CorpusInfo.from_json({**info.to_json(), "sessions_named": [[0, 4]], "sessions_sha": "other"}, info.clauses)
    assert stale.sessions == frozenset({(0, 13), (0, 15)})
