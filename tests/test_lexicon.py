"""The paraphrase lexicon: bridges only where the corpus lacks the user's words."""

from qa.lexicon import Lexicon

LEX = Lexicon(groups=(("báo chí", "báo đài", "truyền thông"), ("cục bộ", "bè phái"), ("chịu trách nhiệm", "lo")))
CORPUS = {"bao chi", "cuc bo", "chiu trach nhiem"}


def has(phrase):
    return phrase in CORPUS


def test_a_phrase_the_corpus_lacks_is_bridged_to_the_words_it_has():
    [bridge] = LEX.bridges("Báo đài phải đưa tin gì?", has)
    assert (bridge.said, bridge.plan_words, bridge.said_syllables) == ("báo đài", ("báo chí",), ("bao", "dai"))


def test_without_accents_multi_syllable_members_still_match():
    assert [b.plan_words for b in LEX.bridges("ke hoach noi gi ve be phai", has)] == [("cục bộ",)]


def test_one_syllable_members_match_only_with_accents():
    assert [b.said for b in LEX.bridges("Ai lo việc này?", has)] == ["lo"]
    assert LEX.bridges("ai lo viec nay", has) == []  # folded "lo" is also "lộ", "lỗ"


def test_words_the_corpus_already_uses_are_not_bridged():
    assert LEX.bridges("Báo chí phải đưa tin gì?", has) == []


def test_the_shipped_files_load():
    lexicon = Lexicon.load()
    assert len(lexicon.groups) > 100 and all(len(g) > 1 for g in lexicon.groups)
    assert any(g[0] == "báo chí" and "báo đài" in g for g in lexicon.groups)


def test_a_member_is_found_wherever_it_stands_and_each_phrase_once():
    bridges = LEX.bridges("Báo chí, báo đài và đài báo: bè phái", has)
    assert [(b.said, b.plan_words) for b in bridges] == [("báo đài", ("báo chí",)), ("bè phái", ("cục bộ",))]
