"""count: "bao nhiêu / mấy <unit>".

Units of the document's own structure ("bao nhiêu nhiệm vụ trọng tâm") are answered
by counting a section's parts; any other unit ("bao nhiêu giờ", "mấy lần") needs a
clause that gives a number in that unit — a plan that gives none does not answer.
"""

from __future__ import annotations

import re

from ...text import collapse, fold
from ..passages import clip, clip_around, segments, span
from .base import FRONT_KINDS, YES_NO, Kind, load_slots
from ...types import Hit
from .where import PLACE_ASKED, named_title, sections_answer

_PLACE = re.compile(rf"\b{PLACE_ASKED}\b")
# "<phrase with mấy> thì <what is asked>": topic and comment
_TOPIC = re.compile(r"\b(may|bao nhieu)\b.*?\bthi\b(.*\b(sao|the nao|ra sao|gi|lam gi|khi nao|bao gio|ai|nao|o dau"
                    r"|khong|ko|hong|hok|chua|ha(?=\W*$))\b.*)$")


# "mấy" opening the question, before a thing the rest asks something else about, is "those" (Southern
# and everyday speech): "dạ mấy buổi học nghị quyết hay buồn ngủ, kế hoạch có bảo làm hấp dẫn hơn không?",
# "Mấy vụ án tham nhũng bự làm mất tiền nhà nước, KH kêu mần sao dzậy?",
# "Ở huyện mấy cơ quan tư pháp phải làm gì?"; "mấy năm" (a length of time) stays a count
_THOSE = re.compile(r"^(?:(?:da|thua|the|vay|con|ma|o \w+)\s+)?may\s+(?!lan\b|nam\b|thang\b|ngay\b|tuan\b|quy\b|gio\b"
                    r"|tieng\b|nguoi\b)\w+.*\b(lam gi|the nao|ra sao|(?:lam|man|tinh|xu ly) sao|khong|ko|hong|hok|chua)"
                    r"(?:\W+(?:theo|trong) (?:ke hoach|van ban)(?: nay| 03)?)?\W*(?:(?:a|vay|dzay|zay|nhi|nhe|hihi|z|v|ta|ha|ne|anh|chi|em|ban|bac|chu|co)\W*)*$")
# … and "mấy" before a thing a when-question asked after it is about: "Thời hạn mấy tỉnh ủy ban hành kế
# hoạch là khi nào?", "soạn tài liệu cho mấy buổi họp ở dưới, hạn chót là khi nào" (not "mấy lần, bắt đầu
# bao giờ": a count, then a time)
_THOSE_WHEN = re.compile(r"\bmay\s+(?!lan\b|nam\b|thang\b|ngay\b|tuan\b|quy\b|gio\b|tieng\b)\w+(?: \w+){2,}?"
                         r".*\b(?:khi nao|bao gio|han chot|han cuoi|thoi han)\b"
                         # … or asked before it: "Lúc nào thì bắt đầu mấy vụ kiểm điểm hằng năm?"
                         r"|^\W*(?:luc nao|khi nao|bao gio|hoi nao|chung nao|thoi diem nao)\b(?:(?!\bmay\b).)*"
                         r"\bmay\s+(?!lan\b|nam\b|thang\b|ngay\b|tuan\b|quy\b|gio\b|tieng\b|buoc\b|dot\b)\w+ \w+")
# "mấy lần trước", "mấy đợt vừa qua": the last few (rounds, years, terms), no number asked ("… có rút kinh
# … and "mấy" before a thing a question asks something else of after it, how or whether, not which:
# "Chi bộ tôi có mấy người chia bè kéo cánh — cấp ủy cấp trên xử lý ra sao?", "Tiền bị mất trong mấy vụ tham ô
# có đòi lại được không?" (a measure, a part of the document or a step stays a count: "mấy lần, từ bao giờ?")
_COUNTED = (r"(?!(?:lan|nam|thang|ngay|tuan|quy|gio|tieng|tiet|buoi|phan|muc|chuong|nhiem vu|noi dung|y|buoc|dot|diem"
            r"|dieu|khoan|cau|van ban|ban|nguoi ky)\b)")
_THOSE_ASKED = re.compile(rf"\bmay\s+{_COUNTED}\w+.*?"
                          r"\b(?:(?:lam|man|tinh|xu ly|giai quyet) (?:gi|sao|the nao|ra sao)|ra sao|the nao"
                          r"|nhu the nao|co \w+(?: \w+){0,6} (?:khong|ko|hong|hok|chua)\b)"
                          # … or inside a yes/no question opened before it ("KH có nói bảo vệ mấy cán bộ dám làm hông?";
                          # not "Chi bộ có mấy đảng viên không?", whose "có mấy" counts)
                          rf"|\bco (?!may\b)(?:\w+ ){{1,6}}may\s+{_COUNTED}\w+.*\b(?:khong|ko|hong|hok|chua)\b")
# nghiệm mấy đợt chỉnh đốn trước không?"; not "mấy lần trước khi …")
_PAST_FEW = re.compile(r"\bmay (?:lan|dot|nam|khoa|nhiem ky|ky|dip|cuoc)(?: \w+){0,3}? (?:truoc|vua qua|vua roi|gan day"
                       r"|truoc day|truoc do|qua)\b(?! khi\b)")
# a time asked beside a count of times ("mấy lần, bắt đầu bao giờ?", "từ năm nào, làm mấy lần?")
_TIME_TOO = re.compile(r"\b(?:bao gio|khi nao|luc nao|nam nao|tu nam|thoi gian nao|thoi diem nao|bat dau)\b")
# after a who-question, "mấy" still counts before a time, a step or a round ("do ai tổ chức, gồm mấy bước?")
_COUNTED_AFTER_WHO = re.compile(r"(?:lan|nam|thang|ngay|tuan|quy|gio|tieng|buoc|dot|ban)\b")
# "mấy cơ quan đó", "mấy việc này": those things, pointed at
_THOSE_HERE = re.compile(r"(?:\w+ ){1,2}?(?:do|nay|ay|kia)\b")
# the verbs a count is asked with, right before "mấy" ("có mấy", "gồm mấy", "chia làm mấy")
_COUNT_VERB = re.compile(r"\b(?:co|gom|bao gom|chia (?:lam|thanh)|la|duoc|con|tat ca|tong cong)\s+$")
# what a figure measures ("mấy lần một tháng", "mấy giờ", "mấy phần trăm"): counted in any question
_MEASURED = re.compile(r"(?:lan|gio|tiet|buoi|tieng|phan tram|ty|trieu|dong|ngay|tuan|thang|nam|quy|dot|khoa|lop"
                       r"|chi tieu|diem|cau)\b")
# how a thing is spoken of, asked after it
_HOW_ASKED = re.compile(r"\b(?:the nao|ra sao|nhu the nao)\b")
_TOP_UNITS = ("muc", "phan", "chuong", "muc lon", "phan lon")
# what a question about the document's own parts may say besides naming it ("tất cả bao nhiêu phần lớn")
# ("… mấy phần, tên từng phần?", "… mấy phần rứa em?": their names asked too, a particle of speech)
_PARTS_ASKED = frozenset("phan muc lon chinh tat ca tong cong gom chia lam thanh nhung cac bao nhieu may co kh tw"
                         " ten tung moi ni nay rua the vay a em anh chi nhi ha"
                         # the whole text named as such ("toàn văn", "bản đầy đủ", "bản gốc có mấy phần?")
                         " toan van ban day du goc".split())
_DAY_ASKED = re.compile(r"\bngay (?:bao nhieu|may)\b")
_TIME_UNITS = re.compile(r"(ngay|tuan|thang|nam|quy|lau)\b")
# ("định kỳ mấy năm một lần" asks how often: "kỳ" of a period is no session)
_ORDINAL = re.compile(r"\b(lan|khoa|dot|ky hop|(?<!dinh )ky|phien|hoi nghi)\s+(thu\s+)?(may|bao nhieu)\b|\b(khoa)\s+nao\b")
# "Bộ Chính trị khóa mấy / khóa nào ban hành?": the term of a body is asked, not the document's data
TERM_ASKED = re.compile(r"\bkhoa\s+(?:thu\s+)?(?:may|bao nhieu|nao)\b")
# How long something lasts ("kéo dài mấy ngày", "học trong bao lâu", "bao nhiêu tháng"): a length
# of time, which a deadline or a point in time does not give. "Bao lâu một lần" asks how often
# (a "when"), as "mấy năm (lấy) một lần" does; "sau bao lâu" asks when.
_DURATION = re.compile(
    r"\b(?:thoi (?:gian|luong)\b.*\bla (bao lau)|(?:keo dai|dien ra|mat|trong vong|trong|thoi luong|thoi gian|hoc|tap huan|boi duong)\s+(bao lau)"
    r"|(?<!sau )(?<!truoc )(?<!thang )(?:bao nhieu|may)\s+(ngay|tuan|thang|nam|tieng)(?!\s+nao)(?!\s+(?:\w+\s+){0,5}(?:mot|1)\s+lan)(?!\s+thi)(?!\s+nua)(?!\s+(?:la\s+)?(?:phai\s+)?(?:xong|hoan thanh))"
    # "tháng mấy năm 2022", "tháng mấy năm nào" (a point in time), "mấy năm trước / qua / gần đây" (a few
    # years), "mấy tháng đầu năm"
    r"(?!\s+\d)(?!\s+(?:truoc|qua|gan day|dau|cuoi)\b))\b")
# an event's own length, asked: "họp", "học", "buổi", a conference — not the time given to finish a task or a
# campaign ("đợt sinh hoạt chính trị kéo dài bao lâu?": its deadline, "hoàn thành trong quý I/2022", answers)
_LASTING = re.compile(r"\b(hop|hoc|buoi|lop|tap huan|boi duong|thoi luong|du bi|hoi nghi)\b")
# Numbers as words, accented: "hai năm", "mười ngày".
_NUMBER_WORDS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm"


# "bộ máy" folds to "bo may", as "mấy" does: typed with accents, "máy" (a machine, an apparatus) asks no
# count; "mấy mức" (levels) folds to "may muc", as "mấy mục" (parts of the document) does
_MACHINE = re.compile(r"(?<!\w)(máy|mức)(?!\w)", re.IGNORECASE)


def _count_folded(text: str) -> str:
    """The folded question, "máy" and "mức" (with their accents typed) kept apart from "mấy" and "mục"."""
    return fold(_MACHINE.sub(lambda m: m.group(0) + "_", text))


# "Kế hoạch gồm những phần (chính) nào?", "có cấu trúc thế nào": the document's own top-level parts,
# listed as their count is (the whole ask: "có phần nào nói về cải cách hành chính không?" asks where)
_PARTS_LISTED = re.compile(r"\b(?:(?:gom|chia (?:thanh|lam)|co (?:nhung|cac)) (?:nhung |cac )?(?:phan|muc)(?: chinh| lon)?"
                           r" (?:nao|gi)(?=(?:\s+(?:vay|a|the|nhi|nhe|ha))*\s*[?.!]*\s*$)"
                           r"|cau truc (?:gom|the nao|ra sao|nhu the nao)"
                           # "Các phần chính của kế hoạch là gì?", "4 phần chính của KH là gì ạ?": the parts named
                           r"|(?:^|\s)(?:cac|nhung|\d|hai|ba|bon|nam|sau) (?:phan|muc)(?: chinh| lon)?"
                           r"(?: cua (?:ke hoach|kh|van ban)(?: nay| 03| ni)?)? (?:la|gom) (?:nhung )?gi"
                           r"(?=(?:\s+(?:vay|a|the|nhi|nhe|ha))*\s*[?.!]*\s*$))")


def _unit_after_count(folded: str, slots) -> tuple[str, str] | None:
    """(role, unit) asked by "bao nhiêu / mấy <unit>" or "<unit> thứ mấy".

    Units of the document's structure come first; time units are "when"; any other word
    after "bao nhiêu" is a unit a figure would be given in ("bao nhiêu bí thư").
    """
    m = _ORDINAL.search(folded)
    if m:
        return "ordinal", m.group(1) or m.group(4)
    if _PARTS_LISTED.search(folded):
        return "structure", "muc"
    m = _DURATION.search(folded)
    # "sau khi học tập xong thì … xây dựng kế hoạch trong bao lâu?": what is done before "thì" only dates
    # the task asked after it
    then = folded.rfind(" thi ", 0, m.start()) if m else -1
    asked = folded[then + len(" thi "):] if then >= 0 else folded
    if m and not (slots.pattern("count", "completion").search(folded) and not _LASTING.search(asked)):
        return "duration", m.group(3) or "lau"
    if m:  # "xây dựng kế hoạch trong bao lâu?": the time given to finish a task, which its deadline answers
        return None
    for m in re.finditer(r"\b(bao nhieu|may|so luong|ty le)\s+", folded):
        rest = folded[m.end():]
        if m.group(1) == "may" and YES_NO.search(folded) and slots.pattern("count", "indefinite").match(rest):
            continue  # "Có che chắn cho mấy người dám nghĩ dám làm không?": some people, no count asked
        if m.group(1) == "may" and _THOSE_HERE.match(rest):
            continue  # "yêu cầu gì với mấy cơ quan đó?": those bodies, pointed at
        if m.group(1) == "may" and not _COUNT_VERB.search(folded[:m.start()]) and not _MEASURED.match(rest) \
                and (_HOW_ASKED.search(rest) or YES_NO.search(folded)):
            # "hỏi mấy cơ quan công an, tòa án được nhắc thế nào?", "có set deadline cho mấy việc không hay …":
            # those (some) things; how they are spoken of, or whether, is asked (not "có mấy nhiệm vụ")
            continue
        if m.group(1) == "may" and folded[:m.start()].endswith(("so ", "thu ")):
            continue  # "là (nhiệm vụ) số mấy trong phần III?": a place in the document, no count
        if m.group(1) == "may" and re.search(r"\bai\b(?! cung\b)", rest):
            continue  # "mấy cơ quan chống tham nhũng thì ai canh chừng?": those bodies; who is asked
        if m.group(1) == "may" and re.search(r"\bai\b(?! cung\b)", folded[:m.start()]) \
                and not _COUNTED_AFTER_WHO.match(rest):
            continue  # "ai lo đưa mấy ý của TW vô bộ luật?": those points; who is asked ("ai … mấy bước" counts)
        compound = slots.pattern("count", "compound").match(rest)
        if compound:  # "bao nhiêu mục tiêu": a figure in that unit, not the document's parts
            return "unit", compound.group(0)
        unit = slots.pattern("count", "structure").match(rest) or \
            re.match(r"\w+\s+" + slots.pattern("count", "structure").pattern, rest)
        if unit:
            return "structure", unit.group(unit.lastindex or 0)
        if _TIME_UNITS.match(rest):
            return None
        unit = slots.pattern("count", "unit").match(rest)
        if unit:
            return "unit", unit.group(0)
        word = re.match(r"(\w+)", rest)
        if word and m.group(1) != "may" and word.group(1) not in ("la", "thi", "vay", "a", "nhi", "the"):
            return "unit", word.group(1)
    return None


def ordinal_words(text: str) -> frozenset[str]:
    """The folded syllables naming what an ordinal question asks of ("khóa mấy?" → {"khoa"}): the
    slot asked, no topic of the question's own."""
    folded = fold(text)
    m = _ORDINAL.search(folded)
    if not m:
        return frozenset()
    # "nhiệm kỳ khóa mấy?": the term of office the ordinal numbers is the slot too
    term = {"nhiem", "ky"} if re.search(r"\bnhiem k[yi]\s+$", folded[:m.start()]) else set()
    return frozenset(m.group(0).split()) - {"thu", "may", "bao", "nhieu", "nao"} | term


def _figure(role: str, unit: str) -> re.Pattern:
    """How a clause gives the figure asked, on its folded text: a count is a number before its unit
    ("40 giờ", "hai lần": not "lần thứ XIII", which is an ordinal); an ordinal is the unit before
    its number ("khóa XV", "lần thứ XIII"); a duration is a number of days, weeks, months or years
    ("06 tháng", "hai năm": not "tháng 12/2021", a point in time)."""
    numbers = rf"\d+([.,]\d+)?|{fold(_NUMBER_WORDS)}"
    if role == "ordinal":
        return re.compile(rf"\b{re.escape(unit)}\s+(thu\s+)?(\d+|[ivxlc]+)\b")
    if role == "duration":
        return re.compile(rf"\b({numbers})\s*(ngay|tuan|thang|nam|gio|tieng)\b(?!\s*\d)")
    return re.compile(rf"\b({numbers})\s*{re.escape(unit)}\b")


def _cut_inside(part, ctx) -> str | None:
    """Where the copy of ``part``'s document stops, when it stops inside ``part``."""
    cut = next((last for held, last in ctx.info.truncated if held == part.doc_id), None)
    return cut if cut is not None and cut.startswith(part.ref + ".") else None


class Count(Kind):
    name = "count"

    def detect(self, text: str, folded: str) -> bool:
        folded = collapse(_PAST_FEW.sub(" ", collapse(_count_folded(text))))
        if _PLACE.search(folded):  # "nằm ở mục mấy phần III": which part, a place
            return False
        if _THOSE.search(folded) or _THOSE_WHEN.search(folded) or _THOSE_ASKED.search(folded):
            return False
        if _DAY_ASKED.search(folded):  # "ngày bao nhiêu?": which day, a date (not "bao nhiêu ngày")
            return False
        topic = _TOPIC.search(folded)
        if topic and _unit_after_count(topic.group(2), load_slots()) is None:
            # "Mấy vụ án lớn thì kế hoạch bảo làm sao?": the "mấy" phrase is the topic, what follows
            # "thì" asks; a count asked after it ("… thì thu hồi bao nhiêu?") is still a count
            return False
        unit = _unit_after_count(folded, load_slots())
        if unit == ("unit", "lan") and _TIME_TOO.search(folded):
            # "làm mấy lần, từ bao giờ?": how often and since when, which the task's rhythm and start say
            # ("hằng năm, từ năm 2022"): a time
            return False
        return unit is not None

    @staticmethod
    def _whole_document(q, role: str, unit: str) -> bool:
        """"Kế hoạch có bao nhiêu mục?": the document's own top-level parts, not a section's."""
        return role == "structure" and unit in _TOP_UNITS and not q.refs


    def _asked(self, q, ctx):
        return _unit_after_count(_count_folded(q.text), ctx.slots)

    def closest(self, q, hits, ctx):
        """"Kế hoạch có mấy phần?" of a copy cut off: it cannot say how many parts the whole has, but
        it can say which it holds and where it stops."""
        asked = self._asked(q, ctx)
        if asked is not None and asked[0] == "structure" and hits and not self._whole_document(q, *asked):
            return self._cut_part(q, hits, ctx)
        if asked is None or not self._whole_document(q, *asked) or not hits:
            return None
        from ...question import document_words  # question.py reads the kinds: imported when used

        # the document held, and nothing else named ("Điều lệ Đảng có bao nhiêu chương?" is another's)
        if any(key not in ctx.info.own_doc_keys for key in q.doc_keys) or {t for t in q.topic if not t.isdigit()} - _PARTS_ASKED - document_words():
            return None
        doc = hits[0].clause.doc_id
        cut = next((last for held, last in ctx.info.truncated if held == doc), None)
        sections = ctx.sections(doc)
        if cut is None or not sections:
            return None
        head = (f"Không biết toàn văn gồm bao nhiêu mục: bản trong kho dừng ở {cut}, sau {len(sections)} mục "
                f"({sections[0].ref}–{sections[-1].ref}): ")
        each = max(24, min(60, (ctx.config.answer_max_chars - len(head)) // len(sections) - 2))
        return clip(head + "; ".join(clip(c.label, each) for c in sections), ctx.config.answer_max_chars - 1) + ".", \
            sections[0]

    def _cut_part(self, q, hits, ctx):
        """"Phần IV có mấy mục?" of a copy cut off inside that part: the parts it keeps, and where it stops."""
        part = self._named_part(q, hits[0].clause, ctx) or hits[0].clause
        cut = _cut_inside(part, ctx)
        kids = ctx.children(part)
        if cut is None or not kids:
            return None
        name = part.text if part.kind == "heading" else part.label
        return (f"Không biết toàn văn {clip(name, 60)} ({part.ref}) gồm bao nhiêu nội dung: bản trong kho dừng ở {cut}, "
                f"giữ {len(kids)} nội dung ({span(kids)})."), kids[0]

    def missing(self, q, ctx) -> str | None:
        asked = self._asked(q, ctx)
        if asked and asked[0] == "duration":
            return "thời lượng của việc này (kế hoạch nêu mốc và thời hạn, không nêu kéo dài bao lâu)"
        return None

    def holds_answer(self, q, clause, ctx) -> bool:
        asked = self._asked(q, ctx)
        if asked is None:
            return True
        role, unit = asked
        if self._whole_document(q, role, unit):
            return bool(ctx.sections(clause.doc_id))
        if role == "structure":
            part = self._named_part(q, clause, ctx) or clause
            if q.refs and part.ref not in q.refs:
                return False  # "Phần IV có mấy mục?": the part named is counted, not another
            # a part the copy is cut off inside ("Phần IV có mấy mục?" of a copy that stops at IV.1.2) holds
            # only the count of what the copy keeps
            return bool(ctx.children(part)) and _cut_inside(part, ctx) is None
        return bool(_figure(role, unit).search(fold(clause.text)))

    def front_sources(self, q, hits, ctx):
        """"Kết luận 21 là TW khóa mấy?": the term of a document the front matter cites ("… KẾT LUẬN SỐ
        21-KL/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII" in the heading) when the best clause is front
        matter that cites it without the term (the preamble)."""
        if not hits or hits[0].clause.kind not in FRONT_KINDS or not TERM_ASKED.search(fold(q.text).lower()):
            return []
        doc = hits[0].clause.doc_id
        return [c for c in (ctx.front(doc, "header"), ctx.front(doc, "title")) if c is not None]

    @staticmethod
    def _named_part(q, clause, ctx):
        """"Phần mục đích, yêu cầu gồm mấy ý?": the part the question names by its title, if any."""
        return named_title(q, [Hit(clause, 0.0)], ctx)

    def answer(self, q, hits, ctx) -> str | None:
        asked = self._asked(q, ctx)
        if asked is None:
            return None
        role, unit = asked
        if self._whole_document(q, role, unit):
            return sections_answer(hits[0].clause, ctx)
        named = self._named_part(q, hits[0].clause, ctx) if role == "structure" else None
        front = [Hit(c, hits[0].score) for c in self.front_sources(q, hits, ctx)]
        for hit in ([Hit(named, hits[0].score)] if named is not None else []) + hits[:3] + front:
            clause = hit.clause
            if role == "structure":
                kids = ctx.children(clause)
                if kids:
                    name = clause.text if clause.kind == "heading" else clause.label
                    return f"{len(kids)} nội dung ({span(kids)}), thuộc {clip(name, 80)} ({clause.ref}).", clause
            else:
                for part in segments(clause.text):
                    found = _figure(role, unit).search(fold(part))
                    if found:  # fold keeps every character's place: the figure stays in view
                        if role == "ordinal":  # "khóa mấy?": the term first ("Khóa XIII"), then where it is said
                            # ("lần thứ XIII": the numeral in capitals, not "thứ")
                            words, number = part[found.start():found.end()].rsplit(None, 1)
                            head = f"{words.capitalize()} {number.upper()} ({clause.ref}): "
                            room = ctx.config.answer_max_chars - len(head) - 1
                            said = clip_around(part, found.start(), found.end(), room).rstrip(" .;:")
                            return head + said + ("" if said.endswith("…") else "."), clause
                        text = clip_around(part, found.start(), found.end(), ctx.config.answer_max_chars - 12)
                        return f"{text} ({clause.ref}).", clause
        return None
