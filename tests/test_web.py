"""The web page in a real browser (Debian's chromium driven by Playwright) on a store of the seeds.

The screenshot is saved as test-artifacts/web.png.
"""

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from communique.api import create_app

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def server(seeds_db):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(seeds_db, token=""), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("chromium is not installed here (apt-get install -y chromium; .ci/run does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def test_page_shows_the_dyad_chart_the_events_and_the_evidence(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{server}/?a=AZE&b=USA&by=year")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)

    # the chart: plotly drew bars whose heights add up to the dyad's six events
    bars = page.eval_on_selector("#dyad-chart", "g => g.data.filter(t => t.type === 'bar')"
                                                ".reduce((n, t) => n + t.y.reduce((a, b) => a + b, 0), 0)")
    assert bars == 6
    assert page.locator("#dyad-chart .barlayer .point path").count() >= 2
    assert page.locator("#network-chart .scatterlayer .point").count() >= 2

    # the table: the congratulation of Trump and the negated one of Sandu
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 7
    table = page.inner_text("#events-table")
    assert "Donald Trump" in table and "Maia Sandu" in table and "negated" in table

    # one click from the row to the sentence that proves it, highlighted in its document
    rows.filter(has_text="Maia Sandu").first.click()
    current = page.locator("#doc-text mark.evidence.current")
    current.wait_for(timeout=10_000)
    assert current.inner_text() == "Aliyev did not congratulate Moldovan President Maia Sandu"
    assert page.locator("#doc-text .quote").count() >= 1
    assert "Ilham Aliyev" in page.inner_text("#speaker-list")

    # a click on a bar (the last year's, the tallest on the right) lists that period's events
    page.locator("#dyad-chart").scroll_into_view_if_needed()
    boxes = [b for b in (p.bounding_box() for p in page.locator("#dyad-chart .barlayer .point path").all())
             if b and b["height"] > 1]
    last = max(boxes, key=lambda b: b["x"])
    page.mouse.click(last["x"] + last["width"] / 2, last["y"] + last["height"] / 2)
    page.wait_for_function("document.querySelector('#events-scope').textContent.includes('AZE')")
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length === 3")

    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{server}/?a=AZE&b=USA&by=year")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    page.locator("#events-table tbody tr").filter(has_text="Maia Sandu").first.click()
    page.locator("#doc-text mark.evidence.current").wait_for()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "web.png"), full_page=True)
    assert not errors, errors
    page.close()
