"""The scale tooling (issue 9): the synthetic library and the lean import path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qa.corpus import load_corpus
from qa.synthetic import CLAUSES_PER_DOCUMENT, write_library

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_library_holds_distinct_documents_of_the_plan_genre(tmp_path):
    write_library(tmp_path, 3 * CLAUSES_PER_DOCUMENT)
    corpus = load_corpus(tmp_path)
    assert len(corpus.documents) == 3 and len(corpus.clauses) == 3 * CLAUSES_PER_DOCUMENT
    assert len({d.doc_id for d in corpus.documents}) == 3
    texts = [tuple(c.text for c in d.clauses[1:]) for d in corpus.documents]
    assert len(set(texts)) == 3 and "III.7" in {c.ref for c in corpus.documents[0].clauses}


def test_the_lexical_path_never_imports_torch():
    code = ("import sys; from qa.text import Segmenter; Segmenter().words('thể chế hóa'); "
            "import underthesea; print('torch' in sys.modules, 'transformers' in sys.modules, "
            "underthesea.word_tokenize is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["False", "False", "True"]
