"""Case helpers for headings written in capitals."""

from __future__ import annotations

import re

# Words kept capitalised when a heading in capitals is put in sentence case.
_PROPER = ("Trung ương", "Đảng", "Nhà nước", "Quốc hội", "Chính phủ", "Việt Nam", "Mặt trận Tổ quốc",
           "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành", "Hồ Chí Minh", "Kết luận", "Nghị quyết")


def is_upper(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def sentence_case(heading: str) -> str:
    """'MỤC ĐÍCH, YÊU CẦU' → 'Mục đích, yêu cầu', keeping proper names capitalised."""
    if not is_upper(heading):
        return heading
    text = heading.lower()
    text = text[:1].upper() + text[1:]
    for proper in _PROPER:
        low = proper.lower()
        text = re.sub(rf"(?<!\w){re.escape(low)}(?!\w)", proper, text)
    # "Đảng" the Party, but "đảng đoàn", "đảng ủy", "ban cán sự đảng" stay lower case.
    text = re.sub(r"Đảng(?= (đoàn|ủy|viên|bộ|trực))", "đảng", text)
    text = re.sub(r"(?<=sự )Đảng", "đảng", text)
    return text[:1].upper() + text[1:]
