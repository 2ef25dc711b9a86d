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
from typing import Callable

from .text import fold

_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ieu|ie|iu|oa|oai|oay|oe|oi|oo|ua|uay|ue|ui|uo|uoi|uou|uu|uy|uya|uye|uyu|ya|ye|yeu|oao|oeo|ueu|uau)"
    r"(ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"\w+")
_VOWEL = re.compile(r"[aeiouy]")
_LONGEST = 8  # "nghiêng" has 7 letters: a longer word is no syllable with one slip


def well_formed(word: str) -> bool:
    """The word has the shape of a Vietnamese syllable (judged on its folded letters)."""
    folded = fold(word)
    return folded.isdigit() or bool(_SYLLABLE.fullmatch(folded))


def _candidates(word: str):
    for i in range(len(word) - 1):  # two letters swapped
        yield word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(len(word)):  # one letter too many
        yield word[:i] + word[i + 1:]


class Speller:
    """``knows(syllable)``: the corpus uses this syllable (as typed: accented or folded)."""

    def __init__(self, knows: Callable[[str], bool]) -> None:
        self.knows = knows

    def fix_word(self, word: str) -> str:
        lower = word.lower()
        if not 3 <= len(lower) <= _LONGEST or not lower.isalpha() or not _VOWEL.search(fold(lower)) or well_formed(lower) \
                or self.knows(lower):  # "ubkt", "hđnd": abbreviations, no slip
            return word
        for candidate in _candidates(lower):
            if well_formed(candidate) and self.knows(candidate):
                return candidate.capitalize() if word[:1].isupper() else candidate
        return word

    def fix(self, text: str) -> str:
        return _WORD.sub(lambda m: self.fix_word(m.group(0)), text)
