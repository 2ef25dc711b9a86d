"""Retrieval details that do not need the whole assistant."""

from qa.lexicon import Bridge
from qa.retrieve import _weighted


def test_bridged_words_weigh_as_much_as_the_users_words():
    four = Bridge(said="kéo bè kéo cánh", plan_words=("cục bộ",), said_syllables=("keo", "be", "keo", "canh"))
    assert _weighted(four) == ["cục bộ", "cục bộ"]
    two = Bridge(said="báo đài", plan_words=("báo chí", "tuyên truyền nội dung"), said_syllables=("bao", "dai"))
    assert _weighted(two) == ["báo chí", "tuyên truyền nội dung"]


def test_a_users_colloquial_phrase_finds_the_plans_clause(assistant):
    reply = assistant.ask("Cơ quan tôi có mấy anh em hay kéo bè kéo cánh, kế hoạch nói sao?")
    assert (reply.confidence, reply.citations[0].ref) == ("high", "III.6")


def test_the_documents_own_name_is_no_topic(assistant):
    # "kh 03" names the plan: without it the metadata block ("03-KH/TW") would rank first
    hits = assistant.retriever.search("ubkt huyện cần làm gì theo kh 03")
    assert hits[0].clause.ref == "III.9"
    assert assistant.retriever.search("kế hoạch 03 số hiệu là gì")[0].clause.ref == "meta"
