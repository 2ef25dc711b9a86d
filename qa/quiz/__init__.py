"""Quiz builder for trainers: grounded review questions from the plan, exported for learning platforms.

    clauses → content → distractors, context → mcq, statements (true/false), cloze
            → generate (balanced pick) → check (self-check) → export (GIFT, Aiken, CSV, JSON)
    lexicon (phrases.tsv), cuts, balance → review (quality check of a finished quiz)

>>> from qa.quiz import QuizOptions, generate_quiz, export
>>> result = generate_quiz(clauses, QuizOptions(n=20, sections=("III",), seed=7))
>>> export(result.items, "gift").text
>>> review_quiz(result.items, clauses, result.caps).counts()
"""

from qa.quiz.check import SelfCheck
from qa.quiz.export import EXTENSIONS, FORMATS, Exported, export
from qa.quiz.generate import generate_quiz, section_choices
from qa.quiz.model import KINDS, Caps, Claim, Dropped, ItemCitation, QuizError, QuizItem, QuizOptions, QuizResult
from qa.quiz.review import RULES, Problem, QualityCheck, Review, review_quiz

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "KINDS",
    "RULES",
    "Caps",
    "Claim",
    "Dropped",
    "Exported",
    "Problem",
    "QualityCheck",
    "Review",
    "ItemCitation",
    "QuizError",
    "QuizItem",
    "QuizOptions",
    "QuizResult",
    "SelfCheck",
    "export",
    "generate_quiz",
    "review_quiz",
    "section_choices",
]
