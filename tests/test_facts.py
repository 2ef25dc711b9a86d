from qa.facts import body_names, extract_facts, find_actors, find_timings, place_bodies


def test_timings_only_time_expressions():
    text = "Thực hiện Kết luận (sau đây gọi là Kết luận) ... (tháng 12/2021); kiểm tra (thực hiện hằng năm từ năm 2022)."
    assert find_timings(text) == ("tháng 12/2021", "thực hiện hằng năm từ năm 2022")
    assert find_timings("(hoàn thành trong quý I/2022)") == ("hoàn thành trong quý I/2022",)


def test_lead_and_coordinators():
    f = extract_facts("Ban Tuyên giáo Trung ương chủ trì phối hợp với Ban Tổ chức Trung ương, Ủy ban Kiểm tra "
                      "Trung ương hướng dẫn tổ chức hội nghị (tháng 12/2021).")
    assert f.lead == ("Ban Tuyên giáo Trung ương",)
    assert f.coordinate == ("Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương")
    assert f.timings == ("tháng 12/2021",)


def test_subject_list_and_noun_to_chuc():
    assert extract_facts("Bộ Chính trị, Ban Bí thư tổ chức Hội nghị cán bộ toàn quốc.").lead == ("Bộ Chính trị", "Ban Bí thư")
    # "tổ chức đảng" is a noun; the predicate starts at "căn cứ"
    f = extract_facts("Các cấp ủy, tổ chức đảng và các cơ quan căn cứ vào nội dung Kết luận, tập trung chỉ đạo:")
    assert f.lead == ("Các cấp ủy, tổ chức đảng và các cơ quan",)


def test_inherited_lead_only_when_the_clause_names_none():
    assert extract_facts("Mở đợt sinh hoạt chính trị.", ("Đảng đoàn Quốc hội",)).lead_inherited
    own = extract_facts("Bộ Nội vụ chủ trì rà soát.", ("Đảng đoàn Quốc hội",))
    assert own.lead == ("Bộ Nội vụ",) and not own.lead_inherited


def test_bodies_and_actors_accent_insensitive():
    assert body_names("dang doan quoc hoi va uy ban thuong vu quoc hoi") == ("Đảng đoàn Quốc hội", "Ủy ban Thường vụ Quốc hội")
    assert find_actors("thì cấp ủy cấp trên phải kịp thời xem xét; kiểm tra cấp ủy cấp dưới") == \
        ("cấp ủy cấp trên", "cấp ủy cấp dưới")


def test_a_body_of_one_place_and_a_place_that_opens_the_question_as_who_acts():
    assert place_bodies("Tỉnh ủy Nghệ An phải làm gì?") == ("Tỉnh ủy Nghệ An",)
    assert place_bodies("Hải Phòng tổ chức quán triệt KL 21 hôm nào?") == ("Hải Phòng",)
    assert place_bodies("Sóc Trăng đã học kết luận 21 xong chưa") == ("Sóc Trăng",)
    # a place named elsewhere, or one that does not act, is no body
    assert place_bodies("Kế hoạch ký ở Hà Nội phải không?") == ()
    assert place_bodies("Huế lên thành phố trực thuộc Trung ương rồi") == ()


def test_the_words_that_address_every_body_of_a_kind():
    from qa.facts import class_words

    assert class_words("Ủy ban nhân dân") == ("cơ quan nhà nước",)
    assert class_words("Đảng đoàn Mặt trận Tổ quốc") == ("đảng đoàn", "ban cán sự đảng")
    assert class_words("cấp ủy") == ()  # a generic actor is addressed by its own words
