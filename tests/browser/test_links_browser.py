"""Shared links in a real browser: the URL carries the view, a copied link restores it."""

from tests.browser.conftest import PLOTLY


def bar_labels(page) -> list[str]:
    """The x labels of the first chart's bars (the model-counts chart)."""
    chart = page.locator(".js-plotly-plot").first
    chart.locator(".trace.bars .point").first.wait_for(state="visible", timeout=60_000)
    return chart.locator(".xtick text").all_text_contents()


def test_countries_in_the_link_pick_the_bars(warm_app, page):
    page.goto(f"{warm_app}/model-counts?countries=KOR,USA")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    assert sorted(bar_labels(page)) == ["South Korea", "United States"]
    chart = page.locator(".js-plotly-plot").first
    assert chart.locator(".trace.bars .point").count() == 2


def test_copied_link_restores_a_changed_selection(warm_app, page, browser):
    page.goto(f"{warm_app}/model-counts?countries=KOR,USA,CHN")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    assert sorted(bar_labels(page)) == ["China", "South Korea", "United States"]
    # Remove China from the selection, as an analyst would.
    page.locator('[data-testid="stMain"]').get_by_role("button", name="Remove China").click()
    # The link panel is closed on a first visit (its contents are sent only when it is open).
    page.locator('[data-testid="stSidebar"]').get_by_text("Copy link to this view").click()
    page.wait_for_function(
        """() => {
            const code = document.querySelector('[data-testid="stSidebar"] [data-testid="stCode"] code');
            return code && code.textContent.replace(/\\s/g, "").endsWith("countries=KOR,USA");
        }""",
        timeout=30_000,
    )
    assert "countries=KOR" in page.url and "CHN" not in page.url  # the address bar follows too
    code = page.locator('[data-testid="stSidebar"] [data-testid="stCode"] code')
    copied = code.inner_text().replace("\n", "")
    assert copied.endswith("/model-counts?countries=KOR,USA")
    other = browser.new_page()
    other.goto(copied)
    other.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    assert sorted(bar_labels(other)) == ["South Korea", "United States"]
    other.reload()
    other.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    assert sorted(bar_labels(other)) == ["South Korea", "United States"]
    other.close()


def test_unknown_country_shows_notice_and_default_view(warm_app, page):
    page.goto(f"{warm_app}/model-counts?countries=XXX")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.get_by_text("Ignored countries=XXX in the link").wait_for(timeout=30_000)
    assert bar_labels(page) == ["United States", "China", "South Korea", "France", "Rest of world"]
    assert page.locator('[data-testid="stException"]').count() == 0
