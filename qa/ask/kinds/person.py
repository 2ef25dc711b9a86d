"""person: a named individual ("ai đang là Trưởng ban…", "đồng chí nào giữ chức…", "tên là gì").

A plan assigns tasks to bodies and offices, not to people: a clause answers only
when it names a person (a family name from ``slots.tsv`` followed by capitalised
syllables). Who signed the document is metadata and is decided before this kind.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ...text import fold
from ..passages import join
from .base import Kind, load_slots

_CURRENT = re.compile(r"\b(dang la|hien la|hien nay la|hien gio la|bay gio la|hien tai la|dang giu|dang dam nhiem"
                      r"|dang lam|hien dang|hien nay|hien tai|bay gio|nhiem ky nay|duong nhiem|hien con|con (giu|dam nhiem))\b"
                      # "giờ còn giữ chức gì?", "giờ đang làm gì?" ("bao giờ" asks when)
                      r"|(?<!bao )\bgio (con|dang|la|lam|giu)\b")
# the office someone holds ("giữ chức vụ gì", "cương vị gì"), asked of now with _CURRENT
_OFFICE_ASKED = re.compile(r"\b((giu|lam|dam nhiem) )?(chuc vu|cuong vi|chuc) gi\b")
# the office of someone the turn before named, asked ("người đó giữ chức gì?", "ông ấy làm chức vụ gì?")
_THEIR_OFFICE = re.compile(r"^\W*(ong|ba|nguoi|dong chi|d/c|bac)( ay| do| nay)\b.{0,20}\b(chuc( vu| danh)?|cuong vi) (gi|nao)\b")
_NAME_ASKED = re.compile(r"\b(ten (la )?gi|ho ten|ten cua|ten day du|ten ong|ten ba|dong chi nao|ong nao|ba nao"
                         r"|nhung ai|ai)\b")


class Person(Kind):
    name = "person"

    def detect(self, text: str, folded: str) -> bool:
        if re.search(r"\b(ten (la )?gi|ho ten|ten day du)\b", folded):
            # the name of a document, a body, an event or a campaign is not a person's
            # (nor is a part's: "Phần II tên là gì?", "chương 1 có tên gì")
            return not re.search(r"\b(ke hoach|van ban|ket luan|nghi quyet|quy dinh|chi thi|co quan|ban|to chuc|muc|nhiem vu"
                                 r"|phan (?:\d|[ivx]+\b|nay|do|dau|cuoi|cuoi cung|thu)|chuong|tieu muc|dieu|khoan"
                                 r"|dot|cuoc|hoi nghi|phong trao|chuong trinh|de an|cong tac)\b", folded)
        if re.search(r"\b(ghi|neu|co) ten (nguoi|ong|ba|dong chi|vi)\b", folded):
            return True  # "Kế hoạch có ghi tên người chủ trì không?": a person's name
        slots = load_slots()
        if re.search(r"\b(ghi|neu|co)( ro)? (ho )?ten\b", folded) and slots.search("person", "office", text, fold_single=False):
            return True  # "KH có ghi rõ tên chánh văn phòng TW không?": the name of an office's holder
        if _CURRENT.search(folded) and _OFFICE_ASKED.search(folded) or _THEIR_OFFICE.search(folded):
            return True  # "ông ấy bây giờ giữ chức vụ gì?": a person's office now
        if slots.search("person", "head", text, fold_single=False) and _CURRENT.search(folded) \
                and re.search(r"\b(ai|dong chi nao|ong nao|ba nao|ten)\b", folded):
            return True  # "ai là người đứng đầu Ban X hiện nay?"; without "now" it is the role
        office = slots.search("person", "office", text, fold_single=False)
        if not office:
            return False
        title = re.escape(fold(office.group(0)))
        # "Tổng Bí thư … là ai", "ai (đang) giữ chức Trưởng ban", or a name asked of a current office holder
        return bool(re.search(rf"{title}\b.{{0,40}}\b(la ai|ten la gi|la dong chi nao|la ong nao|la ba nao)\b", folded)
                    or re.search(rf"\b(ai|dong chi nao|ong nao|ba nao)\s+(dang |hien |hien nay |hien dang )?"
                                 rf"(la|lam|giu chuc|giu cuong vi|dam nhiem)\s+(\w+\s+)?{title}", folded)
                    or (_NAME_ASKED.search(folded) and _CURRENT.search(folded)))

    def names(self, text: str, ctx) -> list[str]:
        """People named in ``text``: a family name and two or three capitalised syllables ("Võ Văn
        Thưởng"; "Hà Nội" is a place, "Lê đội" no name)."""
        found = []
        for m in _after_surname(tuple(ctx.slots.get("person", "surname"))).finditer(text):
            given = list(itertools.takewhile(lambda w: w[:1].isupper(), m.group(2).split()))
            if len(given) >= 2:
                found.append(f"{m.group(1)} {' '.join(given)}")
        return list(dict.fromkeys(found))

    def missing(self, q, ctx) -> str | None:
        if _office_asked(q):
            return "chức vụ của người nào (kế hoạch chỉ giao việc cho cơ quan, tổ chức)"
        return None

    def holds_answer(self, q, clause, ctx) -> bool:
        # a name is no office: the register names who signed, and no clause says what office anyone holds
        return bool(self.names(clause.text, ctx)) and not _office_asked(q)

    def answer(self, q, hits, ctx) -> str | None:
        if _office_asked(q):
            return None
        for hit in hits[:3]:
            names = self.names(hit.clause.text, ctx)
            if names:
                return f"{join(names)} ({hit.clause.ref}).", hit.clause
        return None


def _office_asked(q) -> bool:
    folded = fold(q.text)
    return bool(_OFFICE_ASKED.search(folded) or _THEIR_OFFICE.search(folded))


@lru_cache(maxsize=4)
def _after_surname(surnames: tuple[str, ...]) -> re.Pattern:
    """A family name and the (up to three) syllables after it."""
    names = "|".join(re.escape(s) for s in surnames)
    return re.compile(rf"(?<!\w)({names})((?: [^\W\d]+){{1,3}})(?!\w)")
