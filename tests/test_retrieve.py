"""Retrieval details that do not need the whole assistant."""

from pathlib import Path

from qa.lexicon import Bridge
from qa.question import analyze
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


def test_the_register_is_no_content(assistant):
    # "Lĩnh vực Bộ máy hành chính" in the register shares "bộ máy" with a question about the state
    # apparatus; a content question does not get the register, a metadata or who question does
    content = assistant.retriever.search("Bộ máy công quyền trì trệ thì kế hoạch đòi hỏi gì?")
    # (the register was second; now the judiciary's "hiệu lực, hiệu quả hoạt động" is)
    assert [h.clause.ref for h in content[:2]] == ["III.11", "III.8"]
    assert assistant.retriever.search("Kế hoạch thuộc lĩnh vực gì?")[0].clause.ref == "meta"
    assert assistant.ask("ký thay mặt cơ quan nào?").answer.startswith("Bộ Chính trị (03-KH/TW")


def test_the_dense_view_may_read_the_bridged_words(assistant):
    from qa.retrieve import Retriever

    asked = []

    class Recording:
        def __init__(self, inner):
            self.inner = inner

        def encode_query(self, text):
            asked.append(text)
            return self.inner.encode_query(text)

    question = "Báo đài phải đưa tin về những gì?"
    for flag in (False, True):
        config = assistant.config.replace(dense_bridges=flag)
        Retriever(assistant.index, Recording(assistant.embedder), assistant.segmenter, config,
                  lexicon=assistant.retriever.lexicon, corpus_has=assistant.retriever.corpus_has).retrieve(question)
    assert asked[0] == question
    assert asked[1].startswith(question + " ") and "báo chí" in asked[1]


def test_words_that_say_what_is_asked_are_not_bridged(assistant):
    # "được giao" asks what is given; bridged to "chịu trách nhiệm" it pulled in II.3
    retrieval = assistant.with_options(use_adapter=False).retriever.retrieve(
        "Đoàn thanh niên được giao việc gì trong kế hoạch?")
    assert [b.said for b in retrieval.bridges] == ["đoàn thanh niên"]
    assert retrieval.hits[0].clause.ref == "III.11"


def test_a_kinds_bonus_reads_only_text_kind_and_facts(assistant):
    """_rerank works a bonus out once per (text, kind, facts), or (kind, facts) for the kinds whose
    bonus does not read the text: no kind may read another field."""
    from dataclasses import replace

    from qa.ask.kinds import _BY_NAME
    from qa.question import analyze

    questions = [analyze(t) for t in ("Ai chủ trì tổ chức hội nghị toàn quốc?", "Khi nào phải xong?",
                                      "Bao nhiêu giờ một năm?", "Ở đâu tổ chức?", "Kế hoạch 03 ban hành ngày nào?",
                                      "Đảng viên tham nhũng bị xử lý thế nào?", "Kinh phí lấy từ đâu?")]
    other_text = assistant.index.clauses[-1].text
    for clause in assistant.index.clauses:
        moved = replace(clause, doc_id="99-KH/TW", doc_title="Khác", ref="IX.9", label="mục IX.9",
                        headings=("Khác",), position=clause.position + 1000)
        reworded = replace(moved, text=other_text)
        for kind in _BY_NAME.values():
            for q in questions:
                assert kind.bonus(q, clause) == kind.bonus(q, moved), (kind.name, q.text, clause.ref)
                if not kind.bonus_reads_text:
                    assert kind.bonus(q, clause) == kind.bonus(q, reworded), (kind.name, q.text, clause.ref)


def test_repeated_clauses_get_the_same_score_as_alone(assistant):
    """A clause's fused score does not depend on how many other clauses share its text."""
    from qa.question import analyze

    r = assistant.retriever
    q = analyze("Ban Tuyên giáo Trung ương chủ trì việc gì?")
    positions = list(range(len(assistant.index.clauses)))
    together = {p: 0.01 * p for p in positions}
    r._rerank(q, together)
    for p in positions:
        alone = {p: 0.01 * p}
        r._rerank(q, alone)
        assert alone[p] == together[p]


_ASKED = ("Ai chủ trì tổ chức hội nghị toàn quốc?", "Khi nào phải xong?", "Năm 2022 phải làm gì?",
          "Bao nhiêu giờ một năm?", "Ở đâu tổ chức?", "Kế hoạch 03 ban hành ngày nào?",
          "Đảng viên tham nhũng bị xử lý thế nào?", "Kinh phí lấy từ đâu?",
          "Ban Tổ chức Trung ương chủ trì việc gì, khi nào xong?",
          "Kết luận 19 do ai ban hành?", "Kết luận 01 ban hành ngày nào?")  # cited: many rows, and each meta


def test_no_kind_gives_more_than_its_bound(assistant):
    from qa.ask.kinds import _BY_NAME
    from qa.question import analyze

    questions = [analyze(t) for t in _ASKED]
    reached = set()
    for kind in _BY_NAME.values():
        for q in questions:
            bound = kind.bonus_bound(q)
            assert bound <= kind.max_bonus
            for clause in assistant.index.clauses:
                value = kind.bonus(q, clause)
                assert value <= bound, (kind.name, q.text, clause.ref)
                if value and value == bound:
                    reached.add(kind.name)
    assert reached == {"who", "when"}  # the bounds are reached, not merely safe


def test_bonuses_by_class_of_clauses_change_no_result(tmp_path, segmenter, fake_embedder, monkeypatch):
    """In a library a ref ("nhiệm vụ 4") names a clause in every document: the bonuses worked out
    once per class of clauses and added in numpy give the very hits, scores and order of adding
    them row by row, and only the rows that reach the top are kept."""
    import qa.retrieve as retrieve
    from qa import Assistant, Config
    from qa.synthetic import CLAUSES_PER_DOCUMENT, write_library

    write_library(tmp_path / "corpus", 6 * CLAUSES_PER_DOCUMENT)
    lib = Assistant.load(Config(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index",
                                retrieval_mode="lexical"), embedder=fake_embedder, segmenter=segmenter)
    from qa.evaluation.dataset import load_questions

    asked = _ASKED + tuple(q.text for q in load_questions(Path(__file__).resolve().parent.parent / "eval" /
                                                         "questions.jsonl"))
    rows_left: list[int] = []
    real = retrieve.Retriever._rerank

    def counting(self, q, scores, top_k=None):
        real(self, q, scores, top_k)
        rows_left.append(len(scores))

    monkeypatch.setattr(retrieve.Retriever, "_rerank", counting)
    results, rows = {}, {}
    for prune_from in (0, 10**9):  # every question by classes / every one row by row
        monkeypatch.setattr(retrieve, "_PRUNE_FROM", prune_from)
        rows_left.clear()
        results[prune_from] = [[(h.clause.doc_id, h.clause.ref, h.score) for h in lib.retriever.search(t, top_k=5)]
                               for t in asked]
        rows[prune_from] = sum(rows_left)
    assert results[0] == results[10**9]
    assert all(len(hits) == 5 for hits in results[0])
    assert rows[0] < rows[10**9]  # rows were skipped


def test_the_two_lexical_views_scored_side_by_side_give_the_same_hits(assistant, monkeypatch):
    import qa.retrieve as retrieve

    calls = []
    real = retrieve._side_pool

    def counting_pool():
        calls.append(1)
        return real()

    monkeypatch.setattr(retrieve, "query_threads", lambda *args: 2)  # a core is idle
    monkeypatch.setattr(retrieve, "_side_pool", counting_pool)
    side = assistant.with_options(retrieval_mode="lexical", lexical_parallel_from=1)
    alone = assistant.with_options(retrieval_mode="lexical", lexical_parallel_from=0)
    for text in _ASKED:
        a, b = side.retriever.retrieve(text), alone.retriever.retrieve(text)
        assert list(a.rankings.items()) == list(b.rankings.items()), text  # views in the same order too
        assert [(h.clause.ref, h.score) for h in a.hits] == [(h.clause.ref, h.score) for h in b.hits], text
    assert len(calls) == len(_ASKED)  # every question had both views, scored side by side


def test_a_negative_side_by_side_threshold_is_refused():
    import pytest

    from qa.config import Config, ConfigError

    with pytest.raises(ConfigError, match="lexical_parallel_from must not be negative"):
        Config(lexical_parallel_from=-1)


def test_an_unknown_dense_fusion_and_a_zero_neighbour_count_are_refused():
    import pytest

    from qa.config import Config, ConfigError

    with pytest.raises(ConfigError, match="dense_fusion must be one of probability, rank. Currently, the dense_fusion is 'max'"):
        Config(dense_fusion="max")
    with pytest.raises(ConfigError, match="neighbours_k must be greater than 0. Currently, the neighbours_k is 0"):
        Config(neighbours_k=0)


def test_a_leading_list_mark_or_option_is_not_read_by_the_dense_view(assistant):
    retriever = assistant.retriever
    clean = retriever.read(analyze("ai chịu trách nhiệm thể chế hóa?")).dense_text
    for decorated in ("- ai chịu trách nhiệm thể chế hóa?", "--help ai chịu trách nhiệm thể chế hóa?",
                      "• * ai chịu trách nhiệm thể chế hóa?"):
        assert retriever.read(analyze(decorated)).dense_text == clean
    # a dash inside the question stays ("chính trị - xã hội")
    assert " - " in retriever.read(analyze("tổ chức chính trị - xã hội phải làm gì?")).dense_text


def test_a_topic_asked_inside_a_named_part_is_answered_by_its_clause(assistant):
    # the part's own heading does not say it: one of its clauses does
    assert assistant.ask("Mục II nói gì về báo chí?").citations[0].ref == "II.2"
    assert assistant.ask("Phần I yêu cầu kiểm tra, giám sát việc thực hiện thế nào?").citations[0].ref == "I.3"
    # what the part says as a whole, in its own title's words or none: the part
    assert assistant.ask("Phần I của kế hoạch nói gì?").citations[0].ref == "I"
    assert assistant.ask("Phần I (mục đích, yêu cầu) nói gì?").citations[0].ref == "I"
