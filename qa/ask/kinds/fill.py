"""fill: a fill-in-the-blank prompt ("Điền vào chỗ trống: Hoàn thiện cơ chế kiểm soát … trong công tác cán bộ").

A trainer's or a student's item quotes the plan with words left out. The words around each blank
are the plan's, so a clause answers when it holds them in order with a few words between (or, for a
blank that ends the prompt, after them up to the end of the phrase); that clause ranks first, and the
answer is the plan's words in the blanks, as the clause writes them. A prompt no clause holds is
answered as "what" is. Tried after every other kind: "Điền từ: «…» — đây là nhiệm vụ số mấy?" asks a
place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...text import STOPWORDS_FOLDED, fold
from .base import Kind

# what tells a prompt ("Điền vào chỗ trống:", "điền khuyết", "hoàn thành câu sau")
_CUE = re.compile(r"\b(dien|cho trong|khuyet|hoan thanh cau)\b")
_BLANK = re.compile(r"\.{3,}|…|_{2,}")
_WORD = re.compile(r"[^\W_]+")
_SIDE = 4  # the words each side of a blank that are matched, at most
_GAP = 8  # the most words one blank may stand for
_PHRASE_END = re.compile(r"[,;:.()\n«»\"“”]")
# between two quoted terms of a list («"tự diễn biến", "tự chuyển hóa"»): the phrase goes on
_QUOTED_LIST = re.compile(r"\s*[\"”»]\s*,\s*[\"“«]\s*")
# what may follow a blank without being part of the token it stands in ("… (quý I/2022).", "…»")
_NOT_GLUED = frozenset(".,;:!?)»”\"'")
_TOKEN_END = frozenset(",;:()«»“”\"")
_NUMBER_WORD = "so"  # "số", folded
_FILLED_FROM = 3  # the best clauses an answer may come from


def _words(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) of each word of ``text``."""
    return [(fold(m.group(0)).lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _blanks(text: str) -> list[tuple[list[str], list[str], int]]:
    """(words before, words after, glued) each blank of the prompt, up to ``_SIDE`` words each side; the
    prompt starts after its cue's colon, and a side stops at the next blank. ``glued``: the blank is written
    against what follows it ("Kết luận số ...-KL/TW", "ngày .../10/2021"), so its answer is the whole token
    the clause writes there ("21-KL/TW", "25/10/2021"); it is the number of words of that token after the
    blank ("KL", "TW": 2), 0 for a blank that stands alone."""
    prompt = text.split(":", 1)[1] if ":" in text and _CUE.search(fold(text.split(":", 1)[0]).lower()) else text
    parts = _BLANK.split(prompt)
    return [([w for w, _, _ in _words(parts[i])][-_SIDE:], [w for w, _, _ in _words(parts[i + 1])][:_SIDE],
             len(_words(parts[i + 1].split(maxsplit=1)[0])) if parts[i + 1][:1] and not parts[i + 1][:1].isspace()
             and parts[i + 1][:1] not in _NOT_GLUED else 0)
            for i in range(len(parts) - 1)]


def _find(seq: list[str], words: list[tuple[str, int, int]], start: int, stop: int) -> int:
    """The first position in ``words[start:stop]`` where ``seq`` begins, or -1."""
    n = len(seq)
    for i in range(start, min(stop, len(words) - n + 1)):
        if all(words[i + j][0] == seq[j] for j in range(n)):
            return i
    return -1


@lru_cache(maxsize=512)
def fills(prompt: str, clause_text: str, sure: bool = False, loose: bool = False) -> tuple[str, ...] | None:
    """The clause's words in each blank of the prompt, or None when the clause does not hold the
    words around every blank (at least two on one side of each; ``sure``: three, where the prompt has
    them, as for a clause other than the one ranked first; ``loose``: the words before a prompt's one
    blank are enough, for the clause ranked first)."""
    blanks = _blanks(prompt)
    if not blanks:
        return None
    words = _words(clause_text)
    out, at = [], 0
    n = 3 if sure else 2
    for side, after, glued in blanks:
        # (a blank's token, "...-KH/TW", is the clause's however the words after it go on: "03-KH/TW năm 2021")
        reach = max(2, min(n, glued)) if glued else n
        side_after = after
        before, after = side[-n:] if len(side) >= 2 else [], after[:reach] if len(after) >= 2 else []
        if not before and not after:
            return None
        dropped = False  # "số" before the blank left out (the plan's words are then fewer)
        if before:
            i = _find(before, words, at, len(words))
            if i < 0 and before[-1] == _NUMBER_WORD and len(side) >= 3:
                dropped = True
                # "Kế hoạch số ...-KH/TW": "số" before a number is the writer's, the plan may leave it out
                before = side[:-1][-n:]
                i = _find(before, words, at, len(words))
            if i < 0:
                return None
            first = i + len(before)
        if after:
            j = _find(after, words, first if before else at, (first + _GAP + 1) if before else len(words))
            if j < 0 and before and loose and len(blanks) == 1 and not glued and not dropped:
                # the words after the one blank are partly the writer's own ("thể chế hóa Kết luận thành ... và
                # nghị quyết", "tăng cường ... việc thực hiện"): up to where one of them, or two side by side,
                # comes in the plan; with none, to the end of the plan's phrase, as a blank that ends the prompt
                # (one word alone, not a function word: "của", "và" are anywhere)
                one = side_after[:1] if side_after and side_after[0] not in STOPWORDS_FOLDED else []
                near = [k for seq in (side_after[1:1 + n], one) if seq
                        for k in (_find(seq, words, first + 1, first + _GAP + 1),) if k > first]
                j = min(near, default=-1)
                if j < 0:
                    after = []
            elif j < 0 or (before and j == first):
                return None
        if after:
            if not before:  # the blank opens the prompt: back to where the phrase starts
                first = j
                while first > max(0, j - _GAP) and not _PHRASE_END.search(clause_text[words[first - 1][2]:words[first][1]]):
                    first -= 1
                if first == j:
                    return None
            last = j
        else:  # the blank ends the prompt (or the plan's words do): on to where the phrase ends
            last = first
            while last < min(len(words), first + _GAP):
                gap = clause_text[words[last - 1][2]:words[last][1]] if last > first else ""
                if gap and _PHRASE_END.search(gap) and not _QUOTED_LIST.fullmatch(gap):
                    break
                last += 1
            if last == first:
                return None
        end = words[last - 1][2]
        while glued and end < len(clause_text) and not clause_text[end].isspace() and clause_text[end] not in _TOKEN_END:
            end += 1  # "...-KL/TW" → "21-KL/TW", ".../10/2021" → "25/10/2021": the token the blank stands in, whole
        said = clause_text[words[first][1]:end]
        # a list of quoted terms keeps its quotes: «"tự diễn biến", "tự chuyển hóa"»
        out.append(f'"{said}"' if _QUOTED_LIST.search(said) else said)
        at = last
    return tuple(out)


class Fill(Kind):
    name = "fill"
    max_bonus = 2.0  # the clause that holds the prompt's words ranks first
    bonus_reads_text = True

    def detect(self, text: str, folded: str) -> bool:
        return bool(_CUE.search(folded)) and any(len(b) >= 2 or len(a) >= 2 for b, a, _ in _blanks(text))

    def bonus(self, q, clause) -> float:
        return self.max_bonus if fills(q.text, clause.text) else 0.0

    def answer(self, q, hits, ctx) -> str | None:
        # a prompt in the student's own words, which no clause holds as written, is answered as a
        # "what" question by the clause nearest it (the plan's wording of the point)
        # (the clause that holds the prompt's words, when ranking left another one first)
        for hit in hits[:_FILLED_FROM]:
            words = fills(q.text, hit.clause.text, sure=hit is not hits[0])
            if not words and hit is hits[0]:
                words = fills(q.text, hit.clause.text, loose=True)
            if words:
                said = f"{'; '.join(words)} ({hit.clause.ref})."
                return said if hit is hits[0] else (said, hit.clause)
        return None
