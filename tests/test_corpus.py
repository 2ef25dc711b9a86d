import pytest

from qa.corpus import CorpusError, load_corpus


def test_bad_files_are_reported_and_the_rest_loads(corpus_dir):
    (corpus_dir / "rong.txt").write_bytes(b"")
    (corpus_dir / "nhiphan.txt").write_bytes(b"\x00\x01\x02")
    (corpus_dir / "latin1.txt").write_bytes("Kế hoạch".encode("cp1258", errors="replace") + b"\xff")
    (corpus_dir / "anh.png").write_bytes(b"\x89PNG")
    (corpus_dir / "ket-luan.txt").write_text("KẾT LUẬN\nSố: 99-KL/TW\n\nI- NỘI DUNG\n\n- Ban Bí thư chỉ đạo (năm 2025).\n",
                                             encoding="utf-8")
    corpus = load_corpus(corpus_dir)
    assert [d.doc_id for d in corpus.documents] == ["03-KH/TW", "99-KL/TW"]  # by file name
    names = " ".join(corpus.problems)
    for name in ("rong.txt", "nhiphan.txt", "latin1.txt", "anh.png"):
        assert name in names
    assert len(corpus.problems) == 4
    assert {c.doc_id for c in corpus.clauses} == {"99-KL/TW", "03-KH/TW"}


def test_fingerprint_changes_with_content(corpus_dir):
    before = load_corpus(corpus_dir).fingerprint
    (corpus_dir / "them.txt").write_text("KẾ HOẠCH\nSố: 5-KH/TW\n\nI- A\n\n- Nội dung.\n", encoding="utf-8")
    assert load_corpus(corpus_dir).fingerprint != before


def test_empty_or_missing_directory(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "khong-co")
    (tmp_path / "x.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="x.txt"):
        load_corpus(tmp_path)
