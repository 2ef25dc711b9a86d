"""How a quiz spreads over the plan: what each item asks (its template) and the caps on repeats.

A template is what an item makes the trainee recall, whatever its kind: a deadline
(«được thực hiện theo thời hạn …», a blanked timing), who acts (lead, coordinating
or blanked body), where a passage sits (task or section), or a key term. The caps keep
one template under ``QuizOptions.max_template_share`` of the items and one clause
under ``QuizOptions.max_per_clause`` items, each raised only as far as the quiz's
size needs (30 items from 20 clauses allow 2 per clause).

>>> Caps.for_quiz(QuizOptions(n=30), n_clauses=20, n_templates=4)
Caps(per_clause=2, per_template=10)
"""

from __future__ import annotations

from qa.quiz.model import Caps, QuizItem

__all__ = ["TEMPLATES", "Caps", "template_of", "template_of_topic"]

TEMPLATES = ("deadline", "who", "where", "term")
_BY_TOPIC = {
    "timing": "deadline",
    "lead": "who",
    "coordinate": "who",
    "body": "who",
    "task": "where",
    "section": "where",
    "term": "term",
}
_BY_FACT = {"timing": "deadline", "lead": "who", "body": "who", "phrase": "where", "term": "term"}


def template_of(item: QuizItem) -> str:
    """The template an item asks; a statement item asks what its true statement states."""
    if item.topic != "statement":
        return _BY_TOPIC.get(item.topic, item.topic)
    answer_i = item.options.index(item.answer) if item.answer in item.options else -1
    facts = [c.fact for c in item.claims if c.option == answer_i and c.holds]
    return _BY_FACT.get(facts[0], facts[0]) if facts else "statement"


def template_of_topic(topic: str, fact: str = "") -> str:
    """The template of a candidate, before it is built (a statement by the fact it states)."""
    if topic == "statement":
        return _BY_FACT.get(fact, fact)
    return _BY_TOPIC.get(topic, topic)
