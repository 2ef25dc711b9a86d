"""when: the timing or deadline of a task ("khi nào", "thời hạn", "bao lâu")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...text import collapse, fold, has_diacritics
from ..claims import (TRUE, claims_a_rhythm, confirmed_word, day_verdict, is_claim, rhythm_verdict, rhythm_said,
                      timing_verdict, without_lead)
from ..passages import clip
from .base import Kind, asks_yes_no
from .meta import Meta

# an exact day, or month, insisted on: "đúng ngày mấy", "ngày cụ thể nào (ngày/tháng)", "cụ thể là tháng nào"
_EXACT_ASKED = re.compile(r"\b(?:chinh xac(?: la)?|dung|cu the(?: la)?) (ngay|thang)\b|\b(ngay|thang) (?:cu the|chinh xac)\b"
                          r"|\b(ngay)/thang\b")

_RHYTHM = (r"(lien tuc|thuong xuyen|quanh nam|luc nao cung lam) hay (la )?(lam |thuc hien )?(theo|tung) dot"
           r"|(theo|tung) dot hay (la )?(lam |thuc hien )?(lien tuc|thuong xuyen|quanh nam|luc nao cung)")

# a rhythm offered against doing it once: "học đều đều hay một lần là xong?"
_ONCE = r"hay (?:chi )?(?:1|mot) lan (?:la xong|thoi|duy nhat)"

PATTERN = re.compile(
    # ("thời gian qua / tới / gần đây": a while past or to come, no time asked)
    r"\b(ngay bao nhieu|thang may|nam may|ngay may|ngay nao|cham nhat|han cuoi|khi nao|bao gio|thoi han|ky han"
    r"|thoi gian(?! (?:qua|toi|gan day|vua qua|sap toi|dai|ngan)\b)"
    r"|luc nao|nam nao|thang nao|quy nao|han chot|tien do|moc thoi gian|thoi diem|den bao gio|may gio"
    r"|hoan thanh truoc|bao lau|dinh ky|thuong xuyen khong|bao nhieu (ngay|tuan|thang|nam)|may (ngay|tuan|thang|nam)(?! (?:qua|truoc|gan day|vua qua|nay)\b)"
    r"|lich trinh|han (hoan thanh|nop)|nam (2021|2022|2023)|tan suat|chu ky (nao|gi|ra sao|the nao)"
    r"|(nam|thang|quy|tuan) thu (may|bao nhieu)|vao (nam|thang|quy) nao|quy may"
    # the rhythm offered both ways: "làm liên tục hay làm theo đợt?", "theo đợt hay lúc nào cũng làm?"
    rf"|{_RHYTHM}"
    # "xong trong khoảng nào", "hoàn thành vào giai đoạn nào"
    r"|(xong|hoan thanh)( \w+){0,2} (trong|vao) (khoang|giai doan|dip)( thoi gian)? nao"
    # chat shorthand: "tg?" (thời gian; "Ban TG" is Tuyên giáo); English ("deadline") is read as
    # Vietnamese before (data/english.tsv)
    r"|(?<!ban )tg|dip nao|han nao"
    # "rơi vào khoảng nào", "mình cần mốc": a moment asked ("cột mốc" is a border marker)
    r"|roi vao (?:(?:khoang|dip|luc|thoi diem|thoi gian|giai doan|thang|nam|quy)(?: \w+)? nao|khi nao|bao gio)"
    # "có mốc nào rơi vào năm 2022 không?": a moment in the year, month or quarter named
    r"|roi vao (?:nam|thang|quy) [\divx]+(?:/\d{4})?"
    r"|(?<!cot )moc (?:nao|gi|may)|(?:can|xin|cho) (?:cai )?moc(?! \w)"
    # "có mốc không?": whether a time is set
    r"|(?<!cot )co (?:cai )?moc (?:khong|ko|k|hong|hok|chua)"
    # "đều đều hay một lần là xong?": how often, offered
    rf"|{_ONCE}"
    # Southern "hồi nào" typed without accents, asking at the end ("học hồi nào vậy?"; not "đại hội nào",
    # "Quốc hội nào"; typed with accents, "hội nào" is no "hồi": ``When.detect``)
    r"|(?<!dai )(?<!quoc )hoi nao(?=(?:\W+(?:vay|v|z|ta|ha|a|nhi|the))*\W*$)"
    # Central "khi mô", "lúc mô" typed without accents; "Hạn …?" opening a question (not "hạn chế")
    r"|(khi|luc|hoi) mo(?= *[?.!]*$)|^han (?!che\b)"
    # an exact day or month insisted on ("chính xác ngày", "ngày cụ thể nào", "cụ thể là tháng nào")
    rf"|{_EXACT_ASKED.pattern}"
    # a deadline stated to be checked: "phải xong trước hết tháng 3/2022", "xong trong tháng 12/2021"
    r"|(xong|hoan thanh)( \w+){0,2} (thang \d{1,2}/\d{4}|quy [iv]+/\d{4}|nam \d{4})"
    r"|truoc (het )?(thang \d{1,2}/\d{4}|quy [iv]+/\d{4}))\b")


# "xong khi nào?", "đến năm nào?", "hạn chót": the end of a task is asked, not when it runs
_END_ASKED = re.compile(r"\b(xong|ket thuc|han chot|han cuoi|(?<!thoi )han nao|cham nhat|den (nam|khi|luc|thang) nao|den bao gio"
                        r"|hoan thanh (khi|luc|vao|truoc|trong)|(thoi )?han hoan thanh"
                        # "có ấn định thời hạn cụ thể không?", "trong thời hạn bao lâu phải …": a deadline
                        r"|(thoi )?han cu the|thoi han bao lau)\b")
# "bắt đầu năm nào?", "từ khi nào?": when a task starts is asked, not when it is due
_START_ASKED = re.compile(r"\bbat dau (?:tu |vao |trien khai |thuc hien |lam )?(?:khi nao|bao gio|luc nao|hoi nao"
                          r"|(?:nam|thang|quy|ngay) (?:nao|may)|tu (?:khi|luc|nam|thang) nao)\b"
                          r"|\b(?:khoi dong|khoi dau|phat dong) (?:tu |vao )?(?:khi nao|bao gio|luc nao|(?:nam|thang) nao)\b"
                          r"|\btu (?:khi|luc|nam|thang) nao\b|\btu bao gio\b")
# a timing that gives only when a task is due: "hoàn thành trong quý I/2022", "xong trước tháng 3/2022"
_DUE_ONLY = re.compile(r"^(?:hoan thanh|xong|ket thuc)\b")
# a timing with no end: "thực hiện thường xuyên", "hằng năm, từ năm 2021", "từ năm 2022"
_OPEN = re.compile(r"^(thuc hien )?(thuong xuyen|hang (nam|thang|quy)|dinh ky|tu nam \d{4})"
                   r"(,? (tu nam \d{4}|hang (nam|thang|quy)))?$")


# "bao lâu (làm) một lần", "mấy năm một lần", "mấy lần": how often, which "thường xuyên" does not say
# ("định kỳ bao lâu một lần?": the rhythm word before it asks too)
_OFTEN_ASKED = re.compile(r"\b(?:(?:dinh ky|deu dan|deu deu) )?(?:bao lau|(?:may|bao nhieu) (?:ngay|tuan|thang|quy|nam))(?: \w+){0,3} (?:mot|1) lan\b"
                          r"|\b(?:may|bao nhieu) lan\b"
                          # "hằng năm hay bao lâu?": a rhythm offered, or how long between
                          r"|\bhay bao lau(?=\W*$)"
                          rf"|\b{_ONCE}\b")  # a rhythm or once, offered
_UNTIMED = re.compile(r"^(thuc hien )?thuong xuyen$")
_DAY_GIVEN = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\bngay \d")
_MONTH_GIVEN = re.compile(r"\b\d{1,2}/\d{4}\b|\bthang \d")  # "12/2021" also ends "01/12/2021"


_RHYTHM_ASKED = re.compile(rf"\b(?:{_RHYTHM})\b")


_TERM_ASKED = re.compile(r"\bky han\b")
# the nouns that ask a time ("mốc thời gian thực hiện?", "thời điểm nào?", "hạn chót?"): the slot too
_TIME_NOUN = re.compile(r"\b(?:moc thoi gian|moc|thoi diem|han chot|thoi han)\b")



def asking_words(folded: str) -> frozenset[str]:
    """The folded syllables with which a question asks how often ("bao lâu một lần", "theo đợt hay
    liên tục"): its slot, not its topic."""
    # ("làm khi nào, định kỳ hay sao?": the rhythm offered as the answer, ``_OR_RHYTHM``, is the slot too)
    # ("có kỳ hạn không?": "kỳ hạn" asks the deadline, as "thời hạn" does)
    return frozenset(w for p in (_OFTEN_ASKED, _RHYTHM_ASKED, _OR_RHYTHM, _TERM_ASKED, _TIME_NOUN) for m in p.finditer(folded)
                     for w in m.group(0).split())


def asks_often(q) -> bool:
    """The question asks how often a task is done."""
    return bool(_OFTEN_ASKED.search(fold(q.text)))


def asks_start(q) -> bool:
    """The question asks when a task starts ("bắt đầu năm nào?"), and not also when it ends."""
    folded = fold(q.text)
    return bool(_START_ASKED.search(folded)) and not _asks_end(q.text)


def due_only(timing: str) -> bool:
    """The timing says when the task is due and nothing of when it starts ("hoàn thành trong quý I/2022")."""
    return bool(_DUE_ONLY.match(fold(timing).strip().lower()))


def asks_end(q) -> bool:
    """The question asks when a task ends or is due, not when it runs."""
    return _asks_end(q.text)


_DUE_BONUS = 0.5  # what a deadline adds to a timing's bonus where the end of a task is asked
_RELATED = 2  # the clauses after the best whose timing a reply may give as related
# "… có hạn chót không hay làm liên tục?": the rhythm offered as the other answer, which the plan may give
_OR_RHYTHM = re.compile(r"\bhay (?:la )?(?:lam |thuc hien )?(?:thuong xuyen|lien tuc|hang nam|dinh ky)\b"
                        # offered first: "làm “thường xuyên” hay có thời hạn cụ thể?"
                        r"|\b(?:thuong xuyen|lien tuc|hang nam|dinh ky|deu deu|deu dan)(?=(?:\W{0,2} (?:khong|ko|k|hong))?\W{0,2} hay\b)"
                        rf"|\b{_ONCE}\b")  # or once


@lru_cache(maxsize=256)
def _asks_end(text: str) -> bool:  # asked once per clause a question's bonus reads: remembered
    folded = fold(text)
    return bool(_END_ASKED.search(folded)) and not _OR_RHYTHM.search(folded)


def exact_asked(q) -> str | None:
    """"ngay" or "thang" when the question insists on an exact day or month, else None."""
    return _exact_asked(q.text)


@lru_cache(maxsize=256)
def _exact_asked(text: str) -> str | None:  # asked once per clause the answer check reads: remembered
    m = _EXACT_ASKED.search(fold(text))
    return next(g for g in m.groups() if g) if m else None


def gives(timing: str, unit: str) -> bool:
    """The timing names a day ("ngay") or a month ("thang"), not only a part of one ("đầu tháng 12/2021"
    names the month, not the day)."""
    folded = fold(timing)
    return bool((_DAY_GIVEN if unit == "ngay" else _MONTH_GIVEN).search(folded))


def has_end(timing: str) -> bool:
    """The timing names a moment (a month, a quarter, a term's year), not only a rhythm."""
    return not _OPEN.match(fold(timing).strip())


@lru_cache(maxsize=4096)
def _years(text: str) -> frozenset[str]:
    """The years a text names (asked once per clause of a question: remembered)."""
    return frozenset(re.findall(r"\b(?:19|20)\d\d\b", text))


# a year that names a document ("cái kế hoạch 03 của Bộ Chính trị năm 2021 là về việc gì?"), asking no time
_DOCUMENT_YEAR = re.compile(r"\b(?:ke hoach|kh|ket luan|kl|nghi quyet|nq|quy dinh|chi thi|van ban)\b(?: \w+){0,6}? nam (?:19|20)\d\d$")


class When(Kind):
    name = "when"
    max_bonus = 2.0
    pattern = PATTERN

    def detect(self, text: str, folded: str) -> bool:
        accented = has_diacritics(text)
        return any(not (m.group(0).startswith("nam ") and _DOCUMENT_YEAR.search(folded[:m.end()]))
                   and not (accented and m.group(0) == "hoi nao") for m in PATTERN.finditer(folded))

    def bonus(self, q, clause) -> float:
        if not clause.facts.timings or (asks_end(q) and not any(has_end(t) for t in clause.facts.timings)):
            return 0.0
        years = _years(q.text)
        # a timing that holds the years the question names ("cuối 2021 hay đầu 2022?") fits best
        bonus = 2.0 if years and years <= _years(" ".join(clause.facts.timings)) else 1.0
        # "phải xong trước lúc nào?": a deadline ("hoàn thành trong quý I/2022") answers an end asked
        # better than the month a task runs in
        return bonus + (_DUE_BONUS if asks_end(q) and any(due_only(t) for t in clause.facts.timings) else 0.0)

    def bonus_bound(self, q) -> float:
        return (self.max_bonus if _years(q.text) else 1.0) + (_DUE_BONUS if asks_end(q) else 0.0)

    def holds_answer(self, q, clause, ctx) -> bool:
        exact = exact_asked(q)
        if exact:  # "đúng ngày mấy?": "đầu tháng 12/2021" gives no day
            return any(gives(t, exact) for t in clause.facts.timings)
        # "xong khi nào?" of a task done "thường xuyên" or "từ năm 2022": the plan's answer is that it
        # sets no end, which the reply says with the timing it does give (``answer``)
        # "bao lâu một lần?" of a task done "thường xuyên": that is how often the plan says, with no
        # period, which the answer adds (``answer``)
        return bool(clause.facts.timings)

    def slot_required(self, q) -> bool:
        return asks_end(q) or asks_often(q) or exact_asked(q) is not None

    def missing(self, q, ctx) -> str | None:
        exact = exact_asked(q)
        if exact:
            return "ngày cụ thể" if exact == "ngay" else "tháng cụ thể"
        if asks_often(q) and not asks_end(q):
            return "việc này làm bao lâu một lần"
        return "thời hạn hoàn thành việc này"

    def gap(self, q, hits, ctx) -> str | None:
        # "Đảng đoàn Quốc hội … thời hạn?": no timing in the clause nor in the ones beside it that
        # the answer would borrow from (the masthead dates the document itself)
        if not hits or hits[0].clause.kind in ("header", "meta"):
            return None
        timings = hits[0].clause.facts.timings
        if timings and asks_start(q) and all(due_only(t) for t in timings):
            # "bắt đầu năm nào?" of a task only due "trong quý I/2022": the plan gives no start
            return f"thời điểm bắt đầu việc này (chỉ ghi: {'; '.join(timings)})"
        stated = without_lead(q.text)
        if timings and claims_a_rhythm(stated) and (is_claim(q.text) or asks_yes_no(collapse(fold(q.text.lower())))) \
                and rhythm_verdict(stated, timings) is None \
                and not any(rhythm_verdict(stated, h.clause.facts.timings) == TRUE for h in hits[1:_RELATED + 1]):
            # "… chi bộ có phải họp mỗi tuần không?" of a task the plan times "hoàn thành trong quý I/2022" or
            # "thường xuyên": a rhythm it neither gives nor rules out (nor a clause beside it gives)
            return f"việc này làm {rhythm_said(stated)} (thời gian ghi: {'; '.join(timings)})"
        return None if any(h.clause.facts.timings for h in hits[:_RELATED + 1]) else "thời hạn cho nội dung này"

    @staticmethod
    def gives_time(hits) -> bool:
        """Whether the answer gives a time of the plan's own: the best clause's timing, the register's date, or a
        near clause's timing (otherwise a document the question names is dated by the clause that cites it)."""
        return hits[0].clause.kind in ("header", "meta") or any(h.clause.facts.timings for h in hits[:_RELATED + 1])

    def answer(self, q, hits, ctx) -> str:
        listed = timed_items(q, ctx)
        if listed is not None:
            return listed
        every = _every_item_claimed(q, ctx)
        if every is not None:
            return every
        clause = hits[0].clause
        if clause.facts.timings:
            if asks_end(q) and not any(has_end(t) for t in clause.facts.timings):
                return (f"Kế hoạch không đặt thời hạn hoàn thành cho việc này; thời gian ghi là: "
                        f"{'; '.join(clause.facts.timings)} ({clause.ref}).")
            if asks_often(q) and all(_UNTIMED.match(fold(t).strip()) for t in clause.facts.timings):
                return (f"{'; '.join(clause.facts.timings)} (kế hoạch không nêu cụ thể bao lâu một lần) "
                        f"({clause.ref}).")
            said = None
            if is_claim(q.text):  # a month or year stated, else a rhythm ("… hằng năm, đúng không?")
                statement = without_lead(q.text)
                said = timing_verdict(statement, clause.facts.timings) or rhythm_verdict(statement, clause.facts.timings)
                if said == TRUE:  # «Có.» to "có phải … không?", «Đúng.» to "đúng không?" (``confirmed_word``)
                    said = f"{confirmed_word(collapse(fold(q.text)))}."
            elif claims_a_rhythm(q.text) and asks_yes_no(collapse(fold(q.text.lower()))):
                # "Có làm hằng năm không?": «Có.» or «Không.», then the timing the plan gives
                checked = rhythm_verdict(q.text, clause.facts.timings)
                said = None if checked is None else "Có." if checked == TRUE else "Không."
            if said is None and asks_yes_no(collapse(fold(q.text.lower()))) and _said_by_clause(q.text, clause.text):
                # "Lãnh đạo có phải đi học chính trị định kỳ không?": «… bồi dưỡng lý luận chính trị định kỳ»
                said = "Có."
            # "Đúng hay sai: … tổ chức trong tháng 11/2021" → «Không đúng. Đầu tháng 12/2021 (II.1).»
            timing = f"{'; '.join(clause.facts.timings)} ({clause.ref})."
            return f"{said} {timing[:1].upper()}{timing[1:]}" if said else timing
        if clause.kind in ("header", "meta"):
            # "(Kế hoạch ban hành bởi BCT) ngày nào?": of the masthead, the day is the document's
            dated = Meta.issue_date(clause.doc_id, ctx)
            if dated is not None:
                return _checked_day(q, dated)
        for hit in hits[1:_RELATED + 1]:
            if hit.clause.facts.timings:
                return (f"Kế hoạch không ghi thời hạn riêng cho {clause.ref}; nội dung liên quan ở {hit.clause.ref}: "
                        f"{'; '.join(hit.clause.facts.timings)}.", hit.clause)
        return f"Kế hoạch không nêu thời hạn cho nội dung này ({clause.ref})."


# how often a task is done, in words a clause may write in its text besides its timing ("định kỳ")
_PERIODIC = re.compile(r"\b(?:dinh ky|thuong xuyen|lien tuc)\b")


def _said_by_clause(question: str, clause_text: str) -> bool:
    """The words with which a yes/no question asks how often a task is done ("có học định kỳ không?") are
    the clause's own."""
    asked = {m.group(0) for m in _PERIODIC.finditer(collapse(fold(question.lower())))}
    return bool(asked) and asked <= {m.group(0) for m in _PERIODIC.finditer(collapse(fold(clause_text.lower())))}


# "những nhiệm vụ nào …", "mục nào …", "cho số thứ tự": items asked for, by what they have in common
_ITEMS_ASKED = re.compile(r"\b(?:nhiem vu|viec|muc|noi dung|y)(?: \w+){0,3}? nao\b|\bso thu tu\b")
# a timing named in a question, as the plan writes timings ("thường xuyên", "hằng năm", "quý I/2022", "2022")
_TIMING_NAMED = re.compile(r"\b(?:thuong xuyen|hang nam|hang quy|quy (?:iv|i{1,3})/\d{4}|thang \d{1,2}/\d{4}|\d{4})\b")


def timed_items(q, ctx):
    """"Những nhiệm vụ nào ghi thời gian là 'thường xuyên'?", "nhiệm vụ nào có mốc 2022?": every item
    whose timing says what the question names, in order (within the part it names, if any), with the
    first as the source; None unless two items or more have it."""
    folded = fold(q.text).lower()
    named = _TIMING_NAMED.search(folded)
    if named is None or not _ITEMS_ASKED.search(folded):
        return None
    key = named.group(0)
    within = tuple(r + "." for r in q.refs)
    items = [c for c in ctx.info.clauses if c.facts.timings and (not within or c.ref.startswith(within))
             and any(re.search(rf"(?<!\w){re.escape(key)}(?!\w)", fold(t).lower()) for t in c.facts.timings)]
    if len(items) < 2:
        return None
    timings = {"; ".join(c.facts.timings) for c in items}
    if len(timings) == 1:  # all written alike: the timing once, then where
        said = f"{len(items)} nội dung ghi «{timings.pop()}»: " + ", ".join(c.ref for c in items)
    else:
        said = f"{len(items)} nội dung ghi thời gian có «{_as_typed(q.text, named)}»: " + ", ".join(
            f"{c.ref} ({'; '.join(c.facts.timings)})" for c in items)
    return clip(said, ctx.config.answer_max_chars - 1).rstrip(" ,;") + ".", items[0]


# a statement about every task at once: "KH 03 quy định toàn bộ nhiệm vụ phải hoàn thành trong quý I/2022"
_EVERY_ITEM = re.compile(r"\b(?:toan bo|tat ca|moi|het)(?: cac| nhung)? (?:nhiem vu|viec|cong viec|noi dung|dau viec)\b")


def _every_item_claimed(q, ctx):
    """"Đúng hay sai: KH 03 yêu cầu hoàn thành toàn bộ nhiệm vụ trong năm 2022.": a time stated of every
    timed item, checked against each; «Không đúng.» (with the items whose timing agrees) unless all agree;
    None unless a statement gives every task a time."""
    statement = without_lead(q.text)
    if not is_claim(q.text) or not _EVERY_ITEM.search(collapse(fold(statement.lower()))):
        return None
    items = [c for c in ctx.info.clauses if c.facts.timings]
    said = [timing_verdict(statement, c.facts.timings) for c in items]
    if not items or all(v is None for v in said):
        return None
    agree = [c for c, v in zip(items, said) if v == TRUE]
    if len(agree) == len(items):
        return f"{confirmed_word(collapse(fold(q.text)))}. Mọi nội dung có ghi thời gian đều như vậy.", items[0]
    which = ", ".join(c.ref for c in agree) if agree else "không nội dung nào"
    text = (f"Không đúng. Các nội dung có thời gian khác nhau; {len(agree)} trong {len(items)} nội dung có ghi "
            f"thời gian khớp với mốc đó ({which}).")
    return clip(text, ctx.config.answer_max_chars), (agree or items)[0]


def _as_typed(text: str, found: re.Match) -> str:
    """The words of a match on the folded text, as the user typed them (when folding kept the length)."""
    return text[found.start():found.end()] if len(fold(text)) == len(text) else found.group(0)


def _checked_day(q, dated):
    """The document's issue date, after "Đúng." or "Không đúng." when the question states a date to check
    ("kế hoạch này được ký ngày 25/11/2021, có đúng không?")."""
    text, clause = dated
    said = day_verdict(q.text, text)
    return (f"{said} {text}", clause) if said else dated
