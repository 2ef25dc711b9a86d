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


def test_links_that_lead_nowhere_are_named(corpus_dir):
    (corpus_dir / "hong.txt").symlink_to(corpus_dir / "khong-co.txt")
    (corpus_dir / "vong.txt").symlink_to(corpus_dir / "vong.txt")
    (corpus_dir / "ban-sao.txt").symlink_to(corpus_dir / "ke-hoach-03-KH-TW-2021.txt")  # a good link is read
    corpus = load_corpus(corpus_dir)
    assert [d.doc_id for d in corpus.documents] == ["03-KH/TW"]
    assert any(p.startswith("hong.txt: liên kết hỏng") and "khong-co.txt" in p for p in corpus.problems)
    assert any(p.startswith("vong.txt: liên kết vòng") for p in corpus.problems)
    assert "ke-hoach-03-KH-TW-2021.txt: trùng số hiệu 03-KH/TW với ban-sao.txt; bỏ qua" in corpus.problems


def test_utf16_file_loads_and_large_file_is_named(corpus_dir):
    plan = (corpus_dir / "ke-hoach-03-KH-TW-2021.txt")
    plan.write_bytes(plan.read_text(encoding="utf-8").encode("utf-16"))
    (corpus_dir / "lon.txt").write_bytes(b"x" * 300_000)
    corpus = load_corpus(corpus_dir, max_file_bytes=200_000)
    assert [d.doc_id for d in corpus.documents] == ["03-KH/TW"] and len(corpus.clauses) == 28
    assert corpus.problems == ("lon.txt: tệp quá lớn (0.3 MB, giới hạn 0.2 MB); hãy tách thành nhiều tệp nhỏ "
                               "hoặc tăng giới hạn max_file_bytes",)
