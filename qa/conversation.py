"""Follow-up questions resolved against the earlier turns.

Two shapes of follow-up:
- same topic, new question ("thời hạn của nhiệm vụ đó?", "nó nằm ở mục nào?"): the
  earlier turn's best clause stays the topic; the new question says what to answer;
- same question, new topic ("còn Ban Tổ chức Trung ương thì sao?"): the new words
  replace the topic; the earlier turn's kind of question is kept unless the new
  one names its own.
A question with a topic of its own and no pointing words ignores the history.

>>> plan = plan_turn(analyze("thời hạn thì sao?"), [analyze("ai chịu trách nhiệm thể chế hóa?")])
>>> plan.mode
'same_topic'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from .datafiles import DATA, data_lines
from .facts import find_actors
from .inputs import InputError, lenient_text, shown
from .question import DOCUMENT_KINDS, Question, analyze, document_keys, document_number, only_requests
from .ask.kinds.count import ordinal_words
from .ask.claims import rhythm_words
from .ask.kinds.base import BARE_ACT, NEXT_ASKED, asks_something, asks_yes_no
from .ask.kinds.when import asking_words
from .text import fold, has_diacritics, syllables

# ("yêu cầu gì với mấy cơ quan đó?", "tổ chức ấy phải làm gì?": the bodies the earlier turn spoke of)
# ("đợt đó", "chủ trương đó", "chuyện đó": an event, a policy or a matter the earlier turn spoke of; not "hội nghị
# ấy", which a follow-up names as the thing its own words ask about: "… thế ai hướng dẫn tổ chức mấy cái hội nghị ấy")
_POINTING = re.compile(r"\b(nhiem vu|viec|noi dung|dieu|y|muc|phan|van ban|dieu khoan|co quan|to chuc|doan the|chuc danh"
                       r"|dot|cuoc van dong|chuong trinh|chu truong|chuyen|phong trao|hoat dong|cong viec|cong tac"
                       r"|giai phap|bien phap) (do|nay|tren|ay)\b"
                       r"|\b(no|cai do|cai nay|viec do|dieu do)\b")
# a document pointed at: "nó", or a kind of document with "đó / ấy / này" ("kết luận đó"); "kế hoạch
# này", "văn bản này" is the one being read, not one just mentioned
_DOC_POINTED = re.compile(rf"\b(?:{'|'.join(k for k in DOCUMENT_KINDS if k != 'ke hoach')}) (do|ay|nay)\b"
                          r"|\b(?:ke hoach|van ban) (do|ay)\b|\b(no)\b")
_POINTERS = frozenset({"nó", "đó", "ấy", "này"})
# a document of no kind named, pointed at: "văn bản đó", "tài liệu ấy", "nó"
_ANY_DOCUMENT = re.compile(r"\b(?:van ban|tai lieu) (?:do|ay)\b|\bno\b")
# typed without accents, "do" after a kind of document is also "by" ("kết luận do ai ban hành")
_BY = re.compile(r" (?:ai|co quan|cap|bo|ban(?! hanh))\b")


# a body pointed at, the one the earlier reply named: "cơ quan đó phải làm gì?", "Họ phải …" (typed
# without accents, "ho" only opening the turn before what they must do: "hồ" is no pointer)
_BODY_POINTED = re.compile(r"\b(?:co quan|don vi|ban|to chuc|ben) (?:do|ay|nay|kia)\b"
                           r"|^\W*(?:vay |the |con )?ho(?= (?:phai|se|can|lam|duoc|co|thi|bam|dua)\b)")
_THEY = re.compile(r"(?<!\w)họ(?!\w)")


def pointed_body(text: str) -> tuple[int, int] | None:
    """Where a turn points at a body by "cơ quan đó", "đơn vị ấy", "họ": the span to put its name in."""
    m = _BODY_POINTED.search(fold(text).lower())
    if m:
        start = m.start() if not m.group(0).endswith("ho") else m.end() - 2
        return start, m.end()
    m = _THEY.search(text.lower())
    return (m.start(), m.end()) if m else None


def _points_at_document(text: str) -> bool:
    folded, lower = fold(text), text.lower()
    accented = has_diacritics(text) and len(folded) == len(text)  # fold keeps every character's place
    for m in _DOC_POINTED.finditer(folded):
        by = m.group(m.lastindex) == "do" and _BY.match(folded, m.end())
        if by and m.lastindex == 1:
            # "kết luận do ai ban hành?" in a conversation: a kind of document the corpus does not hold,
            # with no number, is the one just mentioned, "đó" or "do" alike ("kế hoạch do ai ban hành"
            # is the plan read)
            return True
        if accented:
            if lower[m.start(m.lastindex):m.end(m.lastindex)] in _POINTERS:
                return True
        elif not by:
            return True
    return False


def _issue_date_asked(q: Question) -> bool:
    return q.meta_field == "Ngày ban hành" or q.kind == "when" and bool(_ISSUE_DATE.search(fold(q.text)))


# the day a document was issued or signed, asked ("ngày nào", "ký hồi nào"), not how often a task runs
# ("ký" alone, folded, is also "kỳ": "định kỳ")
_ISSUE_DATE = re.compile(r"\b(ban hanh|(ky|thong qua) (ngay|hoi|khi|luc|vao|bao gio|thang)|ra doi|ngay nao|ngay may|ngay bao nhieu)\b")


def _kinds_pointed(text: str) -> frozenset[str]:
    """The kinds of document a question names ("kết luận đó": {"kl"}); empty for "nó"."""
    folded = fold(text)
    return frozenset(k for name, k in DOCUMENT_KINDS.items() if re.search(rf"\b{name}\b", folded))


# fields of a register that a document cited by the plan has too: its issuer, signer, number, date
_CITED_FIELDS = frozenset({"Cơ quan ban hành", "Người ký", "Số hiệu", "Ngày ban hành"})


def asks_of_pointed_document(q: Question) -> bool:
    """"kết luận đó ban hành ngày nào / do cơ quan nào ban hành / ai ký?": a field of the register
    asked of a document pointed at, not named."""
    return not q.doc_keys and (_issue_date_asked(q) or q.kind == "meta" and q.meta_field in _CITED_FIELDS) \
        and _points_at_document(q.text)


def points_at_cited(q: Question) -> bool:
    """A turn that points at a document without naming it ("kết luận đó của hội nghị nào?")."""
    return not q.doc_keys and _points_at_document(q.text)


def _answered_by_document(q: Question, earlier: Question, kinds: frozenset[str]) -> bool:
    """"Kế hoạch thực hiện văn bản nào? || Văn bản đó ban hành ngày nào?": a document of no kind named,
    pointed at after a turn whose answer is a document (what the plan implements), is that document,
    not the plan."""
    return earlier.meta_field == "Căn cứ" and not kinds and bool(_ANY_DOCUMENT.search(fold(q.text)))


def cited_in_topic(q: Question, topic: str, held: frozenset, reread: Callable[[str], Question],
                   any_question: bool = False, earlier: Question | None = None,
                   register: bool = False) -> TurnPlan | None:
    """"Kế hoạch 03 thực hiện kết luận nào?" → "kết luận đó ban hành ngày nào?": the document is in
    the earlier reply, not in the earlier question. When the clause that reply cited first (``topic``)
    names one document the corpus does not hold (of the kind pointed at, if named), the field asked
    (its date, issuer, signer) is that document's; None otherwise. With ``any_question``, whatever
    the turn asks of the document pointed at (an earlier turn, read for the turns after it). A number
    asked of no document named is the cited one's when ``topic`` is a task or the opening, not the
    ``register`` (the masthead names what the plan implements too: "số hiệu?" there is the plan's)."""
    # "cái kết luận mà kế hoạch này thực hiện ấy || số mấy?": the number asked of no document named, after
    # a turn whose reply cites one document by its number, is that document's
    by_task = not any_question and not register and not q.doc_keys and q.kind == "meta" and q.meta_field in _TASK_FIELDS
    if not (points_at_cited(q) if any_question else asks_of_pointed_document(q) or by_task):
        return None
    kinds = _kinds_pointed(q.text)
    if not kinds and (by_task or earlier is not None and _answered_by_document(q, earlier, kinds)):
        kinds = frozenset(DOCUMENT_KINDS.values())  # any kind: the document that answered, or the task's
    if not kinds:
        return None  # "nó" alone may be the earlier turn's task, not a document
    cited = {k for k in document_keys(topic) if k not in held and k[0] in kinds}
    if len(cited) != 1:
        return None
    return TurnPlan("standalone", reread(f"{document_number(cited.pop())} {q.text}"), "", False)


# the field that, asked after a task, is the number of the document the task cites ("Căn cứ" after a
# turn about the plan asks what the plan implements)
_TASK_FIELDS = frozenset({"Số hiệu"})
# metadata fields that, in a follow-up, are asked of the earlier turn's topic: its gist, what it cites, its
# number ("theo kết luận số mấy?")
_TOPIC_FIELDS = frozenset({None, "Tên văn bản", "Căn cứ", "Số hiệu"})
_NEW_TOPIC = re.compile(r"^(con|the con|vay con|con ve|con doi voi|va)\b|\b(thi sao|the nao|ra sao)\s*\??$")


# a turn that asks its own what-question ("… phải làm gì?"), not only "thì sao?"
_OWN_WHAT = re.compile(r"\b(lam gi|lam nhung gi|lam nhung viec gi|la gi|gom (nhung )?gi|(nhiem vu|trach nhiem|viec) gi)\b")


# a part named as the container of what is asked ("… số mấy của phần III?", "trong mục II")
_IN_PART = re.compile(r"\b(cua|trong|thuoc|o) (muc|phan)\b|\b(so|thu) may (muc|phan) [ivx]+\b")


def _elaboration() -> re.Pattern:
    phrases = sorted({fold(p.strip()) for p in data_lines(DATA / "elaboration.tsv")}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b(?! hoa\b)")


# "cụ thể là …?", "nói rõ hơn": more of the same topic (qa/data/elaboration.tsv)
_ELABORATION = _elaboration()


def history_texts(history: Any) -> list[str]:
    """Earlier user messages from strings or Gradio-style {"role", "content"} dicts.

    A string is one earlier message and one dict is one message; any other shape
    (a number, a boolean) raises ``InputError`` with a message for the user.

    >>> history_texts("ai ký?")
    ['ai ký?']
    """
    if history is None:
        return []
    if isinstance(history, (str, bytes, bytearray, dict)):
        history = [history]
    elif not isinstance(history, (list, tuple)):
        raise InputError(
            "Lịch sử trò chuyện phải là danh sách các câu hỏi trước (chuỗi, hoặc {\"role\": \"user\", "
            f"\"content\": …}}); đã nhận {type(history).__name__} {shown(history)}."
        )
    out: list[str] = []
    for item in history:
        if isinstance(item, (str, bytes, bytearray)):
            text = lenient_text(item)
        elif isinstance(item, dict):
            if item.get("role", "user") != "user":
                continue
            content = item.get("content")
            if isinstance(content, list):  # Gradio multimodal content parts
                content = " ".join(p.get("text", "") for p in content if isinstance(p, dict)
                                   and isinstance(p.get("text", ""), str))
            text = lenient_text(content) if isinstance(content, str) else ""
        elif isinstance(item, (list, tuple)) and item:  # old Gradio (user, bot) pairs
            text = lenient_text(item[0]) if isinstance(item[0], str) else ""
        else:
            text = ""
        if text.strip():
            out.append(text)
    return out


@dataclass(frozen=True)
class TurnPlan:
    mode: str  # "standalone" | "same_topic" | "new_topic"
    question: Question  # what to answer (kind possibly inherited)
    context: str  # extra retrieval text taken from the earlier turn
    pin_previous: bool  # keep the earlier turn's best clause first


def leaned_on(previous: list[Question], common: frozenset[str]) -> str:
    """The earlier turn a follow-up leans on, with the one before it when it had no topic of its own
    ("Nhiệm vụ lấy phiếu tín nhiệm nằm ở đâu?" → "ai thực hiện?" → "thực hiện khi nào?")."""
    prev = previous[-1]
    own = [t for t in prev.topic if t not in common]
    # … or when it was itself a short follow-up ("tự phê bình trong sinh hoạt đảng" → "gắn với gì?" →
    # "bao lâu làm một lần?"): a few words of its own narrow the topic before it, they do not replace it
    if len(previous) > 1 and (not (own or prev.bodies or prev.refs or prev.item_numbers or prev.doc_keys)
                              or len(prev.content) <= _SHORT_TURN and not (prev.bodies or prev.refs or prev.doc_keys)
                              and not _NEW_TOPIC.search(fold(prev.text).strip())):  # "còn X thì sao?" moves on
        return f"{previous[-2].text} {prev.text}"
    return prev.text


def within_earlier(plan: TurnPlan, clause_text: str | None, common: frozenset[str],
                   previous: list[Question] = ()) -> bool:
    """"Nhiệm vụ 4 nói gì? || Ai phải kiểm tra việc khắc phục?": a follow-up read on its own, naming no
    body, part or document, not shaped as moving on, whose every topic word the clause the earlier
    turn was answered with uses, asks about that clause (it holds "kiểm tra … việc sửa chữa, khắc
    phục"), not about another that uses the same words. ``clause_text`` None: whether the turn could,
    whatever the clause (the earlier turn is resolved only then). ``previous``: the earlier turns."""
    q = plan.question
    if plan.mode != "standalone" or q.bodies or q.refs or q.doc_keys or q.item_numbers or q.kind not in _WITHIN_KINDS:
        return False
    folded = fold(q.text).lower().strip()
    if _NEW_TOPIC.search(folded) or not (asks_something(folded) or asks_yes_no(folded)):
        return False
    asked = asking_words(folded) if q.kind == "when" else frozenset()
    topic = [t for t in q.topic if t not in common and t not in asked]
    # … words of its own: one that repeats the earlier turn's topic ("Nêu gương có trong kế hoạch
    # không? || Ai phải nêu gương?") asks it anew, wherever the earlier reply found it
    said_before = {t for p in previous for t in p.topic}
    if not topic or set(topic) <= said_before:
        return False
    if clause_text is None:
        return True
    # with the accents typed, as typed, and words typed side by side are side by side there too ("chỉ tiêu"
    # is not "chi phối" and "tiêu cực")
    said = " ".join(re.findall(r"\w+", fold(clause_text).lower()))
    if q.accented and len(q.topic_accented) == len(q.topic):
        kept = {a.lower() for t, a in zip(q.topic, q.topic_accented) if t in topic}
        if not kept <= set(re.findall(r"\w+", clause_text.lower())):
            return False
    typed = " ".join(re.findall(r"\w+", folded))
    pairs = [f"{a} {b}" for a, b in zip(q.topic, q.topic[1:])
             if (a in topic or b in topic) and f" {a} {b} " in f" {typed} "]
    return set(topic) <= set(said.split()) and all(f" {p} " in f" {said} " for p in pairs)


_WITHIN_KINDS = frozenset({"what", "who", "when"})


def named_in_earlier(plan: TurnPlan, clause_text: str, common: frozenset[str]) -> bool:
    """"Lấy phiếu tín nhiệm làm ở đâu? || Còn ở Quốc hội thì sao?": a turn shaped as moving on whose only
    topic is bodies the clause the earlier turn was answered with names asks what that clause says of
    them, not what the whole corpus says of them."""
    q = plan.question
    if plan.mode != "new_topic" or not q.bodies or q.refs or q.doc_keys or q.item_numbers:
        return False
    said = fold(clause_text).lower()
    if not all(fold(b).lower() in said for b in q.bodies):
        return False
    folded = fold(q.text).lower().strip()
    shape = {w for m in _NEW_TOPIC.finditer(folded) for w in m.group(0).split()}
    named = {fold(w).lower() for b in q.bodies for w in syllables(b)}
    return not [t for t in q.topic if t not in common and t not in shape and t not in named and t not in _WHERE_WORDS]


_WHERE_WORDS = frozenset(("o", "trong", "tai", "voi", "doi", "ben", "phia"))  # "còn ở / trong / đối với X thì sao?"
_SHORT_TURN = 4  # content syllables of a turn that narrows the one before it
# a part of the document pointed at ("phần đó", "mục này"), on the folded turn
_PART_POINTED = re.compile(r"\b(phan|muc) (?:do|nay|ay|tren)\b")
_PART_WORDS = frozenset("phan muc do nay ay tren".split())
_IN_IT = re.compile(r"^\W*(?:vay |the |con |va )?(trong do)\b")
_PARTS = frozenset("I II III IV V VI".split())
_POINT_NOUNS = frozenset(("y", "diem", "khoan"))  # a part's points, numbered anew in each part (not its "nhiệm vụ")
# a turn that opens with how something relates to what came before ("gắn với …", "lồng ghép vào …")
_RELATING = re.compile(r"^(?:the |vay |con |va )?(?:gan (?:lien )?voi|long ghep (?:vao|voi)|ket hop voi|phoi hop voi"
                       r"|can cu (?:vao|theo)|dua tren|ap dung (?:cho|voi|doi voi)|danh cho)\b")


def _pointed_part(folded: str, refs: tuple[str, ...]) -> tuple[int, int, str] | None:
    """Where a turn points at the one part the earlier turn named (``refs``), and the words that name it
    instead: "trong phần đó" → "phan I"; "Trong đó …" opening the turn, after a part → "trong phần I"."""
    if len(refs) != 1:
        return None
    m = _PART_POINTED.search(folded)
    if m:
        return m.start(), m.end(), f"{m.group(1)} {refs[0]}"
    m = _IN_IT.match(folded) if refs[0] in _PARTS else None
    return (m.start(1), m.end(1), f"trong phần {refs[0]}") if m else None


# "thi" typed without accents is a topic in "thi hành", "thi đua", "kỳ thi"; elsewhere it is "thì"
_THI_NAMED = re.compile(r"\bthi (?:hanh|dua|dau|cu|tuyen|cong|sinh)\b|\b(?:ky|cuoc|de|bai|phong) thi\b")


# "Ở QH thì …", "Còn trong Quốc hội thì …": where, within what the earlier turn pointed at
_SETTING_THEN = re.compile(r"^\W*(?:con |vay |the )?(?:o|trong|tai|ben)\s+(?:\w+\s+){1,6}?thi\b")


def plan_turn(q: Question, previous: list[Question], common: frozenset[str] = frozenset(),
              knows: Callable[[str], bool] | None = None, held: frozenset = frozenset(),
              reread: Callable[[str], Question] | None = None) -> TurnPlan:
    """``common``: syllables so frequent in the corpus that they name no topic ("thực hiện");
    ``knows``: whether the corpus uses a syllable — a short question whose few topic words the
    corpus never uses ("áp dụng với ai?") asks about the earlier turn's topic in its own words;
    ``held``: the documents the corpus holds, as (type, number); ``reread``: analyses a text
    as a question (a follow-up that points at a cited document is read with its name)."""
    if not previous:
        return TurnPlan("standalone", q, "", False)
    prev = previous[-1]
    kinds = _kinds_pointed(q.text)
    named = [(k, n) for k, n in zip(prev.doc_keys, prev.doc_numbers) if not kinds or k[0] in kinds]
    # "Kết luận 21 là của hội nghị nào?" → "Ban hành ngày nào?": a date asked of no document, after a
    # turn about documents the plan only cites, is asked of them, as if pointed at
    dated = asks_of_pointed_document(q) or \
        (not q.doc_keys and _issue_date_asked(q) and bool(named) and all(k not in held for k, _ in named))
    if dated and named and not _answered_by_document(q, prev, kinds):
        # "nó ban hành ngày nào?", "kết luận đó ký hồi nào?" after a turn that names a document (of
        # the kind pointed at): a document the plan cites is read as if the question named it; the
        # plan itself answers from its register
        cited = [n for k, n in named if k not in held]
        if not cited:
            return TurnPlan("standalone", q, "", False)
        if reread is not None:
            return TurnPlan("standalone", reread(f"{cited[-1]} {q.text}"), "", False)
    # a turn with no topic of its own that leaned on a task ("Làm khi nào?" after "… phòng, chống
    # tham nhũng") dates that task, not the document
    task_before = any(p.topic or p.bodies or p.refs or p.item_numbers for p in previous[:-1])
    if (prev.kind == "meta" or _issue_date_asked(prev) or prev.kind == "when" and not prev.topic and not task_before) \
            and q.kind == "where" and not q.topic and not q.refs and reread is not None:
        # "ban hành ngày nào?" → "ở đâu?": where the document was signed, not a place in it
        q = reread(f"{q.text.rstrip(' ?')} ban hành ở đâu?")
    if q.kind == "meta" and q.meta_field not in _TOPIC_FIELDS and not q.doc_keys and not dated \
            and all(k in held for k in prev.doc_keys) and not _POINTING.search(fold(q.text)):
        # "ai ban hành?" after any turn about the plan: a field of the document's register is the
        # whole question, whatever the earlier turn's topic was; "nội dung chính?" after a part
        # still leans on that turn, and so does "kết luận đó ban hành ngày nào?" (``cited_in_topic``)
        return TurnPlan("standalone", q, "", False)
    folded = fold(q.text).strip()
    points = [n for n in q.item_numbers if n.split()[0] in _POINT_NOUNS]
    if points and len(points) == len(q.item_numbers) and not (q.refs or q.bodies or q.doc_keys) and reread is not None:
        # "Mục IV.1 có mấy ý? || Ý thứ hai nói gì?": a point named by its number alone (every part numbers its
        # points anew) is one of the part the nearest earlier turn named, or of the body it named
        # (the document held, named, is no other place: "KH 03 có giao nhiệm vụ cho Đảng đoàn QH ko?")
        earlier = next((p for p in reversed(previous) if p.refs or p.bodies or set(p.doc_keys) - held), None)
        cited = earlier is not None and bool(set(earlier.doc_keys) - held)
        if earlier is not None and len(earlier.refs) == 1 and not (earlier.bodies or cited):
            return TurnPlan("standalone", reread(f"{q.text.rstrip(' ?.!')} trong mục {earlier.refs[0]}?"), "", False)
        if earlier is not None and len(earlier.bodies) == 1 and not (earlier.refs or cited):
            # "Đảng đoàn Quốc hội có nhiệm vụ gì? || Điểm thứ hai nói gì?": a point of what that body is given
            return TurnPlan("standalone", reread(f"{q.text.rstrip(' ?.!')} về {earlier.bodies[0]}?"), "", False)
    if q.bodies and not (q.refs or q.item_numbers or q.doc_keys) and reread is not None \
            and _SETTING_THEN.match(fold(q.text).lower()) and not prev.bodies \
            and len(prev.refs) + len(prev.item_numbers) == 1:
        # "Nhiệm vụ số 5 nói về cái gì? || Ở QH thì áp dụng cho ai?": a body named as where, within the place the
        # earlier turn pointed at, narrows that place; it is no new topic
        place = prev.refs[0] if prev.refs else prev.item_numbers[0]
        said = f"mục {place}" if prev.refs else place
        return TurnPlan("standalone", reread(f"{q.text.rstrip(' ?.!')} trong {said}?"), "", False)
    part = _pointed_part(fold(q.text), prev.refs)
    if part and not q.refs and reread is not None and len(fold(q.text)) == len(q.text):
        # "Phần I nói gì? || Có yêu cầu kiểm tra giám sát trong phần đó không?" (or "Trong đó có …?"): the
        # part the earlier turn named, with a topic of the turn's own, is where to look for it
        # (a topic of the corpus's commonest words is one still when it takes several: "công tác cán bộ")
        rest = [t for t in q.topic if t not in _PART_WORDS]
        if len(rest) >= 2 or any(t not in common for t in rest):
            start, end, words = part
            return TurnPlan("standalone", reread(f"{q.text[:start]}{words}{q.text[end:]}"), "", False)
    pointing = bool(_POINTING.search(folded)) or dated
    shape = [m.group(0) for m in _NEW_TOPIC.finditer(folded)]
    new_topic_shape = bool(shape)
    # the shape's own words name no topic: typed without accents "thi" ("thì") is no stop word
    shape_words = {w for said in (*shape, *(m.group(0) for m in _ELABORATION.finditer(folded))) for w in said.split()}
    # "Khóa mấy?": the term asked is the slot, asked of the earlier turn's topic
    # … and the words that ask how often are the slot too ("bao lâu một lần?", "theo đợt hay liên tục?")
    asked = ordinal_words(q.text) if q.kind == "count" else asking_words(folded) if q.kind == "when" else frozenset()
    # ("… || Sau đó thì tới ai?": the next one after the earlier turn's point is the slot)
    asked |= {w for m in NEXT_ASKED.finditer(folded) for w in m.group(0).split()}
    if asks_yes_no(folded):
        asked |= rhythm_words(q.text)  # "Làm hằng năm hả?": the rhythm checked is the slot, of the earlier task
    topic = [t for t in q.topic if t not in common and t not in shape_words and t not in asked]
    if not q.accented and "thi" in topic and not _THI_NAMED.search(folded):
        topic.remove("thi")  # "bao gio thi lam xong?": typed without accents, "thì" is no topic
    # ("còn các cơ quan báo chí thì sao?": an actor named is a topic, though "báo" also asks and "chí" is
    # common; not one the whole corpus names, "còn đảng viên thì sao?")
    has_topic = len(topic) >= 1 or bool(q.bodies) or bool(q.refs) or bool(q.item_numbers) or bool(q.doc_keys) \
        or any(set(fold(a).lower().split()) - common for a in find_actors(q.text))
    own_words = knows is not None and 0 < len(topic) <= 2 and not (q.bodies or q.refs or q.item_numbers or q.doc_keys) \
        and not any(knows(t) for t in (q.topic_accented if q.accented else topic))
    # "Nằm ở nhiệm vụ số mấy của phần III?": the part named is where to look for the earlier turn's topic
    within_part = q.kind == "where" and bool(q.refs) and not topic and not (q.bodies or q.item_numbers or q.doc_keys) \
        and bool(_IN_PART.search(folded))
    # "Gắn với chương trình nào?": a turn with no subject of its own, opening with how the earlier
    # turn's task relates to something, asks about that task
    relating = bool(_RELATING.match(folded)) and len(topic) <= 3 and not (q.bodies or q.refs or q.doc_keys)
    # "Xã biên giới có phải làm không?", "chi bộ bệnh viện có phải tham gia không?": a yes/no whose verb
    # takes no object asks whether the one it names takes part in the earlier turn's task
    bare = not (q.refs or q.item_numbers or q.doc_keys) and asks_yes_no(folded) and BARE_ACT.search(folded) is not None
    # "trích nguyên văn câu đó": the reply's form asked, of the earlier turn's topic
    if pointing or not has_topic or within_part or relating or (own_words and not new_topic_shape) \
            or only_requests(q.raw) or bare:
        if q.kind == "meta" and q.meta_field == "Tên văn bản" and not q.doc_keys and prev.kind != "meta":
            # "nội dung chính là gì?" after "nhiệm vụ đổi mới Mặt trận … nằm ở đâu?": the gist of that
            # turn's topic, not the document's name
            q = Question(**{**q.__dict__, "kind": "what", "meta_field": None})
        return TurnPlan("same_topic", q, leaned_on(previous, common), True)
    if new_topic_shape and len(topic) <= 6:
        # ("còn báo chí thì phải làm gì?" asks what, whatever the turn before asked)
        kind_words = q.kind != "what" or bool(_OWN_WHAT.search(folded))
        kind = q.kind if kind_words else prev.kind
        if not kind_words and prev.kind == "who" and q.bodies:
            kind = "what"  # "còn <body> thì sao?" after a who-question: what that body does
        inherited = Question(**{**q.__dict__, "kind": kind,
                                "meta_field": q.meta_field if kind_words else prev.meta_field,
                                "role": q.role if kind_words else prev.role})
        return TurnPlan("new_topic", inherited, "", False)
    return TurnPlan("standalone", q, "", False)
