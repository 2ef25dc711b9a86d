"""What every question kind provides, and the context its builders read.

A kind is one file in this folder: its patterns (``detect``), its retrieval bonus
(``bonus``), whether a clause holds an answer of its type (``holds_answer``) and its
short-answer builder (``answer``). The registry in ``__init__`` orders them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ...datafiles import DATA, data_lines
from ...text import fold, has_diacritics, syllables
from ...types import Clause, Hit
from ..passages import clip, segments

if TYPE_CHECKING:  # question.py reads the kinds' patterns: no import cycle at run time
    from ...config import Config
    from ...question import Question
    from ..corpus_info import CorpusInfo



@dataclass(frozen=True)
class SlotWords:
    """``qa/data/slots.tsv``: words by (slot, role), accented as written."""

    words: dict[tuple[str, str], tuple[str, ...]]

    def get(self, slot: str, role: str) -> tuple[str, ...]:
        return self.words.get((slot, role), ())

    def pattern(self, slot: str, role: str) -> re.Pattern:
        """A folded, word-bounded alternation of the words, longest first."""
        return _pattern(tuple(sorted({fold(w) for w in self.get(slot, role)}, key=len, reverse=True)))

    def search(self, slot: str, role: str, text: str, fold_single: bool = True) -> re.Match | None:
        """The first of the words in ``text``. Typed with accents, the words match with
        theirs; without, on folded text — and one-syllable words only if ``fold_single``
        (folded "tien" is "tiền" but also "tiến", "tiện")."""
        pattern, subject = self._matcher(slot, role, text, fold_single)
        return pattern.search(subject)

    def remove(self, slot: str, role: str, text: str) -> str:
        """``text`` with the words blanked out, matched as ``search`` matches them (lower case,
        folded when typed without accents)."""
        pattern, subject = self._matcher(slot, role, text, True)
        return pattern.sub(" ", subject)

    def _matcher(self, slot: str, role: str, text: str, fold_single: bool) -> tuple[re.Pattern, str]:
        if has_diacritics(text):
            words = {w.lower() for w in self.get(slot, role)}
            return _pattern(tuple(sorted(words, key=len, reverse=True))), text.lower()
        words = {fold(w) for w in self.get(slot, role) if fold_single or " " in w.strip()}
        return _pattern(tuple(sorted(words, key=len, reverse=True))), fold(text)


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)") if words else re.compile(r"(?!x)x")


@lru_cache(maxsize=2)
def load_slots(path: str = str(DATA / "slots.tsv")) -> SlotWords:
    words: dict[tuple[str, str], tuple[str, ...]] = {}
    for line in data_lines(Path(path)):
        slot, role, items = line.split("\t")
        words[(slot, role)] = tuple(w.strip() for w in items.split("|") if w.strip())
    return SlotWords(words)


# The clauses a document has one of, before its body: "header" holds its dating line ("Hà Nội,
# ngày 01 tháng 12 năm 2021"), "preamble" what it implements and who issues it, "meta" a register's data.
FRONT_KINDS = frozenset({"header", "title", "preamble", "meta"})


@dataclass
class AnswerContext:
    """What builders read besides the hits: corpus facts, settings, the clause tree."""

    info: CorpusInfo
    config: Config
    slots: SlotWords = field(default_factory=load_slots)
    _children: dict[str, list[Clause]] = field(default_factory=dict)
    _positions: dict[str, int] = field(default_factory=dict)
    _sections: dict[str, list[Clause]] = field(default_factory=dict)
    _titled: dict[str, list[Clause]] = field(default_factory=dict)
    _front: dict[tuple[str, str], Clause] = field(default_factory=dict)
    _by_doc: dict[str, list[Clause]] = field(default_factory=dict)  # built on first use

    def __post_init__(self) -> None:
        for i, c in enumerate(self.info.clauses):
            self._positions[c.id] = i
            if c.kind == "section":
                self._sections.setdefault(c.doc_id, []).append(c)
            if c.kind in FRONT_KINDS:
                self._front.setdefault((c.doc_id, c.kind), c)
            if c.kind in ("section", "heading"):
                self._titled.setdefault(c.doc_id, []).append(c)
            if "." in c.ref:
                self._children.setdefault(f"{c.doc_id}#{c.ref.rsplit('.', 1)[0]}", []).append(c)

    def position(self, clause: Clause) -> int:
        """The clause's row in the index (-1 when unknown)."""
        return self._positions.get(clause.id, -1)

    def sections(self, doc_id: str) -> list[Clause]:
        """A document's top-level sections, in order."""
        return list(self._sections.get(doc_id, ()))

    def titled(self, doc_id: str) -> list[Clause]:
        """A document's sections and headings (clauses whose text is a title), in order."""
        return list(self._titled.get(doc_id, ()))

    def front(self, doc_id: str, kind: str) -> Clause | None:
        """A document's clause of a front-matter ``kind`` (``FRONT_KINDS``: its dating line,
        title, preamble, register data), if it has one."""
        return self._front.get((doc_id, kind))

    def clauses_of(self, doc_id: str) -> list[Clause]:
        """A document's clauses, in order."""
        if not self._by_doc:
            for c in self.info.clauses:
                self._by_doc.setdefault(c.doc_id, []).append(c)
        return list(self._by_doc.get(doc_id, ()))

    def children(self, clause: Clause) -> list[Clause]:
        """The clauses one level below a section or heading, in order."""
        return list(self._children.get(clause.id, ()))


# Where a sentence ends: a mark and a space ("III.1" is no sentence end).
# (a sentence quoted ends where its closing quote does: 'Tôi viết: "… ban hành kế hoạch." — kế hoạch đó …?')
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[.!?…][\"”»])\s+(?:[—–-]\s+)?")


def sentences(text: str) -> list[str]:
    """The sentences of a text, stripped, empty ones left out."""
    return [p.strip() for p in _SENTENCE_END.split(text) if p.strip(" .!?;")]


def last_sentence(text: str) -> str:
    """The sentence that asks, after any that tell the asker's situation — and before a remark about
    the asker that closes the text ("… có nói đến lợi ích nhóm không? Bộ tôi soạn nhiều luật thuế.")."""
    parts = sentences(text) or [text.strip()]
    while len(parts) > 1 and _REMARK.match(fold(parts[-1])) and "?" not in parts[-1] and parts[-2].endswith("?"):
        parts.pop()
    return parts[-1]


# a sentence about the asker, asking nothing: "Bộ tôi soạn nhiều luật thuế nên tôi quan tâm."
_REMARK = re.compile(r"^(?:(?:bo|so|phong|don vi|co quan|chi bo|xa|ap|truong|nha|gia dinh|cong ty|ban) )?"
                     r"(?:toi|em|minh|chung toi|tui|chau|con)\b(?!.*\b(?:gi|nao|sao|khong|ko|hong|dau|ai|bao nhieu|may)\b)")


# which document is meant ("dẫn quy định nào", "theo văn bản gì"): a name the citing clause gives
ASKED_KINDS = "quy dinh|van ban|ket luan|nghi quyet|chi thi|huong dan"  # the kinds of document asked "… nào"
WHICH_DOCUMENT = re.compile(rf"\b(?:{ASKED_KINDS}) (?:nao|gi)\b")

# On the folded question. "does the plan mention X?"
EXISTENCE = re.compile(r"\b(co (duoc |dc )?(de cap|nhac|noi|neu|quy dinh)( den| toi| ve)?\b.*\bkhong|co trong ke hoach"
                       r"|ke hoach co (noi|nhac|de cap|yeu cau|neu|quy dinh)\b)")
# "… có thay thế kế hoạch nào trước đó không?": a yes/no question, whatever polite or chatty
# particle closes it ("… không ạ?", "… không nhỉ", "… ko vậy?")
# A remark may follow ("… ko ạ, e cần trích"), and so may the other choice ("… không hay chỉ ngồi nghe?").
# alternatives offered, on the folded question ("… thường xuyên hay mỗi năm?", "… BCT hoặc BBT")
ALTERNATIVE = re.compile(r"\b(?:hay|hoac)\b")
# the options of a multiple-choice item, from the first lettered one on ("A. … B. … C. …", "(A) …, (B) …")
OPTIONS = re.compile(r"(?:^|\s)(?:A[.)]|\(A\))\s.*?[\s,;](?:B[.)]|\(B\))\s.*$", re.DOTALL)


def without_options(text: str) -> str:
    """A multiple-choice item's stem, without its lettered options (offered, not asked); the text as
    it is when it has none, or nothing but options."""
    return OPTIONS.sub("", text).strip() or text

# ("… có … hay chăng?", "… có … chăng?": the same in formal writing)
YES_NO = re.compile(r"\bco\b.*\b(?:khong|ko|k|hong|hok|chang)\b(?:\s+(?:a|nhi|vay|nhe|ha|ta|the|chu|day))?"
                    r"(?:\s*[?.!]*\s*$|\s*,[^?]*$|\s+hay\b|\s*,\s*(?:hay|hoac)\b)")


@lru_cache(maxsize=1)
def closers() -> str:
    """The words that may close a question without asking (``closing_words.tsv``), folded, as alternatives."""
    return "|".join(re.escape(fold(w.strip().lower())) for w in data_lines(DATA / "closing_words.tsv"))


@lru_cache(maxsize=1)
def _asked_yes_no() -> re.Pattern:
    said = closers()
    close = rf"(?:\b(?:khong|ko|k|hong|hok|chang)\b(?:[\s?.!,]+(?:{said})(?!\w))*)"
    # "… có … không em?", "KH yêu cầu … ko ạ": the yes/no frame with or without "có" before a verb
    # of the plan, whatever the asker adds after it ("… ko em", "… không? Y/N")
    # "Mặt trận được ngó vô đảng viên hông?", "ĐĐ Quốc hội còn đưa KL21 vào nghị quyết ko?": the frame
    # after "được", "còn", "bị", "phải" ("Mỗi tỉnh phải tự soạn cách làm riêng không?") (with no question
    # word: ``asks_yes_no``)
    # ("Kế hoạch bảo / bắt phải … không?": the plan's saying and requiring, in everyday words)
    return re.compile(rf"(?:\bco\b.*|\b(?:ke hoach|van ban)\b.*\b(?:yeu cau|noi|neu|de cap|nhac|giao|quy dinh|bao|bat|doi hoi"
                      rf"|ghi)\b.*"
                      rf"|\b(?:duoc|dc|con|bi|phai)\b.*)"
                      rf"{close}(?:\s*[?.!]*\s*$|\s*,[^?]*$|\s*,?\s+hay\b)")


@lru_cache(maxsize=1)
def _confirm_close() -> re.Pattern:
    said = closers()
    # "Vận động … làm trong cả nước à?", "… cũng bị bỏ phiếu tín nhiệm hả anh": a statement closed by "à"
    # / "hả" (and a word calling the one who answers) asks to have it confirmed
    return re.compile(rf"\b(?:a|ha)\b(?:[\s,]+(?:{said})(?!\w))*\W*$")


_ASKING_WORD = re.compile(r"\b(?:gi|nao|sao|ai|dau|bao nhieu|may|khi nao|bao gio|the nao|nhu nao)\b")
# "mấy" before people or groups says "those", asking no number ("mấy ông cán bộ", "mấy đoàn hội ở xã")
# ("mấy vụ xài tiền công bậy bạ …, … hông?", "mấy chỗ nội bộ lục đục …, … ko?": those cases, those places)
_THOSE_PEOPLE = re.compile(r"\bmay (?=(?:ong|ba|anh|chi|co|chu|bac|sep|vi|dua|thang|nguoi|doan hoi|doan the|hoi|cai|vu|cho|noi"
                           r"|can bo|dang vien|dong chi|xa|tinh|huyen)\b)")


def asks_something(folded: str) -> bool:
    """The folded text holds a question word ("gì", "nào", "sao", "ai", "mấy", …; not the "mấy" of
    "mấy ông cán bộ", which says "those")."""
    return _ASKING_WORD.search(_THOSE_PEOPLE.sub("", folded)) is not None


def asks_yes_no(folded: str) -> bool:
    """The folded question asks yes or no (``YES_NO``, and the same closed by a word of
    ``closing_words.tsv``, or framed without "có": "KH yêu cầu … ko em?"; a statement closed by "à"
    asking no question word: "… làm trong cả nước à?"). Read for how a reply
    begins; the verdict's signals keep ``YES_NO``."""
    asked = folded[:folded.rindex("?") + 1] if "?" in folded else folded
    if asked != folded and asks_yes_no(asked):
        return True  # "… có đề cao việc tự học không? Trích nguyên văn giúp tôi.": a request after the question
    plain = not asks_something(folded)
    framed = _asked_yes_no().search(folded)
    if framed and not framed.group(0).startswith(("co ", "ke hoach", "van ban")) and not plain:
        framed = None  # "ai được … không" asks who
    return bool(YES_NO.search(folded) or framed or (_confirm_close().search(folded) and plain))


# a verb with no object, after its modal, before the yes/no frame's close ("Xã biên giới có phải làm không?",
# "… có tham gia không?"; not "Có giao tiền cho xã làm hông?"): whether the one named takes part in a task
# said before, not a topic of its own
BARE_ACT = re.compile(r"\b(?:phai|co|duoc|can|bi) (?:tham gia|lam|thuc hien|ap dung|hoc|hoc tap|trien khai|to chuc|lam theo"
                      r"|chap hanh)"
                      r"(?: (?:luon|nua|theo))? (?:khong|ko|k|hong|hok|chua)\b\W*(?:\w+\W*)?$")


# the next one after a point asked ("Tiếp theo là ai?", "Sau Đảng đoàn Quốc hội thì tới ai?")
NEXT_ASKED = re.compile(r"\b(tiep theo|ke tiep|(giao|viec|nhiem vu) tiep (cho|den)|sau do (la|den)|(co quan|ai) nao nua"
                        # "Sau Đảng đoàn Quốc hội thì tới (nhiệm vụ của) ai?", "… đến lượt cơ quan nào?"
                        r"|(sau (do|nay) )?thi (toi|den) (luot |phien )?((nhiem vu|viec|phan) (cua )?)?(ai|co quan nao|don vi nao|to chuc nao)"
                        r"|(toi|den) luot (ai|co quan nao|don vi nao))\b")

# "… có chủ trì không?", "ai làm đầu mối": whether a body leads is what is asked
LEADING_NAMED = re.compile(r"\b(?:chu tri|dau moi)\b")


def role_verdict(folded: str, leads: bool) -> str | None:
    """«Có» or «Không» first for a yes/no question about a body's part in a task: whether it leads,
    when leading is asked ("Ban Tổ chức TW có chủ trì … không?"), else that it takes part ("UBKT
    Trung ương có tham gia … không?"); «Đúng» or «Không đúng» for a statement to check that says a
    body leads ("Đúng hay sai: KH giao Ban Tổ chức TW chủ trì …", worded as it offered: ``confirmed_word``);
    None otherwise."""
    from ..claims import FALSE, confirmed_word, is_claim  # the claims read this module's frames: when used

    if asks_yes_no(folded):
        return "Có" if leads or not LEADING_NAMED.search(folded) else "Không"
    if is_claim(folded) and LEADING_NAMED.search(folded):
        return confirmed_word(folded) if leads else FALSE[:-1]
    return None


class Kind:
    """A question kind. Subclasses override what they need."""

    name = "what"
    pattern: re.Pattern | None = None  # on the folded question, for kinds told by their words alone
    # The largest ``bonus`` can return: retrieval stops at the candidates that could not reach the
    # top even with it (tests/test_retrieve.py holds every kind to it).
    max_bonus = 0.0
    # Whether ``bonus`` reads the clause's text (else only its kind and facts): retrieval works a
    # bonus out once per distinct value of what it reads (tests/test_retrieve.py holds kinds to it).
    bonus_reads_text = False

    def detect(self, text: str, folded: str) -> bool:
        """``text``: the cleaned, abbreviation-expanded question; ``folded``: the same folded."""
        return bool(self.pattern and self.pattern.search(folded))

    def bonus(self, q: Question, clause: Clause) -> float:
        """Extra fused score, in units of ``Config.fact_bonus``, for a clause that states this kind's answer."""
        return 0.0

    def bonus_bound(self, q: Question) -> float:
        """The largest ``bonus`` can return for this question (``max_bonus`` unless a kind knows better)."""
        return self.max_bonus

    def holds_answer(self, q: Question, clause: Clause, ctx: AnswerContext) -> bool:
        """Whether ``clause`` holds an answer of the type asked."""
        return True

    def front_sources(self, q: Question, hits: list[Hit], ctx: AnswerContext) -> list[Clause]:
        """Front-matter clauses an answer of this kind may also come from, beyond the best hits; none
        unless a kind knows better."""
        return []

    def slot_required(self, q: Question) -> bool:
        """Whether this question, of a kind usually answered from any clause on its topic, is
        answered only by a clause that holds its slot (the verdict's "slot" rule)."""
        return False

    def missing(self, q: Question, ctx: AnswerContext) -> str | None:
        """What the plan does not give when no clause holds the answer, as the object of
        «Kế hoạch không nêu …»; None: the generic wording for the kind."""
        return None

    def gap(self, q: Question, hits: list[Hit], ctx: AnswerContext) -> str | None:
        """What the plan does not give when none of the best clauses holds an answer of this kind
        at all (the object of «Kế hoạch không nêu …»); None when one does, or the kind answers
        from any clause on its topic."""
        return None

    def closest(self, q: Question, hits: list[Hit], ctx: AnswerContext) -> tuple[str, Clause] | None:
        """What to say of a question judged a weak match, when the kind knows more than the closest
        clause does (``(text, clause it rests on)``); None: the closest clause is shown."""
        return None

    def answer(self, q: Question, hits: list[Hit], ctx: AnswerContext) -> str | tuple[str, Clause] | None:
        """The short answer, from ``hits[0]`` — or ``(answer, clause)`` when it comes from
        another clause, which the reply then cites first; None to fall back to "what"."""
        return None


class WordSlot(Kind):
    """A kind asked for with words from ``slots.tsv`` (``slot``, ``role``), answered only by a
    clause that uses such a word itself; the answer is that clause's sentence."""

    slot = ""
    role = ""

    def detect(self, text: str, folded: str) -> bool:
        slots = load_slots()
        return slots.search(self.slot, self.role, self._without_compounds(slots, text), fold_single=False) is not None

    def holds_answer(self, q, clause, ctx) -> bool:
        return self._holds(self._without_compounds(ctx.slots, clause.text), ctx)

    def _holds(self, text: str, ctx) -> bool:
        """Whether ``text`` gives what the kind asks for: here, one of its words."""
        return ctx.slots.search(self.slot, self.role, text) is not None

    def _without_compounds(self, slots: SlotWords, text: str) -> str:
        """``text`` without the slot's "compound" words, which hold one of its words and mean
        something else ("thủ tục hành chính" is a topic, not a procedure asked for)."""
        return slots.remove(self.slot, "compound", text) if slots.get(self.slot, "compound") else text

    def answer(self, q, hits, ctx):
        for hit in hits[:3]:
            for part in segments(hit.clause.text):
                if self._holds(part, ctx):
                    return f"{clip(part, ctx.config.answer_max_chars - 12)} ({hit.clause.ref}).", hit.clause
        return None
