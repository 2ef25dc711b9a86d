"""Diacritics restored to questions typed without them (qa/accents.py)."""

from qa.accents import Restorer, corpus_words, dictionary_words
from qa.text import STOPWORDS


def _plan_restorer(assistant):
    return assistant.retriever.restorer()


def test_a_toy_vocabulary_restores_the_longest_known_words():
    r = Restorer({"tổ chức": 9, "tổ": 9, "chức": 9, "hội nghị": 4, "tờ": 1}, dictionary=["nhà ở"])
    assert r.restore("hoi nghi do ai to chuc") == "hội nghị do ai tổ chức"  # "do", "ai": unknown, as typed
    assert r.restore("Hoi nghi, nha o") == "Hội nghị, nhà ở"  # capitals kept; the dictionary's pair
    assert r.restore("HOI NGHI to chuc") == "HỘI NGHỊ tổ chức"
    assert r.restore("to") == "tổ"  # the commoner of the corpus's readings
    assert r.restore("tờ chuc") == "tờ chức"  # a syllable typed with accents stays; the next is read alone
    assert Restorer({}).restore("hoi nghi") == "hoi nghi"


def test_one_syllable_from_outside_the_corpus_is_never_guessed():
    r = Restorer({}, lexicon=["bàn"], dictionary=["bàn ghế"])
    assert r.restore("ban") == "ban" and r.restore("ban ghe") == "bàn ghế"


def test_the_plans_words_come_back_with_their_accents(assistant):
    r = _plan_restorer(assistant)
    assert r.restore("hoi nghi can bo toan quoc hoc ket luan 21 do ai to chuc") == \
        "hội nghị cán bộ toàn quốc học kết luận 21 do ai tổ chức"
    assert r.restore("ai lo viec sua luat cho chu truong cua dang") == "ai lo việc sửa luật cho chủ trương của đảng"
    assert r.restore("bao dai phai dua tin ve nhung gi") == "báo đài phải đưa tin về những gì"  # the lexicon's "báo đài"
    assert r.restore("Bộ Chính trị giao viec gi") == "Bộ Chính trị giao việc gì"  # expanded words stay


def test_the_sources_of_words():
    words = dictionary_words()
    assert len(words) > 40_000 and "tổ chức" in words and all(" " in w for w in words[:100])
    assert "gì" in STOPWORDS


def test_corpus_words_count_clauses(assistant):
    counts = corpus_words(assistant.index.bm25_accented)
    n = len(assistant.index.clauses)
    assert 0 < counts["kết luận"] <= n and counts["thể chế"] >= 1
    assert all("_" not in w for w in counts)


def test_an_accent_free_question_retrieves_as_its_accented_form(assistant):
    for typed, accented in (("hoi nghi can bo toan quoc hoc ket luan 21 do ai to chuc",
                             "hội nghị cán bộ toàn quốc học kết luận 21 do ai tổ chức"),
                            ("bao dai phai dua tin ve nhung gi", "báo đài phải đưa tin về những gì")):
        plain = assistant.retriever.retrieve(typed)
        assert "accented" in plain.rankings  # the accented view reads the restored words
        assert plain.hits[0].clause.ref == assistant.retriever.retrieve(accented).hits[0].clause.ref
    off = assistant.with_options(restore_accents=False).retriever.retrieve("hoi nghi can bo toan quoc do ai to chuc")
    assert "accented" not in off.rankings


def test_a_reply_says_how_an_accent_free_question_was_read(assistant):
    reply = assistant.ask("hoi nghi can bo toan quoc do ai to chuc")
    assert reply.signals["read_as"] == "hội nghị cán bộ toàn quốc do ai tổ chức"
    assert reply.to_dict()["signals"]["read_as"] == "hội nghị cán bộ toàn quốc do ai tổ chức"
    assert "read_as" not in assistant.ask("Hội nghị cán bộ toàn quốc do ai tổ chức?").signals
    assert "read_as" not in assistant.with_options(restore_accents=False).ask("hoi nghi do ai to chuc").signals


def test_the_phrases_questions_are_asked_in_keep_their_own_accents(assistant):
    r = _plan_restorer(assistant)
    # the corpus's commoner readings would give "tự đầu", "Trương ban", "cơ máy", "kỳ"
    assert r.restore("lay tu dau") == "lấy từ đâu"
    assert r.restore("Truong ban Tuyen giao TW hien nay la ai?") == "Trưởng ban Tuyên giáo TW hiện nay là ai?"
    assert r.restore("Ke hoach nay co may muc, do ai ky") == "Kế hoạch này có mấy mục, do ai ký"
    # "phản", "nội", "cải" are the corpus's commoner readings of "phan", "noi", "cai"
    assert r.restore("phan III noi cai gi") == "phần III nói cái gì"
    # whether the plan says something: "có nói về", not the corpus's commoner "cơ" (still "cơ quan")
    assert r.restore("ke hoach co noi ve tu dien bien ko") == "kế hoạch có nói về tự diễn biến ko"
    assert r.restore("co quan nao chu tri") == "cơ quan nào chủ trì"


def test_the_reading_does_not_depend_on_the_order_words_come_in():
    # two readings equally used: the same one wins whatever order a set hands them over in
    words = ["à", "ạ", "á"]
    readings = {Restorer({"vậy": 3}, function_words=order).restore("vay a")
                for order in (words, words[::-1], words[1:] + words[:1])}
    assert len(readings) == 1


def test_a_polite_question_ends_in_the_particle(assistant):
    assert _plan_restorer(assistant).restore("ke hoach 03 la ve cai gi vay a").endswith("vậy ạ")
