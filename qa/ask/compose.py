"""Hits → a reply in one of three states, every fact copied from a cited clause.

- ``high``: a short answer built by the question's kind from the best clause;
- ``low``: the plan does not say it directly — the reply says so and shows the closest clause;
- ``none``: not in the corpus (an unknown body, document or section, or nothing close).

>>> reply = Answerer(info, config).compose(question, retrieval)
>>> reply.confidence
'high'
"""

from __future__ import annotations

import re
from dataclasses import replace as dc_replace

from ..config import Config
from ..facts import class_words
from ..lexicon import genre_parts
from ..question import LAST, Question, acted_on, document_keys
from ..text import collapse, fold, syllables
from ..types import Citation, Clause, Hit, Reply
from .answerability import (MENTION_ASKED, Judge, Verdict, asked_bodies, asked_documents, asking_text, bridged_documents,
                            office_bodies, plan_named_after)
from .claims import claimed_dates, day_verdict, in_question_terms, is_claim
from .corpus_info import CorpusInfo
from .kinds import AnswerContext, get
from .kinds.base import ALTERNATIVE, EXISTENCE, LEADING_NAMED, OPTIONS, asks_yes_no
from .kinds.what import citing_passage
from .options import chosen, offered
from .passages import best_passage, clip, join, paired

# "Kết luận số 19-KL/TW, ngày 14/10/2021": a cited document, its issuer and its date.
_CITED_DOC = re.compile(r"(\b[A-ZĐ][^\W\d]*(?: [^\W\d]+){0,2} số )?(\d{1,4})-([A-ZĐ]{1,4})/([A-ZĐƯ]{1,4}),? "
                        r"ngày (\d{1,2}/\d{1,2}/\d{4})")
_ISSUER = re.compile(r" của ([^,;.()]{3,80}?)(?= về | tại |[,;.()]|$)")
_TITLE = re.compile(r",? về ([^;.()]{10,200})")  # "… của Bộ Chính trị về <title>"
# a document named by its type, no number: "kết luận về …", "văn bản về … mà kế hoạch nhắc tới"
_DESCRIBED = re.compile(r"\b(ket luan|nghi quyet|quy dinh|chi thi|van ban)\b(?!\s+(?:so\s+)?\d)")
# a day asked of a month stated ("ngày bao nhiêu tháng 10 năm 2021", "ngày … tháng 10/2021")
_DAY_OF_MONTH_ASKED = re.compile(r"\bngay (?:bao nhieu|may|nao|\.{2,}|…)\W*thang (\d{1,2})(?:\W*(?:nam )?(\d{4}))?\b")
# the last part of a question, after a comma, a semicolon or "mà" ("…, mà KL21 ban hành ngày nào?")
_LAST_PART = re.compile(r"[,;]\s*|\s+mà\s+", re.IGNORECASE)
_DATE_OR_NUMBER = re.compile(r"\b(ngay nao|ngay may|ra doi|ban hanh|so may|so hieu)\b")
_TITLE_SHARED = 4  # syllables of a cited document's title the question must share to name it
_NOT_FOUND = "Văn bản không đề cập nội dung này."


_NOT_ASKING_WHO = re.compile(r"\bai (?:cung|ma)\b|\bla ai ma\b")


# the register fields a signature block shows
_SIGNATURE_FIELDS = frozenset({"Người ký", "Chức vụ người ký"})


class Answerer:
    def __init__(self, info: CorpusInfo, config: Config, model: str | None = None, words=None) -> None:
        self.info = info
        self.config = config
        self.ctx = AnswerContext(info, config)
        self.judge = Judge(info, config, self.ctx, model=model, words=words)
        self._cited_dates = self._index_cited_dates(info.clauses)
        self._mentions: dict[str, bool] = {}

    def children(self, clause: Clause) -> list[Clause]:
        return self.ctx.children(clause)

    def _mentioned(self, folded: str) -> bool:
        """``folded`` occurs in the folded corpus; remembered (the scan reads every clause: 3 ms at 100k)."""
        known = self._mentions.get(folded)
        if known is None:
            if len(self._mentions) > 10_000:
                self._mentions.clear()
            known = self._mentions[folded] = self.info.mentions(folded)
        return known

    # -- what the corpus cannot hold at all ----------------------------------
    def missing(self, q: Question, hits: list[Hit], bridges=()) -> str | None:
        """Why the corpus cannot answer, from what the question names; None when nothing is missing.
        A document named by a number the corpus never gives is known when the lexicon names it in
        the corpus's words ("Quy định 37": «Quy định về những điều đảng viên không được làm»)."""
        missing_bodies = [b for b in q.bodies if b not in self.info.bodies and not self._mentioned(fold(b))]
        if missing_bodies and q.kind == "who" and LEADING_NAMED.search(fold(q.text)) \
                and (is_claim(q.text) or asks_yes_no(fold(q.text))):
            # "Ban Dân vận TW có chủ trì hội nghị … không?": whether a body leads a task, which the clause
            # that says who leads it answers, though the plan never names that body
            missing_bodies = []
        if missing_bodies:
            asked = asked_bodies(q) - office_bodies(asking_text(q))
            missing_bodies = [b for b in missing_bodies if b in asked]
        # (not whether the plan mentions the body at all: "KH 03 có nhắc tới Bộ Xây dựng không?")
        folded = fold(q.text)
        if missing_bodies and asks_yes_no(folded) and not EXISTENCE.search(folded.lower()) \
                and not MENTION_ASKED.search(folded.lower()):
            # "Đảng đoàn MTTQ tỉnh có phải tổ chức quán triệt không?": whether a body of a kind the plan
            # addresses all at once ("đảng đoàn", "các cơ quan nhà nước") must do something is the
            # clause's that addresses them, though it never names that body
            missing_bodies = [b for b in missing_bodies
                              if not any(self._mentioned(fold(w)) for w in class_words(b))]
        if missing_bodies:
            return f"Tài liệu không có nội dung về {join(missing_bodies)}."
        named = bridged_documents(bridges)
        known = [key for key in q.doc_keys if key in self.info.doc_keys or key in named]
        # "… thực hiện Kết luận 21 hay Nghị quyết 4?": a choice between documents, one of them held
        # (besides the held one the question asks about)
        # ("KH03 có nói về X ko, hay cái đó là quy định 114?": the held one asked about, another offered)
        # ("Ý nào đúng: KH 03 thực hiện (A) Kết luận 21-KL/TW, (B) Nghị quyết TW4 khóa XII?": lettered options too)
        offered = ALTERNATIVE.search(fold(q.text)) or OPTIONS.search(q.text)
        choice = len(known) < len(q.doc_keys) and offered and bool(known) and (
            any(key not in self.info.own_doc_keys for key in known) or MENTION_ASKED.search(fold(q.text)) is not None)
        asked_keys = asked_documents(q)  # not one named only in the asker's situation
        for key, number in zip(q.doc_keys, q.doc_numbers):
            if key not in known and not choice and key in asked_keys:
                return f"Tài liệu không có văn bản hoặc nội dung về {number}."
        unknown_refs = [r for r in q.refs if r not in self.info.refs]
        if unknown_refs:
            return f"Tài liệu không có phần {join(unknown_refs)}."
        if not hits:
            return "Không tìm thấy điều khoản nào liên quan đến câu hỏi."
        # the signer asked where the signature stands, at the end of the document ("ký tên cuối văn bản là
        # ai?"): the register names the signer; any other field asked with the end part's words ("sơ kết KH 03
        # năm nào?") asks about that part
        if q.kind == "meta" and q.meta_field in _SIGNATURE_FIELDS:
            return None
        return self._in_missing_part(q) if self.config.use_corpus_rules else None

    def _in_missing_part(self, q: Question) -> str | None:
        """A question about a part the genre ends with ("tổ chức thực hiện", "báo cáo kết quả")
        that a cut-off document lacks and no other clause mentions."""
        if not self.info.truncated:
            return None
        asked = f" {' '.join(fold(s) for s in syllables(asking_text(q)))} "
        for part, phrases in genre_parts():
            for phrase, key in phrases:
                if f" {key} " in asked and not self.info.has_phrase(key):
                    doc, last = self.info.truncated[0]
                    return (f"Bản {doc} trong kho dừng ở {last}; nội dung về «{phrase}» thường nằm ở phần "
                            f"«{part}» cuối văn bản, không có trong bản này.")
        return None

    def named(self, q: Question, hits: list[Hit]) -> bool:
        """The question names the best clause by its number ("nhiệm vụ 7", "mục II")."""
        return bool(q.refs) or any(_names(fold(h.clause.label), p) for h in hits[:1] for p in q.item_numbers)

    # -- composing -------------------------------------------------------
    def compose(self, q: Question, retrieval, resolved: str = "", follows_topic: bool = False,
                earlier: Question | None = None) -> Reply:
        """``follows_topic``: a follow-up whose topic an earlier, answered turn fixed; ``earlier``: the turn
        a follow-up leans on, when that turn was not answered. A question typed without accents carries
        the reading retrieval used in ``signals["read_as"]``."""
        reply = self._compose(q, retrieval, resolved, follows_topic, earlier)
        if reply.found and reply.confidence == "high":
            # a multiple-choice item: the option the answer gives, named first
            letter = chosen(offered(q.raw), reply.answer)
            if letter:
                reply = dc_replace(reply, answer=clip(f"Đáp án {letter}: {reply.answer}", self.config.answer_max_chars))
        read_as = getattr(retrieval, "read_as", "")
        return dc_replace(reply, signals={**reply.signals, "read_as": read_as}) if read_as else reply

    def _compose(self, q: Question, retrieval, resolved: str, follows_topic: bool,
                 earlier: Question | None = None) -> Reply:
        hits = retrieval.hits
        citations = tuple(Citation.from_hit(h) for h in hits)
        if retrieval.bridges:  # the corpus's words for the user's count when picking a sentence
            extra = tuple(fold(s) for b in retrieval.bridges for w in b.plan_words for s in syllables(w))
            q = dc_replace(q, topic=q.topic + tuple(dict.fromkeys(extra)), bridges=tuple(retrieval.bridges))
        reason = self.missing(q, hits, retrieval.bridges)
        if not reason and earlier is not None and self.config.use_corpus_rules:
            # "Ai chủ trì sơ kết kế hoạch? || còn thời hạn thì sao?": the earlier turn asked about the part a
            # copy cut off lacks, and so does the follow-up that leans on it
            reason = self._in_missing_part(earlier)
        if reason:
            return self._refusal(q, Verdict("none", reason, rule="missing"), citations, resolved)
        addressed = get("who").addressees(q, hits, self.ctx) if q.kind in ("who", "what") else None
        if addressed:  # "Kế hoạch 03 áp dụng cho những đối tượng nào?": the plan itself, as its tasks' section says
            return self._from_citation(q, "who", *addressed, hits, citations, resolved, Verdict("high", rule="addressees"))
        verdict = self.judge.verdict(q, retrieval, follows_topic=follows_topic, named=self.named(q, hits))
        if verdict.confidence == "high" and q.kind == "count":
            # "Văn bản có mấy phần?" of a copy cut off: however plainly asked, the total is not in the copy;
            # what it holds is said as the closest, as for the same question asked less plainly
            cut = get("count").closest(q, hits, self.ctx)
            if cut is not None:
                return self._closest(q, dc_replace(verdict, confidence="low", rule="cut-count"), hits, citations,
                                     resolved, cut)
        if verdict.confidence in ("none", "low"):
            # what the kind knows of a weak match ("Kế hoạch có mấy phần lớn?": the parts the copy holds)
            # is said even where nothing would be shown
            known = get(q.kind).closest(q, hits, self.ctx)
            if verdict.confidence == "none" and known is None:
                return self._refusal(q, verdict, citations, resolved)
            return self._closest(q, verdict, hits, citations, resolved, known)
        limit = self.config.answer_max_chars
        # "Kết luận 21 ban hành ngày nào?", "Kết luận về học và làm theo Bác ra đời ngày nào?": the citation's date
        # … or asked as a time where the plan gives none of its own ("KL 19 mà Đảng đoàn QH phải bám vào có từ khi
        # nào?": the date the plan cites it by)
        dated = self.cited_document_date(q) if (q.doc_keys and (q.issue_date or q.meta_field == "Ngày ban hành")) or (
            not q.doc_keys and q.kind == "when" and _DATE_OR_NUMBER.search(fold(q.text))) or (
            q.doc_keys and q.kind == "when" and not get("when").gives_time(hits)) else None
        if dated:
            return self._from_citation(q, "when", *dated, hits, citations, resolved, verdict)
        # "Kết luận 21 do cơ quan nào ban hành?": the sentence that cites it, from the citation on
        cited = self.cited_document_citation(q) if q.kind == "meta" and q.doc_keys and not plan_named_after(q) else None
        if cited:
            return self._from_citation(q, "meta", *cited, hits, citations, resolved, verdict)
        best = hits[0].clause
        if best.kind in ("section", "heading"):
            # A section answers with its parts. For its content they come first; for where it
            # is or who leads it (the section's intro names them) the section comes first.
            children = self.children(best)
            if children:
                chosen = {best.id} | {c.id for c in children}
                rest = [c for c in citations if f"{c.doc}#{c.ref}" not in chosen]
                if q.kind == "count":  # "Phần III có mấy nhiệm vụ?": the last part shows the number, next to the part
                    children = children[-1:] + children[:-1]
                kids = tuple(Citation.from_hit(Hit(c, hits[0].score)) for c in children)
                content = q.kind in ("what", "count") and not q.refs  # "Mục I gồm gì?" names the section
                head = kids + (citations[0],) if content else (citations[0],) + kids
                citations = (head + tuple(rest))[: max(len(citations), 1 + len(kids))]
        answer = get(q.kind).answer(q, hits, self.ctx)
        if answer is None:
            answer = get("what").answer(q, hits, self.ctx)
        answer = self._with_actor(q, hits, answer)
        if isinstance(answer, tuple):
            answer, source = answer
            first = next((h for h in hits if h.clause.id == source.id), Hit(source, hits[0].score))
            citations = (Citation.from_hit(first),) + tuple(
                c for c in citations if (c.doc, c.ref) != (source.doc_id, source.ref))[: len(citations) - 1]
        answer = in_question_terms(q.raw, clip(answer, limit))
        answer = answer[0].upper() + answer[1:] if answer and answer[0].islower() else answer
        message = ""
        if q.truncated:
            message = f"Câu hỏi quá dài nên chỉ {self.config.max_question_chars} ký tự đầu được dùng."
        return Reply(question=q.raw, answer=answer, found=True, kind=q.kind, message=message,
                     citations=citations, resolved_question=resolved or "", confidence="high",
                     signals=verdict.to_signals())

    def _with_actor(self, q: Question, hits, answer):
        """"Cơ quan nào được giao …, và thời gian là khi nào?": a timing asked together with who does
        the task is said after who does it, both from the best clause."""
        timings = hits[0].clause.facts.timings
        if q.kind != "when" or not isinstance(answer, str) or not timings:
            return answer
        who = get("who")
        # "ai cũng phải học" (everyone), "tôi là ai mà …": no one asked for
        if not who.detect(q.text, _NOT_ASKING_WHO.sub(" ", fold(q.text))):
            return answer
        actor = who.answer(q, hits, self.ctx)
        if not isinstance(actor, str) or not actor or actor.startswith("Kế hoạch không"):
            return answer
        ref = hits[0].clause.ref
        tail = f"; thời gian: {'; '.join(timings)} ({ref})."
        return clip(actor.replace(f" ({ref})", "").rstrip("."), self.config.answer_max_chars - len(tail)) + tail

    def _from_citation(self, q: Question, kind: str, text: str, clause: Clause, hits, citations, resolved: str,
                       verdict: Verdict) -> Reply:
        """A reply about a cited document, in the words of the clause that cites it, cited first."""
        first = next((h for h in hits if h.clause.id == clause.id), Hit(clause, hits[0].score))
        rest = tuple(c for c in citations if (c.doc, c.ref) != (clause.doc_id, clause.ref))
        where = f" ({clause.ref})."
        said = day_verdict(q.text, text) if kind == "when" else None
        if said:  # "KL21 được ban hành ngày 25/10/2021 đúng không?" → «Đúng. Kết luận số 21-KL/TW: ngày 25/10/2021 …»
            text = in_question_terms(q.raw, f"{said} {text}")
        return Reply(question=q.raw, answer=clip(text, self.config.answer_max_chars - len(where)) + where,
                     found=True, kind=kind, citations=((Citation.from_hit(first),) + rest)[: len(citations)],
                     resolved_question=resolved, confidence="high", signals=verdict.to_signals())

    def _refusal(self, q: Question, verdict: Verdict, citations, resolved: str) -> Reply:
        message = verdict.reason + " " + self.info.coverage([c.doc for c in citations])
        if q.english:
            message = "Trợ lý trả lời câu hỏi tiếng Việt về văn bản trong kho. " + message
        # a request the assistant does not serve is no question the documents leave unanswered: its answer says so
        answer = verdict.reason if verdict.rule == "request" else _NOT_FOUND
        return Reply(question=q.raw, answer=answer, found=False, kind=q.kind, message=message,
                     citations=citations, resolved_question=resolved, confidence="none", signals=verdict.to_signals())

    def _closest(self, q: Question, verdict: Verdict, hits: list[Hit], citations, resolved: str,
                 known: tuple[str, Clause] | None = None) -> Reply:
        clause = hits[0].clause
        if known is not None:  # "Kế hoạch có mấy phần?" of a copy cut off: what it holds, cited first
            answer, clause = known
            citations = (Citation.from_hit(Hit(clause, hits[0].score)),
                         *(c for c in citations if c.ref != clause.ref))[:len(citations)]
            message = f"{answer} {self.info.coverage([h.clause.doc_id for h in hits])}"
            return Reply(question=q.raw, answer=answer, found=False, kind=q.kind, message=message,
                         citations=citations, resolved_question=resolved, confidence="low",
                         signals=verdict.to_signals())
        head = f"{verdict.reason.rstrip('.')}; nội dung gần nhất là {clause.ref}: "
        passage = best_passage(clause.text, q.topic, len(clause.text), paired(q))
        answer = head + "«" + clip(passage, max(60, self.config.answer_max_chars - len(head) - 2)) + "»"
        message = (f"Kế hoạch không trả lời trực tiếp câu hỏi này; điều khoản gần nhất là {clause.ref} "
                   f"({clause.label}). {self.info.coverage([h.clause.doc_id for h in hits])}")
        return Reply(question=q.raw, answer=answer, found=False, kind=q.kind, message=message,
                     citations=citations, resolved_question=resolved, confidence="low", signals=verdict.to_signals())

    # -- cited documents -------------------------------------------------------
    @staticmethod
    def _index_cited_dates(clauses) -> dict[tuple[str, int], tuple[str, Clause, frozenset[str]]]:
        """(type, number) → the citation's words ("Kết luận số 01-KL/TW: ngày 18/5/2021, của Bộ Chính
        trị"), its clause, and the folded syllables of the title it gives after "về"."""
        out: dict[tuple[str, int], tuple[str, Clause, frozenset[str]]] = {}
        for clause in clauses:
            if "ngày" not in clause.text:  # the pattern needs it: skip the regex (1 s at 100k clauses)
                continue
            for m in _CITED_DOC.finditer(clause.text):
                key = (fold(m.group(3)).lower(), int(m.group(2)))
                name = (m.group(1) or "").strip()
                text = f"{name} {m.group(2)}-{m.group(3)}/{m.group(4)}: ngày {m.group(5)}".strip()
                issuer = _ISSUER.match(clause.text, m.end())  # "… ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về …"
                if issuer:
                    text += f", của {issuer.group(1)}"
                title = _TITLE.match(clause.text, issuer.end() if issuer else m.end())
                words = frozenset(syllables(fold(title.group(1)))) if title else frozenset()
                out.setdefault(key, (text, clause, words))
        return out

    def document_titles(self) -> dict[tuple[str, int], frozenset[str]]:
        """(type, number) of each document cited → the folded syllables of the title its citation gives."""
        return {key: words for key, (_, _, words) in self._cited_dates.items()}

    def described_document(self, q: Question) -> tuple[str, int] | None:
        """"Kết luận về học và làm theo Bác ra đời ngày nào?": a document the corpus cites, named by
        its type and what it is about rather than its number; the citation whose title shares most of
        the question's words (``_TITLE_SHARED`` at least), if any."""
        if q.doc_keys or not _DESCRIBED.search(fold(q.text)):
            return None
        asked = set(q.topic)
        shared, key = max(((len(asked & words), key) for key, (_, _, words) in self._cited_dates.items()
                           if key not in self.info.own_doc_keys), default=(0, None))
        return key if shared >= _TITLE_SHARED else None

    def cited_document_citation(self, q: Question) -> tuple[str, Clause] | None:
        """For a question about the issuer, number or name of a document the corpus cites (not one
        it holds): the citing clause's words from the citation on, and that clause."""
        dated = self.cited_document_date(q)
        if dated is None:
            return None
        clause = dated[1]
        citing = citing_passage(q, clause, self.info)
        return (citing.rstrip(" .;:"), clause) if citing else None

    def cited_document_date(self, q: Question) -> tuple[str, Clause] | None:
        """For a date question about a document the corpus cites (not one it holds):
        the sentence fragment giving its number, issuer and date, and the clause it stands in."""
        # "Kế hoạch thực hiện KL 21 ban hành ngày nào?", "hội nghị quán triệt KL 21 ngày nào?": the
        # document worked on describes what is asked about; its own date is not asked
        worked_on = acted_on(q.text)
        # "KH thực hiện KL 21-KL/TW ngày bao nhiêu tháng 10 năm 2021?": the day of a month stated is the
        # day of the document named whose date falls in that month, whichever works on which
        month = _DAY_OF_MONTH_ASKED.search(collapse(fold(q.text.lower())))
        if month:
            asked = (int(month.group(1)), month.group(2) and int(month.group(2)))
            for key in q.doc_keys:
                if key not in self.info.own_doc_keys and key in self._cited_dates and any(
                        (m, asked[1] and y) == asked for _, m, y in claimed_dates(self._cited_dates[key][0])):
                    return self._cited_dates[key][:2]
        # "Kế hoạch 03 thực hiện KL21, mà KL21 ban hành ngày nào?": named again where the date is asked
        parts = _LAST_PART.split(q.text)
        asked_again = set(document_keys(parts[-1])) if len(parts) > 1 else set()
        for key in q.doc_keys or filter(None, [self.described_document(q)]):
            if key not in self.info.own_doc_keys and key in self._cited_dates and (
                    key not in worked_on or key in asked_again):
                return self._cited_dates[key][:2]
        return None


def _names(label: str, item: str) -> bool:
    """A folded label is the item's ("nhiem vu 7"; "nhiem vu cuoi": any numbered task, retrieval
    having kept the last of each part)."""
    if item.endswith(" " + LAST):
        return re.search(rf" {re.escape(item[:-len(LAST)])}\d+$", label) is not None
    return label.endswith(" " + item)
