"""Chart labels never clip or overprint: on every chart page, and in every 1920x1080 export."""

import pytest

from lib.charts.catalog import every_chart
from lib.export.images import figure_bytes, figure_with_disclosures
from tests.browser.conftest import PLOTLY

# The text boxes of each plotly figure on the page: every pair that overlaps by more than 2 px,
# and every box that leaves its figure.
LABEL_PROBLEMS = r"""
(selector) => {
  const problems = [];
  document.querySelectorAll(selector).forEach((figure, index) => {
    const frame = figure.getBoundingClientRect();
    const boxes = [];
    figure.querySelectorAll('text').forEach(text => {
      const label = text.textContent.trim();
      const style = getComputedStyle(text);
      const box = text.getBoundingClientRect();
      if (!label || style.display === 'none' || style.visibility === 'hidden' || !box.width) return;
      boxes.push({label: label.slice(0, 40), box});
    });
    for (const {label, box} of boxes) {
      if (box.left < frame.left - 1 || box.right > frame.right + 1 ||
          box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
        problems.push(`figure ${index}: "${label}" leaves the figure`);
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].box, b = boxes[j].box;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) {
          problems.push(`figure ${index}: "${boxes[i].label}" overprints "${boxes[j].label}"`);
        }
      }
    }
  });
  return problems;
}
"""
CHART_PAGES = ["", "sector-adoption", "model-counts", "growth-projections", "policy-gaps",
               "sources", "methodology"]  # fmt: skip


@pytest.mark.parametrize("path", CHART_PAGES)
def test_labels_fit_at_page_width(warm_app, page, path):
    page.goto(f"{warm_app}/{path}")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.wait_for_timeout(1000)  # plotly's second layout pass (automargins)
    assert page.evaluate(LABEL_PROBLEMS, ".js-plotly-plot .main-svg:first-of-type") == []


def test_labels_fit_in_every_1920x1080_export(browser, datasets, corpus):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    problems = {}
    for chart in every_chart(datasets, corpus):
        svg = figure_bytes(figure_with_disclosures(chart), "svg").decode("utf-8")
        page.set_content(f"<html><body style='margin:0'>{svg}</body></html>")
        found = page.evaluate(LABEL_PROBLEMS, "body > svg")
        if found:
            problems[chart.chart_id] = found
    page.close()
    assert problems == {}
