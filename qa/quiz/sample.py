"""``docs/quiz-sample.md``: a real quiz as a trainer would read it, with its drop report and review.

    python -m qa.quiz.sample            # rewrites docs/quiz-sample.md
    python -m qa.quiz.sample -o -       # prints it

The page is generated, never edited by hand: the command it shows is the one that made it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qa.quiz.export import AIKEN_LETTERS, export
from qa.quiz.generate import KIND_LABELS, QuizOptions, QuizResult, generate_quiz
from qa.quiz.review import Review, review_quiz

DIFFICULTY = {"easy": "dễ", "medium": "vừa", "hard": "khó"}
SAMPLE = QuizOptions(n=30, seed=3)
COMMAND = "qa quiz --n 30 --seed 3 --check --format gift -o quiz.gift"
GIFT_ITEMS = 3  # items also shown in GIFT
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "docs" / "quiz-sample.md"


def _md(text: str) -> str:
    return text.replace("_____", r"\_\_\_\_\_")


def render_sample(result: QuizResult, review: Review, command: str = COMMAND) -> str:
    exported_aiken = export(result.items, "aiken")
    lines = [
        "# Câu hỏi ôn tập mẫu — Kế hoạch 03-KH/TW",
        "",
        "Sinh bằng lệnh (kết quả thật, không sửa tay; `python -m qa.quiz.sample` viết lại trang này):",
        "",
        "```sh",
        command,
        "```",
        "",
        "Báo cáo trên stderr:",
        "",
        "```",
        result.report(),
        review.report(),
        "```",
        "",
        "Mỗi câu lấy từ một đoạn của văn bản, ghi nguồn (số hiệu · mục · nhãn) và được đối chiếu với đoạn đó "
        "trước khi giữ lại: đáp án phải có trong lời văn của đoạn (hoặc trong đề mục ngay trên nó với cơ quan "
        "chủ trì được kế thừa), còn mọi phương án nhiễu thì không. Bước rà soát (`--check`) xem lại từng câu: "
        "không cắt giữa từ, giữa tên cơ quan hay cụm từ cố định; phương án nhiễu cùng loại cụm từ với đáp án "
        "(tên cơ quan, thời hạn, cụm động từ, cụm danh từ); mỗi đoạn và mỗi dạng câu hỏi không vượt mức trần; "
        "không có câu trùng. Độ khó = trọng số loại câu (Đúng/Sai 0, Trắc nghiệm 1, Điền chỗ trống 2) + trọng số "
        "chủ đề (thời hạn, mục 0; còn lại 1): 0–1 dễ, 2 vừa, 3 khó.",
        "",
        f"Xuất Aiken: {exported_aiken.count} câu (trắc nghiệm và điền chỗ trống có phương án), "
        f"bỏ qua {exported_aiken.skipped} câu Đúng/Sai.",
        "",
    ]
    for n, item in enumerate(result.items, 1):
        lines += [f"### {n}. {KIND_LABELS[item.kind]} · {DIFFICULTY[item.difficulty]} · {item.citation.ref}", "",
                  _md(item.stem), ""]
        for i, opt in enumerate(item.options):
            mark = "x" if opt == item.answer else " "
            lines.append(f"- [{mark}] {AIKEN_LETTERS[i]}. {_md(opt)}")
        c = item.citation
        lines += ["", f"> {_md(item.explanation)}", ">", f"> Nguồn: {c.doc} · {c.ref} · {c.label}", ""]
    gift = export(result.items[:GIFT_ITEMS], "gift").text.split("\n\n", 1)[-1].rstrip("\n")
    lines += [f"## {GIFT_ITEMS} câu đầu ở định dạng GIFT (Moodle)", "", "```", gift, "```", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa.quiz.sample", description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=str(DEFAULT_OUT), help="where to write ('-' for stdout)")
    args = parser.parse_args(argv)
    from qa.quiz.cli import load_clauses

    clauses = load_clauses()
    result = generate_quiz(clauses, SAMPLE)
    text = render_sample(result, review_quiz(result.items, clauses, result.caps))
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
