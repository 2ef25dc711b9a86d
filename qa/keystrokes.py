"""Raw keystrokes an input method left unconverted, read as the syllables they spell.

When Unikey or a phone keyboard is switched off, a Vietnamese typist's marks arrive as the keys
pressed: Telex "ddangr vieen phair lamf gif" (đảng viên phải làm gì), VNI "ca1c co7 quan" (các cơ
quan). Neither the BM25 views nor the embedding model read those words. A token is read again
when its keys spell a syllable of the language (underthesea's Viet74K word list) that it does
not already spell as typed; the keys of each method are data (``data/input_methods.tsv``).

Plain words in English or without accents must stay as typed ("is", "how", "car" spell "í",
"hơ", "cả" in Telex), so a question is read again only when it shows the keys for sure: a token
no syllable is spelled like, with a mark key inside it (a doubled vowel, ``dd``, ``w`` before
another letter, a VNI digit between letters) or five letters long, or two tokens of three letters
or more that spell syllables by their keys.
Capitals ("TW", "KH") are abbreviations, never keystrokes.

>>> decoded("thowif hanj laays phieeus tins nhieemj")
'thời hạn lấy phiếu tín nhiệm'
>>> decoded("Plan này có apply cho civil servants không?")
'Plan này có apply cho civil servants không?'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .datafiles import DATA, data_lines
from .spelling import english_words, language_syllables
from .text import normalize

_TONE_MARKS = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323"}
_MARKED = {"circumflex": {"a": "â", "e": "ê", "o": "ô"}, "horn": {"o": "ơ", "u": "ư", "a": "ă"},
           "breve": {"a": "ă"}, "stroke": {"d": "đ"}}
_VOWELS = "aeiouyâêôơưă"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_LONGEST = 10  # "nguwowif" has 8 keys; a longer token is a word of another language
_KEYS_SEEN = re.compile(r"[a-z][sfrxj]\b|dd|aa|ee|oo|w|[a-z][1-9]")
_SURE_LENGTH = 5  # "nhungx", "trachs": no English word of five letters spells a syllable by its keys


@lru_cache(maxsize=1)
def _methods() -> dict[str, dict[str, str]]:
    methods: dict[str, dict[str, str]] = {}
    for line in data_lines(DATA / "input_methods.tsv"):
        method, key, effect = (part.strip() for part in line.split("\t")[:3])
        if effect not in _TONE_MARKS and effect not in _MARKED:
            raise ValueError(f"input_methods.tsv: unknown effect {effect!r} of key {key!r}")
        methods.setdefault(method, {})[key] = effect
    return methods


def _with_tone(base: str, tone: str | None) -> str | None:
    """``base`` (its letters marked) with ``tone`` on the vowel that makes a syllable of the
    language; the plan's tone placement ("hóa", "thủy") when both are."""
    accented = language_syllables()[0]
    if tone is None:
        return base if base in accented else None
    mark = _TONE_MARKS[tone]
    found = {normalize(unicodedata.normalize("NFC", base[: i + 1] + mark + base[i + 1:]))
             for i, ch in enumerate(base) if ch in _VOWELS}
    found = sorted(w for w in found if w in accented)
    return found[0] if len(found) == 1 else None


def _horned(letters: str) -> str:
    """Telex and VNI both let "uo" take one horn key for "ươ" ("nguoiwf", "huowng")."""
    letters = letters.replace("ưo", "ươ")
    return re.sub(r"uơ(?=[iuyctmnpg])", "ươ", letters)


def _telex(token: str) -> tuple[str, bool] | None:
    """The syllable ``token``'s Telex keys spell, and whether a mark key shows in it for sure."""
    keys = _methods().get("telex", {})
    tone = None
    first_vowel = next((i for i, ch in enumerate(token) if ch in _VOWELS), len(token))
    at = [i for i in range(first_vowel + 1, len(token)) if keys.get(token[i]) in _TONE_MARKS]
    if len(at) > 1:
        return None
    if at:  # the tone key comes after the vowel, at the end or before the coda ("caasp")
        tone, token = keys[token[at[0]]], token[: at[0]] + token[at[0] + 1:]
    letters, sure = token, False
    for double in ("dd", "aa", "ee", "oo"):
        effect = keys.get(double)
        if effect and double in letters and (double != "dd" or letters.startswith("dd")):
            letters = letters.replace(double, _MARKED[effect][double[0]], 1)
            sure = True
    horn = keys.get("w")
    if horn and "w" in letters:
        out = []
        for i, ch in enumerate(letters):
            if ch != "w":
                out.append(ch)
                continue
            before = "".join(out)
            target = max((before.rfind(v) for v in _MARKED[horn]), default=-1)
            if target < 0:
                if before and before[-1] in _VOWELS:
                    return None
                out.append("ư")  # "w" with no vowel before it is "ư" ("wf", "ddwowcj")
                continue
            out[target] = _MARKED[horn][before[target]]
            if before[target] == "o" and target > 0 and out[target - 1] == "u":
                out[target - 1] = "ư"
            sure = sure or i < len(letters) - 1
        letters = "".join(out)
    if letters == token and tone is None:
        return None
    if not any(ch in _VOWELS for ch in letters):
        # "ddc", "ddv": the abbreviations "đc", "đv" typed in Telex
        return (letters, True) if letters.startswith("đ") and tone is None else None
    word = _with_tone(_horned(letters), tone)
    return (word, sure) if word else None


def _vni(token: str) -> tuple[str, bool] | None:
    """The syllable ``token``'s VNI keys spell, and whether a key sits between its letters."""
    keys = _methods().get("vni", {})
    if not any(ch.isdigit() for ch in token) or not token[0].isalpha():
        return None
    out: list[str] = []
    tone, sure = None, False
    for i, ch in enumerate(token):
        if not ch.isdigit():
            out.append(ch)
            continue
        effect = keys.get(ch)
        if effect is None:
            return None
        if effect in _TONE_MARKS:
            if tone is not None:
                return None
            tone = effect
        else:
            marks = _MARKED[effect]
            target = max((i for i, c in enumerate(out) if c in marks), default=-1)
            if target < 0:
                return None
            out[target] = marks[out[target]]
            if effect == "horn" and out[target] == "ơ" and target > 0 and out[target - 1] == "u":
                out[target - 1] = "ư"
        sure = sure or (i < len(token) - 1 and token[i + 1].isalpha())
    word = _with_tone(_horned("".join(out)), tone)
    return (word, sure) if word else None


@lru_cache(maxsize=4096)
def _read(token: str) -> tuple[str, bool, bool] | None:
    """What ``token`` spells by its keys, when it spells no syllable as typed; whether a mark key
    shows in it for sure; whether it counts towards two keyed tokens (three letters or more, and
    not an English "how" or "now": a horn key last)."""
    abbreviation = token.isupper() and len(token) > 1  # "TW", "KH", "BCT"
    # capitals inside ("iPhone"), or one letter alone: no keys of a syllable (VNI digits aside)
    named = not token[1:].islower() and not any(c.isdigit() for c in token)
    if len(token) > _LONGEST or abbreviation or named:
        return None
    lower = token.lower()
    accented, folded = language_syllables()
    if not accented:
        return None
    found = _vni(lower) if any(ch.isdigit() for ch in lower) else _telex(lower)
    if found is None:
        return None
    word, sure = found
    plain = lower in folded  # "xoong", "boong": a word as typed; read again only beside sure keys
    sure = not plain and (sure or len(lower) >= _SURE_LENGTH)
    if token[0].isupper():
        word = word[0].upper() + word[1:]
    return word, sure, sure or (len(lower) >= 3 and not lower.endswith("w"))


def decoded(text: str) -> str:
    """``text`` with the tokens typed as raw Telex or VNI keys read as what they spell, when the
    text shows such keys for sure; otherwise ``text`` unchanged."""
    if not text.isascii() and not _KEYS_SEEN.search(text):  # typed with marks and no key in sight
        return text
    if english_words(text):  # "… issue their own plans?": English, whose "own" is no Telex "ơn"
        return text
    reads = {m.start(): _read(m.group(0)) for m in _TOKEN.finditer(text)}
    reads = {k: v for k, v in reads.items() if v is not None}
    if not any(sure for _, sure, _ in reads.values()) and sum(counts for *_, counts in reads.values()) < 2:
        return text
    return _TOKEN.sub(lambda m: reads[m.start()][0] if m.start() in reads else m.group(0), text)
