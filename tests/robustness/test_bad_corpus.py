"""Bad corpus files beside the plan: the plan still answers, each bad file is named in Vietnamese."""

from __future__ import annotations

import codecs
import os

import pytest

from qa import Assistant, Config
from qa.corpus import load_corpus
from tests.conftest import PLAN
from tests.robustness.hostile import WHO, tally
from tests.test_reader import PLAN_START, cp1258, tcvn3

SMALL_DOC = "KẾT LUẬN\nSố: 99-KL/TW\n\nI- NỘI DUNG\n\n- Ban Bí thư chỉ đạo thực hiện (năm 2025).\n"
LIMIT = 200_000


def _write(corpus_dir, name: str, data) -> None:
    path = corpus_dir / name
    if callable(data):
        data(path)
    else:
        path.write_bytes(data)


# name → (how to make it, what the problem must say); None: the file loads.
BAD_FILES = {
    "rong.txt": (b"", "rong.txt: tệp trống"),
    "khoang-trang.txt": (b" \n\t\n", "khoang-trang.txt: tệp trống"),
    "nhi-phan.txt": (os.urandom(64).replace(b"\x00", b"\x01") + b"\x00" + os.urandom(64), "tệp nhị phân"),
    "windows-1258.txt": (cp1258(PLAN_START * 3), "Windows-1258"),
    "tcvn3.txt": (tcvn3(PLAN_START * 3), "TCVN3"),
    "latin1.txt": ("Café naïve résumé - über".encode("latin-1"), "không phải văn bản UTF-8 hợp lệ"),
    "qua-lon.txt": (b"a " * (LIMIT // 2 + 1), "tệp quá lớn"),
    "lien-ket-hong.txt": (lambda p: p.symlink_to(p.parent / "khong-co.txt"), "liên kết hỏng"),
    "lien-ket-vong.txt": (lambda p: p.symlink_to(p), "liên kết vòng"),
    "anh.png": (b"\x89PNG\r\n\x1a\n", "chỉ đọc tệp văn bản"),
    "trung-so-hieu.txt": (PLAN.read_bytes(), "trùng số hiệu 03-KH/TW với ke-hoach-03-KH-TW-2021.txt"),
    "utf16-bom.txt": (SMALL_DOC.encode("utf-16"), None),
    "utf8-bom.txt": (codecs.BOM_UTF8 + SMALL_DOC.replace("99-KL", "98-KL").encode(), None),
}


@pytest.fixture
def messy_corpus(corpus_dir):
    for name, (data, _) in BAD_FILES.items():
        _write(corpus_dir, name, data)
    (corpus_dir / "thu-muc.txt").mkdir()  # a directory is not a file: ignored
    return corpus_dir


def test_the_plan_still_answers_and_each_bad_file_is_named(messy_corpus, tmp_path, fake_embedder, segmenter):
    corpus = load_corpus(messy_corpus, max_file_bytes=LIMIT)
    for name, (_, problem) in sorted(BAD_FILES.items()):
        with tally("bad-corpus-file") as outcome:
            mine = [p for p in corpus.problems if p.startswith(f"{name}: ")]
            if problem is None:
                assert mine == [] and name in {d.source for d in corpus.documents}
                outcome.append("clean")
            else:
                assert len(mine) == 1 and problem in mine[0], (name, corpus.problems)
                outcome.append("message")
    assert {d.doc_id for d in corpus.documents} == {"03-KH/TW", "99-KL/TW", "98-KL/TW"}
    assert len(corpus.problems) == sum(problem is not None for _, problem in BAD_FILES.values())
    # The bad files change nothing: the same reply as from the usable files alone, saved as UTF-8.
    tidy = tmp_path / "tidy"
    tidy.mkdir()
    for doc in corpus.documents:
        (tidy / doc.source).write_text((messy_corpus / doc.source).read_bytes().decode(
            "utf-16" if doc.source.startswith("utf16") else "utf-8-sig"), encoding="utf-8")
    replies = []
    for directory in (messy_corpus, tidy):
        cfg = Config(corpus_dir=directory, index_dir=tmp_path / f"index-{directory.name}", retrieval_mode="lexical",
                     max_file_bytes=LIMIT)
        replies.append(Assistant.load(cfg, embedder=fake_embedder, segmenter=segmenter).ask(WHO).to_dict())
    assert replies[0] == replies[1] and replies[0]["found"]
