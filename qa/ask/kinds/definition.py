"""definition: what a term means ("'tự diễn biến' nghĩa là gì?", "kế hoạch có định nghĩa … không?").

A plan uses its terms without defining them. A clause answers only when it says what a
term is ("… được hiểu là …", "… nghĩa là …"). A question that asks something else as well
("được hiểu là gì, ai phải làm?") is that other kind.
"""

from __future__ import annotations

import re

from ...text import fold
from .base import Kind

_ASKS_MEANING = re.compile(
    r"\bdinh nghia\b"
    r"|\bkhai niem\b.*\b(la gi|la j|the nao|ra sao|nhu the nao)\b"
    r"|\b(co )?nghia (la )?(gi|j|sao)\b|\bnghia la the nao\b"
    r"|\b(duoc )?hieu (la gi|la j|the nao|nhu the nao|ra sao)\b"
    # "Thế nào là 'phản biện xã hội'?": what counts as the term, asked first
    r"|^\W*(the nao|nhu the nao) (thi |moi )?(duoc goi |duoc coi |duoc xem )?la\b"
    # "giải thích 'tập trung dân chủ' là gì"; not "giải thích cho học sinh thế nào" (how to explain it)
    r"|\bgiai thich\b(?! cho\b).{0,40}\b(la gi|la j|nghia|the nao|ra sao|ra rang)\b"
    r"|\b(la gi|la j|la sao|la cai gi|la cai chi)\b.{0,40}\b(giai thich|dinh nghia)\b"
    # "cơ quan tư pháp gồm những cơ quan nào, kế hoạch có giải thích không": whether it explains a term
    r"|\bco giai thich\b(?! (?:vi sao|tai sao|ly do)\b)"
    # "Kế hoạch có nói rõ 'lợi ích nhóm' (trong làm luật) là gì không?": whether it says what a quoted term is
    r"|\bco (?:noi ro|noi|ghi ro|neu ro|chi ro)\W+[\"“«'‘][^\"”»'’]{3,40}[\"”»'’].{0,40}\bla (?:gi|j|cai gi)\b")
# a term quoted on its own and asked what it is or what it takes in: "'Phản biện xã hội' là gì vậy ạ?",
# "'Tập trung dân chủ' là nguyên tắc gì?", "'Hệ thống chính trị' gồm những tổ chức nào?"
_QUOTED_TERM = re.compile(r"^\W*[\"“”«'‘](?P<term>[^\"“”«»'‘’]{3,40})[\"“”»'’]\s*"
                          r"(?:la (?:gi|j|sao|cai gi|(?:nguyen tac|khai niem|chu truong|co quan|to chuc|van de) gi)"
                          r"|(?:bao )?gom (?:nhung )?(?:co quan|to chuc|bieu hien|thanh phan|gi|nhung gi)(?: nao)?)\b")
# a part of the document quoted ("'Nhiệm vụ trọng tâm' gồm những gì?") is asked for its contents
_STRUCTURE = re.compile(r"^(?:phan|muc|nhiem vu|y|doan|cau|dieu|khoan)\b(?! (?:bien|tieu|dich|thuc|kien|ket|nghia|cap|cong))")
# what else a question may ask, which makes it that other kind
_ASKS_MORE = re.compile(r"\b(ai|khi nao|bao gio|lam gi|nhiem vu|yeu cau gi|muc nao|phan nao|o dau|boi canh nao"
                        r"|giao cho|noi gi|noi the nao|noi ra sao|de cap gi|quy dinh gi)\b")
# ("nhất là việc …" singles something out: no definition)
_DEFINES = re.compile(r"\b(được hiểu là|nghĩa là|có nghĩa là|(?<!nhất )là việc)\b")
# How two terms differ ("tự phê bình và phê bình khác nhau thế nào?", "lấy phiếu với bỏ phiếu tín
# nhiệm khác gì?") is a matter of their meaning, which the plan does not give either; two bodies'
# tasks, two parts, two dates or two documents compared are read by the other kinds
_COMPARES = re.compile(r"\b(khac nhau|khac gi|co gi khac|khac biet|phan biet|giong nhau|giong hay khac)\b")
_WHERE_USED = re.compile(r"\b(theo|trong|cua|o) (ke hoach|van ban|kh)( nay| 03| so 03)?\b")
# ("phần" of the document; not "phản biện", "phân cấp", "phân công", … which fold to the same "phan")
_COMPARES_OTHER = re.compile(r"\b(trach nhiem|vai tro|phan(?! (?:biet|bien|cap|cong|quyen|doi|anh|loai|tich|chia|phoi|hoa)\b)"
                             r"|muc|ngay|nam|thang|thoi han|thoi gian|ke hoach"
                             r"|ket luan|nghi quyet|van ban|quy dinh|chi thi|kh|kl|nq)\b")


class Definition(Kind):
    name = "definition"

    def detect(self, text: str, folded: str) -> bool:
        if _ASKS_MORE.search(folded):
            return False
        quoted = _QUOTED_TERM.match(folded)
        if quoted and not _STRUCTURE.match(quoted.group("term").strip()):
            return True
        return bool(_ASKS_MEANING.search(folded)) or self._compares(folded)

    @staticmethod
    def _compares(folded: str) -> bool:
        # "theo kế hoạch, …": where the terms are used, not a document compared
        folded = _WHERE_USED.sub(" ", folded)
        return bool(_COMPARES.search(folded)) and not _COMPARES_OTHER.search(folded)

    def missing(self, q, ctx) -> str | None:
        if self._compares(fold(q.text)):
            return "chỗ khác nhau giữa các khái niệm này (kế hoạch dùng thuật ngữ mà không định nghĩa hay so sánh chúng)"
        return None

    def holds_answer(self, q, clause, ctx) -> bool:
        return bool(_DEFINES.search(clause.text.lower()))
