import json
import os

import pytest

from qa import Assistant, Config
from qa.corpus import load_corpus
from qa.index import IndexCorrupt, IndexStale, build_index, load_index


@pytest.fixture
def built(tmp_path, corpus_dir, fake_embedder, segmenter):
    cfg = Config(corpus_dir=corpus_dir, index_dir=tmp_path / "index")
    corpus = load_corpus(corpus_dir)
    build_index(corpus, fake_embedder, segmenter, cfg, cfg.index_dir, progress=False)
    return cfg, corpus


def test_build_writes_a_readable_directory(built):
    cfg, corpus = built
    files = sorted(p.name for p in cfg.index_dir.iterdir())
    assert files == ["bm25_accented", "bm25_folded", "clauses.jsonl", "corpus_info.json", "dense.faiss",
                     "manifest.json", "maps.json", "segments"]
    segment = next((cfg.index_dir / "segments").iterdir())
    assert sorted(p.name for p in segment.iterdir()) == ["clauses.jsonl", "document.json", "embedded.json", "info.json",
                                                         "maps.json", "tokens.jsonl", "vectors.npy"]
    manifest = json.loads((cfg.index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"] == "fake-hash-16" and manifest["dimension"] == 16
    assert manifest["corpus_fingerprint"] == corpus.fingerprint
    assert manifest["clause_count"] == 28
    assert {"faiss-cpu", "bm25s", "sentence-transformers", "underthesea"} <= set(manifest["versions"])
    first = (cfg.index_dir / "clauses.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert "Kế hoạch 03-KH/TW" in first  # real Vietnamese characters, not \u escapes
    index = load_index(cfg.index_dir, corpus.fingerprint, cfg)
    assert [c.ref for c in index.clauses] == [c.ref for c in corpus.clauses]
    assert index.dense.ntotal == 28


def test_stale_corpus_and_settings_are_refused(built):
    cfg, corpus = built
    with pytest.raises(IndexStale, match="corpus"):
        load_index(cfg.index_dir, "another-fingerprint", cfg)
    with pytest.raises(IndexStale):
        load_index(cfg.index_dir, corpus.fingerprint, cfg.replace(bm25_k1=2.0))


@pytest.mark.parametrize("damage", ["truncate_faiss", "garbage_manifest", "delete_clauses", "edit_clauses"])
def test_corrupt_index_is_refused(built, damage):
    cfg, corpus = built
    d = cfg.index_dir
    if damage == "truncate_faiss":
        (d / "dense.faiss").write_bytes((d / "dense.faiss").read_bytes()[:50])
    elif damage == "garbage_manifest":
        (d / "manifest.json").write_bytes(b"\x00{not json")
    elif damage == "delete_clauses":
        (d / "clauses.jsonl").unlink()
    else:
        (d / "clauses.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(IndexCorrupt):
        load_index(d, corpus.fingerprint, cfg)


def test_assistant_rebuilds_corrupt_and_stale_index(built, fake_embedder, segmenter):
    cfg, _ = built
    (cfg.index_dir / "dense.faiss").write_bytes(b"broken")
    a = Assistant.load(cfg, embedder=fake_embedder, segmenter=segmenter)
    assert a.index_status.startswith("rebuilt") and "checksum" in a.index_status
    assert a.ask("ai chịu trách nhiệm thể chế hóa?").citations[0].ref == "IV.1.1"
    again = Assistant.load(cfg, embedder=fake_embedder, segmenter=segmenter)
    assert again.index_status == "loaded"
    (cfg.corpus_dir / "them.txt").write_text("KẾ HOẠCH\nSố: 7-KH/TW\n\nI- MỤC A\n\n- Ban Bí thư chỉ đạo.\n",
                                             encoding="utf-8")
    stale = Assistant.load(cfg, embedder=fake_embedder, segmenter=segmenter)
    assert "corpus changed" in stale.index_status
    assert {c.doc_id for c in stale.clauses} == {"03-KH/TW", "7-KH/TW"}


def test_interrupted_build_keeps_the_old_index(built, fake_embedder, segmenter, monkeypatch):
    cfg, corpus = built
    before = (cfg.index_dir / "manifest.json").read_text(encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed midway")

    monkeypatch.setattr("qa.index._swap_in", killed)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, fake_embedder, segmenter, cfg, cfg.index_dir, progress=False)
    assert (cfg.index_dir / "manifest.json").read_text(encoding="utf-8") == before
    assert load_index(cfg.index_dir, corpus.fingerprint, cfg).dense.ntotal == 28
    leftovers = [p.name for p in cfg.index_dir.parent.iterdir() if ".tmp-" in p.name]
    assert leftovers == []


def test_build_without_manifest_is_never_loaded(built):
    cfg, corpus = built
    os.remove(cfg.index_dir / "manifest.json")  # what a crash before the last write leaves
    with pytest.raises(IndexCorrupt, match="manifest"):
        load_index(cfg.index_dir, corpus.fingerprint, cfg)


def test_parser_change_makes_the_index_stale(built, monkeypatch):
    cfg, corpus = built
    monkeypatch.setattr("qa.index.pipeline_fingerprint", lambda: "another-parser")
    with pytest.raises(IndexStale, match="parser"):
        load_index(cfg.index_dir, corpus.fingerprint, cfg)


def test_a_rebuild_for_changed_code_keeps_the_vectors_of_unchanged_texts(built, fake_embedder, segmenter, monkeypatch):
    import glob

    import numpy as np

    cfg, corpus = built

    def vectors():
        return np.concatenate([np.load(p) for p in sorted(glob.glob(str(cfg.index_dir / "segments/*/vectors.npy")))])

    before = vectors()

    class Other(type(fake_embedder)):  # the same model by name, another engine's rounding: other vectors
        def encode_documents(self, texts, show_progress=False):
            self.seen = [*getattr(self, "seen", []), *texts]
            return -super().encode_documents(texts, show_progress)

    monkeypatch.setattr("qa.index.pipeline_fingerprint", lambda: "another-parser")  # a word list edited
    other = Other()
    build_index(corpus, other, segmenter, cfg, cfg.index_dir, progress=False)
    assert getattr(other, "seen", []) == [] and np.array_equal(vectors(), before)
    load_index(cfg.index_dir, corpus.fingerprint, cfg)  # current, with the same rows
    # settings that change what is embedded embed every text again
    segmented = Config(corpus_dir=cfg.corpus_dir, index_dir=cfg.index_dir, segment_for_embedding=True)
    other = Other()
    build_index(corpus, other, segmenter, segmented, cfg.index_dir, progress=False)
    assert len(other.seen) == len(before) and np.array_equal(vectors(), -np.stack(
        [fake_embedder._vec(t) for t in other.seen]))


def test_unwritable_index_directory_gives_a_clear_error(tmp_path, corpus_dir, fake_embedder, segmenter):
    from qa.index import IndexProblem

    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    cfg = Config(corpus_dir=corpus_dir, index_dir=blocker / "index")
    with pytest.raises(IndexProblem, match="cannot write the index"):
        Assistant.load(cfg, embedder=fake_embedder, segmenter=segmenter)


def test_a_second_document_is_served_and_cited_by_name(tmp_path, corpus_dir, fake_embedder, segmenter):
    (corpus_dir / "ket-luan-99.txt").write_text(
        "KẾT LUẬN\nSố: 99-KL/TW\n\nI- NHIỆM VỤ\n\n"
        "1. Ban Kinh tế Trung ương chủ trì sơ kết mô hình hợp tác xã kiểu mới (quý III/2024).\n",
        encoding="utf-8")
    a = Assistant.load(Config(corpus_dir=corpus_dir, index_dir=tmp_path / "index"),
                       embedder=fake_embedder, segmenter=segmenter)
    reply = a.ask("Ai chủ trì sơ kết mô hình hợp tác xã kiểu mới?")
    assert reply.found and reply.citations[0].doc == "99-KL/TW" and reply.citations[0].ref == "I.1"
    assert "Ban Kinh tế Trung ương" in reply.answer
    assert a.ask("hợp tác xã kiểu mới sơ kết khi nào?").answer.startswith("Quý III/2024")
    assert "99-KL/TW" in a.coverage_message and "03-KH/TW" in a.coverage_message
    # the plan still answers as before
    assert a.ask("ai chịu trách nhiệm thể chế hóa?").citations[0].ref == "IV.1.1"


# -- hardening (issue 10): permissions, orphans, quiet library logs ----------------------------

def _mode(path) -> int:
    return os.stat(path).st_mode & 0o777


def test_rebuild_keeps_the_directory_permissions(built, fake_embedder, segmenter):
    cfg, corpus = built
    assert _mode(cfg.index_dir) == 0o777 & ~_umask()  # a first build: the umask's, not mkdtemp's 0700
    os.chmod(cfg.index_dir, 0o750)
    build_index(corpus, fake_embedder, segmenter, cfg, cfg.index_dir, progress=False)
    assert _mode(cfg.index_dir) == 0o750


def test_read_only_index_directory_is_rebuilt_without_leftovers(built, fake_embedder, segmenter):
    cfg, corpus = built
    os.chmod(cfg.index_dir, 0o555)
    try:
        build_index(corpus, fake_embedder, segmenter, cfg, cfg.index_dir, progress=False)
        assert _mode(cfg.index_dir) == 0o555
        assert sorted(p.name for p in cfg.index_dir.parent.iterdir()) == ["corpus", "index"]
    finally:
        os.chmod(cfg.index_dir, 0o755)


def test_orphans_of_killed_builds_are_removed_by_the_next_build(built, fake_embedder, segmenter):
    cfg, corpus = built
    parent = cfg.index_dir.parent
    dead = _dead_pid()
    orphans = [parent / "index.tmp-abc123", parent / f"index.tmp-{dead}-x1", parent / f"index.old-{dead}-17"]
    for path in orphans:
        (path / "bm25_folded").mkdir(parents=True)
        (path / "clauses.jsonl").write_text("{}", encoding="utf-8")
    os.chmod(orphans[2], 0o555)
    live = parent / f"index.tmp-{os.getppid()}-busy"  # a build still running elsewhere
    live.mkdir()
    build_index(corpus, fake_embedder, segmenter, cfg, cfg.index_dir, progress=False)
    assert sorted(p.name for p in parent.iterdir()) == ["corpus", "index", live.name]


def test_build_and_load_log_no_debug_lines(built, fake_embedder, segmenter, capfd):
    import logging

    cfg, corpus = built
    logging.getLogger().addHandler(handler := logging.StreamHandler())
    logging.getLogger("bm25s").setLevel(logging.DEBUG)  # what importing bm25s does
    try:
        build_index(corpus, fake_embedder, segmenter, cfg, cfg.index_dir, progress=False)
        load_index(cfg.index_dir, corpus.fingerprint, cfg)
    finally:
        logging.getLogger().removeHandler(handler)
    assert "Building index" not in capfd.readouterr().err


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _dead_pid() -> int:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid
