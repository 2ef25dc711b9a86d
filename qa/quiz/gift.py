"""A strict reader for Moodle GIFT, used to prove our exports import cleanly.

Stricter than Moodle: any unescaped special character (``~ = # { } :``) outside
its syntactic place, an unknown escape, a weight, an empty answer or a blank line
inside braces (it splits the question) is an error naming the line. It reads what we write — multiple
choice, true/false, short answer and missing word — and nothing looser.

>>> [q.kind for q in parse_gift("::t::Hai cộng hai?{=bốn ~ba}\\n")]
['mc']
"""

from __future__ import annotations

from dataclasses import dataclass, field

SPECIAL = "~=#{}:"
_UNESCAPE = {"\\": "\\", "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n"}
BLANK = "_____"


class GiftError(ValueError):
    """The text is not strict GIFT; the message names the line."""


@dataclass(frozen=True)
class GiftAnswer:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class GiftQuestion:
    """One question. ``text`` has ``_____`` where a missing-word answer block stood."""

    title: str
    text: str
    kind: str  # mc | tf | short | missing_mc | missing_short
    answers: tuple[GiftAnswer, ...] = ()
    truth: bool | None = None
    general_feedback: str = ""
    comments: tuple[str, ...] = field(default=())
    line: int = 0

    @property
    def correct(self) -> tuple[str, ...]:
        return tuple(a.text for a in self.answers if a.correct)


def escape(text: str) -> str:
    """Escape GIFT's special characters and backslash; newlines become ``\\n``.

    >>> escape("a:b {c}")
    'a\\\\:b \\\\{c\\\\}'
    """
    out = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _tokens(s: str, line: int) -> list[tuple[str, bool]]:
    """(char, escaped) pairs; raises on an unknown escape or a trailing backslash."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            if i + 1 >= len(s):
                raise GiftError(f"line {line}: backslash at the end of the text")
            nxt = s[i + 1]
            if nxt not in _UNESCAPE:
                raise GiftError(f"line {line}: unknown escape \\{nxt}")
            out.append((_UNESCAPE[nxt], True))
            i += 2
            continue
        out.append((ch, False))
        i += 1
    return out


def _plain(toks: list[tuple[str, bool]], where: str, line: int, strip: bool = True) -> str:
    """Text that must hold no unescaped special character."""
    for ch, esc in toks:
        if not esc and ch in SPECIAL:
            raise GiftError(f"line {line}: unescaped {ch!r} in the {where}")
    text = "".join(ch for ch, _ in toks)
    return text.strip() if strip else text


def _split(toks: list[tuple[str, bool]], seps: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    """Split at unescaped separator characters: [(separator or '', tokens after it)]."""
    parts: list[tuple[str, list[tuple[str, bool]]]] = [("", [])]
    for ch, esc in toks:
        if not esc and ch in seps:
            parts.append((ch, []))
        else:
            parts[-1][1].append((ch, esc))
    return parts


def _find(toks: list[tuple[str, bool]], target: str, start: int = 0) -> int:
    n = len(target)
    for i in range(start, len(toks) - n + 1):
        if all(not toks[i + k][1] and toks[i + k][0] == target[k] for k in range(n)):
            return i
    return -1


def _answer(toks: list[tuple[str, bool]], correct: bool, line: int) -> GiftAnswer:
    parts = _split(toks, "#")
    if len(parts) > 2:
        raise GiftError(f"line {line}: more than one feedback in an answer")
    text = _plain(parts[0][1], "answer", line)
    if not text:
        raise GiftError(f"line {line}: empty answer")
    if text.startswith("%"):
        raise GiftError(f"line {line}: answer weights are not used here: {text[:20]!r}")
    feedback = _plain(parts[1][1], "feedback", line) if len(parts) == 2 else ""
    return GiftAnswer(text=text, correct=correct, feedback=feedback)


def _question(block: str, comments: list[str], line: int) -> GiftQuestion:
    toks = _tokens(block, line)
    title = ""
    pos = 0
    if _find(toks, "::") == 0:
        end = _find(toks, "::", 2)
        if end < 0:
            raise GiftError(f"line {line}: title not closed with '::'")
        title = _plain(toks[2:end], "title", line)
        if not title:
            raise GiftError(f"line {line}: empty title")
        pos = end + 2
    rest = toks[pos:]
    opens = [i for i, (ch, esc) in enumerate(rest) if ch == "{" and not esc]
    closes = [i for i, (ch, esc) in enumerate(rest) if ch == "}" and not esc]
    if len(opens) != 1 or len(closes) != 1 or closes[0] < opens[0]:
        raise GiftError(f"line {line}: a question needs exactly one answer block {{…}}")
    before_raw = _plain(rest[: opens[0]], "question text", line, strip=False)
    after_raw = _plain(rest[closes[0] + 1 :], "question text", line, strip=False)
    before, after = before_raw.strip(), after_raw.strip()
    inner = rest[opens[0] + 1 : closes[0]]
    if not before:
        raise GiftError(f"line {line}: empty question text")
    general = ""
    gf = -1
    i = _find(inner, "####")
    while i >= 0:
        gf = i
        i = _find(inner, "####", i + 1)
    if gf >= 0:
        general = _plain(inner[gf + 4 :], "general feedback", line)
        inner = inner[:gf]

    body = "".join(ch for ch, _ in inner).strip()
    head = body.split("#", 1)[0].strip().upper()
    if head in ("T", "F", "TRUE", "FALSE"):
        fb = _split(inner, "#")
        if len(fb) > 3:
            raise GiftError(f"line {line}: true/false takes at most two feedbacks")
        for _, part in fb[1:]:
            _plain(part, "feedback", line)
        if after:
            raise GiftError(f"line {line}: text after a true/false answer block")
        return GiftQuestion(title, before, "tf", (), head.startswith("T"), general, tuple(comments), line)

    parts = _split(inner, "=~")
    if "".join(ch for ch, _ in parts[0][1]).strip():
        raise GiftError(f"line {line}: answers must start with '=' or '~'")
    answers = tuple(_answer(p, sep == "=", line) for sep, p in parts[1:])
    if not answers:
        raise GiftError(f"line {line}: empty answer block")
    n_right = sum(a.correct for a in answers)
    wrong = len(answers) - n_right
    if wrong and n_right != 1:
        raise GiftError(f"line {line}: a multiple-choice question needs exactly one '=' answer, has {n_right}")
    texts = [a.text.casefold() for a in answers]
    if len(set(texts)) != len(texts):
        raise GiftError(f"line {line}: repeated answer")
    kind = "mc" if wrong else "short"
    text = before
    if after:
        kind = "missing_" + ("mc" if wrong else "short")
        text = (before_raw + BLANK + after_raw).strip()  # as Moodle builds it
    return GiftQuestion(title, text, kind, answers, None, general, tuple(comments), line)


def parse_gift(text: str) -> list[GiftQuestion]:
    """Every question in a GIFT file, in order; raises ``GiftError`` on anything loose."""
    if text.startswith("\ufeff"):
        text = text[1:]
    questions: list[GiftQuestion] = []
    block: list[str] = []
    comments: list[str] = []
    start = 0

    def flush() -> None:
        nonlocal block, comments
        if block:
            questions.append(_question("\n".join(block), comments, start))
        elif comments:
            pass  # a comment paragraph on its own (a file header) is fine
        block, comments = [], []

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if line.lstrip().startswith("//"):
            if block:
                raise GiftError(f"line {n}: a comment inside a question")
            comments.append(line.lstrip()[2:].strip())
            continue
        if line.lstrip().startswith("$CATEGORY:"):
            raise GiftError(f"line {n}: categories are not used here")
        if not block:
            start = n
        block.append(line)
    flush()
    return questions
