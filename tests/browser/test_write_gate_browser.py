"""A client cannot enable writes: the browser reports a loopback URL, the server decides anyway.

The old gate trusted the URL the browser reported. Here the server listens on every interface
(0.0.0.0, not loopback) while the browser opens it as http://127.0.0.1:PORT, exactly what a
remote visitor who rewrites the reported URL would send: the Add to library button must stay away.
"""

from tests.browser.server import streamlit_server

ARTICLE = "Korea AI plan\n\nSouth Korea has 14 notable AI models.\n"
ADD = "Add to library"


def upload_article(page, base: str, tmp_path) -> None:
    article = tmp_path / "korea.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.goto(base)
    page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=60_000)
    page.goto(f"{base}/add-source")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(article))
    page.get_by_text("South Korea has 14 notable AI models.").first.wait_for(timeout=60_000)
    assert page.evaluate("window.location.hostname") == "127.0.0.1"  # what the client reports


def test_a_loopback_url_from_the_client_does_not_open_writes(browser, tmp_path):
    with streamlit_server(address="0.0.0.0") as base:
        page = browser.new_page()
        upload_article(page, base, tmp_path)
        page.get_by_text("open only when the server listens on loopback").wait_for(timeout=30_000)
        assert page.get_by_role("button", name=ADD).count() == 0
        page.close()


def test_a_loopback_server_offers_the_add_button(browser, tmp_path):
    with streamlit_server(address="127.0.0.1") as base:
        page = browser.new_page()
        upload_article(page, base, tmp_path)
        page.get_by_role("button", name=ADD).wait_for(timeout=30_000)
        page.close()
