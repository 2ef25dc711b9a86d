"""Vietnamese text handling: normalisation, folding, segmentation, tokens.

Everything that touches characters lives here so that the index and the query
see exactly the same transformations.

>>> fold("Ủy ban Kiểm tra")
'uy ban kiem tra'
>>> normalize("hoá  thuỷ")
'hóa thủy'
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from .datafiles import DATA, data_lines

# Tone marks as combining characters (NFD). Vowel-quality marks (circumflex,
# breve, horn) are not tones and stay on their letter.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]")
# Unicode category Cf (format characters) as of Unicode 14: zero-width spaces and
# joiners, soft hyphen, BOM, word joiner, bidi overrides. Web pages and Word files
# paste them inside words ("trách\u00adnhiệm"); they are dropped, not made spaces.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def _move_tone(word: str) -> str:
    """Old-style tone placement (``hoá``, ``thuỷ``, ``khoẻ``) → the form the plan uses.

    Only open syllables ending in oa/oe/uy differ between the two conventions;
    ``qu`` + ``y`` (``quý``) keeps its mark on the ``y``.
    """
    decomposed = unicodedata.normalize("NFD", word)
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) != 1:
        return word
    low = base.lower()
    if len(low) < 2 or low[-2:] not in ("oa", "oe", "uy"):
        return word
    if low[-2:] == "uy" and low[-3:-2] == "q":
        return word
    # The tone must currently sit on the last letter to be old-style.
    if not decomposed.endswith(tones[0]):
        return word
    rebuilt = base[:-1] + tones[0] + base[-1]
    return unicodedata.normalize("NFC", rebuilt)


def normalize(text: str) -> str:
    """NFC, one tone convention, format characters removed, controls made spaces, spaces collapsed per line."""
    text = unicodedata.normalize("NFC", _FORMAT.sub("", text))
    text = _CONTROL.sub(" ", text)
    text = _WORD.sub(lambda m: _move_tone(m.group(0)) if len(m.group(0)) <= 7 else m.group(0), text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


_MARKUP = frozenset("*_#`~|")
_PUNCTUATION_RUN = re.compile(r"([!?.,;:])(?:\s*[!?.,;:])+")


# a list mark or a command-line option before the words: "- ai ký?", "--help ai ký?"
_LEADING_MARK = re.compile(r"^\s*(?:(?:[-*+•]+|--[^\W\d_][\w-]*)\s+)+")


def plain(text: str) -> str:
    """The words and plain punctuation of a text, for a model that reads every character: symbols
    (emoji, arrows, markdown's ``**``, ``#``) and a leading list mark or option ("- ", "--help ")
    dropped, a run of punctuation ("???!!!") made its first mark, spaces collapsed.
    ``"🙏 **ai ký?**???"`` → ``"ai ký?"``."""
    text = _LEADING_MARK.sub("", text)
    kept = "".join(" " if ch in _MARKUP or unicodedata.category(ch).startswith("S") else ch for ch in text)
    return _SPACES.sub(" ", _PUNCTUATION_RUN.sub(r"\1", kept)).strip()


def collapse(text: str) -> str:
    """NFC with every run of white space reduced to one space (for substring checks)."""
    return _SPACES.sub(" ", re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))).strip()


def fold(text: str) -> str:
    """Lower-case, strip diacritics, ``đ`` → ``d``: the form users type without accents."""
    return _fold_word(text) if len(text) <= 32 else _fold(text)


def _fold(text: str) -> str:
    low = text.lower()
    if _FOLD_OTHER.search(low) is None:
        return low.translate(_FOLD_TABLE)
    return _fold_slow(low)


_fold_word = lru_cache(maxsize=1 << 16)(_fold)  # syllables and short phrases recur in every question


def _fold_slow(low: str) -> str:
    decomposed = unicodedata.normalize("NFD", low)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.replace("đ", "d")


# Latin letters, their combining marks and punctuation fold one character at a time: within
# these ranges every mark that NFD could reorder is one fold drops, so a table gives the same
# result as decomposing the whole text (tested over every character) at a fraction of the cost.
_FOLD_RANGES = ((0x0000, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00), (0x2000, 0x2070))
_FOLD_OTHER = re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in _FOLD_RANGES) + "]")
_FOLD_TABLE = {c: _fold_slow(chr(c)) for a, b in _FOLD_RANGES for c in range(a, b) if _fold_slow(chr(c)) != chr(c)}


# ``fold`` without its lower-casing: its table keeps case already, but for the capital "Đ"
_STRIP = {**_FOLD_TABLE, ord("Đ"): "D"}


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic (so it was typed with accents)."""
    return fold(text) != text.lower()


def syllables(text: str) -> list[str]:
    """Lower-cased word characters split on anything else: the syllables."""
    return [m.group(0) for m in _WORD.finditer(text.lower())]


def _stopwords() -> tuple[frozenset[str], frozenset[str]]:
    lists: dict[str, set[str]] = {"accented": set(), "folded": set()}
    for line in data_lines(DATA / "stopwords.tsv"):
        name, words = line.split("\t", 1)
        lists[name.strip()].update(words.split())
    return frozenset(lists["accented"]), frozenset(lists["folded"])


# Question words and function words that carry no topic (qa/data/stopwords.tsv); the folded
# list keeps only forms that cannot collide with content words ("dang": "đang" and "Đảng").
STOPWORDS, STOPWORDS_FOLDED = _stopwords()


def content_syllables(text: str, keep_accents: bool = False) -> list[str]:
    """Folded syllables that carry topic: question and function words removed.

    >>> content_syllables("Ai chịu trách nhiệm thể chế hóa?")
    ['chiu', 'trach', 'nhiem', 'the', 'che', 'hoa']
    """
    sylls = syllables(text)
    if has_diacritics(text):
        kept = [s for s in sylls if s not in STOPWORDS]
    else:
        kept = [s for s in sylls if s not in STOPWORDS_FOLDED]
    return [s if keep_accents else fold(s) for s in kept if not s.isdigit()]


def _abbreviations() -> tuple[dict[str, str], frozenset[str], dict[str, frozenset[str]], dict[str, str]]:
    full, caps, beside, otherwise = {}, set(), {}, {}
    for line in data_lines(DATA / "abbreviations.tsv"):
        short, name, *flags = line.split("\t")
        key = fold(short.strip())
        full[key] = name.strip()
        for flag in flags:
            if flag.strip() == "caps":
                caps.add(key)
            elif flag.startswith("beside:"):  # expanded only next to one of these words
                beside[key] = frozenset(fold(w.strip()) for w in flag[len("beside:"):].split("|"))
            elif flag.startswith("else:"):  # what it stands for when not next to those words
                otherwise[key] = flag[len("else:"):].strip()
    return full, frozenset(caps), beside, otherwise


# Abbreviations cadres type, expanded before matching (keys are folded): qa/data/abbreviations.tsv.
ABBREVIATIONS, _CAPS_ONLY, _BESIDE, _OTHERWISE = _abbreviations()
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_WORD_AFTER = re.compile(r"^\W*(\w+)")
# A word not glued to "-" or "/" (so "21-KL/TW" stays a document number), or two short ones joined by "/"
# ("t/gian": thời gian).
_ABBR_CANDIDATE = re.compile(r"(?<![-/\w])(?:\w{1,3}/\w{1,5}|\w{2,7})(?![-/\w])")


def strip_accents(text: str) -> str:
    """``text`` without diacritics, case kept ("Ủy ban" → "Uy ban")."""
    return text.translate(_STRIP) if has_diacritics(text) else text


def expand_abbreviations(text: str, accents: bool = True) -> str:
    """Replace common Party abbreviations (UBKT, BCH, TW…) by their full names; without
    ``accents``, as a user typing without them would write the names.

    A form that is also a syllable is expanded only in upper case, so that the ordinary
    word "tu" in accent-free text is not mistaken for "TƯ"; the others ("kh", "tw", "ko")
    are no Vietnamese word and are expanded as typed.

    >>> expand_abbreviations("UBKT TW làm gì theo 21-KL/TW?")
    'Ủy ban Kiểm tra Trung ương làm gì theo 21-KL/TW?'
    """

    def spelt(name: str) -> str:
        return name if accents else strip_accents(name)

    def sub(m: re.Match) -> str:
        word = m.group(0)
        key = fold(word).lower()
        if key not in ABBREVIATIONS:
            return word
        if key in _BESIDE:  # "Ban TG", "TG TW" are Tuyên giáo; "TG thực hiện?" is thời gian
            before = _WORD_BEFORE.search(text[:m.start()])
            after = _WORD_AFTER.search(text[m.end():])
            near = {fold(w.group(1)).lower() for w in (before, after) if w}
            if not near & _BESIDE[key]:
                return spelt(_OTHERWISE[key]) if key in _OTHERWISE else word
        if key in _CAPS_ONLY and not word.isupper():
            return word
        return spelt(ABBREVIATIONS[key])

    return _ABBR_CANDIDATE.sub(sub, text)


# underthesea's __init__ imports these optional pipelines eagerly; translate alone pulls in
# transformers and torch (3 s). Word segmentation needs none of them.
_UNDERTHESEA_OPTIONAL = ("classification", "sentiment", "lang_detect", "dependency_parse", "translate")


def _word_tokenize():
    """``underthesea.word_tokenize`` without importing its optional pipelines (0.5 s, not 3.7 s)."""
    import sys

    blocked = [f"underthesea.pipeline.{name}" for name in _UNDERTHESEA_OPTIONAL]
    blocked += ["underthesea.agent", "underthesea.address"]
    fresh = "underthesea" not in sys.modules
    if fresh:  # a None entry makes their import fail fast: underthesea then sets them to None
        for name in blocked:
            sys.modules.setdefault(name, None)
    try:
        from underthesea import word_tokenize
    except ImportError as exc:  # pragma: no cover - install problem
        raise RuntimeError("underthesea is not installed: pip install underthesea") from exc
    finally:
        if fresh:  # a later explicit import of one of them works as usual
            for name in blocked:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]
    return word_tokenize


class Segmenter:
    """underthesea word segmentation, loaded on first use (its import takes a moment).

    >>> Segmenter().words("thể chế hóa nội dung")
    ['thể_chế', 'hóa', 'nội_dung']
    """

    def __init__(self) -> None:
        self._tokenize = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        if self._tokenize is None:
            with self._lock:
                if self._tokenize is None:
                    self._tokenize = _word_tokenize()

    def words(self, text: str) -> list[str]:
        """Lower-cased words; multi-syllable words joined with ``_``."""
        return list(self._words(text))

    @lru_cache(maxsize=256)  # noqa: B019 - one segmenter a process; a follow-up segments its earlier turn again
    def _words(self, text: str) -> tuple[str, ...]:
        self.warm_up()
        out = []
        for token in self._tokenize(text):
            parts = syllables(token)
            if parts:
                out.append("_".join(parts))
        return tuple(out)


def _is_stop(syllable: str, accented: bool) -> bool:
    return syllable in (STOPWORDS if accented else STOPWORDS_FOLDED)


def accented_tokens(text: str, segmenter: Segmenter, drop_stopwords: bool = False) -> list[str]:
    """Tokens of the accented field: syllables plus segmented compound words."""
    sylls = syllables(text)
    compounds = [w for w in segmenter.words(text) if "_" in w]
    if drop_stopwords:
        sylls = [s for s in sylls if not _is_stop(s, True)]
        compounds = [w for w in compounds if not all(_is_stop(p, True) for p in w.split("_"))]
    return sylls + compounds


def folded_tokens(text: str, drop_stopwords: bool = False) -> list[str]:
    """Tokens of the folded field: accent-free syllables plus adjacent-syllable bigrams.

    Bigrams stand in for word segmentation, which fails on accent-free text.
    Stopwords are judged before folding when the text has accents.
    """
    raw = syllables(text)
    accented = has_diacritics(text)
    stop = [_is_stop(s, accented) for s in raw] if drop_stopwords else [False] * len(raw)
    sylls = [fold(s) for s in raw]
    unigrams = [s for s, is_stop in zip(sylls, stop) if not is_stop]
    bigrams = [f"{a}_{b}" for (a, sa), (b, sb) in zip(zip(sylls, stop), zip(sylls[1:], stop[1:])) if not (sa and sb)]
    return unigrams + bigrams
