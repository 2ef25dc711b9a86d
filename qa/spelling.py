"""Slips of the keyboard in a question, undone against the corpus's own syllables.

A Vietnamese syllable has a fixed shape: an optional onset (``ngh``, ``tr``, ``b``…), a
vowel nucleus and an optional coda (``ch``, ``ng``, ``nh``, ``c``, ``m``, ``n``, ``p``, ``t``).
A typed word that breaks that shape ("đíhc", "nghiã", "chíhn") is a slip: swapping two
adjacent letters or dropping one that makes it a syllable the corpus uses is the fix.
Well-formed words the corpus does not use are left alone — they are the user's own words,
which the paraphrase lexicon and the embedding model read.

>>> Speller(lambda s: s in {"đích", "chính"}).fix("Mục đíhc của kế hoạch, chíhn sách")
'Mục đích của kế hoạch, chính sách'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

from .datafiles import DATA, data_lines
from .text import ABBREVIATIONS, STOPWORDS, fold, has_diacritics

_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ieu|ie|iu|oa|oai|oay|oe|oi|oo|ua|uay|ue|ui|uo|uoi|uou|uu|uy|uya|uye|uyu|ya|ye|yeu|oao|oeo|ueu|uau)"
    r"(ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"\w+")
_VOWEL = re.compile(r"[aeiouy]")
_ROMAN = re.compile(r"[ivxlc]+")  # "xii", "iii": a numeral, not a slip
_LONGEST = 8  # "nghiêng" has 7 letters: a longer word is no syllable with one slip


def well_formed(word: str) -> bool:
    """The word has the shape of a Vietnamese syllable (judged on its folded letters)."""
    folded = fold(word)
    return folded.isdigit() or bool(_SYLLABLE.fullmatch(folded))


def _foreign(word: str) -> bool:
    """Letters only, none of them Vietnamese, in no Vietnamese syllable's shape ("and", "cadres")."""
    return word.isascii() and word.isalpha() and len(word) > 1 and not well_formed(word.lower())


def _candidates(word: str):
    for i in range(len(word) - 1):  # two letters swapped
        yield word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(len(word)):  # one letter too many
        yield word[:i] + word[i + 1:]


@lru_cache(maxsize=1)
def language_syllables() -> tuple[frozenset[str], frozenset[str]]:
    """The syllables of underthesea's Viet74K word list, as written and folded: the language's,
    not only the corpus's. Empty when the list is absent."""
    from .accents import dictionary_words

    words = {s for w in dictionary_words() for s in w.split()}
    return frozenset(words), frozenset(fold(w) for w in words)


def in_language(word: str) -> bool:
    """The word is a Vietnamese syllable (with its accents when typed with them); True when
    the word list is absent, so that nothing is taken for a slip."""
    accented, folded = language_syllables()
    if not accented:
        return True
    lower = word.lower()
    return lower in accented if fold(lower) != lower else lower in folded


@lru_cache(maxsize=1)
def standard_forms() -> dict[str, str]:
    """Spoken, regional and English forms → the standard words the question is read with
    (``colloquial.tsv``, ``english.tsv``: "mần" → "làm", "plan" → "kế hoạch"), forms in lower case.
    The speller leaves them alone: they are the user's own words, not slips ("plan" is no "lan")."""
    forms = dict(line.split("\t")[:2] for name in ("colloquial.tsv", "english.tsv") for line in data_lines(DATA / name)
                 if not _final_only(line))
    return {k.strip().lower(): v.strip() for k, v in forms.items()}


@lru_cache(maxsize=1)
def _spoken_syllables() -> frozenset[str]:
    """The syllables of the spoken and regional forms read later ("chừng" of "chừng nào"): the user's own."""
    return frozenset(w for phrase in standard_forms() for w in phrase.lower().split())


def _final_only(line: str) -> bool:
    return len(line.split("\t")) > 2 and line.split("\t")[2].strip() == "end"


@lru_cache(maxsize=1)
def final_forms() -> dict[str, str]:
    """Regional question words read as standard only where they end a question (``colloquial.tsv``,
    third column ``end``: "giữ chức vụ chi?" asks "gì", but "chi bộ" is no question), lower case."""
    return {line.split("\t")[0].strip().lower(): line.split("\t")[1].strip()
            for line in data_lines(DATA / "colloquial.tsv") if _final_only(line)}


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines(DATA / "english_function_words.tsv") if ln.strip())


def english_words(text: str) -> frozenset[str]:
    """The English words of a question typed (partly) in English: with two English function words
    or more that are no Vietnamese syllable ("what does the plan say about confidence votes?": "what",
    "does", "about"), the function words and the words of three
    letters or more that are no Vietnamese syllable ("press", "votes"); else none. Abbreviations
    (capitals) and numbers are not words here.

    >>> sorted(english_words("what does the plan ask the press to do?"))
    ['ask', 'does', 'plan', 'press', 'the', 'to', 'what']
    """
    function = _english_function_words()
    tokens = re.findall(r"[A-Za-z]+", text)
    folded = language_syllables()[1]
    # two that no Vietnamese typed without accents could be ("the", "do", "can" could: thể, do, cần)
    if sum(t.lower() in function and t.lower() not in folded for t in tokens) < 2:
        return frozenset()
    return frozenset(t.lower() for t in tokens
                     if t.lower() in function or (len(t) >= 3 and not t.isupper() and t.lower() not in folded))


_LETTERS = "abcdeghiklmnopqrstuvxyđ"  # what a slip of one key inserts or replaces (tone marks aside)
_CONTEXT_TRIES = 6  # words of one text tried in context: ~150 candidates each


def _more_candidates(word: str):
    for i in range(len(word) + 1):  # one letter missing ("hàh": "hành")
        for ch in _LETTERS:
            yield word[:i] + ch + word[i:]
    for i in range(len(word)):  # one letter wrong ("khônh": "không")
        for ch in _LETTERS:
            if ch != word[i]:
                yield word[:i] + ch + word[i + 1:]


def _function_word(lower: str) -> str | None:
    """The one function word (``data/stopwords.tsv``, with accents) a slip of one letter — swapped,
    too many, missing or wrong — comes from; None when none or several do."""
    found = {c for c in (*_candidates(lower), *_more_candidates(lower)) if c in STOPWORDS and len(c) > 2}
    return found.pop() if len(found) == 1 else None


class Speller:
    """``knows(syllable)``: the corpus uses this syllable (as typed: accented or folded).
    ``phrase(folded)``: the corpus holds these folded syllables in a row — a fix that makes a
    phrase with the word before or after it is the one meant. ``vocabulary(word)``: the word is
    a Vietnamese syllable (any, not only the corpus's): one that is not is a slip even when
    its shape is well formed ("khônh")."""

    def __init__(self, knows: Callable[[str], bool], phrase: Callable[[str], bool] | None = None,
                 vocabulary: Callable[[str], bool] | None = None,
                 variants: Callable[[str], tuple[str, ...]] | None = None) -> None:
        self.knows = knows
        self.phrase = phrase
        self.vocabulary = vocabulary
        self.variants = variants  # folded syllable → the corpus's syllables with those letters, accented

    def fix_word(self, word: str, before: str = "", after: str = "", context: bool = True,
                 marks_typed: bool = False) -> str:
        """``context``: try the fixes that need the words around (a missing or wrong letter);
        ``marks_typed``: the rest of the text has its tone marks, so a word without any may have
        lost them ("nhiệm vu")."""
        lower = word.lower()
        marked = self._tone_slip(lower, before, after, marks_typed)
        if marked:
            return marked.capitalize() if word[:1].isupper() else marked
        if not self._slip(lower):
            return word
        shaped = well_formed(lower)
        fixed = self._in_context(lower, before, after) if context else None
        if fixed is None and not shaped:  # the first swap or deletion the corpus knows
            fixed = next((c for c in _candidates(lower) if well_formed(c) and self.knows(c)), None)
        if fixed is None and context and not (len(word) > 1 and word.isupper()):
            # a function word ("khônh" at the end: "không"), the commonest words; not a word typed in
            # capitals, which is an abbreviation or a numeral ("XII")
            fixed = _function_word(lower)
        if fixed is None:
            return word
        return fixed.capitalize() if word[:1].isupper() else fixed

    def _tone_slip(self, lower: str, before: str, after: str, marks_typed: bool = False) -> str | None:
        """A tone or vowel mark typed wrong ("mục đich", "chất lương"), or left out in a text typed
        with marks ("nhiệm vu"): the word as typed is not the corpus's, the corpus writes these
        letters one way only, and that way makes a phrase of the corpus with the word before (the
        word after, for a text's first word). The user's own word stays ("tăng lương": the corpus
        has no "tăng lượng"); a text typed without any marks is the accent restorer's to read."""
        if self.variants is None or self.phrase is None or not lower.isalpha():
            return None
        plain = fold(lower) == lower
        if plain and not marks_typed or not plain and (self.knows(lower) or lower in STOPWORDS):
            return None  # (a function word typed with its marks is meant: "chi bộ mấy lâu" is no "bộ máy")
        spellings = self.variants(fold(lower))
        if plain and lower in spellings:  # the corpus writes it so ("ban", "can")
            return None
        options = [v for v in spellings if v != lower]
        if len(options) > 1 and not plain and lower not in _spoken_syllables():
            # "nói vè cái gì": of the corpus's ways to write the letters, the one function word ("về", not
            # "vệ") is meant where the words beside it make no phrase of the corpus ("bảo vè": "bảo vệ"?)
            folded = fold(lower)
            joined = before and self.phrase(fold(before) + " " + folded) or after and self.phrase(folded + " " + fold(after))
            function = [o for o in options if o in STOPWORDS]
            return function[0] if len(function) == 1 and not joined else None
        if len(options) != 1:
            return None
        phrase = f"{before} {options[0]}" if before else f"{options[0]} {after}" if after else ""
        return options[0] if phrase and self.phrase(fold(phrase)) else None

    def _slip(self, lower: str) -> bool:
        """A word to fix: a syllable's length with a vowel ("ubkt", "hđnd" are abbreviations), which
        the corpus does not use, which is none of the abbreviations read later ("tgian" is no slip
        for "gian") and which, shaped like a syllable, is no word of the language either (one that
        is, is the user's own)."""
        return 3 <= len(lower) <= _LONGEST and lower.isalpha() and bool(_VOWEL.search(fold(lower))) \
            and not _ROMAN.fullmatch(lower) \
            and not self.knows(lower) and fold(lower) not in ABBREVIATIONS and lower not in standard_forms() \
            and not (well_formed(lower) and (self.vocabulary is None or self.vocabulary(lower)))

    def _in_context(self, lower: str, before: str, after: str) -> str | None:
        """The first fix the corpus knows that makes a phrase with the word before or after it."""
        if self.phrase is None or not (before or after):
            return None
        seen: set[str] = set()
        for c in (*_candidates(lower), *_more_candidates(lower)):
            if c in seen or not well_formed(c) or not self.knows(c):
                continue
            seen.add(c)
            if (before and self.phrase(fold(f"{before} {c}"))) or (after and self.phrase(fold(f"{c} {after}"))):
                return c
        return None

    def fix(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)  # a mark typed as its own character is no word break
        words = list(_WORD.finditer(text))
        if not words:
            return text
        out, end = [], 0
        tried = 0  # slips tried in context, so that a long paste costs a few only
        marks_typed = has_diacritics(text)
        # English typed in a Vietnamese question ("dynamic and creative cadres"): words of no Vietnamese
        # shape and no marks, next to another such word, are the user's own, not slips
        foreign = [_foreign(m.group(0)) for m in words]
        for i, m in enumerate(words):
            before = words[i - 1].group(0).lower() if i else ""
            after = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
            out.append(text[end:m.start()])
            if foreign[i] and (i and foreign[i - 1] or i + 1 < len(words) and foreign[i + 1]):
                out.append(m.group(0))
                end = m.end()
                continue
            out.append(self.fix_word(m.group(0), before, after, context=tried < _CONTEXT_TRIES, marks_typed=marks_typed))
            tried += self._slip(m.group(0).lower())
            end = m.end()
        out.append(text[end:])
        return "".join(out)
