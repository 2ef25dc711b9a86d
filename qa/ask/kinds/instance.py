"""instance: particular ones named ("kế hoạch nêu tên vụ án nào?", "có nêu đích danh địa phương nào không?").

A plan speaks of cases, places, people, outlets and laws in general ("những vụ án … nghiêm trọng",
"những nơi có biểu hiện mất đoàn kết", "cá nhân vi phạm"); a question that asks it to name some
wants what it does not give. A clause answers only when it names one: a person as the person kind
finds names (a family name from ``slots.tsv`` and capitalised syllables), anything else by a capitalised name after the word for its kind
("Luật Đất đai", "tỉnh Bình Dương", "vụ Việt Á"). The words come from ``slots.tsv`` (instance:
named, class).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...text import fold
from .base import Kind, load_slots
from .person import Person

# the plan as the one that names: a question about being named elsewhere ("chi bộ bị nêu tên yếu kém …")
# asks something else
_PLAN = re.compile(r"\b(?:ke hoach|kh|van ban|kh ?03)\b")
# whether a text mentions something, asked ("… có nhắc trong kế hoạch không?", "… được nêu không?")
_MENTION_ASKED = re.compile(r"\b(?:nhac|de cap|neu|noi toi|noi den|ghi)\b(?! (?:gi|j|sao)\b)"
                            r"(?:(?!\b(?:phai|can|lam)\b).)*\b(?:khong|ko|k|hong|chua)\b")
_PERSON = Person()
_PEOPLE = frozenset(("cá nhân", "người", "cán bộ", "đảng viên", "quan chức", "đồng chí", "lãnh đạo", "tấm gương",
                     "điển hình"))


class Instance(Kind):
    name = "instance"

    def detect(self, text: str, folded: str) -> bool:
        return _PLAN.search(folded) is not None and self._class_asked(text) is not None

    def _class_asked(self, text: str) -> str | None:
        """The kind of thing the question wants named ("vụ án"), when it asks for names at all."""
        slots = load_slots()
        if slots.search("instance", "named", text, fold_single=False) is None:
            # ("các vụ án lớn như Việt Á, Vạn Thịnh Phát có nhắc không?": ones of a kind given by their names)
            found = _given_by_name(tuple(slots.get("instance", "class"))).search(text)
            # (asked whether the plan mentions them, not what they must do: "Các tỉnh như Hà Giang có phải làm …")
            if found is None or not _MENTION_ASKED.search(fold(text).lower()):
                return None
            return next((w for w in slots.get("instance", "class") if fold(w).lower() == fold(found.group(1)).lower()),
                        found.group(1))
        found = slots.search("instance", "class", text, fold_single=False)
        if found is None:
            return None
        said = found.group(0)
        return next((w for w in slots.get("instance", "class") if fold(w) == fold(said)), said)

    def slot_required(self, q) -> bool:
        return True

    def holds_answer(self, q, clause, ctx) -> bool:
        asked = self._class_asked(q.text)
        if asked is None:
            return True
        if asked in _PEOPLE:
            return bool(_PERSON.names(clause.text, ctx))
        return _names_one(asked, clause.text)

    def missing(self, q, ctx) -> str | None:
        asked = self._class_asked(q.text) or "đối tượng"
        return f"tên {asked} cụ thể nào (kế hoạch nêu chung, không chỉ đích danh)"


def _names_one(word: str, text: str) -> bool:
    """Whether ``text`` names a particular one of ``word``'s kind: the word, then a capitalised name
    ("Luật Đất đai", "tỉnh Bình Dương"; not "các tỉnh ủy")."""
    return any(m.group(1)[:1].isupper() for m in _after(word).finditer(text))


@lru_cache(maxsize=64)
def _after(word: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?i:{re.escape(word)}) ([^\W\d]+)")


@lru_cache(maxsize=8)
def _given_by_name(words: tuple[str, ...]) -> re.Pattern:
    """A kind of thing, then "như" and a capitalised name: examples the asker names ("vụ án lớn như Việt Á")."""
    kinds = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?i:({kinds}))(?: \w+){{0,2}}? (?i:như|kiểu|chẳng hạn|ví dụ)(?: (?i:là|như))? [A-ZĐÀ-Ỹ]\w*"
                      rf"(?: [A-ZĐÀ-Ỹ]\w*)+")
