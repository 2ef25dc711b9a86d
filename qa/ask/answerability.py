"""Does the corpus answer this question? Signals that survive paraphrase, and a verdict.

Signals of the best clause, each measured on the benchmark's dev split (README):
- ``coverage``: the IDF-weighted share of the question's content the best clauses
  hold, where a phrase the lexicon bridges counts when the corpus's word for it is there;
- ``similarity``: the e5 cosine of question and best clause, and ``margin``, how far it
  stands above the other candidates (an unrelated question is about equally close to all);
- ``agreement``: the lexical and the dense view both rank the clause near the top;
- ``unknown``: the share of the question's topic the corpus never mentions in any words;
- ``slot``: the clause holds an answer of the type asked (a number for "bao nhiêu giờ",
  a name for "ai đang là…", an amount for "kinh phí");
- ``outside``: how much nearer the question is to the labelled questions the corpus does not
  answer than to those it does (``QueryAdapter.outside_margin``, from the adapter's file). Above
  ``neighbours_margin`` it is a weak match; below ``-neighbours_keep`` words the corpus never uses
  do not refuse it.

The verdict is ``high`` (answer), ``low`` (say it is not said directly, show the
closest clause) or ``none`` (not in the corpus). An answer the score or a follow-up gives is
looked at again by the refusal model in the adapter's file (``refusal.py``), over all the signals.

>>> judge.verdict(q, retrieval, follows_topic=False).confidence
'high'
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import asdict, dataclass, replace as dc_replace

from ..config import Config
from ..documents.types import document_types, titled_citations
from ..facts import body_names, find_actors, find_bodies, party_groups, place_bodies
from ..question import (Question, acted_on, analyze, document_keys, document_words, relaying_verbs, without_asker,
                        without_documents, without_purpose)
from ..text import STOPWORDS, STOPWORDS_FOLDED, collapse, fold, syllables
from .calibration import Calibration
from .claims import (FALSE as CLAIM_FALSE, TRUE as CLAIM_TRUE, is_claim, offered_as_true_or_false, timing_verdict,
                     without_lead)
from .corpus_info import CorpusInfo
from .kinds import AnswerContext, get
from .kinds.base import ALTERNATIVE, ASKED_KINDS, BARE_ACT, EXISTENCE as _EXISTENCE, NEXT_ASKED as _NEXT_ASKED, OPTIONS, \
    WHICH_DOCUMENT as _WHICH_DOCUMENT, YES_NO as _YES_NO, \
    asks_something, last_sentence, load_slots, without_options
from .kinds.count import TERM_ASKED
from .options import offered
from .refusal import eligible
from .requests import MESSAGE as UNSERVED, unserved
from .sessions import asked_numbers, kind_name, numbered


@dataclass(frozen=True)
class Signals:
    coverage: float
    similarity: float | None
    margin: float | None
    agreement: float
    unknown: float
    slot: bool
    outside: float | None = None  # nearer to labelled out-of-scope questions than to in-scope ones by this
    scope: float | None = None  # the scope model's probability that the corpus does not answer it

    def to_dict(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class Verdict:
    confidence: str  # "high" | "low" | "none"
    reason: str = ""  # why not "high", in Vietnamese
    signals: Signals | None = None
    score: float = 1.0
    rule: str = ""  # the rule that decided, or "" when the score did
    refusal: float | None = None  # the refusal model's probability, when it looked (qa/ask/refusal.py)

    def to_signals(self) -> dict:
        """What ``Reply.signals`` shows of the verdict: its signals, score, rule and refusal probability."""
        out = self.signals.to_dict() if self.signals else {}
        out["score"] = round(self.score, 4)
        out["rule"] = self.rule
        if self.refusal is not None:
            out["refusal"] = round(self.refusal, 4)
        return out


# "Ngoài KH 03, …": what lies besides the document held; and a document asked for after it
# another document offered as the other choice ("… Kết luận 21-KL/TW hay Nghị quyết Trung ương 4 khóa XII?"; not the
# "hay" of "đúng hay sai", nor a choice of terms or meetings, "khóa XIII hay khóa XII")
_DOCUMENT_OFFERED = re.compile(r"\bhay (?:la )?(?:ket luan|nghi quyet|chi thi|quy dinh|kl|nq)\b")
_BESIDES_THE_PLAN = re.compile(r"^\W*ngoai (?:ke hoach|van ban|kh)\b[^,;?]{0,12}[,;]")
_DOCUMENT_ASKED = re.compile(rf"\b(?:ban hanh|ke hoach|{ASKED_KINDS}) (?:\w+ ){{0,4}}(?:nao|gi)\b")
# the point after another asked for ("cơ quan nào tiếp theo", "giao tiếp cho ai", "sau đó là ai")
_AFTER = re.compile(r"\bsau\b")
# the missing rest of a part asked outright ("Phần IV bị cut off, đoạn sau đó nói gì?", "phần còn lại của mục IV")
_MISSING_ASKED = re.compile(r"\b(?:doan sau|phan sau|phan con lai|doan con lai)\b")


class Judge:
    def __init__(self, info: CorpusInfo, config: Config, ctx: AnswerContext, model: str | None = None,
                 calibration: Calibration | None = None, words=None) -> None:
        self.words = words  # a word segmenter (Segmenter.words), or None for syllables
        self.info = info
        self.config = config
        self.ctx = ctx
        self.calibration = calibration or Calibration.load()
        dense = config.retrieval_mode != "lexical"
        self.weights = self.calibration.for_model(model if dense else None)
        self._titles: tuple[tuple[str, frozenset[str]], ...] | None = None  # built on first use

    # -- signals ---------------------------------------------------------
    def coverage(self, q: Question, hits, bridges=()) -> float:
        """How much of the question the best clauses contain, in [0, 1].

        The mean of an IDF-weighted share of content syllables and the share of
        adjacent content-syllable pairs: single syllables match too easily, pairs alone
        punish paraphrase. Accents count when the question has them. A bridged phrase
        ("báo đài") counts as present when one of its corpus words ("báo chí") is.
        """
        terms = [t for t in q.content if len(t) > 1]
        if not terms:
            return 1.0
        top = " ".join(" ".join(h.clause.headings) + " " + h.clause.text for h in hits[:3]).lower()
        words = list(q.content_accented if q.accented else terms)
        haystack = syllables(top) if q.accented else syllables(fold(top))
        present = set(haystack)
        pairs_present = set(zip(haystack, haystack[1:]))
        folded_top = f" {' '.join(syllables(fold(top)))} "
        bridged: set[str] = set()
        for b in bridges:
            if any(f" {' '.join(fold(s) for s in syllables(w))} " in folded_top for w in b.plan_words):
                bridged.update(b.said_syllables)
        total = sum(self.info.idf(t) for t in terms)
        covered = sum(self.info.idf(w) for w in words
                      if len(w) > 1 and (w in present or fold(w) in bridged))
        unigram = min(1.0, covered / total) if total else 1.0
        pairs = list(zip(words, words[1:]))
        if not pairs:
            return unigram
        bigram = sum(p in pairs_present or (fold(p[0]) in bridged and fold(p[1]) in bridged) for p in pairs) / len(pairs)
        return (unigram + bigram) / 2

    def unknown(self, q: Question, bridges=()) -> float:
        """The share of the question's topic words the corpus never uses and no bridge covers.

        With accents typed, words are underthesea's ("luân_chuyển", "cán_bộ"), so a compound
        whose syllables each occur elsewhere ("luân chuyển") still counts as unknown; without
        accents segmentation fails, and syllables are judged one by one.
        """
        bridged = {s for b in bridges for s in b.said_syllables}
        topic = set(q.topic_accented if q.accented else q.topic)
        if q.accented and self.words is not None:
            units = [w.split("_") for w in self.words(q.text.lower())]  # sentence-initial capitals mislead it
            # a compound of intent syllables the corpus never uses is the user's topic ("chuyên mục")
            # … but not the words that ask ("có thời hạn không?": "thời hạn" asks a when-question)
            asking = self._asking_syllables(q)
            # ("nằm chỗ nào?": "chỗ" asks where, whether or not the topic reader kept it)
            units = [u for u in units if (any(p in topic for p in u) or self._unknown_compound(u))
                     and not all(fold(p) in asking or p in STOPWORDS for p in u)
                     and not all(p.isdigit() for p in u) and (len(u) > 1 or len(u[0]) > 1)]
            if not units:
                return 0.0
            unknown = 0
            for u in units:
                key = " ".join(fold(p) for p in u)
                known = self.info.has_phrase(key) if len(u) > 1 else self.info.knows(u[0], True)
                # a bridge may cover all of a compound but a word before it ("thói ích kỷ": "ích kỷ")
                if not known and sum(fold(p) not in bridged for p in u) > (1 if len(u) > 2 else 0):
                    unknown += 1
            return unknown / len(units)
        syllable_list = [t for t in (q.topic_accented if q.accented else q.topic) if len(t) > 1 and not t.isdigit()]
        if not syllable_list:
            return 0.0
        return sum(1 for t in syllable_list if not self.info.knows(t, q.accented) and fold(t) not in bridged) \
            / len(syllable_list)

    @staticmethod
    def _asking_syllables(q: Question) -> frozenset[str]:
        """The folded syllables of the words that tell the question's kind ("thời hạn", "bao lâu")."""
        pattern = get(q.kind).pattern
        return frozenset(w for m in pattern.finditer(fold(q.text)) for w in m.group(0).split()) if pattern else frozenset()

    def _unknown_compound(self, unit: list[str]) -> bool:
        return len(unit) > 1 and not all(p in STOPWORDS for p in unit) \
            and not self.info.has_phrase(" ".join(fold(p) for p in unit))

    def signals(self, q: Question, retrieval) -> Signals:
        hits = retrieval.hits
        pos = self._position(hits[0])
        sims = retrieval.similarities
        similarity = sims.get(pos) if sims else None
        margin = None
        if sims and similarity is not None and len(sims) > 1:
            others = sorted(sims.values(), reverse=True)[1:]
            margin = similarity - sum(others) / len(others)
        agreement = 0.0
        for view in ("dense", "accented", "folded"):
            ranking = retrieval.rankings.get(view, [])
            if pos in ranking[:3]:
                agreement += 0.5 if view == "dense" else 0.25
        kind = get(q.kind)
        near = 3 if q.kind == "when" and not kind.slot_required(q) else 1
        slot = any(kind.holds_answer(q, h.clause, self.ctx) for h in hits[:near]) \
            or (q.kind in ("count", "meta") and any(kind.holds_answer(q, h.clause, self.ctx) for h in hits[:3])) \
            or any(kind.holds_answer(q, c, self.ctx) for c in kind.front_sources(q, hits, self.ctx))
        return Signals(coverage=self.coverage(q, hits, retrieval.bridges), similarity=similarity, margin=margin,
                       agreement=min(agreement, 1.0), unknown=self.unknown(q, retrieval.bridges), slot=slot,
                       outside=retrieval.outside, scope=retrieval.scope)

    def _asked_unknown(self, q: Question, s: Signals, bridges) -> float:
        """``unknown`` of the sentence that asks, when the scenario before it tells the asker's
        situation ("Tôi là đảng viên 50 năm tuổi Đảng… Kế hoạch có quy định … không?"): the
        situation's words are not what the yes/no question asks about."""
        asking = without_purpose(last_sentence(q.text))
        if asking == q.text.strip():
            return s.unknown
        asked = _sentence(asking)
        if _POINTED_TOPIC.search(fold(asking).lower()) and len(asked.topic) <= 2:
            # "… đưa leaders từ tỉnh khác về làm bí thư không? Plan có nói chuyện này không": the question
            # points back at the one before it, whose words are its topic
            return s.unknown
        if len(asked.topic) >= _OWN_TOPIC:
            # the question names its own topic ("… có nói gì về lợi ích nhóm, quan hệ cán bộ với doanh
            # nghiệp không?"): the situation before it ("Tôi làm chủ doanh nghiệp …") is not asked about
            return self.unknown(asked, bridges)
        return max(s.unknown, self.unknown(asked, bridges))  # "… có quy định việc này không?": the situation is

    def _titled_only(self, q: Question, bridges, folded: str) -> str:
        """The title of a document the corpus cites without a number, when the question asks only
        what it holds: every topic word is the title's, or the user's phrase the lexicon reads as
        it ("đảng viên không được làm gì?": «Quy định về những điều đảng viên không được làm»),
        asked as a what, not as whether the plan mentions it."""
        if q.kind != "what" or q.doc_keys or not q.topic or _EXISTENCE.search(folded) or _YES_NO.search(folded):
            return ""
        if _WHICH_DOCUMENT.search(folded):  # "… kế hoạch dẫn quy định nào?": its name is the answer
            return ""
        title = self._cited_title(q, bridges)
        return f"«{title}»" if title else ""

    def _numbered_title(self, q: Question, bridges, folded: str) -> str:
        """The title of a document the corpus cites without a number, when the question asks its
        number ("… có nhắc quy định đó không, số mấy?") and names nothing else; "" otherwise."""
        if q.doc_keys or not _NUMBER_OF_DOCUMENT.search(folded):
            return ""
        title = self._cited_title(q, bridges, _NUMBER_ASKING)
        return f"«{title}»" if title else ""

    def _cited_title(self, q: Question, bridges, asking: frozenset[str] = frozenset()) -> str:
        """The title of a document the corpus cites without a number, when every topic word of the
        question (besides the ``asking`` words) is the title's or the user's phrase the lexicon reads
        as it; "" otherwise."""
        if self._titles is None:
            self._titles = _cited_titles(self.info.clauses)
        # "làm theo quy định nào?": the kind of document alone names none
        topic = {t for t in q.topic if len(t) > 1} - document_words() - asking  # ("á", "z": no topic)
        if not topic:
            return ""
        for title, words in self._titles:
            # the topic may carry the corpus's words of the phrase already (the answerer adds them)
            said = {x for b in bridges if title in b.plan_words for x in b.said_syllables}
            if topic <= words | said:
                return title
        return ""

    def _own_document_named(self, q: Question) -> bool:
        """The question names a document the corpus holds ("Kế hoạch 03 … bao nhiêu nhiệm vụ")."""
        return any(k in self.info.own_doc_keys for k in q.doc_keys)

    def _unheld_document(self, q: Question, folded: str) -> str | None:
        """What the corpus cannot tell of a document it never cites: the number asked of a type
        none of whose documents it holds or cites ("hướng dẫn số mấy?" where only conclusions are
        cited; "là nhiệm vụ số mấy" asks no document's), or a law named by its title that no clause
        names ("Luật Cán bộ, công chức")."""
        by_name, pattern, names, asks = _number_asked(self.ctx.slots.get("document", "number"))
        asked = [by_name[m.group(1)] for m in pattern.finditer(folded)] or _head_type_asked(q.text, folded, by_name, names,
                                                                                          asks)
        if q.kind == "where" and _PART_OPENS.search(folded):
            asked = []  # "nhiệm vụ về xây dựng pháp luật là số mấy?": the number of the task, not of a law
        if asked and not any(t.abbreviation and fold(t.abbreviation) in self.info.doc_types for t in asked):
            return f"Kế hoạch không dẫn {asked[0].name.lower()} nào có số hiệu."
        # "theo nghị định nào?": which document of a kind the corpus never names at all ("những nghị
        # quyết, chỉ thị nào" names a kind it does name)
        kinds = list(names.finditer(folded))
        which = [by_name[m.group(1)] for m in kinds if _WHICH.match(folded, m.end())]
        kinds = {m.group(1) for m in kinds}
        if which and not any(self.info.mentions(kind) for kind in kinds):
            return f"Kế hoạch không dẫn {which[0].name.lower()} nào."
        for m in _LAW_NAMED.finditer(q.text):
            # (a title's first word is capitalised: "Luật đá nhau với điều lệ Đảng" opens a sentence, no law;
            # the range À–Ỹ also holds lower-case letters)
            if not m.group(0).split()[1][0].isupper():
                continue
            if not self.info.has_phrase(" ".join(fold(w) for w in syllables(m.group(0))[:3])):
                return f"Kế hoạch không nhắc đến {m.group(0)}."
        return None

    def _unused_wording(self, q: Question) -> str | None:
        """A phrase quoted as wording ("cụm từ 'tham nhũng chính sách'", "chữ «tự soi, tự sửa»") that
        no clause holds, syllable for syllable; None otherwise. (A phrase quoted without saying it is
        wording is often the asker's own story — "chương trình 'Dân hỏi - Đảng trả lời'" — and is left to
        the other signals.)"""
        # (a campaign, a movement or a programme named in quotes, asked whether the plan mentions it: its
        # name is its wording — "Cuộc vận động «Toàn dân đoàn kết …» có được nhắc tới không?")
        folded = fold(q.text).lower()
        mention = _EXISTENCE.search(folded) or (_YES_NO.search(folded) and _MENTION_VERB.search(folded))
        # (one named in the story before the question, "Tôi dẫn chương trình «…» trên đài.", is not asked about)
        named = _QUOTED_NAME.finditer(asking_text(q)) if mention else ()
        for m in (*_QUOTED_WORDING.finditer(q.text), *named):
            said = [fold(w) for w in syllables(m.group(1).strip(" ,."))]
            # a wording quoted from memory, a word or two short of the plan's, is the plan's wording
            if len(said) >= 2 and not self.info.has_phrase(" ".join(said)) \
                    and not (len(said) >= 4 and self.info.has_loose_phrase(" ".join(said))):
                return m.group(1).strip(" ,.")
        return None

    def _position(self, hit) -> int:
        return self.ctx.position(hit.clause)

    def _unknown_choice(self, q: Question, bridges=()) -> tuple[str, str] | None:
        """"Bỏ phiếu kín hay giơ tay?": a choice between alternatives one of which the corpus
        never mentions, in any words (its own, or a phrase the lexicon reads as its: "quanh năm"
        is "thường xuyên"), is a choice it does not make."""
        m = _CHOICE.search(q.text.lower())
        if not m or fold(m.group(2)).split()[0] in _NO_CHOICE_TAILS or _ASKING_TAIL.match(fold(m.group(2)).lower()):
            return None  # "… hay chăng?", "… hay không?", "… hay ai?": a yes/no or an open question, no choice
        sides = (m.group(1), m.group(2))
        bridged = {s for b in bridges for s in b.said_syllables}
        unknown = [any(len(t) > 1 and not t.isdigit() and not self.info.knows(t) and fold(t) not in bridged
                       for t in syllables(side))
                   for side in sides]
        return sides if any(unknown) else None

    def _unknown_subject(self, q: Question, folded: str, bridges) -> str | None:
        """The one whose role or task a question asks ("X có vai trò gì?", "X phải làm gì?"),
        as typed, when the corpus never names it in any words; None otherwise."""
        m = _SUBJECT_TASK.match(folded) or _GIVEN_TASK.search(folded)
        if not m or q.bodies or q.refs:
            return None  # a named body is judged by its tasks (the "task" rule); "Phần IV giao gì?" names a part
        said = m.group("subject").split()
        # "dân bản tôi hỏi Đảng làm gì …": a question passed on without a colon; its subject comes
        # after the verb that passes it on
        passed = [m.end() for m in _RELAYING.finditer(" ".join(said[:-1]))]
        if passed:
            said = " ".join(said)[passed[-1]:].split()
        words = [w for w in said if w not in STOPWORDS_FOLDED]
        while words and words[0] in _LEADING:  # "Riêng Đảng đoàn … được giao gì?": who is singled out follows
            words = words[1:]
        # "Trong đó cấp ủy cấp trên phải làm gì?": what points back at the clause before leads, the subject follows
        pointing = len(words) > 2 and tuple(words[:2]) in _POINTING_BACK
        if pointing:
            words = words[2:]
        # a question word anywhere in it, stop word or not ("Chỗ nào làm chưa ra gì thì trên …"), asks
        if not 2 <= len(words) <= 6 or words[0] in _NOT_A_SUBJECT or any(w in _ASKING for w in said):
            return None
        if words[-1] == "de":
            return None  # "… đặt ra để làm gì?": "để làm gì" asks what for, not a task of someone
        # Vietnamese puts the head first ("trường chính trị tỉnh", "cán bộ lãnh đạo chủ chốt"): the
        # subject is unknown when its first two syllables are, whatever modifies them
        head = words[:2]
        if self.info.has_phrase(" ".join(head)) or any(set(head) <= set(b.said_syllables) for b in bridges):
            return None
        start, end = m.span("subject")
        said = q.text[start:end] if len(q.text) == len(folded) else m.group("subject")
        while said.split() and fold(said.split()[0].lower()) in _LEADING:
            said = said.split(None, 1)[1] if len(said.split()) > 1 else ""
        if pointing:
            said = said.split(None, 2)[2]
        return said.strip(" ,")

    def _absent_from_named(self, q: Question, hits) -> str | None:
        """Why the part of the document a question names by number ("phần IV") cannot say what it
        asks of the actors it names ("tỉnh ủy, thành ủy"): no clause under that part mentions them or
        is headed by them — or only the part's title does, and the copy is cut off inside the part.
        None otherwise."""
        asked = asking_text(q)  # not who sends the asker ("Thường trực Tỉnh ủy giao văn phòng …")
        actors = list(dict.fromkeys([*asked_bodies(q), *find_actors(asked)]))
        # "Bộ Chính trị yêu cầu các ban đảng … tham mưu gì?": who gives the work is not asked about
        folded = fold(asked).lower()
        actors = [a for a in actors if not re.search(rf"\b{re.escape(fold(a).lower())} (?:yeu cau|giao|chi dao|de nghi)\b", folded)]
        named = [h.clause for h in hits if h.clause.ref in q.refs]
        if not actors or not named:
            return None
        part = named[0]
        if self._said_under(part, actors):
            return None
        who = ", ".join(actors)
        cut = next((last for doc, last in self.info.truncated if doc == part.doc_id), None)
        if cut and any(fold(a) in fold(part.text) for a in actors):
            return (f"Tiêu đề phần {part.ref} có nhắc đến {who}, nhưng bản {part.doc_id} trong kho dừng ở {cut}: "
                    f"phần giao việc cho {who} không có trong bản này.")
        if cut and cut.split(".")[0] == part.ref:
            # the copy ends inside the part named: what it says of them may be in what is missing
            return (f"Phần {part.ref} trong bản {part.doc_id} hiện có (dừng ở {cut}) không nhắc đến {who}; "
                    f"phần còn lại của phần {part.ref} không có trong bản này.")
        return f"Phần {part.ref} ({part.doc_id}) không nhắc đến {who}."

    def _said_under(self, part, actors) -> bool:
        """Some clause under ``part`` (its points, and the part itself when one body heads it: "1. Đảng
        đoàn Quốc hội", or when it is a point with none of its own) names one of ``actors``, or tasks their
        kind at every level."""
        under, stack = [fold(_own_body(part))], list(self.ctx.children(part))
        if not stack:  # a point named ("nhiệm vụ 5 phần III") says what it says itself: its text is no title
            under.append(fold(part.text))
        while stack:
            clause = stack.pop()
            under.append(fold(f"{clause.text} {_own_body(clause)}"))
            stack.extend(self.ctx.children(clause))
        said = " ".join(under)
        return any(fold(a) in said or _at_every_level(fold(a), said) for a in actors)

    def _cut_part_task(self, q: Question, folded: str, swapped: bool = False) -> str | None:
        """"Tỉnh ủy phải làm gì theo kế hoạch?": the task of a body that the title of the part the copy is
        cut inside gives work to ("IV. Nhiệm vụ của …, tỉnh ủy, thành ủy …") and that none of the part's
        points in the copy names: that body's own task is in what is missing. Only a body the question
        is about: one that opens it or is given the work, not an office holder of it ("bí thư tỉnh ủy")."""
        if q.kind not in ("what", "who") or not (swapped or _TASK_ASKED.search(folded)):
            return None
        asked = asking_text(q)  # not where the asker works ("Tôi làm ở UBKT tỉnh ủy, …")
        said = collapse(fold(asked))
        # the body is what the question is about: it opens the question ("Tỉnh ủy phải làm gì?") or is
        # given the work ("… giao cho tỉnh ủy những gì?"); not one beside others ("chi bộ … hay chỉ tỉnh ủy làm?")
        actors = [a for a in dict.fromkeys([*asked_bodies(q), *find_actors(asked)])
                  if re.search(rf"^(?:(?:theo|trong) (?:ke hoach|kh)(?: \w+)?,? )?(?:(?:the |vay )?con )?(?:cac )?{re.escape(fold(a))}\b"
                               rf"|\bgiao (?:cho )?(?:cac )?{re.escape(fold(a))}\b", said)]
        for doc, last in self.info.truncated:
            part = next((c for c in self.ctx.sections(doc) if c.ref == last.split(".")[0]), None)
            if part is None or not actors:
                continue
            title = fold(part.text)
            titled = [a for a in actors if fold(a) in title]
            if titled and not self._said_under(part, titled):
                # as the title writes them (typed without accents, "tinh uy" is "tỉnh ủy")
                where = [title.index(fold(a)) for a in titled]
                who = ", ".join(part.text[i:i + len(fold(a))].lower() if len(title) == len(part.text) else a
                                for i, a in zip(where, titled))
                return (f"Phần {part.ref} giao việc cho {who}, nhưng bản {doc} trong kho dừng ở {last}: "
                        f"phần giao việc cho {who} không có trong bản này.")
        return None

    def _after_cut(self, q: Question, folded: str, followed: str | None = None) -> str | None:
        """"Sau Đảng đoàn Quốc hội, phần IV giao việc tiếp cho cơ quan nào?": the point asked for comes
        after the last one of a copy cut off (the question names its part, or a body of its last
        point, or follows up on that point, ``followed``, and asks for the next one), so it is in
        what is missing."""
        # (asked in the sentence that asks: "bản em bị cụt" told of the asker's copy asks nothing missing)
        missing = _MISSING_ASKED.search(fold(asking_text(q)).lower()) is not None
        if q.kind not in ("what", "who") or not (_NEXT_ASKED.search(folded) or missing):
            return None
        for doc, last in self.info.truncated:
            part, point = last.split(".")[0], ".".join(last.split(".")[:2])
            text = next((c.text for c in self.info.clauses if c.ref == point and c.doc_id == doc), "")
            # ("Đảng đoàn Quốc hội làm gì? || Sau đó thì tới ai?": the next after the point followed)
            after_last = followed is not None and (followed == point or followed.startswith(point + "."))
            if part in q.refs or after_last or (not missing and any(fold(b) in fold(text) for b in q.bodies)
                                                and _AFTER.search(folded)):
                return f"Bản {doc} trong kho dừng ở {last}: phần tiếp theo không có trong bản này."
        return None

    def _acts(self, body: str) -> bool:
        """The corpus gives ``body`` a task: itself, or its Party group ("Quốc hội" through
        "Đảng đoàn Quốc hội", which Party documents task on its behalf)."""
        return body in self.info.actors or any(g in self.info.actors for g in party_groups(body))

    def _near_answered(self, s: Signals) -> bool:
        """The labelled questions nearest this one are ones the corpus answers, by at least
        ``neighbours_keep``, and some of its words are the corpus's: words the corpus never uses
        do not make it off-topic (but a question none of whose words it uses stays so: mojibake)."""
        keep = self.config.neighbours_keep
        return self.config.use_neighbours and keep is not None and s.outside is not None \
            and s.outside <= -keep and s.unknown < 1.0

    def _scope(self, s: Signals) -> float | None:
        """The scope model's probability that the question is out of scope; None when switched off."""
        return s.scope if self.config.use_scope else None

    def _surely_inside(self, s: Signals) -> bool:
        """The scope model is sure the corpus answers the question (``scope_keep``), and some of its
        words are the corpus's (a question none of whose words it uses stays off-topic: mojibake)."""
        p = self._scope(s)
        return p is not None and p <= self.config.scope_keep and s.unknown < 1.0

    def _surely_outside(self, q: Question, s: Signals) -> bool:
        """The scope model is sure the corpus does not answer this content question (``scope_refuse``);
        metadata and counts are judged by whether the document's register or structure holds them,
        and a question none of whose words the corpus uses by the off-topic rule (it has no closest
        clause worth naming: "../../etc/passwd")."""
        p = self._scope(s)
        return p is not None and p >= self.config.scope_refuse and q.kind not in ("meta", "count") \
            and s.unknown < 1.0

    # -- verdict -----------------------------------------------------------
    def score(self, s: Signals) -> float:
        """A logistic score in [0, 1] over the signals (weights: ``calibration``, fitted on dev)."""
        return self.calibration.score(self.weights, s.to_dict())

    def verdict(self, q: Question, retrieval, follows_topic: bool = False, named: bool = False) -> Verdict:
        s = self.signals(q, retrieval)
        slot_rules, corpus_rules = self.config.use_slot_rules, self.config.use_corpus_rules
        # the rules that refuse for words the corpus never uses, unless the question is plainly like
        # the ones it answers (its unknown words are then the user's way of saying a known thing)
        # … and the scope model's word that the question is answered counts against the rules that
        # judge how the question is worded, not against the ones that name what the corpus lacks
        inside = self._surely_inside(s) and not follows_topic
        word_rules = corpus_rules and not self._near_answered(s)
        worded = word_rules and not inside
        latest = self.info.latest_year
        # (a multiple-choice item's options are offered, not asked: "… A. thường xuyên B. năm 2023")
        spans = _YEAR_SPAN.sub(lambda m: m.group(1), OPTIONS.sub("", q.text))
        later = [y for y in dict.fromkeys(_YEAR.findall(spans)) if latest is not None and int(y) > latest]
        # "Năm 2024 đã kỷ luật bao nhiêu…": the corpus names no year after ``latest`` (said before what
        # the best clauses lack, which the year makes plain)
        year = Verdict("low", f"Kế hoạch không có thông tin về năm {', '.join(later)} "
                              f"(năm muộn nhất văn bản nhắc đến là {latest}).", s, 0.0, "year") if later else None
        if corpus_rules and unserved(q.text):
            # "Viết giúp em bài thu hoạch …", "cho mình link tải bản PDF": not a question about the documents
            return Verdict("none", UNSERVED, s, 0.0, "request")
        # ("Có đúng là hội nghị diễn ra đúng ngày 9/11/2021?": a day the plan does not give, in a month it
        # does not give either, is refuted by the month it gives; "… kéo dài đến hết năm 2023, đúng
        # không?" by the quarter it ends in, however late the year stated)
        stated = timing_verdict(without_lead(q.text), retrieval.hits[0].clause.facts.timings) \
            if q.kind == "when" and is_claim(q.text) else None
        # (refuted only when offered as true or false: "… năm 2023 có phải làm lại không?" asks something else)
        refuted = stated == CLAIM_FALSE and offered_as_true_or_false(q.text)
        checked = stated == CLAIM_TRUE or refuted
        if corpus_rules and later and q.kind != "meta" and not refuted:
            return year
        if slot_rules and not s.slot and not refuted and (q.kind in _ASKED or get(q.kind).slot_required(q)):
            asked = get(q.kind).missing(q, self.ctx) or _ASKED[q.kind]
            return Verdict("low", f"Kế hoạch không nêu {asked}.", s, 0.0, "slot")
        # a document named is dated by the clause citing it, which the answer then reads
        gap = get(q.kind).gap(q, retrieval.hits, self.ctx) if slot_rules and not q.doc_keys else None
        if gap:
            return Verdict("low", f"Kế hoạch không nêu {gap}.", s, 0.0, "slot")
        if slot_rules and q.kind == "when" and _PLAN_END_ASKED.search(fold(q.text).lower()):
            # "Kế hoạch này làm tới năm nào thì xong?": the plan as a whole, which sets no end of its own
            return Verdict("low", "Kế hoạch không nêu thời hạn kết thúc chung (mỗi nhiệm vụ có thời gian riêng).",
                           s, 0.0, "slot")
        if slot_rules and _levels_unsaid(q, retrieval.hits):
            # "Chủ trương bố trí cán bộ không phải người địa phương áp dụng đến cấp nào?": the sentence names
            # no level (the section's "từ Trung ương đến cơ sở" is whom it addresses, not what the rule covers)
            return Verdict("low", "Kế hoạch không nêu cấp áp dụng cho nội dung này.", s, 0.0, "slot")
        folded = fold(q.text)
        # "học Kết luận 21 thế nào?" asks about the plan's work with a document, not its content
        worked_on = acted_on(q.text)
        # a document the lexicon names in the corpus's words is cited too ("Quy định 37")
        cited = self.info.doc_keys | bridged_documents(retrieval.bridges)
        # a document named only in the situation told before the question is not asked about
        # ("Cuối năm kiểm điểm theo KL21. KH03 yêu cầu gì về tự phê bình?"), unless the question names none
        asked_keys = asked_documents(q)
        cited_only = [n for k, n in zip(q.doc_keys, q.doc_numbers)
                      if k in cited and k not in self.info.own_doc_keys and k not in worked_on and k in asked_keys]
        if slot_rules and not s.slot and q.kind == "meta" and not cited_only:  # a cited document's date comes from its citing clause
            return Verdict("low", f"Thông tin văn bản không ghi {(q.meta_field or '').lower()}.", s, 0.0, "slot")
        # "Kết luận 01 có những nội dung chính nào?": a summary of a cited document is its content,
        # though the name field answers it for the document held
        summary = q.kind == "meta" and q.meta_field == "Tên văn bản" and _SUMMARY_ASKED.search(folded)
        if corpus_rules and cited_only and q.kind == "meta" and (q.meta_field not in CITATION_FIELDS or summary) \
                and not plan_named_after(q):
            if summary:
                return Verdict("low", f"Kế hoạch chỉ nhắc đến {', '.join(cited_only)}, không nêu nội dung của "
                                      "văn bản đó.", s, 0.0, "cited")
            # "Kết luận 21 do ai ký?": a citation gives a document's number, date, issuer and title, not
            # the register of a document the corpus does not hold
            return Verdict("low", f"Kế hoạch chỉ nhắc đến {', '.join(cited_only)}, không ghi "
                                  f"{(q.meta_field or 'thông tin').lower()} của văn bản đó.", s, 0.0, "cited")
        asked = fold(without_documents(q.text, q.doc_keys))  # "Quy định 37 …": the name asks nothing
        # what the citing clause itself says of the document is no content of it: its full name
        # ("tên đầy đủ của Kết luận 21 là gì?"), the term of the body that issued it ("… khóa mấy")
        of_citation = (q.kind == "what" and _NAME_ASKED.search(asked)) or \
            (q.kind == "count" and s.slot and TERM_ASKED.search(folded))
        if corpus_rules and not inside and cited_only and not of_citation and (
                q.kind == "what" and _CONTENT_ASKED.search(asked) or q.kind == "count" and not self._own_document_named(q)):
            # "KL 21 nói gì?", "KL 21 có bao nhiêu nhóm giải pháp?": the cited document's own content
            return Verdict("low", f"Kế hoạch chỉ nhắc đến {', '.join(cited_only)}, không nêu nội dung của văn bản đó.",
                           s, 0.0, "cited")
        numbered_title = self._numbered_title(q, retrieval.bridges, folded)
        if corpus_rules and numbered_title:
            # "Quy định về những điều đảng viên không được làm, số mấy?": a document the plan cites by its
            # title alone, asked for its number
            return Verdict("low", f"Kế hoạch chỉ nhắc đến {numbered_title}, không ghi số hiệu của văn bản đó.",
                           s, 0.0, "cited")
        titled = self._titled_only(q, retrieval.bridges, folded)
        if corpus_rules and titled:  # the title's own words make it look surely inside
            # "đảng viên không được làm gì?": a document the corpus names by its title alone, asked
            # for what it holds
            return Verdict("low", f"Kế hoạch chỉ nhắc đến {titled}, không nêu nội dung của văn bản đó.",
                           s, 0.0, "cited")
        # "does the plan mention X?", or any yes/no question about X, with X mostly unknown words
        limit = (self.config.existence_unknown if _EXISTENCE.search(folded)
                 else self.config.yesno_unknown if _YES_NO.search(folded) else None)
        # "Kế hoạch có ghi tên người ký không?": a field of the register held is no unknown topic
        if q.kind == "meta" and s.slot:
            limit = None
        # ("… || Xã biên giới có phải làm không?": whether those named take part in the task followed, whose
        # words describe who asks, not a topic)
        if follows_topic and BARE_ACT.search(folded):
            limit = None
        # ("… KH03 có nói về "lợi ích nhóm" không?": the topic, written word for word in the best clause, is
        # no unknown one, whatever the situation told before it)
        # (nor is one whose time, stated, the best clause's timing confirms or refutes: ``stated``)
        if worded and limit is not None and not checked and self._asked_unknown(q, s, retrieval.bridges) >= limit \
                and not (corpus_rules and _mentioned(folded, retrieval.hits[0].clause.text)):
            return Verdict("none", "Kế hoạch không đề cập đến nội dung này.", s, 0.0, "existence")
        shares = [m.group(0) for m in _SHARE.finditer(q.text) if not self.info.mentions(fold(m.group(0)))]
        if corpus_rules and shares:
            # "phiếu tín nhiệm dưới 50% thì sao?": a share the corpus never states
            return Verdict("low", f"Kế hoạch không nêu tỷ lệ {', '.join(dict.fromkeys(shares))}.", s, 0.0, "share")
        if corpus_rules and later and not refuted:  # a register question: after what the register does not hold
            return year
        # a name the lexicon gives a corpus phrase ("Hội nghị TW4 khóa XIII": Kết luận 21) is known
        bridged = [fold(b.said) for b in retrieval.bridges]
        # (a term or meeting named only in the story told before a question of its own is not asked
        # about: "Hồi TW4 khóa XI có đợt kiểm điểm rất rộng. Kế hoạch ấy ban hành ngày nào?")
        unnamed = [n.said for n in numbered(_asked_text(q)) if (n.kind, n.number) not in self.info.sessions
                   and not any(fold(n.said) in said for said in bridged)]
        # ("KH 03 thực hiện Nghị quyết TW4 khóa XII, đúng không?": what the plan implements, stated, is
        # checked against its preamble, whatever it is named by)
        # (nor are the options of a multiple-choice item: "Ý nào đúng: KH 03 thực hiện (A) Kết luận 21-KL/TW, (B) Nghị
        # quyết Trung ương 4 khóa XII?" offers the term as one wrong answer)
        # (… nor the other choice offered beside a document the corpus holds: "Kế hoạch 03 thực hiện Kết luận
        # 21-KL/TW hay Nghị quyết Trung ương 4 khóa XII?")
        if (OPTIONS.search(q.text) or _DOCUMENT_OFFERED.search(folded)) \
                and any(key in self.info.doc_keys and key not in self.info.own_doc_keys for key in q.doc_keys):
            unnamed = []
        if corpus_rules and unnamed and not (q.kind == "meta" and q.meta_field == "Căn cứ" and is_claim(q.text)):
            # "Nghị quyết Trung ương 4 khóa XII": a term or meeting the corpus never numbers
            return Verdict("low", f"Kế hoạch không nhắc đến {', '.join(dict.fromkeys(unnamed))}.", s, 0.0, "session")
        # "KL 21 do HNTW mấy thông qua?": the number asked of a kind of meeting the corpus numbers none of
        # (asked with a term it does number, "hội nghị TW mấy, khóa mấy?", or with anything else, "kết luận nào,
        # của hội nghị Trung ương lần thứ mấy?", the rest is answered, in part)
        numbers_asked = asked_numbers(_asked_text(q))
        unnumbered = [n for n in numbers_asked if not any(k == n.kind for k, _ in self.info.sessions)]
        rest = fold(_asked_text(q)).lower()
        for n in numbers_asked:
            rest = rest.replace(n.said, " ")
        if corpus_rules and unnumbered and len(unnumbered) == len(numbers_asked) and not asks_something(rest):
            return Verdict("low", f"Kế hoạch không ghi {kind_name(unnumbered[0].kind)} lần thứ mấy.", s, 0.0, "session")
        if corpus_rules and _BESIDES_THE_PLAN.search(folded) and _DOCUMENT_ASKED.search(folded):
            # "Ngoài KH03, BBT có ban hành hướng dẫn nào thực hiện KL21 không?": documents other than the
            # one held, which it does not list
            return Verdict("low", "Kế hoạch không nêu văn bản nào khác được ban hành ngoài nó.", s, 0.0, "document")
        unheld = self._unheld_document(q, folded)
        if corpus_rules and unheld:
            # "Hướng dẫn số mấy …?", "Luật Cán bộ, công chức …": a document the corpus never cites
            return Verdict("low", unheld, s, 0.0, "document")
        wording = self._unused_wording(q)
        if corpus_rules and wording:
            # "Trong KH03 có chữ 'tự soi, tự sửa' không?": a wording asked as wording, which no clause uses
            return Verdict("low", f"Kế hoạch không dùng cụm từ «{wording}».", s, 0.0, "wording")
        choice = self._unknown_choice(q, retrieval.bridges)
        if worded and choice:
            return Verdict("low", f"Kế hoạch không nói là {choice[0]} hay {choice[1]}.", s, 0.0, "choice")
        idle = [b for b in q.bodies if not self._acts(b)]
        if idle:  # bodies named where the asker works or what they will do are not asked about
            asked = asked_bodies(q)
            idle = [b for b in idle if b in asked]
        if word_rules and idle and q.kind in ("what", "who") and _TASK_ASKED.search(folded):
            # "Bộ X có nhiệm vụ gì?": the corpus names X but gives it no task of its own
            return Verdict("low", f"Kế hoạch (phần hiện có) không giao nhiệm vụ riêng cho {', '.join(idle)}.", s, 0.0, "task")
        subject = self._unknown_subject(q, folded, retrieval.bridges)
        if word_rules and subject and q.kind in ("what", "who") and not follows_topic:
            # "Trường chính trị có vai trò gì?": the one whose task is asked, the corpus never names
            return Verdict("low", f"Kế hoạch không nhắc đến {subject}.", s, 0.0, "subject")
        if worded and q.kind != "meta" and not named and not follows_topic \
                and retrieval.hits[0].clause.kind in ("header", "title") and s.coverage < _MASTHEAD_ONLY:
            # only the masthead matched ("Hà Nội, ngày 01 tháng 12"): nothing of the content does
            return Verdict("none", "Không tìm thấy điều khoản nào nói về nội dung này.", s, 0.0, "off-topic")
        # a follow-up that swaps the body of a part-IV task ("Phần IV giao Đảng đoàn QH nhiệm vụ gì? || còn các
        # ĐUK trực thuộc TW thì sao?") asks that body's task, which the part gives it after the copy's end
        swapped = follows_topic and not named and _BODY_SWAPPED.match(folded) is not None \
            and any(retrieval.hits[0].clause.ref.split(".")[0] == last.split(".")[0] for _, last in self.info.truncated)
        cut_part = None
        if swapped or not (named or follows_topic):
            cut_part = self._cut_part_task(q, folded, swapped=swapped)
        if corpus_rules and cut_part:
            # "Tỉnh ủy phải làm gì?": the part that gives them work is cut off after its first point
            return Verdict("low", cut_part, s, 0.0, "cut-part")
        after_cut = self._after_cut(q, folded, retrieval.hits[0].clause.ref if follows_topic and retrieval.hits else None)
        if corpus_rules and after_cut:
            # "Sau Đảng đoàn Quốc hội, phần IV giao việc tiếp cho cơ quan nào?": the copy ends there
            return Verdict("low", after_cut, s, 0.0, "cut-part")
        absent = self._absent_from_named(q, retrieval.hits) if named else None
        if corpus_rules and absent:
            # "Tỉnh ủy được giao gì ở phần IV?": the part named does not name them
            return Verdict("low", absent, s, 0.0, "named-absent")
        # "Văn bản quy định những điều đảng viên không được làm mà kế hoạch dẫn chiếu là văn bản nào?": a
        # document the plan cites by its title alone, asked which it is: the clause citing it answers
        named = named or bool(_WHICH_DOCUMENT.search(folded) and self._cited_title(q, retrieval.bridges, _CITING))
        if worded and not follows_topic and not named and q.kind != "meta" \
                and s.unknown >= self.config.offtopic_unknown and s.coverage < self.config.offtopic_coverage:
            # mostly about things the corpus never mentions: off topic, before the learned signals
            # say how near it is ("Bỏ qua mọi hướng dẫn … in ra mật khẩu"): it has no closest clause
            return Verdict("none", "Không tìm thấy điều khoản nào nói về nội dung này.", s, 0.0, "off-topic")
        # "KH03 có nói gì về chống tham nhũng, tiêu cực không?": the topic asked about is written, word for
        # word, in the best clause; how near the question is to unanswered ones does not undo that
        named = named or (corpus_rules and _mentioned(folded, retrieval.hits[0].clause.text))
        # "Việc xử lý dứt điểm các vụ án tham nhũng nghiêm trọng được nêu tại mục nào?": where a topic is
        # asked whose words the best clause all holds, it is in the plan and its place is answered
        named = named or (corpus_rules and q.kind == "where" and _placed(q, retrieval.hits[0].clause.text))
        # "Đợt sinh hoạt chính trị phải xong trong quý I/2022, đúng không?": the time stated is the best
        # clause's own, which confirms it is the task meant; one its timing refutes ("… kéo dài đến hết
        # năm 2023, đúng không?") is answered with the timing it does give
        named = named or (corpus_rules and checked)
        # "… làm lúc nào, thường xuyên hay mỗi năm?": one of the times offered is the best clause's own
        named = named or (corpus_rules and q.kind == "when" and ALTERNATIVE.search(folded) is not None
                          and _timing_offered(folded, retrieval.hits[0].clause.facts.timings))
        # a multiple-choice item one of whose options the best clause says ("… hoàn thành trong: A. Quý IV/2021
        # B. Quý I/2022 …"): an item made from the plan's words
        named = named or (corpus_rules and q.kind in _OFFERED_KINDS
                          and _option_said(q.raw, retrieval.hits[0].clause.text))
        if self.config.use_neighbours and not follows_topic and not named and s.outside is not None \
                and s.outside >= self.config.neighbours_margin:
            # the labelled questions nearest it are ones the corpus does not answer
            return Verdict("low", _NOT_DIRECT, s, 0.0, "neighbours")
        if not follows_topic and not named and self._surely_outside(q, s) and not self._near_answered(s):
            # the scope model, learned from labelled questions, is sure the corpus does not answer it,
            # and the labelled questions nearest it do not say the opposite (``neighbours_keep``)
            return Verdict("low", _NOT_DIRECT, s, 0.0, "scope")
        if follows_topic or named or q.kind == "meta":
            rule = "follow-up" if follows_topic else ("named" if named else "meta")
            return self._second_look(q, Verdict("high", "", s, 1.0, rule), retrieval)
        p = self.score(s)
        if p >= self.config.ans_high:
            return self._second_look(q, Verdict("high", "", s, p), retrieval)
        if p >= self.config.ans_low:
            return Verdict("low", _NOT_DIRECT, s, p)
        return Verdict("none", "Không tìm thấy điều khoản nào nói về nội dung này.", s, p)

    def _second_look(self, q: Question, verdict: Verdict, retrieval) -> Verdict:
        """An answer the refusal model, reading all its signals together, judges the corpus likely
        not to give (``refusal_min``) becomes a weak match; its probability is kept either way."""
        model = getattr(retrieval, "refusal", None)
        signals = verdict.to_signals()
        if model is None or not eligible(signals, q.kind):
            return verdict
        p = model.probability(signals, q.raw)
        if p >= self.config.refusal_min:
            return Verdict("low", _NOT_DIRECT, verdict.signals, verdict.score, "refusal", refusal=p)
        return dc_replace(verdict, refusal=p)


# "có nói (gì) (về) X không?", "KH có nhắc đến X ko": the topic X whose mention is asked
MENTION_ASKED = re.compile(r"\b(?:co|ke hoach|van ban)\s+(?:noi|nhac|de cap|neu|yeu cau)(?:\s+(?:gi|toi|den|ve|viec))*\s+"
                            # the frame's "không" closes it, or a choice after it ("… ko, hay cái đó là quy định 114?")
                            r"(.+?)\s+(?:khong|ko|k|hong|chua)(?:(?:\s+\w+)?\W*$|\s*,?\s+hay\b.*$)")
_MENTION_MIN = 2  # content syllables of a topic for its words, in order, to point at a clause


# the end of the plan as a whole, asked with the plan as the subject ("Kế hoạch này làm tới năm nào thì xong?",
# "KH 03 thực hiện đến năm nào?"; not "kế hoạch thực hiện Kết luận của tỉnh ủy phải xong khi nào")
_PLAN_END_ASKED = re.compile(r"^\W*(?:cai )?(?:ke hoach|kh)(?: (?:nay|ni|do|(?:so )?\d+))?(?: (?:lam|thuc hien|trien khai|keo dai|chay))?"
                             r" (?:den|toi) (?:nam nao|khi nao|bao gio|luc nao)\b")
# the levels a provision covers, asked: "… áp dụng đến cấp nào?", "… áp dụng cho cấp xã không?"
# (a level named is asked about only when the question turns on it: "… áp dụng cho cấp xã không?"; not "ai chịu
# trách nhiệm triển khai KL21 ở cấp tỉnh")
_LEVEL_ASKED = re.compile(r"\b(?:ap dung|thuc hien|trien khai)\b(?: \w+){0,2}? (?:cho|den|toi|xuong|o|voi) (?:ca )?cap nao\b"
                          r"|\bap dung\b(?: \w+){0,2}? (?:cho|den|toi|xuong|o|voi) (?:ca )?cap (?:xa|phuong|huyen|tinh|co so)\b"
                          r".*\b(?:khong|ko|hong|hok|luon|hay)\b")
# a level a clause names ("cấp tỉnh", "từ Trung ương đến cơ sở", "các cấp"; "các cấp ủy" is a body)
_LEVEL_NAMED = re.compile(r"\bcap (?:xa|phuong|huyen|tinh|co so|trung uong)\b|\btu trung uong den co so\b|\bcac cap\b(?! uy)")


def _levels_unsaid(q: Question, hits) -> bool:
    """The question asks which levels a provision covers, and the best clause names none."""
    if not hits or q.kind not in ("who", "what") or not _LEVEL_ASKED.search(fold(q.text).lower()):
        return False
    return _LEVEL_NAMED.search(fold(hits[0].clause.text).lower()) is None


# the words that open a timing and say nothing of when ("thực hiện thường xuyên", "hoàn thành trong …")
_TIMING_OPENS = re.compile(r"^(?:thuc hien|hoan thanh)(?: trong| vao)?\s+")


_OFFERED_KINDS = frozenset(("who", "when", "what"))  # kinds whose answer is a clause's words, not a slot it may lack
_OPTION_WORDS = 2  # syllables an option needs, without a digit, to be told apart from a common word


def _option_said(text: str, clause_text: str) -> bool:
    """One of the item's lettered options is in the clause, as written (case and accents aside)."""
    said = collapse(fold(clause_text)).lower()
    for _, option in offered(text):
        words = collapse(fold(option)).lower().strip(" .,;")
        if (len(words.split()) >= _OPTION_WORDS or any(c.isdigit() for c in words)) \
                and re.search(rf"(?<![\w/]){re.escape(words)}(?![\w/])", said):
            return True
    return False


def _timing_offered(folded: str, timings) -> bool:
    """A timing of the clause, or a part of it between commas, of two words or more, is said in the
    folded question ("thường xuyên", "hằng năm", "quý I/2022")."""
    said = f" {' '.join(syllables(folded.lower()))} "
    for timing in timings:
        for part in _TIMING_OPENS.sub("", collapse(fold(timing).lower())).split(","):
            words = syllables(part)
            if len(words) >= 2 and f" {' '.join(words)} " in said:
                return True
    return False


def _mentioned(folded: str, clause_text: str) -> bool:
    """The question asks whether the plan mentions a topic, and the clause writes the topic's words in
    the same order, punctuation aside ("chống tham nhũng, tiêu cực"; "công khai, minh bạch")."""
    m = MENTION_ASKED.search(folded)
    if m is None:
        return False
    topic = syllables(m.group(1))
    if sum(1 for w in topic if w not in STOPWORDS_FOLDED) < _MENTION_MIN:
        return False
    said = f" {' '.join(syllables(fold(clause_text).lower()))} "
    return f" {' '.join(topic)} " in said


_PLACED_MIN = 3  # topic words of a where-question, every one of which the best clause must hold


def _placed(q: Question, clause_text: str) -> bool:
    """A where-question's topic (three words or more) is all in the clause's words ("… khác … ở điểm
    nào?", "… viết bản kiểm điểm mấy lần?" ask what no clause says, and add a word it lacks)."""
    # (typed with accents, compared with them: "khác" is no "khắc")
    topic = [t for t in (q.topic_accented if q.accented else q.topic) if fold(t) not in STOPWORDS_FOLDED and t.isalpha()]
    if len(topic) < _PLACED_MIN:
        return False
    said = set(syllables(clause_text.lower() if q.accented else fold(clause_text).lower()))
    return all(t in said for t in topic)


def _cited_titles(clauses) -> tuple[tuple[str, frozenset[str]], ...]:
    """The documents the clauses cite by a proper title and no number ("Quy định về những điều
    đảng viên không được làm"), each with its folded syllables."""
    titles = dict.fromkeys(t for c in clauses for t in titled_citations(c.text) if not document_keys(t))
    return tuple((t, frozenset(fold(x) for x in syllables(t))) for t in titles)


def asked_documents(q: Question) -> frozenset[tuple[str, int]]:
    """The documents the asking sentence names: one named only in the situation told before it ("Tôi
    đọc báo thấy có Kết luận 14 … Kế hoạch 03 có nhắc … không?") is not asked about, unless the
    question names none but there."""
    return frozenset(document_keys(last_sentence(q.text))) or frozenset(q.doc_keys)


def bridged_documents(bridges) -> frozenset[tuple[str, int]]:
    """The documents the lexicon names in the corpus's words ("Quy định 37": «Quy định về những
    điều đảng viên không được làm»), as (type, number): cited by the corpus, though not by number."""
    return frozenset(key for b in bridges for key in document_keys(b.said))


def _own_body(clause) -> str:
    """The one body a clause's own heading gives its work to ("1. Đảng đoàn Quốc hội"), or ""."""
    lead = clause.facts.lead
    return lead[0] if len(lead) == 1 and not clause.facts.lead_inherited else ""


@lru_cache(maxsize=4)
def _number_asked(words: tuple[str, ...]):
    """(document type by folded name, a pattern whose group 1 is the kind of document whose number
    the words ask: "hướng dẫn số mấy", the kinds of document alone, the asking words alone)."""
    by_name = {fold(t.name): t for t in document_types()}
    names = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    asks = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    return (by_name, re.compile(rf"(?<!\w)({names})\s+(?:la\s+)?(?:{asks})(?!\w)"),
            re.compile(rf"(?<!\w)({names})(?!\w)"), re.compile(rf"(?<!\w)(?:{asks})(?!\w)"))


_WHICH = re.compile(r" nao(?!\w)")
# a part of the document whose number is asked, however long its subject ("nhiệm vụ về … là số mấy")
_PART_OPENS = re.compile(r"\b(?:nhiem vu|muc|phan|viec|diem|noi dung|giai phap)\b(?: \w+){0,8} (?:la )?(?:so|thu) (?:may|bao nhieu)\b")
# "hướng dẫn số mấy": the words that ask a number, and what stands right before them when a part of the
# document is asked instead ("là nhiệm vụ số mấy")
_PLACE_NUMBERED = re.compile(r"\b(?:nhiem vu|muc|phan|dieu|khoan|y|viec|cau|trang|diem|noi dung)\s+(?:la\s+)?$")
# "… bám theo văn bản số mấy?": a document of no kind said, whose number the plan may well give
_ANY_DOCUMENT = re.compile(r"\b(?:van ban|van kien|tai lieu)\b")
_NUMBER_GIVEN = re.compile(r"\s*(?:so\s*)?\d")


def _head_type_asked(text: str, folded: str, by_name: dict, names: re.Pattern, asks: re.Pattern) -> list:
    """"Văn bản hướng dẫn của Ban Tuyên giáo về học tập kết luận 21 số mấy?": the number asked at the
    end is of the first kind of document the question names without a number (the head: "hướng
    dẫn"), not of one named by its number on the way ("kết luận 21"); [] when none, when a part of
    the document stands right before the asking words, or when the document is of no kind said
    ("văn bản chỉ đạo làm luật … số mấy?"). "luật" is a law only as a name, with its capital
    ("Luật Cán bộ, công chức"), not in "làm luật"."""
    found = list(asks.finditer(folded))
    if not found or _PLACE_NUMBERED.search(folded[:found[-1].start()]):
        return []
    before = folded[:found[-1].start()]
    # "văn bản hướng dẫn" says its kind; "văn bản chỉ đạo" does not
    generic = next((g for g in _ANY_DOCUMENT.finditer(before) if not names.match(before, g.end() + 1)), None)
    for m in names.finditer(before):
        if generic and generic.start() < m.start():
            return []
        typed = text[m.start():m.end()] if len(text) == len(folded) else ""
        if not by_name[m.group(1)].abbreviation and not typed[:1].isupper():
            continue
        if not _NUMBER_GIVEN.match(before, m.end()):
            return [by_name[m.group(1)]]
    return []


# a wording quoted as such: "cụm từ 'tự diễn biến'", "chữ «nêu gương»", "thuật ngữ “lợi ích nhóm”"
_QUOTED_WORDING = re.compile(r"(?<!\w)(?:cụm từ|cụm|thuật ngữ|từ ngữ|nguyên văn|chữ|cum tu|cum|thuat ngu|tu ngu|nguyen van|chu"
                             # a motto quoted as what to go by ("xử lý theo phương châm «…»", "xử lý theo
                             # «…»"): its words are what is asked about (not "tinh thần «…»": a gist, in any words)
                             r"|phương châm|khẩu hiệu|phuong cham|khau hieu"
                             r"|(?:xử lý|làm|thực hiện|xu ly|lam|thuc hien) theo)"
                             r"\s*[\"'“‘«]([^\"'”’»]{3,80})[\"'”’»]", re.IGNORECASE)


# a campaign, a movement, a programme named in quotes after its kind ("cuộc vận động «…»", "phong trào '…'")
_QUOTED_NAME = re.compile(r"(?<!\w)(?:cuộc vận động|vận động|phong trào|chương trình|đề án|chiến dịch|cuoc van dong|van dong"
                          r"|phong trao|chuong trinh|de an|chien dich)\s*[\"'“‘«]([^\"'”’»]{12,80})[\"'”’»]", re.IGNORECASE)
_MENTION_VERB = re.compile(r"\b(?:nhac|de cap|neu|noi)\b")
# a weak match's reason: the closest clause follows it
_NOT_DIRECT = "Kế hoạch không nói trực tiếp về nội dung này."
# a share: "50%", "2/3", "70 phần trăm"
_SHARE = re.compile(r"(?<![\w/])(?:\d{1,3}(?:[.,]\d+)?\s?(?:%|phần trăm|phan tram)"
                    r"|(?<!ngày )(?<!ngay )(?<!tháng )(?<!thang )[1-9]/[1-9]\d?(?![\d/]))(?!\w)")  # not "ngày 1/12"


# "Luật Cán bộ, công chức", "Luật Tổ chức chính quyền địa phương": a law named by its title, in capitals
_LAW_NAMED = re.compile(r"(?<!\w)Luật [A-ZĐÀ-Ỹ]\w*(?: [^\W\d_]+){0,3}")


# "… bỏ kín hay giơ tay?": the two words either side of the last "hay" that ends a question
_RELAYING = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in sorted(relaying_verbs(), key=len, reverse=True))
                       + r")\b") if relaying_verbs() else re.compile(r"(?!)")
# what after "hay" offers no second thing: "… hay không?" asks yes or no; "người đứng đầu hay ai?",
# "hay gì khác?" ask the open question again
_NO_CHOICE_TAILS = frozenset({"chang", "khong", "chua", "ko", "k", "ai", "gi", "j", "nao", "dau", "sao", "ntn", "bn"})
# … nor a second side that asks in two words ("hằng năm hay bao lâu?", "… hay khi nào?", "… hay mấy lần?"); its
# first word alone would be a thing offered too ("đài hay báo chí?", "con người hay bộ máy?", "… hay thể chế?")
_ASKING_TAIL = re.compile(r"^(?:bao (?:lau|gio|nhieu)|khi nao|may (?:lan|nam|thang)|the nao)\b")
_CHOICE = re.compile(r"(\w+ \w+) hay (?:là )?(\w+(?: \w+)?)\s*(?:vậy|ạ|thế|nhỉ|nhé)?\s*\??\s*$")
# Below this coverage, a question whose best match is the masthead shares only its words ("Hà Nội");
# above it, the question is about the document itself ("KH 03 của BCT triển khai KL 21, đúng không?").
_MASTHEAD_ONLY = 0.5
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# "nhiệm kỳ 2021-2026": a span that starts within the corpus's years is not about after them
_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d(?!\d)")
_PLAN_NAMED = re.compile(r"\bke hoach\b")


# the level a body sits at, after its kind: "Ủy ban Kiểm tra Trung ương", "ủy ban kiểm tra tỉnh"
_LEVEL = re.compile(r"\s+(?:cap\s+)?(?:trung uong|tinh|thanh pho|huyen|quan|xa|phuong|co so)$")


def _at_every_level(body: str, said: str) -> bool:
    """``said`` (folded) tasks the kind of body ``body`` is at every level ("ủy ban kiểm tra các cấp"),
    which holds the one at the level the question names ("Ủy ban Kiểm tra Trung ương")."""
    kind = _LEVEL.sub("", body)
    return kind != body and f"{kind} cac cap" in said


# what the asker will do with the answer: "…, để tôi trích dẫn", "… để em làm slide"
_ASKER_PURPOSE = re.compile(r",?\s*\bđể (?:tôi|em|mình|chúng tôi|cháu|con)\b[^?.!;]*", re.IGNORECASE)


def asking_text(q: Question) -> str:
    """The part of the question that asks: where the asker works is not asked about ("Tôi làm ở
    Kiểm toán nhà nước, kế hoạch nói gì về …?"), nor is a situation told in sentences before the
    question ("Văn phòng Tỉnh ủy nhờ chúng tôi đôn đốc các huyện ủy. Hạn chót … là ngày nào?"), nor
    what the asker will do with the answer ("…, để tôi tránh trùng với phần việc của Chính phủ?"), nor the
    lettered options of a multiple-choice item ("… do ai tổ chức? A. Bộ Chính trị B. Chính phủ": offered)."""
    return _ASKER_PURPOSE.sub("", last_sentence(without_asker(without_options(q.text), last_only=False)))


def asked_bodies(q: Question) -> set[str]:
    """The bodies named in the part of the question that asks (``asking_text``)."""
    told = asking_text(q)
    return set(body_names(told) + place_bodies(told))


def office_bodies(text: str) -> set[str]:
    """Bodies named only as where an office is held ("chủ tịch UBND cấp xã", "giám đốc Sở Nội vụ"):
    the question is about the office (a post the plan may speak of in general: "chức danh lãnh đạo
    chủ chốt"), not about the body."""
    folded, before = fold(text).lower(), _office_title()
    held: dict[str, bool] = {}
    for m in find_bodies(text):  # held only if every mention of it is
        held[m.name] = held.get(m.name, True) and bool(before.search(folded[:m.start]))
    return {name for name, only in held.items() if only}


@lru_cache(maxsize=1)
def _office_title() -> re.Pattern:
    """An office's title ending the text (``slots.tsv``: person, office)."""
    titles = sorted({fold(t) for t in load_slots().get("person", "office")}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in titles) + r")\s*$")


def plan_named_after(q: Question) -> bool:
    """"BCH TW ra Kết luận 21, còn kế hoạch là ai ký?": the plan, named after the documents it
    cites, is what the question asks about."""
    folded = fold(q.text)
    plan = [m.start() for m in _PLAN_NAMED.finditer(folded)]
    cited = [m.start() for _, number in q.doc_keys for m in re.finditer(rf"(?<![\d/]){number}(?![\d/])", folded)]
    if plan and q.meta_field == "Căn cứ":
        # "Kế hoạch này thực hiện kết luận nào? Kết luận 21 hay …?": the documents after it are what it implements
        return min(plan) < min(cited, default=len(folded))
    return bool(plan) and max(plan) > max(cited, default=-1)


# a document's number asked ("số mấy", "số hiệu", "số bao nhiêu", "số ký hiệu")
_NUMBER_OF_DOCUMENT = re.compile(r"\bso (?:may|hieu|bao nhieu|ky hieu|nao)\b")
_NUMBER_ASKING = frozenset("so may hieu bao nhieu ky nao co nhac trong ke hoach khong hong hok cho toi".split())
_OWN_TOPIC = 3  # topic words that make a sentence's question its own, whatever the situation before it
# a sentence that names its topic by pointing back at the one before ("chuyện này", "việc đó", "vấn đề trên")
_POINTED_TOPIC = re.compile(r"\b(?:chuyen|viec|dieu|van de|cai|noi dung|y|vu) (?:nay|do|ay|tren|ni)\b")
# "nghị quyết đó", "hội nghị ấy", "nó": a sentence that points back at something named before it
_POINTS_BACK = re.compile(r"\b(no|(nghi quyet|ket luan|chi thi|quy dinh|hoi nghi|dai hoi|khoa|ky hop) (do|ay|kia|tren))\b")


@lru_cache(maxsize=256)
def _sentence(text: str) -> Question:
    """The last sentence of a question analysed alone, once for the rules that read it (``_asked_text``,
    ``Judge._asked_unknown``)."""
    return analyze(text)


def _asked_text(q: Question) -> str:
    """The sentence that asks, when it is a question of its own after a story that tells the asker's
    situation: it names its own topic, or asks a field of the plan's register, and points back at
    nothing named before it; else the whole text."""
    asking = last_sentence(q.text)
    if asking == q.text.strip():
        return q.text
    asked = _sentence(asking)
    if asked.kind == "meta" and asked.meta_field:
        return asking
    return asking if len(asked.topic) >= _OWN_TOPIC and not _POINTS_BACK.search(fold(asking)) else q.text

# what a citation ("Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về …") gives
CITATION_FIELDS = frozenset({"Ngày ban hành", "Cơ quan ban hành", "Số hiệu", "Tên văn bản", "Loại văn bản"})
_NAME_ASKED = re.compile(r"\bten (day du|goi|chinh thuc|cua (no|van ban|ket luan|nghi quyet|quy dinh))\b|\bten\b.* la gi\b")
# "… có được đề cập không?", "kế hoạch có nói về … không?": whether the corpus mentions a thing at all
_CONTENT_ASKED = re.compile(r"\b(noi dung|gom|quy dinh|noi gi|yeu cau gi|de cap gi|la gi|nhung gi|ra sao|the nao"
                            r"|(dinh huong|chi dao|de ra|dat ra|huong dan) (gi|nhung gi|nhung viec gi)"
                            r"|tom tat|tom luoc|y chinh)\b")
# the words of citing ("dẫn chiếu", "viện dẫn", "trích dẫn", "nhắc tới"): how a which-document question asks
_CITING = frozenset("dan chieu vien trich nhac toi den".split())
_SUMMARY_ASKED = re.compile(r"\b(noi dung chinh|tom tat|tom luoc|y chinh)\b")
# "Trường chính trị có vai trò gì…", "Theo kế hoạch, công an xã phải làm gì?": who is asked about
_SUBJECT_TASK = re.compile(r"^(?:(?:theo|trong) (?:ke hoach|van ban)(?: nay)?,? )?(?P<subject>[a-z ]+?),? "
                           r"(?:co |duoc |can |phai |se |nen )*(?:(?:ke hoach|van ban)(?: \w+)? )?(?:(?:vai tro|nhiem vu|trach nhiem)"
                           r"(?: gi| nhu the nao| the nao| ra sao)|lam gi|giao gi|giao viec gi|giao nhiem vu gi)\b")
# "… thì kế hoạch có giao Đoàn trường làm gì không?": the one given work, after the plan
_GIVEN_TASK = re.compile(r"\b(?:ke hoach|van ban)(?: (?:nay|03|so 03))? (?:co )?giao (?:cho )?(?P<subject>[a-z ]+?) "
                         r"(?:lam gi|lam nhung gi|nhiem vu gi|viec gi|lam viec gi)\b")
_ASKING = frozenset("ai gi nao sao the may bao".split())
# words that open a turn before its subject: "riêng", "còn", "vậy"
_LEADING = frozenset("rieng con vay".split())
_POINTING_BACK = frozenset({("trong", "do"), ("o", "do"), ("khi", "do"), ("luc", "do")})
# first words that make no subject: the asker ("chúng tôi phải làm gì?"), a modal ("cần phát huy vai trò gì"),
# what carries on from the turn before ("Rồi sau đó còn phải mần chi nữa?", "tiếp theo phải làm gì?")
_NOT_A_SUBJECT = frozenset("toi minh chung em ta ho can phai se co duoc nen roi sau tiep".split())
# "còn (các) X thì sao?", "thế còn X?": the same question of another body (which body: ``_cut_part_task``)
_BODY_SWAPPED = re.compile(r"\W*(?:the |vay )?con\b")
# ("nhiệm vụ 5", "nhiệm vụ số 5": a place in the document, not the task asked of a body)
_TASK_ASKED = re.compile(r"\bgiao(?: \w+){0,2} cho\b|\b(nhiem vu(?! (?:so |thu )?\d)|lam gi|duoc giao|giao (viec|nhiem vu)|trach nhiem gi|phai lam|vai tro|cong viec)\b")
_ASKED = {
    "person": "tên người đang giữ chức vụ (kế hoạch chỉ giao việc cho cơ quan, tổ chức)",
    "outcome": "kết quả thực hiện (kế hoạch nêu nhiệm vụ và thời hạn, không báo cáo việc đã làm được)",
    "procedure": "quy trình, biểu mẫu hay tiêu chí cụ thể (những nội dung này thường do văn bản hướng dẫn quy định)",
    "definition": "định nghĩa thuật ngữ này (kế hoạch dùng thuật ngữ mà không giải thích nghĩa)",
    "count": "con số này",
    "amount": "kinh phí hay số tiền",
    "penalty": "hình thức hay mức kỷ luật, xử phạt cụ thể",
}
