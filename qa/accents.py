"""Diacritics for a question typed without them ("hoi nghi can bo toan quoc do ai to chuc").

Accent-free text is common in chat, and two of the three retrieval views read it poorly: e5
sees other tokens than in the accented plan, and the accented BM25 view is skipped. The
restorer cuts the folded syllables into the longest known words and gives each its accents:

- the corpus's own words first (the accented BM25 view's terms — syllables and underthesea
  compounds — with the number of clauses using each);
- then the paraphrase lexicon's members (everyday words the corpus never uses) and the phrases
  questions are asked in ("lấy từ đâu", "là ai", "hiện nay": ``data/question_phrases.tsv``);
- then underthesea's Vietnamese dictionary (Viet74K), for other words of two syllables or more.

A syllable none of them knows keeps the letters typed, and so does a word already typed with
accents (an expanded abbreviation). Only the retrieval views read the result: the question's
analysis and the answerability signals still read what the user typed.

>>> Restorer({"tổ chức": 9, "hội nghị": 4, "tổ": 9, "chức": 9}).restore("hoi nghi do ai to chuc")
'hội nghị do ai tổ chức'
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from .datafiles import DATA, data_lines
from .text import fold, has_diacritics

_LONGEST = 4  # syllables in a word looked up
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w]+|_", re.UNICODE)
# A word's weight by where its accents come from; a word of n syllables scores weight × n², a
# known syllable alone 1, so longer and better-attested words win the cut. A dictionary pair
# (0.4 × 4) beats a known syllable beside an unknown one, not two known ones.
_CORPUS, _LEXICON, _DICTIONARY = 3.0, 2.0, 0.4


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[str, ...]:
    """underthesea's Viet74K word list (lower case, two syllables or more); empty when absent."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("underthesea")
    except (ImportError, ValueError):
        return ()
    if spec is None or not spec.submodule_search_locations:
        return ()
    path = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple(dict.fromkeys(w for w in (ln.strip().lower() for ln in lines) if " " in w and "-" not in w))


@lru_cache(maxsize=1)
def question_phrases() -> tuple[str, ...]:
    """How questions are asked, with accents (``qa/data/question_phrases.tsv``)."""
    return tuple(ln.strip() for ln in data_lines(DATA / "question_phrases.tsv"))


class Restorer:
    """``corpus``: accented word (syllables joined by spaces, lower case) → clauses using it;
    ``function_words``: words the corpus statistics leave out (stop words)."""

    def __init__(self, corpus: Mapping[str, int], lexicon: Iterable[str] = (),
                 dictionary: Iterable[str] = (), function_words: Iterable[str] = ()) -> None:
        self._syllable_count: dict[str, int] = {}
        for word, n in corpus.items():
            if " " not in word:
                self._syllable_count[word] = self._syllable_count.get(word, 0) + n
        # folded key → (weight, accented form); a better source or a more used form wins
        self._units: dict[str, tuple[float, float, str]] = {}
        for word, n in corpus.items():
            self._offer(word, _CORPUS, float(n))
        # Function words ("gì", "để", "thế") are not indexed: read as if in half the clauses of
        # the commonest corpus word they could also be ("dang": "Đảng" before "đang").
        # (sorted, here and below: of two forms equally used the first offered stays, whatever order a
        # set of words comes in, so the same question reads the same in every process)
        for word in sorted(function_words):
            key = fold(word)
            old = self._units.get(key)
            self._offer(word, _CORPUS, old[1] / 2 if old else 0.0)
        for word in sorted(lexicon):
            self._offer(word.lower(), _LEXICON, self._attested(word.lower()))
        for word in sorted(dictionary):
            self._offer(word, _DICTIONARY, self._attested(word))

    def _attested(self, word: str) -> float:
        return float(sum(self._syllable_count.get(s, 0) for s in word.split()))

    def _offer(self, word: str, weight: float, count: float) -> None:
        parts = word.split()
        if not parts or len(parts) > _LONGEST or not has_diacritics(word) and weight < _CORPUS:
            return
        if len(parts) == 1 and weight < _CORPUS:
            return  # one syllable from outside the corpus: too many readings ("ban": bàn, bán, bạn…)
        key = " ".join(fold(p) for p in parts)
        if not all(p.isalpha() and p.isascii() for p in key.split()):
            return
        old = self._units.get(key)
        if old is None or (weight, count) > old[:2]:
            self._units[key] = (weight, count, word)

    def restore(self, text: str) -> str:
        """``text`` with accents on its accent-free syllables wherever a known word fits."""
        tokens = _TOKEN.findall(text)
        out = list(tokens)
        run: list[int] = []  # token positions of consecutive accent-free syllables
        for i, token in enumerate(tokens + [""]):
            if token and token.isalpha() and token.isascii():
                run.append(i)
            elif token.isspace() and run:
                continue
            else:
                self._restore_run(tokens, run, out)
                run = []
        return "".join(out)

    def _restore_run(self, tokens: list[str], run: list[int], out: list[str]) -> None:
        if not run:
            return
        keys = [tokens[i].lower() for i in run]
        n = len(keys)
        best: list[tuple[float, list[tuple[int, int, str | None]]]] = [(0.0, [])] + [(-1.0, [])] * n
        for end in range(1, n + 1):
            for size in range(1, min(_LONGEST, end) + 1):
                start = end - size
                unit = self._units.get(" ".join(keys[start:end]))
                if unit is None and size > 1:
                    continue
                # a known syllable alone counts 1; a word of n syllables its source's weight × n²
                gain = 0.0 if unit is None else 1.0 if size == 1 else unit[0] * size * size
                score = best[start][0] + gain
                if score > best[end][0]:
                    best[end] = (score, best[start][1] + [(start, end, unit[2] if unit else None)])
        for start, end, word in best[n][1]:
            if word is None:
                continue
            for offset, syllable in enumerate(word.split()):
                typed = tokens[run[start + offset]]
                out[run[start + offset]] = _cased(syllable, typed)


def _cased(syllable: str, typed: str) -> str:
    """``syllable`` in the case it was typed in: "TW", "Hoi", "hoi"."""
    if len(typed) > 1 and typed.isupper():
        return syllable.upper()
    return syllable.capitalize() if typed[:1].isupper() else syllable


def corpus_words(bm25_view) -> dict[str, int]:
    """The accented BM25 view's terms with the number of clauses using each ("thể_chế" as "thể chế")."""
    import numpy as np

    counts = np.bincount(np.asarray(bm25_view.row_terms), minlength=len(bm25_view.terms))
    return {term.replace("_", " "): int(c) for term, c in zip(bm25_view.terms, counts) if c}
