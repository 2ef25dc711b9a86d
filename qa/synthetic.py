"""A synthetic library for scale benchmarks: the plan reshuffled into distinct documents.

Each document keeps the plan's genre (number, header, Roman sections, numbered tasks, bullets)
with its own number, its own province and a seeded draw of the plan's sentences, so the
indexes see realistic Vietnamese text and no two documents are the same.

>>> write_library(Path("/tmp/lib"), clauses=10_000)   # ≈ 10,000 clauses in ≈ 360 files
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from .config import ROOT
from .parse import parse_file

PLAN = ROOT / "corpus" / "ke-hoach-03-KH-TW-2021.txt"
_PLACES = ("Hà Giang", "Cao Bằng", "Lào Cai", "Yên Bái", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang",
           "Phú Thọ", "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An",
           "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Nam", "Quảng Ngãi", "Bình Định",
           "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Lâm Đồng",
           "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
           "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Cần Thơ", "Hậu Giang", "Sóc Trăng", "Bạc Liêu",
           "Cà Mau")
_SECTIONS = ("MỤC ĐÍCH, YÊU CẦU", "CÔNG TÁC QUÁN TRIỆT VÀ TRIỂN KHAI", "NHIỆM VỤ TRỌNG TÂM", "TỔ CHỨC THỰC HIỆN")
_ROMAN = ("I", "II", "III", "IV")
CLAUSES_PER_DOCUMENT = 28  # header + 4 sections + 23 tasks/bullets, as the plan


def _sentences() -> list[str]:
    plan = parse_file(PLAN)
    out = []
    for clause in plan.clauses:
        if clause.kind in ("item", "bullet", "point"):
            out.extend(s.strip() for s in re.split(r"(?<=[.;])\s+", clause.text) if len(s.split()) >= 6)
    return out


def document_text(number: int, sentences: list[str], rng: random.Random) -> str:
    place = rng.choice(_PLACES)
    lines = ["KẾ HOẠCH", f"Số: {number}-KH/TU", "",
             f"THỰC HIỆN KẾT LUẬN SỐ 21-KL/TW VỀ XÂY DỰNG, CHỈNH ĐỐN ĐẢNG TẠI TỈNH {place.upper()} (ĐỢT {number})", ""]
    per_section = (6, 5, 7, 5)
    for roman, title, count in zip(_ROMAN, _SECTIONS, per_section):
        lines += [f"{roman}- {title}", ""]
        for k in range(1, count + 1):
            text = " ".join(rng.sample(sentences, 2))
            text = text.replace("Trung ương", f"tỉnh {place}", 1) if rng.random() < 0.5 else text
            marker = f"{k}." if roman == "III" else "-"
            lines += [f"{marker} {text} (quý {rng.choice(('I', 'II', 'III', 'IV'))}/{2022 + number % 5}).", ""]
    return "\n".join(lines)


def write_library(directory: Path, clauses: int, seed: int = 9) -> list[Path]:
    """About ``clauses`` clauses in ``ceil(clauses / 28)`` documents under ``directory``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    sentences = _sentences()
    rng = random.Random(seed)
    paths = []
    for i in range(max(1, -(-clauses // CLAUSES_PER_DOCUMENT))):
        path = directory / f"ke-hoach-{i + 100:06d}.txt"
        path.write_text(document_text(i + 100, sentences, rng), encoding="utf-8")
        paths.append(path)
    return paths
