"""Hand-made clauses from the plan's real text, with the facts the core would extract."""

from __future__ import annotations

from qa.quiz.model import BLANK, ItemCitation, QuizItem
from qa.types import Clause, Facts

DOC, TITLE = "03-KH/TW", "Kế hoạch 03-KH/TW"
II = "II- CÔNG TÁC QUÁN TRIỆT KẾT LUẬN VÀ TRIỂN KHAI KẾ HOẠCH THỰC HIỆN"
III = "III- NHIỆM VỤ TRỌNG TÂM"
IV = "IV- NHIỆM VỤ CỦA ĐẢNG ĐOÀN, BAN CÁN SỰ ĐẢNG, TỈNH ỦY, THÀNH ỦY, ĐẢNG ỦY TRỰC THUỘC TRUNG ƯƠNG; CÁC CƠ QUAN, TỔ CHỨC CÓ LIÊN QUAN"
L_II = "Mục II. Công tác quán triệt Kết luận và triển khai kế hoạch thực hiện"
L_III = "Mục III. Nhiệm vụ trọng tâm"
L_IV = "Mục IV. Nhiệm vụ của đảng đoàn, ban cán sự đảng, tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương; các cơ quan, tổ chức có liên quan"
GENERIC_LEAD = ("Các cấp ủy, tổ chức đảng, các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội từ Trung ương đến cơ sở",)


def make(ref, kind, label, headings, text, position, **facts) -> Clause:
    f = Facts(
        timings=tuple(facts.get("timings", ())),
        lead=tuple(facts.get("lead", ())),
        coordinate=tuple(facts.get("coordinate", ())),
        bodies=tuple(facts.get("bodies", ())),
        lead_inherited=bool(facts.get("inherited", False)),
    )
    return Clause(DOC, TITLE, ref, label, kind, tuple(headings), text, position, f)


def plan_clauses() -> list[Clause]:
    cs = [
        make("II", "section", L_II, [II], II, 0),
        make("II.1", "bullet", f"{L_II} — ý 1", [II],
             "Bộ Chính trị, Ban Bí thư tổ chức Hội nghị cán bộ toàn quốc để quán triệt Kết luận và triển khai "
             "Kế hoạch thực hiện (đầu tháng 12/2021).", 1,
             timings=["đầu tháng 12/2021"], lead=["Bộ Chính trị", "Ban Bí thư"], bodies=["Bộ Chính trị", "Ban Bí thư"]),
        make("II.2", "bullet", f"{L_II} — ý 2", [II],
             "Ban Tuyên giáo Trung ương chủ trì phối hợp với Ban Tổ chức Trung ương, Ủy ban Kiểm tra Trung ương, "
             "Văn phòng Trung ương Đảng hướng dẫn tổ chức hội nghị nghiên cứu, quán triệt Kết luận và Kế hoạch "
             "thực hiện ở các cấp, các ngành (tháng 12/2021); chỉ đạo các cơ quan báo chí tuyên truyền nội dung "
             "Kết luận.", 2,
             timings=["tháng 12/2021"], lead=["Ban Tuyên giáo Trung ương"],
             coordinate=["Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương", "Văn phòng Trung ương Đảng"],
             bodies=["Ban Tuyên giáo Trung ương", "Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương",
                     "Văn phòng Trung ương Đảng"]),
        make("III", "section", L_III, [III],
             "Các cấp ủy, tổ chức đảng, các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - "
             "xã hội từ Trung ương đến cơ sở căn cứ vào nội dung Kết luận, tập trung lãnh đạo, chỉ đạo thực hiện "
             "các nhiệm vụ trọng tâm sau:", 3,
             lead=GENERIC_LEAD, bodies=["Mặt trận Tổ quốc Việt Nam"]),
        make("III.1", "item", f"{L_III} — nhiệm vụ 1", [III],
             "Mở đợt sinh hoạt chính trị sâu rộng trong toàn quốc về xây dựng, chỉnh đốn Đảng và hệ thống chính trị; "
             "kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, "
             "lối sống, biểu hiện \"tự diễn biến\", \"tự chuyển hóa\" (hoàn thành trong quý I/2022).", 4,
             timings=["hoàn thành trong quý I/2022"], lead=GENERIC_LEAD, inherited=True),
        make("III.3", "item", f"{L_III} — nhiệm vụ 3", [III],
             "Tăng cường đổi mới nội dung, phương thức và nâng cao chất lượng công tác giáo dục chính trị tư tưởng; "
             "xây dựng chế độ học tập, bồi dưỡng lý luận chính trị định kỳ, thường xuyên đối với cán bộ lãnh đạo, "
             "quản lý (thực hiện thường xuyên).", 5,
             timings=["thực hiện thường xuyên"], lead=GENERIC_LEAD, inherited=True),
        make("III.4", "item", f"{L_III} — nhiệm vụ 4", [III],
             "Thực hiện nghiêm việc tự phê bình và phê bình trong sinh hoạt đảng, gắn với việc tu dưỡng, rèn luyện, "
             "nêu gương của cán bộ, đảng viên (thực hiện hằng năm, từ năm 2021).", 6,
             timings=["thực hiện hằng năm, từ năm 2021"], lead=GENERIC_LEAD, inherited=True),
        make("III.6", "item", f"{L_III} — nhiệm vụ 6", [III],
             "Giữ vững nguyên tắc tổ chức và sinh hoạt đảng, thực hiện nghiêm nguyên tắc tập trung dân chủ, đề cao "
             "tính chiến đấu trong sinh hoạt cấp ủy; kiên quyết chống chủ nghĩa cá nhân, cơ hội, cục bộ, lợi ích "
             "nhóm (thực hiện thường xuyên).", 7,
             timings=["thực hiện thường xuyên"], lead=GENERIC_LEAD, inherited=True),
        make("III.7", "item", f"{L_III} — nhiệm vụ 7", [III],
             "Kịp thời sơ kết, tổng kết, rà soát, sửa đổi các văn bản của Đảng, Nhà nước liên quan đến công tác cán "
             "bộ; chủ trương bố trí chức danh lãnh đạo chủ chốt không phải là người địa phương (từ năm 2022).", 8,
             timings=["từ năm 2022"], lead=GENERIC_LEAD, inherited=True),
        make("III.8", "item", f"{L_III} — nhiệm vụ 8", [III],
             "Tiếp tục đẩy mạnh và nâng cao chất lượng, hiệu quả công tác phòng, chống tham nhũng, tiêu cực; "
             "nâng cao chất lượng, hiệu lực, hiệu quả hoạt động của các cơ quan tư pháp; thực hiện có hiệu quả "
             "kiểm soát quyền lực (thực hiện thường xuyên).", 9,
             timings=["thực hiện thường xuyên"], lead=GENERIC_LEAD, inherited=True),
        make("III.11", "item", f"{L_III} — nhiệm vụ 11", [III],
             "Tạo sự chuyển biến tích cực, nâng cao hiệu lực, hiệu quả trong hoạt động của các cơ quan nhà nước. "
             "Phát huy vai trò giám sát, phản biện của Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội "
             "và nhân dân trong công tác xây dựng, chỉnh đốn Đảng (thực hiện thường xuyên).", 10,
             timings=["thực hiện thường xuyên"], lead=GENERIC_LEAD, bodies=["Mặt trận Tổ quốc Việt Nam"],
             inherited=True),
        make("IV", "section", L_IV, [IV], IV, 11),
        make("IV.1", "heading", f"{L_IV} — 1. Đảng đoàn Quốc hội", [IV], "Đảng đoàn Quốc hội", 12,
             lead=["Đảng đoàn Quốc hội"], bodies=["Đảng đoàn Quốc hội"]),
        make("IV.1.1", "bullet", f"{L_IV} — 1. Đảng đoàn Quốc hội — ý 1", [IV, "Đảng đoàn Quốc hội"],
             "Thể chế hóa, cụ thể hóa nội dung Kết luận thành quy định trong các luật, pháp lệnh, nghị quyết của "
             "Quốc hội và Ủy ban Thường vụ Quốc hội.", 13,
             lead=["Đảng đoàn Quốc hội"], bodies=["Quốc hội", "Ủy ban Thường vụ Quốc hội"], inherited=True),
        make("IV.1.2", "bullet", f"{L_IV} — 1. Đảng đoàn Quốc hội — ý 2", [IV, "Đảng đoàn Quốc hội"],
             "Nâng cao chất lượng hoạt động lập pháp, hoàn thành tốt chương trình xây dựng pháp luật nhiệm kỳ Quốc "
             "hội khóa XV theo chỉ đạo của Bộ Chính trị.", 14,
             lead=["Đảng đoàn Quốc hội"], bodies=["Quốc hội", "Bộ Chính trị"], inherited=True),
    ]
    return cs


# Every GIFT special character and a backslash, for escaping round trips.
NASTY = r"a~b=c#d{e}f:g\h"


def nasty_items() -> list[QuizItem]:
    """One item of each kind with GIFT's special characters in every field."""
    cite = ItemCitation("03-KH/TW", "III.8", f"Nhãn {NASTY}")
    return [
        QuizItem("01-x:y", "mcq", "timing", f"Câu {NASTY}?", (f"đúng {NASTY}", "sai {1}", "sai = 2", "sai ~3"),
                 f"đúng {NASTY}", f"Giải thích {NASTY}", cite, "easy", "q"),
        QuizItem("02-tf", "tf", "timing", f"Nhận định {NASTY}.", ("Đúng", "Sai"), "Sai", "Sai: #1", cite, "easy", "q"),
        QuizItem("03-cz", "cloze", "term", f"Điền: «trước {NASTY} {BLANK} sau: {{x}}»", ("A=1", "B#2", "C~3", "D:4"),
                 "B#2", "Giải thích", cite, "hard", "q"),
    ]
