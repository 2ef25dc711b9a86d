"""where: the place of a content in the document ("nằm ở mục nào", "nhiệm vụ thứ mấy")."""

from __future__ import annotations

import re

from ...text import fold, has_diacritics, syllables
from ..passages import asked_words, best_passage, clip, nearest_phrase, paired
from .base import FRONT_KINDS, Kind, last_sentence, load_slots
from .when import timed_items

# A part of the document named, then its number asked: "mục mấy", "việc thứ mấy", "ở nội dung nào";
# with "số" or "thứ", a word or two may qualify the part ("nhiệm vụ trọng tâm số mấy").
# The count kind leaves these alone: "mấy" after the part's name asks which, not how many.
PLACE_ASKED = (r"(?:(?:muc|phan|diem|viec|nhiem vu|noi dung|dieu|khoan|chuong) (?:so |thu )?may"
               r"|(?:muc|phan|diem|viec|nhiem vu|noi dung) (?:\w+ ){1,2}(?:so|thu) (?:may|bao nhieu)"
               r"|(?:nam o|o|thuoc) (?:muc|phan|noi dung|diem|y|nhiem vu|viec|dieu|khoan) (?:so |thu )?(?:nao|may|bao nhieu))")

PATTERN = re.compile(
    # "ở mục IV" gives the place (the question is about what is there); "ở mục nào" asks for it
    r"\b(muc nao|phan nao|o (?:muc|phan)(?! (?:[ivxlc]+|\d+)\b)|nam o dau|o dau|tai dau|thuoc muc|thuoc phan|nhiem vu so may|nhiem vu thu may"
    # ("có ý nào về … không?" asks whether the plan has one: no place)
    # ("ý nào đúng: (A) … (B) …" asks which option of a multiple-choice item is right: no place)
    r"|nhiem vu nao|nhiem vu so bao nhieu|dieu nao|khoan nao|diem nao|(?<!co )y nao(?! (?:dung|sai|chinh xac)\b)"
    r"|trong muc nao|duoc neu o|de cap o|danh so (?:may|bao nhieu)"
    # ("có nằm trong đối tượng … không?" asks whether one belongs, not where)
    # ("… có nằm trong KH không?" asks whether the plan holds it at all)
    r"|nam trong(?! (?:doi tuong|dien|danh sach|nhom|pham vi|so)\b)"
    r"(?! (?:ke hoach|kh|van ban)(?: (?:nay|ni|03|do))? (?:khong|ko|k|hong|hok|hem|chu)\b)|thuoc nhiem vu|doan nao"
    r"|(nhiem vu|muc|phan|y|diem|dieu|giai phap|task) (nay |do |ay |tren )?(la )?(so|thu) (may|bao nhieu)|task nao"
    # "Nhiệm vụ về cải cách hành chính là số mấy?" (not "văn bản … là số mấy?", a document's number)
    r"|(nhiem vu|muc|phan|diem|dieu|giai phap|viec)( \w+){1,8} la (so|thu) (may|bao nhieu)"
    # "mục mấy", "việc thứ mấy", "nằm ở nội dung nào": the place asked by the part's name
    rf"|{PLACE_ASKED}"
    # "chỗ nào trong kế hoạch", "ở chỗ nào", "chỗ nào có nói …" (not "chỗ nào nội bộ lục đục": wherever)
    r"|(o|tai|nam o|nam) cho nao|cho nao (trong|cua) (ke hoach|van ban)|cho nao (co )?(noi(?! bo| dung)|nhac|de cap|neu|viet|ghi))\b")


# "… là nhiệm vụ số mấy?": the number of one of a section's numbered tasks
_TASK_NUMBER_ASKED = re.compile(r"\bnhiem vu (?:\w+ )?(?:so|thu) (?:may|bao nhieu)\b")

# Accented words that fold onto the pattern's but mean something else: "mức nào" asks for a level.
_FALSE_FRIENDS = re.compile(r"(?<!\w)(mức|mực)(?!\w)")


_NUMBERING = re.compile(r"^(?:(?:Mục|Phần|Chương)\s+)?[IVXLC\d]+[.)-]?\s+")  # "Mục III. ", "1. "


def _title(clause) -> str:
    """A section's or heading's title, numbering dropped, as folded syllables: "muc dich yeu cau"."""
    return " ".join(syllables(fold(_NUMBERING.sub("", clause.label.split(" — ")[-1]))))


def named_title(q, hits, ctx):
    """The section or heading whose whole title the question quotes (two syllables or more),
    within the documents of the best hits; the longest title wins."""
    asked = f" {' '.join(syllables(fold(q.text)))} "
    found = None
    for doc_id in dict.fromkeys(h.clause.doc_id for h in hits[:3]):
        for c in ctx.titled(doc_id):
            title = _title(c)
            if title.count(" ") >= 1 and f" {title} " in asked and (found is None or len(c.text) > len(found.text)):
                found = c
    return found


def sections_answer(clause, ctx):
    """The document's own top-level parts, the document ``clause`` is in: how many, and their names."""
    sections = ctx.sections(clause.doc_id)
    if not sections:
        return None
    cut = next((last for doc, last in ctx.info.truncated if doc == clause.doc_id), None)
    note = f"; bản hiện có dừng ở {cut}" if cut else ""
    head = f"{len(sections)} mục ({sections[0].ref}–{sections[-1].ref}{note}): "
    room = ctx.config.answer_max_chars - 2 - len(head)
    each = max(24, min(60, room // len(sections) - 2))  # every part named, long titles cut
    names = "; ".join(clip(s.label, each) for s in sections)
    return clip(head + names, ctx.config.answer_max_chars - 2) + ".", sections[0]


_NAME_ONLY = 6  # syllables: "I- MỤC ĐÍCH, YÊU CẦU", "Đảng đoàn Quốc hội"


def _name_only(clause) -> bool:
    """A section's or heading's text is only its short name, no words of its own."""
    return clause.kind in ("section", "heading") and len(syllables(_NUMBERING.sub("", clause.text))) <= _NAME_ONLY


def _asked_inside(q, hits, named=None):
    """"Nhiệm vụ về giáo dục chính trị nằm ở mục mấy của phần III / của phần Nhiệm vụ trọng tâm?":
    the part named, by number or by its title (``named``), is where to look, not the answer; the
    best hit inside it that the question is about is. None when the question names no part, or
    asks about nothing but the part ("Phần III nằm ở đâu?")."""
    part = named if named is not None else hits[0].clause
    if named is None and part.ref not in q.refs:
        return None
    title = set(syllables(fold(part.label.split(" — ")[-1])))
    if len([t for t in q.topic if t not in title]) < 2:
        return None
    return next((h.clause for h in hits if h.clause.doc_id == part.doc_id
                 and h.clause.ref.startswith(part.ref + ".")), None)


# "… ở đâu?" / "… tại đâu?": a place, in the world unless the question speaks of the document
_WHERE_ASKED = re.compile(r"\b(?:o|tai) dau\b")
# "… ở đâu trong KH?", "tại đâu của kế hoạch": where in the document itself
_IN_THE_DOCUMENT = re.compile(r"\b(?:o|tai) dau (?:trong|cua|o) (?:ke hoach|kh|van ban|tai lieu)\b")
# where a place's name ends: a mark, or the words that start what follows it
_PLACE_END = re.compile(r"[,;.():«»\"]|\s(?:doi voi|de|nham|theo|ve|va|gan voi|thuoc)\s")
_PLACE_WORDS = 10  # syllables at most


# a phrase the question quotes: "cụm 'tự diễn biến', 'tự chuyển hóa' xuất hiện ở những phần nào?"
_QUOTED = re.compile(r"[\"'“”‘’«»]([^\"'“”‘’«»]{3,80})[\"'“”‘’«»]")


def quoted_places(q, hits, ctx):
    """The clauses of the best hit's document that hold every phrase the question quotes (two
    syllables or more), in order; None when it quotes none or no clause holds them."""
    phrases = [" ".join(syllables(fold(p))) for p in _QUOTED.findall(q.text)]
    phrases = [f" {p} " for p in phrases if p.count(" ") >= 1]
    if not phrases or not hits:
        return None
    if not all(ctx.info.has_phrase(p.strip()) for p in phrases):
        return None  # a phrase no clause holds: no clause to scan for
    doc = hits[0].clause.doc_id
    if any(p in f" {_title(c)} " for p in phrases for c in ctx.titled(doc)):
        return None  # "phần 'Quán triệt Kết luận và triển khai kế hoạch' là phần số mấy?": a part's title
    holding = [c for c in ctx.clauses_of(doc) if c.text
               and all(p in f" {' '.join(syllables(fold(c.text)))} " for p in phrases)]
    # a heading or section whose part holds them is named by that part
    holding = [c for c in holding if not any(o.ref.startswith(c.ref + ".") for o in holding)]
    return holding or None


def _narrowed(q, holding):
    """Of the clauses holding a quoted phrase, the one that alone holds the most of the question's other
    topic words (at least two): "chống 'lợi ích nhóm' trong xây dựng pháp luật" is III.10's, though
    III.4 and III.6 say "lợi ích nhóm" too. None when the words name no single one."""
    if len(holding) < 2:
        return None
    # the question's other words as the pairs it says them in ("xây dựng pháp luật"), the quote left out
    said = syllables(fold(_QUOTED.sub(" | ", q.text)))
    topic = set(q.topic)
    pairs = {f" {a} {b} " for a, b in zip(said, said[1:]) if a in topic or b in topic}
    if not pairs:
        return None
    counts = sorted(((sum(p in f" {' '.join(syllables(fold(c.text)))} " for p in pairs), i) for i, c in enumerate(holding)),
                    reverse=True)
    (best, i), (second, _) = counts[0], counts[1]
    return holding[i] if best >= 2 and best > second else None


def setting_asked(text: str, slots) -> bool:
    """"Bỏ phiếu đánh giá Ủy viên Bộ Chính trị thì làm ở đâu?": a place in the world (a body, a
    meeting), not a place in the document ("… nằm ở đâu", "kế hoạch nhắc việc này ở đâu")."""
    asked = fold(last_sentence(text)).lower()
    return bool(_WHERE_ASKED.search(asked)) and not _IN_THE_DOCUMENT.search(asked) \
        and slots.search("where", "document", text) is None


def _settings(text: str, slots):
    """(start, phrase) of each place a text names after "trong" / "tại": "trong Ban Chấp hành Trung
    ương Đảng", "trong sinh hoạt đảng", "tại địa phương"."""
    folded = fold(text)  # same length: the user's characters are cut at the folded text's places
    heads = slots.pattern("where", "setting")
    for m in re.finditer(r"\b(?:trong|tai)\s+", folded):
        if not heads.match(folded, m.end()):
            continue
        end = _PLACE_END.search(folded, m.end())
        phrase = text[m.start():end.start() if end else len(text)].strip()
        yield m.start(), " ".join(phrase.split()[:_PLACE_WORDS + 1])


def setting(q, text: str, slots) -> str | None:
    """The place named in ``text`` that the question asks about (``nearest_phrase``), not one the
    question already names ("hội nghị toàn quốc họp ở đâu?" is not answered by "tại Hội nghị cán bộ
    toàn quốc")."""
    asked = set(q.topic)
    places = [(start, phrase) for start, phrase in _settings(text, slots)
              if (words := syllables(fold(phrase))[1:]) and sum(w in asked for w in words) * 3 < len(words) * 2]
    return nearest_phrase(asked_words(q), text, places)


class Where(Kind):
    name = "where"
    pattern = PATTERN

    def holds_answer(self, q, clause, ctx) -> bool:
        return not setting_asked(q.text, ctx.slots) or setting(q, clause.text, ctx.slots) is not None

    def slot_required(self, q) -> bool:
        return setting_asked(q.text, load_slots())

    def missing(self, q, ctx) -> str | None:
        return "nơi làm việc này (kế hoạch không nêu địa điểm)" if setting_asked(q.text, ctx.slots) else None

    def detect(self, text: str, folded: str) -> bool:
        lower = text.lower()
        for m in PATTERN.finditer(folded):
            # fold keeps every character's place, so the span is the user's own words
            if not (has_diacritics(lower) and _FALSE_FRIENDS.search(lower[m.start():m.end()])):
                return True
        return False

    def answer(self, q, hits, ctx) -> str | tuple[str, object]:
        listed = timed_items(q, ctx)  # "nhiệm vụ nào ghi thời gian 'hằng năm'?": the items, by their timing
        if listed is not None:
            return listed
        clause = hits[0].clause
        named = named_title(q, hits, ctx)
        # a quoted title ("phần 'Mục đích, yêu cầu' là phần số mấy?") names a part: where it is
        quoted = quoted_places(q, hits, ctx) if named is None else None
        if quoted:  # "cụm 'tự diễn biến' xuất hiện ở đâu?": every clause that holds it, in order
            shown = [c for c in quoted if c.kind not in FRONT_KINDS] or quoted
            one = _narrowed(q, shown)
            if one is not None:  # "chống 'lợi ích nhóm' trong xây dựng pháp luật nằm ở mục nào?"
                others = ", ".join(c.ref for c in shown if c is not one)
                return f"{self._place(one)} (cụm từ này còn có ở {others}).", one
            # (one place is named with its path, "III.6 — Mục III. … — nhiệm vụ 6", as any other place is)
            refs = self._place(quoted[0]) if len(quoted) == 1 else ", ".join(c.ref for c in quoted)
            return f"Có ở {len(quoted)} chỗ: {refs}.", shown[0]
        if setting_asked(q.text, ctx.slots):
            for hit in hits[:2]:
                place = setting(q, hit.clause.text, ctx.slots)
                if place:  # "Trong Ban Chấp hành Trung ương Đảng (III.5): …", in the clause's words
                    head = f"{place[0].upper()}{place[1:]} ({hit.clause.ref}): "
                    passage = best_passage(hit.clause.text, q.topic, len(hit.clause.text), paired(q))
                    return head + clip(passage, max(60, ctx.config.answer_max_chars - len(head))), hit.clause
        if named is None and clause.kind != "item" and _TASK_NUMBER_ASKED.search(fold(q.text)):
            # "… là nhiệm vụ số mấy?": a task has a number, a point under a body's part ("ý 1") none
            task = next((h.clause for h in hits[1:2] if h.clause.kind == "item"), None)
            if task is not None:
                return self._place(task), task
        inside = _asked_inside(q, hits, named)
        if inside is not None:  # "… nằm ở mục mấy của phần III?": which part of the part named
            return self._place(inside), inside
        place = named if named is not None else clause  # "phần nhiệm vụ trọng tâm ở mục nào?": that section
        parts = ctx.children(place) if _name_only(place) else []
        # a heading that is only a name ("Đảng đoàn Quốc hội") shows nothing to read: its first part,
        # whose path names it, is cited first; a section with words of its own is cited itself
        if named is None and not parts:
            return self._place(clause)  # cited as retrieved (a section with its parts after it)
        return self._place(place), parts[0] if parts else place

    @staticmethod
    def _place(clause) -> str:
        parts = clause.label.split(" — ")
        if len(clause.label) > 120:  # a long section title: keep its start, the path stays whole
            parts[0] = clip(parts[0], 50)
        return f"{clause.ref} — {' — '.join(parts)}"
