"""What the corpus holds, computed once when the index is built: for answerability and the
coverage message. Saved with the index (``to_json`` / ``from_json``), built per document and
merged (``merge``), so loading a current index and adding one document never recount the rest.

>>> info = CorpusInfo.build(clauses, coverage_message(documents))
>>> info.has_phrase("bao chi"), info.idf("thể")
(True, 1.9…)

Whether the corpus holds each phrase of three syllables or more that questions are checked
against (the paraphrase lexicon's members, the genre parts' phrases: ``checked_phrases()``) is
found per document when it is indexed and merged, so no question scans the whole corpus for
one. The checked set is saved by its fingerprint: a part counted with another lexicon is
counted again when merged, and a phrase outside the set is still found by a scan.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import Counter
from functools import cached_property, lru_cache
from itertools import chain
from dataclasses import dataclass

from ..facts import BODIES
from ..lexicon import Lexicon, genre_parts
from ..question import document_keys
from ..text import fold, syllables
from ..types import Clause
from .sessions import known_numbers, words_fingerprint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CorpusInfo:
    clauses: tuple[Clause, ...]
    coverage_message: str
    folded_text: str  # every clause, headings included, folded, one clause a line
    phrase_text: str  # the same as folded syllables joined by single spaces, " | " between clauses
    doc_freq: dict[str, int]
    vocab_accented: frozenset[str]  # lower-case syllables with their accents
    refs: frozenset[str]
    bodies: frozenset[str]
    actors: frozenset[str]  # bodies that lead or coordinate some task
    doc_ids: frozenset[str]
    common: frozenset[str]  # folded syllables in over a quarter of the clauses: they name no topic
    doc_keys: frozenset[tuple[str, int]]  # documents held or cited: ("kh", 3), ("kl", 21)
    truncated: tuple[tuple[str, str], ...] = ()  # (doc_id, last ref) of documents whose copy is cut off
    # One coverage sentence per document, in corpus order: ``coverage()`` picks a bounded few;
    # ``coverage_message`` is that bounded summary for no particular question.
    document_coverage: tuple[tuple[str, str], ...] = ()
    phrases_checked: frozenset[str] = frozenset()  # phrases whose presence was counted (see the module doc)
    phrases_present: frozenset[str] = frozenset()  # those of them the corpus holds within one clause
    # The gazetteer's bodies (folded) that some clause's folded text contains, found per document:
    # a question naming a body no clause states is told so without a scan. None: not counted.
    bodies_mentioned: frozenset[str] | None = None
    # The numbered terms and meetings the corpus names (``sessions.py``), counted per document
    # with the words of ``sessions_sha``; None: not counted (the whole text is read when asked).
    sessions_named: frozenset[tuple[int, int]] | None = None
    sessions_sha: str = ""

    @classmethod
    def build(cls, clauses: list[Clause], coverage_message: str,
              truncated: tuple[tuple[str, str], ...] = (),
              document_coverage: tuple[tuple[str, str], ...] = ()) -> "CorpusInfo":
        raw = [" ".join(c.headings) + " " + c.text for c in clauses]
        texts = [fold(t) for t in raw]
        df: Counter[str] = Counter()
        for t in texts:
            df.update(set(syllables(t)))
        bodies = {b for c in clauses for b in (*c.facts.bodies, *c.facts.lead, *c.facts.coordinate)}
        common = frozenset(t for t, n in df.items() if n > len(clauses) / 4)
        lines = [" ".join(syllables(t)) for t in texts]
        phrase_text = " | ".join(lines)
        checked = checked_phrases()
        return cls(clauses=tuple(clauses), coverage_message=coverage_message, folded_text="\n".join(texts),
                   phrase_text=f" {phrase_text} ", doc_freq=dict(df),
                   vocab_accented=frozenset(s for t in raw for s in syllables(t)), refs=frozenset(c.ref for c in clauses),
                   bodies=frozenset(bodies), actors=frozenset(b for c in clauses for b in (*c.facts.lead, *c.facts.coordinate)),
                   doc_ids=frozenset(c.doc_id for c in clauses), common=common,
                   doc_keys=frozenset(k for c in clauses for k in document_keys(f"{c.doc_id} {c.text}")),
                   truncated=tuple(truncated), document_coverage=tuple(document_coverage),
                   phrases_checked=checked, phrases_present=phrases_in(lines, checked),
                   bodies_mentioned=_mentioned_keys("\n".join(texts)),
                   sessions_named=known_numbers("\n".join(texts)), sessions_sha=words_fingerprint())

    # -- persistence: everything but the clauses, which the index keeps in clauses.jsonl ------------
    def to_json(self, with_checked: bool = False) -> dict:
        """``with_checked``: the checked phrases themselves, not only their fingerprint (the merged
        statistics: a changed lexicon then scans only its new phrases)."""
        out = {
            "coverage_message": self.coverage_message, "folded_text": self.folded_text,
            "phrase_text": self.phrase_text, "doc_freq": dict(sorted(self.doc_freq.items())),  # a build is byte-stable
            "vocab_accented": sorted(self.vocab_accented), "refs": sorted(self.refs),
            "bodies": sorted(self.bodies), "actors": sorted(self.actors), "doc_ids": sorted(self.doc_ids),
            "common": sorted(self.common), "doc_keys": sorted([k, n] for k, n in self.doc_keys),
            "truncated": [list(t) for t in self.truncated],
            "document_coverage": [list(d) for d in self.document_coverage],
            "phrases_checked_sha": phrases_fingerprint(self.phrases_checked),
            "phrases_present": sorted(self.phrases_present),
        }
        if self.bodies_mentioned is not None:
            out["bodies_mentioned"] = sorted(self.bodies_mentioned)
        if self.sessions_named is not None:
            out["sessions_named"] = sorted([k, n] for k, n in self.sessions_named)
            out["sessions_sha"] = self.sessions_sha
        if with_checked:
            out["phrases_checked"] = sorted(self.phrases_checked)
        return out

    @classmethod
    def from_json(cls, data: dict, clauses) -> "CorpusInfo":
        return cls(clauses=tuple(clauses), coverage_message=data["coverage_message"],
                   folded_text=data["folded_text"], phrase_text=data["phrase_text"],
                   doc_freq=dict(data["doc_freq"]), vocab_accented=frozenset(data["vocab_accented"]),
                   refs=frozenset(data["refs"]), bodies=frozenset(data["bodies"]),
                   actors=frozenset(data["actors"]), doc_ids=frozenset(data["doc_ids"]),
                   common=frozenset(data["common"]), doc_keys=frozenset((k, int(n)) for k, n in data["doc_keys"]),
                   truncated=tuple((d, r) for d, r in data["truncated"]),
                   document_coverage=tuple((d, t) for d, t in data.get("document_coverage", ())),
                   phrases_checked=_checked_from_json(data), phrases_present=frozenset(data.get("phrases_present", ())),
                   bodies_mentioned=frozenset(data["bodies_mentioned"]) if "bodies_mentioned" in data else None,
                   sessions_named=frozenset((int(k), int(n)) for k, n in data["sessions_named"])
                   if "sessions_named" in data else None, sessions_sha=data.get("sessions_sha", ""))

    @classmethod
    def merge(cls, parts: list["CorpusInfo"], clauses) -> "CorpusInfo":
        """One corpus's statistics from its documents' (each built with ``build``), without recounting."""
        clauses = tuple(clauses)
        df: Counter[str] = Counter()
        for part in parts:
            df.update(part.doc_freq)
        truncated = tuple(t for part in parts for t in part.truncated)
        document_coverage = tuple(d for part in parts for d in part.document_coverage)
        phrase = " | ".join(part.phrase_text.strip() for part in parts if part.phrase_text.strip())
        checked = checked_phrases()
        present: set[str] = set()
        for part in parts:
            if part.phrases_checked is checked or part.phrases_checked == checked:
                present.update(part.phrases_present)
            else:  # counted with another lexicon (or by hand): count this document again
                present.update(phrases_in(part.phrase_text.split(" | "), checked))
        return cls(clauses=clauses,
                   coverage_message=bounded_coverage(document_coverage, truncated, len(clauses)),
                   folded_text="\n".join(part.folded_text for part in parts if part.folded_text),
                   phrase_text=f" {phrase} ", doc_freq=dict(df),
                   vocab_accented=frozenset().union(*(p.vocab_accented for p in parts)),
                   refs=frozenset().union(*(p.refs for p in parts)),
                   bodies=frozenset().union(*(p.bodies for p in parts)),
                   actors=frozenset().union(*(p.actors for p in parts)),
                   doc_ids=frozenset().union(*(p.doc_ids for p in parts)),
                   common=frozenset(t for t, n in df.items() if n > len(clauses) / 4),
                   doc_keys=frozenset().union(*(p.doc_keys for p in parts)),
                   truncated=truncated, document_coverage=document_coverage,
                   phrases_checked=checked, phrases_present=frozenset(present),
                   bodies_mentioned=None if any(p.bodies_mentioned is None for p in parts)
                   else frozenset().union(*(p.bodies_mentioned for p in parts)),
                   sessions_named=frozenset().union(*(p._own_sessions() for p in parts)),
                   sessions_sha=words_fingerprint())

    def coverage(self, near: tuple[str, ...] | list[str] = ()) -> str:
        """What the corpus covers, bounded: counts, the documents ``near`` the question first
        (doc ids, e.g. of the best hits), the cut-off copies; ``coverage_full()`` lists all."""
        if not self.document_coverage:
            return self.coverage_message
        return bounded_coverage(self._coverage_by_doc, self.truncated, len(self.clauses), near)

    @cached_property
    def _coverage_by_doc(self) -> dict[str, str]:
        return dict(self.document_coverage)

    def coverage_full(self) -> str:
        """Every document's sentence: for a UI's "show the full list", never put in a reply."""
        if not self.document_coverage:
            return self.coverage_message
        return "Tài liệu hiện có — " + " | ".join(s for _, s in self.document_coverage) + "."

    def idf(self, syllable: str) -> float:
        n = len(self.clauses)
        return math.log(1 + (n + 1) / (self.doc_freq.get(fold(syllable), 0) + 0.5))

    def knows(self, syllable: str, accented: bool = False) -> bool:
        """The corpus uses this syllable somewhere: with its accents when ``accented``
        ("trường" is not "trương"), else folded."""
        return syllable.lower() in self.vocab_accented if accented else fold(syllable) in self.doc_freq

    def spellings(self, folded: str) -> tuple[str, ...]:
        """The corpus's spellings, with accents, of a folded syllable ("muc" → ("mục",))."""
        return self._spellings.get(folded, ())

    def warm_up(self) -> None:
        """Count now what the first question that needs it would wait for (20–100 ms at 100k)."""
        for name in ("own_doc_keys", "doc_types", "latest_year", "sessions", "_bigrams", "_coverage_by_doc",
                     "_spellings"):
            getattr(self, name)

    @cached_property
    def _spellings(self) -> dict[str, tuple[str, ...]]:
        marked: dict[str, list[str]] = {}
        for syllable in sorted(self.vocab_accented):
            marked.setdefault(fold(syllable), []).append(syllable)
        return {f: tuple(v) for f, v in marked.items()}

    @cached_property
    def _bigrams(self) -> frozenset[str]:
        """Adjacent folded syllable pairs within clauses: most phrases fail here, without a scan."""
        pairs = set()
        for part in self.phrase_text.split(" | "):
            words = part.split()
            pairs.update(f"{a} {b}" for a, b in zip(words, words[1:]))
        return frozenset(pairs)

    @cached_property
    def doc_types(self) -> frozenset[str]:
        """The kinds of the documents held or cited ("kl", "kh"): counted once, not per question."""
        return frozenset(k for k, _ in self.doc_keys)

    @cached_property
    def own_doc_keys(self) -> frozenset[tuple[str, int]]:
        """The documents the corpus holds, as (type, number): counted once, not per question."""
        return frozenset(k for d in self.doc_ids for k in document_keys(d))

    @cached_property
    def latest_year(self) -> int | None:
        """The latest year the corpus names: what happened after it, the corpus cannot say."""
        years = [int(t) for t in self.doc_freq if len(t) == 4 and t.isdigit() and t[:2] in ("19", "20")]
        return max(years) if years else None

    @cached_property
    def sessions(self) -> frozenset[tuple[int, int]]:
        """The numbered terms and meetings the corpus names, as (kind, number) (``sessions.py``)."""
        return self._own_sessions()

    def _own_sessions(self) -> frozenset[tuple[int, int]]:
        if self.sessions_named is not None and self.sessions_sha == words_fingerprint():
            return self.sessions_named
        return known_numbers(self.folded_text)  # counted with other words, or not at all: read the text

    @cached_property
    def _phrases(self) -> dict[str, bool]:
        return {}

    def has_phrase(self, folded_phrase: str) -> bool:
        """The corpus holds these folded syllables in a row (within one clause). A checked phrase
        is looked up; another of three syllables or more may need a scan of the whole corpus
        (10 ms at 100k): remembered."""
        known = self._phrases.get(folded_phrase)
        if known is None:
            if len(self._phrases) > 100_000:  # the lexicon's phrases are a few thousand; questions' words vary
                self._phrases.clear()
            known = self._phrases[folded_phrase] = self._has_phrase(folded_phrase)
        return known

    def has_loose_phrase(self, folded_phrase: str, gap: int = 2) -> bool:
        """The corpus holds these folded syllables in this order within one clause, with at most ``gap``
        other syllables between two of them: a wording quoted from memory ("kiểm tra, giám sát việc thực
        hiện" for «… việc tổ chức thực hiện»)."""
        words = folded_phrase.split()
        if not words or any(w not in self.doc_freq for w in words):
            return False
        between = rf"(?: [^ |]+){{0,{gap}}} "
        return re.search(" " + between.join(re.escape(w) for w in words) + " ", self.phrase_text) is not None

    def mentions(self, folded: str) -> bool:
        """Some clause's folded text (headings included) contains ``folded``: looked up for a
        gazetteer body, else a scan of the whole folded corpus (3–10 ms at 100k)."""
        if self.bodies_mentioned is not None and folded in gazetteer_keys():
            return folded in self.bodies_mentioned
        return folded in self.folded_text

    def _has_phrase(self, folded_phrase: str) -> bool:
        words = folded_phrase.split()
        if len(words) == 1:
            return words[0] in self.doc_freq
        if any(f"{a} {b}" not in self._bigrams for a, b in zip(words, words[1:])):
            return False
        if len(words) == 2:
            return True
        if folded_phrase in self.phrases_checked:
            return folded_phrase in self.phrases_present
        return f" {folded_phrase} " in self.phrase_text


@lru_cache(maxsize=1)
def checked_phrases() -> frozenset[str]:
    """The folded phrases of three syllables or more that questions are checked against: the
    paraphrase lexicon's members and the genre parts' phrases (fixed data)."""
    lexicon = Lexicon.load()
    keys = {" ".join(lexicon._keys[m]) for m in lexicon.members()}
    keys.update(key for _, phrases in genre_parts() for _, key in phrases)
    return frozenset(k for k in keys if len(k.split()) >= 3)


@lru_cache(maxsize=1)
def gazetteer_keys() -> frozenset[str]:
    """The gazetteer's bodies, folded (facts.py: part of the index's pipeline fingerprint)."""
    return frozenset(fold(b) for b in BODIES)


def _mentioned_keys(folded_text: str) -> frozenset[str]:
    return frozenset(k for k in gazetteer_keys() if k in folded_text)


def phrases_fingerprint(phrases: frozenset[str]) -> str:
    return hashlib.sha256("\n".join(sorted(phrases)).encode("utf-8")).hexdigest()[:16]


def _checked_from_json(data: dict) -> frozenset[str]:
    if "phrases_checked" in data:
        return frozenset(data["phrases_checked"])
    current = checked_phrases()
    if data.get("phrases_checked_sha") == phrases_fingerprint(current):
        return current
    if data.get("phrases_checked_sha"):
        log.info("statistics counted with another paraphrase lexicon: its phrases are counted again on merge")
    return frozenset()


def phrases_in(lines, phrases: frozenset[str]) -> frozenset[str]:
    """The ``phrases`` (folded syllables joined by single spaces) that occur within one of
    ``lines`` (the same): found from each position's first two syllables, not by a scan per phrase.

    >>> sorted(phrases_in(["to chuc thuc hien ke hoach"], frozenset({"thuc hien ke", "ke hoach nay"})))
    ['thuc hien ke']
    """
    by_start: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for p in phrases:
        words = tuple(p.split())
        if len(words) >= 2:
            by_start.setdefault(words[:2], []).append(words)
    found: set[str] = set()
    for line in lines:
        words = line.split()
        for i in range(len(words) - 1):
            for candidate in by_start.get((words[i], words[i + 1]), ()):
                if tuple(words[i:i + len(candidate)]) == candidate:
                    found.add(" ".join(candidate))
    return frozenset(found)


COVERAGE_DOCUMENTS = 5  # document sentences a coverage message names; the rest are counted


def bounded_coverage(document_coverage, truncated, clause_count: int, near=()) -> str:
    """At most ``COVERAGE_DOCUMENTS`` document sentences, those ``near`` first, then the cut-off
    copies (their note matters to a refusal), then the first; the rest are counted.
    ``document_coverage``: (doc_id, sentence) pairs or a mapping of them (kept by ``CorpusInfo``,
    so that a refusal in a library does not rebuild it)."""
    sentences = document_coverage if isinstance(document_coverage, dict) else dict(document_coverage)
    if len(sentences) <= COVERAGE_DOCUMENTS:  # a small corpus keeps its order and every sentence
        return coverage_message_from(sentences.values())
    chosen: dict[str, None] = {}
    for doc_id in chain(near, (d for d, _ in truncated), sentences):
        if doc_id in sentences:
            chosen.setdefault(doc_id)
            if len(chosen) == COVERAGE_DOCUMENTS:
                break
    rest = len(sentences) - len(chosen)
    head = f"Tài liệu hiện có {len(sentences)} văn bản, {clause_count} đoạn"
    cut_rest = len(truncated) - sum(1 for d, _ in truncated if d in chosen)
    tail = f"; và {rest} văn bản khác" + (f" (trong đó {cut_rest} bản bị cắt)" if cut_rest else "")
    return f"{head} — " + " | ".join(sentences[d] for d in chosen) + tail + "."


def coverage_message_from(sentences) -> str:
    return "Tài liệu hiện có — " + " | ".join(sentences) + "."


def document_coverage(documents) -> tuple[tuple[str, str], ...]:
    """(doc_id, sentence) per document: what it is and which parts are present."""
    return tuple((doc.doc_id, _coverage_sentence(doc)) for doc in documents)


def coverage_message(documents) -> str:
    """What the documents cover: one Vietnamese sentence each, at most ``COVERAGE_DOCUMENTS``."""
    sentences = document_coverage(documents)
    truncated = tuple((d.doc_id, d.truncated_after) for d in documents if d.truncated_after)
    return bounded_coverage(sentences, truncated, sum(len(d.clauses) for d in documents))


def _coverage_sentence(doc) -> str:
    tops = [c.ref for c in doc.clauses if c.kind == "section"]
    span = f"các mục {tops[0]}–{tops[-1]}" if len(tops) > 1 else (f"mục {tops[0]}" if tops else "toàn văn")
    sentence = f"{doc.doc_id} ({doc.title[:90]}{'…' if len(doc.title) > 90 else ''}): {span}"
    if doc.truncated_after:
        by_ref = {c.ref: c for c in doc.clauses}
        parent = doc.truncated_after.rsplit(".", 1)[0]
        where = f" (thuộc {parent} «{by_ref[parent].text}»)" if parent in by_ref and \
            by_ref[parent].kind == "heading" else ""
        sentence += (f"; bản trong kho bị cắt sau {doc.truncated_after}{where}, "
                     "nên không có nội dung các phần tiếp theo")
    return sentence
