"""A cadre's conversation in headless Chromium against ``python app.py`` on a free port.

Needs Debian's Chromium (``.ci/browser.sh`` installs it) and Playwright's Python
package; without either the test is skipped and says why. Saves the screenshot
of the conversation to docs/screenshot.png and to the test's tmp dir.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.app_support import CHROMIUM_ARGS, ROOT, app_server, find_chromium  # noqa: F401

pytestmark = pytest.mark.browser

STEP_TIMEOUT_MS = 60_000  # one answer, one page load
WHO_QUESTION = "ai chịu trách nhiệm thể chế hóa?"
INJECTION = "<img src=x onerror=alert(1)>"
SCREENSHOT = ROOT / "docs" / "screenshot.png"


@pytest.fixture(scope="module")
def page(request):
    # Look for the browser before starting the app: no browser, no server.
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium at /usr/bin/chromium (or $CHROMIUM): run .ci/browser.sh to install Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.skip(f"playwright's Python package is not installed ({exc}): pip install playwright")
    server = request.getfixturevalue("app_server")
    profile = tempfile.mkdtemp(prefix="qa-chromium-")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            locale="vi-VN",
            viewport={"width": 1280, "height": 1200},
        )
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(STEP_TIMEOUT_MS)
        page.dialogs = []  # any alert() would land here
        page.outside = []  # requests that leave loopback
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: page.outside.append(r.url)
                if not r.url.startswith((server.url, "data:", "blob:")) else None)
        page.goto(server.url)
        page.locator("#qa-input textarea").wait_for()
        yield page
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def replies(page):
    return page.locator("#qa-chat .qa-reply")


def send(page, question: str) -> None:
    """Type a question, press Enter, wait for its reply bubble."""
    before = replies(page).count()
    box = page.locator("#qa-input textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#qa-chat .qa-reply').length > n", arg=before, timeout=STEP_TIMEOUT_MS
    )


def test_conversation_with_citations_follow_up_and_literal_injection(page, tmp_path):
    # 1. The question: the answer, the highlighted clause and its citation are on screen.
    send(page, WHO_QUESTION)
    first = replies(page).last
    assert first.locator(".qa-answer").inner_text().startswith("Đảng đoàn Quốc hội")
    quote = first.locator("blockquote.qa-quote")
    assert quote.is_visible() and "Thể chế hóa" in quote.inner_text()
    assert quote.locator("mark").first.inner_text().lower() == "thể chế hóa"
    cite = first.locator(".qa-cite")
    assert cite.is_visible() and "IV.1.1" in cite.inner_text() and "Đảng đoàn Quốc hội" in cite.inner_text()
    sources = first.locator("details.qa-sources")
    assert "Nguồn tham khảo" in sources.locator("summary").inner_text()
    assert not sources.locator("ol").is_visible()  # collapsed until clicked

    # 2. Follow-ups are answered about the same clause.
    send(page, "thời hạn thì sao?")
    follow = replies(page).last
    assert "IV.1.1" in follow.locator(".qa-answer").inner_text()
    # the timing comes from III.10 (IV.1.1 gives none): the quoted clause is the one it comes from
    assert "III.10" in follow.locator(".qa-cite").inner_text()
    page.wait_for_timeout(500)  # let the chat finish scrolling
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(tmp_path / "screenshot.png"), full_page=True)
    shutil.copyfile(tmp_path / "screenshot.png", SCREENSHOT)
    send(page, "nó nằm ở mục nào?")
    where = replies(page).last
    assert "IV.1.1" in where.locator(".qa-answer").inner_text()
    assert "Đảng đoàn Quốc hội" in where.locator(".qa-cite").inner_text()

    # 3. The reader tab was moved to the cited clause, shown inside its section.
    page.get_by_role("tab", name="Đọc kế hoạch").click()
    target = page.locator("#qa-context .qa-target")
    assert target.is_visible() and "IV.1.1" in target.inner_text() and "Thể chế hóa" in target.inner_text()
    assert "Đảng đoàn Quốc hội" in page.locator("#qa-context").inner_text()
    page.get_by_role("tab", name="Hỏi đáp").click()

    # 4. A new conversation forgets the topic; markup in a question stays text.
    page.locator("#qa-new").click()
    page.wait_for_function("() => document.querySelectorAll('#qa-chat .qa-reply').length === 0")
    send(page, INJECTION)
    page.wait_for_timeout(1000)  # give an injected onerror the time to fire
    user_bubble = page.locator("#qa-chat [data-testid='user']").last
    assert user_bubble.inner_text().strip() == INJECTION
    assert page.get_by_text(INJECTION, exact=True).first.is_visible()
    assert page.locator("#qa-chat img").count() == 0
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == [], page.dialogs
    page.screenshot(path=str(tmp_path / "injection.png"), full_page=True)

    # 5. Offline: nothing left the loopback address.
    assert page.outside == [], page.outside
