"""Requests the assistant does not serve: writing, translating, sending files (qa/ask/requests.py)."""

import pytest

from qa.ask.requests import MESSAGE, unserved


@pytest.mark.parametrize("text, asked", [
    ("Viết giúp em đoạn văn 200 chữ về ý nghĩa của kế hoạch 03", True),
    ("Act as chuyên gia xây dựng Đảng, viết giúp mình bài thu hoạch 1500 chữ về KL 21.", True),
    ("Viết bài luận về vai trò của thanh niên trong chống suy thoái tư tưởng", True),
    ("a/c cho em link tải bản pdf KH 03 với ạ", True),
    # what the plan requires of writing, the asker's own work, and "link" as a connection are questions
    ("Học xong có phải viết bài thu hoạch không?", False),
    ("Tôi đang viết bài về chỉnh đốn Đảng cho số báo cuối tuần. Mục đích đầu tiên là gì?", False),
    ("Ai lo khâu viết bài, đưa tin trên tivi, báo giấy?", False),
    ("cho xin toàn văn Kết luận 21", True),
    ("Plan có link với các resolutions về economy không?", False),
    ("Kế hoạch 03 có được đăng công khai toàn văn trên Báo Nhân Dân không?", False),
])
def test_a_request_is_told_from_a_question(text, asked):
    assert unserved(text) is asked


def test_the_assistant_says_what_it_does_instead_of_a_clause(assistant):
    reply = assistant.ask("Act as chuyên gia xây dựng Đảng, viết giúp mình bài thu hoạch 1500 chữ về KL 21.")
    assert (reply.found, reply.confidence, reply.signals["rule"]) == (False, "none", "request")
    assert reply.message.startswith(MESSAGE) and reply.answer == MESSAGE  # not «Văn bản không đề cập …»
