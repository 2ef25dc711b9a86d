"""Picking and cutting verbatim text out of a clause for a short answer.

>>> best_passage(clause.text, ("bao", "chi"), 200)
'chỉ đạo các cơ quan báo chí tuyên truyền nội dung Kết luận, …'
"""

from __future__ import annotations

import re

from ..facts import find_bodies
from ..text import fold, syllables

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")
_SEGMENT = re.compile(r"(?<=[.;])\s+")
_CONNECTORS = re.compile(r"^(\s|,|và|chủ trì|phối hợp với|phối hợp|cùng)*$")


# "…, thì …": where a condition ends and what follows from it begins
_THEN = re.compile(r",?\s+thì\s+")


def clip(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut at a clause boundary ("; ", ", ") when one
    falls in the last 40 %, else at a word boundary — never inside a word."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    for sep in ("; ", ", "):
        at = head.rfind(sep)
        if at >= 0.6 * limit:
            return head[:at].rstrip() + "…"
    return head.rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def clip_around(text: str, start: int, end: int, limit: int) -> str:
    """``text`` within ``limit`` characters, keeping ``text[start:end]`` in view: ``clip`` when the
    span falls within the clipped head, else a window from a word boundary before the span,
    marked "…" where it was cut.

    >>> clip_around("một hai ba bốn năm sáu bảy tám", 23, 26, 12)
    '…sáu bảy tám'
    """
    text = text.strip()
    head = clip(text, limit)
    if end <= len(head.rstrip("…")):
        return head
    begin = max(0, end - (limit - 3))
    space = text.find(" ", begin, start + 1)
    begin = space + 1 if space >= 0 else start
    window = text[begin:]
    if len(window) > limit - 1:  # cut after the span, at a word boundary
        stop = window.rfind(" ", end - begin, limit - 1)
        window = window[: stop if stop >= 0 else end - begin].rstrip(",;: ") + "…"
    return "…" + window


def join(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


_LIST_GAP = re.compile(r"^(\s|,|và)*$")


def span(clauses) -> str:
    """The refs of consecutive clauses: "III.1–III.11", or the one ref of a single clause."""
    first, last = clauses[0].ref, clauses[-1].ref
    return first if first == last else f"{first}–{last}"


def as_written(text: str, names) -> str:
    """The names as the clause lists them, verbatim ("Bộ Chính trị, Ban Bí thư"), when it names
    them all in one run joined by commas or "và"; otherwise ``join(names)``.

    >>> as_written("Bộ Chính trị, Ban Bí thư tổ chức hội nghị", ["Ban Bí thư", "Bộ Chính trị"])
    'Bộ Chính trị, Ban Bí thư'
    """
    names = list(dict.fromkeys(names))
    low = text.lower()
    spans = []
    for name in names:
        at = low.find(name.lower())
        if at < 0:
            return join(names)
        spans.append((at, at + len(name)))
    spans.sort()
    if any(b[0] < a[1] or not _LIST_GAP.match(low[a[1]:b[0]]) for a, b in zip(spans, spans[1:])):
        return join(names)
    return text[spans[0][0]:spans[-1][1]]


def segments(text: str) -> list[str]:
    """A clause's sentences and ``;`` parts, verbatim."""
    return [s for s in _SEGMENT.split(text.replace("\n", " ")) if s.strip()]


def first_sentences(text: str, limit: int) -> str:
    """One or two leading sentences of a clause, verbatim, within ``limit`` characters."""
    sentences = _SENTENCE_END.split(text.replace("\n", " "))
    out = sentences[0]
    if len(sentences) > 1 and len(out) + 1 + len(sentences[1]) <= limit and len(out) < 80:
        out = out + " " + sentences[1]
    return clip(out, limit)


def paired(q) -> frozenset[str]:
    """The question's two-syllable words, as its content reads them in order ("thu hoi", "tai san"), of which
    one syllable at least is of its topic: a word's two syllables side by side in a clause say more than
    either alone ("hồi" is also in "xã hội")."""
    topic = set(q.topic)
    return frozenset(f"{a} {b}" for a, b in zip(q.content, q.content[1:]) if a in topic or b in topic)


def best_passage(text: str, terms: tuple[str, ...], limit: int, pairs: frozenset[str] = frozenset()) -> str:
    """The sentence (or ``;`` part) of a clause that shares most topic syllables with the question, then,
    of later parts tied on them, most of its ``pairs`` (its two-syllable words, ``paired``), verbatim; the
    first one when none holds more than it."""
    parts = segments(text)
    if len(parts) <= 1 or not terms:
        return first_sentences(text, limit)
    wanted = set(terms)
    scores = []
    for part in parts:
        said = syllables(fold(part))
        scores.append((len(wanted & set(said)), len(pairs & {f"{a} {b}" for a, b in zip(said, said[1:])})))
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    # (the pairs break a tie between later parts only: the first part, tied, opens the clause as before)
    if scores[best][0] == scores[0][0]:
        return first_sentences(text, limit)
    return clip(parts[best], limit)


def consequent(passage: str, terms: tuple[str, ...], limit: int, action: bool = False) -> str:
    """A passage too long to show whole that says "where …, then X must …" ("Những nơi có biểu hiện …,
    thì cấp ủy cấp trên phải …"): its "then" half when the question's topic is there rather than in the
    condition ("cấp ủy cấp trên phải làm gì?"), or when the question asks what is to be done (``action``) in
    a situation the condition describes ("chi bộ mất đoàn kết thì huyện ủy xử lý ra sao?"); the passage
    otherwise."""
    m = _THEN.search(passage) if len(passage) > limit else None
    if not m:
        return passage
    wanted = set(terms)
    condition, then = passage[:m.start()], passage[m.end():]
    in_then, in_condition = len(wanted & set(syllables(fold(then)))), len(wanted & set(syllables(fold(condition))))
    if in_then > in_condition or (action and in_condition):
        return then[:1].upper() + then[1:]
    return passage


_CHUNK = re.compile(r"[,;]\s+")


def focused(passage: str, terms: tuple[str, ...], limit: int) -> str:
    """``passage`` within ``limit`` characters, from the part of it (between commas) that holds most of
    the question's topic when that is not its first part and the passage does not fit: "thu hồi tài sản
    thì sao?" of a long sentence on corruption shows «…xử lý nghiêm …, thu hồi tài sản thất thoát»,
    not its head cut before the words asked; ``clip`` otherwise."""
    passage = passage.strip()
    if len(passage) <= limit or not terms:
        return clip(passage, limit)
    wanted = set(terms)
    starts = [0] + [m.end() for m in _CHUNK.finditer(passage)]
    ends = starts[1:] + [len(passage)]
    scores = [len(wanted & set(syllables(fold(passage[a:b])))) for a, b in zip(starts, ends)]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    head = clip(passage, limit)
    # (the head already shows that part: it is kept, with who acts at its start)
    if best == 0 or scores[best] < _FOCUS_MIN or scores[best] <= scores[0] or ends[best] <= len(head.rstrip("…")):
        return head
    # from as early as still shows that part and the one after it ("…, tự học, tự nghiên cứu của cá nhân"),
    # never after a body the passage names first, nor inside a citation ("Kết luận số 01-KL/TW, ngày …")
    end = ends[min(best + 1, len(ends) - 1)]
    allowed = [i for i in range(best + 1) if not _CONTINUES.match(passage[starts[i]:])
               and not any(m.name[:1].isupper() for m in find_bodies(passage[:starts[i]]))]
    start = next((starts[i] for i in allowed if end - starts[i] <= limit - 2 or i == best), 0)
    return head if start == 0 else "…" + clip(passage[start:], limit - 1)


_CONTINUES = re.compile(r"ngày \d")  # a date after a document's number goes with it
_FOCUS_MIN = 2  # topic syllables a later part must hold for the passage to be shown from it


def task_part(passage: str, names: tuple[str, ...]) -> str:
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


def sentence_around(text: str, part: str) -> str:
    """The whole sentence (up to a full stop) that holds ``part``."""
    for sentence in re.split(r"(?<=\.)\s+", text.replace("\n", " ")):
        if part.rstrip("…") in sentence:
            return sentence
    return part


def asked_words(q) -> dict[str, float]:
    """What a part of a clause is matched on: a question's topic (folded syllables, weight 1) and
    the bodies it names (weight 2: "Lấy phiếu trong Quốc hội …" is about the part that names it)."""
    weights = dict.fromkeys(q.topic, 1.0)
    weights.update(dict.fromkeys((s for body in q.bodies for s in syllables(fold(body))), 2.0))
    return weights


def nearest_phrase(asked: dict[str, float], text: str, phrases) -> str | None:
    """Of the ``(start, phrase)`` a text names, the one whose part of the sentence (between ";" or
    sentence ends) holds most of the ``asked`` words (weighted) that the other parts lack; the first
    on a tie. "…; trong Quốc hội khóa XV đối với các chức danh …" is the place for those posts."""
    folded = fold(text)
    found = []
    before = 0  # where the words that lead to a phrase begin: the end of the phrase before it
    for start, phrase in phrases:
        left = max(folded.rfind(";", 0, start), folded.rfind(". ", 0, start)) + 1
        right = min((i for i in (folded.find(";", start), folded.find(". ", start)) if i >= 0), default=len(folded))
        # the nearest mention of a body the question names, within that part: which of its phrases
        named = [m.start() for w, weight in asked.items() if weight > 1
                 for m in re.finditer(rf"\b{re.escape(w)}\b", folded[left:right])]
        near = -min((abs(left + at - start) for at in named), default=0)
        # then the asked words that lead to it within the part ("nhất là … trong Ban Chấp hành Trung ương Đảng
        # đối với …" is the one asked "trong BCH")
        lead_in = len(set(syllables(folded[max(left, before):start])) & set(asked))
        found.append((phrase, set(syllables(folded[left:right])) & set(asked), near, lead_in))
        before = start + len(phrase)
    if not found:
        return None
    shared = set.intersection(*(said for _, said, _, _ in found))
    return max(found, key=lambda f: (sum(asked[w] for w in f[1] - shared), f[2], f[3]))[0]
