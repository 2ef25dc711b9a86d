"""Benchmark formulas, written out so each one can be checked by hand.

Relevance is binary: a citation is relevant when its text contains one of the
question's gold substrings (both NFC, white space collapsed). Ranks are 0-based.

- Hit@k      = 1 if the first relevant citation has rank < k, else 0.
- MRR@10     = 1 / (rank + 1) of the first relevant citation within the top 10, else 0.
- nDCG@10    = DCG / IDCG with DCG = Σ_{i<10} rel_i / log2(i + 2) and IDCG the DCG of
               ``n_ideal`` relevant citations at the top, where ``n_ideal`` is the number
               of corpus clauses that contain a gold substring, capped at 10 (at least 1).
- answer     = an acceptable short answer occurs, as whole words in order, in a reply that
               was found and is at most 200 characters; case, diacritics, punctuation, a
               few filler words ("của", "và", "ngày") and the spelling of dates aside.
               An acceptable answer naming several things matches when each one occurs.
               A one-word answer typed with its marks ("Đúng", "Có", "Sai") keeps them: folded,
               "đúng" would be found in "xây dựng" and "có" in "cơ quan". "Sai" is also met by a
               reply that opens «Không đúng».
- abstention = precision and recall of ``found is False`` as a detector of out-of-scope
               questions; false-abstention rate = share of in-scope questions abstained on.
- latency    = p50 / p95 by linear interpolation between closest ranks (numpy's default).

The normalisation here is deliberately independent of ``qa.text``: the benchmark
must not measure the pipeline with the pipeline's own ruler.

>>> first_relevant_rank(["a b", "xx gold yy"], ["gold"])
1
>>> reciprocal_rank(1), hit_at_k(1, 1), hit_at_k(1, 3)
(0.5, 0.0, 1.0)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from qa.text import collapse
from qa.text import fold as _fold

DEPTH = 10  # cut-off of MRR and nDCG, and of the rank stored per record
HIT_KS = (1, 3, 5)
ANSWER_MAX_CHARS = 200  # replies longer than this are free text, not a short answer

def fold(text: str) -> str:
    """Lower-case, no diacritics, ``đ`` → ``d``, spaces collapsed: ``"Ủy ban"`` → ``"uy ban"``."""
    return _fold(collapse(text))


# --- retrieval ---------------------------------------------------------------------

def is_relevant(text: str, gold: Iterable[str]) -> bool:
    """A citation text is relevant when it contains any gold substring."""
    haystack = collapse(text)
    return any(collapse(g) in haystack for g in gold if g.strip())


def relevance_vector(texts: Sequence[str], gold: Sequence[str], depth: int = DEPTH) -> list[bool]:
    """Binary relevance of the first ``depth`` citation texts."""
    return [is_relevant(t, gold) for t in texts[:depth]]


def first_relevant_rank(texts: Sequence[str], gold: Sequence[str], depth: int = DEPTH) -> int | None:
    """0-based rank of the first relevant citation within ``depth``, or ``None``."""
    for i, relevant in enumerate(relevance_vector(texts, gold, depth)):
        if relevant:
            return i
    return None


def hit_at_k(rank: int | None, k: int) -> float:
    if k <= 0:
        raise ValueError(f"k must be greater than 0. Currently, the k is {k}")
    return 1.0 if rank is not None and rank < k else 0.0


def reciprocal_rank(rank: int | None, depth: int = DEPTH) -> float:
    return 1.0 / (rank + 1) if rank is not None and rank < depth else 0.0


def dcg(relevances: Sequence[bool], depth: int = DEPTH) -> float:
    return sum(1.0 / math.log2(i + 2) for i, rel in enumerate(relevances[:depth]) if rel)


def ndcg(relevances: Sequence[bool], n_ideal: int, depth: int = DEPTH) -> float:
    """nDCG@depth with binary gains; ``n_ideal`` relevant items exist (capped at ``depth``).

    ``n_ideal`` is raised to the number of relevant items actually retrieved, so the
    score never exceeds 1 when the count of relevant clauses was underestimated.
    """
    found = sum(1 for r in relevances[:depth] if r)
    ideal = min(depth, max(1, n_ideal, found))
    return dcg(relevances, depth) / dcg([True] * ideal, depth)


def ideal_count(clause_texts: Iterable[str] | None, gold: Sequence[str], depth: int = DEPTH) -> int:
    """How many relevant items an ideal ranking holds: the corpus clauses containing a
    gold substring, capped at ``depth``. Without the clauses, one per distinct gold string."""
    if clause_texts is None:
        return min(depth, max(1, len({collapse(g) for g in gold})))
    return min(depth, sum(1 for t in clause_texts if is_relevant(t, gold)))


# --- answers -------------------------------------------------------------------------

# Words a writer adds to or leaves out of a short answer without changing it (folded):
# "năm thứ 3 của nhiệm kỳ" is the plan's "(năm thứ 3, nhiệm kỳ …)", "Bộ Chính trị và Ban
# Bí thư" its "Bộ Chính trị, Ban Bí thư", "ngày 25/10/2021" its "25/10/2021".
ANSWER_FILLERS = frozenset({"cua", "vao", "va", "la", "thi", "ngay"})
# words, and the marks inside references and dates as words of their own: "2021" is in "1/12/2021",
# "III.1" is not in "III.10"
_TOKEN = re.compile(r"[0-9a-z]+|(?<=[0-9a-z])[./-](?=[0-9a-z])")
_DATE_WORDS = re.compile(r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_MONTH_WORDS = re.compile(r"thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_NUMBERED = re.compile(r"\b\d+(?:/\d+)+\b")
_UNIT_BEFORE_DATE = re.compile(r"\b(?:ngay|thang|nam)\s+(?=\d)")  # "tháng 01/2022" is "01/2022"
# Parts of an acceptable answer that names several things: each must be in the reply.
_PARTS = re.compile(r"\s*[,;]\s*|\s+va\s+")


def _dates(folded: str) -> str:
    """One spelling per date: "ngày 01 tháng 12 năm 2021" and "1/12/2021" are "1/12/2021",
    "tháng 01/2022" is "1/2022"."""
    folded = _DATE_WORDS.sub(lambda m: f"{m[1]}/{m[2]}/{m[3]}", folded)
    folded = _UNIT_BEFORE_DATE.sub("", _MONTH_WORDS.sub(lambda m: f"{m[1]}/{m[2]}", folded))
    return _NUMBERED.sub(lambda m: "/".join(str(int(n)) for n in m[0].split("/")), folded)


def answer_tokens(text: str) -> list[str]:
    """Folded words of a short answer, dates in one spelling, punctuation and fillers dropped.

    >>> answer_tokens("Năm thứ 3 của nhiệm kỳ; ngày 01 tháng 12 năm 2021")
    ['nam', 'thu', '3', 'nhiem', 'ky', '1', '/', '12', '/', '2021']
    """
    return [t for t in _TOKEN.findall(_dates(fold(text))) if t not in ANSWER_FILLERS]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


_MARKED_WORD = re.compile(r"\w+")


def _marked(text: str) -> list[str]:
    """Lower-case words of ``text`` with their diacritics (NFC)."""
    return _MARKED_WORD.findall(unicodedata.normalize("NFC", text).lower())


def _matches_one(haystack: list[str], acceptable: str, answer: str = "") -> bool:
    tokens = answer_tokens(acceptable)
    word = _marked(acceptable)
    if word == ["sai"] and _marked(answer)[:2] == ["không", "đúng"]:
        # a statement judged false: "Sai" and a reply opening «Không đúng.» say the same
        return True
    if len(tokens) == 1 and len(word) == 1 and word[0] != tokens[0] and tokens[0].isalpha():
        # one word typed with marks: the reply must hold it with them ("đúng" is not "dựng")
        return word[0] in _marked(answer)
    if _contains(haystack, tokens):
        return True
    parts = [answer_tokens(p) for p in _PARTS.split(_dates(fold(acceptable)))]
    parts = [p for p in parts if p]
    return len(parts) > 1 and all(_contains(haystack, p) for p in parts)


def answer_matches(answer: str, acceptable: Sequence[str], max_chars: int = ANSWER_MAX_CHARS) -> bool:
    """True when ``answer`` is short and holds an acceptable answer: its words in order,
    whole words, case, diacritics, punctuation and fillers aside; an acceptable answer
    naming several things (",", ";", "và") also matches when the reply holds each of them."""
    if not answer or len(collapse(answer)) > max_chars:
        return False
    haystack = answer_tokens(answer)
    return any(_matches_one(haystack, a, answer) for a in acceptable if a.strip())


def answer_correct(found: bool, answer: str, acceptable: Sequence[str],
                   max_chars: int = ANSWER_MAX_CHARS) -> bool | None:
    """``None`` when the question has no short answer to score; an abstention is wrong."""
    if not acceptable:
        return None
    return bool(found) and answer_matches(answer, acceptable, max_chars)


# --- aggregates ----------------------------------------------------------------------

def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """Linear interpolation between closest ranks: percentile([1, 2, 3, 4], 50) == 2.5."""
    if not 0 <= p <= 100:
        raise ValueError(f"p must be within [0, 100]. Currently, the p is {p}")
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def abstention_scores(abstained: Sequence[bool], out_of_scope: Sequence[bool]) -> dict[str, float | None]:
    """Precision / recall of abstaining as a detector of out-of-scope questions, and the
    false-abstention rate on in-scope ones. Undefined values are ``None``."""
    if len(abstained) != len(out_of_scope):
        raise ValueError(f"length mismatch: {len(abstained)} abstentions, {len(out_of_scope)} labels")
    pairs = list(zip(abstained, out_of_scope))
    true_pos = sum(1 for a, o in pairs if a and o)
    return {
        "abstain_precision": ratio(true_pos, sum(1 for a, _ in pairs if a)),
        "abstain_recall": ratio(true_pos, sum(1 for _, o in pairs if o)),
        "false_abstention": ratio(sum(1 for a, o in pairs if a and not o), sum(1 for _, o in pairs if not o)),
    }
