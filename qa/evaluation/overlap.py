"""How paraphrased a question set is: the content words each question shares with its gold clause.

For every in-scope question, over every turn the user typed (history and scored message):

- content syllables = ``qa.text.syllables`` minus the stop words of ``qa.text`` (the
  accented list for text typed with diacritics, the folded one otherwise) and digits;
  abbreviations are *not* expanded ("UBKT" shares nothing with "Ủy ban Kiểm tra");
- the gold clause = every corpus paragraph (``dataset.corpus_paragraphs``, the unit a
  clause is cut from) holding one of the question's gold substrings;
- a syllable is shared when it occurs in the gold clause: compared with its accents
  (lower-case, ``qa.text.normalize``'s tone convention) when the turn was typed with
  diacritics, folded (``qa.text.fold``) when it was typed without — so homographs that
  folding creates ("bỏ"/"Bộ", "năm"/"nằm", "đằng"/"Đảng") do not count as shared;
- shared words: the shared syllables read left to right, two adjacent ones joined into
  one word when they are adjacent in the clause too ("lấy phiếu tín nhiệm" → 2 words).

Per question: ``share`` = distinct shared syllables / distinct content syllables (0 when
there are none); ``low`` = at most ``LOW_OVERLAP_MAX`` (2) distinct shared words.
Per set: ``mean_share`` and ``low_overlap`` (the fraction of low questions). A set
written while reading the clauses has a high share; one written from the user's side
has many low-overlap questions.

>>> paragraphs = ["Ban Tuyên giáo Trung ương chủ trì hướng dẫn tổ chức hội nghị"]
>>> q = Question("q1", "who", "Ai hướng dẫn các hội nghị học tập?", (), ("Ban Tuyên giáo Trung ương chủ trì",), (), "dev")
>>> item = question_overlap(q, paragraphs)
>>> item.shared, item.shared_words, round(item.share, 3)
(('hướng', 'dẫn', 'hội', 'nghị'), ('hướng dẫn', 'hội nghị'), 0.667)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qa.evaluation.dataset import STYLES, TYPES, Question
from qa.evaluation.metrics import collapse
from qa.text import STOPWORDS, STOPWORDS_FOLDED, fold, has_diacritics, normalize, syllables

LOW_OVERLAP_MAX = 2  # a question sharing at most this many content words counts as low-overlap


@dataclass(frozen=True)
class QuestionOverlap:
    id: str
    type: str
    style: str | None
    words: tuple[str, ...]         # the question's distinct content syllables
    shared: tuple[str, ...]        # those found in the gold clause
    shared_words: tuple[str, ...]  # the shared syllables grouped into words

    @property
    def share(self) -> float:
        return len(self.shared) / len(self.words) if self.words else 0.0

    @property
    def low(self) -> bool:
        return len(self.shared_words) <= LOW_OVERLAP_MAX


class _Clause:
    """The gold clause's syllables and adjacent pairs, accented and folded."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.syllables: dict[bool, set[str]] = {True: set(), False: set()}
        self.pairs: dict[bool, set[tuple[str, str]]] = {True: set(), False: set()}
        for text in texts:
            accented = syllables(normalize(text))
            for form in (accented, [fold(s) for s in accented]):
                key = form is accented
                self.syllables[key].update(form)
                self.pairs[key].update(zip(form, form[1:]))


def _turn_overlap(turn: str, clause: _Clause) -> tuple[list[str], list[str], list[str]]:
    """(content syllables, shared syllables, shared words) of one typed message."""
    accented = has_diacritics(turn)
    stop = STOPWORDS if accented else STOPWORDS_FOLDED
    raw = syllables(normalize(turn))
    forms = raw if accented else [fold(s) for s in raw]
    content = [s not in stop and not s.isdigit() for s in raw]
    hits = [c and f in clause.syllables[accented] for c, f in zip(content, forms)]
    words: list[str] = []
    i = 0
    while i < len(forms):
        if hits[i]:
            if i + 1 < len(forms) and hits[i + 1] and (forms[i], forms[i + 1]) in clause.pairs[accented]:
                words.append(f"{forms[i]} {forms[i + 1]}")
                i += 2
                continue
            words.append(forms[i])
        i += 1
    return ([f for f, c in zip(forms, content) if c], [f for f, h in zip(forms, hits) if h], words)


def gold_clauses(question: Question, paragraphs: Sequence[str]) -> list[str]:
    """The paragraphs holding any of the question's gold substrings."""
    golds = [collapse(g) for g in question.gold]
    return [p for p in paragraphs if any(g in collapse(p) for g in golds)]


def question_overlap(question: Question, paragraphs: Sequence[str]) -> QuestionOverlap | None:
    """``None`` when no paragraph holds a gold substring (the question cannot be measured)."""
    texts = gold_clauses(question, paragraphs)
    if not texts:
        return None
    clause = _Clause(texts)
    words: dict[str, None] = {}
    shared: dict[str, None] = {}
    shared_words: dict[str, None] = {}
    for turn in (*question.history, question.text):
        content, hits, grouped = _turn_overlap(turn, clause)
        words.update(dict.fromkeys(content))
        shared.update(dict.fromkeys(hits))
        shared_words.update(dict.fromkeys(grouped))
    return QuestionOverlap(question.id, question.type, question.style, tuple(words), tuple(shared),
                           tuple(shared_words))


def aggregate(items: Sequence[QuestionOverlap]) -> dict[str, Any]:
    n = len(items)
    return {
        "n": n,
        "mean_share": sum(i.share for i in items) / n if n else None,
        "mean_shared_words": sum(len(i.shared_words) for i in items) / n if n else None,
        "low_overlap": sum(1 for i in items if i.low) / n if n else None,
        "n_low_overlap": sum(1 for i in items if i.low),
    }


def _ordered(keys: set[str], known: Sequence[str]) -> list[str]:
    return [k for k in known if k in keys] + sorted(keys - set(known))


def overlap_summary(questions: Sequence[Question], paragraphs: Sequence[str]) -> dict[str, Any]:
    """``{"all": {...}, "by_type": {...}, "by_style": {...}, "unmeasured": [ids]}`` over in-scope questions."""
    items: list[QuestionOverlap] = []
    unmeasured: list[str] = []
    for q in questions:
        if not q.in_scope:
            continue
        item = question_overlap(q, paragraphs)
        if item is None:
            unmeasured.append(q.id)
        else:
            items.append(item)
    by_type = {t: aggregate([i for i in items if i.type == t]) for t in _ordered({i.type for i in items}, TYPES)}
    styles = {i.style for i in items if i.style}
    by_style = {s: aggregate([i for i in items if i.style == s]) for s in _ordered(styles, STYLES)}
    if any(i.style is None for i in items) and styles:
        by_style["(none)"] = aggregate([i for i in items if i.style is None])
    return {"all": aggregate(items), "by_type": by_type, "by_style": by_style, "unmeasured": unmeasured,
            "low_overlap_max": LOW_OVERLAP_MAX}


def format_overlap(summary: dict[str, Any], title: str = "Lexical overlap with the gold clause") -> str:
    """A few lines for the terminal: the set, then per style (or per type when there are no styles)."""
    def row(name: str, s: dict[str, Any]) -> str:
        if not s["n"]:
            return f"  {name:<14} n=0"
        return (f"  {name:<14} n={s['n']:<4} mean share {s['mean_share']:.3f}   "
                f"≤{summary['low_overlap_max']} shared words {s['low_overlap']:.3f} ({s['n_low_overlap']})")
    lines = [f"{title} (in-scope questions; stop words removed, accents compared when typed)",
             row("all", summary["all"])]
    groups = summary["by_style"] or summary["by_type"]
    label = "by style" if summary["by_style"] else "by type"
    if groups:
        lines.append(f"  {label}:")
        lines += ["  " + row(name, s) for name, s in groups.items()]
    if summary["unmeasured"]:
        lines.append(f"  not measured (no gold substring in the corpus): {', '.join(summary['unmeasured'])}")
    return "\n".join(lines)


def overlap_markdown(summary: dict[str, Any]) -> str:
    """A markdown table: all, per type, per style."""
    header = "| group | n | mean share | ≤{0} shared words |\n|---|---|---|---|".format(summary["low_overlap_max"])
    rows = []

    def add(name: str, s: dict[str, Any]) -> None:
        if s["n"]:
            rows.append(f"| {name} | {s['n']} | {s['mean_share']:.3f} | {s['low_overlap']:.3f} |")
        else:
            rows.append(f"| {name} | 0 | – | – |")

    add("all", summary["all"])
    for name, s in summary["by_type"].items():
        add(f"type: {name}", s)
    for name, s in summary["by_style"].items():
        add(f"style: {name}", s)
    text = header + "\n" + "\n".join(rows)
    if summary["unmeasured"]:
        text += "\n\nNot measured (no gold substring in the corpus): " + ", ".join(summary["unmeasured"])
    return text
