import pytest

from qa.question import analyze, asking_part, document_keys, without_documents


@pytest.mark.parametrize("text, kind, field", [
    ("ai chịu trách nhiệm thể chế hóa?", "who", None),
    ("Những ai phải thực hiện việc này?", "who", None),
    ("co quan nao phoi hop", "who", None),
    ("Thời hạn hoàn thành là bao giờ?", "when", None),
    ("xong chậm nhất vào tháng mấy?", "when", None),
    ("Việc này thuộc mục nào?", "where", None),
    ("Ai ký văn bản?", "meta", "Người ký"),
    ("so hieu van ban", "meta", "Số hiệu"),
    ("Văn bản thuộc lĩnh vực gì?", "meta", "Lĩnh vực"),
    ("Văn bản này do cơ quan nào ban hành?", "meta", "Cơ quan ban hành"),
    # "lĩnh vực" inside a content question is not metadata
    ("Siết chặt kỷ cương trong lĩnh vực xây dựng pháp luật ra sao?", "what", None),
    ("Đợt sinh hoạt chính trị nói về gì?", "what", None),
    # what the whole document is about is its name; what a part named by number is about, its content
    ("Kế hoạch này nói về gì?", "meta", "Tên văn bản"),
    ("Phần IV của kế hoạch nói về gì?", "what", None),
    # the whole document's content, its number named ("tóm tắt" is the reply's form, dropped first)
    ("tóm tắt nội dung kế hoạch 03 giúp em", "meta", "Tên văn bản"),
    ("cho em xin nội dung kế hoạch 03", "meta", "Tên văn bản"),
    ("nội dung kế hoạch thực hiện của chi bộ gồm những gì", "what", None),  # a task's plan, not this one
    # the sentence that asks, after the one that tells who asks
    ("Em là cán bộ Ban Dân tộc tỉnh Sóc Trăng, em người Khmer. Cái kế hoạch 03 của Bộ Chính trị nói về chuyện gì "
     "vậy anh, em muốn nói lại cho bà con trong phum sóc hiểu đơn giản thôi.", "meta", "Tên văn bản"),
])
def test_kind_and_meta_field(text, kind, field):
    q = analyze(text)
    assert (q.kind, q.meta_field) == (kind, field)


def test_the_kind_is_read_from_the_sentences_that_ask():
    # the situation told first holds a time ("hạn nộp tuần sau") and "ai"; the question asks neither
    q = analyze("Em viết bài dự thi, hạn nộp tuần sau, ai cũng bận. Kế hoạch có nhắc tới tư tưởng Hồ Chí Minh ko ạ?")
    assert q.kind == "what"
    assert analyze("Em viết bài dự thi, hạn nộp tuần sau. Ai phải tổ chức hội nghị học tập?").kind == "who"
    assert analyze("Hạn nộp bài là khi nào").kind == "when"  # no question mark: the whole text asks
    assert asking_part("Hạn nộp tuần sau. Mục III.1 nói gì? Em cảm ơn.") == "Mục III.1 nói gì?"


def test_structural_references_and_ordinals():
    assert analyze("nhiệm vụ 8 là gì").item_numbers == ("nhiem vu 8",)
    assert analyze("nhiệm vụ thứ mười một").item_numbers == ("nhiem vu 11",)
    assert analyze("nhiệm vụ trọng tâm đầu tiên").item_numbers == ("nhiem vu 1",)
    # the plan numbers its tasks: "việc đầu tiên" is task 1, "việc cuối cùng" the last
    assert analyze("Mười một việc trọng tâm — việc đầu tiên là gì?").item_numbers == ("nhiem vu 1",)
    assert analyze("việc cuối cùng trong phần III là gì?").item_numbers == ("nhiem vu cuoi",)
    last = analyze("nhiệm vụ cuối cùng nói về gì?")
    assert (last.item_numbers, last.topic) == (("nhiem vu cuoi",), ())  # which one is asked: no topic
    assert analyze("Kiểm điểm cuối năm thì sao?").item_numbers == analyze("nhiệm vụ cuối năm").item_numbers == ()
    assert analyze("mục IV.1 nói gì").refs == ("IV.1",)
    assert analyze("Điều 3 quy định gì").refs == ("Điều 3",)
    # a point of a numbered point, by both numbers; its number names no other item
    for text in ("Điểm 2 của mục IV.1 nói gì?", "Diem 2 cua muc IV.1 noi gi?", "ý thứ 2 trong IV.1"):
        assert (analyze(text).refs, analyze(text).item_numbers) == (("IV.1.2",), ()), text
    assert (analyze("Ý 2 của mục IV nói gì").refs, analyze("Ý 2 của mục IV nói gì").item_numbers) == (("IV.2",), ())
    assert analyze("khoản 3 nói gì").item_numbers == ("y 3",)  # a part's points are its "ý"
    assert analyze("Đoạn cuối giao cho ai?").item_numbers == ("y cuoi",)  # … and its paragraphs ("đoạn")
    assert analyze("giai đoạn 2 làm gì").item_numbers == ()  # a stage, no paragraph


def test_document_keys_with_and_without_numbers():
    assert document_keys("theo Kết luận số 21-KL/TW và KL 19") == (("kl", 21), ("kl", 19))
    assert document_keys("nghi quyet 4") == (("nq", 4),)
    q = analyze("Kết luận 01 ban hành ngày nào?")
    assert q.doc_keys == (("kl", 1),) and q.issue_date


def test_bodies_found_without_accents_and_from_abbreviations():
    assert analyze("ban to chuc trung uong lam gi").bodies == ("Ban Tổ chức Trung ương",)
    assert analyze("UBKT TW làm gì?").bodies == ("Ủy ban Kiểm tra Trung ương",)


def test_cleaning_strips_tags_controls_and_caps_length():
    q = analyze("<b>ai</b> ký\x00 văn bản?")
    assert q.text == "ai ký văn bản?" and q.kind == "meta"
    long = analyze("thể chế hóa " * 1000, max_chars=100)
    assert long.truncated and len(long.text) <= 100


@pytest.mark.parametrize("text, field", [
    ("Kế hoạch số mấy?", "Số hiệu"),
    ("Bao giờ thì kế hoạch được ban hành?", "Ngày ban hành"),
    ("Ai thay mặt Bộ Chính trị ký kế hoạch?", "Người ký"),
    ("van ban co hieu luc tu khi nao", "Ngày có hiệu lực"),
    # the issuer confirmed, the signer's office asked
    ("KH 03 là BCT ban hành hay BBT ban hành ạ?", "Cơ quan ban hành"),
    ("kế hoạch 03 là của bộ chính trị ban hành đúng không", "Cơ quan ban hành"),
    ("Có đúng là Kế hoạch 03 do Bộ Chính trị ban hành tháng 12/2021 không?", "Cơ quan ban hành"),
    ("Kế hoạch 03 ai ký? Ký với chức danh gì?", "Chức vụ người ký"),
    ("Đồng chí ký cấy kế hoạch ni với chức chi rứa?", "Chức vụ người ký"),  # Central speech
    ("Cấy kế hoạch ni ký bựa mô?", "Ngày ban hành"),
    ("KH 03 có hiệu lực thi hành từ ngày nào?", "Ngày có hiệu lực"),
    ("Khi nào cái KH này bắt đầu có hiệu lực dzậy?", "Ngày có hiệu lực"),
    # what the asker will do with the answer is no part of it
    ("VB có hiệu lực từ ngày nào để e vào sổ theo dõi", "Ngày có hiệu lực"),
    # Southern "xài" (dùng), "bữa nào" (hôm nào) typed with the wrong tone; "ra lò" (ra); "văn kiện" (văn bản)
    ("kế hoặch bắt đầu xài từ bửa nào", "Ngày có hiệu lực"),
    ("văn bản này ra lò hôm nào?", "Ngày ban hành"),
    ("Kính gửi, tôi muốn biết văn kiện này bắt đầu có giá trị thi hành từ hôm nào?", "Ngày có hiệu lực"),
    ("Xin hỏi văn kiện này được xếp vào mảng nào?", "Lĩnh vực"),
    # the asker's preamble ("a/c ơi sếp em hỏi gấp") is no topic
    ("a/c ơi sếp em hỏi gấp KH 03-KH/TW ngày mấy ạ", "Ngày ban hành"),
    ("Em hỏi văn bản nào là căn cứ ban hành KH 03 ạ", "Căn cứ"),
    ("tờ này là để làm theo cái văn bản TW ra hồi tháng 10 phải không", "Căn cứ"),
    ("Đồng chí ấy giữ chức vụ gì lúc ký?", "Chức vụ người ký"),
    # a statement to check, after its cue
    ("Nhận định sau đúng hay sai: Kế hoạch 03 do đồng chí Võ Văn Thưởng ký", "Người ký"),
    ("KH 03 ban hành tháng 12/2021 phải không?", "Ngày ban hành"),
    # a choice of issuers, with no verb; one denied ("chứ không phải"); a bare choice after the question
    ("vb 03-kh/tw BCT hay BBT??", "Cơ quan ban hành"),
    ("Có đúng là Kế hoạch 03-KH/TW do Bộ Chính trị ban hành chứ không phải Ban Bí thư không?", "Cơ quan ban hành"),
    ("Tôi muốn báo cáo với chi bộ rằng kế hoạch do cơ quan nào ban hành; xin hỏi có phải Ban Bí thư hay Bộ Chính trị ạ?",
     "Cơ quan ban hành"),
    # what the plan implements: "the Conclusion" (its own name for it), the source document asked in English
    ("Kế hoạch chi bộ em cần ghi căn cứ \"thực hiện Kết luận số ... ngày ...\" — số và ngày của kết luận là gì?", "Căn cứ"),
    ("Văn bản gốc mà cái KH này 'implement' là số mấy?", "Căn cứ"),
    # a remark about the asker after the question is no topic
    ("KH 03-KH/TW của BCT ban hành ngày nào vậy, tôi cần để ghi vào báo cáo của UBND xã", "Ngày ban hành"),
    # what the answer is for, said without who ("để ghi lên băng rôn …"); the day asked before the document
    ("Cho tôi hỏi tiêu đề đầy đủ của KH 03 là gì để ghi lên băng rôn buổi sinh hoạt", "Tên văn bản"),
    ("ngày mấy thì văn bản bắt đầu áp dụng", "Ngày có hiệu lực"),
])
def test_metadata_phrasings(text, field):
    q = analyze(text)
    assert (q.kind, q.meta_field) == ("meta", field)


def test_effectiveness_is_no_date_of_effect():
    # "hiệu lực, hiệu quả" is how well something works, a content of the plan
    for text in ("KH 03 có nói về nâng cao hiệu lực, hiệu quả của bộ máy nhà nước không?",
                 "Hiệu lực và hiệu quả hoạt động của cơ quan nhà nước được nói thế nào?"):
        assert analyze(text).meta_field is None, text
    assert analyze("Kế hoạch có hiệu lực từ ngày nào?").meta_field == "Ngày có hiệu lực"


def test_nhiem_ky_is_not_signing():
    assert analyze("Ai ký?").meta_field == "Người ký"
    assert analyze("Ai được lấy phiếu vào nhiệm kỳ?").meta_field is None


def test_doubled_consonants_are_undone_abbreviations_kept():
    assert analyze("Bộ Côngg an có nhiệm vụ gì?").bodies == ("Bộ Công an",)
    assert analyze("mttq va cac doan the lam gi").text.startswith("Mat tran To quoc va")  # typed without accents
    # an English word keeps its double letters: undoubled it is no Vietnamese syllable
    assert analyze("Các Commission có vai trò gì?").text.startswith("Các Commission")
    assert analyze("dangg vien phai lam gi").text.startswith("dang vien")


def test_two_letter_abbreviations_without_a_vowel_expand_in_lower_case():
    assert analyze("ban kinh te tw co nhiem vu gi").bodies == ("Ban Kinh tế Trung ương",)
    assert analyze("tu lam gi").text == "tu lam gi"  # "tu" could be a word: only "TƯ" expands


def test_a_metadata_question_may_repeat_the_title():
    text = "Kế hoạch thực hiện kết luận 21 về xây dựng chỉnh đốn Đảng mang số hiệu gì?"
    title = frozenset("ke hoach thuc hien ket luan 21 ve xay dung chinh don dang".split())
    assert (analyze(text).kind, analyze(text, title_words=title).meta_field) == ("what", "Số hiệu")


def test_without_documents():
    held = {("kh", 3)}
    assert without_documents("Ủy ban Kiểm tra huyện cần làm gì theo Kế hoạch 03", held) == \
        "Ủy ban Kiểm tra huyện cần làm gì theo"
    assert without_documents("Kế hoạch 03-KH/TW và Kết luận 21 nói gì?", held) == "và Kết luận 21 nói gì?"


def test_accents_are_the_users_not_an_expanded_abbreviations():
    plain = analyze("dang doan qh phai lam gi theo kh nay")
    # the user typed no accents: "qh" and "kh" expand without them, so every rule reads one spelling
    assert plain.text == "dang doan Quoc hoi phai lam gi theo Ke hoach nay" and not plain.accented
    assert plain.content_accented == plain.content
    assert analyze("Đảng đoàn QH phải làm gì?").text == "Đảng đoàn Quốc hội phải làm gì?"


def test_an_accent_free_question_with_abbreviations_is_answered(assistant):
    reply = assistant.ask("dang doan qh phai lam gi theo kh nay")
    assert reply.found and reply.citations[0].ref.startswith("IV.1")


def test_documents_named_as_the_object_of_work():
    from qa.question import acted_on

    assert acted_on("chi bo o thon phai hoc ket luan 21 the nao") == {("kl", 21)}
    assert acted_on("Công tác kiểm tra việc thực hiện KL 21 hướng vào đâu?") == {("kl", 21)}
    assert acted_on("Triển khai nội dung Kết luận 21 ra sao?") == {("kl", 21)}
    assert acted_on("Kết luận 21 gồm những nội dung gì?") == frozenset()
    assert acted_on("Kết luận 19 nói gì về pháp luật?") == frozenset()


def test_spoken_forms_are_read_as_standard_words():
    from qa.question import analyze, standard_words

    assert standard_words("Ổng ký hồi nào?") == "ông ấy ký khi nào?"
    assert standard_words("co phai k") == "co phai khong"  # typed without accents: none added
    assert standard_words("chi bộ hông họp à") == "chi bộ không họp à"
    # English words typed in a Vietnamese question: the plan's words, longest form first
    assert standard_words("Deadline của task này, Central Propaganda Commission chủ trì à?") == \
        "thời hạn của nhiệm vụ này, Ban Tuyên giáo Trung ương chủ trì à?"
    assert standard_words("Politburo ban hanh plan nay ngay nao") == "Bo Chinh tri ban hanh ke hoach nay ngay nao"
    assert standard_words("khó khăn") == "khó khăn"  # whole words only
    assert analyze("ổng ký hồi nào?").kind == "meta"
    assert standard_words("Văn bản này ai đặt bút ký?") == "Văn bản này ai ký?"
    # Central and Southern speech
    assert standard_words("Bộ Chính trị ra kế hoạch ni ở mô?") == "Bộ Chính trị ra kế hoạch này ở đâu?"
    assert standard_words("tui hỏi mô hình") == "tôi hỏi mô hình"  # "mô" alone is no "đâu"
    # a document type's abbreviation typed against its number is two words
    assert analyze("KL21 ban hành ngày nào vậy?").doc_keys == (("kl", 21),)
    assert analyze("NV7 KH 03 nói về gì?").item_numbers == ("nhiem vu 7",)  # a task's abbreviation glued to its number
    assert analyze("kh03 - cải cách hành chính ở mục nào").doc_keys == (("kh", 3),)
    assert (analyze("Văn bản này ai đặt bút?").kind, analyze("Văn bản này ai đặt bút?").meta_field) == ("meta", "Người ký")
    assert standard_words("ng đứng đầu phải làm j vs mn") == "người đứng đầu phải làm gì với mọi người"
    assert standard_words("có bắt học ở nhà khum") == "có bắt học ở nhà không"
    assert standard_words("mấy lâu làm một bận?") == "bao lâu làm một lần?"  # Central and Southern: once
    assert standard_words("Xin cho biết issuing date và reference number") == "Xin cho biết ngày ban hành và số hiệu"


def test_requests_about_the_replys_form_are_not_the_question():
    from qa.question import analyze, without_requests

    assert without_requests("Tóm tắt giùm mình các việc chính phải làm trong kế hoạch, gạch đầu dòng thôi") == \
        "các việc chính phải làm trong kế hoạch, thôi"
    assert without_requests("tom tat giup toi nhiem vu cua dang doan quoc hoi") == "nhiem vu cua dang doan quoc hoi"
    assert without_requests("Tóm tắt") == "Tóm tắt"  # nothing else asked: kept as typed
    # only the document's name left, its number included: the gist of it, the other requests dropped
    assert without_requests("Tóm tắt KH 03-KH/TW trong 1 câu để làm video") == "tóm tắt KH 03-KH/TW"
    assert analyze("Tóm tắt KH 03-KH/TW trong 1 câu để làm video").kind == "meta"
    # ("liệt kê" asks no gist: the text stays as typed)
    assert without_requests("Liệt kê KH 03-KH/TW") == "Liệt kê KH 03-KH/TW"
    assert analyze("Liệt kê giúp tôi ai chủ trì hội nghị toàn quốc, ngắn gọn thôi").kind == "who"


def test_a_summary_asked_for_slides_is_answered(assistant):
    reply = assistant.ask("Tóm tắt giùm mình các việc chính phải làm trong kế hoạch, gạch đầu dòng thôi")
    assert reply.found and reply.citations[0].ref.startswith("III")
    # the whole document's gist, named by its number, for a video
    gist = assistant.ask("Tóm tắt KH 03-KH/TW trong 1 câu để làm video nha")
    assert (gist.found, gist.kind, gist.citations[0].ref) == (True, "meta", "title")
    assert gist.answer.startswith("Kế hoạch 03-KH/TW năm 2021 thực hiện Kết luận 21-KL/TW")


def test_without_asker_drops_what_the_asker_says_of_themselves():
    from qa.question import without_asker

    text = "Tôi là bí thư chi bộ, chiều nay họp, cần nói nhanh: kế hoạch ra ngày nào"
    assert without_asker(text) == " kế hoạch ra ngày nào"
    assert without_asker(text, last_only=False) == "chiều nay họp, cần nói nhanh: kế hoạch ra ngày nào"
    assert without_asker("Kế hoạch 03, ban hành ngày nào?") == "Kế hoạch 03, ban hành ngày nào?"
    # the marks stay: a sentence told after the asker's part still ends where it did
    told = "Tôi làm ở UBKT tỉnh ủy, được giao theo dõi KL 21. Kế hoạch giao cho UBKT việc gì?"
    assert without_asker(told, last_only=False) == "được giao theo dõi KL 21. Kế hoạch giao cho UBKT việc gì?"


def test_a_remark_about_the_asker_after_the_question_is_dropped():
    from qa.question import without_asker

    assert without_asker("Xin lỗi vì hỏi nhiều, các cơ quan báo chí được yêu cầu gì ạ, tôi hay đọc báo Nhân dân.",
                         last_only=False) == "Xin lỗi vì hỏi nhiều, các cơ quan báo chí được yêu cầu gì ạ"
    assert without_asker("Ai ký kế hoạch, tôi là bí thư chi bộ", last_only=False) == "Ai ký kế hoạch"
    # a last part that asks, or one after a part that asks nothing, stays
    assert without_asker("Kế hoạch nói gì về X, tôi phải làm gì?", last_only=False) == "Kế hoạch nói gì về X, tôi phải làm gì?"
    assert without_asker("Kế hoạch 03, tôi hay đọc", last_only=False) == "Kế hoạch 03, tôi hay đọc"
    # what the asker will tell someone before what they ask
    assert without_asker("Tôi muốn báo cáo với chi bộ rằng kế hoạch do cơ quan nào ban hành") == \
        "kế hoạch do cơ quan nào ban hành"


def test_the_document_as_the_one_who_speaks_is_no_topic():
    from qa.question import without_speaking_document

    assert without_speaking_document("kế hoạch giao cấp ủy cấp trên làm gì") == "giao cấp ủy cấp trên làm gì"
    assert without_speaking_document("Theo kế hoạch này, chi bộ phải làm gì?") == "chi bộ phải làm gì?"
    assert without_speaking_document("KH có nói về tự phê bình không?") == "có nói về tự phê bình không?"
    # the plan's words for other plans, a count, "bao giờ": not the document speaking
    for text in ("Xây dựng kế hoạch thực hiện Kết luận khi nào?", "kế hoạch có bao nhiêu mục?",
                 "kế hoạch bao giờ ban hành", "kế hoạch nói gì"):
        assert without_speaking_document(text) == text, text


def test_the_document_speaking_does_not_draw_clauses_about_other_plans(assistant):
    # "KH có nêu …" is not III.2's "xây dựng kế hoạch thực hiện" to the word views
    reply = assistant.ask("KH co neu ve cai cach hanh chinh ko ạ, khi nao lam")
    assert (reply.citations[0].ref, reply.answer) == ("III.7", "Từ năm 2022 (III.7).")
    reply = assistant.ask("Kế hoạch có nói đến xử lý nghiêm cán bộ suy thoái không?")
    assert reply.citations[0].ref == "III.1" and "xử lý nghiêm cán bộ, đảng viên suy thoái" in reply.answer


def test_a_field_named_in_the_situation_is_not_the_one_asked():
    from qa.question import analyze

    q = analyze("Hôm trước nghe đọc kế hoạch mà tôi không nhớ số hiệu. Xin cho hỏi kế hoạch ấy ban hành ngày nào ạ?")
    assert (q.kind, q.meta_field) == ("meta", "Ngày ban hành")
    q = analyze("Tôi không nhớ số hiệu. Xin cho hỏi kế hoạch ấy số bao nhiêu, ban hành ở đâu ạ?")
    assert (q.kind, q.meta_field, q.also_fields) == ("meta", "Số hiệu", ("Nơi ký",))


def test_where_the_asker_heard_a_claim_is_no_topic():
    from qa.question import analyze, without_requests

    assert without_requests("e đọc báo thấy nói kế hoạch 03 có 11 nhiệm vụ, đúng ko ạ?") == \
        "e kế hoạch 03 có 11 nhiệm vụ, đúng ko ạ?"
    assert without_requests("toi nghe noi phai hoc xong KL21 trong quy I/2022") == "toi phai hoc xong KL21 trong quy I/2022"
    assert without_requests("họp chi bộ có anh bảo kế hoạch 03 có 11 nhiệm vụ") == "họp chi bộ kế hoạch 03 có 11 nhiệm vụ"
    assert analyze("Tui nghe nói cán bộ phải gương mẫu hơn, kế hoạch có nói vậy không?").topic == \
        ("can", "bo", "guong", "mau", "hon")


def test_a_signing_date_typed_with_ki():
    q = analyze("Kế hoạch 03 do ai kí, kí ngày nao?")
    assert (q.kind, q.meta_field, q.also_fields) == ("meta", "Ngày ban hành", ("Người ký",))


def test_a_chat_message_is_read_without_its_greeting_thanks_and_background():
    from qa.question import without_courtesy

    assert without_courtesy("Chào admin, mình là thư ký chi bộ, nhờ ad giải đáp giúp: báo đài phải đưa tin về "
                            "những gì? Cảm ơn ad nhiều") == "báo đài phải đưa tin về những gì?"
    assert without_courtesy("Em chào anh chị admin ạ, em là sinh viên năm 3, em đang làm tiểu luận về KL 21. "
                            "Em muốn hỏi là kế hoạch 03 được ký ngày nào ạ?") == "kế hoạch 03 được ký ngày nào ạ?"
    assert without_courtesy("em chao ad a, em muon hoi ke hoach 03 ai ky") == "ke hoach 03 ai ky"
    # what follows the announcing phrase asks nothing of its own: the background stays
    assert without_courtesy("tôi là bí thư chi bộ, cho tôi hỏi tôi phải làm gì") == "tôi là bí thư chi bộ, tôi phải làm gì"
    # … nor one that points back at what was told before it
    told = "Tôi được biết Mặt trận có trách nhiệm giám sát. Xin hỏi kế hoạch đề cập việc này ở phần nào?"
    assert without_courtesy(told) == "Tôi được biết Mặt trận có trách nhiệm giám sát. kế hoạch đề cập việc này ở phần nào?"
    # "tóm lại" opens what is asked, it is not asked about
    assert without_courtesy("tóm lại kh này làm cái gì") == "kh này làm cái gì"
    # nothing but courtesy, or no courtesy at all: unchanged
    for text in ("Cảm ơn ad nhiều!", "Kế hoạch 03 do ai ký?", "chào"):
        assert without_courtesy(text) == text, text
    q = analyze("Em chào anh chị admin ạ, em là sinh viên năm 3 đang làm tiểu luận về KL 21. "
                "Em muốn hỏi là kế hoạch 03 của Bộ Chính trị được ký ngày nào ạ?")
    assert (q.kind, q.meta_field, q.doc_keys) == ("meta", "Ngày ban hành", (("kh", 3),))  # KL 21 was background


def test_the_year_of_a_document_named_is_its_date():
    assert analyze("Thính giả hỏi: cái Kết luận 01 về học tập và làm theo Bác là kết luận năm mô?").issue_date
    assert not analyze("KL 21 yêu cầu hoàn thành đợt sinh hoạt chính trị năm nào?").issue_date
    assert not analyze("đánh giá kết quả làm KL21 năm nào cũng phải làm à").issue_date  # every year


def test_a_question_about_the_plan_issued_by_a_body_is_no_register_question():
    assert analyze("Kế hoạch do Bộ Chính trị ban hành có yêu cầu kiểm điểm không?").kind == "what"


def test_english_words_are_told_from_vietnamese_typed_without_accents():
    from qa.spelling import english_words

    assert english_words("what does the plan ask the press to do?") == \
        {"what", "does", "the", "plan", "ask", "press", "to", "do"}
    # "do", "the", "can" are Vietnamese too (do, thể, cần): alone they make no English question
    for text in ("ke hoach nay do ai ky, the nao", "can bo phai lam the nao", "KH 03 có effective date là ngày nào?"):
        assert english_words(text) == frozenset(), text
    q = analyze("what does the plan say about confidence votes (lấy phiếu tín nhiệm)?")
    assert set(q.topic) == {"lay", "phieu", "tin"}  # "confidence votes" is read as the plan words (english.tsv)
    # nor is "own" the Telex keys of "ơn" in an English question
    assert "own" in analyze("deadline for localities to issue their own implementation plans?").text


def test_a_question_passed_on_is_read_without_who_passes_it():
    from qa.question import analyze, without_relay

    assert without_relay("Thính giả ở Quảng Bình hỏi: kế hoạch 03 ni do ai ký rứa?") == "kế hoạch 03 ni do ai ký rứa?"
    assert without_relay("Ba con thac mac: ke hoach ra khi nao?") == "ke hoach ra khi nao?"
    # a sentence told before it, a question before the colon, or nothing asked after it: unchanged
    for text in ("Tôi dẫn chương trình. Một cụ hưu trí hỏi: cán bộ hư hỏng thì sao?", "Ai hỏi: gì?",
                 "Phần II: ai chủ trì?", "Thính giả hỏi: ạ"):
        assert without_relay(text) == text, text
    q = analyze("Thính giả ở Quảng Bình hỏi: kế hoạch 03 ni do ai ký rứa?")
    assert (q.kind, q.meta_field) == ("meta", "Người ký")


def test_a_message_that_labels_itself_a_question_is_read_without_the_label():
    from qa.question import analyze, without_relay

    assert without_relay("Câu trắc nghiệm cho học sinh: Kế hoạch 03 được ban hành tại đâu?") == \
        "Kế hoạch 03 được ban hành tại đâu?"
    assert without_relay("cau hoi on tap chuong 2: kh 03 ai ky?") == "kh 03 ai ky?"
    # a request about the reply's form, and whom it is for, before the colon
    assert without_relay("Nói gọn cho khán giả: kế hoạch này nhằm ngăn chặn điều gì?") == \
        "kế hoạch này nhằm ngăn chặn điều gì?"
    # a label that asks to check the statement after it, or points at it, is a claim cue: unchanged
    for text in ("Câu đúng sai: KH 03 do Ban Bí thư ban hành.", "Câu này: KH 03 ký ngày 1/12.",
                 "Câu sau đây: KH 03 do BBT ban hành.", "Câu hỏi: ạ"):
        assert without_relay(text) == text, text
    q = analyze("Câu trắc nghiệm cho học sinh: Kế hoạch 03 được ban hành tại đâu?")
    assert (q.kind, q.meta_field) == ("meta", "Nơi ký")


def test_central_forms_of_question_words_are_read_as_standard_ones():
    from qa.question import analyze

    q = analyze("Bà con hỏi: kế hoạch ni ra hồi mô?")
    assert (q.kind, q.meta_field, q.text) == ("meta", "Ngày ban hành", "kế hoạch này ra khi nào?")
    assert analyze("Kế hoạch 03 có hiệu lực từ khi mô?").meta_field == "Ngày có hiệu lực"
    assert analyze("Kế hoạch nói chi về lấy phiếu tín nhiệm?").text == "Kế hoạch nói gì về lấy phiếu tín nhiệm?"


def test_a_documents_number_said_in_words_is_read_as_digits():
    from qa.question import analyze, spoken_numbers

    assert spoken_numbers("cái kết luận mười chín mà kế hoạch nhắc đến") == "cái kết luận 19 mà kế hoạch nhắc đến"
    assert spoken_numbers("kế hoạch số không ba, kết luận hai mốt không?") == "kế hoạch số 03, kết luận 21 không?"
    assert spoken_numbers("Kết luận hai mươi mốt") == "Kết luận 21"
    assert spoken_numbers("kết luận số một của bộ chính trị") == "kết luận số 1 của bộ chính trị"
    # a length, "one" of something, or a text without accents: unchanged
    for text in ("kế hoạch hai năm", "quy định một số điều", "ket luan hai mot", "Có trong kế hoạch không?"):
        assert spoken_numbers(text) == text
    assert analyze("theo kế hoạch ba thì học quán triệt kết luận hai mốt vào tháng mấy").doc_keys == \
        (("kh", 3), ("kl", 21))
    # a year after it is no length; nor is a number word after the match cut off
    assert spoken_numbers("kết luận hai mốt năm hai nghìn hai mốt") == "kết luận 21 năm 2021"
    assert spoken_numbers("kết luận hai mốt năm 2021") == "kết luận 21 năm 2021"


def test_a_tag_question_asks_about_the_sentence_before_it():
    from qa.question import asking_part

    assert asking_part("Tôi là bí thư. Ông X ký kế hoạch này. Có đúng không?") == "Ông X ký kế hoạch này. Có đúng không?"
    assert asking_part("Chào. KH có 11 nhiệm vụ. Đúng hay sai?") == "KH có 11 nhiệm vụ. Đúng hay sai?"
    assert asking_part("Hạn nộp tuần sau. Kế hoạch có nhắc tới X không? Em cảm ơn.") == "Kế hoạch có nhắc tới X không?"


def test_where_the_asker_read_a_claim_is_no_topic(assistant):
    reply = assistant.ask("Facebook nói hạn cuối học tập quán triệt KL 21 ở cấp cơ sở là hết quý I/2022. "
                          "Kế hoạch ghi thế nào?")
    assert (reply.confidence, reply.citations[0].ref) == ("high", "II.3")
    assert reply.answer.startswith("Tháng 12/2021 - 01/2022 (II.3)")


def test_a_year_said_in_words_is_read_as_digits(assistant):
    from qa.question import spoken_numbers

    assert spoken_numbers("ký tháng mấy năm hai nghìn không trăm hai mươi mốt") == "ký tháng mấy năm 2021"
    assert spoken_numbers("năm hai ngàn hai hai") == "năm 2022"
    assert spoken_numbers("năm hai không hai hai") == "năm 2022"
    assert spoken_numbers("năm hai nghìn linh một") == "năm 2001"
    for text in ("năm hai nghìn linh năm", "năm hai người", "năm hai nghìn", "nam hai nghin hai mot"):
        assert spoken_numbers(text) == text
    reply = assistant.ask("kế hoạch 03 của bộ chính trị ký ngày bao nhiêu tháng mấy năm hai nghìn không trăm hai mốt")
    assert (reply.kind, reply.confidence) == ("meta", "high") and reply.answer.startswith("Ngày ban hành: 01/12/2021")


def test_a_part_named_by_its_number_in_words_or_digits():
    from qa.question import analyze

    assert analyze("thế còn phần hai thì sao").refs == ("II",)
    assert analyze("phan 3 co may nhiem vu").refs == ("III",)
    assert analyze("mục một nói gì").refs == ("I",)
    # a share, a length: no part
    assert analyze("một phần ba đảng viên").refs == ()
    assert analyze("phần hai năm").refs == ()
    # "bộ phận một cửa" (a one-stop office) and "từng phần một" (piece by piece): "phận" folds as "phần"
    assert analyze("phường em đang làm bộ phận một cửa").refs == ()
    assert analyze("học từng phần một").refs == ()
    assert analyze("phần một của kế hoạch nói gì").refs == ("I",)


@pytest.mark.parametrize("text", [
    "ý chính về tự học tập của CB, ĐV trong KH ạ",
    "em cần 3 ý chính về xây dựng pháp luật, thể chế hóa đường lối trong KH",
    "nội dung chính liên quan đến báo chí là gì?",
])
def test_the_gist_of_a_topic_is_no_name_of_the_document(text):
    title = frozenset("ke hoach thuc hien ket luan xay dung chinh don dang va he thong chinh tri tu dien bien chuyen hoa"
                      " can bo dang vien".split())
    assert analyze(text, title_words=title).kind == "what"
    # … the gist of the document itself is
    assert analyze("ý chính của kế hoạch 03 là gì", title_words=title).meta_field == "Tên văn bản"
    assert analyze("nội dung chính về kế hoạch này", title_words=title).meta_field == "Tên văn bản"


def test_mass_organisations_typed_short_are_read_in_full():
    assert analyze("Thế Hội ND TW có được giao nhiệm vụ riêng ở phần IV không nhể?").text.startswith("Thế Hội Nông dân ")
    assert analyze("Hội LHPN có nhiệm vụ gì").text == "Hội Liên hiệp Phụ nữ có nhiệm vụ gì"
    assert analyze("ND tham gia giám sát thế nào").text == "ND tham gia giám sát thế nào"  # "ND" alone: not beside "Hội"


@pytest.mark.parametrize("text, field", [
    # the term of the Central Committee is the held documents' title words, as the assistant reads them
    ("KH 03 của BCT triển khai KL 21 của BCH TW khóa XIII, đúng ko?", "Căn cứ"),
    ("Đúng hay sai: Kế hoạch số 03-KH/TW do Ban Bí thư Trung ương Đảng khóa XIII ban hành.", "Cơ quan ban hành"),
])
def test_statements_that_name_the_term(assistant, text, field):
    q = assistant._reread(text)
    assert (q.kind, q.meta_field) == ("meta", field)


def test_a_task_numbered_in_words():
    assert analyze("nhiệm vụ số mười một là cái gì").item_numbers == ("nhiem vu 11",)
    assert analyze("nhiệm vụ bảy là gì").item_numbers == ("nhiem vu 7",)
    assert analyze("kết luận hai mốt").doc_keys == (("kl", 21),)  # as before


def test_the_asker_s_need_after_the_question_is_not_asked():
    q = analyze("Phần I của KH nói về cái gì vậy, em cần tóm tắt để đọc cho chi bộ trong buổi họp online")
    assert q.kind == "what"
    # a need that asks ("tôi cần làm gì?") is the question
    assert analyze("Kế hoạch có yêu cầu gì về tự phê bình, tôi cần làm gì?").kind == "what"


def test_a_letters_closing_and_signature_ask_nothing():
    from qa.question import without_courtesy

    letter = ("Kính gửi Quý cơ quan. Câu lạc bộ chúng tôi chuẩn bị buổi nói chuyện. Xin hỏi Kế hoạch 03 gồm những "
              "phần lớn nào? Xin chân thành cảm ơn. Kính thư, Trần Đình Lộc, nguyên Hiệu trưởng.")
    assert without_courtesy(letter) == "Kế hoạch 03 gồm những phần lớn nào?"
    assert without_courtesy("Kế hoạch có ấn định thời hạn học tập không? Trân trọng cảm ơn. Người viết: Lê Quang "
                            "Vinh, nguyên Hiệu trưởng trường tiểu học.") == "Kế hoạch có ấn định thời hạn học tập không?"
    assert without_courtesy("Ke hoach ai ky? Nguoi viet: Le Quang Vinh") == "Ke hoach ai ky?"
    # a name that is no signature: after a comma of the question, or asked about
    assert without_courtesy("Người ký là ai, Võ Văn Thưởng") == "Người ký là ai, Võ Văn Thưởng"
    assert without_courtesy("Ai ký kế hoạch? Võ Văn Thưởng phải không?") == "Ai ký kế hoạch? Võ Văn Thưởng phải không?"


def test_a_statement_pointed_back_at_from_a_letter_is_checked():
    from qa.question import clean

    assert clean("Kính gửi Quý Ban. Có hội viên câu lạc bộ khẳng định Ban Bí thư là cơ quan ban hành Kế hoạch 03. "
                 "Xin hỏi khẳng định đó đúng hay sai? Xin cảm ơn. Kính thư, Trần Đình Lộc.", 2000)[0] == \
        "Ban Bí thư là cơ quan ban hành Kế hoạch 03, đúng hay sai?"
    # "khẳng định đó" points back at a statement, not at a document ("quy định đó")
    assert analyze("Có người khẳng định Kế hoạch 03 do đồng chí Tổng Bí thư ký. Điều đó đúng chăng?").kind == "meta"


def test_chat_spellings_of_vậy_and_bao_nhiêu():
    from qa.question import standard_words

    assert standard_words("là ai ra z mn") == "là ai ra vậy mọi người"
    assert standard_words("có bao nhiu đầu việc") == "có bao nhiêu đầu việc"


def test_what_the_answer_is_for_told_after_the_question_is_no_part_of_it():
    from qa.question import without_purpose

    assert without_purpose("Kế hoạch có yêu cầu bên tư pháp làm gì không ạ, em viết report về judicial reform.") == \
        "Kế hoạch có yêu cầu bên tư pháp làm gì không ạ"
    assert without_purpose("Kế hoạch có yêu cầu bên tư pháp làm gì không?") == \
        "Kế hoạch có yêu cầu bên tư pháp làm gì không?"


@pytest.mark.parametrize("text, kind", [
    ("Kế hoạch 03 do ai ra?", "meta"),
    # (the plan's title words, "chỉnh đốn Đảng", say which document is meant)
    ("ủa cái KH 03 về chỉnh đốn đảng là ai ra z mn, BCT hay BBT", "meta"),
    ("kế hoạch do ai ra quyết định thành lập ban chỉ đạo?", "who"),  # who decides, not who issued
    ("kế hoạch 03 mà tri bộ mới phổ biến là của ai ra dậy mấy anh", "meta"),
])
def test_who_brought_the_document_out_is_its_issuer(assistant, text, kind):
    reply = assistant.ask(text)
    assert reply.kind == kind
    assert reply.answer.startswith("Bộ Chính trị (03-KH/TW") is (kind == "meta")


def test_a_task_numbered_as_việc_số():
    assert analyze("cho tui hoi viec so 1 phai lam xong luc nao").item_numbers == ("nhiem vu 1",)
    assert analyze("Việc thứ 3 là gì?").item_numbers == ("nhiem vu 3",)


def test_a_remark_about_the_asker_after_a_full_question_is_no_part_of_it():
    from qa.question import clean

    assert clean("Kế hoạch có yêu cầu bên tư pháp làm gì không ạ, em viết report về judicial reform.", 2000)[0] == \
        "Kế hoạch có yêu cầu bên tư pháp làm gì không ạ"
    assert clean("Phần I nói về gì vậy, em cần tóm tắt để đọc trong buổi họp online", 2000)[0] == "Phần I nói về gì vậy"
    # no question before it: the whole message is what is asked
    assert clean("Tôi là bí thư chi bộ, tôi cần hướng dẫn học tập", 2000)[0] == \
        "Tôi là bí thư chi bộ, tôi cần hướng dẫn học tập"
    assert clean("Kế hoạch có yêu cầu gì, tôi cần làm gì?", 2000)[0] == "Kế hoạch có yêu cầu gì, tôi cần làm gì?"


def test_a_quote_asked_for_is_the_replys_form():
    from qa.question import analyze, only_requests, without_requests

    text = "Kế hoạch có nhắc đến bài phát biểu của đồng chí Tổng Bí thư không? Xin trích câu đó."
    assert without_requests(text) == "Kế hoạch có nhắc đến bài phát biểu của đồng chí Tổng Bí thư không?"
    assert "trich" not in analyze(text).topic
    assert only_requests("Xin trích nguyên văn câu đó.") and only_requests("tóm tắt giúp tôi")
    assert not only_requests("trích nguyên văn câu về lấy phiếu tín nhiệm") and not only_requests("Câu đó ở mục nào?")


def test_english_words_of_meetings_and_checks_are_read_in_vietnamese():
    from qa.question import standard_words

    assert standard_words("Conference toàn quốc do ai host?") == "hội nghị toàn quốc do ai tổ chức?"
    assert standard_words("Fact check: KH 03 do BBT ban hành") == "kiểm tra giúp: KH 03 do BBT ban hành"
    assert standard_words("KH 03 được issued by BCT hay BCH TW") == "KH 03 được ban hành bởi BCT hay BCH TW"
    assert standard_words("kh03 issued by BCT hay BCH TW") == "kh03 ban hanh boi BCT hay BCH TW"  # typed bare


@pytest.mark.parametrize("text, kind", [
    ("kh có bắt rút kinh nghiệm mấy đợt chỉnh đốn trước ko", "what"),  # the last few rounds: no count
    ("cai ke hoach co ghi rut kinh nghiem may lan truoc hong", "what"),
    ("Tổ chức mấy lần trước khi ban hành?", "count"),  # how many times, before …
    ("Kế hoạch có mấy nhiệm vụ trọng tâm?", "count"),
])
def test_the_last_few_rounds_ask_no_count(text, kind):
    assert analyze(text).kind == kind


def test_the_field_a_document_is_filed_under_is_asked_even_with_filing_words():
    asked = analyze("Tôi làm văn thư, KH 03 lưu vào hồ sơ lĩnh vực gì ạ, trên văn bản ghi lĩnh vực gì?")
    assert (asked.kind, asked.meta_field) == ("meta", "Lĩnh vực")
    # a field of work, the topic of a yes/no question, is no field of the register
    assert analyze("KH có nói về lĩnh vực kinh tế không?").kind != "meta"
    assert analyze("lĩnh vực y tế có phải lưu hồ sơ đảng viên không?").kind != "meta"


@pytest.mark.parametrize("text", ["Đảng viên ăn chơi sa đọa thì KH này nói bị kỷ luật tới mức nào?",
                                  "Cán bộ suy thoái thì bị kỷ luật ở mức nào?"])
def test_how_far_a_sanction_goes_asks_a_penalty(text):
    assert analyze(text).kind == "penalty"


def test_bn_before_what_is_counted_is_how_many():
    from qa.question import standard_words

    assert standard_words("can bn nguoi bo phieu thi hop le") == "can bao nhieu nguoi bo phieu thi hop le"
    assert standard_words("học bn ngày vậy") == "học bao nhiêu ngày vậy"
    assert standard_words("bn ơi kế hoạch do ai ký") == "bn ơi kế hoạch do ai ký"  # alone it may be "bạn"
    assert analyze("e la dv moi ket nap, hoc lop boi duong bn ngay").kind == "count"


@pytest.mark.parametrize("text, kind", [
    ("KH 03 là để triển khai Nghị quyết TW4 khóa XII đúng ko ạ, em đang làm clip", "meta"),  # the plenum names it
    ("luat khoa 15 quoc hoi lam theo ket luan so may", "what"),  # the laws' own conclusion, not the plan's
])
def test_a_document_named_by_its_plenum_is_no_topic_of_what_the_plan_implements(text, kind):
    assert analyze(text).kind == kind


def test_a_comma_left_before_the_closing_mark_by_a_courtesy_goes_with_it():
    from qa.question import without_courtesy

    assert without_courtesy("Việc cải cách hành chính có nằm trong kế hoạch không, thưa anh chị?") == \
        "Việc cải cách hành chính có nằm trong kế hoạch không?"
    assert analyze("Việc cải cách hành chính có nằm trong kế hoạch không, thưa anh chị?").text.endswith("không?")


def test_the_year_of_a_document_pointed_at_is_its_date(assistant):
    text = "Kết luận số 01 về học tập làm theo tư tưởng Bác có trong KH03 ko, KL đó ra năm nào?"
    assert analyze(text).issue_date
    assert assistant.ask(text).answer == "Kết luận số 01-KL/TW: ngày 18/5/2021, của Bộ Chính trị (I.2)."


@pytest.mark.parametrize("text, refs", [
    ("Phần IV mục 1 của KH 03 nói gì?", ("IV.1",)),
    ("mục 1 phần IV nói gì", ("IV.1",)),
    ("Nhiệm vụ 5 phần III là gì?", ("III.5",)),
    ("mục 2 của phần II nói gì", ("II.2",)),
    ("Phần III nói gì?", ("III",)),  # a part alone stays the part
])
def test_a_point_named_with_its_part_is_the_points_place(text, refs):
    assert analyze(text).refs == refs


@pytest.mark.parametrize("text, expected", [
    # a Central question word where it ends the question, with or without accents
    ("nguoi ky ke hoach 03 giu chuc vu chi rua?", "gi"),
    ("Người ký giữ chức vụ chi rứa?", "gì"),
    ("van ban ni ra luc mo rua?", "luc nao"),
])
def test_a_regional_question_word_ending_a_question_is_read_as_the_standard_one(text, expected):
    assert expected in analyze(text).text


@pytest.mark.parametrize("text", ["chi bo toi phai lam chi?", "Ban chỉ đạo gồm những ai, chi bộ có phải họp không?",
                                  "gắn với nghị quyết đại hội nào"])
def test_the_same_words_elsewhere_are_left_as_typed(text):
    read = analyze(text).text
    assert ("chi bo" in read or "chi bộ" in read or "đại hội nào" in read)
    assert "dai khi nao" not in read


def test_a_day_asked_of_something_done_under_the_plan_is_not_the_plans_date():
    assert analyze("KH 03 ký ngày mấy?").issue_date
    assert not analyze("Tôi phải báo cáo kết quả thực hiện KH 03 theo mẫu nào, hạn nộp ngày mấy?").issue_date
    # adopting a document named is its date
    assert analyze("Kết luận 21 được thông qua khi nào?").issue_date


def test_a_word_that_ends_a_question_without_accents_is_kept_without_a_central_particle():
    # "bao chi" is "báo chí"; "chi" alone is read as "gì" only before "rứa" ("rua")
    assert "bao chi" in analyze("ke hoach noi gi ve bao chi vay").text


def test_a_task_named_with_its_parts_own_name_is_the_numbered_task():
    from qa.question import analyze

    q = analyze("Nhiệm vụ trọng tâm số 1 trong phần III là gì?")
    assert (q.refs, q.item_numbers) == (("III.1",), ())  # the task's number is the point's, no item of its own
    assert analyze("nhiem vu trong tam 5 noi gi").item_numbers == ("nhiem vu 5",)


@pytest.mark.parametrize("text, field", [
    ("Xin chào, toi la nha nghien cuu, van ban 03-KH/TW la loai van ban gi?", "Loại văn bản"),
    ("Tôi là sinh viên, kế hoạch này thuộc loại văn bản gì?", "Loại văn bản"),
    # what the asker does is a topic of theirs, not only who they are: a content question
    ("Tôi làm trong lĩnh vực y tế, kế hoạch thuộc lĩnh vực gì?", None),
])
def test_who_the_asker_is_does_not_keep_a_register_field_from_being_asked(text, field):
    q = analyze(text)
    assert (q.kind == "meta", q.meta_field) == (field is not None, field)


def test_a_count_offered_as_numbered_options_is_a_count_asked():
    from qa.question import counted_in_options

    assert counted_in_options("KH 03 có A. 9 nhiệm vụ B. 10 C. 11 D. 12, chọn j") == "nhiệm vụ"
    assert counted_in_options("Kế hoạch ban hành năm: A. 2020 B. 2021 C. 2022") == ""  # years: nothing counted
    assert counted_in_options("Phần III có bao nhiêu nhiệm vụ? A. 9 B. 10 C. 11") == ""  # the stem asks it already
    assert counted_in_options("Ai chủ trì? A. 2 ban B. Bộ Chính trị") == ""  # not every option a number
    q = analyze("trắc nghiệm nè: KH 03 có A. 9 nhiệm vụ B. 10 C. 11 D. 12, chọn j")
    assert (q.kind, q.raw.endswith("chọn j")) == ("count", True)


def test_an_items_stem_typed_after_its_options_is_read_first():
    from qa.question import stem_first

    assert stem_first("A. Bo Chinh tri B. Ban Bi thu C. Quoc hoi — ai ban hanh KH 03?") == \
        "ai ban hanh KH 03? A. Bo Chinh tri B. Ban Bi thu C. Quoc hoi"
    assert stem_first("A. 9 B. 10 C. 11\nKH có mấy nhiệm vụ") == "KH có mấy nhiệm vụ: A. 9 B. 10 C. 11"
    # a stem already first, a dash inside an option, or a tail that asks nothing: unchanged
    assert stem_first("Ai ban hành? A. X B. Y") == "Ai ban hành? A. X B. Y"
    assert stem_first("A. Mặt trận - đoàn thể B. Quốc hội") == "A. Mặt trận - đoàn thể B. Quốc hội"
    assert stem_first("A. Quốc hội B. Chính phủ — xem thêm tài liệu") == "A. Quốc hội B. Chính phủ — xem thêm tài liệu"
