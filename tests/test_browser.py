"""``hipaalint serve`` end to end: the real server on 127.0.0.1, driven by headless Chromium.

Uses the system Chromium (no Playwright browser download). Screenshots go to the test's
tmp dir and are copied to /tmp/hipaalint-serve.png and /tmp/hipaalint-serve-phone.png.
"""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser test needs Chromium at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser test needs the playwright package")

from hipaalint.server import bind_socket, create_app, make_server  # noqa: E402

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
LEAK = "Hi Maria, so sorry your root canal on March 3 hurt! MRN 00482913"
DESKTOP_SHOT = "/tmp/hipaalint-serve.png"
PHONE_SHOT = "/tmp/hipaalint-serve-phone.png"


@pytest.fixture(scope="module")
def server_url(linter):
    sock = bind_socket("127.0.0.1", 0)
    server = make_server(create_app(linter))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    server.should_exit = True
    thread.join(timeout=5)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """Console errors, page errors and any request that leaves the local server."""

    def __init__(self, page, base: str) -> None:
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        page.on("request", lambda r: r.url.startswith((base, "data:")) or self.problems.append(f"external: {r.url}"))


def open_page(browser, url: str, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    watch = PageWatch(page, url)
    page.goto(url)
    return context, page, watch


SETTLED = """() => {
  const preview = document.getElementById('preview');
  return preview.textContent === document.getElementById('draft').value
    && !preview.classList.contains('stale') && document.getElementById('status').textContent === '';
}"""  # a function, not an expression: the page's CSP forbids eval


def wait_for_marks(page, count: int) -> list[str]:
    """The marks once the preview shows the current draft, checked and not stale."""
    page.wait_for_function(SETTLED, timeout=10_000)
    marks = page.locator("#preview mark").all_text_contents()
    assert len(marks) >= count, marks
    return marks


def test_draft_is_highlighted_and_rewritten(browser, server_url, tmp_path):
    context, page, watch = open_page(browser, server_url, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url.rstrip("/"))
    page.locator("#draft").fill(LEAK)  # live check: no button press

    marks = wait_for_marks(page, 3)
    for value in ("Maria", "March 3", "00482913"):
        assert value in marks
    name_mark = page.locator("#preview mark", has_text="Maria")
    assert name_mark.get_attribute("title").startswith("PHI-NAME: ")
    assert "sev-error" in name_mark.get_attribute("class")

    findings = page.locator("#findings").inner_text()
    assert "PHI-NAME" in findings and "PHI-MRN" in findings and "Fix:" in findings
    assert page.locator("#results").get_attribute("aria-live") == "polite"
    assert "4 findings" in page.locator("#summary").inner_text()

    tagged = page.locator("#rewrite-text").input_value()
    assert "[PATIENT]" in tagged and "00482913" not in tagged
    assert page.locator("#unfixed").is_visible()  # the review-reply rule needs rewording
    assert page.locator("#suggestions li").count() >= 1

    page.locator("#style").select_option("generalize")
    page.wait_for_function(
        "(before) => document.getElementById('rewrite-text').value !== before", arg=tagged, timeout=10_000
    )
    generalized = page.locator("#rewrite-text").input_value()
    assert generalized != tagged
    assert generalized.startswith("Hi there,")
    assert "00482913" not in generalized and "Maria" not in generalized

    page.locator("#copy").click()
    page.wait_for_function("() => document.getElementById('copy-status').textContent !== ''", timeout=5_000)
    assert page.locator("#copy-status").inner_text() == "Copied."
    assert page.evaluate("navigator.clipboard.readText()") == generalized

    # keyboard: the draft, then the Check button; a finding's button selects its span in the draft
    page.locator("#draft").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "check"
    page.locator("#findings li", has_text="PHI-MRN").get_by_role("button").click()
    assert page.evaluate("(() => { const d = document.getElementById('draft'); "
                         "return d.value.slice(d.selectionStart, d.selectionEnd); })()") == "00482913"

    # post text is shown as text, never parsed as markup
    page.locator("#draft").fill('<img src=x onerror="window.pwned=1"> Maria Lopez had surgery on March 3')
    wait_for_marks(page, 1)
    assert page.evaluate("window.pwned === undefined && document.querySelectorAll('#preview img').length === 0")

    page.locator("#draft").fill(LEAK)
    wait_for_marks(page, 3)
    shot = tmp_path / "browser.png"
    page.screenshot(path=str(shot), full_page=True)
    shutil.copyfile(shot, DESKTOP_SHOT)
    assert watch.problems == []
    context.close()


def test_phone_width_counter_and_errors(browser, server_url, tmp_path):
    context, page, watch = open_page(
        browser, server_url, viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    long_post = LEAK + " " + "Thank you all for the kind words this week. " * 6
    page.locator("#draft").fill(long_post)
    wait_for_marks(page, 3)
    over = page.locator("#limits li.over").all_text_contents()
    assert len(over) == 1 and over[0].startswith("X ") and "over by" in over[0]
    assert "Too long for X." in page.locator("#counter-summary").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling

    shot = tmp_path / "phone.png"
    page.screenshot(path=str(shot), full_page=True)
    shutil.copyfile(shot, PHONE_SHOT)

    # a refused post shows the server's message instead of stale results
    page.locator("#draft").fill("a" * 100_001)
    page.wait_for_function("() => document.getElementById('summary').classList.contains('failed')", timeout=10_000)
    assert "100 KB" in page.locator("#summary").inner_text()
    assert page.locator("#preview mark").count() == 0
    assert [p for p in watch.problems if "413" not in p] == []  # the browser logs the 413 itself
    context.close()
