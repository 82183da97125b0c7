"""Layout details an analyst notices, measured in a real browser at 1440x1000, each with a
screenshot kept in test-artifacts/: even Overview cards, filter chips in full, the modebar clear
of chart titles, a copy-link box that never cuts the link, library titles in full."""

from __future__ import annotations

from tests.browser.conftest import PLOTLY
from tests.browser.server import ARTIFACTS

# A card: the bordered block that holds a metric itself.
CARD = (
    '[data-testid="stVerticalBlock"]'
    ':has(> [data-testid="stElementContainer"] > [data-testid="stMetric"])'
)


def _open(page, base: str, path: str, ready: str = PLOTLY) -> None:
    page.goto(f"{base}/{path}")
    page.wait_for_selector(ready, state="visible", timeout=60_000)
    page.wait_for_load_state("networkidle")


def test_overview_cards_in_a_row_are_equally_tall(warm_app, page):
    _open(page, warm_app, "")
    boxes = page.evaluate(
        """sel => [...document.querySelectorAll(sel)].map(card => {
                           const r = card.getBoundingClientRect();
                           return [Math.round(r.top), Math.round(r.height)]; })""",
        CARD,
    )
    rows: dict[int, list[int]] = {}
    for top, height in boxes:
        rows.setdefault(top, []).append(height)
    page.screenshot(path=ARTIFACTS / "polish-overview-cards.png")
    assert sorted(len(heights) for heights in rows.values()) == [3, 3], rows
    for heights in rows.values():
        assert max(heights) - min(heights) <= 1, rows


def test_filter_chips_show_their_labels_in_full(warm_app, page):
    _open(page, warm_app, "sector-adoption")
    chips = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMultiSelectTagsContainer"] span[title]')]
            .map(span => { const tag = span.parentElement.getBoundingClientRect();
                           const box = span.closest('[data-testid="stMultiSelectTagsContainer"]')
                                           .getBoundingClientRect();
                           return [span.title, span.scrollWidth <= span.clientWidth + 1,
                                   tag.right <= box.right + 1]; })"""
    )
    page.screenshot(path=ARTIFACTS / "polish-sector-chips.png")
    assert any(title == "Manufacturing & Automation" for title, _, _ in chips)
    assert all(whole and inside for _, whole, inside in chips), chips


def test_modebar_stays_clear_of_the_chart_title(warm_app, page):
    _open(page, warm_app, "growth-projections")  # the longest title of the chart pages
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.hover()
    page.wait_for_selector(".modebar", state="visible", timeout=10_000)
    title = chart.locator(".gtitle").bounding_box()
    modebar = chart.locator(".modebar").bounding_box()
    chart.screenshot(path=ARTIFACTS / "polish-modebar.png")
    overlap_x = min(title["x"] + title["width"], modebar["x"] + modebar["width"]) - max(
        title["x"], modebar["x"]
    )
    overlap_y = min(title["y"] + title["height"], modebar["y"] + modebar["height"]) - max(
        title["y"], modebar["y"]
    )
    assert overlap_x <= 0 or overlap_y <= 0, (title, modebar)


def test_copy_link_box_keeps_the_link_on_one_line(warm_app, page):
    _open(page, warm_app, "model-counts?countries=KOR,USA,CHN&rest=on")
    page.get_by_text("Copy link to this view").click()
    code = page.locator('[data-testid="stSidebar"] [data-testid="stCode"] code').first
    code.wait_for(state="visible", timeout=10_000)
    link = code.inner_text().strip()
    assert link.endswith("/model-counts?countries=KOR,USA,CHN&rest=on"), link
    line_height = code.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert code.bounding_box()["height"] < 1.5 * line_height  # one line: it scrolls, never wraps
    page.locator('[data-testid="stSidebar"]').screenshot(path=ARTIFACTS / "polish-copy-link.png")


def test_library_rows_are_tall_enough_to_wrap_titles(warm_app, page):
    """The grid draws on a canvas, so the screenshot shows the titles; the row height (over
    the 4rem at which the grid wraps text) is checked here."""
    _open(page, warm_app, "library", '[data-testid="stDataFrame"]')
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "polish-library-titles.png")
    grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    assert grid["height"] >= 5 * 64  # five bundled articles in rows over 4rem, and the header
