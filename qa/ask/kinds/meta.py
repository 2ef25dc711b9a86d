"""meta: the document's own data (number, date, signer, issuing body, type, field).

Patterns run on the folded, abbreviation-expanded question; ``qa.question`` decides
a question is metadata only when little else is asked.
"""

from __future__ import annotations

import re

from ...documents.types import type_names
from ...facts import find_bodies
from ...text import fold
from ..passages import clip
from .base import Kind

META_FIELDS = (
    ("Số hiệu", r"\b(so hieu|ky hieu|so van ban|so may|so bao nhieu|ma so)\b"),
    ("Ngày hết hiệu lực", r"\b(het hieu luc|het han|con hieu luc|hieu luc (den|toi) (khi nao|bao gio|luc nao|ngay nao"
                          r"|nam nao|thang nao)|hieu luc (trong )?bao lau)\b"),
    ("Ngày có hiệu lực", r"\b(hieu luc)\b"),
    ("Ngày ban hành", r"\b(ngay ban hanh|ban hanh (vao )?(ngay|khi nao|luc nao|bao gio|nam nao|thang nao)|ngay ky|ky (vao )?ngay|ky khi nao|ra doi khi nao)\b"
                      # "ra ngày nào", "ký hôm nào": a document comes out (ra) or is signed on a day
                      r"|\b(ky|ra|ra doi) (vao )?(ngay|hom) (nao|may|bao nhieu)\b|\bra doi (vao )?(thang|nam) (nao|may)\b"
                      r"|\bban hanh\b.{0,25}\b(ngay nao|ngay may|hom nao|khi nao|luc nao|bao gio|nam nao|thang nao)\b"
                      r"|\b(khi nao|bao gio|ngay nao|hom nao|nam nao|thang nao)\b.{0,25}\b(ban hanh|ky)\b"),
    # "kí" is "ký" spelt with i (kí/ký, lí/lý: both spellings are in use)
    ("Người ký", r"\b(nguoi k[yi]|ai (da )?k[yi]|k[yi] boi|k[yi] ten|do ai k[yi]|dong chi nao k[yi]|chu k[yi])\b|\bai\b.{0,40}\bk[yi]\b"),
    ("Cơ quan ban hành", r"\b(co quan ban hanh|ai ban hanh|do ai ban hanh|ban hanh boi|cap nao ban hanh|co quan nao ban hanh|noi ban hanh)\b|\bdo\b.{3,60}\bban hanh\s*\??$"),
    ("Loại văn bản", r"\b(loai van ban|la loai (van ban )?gi|the loai)\b"
                     r"|\b(la|thuoc) (nghi quyet|ke hoach|chi thi|quy dinh|ket luan|thong bao|huong dan|nghi dinh|luat)"
                     r" hay (la )?(nghi quyet|ke hoach|chi thi|quy dinh|ket luan|thong bao|huong dan|nghi dinh|luat)\b"),
    ("Tên văn bản", r"\bten (day du |chinh thuc |goi |goi day du )?(cua )?(ke hoach|van ban|tai lieu)\b"
                    r"|\b(ke hoach|van ban|tai lieu) (nay )?(ten|co ten|ten goi) (day du )?(la )?gi\b|\btrich yeu\b"
                    # what the whole document is about: its name says it
                    r"|\b(noi dung chinh|chu de|tom tat|tom luoc|y chinh)\b|\bnoi ve (gi|cai gi|van de gi|dieu gi|chuyen gi)\b"
                    r"|\bve (van de|chu de) gi\b"),
    ("Lĩnh vực", r"\b(linh vuc)\b"),
    # What a plan implements is named in its preamble ("Thực hiện Kết luận số 21-KL/TW, ngày …").
    ("Căn cứ", r"\b(de |nham )?(thuc hien|trien khai|cu the hoa|can cu( vao)?|dua tren) (ket luan|nghi quyet|chi thi"
               r"|quy dinh|van ban|chu truong) (nao|gi|so may)\b|\bcan cu (vao )?(dau|van ban nao|gi)\b"),
)


# The clause that answers a field, where it is not the metadata block.
CLAUSE_OF_FIELD = {"Tên văn bản": "title", "Căn cứ": "preamble"}
_IMPLEMENTS = re.compile(r"((?:Kết luận|Nghị quyết|Chỉ thị|Quy định|Kế hoạch|Thông báo|Hướng dẫn) số [\w/.-]+"
                         r"(?:, ngày \d{1,2}/\d{1,2}/\d{4})?(?: của [^;(]+)?)")


# "Hà Nội, ngày 01 tháng 12 năm 2021": a document's dating line
_DATED = re.compile(r"([A-ZĐÀ-Ỹ][\w ]{1,30}), ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


class Meta(Kind):
    name = "meta"

    def holds_answer(self, q, clause, ctx) -> bool:
        """A metadata clause that gives the field asked (the title clause for the name, the
        preamble for what the document implements)."""
        if q.meta_field in CLAUSE_OF_FIELD:
            return clause.kind == CLAUSE_OF_FIELD[q.meta_field]
        return clause.kind == "meta" and (not q.meta_field or any(
            line.startswith((q.meta_field + " ", q.meta_field + ":")) for line in clause.text.split("\n")))

    def answer(self, q, hits, ctx):
        if q.meta_field == "Tên văn bản":
            title = next((h.clause for h in hits if h.clause.kind == "title"), None)
            return (f"{title.text} ({title.doc_id}).", title) if title else None
        if q.meta_field == "Căn cứ":
            preamble = next((h.clause for h in hits if h.clause.kind == "preamble"), None)
            found = _IMPLEMENTS.search(preamble.text) if preamble else None
            if not found:
                return None
            where = f" ({preamble.doc_id}, phần mở đầu)."
            return clip(found.group(1).strip(), ctx.config.answer_max_chars - len(where)) + where, preamble
        meta = next((h.clause for h in hits if h.clause.kind == "meta"), None)
        if meta is None or not q.meta_field:
            return None
        for line in meta.text.split("\n"):
            if line.startswith(q.meta_field + " ") or line.startswith(q.meta_field + ":"):
                value = line[len(q.meta_field):].lstrip(" :")
                if q.meta_field == "Cơ quan ban hành":
                    own = self._issuer_in_text(meta.doc_id, value, ctx)
                    if own:
                        return own
                if q.meta_field == "Ngày ban hành":
                    dated = self._dating_line(meta.doc_id, value, ctx)
                    if dated:
                        return dated
                return f"{q.meta_field}: {value} ({meta.doc_id}).", meta
        return f"Thông tin văn bản không ghi {q.meta_field.lower()}.", meta

    @staticmethod
    def _dating_line(doc_id: str, listed: str, ctx):
        """The date in the document's own words, its dating line ("Hà Nội, ngày 01 tháng 12 năm
        2021"), cited before the register's data when the two agree."""
        header = ctx.front(doc_id, "header")
        found = _DATED.search(header.text) if header else None
        if not found:
            return None
        day, month, year = (int(g) for g in found.groups()[1:])
        if listed.strip() != f"{day:02d}/{month:02d}/{year}":
            return None
        return f"Ngày ban hành: {listed.strip()} ({doc_id}; văn bản ghi: «{found.group(0)}»).", header

    @staticmethod
    def _issuer_in_text(doc_id: str, listed: str, ctx):
        """The body the document itself says issues it ("… Bộ Chính trị ban hành Kế hoạch"),
        which a register's listing ("Cơ quan ban hành: Ban Chấp hành Trung ương") may name
        differently: the text is the document's own word, the listing is said beside it."""
        preamble = ctx.front(doc_id, "preamble")
        if preamble is None:
            return None
        text = preamble.text
        types = "|".join(re.escape(fold(name)) for name in type_names())
        issued = re.search(rf" ban hanh (?:{types})\b[\w ]{{0,30}}", fold(text))
        # the gazetteer's body that ends where "ban hành <a document type>" begins
        issuer = next((b for b in find_bodies(text) if issued and b.end == issued.start()), None)
        if issuer is None or issuer.name == listed:
            return None
        quoted = text[issuer.start:issued.end()]
        answer = f"{issuer.name} ({doc_id}: «{quoted}»; thông tin văn bản ghi cơ quan ban hành: {listed})."
        return answer, preamble
