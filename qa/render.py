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
from dataclasses import dataclass

from qa.text import STOPWORDS, STOPWORDS_FOLDED, fold, has_diacritics, normalize, syllables
from qa.types import Citation, Clause, Reply

# How much of a document title fits on the citation line before it is cut.
TITLE_MAX_CHARS = 60

NOT_FOUND_TITLE = "Kế hoạch không có nội dung trả lời câu hỏi này."
INVALID_TITLE = "Chưa có câu hỏi để trả lời; vui lòng nhập câu hỏi về kế hoạch."
SOURCES_TITLE = "Nguồn tham khảo"
NEAREST_TITLE = "Các điều khoản gần nhất (không trả lời trực tiếp câu hỏi)"
READER_HINT = "xem trong thẻ «Đọc kế hoạch»"

_WORD = re.compile(r"\w+", re.UNICODE)
# Words that ask where something is ("nó nằm ở mục nào?") rather than name a topic;
# highlighted they would light up every "mục tiêu" in the quoted clause.
LOCATOR_WORDS = frozenset({"nằm", "mục", "phần", "khoản", "điểm", "muc"})


def esc(text: str) -> str:
    """Escape for HTML text and attribute values; line breaks become ``<br>``."""
    return html.escape(text or "", quote=True).replace("\r\n", "\n").replace("\n", "<br>")


def anchor_id(ref: str) -> str:
    """A stable, CSS-safe HTML id for a clause ref: ``IV.1.1`` → ``dieu-iv-1-1``."""
    slug = re.sub(r"[^0-9A-Za-z]+", "-", fold(ref)).strip("-")
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


def citation_line(citation: Citation) -> str:
    """``document · label · ref`` with the full title on hover."""
    doc = citation.doc_title or citation.doc
    return (
        '<div class="qa-cite">Trích dẫn: '
        f'<span class="qa-doc" title="{esc(doc)}">{esc(short_title(doc))}</span>'
        f' · <span class="qa-label">{esc(citation.label)}</span>'
        f' · <span class="qa-ref">{esc(citation.ref)}</span>'
        f' <span class="qa-hint">({READER_HINT})</span></div>'
    )


def _sources(citations: Sequence[Citation], terms: Terms, title: str) -> str:
    """The other clauses, collapsed (``<details>`` without ``open``), each with its ref."""
    if not citations:
        return ""
    items = "".join(
        f'<li><span class="qa-ref">{esc(c.ref)}</span> · <span class="qa-label">{esc(c.label)}</span>'
        f'<div class="qa-source-text">{highlight(c.text, terms)}</div></li>'
        for c in citations
    )
    return (
        '<details class="qa-sources">'
        f"<summary>{esc(title)} ({len(citations)})</summary><ol>{items}</ol></details>"
    )


def render_reply(reply: Reply) -> str:
    """The assistant's chat message: answer, quoted clause, citation line, other sources.

    When the plan does not answer, the message says so plainly (``reply.answer``
    or a default) and adds ``reply.message`` (what the bundled plan covers); the
    nearest clauses, if any, stay collapsed. For input that holds no question
    (``kind == "invalid"``) only ``reply.message`` is shown.
    """
    terms = question_terms(reply.question, reply.resolved_question)
    if not reply.found:
        if reply.kind == "invalid":  # no question to answer: the message says what to type
            headline, note = reply.message or INVALID_TITLE, ""
        else:
            headline, note = reply.answer or NOT_FOUND_TITLE, reply.message
        parts = [f'<div class="qa-reply qa-not-found"><p class="qa-answer">{esc(headline)}</p>']
        if note and note.strip() != headline.strip():
            parts.append(f'<p class="qa-message">{esc(note)}</p>')
        parts.append(_sources(reply.citations, terms, NEAREST_TITLE))
        parts.append("</div>")
        return "".join(parts)

    parts = [f'<div class="qa-reply"><p class="qa-answer">{esc(reply.answer)}</p>']
    if reply.citations:
        best, others = reply.citations[0], reply.citations[1:]
        parts.append(f'<blockquote class="qa-quote">{highlight(best.text, terms)}</blockquote>')
        parts.append(citation_line(best))
        parts.append(_sources(others, terms, SOURCES_TITLE))
    if reply.message:
        parts.append(f'<p class="qa-message">{esc(reply.message)}</p>')
    parts.append("</div>")
    return "".join(parts)


# --- plan reader --------------------------------------------------------------


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


def _ref_badge(ref: str) -> str:
    return f'<span class="qa-ref">{esc(ref)}</span> '


def render_plan(clauses: Iterable[Clause], target: str | None = None) -> str:
    """The plan in document order: headings, then clauses, one anchor per ref.

    Headings come from each clause's ``headings`` path and are written once, when
    the path changes; the clause ``target`` is marked with ``qa-target``.
    """
    out: list[str] = []
    emitted: tuple[str, ...] = ()
    for clause in clauses:
        marked = " qa-target" if clause.ref == target else ""
        anchor = anchor_id(clause.ref)
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
            badge = _ref_badge(clause.ref) if own and clause.kind == "heading" else ""
            out.append(f"<h{level}{attrs}>{badge}{esc(path[depth])}</h{level}>")
            if own:
                anchor = ""  # used by the heading; the body below needs none
        emitted = path
        if is_heading:
            if anchor and path:  # its heading was already on the page (a repeated title): still anchor it
                level = min(2 + len(path), 6)
                out.append(f'<h{level} id="{anchor}" class="qa-clause{marked}">{_ref_badge(clause.ref)}'
                           f"{esc(path[-1])}</h{level}>")
            continue
        attrs = f' id="{anchor}"' if anchor else ""
        out.append(
            f'<p{attrs} class="qa-clause qa-{esc(clause.kind)}{marked}">'
            f"{_ref_badge(clause.ref)}{esc(clause.text)}</p>"
        )
    return f'<div class="qa-plan">{"".join(out)}</div>'


def section_of(clauses: Sequence[Clause], ref: str) -> list[Clause]:
    """The clause ``ref`` with the rest of its top-level section, in order.

    A section is the run of clauses sharing the first heading; clauses with no
    heading (title, metadata, preamble) are a section each.
    """
    index = next((i for i, c in enumerate(clauses) if c.ref == ref), None)
    if index is None:
        return []
    top = clauses[index].headings[:1]
    if not top:
        return [clauses[index]]
    start, end = index, index + 1
    while start > 0 and clauses[start - 1].headings[:1] == top:
        start -= 1
    while end < len(clauses) and clauses[end].headings[:1] == top:
        end += 1
    return list(clauses[start:end])


def render_context(clauses: Sequence[Clause], ref: str) -> str:
    """The clause ``ref`` inside its section, so a cited clause can be read in context."""
    part = section_of(clauses, ref)
    if not part:
        return f'<p class="qa-message">Không có mục mang mã {esc(ref)} trong kế hoạch.</p>'
    return f'<div class="qa-context">{render_plan(part, target=ref)}</div>'


def reader_choices(clauses: Iterable[Clause], snippet_chars: int = 70) -> list[tuple[str, str]]:
    """``(shown text, ref)`` pairs for the reader's ref picker."""
    choices = []
    for c in clauses:
        text = " ".join(c.text.split())
        if len(text) > snippet_chars:
            text = text[:snippet_chars].rsplit(" ", 1)[0] + "…"
        choices.append((f"{c.ref} · {text}", c.ref))
    return choices
