"""WCAG 2.1 A and AA on every page, in the light and the dark theme, checked by axe-core.

axe-core is pinned in package-lock.json (``npm ci``, run by ``make test``) and injected into
each page once its content is visible; any violation fails with its rule, impact, element and
axe's summary. No rule is disabled. The theme follows the system setting (``[theme.light]`` and
``[theme.dark]`` in .streamlit/config.toml), so the browser's colour scheme selects it.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import PLOTLY
from tests.browser.server import ARTIFACTS, REPO_ROOT

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
UPLOADER = '[data-testid="stFileUploader"]'
CITED = "sources?source=004_60a257b0d244c978&start=1571&end=1644"
# Url path -> what shows that the page has drawn (add-source has no chart until an upload).
PAGES = {
    "": PLOTLY,
    "sector-adoption": PLOTLY,
    "model-counts": PLOTLY,
    "growth-projections": PLOTLY,
    "policy-gaps": PLOTLY,
    "sources": PLOTLY,
    CITED: ".source-text mark.cited",
    "add-source": UPLOADER,
    "library": '[data-testid="stDataFrame"]',
    "methodology": PLOTLY,
}
CHART_PAGES = [path for path, ready in PAGES.items() if ready == PLOTLY]
PRIMARY = "rgb(0, 114, 178)"  # Okabe-Ito blue, primaryColor in both themes


def name(path: str) -> str:
    return "sources-cited" if path == CITED else path or "overview"


@pytest.fixture(scope="module")
def axe_script() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --no-audit --no-fund` (make test does)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(params=["light", "dark"])
def themed_page(request, browser):
    context = browser.new_context(
        viewport={"width": 1440, "height": 1000}, color_scheme=request.param
    )
    page = context.new_page()
    yield request.param, page
    context.close()


def open_page(page, base: str, path: str, scheme: str) -> None:
    page.goto(f"{base}/{path}")
    page.wait_for_selector(PAGES[path], state="visible", timeout=60_000)
    if PAGES[path] != PLOTLY and page.locator(PLOTLY).count():
        page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.wait_for_load_state("networkidle")
    assert page.locator('[data-testid="stException"]').count() == 0
    # The theme really is the one under test: Streamlit sets it as .stApp's color-scheme.
    assert page.evaluate("getComputedStyle(document.querySelector('.stApp')).colorScheme") == (
        scheme
    )


def axe_violations(page, script: str) -> list[dict]:
    page.add_script_tag(content=script)
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(result =>
            result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                          summary: n.failureSummary}))})))""",
        WCAG_TAGS,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}\n        {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", list(PAGES), ids=[name(path) for path in PAGES])
def test_page_has_no_wcag_violations(warm_app, themed_page, axe_script, path):
    scheme, page = themed_page
    open_page(page, warm_app, path, scheme)
    page.screenshot(path=ARTIFACTS / f"a11y-{scheme}-{name(path)}.png")
    violations = axe_violations(page, axe_script)
    assert not violations, f"axe-core, {scheme} theme, /{path}:\n{describe(violations)}"


@pytest.mark.parametrize("path", CHART_PAGES, ids=[name(path) for path in CHART_PAGES])
def test_every_chart_has_a_text_alternative(warm_app, page, path):
    page.goto(f"{warm_app}/{path}")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.wait_for_load_state("networkidle")
    charts = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(chart =>
            [chart.getAttribute('role'), (chart.getAttribute('aria-label') || '').trim()])"""
    )
    assert charts
    for role, label in charts:
        assert role in {"figure", "img"} and len(label) > 20, (role, label)


def test_source_text_is_reachable_and_scrolls_by_keyboard(warm_app, page):
    page.goto(f"{warm_app}/sources")
    page.wait_for_selector(".source-text", state="visible", timeout=60_000)
    page.get_by_role("tab", name="Cleaned text").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.getAttribute('role'),"
        " document.activeElement.getAttribute('aria-label')]"
    )
    assert focused == ["source-text", "region", "Source text"]
    page.keyboard.press("PageDown")
    page.wait_for_function("document.activeElement.scrollTop > 0", timeout=5_000)


def test_theme_primary_colour_in_light_and_dark(warm_app, themed_page):
    """Chips and the selected tab in the palette's blue, not Streamlit's red; the cited passage
    in a light sky-blue tint with dark text in both themes."""
    scheme, page = themed_page
    open_page(page, warm_app, "model-counts", scheme)
    chip = page.locator('[data-testid="stMultiSelectTagsContainer"] span[title]').first
    assert chip.evaluate("e => getComputedStyle(e.parentElement).backgroundColor") == PRIMARY
    page.screenshot(path=ARTIFACTS / f"theme-{scheme}-model-counts.png")
    open_page(page, warm_app, CITED, scheme)
    cited = page.locator(".source-text mark.cited").first
    colours = cited.evaluate(
        "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
    )
    assert colours == ["rgb(187, 225, 246)", "rgb(17, 17, 17)"]
    tab = page.get_by_role("tab", name="Cleaned text")
    tab.scroll_into_view_if_needed()
    expected = PRIMARY if scheme == "light" else "rgb(86, 180, 233)"  # sky blue on dark
    assert tab.evaluate("e => getComputedStyle(e.querySelector('p') || e).color") == expected
    page.locator(".source-text mark.cited").first.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"theme-{scheme}-sources-cited.png")


# Every text a chart draws on the page's own background (titles, axes, legends, notes, the
# source caption, labels beside the marks), with its fill blended over the background; text on
# a mark of its own colour (heatmap cells, labels inside bars) is left to plotly's contrast
# choice. axe-core does not look inside SVG.
CHART_TEXT_CONTRAST = """() => {
  const rgba = value => {
    const m = (value || '').match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r, g, b, a};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const channel = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const page = rgba(getComputedStyle(document.querySelector('.stApp')).backgroundColor);
  const found = [];
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    const paper = chart.querySelector('.main-svg .bg');
    let background = page;
    const paperFill = paper && rgba(getComputedStyle(paper).fill);
    if (paperFill) background = over({...paperFill, a: paperFill.a * Number(getComputedStyle(paper).fillOpacity || 1)}, page);
    for (const text of chart.querySelectorAll('.main-svg text')) {
      if (!text.textContent.trim() || text.closest('.heatmaplayer')) continue;
      if (text.classList.contains('bartext') && text.closest('.barlayer')) {
        const point = text.closest('.point'), bar = point && point.querySelector('path');
        const box = bar && bar.getBBox(), label = text.getBBox();
        if (box && label.x >= box.x && label.x + label.width <= box.x + box.width &&
            label.y >= box.y && label.y + label.height <= box.y + box.height) continue;
      }
      const style = getComputedStyle(text);
      const fill = rgba(style.fill);
      if (!fill) continue;
      const ink = over({...fill, a: fill.a * Number(style.fillOpacity || 1)}, background);
      found.push({text: text.textContent.trim().slice(0, 60), ratio: ratio(ink, background),
                  size: parseFloat(style.fontSize), bold: Number(style.fontWeight) >= 700});
    }
  }
  return found;
}"""


def is_large(text: dict) -> bool:
    return text["size"] >= 24 or (text["size"] >= 18.66 and text["bold"])


@pytest.mark.parametrize("path", CHART_PAGES, ids=[name(path) for path in CHART_PAGES])
def test_chart_text_has_enough_contrast(warm_app, themed_page, path):
    """WCAG 1.4.3 inside the charts: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold)."""
    scheme, page = themed_page
    open_page(page, warm_app, path, scheme)
    texts = page.evaluate(CHART_TEXT_CONTRAST)
    assert len(texts) >= 8  # titles, ticks and captions were found
    failing = [t for t in texts if t["ratio"] < (3.0 if is_large(t) else 4.5)]
    # Heatmap cells: plotly's own two inks, whose contrast on each ordinal colour
    # tests/charts/test_charts.py checks.
    cell_inks = page.evaluate(
        "() => [...document.querySelectorAll('.heatmaplayer text')].map(t => getComputedStyle(t).fill)"
    )
    assert set(cell_inks) <= {"rgb(68, 68, 68)", "rgb(255, 255, 255)"}, cell_inks
    assert not failing, f"{scheme} theme, /{path}: " + "; ".join(
        f"{t['text']!r} {t['ratio']:.2f}:1 at {t['size']:.0f} px" for t in failing
    )
