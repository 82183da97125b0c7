"""Browser fixtures: one real Streamlit server and one Debian chromium for the whole session."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.server import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, streamlit_server

PLOTLY = ".js-plotly-plot .main-svg"


@pytest.fixture(scope="session")
def app_url():
    with streamlit_server() as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def warm_app(app_url, browser):
    """Open the main page once: a fresh server learns the pages of st.navigation only when
    app.py has run (upstream streamlit#8860 shows a "Page not found" modal before that)."""
    page = browser.new_page()
    page.goto(app_url)
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    return app_url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    yield page
    context.close()
