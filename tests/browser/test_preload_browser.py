"""The chart renderer preload (ui/preload.py) loads the very module files the frontend uses.

On the library page, which draws no chart, a request for plotly's module can only come from the
preload; on a chart page the preload and the frontend resolve one URL, so each file loads once.
"""

from __future__ import annotations

from collections import Counter

from tests.browser.conftest import PLOTLY
from tests.browser.server import streamlit_server
from ui.preload import module_files


def _record_module_requests(page) -> tuple[Counter, dict]:
    requested: Counter = Counter()
    statuses: dict = {}
    names = set(module_files())

    def on_response(response):
        name = response.url.rsplit("/", 1)[-1]
        if name in names:
            requested[name] += 1
            statuses[name] = response.status

    page.on("response", on_response)
    return requested, statuses


def test_preload_fetches_the_chart_module_on_a_page_without_a_chart(browser):
    """On a fresh server, whose first run imports the data layer while the browser loads."""
    files = module_files()
    assert files and files[0].startswith("PlotlyChart.")
    with streamlit_server() as base:
        page = browser.new_page()
        requested, statuses = _record_module_requests(page)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/library")
        _wait_for_module(page, files[0])
        assert page.locator(PLOTLY).count() == 0  # no chart drew it here
        page.close()
    assert set(requested) == set(files), requested
    assert set(statuses.values()) == {200}
    assert errors == []


def _wait_for_module(page, name: str) -> None:
    page.get_by_role("heading", name="Team library").first.wait_for(timeout=60_000)
    page.wait_for_function(
        "name => performance.getEntriesByType('resource').some(e => e.name.endsWith(name))",
        arg=name,
        timeout=30_000,
    )
    page.wait_for_timeout(500)


def test_chart_page_loads_each_module_file_once(warm_app, page):
    requested, statuses = _record_module_requests(page)
    page.goto(f"{warm_app}/sector-adoption")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    page.wait_for_timeout(500)
    assert requested == Counter({name: 1 for name in module_files()})
    assert set(statuses.values()) == {200}
