"""The facade the UI, the CLI and the benchmark call: load once, then ``ask``.

>>> assistant = Assistant.load()
>>> reply = assistant.ask("ai chịu trách nhiệm thể chế hóa?")
>>> reply.citations[0].ref
'IV.1.1'
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace as dc_replace
from typing import Any

from .ask.compose import Answerer
from .ask.corpus_info import CorpusInfo, coverage_message, document_coverage
from .ask.kinds.base import asks_something
from .ask.kinds.meta import described_implemented, misnamed, named_by_number, pointed_implemented, points_at_kind
from .ask.passages import clip
from .config import MILVUS_TOKEN_ENV, Config
from .conversation import (TurnPlan, cited_in_topic, history_texts, leaned_on, named_in_earlier, plan_turn, pointed_body,
                           points_at_cited, within_earlier)
from .corpus import Corpus, CorpusError, scan_corpus
from .embed import make_embedder
from .facts import body_names
from .index import IndexProblem, LoadedIndex, build_index, load_index
from .inputs import InputError, echo, question_text
from .lexicon import Lexicon
from .question import Question, analyze
from .spelling import english_words
from .retrieve import Retrieval, Retriever
from .spelling import Speller, in_language, language_syllables
from .text import Segmenter, fold, has_diacritics, syllables
from .types import Clause, Document, Hit, Reply

log = logging.getLogger(__name__)

_HISTORY_TURNS = 3  # earlier turns replayed to resolve a chain of follow-ups
# refusals that found the turn's topic in a clause but not the kind of answer asked (a procedure, a
# share): a follow-up may still ask about that topic
_TOPIC_HELD_RULES = frozenset({"slot", "share"})


# clauses too broad for a follow-up's words to point back at: the front matter and whole parts
_BROAD_KINDS = frozenset({"title", "header", "preamble", "meta", "section", "heading"})


class Assistant:
    """Question answering over the corpus, with citations and follow-ups."""

    def __init__(self, config: Config, corpus: Corpus, index: LoadedIndex, embedder, segmenter: Segmenter,
                 index_status: str = "loaded", info: CorpusInfo | None = None, docs=None,
                 lexicon: Lexicon | None = None, answerer: Answerer | None = None) -> None:
        """``docs``: doc ids to answer from (None: every document); ValueError names unknown ones."""
        self.config = config
        self.corpus = corpus
        self.index = index
        self.embedder = embedder
        self.segmenter = segmenter
        self.index_status = index_status  # "loaded" | "built" | "rebuilt: <reason>"
        # The statistics saved with the index; counted here only for an index made by hand.
        self._info = info or index.info or CorpusInfo.build(
            index.clauses, coverage_message(corpus.documents),
            truncated=tuple((d.doc_id, d.truncated_after) for d in corpus.documents if d.truncated_after),
            document_coverage=document_coverage(corpus.documents))
        self.coverage_message = self._info.coverage_message  # bounded; ``coverage_full()`` lists every document
        self.docs = tuple(docs) if docs is not None else None
        self.retriever = Retriever(index, embedder, segmenter, config, lexicon=lexicon or Lexicon.load(),
                                   corpus_has=self._info.has_phrase, docs=self.docs)
        self.answerer = answerer or Answerer(self._info, config, model=index.manifest.get("model"),
                                             words=segmenter.words)
        self._speller = Speller(self._knows, phrase=self._info.has_phrase, vocabulary=in_language,
                                variants=self._info.spellings)
        # A metadata question may name its document by title words ("kế hoạch về chỉnh đốn Đảng số mấy?").
        self._title_words = frozenset(s for d in index.manifest.get("documents", ())
                                      for s in syllables(fold(d.get("title") or "")))
        self._doc_titles: dict[tuple[str, int], frozenset[str]] = {}  # filled when first needed

    # -- construction ----------------------------------------------------
    @classmethod
    def load(cls, config: Config | None = None, *, embedder=None, segmenter: Segmenter | None = None,
             progress: bool = False, rebuild: bool = False, sync: bool = False) -> "Assistant":
        """Load the index of the corpus; build what is missing, stale or corrupt.

        A current index loads without parsing (the corpus files are only read and hashed);
        otherwise only the documents added or changed since are parsed and embedded.
        ``config.backend == "milvus"``: the server is checked at start; its collection is loaded
        (per changed document) when ``sync`` is asked or the local index was rebuilt.
        """
        config = config or Config()
        if config.backend == "milvus":  # the health check first: an unreachable server fails before any work
            milvus_client(config)
        scan = scan_corpus(config.corpus_dir, config.max_file_bytes)
        if not scan.files:
            detail = "; ".join(scan.problems) if scan.problems else "the directory holds no .txt file"
            raise CorpusError(f"no usable document in {config.corpus_dir}: {detail}")
        embedder = embedder or make_embedder(config)
        segmenter = segmenter or Segmenter()
        status = "loaded"
        index = None
        if not rebuild:
            try:
                index = load_index(config.index_dir, scan.fingerprint, config, model=embedder_name(embedder))
            except IndexProblem as exc:
                status = f"rebuilt: {exc}"
                log.info("index %s unusable (%s); rebuilding", config.index_dir, exc)
        else:
            status = "rebuilt: asked"
        if index is None:
            try:
                index = build_index(scan, embedder, segmenter, config, config.index_dir, progress=progress,
                                    reuse=not rebuild)
            except OSError as exc:
                raise IndexProblem(f"cannot write the index to {config.index_dir}: {exc.strerror or exc}; "
                                   "give a writable directory (--index-dir)") from exc
        if config.backend == "milvus":
            index._backend = milvus_backend(index, config, sync=sync or status != "loaded")
        corpus = index.corpus()
        for problem in corpus.problems:
            log.warning("corpus: %s", problem)
        return cls(config, corpus, index, embedder, segmenter, index_status=status)

    def with_options(self, **overrides) -> "Assistant":
        """A variant sharing this one's corpus, index and models (retrieval settings only)."""
        config = self.config.replace(**overrides)
        if config.index_settings() != self.config.index_settings():
            raise ValueError("index settings differ: use Assistant.load(config) to build another index")
        return Assistant(config, self.corpus, self.index, self.embedder, self.segmenter, self.index_status,
                         info=self._info, docs=self.docs, lexicon=self.retriever.lexicon)

    def within(self, docs) -> "Assistant":
        """A variant that answers from these documents only (doc ids), sharing index and models.

        >>> assistant.within(["03-KH/TW"]).ask("ai chịu trách nhiệm thể chế hóa?")
        """
        docs = [docs] if isinstance(docs, str) else list(docs)
        key = tuple(dict.fromkeys(docs))
        cache = self.__dict__.setdefault("_within", {})
        if key not in cache:
            cache[key] = Assistant(self.config, self.corpus, self.index, self.embedder, self.segmenter,
                                   self.index_status, info=self._info, docs=key, lexicon=self.retriever.lexicon,
                                   answerer=self.answerer)
        return cache[key]

    def coverage_full(self) -> str:
        """Every document's coverage sentence, for a UI's "show the full list" (replies carry a bounded one)."""
        return self._info.coverage_full()

    def clause(self, doc_id: str, ref: str) -> Clause | None:
        """The clause a citation names: refs repeat across documents, so the document is part of the key."""
        pos = self.retriever.maps.by_key.get((doc_id, ref))
        return self.index.clauses[pos] if pos is not None else None

    def warm_up(self) -> None:
        """Load the models now rather than on the first question."""
        self.segmenter.warm_up()
        if self.config.retrieval_mode != "lexical" and hasattr(self.embedder, "warm_up"):
            self.embedder.warm_up()
        if self.config.restore_accents:
            self.retriever.restorer()
        self.retriever.warm_up()
        self._info.warm_up()
        language_syllables()  # the word list that tells a slip from a word the corpus does not use
        self.ask("ai chịu trách nhiệm thể chế hóa?")

    # -- data ------------------------------------------------------------
    @property
    def clauses(self) -> list[Clause]:
        return list(self.index.clauses)

    @property
    def documents(self) -> list[Document]:
        return list(self.corpus.documents)

    # -- asking ----------------------------------------------------------
    def ask(self, question: Any, history: Any = None, docs=None) -> Reply:
        """Answer ``question`` (a string, or UTF-8 bytes); ``history`` holds the earlier user messages;
        ``docs`` (doc ids) limits the answer to those documents.

        Input that cannot be read (undecodable bytes, lone surrogates, a history of
        the wrong shape) gets a reply of kind ``invalid`` whose message says why.
        The reply echoes the question cut as the assistant cut it.
        """
        limit = self.config.max_question_chars
        shown = echo(question, limit)
        if docs is not None:
            try:
                scoped = self.within(docs)
            except ValueError as exc:
                return Reply(question=shown, answer="", found=False, kind="invalid",
                             message=f"Không có văn bản này trong kho: {exc}")
            return scoped.ask(question, history)
        try:
            text = question_text(question)
            earlier = history_texts(history)
        except InputError as exc:
            return Reply(question=shown, answer="", found=False, kind="invalid", message=str(exc))
        try:
            reply = self._ask(text, earlier)
        except Exception as exc:  # noqa: BLE001 - a question must never crash the caller
            # The traceback only when logging is verbose: the CLI prints one line without -v.
            log.error("ask failed for %r: %s", shown[:200], exc, exc_info=log.isEnabledFor(logging.INFO))
            return Reply(question=shown, answer="", found=False, kind="invalid",
                         message="Đã có lỗi khi xử lý câu hỏi; vui lòng thử lại hoặc diễn đạt khác.")
        return reply if reply.question == shown else dc_replace(reply, question=shown)

    def dense_text(self, question: str, history=()) -> str:
        """What the dense view embeds for a question (typos fixed, accents restored, the corpus's own
        documents left out, a follow-up's context added): the text a query adapter is trained on."""
        plan = self._plan(question, list(history))[3]
        return self.retriever.read(plan.question, plan.context).dense_text

    def _plan(self, question: str, history: list[str]) -> tuple[str, Question, list[Question], TurnPlan]:
        """The question with its slips fixed, its analysis, the earlier turns that count, and how the
        turn is read (standalone, or leaning on them)."""
        return self._read(question, history)[:4]

    def _read(self, question: str, history: list[str]) -> tuple[str, Question, list[Question], TurnPlan, str, str]:
        """``_plan``, the question as read when a body it points at was put in by name ("" otherwise), and
        a note when it names a document under the wrong type ("" otherwise)."""
        earlier = [analyze(self._named(self._speller.fix(h))[0], self.config.max_question_chars, self._title_words)
                   for h in history[-_HISTORY_TURNS:]]
        question, note = self._named(self._speller.fix(question), alone=not history)
        read_as = self._body_named(question, history, earlier[-1]) if earlier else ""
        question = read_as or question
        q = analyze(question, self.config.max_question_chars, self._title_words)
        previous = self._with_cited([p for p in earlier if p.content])
        return question, q, previous, plan_turn(q, previous, self._info.common, self._knows, self._info.own_doc_keys,
                                                self._reread), read_as, note

    def _body_named(self, text: str, history: list[str], last: Question) -> str:
        """"Cơ quan đó phải làm gì?", "Họ phải …" after a who-question (``last``, the earlier turn as
        analysed): the text with the body the earlier reply named first, by its name ("Phần IV bắt đầu
        bằng cơ quan nào? || cơ quan đó phải đưa nội dung kết luận vào đâu?" asks it of Đảng đoàn Quốc
        hội); "" when it points at none."""
        span = pointed_body(text)
        if span is None or last.kind != "who":
            return ""
        reply = self._ask(history[-1], history[:-1])
        bodies = body_names(reply.answer) if reply.found else ()
        if not bodies:
            return ""
        start, end = span
        return f"{text[:start]}{bodies[0]}{text[end:]}"

    def _named(self, text: str, alone: bool = False) -> tuple[str, str]:
        """The text with its documents named as the corpus names them, and a note when one was named
        under the wrong type ("" otherwise). The document the plan implements is named where it is
        described ("kết luận mà kế hoạch này thực hiện ra đời hồi nào?" asks the conclusion's date; "… là
        kết luận nào?" itself asks which it is, and stays); "Nghị quyết 21 về chỉnh đốn Đảng …", when the
        corpus has «Kết luận số 21-KL/TW», is read as it, and the note says so."""
        text = named_by_number(text, self._info.doc_keys)  # "văn bản số 19": the one document with that number
        named = described_implemented(text, self._preambles)
        if named != text and self._reread(text).meta_field != "Căn cứ":
            text = named
        elif alone and points_at_kind(text):
            # "Ket luận nay dc ban hanh ngay nào?", asked on its own and naming no document: a register
            # field of the document the plan implements (its content is asked of the plan as before)
            asked = self._reread(text)
            if asked.kind == "meta" and asked.meta_field != "Căn cứ" and not asked.doc_keys:
                text = pointed_implemented(text, self._preambles)
        if not self._doc_titles:
            own = {key: self._title_words for key in self._info.own_doc_keys}
            self._doc_titles.update({**own, **self.answerer.document_titles()})
        renamed = misnamed(text, self._doc_titles)
        return renamed if renamed else (text, "")

    def _preambles(self) -> list[str]:
        """The preambles of the documents held (the answer context's front matter: no scan of the clauses)."""
        front = (self.answerer.ctx.front(doc, "preamble") for doc in sorted(self._info.doc_ids))
        return [c.text for c in front if c is not None]

    def _with_cited(self, previous: list[Question]) -> list[Question]:
        """Earlier turns that pointed at a document cited in the turn before ("Kế hoạch thực hiện
        kết luận nào?" → "Kết luận đó do cơ quan nào ban hành?"), read as naming it, so that a later
        "Ban hành ngày nào?" is asked of it too."""
        out = list(previous)
        for i in range(1, len(out)):
            if not points_at_cited(out[i]):
                continue
            if out[i - 1].meta_field == "Căn cứ" and points_at_kind(out[i].text):
                # "KH 03 thực hiện kết luận nào? || Kết luận đó của Hội nghị Trung ương lần thứ mấy?": the
                # conclusion pointed at is the one the plan implements, whatever the turn asks of it
                named = pointed_implemented(out[i].text, self._preambles)
                if named != out[i].text:
                    out[i] = self._reread(named)
                    continue
            plan = plan_turn(out[i], out[:i], self._info.common, self._knows, self._info.own_doc_keys, self._reread)
            if not plan.pin_previous:  # read as naming the document already, or standing alone
                out[i] = plan.question
                continue
            retrieval = self._retrieve(plan, out[:i])
            pointed = cited_in_topic(out[i], retrieval.hits[0].clause.text, self._info.own_doc_keys, self._reread,
                                     any_question=True, earlier=out[i - 1]) if retrieval.hits else None
            if pointed is not None:
                out[i] = pointed.question
        return out

    def _reread(self, text: str) -> Question:
        """A text analysed as a question, as this assistant analyses one."""
        return analyze(text, self.config.max_question_chars, self._title_words)

    def _knows(self, syllable: str) -> bool:
        """The corpus uses this syllable (with its accents, when typed with them)."""
        return self._info.knows(syllable, has_diacritics(syllable))

    def _ask(self, question: str, history: list[str]) -> Reply:
        question, q, previous, plan, read_as, note = self._read(question, history)
        # ("nói gì vậy?" after a turn with a topic asks about it: no content of its own is needed; "vậy à?",
        # "ok" ask nothing)
        leans = bool(previous) and plan.mode != "standalone" and asks_something(fold(q.text))
        problem = self._input_problem(question, q, leans=leans)
        if problem:
            return Reply(question=question, answer="", found=False, kind="invalid", message=problem)
        earlier = None
        if plan.mode == "new_topic" and previous:
            # "… || Còn ở Quốc hội thì sao?": bodies the earlier turn's clause names are asked of that clause
            earlier = self._earlier_topic(previous)
            if earlier is not None and named_in_earlier(plan, earlier[0].clause.text, self._info.common):
                plan = TurnPlan("same_topic", plan.question, leaned_on(previous, self._info.common), True)
        elif plan.mode == "standalone" and previous and within_earlier(plan, None, self._info.common, previous):
            # "… || Ai phải kiểm tra việc khắc phục?": words all of the earlier turn's clause (a point of the
            # document, not its front matter or a whole part) ask about it
            earlier = self._earlier_topic(previous)
            if earlier is not None and earlier[1] and earlier[0].clause.kind not in _BROAD_KINDS \
                    and within_earlier(plan, earlier[0].clause.text, self._info.common, previous):
                plan = TurnPlan("same_topic", plan.question, leaned_on(previous, self._info.common), True)
        retrieval, answered = self._retrieve_turn(plan, previous, earlier)
        pointed = cited_in_topic(q, retrieval.hits[0].clause.text, self._info.own_doc_keys, self._reread,
                                 earlier=previous[-1] if previous else None,
                                 register=retrieval.hits[0].clause.kind in ("title", "header", "meta")) \
            if plan.pin_previous and retrieval.hits else None
        if pointed is not None:  # "kết luận đó ban hành ngày nào?": the document the earlier reply cited
            plan, (retrieval, answered) = pointed, self._retrieve_turn(pointed, previous, earlier)
        # ("cơ quan đó …" read with the body's name in its place is shown as read)
        resolved = read_as if plan.mode == "standalone" else f"{plan.context} {plan.question.text}".strip()
        # a follow-up keeps the earlier turn's topic only if the plan answered that turn: after "phần IV có
        # nói Đảng đoàn Mặt trận làm gì không?" (a part the copy lacks), "thời hạn là khi nào?" is judged
        # on its own, not answered with the closest clause's timing
        follows = plan.pin_previous and answered
        # (one that leans on an earlier turn the plan did not answer is told why that turn was not)
        unanswered = previous[-1] if plan.pin_previous and previous and not answered else None
        reply = self.answerer.compose(plan.question, retrieval, resolved=resolved, follows_topic=follows,
                                      earlier=unanswered)
        if note:  # the document's right name first: «Tài liệu không có Nghị quyết số 21, chỉ có Kết luận …»
            held = reply.confidence in ("high", "low")  # (a refusal keeps its one sentence; the message says it)
            answer = clip(f"{note} {reply.answer}", self.config.answer_max_chars) if held else reply.answer
            return dc_replace(reply, answer=answer,
                              message=f"{note} {reply.message}".strip(),
                              resolved_question=reply.resolved_question or question)
        return reply

    def _retrieve(self, plan: TurnPlan, previous: list[Question]) -> Retrieval:
        return self._retrieve_turn(plan, previous)[0]

    def _retrieve_turn(self, plan: TurnPlan, previous: list[Question],
                       earlier: tuple[Hit, bool] | None = None) -> tuple[Retrieval, bool]:
        """The turn's retrieval, and whether the plan answered the earlier turn whose topic it keeps
        (``found``; true when it keeps none). ``earlier``: that turn's ``_earlier_topic``, when known."""
        top_k = self.config.top_k
        retrieval = self.retriever.retrieve(plan.question, top_k=top_k, extra_text=plan.context)
        answered = not plan.pin_previous
        if plan.pin_previous and previous:
            topic = earlier or self._earlier_topic(previous)
            if topic is not None:
                topic, answered = topic
                rest = [h for h in retrieval.hits if h.clause.id != topic.clause.id]
                retrieval = dc_replace(retrieval, hits=[topic] + rest[: top_k - 1])
        return retrieval, answered

    def _earlier_topic(self, previous: list[Question]) -> tuple[Hit, bool] | None:
        """The clause the earlier turn's reply cited first, and whether it answered that turn
        (``_shown_first``): the earlier turn (itself possibly a follow-up) resolved and its reply composed,
        whose answer may come from another clause than its best hit ("Đảng đoàn Quốc hội được giao riêng
        (IV.1.1); việc chung … (III.10)"). None when it retrieved nothing."""
        earlier_plan = plan_turn(previous[-1], previous[:-1], self._info.common, self._knows,
                                 self._info.own_doc_keys, self._reread)
        earlier = self._retrieve(earlier_plan, previous[:-1])
        return self._shown_first(earlier_plan, earlier) if earlier.hits else None

    def _shown_first(self, plan: TurnPlan, retrieval: Retrieval) -> tuple[Hit, bool]:
        """The hit of the clause a turn's reply cites first (its best hit when the reply cites none),
        and whether the plan holds that turn's topic: the reply answered (``found``), or it found the topic
        but not the kind of answer asked ("tự kiểm tra là làm thế nào?": no procedure, but a clause on it)."""
        reply = self.answerer.compose(plan.question, retrieval, follows_topic=plan.pin_previous)
        held = reply.found or reply.signals.get("rule") in _TOPIC_HELD_RULES
        if reply.citations:
            first = reply.citations[0]
            for hit in retrieval.hits:
                if (hit.clause.doc_id, hit.clause.ref) == (first.doc, first.ref):
                    return hit, held
            # a clause the answer took from outside the hits (a document's dating line)
            clause = self.clause(first.doc, first.ref)
            if clause is not None:
                return Hit(clause, retrieval.hits[0].score), held
        return retrieval.hits[0], held

    @staticmethod
    def _input_problem(raw: str, q: Question, leans: bool = False) -> str | None:
        if not raw.strip():
            return "Vui lòng nhập câu hỏi về văn bản (ví dụ: «Ai chịu trách nhiệm thể chế hóa Kết luận?»)."
        if not q.text or not re.search(r"\w", q.text):
            return "Câu hỏi không có chữ nào để tìm; vui lòng nhập câu hỏi bằng tiếng Việt."
        if not q.content and not q.refs and not q.item_numbers and q.kind == "what" and not leans:
            if english_words(q.text):  # "What is the weather today?": English, and nothing of the plan's
                return ("Trợ lý trả lời câu hỏi tiếng Việt (hoặc có từ của văn bản) về văn bản trong kho; câu hỏi "
                        "này chưa nêu nội dung nào của văn bản (ví dụ: «what does the plan say about lấy phiếu tín "
                        "nhiệm?»).")
            return "Câu hỏi chưa nêu nội dung cần tìm; vui lòng hỏi cụ thể hơn (ví dụ: «Nhiệm vụ 8 là gì?»)."
        return None


def milvus_client(config: Config, index: LoadedIndex | None = None):
    """A connected Milvus backend (``connect`` is the health check); ``index`` None: only the check."""
    import os

    from .backends.milvus import MilvusBackend

    return MilvusBackend(index, config.milvus_uri, config.milvus_collection,
                         token=os.environ.get(MILVUS_TOKEN_ENV), timeout=config.milvus_timeout,
                         bm25_k1=config.bm25_k1, bm25_b=config.bm25_b,
                         index_type=config.milvus_index_type).connect()


def milvus_backend(index: LoadedIndex, config: Config, sync: bool = False):
    """The Milvus backend over ``index``, connected; loaded into (``sync``) or checked against the index."""
    backend = milvus_client(config, index)
    if sync:
        backend.changes = backend.sync(index, config.index_dir)
    else:
        backend.check()
    return backend


def embedder_name(embedder) -> str:
    return getattr(embedder, "name", type(embedder).__name__)
