"""outcome: what has been achieved since ("đã hoàn thành chưa", "kết quả đến nay", "đã xử lý bao nhiêu").

A plan states tasks and deadlines; it does not report how they turned out. A clause
answers only when it reports a result itself ("đã đạt", "đã hoàn thành").
"""

from __future__ import annotations

import re

from .base import Kind

# ("đánh giá kết quả thực hiện", "giám sát tình hình thực hiện" are tasks the plan sets, not a result asked;
# "kế thừa kết quả thực hiện …" builds on past results, a requirement it states)
_ASKS_RESULT = re.compile(
    r"\b((?<!danh gia )(?<!ke thua )(?<!phat huy )ket qua (thuc hien|dat duoc|ra sao|the nao|nhu the nao|den nay|trien khai)|(?<!kiem tra )(?<!giam sat )(?<!danh gia )(?<!theo doi )(?<!nam )tinh hinh thuc hien"
    r"|den nay|den thoi diem nay|hien nay da|cho den nay|tu do den nay|sau khi ban hanh da"
    r"|da (hoan thanh|thuc hien|xu ly|ky luat|thu hoi|to chuc|trien khai|lam duoc|dat duoc|ra|ban hanh)\b.*\bchua"
    r"|da (xu ly|ky luat|thu hoi|khai tru|cach chuc|kiem tra) (duoc )?(bao nhieu|may)"
    # "bây giờ làm đến đâu rồi", "tiến độ giờ ra sao rồi": how far it has got
    r"|(lam|di|trien khai|thuc hien) (duoc )?den dau( roi)?|tien do (bay gio|hien nay|gio) "
    # "tỉnh nào đã bị phê bình", "số vụ việc … đã kiểm tra năm 2022": who or how many, since
    r"|(tinh|noi|dia phuong|co quan|don vi|ai) nao da (bi|duoc)|so (vu|vu viec|vu an|truong hop) .*\bda"
    # "số cán bộ, đảng viên bị kỷ luật năm 2021", "thu hồi được bao nhiêu % rồi": figures of what was done
    r"|so (luong )?(can bo|dang vien|nguoi|to chuc dang)\b.*\b(bi|da) (ky luat|xu ly|khai tru|cach chuc|kiem tra)"
    r"|(duoc|dc) (bao nhieu|bn|may)\b.*\b(roi|r)\s*\W*$"
    # "kết quả cuộc vận động này sau 2 năm ra sao?": how it turned out after a while
    r"|ket qua\b.{0,60}\b(sau|qua) (\d+|mot|hai|ba|may|vai) (nam|thang)\b"
    r"|\bsau (\d+|mot|hai|ba|may|vai) (nam|thang)( thuc hien| trien khai)?\b.{0,20}\b(ra sao|the nao|nhu the nao|duoc gi)\b)\b")
_REPORTS_RESULT = re.compile(r"\bđã (đạt|hoàn thành|xử lý được|thu hồi được|kỷ luật)\b")


class Outcome(Kind):
    name = "outcome"

    def detect(self, text: str, folded: str) -> bool:
        return bool(_ASKS_RESULT.search(folded))

    def holds_answer(self, q, clause, ctx) -> bool:
        return bool(_REPORTS_RESULT.search(clause.text.lower()))
