"""Hits → a short, grounded answer, or an explained abstention.

Every fact in ``answer`` is copied from a cited clause (its timing, its bodies,
its label, its sentences); when the clauses do not say, the reply says so.

>>> reply = Answerer(corpus_info, config).compose(question, hits)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .config import Config
from .question import Question, document_keys
from .facts import find_actors, find_bodies
from .text import fold, syllables
from .types import Citation, Clause, Hit, Reply

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")
# "Kết luận số 19-KL/TW, ngày 14/10/2021": a cited document and its date.
_CITED_DOC = re.compile(r"(\b[A-ZĐ][^\W\d]*(?: [^\W\d]+){0,2} số )?(\d{1,4})-([A-ZĐ]{1,4})/[A-ZĐƯ]{1,3},? ngày (\d{1,2}/\d{1,2}/\d{4})")


@dataclass(frozen=True)
class CorpusInfo:
    """What the corpus holds, for coverage checks and the 'what I cover' message."""

    clauses: tuple[Clause, ...]
    coverage_message: str
    folded_text: str  # every clause, headings included, folded
    doc_freq: dict[str, int]
    refs: frozenset[str]
    bodies: frozenset[str]
    doc_ids: frozenset[str]
    common: frozenset[str]  # folded syllables in over a quarter of the clauses: they name no topic
    doc_keys: frozenset[tuple[str, int]]  # documents held or cited: ("kh", 3), ("kl", 21)

    @classmethod
    def build(cls, clauses: list[Clause], coverage_message: str) -> "CorpusInfo":
        texts = [fold(" ".join(c.headings) + " " + c.text) for c in clauses]
        df: Counter[str] = Counter()
        for t in texts:
            df.update(set(syllables(t)))
        bodies = {b for c in clauses for b in (*c.facts.bodies, *c.facts.lead, *c.facts.coordinate)}
        common = frozenset(t for t, n in df.items() if n > len(clauses) / 4)
        return cls(clauses=tuple(clauses), coverage_message=coverage_message, folded_text="\n".join(texts),
                   doc_freq=dict(df), refs=frozenset(c.ref for c in clauses), bodies=frozenset(bodies),
                   doc_ids=frozenset(c.doc_id for c in clauses), common=common,
                   doc_keys=frozenset(k for c in clauses for k in document_keys(f"{c.doc_id} {c.text}")))

    def idf(self, syllable: str) -> float:
        n = len(self.clauses)
        return math.log(1 + (n + 1) / (self.doc_freq.get(syllable, 0) + 0.5))


def coverage_message(documents) -> str:
    """One Vietnamese sentence per document: what it is and which parts are present."""
    parts = []
    for doc in documents:
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
        parts.append(sentence)
    return "Tài liệu hiện có — " + " | ".join(parts) + "."


def _clip(text: str, limit: int) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;: ")
    return cut + "…"


_SEGMENT = re.compile(r"(?<=[.;])\s+")


def best_passage(text: str, terms: tuple[str, ...], limit: int) -> str:
    """The sentence (or ``;`` part) of a clause that shares most topic syllables with
    the question, verbatim; the first one when none shares more than another."""
    segments = [s for s in _SEGMENT.split(text.replace("\n", " ")) if s.strip()]
    if len(segments) <= 1 or not terms:
        return first_sentences(text, limit)
    wanted = set(terms)
    scores = [len(wanted & set(syllables(fold(s)))) for s in segments]
    best = max(range(len(segments)), key=lambda i: (scores[i], -i))
    if scores[best] == scores[0]:
        return first_sentences(text, limit)
    return _clip(segments[best], limit)


_CONNECTORS = re.compile(r"^(\s|,|và|chủ trì|phối hợp với|phối hợp|cùng)*$")


def _task_part(passage: str, names: tuple[str, ...]) -> str:
    """The passage without its leading run of body names and connectors
    ("Ban A chủ trì phối hợp với Ban B, Ban C hướng dẫn …" → "hướng dẫn …")."""
    keys = {fold(n) for n in names}
    end = 0
    for m in find_bodies(passage):
        if fold(m.name) not in keys or not _CONNECTORS.match(passage[end:m.start]):
            break
        end = m.end
    rest = passage[end:]
    return rest.lstrip(" ,") if end and not _CONNECTORS.match(rest) else passage


def _sentence_around(text: str, part: str) -> str:
    """The whole sentence (up to a full stop) that holds ``part``."""
    for sentence in re.split(r"(?<=\.)\s+", text.replace("\n", " ")):
        if part.rstrip("…") in sentence:
            return sentence
    return part


def first_sentences(text: str, limit: int) -> str:
    """One or two leading sentences of a clause, verbatim, within ``limit`` characters."""
    sentences = _SENTENCE_END.split(text.replace("\n", " "))
    out = sentences[0]
    if len(sentences) > 1 and len(out) + 1 + len(sentences[1]) <= limit and len(out) < 80:
        out = out + " " + sentences[1]
    return _clip(out, limit)


def _join(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


class Answerer:
    def __init__(self, info: CorpusInfo, config: Config) -> None:
        self.info = info
        self.config = config

    # -- abstention ------------------------------------------------------
    def coverage(self, q: Question, hits: list[Hit]) -> float:
        """How much of the question the best clauses contain, in [0, 1].

        The mean of an IDF-weighted share of content syllables and the share of
        adjacent content-syllable pairs: single syllables match too easily
        ("Hà Nội" in the header answers nothing about the weather), pairs alone
        punish paraphrase. Accents count when the question has them.
        """
        terms = [t for t in q.content if len(t) > 1]
        if not terms:
            return 1.0
        top = " ".join(" ".join(h.clause.headings) + " " + h.clause.text for h in hits[:3]).lower()
        words = q.content_accented if q.accented else tuple(terms)
        haystack = syllables(top) if q.accented else syllables(fold(top))
        present = set(haystack)
        pairs_present = set(zip(haystack, haystack[1:]))
        total = sum(self.info.idf(t) for t in terms)
        covered = sum(self.info.idf(fold(w)) for w in words if w in present and len(w) > 1)
        unigram = min(1.0, covered / total) if total else 1.0
        pairs = list(zip(words, words[1:]))
        if not pairs:
            return unigram
        bigram = sum(p in pairs_present for p in pairs) / len(pairs)
        return (unigram + bigram) / 2

    def unanswerable(self, q: Question, hits: list[Hit], check_coverage: bool = True) -> str | None:
        """Why the corpus cannot answer, or None when it can."""
        missing_bodies = [b for b in q.bodies if b not in self.info.bodies and fold(b) not in self.info.folded_text]
        if missing_bodies:
            return f"Tài liệu không có nội dung về {_join(missing_bodies)}."
        for key, number in zip(q.doc_keys, q.doc_numbers):
            if key not in self.info.doc_keys:
                return f"Tài liệu không có văn bản hoặc nội dung về {number}."
        unknown_refs = [r for r in q.refs if r not in self.info.refs]
        if unknown_refs:
            return f"Tài liệu không có phần {_join(unknown_refs)}."
        if not hits:
            return "Không tìm thấy điều khoản nào liên quan đến câu hỏi."
        if q.meta_field:
            return None
        # A question that names a clause by its number ("nhiệm vụ 7") is answerable as such.
        named = bool(q.refs) or any(fold(h.clause.label).endswith(" " + p) for h in hits[:1] for p in q.item_numbers)
        if check_coverage and not named and self.coverage(q, hits) < self.config.min_coverage:
            return "Không tìm thấy điều khoản nào nói về nội dung này."
        return None

    # -- composing -------------------------------------------------------
    def compose(self, q: Question, hits: list[Hit], resolved: str = "", follows_topic: bool = False) -> Reply:
        """``follows_topic``: a follow-up whose topic an earlier, answered turn fixed."""
        citations = tuple(Citation.from_hit(h) for h in hits)
        reason = self.unanswerable(q, hits, check_coverage=not follows_topic)
        if reason:
            message = reason + " " + self.info.coverage_message
            if q.english:
                message = "Trợ lý trả lời câu hỏi tiếng Việt về văn bản trong kho. " + message
            return Reply(question=q.raw, answer="Văn bản không đề cập nội dung này.", found=False, kind=q.kind,
                         message=message, citations=citations, resolved_question=resolved)
        limit = self.config.answer_max_chars
        if q.doc_keys and (q.issue_date or q.meta_field == "Ngày ban hành"):
            dated = self.cited_document_date(q)
            if dated:
                text, clause = dated
                first = next((h for h in hits if h.clause.id == clause.id), Hit(clause, hits[0].score))
                cited = (Citation.from_hit(first),) + tuple(c for c in citations if c.ref != clause.ref or
                                                            c.doc != clause.doc_id)
                return Reply(question=q.raw, answer=_clip(f"{text} ({clause.ref}).", limit), found=True,
                             kind="when", citations=cited[: len(citations)], resolved_question=resolved)
        best = hits[0].clause
        if best.kind in ("section", "heading"):
            # A section answers with its parts: cite them right after it.
            children = self.children(best)
            if children:
                chosen = {best.id} | {c.id for c in children}
                rest = [c for c in citations if f"{c.doc}#{c.ref}" not in chosen]
                kids = [Citation.from_hit(Hit(c, hits[0].score)) for c in children]
                citations = ((citations[0],) + tuple(kids) + tuple(rest))[: max(len(citations), 1 + len(kids))]
        builder = {"who": self._who, "when": self._when, "where": self._where, "meta": self._meta}.get(q.kind)
        answer = builder(q, hits) if builder else None
        if answer is None:
            answer = self._what(q, hits)
        message = ""
        if q.truncated:
            message = f"Câu hỏi quá dài nên chỉ {self.config.max_question_chars} ký tự đầu được dùng."
        return Reply(question=q.raw, answer=_clip(answer, limit), found=True, kind=q.kind, message=message,
                     citations=citations, resolved_question=resolved or "")

    def cited_document_date(self, q: Question) -> tuple[str, Clause] | None:
        """For a date question about a document the corpus cites (not one it holds):
        the sentence fragment giving its number and date, and the clause it stands in."""
        own = {k for d in self.info.doc_ids for k in document_keys(d)}
        wanted = [k for k in q.doc_keys if k not in own]
        if not wanted:
            return None
        for clause in self.info.clauses:
            for m in _CITED_DOC.finditer(clause.text):
                key = (fold(m.group(3)).lower(), int(m.group(2)))
                if key in wanted:
                    name = (m.group(1) or "").strip()
                    return f"{name} {m.group(2)}-{m.group(3)}/TW: ngày {m.group(4)}".strip(), clause
        return None

    def _who(self, q: Question, hits: list[Hit]) -> str:
        clause = hits[0].clause
        facts = clause.facts
        if q.role == "coordinate" and facts.coordinate:
            return f"Phối hợp: {_join(facts.coordinate)} ({clause.ref})."
        if facts.lead_inherited and clause.kind != "bullet":
            # The lead comes from the section's intro; the clause may itself name who acts
            # in the sentence the question is about ("cấp ủy cấp trên phải kịp thời xem xét").
            part = best_passage(clause.text, q.topic, len(clause.text))
            actors = find_actors(part) or find_actors(_sentence_around(clause.text, part))
            if actors:
                return f"{_join(actors)} ({clause.ref}); chủ thể chung của mục: {_join(facts.lead)}."
        if facts.lead:
            text = _join(facts.lead)
            if facts.coordinate:
                text += f" chủ trì, phối hợp với {_join(facts.coordinate)}"
            return f"{text} ({clause.ref})."
        if facts.bodies:
            return f"Điều khoản {clause.ref} không nêu đơn vị chủ trì; có nhắc đến: {_join(facts.bodies)}."
        return f"Điều khoản {clause.ref} không nêu cơ quan chịu trách nhiệm."

    def _when(self, q: Question, hits: list[Hit]) -> str:
        clause = hits[0].clause
        if clause.facts.timings:
            return f"{'; '.join(clause.facts.timings)} ({clause.ref})."
        for hit in hits[1:3]:
            if hit.clause.facts.timings:
                return (f"Kế hoạch không ghi thời hạn riêng cho {clause.ref}; nội dung liên quan ở {hit.clause.ref}: "
                        f"{'; '.join(hit.clause.facts.timings)}.")
        return f"Kế hoạch không nêu thời hạn cho nội dung này ({clause.ref})."

    def _where(self, q: Question, hits: list[Hit]) -> str:
        clause = hits[0].clause
        parts = clause.label.split(" — ")
        if len(clause.label) > 120:  # a long section title: keep its start, the path stays whole
            parts[0] = _clip(parts[0], 50)
        return f"{clause.ref} — {' — '.join(parts)}"

    def _meta(self, q: Question, hits: list[Hit]) -> str | None:
        meta = next((h.clause for h in hits if h.clause.kind == "meta"), None)
        if meta is None or not q.meta_field:
            return None
        for line in meta.text.split("\n"):
            if line.startswith(q.meta_field + " ") or line.startswith(q.meta_field + ":"):
                value = line[len(q.meta_field):].lstrip(" :")
                return f"{q.meta_field}: {value} ({meta.doc_id})."
        return f"Thông tin văn bản không ghi {q.meta_field.lower()}."

    def children(self, clause: Clause) -> list[Clause]:
        """The clauses one level below a section or heading, in order."""
        depth = clause.ref.count(".") + 1
        return [c for c in self.info.clauses
                if c.doc_id == clause.doc_id and c.ref.startswith(clause.ref + ".") and c.ref.count(".") == depth]

    def _what(self, q: Question, hits: list[Hit]) -> str:
        clause = hits[0].clause
        if clause.kind in ("section", "heading"):
            children = self.children(clause)
            if children:
                name = clause.text if clause.kind == "heading" else clause.label
                head = f"{name} ({clause.ref}) gồm {len(children)} nội dung ({children[0].ref}–{children[-1].ref}): "
                return head + first_sentences(children[0].text, max(60, self.config.answer_max_chars - len(head)))
        passage = best_passage(clause.text, q.topic, len(clause.text))
        facts = clause.facts
        for body in q.bodies:  # "còn Ban Tổ chức Trung ương thì sao?": its role, then the task
            task = _task_part(passage, facts.lead + facts.coordinate)
            if body in facts.coordinate and facts.lead:
                return f"{body} phối hợp với {_join(facts.lead)} (chủ trì) ({clause.ref}): {task}"
            if body in facts.lead and not facts.lead_inherited:
                return f"{body} chủ trì ({clause.ref}): {task}"
        return _clip(passage, self.config.answer_max_chars)
