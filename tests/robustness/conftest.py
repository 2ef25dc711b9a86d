"""Counts per door and outcome, printed at the end of the run (the closing note of issue 10)."""

from __future__ import annotations

from tests.robustness.hostile import OUTCOMES


def pytest_terminal_summary(terminalreporter):
    if not OUTCOMES:
        return
    terminalreporter.section("robustness (issue 10)")
    terminalreporter.write_line(f"{'door':<16}{'tried':>6}{'message':>9}{'clean':>7}{'failed':>8}")
    for door, counts in sorted(OUTCOMES.items()):
        terminalreporter.write_line(f"{door:<16}{counts['tried']:>6}{counts['message']:>9}{counts['clean']:>7}"
                                    f"{counts['failed']:>8}")
