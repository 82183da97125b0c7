"""Review prose figures in a real browser: upload, confirm three, see them charted on the Overview."""

from lib.datasets.uploads import upload_id
from tests.app_pages.test_figure_review import ENGLISH
from tests.browser.server import ARTIFACTS

ARTICLE = ENGLISH  # the same article the AppTest review uses
SOURCE_ID = upload_id(ARTICLE.encode())


def card(page, mention: str, after: str = ""):
    """The review card of the figure ``mention`` (the first after ``after``)."""
    start = ARTICLE.index(mention, ARTICLE.index(after) if after else 0)
    return page.locator(f".st-key-fig-{SOURCE_ID}-{start}-{start + len(mention)}-card")


def test_confirm_three_figures_and_see_them_on_the_overview(warm_app, page, tmp_path):
    article = tmp_path / "teams.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.goto(f"{warm_app}/add-source")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(article))
    page.get_by_role("tab", name="Figures").click()
    marks = page.locator(".source-text mark.fig-proposed")
    marks.first.wait_for(timeout=60_000)
    assert marks.count() == 8  # the dollar restatement is marked with its figure, not as one
    assert page.locator(".source-text mark.fig-conversion").inner_text() == "180 million USD"

    for mention, after in (("240 billion won", ""), ("13%", ""), ("14", "ranks")):
        figure = card(page, mention, after)
        figure.get_by_role("button", name="Confirm").click()
        figure.get_by_text("confirmed", exact=True).wait_for(timeout=30_000)
    assert page.locator(".source-text mark.fig-confirmed").count() == 3
    assert "3 confirmed, 0 edited, 0 rejected, 5 to review" in page.locator("body").inner_text()
    page.screenshot(path=ARTIFACTS / "figure-review-add-source.png", full_page=True)

    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Overview").click()
    page.get_by_role("heading", name="Confirmed figures").wait_for(timeout=60_000)
    chart = page.locator(".js-plotly-plot", has_text="Confirmed figures").first
    chart.locator(".main-svg").first.wait_for(state="visible", timeout=60_000)
    chart.scroll_into_view_if_needed()
    drawn = chart.text_content()
    for text in ("Money in KRW (South Korean won)", "Percentages (%)", "Counts",
                 "up to 240 billion KRW", "13%"):  # fmt: skip
        assert text in drawn, text
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=ARTIFACTS / "figure-review-overview.png", full_page=True)
    block = page.locator('[data-testid="stHorizontalBlock"]', has=chart).first
    block.screenshot(path=ARTIFACTS / "figure-review-overview-chart.png")
