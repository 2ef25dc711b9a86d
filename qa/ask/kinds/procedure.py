"""procedure: steps, forms, criteria ("quy trình lấy phiếu", "mẫu báo cáo", "bộ tiêu chí").

A plan sets tasks and deadlines; the procedures and forms come in guidance documents.
A clause answers only when it names the step, form or criterion itself.
"""

from __future__ import annotations

from .base import WordSlot


class Procedure(WordSlot):
    name = "procedure"
    slot, role = "procedure", "detail"
