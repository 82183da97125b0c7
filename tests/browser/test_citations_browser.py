"""Following a citation keeps the analyst's work: it navigates inside the app, no reload."""

from tests.browser.conftest import PLOTLY
from tests.browser.server import ARTIFACTS

ARTICLE = "Seoul AI plan\n\nThe ministry will fund 14 AI teams with 240 billion won.\n"


def nav(page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()


def test_citation_round_trip_keeps_the_upload(warm_app, page, tmp_path):
    article = tmp_path / "seoul-plan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.goto(f"{warm_app}/add-source")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(article))
    page.get_by_text("The ministry will fund 14 AI teams").first.wait_for(timeout=60_000)
    page.evaluate("window.__sameDocument = true")  # a reload would wipe this

    nav(page, "Model counts")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.get_by_role("link", name="Open in sources").first.click()
    page.wait_for_url("**/sources?source=*", timeout=30_000)
    assert "start=" in page.url and "end=" in page.url
    page.locator(".source-text mark.cited").first.wait_for(timeout=30_000)

    nav(page, "Add a source")
    page.get_by_text("The ministry will fund 14 AI teams").first.wait_for(timeout=30_000)
    assert page.get_by_text("seoul-plan.txt").count() >= 1
    assert page.evaluate("window.__sameDocument") is True

    nav(page, "Overview")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.get_by_role("link", name="Untitled: Ha Jung-woo and Korea's…").first.click()
    page.wait_for_url("**/sources?source=004_60a257b0d244c978*", timeout=30_000)
    page.locator(".source-text mark.cited").first.wait_for(timeout=30_000)
    assert page.evaluate("window.__sameDocument") is True
    page.screenshot(path=ARTIFACTS / "citation-from-overview.png", full_page=True)
    nav(page, "Add a source")
    page.get_by_text("The ministry will fund 14 AI teams").first.wait_for(timeout=30_000)
