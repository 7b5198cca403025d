"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every test module here sets ``pytestmark = pytest.mark.browser``. Chromium is installed by ``make system-packages``; the
front-end assets (GOV.UK Frontend, htmx, axe-core) by ``make assets``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = os.environ.get("INSPIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ASSETS = ROOT / "inspire" / "web" / "static" / "vendor" / "inspire.css"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# pytest-django's live server runs in a thread; Playwright's sync API runs an event loop in this one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    for needed, how in ((Path(CHROMIUM), "make system-packages"), (AXE, "make assets"), (ASSETS, "make assets")):
        if not needed.exists():
            pytest.fail(f"{needed} is missing: run `{how}`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, accept_downloads=True, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Chromium reports each thing the Content-Security-Policy blocked (an inline script, a style, a
    # source from elsewhere) on the console: none may happen on any page a test reaches
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"
    assert not refused, "The Content-Security-Policy blocked:\n" + "\n".join(refused)


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def check_accessibility(page) -> None:
    """Run axe-core on the page as it stands; fail listing each violation and where it is."""
    # evaluated through the browser's debugging protocol, not added as an inline <script> (which the
    # Content-Security-Policy would rightly block)
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    violations = page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}
        })).violations.map(v => ({id: v.id, help: v.help, \
targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
    )
    assert not violations, f"axe-core found accessibility problems on {page.url}:\n" + "\n".join(
        f"- {v['id']}: {v['help']} at {', '.join(v['targets'])}" for v in violations
    )
