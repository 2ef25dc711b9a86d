"""Requests the assistant does not serve: writing or translating a text for the user ("Viết giúp em
đoạn văn 200 chữ về …"), or sending a file or a link ("cho mình link tải bản PDF"). They are told
plainly what the assistant does, instead of being given the nearest clause as if it answered.

The words are data (``qa/data/unserved.tsv``). A verb of producing a text counts only as a request
made of the assistant: at the head of a sentence, or with "giúp / hộ / giùm" after it; "học xong có
phải viết bài thu hoạch không?" asks what the plan requires, and is a question.

>>> unserved("Viết giúp em đoạn văn 200 chữ về ý nghĩa của kế hoạch 03")
True
>>> unserved("Học xong có phải viết bài thu hoạch không?")
False
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import DATA, data_lines
from ..text import collapse, fold
from .kinds.base import sentences

MESSAGE = ("Trợ lý chỉ trả lời câu hỏi về nội dung các văn bản trong kho, kèm điều khoản được trích; "
           "trợ lý không viết bài, không dịch và không gửi tệp hay đường dẫn tải văn bản.")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words: dict[str, list[str]] = {"verb": [], "product": [], "file": []}
    for line in data_lines(DATA / "unserved.tsv"):
        kind, phrase = line.split("\t", 1)
        words[kind.strip()].append(collapse(fold(phrase.strip().lower())))

    def alt(kind: str, leave_out: frozenset[str] = frozenset()) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words[kind]) - leave_out, key=len, reverse=True))

    helping = r"(?:giup|ho|gium|dum|cho)"
    # "Viết bài luận về …", "Hãy soạn giúp tôi một tờ trình …": a sentence that opens with the request
    head = re.compile(rf"^\W*(?:hay |vui long |lam on |nho |ban |ad |em nho |minh nho )?(?:{alt('verb')})"
                      rf"(?: {helping})?(?: (?:em|minh|toi|to|chau|con|tui))?(?: (?:mot|1|vai|\d+))?"
                      rf" (?:{alt('product')})\b")
    # "… viết giúp mình bài thu hoạch …": the verb asked of the assistant anywhere (not "làm", too common)
    helped = re.compile(rf"\b(?:{alt('verb', frozenset({'lam'}))}) (?:giup|ho|gium|dum)\b")
    files = re.compile(rf"\b(?:{alt('file')})\b")
    return head, helped, files


def unserved(text: str) -> bool:
    """The text asks the assistant to write, translate or send something, not about the documents."""
    head, helped, files = _patterns()
    folded = collapse(fold(text.lower()))
    return bool(helped.search(folded) or files.search(folded)
                or any(head.search(collapse(fold(s.lower()))) for s in sentences(text) or [text]))
