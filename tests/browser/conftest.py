"""A real browser for the web app's tests: Debian's Chromium driven by Playwright (whose
own browser download cannot work on these machines), headless, against the system the
tests start. Screenshots go to .data/screenshots/ (the README's are copied from there)."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".data" / "screenshots"
# As on this machine's probe: without the background-networking flags Chromium keeps
# trying Google's hosts, which the closed network refuses.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    return os.environ.get("POSTFLOW_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


# Per module, not per session: Playwright's sync API runs an event loop in the main thread
# while it is open, and every asyncio test after it would find that loop running.
@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        if os.environ.get("POSTFLOW_REQUIRE_BROWSER"):
            pytest.fail("Chromium is missing (make test installs Debian's chromium package)")
        pytest.skip("no Chromium on this machine: make test installs it where it can")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
