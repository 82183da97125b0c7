"""A real browser on a real server: every page shows its chart, no exception, a screenshot each."""

import pytest

from tests.apptest_helpers import PAGES
from tests.browser.conftest import PLOTLY
from tests.browser.server import ARTIFACTS

CHART_PAGES = ["", "sector-adoption", "model-counts", "growth-projections", "policy-gaps"]


@pytest.mark.parametrize("path", PAGES)
def test_page_shows_chart_without_exception(warm_app, page, path):
    page.goto(f"{warm_app}/{path}")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.wait_for_load_state("networkidle")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Page not found").count() == 0
    if path in CHART_PAGES:
        excerpt = page.locator(".excerpt").first
        excerpt.wait_for(state="visible")
        chart_box, excerpt_box = page.locator(PLOTLY).first.bounding_box(), excerpt.bounding_box()
        assert excerpt_box["x"] > chart_box["x"] + chart_box["width"] / 2  # beside, not below
    page.screenshot(path=ARTIFACTS / f"page-{path or 'overview'}.png", full_page=True)


def test_chart_has_alt_text(warm_app, page):
    page.goto(f"{warm_app}/model-counts")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    labels = page.locator(
        '[data-testid="stPlotlyChart"] [aria-label], [data-testid="stPlotlyChart"][aria-label]'
    )
    assert any(
        "AI models by country" in (labels.nth(i).get_attribute("aria-label") or "")
        for i in range(labels.count())
    )
