"""A full queue seen in the browser: a Vietnamese message, never Gradio's English "busy" text (issue 10, defect 9).

The app runs with ``--concurrency 1 --max-queue 1`` and each chat turn held for a
few seconds (patched in this test's own launcher, not in the app), so three
browser tabs sending at once overflow the queue: one is answered, one waits,
the third is turned away by the server (HTTP 503) and the Gradio client shows its
own hard-coded English sentence, which the page script rewrites.
"""

from __future__ import annotations

import subprocess
import time

import pytest

from app import BUSY_MESSAGE
from tests.app_support import CHROMIUM_ARGS, ROOT, AppServer, find_chromium, start_app

pytestmark = pytest.mark.browser

HOLD_S = 4.0  # each chat turn takes at least this long, so the queue stays full while the tabs send
TABS = 3  # one answered, one waiting (--max-queue 1), one turned away
LAUNCHER = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
import app
respond = app.ChatApp.respond
def slow(self, *args):
    time.sleep({HOLD_S})
    return respond(self, *args)
app.ChatApp.respond = slow
app.main(sys.argv[1:])
"""
ENGLISH_BUSY = ("This application is currently busy", "Queue is full", "Please try again")


def start_busy_app() -> AppServer:
    """``tests.app_support.start_app`` (its wait and its log), with this test's launcher and flags."""
    popen = subprocess.Popen

    def launch(argv, **kwargs):
        assert argv[1] == str(ROOT / "app.py"), argv
        return popen([argv[0], "-c", LAUNCHER, *argv[2:], "--concurrency", "1", "--max-queue", "1"], **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess, "Popen", launch)
        return start_app()


@pytest.fixture(scope="module")
def busy_server():
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium at /usr/bin/chromium (or $CHROMIUM): run .ci/browser.sh")
    pytest.importorskip("playwright.sync_api", reason="playwright's Python package is not installed")
    server = start_busy_app()
    yield server, chromium
    server.stop()


def test_full_queue_shows_vietnamese_not_english(busy_server):
    from playwright.sync_api import sync_playwright

    server, chromium = busy_server
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(locale="vi-VN")
            context.set_default_timeout(60_000)
            pages = [context.new_page() for _ in range(TABS)]
            for page in pages:
                page.goto(server.url)
                page.locator("#qa-input textarea").wait_for()
            for page in pages:  # all within far less than HOLD_S
                box = page.locator("#qa-input textarea")
                box.fill("ai chịu trách nhiệm thể chế hóa?")
                box.press("Enter")
            # The turned-away tab shows the message within a few seconds; answered tabs get replies.
            deadline = time.monotonic() + 3 * HOLD_S
            shown = []
            while time.monotonic() < deadline and not shown:
                shown = [p for p in pages if BUSY_MESSAGE in p.locator("body").inner_text()]
                time.sleep(0.2)
            assert shown, "no tab showed the Vietnamese busy message:\n" + server.log_tail()
            for page in pages:
                texts = " ".join(page.evaluate("() => [document.body.innerText, "
                                               "...[...document.querySelectorAll('[title],[aria-label]')]"
                                               ".map(e => e.title + ' ' + e.getAttribute('aria-label'))]"))
                assert not [w for w in ENGLISH_BUSY if w in texts], texts[:2000]
            # The queue drains: a tab that was let in gets its answer (which tab arrived first is
            # up to the browser, so any of them).
            deadline = time.monotonic() + 8 * HOLD_S
            answered = 0
            while time.monotonic() < deadline and not answered:
                answered = sum(p.locator("#qa-chat .qa-reply").count() for p in pages)
                time.sleep(0.25)
            assert answered, "no tab got its answer after the queue drained:\n" + server.log_tail()
        finally:
            browser.close()
