"""The parser on the whole bundled plan: every clause's ref, label, timing and bodies."""

import pytest

from qa.parse import ParseError, parse_file, parse_text

III_LEAD = ("Các cấp ủy, tổ chức đảng, các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam và các tổ chức "
            "chính trị - xã hội từ Trung ương đến cơ sở")
II3_LEAD = ("Các đồng chí Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương Đảng, "
            "bí thư các tỉnh ủy, thành ủy, đảng đoàn, ban cán sự đảng, đảng ủy trực thuộc Trung ương và lãnh "
            "đạo các cơ quan, tổ chức")
IV = "Mục IV. Nhiệm vụ của đảng đoàn, ban cán sự đảng, tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương; các cơ quan, tổ chức có liên quan"
II = "Mục II. Công tác quán triệt Kết luận và triển khai kế hoạch thực hiện"

# ref, kind, label, timings, lead, coordinate, lead_inherited
EXPECTED = [
    ("title", "title", "Tên văn bản", (), (), (), False),
    ("meta", "meta", "Thông tin văn bản", (), (), (), False),
    ("header", "header", "Phần đầu văn bản", (), (), (), False),
    ("preamble", "preamble", "Phần mở đầu", (), (), (), False),
    ("I", "section", "Mục I. Mục đích, yêu cầu", (), (), (), False),
    ("I.1", "bullet", "Mục I. Mục đích, yêu cầu — ý 1", (), (), (), False),
    ("I.2", "bullet", "Mục I. Mục đích, yêu cầu — ý 2", (), (), (), False),
    ("I.3", "bullet", "Mục I. Mục đích, yêu cầu — ý 3", (), (), (), False),
    ("II", "section", II, (), (), (), False),
    ("II.1", "bullet", f"{II} — ý 1", ("đầu tháng 12/2021",), ("Bộ Chính trị", "Ban Bí thư"), (), False),
    ("II.2", "bullet", f"{II} — ý 2", ("tháng 12/2021",), ("Ban Tuyên giáo Trung ương",),
     ("Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương", "Văn phòng Trung ương Đảng"), False),
    ("II.3", "bullet", f"{II} — ý 3", ("tháng 12/2021 - 01/2022",), (II3_LEAD,), (), False),
    ("III", "section", "Mục III. Nhiệm vụ trọng tâm", (), (III_LEAD,), (), False),
    ("III.1", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 1", ("hoàn thành trong quý I/2022",), (III_LEAD,), (), True),
    ("III.2", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 2", ("tháng 12/2021", "thực hiện hằng năm từ năm 2022"), (III_LEAD,), (), True),
    ("III.3", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 3", ("thực hiện thường xuyên",), (III_LEAD,), (), True),
    ("III.4", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 4", ("thực hiện hằng năm, từ năm 2021",), (III_LEAD,), (), True),
    ("III.5", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 5",
     ("năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân các cấp",), (III_LEAD,), (), True),
    ("III.6", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 6", ("thực hiện thường xuyên",), (III_LEAD,), (), True),
    ("III.7", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 7", ("từ năm 2022",), (III_LEAD,), (), True),
    ("III.8", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 8", ("thực hiện thường xuyên",), (III_LEAD,), (), True),
    ("III.9", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 9", ("thực hiện thường xuyên",), (III_LEAD,), (), True),
    ("III.10", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 10", ("thực hiện thường xuyên",), (III_LEAD,), (), True),
    ("III.11", "item", "Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 11", ("thực hiện thường xuyên",), (III_LEAD,), (), True),
    ("IV", "section", IV, (), (), (), False),
    ("IV.1", "heading", f"{IV} — 1. Đảng đoàn Quốc hội", (), ("Đảng đoàn Quốc hội",), (), False),
    ("IV.1.1", "bullet", f"{IV} — 1. Đảng đoàn Quốc hội — ý 1", (), ("Đảng đoàn Quốc hội",), (), True),
    ("IV.1.2", "bullet", f"{IV} — 1. Đảng đoàn Quốc hội — ý 2", (), ("Đảng đoàn Quốc hội",), (), True),
]


def test_every_clause_of_the_plan(plan_document):
    got = [(c.ref, c.kind, c.label, c.facts.timings, c.facts.lead, c.facts.coordinate, c.facts.lead_inherited)
           for c in plan_document.clauses]
    assert got == EXPECTED
    assert [c.position for c in plan_document.clauses] == list(range(len(EXPECTED)))


def test_document_identity_metadata_and_truncation(plan_document):
    doc = plan_document
    assert doc.doc_id == "03-KH/TW"
    assert doc.title.startswith("Kế hoạch 03-KH/TW năm 2021 thực hiện Kết luận 21-KL/TW")
    assert doc.metadata == {
        "Số hiệu": "03-KH/TW", "Ngày ban hành": "01/12/2021", "Ngày có hiệu lực": "01/12/2021",
        "Loại văn bản": "Kế hoạch", "Cơ quan ban hành": "Ban Chấp hành Trung ương", "Người ký": "Võ Văn Thưởng",
        "Lĩnh vực": "Bộ máy hành chính"}
    assert doc.truncated_after == "IV.1.2"
    assert all(c.doc_id == "03-KH/TW" for c in doc.clauses)


def test_clause_text_is_verbatim_without_marker(plan_document):
    by_ref = {c.ref: c for c in plan_document.clauses}
    assert by_ref["IV.1.1"].text == ("Thể chế hóa, cụ thể hóa nội dung Kết luận thành quy định trong các luật, "
                                     "pháp lệnh, nghị quyết của Quốc hội và Ủy ban Thường vụ Quốc hội.")
    assert by_ref["IV.1.1"].headings == (
        "IV- NHIỆM VỤ CỦA ĐẢNG ĐOÀN, BAN CÁN SỰ ĐẢNG, TỈNH ỦY, THÀNH ỦY, ĐẢNG ỦY TRỰC THUỘC TRUNG ƯƠNG; "
        "CÁC CƠ QUAN, TỔ CHỨC CÓ LIÊN QUAN", "Đảng đoàn Quốc hội")
    assert by_ref["III.8"].text.startswith("Tiếp tục đẩy mạnh và nâng cao chất lượng")
    assert by_ref["III"].text.startswith("Các cấp ủy, tổ chức đảng")
    assert by_ref["meta"].text.split("\n")[0] == "Số hiệu 03-KH/TW"
    assert "\u00a0" not in "".join(c.text for c in plan_document.clauses)
    assert by_ref["II.2"].facts.bodies[:2] == ("Ban Tuyên giáo Trung ương", "Ban Tổ chức Trung ương")


def test_other_genre_decree_with_articles():
    text = """NGHỊ ĐỊNH
QUY ĐỊNH VỀ THỬ NGHIỆM

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh

1. Nghị định này quy định việc thử nghiệm (từ năm 2023).

a) Bộ Nội vụ chủ trì hướng dẫn.

b) Bộ Tư pháp phối hợp thẩm định.

Điều 2. Đối tượng áp dụng

Cán bộ, công chức.
"""
    doc = parse_text(text, source="nd-thu.txt")
    refs = [(c.ref, c.kind) for c in doc.clauses]
    assert ("Điều 1", "article") in refs and ("Điều 1.1", "clause") in refs
    assert ("Điều 1.1.a", "point") in refs and ("Điều 1.1.b", "point") in refs
    by_ref = {c.ref: c for c in doc.clauses}
    assert by_ref["Điều 1.1"].facts.timings == ("từ năm 2023",)
    assert by_ref["Điều 1.1.a"].facts.lead == ("Bộ Nội vụ",)
    assert by_ref["Điều 1.1.a"].label == "Điều 1. Phạm vi điều chỉnh — khoản 1 — điểm a"
    assert by_ref["Điều 2"].text.endswith("Cán bộ, công chức.")
    assert doc.doc_id == "nd-thu"


def test_plan_with_lettered_points_and_wrapped_lines():
    text = """KẾ HOẠCH
THỬ NGHIỆM

I- NHIỆM VỤ

1. Rà soát văn bản
a) Ban Tổ chức Trung ương chủ trì (quý II/2022).

2. Một đoạn dài
được ngắt dòng giữa chừng.
"""
    doc = parse_text(text, source="kh.txt")
    by_ref = {c.ref: c for c in doc.clauses}
    assert by_ref["I.1"].kind == "heading"
    assert by_ref["I.1.a"].facts.lead == ("Ban Tổ chức Trung ương",)
    assert by_ref["I.1.a"].facts.timings == ("quý II/2022",)
    assert by_ref["I.2"].text == "Một đoạn dài được ngắt dòng giữa chừng."
    assert doc.title == "Kế hoạch thử nghiệm"


# Reasons in Vietnamese since issue 10 (the app shows them); \xff\xfe is a UTF-16 BOM now read as such.
@pytest.mark.parametrize("content, reason", [(b"", "trống"), (b"   \n", "trống"),
                                             (b"\x00\x01binary", "nhị phân"), (b"\xff\xfe\xfa bad", "UTF-16"),
                                             (b"ok \xfa bad", "UTF-8")])
def test_bad_files_name_the_file(tmp_path, content, reason):
    path = tmp_path / "xau.txt"
    path.write_bytes(content)
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert "xau.txt" in str(err.value) and reason in str(err.value)
