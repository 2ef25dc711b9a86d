"""Replies and the plan as safe HTML for the chat app (pure functions, no Gradio).

Every text that comes from a user or a document goes through ``html.escape``
before any markup of ours is added, so a question such as
``<img src=x onerror=alert(1)>`` is shown as text. The app's Chatbot renders
these strings as HTML without Markdown (``render_markdown=False``), so what is
built here is exactly what the browser shows.

>>> highlight("Cơ quan tổ chức thể chế hóa, cụ thể hóa", "ai to chuc the che hoa?")
'Cơ quan <mark>tổ chức thể chế hóa</mark>, cụ thể hóa'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from qa.text import STOPWORDS, STOPWORDS_FOLDED, fold, has_diacritics, normalize, syllables
from qa.types import Citation, Clause, Reply

# How much of a document title fits on the citation line before it is cut.
TITLE_MAX_CHARS = 60

NOT_FOUND_TITLE = "Kế hoạch không có nội dung trả lời câu hỏi này."
INVALID_TITLE = "Chưa có câu hỏi để trả lời; vui lòng nhập câu hỏi về kế hoạch."
SOURCES_TITLE = "Nguồn tham khảo"
NEAREST_TITLE = "Các điều khoản gần nhất (không trả lời trực tiếp câu hỏi)"

_WORD = re.compile(r"\w+", re.UNICODE)
# Words that ask where something is ("nó nằm ở mục nào?") rather than name a topic;
# highlighted they would light up every "mục tiêu" in the quoted clause.
LOCATOR_WORDS = frozenset({"nằm", "mục", "phần", "khoản", "điểm", "muc"})


def esc(text: str) -> str:
    """Escape for HTML text and attribute values; line breaks become ``<br>``."""
    return html.escape(text or "", quote=True).replace("\r\n", "\n").replace("\n", "<br>")


def anchor_id(ref: str, doc: str = "") -> str:
    """A stable, CSS-safe HTML id for a clause: ``IV.1.1`` → ``dieu-iv-1-1``; with its document
    (refs repeat across documents) ``03-KH/TW``, ``IV.1.1`` → ``dieu-03-kh-tw-iv-1-1``."""
    slug = re.sub(r"[^0-9A-Za-z]+", "-", fold(f"{doc} {ref}" if doc else ref)).strip("-")
    return f"dieu-{slug or 'x'}"


# --- highlighting -------------------------------------------------------------


def _keys(word: str) -> tuple[str, str]:
    """How a word can match: by its exact accented form, or by its folded form."""
    low = word.lower()
    return "=" + normalize(low), "~" + fold(low)


@dataclass(frozen=True)
class Terms:
    """What to highlight for a question.

    A question word typed with accents ("thể") matches that accented form only; one
    typed without ("the") matches any accent. Adjacent question words form
    ``pairs`` that light up together ("to chuc" → "tổ chức", not "chức năng");
    a word with no topic word beside it in the question is a ``single`` and
    lights up alone.
    """

    singles: frozenset[str] = frozenset()
    pairs: frozenset[tuple[str, str]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.singles or self.pairs)


def question_terms(*questions: str) -> Terms:
    """Topic words of one or more questions; question words, function words and numbers are left out.

    >>> sorted(question_terms("Ai ký kế hoạch?").pairs)
    [('=ký', '=kế'), ('=kế', '=hoạch')]
    """
    singles: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for question in questions:
        if not question:
            continue
        text = normalize(question)
        stop = STOPWORDS if has_diacritics(text) else STOPWORDS_FOLDED
        keys: list[str | None] = []
        for syl in syllables(text):
            if syl in stop or syl in LOCATOR_WORDS or syl.isdigit():
                keys.append(None)
            else:
                keys.append(("=" + syl) if has_diacritics(syl) else ("~" + fold(syl)))
        for n, key in enumerate(keys):
            if key is None:
                continue
            before = keys[n - 1] if n > 0 else None
            after = keys[n + 1] if n + 1 < len(keys) else None
            if after is not None:
                pairs.add((key, after))
            if before is None and after is None:
                singles.add(key)
    return Terms(frozenset(singles), frozenset(pairs))


def highlight(text: str, question: str | Terms) -> str:
    """Escape ``text`` and wrap the runs of words that match the question in ``<mark>``.

    Words separated only by spaces share one ``<mark>``, so a phrase reads as one.
    """
    terms = question if isinstance(question, Terms) else question_terms(question)
    words = list(_WORD.finditer(text))
    if not terms or not words:
        return esc(text)
    keys = [_keys(m.group(0)) for m in words]
    glued = [False] + [text[a.end() : b.start()].strip(" ") == "" for a, b in zip(words, words[1:])]
    lit = [any(k in terms.singles for k in ks) for ks in keys]
    for n in range(1, len(words)):
        if glued[n] and any((a, b) in terms.pairs for a in keys[n - 1] for b in keys[n]):
            lit[n - 1] = lit[n] = True
    out: list[str] = []
    pos = 0
    n = 0
    while n < len(words):
        if not lit[n]:
            n += 1
            continue
        end = n
        while end + 1 < len(words) and lit[end + 1] and glued[end + 1]:
            end += 1
        start_char, end_char = words[n].start(), words[end].end()
        out.append(esc(text[pos:start_char]))
        out.append(f"<mark>{esc(text[start_char:end_char])}</mark>")
        pos = end_char
        n = end + 1
    out.append(esc(text[pos:]))
    return "".join(out)


# --- chat messages ------------------------------------------------------------

# Refs that are not numbers in the plan: shown by their Vietnamese name.
REF_NAMES = {"meta": "Thông tin văn bản", "title": "Tên văn bản", "header": "Phần đầu văn bản",
             "preamble": "Phần mở đầu"}
_NUMBERED_REF = re.compile(r"^[IVXLC]+(\.\d+)*$")
# Where the core's message stops giving the reason and starts describing the corpus.
_COVERAGE_START = "Tài liệu hiện có"
_ENGLISH_NOTE = "Trợ lý trả lời câu hỏi tiếng Việt về văn bản trong kho."
# Jargon in the core's messages, reworded for cadres (longest first).
_PLAIN_WORDS = (
    ("bản trong kho bị cắt sau", "bản kế hoạch hiện có dừng ở"),
    ("văn bản trong kho", "kế hoạch"),
    ("trong kho", "hiện có"),
    ("Tài liệu không có", "Bản kế hoạch hiện có không có"),
)
LOW_TITLE = "Kế hoạch không nói trực tiếp về điều này."
ABSENT_TITLE = "Kế hoạch không nói đến nội dung này."
UNCLEAR_TITLE = "Chưa rõ câu hỏi muốn hỏi gì."
REQUEST_TITLE = "Trợ lý chỉ trả lời câu hỏi về nội dung kế hoạch."
UNCLEAR_NOTE = ("Hãy hỏi bằng tiếng Việt về một nội dung của kế hoạch, ví dụ: "
                "«Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?»")
CUT_TITLE = "Bản kế hoạch hiện có dừng ở {last}, nên không có nội dung này."
CLOSEST_TITLE = "Nội dung gần nhất"
SUGGEST_TITLE = "Thử hỏi:"
GO_NEAREST = "Xem điều khoản gần nhất"
COPY_LABEL = "Sao chép"
FOLLOW_UP_TITLE = "Câu hỏi «{question}» nói về việc nào?"
FOLLOW_UP_NOTE = ("Đây là câu hỏi đầu tiên của cuộc trò chuyện nên chưa rõ nó nói về nhiệm vụ nào. "
                  "Hãy nêu rõ nhiệm vụ, cơ quan hoặc mục trong kế hoạch, hoặc chọn một câu dưới đây.")


def render_question(question: str) -> str:
    """A user's message as it appears in the chat: literal text.

    No wrapper element: Gradio also puts the message into the bubble's
    ``aria-label``, which a screen reader should read as plain words.
    """
    return esc(question)


def short_title(title: str, limit: int = TITLE_MAX_CHARS) -> str:
    """Cut a long document title at a word boundary: the citation line stays one line."""
    title = " ".join((title or "").split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return f"{cut}…"


def shown_ref(ref: str, label: str = "") -> str:
    """A ref as a reader sees it: ``IV.1.1`` stays, ``meta`` becomes «Thông tin văn bản»."""
    return REF_NAMES.get(ref, ref if _NUMBERED_REF.match(ref or "") or not label else label)


def clause_key(doc: str, ref: str) -> str:
    """The reader's key for a clause: document and ref (refs repeat across documents), as ``Clause.id``."""
    return f"{doc}#{ref}"


def plain(text: str) -> str:
    """The core's wording for cadres: no «kho» (the corpus folder), no clipped titles."""
    for old, new in _PLAIN_WORDS:
        text = text.replace(old, new)
    # A title the core cut mid-word ("… chỉnh đốn Đản…)") is dropped: the citation line has it whole.
    return re.sub(r" \([^()]*\w…\)", "", text)


@dataclass(frozen=True)
class Coverage:
    """What the corpus holds, said plainly: one sentence, and where each cut-off copy stops.

    >>> Coverage.from_documents(plan.documents).stops
    {'03-KH/TW': 'IV.1.2'}
    """

    sentence: str = ""
    stops: dict = field(default_factory=dict)  # doc_id → the last ref of a copy that is cut off

    @classmethod
    def from_documents(cls, documents: Iterable) -> "Coverage":
        parts, stops = [], {}
        for doc in documents:
            tops = [c.ref for c in doc.clauses if c.kind == "section"]
            span = f"các mục {tops[0]}–{tops[-1]}" if len(tops) > 1 else (f"mục {tops[0]}" if tops else "toàn văn")
            sentence = f"{doc.doc_id} gồm {span}"
            if doc.truncated_after:
                stops[doc.doc_id] = doc.truncated_after
                parent = next((c for c in doc.clauses if c.ref == doc.truncated_after.rsplit(".", 1)[0]
                               and c.kind == "heading"), None)
                where = f" (phần «{parent.text}»)" if parent else ""
                sentence += f" và dừng ở {doc.truncated_after}{where}; các phần sau không có"
            parts.append(sentence)
        if not parts:
            return cls()
        return cls("Bản kế hoạch hiện có: " + "; ".join(parts) + ".", stops)

    @property
    def last(self) -> str:
        return next(iter(self.stops.values()), "")


def source_citation(reply: Reply) -> Citation | None:
    """The clause the short answer comes from: the one its closing ``(ref)`` names, else the first."""
    if not reply.citations:
        return None
    named = re.search(r"\(([^()]+)\)\.?\s*$", reply.answer or "")
    if named:
        for c in reply.citations:
            if c.ref == named.group(1).strip():
                return c
    return reply.citations[0]


def _data(value: str) -> str:
    """A value for the page script, hidden inside its button: the chat's sanitizer drops ``data-*``
    attributes but keeps text, so the value travels as a hidden span (``.qa-data``)."""
    return f'<span class="qa-data">{html.escape(value, quote=True)}</span>'


def _go(citation: Citation, text: str | None = None) -> str:
    """A button that opens the reader tab at ``citation`` (the app's script handles the click)."""
    return (f'<button type="button" class="qa-go" '
            f'title="Mở {esc(shown_ref(citation.ref, citation.label))} trong thẻ «Đọc kế hoạch»">'
            f"{esc(text or shown_ref(citation.ref, citation.label))}"
            f"{_data(clause_key(citation.doc, citation.ref))}</button>")


def citation_line(citation: Citation) -> str:
    """``document · label · ref``; the ref opens the reader at that clause, the full title shows on hover."""
    doc = citation.doc_title or citation.doc
    return (
        '<div class="qa-cite">Trích dẫn: '
        f'<span class="qa-doc" title="{esc(doc)}">{esc(short_title(doc))}</span>'
        f' · <span class="qa-label">{esc(citation.label)}</span>'
        f' · <span class="qa-ref">{_go(citation)}</span></div>'
    )


def _sources(citations: Sequence[Citation], terms: Terms, title: str) -> str:
    """The other clauses, collapsed (``<details>`` without ``open``), each with its ref."""
    if not citations:
        return ""
    items = "".join(
        f'<li><span class="qa-ref">{_go(c)}</span> · <span class="qa-label">{esc(c.label)}</span>'
        f'<div class="qa-source-text">{highlight(c.text, terms)}</div></li>'
        for c in citations
    )
    return (
        '<details class="qa-sources">'
        f"<summary>{esc(title)} ({len(citations)})</summary><ol>{items}</ol></details>"
    )


def suggestions(reply: Reply, limit: int = 3, keep_question: bool = False, skip: int = 0) -> list[str]:
    """Questions the plan can answer, built from the closest clauses' refs.

    ``keep_question``: the user's own question tied to each clause (a follow-up typed
    first: «Mục III.4: thời hạn là khi nào?»); else what each clause says. ``skip``:
    leave out the first citations (already quoted).

    >>> suggestions(Reply("thời hạn là khi nào?", "", False, "when", citations=(cit_III4,)), keep_question=True)
    ['Mục III.4: thời hạn là khi nào?']
    """
    question = " ".join((reply.question or "").split()).rstrip(" ?")
    out: list[str] = []
    for c in reply.citations[skip:]:
        if not _NUMBERED_REF.match(c.ref):
            continue
        if keep_question and question:
            text = f"Mục {c.ref}: {question[:1].lower()}{question[1:]}?"
        else:
            text = f"Nội dung mục {c.ref} là gì?"
        if text not in out:
            out.append(text)
        if len(out) == limit:
            break
    return out


def _suggest_block(questions: Sequence[str], nearest: Citation | None) -> str:
    if not questions and nearest is None:
        return ""
    buttons = [f'<button type="button" class="qa-ask">{esc(q)}</button>' for q in questions]
    if nearest is not None:
        buttons.append(_go(nearest, f"{GO_NEAREST} ({shown_ref(nearest.ref, nearest.label)})"))
    return f'<div class="qa-suggest"><span>{esc(SUGGEST_TITLE)}</span> {" ".join(buttons)}</div>'


def _copy_button(text: str) -> str:
    """«Sao chép»: the page script copies the hidden plain text beside it (answer, quote, citation)."""
    return (f'<button type="button" class="qa-copy" '
            f'title="Sao chép câu trả lời, đoạn trích và trích dẫn (chữ thường, không định dạng)">'
            f"{COPY_LABEL}{_data(text)}</button>")


@dataclass(frozen=True)
class Notice:
    """How a reply that does not answer is shown: the state, a headline and a plain note."""

    state: str  # "low" | "cut" | "absent" | "unclear" | "invalid"
    headline: str
    note: str = ""


def notice(reply: Reply, coverage: Coverage = Coverage()) -> Notice:
    """Why the plan gives no answer, in plain words: not said directly, not in the plan, the copy stops, unclear."""
    if reply.kind == "invalid":
        return Notice("invalid", reply.message or INVALID_TITLE)
    reason = (reply.message or "").split(_COVERAGE_START, 1)[0].strip()
    if reply.confidence == "low":
        said = (reply.answer or "").split("; nội dung gần nhất", 1)[0].strip().rstrip(".")
        return Notice("low", LOW_TITLE, plain(said + ".") if said and "«" not in said else "")
    english = reason.startswith(_ENGLISH_NOTE)
    reason = plain(reason.replace(_ENGLISH_NOTE, "").strip())
    signals = reply.signals or {}
    if "dừng ở" in reason or ("không có phần" in reason and coverage.stops):
        return Notice("cut", CUT_TITLE.format(last=coverage.last or "phần cuối"), reason)
    if signals.get("rule") == "request":  # "viết giúp em bài thu hoạch …": said what it does, with the reason
        return Notice("unclear", REQUEST_TITLE, reason)
    if english or (signals.get("rule") == "off-topic" and not signals.get("coverage")):
        return Notice("unclear", UNCLEAR_TITLE, UNCLEAR_NOTE)
    note = "" if reason in ("", "Kế hoạch không đề cập đến nội dung này.",
                            "Câu hỏi nói về nội dung mà văn bản không nhắc đến.") else reason
    if not reason and not reply.confidence:  # a reply from before the three states: keep its own words
        return Notice("absent", reply.answer or NOT_FOUND_TITLE, plain(reply.message))
    return Notice("absent", ABSENT_TITLE if reply.confidence else (reply.answer or NOT_FOUND_TITLE), note)


def reply_text(reply: Reply, coverage: Coverage = Coverage()) -> str:
    """The reply as plain text for the copy button and the export: answer, quote, citation."""
    lines: list[str] = []
    source = source_citation(reply)
    if reply.found:
        lines.append(reply.answer)
    else:
        shown = notice(reply, coverage)
        lines += [t for t in (shown.headline, shown.note) if t]
        if shown.state != "low":
            source = None
    if source is not None:
        doc = source.doc_title or source.doc
        lines.append(f"«{' '.join(source.text.split())}»")
        lines.append(f"— Trích dẫn: {doc} · {source.label} · {shown_ref(source.ref, source.label)}")
    return "\n".join(lines)


READ_AS = "Câu hỏi được hiểu là"


def _read_as(reply: Reply) -> str:
    """How a question typed without accents was read, when the assistant restored them."""
    read = reply.signals.get("read_as") if isinstance(reply.signals, dict) else None
    return f'<p class="qa-read-as">{READ_AS}: «{esc(str(read))}»</p>' if read else ""


def render_reply(reply: Reply, coverage: Coverage = Coverage(), hints: Sequence[str] | None = None) -> str:
    """The assistant's chat message in one of three states.

    - answered: answer, quoted clause (the one the answer comes from), citation line, other sources;
    - not said directly (``confidence == "low"``): a neutral headline, the closest clause quoted;
    - not in the plan: why (not in the plan, the copy stops at …, the question is unclear),
      what the plan covers, suggestions.
    For input that holds no question (``kind == "invalid"``) only ``reply.message`` is shown.
    ``hints``: the suggested questions (default: built from the closest clauses).
    """
    terms = question_terms(reply.question, reply.resolved_question)
    source = source_citation(reply)
    others = [c for c in reply.citations if c is not source]
    copy = _copy_button(reply_text(reply, coverage))
    read = _read_as(reply)
    if reply.found:
        parts = [f'<div class="qa-reply qa-high"><p class="qa-answer">{esc(reply.answer)}</p>{read}']
        if source is not None:
            parts.append(f'<blockquote class="qa-quote">{highlight(source.text, terms)}</blockquote>')
            parts.append(citation_line(source))
            parts.append(_sources(others, terms, SOURCES_TITLE))
        if reply.message:
            parts.append(f'<p class="qa-message">{esc(plain(reply.message))}</p>')
        parts.append(f'<div class="qa-tools">{copy}</div></div>')
        return "".join(parts)

    shown = notice(reply, coverage)
    if shown.state == "invalid":
        return f'<div class="qa-reply qa-not-found qa-invalid"><p class="qa-answer">{esc(shown.headline)}</p></div>'
    parts = [f'<div class="qa-reply qa-not-found qa-{shown.state}"><p class="qa-answer">{esc(shown.headline)}</p>{read}']
    if shown.note and shown.note.strip() != shown.headline.strip():
        parts.append(f'<p class="qa-note">{esc(shown.note)}</p>')
    if shown.state == "low" and source is not None:
        parts.append(f'<p class="qa-closest">{esc(CLOSEST_TITLE)}:</p>')
        parts.append(f'<blockquote class="qa-quote">{highlight(source.text, terms)}</blockquote>')
        parts.append(citation_line(source))
        rest, nearest = others, None
    else:
        rest, nearest = list(reply.citations), source
    if shown.state != "unclear" and coverage.sentence:
        parts.append(f'<p class="qa-coverage-note">{esc(coverage.sentence)}</p>')
    elif not coverage.sentence and _COVERAGE_START in (reply.message or ""):
        parts.append(f'<p class="qa-message">{esc(plain(_COVERAGE_START + reply.message.split(_COVERAGE_START, 1)[1]))}</p>')
    questions = suggestions(reply, skip=1 if shown.state == "low" else 0) if hints is None else list(hints)
    parts.append(_suggest_block(questions, nearest))
    parts.append(_sources(rest, terms, NEAREST_TITLE))
    parts.append(f'<div class="qa-tools">{copy}</div></div>')
    return "".join(parts)


def render_follow_up_question(question: str, hints: Sequence[str]) -> str:
    """A follow-up typed first in a new chat: ask what it refers to, offer full questions."""
    return (f'<div class="qa-reply qa-not-found qa-clarify"><p class="qa-answer">'
            f"{esc(FOLLOW_UP_TITLE.format(question=' '.join(question.split())))}</p>"
            f'<p class="qa-note">{esc(FOLLOW_UP_NOTE)}</p>{_suggest_block(hints, None)}</div>')


def reply_from_dict(data: dict) -> Reply:
    """A ``Reply.to_dict()`` back into a Reply (the conversation kept in the browser)."""
    citations = tuple(
        Citation(doc=str(c.get("doc", "")), ref=str(c.get("ref", "")), label=str(c.get("label", "")),
                 text=str(c.get("text", "")), score=float(c.get("score") or 0.0),
                 doc_title=str(c.get("doc_title", "")))
        for c in (data.get("citations") or []) if isinstance(c, dict)
    )
    return Reply(question=str(data.get("question", "")), answer=str(data.get("answer", "")),
                 found=bool(data.get("found")), kind=str(data.get("kind", "what")),
                 message=str(data.get("message", "")), citations=citations,
                 resolved_question=str(data.get("resolved_question", "")),
                 confidence=str(data.get("confidence", "")),
                 signals=dict(data.get("signals") or {}) if isinstance(data.get("signals"), dict) else {})


# --- plan reader --------------------------------------------------------------

CUT_MARK = "[…] bản này dừng ở {ref}; các phần sau của kế hoạch không có trong bản hiện có."


def _is_heading(clause: Clause) -> bool:
    """A clause whose text is a heading line rather than body text."""
    if clause.kind == "heading":
        return True
    return clause.kind == "section" and bool(clause.headings) and clause.text.strip() == clause.headings[-1].strip()


def _heading_path(clause: Clause) -> tuple[str, ...]:
    """The headings a clause sits under, plus its own text when it is a heading."""
    path = tuple(clause.headings)
    if clause.kind == "heading" and (not path or path[-1].strip() != clause.text.strip()):
        path += (clause.text,)
    return path


def _ref_badge(clause: Clause) -> str:
    return f'<span class="qa-ref">{esc(shown_ref(clause.ref, clause.label))}</span> '


def _is_target(clause: Clause, target: str | None) -> bool:
    """``target`` is a clause id (``doc#ref``) or, for one document, a bare ref."""
    return bool(target) and (clause.id == target or ("#" not in target and clause.ref == target))


def render_plan(clauses: Iterable[Clause], target: str | None = None, stops: dict | None = None) -> str:
    """The plan in document order: headings, then clauses, one anchor per clause.

    Headings come from each clause's ``headings`` path and are written once, when
    the path changes; the clause ``target`` (an id or a ref) is marked with
    ``qa-target``. ``stops`` (doc_id → last ref) marks where a copy is cut off.
    """
    out: list[str] = []
    emitted: tuple[str, ...] = ()
    for clause in clauses:
        marked = " qa-target" if _is_target(clause, target) else ""
        anchor = anchor_id(clause.ref, clause.doc_id)
        if clause.kind == "title":
            out.append(f'<h2 id="{anchor}" class="qa-clause{marked}">{esc(clause.text)}</h2>')
            continue
        is_heading = _is_heading(clause)
        path = _heading_path(clause) if is_heading else tuple(clause.headings)
        common = 0
        while common < min(len(path), len(emitted)) and path[common] == emitted[common]:
            common += 1
        for depth in range(common, len(path)):
            level = min(3 + depth, 6)
            own = depth == len(path) - 1 and (is_heading or clause.kind == "section")
            attrs = f' id="{anchor}" class="qa-clause{marked}"' if own else ""
            badge = _ref_badge(clause) if own and clause.kind == "heading" else ""
            out.append(f"<h{level}{attrs}>{badge}{esc(path[depth])}</h{level}>")
            if own:
                anchor = ""  # used by the heading; the body below needs none
        emitted = path
        if is_heading:
            if anchor and path:  # its heading was already on the page (a repeated title): still anchor it
                level = min(2 + len(path), 6)
                out.append(f'<h{level} id="{anchor}" class="qa-clause{marked}">{_ref_badge(clause)}'
                           f"{esc(path[-1])}</h{level}>")
        else:
            attrs = f' id="{anchor}"' if anchor else ""
            out.append(
                f'<p{attrs} class="qa-clause qa-{esc(clause.kind)}{marked}">'
                f"{_ref_badge(clause)}{esc(clause.text)}</p>"
            )
        if stops and stops.get(clause.doc_id) == clause.ref:
            out.append(f'<p class="qa-cut">{esc(CUT_MARK.format(ref=clause.ref))}</p>')
    return f'<div class="qa-plan">{"".join(out)}</div>'


def section_of(clauses: Sequence[Clause], key: str) -> list[Clause]:
    """The clause ``key`` (an id, or a ref) with the rest of its top-level section, in order.

    A section is the run of clauses of one document sharing the first heading;
    clauses with no heading (title, metadata, preamble) are a section each.
    """
    index = next((i for i, c in enumerate(clauses) if c.id == key), None)
    if index is None and "#" not in key:
        index = next((i for i, c in enumerate(clauses) if c.ref == key), None)
    if index is None:
        return []
    doc, top = clauses[index].doc_id, clauses[index].headings[:1]
    if not top:
        return [clauses[index]]

    def same(c: Clause) -> bool:
        return c.doc_id == doc and c.headings[:1] == top

    start, end = index, index + 1
    while start > 0 and same(clauses[start - 1]):
        start -= 1
    while end < len(clauses) and same(clauses[end]):
        end += 1
    return list(clauses[start:end])


def render_context(clauses: Sequence[Clause], key: str, stops: dict | None = None) -> str:
    """The clause ``key`` (an id or a ref) inside its section, so a cited clause can be read in context."""
    part = section_of(clauses, key)
    if not part:
        return f'<p class="qa-message">Không có mục mang mã {esc(key)} trong kế hoạch.</p>'
    return f'<div class="qa-context">{render_plan(part, target=key, stops=stops)}</div>'


def reader_choices(clauses: Iterable[Clause], snippet_chars: int = 70) -> list[tuple[str, str]]:
    """``(shown text, clause id)`` pairs for the reader's picker; the id keeps document and ref."""
    clauses = list(clauses)
    several = len({c.doc_id for c in clauses}) > 1
    choices = []
    for c in clauses:
        text = " ".join(c.text.split())
        if len(text) > snippet_chars:
            text = text[:snippet_chars].rsplit(" ", 1)[0] + "…"
        where = f"{c.doc_id} · " if several else ""
        choices.append((f"{where}{shown_ref(c.ref, c.label)} · {text}", c.id))
    return choices
