"""Document types and the documents a text cites by kind and subject (qa/documents/types.py)."""

from qa.documents.types import titled_citations, type_of_abbreviation

TEXT = ("Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về đẩy mạnh học tập, Quy định về những điều "
        "đảng viên không được làm, các quy định về trách nhiệm nêu gương của cán bộ, đảng viên; các nghị quyết "
        "về phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh; Kết luận về tổ chức, bộ máy, Quy định về "
        "kiểm tra, Kết luận số 19.")


def test_a_title_of_kind_and_subject_is_a_citation():
    # a subject runs across commas to the end of its list item, or to the next document cited
    assert titled_citations(TEXT) == ["Quy định về những điều đảng viên không được làm", "Kết luận về tổ chức, bộ máy",
                                      "Quy định về kiểm tra"]


def test_as_a_common_noun_too_and_cadres_and_members_are_one_phrase():
    assert titled_citations(TEXT, proper=False) == [
        "Quy định về những điều đảng viên không được làm",
        "các quy định về trách nhiệm nêu gương của cán bộ, đảng viên",
        "các nghị quyết về phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh",
        "Kết luận về tổ chức, bộ máy",
        "Quy định về kiểm tra",
    ]


def test_an_abbreviation_names_its_type():
    assert type_of_abbreviation("KL").name == "KẾT LUẬN"
    assert type_of_abbreviation("xyz") is None
