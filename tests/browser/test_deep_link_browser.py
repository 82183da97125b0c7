"""The first deep link on a fresh (or woken) server lands on its page with no "Page not found".

Streamlit ran the first session of a server with file-based navigation when a folder named
``pages/`` sat beside ``app.py`` (streamlit#8860); the pages live in ``app_pages/`` instead.
"""

from tests.browser.conftest import PLOTLY
from tests.browser.server import ARTIFACTS, streamlit_server


def test_first_deep_link_after_a_cold_start_has_no_modal(browser):
    with streamlit_server() as base:  # a fresh server: this is its very first session
        page = browser.new_page()
        page.goto(f"{base}/model-counts?countries=KOR,USA")
        page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
        page.wait_for_timeout(1500)  # the modal, when it came, came with the first run
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator('[role="dialog"]').count() == 0
        assert page.locator("h1").first.inner_text() == "AI models by country"
        assert "countries=KOR%2CUSA" in page.url or "countries=KOR,USA" in page.url
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "first-deep-link.png")
        page.close()
