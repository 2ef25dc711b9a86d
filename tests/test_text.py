from qa.text import (Segmenter, accented_tokens, collapse, content_syllables, expand_abbreviations, fold,
                     folded_tokens, has_diacritics, normalize)


def test_normalize_nfc_tone_placement_and_spaces():
    decomposed = "tho\u0302\u0301ng nha\u0302\u0301t"  # NFD "thống nhất"
    assert normalize(decomposed) == "thống nhất"
    assert normalize("hoá thuỷ khoẻ Hoà") == "hóa thủy khỏe Hòa"
    assert normalize("quý quỳ") == "quý quỳ"  # "qu" + y keeps the mark on y
    assert normalize("hoàng khuyến") == "hoàng khuyến"  # closed syllables are the same in both styles
    assert normalize("a\u00a0b\u200b  c\x07d") == "a b c d"


def test_fold_and_diacritics():
    assert fold("Ủy ban Kiểm tra Trung ương Đảng") == "uy ban kiem tra trung uong dang"
    assert fold("thể chế hóa") == fold("thể chế hoá") == "the che hoa"
    assert has_diacritics("thể chế") and not has_diacritics("the che")
    assert collapse("a \n\t b") == "a b"


def test_content_syllables_drop_question_words_only():
    assert content_syllables("Ai chịu trách nhiệm thể chế hóa?") == ["chiu", "trach", "nhiem", "the", "che", "hoa"]
    assert content_syllables("ai chiu trach nhiem the che hoa") == ["chiu", "trach", "nhiem", "the", "che", "hoa"]
    # "dang" is both "đang" and "Đảng": without accents it must stay
    assert "dang" in content_syllables("xay dung dang")
    assert "dang" not in content_syllables("đang xây dựng")


def test_abbreviations_expand_but_not_document_numbers():
    assert expand_abbreviations("UBKT TW làm gì theo 21-KL/TW?") == \
        "Ủy ban Kiểm tra Trung ương làm gì theo 21-KL/TW?"
    assert expand_abbreviations("tu duong") == "tu duong"  # lower-case two letters untouched
    assert expand_abbreviations("BCH họp") == "Ban Chấp hành họp"


def test_tokens_accented_and_folded(segmenter):
    tokens = accented_tokens("Thể chế hóa nội dung", segmenter)
    assert tokens[:5] == ["thể", "chế", "hóa", "nội", "dung"]
    assert "thể_chế" in tokens and "nội_dung" in tokens
    assert folded_tokens("thể chế hóa") == ["the", "che", "hoa", "the_che", "che_hoa"]
    # accented and accent-free questions give the same folded tokens
    assert folded_tokens("Ai chịu trách nhiệm?", True) == folded_tokens("ai chiu trach nhiem", True)


def test_segmenter_is_lazy():
    s = Segmenter()
    assert s._tokenize is None
    s.words("cán bộ")
    assert s._tokenize is not None


def test_format_characters_are_removed_not_made_spaces():
    # Pasted from web pages and Word files (issue 10): zero-width space/joiners, BOM,
    # soft hyphen, word joiner, bidi overrides.
    assert normalize("\ufefftr\u00adách nhi\u200bệm th\u2060ể ch\u200c\u200dế \u202ehóa\u202c") == "trách nhiệm thể chế hóa"


def test_every_character_the_format_list_strips_is_category_cf():
    import sys
    import unicodedata

    from qa.text import _FORMAT

    stripped = [c for c in range(sys.maxunicode + 1) if _FORMAT.match(chr(c))]
    assert stripped and all(unicodedata.category(chr(c)) == "Cf" for c in stripped)
    if unicodedata.unidata_version == "14.0.0":  # the list is Unicode 14's Cf, complete
        assert len(stripped) == sum(unicodedata.category(chr(c)) == "Cf" for c in range(sys.maxunicode + 1))


def test_fold_by_table_equals_decomposing_every_character():
    import sys
    import unicodedata

    from qa.text import _fold

    def by_decomposition(text):
        decomposed = unicodedata.normalize("NFD", text.lower())
        return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").replace("đ", "d")

    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        assert _fold(ch) == by_decomposition(ch), hex(code)
        assert _fold(f"Đổi{ch}mới") == by_decomposition(f"Đổi{ch}mới"), hex(code)
    assert fold("Ủy ban Kiểm tra Trung ương") == "uy ban kiem tra trung uong"
    assert fold("ĐẢNG") == "dang" and fold("a\u0301\u0323") == "a"  # combining marks typed apart


def test_accents_stripped_with_case_kept():
    from qa.text import expand_abbreviations, strip_accents

    assert strip_accents("Ủy ban Kiểm tra Trung ương, ĐẢNG đoàn") == "Uy ban Kiem tra Trung uong, DANG doan"
    assert strip_accents("plain text") == "plain text"
    assert expand_abbreviations("ubkt tw lam gi", accents=False) == "Uy ban Kiem tra Trung uong lam gi"


def test_chat_abbreviations_come_from_the_data_file():
    from qa.text import expand_abbreviations

    assert expand_abbreviations("ĐĐ QH đc giao nv gì?") == "Đảng đoàn Quốc hội được giao nhiệm vụ gì?"
    assert expand_abbreviations("HN do ai tc, co phai", accents=False) == "HN do ai to chuc, co phai"
    # "tu" is a syllable: only "TU" in capitals is Trung ương
    assert expand_abbreviations("lay tu dau, UBKT TU") == "lay tu dau, Ủy ban Kiểm tra Trung ương"
    # "TG" beside "Ban" or "TW" is Tuyên giáo; elsewhere, in chat, it is "thời gian" (the file's else:)
    assert expand_abbreviations("Ban TG TW có nhiệm vụ gì?") == "Ban Tuyên giáo Trung ương có nhiệm vụ gì?"
    assert expand_abbreviations("tg thực hiện") == "thời gian thực hiện"
    assert expand_abbreviations("tg thuc hien", accents=False) == "thoi gian thuc hien"
    # "ĐH" beside a congress's number or "Đảng" is Đại hội; "trường ĐH" (đại học) stays
    assert expand_abbreviations("ĐH XIII diễn ra năm nào") == "Đại hội XIII diễn ra năm nào"
    assert expand_abbreviations("sinh viên trường ĐH") == "sinh viên trường ĐH"
    assert expand_abbreviations("HTX nông nghiệp") == "hợp tác xã nông nghiệp"


def test_offices_and_party_building_abbreviations_expand():
    from qa.text import expand_abbreviations

    assert expand_abbreviations("BCSĐ CP và ĐBQH làm gì về LPTN?") == \
        "Ban cán sự đảng Chính phủ và đại biểu Quốc hội làm gì về lấy phiếu tín nhiệm?"
    assert expand_abbreviations("chống TDB, TCH trong HTCT") == \
        "chống tự diễn biến, tự chuyển hóa trong hệ thống chính trị"


def test_an_abbreviation_read_only_beside_its_words():
    from qa.text import expand_abbreviations

    # "TG" is Tuyên giáo beside "Ban", "TW"; alone it is thời gian, which the question's kind reads
    assert expand_abbreviations("Ban TG TW chủ trì việc gì?") == "Ban Tuyên giáo Trung ương chủ trì việc gì?"
    assert expand_abbreviations("TG thực hiện?") == "thời gian thực hiện?"


def test_an_abbreviation_written_with_a_slash_is_expanded_and_a_document_number_is_not():
    from qa.text import expand_abbreviations

    assert expand_abbreviations("Phòng chống tham nhũng - nhiệm vụ số mấy? t/gian?") == \
        "Phòng chống tham nhũng - nhiệm vụ số mấy? thời gian?"
    assert expand_abbreviations("03-KH/TW và KL/TW") == "03-KH/TW và KL/TW"
    assert expand_abbreviations("Đúng/sai: ký ngày 1/12") == "Đúng/sai: ký ngày 1/12"
